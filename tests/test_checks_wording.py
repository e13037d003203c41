"""Wording checks: editors' questions, template remnants, placeholders, doubled punctuation,
outdated names, 元/万元 slips — each with the line it is on."""

import pytest

from builders import doc, found
from catalogue_examples import EXAMPLES

WORDING_CODES = [c for c in EXAMPLES if c.startswith("W-")]


@pytest.mark.parametrize("code", WORDING_CODES)
def test_wording_examples(code):
    trigger, clean = EXAMPLES[code]
    assert found(trigger(), code)
    assert not found(clean(), code)


def test_editor_question_points_at_its_line():
    d = doc(text="第一行。\n推动工作。补充开展党纪学题教育情况？切实把对党忠诚体现在岗位上。")
    hit = found(d, "W-EDITOR-QUESTION")[0]
    assert hit.figures["原文"] == "补充开展党纪学题教育情况？"
    span = hit.spans[0]
    assert span.line == 2 and span.excerpt[span.start:span.end].endswith("情况？")


def test_ellipsis_and_dash_are_not_doubled_punctuation():
    assert not found(doc(text="其他收入……等；主要原因——人员减少。"), "W-DOUBLE-PUNCT")
    hits = found(doc(text="档案缺失。。下一步，，改进"), "W-DOUBLE-PUNCT")
    assert [h.figures["标点"] for h in hits] == ["。。", "，，"]


def test_placeholders_one_finding_per_line():
    hits = found(doc(text="上海市XX局收入XXX万元，占XX%。\n正常的一行。\n某某单位"), "W-PLACEHOLDER")
    assert len(hits) == 2 and hits[0].figures["处数"] == "3"


def test_latin_words_are_not_placeholders():
    assert not found(doc(text="采购XXL规格服装10.00万元"), "W-PLACEHOLDER")


def test_unit_price_in_yuan_is_fine():
    assert not found(doc(text="差旅补助标准每人每天100.00元，合计11.90万元。"), "W-UNIT")
    assert found(doc(text="住房公积金3.58元，合计11.90万元。"), "W-UNIT")[0].figures["原文"] == "3.58元"


def test_outdated_name_gives_current_name():
    hit = found(doc(text="行政事业单位离退休(款)"), "W-OUTDATED-NAME")[0]
    assert hit.figures["现行名称"] == "行政事业单位养老支出" and hit.severity.value == "warning"


def test_whether_question_is_only_a_warning():
    d = doc(text="指标：项目是否按期完成？")
    assert not found(d, "W-EDITOR-QUESTION")
    assert found(d, "W-QUESTION-MARK")[0].severity.value == "warning"


def test_a_bracket_wrapped_onto_the_next_line_is_paired():
    wrapped = doc(text="推动公共资源交易（政\n府采购业务）改革。")
    assert not found(wrapped, "W-PAREN")
    left_open = doc(text="推动公共资源交易（政府采购业务改革。\n下一段没有括号。")
    assert len(found(left_open, "W-PAREN")) == 1  # the next line closes nothing: still unpaired
