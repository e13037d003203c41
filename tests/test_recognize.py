"""Table recognition on synthetic raw grids (no corpus needed), and the published-Excel reader."""

from __future__ import annotations

from decimal import Decimal

import pytest

from juesuan.core.findings import InputError
from juesuan.core.model import Span
from juesuan.io.readers.grid import RawGrid
from juesuan.io.readers.recognize import identify, recognize

D = Decimal


def grid(title: str, rows: list[list[str]], *, page: int = 3) -> RawGrid:
    spans = tuple(tuple(Span(file="t.pdf", page=page, excerpt=c) for c in row) for row in rows)
    return RawGrid(rows=tuple(tuple(r) for r in rows), spans=spans, title=title, page=page, file="t.pdf")


T1_ROWS = [
    ["收入", "收入", "收入", "支出", "支出", "支出"],
    ["项目", "行次", "决算数", "项目", "行次", "决算数"],
    ["一、一般公共预算财政拨款收入", "1", "1,693.16", "一、一般公共服务支出", "29", "1,348.43"],
    ["二、政府性基金预算财政拨款收入", "2", "", "二、文化体育与传媒支出", "30", "12.00"],
    ["八、其他收入", "8", "48.55", "三、社会保障和就业支出", "31", "380.27"],
    ["本年收入合计", "9", "1,741.71", "本年支出合计", "40", "1,740.70"],
    ["使用非财政拨款结余（含专用结余）", "10", "0.00", "结余分配", "41", "—"],
    ["年初结转和结余", "11", "45.52", "年末结转和结余", "42", "46.53"],
    ["总计", "12", "1,787.23", "总计", "43", "1,787.23"],
]


def test_t1_two_panels_by_header_labels():
    t = recognize([grid("公开01表 收入支出决算总表", T1_ROWS)]).t1
    assert t.income["一般公共预算财政拨款收入"] == D("1693.16")
    assert t.income["政府性基金预算财政拨款收入"] is None
    assert t.income["其他收入"] == D("48.55")
    assert t.expenditure == {"201": D("1348.43"), "207": D("12.00"), "208": D("380.27")}  # old name → 207
    assert t.income_this_year == D("1741.71") and t.expenditure_this_year == D("1740.70")
    assert t.non_fiscal_balance_used == D("0.00")  # printed zero stays zero
    assert t.balance_distribution is None  # "—" is blank
    assert (t.opening_balance, t.closing_balance) == (D("45.52"), D("46.53"))
    assert t.income_total == t.expenditure_total == D("1787.23")
    assert t.sources["income_total"].page == 3 and t.sources["income_total"].excerpt == "1,787.23"
    assert t.sources["expenditure.201"].excerpt == t.sources["201"].excerpt == "1,348.43"
    assert t.sources["收入总计"] == t.sources["income_total"]


def test_t1_panels_without_header_row_split_at_expenditure_labels():
    rows = [r for r in T1_ROWS[1:]]
    t = recognize([grid("收入支出决算总表", rows)]).t1
    assert t.income["一般公共预算财政拨款收入"] == D("1693.16")
    assert t.expenditure["208"] == D("380.27")
    assert t.expenditure_total == D("1787.23")


