"""A budget's tables (部门预算 / 单位预算) in their printed forms, as :class:`Grid` blocks.

Where it sits: beside :mod:`.layout` (the 决算's nine tables), which hands a budget's tables here.
What a budget's form prints is the profile's layout (``core.profiles.Layout``): each table's title,
its columns in order (``TableSpec.columns``, printed by their ``label``), the 收支总表's income rows
(``TableSpec.rows``; the three funds printed under a 财政拨款收入 row when the form has one) and the
unit the form prints in (``TableSpec.unit``: the 上海 单位预算 prints 元, whole, where others print
万元 with two decimals). The slots keep their roles: T1 收支总表 … T9 “三公”经费支出表.

Amounts are rounded once, here; a numeric :class:`Cell` keeps the full-precision amount in the
table's own unit (元 tables: the 元 amount), so a workbook sums what it shows. Blank (None) stays
blank, zero prints 0.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterable, Mapping

from ...core.codes import economic_codes, function_codes
from ...core.document import Cell, Grid
from ...core.model import FUNDS, SANGONG_ITEMS, T1_FISCAL_INCOME, T1_INCOME_ROWS, TABLE_TITLES, CodedTable, Disclosure
from ...core.money import TEN_THOUSAND, fmt_amount
from ...core.profiles import ColumnSpec, Profile, TableSpec
from ...phrasebook.sections import cn
from ...rules.totals import add
from .cells import head, label
from .layout import _class_name, _panels, table_note

__all__ = ["budget_grids"]

#: The 三公 items the form prints across, with the vehicle group over its two parts.
_CARS = SANGONG_ITEMS[2]
_EMPTY_NOTES = {
    "T7": "本单位{year}年度没有使用政府性基金预算拨款安排的支出，本表无数据。",
    "T8": "本单位{year}年度没有使用国有资本经营预算拨款安排的支出，本表无数据。",
    "T9": "本单位{year}年度没有使用一般公共预算拨款安排的“三公”经费支出，本表无数据。",
}
#: The fund columns of the 财政拨款收支总表's 支出 side, as the budget forms head them.
_FUND_HEADS = ("一般公共预算", "政府性基金预算", "国有资本经营预算")


class _Money:
    """Amount cells in the table's unit: 万元 with two decimals, or whole 元."""

    def __init__(self, unit: str):
        self.unit = unit or "万元"

    def cell(self, value: Decimal | None, *, bold: bool = False) -> Cell:
        if value is None:
            return Cell(align="right", bold=bold)
        if self.unit == "元":
            yuan = value * TEN_THOUSAND  # the exact 元 of a 万元 amount
            return Cell(text=fmt_amount(yuan, places=0), value=yuan, align="right", bold=bold)
        return Cell(text=fmt_amount(value), value=value, align="right", bold=bold)


def _spec(profile: Profile, key: str) -> TableSpec:
    return profile.layout.table(key) or TableSpec(key=key, title=TABLE_TITLES[key])


def _columns(profile: Profile, key: str, table: CodedTable | None) -> tuple[ColumnSpec, ...]:
    spec = profile.layout.table(key)
    if spec is not None and spec.columns:
        return spec.columns
    names = table.columns if table is not None else ("合计",)
    return tuple(ColumnSpec(name=n) for n in names)


def _with_balances(opening: Decimal | None, closing: Decimal | None) -> bool:
    """The 本年合计 and 上年结转 / 结转下年 rows are printed when the budget states a balance
    (a form without them, such as the 上海 单位预算's, prints the 总计 rows only)."""
    return opening is not None or closing is not None


# --------------------------------------------------------------------------- T1 收支总表

def _income_rows(d: Disclosure, profile: Profile, money: _Money) -> list[tuple[Cell, ...]]:
    """The income rows: numbered 一、二、…; the funds under a 财政拨款收入 row as its parts 1、2、3、."""
    t = d.tables.t1
    spec = _spec(profile, "T1")
    rows = spec.rows or tuple(ColumnSpec(name=r) for r in T1_INCOME_ROWS)
    names = [r.name for r in rows]
    grouped = T1_FISCAL_INCOME in names
    out, n, part = [], 0, 0
    for row in rows:
        value = t.income.get(row.name) if t is not None else None
        if grouped and row.name in T1_INCOME_ROWS[:3]:
            part += 1
            text = f"　　{part}、{row.printed}"
        else:
            n += 1
            text = f"{cn(n)}、{row.printed}"
        out.append((label(text), money.cell(value)))
    return out


