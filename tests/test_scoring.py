"""绩效 scoring engine: value parsing, each rule at its edges, the seed's six tables under both
shipped profiles, a user profile file, grades."""

from decimal import Decimal

import pytest

from fixtures.seed_evaluations import SEED_TOTALS, seed_evaluations
from juesuan.core.findings import InputError
from juesuan.core.model import Evaluation, FundLine, Indicator
from juesuan.core.profiles import load_profile
from juesuan.rules.measure import convert, parse_measure
from juesuan.core.scoring_policy import Policy
from juesuan.rules.scoring import score_evaluation, score_execution, score_indicator

D = Decimal
XJ = Policy.from_profile("xinjiang-2024")
NAT = Policy.from_profile("national")


def ind(target, actual, weight="10", rule="按照完成比例赋分", level1="产出指标", level2="数量指标", name="保障会议次数"):
    return Indicator(level1, level2, name, None if weight is None else D(weight), target, actual, rule=rule)


def score(policy, *args, year=2024, **kw):
    return score_indicator(ind(*args, **kw), policy, year)


# --------------------------------------------------------------------------- measure

@pytest.mark.parametrize("text, kind, comparator, value, unit", [
    ("=2种", "number", "=", "2", "种"),
    (">=98%", "number", ">=", "98", "%"),
    ("<=309.78万元", "number", "<=", "309.78", "万元"),
    ("=0.19万元", "number", "=", "0.19", "万元"),
    ("100%", "number", "", "100", "%"),
    ("=15万页", "number", "=", "15", "万页"),
    (">=16人", "number", ">=", "16", "人"),
    ("=30家", "number", "=", "30", "家"),
    ("=108份", "number", "=", "108", "份"),
    ("=8类", "number", "=", "8", "类"),
    ("=3个", "number", "=", "3", "个"),
    ("<=3次", "number", "<=", "3", "次"),
    ("≥90%", "number", ">=", "90", "%"),
    ("≤3次", "number", "<=", "3", "次"),
    ("不低于90%", "number", ">=", "90", "%"),
    ("不高于5次", "number", "<=", "5", "次"),
    ("90%以上", "number", ">=", "90", "%"),
    ("＞＝１,７４０.７０万元", "number", ">=", "1740.70", "万元"),
    ("达100%", "number", "=", "100", "%"),
])
def test_parse_numbers(text, kind, comparator, value, unit):
    m = parse_measure(text)
    assert (m.kind, m.comparator, m.value, m.unit) == (kind, comparator, D(value), unit)


@pytest.mark.parametrize("text, date, deadline", [
    ("2024年", (2024, None, None), False),
    ("2024年10月1日", (2024, 10, 1), False),
    ("8月31日前", (None, 8, 31), True),
    ("=4月15日", (None, 4, 15), False),
    ("2024年12月10日", (2024, 12, 10), False),
    ("=2024年12月10日", (2024, 12, 10), False),
    ("12月底前", (None, 12, 31), True),
    ("2024-06-30", (2024, 6, 30), False),
])
def test_parse_dates(text, date, deadline):
    m = parse_measure(text)
    assert (m.kind, m.date, m.deadline) == ("date", date, deadline)


def test_parse_qualitative_blank_and_unreadable():
    for text in ("提高", "保障", "显著增强", "开拓市场", "达到预期指标"):
        m = parse_measure(text)
        assert m.kind == "quality" and m.quality == text and m.comparator == ""
    assert parse_measure("-").kind == "blank" and parse_measure("").kind == "blank" and parse_measure("/").kind == "blank"
    bad = parse_measure("约12个左右（见附表3）")
    assert bad.kind == "unreadable" and "约12个左右" in bad.problem
    assert parse_measure("2月30日").kind == "unreadable"  # not a real date, and not a number with a unit


def test_every_seed_value_is_interpreted():
    for ev in seed_evaluations():
        for item in ev.indicators:
            for text in (item.target, item.actual):
                assert parse_measure(text).kind in ("number", "date", "quality"), text


def test_convert_units():
    assert convert(D("0.19"), "万元", "元") == D("1900")
    assert convert(D("15"), "万页", "页") == D("150000")
    assert convert(D("3"), "", "次") == D("3")
    assert convert(D("3"), "人", "次") is None


# --------------------------------------------------------------------------- proportional

def test_exactly_at_target_scores_full_under_both_profiles():
    for policy in (XJ, NAT):
        r = score(policy, "=20人", "=20人", "15")
        assert (r.rate, r.score, r.met) == (D(100), D("15.00"), True)


