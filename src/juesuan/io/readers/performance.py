"""绩效自评表 and 绩效目标表 reader: raw grids → :class:`~juesuan.core.model.Evaluation` records.

Where it sits: called by assembly on the grids any format reader found (text, docx, html, pdf,
xlsx). It recognises the 单位整体支出绩效自评表 and the 项目支出绩效自评表 by their titles or,
failing that, by their header words, and reads them by header names (rules.md §5.3), never by
fixed positions. Values are kept as printed: targets and actuals as text, weights, rates and
scores as Decimal, blanks as None. First- and second-level indicator names left blank under a
merged cell are carried down from the row above. A budget's 绩效目标表 (targets, units and weights,
no results) is read by :func:`goals_from_grids` into the same records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Sequence

from ...core.model import Evaluation, FundLine, Goal, GoalIndicator, Goals, Indicator, Span
from ...core.money import MoneyError, parse_amount
from .grid import RawGrid

WHOLE = "整体"
PROJECT = "项目"

_YEAR = re.compile(r"(20\d{2})\s*年度")
# Indicator header words → Indicator field.
INDICATOR_COLUMNS = (
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
    ("实际值", "actual"),
    ("完成率", "rate"),
    ("指标得分", "score"),
    ("得分", "score"),
    ("指标值设定依据", "basis"),
    ("上年完成情况", "prior_result"),
    ("赋分规则", "rule"),
    ("佐证资料", "evidence"),
    ("偏差原因", "deviation"),
    ("未完成原因", "deviation"),
    # 四川's form: the target in three columns (指标性质 ≥, 指标值 95, 度量单位 %), 完成值 without its unit
    ("指标性质", "comparator"),
    ("指标值", "target"),
    ("度量单位", "unit"),
    ("完成值", "actual"),
)
# Funds header words → FundLine field.
FUND_COLUMNS = (
    ("年初预算", "initial_budget"),
    ("全年预算数", "full_year_budget"),
    ("调整后预算", "full_year_budget"),
    ("执行数", "executed"),
    ("分值", "weight"),
    ("权重", "weight"),
    ("执行率", "rate"),
    ("得分", "score"),
)
_FUND_BLOCK_LABELS = ("部门资金", "项目资金", "资金来源", "单位资金")
_GOAL_LABELS = ("年度总体目标", "总体目标", "预期目标", "实际完成情况")
_INDICATOR_BLOCK_LABELS = ("年度绩效指标完成情况", "绩效指标")
_DECIMAL_FIELDS = {"weight", "rate", "score"}
#: A template's example row ("……", "指标2:"), kept in a published form when it is left unfilled.
FILLER = re.compile(r"^(?:…+|\.{3,}|指标\d+[:：]?)$")
_GRADE_LABELS = ("评价结果", "自评等级", "绩效等级", "评价等级")


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
    """"整体", "项目" or "" for a grid that is not a 绩效自评表 (a budget's 绩效目标表 is not one)."""
    if goal_table(grid):
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


def cell_number(text: str) -> Decimal | None:
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
    fillers: list = field(default_factory=list)  # (row, span) of the template's example rows
    last_row: int = -1  # the last indicator or 总分 row read

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
                self.last_row = r
                ind_header = None
            elif any(_grade_label(t) for t in texts):
                self._grade(r, cells)
            elif "三级指标" in texts:
                ind_header = _header_map(row, INDICATOR_COLUMNS)
                fund_header, goal_pending = None, False
            elif ind_header is not None and len(cells) == 1 and FILLER.match(first):
                self.fillers.append((r, self.span(r, cells[0][0])))  # the template's example row, left unfilled
            elif ind_header is not None:
                indicator = self._indicator(r, row, ind_header, carried)
                if indicator is not None:
                    indicators.append(indicator)
                    self.last_row = r
                    carried = (indicator.level1, indicator.level2)
            elif _fund_header(texts):
                fund_header = _header_map(row, FUND_COLUMNS)
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
            omitted=self.grid.omitted,
            fillers=tuple(span for r, span in self.fillers if self._followed(r, span)),
        )

    def _followed(self, r: int, span: Span) -> bool:
        """The form goes on after row ``r``: a row the table ends on may be one a copy cut short
        ("成本指标 | 指标1:" and no more), no example row left in."""
        later = (o.line for o in self.grid.omitted if o.line is not None)
        return r < self.last_row or (span.line is not None and any(line > span.line for line in later))

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
            self.values["total"] = cell_number(text)
            self.sources["total"] = self.span(r, c)

    def _grade(self, r: int, cells: list[tuple[int, str]]) -> None:
        for k, (_, text) in enumerate(cells):
            if _grade_label(text) and k + 1 < len(cells):
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
            fields[name] = cell_number(row[c]) if name in _DECIMAL_FIELDS else _amount(row[c])
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
            fields[name] = cell_number(text) if name in _DECIMAL_FIELDS else text
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
        _compose_target(fields, sources)
        return Indicator(sources=sources, **fields)


_COMPARATORS = ("≥", "≤", ">", "<", "=", "＞", "＜", "≧", "≦", ">=", "<=")


