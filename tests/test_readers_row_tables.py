"""Tables copied one row per line, cells separated by spaces (issue 7 item 4): ``pdftotext``
without -layout, page texts of a PDF. Read where the labels and the header allow it; a row that
cannot be placed is left out and said so, and recognition then does not take the table.

Self-made fixtures first; then a real document of the golden set (tests/golden/docs); the corpus
comparison with the PDF reader at the end uses ../shared and pdftotext.
"""

from __future__ import annotations

import subprocess
from dataclasses import fields
from decimal import Decimal
from pathlib import Path

import pytest

from shared import needs_shared, shared, tool

from juesuan.audit import check_path
from juesuan.io.readers.pdf import extract as extract_pdf
from juesuan.io.readers.recognize import identify, recognize
from juesuan.io.readers.grid import UNREAD_CELL
from juesuan.io.readers.row_panels import place_sangong
from juesuan.io.readers.text import extract, extract_text

GOLDEN_DOCS = Path(__file__).resolve().parent / "golden" / "docs"


def D(s: str) -> Decimal:
    return Decimal(s)


def _doc(*tables: str) -> str:
    return "\n".join(["第二部分 某区某局2024年度部门决算表", *tables, "第三部分 某区某局2024年度部门决算情况说明"]) + "\n"


def _grid(ex, key: str):
    (grid,) = [g for g in ex.grids if identify(g) == key]
    return grid


# --------------------------------------------------------------------------- 公开01 / 公开04

T1 = """收入支出决算总表
单位：万元
收入 支出
项目 决算数 项目 决算数
一、一般公共预算财政拨款收入 150.00 一、一般公共服务支出 40.00
二、政府性基金预算财政拨款收入 二、外交支出
三、
国有资本经营预算财政拨款收入 三、国防支出
八、其他收入 10.00 八、社会保障和就业支出 20.00
九、卫生健康支出 2.00
二十二、灾害防治及应急管理支
98.00
出
本年收入合计 160.00 本年支出合计 160.00
使用非财政拨款结余 结余分配
年初结转和结余 年末结转和结余
总计 160.00 总计 160.00
注：本表反映部门本年度的总收支和年末结转结余情况。"""


def test_summary_table_blank_cells_lone_rows_and_wrapped_labels():
    ex = extract_text(_doc(T1), "t.txt")
    grid = _grid(ex, "T1")
    assert grid.omitted == ()
    assert ("三、国有资本经营预算财政拨款收入", "", "三、国防支出", "") in grid.rows
    assert ("", "", "二十二、灾害防治及应急管理支出", "98.00") in grid.rows
    t1 = recognize(ex.grids).t1
    assert t1.income["一般公共预算财政拨款收入"] == D("150.00") and t1.income["其他收入"] == D("10.00")
    assert t1.income["政府性基金预算财政拨款收入"] is None  # printed as nothing: blank, never 0
    assert t1.expenditure == {"201": D("40.00"), "202": None, "203": None, "208": D("20.00"), "210": D("2.00"),
                              "224": D("98.00")}
    assert t1.income_total == t1.expenditure_total == D("160.00") and t1.opening_balance is None
    # the amount of the wrapped label points at the line it was printed on
    assert t1.sources["224"].line == 13 and t1.sources["224"].excerpt == "98.00"
    texts = [t for t, _ in ex.lines]
    assert "收入支出决算总表" in texts and not any("150.00" in t for t in texts)


T4 = """财政拨款收入支出决算总表
单位：万元
收入决算数 支出决算数
一般公共预算财 政府性基金预算 国有资本经营预
项目 决算数 项目 合计
政拨款 财政拨款 算财政拨款
一、一般公共预算财政拨款 150.00 一、一般公共服务支出 150.00 150.00 0.00 0.00
二、政府性基金预算财政拨款 0.00 二、外交支出 0.00 0.00
本年收入合计 150.00 本年支出合计 150.00 150.00 0.00 0.00
总计 150.00 总计 150.00 150.00 0.00 0.00"""


def test_fund_columns_printed_in_part_leave_the_row_out():
    ex = extract_text(_doc(T4), "t.txt")
    grid = _grid(ex, "T4")
    assert [s.excerpt for s in grid.omitted] == ["二、外交支出（印有2个金额，该栏组有4栏，空白栏未印出，无法确定各金额所在栏）"]
    assert grid.omitted[0].line == 9
    assert recognize(ex.grids).t4 is None  # incomplete: not taken


