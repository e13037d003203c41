"""The queue: uploaded files as rows of ``jobs``, worked through by one thread of the server.

Where it sits: apps/web, over ``apps/store.ingest`` (examine in a worker process, store in this
process) and ``apps/workers.Pool`` (killable children: a document past its time or memory limit
is cut off, the queue goes on). The rows are the truth: a page reload, or a restarted server,
finds every job where it was (a job left "running" by a stopped server is queued again).

A job's way: queued → running → done (stored, or recognised as stored already) | failed (one
line: unreadable, not the user's unit or region, over a limit, …).
"""

from __future__ import annotations

import dataclasses
import re
import sys
import threading
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.engine import Engine

from ...rules.units import name_key
from ..guard import fault_line
from ..store import db
from ..store.schema import now
from .accounts import regions_of
from .tables import Job, User

#: Per document: seconds and MiB of the worker process before it is cut off.
TIMEOUT = 120
MEMORY_MB = 1500
_MISSING_REASON = re.compile(r"缺少主要原因说明（([^）]+)）")


def enqueue(engine: Engine, user_id: int, batch: str, purpose: str, uploads, region: str = "") -> list[int]:
    """One job per upload: a file to work on is queued, a file already refused is failed with
    its line (so the queue page shows it beside the others). ``region`` is taken for a document
    that does not name its own."""
    ids = []
    with db.session(engine, write=True) as s:
        for up in uploads:
            job = Job(batch=batch, user_id=user_id, purpose=purpose, filename=up.name[:300], region=region,
                      path=str(up.path) if up.path else "", status="queued" if up.path else "failed",
                      message=up.error, warnings=[], created_at=now(), finished_at=None if up.path else now())
            s.add(job)
            s.flush()
            ids.append(job.id)
    return ids


def examine_job(path: str, url: str, name: str, purpose: str):
    """In a worker process: read and check one file against the store. Returns (error line,
    item, the HTML report, the build's missing-reason keys)."""
    from ...io.writers.report import html_document
    from ..store.ingest import examine

    result, item = examine(path, url)
    shown = dataclasses.replace(result, path=name)
    if item is None:
        return _named(result.error, path, name), None, "", []
    item = dataclasses.replace(item, path=name)
    missing: list[str] = []
    if purpose == "prepare" and item.source == "data":
        missing = missing_reasons(Path(path))
    return "", item, html_document(shown), missing


def missing_reasons(path: Path, reasons: dict | None = None) -> list[str]:
    """The keys of the 主要原因 the composed disclosure still lacks (from the composer's own
    warnings), with ``reasons`` laid over the file's."""
    from ...compose import compose, resolve_profile
    from ...io.readers.data import load

    d = load(path)
    if reasons:
        d = dataclasses.replace(d, reasons={**d.reasons, **reasons})
    doc = compose(d, resolve_profile(None, d))
    return [m.group(1) for w in doc.warnings for m in [_MISSING_REASON.search(w)] if m]


def _named(message: str, path: str, name: str) -> str:
    return message.replace(path, name) if message else f"{name}：无法读取"


_OUTCOME = {"timeout": f"处理超时（超过 {TIMEOUT} 秒），已停止", "memory": f"占用内存超过上限 {MEMORY_MB} MB，已停止",
            "lost": "处理进程意外退出"}


