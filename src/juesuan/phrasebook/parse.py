"""Read a published 公开说明 back into figure keys with the phrasebook's own clauses.

Where it sits: the auditor's side of the phrasebook. A reader (text, docx, pdf, html) hands
over the document as lines with their spans; :func:`parse_narrative` recognises the headings,
reads every clause of :mod:`phrasebook.patterns` sentence by sentence, and returns the
``model.Narrative`` (sections, statements with spans), the stated reasons and other texts.

Rules kept here: numbers are never paired across sentences (a sentence ends at 。！？); an
amount counts only with its unit; years are never amounts; a relative clause (占…, 增加…,
预决算差异率…) takes the subject named last in its sentence, else the section's own subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Sequence

from ..core.codes import OUTDATED_NAMES, CodeTable, function_codes
from ..core.model import Narrative, Section, Span, Statement
from ..core.profiles import Profile
from . import patterns as pb
from .grammar import Pattern, Reading

_DIGITS = str.maketrans("０１２３４５６７８９．－＋％", "0123456789.-+%")
_SPACE = set(" \t\u3000\u00a0\r\n")
_CN = "一二三四五六七八九十"
_PART = re.compile(rf"^第([{_CN}]+)部分(.*)$")
_LEVEL2 = re.compile(rf"^([{_CN}]+)[、.．](.+)$")
_LEVEL3 = re.compile(rf"^[（(]([{_CN}]+)[）)](.+)$")
_TITLE = re.compile(r"^(.*?)((?:19|20)\d\d)年度?部门决算")
_YEAR_ONLY = re.compile(r"^((?:19|20)\d\d)年度?部门决算")
_TERMINATORS = "。！？!?：:；;"
_SENTENCE_END = "。！？!?"
_BUDGET_SUFFIXES = (".年初预算", ".全年预算", ".预决算差异率", "." + pb.COMPLETION)


@dataclass(frozen=True, slots=True)
class ParsedNarrative:
    """What the 公开说明 states: sections, figures (with spans), reasons and texts."""

    narrative: Narrative
    reasons: dict[str, str] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    unit_name: str = ""
    year: int | None = None
    #: Chinese notes on what could not be read (a 项 name not in the code table, …).
    warnings: tuple[str, ...] = ()


def cn_number(text: str) -> int:
    """一 → 1, 十二 → 12, 二十 → 20."""
    digits = {c: i + 1 for i, c in enumerate(_CN[:9])}
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + digits.get(text[1:], 0)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return digits.get(tens, 0) * 10 + digits.get(ones, 0)
    return digits.get(text, 0)


# --------------------------------------------------------------------------- compacted text

@dataclass(slots=True)
class _Text:
    """Text with whitespace removed and digits narrowed, mapped back to (line, offset)."""

    chars: list[str] = field(default_factory=list)
    where: list[tuple[int, int]] = field(default_factory=list)

    def add(self, line_no: int, raw: str) -> None:
        for i, c in enumerate(raw):
            if c in _SPACE:
                continue
            self.chars.append(c.translate(_DIGITS))
            self.where.append((line_no, i))

    @property
    def text(self) -> str:
        return "".join(self.chars)


def _compact(raw: str) -> str:
    return "".join(c.translate(_DIGITS) for c in raw if c not in _SPACE)


# --------------------------------------------------------------------------- code names

def _norm_name(name: str) -> str:
    return name.replace("(", "（").replace(")", "）").strip()


class _Names:
    """类/款/项 names → codes, walking 类 → 款 under it → 项 under that."""

    def __init__(self, table: CodeTable):
        self.table = table
        self.klasses = {_norm_name(table.name_of(c) or ""): c for c in table.codes() if len(c) == 3}
        for old, new in OUTDATED_NAMES.items():
            if new in self.klasses:
                self.klasses.setdefault(old, self.klasses[new])

    def klass(self, name: str) -> str | None:
        name = _norm_name(name)
        for i in range(len(name)):  # the longest known suffix (a number or word may precede it)
            if name[i:] in self.klasses:
                return self.klasses[name[i:]]
        return None

    def child(self, parent: str, name: str) -> str | None:
        name = _norm_name(name)
        for code in self.table.children(parent):
            if _norm_name(self.table.name_of(code) or "") == name:
                return code
        alias = OUTDATED_NAMES.get(name)
        if alias:
            return self.child(parent, alias)
        return None


# --------------------------------------------------------------------------- the reader

class _Reader:
    def __init__(self, lines: Sequence[tuple[str, Span]], code_year: int):
        self.lines = [(str(t or ""), s if s is not None else Span()) for t, s in lines]
        self.names = _Names(function_codes(code_year))
        self.statements: list[Statement] = []
        self.reasons: dict[str, str] = {}
        self.texts: dict[str, str] = {}
        self.warnings: list[str] = []
        self.year: int | None = None
        self.unit_name = ""

    # ----------------------------------------------------------------- structure
    def run(self) -> ParsedNarrative:
        sections: list[Section] = []
        glossary: list[tuple[str, str]] = []
        part = topic = None
        part_no = 0
        sec_key, sec_title, sec_span, sec_lines = "0", "", None, []
        blocks: list[tuple[str | None, str | None, list[int]]] = []  # (topic, part, lines)
        current: list[int] = []
        l2_key = "0"

        def close() -> None:
            if sec_title or sec_lines:
                text = "\n".join(self.lines[i][0].strip() for i in sec_lines)
                sections.append(Section(key=sec_key, title=sec_title, text=text, span=sec_span))
            blocks.append((topic, part, list(current)))

        for no, (raw, span) in enumerate(self.lines):
            compact = _compact(raw)
            if not compact:
                current.append(no)
                continue
            heading = self._heading(compact, part, topic)
            if heading is not None:
                level, number, title, new_part, new_topic = heading
                close()
                current = []
                sec_lines = []
                sec_title, sec_span = raw.strip(), replace(span, excerpt=raw.strip())
                if level == 1:
                    part, topic, part_no = new_part, None, number
                    sec_key = str(part_no)
                elif level == 2:
                    topic = new_topic
                    l2_key = sec_key = f"{part_no}.{number}"
                else:
                    topic = new_topic
                    sec_key = f"{l2_key}.{number}"
                continue
            if part is None and not self.unit_name:
                self._title(compact, no)
            sec_lines.append(no)
            current.append(no)
            if part == "名词解释" or topic == "名词解释":
                m = re.match(rf"^[{_CN}]+[、.．](.{{1,30}}?)[：:](.+)$", compact)
                if m:
                    glossary.append((m.group(1), raw.strip().split("：", 1)[-1].split(":", 1)[-1].strip()))
        close()

        for block_topic, block_part, numbers in blocks:
            if block_topic is None and block_part in ("名词解释", "报表"):
                continue
            for paragraph in self._paragraphs(numbers):
                self._paragraph(paragraph, block_topic)
        for section in sections:
            self._section_texts(section)

        narrative = Narrative(
            sections=tuple(sections),
            statements=tuple(self.statements),
            glossary=tuple(glossary),
            text="\n".join(t for t, _ in self.lines),
            lines=tuple(replace(s, excerpt=t.strip()) if not s.excerpt else s for t, s in self.lines),
        )
        return ParsedNarrative(narrative=narrative, reasons=self.reasons, texts=self.texts,
                               unit_name=self.unit_name, year=self.year, warnings=tuple(self.warnings))

    def _heading(self, compact: str, part: str | None, topic: str | None):
        m = _PART.match(compact)
        if m and len(compact) <= 60:
            return 1, cn_number(m.group(1)), m.group(2), pb.part_of(m.group(2)) or "", None
        if len(compact) > 45 or part in ("名词解释", "报表"):
            return None
        m = _LEVEL2.match(compact)
        if m:
            new = pb.topic_of(m.group(2))
            if new is not None:
                return 2, cn_number(m.group(1)), m.group(2), part, new
        m = _LEVEL3.match(compact)
        if m and topic is not None:
            new = pb.topic_of(m.group(2), parent=topic)
            if new is not None:
                return 3, cn_number(m.group(1)), m.group(2), part, new
        return None

    def _title(self, compact: str, no: int) -> None:
        m = _TITLE.match(compact)
        if m and m.group(1):
            self.unit_name, self.year = m.group(1), int(m.group(2))
            return
        m = _YEAR_ONLY.match(compact)
        if m:
            self.year = int(m.group(1))
            for back in range(no - 1, -1, -1):
                prev = _compact(self.lines[back][0])
                if prev:
                    self.unit_name = prev
                    break

    def _paragraphs(self, numbers: list[int]) -> list[list[int]]:
        out: list[list[int]] = []
        current: list[int] = []
        for no in numbers:
            raw = self.lines[no][0]
            compact = _compact(raw)
            cell = raw.startswith("\t")
            if not compact or cell:
                if current:
                    out.append(current)
                current = [no] if compact else []
                if cell and current:
                    out.append(current)
                    current = []
                continue
            if current and _compact(self.lines[current[-1]][0])[-1:] in _TERMINATORS:
                out.append(current)
                current = []
            current.append(no)
        if current:
            out.append(current)
        return out

    def _section_texts(self, section: Section) -> None:
        topic = pb.topic_of(section.title.lstrip("一二三四五六七八九十、（）() "))
        names = {"概况.职能": "主要职能", "概况.机构": "机构设置", "政府性基金": "政府性基金",
                 "国有资本": "国有资本经营", "其他事项": "其他事项"}
        if topic in names and section.text.strip():
            self.texts.setdefault(names[topic], section.text.strip())

    # ----------------------------------------------------------------- sentences
    def _paragraph(self, numbers: list[int], topic: str | None) -> None:
        text = _Text()
        for no in numbers:
            text.add(no, self.lines[no][0])
        s = text.text
        applicable = [p for p in pb.ALL if pb.applies(p, topic)]
        events: list[tuple[str, str]] = []  # (subject, 增减 | 预决算) in reading order
        reason: tuple[str, int] | None = None  # (key, start) of the reason being read
        carried: str | None = None
        for start, end in _sentences(s):
            found = _select(applicable, s, start, end)
            marker = re.compile(pb.REASON_MARKER).search(s, start, end)
            if reason is not None:
                if not found:
                    continue
                self._reason(text, reason[0], reason[1], start)
                reason = None
            cut = marker.start() if marker else end
            subject = carried
            for m_start, pattern, m in found:
                if m_start >= cut:
                    break
                subject = self._clause(pattern, m, subject, topic, text, start, end, events)
                if subject and subject.startswith("项."):
                    carried = subject
            self._text_markers(s, start, cut, subject, topic, text)
            if marker:
                key = self._reason_key(s, marker, subject, topic, events)
                if key:
                    reason = (key, marker.end())
        if reason is not None:
            self._reason(text, reason[0], reason[1], len(s))
        if topic == "绩效":
            self._performance_texts(s, text)

    def _clause(self, pattern: Pattern, m: re.Match, subject: str | None, topic: str | None,
                text: _Text, s_start: int, s_end: int, events: list) -> str | None:
        readings = pattern.read(m)
        names = [r for r in readings if r.kind in ("item", "klass")]
        if names:
            subject = self._resolve(names[0], text)
        elif pattern.subject():
            subject = pattern.subject()
        for r in readings:
            if r.kind in ("item", "klass"):
                continue
            if r.kind == "year":
                self.year = self.year or int(str(r.value))
                continue
            key = self._key(r.key, subject, topic)
            if key is None:
                continue
            if r.kind == "flat" and not _flat_is_yoy(text.text[s_start:m.start()]):
                continue
            if r.kind == "grade":
                self.texts.setdefault(key, str(r.value))
                continue
            self._state(key, r, text, s_start, s_end)
            if r.kind in ("yoy", "flat") or r.kind.startswith("dn"):
                events.append((key.rsplit(".", 1)[0], "增减"))
            elif key.endswith(_BUDGET_SUFFIXES):
                events.append((key.rsplit(".", 1)[0], "预决算"))
        for key, value, unit in pattern.fixed:
            r = Reading(key, Decimal(value), unit, m.start(), m.end(), "fixed")
            self._state(key, r, text, s_start, s_end)
        return subject

    @staticmethod
    def _key(relative: str, subject: str | None, topic: str | None) -> str | None:
        if not relative.startswith("@"):
            return relative
        base = subject or pb.DEFAULT_SUBJECT.get(topic or "")
        return base + relative[1:] if base else None

    def _resolve(self, r: Reading, text: _Text) -> str | None:
        if r.kind == "klass":
            code = self.names.klass(str(r.value))
            if code is None:
                self.warnings.append(f"未能识别的类级科目名称：{r.value}")
                return None
            return f"类.{code}"
        klass_name, kuan_name, item_name = r.value  # type: ignore[misc]
        klass = self.names.klass(klass_name)
        kuan = self.names.child(klass, kuan_name) if klass else None
        item = self.names.child(kuan, item_name) if kuan else None
        if item is None:
            where = self._where(text, r.start)
            self.warnings.append(f"{where}未能在{self.names.table.name}科目表中找到：{klass_name}(类){kuan_name}(款)"
                                 f"{item_name}(项)")
            return None
        return f"项.{item}"

    def _where(self, text: _Text, index: int) -> str:
        no, _ = text.where[min(index, len(text.where) - 1)]
        return self.lines[no][1].describe() + " " if self.lines[no][1].describe() else ""

    def _state(self, key: str, r: Reading, text: _Text, s_start: int, s_end: int) -> None:
        self.statements.append(Statement(key=key, value=r.value, unit=r.unit,  # type: ignore[arg-type]
                                         span=self._span(text, r.start, r.end, s_start, s_end)))

    def _span(self, text: _Text, start: int, end: int, s_start: int, s_end: int) -> Span:
        no, first = text.where[start]
        last_no, last = text.where[max(end - 1, start)]
        raw, base = self.lines[no]
        stop = last + 1 if last_no == no else len(raw)
        lo_no, lo = text.where[s_start]
        hi_no, hi = text.where[max(s_end - 1, s_start)]
        begin = lo if lo_no == no else 0
        finish = hi + 1 if hi_no == no else len(raw)
        excerpt = raw[begin:finish].strip()
        if len(excerpt) > 120:
            around = max(first - begin - 40, 0)
            excerpt = excerpt[around:around + 120]
        return replace(base, start=first, end=stop, excerpt=excerpt)

    # ----------------------------------------------------------------- words
    def _reason_key(self, s: str, marker: re.Match, subject: str | None, topic: str | None,
                    events: list[tuple[str, str]]) -> str | None:
        before = s[max(marker.start() - 12, 0):marker.start()]
        if "差异原因" in marker.group(0) and subject == "三公.固定资产车辆":
            return "三公.固定资产车辆.差异"
        if "预算数" in before:
            base = subject or pb.DEFAULT_SUBJECT.get(topic or "")
            return f"{base}.预决算" if base else None
        if re.search(r"(?:增加|减少|增长|下降)[）)]?$", before) and subject:
            return f"{subject}.增减"
        if events:
            return f"{events[-1][0]}.{events[-1][1]}"
        base = subject or pb.DEFAULT_SUBJECT.get(topic or "")
        return f"{base}.增减" if base else None

    def _original(self, text: _Text, start: int, end: int) -> str:
        """The printed text between two compact positions (spaces inside lines kept)."""
        if start >= end:
            return ""
        pieces = []
        (a_no, a), (b_no, b) = text.where[start], text.where[end - 1]
        for no in range(a_no, b_no + 1):
            raw = self.lines[no][0]
            lo = a if no == a_no else 0
            hi = b + 1 if no == b_no else len(raw)
            pieces.append(raw[lo:hi].strip())
        return "".join(pieces)

    def _reason(self, text: _Text, key: str, start: int, end: int) -> None:
        words = self._original(text, start, end).strip().rstrip("。；;，, ")
        if words and key not in self.reasons:
            self.reasons[key] = words

    def _text_markers(self, s: str, start: int, end: int, subject: str | None, topic: str | None,
                      text: _Text) -> None:
        for regex, key, topics in pb.TEXT_MARKERS:
            if topic is not None and not any(topic == t or topic.startswith(t + ".") for t in topics):
                continue
            m = re.compile(regex).search(s, start, end)
            if not m:
                continue
            full = self._key(key, subject, topic)
            if full is None:
                continue
            words = self._original(text, m.end(), end).rstrip("。；;，, ")
            if words:
                self.texts.setdefault(full, words)

    def _performance_texts(self, s: str, text: _Text) -> None:
        hits = []
        for regex, key in pb.PERFORMANCE_TEXTS:
            m = re.search(regex, s)
            if m:
                hits.append((m.start(), m.end(), key))
        hits.sort()
        for i, (_, end, key) in enumerate(hits):
            stop = hits[i + 1][0] if i + 1 < len(hits) else len(s)
            words = self._original(text, end, stop).strip().rstrip("。 ")
            if words:
                self.texts.setdefault(key, words)


def _flat_is_yoy(before: str) -> bool:
    """持平 states an unchanged year-on-year figure only after a comparison with last year
    (not in "决算数与预算数基本持平", nor in a template's "如持平作持平表述")."""
    if "预算数" in before or before.endswith("作") or "如" in before[-3:]:
        return False
    return any(w in before for w in ("上年", "相比", "比20", "与20", "年度"))


def _sentences(s: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for i, c in enumerate(s):
        if c in _SENTENCE_END:
            out.append((start, i + 1))
            start = i + 1
    if start < len(s):
        out.append((start, len(s)))
    return out


def _select(applicable: list[Pattern], s: str, start: int, end: int) -> list[tuple[int, Pattern, re.Match]]:
    """Matches in one sentence; where two overlap the longer wins."""
    candidates = []
    for order, pattern in enumerate(applicable):
        for m in pattern.regex().finditer(s, start, end):
            if m.end() > m.start():
                candidates.append((m.end() - m.start(), -order, m.start(), pattern, m))
    candidates.sort(key=lambda c: (-c[0], c[2], -c[1]))
    taken: list[tuple[int, int]] = []
    chosen = []
    for length, _, m_start, pattern, m in candidates:
        m_end = m_start + length
        if any(m_start < b and a < m_end for a, b in taken):
            continue
        taken.append((m_start, m_end))
        chosen.append((m_start, pattern, m))
    chosen.sort(key=lambda c: c[0])
    return chosen


def parse_narrative(lines: Sequence[tuple[str, Span]], profile: Profile | None = None, *,
                    code_year: int = 2024) -> ParsedNarrative:
    """Read the 公开说明 given as (line text, span) pairs; see the module docstring."""
    del profile  # every region's recorded variants are read; the profile does not narrow them
    return _Reader(lines, code_year).run()