def _t1(d: Disclosure, profile: Profile, money: _Money) -> tuple[tuple, tuple]:
    t = d.tables.t1
    header = ((label("收入", colspan=2, bold=True, align="center"), label("支出", colspan=2, bold=True, align="center")),
              head("项目", "预算数", "项目", "预算数"))
    left = _income_rows(d, profile, money)
    spending = t.expenditure if t is not None else {}
    codes = [c for c in sorted(spending) if spending.get(c) is not None]
    right = [(label(f"{cn(i + 1)}、{_class_name(c, d.unit.year)}"), money.cell(spending[c])) for i, c in enumerate(codes)]
    body = _panels(left, right, 2, 2)
    opening, closing = (t.opening_balance, t.closing_balance) if t is not None else (None, None)
    if _with_balances(opening, closing):
        body.append((label("本年收入合计", bold=True, align="center"), money.cell(t.income_this_year, bold=True),
                     label("本年支出合计", bold=True, align="center"), money.cell(t.expenditure_this_year, bold=True)))
        body.append((label("上年结转"), money.cell(opening), label("结转下年"), money.cell(closing)))
    total_in = t.income_total if t is not None else None
    total_out = t.expenditure_total if t is not None else None
    body.append((label("收入总计", bold=True, align="center"), money.cell(total_in, bold=True),
                 label("支出总计", bold=True, align="center"), money.cell(total_out, bold=True)))
    return header, tuple(body)


# --------------------------------------------------------------------------- T4 财政拨款收支总表

def _fund_labels(profile: Profile) -> tuple[str, ...]:
    """The funds as the form's 收支总表 prints them (its rows' labels), else the budget forms' words."""
    labels = {r.name: r.label for r in _spec(profile, "T1").rows}
    defaults = ("一般公共预算拨款收入", "政府性基金预算拨款收入", "国有资本经营预算拨款收入")
    return tuple(labels.get(row) or default for row, default in zip(T1_INCOME_ROWS[:3], defaults))


def _t4(d: Disclosure, profile: Profile, money: _Money) -> tuple[tuple, tuple]:
    t = d.tables.t4
    header = ((label("收入", colspan=2, bold=True, align="center"), label("支出", colspan=5, bold=True, align="center")),
              head("项目", "预算数", "项目", "合计", *_FUND_HEADS))
    funds = _fund_labels(profile)
    income = t.income if t is not None else {}
    left = [(label(f"{cn(i + 1)}、{name}"), money.cell(income.get(fund))) for i, (fund, name) in enumerate(zip(FUNDS, funds))]
    spending = t.expenditure if t is not None else {}
    codes = [c for c in sorted(spending) if any(v is not None for v in spending[c].values())]

    def spend_row(text: str, values: Mapping[str, Decimal | None], bold: bool = False) -> tuple[Cell, ...]:
        return (label(text, bold=bold, align="center" if bold else ""),
                *(money.cell(values.get(k), bold=bold) for k in ("合计", *FUNDS)))

    right = [spend_row(f"{cn(i + 1)}、{_class_name(c, d.unit.year)}", spending[c]) for i, c in enumerate(codes)]
    body = _panels(left, right, 2, 5)
    opening = t.opening_total if t is not None else None
    closing = t.closing_total if t is not None else None
    if _with_balances(opening, closing):
        body.append((label("本年收入合计", bold=True, align="center"), money.cell(t.income_this_year, bold=True))
                    + spend_row("本年支出合计", t.expenditure_this_year, bold=True))
        body.append((label("上年结转"), money.cell(opening))
                    + spend_row("结转下年", {"合计": closing, **t.closing}))
        for fund, name in zip(FUNDS, funds):
            body.append((label(f"　　{name}"), money.cell(t.opening.get(fund))) + tuple(Cell() for _ in range(5)))
    total = {"合计": t.expenditure_total if t is not None else None}
    if t is not None:
        for fund in FUNDS:
            total[fund] = add((t.expenditure_this_year.get(fund), t.closing.get(fund)))
    body.append((label("收入总计", bold=True, align="center"), money.cell(t.income_total if t else None, bold=True))
                + spend_row("支出总计", total, bold=True))
    return header, tuple(body)


# --------------------------------------------------------------------------- coded tables

