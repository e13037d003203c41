"""Profiles: the region/year/kind differences, as data, never as forked code.

A profile is a YAML file (shipped in ``juesuan/profiles`` or given as a path). ``base:`` names a
profile whose values it overrides (deep merge; a list replaces the base's list). Its parts:

``match``      which documents it describes: ``regions`` (province-level names, empty = any),
               ``cities`` (prefecture-level short names such as 苏州, for a city's own layout;
               empty = any), ``years`` ([first, last], either may be null), ``kinds`` (决算 /
               预算), ``forms`` (standard / university / hospital); used to pick a profile for a
               document
``layout``     the parts and tables such a document has: title variants, which are required
               (from which report year), so completeness is judged against the document's own
               layout (:class:`Layout`); for each table its standard columns (or, for the
               收支总表, its income rows) with the names seen in print (and ``label``, the one the
               composer prints), which column is the row total of which others, and the amount
               unit the form prints (``unit``: 元 or 万元) (:class:`TableSpec`). A profile whose ``layout.tables``
               replaces its base's list keeps, for each table key, the base's ``columns``,
               ``rows`` and ``sums`` unless it states its own
``narrative``  sentence and wording settings of the phrasebook (:class:`NarrativeSettings`)
``scoring``    绩效 scoring parameters (:mod:`.scoring_policy`, docs/scoring.md)
``checks``     per-code or per-check overrides: ``{CODE: off | error | warning | info}``
``not_applicable`` checks that have no meaning for such documents (a budget has no 预决算差异率):
               ``{check name: reason}``; they are listed as not run, with the reason
``glossary``   which 名词解释 set to print

The file is validated once, at load, into one frozen :class:`Profile` that every layer receives:
an unknown key, a value of the wrong kind or outside its choices is an :class:`InputError` that
names the file and the key. YAML is read with YAML 1.2 booleans (only ``true``/``false``), so
``CODE: off`` means the string "off", as the docs say.

Where it sits: core. Reading a file here is the one I/O of the layer, done once per name (cached).
"""

from __future__ import annotations

import copy

import dataclasses
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterator, Mapping

import yaml

from . import scoring_policy
from .findings import InputError
from .model import T1_INCOME_ROWS, TABLE_TITLES

DEFAULT_PROFILE = "xinjiang-2024"
KINDS = ("决算", "预算")
FORMS = ("standard", "university", "hospital")
CHECK_SETTINGS = ("off", "error", "warning", "info")


# --------------------------------------------------------------------------- the typed profile

@dataclass(frozen=True, slots=True)
class ColumnSpec:
    """A standard column of a table (or an income row of the 收支总表): the name the model keys
    it by, the other names seen in print, and the figure of the 收支总表 that its 合计 equals.

    An alias "本年支出/合计" matches a column whose header path holds "本年支出" and ends in
    "合计"; a plain alias matches any level of the header path, the lowest first.
    """

    name: str
    aliases: tuple[str, ...] = ()
    #: the header (or row label) the composer prints for it; "" prints ``name``
    label: str = ""
    #: the 收支总表 figure this column's 合计 equals (收入总表 columns): an income row's name, or
    #: 收入总计 / 本年收入合计 / 年初结转和结余 / 财政拨款收入; "" = the income row of the same name
    t1: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name,) + self.aliases

    @property
    def printed(self) -> str:
        return self.label or self.name


