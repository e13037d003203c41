"""绩效自评表 against the accounts and the narrative (P-WHOLE-TOTALS, P-WHOLE-FISCAL, P-PROJECT-AMOUNT,
P-PROJECT-INITIAL, P-SAME-INDICATOR), completion dates in 实际完成情况 (P-ACHIEVED-TEXT), and what
the whole catalogue finds on the seed for these codes."""

from dataclasses import replace
from decimal import Decimal

import pytest

from shared import SEED, needs_shared, shared

from catalogue_examples import T1
from catalogue_examples_performance import (_accounts, _quoted, base_evaluation, change_funds, change_item, disclosure,
                                            whole_evaluation)
from juesuan.core.findings import Severity
from juesuan.core.model import Tables
from juesuan.core.profiles import load_profile
from juesuan.rules.checks import performance
from juesuan.rules.checks.base import Context, run



def findings(d, code=None):
    profile = load_profile("xinjiang-2024")
    report = run(performance.CHECKS, Context.of(d, profile))
    assert not [f for f in report.findings if f.code == "CHECK-CRASHED"]
    return [f for f in report.findings if code is None or f.code == code]


# --------------------------------------------------------------------------- 整体表 vs the accounts

def test_whole_totals_against_narrative_and_tables():
    found = findings(disclosure(whole_evaluation(), statements=_accounts(income_total="110.00")), "P-WHOLE-TOTALS")
    assert [(f.severity, f.figures["收入总计"], f.figures["来源"]) for f in found] == [(Severity.WARNING, "110.00", "说明")]
    assert found[0].spans[0].cell == "整体.资金.全年预算数"
    # with T1 present its figures are used (收入总计 115, 本年支出合计 108), not the narrative's
    d = replace(disclosure(whole_evaluation(), statements=_accounts()), tables=Tables(t1=T1()))
    found = findings(d, "P-WHOLE-TOTALS")
    assert sorted((f.figures.get("收入总计") or f.figures.get("本年支出合计"), f.figures["来源"]) for f in found) == [
        ("108.00", "决算表"), ("115.00", "决算表")]


def test_whole_fiscal_initial_and_execution():
    found = findings(disclosure(whole_evaluation(), statements=_accounts(initial="95.00")), "P-WHOLE-FISCAL")
    assert [(f.figures["自评表"], f.figures["财政拨款年初预算数"]) for f in found] == [("90.00", "95.00")]
    assert "本级资金年初预算数为90.00万元" in found[0].message
    statements = _accounts()[:3] + (replace(_accounts()[3], value=Decimal("99.00")),)
    found = findings(disclosure(whole_evaluation(), statements=statements), "P-WHOLE-FISCAL")
    assert [(f.figures["自评表"], f.figures["本年财政拨款支出"]) for f in found] == [("100.00", "99.00")]


def test_whole_fiscal_adds_upper_level_funds():
    ev = whole_evaluation(initial="85.00")
    ev = replace(ev, funds=(replace(ev.funds[0], initial_budget=Decimal("5.00")),) + ev.funds[1:])
    assert findings(disclosure(ev, statements=_accounts(initial="90.00")), "P-WHOLE-FISCAL") == []
    assert len(findings(disclosure(ev, statements=_accounts(initial="85.00")), "P-WHOLE-FISCAL")) == 1


def test_whole_checks_need_a_whole_table():
    report = run(performance.CHECKS, Context.of(disclosure(statements=_accounts()), load_profile("xinjiang-2024")))
    assert "whole_vs_accounts" in {n["check"] for n in report.summary()["not_run"]}


# --------------------------------------------------------------------------- a project quoted by name

def test_project_quoted_at_initial_budget_is_info():
    found = findings(_quoted("120", initial="120.00"))
    assert [(f.code, f.severity, f.figures["全年预算数"]) for f in found if f.code.startswith("P-PROJECT")] == [
        ("P-PROJECT-INITIAL", Severity.INFO, "100.00")]


def test_project_quoted_amounts():
    assert [f.figures["说明"] for f in findings(_quoted("80"), "P-PROJECT-AMOUNT")] == ["80.00"]
    assert findings(_quoted("100"), "P-PROJECT-AMOUNT") == []  # the 全年预算数
    ev = change_funds(base_evaluation(), executed="99.50", rate="99.50", score="9.95")
    d = disclosure(ev, text="项目资金为2024年示例项目99.50万元。")  # the 执行数, the year before the name
    assert [f for f in findings(d) if f.code.startswith("P-PROJECT")] == []
    d = disclosure(text="示例项目1,000,000元已支付。")  # in 元
    assert [f for f in findings(d) if f.code.startswith("P-PROJECT")] == []
    d = disclosure(text="示例项目、其他项目共80万元。")  # the amount is not the project's
    assert [f for f in findings(d) if f.code.startswith("P-PROJECT")] == []


# --------------------------------------------------------------------------- one indicator, two tables

