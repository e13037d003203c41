"""Regional wording as data: the template language, the shipped styles and skeletons read by the
auditor's side, a region's own wording written in its profile, and the errors a bad entry gives."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from juesuan import api
from juesuan.apps.cli import main
from juesuan.core import money
from juesuan.core.document import Heading, Paragraph
from juesuan.core.findings import InputError
from juesuan.core.model import Span
from juesuan.core.profiles import load_profile, profile_from_mapping
from juesuan.phrasebook import patterns
from juesuan.phrasebook.parse import parse_narrative
from juesuan.phrasebook.render import BUDGET_BUILDERS, BUILDERS, render_narrative
from juesuan.phrasebook.sections import cn
from juesuan.phrasebook.wording import Ref, Said, TemplateError, parse_template, render, wording_for
from juesuan.rules import derive

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "changji-2024"
STYLES = ("national", "xinjiang", "shanghai")
SKELETONS = ("xinjiang", "shanghai")


# --------------------------------------------------------------------------- the template language

class Scope:
    """Clauses given as name → text (None: its figure is missing), pieces, entries; records the
    missing figures a pen would warn of."""

    def __init__(self, clauses=None, pieces=None, entries=None):
        self.clauses, self.pieces, self.entries = clauses or {}, pieces or {}, entries or {}
        self.warned: list[str] = []

    def entry(self, name):
        return parse_template(self.entries[name]) if name in self.entries else None

    def figure(self, ref: Ref):
        if ref.name not in self.clauses:
            return False
        text = self.clauses[ref.name]
        if text is None:
            if not ref.quiet:
                self.warned.append(ref.name)
            return None
        return Said(text, (ref.name,))

    def piece(self, name):
        return self.pieces[name]


def written(template: str, scope: Scope) -> str | None:
    said = render(parse_template(template), scope)
    return None if said is None else said.text


def test_optional_parts_and_alternatives():
    scope = Scope({"甲": "甲1万元", "乙": None}, {"word": "是", "gone": None})
    assert written("{甲}[，{乙?}]。", scope) == "甲1万元。"
    assert written("{乙?}[，{甲}]。", scope) is None
    assert written("<{乙?}|{gone}|{word}{甲}|无>", scope) == "是甲1万元"
    assert written("<{乙?}|无>", scope) == "无"
    assert written("[{乙?}]", scope) == ""


def test_joins_lists_and_conditions():
    scope = Scope({"甲": "甲1", "乙": None, "丙": "丙3"},
                  {"items": [Said("a"), None, Said(""), Said("b")], "none": [], "yes": True, "no": False})
    assert written("{甲，乙?，丙}", scope) == "甲1，丙3"
    assert written("{乙?、丙}", scope) == "丙3"
    assert written("其中：{items*；}。", scope) == "其中：a；b。"
    assert written("[其中：{none*；}]。", scope) == "。"
    assert written("{yes}有[{no}无]", scope) == "有"


def test_keys_and_placeholders_are_carried_in_order():
    scope = Scope({"甲": "甲1", "丙": "丙3"}, {"why": Said("【待补充】", placeholder=True)})
    said = render(parse_template("{丙}，{甲}[，原因：{why}]"), scope)
    assert said.keys == ("丙", "甲") and said.placeholder


def test_entries_are_written_in_place():
    scope = Scope({"甲": "甲1"}, entries={"part": "{甲}[（{乙?}）]"})
    scope.clauses["乙"] = None
    assert written("合计：{part}。", scope) == "合计：甲1。"


def test_every_missing_figure_of_a_sentence_is_named_once_it_fails():
    scope = Scope({"甲": None, "乙": None, "丙": None, "丁": None}, entries={"part": "{丁}"})
    assert written("{甲}[，其中：{乙，丙?}][，{part}]。", scope) is None
    assert scope.warned == ["甲", "乙", "丁"]  # 丙 is quiet
    scope = Scope({"甲": None, "乙": None}, {"gate": None})
    assert written("{gate}{甲}[{乙}]", scope) is None
    assert scope.warned == []  # the builder left it out: its figures are not looked at
    scope = Scope({"甲": "甲1", "乙": None, "丙": None})
    assert written("{甲}[，{乙}，{丙}]", scope) == "甲1"
    assert scope.warned == ["乙", "丙"]  # an optional part names what it lacks too


@pytest.mark.parametrize("text", ["{甲", "[甲", "<甲|乙", "甲]", "甲|乙", "{}", "{甲，乙、丙}", "{@类.201}"])
def test_a_template_that_cannot_be_read(text):
    with pytest.raises(TemplateError):
        parse_template(text)


# --------------------------------------------------------------------------- the shipped wording

def _profile(style: str, skeleton: str, **knobs):
    base = load_profile("national")
    return replace(base, narrative=replace(base.narrative, style=style, skeleton=skeleton, **knobs))


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("skeleton", SKELETONS)
def test_every_style_has_every_entry_and_each_skeleton_names_known_builders(style, skeleton):
    wording = wording_for(_profile(style, skeleton))
    assert set(wording_for(_profile("national", skeleton)).entries) <= set(wording.entries)

    def builders(sections):
        for section in sections:
            yield from section.builders
            yield from builders(section.children)

    names = list(builders(wording.skeleton))
    assert names and set(names) <= set(BUILDERS)
    # the Shanghai template has no 其他需说明的事项; a budget's own sections are a budget's
    assert set(BUILDERS) - set(names) <= {"other"} | BUDGET_BUILDERS
    assert not set(names) & BUDGET_BUILDERS


@pytest.mark.parametrize("style, skeleton", [("national-yusuan", "national-yusuan"), ("shanghai-yusuan", "shanghai-yusuan"),
                                             ("shanghai-yusuan", "national-yusuan")])
def test_a_budget_style_has_every_budget_entry_and_its_skeleton_known_builders(style, skeleton):
    wording = wording_for(_profile(style, skeleton))
    assert set(wording_for(_profile("national-yusuan", skeleton)).entries) <= set(wording.entries)
    names = [n for section in wording.skeleton for n in section.builders + tuple(
        b for child in section.children for b in child.builders + tuple(x for c in child.children for x in c.builders))]
    assert set(names) <= set(BUILDERS) and set(names) & BUDGET_BUILDERS


#: The section a builder writes, as the auditor recognises it from the heading.
TOPICS = {"functions": "概况.职能", "organisation": "概况.机构", "overall": "收支总体", "income": "收入",
          "expenditure": "支出", "fiscal": "财拨总体", "general.overall": "一般公共.总体",
          "general.structure": "一般公共.结构", "general.items": "一般公共.具体", "basic": "基本支出",
          "fund": "政府性基金", "capital": "国有资本", "sangong.overall": "三公", "sangong.details": "三公",
          "operating": "其他重要事项.机关运行经费", "procurement": "其他重要事项.政府采购",
          "assets": "其他重要事项.资产", "performance": "绩效", "other": "其他事项"}
PARTS = {"glossary": "名词解释", "tables": "报表", "functions": "概况", "organisation": "概况"}


@pytest.mark.parametrize("skeleton", SKELETONS)
def test_the_auditor_knows_every_heading_of_each_skeleton(skeleton):
    """The parser finds its topics by words of the headings: every skeleton's headings must have them."""
    d = api.load(EXAMPLE)
    blocks, _ = render_narrative(d, {}, _profile("national", skeleton))
    headings = [b for b in blocks if isinstance(b, Heading)]
    wording = wording_for(_profile("national", skeleton))
    seen = 0
    for part, heading in zip(wording.skeleton, [h for h in headings if h.level == 1]):
        title = heading.text.split(" ", 1)[1]
        names = part.builders or tuple(b for s in part.children for b in s.builders + tuple(
            x for c in s.children for x in c.builders))
        assert patterns.part_of(title) == PARTS.get(names[0], "说明"), title
        for section in part.children:
            title = section_title(headings, section)
            topic = patterns.topic_of(title)
            for name in section.builders:
                assert topic == TOPICS[name].split(".")[0] or topic == TOPICS[name], (title, name)
                seen += 1
            for child in section.children:
                sub = patterns.topic_of(section_title(headings, child), parent=topic)
                assert [sub] * len(child.builders) == [TOPICS[n] for n in child.builders], child
                seen += len(child.builders)
    assert seen >= 18


