"""The queue lives in the store: a job left running by a stopped server is done by the next
one; a worker that is cut off fails its job with a line and the queue goes on."""

from __future__ import annotations

import shutil
import time

from sqlalchemy import func, select, update

from webserver import PASSWORDS
from juesuan.apps.store import db
from juesuan.apps.store.schema import Document
from juesuan.apps.web import accounts, jobs
from juesuan.apps.web.tables import Job
from juesuan.apps.web.uploads import Upload
from shared import needs_shared, shared


def _wait(engine, ids, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with db.session(engine) as s:
            rows = s.execute(select(Job).where(Job.id.in_(ids))).scalars().all()
        if all(r.status in ("done", "failed") for r in rows):
            return {r.id: r for r in rows}
        time.sleep(0.2)
    raise AssertionError(f"jobs not finished: {[(r.id, r.status) for r in rows]}")


@needs_shared
def test_a_job_left_running_by_a_stopped_server_is_done_by_the_next(tmp_path):
    url = f"sqlite:///{tmp_path / 'q.db'}"
    engine = db.open_store(url)
    accounts.add_user(engine, "rev", PASSWORDS["rev"], "reviewer", region="上海")
    copy = tmp_path / "001-putuo.pdf"
    shutil.copy(shared("corpus", "shanghai-putuo-shehuigongzuobu-2024-juesuan.pdf"), copy)
    [job_id] = jobs.enqueue(engine, 1, "b1", "review", [Upload("普陀.pdf", copy)])
    with db.session(engine, write=True) as s:  # the server stopped while the job was at work
        s.execute(update(Job).where(Job.id == job_id).values(status="running"))
    runner = jobs.Runner(engine, url, workers=1, poll=0.1)
    runner.start()
    try:
        done = _wait(engine, [job_id])[job_id]
    finally:
        runner.stop()
    assert done.status == "done" and done.document_id and done.report_html
    assert not copy.exists()  # the upload is removed once the document is stored
    with db.session(engine) as s:
        assert s.execute(select(func.count()).select_from(Document)).scalar() == 1
        path = s.execute(select(Document.path)).scalar()
    assert path == "普陀.pdf"


def test_a_file_a_worker_cannot_read_fails_with_its_line_and_the_next_is_done(tmp_path, monkeypatch, example_workbook):
    url = f"sqlite:///{tmp_path / 'q.db'}"
    engine = db.open_store(url)
    accounts.add_user(engine, "prep", PASSWORDS["prep"], "preparer", unit="昌吉回族自治州人民政府办公室")
    bad = tmp_path / "002-bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a workbook")
    good = tmp_path / "003-good.xlsx"
    shutil.copy(example_workbook, good)
    ids = jobs.enqueue(engine, 1, "b2", "prepare", [Upload("坏.xlsx", bad), Upload("好.xlsx", good),
                                                     Upload("已拒绝.pdf", None, "已拒绝.pdf：文件是空的")])
    runner = jobs.Runner(engine, url, workers=1, poll=0.1)
    runner.start()
    try:
        rows = _wait(engine, ids)
    finally:
        runner.stop()
    assert rows[ids[0]].status == "failed" and rows[ids[0]].message.startswith("坏.xlsx：")
    assert "Traceback" not in rows[ids[0]].message
    assert rows[ids[1]].status == "done" and "一般公共预算财政拨款支出.预决算" in rows[ids[1]].warnings
    assert rows[ids[2]].status == "failed" and rows[ids[2]].message == "已拒绝.pdf：文件是空的"
