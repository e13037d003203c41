"""End to end in real Chromium (Playwright driving Debian's chromium, never a downloaded
browser): a preparer fixes a missing reason in the page and downloads the docx that states it;
a reviewer uploads the four 决算 PDFs and a corrupt file, marks a false alarm and sees it in the
dashboard; a preparer of one unit gets 403 on another unit's page.

With ``JUESUAN_SCREENSHOTS=DIR`` the main pages are saved there as PNG (docs/images is made so).
"""

from __future__ import annotations

import io
import os
import re
import time
from pathlib import Path

import pytest
from docx import Document as Docx
from playwright.sync_api import Error as PlaywrightError

from webserver import MISSING_KEY, PASSWORDS
from shared import needs_shared, shared, tool

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
FOUR = ("shanghai-putuo-caizhengju-2024-juesuan.pdf", "shanghai-putuo-guihuaziyuanju-2024-juesuan.pdf",
        "shanghai-putuo-shehuigongzuobu-2024-juesuan.pdf", "chongqing-xinandaxue-2023-juesuan.pdf")
SHOTS = os.environ.get("JUESUAN_SCREENSHOTS", "")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    executable = tool("chromium")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="zh-CN", accept_downloads=True)
    yield context.new_page()
    context.close()


def _shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=False)


def _sign_in(page, server, user: str) -> None:
    page.goto(server.base + "/login")
    if user == "rev":
        _shot(page, "login")
    page.fill("input[name=login]", user)
    page.fill("input[name=password]", PASSWORDS[user])
    page.click("button[type=submit]")
    page.wait_for_load_state()


def _wait_queue(page, n: int) -> None:
    """The queue page reloads itself every 2 s until every file is done or failed."""
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        try:
            if page.locator("tr.job-done, tr.job-failed").count() == n:
                page.wait_for_load_state()
                if page.locator("tr.job-done, tr.job-failed").count() == n:
                    return
        except PlaywrightError:  # the page was reloading
            pass
        time.sleep(0.5)
    pytest.fail("处理未在 240 秒内完成")


def test_preparer_fixes_a_missing_reason_in_the_page_and_downloads_the_docx(server, page, example_workbook):
    _sign_in(page, server, "prep")
    assert "/unit" in page.url
    _shot(page, "preparer-unit")
    page.set_input_files("form[action='/unit/upload'] input[type=file]", str(example_workbook))
    page.click("form[action='/unit/upload'] button")
    _wait_queue(page, 1)
    page.click("text=查看审核结果")
    form = page.locator("form.reason-form", has=page.locator(f"input[name=key][value='{MISSING_KEY}']"))
    reason = "年中追加的会议经费未全部支出，按规定结转下年使用"
    form.locator("input[name=text]").fill(reason)
    _shot(page, "preparer-document")
    form.locator("button").click()
    page.wait_for_load_state()
    assert page.locator("text=主要原因都已说明").count() == 1
    page.click("text=按最新数据和原因生成")
    page.wait_for_selector("a[href$='公开说明.docx']", timeout=180_000)
    _shot(page, "preparer-built")
    with page.expect_download() as info:
        page.click("a[href$='公开说明.docx']")
    path = info.value.path()
    text = "\n".join(p.text for p in Docx(io.BytesIO(Path(path).read_bytes())).paragraphs)
    assert reason in text


@needs_shared
def test_reviewer_uploads_four_pdfs_and_a_corrupt_file_marks_a_false_alarm_and_sees_it(server, page, tmp_path):
    corrupt = tmp_path / "损坏的决算.pdf"
    corrupt.write_bytes(b"%PDF-1.5\n" + os.urandom(4096))
    _sign_in(page, server, "rev")
    assert "/review" in page.url
    page.select_option("select[name=region]", "重庆")
    page.set_input_files("input[type=file]", [str(shared("corpus", n)) for n in FOUR] + [str(corrupt)])
    _shot(page, "reviewer-upload")
    page.click("form[action='/review/upload'] button")
    _wait_queue(page, 5)
    _shot(page, "reviewer-queue")
    assert page.locator("tr.job-done").count() == 4
    errors = page.locator(".error-line").all_inner_texts()
    assert len(errors) == 1 and errors[0].startswith("损坏的决算.pdf：")
    links = [a.get_attribute("href") for a in page.locator("a:has-text('查看审核结果')").all()]
    assert len(links) == 4
    for href in links:
        page.goto(server.base + href)
        assert page.locator("h1").inner_text().endswith("第1版")
        assert page.locator(".pageimg img").count() == 1
    page.goto(server.base + links[0])
    first = page.locator(".finding.error").first
    first.locator("a:has-text('在原文')").click()
    page.wait_for_load_state()
    assert page.locator("#highlight").count() == 1
    _shot(page, "reviewer-document")
    focus = page.locator(".finding.focus")
    focus.locator("select[name=status]").select_option("false_alarm")
    focus.locator("input[name=comment]").fill("与表中数字核对无误")
    focus.locator("button").click()
    page.wait_for_load_state()
    assert "误报" in page.locator(".finding.focus .decided").inner_text()
    unit = re.search(r"^(.*?) 20\d\d年度", page.locator("h1").inner_text()).group(1)
    page.goto(server.base + "/dashboard?year=2024&region=上海")
    row = page.locator("table.dashboard tr", has=page.locator(f"td:text-is('{unit}')"))
    assert row.locator("td.false-alarms").inner_text() == "1"
    _shot(page, "reviewer-dashboard")


def test_a_preparer_of_one_unit_gets_403_on_another_units_page(server, page, example_workbook):
    other = server.client("prep")
    r = other.post("/unit/upload", data={"csrf": other.csrf},
                   files=[("files", (example_workbook.name, example_workbook.read_bytes(), "application/octet-stream"))])
    [job] = other.wait_batch(r.headers["location"])
    unit_url = other.get("/unit").headers["location"]
    _sign_in(page, server, "other")
    response = page.goto(server.base + unit_url)  # edited into the address bar
    assert response.status == 403
    assert "这不是您的单位" in page.content()
    response = page.goto(server.base + f"/doc/{job['document']}")
    assert response.status == 403
