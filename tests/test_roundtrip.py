"""Round trip: what the composer writes from examples/changji-2024 reads back faithfully and checks clean.

Each format `juesuan build` writes (公开说明.docx/.html/.md/.pdf, 决算公开表.xlsx) is read back with
`api.read`; every amount of the nine tables equals the data's value rounded to 2 dp, the six 绩效
evaluations come back with their indicators, weights and scores, `api.check` gives no error, and
the narrative parses back to the derived figures (parse(render(d)) gives back d).
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from shared import tool

from juesuan import api
from juesuan.core.findings import Severity
from juesuan.core.money import round2
from juesuan.core.profiles import load_profile
from juesuan.rules import derive
from roundtrip_compare import TABLE_KEYS, evaluation_mismatches, table_mismatches

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "changji-2024"

FORMATS = ("docx", "html", "md", "xlsx")
NAMES = {"docx": "公开说明.docx", "html": "公开说明.html", "md": "公开说明.md", "xlsx": "决算公开表.xlsx",
         "pdf": "公开说明.pdf"}


@pytest.fixture(scope="module")
def source():
    d = api.load(EXAMPLE)
    profile = load_profile(d.profile)
    full = derive.complete(d)
    return full, profile, derive.derive(full, profile)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("roundtrip")
    result = api.build(EXAMPLE, out, formats=FORMATS)
    return {p.suffix.lstrip("."): p for p in result.files}


@pytest.fixture(scope="module")
def read_back(built):
    return {fmt: api.read(path) for fmt, path in built.items()}


def errors_of(d) -> list[tuple[str, str]]:
    return [(f.code, f.message) for f in api.check(d).findings if f.severity == Severity.ERROR]


def narrative_mismatches(figures, got) -> tuple[int, list[str]]:
    """How many derived figures the narrative states back, and those stated differently."""
    stated: dict[str, set[Decimal]] = {}
    for s in got.narrative.statements:
        stated.setdefault(s.key, set()).add(s.value)
    same, bad = 0, []
    for key, value in figures.items():
        if key not in stated:
            continue
        if round2(value) in stated[key] or value in stated[key]:
            same += 1
        else:
            bad.append(f"{key}: 应为 {round2(value)}，说明中为 {sorted(stated[key])}")
    return same, bad


# --------------------------------------------------------------------------- the four quick formats


def test_output_names(built):
    assert {p.name for p in built.values()} == {NAMES[f] for f in FORMATS}


@pytest.mark.parametrize("fmt", FORMATS)
def test_tables_read_back(fmt, source, read_back):
    full, _, _ = source
    got = read_back[fmt]
    assert set(got.tables.order) == {k.upper() for k in TABLE_KEYS}
    assert table_mismatches(full, got) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_t1_two_panel_footer(fmt, source, read_back):
    """The rows 本年收入合计‖本年支出合计 … 总计‖总计 pair each side's label with its own amount."""
    full, _, _ = source
    t1 = read_back[fmt].tables.t1
    assert t1.income_total == round2(full.tables.t1.income_total) == Decimal("1787.23")
    assert t1.expenditure_total == Decimal("1787.23")
    assert t1.expenditure_this_year == Decimal("1740.70")
    assert t1.income_this_year == Decimal("1741.71")
    assert t1.closing_balance == Decimal("46.53") and t1.opening_balance == Decimal("45.52")


@pytest.mark.parametrize("fmt", FORMATS)
def test_evaluations_read_back(fmt, source, read_back):
    full, profile, _ = source
    assert len(full.evaluations) == 6
    assert evaluation_mismatches(full, profile, read_back[fmt]) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_checks_clean(fmt, read_back):
    got = read_back[fmt]
    assert got.profile == "xinjiang-2024"
    assert errors_of(got) == []


