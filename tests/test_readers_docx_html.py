"""Word and HTML readers: document order, merged cells, site chrome, encodings, bad files."""

from __future__ import annotations

from decimal import Decimal

import pytest

from shared import PDF_WRAPPED_LINES

from juesuan.core.findings import InputError
from juesuan.io.readers import read_document
from juesuan.io.readers.docx import extract as extract_docx
from juesuan.io.readers.html import extract as extract_html

INDICATOR_HEADER = ("一级指标", "二级指标", "三级指标", "权重", "目标值", "业绩值", "完成率", "指标得分", "赋分规则")
INDICATORS = (
    ("产出指标", "数量指标", "服务援疆干部人次", "10", "=1人", "=1人", "100%", "10", "按照完成比例赋分"),
    ("", "", "购置办公耗材", "10", "=1次", "=1次", "100%", "10", "按照完成比例赋分"),
    ("", "质量指标", "制发文件合格率（%）", "5", "=95%", "=100%", "105.16%", "4.74", "按照完成比例赋分"),
    ("效益指标", "社会效益指标", "提高援疆干部幸福感", "30", "提高", "达到预期指标", "100%", "30", "按评判等级赋分"),
)


def _make_docx(path):
    import docx

    document = docx.Document()
    document.add_paragraph("某县人民政府办公室2024年度部门决算")
    document.add_heading("第二部分 部门决算情况说明", level=1)
    document.add_heading("一、收入支出决算总体情况说明", level=2)
    document.add_paragraph("2024年度收入总计1,787.23万元。")
    document.add_paragraph("项目支出绩效自评表")
    n_cols = len(INDICATOR_HEADER)
    table = document.add_table(rows=3 + len(INDICATORS), cols=n_cols)
    # row 0: 项目名称 | value merged across the rest
    table.cell(0, 0).text = "项目名称"
    merged = table.cell(0, 1).merge(table.cell(0, n_cols - 1))
    merged.text = "援疆工作经费"
    for c, text in enumerate(INDICATOR_HEADER):
        table.cell(1, c).text = text
    for r, values in enumerate(INDICATORS, start=2):
        for c, text in enumerate(values):
            if text:
                table.cell(r, c).text = text
    # 一级指标 "产出指标" merged down over rows 2..4, 二级 "数量指标" over rows 2..3
    table.cell(2, 0).merge(table.cell(4, 0))
    table.cell(2, 1).merge(table.cell(3, 1))
    last = 2 + len(INDICATORS)
    table.cell(last, 0).text = "总分"
    table.cell(last, 1).text = "100"
    table.cell(last, 7).text = "78.07分"
    document.add_heading("第四部分 部门决算报表（见附表）", level=1)
    document.add_paragraph("一、《收入支出决算总表》")
    document.save(str(path))


def test_docx_order_and_merged_cells(tmp_path):
    path = tmp_path / "报告.docx"
    _make_docx(path)
    ex = extract_docx(path)
    texts = [t for t, _ in ex.lines]
    assert texts == [
        "某县人民政府办公室2024年度部门决算",
        "第二部分 部门决算情况说明",
        "一、收入支出决算总体情况说明",
        "2024年度收入总计1,787.23万元。",
        "项目支出绩效自评表",
        "第四部分 部门决算报表（见附表）",
        "一、《收入支出决算总表》",
    ]
    (grid,) = ex.grids
    assert grid.title == "项目支出绩效自评表"
    # a horizontal merge keeps the text once, on the column grid
    assert grid.rows[0] == ("项目名称", "援疆工作经费") + ("",) * (len(INDICATOR_HEADER) - 2)
    # a vertical merge leaves the covered cells blank
    assert grid.rows[3][0] == "" and grid.rows[4][0] == "" and grid.rows[3][1] == ""
    assert grid.rows[4][1] == "质量指标"
    assert grid.spans[4][2].cell == "表格1!C5"


