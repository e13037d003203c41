"""Checks of the narrative (公开说明) against the tables and against itself (C38–C45, and the
shares, 同比 and 预决算差异率 of every section).

Where it sits: rules/checks. Stated figures are ``disclosure.narrative.statements`` (keyed as
:mod:`juesuan.core.keys`, signed: 减少/下降 are negative); derived figures are ``ctx.figures``
from :func:`juesuan.rules.derive.derive`. A stated amount is compared with the derived one only
when the table it comes from is present; otherwise the narrative is checked against itself:
totals against their stated parts within the rounding envelope, and every percentage recomputed
from the stated amounts with :func:`juesuan.core.money.pct_consistent`. 三公, other matters,
绩效, staff and repeated figures (C46–C52) are in :mod:`.narrative_matters`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from ...core import keys
from ...core.findings import Finding, Severity
from ...core.keys import BUDGET_GAP, DELTA, DELTA_PCT, EXPENDITURE_ITEMS, FULL_BUDGET, FUND_INCOME_ITEMS, INCOME_ITEMS, INITIAL_BUDGET, PRIOR, SHARE
from ...core.model import ITEM, LISTING, SANGONG_ITEMS, Span
from ...core.money import CENT, printed_places, round2, tolerance
from . import narrative_budget, narrative_items, narrative_matters, narrative_percent, narrative_words
from .base import ERROR, WARNING, Code, Context, NotApplicable, check
from ...core.codes import ECONOMIC_SHORT_NAMES, economic_codes
from .support import TABLE_OF, COUNT_KEYS, ITEM_KEY, CLASS_KEY, split_key, ROUNDING, ROUNDING_NOTE, amt, equal_finding, named, place_of, quoted, require_statements, section_label, spans, table_title, stated_value, sum_finding, year_of

# --------------------------------------------------------------------------- finding codes

N_ITEM_MISSING = Code("N-ITEM-MISSING", ERROR, "决算表中本年有支出的项级科目在说明五（三）中没有逐项说明"
                      "（说明中另有名称不对应任何项的段落时为警告：可能是写错名称的该项）", also=(WARNING,))
N_ITEM_NAME = Code("N-ITEM-NAME", WARNING, "说明五（三）中某项的名称与决算表科目名称不一致（金额相同）")
N_ITEM_MISSING_PRIOR = Code("N-ITEM-MISSING-PRIOR", WARNING, "上年有支出、本年为零的项级科目在说明五（三）中没有说明")
N_TOTALS_SUM = Code("N-TOTALS-SUM", ERROR, "说明一：收入（支出）总计与其构成不符，或收入总计≠支出总计"
                    "（“收入支出总计”恰为所述收入总计的两倍、疑将收入与支出相加时为警告）", also=(WARNING,))
N_INCOME_SUM = Code("N-INCOME-SUM", ERROR, "说明二：本年收入与各项收入之和不符")
N_EXPENDITURE_SUM = Code("N-EXPENDITURE-SUM", ERROR, "说明三：本年支出与各项支出之和不符（所列各功能分类支出之和大于支出总额时为警告）",
                         also=(WARNING,))
N_FISCAL_SUM = Code("N-FISCAL-SUM", ERROR, "说明四：财政拨款收入（支出）总计与其构成不符，或一般公共预算财政拨款支出大于本年支出合计")
N_CLASS_SUM = Code("N-CLASS-SUM", ERROR, "说明五：一般公共预算财政拨款支出≠各类之和，或所列各项之和超过该类")
N_ITEM_UNLISTED = Code("N-ITEM-UNLISTED", WARNING, "说明五：某类金额大于所列该类各项之和，可能有项级科目未说明")
N_BASIC_SUM = Code("N-BASIC-SUM", ERROR, "说明六：基本支出≠人员经费＋公用经费，或基本支出大于一般公共预算财政拨款支出")
N_BASIC_ITEMS = Code("N-BASIC-ITEMS", WARNING, "说明六所列人员经费、公用经费的构成与基本支出决算表中不为零的款级科目不一致")


# --------------------------------------------------------------------------- narrative vs tables

def _table_backed(ctx: Context, subject: str, suffix: str, table: str) -> bool:
    d = ctx.disclosure
    if getattr(d.tables, table.lower()) is None:
        return False
    if suffix in (PRIOR, DELTA):
        return subject in d.comparatives.prior
    if suffix in (INITIAL_BUDGET, FULL_BUDGET):
        # 三公 budgets are held against the table's 预算数 by sangong_vs_table
        c = d.comparatives
        return not subject.startswith("三公.") and (subject in c.initial_budget or subject in c.full_year_budget)
    return suffix == ""


def _against_tables(ctx: Context, wanted: Code) -> Iterator[Finding]:
    d = ctx.disclosure
    statements = require_statements(ctx)
    year = year_of(ctx)
    ran = False
    for s in statements:
        subject, suffix = split_key(s.key)
        if subject in COUNT_KEYS or suffix in (SHARE, DELTA_PCT, BUDGET_GAP):
            continue
        place = place_of(subject)
        if place is None or place[3] != wanted.id or not _table_backed(ctx, subject, suffix, place[0]):
            continue
        derived = ctx.figures.get(s.key)
        if derived is None:
            continue
        ran = True
        table, section, rel, _ = place
        # an amount printed to fewer decimals ("17,192万元") is compared at its own precision
        shown = round2(derived, min(2, printed_places(s.value)) if s.value else 2)
        if shown == s.value:
            continue
        gap = s.value - derived
        figures = {"说明中": amt(s.value), "表中": amt(derived), "差额": amt(gap), "关系": rel}
        where = section_label(ctx, subject)
        if abs(s.value - shown) <= CENT and wanted is N_ITEM:
            # a 项 is one printed cell, copied, not a sum of rounded parts: 0.01 off is another figure
            yield N_ITEM.at(WARNING)(f"说明中{quoted(s.key, year)}为{amt(s.value)}，与{table_title(ctx, table)}的{amt(derived)}"
                                     f"相差0.01万元，同一项的金额应与表中一致", figures, spans(s.span), where)
            continue
        if abs(s.value - shown) <= CENT:
            yield ROUNDING(f"说明中{quoted(s.key, year)}与{table_title(ctx, table)}相差0.01万元（{ROUNDING_NOTE}）", figures, spans(s.span), where)
            continue
        yield wanted(f"说明中{quoted(s.key, year)}为{amt(s.value)}，与{table_title(ctx, table)}的{amt(derived)}不一致", figures, spans(s.span), where)
    if not ran and not any(getattr(d.tables, t.lower()) is not None for _, t, _, _, c in TABLE_OF if c == wanted.id):
        table = next(t for _, t, _, _, c in TABLE_OF if c == wanted.id)
        raise NotApplicable(f"缺少{table_title(ctx, table)}（表格为附件或未能读取），无法核对说明与表格")


def _table_check(code: Code, relation: str, doc: str):
    @check(code, ROUNDING, relations=(relation,))
    def func(ctx: Context) -> Iterator[Finding]:
        yield from _against_tables(ctx, code)

    func.__name__ = func.__qualname__ = f"narrative_vs_table_{relation.lower()}"
    func.__doc__ = doc
    func.spec = type(func.spec)(id=func.__name__, codes=func.spec.codes, relations=func.spec.relations, doc=doc, func=func)
    return func


def _mismatch(code: str, title: str, also: tuple = ()) -> Code:
    return Code(code, ERROR, f"{title}：说明中的金额与决算表不一致", also=also)


N_OVERALL = _mismatch("N-OVERALL", "收入支出决算总体情况")
N_INCOME = _mismatch("N-INCOME", "收入决算情况")
N_EXPENDITURE = _mismatch("N-EXPENDITURE", "支出决算情况")
N_FISCAL = _mismatch("N-FISCAL", "财政拨款收入支出决算总体情况")
N_GENERAL = _mismatch("N-GENERAL", "一般公共预算财政拨款支出总体情况")
N_CLASS = _mismatch("N-CLASS", "一般公共预算财政拨款支出结构情况")
N_ITEM = _mismatch("N-ITEM", "一般公共预算财政拨款支出具体情况（只差0.01万元时为警告）", also=(WARNING,))
N_BASIC = _mismatch("N-BASIC", "一般公共预算财政拨款基本支出情况")
N_SANGONG = _mismatch("N-SANGONG", "“三公”经费支出情况")
N_SANGONG_BLANK = Code("N-SANGONG-BLANK", WARNING, "说明写有“三公”经费某项的决算数（预算数），而“三公”经费支出决算表中该项空白")

vs_t1 = _table_check(N_OVERALL, "C38", "说明一的收入总计、本年收入合计、结转结余、支出总计等 = 收入支出决算总表。")
vs_income = _table_check(N_INCOME, "C39", "说明二的各项收入 = 收入支出决算总表（收入决算表）对应数。")
vs_expenditure = _table_check(N_EXPENDITURE, "C40", "说明三的基本支出、项目支出等 = 支出决算表合计行。")
vs_t4 = _table_check(N_FISCAL, "C41", "说明四的财政拨款收支总计、结转结余、本年收支 = 财政拨款收入支出决算总表。")
vs_t5_total = _table_check(N_GENERAL, "C42", "说明五（一）一般公共预算财政拨款支出 = 一般公共预算财政拨款支出决算表合计。")
vs_t5_class = _table_check(N_CLASS, "C43", "说明五（二）各类支出 = 一般公共预算财政拨款支出决算表同类行。")
vs_t5_item = _table_check(N_ITEM, "C44", "说明五（三）各项支出 = 一般公共预算财政拨款支出决算表同项行。")
vs_t6 = _table_check(N_BASIC, "C45", "说明六的基本支出、人员经费、公用经费 = 基本支出决算表。")
vs_t9 = _table_check(N_SANGONG, "C46", "说明九的“三公”经费合计及各项的决算数（及其增减）= “三公”经费支出决算表。")


def _one_budget(ctx: Context, subject: str, suffix: str) -> bool:
    """The text states only this kind of budget for ``subject`` (or both alike): which one the
    table's 预算数 is can then not be mistaken."""
    other = FULL_BUDGET if suffix == INITIAL_BUDGET else INITIAL_BUDGET
    mine, _ = stated_value(ctx.disclosure, keys.key(subject, suffix))
    theirs, _ = stated_value(ctx.disclosure, keys.key(subject, other))
    return theirs is None or theirs == mine


