"""Table recognition: raw grids → the nine 公开 tables of the model (:class:`Tables`).

Where it sits: after a format reader (pdf, xlsx, docx, html) has produced :class:`RawGrid` s and
before assembly builds the :class:`Disclosure`. A grid is identified by its TITLE, matched against
the titles and variants of the document's layout (profile data, ``recognize_title``), falling back
on its header names; never by its ordinal: Xinjiang and Shanghai print the tables in different
orders. Columns are found by their header names, never by position; amounts go through
``money.parse_amount`` and a blank or non-numeric cell is None, never 0. Functional (2xx) and
economic (3xx) codes are kept apart: only 公开06 reads economic codes.

The coded tables (公开02/03/05/06/07/08) are built here; 公开01/04/09 in ``recognize_summary``.
A grid that is none of the nine (a 绩效 table, the list of units) is ignored.
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from typing import Mapping, Sequence

from ...core.codes import economic_codes
from ...core.model import TABLE_TITLES, CodedTable, Row, Tables
from ...core.money import yuan_to_wan
from ...core.profiles import ColumnSpec, Layout, TableSpec, load_profile
from .grid import RawGrid
from .grid_layout import Layout as GridLayout, amount, compact, is_index_row, issuer_of, label, norm, note_of, stated_unit
from .grid_layout import layout as grid_layout
from .recognize_summary import read_t1, read_t4, read_t9
from .recognize_title import match_title, table_name

__all__ = ["recognize", "identify"]

def identify(grid: RawGrid, layout: Layout | None = None) -> str | None:
    """Which of T1…T9 a grid is: its title against the titles and variants of the layout's tables
    (profile data; the national layout when none is given), else its header names."""
    return _identified(grid, layout or default_layout())[0]


def _identified(grid: RawGrid, layout: Layout) -> tuple[str | None, int]:
    """The grid's table key and how surely: 2 by the table's own title, 1 by a variant, 0 by headers."""
    found = match_title(grid.title, layout)
    if found:
        return found[0], 2 if found[1] else 1
    return _by_headers(grid), 0


def default_layout() -> Layout:
    """The national layout: the tables of the 财政部 nine-table form and their printed variants."""
    return load_profile("national").layout


def _by_headers(grid: RawGrid) -> str | None:
    text = "".join(norm(c) for row in grid.rows[:8] for c in row)
    body = "".join(norm(c) for row in grid.rows for c in row)
    if "因公出国" in text and "预算数" in text and "决算数" in text:
        return "T9"
    if "人员经费合计" in body or ("经济分类" in text and "决算数" in text):
        return "T6"
    if "本年收入合计" in body and "本年支出合计" in body:
        return "T4" if "财政拨款结转和结余" in body else "T1"
    if "财政拨款收入" in text and "上级补助收入" in text:
        return "T2"
    if "上缴上级支出" in text and "基本支出" in text:
        return "T3"
    return None


def recognize(grids: Sequence[RawGrid], *, code_year: int = 2024, layout: Layout | None = None,
              budget: bool = False) -> Tables:
    """Identify and read the nine tables (titles from ``layout``, see :func:`identify`). The first
    grid found for a table wins, unless a later one is that table more surely: printed under the
    table's own title where the first had a variant or only its headers, or with rows where the
    first read none (a 收入决算表 by unit printed before the one by subject). A table printed in
    元 is converted to 万元 exactly and keeps 元 as its unit. The tables of a ``budget`` (预算) hold
    its own year's amounts where a 决算's hold the 决算数 (the 三公 table's ``actual``)."""
    layout = layout or default_layout()
    found: dict[str, object] = {}
    sure: dict[str, int] = {}
    order: list[str] = []
    issuers: dict[str, str] = {}
    units: dict[str, str] = {}
    for grid in grids:
        grid = with_banner_title(grid)
        if not grid.rows or grid.omitted:
            continue  # a reader left rows out: half a table would make the checks report, not skip
        key, how = _identified(grid, layout)
        if key is None or (key in found and not _empty(found[key]) and how <= sure[key]):
            continue
        spec = table_spec(layout, key)
        if key == "T1":
            table = read_t1(grid, code_year, spec.rows, title=spec.title)
        elif key == "T4":
            table = read_t4(grid, code_year, title=spec.title)
        elif key == "T9":
            table = read_t9(grid, of_budget=budget, title=spec.title)
        elif key == "T6":
            table = read_t6(grid, spec)
        else:
            table = read_coded(grid, key, spec)
        if key in found and _empty(table):
            continue
        unit = stated_unit(grid)
        found[key] = in_wan(table) if unit == "元" else table
        units[key] = unit
        sure[key] = how
        if key not in order:
            order.append(key)
        issuers.pop(key, None)
        issuer = issuer_of(grid)
        if issuer is not None:
            issuers[key] = issuer
    return Tables(**{k.lower(): v for k, v in found.items()}, order=tuple(order), issuers=issuers, units=units)


_FORM_CODE_ROW = re.compile(r"^(?:（?(?:部门)?公开\d{1,2}表）?|表[一二三四五六七八九十\d]+)$")


def _banner(row: tuple[str, ...]) -> str | None:
    """The one text a row spanning the table prints (a title, a form code, "部门：…"), else None."""
    texts = {norm(c) for c in row if norm(c)}
    if len(texts) != 1:
        return None
    text = texts.pop()
    return text if (_FORM_CODE_ROW.match(text) or table_name(text).endswith("表") or "：" in text) else None


def with_banner_title(grid: RawGrid) -> RawGrid:
    """A grid whose title was printed inside it, as rows spanning the table ("公开02表" / "收入总表" /
    "部门：苏州市审计局"): those rows become its context and the title line its title."""
    if grid.title:
        return grid
    banners: list[str] = []
    for row in grid.rows[:4]:
        text = _banner(row)
        if text is None:
            break
        banners.append(text)
    title = next((t for t in banners if table_name(t).endswith("表") and not _FORM_CODE_ROW.match(t)), "")
    if not title:
        return grid
    n = len(banners)
    return dataclasses.replace(grid, title=title, rows=grid.rows[n:], spans=grid.spans[n:] if grid.spans else grid.spans,
                               context=(*grid.context, *banners))


def table_spec(layout: Layout, key: str) -> TableSpec:
    """The layout's spec of table ``key``; the national one when the layout has no such table (a
    table found by its headers in a document whose layout does not list it)."""
    return layout.table(key) or default_layout().table(key) or TableSpec(key=key, title=TABLE_TITLES[key])


def _empty(table: object) -> bool:
    """A coded table that read no classified row (only, at most, its 合计)."""
    return isinstance(table, CodedTable) and not table.rows


def in_wan(table):
    """The table with every amount divided exactly by 10,000 (元 → 万元) and ``unit`` 元."""
    return dataclasses.replace(_scaled(table), unit="元")


def _scaled(value):
    if isinstance(value, Decimal):
        return yuan_to_wan(value)
    if isinstance(value, Mapping):
        return {k: _scaled(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return tuple(_scaled(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{f.name: _scaled(getattr(value, f.name)) for f in dataclasses.fields(value)
                                             if f.name not in ("sources", "span")})
    return value


# --------------------------------------------------------------------------- coded tables

def _matches(text: str, path: tuple[str, ...], column: ColumnSpec) -> bool:
    """``text`` (one level of the header ``path``) names ``column``: one of its names, or an alias
    "组/列" whose group is in the path and whose column is this text."""
    for name in column.names:
        group, _, leaf = name.rpartition("/")
        if (leaf == text and group in path) if group else name == text:
            return True
    return False


def _column_name(path: tuple[str, ...], columns: Sequence[ColumnSpec]) -> str | None:
    """The standard column a header path stands for, by the layout's names (the lowest header
    text first)."""
    if not path or any(p in ("行次", "栏次") for p in path) or path[-1].startswith("其中"):
        return None  # an index column, or a "其中：…" part of the column before it
    for text in reversed(path):
        for column in columns:
            if _matches(text, path, column):
                return column.name
    return None


def _part_column(path: tuple[str, ...], columns: Sequence[ColumnSpec]) -> str | None:
    """A "其中：…" column under a standard one ("事业收入（其中：教育收费）", "项目支出（其中：基本建设
    资金支出）"): kept beside the standard columns, so its own 类/款/项 sums are checked, and never
    added into a row's total."""
    if len(path) < 2 or not path[-1].startswith("其中"):
        return None
    parent = _column_name(path[:-1], columns)
    return f"{parent}（{path[-1]}）" if parent else None


class _Codes:
    """Builds full codes from one code column or from 类|款|项 columns (款/项 may be "06"/"01")."""

    def __init__(self, lay: GridLayout, *, levels: tuple[str, ...] = ("类", "款", "项"), columns: Sequence[int] = ()):
        cols = list(columns) if columns else list(range(len(lay.paths)))
        self.parts = {lvl: next((c for c in cols if lvl in lay.paths[c]), None) for lvl in levels}
        self.single = None
        if all(v is None for v in self.parts.values()):
            self.single = next((c for c in cols if any("编码" in p and "名称" not in p for p in lay.paths[c])), None)
        self.lay = lay
        self.context: dict[int, str] = {}

    @property
    def columns(self) -> set[int]:
        return {c for c in self.parts.values() if c is not None} | ({self.single} if self.single is not None else set())

    def _digits(self, r: int, c: int | None) -> str:
        text = "" if c is None else norm(self.lay.cell(r, c))
        return text if text.isdigit() else ""

    def code(self, r: int) -> str:
        if self.single is not None:
            text = self._digits(r, self.single)
            return text if len(text) in (3, 5, 7) else ""
        texts = [self._digits(r, c) for c in self.parts.values()]
        filled = {t for t in texts if t}
        if len(filled) == 1 and len(texts) - texts.count("") > 1:
            # one cell merged over 类|款|项 holding the full code
            code = filled.pop()
            if len(code) not in (3, 5, 7):
                return ""
            for width in (3, 5, 7)[: len(code) // 2]:
                self.context[width] = code[:width]
            return code
        code = ""
        for lvl, width in zip(self.parts, (3, 5, 7)):
            part = self._digits(r, self.parts[lvl])
            if not part:
                continue
            if len(part) == width:
                code = part
            elif len(part) == 2 and width > 3:
                parent = code or self.context.get(width - 2, "")
                if len(parent) != width - 2:
                    return ""
                code = parent + part
            else:
                return ""
            self.context[width] = code
        return code


def _split_code(name: str) -> tuple[str, str]:
    """"2010301 行政运行" → ("2010301", "行政运行"); other text → ("", text)."""
    t = norm(name)
    i = 0
    while i < len(t) and t[i].isdigit():
        i += 1
    if i in (3, 5, 7) and i < len(t):
        return t[:i], t[i:]
    return "", t


def read_coded(grid: RawGrid, key: str, spec: TableSpec | None = None, *, economic: bool = False) -> CodedTable:
    """公开02/03/05/07/08 (and a 公开06 with several columns): rows by classification code
    (function codes 2xx, or economic codes 3xx when ``economic``), columns by the layout's
    names (``spec``, the national layout's when None)."""
    spec = spec or table_spec(default_layout(), key)
    lay = grid_layout(grid)
    note, note_rows = note_of(grid)
    codes = _Codes(lay)
    name_col = next((c for c, p in enumerate(lay.paths) if any("科目名称" in t for t in p)), None)
    if name_col is None:  # one "项目" column holding code and name, or a 部门名称 / 单位名称 column
        name_col = next((c for c, p in enumerate(lay.paths)
                         if ("项目" in p or any(t.endswith("名称") for t in p)) and c not in codes.columns), None)
    value_cols = {}
    for c, path in enumerate(lay.paths):
        if c in codes.columns or c == name_col or any(t.endswith(("代码", "编码")) for t in path):
            continue
        name = _column_name(path, spec.columns) or _part_column(path, spec.columns)
        if name and name not in value_cols.values():
            value_cols[c] = name
    title = spec.title
    by_name = _economic_names() if economic else {}
    rows: list[Row] = []
    total = None
    for r in range(lay.data_start, len(grid.rows)):
        if r in note_rows or is_index_row(grid.rows[r]):
            continue
        code = codes.code(r)
        name = norm(lay.cell(r, name_col)) if name_col is not None else ""
        if not code:
            code, name = _split_code(name)
        if not code and economic and name in by_name:
            code = by_name[name]
        labels = {norm(lay.cell(r, c)) for c in codes.columns | ({name_col} if name_col is not None else {0})}
        is_total = bool(labels & {"合计", "总计"}) or name in ("合计", "总计")
        if not is_total and not code.startswith("3" if economic else "2"):
            continue  # not a row of this classification (a unit's code "024", a blank line)
        where = "合计" if is_total else f"{code} {name}"
        values = {col: amount(lay.cell(r, c)) for c, col in value_cols.items()}
        sources = {col: lay.span(r, c, f"{title}!{where}/{col}") for c, col in value_cols.items()}
        row = Row(code="" if is_total else code, name="合计" if is_total else name, values=values, sources=sources)
        if is_total:
            total = total or row
        else:
            rows.append(row)
    standard = spec.column_names
    columns = standard + tuple(c for c in value_cols.values() if c not in standard)
    return CodedTable(key=key, columns=columns, rows=tuple(rows), total=total, title=compact(grid.title) or title,
                      note=note, span=lay.span(0, 0, title) if grid.rows else None)


def _economic_names() -> dict[str, str]:
    econ = economic_codes()
    return {econ.name_of(c): c for c in econ.codes()}


# --------------------------------------------------------------------------- 公开06

#: 公开06 columns whose 合计 is a subtotal of the model (人员经费合计, 公用经费合计).
_T6_SUBTOTALS = ("人员经费", "公用经费")


def _t6_by_columns(grid: RawGrid, spec: TableSpec) -> CodedTable:
    table = read_coded(grid, "T6", spec, economic=True)
    total = table.total
    subtotals: dict[str, object] = {}
    sources: dict[str, object] = {}
    for column in _T6_SUBTOTALS:
        if total is not None and total.values.get(column) is not None:
            subtotals[f"{column}合计"] = total.values[column]
            if column in total.sources:
                sources[f"{column}合计"] = total.sources[column]
    return dataclasses.replace(table, subtotals=subtotals, sources=sources)


def read_t6(grid: RawGrid, spec: TableSpec | None = None) -> CodedTable:
    """公开06: side-by-side panels (经济分类 code | 名称 | 决算数) and the two 经费合计 subtotals; or,
    when the layout gives the table several columns (a budget's 合计 | 人员经费 | 公用经费), rows by
    economic code and column, the subtotals being the 合计 row's 人员经费 and 公用经费."""
    spec = spec or table_spec(default_layout(), "T6")
    if len(spec.columns) > 1:
        return _t6_by_columns(grid, spec)
    lay = grid_layout(grid)
    note, note_rows = note_of(grid)
    title = spec.title
    amount_cols = lay.columns_with("决算数", "金额")
    panels: list[tuple[int, int]] = []
    start = 0
    for c in amount_cols:
        panels.append((start, c))
        start = c + 1
    by_name = _economic_names()
    column = spec.row_total
    rows: list[Row] = []
    subtotals: dict[str, object] = {}
    sources: dict[str, object] = {}
    total = None
    for lo, amt in panels:
        cols = list(range(lo, amt))
        codes = _Codes(lay, levels=("类", "款"), columns=cols)
        name_col = next((c for c in cols if any("科目名称" in t or t == "项目" for t in lay.paths[c])
                         and c not in codes.columns), None)
        for r in range(lay.data_start, len(grid.rows)):
            if r in note_rows:
                continue
            code = codes.code(r)
            name = norm(lay.cell(r, name_col)) if name_col is not None else ""
            if not code:
                code, name = _split_code(name)
            texts = [label(lay.cell(r, c)) for c in cols]
            value = amount(lay.cell(r, amt))
            for sub in ("人员经费合计", "公用经费合计"):
                if any(t.startswith(sub[:4]) and t.endswith("合计") for t in texts):
                    subtotals[sub] = value
                    sources[sub] = lay.span(r, amt, f"{title}!{sub}")
            if any(t in ("合计", "总计", "基本支出合计") for t in texts):
                total = Row("", "合计", {column: value}, {column: lay.span(r, amt, f"{title}!合计")})
                continue
            if not code and name in by_name:
                code = by_name[name]
            if not code or not code.startswith("3"):
                continue  # functional codes never enter 公开06
            rows.append(Row(code, name, {column: value}, {column: lay.span(r, amt, f"{title}!{code} {name}")}))
    return CodedTable(key="T6", columns=spec.column_names, rows=tuple(rows), total=total, subtotals=subtotals,
                      title=compact(grid.title) or title, note=note, sources=sources,
                      span=lay.span(0, 0, title) if grid.rows else None)
