"""Narrative checks of percentages recomputed from the stated amounts: 占比 (and their sum),
同比 增减额 and 增减率, 预决算差异率 and “完成预算的X%”.

Where it sits: rules/checks; ``narrative.CHECKS`` appends ``PERCENT_CHECKS``. Every printed
percentage is recomputed with :func:`juesuan.core.money.pct_consistent` (via
``support.pct_verdict``); a figure within 0.01 percentage points of the exact ratio is a
rounding note (info), a larger gap an error. A zero base (上年为零, 预算为零) is a convention
question, reported as info at most.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator, Sequence

from ...core import keys
from ...core.findings import Finding
from ...core.keys import BUDGET_DIFF, BUDGET_GAP, COMPLETION, DELTA, DELTA_PCT, EXPENDITURE_ITEMS, FULL_BUDGET, INCOME_ITEMS, INITIAL_BUDGET, PRIOR, SHARE
from ...core.model import BUDGET_WORD, COMPLETION_CLAUSE, YOY_CLAUSE, Statement
from ...core.money import CENT, HALF_CENT, HUNDRED, parse_amount, pct, printed_places, round2
from .base import ERROR, INFO, WARNING, Code, Context, NotApplicable, check
from .narrative_words import direction, flipped, rate_flipped
from .support import (CLASS_KEY, ITEM_KEY, ROUNDING, pct_verdict, split_key, ROUNDING_NOTE, amt, equal_finding, named, pc, pc_printed, quoted,
                      require_statements, section_label, spans, stated_value, sum_finding, year_of)

# --------------------------------------------------------------------------- finding codes

N_SHARE = Code("N-SHARE", ERROR, "说明中的占比与所述金额及其基数不符（按四舍五入重算，相差超过0.01个百分点）")
N_SHARES_TOTAL = Code("N-SHARES-TOTAL", ERROR, "一组完整列出的占比（收入各项、支出各项、三公三项）合计不等于100%")
N_YOY_PCT = Code("N-YOY-PCT", ERROR, "同比增减百分比与所述增减额及上年数不符（按四舍五入重算，相差超过0.01个百分点；"
                 "总计的增减率恰与按其本年部分计算的相符、增减额所指不明时为警告）", also=(WARNING,))
N_ZERO_BASE = Code("N-ZERO-BASE", INFO, "上年为零时写出的增长率（数学上无定义），按惯例处理，仅作提示"
                   "（本年有增减却写“增长0.00%”的，与增减方向不符，为警告）", also=(WARNING,))
N_YOY_DELTA = Code("N-YOY-DELTA", ERROR, "同比增减额与本年数、上年数不符，或合计的增减额≠各项增减额之和"
                   "（基本支出、项目支出之和恰为所述总额，而其增减额之和不等于总额增减额时：一般公共预算财政拨款支出为错误，"
                   "其余总额为警告，因上年可能另有其他支出；所列各功能分类之和即为支出总额而其增减额之和不等于总额增减额、"
                   "收入总计与支出总计相等而二者增减额不同时亦为警告）", also=(WARNING,))
N_BUDGET_GAP = Code("N-BUDGET-GAP", ERROR, "预决算差异率与所述预算数、决算数不符（按四舍五入重算，相差超过0.01个百分点）")
N_BUDGET_DIFF = Code("N-BUDGET-DIFF", ERROR, "说明中与预算相比的增减额（含“与预算相比无增减”）与决算数−预算数不符")
N_ZERO_BUDGET = Code("N-ZERO-BUDGET", INFO, "预算数为零时写出的预决算差异率（数学上无定义），仅作提示")
N_COMPLETION = Code("N-COMPLETION", ERROR, "“完成预算的X%”与所述决算数、预算数（或决算数与所写差额）不符（按四舍五入重算，相差超过0.01个百分点）；"
                    "写“完成预算100%”又写“决算数大于（小于）预算数”而无从重算时为警告", also=(WARNING,))
N_COMPLETION_BASE = Code("N-COMPLETION-BASE", WARNING, "年初预算为零却写“完成年初预算的X%”，应以全年预算计算并如实表述")


_ALIASES = {"收支总计": ("收入总计", "支出总计"), "财政拨款收支总计": ("财政拨款收入总计", "财政拨款支出总计")}
_SANGONG_PARTS = ("三公.因公出国（境）费", "三公.公务用车购置及运行维护费", "三公.公务接待费")
_VEHICLE_PARTS = ("三公.公务用车购置费", "三公.公务用车运行维护费")


def _current(ctx: Context, subject: str) -> Decimal | None:
    """This year's amount of ``subject`` as stated (or derived from data)."""
    v, _ = stated_value(ctx.disclosure, subject, *_ALIASES.get(subject, ()))
    if v is not None:
        return v
    if subject == "本年财政拨款支出" and ctx.figures.get(subject) is None:
        return _fiscal_spending_told(ctx)  # (derived from the totals stated, not stated itself)
    return ctx.figures.get(subject)


