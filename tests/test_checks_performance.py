"""绩效 checks: each P-* code has a triggering and a clean example; the seed's findings under
xinjiang-2024 and national, asserted on codes, severities and places."""

from dataclasses import replace
from decimal import Decimal

import pytest

from catalogue_examples_performance import EXAMPLES, base_evaluation, change_funds, change_item, disclosure
from fixtures.seed_evaluations import SEED_NARRATIVE_TEXT, seed_disclosure, seed_evaluations, with_indicator
from juesuan.core.findings import Severity
from juesuan.core.model import Statement
from juesuan.core.findings import InputError
from juesuan.core.profiles import profile_from_mapping, load_profile
from juesuan.rules.checks import performance
from juesuan.rules.checks.base import Context, run, spec_of


def findings(d, profile="xinjiang-2024"):
    report = run(performance.CHECKS, Context.of(d, load_profile(profile)))
    crashed = [f for f in report.findings if f.code == "CHECK-CRASHED"]
    assert not crashed, crashed
    return report.findings


def places(found, code):
    return sorted((f.severity.value, f.spans[0].line if f.spans else None) for f in found if f.code == code)


def test_every_code_is_declared_and_has_examples():
    declared = {code.id for func in performance.CHECKS for code in spec_of(func).codes}
    assert declared == set(EXAMPLES)
    assert all(code.startswith("P-") for code in declared)


@pytest.mark.parametrize("code", sorted(EXAMPLES))
@pytest.mark.parametrize("profile", ["xinjiang-2024", "national"])
def test_each_code_triggers_and_clears(code, profile):
    bad, good = EXAMPLES[code]
    assert code in {f.code for f in findings(bad(), profile)}
    assert code not in {f.code for f in findings(good(), profile)}


def test_seed_findings_under_xinjiang():
    found = findings(seed_disclosure())
    summary = sorted((f.code, f.severity.value, f.spans[0].line) for f in found)
    assert summary == sorted([
        ("P-RATE", "error", 596),  # 援疆 制发文件合格率 105.16% (100/95 = 105.26%)
        ("P-ROUNDING", "info", 641),  # 援疆 经费 6.34% vs 0.19/3 = 6.33%: rounding of 0.19
        ("P-REVERSE-SCORED", "warning", 406),  # 被通报次数 ≤3 → 1 scored 0
        ("P-REVERSE-SCORED", "warning", 642),  # 援疆 经费 ≤3万 → 0.19万 scored 0
        ("P-OVER-PENALTY", "info", 597), ("P-OVER-PENALTY", "info", 612), ("P-OVER-PENALTY", "info", 627),
        ("P-OVER-PENALTY", "info", 1024),
        ("P-INCONSISTENT-RULE", "info", 675),  # 提高援疆干部幸福感 under 按照完成比例赋分
        ("P-ACHIEVED-TEXT", "warning", 542), ("P-ACHIEVED-TEXT", "warning", 542),  # 援疆: 0万元, 1.45万元
        ("P-ACHIEVED-TEXT", "warning", 969),  # 经贸: 30家 in text, 35家 in the table
        ("P-ACHIEVED-TEXT", "warning", 969),  # 经贸: 完成时间 5月23日前 in text, =4月15日 in the table
        ("P-SAME-INDICATOR", "warning", 180), ("P-SAME-INDICATOR", "info", 189),  # 整体 3个 < 项目 4个; 16人 vs 14人
    ])
    text = {f.figures.get("文字") for f in found if f.code == "P-ACHIEVED-TEXT"}
    assert text == {"0万元", "1.45万元", "30家", "5月23日前"}


def test_seed_under_national_flags_the_xinjiang_rules():
    found = findings(seed_disclosure(profile="national"), "national")
    assert places(found, "P-SCORE") == [("warning", 406), ("warning", 597), ("warning", 612), ("warning", 627),
                                        ("warning", 642), ("warning", 1024)]
    assert places(found, "P-EXEC-SCORE") == [("warning", 516)]  # 援疆 43.80% → 0 vs 4.38
    assert places(found, "P-OVER-PENALTY") == [("warning", 597), ("warning", 612), ("warning", 627),
                                               ("warning", 1024)]
    assert len(places(found, "P-REVERSE-SCORED")) == 2  # under any profile


