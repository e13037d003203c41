"""Fill the totals a disclosure's tables did not state: ``complete(d)``.

Where it sits: rules, before :mod:`juesuan.rules.derive` (which calls it) and before the
writers that print the nine tables. Data files usually give only the finest rows (项, 款) and
the parts of each total; this module adds what follows from them by plain addition:

* 公开01: 本年收入合计 / 收入总计 / 本年支出合计 / 支出总计 (and the 类 rows from 公开03
  when the data gives none);
* 公开02/03/05/07/08: missing 款 and 类 rows rolled up from the rows under them, the 合计
  row, and the row-wise total columns the layout names (``TableSpec.sums``: 本年收入合计 /
  本年支出合计 / 合计; a budget's 基本支出 = 人员经费 + 公用经费);
* 公开04: fund sums, the 类 rows from 公开05/07/08 when none are given, 总计 on both sides;
* 公开06: 类 rows from 款 rows, 人员经费合计 = 301 + 303, 公用经费合计 = 302 + 310 (+307/309/399)
  (of its row-total column: 决算数, or a budget's 合计);
* 公开09: 公务用车购置及运行维护费 小计 and 合计, for 预算数 and 决算数.

A value that IS stated is never overwritten: an inconsistent stated total stays as it is so
the checks can report it. Pure functions; no I/O.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import Callable, Iterable, Mapping

from ..core.codes import economic_codes, function_codes
from ..core.model import (
    FUNDS,
    T1_FISCAL_INCOME,
    T1_INCOME_ROWS,
    CodedTable,
    Disclosure,
    FiscalSummaryTable,
    Row,
    SangongTable,
    Span,
    SummaryTable,
    Tables,
)
from ..core.money import ZERO
from ..core.profiles import Layout, SumSpec, load_profile

Amount = Decimal | None

#: 公开06 classes that make up 人员经费 and 公用经费.
PERSONNEL_CLASSES = ("301", "303")
PUBLIC_CLASSES = ("302", "310", "307", "309", "399")


def add(values: Iterable[Amount]) -> Amount:
    """Sum of the stated values; None when none is stated (blank stays blank)."""
    stated = [v for v in values if v is not None]
    if not stated:
        return None
    return sum(stated, ZERO)


_CELL = re.compile(r"^(?P<sheet>.+)!(?P<c1>[A-Z]+)(?P<r1>\d+)(?::(?P<c2>[A-Z]+)(?P<r2>\d+))?$")


def _column_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _column_letters(n: int) -> str:
    out = ""
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(65 + rest) + out
    return out


def summed_span(spans: Iterable[Span | None]) -> Span | None:
    """Where a computed total comes from, as one span over the spans of its parts: the range of
    their cells on one sheet ("支出决算表!D6:D8"), or the key path the YAML keys share
    ("表.T3.行"). None unless every part has a cell or key (a published document's figures carry
    pages and lines instead, and a total it does not print has no place)."""
    parts = [sp for sp in spans if sp is not None]
    if not parts or any(not sp.cell for sp in parts):
        return None
    if len({sp.file for sp in parts}) != 1:
        return None
    cells = [_CELL.match(sp.cell) for sp in parts]
    if all(cells) and len({m["sheet"] for m in cells}) == 1:  # type: ignore[index]
        cols = [_column_number(m[k]) for m in cells for k in ("c1", "c2") if m[k]]  # type: ignore[index]
        rows = [int(m[k]) for m in cells for k in ("r1", "r2") if m[k]]  # type: ignore[index]
        first, last = f"{_column_letters(min(cols))}{min(rows)}", f"{_column_letters(max(cols))}{max(rows)}"
        where = first if first == last else f"{first}:{last}"
        return Span(file=parts[0].file, cell=f"{cells[0]['sheet']}!{where}")  # type: ignore[index]
    if any(cells):
        return None
    keys = [sp.cell.split(".") for sp in parts]
    common = []
    for pieces in zip(*keys):
        if len(set(pieces)) != 1:
            break
        common.append(pieces[0])
    return Span(file=parts[0].file, cell=".".join(common)) if common else None


def _first(*values: Amount) -> Amount:
    for v in values:
        if v is not None:
            return v
    return None


# --------------------------------------------------------------------------- coded tables

def _with_sums(row: Row, sums: Mapping[str, Amount], spans: Mapping[str, Span | None]) -> Row:
    """``row`` with each unstated column taken from ``sums``, its span from ``spans``."""
    values, sources = dict(row.values), dict(row.sources)
    for col, v in sums.items():
        if values.get(col) is None and v is not None:
            values[col] = v
            if spans.get(col) is not None:
                sources.setdefault(col, spans[col])  # type: ignore[arg-type]
    return replace(row, values=values, sources=sources)


def _sum_rows(rows: Iterable[Row], columns: Iterable[str]) -> tuple[dict[str, Amount], dict[str, Span | None]]:
    """Column sums over ``rows`` (stated values only) and the span of each sum's parts."""
    rows = list(rows)
    sums: dict[str, Amount] = {}
    spans: dict[str, Span | None] = {}
    for c in columns:
        total = add(r.values.get(c) for r in rows)
        if total is not None:
            sums[c] = total
            spans[c] = summed_span(r.sources.get(c) for r in rows if r.values.get(c) is not None)
    return sums, spans


