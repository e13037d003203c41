"""Table recognition across forms: titles from the profile layout (regional variants, numbering,
year prefixes, form codes), the university's 高等学校收支决算总表, tables printed in 元, code cells
merged over 类|款|项, and a table continued on the next page (synthetic grids, no corpus needed)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from juesuan.core.model import Span
from juesuan.core.profiles import load_profile
from juesuan.io.readers.grid import RawGrid
from juesuan.io.readers.grid_layout import issuer_of, unit_of
from juesuan.io.readers.pdf_tables import PageTable, align_columns
from juesuan.io.readers.recognize import identify, recognize
from juesuan.io.readers.recognize_title import key_by_title, table_name

D = Decimal
NATIONAL = load_profile("national").layout
UNIVERSITY = load_profile("university").layout


def grid(title: str, rows: list[list[str]], *, context: tuple[str, ...] = (), page: int = 5) -> RawGrid:
    spans = tuple(tuple(Span(file="t.pdf", page=page, excerpt=c) for c in row) for row in rows)
    return RawGrid(rows=tuple(tuple(r) for r in rows), spans=spans, title=title, page=page, file="t.pdf",
                   context=context)


# --------------------------------------------------------------------------- titles


@pytest.mark.parametrize("title,key", [
    ("表一：2022年度收支决算总表", "T1"),
    ("一、2018年收入支出决算总表", "T1"),
    ("收入支出决算总表（续）", "T1"),
    ("收入支出决算总表（公开01表）", "T1"),
    ("收入支出决算表", "T1"),
    ("二、收入决算总表", "T2"),
    ("二、收入决算表(按功能分类列示)", "T2"),
    ("三、2022年度支出决算表", "T3"),
    ("支出决算总表", "T3"),
    ("四、2020年度财政拨款收入支出决算表", "T4"),
    ("《财政拨款收入支出决算总表》", "T4"),
    ("五、一般公共预算财政拨款收入支出决算表", "T5"),
    ("五、一般公共预算财政拨款支出决算表(一)", "T5"),
    ("六、2022年度一般公共预算财政拨款基本支出决算表", "T6"),
    ("七、2022年度政府性基金财政拨款收入支出决算表", "T7"),
    ("十三、国有资本经营预算支出决算表", "T8"),
    ("表九:财政拨款安排的“三公”经费支出决算表", "T9"),
    ("七、一般公共预算财政拨款“三公”经费支出决算表", "T9"),
    ("九、“三公”经费、行政参公单位机关运行经费情况表", "T9"),
    ("八、2022年度“三公”经费支出情况表", "T9"),
    ("七、“三公”经费及会议费、培训费支出决算表", "T9"),
])
def test_titles_from_the_national_layout(title, key):
    assert key_by_title(title, NATIONAL) == key


@pytest.mark.parametrize("title", [
    "十一、项目支出决算表",  # not the 支出决算表
    "会议费、培训费支出决算表",
    "五、项目收入支出决算表",
    "八、财政专户管理资金收入支出决算表",
    "八、政府性基金预算财政拨款基本支出决算表",  # not the 一般公共预算 基本支出 table
    "十二、政府性基金预算财政拨款“三公”经费支出决算表",  # the 三公 of one fund, not the 三公 table
    "三、收入决算表(按单位列示)",  # by unit, not by subject
    "表十:预算绩效自评情况表",
    "高等学校财政拨款支出决算表",  # a university table, not in the national layout
])
def test_other_tables_are_not_taken_for_a_standard_one(title):
    assert key_by_title(title, NATIONAL) is None


def test_university_titles_come_from_its_layout():
    assert key_by_title("表1：高等学校收支决算总表", UNIVERSITY) == "T1"
    assert key_by_title("表2：高等学校收入决算表", UNIVERSITY) == "T2"
    assert key_by_title("表3：高等学校支出决算表", UNIVERSITY) == "T3"
    assert key_by_title("表4：高等学校财政拨款支出决算表", UNIVERSITY) == "T5"
    assert key_by_title("财政拨款收入支出决算总表", UNIVERSITY) is None  # no 公开04 in that form


def test_table_name_keeps_a_split_by_unit():
    assert table_name("收入决算表（续表）") == "收入决算表"
    assert table_name("收入决算表(分单位)") == "收入决算表（分单位）"


def test_identify_falls_back_on_headers_without_a_known_title():
    rows = [["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出", "上缴上级支出"],
            ["201", "一般公共服务支出", "5.00", "5.00", "", ""]]
    assert identify(grid("某某表", rows), NATIONAL) == "T3"


# --------------------------------------------------------------------------- the university's 公开01

UNIVERSITY_T1 = [
    ["收入", "收入", "支出", "支出"],
    ["项目", "决算数", "项目(按功能分类)", "决算数"],
    ["栏次", "1", "栏次", "2"],
    ["一、财政拨款收入", "120.00", "一、一般公共服务支出", ""],
    ["其中：政府性基金预算财政拨款", "20.00", "二、教育支出", "150.00"],
    ["二、事业收入", "30.00", "三、抗役特别国债安排的支出", ""],
    ["三、其他收入", "10.00", "", ""],
    ["其中：捐赠收入", "1.00", "", ""],
    ["本年收入合计", "160.00", "本年支出合计", "150.00"],
    ["使用非财政拨款结余（含专用结余）", "5.00", "结余分配", "2.00"],
    ["上年结转和结余", "7.00", "年末结转和结余", "20.00"],
    ["合计", "172.00", "合计", "172.00"],
]


def test_university_summary_table():
    t1 = recognize([grid("表1：高等学校收支决算总表", UNIVERSITY_T1)], code_year=2023, layout=UNIVERSITY).t1
    # 财政拨款收入 is one row; the 其中 sub-lines are parts of the row above, never rows of their own
    assert t1.income == {"财政拨款收入": D("120.00"), "事业收入": D("30.00"), "其他收入": D("10.00")}
    assert [label for label, _ in t1.income_rows()][:2] == ["财政拨款收入", "上级补助收入"]
    assert t1.fiscal_income() == D("120.00")
    assert (t1.income_this_year, t1.non_fiscal_balance_used, t1.opening_balance) == (D("160.00"), D("5.00"), D("7.00"))
    assert t1.income_total == t1.expenditure_total == D("172.00")
    assert (t1.balance_distribution, t1.closing_balance) == (D("2.00"), D("20.00"))
    # a 类 name misprinted by one character is still that 类, its label kept as printed
    assert t1.expenditure == {"201": None, "205": D("150.00"), "234": None}
    assert t1.names["234"] == "抗役特别国债安排的支出"
    assert t1.sources["名称.234"].excerpt == "三、抗役特别国债安排的支出"


def test_standard_fund_rows_sum_to_the_fiscal_income():
    rows = [["收入", "收入", "支出", "支出"], ["项目", "决算数", "项目", "决算数"],
            ["一、一般公共预算财政拨款收入", "100.00", "一、一般公共服务支出", "104.00"],
            ["二、政府性基金预算财政拨款收入", "4.00", "", ""],
            ["本年收入合计", "104.00", "本年支出合计", "104.00"]]
    t1 = recognize([grid("收入支出决算总表", rows)]).t1
    assert t1.fiscal_income() == D("104.00")
    assert "财政拨款收入" not in t1.income


# --------------------------------------------------------------------------- 元, merged code cells, headers

T2_IN_YUAN = [
    ["科目编码", "科目名称", "本年收入合计", "财政拨款收入", "事业收入", "事业收入", "其他收入"],
    ["", "", "", "", "金额", "其中：教育收费", ""],
    ["201", "一般公共服务支出", "1,234,567.89", "1,000,000.00", "", "", "234,567.89"],
    ["", "合计", "1,234,567.89", "1,000,000.00", "", "", "234,567.89"],
]


def test_a_table_in_yuan_is_converted_exactly_and_keeps_its_unit():
    t2 = recognize([grid("收入决算表", T2_IN_YUAN, context=("公开02表", "金额单位:元"))]).t2
    assert t2.unit == "元"
    assert t2.value("201", "本年收入合计") == D("123.456789")
    assert t2.total.values["其他收入"] == D("23.456789")
    assert t2.row("201").sources["本年收入合计"].excerpt == "1,234,567.89"  # as printed
    same = recognize([grid("收入决算表", T2_IN_YUAN, context=("单位：万元",))]).t2
    assert same.unit == "万元" and same.value("201", "本年收入合计") == D("1234567.89")


def test_unit_line_inside_the_table_and_summary_tables_in_yuan():
    rows = [["编制单位：某局", "", "金额单位：元", ""]] + [r for r in UNIVERSITY_T1]
    assert unit_of(grid("", rows)) == "元"
    t1 = recognize([grid("收支决算总表", rows)]).t1
    assert t1.unit == "元" and t1.income_total == D("0.0172")


def test_a_column_of_a_part_is_never_read_as_its_parent():
    rows = [["科目编码", "科目名称", "本年收入合计", "事业收入", "事业收入"],
            ["", "", "", "其中：教育收费", "金额"],
            ["205", "教育支出", "10.00", "4.00", "10.00"]]
    t2 = recognize([grid("收入决算表", rows)]).t2
    assert t2.value("205", "事业收入") == D("10.00")
    assert t2.value("205", "事业收入（其中：教育收费）") == D("4.00")  # kept beside it, for its own sums
    assert t2.columns[-1] == "事业收入（其中：教育收费）"


def test_code_cells_merged_over_class_item_columns():
    rows = [
        ["项目", "项目", "项目", "项目", "本年支出", "本年支出", "本年支出"],
        ["科目编码", "科目编码", "科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        ["类", "款", "项", "合计", "30.00", "20.00", "10.00"],
        ["205", "205", "205", "教育支出", "30.00", "20.00", "10.00"],
        ["20502", "20502", "20502", "普通教育", "30.00", "20.00", "10.00"],
        ["2050205", "2050205", "2050205", "高等教育", "30.00", "20.00", "10.00"],
        ["", "02", "", "学前教育", "0.00", "", ""],  # a short 款 part still builds on the row above
    ]
    t5 = recognize([grid("表4：高等学校财政拨款支出决算表", rows)], layout=UNIVERSITY).t5
    assert [r.code for r in t5.rows] == ["205", "20502", "2050205", "20502"]
    assert t5.value("2050205", "项目支出") == D("10.00")
    assert t5.total.values["合计"] == D("30.00")
    assert t5.covers_all_fiscal_funds()
    general = recognize([grid("一般公共预算财政拨款支出决算表", rows)]).t5
    assert not general.covers_all_fiscal_funds()


def test_the_table_by_subject_wins_over_one_by_unit_printed_first():
    by_unit = [["单位名称", "本年收入合计", "财政拨款收入", "上级补助收入"], ["某局本级", "10.00", "10.00", ""],
               ["合计", "10.00", "10.00", ""]]
    by_subject = [["科目编码", "科目名称", "本年收入合计", "财政拨款收入", "上级补助收入"],
                  ["201", "一般公共服务支出", "10.00", "10.00", ""]]
    t = recognize([grid("收入决算表(分单位)", by_unit), grid("收入决算表(分科目)", by_subject)])
    assert [r.code for r in t.t2.rows] == ["201"]
    assert t.order == ("T2",)


def test_a_table_under_its_own_title_wins_over_one_under_a_variant():
    # Beijing prints 五 一般公共预算财政拨款收入支出决算表 and 六 一般公共预算财政拨款支出决算表 (the 公开05)
    rows = lambda amount: [["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
                           ["201", "一般公共服务支出", amount, amount, ""]]
    t = recognize([grid("五、一般公共预算财政拨款收入支出决算表", rows("9.00")),
                   grid("六、一般公共预算财政拨款支出决算表", rows("5.00"))])
    assert t.t5.value("201", "合计") == D("5.00")
    alone = recognize([grid("五、一般公共预算财政拨款收入支出决算表", rows("9.00"))])  # 辽宁: it is the 公开05
    assert alone.t5.value("201", "合计") == D("9.00")


@pytest.mark.parametrize("context,issuer", [
    (("表1：高等学校收支决算总表", "单位名称：单位：万元"), ""),
    (("单位：单位：万元",), ""),
    (("编制单位:新绛县万安镇人民政府", "金额单位:元"), "新绛县万安镇人民政府"),
    (("单位：万元",), None),
    (("编制部门：上海市普陀区文化和旅游局 单位：元",), "上海市普陀区文化和旅游局"),
    (("编制部门： 单位：元",), ""),
])
def test_the_unit_a_table_head_names(context, issuer):
    assert issuer_of(grid("收入决算表", [["科目编码"]], context=context)) == issuer


@pytest.mark.parametrize("head,issuer", [
    (["单位名称:", "环县党校"], "环县党校"),  # the name in the cell after its label
    (["单位名称:", "", "单位:元"], ""),
    (["单位名称:"], ""),
])
def test_the_unit_a_table_heads_first_row_names(head, issuer):
    assert issuer_of(grid("收入决算表", [head, ["科目编码"]])) == issuer


def test_issuers_recorded_by_table():
    t = recognize([grid("收入决算表", T2_IN_YUAN, context=("单位名称：", "单位：万元"))])
    assert t.issuers == {"T2": ""}


# --------------------------------------------------------------------------- a table across a page break

def _part(columns, rows) -> PageTable:
    return PageTable(page=1, bbox=(columns[0][0], 0, columns[-1][1], 100), rows=tuple(map(tuple, rows)),
                     columns=tuple(columns))


def test_continuation_column_over_merged_code_cells():
    first = _part([(100, 123), (123, 145), (145, 174), (174, 272), (272, 387)],
                  [["科目编码", "科目编码", "科目编码", "科目名称", "合计"], ["205", "205", "205", "教育支出", "1.00"]])
    cont = _part([(100, 174), (174, 272), (272, 387)], [["2060201", "机构运行", "2.00"]])
    assert align_columns(first, cont) == [(0, 1, 2), (3,), (4,)]


def test_continuation_column_over_separate_amount_columns_is_not_spread():
    first = _part([(100, 200), (200, 260), (260, 320)], [["科目名称", "基本支出", "项目支出"], ["教育支出", "1.00", "2.00"]])
    cont = _part([(100, 200), (200, 320)], [["机构运行", "3.00"]])
    assert align_columns(first, cont) is None  # an amount is never repeated into two columns