def _compose_target(fields: dict, sources: dict) -> None:
    """A target printed in three columns (指标性质 "≥", 指标值 "95", 度量单位 "%") written as one
    ("≥95%"), and the unit put after a bare 完成值 ("95" → "95%"); a 定性 target is its value."""
    comparator, unit = fields.pop("comparator", "").strip(), fields.pop("unit", "").strip()
    sources.pop("comparator", None)
    sources.pop("unit", None)
    for key in ("target", "actual"):
        value = fields.get(key, "")
        if unit and value and cell_number(value) is not None and not value.endswith(unit):
            fields[key] = value + unit
    if comparator in _COMPARATORS:
        fields["target"] = comparator + fields.get("target", "")


def _amount(text: str) -> Decimal | None:
    """An amount of the funds rows, in the form's unit (万元), printed bare or with it ("150万")."""
    text = re.sub(r"(?<=\d)\s?万元?$", "", text.strip())
    try:
        return parse_amount(text)
    except MoneyError:
        return None


def _grade_label(text: str) -> bool:
    """A cell that labels the grade ("评价等级", "自评等级："), not a sentence that names it."""
    return _has_any([text], _GRADE_LABELS) and len(text.strip()) <= 8


def _fund_header(texts: Sequence[str]) -> bool:
    """The funds' header: two or more amount columns (年初预算数, 全年预算数（A）, 全年执行数), each a
    header cell, not a sentence that names them."""
    amounts = {name for t in texts if len(t) <= 12 for word, name in FUND_COLUMNS
               if word in t and name in ("initial_budget", "full_year_budget", "executed")}
    return len(amounts) >= 2


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


# --------------------------------------------------------------------------- 绩效目标表 (budgets)

#: Words of a budget's 绩效目标表 caption (重庆 "部门整体绩效目标表", 上海 "项目支出绩效目标申报表").
_GOAL_TITLES = ("绩效目标表", "绩效目标申报表")
#: Goal-table header words → Indicator field ("指标性质" ≥ ≤ = is kept before the value in ``target``).
_GOAL_COLUMNS = (
    ("一级指标", "level1"),
    ("二级指标", "level2"),
    ("三级指标", "name"),
    ("指标名称", "name"),
    ("指标性质", "direction"),
    ("年度指标值", "target"),
    ("指标值", "target"),
    ("目标值", "target"),
    ("计量单位", "unit"),
    ("度量单位", "unit"),
    ("指标权重", "weight"),
    ("权重", "weight"),
    ("分值", "weight"),
)
#: The columns of a list of projects, one row each ("序号 项目名称 当年财政拨款预算金额 当年绩效目标 …").
_PROJECT_COLUMNS = (("项目名称", "name"), ("预算金额", "amount"), ("当年预算", "amount"), ("项目金额", "amount"),
                    ("绩效目标", "goal"))
_COMPARATOR = re.compile(r"^\s*(?:≥|≤|>=|<=|＞|＜|>|<|=)")
_WHOLE_GOAL = ("当年整体绩效目标", "整体绩效目标", "部门整体绩效目标")
_PROJECT_GOAL = ("当年绩效目标", "年度绩效目标", "年度目标", "绩效目标")
_AMOUNT_LABELS = ("当年预算", "项目金额", "预算金额", "资金总额", "年度资金总额")
_RESULT_WORDS = ("实际完成", "业绩值", "完成值", "得分")


def goal_table(grid: RawGrid) -> bool:
    """True for a budget's 绩效目标表: its caption says so, or its header names targets and no results."""
    above = tuple(t for t in reversed(grid.context) if len(t.strip()) <= CAPTION_LIMIT)
    if any(w in text for text in (grid.title, *above) for w in _GOAL_TITLES):
        return True
    words = {re.sub(r"\s+", "", c) for row in grid.rows for c in row}
    named = "指标名称" in words or "三级指标" in words
    return named and any("指标值" in w for w in words) and not any(r in w for w in words for r in _RESULT_WORDS)


def goals_from_grids(grids: Sequence[RawGrid]) -> Goals:
    """Every 绩效目标表 among ``grids``: one :class:`Goal` for the 整体 goals and one for each project (a
    grid may hold several tables one after another, as a PDF's continued pages do)."""
    out: list[Goal] = []
    for grid in grids:
        if goal_table(grid):
            out.extend(_GoalReader(grid).read())
    return Goals(tables=tuple(out))


