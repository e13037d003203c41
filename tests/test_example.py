"""The shipped example (examples/changji-2024) reproduces every figure the seed's 第二部分 prints.

Each figure is derived from the 元-level data and rounded once, half-up; the expected strings
are the seed's own (signed: 减少/下降 → "-"). When /work/shared is present, each expected
magnitude is also looked up in the seed text so the table provably comes from it.
"""

from decimal import Decimal
from pathlib import Path

import pytest

from shared import SEED, needs_shared, shared

from juesuan.core import keys
from juesuan.core.money import fmt_amount, fmt_pct
from juesuan.core.profiles import load_profile
from juesuan.io.readers.data import load
from juesuan.rules.derive import complete, derive

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "changji-2024"

# (figure key, as the seed prints it). Percent keys end in 占比/增减率/预决算差异率.
PRINTED = [
    # 一、收入支出决算总体情况
    ("收入总计", "1,787.23"), ("本年收入合计", "1,741.71"), ("使用非财政拨款结余", "0.00"),
    ("年初结转和结余", "45.52"), ("支出总计", "1,787.23"), ("本年支出合计", "1,740.70"),
    ("结余分配", "0.00"), ("年末结转和结余", "46.53"),
    ("收支总计.增减", "-191.15"), ("收支总计.增减率", "-9.66%"),
    # 二、收入
    ("收入.财政拨款收入", "1,693.16"), ("收入.财政拨款收入.占比", "97.21%"),
    ("收入.上级补助收入", "0.00"), ("收入.上级补助收入.占比", "0.00%"),
    ("收入.事业收入", "0.00"), ("收入.事业收入.占比", "0.00%"),
    ("收入.经营收入", "0.00"), ("收入.经营收入.占比", "0.00%"),
    ("收入.附属单位上缴收入", "0.00"), ("收入.附属单位上缴收入.占比", "0.00%"),
    ("收入.其他收入", "48.55"), ("收入.其他收入.占比", "2.79%"),
    # 三、支出
    ("支出.基本支出", "1,217.85"), ("支出.基本支出.占比", "69.96%"),
    ("支出.项目支出", "522.85"), ("支出.项目支出.占比", "30.04%"),
    ("支出.上缴上级支出", "0.00"), ("支出.上缴上级支出.占比", "0.00%"),
    ("支出.经营支出", "0.00"), ("支出.经营支出.占比", "0.00%"),
    ("支出.对附属单位补助支出", "0.00"), ("支出.对附属单位补助支出.占比", "0.00%"),
    # 四、财政拨款收入支出
    ("财政拨款收入总计", "1,693.16"), ("年初财政拨款结转和结余", "0.00"), ("本年财政拨款收入", "1,693.16"),
    ("财政拨款支出总计", "1,693.16"), ("年末财政拨款结转和结余", "0.00"), ("本年财政拨款支出", "1,693.16"),
    ("财政拨款收支总计.增减", "-180.86"), ("财政拨款收支总计.增减率", "-9.65%"),
    ("财政拨款收支总计.年初预算", "1,753.38"), ("财政拨款收支总计.预决算差异率", "-3.43%"),
    # 五（一）
    ("一般公共预算财政拨款支出", "1,693.16"), ("一般公共预算财政拨款支出.占比", "97.27%"),
    ("一般公共预算财政拨款支出.增减", "-180.86"), ("一般公共预算财政拨款支出.增减率", "-9.65%"),
    ("一般公共预算财政拨款支出.年初预算", "1,753.38"), ("一般公共预算财政拨款支出.预决算差异率", "-3.43%"),
    # 五（二）
    ("类.201", "1,348.43"), ("类.201.占比", "79.64%"), ("类.208", "202.36"), ("类.208.占比", "11.95%"),
    ("类.210", "50.25"), ("类.210.占比", "2.97%"), ("类.221", "80.22"), ("类.221.占比", "4.74%"),
    ("类.229", "11.90"), ("类.229.占比", "0.70%"),
    # 五（三）: the 14 项
    ("项.2010301", "881.38"), ("项.2010301.增减", "-3.81"), ("项.2010301.增减率", "-0.43%"),
    ("项.2010302", "9.46"), ("项.2010302.增减", "9.46"),
    ("项.2010350", "0.00"), ("项.2010350.增减", "-106.47"), ("项.2010350.增减率", "-100.00%"),
    ("项.2010399", "457.59"), ("项.2010399.增减", "-0.32"), ("项.2010399.增减率", "-0.07%"),
    ("项.2013404", "0.00"), ("项.2013404.增减", "-1.26"), ("项.2013404.增减率", "-100.00%"),
    ("项.2080501", "54.32"), ("项.2080501.增减", "12.17"), ("项.2080501.增减率", "28.87%"),
    ("项.2080505", "84.70"), ("项.2080505.增减", "-29.48"), ("项.2080505.增减率", "-25.82%"),
    ("项.2080506", "63.33"), ("项.2080506.增减", "-35.35"), ("项.2080506.增减率", "-35.82%"),
    ("项.2101101", "46.85"), ("项.2101101.增减", "-1.74"), ("项.2101101.增减率", "-3.58%"),
    ("项.2101102", "0.00"), ("项.2101102.增减", "-8.50"), ("项.2101102.增减率", "-100.00%"),
    ("项.2101103", "3.15"), ("项.2101103.增减", "1.29"), ("项.2101103.增减率", "69.35%"),
    ("项.2101199", "0.26"), ("项.2101199.增减", "-0.38"), ("项.2101199.增减率", "-59.38%"),
    ("项.2210201", "80.22"), ("项.2210201.增减", "-9.60"), ("项.2210201.增减率", "-10.69%"),
    ("项.2299901", "11.90"), ("项.2299901.增减", "-6.88"), ("项.2299901.增减率", "-36.63%"),
    # 六、基本支出
    ("一般公共预算财政拨款基本支出", "1,217.85"), ("人员经费", "1,055.92"), ("公用经费", "161.94"),
    # 九、三公
    ("三公.合计", "77.21"), ("三公.合计.增减", "-30.30"), ("三公.合计.增减率", "-28.18%"),
    ("三公.因公出国（境）费", "2.46"), ("三公.因公出国（境）费.占比", "3.19%"),
    ("三公.因公出国（境）费.增减", "0.57"), ("三公.因公出国（境）费.增减率", "30.16%"),
    ("三公.公务用车购置及运行维护费", "74.75"), ("三公.公务用车购置及运行维护费.占比", "96.81%"),
    ("三公.公务用车购置及运行维护费.增减", "-30.87"), ("三公.公务用车购置及运行维护费.增减率", "-29.23%"),
    ("三公.公务接待费", "0.00"), ("三公.公务接待费.占比", "0.00%"), ("三公.公务接待费.增减", "0.00"),
    ("三公.公务用车购置费", "0.00"), ("三公.公务用车运行维护费", "74.75"),
    ("三公.合计.全年预算", "77.21"), ("三公.合计.预决算差异率", "0.00%"),
    ("三公.因公出国（境）费.全年预算", "2.46"), ("三公.因公出国（境）费.预决算差异率", "0.00%"),
    ("三公.公务用车购置费.全年预算", "0.00"),
    ("三公.公务用车运行维护费.全年预算", "74.75"), ("三公.公务用车运行维护费.预决算差异率", "0.00%"),
    ("三公.公务接待费.全年预算", "0.00"),
    # 十、机关运行经费、政府采购、国有资产
    ("机关运行经费", "161.94"), ("机关运行经费.增减", "-42.73"), ("机关运行经费.增减率", "-20.88%"),
    ("政府采购.总额", "114.53"), ("政府采购.货物", "73.11"), ("政府采购.工程", "0.00"), ("政府采购.服务", "41.42"),
    ("政府采购.中小企业", "114.53"), ("政府采购.中小企业.占比", "100.00%"),
    ("政府采购.小微企业", "114.53"), ("政府采购.小微企业.占比", "100.00%"),
    ("资产.房屋面积", "19,646.98"), ("资产.房屋价值", "2,719.44"), ("资产.车辆价值", "426.54"),
    # 十一、绩效
    ("绩效.整体.全年预算", "1,787.23"), ("绩效.整体.执行数", "1,740.70"),
    ("绩效.项目.全年预算", "504.89"), ("绩效.项目.执行数", "502.05"), ("绩效.综合得分", "99.74"),
]