# --------------------------------------------------------------------------- coded tables

T5_WRAPPED = """一般公共预算财政拨款支出决算表
单位：万元
项目
合计 基本支出 项目支出
功能分类
科目名称
科目编码
社会保障和就业
208 40.00 40.00 0.00
支出
20805 行政事业单位养老支出 40.00 40.00 0.00
机关事业单位基
2080505 本养老保险缴费 30.00 30.00 0.00
支出
机关事业单位职业年金缴费
2080506 10.00 10.00 0.00
支出
合计 40.00 40.00 0.00
注：本表反映部门本年度一般公共预算财政拨款支出情况。"""


def test_names_wrapped_above_and_below_the_code_line_are_rebuilt():
    ex = extract_text(_doc(T5_WRAPPED), "t.txt")
    assert _grid(ex, "T5").omitted == ()
    t5 = recognize(ex.grids).t5
    assert [(r.code, r.name, r.values["合计"]) for r in t5.rows] == [
        ("208", "社会保障和就业支出", D("40.00")), ("20805", "行政事业单位养老支出", D("40.00")),
        ("2080505", "机关事业单位基本养老保险缴费支出", D("30.00")), ("2080506", "机关事业单位职业年金缴费支出", D("10.00"))]
    assert t5.total.values["基本支出"] == D("40.00")
    assert not any("本养老保险缴费" in t or t == "支出" for t, _ in ex.lines)


T5_SCRAMBLED = """一般公共预算财政拨款支出决算表
单位：万元
项 目 一般公共预算财政拨款支出决算数
科目编码 科目名称 合计 基本支出 项目支出
类 款 项
2080502 事业单位离退休 61.16 61.16 0.00
2080505 机关事业单位基本养老保 229.67 229.67 0.00
2080506
险机缴关费事支业出单位职业年金缴
116.59 116.59 0.00
2080599
费其支他出行政事业单位养老支
1.27 1.27 0.00
20808
出抚恤
10.77 0.00 10.77
2080801 死亡抚恤 10.77 0.00 10.77"""


def test_scrambled_names_are_rebuilt_from_the_code_table_and_amounts_follow_their_code():
    ex = extract_text(_doc(T5_SCRAMBLED), "t.txt")
    assert _grid(ex, "T5").omitted == ()
    rows = {r.code: r for r in recognize(ex.grids).t5.rows}
    assert [(c, r.name) for c, r in rows.items()] == [
        ("2080502", "事业单位离退休"), ("2080505", "机关事业单位基本养老保险缴费支出"),
        ("2080506", "机关事业单位职业年金缴费支出"), ("2080599", "其他行政事业单位养老支出"), ("20808", "抚恤"),
        ("2080801", "死亡抚恤")]
    assert rows["2080506"].values == {"合计": D("116.59"), "基本支出": D("116.59"), "项目支出": D("0.00")}
    assert rows["2080506"].sources["合计"].line == 11  # the line the amounts are printed on
    assert rows["20808"].values["项目支出"] == D("10.77")


def test_a_name_whose_letters_do_not_match_its_codes_is_left_out_never_guessed():
    # one letter too many in the scrambled line: no choice of names uses exactly these letters
    text = T5_SCRAMBLED.replace("险机缴关费事支业出单位职业年金缴", "险机缴关费事支业出单位职业年金缴金")
    ex = extract_text(_doc(text), "t.txt")
    grid = _grid(ex, "T5")
    left_out = [s.excerpt.split("（")[0] for s in grid.omitted]
    # the run: the rows the scrambled lines join, and the rows either side of a name cut short
    assert left_out == ["2080502 事业单位离退休 61.16 61.16 0.00", "2080505 机关事业单位基本养老保 229.67 229.67 0.00",
                        "2080506", "2080599", "20808", "2080801 死亡抚恤 10.77 0.00 10.77"]
    assert all("科目名称折行" in s.excerpt for s in grid.omitted)
    assert recognize(ex.grids).t5 is None