def test_docx_reads_into_disclosure(tmp_path):
    path = tmp_path / "报告.docx"
    _make_docx(path)
    d = read_document(path)
    assert d.unit.name == "某县人民政府办公室" and d.unit.year == 2024
    assert d.tables.attached is True
    assert [s.key for s in d.narrative.sections if s.key != "0"] == ["2", "2.1", "4"]
    (ev,) = d.evaluations
    assert ev.kind == "项目" and ev.name == "援疆工作经费" and ev.total == Decimal("78.07")
    assert [(i.level1, i.level2) for i in ev.indicators] == [
        ("产出指标", "数量指标"), ("产出指标", "数量指标"), ("产出指标", "质量指标"), ("效益指标", "社会效益指标")]
    doc = ev.indicators[2]
    assert (doc.rate, doc.score, doc.target) == (Decimal("105.16"), Decimal("4.74"), "=95%")


def test_corrupt_docx(tmp_path):
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"this is not a zip file at all")
    with pytest.raises(InputError) as err:
        read_document(bad)
    assert "坏.docx" in str(err.value) and "zip" in str(err.value)
    with pytest.raises(InputError):
        extract_docx(bad)
    import zipfile

    nodoc = tmp_path / "空包.docx"
    with zipfile.ZipFile(nodoc, "w") as z:
        z.writestr("hello.txt", "x")
    with pytest.raises(InputError) as err:
        read_document(nodoc)
    assert "空包.docx" in str(err.value)


PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>站点标题</title>
<style>.x{{color:red}}</style><script>var a = "收入总计999万元";</script></head>
<body>
<div class="header"><a href="/">首页</a> 网站导航</div>
<nav><ul><li>政务公开</li><li>财政预决算</li></ul></nav>
<div class="breadcrumb">当前位置：首页 &gt; 信息公开</div>
<div class="article">
  <h1>某区財政局2024年度部门决算</h1>
  <h2>第二部分 部门决算情况说明</h2>
  <p>一、收入支出决算总体情况说明</p>
  <p>2024年度收入总计<span>1,787.23</span>万元。</p>
  <p>财政拨款“三公”经费支出决算表</p>
  <table border="1">
    <tr><th rowspan="2">项目</th><th colspan="2">金额</th></tr>
    <tr><th>预算数</th><th>决算数</th></tr>
    <tr><td>合计</td><td>77.21</td><td>77.21</td></tr>
    <tr><td>公务接待费</td><td></td><td>0.00</td></tr>
  </table>
  <p>【打印本页】 【关闭窗口】</p>
