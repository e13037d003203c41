"""Summary tables copied one row per line: 公开01 and 公开04 (收入 ‖ 支出 side by side, rows known
by their labels) and 公开09 (one row of twelve amounts under the standard header).

Where it sits: part of :mod:`.row_tables` (text reader). A 公开01/04 line holds a row of each
panel ("一、一般公共预算财政拨款收入 4,733.14 一、一般公共服务支出 0.00") or of one of them; an
amount belongs to the label before it, so a blank cell printed as nothing leaves no doubt as
long as a panel has one amount column, or prints all of its columns or none. A row alone on its
line goes to the panel its label belongs to (收入 rows left, 支出 rows right). A label the copy
wrapped ("二十二、灾害防治及应急管理支" / "98.23" / "出") is joined again when the pieces make a
label of the table. Anything else is left out, and the grid says so (``RawGrid.omitted``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from itertools import combinations
from typing import Sequence

from ...core.codes import OUTDATED_NAMES, function_codes
from ...core.money import parse_amount
from ...core.model import FUNDS, SANGONG_ITEMS, T1_FISCAL_INCOME, T1_INCOME_ROWS, Span
from .flat_tables import SANGONG_MIDDLE, SANGONG_TOP, grid_of, income_side, is_value
from .grid import UNREAD_CELL, RawGrid
from .grid_layout import label, norm
from .row_budget import SANGONG_BANNER, SANGONG_COLUMNS, SANGONG_GROUP, budget_incomes, vocabulary
from .row_lines import Line, Read, count_token, ends_body, filled, has_in_order, header, joined, left_out, notes

_INCOME = set(T1_INCOME_ROWS) | set(FUNDS) | {T1_FISCAL_INCOME, "本年收入合计", "本年收入", "使用非财政拨款结余",
                                             "使用非财政拨款结余（含专用结余）", "年初结转和结余", "上年结转和结余",
                                             "收入总计", "年初财政拨款结转和结余"}
_EXPENDITURE_ROWS = {"本年支出合计", "本年支出", "结余分配", "年末结转和结余", "支出总计", "年末财政拨款结转和结余"}
_BOTH = {"总计", "合计"}
_ORDINAL_ONLY = "一二三四五六七八九十、"
_NUMBERED = re.compile(r"^\d{1,2}[.．、]$")


@lru_cache(maxsize=None)
def _expenditure() -> frozenset[str]:
    return frozenset(function_codes().names(3)) | set(OUTDATED_NAMES) | _EXPENDITURE_ROWS


def _known_label(text: str) -> bool:
    t = label(text)
    return t in _INCOME or t in _expenditure() or t in _BOTH or t.startswith("其中")


def _could_start(text: str) -> bool:
    """A label cut short: its text begins a label of the table (or is an ordinal alone)."""
    t = label(text)
    if not t:
        return True
    return any(k.startswith(t) for k in _INCOME | _expenditure())


def _side(text: str) -> int | None:
    t = label(text)
    if t in _BOTH:
        return None
    if t in _INCOME or income_side(t) or t.startswith(FUNDS) or t.startswith("年初"):
        return 0
    if t in _expenditure() or "支出" in t or t.startswith(("年末", "结余分配")):
        return 1
    return None


@dataclass(slots=True)
class _Cell:
    label: str
    span: Span
    amounts: list[Line] = field(default_factory=list)


@dataclass(slots=True)
class Panels(Read):
    """A 公开01/04 table: the labelled cells of each line, paired into (收入, 支出) rows once every
    wrapped label is whole again (:meth:`grid`)."""

    key: str
    title: str
    context: list[str]
    header: list[Line]
    widths: tuple[int, int]
    lines: list[list[_Cell]] = field(default_factory=list)
    amount: str = "决算数"  # the amount columns' header: 预算数 in a budget's 收支总表
    incomes: frozenset[str] = frozenset()  # more 收入 labels: a budget layout's income rows

    def grid(self, names, file: str) -> tuple[RawGrid, int]:
        span = self.header[0][1]
        if self.key == "T1":
            top = ["收入", "收入", "支出", "支出"]
            leaf = ["项目", self.amount, "项目", self.amount]
        else:
            top = ["收入", "收入"] + ["支出"] * (1 + self.widths[1])
            leaf = ["项目", "决算数", "项目", "合计", *FUNDS]
        out = [[(t, span) for t in top], [(t, span) for t in leaf]]
        omitted = list(self.omitted)
        for cells in self.lines:
            pair = self._pair(cells, omitted)
            if pair[0] is None and pair[1] is None:
                continue
            anchor = next(c.span for c in pair if c is not None)
            row: list[Line] = []
            for cell, width in zip(pair, self.widths):
                if cell is None:
                    row += [("", anchor)] * (1 + width)
                else:
                    row += [(cell.label, cell.span)] + (cell.amounts or [("", cell.span)] * width)
            out.append(row)
        out += [[note] for note in self.notes]
        return grid_of(out, self.title, self.context, file, omitted), self.end

    def _pair(self, cells: list[_Cell], omitted: list[Span]) -> list[_Cell | None]:
        """A line's cells in their panels: two cells are left and right, one goes to the side its
        label belongs to; a cell whose side or columns cannot be told is left out."""
        if len(cells) == 2:
            sides: list[int | None] = [0, 1]
        elif len(cells) == 1:
            sides = [0 if label(cells[0].label) in self.incomes else _side(cells[0].label)]
        else:
            sides = [None] * len(cells)
        pair: list[_Cell | None] = [None, None]
        for cell, side in zip(cells, sides):
            if side is None:
                omitted.append(left_out(cell.span, cell.label, "无法确定属于收入还是支出"))
            elif len(cell.amounts) not in (0, self.widths[side]):
                omitted.append(left_out(cell.span, cell.label, f"印有{len(cell.amounts)}个金额，该栏组有{self.widths[side]}栏，"
                                               "空白栏未印出，无法确定各金额所在栏"))
            else:
                pair[side] = cell
        return pair


def read_panels(lines: Sequence[Line], start: int, key: str, title: str, context: list[str], *,
                budget: bool = False) -> Panels | None:
    """公开01 (one amount column a panel) or 公开04 (决算数 ‖ 合计 and the three funds) whose header
    starts at ``start``; a ``budget``'s 收支总表 (预算数 ‖ 预算数); None when the header is not
    that (the table stays text)."""
    head, i = header(lines, start)
    text = joined(head)
    amount = "预算数" if budget else "决算数"
    if not head or text.count("项目") < 2 or ("决算" if budget else "预算数") in text or "其中" in text:
        return None
    if key == "T1":
        if not ("收入" in text and "支出" in text and count_token(head, amount) == 2):
            return None
        widths = (1, 1)
    else:
        if budget or not ("合计" in text and "决算数" in text and all(has_in_order(text, f) for f in FUNDS)):
            return None
        widths = (1, 1 + len(FUNDS))
    table = Panels(key, title, context, head, widths, amount=amount, incomes=budget_incomes() if budget else frozenset())
    i = _panel_body(lines, i, table)
    table.notes, table.end = notes(lines, i)
    return table if table.lines else None


def _cells(tokens: Sequence[str], span: Span) -> tuple[list[Line], list[_Cell]]:
    """Amounts a line starts with (the rest of a wrapped row above), and its labelled cells."""
    lead: list[Line] = []
    cells: list[_Cell] = []
    prefix = ""
    for k, token in enumerate(tokens):
        if _NUMBERED.match(token) and k + 1 < len(tokens) and not is_value(tokens[k + 1]):
            prefix += token  # "1." before its label: a numbered row, not an amount
        elif is_value(token):
            if cells:
                cells[-1].amounts.append((token, span))
            else:
                lead.append((token, span))
        elif not token.strip(_ORDINAL_ONLY):
            prefix += token  # "三、" alone: the label follows
        else:
            cells.append(_Cell(prefix + token, span))
            prefix = ""
    if prefix:
        cells.append(_Cell(prefix, span))
    return lead, cells


def _panel_body(lines: Sequence[Line], i: int, table: Panels) -> int:
    """Read the lines of a 公开01/04 from ``i`` until a note, the next title or text after the
    table; a label cut short at a line's end takes the amounts and the text of the next lines
    while together they still begin, or make, a label of the table."""
    open_cell: _Cell | None = None
    end = len(lines)

    def _known(text: str) -> bool:
        return _known_label(text) or label(text) in table.incomes

    for i, text, span, tokens in filled(lines, i):
        if ends_body(text, tokens):
            end = i
            break
        lead, cells = _cells(tokens, span)
        if open_cell is not None:
            if lead:
                open_cell.amounts += lead
                lead = []
            if cells and (_known(open_cell.label + cells[0].label) or _could_start(open_cell.label + cells[0].label)):
                first = cells.pop(0)
                open_cell.label += first.label
                open_cell.amounts += first.amounts
        elif cells and not cells[0].amounts and not _known(cells[0].label) and not _could_start(cells[0].label) \
                and _side(cells[0].label) is None:
            end = i
            break  # text after the table (a misprinted 支出 label, "抗役…支出", is still a row)
        if lead:
            table.omitted.append(left_out(span, text, "金额前没有行名"))
        if cells and open_cell is not None and table.lines and table.lines[-1] == [open_cell] and len(cells) == 1:
            table.lines[-1].append(cells[0])  # "三、" / "国有资本…收入 三、国防支出": one row as printed
        elif cells:
            table.lines.append(cells)
        last = cells[-1] if cells else open_cell
        open_cell = last if last is not None and not _known(last.label) and _could_start(last.label) else None
    return end


# --------------------------------------------------------------------------- 公开09

@dataclass(slots=True)
class Sangong(Read):
    """公开09 with the items across: the standard three-level header and one row of amounts."""

    title: str
    context: list[str]
    header: list[Line]
    values: list[Line] = field(default_factory=list)

    def grid(self, names, file: str) -> tuple[RawGrid, int]:
        span = self.header[0][1]
        rows = [[(t, span) for t in level] for level in self._levels()]
        if self.values:
            rows.append(self.values)
        rows += [[note] for note in self.notes]
        return grid_of(rows, self.title, self.context, file, self.omitted), self.end

    def _levels(self) -> list[tuple[str, ...]]:
        """The header's three levels, one cell a column."""
        return [tuple(t for t in SANGONG_TOP for _ in (0, 1)), tuple(t for t in SANGONG_MIDDLE for _ in (0, 1)),
                ("预算数", "决算数") * 6]