def _fiscal_spending_told(ctx: Context) -> Decimal | None:
    """本年财政拨款支出 from the totals the 说明 states: 财政拨款支出总计 less its year-end carry-over, which is
    0 where the unit carries nothing over (支出总计 = 本年支出合计, 结余分配 not told otherwise: 金华 2021)."""
    d = ctx.disclosure
    total, closing = stated_value(d, "财政拨款支出总计")[0], stated_value(d, "年末财政拨款结转和结余")[0]
    if total is None:
        return None
    if closing is not None:
        return total - closing
    spent, year_spent = stated_value(d, "支出总计")[0], stated_value(d, "本年支出合计")[0]
    distributed = stated_value(d, "结余分配")[0]
    if spent is not None and spent == year_spent and not distributed:
        return total
    return None


def _bases(subject: str) -> tuple[str, ...]:
    if subject.startswith("收入."):
        return ("本年收入合计",)
    if subject.startswith(("支出.", "全部资金.类.")) or subject == "一般公共预算财政拨款支出":
        return ("本年支出合计",)
    if subject.startswith("类."):
        return ("一般公共预算财政拨款支出",)
    if subject.startswith("三公.") and subject != "三公.合计":
        return ("三公.合计",)
    if subject == "政府采购.小微企业":
        return ("政府采购.总额", "政府采购.中小企业")
    if subject.startswith("政府采购.") and subject != "政府采购.总额":
        return ("政府采购.总额",)
    if subject in ("一般公共预算财政拨款基本支出", "一般公共预算财政拨款项目支出"):
        return ("一般公共预算财政拨款支出",)
    if subject in ("人员经费", "公用经费"):
        return ("一般公共预算财政拨款基本支出",)
    return ()


def _with_suffix(ctx: Context, suffix: str, absent: str) -> list[Statement]:
    """The statements whose key ends in ``suffix``; NotApplicable(``absent``) when there are none."""
    found = [s for s in require_statements(ctx) if split_key(s.key)[1] == suffix]
    if not found:
        raise NotApplicable(absent)
    return found


def _prior(ctx: Context, subject: str) -> Decimal | None:
    """上年数 of ``subject`` as stated, else from the model's comparatives."""
    prior, _ = stated_value(ctx.disclosure, keys.key(subject, PRIOR))
    return prior if prior is not None else ctx.disclosure.comparatives.prior.get(subject)


@check(N_SHARE, ROUNDING, relations=("C39", "C40", "C42", "C43", "C46", "C48"))
def shares(ctx: Context) -> Iterator[Finding]:
    """每个“占X%”= 金额 / 基数 × 100（收入看本年收入、支出看本年支出、类看一般公共预算财政拨款支出、三公各项看三公合计、采购看采购总额；文字写明基数的，如“占总收入的”，按所写基数）。"""
    found = _with_suffix(ctx, SHARE, "说明中没有占比")
    year = year_of(ctx)
    for s in found:
        subject = split_key(s.key)[0]
        name = quoted(subject, year)
        part = _current(ctx, subject)
        # the base the words name first; "占总支出的" after "一般公共预算财政拨款支出…，其中基本支出…" may
        # mean the sentence's own total, so a share that fits the subject's usual base is no error either
        named_bases = ((s.basis,) if s.basis else ()) + tuple(b for b in _bases(subject) if b != s.basis)
        bases = [(b, _current(ctx, b)) for b in named_bases]
        bases = [(b, w) for b, w in bases if w]
        if part is None or not bases:
            continue
        if (s.basis in ("支出总计", "收入总计") and subject.startswith("一般公共预算财政拨款")
                and not any(b in _bases(subject) for b, _ in bases)):
            continue  # "占总支出的" of a 财政拨款 figure, whose own total is not read: which total is meant is unknown
        stated = {x.value for x in ctx.disclosure.narrative.stated(subject)} if ctx.disclosure.narrative else set()
        if len(stated) > 1:
            continue  # the text gives the amount twice, differently (N-REPEAT): which one the share is of is unknown
        verdicts = [pct_verdict(s.value, part, w) for _, w in bases]
        if "ok" in verdicts:
            continue
        b, w = bases[0]
        if "near" in verdicts:
            yield ROUNDING(f"{name}占比写为{pc_printed(s.value)}，按{amt(part)}÷{amt(w)}为{pc(pct(part, w))}，相差不超过0.01个百分点（{ROUNDING_NOTE}）",
                          {"说明中占比": pc_printed(s.value), "金额": amt(part), "基数": f"{named(b, year)} {amt(w)}", "重算占比": pc(pct(part, w))},
                          spans(s.span), section_label(ctx, subject))
            continue
        yield N_SHARE(f"{name}占比写为{pc_printed(s.value)}，按{amt(part)}÷{amt(w)}应为{pc(pct(part, w))}",
                      {"说明中占比": pc_printed(s.value), "金额": amt(part), "基数": f"{named(b, year)} {amt(w)}", "重算占比": pc(pct(part, w))},
                      spans(s.span), section_label(ctx, subject))


_SHARE_GROUPS = (("收入", tuple(f"收入.{i}" for i in INCOME_ITEMS)), ("支出", tuple(f"支出.{i}" for i in EXPENDITURE_ITEMS)),
                 ("三公经费", _SANGONG_PARTS))