def test_a_name_cut_short_by_the_copy_takes_the_code_tables_name():
    text = T5_WRAPPED.replace("机关事业单位职业年金缴费\n2080506 10.00 10.00 0.00\n支出",
                              "2080506 机关事业单位职业年金缴费 10.00 10.00 0.00")
    rows = {r.code: r.name for r in recognize(extract_text(_doc(text), "t.txt").grids).t5.rows}
    assert rows["2080506"] == "机关事业单位职业年金缴费支出"
    # a name that is no part of its code's name is kept as printed, for the name checks to see
    text = T5_WRAPPED.replace("20805 行政事业单位养老支出", "20805 减排专项支出")
    rows = {r.code: r.name for r in recognize(extract_text(_doc(text), "t.txt").grids).t5.rows}
    assert rows["20805"] == "减排专项支出"


T2_SHIFTED = """收入决算表
单位：万元
项目
本年收入合计 财政拨款收入 上级补助收入 事业收入 经营收入 附属单位上缴收入 其他收入
科目编码 科目名称
合计 120.00 120.00 0.00 0.00 0.00 0.00 0.00
201 一般公共服务支出 120.00 120.00 0.00 0.00 0.00 0.00 0.00
20101 人大事务 80.00 80.00
2010101 行政运行 80.00 80.00 0.00 0.00 0.00 0.00 0.00
20103 政府办公厅（室）及相关机构事务 40.00 40.00 0.00 0.00 0.00 0.00 0.00
2010301 行政运行 40.00 40.00 0.00 0.00 0.00 0.00 0.00
注：本表反映部门本年度取得的各项收入情况。"""


def _checked(tmp_path, text: str):
    path = tmp_path / "某区某局2024年度部门决算.txt"
    path.write_text("某区某局2024年度部门决算\n" + _doc(text), encoding="utf-8")
    return check_path(path)


def test_blank_cells_printed_as_nothing_are_placed_where_the_hierarchy_leaves_one_placement(tmp_path):
    # 20101 prints 80.00 twice: 合计, and one of six sources; only 财政拨款收入 lets 201 (120.00 there)
    # be the sum of its 款
    ex = extract_text(_doc(T2_SHIFTED), "t.txt")
    assert _grid(ex, "T2").omitted == ()
    rows = {r.code: r.values for r in recognize(ex.grids).t2.rows}
    assert rows["20101"]["财政拨款收入"] == D("80.00") and rows["20101"]["本年收入合计"] == D("80.00")
    assert rows["20101"].get("上级补助收入") is None and rows["20101"].get("其他收入") is None
    result = _checked(tmp_path, T2_SHIFTED)
    assert not [f for f in result.findings if f.code in ("T-HIERARCHY", "T2-ROW-SUM")]
    assert "t2_row_sum" not in {x["check"] for x in result.report.summary()["not_run"]}


T2_EVERY_ROW_TWO = """收入决算表
单位：万元
项目
本年收入合计 财政拨款收入 上级补助收入 事业收入 经营收入 附属单位上缴收入 其他收入
科目编码 科目名称
合计 120.00 120.00
201 一般公共服务支出 120.00 120.00
20101 人大事务 80.00 80.00
2010101 行政运行 80.00 80.00
20103 政府办公厅（室）及相关机构事务 40.00 40.00
2010301 行政运行 40.00 40.00
注：本表反映部门本年度取得的各项收入情况。"""


def test_blank_cells_no_sum_can_place_stay_unread_and_the_checks_needing_them_do_not_run(tmp_path):
    # every row prints 合计 and one source: any of the six sources meets every sum, so none is chosen
    ex = extract_text(_doc(T2_EVERY_ROW_TWO), "t.txt")
    grid = _grid(ex, "T2")
    assert len(grid.omitted) == 6 and grid.omitted[0].line == 7
    assert grid.omitted[0].excerpt == ("合计 120.00 120.00（印有2个金额，表头有7栏，空白栏未印出，按本行及上下级科目的合计"
                                       "仍不能确定财政拨款收入、上级补助收入、事业收入、经营收入、附属单位上缴收入、其他收入的金额）")
    row = next(r for r in grid.rows if r[0] == "20101")
    assert row[2] == "80.00" and row[3:] == (UNREAD_CELL,) * 6  # 合计 placed; the source unknown, never blank
    assert recognize(ex.grids).t2 is None
    result = _checked(tmp_path, T2_EVERY_ROW_TWO)
    assert not [f for f in result.findings if f.code in ("T-HIERARCHY", "T2-ROW-SUM")]
    not_run = {x["check"]: x["reason"] for x in result.report.summary()["not_run"]}
    assert "收入决算表" in not_run["t2_row_sum"]


