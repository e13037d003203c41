"""Word (.docx) reader: paragraphs and tables in document order.

Where it sits: one of the format readers under :func:`juesuan.io.readers.read_document`; it
hands an :class:`~.grid.Extracted` to assembly.

The body's ``w:p`` and ``w:tbl`` elements are walked in order (content controls are opened).
Each table becomes a :class:`~.grid.RawGrid` laid out on the table's column grid: a cell merged
across columns (``gridSpan``) or down rows (``vMerge``) keeps its text in its first position
and leaves the covered positions blank — the same shape a Word table has when saved as text,
so the 绩效 reader carries blank indicator levels down as it does for the seed.
Paragraphs then go through what every reader of running text does (:func:`.text.settle`), with a
blank line between two paragraphs: a paragraph break is kept unless the text plainly runs on (a
bracket left open, a number cut, a PDF's page pasted one printed line a paragraph).
"""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

from ...core.findings import InputError
from ...core.model import Span
from ..limits import LimitExceeded, check_package
from ..limits import current as current_limits
from .grid import Extracted, RawGrid, column_letter
from .normalize import caption_line, clean_line, lines_above
from .text import settle

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TITLE = re.compile(r"(表|明细)$")


def extract(path: str | Path) -> Extracted:
    """Read a .docx file into narrative lines and raw grids."""
    path = Path(path)
    file = str(path)
    body = _load_body(path, file)
    limits = current_limits()
    lines: list[tuple[str, Span]] = []
    grids: list[RawGrid] = []
    block = 0
    for element in _blocks(body):
        block += 1
        if element.tag == f"{_W}p":
            texts = [t for t in map(clean_line, _paragraph_text(element).split("\n")) if t]
            if texts and lines:  # paragraphs are paragraphs: a blank line between them tells the joiner so
                lines.append(("", Span(file=file, line=block)))
            lines.extend((text, Span(file=file, line=block, excerpt=text[:80])) for text in texts)
            if len(lines) > 2 * limits.narrative_lines:  # a blank line between each two
                raise LimitExceeded(file, "narrative_lines", limits)
        elif element.tag == f"{_W}tbl":
            grid = _grid(element, file, len(grids) + 1, lines_above(lines))
            if grid.rows:
                grids.append(grid)
    return settle(lines, grids, file)


def _load_body(path: Path, file: str):
    if not zipfile.is_zipfile(path):
        raise InputError(f"{file}：不是有效的 Word 文档（.docx 文件应为 zip 格式，文件可能已损坏或实为旧版 .doc）")
    # sizes, ratio, DTD, element count and depth, before python-docx parses
    check_package(path, file, damaged="Word 文档已损坏（压缩包无法解开），无法读取")
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        document = docx.Document(str(path))
    # python-docx meets a damaged package part as whatever its code trips over: a relationships
    # part of the wrong shape is an AttributeError, a bad number a ValueError, and so on
    except (PackageNotFoundError, KeyError, ValueError, TypeError, AttributeError, IndexError, XMLSyntaxError,
            zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise InputError(f"{file}：Word 文档已损坏或不是 .docx 格式，无法读取（{exc.__class__.__name__}）") from exc
    body = getattr(document.element, "body", None)
    if body is None:  # the main part is not a document (another part's content in its place)
        raise InputError(f"{file}：Word 文档已损坏，找不到正文")
    return body


def _blocks(parent):
    """Paragraphs and tables of ``parent`` in order, opening content controls (w:sdt)."""
    for child in parent.iterchildren():
        if child.tag in (f"{_W}p", f"{_W}tbl"):
            yield child
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _blocks(content)


def _paragraph_text(p) -> str:
    """Visible text of a w:p: runs, tabs (a space), line breaks ("\\n"); deleted text (w:delText) is
    left out."""
    parts: list[str] = []
    for node in p.iter():
        tag = node.tag
        if tag == f"{_W}t" and node.text:
            parts.append(node.text)
        elif tag == f"{_W}tab":
            parts.append(" ")
        elif tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")  # a line break inside the paragraph: joined as a wrapped line is
    return "".join(parts)


def _cell_text(tc) -> str:
    texts = [clean_line(_paragraph_text(p).replace("\n", " ")) for p in tc.iter(f"{_W}p")]
    return " ".join(t for t in texts if t)


def _int_attr(element, default: int) -> int:
    if element is None:
        return default
    value = element.get(f"{_W}val")
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _grid(tbl, file: str, number: int, context: tuple[str, ...]) -> RawGrid:
    rows: list[tuple[str, ...]] = []
    spans: list[tuple[Span, ...]] = []
    for tr in tbl.iterchildren(f"{_W}tr"):
        cells: list[str] = []
        tr_pr = tr.find(f"{_W}trPr")
        before = _int_attr(tr_pr.find(f"{_W}gridBefore") if tr_pr is not None else None, 0)
        cells.extend([""] * before)
        for tc in tr.iterchildren(f"{_W}tc"):
            tc_pr = tc.find(f"{_W}tcPr")
            span_n = _int_attr(tc_pr.find(f"{_W}gridSpan") if tc_pr is not None else None, 1)
            vmerge = tc_pr.find(f"{_W}vMerge") if tc_pr is not None else None
            continued = vmerge is not None and vmerge.get(f"{_W}val") in (None, "continue")
            cells.append("" if continued else _cell_text(tc))
            cells.extend([""] * (max(span_n, 1) - 1))
        r = len(rows) + 1
        rows.append(tuple(cells))
        spans.append(
            tuple(
                Span(file=file, cell=f"表格{number}!{column_letter(c)}{r}", excerpt=text[:80])
                for c, text in enumerate(cells)
            )
        )
    title = caption_line(context, lambda t: bool(_TITLE.search(t)) and len(t) <= 40)
    return RawGrid(rows=tuple(rows), spans=tuple(spans), title=title, file=file, context=context)