class Runner:
    """The thread that takes queued jobs to the worker processes and stores what they find."""

    def __init__(self, engine: Engine, url: str, workers: int = 2, poll: float = 0.3):
        self.engine, self.url, self.workers, self.poll = engine, url, workers, poll
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        with db.session(self.engine, write=True) as s:  # jobs a stopped server left half-done
            s.execute(update(Job).where(Job.status == "running").values(status="queued", started_at=None))
        self._thread = threading.Thread(target=self._loop, name="juesuan-jobs", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=30)

    def _loop(self) -> None:
        from ..workers import Pool

        with Pool(self.workers, timeout=TIMEOUT, max_memory_mb=MEMORY_MB, warm=("juesuan.apps.store.ingest",)) as pool:
            while not self._stop.is_set():
                claimed = self._claim(self.workers * 4)
                if not claimed:
                    self._wake.wait(self.poll)
                    self._wake.clear()
                    continue
                finished: set[int] = set()
                try:
                    for job, done in pool.run(_work, claimed, self.url):
                        finished.add(job[0])
                        try:
                            self._finish(job, done)
                        except Exception as exc:  # a fault storing one document: that job fails, the queue goes on
                            self._fail(job[0], f"{job[2]}：{fault_line(exc)}")
                        if self._stop.is_set():
                            break
                except Exception as exc:  # the pool itself failed (a worker that cannot start): say so on each job
                    for job in claimed:
                        if job[0] not in finished:
                            self._fail(job[0], f"{job[2]}：{fault_line(exc)}")

    def _claim(self, n: int) -> list[tuple]:
        with db.session(self.engine, write=True) as s:
            rows = s.execute(select(Job.id, Job.path, Job.filename, Job.purpose, Job.user_id, Job.region)
                             .where(Job.status == "queued").order_by(Job.id).limit(n)).all()
            if rows:
                s.execute(update(Job).where(Job.id.in_([r.id for r in rows])).values(status="running", started_at=now()))
            return [tuple(r) for r in rows]

    def _finish(self, job: tuple, done) -> None:
        from ..store.ingest import store

        job_id, path, name, purpose, user_id, region = job
        if done.status != "ok":
            if done.status == "raised":  # the traceback goes to the server's log, the user gets one line
                sys.stderr.write(f"juesuan 工作台：处理 {name} 时出错\n{done.value}\n")
            message = _OUTCOME.get(done.status) or "处理时程序内部出错（详情见服务器日志），其他文件不受影响"
            self._fail(job_id, f"{name}：{message}")
            return
        error, item, html, missing = done.value
        if item is None:
            self._fail(job_id, error)
            return
        if not item.region and region:
            item = dataclasses.replace(item, region=region)
        refusal = self._refusal(user_id, item, purpose)
        if refusal:
            self._fail(job_id, f"{name}：{refusal}")
            return
        stored = store(self.engine, item, Path(path).read_bytes())
        with db.session(self.engine, write=True) as s:
            s.execute(update(Job).where(Job.id == job_id).values(
                status="done", document_id=stored.document_id, duplicate=stored.duplicate, report_html=html,
                warnings=missing, finished_at=now(), message="已在库中（同一文件）" if stored.duplicate else ""))
        Path(path).unlink(missing_ok=True)

    def _refusal(self, user_id: int, item, purpose: str) -> str:
        """Why this user may not store this document ("" when they may)."""
        with db.session(self.engine) as s:
            user = s.get(User, user_id)
        if user is None:
            return "上传的用户已不存在，未存入"
        if purpose == "prepare" and item.source != "data":
            return "不是决算数据工作簿（编制页面只接收数据工作簿；已公开的文件请由审核人员上传）"
        if user.role == "preparer" and name_key(item.unit_name) != name_key(user.unit):
            return f"工作簿中的单位是“{item.unit_name}”，不是您的单位“{user.unit}”，未存入"
        if user.role == "reviewer" and item.region not in regions_of(user.region):
            return f"文件属于“{item.region or '地区不明'}”，不在您负责的地区（{user.region}）内，未存入"
        return ""

    def _fail(self, job_id: int, message: str) -> None:
        with db.session(self.engine, write=True) as s:
            job = s.get(Job, job_id)
            if job is not None:
                if job.path:
                    Path(job.path).unlink(missing_ok=True)
                job.status, job.message, job.finished_at = "failed", message, now()


def _work(job: tuple, url: str):
    """Worker-process entry (module level, so the pool can name it)."""
    job_id, path, name, purpose = job[:4]
    return examine_job(path, url, name, purpose)
