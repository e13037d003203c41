"""The nine 公开 tables in their standard printed forms, as format-neutral :class:`Grid` blocks.

Where it sits: between the model and the writers. ``compose`` calls :func:`table_grids` (and
:func:`performance_grids`, re-exported from :mod:`.performance`) and every writer renders the
grids it gets; no writer knows what a 收入支出决算总表 looks like. Amounts are shown in 万元 with
two decimals (``money.fmt_amount``); each numeric :class:`Cell` keeps the full-precision Decimal
in ``value``. A blank amount (None) prints as an empty cell, never as 0.00.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Mapping, Sequence

from ...core.codes import economic_codes, function_codes
from ...core.document import Cell, Grid
from ...core.model import (
    FUND_TABLE_COLUMNS,
    FUNDS,
    SANGONG_ITEMS,
    T1_INCOME_ROWS,
    T2_COLUMNS,
    T3_COLUMNS,
    T5_COLUMNS,
    TABLE_TITLES,
    CodedTable,
    Disclosure,
    FiscalSummaryTable,
    SangongTable,
    SummaryTable,
)
from ...core.profiles import Profile
from ...phrasebook.sections import cn
from ...rules.totals import add
from .cells import head as _head
from .cells import label, num
from .performance import performance_grids

__all__ = ["table_grids", "performance_grids", "table_title"]

#: 功能分类 类 printed on the expenditure side of 公开01/公开04 (the 26 rows of the 2024 form).
T1_CLASSES = (
    "201", "202", "203", "204", "205", "206", "207", "208", "210", "211", "212", "213", "214",
    "215", "216", "217", "219", "220", "221", "222", "223", "224", "229", "231", "232", "234",
)
#: 公开06 panels: 经济分类 类 on each side, and the 310 款 the form prints.
T6_LEFT = ("301", "303")
T6_RIGHT = ("302", "310")
T6_CAPITAL = ("31001", "31002", "31003", "31007", "31013", "31019", "31021", "31022", "31099")
T6_PERSONNEL_TOTAL = "人员经费合计"
T6_PUBLIC_TOTAL = "公用经费合计"
NUMBER_FORMS = {k: f"公开{int(k[1:]):02d}表" for k in TABLE_TITLES}

_EMPTY_NOTES = {
    "T7": "说明：本单位{year}年度没有政府性基金预算财政拨款收入、支出和结转结余，本表无数据。",
    "T8": "说明：本单位{year}年度没有国有资本经营预算财政拨款收入、支出和结转结余，本表无数据。",
    "T9": "说明：本单位{year}年度没有财政拨款“三公”经费支出，本表无数据。",
}


# --------------------------------------------------------------------------- helpers

def table_title(key: str, profile: Profile) -> str:
    """The table's title: the profile's ``table_titles`` override, else the 2024 standard name."""
    titles = profile.phrase("table_titles") or {}
    return str(titles.get(key) or TABLE_TITLES[key])


def _class_name(code: str, year: int) -> str:
    return function_codes(year).name_of(code) or code


# --------------------------------------------------------------------------- two-panel tables

def _panels(left: Sequence[tuple[Cell, ...]], right: Sequence[tuple[Cell, ...]],
            left_width: int, right_width: int) -> list[tuple[Cell, ...]]:
    """Put two panels side by side, padding the shorter one with empty cells."""
    rows = []
    for i in range(max(len(left), len(right))):
        lrow = left[i] if i < len(left) else tuple(Cell() for _ in range(left_width))
        rrow = right[i] if i < len(right) else tuple(Cell() for _ in range(right_width))
        rows.append(lrow + rrow)
    return rows


def _t1(t: SummaryTable, year: int) -> tuple[tuple, tuple]:
    header = (
        (label("收入", colspan=2, bold=True, align="center"), label("支出", colspan=2, bold=True, align="center")),
        _head("项目", "决算数", "项目", "决算数"),
    )
    left = [(label(f"{cn(i + 1)}、{name}"), num(t.income.get(name))) for i, name in enumerate(T1_INCOME_ROWS)]
    codes = list(T1_CLASSES) + [c for c in t.expenditure if c not in T1_CLASSES]
    right = [(label(f"{cn(i + 1)}、{_class_name(c, year)}"), num(t.expenditure.get(c))) for i, c in enumerate(codes)]
    body = _panels(left, right, 2, 2)
    footer = [
        ("本年收入合计", t.income_this_year, "本年支出合计", t.expenditure_this_year),
        ("使用非财政拨款结余（含专用结余）", t.non_fiscal_balance_used, "结余分配", t.balance_distribution),
        ("年初结转和结余", t.opening_balance, "年末结转和结余", t.closing_balance),
        ("总计", t.income_total, "总计", t.expenditure_total),
    ]
    bold_rows = {"本年收入合计", "总计"}
    for ltext, lval, rtext, rval in footer:
        bold = ltext in bold_rows
        body.append((label(ltext, bold=bold, align="center" if bold else ""), num(lval, bold=bold),
                     label(rtext, bold=bold, align="center" if bold else ""), num(rval, bold=bold)))
    return header, tuple(body)


def _t4(t: FiscalSummaryTable, year: int) -> tuple[tuple, tuple]:
    header = (
        (label("收入", colspan=2, bold=True, align="center"), label("支出", colspan=5, bold=True, align="center")),
        _head("项目", "决算数", "项目", "合计", *FUNDS),
    )
    left = [(label(f"{cn(i + 1)}、{f}"), num(t.income.get(f))) for i, f in enumerate(FUNDS)]
    codes = list(T1_CLASSES) + [c for c in t.expenditure if c not in T1_CLASSES]

    def exp_row(text: str, values: Mapping[str, Decimal | None], bold: bool = False) -> tuple[Cell, ...]:
        return (label(text, bold=bold, align="center" if bold else ""),
                *(num(values.get(k), bold=bold) for k in ("合计", *FUNDS)))

    right = [exp_row(f"{cn(i + 1)}、{_class_name(c, year)}", t.expenditure.get(c, {})) for i, c in enumerate(codes)]
    body = _panels(left, right, 2, 5)
    blank_right = tuple(Cell() for _ in range(5))
    body.append((label("本年收入合计", bold=True, align="center"), num(t.income_this_year, bold=True))
                + exp_row("本年支出合计", t.expenditure_this_year, bold=True))
    closing = {"合计": t.closing_total, **{f: t.closing.get(f) for f in FUNDS}}
    body.append((label("年初财政拨款结转和结余"), num(t.opening_total)) + exp_row("年末财政拨款结转和结余", closing))
    for f in FUNDS:
        body.append((label(f"　　{f}"), num(t.opening.get(f))) + blank_right)
    totals: dict[str, Decimal | None] = {"合计": t.expenditure_total}
    for f in FUNDS:
        spent, left_over = t.expenditure_this_year.get(f), t.closing.get(f)
        totals[f] = None if spent is None or left_over is None else spent + left_over
    body.append((label("总计", bold=True, align="center"), num(t.income_total, bold=True)) + exp_row("总计", totals, bold=True))
    return header, tuple(body)


# --------------------------------------------------------------------------- coded tables

def _coded_body(t: CodedTable | None, columns: Sequence[str], year: int, *, total_last: bool = False) -> tuple:
    rows: list[tuple[Cell, ...]] = []
    for row in (t.rows if t else ()):
        name = row.name or function_codes(year).name_of(row.code) or ""
        indent = "　" * max(row.level - 1, 0)
        rows.append((label(row.code), label(indent + name), *(num(row.values.get(c)) for c in columns)))
    total = t.total if t else None
    values = total.values if total else {}
    total_row = (label("合计", colspan=2, bold=True, align="center"),
                 *(num(values.get(c), bold=True) for c in columns))
    return tuple(rows + [total_row]) if total_last else tuple([total_row] + rows)


def _coded_header(columns: Sequence[str]) -> tuple:
    return (_head("科目编码", "科目名称", *columns),)


def _fund_header() -> tuple:
    first = (
        label("科目编码", rowspan=2, bold=True, align="center"),
        label("科目名称", rowspan=2, bold=True, align="center"),
        label("年初结转和结余", rowspan=2, bold=True, align="center"),
        label("本年收入", rowspan=2, bold=True, align="center"),
        label("本年支出", colspan=3, bold=True, align="center"),
        label("年末结转和结余", rowspan=2, bold=True, align="center"),
    )
    return (first, _head("小计", "基本支出", "项目支出"))


def _t6(t: CodedTable | None) -> tuple[tuple, tuple]:
    header = (
        (label("人员经费", colspan=3, bold=True, align="center"), label("公用经费", colspan=3, bold=True, align="center")),
        _head("科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数"),
    )
    econ = economic_codes()
    given = {r.code: r for r in (t.rows if t else ())}

    def panel(classes: Sequence[str]) -> tuple[list[tuple[Cell, ...]], Decimal | None]:
        out, class_values = [], []
        for cls in classes:
            kuan = T6_CAPITAL if cls == "310" else tuple(econ.children(cls))
            kuan = kuan + tuple(c for c in given if len(c) == 5 and c[:3] == cls and c not in kuan)
            kuan_values = {c: given[c].values.get("决算数") if c in given else None for c in kuan}
            cls_value = given[cls].values.get("决算数") if cls in given else add(kuan_values.values())
            class_values.append(cls_value)
            out.append((label(cls, bold=True), label(econ.name_of(cls) or cls, bold=True), num(cls_value, bold=True)))
            for c in kuan:
                name = given[c].name if c in given and given[c].name else econ.name_of(c) or ""
                out.append((label(c), label("　" + name), num(kuan_values[c])))
        return out, add(class_values)

    others = sorted({c[:3] for c in given if c[:3] not in T6_LEFT + T6_RIGHT})
    left, left_sum = panel(T6_LEFT)
    right, right_sum = panel(T6_RIGHT + tuple(others))
    body = _panels(left, right, 3, 3)
    subtotals = t.subtotals if t else {}
    personnel = subtotals.get(T6_PERSONNEL_TOTAL, left_sum)
    public = subtotals.get(T6_PUBLIC_TOTAL, right_sum)
    body.append((label(T6_PERSONNEL_TOTAL, colspan=2, bold=True, align="center"), num(personnel, bold=True),
                 label(T6_PUBLIC_TOTAL, colspan=2, bold=True, align="center"), num(public, bold=True)))
    return header, tuple(body)


def _t9(t: SangongTable | None) -> tuple[tuple, tuple]:
    c = lambda text, **kw: label(text, bold=True, align="center", **kw)  # noqa: E731
    header = (
        (c("合计", colspan=2, rowspan=2), c(SANGONG_ITEMS[1], colspan=2, rowspan=2),
         c(SANGONG_ITEMS[2], colspan=6), c(SANGONG_ITEMS[5], colspan=2, rowspan=2)),
        (c("小计", colspan=2), c(SANGONG_ITEMS[3], colspan=2), c(SANGONG_ITEMS[4], colspan=2)),
        tuple(c(x) for _ in SANGONG_ITEMS for x in ("预算数", "决算数")),
    )
    budget = t.budget if t else {}
    actual = t.actual if t else {}
    body = (tuple(cell for item in SANGONG_ITEMS for cell in (num(budget.get(item)), num(actual.get(item)))),)
    return header, body


# --------------------------------------------------------------------------- the nine grids

def _is_empty(key: str, d: Disclosure) -> bool:
    table = getattr(d.tables, key.lower())
    if table is None:
        return True
    if isinstance(table, CodedTable):
        return table.is_empty()
    if isinstance(table, SangongTable):
        return not any(table.budget.values()) and not any(table.actual.values())
    return False


def table_note(key: str, d: Disclosure, notes: Mapping[str, str] = _EMPTY_NOTES) -> str:
    """The note under a table: its own, else the form's words for an empty table (``notes``)."""
    table = getattr(d.tables, key.lower())
    own = getattr(table, "note", "") if table is not None else ""
    if own:
        return own
    if key in notes and _is_empty(key, d):
        return notes[key].format(year=d.unit.year)
    return ""