T5_CLASS_MISPRINTED = """一般公共预算财政拨款支出决算表
单位：万元
项目
合计 基本支出 项目支出
科目编码 科目名称
合计 300.00 200.00 100.00
212 城乡社区支出 300.00 20.00 100.00
21201 城乡社区管理事务 300.00 200.00 100.00
2120101 行政运行 150.00 150.00
2120102 一般行政管理事务 100.00 100.00
2120104 城管执法 50.00 50.00
注：本表反映部门本年度一般公共预算财政拨款支出情况。"""


def test_a_total_printed_wrong_is_not_repaired_by_the_placement_and_is_still_found(tmp_path):
    # 212's 基本支出 is printed 20.00 for 200.00: the 类 cannot be the sum of its 款 in that column,
    # so only the 款's own rows decide (2120102 is the 项目 of 21201; the others 基本)
    ex = extract_text(_doc(T5_CLASS_MISPRINTED), "t.txt")
    assert _grid(ex, "T5").omitted == ()
    rows = {r.code: r.values for r in recognize(ex.grids).t5.rows}
    assert rows["212"]["基本支出"] == D("20.00")  # as printed
    assert rows["2120102"]["项目支出"] == D("100.00") and rows["2120102"].get("基本支出") is None
    assert rows["2120101"]["基本支出"] == D("150.00") and rows["2120104"]["基本支出"] == D("50.00")
    found = {(f.code, f.severity.value) for f in _checked(tmp_path, T5_CLASS_MISPRINTED).findings if "“212 " in f.message}
    assert found == {("T5-ROW-SUM", "error"), ("T-HIERARCHY", "error")}


T6 = """一般公共预算财政拨款基本支出决算表
单位：万元
经济分
经济分类
类科目
科目编码 科目名称 决算数 科目名称 决算数
编码
类 款 类 款
301 工资福利支出 300.00 302 商品和服务支出 20.00
301 01 基本工资 100.00 302 01 办公费 10.00
机关事业单位基本
301 08 120.00 302 07 邮电费 3.00
养老保险缴费
301 11 公务员医疗补助缴 0.00 302 11 差旅费 1.00
费 因公出国（境）费
301 12 其他社会保障缴费 80.00 302 12 0.00
用
其他商品和服务支
302 99 6.00
出
人员经费合计 300.00 公用经费合计 20.00
注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。"""


def test_economic_table_two_panels_with_names_wrapped_across_them():
    ex = extract_text(_doc(T6), "t.txt")
    assert _grid(ex, "T6").omitted == ()
    t6 = recognize(ex.grids).t6
    rows = {r.code: (r.name, r.values["决算数"]) for r in t6.rows}
    assert rows == {"301": ("工资福利支出", D("300.00")), "30101": ("基本工资", D("100.00")),
                    "30108": ("机关事业单位基本养老保险缴费", D("120.00")), "30111": ("公务员医疗补助缴费", D("0.00")),
                    "30112": ("其他社会保障缴费", D("80.00")), "302": ("商品和服务支出", D("20.00")),
                    "30201": ("办公费", D("10.00")), "30207": ("邮电费", D("3.00")), "30211": ("差旅费", D("1.00")),
                    "30212": ("因公出国（境）费用", D("0.00")), "30299": ("其他商品和服务支出", D("6.00"))}
    assert t6.subtotals == {"人员经费合计": D("300.00"), "公用经费合计": D("20.00")}


def test_text_after_the_last_row_that_is_no_name_stays_narrative():
    text = T5_WRAPPED.rsplit("\n合计", 1)[0] + "\n财务负责人 李明\n"
    ex = extract_text(_doc(text), "t.txt")
    assert _grid(ex, "T5").omitted == ()
    assert "财务负责人 李明" in [t for t, _ in ex.lines]


def test_a_header_that_is_not_the_standard_form_stays_text():
    text = T5_WRAPPED.replace("合计 基本支出 项目支出", "年初预算数 合计 基本支出 项目支出")
    ex = extract_text(_doc(text), "t.txt")
    assert not [g for g in ex.grids if identify(g) == "T5"]
    assert any("20805 行政事业单位养老支出 40.00 40.00 0.00" in t for t, _ in ex.lines)


