"""The store's tables (SQLAlchemy 2 declarative models).

Where it sits: apps/store, under ``db`` (engine, sessions, migrations), ``ingest``, ``query`` and
``report``. The tables hold what the rest of juesuan computed, never a rule of their own::

    units ─< unit_aliases            a unit and every name it was published under
    units ─< documents ─< figures     one stored file (a version) and every figure with its source
               documents ─< runs ─< findings     each check run and what it found
               documents ─< decisions            reviewers' decisions on findings, by finding identity

Amounts are exact decimals: ``NUMERIC(20, 6)`` in PostgreSQL; in SQLite, where a NUMERIC column
would hand back a float, the decimal written out to six places as text (:class:`Exact`), so every
value comes back as the same ``Decimal``. The schema is created and changed only by the Alembic migrations in
``migrations/`` (``juesuan store upgrade``); the models here describe the newest revision.
"""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import (JSON, BigInteger, DateTime, ForeignKey, Index, Integer, LargeBinary, Numeric, String, Text,
                        UniqueConstraint)
from sqlalchemy.orm import DeclarativeBase, Mapped, deferred, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

#: Decimal places kept for every stored value (1 分 is 0.000001 万元).
PLACES = 6
DIGITS = 20
_QUANTUM = Decimal(1).scaleb(-PLACES)


def now() -> datetime:
    return datetime.now(timezone.utc)


class Exact(TypeDecorator):
    """A decimal kept exactly to :data:`PLACES` places, at most :data:`DIGITS` digits: NUMERIC(20, 6)
    where the database has an exact numeric type, the decimal as text in SQLite. A value with more
    places (a percentage computed at full precision) is rounded half-up to six places once, on
    the way in; one too large for NUMERIC(20, 6) is refused on every database alike."""

    impl = Numeric(DIGITS, PLACES)
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "sqlite":
            return dialect.type_descriptor(String(DIGITS + 2))
        return dialect.type_descriptor(Numeric(DIGITS, PLACES, asdecimal=True))

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        exact = Decimal(value).quantize(_QUANTUM, rounding=ROUND_HALF_UP)
        if len(exact.as_tuple().digits) > DIGITS:
            raise ValueError(f"{value} has more than {DIGITS - PLACES} digits before the point")
        return str(exact) if dialect.name == "sqlite" else exact

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return Decimal(value).quantize(_QUANTUM)


class Base(DeclarativeBase):
    pass


class Unit(Base):
    """A budget unit or department, across the years and names it was published under."""

    __tablename__ = "units"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))  # the name it was last published under
    region: Mapped[str] = mapped_column(String(40), default="")
    level: Mapped[str] = mapped_column(String(10), default="")  # 部门 | 单位 | ""
    code: Mapped[str | None] = mapped_column(String(40), nullable=True)  # 单位编码 when known
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), nullable=True)  # its department
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)

    aliases: Mapped[list[UnitAlias]] = relationship(back_populates="unit")


class UnitAlias(Base):
    """One name of a unit; ``key`` is the normalised name (``rules.units.name_key``), unique, so two
    processes that meet a new unit at once cannot create it twice."""

    __tablename__ = "unit_aliases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    key: Mapped[str] = mapped_column(String(200), unique=True)

    unit: Mapped[Unit] = relationship(back_populates="aliases")


class Document(Base):
    """One stored file: a published document or a data file, one version of a unit's year."""

    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("unit_id", "kind", "scope", "year", "version", name="uq_documents_version"),
                      Index("ix_documents_year_kind", "year", "kind"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # 决算 | 预算
    scope: Mapped[str] = mapped_column(String(10), default="")  # 部门 | 单位 | ""
    form: Mapped[str] = mapped_column(String(20), default="standard")
    year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    source: Mapped[str] = mapped_column(String(10))  # published | data
    unit_name: Mapped[str] = mapped_column(String(200))  # the unit's name as this document prints it
    region: Mapped[str] = mapped_column(String(40), default="")
    profile: Mapped[str] = mapped_column(String(60), default="")
    path: Mapped[str] = mapped_column(Text)  # the file as it was given when stored
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(BigInteger)
    version: Mapped[int] = mapped_column(Integer, default=1)  # a re-published correction is the next version
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    content: Mapped[bytes | None] = deferred(mapped_column(LargeBinary, nullable=True))  # the file itself

    unit: Mapped[Unit] = relationship()


class Figure(Base):
    """A figure of a document: stated in its text (with where) or derived from its tables or data."""

    __tablename__ = "figures"
    __table_args__ = (Index("ix_figures_document_key", "document_id", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    key: Mapped[str] = mapped_column(String(120))  # core.keys vocabulary
    value: Mapped[Decimal] = mapped_column(Exact())
    unit: Mapped[str] = mapped_column(String(10), default="万元")
    origin: Mapped[str] = mapped_column(String(8))  # stated | derived
    page: Mapped[int | None] = mapped_column(Integer, nullable=True)
    line: Mapped[int | None] = mapped_column(Integer, nullable=True)
    cell: Mapped[str | None] = mapped_column(Text, nullable=True)
    excerpt: Mapped[str | None] = mapped_column(Text, nullable=True)
    mark_start: Mapped[int | None] = mapped_column(Integer, nullable=True)
    mark_end: Mapped[int | None] = mapped_column(Integer, nullable=True)


class Run(Base):
    """One run of the check catalogue over a document."""

    __tablename__ = "runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    juesuan_version: Mapped[str] = mapped_column(String(20))
    profile: Mapped[str] = mapped_column(String(60), default="")
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    warnings: Mapped[int] = mapped_column(Integer, default=0)
    infos: Mapped[int] = mapped_column(Integer, default=0)
    checks: Mapped[dict] = mapped_column(JSON, default=dict)  # run / passed / failed / not_run
    related: Mapped[dict] = mapped_column(JSON, default=dict)  # the stored documents it was compared with


class FindingRow(Base):
    """A finding of a run, in the JSON shape of docs/json.md."""

    __tablename__ = "findings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id"), index=True)
    code: Mapped[str] = mapped_column(String(40))
    severity: Mapped[str] = mapped_column(String(10))
    message: Mapped[str] = mapped_column(Text)
    section: Mapped[str] = mapped_column(Text, default="")
    figures: Mapped[dict] = mapped_column(JSON, default=dict)
    location: Mapped[dict] = mapped_column(JSON, default=dict)
    #: The finding's identity across runs of the same document (code + where), for decisions.
    location_hash: Mapped[str] = mapped_column(String(16), default="")


class Decision(Base):
    """A reviewer's decision on a finding, found again in later runs by document, code and place."""

    __tablename__ = "decisions"
    __table_args__ = (Index("ix_decisions_finding", "document_id", "code", "location_hash"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    code: Mapped[str] = mapped_column(String(40))
    location_hash: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(12))  # accepted | false_alarm | fixed
    who: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
    comment: Mapped[str] = mapped_column(Text, default="")


DECISION_STATUSES = {"accepted": "属实", "false_alarm": "误报", "fixed": "已改正"}


def location_hash(code: str, location: dict) -> str:
    """A finding's identity within its document, stable across runs and juesuan versions: the
    code and the place (page, line, cell, and the marked words or the passage), not the message."""
    import hashlib
    import json

    excerpt = location.get("excerpt") or ""
    start, end = location.get("start"), location.get("end")
    words = excerpt[start:end] if isinstance(start, int) and isinstance(end, int) and start < end else excerpt
    place = [code, location.get("section", ""), location.get("page"), location.get("line"), location.get("cell", ""),
             " ".join(words.split())]
    return hashlib.sha256(json.dumps(place, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]
