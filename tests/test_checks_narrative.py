"""Narrative checks (C38–C52): against the tables when present, against itself otherwise;
percentages recomputed from the stated amounts; rounding and conventions are info, never errors."""

from decimal import Decimal

import pytest

from builders import check, check_page, doc, found, page_codes, page_found, read, said
from catalogue_examples import EXAMPLES, T1
from juesuan.core.model import Span, Tables

NARRATIVE_CODES = [c for c in EXAMPLES if c.startswith("N-")]

# The seed's own figures (昌吉州政府办公室 2024), as the phrasebook reads them.
SEED = said(
    "收入总计 1787.23", "本年收入合计 1741.71", "使用非财政拨款结余 0.00", "年初结转和结余 45.52",
    "支出总计 1787.23", "本年支出合计 1740.70", "结余分配 0.00", "年末结转和结余 46.53",
    "收支总计.增减 -191.15", "收支总计.增减率 -9.66",
    "收入.财政拨款收入 1693.16", "收入.财政拨款收入.占比 97.21", "收入.其他收入 48.55", "收入.其他收入.占比 2.79",
    "支出.基本支出 1217.85", "支出.基本支出.占比 69.96", "支出.项目支出 522.85", "支出.项目支出.占比 30.04",
    "一般公共预算财政拨款支出 1693.16", "一般公共预算财政拨款支出.占比 97.27", "一般公共预算财政拨款支出.增减 -180.86",
    "一般公共预算财政拨款支出.增减率 -9.65", "一般公共预算财政拨款支出.年初预算 1753.38", "一般公共预算财政拨款支出.预决算差异率 -3.43",
    "类.201 1348.43", "类.201.占比 79.64",
    "类.208 202.36", "类.208.占比 11.95",
    "类.210 50.25", "类.210.占比 2.97",
    "类.221 80.22", "类.221.占比 4.74",
    "类.229 11.90", "类.229.占比 0.70",
    "项.2010301 881.38", "项.2010301.增减 -3.81", "项.2010301.增减率 -0.43",
    "项.2010302 9.46", "项.2010302.增减 9.46", "项.2010302.增减率 100.00",
    "项.2010350 0.00", "项.2010350.增减 -106.47", "项.2010350.增减率 -100.00",
    "项.2010399 457.59", "项.2010399.增减 -0.32", "项.2010399.增减率 -0.07",
    "项.2013404 0.00", "项.2013404.增减 -1.26", "项.2013404.增减率 -100.00",
    "项.2080501 54.32", "项.2080501.增减 12.17", "项.2080501.增减率 28.87",
    "项.2080505 84.70", "项.2080505.增减 -29.48", "项.2080505.增减率 -25.82",
    "项.2080506 63.33", "项.2080506.增减 -35.35", "项.2080506.增减率 -35.82",
    "项.2101101 46.85", "项.2101101.增减 -1.74", "项.2101101.增减率 -3.58",
    "项.2101102 0.00", "项.2101102.增减 -8.50", "项.2101102.增减率 -100.00",
    "项.2101103 3.15", "项.2101103.增减 1.29", "项.2101103.增减率 69.35",
    "项.2101199 0.26", "项.2101199.增减 -0.38", "项.2101199.增减率 -59.38",
    "项.2210201 80.22", "项.2210201.增减 -9.60", "项.2210201.增减率 -10.69",
    "项.2299901 11.90", "项.2299901.增减 -6.88", "项.2299901.增减率 -36.63",
    "一般公共预算财政拨款基本支出 1217.85", "人员经费 1055.92", "公用经费 161.94",
    "三公.合计 77.21", "三公.合计.增减 -30.30", "三公.合计.增减率 -28.18", "三公.因公出国（境）费 2.46", "三公.因公出国（境）费.占比 3.19",
    "三公.公务用车购置及运行维护费 74.75", "三公.公务用车购置及运行维护费.占比 96.81", "三公.公务接待费 0.00", "三公.公务接待费.增减 0.00",
    "三公.公务接待费.增减率 0.00", "三公.合计.全年预算 77.21", "三公.合计.预决算差异率 0.00",
    "机关运行经费 161.94", "机关运行经费.增减 -42.73", "机关运行经费.增减率 -20.88",
    "人员.实有 98 人", "人员.在职 45 人", "人员.离休 1 人", "人员.退休 52 人",
)


@pytest.mark.parametrize("code", NARRATIVE_CODES)
def test_narrative_examples(code):
    trigger, clean = EXAMPLES[code]
    assert found(trigger(), code)
    assert not found(clean(), code)


def test_seed_figures_hold_no_error_and_the_cent_gaps_are_info():
    report = check(doc(*SEED))
    errors = [(f.code, f.message) for f in report.findings if f.severity.value != "info"]
    assert errors == []
    rounding = [f for f in report.findings if f.code == "ROUNDING"]
    relations = sorted(f.figures.get("关系", "") for f in rounding)
    # 208 and 210 against their 项 (202.36 vs 202.35, 50.25 vs 50.26), 基本 = 人员 + 公用 (1,217.85 vs 1,217.86),
    # and the 14 项 changes against the total change (−180.87 vs −180.86)
    assert relations == ["C44", "C44", "C44", "C45"]
    assert all(f.figures["差额"] in ("-0.01", "0.01") for f in rounding)


def test_zero_base_hundred_percent_is_convention():
    d = doc(*said("项.2010302 9.46", "项.2010302.增减 9.46", "项.2010302.增减率 100.00"))
    assert [f.code for f in check(d).findings] == []


def test_truncated_percentage_is_rounding_not_error():
    # 规划局 2024: 9,746.50 / 9,759.38 = 99.868% printed as 99.86%
    d = doc(*said("本年支出合计 9759.38", "一般公共预算财政拨款支出 9746.50", "一般公共预算财政拨款支出.占比 99.86"))
    hits = check(d).findings
    assert [(f.code, f.severity.value) for f in hits] == [("ROUNDING", "info")]
    assert hits[0].figures["重算占比"] == "99.87%"


