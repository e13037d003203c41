"""Tables a copy flattened to one cell per line, without tabs (a web page or PDF copied as text).

Where it sits: part of the text reader (:mod:`.text`), after page furniture and collapsed lines
are dealt with and before soft line breaks are joined. The tab-indented form Word writes (the
seed) is read by :mod:`.text` itself; this module reads the plain form:

    收入支出决算总表            ← a standard table title (:func:`.recognize.identify`)
    单位：万元                  ← form-code / unit lines (kept as context)
    项目 / 预算数 / 决算数       ← header cells, all from the header vocabulary
    合计 / 77.21 / 77.21        ← rows: a label (a code may precede it), then its amounts
    公务接待费                  ← a row whose amounts are all blank prints the label only

A row must have all its amounts or none; a row with some of them (which ones are blank?), a
header word among the labels (a copy that read the table column by column), or a header whose
value columns do not match the rows makes the block ambiguous, and it stays text: a table is
never guessed. Side-by-side 收入 ‖ 支出 panels are read for 公开01 only, where every row label
says which side it belongs to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Sequence

from ...core.model import FUND_TABLE_COLUMNS, FUNDS, T2_COLUMNS, T3_COLUMNS, T5_COLUMNS, Span
from .grid import RawGrid
from .grid_layout import NOTE, is_number, label, norm
from .normalize import is_table_meta
from .recognize import identify

_LABEL_HEADERS = {"项目", "科目名称", "科目编码", "功能分类科目编码", "支出功能分类科目编码", "经济分类科目编码",
                  "类", "款", "项", "项目名称", "科目"}
_GROUP_HEADERS = {"收入", "支出"}
_VALUE_HEADERS = (set(T2_COLUMNS) | set(T3_COLUMNS) | set(T5_COLUMNS) | set(FUND_TABLE_COLUMNS) | set(FUNDS)
                  | {"决算数", "预算数", "全年预算数", "年初预算数", "金额", "小计", "行次", "栏次", "本年支出"})
_HEADER_WORDS = _LABEL_HEADERS | _GROUP_HEADERS | _VALUE_HEADERS
PART = re.compile(r"^第[一二三四五六七八九十]+部分")
_DASH = {"-", "—", "－", "/", "——", "--"}
_LONGEST_CELL = 40
_ROW_TOTALS = {"合计", "小计", "总计"}
#: Header words no row of the nine tables is labelled with: met among the rows, they show a
#: copy that read the table column by column.
_NEVER_LABELS = _LABEL_HEADERS | _GROUP_HEADERS | {"决算数", "预算数", "全年预算数", "年初预算数", "金额", "功能分类",
                                                   "经济分类", "行次", "栏次"}
_PLAIN_INTEGER = re.compile(r"^\d+$")


def take_tables(lines: Sequence[tuple[str, Span]], file: str = "") -> tuple[list[tuple[str, Span]], list[RawGrid]]:
    """Split ``lines`` into narrative and the flattened tables it holds (see the module doc)."""
    out: list[tuple[str, Span]] = []
    grids: list[RawGrid] = []
    i = 0
    while i < len(lines):
        text = lines[i][0]
        found = _read(lines, i, file) if is_table_title(text) else None
        if found is None:
            out.append(lines[i])
            i += 1
            continue
        grid, context_end, end = found
        out.extend(lines[i:context_end])  # the title and its form-code / unit lines stay text
        grids.append(grid)
        i = end
    return out, grids


def is_table_title(text: str) -> bool:
    """A line that names one of the standard tables (by the national layout's titles)."""
    return 4 <= len(text) <= 60 and "表" in text and not text.endswith("。") and \
        identify(RawGrid(rows=(), title=text)) is not None


def is_value(text: str) -> bool:
    """An amount cell: a number, or a dash printed for nothing."""
    return norm(text) in _DASH or is_number(text)


def _is_code(text: str, first: bool) -> bool:
    t = norm(text)
    return t.isdigit() and (len(t) in (3, 5, 7) if first else len(t) == 2)


@dataclass(slots=True)
class _Row:
    code: str = ""
    label: tuple[str, Span] | None = None
    values: list[tuple[str, Span]] = field(default_factory=list)


def _read(lines: Sequence[tuple[str, Span]], start: int, file: str):
    """(grid, end of title+context lines, end of the table) for a flattened table whose title
    is ``lines[start]``; None when what follows is not a table that can be read unambiguously."""
    title = lines[start][0]
    context = [title]
    i = start + 1
    while i < len(lines) and (not lines[i][0] or is_table_meta(lines[i][0])):
        if lines[i][0]:
            context.append(lines[i][0])
        i += 1
    context_end = i
    if i < len(lines) and norm(lines[i][0]) == _SANGONG_ACROSS[0]:
        across = [ln for ln in lines[i:i + 3 * len(_SANGONG_ACROSS)] if ln[0]][:len(_SANGONG_ACROSS)]
        if tuple(norm(t).replace('"', "“") for t, _ in across) == _SANGONG_ACROSS:
            return _sangong_across(lines, i, across, title, context, context_end, file)
    header: list[tuple[str, Span]] = []
    while i < len(lines) and (not lines[i][0] or norm(lines[i][0]) in _HEADER_WORDS):
        nxt = next((t for t, _ in lines[i + 1:i + 3] if t), "")
        if norm(lines[i][0]) in _ROW_TOTALS and is_value(nxt):
            break  # the 合计 row under a header that ends in 合计
        if lines[i][0]:
            header.append(lines[i])
        i += 1
    names = [norm(t) for t, _ in header]
    if not any(n in _VALUE_HEADERS for n in names) or not any(n in _LABEL_HEADERS for n in names):
        return None
    coded = any(n in ("类", "款", "项") or "编码" in n for n in names)
    rows, notes, end = _rows(lines, i, coded=coded, header=(set(names) - _ROW_TOTALS) | _NEVER_LABELS)
    if not rows and notes:  # an empty table and the note saying so
        return grid_of([header] + [[note] for note in notes], title, context, file), context_end, end
    if not rows or not _amounts_fit(rows, names, "".join(context)):
        return None
    if _GROUP_HEADERS <= set(names) and names.count("项目") == 2:
        table = _panel_rows(rows, header) if identify(RawGrid(rows=(), title=title)) == "T1" else None
    else:
        table = _single_rows(rows, header)
    if table is None:
        return None
    header_rows, body = table
    return grid_of(header_rows + body + [[note] for note in notes], title, context, file), context_end, end


def grid_of(rows: list[list[tuple[str, Span]]], title: str, context: list[str], file: str,
            omitted: Sequence[Span] = ()) -> RawGrid:
    """A raw grid from rows of (cell text, span of the line it was printed on)."""
    cells = tuple(tuple(text for text, _ in row) for row in rows)
    spans = tuple(tuple(replace(span, excerpt=text[:80]) for text, span in row) for row in rows)
    page = next((s.page for row in rows for _, s in row if s.page is not None), None)
    return RawGrid(rows=cells, spans=spans, title=title, page=page, file=file, context=tuple(context),
                   omitted=tuple(omitted))


#: The header of the standard 公开09 form with the items across, row by row: the items, the
#: vehicle sub-items, then 预算数/决算数 under each of the six columns.
_SANGONG_ACROSS = ("合计", "因公出国（境）费", "公务用车购置及运行维护费", "公务接待费", "小计", "公务用车购置费",
                   "公务用车运行维护费") + ("预算数", "决算数") * 6
SANGONG_TOP = ("合计", "因公出国（境）费") + ("公务用车购置及运行维护费",) * 3 + ("公务接待费",)
SANGONG_MIDDLE = ("", "", "小计", "公务用车购置费", "公务用车运行维护费", "")


def _sangong_across(lines, i: int, header, title: str, context: list[str], context_end: int, file: str):
    """公开09 laid out across (the standard form): one row of twelve amounts under the known
    three-level header, rebuilt column by column."""
    width = len(_SANGONG_ACROSS) - 7
    values: list[tuple[str, Span]] = []
    i = lines.index(header[-1], i) + 1
    while i < len(lines) and len(values) < width:
        text, span = lines[i]
        if text:
            if not is_value(text):
                return None
            values.append((text, span))
        i += 1
    if len(values) < width or (i < len(lines) and is_value(lines[i][0])):
        return None
    spans = [s for _, s in header]
    top = [(item, spans[_SANGONG_ACROSS.index(item)]) for item in SANGONG_TOP for _ in (0, 1)]
    middle = [(item, spans[_SANGONG_ACROSS.index(item)] if item else spans[0])
              for item in SANGONG_MIDDLE for _ in (0, 1)]
    leaf = header[7:7 + width]
    return grid_of([top, middle, leaf, values], title, context, file), context_end, i


def _rows(lines: Sequence[tuple[str, Span]], i: int, *, coded: bool, header: set[str]):
    """The rows from ``i`` to the end of the table, the note lines under it, and where it ends;
    rows None when one of the header's words turns up among them (the copy is not row by row)
    or an amount has no label before it."""
    rows: list[_Row] = []
    notes: list[tuple[str, Span]] = []
    current: _Row | None = None
    codes: list[str] = []
    while i < len(lines):
        text, span = lines[i]
        t = norm(text)
        if not t:  # a copy may put a blank line after every cell
            i += 1
            continue
        if NOTE.match(t):
            notes.append((text, span))
            i += 1
            continue
        if notes or t.endswith(("。", "；", "说明")) or len(t) > _LONGEST_CELL or PART.match(t) or is_table_title(text):
            break  # (no row label ends with 说明: the next section's heading)
        if t in header:
            return None, notes, i
        if coded and _is_code(t, not codes):
            codes.append(t)
        elif is_value(text) and not codes:
            if current is None:
                return None, notes, i
            current.values.append((text, span))
        elif codes and is_value(text):
            return None, notes, i  # a code not followed by its name
        else:
            current = _Row(code="".join(codes), label=(text, span))
            rows.append(current)
            codes = []
        i += 1
    if codes:
        return None, notes, i
    return rows, notes, i


def _amounts_fit(rows: list[_Row], names: list[str], context: str) -> bool:
    """Amounts of a 万元 table carry decimals ("0.00"); a bare integer there is a code or a line
    number read out of place. Only 行次/栏次 and 预算数 columns, or a table in 元, hold integers."""
    if "万元" not in context and "元" in context:
        return True
    values = [n for n in names if n in _VALUE_HEADERS]
    # budgets are often set in whole 万元 ("20"): a 预算数 column may hold integers too
    counters = {k for k, n in enumerate(values) if n in ("行次", "栏次", "预算数", "全年预算数", "年初预算数")}
    return not any(_PLAIN_INTEGER.match(norm(text)) and k not in counters
                   for r in rows for k, (text, _) in enumerate(r.values))


def _single_rows(rows: list[_Row], header: list[tuple[str, Span]]):
    """One label column (a code column before it when rows have codes), then the amounts."""
    values = [(t, s) for t, s in header if norm(t) in _VALUE_HEADERS]
    width = len(values)
    if any(len(r.values) not in (0, width) for r in rows):
        return None
    labels = [(t, s) for t, s in header if norm(t) in _LABEL_HEADERS]
    if any(r.code for r in rows):
        by_name = {norm(t): (t, s) for t, s in labels}
        lead = [by_name.get("科目编码", ("科目编码", labels[0][1])), by_name.get("科目名称", ("科目名称", labels[-1][1]))]
    else:
        lead = [labels[0]]
    body = []
    for r in rows:
        text, span = r.label
        code = [(r.code, span)] if len(lead) == 2 else []
        body.append(code + [(text, span)] + (r.values or [("", span)] * width))
    return [lead + values], body


def income_side(text: str) -> bool:
    """A 收入 ‖ 支出 row label that belongs to the income side."""
    t = label(text)
    return ("收入" in t and "支出" not in t) or t.startswith(("使用非财政拨款结余", "年初结转和结余"))


def _panel_rows(rows: list[_Row], header: list[tuple[str, Span]]):
    """收入 ‖ 支出 side by side: each label goes to its side; "总计" goes left on a new row and
    right when the row's left already holds one."""
    second = [k for k, (t, _) in enumerate(header) if norm(t) == "项目"][1]
    left_values = [(t, s) for t, s in header[:second] if norm(t) in _VALUE_HEADERS]
    right_values = [(t, s) for t, s in header[second:] if norm(t) in _VALUE_HEADERS]
    if not left_values or not right_values:
        return None
    lw, rw = len(left_values), len(right_values)
    out: list[list] = []
    for r in rows:
        text, span = r.label
        if label(text) == "总计":
            left = not (out and out[-1][0] and not out[-1][1])
        else:
            left = income_side(text)
        width = lw if left else rw
        if r.code or len(r.values) not in (0, width):
            return None
        cells = [(text, span)] + (r.values or [("", span)] * width)
        if left or not out or out[-1][1]:
            out.append([None, None])
        out[-1][0 if left else 1] = cells
    body = []
    for left, right in out:
        anchor = (left or right)[0][1]
        body.append((left or [("", anchor)] * (lw + 1)) + (right or [("", anchor)] * (rw + 1)))
    groups = {norm(t): (t, s) for t, s in header if norm(t) in _GROUP_HEADERS}
    items = [(t, s) for t, s in header if norm(t) == "项目"]
    first = [groups["收入"]] + [("", groups["收入"][1])] * lw
    group = first + [groups["支出"]] + [("", groups["支出"][1])] * rw
    leaf = [items[0]] + left_values + [items[1]] + right_values
    return [group, leaf], body