def test_under_target_is_weight_times_rate():
    r = score(XJ, "=20人", "=18人", "15")
    assert r.rate == D(90) and r.score == D("13.50")


def test_threshold_edge():
    # xinjiang threshold 60%: exactly 60% keeps w·r, just under it scores 0
    assert score(XJ, "=100次", "=60次").score == D("6.00")
    assert score(XJ, "=10000次", "=5999次").score == D("0.00")
    # national has no threshold
    assert score(NAT, "=10000次", "=5999次").score == D("6.00")


def test_over_achievement_deducted_or_capped():
    r = score(XJ, "=30家", "=35家", "15")
    assert r.score == D("12.50") and r.deducted and r.rate.quantize(D("0.01")) == D("116.67")
    assert score(NAT, "=30家", "=35家", "15").score == D("15.00")
    # r ≥ 2 never goes below 0
    assert score(XJ, "=10次", "=20次").score == D("0.00")
    assert score(XJ, "=10次", "=25次").score == D("0.00")
    assert score(NAT, "=10次", "=25次").score == D("10.00")


def test_target_zero():
    assert score(XJ, "=0次", "=0次").score == D("10.00")
    r = score(NAT, "<=0次", "=2次", level1="产出指标")
    assert r.score == D("0.00") and r.rate is None and r.met is False
    assert score(NAT, ">=0次", "=3次").score == D("10.00")


def test_missing_actual_scores_zero_and_is_reported():
    r = score(XJ, "=20人", "")
    assert r.score == D("0.00") and "业绩值为空" in r.problem
    r = score(XJ, "=20人", "-")
    assert r.score == D("0.00") and r.problem


def test_qualitative_actual():
    r = score(XJ, "=100%", "达到预期指标")
    assert r.score == D("10.00") and r.band == "达成"
    r = score(XJ, "提高", "提高", rule="按评判等级赋分")
    assert r.score == D("10.00")
    r = score(XJ, "=100%", "良好")
    assert r.score is None and "良好" in r.problem


def test_unit_mismatch_and_missing_weight_are_problems():
    r = score(XJ, "=3人", "=3次")
    assert r.score is None and "单位" in r.problem
    assert convert(D(1), "万元", "元") == D(10000)
    assert score(XJ, "=3万元", "=30000元").score == D("10.00")
    r = score(XJ, "=3人", "=3人", None)
    assert r.score is None and "权重" in r.problem


# --------------------------------------------------------------------------- reverse

def test_reverse_mechanical_vs_mof():
    r = score(XJ, "<=3次", "=1次", "8", level1="产出指标", level2="质量指标", name="政府公众号被通报次数")
    assert r.reverse and r.score == D("0.00") and r.rate.quantize(D("0.01")) == D("33.33")
    r = score(NAT, "<=3次", "=1次", "8", level1="产出指标", level2="质量指标", name="政府公众号被通报次数")
    assert r.reverse and r.score == D("8.00") and r.met
    # over a reverse target: mof gives w·target/actual, mechanical deducts like a forward one
    assert score(NAT, "<=10万元", "=12.5万元", level1="成本指标").score == D("8.00")
    assert score(XJ, "<=10万元", "=12.5万元", level1="成本指标").score == D("7.50")
    # met exactly: full under both
    assert score(XJ, "<=2万元", "=2万元", level1="成本指标").score == D("10.00")
    assert score(NAT, "<=2万元", "=2万元", level1="成本指标").score == D("10.00")


def test_reverse_detection():
    assert score(NAT, "=1.45万元", "=1万元", level1="成本指标").reverse
    assert not score(NAT, ">=90%", "=80%", level1="成本指标").reverse
    assert score(NAT, "=2起", "=1起", name="安全事故发生次数").reverse
    assert not score(NAT, "=100%", "=90%", name="专项工作督查通报率").reverse


# --------------------------------------------------------------------------- satisfaction, direct, judged

def test_satisfaction():
    for policy in (XJ, NAT):
        r = score(policy, ">=90%", "=100%", rule="满意度赋分", level1="满意度指标", level2="满意度指标")
        assert r.score == D("10.00") and not r.deducted
    assert score(XJ, ">=90%", "=85%", rule="满意度赋分").score == D("9.44")
    assert score(XJ, ">=90%", "=50%", rule="满意度赋分").score == D("0.00")
    assert score(NAT, ">=90%", "=50%", rule="满意度赋分").score == D("5.56")


