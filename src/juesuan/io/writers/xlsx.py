"""Excel writer: 决算公开表.xlsx, the nine tables one sheet each (then the 绩效自评表).

Where it sits: a sibling of the other writers. Each sheet has a title row, a form-number/unit
row, the header (merged cells kept), the body and a note row. Amounts are stored as numbers at
full precision with the format '#,##0.00', so Excel sums them; labels stay text.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from ...core.document import Cell, Document, Grid
from ..atomic import replacing
from .matrix import display_width, layout

AMOUNT_FORMAT = "#,##0.00"
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="F2F2F2")
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_AMOUNT_TEXT = re.compile(r"^-?[\d,]+\.\d{2}$")


def _number_format(cell: Cell) -> str:
    text = cell.text.strip()
    if text.endswith("%"):
        return '0.00"%"'
    if text.endswith("分"):
        return '0.00"分"'
    if _AMOUNT_TEXT.match(text):
        return AMOUNT_FORMAT
    return "General"


def _excel_value(value: Decimal) -> int | float | Decimal:
    """Integral values as int; others as Decimal (openpyxl writes its exact decimal text)."""
    return int(value) if value == value.to_integral_value() else value


def sheet_name(title: str, used: set[str]) -> str:
    base = _BAD_SHEET_CHARS.sub("", title)[:31] or "表"
    name, n = base, 2
    while name in used:
        suffix = f"({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(name)
    return name


def write_grid(ws, grid: Grid) -> None:
    lay = layout(grid)
    width = max(lay.n_cols, 1)
    ws.cell(row=1, column=1, value=grid.title).font = Font(bold=True, size=16)
    ws.cell(row=1, column=1).alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.row_dimensions[1].height = 30
    ws.cell(row=2, column=1, value=grid.code or None)
    if grid.unit:
        unit = ws.cell(row=2, column=width, value=f"单位：{grid.unit}")
        unit.alignment = Alignment(horizontal="right")
    top = 3
    widths = [6] * width
    for p in lay.cells:
        row, col = top + p.row, 1 + p.col
        cell = p.cell
        target = ws.cell(row=row, column=col)
        if cell.value is not None:
            target.value = _excel_value(cell.value)
            target.number_format = _number_format(cell)
        elif cell.text:
            target.value = cell.text
            if cell.text.startswith("="):  # "=2种" is a printed target, not a formula
                target.data_type = "s"
                target.quotePrefix = True
        is_header = p.row < lay.header_rows
        target.font = Font(bold=cell.bold or is_header, size=10)
        align = cell.align or ("right" if cell.value is not None else "left")
        target.alignment = Alignment(horizontal="center" if is_header else align, vertical="center", wrap_text=True)
        if is_header:
            target.fill = HEADER_FILL
        if p.last_row > p.row or p.last_col > p.col:
            ws.merge_cells(start_row=row, start_column=col, end_row=top + p.last_row, end_column=1 + p.last_col)
        if cell.colspan == 1:
            widths[p.col] = max(widths[p.col], min(display_width(cell.text) + 2, 40))
    for r in range(top, top + lay.n_rows):
        for c in range(1, width + 1):
            ws.cell(row=r, column=c).border = BOX
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    if grid.note:
        note_row = top + lay.n_rows + 1
        ws.cell(row=note_row, column=1, value=grid.note).alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(start_row=note_row, start_column=1, end_row=note_row, end_column=width)
        ws.row_dimensions[note_row].height = 30
    if lay.header_rows:
        ws.freeze_panes = ws.cell(row=top + lay.header_rows, column=1)
        ws.print_title_rows = f"{top}:{top + lay.header_rows - 1}"
    ws.page_setup.orientation = "landscape" if grid.landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def grids_for_workbook(doc: Document) -> tuple[Grid, ...]:
    """The nine tables (``doc.tables``) then the 绩效 grids found among the blocks."""
    extra = tuple(b for b in doc.blocks if isinstance(b, Grid) and b.key.startswith("绩效"))
    return tuple(doc.tables) + extra


def write(doc: Document, path: Path) -> Path:
    path = Path(path)
    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    for grid in grids_for_workbook(doc):
        title = grid.title
        if grid.key.startswith("绩效.项目."):
            title = f"{grid.title}{grid.key.rsplit('.', 1)[1]}"
        write_grid(wb.create_sheet(sheet_name(title, used)), grid)
    if not wb.worksheets:
        wb.create_sheet("说明").cell(row=1, column=1, value="本文件没有表格。")
    wb.properties.title = doc.title
    path.parent.mkdir(parents=True, exist_ok=True)
    with replacing(path) as temp:
        wb.save(str(temp))
    return path
