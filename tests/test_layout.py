"""The nine tables and the 绩效自评表 as grids, from a small hand-made Disclosure (figures from the seed)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from juesuan.core.document import Grid
from juesuan.core.model import (
    CodedTable,
    Disclosure,
    Evaluation,
    FiscalSummaryTable,
    FundLine,
    Indicator,
    Row,
    SangongTable,
    SummaryTable,
    Tables,
    Unit,
)
from juesuan.core.profiles import load_profile
from juesuan.io.writers.layout import performance_grids, table_grids
from juesuan.io.writers.matrix import layout, text_matrix

D = Decimal


def _row(code: str, name: str, **values: str) -> Row:
    return Row(code=code, name=name, values={k: D(v) for k, v in values.items()})


def sample_disclosure() -> Disclosure:
    """A unit shaped like the seed: T1/T3/T4/T5/T6/T9 filled, T7 and T8 absent, two evaluations."""
    t1 = SummaryTable(
        income={"一般公共预算财政拨款收入": D("1693.16"), "其他收入": D("48.55")},
        expenditure={"201": D("1395.97"), "208": D("202.36"), "210": D("50.25"), "221": D("80.22"), "229": D("11.90")},
        income_this_year=D("1741.71"), non_fiscal_balance_used=D("0"), opening_balance=D("45.52"),
        income_total=D("1787.23"), expenditure_this_year=D("1740.70"), balance_distribution=D("0"),
        closing_balance=D("46.53"), expenditure_total=D("1787.23"),
    )
    t5 = CodedTable(
        key="T5", columns=("合计", "基本支出", "项目支出"),
        rows=(
            _row("201", "一般公共服务支出", 合计="1348.43", 基本支出="881.38", 项目支出="467.05"),
            _row("20103", "政府办公厅（室）及相关机构事务", 合计="1348.43", 基本支出="881.38", 项目支出="467.05"),
            _row("2010301", "行政运行", 合计="881.38", 基本支出="881.38", 项目支出="0"),
            _row("2010302", "一般行政管理事务", 合计="9.46", 基本支出="0", 项目支出="9.46"),
            _row("2010399", "其他政府办公厅（室）及相关机构事务支出", 合计="457.59", 基本支出="0", 项目支出="457.59"),
        ),
        total=_row("", "合计", 合计="1693.16", 基本支出="1217.85", 项目支出="475.31"),
    )
    t6 = CodedTable(
        key="T6", columns=("决算数",),
        rows=(
            _row("30101", "基本工资", 决算数="300.123"),
            _row("30302", "退休费", 决算数="54.32"),
            _row("30201", "办公费", 决算数="20.00"),
            _row("31002", "办公设备购置", 决算数="5.50"),
        ),
        subtotals={"人员经费合计": D("1055.92"), "公用经费合计": D("161.94")},
    )
    t4 = FiscalSummaryTable(
        income={"一般公共预算财政拨款": D("1693.16")},
        expenditure={"201": {"合计": D("1348.43"), "一般公共预算财政拨款": D("1348.43")}},
        expenditure_this_year={"合计": D("1693.16"), "一般公共预算财政拨款": D("1693.16")},
        closing={"一般公共预算财政拨款": D("0")}, income_this_year=D("1693.16"), opening_total=D("0"),
        income_total=D("1693.16"), closing_total=D("0"), expenditure_total=D("1693.16"),
    )
    items = ("合计", "因公出国（境）费", "公务用车购置及运行维护费", "公务用车购置费", "公务用车运行维护费", "公务接待费")
    amounts = ("77.21", "2.46", "74.75", "0", "74.75", "0")
    t9 = SangongTable(budget={k: D(v) for k, v in zip(items, amounts)},
                      actual={k: D(v) for k, v in zip(items, amounts)})
    whole = Evaluation(
        kind="整体", name="昌吉回族自治州人民政府办公室", year=2024,
        funds=(
            FundLine("上级资金", D("0"), D("0"), D("0"), weight=D("10"), rate=D("97.4"), score=D("9.74")),
            FundLine("本级资金", D("1740.74"), D("1739.69"), D("1693.16")),
            FundLine("其他资金", D("7.00"), D("47.54"), D("47.54")),
            FundLine("合计", D("1747.74"), D("1787.23"), D("1740.70")),
        ),
        goal="目标1：做好文件、会务、调研。", achieved="全年预算数为1787.23万元。",
        indicators=(
            Indicator("运行成本", "数量指标", "政府工作报告翻译语种（种）", D("45"), "=2种", "=2种", score=D("45"), basis="计划"),
            Indicator("运行成本", "数量指标", "档案电子化扫描页数（万页）", D("15"), "=15万页", "=15万页", score=D("15")),
            Indicator("履职效能", "质量指标", "制发文件合格率", D("30"), ">=98%", "100%", score=D("30")),
        ),
        total=D("99.74"), grade="优",
    )
    project = Evaluation(
        kind="项目", name="援疆工作经费", year=2024, department="昌吉回族自治州人民政府办公室",
        implementer="昌吉回族自治州人民政府办公室",
        funds=(
            FundLine("年度资金总额", D("5.00"), D("5.00"), D("2.19"), weight=D("10"), rate=D("43.80"), score=D("0")),
            FundLine("其中：当年财政拨款", D("0"), D("0"), D("0")),
            FundLine("其他资金", D("5.00"), D("5.00"), D("2.19")),
        ),
        goal="做好援疆干部人才服务工作。", achieved="服务援疆干部1人。",
        indicators=(
            Indicator("产出指标", "数量指标", "服务援疆干部人次", D("10"), "=1人", "=1人", D("100"), D("10"), "按照完成比例赋分"),
            Indicator("产出指标", "质量指标", "援疆业务工作完成率", D("5"), ">=90%", "=100%", D("111.11"), D("4.44"), "按照完成比例赋分"),
            Indicator("产出指标", "质量指标", "制发文件合格率（%）", D("5"), "=95%", "=100%", D("105.26"), D("4.74"), "按照完成比例赋分"),
            Indicator("效益指标", "社会效益指标", "提高援疆干部幸福感", D("80"), "提高", "达到预期指标", D("100"), D("80"), "按评判等级赋分"),
        ),
        total=D("99.18"), grade="优",
    )
    unit = Unit(name="昌吉回族自治州人民政府办公室", year=2024)
    return Disclosure(unit=unit, tables=Tables(t1=t1, t4=t4, t5=t5, t6=t6, t9=t9), evaluations=(whole, project))


@pytest.fixture(scope="module")
def grids() -> dict[str, Grid]:
    return {g.key: g for g in table_grids(sample_disclosure(), load_profile("xinjiang-2024"))}


def _rows(grid: Grid) -> list[list[str]]:
    return text_matrix(grid)


def _find(matrix: list[list[str]], text: str) -> tuple[int, int]:
    for r, row in enumerate(matrix):
        for c, cell in enumerate(row):
            if cell == text:
                return r, c
    raise AssertionError(f"{text!r} not in grid")


def test_nine_tables_in_profile_order_with_titles_and_form_numbers(grids):
    keys = [g.key for g in table_grids(sample_disclosure(), load_profile("xinjiang-2024"))]
    assert keys == ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9"]
    assert grids["T9"].title == "财政拨款“三公”经费支出决算表"
    assert grids["T1"].code == "公开01表" and grids["T1"].unit == "万元"


def test_every_row_fills_the_grid_width(grids):
    for grid in grids.values():
        lay = layout(grid)
        covered = set()
        for p in lay.cells:
            for r in range(p.row, p.last_row + 1):
                for c in range(p.col, p.last_col + 1):
                    assert (r, c) not in covered, (grid.key, r, c)
                    covered.add((r, c))
        assert len(covered) == lay.n_rows * lay.n_cols, grid.key


def test_t1_two_panels_with_footer_pairs(grids):
    t1 = grids["T1"]
    assert [c.text for c in t1.header[0]] == ["收入", "支出"] and t1.header[0][0].colspan == 2
    m = _rows(t1)
    r, c = _find(m, "一、一般公共预算财政拨款收入")
    assert c == 0 and m[r][1] == "1,693.16"
    r, c = _find(m, "一、一般公共服务支出")
    assert c == 2 and m[r][3] == "1,395.97"
    # 26 类 rows on the expenditure side, blank where the unit has none
    r, _ = _find(m, "二十六、抗疫特别国债安排的支出")
    assert m[r][3] == ""
    last = m[-1]
    assert last == ["总计", "1,787.23", "总计", "1,787.23"]
    r, _ = _find(m, "年初结转和结余")
    assert m[r][1] == "45.52" and m[r][2] == "年末结转和结余" and m[r][3] == "46.53"


def test_numbers_keep_full_precision_value(grids):
    t6 = grids["T6"]
    cells = [c for row in t6.body for c in row if c.text == "300.12"]
    assert cells and cells[0].value == D("300.123") and cells[0].align == "right"


def test_t6_panels_with_kuan_rows_and_totals(grids):
    t6 = grids["T6"]
    assert [c.text for c in t6.header[0]] == ["人员经费", "公用经费"]
    m = _rows(t6)
    r, c = _find(m, "301")
    assert c == 0 and m[r][1] == "工资福利支出"
    r, c = _find(m, "302")
    assert c == 3
    r, c = _find(m, "30199")  # every 款 is printed, even without an amount
    assert c == 0 and m[r][2] == ""
    r, c = _find(m, "31002")
    assert c == 3 and m[r][5] == "5.50"
    assert m[-1] == ["人员经费合计", "", "1,055.92", "公用经费合计", "", "161.94"]


def test_empty_t7_still_laid_out_with_statement(grids):
    t7 = grids["T7"]
    assert "政府性基金" in t7.note and "2024" in t7.note
    flat = [c.text for row in t7.header for c in row]
    assert {"科目编码", "年初结转和结余", "本年支出", "基本支出", "年末结转和结余"} <= set(flat)
    assert t7.body[0][0].text == "合计" and all(c.text == "" for c in t7.body[0][1:])
    assert grids["T8"].note and "国有资本经营" in grids["T8"].note
    assert grids["T9"].note == ""  # 三公 has data: no empty-table statement


def test_t9_budget_actual_pairs(grids):
    t9 = grids["T9"]
    assert [c.text for c in t9.header[-1]] == ["预算数", "决算数"] * 6
    row = [c.text for c in t9.body[0]]
    assert row[:2] == ["77.21", "77.21"] and row[6:8] == ["0.00", "0.00"] and row[8:10] == ["74.75", "74.75"]
    assert t9.landscape


def test_t5_goes_down_to_xiang_with_total_last(grids):
    m = _rows(grids["T5"])
    r, _ = _find(m, "2010301")
    assert m[r][2:] == ["881.38", "881.38", "0.00"]
    assert m[-1][0] == "合计" and m[-1][2] == "1,693.16"


def test_t4_expenditure_side_has_fund_columns(grids):
    t4 = grids["T4"]
    assert [c.text for c in t4.header[1]][3:] == ["合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]
    m = _rows(t4)
    assert m[-1][:4] == ["总计", "1,693.16", "总计", "1,693.16"]


def test_performance_grids_whole_unit_layout_and_engine_scores():
    grids = performance_grids(sample_disclosure(), load_profile("xinjiang-2024"))
    assert [g.key for g in grids] == ["绩效.整体", "绩效.项目.1"]
    whole = grids[0]
    m = text_matrix(whole)
    assert len(m[0]) == 8
    # execution computed on the 合计 line (1,740.70 / 1,787.23), printed where the source prints it
    r, _ = _find(m, "上级资金")
    assert m[r][5:] == ["10", "97.40%", "9.74"]
    r, _ = _find(m, "合计")
    assert m[r][5:] == ["—", "—", "—"]
    assert m[-1][0] == "总分" and m[-1][-1] == "99.74分"
    assert whole.note == "自评得分99.74分，评价等级：优。"


def test_performance_grids_project_scores_recomputed():
    grids = performance_grids(sample_disclosure(), load_profile("xinjiang-2024"))
    project = grids[1]
    pm = text_matrix(project)
    assert len(pm[0]) == 14 and project.landscape
    r, _ = _find(pm, "年度资金总额")
    assert [t for t in pm[r] if t][-3:] == ["10", "43.80%", "0.00"]  # 2.19 / 5.00 below the threshold scores 0
    r, _ = _find(pm, "制发文件合格率（%）")
    assert pm[r][7:9] == ["105.26%", "4.74"]
    r, _ = _find(pm, "援疆业务工作完成率")
    assert pm[r][7:9] == ["111.11%", "4.44"]
    assert pm[-1][8] == "99.18分"  # 0 + 10 + 4.44 + 4.74 + 80
    # merged 一级指标 over the three 产出 rows, 二级 over the two 质量 rows
    cells = {c.text: c for row in project.body for c in row}
    assert cells["产出指标"].rowspan == 3 and cells["质量指标"].rowspan == 2


def test_table_order_follows_profile():
    keys = [g.key for g in table_grids(sample_disclosure(), load_profile("shanghai-2024"))]
    assert keys == ["T1", "T2", "T3", "T4", "T5", "T6", "T9", "T7", "T8"]
