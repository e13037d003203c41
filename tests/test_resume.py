"""Big batches on one machine: manifests, the state file beside the output, ``--resume`` (skips what
finished, runs again what failed for a transient reason or changed, never a second result), and
the per-document time and memory limits of the worker processes."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path


from juesuan.apps import check_cmd, runstate
from juesuan.apps.cli import main
from juesuan.apps.workers import Pool
from test_check_cmd import CLEAN, WITH_QUESTION

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent


def run(capsys, *args):
    code = main(["check", "--no-progress", *map(str, args)])
    out = capsys.readouterr()
    return code, out.out, out.err


def folder_of(tmp_path: Path, count: int, name: str = "docs") -> Path:
    folder = tmp_path / name
    folder.mkdir()
    for n in range(count):
        (folder / f"单位{n:03d}.txt").write_text(WITH_QUESTION if n % 4 == 0 else CLEAN, encoding="utf-8")
    return folder


def results(path: Path) -> dict[str, dict]:
    """The JSON Lines output by document path; fails if a document has two lines."""
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    by_path = {d["path"]: d for d in docs}
    assert len(by_path) == len(docs), "a document has more than one result"
    return by_path


def slow(*args: str, env: dict | None = None, **kw) -> subprocess.Popen:
    """``juesuan`` in a subprocess with the test task of :mod:`slowdocs` (workers import it too)."""
    environ = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS), str(ROOT / "src")]), **(env or {})}
    return subprocess.Popen([sys.executable, str(TESTS / "slowdocs.py"), *args], env=environ, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def count_lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


# --------------------------------------------------------------------------- manifests


def test_text_manifest_lists_paths_relative_to_itself(tmp_path, capsys):
    folder = folder_of(tmp_path, 3)
    manifest = tmp_path / "清单.txt"
    manifest.write_text("# 2024 年下载\n\ndocs/单位000.txt\n" + str(folder / "单位001.txt") + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "--format", "jsonl", "--manifest", manifest)
    assert code == 1  # 单位000 has the editor's question left in
    assert sorted(Path(d["path"]).name for d in map(json.loads, out.splitlines())) == ["单位000.txt", "单位001.txt"]


def test_csv_manifest_takes_the_path_column(tmp_path, capsys):
    folder_of(tmp_path, 2)
    (tmp_path / "docs" / "通知.txt").write_text("关于召开年度工作会议的通知\n请各科室负责人准时参加。\n", encoding="utf-8")
    manifest = tmp_path / "downloads.csv"
    manifest.write_text("url,path\nhttps://example.gov.cn/a.txt,docs/单位001.txt\nhttps://example.gov.cn/n.txt,docs/通知.txt\n",
                        encoding="utf-8")
    code, out, err = run(capsys, "--format", "jsonl", "--manifest", manifest)
    [doc] = map(json.loads, out.splitlines())
    assert code == 0 and doc["path"].endswith("单位001.txt")
    assert "跳过" in err and "通知.txt" in err  # a manifest's non-disclosure is skipped, like a folder's


def test_csv_manifest_without_a_path_column_is_one_line(tmp_path, capsys):
    manifest = tmp_path / "downloads.csv"
    manifest.write_text("url,file\nhttps://example.gov.cn/a.pdf,a.pdf\n", encoding="utf-8")
    code, out, err = run(capsys, "--manifest", manifest)
    assert code == 2 and out == ""
    assert err.strip().count("\n") == 0 and "downloads.csv" in err and "path 列" in err


def test_resume_needs_an_output_file(tmp_path, capsys):
    code, _, err = run(capsys, "--resume", folder_of(tmp_path, 2))
    assert code == 2 and "--resume" in err and "-o" in err


# --------------------------------------------------------------------------- the state and --resume


def test_state_file_records_each_document(tmp_path, capsys):
    folder = folder_of(tmp_path, 4)
    out = tmp_path / "结果.jsonl"
    code, _, _ = run(capsys, "--format", "jsonl", "-o", out, folder)
    records = runstate.load(Path(str(out) + ".state"))
    assert code == 1 and sorted(records) == sorted(results(out))
    first = records[str(folder / "单位000.txt")]
    assert first.status == "done" and first.counts["error"] == 1 and first.attempt == 1
    assert first.sha256 == runstate.fingerprint(folder / "单位000.txt").sha256


def test_resume_runs_only_what_changed_or_is_new(tmp_path, capsys, monkeypatch):
    folder = folder_of(tmp_path, 6)
    out = tmp_path / "结果.jsonl"
    run(capsys, "--format", "jsonl", "--jobs", "1", "-o", out, folder)
    before = out.read_text(encoding="utf-8").splitlines()
    (folder / "单位001.txt").write_text(WITH_QUESTION, encoding="utf-8")  # changed since: now has an error
    (folder / "单位009.txt").write_text(CLEAN, encoding="utf-8")  # new
    checked = []
    real = check_cmd._check_one
    monkeypatch.setattr(check_cmd, "_check_one", lambda path, *a: checked.append(Path(path).name) or real(path, *a))
    code, _, _ = run(capsys, "--format", "jsonl", "--jobs", "1", "--resume", "-o", out, folder)
    docs = results(out)
    assert code == 1 and sorted(checked) == ["单位001.txt", "单位009.txt"]
    assert len(docs) == 7 and docs[str(folder / "单位001.txt")]["counts"]["error"] == 1
    unchanged = [line for line in before if "单位001" not in line]
    assert all(line in out.read_text(encoding="utf-8").splitlines() for line in unchanged)  # kept as written


def test_resume_drops_a_torn_last_line_and_redoes_that_document(tmp_path, capsys):
    folder = folder_of(tmp_path, 5)
    out = tmp_path / "结果.jsonl"
    run(capsys, "--format", "jsonl", "-o", out, folder)
    whole = results(out)
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(lines[:-1]) + lines[-1][: len(lines[-1]) // 2], encoding="utf-8")  # a crash mid-line
    code, _, _ = run(capsys, "--format", "jsonl", "--resume", "-o", out, folder)
    assert code == 1 and results(out) == whole


def test_resume_of_a_whole_format_puts_the_report_together_again(tmp_path, capsys):
    folder = folder_of(tmp_path, 5)
    out = tmp_path / "报告.json"
    run(capsys, "--format", "json", "-o", out, folder)
    first = json.loads(out.read_text(encoding="utf-8"))
    (folder / "单位003.txt").write_text(WITH_QUESTION, encoding="utf-8")
    code, _, _ = run(capsys, "--format", "json", "--resume", "-o", out, folder)
    again = json.loads(out.read_text(encoding="utf-8"))
    assert code == 1 and len(again["documents"]) == 5
    assert again["summary"]["error"] == first["summary"]["error"] + 1  # the changed one, counted once


# --------------------------------------------------------------------------- limits


def test_pool_cuts_off_a_task_at_its_time_limit():
    started = time.monotonic()
    with Pool(2, timeout=1) as pool:
        done = {item: d for item, d in pool.run(time.sleep, [0.1, 30, 0.2])}
    assert time.monotonic() - started < 10
    assert done[30].status == "timeout" and done[0.1].status == "ok" and done[0.2].status == "ok"


def test_a_hanging_document_is_cut_off_and_the_batch_goes_on(tmp_path):
    folder = folder_of(tmp_path, 3)
    (folder / "hang.txt").write_text(CLEAN, encoding="utf-8")
    out = tmp_path / "结果.jsonl"
    started = time.monotonic()
    proc = slow("check", str(folder), "--format", "jsonl", "-o", str(out), "--timeout", "2", "--no-progress",
                env={"JUESUAN_TEST_HANG": "1"})
    proc.communicate(timeout=120)
    docs = {Path(p).name: d for p, d in results(out).items()}
    assert proc.returncode == 2 and time.monotonic() - started < 60
    assert "超过时间限制" in docs["hang.txt"]["error"] and "hang.txt" in docs["hang.txt"]["error"]
    assert all(docs[f"单位{n:03d}.txt"]["error"] is None for n in range(3))
    state = runstate.load(Path(str(out) + ".state"))
    assert state[str(folder / "hang.txt")].status == "failed" and state[str(folder / "hang.txt")].error_kind == "timeout"

    # the time-out is transient: --resume tries that document again (it no longer hangs), and only it
    again = slow("check", str(folder), "--format", "jsonl", "-o", str(out), "--resume", "--timeout", "2", "--no-progress")
    again.communicate(timeout=120)
    docs = {Path(p).name: d for p, d in results(out).items()}
    assert again.returncode == 1 and len(docs) == 4 and docs["hang.txt"]["error"] is None
    assert runstate.load(Path(str(out) + ".state"))[str(folder / "hang.txt")].status == "done"


def test_a_document_over_the_memory_limit_is_cut_off(tmp_path):
    folder = folder_of(tmp_path, 2)
    (folder / "hog.txt").write_text(CLEAN, encoding="utf-8")
    out = tmp_path / "结果.jsonl"
    proc = slow("check", str(folder), "--format", "jsonl", "-o", str(out), "--max-memory", "300", "--no-progress")
    proc.communicate(timeout=120)
    docs = {Path(p).name: d for p, d in results(out).items()}
    assert proc.returncode == 2 and "超过内存限制" in docs["hog.txt"]["error"]
    assert docs["单位001.txt"]["error"] is None


# --------------------------------------------------------------------------- interrupted, then resumed


def test_interrupted_and_resumed_ends_like_an_uninterrupted_run(tmp_path, capsys):
    folder = folder_of(tmp_path, 30)
    whole = tmp_path / "一次完成.jsonl"
    run(capsys, "--format", "jsonl", "-o", whole, folder)

    out = tmp_path / "中断后继续.jsonl"
    proc = slow("check", str(folder), "--format", "jsonl", "-o", str(out), "--jobs", "2", "--no-progress",
                env={"JUESUAN_TEST_DELAY": "0.2"})
    deadline = time.monotonic() + 60
    while count_lines(out) < 5:
        assert proc.poll() is None, "the batch finished before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "--resume" in err.decode("utf-8")
    assert 5 <= len(results(out)) < 30

    code, _, _ = run(capsys, "--format", "jsonl", "--resume", "-o", out, folder)
    assert code == 1 and results(out) == results(whole)


def test_progress_shows_documents_per_second_and_the_time_left(monkeypatch):
    import io

    clock = iter([100.0, 102.0, 104.0])  # started, then two documents two seconds apart
    monkeypatch.setattr(check_cmd.time, "monotonic", lambda: next(clock))
    stream = io.StringIO()
    progress = check_cmd._Progress(10, stream, enabled=True)
    progress.step("a.pdf")
    progress.step("b.pdf")
    last = stream.getvalue().split("\r")[-1]
    assert "审核 2/10" in last and "0.5 个/秒" in last and "剩余 16秒" in last
