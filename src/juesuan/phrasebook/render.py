"""Write the whole 公开说明 narrative as document blocks: the composer's side of the phrasebook.

Where it sits: after ``rules.derive`` (which computes the figures at full precision) and before
the assembler (``compose``), which fills the two slots this module leaves — ``Slot("绩效表")``
after the 绩效 section and ``Slot("附表")`` with the table list — and hands the blocks to the
writers.

The parts, sections, their order and titles are the profile's skeleton (``narrative.skeleton``,
data in ``phrasebook/wording.yaml``); each section names the builders that write it
(``phrasebook.sections`` / ``sections_more``, and a budget's ``sections_budget``, listed in
:data:`BUILDERS`), and every sentence is
worded by the profile's style (``narrative.style`` and ``narrative.phrases``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Callable, Mapping

from ..core.document import Block, Paragraph, Slot
from ..core.model import TABLE_TITLES, Disclosure
from ..core.profiles import Profile
from . import sections as s
from . import sections_budget as b
from . import sections_more as m
from .glossary import glossary_for
from .wording import Section, render
from .writer import Pen, _Scope

Builder = Callable[[Pen], None]


def _glossary(pen: Pen) -> None:
    for n, (term, definition) in enumerate(glossary_for(pen.profile), start=1):
        pen.blocks.append(Paragraph(f"{s.cn(n)}、{term}：{definition}"))


def _tables(pen: Pen) -> None:
    titles = {**TABLE_TITLES, **dict(pen.profile.phrase("table_titles", {}) or {})}
    if pen.d.identity.kind == "预算":  # a budget's tables carry its form's titles (the layout's)
        titles.update({spec.key: spec.title for spec in pen.profile.layout.tables})
    order = pen.profile.phrase("table_order", list(TABLE_TITLES)) or list(TABLE_TITLES)
    for n, key in enumerate(order, start=1):
        pen.blocks.append(Paragraph(f"{s.cn(n)}、《{titles.get(key, key)}》"))
    pen.blocks.append(Slot("附表"))


#: The section builders a skeleton may name.
BUILDERS: Mapping[str, Builder] = {
    "functions": s.functions, "organisation": s.organisation,
    "overall": s.overall, "income": s.income, "expenditure": s.expenditure, "fiscal": s.fiscal,
    "general.overall": s.general_overall, "general.structure": s.general_structure,
    "general.items": s.general_items, "basic": s.basic, "fund": s.fund, "capital": s.capital,
    "sangong.overall": m.sangong_overall, "sangong.details": m.sangong_details,
    "operating": m.operating, "procurement": m.procurement, "assets": m.assets,
    "performance": m.performance, "other": m.other,
    "glossary": _glossary, "tables": _tables,
    # a budget's own sections (phrasebook.sections_budget)
    "functions.lead": b.functions_lead, "organisation.text": b.organisation_text, "overview": b.overview,
    "sangong.plan": b.sangong, "assets.budget": b.assets, "goals": b.goals, "tables.slot": b.table_slot,
}
#: The builders only a budget's skeletons name.
BUDGET_BUILDERS = frozenset(("functions.lead", "organisation.text", "overview", "sangong.plan", "assets.budget", "goals",
                             "tables.slot"))


def layout_name(profile: Profile) -> str:
    """The profile's skeleton (``narrative.skeleton``)."""
    return str(profile.phrase("skeleton"))


def _write(pen: Pen, sections: tuple[Section, ...], level: int) -> None:
    for n, section in enumerate(sections, start=1):
        title = render(section.title, _Scope(pen, "skeleton", "", {}))
        text = title.text if title is not None else ""
        if level == 2:
            text = f"{s.cn(n)}、{text}"
        elif level > 2:
            text = f"（{s.cn(n)}）{text}"
        s.heading(pen, level, text)
        _write(pen, section.children, level + 1)
        for name in section.builders:
            BUILDERS[name](pen)


def render_narrative(d: Disclosure, figures: Mapping[str, Decimal],
                     profile: Profile) -> tuple[tuple[Block, ...], tuple[str, ...]]:
    """The narrative (第一部分 … 第四部分) as blocks, and Chinese warnings (missing reasons, data).

    ``figures`` are the derived figures at full precision (``rules.derive``); rounding happens
    here, once. A reason the standard requires but ``d.reasons`` lacks is written as a visible
    placeholder (``Paragraph.placeholder``) and named in the warnings.
    """
    pen = Pen(d=d, figures=dict(figures), profile=profile)
    _write(pen, pen.wording.skeleton, 1)
    return tuple(pen.blocks), tuple(pen.warnings)