def place_sangong(printed: Sequence[str]) -> list[str] | None:
    """The twelve cells of a 公开09 row whose blank cells were not printed: every way of placing the
    printed amounts in order is tried, blanks taken as zero, and kept when both sides add up (合计 =
    出国 + 小计 + 接待, 小计 = 购置 + 运行). A cell on which all such placements agree is filled (a blank
    one as "0.00"); a cell they disagree on is :data:`UNREAD_CELL` (unknown, never guessed). None when
    no placement adds up (the row is then left out)."""
    values = [parse_amount(t) for t in printed]
    if any(v is None for v in values) or len(values) > 12:
        return None
    fits = []
    for slots in combinations(range(12), len(values)):
        cells = [Decimal(0)] * 12
        for slot, value in zip(slots, values):
            cells[slot] = value
        if all(cells[0 + side] == cells[2 + side] + cells[4 + side] + cells[10 + side]
               and cells[4 + side] == cells[6 + side] + cells[8 + side] for side in (0, 1)):
            fits.append((slots, cells))
    if not fits:
        return None
    out = []
    for i in range(12):
        seen = {cells[i] for _, cells in fits}
        printed_here = {i in slots for slots, _ in fits}
        if len(seen) > 1:
            out.append(UNREAD_CELL)
        elif printed_here == {True}:
            out.append(printed[fits[0][0].index(i)])
        else:
            out.append(f"{seen.pop():.2f}")
    return out


