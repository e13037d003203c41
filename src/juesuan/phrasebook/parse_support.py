"""Helpers of ``phrasebook.parse``: compacted text with a map back to lines, code names, sentences.

Where it sits: below ``phrasebook.parse`` only. No I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from ..core import numerals
from ..core.codes import OUTDATED_NAMES, CodeTable
from .grammar import Pattern

_DIGITS = str.maketrans("０１２３４５６７８９．－＋％", "0123456789.-+%")
_SPACE = set(" \t\u3000\u00a0\r\n")
CN = "一二三四五六七八九十"
SENTENCE_END = "。！？!?"
#: Words that open the next passage and do not belong to a reason before them.
LEAD_IN = re.compile(r"[。；;]?\s*(?:其中|具体情况如下|具体如下|具体说明如下)[：:]?\s*$")
#: The subject of a 类/项 name that is not in the code table: clauses after it are not read.
UNRESOLVED = "?"
#: The subject lost in a sentence (an amount no clause read came after it): relative clauses
#: are not read until a subject is named again; unlike UNRESOLVED, never carried on.
ADRIFT = "??"


def cn_number(text: str) -> int:
    """一 → 1, 十二 → 12, 二十 → 20 (0 for what is no numeral)."""
    return numerals.cn_number(text) or 0


@dataclass(slots=True)
class Compact:
    """Text with whitespace removed and digits narrowed, mapped back to (line, offset)."""

    chars: list[str] = field(default_factory=list)
    where: list[tuple[int, int]] = field(default_factory=list)

    def add(self, line_no: int, raw: str) -> None:
        dropped = _dropped(raw)
        for i, c in enumerate(raw):
            if c in _SPACE or i in dropped:
                continue
            self.chars.append(c.translate(_DIGITS))
            self.where.append((line_no, i))

    @property
    def text(self) -> str:
        return "".join(self.chars)


def compact(raw: str) -> str:
    dropped = _dropped(raw)
    return "".join(c.translate(_DIGITS) for i, c in enumerate(raw) if c not in _SPACE and i not in dropped)


#: Words a template puts between a 类's name and its amount ("社会保障和就业支出类科目 116433.12 元").
_FILLER_WORDS = re.compile(r"(?<=支出)[ \t\u3000]*类科目")


def _dropped(raw: str) -> set[int]:
    """Offsets of the template words the reader passes over (:data:`_FILLER_WORDS`)."""
    return {i for m in _FILLER_WORDS.finditer(raw) for i in range(m.start(), m.end())}


_ENUMERATION = re.compile(r"^(?:[\d一二三四五六七八九十]{1,3}[.、．]|[（(][\d一二三四五六七八九十]{1,3}[）)])")


def _norm_name(name: str) -> str:
    return name.replace("(", "（").replace(")", "）").strip()


class Names:
    """类/款/项 names → codes, walking 类 → 款 under it → 项 under that."""

    def __init__(self, table: CodeTable):
        self.table = table
        self.klasses = {_norm_name(table.name_of(c) or ""): c for c in table.codes() if len(c) == 3}
        for old, new in OUTDATED_NAMES.items():
            if new in self.klasses:
                self.klasses.setdefault(old, self.klasses[new])
        self.children: dict[str, dict[str, str]] = {}  # parent code → {name: code}, filled as asked

    def klass(self, name: str) -> str | None:
        name = _norm_name(name)
        for i in range(len(name)):  # the longest known suffix (a number or word may precede it)
            if name[i:] in self.klasses:
                return self.klasses[name[i:]]
        return None

    def child(self, parent: str, name: str) -> str | None:
        name = _ENUMERATION.sub("", _norm_name(name))  # "1.审计事务": a numbered line's 款
        if parent not in self.children:
            self.children[parent] = {_norm_name(self.table.name_of(c) or ""): c for c in reversed(self.table.children(parent))}
        code = self.children[parent].get(name)
        if code is not None:
            return code
        alias = OUTDATED_NAMES.get(name)
        if alias:
            return self.child(parent, alias)
        return None

    def item(self, klass_name: str, kuan_name: str, item_name: str) -> str | None:
        klass = self.klass(klass_name)
        kuan = self.child(klass, kuan_name) if klass else None
        return self.child(kuan, item_name) if kuan else None


#: An amount printed in 元 (not 万元, 亿元 or 千元: the figure is right before 元) and one in 万元.
_YUAN = re.compile(r"\d[ \t]?元")
_WAN = re.compile(r"\d[ \t]?万元")


def in_yuan(texts: Sequence[str]) -> bool:
    """The 说明 states its money in 元: three amounts or more so, and at most one in five in 万元 (a
    rule's "单价100万元以上" aside); then every amount is read in 元 and kept in 万元."""
    yuan = wan = 0
    for t in texts:
        yuan += len(_YUAN.findall(t))
        wan += len(_WAN.findall(t))
    return yuan >= 3 and wan * 5 <= yuan


def sentences(s: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; a sentence ends at 。！？, not inside brackets ("（…400万元。）比上年…")."""
    out, start = [], 0
    for i, c in enumerate(s):
        if c in SENTENCE_END and not s.startswith((")", "）"), i + 1):
            out.append((start, i + 1))
            start = i + 1
    if start < len(s):
        out.append((start, len(s)))
    return out


def select(applicable: list[Pattern], s: str, start: int, end: int, yuan: bool = False) -> list[tuple[int, Pattern, re.Match]]:
    """Matches in one sentence, in order; where two overlap the longer wins (``yuan``: amounts in 元)."""
    candidates = []
    for order, pattern in enumerate(applicable):
        for m in pattern.regex(yuan).finditer(s, start, end):
            if m.end() > m.start():
                candidates.append((m.end() - m.start(), order, m.start(), pattern, m))
    candidates.sort(key=lambda c: (-c[0], c[2], c[1]))
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


# --------------------------------------------------------------------------- whose figure is it

_SPECIAL_HINTS = {
    "收支总计": ("总计", "总体"),
    "收入总计": ("收入总计", "收入总", "收、支总计", "收支总计"),
    "支出总计": ("支出总计", "支出总", "收、支总计", "收支总计"),
    "财政拨款收支总计": ("财政拨款收入支出总", "财政拨款收支总", "财政拨款收入支出"),
    "本年收入合计": ("本年收入", "收入合计"),  # "2021年度收入合计10911万元"
    "本年支出合计": ("本年支出", "支出合计", "本年收入"),  # "本年收入1095.76万元,支出1193.35万元"
    "使用非财政拨款结余": ("非财政拨款结余", "事业基金弥补"),
    "年初结转和结余": ("年初结转",),
    "年末结转和结余": ("年末结转",),
    "年初财政拨款结转和结余": ("年初财政拨款结转",),
    "年末财政拨款结转和结余": ("年末财政拨款结转",),
    "财政拨款收入总计": ("财政拨款收入总计", "财政拨款收入支出总计"),
    "财政拨款支出总计": ("财政拨款支出总计", "财政拨款收入支出总计", "财政拨款收入总计"),  # (…收入总计X万元，支出总计X万元)
    "收入.财政拨款收入": ("财政拨款",),
    "收入.一般公共预算财政拨款收入": ("一般公共预算财政拨款",),
    "收入.政府性基金预算财政拨款收入": ("政府性基金预算财政拨款",),
    "收入.国有资本经营预算财政拨款收入": ("国有资本经营预算财政拨款",),
    "三公.合计": ("三公",),
    "三公.公务用车购置及运行维护费": ("公务用车购置及运行", "运行维护费及公务用车购置", "运行维护费及购置"),
    "三公.出国团组": ("团组",), "三公.出国人次": ("人次",), "三公.购置车辆": ("购置",), "三公.保有车辆": ("保有", "共有公务用车"),
    "三公.固定资产车辆": ("固定资产",), "三公.接待批次": ("批次",), "三公.接待人次": ("人次",),
    "政府采购.总额": ("采购",),
    "政府采购.预留中小企业": ("中小企业",), "政府采购.其他中小企业": ("中小企业",),
    "人员.下属单位": ("下属", "单位"), "人员.科室": ("科室", "内设", "处室"),
    "资产.房屋面积": ("房屋",), "资产.房屋价值": ("房屋",), "资产.车辆价值": ("车辆",), "资产.大型设备": ("设备",),
}
#: The words a budget's 说明 names the same subjects with ("收入预算", "一般公共预算拨款支出预算",
#: "公务用车购置及运行费", "财政拨款运行经费"), added to the hints above.
_BUDGET_HINTS = {
    "收入总计": ("收入预算", "预算收入", "预算总收入", "收入比", "年初预算数"),
    "支出总计": ("支出预算", "预算支出", "预算总支出", "支出比", "年初预算数"),
    "收支总计": ("总预算", "预算指标"),
    "财政拨款收支总计": ("财政拨款收、支总", "财政拨款收支总", "财政拨款收支预算总"),
    "本年收入合计": ("本年预算收入",),
    "本年支出合计": ("本年预算支出",),
    "年初结转和结余": ("上年结转", "上年结余收入"),
    "年末结转和结余": ("结转下年", "年终结转", "年末结转"),
    "本年财政拨款支出": ("财政拨款支出", "财政拨款预算支出"),
    "一般公共预算财政拨款支出": ("一般公共预算拨款支出", "一般公共预算财政拨款支出", "一般公共预算支出", "一般公共预算当年拨款",
                         "一般财政拨款收入支出"),
    "政府性基金预算财政拨款支出": ("政府性基金",),
    "国有资本经营预算财政拨款支出": ("国有资本经营",),
    "收入.一般公共预算财政拨款收入": ("一般公共预算拨款", "一般公共预算收入", "一般公共财政预算拨款"),
    "收入.政府性基金预算财政拨款收入": ("政府性基金预算拨款", "政府性基金预算收入"),
    "收入.国有资本经营预算财政拨款收入": ("国有资本经营预算拨款", "国有资本经营预算收入"),
    "一般公共预算财政拨款基本支出": ("基本支出",),
    "一般公共预算财政拨款项目支出": ("项目支出",),
    "三公.公务用车购置及运行维护费": ("公务用车购置及运行", "公务用车购置和运行", "公车购置及运行"),
    "三公.公务用车运行维护费": ("公务用车运行",),
    "三公.公务用车购置费": ("公务用车购置", "公车购置"),
    "机关运行经费": ("机关运行经费", "运行经费"),
    "资产.拟购车辆": ("购置车辆",),
}
for _subject, _words in _BUDGET_HINTS.items():
    _SPECIAL_HINTS[_subject] = _SPECIAL_HINTS.get(_subject, ()) + _words

_FLAT = str.maketrans({"(": "（", ")": "）", " ": None, "\u3000": None, "“": None, "”": None, '"': None})


def subject_hints(subject: str, table: CodeTable) -> tuple[str, ...]:
    """Words one of which the line of a statement about ``subject`` must contain."""
    if subject in _SPECIAL_HINTS:
        return _SPECIAL_HINTS[subject]
    head, _, tail = subject.partition(".")
    if head in ("类", "项") and tail.isdigit():
        name = table.name_of(tail)
        return (name.translate(_FLAT),) if name else ()
    if head == "三公" and tail:
        return (tail.removesuffix("费").replace("（境）", ""),)
    if head == "绩效":
        return ("绩效", "自评", "评价", "得分")
    if head == "人员" and tail:
        return (tail.split(".")[0],)  # 人员.编制.行政: the line names 编制
    if head in ("收入", "支出", "政府采购") and tail:
        return (tail,)
    if head == "资产" and tail.startswith("车辆."):
        return ("用车",)
    return (subject,) if "." not in subject else ()


def flat(text: str) -> str:
    """``text`` without spaces and quotes, brackets widened: how :func:`names_subject` compares."""
    return text.translate(_FLAT)


def names_subject(subject: str, flat_line: str, table: CodeTable) -> bool:
    """True when ``flat_line`` (a statement's line and the line before it, passed through
    :func:`flat`) names ``subject``: a figure whose subject was carried over from elsewhere (an
    item heading printed on a line of its own that the reader did not pair, …) cannot be trusted
    to belong to it and is not stated."""
    hints = subject_hints(subject, table)
    return not hints or any(h.translate(_FLAT) in flat_line for h in hints)


def flat_is_yoy(before: str) -> bool:
    """持平 states an unchanged year-on-year figure only after a comparison with last year
    (not in "决算数与预算数基本持平", nor in a template's "如持平作持平表述")."""
    clause = re.split(r"[，,。；;]", before)[-1]
    if "预算数" in clause or ("预算数" in before and "决算" in before) or before.endswith("作") or "如" in before[-3:]:
        return False  # "决算数与预算数持平"; a budget's own "预算数为X万元，与上年持平" is a change
    return any(w in before for w in ("上年", "相比", "比20", "与20", "年度"))
