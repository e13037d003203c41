"""The golden set's text documents pasted another way (hard-wrapped prose, half-width punctuation,
traditional characters, no thousands separators, spaced or full-width digits, CRLF, page numbers, form
feeds, running headers, blank lines between lines) or published as a web page or a Word document
(each line a paragraph) give no error or warning the original does not: a finding that comes from
the way a text was copied is false.
benchmarks/metamorphic.py measures the same over any folder, and the findings lost."""

from __future__ import annotations

import functools
import importlib.util
import sys

import pytest

from shared import ROOT

DOCS = sorted((ROOT / "tests" / "golden" / "docs").glob("*.txt"))


def _benchmark():
    spec = importlib.util.spec_from_file_location("metamorphic_benchmark", ROOT / "benchmarks" / "metamorphic.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


BENCH = _benchmark()
KEPT = ("wrap", "halfwidth", "traditional", "no-separators", "fullwidth-digits", "spaced-numbers", "crlf", "page-marks",
        "form-feeds", "running-header", "blank-lines")


@functools.cache
def _original(path):
    return BENCH.findings(path)


def test_the_golden_texts_are_there():
    assert len(DOCS) >= 40


@pytest.mark.parametrize("name", KEPT)
def test_a_copy_pasted_another_way_gains_no_finding(name, tmp_path):
    gained = {}
    for path in DOCS:
        copy = tmp_path / path.name
        copy.write_text(BENCH.TRANSFORMS[name](path.read_text(encoding="utf-8")), encoding="utf-8", newline="")
        more = BENCH.findings(copy) - _original(path)
        if more:
            gained[path.stem] = dict(more)
    assert gained == {}


@pytest.mark.parametrize("name", sorted(set(BENCH.FORMATS) - set(BENCH.SLOW)))
def test_the_same_text_as_a_web_page_or_word_document_gains_no_finding(name, tmp_path):
    suffix, write = BENCH.FORMATS[name]
    gained = {}
    for path in DOCS:
        copy = (tmp_path / path.name).with_suffix(suffix)
        write(path.read_text(encoding="utf-8"), copy)
        more = BENCH.findings(copy) - _original(path)
        if more:
            gained[path.stem] = dict(more)
    assert gained == {}
