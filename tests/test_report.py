"""io.writers.report: groups ordered by their most severe finding, the 要点 list, locations a
reviewer can look up (page and line in a PDF, the cell in a workbook), info folded away in HTML,
and the JSON shape left as it was."""

import json
import re

import pytest

from shared import SHARED, needs_shared, shared

from juesuan.audit import DocumentResult
from juesuan.core.findings import Finding, Severity
from juesuan.core.model import Span
from juesuan.io.writers import report
from juesuan.rules.checks.base import Outcome, Report

CORPUS_PDF = SHARED / "corpus" / "shanghai-putuo-caizhengju-2024-juesuan.pdf"

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO


def _f(code, severity, section, line=None, page=None, cell="", message=None):
    span = Span(file="x.pdf", page=page, line=line, cell=cell, excerpt=f"原文{code}")
    return Finding(code, severity, message or f"{code}的说明", {"差额": "0.01"}, (span,), section)


FINDINGS = (
    _f("R1", I, "甲 表格", line=5),
    _f("W1", W, "甲 表格", line=9),
    _f("R2", I, "乙 说明", line=3),
    _f("E2", E, "丙 文字", line=40),
    _f("E1", E, "丙 文字", line=20),
    _f("W2", W, "乙 说明", line=1),
    _f("R3", I, "丁 只有提示", line=2),
)


def _result(findings=FINDINGS, path="x.pdf"):
    return DocumentResult(path=path, profile="shanghai-2024", report=Report((Outcome("c", "failed", "", tuple(findings)),)))


def test_groups_ordered_by_most_severe_then_severity_and_position():
    groups = report.ordered_groups(FINDINGS)
    assert [name for name, _ in groups] == ["丙 文字", "甲 表格", "乙 说明", "丁 只有提示"]
    assert [[f.code for f in items] for _, items in groups] == [["E1", "E2"], ["W1", "R1"], ["W2", "R2"], ["R3"]]


def test_key_points_are_errors_then_warnings():
    assert [f.code for f in report.key_points(FINDINGS)] == ["E1", "E2", "W1", "W2"]
    assert report.key_points([f for f in FINDINGS if f.severity is I]) == []


def test_text_report_has_key_points_before_groups():
    text = report.text_document(_result())
    lines = text.splitlines()
    head = lines.index("  要点：")
    first_group = next(i for i, line in enumerate(lines) if line.startswith("  【"))
    points = lines[head + 1: first_group]
    assert [re.search(r"\] (\S+)", p).group(1) for p in points] == ["E1", "E2", "W1", "W2"]
    assert points[0].startswith("    1. [错误] E1") and points[0].endswith("（第20行）")
    assert [line for line in lines if line.startswith("  【")] == ["  【丙 文字】", "  【甲 表格】", "  【乙 说明】", "  【丁 只有提示】"]


def test_text_report_without_errors_says_so():
    text = report.text_document(_result([f for f in FINDINGS if f.severity is I]))
    assert "要点：无错误、警告" in text


def test_short_cuts_long_messages():
    assert report.short("甲" * 100).endswith("…") and len(report.short("甲" * 100)) == 72
    assert report.short("很短的说明") == "很短的说明"


@pytest.mark.parametrize("span, expected", [
    (Span(page=5, line=12), "第5页 第12行"),
    (Span(line=42), "第42行"),
    (Span(cell="收入决算表!C11"), "工作表“收入决算表” C11单元格"),
    (Span(page=8, cell="收入决算表!合计/本年收入合计"), "第8页 收入决算表“合计”行“本年收入合计”栏"),
    (Span(cell="tables.t1.income.其他收入"), "tables.t1.income.其他收入"),
    (Span(), ""),
])
def test_where(span, expected):
    assert report.where(span) == expected


def test_text_location_line_gives_page_or_cell():
    pdf = _f("E9", E, "说明", line=78, page=21)
    xlsx = _f("E8", E, "表", cell="支出决算表!C11")
    text = report.text_document(_result([pdf, xlsx]))
    assert "位置：第21页 第78行" in text and "位置：工作表“支出决算表” C11单元格" in text


def test_html_key_points_link_to_findings_and_info_is_folded():
    page = report.html_document(_result())
    keypoints = page[page.index("<div class=\"keypoints\">"): page.index("</div>", page.index("<div class=\"keypoints\">"))]
    links = re.findall(r'href="#([^"]+)"', keypoints)
    assert len(links) == 4 and all(f'id="{a}"' in page for a in links)
    assert re.findall(r'<span class="code">(\w+)</span>', keypoints) == ["E1", "E2", "W1", "W2"]
    details = page[page.index("<details class=\"info-findings\">"):]
    details = details[: details.index("</details>")]
    assert "提示 3 项" in details and "多为四舍五入差异" not in details  # R1-R3 are not rounding codes
    assert sorted(re.findall(r'<span class="code">(\w+)</span>', details)) == ["R1", "R2", "R3"]
    main = page[: page.index("<details class=\"info-findings\">")]
    assert "class=\"finding info\"" not in main and "<h3>丁 只有提示</h3>" not in main
    assert main.index("<h3>丙 文字</h3>") < main.index("<h3>甲 表格</h3>") < main.index("<h3>乙 说明</h3>")


def test_html_rounding_summary():
    rounding = [_f("ROUNDING", I, "甲", line=n) for n in range(3)] + [_f("P-ROUNDING", I, "乙", line=9), _f("X", I, "乙", line=10)]
    page = report.html_document(_result(rounding))
    assert "<summary>提示 5 项（多为四舍五入差异）</summary>" in page
    assert "<ol>" not in page and "无错误、警告" in page


def test_json_shape_unchanged_by_ordering():
    doc = report.document_dict(_result())
    assert [f["rule"] for f in doc["findings"]] == [f.code for f in FINDINGS]  # JSON keeps the checks' order
    assert set(doc["findings"][0]) == {"rule", "severity", "message", "location", "figures"}
    assert doc["findings"][0]["location"] == {"file": "x.pdf", "line": 5, "excerpt": "原文R1", "section": "甲 表格"}
    json.dumps(doc, ensure_ascii=False)


@needs_shared
def test_corpus_pdf_report_names_figures_and_pages():
    shared("corpus", CORPUS_PDF.name)
    from juesuan.audit import check_path

    result = check_path(str(CORPUS_PDF))
    text = report.text_document(result)
    assert not re.search(r"(类|项)\.\d", text)  # no internal figure keys
    share = next(f for f in result.report.findings if f.code == "N-SHARE")
    assert "一般公共服务支出（201）" in share.message and share.figures["重算占比"] == "71.65%"
    points = text[text.index("要点："): text.index("【")]
    assert "N-FISCAL" in points and "（第21页 第78行）" in points
    assert points.index("[错误]") < points.index("[警告]")
