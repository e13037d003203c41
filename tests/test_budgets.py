"""Budgets (部门预算 / 单位预算) in the one model: their layouts as profile data, their tables read
by the layout's columns, the table checks applied through the layout and worded as a budget's, the
checks that have no meaning for a budget listed as not run, and a 决算 checked against its budget."""

from __future__ import annotations

from dataclasses import replace

import pytest

from builders import D, coded, doc, said, t1, t4, t9
from juesuan.audit import check_prepared
from juesuan.core.findings import InputError
from juesuan.core.identity import Identity
from juesuan.core.model import (FUND_TABLE_COLUMNS, Disclosure, T1_INCOME_ROWS, T2_COLUMNS, T3_COLUMNS, T5_COLUMNS, T6_COLUMNS, Span,
                                Tables)
from juesuan.core.profiles import load_profile, profile_from_mapping, select_profile
from juesuan.core.regions import city_of
from juesuan.io.readers.grid import RawGrid
from juesuan.io.readers.recognize import recognize
from juesuan.rules.checks import Related, validate_overrides
from juesuan.rules.prepare import prepare


def budget(tables: Tables, *statements, scope: str = "部门", **fields):
    """A budget disclosure: identified as 预算, so checks and wording treat it as one."""
    d = doc(*statements, tables=tables, **fields)
    return replace(d, identity=Identity(kind="预算", scope=scope, year=2024, unit="测试单位"))


def run(d, profile: str = "national-yusuan", related: Related = Related()):
    return check_prepared(prepare(d, load_profile(profile)), related)


def findings(d, code: str, profile: str = "national-yusuan"):
    return [f for f in run(d, profile).findings if f.code == code]


# --------------------------------------------------------------------------- layouts as data

def test_the_national_decision_layout_states_the_model_columns():
    layout = load_profile("national").layout
    assert layout.columns("T2") == T2_COLUMNS and layout.columns("T3") == T3_COLUMNS
    assert layout.columns("T5") == T5_COLUMNS and layout.columns("T6") == T6_COLUMNS
    assert layout.columns("T7") == layout.columns("T8") == FUND_TABLE_COLUMNS
    assert layout.income_rows() == T1_INCOME_ROWS
    assert [(s.total, s.parts) for s in layout.sums("T2")] == [(T2_COLUMNS[0], T2_COLUMNS[1:])]
    assert [(s.total, s.parts) for s in layout.sums("T3")] == [(T3_COLUMNS[0], T3_COLUMNS[1:])]


def test_a_table_restated_without_columns_keeps_its_base_columns():
    university = load_profile("university").layout
    assert university.table("T2").title == "高等学校收入决算表" and university.columns("T2") == T2_COLUMNS
    mine = profile_from_mapping({"base": "national-yusuan", "layout": {"tables": [{"key": "T5", "title": "某市支出表"}]}})
    assert mine.layout.columns("T5") == ("合计", "基本支出", "人员经费", "公用经费", "项目支出")
    assert [s.total for s in mine.layout.sums("T5")] == ["合计", "基本支出"]


@pytest.mark.parametrize("table, key", [
    ({"key": "T5", "title": "支出表", "columns": ["合计", "合计"]}, "layout.tables[0].columns"),
    ({"key": "T5", "title": "支出表", "columns": ["合计"], "sums": [{"total": "合计", "parts": ["基本"]}]}, "layout.tables[0].sums[0]"),
    ({"key": "T5", "title": "支出表", "columns": [{"aliases": ["总计"]}]}, "layout.tables[0].columns[0]"),
])
def test_a_bad_column_or_sum_names_its_key(table, key):
    with pytest.raises(InputError, match=key.replace("[", r"\[").replace("]", r"\]")):
        profile_from_mapping({"base": "national-yusuan", "layout": {"tables": [table]}}, source="mine.yaml")


def test_not_applicable_names_only_checks():
    bad = profile_from_mapping({"base": "national-yusuan", "not_applicable": {"N-BUDGET-GAP": "无"}}, source="mine.yaml")
    with pytest.raises(InputError, match="not_applicable.N-BUDGET-GAP"):
        validate_overrides(bad)


def test_budget_profiles_are_chosen_by_kind_region_city_and_form():
    assert city_of("苏州市审计局") == "苏州" and city_of("深圳市财政局（本级）") == "深圳" and city_of("上海市财政局") == ""
    assert select_profile("江苏", 2026, "预算", "standard", "苏州") == "suzhou-yusuan"
    assert select_profile("江苏", 2026, "预算", "standard", "南京") == "national-yusuan"
    assert select_profile("广东", 2026, "预算", "standard", "深圳") == "shenzhen-yusuan"
    assert select_profile("重庆", 2026, "预算") == "chongqing-yusuan"
    assert select_profile("上海", 2025, "预算") == "shanghai-yusuan"
    assert select_profile("重庆", 2021, "预算", "university") == "university-yusuan"
    assert select_profile("上海", 2024) == "shanghai-2024" and select_profile("江苏", 2024, "决算", "standard", "苏州") == "national"