@check(N_SHARES_TOTAL, relations=("C39", "C40", "C46"))
def shares_total(ctx: Context) -> Iterator[Finding]:
    """收入各项、支出各项、三公三项的占比都列出而金额不全时，各占比之和 = 100%（允许每项 0.005 个百分点的舍入）；金额齐全时由 N-SHARE 逐项核对。"""
    found = {split_key(s.key)[0]: s for s in _with_suffix(ctx, SHARE, "说明中没有占比")}
    for label, members in _SHARE_GROUPS:
        if not all(m in found for m in members):
            continue
        if all(_current(ctx, m) is not None for m in members):
            continue  # every share is recomputed from its amount by N-SHARE
        total = sum((found[m].value for m in members), Decimal(0))
        if abs(total - 100) > Decimal("0.005") * len(members) + Decimal("0.01"):
            yield N_SHARES_TOTAL(f"{label}各组成部分的占比合计为{pc(total)}，不等于100%",
                          {"占比合计": pc(total), "项数": str(len(members))}, spans(*(found[m].span for m in members[:3])),
                          section_label(ctx, members[0]))


def _delta_prior(ctx: Context, subject: str) -> tuple[Decimal | None, Decimal | None, bool, bool]:
    """(增减, 上年, 增减 was computed, 上年 was computed) for ``subject``."""
    delta, _ = stated_value(ctx.disclosure, keys.key(subject, DELTA))
    prior = _prior(ctx, subject)
    current = _current(ctx, subject)
    delta_computed = prior_computed = False
    if delta is None and current is not None and prior is not None:
        delta, delta_computed = current - prior, True
    if prior is None and current is not None and delta is not None:
        prior, prior_computed = current - delta, True
    return delta, prior, delta_computed, prior_computed


def _zero_base_ok(ctx: Context, printed: Decimal, delta: Decimal) -> bool:
    convention = ctx.profile.phrase("zero_base", "hundred")
    return convention == "hundred" and abs(printed) == 100 and (printed > 0) == (delta > 0)


#: The totals a 说明 may write as 收入 plus 支出 ("收、支总计2608.66万元" for 1304.33 each): a rate that fits
#: each side is no rate's error.
_DOUBLED = ("收支总计", "财政拨款收支总计")


@check(N_YOY_PCT, ROUNDING, N_ZERO_BASE, relations=("C38", "C41", "C42", "C44", "C46", "C47"))
def yoy_percent(ctx: Context) -> Iterator[Finding]:
    """同比：增长（下降）% = 增减额 / 上年数 × 100，上年数 = 本年数 − 增减额；上年为零写“增长100.00%”是惯例（提示）。"""
    narrative = ctx.disclosure.narrative
    found = [s for s in (narrative.statements if narrative else ()) if split_key(s.key)[1] == DELTA_PCT]
    clauses = narrative.claimed(YOY_CLAUSE) if narrative else ()
    if not found and not clauses:
        raise NotApplicable("说明中没有同比增减百分比")
    # the (printed line, rate) and the (passage, rate) of each rate recomputed from its subject's figures (a
    # layout may wrap a clause over lines)
    lines: set = set()
    passages: set = set()
    yield from _yoy_statements(ctx, found, lines, passages)
    yield from _yoy_clauses(clauses, lines, passages)


def _yoy_statements(ctx: Context, found: list[Statement], lines: set, passages: set) -> Iterator[Finding]:
    """Each rate statement against its subject's change and last year's figure; the (line, rate) of each
    one recomputed goes into ``lines``, its (passage, rate) into ``passages``."""
    year = year_of(ctx)
    for s in found:
        subject = split_key(s.key)[0]
        name = quoted(subject, year)
        delta, prior, dc, pcmp = _delta_prior(ctx, subject)
        if delta is None or prior is None or prior <= -HALF_CENT:
            continue  # a change that leaves last year below zero is another subject's, read onto this one
        if s.span is not None:
            lines.add((s.span.line, s.value))
            if s.span.excerpt:
                passages.add((s.span.excerpt, s.value))
        figures = {"说明中增减率": pc_printed(s.value), "增减额": amt(delta), "上年数": amt(prior)}
        where = section_label(ctx, subject)
        if abs(prior) < HALF_CENT:
            if delta == 0:
                if s.value != 0:
                    yield N_YOY_PCT(f"{name}上年与本年均为零，增减率却写为{pc_printed(s.value)}", figures, spans(s.span), where)
            elif s.value == 0:  # "比上年增加445.20万元,增长0.00%": no growth written beside one
                yield N_ZERO_BASE.at(WARNING)(f"{name}上年为零、本年增减{amt(delta)}万元，增减率却写为{pc_printed(s.value)}，"
                                              "与增减不符（上年为零时增长率无定义，宜写明上年为零）", figures, spans(s.span), where)
            elif not _zero_base_ok(ctx, s.value, delta):
                yield N_ZERO_BASE(f"{name}上年为零，增减率{pc_printed(s.value)}在数学上无定义，请按本地惯例表述",
                              figures, spans(s.span), where)
            continue
        verdict = pct_verdict(s.value, delta, prior, part_slack=dc, whole_slack=dc or pcmp)
        if verdict == "ok" or rate_flipped(s.value, delta, prior):
            continue  # a rate the other way round is a word's fault (N-YOY-WORDS)
        if subject in _DOUBLED and pct_verdict(s.value, delta, (prior + delta) / 2 - delta) == "ok":
            continue  # "收、支总计2608.66万元…各增加55.49万元,增长4.4%": the total is 收入 plus 支出, the rate each side's
        if _fits_another(s, delta):
            continue  # "收入总计3759.2万元,其中年初结转和结余1366.76万元,较2019年增加197.03万元,增加5.5%": whose?
        figures["重算增减率"] = pc(pct(delta, prior))
        part = _fits_year_part(ctx, subject, s.value, delta)
        if part and verdict != "near":
            # "财政拨款收支总决算19170.97万元…增加2084.95万元,增长13.19%": the rate fits the year's grants (乐山 2016)
            yield N_YOY_PCT.at(WARNING)(f"{name}增减率写为{pc_printed(s.value)}，按增减额{amt(delta)}÷上年数{amt(prior)}应为"
                                        f"{pc(pct(delta, prior))}；所写增减率与按{named(part, year)}计算的相符，增减额是总计的还是"
                                        f"{named(part, year)}的不能确定，请核实", figures, spans(s.span), where)
            continue
        if verdict == "near":
            yield ROUNDING(f"{name}增减率写为{pc_printed(s.value)}，重算为{pc(pct(delta, prior))}，相差不超过0.01个百分点（{ROUNDING_NOTE}）",
                          figures, spans(s.span), where)
            continue
        yield N_YOY_PCT(f"{name}增减率写为{pc_printed(s.value)}，按增减额{amt(delta)}÷上年数{amt(prior)}应为{pc(pct(delta, prior))}",
                      figures, spans(s.span), where)


