"""Words against the figures they describe: 大于/小于/持平 预算数 against the 决算数, 预算数, 完成率 and
差异率 stated for the same subject (N-BUDGET-WORDS); 增加/减少、增长/下降、持平 against the change the
figures show (N-YOY-WORDS); the years the text names against the report year (N-YEAR,
N-YEAR-MISSING).

Where it sits: rules/checks; ``narrative.CHECKS`` appends ``CHECKS`` from here. Reads the
phrasebook's statements and claims (``Narrative.claims``: the budget words, the years with their
role) and the tables' figures; never the text. A direction is taken from printed figures only,
within their rounding: a word is contradicted when every budget stated for its subject (or its
completion rate, or its variance rate) says the other way beyond what rounding can explain.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from ...core import keys
from ...core.findings import Finding
from ...core.identity import SURE
from ...core.keys import BUDGET_GAP, COMPLETION, DELTA, DELTA_PCT, FULL_BUDGET, INITIAL_BUDGET, PRIOR
from ...core.model import BUDGET_WORD, YEAR, YOY_WORD, Claim, Span, Statement
from ...core.money import HUNDRED, ZERO, tolerance
from .base import ERROR, WARNING, Code, Context, NotApplicable, check
from .support import amt, pc, pct_verdict, quoted, require_statements, section_label, spans, stated, stated_value, year_of

# --------------------------------------------------------------------------- finding codes

N_BUDGET_WORDS = Code("N-BUDGET-WORDS", ERROR, "“决算数大于（小于、等于）预算数”“与预算数持平”等用词与同一科目所述的决算数、预算数、完成率或预决算差异率不符")
N_YOY_WORDS = Code("N-YOY-WORDS", ERROR, "“增加（减少）”“增长（下降）”“持平”等同比用词与本年数、上年数的增减方向不符，或同一句中金额与百分比的方向相反"
                   "（由组成部分的上年数推知总计不可能“持平”或如此增减时为警告）", also=(WARNING,))
N_YEAR = Code("N-YEAR", ERROR, "标题、“××年度部门决算”、“截至××年12月31日”所写年度不是报告年度（“与××年相比”“上年（××年）”不是上一年度时，决算中“××年度年末结转和结余”不是报告年度时，以及预算中“纳入××年度部门预算范围”不是本预算年度时，为警告）",
              also=(WARNING,))
N_YEAR_MISSING = Code("N-YEAR-MISSING", WARNING, "年度缺失或不全：标题中“年度”前没有年份或年份缺位（如“第二部分度部门决算”“202 年度部门决算”），"
                      "或年份后漏“年”字与金额、月份连写（如“与2019498.83万元相比”“截止202412月”）")


# --------------------------------------------------------------------------- 决算 against 预算

def _unit(value: Decimal) -> Decimal:
    """Half of the last printed place of ``value`` (100 → 0.5, 98.20 → 0.005): rounding's reach."""
    exponent = value.as_tuple().exponent
    return Decimal(5).scaleb(exponent - 1) if isinstance(exponent, int) and exponent < 0 else Decimal("0.5")


def _sign(value: Decimal, slack: Decimal) -> int:
    """+1 / −1 beyond ``slack`` of zero, 0 within it."""
    return 1 if value > slack else -1 if value < -slack else 0


_WANT = {"大于": 1, "小于": -1, "持平": 0}


def _budget_evidence(ctx: Context, subject: str, basis: tuple[str, ...]) -> list[tuple[int, str, tuple[Span | None, ...]]]:
    """What the stated figures say of 决算 against 预算 for ``subject``: (direction, the figures in
    words, their spans) from the 决算数 against each budget the text states (only the one the
    words name, when they name one), the 完成率 and the 预决算差异率."""
    d = ctx.disclosure
    out: list[tuple[int, str, tuple[Span | None, ...]]] = []
    actual, aspan = stated_value(d, subject)
    suffixes = {"年初预算": (INITIAL_BUDGET,), "全年预算": (FULL_BUDGET,)}.get(basis[0] if basis else "",
                                                                              (INITIAL_BUDGET, FULL_BUDGET))
    budgets = [(s, *stated_value(d, keys.key(subject, s))) for s in suffixes]
    budgets = [(s, v, sp) for s, v, sp in budgets if v is not None]
    if actual is not None and budgets:
        signs = {_sign(actual - v, ZERO) for _, v, _ in budgets}
        if len(signs) == 1:  # every stated budget tells the same way
            words = "、".join(f"{'年初' if s == INITIAL_BUDGET else '全年'}预算数{amt(v)}万元" for s, v, _ in budgets)
            out.append((signs.pop(), f"决算数{amt(actual)}万元，{words}", (aspan, *(sp for _, _, sp in budgets))))
    rate, rspan = stated_value(d, keys.key(subject, COMPLETION))
    if rate is not None:
        out.append((_sign(rate - HUNDRED, _unit(rate)), f"完成预算的{pc(rate)}", (rspan,)))
    gap, gspan = stated_value(d, keys.key(subject, BUDGET_GAP))
    if gap is not None:
        out.append((_sign(gap, _unit(gap)), f"预决算差异率{pc(gap)}", (gspan,)))
    return out


