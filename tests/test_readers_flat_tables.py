"""Tables a copy flattened to one cell per line, without tabs (issue 7 item 4): read where the
rows can be told apart, left as text where they cannot."""

from __future__ import annotations

from decimal import Decimal

import pytest

from juesuan import api
from juesuan.io.readers.recognize import recognize
from juesuan.io.readers.text import extract_text


_T1 = ["收入支出决算总表", "公开01表", "单位：万元", "收入", "支出", "项目", "决算数", "项目", "决算数",
       "一、一般公共预算财政拨款收入", "1,693.16", "一、一般公共服务支出", "1,348.43",
       "二、上级补助收入", "二、社会保障和就业支出", "202.36",
       "三、卫生健康支出", "50.25", "四、住房保障支出", "92.12",
       "本年收入合计", "1,693.16", "本年支出合计", "1,693.16",
       "年初结转和结余", "0.00", "年末结转和结余", "0.00",
       "总计", "1,693.16", "总计", "1,693.16"]
_T9_DOWN = ["财政拨款“三公”经费支出决算表", "单位：万元", "项目", "预算数", "决算数", "合计", "77.21", "77.21",
            "因公出国（境）费", "2.46", "2.46", "公务用车购置及运行维护费", "74.75", "74.75", "公务接待费"]


def _flat(cells: list[str], *, spaced: bool = False) -> str:
    return ("\n\n" if spaced else "\n").join(["第二部分 部门决算表"] + cells + ["第三部分 部门决算情况说明"]) + "\n"


def test_side_by_side_summary_table_read_row_by_row():
    ex = extract_text(_flat(_T1), "t.txt")
    (grid,) = ex.grids
    assert grid.title == "收入支出决算总表" and "单位：万元" in grid.context
    assert grid.rows[:3] == (("收入", "", "支出", ""), ("项目", "决算数", "项目", "决算数"),
                             ("一、一般公共预算财政拨款收入", "1,693.16", "一、一般公共服务支出", "1,348.43"))
    assert ("二、上级补助收入", "", "二、社会保障和就业支出", "202.36") in grid.rows
    assert ("总计", "1,693.16", "总计", "1,693.16") in grid.rows
    assert grid.spans[2][1].line == 12 and grid.spans[2][1].excerpt == "1,693.16"
    t1 = recognize(ex.grids).t1
    assert t1.income_this_year == Decimal("1693.16") and t1.expenditure["208"] == Decimal("202.36")
    assert t1.income["上级补助收入"] is None  # blank, never 0
    texts = [t for t, _ in ex.lines]
    assert "收入支出决算总表" in texts and "决算数" not in texts and "1,348.43" not in texts


def test_items_down_table_with_a_blank_row_and_blank_lines_between_cells():
    ex = extract_text(_flat(_T9_DOWN, spaced=True), "t.txt")
    t9 = recognize(ex.grids).t9
    assert t9.budget["合计"] == Decimal("77.21") and t9.actual["公务用车购置及运行维护费"] == Decimal("74.75")
    assert t9.actual["公务接待费"] is None


def test_items_across_standard_sangong_form():
    header = ["合计", "因公出国（境）费", "公务用车购置及运行维护费", "公务接待费", "小计", "公务用车购置费",
              "公务用车运行维护费"] + ["预算数", "决算数"] * 6
    values = ["77.21", "77.21", "2.46", "2.46", "74.75", "74.75", "0.00", "0.00", "74.75", "74.75", "0.00", "0.00"]
    ex = extract_text(_flat(["财政拨款“三公”经费支出决算表", "公开09表", "单位：万元"] + header + values), "t.txt")
    t9 = recognize(ex.grids).t9
    assert t9.budget == {"合计": Decimal("77.21"), "因公出国（境）费": Decimal("2.46"),
                         "公务用车购置及运行维护费": Decimal("74.75"), "公务用车购置费": Decimal("0.00"),
                         "公务用车运行维护费": Decimal("74.75"), "公务接待费": Decimal("0.00")}
    assert t9.sources["决算数.公务接待费"].line == len(header) + 16


def test_coded_rows_and_an_empty_table_with_its_note():
    t5 = ["一般公共预算财政拨款支出决算表", "单位：万元", "科目编码", "科目名称", "合计", "基本支出", "项目支出",
          "合计", "1,693.16", "1,217.85", "475.31", "201", "一般公共服务支出", "1,348.43", "885.02", "463.41",
          "2010301", "行政运行", "881.38", "881.38", "0.00"]
    t7 = ["政府性基金预算财政拨款收入支出决算表", "单位：万元", "科目编码", "科目名称", "年初结转和结余", "本年收入",
          "本年支出", "年末结转和结余", "说明：本单位没有政府性基金预算财政拨款收入、支出和结转结余，本表无数据。"]
    tables = recognize(extract_text(_flat(t5 + t7), "t.txt").grids)
    assert [(r.code, r.values["合计"]) for r in tables.t5.rows] == [("201", Decimal("1348.43")),
                                                                    ("2010301", Decimal("881.38"))]
    assert tables.t5.total.values["基本支出"] == Decimal("1217.85")
    assert tables.t7 is not None and tables.t7.rows == () and "本表无数据" in tables.t7.note


@pytest.mark.parametrize("cells", [
    # 2 of 3 amounts: which column is blank cannot be told
    ["财政拨款“三公”经费支出决算表", "项目", "预算数", "决算数", "合计", "77.21", "因公出国（境）费", "2.46", "2.46"],
    # read column by column (pdftotext without layout): header words among the labels
    ["收入决算表", "单位：万元", "项目", "本年收入合计", "功能分类", "科目编码", "科目名称", "合计", "205", "教育支出"],
    # integers where a 万元 table prints decimals: codes read out of place
    ["支出决算表", "单位：万元", "项目", "本年支出合计", "合计", "205", "教育支出", "20502"],
])
def test_ambiguous_flattened_tables_stay_text(cells):
    ex = extract_text(_flat(cells), "t.txt")
    assert ex.grids == ()
    assert "".join(t for t, _ in ex.lines) == "".join(["第二部分 部门决算表"] + cells + ["第三部分 部门决算情况说明"])


def test_checks_run_on_a_text_copy_of_the_tables(tmp_path):
    path = tmp_path / "某单位2024年度部门决算.txt"
    broken = [c if c != "92.12" else "93.12" for c in _T1]  # expenditure rows no longer add up
    path.write_text(_flat(broken), encoding="utf-8")
    report = api.check(api.read(path))
    assert any(f.code.startswith("T1-") and f.severity.value == "error" for f in report.findings)
