"""Checks across documents: this year's document against last year's, against the same year's
budget, and a department's 部门决算 against its units' 单位决算.

Where it sits: rules/checks. Like every check these are pure: the other documents arrive in the
context (``Context.related``: prepared documents that the caller — a batch, the store — found for
the same unit); nothing here opens a file or a database. A check whose other document is not
given does not run (and says so).

How a document states last year's figure: as 上年 (data, or "上年…万元" in the text), or as this
year's figure with its change ("比上年减少191.15万元"): then 上年 = 本年 − 增减. Both sides are
printed to 0.01 万元, so a gap of 0.01 is rounding (info), a larger one a warning (a restated
prior-year figure may be a change of 口径 that the text should explain).

A budget keys its figures as a 决算 does (``core.keys``): its "三公.合计" is the amount budgeted,
its "三公.合计.上年" last year's budget. So ``against_budget`` reads a 决算's "X.年初预算" against
the budget's "X", and ``prior_year`` compares two consecutive budgets as it does two 决算. The
other document's figure is located in its text, or else in the table cell it was read from.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from ...core import keys
from ...core.findings import Finding
from ...core.model import Comparatives, Span
from ...core.money import CENT, round2
from ..prepare import Prepared
from ..units import renamed
from .base import INFO, WARNING, Code, Context, NotApplicable, check
from .support import amt, kind_word, named, stated_value, year_of

X_PRIOR_YEAR = Code("X-PRIOR-YEAR", WARNING, "本年文件所述上年数与上年已公开文件的本年数不一致（口径调整应说明）", also=(INFO,))
X_PRIOR_SUMMARY = Code("X-PRIOR-SUMMARY", INFO, "与上年已公开文件核对的数字个数与一致个数")
X_BUDGET = Code("X-BUDGET", WARNING, "决算所述年初预算数与同年已公开的预算数不一致", also=(INFO,))
X_BUDGET_SUMMARY = Code("X-BUDGET-SUMMARY", INFO, "与同年已公开预算核对的数字个数与一致个数")
X_MEMBERS = Code("X-MEMBERS", WARNING, "部门决算（汇总）与所属各单位决算之和不一致", also=(INFO,))
X_MEMBERS_SUMMARY = Code("X-MEMBERS-SUMMARY", INFO, "与所属各单位决算之和核对的数字个数与一致个数")
X_UNIT_MATCH = Code("X-UNIT-MATCH", INFO, "核对所用的其他文件中单位名称或地区与本文件不同（更名、简称或区划调整），按同一单位核对")
#: The codes that say how many figures were compared with another document and how many agree
#: (figures "核对" and "一致"): reports show them beside the counts.
SUMMARY_CODES = ("X-PRIOR-SUMMARY", "X-BUDGET-SUMMARY", "X-MEMBERS-SUMMARY")

#: Subjects compared across documents: totals, each 类/项, 三公 and its parts, 机关运行经费.
_SUBJECT_PREFIXES = ("类.", "项.", "三公.")
_SUBJECTS = ("收支总计", "本年收入合计", "本年支出合计", "财政拨款收支总计", "一般公共预算财政拨款支出",
             "一般公共预算财政拨款基本支出", "人员经费", "公用经费", "机关运行经费")


def _compared(subject: str) -> bool:
    return subject in _SUBJECTS or subject.startswith(_SUBJECT_PREFIXES) and not subject.startswith(("三公.出国", "三公.接待", "三公.购置车辆", "三公.保有车辆", "三公.固定资产"))


def comparative_source(c: Comparatives, section: str, subject: str) -> Span | None:
    """Where a comparative was given: data files key it by section ("上年.项.2010301")."""
    return c.sources.get(f"{section}.{subject}") or c.sources.get(subject)


def stated_prior(p: Prepared, subject: str) -> tuple[Decimal | None, Span | None]:
    """Last year's ``subject`` as ``p`` states it: its 上年, else its value minus its 增减."""
    d = p.disclosure
    if subject in d.comparatives.prior:
        return d.comparatives.prior[subject], comparative_source(d.comparatives, "上年", subject)
    value, span = stated_value(d, keys.key(subject, keys.PRIOR))
    if value is not None:
        return value, span
    delta, dspan = stated_value(d, keys.key(subject, keys.DELTA))
    if delta is None:
        return None, None
    now, _ = stated_value(d, subject)
    if now is None:
        now = p.figures.get(subject)
    return (None, None) if now is None else (now - delta, dspan)


def current(p: Prepared, subject: str) -> tuple[Decimal | None, Span | None]:
    """``subject`` as ``p`` gives it for its own year: stated in the text, else from its tables
    (with the table cell it was read from, where the tables say) or its data."""
    value, span = stated_value(p.disclosure, subject)
    if value is not None:
        return value, span
    return p.figures.get(subject), table_span(p, subject)


