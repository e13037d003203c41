"""Reading a document for the store, then storing it in one transaction.

Where it sits: apps/store, under the ``store add`` command (and the web workbench). Two steps:

1. :func:`examine` (in a worker process, no write): hash the file; read a published document
   (``io.readers``) or load a data file (``io.readers.data``); prepare it once
   (``rules.prepare``); find what the store holds for the same unit (``query.related_for``) and
   run the whole check catalogue with it (``audit.check_prepared``). The result is an
   :class:`Item`: plain values, cheap to send back from a worker.
2. :func:`store` (in the main process): one transaction per document — its unit (found by
   name key, or created), the next version number, the document, its figures, the run and its
   findings. The same file twice is recognised by its SHA-256 and not stored again; a unique
   constraint that another process won (the same file, the same new unit, the same version)
   rolls the transaction back and it is tried again, so nothing is lost or duplicated.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError

from ... import __version__
from ...audit import DocumentResult, check_prepared
from ...core import keys
from ...core.findings import InputError, Severity, finding_to_dict
from ...core.identity import Identity
from ...core.model import Disclosure, Span
from ...core.profiles import DEFAULT_PROFILE, load_profile
from ...rules.checks.across import table_span
from ...rules.prepare import Prepared, prepare
from ...rules.units import name_key, own_unit, without_own
from . import db, query
from .schema import Document, Figure, FindingRow, Run, Unit, UnitAlias, location_hash, now

DATA_SUFFIXES = (".yaml", ".yml")
#: Attempts at one document's transaction when another process won a unique constraint.
ATTEMPTS = 5
_PERCENT_SUFFIXES = (keys.SHARE, keys.DELTA_PCT, keys.BUDGET_GAP, keys.COMPLETION)


@dataclass(frozen=True, slots=True)
class Item:
    """One document, read, prepared and checked, ready to be stored."""

    path: str
    sha256: str
    size: int
    source: str  # published | data
    kind: str
    scope: str
    form: str
    year: int | None
    unit_name: str
    region: str
    profile: str
    subordinates: tuple[str, ...] = ()
    figures: tuple[dict, ...] = ()  # figures-table rows without document_id
    findings: tuple[dict, ...] = ()  # findings-table rows without run_id
    checks: dict = field(default_factory=dict)
    counts: tuple[int, int, int] = (0, 0, 0)  # errors, warnings, infos
    related: dict = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Stored:
    """What :func:`store` did with an item."""

    document_id: int
    version: int
    duplicate: bool  # the same file was already stored (nothing written)
    unit_id: int
    matched: str = ""  # the stored unit's name when it differs from the document's (a name change)


# --------------------------------------------------------------------------- examine

def sha256_of(path: Path) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


def is_data_file(path: Path) -> bool:
    """A preparer's data file (YAML, or the juesuan workbook) rather than a published document."""
    suffix = path.suffix.lower()
    if suffix in DATA_SUFFIXES:
        return True
    if suffix == ".xlsx":
        from ...io.template_layout import UNIT_SHEET

        try:
            from openpyxl import load_workbook

            wb = load_workbook(path, read_only=True)
        except Exception:  # not a workbook at all: the published-document reader says what is wrong
            return False
        try:
            return UNIT_SHEET in wb.sheetnames
        finally:
            wb.close()
    return False


def read(path: Path, profile: str | None = None, kind: str | None = None) -> tuple[Disclosure, str]:
    """The disclosure in the file and whether it is ``published`` or ``data``; InputError otherwise."""
    if is_data_file(path):
        from ...io.readers.data import load

        return load(path), "data"
    from ...io.readers import read_document

    return read_document(path, profile, kind), "published"