def test_direct_deadlines():
    assert score(XJ, "8月31日前", "=4月15日", rule="直接赋分").score == D("10.00")
    assert score(XJ, "2024年", "2024年10月1日", rule="直接赋分").score == D("10.00")
    assert score(XJ, "2024年12月10日", "=2024年12月10日", rule="直接赋分").score == D("10.00")
    late = score(XJ, "8月31日前", "=9月1日", rule="直接赋分")
    assert (late.score, late.met, late.rate) == (D("0.00"), False, D(0))
    assert score(XJ, "2024年12月10日", "2024年12月11日", rule="直接赋分").score == D("0.00")
    assert score(XJ, "2024年", "2025年1月3日", rule="直接赋分").score == D("0.00")
    vague = score(XJ, "2024年6月30日", "2024年", rule="直接赋分")
    assert vague.score is None and vague.problem
    no_year = score(XJ, "8月31日前", "=9月1日", rule="直接赋分", year=None)
    assert no_year.score is None and "年份" in no_year.problem
    assert score(XJ, "=100%", "=100%", rule="直接赋分").score == D("10.00")
    assert score(XJ, "=100%", "=90%", rule="直接赋分").score == D("0.00")


def test_judged_bands():
    assert score(XJ, "显著增强", "达到预期指标", "30", rule="按评判等级赋分").score == D("30.00")
    partial = score(XJ, "显著增强", "部分达到预期指标", "30", rule="按评判等级赋分")
    assert partial.band == "部分达成" and partial.score == D("15.00")
    assert score(XJ, "显著增强", "未达到预期指标", "30", rule="按评判等级赋分").score == D("0.00")
    unknown = score(XJ, "显著增强", "较好", "30", rule="按评判等级赋分")
    assert unknown.score is None and "较好" in unknown.problem


def test_rule_inferred_when_not_printed():
    assert score(XJ, "2024年", "2024年5月1日", rule="").rule == "直接赋分"
    assert score(XJ, "提高", "达到预期指标", rule="").rule == "按评判等级赋分"
    assert score(XJ, ">=90%", "=95%", rule="", level1="满意度指标").rule == "满意度赋分"
    odd = score(XJ, "=3次", "=3次", rule="按比例计分")
    assert odd.rule == "按照完成比例赋分" and odd.problem == ""
    unknown = score(XJ, "=3次", "=3次", rule="专家打分")
    assert unknown.score == D("10.00") and "专家打分" in unknown.problem


# --------------------------------------------------------------------------- execution and grades

def _funds(budget, executed, weight="10"):
    return Evaluation(kind="项目", name="t", funds=(FundLine("年度资金总额", None, D(budget), D(executed),
                                                             D(weight) if weight else None),))


def test_execution_edges():
    assert score_execution(_funds("100", "60"), XJ).score == D("6.00")
    assert score_execution(_funds("10000", "5999"), XJ).score == D("0.00")
    assert score_execution(_funds("10000", "5999"), NAT).score == D("6.00")
    assert score_execution(_funds("479.78", "479.75"), XJ).score == D("10.00")
    over = score_execution(_funds("100", "120"), XJ)
    assert over.score == D("10.00") and over.rate == D(120)
    zero = score_execution(_funds("0", "0"), XJ)
    assert zero.score is None and zero.rate is None and "为0" in zero.problem
    assert score_execution(_funds("100", "90", weight=None), XJ).weight == D(10)


def test_grades_at_band_edges():
    assert [XJ.grade(D(x)) for x in ("100", "90", "89.99", "80", "79.99", "60", "59.99", "0")] == \
        ["优", "优", "良", "良", "中", "中", "差", "差"]
    assert Policy.from_profile("shanghai-2024").grade(D("60")) == "合格"


# --------------------------------------------------------------------------- the seed

def test_seed_totals_reproduced_under_xinjiang():
    results = [score_evaluation(ev, "xinjiang-2024") for ev in seed_evaluations()]
    assert tuple(r.total for r in results) == SEED_TOTALS
    assert [r.grade for r in results] == ["优", "优", "中", "优", "优", "优"]
    for ev, r in zip(seed_evaluations(), results):
        assert not r.problems
        assert [i.score for i in r.indicators] == [i.score for i in ev.indicators], ev.name
        printed = next(f for f in ev.funds if f.score is not None)
        assert r.execution.score == printed.score
        assert r.execution.rate.quantize(D("0.01")) == printed.rate.quantize(D("0.01"))
        if ev.total is not None:
            assert r.total == ev.total