#: A total and the part of it that is the year's own: a change told for the total may be the part's.
_YEAR_PARTS = {"财政拨款收支总计": ("本年财政拨款收入", "收入.财政拨款收入"), "财政拨款收入总计": ("本年财政拨款收入", "收入.财政拨款收入"),
               "收支总计": ("本年收入合计",), "收入总计": ("本年收入合计",)}


def _fits_year_part(ctx: Context, subject: str, printed: Decimal, delta: Decimal) -> str:
    """The total's own year part (stated in the 说明) against whose last year the rate fits the change (the
    change of 本年财政拨款收入 told as the 财政拨款收支总计's?): whose change it is cannot be told. "" when none."""
    for part in _YEAR_PARTS.get(subject, ()):
        a = stated_value(ctx.disclosure, part)[0]
        if a is not None and a - delta > HALF_CENT and pct_verdict(printed, delta, a - delta) == "ok":
            return part
    return ""


_WAN_AMOUNT = re.compile(r"(?<![\d.,])(\d[\d,]*(?:\.\d+)?)\s*万元")


def _fits_another(s: Statement, delta: Decimal) -> bool:
    """The rate ``s`` fits the change taken as that of the total a "其中" clause before it splits (read or not):
    the change may be the total's, not the subject's."""
    if s.span is None or s.span.start is None:
        return False
    head = s.span.excerpt[:s.span.start]
    amounts = (parse_amount(m.group(1)) for m in _WAN_AMOUNT.finditer(head) if "其中" in head[m.end():])
    return any(a is not None and a - delta > HALF_CENT and pct_verdict(s.value, delta, a - delta) == "ok" for a in amounts)


def _yoy_clauses(clauses, lines: set, passages: set) -> Iterator[Finding]:
    """Each clause that prints last year's amount, the change and its rate (a ``YOY_CLAUSE`` claim), where
    that rate was not recomputed from its subject's figures (``lines``, ``passages``): the rate against the change ÷
    last year's amount, whoever's."""
    for c in clauses:
        prior, delta, printed = c.amounts[:3]
        if c.span is None or prior <= 0 or (c.span.line, printed) in lines or any(
                rate == printed and at in c.span.excerpt for at, rate in passages):
            continue
        verdict = pct_verdict(printed, delta, prior)
        if verdict == "ok":
            continue
        figures = {"说明中增减率": pc_printed(printed), "增减额": amt(delta), "上年数": amt(prior), "重算增减率": pc(pct(delta, prior))}
        unit = c.parts[0] if c.parts else "万元"
        said = f"说明写上年数{amt(prior)}{unit}、增减额{amt(delta)}{unit}，增减率{pc_printed(printed)}"
        if verdict == "near":
            yield ROUNDING(f"{said}，重算为{figures['重算增减率']}（{ROUNDING_NOTE}）", figures, spans(c.span), "公开说明")
        else:
            yield N_YOY_PCT(f"{said}，按{amt(delta)}÷{amt(prior)}应为{figures['重算增减率']}", figures, spans(c.span), "公开说明")