def _grid_for(key: str, d: Disclosure) -> tuple[tuple, tuple, bool]:
    """(header, body, landscape) of one table key."""
    year = d.unit.year
    tables = d.tables
    if key == "T1":
        return (*_t1(tables.t1 or SummaryTable(), year), False)
    if key == "T4":
        return (*_t4(tables.t4 or FiscalSummaryTable(), year), True)
    if key == "T6":
        return (*_t6(tables.t6), False)
    if key == "T9":
        return (*_t9(tables.t9), True)
    if key in ("T7", "T8"):
        t = getattr(tables, key.lower())
        return _fund_header(), _coded_body(t, FUND_TABLE_COLUMNS, year), True
    columns = {"T2": T2_COLUMNS, "T3": T3_COLUMNS, "T5": T5_COLUMNS}[key]
    t = getattr(tables, key.lower())
    body = _coded_body(t, columns, year, total_last=(key == "T5"))
    return _coded_header(columns), body, key != "T5"


def table_grids(d: Disclosure, profile: Profile) -> tuple[Grid, ...]:
    """The nine tables in the profile's ``table_order`` (default T1…T9), each laid out even when
    empty; a budget's in its own form (:mod:`.budget_tables`)."""
    if d.identity.kind == "预算":
        from .budget_tables import budget_grids  # it uses this module's helpers

        return budget_grids(d, profile)
    order = [k for k in (profile.phrase("table_order") or TABLE_TITLES) if k in TABLE_TITLES]
    order += [k for k in TABLE_TITLES if k not in order]
    grids = []
    for key in order:
        header, body, landscape = _grid_for(key, d)
        grids.append(Grid(key=key, title=table_title(key, profile), header=header, body=body,
                          unit="万元", note=table_note(key, d), code=NUMBER_FORMS[key], landscape=landscape))
    return tuple(grids)

