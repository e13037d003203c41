"""Coded tables copied one row per line: 公开02/03/05/07/08 (功能分类 rows) and 公开06 (经济分类,
two panels side by side).

Where it sits: part of :mod:`.row_tables` (text reader). A row is "code name amounts…" with as
many amounts as the header has amount columns, or a 合计 row. The code may stand on a line of
its own with its amounts on a later line ("2080506" / name text / "116.59 116.59 0.00"); a
公开06 line holds a row of each panel ("301 01 基本工资 405.36 302 01 办公费 92.11"). A row whose
amounts do not match the header's columns in number (a copy prints a blank cell as nothing, so
which one is blank cannot be told), or whose name cannot be rebuilt (:mod:`.row_names`), is
left out, and the grid says so (``RawGrid.omitted``): recognition then does not take it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from ...core.model import FUND_TABLE_COLUMNS, T2_COLUMNS, T3_COLUMNS, T5_COLUMNS, Span
from .flat_tables import grid_of, is_value
from .grid import UNREAD_CELL, RawGrid
from .grid_layout import norm
from .normalize import is_heading
from .recognize import default_layout, table_spec
from .row_blanks import BLANK, place
from .row_budget import Form, form_of, vocabulary
from .row_lines import Line, Read, count_token, ends_body, filled, has_in_order, header, joined, left_out, notes
from .row_names import Named, Names, resolve

#: The amount columns of each coded table, as the header must show them.
COLUMNS = {"T2": T2_COLUMNS, "T3": T3_COLUMNS, "T5": T5_COLUMNS, "T7": FUND_TABLE_COLUMNS, "T8": FUND_TABLE_COLUMNS}
_FUND_HEADER = ("年初结转和结余", "本年收入", "本年支出", "合计", "基本支出", "项目支出", "年末结转和结余")
_LABEL_WORDS = ("类", "款", "项")
_TOTALS = {"合计", "总计"}
_T6_TOTALS = _TOTALS | {"人员经费合计", "公用经费合计", "基本支出合计"}
_BLANKS = "空白栏未印出，无法确定各金额所在栏"
#: More lines of text in a row than a wrapped name ever takes: the table has ended.
_MOST_WRAPPED_LINES = 4


@dataclass(slots=True)
class Row:
    """One row as printed: code ("" for a 合计 row) and name, its amounts (None while none were
    printed for it; once placed, one cell a column), the index of the line it starts on, its
    panel (公开06), why it is left out."""

    named: Named
    span: Span
    line: int
    panel: int = 0
    amounts: list[Line] | None = None
    bad: str = ""
    doubt: str = ""  # why some of its cells are unread (the row is in the grid, and left out)

    @property
    def code(self) -> str:
        return self.named.code


@dataclass(slots=True)
class Coded(Read):
    """A coded table read as far as its rows; the names are settled once the whole document has
    been read (:meth:`grid`), since a name wrapped in one table is printed whole in another."""

    key: str
    title: str
    context: list[str]
    header: list[Line]
    width: int  # amount columns per panel
    panels: int
    rows: list[Row] = field(default_factory=list)
    tail: list[str] = field(default_factory=list)  # text after the last row
    tail_lines: list[int] = field(default_factory=list)  # the lines of text only at its end
    form: Form | None = None  # a budget table's columns (the 决算 table's standard ones when None)

    def learn(self, names: Names) -> None:
        names.learn([r.named for r in self.rows], self.tail)

    def grid(self, names: Names, file: str) -> tuple[RawGrid, int]:
        """The grid, and the index after the table (a tail that is not the table's stays text)."""
        fixed = len(self.tail) - len(self.tail_lines)  # text on a row's line is the table's
        settled, used = resolve([r.named for r in self.rows], self.tail, names, least=fixed)
        end = self.end if used == len(self.tail) else self.tail_lines[used - fixed]
        omitted = list(self.omitted)  # amounts printed with no row to take them
        single: list[list[Line]] = []
        by_line: dict[int, list[Line]] = {}
        for row, name in zip(self.rows, settled):
            problem = row.bad or ("" if name is not None else "科目名称折行，无法与科目对应")
            if problem:
                omitted.append(left_out(row.span, row.span.excerpt, problem))
                continue
            if row.doubt:
                omitted.append(left_out(row.span, row.span.excerpt, row.doubt))
            cells = [(row.code or name, row.span), (name if row.code else "", row.span)]
            cells += row.amounts if row.amounts is not None else [("", row.span)] * self.width
            if self.panels == 1:
                single.append(cells)
            else:
                slots = by_line.setdefault(row.line, [("", row.span)] * (len(cells) * self.panels))
                slots[len(cells) * row.panel:len(cells) * (row.panel + 1)] = cells
        body = single if self.panels == 1 else [by_line[k] for k in sorted(by_line)]
        rows = self._header_rows() + body + [[note] for note in self.notes]
        return grid_of(rows, self.title, self.context, file, omitted), end

    def _header_rows(self) -> list[list[Line]]:
        span = self.header[0][1]
        if self.form is not None:
            lead = "经济分类科目编码" if self.key == "T6" else "科目编码"
            return [[(t, span) for t in (lead, "科目名称", *self.form.columns)]]
        if self.key == "T6":
            return [[(t, span) for t in ("经济分类科目编码", "科目名称", "决算数") * self.panels]]
        lead = [("科目编码", span), ("科目名称", span)]
        if self.key in ("T7", "T8"):
            group = ("年初结转和结余", "本年收入", "本年支出", "本年支出", "本年支出", "年末结转和结余")
            return [lead + [(t, span) for t in group], lead + [(t, span) for t in ("年初结转和结余", "本年收入", "合计",
                                                                                    "基本支出", "项目支出", "年末结转和结余")]]
        return [lead + [(t, span) for t in COLUMNS[self.key]]]


def _shape(head: Sequence[Line], key: str) -> tuple[int, int] | None:
    """(amount columns per panel, panels) when the header is the standard one of ``key``."""
    text = joined(head)
    if not head or "其中" in text or "预算数" in text:
        return None  # a sub-column or budget columns: not the standard form
    if key == "T6":
        panels = count_token(head, "决算数")
        return (1, panels) if panels in (1, 2) and has_in_order(text, "经济分类") else None
    columns = COLUMNS[key]
    words = _FUND_HEADER if key in ("T7", "T8") else columns
    if not all(has_in_order(text, w) for w in words) or not has_in_order(text, "科目"):
        return None
    shown = count_token(head, "决算数")
    return (len(columns), 1) if shown in (0, len(columns)) else None


def read(lines: Sequence[Line], start: int, key: str, title: str, context: list[str], *,
         budget: bool = False) -> Coded | None:
    """The coded table whose header starts at ``start``; None when its header is not the
    standard one of ``key`` (of a budget form's ``key`` when ``budget``, :mod:`.row_budget`) or
    nothing under it reads as rows (the table stays text)."""
    head, i = header(lines, start, vocabulary() if budget else ())
    form = form_of(key, head) if budget else None
    shape = (len(form.columns), 1) if form is not None else None if budget else _shape(head, key)
    if shape is None:
        return None
    table = Coded(key, title, context, head, *shape, form=form)
    i = _body(lines, i, table)
    table.notes, table.end = notes(lines, i)
    if not table.rows and not table.notes:
        return None
    if table.panels == 1:
        _place_blanks(table)
    for row in table.rows:
        if row.amounts is not None and len(row.amounts) != table.width and not row.bad:
            row.bad = f"印有{len(row.amounts)}个金额，表头有{table.width}栏，{_BLANKS}"
    return table


def _place_blanks(table: Coded) -> None:
    """Rows that print fewer amounts than the header has columns: each amount placed where the
    table's sums leave one placement (:mod:`.row_blanks`), a blank cell as blank; a row with a
    cell still in doubt keeps it as :data:`UNREAD_CELL` and is left out, and so is a row no
    placement of which meets its own sums."""
    if all(row.bad or len(row.amounts or ()) in (0, table.width) for row in table.rows):
        return  # every row printed all its cells or none: nothing to place
    if table.form is not None:
        columns, sums = table.form.columns, table.form.sums
    else:
        columns, sums = COLUMNS[table.key], table_spec(default_layout(), table.key).sums
    printed = [(row.code, None if row.bad else [t for t, _ in row.amounts or []]) for row in table.rows]
    placed = place(printed, columns, sums)
    for row, cells in zip(table.rows, placed):
        amounts = row.amounts or []
        if row.bad or len(amounts) == table.width:
            continue
        if len(amounts) > table.width:
            row.bad = f"印有{len(amounts)}个金额，多于表头的{table.width}栏"
            continue
        where = amounts[0][1] if amounts else row.span
        if cells is None:
            row.bad = f"印有{len(amounts)}个金额，表头有{table.width}栏，空白栏未印出，无论怎样摆放，本行合计都不等于各栏之和"
            continue
        row.amounts = [(UNREAD_CELL, where) if c is None else ("", where) if c == BLANK else amounts[c] for c in cells]
        doubt = [name for name, c in zip(columns, cells) if c is None]
        if doubt:
            row.doubt = (f"印有{len(amounts)}个金额，表头有{table.width}栏，空白栏未印出，按本行及上下级科目的合计仍不能确定"
                       f"{'、'.join(doubt)}的金额")


def _is_amount(token: str) -> bool:
    """An amount, not a code: codes are bare 3, 5 or 7 digits, amounts carry decimals or are short."""
    t = norm(token)
    return is_value(token) and not (t.isdigit() and len(t) in (3, 5, 7))


def _code_at(tokens: Sequence[str], k: int) -> tuple[str, int]:
    """The code starting at token ``k`` ("2080505", or "301 01" printed in 类|款 columns) and the
    index after it; "" when the token is no code."""
    code = norm(tokens[k])
    if not code.isdigit() or len(code) not in (3, 5, 7):
        return "", k
    k += 1
    if len(code) == 3:
        while k < len(tokens) and len(code) < 7 and len(norm(tokens[k])) == 2 and norm(tokens[k]).isdigit():
            code += norm(tokens[k])
            k += 1
    return code, k


def _amounts(tokens: Sequence[str], k: int, span: Span) -> tuple[list[Line], int]:
    out: list[Line] = []
    while k < len(tokens) and _is_amount(tokens[k]):
        out.append((tokens[k], span))
        k += 1
    return out, k


def _body(lines: Sequence[Line], i: int, table: Coded) -> int:
    """Read rows from ``i`` until a note, the next title, prose, a heading or more lines of text
    than a wrapped name takes; the index there."""
    pending: list[Row] = []  # rows whose code line printed no amount yet
    fragments: list[str] = []
    text_lines: list[int] = []  # lines of text only since the last row
    last_class = ["", ""]
    end = len(lines)
    repeated = {norm(t) for t, _ in table.header} - _T6_TOTALS  # the header printed again atop a page
    for i, text, span, tokens in filled(lines, i):
        if norm(text) in repeated:
            continue
        if ends_body(text, tokens) or (is_heading(text) and not _is_amount(tokens[0]) and not _code_at(tokens, 0)[0]):
            end = i
            break
        lead, k = _amounts(tokens, 0, span)
        if lead:
            _attach(table, pending, lead, span)
            pending = []
        elif _code_at(tokens, 0)[0]:
            pending = []  # a new code line: rows still waiting printed their amounts as blanks
        found, words, fragments = _segments(tokens, k, span, i, table.key, fragments)
        if words:
            fragments.append(words)
        text_lines = [] if found or lead else text_lines + [i]
        if len(text_lines) > _MOST_WRAPPED_LINES:
            end = text_lines[0]  # text, not wrapped names: the table ended before it
            del fragments[-len(text_lines):]
            text_lines = []
            break
        _place(found, table.panels, last_class)
        pending += [r for r in found if r.amounts is None and r.code]
        table.rows += found
    # text lines after the last row may finish its name, or be the narrative after the table
    table.tail = fragments
    table.tail_lines = text_lines
    return end


def _segments(tokens: Sequence[str], k: int, span: Span, line: int, key: str, fragments: list[str]):
    """The rows a line starts from token ``k``, the text left at its end, and the fragments
    still waiting for a row."""
    found: list[Row] = []
    words: list[str] = []
    totals = _T6_TOTALS if key == "T6" else _TOTALS
    while k < len(tokens):
        code, after = _code_at(tokens, k)
        if code:
            if words:
                fragments.append("".join(words))
                words = []
            name: list[str] = []
            while after < len(tokens) and not _is_amount(tokens[after]) and not _code_at(tokens, after)[0]:
                name.append(tokens[after])
                after += 1
            amounts, k = _amounts(tokens, after, span)
            found.append(Row(Named(code, "".join(name), fragments), span, line, amounts=amounts or None))
            fragments = []
        elif _is_amount(tokens[k]):
            amounts, k = _amounts(tokens, k, span)
            while words and norm(words[0]) in _LABEL_WORDS:
                words.pop(0)  # "类 款 项 合计 …": the header's last line shares the 合计 row
            label = norm("".join(words))
            bad = "" if label in totals else "行名既不是科目编码，也不是合计"
            found.append(Row(Named("", label, fragments), span, line, amounts=amounts, bad=bad))
            fragments, words = [], []
        else:
            words.append(tokens[k])
            k += 1
    if words and all(norm(w) in totals for w in words):  # 合计 rows printed with every cell blank
        for word in words:
            found.append(Row(Named("", norm(word), fragments), span, line))
            fragments = []
        words = []
    return found, "".join(words), fragments


def _attach(table: Coded, pending: list[Row], lead: list[Line], span: Span) -> None:
    """Amounts printed at the start of a line belong to the rows whose code line printed none."""
    if not pending:
        table.omitted.append(left_out(span, span.excerpt, "金额前没有科目编码"))
        return
    width = table.width
    if len(pending) == 1 and len(lead) <= width:
        pending[0].amounts = lead  # blank cells printed as nothing: placed by the table's sums
        return
    if len(lead) != width * len(pending):
        problem = (f"其后一行印有{len(lead)}个金额，表头有{width}栏，{_BLANKS}" if len(pending) == 1 else
                   f"其后一行印有{len(lead)}个金额，无法分给{len(pending)}个科目的{width}栏")
        for row in pending:
            row.amounts = []
            row.bad = problem
        return
    for n, row in enumerate(pending):
        row.amounts = lead[n * width:(n + 1) * width]


def _place(found: list[Row], panels: int, last_class: list[str]) -> None:
    """Each row's panel: the first and second row of a line are left and right; a row alone on
    its line stays in the panel of its 类 (the right panel's 302 goes on after the left ends)."""
    if len(found) > panels:
        for row in found:
            row.bad = row.bad or "一行中的科目多于表的栏组"
        return
    if len(found) == 2:
        found[0].panel, found[1].panel = 0, 1
    elif found and panels == 2:
        cls = found[0].code[:3]
        found[0].panel = 1 if cls and cls == last_class[1] and cls != last_class[0] else 0
    for row in found:
        if row.code:
            last_class[row.panel] = row.code[:3]