@check(N_BUDGET_WORDS, relations=("C41", "C42", "C44", "C46"))
def budget_words(ctx: Context) -> Iterator[Finding]:
    """“决算数大于（小于）预算数”“决算数与预算数持平”与同一科目所述的决算数和预算数、完成率、预决算差异率所示的大小关系一致（在四舍五入范围内）。"""
    n = ctx.disclosure.narrative
    claims = [c for c in n.claimed(BUDGET_WORD) if c.value in _WANT] if n is not None else []
    if not claims:
        raise NotApplicable("说明中没有“决算数大于（小于）预算数”或“与预算数持平”的表述")
    year = year_of(ctx)
    for c in claims:
        want = _WANT[c.value]
        for sign, said, where in _budget_evidence(ctx, c.key, c.parts):
            if sign == want or (want != 0 and sign == 0):
                continue  # a difference inside rounding neither confirms nor refutes 大于/小于
            word = "等于（持平）" if want == 0 else c.value
            yield N_BUDGET_WORDS(f"{quoted(c.key, year)}写“决算数{word}预算数”，而所述{said}",
                                 {"用词": c.value, "所述数字": said, "关系": "决算数与预算数的大小"},
                                 spans(c.span, *where), section_label(ctx, c.key))
            break


# --------------------------------------------------------------------------- 同比 words

#: Subjects that can never be smaller than another (a total and a part of it): total → parts.
_PARTS_OF = {
    "收支总计": ("本年收入合计", "本年支出合计", "一般公共预算财政拨款支出"),
    "收入总计": ("本年收入合计",),
    "支出总计": ("本年支出合计",),
    "财政拨款收支总计": ("本年财政拨款收入", "本年财政拨款支出", "一般公共预算财政拨款支出"),
    "财政拨款收入总计": ("本年财政拨款收入",),
    "财政拨款支出总计": ("本年财政拨款支出", "一般公共预算财政拨款支出"),
    "本年财政拨款支出": ("一般公共预算财政拨款支出",),
    "本年支出合计": ("一般公共预算财政拨款支出",),
    "三公.合计": ("三公.因公出国（境）费", "三公.公务用车购置及运行维护费", "三公.公务接待费"),
}


def _now(ctx: Context, subject: str, tables_first: bool = False) -> Decimal | None:
    """This year's amount as stated, else from the tables (``tables_first``: the other way round)."""
    stated, _ = stated_value(ctx.disclosure, subject)
    derived = ctx.figures.get(subject)
    first, second = (derived, stated) if tables_first else (stated, derived)
    return first if first is not None else second


def _prior(ctx: Context, subject: str) -> Decimal | None:
    prior, _ = stated_value(ctx.disclosure, keys.key(subject, PRIOR))
    return prior if prior is not None else ctx.disclosure.comparatives.prior.get(subject)


def direction(value: Decimal) -> str:
    """增加, 减少 or 持平 for a change."""
    return "增加" if value > 0 else "减少" if value < 0 else "持平（增减为零）"


def flipped(stated: Decimal, change: Decimal) -> bool:
    """True when a stated change (an 增减额, or 0 for 持平) says the other way than ``change``
    (本年 − 上年) beyond rounding: 增加 for a fall, 减少 for a rise, 持平 for a change."""
    slack = tolerance(2)
    return (stated == 0 and abs(change) > slack) or (stated != 0 and _sign(change, slack) == -_sign(stated, ZERO))


def rate_flipped(rate: Decimal, delta: Decimal, prior: Decimal | None) -> bool:
    """A 增减率 whose sign is the other way than its 增减额 while its size fits (a direction word)."""
    if not rate or not delta or (rate > 0) == (delta > 0):
        return False
    if prior is None or not prior:
        return True
    return pct_verdict(-rate, delta, prior, part_slack=True, whole_slack=True) != "wrong"