def test_wrong_share_reports_recomputed_value():
    d = doc(*said("一般公共预算财政拨款支出 2940.05", "类.201 2106.66", "类.201.占比 71.73"))
    hit = found(d, "N-SHARE")[0]
    assert hit.figures["重算占比"] == "71.65%" and hit.severity.value == "error"


def test_narrative_vs_table_only_when_table_present():
    report = check(doc(*said("收入总计 116")))
    assert "narrative_vs_table_c38" in {n["check"] for n in report.summary()["not_run"]}
    hit = found(doc(*said("收入总计 116"), tables=Tables(t1=T1())), "N-OVERALL")[0]
    assert hit.figures["说明中"] == "116.00" and hit.figures["表中"] == "115.00"


def test_one_cent_against_table_is_info():
    d = doc(*said("收入总计 115.01"), tables=Tables(t1=T1()))
    assert [f.code for f in check(d).findings if f.figures.get("关系") == "C38"] == ["ROUNDING"]


def test_one_cent_off_a_printed_item_is_a_warning():
    from catalogue_examples import T5
    # a 项 is one printed cell copied into the text, not a sum of rounded parts
    (hit,) = found(doc(*said("项.2010301 99.99"), tables=Tables(t5=T5())), "N-ITEM")
    assert hit.severity.value == "warning" and hit.figures["差额"] == "-0.01"
    assert not found(doc(*said("项.2010301 100.00"), tables=Tables(t5=T5())), "N-ITEM")


def test_statement_whose_line_does_not_name_it_is_ignored():
    # the section's subject would be carried over to an item paragraph whose head was not read:
    # the phrasebook does not state that figure, so it is no repeat
    head = "（三）一般公共预算财政拨款支出决算具体情况\n一般公共预算财政拨款支出307.82万元。\n"
    stray = read(head + "1、行政运行（项）\n主要用于：行政单位人员支出。全年预算为52.00万元，支出决算为51.32万元。")
    assert Decimal("51.32") not in {s.value for s in stray.narrative.stated("一般公共预算财政拨款支出")}
    assert not found(stray, "N-REPEAT")
    named = read(head + "1、行政运行（项）\n一般公共预算财政拨款支出51.32万元。")
    assert found(named, "N-REPEAT")


def test_sangong_budget_gap_uses_full_year_budget():
    ok = doc(*said("三公.合计 77.21", "三公.合计.全年预算 77.21", "三公.合计.年初预算 80.00", "三公.合计.预决算差异率 0.00"))
    assert not found(ok, "N-BUDGET-GAP")


def test_vehicle_subtotal_budget_from_its_parts():
    d = doc(*said("三公.合计.全年预算 77.21", "三公.因公出国（境）费.全年预算 2.46", "三公.公务用车购置费.全年预算 0.00",
                  "三公.公务用车运行维护费.全年预算 74.75", "三公.公务接待费.全年预算 0.00"))
    assert not found(d, "N-SANGONG-SUM")


def test_data_built_disclosure_checks_model_fields():
    from juesuan.core.model import Staff, Unit

    d = doc()
    d = type(d)(unit=Unit(name="x", year=2024, staff=Staff(total=10, serving=5, retired_cadres=0, retirees=4)))
    hit = found(d, "N-STAFF-SUM")
    assert hit and hit[0].figures["实有人数"] == "10" and hit[0].figures["之和"] == "9"


_POSTS = ("第一部分 某乡人民政府概况\n人员情况：编制人数{total},其中:行政编制人数19、参照公务员管理的事业编制人数0、"
          "全部补助事业编制人数23、差额补助事业编制人数0、自收自支编制人数13人。")


def test_a_funds_total_holding_its_carry_over_and_a_classes_own_split():
    # R55v/06 (衡阳财经工业职院 2016): "一般公共预算财政拨款7799.1万元(含上年结转688.6万元)" is no income line
    text = ("（二）收入决算情况说明\n本年收入合计14821.87万元,其中:财政拨款收入7110.5万元,事业收入6165.56万元,其他收入1545.81万元。\n"
            "（四）财政拨款收入支出决算总体情况说明\n一般公共预算财政拨款7799.1万元(含上年结转688.6万元),全部用于教育。")
    assert not found(read(text), "N-INCOME-SUM") and not found(read(text), "N-TOTALS-SUM")
    assert found(read(text.replace("(含上年结转688.6万元)", "")), "N-INCOME-SUM")
    # R55v/10 (深圳市教育局直属系统 2013): a numbered 科目's own 基本支出 and 项目支出
    spent = ("（三）支出预算情况\n总支出153,667万元,其中:基本支出113,689万元;项目支出39,978万元。按政府支出功能分类科目划分为:\n"
             "1.教育管理事务11,418万元,其中:基本支出4,609万元;项目支出6,809万元。\n1)行政运行1,826万元,其中:基本支出1,826万元。")
    assert not found(read(spent), "N-REPEAT")
    assert found(read(spent.replace("1.教育管理事务11,418万元,", "")), "N-REPEAT")


def test_the_kinds_of_staff_in_post_are_not_the_posts():
    # R54t/01 (民建武汉市委 2015): 29 posts, 25 staff in post, each split by kind
    text = "（二）人员情况\n总编制人数29人,其中:行政编制29人。在职实有人数25人,其中:行政编制25人。"
    assert not found(read(text), "N-REPEAT")
    assert found(read(text.replace("在职实有人数25人,其中:", "")), "N-REPEAT")
    # R55u/02 (广东残联 2014): kinds of 事业编制 by how they are paid, on wrapped lines, are no second 事业编制
    kinds = "（二）人员情况\n编制人数234人,实有人数254人,其中:参公事业编制人数5\n2人,核拨事业编制165人,核补事业编制26人。"
    assert not found(read(kinds), "N-REPEAT")


