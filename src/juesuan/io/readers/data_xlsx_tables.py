"""The nine 公开 tables of the 决算数据 workbook → the model's table records.

Where it sits: called by ``io/readers/data_xlsx.py`` once the sheets are identified. Columns are
found by header text (``Sheet.require``), rows by their label or classification code, so a sheet
whose columns were moved still reads. Blank amount cells in a table mean zero (the form prints
zero as blank); blank total cells (合计, 总计, 本年收入合计 …) mean "not stated", so derive
computes them and checks compare only what was stated. Totals are kept as written, never fixed.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Mapping, Sequence

from ...core import codes
from ...core.model import (
    FUNDS,
    SANGONG_ITEMS,
    T1_INCOME_ROWS,
    TABLE_TITLES,
    CodedTable,
    FiscalSummaryTable,
    Row,
    SangongTable,
    Span,
    SummaryTable,
    Tables,
)
from ...core.profiles import ColumnSpec
from .. import template_layout as L
from .xlsx_sheet import Sheet, label, norm

_SKIP_LABELS = {"", "栏次", "行次"}
_T1_IN_FIELDS = ("income_this_year", "non_fiscal_balance_used", "opening_balance", "income_total")
_T1_OUT_FIELDS = ("expenditure_this_year", "balance_distribution", "closing_balance", "expenditure_total")
#: Source keys as the YAML reader gives them (the printed footer labels).
_T1_SOURCE = dict(zip(_T1_IN_FIELDS + _T1_OUT_FIELDS, ("本年收入合计", "使用非财政拨款结余（含专用结余）", "年初结转和结余",
                                                       "收入总计", "本年支出合计", "结余分配", "年末结转和结余", "支出总计")))
_DIGITS = re.compile(r"^\d+$")


def _lookup(table: Mapping[str, object]) -> dict[str, object]:
    """Label → value with each label's normalised and bracket-free variants."""
    out: dict[str, object] = {}
    for text, value in table.items():
        n = norm(text)
        out.setdefault(n, value)
        out.setdefault(re.sub(r"（[^（）]*）", "", n), value)
    return out


def _find(lookup: Mapping[str, object], text: str) -> object | None:
    lab = label(text)
    return lookup.get(lab, lookup.get(re.sub(r"（[^（）]*）", "", lab)))


def _class_lookup(year: int) -> dict[str, str]:
    table = codes.function_codes(year)
    names = {table.name_of(c): c for c in table.codes() if len(c) == 3}
    for old, new in codes.OUTDATED_NAMES.items():
        if new in names:
            names.setdefault(old, names[new])
    return _lookup(names)  # type: ignore[return-value]


def _class_code(s: Sheet, r: int, c: int, lookup: Mapping[str, object], year: int) -> str | None:
    """A 类 row label ("一、一般公共服务支出" or "201") → its code; None for an unknown label."""
    text = norm(s.text(r, c))
    head = re.match(r"^(\d{3})(?!\d)", text)
    if head and head.group(1) in codes.function_codes(year):
        return head.group(1)
    found = _find(lookup, text)
    return str(found) if found else None


def _code_text(s: Sheet, r: int, c: int | None) -> str:
    return norm(s.text(r, c)).rstrip(".")


def _stated(values: Mapping[str, Decimal | None]) -> dict[str, Decimal]:
    """Drop "not stated" (None) entries, as the YAML reader leaves them out."""
    return {k: v for k, v in values.items() if v is not None}


def _parents(codes_in_sheet) -> set[str]:
    """The codes that have finer codes under them in the sheet (类 over 款, 款 over 项). A blank
    cell of such a row is "not stated": it is summed from the rows under it, as in a YAML file
    (``rules.totals.complete``), never read as zero."""
    present = {c for c in codes_in_sheet if _DIGITS.match(c)}
    return {c[:n] for c in present for n in (3, 5) if len(c) > n and c[:n] in present}


def _is_total(*texts: str) -> bool:
    return any(label(t) in ("合计", "总计") for t in texts)


# --------------------------------------------------------------------------- 公开01

