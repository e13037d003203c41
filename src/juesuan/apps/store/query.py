"""Finding what the store holds: documents of a unit, and the documents a check compares with.

Where it sits: apps/store, under ``ingest``, the ``check --db`` path, the ``store`` commands and
the report. The checks across documents (``rules/checks/across.py``) take prepared documents in
``Related``; this module finds them — last year's document of the same unit, the same year's
budget (until budgets are readable: the 年初预算 of the same year's stored data file), and for
a 部门决算 its units' 单位决算 — and gives each back as a :class:`Prepared` made from its stored
figures (stated ones with where they were printed, derived ones from its tables), so nothing is
read or computed again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.engine import Engine

from ...core import keys
from ...core.findings import InputError
from ...core.identity import Identity
from ...core.model import SANGONG_ITEMS, Disclosure, Narrative, Span, Statement, Unit as UnitFacts
from ...core.profiles import DEFAULT_PROFILE, load_profile
from ...rules.checks import Related
from ...rules.prepare import Prepared
from ...rules.units import name_key
from . import db
from .schema import Document, Figure, Run, Unit, UnitAlias


@dataclass(frozen=True, slots=True)
class Found:
    """The related documents for the checks, and a short record of them for the run."""

    related: Related = Related()
    described: dict = field(default_factory=dict)


# --------------------------------------------------------------------------- units and documents

def find_unit(s, name: str) -> Unit | None:
    """The unit stored under this name's key (any of its names), or None."""
    return s.execute(select(Unit).join(UnitAlias).where(UnitAlias.key == name_key(name))).scalar_one_or_none()


def unit_or_fail(s, name: str) -> Unit:
    unit = find_unit(s, name)
    if unit is None:
        raise InputError(f"库中没有单位“{name}”（可用 juesuan store list 查看已存的单位）")
    return unit


def _best(docs: Sequence[Document], scope: str = "", *, any_scope: bool = False) -> Document | None:
    """The document to compare with: of the same scope (a 部门决算 with a 部门决算, a 单位决算 with
    a 单位决算; a document that does not say is taken for either), a published document before a
    data file, the latest version."""
    if not any_scope:
        docs = [d for d in docs if not scope or not d.scope or d.scope == scope]
    if not docs:
        return None
    return max(docs, key=lambda d: (d.scope == scope, d.source == "published", d.version, d.id))


def documents_of(s, unit_id: int, kind: str | None = None, year: int | None = None) -> list[Document]:
    q = select(Document).where(Document.unit_id == unit_id)
    if kind is not None:
        q = q.where(Document.kind == kind)
    if year is not None:
        q = q.where(Document.year == year)
    return list(s.execute(q.order_by(Document.year, Document.kind, Document.scope, Document.version)).scalars())


# --------------------------------------------------------------------------- stored document → Prepared

def prepared_of(s, doc: Document, *, budget_from_data: bool = False) -> Prepared:
    """The stored document as a :class:`Prepared` for the checks across documents: its stated
    figures (with their places) as the narrative's statements, its derived figures as
    ``figures``. With ``budget_from_data`` a data file stands in for the year's budget: its
    年初预算 figures become the budget's own."""
    rows = s.execute(select(Figure).where(Figure.document_id == doc.id).order_by(Figure.id)).scalars().all()
    statements, figures = [], {}
    cells = []  # derived figures read from a table cell: stated there, so a check can point at it
    for r in rows:
        span = Span(file=doc.path, page=r.page, line=r.line, start=r.mark_start, end=r.mark_end,
                    excerpt=r.excerpt or "", cell=r.cell or "")
        if r.origin == "stated":
            statements.append(Statement(key=r.key, value=r.value, unit=r.unit, span=span))
        else:
            figures[r.key] = r.value
            if r.cell or r.page is not None or r.line is not None:
                cells.append(Statement(key=r.key, value=r.value, unit=r.unit, span=span))
    statements.extend(cells)  # after the text's own statements, which come first
    if budget_from_data:
        figures = {keys.split(k)[0]: v for k, v in figures.items() if keys.split(k)[1] == keys.INITIAL_BUDGET}
        statements = []
    try:
        profile = load_profile(doc.profile or DEFAULT_PROFILE)
    except InputError:  # a profile file that is no longer there: the checks across documents do not use it
        profile = load_profile(DEFAULT_PROFILE)
    identity = Identity(kind="预算" if budget_from_data else doc.kind, scope=doc.scope, form=doc.form, year=doc.year,
                        region=doc.region, unit=doc.unit_name, profile=doc.profile)
    d = Disclosure(unit=UnitFacts(name=doc.unit_name, year=doc.year or 0),
                   narrative=Narrative(statements=tuple(statements)) if statements else None,
                   profile=profile.name, source=doc.path, identity=identity)
    return Prepared(disclosure=d, complete=d, profile=profile, figures=figures, scores=())


