"""io.readers.data_yaml / io.readers.data: the YAML data schema, units, spans and bad input."""

from decimal import Decimal
from textwrap import dedent

import pytest

from juesuan.core.findings import InputError
from juesuan.io.readers.data import load
from juesuan.io.readers.data_yaml import read_yaml
from juesuan.rules.derive import derive

D = Decimal

HEAD = """\
金额单位: {unit}
单位:
  名称: 测试单位
  年度: 2024
"""


def write(tmp_path, body="", unit="元", name="data.yaml"):
    path = tmp_path / name
    path.write_text(HEAD.format(unit=unit) + dedent(body), encoding="utf-8")
    return path


def error_of(path):
    with pytest.raises(InputError) as info:
        read_yaml(path)
    message = str(info.value)
    assert "\n" not in message and str(path) in message
    return message


def test_minimal_file(tmp_path):
    d = read_yaml(write(tmp_path))
    assert d.unit.name == "测试单位" and d.unit.year == 2024 and d.unit.unit_kind == "行政单位"
    assert d.tables.present() == () and d.evaluations == () and d.profile == "xinjiang-2024"
    assert d.source == str(tmp_path / "data.yaml")


def test_yuan_converted_exactly_and_spans(tmp_path):
    body = """\
    表:
      T5:
        行:
          2010301: [8813812.34, 8813812.34, 0]
          2080505: {基本支出: "847,046.32"}
    """
    d = read_yaml(write(tmp_path, body))
    row = d.tables.t5.row("2010301")
    assert row.values == {"合计": D("881.381234"), "基本支出": D("881.381234"), "项目支出": D(0)}
    assert row.name == "行政运行"
    assert d.tables.t5.value("2080505", "基本支出") == D("84.704632")
    span = d.tables.t5.row("2080505").sources["基本支出"]
    assert span.cell == "表.T5.行.2080505.基本支出" and span.file.endswith("data.yaml")


def test_wan_units_and_fullwidth_digits(tmp_path):
    body = """\
    表:
      一般公共预算财政拨款支出决算表:
        行:
          2010301: {合计: "８８１．３８"}
    上年:
      项: {2010301: "1,885.19"}
    """
    d = read_yaml(write(tmp_path, body, unit="万元"))
    assert d.tables.t5.value("2010301", "合计") == D("881.38")
    assert d.comparatives.prior == {"项.2010301": D("1885.19")}
    assert d.comparatives.sources["上年.项.2010301"].cell == "上年.项.2010301"


def test_t1_t4_t6_t9_shapes(tmp_path):
    body = """\
    表:
      T1:
        收入: {一般公共预算财政拨款收入: 100000, 其他收入: 20000}
        支出: {201: 110000}
        年初结转和结余: 5000
        使用非财政拨款结余（含专用结余）: 0
      T4:
        收入: {一般公共预算: 100000}
        年初结转和结余: 0
        支出:
          201: {一般公共预算: 100000}
      T6:
        行: {30101: 60000, 30201: [40000]}
      T9:
        决算数: [null, 10000, null, 0, 5000, 0]
        预算数: {因公出国(境)费: 10000, 公务用车运行维护费: 6000}
    """
    d = read_yaml(write(tmp_path, body))
    t = d.tables
    assert t.t1.income["其他收入"] == 2 and t.t1.expenditure == {"201": 11} and t.t1.non_fiscal_balance_used == 0
    assert t.t4.income == {"一般公共预算财政拨款": 10} and t.t4.opening_total == 0
    assert t.t4.expenditure["201"] == {"一般公共预算财政拨款": 10}
    assert t.t6.value("30201", "决算数") == 4 and t.t6.row("30101").name == "基本工资"
    assert t.t9.actual == {"因公出国（境）费": 1, "公务用车购置费": 0, "公务用车运行维护费": D("0.5"), "公务接待费": 0}
    assert t.t9.budget["因公出国（境）费"] == 1
    assert t.order == ("T1", "T4", "T6", "T9")
    f = derive(d)
    assert f["收入总计"] == D("12.5") and f["三公.合计"] == D("1.5") and f["公用经费"] == 4