def test_seed_true_rates():
    yuanjiang = score_evaluation(seed_evaluations()[2], "xinjiang-2024")
    rates = [i.rate.quantize(D("0.01")) for i in yuanjiang.indicators]
    assert rates[2] == D("105.26")  # printed 105.16%
    assert rates[5] == D("6.33")  # printed 6.34% (0.19 is rounded)
    assert yuanjiang.execution.score == D("0.00") and yuanjiang.execution.rate == D("43.8")


def test_seed_under_national():
    results = [score_evaluation(ev, "national") for ev in seed_evaluations()]
    assert [r.total for r in results] == [D("99.74"), D("100.00"), D("94.38"), D("100.00"), D("100.00"), D("100.00")]
    yuanjiang = results[2]
    assert yuanjiang.execution.score == D("4.38")
    assert [i.score for i in yuanjiang.indicators][2:6] == [D("5.00"), D("5.00"), D("10.00"), D("10.00")]
    assert results[1].indicators[7].score == D("8.00")  # 被通报次数 ≤3 → 1
    assert results[4].indicators[2].score == D("15.00")  # 参展企业 35/30, capped


def test_whole_table_caps_over_achievement_under_xinjiang():
    whole = score_evaluation(seed_evaluations()[0], "xinjiang-2024")
    assert whole.indicators[4].rate.quantize(D("0.01")) == D("102.04") and whole.indicators[4].score == D("10.00")
    assert XJ.for_kind("整体").over == "cap" and XJ.for_kind("项目").over == "deduct"


# --------------------------------------------------------------------------- user profile

def test_user_profile_file(tmp_path):
    path = tmp_path / "我的评分.yaml"
    path.write_text(
        "base: national\nname: mine\nscoring:\n"
        "  execution: {threshold: 50}\n"
        "  proportional: {threshold: 50, over: deduct}\n"
        "  reverse: {mode: mechanical}\n"
        "  direct: {unmet_share: 50}\n"
        "  judged:\n    bands:\n"
        "      - {name: 达成, low: 80, high: 100, share: 100, words: [达到预期指标]}\n"
        "      - {name: 部分达成, low: 50, high: 80, share: 70, words: [部分达到预期指标]}\n"
        "      - {name: 未达成, low: 0, high: 50, share: 0, words: [未达到预期指标]}\n"
        "  grade_bands: [85, 70, 50]\n"
        "  grade_names: [优秀, 良好, 合格, 不合格]\n",
        encoding="utf-8")
    policy = Policy.from_profile(str(path))
    assert policy.name == "mine" and policy.execution_threshold == D(50)
    assert score(policy, "=30家", "=35家", "15").score == D("12.50")
    assert score(policy, "8月31日前", "=9月1日", rule="直接赋分").score == D("5.00")
    assert score(policy, "提高", "部分达到预期指标", "30", rule="按评判等级赋分").score == D("21.00")
    assert score_execution(_funds("100", "50"), policy).score == D("5.00")
    assert score_execution(_funds("100", "49"), policy).score == D("0.00")
    results = [score_evaluation(ev, load_profile(str(path))) for ev in seed_evaluations()]
    assert results[2].execution.score == D("0.00")  # 43.80% under the 50% threshold
    assert [r.grade for r in results][:2] == ["优秀", "优秀"] and results[2].grade == "良好"  # 78.07


@pytest.mark.parametrize("body, key", [
    ("scoring:\n  proportional: {over: half}\n", "scoring.proportional.over"),
    ("scoring:\n  execution: {threshold: 160}\n", "scoring.execution.threshold"),
    ("scoring:\n  reverse: {mode: mof, cost_indicators: maybe}\n", "scoring.reverse.cost_indicators"),
    ("scoring:\n  grade_bands: [80, 90]\n", "grade_bands"),
    ("scoring:\n  bonus: 5\n", "bonus"),
    ("scoring:\n  judged: {bands: [{name: 达成, low: 90, share: 50}]}\n", "judged.bands[0]"),
])
def test_bad_user_profile_names_the_key(tmp_path, body, key):
    path = tmp_path / "bad.yaml"
    path.write_text("base: national\n" + body, encoding="utf-8")
    with pytest.raises(InputError) as err:
        Policy.from_profile(str(path))
    assert key in str(err.value) and "bad.yaml" in str(err.value)


def test_results_are_frozen_decimals():
    r = score_evaluation(seed_evaluations()[1], "xinjiang-2024")
    with pytest.raises(AttributeError):
        r.total = D(0)  # type: ignore[misc]
    assert isinstance(r.total, Decimal) and isinstance(r.execution.rate, Decimal)
    assert all(isinstance(i.score, Decimal) for i in r.indicators)
