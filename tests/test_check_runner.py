"""The check machinery: collect, never abort; not-run is never counted as passed."""

import pytest

from juesuan.core.findings import Severity
from juesuan.core.model import Disclosure, Unit
from juesuan.core.profiles import profile_from_mapping
from juesuan.rules.checks.base import ERROR, INFO, WARNING, Code, Context, NotApplicable, check, run, spec_of

X_BAD = Code("X-BAD", ERROR, "总是出错")
X_OK = Code("X-OK", ERROR, "从不出错")
X_NA = Code("X-NA", ERROR, "缺数据")
X_CRASH = Code("X-CRASH", ERROR, "程序错误")


@check(X_BAD, relations=("C01",))
def always_fails(ctx):
    """A check that finds an error."""
    yield X_BAD("错误")


@check(X_OK)
def never_fails(ctx):
    """A check that finds nothing."""
    return ()


@check(X_NA)
def lacks_data(ctx):
    """A check whose data is missing."""
    raise NotApplicable("缺少收入支出决算总表")


@check(X_CRASH)
def crashes(ctx):
    """A check with a bug."""
    return [1 / 0]


def _ctx(checks=None):
    return Context.of(Disclosure(unit=Unit(name="测试单位", year=2024)), profile_from_mapping(dict(name="t", checks=checks or {})))


def test_run_collects_every_outcome():
    report = run((always_fails, never_fails, lacks_data, crashes), _ctx())
    status = {o.check: o.status for o in report.outcomes}
    assert status == {"always_fails": "failed", "never_fails": "passed", "lacks_data": "not_run", "crashes": "not_run"}
    summary = report.summary()
    assert summary["run"] == 2 and summary["passed"] == 1 and summary["failed"] == 1
    assert [n["check"] for n in summary["not_run"]] == ["lacks_data", "crashes"]
    codes = [f.code for f in report.findings]
    assert codes == ["X-BAD", "CHECK-CRASHED"]


def test_profile_can_turn_codes_off_and_change_severity():
    report = run((always_fails,), _ctx({"X-BAD": "info"}))
    assert report.findings[0].severity is Severity.INFO
    assert report.outcomes[0].status == "passed"  # info alone does not fail a check
    report = run((always_fails,), _ctx({"X-BAD": "off"}))
    assert report.findings == () and report.outcomes[0].status == "passed"
    report = run((always_fails, never_fails), _ctx({"always_fails": "off"}))
    assert [o.check for o in report.outcomes] == ["never_fails"]


def test_spec_records_codes_and_docstring():
    spec = spec_of(always_fails)
    assert spec.codes == (X_BAD,) and spec.relations == ("C01",)
    assert spec.doc == "A check that finds an error."


def test_table_places_reads_every_amount():
    from decimal import Decimal

    from juesuan.core.model import CodedTable, Row, SummaryTable, Tables
    from juesuan.rules.checks.base import table_places

    printed = Tables(t1=SummaryTable(income={"其他收入": Decimal("48.55")}, income_total=Decimal("1787.23")))
    assert table_places(printed) == 2
    data = Tables(t5=CodedTable("T5", ("合计",), rows=(Row("2010301", "行政运行", {"合计": Decimal("881.381234")}),)))
    assert table_places(data) == 6
    assert table_places(Tables()) == 2


def test_code_builds_findings_at_its_declared_severities_only():
    code = Code("X-TWO", WARNING, "两种级别", also=(INFO,))
    f = code("信息", {"a": "1"}, (), "某节")
    assert (f.code, f.severity, f.message, dict(f.figures), f.section) == ("X-TWO", Severity.WARNING, "信息", {"a": "1"}, "某节")
    assert code.at(INFO)("提示").severity is Severity.INFO
    with pytest.raises(ValueError):
        code.at(ERROR)