# --------------------------------------------------------------------------- 公开09

T9 = """财政拨款“三公”经费支出决算表
单位：万元
财政拨款“三公”经费
公务用车购置及运行维护费
因公出国
合计 公务用车 公务用车 公务接待费
（境）费 小计
购置费 运行维护费
预算数 决算数 预算数 决算数 预算数 决算数 预算数 决算数 预算数 决算数 预算数 决算数
{values}
注：本表反映部门本年度“三公”经费支出预决算情况。"""


def test_sangong_row_of_twelve_amounts_and_one_with_blanks_printed_as_nothing():
    values = "11.49 3.04 0 0 9.38 2.64 0 0 9.38 2.64 2.11 0.40"
    t9 = recognize(extract_text(_doc(T9.format(values=values)), "t.txt").grids).t9
    assert t9.budget == {"合计": D("11.49"), "因公出国（境）费": D("0"), "公务用车购置及运行维护费": D("9.38"),
                         "公务用车购置费": D("0"), "公务用车运行维护费": D("9.38"), "公务接待费": D("2.11")}
    assert t9.actual["公务接待费"] == D("0.40") and t9.actual["公务用车运行维护费"] == D("2.64")


def test_sangong_row_with_blanks_left_out_is_placed_only_where_the_sums_leave_no_doubt():
    # 出国 blank on both sides: 合计 = 小计 + 接待 places it; 购置 or 运行 holding the 30.67 both add up
    ex = extract_text(_doc(T9.format(values="31.47 19.86 30.67 19.56 30.67 19.56 0.80 0.30")), "t.txt")
    assert not _grid(ex, "T9").omitted
    t9 = recognize(ex.grids).t9
    assert t9.budget["合计"] == D("31.47") and t9.actual["公务用车购置及运行维护费"] == D("19.56")
    assert t9.budget["因公出国（境）费"] == D("0") and t9.actual["公务接待费"] == D("0.30")
    assert "公务用车购置费" not in t9.budget and "公务用车运行维护费" not in t9.actual  # unknown, not blank
    # amounts no placement adds up: the row is left out and the grid says why
    ex = extract_text(_doc(T9.format(values="31.47 19.86 30.00 19.56 30.67 19.56 0.80 0.30")), "t.txt")
    assert "印有8个金额，表头有12栏" in _grid(ex, "T9").omitted[0].excerpt
    assert recognize(ex.grids).t9 is None


def test_place_sangong_fills_blanks_as_zero_and_leaves_a_doubtful_cell_unknown():
    # 合计 printed twice over: 出国 or 接待 may hold it; 公务用车 is blank (zero) either way
    placed = place_sangong(["10.00", "8.00", "10.00", "8.00"])
    assert placed[:2] == ["10.00", "8.00"] and placed[4:10] == ["0.00"] * 6
    assert placed[2:4] == [UNREAD_CELL] * 2 and placed[10:] == [UNREAD_CELL] * 2


# --------------------------------------------------------------------------- a real document

def test_page_texts_of_a_real_disclosure_read_all_nine_tables():
    """上海市普陀区生态环境局 2025 (page texts joined with form feeds); values read by eye from
    the text file."""
    ex = extract(GOLDEN_DOCS / "shanghai-putuo-shengtaihuanjingju-2025-juesuan.txt")
    assert not [g.title for g in ex.grids if g.omitted]
    t = recognize(ex.grids)
    assert t.present() == ("T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9")
    assert t.t1.income_total == D("4733.14") and t.t1.expenditure["211"] == D("3742.47")
    t2 = {r.code: r for r in t.t2.rows}
    # a row of page 8 and the first of page 9 (two pages' lines joined by a form feed in the file)
    assert t2["2110104"].values["本年收入合计"] == D("88.60") and t2["2110104"].sources["本年收入合计"].page == 8
    assert t2["2110105"].values["财政拨款收入"] == D("7.50") and t2["2110105"].sources["财政拨款收入"].page == 9
    t5 = {r.code: r for r in t.t5.rows}
    assert t5["2080599"].name == "其他行政事业单位养老支出" and t5["2080599"].values["合计"] == D("1.27")
    assert t5["21103"].name == "污染防治" and t5["21103"].values["项目支出"] == D("623.06")
    assert t.t5.total.values == {"合计": D("4733.14"), "基本支出": D("3365.38"), "项目支出": D("1367.75")}
    t6 = {r.code: r for r in t.t6.rows}
    assert t6["30110"].name == "职工基本医疗保险缴费" and t6["30110"].values["决算数"] == D("109.34")
    assert t6["30231"].values["决算数"] == D("16.95") and "30203" not in t6
    assert t.t4.expenditure["211"]["合计"] == D("3742.47")
    assert t.t9.budget["合计"] == D("21.00") and t.t9.actual["公务用车运行维护费"] == D("16.95")
    assert t.t7.rows == () and "没有政府性基金" in t.t7.note


