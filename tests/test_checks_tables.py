"""Table checks (C01–C36): sums inside the rounding envelope are info, outside it errors;
blanks are never zero; a check without its table is listed as not run."""

from dataclasses import replace
from decimal import Decimal

import pytest

from builders import check, coded, doc, found, t9
from catalogue_examples import EXAMPLES, SG, T1, T6, T9, gen, spend, tables
from juesuan.core.model import FUND_TABLE_COLUMNS, T2_COLUMNS, T3_COLUMNS, T5_COLUMNS, Tables

TABLE_CODES = [c for c in EXAMPLES if c[:2] in ("T1", "T2", "T3", "T4", "T5", "T6", "T9", "T-", "X-")]


@pytest.mark.parametrize("code", TABLE_CODES)
def test_table_examples(code):
    trigger, clean = EXAMPLES[code]
    assert found(trigger(), code)
    assert not found(clean(), code)


def t5_class(class_total: str, items: tuple[str, ...]):
    rows = [("208", "社会保障和就业支出", gen(class_total, class_total)), ("20805", "行政事业单位养老支出", gen(class_total, class_total))]
    rows += [(f"208050{i + 1}", f"项{i}", gen(v, v)) for i, v in enumerate(items)]
    return coded("T5", T5_COLUMNS, rows, total=gen(class_total, class_total))


def test_seed_class_gap_of_one_cent_is_rounding_info():
    # REF: 208 = 202.36 while its 项 add up to 202.35 (54.32 + 84.70 + 63.33)
    report = check(doc(tables=Tables(t5=t5_class("202.36", ("54.32", "84.70", "63.33")))))
    hier = [f for f in report.findings if f.figures.get("关系") == "C09"]
    assert [f.code for f in hier] == ["ROUNDING"]
    assert hier[0].severity.value == "info" and hier[0].figures["差额"] == "-0.01"
    assert not found(doc(tables=Tables(t5=t5_class("202.36", ("54.32", "84.70", "63.33")))), "T-HIERARCHY")


def test_gap_beyond_envelope_is_error_with_figures():
    hits = found(doc(tables=Tables(t5=t5_class("202.40", ("54.32", "84.70", "63.33")))), "T-HIERARCHY")
    assert hits and hits[0].severity.value == "error"
    assert hits[0].figures["各项之和"] == "202.35" and hits[0].figures["差额"] == "-0.05"


def test_blank_total_is_not_checked():
    d = doc(tables=Tables(t1=T1(income_this_year=None, income_total=None, expenditure_total=None)))
    assert not found(d, "T1-INCOME-SUM") and not found(d, "T1-BALANCE")


def test_basic_equal_to_sangong_is_fine_but_more_is_error():
    same = doc(tables=Tables(t6=T6(extra=[("30231", "公务用车运行维护费", {"决算数": "8"})]), t9=T9()))
    more = doc(tables=Tables(t6=T6(extra=[("30231", "公务用车运行维护费", {"决算数": "8.01"})]), t9=T9()))
    assert not found(same, "X-T6-T9")
    hit = found(more, "X-T6-T9")
    assert hit and hit[0].figures["经济科目"] == "30231" and hit[0].figures["三公经费表"] == "8.00"


def test_vehicle_part_unread_is_bounded_by_the_subtotal():
    # a copy that left 购置/运行 in doubt: 30231 is compared with the 小计 (8), never with a blank
    unread = {k: v for k, v in SG.items() if k not in ("公务用车购置费", "公务用车运行维护费")}
    over = doc(tables=Tables(t6=T6(extra=[("30231", "公务用车运行维护费", {"决算数": "8.01"})]), t9=t9(SG, unread)))
    hit = found(over, "X-T6-T9")
    assert hit and "公务用车购置及运行维护费" in hit[0].message and hit[0].figures["三公经费表"] == "8.00"
    within = doc(tables=Tables(t6=T6(extra=[("30231", "公务用车运行维护费", {"决算数": "8"})]), t9=t9(SG, unread)))
    assert not found(within, "X-T6-T9")


def test_missing_tables_are_not_run_with_reason():
    summary = check(doc()).summary()
    reasons = {n["check"]: n["reason"] for n in summary["not_run"]}
    assert "收入支出决算总表" in reasons["t1_balance"]
    assert "t9_sums" in reasons
    assert summary["failed"] == 0


def test_t1_balance_figures():
    hit = found(tables(t1=T1(closing_balance="8", expenditure_total="116"))(), "T1-BALANCE")[0]
    assert hit.figures["收入总计"] == "115.00" and hit.figures["支出总计"] == "116.00" and hit.figures["差额"] == "-1.00"
    assert hit.severity.value == "error"


def test_sangong_table_budget_side_checked_too():
    d = doc(tables=Tables(t9=__import__("builders").t9({**SG, "合计": "12"}, SG)))
    hits = found(d, "T9-SUM")
    assert hits and "预算数" in hits[0].message


def test_decimal_values_untouched():
    d = tables(t1=T1())()
    assert d.tables.t1.income_total == Decimal("115")


# --------------------------------------------------------------------------- the university form

def university_t1(**over):
    base = dict(income={"财政拨款收入": "100", "事业收入": "30", "其他收入": "10"}, expenditure={"205": "140"},
                income_this_year="140", non_fiscal_balance_used="0", opening_balance="5", income_total="145",
                expenditure_this_year="140", balance_distribution="0", closing_balance="5", expenditure_total="145")
    base.update(over)
    return T1(**base)