def identity_of(d: Disclosure, source: str) -> Identity:
    """The document's identity; a data file states its unit and year, and is the 部门决算 of its
    unit unless it is a department's own unit ("…（本级）"), whose 单位决算 it is."""
    who = d.identity
    if source == "published":
        return who
    scope = "单位" if own_unit(d.unit.name) else "部门"
    from ...core.regions import province_of

    return Identity(kind="决算", scope=scope, year=d.unit.year, unit=d.unit.name, profile=d.profile,
                    region=who.region or province_of(d.unit.name))


def examine(path: str, url: str | None, profile: str | None = None, kind: str | None = None) -> tuple[DocumentResult, Item | None]:
    """Read, prepare and check one file against what the store holds; never raises for a bad
    file (the result's ``error`` says what is wrong, and no item is returned)."""
    p = Path(path)
    if not p.is_file():
        return DocumentResult(path=path, error=f"{path}：文件不存在"), None
    try:
        d, source = read(p, profile, kind)
        prof = load_profile(profile or d.profile or DEFAULT_PROFILE)
    except InputError as exc:
        from ...io.readers import NotADisclosure

        return DocumentResult(path=path, profile=profile or "", error=str(exc),
                              not_disclosure=isinstance(exc, NotADisclosure)), None
    digest, size = sha256_of(p)
    who = identity_of(d, source)
    prepared = prepare(d, prof)
    found = query.related_for(db.engine_for(url) if url else None, prepared, who, exclude=digest)
    report = check_prepared(prepared, found.related)
    result = DocumentResult(path=path, profile=prof.name, report=report, identity=who)
    item = Item(
        path=path, sha256=digest, size=size, source=source, kind=who.kind or "决算", scope=who.scope, form=who.form,
        year=who.year or d.unit.year or None, unit_name=who.unit or d.unit.name, region=who.region, profile=prof.name,
        subordinates=tuple(d.unit.subordinate_names), figures=tuple(figure_rows(prepared)),
        findings=tuple(finding_rows(report.findings)), checks=report.summary(),
        counts=(result.count(Severity.ERROR), result.count(Severity.WARNING), result.count(Severity.INFO)),
        related=found.described,
    )
    return result, item


def _unit_of(key: str) -> str:
    subject, suffix = keys.split(key)
    if suffix in _PERCENT_SUFFIXES:
        return "%"
    if subject.startswith("人员."):
        return "人"
    if subject == "资产.房屋面积":
        return "平方米"
    if subject == "绩效.综合得分":
        return "分"
    if subject.startswith(("资产.车辆", "资产.大型设备", "绩效.整体表数", "绩效.项目数")) or subject in (
            "三公.出国团组", "三公.出国人次", "三公.购置车辆", "三公.保有车辆", "三公.固定资产车辆", "三公.接待批次", "三公.接待人次"):
        return "个"
    return "万元"


def _span_columns(span: Span | None) -> dict[str, Any]:
    if span is None:
        return {"page": None, "line": None, "cell": None, "excerpt": None, "mark_start": None, "mark_end": None}
    return {"page": span.page, "line": span.line, "cell": span.cell or None, "excerpt": span.excerpt or None,
            "mark_start": span.start, "mark_end": span.end}


def figure_rows(prepared: Prepared) -> list[dict]:
    """Every stated figure of the text (with where it was printed) and every derived figure (with
    the table cell it was read from, when it was read from one)."""
    rows = []
    narrative = prepared.disclosure.narrative
    for s in narrative.statements if narrative is not None else ():
        if isinstance(s.value, Decimal) and s.value.is_finite():
            rows.append({"key": s.key, "value": s.value, "unit": s.unit or "万元", "origin": "stated", **_span_columns(s.span)})
    for key, value in prepared.figures.items():
        if isinstance(value, Decimal) and value.is_finite():
            where = table_span(prepared, key) if keys.split(key)[1] == "" else None
            rows.append({"key": key, "value": value, "unit": _unit_of(key), "origin": "derived", **_span_columns(where)})
    return rows


