"""PDF reader: a text PDF → narrative lines and raw table grids (:class:`Extracted`).

Where it sits: first step of the audit flow for PDF disclosures. ``read_document`` dispatches
here; assembly (``assemble.py``) turns the lines into a narrative and hands the grids to
``recognize.py``. Each page is read once with pypdfium2 (text with character boxes, and the
path objects that draw table rules); ruled tables are cut out by ``pdf_tables``. Table text is
kept out of the narrative lines; titles, unit lines and the notes under tables stay in them.

Bad input never gives a traceback: an empty, corrupt, encrypted or image-only file raises
:class:`InputError` with one Chinese line naming the file.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ...core.findings import InputError
from ...core.model import Span
from ..limits import LimitExceeded, Limits
from ..limits import current as current_limits
from .grid import Extracted, RawGrid
from .lines import resegment, site_chunks
from .normalize import clean_line, columns, squeeze_spaces
from .pdf_tables import (Char, PageTable, align_columns, edges_from_bounds, find_tables, looks_ruled, nest_columns,
                         split_row, spread_rows)
from .performance_flat import take_evaluations

_PAGE_NUMBER = re.compile(
    r"^[-—–\s]*(第\s*)?\d{1,4}\s*(页)?\s*([/／]\s*\d{1,4}|共\s*\d{1,4}\s*页)?[-—–\s]*$"
)
_HEADING = re.compile(
    r"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]"
    r"|\d+[、]|\d+[.．](?!\d)|第[一二三四五六七八九十百]+条|注[:：]|说明[:：]|附件|附表)"
)
_SENTENCE_END = ("。", "！", "？", "!", "?", ".")
_NOTE_START = re.compile(r"^(注|说明|备注)\s*[0-9０-９]*\s*[:：]")
_TABLE_TITLE = re.compile(r"表\s*([（(]\s*续\s*[)）])?$")
_FORM_CODE = re.compile(r"^(公开|部门)?\s*\d{1,2}\s*表$|^公开\s*\d+$")
_CONTINUED = re.compile(r"[（(]\s*续\s*(表)?\s*[)）]$|续表$")


@dataclass(slots=True)
class _Line:
    text: str
    page: int
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(slots=True)
class _Page:
    number: int
    width: float
    height: float
    lines: list[_Line] = field(default_factory=list)
    tables: list[PageTable] = field(default_factory=list)
    chars: int = 0
    size: float = 12.0  # typical character width (points)
    images: int = 0


def _fail(name: str, problem: str) -> InputError:
    return InputError(f"{name}：{problem}")


def _open(path: Path) -> pdfium.PdfDocument:
    name = path.name
    if not path.exists():
        raise _fail(name, "文件不存在")
    if path.is_dir():
        raise _fail(name, "不是文件")
    size = path.stat().st_size
    if size == 0:
        raise _fail(name, "文件为空")
    with path.open("rb") as fh:
        head = fh.read(1024)
    if b"%PDF" not in head:
        raise _fail(name, "不是有效的PDF文件（文件损坏或格式不符）")
    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD or "password" in str(exc).lower():
            raise _fail(name, "文件已加密，无法读取") from None
        raise _fail(name, "PDF文件已损坏，无法读取") from None
    if len(doc) == 0:
        doc.close()
        raise _fail(name, "PDF文件没有页面")
    return doc


def _path_bounds(page: pdfium.PdfPage) -> tuple[list[tuple[float, float, float, float]], int]:
    """Bounds of the page's top-level path objects (table rules), and its image count.

    Uses the raw pdfium calls: wrapping thousands of text objects in Python objects only to
    skip them costs more than the rest of the page.
    """
    raw = page.raw
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    bounds, images = [], 0
    for i in range(pdfium_c.FPDFPage_CountObjects(raw)):
        obj = pdfium_c.FPDFPage_GetObject(raw, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            images += 1
        elif kind == pdfium_c.FPDF_PAGEOBJ_PATH and pdfium_c.FPDFPageObj_GetBounds(
                obj, ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top)):
            bounds.append((left.value, bottom.value, right.value, top.value))
    return bounds, images


def _read_page(doc: pdfium.PdfDocument, index: int, name: str = "", limits: Limits | None = None) -> _Page:
    limits = limits or current_limits()
    page = doc[index]
    try:
        width, height = page.get_size()
        info = _Page(index + 1, width, height)
        if pdfium_c.FPDFPage_CountObjects(page.raw) > limits.pdf_page_objects:
            raise LimitExceeded(name, "pdf_page_objects", limits, where=f"第{index + 1}页")
        bounds, info.images = _path_bounds(page)
        textpage = page.get_textpage()
        try:
            count = textpage.count_chars()
            if count > limits.pdf_page_chars:
                raise LimitExceeded(name, "pdf_page_chars", limits, where=f"第{index + 1}页")
            text = textpage.get_text_range(0, count) if count else ""
            # (char, box) in reading order; box None for spaces and line breaks
            stream: list[tuple[str, Char | None]] = []
            for i, ch in enumerate(text):
                if ch.isspace() or pdfium_c.FPDFText_IsGenerated(textpage.raw, i) == 1:
                    stream.append(("\n" if ch in "\r\n" else " ", None))
                    continue
                left, bottom, right, top = textpage.get_charbox(i, loose=True)
                stream.append((ch, Char(ch, left, height - top, right, height - bottom)))
        finally:
            textpage.close()
    finally:
        page.close()
    chars = [c for _, c in stream if c is not None]
    info.chars = len(chars)
    widths = sorted(c.x1 - c.x0 for c in chars if not c.text.isascii())
    if widths:
        info.size = widths[len(widths) // 2]
    edges = edges_from_bounds(bounds, height)
    if looks_ruled(edges) and chars:
        info.tables = find_tables(info.number, edges, chars)
    info.lines = _page_lines(info, stream)
    return info


def _inside(ch: Char, tables: list[PageTable]) -> bool:
    for t in tables:
        x0, top, x1, bottom = t.bbox
        if x0 - 0.5 <= ch.cx <= x1 + 0.5 and top - 0.5 <= ch.cy <= bottom + 0.5:
            return True
    return False


def _page_lines(info: _Page, stream: list[tuple[str, Char | None]]) -> list[_Line]:
    lines: list[_Line] = []
    buf: list[tuple[float, str]] = []  # (x, character): a space takes the x of the character before it
    boxes: list[Char] = []

    def flush() -> None:
        if _out_of_order(boxes, info.size):
            buf.sort(key=lambda item: item[0])
        text = clean_line(squeeze_spaces("".join(ch for _, ch in buf)))  # as every reader's: full-width digits, glosses
        if text and boxes:
            lines.append(_Line(text, info.number, min(c.x0 for c in boxes), min(c.top for c in boxes),
                               max(c.x1 for c in boxes), max(c.bottom for c in boxes)))
        buf.clear()
        boxes.clear()

    for ch, box in stream:
        if ch == "\n":
            flush()
        elif box is None:
            buf.append((buf[-1][0] if buf else 0.0, " "))
        elif not info.tables or not _inside(box, info.tables):
            buf.append((box.x0, ch))
            boxes.append(box)
    flush()
    return lines


def _out_of_order(boxes: list[Char], size: float) -> bool:
    """True when a line's characters came out of the page's text not left to right (a document
    writer may draw the quotes or digits of a line, in another font, after the rest of it) while
    all of them stand on one printed line: then they are put in the order they are printed."""
    if not any(b.x0 < a.x0 - size / 2 for a, b in zip(boxes, boxes[1:])):
        return False
    tops = sorted(c.top for c in boxes)
    return tops[-1] - tops[0] < size * 0.6


def extract(path: str | Path) -> Extracted:
    """Read a text PDF: narrative lines (soft breaks joined) and every ruled table as a RawGrid."""
    p = Path(path)
    limits = current_limits()
    doc = _open(p)
    try:
        if len(doc) > limits.pdf_pages:  # counted from the page tree, before any page is parsed
            raise LimitExceeded(p.name, "pdf_pages", limits)
        pages = []
        total = 0
        for i in range(len(doc)):
            pages.append(_read_page(doc, i, p.name, limits))
            total += pages[-1].chars
            if total > limits.pdf_chars:
                raise LimitExceeded(p.name, "pdf_chars", limits)
    except pdfium.PdfiumError:
        raise _fail(p.name, "PDF文件已损坏，无法读取") from None
    finally:
        doc.close()
    total = sum(pg.chars for pg in pages)
    imaged = sum(1 for pg in pages if pg.images)
    # a scan may carry a stamped page number or a few words: still no text to audit
    if imaged and imaged * 2 >= len(pages) and total < 30 * len(pages):
        raise _fail(p.name, "无文字层（可能为扫描件），无法审核")
    if total == 0:
        raise _fail(p.name, "文件内容为空（没有文字）")
    _drop_running_lines(pages)
    grids = _grids(p.name, pages)
    # a 绩效自评表 printed as text lines, not ruled: read as a web page's is
    joined = _join_lines(p.name, pages)
    # a document site's chunks printed to PDF (R44u/13), or a page copied as one line and printed: cut at its
    # headings as the text copy is (resegment takes the chunks apart itself)
    if len(joined) <= _FEW_PARAGRAPHS or site_chunks(joined) is not joined:
        joined = tuple(resegment(joined))
    lines, forms = take_evaluations(joined, p.name)
    return Extracted(file=p.name, lines=tuple(lines), grids=tuple(grids) + tuple(forms), pages=len(pages))


_FEW_PARAGRAPHS = 12  # a PDF of a collapsed page joins into a few long paragraphs


# --------------------------------------------------------------------------- headers and footers

def _drop_running_lines(pages: list[_Page]) -> None:
    """Remove page numbers and lines repeated in the top/bottom band of many pages."""
    def band(line: _Line, page: _Page) -> bool:
        return line.bottom < page.height * 0.09 or line.top > page.height * 0.90

    seen: dict[str, int] = {}
    for page in pages:
        for key in {re.sub(r"\d+", "#", ln.text) for ln in page.lines if band(ln, page)}:
            seen[key] = seen.get(key, 0) + 1
    repeated = {k for k, n in seen.items() if n >= 3 and n * 2 >= len(pages)}
    for page in pages:
        lowest = max(page.lines, key=lambda ln: ln.top, default=None)
        page.lines = [
            ln for ln in page.lines
            if not (band(ln, page) and (_PAGE_NUMBER.match(ln.text) or re.sub(r"\d+", "#", ln.text) in repeated))
            and not (ln is lowest and _folio(ln, page))
        ]


def _folio(line: _Line, page: _Page) -> bool:
    """The page's lowest line is a bare page number in its lower part (a folio set higher than the
    footer band, as under a landscape table): page furniture, not text, and it does not end a
    table that runs on to the next page."""
    return bool(_PAGE_NUMBER.match(line.text)) and line.top > page.height * 0.8


# --------------------------------------------------------------------------- tables

def _title_and_context(lines: list[_Line]) -> tuple[str, tuple[str, ...]]:
    """Nearest title-like line above a table, and the few lines just above it."""
    context = tuple(ln.text for ln in lines[-4:])
    for ln in reversed(lines[-4:]):
        text = ln.text.replace(" ", "")
        if _TABLE_TITLE.search(text) and not _FORM_CODE.match(text) and 4 <= len(text) <= 60:
            return text, context
    return "", context


def _notes_below(lines: list[_Line], size: float) -> list[str]:
    """The 注/说明 lines printed right under a table (a statement such as "故本表无数据");
    a line that follows closely and starts no new block continues the note above it."""
    notes: list[str] = []
    previous: _Line | None = None
    for ln in lines:
        if _NOTE_START.match(ln.text):
            notes.append(ln.text)
        elif (notes and previous is not None and ln.top - previous.bottom < size
              and not _HEADING.match(ln.text) and not _TABLE_TITLE.search(ln.text)):
            notes[-1] += ln.text
        else:
            break
        previous = ln
    return notes


@dataclass(slots=True)
class _Part:
    table: PageTable
    title: str
    context: tuple[str, ...]
    notes: list[str]
    last_on_page: bool
    rows: list[tuple[str, ...]]
    pages: list[int]


def _parts(pages: list[_Page]) -> list[_Part]:
    parts = []
    for page in pages:
        previous_bottom = -1.0
        for k, table in enumerate(page.tables):
            top, bottom = table.bbox[1], table.bbox[3]
            above = [ln for ln in page.lines if previous_bottom <= ln.top and ln.bottom <= top + 1]
            nxt = page.tables[k + 1].bbox[1] if k + 1 < len(page.tables) else float("inf")
            below = [ln for ln in page.lines if ln.top >= bottom - 1 and ln.bottom <= nxt + 1]
            title, context = _title_and_context(above)
            notes = _notes_below(below, page.size)
            parts.append(_Part(table, title, context, notes, not below and nxt == float("inf"),
                               list(table.rows), [page.number] * len(table.rows)))
            previous_bottom = bottom
    return parts


def _continues_title(previous: str, title: str) -> bool:
    """A part may continue the table before it: no title, "（续）", or the same title repeated."""
    if not title:
        return True
    base = _CONTINUED.sub("", title)
    return base != title or base == _CONTINUED.sub("", previous)


def _grids(name: str, pages: list[_Page]) -> tuple[RawGrid, ...]:
    merged: list[_Part] = []
    for part in _parts(pages):
        prev = merged[-1] if merged else None
        if (prev is not None and _continues_title(prev.title, part.title) and prev.last_on_page
                and not prev.notes and part.table.page == prev.table.page + 1):
            mapping = align_columns(prev.table, part.table)
            if mapping is None and _refine(prev, part.table):
                mapping = [(j,) for j in range(part.table.width)]
            if mapping is not None:
                _append(prev, part, mapping)
                continue
        merged.append(part)
    grids = []
    for part in merged:
        width = part.table.width
        rows = list(part.rows)
        pages_of = list(part.pages)
        for note in part.notes:
            rows.append((note,) + ("",) * (width - 1))
            pages_of.append(part.pages[-1])
        spans = tuple(
            tuple(Span(file=name, page=pg, excerpt=cell) for cell in row) for row, pg in zip(rows, pages_of)
        )
        first_page = part.pages[0] if part.pages else part.table.page
        grids.append(RawGrid(rows=tuple(rows), spans=spans, title=part.title, page=first_page,
                             file=name, context=part.context))
    return tuple(grids)


def _refine(prev: _Part, fine: PageTable) -> bool:
    """Lay the part so far onto the finer columns of its continuation when its columns nest in
    them (:func:`.pdf_tables.nest_columns`); False when they do not."""
    cover = nest_columns(prev.table, fine)
    if cover is None:
        return False
    prev.rows = spread_rows(prev.rows, cover, fine.width)
    prev.table = PageTable(prev.table.page, prev.table.bbox, tuple(prev.rows), fine.columns)
    return True


def _append(prev: _Part, part: _Part, mapping: list[tuple[int, ...]]) -> None:
    width = prev.table.width
    rows = []
    for row in part.rows:
        out = [""] * width
        for j, cell in enumerate(row):
            for k in mapping[j] if cell else ():
                out[k] = (out[k] + cell) if out[k] else cell
        rows.append(tuple(out))
    if rows and prev.rows and split_row(prev.rows[-1], rows[0]):
        last = prev.rows[-1]
        prev.rows[-1] = tuple(a + b if b else a for a, b in zip(last, rows[0]))
        rows = rows[1:]
    # a continuation that repeats the header: drop the repeated rows
    skip = 0
    while skip < len(rows) and skip < len(prev.rows) and rows[skip] == prev.rows[skip] and any(rows[skip]):
        skip += 1
    prev.rows += rows[skip:]
    prev.pages += [part.table.page] * (len(rows) - skip)
    prev.notes = part.notes
    prev.last_on_page = part.last_on_page
    prev.table = PageTable(part.table.page, prev.table.bbox, prev.table.rows, prev.table.columns)


# --------------------------------------------------------------------------- narrative lines

def _margins(pages: list[_Page]) -> dict[int, tuple[float, float]]:
    """Left and right text margins per page width (portrait and landscape pages differ).

    Taken over the whole document, so a page with one short line does not look "full".
    """
    xs: dict[int, tuple[list[float], list[float]]] = {}
    for page in pages:
        lefts, rights = xs.setdefault(round(page.width), ([], []))
        lefts += [ln.x0 for ln in page.lines]
        rights += [ln.x1 for ln in page.lines]
    out = {}
    for width, (lefts, rights) in xs.items():
        if lefts:
            lefts.sort()
            rights.sort()
            out[width] = (lefts[len(lefts) // 20], rights[(len(rights) * 19) // 20])
    return out


def _metrics(page: _Page, margins: dict[int, tuple[float, float]]) -> tuple[float, float, float]:
    left, right = margins[round(page.width)]
    return left, right, page.size


def _continues(prev: _Line, prev_metrics: tuple[float, float, float], nxt: _Line,
               nxt_metrics: tuple[float, float, float]) -> bool:
    """Whether ``nxt`` carries on the paragraph of ``prev`` (a soft line break)."""
    left, right, size = prev_metrics
    n_left, _, n_size = nxt_metrics
    if prev.text.endswith(_SENTENCE_END):
        return False
    if nxt.x0 > n_left + 1.0 * n_size:  # indented, centred or right-aligned: a new block
        return False
    # a line starting left of the full line before it: the rest of a paragraph whose first line was
    # indented (a wrapped heading "七、…收入支" / "出决算表" included)
    hangs = nxt.x0 < prev.x0 - n_size and prev.x1 >= right - n_size
    if _HEADING.match(nxt.text) or (_TABLE_TITLE.search(nxt.text) and not hangs) or _NOTE_START.match(nxt.text):
        return False
    if prev.x0 > left + 2.5 * size or _TABLE_TITLE.search(prev.text):
        return False  # a centred title
    if _HEADING.match(prev.text) and prev.x1 < right - 4 * size:
        return False  # a short heading line
    if prev.text.count("（") + prev.text.count("(") > prev.text.count("）") + prev.text.count(")"):
        return True  # a bracket left open: what follows is inside it
    if prev.x1 + _first_word_columns(nxt.text) * n_size / 2 < right - n_size / 2:
        return False  # the next line's first word had room on this one: this one ends its paragraph
    return True


#: What a line break may not split, as word processors break Chinese: a number or a Latin word, or
#: a two-character word; with the opening marks before it and the closing marks after it, which no
#: line may end or start with.
_FIRST_WORD = re.compile(r"[（(“‘《「『\[]*(?:[0-9A-Za-z.,%‰+\-]+|[^0-9A-Za-z\s][。，、；：？！）)”’》」』]*.?)"
                         r"[。，、；：？！）)”’》」』%,.;:]*")


def _first_word_columns(text: str) -> int:
    """Printed width of ``text``'s first unbreakable piece, in half-character columns."""
    word = _FIRST_WORD.match(text)
    return columns(word.group()) if word else 0