@pytest.mark.parametrize("fmt", ("md", "docx"))
def test_narrative_parses_back_to_figures(fmt, source, read_back):
    _, _, figures = source
    same, bad = narrative_mismatches(figures, read_back[fmt])
    assert bad == []
    assert same >= 170  # of ~205 derived figures; the rest are not stated (上年 values, sub-shares)
    stated = {s.key: s.value for s in read_back[fmt].narrative.statements}
    for key in ("收入总计", "支出总计", "本年收入合计", "本年支出合计", "年末结转和结余"):
        assert stated[key] == round2(figures[key])


# --------------------------------------------------------------------------- the tables-only workbook


def test_workbook_is_tables_only_with_unit_and_year(read_back):
    got = read_back["xlsx"]
    assert got.narrative is None  # no 公开说明: narrative checks do not apply
    assert (got.unit.name, got.unit.year) == ("昌吉回族自治州人民政府办公室", 2024)


def test_workbook_targets_are_text_not_formulas(built):
    """A target printed "=2种" is stored as text (not an Excel formula that reads back empty)."""
    import openpyxl

    wb = openpyxl.load_workbook(built["xlsx"], data_only=True)
    values = [c.value for ws in wb.worksheets if "绩效" in ws.title for row in ws.iter_rows() for c in row]
    assert "=2种" in values


def test_profile_from_scores_without_region_clue(built, source):
    """No place named anywhere: the 绩效 scores decide the profile, and the reason is recorded."""
    from juesuan.io.readers import xlsx_published
    from juesuan.io.readers.assemble import assemble, profile_from_scores

    extracted = xlsx_published.extract(built["xlsx"])
    bare = replace(extracted, lines=tuple(line for line in extracted.lines if "部门决算" not in line[0]))
    d = assemble(bare)
    assert d.profile == "xinjiang-2024"  # the 整体 table names the unit (昌吉回族自治州…): 新疆
    from juesuan.core.identity import Identity
    from juesuan.io.readers.assemble import _choose_profile

    chosen, who = _choose_profile(None, Identity(), True, d.evaluations)  # no place named at all
    assert chosen.name == "xinjiang-2024" and "xinjiang-2024" in who.basis["profile"]
    # a printed score no profile reproduces: no inference, national
    ev = d.evaluations[0]
    wrong = replace(ev, total=(ev.total or Decimal(0)) + Decimal("3.33"))
    assert profile_from_scores((wrong,) + d.evaluations[1:]) is None
    assert profile_from_scores(()) is None
    # an explicit profile always wins
    assert assemble(bare, load_profile("national")).profile == "national"


# --------------------------------------------------------------------------- PDF (needs LibreOffice)


def test_pdf_round_trip(tmp_path, source):
    tool("soffice", "libreoffice")
    full, profile, _ = source
    result = api.build(EXAMPLE, tmp_path, formats=("pdf",))
    pdf = next((p for p in result.files if p.suffix == ".pdf"), None)
    assert pdf is not None, f"LibreOffice is installed but no PDF was produced: {result.warnings}"
    assert pdf.name == NAMES["pdf"]
    got = api.read(pdf)
    assert set(got.tables.order) == {k.upper() for k in TABLE_KEYS}
    assert table_mismatches(full, got) == []
    assert evaluation_mismatches(full, profile, got) == []
    assert errors_of(got) == []


# --------------------------------------------------------------------------- reader pieces


def test_table_meta_lines():
    from juesuan.io.readers.normalize import caption_line, is_table_meta

    for text in ("公开01表　单位：万元", "公开05表单位：万元", "（2024年度）单位：万元", "单位：万元",
                 "编制单位：某局 单位：万元"):
        assert is_table_meta(text), text
    for text in ("收入支出决算总表", "单位整体支出绩效自评表", "单位名称", "2024年度部门决算表"):
        assert not is_table_meta(text), text
    assert caption_line(("三、说明", "收入决算表", "公开02表 单位：万元"), lambda t: t.endswith("表")) == "收入决算表"
    assert caption_line(("说明文字。", "单位：万元"), lambda t: t.endswith("表")) == ""


