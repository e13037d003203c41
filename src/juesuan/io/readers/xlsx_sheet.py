"""One worksheet of a data workbook as the data reader sees it: merged cells filled, cells read as
amounts / counts / text with their spans, and columns found by header text.

Where it sits: the lowest layer of ``io/readers/data_xlsx.py`` (the 决算数据 workbook reader).
Nothing here knows the layout of a particular sheet; it turns Excel habits (merged cells, numbers
stored as text, thousands separators, full-width digits, percent-formatted cells, 元 sheets) into
model values and turns bad cells into one-line :class:`InputError` messages naming file, sheet
and cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Mapping, Sequence

from openpyxl.utils import get_column_letter

from ...core import money
from ...core.findings import InputError
from ...core.model import Span
from ..template_layout import NOTE_LABEL
from .xlsx_stream import SheetCells

_SPACES = re.compile(r"\s+")
_QUOTES = str.maketrans("", "", "“”\"'‘’「」『』")
_PARENS = str.maketrans("()", "（）")
_IN_PARENS = re.compile(r"（[^（）]*）")
_ENUM = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|（[一二三四五六七八九十\d]+）|\d+[、.．]|其中[:：]?)")
_UNIT = re.compile(r"单位[:：]\s*(万元|元)")
_COUNT_UNITS = ("台（套）", "平方米", "批次", "人次", "万元", "元", "人", "辆", "个", "台", "套", "次", "家", "%")
HEADER_SCAN = 25  # header rows are looked for in the first rows only
#: Said of a negative amount in a data file (workbook or YAML): no amount of the forms is negative.
NEGATIVE_HINT = "决算数据中的金额都不应为负数，请核对符号；增减额不必填写，由程序按上年数计算"


def norm(text: object) -> str:
    """Header / label text for matching: no spaces or quotes, full-width digits and brackets unified."""
    if text is None:
        return ""
    s = money.normalize_digits(str(text))
    return _SPACES.sub("", s).translate(_QUOTES).translate(_PARENS)


def label(text: object) -> str:
    """A row label without its enumeration ("一、" "（一）" "1." "其中：")."""
    s = norm(text)
    while True:
        stripped = _ENUM.sub("", s)
        if stripped == s:
            return s
        s = stripped


def _variants(text: str) -> set[str]:
    return {text, _IN_PARENS.sub("", text)} - {""}


def one_line(text: object, limit: int = 40) -> str:
    s = _SPACES.sub(" ", str(text)).strip()
    return s if len(s) <= limit else s[: limit - 1] + "…"


@dataclass(frozen=True, slots=True)
class Columns:
    """Where a sheet's header row is and which column holds each wanted field (1-based)."""

    header_row: int
    cols: Mapping[str, int]

    def __getitem__(self, name: str) -> int:
        return self.cols[name]

    def get(self, name: str) -> int | None:
        return self.cols.get(name)