@check(N_YOY_DELTA, ROUNDING, relations=("C38", "C44", "C46"))
def yoy_delta(ctx: Context) -> Iterator[Finding]:
    """增减额 = 本年数 − 上年数（也核对同一句中紧接写出的本年数、上年数与增减额）；一般公共预算财政拨款支出的增减额 = Σ各项增减额；三公合计的增减额 = Σ三项增减额。"""
    statements = require_statements(ctx)
    year = year_of(ctx)
    ran = False
    for s in statements:
        subject, suffix = split_key(s.key)
        if suffix != DELTA:
            continue
        current = _current(ctx, subject)
        prior = _prior(ctx, subject)
        if current is None or prior is None:
            continue
        ran = True
        if flipped(s.value, current - prior):
            continue  # 增加 for a fall, 持平 for a change: N-YOY-WORDS says so
        places = printed_places(s.value)
        if places < 2 and round2(current - prior, places) == s.value:
            continue  # "减少14.9万元" for 9.75 − 24.67: the change printed to fewer places
        f = equal_finding(code=N_YOY_DELTA, left=("说明中增减额", s.value), right=("本年数−上年数", current - prior), slack_parts=2,
                          message=f"{quoted(subject, year)}增减额与本年数、上年数之差不一致", spans=[s.span], section=section_label(ctx, subject))
        if f:
            yield f
    items = sorted({s.key for s in statements if ITEM_KEY.match(split_key(s.key)[0]) and split_key(s.key)[1] == DELTA})
    groups = [("一般公共预算财政拨款支出", items)]
    for cls in sorted({s.key for s in statements if CLASS_KEY.match(split_key(s.key)[0]) and split_key(s.key)[1] == DELTA}):
        code = split_key(cls)[0].split(".")[1]
        groups.append((split_key(cls)[0], [k for k in items if k.split(".")[1][:3] == code]))
    groups.extend(_SANGONG_GROUPS)
    for subject, parts in groups:
        summed, f = _group_sum(ctx, N_YOY_DELTA, subject, [split_key(k)[0] for k in parts], DELTA, "的增减额与所列各项增减额之和不一致")
        ran = ran or summed
        if f:
            yield f
    for f in _structure_deltas(ctx):
        ran = True
        if f is not None:
            yield f
    checked, f = _sides_deltas(ctx)
    ran = ran or checked
    if f is not None:
        yield f
    for f in _clause_deltas(ctx, statements):
        ran = True
        if f is not None:
            yield f
    if not ran:
        raise NotApplicable("说明中没有可核对的增减额")


def _clause_deltas(ctx: Context, statements: Sequence[Statement]) -> Iterator[Finding | None]:
    """A clause printing this year's amount, last year's and the change ("一般公共预算财政拨款收入2579.21万元,与上年
    1007.40万元相比增加21.5万元,增长2.1%"), whoever's they are: the change against this year − last year, each
    figure rounded as printed. One item per clause checked (the finding or None); a clause whose change a
    statement already holds against its subject's figures is left to that."""
    narrative = ctx.disclosure.narrative
    for c in narrative.claimed(YOY_CLAUSE) if narrative else ():
        if len(c.amounts) < 4 or c.span is None:
            continue
        prior, delta, _, now = c.amounts
        if any(split_key(s.key)[1] == DELTA and s.value == delta and s.span is not None and s.span.line == c.span.line
               and _current(ctx, split_key(s.key)[0]) is not None and _prior(ctx, split_key(s.key)[0]) is not None
               for s in statements):
            continue
        slack = sum(Decimal(5).scaleb(-(printed_places(x) + 1)) for x in (now, prior, delta))
        gap = now - prior - delta
        if abs(gap) <= slack:
            yield None
            continue
        unit = c.parts[0] if c.parts else "万元"
        said = f"说明写本年{amt(now)}{unit}、上年{amt(prior)}{unit}，"
        if abs(now - prior + delta) <= slack:  # the change's size is right, its word the other way
            said += f"却写{direction(delta)}{amt(abs(delta))}{unit}，实为{direction(now - prior)}"
        else:
            said += f"增减额却写{amt(delta)}{unit}，按{amt(now)}−{amt(prior)}应为{amt(now - prior)}{unit}"
        yield N_YOY_DELTA(said, {"本年数": amt(now), "上年数": amt(prior), "说明中增减额": amt(delta), "本年数−上年数": amt(now - prior)},
                          spans(c.span), "公开说明")


#: A spending total and the 基本支出 and 项目支出 the 说明 splits it into, with the severity of a change that
#: does not add up: the general budget's spending has no other part; a total may have had others last year
#: (上缴上级, 经营, 对附属单位补助 …) that are nil this year, and the parts told may be the unit's, not the fund's.
_FUND_SPLIT = ("一般公共预算财政拨款基本支出", "一般公共预算财政拨款项目支出")
_UNIT_SPLIT = ("支出.基本支出", "支出.项目支出")
_STRUCTURES = (("一般公共预算财政拨款支出", _FUND_SPLIT, ERROR), ("一般公共预算财政拨款支出", _UNIT_SPLIT, WARNING),
               ("本年支出合计", _UNIT_SPLIT, WARNING), ("本年支出合计", _FUND_SPLIT, WARNING),
               ("支出总计", _UNIT_SPLIT, WARNING), ("支出总计", _FUND_SPLIT, WARNING))


