"""Read a workbook sheet by sheet, streaming, within the limits: only the sheets asked for, and
each one only until a row, column or cell bound says it is too big.

Where it sits: below both Excel readers — ``data_xlsx`` (the preparer's 决算数据 workbook, via
``xlsx_sheet.Sheet``) and ``xlsx_published`` (published nine tables). The package is checked
first (:func:`juesuan.io.limits.check_package`: sizes, compression ratio, DTDs, XML parts other
than worksheets); the workbook is opened read-only, so a sheet costs nothing until it is read,
and a million-row sheet nobody asked for is never parsed. A sheet read gives its non-empty
cells, their number formats and its merged ranges (clipped to the cells in use).

A damaged package or sheet is one :class:`InputError` line naming the file (and the sheet).
"""

from __future__ import annotations

import warnings
import zipfile
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Mapping

from ...core.findings import InputError
from ..limits import LimitExceeded, Limits, check_package
from ..limits import current as current_limits

#: What openpyxl and the XML parsers under it raise for a damaged package or part (the parse
#: errors of expat, defusedxml and lxml are SyntaxError / ValueError subclasses).
BROKEN = (zipfile.BadZipFile, zlib.error, EOFError, OSError, KeyError, IndexError, ValueError, TypeError,
          AttributeError, SyntaxError, OverflowError, AssertionError)
WORKSHEETS = ("xl/worksheets/",)


@dataclass(frozen=True, slots=True)
class SheetCells:
    """One worksheet as read: non-empty cells (1-based row, column), their number formats and
    merged ranges (min_row, min_col, max_row, max_col), clipped to the used range; formula cells
    without a saved result count as used."""

    name: str
    values: Mapping[tuple[int, int], object]
    formats: Mapping[tuple[int, int], str]
    merges: tuple[tuple[int, int, int, int], ...]
    max_row: int
    max_col: int
    #: formula cells with no saved result (a workbook written by a program that does not calculate)
    uncached: frozenset[tuple[int, int]] = frozenset()


