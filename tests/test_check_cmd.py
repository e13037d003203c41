"""`juesuan check`: exit codes, the JSON / JSON Lines shape (docs/json.md), the HTML report,
batches where one file is unreadable, folders."""

import json
import re
from pathlib import Path

import pytest

from catalogue_examples import GLOSSARY, TABLE_LIST, TOPICS
from juesuan.apps.cli import main

CLEAN = "某单位2024年度部门决算\n公开说明\n" + TOPICS.replace("。", "。\n") + "\n因公出国（境）团组0个，0人次。公务用车购置数0辆，保有量0辆。公务接待0批次，0人次。\n" + GLOSSARY + "\n第四部分 部门决算报表（见附表）\n" + TABLE_LIST + "\n"
WITH_QUESTION = CLEAN + "补充开展党纪学题教育情况？\n"


@pytest.fixture
def files(tmp_path: Path):
    clean = tmp_path / "clean.txt"
    clean.write_text(CLEAN, encoding="utf-8")
    bad = tmp_path / "question.txt"
    bad.write_text(WITH_QUESTION, encoding="utf-8")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n this is not a pdf at all")
    return clean, bad, broken


def run(capsys, *args):
    code = main(["check", "--no-progress", *map(str, args)])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_clean_document_exits_0(files, capsys):
    code, out, _ = run(capsys, files[0])
    assert code == 0 and "错误 0 项" in out


def test_error_finding_exits_1_and_text_shows_excerpt(files, capsys):
    code, out, _ = run(capsys, files[1])
    assert code == 1
    assert "W-EDITOR-QUESTION" in out and "原文：" in out and "补充开展党纪学题教育情况？" in out


def test_unreadable_in_batch_exits_2_and_others_still_reported(files, capsys):
    code, out, err = run(capsys, "--format", "jsonl", *files)
    assert code == 2
    docs = {Path(d["path"]).name: d for d in map(json.loads, out.splitlines())}  # in the order they finish
    assert sorted(docs) == ["broken.pdf", "clean.txt", "question.txt"]
    assert docs["broken.pdf"]["error"] and "broken.pdf" in docs["broken.pdf"]["error"] and docs["broken.pdf"]["counts"]["unreadable"] is True
    assert docs["question.txt"]["error"] is None and any(f["rule"] == "W-EDITOR-QUESTION" for f in docs["question.txt"]["findings"])
    assert "无法读取" in err  # the summary table goes to stderr for machine formats


def test_missing_file_is_unreadable(tmp_path, capsys):
    code, out, _ = run(capsys, tmp_path / "nope.pdf")
    assert code == 2 and "文件不存在" in out


def test_json_shape(files, capsys):
    code, out, _ = run(capsys, "--format", "json", files[1])
    data = json.loads(out)
    assert code == 1 and data["tool"] == "juesuan" and data["schema"] == 1
    doc = data["documents"][0]
    assert set(doc) == {"path", "profile", "identity", "error", "findings", "checks", "counts", "comparisons"}
    assert doc["comparisons"] == []  # nothing to compare with without --db
    assert doc["counts"]["fault"] is False and data["skipped"] == []
    f = next(f for f in doc["findings"] if f["rule"] == "W-EDITOR-QUESTION")
    assert set(f) == {"rule", "severity", "message", "location", "figures"}
    assert f["severity"] == "error" and f["location"]["excerpt"].endswith("？") and "line" in f["location"]
    assert set(doc["checks"]) == {"run", "passed", "failed", "not_run"}
    assert all(set(n) == {"check", "reason"} for n in doc["checks"]["not_run"])
    assert data["summary"] == {"documents": 1, "error": doc["counts"]["error"], "warning": doc["counts"]["warning"],
                               "info": doc["counts"]["info"], "unreadable": 0, "fault": 0, "skipped": 0}


def test_html_report_structure(files, tmp_path, capsys):
    target = tmp_path / "report.html"
    code, out, _ = run(capsys, "--format", "html", "-o", target, files[0], files[1])
    page = target.read_text(encoding="utf-8")
    assert code == 1 and out == ""
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert page.count("<section class=\"document\">") == 2
    assert "class=\"finding error\"" in page and "<mark>" in page and "汇总" in page
    assert "<script" not in page  # self-contained, nothing to fetch or run
    assert page.count("<div class=\"keypoints\"><h3>要点</h3>") == 2
    anchor = re.search(r'<a href="#([^"]+)">正文中有疑问句', page).group(1)
    assert page.index(f'id="{anchor}"') > page.index(f'href="#{anchor}"')  # the 要点 line links down to its finding


def test_text_report_puts_key_points_before_the_groups(files, capsys):
    _, out, _ = run(capsys, files[1])
    head = out.index("要点：")
    point = out.index("1. [错误] W-EDITOR-QUESTION", head)
    assert point < out.index("【文字】") and "（第" in out[point: out.index("\n", point)]


def test_folder_is_expanded_and_jobs_spread(files, tmp_path, capsys):
    (tmp_path / "picture.jpg").write_bytes(b"\xff\xd8")
    code, out, _ = run(capsys, "--format", "jsonl", "--jobs", "2", tmp_path)
    names = sorted(Path(json.loads(line)["path"]).name for line in out.splitlines())
    assert names == ["broken.pdf", "clean.txt", "question.txt"] and code == 2


def test_usage_errors_exit_2(files, capsys):
    code, _, err = run(capsys, "--profile", "mars-2024", files[0])
    assert code == 2 and "未知的配置" in err
    with pytest.raises(SystemExit) as exc:
        main(["check", "--format", "yaml", str(files[0])])
    assert exc.value.code == 2


def test_text_batch_ends_with_summary_table(files, capsys):
    _, out, _ = run(capsys, files[0], files[1])
    tail = out.strip().splitlines()[-1]
    assert tail.startswith("合计")