def test_execution_rate_tolerates_rounded_amounts_and_one_decimal():
    # the seed's 整体 table prints 97.4% for 1,740.70 / 1,787.23 = 97.396%
    assert "P-EXEC-RATE" not in {f.code for f in findings(seed_disclosure())}
    ev = base_evaluation()
    ev = replace(ev, funds=(replace(ev.funds[0], full_year_budget=Decimal("3.00"), executed=Decimal("1.00"),
                                    rate=Decimal("33.34"), score=Decimal("0.00")),) + ev.funds[1:])
    assert "P-EXEC-RATE" not in {f.code for f in findings(disclosure(ev))}  # 0.995/3.005 … 1.005/2.995
    ev = replace(ev, funds=(replace(ev.funds[0], rate=Decimal("34.00")),) + ev.funds[1:])
    assert places(findings(disclosure(ev)), "P-EXEC-RATE") == [("error", None)]


def test_score_rounding_gap_is_info():
    ev = change_item(base_evaluation(), 0, actual="=9个", rate="90", score="27.01")
    ev = replace(ev, total=Decimal("97.01"))
    found = findings(disclosure(ev))
    assert "P-SCORE" not in {f.code for f in found}
    assert [(f.severity, f.figures["计算得分"]) for f in found if f.code == "P-ROUNDING"] == [(Severity.INFO, "27.00")]


def test_judged_score_inside_band_is_accepted():
    ev = change_item(base_evaluation(), 3, actual="部分达到预期指标", rate="70", score="14")
    ev = replace(ev, total=Decimal("94.00"))
    assert "P-SCORE" not in {f.code for f in findings(disclosure(ev))}
    ev = change_item(ev, 3, score="18")  # 90% of the weight is not 部分达成
    assert "P-SCORE" in {f.code for f in findings(disclosure(ev))}


def test_total_gap_within_rounding_is_info():
    ev = replace(base_evaluation(), total=Decimal("100.01"))
    found = findings(disclosure(ev))
    assert "P-TOTAL" not in {f.code for f in found}
    assert [(f.severity, f.figures["得分合计"]) for f in found if f.code == "P-ROUNDING"] == [(Severity.INFO, "100.00")]


def test_reverse_scored_is_raised_even_when_profile_turns_it_mechanical():
    custom = profile_from_mapping(dict(name="t", scoring={"reverse": {"mode": "mechanical"}, "proportional": {"threshold": 60}}))
    d = EXAMPLES["P-REVERSE-SCORED"][0]()
    report = run(performance.CHECKS, Context.of(d, custom))
    assert "P-REVERSE-SCORED" in {f.code for f in report.findings}


def test_unreadable_names_table_and_row():
    found = findings(EXAMPLES["P-UNREADABLE"][0]())
    f = next(f for f in found if f.code == "P-UNREADABLE")
    assert f.figures["行"] == "4" and f.figures["表"] == "项目支出绩效自评表（示例项目）"
    assert f.spans[0].cell == "绩效.指标[4].actual"


def test_a_funds_row_not_read_at_all_is_a_notice_not_a_warning():
    found = findings(disclosure(replace(base_evaluation(), funds=())))
    assert [f.severity for f in found if f.code == "P-UNREADABLE"] == [Severity.INFO]
    blank = replace(base_evaluation(), funds=tuple(replace(f, executed=None) for f in base_evaluation().funds))
    assert Severity.WARNING in [f.severity for f in findings(disclosure(blank)) if f.code == "P-UNREADABLE"]
    # the row's label read without one amount: lost by the copy as much as a missing row
    bare = replace(base_evaluation(), funds=tuple(
        replace(f, initial_budget=None, full_year_budget=None, executed=None) for f in base_evaluation().funds))
    assert [f.severity for f in findings(disclosure(bare)) if f.code == "P-UNREADABLE"] == [Severity.INFO]