#: 公开01 fields of the subjects compared across documents (``SummaryTable.sources`` keys).
_T1_FIELDS = {"收支总计": "income_total", "本年收入合计": "income_this_year", "本年支出合计": "expenditure_this_year"}


def table_span(p: Prepared, subject: str) -> Span | None:
    """The table cell ``p``'s figure ``subject`` was read from (None for a figure it added up)."""
    t = p.disclosure.tables
    head, _, tail = subject.partition(".")
    total = p.profile.layout.row_total("T5") or "合计"
    if subject in _T1_FIELDS and t.t1 is not None:
        return t.t1.sources.get(_T1_FIELDS[subject])
    if head in ("类", "项") and t.t5 is not None:
        row = t.t5.row(tail)
        return row.sources.get(total) if row is not None else None
    if subject in ("一般公共预算财政拨款支出", "一般公共预算财政拨款基本支出") and t.t5 is not None and t.t5.total is not None:
        return t.t5.total.sources.get("基本支出" if subject.endswith("基本支出") else total)
    if subject in ("人员经费", "公用经费") and t.t6 is not None:
        return t.t6.sources.get(f"{subject}合计")
    if head == "三公" and t.t9 is not None:
        return t.t9.sources.get(f"决算数.{tail}")
    return None


def _subjects(p: Prepared) -> list[str]:
    found = set(p.disclosure.comparatives.prior)
    n = p.disclosure.narrative
    if n is not None:
        for s in n.statements:
            subject, suffix = keys.split(s.key)
            if suffix in (keys.PRIOR, keys.DELTA):
                found.add(subject)
    return sorted(s for s in found if _compared(s))


def _gap_finding(code: Code, message: str, figures: dict, spans: list, section: str, gap: Decimal) -> Finding:
    clean = tuple(s for s in spans if s is not None)
    if abs(gap) <= CENT:
        return code.at(INFO)(message + "（相差0.01万元，可能为四舍五入差异）", figures, clean, section)
    return code(message, figures, clean, section)


@check(X_PRIOR_YEAR, X_PRIOR_SUMMARY)
def prior_year(ctx: Context) -> Iterator[Finding]:
    """本年文件所述上年数（上年决算数，或本年数减增减额）= 上年已公开文件的本年数：总计、各类各项、三公及其各项、机关运行经费。"""
    last = ctx.related.prior
    if last is None:
        raise NotApplicable("没有上年的已公开文件可供核对（需用 --db 指定已存文件的数据库，或同批提供上年文件）")
    here = ctx.prepared
    year = year_of(ctx)
    compared = agreed = 0
    for subject in _subjects(here):
        said, span = stated_prior(here, subject)
        theirs, their_span = current(last, subject)
        if said is None or theirs is None:
            continue
        compared += 1
        gap = round2(said) - round2(theirs)
        if gap == 0:
            agreed += 1
            continue
        figures = {"本年文件所述上年数": amt(said), "上年文件本年数": amt(theirs), "差额": amt(gap)}
        yield _gap_finding(X_PRIOR_YEAR, f"本年文件中{named(subject, year)}的上年数为{amt(said)}万元，"
                           f"上年已公开的{last.disclosure.unit.year or year - 1}年度文件为{amt(theirs)}万元",
                           figures, [span, their_span], "与上年文件核对", gap)
    if compared == 0:
        raise NotApplicable("本年文件与上年文件没有可对应的数字")
    yield X_PRIOR_SUMMARY(f"与上年已公开文件核对{compared}个数字，{agreed}个一致", {"核对": str(compared), "一致": str(agreed)},
                          (), "与上年文件核对")


@check(X_BUDGET, X_BUDGET_SUMMARY)
def against_budget(ctx: Context) -> Iterator[Finding]:
    """决算所述年初预算数 = 同年已公开预算的本年预算数：总计、各项、三公、机关运行经费。"""
    budget = ctx.related.budget
    if budget is None:
        raise NotApplicable("没有同年的已公开预算可供核对")
    here = ctx.prepared
    year = year_of(ctx)
    c = here.disclosure.comparatives
    compared = agreed = 0
    for subject in sorted(set(c.initial_budget) | _stated_budget_subjects(here)):
        if not _compared(subject):
            continue
        said, span = stated_value(here.disclosure, keys.key(subject, keys.INITIAL_BUDGET))
        if said is None:
            said, span = c.initial_budget.get(subject), comparative_source(c, "年初预算", subject)
        theirs, their_span = current(budget, subject)
        if said is None or theirs is None:
            continue
        compared += 1
        gap = round2(said) - round2(theirs)
        if gap == 0:
            agreed += 1
            continue
        figures = {"决算所述年初预算数": amt(said), "预算文件": amt(theirs), "差额": amt(gap)}
        yield _gap_finding(X_BUDGET, f"决算中{named(subject, year)}的年初预算数为{amt(said)}万元，同年预算文件为{amt(theirs)}万元",
                           figures, [span, their_span], "与同年预算核对", gap)
    if compared == 0:
        raise NotApplicable("决算与预算文件没有可对应的数字")
    yield X_BUDGET_SUMMARY(f"与同年已公开预算核对{compared}个数字，{agreed}个一致", {"核对": str(compared), "一致": str(agreed)},
                           (), "与同年预算核对")


