"""``juesuan template --from-db UNIT --year Y``: the workbook comes prefilled from the store with
last year's figures (as 上年) and the unit's facts, and reads back as data — on both databases."""

from __future__ import annotations

from decimal import Decimal

from openpyxl import load_workbook

import yeardata as Y
from conftest import cli
from juesuan.io.readers.data_xlsx import read_workbook

NAME = "昌吉回族自治州人民政府办公室"


def test_a_workbook_prefilled_with_last_years_figures(store_url, tmp_path):
    assert cli("store", "add", str(Y.EXAMPLE), "--db", store_url).returncode == 0
    out = tmp_path / "2025.xlsx"
    done = cli("template", "--from-db", NAME, "--year", "2025", "-o", str(out), "--db", store_url)
    assert done.returncode == 0, done.stderr
    assert f"已写出 {NAME} 2025 年度" in done.stdout and str(Y.EXAMPLE) in done.stdout
    sheet = load_workbook(out)["上年数与预算数"]
    prior = {row[0]: row[2] for row in sheet.iter_rows(min_row=5, values_only=True) if row[0]}
    assert Decimal(str(prior["收支总计"])) == Decimal("1787.23")
    assert Decimal(str(prior["项.2080501"])) == Decimal("54.324815")  # 543,248.15 元, exactly
    assert Decimal(str(prior["三公.合计"])) == Decimal("77.21")
    d = read_workbook(out)
    assert (d.unit.name, d.unit.year) == (NAME, 2025)
    assert d.unit.functions and d.unit.internal_sections  # carried over from last year's data file
    assert d.comparatives.prior["机关运行经费"] == Decimal("161.936038")
    assert d.comparatives.prior["项.2010301"] == Decimal("881.381234")


def test_a_unit_the_store_does_not_hold_is_one_line(store_url, tmp_path):
    done = cli("template", "--from-db", "不存在的单位", "--year", "2025", "-o", str(tmp_path / "t.xlsx"), "--db", store_url)
    assert done.returncode == 2 and "库中没有单位“不存在的单位”" in done.stderr and not (tmp_path / "t.xlsx").exists()
