"""绩效 checks that read text or compare tables with each other: the narrative's 绩效 statements
(第二部分 十一) against the tables, each table's 实际完成情况 against its indicator rows, cost
indicators against the money spent, and one rule applied two ways in one document.

Where it sits: rules/checks; listed in ``performance.CHECKS`` (the catalogue imports only that).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from ...core.findings import Finding
from ...core.model import DATE_PART, GRADE, INDICATOR_VALUE, Claim, Evaluation, Span
from ...core.money import ZERO, fmt_amount, round2, tolerance
from ..measure import DATE, NUMBER, QUALITY, Measure, convert, parse_measure
from ..scoring import is_reverse, total_line
from .base import ERROR, INFO, WARNING, Code, Context, NotApplicable, check
from .performance_support import P_ROUNDING, CENT, evaluations, gap_finding, num, policy_of, row_name, scored, spans, table_label

# --------------------------------------------------------------------------- finding codes

P_COST_EXEC = Code("P-COST-EXEC", WARNING, "成本指标业绩值与全年执行数不符")
P_INCONSISTENT_RULE = Code("P-INCONSISTENT-RULE", WARNING, "同一赋分规则在同一文件中前后执行不一致（同类指标写了不同赋分规则为提示）", also=(INFO,))
P_NARRATIVE_SCORE = Code("P-NARRATIVE-SCORE", ERROR, "绩效情况说明中的得分、等级、项目数或金额与自评表不符（只与按配置计算的得分、等级不符，或自评表张数不符时为警告）", also=(WARNING,))
P_ACHIEVED_TEXT = Code("P-ACHIEVED-TEXT", WARNING, "实际完成情况文字所写数值或完成日期与指标表业绩值不符")
P_GOAL_WORDS = Code("P-GOAL-WORDS", WARNING, "自评表的年度总体目标（预期目标、实际完成情况）只填了数字，没有写目标和完成的内容")


_MONEY = ("万元", "元", "千元", "亿元")


def _money(text: str) -> Decimal | None:
    """A cost indicator's value in 万元 (its bare "万" is 万元: a cost is money, "150万")."""
    m = parse_measure(text)
    unit = "万元" if m.unit == "万" else m.unit
    if m.kind != NUMBER or unit not in _MONEY:
        return None
    return convert(m.value, unit, "万元")


@check(P_COST_EXEC)
def cost_vs_execution(ctx: Context) -> Iterator[Finding]:
    """Σ 成本指标 业绩值 ≤ 全年执行数; where the cost targets add up to the 全年预算数, Σ 业绩值 = 全年执行数."""
    for ev in evaluations(ctx):
        costs = [ind for ind in ev.indicators if "成本" in ind.level1 + ind.level2]
        line = total_line(ev)
        if not costs or line is None or line.executed is None:
            continue
        actuals = [_money(ind.actual) for ind in costs]
        targets = [_money(ind.target) for ind in costs]
        if any(a is None for a in actuals):
            continue
        spent, tol = sum(actuals, ZERO), tolerance(len(costs))
        covered = (None not in targets and line.full_year_budget is not None
                   and abs(sum(targets, ZERO) - line.full_year_budget) <= tol)
        gap = spent - line.executed
        if abs(gap) <= tol or (gap < 0 and not covered):
            continue
        why = ("超过全年执行数" if gap > 0 else
               f"少于全年执行数（各成本指标目标值合计等于全年预算数{fmt_amount(line.full_year_budget)}万元，"
               "业绩值合计应等于实际支出）")
        yield P_COST_EXEC(f"{table_label(ev)}成本指标业绩值合计{fmt_amount(spent)}万元，{why}；全年执行数为{fmt_amount(line.executed)}万元",
            {"成本指标业绩值合计": fmt_amount(spent), "全年执行数": fmt_amount(line.executed)},
            tuple(s for ind in costs for s in spans(ev, ind, "actual")) + spans(ev, line, "executed"),
            table_label(ev))