def national_layout() -> Layout:
    """The layout used when none is given (data files, the composer): the national 决算's."""
    return load_profile("national").layout


def row_parts(parts: tuple[str, ...], values: Mapping[str, Amount]) -> tuple[str, ...]:
    """The parts of a row total that are added: where a row states 财政拨款收入 as one amount,
    the three fund columns beside it are its breakdown, never added to it again."""
    if T1_FISCAL_INCOME in parts and values.get(T1_FISCAL_INCOME) is not None:
        return tuple(p for p in parts if p not in T1_INCOME_ROWS[:3])
    return parts


def _fill_row_total(sums: tuple[SumSpec, ...], row: Row) -> Row:
    """``row`` with each unstated row total (the layout's ``sums``, innermost first) added up; a
    computed total's source is the span of its parts (:func:`summed_span`)."""
    for spec in reversed(sums):
        if row.values.get(spec.total) is not None:
            continue
        parts = row_parts(spec.parts, row.values)
        total = add(row.values.get(c) for c in parts)
        if total is None:
            continue
        span = summed_span(row.sources.get(c) for c in parts if row.values.get(c) is not None)
        row = _with_sums(row, {spec.total: total}, {spec.total: span})
    return row


def complete_coded(table: CodedTable | None, name_of: Callable[[str], str | None],
                   layout: Layout | None = None) -> CodedTable | None:
    """Roll 项 up to 款 and 款 up to 类, fill row totals (the ``layout``'s, national by default)
    and the 合计 row (公开02/03/05/07/08), or the 类 rows and 人员/公用经费合计 (公开06). Stated
    values are kept; a computed value's source is the span of the values it was added up from
    (:func:`summed_span`)."""
    if table is None:
        return None
    layout = layout or national_layout()
    sums = layout.sums(table.key) or national_layout().sums(table.key)
    rows: dict[str, Row] = {}
    uncoded: list[Row] = []
    for r in table.rows:
        if r.code:
            rows[r.code] = _fill_row_total(sums, r)
        else:
            uncoded.append(r)
    columns = table.columns
    for child_len, parent_len in ((7, 5), (5, 3)):
        groups: dict[str, list[Row]] = {}
        for code, r in rows.items():
            if len(code) == child_len:
                groups.setdefault(code[:parent_len], []).append(r)
        for parent, kids in groups.items():
            col_sums, spans = _sum_rows(kids, columns)
            row = rows.get(parent) or Row(code=parent, name=name_of(parent) or "", values={})
            rows[parent] = _fill_row_total(sums, _with_sums(row, col_sums, spans))
    ordered = tuple(_in_column_order(rows[c], columns) for c in sorted(rows)) + tuple(uncoded)
    classes = [r for r in ordered if len(r.code) == 3]
    total = table.total
    subtotals = dict(table.subtotals)
    sources = dict(table.sources)
    if table.key == "T6":
        column = layout.row_total("T6") or (columns[0] if columns else "决算数")
        for label, group in (("人员经费合计", PERSONNEL_CLASSES), ("公用经费合计", PUBLIC_CLASSES)):
            if subtotals.get(label) is None:
                col_sums, spans = _sum_rows((rows[c] for c in group if c in rows), (column,))
                if col_sums:
                    subtotals[label] = col_sums[column]
                    if spans[column] is not None:
                        sources.setdefault(label, spans[column])  # type: ignore[arg-type]
    else:
        col_sums, spans = _sum_rows(classes, columns)
        if total is not None or col_sums:
            total = _fill_row_total(sums, _with_sums(total or Row(code="", name="合计", values={}), col_sums, spans))
    if total is not None:
        total = _in_column_order(total, columns)
    return replace(table, rows=ordered, total=total, subtotals=subtotals, sources=sources)