@check(N_SANGONG, N_SANGONG_BLANK, ROUNDING, relations=("C46",))
def sangong_vs_table(ctx: Context) -> Iterator[Finding]:
    """说明九所写“三公”经费合计及每一项的预算数 = “三公”经费支出决算表的预算数；说明写有非零的决算数或预算数时，表中该项不空白。"""
    t9 = ctx.disclosure.tables.t9
    printed = ctx.prepared.disclosure.tables.t9  # as read: a blank cell is None there
    if t9 is None or printed is None:
        raise NotApplicable(f"缺少{table_title(ctx, 'T9')}")
    year = year_of(ctx)
    ran = False
    for s in require_statements(ctx):
        subject, suffix = split_key(s.key)
        item = subject.removeprefix("三公.")
        if not subject.startswith("三公.") or item not in SANGONG_ITEMS or suffix not in ("", INITIAL_BUDGET, FULL_BUDGET):
            continue
        column, cells, as_read = (("决算数", t9.actual, printed.actual) if not suffix else ("预算数", t9.budget, printed.budget))
        if item not in as_read:
            continue  # the table has no such row
        ran = True
        where = section_label(ctx, subject)
        if as_read[item] is None and s.value:
            yield N_SANGONG_BLANK(f"说明中{quoted(s.key, year)}为{amt(s.value)}万元，而{table_title(ctx, 'T9')}中“{item}”的{column}空白",
                                  {"说明中": amt(s.value), "表中": "空白", "栏目": column, "关系": "C46"},
                                  spans(s.span, printed.sources.get(f"{column}.{item}")), where)
            continue
        table = cells.get(item)
        if not suffix or table is None or not _one_budget(ctx, subject, suffix):
            continue  # 决算数 are compared by narrative_vs_table_c46
        f = equal_finding(code=N_SANGONG, left=("说明中", s.value), right=("表中", table),
                          message=f"说明中{quoted(s.key, year)}为{amt(s.value)}，与{table_title(ctx, 'T9')}的预算数{amt(table)}不一致",
                          spans=[s.span, printed.sources.get(f"预算数.{item}")], section=where, relation="C46")
        if f:
            yield f
    if not ran:
        raise NotApplicable(f"说明中没有与{table_title(ctx, 'T9')}对应的金额")


