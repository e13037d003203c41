"""rules.derive / rules.totals: totals filled without overwriting, every figure type at full precision."""

from dataclasses import replace
from decimal import Decimal

from juesuan.core.model import (
    FUND_TABLE_COLUMNS,
    T3_COLUMNS,
    T5_COLUMNS,
    T6_COLUMNS,
    Assets,
    CodedTable,
    Comparatives,
    Disclosure,
    Evaluation,
    FiscalSummaryTable,
    FundLine,
    OtherMatters,
    Procurement,
    Row,
    SangongDetails,
    SangongTable,
    Staff,
    SummaryTable,
    Tables,
    Unit,
)
from juesuan.core.money import fmt_amount, fmt_pct
from juesuan.core.profiles import profile_from_mapping, load_profile
from juesuan.rules.derive import complete, derive

D = Decimal
UNIT = Unit(name="测试单位", year=2024)


def t5(*rows, total=None):
    return CodedTable(
        key="T5", columns=T5_COLUMNS,
        rows=tuple(Row(code=c, name="", values={k: D(v) for k, v in vals.items()}) for c, vals in rows),
        total=total,
    )


def disclosure(**kwargs):
    return Disclosure(unit=kwargs.pop("unit", UNIT), **kwargs)


# --------------------------------------------------------------------------- complete()

def test_t1_totals_filled_from_parts():
    t1 = SummaryTable(
        income={"一般公共预算财政拨款收入": D("100.10"), "其他收入": D("5.25")},
        expenditure={"201": D("90"), "208": D("10.35")},
        opening_balance=D("3"),
        closing_balance=D("8"),
    )
    got = complete(disclosure(tables=Tables(t1=t1))).tables.t1
    assert got.income_this_year == D("105.35") and got.income_total == D("108.35")
    assert got.expenditure_this_year == D("100.35") and got.expenditure_total == D("108.35")


def test_complete_never_overwrites_a_stated_value():
    t1 = SummaryTable(income={"其他收入": D("5")}, income_this_year=D("6"), income_total=D("99"))
    table = t5(("2010301", {"合计": "10", "基本支出": "10"}), ("201", {"合计": "12"}),
               total=Row(code="", name="合计", values={"合计": D("50")}))
    t9 = SangongTable(actual={"因公出国（境）费": D("1"), "公务接待费": D("1"), "公务用车购置及运行维护费": D("0"),
                              "合计": D("5")})
    got = complete(disclosure(tables=Tables(t1=t1, t5=table, t9=t9))).tables
    assert got.t1.income_this_year == D("6") and got.t1.income_total == D("99")  # inconsistent, kept
    assert got.t5.value("201", "合计") == D("12")  # stated 类 kept although its 项 add to 10
    assert got.t5.value("201", "基本支出") == D("10")  # a blank column of a stated row is filled
    assert got.t5.total.values["合计"] == D("50")
    assert got.t9.actual["合计"] == D("5")


def test_coded_rollup_names_and_row_totals():
    table = t5(("2010301", {"基本支出": "881.381234", "项目支出": "0"}),
               ("2010399", {"基本支出": "3.6394", "项目支出": "453.949921"}),
               ("2080505", {"合计": "84.704632", "基本支出": "84.704632"}))
    got = complete(disclosure(tables=Tables(t5=table))).tables.t5
    assert [r.code for r in got.rows] == ["201", "20103", "2010301", "2010399", "208", "20805", "2080505"]
    assert got.row("20103").name == "政府办公厅（室）及相关机构事务" and got.row("201").name == "一般公共服务支出"
    assert got.value("2010301", "合计") == D("881.381234")  # row total 合计 = 基本 + 项目
    assert got.value("201", "合计") == D("1338.970555")
    assert got.total.values == {"合计": D("1423.675187"), "基本支出": D("969.725266"), "项目支出": D("453.949921")}


def test_t3_and_fund_table_row_totals():
    t3 = CodedTable(key="T3", columns=T3_COLUMNS,
                    rows=(Row("2010301", "", {"基本支出": D("2"), "项目支出": D("3"), "经营支出": D("1")}),))
    t7 = CodedTable(key="T7", columns=FUND_TABLE_COLUMNS,
                    rows=(Row("2120801", "", {"本年收入": D("5"), "基本支出": D("1"), "项目支出": D("4")}),))
    got = complete(disclosure(tables=Tables(t3=t3, t7=t7))).tables
    assert got.t3.total.values["本年支出合计"] == D("6")
    assert got.t7.value("212", "本年支出合计") == D("5") and got.t7.total.values["本年收入"] == D("5")