def read_t1(s: Sheet, year: int) -> SummaryTable:
    cols = s.require({
        "in_item": ("收入/项目", "收入项目"), "in_amt": ("收入/决算数", "收入/金额", "收入决算数"),
        "out_item": ("支出/项目", "支出项目"), "out_amt": ("支出/决算数", "支出/金额", "支出决算数"),
    })
    income_rows = _lookup({r: ("income", r) for r in T1_INCOME_ROWS})
    income_foot = _lookup(dict(zip(L.T1_INCOME_FOOTER, _T1_IN_FIELDS)) | {"收入总计": "income_total"})
    out_foot = _lookup(dict(zip(L.T1_EXPENDITURE_FOOTER, _T1_OUT_FIELDS)) | {"支出总计": "expenditure_total"})
    totals = {"income_this_year", "income_total", "expenditure_this_year", "expenditure_total"}
    classes = _class_lookup(year)
    income: dict = {}
    spending: dict = {}
    fields: dict = {}
    sources: dict = {}
    for r in range(cols.header_row + 1, s.max_row + 1):
        text = s.text(r, cols["in_item"])
        if label(text) not in _SKIP_LABELS:
            hit = _find(income_rows, text) or _find(income_foot, text)
            if hit is None:
                raise s.fail(r, cols["in_item"], f"的项目“{text}”不是收入支出决算总表的收入行")
            if isinstance(hit, tuple):
                income[hit[1]] = s.amount(r, cols["in_amt"], blank_zero=True)
                sources[hit[1]] = s.span(r, cols["in_amt"])
            else:
                fields[hit] = s.amount(r, cols["in_amt"], blank_zero=hit not in totals)
                sources[_T1_SOURCE[hit]] = s.span(r, cols["in_amt"])
        text = s.text(r, cols["out_item"])
        if label(text) in _SKIP_LABELS:
            continue
        foot = _find(out_foot, text)
        if foot is not None:
            fields[foot] = s.amount(r, cols["out_amt"], blank_zero=foot not in totals)
            sources[_T1_SOURCE[foot]] = s.span(r, cols["out_amt"])
            continue
        code = _class_code(s, r, cols["out_item"], classes, year)
        if code is None:
            if s.raw(r, cols["out_amt"]) is None:
                continue
            raise s.fail(r, cols["out_item"], f"的项目“{text}”不是{year}年支出功能分类的“类”名称")
        if s.raw(r, cols["out_amt"]) is not None:  # a blank 类 row: the unit has no such spending
            spending[code] = s.amount(r, cols["out_amt"], blank_zero=True)
            sources[code] = s.span(r, cols["out_amt"])
    for row in T1_INCOME_ROWS:
        income.setdefault(row, Decimal(0))
    return SummaryTable(income=income, expenditure=spending, sources=sources, **fields)


# --------------------------------------------------------------------------- 公开04

