"""`juesuan build` runs the check catalogue over the data: problems are reported, never "fixed"."""

import shutil
from pathlib import Path

from juesuan.apps.cli import main
from juesuan.compose import build

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "changji-2024"


def test_example_data_reports_its_warnings(tmp_path):
    result = build(EXAMPLE, tmp_path, ["md"])
    codes = sorted(f.code for f in result.findings)
    # the seed's own scoring of met "≤" indicators, its 1,740.74 vs 1,753.38 budget gap, and its
    # 实际完成 texts that disagree with the tables (0 vs 0.19万元, 1.45 vs 2万元, 30 vs 35家, 5月23日 vs 4月15日),
    # and its 整体 table's 3 meeting rooms against 4 in one project
    assert codes == ["P-ACHIEVED-TEXT"] * 4 + ["P-REVERSE-SCORED", "P-REVERSE-SCORED", "P-SAME-INDICATOR", "P-WHOLE-FISCAL"]
    achieved = " ".join(f.message for f in result.findings if f.code == "P-ACHIEVED-TEXT")
    assert all(fact in achieved for fact in ("0万元", "1.45万元", "30家", "5月23日前"))
    assert all(f.severity.value == "warning" for f in result.findings)
    assert main(["build", str(EXAMPLE), "-o", str(tmp_path / "cli"), "-f", "md"]) == 0


def test_stated_total_that_does_not_add_up_is_reported_with_its_key(tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(EXAMPLE, data)
    yaml_file = data / "决算数据.yaml"
    text = yaml_file.read_text(encoding="utf-8")
    marker = "    年初结转和结余: 455200.00\n"
    assert marker in text
    # state a 收入总计 that is 100 元 short of 本年收入合计 + 年初结转和结余
    yaml_file.write_text(text.replace(marker, marker + "    收入总计: 17872200.00\n"), encoding="utf-8")
    rc = main(["build", str(data), "-o", str(tmp_path / "out"), "-f", "md"])
    out = capsys.readouterr().out
    assert rc == 1
    assert (tmp_path / "out" / "公开说明.md").is_file()  # written anyway, as the data says
    assert "T1" in out and "收入总计" in out
    line = next(l for l in out.splitlines() if "[错误]" in l)
    assert "表.T1" in line  # the YAML key the figure came from


def test_engine_score_used_when_data_prints_none():
    from juesuan import api
    from juesuan.rules.checks import default_registry, run
    from juesuan.rules.checks.base import Context
    from juesuan.core.profiles import load_profile

    d = api.load(EXAMPLE)
    assert all(ind.score is None for ev in d.evaluations for ind in ev.indicators)
    report = run(default_registry(), Context.of(d, load_profile("national")))
    # national scores a met reverse indicator at full marks: nothing to report
    assert "P-REVERSE-SCORED" not in {f.code for f in report.findings}