def _in_column_order(row: Row, columns: tuple[str, ...]) -> Row:
    """The row with its values in the table's column order (other keys kept after them)."""
    values = {c: row.values[c] for c in columns if c in row.values}
    values.update({c: v for c, v in row.values.items() if c not in values})
    return replace(row, values=values)


# --------------------------------------------------------------------------- 公开01 / 公开04

def complete_t1(t1: SummaryTable | None, t3: CodedTable | None, layout: Layout | None = None) -> SummaryTable | None:
    if t1 is None:
        return None
    rows = (layout or national_layout()).income_rows()
    expenditure = dict(t1.expenditure)
    sources = dict(t1.sources)
    if not expenditure and t3 is not None:
        for r in t3.rows:
            if len(r.code) == 3 and r.values.get("本年支出合计") is not None:
                expenditure[r.code] = r.values["本年支出合计"]
                if "本年支出合计" in r.sources:
                    sources.setdefault(r.code, r.sources["本年支出合计"])

    def computed(label: str, parts: Mapping[str, Amount]) -> None:
        """Record where a computed footer figure comes from, unless the table states it."""
        span = summed_span(sources.get(k) for k, v in parts.items() if v is not None)
        if span is not None:
            sources.setdefault(label, span)

    income_year = _first(t1.income_this_year, add(v for _, v in t1.income_rows(rows)))
    if t1.income_this_year is None:
        computed("本年收入合计", dict(t1.income_rows(rows)))
    spend_year = _first(t1.expenditure_this_year, add(expenditure.values()))
    if t1.expenditure_this_year is None:
        computed("本年支出合计", expenditure)
    income_total = t1.income_total
    if income_total is None and income_year is not None:
        income_total = income_year + (t1.non_fiscal_balance_used or ZERO) + (t1.opening_balance or ZERO)
        computed("收入总计", {"本年收入合计": income_year, "使用非财政拨款结余（含专用结余）": t1.non_fiscal_balance_used,
                          "年初结转和结余": t1.opening_balance})
    spend_total = t1.expenditure_total
    if spend_total is None and spend_year is not None:
        spend_total = spend_year + (t1.balance_distribution or ZERO) + (t1.closing_balance or ZERO)
        computed("支出总计", {"本年支出合计": spend_year, "结余分配": t1.balance_distribution,
                          "年末结转和结余": t1.closing_balance})
    return replace(
        t1,
        expenditure=expenditure,
        income_this_year=income_year,
        income_total=income_total,
        expenditure_this_year=spend_year,
        expenditure_total=spend_total,
        sources=sources,
    )


def _class_rows(table: CodedTable | None, column: str) -> dict[str, Amount]:
    if table is None:
        return {}
    return {r.code: r.values.get(column) for r in table.rows if len(r.code) == 3}


