"""The 绩效 scoring policy: every knob of ``rules.scoring``, read from a profile's ``scoring:``.

Where it sits: core, beside ``profiles``, which builds it once when a profile is loaded
(:func:`build`) and keeps it as ``Profile.scoring``; ``rules.scoring`` (the engine) reads it.
Each parameter is validated and a bad key is named in one Chinese line (``InputError``);
``docs/scoring.md`` documents each parameter, its default per profile and its source.
Thresholds and band bounds are percent (60 means 60%).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Mapping

from .findings import InputError
from .money import D, MoneyError

#: Scoring rules (赋分规则) by the label printed in the table.
PROPORTIONAL, SATISFACTION, DIRECT, JUDGED = "按照完成比例赋分", "满意度赋分", "直接赋分", "按评判等级赋分"
RULES = (PROPORTIONAL, SATISFACTION, DIRECT, JUDGED)
OVER_MODES = ("cap", "deduct")
REVERSE_MODES = ("mof", "mechanical")


@dataclass(frozen=True, slots=True)
class Band:
    """A grade of 按评判等级赋分: the words that name it, its range of score shares, its default."""

    name: str
    words: tuple[str, ...]
    low: Decimal  # percent of the weight, inclusive
    high: Decimal  # percent of the weight, inclusive
    share: Decimal  # percent of the weight the engine gives


_DEFAULT_BANDS = (
    Band("达成", ("达到预期指标", "达到预期目标", "达到预期", "已达成", "达成", "已完成", "完成", "达标", "是"),
         Decimal(80), Decimal(100), Decimal(100)),
    Band("部分达成", ("部分达到预期指标", "部分达到预期目标", "基本达到预期指标", "部分达成", "基本达成",
                   "基本达到", "部分完成", "基本完成"), Decimal(50), Decimal(80), Decimal(50)),
    Band("未达成", ("未达到预期指标", "未达到预期目标", "未达成", "未完成", "未达标", "否"),
         Decimal(0), Decimal(50), Decimal(0)),
)

_DEFAULT_REVERSE_KEYWORDS = ("投诉", "事故", "差错", "违规", "违纪", "被通报", "超支", "失误", "缺陷")


@dataclass(frozen=True, slots=True)
class Policy:
    """All scoring parameters. Defaults are the national (财政部) reading; see docs/scoring.md."""

    name: str = "national"
    title: str = ""  # the profile's title, for messages
    execution_weight: Decimal = Decimal(10)
    execution_threshold: Decimal = Decimal(0)  # 执行率 below this (percent) scores 0
    proportional_threshold: Decimal = Decimal(0)  # 完成率 below this (percent) scores 0
    over: str = "cap"  # completion over 100%: cap (full marks) | deduct (weight·(2 − r))
    reverse_mode: str = "mof"  # mof: met → full, else weight·target/actual | mechanical: r = actual/target
    reverse_comparators: tuple[str, ...] = ("<=", "<")
    reverse_cost: bool = True  # 成本指标 rows are reverse indicators
    reverse_keywords: tuple[str, ...] = _DEFAULT_REVERSE_KEYWORDS
    satisfaction_threshold: Decimal = Decimal(0)
    direct_unmet_share: Decimal = Decimal(0)  # percent of the weight when a deadline is missed
    judged_bands: tuple[Band, ...] = _DEFAULT_BANDS
    grade_bands: tuple[tuple[str, Decimal], ...] = (
        ("优", Decimal(90)), ("良", Decimal(80)), ("中", Decimal(60)), ("差", Decimal(0)))
    #: Per-kind policies ("整体" / "项目") built from ``scoring.kinds``; empty in the per-kind ones.
    kinds: Mapping[str, "Policy"] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """How messages name the policy: the profile's title, else its name."""
        return self.title or self.name

    def for_kind(self, kind: str) -> "Policy":
        return self.kinds.get(kind, self)

    def grade(self, total: Decimal | None) -> str:
        if total is None:
            return ""
        for name, low in self.grade_bands:
            if total >= low:
                return name
        return self.grade_bands[-1][0]

    def band_of(self, words: str) -> Band | None:
        """The 评判等级 band whose words match ``words`` (longest word wins)."""
        best: tuple[int, Band] | None = None
        for band in self.judged_bands:
            for w in band.words:
                if w and (words == w or (len(w) > 1 and w in words)) and (best is None or len(w) > best[0]):
                    best = (len(w), band)
        return best[1] if best else None

    @classmethod
    def from_profile(cls, profile: Any = None) -> "Policy":
        """The policy of a profile (a :class:`~juesuan.core.profiles.Profile`, a shipped name or a YAML
        path, None for the default), or of a bare ``scoring`` mapping."""
        from .profiles import Profile, load_profile

        if isinstance(profile, Mapping):
            raw = dict(profile)
            return build(raw, str(raw.pop("name", "custom")), "", None, "scoring")
        if not isinstance(profile, Profile):
            profile = load_profile(profile) if profile else load_profile()
        return profile.scoring