T2_ROWS = [
    ["项目", "项目", "项目", "项目", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"],
    ["科目编码", "科目编码", "科目编码", "科目名称", "", "", "", "", "", "", ""],
    ["类", "款", "项", "合计", "120.00", "100.00", "", "", "", "", "20.00"],
    ["201", "", "", "一般公共服务支出", "120.00", "100.00", "", "", "", "", "20.00"],
    ["", "03", "", "政府办公厅（室）及相关机构事务", "120.00", "100.00", "", "", "", "", "20.00"],
    ["", "", "01", "行政运行", "90.00", "90.00", "", "", "", "", ""],
    ["", "", "02", "一般行政管理事务", "30.00", "10.00", "", "", "", "", "20.00"],
    ["208", "05", "05", "机关事业单位基本养老保险缴费支出", "—", "", "", "", "", "", ""],
]


def test_t2_three_code_columns_with_short_codes():
    t2 = recognize([grid("收入决算表", T2_ROWS)]).t2
    assert [r.code for r in t2.rows] == ["201", "20103", "2010301", "2010302", "2080505"]
    assert t2.total.values["本年收入合计"] == D("120.00") and t2.total.values["其他收入"] == D("20.00")
    assert t2.value("2010301", "财政拨款收入") == D("90.00")
    assert t2.value("2010301", "其他收入") is None  # blank stays None
    assert t2.value("2010302", "其他收入") == D("20.00")
    assert t2.value("2080505", "本年收入合计") is None
    assert t2.row("2010302").name == "一般行政管理事务"
    assert t2.row("2010301").sources["财政拨款收入"].cell.startswith("收入决算表!2010301")


def test_columns_found_by_header_not_position():
    # same table, columns shuffled and a 栏次 column added: values must follow their headers
    order = [0, 1, 2, 3, 10, 5, 4, 6, 7, 8, 9]
    rows = [[row[i] for i in order] for row in T2_ROWS]
    rows[0].insert(4, "栏次")
    for row in rows[1:]:
        row.insert(4, "")
    t2 = recognize([grid("收入决算表", rows)]).t2
    assert t2.value("2010302", "其他收入") == D("20.00")
    assert t2.value("2010302", "财政拨款收入") == D("10.00")
    assert t2.value("2010302", "本年收入合计") == D("30.00")


def test_single_code_column_and_code_inside_name():
    rows = [
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
        ["201", "一般公共服务支出", "50.00", "40.00", "10.00"],
        ["", "2010301 行政运行", "50.00", "40.00", "10.00"],
        ["合计", "", "50.00", "40.00", "10.00"],
    ]
    t5 = recognize([grid("一般公共预算财政拨款支出决算表", rows)]).t5
    assert [r.code for r in t5.rows] == ["201", "2010301"]
    assert t5.row("2010301").name == "行政运行"
    assert t5.total.values == {"合计": D("50.00"), "基本支出": D("40.00"), "项目支出": D("10.00")}


T6_ROWS = [
    ["经济分类", "经济分类", "科目名称", "决算数", "经济分类", "经济分类", "科目名称", "决算数"],
    ["类", "款", "", "", "类", "款", "", ""],
    ["301", "", "工资福利支出", "100.00", "302", "", "商品和服务支出", "30.00"],
    ["301", "01", "基本工资", "60.00", "302", "01", "办公费", "20.00"],
    ["301", "02", "津贴补贴", "40.00", "302", "99", "其他商品和服务支出", ""],
    ["303", "", "对个人和家庭的补助", "5.00", "310", "", "资本性支出", "10.00"],
    ["", "", "", "", "310", "02", "办公设备购置", "10.00"],
    ["2010301", "", "行政运行", "99.00", "", "", "", ""],
    ["人员经费合计", "人员经费合计", "人员经费合计", "105.00", "公用经费合计", "公用经费合计", "公用经费合计", "40.00"],
]


def test_t6_two_panels_economic_codes_only():
    t6 = recognize([grid("一般公共预算财政拨款基本支出决算表", T6_ROWS)]).t6
    codes = [r.code for r in t6.rows]
    assert codes == ["301", "30101", "30102", "303", "302", "30201", "30299", "310", "31002"]
    assert "2010301" not in codes  # a functional code never enters 公开06
    assert t6.value("30201", "决算数") == D("20.00")
    assert t6.value("30299", "决算数") is None
    assert t6.subtotals == {"人员经费合计": D("105.00"), "公用经费合计": D("40.00")}


T9_ROWS = [
    ["财政拨款“三公”经费"] * 12,
    ["合计", "合计", "因公出国（境）费", "因公出国（境）费"] + ["公务用车购置及运行维护费"] * 6 + ["公务接待费", "公务接待费"],
    ["", "", "", "", "小计", "小计", "公务用车购置费", "公务用车购置费", "公务用车运行维护费", "公务用车运行维护费", "", ""],
    ["预算数", "决算数"] * 6,
    ["107.51", "77.21", "", "", "80.00", "74.75", "0.00", "0.00", "80.00", "74.75", "27.51", "2.46"],
]


def test_t9_pairs():
    t9 = recognize([grid("财政拨款“三公”经费支出决算表", T9_ROWS)]).t9
    assert t9.budget["合计"] == D("107.51") and t9.actual["合计"] == D("77.21")
    assert t9.budget["因公出国（境）费"] is None and t9.actual["因公出国（境）费"] is None
    assert (t9.budget["公务用车购置及运行维护费"], t9.actual["公务用车购置及运行维护费"]) == (D("80.00"), D("74.75"))
    assert t9.actual["公务用车购置费"] == D("0.00")
    assert t9.actual["公务用车运行维护费"] == D("74.75")
    assert (t9.budget["公务接待费"], t9.actual["公务接待费"]) == (D("27.51"), D("2.46"))
    assert t9.sources["决算数.公务接待费"].excerpt == "2.46"


def test_index_rows_are_not_amounts():
    t9_rows = T9_ROWS[:4] + [[str(i) for i in range(1, 13)]] + T9_ROWS[4:]
    t9 = recognize([grid("财政拨款“三公”经费支出决算表", t9_rows)]).t9
    assert t9.budget["合计"] == D("107.51") and t9.actual["公务接待费"] == D("2.46")
    t2_rows = T2_ROWS[:2] + [["栏次", "", "", "", "1", "2", "3", "4", "5", "6", "7"]] + T2_ROWS[2:]
    t2 = recognize([grid("收入决算表", t2_rows)]).t2
    assert t2.total.values["本年收入合计"] == D("120.00")
    assert t2.value("2010301", "财政拨款收入") == D("90.00")


def test_t9_items_down_the_rows():
    rows = [
        ["项目", "预算数", "决算数"],
        ["合计", "10.00", "8.00"],
        ["因公出国（境）费", "", ""],
        ["公务用车购置及运行维护费", "6.00", "5.00"],
        ["公务用车购置费", "0.00", "0.00"],
        ["公务用车运行维护费", "6.00", "5.00"],
        ["公务接待费", "4.00", "3.00"],
    ]
    t9 = recognize([grid("财政拨款“三公”经费支出决算表", rows)]).t9
    assert t9.budget["合计"] == D("10.00") and t9.actual["公务接待费"] == D("3.00")
    assert t9.actual["公务用车运行维护费"] == D("5.00") and t9.budget["因公出国（境）费"] is None


def test_t4_opening_and_closing_by_fund():
    rows = [
        ["收入", "收入", "支出", "支出", "支出", "支出", "支出"],
        ["项目", "决算数", "项目", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"],
        ["一、一般公共预算财政拨款", "100.00", "一、一般公共服务支出", "95.00", "95.00", "", ""],
        ["二、政府性基金预算财政拨款", "", "", "", "", "", ""],
        ["本年收入合计", "100.00", "本年支出合计", "95.00", "95.00", "", ""],
        ["年初财政拨款结转和结余", "3.00", "年末财政拨款结转和结余", "8.00", "8.00", "", ""],
        ["一、一般公共预算财政拨款", "3.00", "", "", "", "", ""],
        ["总计", "103.00", "总计", "103.00", "103.00", "", ""],
    ]
    t4 = recognize([grid("财政拨款收入支出决算总表", rows)]).t4
    assert t4.income == {"一般公共预算财政拨款": D("100.00"), "政府性基金预算财政拨款": None}
    assert t4.opening == {"一般公共预算财政拨款": D("3.00")} and t4.opening_total == D("3.00")
    assert t4.closing_total == D("8.00") and t4.closing["一般公共预算财政拨款"] == D("8.00")
    assert t4.closing["政府性基金预算财政拨款"] is None
    assert t4.expenditure["201"] == {"合计": D("95.00"), "一般公共预算财政拨款": D("95.00"),
                                     "政府性基金预算财政拨款": None, "国有资本经营预算财政拨款": None}
    assert t4.income_total == t4.expenditure_total == D("103.00")
    assert t4.sources["expenditure.201.合计"].excerpt == "95.00" and t4.sources["201.合计"].excerpt == "95.00"
    assert t4.sources["opening.一般公共预算财政拨款"].excerpt == "3.00"


def test_empty_fund_table_keeps_note_and_header_row_total():
    rows = [
        ["项目", "项目", "年初结转和结余", "本年收入", "本年支出", "本年支出", "本年支出", "年末结转和结余"],
        ["功能分类科目编码", "科目名称", "", "", "", "", "", ""],
        ["合计", "合计", "", "", "合计", "基本支出", "项目支出", ""],
        ["", "", "", "", "", "", "", ""],
        ["说明：本单位本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。"] + [""] * 7,
    ]
    t7 = recognize([grid("政府性基金预算财政拨款收入支出决算表", rows)]).t7
    assert t7.is_empty() and t7.rows == ()
    assert t7.note.endswith("故本表无数据。")


def test_fund_table_columns_under_group_header():
    rows = [
        ["项目", "项目", "年初结转和结余", "本年收入", "本年支出", "本年支出", "本年支出", "年末结转和结余"],
        ["科目编码", "科目名称", "", "", "小计", "基本支出", "项目支出", ""],
        ["212", "城乡社区支出", "1.00", "5.00", "4.00", "", "4.00", "2.00"],
    ]
    t7 = recognize([grid("政府性基金预算财政拨款收入支出决算表", rows)]).t7
    assert t7.row("212").values == {"年初结转和结余": D("1.00"), "本年收入": D("5.00"), "本年支出合计": D("4.00"),
                                   "基本支出": None, "项目支出": D("4.00"), "年末结转和结余": D("2.00")}


def test_grids_that_are_not_the_nine_are_ignored_and_order_kept():
    perf = grid("项目支出绩效自评表", [["项目名称", "机关运行经费"], ["年初预算数", "600.00"]])
    units = grid("", [["序号", "单位名称", "备注"], ["1", "某局（本级）", ""]])
    t9 = grid("财政拨款“三公”经费支出决算表", T9_ROWS)
    t1 = grid("收入支出决算总表", T1_ROWS)
    tables = recognize([perf, t9, units, t1])
    assert tables.order == ("T9", "T1")  # as printed, not by number
    assert tables.present() == ("T1", "T9")
    assert recognize([perf, units]).present() == ()


def test_identify_by_title_variants_and_headers():
    assert identify(grid("表七 一般公共预算财政拨款“三公”经费支出决算表", [])) == "T9"
    assert identify(grid("公开05表", [])) is None
    assert identify(grid("上海市XX局2024年度支出决算表", [])) == "T3"
    assert identify(grid("国有资本经营预算财政拨款支出决算表", [])) == "T8"
    assert identify(grid("", T6_ROWS)) == "T6"
    assert identify(grid("", T1_ROWS)) == "T1"


# --------------------------------------------------------------------------- published Excel

def test_xlsx_published_sheets_to_tables(tmp_path):
    import openpyxl
    from juesuan.io.readers.xlsx_published import extract

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "公开01表"
    ws.append(["收入支出决算总表"])
    ws.merge_cells("A1:D1")
    ws.append(["", "", "", "单位：万元"])
    ws.append(["收入", "", "支出", ""])
    ws.merge_cells("A3:B3")
    ws.merge_cells("C3:D3")
    ws.append(["项目", "决算数", "项目", "决算数"])
    ws.append(["一、一般公共预算财政拨款收入", 100.5, "一、一般公共服务支出", 90.25])
    ws.append(["八、其他收入", None, "八、社会保障和就业支出", 10.25])
    ws.append(["本年收入合计", 100.5, "本年支出合计", 100.5])
    ws.append(["总计", 100.5, "总计", 100.5])
    ws2 = wb.create_sheet("Sheet2")
    ws2.append(["财政拨款“三公”经费支出决算表"])
    for row in T9_ROWS[1:]:
        ws2.append([float(c) if c.replace(".", "").isdigit() else c for c in row])
    path = tmp_path / "公开表.xlsx"
    wb.save(path)
    ex = extract(path)
    assert [g.title for g in ex.grids] == ["收入支出决算总表", "财政拨款“三公”经费支出决算表"]
    tables = recognize(ex.grids)
    assert tables.order == ("T1", "T9")
    assert tables.t1.income["一般公共预算财政拨款收入"] == D("100.5")
    assert tables.t1.income["其他收入"] is None
    assert tables.t1.expenditure == {"201": D("90.25"), "208": D("10.25")}
    assert tables.t1.sources["income_total"].cell == "公开01表!B8"
    assert tables.t9.actual["公务接待费"] == D("2.46")


@pytest.mark.parametrize(
    "name, content, phrase",
    [
        ("空.xlsx", b"", "文件为空"),
        ("坏.xlsx", b"PK\x03\x04" + b"\x00" * 200, "损坏"),
        ("文本.xlsx", "不是表格".encode(), "不是有效的Excel文件"),
        ("加密.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100 + "EncryptedPackage".encode("utf-16-le"), "文件已加密"),
    ],
)
def test_xlsx_published_bad_input(tmp_path, name, content, phrase):
    from juesuan.io.readers.xlsx_published import extract

    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        extract(path)
    assert name in str(info.value) and phrase in str(info.value)


def test_xlsx_published_empty_workbook(tmp_path):
    import openpyxl
    from juesuan.io.readers.xlsx_published import extract

    path = tmp_path / "空表.xlsx"
    openpyxl.Workbook().save(path)
    with pytest.raises(InputError) as info:
        extract(path)
    assert "空表.xlsx" in str(info.value) and "没有内容" in str(info.value)


def test_recognize_never_crashes_on_odd_grids():
    import hypothesis
    st = hypothesis.strategies
    from juesuan.core.model import TABLE_TITLES

    words = ["", "合计", "类", "款", "项", "01", "201", "2010301", "301", "30101", "1,234.56", "—", "…", "abc",
             "收入", "支出", "预算数", "决算数", "本年收入合计", "人员经费合计", "栏次", "注：无数据", "-3.5", "1"]
    cell = st.sampled_from(words)

    @hypothesis.settings(max_examples=150, deadline=None)
    @hypothesis.given(title=st.sampled_from(list(TABLE_TITLES.values()) + [""]),
                      rows=st.lists(st.lists(cell, min_size=1, max_size=7), min_size=0, max_size=8))
    def check(title, rows):
        width = max((len(r) for r in rows), default=0)
        rows = [r + [""] * (width - len(r)) for r in rows]
        tables = recognize([grid(title, rows)])
        for key in tables.present():
            table = getattr(tables, key.lower())
            values = []
            if hasattr(table, "rows"):
                values = [v for r in table.rows for v in r.values.values()]
            assert all(v is None or isinstance(v, Decimal) for v in values)

    check()
