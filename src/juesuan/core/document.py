"""A format-neutral composed document: headings, paragraphs, grids (tables) and charts.

The phrasebook and the table layouts produce these blocks from a :class:`Disclosure`; every
writer (docx, html, md, xlsx, pdf) renders only these blocks, so all formats say the same thing.
Where it sits: core; no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Union


@dataclass(frozen=True, slots=True)
class Heading:
    level: int  # 1 = 第X部分, 2 = 一、…, 3 = （一）…
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    #: Figure keys this paragraph states (for tests and the HTML report's highlighting).
    keys: tuple[str, ...] = ()
    #: True when the text holds a visible placeholder for a missing reason.
    placeholder: bool = False


@dataclass(frozen=True, slots=True)
class Cell:
    text: str = ""
    #: The number behind the text (万元 at full precision, percent, or a count); None for labels.
    value: Decimal | None = None
    colspan: int = 1
    rowspan: int = 1
    bold: bool = False
    align: str = ""  # "", "left", "center", "right"; numbers default to right


@dataclass(frozen=True, slots=True)
class Grid:
    """A table in its standard printed form."""

    key: str  # "T1" … "T9", "绩效.整体", "绩效.项目.1"
    title: str
    header: tuple[tuple[Cell, ...], ...]
    body: tuple[tuple[Cell, ...], ...]
    unit: str = "万元"
    note: str = ""  # statement printed under the table
    code: str = ""  # form number shown at top-left, e.g. "公开01表"
    landscape: bool = False


@dataclass(frozen=True, slots=True)
class Chart:
    key: str  # "收入结构", "支出结构", "同比变化"
    title: str
    kind: str  # "pie" | "bar"
    labels: tuple[str, ...]
    values: tuple[Decimal, ...]
    #: For "bar" comparisons: last year's values beside this year's.
    prior: tuple[Decimal, ...] = ()
    unit: str = "万元"


@dataclass(frozen=True, slots=True)
class PageBreak:
    pass


@dataclass(frozen=True, slots=True)
class Slot:
    """A place the narrative leaves for the assembler: "绩效表" (after 十一) or "附表" (第四部分)."""

    name: str


Block = Union[Heading, Paragraph, Grid, Chart, PageBreak, Slot]


@dataclass(frozen=True, slots=True)
class Document:
    title: str  # "昌吉回族自治州人民政府办公室2024年度部门决算"
    subtitle: str = ""  # "公开说明"
    blocks: tuple[Block, ...] = ()
    #: Build warnings in Chinese (missing reasons, data that does not add up, …).
    warnings: tuple[str, ...] = ()
    tables: tuple[Grid, ...] = field(default=())  # the nine tables, also for the xlsx workbook
    kind: str = "决算"  # 决算 | 预算: what the document is (it names the workbook)