def test_page_texts_whose_blank_cells_and_wrapped_names_the_copy_lost():
    """上海市普陀区宜川路街道 2025: 公开05 prints zero cells as nothing and wraps names around
    their codes (城乡社区环境卫生 above and below 21205 and 2120501); each amount is placed by the
    sums (values read by eye from the text file)."""
    ex = extract(GOLDEN_DOCS / "shanghai-putuo-yichuanlujiedao-2025-juesuan.txt")
    (t5_grid,) = [g for g in ex.grids if identify(g) == "T5"]
    assert t5_grid.omitted == ()
    t5 = {r.code: r for r in recognize(ex.grids).t5.rows}
    assert t5["212"].values == {"合计": D("15411.43"), "基本支出": D("11053.82"), "项目支出": D("4357.61")}
    assert t5["2120102"].name == "一般行政管理事务" and t5["2120102"].values["项目支出"] == D("1037.82")
    assert t5["2120102"].values.get("基本支出") is None
    assert t5["2120101"].values["基本支出"] == D("1942.73") and t5["2120101"].values.get("项目支出") is None
    assert t5["2120501"].name == "城乡社区环境卫生" and t5["2120501"].values["合计"] == D("734.06")


# --------------------------------------------------------------------------- the corpus, against the PDF reader

def _pdftotext(name: str) -> str:
    """``pdftotext -raw`` of a corpus PDF (tests/shared.py: ../shared and pdftotext)."""
    path = shared("corpus", name)
    return subprocess.run([tool("pdftotext"), "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _values(table) -> dict:
    """A recognised table without its spans: what must agree cell for cell."""
    if hasattr(table, "rows"):
        return {"rows": sorted((r.code, r.name, dict(r.values)) for r in table.rows),  # panels read in any order
                "total": dict(table.total.values) if table.total else None, "subtotals": dict(table.subtotals)}
    return {f.name: getattr(table, f.name) for f in fields(table) if f.name != "sources"}


def _pages(table) -> list:
    if hasattr(table, "rows"):
        return sorted((r.code, c, s.page) for r in table.rows for c, s in r.sources.items())
    return sorted((k, s.page) for k, s in table.sources.items())


@needs_shared
@pytest.mark.parametrize("name, read, left_out", [
    ("shanghai-putuo-guihuaziyuanju-2024-juesuan.pdf", ("T1", "T5", "T6", "T7", "T8", "T9"), ("T2", "T3", "T4")),
    ("shanghai-putuo-shehuigongzuobu-2024-juesuan.pdf", ("T1", "T5", "T6", "T7", "T8", "T9"), ("T2", "T3", "T4")),
])
def test_pdftotext_copy_agrees_cell_for_cell_with_the_pdf_reader(name, read, left_out):
    ex = extract_text(_pdftotext(name), name.replace(".pdf", ".txt"))
    from_text = recognize(ex.grids)
    from_pdf = recognize(extract_pdf(shared("corpus", name)).grids)
    assert from_text.present() == read
    for key in read:
        mine, theirs = getattr(from_text, key.lower()), getattr(from_pdf, key.lower())
        assert _values(mine) == _values(theirs), key
        # every cell read from the copy points at the page the PDF prints it on (a blank 公开09
        # row is no row in the copy: it has no cells to point at)
        assert set(_pages(mine)) <= set(_pages(theirs)), key
        assert len(_pages(mine)) == len(_pages(theirs)) or key == "T9" and not any(_values(mine)["budget"].values())
    # the tables whose blank cells the copy printed as nothing are there, incomplete, and say why
    incomplete = {identify(g) for g in ex.grids if g.omitted}
    assert incomplete == set(left_out)
    assert all("空白栏未印出" in s.excerpt for g in ex.grids for s in g.omitted)
