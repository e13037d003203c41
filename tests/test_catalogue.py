"""Every finding code of every registered check is documented, has a declared severity, and has
an example that triggers it (at that severity) and one that does not; the generated catalogue
page is up to date."""

from pathlib import Path

import pytest

from builders import check
from juesuan.rules.checks import default_registry
from juesuan.rules.checks.base import spec_of
from juesuan.rules.checks.catalogue import markdown, severities

import catalogue_examples

try:
    import catalogue_examples_performance as perf_examples
except ImportError:  # pragma: no cover - the 绩效 examples are written separately
    perf_examples = None

EXAMPLES = dict(catalogue_examples.EXAMPLES)
if perf_examples is not None:
    EXAMPLES.update(perf_examples.EXAMPLES)

CODES = sorted({code.id for f in default_registry() for code in spec_of(f).codes})


def test_every_code_documented():
    for f in default_registry():
        spec = spec_of(f)
        assert spec.doc, f"{spec.id} has no docstring"
        for code in spec.codes:
            assert code.description.strip(), f"{spec.id}: code {code.id} has no description"


def test_every_code_has_examples():
    missing = [c for c in CODES if c not in EXAMPLES]
    assert not missing, f"codes without examples: {missing}"


@pytest.mark.parametrize("code", CODES)
def test_code_example_triggers_and_clean_does_not(code):
    trigger, clean = EXAMPLES[code]
    hits = [f for f in check(trigger()).findings if f.code == code]
    assert hits, f"{code}: the triggering example produced no {code}"
    declared = severities().get(code)
    if declared:
        assert {f.severity.value for f in hits} == {declared}, f"{code}: severity differs from the catalogue"
    assert code not in [f.code for f in check(clean()).findings], f"{code}: the clean example still produces it"


def test_catalogue_page_is_current():
    page = Path(__file__).resolve().parents[1] / "docs" / "checks.md"
    assert page.read_text(encoding="utf-8") == markdown(), "run: python -m juesuan.rules.checks.catalogue > docs/checks.md"


def test_no_check_crashes_on_examples():
    for code, (trigger, clean) in EXAMPLES.items():
        for build in (trigger, clean):
            crashed = [f for f in check(build()).findings if f.code == "CHECK-CRASHED"]
            assert not crashed, f"{code}: {crashed[0].message}"