def test_staff_in_post_and_the_retired_together_are_no_total_and_no_part():
    text = "（二）部门人员构成\n在职实有人数198人,其中:事业198人。离退休人员171人,其中:离休4人,退休167人。"
    assert not found(read(text), "N-STAFF-SUM")
    assert found(read("（二）部门人员构成\n实有人数198人,其中:在职人员30人,离休人员4人,退休人员167人。"), "N-STAFF-SUM")
    # R41l/02: the 在职 told under a name not read ("实有在职事业编制人员61人"): 1 + 52 short of 138 proves nothing
    staff = "（二）部门人员构成\n2016年年末实有人数138人,其中:实有在职事业编制人员61人,离休人员1人,退休人员52人{more}。"
    assert not found(read(staff.format(more=",在职聘用人员77人")), "N-STAFF-SUM")
    assert not found(read(staff.format(more="")), "N-STAFF-SUM")
    # all three told and read: short is a defect
    (short,) = found(read("（二）部门人员构成\n2020年年末实有人数14人,其中在职人员13人,离休人员 0人,退休人员 0人。"), "N-STAFF-SUM")
    assert short.figures["之和"] == "13"
    # R45x/10 (南川区石溪镇 2018): one kind's 实有 ("行政实有人数22人;事业实有人数为17人") is no total
    assert not found(read("（二）部门人员构成\n在职实有人数39人,行政实有人数22人;事业实有人数为17人。"), "N-STAFF-SUM")


def test_kinds_of_posts_adding_up_to_more_than_the_posts():
    (hit,) = found(read(_POSTS.format(total=42)), "N-STAFF-SUM")
    assert hit.figures["编制人数"] == "42" and hit.figures["之和"] == "55" and hit.spans[0].line == 2
    assert not found(read(_POSTS.format(total=55)), "N-STAFF-SUM")
    # "其中" need not name every kind: fewer is no finding
    assert not found(read(_POSTS.format(total=60)), "N-STAFF-SUM")


def test_jiangxi_budget_form_counts_staff_without_the_word_for_persons():
    line = ("实有人数49,其中:在职人数49,行政在职人数19、参照公务员管理的事业在职人数0、全部补助事业在职人数17、"
            "差额补助事业在职人数0、自收自支在职人数13;离休人数0;退休人数{retired};退职人数0;遗属人数0。")
    (hit,) = found(read("第一部分 某乡人民政府概况\n" + line.format(retired=13)), "N-STAFF-SUM")
    # 在职 is 49, not the 19 of "行政在职人数19"
    assert hit.figures["在职"] == "49" and hit.figures["退休"] == "13" and hit.figures["之和"] == "62"
    assert not found(read("第一部分 某乡人民政府概况\n" + line.replace("实有人数49", "实有人数62").format(retired=13)), "N-STAFF-SUM")


def test_staff_of_a_kind_named_in_the_next_sentence_of_the_line_is_no_gap(tmp_path):
    page = ("宜春学院2020年部门预算\n二、部门基本情况\n宜春学院本级共有预算单位1个,编制人数1925人,均为全额补助事业编制。"
            "实有人数1982人,其中:在职人数1434人,均为全额补助事业人员;离休人员4人;退休人员417人。{more}\n")
    assert "N-STAFF-SUM" not in page_codes(check_page(tmp_path, page.format(more="同等待遇非在编人员127人。")))
    assert "N-STAFF-SUM" in page_codes(check_page(tmp_path, page.format(more="")))
    # the same line as a layout wrapped it: the kind is on the next printed line
    body = page.format(more="同等待遇非在编人员127人。").split("\n")[2]
    wrapped = "\n".join(["宜春学院2020年部门预算", "二、部门基本情况", *(body[k:k + 37] for k in range(0, len(body), 37))])
    assert "N-STAFF-SUM" not in page_codes(check_page(tmp_path, wrapped + "\n"))


_INCOME = ("二、刘堡镇卫生院2021年度部门决算情况说明\n(一)收入决算情况。2021年度,收入总计为{total}万元,其中:\n"
           "1.财政拨款收入364.5594万元,为一般公共预算资金。\n2.事业收入50.7050万元,为事业单位开展专业业务活动取得的收入。\n"
           "3.上年结转和结余14.9614万元,为以前年度支出预算未执行完的资金。")


def test_income_total_against_its_items_when_the_year_income_is_not_written():
    (hit,) = found(read(_INCOME.format(total="415.2644")), "N-TOTALS-SUM")
    # (shown with the four decimals printed)
    assert hit.figures["收入总计"] == "415.2644" and hit.figures["各项之和"] == "430.2258"
    assert not found(read(_INCOME.format(total="430.2258")), "N-TOTALS-SUM")
    # a total above its listed parts: an item the text leaves unnamed may make up the rest
    assert not found(read(_INCOME.format(total="440.00")), "N-TOTALS-SUM")


def test_the_years_spending_above_the_income_total_when_no_spending_total_is_told():
    # R52o/01 (武山县马力学区 2021): 收入总计4835.59万元, the year's 基本支出 and 项目支出 4888.20
    page = ("(一)收入决算情况\n2021年度,收入总计为{total}万元,其中:\n1.财政拨款收入4720.88万元。\n(二)支出决算情况\n"
            "2021年度,马力学区支出为4888.2万元。其中:基本支出4115.97万元,项目支出772.23万元。\n")
    (hit,) = [h for h in found(read(page.format(total="4835.59")), "N-TOTALS-SUM") if "本年支出" in h.figures]
    assert hit.severity.value == "warning" and hit.figures["超出"] == "52.61"
    assert not [h for h in found(read(page.format(total="4890.00")), "N-TOTALS-SUM") if "本年支出" in h.figures]
    # a 支出总计 told is held to the 收入总计 by its own relation
    told = page.format(total="4835.59").replace("支出为4888.2万元", "支出总计4888.2万元")
    assert not [h for h in found(read(told), "N-TOTALS-SUM") if "本年支出" in h.figures]


