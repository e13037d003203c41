"""The 绩效自评 scoring engine: one evaluation table in, its 执行率, each indicator's 完成率 and
score, the 总分 and the 等级 out, under a profile's policy.

Where it sits: rules, above ``measure`` (value parsing) and ``policy`` (the knobs); used by
``api.score``, ``apps/score_cmd`` and ``rules/checks/performance``. Pure functions over the model;
every result is frozen and every number is ``Decimal``. Rates are percent at full precision
(round them at display); scores are rounded half-up to 2 decimals each, and 总分 is their sum.
What cannot be interpreted is not guessed: the score is None and ``problem`` says why, naming the
table and row in ``EvaluationScore.problems``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..core.model import Evaluation, FundLine, Indicator
from ..core.money import HUNDRED, ZERO, round2
from ..core.profiles import Profile
from .measure import BLANK, DATE, NUMBER, QUALITY, UNREADABLE, Measure, convert, date_bounds, parse_measure
from ..core.scoring_policy import DIRECT, JUDGED, PROPORTIONAL, RULES, SATISFACTION, Band, Policy

ONE = Decimal(1)
TWO = Decimal(2)

__all__ = [
    "ExecutionScore", "IndicatorScore", "EvaluationScore", "Policy",
    "score_evaluation", "score_indicator", "score_execution", "rule_of", "is_reverse", "table_label",
]


@dataclass(frozen=True, slots=True)
class ExecutionScore:
    """预算执行率 and its score. ``rate`` is percent (unrounded); ``score`` is 2 dp."""

    rate: Decimal | None
    score: Decimal | None
    weight: Decimal
    budget: Decimal | None  # 全年预算数 of the 合计 / 年度资金总额 row
    executed: Decimal | None  # 全年执行数 of that row
    problem: str = ""


@dataclass(frozen=True, slots=True)
class IndicatorScore:
    """One indicator scored. ``target``/``actual`` as written; ``rate`` percent, unrounded."""

    name: str
    target: str
    actual: str
    rate: Decimal | None
    weight: Decimal | None
    score: Decimal | None
    rule: str  # the 赋分规则 applied (printed one, or inferred when none is printed)
    problem: str = ""
    method: str = ""  # how the score was reached, in Chinese
    reverse: bool = False  # scored as a reverse (越低越好) indicator
    met: bool | None = None  # target reached (None when it cannot be told)
    deducted: bool = False  # over-achievement was deducted
    band: str = ""  # 评判等级 band name for qualitative values


@dataclass(frozen=True, slots=True)
class EvaluationScore:
    name: str
    kind: str
    execution: ExecutionScore
    indicators: tuple[IndicatorScore, ...]
    total: Decimal
    grade: str
    problems: tuple[str, ...] = ()
    profile: str = ""


def table_label(ev: Evaluation) -> str:
    """"项目支出绩效自评表（援疆工作经费）" — how messages name a table."""
    title = "单位整体支出绩效自评表" if ev.kind == "整体" else "项目支出绩效自评表"
    return f"{title}（{ev.name}）" if ev.name else title


# --------------------------------------------------------------------------- rules and direction

def rule_of(ind: Indicator, target: Measure, actual: Measure) -> tuple[str, str]:
    """The rule to apply and a problem when the printed label is not understood."""
    label = (ind.rule or "").strip()
    if label in RULES:
        return label, ""
    if label:
        for word, rule in (("满意", SATISFACTION), ("直接", DIRECT), ("等级", JUDGED), ("评判", JUDGED),
                           ("比例", PROPORTIONAL)):
            if word in label:
                return rule, ""
    if "满意" in ind.level1 + ind.level2 + ind.name:
        rule = SATISFACTION
    elif DATE in (target.kind, actual.kind):
        rule = DIRECT
    elif target.kind == QUALITY:
        rule = JUDGED
    else:
        rule = PROPORTIONAL
    return rule, (f"无法识别的赋分规则“{label}”，按{rule}计" if label else "")


def is_reverse(ind: Indicator, target: Measure, policy: Policy) -> bool:
    """A 越低越好 indicator: "≤" target, a 成本指标 row, or a count of bad events."""
    if target.comparator in policy.reverse_comparators:
        return True
    if target.comparator in (">=", ">"):
        return False
    if policy.reverse_cost and "成本" in ind.level1 + ind.level2:
        return True
    return any(word in ind.name for word in policy.reverse_keywords)


# --------------------------------------------------------------------------- indicator

def _result(ind: Indicator, rule: str, **kw) -> IndicatorScore:
    score = kw.pop("score", None)
    return IndicatorScore(
        name=ind.name, target=ind.target, actual=ind.actual, weight=ind.weight, rule=rule,
        score=None if score is None else round2(max(score, ZERO)), **kw)


def _proportional(w: Decimal, r: Decimal, threshold: Decimal, over: str) -> tuple[Decimal, str, bool]:
    """Score for completion ratio r (a fraction) under a threshold (percent) and an over-rule."""
    if r * HUNDRED < threshold:
        return ZERO, f"完成率低于{threshold}%，得0分", False
    if r <= ONE:
        return w * r, "权重×完成率", False
    if over == "deduct":
        return w * max(TWO - r, ZERO), "超额部分扣分：权重×(2−完成率)", True
    return w, "超额完成，得满分", False


def _numeric(ind: Indicator, rule: str, t: Measure, a: Measure, policy: Policy) -> IndicatorScore:
    w = ind.weight
    target, value = t.value, convert(a.value, a.unit, t.unit)
    if value is None:
        return _result(ind, rule, rate=None, problem=f"目标值单位“{t.unit}”与业绩值单位“{a.unit}”不一致，无法计算")
    reverse = is_reverse(ind, t, policy)
    if target == 0:
        r = ONE if value == 0 else None
    else:
        r = value / target
    rate = None if r is None else r * HUNDRED
    met_forward = value >= target
    met_reverse = value <= target
    common = {"rate": rate, "reverse": reverse}
    if r is None:  # target 0 and something happened
        met = met_forward and not reverse and t.comparator in (">=", ">")
        how = "目标值为0，已达到" if met else "目标值为0，业绩值超出目标，得0分"
        return _result(ind, rule, score=w if met else ZERO, method=how, met=met, **common)
    if rule == SATISFACTION:
        if met_forward:
            return _result(ind, rule, score=w, method="达到目标，得满分", met=True, **common)
        score, how, _ = _proportional(w, r, policy.satisfaction_threshold, "cap")
        return _result(ind, rule, score=score, method=how, met=False, **common)
    met = met_reverse if reverse else met_forward
    if rule == DIRECT:
        share = HUNDRED if met else policy.direct_unmet_share
        return _result(ind, rule, score=w * share / HUNDRED, met=met,
                       method="达到目标，得满分" if met else "未达到目标", **common)
    if reverse and (policy.reverse_mode == "mof" or rule == JUDGED):
        if met:
            return _result(ind, rule, score=w, method="反向指标达到目标，得满分", met=True, **common)
        inverse = target / value
        threshold = ZERO if rule == JUDGED else policy.proportional_threshold
        score, how, _ = _proportional(w, inverse, threshold, "cap")
        return _result(ind, rule, score=score, method="反向指标未达到：" + how.replace("完成率", "目标值/业绩值"),
                       met=False, **common)
    if rule == JUDGED:
        score, how, _ = _proportional(w, r, ZERO, "cap")
        return _result(ind, rule, score=score, method=how, met=met, **common)
    score, how, deducted = _proportional(w, r, policy.proportional_threshold, policy.over)
    if reverse:
        how = "反向指标按业绩值/目标值计：" + how
    return _result(ind, rule, score=score, method=how, met=met, deducted=deducted, **common)


def _dated(ind: Indicator, rule: str, t: Measure, a: Measure, policy: Policy, year: int | None) -> IndicatorScore:
    t_year = t.date[0] if t.date else None
    a_year = a.date[0] if a.date else None
    target = date_bounds(t.date, t_year or a_year or year)
    actual = date_bounds(a.date, a_year or t_year or year)
    if target is None or actual is None:
        return _result(ind, rule, rate=None, problem="日期未写年份，无法判断是否按期完成")
    deadline = target[1]
    if actual[1] <= deadline:
        met = True
    elif actual[0] > deadline:
        met = False
    else:
        return _result(ind, rule, rate=None, problem=f"业绩值“{a.text}”不够具体，无法判断是否在“{t.text}”之前完成")
    share = HUNDRED if met else policy.direct_unmet_share
    return _result(ind, rule, rate=HUNDRED if met else ZERO, score=ind.weight * share / HUNDRED, met=met,
                   method="按期完成，得满分" if met else "未按期完成")


def _judged(ind: Indicator, rule: str, t: Measure, a: Measure, policy: Policy) -> IndicatorScore:
    band: Band | None = policy.band_of(a.quality)
    if band is None and t.kind == QUALITY and a.quality == t.quality:
        band = max(policy.judged_bands, key=lambda b: b.share)
    if band is None:
        return _result(ind, rule, rate=None, problem=f"业绩值“{a.text.strip()}”无法判断评判等级")
    top = max(b.share for b in policy.judged_bands)
    return _result(ind, rule, rate=band.share, score=ind.weight * band.share / HUNDRED, band=band.name,
                   met=band.share >= top, method=f"评判等级“{band.name}”，得权重的{band.share}%",
                   reverse=is_reverse(ind, t, policy) if t.kind == NUMBER else False)


def score_indicator(ind: Indicator, policy: Policy, year: int | None = None) -> IndicatorScore:
    """Score one indicator row under ``policy``."""
    t, a = parse_measure(ind.target), parse_measure(ind.actual)
    rule, rule_problem = rule_of(ind, t, a)
    if ind.weight is None:
        return _result(ind, rule, rate=None, problem="未填权重，无法计分")
    if t.kind == UNREADABLE:
        return _result(ind, rule, rate=None, problem=f"目标值{t.problem}")
    if a.kind == UNREADABLE:
        return _result(ind, rule, rate=None, problem=f"业绩值{a.problem}")
    if a.kind == BLANK:
        return _result(ind, rule, rate=None, score=ZERO, met=False, method="业绩值为空，得0分",
                       problem="业绩值为空，按0分计")
    if t.kind == BLANK:
        return _result(ind, rule, rate=None, problem="目标值为空，无法计分")
    if a.kind == QUALITY:
        out = _judged(ind, rule, t, a, policy)
    elif t.kind == NUMBER and a.kind == NUMBER:
        out = _numeric(ind, rule, t, a, policy)
    elif t.kind == DATE and a.kind == DATE:
        out = _dated(ind, rule, t, a, policy, year)
    else:
        out = _result(ind, rule, rate=None,
                      problem=f"目标值“{ind.target.strip()}”与业绩值“{ind.actual.strip()}”类型不同，无法比较")
    if rule_problem and not out.problem:
        return _replace_problem(out, rule_problem)
    return out


def _replace_problem(out: IndicatorScore, problem: str) -> IndicatorScore:
    fields = {f: getattr(out, f) for f in IndicatorScore.__dataclass_fields__}
    fields["problem"] = problem
    return IndicatorScore(**fields)


# --------------------------------------------------------------------------- execution

_TOTAL_LABELS = ("合计", "年度资金总额", "资金总额", "总额", "总计", "小计")


def _clean(label: str) -> str:
    return "".join(label.split()).removeprefix("其中：").removeprefix("其中:")


def total_line(ev: Evaluation) -> FundLine | None:
    """The 合计 row (整体表) or 年度资金总额 row (项目表); the only row when there is one."""
    for line in ev.funds:
        if _clean(line.label) in _TOTAL_LABELS:
            return line
    return ev.funds[0] if len(ev.funds) == 1 else None


def scoring_line(ev: Evaluation) -> FundLine | None:
    """The row on which the 执行率 weight / rate / score are printed."""
    for line in ev.funds:
        if line.weight is not None or line.score is not None or line.rate is not None:
            return line
    return None


def score_execution(ev: Evaluation, policy: Policy) -> ExecutionScore:
    line, printed = total_line(ev), scoring_line(ev)
    weight = printed.weight if printed is not None and printed.weight is not None else policy.execution_weight
    if line is None:
        # "not read", not "not there": a copy may hold the row in a shape the reader could not place
        return ExecutionScore(None, None, weight, None, None, "未读到资金合计行（合计或年度资金总额）")
    budget, executed = line.full_year_budget, line.executed
    if budget is None or executed is None:
        return ExecutionScore(None, None, weight, budget, executed, f"“{_clean(line.label)}”行缺少全年预算数或全年执行数")
    if budget == 0:
        return ExecutionScore(None, None, weight, budget, executed, "全年预算数为0，无法计算执行率")
    r = executed / budget
    if r * HUNDRED < policy.execution_threshold:
        score = ZERO
    else:
        score = weight * min(r, ONE)
    return ExecutionScore(r * HUNDRED, round2(score), weight, budget, executed)


# --------------------------------------------------------------------------- evaluation

def score_evaluation(ev: Evaluation, profile: Profile | Policy | str | None = None) -> EvaluationScore:
    """Score one 绩效自评表 under a profile (object, shipped name, YAML path) or a ready Policy."""
    policy = profile if isinstance(profile, Policy) else Policy.from_profile(profile)
    policy = policy.for_kind(ev.kind)
    execution = score_execution(ev, policy)
    indicators = tuple(score_indicator(ind, policy, ev.year) for ind in ev.indicators)
    problems = []
    label = table_label(ev)
    if execution.problem:
        problems.append(f"{label} 预算执行率：{execution.problem}")
    for i, item in enumerate(indicators, 1):
        if item.problem:
            problems.append(f"{label} 第{i}行指标“{item.name}”：{item.problem}")
    total = sum((i.score for i in indicators if i.score is not None), ZERO)
    if execution.score is not None:
        total += execution.score
    return EvaluationScore(ev.name, ev.kind, execution, indicators, total, policy.grade(total), tuple(problems),
                           policy.name)