@check(N_ITEM_MISSING, N_ITEM_NAME, N_ITEM_MISSING_PRIOR, relations=("C44",))
def items_described(ctx: Context) -> Iterator[Finding]:
    """一般公共预算财政拨款支出决算表中本年或上年不为零的每个项级科目，在说明五（三）中都有单独一段。"""
    d = ctx.disclosure
    t5 = d.tables.t5
    if t5 is None:
        raise NotApplicable(f"缺少{table_title(ctx, 'T5')}")
    require_statements(ctx)
    described = {split_key(s.key)[0] for s in require_statements(ctx) if s.key.startswith("项.")}
    if not described:
        raise NotApplicable("说明中未识别出项级科目的段落")
    heads = d.narrative.claimed(ITEM)
    items = [row for row in t5.rows if len(row.code) == 7]
    strays = [c for c in heads if c.amounts and not any(_named([c], row.name) for row in items)]
    for row in t5.rows:
        if len(row.code) != 7 or keys.item(row.code) in described or _named(heads, row.name):
            continue
        now = row.values.get("合计")
        prior = d.comparatives.prior.get(keys.item(row.code))
        other = next((c for c in heads if now in c.amounts), None) if now else None
        if other is not None:
            yield N_ITEM_NAME(f"{row.code} {row.name}（{amt(now)}万元）在说明中写作“{other.value}”，与表中科目名称不一致",
                          {"科目编码": row.code, "表中名称": row.name, "说明中名称": other.value, "金额": amt(now), "关系": "C10"},
                          spans(other.span, row.sources.get("合计")), section_label(ctx, "项."))
        elif now and strays:  # a paragraph naming no 项 of the table may be this one, misnamed
            stray = min(strays, key=lambda c: min(abs(a - now) for a in c.amounts))
            yield N_ITEM_MISSING.at(WARNING)(
                f"{row.code} {row.name}本年支出{amt(now)}万元，说明中没有以该项名称说明的段落；"
                f"说明中“{stray.value}（项）”{amt(stray.amounts[0])}万元不对应表中任何项级科目，可能是写错名称的该项",
                {"科目编码": row.code, "本年支出": amt(now), "说明中名称": stray.value, "关系": "C44"},
                spans(stray.span, row.sources.get("合计")), section_label(ctx, "项."))
        elif now:
            yield N_ITEM_MISSING(f"{row.code} {row.name}本年支出{amt(now)}万元，说明中没有该项的具体情况",
                          {"科目编码": row.code, "本年支出": amt(now), "关系": "C44"}, spans(row.sources.get("合计")),
                          section_label(ctx, "项."))
        elif prior:
            yield N_ITEM_MISSING_PRIOR(f"{row.code} {row.name}上年支出{amt(prior)}万元、本年为零，说明中没有该项",
                          {"科目编码": row.code, "上年支出": amt(prior), "关系": "C44"}, (), section_label(ctx, "项."))


