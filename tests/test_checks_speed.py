"""The speed-ups of the check run change nothing: anchored question search equals the plain regex
scan, cached 目标值/业绩值 parsing and the 绩效 scores computed once per document (``rules.prepare``)
give the same results. (No timing is asserted; benchmarks/ has the numbers.)"""

import random

import pytest

from catalogue_examples_performance import base_evaluation, change_item, disclosure
from juesuan.core.findings import InputError
from juesuan.core.profiles import profile_from_mapping, load_profile
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


def test_scores_are_computed_once_per_document_and_equal_the_engine(monkeypatch):
    ev = change_item(base_evaluation(), 0, actual="=9个", rate="90", score="27")
    d = disclosure(ev)
    profile = load_profile("xinjiang-2024")
    from juesuan.rules import prepare as prepare_module

    calls = []
    real = prepare_module.score_evaluation
    monkeypatch.setattr(prepare_module, "score_evaluation", lambda *a: calls.append(a) or real(*a))
    ctx = Context.of(d, profile)
    assert len(calls) == len(d.evaluations)  # scored once, while preparing
    first = list(performance_support.scored(ctx))
    again = list(performance_support.scored(ctx))
    assert [r for _, r, _ in first] == [r for _, r, _ in again] and first[0][1] is again[0][1]
    assert first[0][1] == score_evaluation(ev, profile)
    assert len(calls) == len(d.evaluations)  # the checks reuse the scores
    # another profile gives another prepared document
    other = Context.of(d, profile_from_mapping(dict(name="t", scoring={"proportional": {"threshold": 95}})))
    assert list(performance_support.scored(other))[0][1].indicators[0].score == 0


def test_bad_policy_is_refused_when_the_profile_is_loaded():
    with pytest.raises(InputError, match="scoring.proportional.over"):
        profile_from_mapping(dict(name="broken", scoring={"proportional": {"over": "half"}}))
