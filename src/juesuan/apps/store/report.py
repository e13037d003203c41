"""A region's review for a year: every unit's findings by rule, worst first, with the trend of
the years before — the figures of ``juesuan store report`` (pages in ``report_pages``).

Where it sits: apps/store, over ``query``. It counts what the stored runs found; it decides
nothing about the documents itself. Per unit and scope (a 部门决算 and the 单位决算 of its own
unit are separate rows) it takes the document of each year that a comparison would take (a
published one before a data file, the latest version) and that document's latest run. Findings a
reviewer marked as a false alarm (``decisions``) are left out of the counts and counted apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from . import db
from .schema import Decision, Document, FindingRow, Run, Unit

#: Years shown in the trend: the report's year and the four before it.
TREND_YEARS = 5
_CHUNK = 500


@dataclass
class UnitRow:
    unit: str
    scope: str
    region: str
    path: str = ""
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    false_alarms: int = 0
    by_rule: dict[str, int] = field(default_factory=dict)  # error and warning findings by code
    trend: dict[int, int] = field(default_factory=dict)  # year → errors + warnings

    @property
    def problems(self) -> int:
        return self.errors + self.warnings

    def change(self, year: int) -> int | None:
        """Errors and warnings against the year before (None when that year is not stored)."""
        if year - 1 not in self.trend:
            return None
        return self.problems - self.trend[year - 1]


@dataclass
class Review:
    year: int
    region: str
    rows: list[UnitRow]  # worst first
    rules: list[tuple[str, str, str, int, int, int]]  # code, description, severity, units, findings, last year's findings
    totals: dict[int, tuple[int, int, int]]  # year → (documents, errors, warnings)
    made: datetime
    database: str

    @property
    def years(self) -> list[int]:
        return list(range(self.year - TREND_YEARS + 1, self.year + 1))


def _chunks(items: list, n: int = _CHUNK):
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _pick(docs: list[Document]) -> dict[tuple[int, str, int], Document]:
    """Per unit, scope and year: a published document before a data file, then the latest version."""
    best: dict[tuple[int, str, int], Document] = {}
    for d in docs:
        key = (d.unit_id, d.scope, d.year)
        known = best.get(key)
        if known is None or (d.source == "published", d.version, d.id) > (known.source == "published", known.version, known.id):
            best[key] = d
    return best


def _runs(s, doc_ids: list[int]) -> dict[int, tuple[int, int, int, int]]:
    """Per document, its latest run: (run id, errors, warnings, infos)."""
    out = {}
    for part in _chunks(doc_ids):
        newest = (select(Run.document_id, func.max(Run.id).label("run_id")).where(Run.document_id.in_(part))
                  .group_by(Run.document_id).subquery())
        for doc_id, run_id, e, w, i in s.execute(select(Run.document_id, Run.id, Run.errors, Run.warnings, Run.infos)
                                                 .join(newest, Run.id == newest.c.run_id)):
            out[doc_id] = (run_id, e, w, i)
    return out


def _by_rule(s, run_ids: list[int]) -> list[tuple[int, str, str, int]]:
    """Error and warning findings of the runs, counted by run, code and severity (in the database)."""
    out = []
    for part in _chunks(run_ids):
        out.extend(s.execute(select(FindingRow.run_id, FindingRow.code, FindingRow.severity, func.count())
                             .where(FindingRow.run_id.in_(part), FindingRow.severity != "info")
                             .group_by(FindingRow.run_id, FindingRow.code, FindingRow.severity)).all())
    return out


def _dismissed(s, runs: dict[int, tuple], doc_ids: list[int]) -> list[tuple[int, str, str]]:
    """The error and warning findings of the latest runs that a reviewer marked as false alarms,
    as (document, code, severity)."""
    keys = _false_alarms(s, doc_ids)
    if not keys:
        return []
    docs = sorted({doc for doc, _, _ in keys})
    run_doc = {runs[d][0]: d for d in docs if d in runs}
    out = []
    for part in _chunks(list(run_doc)):
        for run_id, code, severity, place in s.execute(
                select(FindingRow.run_id, FindingRow.code, FindingRow.severity, FindingRow.location_hash)
                .where(FindingRow.run_id.in_(part), FindingRow.severity != "info")):
            if (run_doc[run_id], code, place) in keys:
                out.append((run_doc[run_id], code, severity))
    return out


def review(engine: Engine, year: int, region: str | None = None) -> Review:
    """What the stored runs found for the region's 决算 of ``year`` and the years before: counts
    by rule for the year and the one before it, totals from the runs for the earlier years."""
    from ...rules.checks.catalogue import all_codes

    codes = all_codes()
    first = year - TREND_YEARS + 1
    with db.session(engine) as s:
        q = (select(Document.id, Document.unit_id, Document.scope, Document.year, Document.source, Document.version,
                    Document.path, Unit.name, Unit.region)
             .join(Unit, Unit.id == Document.unit_id)
             .where(Document.kind == "决算", Document.year >= first, Document.year <= year))
        if region:
            q = q.where(Unit.region == region)
        chosen = _pick(s.execute(q).all())
        runs = _runs(s, [d.id for d in chosen.values()])
        recent = {runs[d.id][0]: d.id for key, d in chosen.items() if key[2] >= year - 1 and d.id in runs}
        counted = _by_rule(s, list(recent))
        dismissed = _dismissed(s, runs, list(runs))
    tally: dict[int, dict[str, int]] = {}  # document → code → error and warning findings
    for run_id, code, _, n in counted:
        doc_tally = tally.setdefault(recent[run_id], {})
        doc_tally[code] = doc_tally.get(code, 0) + n
    less: dict[int, list[int]] = {}  # document → [errors, warnings] marked false alarms
    for doc_id, code, severity in dismissed:
        less.setdefault(doc_id, [0, 0])[0 if severity == "error" else 1] += 1
        if doc_id in tally and tally[doc_id].get(code):
            tally[doc_id][code] -= 1
    rows: dict[tuple[int, str], UnitRow] = {}
    totals: dict[int, list[int]] = {}
    last_year_rules: dict[str, int] = {}
    rule_units: dict[str, set] = {}
    rule_count: dict[str, int] = {}
    for (unit_id, scope, doc_year), d in chosen.items():
        row = rows.setdefault((unit_id, scope), UnitRow(unit=d.name, scope=scope, region=d.region))
        if d.id not in runs:
            continue
        _, e, w, i = runs[d.id]
        e_less, w_less = less.get(d.id, (0, 0))
        errors, warnings = e - e_less, w - w_less
        row.trend[doc_year] = errors + warnings
        counts = totals.setdefault(doc_year, [0, 0, 0])
        counts[0] += 1
        counts[1] += errors
        counts[2] += warnings
        if doc_year == year:
            row.path, row.infos, row.errors, row.warnings = d.path, i, errors, warnings
            row.false_alarms = e_less + w_less
            for code, n in tally.get(d.id, {}).items():
                if n:
                    row.by_rule[code] = n
                    rule_units.setdefault(code, set()).add((unit_id, scope))
                    rule_count[code] = rule_count.get(code, 0) + n
        elif doc_year == year - 1:
            for code, n in tally.get(d.id, {}).items():
                last_year_rules[code] = last_year_rules.get(code, 0) + n
    current = [r for r in rows.values() if year in r.trend]
    current.sort(key=lambda r: (-r.errors, -r.warnings, -r.infos, r.unit))
    rules = [(code, codes[code].description if code in codes else "", codes[code].severity.value if code in codes else "",
              len(rule_units[code]), n, last_year_rules.get(code, 0))
             for code, n in sorted(rule_count.items(), key=lambda kv: (-kv[1], kv[0]))]
    return Review(year=year, region=region or "", rows=current, rules=rules,
                  totals={y: tuple(v) for y, v in sorted(totals.items())}, made=datetime.now(),
                  database=db.shown(str(engine.url)))


def _false_alarms(s, doc_ids: list[int]) -> set[tuple[int, str, str]]:
    """Findings whose latest decision is "false_alarm", as (document, code, location hash)."""
    latest: dict[tuple[int, str, str], tuple] = {}
    for part in _chunks(doc_ids):
        for d in s.execute(select(Decision).where(Decision.document_id.in_(part))).scalars():
            key = (d.document_id, d.code, d.location_hash)
            if key not in latest or (d.at, d.id) > latest[key][0]:
                latest[key] = ((d.at, d.id), d.status)
    return {k for k, (_, status) in latest.items() if status == "false_alarm"}


def write_report(engine: Engine, year: int, region: str | None, path: Path) -> str:
    """Write the review to ``path`` (.html or .xlsx, whole or not at all); a line saying what."""
    from . import report_pages

    r = review(engine, year, region)
    if path.suffix.lower() == ".xlsx":
        report_pages.write_xlsx(r, path)
    else:
        report_pages.write_html(r, path)
    return f"{r.region or '全部地区'}{year}年度审核情况汇总（{len(r.rows)}个单位）"
