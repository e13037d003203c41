"""Profiles drive the phrasebook's wording: Shanghai, Xinjiang and national sentences, both ways.

The round trip (render → parse → the same rounded figures) under each shipped profile, the
wording each profile asks for (持平, "增加0.00万元，增长0.00%", "完成年初预算的X%"), the section
order, derive's 完成率, and an end-to-end Shanghai build of examples/changji-2024 that checks clean.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from juesuan import api, compose
from juesuan.core import money
from juesuan.core.document import Heading, Paragraph
from juesuan.core.findings import Severity
from juesuan.core.keys import COMPLETION, SUFFIXES, split
from juesuan.core.model import Disclosure, Span, Unit
from juesuan.core.profiles import load_profile
from juesuan.phrasebook.parse import parse_narrative
from juesuan.phrasebook.render import render_narrative
from juesuan.rules import derive

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "changji-2024"
PROFILES = ("xinjiang-2024", "shanghai-2024", "national")
D = Decimal


def _lines(blocks) -> list[tuple[str, Span]]:
    return [(b.text, Span(file="rendered", line=i + 1))
            for i, b in enumerate(b for b in blocks if isinstance(b, (Heading, Paragraph)))]


def _paragraphs(blocks) -> list[Paragraph]:
    return [b for b in blocks if isinstance(b, Paragraph)]


def _stated(blocks, profile) -> dict[str, list[Decimal]]:
    out: dict[str, list[Decimal]] = {}
    for st in parse_narrative(_lines(blocks), profile).narrative.statements:
        out.setdefault(st.key, []).append(st.value)
    return out


def _unit() -> Disclosure:
    return Disclosure(unit=Unit(name="测试局", year=2024))


# --------------------------------------------------------------------------- the round trip

@pytest.fixture(scope="module")
def example():
    return derive.complete(api.load(EXAMPLE))


@pytest.mark.parametrize("name", PROFILES)
def test_round_trip_under_each_profile(name, example):
    profile = load_profile(name)
    figures = derive.derive(example, profile)
    blocks, _ = render_narrative(example, figures, profile)
    stated = _stated(blocks, profile)
    written = {k for p in _paragraphs(blocks) for k in p.keys}
    assert len(written) > 120
    missing = sorted(k for k in written if k not in stated)
    assert missing == []
    wrong = [(k, stated[k]) for k in written if k in figures and money.round2(figures[k]) not in stated[k]]
    assert wrong == []
    # nothing is read that was not written (人员.下属单位 is stated by "无下属预算单位")
    assert set(stated) - written - {"人员.下属单位"} == set()


def test_shanghai_round_trip_states_completion_and_reasons(example):
    profile = load_profile("shanghai-2024")
    figures = derive.derive(example, profile)
    blocks, warnings = render_narrative(example, figures, profile)
    parsed = parse_narrative(_lines(blocks), profile)
    values = {s.key: s.value for s in parsed.narrative.statements}
    assert values["一般公共预算财政拨款支出.完成率"] == D("96.57")  # 1,693.16 / 1,753.38
    assert values["一般公共预算财政拨款支出.年初预算"] == D("1753.38")
    assert values["三公.合计.完成率"] == D("100.00") and values["三公.合计.年初预算"] == D("77.21")
    assert parsed.reasons["一般公共预算财政拨款支出.预决算"] == example.reasons["一般公共预算财政拨款支出.预决算"].rstrip("。")
    assert parsed.reasons["项.2010301.增减"] == example.reasons["项.2010301.增减"].rstrip("。")
    assert not [p for p in _paragraphs(blocks) if p.placeholder]
    assert not [w for w in warnings if "主要原因" in w]


# --------------------------------------------------------------------------- wording per profile

def _unchanged() -> dict[str, Decimal]:
    return {"收支总计": D("100"), "收支总计.上年": D("100"), "收支总计.增减": D("0"), "收支总计.增减率": D("0"),
            "项.2010301": D("12.5"), "项.2010301.上年": D("12.5"), "项.2010301.增减": D("0"),
            "项.2010301.增减率": D("0")}


def test_shanghai_writes_flat_for_an_unchanged_amount():
    profile = load_profile("shanghai-2024")
    blocks, warnings = render_narrative(_unit(), _unchanged(), profile)
    texts = [p.text for p in _paragraphs(blocks)]
    overall = next(t for t in texts if "收入支出总计" in t)
    assert overall == "测试局2024年度收入支出总计100.00万元。与2023年度相比，收入支出总计持平。"
    item = next(t for t in texts if "行政运行（项）" in t)
    assert "与2023年度持平。" in item and "增加" not in item and "增长" not in item
    assert not [w for w in warnings if "主要原因" in w]  # unchanged needs no reason
    stated = _stated(blocks, profile)
    for key in ("收支总计.增减", "收支总计.增减率", "项.2010301.增减", "项.2010301.增减率"):
        assert stated[key] == [D("0.00")]


def test_xinjiang_writes_zero_change_for_an_unchanged_amount():
    profile = load_profile("xinjiang-2024")
    blocks, _ = render_narrative(_unit(), _unchanged(), profile)
    texts = [p.text for p in _paragraphs(blocks)]
    assert "收入支出总体与上年相比，增加0.00万元，增长0.00%。" in texts
    item = next(t for t in texts if "行政运行(项)" in t)
    assert "比上年决算增加0.00万元，增长0.00%" in item and "持平" not in item
    stated = _stated(blocks, profile)
    assert stated["项.2010301.增减"] == [D("0.00")] and stated["项.2010301.增减率"] == [D("0.00")]


def test_national_is_neutral():
    profile = load_profile("national")
    blocks, _ = render_narrative(_unit(), _unchanged(), profile)
    texts = [p.text for p in _paragraphs(blocks)]
    item = next(t for t in texts if "行政运行（项）" in t)  # full-width brackets
    assert item.startswith("1.一般公共服务支出（类）") and "比上年决算持平" in item
    assert any("没有政府性基金预算财政拨款收入和支出，故政府性基金预算财政拨款收入支出决算表无数据" in t for t in texts)
    assert not any("为空表" in t for t in texts)


def _budgeted(initial: str) -> dict[str, Decimal]:
    f = {"一般公共预算财政拨款支出": D("2940.0512"), "一般公共预算财政拨款支出.全年预算": D("2990")}
    f["一般公共预算财政拨款支出.年初预算"] = D(initial)
    base = D(initial) or f["一般公共预算财政拨款支出.全年预算"]
    f[f"一般公共预算财政拨款支出.{COMPLETION}"] = f["一般公共预算财政拨款支出"] / base * 100
    f["一般公共预算财政拨款支出.预决算差异率"] = (f["一般公共预算财政拨款支出"] - base) / base * 100
    return f


def test_shanghai_completion_of_the_initial_budget():
    profile = load_profile("shanghai-2024")
    reasons = {"一般公共预算财政拨款支出.预决算": "个别信息化项目调减"}
    blocks, _ = render_narrative(replace(_unit(), reasons=reasons), _budgeted("2993.92"), profile)
    text = next(p.text for p in _paragraphs(blocks) if "年初预算为" in p.text)
    assert text == ("一般公共预算财政拨款支出年初预算为2,993.92万元，支出决算为2,940.05万元，完成年初预算的98.20%。"
                    "决算数小于预算数的主要原因：个别信息化项目调减。")
    parsed = parse_narrative(_lines(blocks), profile)
    values = {s.key: s.value for s in parsed.narrative.statements}
    assert values["一般公共预算财政拨款支出.完成率"] == D("98.20")
    assert values["一般公共预算财政拨款支出.年初预算"] == D("2993.92")
    assert parsed.reasons["一般公共预算财政拨款支出.预决算"] == "个别信息化项目调减"
    # the Xinjiang wording states the gap instead
    xj = render_narrative(replace(_unit(), reasons=reasons), _budgeted("2993.92"), load_profile("xinjiang-2024"))[0]
    assert not any("完成年初预算的" in p.text for p in _paragraphs(xj))
    assert any("预决算差异率" in p.text for p in _paragraphs(xj))


def test_shanghai_completion_of_the_full_year_budget_when_initial_is_zero():
    profile = load_profile("shanghai-2024")
    blocks, warnings = render_narrative(_unit(), _budgeted("0"), profile)
    text = next(p.text for p in _paragraphs(blocks) if "预算为" in p.text)
    assert "全年预算为2,990.00万元" in text and "完成全年预算的98.33%" in text
    assert "完成年初预算" not in text
    assert any("一般公共预算财政拨款支出.预决算" in w for w in warnings)  # a gap needs its reason
    values = {s.key: s.value for s in parse_narrative(_lines(blocks), profile).narrative.statements}
    assert values["一般公共预算财政拨款支出.完成率"] == D("98.33")


def test_shanghai_budget_met_needs_no_reason():
    f = {"一般公共预算财政拨款支出": D("10"), "一般公共预算财政拨款支出.年初预算": D("10"),
         f"一般公共预算财政拨款支出.{COMPLETION}": D("100")}
    blocks, warnings = render_narrative(_unit(), f, load_profile("shanghai-2024"))
    text = next(p.text for p in _paragraphs(blocks) if "年初预算为" in p.text)
    assert text.endswith("完成年初预算的100.00%。决算数与预算数持平。")
    assert not [w for w in warnings if "预决算" in w]


def test_shanghai_empty_funds_and_sangong_in_one_sentence():
    f = {"三公.合计": D("0"), "三公.因公出国（境）费": D("0")}
    blocks, _ = render_narrative(_unit(), f, load_profile("shanghai-2024"))
    texts = [p.text for p in _paragraphs(blocks)]
    assert "测试局2024年度无政府性基金预算财政拨款收入和支出。" in texts
    assert "测试局2024年度无国有资本经营预算财政拨款收入和支出。" in texts
    assert "测试局2024年度无“三公”经费财政拨款支出。" in texts


# --------------------------------------------------------------------------- section order

def _level2(name: str) -> list[str]:
    blocks, _ = render_narrative(_unit(), {}, load_profile(name))
    return [b.text for b in blocks if isinstance(b, Heading) and b.level == 2]


def test_section_order_per_profile():
    sh = _level2("shanghai-2024")
    assert sh[:2] == ["一、主要职能", "二、部门决算单位构成"]
    described = [t for t in sh if t.endswith("情况说明") or t.endswith("管理情况")]
    assert [t.split("、", 1)[0] for t in described if "三公" in t or "绩效" in t or "政府性基金" in t] == ["七", "八", "十"]
    assert "七、财政拨款“三公”经费支出决算情况说明" in sh and "十、预算绩效管理情况" in sh
    assert sh[-1] == "十一、其他重要事项的情况说明"
    for name in ("xinjiang-2024", "national"):
        order = _level2(name)
        assert "九、财政拨款“三公”经费支出决算情况说明" in order
        assert "十一、预算绩效的情况说明" in order and order[-1] == "十二、其他需说明的事项"
        assert order.index("七、政府性基金预算财政拨款收入支出决算情况说明") < order.index("九、财政拨款“三公”经费支出决算情况说明")


# --------------------------------------------------------------------------- derive's 完成率

def test_completion_suffix_is_a_key_suffix():
    assert COMPLETION in SUFFIXES
    assert split("项.2010301.完成率") == ("项.2010301", "完成率")


def test_derive_completion_uses_initial_then_full_year(example):
    figures = derive.derive(example, load_profile("shanghai-2024"))
    got = figures["一般公共预算财政拨款支出.完成率"]
    assert money.round2(got) == D("96.57")
    assert got == figures["一般公共预算财政拨款支出"] / D("1753.38") * 100
    c = example.comparatives
    zero = replace(example, comparatives=replace(
        c, initial_budget={**c.initial_budget, "一般公共预算财政拨款支出": D("0")},
        full_year_budget={**c.full_year_budget, "一般公共预算财政拨款支出": D("1700")}))
    figures = derive.derive(zero, load_profile("shanghai-2024"))
    assert figures["一般公共预算财政拨款支出.完成率"] == figures["一般公共预算财政拨款支出"] / D("1700") * 100
    none = replace(example, comparatives=replace(c, initial_budget={}, full_year_budget={}))
    assert "一般公共预算财政拨款支出.完成率" not in derive.derive(none, load_profile("shanghai-2024"))


# --------------------------------------------------------------------------- end to end

def test_shanghai_build_of_the_example_checks_clean(tmp_path):
    result = compose.build(EXAMPLE, tmp_path, formats=("md",), profile="shanghai-2024")
    md = next(p for p in result.files if p.suffix == ".md")
    text = md.read_text(encoding="utf-8")
    assert "完成年初预算的96.57%" in text and "与2023年度相比" in text
    assert "预决算差异率" not in text and "比上年决算" not in text
    assert text.index("七、财政拨款“三公”经费支出决算情况说明") < text.index("八、政府性基金预算财政拨款收入支出决算情况说明")
    d = api.read(md, profile="shanghai-2024")
    assert d.profile == "shanghai-2024"
    keys = {s.key for s in d.narrative.statements}
    assert {"一般公共预算财政拨款支出.完成率", "三公.合计.完成率", "收支总计.增减"} <= keys
    errors = [(f.code, f.message) for f in api.check(d, "shanghai-2024").findings if f.severity == Severity.ERROR]
    assert errors == []


# --------------------------------------------------------------------------- knobs mixed

@pytest.mark.parametrize("knobs", [{"skeleton": "xinjiang", "style": "shanghai"},
                                   {"skeleton": "shanghai", "style": "xinjiang"},
                                   {"budget_wording": "gap"}])
def test_style_and_layout_are_independent_and_round_trip(knobs, example):
    base = load_profile("shanghai-2024")
    profile = replace(base, narrative=replace(base.narrative, **knobs))
    figures = derive.derive(example, profile)
    blocks, _ = render_narrative(example, figures, profile)
    stated = _stated(blocks, profile)
    written = {k for p in _paragraphs(blocks) for k in p.keys}
    assert [k for k in written if k not in stated] == []
    assert [k for k in written if k in figures and money.round2(figures[k]) not in stated[k]] == []
    text = "\n".join(p.text for p in _paragraphs(blocks))
    headings = [b.text for b in blocks if isinstance(b, Heading) and b.level == 2]
    if knobs.get("style") == "shanghai":
        assert "与2023年度相比" in text and "九、财政拨款“三公”经费支出决算情况说明" in headings
    elif knobs.get("style") == "xinjiang":
        assert "与上年相比" in text and "七、财政拨款“三公”经费支出决算情况说明" in headings
    else:  # Shanghai sentences with the gap instead of 完成率
        assert "预决算差异率-3.43%" in text and "完成年初预算" not in text
        assert "一般公共预算财政拨款支出.预决算差异率" in stated