def section_title(headings, section) -> str:
    title = render(section.title, Scope()).text
    match = [h.text for h in headings if h.level > 1 and h.text.split("、", 1)[-1].split("）", 1)[-1] == title]
    assert match, title
    return title


@pytest.fixture(scope="module")
def example():
    return derive.complete(api.load(EXAMPLE))


def _lines(blocks):
    return [(b.text, Span(file="rendered", line=i + 1))
            for i, b in enumerate(b for b in blocks if isinstance(b, (Heading, Paragraph)))]


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("skeleton", SKELETONS)
def test_reasons_written_in_any_style_are_read_back_under_their_key(style, skeleton, example):
    profile = _profile(style, skeleton, budget_wording="completion" if style == "shanghai" else "gap")
    # each reason told apart from the others (the example gives some the same words)
    stated = {k: f"{v.strip().rstrip('。')}（其{cn(i)}）" for i, (k, v) in enumerate(example.reasons.items(), start=1)}
    d = replace(example, reasons=stated)
    blocks, _ = render_narrative(d, derive.derive(d, profile), profile)
    text = "\n".join(t for t, _ in _lines(blocks))
    parsed = parse_narrative(_lines(blocks), profile)
    written = [k for k, v in stated.items() if v in text]
    assert len(written) >= 20
    assert {k: parsed.reasons.get(k) for k in written} == {k: stated[k] for k in written}


