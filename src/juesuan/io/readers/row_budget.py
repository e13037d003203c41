"""Budget forms copied one row per line: which budget table a title names and which columns its
header prints, from the budget layouts of the profiles (上海 部门/单位预算 first, then the 财政部 form).

Where it sits: helper of :mod:`.row_tables` (text reader). The 决算 tables are told by the
national layout (:func:`.flat_tables.is_table_title`); a title that names none of them may name a
budget table ("2026年部门支出预算总表"). Its header is then checked against the columns each budget
layout gives that table, by letters in order (:func:`.row_lines.has_in_order`): the first layout
whose every column the header prints decides the amount columns and the sums that place blank
cells (:mod:`.row_blanks`). A header that prints a 决算数 or a column no layout knows stays text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from ...core.profiles import Layout, SumSpec, load_profile
from .grid import RawGrid
from .grid_layout import norm
from .recognize import identify
from .row_lines import Line, has_in_order, joined

#: The budget layouts a title and a header are tried against, most specific first.
BUDGET_PROFILES = ("shanghai-yusuan", "national-yusuan")
#: Header words of budget forms besides their columns' names.
_WORDS = ("收入预算", "支出预算", "一般公共预算支出", "一般公共预算基本支出", "政府性基金预算支出",
          "国有资本经营预算支出", "功能分类科目名称", "经济分类科目名称", "部门预算经济分类科目", "编码", "事业单位")
#: The 上海 budget's 三公 form, left to right (../shared/corpus/shanghai-caizhengju-2025-danwei-yusuan.pdf):
#: the 三公 amounts under one banner, the car group split in three, then 机关运行经费.
SANGONG_BANNER = ("“三公”经费预算数", "机关运行经费预算数")
SANGONG_GROUP = "公务用车购置及运行费"
SANGONG_COLUMNS = ("合计", "因公出国(境)费", "公务接待费", "小计", "购置费", "运行费")


@dataclass(frozen=True, slots=True)
class Form:
    """The amount columns a budget table's header prints (the layout's names, in order) and the
    sums that hold in each of its rows."""

    columns: tuple[str, ...]
    sums: tuple[SumSpec, ...]


@lru_cache(maxsize=None)
def _layouts() -> tuple[Layout, ...]:
    return tuple(load_profile(name).layout for name in BUDGET_PROFILES)


#: Every title and variant of the budget layouts' tables holds one of these (a test keeps it so):
#: a line holding none is no budget title, and is not matched against the layouts at all.
TITLE_WORDS = ("预算", "总表", "情况表", "支出表", "三公")
_TITLE_TAIL = 8


def budget_key(title: str) -> str | None:
    """The table (T1…T9) a line names by a budget layout's titles; None when it names none."""
    text = title.strip()
    if not 4 <= len(text) <= 60 or text.rfind("表") < len(text) - _TITLE_TAIL or not any(w in text for w in TITLE_WORDS):
        return None  # a title ends in its "…表" (a form code after it at most: "（公开01表）")
    for layout in _layouts():
        key = identify(RawGrid(rows=(), title=text), layout)
        if key is not None:
            return key
    return None


def is_budget_title(text: str) -> bool:
    return budget_key(text) is not None


@lru_cache(maxsize=None)
def vocabulary() -> tuple[str, ...]:
    """Every word a budget table's header may be made of: its columns' names, labels and aliases."""
    words: list[str] = [*_WORDS, *SANGONG_BANNER, SANGONG_GROUP, *SANGONG_COLUMNS]
    for layout in _layouts():
        for spec in layout.tables:
            for column in spec.columns:
                words += [column.name, *column.aliases, *([column.label] if column.label else [])]
    return tuple(dict.fromkeys(norm(w) for w in words if w and "/" not in w))


@lru_cache(maxsize=None)
def budget_incomes() -> frozenset[str]:
    """The 收入 row labels of the budget layouts' 收支总表 (names, labels, aliases)."""
    words = {w for layout in _layouts() if layout.table("T1") is not None for c in layout.table("T1").rows
             for w in (c.name, *c.aliases, c.label) if w}
    return frozenset(norm(w) for w in words)


def form_of(key: str, head: Sequence[Line]) -> Form | None:
    """The amount columns of budget table ``key`` that ``head`` prints; None when the header
    prints a 决算数, or no budget layout has every one of its columns in it."""
    text = joined(head)
    if not head or "决算" in text or "其中" in text:
        return None
    for layout in _layouts():
        spec = layout.table(key)
        if spec is None or not spec.columns:
            continue
        if all(any(has_in_order(text, norm(w)) for w in _names(c)) for c in spec.columns) and _in_order(head, spec):
            return Form(tuple(c.name for c in spec.columns), spec.sums)
    return None


def _names(column) -> tuple[str, ...]:
    return tuple(w for w in (column.name, *column.aliases, column.label) if w and "/" not in w)


def _in_order(head: Sequence[Line], spec) -> bool:
    """The columns a header line prints whole stand there in the layout's order (a column whose
    name wraps onto other lines, "事业单位" / "经营收入", may stand anywhere)."""
    for text, _ in head:
        seen = [k for token in text.split() for k, c in enumerate(spec.columns) if norm(token) in map(norm, _names(c))]
        if seen != sorted(seen):
            return False
    return True