_BALANCE = ("一、收入支出决算总体情况说明\n2023年度上年结转和结余资金为98.45万元,本年收入1095.76万元,支出1193.35万元,"
            "用事业基金弥补收支差额0万元,结余分配0万元,年末结转和结余资金为{left}万元。")


def test_a_years_balance_told_in_one_sentence_with_the_older_name_of_使用非财政拨款结余():
    # 舟曲县第二幼儿园 (R36y/02): 98.45 + 1095.76 + 0 = 1193.35 + 0 + 0.86, not + 5862.89
    (hit,) = found(read(_BALANCE.format(left="5862.89")), "N-TOTALS-SUM")
    assert hit.figures["各项之和"] == "7,056.24" and hit.figures["差额"] == "5,862.03"
    assert not found(read(_BALANCE.format(left="0.86")), "N-TOTALS-SUM")


_SPLIT = ("某区人民法院2016年度部门决算\n第三部分 2016年度部门决算情况说明\n一、2016年度收入支出决算总体情况。\n(一)收入总计2785.71万元。\n"
          "1、财政拨款收入2547.29万元,为本级财政当年拨付的资金。\n2、年初结转和结余238.42万元。\n"
          "2016年收入总计2785.71万元,同比增加81.71万元,增长3.02%。其中,一般公共预算拨款{general}万元,同比增加81.71万元。\n")


def test_fund_lines_that_split_the_income_total_are_not_the_fiscal_incomes(tmp_path):
    # 南宁市兴宁区人民法院 (R38c/02): "其中,一般公共预算拨款2785.71万元" splits 收入总计, carry-over and all
    assert not page_found(check_page(tmp_path, _SPLIT.format(general="2785.71")), "N-INCOME-SUM")
    # a fund line adding up to no total the page states is 财政拨款收入's
    assert page_found(check_page(tmp_path, _SPLIT.format(general="2600.00")), "N-INCOME-SUM")


_DOUBLED = ("某会2022年度部门决算\n第三部分 2022年度部门决算情况说明\n一、收入支出决算总体情况说明\n"
            "某会2022年度收入、支出决算总计{both}万元。与年初预算相比,收、支总计各增加96.21万元,增长40.63%,变动原因:追加预算;"
            "与上年决算相比,收、支总计各增加107.58万元,增长47.7%。其中:\n(一)收入决算总计332.98万元。包括:\n"
            "1.本年收入决算合计332.76万元。与上年决算相比,增加108.75万元,增长48.55%,变动原因:新考录人员。\n"
            "2.年初结转和结余0.22万元。\n(二)支出决算总计332.98万元。\n")


def test_one_figure_for_both_totals_that_adds_them_up(tmp_path):
    # 巴彦淖尔市妇联 (R38c/03): 665.96 = 2 × 332.98; the rates fit each side (96.21 ÷ 236.77 = 40.63%), and
    # 本年收入's own change (108.75) is no second statement of the totals' (107.58)
    result = check_page(tmp_path, _DOUBLED.format(both="665.96"))
    (hit,) = page_found(result, "N-TOTALS-SUM")
    assert hit.severity.value == "warning" and hit.figures["收入总计"] == "332.98"
    assert not {"N-BUDGET-GAP", "N-REPEAT", "N-YOY-PCT"} & set(page_codes(result))
    assert not page_codes(check_page(tmp_path, _DOUBLED.format(both="332.98")), "warning")


_GRANT_DOUBLED = ("大竹县某站2017年度部门决算\n四、财政拨款收入支出决算总体情况说明\n"
                  "2017年度财政拨款收支总计{both}万元。与2016年816.4万元相比,财政拨款收支总计各减少109.38万元。\n"
                  "五、一般公共预算财政拨款支出决算情况说明\n(一)一般公共预算财政拨款支出决算总体情况\n"
                  "2017年度一般公共预算财政拨款支出353.51万元。\n")


def test_the_grants_total_that_adds_its_income_and_spending(tmp_path):
    # R41k/10: "财政拨款收支总计707.02万元" (收 and 支 without the 、) is 2 × the grant's 353.51, its only fund
    (hit,) = page_found(check_page(tmp_path, _GRANT_DOUBLED.format(both="707.02")), "N-TOTALS-SUM")
    assert hit.severity.value == "warning" and "353.51" in hit.message
    assert not page_found(check_page(tmp_path, _GRANT_DOUBLED.format(both="353.51")), "N-TOTALS-SUM")
    # a carry-over told beside it may make up the rest
    carried = _GRANT_DOUBLED.format(both="707.02").replace("各减少109.38万元。", "各减少109.38万元。年初财政拨款结转和结余353.51万元。")
    assert not page_found(check_page(tmp_path, carried), "N-TOTALS-SUM")


_CLASSES = ("某区某馆2026年单位预算情况说明\n二、单位收支总体情况\n(二)支出预算2026年年初预算数65.61万元,其中:"
            "一般公共服务支出预算{general}万元,文化旅游体育与传媒支出预算50.53万元,社会保障和就业支出预算8.94万元,"
            "卫生健康支出预算3.05万元,住房保障支出预算3.09万元。\n")


def test_a_budgets_classes_adding_up_to_more_than_its_spending(tmp_path):
    # 武隆区某单位 (R38d/07): 65.61 + 50.53 + 8.94 + 3.05 + 3.09 = 131.22 against 65.61
    (hit,) = page_found(check_page(tmp_path, _CLASSES.format(general="65.61")), "N-EXPENDITURE-SUM")
    assert hit.severity.value == "warning" and hit.figures["各项之和"] == "131.22"
    assert not page_found(check_page(tmp_path, _CLASSES.format(general="0")), "N-EXPENDITURE-SUM")
    # a list that leaves classes out may fall short of the total
    short = _CLASSES.format(general="0").replace(",住房保障支出预算3.09万元", "")
    assert not page_found(check_page(tmp_path, short), "N-EXPENDITURE-SUM")


