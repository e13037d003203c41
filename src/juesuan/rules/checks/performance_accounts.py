"""绩效自评表 against the rest of the document: the 单位整体支出绩效自评表's funds against the
accounts (收入总计, 本年支出合计, and the 财政拨款 年初预算数 / 本年财政拨款支出 of 第二部分 四), a
project's amount as the narrative quotes it by name, and one indicator given two values in the
整体表 and a 项目表.

Where it sits: rules/checks; listed in ``performance.CHECKS`` (the catalogue imports only that).
Account figures come from the tables when present (``ctx.figures``), else from the narrative's
statements. Severity: warning for two figures of one quantity that differ (the tables and the
narrative are both the publisher's; which one is wrong is for a person to say), info where the
difference has an innocent reading (a narrative quoting the 年初预算 of a project whose budget was
adjusted; one indicator name in the 整体表 and a 项目表, whose scopes may differ).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from ...core.findings import Finding
from ...core.model import PROJECT_AMOUNT, Evaluation, FundLine, Span
from ...core.money import ZERO, fmt_amount, round2
from ..measure import NUMBER, convert, parse_measure
from ..scoring import total_line
from .base import INFO, WARNING, Code, Context, NotApplicable, check
from .performance_support import evaluations, spans, table_label
from .support import named, stated_value, year_of

# --------------------------------------------------------------------------- finding codes

P_WHOLE_TOTALS = Code("P-WHOLE-TOTALS", WARNING, "单位整体支出绩效自评表合计行的全年预算数、全年执行数与收入总计、本年支出合计不一致")
P_WHOLE_FISCAL = Code("P-WHOLE-FISCAL", WARNING, "单位整体支出绩效自评表上级资金与本级资金的年初预算数（全年执行数）与说明中财政拨款的年初预算数（本年财政拨款支出）不一致")
P_PROJECT_AMOUNT = Code("P-PROJECT-AMOUNT", WARNING, "说明中按项目名称写出的金额与该项目自评表的全年预算数、全年执行数、年初预算数均不符")
P_PROJECT_INITIAL = Code("P-PROJECT-INITIAL", INFO, "说明中按项目名称写出的金额是年初预算数，而该项目全年预算数已调整（仅提示）")
P_SAME_INDICATOR = Code("P-SAME-INDICATOR", INFO, "同一名称的指标在单位整体支出绩效自评表与项目支出绩效自评表中业绩值不同（口径可能不同，仅提示）；"
                        "计数的指标（个、人、台……）整体表小于其中一个项目的为警告：全单位不会少于其中一个项目", also=(WARNING,))
#: Units of a count: the whole unit holds at least what one of its projects holds.
_COUNT_UNITS = frozenset({"个", "人", "名", "台", "套", "辆", "间", "家", "所", "处", "项", "次", "人次", "场", "期"})


_SECTION = "第二部分 十一 预算绩效情况说明"


def _clean(label: str) -> str:
    return "".join(label.split()).removeprefix("其中：").removeprefix("其中:")


#: The table an account figure comes from, when that table is present.
_TABLE_OF = {"收入总计": "t1", "本年支出合计": "t1", "本年财政拨款支出": "t4"}


def _account(ctx: Context, key: str) -> tuple[Decimal | None, Span | None, str]:
    """A figure of the accounts: from its table when present, else as the narrative states it,
    else as derived from the data; with where it was found."""
    table = _TABLE_OF.get(key)
    if table and getattr(ctx.disclosure.tables, table) is not None and key in ctx.figures:
        return ctx.figures[key], None, "决算表"
    value, span = stated_value(ctx.disclosure, key)
    if value is not None:
        return value, span, "说明"
    return ctx.figures.get(key), None, "决算数据"


def _fiscal_lines(ev: Evaluation) -> list[FundLine]:
    """上级资金 / 本级资金 (or 财政拨款) rows of the 整体表; not the 合计 row."""
    total = total_line(ev)
    return [line for line in ev.funds if line is not total
            and any(w in _clean(line.label) for w in ("上级资金", "本级资金", "财政拨款", "财政资金"))]


def _sum(values: list[Decimal | None]) -> Decimal | None:
    present = [v for v in values if v is not None]
    return sum(present, ZERO) if present else None


def _differs(a: Decimal, b: Decimal) -> bool:
    return round2(a) != round2(b)


@check(P_WHOLE_TOTALS, P_WHOLE_FISCAL, relations=("C50", "C41"))
def whole_vs_accounts(ctx: Context) -> Iterator[Finding]:
    """整体支出绩效自评表：合计行全年预算数 = 收入总计，全年执行数 = 本年支出合计；上级资金＋本级资金的年初预算数 = 财政拨款年初预算数，全年执行数 = 本年财政拨款支出。"""
    whole = [ev for ev in evaluations(ctx) if ev.kind == "整体"]
    if not whole:
        raise NotApplicable("没有单位整体支出绩效自评表")
    ran = False
    for ev in whole:
        line = total_line(ev)
        pairs = (("full_year_budget", "全年预算数", "收入总计"), ("executed", "全年执行数", "本年支出合计"))
        for field, label, key in pairs:
            mine = getattr(line, field) if line is not None else None
            other, where, source = _account(ctx, key)
            if mine is None or other is None:
                continue
            ran = True
            if not _differs(mine, other):
                continue
            yield P_WHOLE_TOTALS(f"{table_label(ev)}合计行{label}为{fmt_amount(mine)}万元，{source}中{named(key, year_of(ctx))}为{fmt_amount(other)}万元，两者应一致",
                {"自评表": fmt_amount(mine), named(key, year_of(ctx)): fmt_amount(other), "来源": source, "关系": "C50"},
                spans(ev, line, field) + ((where,) if where else ()), table_label(ev))
        fiscal = _fiscal_lines(ev)
        if not fiscal:
            continue
        checks = (("initial_budget", "年初预算数", "财政拨款收支总计.年初预算", "财政拨款年初预算数"),
                  ("executed", "全年执行数", "本年财政拨款支出", "本年财政拨款支出"))
        for field, label, key, account in checks:
            mine = _sum([getattr(f, field) for f in fiscal])
            other, where, source = _account(ctx, key)
            if mine is None or other is None:
                continue
            ran = True
            if not _differs(mine, other):
                continue
            shown = [f for f in fiscal if getattr(f, field)] or fiscal  # name the rows that hold money
            names = "与".join(_clean(f.label) for f in shown)
            yield P_WHOLE_FISCAL(f"{table_label(ev)}{names}{label}{'合计' if len(shown) > 1 else ''}为{fmt_amount(mine)}万元，"
                f"{source}中{account}为{fmt_amount(other)}万元，口径应一致，请核实",
                {"自评表": fmt_amount(mine), account: fmt_amount(other), "来源": source, "关系": "C41"},
                tuple(s for f in shown for s in spans(ev, f, field)) + ((where,) if where else ()), table_label(ev))
    if not ran:
        raise NotApplicable("缺少整体支出绩效自评表资金数或可比的决算数")


# --------------------------------------------------------------------------- a project quoted by name

@check(P_PROJECT_AMOUNT, P_PROJECT_INITIAL, relations=("C50",))
def project_amounts(ctx: Context) -> Iterator[Finding]:
    """说明中紧跟项目名称写出的金额（如“机关运行补助经费600万元”）是该项目自评表的全年预算数或全年执行数。"""
    story = ctx.disclosure.narrative
    if story is None or not story.text:
        raise NotApplicable("没有读入说明文字，无法核对说明中的项目金额")
    said: dict[str, list] = {}
    for claim in story.claimed(PROJECT_AMOUNT):
        said.setdefault(claim.key, []).append(claim)
    for ev in (ev for ev in evaluations(ctx) if ev.kind == "项目"):
        line = total_line(ev)
        if line is None:
            continue
        figures = [v for v in (line.full_year_budget, line.executed) if v is not None]
        for claim in said.get(ev.name, ()):
            value = claim.amounts[0]
            if not figures or any(not _differs(value, v) for v in figures):
                continue
            where = (claim.span,) if claim.span else ()
            table_spans = spans(ev, line, "initial_budget", "full_year_budget", "executed")
            shown = {"说明": fmt_amount(value), "年初预算数": fmt_amount(line.initial_budget),
                     "全年预算数": fmt_amount(line.full_year_budget), "全年执行数": fmt_amount(line.executed)}
            if line.initial_budget is not None and not _differs(value, line.initial_budget):
                yield P_PROJECT_INITIAL(f"说明中写“{claim.value}”，为{table_label(ev)}的年初预算数；该项目全年预算数为"
                    f"{fmt_amount(line.full_year_budget)}万元、全年执行数为{fmt_amount(line.executed)}万元，"
                    "宜写明是年初预算数或改用调整后的金额",
                    shown, where + table_spans, _SECTION)
                continue
            yield P_PROJECT_AMOUNT(f"说明中写“{claim.value}”，{table_label(ev)}年初预算数{fmt_amount(line.initial_budget)}万元、"
                f"全年预算数{fmt_amount(line.full_year_budget)}万元、全年执行数{fmt_amount(line.executed)}万元，均不相同",
                shown, where + table_spans, _SECTION)


# --------------------------------------------------------------------------- one indicator, two tables

def _indicator_key(name: str) -> str:
    return re.sub(r"[（(][^（）()]*[）)]$", "", "".join(name.split()))


@check(P_SAME_INDICATOR)
def same_indicator(ctx: Context) -> Iterator[Finding]:
    """整体自评表与项目自评表中名称相同、单位相同的数量指标，业绩值应一致（或说明口径不同）。"""
    evs = evaluations(ctx)
    whole = [ev for ev in evs if ev.kind == "整体"]
    projects = [ev for ev in evs if ev.kind == "项目"]
    if not whole or not projects:
        raise NotApplicable("没有同时读到整体支出与项目支出绩效自评表")
    by_name: dict[str, list] = {}
    for ev in projects:
        for ind in ev.indicators:
            by_name.setdefault(_indicator_key(ind.name), []).append((ev, ind))
    for w in whole:
        for wind in w.indicators:
            wa = parse_measure(wind.actual)
            key = _indicator_key(wind.name)
            if wa.kind != NUMBER or len(key) < 4:
                continue
            for ev, ind in by_name.get(key, ()):
                a = parse_measure(ind.actual)
                value = convert(a.value, a.unit, wa.unit) if a.kind == NUMBER else None
                if value is None or value == wa.value:
                    continue
                prior = parse_measure(ind.prior_result)
                prior_value = convert(prior.value, prior.unit, wa.unit) if prior.kind == NUMBER else None
                note = (f"；{wa.value.normalize():f}{wa.unit}恰为项目表所列上年完成情况，整体表可能沿用了上年数"
                        if prior_value is not None and prior_value == wa.value else "")
                fewer = wa.unit in _COUNT_UNITS and wa.value < value
                code = P_SAME_INDICATOR.at(WARNING) if fewer else P_SAME_INDICATOR
                said = "，全单位的数小于其中一个项目的数" if fewer else ""
                yield code(f"指标“{wind.name}”在{table_label(w)}中业绩值为{wind.actual}，在{table_label(ev)}中为{ind.actual}{said}{note}；"
                    "如口径不同请在指标名称中区分",
                    {"整体表业绩值": wind.actual, "项目表业绩值": ind.actual, "项目表上年完成情况": ind.prior_result or "-"},
                    spans(w, wind, "actual") + spans(ev, ind, "actual"), table_label(w))


__all__ = ["whole_vs_accounts", "project_amounts", "same_indicator"]