def _structure_deltas(ctx: Context) -> Iterator[Finding | None]:
    """A spending total's change against its 基本支出's and 项目支出's, where the 说明 tells all six and this
    year's two parts add up to the total exactly (so they are all of it): one item per structure checked,
    the finding or None. A total told twice (支出总计 and 本年支出合计 alike) is checked once."""
    d, year = ctx.disclosure, year_of(ctx)
    seen: set = set()
    for subject, parts, severity in _STRUCTURES:
        total, _ = stated_value(d, subject)
        amounts = [stated_value(d, p)[0] for p in parts]
        if total is None or any(a is None for a in amounts) or total != sum(amounts) or (total, parts) in seen:
            continue
        summed, f = _group_sum(ctx, N_YOY_DELTA.at(severity), subject, parts, DELTA,
                               f"的增减额与其{named(parts[0], year)}、{named(parts[1], year)}（合计恰为总额）的增减额之和不一致")
        if summed:
            seen.add((total, parts))
            yield f
    yield from _class_deltas(ctx)


def _class_deltas(ctx: Context) -> Iterator[Finding | None]:
    """A budget's spending total's change against its classes' ("支出预算比2025年增加140.86万元,主要是文化旅游体育与传媒
    支出增加135.66万元、社会保障和就业支出增加1.84万元…"), where every class listed tells its change and this year's
    classes add up to the total (to a cent a class: so they are all of it): a warning, as a class spent last year may be
    gone."""
    n, d = ctx.disclosure.narrative, ctx.disclosure
    # (with a class spent last year only: "…农林水支出减少16.84万元" and no 农林水 this year)
    classes = tuple(sorted({split_key(st.key)[0] for st in n.statements
                            if st.key.startswith("全部资金.类.") and split_key(st.key)[1] in ("", DELTA)}))
    if len(classes) < 2:
        return
    spent = sum(v for k in classes if (v := stated_value(d, k)[0]) is not None)
    for subject in ("支出总计", "本年支出合计"):
        total = stated_value(d, subject)[0]
        if total is not None and abs(total - spent) <= CENT * len(classes):
            summed, f = _group_sum(ctx, N_YOY_DELTA.at(WARNING), subject, classes, DELTA,
                                   "的增减额与所列各功能分类（合计即为总额）的增减额之和不一致")
            if summed:
                yield f
                return


def _sides_deltas(ctx: Context) -> tuple[bool, Finding | None]:
    """收入总计 and 支出总计 are equal each year, so their changes are too: where the 说明 states both totals
    equal and each one's change, the changes differ only by a slip ("收入比2025年减少5.29万元" beside "支出比
    2025年增加140.4万元", both totals 623.93). A warning: one of the two sentences may speak of a narrower figure.
    Both are printings of one change, so they must agree exactly ("减少70.89万元" beside "减少70.893万元" is a slip).
    (whether it could be checked, the finding)."""
    d, year = ctx.disclosure, year_of(ctx)
    (income, _), (spending, _) = stated_value(d, "收入总计"), stated_value(d, "支出总计")
    (up, uspan), (out, ospan) = stated_value(d, keys.key("收入总计", DELTA)), stated_value(d, keys.key("支出总计", DELTA))
    if income is None or spending is None or round2(income) != round2(spending) or up is None or out is None:
        return False, None  # (equal as printed to the cent: "1282.73万元" beside a slip's "1282.734万元")
    return True, equal_finding(code=N_YOY_DELTA.at(WARNING), left=(named(keys.key("收入总计", DELTA), year), up),
                         right=(named(keys.key("支出总计", DELTA), year), out), slack_parts=0,
                         message="收入总计与支出总计相等，二者的增减额却不同", spans=[uspan, ospan],
                         section=section_label(ctx, "收入总计"))


#: The 三公 figures that are sums of others: the total of the three, the vehicles' of their two.
_SANGONG_GROUPS = (("三公.合计", _SANGONG_PARTS), ("三公.公务用车购置及运行维护费", _VEHICLE_PARTS))


def _group_sum(ctx: Context, code, subject: str, parts, suffix: str, message: str) -> tuple[bool, Finding | None]:
    """The ``suffix`` figure (a change, a difference from the budget) of ``subject`` against those of
    its ``parts``, when every one is stated: (whether it could be checked, the finding)."""
    d, year = ctx.disclosure, year_of(ctx)
    total, tspan = stated_value(d, keys.key(subject, suffix))
    values = [(named(keys.key(p, suffix), year), stated_value(d, keys.key(p, suffix))[0]) for p in parts]
    if total is None or not parts or any(v is None for _, v in values):
        return False, None
    return True, sum_finding(code=code, total=total, parts=values, total_label=named(keys.key(subject, suffix), year),
                             message=f"{quoted(subject, year)}{message}", spans=[tspan], section=section_label(ctx, subject),
                             relation="C46" if subject.startswith("三公") else "C44")