# --------------------------------------------------------------------------- reading a budget's tables

def grid(title: str, rows: list[list[str]], context: tuple[str, ...] = ()) -> RawGrid:
    spans = tuple(tuple(Span(file="b.pdf", page=8, excerpt=c) for c in row) for row in rows)
    return RawGrid(rows=tuple(tuple(r) for r in rows), spans=spans, title=title, page=8, file="b.pdf", context=context)


BUDGET_T1 = [
    ["收入", "收入", "支出", "支出"],
    ["项目", "预算数", "项目", "预算数"],
    ["一、一般公共预算拨款收入", "90.00", "一、一般公共服务支出", "100.00"],
    ["二、财政专户管理资金收入", "5.00", "二、住房保障支出", "10.00"],
    ["三、事业收入", "5.00", "", ""],
    ["本年收入合计", "100.00", "本年支出合计", "110.00"],
    ["上年结转", "12.00", "结转下年", "2.00"],
    ["收入总计", "112.00", "支出总计", "112.00"],
]
BUDGET_T5 = [
    ["科目编码", "科目名称", "合计", "基本支出", "基本支出", "基本支出", "项目支出"],
    ["", "", "", "小计", "人员经费", "公用经费", ""],
    ["合计", "合计", "110.00", "60.00", "50.00", "10.00", "50.00"],
    ["201", "一般公共服务支出", "100.00", "50.00", "40.00", "10.00", "50.00"],
    ["2010101", "行政运行", "100.00", "50.00", "40.00", "10.00", "50.00"],
    ["221", "住房保障支出", "10.00", "10.00", "10.00", "", ""],
    ["2210201", "住房公积金", "10.00", "10.00", "10.00", "", ""],
]
BUDGET_T6 = [
    ["经济分类科目", "经济分类科目", "基本支出", "基本支出", "基本支出"],
    ["科目编码", "科目名称", "总计", "人员经费", "公用经费"],
    ["合计", "合计", "60.00", "50.00", "10.00"],
    ["301", "工资福利支出", "50.00", "50.00", ""],
    ["30101", "基本工资", "50.00", "50.00", ""],
    ["302", "商品和服务支出", "10.00", "", "10.00"],
    ["30201", "办公费", "10.00", "", "10.00"],
]
BUDGET_T9 = [
    ["合计", "因公出国（境）费", "公务用车购置及运行费", "公务用车购置及运行费", "公务用车购置及运行费", "公务接待费"],
    ["", "", "小计", "购置费", "运行费", ""],
    ["7.00", "2.00", "3.00", "", "3.00", "2.00"],
]


def test_a_budgets_tables_are_read_by_its_layout():
    t = recognize([grid("2024年部门收支总表", BUDGET_T1), grid("2024年一般公共预算支出表", BUDGET_T5),
                   grid("2024年一般公共预算基本支出表", BUDGET_T6), grid("2024年一般公共预算“三公”经费支出表", BUDGET_T9)],
                  layout=load_profile("national-yusuan").layout, budget=True)
    assert t.t1.income == {"一般公共预算财政拨款收入": D("90.00"), "财政专户管理资金收入": D("5.00"), "事业收入": D("5.00")}
    assert (t.t1.opening_balance, t.t1.closing_balance, t.t1.income_total) == (D("12.00"), D("2.00"), D("112.00"))
    assert t.t5.total.values == {"合计": D("110.00"), "基本支出": D("60.00"), "人员经费": D("50.00"), "公用经费": D("10.00"),
                                 "项目支出": D("50.00")}
    assert t.t6.columns == ("合计", "人员经费", "公用经费") and t.t6.value("30201", "公用经费") == D("10.00")
    assert t.t6.subtotals == {"人员经费合计": D("50.00"), "公用经费合计": D("10.00")}
    assert t.t9.actual["合计"] == D("7.00") and t.t9.actual["公务用车运行维护费"] == D("3.00")
    assert t.t9.actual["公务用车购置费"] is None and t.t9.budget["合计"] is None  # no 上年 column printed
    assert t.t1.sources["income_total"].cell.startswith("部门收支总表!")