@dataclass(frozen=True, slots=True)
class SumSpec:
    """In every row of a table, column ``total`` = the sum of columns ``parts``."""

    total: str
    parts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TableSpec:
    """A table of the layout: its key (T1…), standard title, other titles seen in print, and what
    its cells are: standard columns (coded tables), income rows (the 收支总表), row totals."""

    key: str
    title: str
    variants: tuple[str, ...] = ()
    required: bool = True
    since: int | None = None  # required only for report years from this one on
    columns: tuple[ColumnSpec, ...] = ()  # in printed order
    rows: tuple[ColumnSpec, ...] = ()  # the 收支总表's income rows, in printed order
    sums: tuple[SumSpec, ...] = ()  # the first one's total is the table's row total
    unit: str = ""  # the amount unit the form prints ("元" for the 上海 单位预算); "" = 万元

    @property
    def names(self) -> tuple[str, ...]:
        return (self.title,) + self.variants

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def row_total(self) -> str:
        """The column that holds each row's total (合计 / 本年收入合计 / 决算数 …); "" when the
        layout states no columns."""
        if self.sums:
            return self.sums[0].total
        return self.columns[0].name if self.columns else ""

    def required_in(self, year: int | None) -> bool:
        return self.required and (self.since is None or year is None or year >= self.since)


@dataclass(frozen=True, slots=True)
class PartSpec:
    """A part of the narrative (a topic the 说明 must cover): key, title, title variants."""

    key: str
    title: str
    variants: tuple[str, ...] = ()
    required: bool = True
    since: int | None = None
    severity: str = "error"  # of its absence

    @property
    def names(self) -> tuple[str, ...]:
        return (self.title,) + self.variants

    def required_in(self, year: int | None) -> bool:
        return self.required and (self.since is None or year is None or year >= self.since)


@dataclass(frozen=True, slots=True)
class Layout:
    """What a document of this region/year/kind consists of."""

    parts: tuple[PartSpec, ...] = ()
    tables: tuple[TableSpec, ...] = ()
    #: Other standard headings of such a document (part titles, "部门决算情况说明" …): a heading one
    #: character away from one of these, or from a part or table title, is taken for a misprint.
    headings: tuple[str, ...] = ()
    #: The fund rows of the 收支总表 and the fund columns of the 收入总表 include last year's
    #: 结转 (重庆 budgets: "结转金额已纳入相应性质的资金收入中"), which the 财政拨款收支总表 shows
    #: apart as 上年结转: a fund's row there is its 本年收入 + 上年结转 of the 财政拨款收支总表.
    carryover_in_funds: bool = False
    #: The first report year a real document of this layout was seen in. A region's layout of
    #: earlier years is not known (重庆's 2018 budgets had five parts, its 2026 ones nine), so what
    #: an earlier document lacks of it is told as for the national layout, as a warning.
    seen_from: int | None = None

    def table(self, key: str) -> TableSpec | None:
        return next((t for t in self.tables if t.key == key), None)

    def columns(self, key: str) -> tuple[str, ...]:
        """The standard column names of table ``key`` (empty when the layout has no such table)."""
        spec = self.table(key)
        return spec.column_names if spec is not None else ()

    def row_total(self, key: str) -> str:
        """The row-total column of table ``key`` ("" when the layout states none)."""
        spec = self.table(key)
        return spec.row_total if spec is not None else ""

    def sums(self, key: str) -> tuple[SumSpec, ...]:
        spec = self.table(key)
        return spec.sums if spec is not None else ()

    def income_rows(self) -> tuple[str, ...]:
        """The model names of the 收支总表's income rows (the 决算's eight when the layout gives none)."""
        spec = self.table("T1")
        return tuple(r.name for r in spec.rows) if spec is not None and spec.rows else T1_INCOME_ROWS

    def part(self, key: str) -> PartSpec | None:
        return next((p for p in self.parts if p.key == key), None)


@dataclass(frozen=True, slots=True)
class Match:
    """Which documents a profile describes (empty / None = any)."""

    regions: tuple[str, ...] = ()
    cities: tuple[str, ...] = ()
    years: tuple[int | None, int | None] = (None, None)
    kinds: tuple[str, ...] = ("决算",)
    forms: tuple[str, ...] = ("standard",)

    def accepts(self, region: str, year: int | None, kind: str, form: str, city: str = "") -> bool:
        first, last = self.years
        return ((not self.regions or region in self.regions)
                and (not self.cities or city in self.cities)
                and (year is None or ((first is None or year >= first) and (last is None or year <= last)))
                and (not kind or kind in self.kinds)
                and (not form or form in self.forms))

    def specificity(self) -> int:
        """More specific profiles win: a named city counts most, then a region, then a year range."""
        return 8 * bool(self.cities) + 4 * bool(self.regions) + (self.years != (None, None))


