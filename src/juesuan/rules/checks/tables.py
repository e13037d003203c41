"""Checks within and between the nine 公开 tables (domain rules §3.1–§3.8, C01–C36).

Where it sits: rules/checks, run by :func:`juesuan.rules.checks.run` over the model's
``Tables`` as the reader or the data gave them (stated values only; a blank total is not
checked). A total against n rounded parts may differ by (n + 1) × 0.005 万元: that gap is
reported as ``ROUNDING`` (info), a larger one at the relation's severity. Empty-table
statements (C37) are in ``completeness``; narrative against tables in ``narrative``.

The tables' columns, income rows and row totals are those of the document's layout
(``ctx.profile.layout``: a 决算's or a budget's), and findings name the tables by the layout's
titles, so the same checks audit a 部门预算 (its 部门收支总表 … in the T1…T9 roles).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from ...core import keys
from ...core.codes import OUTDATED_NAMES, economic_codes, function_codes
from ...core.findings import Finding
from ...core.model import FUNDS, T1_FISCAL_INCOME, T1_INCOME_ROWS, CodedTable, Row
from ..totals import row_parts
from .base import ERROR, WARNING, Code, Context, NotApplicable, check
from . import tables_detail, tables_form
from .support import ROUNDING, amt, equal_finding, named, row_total, sum_finding, table_spec, table_title, year_of
from .support import label_of as _label
from .support import need as _need
from .support import rows_with_total as _rows_with_total
from .support import src as _src
from .support import table_section as _sec

# --------------------------------------------------------------------------- finding codes

T1_INCOME_SUM = Code("T1-INCOME-SUM", ERROR, "收入支出决算总表：本年收入合计不等于各收入项目之和")
T1_EXPENDITURE_SUM = Code("T1-EXPENDITURE-SUM", ERROR, "收入支出决算总表：本年支出合计不等于各功能分类支出之和")
T1_INCOME_TOTAL = Code("T1-INCOME-TOTAL", ERROR, "收入支出决算总表：收入总计不等于本年收入合计＋使用非财政拨款结余＋年初结转和结余")
T1_EXPENDITURE_TOTAL = Code("T1-EXPENDITURE-TOTAL", ERROR, "收入支出决算总表：支出总计不等于本年支出合计＋结余分配＋年末结转和结余")
T1_BALANCE = Code("T1-BALANCE", ERROR, "收入支出决算总表：收入总计不等于支出总计")
T2_ROW_SUM = Code("T2-ROW-SUM", ERROR, "收入决算表：某行本年收入合计不等于各收入栏之和")
T3_ROW_SUM = Code("T3-ROW-SUM", ERROR, "支出决算表：某行本年支出合计不等于各支出栏之和")
T5_ROW_SUM = Code("T5-ROW-SUM", ERROR, "一般公共预算财政拨款支出决算表：某行合计不等于基本支出＋项目支出")
T_HIERARCHY = Code("T-HIERARCHY", ERROR, "类≠所属款之和、款≠所属项之和，或合计≠各类之和（公开02/03/05/07/08）")
T_CODE_NAME = Code("T-CODE-NAME", WARNING, "表中科目名称与该年度政府收支分类科目名称不一致（含已停用的旧名称）")
X_T1_T2 = Code("X-T1-T2", ERROR, "收入决算表合计行与收入支出决算总表对应收入不一致")
X_T1_T3 = Code("X-T1-T3", ERROR, "支出决算表与收入支出决算总表的本年支出合计或各类支出不一致")
T4_ROW_SUM = Code("T4-ROW-SUM", ERROR, "财政拨款收入支出决算总表：某支出行合计不等于三类财政拨款之和")
T4_INCOME_SUM = Code("T4-INCOME-SUM", ERROR, "财政拨款收入支出决算总表：本年收入合计不等于三类财政拨款收入之和")
T4_BALANCE_SPLIT = Code("T4-BALANCE-SPLIT", ERROR, "财政拨款收入支出决算总表：年初（年末）结转和结余不等于分资金之和")
T4_TOTAL = Code("T4-TOTAL", ERROR, "财政拨款收入支出决算总表：收入（支出）总计不等于本年合计＋结转和结余")
T4_BALANCE = Code("T4-BALANCE", ERROR, "财政拨款收入支出决算总表：收入总计不等于支出总计")
T4_FUND_BALANCE = Code("T4-FUND-BALANCE", ERROR, "某类财政拨款：本年收入＋年初结转结余≠本年支出＋年末结转结余")
X_T1_T4 = Code("X-T1-T4", ERROR, "财政拨款收入支出决算总表与收入支出决算总表的财政拨款收入不一致，或财政拨款结转结余大于全部结转结余")
X_T4_T5 = Code("X-T4-T5", ERROR, "一般公共预算财政拨款支出在财政拨款收入支出决算总表与一般公共预算财政拨款支出决算表中不一致")
X_T4_T7 = Code("X-T4-T7", ERROR, "政府性基金预算财政拨款在财政拨款收入支出决算总表与政府性基金表中不一致")
X_T4_T8 = Code("X-T4-T8", ERROR, "国有资本经营预算财政拨款在财政拨款收入支出决算总表与国有资本经营表中不一致")


# --------------------------------------------------------------------------- 公开01

@check(T1_INCOME_SUM, ROUNDING, relations=("C01",))
def t1_income_sum(ctx: Context) -> Iterator[Finding]:
    """公开01 本年收入合计 = 各收入项目之和（决算八项，预算另有财政专户管理资金收入；财政拨款收入合为一行的格式只计该行，“其中”行不计）。"""
    t1 = _need(ctx, "T1")
    title = table_title(ctx, "T1")
    f = sum_finding(code=T1_INCOME_SUM, total=t1.income_this_year, parts=list(t1.income_rows(ctx.profile.layout.income_rows())),
                    total_label="本年收入合计", message=f"{title}本年收入合计与各收入项目之和不一致",
                    spans=[_src(t1.sources, "income_this_year", "本年收入合计")], section=_sec(ctx, "T1"), relation="C01")
    if f:
        yield f


@check(T1_EXPENDITURE_SUM, ROUNDING, relations=("C02",))
def t1_expenditure_sum(ctx: Context) -> Iterator[Finding]:
    """公开01 本年支出合计 = 各功能分类（类）支出之和。"""
    t1 = _need(ctx, "T1")
    if not t1.expenditure:
        raise NotApplicable(f"{table_title(ctx, 'T1')}缺少分类支出行")
    f = sum_finding(code=T1_EXPENDITURE_SUM, total=t1.expenditure_this_year, parts=sorted(t1.expenditure.items()),
                    total_label="本年支出合计", message=f"{table_title(ctx, 'T1')}本年支出合计与各类支出之和不一致",
                    spans=[_src(t1.sources, "expenditure_this_year", "本年支出合计")], section=_sec(ctx, "T1"), relation="C02")
    if f:
        yield f


@check(T1_INCOME_TOTAL, T1_EXPENDITURE_TOTAL, ROUNDING, relations=("C03", "C04"))
def t1_totals(ctx: Context) -> Iterator[Finding]:
    """公开01 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余（预算：上年结转）；支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余（预算：结转下年）。"""
    t1 = _need(ctx, "T1")
    title = table_title(ctx, "T1")
    for code, total, label, parts, rel, field in (
        (T1_INCOME_TOTAL, t1.income_total, "收入总计",
         [("本年收入合计", t1.income_this_year), ("使用非财政拨款结余", t1.non_fiscal_balance_used), ("年初结转和结余", t1.opening_balance)],
         "C03", "income_total"),
        (T1_EXPENDITURE_TOTAL, t1.expenditure_total, "支出总计",
         [("本年支出合计", t1.expenditure_this_year), ("结余分配", t1.balance_distribution), ("年末结转和结余", t1.closing_balance)],
         "C04", "expenditure_total"),
    ):
        f = sum_finding(code=code, total=total, parts=parts, total_label=label, message=f"{title}{label}与其构成之和不一致",
                        spans=[_src(t1.sources, field, label)], section=_sec(ctx, "T1"), relation=rel)
        if f:
            yield f


@check(T1_BALANCE, relations=("C05",))
def t1_balance(ctx: Context) -> Iterator[Finding]:
    """公开01 收入总计 = 支出总计。"""
    t1 = _need(ctx, "T1")
    if ctx.disclosure.identity.partial and not ("income_total" in t1.sources and "expenditure_total" in t1.sources):
        # a copy cut short, its totals not both printed: sums of the rows it kept are no evidence
        raise NotApplicable(f"文件不完整，{table_title(ctx, 'T1')}未读到印出的收入总计和支出总计")
    f = equal_finding(code=T1_BALANCE, left=("收入总计", t1.income_total), right=("支出总计", t1.expenditure_total),
                      message=f"{table_title(ctx, 'T1')}收入总计与支出总计不相等",
                      spans=[_src(t1.sources, "income_total", "收入总计"), _src(t1.sources, "expenditure_total", "支出总计")],
                      section=_sec(ctx, "T1"), relation="C05")
    if f:
        yield f


# --------------------------------------------------------------------------- 公开02/03/05/07/08 rows

def row_sums(ctx: Context, t: CodedTable, code: Code, relation: str) -> Iterator[Finding]:
    """Every row total of ``t`` the layout states (``TableSpec.sums``) against the sum of its parts."""
    title = table_title(ctx, t.key)
    for spec in table_spec(ctx, t.key).sums:
        for row in _rows_with_total(t):
            parts = row_parts(spec.parts, row.values)
            f = sum_finding(code=code, total=row.values.get(spec.total), parts=[(c, row.values.get(c)) for c in parts],
                            total_label=spec.total, message=f"{title}“{_label(row)}”行：{spec.total}与各栏之和不一致",
                            spans=[_src(row.sources, spec.total)], section=_sec(ctx, t.key), relation=relation)
            if f:
                yield f


@check(T2_ROW_SUM, ROUNDING, relations=("C06",))
def t2_row_sum(ctx: Context) -> Iterator[Finding]:
    """公开02 每行：本年收入合计 = 财政拨款收入 + 上级补助收入 + 事业收入 + 经营收入 + 附属单位上缴收入 + 其他收入（预算：合计 = 上年结转 + 各项收入）。"""
    yield from row_sums(ctx, _need(ctx, "T2"), T2_ROW_SUM, "C06")


@check(T3_ROW_SUM, ROUNDING, relations=("C07",))
def t3_row_sum(ctx: Context) -> Iterator[Finding]:
    """公开03 每行：本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出。"""
    yield from row_sums(ctx, _need(ctx, "T3"), T3_ROW_SUM, "C07")


@check(T5_ROW_SUM, ROUNDING, relations=("C08",))
def t5_row_sum(ctx: Context) -> Iterator[Finding]:
    """公开05 每行：合计 = 基本支出 + 项目支出（预算另有：基本支出 = 人员经费 + 公用经费）。"""
    yield from row_sums(ctx, _need(ctx, "T5"), T5_ROW_SUM, "C08")


def _children(t: CodedTable, parent: str) -> list[Row]:
    """Rows directly under ``parent`` (款 under 类, 项 under 款; 项 under 类 when no 款 is printed)."""
    lengths = (5, 7) if len(parent) == 3 else (7,)
    for n in lengths:
        kids = [r for r in t.rows if len(r.code) == n and r.code.startswith(parent)]
        if kids:
            return kids
    return []


def _hierarchy(ctx: Context, t: CodedTable, relation: str) -> Iterator[Finding]:
    columns = t.columns
    title = table_title(ctx, t.key)
    parents: list[tuple[Row, list[Row]]] = []
    for row in t.rows:
        if len(row.code) in (3, 5):
            kids = _children(t, row.code)
            if kids:
                parents.append((row, kids))
    if t.total is not None:
        classes = [r for r in t.rows if len(r.code) == 3]
        if classes:
            parents.append((t.total, classes))
    for row, kids in parents:
        worst: Finding | None = None
        for col in columns:
            f = sum_finding(code=T_HIERARCHY, total=row.values.get(col), parts=[(_label(k), k.values.get(col)) for k in kids],
                            total_label=f"{_label(row)}（{col}）",
                            message=f"{title}“{_label(row)}”的{col}与其下级科目之和不一致",
                            spans=[_src(row.sources, col)], section=_sec(ctx, t.key), relation=relation)
            if f and (worst is None or (worst.code == ROUNDING.id and f.code != ROUNDING.id)):
                worst = f
        if worst:
            yield worst


@check(T_HIERARCHY, ROUNDING, relations=("C09", "C36"))
def hierarchy(ctx: Context) -> Iterator[Finding]:
    """公开02/03/05/07/08 各栏：类 = Σ所属款，款 = Σ所属项，合计 = Σ类（按 3/5/7 位编码前缀）。"""
    t = ctx.disclosure.tables
    present = [x for x in (t.t2, t.t3, t.t5, t.t7, t.t8) if x is not None and x.rows]
    if not present:
        raise NotApplicable("缺少按功能分类列示的表（公开02/03/05/07/08）")
    for table in present:
        yield from _hierarchy(ctx, table, "C36" if table.key in ("T7", "T8") else "C09")


def _norm_name(name: str) -> str:
    out = name.replace("(", "（").replace(")", "）").replace(" ", "").replace("\u3000", "")
    for prefix in ("其中：", "其中:"):
        out = out.removeprefix(prefix)
    return out


@check(T_CODE_NAME, relations=("C10",))
def code_names(ctx: Context) -> Iterator[Finding]:
    """表中每个科目编码的名称与当年《政府收支分类科目》名称一致（公开02/03/05/06/07/08；公开01 各类支出行的名称有错字的）。"""
    t = ctx.disclosure.tables
    present = [x for x in (t.t2, t.t3, t.t5, t.t6, t.t7, t.t8) if x is not None and x.rows]
    if not present and not (t.t1 is not None and t.t1.names):
        raise NotApplicable("缺少含科目编码的表")
    functions = function_codes(ctx.disclosure.unit.year or 2024)
    yield from _t1_misprints(ctx, functions)
    economic = economic_codes()
    for table in present:
        codes = economic if table.key == "T6" else functions
        for row in table.rows:
            official = codes.name_of(row.code) if row.code else None
            if not official or not row.name:
                continue
            if _norm_name(row.name) == _norm_name(official):
                continue
            outdated = OUTDATED_NAMES.get(_norm_name(row.name))
            note = "（已停用的旧名称）" if outdated else ""
            yield T_CODE_NAME(f"{table_title(ctx, table.key)}科目 {row.code} 名称为“{row.name}”{note}，"
                          f"{ctx.disclosure.unit.year or 2024}年科目名称应为“{official}”",
                          {"科目编码": row.code, "表中名称": row.name, "规范名称": official, "关系": "C10"},
                          tuple(s for s in (_src(row.sources, "科目名称", "name"),) if s), _sec(ctx, table.key))


def _t1_misprints(ctx: Context, functions) -> Iterator[Finding]:
    """公开01 prints 类 names without codes: a label the reader matched to a 类 only as a near
    miss is a misprint (an old name it matched exactly is the outdated-name checks' business)."""
    t1 = ctx.disclosure.tables.t1
    year = ctx.disclosure.unit.year or 2024
    for code, printed in sorted((t1.names if t1 is not None else {}).items()):
        official = functions.name_of(code)
        name = _norm_name(printed)
        if not official or name == _norm_name(official) or name in OUTDATED_NAMES:
            continue
        yield T_CODE_NAME(f"{table_title(ctx, 'T1')}支出项目印作“{printed}”，{year}年科目名称为“{official}”（{code}），疑有错字",
                          {"科目编码": code, "表中名称": printed, "规范名称": official, "关系": "C10"},
                          tuple(s for s in (_src(t1.sources, f"名称.{code}"),) if s), _sec(ctx, "T1"))


# --------------------------------------------------------------------------- 公开01 ↔ 02/03

#: 公开01 figures a 收入表 column's 合计 may equal (``ColumnSpec.t1``), besides its income rows.
_T1_FIGURES = {"收入总计": "income_total", "本年收入合计": "income_this_year", "年初结转和结余": "opening_balance"}


def _t1_figure(t1, name: str):
    """The 公开01 figure named ``name`` (a ``ColumnSpec.t1``), the number of rounded amounts it
    adds up, and its source key; (None, 0, "") when 公开01 has no such figure."""
    if name in _T1_FIGURES:
        return getattr(t1, _T1_FIGURES[name]), 1, _T1_FIGURES[name]
    if name == T1_FISCAL_INCOME:
        return t1.fiscal_income(), (1 if T1_FISCAL_INCOME in t1.income else 3), T1_FISCAL_INCOME
    if name in t1.income:
        return t1.income[name], 1, name
    return None, 0, ""


@check(X_T1_T2, ROUNDING, relations=("C11", "C12"))
def t1_t2(ctx: Context) -> Iterator[Finding]:
    """公开02 合计行各栏 = 公开01 对应数（决算：本年收入合计、财政拨款收入 = 一 + 二 + 三、其他各项收入；预算：合计 = 收入总计、上年结转、各项收入）。"""
    t1, t2 = _need(ctx, "T1", "T2")
    if t2.total is None:
        raise NotApplicable(f"{table_title(ctx, 'T2')}缺少合计行")
    t1_title, t2_title = table_title(ctx, "T1"), table_title(ctx, "T2")
    tot = t2.total.values
    for column in table_spec(ctx, "T2").columns:
        v1, slack, where = _t1_figure(t1, column.t1 or column.name)
        relation = "C11" if column.name == row_total(ctx, "T2") else "C12"
        f = equal_finding(code=X_T1_T2, left=(f"{t2_title}{column.name}", tot.get(column.name)),
                          right=(f"{t1_title}{column.t1 or column.name}", v1),
                          message=f"{t2_title}合计行“{column.name}”与{t1_title}不一致", slack_parts=slack,
                          spans=[_src(t2.total.sources, column.name), _src(t1.sources, where) if where else None],
                          section=_sec(ctx, "T2"), relation=relation)
        if f:
            yield f


@check(X_T1_T3, relations=("C13", "C14"))
def t1_t3(ctx: Context) -> Iterator[Finding]:
    """公开03 合计行本年支出合计 = 公开01 本年支出合计；公开01 各类支出 = 公开03 同类行本年支出合计。"""
    t1, t3 = _need(ctx, "T1", "T3")
    t1_title, t3_title = table_title(ctx, "T1"), table_title(ctx, "T3")
    column = row_total(ctx, "T3")
    if t3.total is not None:
        f = equal_finding(code=X_T1_T3, left=(f"{t3_title}{column}", t3.total.values.get(column)),
                          right=(f"{t1_title}本年支出合计", t1.expenditure_this_year),
                          message=f"{t3_title}{column}与{t1_title}本年支出合计不一致",
                          spans=[_src(t3.total.sources, column), _src(t1.sources, "expenditure_this_year")],
                          section=_sec(ctx, "T3"), relation="C13")
        if f:
            yield f
    for code, v1 in sorted(t1.expenditure.items()):
        row = t3.row(code)
        v3 = row.values.get(column) if row else (Decimal(0) if v1 == 0 else None)
        if row is None and v1:
            yield X_T1_T3(f"{t1_title}列有{named(keys.klass(code), year_of(ctx))}{amt(v1)}万元，{t3_title}无此类",
                          {"科目编码": code, "收入支出决算总表": amt(v1), "关系": "C14"},
                          tuple(s for s in (_src(t1.sources, code),) if s), _sec(ctx, "T3"))
            continue
        f = equal_finding(code=X_T1_T3, left=(f"{t1_title}{code}", v1), right=(f"{t3_title}{code}", v3),
                          message=f"{named(keys.klass(code), year_of(ctx))}在{t1_title}与{t3_title}中不一致",
                          spans=[_src(t1.sources, code), _src(row.sources, column) if row else None],
                          section=_sec(ctx, "T3"), relation="C14")
        if f:
            yield f


# --------------------------------------------------------------------------- 公开04

@check(T4_ROW_SUM, ROUNDING, relations=("C15",))
def t4_row_sum(ctx: Context) -> Iterator[Finding]:
    """公开04 每个支出行：合计 = 一般公共预算 + 政府性基金 + 国有资本经营。"""
    t4 = _need(ctx, "T4")
    title = table_title(ctx, "T4")
    rows = sorted(t4.expenditure.items()) + [("本年支出合计", t4.expenditure_this_year)]
    for code, values in rows:
        f = sum_finding(code=T4_ROW_SUM, total=values.get("合计"), parts=[(fund, values.get(fund)) for fund in FUNDS],
                        total_label=f"{code} 合计", message=f"{title}“{code}”行合计与三类财政拨款之和不一致",
                        spans=[_src(t4.sources, f"{code}.合计")], section=_sec(ctx, "T4"), relation="C15")
        if f:
            yield f


@check(T4_INCOME_SUM, T4_BALANCE_SPLIT, ROUNDING, relations=("C16", "C17"))
def t4_sums(ctx: Context) -> Iterator[Finding]:
    """公开04 本年收入合计 = 三类财政拨款收入之和；年初、年末财政拨款结转和结余（预算：上年结转、结转下年）= 分资金之和。"""
    t4 = _need(ctx, "T4")
    title = table_title(ctx, "T4")
    for code, total, label, side, rel in (
        (T4_INCOME_SUM, t4.income_this_year, "本年收入合计", t4.income, "C16"),
        (T4_BALANCE_SPLIT, t4.opening_total, "年初财政拨款结转和结余", t4.opening, "C17"),
        (T4_BALANCE_SPLIT, t4.closing_total, "年末财政拨款结转和结余", t4.closing, "C17"),
    ):
        f = sum_finding(code=code, total=total, parts=[(fund, side.get(fund)) for fund in FUNDS], total_label=label,
                        message=f"{title}{label}与分资金之和不一致", spans=[_src(t4.sources, label)],
                        section=_sec(ctx, "T4"), relation=rel)
        if f:
            yield f


@check(T4_TOTAL, T4_BALANCE, ROUNDING, relations=("C18",))
def t4_totals(ctx: Context) -> Iterator[Finding]:
    """公开04 收入总计 = 本年收入合计 + 年初结转和结余；支出总计 = 本年支出合计 + 年末结转和结余；收入总计 = 支出总计。"""
    t4 = _need(ctx, "T4")
    title = table_title(ctx, "T4")
    for total, label, parts in (
        (t4.income_total, "收入总计", [("本年收入合计", t4.income_this_year), ("年初财政拨款结转和结余", t4.opening_total)]),
        (t4.expenditure_total, "支出总计", [("本年支出合计", t4.expenditure_this_year.get("合计")), ("年末财政拨款结转和结余", t4.closing_total)]),
    ):
        f = sum_finding(code=T4_TOTAL, total=total, parts=parts, total_label=label, message=f"{title}{label}与其构成之和不一致",
                        spans=[_src(t4.sources, label)], section=_sec(ctx, "T4"), relation="C18")
        if f:
            yield f
    f = equal_finding(code=T4_BALANCE, left=("收入总计", t4.income_total), right=("支出总计", t4.expenditure_total),
                      message=f"{title}收入总计与支出总计不相等", section=_sec(ctx, "T4"), relation="C18",
                      spans=[_src(t4.sources, "收入总计"), _src(t4.sources, "支出总计")])
    if f:
        yield f


@check(T4_FUND_BALANCE, ROUNDING, relations=("C19",))
def t4_fund_balance(ctx: Context) -> Iterator[Finding]:
    """公开04 每类资金：本年收入 + 年初结转和结余 = 本年支出 + 年末结转和结余。"""
    t4 = _need(ctx, "T4")
    for fund in FUNDS:
        inc, op = t4.income.get(fund), t4.opening.get(fund)
        sp, cl = t4.expenditure_this_year.get(fund), t4.closing.get(fund)
        if inc is None or sp is None:
            continue
        left = inc + (op or 0)
        f = sum_finding(code=T4_FUND_BALANCE, total=left, parts=[("本年支出", sp), ("年末结转和结余", cl)],
                        total_label=f"{fund}本年收入＋年初结转和结余", message=f"{fund}收支不平衡：本年收入加年初结转和结余不等于本年支出加年末结转和结余",
                        spans=[_src(t4.sources, f"收入.{fund}", fund)], section=_sec(ctx, "T4"), relation="C19")
        if f:
            yield f


_T1_FUND_ROWS = dict(zip(FUNDS, T1_INCOME_ROWS[:3]))


@check(X_T1_T4, relations=("C20", "C21"))
def t1_t4(ctx: Context) -> Iterator[Finding]:
    """公开04 各类财政拨款本年收入 = 公开01 对应收入行（上年结转计入收入行的地区：本年收入 + 上年结转）；公开04 年初（年末）结转和结余 ≤ 公开01 年初（年末）结转和结余。"""
    t1, t4 = _need(ctx, "T1", "T4")
    t1_title, t4_title = table_title(ctx, "T1"), table_title(ctx, "T4")
    folded = ctx.profile.layout.carryover_in_funds
    for fund, row in _T1_FUND_ROWS.items():
        v4, label = t4.income.get(fund), f"{t4_title}{fund}"
        if folded and v4 is not None and t4.opening.get(fund):
            v4, label = v4 + t4.opening[fund], f"{t4_title}{fund}本年收入＋上年结转"
        f = equal_finding(code=X_T1_T4, left=(label, v4), right=(f"{t1_title}{row}", t1.income.get(row)),
                          message=f"{fund}收入在{t1_title}与{t4_title}中不一致", spans=[_src(t4.sources, f"收入.{fund}", fund), _src(t1.sources, row)],
                          section=_sec(ctx, "T4"), relation="C20", slack_parts=2 if folded else 1)
        if f:
            yield f
    for label, fiscal, whole in (("年初", t4.opening_total, t1.opening_balance), ("年末", t4.closing_total, t1.closing_balance)):
        if fiscal is not None and whole is not None and fiscal > whole:
            yield X_T1_T4(f"{label}财政拨款结转和结余大于{t1_title}{label}结转和结余（后者应包含前者）",
                          {f"{label}财政拨款结转和结余": amt(fiscal), f"{label}结转和结余": amt(whole), "关系": "C21"},
                          tuple(s for s in (_src(t4.sources, f"{label}财政拨款结转和结余"),) if s), _sec(ctx, "T4"))


@check(X_T4_T5, relations=("C22",))
def t4_t5(ctx: Context) -> Iterator[Finding]:
    """公开04 一般公共预算财政拨款本年支出及各类 = 公开05 合计及同类行。"""
    t4, t5 = _need(ctx, "T4", "T5")
    t4_title, t5_title = table_title(ctx, "T4"), table_title(ctx, "T5")
    column = row_total(ctx, "T5")
    fund = FUNDS[0]
    if t5.total is not None:
        f = equal_finding(code=X_T4_T5, left=(f"{t4_title}一般公共预算支出", t4.expenditure_this_year.get(fund)),
                          right=(f"{t5_title}{column}", t5.total.values.get(column)),
                          message=f"一般公共预算财政拨款本年支出在{t4_title}与{t5_title}中不一致", section=_sec(ctx, "T5"), relation="C22",
                          spans=[_src(t5.total.sources, column)])
        if f:
            yield f
    for code, values in sorted(t4.expenditure.items()):
        v4 = values.get(fund)
        row = t5.row(code)
        v5 = row.values.get(column) if row else None
        if row is None and v4:
            v5 = Decimal(0)
        f = equal_finding(code=X_T4_T5, left=(f"{t4_title}{code}", v4), right=(f"{t5_title}{code}", v5),
                          message=f"{named(keys.klass(code), year_of(ctx))}的一般公共预算财政拨款支出在{t4_title}与{t5_title}中不一致",
                          section=_sec(ctx, "T5"), relation="C22", spans=[_src(row.sources, column) if row else None])
        if f:
            yield f


@check(X_T4_T7, X_T4_T8, relations=("C23",))
def t4_fund_tables(ctx: Context) -> Iterator[Finding]:
    """公开04 政府性基金（国有资本经营）栏的本年收入、本年支出、年初和年末结转结余 = 公开07（公开08）合计行。"""
    t = ctx.disclosure.tables
    t4 = _need(ctx, "T4")
    t4_title = table_title(ctx, "T4")
    pairs = [(t.t7, FUNDS[1], X_T4_T7), (t.t8, FUNDS[2], X_T4_T8)]
    if all(x is None for x, _, _ in pairs):
        raise NotApplicable(f"缺少{table_title(ctx, 'T7')}、{table_title(ctx, 'T8')}")
    for table, fund, code in pairs:
        if table is None or table.total is None:
            continue
        tot = table.total.values
        title = table_title(ctx, table.key)
        for label, v4, col in (("本年收入", t4.income.get(fund), "本年收入"), ("本年支出", t4.expenditure_this_year.get(fund), row_total(ctx, table.key)),
                               ("年初结转和结余", t4.opening.get(fund), "年初结转和结余"), ("年末结转和结余", t4.closing.get(fund), "年末结转和结余")):
            v7 = tot.get(col)
            if v4 is None and v7 == 0 or v7 is None and v4 == 0:
                continue
            f = equal_finding(code=code, left=(f"{t4_title}{fund}{label}", v4), right=(f"{title}{label}", v7),
                              message=f"{fund}{label}在{t4_title}与{title}中不一致", section=_sec(ctx, table.key), relation="C23",
                              spans=[_src(table.total.sources, col)])
            if f:
                yield f


CHECKS = (
    t1_income_sum, t1_expenditure_sum, t1_totals, t1_balance, t2_row_sum, t3_row_sum, t5_row_sum, hierarchy, code_names,
    t1_t2, t1_t3, t4_row_sum, t4_sums, t4_totals, t4_fund_balance, t1_t4, t4_t5, t4_fund_tables,
) + tables_detail.CHECKS + tables_form.CHECKS
