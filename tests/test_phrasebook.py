"""The phrasebook both ways: render → parse round trip, the seed parsed, profile wording, placeholders."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

import pytest

from shared import SHARED, needs_shared, shared

from juesuan.core import money
from juesuan.core.document import Chart, Heading, Paragraph, Slot
from juesuan.core.model import Disclosure, SangongDetails, Span, Staff, Unit
from juesuan.core.profiles import load_profile
from juesuan.phrasebook.glossary import glossary_for
from juesuan.phrasebook.parse import parse_narrative
from juesuan.phrasebook.render import render_narrative

SEED = SHARED / "seed" / "000_e5361b4e9819f483.txt"
D = Decimal


# --------------------------------------------------------------------------- a hand-built unit

def _figures() -> dict[str, Decimal]:
    """Figures at full precision (元 / 10000), covering every section's keys."""
    f: dict[str, Decimal] = {}

    def put(key: str, value: str) -> None:
        f[key] = D(value)

    for k, v in {"收入总计": "1787.2349", "本年收入合计": "1741.7051", "使用非财政拨款结余": "0",
                 "年初结转和结余": "45.5248", "支出总计": "1787.2349", "本年支出合计": "1740.6977",
                 "结余分配": "0", "年末结转和结余": "46.5322", "收支总计": "1787.2349",
                 "收支总计.增减": "-191.1517", "收支总计.增减率": "-9.6584"}.items():
        put(k, v)
    for item, value, share in (("财政拨款收入", "1693.1551", "97.2125"), ("上级补助收入", "0", "0"),
                               ("事业收入", "0", "0"), ("经营收入", "0", "0"), ("附属单位上缴收入", "0", "0"),
                               ("其他收入", "48.55", "2.7875")):
        put(f"收入.{item}", value)
        put(f"收入.{item}.占比", share)
    for item, value, share in (("基本支出", "1217.8461", "69.9631"), ("项目支出", "522.8516", "30.0369"),
                               ("上缴上级支出", "0", "0"), ("经营支出", "0", "0"), ("对附属单位补助支出", "0", "0")):
        put(f"支出.{item}", value)
        put(f"支出.{item}.占比", share)
    for k, v in {"财政拨款收入总计": "1693.1551", "年初财政拨款结转和结余": "0", "本年财政拨款收入": "1693.1551",
                 "财政拨款支出总计": "1693.1551", "年末财政拨款结转和结余": "0", "本年财政拨款支出": "1693.1551",
                 "财政拨款收支总计": "1693.1551", "财政拨款收支总计.增减": "-180.8649",
                 "财政拨款收支总计.增减率": "-9.6524", "财政拨款收支总计.年初预算": "1753.38",
                 "财政拨款收支总计.预决算差异率": "-3.4345",
                 "一般公共预算财政拨款支出": "1693.1551", "一般公共预算财政拨款支出.占比": "97.2686",
                 "一般公共预算财政拨款支出.增减": "-180.8649", "一般公共预算财政拨款支出.增减率": "-9.6524",
                 "一般公共预算财政拨款支出.年初预算": "1753.38",
                 "一般公共预算财政拨款支出.预决算差异率": "-3.4345"}.items():
        put(k, v)
    for code, value, share in (("201", "1348.4312", "79.6402"), ("208", "202.3551", "11.9513"),
                               ("210", "50.2549", "2.9681"), ("221", "80.2201", "4.7379"),
                               ("229", "11.9", "0.7028")):
        put(f"类.{code}", value)
        put(f"类.{code}.占比", share)
    for code, value, delta, rate in (("2010301", "881.3812", "-3.8094", "-0.4304"),
                                     ("2010302", "9.46", "9.46", "100"),
                                     ("2010350", "0", "-106.47", "-100"),
                                     ("2080501", "54.3249", "12.1749", "28.8847"),
                                     ("2101103", "3.15", "1.29", "69.3548"),
                                     ("2210201", "80.2201", "-9.6049", "-10.6928")):
        put(f"项.{code}", value)
        put(f"项.{code}.增减", delta)
        put(f"项.{code}.增减率", rate)
        put(f"项.{code}.上年", str(D(value) - D(delta)))
    for k, v in {"一般公共预算财政拨款基本支出": "1217.8461", "人员经费": "1055.9151", "公用经费": "161.931",
                 "三公.合计": "77.2123", "三公.合计.增减": "-30.2977", "三公.合计.增减率": "-28.1818",
                 "三公.因公出国（境）费": "2.4612", "三公.因公出国（境）费.占比": "3.1876",
                 "三公.因公出国（境）费.增减": "0.5702", "三公.因公出国（境）费.增减率": "30.1639",
                 "三公.公务用车购置及运行维护费": "74.7511", "三公.公务用车购置及运行维护费.占比": "96.8124",
                 "三公.公务用车购置及运行维护费.增减": "-30.8679",
                 "三公.公务用车购置及运行维护费.增减率": "-29.2258",
                 "三公.公务接待费": "0", "三公.公务接待费.占比": "0", "三公.公务接待费.增减": "0",
                 "三公.公务用车购置费": "0", "三公.公务用车运行维护费": "74.7511",
                 "三公.合计.全年预算": "77.2123", "三公.合计.预决算差异率": "0",
                 "三公.因公出国（境）费.全年预算": "2.4612", "三公.因公出国（境）费.预决算差异率": "0",
                 "三公.公务用车购置费.全年预算": "0",
                 "三公.公务用车运行维护费.全年预算": "80", "三公.公务用车运行维护费.预决算差异率": "-6.5611",
                 "三公.公务接待费.全年预算": "0",
                 "三公.出国团组": "1", "三公.出国人次": "1", "三公.购置车辆": "0", "三公.保有车辆": "17",
                 "三公.固定资产车辆": "17", "三公.接待批次": "0", "三公.接待人次": "0",
                 "机关运行经费": "161.931", "机关运行经费.增减": "-42.7311", "机关运行经费.增减率": "-20.8771",
                 "政府采购.总额": "114.5301", "政府采购.货物": "73.11", "政府采购.工程": "0",
                 "政府采购.服务": "41.4201", "政府采购.中小企业": "114.5301", "政府采购.中小企业.占比": "100",
                 "政府采购.小微企业": "114.5301", "政府采购.小微企业.占比": "100",
                 "资产.房屋面积": "19646.98", "资产.房屋价值": "2719.4412", "资产.车辆": "17",
                 "资产.车辆价值": "426.5449", "资产.大型设备": "1",
                 "绩效.整体表数": "1", "绩效.整体.全年预算": "1787.2349", "绩效.整体.执行数": "1740.6977",
                 "绩效.项目数": "5", "绩效.项目.全年预算": "504.89", "绩效.项目.执行数": "502.05",
                 "绩效.综合得分": "99.74",
                 "人员.实有": "98", "人员.在职": "45", "人员.在职.增减": "-10", "人员.离休": "1",
                 "人员.离休.增减": "0", "人员.退休": "52", "人员.退休.增减": "1", "人员.下属单位": "0",
                 "人员.科室": "3"}.items():
        put(k, v)
    for category in ("副部（省）级及以上领导用车", "主要负责人用车", "机要通信用车", "应急保障用车",
                     "执法执勤用车", "特种专业技术用车", "离退休干部服务用车"):
        put(f"资产.车辆.{category}", "0")
    put("资产.车辆.其他用车", "17")
    return f