#: Counts (第一部分 二, 九, 十, 十一).
COUNTS = [
    ("人员.实有", 98), ("人员.在职", 45), ("人员.在职.增减", -10), ("人员.离休", 1), ("人员.离休.增减", 0),
    ("人员.退休", 52), ("人员.退休.增减", 1), ("人员.下属单位", 0), ("人员.科室", 10),
    ("三公.出国团组", 1), ("三公.出国人次", 1), ("三公.购置车辆", 0), ("三公.保有车辆", 17),
    ("三公.固定资产车辆", 17), ("三公.接待批次", 0), ("三公.接待人次", 0),
    ("资产.车辆", 17), ("资产.车辆.其他用车", 17), ("资产.车辆.主要负责人用车", 0), ("资产.大型设备", 1),
    ("绩效.整体表数", 1), ("绩效.项目数", 5),
]

PERCENT_SUFFIXES = (keys.SHARE, keys.DELTA_PCT, keys.BUDGET_GAP)


def show(key: str, value: Decimal) -> str:
    return fmt_pct(value) if keys.split(key)[1] in PERCENT_SUFFIXES else fmt_amount(value)


@pytest.fixture(scope="module")
def disclosure():
    return load(EXAMPLE)


@pytest.fixture(scope="module")
def figures(disclosure):
    return derive(disclosure, load_profile("xinjiang-2024"))