def test_empty_fund_table_stays_empty():
    t8 = CodedTable(key="T8", columns=FUND_TABLE_COLUMNS, note="本表为空表。")
    got = complete(disclosure(tables=Tables(t8=t8))).tables.t8
    assert got.rows == () and got.total is None and got.is_empty()


def test_t6_classes_and_subtotals():
    rows = {"30101": "100", "30108": "20", "30302": "5", "30201": "7", "30231": "3", "31002": "2", "39999": "1"}
    t6 = CodedTable(key="T6", columns=T6_COLUMNS,
                    rows=tuple(Row(c, "", {"决算数": D(v)}) for c, v in rows.items() if c != "39999"))
    got = complete(disclosure(tables=Tables(t6=t6))).tables.t6
    assert got.value("301", "决算数") == D("120") and got.value("302", "决算数") == D("10")
    assert got.row("301").name == "工资福利支出"
    assert got.subtotals == {"人员经费合计": D("125"), "公用经费合计": D("12")}
    assert got.total is None


def test_t9_subtotal_and_total_both_sides():
    side = {"因公出国（境）费": D("2.46"), "公务用车购置费": D("0"), "公务用车运行维护费": D("74.75"), "公务接待费": D("0")}
    got = complete(disclosure(tables=Tables(t9=SangongTable(budget=side, actual=dict(side))))).tables.t9
    for s in (got.budget, got.actual):
        assert s["公务用车购置及运行维护费"] == D("74.75") and s["合计"] == D("77.21")


def test_t4_from_t1_and_t5():
    t1 = SummaryTable(income={"一般公共预算财政拨款收入": D("10"), "其他收入": D("1")})
    table = t5(("2010301", {"合计": "7"}), ("2080505", {"合计": "3"}))
    t4 = FiscalSummaryTable(opening={"一般公共预算财政拨款": D("2")}, closing={"一般公共预算财政拨款": D("2")})
    got = complete(disclosure(tables=Tables(t1=t1, t4=t4, t5=table))).tables.t4
    assert got.income == {"一般公共预算财政拨款": D("10")}
    assert got.expenditure["201"] == {"一般公共预算财政拨款": D("7"), "合计": D("7")}
    assert got.expenditure_this_year["合计"] == D("10")
    assert got.income_total == D("12") and got.expenditure_total == D("12")


def test_complete_is_pure():
    table = t5(("2010301", {"基本支出": "1"}))
    d = disclosure(tables=Tables(t5=table))
    complete(d)
    derive(d)
    assert d.tables.t5.rows == table.rows and d.tables.t5.total is None


# --------------------------------------------------------------------------- derive()

def base_disclosure(**overrides):
    t1 = SummaryTable(
        income={"一般公共预算财政拨款收入": D("80"), "其他收入": D("20"), "事业收入": D("0")},
        non_fiscal_balance_used=D("0"), opening_balance=D("5"), balance_distribution=D("0"), closing_balance=D("7"),
    )
    t3 = CodedTable(key="T3", columns=T3_COLUMNS,
                    total=Row("", "合计", {"本年支出合计": D("98"), "基本支出": D("60"), "项目支出": D("38")}))
    table = t5(("2010301", {"合计": "50", "基本支出": "50"}), ("2080505", {"合计": "30", "基本支出": "10", "项目支出": "20"}))
    return disclosure(tables=Tables(t1=t1, t3=t3, t5=table), **overrides)


def test_amounts_and_shares_use_their_bases():
    f = derive(base_disclosure())
    assert f["本年收入合计"] == D("100") and f["收入总计"] == D("105") and f["收支总计"] == D("105")
    assert f["收入.财政拨款收入"] == D("80") and f["收入.财政拨款收入.占比"] == D("80")
    assert f["收入.事业收入.占比"] == 0
    assert f["支出.基本支出.占比"] == D("60") / D("98") * 100  # base 本年支出合计, full precision
    assert f["一般公共预算财政拨款支出"] == D("80")
    assert f["一般公共预算财政拨款支出.占比"] == D("80") / D("98") * 100
    assert f["类.201.占比"] == D("62.5") and f["类.208.占比"] == D("37.5")  # base T5 合计
    assert "项.2010301.占比" not in f


def test_missing_parts_and_tables_give_no_keys():
    f = derive(disclosure())
    assert f == {}
    f = derive(disclosure(tables=Tables(t1=SummaryTable(income={"其他收入": D("3")}))))
    assert "上级补助收入" not in f and "收入.上级补助收入" not in f
    assert "一般公共预算财政拨款支出" not in f and "类.201" not in f


def test_share_with_zero_base_is_absent():
    t1 = SummaryTable(income={"其他收入": D("0")})
    f = derive(disclosure(tables=Tables(t1=t1)))
    assert f["本年收入合计"] == 0 and "收入.其他收入.占比" not in f


