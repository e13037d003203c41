"""`juesuan score`: JSON shape, the aligned text table, profiles, exit codes; end to end on the
example data folder and on the seed document when their readers are present."""

import json
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest

from shared import SHARED, needs_shared, shared

from fixtures.seed_evaluations import SEED_TOTALS, seed_disclosure, seed_evaluations, with_indicator
from juesuan.apps import cli, score_cmd
from juesuan.rules.scoring import score_evaluation

ROOT = Path(__file__).resolve().parents[1]
SEED = SHARED / "seed" / "000_e5361b4e9819f483.txt"
EXAMPLE = ROOT / "examples" / "changji-2024"
NATIONAL_TOTALS = [99.74, 100.0, 94.38, 100.0, 100.0, 100.0]


def _check_shape(data: dict) -> None:
    assert set(data) == {"evaluations"}
    for ev in data["evaluations"]:
        assert {"name", "kind", "total", "grade", "execution", "indicators"} <= set(ev)
        assert ev["kind"] in ("整体", "项目") and ev["grade"] in ("优", "良", "中", "差")
        assert {"rate", "score", "weight", "budget", "executed"} <= set(ev["execution"])
        for item in ev["indicators"]:
            assert {"name", "target", "actual", "rate", "weight", "score", "rule"} <= set(item)
            assert isinstance(item["name"], str) and isinstance(item["target"], str)
            assert item["score"] is None or isinstance(item["score"], float)


def test_json_shape_and_values():
    scores = [score_evaluation(ev, "xinjiang-2024") for ev in seed_evaluations()]
    data = json.loads(json.dumps(score_cmd.to_json(scores), ensure_ascii=False))
    _check_shape(data)
    yuanjiang = data["evaluations"][2]
    assert (yuanjiang["name"], yuanjiang["kind"], yuanjiang["total"], yuanjiang["grade"]) == ("援疆工作经费", "项目", 78.07, "中")
    assert yuanjiang["execution"] == {"rate": 43.8, "score": 0.0, "weight": 10.0, "budget": 5.0, "executed": 2.19,
                                      "problem": ""}
    item = yuanjiang["indicators"][2]
    assert (item["target"], item["actual"], item["rate"], item["weight"], item["score"], item["rule"]) == \
        ("=95%", "=100%", 105.26, 5.0, 4.74, "按照完成比例赋分")
    assert [e["total"] for e in data["evaluations"]] == [float(t) for t in SEED_TOTALS]


@pytest.fixture
def seeded(monkeypatch):
    """The CLI reading the seed's six tables without any reader."""
    def fake(path, profile=None):
        return seed_disclosure()
    monkeypatch.setattr(score_cmd, "load_disclosure", fake)


def _width(text):
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def test_cli_text_table_is_aligned(seeded, capsys):
    assert cli.main(["score", "任意.yaml"]) == 0
    out = capsys.readouterr().out
    assert out.count("总分") == 6 and "99.74" in out and "78.07" in out and "等级：中" in out
    first = out.split("\n\n")[0].splitlines()
    grid = [line for line in first[2:] if not line.startswith("  ！")]
    assert len(grid) == 1 + 7 + 1  # header, seven indicators, 总分
    widths = {_width(line.rsplit("  ", 1)[0]) for line in grid}
    assert len(widths) == 1, grid


def test_cli_json_and_profiles(seeded, capsys, tmp_path):
    assert cli.main(["score", "x.yaml", "--format", "json", "--profile", "national"]) == 0
    data = json.loads(capsys.readouterr().out)
    _check_shape(data)
    assert [e["total"] for e in data["evaluations"]] == NATIONAL_TOTALS
    mine = tmp_path / "mine.yaml"
    mine.write_text("base: national\nscoring:\n  grade_bands: [99, 80, 60]\n", encoding="utf-8")
    assert cli.main(["score", "x.yaml", "--format", "json", "--profile", str(mine)]) == 0
    grades = [e["grade"] for e in json.loads(capsys.readouterr().out)["evaluations"]]
    assert grades == ["优", "优", "良", "优", "优", "优"]  # 99.74, 100, 94.38, 100, 100, 100


def test_cli_reports_what_cannot_be_read(monkeypatch, capsys):
    evs = seed_evaluations()
    broken = with_indicator(evs[1], 3, actual="详见附件")
    monkeypatch.setattr(score_cmd, "load_disclosure", lambda path, profile=None: seed_disclosure((broken,)))
    assert cli.main(["score", "x.yaml"]) == 1
    out = capsys.readouterr().out
    assert "未计分" in out and "第4行指标“保障视频会议的会议室个数”" in out


def test_cli_bad_input_exit_code(tmp_path, capsys):
    assert cli.main(["score", str(tmp_path / "没有这个文件.yaml")]) == 2
    assert "没有这个文件.yaml" in capsys.readouterr().err


def test_cli_unknown_profile_exit_code(seeded, capsys):
    assert cli.main(["score", "x.yaml", "--profile", "no-such-profile"]) == 2
    assert "no-such-profile" in capsys.readouterr().err


def test_cli_on_example_data(capsys):
    assert cli.main(["score", str(EXAMPLE), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    _check_shape(data)
    assert [e["total"] for e in data["evaluations"]] == [float(t) for t in SEED_TOTALS]


@needs_shared
def test_cli_rescores_the_published_seed(capsys):
    shared("seed", SEED.name)
    from juesuan.io.readers import read_document

    assert len(read_document(SEED).evaluations) == 6
    assert cli.main(["score", str(SEED), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    _check_shape(data)
    assert [e["total"] for e in data["evaluations"]] == [float(t) for t in SEED_TOTALS]
    assert cli.main(["score", str(SEED), "--format", "json", "--profile", "national"]) == 0
    assert [e["total"] for e in json.loads(capsys.readouterr().out)["evaluations"]] == NATIONAL_TOTALS


def test_total_is_sum_of_rounded_scores():
    r = score_evaluation(seed_evaluations()[2], "xinjiang-2024")
    assert r.total == sum((i.score for i in r.indicators), r.execution.score) == Decimal("78.07")