@check(N_YOY_WORDS, relations=("C38", "C41", "C42", "C46"))
def yoy_words(ctx: Context) -> Iterator[Finding]:
    """同比用词与数字方向一致：增减率与增减额同向；“增加（减少）”与本年数−上年数同号，“持平”时两者相等；总计的上年数（本年数−增减额）不小于其组成部分的上年数（三公各项本年数之和等于合计时，也不小于各项上年数之和）。"""
    statements = require_statements(ctx)
    if not any(keys.split(s.key)[1] in (DELTA, DELTA_PCT) for s in statements) and not ctx.disclosure.narrative.claimed(YOY_WORD):
        raise NotApplicable("说明中没有同比增减")
    year = year_of(ctx)
    for i, s in enumerate(statements):
        subject, suffix = keys.split(s.key)
        if suffix == DELTA_PCT:
            yield from _rate_words(ctx, statements, i, subject, year)
        if suffix != DELTA or s.unit != "万元":
            continue
        now = _now(ctx, subject)
        prior = _prior(ctx, subject)
        if now is not None and prior is not None and flipped(s.value, now - prior):
            change = now - prior
            yield N_YOY_WORDS(f"{quoted(subject, year)}写{direction(s.value)}，而本年{amt(now)}万元、上年{amt(prior)}万元，"
                              f"实为{direction(change)}{amt(abs(change)) + '万元' if change else ''}",
                              {"说明中增减额": amt(s.value), "本年数": amt(now), "上年数": amt(prior), "本年数−上年数": amt(change)},
                              spans(s.span), section_label(ctx, subject))
            continue
        yield from _against_parts(ctx, s, subject, year)
    yield from _changed_to(ctx, year)


def _changed_to(ctx: Context, year: int) -> Iterator[Finding]:
    """"减少为0.00万元" (a change told by its word only) against the 增减 stated for the same
    subject (持平, or the other way: two words that disagree) and against 本年 − 上年; "收入减少的主要原因"
    against the total's change told before it."""
    for c in ctx.disclosure.narrative.claimed(YOY_WORD):
        want = 1 if c.value == "增加" else -1
        said = next((s for s in stated(ctx.disclosure, keys.key(c.key, DELTA)) if _sign(s.value, ZERO) != want), None)
        words = f"{c.value}的主要原因" if "原因" in c.parts else f"{c.value}为"
        if said is not None:
            other = "持平" if said.value == 0 else f"{direction(said.value)}{amt(abs(said.value))}万元"
            yield N_YOY_WORDS.at(WARNING)(f"{quoted(c.key, year)}写“{words}”，又写与上年相比{other}，前后矛盾",
                                          {"用词": words, "另一处": other}, spans(c.span, said.span), section_label(ctx, c.key))
            continue
        if "原因" in c.parts:
            continue  # (a reason's word is held to the change told beside it only)
        now, prior = _now(ctx, c.key), _prior(ctx, c.key)
        if now is not None and prior is not None and _sign(now - prior, tolerance(2)) != want:
            yield N_YOY_WORDS(f"{quoted(c.key, year)}写“{c.value}为{amt(now)}万元”，而上年为{amt(prior)}万元，实为{direction(now - prior)}",
                              {"用词": f"{c.value}为", "本年数": amt(now), "上年数": amt(prior)}, spans(c.span), section_label(ctx, c.key))


def _rate_words(ctx: Context, statements: tuple[Statement, ...], i: int, subject: str, year: int) -> Iterator[Finding]:
    """A 增减率 printed the other way than its 增减额 (stated in the same clause, or 本年 − 上年)."""
    rate = statements[i]
    delta = statements[i - 1] if i and statements[i - 1].key == keys.key(subject, DELTA) else None
    now = _now(ctx, subject)
    prior = _prior(ctx, subject)
    value = delta.value if delta is not None else (now - prior if now is not None and prior is not None else None)
    if prior is None and now is not None and value is not None:
        prior = now - value
    if value is None or not rate_flipped(rate.value, value, prior):
        return
    yield N_YOY_WORDS(f"{quoted(subject, year)}增减{amt(abs(value))}万元为{direction(value)}，增减率却写作"
                      f"{'增长' if rate.value > 0 else '下降'}{pc(abs(rate.value))}，方向相反",
                      {"增减额": amt(value), "增减率": pc(rate.value)}, spans(rate.span), section_label(ctx, subject))