@dataclass(frozen=True, slots=True)
class NarrativeSettings:
    """How the phrasebook words and reads the 说明 (docs: the comments of profiles/national.yaml)."""

    table_order: tuple[str, ...] = tuple(TABLE_TITLES)
    table_titles: Mapping[str, str] = field(default_factory=dict)
    skeleton: str = "xinjiang"  # section order and titles: xinjiang | shanghai (| their budget forms, *-yusuan)
    style: str = "national"  # sentence forms: xinjiang | shanghai | national (| national-yusuan, shanghai-yusuan)
    budget_wording: str = "gap"  # gap | completion
    unchanged: str = "flat"  # flat (持平) | zero (增加0.00万元，增长0.00%)
    zero_base: str = "hundred"  # hundred (增长100.00%) | none (no percentage from a zero base)
    thousands_separator: bool = True
    budget_basis: str = "initial"  # initial | full_year
    sangong_budget_basis: str = "full_year"
    operating_cost: str = "public_funds"  # public_funds | daily_public
    grade_names: tuple[str, ...] = ("优", "良", "中", "差")
    #: What the 说明 calls 收入总计/支出总计: whole (with the balances, as 公开01) | own_year (本年收入合计
    #: and 本年支出合计, as the universities' form writes them)
    totals: str = "whole"
    #: Entries of the style's wording replaced for this profile (phrasebook/wording.yaml):
    #: a sentence template, a list of them, or true/false; checked by the phrasebook.
    phrases: Mapping[str, Any] = field(default_factory=dict)


#: The choices of each narrative setting (settings not listed take any value of their type).
_CHOICES = {
    "skeleton": ("xinjiang", "shanghai", "national-yusuan", "shanghai-yusuan"),
    "style": ("xinjiang", "shanghai", "national", "national-yusuan", "shanghai-yusuan"),
    "budget_wording": ("gap", "completion"),
    "unchanged": ("flat", "zero"),
    "zero_base": ("hundred", "none"),
    "budget_basis": ("initial", "full_year"),
    "sangong_budget_basis": ("initial", "full_year"),
    "operating_cost": ("public_funds", "daily_public"),
    "totals": ("whole", "own_year"),
}


@dataclass(frozen=True, slots=True)
class Profile:
    """One validated profile: everything a run needs to know about the document's region/year/kind."""

    name: str
    title: str = ""
    region: str = ""
    year: int | None = None
    glossary: str = "national"
    source: str = ""
    match: Match = field(default_factory=Match)
    layout: Layout = field(default_factory=Layout)
    narrative: NarrativeSettings = field(default_factory=NarrativeSettings)
    scoring: scoring_policy.Policy = field(default_factory=scoring_policy.Policy)
    checks: Mapping[str, str] = field(default_factory=dict)
    not_applicable: Mapping[str, str] = field(default_factory=dict)  # check name → why it does not apply

    def phrase(self, name: str, default: Any = None) -> Any:
        """A narrative setting by name (``default`` when it is unset)."""
        value = getattr(self.narrative, name)
        return default if value is None else value

    def for_year(self, year: int | None) -> "Profile":
        """The same profile applied to a document of ``year`` (the code tables and the wording of
        years follow the document, never a hard-coded year)."""
        return self if not year or year == self.year else dataclasses.replace(self, year=year)


# --------------------------------------------------------------------------- loading