def _named(heads, name: str) -> bool:
    """True when a paragraph is headed by this 项 name ("住房公积金（项）"): described, even if its
    figures could not be read."""
    name = name.replace("(", "（").replace(")", "）").replace(" ", "")
    return bool(name) and any(c.value.endswith(name) for c in heads)


# --------------------------------------------------------------------------- narrative against itself: sums

def _sv(ctx: Context, key: str):
    return stated_value(ctx.disclosure, key)


def _narrative_sum(ctx: Context, code: Code, total_key: str, part_keys: list[str], relation: str, message: str,
                   total_aliases: tuple[str, ...] = (), listed: bool = False) -> Finding | None:
    """``total`` against the sum of ``part_keys``. A shortfall is reported only when every part is
    stated, and, for parts ``listed`` as the text names them (classes, items), only in a whole copy:
    a partial copy may lack the lines of the rest. A fixed set of parts (基本支出 = 人员经费 + 公用经费)
    stated in full is checked in any copy."""
    total, tspan = stated_value(ctx.disclosure, total_key, *total_aliases)
    year = year_of(ctx)
    parts = [(named(k, year), _sv(ctx, k)[0]) for k in part_keys]
    if total is None or all(v is None for _, v in parts):
        return None
    short = total - sum(v for _, v in parts if v is not None) > 0
    if short and (any(v is None for _, v in parts) or (listed and ctx.disclosure.identity.partial)):
        return None  # an unstated part (or one in the text a partial copy lacks) may explain the shortfall
    pspans = [_sv(ctx, k)[1] for k in part_keys]
    return sum_finding(code=code, total=total, parts=parts, total_label=named(total_key, year), message=message,
                       spans=[tspan, *pspans], section=section_label(ctx, total_key), relation=relation)


@check(N_TOTALS_SUM, N_INCOME_SUM, N_EXPENDITURE_SUM, N_FISCAL_SUM, ROUNDING, relations=("C38", "C39", "C40", "C41"))
def narrative_totals(ctx: Context) -> Iterator[Finding]:
    """说明一至四自身：收入总计 = 本年收入 + 使用非财政拨款结余 + 年初结转和结余，支出总计同理且两者相等；本年收入（支出）= 各项之和；财政拨款总计 = 年初结转结余 + 本年。"""
    require_statements(ctx)
    both, fiscal = ("收支总计",), ("财政拨款收支总计",)  # one figure written for both totals ("收入支出总计")
    specs = [
        (N_TOTALS_SUM, "收入总计", ["本年收入合计", "使用非财政拨款结余", "年初结转和结余"], "C38", "收入总计与本年收入、结余之和不一致", both),
        (N_TOTALS_SUM, "支出总计", ["本年支出合计", "结余分配", "年末结转和结余"], "C38", "支出总计与本年支出、结余之和不一致", both),
        (N_TOTALS_SUM, "收入总计", ["支出总计"], "C38", "说明中收入总计与支出总计不相等", ()),
        (N_INCOME_SUM, "本年收入合计", [f"收入.{i}" for i in INCOME_ITEMS], "C39", "本年收入与各项收入之和不一致", ()),
        (N_INCOME_SUM, "收入.财政拨款收入", [f"收入.{i}" for i in FUND_INCOME_ITEMS], "C39", "财政拨款收入与其中各项之和不一致", ()),
        (N_EXPENDITURE_SUM, "本年支出合计", [f"支出.{i}" for i in EXPENDITURE_ITEMS], "C40", "本年支出与各项支出之和不一致", ()),
        (N_FISCAL_SUM, "财政拨款收入总计", ["年初财政拨款结转和结余", "本年财政拨款收入"], "C41", "财政拨款收入总计与其构成之和不一致", fiscal),
        (N_FISCAL_SUM, "财政拨款支出总计", ["年末财政拨款结转和结余", "本年财政拨款支出"], "C41", "财政拨款支出总计与其构成之和不一致", fiscal),
        (N_FISCAL_SUM, "财政拨款收入总计", ["财政拨款支出总计"], "C41", "财政拨款收入总计与支出总计不相等", ()),
    ]
    for code, total, parts, rel, msg, aliases in specs:
        if total == "收入.财政拨款收入" and _split_of_another_total(ctx, parts):
            continue
        f = _narrative_sum(ctx, code, total, parts, rel, msg, aliases)
        if f:
            yield f
    f = _income_by_funds(ctx)
    if f:
        yield f
    f = _total_by_items(ctx, both)
    if f:
        yield f
    f = _sides_balance(ctx)
    if f:
        yield f
    yield from _doubled_totals(ctx)
    f = _classes_over_total(ctx)
    if f:
        yield f
    f = _general_within_year(ctx)
    if f:
        yield f
    f = _spending_above_income(ctx)
    if f:
        yield f