_BESIDE = ("某镇2024年单位预算情况说明\n二、单位收支总体情况\n(一)收入预算:2024年年初预算数8140.52万元,上年结转89.01万元。其中:"
           "一般公共预算拨款{grant}万元,政府性基金预算拨款0万元,事业收入0万元,其他收入0万元。\n(二)支出预算:2024年年初预算数"
           "8140.52万元,上年结转89.01万元。其中:一般公共服务支出2575.75万元,社会保障和就业支出3472.5万元,农林水支出{farm}万元。\n")


def test_a_total_told_beside_its_carry_over_which_its_items_hold(tmp_path):
    # R45v/01 (九龙坡区西彭镇 2024): the grant 8229.53 = 8140.52 + 89.01 holds the carry-over; so do the classes
    # (8208.73 within 8229.53)
    page = check_page(tmp_path, _BESIDE.format(grant="8229.53", farm="2160.48"))
    assert not page_found(page, "N-TOTALS-SUM") and not page_found(page, "N-EXPENDITURE-SUM")
    # items above both, classes above both
    page = check_page(tmp_path, _BESIDE.format(grant="8300", farm="2260.48"))
    assert page_found(page, "N-TOTALS-SUM") and page_found(page, "N-EXPENDITURE-SUM")


_CARRIED = ("某区某小学2024年部门预算情况说明\n二、部门收支总体情况\n(一)收入预算。2024年年初预算数520.25万元,其中:"
            "一般公共预算拨款478.66万元,政府性基金预算拨款0万元,事业收入9.58万元,其他收入13.05万元,上年结转收入18.96万元。\n"
            "三、部门财政拨款收支情况\n(一)一般公共预算。2024年一般公共预算财政拨款收入{fiscal}万元,"
            "一般公共预算财政拨款支出{fiscal}万元。\n")


def test_a_funds_income_with_and_without_the_carry_over_is_no_repeat(tmp_path):
    # 武隆区浩口小学 (R39e/15, wrapped): 497.62 = 478.66 + 上年结转收入 18.96
    assert not page_found(check_page(tmp_path, _CARRIED.format(fiscal="497.62")), "N-REPEAT")
    assert page_found(check_page(tmp_path, _CARRIED.format(fiscal="497.00")), "N-REPEAT")


_FUND_LINES = ("南宁市西乡塘区人民代表大会常务委员会2017年部门预算\n(一)2017年部门收入预算总体情况\n"
               "2017年收入总预算{total}万元,同比减少17.05万元,同比下降3.28%。其中:\n"
               "1、一般公共财政预算拨款507.37万元,同比减少19.96万元。\n2、上年结余收入8.3万元,同比增加8.3万元。")


def test_budget_total_below_its_fund_line_and_carry_over(tmp_path):
    (hit,) = page_found(check_page(tmp_path, _FUND_LINES.format(total="501.98")), "N-TOTALS-SUM")
    assert hit.figures["收入总计"] == "501.98" and hit.figures["各项之和"] == "515.67"
    assert not page_found(check_page(tmp_path, _FUND_LINES.format(total="515.67")), "N-TOTALS-SUM")


def test_a_rate_told_beside_last_years_amount_alone(tmp_path):
    page = ("旺苍县张华镇人民政府2018年部门预算\n二、预算情况说明\n"
            "张华镇人民政府2018年部门预算收入总数8105563.00元,较2017年部门预算收入总数8014212.00元增长{rate}%。"
            "部门基本支出预算7031563.00元,其中:人员支出5901832.00元,公用支出1129731.00元。")
    (hit,) = page_found(check_page(tmp_path, page.format(rate="2.13")), "N-YOY-PCT")
    assert hit.figures["上年数"] == "801.42" and hit.figures["重算增减率"] == "1.14%"
    assert not page_found(check_page(tmp_path, page.format(rate="1.14")), "N-YOY-PCT")


_HEADS = "2019年度本级共127个一级预算部门,财政供养人员共计{total}人。其中:行政编制财政供养人员1,845人,事业编制财政供养人员7,399人,{rest}。"


def test_head_count_whose_kinds_add_up_to_more():
    (hit,) = found(read(_HEADS.format(total="9,244", rest="离退休人员1,206人(其中:离休9人,退休1,197人)")), "N-STAFF-PARTS")
    assert hit.figures["总数"] == "9244" and hit.figures["之和"] == "10450" and hit.figures["离退休人员"] == "1206"
    # the bracketed 其中 is no part of the list; a sum short of the total is no finding
    assert not found(read(_HEADS.format(total="10,450", rest="离退休人员1,206人(其中:离休9人,退休1,197人)")), "N-STAFF-PARTS")
    assert not found(read(_HEADS.format(total="9,300", rest="其他人员5人")), "N-STAFF-PARTS")


def test_the_retired_told_by_their_two_kinds():
    # R28g/07: 2 + 194 = 196 retired, not 195
    (hit,) = found(read("二、部门人员情况\n离退休人数195人,其中离休人员2人,退休人员194人。"), "N-STAFF-PARTS")
    assert hit.figures["总数"] == "195" and hit.figures["之和"] == "196"
    assert not found(read("二、部门人员情况\n离退休人数195人,其中离休人员1人,退休人员194人。"), "N-STAFF-PARTS")


def test_head_count_listing_kinds_that_overlap_is_not_summed():
    # 女职工 and 党员 are no kinds of staff; 在职 holds the 行政编制
    for rest in ("女职工3,000人", "在职人员9,244人"):
        assert not found(read(_HEADS.format(total="9,244", rest=rest)), "N-STAFF-PARTS")
    assert not found(read("单位共有职工52人，其中：在职人员40人，离退休人员15人，其中离休人员3人。"), "N-STAFF-PARTS")


