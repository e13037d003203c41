"""Reading a raw grid's layout: normalised texts, header paths per column, cell amounts and spans.

Where it sits: helper of ``recognize.py`` / ``recognize_summary.py`` (table recognition). A
column is known by its *header path*: the distinct header texts above it, top down (a merged
group header such as "本年支出" repeated over 合计/基本支出/项目支出 gives the paths
("本年支出", "合计"), ("本年支出", "基本支出") …). Nothing here depends on a column's position.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from ...core.model import Amount, Span
from ...core.money import MoneyError, parse_amount
from .grid import RawGrid

_SPACES = re.compile(r"[\s\u3000]+")
_TRANS = str.maketrans({"(": "（", ")": "）", "\"": "“", "”": "“", "＂": "“", "‘": "“", "’": "“", ":": "：", "，": "，"})
_ORDINAL = re.compile(r"^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d))")
_CODE = re.compile(r"^\d{3}(\d{2}){0,2}$")
_NUMBER = re.compile(r"^[-+(（]?[\d,，.]+[)）]?%?$")
NOTE = re.compile(r"^(注|说明|备注)\s*[0-9]*\s*[:：]")

#: Header words that may sit in the first data row (a layout where the 合计 row shares a row
#: with the lowest header line).
HEADER_WORDS = {"类", "款", "项", "合计", "小计", "基本支出", "项目支出", "预算数", "决算数"}


def compact(text: str) -> str:
    """Whitespace removed, nothing else changed (for titles shown to people)."""
    return _SPACES.sub("", text or "")


def norm(text: str) -> str:
    """Whitespace removed, half-width brackets/quotes/colons made full-width."""
    return _SPACES.sub("", text or "").translate(_TRANS)


def label(text: str) -> str:
    """A row label without its ordinal ("一、", "（三）", "2.")."""
    return _ORDINAL.sub("", norm(text))


def is_code(text: str) -> bool:
    return bool(_CODE.match(norm(text)))


def is_number(text: str) -> bool:
    t = norm(text)
    if not t or not _NUMBER.match(t):
        return False
    try:
        return parse_amount(t) is not None
    except MoneyError:
        return False


def amount(text: str) -> Amount:
    """The cell's amount; blank or non-numeric text is None (never 0)."""
    try:
        return parse_amount(norm(text))
    except MoneyError:
        return None


@dataclass(frozen=True, slots=True)
class Layout:
    grid: RawGrid
    data_start: int  # first row below the header
    paths: tuple[tuple[str, ...], ...]  # per column

    def cell(self, r: int, c: int) -> str:
        row = self.grid.rows[r]
        return row[c] if c < len(row) else ""

    def span(self, r: int, c: int, where: str) -> Span:
        """The cell's span, with a readable cell name when the reader gave none."""
        spans = self.grid.spans
        base = spans[r][c] if r < len(spans) and c < len(spans[r]) else Span(file=self.grid.file, page=self.grid.page)
        text = self.cell(r, c)
        if not base.cell:
            base = dataclasses.replace(base, cell=where)
        if not base.excerpt and text:
            base = dataclasses.replace(base, excerpt=text)
        return base

    def columns_with(self, *words: str, exact: bool = True) -> list[int]:
        """Columns whose header path has one of ``words`` (exactly, or contained)."""
        out = []
        for c, path in enumerate(self.paths):
            if any((w in path) if exact else any(w in p for p in path) for w in words):
                out.append(c)
        return out


def is_index_row(row: tuple[str, ...]) -> bool:
    """A 栏次/行次 row ("栏次 | 1 | 2 | 3 …"): column numbers, never amounts."""
    cells = [norm(c) for c in row if norm(c)]
    numbers = [c for c in cells if c.isdigit()]
    if len(numbers) < 2 or any(not c.isdigit() and c not in ("栏次", "行次") for c in cells):
        return False
    if len(numbers) < len(cells):  # labelled 栏次/行次
        return True
    return len(numbers) >= 3 and [int(c) for c in numbers] == list(range(int(numbers[0]), int(numbers[0]) + len(numbers)))


def _is_data_row(row: tuple[str, ...]) -> bool:
    if is_index_row(row):
        return False
    for cell in row:
        t = norm(cell)
        if not t:
            continue
        if is_code(t) or is_number(t) or NOTE.match(t):
            return True
    return False