def _spending_above_income(ctx: Context) -> Finding | None:
    """The year's spending (本年支出合计, or its 基本支出 and 项目支出 told) above the 收入总计, where no 支出总计 is told:
    the 收入总计 equals the 支出总计, the year's spending and what is left at its end (马力学区 2021: 收入总计4835.59万元,
    基本支出4115.97万元、项目支出772.23万元). A warning: what is left is read as never below zero."""
    if ctx.disclosure.tables.t1 is not None or _sv(ctx, "支出总计")[0] is not None or _sv(ctx, "收支总计")[0] is not None:
        return None
    income, ispan = _sv(ctx, "收入总计")
    spent, sspan = _sv(ctx, "本年支出合计")
    year = year_of(ctx)
    if spent is not None:
        parts = [(named("本年支出合计", year), spent)]
    else:
        told = [(k, *_sv(ctx, f"支出.{k}")) for k in ("基本支出", "项目支出")]
        if any(v is None for _, v, _ in told):
            return None
        parts = [(k, v) for k, v, _ in told]
        spent, sspan = sum(v for _, v in parts), told[0][2]
    if income is None or spent - income <= tolerance(len(parts)):
        return None
    figures = {**{k: amt(v) for k, v in parts}, "本年支出": amt(spent), "收入总计": amt(income), "超出": amt(spent - income), "关系": "C38"}
    return N_TOTALS_SUM.at(Severity.WARNING)(
        f"本年支出{amt(spent)}万元大于收入总计{amt(income)}万元（收入总计应等于支出总计，即本年支出与年末结转和结余之和）",
        figures, spans(sspan, ispan), section_label(ctx, "收入总计"))


def _general_within_year(ctx: Context) -> Finding | None:
    """一般公共预算财政拨款支出 is part of the year's spending (本年支出合计): above it, the 说明 gives a total
    for it (冠县 2017: "一般公共预算财政拨款支出178.48万元" = 本年支出174.89 + 年末结转3.59). Only without the
    tables, whose own checks name the wrong figure."""
    if ctx.disclosure.tables.t1 is not None or ctx.disclosure.tables.t5 is not None:
        return None
    return _part_above_whole(ctx, N_FISCAL_SUM, "一般公共预算财政拨款支出", "本年支出合计", "C41",
                             "一般公共预算财政拨款支出大于本年支出合计（财政拨款支出是本年支出的一部分）")


def _part_above_whole(ctx: Context, code, part_key: str, whole_key: str, relation: str, message: str) -> Finding | None:
    """``part_key``'s stated amount above ``whole_key``'s, of which it is a part (beyond what rounding
    at different places allows)."""
    (part, pspan), (whole, wspan) = _sv(ctx, part_key), _sv(ctx, whole_key)
    if part is None or whole is None:
        return None
    coarse = min(printed_places(part), printed_places(whole))
    if part - whole <= Decimal(5) / 10 ** (coarse + 1):  # rounded at different places, the part may print above
        return None
    year = year_of(ctx)
    figures = {named(part_key, year): amt(part), named(whole_key, year): amt(whole), "超出": amt(part - whole), "关系": relation}
    return code(message, figures, spans(pspan, wspan), section_label(ctx, part_key))


def _classes_over_total(ctx: Context) -> Finding | None:
    """The spending the 说明 lists by 类 for all its funds (全部资金.类.*) against the spending it totals: a list
    may leave classes out, so only a sum above the total is found ("支出预算65.61万元,其中:一般公共服务支出预算
    65.61万元,文化旅游体育与传媒支出预算50.53万元…": 131.22)."""
    n, year = ctx.disclosure.narrative, year_of(ctx)
    classes = sorted({st.key for st in n.statements if st.key.startswith("全部资金.类.") and keys.split(st.key)[1] == ""})
    total_key = next((k for k in ("本年支出合计", "支出总计") if _sv(ctx, k)[0] is not None), None)
    if len(classes) < 2 or total_key is None:
        return None
    total, tspan = _sv(ctx, total_key)
    parts = [(named(k, year), _sv(ctx, k)[0]) for k in classes]
    # (a total told beside last year's carry-over, which the classes spend too: "2024年年初预算数8140.52万元,上年结转
    # 89.01万元。其中:一般公共服务支出2575.75万元…")
    if sum(v for _, v in parts) <= total + (_sv(ctx, "年初结转和结余")[0] or 0):
        return None
    return sum_finding(code=N_EXPENDITURE_SUM, severity=Severity.WARNING, total=total, parts=parts,
                       total_label=named(total_key, year), message="所列各功能分类支出之和大于支出总额",
                       spans=[tspan, *(_sv(ctx, k)[1] for k in classes)], section=section_label(ctx, total_key), relation="C40")