def read_t4(s: Sheet, year: int) -> FiscalSummaryTable:
    wanted = {"in_item": ("收入/项目",), "in_amt": ("收入/决算数", "收入/金额"), "out_item": ("支出/项目",),
              "合计": ("支出/合计", "支出/小计")}
    wanted |= {fund: (f"支出/{fund}", fund) for fund in FUNDS}
    cols = s.require(wanted)
    funds = _lookup({f: f for f in FUNDS} | {f + "收入": f for f in FUNDS})
    classes = _class_lookup(year)
    income: dict = {}
    opening: dict = {}
    spending: dict = {}
    spent: dict = {}
    closing: dict = {}
    fields: dict = {}
    sources: dict = {}
    after_opening = False
    for r in range(cols.header_row + 1, s.max_row + 1):
        text = s.text(r, cols["in_item"])
        lab = label(text)
        if lab not in _SKIP_LABELS:
            fund = _find(funds, text)
            span = s.span(r, cols["in_amt"])
            if fund is not None:
                target, prefix = (opening, L.T4_OPENING_KEY) if after_opening else (income, "收入")
                target[fund] = s.amount(r, cols["in_amt"], blank_zero=True)
                sources[f"{prefix}.{fund}"] = span
            elif lab == "本年收入合计":
                fields["income_this_year"] = s.amount(r, cols["in_amt"], blank_zero=False)
                sources["本年收入合计"] = span
            elif lab == L.T4_INCOME_OPENING:
                after_opening = True
                fields["opening_total"] = s.amount(r, cols["in_amt"], blank_zero=False)
                sources[L.T4_OPENING_KEY] = span
            elif lab in ("总计", "收入总计"):
                fields["income_total"] = s.amount(r, cols["in_amt"], blank_zero=False)
                sources["收入总计"] = span
            else:
                raise s.fail(r, cols["in_item"], f"的项目“{text}”不是财政拨款收入支出决算总表的收入行")
        text = s.text(r, cols["out_item"])
        lab = label(text)
        if lab in _SKIP_LABELS:
            continue
        keys = L.T4_EXPENDITURE_COLUMNS
        if lab == "本年支出合计":
            for k in keys:
                value = s.amount(r, cols[k], blank_zero=False)
                if value is not None:
                    spent[k] = value
                    sources[f"本年支出合计.{k}"] = s.span(r, cols[k])
        elif lab == L.T4_EXPENDITURE_CLOSING:
            fields["closing_total"] = s.amount(r, cols["合计"], blank_zero=False)
            sources[L.T4_CLOSING_KEY] = s.span(r, cols["合计"])
            for fund in FUNDS:
                closing[fund] = s.amount(r, cols[fund], blank_zero=True)
                sources[f"{L.T4_CLOSING_KEY}.{fund}"] = s.span(r, cols[fund])
        elif lab in ("总计", "支出总计"):
            fields["expenditure_total"] = s.amount(r, cols["合计"], blank_zero=False)
            sources["支出总计"] = s.span(r, cols["合计"])
        else:
            code = _class_code(s, r, cols["out_item"], classes, year)
            stated = any(s.raw(r, cols[k]) is not None for k in keys)
            if code is None and stated:
                raise s.fail(r, cols["out_item"], f"的项目“{text}”不是{year}年支出功能分类的“类”名称")
            if code is not None and stated:
                spending[code] = _stated({k: s.amount(r, cols[k], blank_zero=k not in L.TOTAL_COLUMNS) for k in keys})
                sources.update({f"支出.{code}.{k}": s.span(r, cols[k]) for k in spending[code]})
    for fund in FUNDS:
        income.setdefault(fund, Decimal(0))
        opening.setdefault(fund, Decimal(0))
        closing.setdefault(fund, Decimal(0))
    return FiscalSummaryTable(income=income, opening=opening, expenditure=spending, expenditure_this_year=spent,
                              closing=closing, sources=sources, **fields)


# --------------------------------------------------------------------------- 公开02/03/05/07/08

def _column_specs(key: str) -> dict[str, tuple[str, ...]]:
    specs = {}
    for column in L.CODED_COLUMNS[key]:
        group, name = L.FUND_TABLE_HEADERS.get(column, ("", column)) if key in ("T7", "T8") else ("", column)
        specs[column] = (f"{group}/{name}", column) if group else (column,)
    if key in ("T7", "T8"):
        specs["本年支出合计"] += ("本年支出/小计",)
    return specs


def _code_columns(s: Sheet, specs: dict[str, tuple[str, ...]], name_key: str = "name"):
    """Columns with a single 科目编码 column, or the three-column 类/款/项 form."""
    one = {"code": (L.CODE_HEADER, "功能分类科目编码", "编码"), name_key: (L.NAME_HEADER, "功能分类科目名称")} | specs
    found = s.locate(one, list(one))
    if found is None:
        three = {"类": ("科目编码/类", "类"), "款": ("科目编码/款", "款"), "项": ("科目编码/项", "项"),
                 name_key: one[name_key]} | specs
        found = s.locate(three, list(three))
    return found or s.require(one)


def _joined_code(s: Sheet, r: int, cols) -> str:
    if cols.get("code") is not None:
        return _code_text(s, r, cols["code"])
    parts = [_code_text(s, r, cols[k]) for k in ("类", "款", "项")]
    if not parts[0]:
        return ""
    return parts[0] + "".join(p.zfill(2) for p in parts[1:] if p)


def _check_code(s: Sheet, r: int, c: int, code: str, table: codes.CodeTable, what: str,
                lengths: tuple[int, ...] = (3, 5, 7)) -> None:
    if not (_DIGITS.match(code) and len(code) in lengths) or code not in table:
        raise s.fail(r, c, f"的科目编码“{code}”不在{what}中")