def _against_parts(ctx: Context, s: Statement, subject: str, year: int) -> Iterator[Finding]:
    """A total's 上年数 (本年 − 增减额) cannot be below a part's 上年数 (its 本年 − its 增减额); this
    year's amounts come from the tables when they give them (a total misprinted in the text would
    otherwise decide)."""
    now = _now(ctx, subject, tables_first=True)
    if now is None:
        return
    prior_total = now - s.value
    for part in _PARTS_OF.get(subject, ()):
        part_now = _now(ctx, part, tables_first=True)
        part_delta, dspan = stated_value(ctx.disclosure, keys.key(part, DELTA))
        if part_now is None or part_delta is None:
            continue
        prior_part = part_now - part_delta
        if prior_part - prior_total > tolerance(3):
            said = "持平" if s.value == 0 else f"{direction(s.value)}{amt(abs(s.value))}万元"
            yield N_YOY_WORDS.at(WARNING)(
                f"{quoted(subject, year)}写与上年相比{said}，则其上年数为{amt(prior_total)}万元；而{quoted(part, year)}"
                f"本年{amt(part_now)}万元、{direction(part_delta)}{amt(abs(part_delta))}万元，上年已为{amt(prior_part)}万元，"
                f"组成部分不能大于总计，所写增减不可能成立",
                {"说明中增减额": amt(s.value), "总计本年数": amt(now), "推得总计上年数": amt(prior_total),
                 "组成部分": quoted(part, year), "组成部分上年数": amt(prior_part)},
                spans(s.span, dspan), section_label(ctx, subject))
            return
    if subject == "三公.合计":
        yield from _against_sangong_items(ctx, s, now, prior_total, year)


#: The 三公 items that never overlap: the vehicles by their total, else by its two parts.
_SANGONG_ITEMS = (("三公.因公出国（境）费",), ("三公.公务接待费",),
                  ("三公.公务用车购置及运行维护费", "三公.公务用车购置费", "三公.公务用车运行维护费"))


def _against_sangong_items(ctx: Context, s: Statement, now: Decimal, prior_total: Decimal, year: int) -> Iterator[Finding]:
    """The items' 上年数 together cannot exceed the 三公 total's ("“三公”经费预算6.50万元,比上年减少0.50万元。
    其中:…出国0万元,较上年无增减;公务接待费0.50万元,较上年无增减;公务用车运行维护费6.00万元,比上年减少1.00万元"),
    where the vehicles are told by a part only (with all three items' changes, N-YOY-DELTA adds them up);
    only when this year's items add up to the total (an item left unsaid is then nil this year, and was no
    less than nil last year)."""
    if all(stated_value(ctx.disclosure, keys.key(choices[0], DELTA))[0] is not None for choices in _SANGONG_ITEMS):
        return  # the three items' own changes: N-YOY-DELTA adds them up
    items: list[tuple[str, Decimal, Decimal]] = []  # (key, 本年, 上年) of each item told with its change
    for choices in _SANGONG_ITEMS:
        told = [(k, _now(ctx, k), stated_value(ctx.disclosure, keys.key(k, DELTA))[0]) for k in choices]
        whole = told[0]
        parts = [t for t in told[1:] if t[1] is not None]
        if whole[1] is not None and whole[2] is not None:
            items.append((whole[0], whole[1], whole[1] - whole[2]))
        elif whole[1] is None and parts and all(d is not None for _, _, d in parts):
            items.extend((k, v, v - d) for k, v, d in parts)
        elif whole[1] is not None or parts:
            return  # an item told without its change: nothing to add up
    if not items or abs(sum(v for _, v, _ in items) - now) > tolerance(len(items) + 1):
        return
    parts_prior = sum(p for _, _, p in items)
    if parts_prior - prior_total <= tolerance(len(items) + 1):
        return
    said = "持平" if s.value == 0 else f"{direction(s.value)}{amt(abs(s.value))}万元"
    yield N_YOY_WORDS.at(WARNING)(
        f"{quoted('三公.合计', year)}写与上年相比{said}，则其上年数为{amt(prior_total)}万元；而所列各项按其增减推得的上年数"
        f"之和已为{amt(parts_prior)}万元，总计的增减额与各项的增减额不符",
        {"说明中增减额": amt(s.value), "总计本年数": amt(now), "推得总计上年数": amt(prior_total),
         "各项上年数之和": amt(parts_prior), "各项": "、".join(quoted(k, year) for k, _, _ in items)},
        spans(s.span), section_label(ctx, "三公.合计"))


