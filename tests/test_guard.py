"""No traceback, ever: every way a command can fail ends in one Chinese line and a distinct exit
code — 2 for input it cannot read or output it cannot write, 3 for a fault of the program (the
traceback only with --debug), 130 when interrupted.

Tests run as root, for whom no folder is read-only: an unwritable folder is simulated either by a
path under a regular file (``afile/sub``: ENOTDIR, whoever you are) or by making the creation of
the temporary file raise EACCES / a write raise ENOSPC, as a full or protected disk would.
"""

import errno
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from juesuan.apps import check_cmd, cli, score_cmd
from juesuan.audit import check_path as real_check_path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "changji-2024"
FAULT = "程序内部错误"


def cli_run(*args: str, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    """The installed command line, as a user runs it: a real process, real streams."""
    return subprocess.run([sys.executable, "-m", "juesuan.apps.cli", *args], stdout=stdout,
                          stderr=subprocess.PIPE, text=True, encoding="utf-8", timeout=300, cwd=ROOT)


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture
def disclosure(tmp_path) -> Path:
    from test_check_cmd import CLEAN

    path = tmp_path / "单位.txt"
    path.write_text(CLEAN, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- program faults


def test_unexpected_exception_is_one_line_naming_the_file_exit_3(monkeypatch, capsys):
    def broken(path, profile=None):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(score_cmd, "load_disclosure", broken)
    assert cli.main(["score", "某单位.yaml"]) == 3
    line = one_line(capsys.readouterr().err)
    assert FAULT in line and "某单位.yaml" in line and "ZeroDivisionError" in line and "请向开发者报告" in line


@pytest.mark.parametrize("argv", [["--debug", "score", "x.yaml"], ["score", "x.yaml", "--debug"]])
def test_debug_shows_the_traceback(monkeypatch, capsys, argv):
    monkeypatch.setattr(score_cmd, "load_disclosure", lambda path, profile=None: 1 / 0)
    assert cli.main(argv) == 3
    err = capsys.readouterr().err
    assert "Traceback" in err and "ZeroDivisionError" in err and FAULT in err.strip().splitlines()[-1]


def test_fault_in_one_document_keeps_the_batch_going_and_exits_3(disclosure, tmp_path, monkeypatch, capsys):
    other = tmp_path / "另一单位.txt"
    other.write_text(disclosure.read_text(encoding="utf-8"), encoding="utf-8")

    def check_path(path, profile=None, kind=None):
        if Path(path).name == "另一单位.txt":
            raise RecursionError("maximum recursion depth exceeded")
        return real_check_path(path, profile, kind)

    monkeypatch.setattr(check_cmd, "check_path", check_path)
    code = cli.main(["check", "--no-progress", "--jobs", "1", "--format", "jsonl", str(disclosure), str(other)])
    docs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 3
    assert docs[0]["error"] is None and docs[0]["counts"]["fault"] is False
    assert docs[1]["counts"]["fault"] is True and FAULT in docs[1]["error"] and "另一单位.txt" in docs[1]["error"]


def test_interrupt_is_one_line_exit_130(monkeypatch, capsys):
    def interrupted(path, profile=None, kind=None):
        raise KeyboardInterrupt

    monkeypatch.setattr(score_cmd, "load_disclosure", interrupted)
    assert cli.main(["score", "x.yaml"]) == 130
    assert one_line(capsys.readouterr().err) == "已中断"


# --------------------------------------------------------------------------- outputs that cannot be written


def test_check_output_into_a_missing_folder(disclosure, tmp_path):
    target = tmp_path / "没有的文件夹" / "结果.json"
    done = cli_run("check", str(disclosure), "--format", "json", "-o", str(target))
    line = one_line(done.stderr)
    assert done.returncode == 2 and str(target) in line and "所在文件夹不存在" in line
    assert not target.parent.exists()


def test_check_output_into_an_unwritable_folder(disclosure, tmp_path):
    blocker = tmp_path / "afile"
    blocker.write_text("a file, not a folder", encoding="utf-8")  # root can write anywhere; ENOTDIR still holds
    target = blocker / "结果.html"
    done = cli_run("check", str(disclosure), "--format", "html", "-o", str(target))
    line = one_line(done.stderr)
    assert done.returncode == 2 and str(target) in line and "不是文件夹" in line


def test_check_output_into_a_protected_folder(disclosure, tmp_path, monkeypatch, capsys):
    target = tmp_path / "只读" / "结果.txt"
    target.parent.mkdir()

    def refused(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(target.parent))

    monkeypatch.setattr(tempfile, "mkstemp", refused)  # what a folder without write permission answers
    assert cli.main(["check", "--no-progress", str(disclosure), "-o", str(target)]) == 2
    line = one_line(capsys.readouterr().err)
    assert str(target) in line and "没有写入权限" in line and not target.exists()


def test_template_into_an_unwritable_folder(tmp_path):
    blocker = tmp_path / "afile"
    blocker.write_text("x", encoding="utf-8")
    target = blocker / "决算数据.xlsx"
    done = cli_run("template", "-o", str(target))
    line = one_line(done.stderr)
    assert done.returncode == 2 and str(target) in line


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_score_to_a_full_disk(fmt):
    with open("/dev/full", "w") as full:
        done = cli_run("score", str(EXAMPLE), "--format", fmt, stdout=full)
    line = one_line(done.stderr)
    assert done.returncode == 2 and "标准输出" in line and "磁盘空间不足" in line


def test_score_output_file_on_a_full_disk_keeps_the_earlier_file(tmp_path, monkeypatch, capsys):
    target = tmp_path / "得分.json"
    target.write_text("earlier", encoding="utf-8")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)  # where a full disk shows up for a buffered write
    assert cli.main(["score", str(EXAMPLE), "--format", "json", "-o", str(target)]) == 2
    line = one_line(capsys.readouterr().err)
    assert str(target) in line and "磁盘空间不足" in line
    assert target.read_text(encoding="utf-8") == "earlier"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["得分.json"]


def test_score_output_file(tmp_path, capsys):
    target = tmp_path / "得分.json"
    assert cli.main(["score", str(EXAMPLE), "--format", "json", "-o", str(target)]) == 0
    assert capsys.readouterr().out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["evaluations"]
