"""上海 budget forms copied as page text (issue 9 with issue 7 item 4): titles and rows glued to
the amount before them, codes spaced by level, blank cells printed as nothing, amounts in 元.

Self-made forms first; then a real page text of the golden set (tests/golden/docs).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from juesuan.core.profiles import load_profile
from juesuan.io.readers.grid import UNREAD_CELL
from juesuan.io.readers.lines import unglue
from juesuan.io.readers.recognize import identify, recognize
from juesuan.io.readers.row_budget import budget_key
from juesuan.io.readers.text import extract, extract_text

GOLDEN_DOCS = Path(__file__).resolve().parent / "golden" / "docs"
LAYOUT = load_profile("shanghai-yusuan").layout


def _titles(text: str) -> bool:
    return budget_key(text) is not None


def _grid(ex, key: str):
    (grid,) = [g for g in ex.grids if identify(g, LAYOUT) == key]
    return grid


def test_a_title_glued_to_the_last_amount_starts_a_line_of_its_own():
    lines, numbers = unglue(["合计 5,000 1,234,5672027年部门支出预算总表", "共计1,234,5672027年度计划"], [7, 8], _titles)
    assert lines == ["合计 5,000 1,234,567", "2027年部门支出预算总表", "共计1,234,5672027年度计划"]
    assert numbers == [7, 7, 8]  # a year that opens no title is never cut off


def test_a_row_glued_to_the_amount_before_it_is_cut_before_its_spaced_code():
    lines, _ = unglue(["213 01 05 农业 12,500 12,500213 01 99 其他农业支出 900", "金额 1,2345 01 不是"], [1, 2], _titles)
    assert lines == ["213 01 05 农业 12,500 12,500", "213 01 99 其他农业支出 900", "金额 1,2345 01 不是"]
    # an ordinal label glued to an amount is set apart on the same line
    assert unglue(["一、财政拨款收入 8,000一、农林水支出 8,000"], [1], _titles)[0] == ["一、财政拨款收入 8,000 一、农林水支出 8,000"]
    assert unglue(["1. 一般公共预算 8000二、农林水支出 8000"], [1], _titles)[0] == ["1. 一般公共预算 8000 二、农林水支出 8000"]


_BUDGET = """第三部分 2027年某区农业局部门预算表
2027年部门支出预算总表
编制部门：某区农业局 单位：元
项目 支出预算
功能分类科目编码
功能分类科目名称 合计 基本支出 项目支出
类 款 项
213 农林水支出 1,500,000 1,000,000 500,000
213 01 农业农村 1,500,000 1,000,000 500,000
213 01 01 行政运行 1,000,000 1,000,000
213 01 99 其他农业农村支出 500,000 500,000
合计 1,500,000 1,000,000 500,0002027年部门一般公共预算基本支出部门预算经济分类预算表
编制部门： 单位：元
项目 一般公共预算基本支出
部门预算经济分类科目
编码
经济分类科目名称 合计 人员经费 公用经费
类 款
301 工资福利支出 800,000 800,000
301 01 基本工资 800,000 800,000
302 商品和服务支出 200,000 200,000
302 01 办公费 120,000 120,000302 11 差旅费 80,000 80,000
合计 1,000,000 800,000 200,000
第四部分 其他相关情况说明
"""


def test_budget_forms_are_read_with_spaced_codes_joined_and_blank_cells_placed():
    ex = extract_text(_BUDGET, "预算.txt")
    t3 = _grid(ex, "T3")
    assert t3.rows[0][2:] == ("本年支出合计", "基本支出", "项目支出")  # the layout's names
    rows = {r[0]: r[1:] for r in t3.rows[1:]}
    assert rows["2130101"] == ("行政运行", "1,000,000", "1,000,000", "")  # the sums of 21301 place it
    assert rows["2130199"] == ("其他农业农村支出", "500,000", "", "500,000")
    assert rows["合计"][1:] == ("1,500,000", "1,000,000", "500,000")
    assert not t3.omitted
    t6 = _grid(ex, "T6")
    rows6 = {r[0]: r[1:] for r in t6.rows[1:]}
    assert rows6["30211"] == ("差旅费", "80,000", "", "80,000")  # the glued row cut off its neighbour
    tables = recognize(ex.grids, layout=LAYOUT, budget=True)
    assert tables.t6.total.values["人员经费"] == Decimal("80")  # 800,000 元 in 万元, exactly
    assert tables.t3.total.values["本年支出合计"] == Decimal("150")
    assert tables.issuers == {"T3": "某区农业局", "T6": ""}  # "编制部门：" printed with nothing after it


def test_a_budget_row_whose_blank_cells_cannot_be_placed_leaves_the_table_unread():
    text = _BUDGET.replace("项目 支出预算", "项目 收入预算").replace("2027年部门支出预算总表", "2027年部门收入预算总表") \
        .replace("功能分类科目名称 合计 基本支出 项目支出", "功能分类科目名称 合计 财政拨款收入 事业收入 其他收入\n经营收入")
    text = text.replace("1,000,000 1,000,000 500,000", "1,500,000 1,500,000").replace("1,500,000 1,000,000 500,000", "1,500,000 1,500,000")
    ex = extract_text(text, "预算.txt")
    t2 = _grid(ex, "T2")
    assert t2.omitted and UNREAD_CELL in t2.rows[1]  # which income column holds it cannot be told
    assert recognize(ex.grids, layout=LAYOUT, budget=True).t2 is None


def test_the_budget_summary_table_pairs_each_amount_with_its_label():
    text = """2027年部门财务收支预算总表
