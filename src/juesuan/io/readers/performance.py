"""绩效自评表 reader: raw grids → :class:`~juesuan.core.model.Evaluation` records.

Where it sits: called by assembly on the grids any format reader found (text, docx, html, pdf,
xlsx). It recognises the 单位整体支出绩效自评表 and the 项目支出绩效自评表 by their titles or,
failing that, by their header words, and reads them by header names (rules.md §5.3), never by
fixed positions. Values are kept as printed: targets and actuals as text, weights, rates and
scores as Decimal, blanks as None. First- and second-level indicator names left blank under a
merged cell are carried down from the row above.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Sequence

from ...core.model import Evaluation, FundLine, Indicator, Span
from ...core.money import MoneyError, parse_amount
from .grid import RawGrid

WHOLE = "整体"
PROJECT = "项目"

_YEAR = re.compile(r"(20\d{2})\s*年度")
# Indicator header words → Indicator field.
_INDICATOR_COLUMNS = (
    ("一级指标", "level1"),
    ("二级指标", "level2"),
    ("三级指标", "name"),
    ("分值权重", "weight"),
    ("权重", "weight"),
    ("分值", "weight"),
    ("预期指标值", "target"),
    ("目标值", "target"),
    ("年度指标值", "target"),
    ("实际完成指标值", "actual"),
    ("实际完成值", "actual"),
    ("业绩值", "actual"),
    ("完成率", "rate"),
    ("指标得分", "score"),
    ("得分", "score"),
    ("指标值设定依据", "basis"),
    ("上年完成情况", "prior_result"),
    ("赋分规则", "rule"),
    ("佐证资料", "evidence"),
    ("偏差原因", "deviation"),
)
# Funds header words → FundLine field.
_FUND_COLUMNS = (
    ("年初预算数", "initial_budget"),
    ("全年预算数", "full_year_budget"),
    ("全年执行数", "executed"),
    ("分值", "weight"),
    ("权重", "weight"),
    ("执行率", "rate"),
    ("得分", "score"),
)
_FUND_BLOCK_LABELS = ("部门资金", "项目资金", "资金来源", "单位资金")
_GOAL_LABELS = ("年度总体目标", "总体目标", "预期目标", "实际完成情况")
_INDICATOR_BLOCK_LABELS = ("年度绩效指标完成情况", "绩效指标")
_DECIMAL_FIELDS = {"weight", "rate", "score"}


def evaluations_from_grids(grids: Sequence[RawGrid]) -> tuple[Evaluation, ...]:
    """Every 绩效自评表 among ``grids``, in order. Grids of other kinds are ignored."""
    out = []
    for grid in grids:
        kind = evaluation_kind(grid)
        if kind:
            out.append(_Reader(grid, kind).read())
    return tuple(out)


#: Longest line above a table still taken for its caption; longer ones are narrative paragraphs
#: ("…形成整体支出绩效自评表0个；…") that name a kind without being the table's title.
CAPTION_LIMIT = 40


def _titled_kind(grid: RawGrid) -> str:
    """The kind named by the nearest caption: the title, then the lines above it (nearest
    first, paragraphs skipped), then the table's first rows."""
    above = tuple(t for t in reversed(grid.context) if len(t.strip()) <= CAPTION_LIMIT)
    for text in (grid.title, *above, *(c for row in grid.rows[:3] for c in row)):
        if "整体支出绩效自评表" in text:
            return WHOLE
        if "项目支出绩效自评表" in text:
            return PROJECT
    return ""


def evaluation_kind(grid: RawGrid) -> str:
    """"整体", "项目" or "" for a grid that is not a 绩效自评表 (a budget's 绩效目标表 is not one:
    it has 三级指标 and 项目名称 too, but targets only)."""
    if "绩效目标表" in grid.title:
        return ""
    titled = _titled_kind(grid)
    if titled:
        return titled
    words = {c for row in grid.rows for c in row}
    if "三级指标" not in words:
        return ""
    if "项目名称" in words or "业绩值" in words:
        return PROJECT
    if "单位名称" in words or "实际完成指标值" in words:
        return WHOLE
    return ""


