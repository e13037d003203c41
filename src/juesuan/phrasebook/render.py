"""Write the whole 公开说明 narrative as document blocks: the composer's side of the phrasebook.

Where it sits: after ``rules.derive`` (which computes the figures at full precision) and before
the assembler (``compose``), which fills the two slots this module leaves — ``Slot("绩效表")``
after section 十一 and ``Slot("附表")`` in 第四部分 — and hands the blocks to the writers.

The layout (parts, sections, their order and titles) comes from the profile:
``narrative.layout`` = ``xinjiang`` (the seed's order; the default) or ``shanghai`` (the
Shanghai 2024 template: tables second, 三公 seventh, 绩效 tenth). The wording of the sentences
comes from ``narrative.style`` (see ``Pen.style``): ``shanghai`` sections are written by
``phrasebook.sections_sh``; ``xinjiang`` and ``national`` by ``phrasebook.sections`` /
``sections_more`` (national with neutral brackets and empty-table statements). All of them use
only the clauses of ``phrasebook.patterns``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Callable, Mapping, Union

from ..core.document import Block, Paragraph, Slot
from ..core.model import TABLE_TITLES, Disclosure
from ..core.profiles import Profile
from . import sections as s
from . import sections_more as m
from . import sections_sh as sh
from .glossary import glossary_for
from .writer import Pen

Writer = Callable[[Pen], None]
Entry = tuple[str, Union[Writer, tuple]]  # (title, writer or sub-entries)


def _glossary(pen: Pen) -> None:
    for n, (term, definition) in enumerate(glossary_for(pen.profile), start=1):
        pen.blocks.append(Paragraph(f"{s.cn(n)}、{term}：{definition}"))


def _tables(pen: Pen) -> None:
    titles = {**TABLE_TITLES, **dict(pen.profile.phrase("table_titles", {}) or {})}
    order = pen.profile.phrase("table_order", list(TABLE_TITLES)) or list(TABLE_TITLES)
    for n, key in enumerate(order, start=1):
        pen.blocks.append(Paragraph(f"{s.cn(n)}、《{titles.get(key, key)}》"))
    pen.blocks.append(Slot("附表"))


def _shanghai_income(pen: Pen) -> None:
    s.income(pen, list_zero=False)


def _shanghai_expenditure(pen: Pen) -> None:
    s.expenditure(pen, list_zero=False)


def _styled(seed: Writer, shanghai: Writer) -> Writer:
    """A section writer that follows ``narrative.style``: Shanghai wording or the seed's."""
    def write(pen: Pen) -> None:
        (shanghai if pen.style == "shanghai" else seed)(pen)
    write.__name__ = getattr(shanghai, "__name__", "write")
    return write


_GENERAL = (("一般公共预算财政拨款支出决算总体情况", _styled(s.general_overall, sh.general_overall)),
            ("一般公共预算财政拨款支出决算结构情况", _styled(s.general_structure, sh.general_structure)),
            ("一般公共预算财政拨款支出决算具体情况", _styled(s.general_items, sh.general_items)))


def _nothing(pen: Pen) -> None:
    """A sub-heading whose content the seed's wording writes under the one before."""


def _sangong_both(pen: Pen) -> None:
    """九 in the Shanghai wording under the seed's single heading: 总体, then 具体."""
    sh.sangong_overall(pen)
    sh.sangong_details(pen)


def _xinjiang(d: Disclosure) -> tuple[Entry, ...]:
    return (
        ("第一部分 单位概况", (("主要职能", s.functions),
                           ("机构设置及人员情况", _styled(s.organisation, sh.composition)))),
        ("第二部分 部门决算情况说明", (
            ("收入支出决算总体情况说明", _styled(s.overall, sh.overall)),
            ("收入决算情况说明", _styled(s.income, sh.income)),
            ("支出决算情况说明", _styled(s.expenditure, sh.expenditure)),
            ("财政拨款收入支出决算总体情况说明", _styled(s.fiscal, sh.fiscal)),
            ("一般公共预算财政拨款支出决算情况说明", _GENERAL),
            ("一般公共预算财政拨款基本支出决算情况说明", _styled(s.basic, sh.basic)),
            ("政府性基金预算财政拨款收入支出决算情况说明", s.fund),
            ("国有资本经营预算财政拨款收入支出决算情况说明", s.capital),
            ("财政拨款“三公”经费支出决算情况说明", _styled(m.sangong, _sangong_both)),
            ("其他重要事项的情况说明", (("机关运行经费及公用经费支出情况", _styled(m.operating, sh.operating)),
                                 ("政府采购情况", _styled(m.procurement, sh.procurement)),
                                 ("国有资产占用情况说明", _styled(m.assets, sh.assets)))),
            ("预算绩效的情况说明", _styled(m.performance, sh.performance)),
            ("其他需说明的事项", m.other),
        )),
        ("第三部分 专业名词解释", _glossary),
        ("第四部分 部门决算报表（见附表）", _tables),
    )


