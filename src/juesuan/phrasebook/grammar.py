"""The little template language of the phrasebook: one template renders a clause and parses it.

Where it sits: under ``phrasebook.patterns`` (which writes the templates) and above
``core.money``. ``render.py`` calls :meth:`Pattern.render`; ``parse.py`` calls
:meth:`Pattern.regex` and :meth:`Pattern.read`.

Template syntax (whitespace is not significant when parsing: text is compacted first)::

    收入总计{收入总计:amt}          a literal, then a slot: figure key ``收入总计``, kind ``amt``
    [{年:year}年度]                 optional part; rendered when all its slots have values
    [~为]                           optional part that is read but never written
    <总体|总计>                     alternatives; rendering takes the first
    {@.占比:pct}                    ``@`` stands for the subject in force (inherited in a sentence)

Slot kinds: ``amt`` (…万元), ``pct`` (…%, sign as printed), ``yoy`` (增加/减少 X万元，增长/下降
Y% or 持平; gives ``.增减`` and ``.增减率``), ``n<unit>`` (a count: ``n人``), ``dn<unit>``
(a signed count: 增加/减少 N人), ``num<unit>`` (a decimal with a unit: ``num平方米``), ``year``,
``klass`` (类名(类)), ``kname`` (a 类 name printed bare, “一般公共服务支出”科目: read as a klass),
``item`` (类名(类)款名(款)项名(项)), ``subitem`` (款名(款)项名(项), under a 类 named before it), ``grade``
(a short word in quotes).
Two figures written as one, on a key ``A&B``: ``pair`` ("收、支总计各是a,b万元": gives ``A`` and
``B``) and ``yoy2`` (各增加/减少 a,b万元，各增长/下降 p%、q%: gives ``A.增减``, ``B.增减``, ``A.增减率``,
``B.增减率``); both are read only, never written.
Amounts are read in 万元; a 说明 that states its money in 元 is read with each pattern's 元 variant
(``Pattern.regex(yuan=True)``), its amounts divided exactly by 10,000.
Punctuation is matched loosely (，/, ：/: （/( and so on), so one template reads both widths.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable, Mapping

from ..core import money
from ..core.keys import split

NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
PLAIN = r"\d+(?:\.\d+)?"
_PUNCT = {
    "，": "[，,]", ",": "[，,]", "：": "[：:]", ":": "[：:]", "；": "[；;]", ";": "[；;]",
    "（": "[（(]", "(": "[（(]", "）": "[）)]", ")": "[）)]", "、": "[、，,]",
    "“": "[“”\"‘’]?", "”": "[“”\"‘’]?", '"': "[“”\"‘’]?", "。": "[。.]",
}
_NAME = r"[^\d()（）。，,；;：:、.．“”\"%]"
#: Characters that end the name of an item or a class right before its 收入/支出 (工资福利, 补助, 商品和
#: 服务, 专项, 其他, 教育, 社会保障和就业, 事业, 卫生健康, 体育, 文化, 交通, 资源, 金融, 付息, 设施, 技术,
#: 安全, 环保, 经营, 上缴, 拨款, 基金, 基本, 项目, 经费; and the other 类: 外交, 国防, 节能环保, 城乡社区, 农林水,
#: 交通运输, …信息等, 粮油物资储备, 传媒, 灾害防治及应急管理, 债务发行费用): a total's clause ("支出预算181.8万元")
#: is not read inside one ("文化旅游体育与传媒支出预算34.03万元").
NAME_END = "利助务项他育障业康体化通源融息设术全护营缴款金本目费交防保区水输等备媒理用"
#: The words of a fall (减少, 下降, 降低, 减支, 减幅, 降幅, 减少率为 …); the others tell a rise.
_FALL = ("减", "下降", "降")


def _sign(word: str) -> int:
    """-1 for the word of a fall, 1 for a rise."""
    return -1 if word.startswith(_FALL) else 1


#: The word before an amount of change; 增 or 减 alone right after 上年 ("较上年增17.1万元").
_WAY_AMT = "增加|减少|增支|减支|(?:(?<=上年)|(?<=上年 ))[增减](?![加少长支幅])"
#: The word before a percentage change ("下降7%", "增幅17.18%", "增长率为8%", "增0.01%").
_WAY_PCT = "(?:增长|增加|减少|下降)率为|(?:增|减|降)幅为?|增长|下降|增加|减少|上升|降低|[增减](?![加少长支幅])"


def literal(text: str) -> str:
    """Regex for a literal run, punctuation of either width accepted."""
    return "".join(_PUNCT.get(c, re.escape(c)) for c in text if not c.isspace())


@dataclass(frozen=True, slots=True)
class Slot:
    key: str  # figure key, "@" meaning the subject in force
    kind: str
    group: str  # regex group prefix

    @property
    def unit(self) -> str:
        if self.kind in ("amt", "yoy", "yoy2", "pair"):
            return "万元"
        if self.kind == "pct":
            return "%"
        for prefix in ("dn", "num", "n"):
            if self.kind.startswith(prefix) and len(self.kind) > len(prefix):
                return self.kind[len(prefix):]
        return ""


def _slot_regex(slot: Slot, yuan: bool = False) -> str:
    """The slot's regex; ``yuan``: amounts printed in 元 (a document that states all its money so)."""
    g, kind = slot.group, slot.kind
    if kind in ("amt", "yoy", "pair", "yoy2") and yuan:
        return _slot_regex(slot).replace("万元", "元")
    if kind == "amt":
        return rf"[ \t]?(?<![\d.,])(?P<{g}>-?{NUM})[ \t]?万元"  # "费 0 万元": a copy may space the figure
    if kind == "pct":
        return rf"[ \t]?(?<![\d.])(?P<{g}>-?{PLAIN})[ \t]?%"
    if kind == "yoy":
        # the rate after its word ("，下降42.86%") or bare in brackets ("(42.86%)", signed as the amount)
        # or the rate before the amount ("增长14.5%，增支119万元")
        # ("增加了0.47万元,增加了11.52%": a 了 after the word)
        # ("较上年减少112.8万元,较上年减少2.48%", "同比增加8.25万元,同比增长2.8%": the comparison said
        # again before the rate)
        return (rf"(?:(?P<{g}d>{_WAY_AMT})(?:了|支出)?(?P<{g}a>{NUM})万元(?:[，,、]?(?:[较比]上年度?|同比)?(?P<{g}e>{_WAY_PCT})了?(?P<{g}p>-?{PLAIN})[ \t]?%"
                rf"|[（(](?P<{g}b>{PLAIN})[ \t]?%[）)])?"
                rf"|(?P<{g}r>{_WAY_PCT})了?(?P<{g}q>{PLAIN})[ \t]?%[，,、]?(?P<{g}c>{_WAY_AMT})了?(?P<{g}n>{NUM})万元"
                rf"|(?P<{g}f>(?:基本)?持平|无增减|无变化)"
                rf"|(?P<{g}w>{_WAY_PCT})了?(?P<{g}o>{PLAIN})[ \t]?%)")  # the rate alone ("…8014212.00元增长1.13%")
    if kind == "pair":
        return rf"(?<![\d.,])(?P<{g}a>{NUM})(?:万元)?[，,、和及与](?P<{g}b>{NUM})万元"
    if kind == "yoy2":
        return (rf"(?:各|分别)?(?P<{g}d>增加|减少)(?P<{g}a>{NUM})(?:万元)?[，,、和](?P<{g}b>{NUM})万元"
                rf"(?:[，,、；;]?(?:各|分别)?(?P<{g}e>{_WAY_PCT})(?P<{g}p>{PLAIN})[ \t]?%[，,、和](?P<{g}q>{PLAIN})[ \t]?%)?")
    if kind == "year":
        return rf"(?<!\d)(?P<{g}>(?:19|20)\d\d)"
    if kind == "klass":
        return rf"(?P<{g}>{_NAME}{{2,30}}?)[（(]类[）)]"
    if kind == "kname":
        return rf"(?P<{g}>{_NAME}{{2,30}}?)"
    if kind == "item":
        return (rf"(?P<{g}l>{_NAME}{{2,30}}?)[（(]类[）)](?P<{g}k>[^。，,；;：:]{{2,40}}?)[（(]款[）)]"
                rf"(?P<{g}x>[^。，,；;：:]{{2,60}}?)[（(]项[）)]")
    if kind == "subitem":
        return rf"(?P<{g}k>{_NAME}{{2,40}}?)[（(]款[）)](?P<{g}x>[^。，,；;：:]{{2,60}}?)[（(]项[）)]"
    if kind == "grade":
        return rf"[“\"]?(?P<{g}>[^”\"，,。；;]{{1,4}}?)[”\"]"
    # a count of people is not one of visits ("接待人次减少12461人次")
    unit = literal(slot.unit) + ("(?!次)" if slot.unit == "人" else "")
    if kind.startswith("dn"):
        return rf"(?P<{g}d>增加|减少)(?P<{g}a>\d+){unit}"
    if kind.startswith("num"):
        return rf"(?<![\d.,])(?P<{g}>{NUM}){unit}"
    if kind.startswith("n"):
        return rf"(?<![\d.,])(?P<{g}>\d+){unit}"
    raise ValueError(f"unknown slot kind {kind!r}")