def _coded(d: Disclosure, profile: Profile, key: str, money: _Money) -> tuple[tuple, tuple]:
    """A table by classification code: 科目编码, 科目名称, the layout's columns; 合计 last."""
    table: CodedTable | None = getattr(d.tables, key.lower())
    columns = _columns(profile, key, table)
    header = (head("科目编码", "科目名称", *(c.printed for c in columns)),)
    economic = key == "T6"
    names = economic_codes() if economic else function_codes(d.unit.year)
    rows = []
    for row in table.rows if table is not None else ():
        depth = (len(row.code) - 3) // 2 if row.code else 0
        name = row.name or names.name_of(row.code) or ""
        rows.append((label(row.code), label("　" * depth + name), *(money.cell(row.values.get(c.name)) for c in columns)))
    total = _total(table, columns) if table is not None else {}
    rows.append((label("合计", colspan=2, bold=True, align="center"),
                 *(money.cell(total.get(c.name), bold=True) for c in columns)))
    return header, tuple(rows)


def _total(table: CodedTable, columns: Iterable[ColumnSpec]) -> Mapping[str, Decimal | None]:
    """The 合计 row: as the table states it, else (a 基本支出表, whose 合计 the totals leave to its
    subtotals) the sum of its 类 rows."""
    if table.total is not None:
        return table.total.values
    classes = [r for r in table.rows if len(r.code) == 3]
    return {c.name: add(r.values.get(c.name) for r in classes) for c in columns}


# --------------------------------------------------------------------------- T9 “三公”

def _t9(d: Disclosure, profile: Profile, money: _Money) -> tuple[tuple, tuple]:
    """The items across, one row of this year's budget; last year's budget as a second row when
    the data gives it; 机关运行经费 beside them when the form's title names it."""
    t = d.tables.t9
    operating = "机关运行经费" in _spec(profile, "T9").title
    c = lambda text, **kw: label(text, bold=True, align="center", **kw)  # noqa: E731
    first = [c("“三公”经费预算数", colspan=6)]
    if operating:
        first.append(c("机关运行经费预算数", rowspan=3))
    header = (
        tuple(first),
        (c("合计", rowspan=2), c(SANGONG_ITEMS[1], rowspan=2), c(SANGONG_ITEMS[5], rowspan=2), c(_CARS, colspan=3)),
        (c("小计"), c(SANGONG_ITEMS[3]), c(SANGONG_ITEMS[4])),
    )
    order = (SANGONG_ITEMS[0], SANGONG_ITEMS[1], SANGONG_ITEMS[5], _CARS, SANGONG_ITEMS[3], SANGONG_ITEMS[4])
    own = t.actual if t is not None else {}
    tail = (money.cell(d.matters.operating_cost),) if operating else ()
    body = [tuple(money.cell(own.get(item)) for item in order) + tail]
    return header, tuple(body)


def _t9_with_last_year(d: Disclosure) -> tuple[tuple, tuple]:
    """Items down the rows, this year's and last year's budget side by side (the form used when
    the data gives last year's 三公 budget)."""
    t = d.tables.t9
    money = _Money("万元")
    header = (head("项目", "本年预算数", "上年预算数"),)
    rows = []
    for item in SANGONG_ITEMS:
        indent = "　　" if item in SANGONG_ITEMS[3:5] else ""
        rows.append((label(indent + item), money.cell(t.actual.get(item)), money.cell(t.budget.get(item))))
    return header, tuple(rows)


# --------------------------------------------------------------------------- the grids

def budget_grids(d: Disclosure, profile: Profile) -> tuple[Grid, ...]:
    """The budget's nine tables in the profile's ``table_order``, each with its form's title,
    columns and unit, laid out even when empty."""
    order = [k for k in (profile.phrase("table_order") or TABLE_TITLES) if k in TABLE_TITLES]
    order += [k for k in TABLE_TITLES if k not in order]
    grids = []
    for key in order:
        spec = _spec(profile, key)
        unit = spec.unit or "万元"
        money = _Money(unit)
        if key == "T1":
            header, body = _t1(d, profile, money)
        elif key == "T4":
            header, body = _t4(d, profile, money)
        elif key == "T9" and d.tables.t9 is not None and any(v is not None for v in d.tables.t9.budget.values()):
            header, body = _t9_with_last_year(d)
            unit = "万元"
        elif key == "T9":
            header, body = _t9(d, profile, money)
        else:
            header, body = _coded(d, profile, key, money)
        grids.append(Grid(key=key, title=spec.title, header=header, body=body, unit=unit,
                          note=table_note(key, d, _EMPTY_NOTES), landscape=key in ("T1", "T4", "T9") or len(header[-1]) > 6))
    return tuple(grids)
