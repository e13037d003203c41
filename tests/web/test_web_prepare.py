"""The preparer's way through a real server: template, workbook upload, findings by sheet and
cell, a missing 主要原因 typed into the page and kept in the store, the build and its files."""

from __future__ import annotations

import io
import re

from docx import Document as Docx
from openpyxl import load_workbook

from webserver import MISSING_KEY, UNIT


def _upload(c, path, name=None):
    r = c.post("/unit/upload", data={"csrf": c.csrf}, files=[("files", (name or path.name, path.read_bytes(), "application/octet-stream"))])
    assert r.status_code == 303, r.text
    return {j["file"]: j for j in c.wait_batch(r.headers["location"])}


def _docx_text(content: bytes) -> str:
    d = Docx(io.BytesIO(content))
    return "\n".join(p.text for p in d.paragraphs)


def test_template_upload_reason_build_and_download(server, example_workbook):
    c = server.client("prep")
    blank = c.get("/unit/template?year=2025")
    assert blank.status_code == 200 and "attachment" in blank.headers["content-disposition"]
    assert "单位概况" in load_workbook(io.BytesIO(blank.content), read_only=True).sheetnames
    assert c.get("/unit/template?year=abc").status_code == 400

    jobs = _upload(c, example_workbook)
    [job] = jobs.values()
    assert job["status"] == "done", job
    doc = job["document"]
    page = c.get(f"/doc/{doc}").text
    assert f'name="key" value="{MISSING_KEY}"' in page
    assert re.search(r"位置：工作表“[^”]+” [A-Z]+\d+单元格", page), "findings are shown with their sheet and cell"

    reason = "年中追加的会议经费未全部支出，按规定结转下年使用"
    r = c.post(f"/doc/{doc}/reason", data={"csrf": c.csrf, "key": MISSING_KEY, "text": reason})
    assert r.status_code == 303
    page = c.get(f"/doc/{doc}").text
    assert "主要原因都已说明" in page and reason in page

    r = c.post(f"/doc/{doc}/build", data={"csrf": c.csrf})
    assert r.status_code == 303
    page = c.get(r.headers["location"]).text
    for name in ("公开说明.docx", "公开说明.html", "决算公开表.xlsx"):
        assert f"/doc/{doc}/files/{name}" in page
    built = c.get(f"/doc/{doc}/files/公开说明.docx")
    assert built.status_code == 200 and reason in _docx_text(built.content)
    assert c.get(f"/doc/{doc}/files/..%2F..%2Fstore.db").status_code == 404
    # the uploaded workbook itself was not changed: its stored copy still lacks the reason
    unit_page = c.get("/unit", follow_redirects=True).text
    assert UNIT in unit_page and "第1版" in unit_page


def test_a_new_version_and_next_years_template_prefilled_from_the_store(server, example_workbook, tmp_path):
    c = server.client("prep")
    _upload(c, example_workbook)
    changed = tmp_path / "决算数据-更正.xlsx"
    wb = load_workbook(example_workbook)
    ws = wb["说明与原因"]
    ws.cell(ws.max_row + 1, 1, "文字")
    ws.cell(ws.max_row, 2, "其他事项")
    ws.cell(ws.max_row, 4, "更正后重新报送。")
    wb.save(changed)
    [job] = _upload(c, changed).values()
    assert job["status"] == "done", job
    page = c.get("/unit", follow_redirects=True).text
    assert "第1版" in page and "第2版" in page
    prefilled = c.get("/unit/template?year=2025")
    sheet = load_workbook(io.BytesIO(prefilled.content))["单位概况"]
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row if cell]
    assert UNIT in values


def test_a_workbook_of_another_unit_or_a_published_pdf_is_refused_with_its_line(server, example_workbook, tmp_path):
    c = server.client("other")  # the preparer of 上海市普陀区财政局
    [job] = _upload(c, example_workbook).values()
    assert job["status"] == "failed" and "不是您的单位" in job["message"]
    pdf = tmp_path / "公开.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    [job] = _upload(server.client("prep"), pdf).values()
    assert job["status"] == "failed" and job["message"].startswith("公开.pdf：")