def build(scoring: Mapping[str, Any], name: str, title: str, names: Any, source: str) -> Policy:
    """The policy of a profile's ``scoring:`` mapping (``names``: the profile's grade names)."""
    scoring = dict(scoring)
    kinds_raw = scoring.pop("kinds", None) or {}
    if not isinstance(kinds_raw, Mapping):
        raise InputError(f"{source}：scoring.kinds 应为键值映射（整体/项目 → 参数）")
    base = Policy(**{**_fields(_build(name, scoring, names, source, "scoring")), "title": title})
    kinds = {}
    for kind, over in kinds_raw.items():
        if not isinstance(over, Mapping):
            raise InputError(f"{source}：scoring.kinds.{kind} 应为键值映射")
        built = _build(name, _merge(scoring, over), names, source, f"scoring.kinds.{kind}")
        kinds[str(kind)] = Policy(**{**_fields(built), "title": title})
    return Policy(**{**_fields(base), "kinds": kinds})


def _fields(p: Policy) -> dict:
    return {f: getattr(p, f) for f in Policy.__dataclass_fields__}


def _merge(base: Mapping, over: Mapping) -> dict:
    out = dict(base)
    for k, v in over.items():
        out[k] = _merge(out[k], v) if isinstance(v, Mapping) and isinstance(out.get(k), Mapping) else v
    return out


_KNOWN = {"execution", "proportional", "reverse", "satisfaction", "direct", "judged", "grade_bands",
          "grade_names", "kinds", "name"}


def _build(name: str, raw: Mapping[str, Any], names: Any, source: str, path: str) -> Policy:
    unknown = sorted(set(raw) - _KNOWN)
    if unknown:
        raise InputError(f"{source}：{path} 下有未知的评分参数 {'、'.join(map(str, unknown))}")
    get = _Getter(raw, source, path)
    kw: dict[str, Any] = {"name": name}
    kw["execution_weight"] = get.number("execution", "weight", Decimal(10))
    kw["execution_threshold"] = get.percent("execution", "threshold", Decimal(0))
    kw["proportional_threshold"] = get.percent("proportional", "threshold", Decimal(0))
    kw["over"] = get.choice("proportional", "over", "cap", OVER_MODES)
    kw["reverse_mode"] = get.choice("reverse", "mode", "mof", REVERSE_MODES)
    kw["reverse_comparators"] = get.words("reverse", "comparators", ("<=", "<"))
    kw["reverse_cost"] = get.flag("reverse", "cost_indicators", True)
    kw["reverse_keywords"] = get.words("reverse", "keywords", _DEFAULT_REVERSE_KEYWORDS)
    kw["satisfaction_threshold"] = get.percent("satisfaction", "threshold", Decimal(0))
    kw["direct_unmet_share"] = get.percent("direct", "unmet_share", Decimal(0))
    kw["judged_bands"] = get.bands()
    thresholds = raw.get("grade_bands", [90, 80, 60])
    grade_names = raw.get("grade_names") or names or ["优", "良", "中", "差"]
    if not isinstance(thresholds, list) or not isinstance(grade_names, list):
        raise InputError(f"{source}：{path}.grade_bands 与 grade_names 应为列表")
    if len(grade_names) != len(thresholds) + 1:
        raise InputError(f"{source}：{path}.grade_names 应比 grade_bands 多一个（最后一个为最低等级）")
    lows = [get.as_number(t, "grade_bands") for t in thresholds]
    if lows != sorted(lows, reverse=True):
        raise InputError(f"{source}：{path}.grade_bands 应从高到低排列")
    kw["grade_bands"] = tuple(zip(map(str, grade_names), lows + [Decimal(0)]))
    return Policy(**kw)