def university_t2(fiscal="100"):
    values = {"本年收入合计": "140", "财政拨款收入": fiscal, "事业收入": "30", "其他收入": "10"}
    return coded("T2", T2_COLUMNS, [("205", "教育支出", values)], total=values)


def test_one_fiscal_income_row_adds_up_and_matches_the_income_table():
    d = doc(tables=Tables(t1=university_t1(), t2=university_t2()))
    assert not found(d, "T1-INCOME-SUM", "university") and not found(d, "X-T1-T2", "university")
    assert found(doc(tables=Tables(t1=university_t1(income_this_year="150", income_total="155"))), "T1-INCOME-SUM")
    assert found(doc(tables=Tables(t1=university_t1(), t2=university_t2(fiscal="99"))), "X-T1-T2", "university")


def test_misprinted_class_name_in_the_summary_table():
    t1 = university_t1()
    d = doc(tables=Tables(t1=replace(t1, names={"205": "教育支出", "234": "抗役特别国债安排的支出", "207": "文化体育与传媒支出"})))
    hits = found(d, "T-CODE-NAME", "university")
    assert [h.figures["科目编码"] for h in hits] == ["234"]  # an outdated name is not a misprint
    assert "抗疫特别国债安排的支出" in hits[0].message and hits[0].severity.value == "warning"


def test_tables_the_layout_lacks_are_not_applicable():
    reasons = {n["check"]: n["reason"] for n in check(doc(tables=Tables(t1=university_t1())), "university").summary()["not_run"]}
    assert "不适用" in reasons["t1_t4"] and "不适用" in reasons["t9_sums"]
    standard = {n["check"]: n["reason"] for n in check(doc(tables=Tables(t1=T1()))).summary()["not_run"]}
    assert standard["t1_t4"].startswith("缺少")


def fiscal_spending(t5_title: str, t5_codes: tuple[str, ...], **more):
    t2 = coded("T2", T2_COLUMNS, [("229", "其他支出", {"本年收入合计": "5", "财政拨款收入": "5"}),
                                  ("22960", "彩票公益金安排的支出", {"本年收入合计": "5", "财政拨款收入": "5"}),
                                  ("205", "教育支出", {"本年收入合计": "9", "财政拨款收入": "4", "其他收入": "5"})])
    t3 = coded("T3", T3_COLUMNS, [("229", "其他支出", spend("5", "0", "5")), ("22960", "彩票公益金安排的支出", spend("5", "0", "5")),
                                  ("205", "教育支出", spend("9", "9"))])
    t5 = replace(coded("T5", T5_COLUMNS, [(c, "", gen("4", "4")) for c in t5_codes]), title=t5_title)
    return doc(tables=Tables(t2=t2, t3=t3, t5=t5, **more))


def test_fiscal_spending_missing_from_the_all_fiscal_table():
    hits = found(fiscal_spending("表4：高等学校财政拨款支出决算表", ("205",)), "X-FISCAL-SPENDING", "university")
    assert [h.figures["科目编码"] for h in hits] == ["229"]  # once, at the highest code; 205 has other income
    assert not found(fiscal_spending("表4：高等学校财政拨款支出决算表", ("205", "229")), "X-FISCAL-SPENDING", "university")
    # a 一般公共预算 table alone does not show 政府性基金 spending: nothing to compare with
    general = check(fiscal_spending("一般公共预算财政拨款支出决算表", ("205",)))
    assert "fiscal_spending" in {n["check"] for n in general.summary()["not_run"]}
    both = fiscal_spending("一般公共预算财政拨款支出决算表", ("205",), t7=coded("T7", FUND_TABLE_COLUMNS, [
        ("22960", "彩票公益金安排的支出", {"本年支出合计": "5"})]), t8=coded("T8", FUND_TABLE_COLUMNS, []))
    assert not found(both, "X-FISCAL-SPENDING")


def test_a_part_column_has_its_own_sums_but_is_not_added_into_the_row():
    part = "事业收入（其中：教育收费）"
    columns = T2_COLUMNS + (part,)

    def t2(class_fee: str):
        return coded("T2", columns, [("205", "教育支出", {"本年收入合计": "10", "事业收入": "10", part: class_fee}),
                                     ("20502", "普通教育", {"本年收入合计": "10", "事业收入": "10", part: "4"})])
    assert not found(doc(tables=Tables(t2=t2("4"))), "T2-ROW-SUM") and not found(doc(tables=Tables(t2=t2("4"))), "T-HIERARCHY")
    hits = found(doc(tables=Tables(t2=t2("5"))), "T-HIERARCHY")
    assert hits and part in hits[0].message


def test_t1_balance_of_a_cut_copy_needs_both_totals_printed():
    from juesuan.core.identity import Identity
    from juesuan.core.model import Span

    cut = replace(T1(income_total=None, expenditure_total=None, closing_balance=None, expenditure_this_year=None),
                  sources={"201": Span(line=12)})
    assert found(tables(t1=cut)(), "T1-BALANCE")  # a whole copy (or data): its rows are all there
    d = replace(tables(t1=cut)(), identity=Identity(partial="文件不完整：正文止于表格中途"))
    reasons = {n["check"]: n["reason"] for n in check(d).summary()["not_run"]}
    assert not found(d, "T1-BALANCE") and "未读到印出的收入总计和支出总计" in reasons["t1_balance"]
    printed = replace(T1(closing_balance="8", expenditure_total="116"), sources={"income_total": Span(line=3), "expenditure_total": Span(line=9)})
    assert found(replace(tables(t1=printed)(), identity=d.identity), "T1-BALANCE")
