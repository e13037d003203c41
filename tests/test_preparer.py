"""The preparer's path: a workbook means what the same YAML means, and every problem names its cell.

A blank 类/款 row of a coded sheet is summed from the rows under it (as the YAML reader leaves it
to ``rules.totals.complete``), never read as zero; a formula without a saved result, a negative
amount and text in a number cell each stop the read with their own line naming sheet!cell; every
finding ``juesuan build`` reports on the data names a cell and prints its figures; the template
says how to add rows and leaves formatted room for them.
"""

from __future__ import annotations

import dataclasses
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from juesuan import api
from juesuan.apps.cli import main
from juesuan.compose import build
from juesuan.core.findings import InputError
from juesuan.core.model import TABLE_TITLES, Row
from juesuan.core.profiles import load_profile
from juesuan.io import template_layout as L
from juesuan.io.readers.data_xlsx import read_workbook
from juesuan.io.writers.template import write_workbook
from juesuan.rules import derive

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "changji-2024"
T3 = TABLE_TITLES["T3"]


@pytest.fixture(scope="module")
def example():
    return api.load(EXAMPLE)


@pytest.fixture
def filled(tmp_path, example) -> Path:
    path = tmp_path / "决算数据.xlsx"
    write_workbook(path, example)
    return path


def _with_blank_parents(table, parent_lengths):
    """The table with a blank row (no amount filled) for every 类/款 above its rows."""
    if table is None or not table.rows:
        return table
    codes = {r.code for r in table.rows}
    blank = [Row(code=r.code[:n], name="") for r in table.rows for n in parent_lengths if len(r.code) > n]
    blank = list({r.code: r for r in blank if r.code not in codes}.values())
    return dataclasses.replace(table, rows=tuple(sorted(table.rows + tuple(blank), key=lambda r: r.code)))


def _example_with(tmp_path: Path, line: str, replacement: str) -> Path:
    """A copy of the example's YAML with one line changed."""
    source = tmp_path / "决算数据.yaml"
    text = (EXAMPLE / "决算数据.yaml").read_text(encoding="utf-8")
    assert line in text
    source.write_text(text.replace(line, replacement), encoding="utf-8")
    return source


def _figures(d):
    profile = load_profile(d.profile)
    return derive.derive(derive.complete(d), profile)


# --------------------------------------------------------------------------- workbook = YAML


def test_blank_class_rows_are_summed_as_the_yaml_path_does(tmp_path, example):
    """The same unit from YAML (finest rows only) and from a workbook whose 类 and 款 rows are
    present but left blank, as in the template: every derived figure is the same."""
    t = example.tables
    sheets = dataclasses.replace(
        t, t2=_with_blank_parents(t.t2, (3, 5)), t3=_with_blank_parents(t.t3, (3, 5)),
        t5=_with_blank_parents(t.t5, (3, 5)), t6=_with_blank_parents(t.t6, (3,)))
    path = tmp_path / "决算数据.xlsx"
    write_workbook(path, dataclasses.replace(example, tables=sheets))
    ws = openpyxl.load_workbook(path)[TABLE_TITLES["T6"]]
    assert ws["A6"].value == "301" and ws["C6"].value is None  # the 类 row is there, blank
    from_yaml, from_workbook = _figures(example), _figures(read_workbook(path))
    assert from_workbook["人员经费"] == from_yaml["人员经费"] > 0
    assert from_workbook == from_yaml
    t6 = derive.complete(read_workbook(path)).tables.t6
    assert t6.row("301").values["决算数"] == derive.complete(example).tables.t6.row("301").values["决算数"]


def test_a_stated_class_row_is_kept(filled):
    """A 类 row the preparer did fill is used as written (the checks compare it with its 项)."""
    wb = openpyxl.load_workbook(filled)
    ws = wb[T3]
    ws.insert_rows(6)
    ws["A6"], ws["B6"], ws["D6"] = "201", "一般公共服务支出", 999
    wb.save(filled)
    row = read_workbook(filled).tables.t3.row("201")
    assert row.values == {"基本支出": Decimal("999")}  # the other cells: summed later, not zero


