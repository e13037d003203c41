"""绩效目标表 checks: a budget's goals set so that they can be checked at the year's end.

Where it sits: rules/checks, in the catalogue (``CATALOGUE_MODULES``), over ``Disclosure.goals`` (a document's
tables read by ``io.readers.performance.goals_from_grids``, a data file's by its reader) and the narrative's 绩效目标 statements.

The national rule: 财政部《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》(财预〔2021〕101号)
sets a project's indicators as 成本、产出、效益 and 满意度 indicators, each measurable, a cost
indicator as a ceiling, and every quantity with its unit. Local forms vary (重庆's tables name each
indicator without its dimension), so a dimension is looked for in the 一级/二级指标 columns when the
form has them and in the indicator's name otherwise, and only what can be told is reported; all
findings are warnings, as the rule is guidance and a region may apply it its own way.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from ...core.findings import Finding
from ...core.model import TABLE_REFERENCE, Goal, GoalIndicator
from .base import WARNING, Code, Context, NotApplicable, check
from .support import amt, fact, spans

G_DIMENSIONS = Code("G-DIMENSIONS", WARNING, "绩效目标表缺少产出、效益或满意度指标（财预〔2021〕101号：项目支出绩效指标包括成本、产出、"
                                             "效益、满意度指标；表上不分一级指标时只能看出有无满意度指标）")
G_COST_BOUND = Code("G-COST-BOUND", WARNING, "成本指标的指标值没有上限（应写“≤”“不高于”等，财预〔2021〕101号）")
G_UNIT = Code("G-UNIT", WARNING, "定量指标的指标值没有计量单位")
G_MEASURABLE = Code("G-MEASURABLE", WARNING, "数量指标的指标值只写“提高”“有效”等字样，没有可衡量的数值")
G_TABLE_MISSING = Code("G-TABLE-MISSING", WARNING, "说明写“详见…绩效目标表”，文件中却没有绩效目标表")
G_COUNT = Code("G-COUNT", WARNING, "说明中编报绩效目标的项目个数（金额）与所附项目绩效目标表不一致")

_DIMENSIONS = ("产出", "效益", "满意度")
_CEILING = re.compile(r"≤|<=|＜|<|不高于|不超过|不超出|以内|以下|控制在|低于|上限")
_NUMBER = re.compile(r"\d")
_UNIT_AFTER = re.compile(r"\d(?:\.\d+)?\s*[^\d\s.,，%％]")
_VAGUE = re.compile(r"^(?:[≥≤=<>＜＞]*)(?:有效|明显|显著|逐步|进一步|不断|持续)?(?:提高|提升|增强|改善|加强|增加|扩大|有效|明显|良好|较好|优化)"
                    r"(?:提高|提升|改善)?$")


def _goals(ctx: Context) -> tuple[Goal, ...]:
    goals = ctx.disclosure.goals.tables
    if not goals:
        raise NotApplicable("没有读到绩效目标表")
    return goals


def dimension(ind: GoalIndicator) -> str:
    """成本 / 产出 / 效益 / 满意度 by the 一级 and 二级指标 names, else by the indicator's name; "" when
    the form does not tell."""
    levels = ind.level1 + ind.level2
    if "满意" in levels or "满意" in ind.name:
        return "满意度"
    if "成本" in levels or (not levels and "成本" in ind.name):
        return "成本"
    if "效益" in levels or "影响" in levels:
        return "效益"
    if "产出" in levels or any(w in ind.level2 for w in ("数量", "质量", "时效")):
        return "产出"
    return ""


def _label(goal: Goal) -> str:
    return f"绩效目标表“{goal.name}”" if goal.name and "绩效目标表" not in goal.name else f"“{goal.name or '绩效目标表'}”"


@check(G_DIMENSIONS)
def goal_dimensions(ctx: Context) -> Iterator[Finding]:
    """每张绩效目标表都有产出、效益、满意度指标（表上分一级指标时逐类核对；不分时只核对满意度）。"""
    for goal in _goals(ctx):
        if not goal.indicators:
            continue
        typed = any(i.level1 or i.level2 for i in goal.indicators)
        present = {dimension(i) for i in goal.indicators}
        if typed and "" in present:
            continue  # a level read that names no dimension ("95", "年"): the columns were not told apart
        wanted = _DIMENSIONS if typed else ("满意度",)
        missing = [d for d in wanted if d not in present]
        if missing:
            words = "、".join(f"{d}指标" for d in missing)
            yield G_DIMENSIONS(f"{_label(goal)}没有{words}（共{len(goal.indicators)}个指标）",
                               {"绩效目标表": goal.name, "缺少": words, "指标数": str(len(goal.indicators))},
                               spans(goal.span), "绩效目标表")


def _each_indicator(ctx: Context, code: Code, faulty, says: str) -> Iterator[Finding]:
    """A finding of ``code`` for every indicator ``faulty`` holds true of; ``says`` words the fault."""
    for goal in _goals(ctx):
        for ind in goal.indicators:
            if faulty(ind):
                yield code(f"{_label(goal)}的指标“{ind.name}”指标值为“{ind.target}”，{says}",
                           {"指标": ind.name, "指标值": ind.target}, spans(ind.sources.get("value")), "绩效目标表")


def _no_ceiling(ind: GoalIndicator) -> bool:
    return dimension(ind) == "成本" and bool(ind.target) and not _CEILING.search(ind.comparator + ind.value)


def _no_unit(ind: GoalIndicator) -> bool:
    value = ind.value.strip()
    return (bool(_NUMBER.search(value)) and not ind.unit.strip() and not _UNIT_AFTER.search(value)
            and not value.endswith(("%", "％")))


def _vague(ind: GoalIndicator) -> bool:
    quantity = "数量" in ind.level2 or bool(ind.unit.strip())
    target = re.sub(r"\s+", "", ind.comparator + ind.value)
    return quantity and bool(target) and not _NUMBER.search(target) and bool(_VAGUE.match(target))


@check(G_COST_BOUND)
def cost_ceilings(ctx: Context) -> Iterator[Finding]:
    """成本指标的指标值是上限（≤、不高于、控制在…以内）。"""
    yield from _each_indicator(ctx, G_COST_BOUND, _no_ceiling, "是成本指标，却没有写成上限（≤）")


@check(G_UNIT)
def units(ctx: Context) -> Iterator[Finding]:
    """写有数值的指标都有计量单位（单位列或数值后的单位）。"""
    yield from _each_indicator(ctx, G_UNIT, _no_unit, "没有计量单位")


@check(G_MEASURABLE)
def measurable(ctx: Context) -> Iterator[Finding]:
    """数量指标（二级指标为数量指标，或写有计量单位的指标）的指标值是可衡量的数值，不只是“提高”“有效”。"""
    yield from _each_indicator(ctx, G_MEASURABLE, _vague, "是数量指标，却只有文字，无法衡量是否完成")


@check(G_COUNT)
def goal_count(ctx: Context) -> Iterator[Finding]:
    """说明中编报绩效目标的项目个数 = 所附项目绩效目标表张数；个数相符时，涉及金额 = 各表当年预算之和。"""
    d = ctx.disclosure
    projects = [g for g in d.goals.tables if g.kind == "项目"]
    if not projects:
        raise NotApplicable("没有读到项目绩效目标表")
    count, cspan = fact(d, "绩效.项目数")
    if count is None and d.goals.projects is not None:
        count, cspan = Decimal(d.goals.projects), d.goals.sources.get("projects")
    if count is None:
        raise NotApplicable("说明中没有写出编报绩效目标的项目个数")
    if count != len(projects):
        yield G_COUNT(f"说明写编报绩效目标的项目{int(count)}个，所附项目绩效目标表{len(projects)}张",
                      {"说明中项目个数": str(int(count)), "目标表张数": str(len(projects))}, spans(cspan), "绩效目标")
        return
    money, mspan = fact(d, "绩效.项目.全年预算")
    if money is None:
        money, mspan = d.goals.amount, d.goals.sources.get("amount")
    amounts = [g.amount for g in projects]
    if money is None or any(a is None for a in amounts):
        return
    total = sum(amounts)  # type: ignore[arg-type]
    if total != money:
        yield G_COUNT(f"说明写编报绩效目标的项目涉及资金{amt(money)}万元，各项目绩效目标表当年预算合计{amt(total)}万元",
                      {"说明中金额": amt(money), "目标表合计": amt(total)}, spans(mspan), "绩效目标")


@check(G_TABLE_MISSING)
def goal_tables_referred_to(ctx: Context) -> Iterator[Finding]:
    """说明写“详见…绩效目标表”时，文件中附有绩效目标表（读到表格，或其后有这样的表题）。"""
    n = ctx.disclosure.narrative
    refs = [c for c in (n.claimed(TABLE_REFERENCE) if n is not None else ()) if c.key == "绩效目标表"]
    if not refs:
        raise NotApplicable("说明中没有提到所附的绩效目标表")
    if ctx.disclosure.goals.tables or any(c.parts for c in refs):
        return
    if ctx.disclosure.identity.partial:
        raise NotApplicable(ctx.disclosure.identity.partial)
    ref = refs[0]
    yield G_TABLE_MISSING(f"说明写“{ref.value}”，文件中却没有绩效目标表", {"原文": ref.value}, spans(ref.span), "绩效目标")


CHECKS = (goal_dimensions, cost_ceilings, units, measurable, goal_count, goal_tables_referred_to)
