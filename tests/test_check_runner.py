"""The check machinery: collect, never abort; not-run is never counted as passed."""

from juesuan.core.findings import Finding, Severity
from juesuan.core.model import Disclosure, Unit
from juesuan.core.profiles import Profile
from juesuan.rules.checks.base import Context, NotApplicable, check, run, spec_of


@check(codes={"X-BAD": "总是出错"}, relations=("C01",))
def always_fails(ctx):
    """A check that finds an error."""
    yield Finding("X-BAD", Severity.ERROR, "错误")


@check(codes={"X-OK": "从不出错"})
def never_fails(ctx):
    """A check that finds nothing."""
    return ()


@check(codes={"X-NA": "缺数据"})
def lacks_data(ctx):
    """A check whose data is missing."""
    raise NotApplicable("缺少收入支出决算总表")


@check(codes={"X-CRASH": "程序错误"})
def crashes(ctx):
    """A check with a bug."""
    return [1 / 0]


def _ctx(checks=None):
    return Context(Disclosure(unit=Unit(name="测试单位", year=2024)), Profile(name="t", checks=checks or {}))


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
    assert spec.codes == {"X-BAD": "总是出错"} and spec.relations == ("C01",)
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