def test_blank_template_filled_at_kuan_level(tmp_path):
    """The blank template prints the 301/302/303/310 类 rows; filling only 款 gives their sums."""
    path = tmp_path / "blank.xlsx"
    write_workbook(path)
    wb = openpyxl.load_workbook(path)
    wb[L.UNIT_SHEET]["B5"] = "某单位"
    ws = wb[TABLE_TITLES["T6"]]
    amounts = {"30101": 100, "30102": 50, "30201": 7}
    for row in ws.iter_rows(min_row=6):
        for code_cell, amount_col in ((row[0], 3), (row[3], 6)):
            if code_cell.value in amounts:
                ws.cell(code_cell.row, amount_col, amounts[code_cell.value])
    wb.save(path)
    t6 = derive.complete(read_workbook(path)).tables.t6
    assert t6.row("301").values["决算数"] == Decimal("150")
    assert t6.row("302").values["决算数"] == Decimal("7")
    assert t6.subtotals["人员经费合计"] == Decimal("150")


# --------------------------------------------------------------------------- bad cells


def _message(path: Path) -> str:
    with pytest.raises(InputError) as info:
        read_workbook(path)
    return str(info.value)


def test_formula_without_a_saved_result_is_named(filled):
    wb = openpyxl.load_workbook(filled)
    wb[T3]["D7"] = "=1+2"  # openpyxl saves the formula without a result, as scripts do
    wb.save(filled)
    message = _message(filled)
    assert f"{T3}!D7" in message and "公式" in message and "计算结果" in message