def test_changes_increase_decrease_drop_to_zero_and_from_zero():
    prior = {"项.2010301": D("40"), "项.2080505": D("31.29"), "项.2010350": D("106.47"), "项.2013404": D("0"),
             "收支总计": D("110")}
    table = t5(("2010301", {"合计": "50"}), ("2080505", {"合计": "30"}), ("2013404", {"合计": "1.26"}))
    f = derive(replace(base_disclosure(), tables=replace(base_disclosure().tables, t5=table),
                       comparatives=Comparatives(prior=prior)))
    assert (f["项.2010301.增减"], f["项.2010301.增减率"]) == (D("10"), D("25"))
    assert f["项.2080505.增减"] == D("-1.29") and fmt_pct(f["项.2080505.增减率"]) == "-4.12%"
    # a 项 only last year had: amount 0, falls by 100%
    assert f["项.2010350"] == 0 and f["项.2010350.增减率"] == D("-100")
    # growth from zero: the change is there, the rate is left to the phrasebook
    assert f["项.2013404.增减"] == D("1.26") and "项.2013404.增减率" not in f
    assert f["项.2013404.上年"] == 0
    assert f["收支总计.增减"] == D("-5") and f["收支总计.上年"] == D("110")


def test_unchanged_zero_to_zero():
    t9 = SangongTable(actual={"公务接待费": D("0")})
    f = derive(disclosure(tables=Tables(t9=t9), comparatives=Comparatives(prior={"三公.公务接待费": D("0")})))
    assert f["三公.公务接待费.增减"] == 0 and "三公.公务接待费.增减率" not in f


def test_full_precision_and_half_up_edges():
    # 0.38 / 0.64 = 59.375 exactly: kept exact, printed 59.38 (half-up, not banker's 59.38/59.37)
    table = t5(("2101199", {"合计": "0.26"}))
    f = derive(disclosure(tables=Tables(t5=table), comparatives=Comparatives(prior={"项.2101199": D("0.64")})))
    assert f["项.2101199.增减率"] == D("-59.375")
    assert fmt_pct(f["项.2101199.增减率"]) == "-59.38%"
    # 元 data: 0.0125 万元 + 0.0125 万元 — each prints 0.01, the sum prints 0.03 (round once at display)
    table = t5(("2010301", {"合计": "0.0125"}), ("2010302", {"合计": "0.0125"}))
    f = derive(disclosure(tables=Tables(t5=table)))
    assert fmt_amount(f["项.2010301"]) == "0.01" and fmt_amount(f["类.201"]) == "0.03"
    assert f["类.201"] == D("0.0250")
    # 0.004999 rounds down, 0.005 rounds up
    table = t5(("2010301", {"合计": "0.004999"}), ("2010302", {"合计": "0.005"}))
    f = derive(disclosure(tables=Tables(t5=table)))
    assert (fmt_amount(f["项.2010301"]), fmt_amount(f["项.2010302"])) == ("0.00", "0.01")


def test_budget_gap_follows_the_profile_basis():
    c = Comparatives(initial_budget={"一般公共预算财政拨款支出": D("100")},
                     full_year_budget={"一般公共预算财政拨款支出": D("80")})
    d = replace(base_disclosure(), comparatives=c)
    f = derive(d, load_profile("xinjiang-2024"))
    assert f["一般公共预算财政拨款支出.预决算差异率"] == D("-20")  # (80-100)/100
    assert f["一般公共预算财政拨款支出.年初预算"] == D("100") and f["一般公共预算财政拨款支出.全年预算"] == D("80")
    full = profile_from_mapping(dict(name="t", narrative={"budget_basis": "full_year"}))
    assert derive(d, full)["一般公共预算财政拨款支出.预决算差异率"] == 0  # 80 vs 80
    # only the other budget given: it is used
    d2 = replace(base_disclosure(), comparatives=Comparatives(full_year_budget={"一般公共预算财政拨款支出": D("64")}))
    assert derive(d2)["一般公共预算财政拨款支出.预决算差异率"] == D("25")


def test_sangong_budgets_from_t9_and_shares():
    t9 = SangongTable(
        budget={"因公出国（境）费": D("3"), "公务用车购置费": D("0"), "公务用车运行维护费": D("80"), "公务接待费": D("0")},
        actual={"因公出国（境）费": D("2.46"), "公务用车购置费": D("0"), "公务用车运行维护费": D("74.75"), "公务接待费": D("0")},
    )
    f = derive(disclosure(tables=Tables(t9=t9)))
    assert f["三公.合计"] == D("77.21") and f["三公.合计.全年预算"] == D("83")
    assert f["三公.因公出国（境）费.占比"] == D("2.46") / D("77.21") * 100
    assert "三公.合计.占比" not in f
    assert f["三公.因公出国（境）费.预决算差异率"] == D("-18")
    assert "三公.公务接待费.预决算差异率" not in f  # zero budget
    initial = profile_from_mapping(dict(name="t", narrative={"sangong_budget_basis": "initial"}))
    g = derive(disclosure(tables=Tables(t9=t9)), initial)
    assert g["三公.合计.年初预算"] == D("83") and "三公.合计.全年预算" not in g


