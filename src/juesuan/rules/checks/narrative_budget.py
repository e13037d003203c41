"""Narrative checks a budget (部门预算 / 单位预算) needs beyond the 决算's: the cars it holds against
the money it budgets to run them, the year its plans are written for, and a change of the 财政拨款
against the changes of its three funds.

Where it sits: rules/checks; ``narrative.CHECKS`` appends ``CHECKS`` from here. Each check reads the
narrative's statements and claims (``phrasebook``) and runs on budgets only: a 决算 reports what was
spent, where a car sold during the year or a plan for next year is no slip.
"""

from __future__ import annotations

import re
from typing import Iterator

from ...core.findings import Finding
from ...core.model import YEAR
from .base import ERROR, WARNING, Code, Context, NotApplicable, check
from .support import amt, fact, is_budget, named, spans, sum_finding, year_of

N_VEHICLE_COST = Code("N-VEHICLE-COST", WARNING, "预算：国有资产中共有车辆0辆却安排公务用车运行维护费，或保有车辆却未安排运行维护费，且未说明")
N_PLAN_YEAR = Code("N-PLAN-YEAR", WARNING, "预算：说明中“××年无购置计划”“××年安排…”所写年份不是本预算年度")
N_DELTA_SUM = Code("N-DELTA-SUM", ERROR, "预算：财政拨款收入（支出）比上年预算的增减额 ≠ 一般公共预算、政府性基金、国有资本经营预算拨款增减额之和")

_RUNNING = "三公.公务用车运行维护费"
_FUND_DELTAS = ("一般公共预算财政拨款支出.增减", "政府性基金预算财政拨款支出.增减", "国有资本经营预算财政拨款支出.增减")
_FISCAL_DELTAS = ("本年财政拨款支出.增减", "收入.财政拨款收入.增减")


def _budget(ctx: Context) -> None:
    if not is_budget(ctx):
        raise NotApplicable("只适用于部门（单位）预算")


@check(N_VEHICLE_COST)
def vehicles_and_running_cost(ctx: Context) -> Iterator[Finding]:
    """预算：共有车辆0辆时不应安排公务用车运行维护费；保有车辆时运行维护费不应为0（未说明原因时提示）。"""
    _budget(ctx)
    d = ctx.disclosure
    cars, cspan = fact(d, "资产.车辆")
    cost, rspan = fact(d, _RUNNING)
    if cost is None and d.tables.t9 is not None:
        cost = d.tables.t9.actual.get("公务用车运行维护费")
    if cars is None or cost is None:
        raise NotApplicable("说明中没有写出车辆数或公务用车运行维护费预算")
    figures = {"共有车辆": f"{int(cars)}辆", "公务用车运行维护费": amt(cost)}
    if cars == 0 and cost > 0:
        yield N_VEHICLE_COST(f"国有资产中共有车辆0辆，却安排公务用车运行维护费预算{amt(cost)}万元，请说明所运行的车辆",
                             figures, spans(cspan, rspan), "预算说明 · 国有资产占有使用情况")
    elif cars > 0 and cost == 0:
        yield N_VEHICLE_COST(f"国有资产中共有车辆{int(cars)}辆，公务用车运行维护费预算却为0，请说明车辆运行经费的来源",
                             figures, spans(cspan, rspan), "预算说明 · 国有资产占有使用情况")


#: A document about two years at once: "“三公”经费2011年决算和2012年预算情况表".
_TWO_YEARS = re.compile(r"(?:19|20)\d\d\s*年度?\s*(?:决算|预算)(?:数)?\s*[和及与、]\s*(?:19|20)\d\d\s*年度?\s*(?:决算|预算)")


@check(N_PLAN_YEAR)
def plan_years(ctx: Context) -> Iterator[Finding]:
    """预算：说明中写计划、安排的年份（“2025年无公车购置计划”“2025年安排建设资金”）= 本预算年度。"""
    _budget(ctx)
    year = ctx.disclosure.identity.year or ctx.disclosure.unit.year
    n = ctx.disclosure.narrative
    plans = [c for c in (n.claimed(YEAR) if n is not None else ()) if c.key == "计划" and c.value]
    if not year or not plans:
        raise NotApplicable("说明中没有写出计划或安排的年份")
    if _TWO_YEARS.search(n.text):
        raise NotApplicable("文件合写两个年度（如“2011年决算和2012年预算”），计划年份不按一个预算年度核对")
    for c in plans:
        words = c.parts[0] if c.parts else f"{c.value}年"
        if int(c.value) == year or words.replace(c.value, str(year), 1) in n.text:
            continue  # both years told alike ("2020年预算内收入安排655.55万元…" / "2019年预算内收入安排617.41万元…")
        yield N_PLAN_YEAR(f"本预算为{year}年度，说明写“{words}”，年份应为{year}年（可能沿用了上年的文本）",
                          {"原文": words, "所写年份": c.value, "预算年度": str(year)}, spans(c.span), "文字")


@check(N_DELTA_SUM)
def fund_deltas(ctx: Context) -> Iterator[Finding]:
    """预算：财政拨款收入（支出）比上年预算增减额 = 一般公共预算 + 政府性基金 + 国有资本经营预算拨款支出增减额（至少写出两项时核对）。"""
    _budget(ctx)
    d = ctx.disclosure
    year = year_of(ctx)
    parts = [(named(k, year), fact(d, k)) for k in _FUND_DELTAS]
    if sum(1 for _, (v, _) in parts if v is not None) < 2:
        raise NotApplicable("说明中没有分别写出各类财政拨款的增减额")
    for key in _FISCAL_DELTAS:
        total, tspan = fact(d, key)
        if total is None:
            continue
        f = sum_finding(code=N_DELTA_SUM, total=total, parts=[(label, v) for label, (v, _) in parts],
                        total_label=named(key, year),
                        message=f"{named(key, year)}{amt(total)}万元与各类财政拨款增减额之和不一致",
                        spans=[tspan, *(sp for _, (_, sp) in parts)], section="预算说明 · 财政拨款收支")
        if f:
            yield f
            return


CHECKS = (vehicles_and_running_cost, plan_years, fund_deltas)