def _doubled_totals(ctx: Context) -> Iterator[Finding]:
    """One figure for both totals ("收入、支出决算总计665.96万元") that is twice the 收入总计 (支出总计) the 说明
    states apart (332.98 each): 收入 and 支出 added together."""
    year = year_of(ctx)
    # (the grant's year alone where no carry-over of it is told: "财政拨款收支总计707.02万元" beside "一般公共预算财政拨款
    # 支出353.51万元", the only fund)
    carried = _sv(ctx, "年初财政拨款结转和结余")[0]
    grant = ("本年财政拨款收入", "本年财政拨款支出", "一般公共预算财政拨款支出") if not carried else ()
    for both, sides in (("收支总计", ("收入总计", "支出总计")), ("财政拨款收支总计", ("财政拨款收入总计", "财政拨款支出总计", *grant))):
        combined, cspan = _sv(ctx, both)
        side = next(((k, *_sv(ctx, k)) for k in sides if _sv(ctx, k)[0]), None)
        if combined is None or side is None or combined != 2 * side[1]:
            continue
        key, value, sspan = side
        yield N_TOTALS_SUM.at(WARNING)(
            f"{named(both, year)}写为{amt(combined)}万元，恰为{named(key, year)}{amt(value)}万元的两倍，疑将收入与支出相加；应写{amt(value)}万元",
            {named(both, year): amt(combined), named(key, year): amt(value)}, spans(cspan, sspan), section_label(ctx, both))


def _split_of_another_total(ctx: Context, parts: list[str]) -> bool:
    """True when the fund lines add up to another total the 说明 states (收入总计, 本年收入合计, 财政拨款收入
    总计): "收入总计2785.71万元…其中,一般公共预算拨款2785.71万元" splits that total, carry-over and all, not
    the 财政拨款收入 told beside it."""
    values = [_sv(ctx, k)[0] for k in parts]
    if all(v is None for v in values):
        return False
    summed = sum(v for v in values if v is not None)
    return any(_sv(ctx, k)[0] == summed for k in ("收入总计", "本年收入合计", "财政拨款收入总计", "收支总计", "财政拨款收支总计"))


def _sides_balance(ctx: Context) -> Finding | None:
    """收入总计 = 支出总计 when neither total is written: 本年收入 + 使用非财政拨款结余 + 年初结转和结余 =
    本年支出 + 结余分配 + 年末结转和结余. A side with an unwritten part may be short by it (a budget has
    no 结余分配), so only the side written in full may be found short."""
    if any(_sv(ctx, k)[0] is not None for k in ("收入总计", "支出总计", "收支总计")):
        return None  # the written totals are checked against their parts instead
    budget = ctx.disclosure.identity.budget
    sides = []
    for parts in (("本年收入合计", "使用非财政拨款结余", "年初结转和结余"),
                  ("本年支出合计", "年末结转和结余") + (() if budget else ("结余分配",))):
        values = [(named(k, year_of(ctx)), _sv(ctx, k)) for k in parts]
        if values[0][1][0] is None or all(v is None for _, (v, _) in values[1:]):
            return None  # the year's own figure and at least one balance on each side
        sides.append(values)
    (income, spending) = [sum((v for _, (v, _) in side if v is not None), Decimal(0)) for side in sides]
    short = 1 if income > spending else 0  # the smaller side: an unwritten part of it may make up the gap
    if any(v is None for _, (v, _) in sides[short]):
        return None
    parts = [(label, v) for label, (v, _) in sides[1]]
    return sum_finding(code=N_TOTALS_SUM, total=income, parts=parts, total_label="收入方（本年收入与结转结余之和）",
                       message="本年收入与结转结余之和不等于本年支出与结转结余之和（收入总计应等于支出总计）",
                       spans=[sp for side in sides for _, (_, sp) in side], section=section_label(ctx, "本年收入合计"),
                       relation="C38")


def _total_by_items(ctx: Context, aliases: tuple[str, ...]) -> Finding | None:
    """收入总计 against its items and balances when 本年收入 is not written ("收入总计为415.2644万元，
    其中：1.财政拨款收入… 2.事业收入… 3.上年结转和结余…"): an item left unnamed may make up a
    shortfall, so only a sum above the total is found."""
    if _sv(ctx, "本年收入合计")[0] is not None:
        return None  # the total against 本年收入, and 本年收入 against its items, are checked above
    total, carried = _sv(ctx, "收入总计")[0], _sv(ctx, "年初结转和结余")[0]
    told = [v for k in _income_items(ctx) if (v := _sv(ctx, k)[0]) is not None]
    if total is not None and carried and told and sum(told) == total + carried:
        return None  # the items hold the carry-over the total leaves out ("年初预算数8140.52万元,上年结转89.01万元。
        # 其中:一般公共预算拨款8229.53万元"): told twice, not a sum that fails
    return _narrative_sum(ctx, N_TOTALS_SUM, "收入总计", [*_income_items(ctx), "使用非财政拨款结余", "年初结转和结余"],
                          "C38", "收入总计与所列各项收入、结转结余之和不一致", aliases)


def _income_items(ctx: Context) -> list[str]:
    """The income items' keys, 财政拨款收入 by its fund lines when only they are written."""
    if _sv(ctx, "收入.财政拨款收入")[0] is not None:
        return [f"收入.{i}" for i in INCOME_ITEMS]
    return [f"收入.{i}" for i in FUND_INCOME_ITEMS] + [f"收入.{i}" for i in INCOME_ITEMS[1:]]


