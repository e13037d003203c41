"""Assembly: what a format reader extracted → one :class:`~juesuan.core.model.Disclosure`.

Where it sits: the last step of :func:`juesuan.io.readers.read_document`, after a format reader
(text, docx, html, pdf, xlsx) produced an :class:`~.grid.Extracted`. It

* identifies the document (:mod:`.identify`: kind, year, unit, region from the title and cover,
  the 目录, whether it is evidently incomplete);
* picks the profile whose ``match`` fits its region, year, kind and form
  (``core.profiles.select_profile``) unless one is given (``juesuan check --profile``). A
  tables-only document (a published workbook, :func:`is_tables_only`) often names no place:
  then, when its 绩效自评表 scores are reproduced exactly under one shipped profile and no other
  (:func:`profile_from_scores`), that profile is used; the reason is recorded in
  ``Identity.basis``. A tables-only document has no narrative (``Disclosure.narrative`` is None),
  so narrative checks do not apply to it;
* splits the narrative into sections (第一部分…, 一、…, （一）…) and the 名词解释 glossary;
* hands the lines to the phrasebook (``juesuan.phrasebook.parse.parse_narrative``) for stated
  figures, reasons and texts, and the grids to table recognition
  (``juesuan.io.readers.recognize.recognize``, with the profile's table titles and the
  document's year for the code tables) — both imported lazily, so a missing one only
  means fewer facts;
* reads the 绩效自评表 grids (:mod:`.performance`);
* copies counts and amounts the narrative states into the model parts that hold them
  (Unit.staff, SangongDetails, Procurement, Assets, 机关运行经费), so checks may use either.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Mapping, Sequence

from ...core.identity import GUESS, LIKELY, SURE, Identity
from ...core.model import Disclosure, Narrative, Section, Span, Tables, Unit
from ...core.numerals import cn_number
from ...core.profiles import Profile, load_profile, select_profile
from ...phrasebook.parse_performance import read_achieved
from .identify import clean_unit, identify, sparse_reason, tables_attached, with_profile
from .grid import Extracted, RawGrid
from .lines import relocator
from .performance import evaluation_kind, evaluations_from_grids, goals_from_grids
from .stated import model_parts

_PART = re.compile(r"^第([一二三四五六七八九十\d]+)部分\s*(.*)$")
_SECTION = re.compile(r"^([一二三四五六七八九十]+)\s*[、.．]\s*(.+)$")
_SUBSECTION = re.compile(r"^[（(]\s*([一二三四五六七八九十]+)\s*[）)]\s*(.+)$")


def is_tables_only(extracted: Extracted) -> bool:
    """True for a document of tables without a 公开说明 (a published workbook): it has grids,
    and none of its text lines is a sentence (titles, "公开01表", "单位：万元" only)."""
    return bool(extracted.grids) and not any("。" in t for t, _ in extracted.lines)


def profile_from_scores(evaluations) -> str | None:
    """The one shipped profile under which every printed 绩效 score (each indicator's 得分, the
    执行率 得分 and the 总分) is reproduced exactly (to 2 dp); None when no evaluation prints
    scores, or when none or several profiles reproduce them."""
    from ...core.money import round2
    from ...core.profiles import shipped_profiles
    from ...rules.scoring import score_evaluation

    printed = [ev for ev in evaluations if ev.total is not None or any(i.score is not None for i in ev.indicators)]
    if not printed:
        return None

    def same(shown, computed) -> bool:
        return shown is None or (computed is not None and round2(shown) == round2(computed))

    hits = []
    for name in shipped_profiles():
        prof = load_profile(name)
        ok = True
        for ev in printed:
            scored = score_evaluation(ev, prof)
            line = next((f for f in ev.funds if f.score is not None), None)
            ok = (same(ev.total, scored.total)
                  and (line is None or same(line.score, scored.execution.score))
                  and all(same(i.score, s.score) for i, s in zip(ev.indicators, scored.indicators)))
            if not ok:
                break
        if ok:
            hits.append(name)
    return hits[0] if len(hits) == 1 else None


# --------------------------------------------------------------------------- sections


def sections_of(lines: Sequence[tuple[str, Span]]) -> tuple[tuple[Section, ...], tuple[tuple[str, str], ...]]:
    """Sections keyed "2", "2.9", "2.10.1" (part, section, subsection) and the 名词解释 glossary."""
    sections: list[tuple[str, str, Span, list[str]]] = []
    glossary: list[tuple[str, str]] = []
    part = sec = 0
    for text, span in lines:
        m = _PART.match(text)
        if m and cn_number(m.group(1)):
            part, sec = cn_number(m.group(1)) or 0, 0
            sections.append((str(part), text, span, []))
            continue
        if part == 3:
            g = re.match(r"^[一二三四五六七八九十]+\s*[、.．]\s*(.+?)[：:](.+)$", text)
            if g:
                glossary.append((g.group(1).strip(), g.group(2).strip()))
        m = _SECTION.match(text)
        if part and part not in (3, 4) and m and _heading_like(m.group(2)):
            sec = cn_number(m.group(1)) or 0
            sections.append((f"{part}.{sec}", text, span, []))
            continue
        m = _SUBSECTION.match(text)
        if part and sec and m and _heading_like(m.group(2)):
            sections.append((f"{part}.{sec}.{cn_number(m.group(1))}", text, span, []))
            continue
        if sections:
            sections[-1][3].append(text)
    built = tuple(Section(key=k, title=t, text="\n".join(body), span=s) for k, t, s, body in sections)
    return built, tuple(glossary)


def _heading_like(rest: str) -> bool:
    rest = rest.strip()
    return 0 < len(rest) <= 40 and not re.search(r"[。；;]$", rest) and "：" not in rest[:-1]


# --------------------------------------------------------------------------- helpers for the unit


def _functions(sections: Sequence[Section]) -> tuple[str, ...]:
    for s in sections:
        if s.key == "1.1" and "职能" in s.title and s.text.strip():
            items = [re.sub(r"^[（(][一二三四五六七八九十]+[）)]\s*", "", t) for t in s.text.split("\n") if t]
            return tuple(i for i in items if i)
    return ()


def _internal_sections(text: str) -> tuple[str, ...]:
    m = re.search(r"下设\s*\d+\s*个[^，。：:]{0,8}[，,]?\s*(分别)?(是|为|包括)?[：:]([^。]+)。?", text)
    if not m:
        return ()
    return tuple(p.strip() for p in re.split(r"[、，,]", m.group(3)) if p.strip())


def _as_of(sections: Sequence[Section]) -> str:
    """The date the 国有资产占用 statement is made at ("截至2024年12月31日")."""
    for s in sections:
        if "国有资产" in s.title:
            m = re.search(r"截[至止]\s*(\d{4}年\d{1,2}月\d{1,2}日)", s.text)
            if m:
                return m.group(1)
    return ""


# --------------------------------------------------------------------------- lazy collaborators


def _parse_narrative(lines, profile: Profile, projects: Sequence[str] = (), unit: str = "", year: int | None = None):
    try:
        from ...phrasebook.parse import parse_narrative
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("juesuan.phrasebook"):
            return None
        raise
    return parse_narrative(lines, profile, projects=projects, unit=unit, year=year)


def _recognize(grids: Sequence[RawGrid], profile: Profile, year: int | None, budget: bool = False) -> Tables:
    try:
        from .recognize import recognize
    except ModuleNotFoundError as exc:
        # recognize (or one of its recognize_* parts) not installed yet: no tables, not a crash
        if exc.name and exc.name.startswith("juesuan.io.readers.recognize"):
            return Tables()
        raise
    return recognize(tuple(grids), code_year=year or 2024, layout=profile.layout, budget=budget)


# --------------------------------------------------------------------------- assemble


def assemble(extracted: Extracted, profile: Profile | None = None, kind: str | None = None) -> Disclosure:
    """Build the Disclosure for one published document: identify it, choose its profile (unless
    ``profile`` is given), then read its narrative, tables and 绩效自评表."""
    lines = extracted.lines
    full_text = "\n".join(t for t, _ in lines)
    tables_only = is_tables_only(extracted)
    eval_grids = [g for g in extracted.grids if evaluation_kind(g)]
    other_grids = [g for g in extracted.grids if not evaluation_kind(g)]
    evaluations = tuple(read_achieved(ev) for ev in evaluations_from_grids(eval_grids))
    identity, contents = identify(lines, extracted.grids, kind=kind, evaluations=evaluations)
    identity = _university_budget(identity, extracted.grids)
    profile, identity = _choose_profile(profile, identity, tables_only, evaluations)
    profile = profile.for_year(identity.year)
    name, year, title_span = identity.unit, identity.year, identity.span
    sections, glossary = sections_of(lines[contents.end:] if contents.found else lines)

    parsed = _parse_narrative(lines, profile, [e.name for e in evaluations if e.kind == "项目"], identity.unit, identity.year)
    narrative = Narrative(sections=sections, glossary=glossary, text=full_text, lines=tuple(s for _, s in lines),
                          pieces=extracted.joins if any(extracted.joins) else (),
                          body_start=contents.end if contents.found else 0)
    reasons: Mapping[str, str] = {}
    texts: Mapping[str, str] = {}
    if parsed is not None:
        narrative = _merge_narrative(parsed.narrative, narrative)
        if any(extracted.joins):  # a figure on the second line of a joined line points at that line
            relocate = relocator(lines, extracted.joins)
            narrative = replace(narrative, statements=tuple(
                replace(st, span=relocate(st.span)) if st.span is not None else st for st in narrative.statements))
        reasons, texts = dict(parsed.reasons), dict(parsed.texts)
        name = name or clean_unit(parsed.unit_name or "")
        year = year or parsed.year

    tables = _recognize(other_grids, profile, identity.year, identity.kind == "预算")
    if tables_attached(lines) and not tables.attached:
        tables = replace(tables, attached=True)
    if not identity.partial and identity.kind in ("决算", "预算") and not tables_only:
        sparse = sparse_reason(narrative.body(), profile.layout.parts, identity.year, bool(tables.present()) or tables.attached)
        identity = replace(identity, partial=sparse)

    if not name:
        whole = next((e for e in evaluations if e.kind == "整体"), None)
        name = whole.name if whole else ""
    if year is None:
        year = next((e.year for e in evaluations if e.year), None)

    parts = model_parts(narrative.statements, reasons, texts)
    unit_sources: dict = dict(parts["unit_sources"])
    if title_span is not None:
        unit_sources["name"] = title_span
        unit_sources["year"] = title_span
    if "profile" in identity.basis:
        unit_sources["profile"] = Span(file=extracted.file, excerpt=identity.basis["profile"])
    if parts["matters"].assets.as_of == "":
        as_of = _as_of(narrative.sections)
        if as_of:
            matters = parts["matters"]
            parts["matters"] = replace(matters, assets=replace(matters.assets, as_of=as_of))
    section_12 = next((s.text for s in sections if s.key == "1.2"), "")
    unit = Unit(
        name=name,
        year=year or 0,
        functions=_functions(sections),
        staff=parts["staff"],
        subordinate_units=parts["subordinate_units"],
        internal_sections=_internal_sections(section_12),
        sources=unit_sources,
    )
    return Disclosure(
        unit=unit,
        tables=tables,
        comparatives=parts["comparatives"],
        sangong=parts["sangong"],
        matters=parts["matters"],
        evaluations=evaluations,
        goals=goals_from_grids(extracted.grids),
        reasons=reasons,
        texts=texts,
        narrative=None if tables_only else narrative,
        profile=profile.name,
        source=extracted.file,
        identity=replace(identity, unit=name or identity.unit, year=year or identity.year),
    )


_UNIVERSITY_UNIT = re.compile(r"(大学|学院)$")


def _university_budget(identity: Identity, grids: Sequence[RawGrid]) -> Identity:
    """A university's budget printed in the Ministry of Education's form: its first table is
    "<学校>收支预算总表" (the 决算's form is told by "高等学校…决算表" titles in ``identify``)."""
    if identity.kind != "预算" or identity.form != "standard" or not _UNIVERSITY_UNIT.search(identity.unit):
        return identity
    titles = {re.sub(r"\s+", "", g.title) for g in grids}
    if f"{identity.unit}收支预算总表" not in titles:
        return identity
    return replace(identity, form="university", basis={**identity.basis, "form": "高等学校部门预算表表名"},
                   confidence={**identity.confidence, "form": SURE})


def _choose_profile(profile: Profile | None, identity: Identity, tables_only: bool, evaluations) -> tuple[Profile, Identity]:
    """The given profile, or the shipped one that best matches the document's region, year, kind
    and form; for a tables-only workbook naming no place, the one profile that reproduces its
    printed 绩效 scores (else national)."""
    if profile is not None:
        return profile, with_profile(identity, profile.name, "--profile 指定", SURE)
    kind = identity.kind if identity.kind in ("决算", "预算") else (identity.accounts or "决算")
    if tables_only and not identity.region:
        inferred = profile_from_scores(evaluations)
        if inferred:
            basis = f"文件中没有地区信息；绩效自评表的得分只在“{inferred}”配置下全部复核一致，故按该配置审核"
            return load_profile(inferred), with_profile(identity, inferred, basis, LIKELY)
    name = select_profile(identity.region, identity.year, kind, identity.form, identity.city)
    chosen = load_profile(name)
    if chosen.match.cities:
        basis, sure = f"城市“{identity.city}”", identity.confidence.get("region", LIKELY)
    elif chosen.match.regions:
        basis, sure = f"地区“{identity.region}”", identity.confidence.get("region", LIKELY)
    elif identity.form != "standard":
        basis, sure = f"高等学校{identity.kind}格式", SURE
    else:
        basis = f"{identity.region or '地区不明'}，无该地区的专门格式，按全国通用格式"
        sure = LIKELY if identity.region else GUESS
    return chosen, with_profile(identity, name, basis, sure)


def _merge_narrative(parsed: Narrative, ours: Narrative) -> Narrative:
    """The phrasebook's narrative, with our sections/glossary/text/lines where it left them empty."""
    return replace(
        parsed,
        sections=parsed.sections or ours.sections,
        glossary=parsed.glossary or ours.glossary,
        text=parsed.text or ours.text,
        lines=parsed.lines or ours.lines,
        pieces=ours.pieces,
        body_start=ours.body_start,
    )