def _join_lines(name: str, pages: list[_Page]) -> tuple[tuple[str, Span], ...]:
    out: list[list] = []  # [text, page]
    carry: tuple[_Line, tuple[float, float, float]] | None = None  # last line, if a paragraph may go on
    margins = _margins(pages)
    for page in pages:
        if not page.lines:
            carry = None
            continue
        metrics = _metrics(page, margins)
        if any(t.bbox[1] < page.lines[0].top for t in page.tables):
            carry = None  # the page opens with a table
        for k, ln in enumerate(page.lines):
            if carry is not None and _continues(carry[0], carry[1], ln, metrics):
                glue = " " if out[-1][0][-1:].isascii() and out[-1][0][-1:].isalnum() and ln.text[:1].isascii() else ""
                out[-1][0] += glue + ln.text
            else:
                out.append([ln.text, ln.page])
            carry = (ln, metrics)
            nxt = page.lines[k + 1] if k + 1 < len(page.lines) else None
            # a table between two lines (or after the last line of a page) ends the paragraph
            if any(ln.bottom <= t.bbox[1] + 1 and (nxt is None or nxt.top >= t.bbox[3] - 1) for t in page.tables):
                carry = None
    # once more over the joined paragraph: a gloss or a traditional word a line break cut in two
    return tuple(
        (text, Span(file=name, page=pg, line=i + 1, excerpt=text[:120]))
        for i, (text, pg) in enumerate((clean_line(t), pg) for t, pg in out)
    )
