"""绩效自评表 checks: each table re-scored by ``rules.scoring`` under the document's profile.

Where it sits: rules/checks, in the catalogue (``CATALOGUE_MODULES``). The table arithmetic
(执行率, 完成率, scores, 总分, weights, 等级) is here; the checks that read text (the narrative's
statements and each table's 实际完成情况) and those that compare tables with each other are in
``performance_text`` and are listed in this module's ``CHECKS`` too.

Severity: error for arithmetic contradictions (a printed 执行率 or 完成率 that the printed figures do
not give, 总分 ≠ Σ scores, weights ≠ 100); warning where the scoring policy decides (a score that
differs from the engine's under the profile, a met reverse indicator marked down). A gap that
rounding explains is never reported under those codes but as ``P-ROUNDING`` (info), so a profile
can silence rounding notes without silencing real errors. Each code's :class:`~.base.Code` gives
its severity; a code whose severity depends on the case declares the others in ``also``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from ...core.findings import Finding
from ...core.money import HUNDRED, ZERO, fmt_amount, fmt_pct, pct_range, round2, tolerance
from ..measure import NUMBER, convert, parse_measure
from ...core.scoring_policy import PROPORTIONAL
from ..scoring import is_reverse, scoring_line, total_line
from .base import ERROR, INFO, WARNING, Code, Context, check
from .performance_support import (P_ROUNDING, CENT, evaluations, gap_finding, half_unit, num, places, rounds_to, row_name, scored, spans,
                                  table_label)
from .performance_accounts import project_amounts, same_indicator, whole_vs_accounts
from .performance_text import achieved_text, cost_vs_execution, goal_words, inconsistent_rules, narrative_scores, normal_grade

# --------------------------------------------------------------------------- finding codes

P_EXEC_RATE = Code("P-EXEC-RATE", ERROR, "绩效自评表印出的预算执行率与全年执行数/全年预算数不符")
P_EXEC_SCORE = Code("P-EXEC-SCORE", WARNING, "预算执行率得分与按配置计算的得分不符")
P_RATE = Code("P-RATE", ERROR, "指标完成率与业绩值/目标值不符（日期、定性指标按配置判断达成与否，为警告）", also=(WARNING,))
P_SCORE = Code("P-SCORE", WARNING, "指标得分与按配置计算的得分不符（无该地区的配置、按全国通用赋分办法计算时为提示）", also=(INFO,))
P_REVERSE_SCORED = Code("P-REVERSE-SCORED", WARNING, "反向指标（≤、成本、负面事件次数）已达到目标却未得满分")
P_OVER_PENALTY = Code("P-OVER-PENALTY", INFO, "超额完成的指标被扣分（配置规定超额部分扣分时为提示，规定超额得满分时为警告）", also=(WARNING,))
P_TOTAL = Code("P-TOTAL", ERROR, "总分与各项得分之和不符")
P_WEIGHTS = Code("P-WEIGHTS", ERROR, "指标权重与执行率分值合计不等于100")
P_GRADE = Code("P-GRADE", ERROR, "评价等级与总分不符（表中未印总分、按配置计算总分时为警告）", also=(WARNING,))
P_FUNDS_SUM = Code("P-FUNDS-SUM", ERROR, "项目自评表的年度资金总额与其中当年财政拨款、上年结转资金、其他资金之和不符")
P_UNREADABLE = Code("P-UNREADABLE", WARNING, "绩效自评表中的数值无法识别，该项未能计分（未读到资金合计行或其金额、只读到部分内容时为提示）",
                    also=(INFO,))
P_TEMPLATE_ROW = Code("P-TEMPLATE-ROW", WARNING, "绩效自评表留有未填写的模板示例行（“……”“指标2”且该行无内容）")


_MONEY = ("万元", "元", "千元", "亿元")

#: Severity of each code, read by the catalogue. Where the case decides, the main severity comes
#: first and the others follow (see each code's description): the catalogue shows them all.


@check(P_EXEC_RATE)
def execution_rate(ctx: Context) -> Iterator[Finding]:
    """执行率 = 全年执行数 / 全年预算数 of the 合计 (整体) or 年度资金总额 (项目) row."""
    for ev, result, _ in scored(ctx):
        line, printed = total_line(ev), scoring_line(ev)
        ex = result.execution
        if printed is None or printed.rate is None or ex.rate is None or line is None:
            continue
        interval = pct_range(ex.executed, ex.budget, 2)
        if interval is None:
            continue
        slack = half_unit(printed.rate)
        if interval[0] - slack <= printed.rate <= interval[1] + slack:
            continue
        yield P_EXEC_RATE(f"{table_label(ev)}预算执行率印为{printed.rate}%，按全年执行数{fmt_amount(ex.executed)}万元÷"
            f"全年预算数{fmt_amount(ex.budget)}万元应为{fmt_pct(ex.rate)}",
            {"印出执行率": f"{printed.rate}%", "计算执行率": fmt_pct(ex.rate),
             "全年预算数": fmt_amount(ex.budget), "全年执行数": fmt_amount(ex.executed)},
            spans(ev, printed, "rate") + spans(ev, line, "executed", "full_year_budget"), table_label(ev))


#: The parts of a 项目 form's 年度资金总额, by the words of their labels (the national form's three rows).
_FUND_PARTS = (("财政拨款",), ("上年结转",), ("其他资金",))
_MONEY_FIELDS = (("initial_budget", "年初预算数"), ("full_year_budget", "全年预算数"), ("executed", "全年执行数"))


@check(P_FUNDS_SUM)
def funds_sum(ctx: Context) -> Iterator[Finding]:
    """年度资金总额 = 其中当年财政拨款 + 上年结转资金 + 其他资金, column by column (a blank part is 0), where
    the form prints those three rows and no other under the total, each with all its amounts or none."""
    for ev, _, _ in scored(ctx):
        total = total_line(ev)
        parts = [line for line in ev.funds if line is not total]
        if ev.kind != "项目" or total is None or len(parts) != len(_FUND_PARTS) or not all(
                any(w in line.label for w in words) for line, words in zip(parts, _FUND_PARTS)):
            continue
        amounts = [[getattr(line, f) for f, _ in _MONEY_FIELDS] for line in parts]
        if any(None in row and any(v is not None for v in row) for row in amounts):
            continue  # a part with some of its amounts only: which columns they are is not certain
        wrong = []  # (column, printed, the parts added)
        for field, column in _MONEY_FIELDS:
            printed, values = getattr(total, field), [getattr(line, field) for line in parts]
            if printed is None or all(v is None for v in values):
                continue
            added = sum((v for v in values if v is not None), ZERO)
            if abs(added - printed) > tolerance(len(parts), max(places(v) for v in (printed, *values) if v is not None)):
                wrong.append((column, printed, added))
        if wrong:
            columns, printed, added = ("、".join(str(w[k]) for w in wrong) for k in range(3))
            yield P_FUNDS_SUM(f"{table_label(ev)}年度资金总额的{columns}印为{printed}，其中各项资金合计为{added}",
                              {"栏目": columns, "年度资金总额": printed, "各项合计": added},
                              spans(ev, total, *(f for f, c in _MONEY_FIELDS if c in columns)), table_label(ev))


@check(P_EXEC_SCORE, P_ROUNDING)
def execution_score(ctx: Context) -> Iterator[Finding]:
    """执行率得分 = 分值 × 执行率 (0 below the profile's threshold), rounded to 2 decimals."""
    for ev, result, policy in scored(ctx):
        printed, ex = scoring_line(ev), result.execution
        if printed is None or printed.score is None or ex.score is None:
            continue
        gap = abs(printed.score - ex.score)
        if gap == 0:
            continue
        rule = (f"执行率低于{policy.execution_threshold}%得0分，否则" if policy.execution_threshold else "") + \
            f"得分＝{num(ex.weight)}×执行率"
        yield gap_finding(
            P_EXEC_SCORE, rounds_to(printed.score, ex.score, ev),
            f"{table_label(ev)}预算执行率得分印为{num(printed.score)}分，执行率{fmt_pct(ex.rate)}，按“{policy.label}”"
            f"配置（{rule}）应得{num(ex.score)}分",
            {"印出得分": num(printed.score), "计算得分": num(ex.score), "执行率": fmt_pct(ex.rate)},
            spans(ev, printed, "score"), table_label(ev))


def _numeric_rate(target: str, actual: str) -> tuple[Decimal, bool] | None:
    """actual/target × 100 and whether the values are money (so printed rounded), or None."""
    t, a = parse_measure(target), parse_measure(actual)
    if t.kind != NUMBER or a.kind != NUMBER or not t.value:
        return None
    value = convert(a.value, a.unit, t.unit)
    if value is None:
        return None
    return value / t.value * HUNDRED, (t.unit in _MONEY or a.unit in _MONEY)


def _money_range(target: str, actual: str) -> tuple[Decimal, Decimal] | None:
    t, a = parse_measure(target), parse_measure(actual)
    value = convert(a.value, a.unit, t.unit)
    return pct_range(value, t.value, max(places(a.value), places(t.value)))


@check(P_RATE, P_ROUNDING)
def indicator_rates(ctx: Context) -> Iterator[Finding]:
    """完成率 = 业绩值 / 目标值 for numeric indicators; 100% for a met date or 达到预期指标."""
    for ev, result, _ in scored(ctx):
        for i, (ind, res) in enumerate(zip(ev.indicators, result.indicators)):
            if ind.rate is None:
                continue
            numeric = _numeric_rate(ind.target, ind.actual)
            where = spans(ev, ind, "rate", "target", "actual")
            if numeric is None:
                if res.rate is None or res.problem or round2(res.rate) == round2(ind.rate):
                    continue
                yield P_RATE.at(WARNING)(f"{row_name(ev, i, ind)}完成率印为{ind.rate}%，按目标值“{ind.target}”、业绩值“{ind.actual}”"
                              f"应为{fmt_pct(res.rate)}",
                              {"印出完成率": f"{ind.rate}%", "计算完成率": fmt_pct(res.rate)}, where, table_label(ev))
                continue
            rate, money = numeric
            shown = round2(rate, places(ind.rate))
            if shown == ind.rate:
                continue
            figures = {"印出完成率": f"{ind.rate}%", "计算完成率": fmt_pct(rate), "目标值": ind.target,
                       "业绩值": ind.actual}
            interval = _money_range(ind.target, ind.actual) if money else None
            slack = half_unit(ind.rate)
            if interval is not None and interval[0] - slack <= ind.rate <= interval[1] + slack:
                yield P_ROUNDING(f"{row_name(ev, i, ind)}完成率印为{ind.rate}%，按印出的金额计算为{fmt_pct(rate)}，"
                              "差异可能来自金额四舍五入", figures, where, table_label(ev))
                continue
            yield P_RATE(f"{row_name(ev, i, ind)}完成率印为{ind.rate}%，业绩值{ind.actual}÷目标值{ind.target}应为"
                          f"{fmt_pct(rate)}", figures, where, table_label(ev))


def _in_band(policy, res, printed: Decimal, weight: Decimal) -> bool:
    band = next((b for b in policy.judged_bands if b.name == res.band), None)
    if band is None or not weight:
        return False
    share = printed / weight * HUNDRED
    return band.low <= share <= band.high


@check(P_SCORE, P_ROUNDING)
def indicator_scores(ctx: Context) -> Iterator[Finding]:
    """Each printed 指标得分 equals the engine's score under the document's profile."""
    # no profile for the unit's region (or the region unknown): the national one stands in, and the
    # region's own scoring rules may differ, so a score off the national rule is told, not held against it
    stand_in = "无该地区的专门格式" in ctx.disclosure.identity.basis.get("profile", "")
    code, note = (P_SCORE.at(INFO), "（无该地区的赋分配置，按全国通用办法计算，仅供参考）") if stand_in else (P_SCORE, "")
    for ev, result, policy in scored(ctx):
        for i, (ind, res) in enumerate(zip(ev.indicators, result.indicators)):
            if ind.score is None or res.score is None or ind.weight is None:
                continue
            gap = abs(ind.score - res.score)
            if gap == 0 or (res.band and _in_band(policy, res, ind.score, ind.weight)):
                continue
            # a figure that reached its target earns the full weight under every region's rules: marked
            # down with no reason given, it is told whatever the profile
            held = stand_in and not (res.met and res.rate is not None and ind.score < ind.weight and not ind.deviation.strip())
            yield gap_finding(
                code if held else P_SCORE, rounds_to(ind.score, res.score, ev),
                f"{row_name(ev, i, ind)}得分印为{num(ind.score)}分，按“{policy.label}”配置的{res.rule}"
                f"（{res.method}）应得{num(res.score)}分{note if held else ''}",
                {"印出得分": num(ind.score), "计算得分": num(res.score), "权重": num(ind.weight),
                 "目标值": ind.target, "业绩值": ind.actual, "赋分规则": res.rule},
                spans(ev, ind, "score"), table_label(ev))


@check(P_REVERSE_SCORED)
def reverse_scored(ctx: Context) -> Iterator[Finding]:
    """A reverse indicator whose actual is at or under its target earns its full weight, whatever the profile."""
    for ev, result, policy in scored(ctx):
        for i, ind in enumerate(ev.indicators):
            # a printed score is judged as printed; data without one (the composer) by the engine's score
            score = ind.score if ind.score is not None else result.indicators[i].score
            if score is None or ind.weight is None:
                continue
            t, a = parse_measure(ind.target), parse_measure(ind.actual)
            if t.kind != NUMBER or a.kind != NUMBER or not is_reverse(ind, t, policy):
                continue
            value = convert(a.value, a.unit, t.unit)
            if value is None or value > t.value or score >= ind.weight - CENT / 2:
                continue
            how = "却只得" if ind.score is not None else "按本配置的赋分规则只得"
            yield P_REVERSE_SCORED(f"{row_name(ev, i, ind)}是反向指标（越低越好），目标值{ind.target}、业绩值{ind.actual}已达到目标，"
                f"{how}{num(score)}分（权重{num(ind.weight)}分）；完成得越好得分越低，赋分方法有误",
                {"目标值": ind.target, "业绩值": ind.actual,
                 ("印出得分" if ind.score is not None else "计算得分"): num(score), "权重": num(ind.weight)},
                spans(ev, ind, "score", "target", "actual"), table_label(ev))


@check(P_OVER_PENALTY)
def over_penalty(ctx: Context) -> Iterator[Finding]:
    """Over-achievement (完成率 > 100%) of a forward indicator is deducted only where the profile says so."""
    for ev, _, policy in scored(ctx):
        for i, ind in enumerate(ev.indicators):
            if ind.score is None or ind.weight is None or (ind.rule and ind.rule != PROPORTIONAL):
                continue
            numeric = _numeric_rate(ind.target, ind.actual)
            t = parse_measure(ind.target)
            if numeric is None or numeric[0] <= HUNDRED or is_reverse(ind, t, policy):
                continue
            if ind.score >= ind.weight - CENT / 2:
                continue
            expected = policy.over == "deduct"
            tail = "，与本配置“超额部分扣分”的规则一致" if expected else "；按本配置超额完成应得满分"
            yield P_OVER_PENALTY.at(INFO if expected else WARNING)(
                f"{row_name(ev, i, ind)}完成率{fmt_pct(numeric[0])}，超额完成却只得{num(ind.score)}分"
                f"（权重{num(ind.weight)}分）{tail}",
                {"完成率": fmt_pct(numeric[0]), "印出得分": num(ind.score), "权重": num(ind.weight)},
                spans(ev, ind, "score", "rate"), table_label(ev))


def _printed_scores(ev) -> list[Decimal] | None:
    line = scoring_line(ev)
    scores = [line.score if line is not None else None] + [ind.score for ind in ev.indicators]
    return None if any(s is None for s in scores) else scores


@check(P_TOTAL, P_ROUNDING)
def totals(ctx: Context) -> Iterator[Finding]:
    """总分 = 预算执行率得分 + Σ 指标得分, as printed."""
    for ev, _, _ in scored(ctx):
        scores = _printed_scores(ev)
        if ev.total is None or scores is None or ev.omitted:
            continue
        total = sum(scores, ZERO)
        gap = abs(total - ev.total)
        if gap == 0:
            continue
        yield gap_finding(
            P_TOTAL, gap <= tolerance(len(scores)),
            f"{table_label(ev)}总分印为{num(ev.total)}分，执行率得分与各指标得分合计为{num(total)}分",
            {"印出总分": num(ev.total), "得分合计": num(total)}, spans(ev, None, "total"), table_label(ev))


@check(P_WEIGHTS)
def weights(ctx: Context) -> Iterator[Finding]:
    """预算执行率分值 + Σ 指标权重 = 100."""
    for ev, result, _ in scored(ctx):
        if not ev.indicators or any(ind.weight is None for ind in ev.indicators):
            continue
        total = result.execution.weight + sum((ind.weight for ind in ev.indicators), ZERO)
        # a table read in part: the rows read are a lower bound, wrong only once past 100
        if total == HUNDRED or (ev.omitted and (total < HUNDRED or scoring_line(ev) is None)):
            continue
        read = "已读到的" if ev.omitted else ""
        yield P_WEIGHTS(f"{table_label(ev)}预算执行率分值{num(result.execution.weight)}分与{read}各指标权重合计为{num(total)}分，应为100分",
            {"权重合计": num(total), "执行率分值": num(result.execution.weight)},
            spans(ev, scoring_line(ev), "weight"), table_label(ev))


@check(P_GRADE)
def grades(ctx: Context) -> Iterator[Finding]:
    """The printed 等级 is the profile's grade of the printed 总分 (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差)."""
    for ev, result, policy in scored(ctx):
        if not ev.grade or (ev.total is None and ev.omitted):
            continue
        basis = ev.total if ev.total is not None else result.total
        expected = policy.grade(basis)
        if normal_grade(ev.grade) == expected:
            continue
        yield P_GRADE.at(ERROR if ev.total is not None else WARNING)(
            f"{table_label(ev)}评价等级印为“{ev.grade}”，总分{num(basis)}分应为“{expected}”",
            {"印出等级": ev.grade, "总分": num(basis), "应为": expected}, spans(ev, None, "grade", "total"),
            table_label(ev))


@check(P_UNREADABLE)
def unreadable(ctx: Context) -> Iterator[Finding]:
    """Every 目标值, 业绩值, 权重 and the funds row can be interpreted."""
    for ev, result, _ in scored(ctx):
        if ev.omitted:
            yield P_UNREADABLE.at(INFO)(
                f"{table_label(ev)}只读到部分内容（自“{ev.omitted[0].excerpt}”起未能逐格读出，或复制在表中中断），"
                "权重合计、总分未核对", {"表": table_label(ev)}, (ev.omitted[0],), table_label(ev))
        if result.execution.problem:
            line = total_line(ev)
            # no funds row read at all, or its label without one amount: more likely lost by the copy
            # than left out of the table
            lost = line is None or all(v is None for v in (line.initial_budget, line.full_year_budget, line.executed))
            code = P_UNREADABLE.at(INFO) if lost else P_UNREADABLE
            yield code(f"{table_label(ev)}预算执行率无法计算：{result.execution.problem}",
                          {"表": table_label(ev)}, spans(ev, line, "full_year_budget", "executed"), table_label(ev))
        for i, (ind, res) in enumerate(zip(ev.indicators, result.indicators)):
            if res.problem:
                yield P_UNREADABLE(f"{row_name(ev, i, ind)}：{res.problem}",
                              {"表": table_label(ev), "行": str(i + 1), "目标值": ind.target, "业绩值": ind.actual},
                              spans(ev, ind, "actual", "target", "weight"), table_label(ev))


@check(P_TEMPLATE_ROW)
def template_rows(ctx: Context) -> Iterator[Finding]:
    """公开的自评表不留模板的示例行：只印“……”或“指标2”而其余各栏为空的行应删去或填写。"""
    for ev in evaluations(ctx):
        if ev.fillers:
            shown = "".join(f"“{w}”" for w in dict.fromkeys(s.excerpt for s in ev.fillers))
            yield P_TEMPLATE_ROW(f"{table_label(ev)}留有未填写的模板示例行{shown}（共{len(ev.fillers)}行），应删去或按实际填写",
                                 {"表": table_label(ev), "行数": str(len(ev.fillers))}, ev.fillers[:1], table_label(ev))


CHECKS = (
    execution_rate,
    funds_sum,
    execution_score,
    indicator_rates,
    indicator_scores,
    reverse_scored,
    over_penalty,
    totals,
    weights,
    grades,
    unreadable,
    template_rows,
    cost_vs_execution,
    inconsistent_rules,
    narrative_scores,
    achieved_text,
    goal_words,
    whole_vs_accounts,
    project_amounts,
    same_indicator,
)
