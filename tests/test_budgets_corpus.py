"""The five real budgets of ../shared/corpus: each identified as a budget of its unit, year, kind
and layout, its tables read in the T1…T9 roles, and audited with no error but the real ones
(tests/golden/*yusuan*.yaml). Tests on the corpus skip when ../shared is absent."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
import pytest

from shared import needs_shared

from juesuan.audit import check_path
from juesuan.io.readers import read_document
from test_readers_pdf import _corpus  # tests/shared.py: absent ../shared leaves these tests out

D = Decimal


@lru_cache(maxsize=None)
def _read(name: str):
    return read_document(_corpus(name))


@lru_cache(maxsize=None)
def _checked(name: str):
    return check_path(_corpus(name))


#: file → (unit, year, label, profile, the error codes its real defects give)
BUDGETS = {
    "chongqing-kejiju-2026-yusuan.pdf": ("重庆市科学技术局", 2026, "部门预算", "chongqing-yusuan", {"T6-PERSONNEL", "T6-PUBLIC"}),
    "chongqing-xinandaxue-2021-yusuan.pdf": ("西南大学", 2021, "高等学校部门预算", "university-yusuan", {"N-OVERALL", "N-TOTALS-SUM", "N-REPEAT"}),
    "shanghai-caizhengju-2025-danwei-yusuan.pdf": ("上海市", 2025, "单位预算", "shanghai-yusuan", set()),
    "shenzhen-caizhengju-2026-yusuan.pdf": ("深圳市财政局（本级）", 2026, "部门预算", "shenzhen-yusuan", set()),
    "suzhou-shenjiju-2026-yusuan.pdf": ("苏州市审计局", 2026, "部门预算", "suzhou-yusuan", set()),
}


@needs_shared
@pytest.mark.parametrize("name", sorted(BUDGETS))
def test_each_real_budget_is_identified_and_audited_with_only_its_real_errors(name):
    unit, year, label, profile, errors = BUDGETS[name]
    result = _checked(name)
    assert result.error == "" and result.identity is not None
    who = result.identity
    assert (who.unit, who.year, who.label, who.profile) == (unit, year, label, profile)
    assert {f.code for f in result.findings if f.severity.value == "error"} == errors
    words = [f.message + f.section for f in result.findings]
    assert not [w for w in words if "决算表" in w or "部门决算" in w]


@needs_shared
def test_chongqing_tables_fold_the_carryover_into_the_fund_rows():
    t = _read("chongqing-kejiju-2026-yusuan.pdf").tables
    assert t.order == ("T1", "T2", "T3", "T4", "T5", "T6", "T7", "T9")
    assert t.t1.income_total == D("168441.81") and t.t1.income["一般公共预算财政拨款收入"] == D("154304.22")
    assert t.t4.income_this_year == D("154023.82") and t.t4.opening_total == D("280.40")
    assert t.t2.total.values["合计"] == D("168441.81") and t.t3.total.values["本年支出合计"] == D("168441.81")
    assert t.t6.subtotals == {"人员经费合计": D("4516.64"), "公用经费合计": D("845.78")}
    assert t.t9.actual["合计"] == D("207.46") and t.t9.actual["公务用车运行维护费"] == D("32.50")


@needs_shared
def test_shanghai_tables_in_yuan_and_its_sangong_table_in_wan():
    t = _read("shanghai-caizhengju-2025-danwei-yusuan.pdf").tables
    assert t.t1.unit == "元" and t.t1.income_total == D("17191.5169")
    assert t.t6.subtotals["公用经费合计"] == D("2517.7779") and t.t9.unit == "万元" and t.t9.actual["合计"] == D("346.30")


@needs_shared
def test_suzhou_titles_printed_inside_the_grid_are_read():
    t = _read("suzhou-shenjiju-2026-yusuan.pdf").tables
    assert t.t2.total.values["合计"] == D("4651.67") and t.t9.actual["合计"] == D("10.00")
    assert t.t5.total.values["人员经费"] == D("3916.57")


@needs_shared
def test_the_university_budget_is_read_in_its_own_form():
    d = _read("chongqing-xinandaxue-2021-yusuan.pdf")
    assert d.identity.form == "university" and d.tables.present() == ("T1", "T2", "T3", "T5")
    assert d.tables.t5.covers_all_fiscal_funds() and d.tables.t1.opening_balance == D("81714.17")
    assert d.tables.units["T2"] == "" and d.tables.units["T1"] == "万元"
