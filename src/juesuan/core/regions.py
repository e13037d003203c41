"""Which province-level region a unit belongs to, from its name (or a title or cover line).

Where it sits: core, pure data (``core/data/regions.csv``: the 6-digit 行政区划 codes and names).
Used by document identification (``io.readers.identify``) and never on the body of a document:
a 重庆 university quoting 新疆 in its text is still from 重庆 (or from nowhere the name says).

Names are matched as printed ("上海市普陀区财政局", "昌吉回族自治州人民政府办公室", "杭州市钱塘区…"):
provinces by full or short name anywhere, prefectures by full name or by short name at the start
of the text or right after a province, counties by full name only (an autonomous county also by its
usual short name: 石柱县). A name found in two provinces
(普陀区: 上海 and 浙江) decides nothing unless a higher-level name settles it.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

#: Suffixes stripped to get a province's short name (新疆维吾尔自治区 → 新疆).
_PROVINCE_SUFFIX = re.compile(r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$")
#: Ethnic groups named in 自治州/自治县 names (from the 56 nations list), longest first.
_ETHNIC = ("柯尔克孜", "哈萨克", "蒙古", "土家", "布依", "傈僳", "景颇", "朝鲜", "哈尼", "仫佬", "毛南", "达斡尔",
           "鄂温克", "鄂伦春", "塔吉克", "锡伯", "撒拉", "保安", "裕固", "纳西", "拉祜", "普米", "怒", "独龙", "基诺",
           "阿昌", "德昂", "佤", "畲", "水", "羌", "彝", "苗", "侗", "瑶", "壮", "傣", "白", "藏", "回", "黎", "土")
_PREFECTURE_SUFFIX = re.compile(r"(?:(?:" + "|".join(_ETHNIC) + r")族)*(?:自治州|地区|盟|市)$")
#: An autonomous county's ethnic names, dropped in its usual short name (石柱土家族自治县 → 石柱县, 琼中黎族苗族自治县 → 琼中县).
_AUTONOMOUS_COUNTY = re.compile(r"(?:(?:" + "|".join(_ETHNIC) + r")族)+自治(县|旗)$")


@dataclass(frozen=True, slots=True)
class Place:
    name: str  # as matched
    province: str  # short province name: 上海, 新疆, 重庆 …
    level: str  # province | city | county
    start: int  # where in the text it was matched


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, tuple[str, frozenset[str]]], int]:
    """(province code → short name, alias → (level, province codes), longest alias)."""
    text = resources.files("juesuan.core").joinpath("data", "regions.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))
    short = {r["code"][:2]: _PROVINCE_SUFFIX.sub("", r["name"]) for r in rows if r["level"] == "province"}
    aliases: dict[str, tuple[str, set[str]]] = {}

    def add(alias: str, level: str, code: str) -> None:
        if len(alias) < 2:
            return
        known = aliases.setdefault(alias, (level, set()))
        if known[0] == level:
            known[1].add(code[:2])

    for r in rows:
        name, level, code = r["name"], r["level"], r["code"]
        add(name, level, code)
        if level == "province":
            add(short[code[:2]], level, code)
        elif level == "city":
            add(_PREFECTURE_SUFFIX.sub("", name), "city-short", code)
        elif _AUTONOMOUS_COUNTY.search(name):
            add(_AUTONOMOUS_COUNTY.sub(r"\1", name), level, code)
    frozen = {k: (lvl, frozenset(v)) for k, (lvl, v) in aliases.items()}
    return short, frozen, max(len(k) for k in frozen)


def places(text: str) -> list[Place]:
    """Every place name in ``text`` (longest match at each position, left to right)."""
    short, aliases, longest = _tables()
    out: list[Place] = []
    i = 0
    while i < len(text):
        for n in range(min(longest, len(text) - i), 1, -1):
            hit = aliases.get(text[i:i + n])
            if hit is None:
                continue
            level, codes = hit
            if level == "city-short" and not (i == 0 or (out and out[-1].level == "province" and out[-1].start + len(out[-1].name) == i)):
                continue  # a prefecture's short name counts only where a unit name starts
            province = short[next(iter(codes))] if len(codes) == 1 else ""
            out.append(Place(text[i:i + n], province, "city" if level == "city-short" else level, i))
            i += n - 1
            break
        i += 1
    return out


def city_of(text: str) -> str:
    """The short name of the one prefecture-level city ``text`` (a unit name) names ("苏州市审计局"
    → "苏州", "深圳市财政局（本级）" → "深圳"); "" when it names none or several. A municipality
    (上海, 重庆) is a province here, so its units name no city."""
    named = {_PREFECTURE_SUFFIX.sub("", p.name) for p in places(text) if p.level == "city" and p.province}
    return named.pop() if len(named) == 1 else ""


def province_of(text: str) -> str:
    """The short name of the province ``text`` (a unit name, a title) belongs to; "" when it
    names none, or only places found in several provinces, or places of different provinces."""
    found = places(text)
    for level in ("province", "city", "county"):
        named = {p.province for p in found if p.level == level and p.province}
        if len(named) == 1:
            return named.pop()
        if len(named) > 1:
            first = next(p for p in found if p.level == level and p.province)
            return first.province if level == "province" else ""
    return ""