def test_narrative_score_and_grade():
    evs = seed_evaluations()
    d = seed_disclosure(text=SEED_NARRATIVE_TEXT.replace("为“优”", "为“良”"))
    found = findings(d)
    assert [(f.severity, f.figures["应为"]) for f in found if f.code == "P-NARRATIVE-SCORE"] == [(Severity.ERROR, "优")]
    # the stated score against the 整体 table as the engine scores it
    whole = with_indicator(evs[0], 0, actual="=1种")  # 15 × 50% → below the 60% threshold: 0
    d = seed_disclosure((whole,) + evs[1:])
    found = findings(d)
    codes = [(f.code, f.figures.get("自评表")) for f in found if f.code == "P-NARRATIVE-SCORE"]
    assert codes == [("P-NARRATIVE-SCORE", "84.74")]
    # project sums and counts
    statements = tuple(s if s.key != "绩效.项目.执行数" else Statement(s.key, Decimal("500.05"), s.unit, s.span)
                       for s in d.narrative.statements)
    d = replace(seed_disclosure(), narrative=replace(seed_disclosure().narrative, statements=statements))
    found = [f for f in findings(d) if f.code == "P-NARRATIVE-SCORE"]
    assert [(f.severity, f.figures["自评表"]) for f in found] == [(Severity.ERROR, "502.05")]
    assert found[0].spans[0].line == 84 and len(found[0].spans) == 6


def test_narrative_check_not_run_without_text():
    report = run(performance.CHECKS, Context.of(seed_disclosure(narrative=False), load_profile("xinjiang-2024")))
    # the checks that compare the tables with the narrative (or the accounts it states) need the text
    assert [n["check"] for n in report.summary()["not_run"]] == ["narrative_scores", "whole_vs_accounts",
                                                                 "project_amounts"]


def test_cost_execution_when_costs_cover_the_budget():
    # cost targets add up to the 全年预算 (100): their actuals must add up to the 执行数
    ev = change_item(base_evaluation(), 2, actual="=90万元", rate="90", score="18")
    ev = replace(ev, total=Decimal("98.00"))
    found = [f for f in findings(disclosure(ev)) if f.code == "P-COST-EXEC"]
    assert len(found) == 1 and found[0].figures["成本指标业绩值合计"] == "90.00"
    # targets not covering the budget: spending less on the listed costs is no finding
    ev = change_item(ev, 2, target="<=95万元", actual="=90万元", rate="94.74", score="18.95")
    assert "P-COST-EXEC" not in {f.code for f in findings(disclosure(ev))}


def test_a_cost_written_in_bare_wan_is_money():
    # 鄂州市行政审批局 2021 (golden): a cost indicator's "150万" against 125.25 executed
    ev = change_item(base_evaluation(), 2, target="150万", actual="150万", rate="100", score="20")
    (hit,) = [f for f in findings(disclosure(ev)) if f.code == "P-COST-EXEC"]
    assert hit.figures["成本指标业绩值合计"] == "150.00"
    ev = change_item(base_evaluation(), 2, target="150万", actual="90万", rate="60", score="12")
    assert "P-COST-EXEC" not in {f.code for f in findings(disclosure(ev))}


def test_seed_cost_indicators_tie_to_execution():
    # 35 + 135 + 309.75 = 479.75; 0.19 + 2 = 2.19; 10 + 6.2 = 16.20; 2.46; 1.45
    assert "P-COST-EXEC" not in {f.code for f in findings(seed_disclosure())}


def test_bad_scoring_profile_is_refused_at_load_naming_the_key():
    with pytest.raises(InputError, match="scoring.proportional.over"):
        profile_from_mapping(dict(name="broken", scoring={"proportional": {"over": "half"}}))


def test_narrative_grade_only_after_the_overall_score():
    d = seed_disclosure(text="某项目评价等级为“良”。" + SEED_NARRATIVE_TEXT)
    assert "P-NARRATIVE-SCORE" not in {f.code for f in findings(d)}


def test_a_form_of_whole_number_scores_rounds_its_computed_scores_to_whole_numbers():
    ev = change_funds(base_evaluation(), executed="86.20", rate="86", score="9")
    whole = replace(ev, total=Decimal("99"))  # every score on the form a whole number: 8.62 printed as 9
    found = findings(disclosure(whole))
    assert "P-EXEC-SCORE" not in {f.code for f in found}
    assert [f.figures["计算得分"] for f in found if f.code == "P-ROUNDING"] == ["8.62"]
    cents = replace(ev, total=Decimal("99.00"))  # a form that prints cents: 9 is no rounding of 8.62
    assert [f.severity.value for f in findings(disclosure(cents)) if f.code == "P-EXEC-SCORE"] == ["warning"]
    wrong = replace(change_funds(ev, score="8"), total=Decimal("98"))  # 8.62 rounds to 9, not 8
    assert [f.severity.value for f in findings(disclosure(wrong)) if f.code == "P-EXEC-SCORE"] == ["warning"]
