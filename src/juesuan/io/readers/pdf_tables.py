"""Ruled tables of one PDF page, found fast: the PDF reader's table half.

Where it sits: ``io/readers/pdf.py`` reads each page once with pypdfium2 (characters with their
boxes, and the page's path objects) and hands both here. The table lattice is found the way
pdfplumber finds it (edges → intersections → cells → tables), but fed from
pypdfium2, so a page costs milliseconds instead of a full pdfminer layout pass.

Coordinates are top-down (``top`` grows downwards) in PDF points, as pdfplumber uses them.
A merged cell's text is repeated across the columns it spans (on its first row only); the rows
it covers below stay blank, so a group header ("本年支出" over 合计/基本/项目) labels every column
under it while no amount is ever duplicated downwards.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .edges import merge_edges
from .normalize import is_heading

#: Thickness (points) below which a path object counts as a ruling line.
_THIN = 2.0
_TOL = 3.0


@dataclass(frozen=True, slots=True)
class Char:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(frozen=True, slots=True)
class PageTable:
    """A table as found on one page: cell texts row by row, and where its columns lie."""

    page: int
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom
    rows: tuple[tuple[str, ...], ...]
    columns: tuple[tuple[float, float], ...]  # (x0, x1) of each grid column

    @property
    def width(self) -> int:
        return len(self.columns)


def _edge(orientation: str, x0: float, top: float, x1: float, bottom: float) -> dict:
    return {
        "orientation": orientation,
        "object_type": "line",
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "width": x1 - x0,
        "height": bottom - top,
    }


def edges_from_bounds(bounds: list[tuple[float, float, float, float]], page_height: float) -> list[dict]:
    """Ruling edges from path-object bounds (left, bottom, right, top in PDF space)."""
    edges = []
    for left, bottom, right, top in bounds:
        t, b = page_height - top, page_height - bottom
        w, h = right - left, b - t
        if w < _THIN and h < _THIN:
            continue  # a dot or a corner square
        if w < _THIN:
            x = (left + right) / 2
            edges.append(_edge("v", x, t, x, b))
        elif h < _THIN:
            y = (t + b) / 2
            edges.append(_edge("h", left, y, right, y))
        else:  # a rectangle: its four sides
            edges += [
                _edge("h", left, t, right, t),
                _edge("h", left, b, right, b),
                _edge("v", left, t, left, b),
                _edge("v", right, t, right, b),
            ]
    return edges


def looks_ruled(edges: list[dict]) -> bool:
    """Enough horizontal and vertical rules for a table to be worth looking for."""
    h = sum(1 for e in edges if e["orientation"] == "h")
    return h >= 2 and len(edges) - h >= 2


def _cluster(values: list[float], tol: float = 1.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def _index(bounds: list[float], value: float, tol: float = 1.0) -> int:
    """Index of the boundary nearest ``value`` (boundaries are clustered, so exact within tol)."""
    i = bisect_right(bounds, value + tol) - 1
    return max(i, 0)


def cell_text(chars: list[Char]) -> str:
    """Text of a cell in reading order; wrapped lines joined without a break, and a space kept
    only between two Latin words that stand apart.

    The characters are put in reading order here (lines top-down, left to right in a line): a
    PDF's text stream may emit a run in another font (the quotation marks “ ” of a Chinese
    text, set in a Latin font) out of place."""
    out: list[str] = []
    prev: Char | None = None
    for ch in _reading_order(chars):
        if prev is not None and prev.text.isascii() and ch.text.isascii() and prev.text.isalnum() and ch.text.isalnum():
            same_line = abs(ch.cy - prev.cy) < 0.5 * max(ch.bottom - ch.top, 1.0)
            if same_line and ch.x0 - prev.x1 > 0.3 * (ch.bottom - ch.top):
                out.append(" ")
        out.append(ch.text)
        prev = ch
    return "".join(out)


def _reading_order(chars: list[Char]) -> list[Char]:
    lines: list[list[Char]] = []
    for ch in sorted(chars, key=lambda c: c.cy):
        line = lines[-1] if lines else None
        if line is not None and abs(ch.cy - line[0].cy) < 0.5 * max(line[0].bottom - line[0].top, 1.0):
            line.append(ch)
        else:
            lines.append([ch])
    return [ch for line in lines for ch in sorted(line, key=lambda c: c.x0)]


def find_tables(page: int, edges: list[dict], chars: list[Char]) -> list[PageTable]:
    """Ruled tables on a page, top to bottom, with the page's characters placed in their cells."""
    merged = merge_edges(edges, _TOL, _TOL, _TOL, _TOL)
    merged = [e for e in merged if (e["height"] if e["orientation"] == "v" else e["width"]) >= 3]
    tables = [_build(page, cells, chars) for cells in _lattices(merged) if len(cells) >= 2]
    tables.sort(key=lambda t: (t.bbox[1], t.bbox[0]))
    return tables


