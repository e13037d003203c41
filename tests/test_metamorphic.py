"""The golden set's text documents pasted another way (hard-wrapped prose, half-width punctuation,
traditional characters, no thousands separators, spaced or full-width digits, CRLF, page numbers, form
feeds, running headers, blank lines between lines) or published as a web page or a Word document
(each line a paragraph) give no error or warning the original does not: a finding that comes from
the way a text was copied is false. Printed to PDF by LibreOffice, they gain no error.
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


def test_the_same_text_printed_to_pdf_gains_no_error(tmp_path):
    """Each golden text as a Word document printed to PDF by LibreOffice (one run per hundred): the PDF
    reader's own line joining, quotes in another font, ruled tables. A warning may differ (a defect
    the PDF shows on two lines is told twice); an error the text does not have would be false."""
    import os
    import subprocess

    from shared import tool

    soffice = tool("soffice", "libreoffice")
    sources = []
    for path in DOCS:
        source = tmp_path / (path.stem + ".docx")
        BENCH._docx(path.read_text(encoding="utf-8"), source)
        sources.append(source)
    for start in range(0, len(sources), 100):  # (one LibreOffice run stopped, silently, after 248 of 269 files)
        subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, sources[start:start + 100])],
                       check=True, capture_output=True, timeout=900, env={**os.environ, "HOME": str(tmp_path)})
    gained = {}
    for path in DOCS:
        pdf = tmp_path / (path.stem + ".pdf")
        assert pdf.exists(), f"LibreOffice printed no PDF of {path.name}"
        more = {k: n for k, n in (BENCH.findings(pdf) - _original(path)).items() if k[1] == "error"}
        if more:
            gained[path.stem] = more
    assert gained == {}
