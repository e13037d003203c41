"""Write the 决算数据 workbook a finance officer fills: blank, or filled from a :class:`Disclosure`.

Where it sits: io/writers, called by ``juesuan template`` (blank) and by anyone who wants a
Disclosure back as editable data. ``io/readers/data_xlsx.py`` reads the same layout back; both
take sheet names, header texts and row labels from ``io/template_layout.py``. Amounts are
written as numbers in 万元 at full precision (each sheet says so in row 3) and shown with two
decimals.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Mapping, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ...core import codes
from ...core.model import (
    FUNDS,
    SANGONG_ITEMS,
    T1_INCOME_ROWS,
    TABLE_TITLES,
    CodedTable,
    Disclosure,
    Row,
)
from .. import template_layout as L
from ..atomic import replacing

HEADER_ROW = 4  # first header row; rows 1–3 hold title, hint and unit
_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=14)
_HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
_THIN = Side(style="thin", color="999999")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_NUMBER_FORMATS = {"amount": "#,##0.00", "decimal": "0.00##", "int": "0", "code": "@", "pct": "0.00"}
_ENUM = "一二三四五六七八九十"


class _Sheet:
    """One worksheet being laid out: title, hint and unit lines, then headers and data."""

    def __init__(self, wb: Workbook, name: str, title: str, hint: str, *, amounts: bool = True):
        self.ws: Worksheet = wb.create_sheet(name)
        self.ws["A1"] = title
        self.ws["A1"].font = _TITLE
        self.ws["A2"] = hint
        if amounts:
            self.ws["A3"] = L.UNIT_WAN
        self.row = HEADER_ROW

    def header(self, names: Sequence[str], groups: Sequence[str] | None = None) -> None:
        """Header row(s): an optional group row (equal neighbours merged) above the names."""
        ws = self.ws
        if groups:
            self._cells(self.row, groups, header=True)
            start = 0
            for i in range(1, len(groups) + 1):
                if i == len(groups) or groups[i] != groups[start]:
                    if groups[start] and i - 1 > start:
                        ws.merge_cells(start_row=self.row, start_column=start + 1, end_row=self.row, end_column=i)
                    for col in range(start + 1, i + 1):
                        if not groups[start] and names[col - 1]:
                            # a header without a group spans both header rows
                            ws.cell(self.row, col, names[col - 1])
                            ws.merge_cells(start_row=self.row, start_column=col, end_row=self.row + 1, end_column=col)
                    start = i
            self.row += 1
        for col, name in enumerate(names, start=1):
            if groups and not groups[col - 1]:
                continue  # merged from the row above
            cell = ws.cell(self.row, col, name)
            cell.font, cell.fill, cell.border, cell.alignment = _BOLD, _HEAD_FILL, _BOX, _CENTER
        self.row += 1
        self.ws.freeze_panes = ws.cell(self.row, 1).coordinate

    def _cells(self, row: int, texts: Sequence[str], *, header: bool = False) -> None:
        for col, text in enumerate(texts, start=1):
            cell = self.ws.cell(row, col, text or None)
            if header:
                cell.font, cell.fill, cell.border, cell.alignment = _BOLD, _HEAD_FILL, _BOX, _CENTER

    def put(self, row: int, col: int, value: object, kind: str = "text") -> None:
        cell = self.ws.cell(row, col)
        if value is not None and value != "":
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # "=2种" is a target value, not a formula
        cell.border = _BOX
        if kind in _NUMBER_FORMATS:
            cell.number_format = _NUMBER_FORMATS[kind]
        elif kind == "text":
            cell.alignment = _WRAP

    def line(self, values: Sequence[tuple[object, str]]) -> int:
        """Write one data row of (value, kind) pairs; return its row number."""
        row = self.row
        for col, (value, kind) in enumerate(values, start=1):
            self.put(row, col, value, kind)
        self.row += 1
        return row

    def note(self, text: str) -> None:
        self.row += 1
        self.put(self.row, 1, L.NOTE_LABEL)
        self.ws.cell(self.row, 1).font = _BOLD
        self.put(self.row, 2, text)
        self.row += 1

    def widths(self, widths: Iterable[float]) -> None:
        for col, width in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(col)].width = width

    def choices(self, options: Sequence[str], ref: str) -> None:
        dv = DataValidation(type="list", formula1='"' + ",".join(options) + '"', allow_blank=True)
        dv.error, dv.errorTitle = "请从下拉列表中选择", "输入有误"
        self.ws.add_data_validation(dv)
        dv.add(ref)


def _enum(i: int) -> str:
    return (_ENUM[i] if i < 10 else str(i + 1)) + "、"


def _class_name(code: str, year: int) -> str:
    return codes.function_codes(year).name_of(code) or code


# --------------------------------------------------------------------------- key/value sheets

def _get(obj: object, path: str) -> object:
    for part in path.split(".", 2 if path.startswith("assets.vehicles.") else -1):
        if obj is None:
            return None
        obj = obj.get(part) if isinstance(obj, Mapping) else getattr(obj, part)
    return obj


def _kv_sheet(wb: Workbook, name: str, rows: Sequence[tuple[str, str, str, str]], source: object,
              *, amounts: bool, validations: dict[str, Sequence[str]] | None = None,
              extra: Mapping[str, object] | None = None) -> None:
    s = _Sheet(wb, name, name, L.HINTS[name], amounts=amounts)
    s.header((L.KV_LABEL, L.KV_VALUE, L.KV_HINT))
    for label, path, kind, hint in rows:
        if extra is not None and path in extra:
            value = extra[path]
        else:
            value = _get(source, path) if source is not None else None
        if kind == "list":
            values = list(value) if value else [None]
        else:
            values = [value]
        for item in values:
            r = s.line(((label, "text"), (item, "text" if kind in ("list", "year") else kind), (hint, "text")))
            if validations and label in validations:
                s.choices(validations[label], f"B{r}")
    s.widths((30, 60, 40))


# --------------------------------------------------------------------------- the nine tables

def _t1(wb: Workbook, d: Disclosure | None, year: int) -> None:
    t = d.tables.t1 if d else None
    s = _Sheet(wb, TABLE_TITLES["T1"], TABLE_TITLES["T1"], L.HINTS["T1"])
    s.header(("项目", "决算数", "项目", "决算数"), ("收入", "收入", "支出", "支出"))
    income = [(_enum(i) + label, t.income.get(label) if t else None) for i, label in enumerate(T1_INCOME_ROWS)]
    codes_ = L.T1_CLASS_CODES if t is None else _ordered_classes(t.expenditure)
    spending = [(_enum(i) + _class_name(c, year), t.expenditure.get(c) if t else None) for i, c in enumerate(codes_)]
    for i in range(max(len(income), len(spending))):
        left = income[i] if i < len(income) else ("", None)
        right = spending[i] if i < len(spending) else ("", None)
        s.line(((left[0], "text"), (left[1], "amount"), (right[0], "text"), (right[1], "amount")))
    footer_in = (t.income_this_year, t.non_fiscal_balance_used, t.opening_balance, t.income_total) if t else (None,) * 4
    footer_out = ((t.expenditure_this_year, t.balance_distribution, t.closing_balance, t.expenditure_total)
                  if t else (None,) * 4)
    for a, b, x, y in zip(L.T1_INCOME_FOOTER, footer_in, L.T1_EXPENDITURE_FOOTER, footer_out):
        s.line(((a, "text"), (b, "amount"), (x, "text"), (y, "amount")))
    s.widths((36, 16, 36, 16))


def _ordered_classes(mapping: Iterable[str]) -> list[str]:
    present = list(mapping)
    standard = [c for c in L.T1_CLASS_CODES if c in present]
    return standard + sorted(c for c in present if c not in standard)


def _t4(wb: Workbook, d: Disclosure | None, year: int) -> None:
    t = d.tables.t4 if d else None
    s = _Sheet(wb, TABLE_TITLES["T4"], TABLE_TITLES["T4"], L.HINTS["T4"])
    s.header(("项目", "决算数", "项目", *L.T4_EXPENDITURE_COLUMNS), ("收入", "收入", *("支出",) * 5))
    left = [(_enum(i) + fund, t.income.get(fund) if t else None) for i, fund in enumerate(FUNDS)]
    classes = L.T1_CLASS_CODES if t is None else _ordered_classes(t.expenditure)
    right = []
    for i, code in enumerate(classes):
        row = t.expenditure.get(code, {}) if t else {}
        right.append((_enum(i) + _class_name(code, year), [row.get(c) for c in L.T4_EXPENDITURE_COLUMNS]))
    blank = [None] * len(L.T4_EXPENDITURE_COLUMNS)
    for i in range(max(len(left), len(right))):
        a = left[i] if i < len(left) else ("", None)
        b = right[i] if i < len(right) else ("", blank)
        s.line(((a[0], "text"), (a[1], "amount"), (b[0], "text"), *((v, "amount") for v in b[1])))
    if t is None:
        spent, closing, opening = [None] * 4, [None] * 4, {}
    else:
        spent = [t.expenditure_this_year.get(c) for c in L.T4_EXPENDITURE_COLUMNS]
        closing = [t.closing_total, *(t.closing.get(f) for f in FUNDS)]
        opening = t.opening
    footer = [
        ("本年收入合计", t.income_this_year if t else None, "本年支出合计", spent),
        (L.T4_INCOME_OPENING, t.opening_total if t else None, L.T4_EXPENDITURE_CLOSING, closing),
        *((f"  {fund}", opening.get(fund), "", blank) for fund in FUNDS),
        ("总计", t.income_total if t else None, "总计", [t.expenditure_total if t else None] + [None] * 3),
    ]
    for a, b, x, ys in footer:
        s.line(((a, "text"), (b, "amount"), (x, "text"), *((v, "amount") for v in ys)))
    s.widths((34, 16, 34, 16, 20, 20, 20))


def _coded(wb: Workbook, key: str, table: CodedTable | None) -> None:
    columns = L.CODED_COLUMNS[key]
    s = _Sheet(wb, TABLE_TITLES[key], TABLE_TITLES[key], L.HINTS[key])
    if key in ("T7", "T8"):
        names = [L.CODE_HEADER, L.NAME_HEADER] + [L.FUND_TABLE_HEADERS.get(c, ("", c))[1] for c in columns]
        groups = ["", ""] + [L.FUND_TABLE_HEADERS.get(c, ("", c))[0] for c in columns]
        s.header(names, groups)
    else:
        s.header((L.CODE_HEADER, L.NAME_HEADER, *columns))
    total = table.total if table else None
    total_row = Row(code="", name=L.TOTAL_LABEL, values=total.values if total else {})
    rows = list(table.rows) if table else []
    ordered = rows + [total_row] if key in L.TOTAL_LAST else [total_row] + rows
    for row in ordered:
        s.line(((row.code, "code"), (row.name, "text"), *((row.values.get(c), "amount") for c in columns)))
    for _ in range(L.SPARE_ROWS):
        s.line(((None, "code"), (None, "text"), *((None, "amount") for _ in columns)))
    s.note(table.note if table else "")
    s.widths((12, 40, *(16,) * len(columns)))


def _t6_rows(table: CodedTable | None) -> tuple[list[Row], list[Row]]:
    if table is not None:
        rows = list(table.rows)
    else:
        econ = codes.economic_codes()
        rows = []
        for cls in (*L.T6_LEFT_CLASSES, *L.T6_RIGHT_CLASSES):
            rows.append(Row(code=cls, name=econ.name_of(cls) or ""))
            for child in econ.children(cls):
                if child in L.T6_OMITTED or (cls == "310" and child not in L.T6_310_SELECTED):
                    continue
                rows.append(Row(code=child, name=econ.name_of(child) or ""))
    right = [r for r in rows if r.code[:3] in L.T6_RIGHT_CLASSES]
    left = [r for r in rows if r.code[:3] not in L.T6_RIGHT_CLASSES]
    return left, right


def _t6(wb: Workbook, table: CodedTable | None) -> None:
    s = _Sheet(wb, TABLE_TITLES["T6"], TABLE_TITLES["T6"], L.HINTS["T6"])
    names = (L.CODE_HEADER, L.NAME_HEADER, L.T6_AMOUNT) * 2
    s.header(names, (L.T6_LEFT,) * 3 + (L.T6_RIGHT,) * 3)
    left, right = _t6_rows(table)
    empty = Row(code="", name="")
    for i in range(max(len(left), len(right)) + L.SPARE_ROWS):
        a = left[i] if i < len(left) else empty
        b = right[i] if i < len(right) else empty
        s.line(((a.code, "code"), (a.name, "text"), (a.values.get(L.T6_AMOUNT), "amount"),
                (b.code, "code"), (b.name, "text"), (b.values.get(L.T6_AMOUNT), "amount")))
    subs = table.subtotals if table else {}
    r = s.line(((L.T6_SUBTOTALS[0], "text"), ("", "text"), (subs.get(L.T6_SUBTOTALS[0]), "amount"),
                (L.T6_SUBTOTALS[1], "text"), ("", "text"), (subs.get(L.T6_SUBTOTALS[1]), "amount")))
    s.ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
    s.ws.merge_cells(start_row=r, start_column=4, end_row=r, end_column=5)
    if table is not None and table.total is not None:
        r = s.line(((L.TOTAL_LABEL, "text"), ("", "text"), (table.total.values.get(L.T6_AMOUNT), "amount")))
        s.ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
    s.note(table.note if table else "")
    s.widths((12, 30, 16, 12, 30, 16))


def _t9(wb: Workbook, d: Disclosure | None) -> None:
    t = d.tables.t9 if d else None
    s = _Sheet(wb, TABLE_TITLES["T9"], TABLE_TITLES["T9"], L.HINTS["T9"])
    groups = [item for item in SANGONG_ITEMS for _ in range(2)]
    s.header([L.T9_BUDGET, L.T9_ACTUAL] * len(SANGONG_ITEMS), groups)
    values = []
    for item in SANGONG_ITEMS:
        values += [(t.budget.get(item) if t else None, "amount"), (t.actual.get(item) if t else None, "amount")]
    s.line(values)
    s.note(t.note if t else "")
    s.widths([14] * len(groups))


# --------------------------------------------------------------------------- other sheets

def _comparatives(wb: Workbook, d: Disclosure | None) -> None:
    s = _Sheet(wb, L.COMPARATIVES_SHEET, L.COMPARATIVES_SHEET, L.HINTS[L.COMPARATIVES_SHEET])
    s.header((L.COMP_KEY, L.COMP_LABEL, *(label for _, label in L.COMP_COLUMNS)))
    keys = dict(L.COMPARATIVE_KEYS)
    if d is not None:
        if d.tables.t5 is not None:
            for row in d.tables.t5.rows:
                if row.level == 3:
                    keys.setdefault(f"项.{row.code}", f"{row.code} {row.name}")
        c = d.comparatives
        for key in sorted({*c.prior, *c.initial_budget, *c.full_year_budget} - set(keys)):
            code = key.removeprefix("项.")
            keys[key] = f"{code} {_class_name(code, d.unit.year)}" if key.startswith("项.") else ""
    for key, label in keys.items():
        values = [getattr(d.comparatives, attr).get(key) if d else None for attr, _ in L.COMP_COLUMNS]
        s.line(((key, "text"), (label, "text"), *((v, "amount") for v in values)))
    s.widths((30, 40, 16, 16, 16))


def _reasons(wb: Workbook, d: Disclosure | None, reason_keys=L.REASON_KEYS, text_keys=L.TEXT_KEYS,
             hint: str = L.HINTS[L.REASONS_SHEET], against: str = "上年") -> None:
    """说明与原因: the reasons (a 决算's, or ``reason_keys`` of a budget, changes ``against`` last
    year's budget) and the other texts, one row each, with the data's own keys added."""
    s = _Sheet(wb, L.REASONS_SHEET, L.REASONS_SHEET, hint, amounts=False)
    s.header((L.REASON_KIND, L.REASON_KEY, L.REASON_LABEL, L.REASON_TEXT))
    reasons, texts = dict(reason_keys), dict(text_keys)
    if d is not None:
        if d.tables.t5 is not None:
            for row in d.tables.t5.rows:
                if row.level == 3:
                    reasons.setdefault(f"项.{row.code}.增减", f"{row.code} {row.name}比{against}增减的主要原因")
        for key in d.reasons:
            reasons.setdefault(key, "")
        for key in d.texts:
            texts.setdefault(key, "")
    for kind, keys, source in ((L.REASON, reasons, d.reasons if d else {}), (L.TEXT, texts, d.texts if d else {})):
        for key, label in keys.items():
            r = s.line(((kind, "text"), (key, "text"), (label, "text"), (source.get(key), "text")))
            s.choices((L.REASON, L.TEXT), f"A{r}")
    s.widths((8, 34, 40, 80))


def _performance(wb: Workbook, d: Disclosure | None) -> None:
    evaluations = d.evaluations if d else ()
    s = _Sheet(wb, L.EVAL_SHEET, L.EVAL_SHEET, L.HINTS[L.EVAL_SHEET], amounts=False)
    s.header([label for _, label in L.EVAL_COLUMNS])
    kinds = {"year": "int", "total": "decimal"}
    for e in evaluations:
        s.line([(getattr(e, attr), kinds.get(attr, "text")) for attr, _ in L.EVAL_COLUMNS])
    s.choices(L.EVAL_KINDS, "B5:B300")
    s.widths((36, 8, 8, 24, 24, 60, 60, 10, 10))

    s = _Sheet(wb, L.FUNDS_SHEET, L.FUNDS_SHEET, L.HINTS[L.FUNDS_SHEET])
    s.header([label for _, label in L.FUND_COLUMNS])
    kinds = {"initial_budget": "amount", "full_year_budget": "amount", "executed": "amount",
             "weight": "decimal", "rate": "pct", "score": "decimal"}
    for e in evaluations:
        for f in e.funds:
            s.line([(e.name, "text")] + [(getattr(f, attr), kinds.get(attr, "text")) for attr, _ in L.FUND_COLUMNS[1:]])
    s.widths((36, 20, 14, 14, 14, 8, 12, 8))

    s = _Sheet(wb, L.INDICATORS_SHEET, L.INDICATORS_SHEET, L.HINTS[L.INDICATORS_SHEET], amounts=False)
    s.header([label for _, label in L.INDICATOR_COLUMNS])
    kinds = {"weight": "decimal", "rate": "pct", "score": "decimal"}
    for e in evaluations:
        for ind in e.indicators:
            comparator, target = L.split_target(ind.target)
            values = {"evaluation": e.name, "comparator": comparator, "target": target}
            s.line([(values[a] if a in values else getattr(ind, a), kinds.get(a, "text")) for a, _ in L.INDICATOR_COLUMNS])
    s.choices(L.COMPARATORS, "F5:F2000")
    s.choices(L.RULES, "K5:K2000")
    s.widths((30, 12, 12, 30, 8, 6, 16, 16, 10, 8, 18, 20, 12, 12, 40))


# --------------------------------------------------------------------------- entry point

def write_workbook(path: str | Path, d: Disclosure | None = None, year: int = 2024) -> None:
    """Write the 决算数据 workbook to ``path``: blank when ``d`` is None, else filled from ``d``."""
    if d is not None:
        year = d.unit.year
    wb = Workbook()
    wb.remove(wb.active)
    unit = d.unit if d else None
    _kv_sheet(wb, L.UNIT_SHEET, L.UNIT_ROWS, unit, amounts=False, validations={"单位性质": L.UNIT_KINDS},
              extra={"profile": d.profile if d else None})
    if unit is None:
        year_row = HEADER_ROW + 1 + [row[1] for row in L.UNIT_ROWS].index("year")
        wb[L.UNIT_SHEET].cell(year_row, 2, year)
    tables = d.tables if d else None
    _t1(wb, d, year)
    _coded(wb, "T2", tables.t2 if tables else None)
    _coded(wb, "T3", tables.t3 if tables else None)
    _t4(wb, d, year)
    _coded(wb, "T5", tables.t5 if tables else None)
    _t6(wb, tables.t6 if tables else None)
    _coded(wb, "T7", tables.t7 if tables else None)
    _coded(wb, "T8", tables.t8 if tables else None)
    _t9(wb, d)
    _comparatives(wb, d)
    _kv_sheet(wb, L.SANGONG_SHEET, L.SANGONG_ROWS, d.sangong if d else None, amounts=False)
    _kv_sheet(wb, L.MATTERS_SHEET, L.MATTERS_ROWS, d.matters if d else None, amounts=True)
    _performance(wb, d)
    _reasons(wb, d)
    with replacing(path) as temp:
        wb.save(str(temp))

