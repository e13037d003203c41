"""Tables copied one row per line, cells separated by spaces (``pdftotext`` without -layout, a
browser's print or copy of a PDF): the standard tables read into grids where the row labels
and the header allow it without guessing.

Where it sits: part of the text reader (:mod:`.text`), after the one-cell-per-line tables
(:mod:`.flat_tables`) have been taken and before soft line breaks are joined. Under a standard
table title (and its form-code / unit lines), a header spread over several lines is checked
against the standard form of that table; then

* 公开02/03/05/07/08 and 公开06 are read by their codes (:mod:`.row_coded`), names that a copy
  wrapped or scrambled rebuilt from the code tables and from the same names printed whole
  elsewhere in the document (:mod:`.row_names`);
* 公开01/04 by their row labels, 公开09 as its twelve amounts (:mod:`.row_panels`);
* a budget's forms, under a title of a budget layout (:mod:`.row_budget`): the coded tables with
  the columns the layout gives them, the 收支总表 by its labels, the 上海 三公 form's seven amounts.

A row that cannot be placed cell by cell is left out and listed in ``RawGrid.omitted`` with
the span of its line and why: recognition does not take an incomplete table, so the checks
that need it do not run rather than report from half a table. A table whose header is not
the standard one stays text. Every cell keeps the span (page, line) of the line it was printed
on. Linear in the number of lines: each line is read once, a name is rebuilt within its run.
"""

from __future__ import annotations

from typing import Sequence

from .flat_tables import is_table_title
from .grid import RawGrid
from .recognize import identify
from .row_budget import budget_key, is_budget_title
from .row_coded import COLUMNS, read as read_coded
from .row_lines import Line, context_end
from .row_names import Names
from .row_panels import read_budget_sangong, read_panels, read_sangong


def take_row_tables(lines: Sequence[Line], file: str = "") -> tuple[list[Line], list[RawGrid]]:
    """Split ``lines`` into narrative and the row-per-line tables it holds (see the module doc);
    a table's title and form-code / unit lines stay in the narrative."""
    found = []  # (index after the context lines, table)
    i = 0
    while i < len(lines):
        table = _read(lines, i) if is_table_title(lines[i][0]) or is_budget_title(lines[i][0]) else None
        if table is None:
            i += 1
            continue
        found.append((_after_context(lines, i), table))
        i = table.end
    names = Names()
    for _, table in found:
        table.learn(names)
    out: list[Line] = []
    grids: list[RawGrid] = []
    at = 0
    for start, table in found:
        grid, end = table.grid(names, file)
        out.extend(lines[at:start])
        grids.append(grid)
        at = end
    out.extend(lines[at:])
    return out, grids


def _after_context(lines: Sequence[Line], title: int) -> int:
    return context_end(lines, title + 1)[1]


def _read(lines: Sequence[Line], i: int):
    key = identify(RawGrid(rows=(), title=lines[i][0]))
    title = lines[i][0].strip()
    meta, start = context_end(lines, i + 1)
    context = [title] + meta
    if key is None:
        key = budget_key(title)
        if key in ("T2", "T3", "T5", "T6", "T7", "T8"):
            return read_coded(lines, start, key, title, context, budget=True)
        if key == "T1":
            return read_panels(lines, start, key, title, context, budget=True)
        if key == "T9":
            return read_budget_sangong(lines, start, title, context)
        return None
    if key in COLUMNS or key == "T6":
        return read_coded(lines, start, key, title, context)
    if key in ("T1", "T4"):
        return read_panels(lines, start, key, title, context)
    if key == "T9":
        return read_sangong(lines, start, title, context)
    return None
