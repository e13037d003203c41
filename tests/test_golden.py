"""The golden set as a regression guard: on every hand-audited real document (tests/golden), no
error juesuan reports is false, and warnings are true at least 9 times in 10 overall. Recall is
measured by benchmarks/golden.py, not asserted here."""

from __future__ import annotations

import importlib.util
import sys

import pytest
import yaml

from juesuan.core.findings import Severity
from shared import ROOT, needs_shared

GOLDEN = ROOT / "tests" / "golden"
LABELS = sorted(GOLDEN.glob("*.yaml"))


def _benchmark():
    spec = importlib.util.spec_from_file_location("golden_benchmark", ROOT / "benchmarks" / "golden.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


BENCH = _benchmark()


def _params():
    for path in LABELS:
        source = yaml.safe_load(path.read_text(encoding="utf-8")).get("source", "shared")
        marks = (needs_shared,) if source == "shared" else ()
        yield pytest.param(path, id=path.stem, marks=marks)


@pytest.fixture(scope="module")
def outcomes():
    return {}


@pytest.mark.parametrize("label", list(_params()))
def test_every_error_on_a_real_document_is_true(label, outcomes):
    out = BENCH.evaluate(label)
    outcomes[label.stem] = out
    false_errors = [f"{f.code} {f.message}" for f in out.false if f.severity is Severity.ERROR]
    assert not false_errors, f"{label.stem}: false errors {false_errors}"


def test_warnings_are_true_nine_times_in_ten(outcomes):
    if not outcomes:
        pytest.fail("the per-document golden tests did not run first")
    true = sum(1 for o in outcomes.values() for f, _ in o.true if f.severity is Severity.WARNING)
    false = sum(1 for o in outcomes.values() for f in o.false if f.severity is Severity.WARNING)
    assert true + false == 0 or true / (true + false) >= 0.9, f"warning precision {true}/{true + false}"