def _treatments(ctx: Context):
    """(label, situation, treatment, ev, index, ind) for rows whose printed score shows the rule used."""
    for ev, _, policy in scored(ctx):
        for i, ind in enumerate(ev.indicators):
            t, a = parse_measure(ind.target), parse_measure(ind.actual)
            if ind.score is None or not ind.weight or t.kind != NUMBER or a.kind != NUMBER or not t.value:
                continue
            value = convert(a.value, a.unit, t.unit)
            if value is None:
                continue
            r, full = value / t.value, ind.score >= ind.weight - CENT / 2
            label = ind.rule or "（未写赋分规则）"
            if is_reverse(ind, t, policy):
                # Only a clear case tells the rule: actual under target and weight×r not rounding to full.
                if value < t.value and round2(ind.weight * r) < ind.weight:
                    yield label, "反向指标达到目标", ("得满分" if full else "未得满分"), ev, i, ind
            elif r > 1 and label != "满意度赋分":
                yield label, "超额完成", ("得满分" if full else "扣分"), ev, i, ind


@check(P_INCONSISTENT_RULE)
def inconsistent_rules(ctx: Context) -> Iterator[Finding]:
    """Within one document, a 赋分规则 treats the same situation the same way, and like indicators carry one rule."""
    groups: dict[tuple[str, str], dict[str, list]] = {}
    for label, situation, treatment, ev, i, ind in _treatments(ctx):
        groups.setdefault((label, situation), {}).setdefault(treatment, []).append((ev, i, ind))
    for (label, situation), by in groups.items():
        if len(by) < 2:
            continue
        examples = [(t, rows[0]) for t, rows in sorted(by.items())]
        text = "；".join(f"{row_name(ev, i, ind)}{t}" for t, (ev, i, ind) in examples)
        yield P_INCONSISTENT_RULE(f"同为“{label}”、同属{situation}的指标，处理方法前后不一致：{text}",
            {"赋分规则": label, "情形": situation, **{t: str(len(rows)) + "项" for t, rows in by.items()}},
            tuple(s for _, (ev, i, ind) in examples for s in spans(ev, ind, "score", "rule")))
    # Like indicators (qualitative "达到预期指标" rows; 满意度 rows) given different 赋分规则 labels.
    kinds: dict[str, dict[str, list]] = {}
    for ev in evaluations(ctx):
        for i, ind in enumerate(ev.indicators):
            if not ind.rule:
                continue
            if "满意" in ind.level1 + ind.level2:
                kind = "满意度指标"
            elif parse_measure(ind.actual).kind == QUALITY and parse_measure(ind.target).kind == QUALITY:
                kind = "定性指标"
            else:
                continue
            kinds.setdefault(kind, {}).setdefault(ind.rule, []).append((ev, i, ind))
    for kind, by in kinds.items():
        if len(by) < 2:
            continue
        common = max(by, key=lambda k: len(by[k]))
        for label, rows in by.items():
            if label == common:
                continue
            for ev, i, ind in rows:
                yield P_INCONSISTENT_RULE.at(INFO)(f"{row_name(ev, i, ind)}是{kind}，赋分规则写作“{label}”，本文件其他{kind}写作“{common}”",
                    {"赋分规则": label, "通常写作": common}, spans(ev, ind, "rule", "score"), table_label(ev))


# --------------------------------------------------------------------------- narrative

_GRADE_WORDS = {"优秀": "优", "良好": "良", "中等": "中"}


def normal_grade(text: str) -> str:
    """"“优秀”" → "优": the grade word without quotes, in its short form."""
    word = text.strip().strip("“”\"「」")
    return _GRADE_WORDS.get(word, word)


def _stated_total(ctx: Context, key: str) -> Iterator[tuple]:
    story = ctx.disclosure.narrative
    for statement in story.stated(key) if story else ():
        yield statement, (statement.span,) if statement.span else ()


def _sum_line(evs: list[Evaluation], field: str) -> Decimal | None:
    values = [getattr(total_line(ev), field, None) if total_line(ev) else None for ev in evs]
    return None if not values or None in values else sum(values, ZERO)


