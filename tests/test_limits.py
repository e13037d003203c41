"""Limits by design (io/limits.py): every hostile input gets one line naming the file and the limit,
within the time and memory the project promises (10 s, 500 MB), before a parser can run away."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

import hostile
from juesuan.apps.cli import main
from juesuan.core.findings import InputError
from juesuan.io import limits as L
from juesuan.io.limits import DEFAULTS, LimitExceeded, Limits, current
from juesuan.io.readers import read_document
from juesuan.io.readers.data import load
from juesuan.io.readers.html import extract_html

TIME_BOUND_S = 10
MEMORY_BOUND_MB = 500


def _one_line(message: str, path: Path, limit: str) -> None:
    assert "\n" not in message
    assert message.startswith(str(path) if "/" in message.split("：")[0] else path.name)
    assert f"（limits.{limit}）" in message


def _refused(reader, path: Path, limit: str) -> str:
    with pytest.raises(LimitExceeded) as info:
        reader(path)
    assert info.value.limit == limit
    _one_line(str(info.value), path, limit)
    return str(info.value)


def _in_fresh_process(path: Path, kind: str = "document") -> dict:
    """Read ``path`` in a new interpreter under a 2 GiB address-space ceiling."""
    result = hostile.read_in_fresh_process(path, kind, address_space=2 * 1024**3)
    result["message"] = result.pop("answer")
    return result


def _within_bounds(result: dict) -> None:
    assert result["seconds"] < TIME_BOUND_S
    assert result["rss_mb"] < MEMORY_BOUND_MB


# --------------------------------------------------------------------------- the settings

def test_every_limit_is_named_documented_and_positive():
    names = [f for f in Limits.__dataclass_fields__]
    assert names == list(L._LABELS)
    source = Path(L.__file__).read_text(encoding="utf-8")
    for name in names:
        assert getattr(DEFAULTS, name) > 0
        assert "#: " in source.split(f"    {name}:")[0].rsplit("\n", 2)[-2], name


def test_environment_overrides_a_limit_and_rejects_nonsense():
    assert current({"JUESUAN_LIMIT_PDF_PAGES": "20"}).pdf_pages == 20
    assert current({}).pdf_pages == DEFAULTS.pdf_pages
    with pytest.raises(InputError, match="JUESUAN_LIMIT_PDF_PAGES"):
        current({"JUESUAN_LIMIT_PDF_PAGES": "many"})
    with pytest.raises(InputError, match="JUESUAN_LIMIT_SHEET_ROWS"):
        current({"JUESUAN_LIMIT_SHEET_ROWS": "0"})


def test_message_names_the_size_in_words():
    exc = LimitExceeded("a.docx", "zip_inflated_bytes", DEFAULTS)
    assert str(exc) == "a.docx：解压后大小超过上限 200 MB（limits.zip_inflated_bytes）"


# --------------------------------------------------------------------------- zip packages

def test_docx_inflating_to_2_gib_is_refused_fast_and_small(tmp_path):
    bomb = hostile.zip_bomb_docx(tmp_path)
    assert bomb.stat().st_size < 3 * 1024**2
    message = _refused(read_document, bomb, "zip_member_bytes")
    assert "word/document.xml" in message
    _within_bounds(_in_fresh_process(bomb))


def test_35_million_empty_paragraphs_answered_within_bounds(tmp_path):
    docx = hostile.many_paragraphs_docx(tmp_path)
    result = _in_fresh_process(docx)
    assert "（limits." in result["message"]
    _within_bounds(result)


def test_paragraphs_are_counted_while_streaming(tmp_path, monkeypatch):
    monkeypatch.setenv("JUESUAN_LIMIT_XML_ELEMENTS", "1000")
    _refused(read_document, hostile.many_paragraphs_docx(tmp_path, paragraphs=5000), "xml_elements")


def test_highly_compressed_member_is_refused_by_ratio(tmp_path):
    block = b"<w:p/>" * 10_000
    member = hostile.Member.repeated("word/document.xml", hostile._document_head(), block, 500, b"</w:body></w:document>")
    path = hostile._docx(tmp_path / "ratio.docx", member)  # 30 MB from about 0.1 MB
    _refused(read_document, path, "zip_ratio")


def test_members_together_over_the_total(tmp_path, monkeypatch):
    monkeypatch.setenv("JUESUAN_LIMIT_ZIP_INFLATED_BYTES", "100000")
    member = hostile.Member.plain("word/document.xml", hostile._document_head() + b"<w:p/>" * 20000 + b"</w:body></w:document>")
    _refused(read_document, hostile._docx(tmp_path / "total.docx", member), "zip_inflated_bytes")


def test_member_that_does_not_match_its_checksum(tmp_path):
    good = hostile.Member.plain("word/document.xml", hostile._document_head() + b"<w:p/></w:body></w:document>")
    bad = hostile.Member(good.name, good.deflated, good.size, good.crc ^ 0xFFFF)
    path = hostile._docx(tmp_path / "crc.docx", bad)
    with pytest.raises(InputError, match="已损坏"):
        read_document(path)


def test_xml_entities_are_never_expanded(tmp_path):
    path = hostile.entity_docx(tmp_path)
    with pytest.raises(InputError, match="文档类型声明") as info:
        read_document(path)
    assert str(info.value).startswith(str(path))


def test_deeply_nested_xml_is_refused(tmp_path):
    _refused(read_document, hostile.deep_xml_docx(tmp_path, depth=10_000), "xml_depth")


def test_batch_goes_on_after_a_bomb(tmp_path, capsys):
    bomb = hostile.zip_bomb_docx(tmp_path, inflated=300 * 1024**2)
    code = main(["check", "--no-progress", str(bomb), str(hostile.deep_html(tmp_path))])
    captured = capsys.readouterr()
    said = captured.out + captured.err
    assert code == 2
    assert "limits.zip_member_bytes" in said and "limits.html_depth" in said
    assert "Traceback" not in said


# --------------------------------------------------------------------------- HTML

def test_html_100000_deep_answered_well_under_10_s(tmp_path):
    page = hostile.deep_html(tmp_path)
    _refused(read_document, page, "html_depth")
    result = _in_fresh_process(page)
    assert result["seconds"] < 5
    assert result["rss_mb"] < MEMORY_BOUND_MB


def test_html_nested_within_the_bound_is_read_without_recursion():
    depth = DEFAULTS.html_depth - 10  # deeper than Python's recursion limit allowed the old walker
    page = "<html><body>" + "<div>" * depth + "收入总计100.00万元。" + "</div>" * depth + "</body></html>"
    lines = [text for text, _ in extract_html(page, "deep.html").lines]
    assert lines == ["收入总计100.00万元。"]


def test_nested_layout_tables_are_opened_cell_by_cell():
    inner = "<table><tr><td>收入</td><td>100.00</td></tr></table>"
    page = "<html><body><table><tr><td><p>某单位2024年度部门决算</p>" + inner + "</td></tr></table></body></html>"
    ex = extract_html(page, "layout.html")
    assert [t for t, _ in ex.lines] == ["某单位2024年度部门决算"]
    assert [g.rows for g in ex.grids] == [(("收入", "100.00"),)]


def test_nested_chrome_is_stripped():
    # nested navigation blocks, each judged once (the old reader rescanned every subtree)
    n = DEFAULTS.html_depth - 10
    page = "<html><body>" + '<div class="nav">' * n + "首页" + "</div>" * n + "<p>正文内容。</p></body></html>"
    assert [t for t, _ in extract_html(page, "nav.html").lines] == ["正文内容。"]


def test_html_element_count_bounded_before_parsing(tmp_path, monkeypatch):
    monkeypatch.setenv("JUESUAN_LIMIT_HTML_ELEMENTS", "100")
    page = tmp_path / "many.html"
    page.write_text("<html><body>" + "<p>字</p>" * 200 + "</body></html>", encoding="utf-8")
    _refused(read_document, page, "html_elements")


# --------------------------------------------------------------------------- PDF

def test_pdf_pages_counted_before_any_page_is_read(tmp_path):
    pdf = hostile.many_pages_pdf(tmp_path, pages=DEFAULTS.pdf_pages + 1)
    _refused(read_document, pdf, "pdf_pages")


def test_pdf_page_with_too_much_text(tmp_path):
    message = _refused(read_document, hostile.dense_page_pdf(tmp_path), "pdf_page_chars")
    assert "第1页" in message


# --------------------------------------------------------------------------- workbooks

def test_million_row_workbook_missing_a_sheet_is_answered_without_reading_it(tmp_path):
    book = hostile.million_rows_workbook(tmp_path)
    result = _in_fresh_process(book, "data")
    assert result["message"].startswith(str(book)) and "缺少工作表" in result["message"]
    assert result["seconds"] < TIME_BOUND_S  # reading the big sheet whole took 162 s


def test_published_workbook_sheet_over_the_row_bound(tmp_path):
    book = hostile.million_rows_workbook(tmp_path, rows=DEFAULTS.sheet_rows + 5, with_unit_sheet=False)
    message = _refused(read_document, book, "sheet_rows")
    assert "工作表“明细”" in message


def test_data_workbook_sheet_over_the_column_bound(tmp_path, monkeypatch):
    from juesuan.io.writers.template import write_workbook

    path = tmp_path / "决算数据.xlsx"
    write_workbook(path, None, year=2024)
    monkeypatch.setenv("JUESUAN_LIMIT_SHEET_COLUMNS", "2")
    _refused(load, path, "sheet_columns")


# --------------------------------------------------------------------------- text

def test_text_whose_line_breaks_were_lost(tmp_path):
    text = hostile.lost_breaks_text(tmp_path, size=DEFAULTS.text_bytes - 1000)
    message = _refused(read_document, text, "text_line_bytes")
    assert "丢失了换行" in message


def test_the_3_75_mb_text_without_line_breaks_is_answered_at_once(tmp_path):
    text = hostile.lost_breaks_text(tmp_path)  # took 261 s before
    with pytest.raises(LimitExceeded) as info:
        read_document(text)
    assert info.value.limit in ("text_bytes", "text_line_bytes")


def test_text_file_over_the_size_bound(tmp_path, monkeypatch):
    monkeypatch.setenv("JUESUAN_LIMIT_TEXT_BYTES", "1000")
    path = tmp_path / "big.txt"
    path.write_text("一、收入支出决算总体情况说明\n" * 100, encoding="utf-8")
    _refused(read_document, path, "text_bytes")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "gb18030"])
def test_long_lines_measured_in_any_encoding(tmp_path, monkeypatch, encoding):
    monkeypatch.setenv("JUESUAN_LIMIT_TEXT_LINE_BYTES", "300")
    path = tmp_path / "lines.txt"
    path.write_text("短行\n" * 50 + "长" * 200 + "\r\n短行\n", encoding=encoding)
    _refused(read_document, path, "text_line_bytes")
    path.write_text("短行\r\n" * 500, encoding=encoding)
    with pytest.raises(InputError) as info:  # short lines pass the check; the reader then says what it is
        read_document(path)
    assert not isinstance(info.value, LimitExceeded)


def test_check_package_passes_a_real_docx(tmp_path):
    import docx

    path = tmp_path / "ok.docx"
    document = docx.Document()
    document.add_paragraph("某单位2024年度部门决算")
    document.save(str(path))
    L.check_package(path, str(path))
    with zipfile.ZipFile(path) as archive:
        assert "word/document.xml" in archive.namelist()


def test_docs_page_lists_every_limit_with_its_default():
    page = (Path(__file__).resolve().parents[1] / "docs" / "limits.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(" `"): line for line in page.splitlines() if line.startswith("| `")}
    assert set(rows) == set(Limits.__dataclass_fields__)
    for name, row in rows.items():
        assert f"| {L.shown(name, getattr(DEFAULTS, name))} |" in row, name
        assert f"`JUESUAN_LIMIT_{name.upper()}`" in row, name


def test_legacy_xls_over_its_size_bound(tmp_path, monkeypatch):
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("收入支出决算总表")
    for r in range(200):
        sheet.write(r, 0, "收入")
        sheet.write(r, 1, r)
    path = tmp_path / "旧表.xls"
    book.save(str(path))
    monkeypatch.setenv("JUESUAN_LIMIT_XLS_BYTES", "1000")
    _refused(read_document, path, "xls_bytes")