def test_formula_with_a_saved_result_reads_its_value(filled):
    wb = openpyxl.load_workbook(filled)
    wb[T3]["D7"] = "=1+2"
    wb.save(filled)
    patched = filled.with_name("saved.xlsx")
    with zipfile.ZipFile(filled) as src, zipfile.ZipFile(patched, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if b"<f>1+2</f>" in data:
                data = data.replace(b"<f>1+2</f><v></v>", b"<f>1+2</f>").replace(b"<f>1+2</f>", b"<f>1+2</f><v>3</v>")
            dst.writestr(item, data)
    assert read_workbook(patched).tables.t3.row("2010302").values["基本支出"] == Decimal("3")


def test_negative_amount_is_named(filled, tmp_path):
    wb = openpyxl.load_workbook(filled)
    wb[T3]["D7"] = -5
    wb.save(filled)
    message = _message(filled)
    assert f"{T3}!D7" in message and "负数" in message and "-5" in message
    source = _example_with(tmp_path, "年初结转和结余: 455200.00", "年初结转和结余: -455200.00")
    with pytest.raises(InputError, match="表.T1.年初结转和结余 金额为负数"):
        api.load(source)


def test_text_in_a_number_cell_is_named(filled):
    wb = openpyxl.load_workbook(filled)
    wb[T3]["D7"] = "八百"
    wb.save(filled)
    message = _message(filled)
    assert f"{T3}!D7" in message and "应填金额" in message and "八百" in message


def test_three_problems_three_messages(filled):
    messages = set()
    for value in ("=1+2", -5, "八百"):
        wb = openpyxl.load_workbook(filled)
        wb[T3]["D7"] = value
        path = filled.with_name(f"{len(messages)}.xlsx")
        wb.save(path)
        messages.add(_message(path).split("D7", 1)[1])
    assert len(messages) == 3


def test_damaged_workbook_message_has_no_library_words(tmp_path):
    path = tmp_path / "坏.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    message = _message(path)
    assert "工作簿已损坏" in message
    assert not re.search(r"BadZip|Error|Exception|zip", message.removeprefix(str(path))), message


def test_yaml_syntax_error_is_said_in_chinese(tmp_path):
    path = tmp_path / "决算数据.yaml"
    path.write_text("金额单位: 元\n单位: {名称: 某单位\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        api.load(path)
    message = str(info.value).removeprefix(str(path))
    assert "不是有效的 YAML" in message and not re.search(r"[A-Za-z]{3,}", message.replace("YAML", "")), message


# --------------------------------------------------------------------------- findings name cells and figures


def _planted(path: Path) -> None:
    """Seven mistakes a preparer makes: totals and parts that disagree across the sheets."""
    wb = openpyxl.load_workbook(path)
    wb[TABLE_TITLES["T1"]]["B17"] = 1800  # 收入总计
    wb[T3]["C6"] = 900  # a row's 本年支出合计
    t5 = wb[TABLE_TITLES["T5"]]
    t5["C5"], t5["D5"] = 880, 880  # differs from 公开03
    wb[TABLE_TITLES["T9"]]["B6"] = 99  # 三公 合计
    wb[TABLE_TITLES["T2"]]["D5"] = 1700  # the 合计 row
    wb[L.INDICATORS_SHEET]["E6"] = 25  # a weight
    t6 = wb[TABLE_TITLES["T6"]]
    for r in range(1, t6.max_row + 1):
        if t6.cell(r, 1).value == "人员经费合计":
            t6.cell(r, 3).value = 999
    wb.save(path)


def test_every_data_finding_names_a_cell_and_its_figures(filled, tmp_path, capsys):
    _planted(filled)
    findings = build(filled, tmp_path / "out", ["md"]).findings
    assert len(findings) >= 7
    for f in findings:
        assert f.figures, f.code
        assert f.spans and "!" in f.spans[0].cell, (f.code, f.message)
    assert main(["build", str(filled), "-o", str(tmp_path / "cli"), "-f", "md"]) == 1
    lines = capsys.readouterr().out.splitlines()
    reported = [i for i, line in enumerate(lines) if line.startswith("  [")]
    assert len(reported) == len(findings)
    for i in reported:
        assert re.search(r"（[^（）]+![A-Z]+\d+", lines[i]), lines[i]
        assert lines[i + 1].strip().startswith("数字："), lines[i]


def test_computed_total_points_at_the_cells_it_was_added_from(filled, tmp_path):
    wb = openpyxl.load_workbook(filled)
    wb[T3]["C6"] = 900  # the 2010301 row's total: its 类 and 款 totals are computed from it
    wb.save(filled)
    findings = [f for f in build(filled, tmp_path / "out", ["md"]).findings if f.code == "T3-ROW-SUM"]
    cells = {f.spans[0].cell for f in findings}
    assert f"{T3}!C6" in cells  # the stated one
    assert any(re.fullmatch(rf"{T3}!C6:C\d+", c) for c in cells)  # the ones added up from C6 and below


def test_yaml_findings_name_key_paths(tmp_path):
    source = _example_with(tmp_path, "      2010301: [8813812.34, 8813812.34, 0]",
                           "      2010301: [8900000.00, 8813812.34, 0]")  # the row's 合计 off
    findings = build(source, tmp_path / "out", ["md"]).findings
    assert {f.code for f in findings} >= {"T5-ROW-SUM", "X-T3-T5"}
    assert all(f.spans and f.spans[0].cell.startswith(("表.", "绩效")) for f in findings), findings


# --------------------------------------------------------------------------- room for more rows


@pytest.mark.parametrize("key", ["T2", "T3", "T5", "T6", "T7", "T8"])
def test_template_says_how_to_add_rows_and_leaves_room(tmp_path, key):
    path = tmp_path / "blank.xlsx"
    write_workbook(path)
    ws = openpyxl.load_workbook(path)[TABLE_TITLES[key]]
    assert "行不够" in ws["A2"].value and "插入" in ws["A2"].value
    note = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == L.NOTE_LABEL)
    blank = [r for r in range(6, note) if all(ws.cell(r, c).value is None for c in range(1, ws.max_column + 1))]
    assert len(blank) >= L.SPARE_ROWS
    r = blank[0]
    assert ws.cell(r, 1).border.left.style == "thin" and ws.cell(r, 1).number_format == "@"


def test_rows_typed_into_the_spare_rows_are_read(filled):
    wb = openpyxl.load_workbook(filled)
    ws = wb[T3]
    note = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == L.NOTE_LABEL)
    spare = next(r for r in range(6, note) if ws.cell(r, 1).value is None and ws.cell(r, 2).value is None)
    ws.cell(spare, 1, "2130101")
    ws.cell(spare, 5, 12.5)
    wb.save(filled)
    assert read_workbook(filled).tables.t3.row("2130101").values["项目支出"] == Decimal("12.5")
