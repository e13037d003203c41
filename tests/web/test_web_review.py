"""The reviewer's way through a real server: upload, the queue, a document beside its page
images, a decision, the dashboard and its Excel export; and nobody sees another's documents."""

from __future__ import annotations

import io
import re

from shared import needs_shared, shared

pytestmark = needs_shared

PUTUO = "shanghai-putuo-caizhengju-2024-juesuan.pdf"


def _upload(c, *names, region="重庆"):
    files = [("files", (n, shared("corpus", n).read_bytes(), "application/pdf")) for n in names]
    r = c.post("/review/upload", data={"csrf": c.csrf, "region": region}, files=files)
    assert r.status_code == 303, r.text
    return r.headers["location"], {j["file"]: j for j in c.wait_batch(r.headers["location"])}


def _first_error(page: str) -> str:
    found = re.search(r'id="finding-(\d+)" data-code="([^"]+)"', page)
    assert found, "the document page shows no finding"
    return found.group(1)


def test_a_document_page_shows_findings_beside_the_page_with_the_figure_boxed(server):
    c = server.client("rev")
    _, jobs = _upload(c, PUTUO)
    doc = jobs[PUTUO]["document"]
    page = c.get(f"/doc/{doc}").text
    assert "上海市普陀区财政局" in page and 'class="sev error"' in page
    finding = _first_error(page)
    focused = c.get(f"/doc/{doc}?f={finding}").text
    number = int(re.search(r'/doc/\d+/page/(\d+)\.png', focused).group(1))
    assert 'id="highlight"' in focused
    left, top = (float(v) for v in re.search(r'id="highlight" style="left:([\d.]+)%;top:([\d.]+)%', focused).groups())
    assert 0 <= left < 100 and 0 <= top < 100
    image = c.get(f"/doc/{doc}/page/{number}.png")
    assert image.status_code == 200 and image.content.startswith(b"\x89PNG")
    assert c.get(f"/doc/{doc}/page/999.png").status_code == 404
    report = c.get(f"/doc/{doc}/report")
    assert report.status_code == 200 and "要点" in report.text and PUTUO in report.text


def test_the_same_file_twice_is_stored_once(server):
    c = server.client("rev")
    _, first = _upload(c, PUTUO)
    _, second = _upload(c, PUTUO)
    assert first[PUTUO]["document"] == second[PUTUO]["document"]
    assert second[PUTUO]["duplicate"] and not first[PUTUO]["duplicate"]


def test_a_false_alarm_is_kept_and_counted_apart_in_the_dashboard_and_its_export(server):
    from openpyxl import load_workbook

    c = server.client("rev")
    _, jobs = _upload(c, PUTUO)
    doc = jobs[PUTUO]["document"]
    before = c.get("/dashboard?year=2024&region=上海").text
    finding = _first_error(c.get(f"/doc/{doc}").text)
    r = c.post(f"/doc/{doc}/decide", data={"csrf": c.csrf, "finding": finding, "status": "false_alarm", "comment": "表中数字无误"})
    assert r.status_code == 303
    page = c.get(f"/doc/{doc}").text
    assert "已标记：<strong>误报</strong>（表中数字无误）" in page
    after = c.get("/dashboard?year=2024&region=上海").text
    row = re.search(r"上海市普陀区财政局</td>(.*?)</tr>", after, re.S).group(1)
    cells = re.findall(r'<td class="num[^"]*">([^<]*)</td>', row)
    old = re.findall(r'<td class="num[^"]*">([^<]*)</td>', re.search(r"上海市普陀区财政局</td>(.*?)</tr>", before, re.S).group(1))
    assert int(cells[3]) == 1 and int(old[3]) == 0  # 误报（不计入）
    assert int(cells[0]) == int(old[0]) - 1  # one error fewer
    bad = c.post(f"/doc/{doc}/decide", data={"csrf": c.csrf, "finding": finding, "status": "maybe"})
    assert bad.status_code == 400 and "无法识别" in bad.text
    export = c.get("/dashboard.xlsx?year=2024&region=上海")
    assert export.status_code == 200
    sheet = load_workbook(io.BytesIO(export.content))["单位"]
    header = [cell.value for cell in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[1] == "上海市普陀区财政局")
    assert row[header.index("误报（不计入）")] == 1


def test_filters_by_rule_and_severity(server):
    c = server.client("rev")
    _upload(c, PUTUO, "shanghai-putuo-shehuigongzuobu-2024-juesuan.pdf")
    page = c.get("/dashboard?year=2024&region=上海").text
    codes = re.findall(r'<option>([A-Z0-9-]+)</option>', page)
    assert codes
    rows = page.count("<tr><td class=\"num\">")
    assert rows == 2
    narrowed = c.get(f"/dashboard?year=2024&region=上海&rule={codes[-1]}").text
    assert 1 <= narrowed.count("<tr><td class=\"num\">") <= 2


def test_a_reviewer_or_preparer_cannot_open_what_is_not_theirs(server):
    c = server.client("rev")
    _, jobs = _upload(c, PUTUO)
    doc = jobs[PUTUO]["document"]
    unit = re.search(r'href="/units/(\d+)"', c.get(f"/doc/{doc}").text).group(1)
    prep = server.client("prep")  # a preparer of another unit
    for url in (f"/doc/{doc}", f"/doc/{doc}/page/1.png", f"/doc/{doc}/report", f"/units/{unit}"):
        assert prep.get(url).status_code == 403, url
    assert "这不是您的单位，无权查看" in prep.get(f"/units/{unit}").text
    own = server.client("other")  # the preparer of this unit sees it, but cannot decide
    assert own.get(f"/units/{unit}").status_code == 200 and own.get(f"/doc/{doc}").status_code == 200
    assert own.post(f"/doc/{doc}/decide", data={"csrf": own.csrf, "finding": "1", "status": "fixed"}).status_code == 403
    batch = c.get("/review").text
    location = re.search(r'href="(/jobs/[0-9a-f]+)"', batch).group(1)
    assert prep.get(location).status_code == 403
    assert prep.get("/doc/99999").status_code == 404


def test_a_zip_of_pdfs_is_opened_and_a_zip_with_a_traversal_path_refused_beside_it(server):
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("普陀/财政局.pdf", shared("corpus", PUTUO).read_bytes())
        z.writestr("普陀/说明.txt", "不是决算")
    evil = io.BytesIO()
    with zipfile.ZipFile(evil, "w") as z:
        z.writestr("../../逃出.pdf", b"%PDF-1.4\n%%EOF\n")
    c = server.client("rev")
    r = c.post("/review/upload", data={"csrf": c.csrf, "region": "上海"},
               files=[("files", ("批量.zip", buf.getvalue(), "application/zip")),
                      ("files", ("恶意.zip", evil.getvalue(), "application/zip"))])
    assert r.status_code == 303
    jobs = {j["file"]: j for j in c.wait_batch(r.headers["location"])}
    assert jobs["批量.zip/普陀/财政局.pdf"]["status"] == "done"
    assert jobs["批量.zip/普陀/说明.txt"]["status"] == "failed"
    assert jobs["恶意.zip"]["status"] == "failed" and "指向压缩包以外" in jobs["恶意.zip"]["message"]
    assert not list(server.folder.rglob("逃出.pdf"))


def test_an_administrator_sees_every_region(server):
    c = server.client("rev")
    _, jobs = _upload(c, PUTUO)
    admin = server.client("admin")
    assert admin.get(f"/doc/{jobs[PUTUO]['document']}").status_code == 200
    page = admin.get("/dashboard?year=2024").text
    assert "全部地区" in page and "上海市普陀区财政局" in page
