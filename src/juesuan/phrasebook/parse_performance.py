"""What a 绩效自评表's 实际完成情况 text says of its own indicators: the value (or the completion
date) written right after an indicator's name ("培育龙头企业30家", "项目完成时间5月23日前").

Where it sits: the phrasebook's reading of the 绩效 tables' free text, as ``parse`` reads the
公开说明. Readers call :func:`read_evaluation_texts` once per disclosure (``io.readers``: published
documents and preparers' data alike); the result is ``Evaluation.claims`` (kind 指标值), which
the check P-ACHIEVED-TEXT compares with each row's 业绩值. A value is kept only when the text
gives exactly one for that name, in the unit of the row's 业绩值 (money converted to it).
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from ..core.model import DATE_PART, INDICATOR_VALUE, Claim, Disclosure, Evaluation, Span
from ..core.money import D
from ..rules.measure import DATE, NUMBER, convert, parse_measure

_MONEY = ("万元", "元", "千元", "亿元")
_LEAD = re.compile(r"^(?:达到|达|为|是|共|：|:)?\s*(\d[\d,]*(?:\.\d+)?)")
_SEPARATORS = "、，,；;。）)\n"
_DATE_AFTER = re.compile(r"(?:为|是|在|于|：|:)?\s*((?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?(?:之前|以前|前)?|\d{4}年(?:底|末|前)?)")
_TIME_WORDS = ("时间", "时限", "日期")
_TRAILING_NOTE = re.compile(r"[（(][^（）()]*[）)]$")


def _base(name: str) -> str:
    """An indicator's name without a trailing note in brackets; "" when too short to look for."""
    base = _TRAILING_NOTE.sub("", name).strip()
    return base if len(base) >= 4 else ""


def stated_number(text: str, name: str, unit: str) -> tuple[Decimal, int, int] | None:
    """The number the text writes right after ``name`` (in ``unit``) and where the name and number
    stand; None when absent or ambiguous."""
    base = _base(name)
    if not base:
        return None
    found: dict[Decimal, tuple[int, int]] = {}
    for m in re.finditer(re.escape(base), text):
        after = text[m.end():m.end() + 40]
        lead = _LEAD.match(after)
        if not lead:
            continue
        rest = after[lead.end():]
        value: Decimal | None = D(lead.group(1))
        if unit and rest.startswith(unit):
            tail = rest[len(unit):]
        elif unit in _MONEY and rest.startswith(_MONEY):
            written = next(u for u in sorted(_MONEY, key=len, reverse=True) if rest.startswith(u))
            value, tail = convert(value, written, unit), rest[len(written):]
        elif not unit:
            tail = rest
        else:
            continue
        if tail and tail[0] not in _SEPARATORS:
            continue
        found.setdefault(value, (m.start(), m.end() + len(after) - len(tail)))
    return _only(found)


def _only(found: dict) -> tuple | None:
    """(value, start, end) of the one value found; None when none or several."""
    if len(found) != 1:
        return None
    value, (start, end) = found.popitem()
    return value, start, end


def _name_variants(base: str) -> tuple[str, ...]:
    """"项目完成时限" → also "项目完成时间", "项目完成日期": the text often swaps these words."""
    for word in _TIME_WORDS:
        if base.endswith(word):
            return tuple(base[: -len(word)] + w for w in _TIME_WORDS)
    return (base,)


def stated_date(text: str, name: str) -> tuple[str, int, int] | None:
    """The date the text writes right after ``name`` ("项目完成时间5月23日前") and where the name and
    date stand; None when absent or ambiguous."""
    base = _base(name)
    if not base:
        return None
    found: dict[str, tuple[int, int]] = {}
    for variant in _name_variants(base):
        for m in re.finditer(re.escape(variant), text):
            date = _DATE_AFTER.match(text, m.end())
            if date is None:
                continue
            tail = text[date.end():date.end() + 1]
            if tail and tail not in _SEPARATORS:
                continue
            found.setdefault(date.group(1), (m.start(), date.end()))
    return _only(found)


def read_achieved(ev: Evaluation) -> Evaluation:
    """``ev`` with ``claims``: for each indicator whose 业绩值 is a number or a date, what the
    实际完成情况 text writes after its name (parts: the unit, or 日期; amounts: the number)."""
    claims: list[Claim] = []
    where = ev.sources.get("achieved")
    for ind in ev.indicators if ev.achieved else ():
        actual = parse_measure(ind.actual)
        if actual.kind == DATE:
            date = stated_date(ev.achieved, ind.name)
            if date:
                written, start, end = date
                claims.append(Claim(INDICATOR_VALUE, ind.name, written, parts=(DATE_PART,),
                                    span=_words(where, ev.achieved, start, end)))
        elif actual.kind == NUMBER:
            number = stated_number(ev.achieved, ind.name, actual.unit)
            if number is not None:
                value, start, end = number
                claims.append(Claim(INDICATOR_VALUE, ind.name, f"{value.normalize():f}{actual.unit}", parts=(actual.unit,),
                                    amounts=(value,), span=_words(where, ev.achieved, start, end)))
    return replace(ev, claims=tuple(claims))


def _words(where: Span | None, text: str, start: int, end: int) -> Span | None:
    """The 实际完成情况 span narrowed to the words about one indicator (its name and value)."""
    return None if where is None else replace(where, excerpt=text[start:end], start=0, end=end - start)


def read_evaluation_texts(d: Disclosure) -> Disclosure:
    """``d`` with every evaluation's claims read (see :func:`read_achieved`)."""
    if not d.evaluations:
        return d
    return replace(d, evaluations=tuple(read_achieved(ev) for ev in d.evaluations))
