"""What the pages show of the store: a document's findings with their decisions, a unit's
documents, a batch's jobs. Read-only queries shaped for the templates; no check logic.

Where it sits: apps/web, under the routes; over ``apps/store`` (schema, query) and
``io.writers.report`` (the report's grouping and wording of places).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from ...core.findings import Finding, Severity
from ...core.model import Span
from ...io.writers.report import ordered_groups, where
from ..store import db
from ..store.schema import DECISION_STATUSES, Decision, Document, FindingRow, Run, Unit, UnitAlias
from .tables import Job


@dataclass(frozen=True, slots=True)
class Shown:
    """A stored finding as a page shows it."""

    id: int
    finding: Finding
    location_hash: str
    decision: str = ""  # accepted | false_alarm | fixed | ""
    comment: str = ""
    who: str = ""

    @property
    def span(self) -> Span | None:
        return self.finding.spans[0] if self.finding.spans else None

    @property
    def place(self) -> str:
        return where(self.span) if self.span else ""

    @property
    def marked(self) -> tuple[str, str, str]:
        """The passage split around its marked words (before, marked, after)."""
        sp = self.span
        if sp is None or not sp.excerpt:
            return "", "", ""
        text = sp.excerpt
        if sp.start is None or sp.end is None or not 0 <= sp.start < sp.end <= len(text):
            return text, "", ""
        return text[:sp.start], text[sp.start:sp.end], text[sp.end:]

    @property
    def decision_label(self) -> str:
        return DECISION_STATUSES.get(self.decision, "")


def _span(loc: dict) -> Span:
    return Span(file=loc.get("file", ""), page=loc.get("page"), line=loc.get("line"), start=loc.get("start"),
                end=loc.get("end"), excerpt=loc.get("excerpt", ""), cell=loc.get("cell", ""))


def finding_of(row: FindingRow) -> Finding:
    loc = row.location or {}
    spans = (_span(loc), *(_span(a) for a in loc.get("also", ())))
    return Finding(code=row.code, severity=Severity(row.severity), message=row.message, figures=row.figures or {},
                   spans=spans if loc else (), section=row.section or "")


def document_findings(engine: Engine, doc_id: int) -> tuple[Run | None, list[tuple[str, list[Shown]]]]:
    """The latest run of the document and its findings grouped as the report groups them
    (most severe section first), each with the latest decision on it."""
    with db.session(engine) as s:
        run = s.execute(select(Run).where(Run.document_id == doc_id).order_by(Run.id.desc()).limit(1)).scalar()
        if run is None:
            return None, []
        rows = s.execute(select(FindingRow).where(FindingRow.run_id == run.id).order_by(FindingRow.id)).scalars().all()
        decisions = {}
        for d in s.execute(select(Decision).where(Decision.document_id == doc_id).order_by(Decision.at, Decision.id)).scalars():
            decisions[(d.code, d.location_hash)] = d
    by_finding = {}
    for r in rows:
        d = decisions.get((r.code, r.location_hash))
        shown = Shown(r.id, finding_of(r), r.location_hash, d.status if d else "", d.comment if d else "", d.who if d else "")
        by_finding[id(shown.finding)] = shown
    groups = ordered_groups([x.finding for x in by_finding.values()])
    return run, [(section, [by_finding[id(f)] for f in items]) for section, items in groups]


def unit_names(s, unit_id: int) -> list[str]:
    return [n for (n,) in s.execute(select(UnitAlias.name).where(UnitAlias.unit_id == unit_id))]


def unit_documents(engine: Engine, unit_id: int) -> list[tuple[Document, Run | None]]:
    """Every stored document of the unit, newest year first, each version with its latest run."""
    from ..store.query import latest_runs

    with db.session(engine) as s:
        docs = list(s.execute(select(Document).where(Document.unit_id == unit_id)
                              .order_by(Document.year.desc(), Document.kind, Document.scope, Document.version.desc())).scalars())
        runs = latest_runs(s, [d.id for d in docs])
    return [(d, runs.get(d.id)) for d in docs]


def batch_jobs(engine: Engine, batch: str) -> list[Job]:
    with db.session(engine) as s:
        return list(s.execute(select(Job).where(Job.batch == batch).order_by(Job.id)).scalars())


def recent_batches(engine: Engine, user_id: int, n: int = 10) -> list[tuple[str, int, object]]:
    with db.session(engine) as s:
        return [tuple(r) for r in s.execute(
            select(Job.batch, func.count(), func.min(Job.created_at)).where(Job.user_id == user_id)
            .group_by(Job.batch).order_by(func.min(Job.created_at).desc()).limit(n))]


def document_with_unit(engine: Engine, doc_id: int) -> tuple[Document, Unit, list[str]] | None:
    with db.session(engine) as s:
        doc = s.get(Document, doc_id)
        if doc is None:
            return None
        unit = s.get(Unit, doc.unit_id)
        return doc, unit, unit_names(s, unit.id) + [unit.name]


def document_content(engine: Engine, doc_id: int) -> bytes | None:
    with db.session(engine) as s:
        return s.execute(select(Document.content).where(Document.id == doc_id)).scalar()


def newest_year(engine: Engine) -> int | None:
    with db.session(engine) as s:
        return s.execute(select(func.max(Document.year)).where(Document.kind == "决算")).scalar()