_REASONS = {
    "收支总计.增减": "在职人员减少，人员经费相应下降",
    "财政拨款收支总计.增减": "在职人员减少，人员经费相应下降",
    "财政拨款收支总计.预决算": "年中调减运行补助经费",
    "一般公共预算财政拨款支出.增减": "在职人员减少，人员经费相应下降",
    "一般公共预算财政拨款支出.预决算": "年中调减运行补助经费",
    "项.2010301.增减": "在职人员减少。抚恤金支出减少",
    "项.2010302.增减": "新增经贸对接活动经费",
    "项.2010350.增减": "事业人员划转，科目无支出",
    "项.2080501.增减": "退休人员增加",
    "项.2101103.增减": "缴费基数上调",
    "项.2210201.增减": "在职人员减少",
    "三公.合计.增减": "本年未购置车辆",
    "三公.因公出国（境）费.增减": "新增一次出访",
    "三公.公务用车购置及运行维护费.增减": "本年未购置车辆",
    "三公.公务用车运行维护费.预决算": "厉行节约，压减车辆运行支出",
    "机关运行经费.增减": "压减办公系统经费",
}


def _disclosure(reasons: dict | None = None) -> Disclosure:
    unit = Unit(name="测试县人民政府办公室", year=2024, functions=("（一）负责文电会务。", "（二）负责督查。"),
                staff=Staff(total=98, serving=45), internal_sections=("综合科", "文书科", "督查室"))
    return Disclosure(
        unit=unit,
        sangong=SangongDetails(outbound_content="住宿费、伙食费", vehicle_content="燃料费、维修费",
                               reception_content="本单位无公务接待费"),
        reasons=dict(_REASONS if reasons is None else reasons),
        texts={"绩效.成效": "全年履职效果良好。", "绩效.问题": "绩效理念有待加强。", "绩效.措施": "加强培训。",
               "绩效.等级": "优", "资产.其他用车说明": "一般公务用车"},
    )


def _lines(blocks) -> list[tuple[str, Span]]:
    out = []
    for block in blocks:
        if isinstance(block, (Heading, Paragraph)):
            out.append((block.text, Span(file="rendered", line=len(out) + 1)))
    return out


def _expected(value: Decimal) -> Decimal:
    return money.round2(value)  # counts compare equal too: Decimal("17.00") == 17


# --------------------------------------------------------------------------- (a) round trip

@pytest.mark.parametrize("profile_name", ["xinjiang-2024", "shanghai-2024"])
def test_round_trip_every_rendered_statement_comes_back(profile_name):
    profile = load_profile(profile_name)
    figures = _figures()
    blocks, warnings = render_narrative(_disclosure(), figures, profile)
    parsed = parse_narrative(_lines(blocks), profile)
    stated: dict[str, list[Decimal]] = {}
    for st in parsed.narrative.statements:
        stated.setdefault(st.key, []).append(st.value)
    rendered_keys = [k for b in blocks if isinstance(b, Paragraph) for k in b.keys]
    assert len(set(rendered_keys)) > (110 if profile_name == "shanghai-2024" else 130)
    missing = [k for k in set(rendered_keys) if k not in stated]
    assert not missing, missing
    for key in set(rendered_keys):
        if key in figures:
            want = _expected(figures[key])
        else:  # 公务接待费.增减率: unchanged from zero → 0.00
            want = D("0.00")
        assert want in stated[key], (key, want, stated[key])
    # nothing is read that was not written
    extra = set(stated) - set(rendered_keys) - {"人员.下属单位"}
    assert not extra, extra
    # every figure of the hand-built set is stated somewhere
    unstated = set(figures) - set(rendered_keys)
    if profile_name == "shanghai-2024":  # 不涉及的不列: zero income/expenditure items are left out
        unstated = {k for k in unstated if not (re.match(r"(收入|支出)\.", k) and figures[k.removesuffix(".占比")] == 0)}
        unstated -= _SHANGHAI_UNSTATED
    assert all(k.endswith(".上年") or k == "收支总计" or k == "三公.公务接待费.占比"
               or k.startswith("人员.下属") for k in unstated), unstated
    # reasons come back under the same keys
    for key, text in _REASONS.items():
        if profile_name == "shanghai-2024" and key == "财政拨款收支总计.预决算":
            continue  # the Shanghai 四 compares with last year only
        assert parsed.reasons.get(key, "").rstrip("。") == text.rstrip("。"), key
    assert not [w for w in warnings if "缺少主要原因" in w and "预决算" not in w]


#: Figures the Shanghai template does not state: the 总计 breakdowns of 一 and 四, the budget of
#: 四, 预决算差异率 (it writes 完成年初预算的X% instead) and 固定资产车辆 when it equals 保有量.
_SHANGHAI_UNSTATED = {
    "收入总计", "支出总计", "使用非财政拨款结余", "年初结转和结余", "结余分配", "年末结转和结余",
    "财政拨款收入总计", "财政拨款支出总计", "年初财政拨款结转和结余", "年末财政拨款结转和结余",
    "本年财政拨款收入", "本年财政拨款支出", "财政拨款收支总计.年初预算", "财政拨款收支总计.预决算差异率",
    "一般公共预算财政拨款支出.预决算差异率", "三公.合计.预决算差异率", "三公.因公出国（境）费.预决算差异率",
    "三公.公务用车运行维护费.预决算差异率", "三公.固定资产车辆",
}


def test_round_trip_structure():
    blocks, _ = render_narrative(_disclosure(), _figures(), load_profile("xinjiang-2024"))
    level1 = [b.text for b in blocks if isinstance(b, Heading) and b.level == 1]
    assert level1 == ["第一部分 单位概况", "第二部分 部门决算情况说明", "第三部分 专业名词解释",
                      "第四部分 部门决算报表（见附表）"]
    level2 = [b.text for b in blocks if isinstance(b, Heading) and b.level == 2]
    assert level2[2] == "一、收入支出决算总体情况说明" and level2[-1] == "十二、其他需说明的事项"
    assert "九、财政拨款“三公”经费支出决算情况说明" in level2
    names = [b.name for b in blocks if isinstance(b, Slot)]
    assert names == ["绩效表", "附表"]
    slot = next(i for i, b in enumerate(blocks) if isinstance(b, Slot) and b.name == "绩效表")
    assert blocks[slot + 1].text == "十二、其他需说明的事项"
    tables = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text.startswith("第四部分"))
    listed = [b.text for b in blocks[tables + 1:] if isinstance(b, Paragraph)]
    assert listed[0] == "一、《收入支出决算总表》" and listed[-1] == "九、《财政拨款“三公”经费支出决算表》"
    assert isinstance(blocks[-1], Slot)
    charts = {b.key: b for b in blocks if isinstance(b, Chart)}
    assert set(charts) == {"收入结构", "支出结构", "同比变化"}
    assert charts["收入结构"].labels == ("财政拨款收入", "其他收入")
    assert charts["同比变化"].prior[2] == D("106.47")
    parsed = parse_narrative(_lines(blocks))
    keys = [s.key for s in parsed.narrative.sections]
    assert "2.5.3" in keys and "2.10.3" in keys and "2.11" in keys


def test_shanghai_layout_orders_sections_like_its_template():
    blocks, _ = render_narrative(_disclosure(), _figures(), load_profile("shanghai-2024"))
    level2 = [b.text for b in blocks if isinstance(b, Heading) and b.level == 2]
    assert "七、财政拨款“三公”经费支出决算情况说明" in level2
    assert "十、预算绩效管理情况" in level2
    tables = [b.text for b in blocks if isinstance(b, Paragraph) and b.text.startswith("七、《")]
    assert tables == ["七、《财政拨款“三公”经费支出决算表》"]
    # Shanghai lists only the income items it has
    income = next(b for b in blocks if isinstance(b, Paragraph) and b.text.startswith("本年收入"))
    assert "上级补助收入" not in income.text and "其他收入48.55万元" in income.text


# --------------------------------------------------------------------------- (c) profile wording

