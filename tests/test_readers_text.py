"""Plain-text reader, normalisation, 绩效自评表 reading and assembly (seed + self-made fixtures)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from shared import SHARED, needs_shared

from juesuan.core.findings import InputError
from juesuan.core.model import Span, Statement
from juesuan.io.readers import read_document
from juesuan.io.readers.assemble import cn_number
from juesuan.io.readers.stated import model_parts
from juesuan.io.readers.grid import RawGrid
from juesuan.io.readers.normalize import decode, join_soft_breaks, normalize_text, to_simplified
from juesuan.io.readers.performance import evaluations_from_grids
from juesuan.io.readers.text import extract, extract_text

SEED = SHARED / "seed" / "000_e5361b4e9819f483.txt"
needs_seed = needs_shared


# --------------------------------------------------------------------------- the seed


@pytest.fixture(scope="module")
def seed():
    return read_document(SEED)


@pytest.fixture(scope="module")
def seed_extracted():
    return extract(SEED)


@needs_shared
@needs_seed
def test_seed_lines_and_grids(seed_extracted):
    ex = seed_extracted
    # 104 narrative lines: tables are not narrative, blank lines are dropped.
    assert len(ex.lines) == 104
    text, span = ex.lines[0]
    assert text == "昌吉回族自治州人民政府办公室2024年度部门决算"
    assert span.line == 6 and span.file == str(SEED)
    assert [g.title for g in ex.grids] == ["单位整体支出绩效自评表"] + ["项目支出绩效自评表"] * 5
    # No table cell leaks into the narrative.
    assert not any(t == "年度资金总额" or t.startswith("目标1：") for t, _ in ex.lines)
    # The last narrative line before the tables is 十一; the first after them is 十二.
    texts = [t for t, _ in ex.lines]
    assert texts[texts.index("十二、其他需说明的事项") - 1].startswith("根据预算绩效管理要求")


@needs_shared
@needs_seed
def test_seed_unit_profile_and_sections(seed):
    assert seed.unit.name == "昌吉回族自治州人民政府办公室"
    assert seed.unit.year == 2024
    assert seed.profile == "xinjiang-2024"
    assert seed.source == str(SEED)
    keys = [s.key for s in seed.narrative.sections]
    for part in ("1", "2", "3", "4"):
        assert part in keys
    for n in range(1, 13):
        assert f"2.{n}" in keys
    assert {"1.1", "1.2", "2.5.1", "2.5.2", "2.5.3", "2.10.1", "2.10.2", "2.10.3"} <= set(keys)
    sangong = next(s for s in seed.narrative.sections if s.key == "2.9")
    assert sangong.title == "九、财政拨款“三公”经费支出决算情况说明"
    assert "公务用车保有量17辆" in sangong.text
    assert len(seed.narrative.glossary) == 14
    assert seed.narrative.glossary[0] == ("财政拨款收入", "指同级财政当年拨付的资金。")
    assert len(seed.unit.functions) == 10
    assert seed.unit.internal_sections[0] == "综合一科" and len(seed.unit.internal_sections) == 10


@needs_shared
@needs_seed
def test_seed_tables_attached(seed):
    assert seed.tables.attached is True


@needs_shared
@needs_seed
def test_seed_six_evaluations(seed):
    evs = seed.evaluations
    assert [e.kind for e in evs] == ["整体", "项目", "项目", "项目", "项目", "项目"]
    assert [len(e.indicators) for e in evs] == [7, 12, 8, 9, 8, 7]
    assert [e.total for e in evs] == [None, Decimal("92.00"), Decimal("78.07"), Decimal("100.00"),
                                      Decimal("97.50"), Decimal("100.00")]
    assert all(e.year == 2024 for e in evs)
    names = [e.name for e in evs]
    assert names[0] == "昌吉回族自治州人民政府办公室"
    assert names[2] == "援疆工作经费"
    assert names[4].startswith("昌吉州赴乌兹别克斯坦")


@needs_shared
@needs_seed
def test_seed_whole_evaluation_values(seed):
    whole = seed.evaluations[0]
    assert [f.label for f in whole.funds] == ["上级资金", "本级资金", "其他资金", "合计"]
    first, own, _, total = whole.funds
    assert (first.weight, first.rate, first.score) == (Decimal("10"), Decimal("97.4"), Decimal("9.74"))
    # "-" cells are blank, never 0
    assert own.weight is None and own.rate is None and own.score is None
    assert own.initial_budget == Decimal("1740.74")
    assert (total.full_year_budget, total.executed) == (Decimal("1787.23"), Decimal("1740.70"))
    ind = whole.indicators[4]
    assert (ind.level1, ind.level2, ind.name) == ("履职效能", "质量指标", "档案电子化扫描合格率")
    assert (ind.target, ind.actual, ind.weight, ind.score) == (">=98%", "100%", Decimal("10"), Decimal("10"))
    assert ind.rate is None  # the 整体 form has no 完成率 column
    # level names carried down from blank cells
    assert whole.indicators[3].level1 == "运行成本" and whole.indicators[3].level2 == "数量指标"
    assert whole.goal.startswith("目标1：") and whole.achieved.startswith("2024年我单位全年预算数")


@needs_shared
@needs_seed
def test_seed_project_evaluation_values(seed):
    yuanjiang = seed.evaluations[2]
    assert yuanjiang.department == "昌吉回族自治州人民政府办公室"
    assert yuanjiang.implementer == "昌吉回族自治州人民政府办公室"
    funds = {f.label: f for f in yuanjiang.funds}
    assert set(funds) == {"年度资金总额", "其中：当年财政拨款", "其他资金"}
    top = funds["年度资金总额"]
    assert (top.initial_budget, top.executed, top.rate, top.score) == (
        Decimal("5.00"), Decimal("2.19"), Decimal("43.80"), Decimal("0.00"))
    assert funds["其中：当年财政拨款"].rate is None  # "—" is blank
    by_name = {i.name: i for i in yuanjiang.indicators}
    doc = by_name["制发文件合格率（%）"]
    assert (doc.level1, doc.level2) == ("产出指标", "质量指标")
    assert (doc.weight, doc.target, doc.actual, doc.rate, doc.score) == (
        Decimal("5"), "=95%", "=100%", Decimal("105.16"), Decimal("4.74"))
    assert doc.rule == "按照完成比例赋分"
    assert doc.deviation.startswith("该项目实施较好")
    assert doc.sources["score"].line is not None
    cost = by_name["保障援疆各项业务有序开展经费"]
    assert (cost.level1, cost.target, cost.actual, cost.rate, cost.score) == (
        "成本指标", "<=3万元", "=0.19万元", Decimal("6.34"), Decimal("0"))

    office = seed.evaluations[1]
    assert office.department == "州政府办公室"
    assert office.funds[0].full_year_budget == Decimal("479.78")
    last = office.indicators[-1]
    assert (last.level1, last.level2, last.name, last.rule) == (
        "效益指标", "社会效益指标", "专项工作督查通报率（%）", "按评判等级赋分")
    culture = seed.evaluations[3]
    timing = next(i for i in culture.indicators if i.name == "会议完成时间")
    # dates are text, never amounts
    assert (timing.target, timing.actual, timing.rule) == ("2024年", "2024年10月1日", "直接赋分")
    expo = seed.evaluations[4]
    assert next(i for i in expo.indicators if i.name == "组织参展企业数").score == Decimal("12.5")
    assert expo.indicators[-1].level1 == "满意度指标"


@needs_shared
@needs_seed
def test_seed_profile_override(tmp_path):
    d = read_document(SEED, profile="national")
    assert d.profile == "national"


# --------------------------------------------------------------------------- normalisation


def test_decode_variants():
    text = "收入总计1,787.23万元。"
    assert decode(text.encode("utf-8"), "a.txt") == text
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8"), "a.txt") == text
    assert decode(text.encode("utf-16"), "a.txt") == text
    assert decode(text.encode("gbk"), "a.txt") == text
    assert decode("第一行\r\n第二行".encode("gb18030"), "a.txt") == "第一行\n第二行"


def test_decode_binary_names_file():
    noise = bytes(range(256)) * 8
    with pytest.raises(InputError) as err:
        decode(noise, "坏文件.txt")
    assert "坏文件.txt" in str(err.value)


def test_to_simplified_and_normalize():
    assert to_simplified("收入總計與支出總計") == "收入总计与支出总计"
    assert to_simplified("显著增强") == "显著增强"
    assert normalize_text("收入总计１，７８７．２３万元，占９７．２１％") == "收入总计1,787.23万元，占97.21%"
    assert normalize_text("ＡＢＣ\u00a0x\u3000y\u200bz") == "ABC x yz"
    assert normalize_text("＞＝９０％；（一）“三公”") == ">=90%；（一）“三公”"
    assert normalize_text("a\tb") == "a\tb"
    assert normalize_text("１，２３４，５６７．８９万元") == "1,234,567.89万元"
    assert normalize_text("分别为3，12人") == "分别为3，12人"


def test_join_soft_breaks():
    s = [Span(file="f", line=i) for i in range(1, 9)]
    lines = [
        ("2024年度收入总计1,787.23万元，其中：本年收入合计", s[0]),
        ("1,741.71万元，年初结转和结余45.52万元。", s[1]),
        ("二、收入决算情况说明", s[2]),
        ("本年收入1,741.71万元", s[3]),
        ("", s[4]),
        ("三、支出决算情况说明", s[5]),
        ("具体情况如下：", s[6]),
        ("1.一般公共服务支出(类)1,348.43万元。", s[7]),
    ]
    out = join_soft_breaks(lines)
    assert [t for t, _ in out] == [
        "2024年度收入总计1,787.23万元，其中：本年收入合计1,741.71万元，年初结转和结余45.52万元。",
        "二、收入决算情况说明",
        "本年收入1,741.71万元",
        "三、支出决算情况说明",
        "具体情况如下：",
        "1.一般公共服务支出(类)1,348.43万元。",
    ]
    assert out[0][1].line == 1 and out[2][1].line == 4
    # a short line that opens with a list mark but already ends a sentence is a paragraph, wrapped
    item = [("(一)因公出国(境)费支出5.84万元。2013年因公出国1人", s[0]), ("次,出境1人次。主要是用于业务培训。", s[1])]
    assert [t for t, _ in join_soft_breaks(item)] == ["(一)因公出国(境)费支出5.84万元。2013年因公出国1人次,出境1人次。主要是用于业务培训。"]


# --------------------------------------------------------------------------- self-made files


def test_gbk_traditional_fullwidth_file(tmp_path):
    body = "某縣財政局２０２４年度部門決算\n第二部分 部門決算情況說明\n一、收入支出決算總體情況說明\n收入總計１，７８７．２３萬元。\n"
    path = tmp_path / "gbk.txt"
    path.write_bytes(body.encode("gb18030"))
    ex = extract(path)
    texts = [t for t, _ in ex.lines]
    assert texts[0] == "某县财政局2024年度部门决算"
    assert "收入总计1,787.23万元。" in texts
    d = read_document(path)
    assert d.unit.name == "某县财政局" and d.unit.year == 2024
    assert d.profile == "national"
    assert [s.key for s in d.narrative.sections if s.key != "0"] == ["2", "2.1"]  # "0": text before 第一部分


def test_flattened_table_fixture():
    text = "\n".join([
        "说明文字。",
        "",
        "\t收入支出决算总表",
        "",
        "\t单位：万元",
        "",
        "\t项目",
        "\t决算数",
        "",
        "\t一般公共预算财政拨款收入",
        "\t1,693.16",
        "",
        "\t上级补助收入",
        "\t",
        "",
        "下一段。",
    ])
    ex = extract_text(text, "t.txt")
    assert [t for t, _ in ex.lines] == ["说明文字。", "下一段。"]
    assert ex.lines[1][1].line == 16
    (grid,) = ex.grids
    assert grid.title == "收入支出决算总表"
    assert "单位：万元" in grid.context
    assert grid.rows == (("项目", "决算数"), ("一般公共预算财政拨款收入", "1,693.16"), ("上级补助收入", ""))
    assert grid.spans[1][1].line == 11


def test_markdown_pipe_table(tmp_path):
    path = tmp_path / "t.md"
    path.write_text(
        "# 某单位2024年度部门决算\n\n### 财政拨款“三公”经费支出决算表\n\n| 项目 | 预算数 | 决算数 |\n|---|---:|---:|\n"
        "| 合计 | 77.21 | 77.21 |\n| 公务接待费 |  | 0.00 |\n\n正文。\n",
        encoding="utf-8",
    )
    ex = extract(path)
    (grid,) = ex.grids
    assert grid.title == "财政拨款“三公”经费支出决算表"
    assert grid.rows == (("项目", "预算数", "决算数"), ("合计", "77.21", "77.21"), ("公务接待费", "", "0.00"))
    assert [t for t, _ in ex.lines] == ["某单位2024年度部门决算", "财政拨款“三公”经费支出决算表", "正文。"]


def test_empty_and_unknown_files(tmp_path):
    empty = tmp_path / "空.txt"
    empty.write_bytes(b"")
    with pytest.raises(InputError) as err:
        read_document(empty)
    assert "文件为空" in str(err.value) and "空.txt" in str(err.value)
    odd = tmp_path / "a.xyz"
    odd.write_text("abc", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_document(odd)
    assert "a.xyz" in str(err.value) and "不支持" in str(err.value)
    with pytest.raises(InputError):
        read_document(tmp_path / "missing.txt")
    binary = tmp_path / "b.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(InputError) as err:
        read_document(binary)
    assert "b.txt" in str(err.value)


def test_soft_broken_sentence_in_file(tmp_path):
    path = tmp_path / "s.txt"
    path.write_text("一、收入支出决算总体情况说明\n2024年度收入总计1,787.23万元，其中：\n本年收入合计1,741.71万\n元。\n", encoding="utf-8")
    texts = [t for t, _ in extract(path).lines]
    # "其中：" ends a clause with a colon, so the list that follows is kept apart; "万" + "元。" joins.
    assert texts == ["一、收入支出决算总体情况说明", "2024年度收入总计1,787.23万元，其中：", "本年收入合计1,741.71万元。"]


# --------------------------------------------------------------------------- assembly helpers


def test_chinese_numbers():
    assert [cn_number(x) for x in ("一", "十", "十二", "二十", "二十三", "7", "甲")] == [1, 10, 12, 20, 23, 7, None]


def test_model_parts_from_statements():
    sp = Span(file="f", line=21)
    statements = [
        Statement("人员.实有", Decimal("98"), "人", sp),
        Statement("人员.在职", Decimal("45"), "人", sp),
        Statement("人员.在职.增减", Decimal("-10"), "人", sp),
        Statement("三公.保有车辆", Decimal("17"), "辆"),
        Statement("政府采购.货物", Decimal("73.11")),
        Statement("政府采购.货物", Decimal("99.99")),  # a later repeat does not override
        Statement("资产.车辆.其他用车", Decimal("17"), "辆"),
        Statement("机关运行经费", Decimal("161.94")),
        Statement("三公.合计.上年", Decimal("107.51")),
    ]
    parts = model_parts(statements, {"三公.固定资产车辆.差异": "一致"})
    assert (parts["staff"].total, parts["staff"].serving, parts["staff"].serving_change) == (98, 45, -10)
    assert parts["staff"].retirees is None  # not stated stays blank
    assert parts["staff"].sources["total"] is sp
    assert parts["sangong"].vehicles_held == 17 and parts["sangong"].vehicle_gap_reason == "一致"
    assert parts["matters"].procurement.goods == Decimal("73.11")
    assert parts["matters"].procurement.works is None
    assert parts["matters"].assets.vehicles == {"其他用车": 17}
    assert parts["matters"].operating_cost == Decimal("161.94")
    assert parts["comparatives"].prior == {"三公.合计": Decimal("107.51")}


def test_performance_grid_with_repeated_merged_cells():
    """A reader that repeats merged cells (instead of leaving them blank) gives the same result."""
    rows = (
        ("项目支出绩效自评表",),
        ("项目名称", "某项目"),
        ("一级指标", "二级指标", "三级指标", "权重", "目标值", "业绩值", "完成率", "指标得分"),
        ("产出指标", "数量指标", "甲", "10", "=1次", "=1次", "100%", "10"),
        ("产出指标", "数量指标", "乙", "10", "=2次", "=1次", "50%", ""),
        ("", "", "丙", "", "提高", "达到预期指标", "", "-"),
        ("总分", "100", "", "", "", "", "", "20分"),
    )
    (ev,) = evaluations_from_grids([RawGrid(rows=rows)])
    assert ev.kind == "项目" and ev.name == "某项目" and ev.total == Decimal("20")
    assert [(i.level1, i.level2, i.name) for i in ev.indicators] == [
        ("产出指标", "数量指标", "甲"), ("产出指标", "数量指标", "乙"), ("产出指标", "数量指标", "丙")]
    assert ev.indicators[1].score is None  # blank, not 0
    assert ev.indicators[2].weight is None and ev.indicators[2].rate is None
    assert evaluations_from_grids([RawGrid(rows=(("收入支出决算总表",), ("项目", "决算数")))]) == ()


def test_performance_grid_template_rows_are_passed_over_and_kept():
    """The template's example rows left unfilled ("……", "指标2") are no indicators; the reader keeps
    where they are for P-TEMPLATE-ROW."""
    rows = (
        ("项目支出绩效自评表",),
        ("一级指标", "二级指标", "三级指标", "权重", "目标值", "业绩值", "完成率", "指标得分"),
        ("产出指标", "数量指标", "甲", "10", "=1次", "=1次", "100%", "10"),
        ("……", "", "", "", "", "", "", ""),
        ("", "", "指标2", "", "", "", "", ""),
        ("", "", "指标3", "10", "=2次", "=2次", "100%", "10"),
        ("", "", "指标4:", "", "", "", "", ""),
    )
    (ev,) = evaluations_from_grids([RawGrid(rows=rows)])
    assert [i.name for i in ev.indicators] == ["甲", "指标3"]  # a row with values is read, whatever its name
    # the last row may be one a copy cut short: no example row left in
    assert [s.excerpt for s in ev.fillers] == ["……", "指标2"]


@needs_shared
@needs_seed
def test_seed_statements_fill_model_parts(seed):
    staff = seed.unit.staff
    assert (staff.total, staff.serving, staff.serving_change, staff.retirees, staff.retirees_change) == (98, 45, -10, 52, 1)
    assert staff.sources["total"].line == 21
    assert seed.unit.subordinate_units == 0
    assert (seed.sangong.vehicles_held, seed.sangong.fixed_asset_vehicles, seed.sangong.outbound_groups) == (17, 17, 1)
    proc = seed.matters.procurement
    assert (proc.total, proc.goods, proc.works, proc.services) == (
        Decimal("114.53"), Decimal("73.11"), Decimal("0.00"), Decimal("41.42"))
    assets = seed.matters.assets
    assert (assets.vehicles_total, assets.building_area, assets.as_of) == (17, Decimal("19646.98"), "2024年12月31日")
    assert assets.vehicles["其他用车"] == 17
    assert seed.matters.operating_cost == Decimal("161.94")


@needs_shared
@needs_seed
def test_seed_evaluations_survive_grid_padding(seed_extracted):
    """A reader that lays tables on a full column grid (docx/html) pads short rows with blanks;
    the 绩效 reader must read the same values from such grids."""
    from dataclasses import replace

    plain = evaluations_from_grids(seed_extracted.grids)
    padded_grids = []
    for g in seed_extracted.grids:
        width = max(len(r) for r in g.rows)
        padded_grids.append(replace(g, rows=tuple(r + ("",) * (width - len(r)) for r in g.rows), spans=()))
    padded = evaluations_from_grids(padded_grids)

    def strip(ev):
        return (ev.kind, ev.name, ev.total, ev.goal, ev.achieved,
                [(f.label, f.initial_budget, f.full_year_budget, f.executed, f.weight, f.rate, f.score) for f in ev.funds],
                [(i.level1, i.level2, i.name, i.weight, i.target, i.actual, i.rate, i.score, i.rule) for i in ev.indicators])

    assert [strip(e) for e in padded] == [strip(e) for e in plain]


def test_tab_indented_paragraphs_are_not_a_table():
    text = "某单位2024年度部门决算\n\t一、收入支出决算总体情况说明\n\t2024年度收入总计1,787.23万元。\n\t支出总计1,787.23万元。\n"
    ex = extract_text(text, "p.txt")
    assert ex.grids == ()
    assert [t for t, _ in ex.lines] == [
        "某单位2024年度部门决算", "一、收入支出决算总体情况说明", "2024年度收入总计1,787.23万元。", "支出总计1,787.23万元。"]
    assert ex.lines[2][1].line == 3


def test_a_file_that_is_not_a_disclosure_is_not_reported_as_checked(tmp_path):
    """A README lying in a folder of disclosures must not come out as "checked, no findings"."""
    readme = tmp_path / "README.md"
    readme.write_text("# 资料说明\n\n本文件夹存放各单位公开文件，供审核使用。\n", encoding="utf-8")
    with pytest.raises(InputError, match="README.md：未识别出部门决算或预算公开的内容"):
        read_document(readme)


def test_pages_from_the_middle_of_a_disclosure_are_read_when_their_headings_say_so(tmp_path):
    """A copy of two pages from the middle: no title, but 说明 headings of its own and their figures."""
    pages = ("项目支出5.00万元，占本年支出合计的4.61%。\n四、财政拨款收入支出决算总体情况说明\n"
             "2023年度财政拨款收入支出总计108.52万元，比上年减少4.35万元，下降3.85%。\n"
             "五、一般公共预算财政拨款支出决算情况说明\n一般公共预算财政拨款支出108.52万元。\n")
    page = tmp_path / "p.txt"
    page.write_text(pages, encoding="utf-8")
    d = read_document(page)
    assert len(d.narrative.statements) == 6 and d.identity.partial.startswith("文件不完整")
    # one heading and its figures are not enough to take a page for a disclosure
    page.write_text("四、财政拨款收入支出决算总体情况说明\n2023年度财政拨款收入支出总计108.52万元，比上年减少4.35万元，下降3.85%。\n",
                    encoding="utf-8")
    with pytest.raises(InputError, match="未识别出部门决算或预算公开的内容"):
        read_document(page)
    # two headings with a figure each (R44u/08, 开江 2019: a budget's excerpt with no title)
    page.write_text("按照预算管理有关规定,部门预算编报内容包括预算单位的全部收支情况。\n一、单位概况\n"
                    "开江县普安镇复兴小学是一所完全制小学。\n二、收支预算总体情况\n2019年财政一般收入预算总额为658.6637万元。\n"
                    "2019年复兴小学支出预算总额为658.6637万元。\n三、财政拨款支出预算情况\n", encoding="utf-8")
    d = read_document(page)
    assert (d.identity.unit, d.identity.kind) == ("开江县普安镇复兴小学", "预算") and len(d.narrative.statements) == 2
    # one 说明 heading over many figures (R45x/10, 南川区石溪镇 2018: its first heading taken for the title)
    page.write_text("一、单位基本情况\n石溪镇属区级直属乡镇。\n3.人员情况\n2018年编制人数为41人,其中行政编制25人,事业编制16人。"
                    "在职实有人数39人,行政实有人数22人;事业实有人数为17人。\n二、部门预算情况说明\n2018年一般公共预算财政拨款收入"
                    "774.17万元,比2017年增加10万元。\n", encoding="utf-8")
    d = read_document(page)
    assert d.identity.kind == "预算" and len(d.narrative.statements) >= 5
    # one heading that is not the unit's own 说明 (a town's fiscal accounts, a society's finances): refused
    page.write_text("一、财务收支情况\n2021年收入总计100万元,其中:财政拨款收入60万元,其他收入40万元。支出总计100万元,"
                    "其中:基本支出70万元,项目支出30万元。\n", encoding="utf-8")
    with pytest.raises(InputError, match="未识别出部门决算或预算公开的内容"):
        read_document(page)
    # a page of table cells only (no 说明 text at all): refused by name, never a traceback
    page.write_text("| 部门预算项目绩效目标申报表(2023年度) | |\n| 金额单位:元 | |\n| 单位名称 | 项目名称 | 预算数 |\n"
                    "| 820-马踏镇部门 | 环境整治 | 10000 |\n", encoding="utf-8")
    with pytest.raises(InputError, match="p.txt："):
        read_document(page)


def test_a_page_opening_on_the_units_own_accounts_is_read_as_they_say(tmp_path):
    """"现将…2016年决算…公开如下" says what the page is, though its headings are its own."""
    body = ("{opening}\n一、部门(单位)情况\n(一)主要职能\n计划生育宣传指导、计划生育药具指导。\n二、2016年部门预算执行情况\n"
            "1.预算完成率=(145.36/145.36)×100% =100%\n2016年财政下达年初预算经费145.36万元,上年结余7.47万元。\n")
    page = tmp_path / "p.txt"
    page.write_text(body.format(opening="现将黔南州计划生育指导所2016年决算和“三公”经费公开如下:"), encoding="utf-8")
    d = read_document(page)
    assert (d.identity.unit, d.identity.kind, d.identity.year) == ("黔南州计划生育指导所", "决算", 2016)
    page.write_text(body.format(opening="现将我单位2016年部门决算说明如下:"), encoding="utf-8")
    assert read_document(page).identity.kind == "决算"
    page.write_text(body.format(opening="黔南州计划生育指导所工作情况如下:"), encoding="utf-8")
    with pytest.raises(InputError, match="未识别出部门决算或预算公开的内容"):
        read_document(page)


def test_an_evaluation_report_whose_forms_are_not_read_is_named_and_audited_only_when_told(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text("2019年部门整体支出绩效评价报告\n一、部门概况\n本单位主要职责是城市管理。\n二、绩效目标完成情况\n"
                      "全年完成各项工作任务。\n", encoding="utf-8")
    with pytest.raises(InputError, match="report.txt：是绩效自评（评价）报告，但未读出其中的绩效自评表"):
        read_document(report)
    assert read_document(report, kind="绩效自评").identity.kind == "绩效自评"  # --kind: what can be read is audited
    goals = tmp_path / "goals.txt"  # a 绩效目标表 on its own is not taken for a 自评 report
    goals.write_text("2024年项目支出绩效目标表\n项目名称 环卫作业经费\n年度绩效目标 保障城区道路清扫。\n", encoding="utf-8")
    with pytest.raises(InputError, match="goals.txt：是绩效目标表，但未读出其中的指标"):
        read_document(goals)
    # R46a/11 (固始县祖师庙镇 2024): a project's report whose 自评表 is an attachment
    project = tmp_path / "project.txt"
    project.write_text("固始县指挥部:\n一、绩效目标分解下达情况\n我镇计划实施排水沟建设工程。\n二、绩效目标自评完成情况分析\n"
                       "下达建设资金56万元,全部用于排水沟建设。\n四、绩效自评结果拟应用和公开情况\n"
                       "附件:2024年仰天洼社区产业设施配套项目自评表[点击下载]\n", encoding="utf-8")
    with pytest.raises(InputError, match="project.txt：是绩效自评（评价）报告，但未读出其中的绩效自评表"):
        read_document(project)
    # a page of no known kind whose tables are attached is read when it is no 绩效 report (长乐区 2017, R24b/13)
    summed = tmp_path / "summed.txt"
    summed.write_text("经长乐区财政局汇总,2017年区级“三公”经费公共财政拨款支出1360.13万元,比上年减少支出613.80万元,下降36.0%。\n"
                      "(一)因公出国(境)费22.00万元。\n附件:2017年区级“三公”经费公共财政拨款支出情况表\n", encoding="utf-8")
    assert read_document(summed).tables.attached
    other = tmp_path / "other.txt"
    other.write_text("一、部门概况\n本单位主要职责是城市管理。\n", encoding="utf-8")
    with pytest.raises(InputError, match="other.txt：未识别出部门决算或预算公开的内容"):
        read_document(other)
    # R54t/04 (达州铁路中学 2020 预算): its 概况 and its 说明's heading, cut before any figure: said so
    _refused(tmp_path, "cut.txt", "一、基本职能及主要工作\n(一)达州铁路中学校是一所公办全日制完全中学。\n二、部门概况\n"
             "达州铁路中学是参照公务员法管理的事业单位。\n三、收支预算情况说明\n",
             "只读到部门概况和说明的标题（“三、收支预算情况说明”），其下没有可核对的数字")


def test_a_governments_own_accounts_are_named_and_not_audited_as_a_departments(tmp_path):
    town = tmp_path / "town.txt"
    town.write_text("重庆市铜梁区小林镇人民政府\n2022年决算报告\n一、预算收支决算情况\n(一)一般公共预算收支情况\n"
                    "全镇本级一般公共预算收入实现111.11万元,为年初预算的116.9%,比上年增长9.0%。\n"
                    "全镇本级一般公共预算支出1,867.48万元,支出总计1,867.48万元。\n", encoding="utf-8")
    with pytest.raises(InputError, match="town.txt：是本级政府（财政总）决算或预算的说明，不是部门（单位）决算或预算"):
        read_document(town)
    district = tmp_path / "district.txt"
    district.write_text("经鼓楼区财政局汇总,2021年度全区及区本级财政决算收支情况如下:\n一、全区财政决算收支情况\n"
                        "全区一般公共预算收入35.01亿元。\n", encoding="utf-8")
    with pytest.raises(InputError, match="是本级政府（财政总）决算"):
        read_document(district)
    # R49j/03 (涪陵 乡 2021): its 预算绩效管理 paragraph makes it no 绩效 report
    village = tmp_path / "village.txt"
    village.write_text("一、收支决算情况\n(一)一般公共预算\n全乡一般公共预算收入完成2243万元。其中税收完成52万元。\n"
                       "二、重点报告事项\n(二)预算绩效管理情况\n在实现部门预算项目绩效目标自评结果应用方面取得进展。\n", encoding="utf-8")
    with pytest.raises(InputError, match="village.txt：是本级政府（财政总）决算"):
        read_document(village)
    # R52p/03 (湖南 柏祥镇 2024): a town's fiscal 决算 by its parts, without a title of its kind
    _refused(tmp_path, "parts.txt", "目录\n第一部分 柏祥镇人民政府概况\n一、主要职能\n三、镇财政决算单位构成\n第二部分 公共财政决算\n"
             "一、柏祥镇人民政府2024年度公共财政决算情况说明\n第五部分 社会保险基金决算情况\n"
             "一、柏祥镇人民政府2024年度公共财政决算情况说明\n2024年度收入总计2,442.13万元。\n", "是本级政府（财政总）决算")
    # R53r/03 (江西财经大学 2018) and R49j/02 (双合镇 2024): a report read to a congress's delegates for review
    _refused(tmp_path, "congress.txt", "江西财经大学2014-2017年财务收支\n及2018年度财务预算情况报告\n各位代表:\n"
             "现将2014-2017年学校财务收支及2018年度学校财务预算情况报告如下,请予审议。\n"
             "一、2014-2017年学校财务收支情况\n2014-2017年学校总收入合计375,127万元。\n",
             "是向代表大会（人代会、教代会等）所作的预算或财务收支报告")
    # … but a 财政局's 绩效 report, titled so, that names the 财政总决算 among its duties is that report (R28h/15)
    bureau = tmp_path / "bureau.txt"
    bureau.write_text("南县财政局2020年度机关整体支出绩效评价报告\n一、自评得分情况\n综合评分为97分。\n"
                      "二、单位基本概况\n负责编制全县财政总决算。\n", encoding="utf-8")
    with pytest.raises(InputError, match="bureau.txt：是绩效自评（评价）报告"):
        read_document(bureau)
    own = tmp_path / "own.txt"  # the 财政局's own 决算 names its department, not the government's revenue
    own.write_text("某州财政局2021年度部门决算\n一、部门职责\n负责编制全州财政预算草案、组织全州财政决算。\n"
                   "二、收入决算情况说明\n2021年度收入合计1,867.48万元。\n", encoding="utf-8")
    assert read_document(own).identity.kind == "决算"


def test_a_news_report_about_disclosures_is_named_and_not_audited(tmp_path):
    body = ("北京部门“三公”决算比预算降22.3%\n中新社北京8月25日电 (记者 某某)北京141个市级部门集中公开2015年度决算信息。\n"
            "其中,北京市公安局的“三公”经费财政拨款决算数为9530.81万元,相比预算数减少约1418万元。\n")
    news = tmp_path / "news.txt"
    news.write_text(body, encoding="utf-8")
    with pytest.raises(InputError, match="news.txt：是新闻报道（“8月25日电”），不是单位公开的决算或预算文件"):
        read_document(news)
    for lead in ("四川在线记者 胡佳丽\n记者从成都市政府官方网站获悉,", "到当晚记者发稿,", "記者昨日獲悉,省質監局公布,",
                 "中央本级“三公”经费今年预算公布\n新闻联播直播:2015-04-17\n",
                 "在中央政府部门18日集体“晒预算”大潮中,国务院国资委在其网站公布了2014年部门预算。\n"):
        news.write_text(lead + body, encoding="utf-8")
        with pytest.raises(InputError, match="是新闻报道"):
            read_document(news)
    own = tmp_path / "own.txt"
    own.write_text("北京市公安局2015年度“三公”经费决算情况说明\n北京市公安局2015年“三公”经费财政拨款决算数为9530.81万元。\n",
                   encoding="utf-8")
    assert read_document(own).narrative.statements


def test_a_blank_template_whose_title_has_placeholders_for_unit_and_year_is_audited(tmp_path):
    # R49i/04 (a 财政局's template): "XX部门XX年部门预算编制说明", its contents naming "项目支出绩效目标情况说明"
    page = tmp_path / "template.txt"
    contents = "目录\n一、基本职能及主要工作....\n九、其他公开信息....\n(四)项目支出绩效目标情况说明....\n"
    page.write_text("财政局部门预算编制说明\nXX部门XX年部门预算编制说明\n" + contents + "一、基本职能及主要工作\n"
                    "我部门编制XX年部门预算单位共XX个。\n", encoding="utf-8")
    d = read_document(page)
    assert d.identity.kind == "模板"
    # the same contents under a title that is filled: no template, and no 绩效 report either
    page.write_text("财政局部门预算编制说明\n" + contents + "一、基本职能及主要工作\n负责全县财政工作。\n", encoding="utf-8")
    with pytest.raises(InputError, match="未识别出部门决算或预算公开的内容"):
        read_document(page)


def _refused(tmp_path, name: str, text: str, message: str) -> None:
    """``text`` saved as ``name`` is refused with a message naming the file and saying ``message``."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=f"{name}：{message}"):
        read_document(path)


