"""Checks of how the tables are filled in as forms: the unit named in their headers, the amount
unit they state, and the 财政拨款 spending the fiscal tables must show.

Where it sits: rules/checks, after ``tables`` and ``tables_detail`` in the table catalogue
(``tables.CHECKS`` lists these functions last). They read only the model: ``Tables.issuers``
(the 编制单位 each table's header prints, as the reader found it), ``Tables.units`` and the coded
tables.
"""

from __future__ import annotations

from typing import Iterator

from decimal import Decimal

from ...core.findings import Finding
from ...core.model import T1_FISCAL_INCOME, T1_INCOME_ROWS, CodedTable, Row, Span, Tables
from .base import WARNING, Code, Context, NotApplicable, check
from .support import amt, label_of, need, reports_of, row_total, src, table_section, table_title

T_ISSUER_BLANK = Code("T-ISSUER-BLANK", WARNING, "公开表表头的“单位名称（编制单位）”后为空白，未写明编制单位")
T_UNIT_MISSING = Code("T-UNIT-MISSING", WARNING, "同一文件的公开表大多标明金额单位（“单位：万元”），个别表没有标明，读者无从知道其金额单位")
X_FISCAL_SPENDING = Code("X-FISCAL-SPENDING", WARNING,
                         "某科目的收入全部是财政拨款、当年又有支出，列示财政拨款支出的表（公开04，或公开05/07/08，"
                         "或高等学校财政拨款支出决算表）却没有该科目，财政拨款支出可能漏列")


def _at_table(table: object, title: str, excerpt: str) -> Span | None:
    """A span on the page where ``table`` starts, marking ``excerpt`` of its head."""
    span = getattr(table, "span", None)
    if span is None:
        rows = getattr(table, "rows", ())
        sources = [*(getattr(table, "sources", None) or {}).values(), *(s for r in rows for s in r.sources.values())]
        span = next((s for s in sources if s.page is not None), None)
    if span is None:
        return None
    return Span(file=span.file, page=span.page, excerpt=excerpt, cell=f"{title}表头")


@check(T_ISSUER_BLANK)
def issuer_blank(ctx: Context) -> Iterator[Finding]:
    """公开表表头印有“单位名称：”（编制单位）的，其后应写明编制单位，不应空白。"""
    t = ctx.disclosure.tables
    if not t.issuers:
        raise NotApplicable("表头没有“单位名称（编制单位）”栏")
    blank = [k for k in t.present() if t.issuers.get(k) == ""]
    if blank:
        titles = "、".join(table_title(ctx, k) for k in blank)
        spans = tuple(s for s in (_at_table(getattr(t, k.lower()), table_title(ctx, k), "单位名称：") for k in blank) if s)
        yield T_ISSUER_BLANK(f"{len(blank)}张公开表表头的编制单位（“单位名称：”“编制部门：”等）后为空白，未写明编制单位（{titles}）",
                             {"表": titles}, spans, reports_of(ctx))


@check(T_UNIT_MISSING)
def unit_missing(ctx: Context) -> Iterator[Finding]:
    """公开表表头应标明金额单位；同一文件其他表都标明了、某表没有的，指出该表（其金额按万元读取）。"""
    t = ctx.disclosure.tables
    present = [k for k in t.present() if k in t.units]
    stated = [k for k in present if t.units[k]]
    if not stated:
        raise NotApplicable("公开表都没有标明金额单位，或未能读取表头")
    missing = [k for k in present if not t.units[k]]
    if missing and len(stated) >= len(missing):
        titles = "、".join(table_title(ctx, k) for k in missing)
        units = "、".join(dict.fromkeys(t.units[k] for k in stated))
        spans = tuple(s for s in (_at_table(getattr(t, k.lower()), table_title(ctx, k), table_title(ctx, k)) for k in missing) if s)
        yield T_UNIT_MISSING(f"{titles}表头没有标明金额单位（其他表标明“单位：{units}”），已按万元读取，请核实",
                             {"表": titles, "其他表的单位": units}, spans, reports_of(ctx))