def test_item_unlisted_not_said_when_an_item_is_described_but_unread():
    text = ("（二）一般公共预算财政拨款支出决算结构情况\n一般公共预算财政拨款支出100.00万元，主要用于：一般公共服务支出（类）100.00万元。\n"
            "（三）一般公共预算财政拨款支出决算具体情况\n"
            "1、一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）。支出决算为90.00万元。\n")
    assert found(read(text), "N-ITEM-UNLISTED")  # 10.00 万元 of the 类 in no 项: one may be missing
    unread = text + "2、一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）街道专项业务（项）。支出决算为10.00万元。\n"
    assert not found(read(unread), "N-ITEM-UNLISTED")  # the 项 is there; its name is not in the code table


def test_one_name_with_two_values_in_one_sentence_is_no_repeat():
    two = read("二、机构设置及人员情况\n本部门行政编制115人,实有人数107人;事业编制31人,实有人数26人。")
    assert not found(two, "N-REPEAT")
    apart = read("二、机构设置及人员情况\n本部门实有人数107人。\n三、人员情况\n实有人数26人。")
    (hit,) = found(apart, "N-REPEAT")
    assert hit.figures["第一处"] == "107人" and hit.figures["另一处"] == "26人"


def test_office_count_against_the_names_listed():
    (hit,) = found(read("二、机构设置\n本单位设立 1 个内设机构,分别是:“一室两科”,****办公室、行政审批改革科、行政审批业务科。"),
                   "N-ORG-COUNT")
    assert hit.figures["所列个数"] == "3" and hit.figures["名称"] == "办公室、行政审批改革科、行政审批业务科"
    # a list wrapped over lines, with notes in brackets and 和 before the last name, counts whole
    wrapped = ("部门机关内设机构共设 5 个职能科室,分别是:办公室、\n理论科、宣传教育科\n(国防教育办公室)、精神文明建\n"
               "设一科和精神文明建设二科。")
    assert not found(read(wrapped), "N-ORG-COUNT")
    # a list ending in 等, or naming something that is no office, is not counted
    assert not found(read("本单位设立5个内设机构，分别是：办公室、业务科等。"), "N-ORG-COUNT")
    assert not found(read("本单位下设2个科室，包括：办公室、负责全区审批工作。"), "N-ORG-COUNT")
    # R39f/11 (彭水县大同镇): "下属 7个二级预算单位,分别是大同镇人民政府(本级)、…" with six named
    units = ("下属 {n}个二级预算单位,分别是大同镇人民政府(本级)、大同镇便民服务中心(退役军人服务站)、大同镇综合行政执法大队、"
             "大同镇产业发展服务中心、大同镇新时代文明实践服务中心、大同镇村镇建设服务中心。")
    (hit,) = found(read(units.format(n=7)), "N-ORG-COUNT")
    assert hit.figures["所列个数"] == "6"
    assert not found(read(units.format(n=6)), "N-ORG-COUNT")
    # "中心设9个内设机构" (设 alone)
    assert found(read("招商服务中心设9个内设机构,分别为:办公室、区域协作股、招商股。"), "N-ORG-COUNT")
    # R42n/06: a 及 inside a name before the last joins one office's two names ("语训部及康复部" counted once)
    school = "学校下设{n}个处室,分别是:学前聋儿语训部及康复部、聋生部、培智部、职教部、生活部。"
    assert not found(read(school.format(n=5)), "N-ORG-COUNT") and not found(read(school.format(n=6)), "N-ORG-COUNT")
    assert found(read(school.format(n=4)), "N-ORG-COUNT")
    # R51m/04 (大足 灯塔中学): the names follow a bare colon
    colon = "学校设有{n}个内设机构:办公室、教务处、德育处、总务处;事业编制71名,在职教职工69人。"
    (hit,) = found(read(colon.format(n=5)), "N-ORG-COUNT")
    assert hit.figures["所列个数"] == "4"
    assert not found(read(colon.format(n=4)), "N-ORG-COUNT")


def test_vehicles_held_against_the_assets_count_when_no_fixed_count_is_given():
    (hit,) = found(doc(*said("三公.保有车辆 8 辆", "资产.车辆 10 辆")), "N-VEHICLES")
    assert hit.figures == {"公务用车保有量": "8", "国有资产占用情况所列车辆": "10"}
    assert not found(doc(*said("三公.保有车辆 10 辆", "资产.车辆 10 辆")), "N-VEHICLES")
    # the 三公 part's own 固定资产车辆 count comes first
    assert not found(doc(*said("三公.保有车辆 8 辆", "三公.固定资产车辆 8 辆", "资产.车辆 10 辆")), "N-VEHICLES")


def test_basically_flat_claims_no_exact_rate():
    # "与上年基本持平" after a small increase says no change exactly nil; "持平" does
    text = "二、支出预算情况\n项目支出405万元,比2017年增加0.7万元,与上年{word}。"
    assert not found(read(text.format(word="基本持平")), "N-YOY-PCT")
    (hit,) = found(read(text.format(word="持平")), "N-YOY-PCT")
    assert hit.figures["重算增减率"] == "0.17%"


def test_fund_lines_of_income_under_the_overall_heading_are_read_with_their_shares():
    text = ("三、收支决算总体情况说明\n(一)2017年全镇本年收入合计3939.39万元。其中:一般公共预算财政拨款收入3692.99万元,占93.7%;"
            "政府性基金预算财政拨款收入75.35万元,占{share}%;事业收入171.05万元,占4.3%。")
    (hit,) = found(read(text.format(share="0.019")), "N-SHARE")
    assert hit.figures["重算占比"] == "1.91%"
    assert not found(read(text.format(share="1.9")), "N-SHARE")


def test_the_fiscal_totals_told_as_one_figure_for_both_and_their_change():
    text = ("四、财政拨款收入支出决算总体情况说明\n2017年度财政拨款收、支总计2539.31万元。"
            "与2016年相比,财政拨款收、支总计各减少50.47万元,下降{rate}%。")
    (hit,) = found(read(text.format(rate="19.49")), "N-YOY-PCT")
    assert hit.figures["上年数"] == "2,589.78" and hit.figures["重算增减率"] == "-1.95%"
    assert not found(read(text.format(rate="1.95")), "N-YOY-PCT")


