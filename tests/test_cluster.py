"""Batches on Dask: a local cluster of two workers gives the same results as the local pool, a worker
killed midway loses no document and duplicates none, and without Dask or with a bad address the
user gets one line."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from test_resume import ROOT, TESTS, count_lines, folder_of, results, run

try:
    import distributed
except ImportError:  # the optional extra juesuan[cluster]; scripts/test installs it
    distributed = None


def need_dask() -> None:
    """Tests that run Dask fail, never skip, without it: the suite is meant to run through scripts/test."""
    if distributed is None:
        pytest.fail("缺少 Dask：请用 scripts/test 运行测试（它会安装 juesuan[cluster]）")


@pytest.fixture
def cluster(monkeypatch):
    """Two Dask workers in their own processes, which can import the test task of slowdocs."""
    import logging

    need_dask()
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(TESTS), str(ROOT / "src")]))
    local = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                     silence_logs=logging.CRITICAL)
    client = distributed.Client(local)
    yield local, client
    client.close()
    local.close()


def test_local_cluster_gives_the_results_of_the_local_pool(tmp_path, capsys, monkeypatch):
    from juesuan.apps import cluster as dask_batches

    need_dask()
    monkeypatch.setattr(dask_batches, "WINDOW", 3)  # a few at a time: the next goes out as each comes back
    folder = folder_of(tmp_path, 12)
    pool, dask = tmp_path / "pool.jsonl", tmp_path / "dask.jsonl"
    assert run(capsys, "--format", "jsonl", "-o", pool, folder)[0] == 1
    assert run(capsys, "--format", "jsonl", "-o", dask, "--cluster", "local:2", folder)[0] == 1
    assert results(dask) == results(pool) and len(results(dask)) == 12


def test_a_worker_killed_midway_loses_no_document(cluster, tmp_path):
    local, client = cluster
    folder = folder_of(tmp_path, 40)
    out = tmp_path / "结果.jsonl"
    proc = subprocess.Popen([sys.executable, str(TESTS / "slowdocs.py"), "check", str(folder), "--format", "jsonl",
                             "-o", str(out), "--cluster", local.scheduler_address, "--no-progress"],
                            env={**os.environ, "JUESUAN_TEST_DELAY": "0.15"}, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while count_lines(out) < 8:
        assert proc.poll() is None, proc.stderr.read().decode("utf-8")
        assert time.monotonic() < deadline
        time.sleep(0.02)
    pids = client.run(os.getpid)
    assert proc.poll() is None and count_lines(out) < 40
    os.kill(next(iter(pids.values())), signal.SIGKILL)  # a worker dies with documents in hand
    _, err = proc.communicate(timeout=240)
    docs = results(out)  # fails on a second result for any document
    assert proc.returncode == 1, err.decode("utf-8")
    assert sorted(Path(p).name for p in docs) == [f"单位{n:03d}.txt" for n in range(40)]
    assert all(d["error"] is None for d in docs.values())


def test_without_dask_cluster_is_one_line(tmp_path, capsys, monkeypatch):
    for name in ("dask", "dask.distributed", "distributed"):
        monkeypatch.setitem(sys.modules, name, None)  # an import of these now fails as if not installed
    code, out, err = run(capsys, "--cluster", "local:2", folder_of(tmp_path, 2))
    assert code == 2 and out == "" and err.strip().count("\n") == 0
    assert "pip install 'juesuan[cluster]'" in err


@pytest.mark.parametrize("address", ["local:0", "local:two", "nowhere"])
def test_a_bad_cluster_address_is_one_line(tmp_path, capsys, address):
    code, _, err = run(capsys, "--cluster", address, folder_of(tmp_path, 2))
    assert code == 2 and err.strip().count("\n") == 0 and address in err


def test_an_unreachable_scheduler_is_one_line(tmp_path, capsys):
    need_dask()
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        code, _, err = run(capsys, "--cluster", "tcp://127.0.0.1:9", folder_of(tmp_path, 2))
    assert code == 2 and err.strip().count("\n") == 0 and "无法连接 Dask 调度器" in err
