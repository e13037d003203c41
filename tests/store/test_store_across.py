"""Checks across documents through the store: a 2025 document composed with juesuan from the
example is checked against the stored 2024 one (every output format shows the comparison; a
planted difference is found with both places; rounding stays info); a department against its
units' 单位决算 (汇总); a renamed unit matched and reported."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

import yeardata as Y
from conftest import cli
from juesuan.compose import build

PLANTED = "2080501"  # 行政单位离退休: last year 54.32 万元


@pytest.fixture(scope="module")
def years(tmp_path_factory):
    """The example's 2024 disclosure, the 2025 one composed from it, and a 2025 one whose 上年
    figure of one 项 is 1 万元 off, each as the HTML page ``juesuan build`` writes."""
    tmp = tmp_path_factory.mktemp("years")
    d24 = Y.example()
    d25 = Y.next_year(d24, "1.1", tmp)
    planted = json.loads(json.dumps(d25))
    planted["上年"]["项"][PLANTED] = str(Decimal(planted["上年"]["项"][PLANTED]) + 10000)
    out = {}
    for name, data in (("2024", d24), ("2025", d25), ("2025-planted", planted)):
        source = Y.write(data, tmp / name / "决算数据.yaml")
        out[name] = build(source, tmp / name / "公开", ["html"]).files[0]
        out[name + "-data"] = source
    return out


def _json(done) -> dict:
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)["documents"][0]


def _store(url, *paths) -> None:
    done = cli("store", "add", *map(str, paths), "--db", url)
    assert done.returncode == 0, done.stdout + done.stderr


def test_last_years_figures_are_compared_in_every_output_format(years, store_url):
    _store(store_url, years["2024"])
    doc = _json(cli("check", str(years["2025"]), "--db", store_url, "--format", "json"))
    (summary,) = doc["comparisons"]
    assert summary["rule"] == "X-PRIOR-SUMMARY" and summary["compared"] >= 15
    prior = [f for f in doc["findings"] if f["rule"] == "X-PRIOR-YEAR"]
    # what does not agree to the cent is the rounding of 本年 − 增减, and stays info
    assert summary["agreed"] == summary["compared"] - len(prior)
    assert prior and all(f["severity"] == "info" and "四舍五入" in f["message"] for f in prior)
    assert not any(f["rule"] == "X-UNIT-MATCH" for f in doc["findings"])
    line = f"与上年已公开文件核对{summary['compared']}个数字，{summary['agreed']}个一致"
    text = cli("check", str(years["2025"]), "--db", store_url)
    assert f"跨文件核对：{line}" in text.stdout
    page = cli("check", str(years["2025"]), "--db", store_url, "--format", "html")
    assert f'<p class="comparison">跨文件核对：{line}</p>' in page.stdout
    lines = cli("check", str(years["2025"]), "--db", store_url, "--format", "jsonl")
    assert json.loads(lines.stdout.splitlines()[0])["comparisons"] == doc["comparisons"]
    batch = cli("check", str(years["2025"]), str(years["2025-planted"]), "--db", store_url, "--format", "jsonl", "--jobs", "2")
    assert [json.loads(line)["comparisons"][0]["rule"] for line in batch.stdout.splitlines()] == ["X-PRIOR-SUMMARY"] * 2


def test_without_the_store_last_years_check_does_not_run(years):
    doc = _json(cli("check", str(years["2025"]), "--format", "json"))
    assert doc["comparisons"] == []
    assert "prior_year" in [n["check"] for n in doc["checks"]["not_run"]]


def test_a_planted_difference_is_found_with_both_places(years, store_url):
    _store(store_url, years["2024"])
    doc = _json(cli("check", str(years["2025-planted"]), "--db", store_url, "--format", "json"))
    (hit,) = [f for f in doc["findings"] if f["rule"] == "X-PRIOR-YEAR" and f["severity"] == "warning"]
    # 2025 prints 本年 and 增减 rounded, so the 上年 it states (本年 − 增减) may be a cent off 55.32
    assert hit["figures"]["上年文件本年数"] == "54.32" and abs(Decimal(hit["figures"]["差额"]) - 1) <= Decimal("0.01")
    here, there = hit["location"], hit["location"]["also"][0]
    assert here["file"] == str(years["2025-planted"]) and "行政单位离退休" in here["excerpt"] and here["line"]
    assert there["file"] == str(years["2024"]) and "54.32" in there["excerpt"] and there["line"]
    assert there["excerpt"][there["start"]:there["end"]] == "54.32"
    (summary,) = doc["comparisons"]
    assert summary["agreed"] < summary["compared"]


def test_a_data_file_is_compared_with_last_years_stored_data(years, store_url):
    _store(store_url, years["2024-data"])
    doc = _json(cli("check", str(years["2025-planted-data"]), "--db", store_url, "--format", "json"))
    warnings = [f for f in doc["findings"] if f["rule"] == "X-PRIOR-YEAR" and f["severity"] == "warning"]
    assert [f["figures"]["差额"] for f in warnings] == ["1.00"] and PLANTED in warnings[0]["message"]
    places = [warnings[0]["location"], *warnings[0]["location"].get("also", [])]
    # this year's 上年 where the data file gives it; last year's figure where the stored data file does
    assert [{"file": p["file"], "cell": p.get("cell")} for p in places] == [
        {"file": str(years["2025-planted-data"]), "cell": f"上年.项.{PLANTED}"},
        {"file": str(years["2024-data"]), "cell": f"表.T5.行.{PLANTED}.合计"}]
    (summary,) = doc["comparisons"]
    assert summary["compared"] - summary["agreed"] == 1  # data agrees to the cent everywhere else


def _unit(tmp, name: str, factor: str, year: int = 2024, **changes) -> object:
    data = Y.scaled(Y.example(), factor, name=name, year=year)
    for path, value in changes.items():
        section, *rest = path.split("/")
        target = data[section]
        for part in rest[:-1]:
            target = target[part]
        target[rest[-1]] = value
    return Y.write(data, tmp / f"{name}-{year}-{factor}-{len(changes)}" / "决算数据.yaml")


DEPARTMENT = "昌吉回族自治州人民政府办公室"
OWN = "昌吉回族自治州人民政府办公室（本级）"
CHILD = "昌吉回族自治州人民政府电子政务办公室"


def test_a_department_is_compared_with_the_sum_of_its_units(store_url, tmp_path):
    own = _unit(tmp_path, OWN, "1")
    child = _unit(tmp_path, CHILD, "0.5")
    department = Y.scaled(Y.example(), "1.5")
    department["单位"]["下属预算单位"] = [OWN, CHILD]
    department["单位"]["下属预算单位数"] = 2
    department_file = Y.write(department, tmp_path / "department" / "决算数据.yaml")
    _store(store_url, own, child)
    doc = _json(cli("check", str(department_file), "--db", store_url, "--format", "json"))
    (summary,) = [c for c in doc["comparisons"] if c["rule"] == "X-MEMBERS-SUMMARY"]
    assert summary["compared"] >= 10 and summary["agreed"] == summary["compared"]
    assert OWN in summary["message"] and CHILD in summary["message"]
    assert not [f for f in doc["findings"] if f["rule"] in ("X-MEMBERS", "X-BUDGET")]

    # the child unit re-publishes with 10 万元 more 其他收入: a new version, and the 汇总 no longer adds up
    changed = _unit(tmp_path, CHILD, "0.5", **{"表/T1/收入/其他收入": "342740.145"})
    added = cli("store", "add", str(changed), "--db", store_url)
    assert "第2版" in added.stdout
    doc = _json(cli("check", str(department_file), "--db", store_url, "--format", "json"))
    gaps = [f for f in doc["findings"] if f["rule"] == "X-MEMBERS" and f["severity"] == "warning"]
    assert gaps and all(f["figures"]["差额"] == "-10.00" for f in gaps)
    assert any("本年收入合计" in f["message"] for f in gaps)


def test_a_department_with_a_unit_not_stored_is_not_summed(store_url, tmp_path):
    own = _unit(tmp_path, OWN, "1")
    department = Y.scaled(Y.example(), "1.5")
    department["单位"]["下属预算单位"] = [CHILD]
    department_file = Y.write(department, tmp_path / "department" / "决算数据.yaml")
    _store(store_url, own)
    doc = _json(cli("check", str(department_file), "--db", store_url, "--format", "json"))
    assert "members" in [n["check"] for n in doc["checks"]["not_run"]]


def test_a_renamed_unit_is_matched_and_the_match_reported(store_url, tmp_path):
    last = _unit(tmp_path, "昌吉回族自治州规划与自然资源局", "1")
    this = Y.next_year(Y.scaled(Y.example(), "1", name="昌吉回族自治州规划和自然资源局"), "1.1", tmp_path)
    this_file = Y.write(this, tmp_path / "this" / "决算数据.yaml")
    _store(store_url, last)
    doc = _json(cli("check", str(this_file), "--db", store_url, "--format", "json"))
    (match,) = [f for f in doc["findings"] if f["rule"] == "X-UNIT-MATCH"]
    assert "昌吉回族自治州规划与自然资源局" in match["message"] and match["severity"] == "info"
    assert doc["comparisons"][0]["agreed"] == doc["comparisons"][0]["compared"]
    added = cli("store", "add", str(this_file), "--db", store_url)
    assert "与库中单位“昌吉回族自治州规划与自然资源局”视为同一单位" in added.stdout
    history = cli("store", "history", "昌吉回族自治州规划与自然资源局", "--db", store_url).stdout
    assert history.startswith("昌吉回族自治州规划和自然资源局") and "2024年度" in history and "2025年度" in history


def test_a_name_no_rule_can_match_needs_an_alias(store_url, tmp_path):
    last = _unit(tmp_path, "昌吉州政府办公室", "1")
    this = Y.next_year(Y.example(), "1.1", tmp_path)
    this_file = Y.write(this, tmp_path / "this" / "决算数据.yaml")
    _store(store_url, last)
    assert _json(cli("check", str(this_file), "--db", store_url, "--format", "json"))["comparisons"] == []
    told = cli("store", "alias", "昌吉州政府办公室", DEPARTMENT, "--db", store_url)
    assert told.returncode == 0 and "另一名称" in told.stdout
    doc = _json(cli("check", str(this_file), "--db", store_url, "--format", "json"))
    assert doc["comparisons"] and any(f["rule"] == "X-UNIT-MATCH" for f in doc["findings"])
    assert f"其他名称：{DEPARTMENT}" in cli("store", "history", DEPARTMENT, "--db", store_url).stdout


def test_until_budgets_are_readable_the_years_data_file_gives_the_budget(years, store_url, tmp_path):
    _store(store_url, years["2024-data"])
    doc = _json(cli("check", str(years["2024"]), "--db", store_url, "--format", "json"))
    (summary,) = [c for c in doc["comparisons"] if c["rule"] == "X-BUDGET-SUMMARY"]
    assert summary["compared"] >= 2 and summary["agreed"] == summary["compared"]
    changed = Y.example()
    changed["年初预算"]["财政拨款收支总计"] = "17633800.00"  # 10 万元 more than the document states
    _store(store_url, Y.write(changed, tmp_path / "v2" / "决算数据.yaml"))
    doc = _json(cli("check", str(years["2024"]), "--db", store_url, "--format", "json"))
    (gap,) = [f for f in doc["findings"] if f["rule"] == "X-BUDGET" and f["severity"] == "warning"]
    assert gap["figures"]["决算所述年初预算数"] == "1,753.38" and gap["figures"]["预算文件"] == "1,763.38"