# --------------------------------------------------------------------------- template parsing

@dataclass(frozen=True, slots=True)
class _Lit:
    text: str


@dataclass(frozen=True, slots=True)
class _Opt:
    parts: tuple
    shown: bool = True  # "[~…]" is read when present but never written


@dataclass(frozen=True, slots=True)
class _Alt:
    options: tuple[str, ...]


def _tokens(template: str, counter: list[int]) -> tuple:
    out: list = []
    i = 0
    while i < len(template):
        c = template[i]
        if c == "[":
            j = template.index("]", i)
            inner = template[i + 1:j]
            shown = not inner.startswith("~")
            out.append(_Opt(_tokens(inner.lstrip("~"), counter), shown))
            i = j + 1
        elif c == "<":
            j = template.index(">", i)
            out.append(_Alt(tuple(template[i + 1:j].split("|"))))
            i = j + 1
        elif c == "{":
            j = template.index("}", i)
            key, _, kind = template[i + 1:j].partition(":")
            out.append(Slot(key, kind, f"s{counter[0]}"))
            counter[0] += 1
            i = j + 1
        else:
            out.append(_Lit(c))
            i += 1
    return tuple(out)


def _regex(parts: tuple, yuan: bool = False) -> str:
    out = []
    for p in parts:
        if isinstance(p, _Lit):
            out.append(literal(p.text))
        elif isinstance(p, _Opt):
            out.append(f"(?:{_regex(p.parts, yuan)})?")
        elif isinstance(p, _Alt):
            out.append("(?:" + "|".join(literal(o) for o in p.options) + ")")
        else:
            out.append(_slot_regex(p, yuan))
    return "".join(out)