def _one_item(delta: str, rate: str | None, prior: str) -> dict[str, Decimal]:
    f = {"项.2010301": D(prior) + D(delta), "项.2010301.增减": D(delta), "项.2010301.上年": D(prior)}
    if rate is not None:
        f["项.2010301.增减率"] = D(rate)
    return f


def _item_paragraph(profile, figures, reasons=None) -> Paragraph:
    blocks, _ = render_narrative(_disclosure(reasons or {}), figures, profile)
    return next(b for b in blocks if isinstance(b, Paragraph) and "行政运行(项)" in b.text)


def test_unchanged_wording_follows_profile():
    zero = load_profile("xinjiang-2024")
    flat = replace(zero, narrative=replace(zero.narrative, unchanged="flat"))
    figures = _one_item("0", None, "12.5")
    assert "比上年决算增加0.00万元，增长0.00%" in _item_paragraph(zero, figures).text
    text = _item_paragraph(flat, figures).text
    assert "比上年决算持平" in text and "增长" not in text
    parsed = parse_narrative([(text, Span(line=1))], flat)
    values = {s.key: s.value for s in parsed.narrative.statements}
    assert values["项.2010301.增减"] == 0 and values["项.2010301.增减率"] == 0
    # unchanged needs no reason: no placeholder
    assert not _item_paragraph(zero, figures).placeholder


def test_zero_base_and_thousands_separator():
    profile = load_profile("xinjiang-2024")
    figures = _one_item("1234.5", None, "0")
    text = _item_paragraph(profile, figures, {"项.2010301.增减": "新设"}).text
    assert "支出决算数为1,234.50万元，比上年决算增加1,234.50万元，增长100.00%" in text
    bare = replace(profile, narrative=replace(profile.narrative, thousands_separator=False, zero_base="none"))
    text = _item_paragraph(bare, figures, {"项.2010301.增减": "新设"}).text
    assert "支出决算数为1234.50万元，比上年决算增加1234.50万元，主要原因是" in text
    parsed = parse_narrative([(text, Span(line=1))])
    values = {s.key: s.value for s in parsed.narrative.statements}
    assert values["项.2010301.增减"] == D("1234.50") and "项.2010301.增减率" not in values


def test_glossary_by_profile():
    xj = glossary_for(load_profile("xinjiang-2024"))
    sh = glossary_for(load_profile("shanghai-2024"))
    assert len(xj) == 14 and xj[0][0] == "财政拨款收入" and xj[-1][0] == "机关运行经费"
    assert "日常公用经费" in sh[-1][1] and "日常公用经费" not in xj[-1][1]


# --------------------------------------------------------------------------- (d) placeholders

def test_missing_reasons_give_placeholders_and_warnings():
    blocks, warnings = render_narrative(_disclosure(reasons={}), _figures(), load_profile("xinjiang-2024"))
    flagged = [b for b in blocks if isinstance(b, Paragraph) and b.placeholder]
    assert all("【待补充：主要原因】" in b.text for b in flagged)
    item = next(b for b in blocks if isinstance(b, Paragraph) and "一般行政管理事务(项)" in b.text)
    assert item.placeholder
    assert any("一般行政管理事务" in w and "项.2010302.增减" in w for w in warnings)
    assert any("三公.公务用车运行维护费.预决算" in w for w in warnings)
    assert any("收支总计.增减" in w for w in warnings)
    # a zero gap and an unchanged item need no reason
    assert not any("三公.因公出国（境）费.预决算" in w for w in warnings)
    assert not any("三公.公务接待费.增减" in w for w in warnings)
    # with every reason given there is no placeholder at all
    blocks, warnings = render_narrative(_disclosure(), _figures(), load_profile("xinjiang-2024"))
    assert not [b for b in blocks if isinstance(b, Paragraph) and b.placeholder]


# --------------------------------------------------------------------------- (b) the seed

@pytest.fixture(scope="module")
def seed():
    shared("seed", SEED.name)
    text = SEED.read_text(encoding="utf-8")
    lines = [(line, Span(file=SEED.name, line=i + 1)) for i, line in enumerate(text.split("\n"))]
    return lines, parse_narrative(lines, load_profile("xinjiang-2024"))


SEED_STATEMENTS = {
    "人员.实有": "98", "人员.在职": "45", "人员.在职.增减": "-10", "人员.离休.增减": "0", "人员.退休": "52",
    "人员.退休.增减": "1", "人员.下属单位": "0", "人员.科室": "10",
    "收入总计": "1787.23", "年初结转和结余": "45.52", "本年支出合计": "1740.70", "年末结转和结余": "46.53",
    "收支总计.增减": "-191.15", "收支总计.增减率": "-9.66",
    "收入.财政拨款收入": "1693.16", "收入.财政拨款收入.占比": "97.21", "收入.其他收入.占比": "2.79",
    "支出.基本支出": "1217.85", "支出.项目支出.占比": "30.04",
    "财政拨款收入总计": "1693.16", "本年财政拨款支出": "1693.16", "财政拨款收支总计.增减": "-180.86",
    "财政拨款收支总计.年初预算": "1753.38", "财政拨款收支总计.预决算差异率": "-3.43",
    "一般公共预算财政拨款支出.占比": "97.27", "一般公共预算财政拨款支出.增减率": "-9.65",
    "类.201": "1348.43", "类.208.占比": "11.95", "类.229": "11.90",
    "项.2010301": "881.38", "项.2010301.增减": "-3.81", "项.2010302.增减率": "100.00",
    "项.2010350.增减率": "-100.00", "项.2013404.增减": "-1.26", "项.2101199.增减率": "-59.38",
    "项.2299901": "11.90",
    "人员经费": "1055.92", "公用经费": "161.94",
    "三公.合计": "77.21", "三公.合计.增减": "-30.30", "三公.合计.增减率": "-28.18",
    "三公.因公出国（境）费.占比": "3.19", "三公.因公出国（境）费.增减率": "30.16",
    "三公.公务用车购置及运行维护费.增减": "-30.87", "三公.公务接待费.增减率": "0.00",
    "三公.公务用车运行维护费": "74.75", "三公.出国团组": "1", "三公.保有车辆": "17", "三公.接待人次": "0",
    "三公.合计.全年预算": "77.21", "三公.公务用车运行维护费.预决算差异率": "0.00",
    "机关运行经费": "161.94", "机关运行经费.增减率": "-20.88",
    "政府采购.货物": "73.11", "政府采购.小微企业": "114.53", "政府采购.中小企业.占比": "100.00",
    "资产.房屋面积": "19646.98", "资产.车辆价值": "426.54", "资产.车辆.其他用车": "17", "资产.大型设备": "1",
    "绩效.整体.全年预算": "1787.23", "绩效.项目数": "5", "绩效.项目.执行数": "502.05", "绩效.综合得分": "99.74",
}


@needs_shared
def test_seed_statements(seed):
    lines, parsed = seed
    values: dict[str, set] = {}
    for st in parsed.narrative.statements:
        values.setdefault(st.key, set()).add(st.value)
    assert len(SEED_STATEMENTS) >= 40
    for key, value in SEED_STATEMENTS.items():
        assert values.get(key) == {D(value)}, (key, values.get(key))
    assert parsed.unit_name == "昌吉回族自治州人民政府办公室" and parsed.year == 2024
    assert not parsed.warnings
    # fourteen 项, all mapped to 2024 codes
    assert len({k for k in values if re.fullmatch(r"项\.\d{7}", k)}) == 14
    # no year and no "单价100万元" was read as an amount
    assert not any(st.value in (D(2023), D(2024), D(100)) and st.unit == "万元"
                   for st in parsed.narrative.statements)