@check(N_BUDGET_GAP, ROUNDING, N_ZERO_BUDGET, relations=("C41", "C42", "C46"))
def budget_gap(ctx: Context) -> Iterator[Finding]:
    """预决算差异率 = (决算数 − 预算数) / 预算数 × 100（说明四、五用年初预算数，三公用全年预算数，按配置）。"""
    found = _with_suffix(ctx, BUDGET_GAP, "说明中没有预决算差异率")
    d = ctx.disclosure
    year = year_of(ctx)
    for s in found:
        subject = split_key(s.key)[0]
        name = quoted(subject, year)
        basis = ctx.profile.phrase("sangong_budget_basis" if subject.startswith("三公.") else "budget_basis", "initial")
        order = (FULL_BUDGET, INITIAL_BUDGET) if basis == "full_year" else (INITIAL_BUDGET, FULL_BUDGET)
        budget = next(iter(_budgets(ctx, subject, order)), None)
        actual = _current(ctx, subject)
        gap, _ = stated_value(d, keys.key(subject, BUDGET_DIFF))
        derived = budget is None and actual is not None and gap is not None
        if derived:  # "与预算相比，减少0.1万元，下降0.006%": the budget is the 决算数 less the gap
            budget = actual - gap
        if budget is None or actual is None:
            continue
        figures = {"说明中差异率": pc_printed(s.value), "决算数": amt(actual), "预算数": amt(budget)}
        where = section_label(ctx, subject)
        if abs(budget) < HALF_CENT:
            if actual != 0 or s.value != 0:
                yield N_ZERO_BUDGET(f"{name}预算数为零，差异率{pc_printed(s.value)}无定义", figures, spans(s.span), where)
            continue
        verdict = pct_verdict(s.value, actual - budget, budget, part_slack=True, whole_slack=derived)
        if verdict == "ok":
            continue
        if derived and subject in _DOUBLED and pct_verdict(s.value, gap, actual / 2 - gap) == "ok":
            continue  # "收入、支出决算总计665.96万元…收、支总计各增加96.21万元,增长40.63%": each side's rate (N-TOTALS-SUM)
        figures["重算差异率"] = pc(pct(actual - budget, budget))
        if verdict == "near":
            yield ROUNDING(f"{name}预决算差异率写为{pc_printed(s.value)}，重算为{figures['重算差异率']}，相差不超过0.01个百分点（{ROUNDING_NOTE}）",
                          figures, spans(s.span), where)
            continue
        yield N_BUDGET_GAP(f"{name}预决算差异率写为{pc_printed(s.value)}，按({amt(actual)}−{amt(budget)})÷{amt(budget)}应为{pc(pct(actual - budget, budget))}",
                      figures, spans(s.span), where)


def _budgets(ctx: Context, subject: str, order: tuple[str, str] = (INITIAL_BUDGET, FULL_BUDGET)) -> list[Decimal]:
    """The budgets of ``subject`` the words state (年初, 全年: in ``order``), else the tables' own."""
    wanted = [keys.key(subject, o) for o in order]
    stated = [v for v in (stated_value(ctx.disclosure, k)[0] for k in wanted) if v is not None]
    return stated or [v for v in (ctx.figures.get(k) for k in wanted) if v is not None]


@check(N_BUDGET_DIFF, ROUNDING, relations=("C41", "C42", "C46"))
def budget_diff(ctx: Context) -> Iterator[Finding]:
    """与预算相比的增减额 = 决算数 − 预算数（“与预算相比无增减”“无变化”即为零），预算数取说明所写或表中的年初、全年预算数。"""
    found = _with_suffix(ctx, BUDGET_DIFF, "说明中没有与预算相比的增减额")
    year = year_of(ctx)
    for s in found:
        subject = split_key(s.key)[0]
        actual = _current(ctx, subject)
        budgets = _budgets(ctx, subject)
        if actual is None or not budgets:
            continue
        budget = min(budgets, key=lambda b: abs(s.value - (actual - b)))
        said = "无增减" if s.value == 0 else f"{'增加' if s.value > 0 else '减少'}{amt(abs(s.value))}万元"
        f = equal_finding(code=N_BUDGET_DIFF, left=("说明中与预算相比的增减额", s.value), right=("决算数−预算数", actual - budget),
                          message=f"{quoted(subject, year)}写与预算相比{said}，而决算数{amt(actual)}万元、预算数{amt(budget)}万元，"
                                  f"相差{amt(actual - budget)}万元",
                          spans=[s.span], section=section_label(ctx, subject), slack_parts=2)
        if f:
            yield f
    for subject, parts in _SANGONG_GROUPS:  # "比预算数减少1188万元" against the items' 31 + 850 + 107
        _, f = _group_sum(ctx, N_BUDGET_DIFF, subject, parts, BUDGET_DIFF, "与预算相比的增减额与所列各项增减额之和不一致")
        if f:
            yield f


@check(N_COMPLETION, N_COMPLETION_BASE, ROUNDING, relations=("C41", "C42", "C46"))
def completion(ctx: Context) -> Iterator[Finding]:
    """完成预算的X% = 决算数 / 预算数 × 100（写“完成年初预算”用年初预算数，写“完成全年预算”用全年预算数）；年初预算为零时不能写“完成年初预算的X%”。"""
    narrative = ctx.disclosure.narrative
    found = [s for s in (narrative.statements if narrative else ()) if split_key(s.key)[1] == COMPLETION]
    checked: set = set()  # the lines whose 完成率 was recomputed from figures the phrasebook read
    by_statement = list(_completion_statements(ctx, found, checked))
    clauses = list(_completion_clauses(ctx, checked))
    if not found and not clauses:
        raise NotApplicable("说明中没有“完成预算的X%”")
    yield from clauses
    yield from by_statement


