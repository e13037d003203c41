"""Plain-text and Markdown reader: narrative lines with spans, flattened and pipe tables as grids.

Where it sits: one of the format readers under :func:`juesuan.io.readers.read_document`; it
hands an :class:`~.grid.Extracted` to assembly.

Text arrives as people paste it (:mod:`.lines`): pages ended by form feeds (``pdftotext``) give
the spans their page; page numbers and running headers are dropped; a line holding most of the
document (its line breaks lost) is cut before headings and after sentences; then lines a layout
wrapped are joined (:func:`.normalize.join_lines`), each joined line remembering where its
source lines begin so that figures point at the line they were printed on.

Three table notations are understood:

* **Flattened Word tables** (a Word document saved as text, like the seed): a table is a block of
  tab-indented lines; each line is one cell, a run of such lines is one row, and rows are
  separated by blank lines. A row holding a single cell that reads like a form title
  ("单位整体支出绩效自评表") starts a new grid and becomes its title.
* **Markdown pipe tables** (``| a | b |`` rows, an optional ``|---|`` rule).
* **One cell per line without tabs** (a web page or PDF copied as text), under a standard table
  title, where the rows can be told apart unambiguously (:mod:`.flat_tables`).

A 绩效自评表 copied as running text (on one line, a cell or a row a line) is rebuilt by its form's
grammar (:mod:`.performance_flat`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from ...core.model import Span
from .flat_tables import is_table_title, take_tables
from .grid import Extracted, RawGrid
from .lines import FORM_FEED, furniture, page_lines, paginate, resegment, unglue, unwrap_collapsed
from .performance_flat import take_evaluations
from .row_budget import is_budget_title
from .row_tables import take_row_tables
from .normalize import caption_line, clean_line, decode, is_heading, is_table_meta, join_lines, unsplit_glosses

# A one-cell row that names a form: "…自评表", "…决算表", "…总表", "附表3 …".
_TITLE = re.compile(r"^(附表\s*\S{0,4}\s*)?\S.{0,38}(表|明细)$")
_CONTEXT_ROW = re.compile(r"^[(（]?\s*\d{4}\s*年度?\s*[)）]?$|^(单位|金额单位)[:：]")
_MD_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")


def _names_table(text: str) -> bool:
    return is_table_title(text) or is_budget_title(text)


def extract(path: str | Path) -> Extracted:
    """Read a .txt/.md file into narrative lines and raw grids."""
    path = Path(path)
    file = str(path)
    text = decode(path.read_bytes(), file)
    return extract_text(text, file, markdown=path.suffix.lower() in (".md", ".markdown"))


def extract_text(text: str, file: str = "", *, markdown: bool = False) -> Extracted:
    """The same as :func:`extract`, for text already in memory."""
    raw, numbers = unglue(*page_lines(text.split("\n")), _names_table)
    raw = unsplit_glosses(raw)
    raw, between_cells = _cell_bars(raw)
    pages = paginate(raw)
    if pages and pages[0] is not None:
        raw = [line.replace(FORM_FEED, "") for line in raw]
    skipped = furniture(raw, pages) | between_cells
    spacing = _spacing(raw, skipped)
    narrative: list[tuple[str, Span]] = []
    grids: list[RawGrid] = []
    i = 0
    while i < len(raw):
        line = raw[i]
        if i in skipped or i in spacing:
            i += 1
            continue
        if line.startswith("\t"):
            end = _table_block_end(raw, i)
            if _looks_like_table(_runs(raw, i, end)):
                grids.extend(_flattened_grids(raw, i, end, file, narrative, pages, numbers))
                i = end
                continue
        if line.lstrip().startswith("|") and _is_pipe_table(raw, i):
            end = i
            while end < len(raw) and raw[end].lstrip().startswith("|"):
                end += 1
            grids.append(_pipe_grid(raw, i, end, file, narrative, numbers))
            i = end
            continue
        cleaned = clean_line(line)
        if markdown:
            cleaned = _MD_EMPHASIS.sub(r"\2", _MD_HEADING.sub("", cleaned)).strip()
        narrative.append((cleaned, Span(file=file, page=pages[i], line=numbers[i], excerpt=cleaned[:80])))
        i += 1
    return settle(narrative, grids, file, len(text), unglued=True)


def settle(narrative: list[tuple[str, Span]], grids: list[RawGrid], file: str, total: int | None = None, *,
           unglued: bool = False) -> Extracted:
    """What every reader of running text does last, whatever the format (a text file, a web page,
    a Word document): a line holding a whole page is cut into headings and sentences, tables a
    copy flattened one cell a line or one row a line are taken out as grids, and lines a layout
    wrapped are joined; first, rows and titles glued to an amount are put apart (``unglued``: the
    caller did that already). ``total`` is the document's length in characters."""
    if not unglued:
        texts = [t for t, _ in narrative]
        apart, at = unglue(texts, range(len(narrative)), _names_table)
        if apart != texts:
            narrative = [(t, replace(narrative[i][1], excerpt=t[:80])) for t, i in zip(apart, at)]
    narrative, forms = take_evaluations(narrative, file)
    narrative, flat = take_tables(resegment(unwrap_collapsed(narrative, total), total), file)
    narrative, spaced = take_row_tables(narrative, file)
    lines, joins = join_lines(narrative)
    return Extracted(file=file, lines=lines, grids=tuple(grids) + tuple(forms) + tuple(flat) + tuple(spaced),
                     joins=joins)