def test_a_gloss_split_by_a_hard_wrap_and_a_collapsed_page_wrapped_at_one_width():
    from juesuan.io.readers.lines import unwrap_collapsed
    from juesuan.io.readers.normalize import unsplit_glosses

    # R55u/06 (宣城市妇联 2018, a mirror's glosses) hard-wrapped: "預(" / "yù)算相比" is 预算, not a year's comparison
    assert unsplit_glosses(["与2018年度預(", "yù)算相比,減少2.7万元"]) == ["与2018年度預", "算相比,減少2.7万元"]
    assert unsplit_glosses(["详见附件(", "1)所列"]) == ["详见附件(", "1)所列"]  # (no tone: a bracket of the text)
    # R55u/10 (东胜区文化馆 2016): a page copied as one line, then wrapped at 30 characters, is joined back whole
    page = ("一、机构职能 东胜区文化馆位于东胜区宝日陶亥东街,是东胜区人民政府投资举办,向社会提供公共文化产品和公共文化服务,"
            "具有宣传教育、普及知识、传承文化、文艺审美和休闲娱乐等功能的公益性机构。 二、人员情况 现有在职人员41人,离岗人员2人,"
            "退休人员13人。 三、2016年预算安排经费情况 公用经费33.9万元,专项经费20万元,人员经费545.45万元。"
            " 四、2016年“三公经费”预算情况说明 东胜区文化馆2016年“三公经费”预算数为16400元。")
    wrapped = [(page[i:i + 30], Span(line=k + 1)) for k, i in enumerate(range(0, len(page), 30))]
    (whole,) = unwrap_collapsed(wrapped, len(page))
    assert whole[0] == page and whole[1].line == 1
    prose = [("这是一段普通的说明文字，按固定宽度折行排版，共有若干行内容。", Span(line=k + 1)) for k in range(8)]
    assert unwrap_collapsed(prose, 8 * 31) == prose  # (no headings inside: lines of one width stay lines)