@dataclass
class _GoalReader:
    grid: RawGrid
    records: list = field(default_factory=list)
    current: dict | None = None

    def span(self, r: int, c: int) -> Span:
        return _Reader(self.grid, "").span(r, c)

    def start(self, kind: str, r: int, **values) -> None:
        self.close()
        self.current = {"kind": kind, "indicators": [], "span": self.span(r, 0), "sources": {}, **values}

    def close(self) -> None:
        if self.current is not None and (self.current["indicators"] or self.current.get("name")):
            c = self.current
            self.records.append(Goal(kind=c["kind"], name=c.get("name") or self._caption(), amount=c.get("amount"),
                                     department=c.get("department", ""), goal=c.get("goal", ""),
                                     indicators=tuple(c["indicators"]), span=c["span"], sources=c["sources"]))
        self.current = None

    def _caption(self) -> str:
        for text in (*reversed(self.grid.context), self.grid.title):
            m = re.search(r"单位名称[:：]\s*(\S+)", text)
            if m:
                return m.group(1)
        return self.grid.title

    def _year(self) -> int | None:
        m = _YEAR.search(self.grid.title) or re.search(r"(20\d{2})\s*年", self.grid.title)
        return int(m.group(1)) if m else None

    def read(self) -> list[Goal]:
        rows = self.grid.rows
        header: dict[int, str] | None = None
        projects: dict[int, str] | None = None  # a list of projects, one a row
        carried = ("", "")
        for r, row in enumerate(rows):
            cells = _nonblank(row)
            if not cells:
                continue
            texts = [re.sub(r"\s+", "", t) for _, t in cells]
            first = texts[0]
            if "项目名称" in texts and ("序号" in texts or _has_any(texts, ("预算金额",))):
                projects = _header_map(row, _PROJECT_COLUMNS)
                header = _header_map(row, _GOAL_COLUMNS)
                continue
            if _has_any(texts, ("指标名称", "三级指标")) and _has_any(texts, ("指标值", "目标值")):
                header = _header_map(row, _GOAL_COLUMNS)
                continue
            if _starts_with_any(first, _WHOLE_GOAL):
                self.start("整体", r)
                header = None
                continue
            if first == "单位名称" and len(cells) >= 2:  # the 整体 table of a unit
                self.start("整体", r, name=cells[1][1].strip())
                self.current["sources"]["name"] = self.span(r, cells[1][0])
                header = None
                continue
            if first == "项目名称" and len(cells) >= 2:
                self.start("项目", r, name=cells[1][1].strip())
                self.current["sources"]["name"] = self.span(r, cells[1][0])
                self._pairs(r, cells[2:])
                header = None
                continue
            if self.current is not None and header is None:
                self._about(r, cells, texts)
                continue
            if header is None:
                continue
            if projects is not None:
                self._project_row(r, row, projects)
            if self.current is None:
                self.start("整体", r)
            indicator = self._indicator(r, row, header, carried)
            if indicator is not None:
                self.current["indicators"].append(indicator)
                carried = (indicator.level1, indicator.level2)
        self.close()
        return self.records

    def _pairs(self, r: int, cells: list[tuple[int, str]]) -> None:
        for k, (c, text) in enumerate(cells[:-1]):
            if text.strip().rstrip("：:") in ("主管部门", "实施单位", "资金主管部门"):
                self.current.setdefault("department", cells[k + 1][1].strip())

    def _about(self, r: int, cells: list[tuple[int, str]], texts: list[str]) -> None:
        """Rows between a block's start and its indicators: the amount, the goal (整体: the text row)."""
        first = texts[0]
        label = next((k for k, t in enumerate(texts) if _starts_with_any(t, _AMOUNT_LABELS)), None)
        money = [(c, v) for c, t in cells[label + 1:] if (v := _amount(t)) is not None] if label is not None else []
        if money and self.current.get("amount") is None:  # "当年预算 109,703.00"; "资金（万元） 年度资金总额 500.00"
            self.current["amount"] = money[0][1]
            self.current["sources"]["amount"] = self.span(r, money[0][0])
        elif _starts_with_any(first, _PROJECT_GOAL) and len(cells) >= 2:
            self.current["goal"] = cells[1][1].strip()
        elif self.current["kind"] == "整体" and not self.current.get("goal"):
            self.current["goal"] = cells[0][1].strip()

    def _project_row(self, r: int, row: tuple[str, ...], columns: dict[int, str]) -> None:
        values = {name: row[c].strip() for c, name in columns.items() if c < len(row) and row[c].strip()}
        if values.get("name"):
            self.start("项目", r, name=values["name"], goal=values.get("goal", ""),
                       amount=_amount(values.get("amount", "")))

    def _indicator(self, r: int, row: tuple[str, ...], header: dict[int, str], carried: tuple[str, str]) -> GoalIndicator | None:
        fields: dict = {}
        sources: dict = {}
        for c, name in header.items():
            if c >= len(row) or name in fields:
                continue
            fields[name] = row[c].strip()
            if fields[name]:
                sources[name] = self.span(r, c)
        name = fields.get("name", "")
        if not name or name in ("指标名称", "三级指标"):
            return None
        comparator, value = fields.get("direction", ""), fields.get("target", "")
        printed = _COMPARATOR.match(value)  # "≥85%" in one cell
        if printed and not comparator:
            comparator, value = printed.group(0), value[printed.end():]
        level1, level2 = fields.get("level1", "") or carried[0], fields.get("level2", "")
        if not fields.get("level1") and not level2:
            level2 = carried[1]
        if "target" in sources:
            sources["value"] = sources.pop("target")
        return GoalIndicator(level1=level1, level2=level2, name=name, comparator=comparator, value=value.strip(),
                             unit=fields.get("unit", ""), weight=cell_number(fields.get("weight", "")), sources=sources)