def _label(doc: Document, what: str = "") -> dict:
    return {"id": doc.id, "unit": doc.unit_name, "year": doc.year, "kind": doc.kind, "scope": doc.scope,
            "version": doc.version, "path": doc.path, **({"as": what} if what else {})}


# --------------------------------------------------------------------------- related documents

def related_for(engine: Engine | None, prepared: Prepared, who: Identity, exclude: str = "") -> Found:
    """Last year's document, the same year's budget and a department's units, as stored; an
    empty :class:`Found` without a store or when the unit is not in it. ``exclude`` is the
    checked file's own hash (a stored copy of it is never its own comparison)."""
    if engine is None:
        return Found()
    name = who.unit or prepared.disclosure.unit.name
    year = who.year or prepared.disclosure.unit.year
    if not name or not year:
        return Found()
    kind = who.kind or "决算"
    with db.session(engine) as s:
        unit = find_unit(s, name)
        if unit is None:
            return Found()
        prior = _best([d for d in documents_of(s, unit.id, kind, year - 1) if d.sha256 != exclude], who.scope)
        budget, budget_from_data = None, False
        if kind == "决算":
            same_year = [d for d in documents_of(s, unit.id, year=year) if d.sha256 != exclude]
            budget = _best([d for d in same_year if d.kind == "预算"], who.scope)
            if budget is None:
                data = [d for d in same_year if d.kind == "决算" and d.source == "data"]
                budget, budget_from_data = _best(data, who.scope), True
        members, missing = _members(s, unit, kind, year, who, prepared.disclosure.unit.subordinate_names, exclude)
        described: dict = {}
        related = Related(
            prior=prepared_of(s, prior) if prior is not None else None,
            budget=prepared_of(s, budget, budget_from_data=budget_from_data) if budget is not None else None,
            members=tuple(prepared_of(s, m) for m in members),
        )
        if prior is not None:
            described["prior"] = _label(prior)
        if budget is not None:
            described["budget"] = _label(budget, "数据文件中的年初预算" if budget_from_data else "")
        if members:
            described["members"] = [_label(m) for m in members]
        if missing:
            described["members_missing"] = missing
        return Found(related, described)


def _members(s, unit: Unit, kind: str, year: int, who: Identity, listed: Iterable[str], exclude: str) -> tuple[list[Document], list[str]]:
    """A 部门决算's units' 单位决算 of the year — only when every unit has one (else none, and
    the names missing): its subordinate units (stored, or listed by the document) and its own
    unit (本级) when that has a 单位决算 of its own."""
    if who.scope == "单位":
        return [], []
    children = {u.id: u for u in s.execute(select(Unit).where(Unit.parent_id == unit.id)).scalars()}
    for name in listed:
        child = find_unit(s, name)
        if child is not None and child.id != unit.id:
            children[child.id] = child
    if not children:
        return [], []
    found, missing = [], []
    for child in sorted(children.values(), key=lambda u: u.id):
        doc = _best([d for d in documents_of(s, child.id, kind, year) if d.sha256 != exclude], "单位", any_scope=True)
        if doc is None:
            missing.append(child.name)
        else:
            found.append(doc)
    own = [d for d in documents_of(s, unit.id, kind, year) if d.scope == "单位" and d.sha256 != exclude]
    if own:
        found.insert(0, _best(own, "单位"))
    return ([], missing) if missing else (found, [])



