"""Which standard table a printed title names, from the layout's titles and their variants.

Where it sits: helper of ``recognize.identify`` (table recognition). The titles are data: the
profile's ``layout.tables`` (each key with its title and the variants seen in print,
``profiles/*.yaml``), never names written here. A printed title is reduced to the table's name
(:func:`table_name`: numbering such as "表一：", "公开01表", a year or unit prefix, quotation marks,
"（续）" and a trailing "（一）" go) and matched by its ending: the longest title or variant it
ends with wins, so "一般公共预算财政拨款支出决算表" is 公开05 although it also ends with
"支出决算表".

A shorter name is not taken when the words just before it qualify it into another table:
"项目支出决算表", "收入支出决算表" and "财政拨款支出决算表" are not the 支出决算表; then
recognition falls back on the grid's header names.
"""

from __future__ import annotations

import re

from ...core.profiles import Layout
from .grid_layout import norm

__all__ = ["table_name", "key_by_title", "match_title"]

#: Words that, just before a table name, make it the name of another table.
_QUALIFIERS = ("收入", "拨款", "预算", "基金", "经营", "基本", "项目", "资金", "费", "三公", "专户")

_QUOTES = str.maketrans("", "", "“”\"'‘’「」《》")
_CONTINUED = re.compile(r"(（续表?）|续表|（续）)$")
_FORM_CODE = re.compile(r"（?(部门)?公开\d{1,2}表）?$|（?(部门)?公开表\d{1,2}）?$")
_TRAILING_GROUP = re.compile(r"（[^（）]*）$")


def table_name(title: str) -> str:
    """The printed title without what is not the table's name at its end: quotation marks,
    "（续）", a form code ("公开01表") and one trailing bracketed qualifier ("（一）",
    "（按功能分类列示）"); a bracket that names a split by unit ("（分单位）") is kept, since
    such a table is not the standard one."""
    name = norm(title).translate(_QUOTES)
    for pattern in (_CONTINUED, _FORM_CODE):
        name = pattern.sub("", name)
    group = _TRAILING_GROUP.search(name)
    if group and "单位" not in group.group(0) and name[: group.start()].endswith("表"):
        name = name[: group.start()]
    return name


def key_by_title(title: str, layout: Layout) -> str | None:
    """The layout's table key whose title or a variant the printed title ends with (longest
    first), or None."""
    found = match_title(title, layout)
    return found[0] if found else None


def match_title(title: str, layout: Layout) -> tuple[str, bool] | None:
    """(key, whether the table's own title matched rather than a variant) for a printed title; a
    grid printed under a table's own title is that table more surely than one under a variant
    (Beijing prints both 一般公共预算财政拨款收入支出决算表 and 一般公共预算财政拨款支出决算表)."""
    name = table_name(title)
    if not name or "绩效" in name:
        return None
    best: tuple[int, str, bool] | None = None
    for spec in layout.tables:
        for variant in spec.names:
            plain = norm(variant).translate(_QUOTES)
            if not plain or not name.endswith(plain):
                continue
            if name[: -len(plain)].endswith(_QUALIFIERS):
                continue
            if best is None or len(plain) > best[0]:
                best = (len(plain), spec.key, variant == spec.title)
    return (best[1], best[2]) if best else None