def test_staff_counts():
    staff = Staff(serving=45, serving_change=-10, retired_cadres=1, retired_cadres_change=0, retirees=52, retirees_change=1)
    unit = replace(UNIT, staff=staff, subordinate_units=0, internal_sections=("综合一科", "文书科"))
    f = derive(disclosure(unit=unit))
    assert f["人员.实有"] == 98 and f["人员.在职.增减"] == -10 and f["人员.实有.增减"] == -9
    assert f["人员.下属单位"] == 0 and f["人员.科室"] == 2
    stated = derive(disclosure(unit=replace(unit, staff=replace(staff, total=99))))
    assert stated["人员.实有"] == 99  # stated total kept (checks compare it with the sum)


def test_operating_cost_and_basic():
    t6 = CodedTable(key="T6", columns=T6_COLUMNS, rows=(Row("30101", "", {"决算数": D("100")}), Row("30201", "", {"决算数": D("20")})))
    d = disclosure(tables=Tables(t6=t6), comparatives=Comparatives(prior={"机关运行经费": D("25")}))
    f = derive(d)
    assert (f["人员经费"], f["公用经费"], f["一般公共预算财政拨款基本支出"]) == (D("100"), D("20"), D("120"))
    assert f["机关运行经费"] == D("20") and f["机关运行经费.增减率"] == D("-20")
    daily = profile_from_mapping(dict(name="t", narrative={"operating_cost": "daily_public"}))
    assert "机关运行经费" not in derive(d, daily)
    stated = replace(d, matters=OtherMatters(operating_cost=D("18")))
    assert derive(stated)["机关运行经费"] == D("18")


def test_procurement_assets_and_sangong_counts():
    m = OtherMatters(
        procurement=Procurement(goods=D("73.11"), works=D("0"), services=D("41.42"), sme=D("114.53"), small_micro=D("100")),
        assets=Assets(building_area=D("19646.98"), vehicles={"其他用车": 15, "机要通信用车": 2}, large_equipment=1),
    )
    f = derive(disclosure(matters=m, sangong=SangongDetails(vehicles_held=17, reception_batches=0)))
    assert f["政府采购.总额"] == D("114.53") and f["政府采购.中小企业.占比"] == 100
    assert fmt_pct(f["政府采购.小微企业.占比"]) == "87.31%"
    assert f["资产.车辆"] == 17 and f["资产.车辆.机要通信用车"] == 2 and f["资产.大型设备"] == 1
    assert f["三公.保有车辆"] == 17 and f["三公.接待批次"] == 0 and "三公.出国团组" not in f


def test_performance_counts_and_sums():
    whole = Evaluation(kind="整体", name="x", funds=(
        FundLine("本级资金", full_year_budget=D("1739.69"), executed=D("1693.16")),
        FundLine("合计", full_year_budget=D("1787.23"), executed=D("1740.70"))))
    p1 = Evaluation(kind="项目", name="a", funds=(FundLine("年度资金总额", full_year_budget=D("479.78"), executed=D("479.75")),
                                              FundLine("其他资金", full_year_budget=D("0"))))
    p2 = Evaluation(kind="项目", name="b", funds=(FundLine("年度资金总额", full_year_budget=D("25.11"), executed=D("22.30")),))
    f = derive(disclosure(evaluations=(whole, p1, p2)))
    assert f["绩效.整体表数"] == 1 and f["绩效.项目数"] == 2
    assert f["绩效.整体.全年预算"] == D("1787.23") and f["绩效.整体.执行数"] == D("1740.70")
    assert f["绩效.项目.全年预算"] == D("504.89") and f["绩效.项目.执行数"] == D("502.05")
    # no printed 总分: the engine scores the 整体 table (execution only here: 10 × 97.40%)
    assert f["绩效.综合得分"] == D("9.74")
    printed = replace(whole, total=D("99.74"))
    assert derive(disclosure(evaluations=(printed,)))["绩效.综合得分"] == D("99.74")
    scored = derive(disclosure(evaluations=(replace(whole, total=D("99.74")),)))
    assert scored["绩效.综合得分"] == D("99.74") and scored["绩效.项目数"] == 0