def _stated_budget_subjects(p: Prepared) -> set[str]:
    n = p.disclosure.narrative
    if n is None:
        return set()
    return {keys.split(s.key)[0] for s in n.statements if keys.split(s.key)[1] == keys.INITIAL_BUDGET}


#: Table figures a 部门决算 (汇总) must equal the sum of over its units' 单位决算.
_MEMBER_SUBJECTS = ("收入总计", "本年收入合计", "本年支出合计", "年初结转和结余", "年末结转和结余", "财政拨款收入总计",
                    "一般公共预算财政拨款支出", "一般公共预算财政拨款基本支出", "人员经费", "公用经费", "三公.合计")


@check(X_MEMBERS, X_MEMBERS_SUMMARY)
def members(ctx: Context) -> Iterator[Finding]:
    """部门决算（汇总）各表的合计数 = 所属各单位决算（本级及下属单位）同一数字之和。"""
    units = ctx.related.members
    if not units:
        raise NotApplicable(f"没有所属各单位的{kind_word(ctx)}可供汇总核对")
    here = ctx.prepared
    year = year_of(ctx)
    subjects = list(_MEMBER_SUBJECTS) + sorted(k for k in here.figures if k.startswith("类.") and keys.split(k)[1] == "")
    names = "、".join(u.disclosure.unit.name for u in units)
    kind = kind_word(ctx)
    compared = agreed = 0
    for subject in subjects:
        whole = here.figures.get(subject)
        parts = [u.figures.get(subject) for u in units]
        if whole is None or any(v is None for v in parts):
            continue
        compared += 1
        total = sum(parts, Decimal(0))
        gap = round2(whole) - round2(total)
        if gap == 0:
            agreed += 1
            continue
        figures = {f"部门{kind}": amt(whole), "各单位之和": amt(total), "差额": amt(gap), "单位": names}
        if abs(gap) <= CENT * len(units):
            yield X_MEMBERS.at(INFO)(f"{named(subject, year)}：部门{kind}{amt(whole)}万元，所属单位之和{amt(total)}万元（四舍五入范围内）",
                                     figures, (), "部门汇总核对")
        else:
            yield X_MEMBERS(f"{named(subject, year)}：部门{kind}{amt(whole)}万元，所属{len(units)}个单位之和{amt(total)}万元",
                            figures, (), "部门汇总核对")
    if compared == 0:
        raise NotApplicable(f"部门{kind}与所属单位{kind}没有可对应的数字")
    yield X_MEMBERS_SUMMARY(f"与所属{len(units)}个单位（{names}）{kind}之和核对{compared}个数字，{agreed}个一致",
                            {"核对": str(compared), "一致": str(agreed), "单位": names}, (), "部门汇总核对")


def _name_and_region(p: Prepared) -> tuple[str, str]:
    who = p.disclosure.identity
    return (who.unit or p.disclosure.unit.name), who.region


@check(X_UNIT_MATCH)
def matched_units(ctx: Context) -> Iterator[Finding]:
    """核对所用的上年文件、同年预算与本文件是同一单位：名称或地区不同（更名、“与/和”、“（本级）”、区划调整）时列出，供核实。"""
    others = [("上年文件", ctx.related.prior), ("同年预算", ctx.related.budget)]
    others = [(what, p) for what, p in others if p is not None]
    if not others:
        raise NotApplicable("没有其他文件可供核对")
    name, region = _name_and_region(ctx.prepared)
    for what, other in others:
        their_name, their_region = _name_and_region(other)
        year = other.disclosure.unit.year
        changes = []
        if renamed(name, their_name):
            changes.append(f"单位名称为“{their_name}”（本文件为“{name}”）")
        if region and their_region and region != their_region:
            changes.append(f"地区为{their_region}（本文件为{region}）")
        if changes:
            yield X_UNIT_MATCH(f"{what}（{year}年度）中{'，'.join(changes)}，已按同一单位核对，请确认",
                               {"本文件": name, what: their_name}, (), "与其他文件核对")


CHECKS = (matched_units, prior_year, against_budget, members)