# --------------------------------------------------------------------------- listing

def latest_runs(s, document_ids: Iterable[int]) -> dict[int, Run]:
    """The newest run of each document."""
    from sqlalchemy import func

    ids = list(document_ids)
    if not ids:
        return {}
    newest = (select(Run.document_id, func.max(Run.id).label("run_id")).where(Run.document_id.in_(ids))
              .group_by(Run.document_id).subquery())
    runs = s.execute(select(Run).join(newest, Run.id == newest.c.run_id)).scalars()
    return {r.document_id: r for r in runs}


def describe(doc: Document, run=None) -> str:
    """One line for a stored document: "2024年度 部门决算 第1版 published 错误 0 警告 3 提示 9 — path"."""
    what = "数据文件" if doc.source == "data" else f"{doc.scope}{doc.kind}"
    counts = f"错误 {run.errors}，警告 {run.warnings}，提示 {run.infos}" if run is not None else "未审核"
    name = f"（文件中名称：{doc.unit_name}）" if doc.unit_name != doc.unit.name else ""
    return f"{doc.year or '年度不明'}年度 {what} 第{doc.version}版：{counts}{name} — {doc.path}"


def overview(engine: Engine, year: int | None = None, region: str | None = None) -> list[tuple[str, str, list[str]]]:
    """Per unit (by name): its region and one line per stored document."""
    from sqlalchemy.orm import joinedload

    with db.session(engine) as s:
        q = select(Document).options(joinedload(Document.unit)).join(Unit)
        if year is not None:
            q = q.where(Document.year == year)
        if region:
            q = q.where(Unit.region == region)
        docs = list(s.execute(q.order_by(Unit.name, Document.year, Document.kind, Document.version)).scalars())
        runs = latest_runs(s, (d.id for d in docs))
        out: dict[int, tuple[str, str, list[str]]] = {}
        for d in docs:
            out.setdefault(d.unit_id, (d.unit.name, d.unit.region, []))[2].append(describe(d, runs.get(d.id)))
        return list(out.values())


def history(engine: Engine, name: str) -> list[str]:
    """A unit's names, its department and units, and every stored document with its latest run."""
    from sqlalchemy.orm import joinedload

    with db.session(engine) as s:
        unit = unit_or_fail(s, name)
        names = [a.name for a in s.execute(select(UnitAlias).where(UnitAlias.unit_id == unit.id)).scalars()]
        lines = [f"{unit.name}（{unit.region or '地区不明'}{('，' + unit.level) if unit.level else ''}）"]
        if len(names) > 1:
            lines.append("  其他名称：" + "、".join(n for n in names if n != unit.name))
        if unit.parent_id is not None:
            lines.append(f"  所属部门：{s.get(Unit, unit.parent_id).name}")
        children = [u.name for u in s.execute(select(Unit).where(Unit.parent_id == unit.id).order_by(Unit.id)).scalars()]
        if children:
            lines.append("  所属单位：" + "、".join(children))
        docs = list(s.execute(select(Document).options(joinedload(Document.unit)).where(Document.unit_id == unit.id)
                              .order_by(Document.year, Document.kind, Document.scope, Document.version)).scalars())
        runs = latest_runs(s, (d.id for d in docs))
        lines.extend("  " + describe(d, runs.get(d.id)) for d in docs)
        if not docs:
            lines.append("  （库中没有该单位的文件）")
        return lines


def add_alias(engine: Engine, name: str, other: str) -> str:
    """Record ``other`` as another name of the unit stored as ``name``. When ``other`` is already
    a unit of its own (stored before the two were known to be one), its documents move over."""
    from sqlalchemy import update

    with db.session(engine, write=True) as s:
        unit = unit_or_fail(s, name)
        key = name_key(other)
        existing = s.execute(select(UnitAlias).where(UnitAlias.key == key)).scalar_one_or_none()
        if existing is not None and existing.unit_id == unit.id:
            return f"“{other}”已是“{unit.name}”的名称，未改动"
        if existing is not None:
            old = existing.unit_id
            s.execute(update(Document).where(Document.unit_id == old).values(unit_id=unit.id))
            s.execute(update(Unit).where(Unit.parent_id == old).values(parent_id=unit.id))
            s.execute(update(UnitAlias).where(UnitAlias.unit_id == old).values(unit_id=unit.id))
            s.execute(update(Unit).where(Unit.id == old).values(parent_id=None))
            return f"已把库中的“{other}”并入“{unit.name}”（同一单位的另一名称），其文件一并归入"
        s.add(UnitAlias(unit_id=unit.id, name=other, key=key))
        return f"已登记“{other}”为“{unit.name}”的另一名称"