def finding_rows(findings) -> list[dict]:
    rows = []
    for f in findings:
        shape = finding_to_dict(f)
        rows.append({"code": f.code, "severity": f.severity.value, "message": f.message, "section": f.section,
                     "figures": shape["figures"], "location": shape["location"],
                     "location_hash": location_hash(f.code, shape["location"])})
    return rows


# --------------------------------------------------------------------------- store

def store(engine: Engine, item: Item, content: bytes | None = None) -> Stored:
    """Store one item in one transaction, retried when another process won a unique constraint."""
    for attempt in range(ATTEMPTS):
        try:
            with db.session(engine, write=True) as s:
                return _store(s, item, content)
        except IntegrityError:
            if attempt == ATTEMPTS - 1:
                raise
        except OperationalError as exc:  # SQLite: a lock not granted in time; PostgreSQL: serialisation
            if attempt == ATTEMPTS - 1 or not _transient(exc):
                raise
        time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")


def _transient(exc: OperationalError) -> bool:
    text = str(exc.orig or exc).lower()
    return "locked" in text or "busy" in text or "deadlock" in text or "serializ" in text


def unit_for(s, name: str, region: str = "", level: str = "") -> Unit:
    """The unit with this name's key, created (with its alias) when there is none."""
    key = name_key(name)
    unit = s.execute(select(Unit).join(UnitAlias).where(UnitAlias.key == key)).scalar_one_or_none()
    if unit is not None:
        return unit
    unit = Unit(name=without_own(name), region=region, level=level, created_at=now())
    s.add(unit)
    s.flush()
    s.add(UnitAlias(unit_id=unit.id, name=name, key=key))
    s.flush()  # a unique key another process just added fails here, and the document is retried
    return unit


def _insert_rows(s, model, rows: list[dict]) -> None:
    """Many rows in one executemany (psycopg pipelines it; measured faster here than multi-row
    VALUES statements, which are compiled anew for each length)."""
    if rows:
        s.execute(insert(model), rows)


def _store(s, item: Item, content: bytes | None) -> Stored:
    existing = s.execute(select(Document.id, Document.version, Document.unit_id).where(Document.sha256 == item.sha256)).first()
    if existing is not None:
        return Stored(existing.id, existing.version, True, existing.unit_id)
    unit = unit_for(s, item.unit_name, item.region, item.scope)
    matched = unit.name if "".join(unit.name.split()) != "".join(item.unit_name.split()) else ""
    newest = s.execute(select(func.max(Document.year)).where(Document.unit_id == unit.id)).scalar()
    if newest is None or (item.year or 0) >= newest:
        unit.name = item.unit_name if not own_unit(item.unit_name) else unit.name
        unit.region = item.region or unit.region
    if item.scope == "部门":
        unit.level = "部门"
    elif not unit.level:
        unit.level = item.scope
    for name in item.subordinates:
        if name_key(name) != name_key(unit.name):
            child = unit_for(s, name, item.region, "单位")
            child.parent_id = unit.id
    version = 1 + (s.execute(select(func.max(Document.version)).where(
        Document.unit_id == unit.id, Document.kind == item.kind, Document.scope == item.scope,
        Document.year == item.year)).scalar() or 0)
    doc = Document(unit_id=unit.id, kind=item.kind, scope=item.scope, form=item.form, year=item.year, source=item.source,
                   unit_name=item.unit_name, region=item.region, profile=item.profile, path=item.path,
                   sha256=item.sha256, size=item.size, version=version, ingested_at=now(), content=content)
    s.add(doc)
    s.flush()
    _insert_rows(s, Figure, [{"document_id": doc.id, **row} for row in item.figures])
    run = Run(document_id=doc.id, juesuan_version=__version__, profile=item.profile, at=now(), errors=item.counts[0],
              warnings=item.counts[1], infos=item.counts[2], checks=item.checks, related=item.related)
    s.add(run)
    s.flush()
    _insert_rows(s, FindingRow, [{"run_id": run.id, **row} for row in item.findings])
    return Stored(doc.id, version, False, unit.id, matched)
