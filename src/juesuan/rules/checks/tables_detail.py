"""Checks of 公开05/06/07/08/09 against themselves and the other tables (C24–C36).

Where it sits: rules/checks, the second half of the table catalogue; ``tables.CHECKS`` lists
these functions after its own (C01–C23), so the registry sees one ``tables`` module.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from ...core.findings import Finding
from ...core.model import CodedTable
from ..totals import PERSONNEL_CLASSES, PUBLIC_CLASSES, row_parts
from .base import ERROR, WARNING, Code, Context, NotApplicable, check
from .support import ROUNDING, absent, amt, equal_finding, is_budget, kind_word, row_total, sum_finding, table_spec, table_title, total_of
from .support import label_of as _label, need as _need, rows_with_total as _rows_with_total, src as _src
from .support import table_section as _sec

# --------------------------------------------------------------------------- finding codes

X_T3_T5 = Code("X-T3-T5", ERROR, "一般公共预算财政拨款支出大于同科目全部资金支出（公开05 > 公开03）")
X_T3_T4_NONFISCAL = Code("X-T3-T4-NONFISCAL", WARNING, "财政拨款本年支出大于全部资金本年支出（公开04 > 公开03），非财政拨款支出为负")
T6_CLASS_SUM = Code("T6-CLASS-SUM", ERROR, "基本支出决算表：经济分类类级不等于所属款级之和")
T6_PERSONNEL = Code("T6-PERSONNEL", ERROR, "人员经费合计不等于 301 工资福利支出＋303 对个人和家庭的补助")
T6_PUBLIC = Code("T6-PUBLIC", ERROR, "公用经费合计不等于 302 商品和服务支出＋310 资本性支出（含 307/309/399）")
X_T5_T6 = Code("X-T5-T6", ERROR, "人员经费合计＋公用经费合计不等于一般公共预算财政拨款基本支出")
X_T5_T6_ECON = Code("X-T5-T6-ECON", WARNING, "经济分类款与对应功能科目的基本支出不一致（如 30113 住房公积金 与 2210201 住房公积金），请核实")
T9_SUM = Code("T9-SUM", ERROR, "三公经费表：合计不等于因公出国（境）费＋公务用车购置及运行维护费＋公务接待费")
T9_VEHICLE_SUM = Code("T9-VEHICLE-SUM", ERROR, "三公经费表：公务用车购置及运行维护费不等于购置费＋运行维护费")
X_T6_T9 = Code("X-T6-T9", ERROR, "基本支出中的三公类经济科目大于三公经费表同项决算数")
T_FUND_ROW = Code("T-FUND-ROW", ERROR, "政府性基金（国有资本经营）表：年初结转结余＋本年收入－本年支出≠年末结转结余，或本年支出≠基本＋项目")


# --------------------------------------------------------------------------- 公开05 ↔ 公开03

@check(X_T3_T5, relations=("C24",))
def t3_t5(ctx: Context) -> Iterator[Finding]:
    """每个功能科目：公开05 合计、基本支出、项目支出 ≤ 公开03 本年支出合计、基本支出、项目支出（财政拨款是全部资金的一部分）。"""
    t3, t5 = _need(ctx, "T3", "T5")
    t3_title = table_title(ctx, "T3")
    columns = ((row_total(ctx, "T5"), row_total(ctx, "T3")), ("基本支出", "基本支出"), ("项目支出", "项目支出"))
    pairs = [(r, t3.row(r.code)) for r in t5.rows if r.code]
    if t5.total is not None and t3.total is not None:
        pairs.append((t5.total, t3.total))
    for r5, r3 in pairs:
        for c5, c3 in columns:
            v5 = r5.values.get(c5)
            v3 = r3.values.get(c3) if r3 is not None else None
            if v5 is None or not v5 or (r3 is not None and v3 is None):
                continue
            v3 = v3 if v3 is not None else Decimal(0)
            if v5 > v3:
                yield X_T3_T5(f"“{_label(r5)}”一般公共预算财政拨款{c5}{amt(v5)}万元大于{t3_title}同科目{c3}{amt(v3)}万元",
                              {f"一般公共预算财政拨款支出{kind_word(ctx)}表": amt(v5), f"支出{kind_word(ctx)}表": amt(v3), "栏目": c5, "关系": "C24"},
                              tuple(s for s in (_src(r5.sources, c5),) if s), _sec(ctx, "T5"))


@check(X_T3_T4_NONFISCAL, relations=("C25",))
def t3_t4_nonfiscal(ctx: Context) -> Iterator[Finding]:
    """公开03 本年支出合计 − 公开04 本年支出合计 = 非财政拨款资金支出，不应为负。"""
    t3, t4 = _need(ctx, "T3", "T4")
    t3_title, t4_title = table_title(ctx, "T3"), table_title(ctx, "T4")
    v3 = t3.total.values.get(row_total(ctx, "T3")) if t3.total is not None else None
    v4 = t4.expenditure_this_year.get("合计")
    if v3 is None or v4 is None:
        raise NotApplicable(f"缺少{t3_title}或{t4_title}的本年支出合计")
    if v4 > v3:
        yield X_T3_T4_NONFISCAL(f"财政拨款本年支出大于全部资金本年支出，请核对{t3_title}与{t4_title}",
                      {f"支出{kind_word(ctx)}表本年支出合计": amt(v3), "财政拨款本年支出合计": amt(v4), "差额": amt(v3 - v4), "关系": "C25"},
                      (), _sec(ctx, "T4"))


# --------------------------------------------------------------------------- 公开06

def _econ_class(t6: CodedTable, cls: str, column: str) -> Decimal | None:
    row = t6.row(cls)
    if row is not None and row.values.get(column) is not None:
        return row.values[column]
    kids = [r.values.get(column) for r in t6.rows if len(r.code) == 5 and r.code.startswith(cls)]
    kids = [k for k in kids if k is not None]
    return sum(kids, Decimal(0)) if kids else None


@check(T6_CLASS_SUM, ROUNDING, relations=("C26",))
def t6_class_sum(ctx: Context) -> Iterator[Finding]:
    """公开06 每个经济分类类（301/302/303/310…）= 所属款之和（款下列有明细的，款 = 所属明细之和），各栏分别核对。"""
    t6 = _need(ctx, "T6")
    title = table_title(ctx, "T6")
    columns = [row_total(ctx, "T6")] + [c for c in t6.columns if c != row_total(ctx, "T6")]
    for row in t6.rows:
        if len(row.code) not in (3, 5):
            continue
        kids = [r for r in t6.rows if len(r.code) == len(row.code) + 2 and r.code.startswith(row.code)]
        if not kids:
            continue
        for column in columns:
            f = sum_finding(code=T6_CLASS_SUM, total=row.values.get(column), parts=[(_label(k), k.values.get(column)) for k in kids],
                            total_label=f"{_label(row)}（{column}）" if column != columns[0] else _label(row),
                            message=f"{title}“{_label(row)}”的{column}与所属下级科目之和不一致",
                            spans=[_src(row.sources, column)], section=_sec(ctx, "T6"), relation="C26")
            if f:
                yield f


@check(T6_PERSONNEL, T6_PUBLIC, ROUNDING, relations=("C27", "C28"))
def t6_subtotals(ctx: Context) -> Iterator[Finding]:
    """公开06 人员经费合计 = 301 + 303；公用经费合计 = 302 + 310（+ 307/309/399）。"""
    t6 = _need(ctx, "T6")
    column = row_total(ctx, "T6")
    for code, label, classes, rel in ((T6_PERSONNEL, "人员经费合计", PERSONNEL_CLASSES, "C27"),
                                      (T6_PUBLIC, "公用经费合计", PUBLIC_CLASSES, "C28")):
        total = t6.subtotals.get(label)
        parts = [(c, _econ_class(t6, c, column)) for c in classes]
        f = sum_finding(code=code, total=total, parts=[p for p in parts if p[1] is not None], total_label=label,
                        message=f"{table_title(ctx, 'T6')}{label}与对应经济分类类级之和不一致", spans=[_src(t6.sources, label)],
                        section=_sec(ctx, "T6"), relation=rel)
        if f:
            yield f


@check(X_T5_T6, ROUNDING, relations=("C29",))
def t5_t6(ctx: Context) -> Iterator[Finding]:
    """公开06 人员经费合计 + 公用经费合计 = 公开05 合计行基本支出。"""
    t5, t6 = _need(ctx, "T5", "T6")
    basic = t5.total.values.get("基本支出") if t5.total is not None else None
    parts = [("人员经费合计", t6.subtotals.get("人员经费合计")), ("公用经费合计", t6.subtotals.get("公用经费合计"))]
    f = sum_finding(code=X_T5_T6, total=basic, parts=parts, total_label="一般公共预算财政拨款基本支出",
                    message=f"{table_title(ctx, 'T6')}人员经费与公用经费之和不等于{table_title(ctx, 'T5')}基本支出",
                    spans=[_src(t5.total.sources, "基本支出") if t5.total else None], section=_sec(ctx, "T6"), relation="C29")
    if f:
        yield f


#: Economic 款 in 公开06 and the function 项 in 公开05 that normally carry the same basic spending.
_CROSS = ((("30108",), ("2080505",)), (("30109",), ("2080506",)), (("30110", "30111"), ("21011",)), (("30113",), ("2210201",)))


@check(X_T5_T6_ECON, relations=("C30",))
def t5_t6_cross(ctx: Context) -> Iterator[Finding]:
    """公开06 30108/30109/30110+30111/30113 通常等于公开05 2080505/2080506/21011xx/2210201 的基本支出（提示性）。"""
    t5, t6 = _need(ctx, "T5", "T6")
    column = row_total(ctx, "T6")
    for econ, func in _CROSS:
        ev = [t6.value(c, column) for c in econ]
        fv = [r.values.get("基本支出") for r in t5.rows if len(r.code) == 7 and any(r.code.startswith(p) for p in func)]
        if all(v is None for v in ev) or not fv or all(v is None for v in fv):
            continue
        e = total_of(ev)
        fsum = total_of(fv)
        f = equal_finding(code=X_T5_T6_ECON, left=("经济分类 " + "+".join(econ), e), right=("功能科目 " + "、".join(func) + " 基本支出", fsum),
                          message=f"经济分类{'+'.join(econ)}与功能科目{'、'.join(func)}的基本支出不一致，请核实",
                          slack_parts=len(fv) + len(econ) - 1, section=_sec(ctx, "T6"), relation="C30")
        if f:
            yield f


# --------------------------------------------------------------------------- 公开09

@check(T9_SUM, T9_VEHICLE_SUM, ROUNDING, relations=("C31", "C32"))
def t9_sums(ctx: Context) -> Iterator[Finding]:
    """公开09 预算数与决算数（预算：本年与上年预算数）：合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费；公务用车购置及运行维护费 = 购置费 + 运行维护费。"""
    t9 = _need(ctx, "T9")
    title = table_title(ctx, "T9")
    for side_name, side in _sides(ctx, t9):
        for code, total_key, parts, rel in (
            (T9_SUM, "合计", ("因公出国（境）费", "公务用车购置及运行维护费", "公务接待费"), "C31"),
            (T9_VEHICLE_SUM, "公务用车购置及运行维护费", ("公务用车购置费", "公务用车运行维护费"), "C32"),
        ):
            f = sum_finding(code=code, total=side.get(total_key), parts=[(p, side.get(p)) for p in parts], total_label=f"{total_key}（{side_name}）",
                            message=f"{title}{side_name}：{total_key}与其构成之和不一致",
                            spans=[_src(t9.sources, f"{_SOURCE_SIDE[side_name]}.{total_key}")], section=_sec(ctx, "T9"), relation=rel)
            if f:
                yield f


def _sides(ctx: Context, t9) -> tuple[tuple[str, dict], ...]:
    """The 三公 table's two sets of amounts, as the document calls them: a 决算's 预算数 and 决算数,
    a budget's 上年预算数 and (its own) 预算数 (:class:`~juesuan.core.model.SangongTable`)."""
    if is_budget(ctx):
        return (("上年预算数", t9.budget), ("预算数", t9.actual))
    return (("预算数", t9.budget), ("决算数", t9.actual))