# --------------------------------------------------------------------------- years

#: Role of a year the text names → (what it is, how far before the report year it must be).
_ROLES = {"决算": ("年度", 0), "截至": ("资产数截至日期的年份", 0), "比较": ("比较的年度", 1), "上年": ("上年", 1),
          "绩效": ("预算绩效情况说明的年度", 0), "预算": ("部门预算的年度", 0), "年末": ("年末结转和结余的年度", 0)}




def _years(ctx: Context) -> tuple[Claim, ...]:
    n = ctx.disclosure.narrative
    claims = n.claimed(YEAR) if n is not None else ()
    if not claims:
        raise NotApplicable("说明中没有写出年度")
    return claims


@check(N_YEAR)
def years(ctx: Context) -> Iterator[Finding]:
    """标题与正文中“××年度部门决算”、“截至××年12月31日”为报告年度，“与××年相比”“上年（××年）”为上一年度。"""
    claims = _years(ctx)
    year = ctx.disclosure.identity.year or ctx.disclosure.unit.year
    if not year:
        raise NotApplicable("未能确定报告年度")
    budget = ctx.disclosure.identity.budget
    # a year not read from the title (or a data file) is itself uncertain: a line differing from it is a warning
    identity = ctx.disclosure.identity
    sure = not identity.year or identity.confidence.get("year", SURE) == SURE
    by_line: dict[tuple, list[Claim]] = {}
    for c in claims:
        if budget and c.key == "截至" and c.value and int(c.value) in (year - 1, year):
            continue  # a budget states its assets at the end of the year before (or during its year)
        if budget and c.key == "绩效":
            continue  # a budget may head the year before's performance
        if c.key == "预算" and not budget:
            continue  # a 决算 names its year's budget, and others
        if c.key == "年末" and budget:
            continue  # a budget's carry-over is last year's year-end balance
        if c.key in _ROLES and c.value and int(c.value) != year - _ROLES[c.key][1]:  # 计划: N-PLAN-YEAR
            by_line.setdefault((c.span.page, c.span.line) if c.span else (None, None), []).append(c)
    for found in by_line.values():
        what, before = _ROLES[found[0].key]
        shown = "、".join(dict.fromkeys(f"{c.value}年" for c in found))
        severity = WARNING if all(c.key in ("比较", "上年", "预算", "年末") for c in found) or not sure else ERROR
        yield N_YEAR.at(severity)(f"文中{what}写作{shown}，报告年度为{year}年，应为{year - before}年（可能沿用了其他年度的文本）",
                                  {"所写年份": shown, "报告年度": str(year), "应为": str(year - before)},
                                  spans(*(c.span for c in found[:3])), "文字")


@check(N_YEAR_MISSING)
def missing_years(ctx: Context) -> Iterator[Finding]:
    """标题中“年度”前应有年份；年份后应有“年”字，不与其后的金额或月份连写。"""
    claims = _years(ctx)
    year = ctx.disclosure.identity.year or ctx.disclosure.unit.year or None
    for c in claims:
        if c.value:
            continue
        if c.key == "决算":
            should = f"（应为“{year}年度”）" if year else ""
            written = c.parts[0] if c.parts else "度部门决算"
            what = "年份不全" if written[:1].isdigit() else "前缺少年份"
            yield N_YEAR_MISSING(f"“{written}”{what}{should}",
                                 {"原文": c.parts[0] if c.parts else "", "报告年度": str(year or "不明")}, spans(c.span), "文字")
        elif c.key == "比较" and year and len(c.parts) == 2 and c.parts[0] == str(year - 1):
            yield N_YEAR_MISSING(f"“{c.parts[1]}”中年份{c.parts[0]}后漏写“年”字，与金额连在一起",
                                 {"原文": c.parts[1], "年份": c.parts[0]}, spans(c.span), "文字")
        elif c.key == "日期" and year and len(c.parts) == 2 and abs(int(c.parts[0]) - year) <= 1:
            yield N_YEAR_MISSING(f"“{c.parts[1]}”中年份{c.parts[0]}后漏写“年”字",
                                 {"原文": c.parts[1], "年份": c.parts[0]}, spans(c.span), "文字")


CHECKS = (budget_words, yoy_words, years, missing_years)
