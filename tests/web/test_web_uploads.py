"""Uploads: streamed under limits, zip members checked (traversal, bombs), types by content;
a bad file gets its line and the rest of the upload goes on."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path


from juesuan.apps.web.uploads import Upload, UploadLimits, examine_uploads, safe_name, unsafe_member
from shared import needs_shared, shared

MINIMAL_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj "
               b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def _file(folder: Path, name: str, data: bytes) -> Upload:
    path = folder / safe_name(name)
    path.write_bytes(data)
    return Upload(name, path)


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buf.getvalue()


def test_member_paths_that_leave_the_folder_are_recognised():
    assert unsafe_member("../evil.pdf") and unsafe_member("a/../../evil.pdf") and unsafe_member("/etc/passwd")
    assert unsafe_member("..\\evil.pdf") and unsafe_member("C:/x.pdf")
    assert not unsafe_member("年报/普陀区.pdf") and not unsafe_member("a..b.pdf")
    assert safe_name("../../etc/passwd") == "passwd" and "/" not in safe_name("a/b\\c.pdf")


def test_a_zip_with_a_traversal_path_is_refused_whole(tmp_path):
    up = _file(tmp_path, "批量.zip", _zip({"ok.pdf": MINIMAL_PDF, "../../escape.pdf": MINIMAL_PDF}))
    [only] = examine_uploads([up], UploadLimits())
    assert only.path is None and "指向压缩包以外" in only.error and "../../escape.pdf" in only.error
    assert not any(tmp_path.parent.glob("escape.pdf")) and not list(tmp_path.rglob("*escape*"))


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    up = _file(tmp_path, "bomb.zip", _zip({"big.txt": b"0" * (300 * 1024 * 1024)}))
    [only] = examine_uploads([up], UploadLimits())
    assert only.path is None and "bomb.zip" in only.error and "超过上限" in only.error
    assert not list(tmp_path.rglob("big.txt"))


def test_types_are_decided_by_content_and_each_bad_file_has_its_line(tmp_path):
    files = [
        _file(tmp_path, "真的.pdf", MINIMAL_PDF),
        _file(tmp_path, "假的.pdf", b"this is plain text, not a PDF at all"),
        _file(tmp_path, "改了名.txt", MINIMAL_PDF),  # a PDF named .txt is read as a PDF
        _file(tmp_path, "空.pdf", b""),
        _file(tmp_path, "图.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 100),
    ]
    out = {u.name: u for u in examine_uploads(files, UploadLimits())}
    assert out["真的.pdf"].path is not None and out["改了名.txt"].path is not None
    assert "不是有效的 PDF" in out["假的.pdf"].error and out["假的.pdf"].error.startswith("假的.pdf：")
    assert "空的" in out["空.pdf"].error
    assert out["图.png"].path is None and "不支持" in out["图.png"].error


def test_zip_members_are_taken_one_by_one_and_the_file_count_is_limited(tmp_path):
    entries = {f"年报/{i}.pdf": MINIMAL_PDF for i in range(4)}
    entries["年报/说明.exe"] = b"MZ\x90\x00" + b"\0" * 50
    up = _file(tmp_path, "年报.zip", _zip(entries))
    out = examine_uploads([up], UploadLimits(files=3))
    taken = [u for u in out if u.path is not None]
    assert len(taken) == 3 and all(u.name.startswith("年报.zip/年报/") for u in taken)
    errors = [u.error for u in out if u.path is None]
    assert any("说明.exe" in e for e in errors) and any("最多 3 个文件" in e for e in errors)


def test_a_pdf_over_the_page_limit_is_refused(tmp_path):
    up = _file(tmp_path, "长.pdf", MINIMAL_PDF)
    [only] = examine_uploads([up], UploadLimits(pdf_pages=0))
    assert only.path is None and "页数上限" in only.error


def _body(boundary: str, csrf: str, total: int, chunk: int = 1024 * 1024):
    yield (f"--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n"
           f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"huge.pdf\"\r\n"
           f"Content-Type: application/pdf\r\n\r\n").encode()
    block = b"%PDF" + b"0" * (chunk - 4)
    sent = 0
    while sent < total:
        yield block
        sent += len(block)
    yield f"\r\n--{boundary}--\r\n".encode()


def _raw_post(port: int, path: str, client, headers: dict, declared: int) -> tuple[int, str]:
    import socket

    cookie = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
    head = "".join(f"{k}: {v}\r\n" for k, v in {**headers, "Content-Length": str(declared), "Cookie": cookie,
                                                 "Host": f"127.0.0.1:{port}", "Connection": "close"}.items())
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(f"POST {path} HTTP/1.1\r\n{head}\r\n".encode() + next(_body("juesuanboundary7", client.csrf, 0)))
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    status = int(answer.split(b" ", 2)[1])
    return status, answer.decode("utf-8", "replace")


def test_a_1_gb_upload_is_cut_off_at_the_limit_with_a_message(small_server):
    import httpx

    c = small_server.client("rev")
    boundary = "juesuanboundary7"
    headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
    # Declared as 1 GB: refused from its Content-Length before the body is read (a raw socket:
    # the client sends the headers and the first megabyte only, then reads the answer).
    started = time.monotonic()
    status, text = _raw_post(small_server.port, "/review/upload", c, headers, 1024 ** 3)
    assert status == 413 and "超过单次上传上限" in text
    # Streamed without a length: cut off where the file passes the limit, the rest never read.
    try:
        r = c.post("/review/upload", headers=headers, content=_body(boundary, c.csrf, 1024 ** 3))
    except httpx.HTTPError:  # the server may close the connection while the client still sends
        r = None
    assert time.monotonic() - started < 60
    if r is not None:
        assert r.status_code in (303, 413)
        text = c.get(r.headers["location"]).text if r.status_code == 303 else r.text
        assert "上限" in text and "huge.pdf" in text or "超过单次上传上限" in text
    leftovers = [p for p in (small_server.folder / "data" / "uploads").rglob("*") if p.is_file()]
    assert sum(p.stat().st_size for p in leftovers) == 0


@needs_shared
def test_a_corrupt_file_beside_good_ones_gets_its_line_and_the_others_are_stored(server):
    c = server.client("rev")
    good = shared("corpus", "shanghai-putuo-shehuigongzuobu-2024-juesuan.pdf")
    files = [("files", (good.name, good.read_bytes(), "application/pdf")),
             ("files", ("坏文件.pdf", b"%PDF-1.7\n" + b"\x00garbage" * 200, "application/pdf"))]
    r = c.post("/review/upload", data={"csrf": c.csrf}, files=files)
    assert r.status_code == 303, r.text
    jobs = {j["file"]: j for j in c.wait_batch(r.headers["location"])}
    assert jobs[good.name]["status"] == "done" and jobs[good.name]["document"]
    assert jobs["坏文件.pdf"]["status"] == "failed" and jobs["坏文件.pdf"]["message"].startswith("坏文件.pdf：")
    page = c.get(r.headers["location"]).text
    assert "坏文件.pdf：" in page and "查看审核结果" in page