#: The side's key in ``SangongTable.sources`` ("决算数.合计" holds a budget's own 预算数).
_SOURCE_SIDE = {"预算数": "预算数", "决算数": "决算数", "上年预算数": "预算数"}


_VEHICLE_PARTS = ("公务用车运行维护费", "公务用车购置费")
_T6_T9 = (("30212", "因公出国（境）费"), ("30217", "公务接待费"), ("30231", "公务用车运行维护费"), ("31013", "公务用车购置费"))


@check(X_T6_T9, relations=("C33",))
def t6_t9(ctx: Context) -> Iterator[Finding]:
    """公开06 30212/30217/30231/31013 ≤ 公开09 因公出国（境）费/公务接待费/公务用车运行维护费/公务用车购置费 决算数（预算：本年预算数；三公含基本与项目支出）。"""
    t6, t9 = _need(ctx, "T6", "T9")
    t6_title, t9_title = table_title(ctx, "T6"), table_title(ctx, "T9")
    own = _sides(ctx, t9)[1][0]
    for econ, item in _T6_T9:
        row, column = t6.row(econ), row_total(ctx, "T6")
        basic = None if row is None else row.values.get(column)
        if item not in t9.actual and item in _VEHICLE_PARTS:
            item = "公务用车购置及运行维护费"  # the part's cell unread: it is at most the 小计
        whole = t9.actual.get(item)
        if basic is None or whole is None:
            continue
        if basic > whole:
            cells = (_src(row.sources, column), _src(t9.sources, f"决算数.{item}"))
            yield X_T6_T9(f"{t6_title} {econ} 为{amt(basic)}万元，大于{t9_title}“{item}”{own}{amt(whole)}万元",
                          {"经济科目": econ, f"基本支出{kind_word(ctx)}表": amt(basic), "三公经费表": amt(whole), "关系": "C33"},
                          tuple(s for s in cells if s), _sec(ctx, "T9"))