# --------------------------------------------------------------------------- a region's own wording

REGION = {
    "base": "national",
    "narrative": {"phrases": {
        "fund.empty": "{unit}{year}年度未安排{fund}预算财政拨款。",
        "operating": ["{机关运行经费}[，较上年{同比?}][，主要原因是：{reason}]。"],
        "bracket": "〔{word}〕",
        "charts": False,
    }},
}


def test_a_region_wording_is_written_in_its_profile_and_read_back(example):
    profile = profile_from_mapping(REGION, source="某地.yaml")
    national = load_profile("national")
    figures = derive.derive(example, profile)
    blocks, _ = render_narrative(example, figures, profile)
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    unit = example.unit.name
    assert f"{unit}2024年度未安排政府性基金预算财政拨款。" in texts
    assert f"{unit}2024年度未安排国有资本经营预算财政拨款。" in texts
    operating = next(t for t in texts if t.startswith("机关运行经费"))
    assert operating.startswith(f"机关运行经费支出{money.fmt_amount(figures['机关运行经费'])}万元，较上年减少")
    assert any("一般公共服务支出〔类〕" in t for t in texts) and not any("（类）" in t for t in texts)
    assert not [b for b in blocks if type(b).__name__ == "Chart"]
    # the rest is national's wording, and the auditor reads the region's sentences back
    others, _ = render_narrative(example, derive.derive(example, national), national)
    plain = [t.replace("〔", "（").replace("〕", "）") for t in texts]
    changed = [b.text for b in others if isinstance(b, Paragraph) and b.text not in plain]
    assert len(changed) == 3 and len(plain) == len([b for b in others if isinstance(b, Paragraph)])
    assert all("无数据" in t or "机关运行经费" in t for t in changed)
    stated = {s.key: s.value for s in parse_narrative(_lines(blocks), profile).narrative.statements}
    assert stated["机关运行经费"] == money.round2(figures["机关运行经费"])
    assert stated["机关运行经费.增减"] == money.round2(figures["机关运行经费.增减"])


@pytest.mark.parametrize("phrases, says", [
    ({"fund.emptiness": "无"}, "narrative.phrases.fund.emptiness"),
    ({"bracket": ["（{word}）"]}, "narrative.phrases.bracket"),
    ({"charts": "否"}, "narrative.phrases.charts"),
    ({"fund.empty": True}, "narrative.phrases.fund.empty"),
    ({"overall": "{收入总计"}, "narrative.phrases.overall"),
    ({"overall": "{收入总额}。"}, "收入总额"),
    ({"overall": "{overall}。"}, "narrative.phrases.overall"),
    ({"basic.staff": "{personnel@人员}"}, "narrative.phrases.basic.staff"),
    ({"basic.staff": "{人员经费*、}"}, "narrative.phrases.basic.staff"),
    ({"basic.staff": "{basic}"}, "narrative.phrases.basic.staff"),
])
def test_a_bad_entry_is_an_error_naming_the_profile_and_key(phrases, says):
    profile = profile_from_mapping({"base": "national", "narrative": {"phrases": phrases}}, source="某地.yaml")
    with pytest.raises(InputError) as info:
        wording_for(profile)
    assert "某地.yaml" in str(info.value) and says in str(info.value)


def test_a_value_of_the_wrong_kind_is_refused_when_the_profile_loads():
    with pytest.raises(InputError, match="narrative.phrases.fund.empty"):
        profile_from_mapping({"base": "national", "narrative": {"phrases": {"fund.empty": 3}}}, source="某地.yaml")


def test_a_piece_the_section_does_not_offer_is_one_line_from_build(tmp_path, capsys):
    path = tmp_path / "某地.yaml"
    path.write_text("base: national\nnarrative:\n  phrases:\n    fund.empty: \"{unit}无{money}。\"\n", encoding="utf-8")
    assert main(["build", str(EXAMPLE), "-o", str(tmp_path / "out"), "--format", "md", "--profile", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and str(path) in err and "fund.empty" in err and "{money}" in err