def test_same_indicator_names_prior_year_value():
    project = change_item(base_evaluation(), 0, target="=12个", actual="=12个", prior_result="10个")
    found = findings(disclosure(whole_evaluation(), project), "P-SAME-INDICATOR")
    # a count the whole unit has fewer of than one of its projects: a warning
    assert [(f.severity, f.figures["整体表业绩值"], f.figures["项目表业绩值"]) for f in found] == [
        (Severity.WARNING, "=10个", "=12个")]
    assert "上年完成情况" in found[0].message and "小于其中一个项目" in found[0].message
    fewer = change_item(base_evaluation(), 0, target="=8个", actual="=8个", prior_result="10个")
    (hit,) = findings(disclosure(whole_evaluation(), fewer), "P-SAME-INDICATOR")
    assert hit.severity == Severity.INFO and "小于" not in hit.message


def test_same_indicator_only_between_whole_and_project():
    other = change_item(base_evaluation("乙项目"), 0, target="=12个", actual="=12个")
    assert findings(disclosure(base_evaluation(), other), "P-SAME-INDICATOR") == []
    # convertible units compare by value: 1万个 is not 10个, 10个 written as =10 is
    same = change_item(base_evaluation(), 0, actual="=10")
    assert findings(disclosure(whole_evaluation(), same), "P-SAME-INDICATOR") == []


# --------------------------------------------------------------------------- dates in 实际完成情况

def _dated(text: str, target: str = "8月31日前", actual: str = "=4月15日"):
    ev = change_item(base_evaluation(), 1, name="项目完成时限", target=target, actual=actual)
    return disclosure(replace(ev, achieved=f"截至2024年12月31日，该项目实际完成：{text}，通过该项目的实施……"))


@pytest.mark.parametrize("text, flagged", [
    ("项目完成时间5月23日前", True),  # the seed: neither the 业绩值 (4月15日) nor the 目标值 (8月31日前)
    ("项目完成时间8月31日前", False),  # quotes the target deadline, which the 业绩值 meets
    ("项目完成时限4月15日", False),
    ("项目完成时间2024年4月15日", False),
    ("项目完成时间4月16日", True),  # another day
    ("项目完成时间4月1日前", True),  # a deadline the 业绩值 is after
    ("项目完成时间2024年", False),  # no day: cannot tell
    ("项目完成时间4月", False),
    ("项目完成时间5月23日前、项目完成时间6月1日前", False),  # ambiguous
])
def test_completion_date_in_text(text, flagged):
    found = findings(_dated(text), "P-ACHIEVED-TEXT")
    assert bool(found) is flagged
    if flagged:
        assert found[0].severity is Severity.WARNING and found[0].figures["业绩值"] == "=4月15日"


def test_completion_date_with_years():
    assert findings(_dated("项目完成时间2024年12月10日", "2024年12月31日前", "=2024年12月10日"), "P-ACHIEVED-TEXT") == []
    assert len(findings(_dated("项目完成时间2023年12月10日", "2024年12月31日前", "=2024年12月10日"),
                        "P-ACHIEVED-TEXT")) == 1
    # an actual written as a deadline is not compared
    assert findings(_dated("项目完成时间5月23日前", actual="8月31日前"), "P-ACHIEVED-TEXT") == []


# --------------------------------------------------------------------------- the seed, whole catalogue

@pytest.fixture(scope="module")
def seed():
    shared("seed", SEED.name)
    from juesuan.audit import check_path

    result = check_path(SEED)
    assert result.report is not None, result.error
    return result.report.findings


@needs_shared
def test_seed_whole_table_initial_budget(seed):
    found = [f for f in seed if f.code == "P-WHOLE-FISCAL"]
    assert [(f.severity, f.figures["自评表"], f.figures["财政拨款年初预算数"], f.spans[0].line) for f in found] == [
        (Severity.WARNING, "1,740.74", "1,753.38", 114)]
    assert not [f for f in seed if f.code == "P-WHOLE-TOTALS"]  # 1,787.23 and 1,740.70 agree


@needs_shared
def test_seed_project_quoted_at_initial_budget(seed):
    found = [f for f in seed if f.code.startswith("P-PROJECT")]
    assert [(f.code, f.severity, f.figures["说明"], f.figures["全年预算数"], f.spans[0].line) for f in found] == [
        ("P-PROJECT-INITIAL", Severity.INFO, "600.00", "479.78", 84)]


@needs_shared
def test_seed_completion_date_and_same_indicators(seed):
    dates = [f for f in seed if f.code == "P-ACHIEVED-TEXT" and "日" in f.figures["文字"]]
    assert [(f.figures["文字"], f.figures["业绩值"], f.spans[-1].line) for f in dates] == [("5月23日前", "=4月15日", 1052)]
    same = sorted((f.spans[0].line, f.figures["项目表业绩值"]) for f in seed if f.code == "P-SAME-INDICATOR")
    assert same == [(180, "=4个"), (189, "=14人")]