# --------------------------------------------------------------------------- 公开07 / 公开08

@check(T_FUND_ROW, ROUNDING, relations=("C35", "C36"))
def fund_tables(ctx: Context) -> Iterator[Finding]:
    """公开07/08 每行：年初结转和结余 + 本年收入 − 本年支出 = 年末结转和结余；本年支出 = 基本支出 + 项目支出（按格式所列各栏）。"""
    t = ctx.disclosure.tables
    present = [x for x in (t.t7, t.t8) if x is not None]
    if not present:
        raise NotApplicable(absent(ctx, "T7", "T8"))
    for table in present:
        title = table_title(ctx, table.key)
        spent = row_total(ctx, table.key)
        for row in _rows_with_total(table):
            v = row.values
            if v.get("年末结转和结余") is not None and v.get(spent) is not None:
                left = (v.get("年初结转和结余") or 0) + (v.get("本年收入") or 0)
                f = sum_finding(code=T_FUND_ROW, total=left, parts=[(spent, v.get(spent)), ("年末结转和结余", v.get("年末结转和结余"))],
                                total_label="年初结转和结余＋本年收入", message=f"{title}“{_label(row)}”行收支结余不平衡",
                                spans=[_src(row.sources, "年末结转和结余")], section=_sec(ctx, table.key), relation="C35")
                if f:
                    yield f
            for spec in table_spec(ctx, table.key).sums:
                parts = row_parts(spec.parts, v)
                f = sum_finding(code=T_FUND_ROW, total=v.get(spec.total), parts=[(c, v.get(c)) for c in parts],
                                total_label=spec.total, message=f"{title}“{_label(row)}”行{spec.total}不等于{'与'.join(parts)}之和",
                                spans=[_src(row.sources, spec.total)], section=_sec(ctx, table.key), relation="C36")
                if f:
                    yield f


CHECKS = (t3_t5, t3_t4_nonfiscal, t6_class_sum, t6_subtotals, t5_t6, t5_t6_cross, t9_sums, t6_t9, fund_tables)