def _slots(parts: tuple) -> list[Slot]:
    out: list[Slot] = []
    for p in parts:
        if isinstance(p, Slot):
            out.append(p)
        elif isinstance(p, _Opt):
            out.extend(_slots(p.parts))
    return out


# --------------------------------------------------------------------------- reading

@dataclass(frozen=True, slots=True)
class Reading:
    """One figure (or name) read from a slot: key relative to ``@``, value, unit, offsets."""

    key: str
    value: Decimal | str | tuple[str, ...]
    unit: str
    start: int
    end: int
    kind: str


def _number(text: str) -> Decimal:
    value = money.parse_amount(text)
    if value is None:  # pragma: no cover - regex guarantees digits
        raise money.MoneyError(text)
    return value


def _in_yuan(text: str) -> Decimal:
    return money.yuan_to_wan(_number(text))


def _read_slot(slot: Slot, m: re.Match, yuan: bool = False) -> list[Reading]:
    """The figures a slot read; amounts in 万元 (``yuan``: printed in 元, divided exactly)."""
    g, kind = slot.group, slot.kind
    cash = _in_yuan if yuan else _number  # an amount; rates and counts are read as printed
    if kind == "yoy":
        if m.group(g + "f") is not None:
            if m.group(g + "f").startswith("基本"):
                return []  # "与上年基本持平" after "增加0.7万元": no change exactly nil
            s, e = m.span(g + "f")
            return [Reading(_join(slot.key, "增减"), Decimal("0.00"), "万元", s, e, "flat"),
                    Reading(_join(slot.key, "增减率"), Decimal("0.00"), "%", s, e, "flat")]
        if m.group(g + "c") is not None:  # the rate first
            return [Reading(_join(slot.key, "增减率"), _sign(m.group(g + "r")) * _number(m.group(g + "q")),
                            "%", *m.span(g + "q"), "yoy"),
                    Reading(_join(slot.key, "增减"), _sign(m.group(g + "c")) * cash(m.group(g + "n")),
                            "万元", *m.span(g + "n"), "yoy")]
        if m.group(g + "o") is not None:
            return [Reading(_join(slot.key, "增减率"), _sign(m.group(g + "w")) * _number(m.group(g + "o")),
                            "%", *m.span(g + "o"), "yoy")]
        if m.group(g + "d") is None:
            return []
        sign = _sign(m.group(g + "d"))
        out = [Reading(_join(slot.key, "增减"), sign * cash(m.group(g + "a")), "万元",
                       *m.span(g + "a"), "yoy")]
        if m.group(g + "p") is not None:
            psign = _sign(m.group(g + "e"))
            out.append(Reading(_join(slot.key, "增减率"), psign * _number(m.group(g + "p")), "%",
                               *m.span(g + "p"), "yoy"))
        elif m.group(g + "b") is not None:
            out.append(Reading(_join(slot.key, "增减率"), sign * _number(m.group(g + "b")), "%",
                               *m.span(g + "b"), "yoy"))
        return out
    if kind == "pair":
        return [Reading(k, cash(m.group(g + part)), "万元", *m.span(g + part), "amt")
                for k, part in zip(slot.key.split("&"), "ab")]
    if kind == "yoy2":
        if m.group(g + "d") is None:
            return []
        first, second = slot.key.split("&")
        sign = _sign(m.group(g + "d"))
        out = [Reading(_join(k, "增减"), sign * cash(m.group(g + part)), "万元", *m.span(g + part), "yoy")
               for k, part in ((first, "a"), (second, "b"))]
        if m.group(g + "p") is not None:
            psign = _sign(m.group(g + "e"))
            out += [Reading(_join(k, "增减率"), psign * _number(m.group(g + part)), "%", *m.span(g + part), "yoy")
                    for k, part in ((first, "p"), (second, "q"))]
        return out
    if kind.startswith("dn"):
        if m.group(g + "d") is None:
            return []
        sign = _sign(m.group(g + "d"))
        return [Reading(slot.key, sign * Decimal(m.group(g + "a")), slot.unit, *m.span(g + "a"), kind)]
    if kind == "item":
        if m.group(g + "l") is None:
            return []
        names = (m.group(g + "l"), m.group(g + "k"), m.group(g + "x"))
        return [Reading(slot.key, names, "", *m.span(g + "l"), kind)]
    if kind == "subitem":
        if m.group(g + "k") is None:
            return []
        return [Reading(slot.key, (m.group(g + "k"), m.group(g + "x")), "", *m.span(g + "k"), kind)]
    text = m.group(g)
    if text is None:
        return []
    if kind in ("klass", "grade"):
        return [Reading(slot.key, text, "", *m.span(g), kind)]
    if kind == "kname":
        return [Reading(slot.key, text, "", *m.span(g), "klass")]
    if kind == "year":
        return [Reading(slot.key, text, "", *m.span(g), kind)]
    return [Reading(slot.key, (cash if kind == "amt" else _number)(text), slot.unit, *m.span(g), kind)]