def decide(engine: Engine, document_id: int, code: str, location_hash: str, status: str, who: str, comment: str = "") -> None:
    """Record a reviewer's decision on a finding of a document (the latest decision counts); it
    holds for the same finding in later runs of the document."""
    from .schema import DECISION_STATUSES, Decision, now

    if status not in DECISION_STATUSES:
        raise InputError(f"决定“{status}”无法识别（可选：{'、'.join(DECISION_STATUSES)}）")
    with db.session(engine, write=True) as s:
        if s.get(Document, document_id) is None:
            raise InputError(f"库中没有编号为 {document_id} 的文件")
        s.add(Decision(document_id=document_id, code=code, location_hash=location_hash, status=status, who=who,
                       at=now(), comment=comment))


# --------------------------------------------------------------------------- prefill

def prefill(engine: Engine, name: str, year: int) -> tuple[Disclosure, list[str]]:
    """A year's data to start from, out of the store: the unit's facts and profile from last
    year's stored data file (when there is one), last year's figures as 上年, and the year's
    budget figures as 年初预算 when its 预算 is stored. Also one line per source, for the user."""
    import dataclasses
    import tempfile
    from pathlib import Path

    from ...core.model import Comparatives
    from ...rules.checks.across import current

    with db.session(engine) as s:
        unit = unit_or_fail(s, name)
        last = _best(documents_of(s, unit.id, "决算", year - 1), "部门")
        budget = _best(documents_of(s, unit.id, "预算", year), "部门")
        if last is None and budget is None:
            raise InputError(f"库中没有“{unit.name}”{year - 1}年度的决算或{year}年度的预算，无法预填")
        notes, prior, initial = [], {}, {}
        facts = UnitFacts(name=unit.name, year=year)
        profile = DEFAULT_PROFILE
        if last is not None:
            p = prepared_of(s, last)
            subjects = {k for k in p.figures if k.startswith("项.") and keys.split(k)[1] == ""}
            subjects |= {f"三公.{item}" for item in SANGONG_ITEMS}
            subjects |= {"收支总计", "财政拨款收支总计", "一般公共预算财政拨款支出", "机关运行经费"}
            for subject in sorted(subjects):
                value, _ = current(p, subject)
                if value is not None:
                    prior[subject] = value
            notes.append(f"上年决算数取自 {last.year}年度{'数据文件' if last.source == 'data' else last.scope + last.kind} {last.path}（第{last.version}版）")
            profile = last.profile or profile
            content = s.execute(select(Document.content).where(Document.id == last.id)).scalar()
            if last.source == "data" and content:
                with tempfile.TemporaryDirectory() as tmp:
                    copy = Path(tmp) / Path(last.path).name
                    copy.write_bytes(content)
                    from ...io.readers.data import load

                    was = load(copy).unit
                facts = dataclasses.replace(was, name=unit.name, year=year, staff=type(was.staff)(), sources={})
                notes.append("单位概况（职能、内设科室、下属单位）取自上年数据文件，请核对更新")
        if budget is not None:
            p = prepared_of(s, budget)
            for subject in sorted(prior) or sorted(k for k in p.figures if keys.split(k)[1] == ""):
                value, _ = current(p, subject)
                if value is not None:
                    initial[subject] = value
            notes.append(f"年初预算数取自 {budget.year}年度预算 {budget.path}")
    d = Disclosure(unit=facts, comparatives=Comparatives(prior=prior, initial_budget=initial), profile=profile)
    return d, notes
