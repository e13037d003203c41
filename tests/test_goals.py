"""A budget's 绩效目标表: read from grids into Evaluation records (io.readers.performance) and checked
(rules.checks.goals)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from builders import doc, found
from juesuan.core.identity import Identity
from juesuan.io.readers.grid import RawGrid
from juesuan.io.readers.performance import evaluation_kind, evaluations_from_grids, goals_from_grids
from shared import needs_shared
from test_readers_pdf import _corpus

D = Decimal

# 重庆: three tables run together over three pages, as the PDF reader gives them (merged cells repeated)
CHONGQING = RawGrid(title="2026年部门整体绩效目标表", page=26, rows=(
    ("当年整体绩效目标",) * 4,
    ("提质建设科技创新布局。",) * 4,
    ("绩效指标", "指标名称", "指标性质", "指标值", "计量单位", "指标权重(%)"),
    ("", "获批国家自然基金项目数量", "≥", "800", "项", "20"),
    ("", "技术合同成交额", "≥", "950", "亿元", "15"),
    ("项目名称", "科技发展专项", "主管部门", "重庆市科学技术局", "", ""),
    ("当年预算", "109,703.00", "市级支出", "109,703.00", "", ""),
    ("当年绩效目标", "2026年布局关键技术不少于260项。", "", "", "", ""),
    ("绩效指标", "指标名称", "指标性质", "指标值", "计量单位", "指标权重(%)"),
    ("", "布局关键技术", "≥", "260", "项", "30"),
    ("", "年度预算执行率", "=", "100", "%", "10"),
    ("序号", "项目名称", "当年财政拨款预算金额", "指标名称", "指标性质", "指标值", "计量单位", "指标权重(%)"),
    ("1", "科学事务管理", "26,675.34", "培训人次", "≥", "350", "人次", "15"),
    ("", "", "", "保障机关运行天数", "≥", "365", "天", "20"),
))

# 上海: a 项目支出绩效目标申报表 with the three levels of indicators
SHANGHAI = RawGrid(title="财政项目支出绩效目标申报表", rows=(
    ("项目名称", "兰溪路-真南路下立交工程", "主管部门", "上海市普陀区建设和管理委员会"),
    ("一级指标", "二级指标", "三级指标", "年度指标值"),
    ("产出指标", "数量指标", "道路建设长度", "985米"),
    ("", "成本指标", "可控成本", "=22614.51万元"),
    ("效益指标", "社会效益指标", "交通通行能力", "有效提升"),
    ("满意度指标", "服务对象满意度", "周边居民满意度", "≥85%"),
))


def test_three_goal_tables_in_one_grid():
    goals = goals_from_grids([CHONGQING]).tables
    assert [(g.kind, g.name, g.amount) for g in goals] == [
        ("整体", "2026年部门整体绩效目标表", None), ("项目", "科技发展专项", D("109703.00")), ("项目", "科学事务管理", D("26675.34"))]
    whole, special, routine = goals
    assert whole.goal == "提质建设科技创新布局。"
    assert [(i.name, i.comparator, i.value, i.unit, i.weight) for i in whole.indicators] == [
        ("获批国家自然基金项目数量", "≥", "800", "项", D("20")), ("技术合同成交额", "≥", "950", "亿元", D("15"))]
    assert special.department == "重庆市科学技术局" and special.goal.startswith("2026年布局关键技术")
    assert [i.name for i in routine.indicators] == ["培训人次", "保障机关运行天数"]


def test_a_goal_table_is_not_a_self_assessment():
    assert evaluation_kind(SHANGHAI) == "" and evaluations_from_grids([SHANGHAI]) == ()
    (goal,) = goals_from_grids([SHANGHAI]).tables
    assert goal.kind == "项目" and goal.name == "兰溪路-真南路下立交工程"
    assert [(i.level1, i.level2) for i in goal.indicators] == [
        ("产出指标", "数量指标"), ("产出指标", "成本指标"), ("效益指标", "社会效益指标"), ("满意度指标", "服务对象满意度")]
    assert [(i.comparator, i.value) for i in goal.indicators][1:] == [("=", "22614.51万元"), ("", "有效提升"), ("≥", "85%")]


def _budget(*grids: RawGrid):
    return doc(goals=goals_from_grids(grids), identity=Identity(kind="预算", year=2026))


def test_checks_on_the_read_tables():
    # 重庆's tables do not name dimensions: only the missing 满意度 can be told, once a table
    assert [f.figures["绩效目标表"] for f in found(_budget(CHONGQING), "G-DIMENSIONS")] == [
        "2026年部门整体绩效目标表", "科技发展专项", "科学事务管理"]
    assert all(f.figures["缺少"] == "满意度指标" for f in found(_budget(CHONGQING), "G-DIMENSIONS"))
    # 上海's table has all three dimensions, but a cost written "=" and a quantity without a unit of its own are fine
    assert not found(_budget(SHANGHAI), "G-DIMENSIONS") and not found(_budget(SHANGHAI), "G-UNIT")
    (cost,) = found(_budget(SHANGHAI), "G-COST-BOUND")
    assert cost.figures["指标"] == "可控成本"


@needs_shared
def test_the_real_budget_with_goal_tables():
    from juesuan.audit import check_path
    result = check_path(_corpus("chongqing-kejiju-2026-yusuan.pdf"))
    hits = [f for f in result.findings if f.code == "G-DIMENSIONS"]
    assert [(f.figures["绩效目标表"], f.spans[0].page) for f in hits] == [
        ("2026年部门整体绩效目标表", 26), ("科技发展专项", 27), ("科学事务管理", 28)]


def test_a_goal_table_referred_to_must_be_there():
    from builders import read

    said_only = read("七、绩效目标\n详见单位的项目绩效目标表", identity=Identity(kind="预算", year=2026))
    (hit,) = found(said_only, "G-TABLE-MISSING")
    assert hit.figures["原文"] == "详见单位的项目绩效目标表"
    titled = read("七、绩效目标\n详见单位的项目绩效目标表财政项目支出绩效目标申报表", identity=Identity(kind="预算", year=2026))
    assert not found(titled, "G-TABLE-MISSING")
    attached = replace(said_only, goals=goals_from_grids([SHANGHAI]))  # a table read: nothing missing
    assert not found(attached, "G-TABLE-MISSING")


def test_a_budget_template_s_note_is_a_remnant():
    from builders import read

    d = read("按照本区预算绩效管理工作的总体要求，编报绩效目标的项目247个。（绩效目标管理工作情况，以及编报绩效目标的项目数量、"
             "单位数量、预算金额等）", identity=Identity(kind="预算", year=2026))
    assert [f.code for f in found(d, "W-TEMPLATE-REMNANT")] == ["W-TEMPLATE-REMNANT"]


def test_a_table_whose_levels_name_no_dimension_is_not_judged():
    # 四川's multi-project form copied as bar rows: a project's later rows start one column left, so
    # what is read as the levels is "1" / "年": the columns are not told apart, nothing is missing
    shifted = RawGrid(title="部门预算项目绩效目标申报表(2023年度)", rows=(
        ("单位名称", "项目名称", "预算数", "年度目标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重"),
        ("某镇人民政府", "村组干部报酬", "3,309,840.00", "按时发放", "效益指标", "社会效益指标", "维护社会稳定", "≥", "95", "%", "10"),
        ("产出指标", "时效指标", "维持时效", "≥", "1", "年", "20", "", "", "", ""),
        ("满意度指标", "服务对象满意度指标", "人民群众满意度", "≥", "95", "%", "10", "", "", "", ""),
    ))
    d = doc(identity=Identity(kind="预算", year=2023), goals=goals_from_grids([shifted]))
    assert goals_from_grids([shifted]).tables[0].indicators  # read, but not aligned
    assert not found(d, "G-DIMENSIONS")
    # the same rows in their columns: the missing 满意度指标 is told
    aligned = RawGrid(title=shifted.title, rows=shifted.rows[:2] + (
        ("", "", "", "", "产出指标", "时效指标", "维持时效", "≥", "1", "年", "20"),))
    (hit,) = found(replace(d, goals=goals_from_grids([aligned])), "G-DIMENSIONS")
    assert hit.figures["缺少"] == "满意度指标"