#: A cell a copy ended with a bar, one cell a line ("49.9 |"; a blank cell is the bar alone).
_CELL_BAR = re.compile(r"^(?![ \t]*[|｜])(?P<cell>[^|｜]{0,40}?)[ \t]*[|｜][ \t]*$|^[ \t]*[|｜][ \t]*$")
#: Fewest such lines in a row that make a table (a stray bar ends no narrative line).
_FEWEST_BARS = 6


def _cell_bars(raw: list[str]) -> tuple[list[str], set[int]]:
    """Lines of a table a copy flattened one cell a line, each cell ended by a bar: the cells as
    the flat-table reader takes them, a blank cell as "-" (printed blank, so that every row
    keeps all its cells); blank lines a copy put between them are passed over. Fewer than
    ``_FEWEST_BARS`` such lines in a row are left as they are. Returns the lines and the indexes
    of the blank lines passed over."""
    out = list(raw)
    blanks: set[int] = set()
    i = 0
    while i < len(raw):
        j, bars = i, 0
        while j < len(raw) and (_CELL_BAR.match(raw[j]) or (bars and not raw[j].strip())):
            bars += bool(raw[j].strip())
            j += 1
        while j > i and not raw[j - 1].strip():
            j -= 1  # a blank line after the last bar is no cell
        if bars >= _FEWEST_BARS:
            for k in range(i, j):
                m = _CELL_BAR.match(raw[k])
                if m:
                    out[k] = (m.group("cell") or "").strip() or "-"
                else:
                    blanks.add(k)  # a copy's blank line between cells
        i = max(j, i + 1)
    return out, blanks


def _spacing(raw: list[str], skipped: set[int]) -> set[int]:
    """Blank lines around dropped page furniture: the text runs on across the page."""
    out: set[int] = set()
    for i in skipped:
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(raw) and (not raw[j].strip() or j in skipped):
                out.add(j)
                j += step
    return out


# --------------------------------------------------------------------------- flattened tables


def _table_block_end(raw: list[str], start: int) -> int:
    """Index after the last tab-indented line of the block beginning at ``start``."""
    end = last = start
    while end < len(raw) and (raw[end].startswith("\t") or not raw[end].strip()):
        if raw[end].startswith("\t"):
            last = end
        end += 1
    return last + 1


def _runs(raw: list[str], start: int, end: int) -> list[list[tuple[int, str]]]:
    """Rows of (line index, cell text): runs of tab-indented lines between blank lines."""
    rows: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for idx in range(start, end):
        line = raw[idx]
        if line.startswith("\t"):
            current.append((idx, clean_line(line[1:])))
        elif current:
            rows.append(current)
            current = []
    if current:
        rows.append(current)
    return rows