@needs_shared
def test_seed_spans_point_at_the_printed_number(seed):
    lines, parsed = seed
    for st in parsed.narrative.statements:
        if st.key.startswith("人员.下属"):
            continue
        line = lines[st.span.line - 1][0]
        printed = st.span.excerpt[st.span.start:st.span.end]  # offsets are into the excerpt
        assert abs(money.parse_amount(printed)) == abs(st.value), (st.key, printed)
        assert printed in line and st.span.excerpt in line
    first = next(s for s in parsed.narrative.statements if s.key == "收入总计")
    assert first.span.file == SEED.name and first.span.line == 27


@needs_shared
def test_seed_reasons_and_texts(seed):
    _, parsed = seed
    r = parsed.reasons
    assert r["项.2010301.增减"].startswith("本年度对个人和家庭的补助-抚恤金费用减少")
    assert r["收支总计.增减"].startswith("1.本年在职人员减少") and "2.本年减少保密无纸化" in r["收支总计.增减"]
    assert "与年初预算相比" not in r["财政拨款收支总计.增减"]
    assert r["财政拨款收支总计.预决算"] == "年中调减机关运行补助经费，导致预决算存在差异"
    assert r["三公.公务接待费.增减"] == "2023年与2024年均未安排公务接待费支出"
    assert r["三公.公务用车购置费.预决算"] == "本单位无公务用车购置费"
    assert r["三公.固定资产车辆.差异"].startswith("本单位固定资产车辆与公务用车保有量一致")
    assert len([k for k in r if k.startswith("项.")]) == 14
    t = parsed.texts
    assert t["绩效.等级"] == "优"
    assert t["人员经费.构成"].startswith("基本工资、津贴补贴") and t["公用经费.构成"].endswith("其他商品和服务支出")
    assert t["三公.公务用车运行维护费.内容"] == "车辆加油费、维修维护费、车辆保险费"
    assert t["政府性基金"].startswith("本单位本年度无政府性基金预算")
    assert t["绩效.措施"].startswith("一是重视预算绩效工作")
    sections = {s.key: s for s in parsed.narrative.sections}
    assert sections["2.9"].title.startswith("九、财政拨款“三公”经费") and sections["2.5.3"].text.startswith("1.一般公共服务")
    assert len(parsed.narrative.glossary) == 14


# --------------------------------------------------------------------------- parsing rules

def test_parse_never_pairs_across_sentences_and_needs_units():
    text = "本年收入合计1,741.71。万元占97.21%。其中：财政拨款收入1693.16万元。2024年度与2023年度均无变化。"
    parsed = parse_narrative([(text, Span(line=1))])
    keys = {s.key: s.value for s in parsed.narrative.statements}
    assert "本年收入合计" not in keys
    assert keys.get("收入.财政拨款收入") == D("1693.16")
    assert not any(v in (D(2024), D(2023)) for v in keys.values())


def test_parse_shanghai_variants():
    lines = [
        "三、支出决算情况说明",
        "五、一般公共预算财政拨款支出决算情况说明",
        "（三）一般公共预算财政拨款支出决算具体情况",
        "一般公共预算财政拨款支出年初预算为3,000.00万元，支出决算为2,946.00万元，完成年初预算的98.20%。"
        "决算数小于预算数的主要原因：个别项目调减。",
        "1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：基本支出。年初预算为1,200.00万元，"
        "支出决算为1,100.50万元。决算数小于预算数的主要原因：人员变化。",
        "十一、其他重要事项的情况说明",
        "（一）机关运行经费支出情况",
        "机关运行经费支出184.65万元，比2023年度增加2.55万元，增长1.40%。主要原因是更换照明设施。",
        "四、财政拨款收入支出决算总体情况说明",
        "上海市某局2024年度财政拨款收入支出总计2,946.25万元。与2023年度相比，财政拨款收入支出总计持平。",
    ]
    parsed = parse_narrative([(t, Span(line=i + 1)) for i, t in enumerate(lines)], load_profile("shanghai-2024"))
    values = {s.key: s.value for s in parsed.narrative.statements}
    assert values["一般公共预算财政拨款支出.年初预算"] == D("3000.00")
    assert values["一般公共预算财政拨款支出"] == D("2946.00")
    assert values["一般公共预算财政拨款支出.完成率"] == D("98.20")
    assert values["项.2010601.年初预算"] == D("1200.00") and values["项.2010601"] == D("1100.50")
    assert parsed.reasons["项.2010601.预决算"] == "人员变化"
    assert parsed.reasons["一般公共预算财政拨款支出.预决算"] == "个别项目调减"
    assert values["机关运行经费.增减"] == D("2.55") and values["机关运行经费.增减率"] == D("1.40")
    assert parsed.reasons["机关运行经费.增减"] == "更换照明设施"
    assert values["财政拨款收支总计"] == D("2946.25")
    assert values["财政拨款收支总计.增减"] == 0 and values["财政拨款收支总计.增减率"] == 0


def test_unknown_item_name_is_reported_and_its_figures_not_misread():
    lines = ["五、一般公共预算财政拨款支出决算情况说明", "（三）一般公共预算财政拨款支出决算具体情况",
             "1.住房保障支出(类)住房保障支出(款)住房公积金(项):支出决算数为80.22万元，比上年决算减少9.60万元，"
             "下降10.69%,主要原因是：人员减少。"]
    parsed = parse_narrative([(t, Span(file="x.txt", line=i + 1)) for i, t in enumerate(lines)])
    assert parsed.narrative.statements == ()
    assert parsed.reasons == {}
    assert len(parsed.warnings) == 1 and "住房保障支出(款)" in parsed.warnings[0] and "第3行" in parsed.warnings[0]


def test_basic_expenditure_lists_the_t6_items_it_has():
    from juesuan.core.model import CodedTable, Row, Tables
    t6 = CodedTable(key="T6", columns=("决算数",), rows=(
        Row("30101", "基本工资", {"决算数": D("500")}), Row("30102", "津贴补贴", {"决算数": D("0")}),
        Row("30302", "退休费", {"决算数": D("20")}), Row("30201", "办公费", {"决算数": D("3.5")}),
        Row("302", "商品和服务支出", {"决算数": D("3.5")})))
    d = replace(_disclosure(), tables=Tables(t6=t6))
    figures = {"一般公共预算财政拨款基本支出": D("523.5"), "人员经费": D("520"), "公用经费": D("3.5")}
    blocks, _ = render_narrative(d, figures, load_profile("xinjiang-2024"))
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert "2024年度一般公共预算财政拨款基本支出523.50万元，其中：人员经费520.00万元，包括：基本工资、退休费。" in texts
    assert "公用经费3.50万元，包括：办公费。" in texts
    parsed = parse_narrative(_lines(blocks))
    assert parsed.texts["人员经费.构成"] == "基本工资、退休费" and parsed.texts["公用经费.构成"] == "办公费"


def _read(text: str, unit: str = "", budget: bool = False):
    lines = [(t, Span(line=i + 1)) for i, t in enumerate(text.split("\n"))]
    profile = load_profile("national-yusuan") if budget else None
    return {s.key: s.value for s in parse_narrative(lines, profile, unit=unit).narrative.statements}


def test_a_rate_in_brackets_after_a_change_takes_its_direction():
    got = _read("九、财政拨款“三公”经费支出决算情况说明\n公务接待费2.30万元,较上年减少1.5万元(42.86%)。")
    assert got["三公.公务接待费.增减"] == Decimal("-1.5") and got["三公.公务接待费.增减率"] == Decimal("-42.86")
    assert _read("九、“三公”经费情况说明\n公务接待费2.30万元,较上年增加1.5万元（187.50%）。")["三公.公务接待费.增减率"] == Decimal("187.50")


