"""Nothing lost, nothing duplicated: two processes storing overlapping batches at once, and a
batch killed midway — on SQLite (WAL) and PostgreSQL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import sqlalchemy as sa

import yeardata as Y
from juesuan.apps.store import db
from juesuan.apps.store.schema import Document, Figure, FindingRow, Run, Unit


def _files(tmp, n: int) -> list[str]:
    """``n`` data files: distinct units, and three versions of one unit's year."""
    files = []
    for i in range(n - 3):
        data = Y.scaled(Y.example(), f"1.{i:02d}", name=f"测试第{i}局")
        files.append(str(Y.write(data, tmp / f"u{i}" / "决算数据.yaml")))
    for v in range(3):
        data = Y.scaled(Y.example(), f"2.{v}", name="同一单位的更正")
        files.append(str(Y.write(data, tmp / f"v{v}" / "决算数据.yaml")))
    return files


def _add(url: str, files: list[str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "juesuan.apps.cli", "store", "add", "--jobs", "1", *files, "--db", url],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _whole(s) -> None:
    """Every stored document is whole: one run, its findings as counted, its figures."""
    docs = s.execute(sa.select(Document.id)).scalars().all()
    for doc_id in docs:
        runs = s.execute(sa.select(Run).where(Run.document_id == doc_id)).scalars().all()
        assert len(runs) == 1, f"document {doc_id} has {len(runs)} runs"
        found = s.execute(sa.select(sa.func.count()).select_from(FindingRow).where(FindingRow.run_id == runs[0].id)).scalar()
        assert found == runs[0].errors + runs[0].warnings + runs[0].infos
        figures = s.execute(sa.select(sa.func.count()).select_from(Figure).where(Figure.document_id == doc_id)).scalar()
        assert figures > 100


def test_two_processes_at_once_lose_nothing_and_duplicate_nothing(store_url, tmp_path):
    files = _files(tmp_path, 12)
    db.open_store(store_url)
    first, second = files[:8] + files[9:10], files[4:]  # overlapping, and the versions split between them
    procs = [_add(store_url, first), _add(store_url, second)]
    outs = [p.communicate(timeout=600) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, out + err
    with db.session(db.open_store(store_url)) as s:
        paths = s.execute(sa.select(Document.path)).scalars().all()
        assert sorted(paths) == sorted(files)  # every file once
        versions = s.execute(sa.select(Document.version).join(Unit).where(Unit.name == "同一单位的更正")).scalars().all()
        assert sorted(versions) == [1, 2, 3]
        assert s.execute(sa.select(sa.func.count()).select_from(Unit)).scalar() == 10
        _whole(s)
    stored = sum(out.count("已存入：") for out, _ in outs)
    assert stored == len(files)  # the overlap was recognised, not stored twice


def test_a_batch_killed_midway_keeps_every_finished_document_whole(store_url, tmp_path):
    files = _files(tmp_path, 24)
    engine = db.open_store(store_url)
    proc = _add(store_url, files)
    deadline = time.monotonic() + 300
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        with db.session(engine) as s:
            stored = s.execute(sa.select(sa.func.count()).select_from(Document)).scalar()
        if stored >= 3:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the batch ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    with db.session(engine) as s:
        kept = s.execute(sa.select(Document.path)).scalars().all()
        assert 3 <= len(kept) < len(files)
        _whole(s)
    again = subprocess.run([sys.executable, "-m", "juesuan.apps.cli", "store", "add", *files, "--db", store_url],
                           capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert again.stdout.count("已在库中（同一文件）") == len(kept)
    with db.session(engine) as s:
        assert sorted(s.execute(sa.select(Document.path)).scalars().all()) == sorted(files)
        _whole(s)
