"""Raw grids: tables as a reader finds them (cells of text with their spans), before recognition.

Every document reader (pdf, docx, html, xlsx, flattened text) turns its tables into
:class:`RawGrid`; recognition (below) identifies which standard table a grid is by its title and
header names, never by position, and fills the model's table records.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...core.model import Span


@dataclass(frozen=True, slots=True)
class RawGrid:
    rows: tuple[tuple[str, ...], ...]  # cell texts, row by row; merged cells repeated or blank
    spans: tuple[tuple[Span, ...], ...] = ()  # same shape as rows, where known
    title: str = ""  # the caption / heading line found just above the grid
    page: int | None = None
    file: str = ""
    context: tuple[str, ...] = field(default=())  # lines just above (unit line "单位：万元", form code)
    #: Rows a reader saw but could not place cell by cell (the span of each, excerpt as printed):
    #: the grid is incomplete, and recognition does not take it for the table.
    omitted: tuple[Span, ...] = ()


#: The text of a cell a reader knows is there but could not read (a 公开09 amount whose column the
#: copy leaves in doubt): recognition leaves such a figure out, never taking it for blank or zero.
UNREAD_CELL = "（未能确定）"


def column_letter(index: int) -> str:
    """Spreadsheet-style name of the 0-based column ``index`` (0 → "A", 25 → "Z", 26 → "AA"),
    for the cell addresses in spans."""
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(ord("A") + rem) + name
    return name


@dataclass(frozen=True, slots=True)
class Extracted:
    """What a format reader hands to assembly: narrative lines with spans, and raw grids.

    ``lines`` are the document's text lines in order (soft line breaks already joined, so a
    sentence broken across lines or pages is one line), each with the span of its start.
    ``joins``, when a reader joined lines itself, gives for each line where every source line
    after the first begins in it ((offset, span) pairs; see :func:`.lines.relocator`).
    """

    file: str
    lines: tuple[tuple[str, Span], ...] = ()
    grids: tuple[RawGrid, ...] = ()
    pages: int | None = None
    joins: tuple[tuple[tuple[int, Span], ...], ...] = ()