def layout(grid: RawGrid, *, start: int | None = None) -> Layout:
    """Split the grid into header and body and compute each column's header path.

    The header ends at the first row holding an amount, a code or a note.
    Header words in that row (类/款/项, 合计/基本支出/项目支出 …) still join the paths.
    """
    rows = grid.rows
    width = max((len(r) for r in rows), default=0)
    if start is None:
        start = len(rows)
        for r, row in enumerate(rows):
            # a row made only of header words (合计 beside 基本支出/项目支出) still belongs to the header
            if _is_data_row(row) and not all(norm(c) in HEADER_WORDS or not norm(c) for c in row):
                start = r
                break
    header_rows = [r for r in range(min(start + 1, len(rows))) if not is_index_row(rows[r])]
    filled = _fill_merged([r for r in header_rows if r < start], rows, width)
    paths = []
    for c in range(width):
        path: list[str] = []
        for r in header_rows:
            text = filled[r][c] if r in filled else (norm(rows[r][c]) if c < len(rows[r]) else "")
            if not text or text in path:
                continue
            if r == start and (text not in HEADER_WORDS or is_number(text)):
                continue
            if NOTE.match(text):
                continue
            path.append(text)
        paths.append(tuple(path))
    return Layout(grid, start, tuple(paths))


def _fill_merged(header_rows: list[int], rows, width: int) -> dict[int, list[str]]:
    """Header rows with the blanks a horizontally merged cell leaves filled with its text.

    Word and HTML keep a merged header's text in its first position only ("收入" over 项目 and
    决算数). A blank header cell takes the text on its left in the same row, but never across
    the boundary of the merged cell above it, so a blank under a different group stays blank
    (a vertically merged "年末结转和结余" is not filled from "项目支出" beside it).
    """
    out: dict[int, list[str]] = {}
    parent = [0] * width  # group id of each column in the row above (one group at the top)
    for r in header_rows:
        texts = [norm(rows[r][c]) if c < len(rows[r]) else "" for c in range(width)]
        ids: list[int] = []
        last, last_id = "", -1
        for c in range(width):
            if c == 0 or parent[c] != parent[c - 1]:
                last, last_id = "", -1
            if texts[c] and not NOTE.match(texts[c]):
                last, last_id = texts[c], r * width + c + 1
                ids.append(last_id)
            elif last:
                texts[c] = last
                ids.append(last_id)
            else:
                ids.append(-(r * width + c + 1))
        out[r] = texts
        parent = ids
    return out


_UNIT = re.compile(r"单位[:：]\s*(万元|元)")


def stated_unit(grid: RawGrid) -> str:
    """The amount unit the table states ("单位：万元" / "金额单位：元") in the lines just above it,
    its title or its first rows; "" when it states none."""
    # the nearest line above first: the context also holds the foot of the table before it
    texts = [grid.title, *reversed(grid.context), *(c for row in grid.rows[:4] for c in row)]
    for text in texts:
        m = _UNIT.search(norm(text))
        if m:
            return m.group(1)
    return ""


def unit_of(grid: RawGrid) -> str:
    """The amount unit the table states; 万元 when it states none."""
    return stated_unit(grid) or "万元"


_ISSUER = re.compile(r"(?:单位名称|编制单位|编制部门|填报单位|^单位(?=[:：](?:金额)?单位[:：]))[:：](.*?)(?=(?:金额)?单位[:：]|$)")


def issuer_of(grid: RawGrid) -> str | None:
    """The unit a table's header names ("单位名称：", "编制单位：", "编制部门：", or a bare "单位：" just before
    the amount unit); "" when the label is printed with nothing after it; None without a label."""
    for text in grid.context:
        m = _ISSUER.search(norm(text))
        if m:
            return m.group(1)
    for row in grid.rows[:2]:
        for i, cell in enumerate(row):
            m = _ISSUER.search(norm(cell))
            if m:  # the name may be the next cell's: "| 单位名称: | 环县党校 |"
                after = next((norm(c) for c in row[i + 1:] if norm(c)), "")
                return m.group(1) or ("" if not after or re.match(r"(?:金额)?单位[:：]", after) else after)
    return None


def note_of(grid: RawGrid) -> tuple[str, set[int]]:
    """The statement printed under the table (rows that hold only a 注/说明 text), and those rows."""
    notes, rows = [], set()
    for r, row in enumerate(grid.rows):
        filled = [c for c in row if norm(c)]
        if filled and NOTE.match(norm(filled[0])) and len(set(filled)) == 1:
            notes.append(filled[0].strip())
            rows.add(r)
    return "\n".join(notes), rows