def test_a_title_printed_inside_the_grid_and_the_stated_unit():
    rows = [["公开02表"] * 4, ["收入总表"] * 4, ["部门代码", "部门名称", "合计", "一般公共预算"],
            ["合计", "合计", "8.00", "8.00"], ["024", "某局", "8.00", "8.00"]]
    t = recognize([grid("", rows), grid("支出总表", [["科目编码", "科目名称", "合计"], ["合计", "合计", "8.00"]], ("单位：万元",))],
                  layout=load_profile("suzhou-yusuan").layout, budget=True)
    assert t.t2.title == "收入总表" and t.t2.rows == ()  # a unit's code "024" is no function class
    assert t.t2.total.values["合计"] == D("8.00") and t.t2.total.values["一般公共预算财政拨款收入"] == D("8.00")
    assert t.units == {"T2": "", "T3": "万元"}


# --------------------------------------------------------------------------- checks through the layout

def t5(basic="60", personnel="50", public="10", total="110", project="50"):
    values = {"合计": total, "基本支出": basic, "人员经费": personnel, "公用经费": public, "项目支出": project}
    return coded("T5", ("合计", "基本支出", "人员经费", "公用经费", "项目支出"),
                 [("201", "一般公共服务支出", values), ("2010101", "行政运行", values)], total=values)


def test_a_budgets_basic_spending_is_personnel_plus_public_in_every_row():
    wrong = findings(budget(Tables(t5=t5(personnel="45"))), "T5-ROW-SUM")
    assert wrong and {f.figures["基本支出"] for f in wrong} == {"60.00"}
    assert wrong[0].section == "部门预算报表 · 一般公共预算支出表" and "一般公共预算支出表" in wrong[0].message
    assert not findings(budget(Tables(t5=t5())), "T5-ROW-SUM")


def test_fiscal_income_beside_its_funds_is_not_added_twice():
    columns = ("合计", "财政拨款收入", "一般公共预算财政拨款收入", "事业收入")
    row = {"合计": "100", "财政拨款收入": "90", "一般公共预算财政拨款收入": "90", "事业收入": "10"}
    t2 = coded("T2", columns, [("201", "一般公共服务支出", row)], total=row)
    assert not findings(budget(Tables(t2=t2)), "T2-ROW-SUM")
    t2 = coded("T2", columns, [("201", "一般公共服务支出", {**row, "合计": "190"})], total=row)
    assert findings(budget(Tables(t2=t2)), "T2-ROW-SUM")


def test_a_budgets_income_table_total_is_the_summarys_income_total():
    summary = t1({"一般公共预算财政拨款收入": "90", "事业收入": "10"}, {"201": "112"}, income_this_year="100",
                 opening_balance="12", income_total="112", expenditure_this_year="112", expenditure_total="112")
    total = {"合计": "112", "上年结转": "12", "一般公共预算财政拨款收入": "90", "事业收入": "10"}
    t2 = coded("T2", ("合计", "上年结转", "一般公共预算财政拨款收入", "事业收入"), [("201", "一般公共服务支出", total)], total=total)
    assert not findings(budget(Tables(t1=summary, t2=t2)), "X-T1-T2")
    planted = coded("T2", t2.columns, [("201", "一般公共服务支出", {**total, "合计": "113", "事业收入": "11"})],
                    total={**total, "合计": "113", "事业收入": "11"})
    hit = findings(budget(Tables(t1=summary, t2=planted)), "X-T1-T2")
    assert {f.figures.get("部门收支总表收入总计") for f in hit} >= {"112.00"}
    assert all("决算" not in f.message for f in hit)


def test_carryover_in_the_fund_rows_is_a_regional_layout():
    summary = t1({"一般公共预算财政拨款收入": "100"}, {"201": "100"}, income_total="100", expenditure_total="100")
    fiscal = t4(income={"一般": "90"}, opening={"一般": "10"}, expenditure={"201": {"合计": "100", "一般": "100"}},
                expenditure_this_year={"合计": "100", "一般": "100"}, income_this_year="90", opening_total="10",
                income_total="100", expenditure_total="100")
    d = budget(Tables(t1=summary, t4=fiscal))
    assert not findings(d, "X-T1-T4", "chongqing-yusuan")
    assert findings(d, "X-T1-T4", "national-yusuan")  # elsewhere the fund row is this year's income only


def test_personnel_is_read_from_the_total_column_of_a_budgets_basic_table():
    rows = [("301", "工资福利支出", {"合计": "50", "人员经费": "50"}), ("303", "对个人和家庭的补助", {"合计": "10", "人员经费": "5", "公用经费": "5"}),
            ("302", "商品和服务支出", {"合计": "10", "公用经费": "10"})]
    split = coded("T6", ("合计", "人员经费", "公用经费"), rows, total={"合计": "70", "人员经费": "55", "公用经费": "15"},
                  subtotals={"人员经费合计": "55", "公用经费合计": "15"})
    hit = findings(budget(Tables(t6=split)), "T6-PERSONNEL")
    assert hit and hit[0].figures["各项之和"] == "60.00" and "一般公共预算基本支出表" in hit[0].message