@check(P_NARRATIVE_SCORE, P_ROUNDING, relations=("C50",))
def narrative_scores(ctx: Context) -> Iterator[Finding]:
    """第二部分 十一 states the 整体 score and grade, the number of project tables and their Σ 全年预算/执行数 as the tables give them."""
    story = ctx.disclosure.narrative
    if story is None or not (story.statements or story.text):
        raise NotApplicable("没有读入说明文字，无法核对绩效情况说明")
    results = list(scored(ctx))
    policy = policy_of(ctx)
    whole = [(ev, r) for ev, r, _ in results if ev.kind == "整体"]
    projects = [ev for ev, _, _ in results if ev.kind == "项目"]
    section = "第二部分 十一 预算绩效情况说明"
    stated_score = None
    for st, where in _stated_total(ctx, "绩效.综合得分"):
        stated_score = st.value
        if not whole:
            continue
        ev, result = whole[0]
        table_total = ev.total if ev.total is not None else result.total
        if abs(st.value - table_total) <= CENT / 2:
            continue
        printed = ev.total is not None
        yield P_NARRATIVE_SCORE.at(ERROR if printed else WARNING)(
            f"说明中整体支出绩效自评综合得分为{num(st.value)}分，" +
            (f"整体支出绩效自评表总分为{num(ev.total)}分" if printed else
             f"按“{policy.label}”配置由整体支出绩效自评表计算为{num(result.total)}分"),
            {"说明": num(st.value), "自评表": num(table_total)}, where + spans(ev, None, "total"), section)
    basis = stated_score if stated_score is not None else (whole[0][1].total if whole else None)
    for claim in story.claimed(GRADE) if basis is not None else ():
        expected = policy.for_kind("整体").grade(basis)
        if normal_grade(claim.value) != expected:
            yield P_NARRATIVE_SCORE.at(ERROR if stated_score is not None else WARNING)(
                f"说明中评价结果为“{claim.value}”，综合得分{num(basis)}分应为“{expected}”",
                {"说明等级": claim.value, "综合得分": num(basis), "应为": expected}, (claim.span,) if claim.span else (), section)
    counts = (("绩效.项目数", len(projects), "项目支出绩效自评表"), ("绩效.整体表数", len(whole), "整体支出绩效自评表"))
    for key, count, title in counts:
        for st, where in _stated_total(ctx, key):
            if st.value != count:
                yield P_NARRATIVE_SCORE.at(WARNING)(f"说明中{title}为{st.value}个，文件中读到{count}张{title}",
                              {"说明": str(st.value), "自评表": str(count)}, where, section)
    amounts = (("绩效.项目.全年预算", projects, "full_year_budget", "项目全年预算数"),
               ("绩效.项目.执行数", projects, "executed", "项目全年执行数"),
               ("绩效.整体.全年预算", [ev for ev, _ in whole], "full_year_budget", "整体全年预算数"),
               ("绩效.整体.执行数", [ev for ev, _ in whole], "executed", "整体全年执行数"))
    for key, evs, field, label in amounts:
        table = _sum_line(evs, field)
        for st, where in _stated_total(ctx, key):
            if table is None:
                continue
            gap = abs(st.value - table)
            if gap == 0:
                continue
            yield gap_finding(
                P_NARRATIVE_SCORE, gap <= tolerance(len(evs)),
                f"说明中{label}为{fmt_amount(st.value)}万元，自评表合计为{fmt_amount(table)}万元",
                {"说明": fmt_amount(st.value), "自评表": fmt_amount(table)},
                where + tuple(s for ev in evs for s in spans(ev, total_line(ev), field)), section)


# --------------------------------------------------------------------------- 实际完成情况

def _day(m: Measure, *years: int | None) -> tuple[int, int, int] | None:
    """A measure's exact day, its year taken from ``years`` when it writes none."""
    if m.kind != DATE or m.date is None or m.date[1] is None or m.date[2] is None:
        return None
    year = m.date[0] or next((y for y in years if y), 0)
    return year, m.date[1], m.date[2]