def _sangong_shanghai(pen: Pen) -> None:
    """七 in the seed's wording: the whole section under its first sub-heading."""
    m.sangong(pen)


def _shanghai(d: Disclosure) -> tuple[Entry, ...]:
    name, year = d.unit.name, d.unit.year
    sangong = (("“三公”经费财政拨款支出决算总体情况说明", _styled(_sangong_shanghai, sh.sangong_overall)),
               ("“三公”经费财政拨款支出决算具体情况说明", _styled(_nothing, sh.sangong_details)))
    return (
        (f"第一部分 {name}概况", (("主要职能", s.functions),
                              ("部门决算单位构成", _styled(s.organisation, sh.composition)))),
        (f"第二部分 {name}{year}年度部门决算表", _tables),
        (f"第三部分 {name}{year}年度部门决算情况说明", (
            ("收入支出决算总体情况说明", _styled(s.overall, sh.overall)),
            ("收入决算情况说明", _styled(_shanghai_income, sh.income)),
            ("支出决算情况说明", _styled(_shanghai_expenditure, sh.expenditure)),
            ("财政拨款收入支出决算总体情况说明", _styled(s.fiscal, sh.fiscal)),
            ("一般公共预算财政拨款支出决算情况说明", _GENERAL),
            ("一般公共预算财政拨款基本支出决算情况说明", _styled(s.basic, sh.basic)),
            ("财政拨款“三公”经费支出决算情况说明", sangong),
            ("政府性基金预算财政拨款收入支出决算情况说明", s.fund),
            ("国有资本经营预算财政拨款收入支出决算情况说明", s.capital),
            ("预算绩效管理情况", _styled(m.performance, sh.performance)),
            ("其他重要事项的情况说明", (("机关运行经费支出情况", _styled(m.operating, sh.operating)),
                                 ("政府采购支出情况", _styled(m.procurement, sh.procurement)),
                                 ("国有资产占有使用情况说明", _styled(m.assets, sh.assets)))),
        )),
        ("第四部分 名词解释", _glossary),
    )


LAYOUTS: Mapping[str, Callable[[Disclosure], tuple[Entry, ...]]] = {"xinjiang": _xinjiang, "shanghai": _shanghai}


def layout_name(profile: Profile) -> str:
    """The profile's ``narrative.layout``; else "shanghai" for the Shanghai glossary, else "xinjiang"."""
    name = profile.phrase("skeleton")
    if name in LAYOUTS:
        return str(name)
    return "shanghai" if profile.glossary == "shanghai" else "xinjiang"


def _write(pen: Pen, entries: tuple, level: int) -> None:
    for n, (title, body) in enumerate(entries, start=1):
        if level == 1:
            text = title
        elif level == 2:
            text = f"{s.cn(n)}、{title}"
        else:
            text = f"（{s.cn(n)}）{title}"
        s.heading(pen, level, text)
        if isinstance(body, tuple):
            _write(pen, body, level + 1)
        else:
            body(pen)


def render_narrative(d: Disclosure, figures: Mapping[str, Decimal],
                     profile: Profile) -> tuple[tuple[Block, ...], tuple[str, ...]]:
    """The narrative (第一部分 … 第四部分) as blocks, and Chinese warnings (missing reasons, data).

    ``figures`` are the derived figures at full precision (``rules.derive``); rounding happens
    here, once. A reason the standard requires but ``d.reasons`` lacks is written as a visible
    placeholder (``Paragraph.placeholder``) and named in the warnings.
    """
    pen = Pen(d=d, figures=dict(figures), profile=profile)
    _write(pen, LAYOUTS[layout_name(profile)](d), 1)
    return tuple(pen.blocks), tuple(pen.warnings)