def test_a_rate_alone_is_read_of_its_sentences_or_parts_first_figure_only():
    said_of = lambda text: {s.key: s.value for s in read(text).narrative.statements}  # noqa: E731
    whole = said_of("“三公”经费决算数2364万元,比上年决算数下降16.77%。分项情况是:因公出国(境)经费12万元,比上年决算数下降86.62%;"
                    "公务接待费1356万元,比上年决算数下降3.14%。")
    assert (whole["三公.合计.增减率"], whole["三公.因公出国（境）费.增减率"], whole["三公.公务接待费.增减率"]) == (
        Decimal("-16.77"), Decimal("-86.62"), Decimal("-3.14"))
    # the rate after the last item of a list, or in the next sentence, is the whole's: not read as the item's
    for tail in (",与2023年预算相比增长16.75%。", "。与2023年预算相比增长16.75%。"):
        text = "“三公”经费支出预算为14.01万元,其中:因公出国(境)费用0万元,公务用车运行维护费14.01万元,公务接待费0万元" + tail
        assert "三公.公务接待费.增减率" not in said_of(text)
        assert not found(read(text), "N-YOY-PCT")


def test_a_budgets_own_amounts_after_a_comma_and_its_fund_income_told_twice(tmp_path):
    page = ("临湘市第一中学2018年部门预算\n三、部门收支总体情况\n"
            "(一)收入预算,2018年年初预算数33695199.4元,其中,一般公共预算拨款24095199.4元,纳入专户管理的非税收入拨款9600000元。\n"
            "四、一般公共预算拨款支出预算\n2018年一般公共预算拨款收入{again}元,具体安排情况如下:\n"
            "(一)基本支出:2018年年初预算数为24095199.4元。\n(二)项目支出:2018年年初预算数为9535264元。\n")
    from juesuan.io.readers import read_document
    (tmp_path / "b.txt").write_text(page.format(again="24095199.4"), encoding="utf-8")
    said = {s.key: s.value for s in read_document(tmp_path / "b.txt").narrative.statements}
    assert said["收入总计"] == Decimal("3369.51994") and said["一般公共预算财政拨款基本支出"] == Decimal("2409.51994")
    assert said["一般公共预算财政拨款项目支出"] == Decimal("953.5264")
    assert not page_found(check_page(tmp_path, page.format(again="24095199.4")), "N-REPEAT")
    (hit,) = page_found(check_page(tmp_path, page.format(again="33695199.4")), "N-REPEAT")
    assert "一般公共预算财政拨款收入" in hit.message


def test_the_amount_a_figure_was_cut_by_is_not_the_figure():
    text = "九、“三公”经费支出决算情况说明\n公务接待费支出263.48万元。说明:{verb}公务接待费52万元,主要是贯彻落实中央八项规定。"
    said = [s.value for s in read(text.format(verb="压缩")).narrative.statements if s.key == "三公.公务接待费"]
    assert said == [Decimal("263.48")] and not found(read(text.format(verb="压缩")), "N-REPEAT")
    assert found(read(text.format(verb="其中")), "N-REPEAT")


def test_a_rate_that_fits_each_side_of_a_total_written_as_both_sides_summed_is_no_rate_error():
    text = ("四、财政拨款收入支出决算总体情况说明\n2017年度财政拨款收、支总计{total}万元。"
            "与2016年相比,财政拨款收、支总计各增加55.49万元,增长4.4%。")
    # 2608.66 is 1304.33 twice: 55.49 ÷ (1304.33 − 55.49) = 4.44%, so the rate is each side's
    assert not found(read(text.format(total="2608.66")), "N-YOY-PCT")
    (hit,) = found(read(text.format(total="1604.33")), "N-YOY-PCT")
    assert hit.figures["重算增减率"] == "3.58%"


def test_a_budgets_plan_total_called_its_indicator(tmp_path):
    page = "宁县县城幼儿园2020年部门预算\n三、部门预算情况说明 |\n2020年预算指标485.41万元,和上年相比增加34.05万元,增加{rate}% \n"
    (hit,) = page_found(check_page(tmp_path, page.format(rate="9")), "N-YOY-PCT")
    assert hit.figures["上年数"] == "451.36"
    assert not page_found(check_page(tmp_path, page.format(rate="8")), "N-YOY-PCT")


def test_the_staff_in_post_by_kind_add_up_to_no_more_than_the_staff_in_post():
    text = "实有人数 63 人,在职人数 {n} 人,包括行政人员26人、全部补助事业人员33人、自收自支事业人员21人;退休人员15人。"
    (hit,) = found(read(text.format(n="61")), "N-STAFF-PARTS")
    assert hit.figures["总数"] == "61" and hit.figures["之和"] == "80"
    assert not found(read(text.format(n="80")), "N-STAFF-PARTS")
    # kinds that may overlap (女职工, 党员) are no list to add up
    assert not found(read("在职人数 61 人,包括党员人员26人、女职工人员40人。"), "N-STAFF-PARTS")


def test_each_total_named_before_its_own_change():
    text = ("一、收入支出决算总体情况说明\n焦作市福利院2016年收入总计1174.10万元,支出总计1237.54万元,与2015年相比,"
            "收入总计减少567.62万元,减少{a}%。支出总计增加842.86万元,增长{b}%。")
    assert not found(read(text.format(a="32.59", b="213.56")), "N-YOY-PCT")
    hits = found(read(text.format(a="31.44", b="254.46")), "N-YOY-PCT")
    assert sorted(h.figures["重算增减率"] for h in hits) == ["-32.59%", "213.56%"]