def test_a_change_after_an_amount_no_clause_reads_is_nobodys():
    # under 收入支出决算总体情况, "收入合计" is no clause of the heading: its change is not the 收支总计's
    got = _read("（一）收入支出决算总体情况说明。\n1.总体情况。2023年度收入总计10328.56万元,支出总计10328.56万元。"
                "收支较上年决算数增加418.97万元,增长4.23%。\n2.收入情况。2023年度收入合计10328.56万元,较上年决算数增加1894.61万元,增长22.46%。"
                "\n3.支出情况。2023年度支出合计9000.00万元,较上年决算数增加100.00万元,增长1.12%。")
    assert got["收支总计.增减"] == Decimal("418.97") and got["收支总计.增减率"] == Decimal("4.23")
    # 重庆's layout: "收入合计"/"支出合计" after the year are the 本年 totals, with their own changes
    assert got["本年收入合计"] == Decimal("10328.56") and got["本年收入合计.增减率"] == Decimal("22.46")
    assert got["本年支出合计"] == Decimal("9000.00") and got["本年支出合计.增减"] == Decimal("100.00")


def test_a_paragraph_named_for_income_or_spending_under_one_heading_reads_its_items():
    # 重庆: "2.收入情况。…其中:财政拨款收入…,占…" and "3.支出情况。…其中:基本支出…" under 收入支出决算总体情况
    got = _read("（一）收入支出决算总体情况说明。\n2.收入情况。2022年度收入合计133.6万元。其中:财政拨款收入120.6万元,占90.3%。"
                "此外,使用非财政拨款结余0万元,年初结转和结余2万元。\n3.支出情况。2022年度支出合计133.6万元。其中:基本支出100.6万元,"
                "占75.3%;项目支出33万元,占24.7%;此外,结余分配0万元,年末结转和结余2万元。")
    assert got["收入.财政拨款收入"] == Decimal("120.6") and got["收入.财政拨款收入.占比"] == Decimal("90.3")
    assert got["支出.基本支出.占比"] == Decimal("75.3") and got["支出.项目支出"] == Decimal("33")
    assert got["年初结转和结余"] == Decimal("2") and got["年末结转和结余"] == Decimal("2")


def test_a_rate_after_the_comparison_said_again_and_a_share_of_the_years_total():
    got = _read("二、收入决算情况说明\n2019年度本年收入合计1771.10万元,较上年减少112.8万元,较上年减少2.48%,其中:"
                "财政拨款收入1700.00万元,占收入合计的95.99%;其他收入71.10万元,占收入合计的4.01%。")
    assert got["本年收入合计.增减"] == Decimal("-112.8") and got["本年收入合计.增减率"] == Decimal("-2.48")
    assert got["收入.财政拨款收入.占比"] == Decimal("95.99") and got["收入.其他收入.占比"] == Decimal("4.01")


def test_items_under_a_combined_heading_and_a_share_of_the_years_spending():
    got = _read("三、收支决算总体情况\n2017年本年收入合计597.52万元,其中:财政拨款收入177.28万元,占29.67%;事业收入420.24万元,"
                "占70.33%。\n2017年本年支出合计525.54万元,其中:基本支出445.80万元,占本年支出的84.83%。")
    assert got["收入.财政拨款收入"] == Decimal("177.28") and got["收入.事业收入.占比"] == Decimal("70.33")
    assert got["支出.基本支出"] == Decimal("445.80") and got["支出.基本支出.占比"] == Decimal("84.83")


def test_a_years_income_total_after_the_year_and_a_sangong_total_in_short():
    got = _read("(二)收入决算情况说明\n2018年收入合计3647.38万元,其中:财政拨款收入 2150.48万元,事业收入1497.40万元。")
    assert got["本年收入合计"] == Decimal("3647.38") and got["收入.事业收入"] == Decimal("1497.40")
    got = _read("九、“三公”经费支出决算情况说明\n2020年度“三公”经费41万元,其中:因公出国(境)费0万元,公务接待费20万元。")
    assert got["三公.合计"] == Decimal("41") and got["三公.公务接待费"] == Decimal("20")


def test_a_funds_carry_over_is_not_the_units():
    got = _read("一、收入支出决算总体情况说明\n2023年度上年结转和结余资金为98.45万元。\n"
                "2023年政府性基金预算财政拨款上年结转和结余0万元,政府性基金预算财政拨款收入0万元。")
    assert got["年初结转和结余"] == Decimal("98.45")
    assert _read("一、收入支出决算总体情况说明\n2023年政府性基金预算财政拨款上年结转和结余0万元。").get("年初结转和结余") is None


def test_a_sentence_about_last_year_gives_last_years_amounts():
    got = _read("九、“三公”经费支出情况说明\n2022年“三公”经费决算数合计为1000.86万元，其中：公务接待费43.77万元。"
                "2021年的“三公”经费决算数合计为807.95万元，其中：公务接待费39.43万元。")
    assert got["三公.公务接待费"] == Decimal("43.77") and got["三公.公务接待费.上年"] == Decimal("39.43")
    # a year compared with is no sentence about that year
    assert "三公.公务接待费.上年" not in _read("九、“三公”经费支出情况说明\n2022年公务接待费43.77万元。"
                                         "2021年与2020年相比，公务接待费39.43万元。")


def test_last_years_date_on_a_figure_told_with_its_budget_completed_and_its_own_change_is_a_slip():
    # R48g/05 (大英 2023 单位决算): only the report year's figure completes its budget and changes from its last year
    got = _read("七、财政拨款“三公”经费支出决算情况说明\n2023年一般公共预算财政拨款基本支出911.7万元。\n"
                "2022年“三公”经费财政拨款支出决算为3.46万元,完成预算100%,较上年增加2.4万元,增长0.24%。")
    assert got["三公.合计"] == Decimal("3.46") and got["三公.合计.增减"] == Decimal("2.4") and "三公.合计.上年" not in got
    # told without them it stays last year's
    got = _read("七、财政拨款“三公”经费支出决算情况说明\n2023年一般公共预算财政拨款基本支出911.7万元。\n"
                "2022年“三公”经费财政拨款支出决算为3.46万元,其中:公务接待费0.28万元。")
    assert got["三公.公务接待费.上年"] == Decimal("0.28") and "三公.合计" not in got and "三公.公务接待费" not in got


def test_a_change_after_a_name_no_clause_reads_is_that_names():
    got = _read("九、“三公”经费支出情况说明\n公务接待费增加4.34万元，增加的原因是接待增加；会议费减少87.51万元，培训费增加4.66万元。")
    assert got["三公.公务接待费.增减"] == Decimal("4.34")


def test_a_budgets_parts_in_a_final_accounts_sentence_are_not_spending():
    got = _read("一、“三公”经费情况\n2021年我镇“三公”经费预算为20万元,其中:公务接待费9万元,公务用车运行维护费11万元。"
                "2021年“三公”经费支出共计9.07万元,较上年支出数减少0.71万元,下降7.83%。")
    assert "三公.公务接待费" not in got and got["三公.合计"] == Decimal("9.07") and got["三公.合计.增减率"] == Decimal("-7.83")


def test_a_budgets_change_in_a_final_accounts_note_is_not_the_spendings():
    # 三江县's 三公 summary (R34u/13, and its collapsed copy): the budget's change from last year's budget
    spent = "2018年“三公”经费支出决算1283万元,同比增加25.17%。"
    for budget in ("2018年,全县“三公”经费预算919万元,与上年预算安排持平。",
                   "2018年,全县“三公”经费预算数919万元,比上年增加10万元,增长1.1%。"):
        got = _read("一、“三公”经费情况\n" + budget + spent)
        assert got["三公.合计"] == Decimal("1283") and got["三公.合计.增减率"] == Decimal("25.17"), budget
        assert "三公.合计.增减" not in got, budget
        # under a heading that names only the budget, the same
        got = _read("一、2018年“三公”经费预算\n" + budget + "\n二、2018年“三公”经费决算执行情况\n" + spent)
        assert got["三公.合计.增减率"] == Decimal("25.17") and "三公.合计.增减" not in got, budget
    # the budget's own figure stays its
    got = _read("一、“三公”经费情况\n“三公”经费年初预算919万元,与上年持平。")
    assert got == {"三公.合计.年初预算": Decimal("919")}


