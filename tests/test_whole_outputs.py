"""Whole outputs: every file juesuan writes appears complete or not at all, an interrupted run
leaves the earlier file at that path as it was (and no temporary file), ``build`` writes every
format it can, and ``check --format jsonl`` never ends in half a line."""

import json
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from juesuan import compose
from juesuan.apps import batch, cli
from juesuan.core.document import Document, Heading, Paragraph
from juesuan.io import atomic, office
from juesuan.io.writers import pdf, report
from juesuan.io.writers.template import write_workbook
from test_check_cmd import CLEAN
from test_writers import _coded

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "changji-2024"
EARLIER = b"the earlier file, which must survive"


def leftovers(folder: Path) -> list[str]:
    """Temporary files of :mod:`juesuan.io.atomic` (hidden, ``.tmp``) left in ``folder``."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") and p.name.endswith(".tmp"))


@pytest.fixture
def small_doc() -> Document:
    table = _coded()
    blocks = (Heading(1, "第二部分 部门决算情况说明"), Paragraph("2024年度收入总计1,787.23万元。"), table)
    return Document(title="某单位2024年度部门决算", subtitle="公开说明", blocks=blocks, tables=(table,))


# --------------------------------------------------------------------------- the helper


def test_replacing_puts_the_file_in_place_only_when_complete(tmp_path):
    target = tmp_path / "out.txt"
    target.write_bytes(EARLIER)
    with atomic.replacing(target) as temp:
        assert temp.parent == tmp_path and temp != target
        temp.write_text("new", encoding="utf-8")
        assert target.read_bytes() == EARLIER  # nothing visible until the block ends
    assert target.read_text(encoding="utf-8") == "new" and leftovers(tmp_path) == []


def test_replacing_keeps_the_earlier_file_on_failure(tmp_path):
    target = tmp_path / "out.txt"
    target.write_bytes(EARLIER)
    with pytest.raises(ValueError):
        with atomic.open_replacing(target) as fh:
            fh.write("half")
            raise ValueError("writer broke")
    assert target.read_bytes() == EARLIER and leftovers(tmp_path) == []


def test_replacing_keeps_the_mode_of_the_file_it_replaces(tmp_path):
    target = tmp_path / "out.txt"
    target.write_bytes(EARLIER)
    os.chmod(target, 0o640)
    atomic.write_text(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    fresh = tmp_path / "fresh.txt"
    atomic.write_text(fresh, "new")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~mask  # as if written in place, not mkstemp's 0600


def test_replacing_through_a_link_replaces_the_file_it_points_to(tmp_path):
    real = tmp_path / "real.txt"
    real.write_bytes(EARLIER)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    atomic.write_text(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"


def test_a_pipe_is_written_directly_not_replaced(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    atomic.write_text(fifo, "through the pipe")
    reader.join(timeout=10)
    assert got == ["through the pipe"] and stat.S_ISFIFO(fifo.stat().st_mode)


# --------------------------------------------------------------------------- every writer


def _interrupt_before_rename(monkeypatch):
    def interrupted(path):
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic, "_sync", interrupted)  # the content is written, the rename not yet done


@pytest.mark.parametrize("fmt", ["docx", "html", "md", "xlsx"])
def test_each_writer_interrupted_leaves_the_earlier_file(fmt, small_doc, tmp_path, monkeypatch):
    target = tmp_path / f"公开说明.{fmt}"
    target.write_bytes(EARLIER)
    _interrupt_before_rename(monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        compose.WRITERS[fmt](small_doc, target)
    assert target.read_bytes() == EARLIER and leftovers(tmp_path) == []


def test_template_workbook_interrupted_leaves_the_earlier_file(tmp_path, monkeypatch):
    target = tmp_path / "决算数据.xlsx"
    target.write_bytes(EARLIER)
    _interrupt_before_rename(monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        write_workbook(target)
    assert target.read_bytes() == EARLIER and leftovers(tmp_path) == []


def test_pdf_interrupted_leaves_the_earlier_file(tmp_path, monkeypatch):
    source = tmp_path / "公开说明.docx"
    source.write_bytes(b"docx")

    def fake_convert(exe, src, fmt, workdir, *, timeout, env=None):  # LibreOffice's part, not under test here
        produced = workdir / f"{Path(src).stem}.{fmt}"
        produced.write_bytes(b"%PDF-1.7 new")
        return produced

    monkeypatch.setattr(pdf, "soffice", lambda: "soffice")
    monkeypatch.setattr(office, "convert", fake_convert)
    target = tmp_path / "公开说明.pdf"
    target.write_bytes(EARLIER)
    _interrupt_before_rename(monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        pdf.convert(source, target)
    assert target.read_bytes() == EARLIER and leftovers(tmp_path) == []
    monkeypatch.undo()
    monkeypatch.setattr(pdf, "soffice", lambda: "soffice")
    monkeypatch.setattr(office, "convert", fake_convert)
    pdf.convert(source, target)
    assert target.read_bytes() == b"%PDF-1.7 new"


# --------------------------------------------------------------------------- build


def test_build_with_one_format_failing_writes_the_others(tmp_path, capsys):
    (tmp_path / "公开说明.docx").mkdir()  # a folder where the Word file should go: it cannot be written
    code = cli.main(["build", str(EXAMPLE), "-o", str(tmp_path), "--format", "docx,md,html,xlsx"])
    out = capsys.readouterr().out
    assert code == 2
    for name in ("公开说明.md", "公开说明.html", "决算公开表.xlsx"):
        assert (tmp_path / name).is_file() and name in out
    assert (tmp_path / "公开说明.docx").is_dir() and leftovers(tmp_path) == []
    missed = out[out.index("未生成 1 个文件"):].splitlines()[1]
    assert "公开说明.docx" in missed and "无法写入" in missed


def test_build_without_libreoffice_still_exits_0_for_the_default_formats(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(pdf, "soffice", lambda: None)
    monkeypatch.setattr(compose, "DEFAULT_FORMATS", ("md", "pdf"))
    assert cli.main(["build", str(EXAMPLE), "-o", str(tmp_path)]) == 0
    assert "LibreOffice" in capsys.readouterr().out
    assert cli.main(["build", str(EXAMPLE), "-o", str(tmp_path), "--format", "md,pdf"]) == 2  # asked for by name


def test_build_interrupted_says_what_was_not_written(tmp_path, monkeypatch, capsys):
    earlier = tmp_path / "公开说明.html"
    earlier.write_bytes(EARLIER)

    def interrupted(doc, path):
        raise KeyboardInterrupt

    monkeypatch.setitem(compose.WRITERS, "html", interrupted)
    assert cli.main(["build", str(EXAMPLE), "-o", str(tmp_path), "--format", "md,html,xlsx"]) == 130
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "已写出：公开说明.md" in err and "未写出：公开说明.html、决算公开表.xlsx" in err
    assert earlier.read_bytes() == EARLIER and not (tmp_path / "决算公开表.xlsx").exists()


# --------------------------------------------------------------------------- check, killed midway


def _batch(tmp_path: Path, copies: int) -> Path:
    folder = tmp_path / "批量"
    folder.mkdir()
    first = folder / "单位0000.txt"
    first.write_text(CLEAN, encoding="utf-8")
    for n in range(1, copies):
        os.link(first, folder / f"单位{n:04d}.txt")  # many documents, little disk
    return folder


def _start(*args: str, stdout=subprocess.PIPE) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "juesuan.apps.cli", *args], stdout=stdout,
                            stderr=subprocess.PIPE, cwd=ROOT)


def _wait_for(condition, what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_check_killed_midway_leaves_the_earlier_output(tmp_path, jobs):
    folder = _batch(tmp_path, 400)
    target = tmp_path / "out.json"
    target.write_bytes(EARLIER)
    proc = _start("check", str(folder), "--format", "json", "-o", str(target), "--jobs", jobs, "--no-progress")
    head = len(report.json_head().encode("utf-8"))

    def first_results_written() -> bool:
        assert proc.poll() is None, "the batch finished before it could be interrupted"
        temps = leftovers(tmp_path)
        return bool(temps) and (tmp_path / temps[0]).stat().st_size > head

    _wait_for(first_results_written, "the first results")
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)  # also fails if stopped workers kept the pipe open
    lines = err.decode("utf-8").strip().splitlines()
    assert proc.returncode == 130
    assert len(lines) == 1 and lines[0].startswith("已中断") and "out.json" in lines[0] and "原有文件保持不变" in lines[0]
    assert target.read_bytes() == EARLIER and leftovers(tmp_path) == []


def test_ctrl_c_is_held_until_a_piece_of_output_is_out():
    reached = []
    with pytest.raises(KeyboardInterrupt):
        with batch.held_signals():
            signal.raise_signal(signal.SIGINT)
            reached.append("the rest of the piece")
    assert reached == ["the rest of the piece"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # restored


def test_check_jsonl_interrupted_on_the_terminal_ends_with_a_whole_line(tmp_path):
    folder = _batch(tmp_path, 400)
    proc = _start("check", str(folder), "--format", "jsonl", "--jobs", "1", "--no-progress")
    first = proc.stdout.readline()
    proc.send_signal(signal.SIGINT)
    rest = proc.stdout.read()  # through the same buffered reader: communicate() would skip what it holds
    err = proc.stderr.read()
    proc.wait(timeout=60)
    text = (first + rest).decode("utf-8")
    assert proc.returncode == 130 and "已中断" in err.decode("utf-8")
    assert text.endswith("\n")
    docs = [json.loads(line) for line in text.splitlines()]  # every line is a whole JSON object
    assert 1 <= len(docs) < 400 and all(d["path"].endswith(".txt") for d in docs)