def test_a_universitys_teaching_and_research_income_are_no_second_statement_of_its_business_income():
    text = "二、收入决算情况说明\n2016全年总收入35199.50万元,其中:财政拨款22917.10万元;教育事业收入10120.00万元;科研事业收入590.43万元。"
    assert not found(read(text), "N-REPEAT")
    assert "收入.事业收入" not in {s.key for s in read(text).narrative.statements}
    plain = read(text.replace("教育事业收入10120.00万元;科研事业收入590.43万元", "事业收入10710.43万元"))
    assert [s.value for s in plain.narrative.statements if s.key == "收入.事业收入"] == [Decimal("10710.43")]


def test_the_staff_of_another_organisation_the_page_describes_are_not_the_units():
    lines = ["益阳市农业机械化管理局2017年部门预算公开表", "一、单位基本情况 {other}系全额拨款事业单位,现有编制66名,实有在职人员53人,退休人员49人。",
             "益阳市农业机械管理局系全额拨款事业单位,现有编制20名,实有在职人员19人,离退休人员50人。"]
    page = [(t, Span(line=i + 1)) for i, t in enumerate(lines)]

    def staff(other: str):
        from juesuan.phrasebook.parse import parse_narrative
        said = parse_narrative([(t.format(other=other), s) for t, s in page], unit="益阳市农业机械化管理局").narrative.statements
        return [s.value for s in said if s.key == "人员.在职"]
    assert staff("益阳市农业科学研究所") == [Decimal("19")]  # the other organisation's 53 are dropped; the unit's own name slips a 化
    assert staff("益阳市农业机械化管理局") == [Decimal("53"), Decimal("19")]


def test_kinds_of_staff_and_of_projects_are_not_the_whole_told_again():
    # each on a line of its own, as a copy may wrap them: no figure told twice differently
    staff = "二、部门基本情况\n实有人数75人,其中:在职在编\n实有人数51人,离退休人数24人。\n在职人数小计8人,行政在职人数3人,\n事业单位在职人数5人。"
    said = read(staff).narrative.statements
    assert [(s.key, s.value) for s in said if s.key == "人员.实有"] == [("人员.实有", Decimal("75"))]
    assert not found(read(staff), "N-REPEAT")
    spending = "三、支出预算情况\n本单位2026年支出预算1291.68万元,其中:人员类项目支出375.95万元,\n运转类项目支出50.76万元。"
    assert not [s for s in read(spending).narrative.statements if s.key == "支出.项目支出"]
    assert [s.value for s in read("三、支出预算情况\n其中:项目支出375.95万元。").narrative.statements if s.key == "支出.项目支出"] == [Decimal("375.95")]


def test_general_grant_spending_above_the_years_spending():
    # 冠县检验检测中心 2017 (golden): "一般公共预算财政拨款支出178.48万元" is 本年支出174.89 + 年末结转3.59
    (hit,) = found(doc(*said("本年支出合计 174.89", "一般公共预算财政拨款支出 178.48")), "N-FISCAL-SUM")
    assert hit.severity.value == "error" and hit.figures["超出"] == "3.59"
    assert not found(doc(*said("本年支出合计 174.89", "一般公共预算财政拨款支出 174.89")), "N-FISCAL-SUM")
    assert not found(doc(*said("本年支出合计 174.9", "一般公共预算财政拨款支出 174.93")), "N-FISCAL-SUM")  # rounded apart


def test_a_completion_of_the_years_grant_spending_from_the_totals_told():
    # 金华市救助管理站 2021 (golden): nothing carried over, so the grants' spending is their total (500.12)
    text = ("（一）收入支出决算总体情况说明\n2021年度收入总计519.07万元，支出总计519.07万元。\n（三）支出决算情况说明\n"
            "本年支出合计519.07万元，其中基本支出401.91万元，项目支出117.16万元。\n（四）财政拨款收入支出决算总体情况说明\n"
            "2021年度财政拨款收入总计500.12万元,支出总计500.12万元。主要原因是人员增加;财政拨款支出年初预算数472.9万元,"
            "完成年初预算的{rate}%,主要原因是年中省补资金下达。")
    (hit,) = found(read(text.format(rate="27.22")), "N-COMPLETION")
    assert hit.figures["重算完成率"] == "105.76%"
    assert not found(read(text.format(rate="105.76")), "N-COMPLETION")
    # with a carry-over at the year's end that the text does not split by fund, the grants' spending is not known
    carried = text.replace("支出总计519.07万元。", "支出总计530.07万元。").format(rate="27.22")
    assert not found(read(carried), "N-COMPLETION")


def test_no_growth_written_beside_a_rise_from_nothing():
    # R46a/02 (雨禾幼儿园 2021): "比上年增加445.20万元,增长0.00%" — last year was 0
    (hit,) = found(doc(*said("收支总计 445.20", "收支总计.增减 445.20", "收支总计.增减率 0")), "N-ZERO-BASE")
    assert hit.severity.value == "warning"
    (note,) = found(doc(*said("收支总计 445.20", "收支总计.增减 445.20", "收支总计.增减率 35")), "N-ZERO-BASE")
    assert note.severity.value == "info"


def test_a_sangong_list_naming_an_item_that_is_no_sangong():
    # R50l/01 (云溪区接待办 2017 预算): "…预算数为8万元…。其中,公务接待费5万元,其他交通费用3万元"
    text = ("2、“三公”经费预算\n2024年“三公”经费预算数为8万元,比上年预算10万元减少2万元。其中,公务接待费5万元,"
            "其他交通费用3万元。")
    hits = [h for h in found(read(text), "N-SANGONG-SUM") if "其他交通费用" in h.message]
    assert [h.severity.value for h in hits] == ["warning"]
    fine = "2、“三公”经费预算\n2024年“三公”经费预算数为8万元。其中,公务接待费5万元,公务用车运行维护费3万元。"
    assert not [h for h in found(read(fine), "N-SANGONG-SUM") if "其他交通费用" in h.message]