def test_unit_staff_matters_and_evaluation(tmp_path):
    body = """\
      单位性质: 参照公务员法管理事业单位
      人员: {在职: 45, 在职增减: -10, 退休: 52}
      内设科室: [综合科, 文书科]
    三公情况: {保有车辆: 17, 车辆差异原因: 无差异}
    其他事项:
      政府采购: {货物: 731100, 服务: 414200}
      国有资产: {房屋面积: 19646.98, 车辆: {其他用车: 17}}
    绩效:
      - 类型: 项目
        名称: 甲项目
        资金: [{来源: 年度资金总额, 全年预算: 50000, 执行数: 21900, 分值: 10}]
        指标:
          - {一级指标: 产出指标, 二级指标: 数量指标, 三级指标: 人数, 权重: 10, 目标值: "=1人", 实际值: "=1人"}
          - {三级指标: 次数, 权重: 5, 目标值: ">=3次", 实际值: 3}
          - {二级指标: 质量指标, 三级指标: 合格率, 权重: 5, 目标值: ">=98%", 实际值: "100%"}
    原因:
      项.2010301.增减: 人员减少
      三公: {合计.预决算: 按预算执行}
    文字:
      绩效: {成效: 良好}
    """
    path = tmp_path / "u.yaml"
    path.write_text(HEAD.format(unit="元").rstrip("\n") + "\n" + dedent(body), encoding="utf-8")
    d = read_yaml(path)
    assert d.unit.unit_kind == "参照公务员法管理事业单位" and d.unit.internal_sections == ("综合科", "文书科")
    assert d.unit.staff.serving_change == -10 and d.unit.staff.retirees == 52
    assert d.sangong.vehicles_held == 17 and d.sangong.vehicle_gap_reason == "无差异"
    assert d.matters.procurement.goods == D("73.11") and d.matters.assets.building_area == D("19646.98")
    e = d.evaluations[0]
    assert e.funds[0].full_year_budget == 5 and e.funds[0].weight == 10
    assert [(i.level1, i.level2) for i in e.indicators] == [("产出指标", "数量指标")] * 2 + [("产出指标", "质量指标")]
    assert e.indicators[1].actual == "3" and e.indicators[2].target == ">=98%"
    assert d.reasons == {"项.2010301.增减": "人员减少", "三公.合计.预决算": "按预算执行"}
    assert d.texts == {"绩效.成效": "良好"}


@pytest.mark.parametrize("body,where", [
    ("表:\n  T5:\n    行:\n      2010301: [八百, 0, 0]\n", "表.T5.行.2010301.合计"),
    ("表:\n  T5:\n    行:\n      2010388: [1, 1, 0]\n", "表.T5.行.2010388"),
    ("表:\n  T6:\n    行:\n      30388: 5\n", "表.T6.行.30388"),
    ("表:\n  T5:\n    行:\n      2010301: [1, 1]\n", "表.T5.行.2010301"),
    ("表:\n  T5:\n    行:\n      2010301: {合计数: 1}\n", "表.T5.行.2010301.合计数"),
    ("表:\n  T1:\n    收入: {财政收入: 1}\n", "表.T1.收入.财政收入"),
    ("表:\n  T10: {}\n", "表.T10"),
    ("上年:\n  项.2010388: 1\n", "上年.项.2010388"),
    ("上年:\n  收入总额: 1\n", "上年.收入总额"),
    ("原因:\n  收支总计: 人员减少\n", "原因.收支总计"),
    ("绩效:\n  - {类型: 部门, 名称: x}\n", "绩效[0].类型"),
    ("绩效:\n  - {类型: 项目}\n", "绩效[0]"),
    ("绩效:\n  - {类型: 项目, 名称: x, 指标: [{三级指标: y}]}\n", "绩效[0].指标[0]"),
    ("其他事项:\n  国有资产: {车辆: {领导用车: 1}}\n", "其他事项.国有资产.车辆.领导用车"),
    ("三公情况: {保有车辆: 1.5}\n", "三公情况.保有车辆"),
    ("其它: 1\n", "其它"),
])
def test_bad_input_names_the_key(tmp_path, body, where):
    message = error_of(write(tmp_path, body))
    assert where in message


def test_text_in_number_says_what_was_expected(tmp_path):
    message = error_of(write(tmp_path, "表:\n  T9:\n    决算数: {公务接待费: 约五千}\n"))
    assert "表.T9.决算数.公务接待费" in message and "数值" in message and "约五千" in message


def test_unknown_code_is_checked_against_the_code_table(tmp_path):
    message = error_of(write(tmp_path, "表:\n  T3:\n    行:\n      2010302: {基本支出: 1}\n      9990101: {基本支出: 1}\n"))
    assert "9990101" in message and "支出功能分类" in message


