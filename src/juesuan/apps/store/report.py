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

from sqlalchemy import select
from sqlalchemy.engine import Engine

from . import db
from .query import latest_runs
from .schema import Decision, Document, FindingRow, Unit

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


def review(engine: Engine, year: int, region: str | None = None) -> Review:
    """What the stored runs found for the region's 决算 of ``year`` and the years before."""
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
        docs = s.execute(q).all()
        chosen = _pick(docs)
        runs = {}
        for part in _chunks([d.id for d in chosen.values()]):
            runs.update(latest_runs(s, part))
        run_doc = {r.id: doc_id for doc_id, r in runs.items()}
        found: list[tuple[int, str, str, str]] = []
        for part in _chunks(list(run_doc)):
            found.extend(s.execute(select(FindingRow.run_id, FindingRow.code, FindingRow.severity, FindingRow.location_hash)
                                   .where(FindingRow.run_id.in_(part), FindingRow.severity != "info")).all())
        dismissed = _false_alarms(s, list(runs))
    rows: dict[tuple[int, str], UnitRow] = {}
    totals: dict[int, list[int]] = {}
    for (unit_id, scope, doc_year), d in sorted(chosen.items(), key=lambda kv: kv[0][2]):
        run = runs.get(d.id)
        row = rows.setdefault((unit_id, scope), UnitRow(unit=d.name, scope=scope, region=d.region))
        if run is None:
            continue
        counts = totals.setdefault(doc_year, [0, 0, 0])
        counts[0] += 1
        if doc_year == year:
            row.path, row.infos = d.path, run.infos
    per_doc: dict[int, dict[str, list[int]]] = {}
    for run_id, code, severity, place in found:
        doc_id = run_doc[run_id]
        if (doc_id, code, place) in dismissed:
            per_doc.setdefault(doc_id, {}).setdefault("__false__", [0])[0] += 1
            continue
        per_doc.setdefault(doc_id, {}).setdefault(code, [0, 0])[0 if severity == "error" else 1] += 1
    last_year_rules: dict[str, int] = {}
    rule_units: dict[str, set] = {}
    rule_count: dict[str, int] = {}
    for (unit_id, scope, doc_year), d in chosen.items():
        if d.id not in runs:
            continue
        row = rows[(unit_id, scope)]
        tally = per_doc.get(d.id, {})
        errors = sum(v[0] for k, v in tally.items() if k != "__false__")
        warnings = sum(v[1] for k, v in tally.items() if k != "__false__")
        row.trend[doc_year] = errors + warnings
        totals[doc_year][1] += errors
        totals[doc_year][2] += warnings
        if doc_year == year:
            row.errors, row.warnings = errors, warnings
            row.false_alarms = tally.get("__false__", [0])[0]
            for code, (e, w) in ((k, v) for k, v in tally.items() if k != "__false__"):
                row.by_rule[code] = e + w
                rule_units.setdefault(code, set()).add((unit_id, scope))
                rule_count[code] = rule_count.get(code, 0) + e + w
        elif doc_year == year - 1:
            for code, v in tally.items():
                if code != "__false__":
                    last_year_rules[code] = last_year_rules.get(code, 0) + v[0] + v[1]
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