class Workbook:
    """An open workbook; :meth:`read` streams one sheet. Use as a context manager."""

    def __init__(self, path: Path, file: str, limits: Limits | None = None, damaged: str = "Excel文件已损坏，无法读取"):
        from openpyxl.reader.excel import ExcelReader
        from openpyxl.styles.stylesheet import apply_stylesheet
        from openpyxl.utils.exceptions import InvalidFileException

        self.file = file
        self.limits = limits or current_limits()
        self._damaged = damaged
        self._cells_read = 0
        check_package(path, file, WORKSHEETS, self.limits, damaged)
        self._fh = path.open("rb")  # a file object: openpyxl does not then insist on the .xlsx suffix
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                # openpyxl's own loading, minus reading every worksheet's size (which parses a
                # sheet that has no <dimension> from end to end): sheets are read on demand here.
                reader = ExcelReader(self._fh, read_only=True, data_only=True)
                reader.read_manifest()
                reader.read_strings()
                reader.read_workbook()
                apply_stylesheet(reader.archive, reader.wb)
                self._sheets = [(sheet.name, rel.target) for sheet, rel in reader.parser.find_sheets()
                                if rel.target in reader.valid_files and "chartsheet" not in (rel.Type or "")]
        except (*BROKEN, InvalidFileException):
            self._fh.close()
            raise InputError(f"{file}：{damaged}") from None
        self._reader = reader
        self._wb = reader.wb
        if len(self._sheets) > self.limits.sheets:
            self.close()
            raise LimitExceeded(file, "sheets", self.limits)

    def __enter__(self) -> "Workbook":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        try:
            self._reader.archive.close()
        except BROKEN:
            pass
        finally:
            self._fh.close()

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self._sheets]

    def first_cell(self, index: int) -> object:
        """The value of A1 of the sheet at ``index`` (None when blank), reading only its first row."""
        for row, cells in self._rows(index):
            if row > 1:
                return None
            for cell in cells:
                if cell["column"] == 1:
                    return cell["value"]
            return None
        return None

    def read(self, index: int) -> SheetCells:
        """The sheet at ``index``, within ``sheet_rows``, ``sheet_columns``, ``sheet_cells`` and,
        over the whole workbook, ``workbook_cells``."""
        title = self._sheets[index][0]
        where = f"工作表“{title}”"
        limits = self.limits
        values: dict[tuple[int, int], object] = {}
        formats: dict[tuple[int, int], str] = {}
        max_row = max_col = 0
        parser = None
        for row, cells, parser in self._rows(index, with_parser=True):
            if row > 4 * limits.sheet_rows:
                raise LimitExceeded(self.file, "sheet_rows", limits, where=where)
            for cell in cells:
                value = cell["value"]
                if value is None or (isinstance(value, str) and not value.strip()):
                    continue
                r, c = cell["row"], cell["column"]
                if r > limits.sheet_rows:
                    raise LimitExceeded(self.file, "sheet_rows", limits, where=where)
                if c > limits.sheet_columns:
                    raise LimitExceeded(self.file, "sheet_columns", limits, where=where)
                if r > max_row or c > max_col:
                    max_row, max_col = max(max_row, r), max(max_col, c)
                    if max_row * max_col > limits.sheet_cells:
                        raise LimitExceeded(self.file, "sheet_cells", limits, where=where)
                values[(r, c)] = value
                try:
                    formats[(r, c)] = self._number_format(cell["style_id"])
                except BROKEN:
                    raise InputError(f"{self.file}：{where}的单元格格式已损坏，无法读取") from None
        uncached = set()
        for r, c in getattr(parser, "uncached", ()):
            if r <= limits.sheet_rows and c <= limits.sheet_columns and (r, c) not in values:
                uncached.add((r, c))
                max_row, max_col = max(max_row, r), max(max_col, c)
        if max_row * max_col > limits.sheet_cells:
            raise LimitExceeded(self.file, "sheet_cells", limits, where=where)
        self._cells_read += max_row * max_col
        if self._cells_read > limits.workbook_cells:
            raise LimitExceeded(self.file, "workbook_cells", limits)
        merges = self._merges(parser, max_row, max_col, where)
        return SheetCells(title, values, formats, merges, max_row, max_col, frozenset(uncached))

    def _number_format(self, style_id: int) -> str:
        from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

        number = self._wb._cell_styles[style_id].numFmtId
        if number < BUILTIN_FORMATS_MAX_SIZE:
            return BUILTIN_FORMATS.get(number, "General")
        return self._wb._number_formats[number - BUILTIN_FORMATS_MAX_SIZE]

    def _rows(self, index: int, with_parser: bool = False):
        """(row number, cells[, parser]) of the sheet, streamed; damage becomes an InputError."""
        title, member = self._sheets[index]
        wb = self._wb
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                with self._reader.archive.open(member) as source:
                    parser = _parser_class()(source, self._reader.shared_strings, data_only=True, epoch=wb.epoch,
                                             date_formats=wb._date_formats, timedelta_formats=wb._timedelta_formats,
                                             most=self.limits.sheet_cells)
                    for row, cells in parser.parse():
                        yield (row, cells, parser) if with_parser else (row, cells)
        except BROKEN:
            raise InputError(f"{self.file}：工作表“{title}”已损坏，无法读取") from None

    def _merges(self, parser, max_row: int, max_col: int, where: str) -> tuple[tuple[int, int, int, int], ...]:
        from openpyxl.utils.cell import range_boundaries

        found = getattr(parser, "merged_cells", None)
        out = []
        area = 0
        for merge in getattr(found, "mergeCell", None) or ():
            try:
                c0, r0, c1, r1 = range_boundaries(str(merge.ref))
            except BROKEN:
                continue
            if None in (c0, r0, c1, r1) or r0 > max_row or c0 > max_col:
                continue
            r1, c1 = min(r1, max_row), min(c1, max_col)
            area += (r1 - r0 + 1) * (c1 - c0 + 1)
            if area > self.limits.sheet_cells:
                raise LimitExceeded(self.file, "sheet_cells", self.limits, where=f"{where}合并区域")
            out.append((r0, c0, r1, c1))
        return tuple(out)


@lru_cache(maxsize=1)
def _parser_class() -> type:
    """openpyxl's sheet parser (values as saved) that also notes formula cells with no saved
    value — up to ``most`` of them; beyond that the sheet is over a limit anyway."""
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class Parser(WorkSheetParser):
        def __init__(self, *args, most: int, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self.uncached: list[tuple[int, int]] = []
            self._most = most

        def parse_cell(self, element):
            cell = super().parse_cell(element)
            if cell["value"] is None and len(self.uncached) < self._most and element.find(FORMULA_TAG) is not None:
                self.uncached.append((cell["row"], cell["column"]))
            return cell

    return Parser