def _groups(vs: list[dict], hs: list[dict]) -> list[tuple[list[dict], list[dict]]]:
    """Edges that touch one another, as separate tables."""
    parent = list(range(len(vs) + len(hs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, v in enumerate(vs):
        for j, h in enumerate(hs):
            if (h["x0"] - _TOL <= v["x0"] <= h["x1"] + _TOL) and (v["top"] - _TOL <= h["top"] <= v["bottom"] + _TOL):
                a, b = find(i), find(len(vs) + j)
                if a != b:
                    parent[a] = b
    out: dict[int, tuple[list[dict], list[dict]]] = {}
    for i, v in enumerate(vs):
        out.setdefault(find(i), ([], []))[0].append(v)
    for j, h in enumerate(hs):
        out.setdefault(find(len(vs) + j), ([], []))[1].append(h)
    return [g for g in out.values() if len(g[0]) >= 2 and len(g[1]) >= 2]


def _covers(intervals: list[tuple[float, float]], lo: float, hi: float) -> bool:
    mid = (lo + hi) / 2
    return any(a - _TOL <= mid <= b + _TOL and a - _TOL <= lo and b + _TOL >= hi for a, b in intervals)


def _lattices(edges: list[dict]) -> list[list[tuple[float, float, float, float]]]:
    """Cells (x0, top, x1, bottom) of each ruled table: the grid of all rule positions, with
    neighbouring grid cells merged wherever the rule between them is missing (merged cells)."""
    vs = [e for e in edges if e["orientation"] == "v"]
    hs = [e for e in edges if e["orientation"] == "h"]
    tables = []
    for gv, gh in _groups(vs, hs):
        xs = _cluster([e["x0"] for e in gv], _TOL)
        ys = _cluster([e["top"] for e in gh], _TOL)
        vlines: dict[int, list[tuple[float, float]]] = {}
        hlines: dict[int, list[tuple[float, float]]] = {}
        for e in gv:
            vlines.setdefault(_nearest(xs, e["x0"]), []).append((e["top"], e["bottom"]))
        for e in gh:
            hlines.setdefault(_nearest(ys, e["top"]), []).append((e["x0"], e["x1"]))
        nr, nc = len(ys) - 1, len(xs) - 1
        parent = list(range(nr * nc))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        open_cells = set()
        for r in range(nr):
            for c in range(nc):
                k = r * nc + c
                y0, y1, x0, x1 = ys[r], ys[r + 1], xs[c], xs[c + 1]
                if c + 1 < nc and not _covers(vlines.get(c + 1, []), y0, y1):
                    parent[find(k)] = find(k + 1)
                if r + 1 < nr and not _covers(hlines.get(r + 1, []), x0, x1):
                    parent[find(k)] = find(k + nc)
                if (c == 0 and not _covers(vlines.get(0, []), y0, y1)) or (
                        c == nc - 1 and not _covers(vlines.get(nc, []), y0, y1)) or (
                        r == 0 and not _covers(hlines.get(0, []), x0, x1)) or (
                        r == nr - 1 and not _covers(hlines.get(nr, []), x0, x1)):
                    open_cells.add(k)
        boxes: dict[int, list[float]] = {}
        bad = {find(k) for k in open_cells}
        for r in range(nr):
            for c in range(nc):
                root = find(r * nc + c)
                if root in bad:
                    continue
                b = boxes.setdefault(root, [xs[c], ys[r], xs[c + 1], ys[r + 1]])
                b[0], b[1] = min(b[0], xs[c]), min(b[1], ys[r])
                b[2], b[3] = max(b[2], xs[c + 1]), max(b[3], ys[r + 1])
        tables.append([tuple(b) for b in boxes.values()])
    return tables


def _nearest(values: list[float], x: float) -> int:
    return min(range(len(values)), key=lambda i: abs(values[i] - x))


def _build(page: int, cells: list[tuple[float, float, float, float]], chars: list[Char]) -> PageTable:
    xs = _cluster([c[0] for c in cells] + [c[2] for c in cells])
    ys = _cluster([c[1] for c in cells] + [c[3] for c in cells])
    nrows, ncols = len(ys) - 1, len(xs) - 1
    owner: list[list[int | None]] = [[None] * ncols for _ in range(nrows)]
    spans = []
    for k, (x0, top, x1, bottom) in enumerate(cells):
        c0, c1 = _index(xs, x0), _index(xs, x1)
        r0, r1 = _index(ys, top), _index(ys, bottom)
        spans.append((r0, c0, max(r1, r0 + 1), max(c1, c0 + 1)))
        for r in range(r0, max(r1, r0 + 1)):
            for c in range(c0, max(c1, c0 + 1)):
                if r < nrows and c < ncols:
                    owner[r][c] = k
    x_lo, y_lo, x_hi, y_hi = xs[0], ys[0], xs[-1], ys[-1]
    content: dict[int, list[Char]] = {}
    for ch in chars:
        cx, cy = ch.cx, ch.cy
        if not (x_lo <= cx <= x_hi and y_lo <= cy <= y_hi):
            continue
        r = min(bisect_right(ys, cy) - 1, nrows - 1)
        c = min(bisect_right(xs, cx) - 1, ncols - 1)
        k = owner[r][c]
        if k is not None:
            content.setdefault(k, []).append(ch)
    texts = {k: cell_text(v) for k, v in content.items()}
    rows = []
    for r in range(nrows):
        row = []
        for c in range(ncols):
            k = owner[r][c]
            row.append(texts.get(k, "") if k is not None and spans[k][0] == r else "")
        rows.append(tuple(row))
    columns = tuple((xs[i], xs[i + 1]) for i in range(ncols))
    return PageTable(page, (x_lo, y_lo, x_hi, y_hi), tuple(rows), columns)


def align_columns(first: PageTable, cont: PageTable) -> list[tuple[int, ...]] | None:
    """Map each column of a continuation part onto the first part's columns by position: the
    column its middle falls in or, when it spans several columns that the first part's body fills
    as one merged cell (a 科目编码 cell over 类|款|项), all of them, its text repeated as for any
    merged cell.

    Returns None when the parts cannot be matched (then they are not one table).
    """
    if cont.width == first.width:
        return [(i,) for i in range(cont.width)]
    mapping: list[tuple[int, ...]] = []
    for x0, x1 in cont.columns:
        covered = [i for i, (a, b) in enumerate(first.columns) if x0 - 1 <= a and b <= x1 + 1]
        if len(covered) < 2 or not _merged_body(first, covered):
            mid = (x0 + x1) / 2
            covered = [i for i, (a, b) in enumerate(first.columns) if a - 1 <= mid <= b + 1]
            if len(covered) != 1:
                return None
        mapping.append(tuple(covered))
    targets = [i for run in mapping for i in run]
    return mapping if len(set(targets)) == len(targets) else None


def _merged_body(table: PageTable, columns: list[int]) -> bool:
    """Most filled rows hold one text repeated across ``columns`` (cells merged in the body)."""
    filled = [{row[c] for c in columns} for row in table.rows if any(row[c] for c in columns)]
    same = sum(1 for texts in filled if len(texts) == 1)
    return bool(filled) and same * 2 > len(filled)


def nest_columns(coarse: PageTable, fine: PageTable) -> list[list[int]] | None:
    """For each column of ``coarse``, the run of ``fine`` columns it covers, when every fine
    column lies in exactly one coarse column (a form whose first page holds only its merged head
    rows, "项目名称 | 名称", and whose next page has all the indicator columns); else None."""
    if fine.width <= coarse.width:
        return None
    cover: list[list[int]] = []
    for x0, x1 in coarse.columns:
        inside = [j for j, (a, b) in enumerate(fine.columns) if x0 - 1 <= (a + b) / 2 <= x1 + 1]
        if not inside:
            return None
        cover.append(inside)
    return cover if sorted(j for run in cover for j in run) == list(range(fine.width)) else None


def spread_rows(rows, cover: list[list[int]], width: int) -> list[tuple[str, ...]]:
    """Rows laid onto finer columns: a cell's text repeated over the columns it covers, as for
    any merged cell."""
    out = []
    for row in rows:
        cells = [""] * width
        for i, cell in enumerate(row):
            for j in cover[i]:
                cells[j] = cell
        out.append(tuple(cells))
    return out


_AMOUNT_CELL = re.compile(r"^[-+]?[\d,，.]+%?$")


def split_row(last: tuple[str, ...], first: tuple[str, ...]) -> bool:
    """The continuation's first row is the rest of the row the page break cut ("…支出1.45万" /
    "元。"): it has text only where the last row has text, a blank first cell, no amount in
    either row (a table row with amounts is never taken as cut) and no item label of its own."""
    filled = [j for j, c in enumerate(first) if c]
    return (bool(filled) and not first[0] and len(last) == len(first)
            and not any(_AMOUNT_CELL.match(c) for c in (*last, *first) if c)
            and all(last[j] and not is_heading(first[j]) for j in filled))