def _income_by_funds(ctx: Context) -> Finding | None:
    """本年收入 = its items when 财政拨款收入 is given only by its fund lines ("其中：一般公共预算财政拨款收入…")."""
    if _sv(ctx, "收入.财政拨款收入")[0] is not None:
        return None
    if all(_sv(ctx, f"收入.{i}")[0] is None for i in FUND_INCOME_ITEMS):
        return None
    return _narrative_sum(ctx, N_INCOME_SUM, "本年收入合计", _income_items(ctx), "C39", "本年收入与各项收入之和不一致")


@check(N_CLASS_SUM, N_ITEM_UNLISTED, ROUNDING, relations=("C42", "C43", "C44"))
def class_structure(ctx: Context) -> Iterator[Finding]:
    """说明五自身：一般公共预算财政拨款支出 = Σ各类（五（二））；每类 = Σ所属各项（五（三），按编码前三位）。"""
    statements = require_statements(ctx)
    classes = sorted({s.key for s in statements if CLASS_KEY.match(s.key)})
    fund = _in_fund_sections(ctx)
    items = sorted({s.key for s in statements if ITEM_KEY.match(s.key) and not fund(s)})
    if not classes:
        raise NotApplicable("说明中未识别出按类列示的支出")
    f = _narrative_sum(ctx, N_CLASS_SUM, "一般公共预算财政拨款支出", classes, "C43", "一般公共预算财政拨款支出与各类支出之和不一致",
                       listed=True)
    if f:
        yield f
    for cls in classes:
        mine = [k for k in items if k.split(".")[1][:3] == cls.split(".")[1]]
        if not mine:
            continue
        f = _narrative_sum(ctx, N_CLASS_SUM, cls, mine, "C44", f"{named(cls, year_of(ctx))}与说明中所列该类各项之和不一致",
                           listed=True)
        if f and f.code == N_CLASS_SUM.id and _sv(ctx, cls)[0] > sum(_sv(ctx, k)[0] for k in mine):
            if ctx.disclosure.tables.t5 is not None:
                continue  # items_described compares with the table itself
            if _unread_items(ctx, cls):
                continue  # a 项 of this 类 (or of none known) is described but its figures could not be read
            # fewer items than the class: an item may be missing from the text
            f = N_ITEM_UNLISTED(f"{named(cls, year_of(ctx))}大于说明中所列该类各项之和，可能有项级科目未说明", f.figures, f.spans, f.section)
        if f:
            yield f


def _in_fund_sections(ctx: Context):
    """Whether a statement stands in the 政府性基金 or 国有资本经营 section (whose 项, such as
    2070904 地方旅游开发项目补助, are no part of the 一般公共预算 类 they share a code with)."""
    def where(span) -> tuple[int, int]:
        return (span.page or 0, span.line or 0)
    starts = sorted((where(sec.span), "政府性基金" in sec.title or "国有资本" in sec.title)
                    for sec in ctx.disclosure.narrative.sections if sec.span is not None)

    def fund(statement) -> bool:
        if statement.span is None:
            return False
        at = where(statement.span)
        inside = [is_fund for start, is_fund in starts if start <= at]
        return bool(inside) and inside[-1]
    return fund


def _unread_items(ctx: Context, cls: str) -> bool:
    """True when the text heads a 项 of ``cls`` (or of a 类 it does not name) whose figures were not read."""
    read = {s.key for s in require_statements(ctx) if ITEM_KEY.match(s.key)}  # the 项's own amount, not its 年初预算
    code = cls.removeprefix("类.")
    return any(c.key in ("", cls) or (c.key.startswith(f"项.{code}") and c.key not in read)
               for c in ctx.disclosure.narrative.claimed(ITEM))


@check(N_BASIC_SUM, ROUNDING, relations=("C45",))
def basic_structure(ctx: Context) -> Iterator[Finding]:
    """说明六自身：一般公共预算财政拨款基本支出 = 人员经费 + 公用经费，且不大于说明五的一般公共预算财政拨款支出。"""
    require_statements(ctx)
    f = _narrative_sum(ctx, N_BASIC_SUM, "一般公共预算财政拨款基本支出", ["人员经费", "公用经费"], "C45", "基本支出与人员经费、公用经费之和不一致")
    if f is None and _sv(ctx, "一般公共预算财政拨款基本支出")[0] is None:
        raise NotApplicable("说明中未识别出基本支出")
    if f:
        yield f
    f = _basic_within_general(ctx)
    if f:
        yield f


def _basic_within_general(ctx: Context) -> Finding | None:
    """基本支出 is part of 一般公共预算财政拨款支出. Only when neither table is there: with the tables,
    the text-against-table checks name which of the two figures is wrong."""
    if ctx.disclosure.tables.t5 is not None or ctx.disclosure.tables.t6 is not None:
        return None
    return _part_above_whole(ctx, N_BASIC_SUM, "一般公共预算财政拨款基本支出", "一般公共预算财政拨款支出", "C45",
                             "一般公共预算财政拨款基本支出大于一般公共预算财政拨款支出（基本支出是其中一部分）")


