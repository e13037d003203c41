"""The speed-ups of the check run change nothing: anchored question search equals the plain regex
scan, cached 目标值/业绩值 parsing and per-context 绩效 scoring give the same results. (No timing is
asserted; see the report of the speed work for the numbers.)"""

import random

from catalogue_examples_performance import base_evaluation, change_item, disclosure
from juesuan.core.profiles import Profile, load_profile
from juesuan.rules.checks import performance_support, wording
from juesuan.rules.checks.base import Context
from juesuan.rules.measure import _parse_text, parse_measure
from juesuan.rules.scoring import score_evaluation


def test_anchored_question_search_equals_finditer():
    rng = random.Random(7)
    alphabet = "？?" + "中文" * 15 + "ab" * 5 + "。！；\n!，"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 240)))
        for pattern, mark, reach in ((wording._QUESTION, "？", 41), (wording._ASCII_QUESTION, "?", 42)):
            plain = [(m.start(), m.end()) for m in pattern.finditer(text)]
            anchored = [(m.start(), m.end()) for m in wording._ending_at(pattern, text, mark, reach)]
            assert anchored == plain, text


def test_parse_measure_cache_is_transparent():
    _parse_text.cache_clear()
    first = parse_measure(">=98%")
    assert parse_measure(">=98%") is first and first.comparator == ">=" and first.unit == "%"
    assert parse_measure(None) == parse_measure("") and parse_measure(None).kind == "blank"
    assert parse_measure(12) == parse_measure("12")


def test_scores_are_computed_once_per_context_and_equal_the_engine():
    ev = change_item(base_evaluation(), 0, actual="=9个", rate="90", score="27")
    d = disclosure(ev)
    profile = load_profile("xinjiang-2024")
    ctx = Context(d, profile)
    first = list(performance_support.scored(ctx))
    again = list(performance_support.scored(ctx))
    assert [r for _, r, _ in first] == [r for _, r, _ in again] and first[0][1] is again[0][1]
    assert first[0][1] == score_evaluation(ev, profile)
    # another context scores afresh (the memo belongs to the context)
    other = Context(d, Profile(name="t", scoring={"proportional": {"threshold": 95}}))
    assert list(performance_support.scored(other))[0][1].indicators[0].score == 0


def test_bad_policy_is_remembered_as_not_applicable():
    ctx = Context(disclosure(), Profile(name="broken", scoring={"proportional": {"over": "half"}}))
    for _ in range(2):
        try:
            performance_support.policy_of(ctx)
        except performance_support.NotApplicable as exc:
            assert "scoring.proportional.over" in str(exc)
        else:
            raise AssertionError("a bad scoring profile must make the 绩效 checks not run")