def _looks_like_table(runs: list[list[tuple[int, str]]]) -> bool:
    """Rows of several cells, not paragraphs that merely start with a tab.

    Tab-indented paragraphs form either one long run (no blank lines between them) or runs of
    one line each; a flattened table has at least two rows of two or more cells, or a form
    title followed by such a row.
    """
    multi = [run for run in runs if len(run) >= 2]
    titled = any(len(run) == 1 and _TITLE.match(run[0][1]) for run in runs)
    return len(multi) >= 2 or (titled and len(multi) >= 1)


def _preceding(narrative: list[tuple[str, Span]], n: int = 3) -> tuple[str, ...]:
    texts = [t for t, _ in narrative if t]
    return tuple(texts[-n:])


def _flattened_grids(
    raw: list[str], start: int, end: int, file: str, narrative: list[tuple[str, Span]], pages: list[int | None],
    numbers: list[int],
) -> list[RawGrid]:
    grids: list[RawGrid] = []
    context = _preceding(narrative)
    title = _caption(context)
    rows: list[tuple[str, ...]] = []
    spans: list[tuple[Span, ...]] = []

    def flush() -> None:
        if rows:
            grids.append(RawGrid(rows=tuple(rows), spans=tuple(spans), title=title, page=pages[start], file=file,
                                 context=context))

    for run in _runs(raw, start, end):
        cells = [text for _, text in run]
        if len(cells) == 1 and _TITLE.match(cells[0]) and not _CONTEXT_ROW.match(cells[0]):
            flush()
            rows, spans = [], []
            title, context = cells[0], (cells[0],)
            continue
        if len(cells) == 1 and not rows and (_CONTEXT_ROW.match(cells[0]) or is_table_meta(cells[0])):
            context = context + (cells[0],)
            continue
        rows.append(tuple(cells))
        spans.append(tuple(Span(file=file, page=pages[idx], line=numbers[idx], excerpt=text[:80]) for idx, text in run))
    flush()
    return grids


def _caption(context: tuple[str, ...]) -> str:
    """The line just above a table when it reads as the table's title."""
    return caption_line([t for t in context if not _CONTEXT_ROW.match(t)],
                        lambda t: bool(_TITLE.match(t)) and not is_heading(t) or t.startswith(("表", "附表")))


# --------------------------------------------------------------------------- pipe tables


def _split_pipe(line: str) -> list[str]:
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    cells = re.split(r"(?<!\\)\|", body)
    return [clean_line(c.replace("\\|", "|")) for c in cells]


def _is_pipe_table(raw: list[str], i: int) -> bool:
    """Two or more consecutive pipe lines, or one followed by a rule line."""
    return i + 1 < len(raw) and raw[i + 1].lstrip().startswith("|") and raw[i].count("|") >= 2


def _pipe_grid(raw: list[str], start: int, end: int, file: str, narrative: list[tuple[str, Span]],
               numbers: list[int]) -> RawGrid:
    rows: list[tuple[str, ...]] = []
    spans: list[tuple[Span, ...]] = []
    for idx in range(start, end):
        if _MD_RULE.match(raw[idx].strip()):
            continue
        cells = _split_pipe(raw[idx])
        rows.append(tuple(cells))
        spans.append(tuple(Span(file=file, line=numbers[idx], excerpt=c[:80]) for c in cells))
    context = _preceding(narrative)
    title = _caption(context)
    has_rule = end - start >= 2 and bool(_MD_RULE.match(raw[start + 1].strip()))
    if has_rule and rows and "绩效" not in title:
        rows, spans = _split_header(rows, spans)
    return RawGrid(rows=tuple(rows), spans=tuple(spans), title=title, file=file, context=context)


def _split_header(rows: list[tuple[str, ...]], spans: list[tuple[Span, ...]]):
    """A Markdown table has one header row, so a multi-level header is written "收入/项目",
    "本年支出/基本支出": split such a header row back into its levels (upper levels repeated
    over the columns they cover, a shorter path padded with blanks below)."""
    header = rows[0]
    parts = [[p.strip() for p in cell.split("/")] if "/" in cell else [cell] for cell in header]
    if not any(len(p) > 1 for p in parts) or any(not x or x.replace(".", "").isdigit() for p in parts for x in p):
        return rows, spans
    depth = max(len(p) for p in parts)
    levels = [tuple(p[k] if k < len(p) else "" for p in parts) for k in range(depth)]
    return levels + rows[1:], [spans[0]] * depth + spans[1:]