def read_coded(s: Sheet, key: str, year: int, columns: Sequence[ColumnSpec] = (), title: str = "") -> CodedTable:
    """A table by classification code. ``columns`` (a budget form's, from its layout) replace the
    决算's standard columns of ``key``; a 基本支出表 (T6) so given is read by economic code, and a
    blank cell of such a table is not stated (a budget's forms print blanks), not zero."""
    specs = {c.name: (c.printed, c.name, *c.aliases) for c in columns} if columns else _column_specs(key)
    cols = _code_columns(s, specs)
    code_col = cols.get("code") or cols.get("类")
    economic = key == "T6"
    table = codes.economic_codes() if economic else codes.function_codes(year)
    what = "部门预算支出经济分类科目表" if economic else f"{year}年支出功能分类科目表"
    totals = {c.name for c in columns[:1]} | set(L.TOTAL_COLUMNS) if columns else set(L.TOTAL_COLUMNS)
    note = s.note_row()
    lines = [r for r in range(cols.header_row + 1, s.max_row + 1) if not (note and r == note[0])]
    parents = _parents(_joined_code(s, r, cols) for r in lines)
    rows: list[Row] = []
    total: Row | None = None
    for r in lines:
        code = _joined_code(s, r, cols)
        name = s.text(r, cols["name"])
        stated = any(s.raw(r, cols[c]) is not None for c in specs)
        if _is_total(code, name) and not _DIGITS.match(code):
            values = _stated({c: s.amount(r, cols[c], blank_zero=False) for c in specs})
            if values:
                total = Row(code="", name=L.TOTAL_LABEL, values=values, sources={c: s.span(r, cols[c]) for c in values})
            continue
        if not code:
            if stated:
                raise s.fail(r, code_col, f"缺少科目编码（科目名称“{name}”）")
            continue
        _check_code(s, r, code_col, code, table, what, (3, 5) if economic else (3, 5, 7))
        if code in parents:  # a 类/款 row: its blank cells are summed from the rows under it
            values = _stated({c: s.amount(r, cols[c], blank_zero=False) for c in specs})
            if values:
                rows.append(Row(code=code, name=name or table.name_of(code) or "", values=values,
                                sources={c: s.span(r, cols[c]) for c in values}))
            continue
        values = _stated({c: s.amount(r, cols[c], blank_zero=not columns and c not in totals) for c in specs})
        rows.append(Row(code=code, name=name or table.name_of(code) or "", values=values,
                        sources={c: s.span(r, cols[c]) for c in specs}))
    rows.sort(key=lambda row: row.code)  # code order, as the YAML reader gives it
    names = tuple(c.name for c in columns) or L.CODED_COLUMNS[key]
    return CodedTable(key=key, columns=names, rows=tuple(rows), total=total, title=title or TABLE_TITLES[key],
                      note=note[1] if note else "", span=Span(file=s.file, cell=f"{s.name}!A1"))


# --------------------------------------------------------------------------- 公开06