def test_a_change_against_the_budget_with_its_subject_named_after_is_no_change_from_last_year():
    # 巴彦淖尔市妇联 (R38c/03): the budget's 96.21 and last year's 107.58 in one sentence
    got = _read("一、收入支出决算总体情况\n与年初预算相比,收、支总计各增加96.21万元,增长40.63%,变动原因:追加预算;"
                "与上年决算相比,收、支总计各增加107.58万元,增长47.7%。")
    assert got["收支总计.增减"] == Decimal("107.58") and got["收支总计.预决算差额"] == Decimal("96.21")


def test_both_totals_change_named_收支_alone():
    # 大足区智凤卫生院 (R38d/13): "增长4.1%" for 66.02 ÷ 1585.72 = 4.16%
    # (the copy's "??" before each paragraph, as the page gives it)
    got = _read("二、部门决算情况说明\n??(一)收入支出决算总体情况说明。\n??1.总体情况。2022年度收入总计1651.74万元,"
                "支出总计1651.74万元。收支较上年决算数增加66.02万元、增长4.1%,主要原因是业务收入增加。")
    assert got["收支总计.增减"] == Decimal("66.02") and got["收支总计.增减率"] == Decimal("4.1")


def test_each_totals_change_named_by_its_side_with_决算数():
    # 重庆市工贸高级技工学校 (R39e/01): the 收入's and the 支出's changes, not two of the 收支总计's
    got = _read("一、收入支出决算总体情况说明\n1.总体情况。2020年度收入总计13087.76万元,支出总计12590.45万元。"
                "收入较上年决算数增加6354.12万元,增长94.4%,主要原因是:创收增加等。"
                "支出较上年决算数增加5856.81万元,增长87.0%,主要原因是:学校扩大招生。")
    assert got["收入总计.增减"] == Decimal("6354.12") and got["支出总计.增减率"] == Decimal("87.0")
    assert "收支总计.增减" not in got


def test_vehicles_told_with_verbs():
    got = _read("一、“三公”经费情况\n2015年按规定更新购置公务用车0辆。截至2015年12月底,单位共有公务用车8辆。")
    assert got["三公.购置车辆"] == 0 and got["三公.保有车辆"] == 8


def test_figures_of_a_part_of_the_units_summed_up_are_not_the_pages():
    got = _read("一、“三公”经费情况\n2022年“三公”经费决算数合计为1000.86万元,其中:公务接待费43.77万元。"
                "2022年区直财政拨款资金安排“三公”经费决算数为736.40万元,比预算数减少67.62万元。")
    assert got["三公.合计"] == Decimal("1000.86") and got["三公.公务接待费"] == Decimal("43.77")


def test_a_budget_listed_before_what_was_spent():
    text = ("一、“三公”经费情况\n2018年度一般公共预算财政拨款安排的“三公”经费预算54万元,其中:因公出国(境)费支出决算0万元;"
            "公务接待费支出决算42万元。\n2018年度“三公”经费决算支出51万元,其中:公务接待费27万元,比上年减少27万元。")
    lines = [(t, Span(line=i + 1)) for i, t in enumerate(text.split("\n"))]
    said = [(s.key, s.value) for s in parse_narrative(lines).narrative.statements]
    assert ("三公.公务接待费", Decimal("42")) not in said and ("三公.公务接待费", Decimal("27")) in said
    got = _read("一、“三公”经费情况\n2018年度一般公共预算财政拨款安排的“三公”经费预算54万元,其中:因公出国(境)费支出决算0万元;"
                "公务接待费支出决算42万元。\n2018年度“三公”经费决算支出51万元,其中:公务接待费27万元,比上年减少27万元。")
    assert got["三公.公务接待费"] == Decimal("27") and got["三公.公务接待费.增减"] == Decimal("-27")


def test_the_car_subtotal_named_in_the_other_order():
    got = _read("一、“三公”经费情况\n公务用车运行维护费及公务用车购置费13984.61万元，其中：公务用车购置费878.44万元。")
    assert got["三公.公务用车购置及运行维护费"] == Decimal("13984.61") and got["三公.公务用车购置费"] == Decimal("878.44")


def test_income_and_spending_changes_are_each_totals_own():
    got = _read("（一）收入支出决算总体情况说明\n本部门2016年度收入总计803.84万元,支出总计687.8万元。与2015年决算数相比,"
                "收入增加23.74万元、增长3%,主要原因是人员增加。支出增加15.9万元,增长2.4%,主要原因是投入增加。")
    assert got["收入总计.增减"] == Decimal("23.74") and got["收入总计.增减率"] == Decimal("3")
    assert "收支总计.增减" not in got and "收支总计.增减率" not in got


def test_a_sub_totals_parts_named_without_fee_are_the_parts():
    # 深圳's 三公 wording: "公务用车购置支出决算为…" after the sub-total's own figures
    got = _read("一、“三公”经费情况\n公务用车购置及运行维护费支出决算为2.02万元,完成全年预算5.3万元的38.1%,比上年决算数减少0.33万元,"
                "下降14%,其中:公务用车购置支出决算为0万元,完成全年预算0万元的0%,比上年决算数增加0万元,增长0%,"
                "公务用车运行维护费支出决算为2.02万元。")
    assert got["三公.公务用车购置及运行维护费"] == Decimal("2.02") and got["三公.公务用车购置及运行维护费.增减率"] == -14
    assert got["三公.公务用车购置费"] == 0 and got["三公.公务用车运行维护费"] == Decimal("2.02")


def test_a_summed_notes_items_named_zhichu_without_fee():
    # R42m/04 (武汉汉阳区 2013): "“三公”经费支出总数", "因公出国(境)支出", "公务用车购置及运行维护支出"
    got = _read("关于汉阳区2013年“三公”经费决算支出情况说明\n“三公”经费支出总数为5,572万元,比上年增长18.86%。\n"
                "1.因公出国(境)支出169万元(排已公开的6个区第3),比上年下降16.34%。\n"
                "2.公务用车购置及运行维护支出4.647万元(排已公开的6个区最高),比上年增长58.65%。")
    assert got["三公.合计"] == 5572 and got["三公.因公出国（境）费"] == 169
    assert got["三公.公务用车购置及运行维护费"] == Decimal("4.647")


def test_a_carry_overs_fund_lines_are_not_the_funds_income():
    # R44u/05 (冠县检验检测中心 2017): "年初财政拨款结转和结余17.23万元,其中一般公共预算财政拨款17.23万元"
    text = ("某中心2017年度部门决算\n(二)财政拨款收入支出决算总体情况\n2017年财政拨款收入决算总计178.48万元,包括:本年财政拨款"
            "收入合计161.25万元,其中一般公共预算财政拨款161.25万元、政府性基金预算财政拨款0万元;年初财政拨款结转和结余17.23万元,"
            "其中一般公共预算财政拨款17.23万元、政府性基金预算财政拨款0万元。")
    lines = [(t, Span(line=i + 1)) for i, t in enumerate(text.split("\n"))]
    said = [(s.key, s.value) for s in parse_narrative(lines).narrative.statements]
    assert [v for k, v in said if k == "收入.一般公共预算财政拨款收入"] == [Decimal("161.25")]
    assert ("年初财政拨款结转和结余", Decimal("17.23")) in said


