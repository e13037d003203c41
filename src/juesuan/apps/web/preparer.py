"""The preparer's side: the template to fill, 主要原因 kept in the store, the built files.

Where it sits: apps/web, under ``app``; over ``apps/store.query`` (prefill, documents),
``io.writers.template`` (the workbook) and ``compose.build_disclosure``. A reason typed into the
page is a row of ``reasons`` (unit, year, key), laid over the uploaded workbook's own reasons
when the disclosure is built: the uploaded file itself is never changed.
"""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import Engine

from ...core.findings import InputError
from ..store import db, query
from ..store.schema import Document, now
from .tables import Reason

FORMATS = ("docx", "pdf", "html", "xlsx")


def _labels() -> dict[str, str]:
    from ...io import template_layout as L

    return dict(L.REASON_KEYS)


#: What each reason key explains, as the workbook's 说明与原因 sheet names it.
REASON_LABELS = _labels()


def template(engine: Engine, unit: str, year: int, path: Path) -> list[str]:
    """Write the data workbook for ``year``: prefilled from the store when it holds the unit's
    year before (or the year's budget), else blank. One line per source of prefilled figures."""
    from ...io.writers.template import write_workbook

    d, notes = None, []
    try:
        d, notes = query.prefill(engine, unit, year)
    except InputError:
        notes = []
    write_workbook(path, d, year=year)
    return notes


def save_reason(engine: Engine, unit_id: int, year: int, key: str, text: str, who: str) -> None:
    text = " ".join((text or "").split())
    if not key.strip():
        raise InputError("缺少原因的键，未保存")
    with db.session(engine, write=True) as s:
        row = s.execute(select(Reason).where(Reason.unit_id == unit_id, Reason.year == year, Reason.key == key)).scalar_one_or_none()
        if not text:
            if row is not None:
                s.delete(row)
            return
        if row is None:
            s.add(Reason(unit_id=unit_id, year=year, key=key, text=text, who=who, at=now()))
        else:
            row.text, row.who, row.at = text, who, now()


def reasons_of(engine: Engine, unit_id: int, year: int) -> dict[str, str]:
    with db.session(engine) as s:
        rows = s.execute(select(Reason.key, Reason.text).where(Reason.unit_id == unit_id, Reason.year == year)).all()
    return {k: t for k, t in rows}


def _data_file(engine: Engine, doc_id: int, folder: Path) -> tuple[Path, Document]:
    with db.session(engine) as s:
        doc = s.get(Document, doc_id)
        content = s.execute(select(Document.content).where(Document.id == doc_id)).scalar()
    if doc is None or doc.source != "data" or not content:
        raise InputError(f"库中编号为 {doc_id} 的文件不是保存了内容的数据工作簿，无法生成")
    path = folder / ("data" + (Path(doc.path).suffix or ".xlsx"))
    path.write_bytes(content)
    return path, doc


def missing(engine: Engine, doc_id: int) -> list[str]:
    """The 主要原因 the document's disclosure still lacks, with the stored reasons laid over."""
    from .jobs import missing_reasons

    with tempfile.TemporaryDirectory() as tmp:
        path, doc = _data_file(engine, doc_id, Path(tmp))
        return missing_reasons(path, reasons_of(engine, doc.unit_id, doc.year or 0))


def build(engine: Engine, doc_id: int, out_dir: Path, formats=FORMATS):
    """Build the stored workbook with the stored reasons into ``out_dir``; compose's BuildResult."""
    from ...compose import build_disclosure
    from ...io.readers.data import load

    with tempfile.TemporaryDirectory() as tmp:
        path, doc = _data_file(engine, doc_id, Path(tmp))
        d = load(path)
        extra = reasons_of(engine, doc.unit_id, doc.year or 0)
        if extra:
            d = dataclasses.replace(d, reasons={**d.reasons, **extra})
        return build_disclosure(d, out_dir, formats)