# --------------------------------------------------------------------------- 财政拨款 spending

def _spending_codes(table: CodedTable | None, column: str) -> set[str]:
    if table is None:
        return set()
    return {r.code for r in table.rows if r.code and r.values.get(column)}


def _fiscal_codes(ctx: Context, t: Tables) -> tuple[set[str], int, str] | None:
    """The codes that have 财政拨款 spending in the tables that show all of it, the code length
    they are shown at (3: by 类 only, 7: down to 项) and the table's name; None when no set of
    tables shows all of it."""
    if t.t4 is not None:
        codes = {c for c, v in t.t4.expenditure.items() if any(x for x in v.values())}
        return codes, 3, table_title(ctx, "T4")
    if t.t5 is not None and t.t5.covers_all_fiscal_funds():
        return _spending_codes(t.t5, "合计"), 7, table_title(ctx, "T5")
    if t.t5 is not None and t.t7 is not None and t.t8 is not None:
        codes = _spending_codes(t.t5, "合计") | _spending_codes(t.t7, "本年支出合计") | _spending_codes(t.t8, "本年支出合计")
        return codes, 7, "一般公共预算、政府性基金预算、国有资本经营预算财政拨款支出表"
    return None


def _fiscal_income(row: Row) -> Decimal | None:
    """A 收入表 row's 财政拨款 income: its 财政拨款收入, else the sum of its fund columns (a budget's)."""
    if row.values.get(T1_FISCAL_INCOME) is not None:
        return row.values[T1_FISCAL_INCOME]
    funds = [row.values.get(c) for c in T1_INCOME_ROWS[:3] if row.values.get(c) is not None]
    return sum(funds, Decimal(0)) if funds else None


@check(X_FISCAL_SPENDING)
def fiscal_spending(ctx: Context) -> Iterator[Finding]:
    """收入决算表中收入全部为财政拨款、支出决算表中当年有支出的科目，应列在财政拨款支出的表中（公开04 按类；无公开04 时公开05/07/08，高等学校为财政拨款支出决算表）。"""
    t2, t3 = need(ctx, "T2", "T3")
    tables = ctx.disclosure.tables
    fiscal = _fiscal_codes(ctx, tables)
    if fiscal is None:
        raise NotApplicable("缺少列示全部财政拨款支出的表（财政拨款收入支出决算总表，或一般公共预算、政府性基金、国有资本经营预算财政拨款支出表）")
    covered, depth, name = fiscal
    income_column, spent_column = row_total(ctx, "T2"), row_total(ctx, "T3")
    reported: list[str] = []
    for row in sorted(t2.rows, key=lambda r: r.code):
        code = row.code
        if len(code) > depth or any(code.startswith(p) for p in reported):
            continue
        income, from_fiscal = row.values.get(income_column), _fiscal_income(row)
        spent_row = t3.row(code)
        spent = spent_row.values.get(spent_column) if spent_row is not None else None
        if not from_fiscal or from_fiscal < 0 or income != from_fiscal or not spent or spent < 0:
            continue
        if any(code.startswith(c) or c.startswith(code) for c in covered):
            continue  # shown, at this level or at another (a table printed by 类 only)
        reported.append(code)
        key = "T4" if tables.t4 is not None else "T5"
        yield X_FISCAL_SPENDING(
            f"{table_title(ctx, 'T2')}“{label_of(row)}”的收入{amt(income)}万元全部是财政拨款，{table_title(ctx, 'T3')}"
            f"该科目支出{amt(spent)}万元，而{name}没有该科目：财政拨款安排的支出可能漏列，请核实",
            {"科目编码": code, "财政拨款收入": amt(from_fiscal), "本年支出合计": amt(spent), "表": name},
            tuple(s for s in (_at_table(getattr(tables, key.lower()), name, name), src(spent_row.sources, spent_column)) if s),
            table_section(ctx, key))


CHECKS = (issuer_blank, unit_missing, fiscal_spending)