def complete_t4(t4: FiscalSummaryTable | None, tables: Tables) -> FiscalSummaryTable | None:
    if t4 is None:
        return None
    income = dict(t4.income)
    spans = dict(t4.sources)
    if not income and tables.t1 is not None:
        for fund in FUNDS:
            value = tables.t1.income.get(fund + "收入")
            if value is not None:
                income[fund] = value
                if fund + "收入" in tables.t1.sources:  # the figure is the 公开01 one: point there
                    spans.setdefault(f"收入.{fund}", tables.t1.sources[fund + "收入"])
    expenditure = {code: dict(v) for code, v in t4.expenditure.items()}
    if not expenditure:
        sources = (
            (FUNDS[0], _class_rows(tables.t5, "合计")),
            (FUNDS[1], _class_rows(tables.t7, "本年支出合计")),
            (FUNDS[2], _class_rows(tables.t8, "本年支出合计")),
        )
        for fund, by_class in sources:
            for code, value in by_class.items():
                if value is not None:
                    expenditure.setdefault(code, {})[fund] = value
        for fund, table, column in ((FUNDS[0], tables.t5, "合计"), (FUNDS[1], tables.t7, "本年支出合计"),
                                    (FUNDS[2], tables.t8, "本年支出合计")):
            for r in table.rows if table is not None else ():
                if len(r.code) == 3 and column in r.sources:
                    spans.setdefault(f"支出.{r.code}.{fund}", r.sources[column])
        expenditure = {c: expenditure[c] for c in sorted(expenditure)}
    for values in expenditure.values():
        if values.get("合计") is None:
            total = add(values.get(f) for f in FUNDS)
            if total is not None:
                values["合计"] = total
    spend_year = dict(t4.expenditure_this_year)
    for col in FUNDS + ("合计",):
        if spend_year.get(col) is None:
            total = add(v.get(col) for v in expenditure.values())
            if total is not None:
                spend_year[col] = total
                span = summed_span(spans.get(f"支出.{code}.{col}") for code, v in expenditure.items()
                                   if v.get(col) is not None)
                if span is not None:
                    spans.setdefault(f"本年支出合计.{col}", span)
    if spend_year.get("合计") is None:
        total = add(spend_year.get(f) for f in FUNDS)
        if total is not None:
            spend_year["合计"] = total
    income_year = _first(t4.income_this_year, add(income.get(f) for f in FUNDS))
    opening_total = _first(t4.opening_total, add(t4.opening.get(f) for f in FUNDS))
    closing_total = _first(t4.closing_total, add(t4.closing.get(f) for f in FUNDS))
    income_total = t4.income_total
    if income_total is None and income_year is not None:
        income_total = income_year + (opening_total or ZERO)
        span = summed_span(spans.get(f"收入.{f}") for f in FUNDS if income.get(f) is not None)
        if span is not None:
            spans.setdefault("收入总计", span)
    spend_total = t4.expenditure_total
    if spend_total is None and spend_year.get("合计") is not None:
        spend_total = spend_year["合计"] + (closing_total or ZERO)
        if spans.get("本年支出合计.合计") is not None:
            spans.setdefault("支出总计", spans["本年支出合计.合计"])
    return replace(
        t4,
        income=income,
        expenditure=expenditure,
        expenditure_this_year=spend_year,
        income_this_year=income_year,
        opening_total=opening_total,
        closing_total=closing_total,
        income_total=income_total,
        expenditure_total=spend_total,
        sources=spans,
    )


# --------------------------------------------------------------------------- 公开09

def _complete_sangong_side(side: Mapping[str, Amount]) -> dict[str, Amount]:
    out = dict(side)
    if out.get("公务用车购置及运行维护费") is None:
        value = add(out.get(k) for k in ("公务用车购置费", "公务用车运行维护费"))
        if value is not None:
            out["公务用车购置及运行维护费"] = value
    if out.get("合计") is None:
        value = add(out.get(k) for k in ("因公出国（境）费", "公务用车购置及运行维护费", "公务接待费"))
        if value is not None:
            out["合计"] = value
    return out


def complete_t9(t9: SangongTable | None) -> SangongTable | None:
    if t9 is None:
        return None
    return replace(t9, budget=_complete_sangong_side(t9.budget), actual=_complete_sangong_side(t9.actual))


# --------------------------------------------------------------------------- the whole disclosure

def complete(d: Disclosure, layout: Layout | None = None) -> Disclosure:
    """Return ``d`` with every total its tables imply filled in (row totals as ``layout`` — the
    document's profile's — says; the national 决算's when None); stated values are never changed."""
    t = d.tables
    functions = function_codes(d.unit.year or 2024)
    economic = economic_codes()
    t2 = complete_coded(t.t2, functions.name_of, layout)
    t3 = complete_coded(t.t3, functions.name_of, layout)
    t5 = complete_coded(t.t5, functions.name_of, layout)
    t6 = complete_coded(t.t6, economic.name_of, layout)
    t7 = complete_coded(t.t7, functions.name_of, layout)
    t8 = complete_coded(t.t8, functions.name_of, layout)
    t1 = complete_t1(t.t1, t3, layout)
    partial = replace(t, t1=t1, t2=t2, t3=t3, t5=t5, t6=t6, t7=t7, t8=t8)
    t4 = complete_t4(t.t4, partial)
    t9 = complete_t9(t.t9)
    return replace(d, tables=replace(partial, t4=t4, t9=t9))
