"""A budget's 绩效目标表 (项目支出 and 整体支出) as :class:`Grid` blocks, in the national form.

Where it sits: beside :mod:`.performance` (the 决算's 绩效自评表); ``compose`` puts these grids
where a budget's narrative leaves ``Slot("绩效表")``. Each table: the project (or unit), its
departments, its money, the year's goal, then one row per 三级指标 with its 一级 / 二级指标
(merged over equal runs), 指标性质, 指标值, 度量单位 and 权重, and the 权重 summed at the foot.
"""

from __future__ import annotations

from decimal import Decimal

from ...core.document import Cell, Grid
from ...core.model import Disclosure, Goal
from .cells import head, label, num
from .performance import _merged_levels, _plain

__all__ = ["goal_grids", "goal_grid"]

_WIDTH = 7
PROJECT_TITLE = "项目支出绩效目标表"
WHOLE_TITLE = "部门（单位）整体支出绩效目标表"


def goal_grid(goal: Goal, key: str, year: int | None = None) -> Grid:
    """One 绩效目标表: 7 columns (一级指标 … 权重)."""
    whole = goal.kind == "整体"
    body: list[tuple[Cell, ...]] = [
        (label("单位名称" if whole else "项目名称", bold=True), label(goal.name, colspan=_WIDTH - 1)),
        (label("主管部门", bold=True), label(goal.department, colspan=2),
         label("实施单位", bold=True), label(goal.implementer, colspan=3)),
        (label("资金（万元）" if whole else "项目资金（万元）", bold=True), label("年度资金总额", colspan=2),
         num(goal.amount, colspan=4)),
        (label("年度绩效目标", bold=True), label(goal.goal, colspan=_WIDTH - 1)),
        head("一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重"),
    ]
    for indicator, (c1, c2) in zip(goal.indicators, _merged_levels(goal.indicators)):
        lead = tuple(c for c in (c1, c2) if c is not None)
        body.append(lead + (label(indicator.name), label(indicator.comparator, align="center"),
                            label(indicator.value, align="right"), label(indicator.unit, align="center"),
                            Cell(text=_plain(indicator.weight), value=indicator.weight, align="center")))
    weights = [i.weight for i in goal.indicators if i.weight is not None]
    if weights:
        total = sum(weights, Decimal(0))
        body.append((label("权重合计", colspan=_WIDTH - 1, bold=True, align="center"),
                     Cell(text=_plain(total), value=total, align="center", bold=True)))
    return Grid(key=key, title=WHOLE_TITLE if whole else PROJECT_TITLE, header=(), body=tuple(body), unit="万元",
                code=f"（{year}年度）" if year else "", landscape=False)


def goal_grids(d: Disclosure) -> tuple[Grid, ...]:
    """The 整体 绩效目标表 (if any) then each 项目 one, in the data's order."""
    whole = [g for g in d.goals.tables if g.kind == "整体"]
    projects = [g for g in d.goals.tables if g.kind != "整体"]
    grids = [goal_grid(g, "绩效目标.整体" if i == 0 else f"绩效目标.整体.{i + 1}", d.unit.year) for i, g in enumerate(whole)]
    grids += [goal_grid(g, f"绩效目标.项目.{i}", d.unit.year) for i, g in enumerate(projects, start=1)]
    return tuple(grids)