@pytest.mark.parametrize("text,fragment", [
    ("", "文件为空"),
    ("# only a comment\n", "文件为空"),
    ("- 1\n- 2\n", "顶层应为键值映射"),
    ("单位: {名称: x, 年度: 2024}\n", "金额单位"),
    ("金额单位: 元\n", "单位"),
    ("金额单位: 千元\n单位: {名称: x, 年度: 2024}\n", "金额单位"),
    ("金额单位: 元\n单位: {年度: 2024}\n", "名称"),
    ("金额单位: 元\n单位: {名称: x, 年度: 二〇二四}\n", "单位.年度"),
    ("金额单位: 元\n单位: [x]\n", "单位"),
    ("金额单位: 元\n单位: {名称: x, 年度: 2024\n", "YAML"),
])
def test_bad_files(tmp_path, text, fragment):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    message = error_of(path)
    assert fragment in message


def test_load_dispatch(tmp_path):
    path = write(tmp_path)
    assert load(path).unit.name == "测试单位"
    assert load(tmp_path).unit.name == "测试单位"  # folder with one data file
    write(tmp_path, name="more.yml")
    with pytest.raises(InputError, match="多个"):
        load(tmp_path)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match="没有数据文件"):
        load(empty)
    with pytest.raises(InputError, match="不存在"):
        load(tmp_path / "nope.yaml")
    (tmp_path / "zero.yaml").write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="为空"):
        load(tmp_path / "zero.yaml")
    (tmp_path / "data.csv").write_text("a,b\n", encoding="utf-8")
    with pytest.raises(InputError, match="不支持"):
        load(tmp_path / "data.csv")


def test_folder_prefers_yaml_over_xlsx(tmp_path):
    write(tmp_path)
    (tmp_path / "data.xlsx").write_bytes(b"not really a workbook")
    assert load(tmp_path).unit.name == "测试单位"


def test_folded_chinese_text_has_no_stray_spaces(tmp_path):
    body = """\
    文字:
      绩效.问题: >-
        一是理念不牢；
        二是档案不全。
      其他事项: "Word 2019 版本"
    """
    d = read_yaml(write(tmp_path, body))
    assert d.texts["绩效.问题"] == "一是理念不牢；二是档案不全。"
    assert d.texts["其他事项"] == "Word 2019 版本"  # spaces next to Latin letters and digits are kept


def test_duplicate_key_is_refused(tmp_path):
    body = "表:\n  T5:\n    行:\n      2010301: [1, 1, 0]\n      2010301: [2, 2, 0]\n"
    message = error_of(write(tmp_path, body))
    assert "2010301" in message and "重复" in message and "第9行" in message


def test_xlsx_goes_to_the_workbook_reader(tmp_path, monkeypatch):
    import juesuan.io.readers.data_xlsx as data_xlsx

    from juesuan.core.model import Disclosure, Unit

    seen = []
    workbook = Disclosure(unit=Unit(name="工作簿", year=2024))
    monkeypatch.setattr(data_xlsx, "read_workbook", lambda path: seen.append(path) or workbook)
    book = tmp_path / "决算数据.xlsx"
    book.write_bytes(b"PK fake")
    assert load(book) is workbook and load(tmp_path) is workbook
    assert seen == [book, book]


def test_sources_are_keyed_by_model_field_names():
    """Checks look spans up by the model's field names; the YAML key path is the span's cell."""
    from pathlib import Path

    from juesuan.io.readers.data import load

    d = load(Path(__file__).resolve().parents[1] / "examples" / "changji-2024")
    ind = d.evaluations[1].indicators[7]
    assert ind.sources["target"].cell == "绩效[1].指标[7].目标值"
    assert ind.sources["actual"].cell == "绩效[1].指标[7].实际值"
    assert d.evaluations[0].funds[1].sources["initial_budget"].cell == "绩效[0].资金[1].年初预算"
    assert d.unit.staff.sources["serving"].cell == "单位.人员.在职"
    assert d.matters.procurement.sources["goods"].cell == "其他事项.政府采购.货物"
    assert d.matters.assets.sources["vehicles.其他用车"].cell == "其他事项.国有资产.车辆.其他用车"
    assert d.sangong.sources["vehicles_held"].cell == "三公情况.保有车辆"
