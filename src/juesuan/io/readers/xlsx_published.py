"""Published Excel attachments (.xlsx / .xls) → raw grids, one per sheet (:class:`Extracted`).

Where it sits: the Excel branch of ``read_document`` for the *published* nine tables (the
attachment a unit puts beside its 公开说明), not the data workbook the composer reads
(``data_xlsx``). Each sheet's used range becomes a :class:`RawGrid`; the rows above the table
(title, "公开01表", "单位：万元") give its title and context; the workbook's title property,
when it names the disclosure, is the first narrative line (unit name and year). A merged cell's text is repeated
across the columns it spans; below its first row a label is repeated and an amount is not, so no
figure is ever counted twice. Every cell keeps its span "Sheet!A1". A number is read as the sheet
prints it (its number format: "#,##0.00" → two places, "0.00%" → a percent), in .xlsx (openpyxl)
and legacy .xls (xlrd) alike; xlrd's own warnings never reach stdout.

Bad input (missing, empty, encrypted, corrupt, no content) raises :class:`InputError` with one
Chinese line naming the file.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from decimal import Decimal
from pathlib import Path

from ...core.findings import InputError
from ...core.model import Span
from ...core.money import parse_amount, round2
from .grid import Extracted, RawGrid, column_letter
from .grid_layout import compact, is_number, norm
from .normalize import is_table_meta
from ..limits import LimitExceeded, check_file_size
from ..limits import current as current_limits
from .xlsx_stream import Workbook

_TITLE = re.compile(r"表\s*([（(]\s*续\s*[)）])?$")
_FORM_CODE = re.compile(r"^(公开|部门)?\s*\d{1,2}\s*表$")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _fail(name: str, problem: str) -> InputError:
    return InputError(f"{name}：{problem}")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        return format(parse_amount(value), "f")
    if isinstance(value, int):
        return str(value)
    return str(value).strip()


# --------------------------------------------------------------------------- workbook loading

_QUOTED = re.compile(r'"[^"]*"|\\.')
_PLACES = re.compile(r"[0#]\.([0#]+)")


def _shown(value: object, number_format: str | None) -> str:
    """A number as the sheet displays it: rounded (half up) to the decimals of its number format
    ("#,##0.00", '0.00"%"'), times 100 with "%" for a real percent format ("0.00%"). The table
    a reader sees is the printed one, not the unrounded value behind it. Other values: ``_text``."""
    fmt = (number_format or "General").split(";")[0]
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)) or fmt in ("General", "@"):
        return _text(value)
    plain = _QUOTED.sub("", fmt)
    if "0" not in plain and "#" not in plain:
        return _text(value)
    m = _PLACES.search(plain)
    places = len(m.group(1)) if m else 0
    number = Decimal(_text(value) or "0")
    if "%" in plain:
        return f"{round2(number * 100, places)}%"
    return str(round2(number, places))


def _sheets_xlsx(path: Path) -> list[tuple[str, list[list[str]]]]:
    out = []
    with Workbook(path, path.name) as book:
        for index in range(len(book.names)):
            sheet = book.read(index)
            cells = [[_shown(sheet.values.get((r, c)), sheet.formats.get((r, c))) for c in range(1, sheet.max_col + 1)]
                     for r in range(1, sheet.max_row + 1)]
            merges = [(r0 - 1, c0 - 1, r1 - 1, c1 - 1) for r0, c0, r1, c1 in sheet.merges]
            out.append((sheet.name, _expand(cells, merges)))
    return out


def _document_title(path: Path) -> str:
    """The workbook's own title (File ▸ Properties, ``docProps/core.xml`` ``dc:title``) when it
    names a disclosure ("某单位2024年度部门决算", "…年度单位预算"); "" otherwise. A tables-only workbook has no
    narrative, so this is where its unit and year can be read from."""
    try:
        with zipfile.ZipFile(path) as archive:
            core = archive.read("docProps/core.xml").decode("utf-8", "replace")
    except (KeyError, zipfile.BadZipFile, OSError):
        return ""
    m = re.search(r"<dc:title[^>]*>([^<]*)</dc:title>", core)  # openpyxl writes the tag with its namespace
    title = compact(m.group(1)) if m else ""
    return title if ("决算" in title or "预算" in title) and len(title) <= 80 else ""


_XLS_BROKEN = (OSError, EOFError, ValueError, KeyError, IndexError, AssertionError, struct.error)


def _open_xls(path: Path, formatting: bool):
    """xlrd's book, or None when formatting info is unsupported for this file; InputError when
    the file cannot be read (xlrd raises several unrelated exception types for damaged files)."""
    import xlrd
    from xlrd.compdoc import CompDocError

    try:
        # xlrd's warnings about damaged files go to a buffer, not to stdout (JSON output there)
        return xlrd.open_workbook(str(path), formatting_info=formatting, logfile=io.StringIO())
    except NotImplementedError:  # formatting_info unsupported (e.g. BIFF 2-4): merges unknown
        if formatting:
            return None
        raise _fail(path.name, "Excel文件格式过旧，无法读取") from None
    except xlrd.XLRDError as exc:
        if "encrypt" in str(exc).lower():
            raise _fail(path.name, "文件已加密，无法读取") from None
        raise _fail(path.name, "Excel文件已损坏，无法读取") from None
    except (CompDocError, *_XLS_BROKEN):
        raise _fail(path.name, "Excel文件已损坏，无法读取") from None


def _xls_cell(book, sheet, r: int, c: int) -> str:
    """One .xls cell as the sheet prints it (same rules as ``_shown`` for .xlsx): a number
    through its number format, an integral number under "General" without ".0", an error
    cell as its code ("#DIV/0!"), a date as YYYY-MM-DD."""
    import xlrd

    cell = sheet.cell(r, c)
    kind, value = cell.ctype, cell.value
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    if kind == xlrd.XL_CELL_TEXT:
        return _text(value)
    if kind == xlrd.XL_CELL_BOOLEAN:
        return str(bool(value))
    if kind == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(value, "#N/A")
    if kind == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate_as_datetime(value, book.datemode).date().isoformat()
        except (xlrd.xldate.XLDateError, ValueError, OverflowError):
            return _text(value)
    fmt = "General"
    if book.formatting_info:
        xf = book.xf_list[cell.xf_index] if cell.xf_index is not None and cell.xf_index < len(book.xf_list) else None
        shown = book.format_map.get(xf.format_key) if xf is not None else None
        fmt = shown.format_str if shown is not None else "General"
    if isinstance(value, float) and value.is_integer() and fmt.split(";")[0] in ("General", "@"):
        value = int(value)
    return _shown(value, fmt)


def _sheets_xls(path: Path) -> list[tuple[str, list[list[str]]]]:
    book = _open_xls(path, True) or _open_xls(path, False)
    limits = current_limits()
    out = []
    try:
        if book.nsheets > limits.sheets:
            raise LimitExceeded(path.name, "sheets", limits)
        for sheet in book.sheets():
            where = f"工作表“{sheet.name}”"
            for name, size in (("sheet_rows", sheet.nrows), ("sheet_columns", sheet.ncols),
                               ("sheet_cells", sheet.nrows * sheet.ncols)):
                if size > getattr(limits, name):
                    raise LimitExceeded(path.name, name, limits, where=where)
            cells = [[_xls_cell(book, sheet, r, c) for c in range(sheet.ncols)] for r in range(sheet.nrows)]
            merges = [(r0, c0, r1 - 1, c1 - 1) for r0, r1, c0, c1 in getattr(sheet, "merged_cells", [])]
            out.append((sheet.name, _expand(cells, merges)))
    finally:
        book.release_resources()
    return out


def _expand(cells: list[list[str]], merges: list[tuple[int, int, int, int]]) -> list[list[str]]:
    """Fill merged areas: across on the first row; below it only a label, never an amount."""
    width = max((len(r) for r in cells), default=0)
    grid = [row + [""] * (width - len(row)) for row in cells]
    for r0, c0, r1, c1 in merges:
        if r0 >= len(grid) or c0 >= width:
            continue
        value = grid[r0][c0]
        for r in range(r0, min(r1, len(grid) - 1) + 1):
            for c in range(c0, min(c1, width - 1) + 1):
                if r == r0 or not is_number(value):
                    grid[r][c] = value
    return grid


def _trim(cells: list[list[str]]) -> tuple[list[list[str]], int]:
    """Used range: drop empty rows/columns at the edges; returns rows and the first column kept."""
    rows = [i for i, row in enumerate(cells) if any(row)]
    if not rows:
        return [], 0
    cols = [j for row in cells for j, v in enumerate(row) if v]
    c0, c1 = min(cols), max(cols)
    return [row[c0:c1 + 1] for row in cells[rows[0]:rows[-1] + 1]], c0


def _preamble(rows: list[list[str]]) -> int:
    """How many top rows are the title block (one distinct text each: title, form code, unit)."""
    k = 0
    while k < min(len(rows), 6):
        distinct = {norm(v) for v in rows[k] if norm(v)}
        if len(distinct) > 2 or (len(distinct) == 2 and not any(is_table_meta(d) for d in distinct)):
            break
        k += 1
    return k


def extract(path: str | Path) -> Extracted:
    """Read a published workbook: one RawGrid per non-empty sheet."""
    p = Path(path)
    if not p.exists():
        raise _fail(p.name, "文件不存在")
    if p.stat().st_size == 0:
        raise _fail(p.name, "文件为空")
    with p.open("rb") as fh:
        head = fh.read(8)
    if head == _OLE:
        check_file_size(p, p.name, "xls_bytes")
        data = p.read_bytes()
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise _fail(p.name, "文件已加密，无法读取")
        sheets = _sheets_xls(p)
    elif head[:2] == b"PK":
        sheets = _sheets_xlsx(p)
    else:
        raise _fail(p.name, "不是有效的Excel文件（文件损坏或格式不符）")
    grids, lines = [], []
    doc_title = _document_title(p) if head[:2] == b"PK" else ""
    if doc_title:
        lines.append((doc_title, Span(file=p.name, excerpt=doc_title)))
    for name, cells in sheets:
        first_row = next((i for i, row in enumerate(cells) if any(row)), 0)
        rows, c0 = _trim(cells)
        if not rows:
            continue
        k = _preamble(rows)
        top = [next(v for v in row if v) for row in rows[:k] if any(row)]
        title = next((compact(t) for t in reversed(top) if _TITLE.search(norm(t)) and not _FORM_CODE.match(norm(t))), "")
        if not title and _TITLE.search(norm(name)) and not _FORM_CODE.match(norm(name)):
            title = compact(name)
        body = rows[k:] or rows
        start = first_row + (k if rows[k:] else 0)
        spans = tuple(
            tuple(Span(file=p.name, cell=f"{name}!{column_letter(c0 + j)}{start + i + 1}", excerpt=v)
                  for j, v in enumerate(row))
            for i, row in enumerate(body)
        )
        for i, text in enumerate(top):
            lines.append((text, Span(file=p.name, cell=f"{name}!{column_letter(c0)}{first_row + i + 1}", excerpt=text)))
        grids.append(RawGrid(rows=tuple(tuple(r) for r in body), spans=spans, title=title, file=p.name,
                             context=tuple(top) + (name,)))
    if not grids:
        raise _fail(p.name, "工作簿没有内容")
    return Extracted(file=p.name, lines=tuple(lines), grids=tuple(grids), pages=None)
