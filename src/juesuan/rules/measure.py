"""Indicator values as people write them in a 绩效自评表: "=2种", ">=98%", "<=309.78万元",
"不低于90%", "达到预期指标", "8月31日前", "2024年12月10日".

Where it sits: rules, below ``scoring``. :func:`parse_measure` turns one cell's text into a
:class:`Measure` (comparator, Decimal number and unit, or a date, or a qualitative word); it never
raises on odd text — a value it cannot interpret comes back with ``kind == "unreadable"`` and a
Chinese ``problem``. :func:`convert` brings two units to a common scale (万元 ↔ 元, 万页 ↔ 页).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from decimal import Decimal, InvalidOperation

from ..core.money import normalize_digits

#: Measure kinds.
BLANK, NUMBER, DATE, QUALITY, UNREADABLE = "blank", "number", "date", "quality", "unreadable"

# Written comparators → canonical ("=", ">=", "<=", ">", "<"). Longest first when matching.
_PREFIX_COMPARATORS = {
    "大于或等于": ">=", "大于等于": ">=", "不低于": ">=", "不少于": ">=", "不小于": ">=", "至少": ">=",
    "小于或等于": "<=", "小于等于": "<=", "不高于": "<=", "不超过": "<=", "不多于": "<=", "不大于": "<=",
    "至多": "<=", "控制在": "<=",
    ">=": ">=", "=>": ">=", "≥": ">=", "≧": ">=",
    "<=": "<=", "=<": "<=", "≤": "<=", "≦": "<=",
    "==": "=", "=": "=", "约": "=", "达到": "=", "达": "=", "为": "=",
    "大于": ">", "超过": ">", "高于": ">", "多于": ">", ">": ">",
    "小于": "<", "低于": "<", "少于": "<", "<": "<",
}
_PREFIXES = sorted(_PREFIX_COMPARATORS, key=len, reverse=True)
_SUFFIX_COMPARATORS = {"及以上": ">=", "以上": ">=", "及以下": "<=", "以下": "<=", "以内": "<="}
_SUFFIXES = sorted(_SUFFIX_COMPARATORS, key=len, reverse=True)
# Full-width comparator signs people type in Word.
_SIGNS = str.maketrans({"＝": "=", "＞": ">", "＜": "<", "：": ":", "　": " "})

_NUMBER = re.compile(r"^([+-]?\d[\d,]*(?:\.\d+)?|[+-]?\.\d+)(.*)$")
_UNIT = re.compile(r"^[^\d\s,.;:；，。、()（）=<>]{1,6}$")
_DEADLINE = ("之前", "以前", "前")
_DATE_FULL = re.compile(r"^(\d{4})(?:[-./](\d{1,2})(?:[-./](\d{1,2}))?)$")
_DATE_CN = re.compile(
    r"^(?:(\d{4})年)?(?:(\d{1,2})月(?:(\d{1,2})日|(底|末))?)?$"
)
_YEAR_END = re.compile(r"^(?:(\d{4})年)?(年底|年末|年内)$")
_DONE_WORDS = ("完成", "完工", "截止", "止")
_SPACES = re.compile(r"\s+")


class MeasureError(ValueError):
    """A value that had to be a number or a date could not be read as one."""


@dataclass(frozen=True, slots=True)
class Measure:
    """One indicator value as written, interpreted.

    ``kind`` is ``"number"`` (``value`` and ``unit`` set), ``"date"`` (``date`` set as
    (year, month, day), each possibly None; ``deadline`` when written "…前"), ``"quality"``
    (``quality`` holds the words, e.g. "达到预期指标"), ``"blank"`` (nothing written: "", "-", "/")
    or ``"unreadable"`` (``problem`` says why).
    """

    text: str
    kind: str
    comparator: str = ""  # "=", ">=", "<=", ">", "<" or "" when none is written
    value: Decimal | None = None
    unit: str = ""
    date: tuple[int | None, int | None, int | None] | None = None
    deadline: bool = False
    quality: str = ""
    problem: str = ""

    @property
    def is_number(self) -> bool:
        return self.kind == NUMBER

    def require_number(self) -> Decimal:
        """The number, or :class:`MeasureError` naming the text."""
        if self.kind != NUMBER or self.value is None:
            raise MeasureError(f"“{self.text}”不是数值")
        return self.value


_BLANK_TEXTS = {"", "-", "—", "－", "–", "——", "/", "／", "无"}


def _strip_comparator(s: str) -> tuple[str, str]:
    for prefix in _PREFIXES:
        if s.startswith(prefix) and len(s) > len(prefix):
            return _PREFIX_COMPARATORS[prefix], s[len(prefix):].strip()
    return "", s


def _strip_suffix(s: str) -> tuple[str, str]:
    for suffix in _SUFFIXES:
        if s.endswith(suffix) and len(s) > len(suffix):
            return _SUFFIX_COMPARATORS[suffix], s[: -len(suffix)].strip()
    return "", s


def _month_end(year: int | None, month: int) -> int:
    if month == 2:
        if year is None:
            return 29
        return 29 if (year % 4 == 0 and year % 100 != 0) or year % 400 == 0 else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _parse_date(s: str) -> tuple[tuple[int | None, int | None, int | None], bool] | None:
    """(year, month, day) and whether it is a deadline, or None when ``s`` is not a date."""
    deadline = False
    for word in _DONE_WORDS:
        if s.endswith(word) and len(s) > len(word):
            s = s[: -len(word)]
            break
    for word in _DEADLINE:
        if s.endswith(word) and len(s) > len(word):
            s, deadline = s[: -len(word)], True
            break
    m = _YEAR_END.match(s)
    if m:
        year = int(m.group(1)) if m.group(1) else None
        return (year, 12, 31), True
    m = _DATE_FULL.match(s)
    if m and m.group(2):
        year, month = int(m.group(1)), int(m.group(2))
        day = int(m.group(3)) if m.group(3) else None
        return _valid((year, month, day), deadline)
    m = _DATE_CN.match(s)
    if m and (m.group(1) or m.group(2)):
        year = int(m.group(1)) if m.group(1) else None
        month = int(m.group(2)) if m.group(2) else None
        day = int(m.group(3)) if m.group(3) else None
        if m.group(4) and month is not None:
            day = _month_end(year, month)
        return _valid((year, month, day), deadline)
    return None


def _valid(date: tuple[int | None, int | None, int | None], deadline: bool):
    year, month, day = date
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and (month is None or not 1 <= day <= _month_end(year, month)):
        return None
    return date, deadline


def parse_measure(text: object) -> Measure:
    """Interpret one 目标值 / 业绩值 cell. Never raises; see :class:`Measure`."""
    return _parse_text("" if text is None else str(text))


@lru_cache(maxsize=4096)
def _parse_text(raw: str) -> Measure:
    """:func:`parse_measure` of a string; cached, as the checks read each cell several times
    (a :class:`Measure` is frozen, so sharing one is safe)."""
    s = normalize_digits(raw).translate(_SIGNS).strip().replace("\u00a0", "")
    s = _SPACES.sub("", s)
    if s in _BLANK_TEXTS:
        return Measure(raw, BLANK)
    comparator, body = _strip_comparator(s)
    suffix_cmp, body = _strip_suffix(body)
    comparator = comparator or suffix_cmp
    if comparator in ("=", "") and s.startswith("达") and not re.search(r"\d", body):
        # "达到预期指标" is a qualitative grade, not "= 预期指标".
        comparator, body = "", s
    dated = _parse_date(body)
    if dated is not None:
        date, deadline = dated
        if comparator in ("<=", "<"):
            deadline = True
        return Measure(raw, DATE, comparator, date=date, deadline=deadline)
    m = _NUMBER.match(body)
    if m:
        number, unit = m.group(1).replace(",", ""), m.group(2).strip()
        unit = unit.strip("（）()")
        try:
            value = Decimal(number)
        except InvalidOperation:
            value = None
        if value is not None and (unit == "" or _UNIT.match(unit)):
            return Measure(raw, NUMBER, comparator, value=value, unit=unit)
        return Measure(raw, UNREADABLE, comparator, problem=f"无法识别的数值或单位“{raw.strip()}”")
    if re.search(r"\d", body):
        return Measure(raw, UNREADABLE, comparator, problem=f"无法识别的指标值“{raw.strip()}”")
    # Qualitative: keep the words without a leading "=".
    words = s[1:] if s.startswith("=") else s
    return Measure(raw, QUALITY, "", quality=words)


# --------------------------------------------------------------------------- units

_MONEY_SCALE = {"元": Decimal(1), "千元": Decimal(1000), "万元": Decimal(10000), "亿元": Decimal(100000000)}


def convert(value: Decimal, unit: str, to_unit: str) -> Decimal | None:
    """``value`` in ``unit`` expressed in ``to_unit``; None when the units are not comparable.

    A missing unit on one side is taken to be the other side's (people drop it on the actual).
    """
    if unit == to_unit or not unit or not to_unit:
        return value
    if unit in _MONEY_SCALE and to_unit in _MONEY_SCALE:
        return value * _MONEY_SCALE[unit] / _MONEY_SCALE[to_unit]
    for prefix, factor in (("万", Decimal(10000)), ("亿", Decimal(100000000))):
        if unit == prefix + to_unit:
            return value * factor
        if to_unit == prefix + unit:
            return value / factor
    return None


def date_bounds(
    date: tuple[int | None, int | None, int | None], year: int | None
) -> tuple[tuple[int, int, int], tuple[int, int, int]] | None:
    """Earliest and latest day a possibly partial date stands for; None without any year."""
    y, m, d = date
    y = y if y is not None else year
    if y is None:
        return None
    if m is None:
        return (y, 1, 1), (y, 12, 31)
    if d is None:
        return (y, m, 1), (y, m, _month_end(y, m))
    return (y, m, d), (y, m, d)
