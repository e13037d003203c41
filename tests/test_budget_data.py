"""A budget's data: the YAML keys (docs/data-format.md, 预算数据) and the workbook of
`juesuan template --kind 预算`, read into the one model; bad input is one line naming the key or cell."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
import yaml

from juesuan import api
from juesuan.apps.cli import main
from juesuan.compose import compose
from juesuan.core.findings import InputError
from juesuan.core.profiles import load_profile
from juesuan.io import template_layout as L
from juesuan.io.writers.md import render
from juesuan.io.writers.template_budget import write_budget_workbook
from juesuan.rules.derive import complete, derive

REPO = Path(__file__).resolve().parents[1]
NATIONAL = REPO / "tests" / "fixtures" / "budget-national.yaml"
EXAMPLE = REPO / "examples" / "shanghai-caizhengju-2025-yusuan"


def data(**changes) -> dict:
    raw = yaml.safe_load(NATIONAL.read_text(encoding="utf-8"))
    for key, value in changes.items():
        if value is None:
            raw.pop(key, None)
        else:
            raw[key] = value
    return raw


def load(tmp_path: Path, raw: dict):
    path = tmp_path / "预算数据.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return api.load(path)


# --------------------------------------------------------------------------- YAML

def test_a_budget_is_read_with_its_form(tmp_path):
    d = load(tmp_path, data())
    assert (d.identity.kind, d.identity.scope, d.identity.year, d.profile) == ("预算", "部门", 2025, "national-yusuan")
    assert d.tables.t2.columns == load_profile("national-yusuan").layout.columns("T2")
    assert d.comparatives.prior["项.2010801"] == Decimal(290) and d.comparatives.initial_budget == {}
    # a single amount on a 基本支出表 row goes to 人员经费 or 公用经费 by its class
    t6 = {r.code: r.values for r in d.tables.t6.rows}
    assert t6["30101"] == {"人员经费": Decimal(200)} and t6["30231"] == {"公用经费": Decimal(15)}
    # the 三公 table: the budget's own amounts and last year's
    assert (d.tables.t9.actual["公务接待费"], d.tables.t9.budget["公务接待费"]) == (Decimal(5), Decimal(6))
    assert [g.kind for g in d.goals.tables] == ["整体", "项目"]
    project = d.goals.tables[1]
    assert (project.amount, len(project.indicators)) == (Decimal(60), 6)
    assert [(i.level1, i.level2, i.target) for i in project.indicators[:4]] == [
        ("产出指标", "数量指标", "≥20份"), ("产出指标", "质量指标", "=100%"), ("产出指标", "时效指标", "按时完成"),
        ("产出指标", "成本指标", "≤60万元")]
    assert d.matters.assets.planned_vehicles == {"执法执勤用车": 1}


def test_the_derived_figures_of_a_budget(tmp_path):
    d = load(tmp_path, data())
    profile = load_profile(d.profile)
    figures = derive(complete(d, profile.layout), profile)
    assert figures["收支总计"] == Decimal(500) and figures["收支总计.上年"] == Decimal(480)
    assert figures["三公.合计"] == Decimal(20) and figures["三公.合计.上年"] == Decimal(22)  # from the 三公 table
    assert "三公.合计.全年预算" not in figures and "三公.合计.预决算差异率" not in figures
    assert (figures["绩效.项目数"], figures["绩效.项目.全年预算"], figures["绩效.整体表数"]) == (1, Decimal(60), 1)
    assert (figures["资产.车辆"], figures["资产.拟购车辆"], figures["资产.拟购车辆.执法执勤用车"]) == (3, 1, 1)
    assert "政府性基金预算财政拨款支出" not in figures  # an empty table states nothing


@pytest.mark.parametrize("changes, where", [
    ({"类型": "预算"}, "类型 应为部门决算、单位决算、部门预算、单位预算之一"),
    ({"上年": {"收支总计": 1}}, "上年 只用于决算的数据；预算的上年数写在「上年预算」下"),
    ({"配置": "xinjiang-2024"}, "配置 「xinjiang-2024」是决算的格式"),
    ({"配置": "no-such"}, "配置 未知的配置 no-such"),
])
def test_bad_budget_keys_are_one_line(tmp_path, changes, where):
    with pytest.raises(InputError) as caught:
        load(tmp_path, data(**changes))
    assert where in str(caught.value) and "\n" not in str(caught.value)


def test_budget_keys_in_a_decision_are_refused(tmp_path):
    with pytest.raises(InputError, match="绩效目标 只用于预算"):
        load(tmp_path, data(类型=None, 配置="national", **{"上年预算": None}))


def test_a_goal_without_indicators_names_its_key(tmp_path):
    raw = data()
    raw["绩效目标"]["目标表"][1]["指标"] = []
    with pytest.raises(InputError, match=r"绩效目标\.目标表\[1\]\.指标 绩效目标表没有绩效指标"):
        load(tmp_path, raw)


@pytest.mark.parametrize("field, value, message", [
    ("一级指标", "产出", r"目标表\[1\]\.指标\[0\]\.一级指标 应为产出指标"),
    ("指标性质", "约", r"目标表\[1\]\.指标\[0\]\.指标性质 应为"),
])
def test_a_bad_indicator_names_its_key(tmp_path, field, value, message):
    raw = data()
    raw["绩效目标"]["目标表"][1]["指标"][0][field] = value
    with pytest.raises(InputError, match=message):
        load(tmp_path, raw)


def test_a_changed_item_without_its_reason_is_prompted(tmp_path):
    raw = data()
    del raw["原因"]["项.2080505.增减"]
    d = load(tmp_path, raw)
    doc = compose(d, load_profile(d.profile))
    assert any("项.2080505.增减" in w for w in doc.warnings)
    assert "机关事业单位基本养老保险缴费支出（项）预算数为40.00万元，比2024年预算增加2.00万元，增长5.26%，主要原因是：【待补充：主要原因】。" in render(doc)


# --------------------------------------------------------------------------- the workbook

def test_the_blank_workbook_is_the_forms_layout(tmp_path):
    path = tmp_path / "预算数据.xlsx"
    assert main(["template", "--kind", "预算", "--profile", "shanghai-yusuan", "-o", str(path)]) == 0
    wb = openpyxl.load_workbook(path)
    layout = load_profile("shanghai-yusuan").layout
    assert wb.sheetnames[1:10] == [t.title for t in layout.tables]
    headers = [c.value for c in wb["收入预算总表"][4]]
    assert headers == ["科目编码", "科目名称", "合计", "财政拨款收入", "事业收入", "事业单位经营收入", "其他收入"]
    assert {L.PRIOR_BUDGET_SHEET, L.GOALS_SHEET, L.GOAL_INDICATORS_SHEET, L.REASONS_SHEET} <= set(wb.sheetnames)
    # blank but for the unit's name: it builds, and says what is missing
    units = wb[L.UNIT_SHEET]
    units["B5"] = "某单位"
    wb.save(path)
    d = api.load(path)
    assert (d.identity.kind, d.identity.scope, d.profile) == ("预算", "部门", "shanghai-yusuan")


def test_template_kind_and_profile_are_checked(tmp_path, capsys):
    assert main(["template", "--kind", "预算", "--profile", "xinjiang-2024", "-o", str(tmp_path / "a.xlsx")]) == 2
    assert "是决算的格式" in capsys.readouterr().err
    assert main(["template", "--profile", "shanghai-yusuan", "-o", str(tmp_path / "b.xlsx")]) == 2
    assert not (tmp_path / "a.xlsx").exists() and not (tmp_path / "b.xlsx").exists()


@pytest.mark.parametrize("source", [NATIONAL, EXAMPLE], ids=["national", "shanghai"])
def test_a_filled_workbook_builds_what_its_yaml_builds(tmp_path, source):
    d = api.load(source)
    path = tmp_path / "预算数据.xlsx"
    write_budget_workbook(path, d)
    back = api.load(path)
    assert back.source == str(path) and back.tables.t5.rows[0].sources
    profile = load_profile(d.profile)
    assert render(compose(back, profile)) == render(compose(d, profile))


def _saved(tmp_path: Path, change) -> Path:
    path = tmp_path / "预算数据.xlsx"
    write_budget_workbook(path, api.load(NATIONAL))
    wb = openpyxl.load_workbook(path)
    change(wb)
    wb.save(path)
    return path


def test_a_missing_sheet_is_one_line(tmp_path):
    path = _saved(tmp_path, lambda wb: wb.remove(wb["部门支出总表"]))
    with pytest.raises(InputError, match="缺少工作表“部门支出总表”"):
        api.load(path)


def test_a_goal_without_indicators_names_its_cell(tmp_path):
    def drop(wb):
        ws = wb[L.GOAL_INDICATORS_SHEET]
        for row in ws.iter_rows(min_row=5):
            if row[0].value == "审计业务经费":
                for cell in row:
                    cell.value = None
    path = _saved(tmp_path, drop)
    with pytest.raises(InputError, match="绩效目标!A6 的绩效目标“审计业务经费”在“绩效指标”表中没有绩效指标"):
        api.load(path)


def test_an_unknown_row_of_a_summary_sheet_names_its_cell(tmp_path):
    def bad(wb):
        ws = wb["部门收支总表"]
        ws["A6"], ws["B6"] = "捐赠收入", 5
    path = _saved(tmp_path, bad)
    with pytest.raises(InputError, match="部门收支总表!A6 的项目“捐赠收入”不是“部门收支总表”表的填报行"):
        api.load(path)