class _Getter:
    """Reads ``raw[section][key]`` with a default and a clear message naming the key."""

    def __init__(self, raw: Mapping[str, Any], source: str, path: str):
        self.raw, self.source, self.path = raw, source, path

    def _section(self, section: str) -> Mapping[str, Any]:
        value = self.raw.get(section) or {}
        if not isinstance(value, Mapping):
            raise InputError(f"{self.source}：{self.path}.{section} 应为键值映射")
        return value

    def _fail(self, key: str, what: str) -> InputError:
        return InputError(f"{self.source}：{self.path}.{key} {what}")

    def as_number(self, value: Any, key: str) -> Decimal:
        if isinstance(value, float):
            value = repr(value)
        try:
            return D(value)
        except MoneyError:
            raise self._fail(key, f"应为数值，现为 {value!r}") from None

    def number(self, section: str, key: str, default: Decimal) -> Decimal:
        value = self._section(section).get(key)
        if value is None:
            return default
        number = self.as_number(value, f"{section}.{key}")
        if number < 0:
            raise self._fail(f"{section}.{key}", "不能为负数")
        return number

    def percent(self, section: str, key: str, default: Decimal) -> Decimal:
        number = self.number(section, key, default)
        if number > 100:
            raise self._fail(f"{section}.{key}", "是百分数，应在 0 到 100 之间")
        return number

    def choice(self, section: str, key: str, default: str, options: tuple[str, ...]) -> str:
        value = self._section(section).get(key, default)
        if value not in options:
            raise self._fail(f"{section}.{key}", f"应为 {' 或 '.join(options)}，现为 {value!r}")
        return str(value)

    def flag(self, section: str, key: str, default: bool) -> bool:
        value = self._section(section).get(key, default)
        if not isinstance(value, bool):
            raise self._fail(f"{section}.{key}", "应为 true 或 false")
        return value

    def words(self, section: str, key: str, default: tuple[str, ...]) -> tuple[str, ...]:
        value = self._section(section).get(key)
        if value is None:
            return default
        if not isinstance(value, list):
            raise self._fail(f"{section}.{key}", "应为列表")
        return tuple(str(v) for v in value)

    def bands(self) -> tuple[Band, ...]:
        value = self._section("judged").get("bands")
        if value is None:
            return _DEFAULT_BANDS
        if not isinstance(value, list) or not value:
            raise self._fail("judged.bands", "应为非空列表")
        out = []
        for i, item in enumerate(value):
            key = f"judged.bands[{i}]"
            if not isinstance(item, Mapping) or "name" not in item:
                raise self._fail(key, "应含 name、words、low、high、share")
            low = self.as_number(item.get("low", 0), key + ".low")
            high = self.as_number(item.get("high", 100), key + ".high")
            share = self.as_number(item.get("share", low), key + ".share")
            if not Decimal(0) <= low <= share <= high <= Decimal(100):
                raise self._fail(key, "应满足 0 ≤ low ≤ share ≤ high ≤ 100")
            words = item.get("words") or [item["name"]]
            if not isinstance(words, list):
                raise self._fail(key + ".words", "应为列表")
            out.append(Band(str(item["name"]), tuple(str(w) for w in words), low, high, share))
        return tuple(out)