def _join(subject: str, suffix: str) -> str:
    return f"{subject}.{suffix}"


# --------------------------------------------------------------------------- the pattern

Values = Mapping[str, object]


@dataclass(frozen=True, slots=True)
class Pattern:
    """A clause of the narrative, usable both ways.

    ``anchor``: the subject this clause names for the clauses after it in the same sentence
    ("" → the subject of its first absolute slot key; "@" → it names none).
    ``fixed``: statements the clause makes without a number (``无下属预算单位`` → 0 个).
    ``variant``: recorded from another region, used for parsing only.
    ``not_after``: characters that must not come right before the clause ("算" keeps
    "财政拨款收入…" from being read inside "一般公共预算财政拨款收入…").
    ``after``: characters one of which must come right before it (an enumeration mark).
    ``not_before``: characters that must not come right after it ("结" keeps the name
    "一般公共预算拨款" from being read inside "一般公共预算拨款结转").
    ``strict``: read only under one of its ``topics``, never where the section is not known (a
    budget's clauses, whose topics the parser does not tell from a budget's headings yet).
    """

    name: str
    template: str
    topics: tuple[str, ...] = ()
    anchor: str = ""
    fixed: tuple[tuple[str, str, str], ...] = ()
    variant: bool = False
    not_after: str = ""
    after: str = ""
    not_before: str = ""
    strict: bool = False
    _parts: tuple = field(default=(), repr=False, compare=False)
    _compiled: re.Pattern | None = field(default=None, repr=False, compare=False)
    _compiled_yuan: re.Pattern | None = field(default=None, repr=False, compare=False)
    _slot_list: tuple = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        parts = _tokens(self.template, [0])
        object.__setattr__(self, "_parts", parts)
        object.__setattr__(self, "_slot_list", tuple(_slots(parts)))

    @property
    def slots(self) -> list[Slot]:
        return list(self._slot_list)

    def regex(self, yuan: bool = False) -> re.Pattern:
        """The compiled pattern, compiled at first use: a process reading one document compiles only
        the patterns its sections try (a 决算 never compiles the budget-only ones). ``yuan``: the
        pattern of a document that prints its amounts in 元."""
        name = "_compiled_yuan" if yuan else "_compiled"
        if getattr(self, name) is None:
            guard = f"(?<![{re.escape(self.not_after)}])" if self.not_after else ""
            guard += f"(?<=[{re.escape(self.after)}])" if self.after else ""
            tail = f"(?![{re.escape(self.not_before)}])" if self.not_before else ""
            object.__setattr__(self, name, re.compile(guard + _regex(self._parts, yuan) + tail))
        return getattr(self, name)

    def subject(self) -> str:
        """The subject this clause sets for later clauses ("" when it sets none)."""
        if self.anchor == "@":
            return ""
        if self.anchor:
            return self.anchor
        for slot in self.slots:
            if not slot.key.startswith("@") and slot.kind not in ("year", "grade"):
                return split(slot.key)[0]
        return ""

    def read(self, m: re.Match, yuan: bool = False) -> list[Reading]:
        out: list[Reading] = []
        for slot in self.slots:
            out.extend(_read_slot(slot, m, yuan))
        return out

    def render(self, fill: Callable[[Slot], str | None]) -> str | None:
        """Text of the clause; ``fill`` gives each slot's text (None: not available).

        Returns None when a required slot has no text; optional parts without text drop out.
        """
        return _render(self._parts, fill)


def _render(parts: tuple, fill: Callable[[Slot], str | None]) -> str | None:
    out = []
    for p in parts:
        if isinstance(p, _Lit):
            out.append(p.text)
        elif isinstance(p, _Alt):
            out.append(p.options[0])
        elif isinstance(p, _Opt):
            if not p.shown:
                continue
            text = _render(p.parts, fill)
            if text is not None:
                out.append(text)
        else:
            text = fill(p)
            if text is None:
                return None
            out.append(text)
    return "".join(out)