def _number(text: str) -> Decimal | None:
    """A printed weight/rate/score ("105.16%", "92.00分", "12.5"); None when blank or not a number."""
    text = text.strip().removesuffix("分").strip()
    try:
        return parse_amount(text)
    except MoneyError:
        return None


def _nonblank(row: Sequence[str]) -> list[tuple[int, str]]:
    return [(i, c) for i, c in enumerate(row) if c.strip()]


@dataclass
class _Reader:
    grid: RawGrid
    kind: str
    values: dict = field(default_factory=dict)
    sources: dict = field(default_factory=dict)

    def span(self, r: int, c: int) -> Span:
        spans = self.grid.spans
        if r < len(spans) and c < len(spans[r]):
            return spans[r][c]
        return Span(file=self.grid.file, page=self.grid.page, excerpt=self.grid.rows[r][c][:80])

    # ------------------------------------------------------------------ the whole form

    def read(self) -> Evaluation:
        rows = self.grid.rows
        funds: list[FundLine] = []
        indicators: list[Indicator] = []
        fund_header: dict[int, str] | None = None
        ind_header: dict[int, str] | None = None
        goal_pending = False
        carried = ("", "")
        r = 0
        while r < len(rows):
            row = rows[r]
            cells = _nonblank(row)
            texts = [c for _, c in cells]
            if not cells:
                r += 1
                continue
            first = texts[0]
            if first == "总分" or first.startswith("总分"):
                self._total(r, cells)
                ind_header = None
            elif _has_any(texts, ("评价结果", "自评等级", "绩效等级")):
                self._grade(r, cells)
            elif "三级指标" in texts:
                ind_header = _header_map(row, _INDICATOR_COLUMNS)
                fund_header, goal_pending = None, False
            elif ind_header is not None:
                indicator = self._indicator(r, row, ind_header, carried)
                if indicator is not None:
                    indicators.append(indicator)
                    carried = (indicator.level1, indicator.level2)
            elif "年初预算数" in texts or ("全年预算数" in texts and "全年执行数" in texts):
                fund_header = _header_map(row, _FUND_COLUMNS)
            elif "预期目标" in texts and ("实际完成情况" in texts or len(texts) <= 3):
                fund_header, goal_pending = None, True
            elif goal_pending:
                self._goal(r, cells)
                goal_pending = False
            elif fund_header is not None and not _starts_with_any(first, _GOAL_LABELS):
                line = self._fund(r, row, fund_header)
                if line is not None:
                    funds.append(line)
            elif _starts_with_any(first, _GOAL_LABELS):
                fund_header = None
                if len(texts) >= 2 and not _has_any(texts[1:], ("预期目标",)):
                    self._goal(r, cells[1:])
                else:
                    goal_pending = True
            else:
                self._header_pairs(r, cells)
            r += 1
        return self._build(funds, indicators)

    def _build(self, funds: list[FundLine], indicators: list[Indicator]) -> Evaluation:
        v = self.values
        year = None
        for text in (self.grid.title, *self.grid.context, *(c for row in self.grid.rows[:3] for c in row)):
            m = _YEAR.search(text)
            if m:
                year = int(m.group(1))
                break
        first_span = self.grid.spans[0][0] if self.grid.spans and self.grid.spans[0] else None
        return Evaluation(
            kind=self.kind,
            name=v.get("name", ""),
            year=year,
            department=v.get("department", ""),
            implementer=v.get("implementer", ""),
            funds=tuple(funds),
            goal=v.get("goal", ""),
            achieved=v.get("achieved", ""),
            indicators=tuple(indicators),
            total=v.get("total"),
            grade=v.get("grade", ""),
            span=first_span,
            sources=dict(self.sources),
        )

    # ------------------------------------------------------------------ parts

    def _header_pairs(self, r: int, cells: list[tuple[int, str]]) -> None:
        """Label/value pairs: 单位名称 X; 项目名称 X; 主管部门 X 实施单位 Y."""
        labels = {
            "单位名称": "name",
            "项目名称": "name",
            "主管部门": "department",
            "实施单位": "implementer",
            "主管单位": "department",
        }
        for k, (c, text) in enumerate(cells):
            key = labels.get(text.replace(" ", "").rstrip("：:"))
            if key and k + 1 < len(cells) and cells[k + 1][1] not in labels:
                c2, value = cells[k + 1]
                self.values.setdefault(key, value)
                self.sources.setdefault(key, self.span(r, c2))

    def _goal(self, r: int, cells: list[tuple[int, str]]) -> None:
        texts = [(c, t) for c, t in cells if not _starts_with_any(t, _GOAL_LABELS)]
        if texts:
            self.values["goal"] = texts[0][1]
            self.sources["goal"] = self.span(r, texts[0][0])
        if len(texts) > 1:
            self.values["achieved"] = texts[1][1]
            self.sources["achieved"] = self.span(r, texts[1][0])

    def _total(self, r: int, cells: list[tuple[int, str]]) -> None:
        c, text = cells[-1]
        if len(cells) > 1:
            self.values["total"] = _number(text)
            self.sources["total"] = self.span(r, c)

    def _grade(self, r: int, cells: list[tuple[int, str]]) -> None:
        for k, (_, text) in enumerate(cells):
            if _has_any([text], ("评价结果", "自评等级", "绩效等级")) and k + 1 < len(cells):
                c, value = cells[k + 1]
                self.values["grade"] = value
                self.sources["grade"] = self.span(r, c)
                return

    def _fund(self, r: int, row: tuple[str, ...], header: dict[int, str]) -> FundLine | None:
        first_value = min(header)
        label_cells = [(c, t) for c, t in _nonblank(row[:first_value]) if not _starts_with_any(t, _FUND_BLOCK_LABELS)]
        if not label_cells:
            return None
        label_col, label = label_cells[-1]
        fields: dict = {}
        sources = {"label": self.span(r, label_col)}
        for c, name in header.items():
            if c >= len(row) or name in fields:
                continue
            fields[name] = _number(row[c]) if name in _DECIMAL_FIELDS else _amount(row[c])
            if row[c].strip():
                sources[name] = self.span(r, c)
        return FundLine(label=label, sources=sources, **fields)

    def _indicator(
        self, r: int, row: tuple[str, ...], header: dict[int, str], carried: tuple[str, str]
    ) -> Indicator | None:
        fields: dict = {}
        sources: dict = {}
        for c, name in header.items():
            if c >= len(row) or name in fields:
                continue
            text = row[c].strip()
            fields[name] = _number(text) if name in _DECIMAL_FIELDS else text
            if text:
                sources[name] = self.span(r, c)
        name = fields.get("name", "")
        if not name or name == "三级指标":
            return None
        level1, level2 = fields.get("level1", ""), fields.get("level2", "")
        # A row label spanning the indicator block ("年度绩效指标完成情况") sits left of 一级指标.
        if level1 in _INDICATOR_BLOCK_LABELS:
            level1 = ""
        if not level1:
            level1 = carried[0]
            if not level2:
                level2 = carried[1]
        fields["level1"], fields["level2"] = level1, level2
        return Indicator(sources=sources, **fields)


def _amount(text: str) -> Decimal | None:
    try:
        return parse_amount(text)
    except MoneyError:
        return None


def _has_any(texts: Sequence[str], words: Sequence[str]) -> bool:
    return any(w in t for t in texts for w in words)


def _starts_with_any(text: str, words: Sequence[str]) -> bool:
    return any(text.startswith(w) for w in words)


def _header_map(row: Sequence[str], columns: Sequence[tuple[str, str]]) -> dict[int, str]:
    """Column index → field, matching each header cell against the known header words."""
    out: dict[int, str] = {}
    taken: set[str] = set()
    for c, text in enumerate(row):
        text = re.sub(r"\s+", "", text)
        if not text:
            continue
        for word, name in columns:
            if word in text and name not in taken:
                out[c] = name
                taken.add(name)
                break
    return out
