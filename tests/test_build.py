"""End to end: `juesuan build examples/changji-2024` writes every format with the seed's key figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from shared import tool

from juesuan.apps.cli import main

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "changji-2024"

TITLE = "公开说明"  # file stem of the narrative formats (compose.output_name)
KEY_FIGURES = ("1,787.23", "97.21%", "-3.43%")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from juesuan.compose import build

    out = tmp_path_factory.mktemp("build")
    result = build(EXAMPLE, out, formats=("docx", "html", "md", "xlsx"))
    return out, result


def _docx_text(path: Path) -> str:
    """The Word file's text as a reader sees it (the word joiners that keep a figure with its
    unit on one line dropped)."""
    from docx import Document

    word = Document(str(path))
    parts = [p.text for p in word.paragraphs]
    for table in word.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts).replace("\u2060", "")


def test_build_writes_each_format(built):
    out, result = built
    names = sorted(p.name for p in result.files)
    assert names == sorted([f"{TITLE}.docx", f"{TITLE}.html", f"{TITLE}.md", "决算公开表.xlsx"])
    assert all(p.parent == out and p.stat().st_size > 1000 for p in result.files)


def test_key_figures_in_docx_html_md(built):
    out, _ = built
    texts = {
        "docx": _docx_text(out / f"{TITLE}.docx"),
        "html": (out / f"{TITLE}.html").read_text(encoding="utf-8"),
        "md": (out / f"{TITLE}.md").read_text(encoding="utf-8"),
    }
    for fmt, text in texts.items():
        for figure in KEY_FIGURES:
            assert figure in text, (fmt, figure)
        assert "单位整体支出绩效自评表" in text and "财政拨款“三公”经费支出决算表" in text, fmt


def test_docx_has_nine_tables_and_performance_tables(built):
    from docx import Document

    out, _ = built
    word = Document(str(out / f"{TITLE}.docx"))
    assert len(word.tables) == 9 + 6  # nine tables, 1 整体 + 5 项目 自评表
    assert any(p.style.name == "Heading 1" and p.text.startswith("第一部分") for p in word.paragraphs)


def test_xlsx_holds_numbers(built):
    from openpyxl import load_workbook

    out, _ = built
    wb = load_workbook(str(out / "决算公开表.xlsx"))
    assert wb.sheetnames[:9] == [
        "收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表", "一般公共预算财政拨款支出决算表",
        "一般公共预算财政拨款基本支出决算表", "政府性基金预算财政拨款收入支出决算表",
        "国有资本经营预算财政拨款收入支出决算表", "财政拨款“三公”经费支出决算表",
    ]
    t1 = wb["收入支出决算总表"]
    totals = [c for row in t1.iter_rows() for c in row if c.value == "总计"]
    assert len(totals) == 2
    right = t1.cell(row=totals[1].row, column=totals[1].column + 1)
    assert isinstance(right.value, (int, float)) and round(right.value, 2) == 1787.23
    assert right.number_format == "#,##0.00"
    t9 = wb["财政拨款“三公”经费支出决算表"]
    numbers = [c.value for row in t9.iter_rows() for c in row if isinstance(c.value, (int, float))]
    assert [round(v, 2) for v in numbers[:2]] == [77.21, 77.21]


def test_empty_fund_tables_carry_statement(built):
    out, _ = built
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((out / f"{TITLE}.html").read_text(encoding="utf-8"), "html.parser")
    for key, fund in (("T7", "政府性基金"), ("T8", "国有资本经营")):
        figure = soup.find("figure", attrs={"data-key": key})
        note = figure.find("p", class_="note").text
        assert fund in note and ("空表" in note or "无数据" in note), key
        assert figure.find("tbody").find("td").text == "合计"  # the empty table keeps its form


def test_cli_build_prints_files_and_exits_0(tmp_path, capsys):
    code = main(["build", str(EXAMPLE), "-o", str(tmp_path), "--format", "md,xlsx"])
    captured = capsys.readouterr().out
    assert code == 0
    assert "决算公开表.xlsx" in captured and (tmp_path / "决算公开表.xlsx").is_file()
    assert (tmp_path / f"{TITLE}.md").is_file() and not (tmp_path / f"{TITLE}.docx").exists()


def test_cli_unreadable_input_exits_2(tmp_path, capsys):
    assert main(["build", str(tmp_path / "无此文件.yaml"), "-o", str(tmp_path)]) == 2
    assert "无此文件.yaml" in capsys.readouterr().err


def test_cli_corrupt_data_and_bad_outdir_exit_2(tmp_path, capsys):
    bad = tmp_path / "坏数据.yaml"
    bad.write_text("单位: [未闭合\n", encoding="utf-8")
    assert main(["build", str(bad), "-o", str(tmp_path / "out")]) == 2
    assert "坏数据.yaml" in capsys.readouterr().err
    blocker = tmp_path / "是文件"
    blocker.write_text("x", encoding="utf-8")
    assert main(["build", str(EXAMPLE), "-o", str(blocker), "--format", "md"]) == 2
    assert "是文件" in capsys.readouterr().err


def test_cli_unknown_format_exits_2(tmp_path, capsys):
    assert main(["build", str(EXAMPLE), "-o", str(tmp_path), "--format", "docx,odt"]) == 2
    assert "odt" in capsys.readouterr().err


def test_pdf_missing_libreoffice_is_named_and_the_rest_written(tmp_path, monkeypatch):
    from juesuan.compose import build
    from juesuan.io.writers import pdf

    monkeypatch.setattr(pdf, "soffice", lambda: None)
    result = build(EXAMPLE, tmp_path, formats=("md", "pdf"))
    assert [p.suffix for p in result.files] == [".md"]
    [missed] = result.not_written
    assert missed.format == "pdf" and missed.unavailable and "LibreOffice" in missed.message
    assert f"{TITLE}.pdf" in missed.message


def test_pdf_has_pages_with_title(tmp_path):
    tool("soffice", "libreoffice")
    import pdfplumber

    from juesuan.compose import build

    result = build(EXAMPLE, tmp_path, formats=("docx", "pdf"))
    pdf_path = tmp_path / f"{TITLE}.pdf"
    assert pdf_path in result.files
    with pdfplumber.open(str(pdf_path)) as doc:
        assert len(doc.pages) >= 10
        first = "".join((doc.pages[0].extract_text() or "").split())
        assert "昌吉回族自治州人民政府办公室" in first and "公开说明" in first
        text = "".join("".join((p.extract_text() or "").split()) for p in doc.pages)
    assert "1,787.23" in text and "收入支出决算总表" in text
