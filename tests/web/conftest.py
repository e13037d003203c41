"""Fixtures of the workbench tests (the server and client are in ``webserver``)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from webserver import MISSING_KEY, ROOT, Server  # noqa: E402


@pytest.fixture
def server(tmp_path):
    s = Server(tmp_path)
    yield s
    s.stop()


@pytest.fixture
def small_server(tmp_path):
    """A server whose uploads may be at most 2 MB a file, 3 files, 5 PDF pages."""
    s = Server(tmp_path, {"JUESUAN_UPLOAD_FILE_BYTES": str(2 * 1024 * 1024), "JUESUAN_UPLOAD_FILES": "3",
                          "JUESUAN_UPLOAD_PDF_PAGES": "5", "JUESUAN_UPLOAD_REQUEST_BYTES": str(8 * 1024 * 1024)})
    yield s
    s.stop()


@pytest.fixture(scope="session")
def example_workbook(tmp_path_factory) -> Path:
    """The example data (examples/changji-2024) as the preparer's workbook, with one 主要原因
    left out: 一般公共预算财政拨款支出.预决算."""
    import dataclasses

    from juesuan.io.readers.data import load
    from juesuan.io.writers.template import write_workbook

    d = load(ROOT / "examples" / "changji-2024")
    reasons = {k: v for k, v in d.reasons.items() if k != MISSING_KEY}
    path = tmp_path_factory.mktemp("workbook") / "决算数据.xlsx"
    write_workbook(path, dataclasses.replace(d, reasons=reasons), year=d.unit.year)
    return path