def test_last_years_two_totals_after_its_year():
    # R46z/02 (儋州南丰镇中心幼儿园 2023), wrapped: "2022年度收入总计400.22万元,支出总计400.22万元" are last year's
    got = _read("某园2023年度部门决算\n(一)收入支出决算总体情况\n2023年度收入总计453.13万元,支出总计453.13万元,2022年\n"
                "度收入总计400.22万元,支出总计400.22万元,与2022年度相比,收入、支出总计各增加52.91万元。")
    assert got["支出总计"] == Decimal("453.13") and got["支出总计.上年"] == Decimal("400.22")
    assert got["收入总计.上年"] == Decimal("400.22")


def test_an_unread_part_after_qizhong_is_not_the_whole():
    got = _read("一、“三公”经费情况\n公务接待费支出决算为5万元,比上年减少1万元,其中:外宾接待支出决算为2万元,比上年增加1万元。")
    assert got["三公.公务接待费"] == 5 and got["三公.公务接待费.增减"] == -1


def test_a_rate_before_its_amount_and_the_verbs_zengzhi_jianzhi():
    got = _read("一、“三公”经费情况\n2018年度“三公”经费支出962万元,较上年增长14.5%,增支119万元;公务接待费23万元,较上年减支4万元。")
    assert got["三公.合计.增减率"] == Decimal("14.5") and got["三公.合计.增减"] == 119
    assert got["三公.公务接待费.增减"] == -4


def test_shares_written_zhanbi_or_of_the_sangong_total_with_a_space():
    got = _read("二、收入决算情况说明\n本年收入合计1723.71万元,其中:财政拨款收入1720.54万元,占比99.82%。")
    assert got["收入.财政拨款收入.占比"] == Decimal("99.82")
    got = _read("一、“三公”经费情况\n公务接待费2.4万元,占“三公”经费的 14.63%;公务用车运行维护费14万元,占“三公”经费的85.37%。")
    assert got["三公.公务接待费.占比"] == Decimal("14.63") and got["三公.公务用车运行维护费.占比"] == Decimal("85.37")


def test_trips_abroad_counted_without_jing():
    got = _read("一、“三公”经费情况\n(一)因公出国(境)费支出5.84万元。2013年因公出国1人次,出境1人次。")
    assert got["三公.出国人次"] == 1


def test_no_unit_name_from_a_news_lead_before_the_title_words():
    lines = [(t, Span(line=i + 1)) for i, t in enumerate(
        ["18.07.2014  22:40", "中新网7月18日电 据中国政府网消息,国务院办公厅2013年度部门决算。", "一、“三公”经费情况", "公务接待费5万元。"])]
    assert parse_narrative(lines).unit_name == ""


def test_an_amount_in_a_clause_comparing_with_a_year_is_that_years():
    text = ("2015年度部门决算\n一、三公经费情况\n2015年“三公”经费合计31.23万元,其中:公务接待费1.58万元,比2014年公务接待费1.84万元"
            "减少0.26万元。较2014年度“三公”经费合计16.08万元增加15.15万元。")
    got = _read(text)
    assert got["三公.合计"] == Decimal("31.23") and got["三公.合计.上年"] == Decimal("16.08")
    assert got["三公.公务接待费"] == Decimal("1.58") and got["三公.公务接待费.上年"] == Decimal("1.84")
    older = _read(text.replace("比2014年", "比2012年"))
    assert older["三公.公务接待费"] == Decimal("1.58") and "三公.公务接待费.上年" not in older
    budget = _read(text.replace("比2014年公务接待费", "比2014年预算数公务接待费"))
    assert budget["三公.公务接待费"] == Decimal("1.58") and "三公.公务接待费.上年" not in budget


def test_terse_changes_zeng_jian_and_zengfu_jianfu():
    got = _read("一、“三公”经费情况\n公务接待费1.2万元,较上年减0.06万元,减幅4.76%;公务用车运行维护费1.5万元,较上年增 0.3万元,增25%。")
    assert got["三公.公务接待费.增减"] == Decimal("-0.06") and got["三公.公务接待费.增减率"] == Decimal("-4.76")
    assert got["三公.公务用车运行维护费.增减"] == Decimal("0.3") and got["三公.公务用车运行维护费.增减率"] == 25
    # 增 or 减 alone is a change only right after 上年: not "新增", not "增减"
    assert "三公.公务接待费.增减" not in _read("一、“三公”经费情况\n公务接待费1.2万元,新增0.06万元。")


def test_a_sentence_opening_on_zhichu_alone_tells_the_spending_totals_change():
    got = _read("一、收入支出决算总体情况说明\n2024年度收入总计100万元、支出总计100万元。与2023年相比，收入增加10万元，增长11.11%。"
                "支出增加10万元，增长11.11%。")
    assert got["收入总计.增减"] == 10 and got["支出总计.增减"] == 10 and "收支总计.增减" not in got


def test_totals_changes_named_shouru_zhichu_zongji_and_the_sangong_total_named_bare():
    got = _read("一、收入支出总体情况说明\n2024年度收入总计7562.45万元,支出总计6632.48万元,与2023年度相比,收入、支出总计各增加1412.7万元、"
                "2062.79万元,增长15.74%、23.72%。")
    assert got["收入总计.增减"] == Decimal("1412.7") and got["支出总计.增减率"] == Decimal("23.72")
    got = _read("一、“三公”经费情况\n2021年度镇本级“三公”经费决算4.5万元,因公出国(境)费0万元。经比较,2021年度镇本级“三公”经费较上年决算数"
                "减少0.03万元,下降0.6%。")
    assert got["三公.合计"] == Decimal("4.5") and got["三公.合计.增减"] == Decimal("-0.03")


def test_a_sentence_about_another_unit_tells_none_of_the_documents_figures():
    text = ("一、“三公”经费情况\n比如市旅游委,2015年“三公”经费财政拨款决算数413.89万元。\n"
            "市食药监局2015年“三公”经费财政拨款决算数1848.26万元。\n北京市食药监局2015年公务接待费1.21万元。")
    assert _read(text, unit="市食药监局") == {"三公.合计": Decimal("1848.26"), "三公.公务接待费": Decimal("1.21")}
    same = _read("一、“三公”经费情况\n寻甸回族彝族自治县文化和旅游局2022年度“三公”经费决算数5.1万元。", unit="寻甸县文化和旅游局")
    assert same == {"三公.合计": Decimal("5.1")}
    # a street's office is the street: "…街道办事处" in a note titled "…自治县塘子街道"
    office = _read("一、“三公”经费情况\n寻甸县塘子街道办事处2023年度“三公”经费支出决算为11.96万元。", unit="寻甸回族彝族自治县塘子街道")
    assert office == {"三公.合计": Decimal("11.96")}


def test_rates_written_as_a_rate_of_change():
    got = _read("一、“三公”经费情况\n公务接待费5万元,较上年减少0.51万元,减少率为8%;公务用车运行维护费3万元,较上年增加1万元,增长率为50%。")
    assert got["三公.公务接待费.增减率"] == -8 and got["三公.公务用车运行维护费.增减率"] == 50


def test_a_change_told_of_a_count_of_units_is_theirs():
    got = _read("一、“三公”经费情况\n2014年“三公”经费支出38431.69万元,比上年减少2248.13万元,下降5.53%。\n在已公开的42个部门中,"
                "因公接待费用较之去年均未有增加,其中有11个部门与2013年“三公经费”因公接待费预算持平。")
    assert got["三公.合计.增减"] == Decimal("-2248.13") and got["三公.合计.增减率"] == Decimal("-5.53")