编制部门：某区农业局 单位：元
本年收入 本年支出
项目 预算数 项目 预算数
一、财政拨款收入 1,500,000一、农林水支出 1,500,000
1. 一般公共预算 1,500,000
2. 政府性基金预算
二、事业收入
收入总计 1,500,000 支出总计 1,500,000
"""
    ex = extract_text(text, "预算.txt")
    t1 = _grid(ex, "T1")
    assert t1.rows[2] == ("一、财政拨款收入", "1,500,000", "一、农林水支出", "1,500,000")
    assert t1.rows[3] == ("1.一般公共预算", "1,500,000", "", "")
    assert t1.rows[-1] == ("收入总计", "1,500,000", "支出总计", "1,500,000")
    t = recognize(ex.grids, layout=LAYOUT, budget=True).t1
    assert t.income_total == Decimal("150") and t.expenditure_total == Decimal("150")


def test_real_page_text_of_a_shanghai_budget_reads_its_forms():
    ex = extract(GOLDEN_DOCS / "shanghai-putuo-wenhualvyouju-2026-yusuan.txt")
    tables = recognize(ex.grids, layout=LAYOUT, budget=True)
    assert tables.t1.income_total == Decimal("27807.6101")
    t5 = {r.code: r for r in tables.t5.rows}
    assert t5["2070199"].values["项目支出"] == Decimal("311.84")  # printed after a page's repeated header
    assert tables.t6.total.values["公用经费"] == Decimal("1806.3168")
    t6 = {r.code: r for r in tables.t6.rows}
    assert t6["30302"].values["公用经费"] == Decimal("30.52")  # the row printed glued to 303's amounts
    assert tables.issuers["T8"] == ""
    assert tables.t2 is None  # two amounts under five income columns: not guessed


def test_a_budget_header_whose_columns_stand_out_of_the_forms_order_stays_text():
    text = _BUDGET.replace("功能分类科目名称 合计 基本支出 项目支出", "功能分类科目名称 合计 项目支出 基本支出")
    ex = extract_text(text, "预算.txt")
    assert [g for g in ex.grids if identify(g, LAYOUT) == "T3"] == []
    assert any("213 01 01 行政运行" in text for text, _ in ex.lines)


_SANGONG = """2027年部门“三公”经费和机关运行经费预算表
编制部门：某区农业局 单位:万元
“三公”经费预算数
机关运行经费预算
公务用车购置及运行费
数
合计 因公出国(境)费 公务接待费
小计 购置费 运行费
{row}
其他相关情况说明
"""


def test_the_budget_sangong_form_is_read_when_its_seven_amounts_add_up():
    ex = extract_text(_SANGONG.format(row="20.50 3.00 1.50 16.00 10.00 6.00 88.20"), "预算.txt")
    t9 = recognize(ex.grids, layout=LAYOUT, budget=True).t9
    assert t9.actual["合计"] == Decimal("20.50") and t9.actual["公务接待费"] == Decimal("1.50")
    assert t9.actual["公务用车购置费"] == Decimal("10.00") and t9.actual["公务用车运行维护费"] == Decimal("6.00")
    # 合计 ≠ 出国 + 接待 + 小计: the order cannot be trusted, the row is left out
    ex = extract_text(_SANGONG.format(row="20.50 3.00 16.00 1.50 10.00 6.00 88.20"), "预算.txt")
    (grid,) = [g for g in ex.grids if identify(g, LAYOUT) == "T9"]
    assert grid.omitted and "无法确定" in grid.omitted[0].excerpt
    assert recognize(ex.grids, layout=LAYOUT, budget=True).t9 is None


def test_every_budget_layout_title_holds_a_word_the_quick_title_test_looks_for():
    from juesuan.io.readers.row_budget import BUDGET_PROFILES, TITLE_WORDS

    titles = [t for name in BUDGET_PROFILES for spec in load_profile(name).layout.tables for t in (spec.title, *spec.variants)]
    assert titles and [t for t in titles if not any(w in t for w in TITLE_WORDS)] == []
    assert budget_key("2027年部门财政拨款收支预算总表") == "T4" and budget_key("某局2027年部门预算情况说明") is None