def test_table_is_large_enough():
    assert len(PRINTED) + len(COUNTS) >= 60
    assert len({k for k, _ in PRINTED}) == len(PRINTED)


@pytest.mark.parametrize("key,printed", PRINTED, ids=[k for k, _ in PRINTED])
def test_printed_figure(figures, key, printed):
    assert key in figures, f"{key} not derived"
    assert show(key, figures[key]) == printed


@pytest.mark.parametrize("key,count", COUNTS, ids=[k for k, _ in COUNTS])
def test_counts(figures, key, count):
    assert figures[key] == count


@needs_shared
def test_expected_strings_come_from_the_seed():
    shared("seed", SEED.name)
    text = SEED.read_text(encoding="utf-8")
    missing = [(k, p) for k, p in PRINTED if p.lstrip("-") not in text]
    assert missing == []


def test_zero_base_changes_are_left_to_the_phrasebook(figures):
    # 一般行政管理事务 grew from 0 (seed prints 增长100.00% by convention); 接待费 0 → 0.
    assert figures["项.2010302.上年"] == 0 and "项.2010302.增减率" not in figures
    assert figures["三公.公务接待费.增减"] == 0 and "三公.公务接待费.增减率" not in figures
    assert "三公.公务接待费.预决算差异率" not in figures  # budget 0


def test_honest_rounding_gaps_are_kept(figures):
    def r(k):
        return Decimal(fmt_amount(figures[k], sep=False))

    assert r("类.208") - (r("项.2080501") + r("项.2080505") + r("项.2080506")) == Decimal("0.01")
    assert r("类.210") - (r("项.2101101") + r("项.2101103") + r("项.2101199")) == Decimal("-0.01")
    assert r("人员经费") + r("公用经费") - r("一般公共预算财政拨款基本支出") == Decimal("0.01")
    items = [k for k in figures if k.startswith("项.") and k.endswith(".增减")]
    assert len(items) == 14
    assert sum(r(k) for k in items) == Decimal("-180.87")
    assert r("一般公共预算财政拨款支出.增减") == Decimal("-180.86")
    # ...while the full-precision data are exact: the parts add up to the totals.
    assert figures["人员经费"] + figures["公用经费"] == figures["一般公共预算财政拨款基本支出"]


def test_tables_complete_and_consistent(disclosure):
    t = complete(disclosure).tables
    # T5 lists only 项 with an amount this year; the three that fell to 0 are in the prior year only.
    assert len([r for r in t.t5.rows if r.level == 3]) == 11
    assert t.t5.row("2010350") is None and "项.2010350" in disclosure.comparatives.prior
    assert t.t5.total.values["合计"] == t.t4.expenditure_this_year["一般公共预算财政拨款"]
    assert t.t1.expenditure["201"] == t.t3.value("201", "本年支出合计")
    assert t.t1.income_total == t.t1.expenditure_total
    assert t.t6.subtotals["人员经费合计"] + t.t6.subtotals["公用经费合计"] == t.t5.total.values["基本支出"]
    assert t.t7.is_empty() and t.t8.is_empty() and t.t7.rows == ()
    assert t.t9.budget == t.t9.actual


def test_sources_name_the_yaml_key(disclosure):
    row = disclosure.tables.t5.row("2010301")
    assert row.sources["基本支出"].cell == "表.T5.行.2010301.基本支出"
    assert row.sources["基本支出"].file.endswith("决算数据.yaml")
    assert disclosure.comparatives.sources["上年.项.2010301"].cell == "上年.项.2010301"


def test_evaluations_and_texts(disclosure):
    kinds = [e.kind for e in disclosure.evaluations]
    assert kinds == ["整体"] + ["项目"] * 5
    project = disclosure.evaluations[1]
    weights = sum(i.weight for i in project.indicators)
    fund_weight = project.funds[0].weight
    assert weights + fund_weight == 100
    reverse = [i for i in project.indicators if i.name.startswith("政府公众号")][0]
    assert (reverse.target, reverse.actual, reverse.level1) == ("<=3次", "=1次", "产出指标")
    for e in disclosure.evaluations[1:]:
        assert sum(i.weight for i in e.indicators) + e.funds[0].weight == 100, e.name
    assert len(disclosure.reasons) >= 25
    assert {"绩效.成效", "绩效.问题", "绩效.措施"} <= set(disclosure.texts)