def test_merged_group_header_in_word_layout():
    """A Word/HTML two-panel T1 keeps "收入"/"支出" in the first column of each merged header."""
    from juesuan.io.readers.grid import RawGrid
    from juesuan.io.readers.recognize import recognize

    rows = (
        ("收入", "", "支出", ""),
        ("项目", "决算数", "项目", "决算数"),
        ("一、一般公共预算财政拨款收入", "100.00", "一、一般公共服务支出", "90.00"),
        ("本年收入合计", "100.00", "本年支出合计", "90.00"),
        ("年初结转和结余", "5.00", "年末结转和结余", "15.00"),
        ("总计", "105.00", "总计", "105.00"),
    )
    t1 = recognize([RawGrid(rows=rows, title="收入支出决算总表")]).t1
    assert (t1.income_this_year, t1.expenditure_this_year) == (Decimal("100.00"), Decimal("90.00"))
    assert (t1.income_total, t1.expenditure_total, t1.closing_balance) == (Decimal("105.00"), Decimal("105.00"),
                                                                           Decimal("15.00"))
    assert t1.expenditure == {"201": Decimal("90.00")}


def test_markdown_multilevel_header_is_split():
    from juesuan.io.readers.text import extract_text

    md = ("**政府性基金预算财政拨款收入支出决算表**\n\n公开07表　单位：万元\n\n"
          "| 科目编码 | 科目名称 | 年初结转和结余 | 本年收入 | 本年支出/小计 | 本年支出/基本支出 | 本年支出/项目支出 | 年末结转和结余 |\n"
          "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n"
          "| 229 | 其他支出 | 1.00 | 2.00 | 3.00 | 0.50 | 2.50 | 0.00 |\n")
    grid = extract_text(md, "x.md", markdown=True).grids[0]
    assert grid.title == "政府性基金预算财政拨款收入支出决算表"
    assert grid.rows[0][4:7] == ("本年支出",) * 3 and grid.rows[1][4:7] == ("小计", "基本支出", "项目支出")
    from juesuan.io.readers.recognize import recognize

    t7 = recognize([grid]).t7
    assert t7.rows[0].values == {"年初结转和结余": Decimal("1.00"), "本年收入": Decimal("2.00"),
                                 "本年支出合计": Decimal("3.00"), "基本支出": Decimal("0.50"),
                                 "项目支出": Decimal("2.50"), "年末结转和结余": Decimal("0.00")}


def test_workbook_numbers_read_as_displayed():
    from juesuan.io.readers.xlsx_published import _shown

    assert _shown(33.33333333333334, '0.00"%"') == "33.33"
    assert _shown(0.125, "0.00%") == "12.50%"
    assert _shown(1395.968584, "#,##0.00") == "1395.97"
    assert _shown(1395.968584, "General") == "1395.968584"
    assert _shown("=2种", "General") == "=2种"


def test_pdf_cell_pieces():
    """Cell text in reading order even when the stream emits the quotes apart; a row cut by a
    page break is joined, a new table row never is."""
    from juesuan.io.readers.pdf_tables import split_row as _split_row
    from juesuan.io.readers.pdf_tables import Char, cell_text

    chars = [Char("坦", 229.1, 509.6, 238.1, 517.9), Char("“", 238.1, 510.6, 242.8, 518.8),
             Char("”", 305.7, 510.6, 310.4, 518.8), Char("抢", 242.7, 509.6, 251.7, 517.9),
             Char("场", 296.7, 509.6, 305.7, 517.9), Char("经", 200.0, 520.0, 209.0, 528.3)]
    assert cell_text(chars) == "坦“抢场”经"
    assert _split_row(("", "按期完成。", "支出1.45万", "支出1.45万"), ("", "", "元。", "元。"))
    assert not _split_row(("", "", "九、卫生健康支出", "50.25"), ("", "", "十、节能环保支出", ""))
    assert not _split_row(("", "说明", "文字"), ("", "", "0.00"))