@dataclass(slots=True)
class BudgetSangong(Sangong):
    """The 上海 budget's 三公 form (:data:`.row_budget.SANGONG_COLUMNS` and 机关运行经费): one row of
    seven amounts, every cell printed."""

    def _levels(self) -> list[tuple[str, ...]]:
        return [(SANGONG_BANNER[0],) * 6 + SANGONG_BANNER[1:], SANGONG_COLUMNS[:3] + (SANGONG_GROUP,) * 3 + ("",),
                ("",) * 3 + SANGONG_COLUMNS[3:] + ("",)]


def read_budget_sangong(lines: Sequence[Line], start: int, title: str, context: list[str]) -> BudgetSangong | None:
    """The 上海 budget's 三公 form whose header starts at ``start``; None when the header is not it.
    Its seven amounts are taken in the form's order only when all are printed and they add up
    (合计 = 出国 + 接待 + 小计, 小计 = 购置 + 运行); else the row is left out, never guessed."""
    head, i = header(lines, start, vocabulary())
    text = joined(head)
    if "决算" in text or not all(has_in_order(text, norm(w)) for w in (*SANGONG_BANNER, SANGONG_GROUP, *SANGONG_COLUMNS)) \
            or not any(has_in_order(joined([line]), "".join(norm(w) for w in SANGONG_COLUMNS[:3])) for line in head):
        return None
    table = BudgetSangong(title, context, head)
    tokens = lines[i][0].split() if i < len(lines) else []
    if tokens and all(is_value(t) for t in tokens):
        values = [parse_amount(t) for t in tokens]
        adds_up = len(values) == 7 and None not in values and values[0] == values[1] + values[2] + values[3] \
            and values[3] == values[4] + values[5]
        if adds_up:
            table.values = [(t, lines[i][1]) for t in tokens]
        else:
            table.omitted.append(left_out(lines[i][1], lines[i][0], f"印有{len(tokens)}个金额，表头有7栏，"
                                          "各金额的合计关系不符或有空白栏未印出，无法确定各金额所在栏"))
        i += 1
    table.notes, table.end = notes(lines, i)
    return table


def read_sangong(lines: Sequence[Line], start: int, title: str, context: list[str]) -> Sangong | None:
    head, i = header(lines, start)
    text = joined(head)
    if count_token(head, "预算数") != 6 or count_token(head, "决算数") != 6 or \
            not all(has_in_order(text, item) for item in SANGONG_ITEMS + ("小计",)):
        return None
    table = Sangong(title, context, head)
    amounts: list[Line] = []
    while i < len(lines):
        tokens = lines[i][0].split()
        if tokens and not all(is_value(t) for t in tokens):
            break
        amounts += [(t, lines[i][1]) for t in tokens]
        i += 1
    if len(amounts) == 12:
        table.values = amounts
    elif amounts:
        placed = place_sangong([t for t, _ in amounts])
        if placed is not None:
            table.values = [(t, amounts[0][1]) for t in placed]
        else:
            table.omitted.append(left_out(amounts[0][1], " ".join(t for t, _ in amounts),
                                          f"印有{len(amounts)}个金额，表头有12栏，空白栏未印出，无法确定各金额所在栏"))
    table.notes, table.end = notes(lines, i)
    return table
