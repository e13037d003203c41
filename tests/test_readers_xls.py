"""Legacy Excel (.xls) published attachments: a real BIFF workbook written with xlwt at test time,
read through ``juesuan.api.read`` (sniffing → xlrd → recognition → Disclosure)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from juesuan import api
from juesuan.core.findings import InputError

import xlwt

D = Decimal


def _write_t1(book) -> None:
    ws = book.add_sheet("公开01表")
    money = xlwt.easyxf(num_format_str="#,##0.00")
    ws.write_merge(0, 0, 0, 5, "收入支出决算总表")
    ws.write(1, 0, "部门：某区财政局")
    ws.write(1, 5, "单位：万元")
    # merged panel headers and a merged 项目 header spanning two rows
    ws.write_merge(2, 2, 0, 2, "收入")
    ws.write_merge(2, 2, 3, 5, "支出")
    ws.write(3, 0, "项目")
    ws.write(3, 1, "行次")
    ws.write(3, 2, "决算数")
    ws.write(3, 3, "项目")
    ws.write(3, 4, "行次")
    ws.write(3, 5, "决算数")
    rows = [
        # label, line, amount (float: number cell, str: number stored as text, None: blank)
        ("一、一般公共预算财政拨款收入", 1, 1693.16, "一、一般公共服务支出", 29, 1348.43),
        ("二、政府性基金预算财政拨款收入", 2, None, "二、文化旅游体育与传媒支出", 30, "12.00"),
        ("八、其他收入", 8, "48.55", "三、社会保障和就业支出", 31, 380.27),
        ("本年收入合计", 9, 1741.71, "本年支出合计", 40, 1740.70),
        ("使用非财政拨款结余（含专用结余）", 10, 0.0, "结余分配", 41, "—"),
        ("年初结转和结余", 11, 45.52, "年末结转和结余", 42, 46.53),
        ("总计", 12, "1,787.23", "总计", 43, 1787.23),
    ]
    for r, (li, ln, la, ri, rn, ra) in enumerate(rows, start=4):
        for c, v in ((0, li), (1, ln), (2, la), (3, ri), (4, rn), (5, ra)):
            if v is None:
                continue  # a truly blank cell
            if isinstance(v, float):
                ws.write(r, c, v, money)
            else:
                ws.write(r, c, v)


def _write_t9(book) -> None:
    ws = book.add_sheet("Sheet2")
    ws.write_merge(0, 0, 0, 11, "财政拨款“三公”经费支出决算表")
    ws.write(1, 11, "单位：万元")
    ws.write_merge(2, 3, 0, 1, "合计")
    ws.write_merge(2, 3, 2, 3, "因公出国（境）费")
    ws.write_merge(2, 2, 4, 9, "公务用车购置及运行维护费")
    ws.write_merge(3, 3, 4, 5, "小计")
    ws.write_merge(3, 3, 6, 7, "公务用车购置费")
    ws.write_merge(3, 3, 8, 9, "公务用车运行维护费")
    ws.write_merge(2, 3, 10, 11, "公务接待费")
    for c in range(12):
        ws.write(4, c, "预算数" if c % 2 == 0 else "决算数")
    values = [107.51, 77.21, None, None, 80.0, "74.75", 0.0, 0.0, 80.0, 74.75, "27.51", 2.46]
    money = xlwt.easyxf(num_format_str="0.00")
    for c, v in enumerate(values):
        if v is None:
            continue
        if isinstance(v, float):
            ws.write(5, c, v, money)
        else:
            ws.write(5, c, v)


@pytest.fixture()
def published_xls(tmp_path):
    book = xlwt.Workbook(encoding="utf-8")
    _write_t1(book)
    _write_t9(book)
    path = tmp_path / "某区财政局2024年度部门决算公开表.xls"
    book.save(str(path))
    return path


def test_xls_t1_values_blanks_and_cells(published_xls):
    d = api.read(published_xls)
    t1 = d.tables.t1
    assert t1 is not None
    assert t1.income["一般公共预算财政拨款收入"] == D("1693.16")
    assert t1.income["政府性基金预算财政拨款收入"] is None  # blank cell stays blank, not 0
    assert t1.income["其他收入"] == D("48.55")  # number stored as text
    assert t1.expenditure == {"201": D("1348.43"), "207": D("12.00"), "208": D("380.27")}
    assert t1.income_this_year == D("1741.71")
    assert t1.expenditure_this_year == D("1740.70")  # "#,##0.00" keeps the printed two places
    assert t1.non_fiscal_balance_used == D("0.00")  # printed zero stays zero
    assert t1.balance_distribution is None  # "—" is blank
    assert (t1.opening_balance, t1.closing_balance) == (D("45.52"), D("46.53"))
    assert t1.income_total == D("1787.23") and t1.expenditure_total == D("1787.23")
    src = t1.sources["income_total"]
    assert src.file == published_xls.name and src.cell == "公开01表!C11"
    assert src.excerpt == "1,787.23"
    assert t1.sources["expenditure_total"].cell == "公开01表!F11"
    assert t1.sources["expenditure_total"].excerpt == "1787.23"


def test_xls_t9_values_and_blanks(published_xls):
    t9 = api.read(published_xls).tables.t9
    assert t9 is not None
    assert (t9.budget["合计"], t9.actual["合计"]) == (D("107.51"), D("77.21"))
    assert t9.budget["因公出国（境）费"] is None and t9.actual["因公出国（境）费"] is None
    assert (t9.budget["公务用车购置及运行维护费"], t9.actual["公务用车购置及运行维护费"]) == (D("80.00"), D("74.75"))
    assert t9.actual["公务用车购置费"] == D("0.00")
    assert t9.actual["公务用车运行维护费"] == D("74.75")
    assert (t9.budget["公务接待费"], t9.actual["公务接待费"]) == (D("27.51"), D("2.46"))
    assert t9.sources["决算数.公务接待费"].cell == "Sheet2!L6"


def test_xls_table_order_and_titles(published_xls):
    d = api.read(published_xls)
    assert d.tables.order == ("T1", "T9")
    assert d.narrative is None  # tables only: no 公开说明


def test_xls_float_noise_is_shown_as_formatted(tmp_path):
    """A formula result stored as 1741.7100000000001 is read as the sheet prints it."""
    from juesuan.io.readers.xlsx_published import extract

    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("表")
    ws.write(0, 0, "收入支出决算总表")
    ws.write(1, 0, "本年收入合计")
    ws.write(1, 1, 1741.7100000000001, xlwt.easyxf(num_format_str="#,##0.00"))
    ws.write(2, 0, "占比")
    ws.write(2, 1, 0.12345, xlwt.easyxf(num_format_str="0.00%"))
    ws.write(3, 0, "行次")
    ws.write(3, 1, 9)
    path = tmp_path / "噪声.xls"
    book.save(str(path))
    (grid,) = extract(path).grids
    values = {row[0]: row[1] for row in grid.rows}
    assert values == {"本年收入合计": "1741.71", "占比": "12.35%", "行次": "9"}


@pytest.mark.parametrize(
    "content",
    [
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,  # OLE signature, garbage body
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 4,
    ],
    ids=["zeros", "noise"],
)
def test_xls_corrupt_is_one_line_input_error(tmp_path, content):
    path = tmp_path / "损坏的决算表.xls"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        api.read(path)
    message = str(info.value)
    assert "损坏的决算表.xls" in message and "\n" not in message
    assert "损坏" in message


def test_xls_truncated_real_workbook_is_input_error(published_xls, capsys):
    data = published_xls.read_bytes()
    broken = published_xls.with_name("截断.xls")
    broken.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError) as info:
        api.read(broken)
    assert "截断.xls" in str(info.value) and "\n" not in str(info.value)
    assert capsys.readouterr().out == ""  # xlrd's damage warnings do not leak into stdout


def test_xls_empty_workbook_is_one_line_input_error(tmp_path):
    book = xlwt.Workbook(encoding="utf-8")
    book.add_sheet("Sheet1")
    path = tmp_path / "空白.xls"
    book.save(str(path))
    with pytest.raises(InputError) as info:
        api.read(path)
    message = str(info.value)
    assert "空白.xls" in message and "\n" not in message
    assert "没有内容" in message


def test_xls_zero_bytes_is_input_error(tmp_path):
    path = tmp_path / "零字节.xls"
    path.write_bytes(b"")
    with pytest.raises(InputError) as info:
        api.read(path)
    assert "零字节.xls" in str(info.value) and "文件为空" in str(info.value)
