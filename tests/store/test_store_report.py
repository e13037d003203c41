"""``juesuan store report``: a region's year, units worst first, findings by rule, the trend of
the years before, in HTML and Excel; false alarms left out — on both databases."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook

import yeardata as Y
from conftest import cli
from juesuan.apps.store import db, query
from juesuan.apps.store.report import review
from juesuan.apps.store.schema import Document, FindingRow, Run, Unit

CLEAN, FAULTY, OTHER = "昌吉回族自治州审计局", "昌吉回族自治州财政局", "上海市普陀区审计局"


@pytest.fixture
def stored(store_url, tmp_path):
    """Three units' 2023 and 2024 data; the 财政局's 2024 T1 does not balance; one unit is in 上海."""
    files = []
    for name in (CLEAN, FAULTY, OTHER):
        for year in (2023, 2024):
            data = Y.scaled(Y.example(), "1.0" if year == 2023 else "1.1", name=name, year=year)
            if name == FAULTY and year == 2024:
                data["表"]["T1"]["收入"]["其他收入"] = "1234.5"
            files.append(str(Y.write(data, tmp_path / f"{name}{year}" / "决算数据.yaml")))
    done = cli("store", "add", *files, "--db", store_url)
    assert done.returncode == 0, done.stdout + done.stderr
    return store_url


def _runs(url: str) -> dict[tuple[str, int], Run]:
    with db.session(db.open_store(url)) as s:
        rows = s.execute(sa.select(Unit.name, Document.year, Run).join(Document, Document.unit_id == Unit.id)
                         .join(Run, Run.document_id == Document.id)).all()
    return {(name, year): run for name, year, run in rows}


def test_units_worst_first_with_their_stored_counts_and_trend(stored):
    r = review(db.open_store(stored), 2024, "新疆")
    assert [row.unit for row in r.rows] == [FAULTY, CLEAN]  # 上海 left out; the unit with errors first
    runs = _runs(stored)
    for row in r.rows:
        run = runs[(row.unit, 2024)]
        assert (row.errors, row.warnings, row.infos) == (run.errors, run.warnings, run.infos)
        assert row.trend[2023] == runs[(row.unit, 2023)].errors + runs[(row.unit, 2023)].warnings
        assert sum(row.by_rule.values()) == row.errors + row.warnings
    assert r.rows[0].errors > 0 and r.rows[1].errors == 0
    codes = [code for code, *_ in r.rules]
    assert "T1-BALANCE" in codes
    balance = next(rule for rule in r.rules if rule[0] == "T1-BALANCE")
    assert balance[2] == "error" and balance[3] == 1 and balance[5] == 0  # one unit, none last year
    assert r.totals[2023][0] == 2 and r.totals[2024][0] == 2
    everyone = review(db.open_store(stored), 2024)
    assert {row.unit for row in everyone.rows} == {CLEAN, FAULTY, OTHER}


def test_the_html_report_is_a_whole_printable_page(stored, tmp_path):
    out = tmp_path / "汇总.html"
    done = cli("store", "report", "--year", "2024", "--region", "新疆", "-o", str(out), "--db", stored)
    assert done.returncode == 0, done.stderr
    page = out.read_text(encoding="utf-8")
    assert "<h1>新疆2024年度部门决算公开审核情况汇总</h1>" in page
    assert page.index(FAULTY) < page.index(CLEAN) and OTHER not in page
    assert page.count("data:image/png;base64,") == 3 and "@page{size:A4 landscape" in page
    assert "<code>T1-BALANCE</code>" in page and "本次汇总2个单位的2024年度决算公开文件：有错误的1个" in page


def test_the_workbook_has_units_rules_and_years(stored, tmp_path):
    out = tmp_path / "汇总.xlsx"
    assert cli("store", "report", "--year", "2024", "-o", str(out), "--db", stored).returncode == 0
    wb = load_workbook(out)
    assert wb.sheetnames == ["汇总", "单位", "规则", "历年"]
    header = [c.value for c in wb["单位"][1]]
    rows = [dict(zip(header, (c.value for c in row))) for row in wb["单位"].iter_rows(min_row=2)]
    assert rows[0]["单位"] == FAULTY and rows[0]["T1-BALANCE"] >= 1
    runs = _runs(stored)
    for row in rows:
        assert row["错误"] == runs[(row["单位"], 2024)].errors and row["2023年度"] is not None
    assert [c.value for c in wb["历年"]["A"]][1:] == [2023, 2024]
    assert len(wb["汇总"]._images) == 3


def test_a_false_alarm_is_left_out_of_the_counts(stored):
    engine = db.open_store(stored)
    with db.session(engine) as s:
        doc_id, code, place = s.execute(
            sa.select(Document.id, FindingRow.code, FindingRow.location_hash).join(Run, Run.document_id == Document.id)
            .join(FindingRow, FindingRow.run_id == Run.id).join(Unit, Unit.id == Document.unit_id)
            .where(Unit.name == CLEAN, Document.year == 2024, FindingRow.severity == "warning")).first()
    before = next(row for row in review(engine, 2024, "新疆").rows if row.unit == CLEAN)
    query.decide(engine, doc_id, code, place, "false_alarm", "审核员甲", "口径不同，不是问题")
    after = next(row for row in review(engine, 2024, "新疆").rows if row.unit == CLEAN)
    assert after.warnings == before.warnings - 1 and after.false_alarms == 1
    query.decide(engine, doc_id, code, place, "accepted", "审核员乙")  # the latest decision counts
    again = next(row for row in review(engine, 2024, "新疆").rows if row.unit == CLEAN)
    assert again.warnings == before.warnings and again.false_alarms == 0


def test_a_report_needs_an_html_or_xlsx_name(stored, tmp_path):
    done = cli("store", "report", "--year", "2024", "-o", str(tmp_path / "汇总.pdf"), "--db", stored)
    assert done.returncode == 2 and ".html 或 .xlsx" in done.stderr
