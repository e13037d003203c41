"""The 决算数据 workbook: writer (blank and filled), reader, and the `juesuan template` command."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from juesuan.apps.cli import main
from juesuan.core.findings import InputError
from juesuan.core.model import (
    FUND_TABLE_COLUMNS,
    FUNDS,
    SANGONG_ITEMS,
    T1_INCOME_ROWS,
    T2_COLUMNS,
    T3_COLUMNS,
    T5_COLUMNS,
    TABLE_TITLES,
    Assets,
    CodedTable,
    Comparatives,
    Disclosure,
    Evaluation,
    FiscalSummaryTable,
    FundLine,
    Indicator,
    OtherMatters,
    Procurement,
    Row,
    SangongDetails,
    SangongTable,
    Span,
    Staff,
    SummaryTable,
    Tables,
    Unit,
)
from juesuan.io import template_layout as L
from juesuan.io.readers.data_xlsx import read_workbook
from juesuan.io.writers.template import write_workbook

D = Decimal
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "changji-2024" / "决算数据.yaml"


# --------------------------------------------------------------------------- helpers

def strip(obj):
    """The same record with every ``sources`` emptied and every ``span`` cleared."""
    if isinstance(obj, Span):
        return None
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {}
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            if f.name == "sources":
                changes[f.name] = {}
            elif f.name == "span":
                changes[f.name] = None
            else:
                changes[f.name] = strip(value)
        return dataclasses.replace(obj, **changes)
    if isinstance(obj, tuple):
        return tuple(strip(x) for x in obj)
    if isinstance(obj, dict):
        return {k: strip(v) for k, v in obj.items()}
    return obj


def same(a: Disclosure, b: Disclosure) -> bool:
    return strip(dataclasses.replace(a, source="")) == strip(dataclasses.replace(b, source=""))


def coded(key, columns, rows, total=None, note=""):
    return CodedTable(
        key=key, columns=columns, title=TABLE_TITLES[key], note=note,
        rows=tuple(Row(code=c, name=n, values=dict(zip(columns, map(D, v)))) for c, n, v in rows),
        total=Row(code="", name="合计", values=dict(zip(columns, map(D, total)))) if total else None,
    )


def rich() -> Disclosure:
    """A disclosure using every part of the workbook (figures after the Changji 2024 seed)."""
    t2_rows = [
        ("201", "一般公共服务支出", ("1348.43", "1348.43", "0", "0", "0", "0", "0")),
        ("20103", "政府办公厅（室）及相关机构事务", ("1348.43", "1348.43", "0", "0", "0", "0", "0")),
        ("2010301", "行政运行", ("881.381234", "881.381234", "0", "0", "0", "0", "0")),
        ("2010350", "事业运行", ("0", "0", "0", "0", "0", "0", "0")),
        ("229", "其他支出", ("60.45", "11.9", "0", "0", "0", "0", "48.55")),
        ("22999", "其他支出", ("60.45", "11.9", "0", "0", "0", "0", "48.55")),
        ("2299901", "其他支出", ("60.45", "11.9", "0", "0", "0", "0", "48.55")),
    ]
    t3_rows = [
        ("201", "一般公共服务支出", ("1348.43", "881.38", "467.05", "0", "0", "0")),
        ("20103", "政府办公厅（室）及相关机构事务", ("1348.43", "881.38", "467.05", "0", "0", "0")),
        ("2010301", "行政运行", ("881.38", "881.38", "0", "0", "0", "0")),
        ("2010302", "一般行政管理事务", ("9.46", "0", "9.46", "0", "0", "0")),
    ]
    t5_rows = [
        ("201", "一般公共服务支出", ("1348.43", "881.38", "467.05")),
        ("20103", "政府办公厅（室）及相关机构事务", ("1348.43", "881.38", "467.05")),
        ("2010301", "行政运行", ("881.38", "881.38", "0")),
        ("221", "住房保障支出", ("80.22", "80.22", "0")),
        ("22102", "住房改革支出", ("80.22", "80.22", "0")),
        ("2210201", "住房公积金", ("80.22", "80.22", "0")),
    ]
    t6 = CodedTable(
        key="T6", columns=("决算数",), title=TABLE_TITLES["T6"],
        rows=tuple(Row(code=c, name=n, values={"决算数": D(v)}) for c, n, v in [
            ("301", "工资福利支出", "900.5"), ("30101", "基本工资", "198.4563"), ("302", "商品和服务支出", "161.94"),
            ("30201", "办公费", "18.4532"), ("303", "对个人和家庭的补助", "155.42"), ("30302", "退休费", "150"),
            ("310", "资本性支出", "0"), ("31002", "办公设备购置", "0")]),
        subtotals={"人员经费合计": D("1055.92"), "公用经费合计": D("161.94")},
        total=Row(code="", name="合计", values={"决算数": D("1217.86")}),  # stated, off by 0.01: kept
    )
    t7 = coded("T7", FUND_TABLE_COLUMNS, [("212", "城乡社区支出", ("1", "2", "3", "0", "3", "0"))],
               total=("1", "2", "3", "0", "3", "0"), note="")
    t8 = coded("T8", FUND_TABLE_COLUMNS, [], note="本单位本年度无国有资本经营预算财政拨款收入、支出及结转和结余，本表为空表。")
    tables = Tables(
        t1=SummaryTable(
            income={r: D(v) for r, v in zip(T1_INCOME_ROWS, ("1693.16", "0", "0", "0", "0", "0", "0", "48.55"))},
            expenditure={"201": D("1348.43"), "208": D("202.36"), "210": D("50.25"), "221": D("80.22"), "229": D("59.44")},
            income_this_year=D("1741.71"), non_fiscal_balance_used=D("0"), opening_balance=D("45.52"),
            income_total=D("1787.23"), expenditure_this_year=D("1740.70"), balance_distribution=D("0"),
            closing_balance=D("46.53"), expenditure_total=D("1787.24"),  # stated total that does not add up
        ),
        t2=coded("T2", T2_COLUMNS, t2_rows, total=("1408.88", "1360.33", "0", "0", "0", "0", "48.55")),
        t3=coded("T3", T3_COLUMNS, t3_rows, total=("1348.43", "881.38", "467.05", "0", "0", "0")),
        t4=FiscalSummaryTable(
            income={FUNDS[0]: D("1693.16"), FUNDS[1]: D("0"), FUNDS[2]: D("0")},
            opening={FUNDS[0]: D("0"), FUNDS[1]: D("0"), FUNDS[2]: D("0")},
            expenditure={"201": {"合计": D("1348.43"), FUNDS[0]: D("1348.43"), FUNDS[1]: D("0"), FUNDS[2]: D("0")},
                         "221": {"合计": D("80.22"), FUNDS[0]: D("80.22"), FUNDS[1]: D("0"), FUNDS[2]: D("0")}},
            expenditure_this_year={"合计": D("1693.16"), FUNDS[0]: D("1693.16"), FUNDS[1]: D("0"), FUNDS[2]: D("0")},
            closing={FUNDS[0]: D("0"), FUNDS[1]: D("0"), FUNDS[2]: D("0")},
            income_this_year=D("1693.16"), opening_total=D("0"), income_total=D("1693.16"),
            closing_total=D("0"), expenditure_total=D("1693.16"),
        ),
        t5=coded("T5", T5_COLUMNS, t5_rows, total=("1693.16", "1217.85", "475.31")),
        t6=t6, t7=t7, t8=t8,
        t9=SangongTable(
            budget=dict(zip(SANGONG_ITEMS, map(D, ("77.21", "2.46", "74.75", "0", "74.75", "0")))),
            actual=dict(zip(SANGONG_ITEMS, map(D, ("77.21", "2.46", "74.75", "0", "74.75", "0")))),
            note="",
        ),
        order=("T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9"),
    )
    evaluations = (
        Evaluation(
            kind="整体", name="昌吉回族自治州人民政府办公室", year=2024, goal="目标1：做好文件、会务。\n目标2：保障运转。",
            achieved="全年执行数为1740.7万元。", total=D("99.74"), grade="优",
            funds=(FundLine("上级资金", D("0"), D("0"), D("0"), weight=D("10"), rate=D("97.4"), score=D("9.74")),
                   FundLine("本级资金", D("1740.74"), D("1739.69"), D("1693.16")),
                   FundLine("合计", D("1747.74"), D("1787.23"), D("1740.7"))),
            indicators=(
                Indicator("运行成本", "数量指标", "政府工作报告翻译语种（种）", weight=D("15"), target="=2种", actual="=2种",
                          score=D("15"), basis="文书工作计划"),
                Indicator("履职效能", "质量指标", "制发文件合格率", weight=D("10"), target=">=98%", actual="100%",
                          score=D("10")),
            ),
        ),
        Evaluation(
            kind="项目", name="2024年机关运行补助经费", year=2024, department="州政府办公室",
            implementer="昌吉回族自治州人民政府办公室", goal="做好保障。", achieved="支付479.75万元。", total=D("92"),
            funds=(FundLine("年度资金总额", D("600"), D("479.78"), D("479.75"), weight=D("10"), rate=D("99.99"),
                            score=D("10")),
                   FundLine("其中：当年财政拨款", D("600"), D("479.78"), D("479.75"))),
            indicators=(
                Indicator("产出指标", "数量指标", "督查频次", weight=D("5"), target=">=3次", actual="=3次", rate=D("100"),
                          score=D("5"), rule="按照完成比例赋分", basis="计划标准", prior_result="-", evidence="工作资料"),
                Indicator("产出指标", "质量指标", "政府公众号全年被自治区通报次数（次）", weight=D("8"), target="<=3次",
                          actual="=1次", rate=D("33.33"), score=D("0"), rule="按照完成比例赋分", basis="计划标准",
                          prior_result="0次", evidence="工作资料", deviation="厉行节约。"),
                Indicator("效益指标", "社会效益指标", "专项工作督查通报率（%）", weight=D("30"), target="提高",
                          actual="达到预期指标", rate=D("100"), score=D("30"), rule="按评判等级赋分"),
            ),
        ),
    )
    return Disclosure(
        unit=Unit(
            name="昌吉回族自治州人民政府办公室", year=2024, unit_kind="行政单位",
            functions=("组织起草或审核文件。", "负责会务工作。", "承担交办的其他事项。"),
            staff=Staff(total=98, serving=45, serving_change=-10, retired_cadres=1, retired_cadres_change=0,
                        retirees=52, retirees_change=1),
            subordinate_units=0, internal_sections=("综合一科", "文书科", "督查室"),
        ),
        tables=tables,
        comparatives=Comparatives(
            prior={"收支总计": D("1978.38"), "项.2010301": D("885.19"), "三公.合计": D("107.51"), "机关运行经费": D("204.67")},
            initial_budget={"财政拨款收支总计": D("1753.38"), "一般公共预算财政拨款支出": D("1753.38")},
            full_year_budget={"三公.合计": D("77.21"), "三公.公务接待费": D("0")},
        ),
        sangong=SangongDetails(
            outbound_groups=1, outbound_people=1, outbound_content="住宿费、伙食费、公杂费", vehicles_purchased=0,
            vehicles_held=17, fixed_asset_vehicles=17, vehicle_gap_reason="一致无差异", vehicle_content="加油费、维修费",
            reception_batches=0, reception_people=0, reception_content="本单位无公务接待费",
        ),
        matters=OtherMatters(
            operating_cost=D("161.94"),
            procurement=Procurement(goods=D("73.11"), works=D("0"), services=D("41.42"), total=D("114.53"),
                                    sme=D("114.53"), small_micro=D("114.53")),
            assets=Assets(as_of="2024年12月31日", building_area=D("19646.98"), building_value=D("2719.44"),
                          vehicles_total=17, vehicles_value=D("426.54"), vehicles={"主要负责人用车": 0, "其他用车": 17},
                          other_vehicles_note="一般公务用车", large_equipment=1),
        ),
        evaluations=evaluations,
        reasons={"收支总计.增减": "在职人员减少。", "项.2010301.增减": "抚恤金减少。", "三公.合计.预决算": "严格按照预算执行。"},
        texts={"绩效.成效": "综合得分99.74分。", "其他事项": "本单位无其他需说明的事项。"},
        profile="xinjiang-2024",
    )


@pytest.fixture
def filled(tmp_path) -> Path:
    path = tmp_path / "决算数据.xlsx"
    write_workbook(path, rich())
    return path


def edit(path: Path, sheet: str, **cells) -> None:
    wb = openpyxl.load_workbook(path)
    for ref, value in cells.items():
        wb[sheet][ref] = value
    wb.save(path)


def find(ws, text: str) -> tuple[int, int]:
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == text:
                return cell.row, cell.column
    raise LookupError(text)


# --------------------------------------------------------------------------- round trip

def test_filled_workbook_reads_back_to_the_same_model(filled):
    d = read_workbook(filled)
    original = rich()
    assert strip(d.tables) == strip(original.tables)
    assert strip(d.evaluations) == strip(original.evaluations)
    assert same(d, original)
    # totals that do not add up are kept as stated
    assert d.tables.t1.expenditure_total == D("1787.24")
    assert d.tables.t6.total.values["决算数"] == D("1217.86")
    assert d.tables.t2.value("2010301", "本年收入合计") == D("881.381234")  # full precision


def test_every_figure_has_its_cell(filled):
    d = read_workbook(filled)
    span = d.tables.t3.row("2010301").sources["基本支出"]
    ws = openpyxl.load_workbook(filled)[TABLE_TITLES["T3"]]
    sheet, ref = span.cell.split("!")
    assert sheet == TABLE_TITLES["T3"] and span.file == str(filled)
    assert Decimal(repr(ws[ref].value)) == D("881.38")
    assert d.tables.t1.sources["其他收入"].cell.startswith("收入支出决算总表!B")
    assert d.tables.t9.sources["决算数.公务接待费"].cell == f"{TABLE_TITLES['T9']}!L6"
    assert d.comparatives.sources["上年.收支总计"].cell.startswith("上年数与预算数!C")
    assert d.unit.staff.sources["serving_change"].cell.startswith("单位概况!B")


def test_blank_template_has_every_sheet_and_header(tmp_path):
    path = tmp_path / "blank.xlsx"
    write_workbook(path, year=2024)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == list(L.SHEET_ORDER)
    for key, title in TABLE_TITLES.items():
        ws = wb[title]
        assert ws["A1"].value == title and ws["A3"].value == L.UNIT_WAN
        assert ws["A2"].value.startswith("填写说明") and ws.freeze_panes
    t3 = wb[TABLE_TITLES["T3"]]
    assert [c.value for c in t3[4]] == ["科目编码", "科目名称", *T3_COLUMNS]
    assert all(c.font.bold for c in t3[4])
    t1 = wb[TABLE_TITLES["T1"]]
    assert t1["A6"].value == "一、一般公共预算财政拨款收入" and t1["C6"].value == "一、一般公共服务支出"
    t6 = wb[TABLE_TITLES["T6"]]
    assert t6["A6"].value == "301" and t6["D6"].value == "302"
    headers = [c.value for c in wb[L.INDICATORS_SHEET][4]]
    assert headers[:4] == ["评价名称", "一级指标", "二级指标", "三级指标"] and "赋分规则" in headers
    rules = [dv for dv in wb[L.INDICATORS_SHEET].data_validations.dataValidation if "按照完成比例赋分" in dv.formula1]
    assert rules
    assert wb[L.UNIT_SHEET]["B6"].value == 2024


def test_blank_template_reads_as_empty_tables(tmp_path):
    path = tmp_path / "blank.xlsx"
    write_workbook(path)
    edit(path, L.UNIT_SHEET, B5="某单位")
    d = read_workbook(path)
    assert d.unit.name == "某单位" and d.unit.year == 2024
    assert d.tables.t2.rows == () and d.tables.t2.total is None
    assert d.tables.t1.expenditure == {} and d.tables.t1.income_total is None
    assert d.tables.t1.income["其他收入"] == 0  # a blank amount in a table is zero
    assert d.comparatives.prior == {} and d.evaluations == () and d.reasons == {}
    assert d.matters.operating_cost is None and d.sangong.vehicles_held is None  # blank = not stated


# --------------------------------------------------------------------------- Excel habits

def test_shifted_and_reordered_columns_still_read(filled):
    wb = openpyxl.load_workbook(filled)
    ws = wb[TABLE_TITLES["T3"]]
    ws.insert_rows(4, 2)
    ws.insert_cols(1, 2)
    base, proj = find(ws, "基本支出")[1], find(ws, "项目支出")[1]
    for r in range(1, ws.max_row + 1):  # swap the two columns
        a, b = ws.cell(r, base).value, ws.cell(r, proj).value
        ws.cell(r, base).value, ws.cell(r, proj).value = b, a
    wb.save(filled)
    d = read_workbook(filled)
    row = d.tables.t3.row("2010302")
    assert row.values["项目支出"] == D("9.46") and row.values["基本支出"] == 0
    assert row.sources["项目支出"].cell.endswith(f"!{openpyxl.utils.get_column_letter(base)}{find(ws, '2010302')[0]}")
    assert strip(d.tables.t3) == strip(rich().tables.t3)


def test_numbers_as_text_full_width_and_separators(filled):
    wb = openpyxl.load_workbook(filled)
    ws = wb[TABLE_TITLES["T5"]]
    r = find(ws, "2010301")[0]
    ws.cell(r, 3).value = "1,234.50"
    ws.cell(r, 4).value = "８８１．３８"
    ws.cell(r, 5).value = " 12 "
    ws.cell(r, 1).value = 2010301  # a code typed as a number
    wb[L.MATTERS_SHEET]["B18"] = "17辆"  # 车辆总数 with its unit
    wb.save(filled)
    d = read_workbook(filled)
    assert d.tables.t5.row("2010301").values == {"合计": D("1234.50"), "基本支出": D("881.38"), "项目支出": D("12")}
    assert d.matters.assets.vehicles_total == 17


def test_merged_cells_and_blank_levels_in_indicators(filled):
    wb = openpyxl.load_workbook(filled)
    ws = wb[L.INDICATORS_SHEET]
    first = find(ws, "督查频次")[0]
    for r in (first + 1, first + 2):
        ws.cell(r, 1).value = None
    ws.merge_cells(start_row=first, start_column=1, end_row=first + 2, end_column=1)
    ws.cell(first + 1, 2).value = None  # blank 一级指标 = same as above
    wb.save(filled)
    d = read_workbook(filled)
    project = d.evaluations[1]
    assert [i.name for i in project.indicators][-1] == "专项工作督查通报率（%）"
    assert project.indicators[1].level1 == "产出指标"
    assert strip(project) == strip(rich().evaluations[1])


def test_yuan_sheet_is_converted_exactly(filled):
    wb = openpyxl.load_workbook(filled)
    ws = wb[TABLE_TITLES["T2"]]
    ws["A3"] = "金额单位：元"
    r = find(ws, "2010301")[0]
    for c in range(3, 10):
        ws.cell(r, c).value = None
    ws.cell(r, 3).value = 8813812.34
    wb.save(filled)
    d = read_workbook(filled)
    assert d.tables.t2.value("2010301", "本年收入合计") == D("881.381234")
    assert d.tables.t2.value("2010301", "财政拨款收入") == 0
    assert d.tables.t3.value("2010301", "基本支出") == D("881.38")  # other sheets stay in 万元


def test_percent_formatted_rate(filled):
    wb = openpyxl.load_workbook(filled)
    ws = wb[L.FUNDS_SHEET]
    r, c = find(ws, "年度资金总额")
    rate = find(ws, "执行率（%）")[1]
    ws.cell(r, rate).value = 0.9999
    ws.cell(r, rate).number_format = "0.00%"
    wb.save(filled)
    assert read_workbook(filled).evaluations[1].funds[0].rate == D("99.99")


# --------------------------------------------------------------------------- bad input

def test_text_in_a_number_cell_names_the_cell(filled):
    wb = openpyxl.load_workbook(filled)
    ws = wb[TABLE_TITLES["T3"]]
    r = find(ws, "2010302")[0]
    ws.cell(r, 4).value = "约九元"
    wb.save(filled)
    with pytest.raises(InputError) as err:
        read_workbook(filled)
    message = str(err.value)
    assert f"{TABLE_TITLES['T3']}!D{r}" in message and str(filled) in message and "\n" not in message


def test_unknown_code_names_the_cell(filled):
    wb = openpyxl.load_workbook(filled)
    ws = wb[TABLE_TITLES["T5"]]
    r = find(ws, "2210201")[0]
    ws.cell(r, 1).value = "2219999"
    wb.save(filled)
    with pytest.raises(InputError, match="2219999") as err:
        read_workbook(filled)
    assert f"{TABLE_TITLES['T5']}!A{r}" in str(err.value)


def test_unknown_economic_code_names_the_cell(filled):
    wb = openpyxl.load_workbook(filled)
    ws = wb[TABLE_TITLES["T6"]]
    r, c = find(ws, "30201")
    ws.cell(r, c).value = "30298"
    wb.save(filled)
    with pytest.raises(InputError) as err:
        read_workbook(filled)
    assert f"{TABLE_TITLES['T6']}!{openpyxl.utils.get_column_letter(c)}{r}" in str(err.value)


def test_missing_sheet_and_missing_column(filled):
    wb = openpyxl.load_workbook(filled)
    del wb[TABLE_TITLES["T7"]]
    wb.save(filled)
    with pytest.raises(InputError, match=TABLE_TITLES["T7"]):
        read_workbook(filled)
    write_workbook(filled, rich())
    wb = openpyxl.load_workbook(filled)
    ws = wb[TABLE_TITLES["T3"]]
    ws.cell(*find(ws, "项目支出")).value = "备注"
    wb.save(filled)
    with pytest.raises(InputError, match="项目支出") as err:
        read_workbook(filled)
    assert TABLE_TITLES["T3"] in str(err.value)


def test_sheets_found_by_short_name_or_title_in_a1(filled):
    wb = openpyxl.load_workbook(filled)
    wb[TABLE_TITLES["T3"]].title = "公开03"
    wb[TABLE_TITLES["T9"]].title = "Sheet9"  # renamed by hand; A1 still has the title
    wb.save(filled)
    assert same(read_workbook(filled), rich())


@pytest.mark.parametrize("content, expected", [
    (b"", "文件为空"),
    (b"PK\x03\x04 this is not really a zip", "损坏"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "加密"),
    ("单位名称,年度\n".encode("utf-8"), ".xlsx"),
])
def test_unreadable_files(tmp_path, content, expected):
    path = tmp_path / "坏.xlsx"
    path.write_bytes(content)
    with pytest.raises(InputError, match=expected) as err:
        read_workbook(path)
    assert str(path) in str(err.value)


def test_blank_unit_name_is_refused(tmp_path):
    path = tmp_path / "blank.xlsx"
    write_workbook(path)
    with pytest.raises(InputError, match="单位概况!B5"):
        read_workbook(path)


# --------------------------------------------------------------------------- the command

def test_template_command_writes_and_refuses_to_overwrite(tmp_path, capsys):
    path = tmp_path / "决算数据.xlsx"
    assert main(["template", "-o", str(path), "--year", "2024"]) == 0
    assert "决算数据.xlsx" in capsys.readouterr().out
    assert openpyxl.load_workbook(path).sheetnames == list(L.SHEET_ORDER)
    path.write_bytes(b"keep me")
    assert main(["template", "-o", str(path)]) == 2
    err = capsys.readouterr().err
    assert "--force" in err and len(err.strip().splitlines()) == 1
    assert path.read_bytes() == b"keep me"
    assert main(["template", "-o", str(path), "--force"]) == 0
    assert openpyxl.load_workbook(path)[L.UNIT_SHEET]["B6"].value == 2024


# --------------------------------------------------------------------------- through the YAML example

def zero_filled(d: Disclosure) -> Disclosure:
    """Apply the workbook's rule "a blank amount in a table is zero" to a YAML-read disclosure.

    The YAML reader leaves unstated table amounts out; the workbook has a cell for each, and a
    blank one means zero except in total columns and total rows.
    """
    t = d.tables
    zero = D(0)

    def rows(table):
        if table is None:
            return None
        cols = [c for c in table.columns if c not in L.TOTAL_COLUMNS]
        return dataclasses.replace(table, rows=tuple(
            dataclasses.replace(r, values={**{c: zero for c in cols}, **r.values}) for r in table.rows))

    t1 = t.t1 and dataclasses.replace(
        t.t1, income={**{r: zero for r in T1_INCOME_ROWS}, **t.t1.income},
        **{f: getattr(t.t1, f) if getattr(t.t1, f) is not None else zero
           for f in ("non_fiscal_balance_used", "opening_balance", "balance_distribution", "closing_balance")})
    t4 = t.t4 and dataclasses.replace(
        t.t4, income={**{f: zero for f in FUNDS}, **t.t4.income}, opening={**{f: zero for f in FUNDS}, **t.t4.opening},
        closing={**{f: zero for f in FUNDS}, **t.t4.closing},
        expenditure={k: {**{f: zero for f in FUNDS}, **v} for k, v in t.t4.expenditure.items()})
    t9 = t.t9 and dataclasses.replace(
        t.t9, budget={**{i: zero for i in SANGONG_ITEMS if i not in L.T9_TOTAL_ITEMS}, **t.t9.budget},
        actual={**{i: zero for i in SANGONG_ITEMS if i not in L.T9_TOTAL_ITEMS}, **t.t9.actual})
    tables = dataclasses.replace(t, t1=t1, t2=rows(t.t2), t3=rows(t.t3), t4=t4, t5=rows(t.t5), t6=rows(t.t6),
                                 t7=rows(t.t7), t8=rows(t.t8), t9=t9)
    return dataclasses.replace(d, tables=tables)


def test_round_trip_through_the_yaml_example(tmp_path):
    from juesuan.io.readers.data import load

    d = load(EXAMPLE)
    path = tmp_path / "决算数据.xlsx"
    write_workbook(path, d)
    back = load(path)
    assert back.unit.name == d.unit.name and len(back.evaluations) == len(d.evaluations)
    assert same(back, zero_filled(d))


def test_three_column_code_form(filled):
    wb = openpyxl.load_workbook(filled)
    ws = wb[TABLE_TITLES["T5"]]
    header = find(ws, "科目编码")[0]
    ws.insert_cols(2, 2)
    ws.cell(header, 1).value, ws.cell(header, 2).value, ws.cell(header, 3).value = "类", "款", "项"
    for r in range(header + 1, ws.max_row + 1):
        code = str(ws.cell(r, 1).value or "")
        if code.isdigit():
            ws.cell(r, 1).value = int(code[:3])
            ws.cell(r, 2).value = int(code[3:5]) if len(code) > 3 else None  # "02" typed as 2
            ws.cell(r, 3).value = code[5:] or None
    wb.save(filled)
    d = read_workbook(filled)
    assert [r.code for r in d.tables.t5.rows] == ["201", "20103", "2010301", "221", "22102", "2210201"]
    assert strip(d.tables.t5) == strip(rich().tables.t5)


def test_unknown_row_label_in_summary_table(filled):
    wb = openpyxl.load_workbook(filled)
    ws = wb[TABLE_TITLES["T1"]]
    r, c = find(ws, "八、其他收入")
    ws.cell(r, c).value = "八、杂项\n收入"
    wb.save(filled)
    with pytest.raises(InputError, match="杂项") as err:
        read_workbook(filled)
    assert f"收入支出决算总表!A{r}" in str(err.value) and "\n" not in str(err.value)


def test_functions_pasted_in_one_cell_are_split(filled):
    wb = openpyxl.load_workbook(filled)
    ws = wb[L.UNIT_SHEET]
    rows = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "主要职能"]
    ws.cell(rows[0], 2).value = "（一）组织起草文件。\n（二）负责会务工作。"
    for r in rows[1:]:
        ws.cell(r, 2).value = None
    wb.save(filled)
    assert read_workbook(filled).unit.functions == ("（一）组织起草文件。", "（二）负责会务工作。")