def _date_conflict(stated: Measure, actual: Measure, target: Measure, year: int | None) -> bool:
    """The text's date contradicts the 业绩值: another exact day, a deadline the 业绩值 is after,
    or a deadline that is neither the 业绩值 nor the 目标值's deadline."""
    if actual.deadline:
        return False
    a = _day(actual, stated.date[0] if stated.date else None, year)
    s = _day(stated, actual.date[0] if actual.date else None, year)
    if a is None or s is None or a == s:
        return False
    if not stated.deadline or a > s:
        return True
    return _day(target, s[0]) != s


@check(P_ACHIEVED_TEXT)
def achieved_text(ctx: Context) -> Iterator[Finding]:
    """A value (or a completion date) the 实际完成情况 text gives for an indicator, by its name, equals that row's 业绩值."""
    for ev in evaluations(ctx):
        said = {(c.key, c.parts[0]): c for c in ev.claims if c.kind == INDICATOR_VALUE and c.parts}
        if not said:
            continue
        for ind in ev.indicators:
            a = parse_measure(ind.actual)
            if a.kind == DATE:
                claim = said.get((ind.name, DATE_PART))
                stated = parse_measure(claim.value) if claim else None
                if stated is None or not _date_conflict(stated, a, parse_measure(ind.target), ev.year):
                    continue
                yield P_ACHIEVED_TEXT(f"{table_label(ev)}实际完成情况写“{ind.name}”为{claim.value}，指标表业绩值为{ind.actual}"
                    f"（目标值{ind.target}），所写完成时间不一致",
                    {"文字": claim.value, "业绩值": ind.actual, "目标值": ind.target},
                    _said(claim) + spans(ev, ind, "actual"), table_label(ev))
                continue
            claim = said.get((ind.name, a.unit)) if a.kind == NUMBER else None
            stated = claim.amounts[0] if claim and claim.amounts else None
            if stated is None or stated == a.value:
                continue
            t = parse_measure(ind.target)
            note = "（与目标值相同）" if t.kind == NUMBER and t.unit == a.unit and t.value == stated else ""
            yield P_ACHIEVED_TEXT(f"{table_label(ev)}实际完成情况写“{ind.name}”为{stated.normalize():f}{a.unit}{note}，"
                f"指标表业绩值为{ind.actual}",
                {"文字": f"{stated.normalize():f}{a.unit}", "业绩值": ind.actual},
                _said(claim) + spans(ev, ind, "actual"), table_label(ev))


#: A cell that says nothing in words: figures, signs and spaces only ("43.2", "287 171").
_FIGURES_ONLY = re.compile(r"^[\d.,，、%％\s万元-]*\d[\d.,，、%％\s万元-]*$")


@check(P_GOAL_WORDS)
def goal_words(ctx: Context) -> Iterator[Finding]:
    """自评表的年度总体目标写明预期目标和实际完成情况，不只是金额或数字。"""
    for ev in evaluations(ctx):
        bare = [(label, text) for label, text in (("预期目标", ev.goal), ("实际完成情况", ev.achieved))
                if _FIGURES_ONLY.match(text or "") and not re.search(r"[\u4e00-\u9fff]", text.replace("万元", ""))]
        if bare:
            shown = "，".join(f"{label}只填“{text}”" for label, text in bare)
            where = ev.sources.get("goal") if any(label == "预期目标" for label, _ in bare) else ev.sources.get("achieved")
            yield P_GOAL_WORDS(f"{table_label(ev)}年度总体目标中{shown}，没有写明目标和完成的内容",
                               {label: text for label, text in bare}, (where or ev.span,) if (where or ev.span) else (),
                               table_label(ev))


def _said(claim: Claim | None) -> tuple[Span, ...]:
    """Where the 实际完成情况 text says it: the indicator's name and value, marked."""
    return (claim.span,) if claim is not None and claim.span is not None else ()


__all__ = ["cost_vs_execution", "inconsistent_rules", "narrative_scores", "achieved_text", "goal_words"]
