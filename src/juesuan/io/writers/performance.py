"""The 绩效自评表 (单位整体支出 and 项目支出) as :class:`Grid` blocks, in the seed's layout.

Where it sits: beside :mod:`.layout`; ``compose`` puts these grids where the narrative leaves
``Slot("绩效表")``. 执行率, 完成率, scores, 总分 and 等级 are those of the scoring engine
(``juesuan.rules.scoring.score_evaluation``) under the profile's policy, never the values the
source printed: a published table that mis-scored an indicator is printed corrected.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Callable, Sequence

from ...core.document import Cell, Grid
from ...core.model import Disclosure, Evaluation, FundLine, Indicator
from ...core.money import fmt_amount, fmt_pct
from ...core.profiles import Profile
from ...rules.scoring import EvaluationScore, IndicatorScore, score_evaluation, scoring_line, total_line
from .cells import head, label, num

DASH = "—"


def _execution_line(ev: Evaluation) -> FundLine | None:
    """The fund line that carries 分值/执行率/得分: the one printed with them, else the total line."""
    return scoring_line(ev) or total_line(ev) or (ev.funds[0] if ev.funds else None)


def _plain(value: Decimal | None) -> str:
    """A weight as written: 15, 12.5."""
    if value is None:
        return ""
    return format(value.normalize(), "f")


def _score_text(value: Decimal | None) -> str:
    return "" if value is None else fmt_amount(value, sep=False)


def _score_cell(value: Decimal | None, **kw: Any) -> Cell:
    return Cell(text=_score_text(value), value=value, align="right", **kw)


def _rate_cell(value: Decimal | None, **kw: Any) -> Cell:
    return Cell(text="" if value is None else fmt_pct(value), value=value, align="right", **kw)


def _fund_rows(ev: Evaluation, scored: EvaluationScore, spans: Sequence[int]) -> list[tuple[Cell, ...]]:
    """Fund lines: label, 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分 (with colspans)."""
    line_for_score = _execution_line(ev)
    execution = scored.execution
    rows = []
    for line in ev.funds:
        s = iter(spans)
        cells = [label(line.label, colspan=next(s))]
        for amount in (line.initial_budget, line.full_year_budget, line.executed):
            cells.append(num(amount, colspan=next(s)))
        if line is line_for_score:
            cells += [Cell(text=_plain(execution.weight), value=execution.weight, align="center", colspan=next(s)),
                      _rate_cell(execution.rate, colspan=next(s)),
                      _score_cell(execution.score, colspan=next(s))]
        else:
            cells += [label(DASH, colspan=next(s), align="center") for _ in range(3)]
        rows.append(tuple(cells))
    return rows


def _merged_levels(indicators: Sequence[Indicator]) -> list[tuple[Cell | None, Cell | None]]:
    """一级/二级 cells with rowspans over runs of equal labels (None where a span covers the row)."""
    out: list[tuple[Cell | None, Cell | None]] = []
    n = len(indicators)
    i = 0
    while i < n:
        j = i
        while j < n and indicators[j].level1 == indicators[i].level1:
            j += 1
        k = i
        while k < j:
            m = k
            while m < j and indicators[m].level2 == indicators[k].level2:
                m += 1
            for r in range(k, m):
                c1 = label(indicators[i].level1, rowspan=j - i) if r == i else None
                c2 = label(indicators[k].level2, rowspan=m - k) if r == k else None
                out.append((c1, c2))
            k = m
        i = j
    return out


Columns = Callable[[Indicator, IndicatorScore], list[Cell]]


def _indicator_rows(ev: Evaluation, scored: EvaluationScore, columns: Columns) -> list[tuple[Cell, ...]]:
    rows = []
    for ind, item, (c1, c2) in zip(ev.indicators, scored.indicators, _merged_levels(ev.indicators)):
        lead = tuple(c for c in (c1, c2) if c is not None)
        rows.append(lead + tuple(columns(ind, item)))
    return rows


def _total_text(total: Decimal | None) -> str:
    return "" if total is None else f"{fmt_amount(total, sep=False)}分"


def _note(scored: EvaluationScore) -> str:
    grade = f"，评价等级：{scored.grade}" if scored.grade else ""
    return f"自评得分{_total_text(scored.total)}{grade}。"


def _weights_sum(ev: Evaluation, scored: EvaluationScore) -> Decimal:
    return sum((i.weight for i in ev.indicators if i.weight is not None), scored.execution.weight)


def whole_unit_grid(ev: Evaluation, profile: Profile, key: str = "绩效.整体") -> Grid:
    """单位整体支出绩效自评表: 8 columns."""
    scored = score_evaluation(ev, profile)
    body: list[tuple[Cell, ...]] = [(label("单位名称", bold=True), label(ev.name, colspan=7))]
    first = label("部门资金（万元）", rowspan=len(ev.funds) + 1, bold=True, align="center")
    body.append((first,) + head("资金来源", "年初预算数", "全年预算数", "全年执行数", "分值权重", "执行率", "得分"))
    body += _fund_rows(ev, scored, (1,) * 7)
    body.append((label("年度总体目标", rowspan=2, bold=True, align="center"),
                 label("预期目标", colspan=3, bold=True, align="center"),
                 label("实际完成情况", colspan=4, bold=True, align="center")))
    body.append((label(ev.goal, colspan=3), label(ev.achieved, colspan=4)))
    body.append(head("一级指标", "二级指标", "三级指标", "预期指标值", "指标值设定依据", "分值权重", "实际完成指标值", "得分"))

    def cols(ind: Indicator, item: IndicatorScore) -> list[Cell]:
        return [label(ind.name), label(ind.target), label(ind.basis),
                Cell(text=_plain(ind.weight), value=ind.weight, align="center"),
                label(ind.actual), _score_cell(item.score)]

    body += _indicator_rows(ev, scored, cols)
    body.append((label("总分", colspan=5, bold=True, align="center"),
                 Cell(text=_plain(_weights_sum(ev, scored)), align="center", bold=True),
                 label(""), Cell(text=_total_text(scored.total), value=scored.total, align="right", bold=True)))
    title = "单位整体支出绩效自评表"
    return Grid(key=key, title=title, header=(), body=tuple(body), unit="万元",
                note=_note(scored), code=f"（{ev.year or ''}年度）" if ev.year else "", landscape=False)


def project_grid(ev: Evaluation, profile: Profile, key: str) -> Grid:
    """项目支出绩效自评表: 14 columns (a section label and the 13 indicator columns)."""
    scored = score_evaluation(ev, profile)
    body: list[tuple[Cell, ...]] = [
        (label("项目名称", bold=True), label(ev.name, colspan=13)),
        (label("主管部门", bold=True), label(ev.department, colspan=6),
         label("实施单位", bold=True, colspan=2), label(ev.implementer, colspan=5)),
    ]
    spans = (3, 2, 2, 2, 2, 1, 1)
    first = label("项目资金（万元）", rowspan=len(ev.funds) + 1, bold=True, align="center")
    header_cells = [label("", colspan=3)] + [label(t, bold=True, align="center", colspan=s)
                                             for t, s in zip(("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"), spans[1:])]
    body.append((first,) + tuple(header_cells))
    body += _fund_rows(ev, scored, spans)
    body.append((label("年度总体目标", rowspan=2, bold=True, align="center"),
                 label("预期目标", colspan=6, bold=True, align="center"),
                 label("实际完成情况", colspan=7, bold=True, align="center")))
    body.append((label(ev.goal, colspan=6), label(ev.achieved, colspan=7)))
    section = label("年度绩效指标完成情况", rowspan=len(ev.indicators) + 1, bold=True, align="center")
    body.append((section,) + head("一级指标", "二级指标", "三级指标", "权重", "目标值", "业绩值", "完成率", "指标得分",
                                  "指标值设定依据", "上年完成情况", "赋分规则", "佐证资料", "偏差原因分析及改进措施"))

    def cols(ind: Indicator, item: IndicatorScore) -> list[Cell]:
        return [label(ind.name), Cell(text=_plain(ind.weight), value=ind.weight, align="center"),
                label(ind.target), label(ind.actual), _rate_cell(item.rate), _score_cell(item.score),
                label(ind.basis), label(ind.prior_result), label(item.rule or ind.rule), label(ind.evidence),
                label(ind.deviation)]

    body += _indicator_rows(ev, scored, cols)
    body.append((label("总分", colspan=4, bold=True, align="center"),
                 Cell(text=_plain(_weights_sum(ev, scored)), align="center", bold=True),
                 label("", colspan=3), Cell(text=_total_text(scored.total), value=scored.total, align="right", bold=True),
                 label("", colspan=5)))
    return Grid(key=key, title="项目支出绩效自评表", header=(), body=tuple(body), unit="万元",
                note=_note(scored), code=f"（{ev.year}年度）" if ev.year else "", landscape=True)


def performance_grids(d: Disclosure, profile: Profile) -> tuple[Grid, ...]:
    """The 单位整体支出绩效自评表 (if any) then each 项目支出绩效自评表, in source order."""
    grids = []
    projects = 0
    for ev in d.evaluations:
        if ev.kind == "整体":
            grids.append(whole_unit_grid(ev, profile))
        else:
            projects += 1
            grids.append(project_grid(ev, profile, key=f"绩效.项目.{projects}"))
    return tuple(grids)