class Sheet:
    """A worksheet's values with merged ranges filled from their top-left cell.

    ``uncached`` holds the cells (row, column) that have a formula but no saved result: the
    workbook was written by a program that does not calculate, and its values are unknown.
    Reading such a cell as a number or text is an error naming it, never a silent blank.
    """

    def __init__(self, path: str, cells: SheetCells, index: int = 0):
        self.file = path
        self.name = cells.name
        self.index = index  # position in the workbook
        self.uncached: set[tuple[int, int]] = set(cells.uncached)
        self.max_row = cells.max_row
        self.max_col = cells.max_col
        self._values: dict[tuple[int, int], object] = dict(cells.values)
        self._formats: dict[tuple[int, int], str] = {k: v or "" for k, v in cells.formats.items()}
        self._origin: dict[tuple[int, int], tuple[int, int]] = {}
        for min_row, min_col, max_row, max_col in cells.merges:
            top = (min_row, min_col)
            for r in range(min_row, max_row + 1):
                for c in range(min_col, max_col + 1):
                    if (r, c) != top:
                        self._origin[(r, c)] = top
        self.yuan = self._find_unit() == "元"

    # ----------------------------------------------------------------- raw access

    def origin(self, r: int, c: int) -> tuple[int, int]:
        return self._origin.get((r, c), (r, c))

    def raw(self, r: int, c: int) -> object:
        return self._values.get(self.origin(r, c))

    def text(self, r: int, c: int | None) -> str:
        """Cell as text, stripped; numbers without a spurious ".0"; "" when blank or no column."""
        if c is None:
            return ""
        value = self.known(r, c)
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value).strip()

    def ref(self, r: int, c: int) -> str:
        row, col = self.origin(r, c)
        return f"{get_column_letter(col)}{row}"

    def known(self, r: int, c: int) -> object:
        """:meth:`raw`, but a formula without a saved result is an :class:`InputError`."""
        value = self.raw(r, c)
        if value is None and self.origin(r, c) in self.uncached:
            raise self.fail(r, c, "是公式，但文件中没有保存计算结果（工作簿由不计算公式的程序生成）；"
                                  "请用 Excel 或 WPS 打开后保存一次，或把公式改为数值")
        return value

    def span(self, r: int, c: int) -> Span:
        return Span(file=self.file, cell=f"{self.name}!{self.ref(r, c)}", excerpt=one_line(self.text(r, c), 80))

    def fail(self, r: int, c: int, problem: str) -> InputError:
        return InputError(f"{self.file}：{self.name}!{self.ref(r, c)} {_SPACES.sub(' ', problem)}")

    def blank_row(self, r: int) -> bool:
        return all(self.raw(r, c) is None for c in range(1, self.max_col + 1))

    def _find_unit(self) -> str:
        for r in range(1, min(self.max_row, 8) + 1):
            for c in range(1, self.max_col + 1):
                match = _UNIT.search(norm(self.raw(r, c)))
                if match:
                    return match.group(1)
        return "万元"

    # ----------------------------------------------------------------- typed cells

    def number(self, r: int, c: int | None, what: str = "数值") -> Decimal | None:
        """A number as written (no unit conversion); None when blank."""
        if c is None:
            return None
        value = self.known(r, c)
        if isinstance(value, bool):
            raise self.fail(r, c, f"应填{what}，实际为“{value}”")
        try:
            parsed = money.parse_amount(value)
        except money.MoneyError:
            raise self.fail(r, c, f"应填{what}，实际为文字“{one_line(value)}”") from None
        if parsed is not None and isinstance(value, (int, float)) and "%" in self._formats.get(self.origin(r, c), ""):
            parsed *= money.HUNDRED  # a percent-formatted cell holds 0.974 for 97.4%
        return parsed

    def amount(self, r: int, c: int | None, *, blank_zero: bool) -> Decimal | None:
        """An amount in 万元 (converted exactly from a 元 sheet); blank → 0 or None."""
        value = self.number(r, c, "金额")
        if value is None:
            return money.ZERO if blank_zero and c is not None else None
        if value < 0:
            raise self.fail(r, c, f"的金额为负数（{one_line(self.text(r, c))}）；{NEGATIVE_HINT}")
        return money.yuan_to_wan(value) if self.yuan else value

    def integer(self, r: int, c: int | None, what: str = "整数") -> int | None:
        text = money.normalize_digits(self.text(r, c)).replace(",", "")
        for unit in _COUNT_UNITS:
            if text.endswith(unit) and text[: -len(unit)].strip():
                text = text[: -len(unit)].strip()
                break
        if text in ("", "-", "—", "/"):
            return None
        try:
            value = Decimal(text)
        except ArithmeticError:
            raise self.fail(r, c, f"应填{what}，实际为“{one_line(self.text(r, c))}”") from None
        if value != value.to_integral_value():
            raise self.fail(r, c, f"应填{what}，实际为“{one_line(self.text(r, c))}”")
        return int(value)

    def decimal(self, r: int, c: int | None, what: str = "数值") -> Decimal | None:
        """A non-money number (area, score, weight); a trailing unit is allowed."""
        text = money.normalize_digits(self.text(r, c))
        for unit in _COUNT_UNITS:
            if text.endswith(unit) and unit != "%" and text[: -len(unit)].strip():
                text = text[: -len(unit)]
                break
        if text == self.text(r, c):
            return self.number(r, c, what)
        try:
            return money.parse_amount(text)
        except money.MoneyError:
            raise self.fail(r, c, f"应填{what}，实际为“{one_line(self.text(r, c))}”") from None

    # ----------------------------------------------------------------- headers

    def _labels(self, r: int, c: int) -> set[str]:
        name = norm(self.raw(r, c))
        out = _variants(name)
        if r > 1:
            group = norm(self.raw(r - 1, c))
            if group and group != name:
                out |= {f"{g}/{n}" for g in _variants(group) for n in _variants(name)}
        return out

    def locate(self, wanted: Mapping[str, Sequence[str]], required: Sequence[str]) -> Columns | None:
        """Find the header row holding every ``required`` field; None when no row does.

        ``wanted`` maps a field to the header texts accepted for it ("group/name" matches a name
        under a merged group header). The first matching column wins.
        """
        specs = {k: {v for text in texts for v in _variants(norm(text)) | _grouped(text)} for k, texts in wanted.items()}
        for r in range(1, min(self.max_row, HEADER_SCAN) + 1):
            labels = {c: self._labels(r, c) for c in range(1, self.max_col + 1)}
            cols: dict[str, int] = {}
            for key, accepted in specs.items():
                for c, found in labels.items():
                    if found & accepted and c not in cols.values():
                        cols[key] = c
                        break
            if all(k in cols for k in required):
                return Columns(r, cols)
        return None

    def require(self, wanted: Mapping[str, Sequence[str]], required: Sequence[str] | None = None) -> Columns:
        """Like :meth:`locate`, but a missing column is an :class:`InputError` naming it."""
        required = list(wanted) if required is None else list(required)
        found = self.locate(wanted, required)
        if found is not None:
            return found
        missing = required
        for key in required:  # name the first column no header row has at all
            if self.locate({key: wanted[key]}, [key]) is None:
                missing = [key]
                break
        name = wanted[missing[0]][0].replace("/", "下的")
        raise InputError(f"{self.file}：工作表“{self.name}”缺少列“{name}”")

    def note_row(self) -> tuple[int, str] | None:
        """The row labelled 表下说明 and its text (the next non-blank cell to the right)."""
        for r in range(1, self.max_row + 1):
            for c in range(1, self.max_col + 1):
                if norm(self.raw(r, c)) == NOTE_LABEL:
                    for c2 in range(c + 1, self.max_col + 1):
                        if self.origin(r, c2) != self.origin(r, c) and self.text(r, c2):
                            return r, self.text(r, c2)
                    return r, ""
        return None


def _grouped(text: str) -> set[str]:
    if "/" not in text:
        return set()
    group, name = text.split("/", 1)
    return {f"{g}/{n}" for g in _variants(norm(group)) for n in _variants(norm(name))}