</div>
<footer>版权所有 某区人民政府 ICP备12345号</footer>
<div id="footer-links">联系我们 网站地图</div>
</body></html>
"""


def _check_page(ex):
    texts = [t for t, _ in ex.lines]
    assert texts == [
        "某区财政局2024年度部门决算",
        "第二部分 部门决算情况说明",
        "一、收入支出决算总体情况说明",
        "2024年度收入总计1,787.23万元。",
        "财政拨款“三公”经费支出决算表",
    ]
    (grid,) = ex.grids
    assert grid.title == "财政拨款“三公”经费支出决算表"
    assert grid.rows == (
        ("项目", "金额", ""),
        ("", "预算数", "决算数"),
        ("合计", "77.21", "77.21"),
        ("公务接待费", "", "0.00"),
    )


def test_html_page_without_chrome(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE.format(charset="utf-8"), encoding="utf-8")
    _check_page(extract_html(path))
    d = read_document(path)
    assert d.unit.name == "某区财政局" and d.unit.year == 2024
    assert "999" not in d.narrative.text and "首页" not in d.narrative.text


def test_html_gbk_page(tmp_path):
    path = tmp_path / "page.htm"
    path.write_bytes(PAGE.format(charset="gb2312").encode("gb18030"))
    _check_page(extract_html(path))


def test_html_layout_table_is_a_container(tmp_path):
    path = tmp_path / "layout.html"
    path.write_text(
        "<html><body><table><tr><td><p>某单位2024年度部门决算</p>"
        "<table><tr><td>项目</td><td>决算数</td></tr><tr><td>合计</td><td>1.00</td></tr></table>"
        "</td></tr></table></body></html>",
        encoding="utf-8",
    )
    ex = extract_html(path)
    assert [t for t, _ in ex.lines] == ["某单位2024年度部门决算"]
    assert [g.rows for g in ex.grids] == [(("项目", "决算数"), ("合计", "1.00"))]


def test_html_misdeclared_charset(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.format(charset="gb2312").encode("utf-8"))  # says gb2312, is UTF-8
    _check_page(extract_html(path))


def test_sniff_by_magic_bytes(tmp_path):
    from pathlib import Path

    from juesuan.io.readers import sniff

    assert sniff(Path("a.txt"), b"%PDF-1.7\n") == "pdf"
    assert sniff(Path("a.htm"), b"<html>") == "html"
    assert sniff(Path("a.xls"), b"<!DOCTYPE html><html><table>") == "html"
    assert sniff(Path("a.txt"), "正文".encode()) == "text"
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 8
    assert sniff(Path("a.xls"), ole) == "xlsx"
    assert sniff(Path("旧.doc"), ole) == "doc"  # converted by LibreOffice (tests/test_batches.py)
    assert sniff(Path("旧.doc"), b"{\\rtf1\\ansi") == "doc"
    with pytest.raises(InputError) as err:
        sniff(Path("旧.doc"), b"neither Word nor RTF")
    assert "旧.doc" in str(err.value)
    with pytest.raises(InputError):
        sniff(Path("a.pdf"), b"not a pdf")
    with pytest.raises(InputError):
        sniff(Path("a.docx"), b"plain text")
    path = tmp_path / "real.txt"
    _make_docx(path)  # a Word file with the wrong extension is read as Word
    assert sniff(path, path.read_bytes()[:16]) == "docx"


# A PDF's text pasted into a page or a Word document one printed line a paragraph.
PDF_LINES = ("梧州市某检测中心2020年度“三公”经费支出决算情况说明", *PDF_WRAPPED_LINES[:8])
JOINED = "".join(PDF_LINES[1:])


def test_a_pdfs_lines_pasted_as_web_paragraphs_are_joined_into_sentences(tmp_path):
    path = tmp_path / "page.html"
    body = "".join(f"<p>{line}</p>" for line in PDF_LINES)
    path.write_text(f"<html><head><meta charset='utf-8'></head><body><div class='article'>{body}</div></body></html>",
                    encoding="utf-8")
    assert [t for t, _ in extract_html(path).lines] == [PDF_LINES[0], JOINED]
    # lines a <br> breaks within one paragraph are joined the same way
    path.write_text("<html><body><p>" + "<br>".join(PDF_LINES[1:]) + "</p><p>下一段。</p></body></html>", encoding="utf-8")
    assert [t for t, _ in extract_html(path).lines] == [JOINED, "下一段。"]
    # two <br> in a row leave an empty line: a paragraph break, as between two blocks
    path.write_text("<html><body><div>部门职责<br><br>负责全镇经济社会发展<br><br>机构设置</div></body></html>",
                    encoding="utf-8")
    assert [t for t, _ in extract_html(path).lines] == ["部门职责", "负责全镇经济社会发展", "机构设置"]


def test_a_pdfs_lines_pasted_as_word_paragraphs_are_joined_into_sentences(tmp_path):
    import docx

    document = docx.Document()
    for line in PDF_LINES:
        document.add_paragraph(line)
    document.add_paragraph("下一段的开头")
    path = tmp_path / "note.docx"
    document.save(str(path))
    assert [t for t, _ in extract_docx(path).lines] == [PDF_LINES[0], JOINED, "下一段的开头"]


def test_a_table_title_glued_to_the_amount_before_it_is_put_apart_in_a_web_page(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><body><p>收入总计 47,483,458 支出总计 47,483,4582026年部门收入预算总表</p>"
                    "<p>编制部门：某局 单位：元</p></body></html>", encoding="utf-8")
    assert [t for t, _ in extract_html(path).lines][:2] == ["收入总计 47,483,458 支出总计 47,483,458",
                                                            "2026年部门收入预算总表"]


def test_line_breaks_inside_a_word_paragraph_are_joined_as_wrapped_lines(tmp_path):
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    paragraph = document.add_paragraph()
    for k, line in enumerate(PDF_LINES[1:]):
        run = paragraph.add_run(line)
        if k < len(PDF_LINES) - 2:
            run.add_break(WD_BREAK.LINE)
    path = tmp_path / "note.docx"
    document.save(str(path))
    assert [t for t, _ in extract_docx(path).lines] == [JOINED]  # no space where a line broke
