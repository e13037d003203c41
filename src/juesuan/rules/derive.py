"""Derived figures: every figure key of :mod:`juesuan.core.keys` the disclosure supports.

Where it sits: rules, after a reader has built a :class:`Disclosure` (from data or from a
published document) and before the phrasebook, the writers and the checks. ``derive`` first
calls :func:`complete` (fill unstated totals), then computes amounts, shares, 上年 / 增减 /
增减率, budgets, 预决算差异率 and 完成率, staff counts, 三公, 机关运行经费, 政府采购, 资产 and 绩效
sums — all at FULL precision. Rounding happens once, at display (``money.fmt_amount`` /
``fmt_pct``). A figure whose base is zero (a share of 0, a change from 0, a gap against a
zero budget) is absent: how such a case is worded is the phrasebook's business (profile
``zero_base`` / ``unchanged``). Tables that are None are skipped. Pure functions; no I/O.

Share bases (domain rules §7.4): 收入.* / 本年收入合计; 支出.* / 本年支出合计;
一般公共预算财政拨款支出 / 本年支出合计; 类.* / 公开05 合计; 三公.* / 三公.合计;
政府采购.* / 政府采购.总额.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING, Mapping, Sequence

from ..core import keys
from ..core.keys import (
    BUDGET_GAP,
    COMPLETION,
    DELTA,
    DELTA_PCT,
    EXPENDITURE_ITEMS,
    FULL_BUDGET,
    INCOME_ITEMS,
    INITIAL_BUDGET,
    PRIOR,
    PROCUREMENT_PARTS,
    SHARE,
)
from ..core.model import FUNDS, SANGONG_ITEMS, T1_INCOME_ROWS, VEHICLE_CATEGORIES, Disclosure, Evaluation, FundLine
from ..core.money import change, pct
from ..core.profiles import Profile
from .totals import add, complete

if TYPE_CHECKING:
    from .scoring import EvaluationScore

__all__ = ["complete", "derive", "derive_completed", "DEFAULTS"]

#: Profile settings derive uses, with the values it assumes when no profile is given.
DEFAULTS = {"budget_basis": "initial", "sangong_budget_basis": "full_year", "operating_cost": "public_funds"}

#: Labels of the line that holds a 绩效 table's fund total.
_TOTAL_LINES = ("合计", "年度资金总额", "资金总额", "总计")


def _setting(profile: Profile | None, name: str) -> str:
    if profile is None:
        return DEFAULTS[name]
    return str(profile.phrase(name, DEFAULTS[name]))


class _Figures:
    """An ordered dict of figures that ignores None values and never overwrites."""

    def __init__(self) -> None:
        self.data: dict[str, Decimal] = {}

    def put(self, key: str, value: Decimal | int | None) -> None:
        if value is None or key in self.data:
            return
        self.data[key] = Decimal(value)

    def get(self, key: str) -> Decimal | None:
        return self.data.get(key)

    def share(self, subject: str, base: Decimal | None) -> None:
        value = self.data.get(subject)
        if value is None or base is None:
            return
        self.put(keys.key(subject, SHARE), pct(value, base))


# --------------------------------------------------------------------------- amounts by part

def _t1_figures(d: Disclosure, f: _Figures) -> None:
    t1 = d.tables.t1
    if t1 is None:
        return
    f.put("收入总计", t1.income_total)
    f.put("本年收入合计", t1.income_this_year)
    f.put("使用非财政拨款结余", t1.non_fiscal_balance_used)
    f.put("年初结转和结余", t1.opening_balance)
    f.put("支出总计", t1.expenditure_total)
    f.put("本年支出合计", t1.expenditure_this_year)
    f.put("结余分配", t1.balance_distribution)
    f.put("年末结转和结余", t1.closing_balance)
    f.put("收支总计", t1.income_total if t1.income_total is not None else t1.expenditure_total)


def _income_figures(d: Disclosure, f: _Figures) -> None:
    t1, t2 = d.tables.t1, d.tables.t2
    total_row = t2.total.values if t2 is not None and t2.total is not None else {}
    fiscal = t1.fiscal_income() if t1 is not None else None
    f.put("收入.财政拨款收入", fiscal if fiscal is not None else total_row.get("财政拨款收入"))
    for item, label in zip(INCOME_ITEMS[1:], T1_INCOME_ROWS[3:]):
        stated = t1.income.get(label) if t1 is not None else None
        f.put(f"收入.{item}", stated if stated is not None else total_row.get(item))
    if f.get("本年收入合计") is None and total_row.get("本年收入合计") is not None:
        f.put("本年收入合计", total_row["本年收入合计"])
    for item in INCOME_ITEMS:
        f.share(f"收入.{item}", f.get("本年收入合计"))


def _expenditure_figures(d: Disclosure, f: _Figures) -> None:
    t3 = d.tables.t3
    if t3 is not None and t3.total is not None:
        for item in EXPENDITURE_ITEMS:
            f.put(f"支出.{item}", t3.total.values.get(item))
        if f.get("本年支出合计") is None:
            f.put("本年支出合计", t3.total.values.get("本年支出合计"))
    for item in EXPENDITURE_ITEMS:
        f.share(f"支出.{item}", f.get("本年支出合计"))
    for row in t3.rows if t3 is not None else ():
        if len(row.code) == 3:  # 全部资金.类: the 支出决算表's 本年支出合计, a budget's 支出总表's 合计
            value = row.values.get("本年支出合计", row.values.get("合计"))
            f.put(keys.all_funds_klass(row.code), value)
            f.share(keys.all_funds_klass(row.code), f.get("本年支出合计"))


def _fiscal_figures(d: Disclosure, f: _Figures) -> None:
    t4 = d.tables.t4
    if t4 is not None:
        f.put("财政拨款收入总计", t4.income_total)
        f.put("年初财政拨款结转和结余", t4.opening_total)
        f.put("本年财政拨款收入", t4.income_this_year)
        f.put("财政拨款支出总计", t4.expenditure_total)
        f.put("年末财政拨款结转和结余", t4.closing_total)
        f.put("本年财政拨款支出", t4.expenditure_this_year.get("合计"))
        f.put("财政拨款收支总计", t4.income_total if t4.income_total is not None else t4.expenditure_total)
    t5 = d.tables.t5
    t5_total = t5.total.values.get("合计") if t5 is not None and t5.total is not None else None
    whole = t5 is not None and t5.covers_all_fiscal_funds()
    if whole and t4 is None:
        f.put("本年财政拨款支出", t5_total)  # the university form: 表4 is all 财政拨款, there is no 公开04
    general = None if whole else t5_total
    if general is None and t4 is not None:
        general = t4.expenditure_this_year.get(FUNDS[0])
    f.put("一般公共预算财政拨款支出", general)
    f.share("一般公共预算财政拨款支出", f.get("本年支出合计"))
    for fund, table in ((FUNDS[1], d.tables.t7), (FUNDS[2], d.tables.t8)):
        spent = t4.expenditure_this_year.get(fund) if t4 is not None else None
        if spent is None and table is not None and table.total is not None:
            spent = table.total.values.get("本年支出合计")
        f.put(f"{fund[:-4]}财政拨款支出", spent)


def _function_figures(d: Disclosure, f: _Figures) -> None:
    """类 and 项 of 公开05, including 项 (and 类) that only last year had (now 0)."""
    t5 = d.tables.t5
    if t5 is None:
        return
    prior = d.comparatives.prior
    amounts = {r.code: r.values.get("合计") for r in t5.rows if len(r.code) in (3, 7)}
    for subject in prior:
        head, _, code = subject.partition(".")
        if head in ("类", "项") and len(code) == (3 if head == "类" else 7):
            amounts.setdefault(code, Decimal(0))
    base = f.get("一般公共预算财政拨款支出")
    for code in sorted(c for c in amounts if len(c) == 3):
        f.put(keys.klass(code), amounts[code])
        f.share(keys.klass(code), base)
    for code in sorted(c for c in amounts if len(c) == 7):
        f.put(keys.item(code), amounts[code])


def _basic_figures(d: Disclosure, f: _Figures, operating_basis: str) -> None:
    t5, t6 = d.tables.t5, d.tables.t6
    personnel = t6.subtotals.get("人员经费合计") if t6 is not None else None
    public = t6.subtotals.get("公用经费合计") if t6 is not None else None
    basic = t5.total.values.get("基本支出") if t5 is not None and t5.total is not None else None
    if basic is None and t6 is not None:
        basic = add((personnel, public))
    f.put("一般公共预算财政拨款基本支出", basic)
    f.put("人员经费", personnel)
    f.put("公用经费", public)
    operating = d.matters.operating_cost
    if operating is None and operating_basis == "public_funds":
        operating = public
    f.put("机关运行经费", operating)


def _sangong_figures(d: Disclosure, f: _Figures) -> dict[str, Decimal]:
    """三公 amounts and counts; returns the 预算数 of 公开09 by subject."""
    t9 = d.tables.t9
    budgets: dict[str, Decimal] = {}
    if t9 is not None:
        for item in SANGONG_ITEMS:
            f.put(f"三公.{item}", t9.actual.get(item))
            if t9.budget.get(item) is not None:
                budgets[f"三公.{item}"] = t9.budget[item]
        for item in SANGONG_ITEMS[1:]:
            f.share(f"三公.{item}", f.get("三公.合计"))
    s = d.sangong
    for name, value in (
        ("出国团组", s.outbound_groups),
        ("出国人次", s.outbound_people),
        ("购置车辆", s.vehicles_purchased),
        ("保有车辆", s.vehicles_held),
        ("固定资产车辆", s.fixed_asset_vehicles),
        ("接待批次", s.reception_batches),
        ("接待人次", s.reception_people),
    ):
        f.put(f"三公.{name}", value)
    return budgets


def _matters_figures(d: Disclosure, f: _Figures) -> None:
    p = d.matters.procurement
    total = p.total if p.total is not None else add((p.goods, p.works, p.services))
    for part, value in zip(PROCUREMENT_PARTS, (total, p.goods, p.works, p.services, p.sme, p.small_micro)):
        f.put(f"政府采购.{part}", value)
    for part in PROCUREMENT_PARTS[1:]:
        f.share(f"政府采购.{part}", f.get("政府采购.总额"))
    a = d.matters.assets
    f.put("资产.房屋面积", a.building_area)
    f.put("资产.房屋价值", a.building_value)
    vehicles = a.vehicles_total
    if vehicles is None and a.vehicles:
        vehicles = sum(a.vehicles.values())
    f.put("资产.车辆", vehicles)
    f.put("资产.车辆价值", a.vehicles_value)
    for category in VEHICLE_CATEGORIES:
        f.put(f"资产.车辆.{category}", a.vehicles.get(category))
    f.put("资产.大型设备", a.large_equipment)
    planned = a.planned_vehicles_total
    if planned is None and a.planned_vehicles:
        planned = sum(a.planned_vehicles.values())
    f.put("资产.拟购车辆", planned)
    for category in VEHICLE_CATEGORIES:
        f.put(f"资产.拟购车辆.{category}", a.planned_vehicles.get(category))
    f.put("资产.拟购设备", a.planned_equipment)


def _staff_figures(d: Disclosure, f: _Figures) -> None:
    u, s = d.unit, d.unit.staff
    parts = (s.serving, s.retired_cadres, s.retirees)
    total = s.total
    if total is None and any(p is not None for p in parts):
        total = sum(p for p in parts if p is not None)
    f.put("人员.实有", total)
    for name, value, delta in (
        ("在职", s.serving, s.serving_change),
        ("离休", s.retired_cadres, s.retired_cadres_change),
        ("退休", s.retirees, s.retirees_change),
    ):
        f.put(f"人员.{name}", value)
        f.put(f"人员.{name}.{DELTA}", delta)
    changes = (s.serving_change, s.retired_cadres_change, s.retirees_change)
    if all(c is not None for c in changes):
        f.put(f"人员.实有.{DELTA}", sum(changes))
    f.put("人员.下属单位", u.subordinate_units)
    if u.internal_sections:
        f.put("人员.科室", len(u.internal_sections))


def _total_line(e: Evaluation) -> FundLine | None:
    for line in e.funds:
        if line.label in _TOTAL_LINES:
            return line
    return e.funds[0] if len(e.funds) == 1 else None


def _line_sum(evals: list[Evaluation], attr: str) -> Decimal | None:
    values = []
    for e in evals:
        line = _total_line(e)
        values.append(getattr(line, attr) if line is not None else None)
    return add(values)


def _goal_figures(d: Disclosure, f: _Figures) -> None:
    """A budget's 绩效目标: the projects that report goals and their budget (from the goal tables,
    else as the data states them), and the 整体 goal tables (core.keys: 绩效.项目数 …)."""
    goals = d.goals
    projects = [g for g in goals.tables if g.kind == "项目"]
    whole = [g for g in goals.tables if g.kind == "整体"]
    f.put("绩效.项目数", len(projects) if projects else goals.projects)
    f.put("绩效.项目.全年预算", add(g.amount for g in projects) if projects else goals.amount)
    if whole:
        f.put("绩效.整体表数", len(whole))


def _performance_figures(d: Disclosure, f: _Figures, profile: Profile | None,
                         scores: Sequence[EvaluationScore] | None) -> None:
    whole = [e for e in d.evaluations if e.kind == "整体"]
    projects = [e for e in d.evaluations if e.kind == "项目"]
    if not d.evaluations:
        return
    f.put("绩效.整体表数", len(whole))
    f.put("绩效.整体.全年预算", _line_sum(whole, "full_year_budget"))
    f.put("绩效.整体.执行数", _line_sum(whole, "executed"))
    f.put("绩效.项目数", len(projects))
    f.put("绩效.项目.全年预算", _line_sum(projects, "full_year_budget"))
    f.put("绩效.项目.执行数", _line_sum(projects, "executed"))
    if whole:
        first = whole[0]
        if first.total is not None:  # as printed when a document states it, else as the engine scores it
            f.put("绩效.综合得分", first.total)
        elif scores is not None:
            f.put("绩效.综合得分", scores[d.evaluations.index(first)].total)
        else:
            from .scoring import score_evaluation  # same layer; imported here to keep derive light

            f.put("绩效.综合得分", score_evaluation(first, profile).total)


# --------------------------------------------------------------------------- comparatives

def _comparative_figures(d: Disclosure, f: _Figures, sangong_budgets: Mapping[str, Decimal], profile: Profile | None) -> None:
    """上年 / 增减 / 增减率 for every subject with a prior value; budgets and 预决算差异率."""
    c = d.comparatives
    if d.identity.budget:
        # a budget's 三公 table prints last year's budget where a 决算's prints its budget: it is
        # the ``.上年`` of a budget's figures (core.keys), and a budget has no 预决算差异率
        c = replace(c, prior={**sangong_budgets, **c.prior})
        sangong_budgets = {}
    basis = _setting(profile, "budget_basis")
    sangong_basis = _setting(profile, "sangong_budget_basis")
    subjects = [k for k in f.data if keys.split(k)[1] == ""]
    subjects += [k for k in sangong_budgets if k not in f.data]  # a 三公 item budgeted, its 决算 cell blank
    for subject in subjects:
        value = f.data.get(subject)
        prior = c.prior.get(subject)
        if prior is not None and value is not None:
            delta, rate = change(value, prior)
            f.put(keys.key(subject, PRIOR), prior)
            f.put(keys.key(subject, DELTA), delta)
            f.put(keys.key(subject, DELTA_PCT), rate)
        initial = c.initial_budget.get(subject)
        full = c.full_year_budget.get(subject)
        is_sangong = subject.startswith("三公.")
        chosen_basis = sangong_basis if is_sangong else basis
        if subject in sangong_budgets:
            if sangong_basis == "full_year" and full is None:
                full = sangong_budgets[subject]
            elif sangong_basis != "full_year" and initial is None:
                initial = sangong_budgets[subject]
        f.put(keys.key(subject, INITIAL_BUDGET), initial)
        f.put(keys.key(subject, FULL_BUDGET), full)
        budget = (full if full is not None else initial) if chosen_basis == "full_year" else (
            initial if initial is not None else full
        )
        if value is None:
            continue
        if budget is not None:
            f.put(keys.key(subject, BUDGET_GAP), pct(value - budget, budget))
        f.put(keys.key(subject, COMPLETION), _completion(value, initial, full))


def _completion(value: Decimal, initial: Decimal | None, full: Decimal | None) -> Decimal | None:
    """决算 / 年初预算 × 100 (“完成年初预算的X%”); 全年预算 when 年初预算 is 0 or absent (rules §7.3)."""
    base = initial if initial else full
    return pct(value, base) if base else None


def derive(d: Disclosure, profile: Profile | None = None) -> dict[str, Decimal]:
    """Every figure the disclosure supports, keyed as :mod:`juesuan.core.keys`, at full precision.

    ``profile`` is a :class:`juesuan.core.profiles.Profile` (or None for the defaults in
    :data:`DEFAULTS`); it decides the budget basis of 预决算差异率 and whether 机关运行经费
    falls back to 公开06 公用经费合计. (``rules.prepare`` does this once per document, together
    with the scores; use it rather than calling this twice.)
    """
    return derive_completed(complete(d, profile.layout if profile is not None else None), profile)


def derive_completed(d: Disclosure, profile: Profile | None = None, scores: Sequence[EvaluationScore] | None = None) -> dict[str, Decimal]:
    """:func:`derive` of a disclosure already passed through :func:`complete`; ``scores`` (one per
    evaluation, as :func:`rules.scoring.score_evaluation` gives them) spare scoring again."""
    f = _Figures()
    _t1_figures(d, f)
    _income_figures(d, f)
    _expenditure_figures(d, f)
    _fiscal_figures(d, f)
    _function_figures(d, f)
    _basic_figures(d, f, _setting(profile, "operating_cost"))
    budgets = _sangong_figures(d, f)
    _matters_figures(d, f)
    _comparative_figures(d, f, budgets, profile)
    _staff_figures(d, f)
    _performance_figures(d, f, profile, scores)
    _goal_figures(d, f)
    return f.data