def _completion_statements(ctx: Context, found: list[Statement], checked: set) -> Iterator[Finding]:
    """Each 完成率 statement against its subject's figures; the line of each one recomputed goes
    into ``checked``."""
    d = ctx.disclosure
    year = year_of(ctx)
    for s in found:
        subject = split_key(s.key)[0]
        name = quoted(subject, year)
        initial, _ = stated_value(d, keys.key(subject, INITIAL_BUDGET))
        full, _ = stated_value(d, keys.key(subject, FULL_BUDGET))
        actual = _current(ctx, subject)
        where = section_label(ctx, subject)
        says_initial = s.basis == "年初预算"
        if says_initial and initial is not None and initial == 0:
            yield N_COMPLETION_BASE(f"{name}年初预算为0，却写“完成年初预算的{pc_printed(s.value)}”，应写完成全年预算的比例",
                          {"年初预算": amt(initial), "全年预算": amt(full), "说明中完成率": pc_printed(s.value)}, spans(s.span), where)
            continue
        budgets = [b for b in ((initial,) if says_initial else (full,) if s.basis == "全年预算" else (initial, full)) if b]
        gap, gspan = stated_value(d, keys.key(subject, BUDGET_DIFF))
        if not budgets and actual is not None and gap is not None and actual != gap:
            budgets = [actual - gap]  # "决算数大于预算数55.93万元": the budget is the 决算数 less the gap
        if not budgets:  # no budget in the words: the tables' own (公开09 预算数), on the basis the words name
            wanted = (INITIAL_BUDGET,) if says_initial else (FULL_BUDGET,) if s.basis == "全年预算" else (INITIAL_BUDGET, FULL_BUDGET)
            budgets = [b for b in (ctx.figures.get(keys.key(subject, w)) for w in wanted) if b]
        if actual is None or not budgets:
            yield from _completion_words(ctx, s, subject, actual, where)
            continue
        if s.span is not None:
            checked.add(s.span.line)
        verdicts = [pct_verdict(s.value, actual, b) for b in budgets]
        if "ok" in verdicts:
            continue
        b = budgets[0]
        figures = {"说明中完成率": pc_printed(s.value), "决算数": amt(actual), "预算数": amt(b), "重算完成率": pc(pct(actual, b))}
        how = f"按{amt(actual)}÷{amt(b)}"
        if gap is not None and b == actual - gap:
            figures["决算数与预算数之差"] = amt(gap)
            how = f"按决算数{amt(actual)}万元与所写差额{amt(gap)}万元，预算数为{amt(b)}万元，"
        if "near" in verdicts:
            yield ROUNDING(f"{name}完成预算的{pc_printed(s.value)}，重算为{figures['重算完成率']}（{ROUNDING_NOTE}）", figures, spans(s.span), where)
            continue
        yield N_COMPLETION(f"{name}写完成预算的{pc_printed(s.value)}，{how}应为{figures['重算完成率']}",
                      figures, spans(s.span, gspan), where)


def _completion_clauses(ctx: Context, read: set) -> Iterator[Finding]:
    """A clause that prints its own budget, spending and 完成率 (a ``COMPLETION_CLAUSE`` claim) on a
    line whose 完成率 the phrasebook did not read (its subject not told): the three figures are
    checked against each other."""
    narrative = ctx.disclosure.narrative
    for c in narrative.claimed(COMPLETION_CLAUSE) if narrative is not None else ():
        if c.span is not None and c.span.line in read:
            continue
        budget, actual, printed = c.amounts
        verdict = pct_verdict(printed, actual, budget) if budget else "ok"
        if verdict == "ok":
            continue
        figures = {"说明中完成率": c.value + "%", "决算数": amt(actual), "预算数": amt(budget),
                   "重算完成率": pc(pct(actual, budget))}
        said = f"说明写预算数{amt(budget)}万元、决算数{amt(actual)}万元，完成预算的{c.value}%"
        if verdict == "near":
            yield ROUNDING(f"{said}，重算为{figures['重算完成率']}（{ROUNDING_NOTE}）", figures, spans(c.span), "公开说明")
        else:
            yield N_COMPLETION(f"{said}，按{amt(actual)}÷{amt(budget)}应为{figures['重算完成率']}", figures, spans(c.span),
                               "公开说明")


def _completion_words(ctx: Context, s: Statement, subject: str, actual: Decimal | None, where: str) -> Iterator[Finding]:
    """"完成预算100%" beside "决算数大于（小于）预算数" with no budget to recompute from: one says the
    budget was met exactly, the other that it was not."""
    if s.value != HUNDRED or ctx.disclosure.narrative is None:
        return
    for c in ctx.disclosure.narrative.claimed(BUDGET_WORD):
        if c.key == subject and c.value in ("大于", "小于"):
            figures = {"说明中完成率": pc_printed(s.value), "用词": f"决算数{c.value}预算数"}
            if actual is not None:
                figures["决算数"] = amt(actual)
            yield N_COMPLETION.at(WARNING)(f"{quoted(subject, year_of(ctx))}写完成预算的{pc_printed(s.value)}，又写“决算数{c.value}预算数”，"
                                           "二者不能同时成立（未写预算数或差额，无法重算），请核实",
                                           figures, spans(s.span, c.span), where)
            return


PERCENT_CHECKS = (shares, shares_total, yoy_percent, yoy_delta, budget_gap, budget_diff, completion)
