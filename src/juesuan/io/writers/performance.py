"""The 绩效自评表 (单位整体支出 and 项目支出) as :class:`Grid` blocks, in the seed's layout.

Where it sits: beside :mod:`.layout`; ``compose`` puts these grids where the narrative leaves
``Slot("绩效表")``. 执行率, 完成率, scores, 总分 and 等级 come from the scoring engine
(``juesuan.rules.scoring.score_evaluation``); while that engine is not installed the values
printed in the source are shown instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Callable, Sequence

from ...core.document import Cell, Grid
from ...core.model import Disclosure, Evaluation, FundLine, Indicator
from ...core.money import fmt_amount, fmt_pct
from ...core.profiles import Profile
from .cells import head, label, num

DASH = "—"


@dataclass(frozen=True, slots=True)
class Scored:
    """What a 绩效 table prints for its scores, whoever computed them."""

    execution_rate: Decimal | None
    execution_score: Decimal | None
    rates: tuple[Decimal | None, ...]
    scores: tuple[Decimal | None, ...]
    total: Decimal | None
    grade: str


def _scoring_engine() -> Callable[[Evaluation, Profile], Any] | None:
    """``rules.scoring.score_evaluation`` when that module exists, else None (printed values)."""
    try:
        from ...rules.scoring import score_evaluation
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("juesuan.rules.scoring"):
            return None
        raise
    return score_evaluation


_TOTAL_LABELS = ("合计", "年度资金总额")


def _scoring_line(ev: Evaluation) -> FundLine | None:
    """The fund line that carries 分值/执行率/得分: the one printed with them, else the total line."""
    for line in ev.funds:
        if line.weight is not None or line.score is not None or line.rate is not None:
            return line
    for line in ev.funds:
        if "".join(line.label.split()) in _TOTAL_LABELS:
            return line
    return ev.funds[0] if ev.funds else None


def score(ev: Evaluation, profile: Profile) -> Scored:
    """Scores for ``ev``: computed by the engine when present, else as printed in the source."""
    engine = _scoring_engine()
    if engine is not None:
        result = engine(ev, profile)
        execution = result.execution
        return Scored(
            execution_rate=getattr(execution, "rate", None),
            execution_score=getattr(execution, "score", None),
            rates=tuple(i.rate for i in result.indicators),
            scores=tuple(i.score for i in result.indicators),
            total=result.total,
            grade=result.grade or "",
        )
    line = _scoring_line(ev)
    return Scored(
        execution_rate=line.rate if line else None,
        execution_score=line.score if line else None,
        rates=tuple(i.rate for i in ev.indicators),
        scores=tuple(i.score for i in ev.indicators),
        total=ev.total,
        grade=ev.grade,
    )


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


def _fund_rows(ev: Evaluation, scored: Scored, spans: Sequence[int]) -> list[tuple[Cell, ...]]:
    """Fund lines: label, 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分 (with colspans)."""
    line_for_score = _scoring_line(ev)
    rows = []
    for line in ev.funds:
        s = iter(spans)
        cells = [label(line.label, colspan=next(s))]
        for amount in (line.initial_budget, line.full_year_budget, line.executed):
            cells.append(num(amount, colspan=next(s)))
        if line is line_for_score:
            weight = line.weight if line.weight is not None else Decimal(10)
            cells += [Cell(text=_plain(weight), value=weight, align="center", colspan=next(s)),
                      _rate_cell(scored.execution_rate, colspan=next(s)),
                      _score_cell(scored.execution_score, colspan=next(s))]
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


def _indicator_rows(ev: Evaluation, scored: Scored, columns: Callable[[Indicator, Decimal | None, Decimal | None], list[Cell]]) -> list[tuple[Cell, ...]]:
    rows = []
    for idx, (ind, (c1, c2)) in enumerate(zip(ev.indicators, _merged_levels(ev.indicators))):
        rate = scored.rates[idx] if idx < len(scored.rates) else ind.rate
        sc = scored.scores[idx] if idx < len(scored.scores) else ind.score
        lead = tuple(c for c in (c1, c2) if c is not None)
        rows.append(lead + tuple(columns(ind, rate, sc)))
    return rows


def _total_text(total: Decimal | None) -> str:
    return "" if total is None else f"{fmt_amount(total, sep=False)}分"


def _note(scored: Scored) -> str:
    if scored.total is None:
        return ""
    grade = f"，评价等级：{scored.grade}" if scored.grade else ""
    return f"自评得分{_total_text(scored.total)}{grade}。"


def _weights_sum(ev: Evaluation, scored_line: FundLine | None) -> Decimal:
    weights = [i.weight for i in ev.indicators if i.weight is not None]
    base = scored_line.weight if scored_line and scored_line.weight is not None else Decimal(10)
    return sum(weights, base)


def whole_unit_grid(ev: Evaluation, profile: Profile, key: str = "绩效.整体") -> Grid:
    """单位整体支出绩效自评表: 8 columns."""
    scored = score(ev, profile)
    body: list[tuple[Cell, ...]] = [(label("单位名称", bold=True), label(ev.name, colspan=7))]
    first = label("部门资金（万元）", rowspan=len(ev.funds) + 1, bold=True, align="center")
    body.append((first,) + head("资金来源", "年初预算数", "全年预算数", "全年执行数", "分值权重", "执行率", "得分"))
    body += _fund_rows(ev, scored, (1,) * 7)
    body.append((label("年度总体目标", rowspan=2, bold=True, align="center"),
                 label("预期目标", colspan=3, bold=True, align="center"),
                 label("实际完成情况", colspan=4, bold=True, align="center")))
    body.append((label(ev.goal, colspan=3), label(ev.achieved, colspan=4)))
    body.append(head("一级指标", "二级指标", "三级指标", "预期指标值", "指标值设定依据", "分值权重", "实际完成指标值", "得分"))

    def cols(ind: Indicator, rate: Decimal | None, sc: Decimal | None) -> list[Cell]:
        return [label(ind.name), label(ind.target), label(ind.basis),
                Cell(text=_plain(ind.weight), value=ind.weight, align="center"),
                label(ind.actual), _score_cell(sc)]

    body += _indicator_rows(ev, scored, cols)
    body.append((label("总分", colspan=5, bold=True, align="center"),
                 Cell(text=_plain(_weights_sum(ev, _scoring_line(ev))), align="center", bold=True),
                 label(""), Cell(text=_total_text(scored.total), value=scored.total, align="right", bold=True)))
    title = "单位整体支出绩效自评表"
    return Grid(key=key, title=title, header=(), body=tuple(body), unit="万元",
                note=_note(scored), code=f"（{ev.year or ''}年度）" if ev.year else "", landscape=False)


def project_grid(ev: Evaluation, profile: Profile, key: str) -> Grid:
    """项目支出绩效自评表: 14 columns (a section label and the 13 indicator columns)."""
    scored = score(ev, profile)
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

    def cols(ind: Indicator, rate: Decimal | None, sc: Decimal | None) -> list[Cell]:
        return [label(ind.name), Cell(text=_plain(ind.weight), value=ind.weight, align="center"),
                label(ind.target), label(ind.actual), _rate_cell(rate), _score_cell(sc),
                label(ind.basis), label(ind.prior_result), label(ind.rule), label(ind.evidence), label(ind.deviation)]

    body += _indicator_rows(ev, scored, cols)
    body.append((label("总分", colspan=4, bold=True, align="center"),
                 Cell(text=_plain(_weights_sum(ev, _scoring_line(ev))), align="center", bold=True),
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