def read_t6(s: Sheet) -> CodedTable:
    panels = []
    two = {}
    for side in (L.T6_LEFT, L.T6_RIGHT):
        two |= {f"{side}.code": (f"{side}/{L.CODE_HEADER}",), f"{side}.name": (f"{side}/{L.NAME_HEADER}",),
                f"{side}.amt": (f"{side}/{L.T6_AMOUNT}",)}
    cols = s.locate(two, list(two))
    if cols is not None:
        panels = [(cols[f"{side}.code"], cols[f"{side}.name"], cols[f"{side}.amt"]) for side in (L.T6_LEFT, L.T6_RIGHT)]
    else:
        cols = s.require({"code": (L.CODE_HEADER,), "name": (L.NAME_HEADER,), "amt": (L.T6_AMOUNT, "金额")})
        panels = [(cols["code"], cols["name"], cols["amt"])]
    econ = codes.economic_codes()
    note = s.note_row()
    rows: list[Row] = []
    subtotals: dict = {}
    sources: dict = {}
    total: Row | None = None
    lines = [r for r in range(cols.header_row + 1, s.max_row + 1) if not (note and r == note[0])]
    parents = _parents(_code_text(s, r, code_col) for r in lines for code_col, _, _ in panels)
    for r in lines:
        for code_col, name_col, amt_col in panels:
            code, name = _code_text(s, r, code_col), s.text(r, name_col)
            tag = label(code) if code and not _DIGITS.match(code) else label(name)
            if tag in L.T6_SUBTOTALS:
                value = s.amount(r, amt_col, blank_zero=False)
                if value is not None:
                    subtotals[tag] = value
                    sources[tag] = s.span(r, amt_col)
                continue
            if tag in ("合计", "总计") and not _DIGITS.match(code):
                value = s.amount(r, amt_col, blank_zero=False)
                if value is not None:
                    total = Row(code="", name=L.TOTAL_LABEL, values={L.T6_AMOUNT: value},
                                sources={L.T6_AMOUNT: s.span(r, amt_col)})
                continue
            if not code:
                if s.raw(r, amt_col) is not None:
                    raise s.fail(r, code_col, f"缺少经济分类科目编码（科目名称“{name}”）")
                continue
            if not (_DIGITS.match(code) and len(code) in (3, 5)) or code not in econ:
                raise s.fail(r, code_col, f"的科目编码“{code}”不在部门预算支出经济分类科目表中")
            if code in parents and s.raw(r, amt_col) is None:
                continue  # a blank 类 row: summed from its 款 rows
            rows.append(Row(code=code, name=name or econ.name_of(code) or "",
                            values={L.T6_AMOUNT: s.amount(r, amt_col, blank_zero=True)},
                            sources={L.T6_AMOUNT: s.span(r, amt_col)}))
    rows.sort(key=lambda row: row.code)
    return CodedTable(key="T6", columns=(L.T6_AMOUNT,), rows=tuple(rows), total=total, subtotals=subtotals,
                      title=TABLE_TITLES["T6"], note=note[1] if note else "",
                      span=Span(file=s.file, cell=f"{s.name}!A1"), sources=sources)


# --------------------------------------------------------------------------- 公开09

def read_t9(s: Sheet) -> SangongTable:
    wanted = {}
    for item in SANGONG_ITEMS:
        for kind in (L.T9_BUDGET, L.T9_ACTUAL):
            wanted[f"{kind}.{item}"] = (f"{item}/{kind}",) + (
                (f"小计/{kind}",) if item == "公务用车购置及运行维护费" else ())
    cols = s.require(wanted)
    note = s.note_row()
    data_row = None
    for r in range(cols.header_row + 1, s.max_row + 1):
        if note and r == note[0]:
            continue
        if any(s.raw(r, c) is not None for c in cols.cols.values()) and label(s.text(r, cols.cols[next(iter(wanted))])) not in ("栏次", "行次"):
            data_row = r
            break
    budget: dict = {}
    actual: dict = {}
    sources: dict = {}
    for key, col in cols.cols.items():
        kind, item = key.split(".", 1)
        blank_zero = item not in L.T9_TOTAL_ITEMS
        if data_row is None:
            value = Decimal(0) if blank_zero else None
        else:
            value = s.amount(data_row, col, blank_zero=blank_zero)
            sources[key] = s.span(data_row, col)
        if value is not None:
            (budget if kind == L.T9_BUDGET else actual)[item] = value
    return SangongTable(budget=budget, actual=actual, note=note[1] if note else "", sources=sources)


def read_tables(sheets: Mapping[str, Sheet], year: int) -> Tables:
    """All nine tables; every table sheet must be present (the caller has checked)."""
    t = {key: sheets[title] for key, title in L.TABLE_SHEETS.items()}
    order = tuple(sorted(t, key=lambda k: t[k].index))
    return Tables(
        order=order,
        t1=read_t1(t["T1"], year),
        t2=read_coded(t["T2"], "T2", year),
        t3=read_coded(t["T3"], "T3", year),
        t4=read_t4(t["T4"], year),
        t5=read_coded(t["T5"], "T5", year),
        t6=read_t6(t["T6"]),
        t7=read_coded(t["T7"], "T7", year),
        t8=read_coded(t["T8"], "T8", year),
        t9=read_t9(t["T9"]),
    )