#: Economic 类 whose 款 belong to each part of 基本支出; other 类 (310 资本性支出 …) may be in either.
_PART_OF = {"301": "人员经费", "303": "人员经费", "302": "公用经费"}


def _norm_name(name: str) -> str:
    return "".join(name.split()).replace("(", "（").replace(")", "）").removesuffix("等").strip("“”\"")


def _listed_items(d) -> dict[str, tuple[set[str], Span | None]]:
    """What 说明六 lists after "人员经费…包括：" and "公用经费…包括：" (the phrasebook's 构成 claims):
    {"人员经费": ({names}, span)}, the first list of each."""
    out: dict[str, tuple[set[str], Span | None]] = {}
    for c in d.narrative.claimed(LISTING) if d.narrative is not None else ():
        out.setdefault(c.key, (set(c.parts), c.span))
    return out


@check(N_BASIC_ITEMS, relations=("C45",))
def basic_items(ctx: Context) -> Iterator[Finding]:
    """说明六“人员经费…包括：”“公用经费…包括：”所列名称，恰为一般公共预算财政拨款基本支出决算表中本年不为零的款级科目。"""
    d = ctx.disclosure
    t6 = d.tables.t6
    if t6 is None:
        raise NotApplicable(f"缺少{table_title(ctx, 'T6')}")
    rows = [r for r in t6.rows if len(r.code) == 5]
    listed = _listed_items(d)
    if not rows or not listed:
        raise NotApplicable(f"{table_title(ctx, 'T6')}没有款级科目，或说明未列出人员经费、公用经费的构成")
    spent = {_norm_name(r.name): r for r in rows if any(v for v in r.values.values() if v is not None)}
    code_of = {_norm_name(economic_codes().name_of(c) or ""): c for c in economic_codes().codes() if len(c) == 5}
    known = {_norm_name(r.name) for r in rows} | set(code_of)
    # "其他社会保障缴费支出" names the 款 "其他社会保障缴费"
    listed = {part: ({n.removesuffix("支出") if n not in known and n.removesuffix("支出") in known else n for n in names}, where)
              for part, (names, where) in listed.items()}
    everywhere = set().union(*(names for names, _ in listed.values()))
    # a 款 of another 类 (310 资本性支出 …) may be listed in either part; if in none, it is missing from 公用经费
    flexible_part = "公用经费" if "公用经费" in listed else next(iter(listed))
    for part, (names, where) in listed.items():
        # a short name ("公积金") or a longer one ("公务用车运行维护费及购置费") stands for the 款 too
        covered = names | {k for n in names for k in ECONOMIC_SHORT_NAMES.get(n, ())}
        covered |= {n for n in spent if any(n in m for m in names if m != n)}
        missing = [n for n, r in spent.items() if n not in covered and (
            _PART_OF.get(r.code[:3]) == part or (r.code[:3] not in _PART_OF and part == flexible_part and n not in everywhere))]
        extra = sorted(n for n in names if n in known and (n not in spent or _PART_OF.get(spent[n].code[:3], part) != part))
        if not missing and not extra:
            continue
        # a listed 款 the table prints no row for at all (a row left out of the form): where it should stand
        printed = {_norm_name(r.name) for r in rows}
        absent = [(n, code_of[n]) for n in extra if n not in printed and n in code_of]
        said_ = "；".join(x for x in (f"未列出{'、'.join(missing)}（表中不为零）" if missing else "",
                                      f"多列{'、'.join(extra)}（表中为零、没有该科目或属于另一部分）" if extra else "",
                                      f"其中{'、'.join(f'{n}（{c}）' for n, c in absent)}表中没有该行" if absent else "") if x)
        figures = {"未列出": "、".join(missing) or "-", "多列": "、".join(extra) or "-", "关系": "C45"}
        if absent:
            figures["表中没有的行"] = "、".join(f"{c} {n}" for n, c in absent)
        near = [_class_row_span(t6, c[:3]) for _, c in absent]
        yield N_BASIC_ITEMS.at(Severity.WARNING)(f"说明六{part}所列构成与{table_title(ctx, 'T6')}不一致：{said_}",
                      figures, spans(where, *near[:1]), section_label(ctx, "人员经费"))


def _class_row_span(t6, klass: str) -> Span | None:
    """The span of ``t6``'s row of 类 ``klass`` (where a 款 left out of the form should stand)."""
    row = next((r for r in t6.rows if r.code == klass), None)
    return next(iter(row.sources.values()), None) if row is not None else None


CHECKS = (vs_t1, vs_income, vs_expenditure, vs_t4, vs_t5_total, vs_t5_class, vs_t5_item, vs_t6, vs_t9, sangong_vs_table, items_described,
          narrative_totals, class_structure, basic_structure, basic_items) + narrative_items.CHECKS + narrative_percent.PERCENT_CHECKS + narrative_matters.CHECKS + narrative_words.CHECKS + narrative_budget.CHECKS
