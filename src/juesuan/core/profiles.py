"""Profiles: the region/year/kind differences, as data, never as forked code.

A profile is a YAML file (shipped in ``juesuan/profiles`` or given as a path). ``base:`` names a
profile whose values it overrides (deep merge; a list replaces the base's list). Its parts:

``match``      which documents it describes: ``regions`` (province-level names, empty = any),
               ``years`` ([first, last], either may be null), ``kinds`` (决算 / 预算), ``forms``
               (standard / university / hospital); used to pick a profile for a document
``layout``     the parts and tables such a document has: title variants, which are required
               (from which report year), so completeness is judged against the document's own
               layout (:class:`Layout`)
``narrative``  sentence and wording settings of the phrasebook (:class:`NarrativeSettings`)
``scoring``    绩效 scoring parameters (:mod:`.scoring_policy`, docs/scoring.md)
``checks``     per-code or per-check overrides: ``{CODE: off | error | warning | info}``
``glossary``   which 名词解释 set to print

The file is validated once, at load, into one frozen :class:`Profile` that every layer receives:
an unknown key, a value of the wrong kind or outside its choices is an :class:`InputError` that
names the file and the key. YAML is read with YAML 1.2 booleans (only ``true``/``false``), so
``CODE: off`` means the string "off", as the docs say.

Where it sits: core. Reading a file here is the one I/O of the layer, done once per name (cached).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Mapping

import yaml

from . import scoring_policy
from .findings import InputError
from .model import TABLE_TITLES

DEFAULT_PROFILE = "xinjiang-2024"
KINDS = ("决算", "预算")
FORMS = ("standard", "university", "hospital")
CHECK_SETTINGS = ("off", "error", "warning", "info")


# --------------------------------------------------------------------------- the typed profile

@dataclass(frozen=True, slots=True)
class TableSpec:
    """A table of the layout: its key (T1…), standard title, other titles seen in print."""

    key: str
    title: str
    variants: tuple[str, ...] = ()
    required: bool = True
    since: int | None = None  # required only for report years from this one on

    @property
    def names(self) -> tuple[str, ...]:
        return (self.title,) + self.variants

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

    def table(self, key: str) -> TableSpec | None:
        return next((t for t in self.tables if t.key == key), None)

    def part(self, key: str) -> PartSpec | None:
        return next((p for p in self.parts if p.key == key), None)


@dataclass(frozen=True, slots=True)
class Match:
    """Which documents a profile describes (empty / None = any)."""

    regions: tuple[str, ...] = ()
    years: tuple[int | None, int | None] = (None, None)
    kinds: tuple[str, ...] = ("决算",)
    forms: tuple[str, ...] = ("standard",)

    def accepts(self, region: str, year: int | None, kind: str, form: str) -> bool:
        first, last = self.years
        return ((not self.regions or region in self.regions)
                and (year is None or ((first is None or year >= first) and (last is None or year <= last)))
                and (not kind or kind in self.kinds)
                and (not form or form in self.forms))

    def specificity(self) -> int:
        """More specific profiles win: a named region counts most, then a year range."""
        return 4 * bool(self.regions) + (self.years != (None, None))


@dataclass(frozen=True, slots=True)
class NarrativeSettings:
    """How the phrasebook words and reads the 说明 (docs: the comments of profiles/national.yaml)."""

    table_order: tuple[str, ...] = tuple(TABLE_TITLES)
    table_titles: Mapping[str, str] = field(default_factory=dict)
    skeleton: str = "xinjiang"  # section order and titles: xinjiang | shanghai
    style: str = "national"  # sentence forms: xinjiang | shanghai | national
    budget_wording: str = "gap"  # gap | completion
    unchanged: str = "flat"  # flat (持平) | zero (增加0.00万元，增长0.00%)
    zero_base: str = "hundred"  # hundred (增长100.00%) | none (no percentage from a zero base)
    thousands_separator: bool = True
    budget_basis: str = "initial"  # initial | full_year
    sangong_budget_basis: str = "full_year"
    operating_cost: str = "public_funds"  # public_funds | daily_public
    grade_names: tuple[str, ...] = ("优", "良", "中", "差")


#: The choices of each narrative setting (settings not listed take any value of their type).
_CHOICES = {
    "skeleton": ("xinjiang", "shanghai"),
    "style": ("xinjiang", "shanghai", "national"),
    "budget_wording": ("gap", "completion"),
    "unchanged": ("flat", "zero"),
    "zero_base": ("hundred", "none"),
    "budget_basis": ("initial", "full_year"),
    "sangong_budget_basis": ("initial", "full_year"),
    "operating_cost": ("public_funds", "daily_public"),
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

    def phrase(self, name: str, default: Any = None) -> Any:
        """A narrative setting by name (``default`` when it is unset)."""
        value = getattr(self.narrative, name)
        return default if value is None else value

    def for_year(self, year: int | None) -> "Profile":
        """The same profile applied to a document of ``year`` (the code tables and the wording of
        years follow the document, never a hard-coded year)."""
        return self if not year or year == self.year else dataclasses.replace(self, year=year)


# --------------------------------------------------------------------------- loading

class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser when PyYAML has it: ~50× faster
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
        return _read_file(path), str(path), path.stem
    if name_or_path not in shipped_profiles():
        known = "、".join(shipped_profiles())
        raise InputError(f"未知的配置 {name_or_path}（可选：{known}，或给出 YAML 文件路径）")
    text = resources.files("juesuan").joinpath("profiles", f"{name_or_path}.yaml").read_text(encoding="utf-8")
    return text, name_or_path, name_or_path


def _read_file(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}：无法读取配置文件（{exc.strerror or exc.__class__.__name__}）") from exc
    for encoding in ("utf-8-sig", "utf-16", "gb18030"):
        if encoding == "utf-16" and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{path}：配置文件不是可识别的文本编码（请保存为 UTF-8）")


def _raw(name_or_path: str, seen: tuple[str, ...] = ()) -> dict:
    if name_or_path in seen:
        raise InputError(f"配置 {name_or_path}：base 循环引用")
    text, source, default_name = _text_of(name_or_path)
    try:
        data = yaml.load(text, Loader=_Loader) or {}
    except yaml.YAMLError as exc:
        raise InputError(f"{source}：不是有效的 YAML（{exc.__class__.__name__}）") from exc
    except RecursionError:
        raise InputError(f"{source}：YAML 嵌套层次过深，无法读取") from None
    if not isinstance(data, dict):
        raise InputError(f"{source}：配置应为键值映射")
    base = data.pop("base", None)
    own_name = data.get("name")
    if base:
        data = _merge(_raw(str(base), seen + (name_or_path,)), data)
    data["name"] = own_name or default_name  # a profile never inherits its base's name
    data["source"] = source
    return data


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
        data = _merge(_raw(str(base)), data)
    data["name"] = own_name or "custom"
    source = source or str(data["name"])
    data["source"] = source
    return _Validator(source).profile(data)


def select_profile(region: str, year: int | None, kind: str = "决算", form: str = "standard") -> str:
    """The name of the shipped profile that best describes a document of that region, year, kind
    and form: the most specific one whose ``match`` accepts it (national when none is specific)."""
    best: tuple[int, str] | None = None
    for name in shipped_profiles():
        m = load_profile(name).match
        if m.accepts(region, year, kind, form):
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
                     years=(self.year(years[0], "match.years"), self.year(years[1], "match.years")),
                     kinds=kinds, forms=forms)

    def layout(self, raw: Mapping) -> Layout:
        self.known(raw, "layout", ("parts", "tables"))
        parts = tuple(self.part(item, f"layout.parts[{i}]") for i, item in enumerate(raw.get("parts") or []))
        tables = tuple(self.table(item, f"layout.tables[{i}]") for i, item in enumerate(raw.get("tables") or []))
        for kind, items in (("parts", parts), ("tables", tables)):
            keys = [x.key for x in items]
            doubled = sorted({k for k in keys if keys.count(k) > 1})
            if doubled:
                raise self.fail(f"layout.{kind}", f"中 {'、'.join(doubled)} 重复")
        return Layout(parts=parts, tables=tables)

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
        return TableSpec(key=self.text(raw["key"], key + ".key"), title=self.text(raw["title"], key + ".title"),
                         variants=self.words(raw.get("variants"), key + ".variants"),
                         required=self.flag(raw.get("required", True), key + ".required"),
                         since=self.year(raw.get("since"), key + ".since"))

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