def test_checks_without_meaning_for_a_budget_are_not_run_with_the_reason():
    report = run(budget(Tables(t5=t5())))
    ledger = {o.check: o for o in report.outcomes}
    assert ledger["budget_gap"].status == "not_run" and "预决算差异率" in ledger["budget_gap"].reason
    assert ledger["performance_summary"].status == "not_run"
    assert ledger["t5_row_sum"].status == "passed"


def test_a_budgets_findings_never_name_a_decision_table():
    d = budget(Tables(t5=t5(personnel="45")), *said("一般公共预算财政拨款支出 120"), text="一般公共预算财政拨款支出120万元。")
    report = run(d)
    texts = [f.message + f.section + "".join(f.figures) for f in report.findings]
    texts += [o.reason for o in report.outcomes]
    assert texts and not [t for t in texts if "决算表" in t or "部门决算" in t or "决算情况" in t or "决算总体" in t]


def test_findings_name_a_budget_s_tables_and_sections_as_its_layout_does():
    from juesuan.rules.checks.base import Context
    from juesuan.rules.checks.support import section_label, table_title

    ctx = Context.of(budget(Tables()), load_profile("university-yusuan"))
    # the university layout's own title, and one it lacks named as the national budget layout does
    assert (table_title(ctx, "T1"), table_title(ctx, "T4")) == ("收支预算总表", "财政拨款收支总表")
    assert section_label(ctx, "三公.合计") == "部门预算情况说明 · 财政拨款“三公”经费支出预算情况"
    unit = Context.of(budget(Tables(), scope="单位"), load_profile("national-yusuan"))
    assert section_label(unit, "收入.事业收入") == "单位预算情况说明 · 收入预算情况"


# --------------------------------------------------------------------------- across kinds

def _budget_with_sangong(total: str) -> Disclosure:
    side = {"合计": total, "因公出国（境）费": "0", "公务用车购置及运行维护费": "0", "公务用车购置费": "0",
            "公务用车运行维护费": "0", "公务接待费": total}
    sangong = replace(t9({}, side), sources={"决算数.合计": Span(file="预算.pdf", page=18, excerpt=total)})
    return budget(Tables(t9=sangong))


def test_a_decisions_initial_budget_is_checked_against_the_published_budget():
    decision = doc(*said("三公.合计 11", "三公.合计.年初预算 12"))
    budget_doc = prepare(_budget_with_sangong("10"), load_profile("national-yusuan"))
    report = check_prepared(prepare(decision, load_profile("national")), Related(budget=budget_doc))
    hit = [f for f in report.findings if f.code == "X-BUDGET"]
    assert hit and hit[0].figures["决算所述年初预算数"] == "12.00" and hit[0].figures["预算文件"] == "10.00"
    assert any(s.file == "预算.pdf" and s.page == 18 for s in hit[0].spans)
    agreed = check_prepared(prepare(doc(*said("三公.合计 11", "三公.合计.年初预算 10")), load_profile("national")),
                            Related(budget=budget_doc))
    assert not [f for f in agreed.findings if f.code == "X-BUDGET"]


def test_two_consecutive_budgets_agree_on_last_years_budget():
    last = prepare(_budget_with_sangong("10"), load_profile("national-yusuan"))
    this = budget(Tables(), *said("三公.合计 9", "三公.合计.增减 -2"))
    hit = [f for f in run(this, related=Related(prior=last)).findings if f.code == "X-PRIOR-YEAR"]
    assert hit and hit[0].figures["本年文件所述上年数"] == "11.00" and hit[0].figures["上年文件本年数"] == "10.00"
    same = budget(Tables(), *said("三公.合计 9", "三公.合计.增减 -1"))
    assert not [f for f in run(same, related=Related(prior=last)).findings if f.code == "X-PRIOR-YEAR"]


def test_a_sangong_items_budget_is_not_the_departments_spending():
    from juesuan.core.model import Span
    from juesuan.phrasebook.parse import parse_narrative
    from juesuan.core.profiles import load_profile

    text = "“三公”经费预算增减变化的主要原因是：\n公务用车运行维护费支出预算8.2万元，与上年预算数持平。"
    lines = [(t, Span(line=i + 1)) for i, t in enumerate(text.split("\n"))]
    keys = [s.key for s in parse_narrative(lines, load_profile("national-yusuan")).narrative.statements]
    assert "支出总计" not in keys