def test_a_clause_opening_on_last_year_after_a_comma_tells_last_years_figure():
    got = _read("2017年度部门决算\n二、支出决算情况说明\n2017年度基本支出279万元,2016年度基本支出230万元,2017年比上年基本支出增加49万元。")
    assert got["支出.基本支出"] == 279 and got["支出.基本支出.上年"] == 230 and got["支出.基本支出.增减"] == 49


def test_a_change_after_a_bracket_is_the_subject_named_before_it():
    got = _read("一、“三公”经费情况\n公务用车购置及运行费500.00万元(公务用车购置费100.00万元,比上年增加0万元;公务用车运行维护费400.00万元,"
                "比上年增加10万元。)比上年增加10万元,增长2.04%;公务接待费2.4万元。")
    assert got["三公.公务用车购置及运行维护费.增减"] == 10 and got["三公.公务用车购置及运行维护费.增减率"] == Decimal("2.04")
    assert got["三公.公务用车运行维护费.增减"] == 10 and "三公.合计.增减" not in got


def test_a_change_told_with_le():
    got = _read("一、“三公”经费情况\n公务接待费5万元,较上年减少了0.51万元,下降了9.26%。")
    assert got["三公.公务接待费.增减"] == Decimal("-0.51") and got["三公.公务接待费.增减率"] == Decimal("-9.26")


def test_a_change_net_of_something_is_not_the_totals():
    got = _read("一、“三公”经费情况\n2017年度“三公”经费支出4,333.33万元,与上年相比减少了1,276.52万元,下降了22.75%。"
                "剔除这一因素,“三公”经费支出减少933.78万元,下降16.64%。")
    assert got["三公.合计.增减"] == Decimal("-1276.52") and got["三公.合计.增减率"] == Decimal("-22.75")


def test_a_car_fewer_bought_is_no_car_bought():
    said = "九、“三公”经费支出决算情况说明\n公务用车购置费0万元，较上年减少18.00万元，主要是{words}公务用车1辆。"
    assert _read(said.format(words="购置")).get("三公.购置车辆") == Decimal("1")
    assert "三公.购置车辆" not in _read(said.format(words="减少购置"))


def test_a_fall_written_as_negative_growth_keeps_its_sign():
    # "减少61.8万元，增长-5.82%": the rate is a fall, as the amount is; unsigned, it is a rise
    got = _read("九、财政拨款“三公”经费支出决算情况说明\n公务接待费2.30万元,较上年减少61.8万元,增长-5.82%。")
    assert got["三公.公务接待费.增减"] == Decimal("-61.8") and got["三公.公务接待费.增减率"] == Decimal("-5.82")
    assert _read("九、“三公”经费情况说明\n公务接待费2.30万元,较上年增加1.5万元,增长5.82%。")["三公.公务接待费.增减率"] == Decimal("5.82")


def test_a_说明_in_元_is_read_in_元_and_kept_in_万元():
    text = ("四、财政拨款收支预算总体情况说明\n2025年财政拨款收支总预算1085203.63元。\n五、一般公共预算支出情况说明\n"
            "2025年一般公共预算财政拨款支出1085203.63元,同比减少43506.06元,下降 3.85 %。其中:基本支出1037103.63元,项目支出48100元。")
    got = _read(text)
    assert got["财政拨款收支总计"] == Decimal("108.520363")
    assert got["一般公共预算财政拨款支出.增减"] == Decimal("-4.350606")
    assert got["一般公共预算财政拨款支出.增减率"] == Decimal("-3.85")  # a rate is read as printed, "3.85 %" too
    assert got["一般公共预算财政拨款项目支出"] == Decimal("4.81")
    # a 万元 说明 with one amount slipped into 元 is not read in 元: the slip is not taken for a figure
    slip = _read("四、财政拨款收支预算总体情况说明\n2025年财政拨款收支总预算108.52万元,比上年减少4.35万元。"
                 "一般公共预算支出108.52万元,其中基本支出103.71万元,项目支出4.81元。", budget=True)
    assert slip["财政拨款收支总计"] == Decimal("108.52") and "一般公共预算财政拨款项目支出" not in slip


def test_a_class_named_with_the_templates_类科目_is_read_as_the_class():
    got = _read("五、一般公共预算财政拨款支出决算情况说明\n（二）一般公共预算财政拨款支出决算结构情况\n"
                "2024年度一般公共预算财政拨款支出108.52万元,主要用于以下方面:社会保障和就业支出类科目 11.64万元,占10.73%;"
                "住房保障支出类科目7.48万元,占6.90%。")
    assert (got["类.208"], got["类.208.占比"], got["类.221"]) == (Decimal("11.64"), Decimal("10.73"), Decimal("7.48"))


def test_in_a_说明_in_元_a_parts_change_is_not_the_totals():
    # "其中：政府集中采购预算3378990元，…同比增加2092210元": the part's change, not the 政府采购 total's
    got = [(s.key, s.value) for s in parse_narrative([(t, Span(line=i + 1)) for i, t in enumerate((
        "四、其他重要事项的情况说明", "（二）政府采购预算安排情况说明。",
        "2025年政府采购预算6429768.84元,同比增加2433505.07元,增长60.89%。其中:政府集中采购预算3378990元,"
        "占政府采购预算的52.55%,同比增加2092210元,增长162.59%。分散采购3050778.84元,同比增加341295.07元,增长12.60%。"))],
        load_profile("national-yusuan")).narrative.statements if s.key.startswith("政府采购.总额.增减")]
    assert got == [("政府采购.总额.增减", Decimal("243.350507")), ("政府采购.总额.增减率", Decimal("60.89"))]


def test_a_change_written_减少支出_is_read():
    got = _read("九、财政拨款“三公”经费支出决算情况说明\n2017年“三公”经费财政拨款支出1360.13万元,比上年减少支出613.80万元,下降36.0%。")
    assert got["三公.合计.增减"] == Decimal("-613.80") and got["三公.合计.增减率"] == Decimal("-36.0")
    # the older templates' 公共财政拨款: the total itself is read too
    older = _read("九、财政拨款“三公”经费支出决算情况说明\n2017年区级“三公”经费公共财政拨款支出1360.13万元,比上年减少支出613.80万元。")
    assert older["三公.合计"] == Decimal("1360.13")


def test_a_share_run_into_the_next_name_is_not_the_one_before():
    # R42o/15 (长寿湖镇 2021): no comma after "99.74%", and 基金补助收入 is no name the phrasebook knows
    text = "二、收入决算情况说明\n2021年度收入合计5888.49万元,其中:财政拨款收入5872.97万元,占99.74%基金补助收入15.52万元,占0.26%。"
    assert _read(text)["收入.财政拨款收入.占比"] == Decimal("99.74")


def test_jiangxi_staff_counts_of_one_kind_of_post_are_not_the_whole():
    # R48e/03 (全南县第三幼儿园 2025): "行政编制在职人数0人" is one kind's staff in post, not the unit's; its
    # kinds of post are read ("参照公务员法管理的…", "事业编制人数39人"), its "…小计N人" not (a group's, maybe)
    got = _read("一、单位基本情况\n编制人数小计39人,其中:行政编制人数0人,参照公务员法管理的事业编制人数39人,事业编制人数39人。"
                "实有人数小计39人,其中:在职人数小计39人,包括行政编制在职人数0人、事业编制在职人数39人;离休人数0人;退休人数0人")
    assert got["人员.编制.参公"] == 39 and got["人员.编制.事业"] == 39 and got["人员.离休"] == 0
    assert "人员.在职" not in got and "人员.实有" not in got
    # R50k/07 (竹山县人民医院 2018), wrapped: "事业编制391人(含\n参公管理事业编制0人)" — the 参公 part is no second 事业编制
    got = _read("一、单位基本情况\n其中:事业编制391人(含\n参公管理事业编制0人);在职在编实有事业人员")
    assert got["人员.编制.事业"] == 391
