"""Each writer on a small hand-made Document (independent of the data readers and the phrasebook)."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from docx import Document as open_docx
from docx.oxml.ns import qn
from openpyxl import load_workbook

from juesuan.compose import WRITERS
from juesuan.core.document import Cell, Chart, Document, Grid, Heading, Paragraph
from juesuan.io.writers import charts, md, pdf
from juesuan.io.writers.matrix import text_matrix

D = Decimal


def _num(v: str) -> Cell:
    value = D(v)
    return Cell(text=f"{value:,.2f}", value=value, align="right")


def _grid(key: str = "T9", landscape: bool = True) -> Grid:
    """A 三公-like grid: a header cell spanning two columns and two rows, then 预算数/决算数 pairs."""
    header = (
        (Cell("合计", colspan=2, rowspan=2, bold=True), Cell("公务用车购置及运行维护费", colspan=4, bold=True)),
        (Cell("公务用车购置费", colspan=2, bold=True), Cell("公务用车运行维护费", colspan=2, bold=True)),
        tuple(Cell(t, bold=True) for t in ("预算数", "决算数") * 3),
    )
    body = ((_num("77.2149"), _num("1787.23"), _num("0"), _num("0"), _num("74.75"), _num("74.75")),)
    return Grid(key=key, title="财政拨款“三公”经费支出决算表", header=header, body=body,
                note="说明：本表金额单位为万元。", code="公开09表", landscape=landscape)


def _coded() -> Grid:
    header = ((Cell("科目编码", bold=True), Cell("科目名称", bold=True), Cell("合计", bold=True)),)
    body = (
        (Cell("合计", colspan=2, bold=True, align="center"), _num("1693.16")),
        (Cell("2010301"), Cell("行政运行"), _num("881.38")),
    )
    return Grid(key="T5", title="一般公共预算财政拨款支出决算表", header=header, body=body, code="公开05表")


@pytest.fixture(scope="module")
def doc() -> Document:
    tables = (_coded(), _grid())
    blocks = (
        Heading(1, "第二部分 部门决算情况说明"),
        Heading(2, "一、收入支出决算总体情况说明"),
        Paragraph("2024年度收入总计1,787.23万元，财政拨款收入占97.21%，预决算差异率-3.43%。"),
        Paragraph("主要原因是：【请填写】", placeholder=True),
        Heading(3, "（一）一般公共预算财政拨款支出决算总体情况"),
        Chart("收入结构", "本年收入结构", "pie", ("财政拨款收入", "其他收入"), (D("1693.16"), D("48.55"))),
        Heading(1, "第四部分 部门决算报表"),
        *tables,
    )
    return Document(title="某单位2024年度部门决算", subtitle="公开说明", blocks=blocks, tables=tables)


@pytest.fixture(scope="module")
def out(tmp_path_factory, doc) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("writers")
    return {fmt: WRITERS[fmt](doc, folder / f"doc.{fmt}") for fmt in ("docx", "html", "md", "xlsx")}


def test_writers_mapping_is_complete():
    assert set(WRITERS) == {"docx", "html", "md", "xlsx", "pdf"}


# --------------------------------------------------------------------------- docx

def test_docx_headings_use_word_heading_styles(out):
    word = open_docx(str(out["docx"]))
    headings = [(p.style.name, p.text) for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:3] == [
        ("Heading 1", "第二部分 部门决算情况说明"),
        ("Heading 2", "一、收入支出决算总体情况说明"),
        ("Heading 3", "（一）一般公共预算财政拨款支出决算总体情况"),
    ]
    titles = [p.text for p in word.paragraphs if p.style.name == "Title"]
    assert titles == ["某单位\n2024年度部门决算"]  # unit name and year on lines of their own


def test_docx_body_font_is_cjk(out):
    word = open_docx(str(out["docx"]))
    fonts = word.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "宋体"


def test_docx_tables_cells_merges_and_numbers(out):
    word = open_docx(str(out["docx"]))
    assert len(word.tables) == 2
    t9 = word.tables[1]
    assert len(t9.rows) == 4 and len(t9.columns) == 6
    # the 合计 header spans two columns and two rows: the same cell everywhere it covers
    assert t9.cell(0, 0)._tc is t9.cell(1, 1)._tc
    assert t9.cell(0, 2)._tc is t9.cell(0, 5)._tc and t9.cell(0, 2).text == "公务用车购置及运行维护费"
    assert [t9.cell(2, c).text for c in range(6)] == ["预算数", "决算数"] * 3
    number = t9.cell(3, 1).paragraphs[0]
    assert number.text == "1,787.23" and number.alignment == 2  # right
    assert word.sections[-1].orientation == 1  # the wide table sits in a landscape section


def test_docx_has_picture_for_chart(out):
    word = open_docx(str(out["docx"]))
    assert len(word.inline_shapes) == 1


# --------------------------------------------------------------------------- xlsx

def test_xlsx_sheets_numbers_and_merges(out):
    wb = load_workbook(str(out["xlsx"]))
    assert wb.sheetnames == ["一般公共预算财政拨款支出决算表", "财政拨款“三公”经费支出决算表"]
    ws = wb["财政拨款“三公”经费支出决算表"]
    assert ws["A1"].value == "财政拨款“三公”经费支出决算表" and ws["A2"].value == "公开09表"
    assert ws["F2"].value == "单位：万元"
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A1:F1", "A3:B4", "C3:F3", "C4:D4"} <= merged
    cell = ws["B6"]
    assert isinstance(cell.value, (int, float)) and cell.value == pytest.approx(1787.23)
    assert cell.number_format == "#,##0.00"
    assert ws["A6"].value == pytest.approx(77.2149)  # full precision, shown with 2 decimals
    assert ws["A8"].value == "说明：本表金额单位为万元。"
    t5 = wb["一般公共预算财政拨款支出决算表"]
    assert t5["A5"].value == "2010301" and isinstance(t5["C5"].value, (int, float))


# --------------------------------------------------------------------------- html

def test_html_structure(out):
    soup = BeautifulSoup(out["html"].read_text(encoding="utf-8"), "html.parser")
    assert soup.html["lang"] == "zh-CN"
    assert soup.h1.text == "某单位2024年度部门决算"
    assert [h.text for h in soup.find_all("h2")] == ["第二部分 部门决算情况说明", "第四部分 部门决算报表"]
    assert soup.find("h3").text == "一、收入支出决算总体情况说明"
    tables = soup.find_all("table")
    assert len(tables) == 2
    t9 = tables[1]
    first = t9.thead.find("th")
    assert first.text == "合计" and first["colspan"] == "2" and first["rowspan"] == "2"
    cells = t9.tbody.find_all("td")
    assert cells[1].text == "1,787.23" and "num" in cells[1]["class"] and cells[1]["data-value"] == "1787.23"
    assert soup.find("img")["src"].startswith("data:image/png;base64,")
    assert soup.find("mark").text == "主要原因是：【请填写】"
    assert "@media print" in soup.style.text


# --------------------------------------------------------------------------- md

def test_md_pipe_tables_with_flattened_headers(out):
    text = out["md"].read_text(encoding="utf-8")
    assert text.startswith("# 某单位2024年度部门决算\n")
    assert "## 第二部分 部门决算情况说明" in text and "### 一、收入支出决算总体情况说明" in text
    lines = text.splitlines()
    head = next(line for line in lines if line.startswith("| 合计/"))
    assert head == ("| 合计/预算数 | 合计/决算数 | 公务用车购置及运行维护费/公务用车购置费/预算数 | "
                    "公务用车购置及运行维护费/公务用车购置费/决算数 | 公务用车购置及运行维护费/公务用车运行维护费/预算数 | "
                    "公务用车购置及运行维护费/公务用车运行维护费/决算数 |")
    assert "| 77.21 | 1,787.23 | 0.00 | 0.00 | 74.75 | 74.75 |" in lines
    assert "| 财政拨款收入 | 1,693.16 | 97.21% |" in lines  # the chart given as figures


def test_md_escapes_pipes():
    grid = Grid(key="X", title="t", header=((Cell("a|b"),),), body=((Cell("c"),),))
    assert "| a\\|b |" in md.grid_lines(grid)


def test_text_matrix_places_spans():
    m = text_matrix(_grid())
    assert m[0] == ["合计", "", "公务用车购置及运行维护费", "", "", ""]
    assert m[1] == ["", "", "公务用车购置费", "", "公务用车运行维护费", ""]


def test_chart_png_is_png():
    data = charts.png(Chart("x", "同比", "bar", ("一般公共服务支出",), (D("1348.43"),), prior=(D("1400"),)))
    assert data[:8] == b"\x89PNG\r\n\x1a\n"


def test_pdf_without_libreoffice_says_so(monkeypatch, doc, tmp_path):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(pdf.PdfUnavailable, match="LibreOffice"):
        pdf.write(doc, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
