"""Batches: old Word files (.doc) are converted with LibreOffice and audited like .docx; files met
while walking a folder that are not disclosures are listed as skipped and leave the exit code alone,
while a file named on the command line that is not a disclosure still exits 2."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from shared import tool

from juesuan.apps.cli import main
from juesuan.io import office
from test_check_cmd import CLEAN, WITH_QUESTION



def run(capsys, *args):
    code = main(["check", "--no-progress", *map(str, args)])
    out = capsys.readouterr()
    return code, out.out, out.err


def make_doc(target: Path, text: str, work: Path) -> Path:
    """A real old-format Word file at ``target``: a .docx made with python-docx, saved as .doc by
    LibreOffice (in ``work``, a scratch folder)."""
    import docx

    work.mkdir(exist_ok=True)
    source = work / f"{target.stem}.docx"
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(str(source))
    subprocess.run([office.soffice(), f"-env:UserInstallation={(work / 'profile').resolve().as_uri()}", "--headless",
                    "--convert-to", "doc", "--outdir", str(work), str(source)], check=True, capture_output=True, timeout=180)
    shutil.move(str(work / f"{target.stem}.doc"), target)
    assert target.read_bytes()[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an OLE compound file, not a renamed docx
    return target


@pytest.fixture(scope="module")
def old_word(tmp_path_factory) -> Path:
    """One real .doc with an error finding in it, made once for this module (LibreOffice is slow)."""
    tool("soffice", "libreoffice")
    folder = tmp_path_factory.mktemp("doc")
    return make_doc(folder / "旧版说明.doc", WITH_QUESTION, folder / "work")


def test_doc_is_converted_and_audited(old_word, tmp_path, capsys):
    doc = shutil.copy(old_word, tmp_path / "旧版说明.doc")
    code, out, _ = run(capsys, "--format", "json", doc)
    data = json.loads(out)
    [document] = data["documents"]
    assert code == 1 and document["error"] is None
    hit = next(f for f in document["findings"] if f["rule"] == "W-EDITOR-QUESTION")
    assert hit["location"]["file"] == str(doc)  # points at the .doc, not at a temporary .docx
    assert "补充开展党纪学题教育情况？" in hit["location"]["excerpt"]


def test_doc_in_a_folder_is_not_silently_skipped(old_word, tmp_path, capsys):
    folder = tmp_path / "公开"
    folder.mkdir()
    shutil.copy(old_word, folder / "旧版说明.doc")
    code, out, err = run(capsys, "--format", "jsonl", folder)
    [document] = [json.loads(line) for line in out.splitlines()]
    assert code == 1 and document["path"].endswith("旧版说明.doc") and document["error"] is None
    assert "跳过" not in err


def test_doc_without_libreoffice_is_one_line(tmp_path, monkeypatch, capsys):
    doc = tmp_path / "旧版说明.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 4096)
    monkeypatch.setattr(office, "soffice", lambda: None)
    code, out, _ = run(capsys, "--format", "jsonl", doc)
    [document] = [json.loads(line) for line in out.splitlines()]
    assert code == 2 and "旧版说明.doc" in document["error"] and "LibreOffice" in document["error"]
    assert "\n" not in document["error"]


@pytest.fixture
def mixed_folder(tmp_path) -> Path:
    folder = tmp_path / "某部门2024决算"
    folder.mkdir()
    (folder / "单位.txt").write_text(CLEAN, encoding="utf-8")
    (folder / "README.md").write_text("# 说明\n\n这里存放下载的决算公开文件，请勿改名。\n", encoding="utf-8")
    (folder / "通知.txt").write_text("关于召开年度工作会议的通知\n请各科室负责人准时参加。\n", encoding="utf-8")
    (folder / "封面.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    return folder


SKIPPED = ["README.md", "封面.png", "通知.txt"]


def test_walked_files_that_are_not_disclosures_are_skipped_in_text(mixed_folder, capsys):
    code, out, _ = run(capsys, mixed_folder)
    assert code == 0  # the one disclosure is clean; the others do not make the batch fail
    skipped = sorted(Path(line.split("：")[1]).name for line in out.splitlines() if line.startswith("跳过："))
    assert skipped == SKIPPED
    assert "文件：" in out and "单位.txt" in out and "另跳过 3 个" in out and ".DS_Store" not in out


def test_walked_files_that_are_not_disclosures_are_skipped_in_json(mixed_folder, capsys):
    code, out, _ = run(capsys, "--format", "json", mixed_folder)
    data = json.loads(out)
    assert code == 0
    assert [Path(d["path"]).name for d in data["documents"]] == ["单位.txt"]
    assert sorted(Path(s["path"]).name for s in data["skipped"]) == SKIPPED
    assert all(Path(s["path"]).name in s["reason"] for s in data["skipped"])
    assert data["summary"]["skipped"] == 3 and data["summary"]["unreadable"] == 0


def test_walked_files_that_are_not_disclosures_are_skipped_in_html(mixed_folder, tmp_path, capsys):
    target = tmp_path / "报告.html"
    code, _, _ = run(capsys, "--format", "html", "-o", target, mixed_folder)
    page = target.read_text(encoding="utf-8")
    assert code == 0 and page.count('<p class="skipped">跳过：') == 3 and page.count('<section class="document">') == 1


def test_walked_files_that_are_not_disclosures_go_to_stderr_in_jsonl(mixed_folder, capsys):
    code, out, err = run(capsys, "--format", "jsonl", mixed_folder)
    assert code == 0 and [Path(json.loads(line)["path"]).name for line in out.splitlines()] == ["单位.txt"]
    assert sum(line.startswith("跳过：") for line in err.splitlines()) == 3


def test_a_named_file_that_is_not_a_disclosure_still_exits_2(mixed_folder, capsys):
    code, out, _ = run(capsys, mixed_folder / "README.md")
    assert code == 2 and "无法读取" in out and "未识别出部门决算或预算公开的内容" in out
    code, _, _ = run(capsys, mixed_folder / "单位.txt", mixed_folder / "通知.txt")
    assert code == 2


def test_a_folder_without_any_disclosure_exits_2(tmp_path, capsys):
    (tmp_path / "README.md").write_text("# 说明\n\n只是一个说明文件。\n", encoding="utf-8")
    code, out, err = run(capsys, tmp_path)
    assert code == 2 and "跳过：" in out and "没有审核任何文件" in err


def test_unreadable_walked_disclosures_still_exit_2(mixed_folder, capsys):
    (mixed_folder / "损坏.pdf").write_bytes(b"%PDF-1.4\n this is not a pdf at all")
    code, out, _ = run(capsys, mixed_folder)
    assert code == 2 and "无法读取" in out