class _Loader(yaml.SafeLoader):  # parse_yaml runs it on libyaml when PyYAML has it (io/yamlfile._libyaml)
    """YAML 1.2 booleans: only true/false, so "off"/"no"/"on" stay words."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def shipped_profiles() -> list[str]:
    folder = resources.files("juesuan").joinpath("profiles")
    return sorted(e.name.removesuffix(".yaml") for e in folder.iterdir() if e.name.endswith(".yaml"))


def _merge(base: dict, over: Mapping) -> dict:
    out = dict(base)
    for k, v in over.items():
        if isinstance(v, Mapping) and isinstance(out.get(k), Mapping):
            out[k] = _merge(dict(out[k]), v)
        else:
            out[k] = v
    return out


def _text_of(name_or_path: str) -> tuple[str, str, str]:
    """(YAML text, source for messages, default name) of a shipped profile or a file."""
    path = Path(name_or_path)
    if name_or_path.endswith((".yaml", ".yml")) or path.is_file():
        if not path.is_file():
            raise InputError(f"{name_or_path}：配置文件不存在")
        from ..io.yamlfile import read_yaml_text  # size-bounded, any encoding (late: io imports core)

        return read_yaml_text(path), str(path), path.stem
    if name_or_path not in shipped_profiles():
        known = "、".join(shipped_profiles())
        raise InputError(f"未知的配置 {name_or_path}（可选：{known}，或给出 YAML 文件路径）")
    text = resources.files("juesuan").joinpath("profiles", f"{name_or_path}.yaml").read_text(encoding="utf-8")
    return text, name_or_path, name_or_path


@lru_cache(maxsize=32)
def _parsed(name_or_path: str) -> tuple[object, str, str]:
    """(the YAML's data, source, default name), parsed once per process: a shipped profile is the
    base of several others (callers copy it before changing it)."""
    from ..io.yamlfile import parse_yaml  # safe, depth- and alias-bounded, libyaml when present

    text, source, default_name = _text_of(name_or_path)
    return parse_yaml(text, source, _Loader) or {}, source, default_name


def _raw(name_or_path: str, seen: tuple[str, ...] = ()) -> dict:
    if name_or_path in seen:
        raise InputError(f"配置 {name_or_path}：base 循环引用")
    if name_or_path in shipped_profiles():
        data, source, default_name = _parsed(name_or_path)
        data = copy.deepcopy(data)
    else:  # a file is read each time: it may have changed
        data, source, default_name = _parsed.__wrapped__(name_or_path)
    if not isinstance(data, dict):
        raise InputError(f"{source}：配置应为键值映射")
    base = data.pop("base", None)
    own_name = data.get("name")
    if base:
        data = _over_base(_raw(str(base), seen + (name_or_path,)), data)
    data["name"] = own_name or default_name  # a profile never inherits its base's name
    data["source"] = source
    return data


#: What a table of a profile's layout keeps from the same table of its base unless it says otherwise.
_TABLE_INHERITED = ("columns", "rows", "sums")


def _over_base(base: dict, over: Mapping) -> dict:
    """``over`` merged onto ``base`` (:func:`_merge`); a ``layout.tables`` list replaces the
    base's, but each of its tables keeps the base's columns, rows and sums for the same key."""
    merged = _merge(base, over)
    ours = (over.get("layout") or {}).get("tables") if isinstance(over.get("layout"), Mapping) else None
    theirs = (base.get("layout") or {}).get("tables") if isinstance(base.get("layout"), Mapping) else None
    if isinstance(ours, list) and isinstance(theirs, list):
        by_key = {t.get("key"): t for t in theirs if isinstance(t, Mapping)}
        tables = []
        for table in ours:
            inherited = by_key.get(table.get("key")) if isinstance(table, Mapping) else None
            if inherited is not None:
                table = {**{k: inherited[k] for k in _TABLE_INHERITED if k in inherited}, **table}
            tables.append(table)
        merged["layout"] = {**merged["layout"], "tables": tables}
    return merged


@lru_cache(maxsize=64)
def load_profile(name_or_path: str = DEFAULT_PROFILE) -> Profile:
    """A shipped profile by name, or a YAML file by path, validated; InputError with a clear line."""
    data = _raw(name_or_path)
    return _Validator(str(data["source"])).profile(data)


def profile_from_mapping(data: Mapping[str, Any], source: str = "") -> Profile:
    """A profile from an in-memory mapping (as a YAML file would hold it, ``base:`` included),
    validated like a file; ``source`` names it in messages."""
    data = dict(data)
    base = data.pop("base", None)
    own_name = data.get("name")
    if base:
        data = _over_base(_raw(str(base)), data)
    data["name"] = own_name or "custom"
    source = source or str(data["name"])
    data["source"] = source
    return _Validator(source).profile(data)


def select_profile(region: str, year: int | None, kind: str = "决算", form: str = "standard", city: str = "") -> str:
    """The name of the shipped profile that best describes a document of that region, city, year,
    kind and form: the most specific one whose ``match`` accepts it (national when none is specific)."""
    best: tuple[int, str] | None = None
    for name in shipped_profiles():
        m = load_profile(name).match
        if m.accepts(region, year, kind, form, city):
            rank = (m.specificity(), name)
            if best is None or rank[0] > best[0]:
                best = rank
    return best[1] if best else "national"


# --------------------------------------------------------------------------- validation

class _Validator:
    """Turns the merged YAML mapping into a :class:`Profile`, naming the file and key of any fault."""

    def __init__(self, source: str):
        self.source = source

    def fail(self, key: str, what: str) -> InputError:
        return InputError(f"{self.source}：{key} {what}")

    def mapping(self, value: Any, key: str) -> Mapping:
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            raise self.fail(key, "应为键值映射")
        return value

    def known(self, value: Mapping, key: str, allowed) -> None:
        unknown = [str(k) for k in value if k not in allowed]
        if unknown:
            where = f"{key}." if key else ""
            raise InputError(f"{self.source}：未知的配置项 {'、'.join(where + u for u in unknown)}")

    def text(self, value: Any, key: str) -> str:
        if value is None:
            return ""
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            raise self.fail(key, f"应为文字，现为 {value!r}")
        return str(value)

    def words(self, value: Any, key: str) -> tuple[str, ...]:
        if value is None:
            return ()
        if isinstance(value, str):
            return (value,)
        if not isinstance(value, list) or any(isinstance(v, (Mapping, list)) for v in value):
            raise self.fail(key, "应为文字列表")
        return tuple(str(v) for v in value)

    def year(self, value: Any, key: str) -> int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 1990 <= value <= 2100:
            raise self.fail(key, f"应为四位年份，现为 {value!r}")
        return value

    def phrase(self, value: Any, key: str) -> str | list[str] | bool:
        if isinstance(value, (str, bool)):
            return value
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return list(value)
        raise self.fail(key, "应为句式文字、句式列表或 true/false")

    def flag(self, value: Any, key: str) -> bool:
        if not isinstance(value, bool):
            raise self.fail(key, f"应为 true 或 false，现为 {value!r}")
        return value

    def choice(self, value: Any, key: str, options: tuple[str, ...]) -> str:
        if value not in options:
            raise self.fail(key, f"应为 {' / '.join(options)} 之一，现为 {value!r}")
        return str(value)

    # the parts

    def profile(self, data: Mapping) -> Profile:
        self.known(data, "", {f.name for f in dataclasses.fields(Profile)})
        name = self.text(data.get("name"), "name")
        title = self.text(data.get("title"), "title")
        narrative = self.narrative(self.mapping(data.get("narrative"), "narrative"))
        scoring = scoring_policy.build(self.mapping(data.get("scoring"), "scoring"), name, title,
                                       list(narrative.grade_names), self.source)
        return Profile(
            name=name,
            title=title,
            region=self.text(data.get("region"), "region"),
            year=self.year(data.get("year"), "year"),
            glossary=self.text(data.get("glossary"), "glossary") or "national",
            source=self.source,
            match=self.match(self.mapping(data.get("match"), "match")),
            layout=self.layout(self.mapping(data.get("layout"), "layout")),
            narrative=narrative,
            scoring=scoring,
            checks=self.checks(self.mapping(data.get("checks"), "checks")),
            not_applicable={str(k): self.text(v, f"not_applicable.{k}") or "不适用"
                            for k, v in self.mapping(data.get("not_applicable"), "not_applicable").items()},
        )

    def match(self, raw: Mapping) -> Match:
        self.known(raw, "match", {f.name for f in dataclasses.fields(Match)})
        years = raw.get("years") or [None, None]
        if not isinstance(years, list) or len(years) != 2:
            raise self.fail("match.years", "应为 [起始年, 截止年]（可为 null）")
        kinds = self.words(raw.get("kinds"), "match.kinds") or ("决算",)
        forms = self.words(raw.get("forms"), "match.forms") or ("standard",)
        for k in kinds:
            self.choice(k, "match.kinds", KINDS)
        for f in forms:
            self.choice(f, "match.forms", FORMS)
        return Match(regions=self.words(raw.get("regions"), "match.regions"),
                     cities=self.words(raw.get("cities"), "match.cities"),
                     years=(self.year(years[0], "match.years"), self.year(years[1], "match.years")),
                     kinds=kinds, forms=forms)

    def layout(self, raw: Mapping) -> Layout:
        self.known(raw, "layout", ("parts", "tables", "headings", "carryover_in_funds", "seen_from"))
        parts = tuple(self.part(item, f"layout.parts[{i}]") for i, item in enumerate(raw.get("parts") or []))
        tables = tuple(self.table(item, f"layout.tables[{i}]") for i, item in enumerate(raw.get("tables") or []))
        for kind, items in (("parts", parts), ("tables", tables)):
            self.unique([x.key for x in items], f"layout.{kind}")
        return Layout(parts=parts, tables=tables, headings=self.words(raw.get("headings"), "layout.headings"),
                      carryover_in_funds=self.flag(raw.get("carryover_in_funds", False), "layout.carryover_in_funds"),
                      seen_from=self.year(raw.get("seen_from"), "layout.seen_from"))

    def part(self, raw: Any, key: str) -> PartSpec:
        raw = self.mapping(raw, key)
        self.known(raw, key, {f.name for f in dataclasses.fields(PartSpec)})
        if not raw.get("key") or not raw.get("title"):
            raise self.fail(key, "应有 key 与 title")
        return PartSpec(key=self.text(raw["key"], key + ".key"), title=self.text(raw["title"], key + ".title"),
                        variants=self.words(raw.get("variants"), key + ".variants"),
                        required=self.flag(raw.get("required", True), key + ".required"),
                        since=self.year(raw.get("since"), key + ".since"),
                        severity=self.choice(raw.get("severity", "error"), key + ".severity", ("error", "warning", "info")))

    def table(self, raw: Any, key: str) -> TableSpec:
        raw = self.mapping(raw, key)
        self.known(raw, key, {f.name for f in dataclasses.fields(TableSpec)})
        if not raw.get("key") or not raw.get("title"):
            raise self.fail(key, "应有 key 与 title")
        columns = self.column_list(raw.get("columns"), key + ".columns")
        rows = self.column_list(raw.get("rows"), key + ".rows")
        sums = self.sum_list(raw.get("sums"), key + ".sums", {c.name for c in columns})
        return TableSpec(key=self.text(raw["key"], key + ".key"), title=self.text(raw["title"], key + ".title"),
                         variants=self.words(raw.get("variants"), key + ".variants"),
                         required=self.flag(raw.get("required", True), key + ".required"),
                         since=self.year(raw.get("since"), key + ".since"),
                         columns=columns, rows=rows, sums=sums,
                         unit=self.choice(raw.get("unit", ""), key + ".unit", ("", "元", "万元")))

    def items(self, raw: Any, key: str) -> Iterator[tuple[str, Any]]:
        """(key of the item, item) of a list value (none when absent)."""
        if raw is None:
            return
        if not isinstance(raw, list):
            raise self.fail(key, "应为列表")
        for i, item in enumerate(raw):
            yield f"{key}[{i}]", item

    def unique(self, names: list[str], key: str) -> None:
        doubled = sorted({n for n in names if names.count(n) > 1})
        if doubled:
            raise self.fail(key, f"中 {'、'.join(doubled)} 重复")

    def column_list(self, raw: Any, key: str) -> tuple[ColumnSpec, ...]:
        """Columns (or rows) as names, or as {name, aliases, t1} mappings."""
        out = []
        for where, item in self.items(raw, key):
            if isinstance(item, Mapping):
                self.known(item, where, {f.name for f in dataclasses.fields(ColumnSpec)})
                if not item.get("name"):
                    raise self.fail(where, "应有 name")
                out.append(ColumnSpec(name=self.text(item["name"], where + ".name"),
                                      aliases=self.words(item.get("aliases"), where + ".aliases"),
                                      label=self.text(item.get("label"), where + ".label"),
                                      t1=self.text(item.get("t1"), where + ".t1")))
            else:
                out.append(ColumnSpec(name=self.text(item, where)))
        self.unique([c.name for c in out], key)
        return tuple(out)

    def sum_list(self, raw: Any, key: str, columns: set[str]) -> tuple[SumSpec, ...]:
        """Row totals as {total: 合计, parts: [基本支出, 项目支出]}, naming columns of the table."""
        out = []
        for where, item in self.items(raw, key):
            item = self.mapping(item, where)
            self.known(item, where, ("total", "parts"))
            total = self.text(item.get("total"), where + ".total")
            parts = self.words(item.get("parts"), where + ".parts")
            if not total or not parts:
                raise self.fail(where, "应有 total 与 parts")
            unknown = [n for n in (total, *parts) if n not in columns]
            if unknown:
                raise self.fail(where, f"中的 {'、'.join(unknown)} 不是该表 columns 中的列")
            out.append(SumSpec(total=total, parts=parts))
        return tuple(out)

    def narrative(self, raw: Mapping) -> NarrativeSettings:
        fields = {f.name: f for f in dataclasses.fields(NarrativeSettings)}
        self.known(raw, "narrative", fields)
        values: dict[str, Any] = {}
        for name, value in raw.items():
            key = f"narrative.{name}"
            if name in _CHOICES:
                values[name] = self.choice(value, key, _CHOICES[name])
            elif name == "thousands_separator":
                values[name] = self.flag(value, key)
            elif name in ("table_order", "grade_names"):
                values[name] = self.words(value, key)
            elif name == "table_titles":
                values[name] = {str(k): self.text(v, f"{key}.{k}") for k, v in self.mapping(value, key).items()}
            elif name == "phrases":
                values[name] = {str(k): self.phrase(v, f"{key}.{k}") for k, v in self.mapping(value, key).items()}
        bad = [k for k in values.get("table_order", ()) if k not in TABLE_TITLES]
        if bad:
            raise self.fail("narrative.table_order", f"中有未知的表 {'、'.join(bad)}")
        return NarrativeSettings(**values)

    def checks(self, raw: Mapping) -> dict[str, str]:
        out = {}
        for code, value in raw.items():
            key = f"checks.{code}"
            if isinstance(value, bool):
                raise self.fail(key, f"应为 {' / '.join(CHECK_SETTINGS)} 之一，现为 {str(value).lower()}")
            out[str(code)] = self.choice(str(value).lower() if isinstance(value, str) else value, key, CHECK_SETTINGS)
        return out
