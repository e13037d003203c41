"""The unit's own name in the text against the name in the title (W-DEPT-NAME).

Where it sits: rules/checks, beside :mod:`.wording` (whose ``CHECKS`` lists the check here).
Reads ``unit.name`` (the title's name) and ``narrative.text``.

A reviewer accepts a short form that drops the leading place names ("普陀区规划和自然资源局",
"规划和自然资源局"); what is reported is a form that is no longer the unit's name:

* a connector changed ("规划和自然资源局" written "规划与自然资源局"), wherever it stands;
* the county-level place dropped from between the city and the rest ("上海市普陀区规划和自然资源局"
  written "上海市规划和自然资源局", the name of the city's bureau), only where the document speaks
  of itself (the name is followed by "2024年度", "本年度", "部门", "本级", "所属" or "共有") and
  not where it cites another body ("根据上海市…局…").
"""

from __future__ import annotations

import re
from typing import Iterator

from ...core.findings import Finding
from .base import WARNING, Code, Context, NotApplicable, check
from .support import line_span, spans

# --------------------------------------------------------------------------- finding codes

W_DEPT_NAME = Code("W-DEPT-NAME", WARNING, "正文中的单位名称与标题不一致：连接字改动（如“和”写成“与”），漏掉区县名称与上级单位同名，或乡镇地名漏字")


_CJK = "\u4e00-\u9fff"
#: Optional 中共, a province-level city or province, then a county-level place ("上海市" "普陀区").
_PLACES = re.compile(rf"^(中共)?([{_CJK}]{{2,3}}?(?:省|市|自治区))([{_CJK}]{{1,4}}?(?:区|县|旗|市))?")
_CONNECTORS = "和与及"
_SELF = re.compile(r"(?:19|20)\d\d年|本年度|部门|本级|所属|共有")
_CITING = re.compile(r"(?:根据|按照|依据|经|报|向|由|会同|配合)$")
_MAX_SPANS = 5


def _parts(name: str) -> tuple[str, str, str, str]:
    """(中共, city, county, rest) of a unit name; city and county empty when not recognised."""
    m = _PLACES.match(name)
    if m is None or not m.group(3):
        return "", "", "", name
    return m.group(1) or "", m.group(2), m.group(3), name[m.end():]


def _swapped(core: str) -> list[tuple[str, str, str]]:
    """Each form of ``core`` with one inner connector changed: (form, written, meant)."""
    out = []
    for i in range(1, len(core) - 1):
        if core[i] in _CONNECTORS:
            out += [(core[:i] + c + core[i + 1:], c, core[i]) for c in _CONNECTORS if c != core[i]]
    return out


#: A township's name at the end of a unit's name ("…杭锦旗吉日嘎朗图镇人民政府" → 吉日嘎朗图镇).
_TOWN = re.compile(r"([^旗县区市州]{3,8}(?:镇|乡|苏木))(?:人民政府|党委)?$")


#: A county's name opening a unit's name (no city before it): "张家川县文联" → 张家川县.
_COUNTY = re.compile(r"(?:中共)?([^省市县区旗州]{3,7}(?:县|旗))")


def _dropped(town: str) -> list[tuple[str, str]]:
    """Each form of ``town`` with one inner character left out (never the first or the 镇/乡): (form, lost)."""
    end = len(town) - (2 if town.endswith("苏木") else 1)
    return [(town[:i] + town[i + 1:], town[i]) for i in range(1, end)]


def _written_from(text: str, start: int, prefix: str) -> int:
    """Where the written name begins: ``start`` moved back over the longest tail of ``prefix``
    (the place names) that the text has just before it."""
    for k in range(len(prefix), 0, -1):
        if text.startswith(prefix[-k:], max(start - k, 0)) and start - k >= 0:
            return start - k
    return start


@check(W_DEPT_NAME)
def unit_name(ctx: Context) -> Iterator[Finding]:
    """正文中单位名称的写法应与标题一致（可省去开头的市、区县名称简称，但不能改字、漏掉中间的区县名称）。"""
    d = ctx.disclosure
    name = (d.unit.name or "").strip()
    if d.narrative is None or not d.narrative.text.strip() or len(name) < 4:
        raise NotApplicable("缺少单位名称或公开说明文字")
    text = d.narrative.text
    lead, city, county, core = _parts(name)
    if len(core) < 3:
        raise NotApplicable("单位名称过短，无法核对写法")
    prefix, short = lead + city + county, lead + city
    found: dict[str, tuple[str, list[re.Match]]] = {}
    for form, written, meant in _swapped(core):
        for m in re.finditer(re.escape(form), text):
            begin = _written_from(text, m.start(), prefix)
            what = f"“{meant}”写成“{written}”"
            if county and begin == m.start() >= len(short) and text.startswith(short, m.start() - len(short)):
                begin, what = m.start() - len(short), f"{what}，并漏写“{county}”"
            found.setdefault(text[begin:m.end()], (what, []))[1].append(m)
    if county:
        for m in re.finditer(re.escape(short + core), text):
            if _CITING.search(text[max(m.start() - 4, 0):m.start()]) or not _SELF.match(text, m.end()):
                continue
            found.setdefault(m.group(0), (f"漏写“{county}”，与上级单位同名", []))[1].append(m)
    # a township's name at the end, or a county's at the start of a name without its city ("张家川县文联")
    places = [m.group(1) for m in (_TOWN.search(core), _COUNTY.match(name)) if m and len(m.group(1)) >= 4]
    for place in places:
        for form, lost in _dropped(place):
            for m in re.finditer(re.escape(form), text):
                found.setdefault(form, (f"地名“{place}”漏写“{lost}”字", []))[1].append(m)
    for shown, (what, hits) in found.items():
        more = f"（共{len(hits)}处）" if len(hits) > 1 else ""
        sp = [line_span(d, h.start(), h.end()) for h in hits[:_MAX_SPANS]]
        yield W_DEPT_NAME(f"单位名称写作“{shown}”{more}，与标题“{name}”不一致（{what}），应统一为标题中的名称",
                      {"标题名称": name, "文中写法": shown, "差别": what, "处数": str(len(hits))}, spans(*sp), "文字")


CHECKS = (unit_name,)
