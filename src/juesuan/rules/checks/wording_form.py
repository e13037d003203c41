"""The form of headings, the 目录 and standard terms: slips a reader of the document notices.

* a heading or 目录 entry that lost its numeral ("、收入决算情况说明") or uses another separator than
  its siblings ("三.支出决算表" among "一、…"), a "目录" that lost a character;
* a table named without its "表" ("一般公共预算财政拨款“三公”经费支出决算");
* a 目录 that lists a 说明 among the tables; page numbers that go backwards;
* a heading one character away from a standard one ("部门概括" for 部门概况);
* a standard term that lost its first character ("般公共预算", "入支出决算");
* punctuation slips inside a clause ("其中。", "占，88.19%").

Where it sits: rules/checks, beside ``wording``; reads the narrative text and the identity's 目录
(``Identity.toc_lines``), and the layout's titles (data) for what a standard name is. A copy's own
damage (a page number lost, a pinyin gloss) is the reader's business, not reported here.
"""

from __future__ import annotations

import re
from typing import Iterator

from ...core.findings import Finding
from ...core.numerals import cn_number, cn_text
from .base import WARNING, Code, Context, NotApplicable, check
from .support import kind_word, line_span, require_marks_in_place, spans

W_HEADING_FORM = Code("W-HEADING-FORM", WARNING, "标题或目录项的序号缺失或跳号、序号后的分隔符与同级不一致，或“目录”二字缺字")
W_TABLE_NAME = Code("W-TABLE-NAME", WARNING, "目录或标题中的表名缺“表”字（如“…“三公”经费支出决算”）")
W_TOC_ITEM = Code("W-TOC-ITEM", WARNING, "目录所列决算表中混入了说明（如“一、收入决算情况说明”列为第一张表）")
W_TOC_PAGES = Code("W-TOC-PAGES", WARNING, "目录页码前后颠倒（后一项的页码小于前一项）")
W_HEADING_TYPO = Code("W-HEADING-TYPO", WARNING, "标题与标准标题只差一个字，疑为错字（如“部门概括”应为“部门概况”）")
W_TERM_BROKEN = Code("W-TERM-BROKEN", WARNING, "标准用语缺首字（如“般公共预算”“入支出决算”），疑为漏字")
W_PUNCT_SLIP = Code("W-PUNCT-SLIP", WARNING, "句中标点或用词误用：“其中。”“占，88.19%”，方向词重叠或相矛盾（“增加增加”“减增加”“增加减少”“增加持平”“大小于”“减少-2.56%”），“支出收入”等")

_CN = "一二三四五六七八九十"
_NUMBERED = re.compile(rf"^(?:第[{_CN}]+部分|[{_CN}]+(?P<sep>[、.．:：])|[（(][{_CN}\d]+[）)]|表[{_CN}\d]+[：:、]?"
                      r"|\d{1,2}\s*[、.．](?!\d))\s*")
_PART_WITHOUT_FEN = re.compile(rf"^第[{_CN}]+部(?=[^分门])")
_LOST_NUMERAL = re.compile(r"^、\s*(\S{2,40})$")
_HEADING_END = re.compile(r"(情况|说明|概况|职责|职能|设置|构成|解释|附件|附表|表|报告|事项)$")
_LEADERS = re.compile(r"(?:[.．·。\-—_]{3,}|…{2,})\s*(\d{1,3})?\s*$|[（(]\s*(\d{1,3})?\s*[）)]\s*$|\s+(\d{1,3})\s*$")
_YEAR_UNIT = re.compile(r"^(?:20\d{2}年度?)")
#: Standard terms whose remainder after the first character never stands alone in this text.
_TERMS = ("一般公共预算", "收入支出决算", "收入决算情况", "支出决算情况", "机关运行经费", "政府性基金预算",
          "国有资本经营预算", "财政拨款收入支出", "名词解释")
_SLIPS = re.compile(r"其中。|占[，,、]\s*\d"
                    r"|(增加|减少|增长|下降)\1|减增加|增减少|(?:增加|减少|增长|下降)持平|大小于|小大于"
                    # both words of the template's choice without its brackets ("比2025年增加减少5.55万元"),
                    # a word of fall before a minus ("比上年减少-2.56%"; not "减少749.01万元,增长-30%", a rise of −30 %)
                    r"|增加减少|减少增加|增长下降|下降增长|(?:减少|下降|降低)\s*[-－]\s*\d+(?:\.\d+)?%?"
                    r"|，支出收入\s*\d")


def _lines(ctx: Context) -> list[str]:
    n = ctx.disclosure.narrative
    if n is None or not n.text.strip():
        raise NotApplicable("缺少公开说明文字")
    return n.text.split("\n")


def _offset(lines: list[str], index: int) -> int:
    return sum(len(t) + 1 for t in lines[:index])


def _span(ctx: Context, lines: list[str], index: int, start: int = 0, end: int | None = None):
    at = _offset(lines, index)
    return spans(line_span(ctx.disclosure, at + start, at + (len(lines[index]) if end is None else end)))


def _bare(text: str) -> str:
    """A heading without its numbering, leaders, page number, spaces and quotation marks."""
    t = re.sub(r"[\s\u3000“”\"'‘’《》]", "", text)
    t = _LEADERS.sub("", t)
    t = _NUMBERED.sub("", t)
    return t


_CUT_ENDS = re.compile(r"(?:情况说|名词解|决算情|部门决|单位决|决算总|公开说)$")


def _trusted_line_ends(lines: list[str]) -> None:
    """Raise NotApplicable when the copy cuts line ends (several headings end in the first half of
    a standard word: "…情况说", "名词解"): a missing last character is then the copy's, not the unit's."""
    cut = sum(1 for t in lines if _NUMBERED.match(t.strip()) and _CUT_ENDS.search(_bare(t)))
    if cut >= 2:
        raise NotApplicable(f"文件有{cut}个标题在行尾被截断（复制时丢字），表名和用语缺字不作判断")


def _toc(ctx: Context, lines: list[str]) -> range:
    first, end = ctx.disclosure.identity.toc_lines
    return range(first, min(end, len(lines)))


def _table_names(ctx: Context) -> list[str]:
    return [re.sub(r"[“”\"]", "", n) for t in ctx.profile.layout.tables for n in t.names]


@check(W_HEADING_FORM)
def heading_form(ctx: Context) -> Iterator[Finding]:
    """标题和目录项的序号完整（正文标题不跳号），同级序号后的分隔符一致（“一、”不写作“一.”），“目录”二字完整。"""
    lines = _lines(ctx)
    for i, raw in enumerate(lines):
        text = raw.strip()
        m = _LOST_NUMERAL.match(text)
        if m and _HEADING_END.search(_bare(m.group(1))):
            yield W_HEADING_FORM(f"标题“{text[:30]}”缺序号", {"原文": text[:40]}, _span(ctx, lines, i), "文字")
    for i, raw in enumerate(lines):
        m = _PART_WITHOUT_FEN.match(raw.strip())
        if m:
            yield W_HEADING_FORM(f"标题“{raw.strip()[:30]}”中“{m.group(0)}”缺“分”字，应为“{m.group(0)}分”",
                                 {"原文": raw.strip()[:40]}, _span(ctx, lines, i), "文字")
    toc = _toc(ctx, lines)
    mark = lines[toc.start].strip() if toc and toc.start > 0 else ""
    # (not "…情况说明目 录第一部分…" cut at its space: the 目 ends the line before, the 录 begins the next)
    if (mark == "录" and not lines[toc.start - 1].rstrip().endswith("目")) or (
            mark == "目" and not (toc.start + 1 < len(lines) and lines[toc.start + 1].lstrip().startswith("录"))):
        yield W_HEADING_FORM(f"目录标题印作“{lines[toc.start].strip()}”，缺字", {"原文": lines[toc.start].strip()},
                             _span(ctx, lines, toc.start), "文字")
    yield from _unnumbered_entries(ctx, lines, toc)
    yield from _skipped_numbers(ctx, lines, toc)
    seps = [(i, m.group("sep")) for i in toc if (m := _NUMBERED.match(lines[i].strip())) and m.group("sep")]
    usual = max({s for _, s in seps}, key=lambda s: sum(1 for _, x in seps if x == s), default="、")
    if sum(1 for _, s in seps if s == usual) >= 3:
        for i, sep in seps:
            if sep != usual:
                yield W_HEADING_FORM(f"目录项“{lines[i].strip()[:30]}”序号后用“{sep}”，其余各项用“{usual}”",
                                     {"原文": lines[i].strip()[:40]}, _span(ctx, lines, i), "文字")


_BODY_HEADING = re.compile(rf"^([{_CN}]+)\s*、\s*(\S[^。；;|]{{1,38}})$")


def _skipped_numbers(ctx: Context, lines: list[str], toc: range) -> Iterator[Finding]:
    """Body headings "一、…" then "三、…" with no "二、" between (its part dropped and the rest not
    renumbered: 珠街彝族乡 2017, whose 因公出国 part was taken out). Only one number skipped, never in the 目录
    nor among a flattened table's row labels ("四、上级补助收入" over "|"), and only where the skipped number
    is printed nowhere between (a heading a copy joined to the line before: "一、基本情况二、收支…")."""
    last: tuple[int, int] | None = None  # (number, line) of the last top-level heading
    for i, raw in enumerate(lines):
        if i in toc:
            continue
        m = _BODY_HEADING.match(raw.strip())
        n = cn_number(m.group(1)) if m else None
        if n is None or next((t.strip() for t in lines[i + 1:i + 3] if t.strip()), "").startswith("|"):
            continue
        if last is not None and n == last[0] + 2 and i > last[1] + 1:
            skipped = cn_text(last[0] + 1)
            if not re.search(rf"{skipped}\s*[、.．]", "\n".join(lines[last[1]:i])):
                yield W_HEADING_FORM(f"标题序号由“{cn_text(last[0])}、”跳到“{m.group(1)}、”，其间没有“{skipped}、”（删去一部分后未重新编号，"
                                     "或该部分标题序号写错、缺失）", {"原文": raw.strip()[:40]}, _span(ctx, lines, i), "文字")
        last = (n, i)


_GAP_MOST = 6  # 目录 lines looked at past where the 目录 was taken to end
_CN_ENTRY = re.compile(rf"^([{_CN}]+)[、.．]")


def _unnumbered_entries(ctx: Context, lines: list[str], toc: range) -> Iterator[Finding]:
    """目录 entries printed without their number between two numbered ones whose numbers leave
    exactly that many out ("七、…" / "政府性基金…" / "机关运行经费…" / "十、…")."""
    last, between = None, []
    for i in range(toc.start, min(len(lines), toc.stop + _GAP_MOST)):  # (the 目录 found may stop at the gap)
        text = lines[i].strip()
        if not text or _LEADERS.fullmatch(text):
            continue
        m = _CN_ENTRY.match(text)
        number = cn_number(m.group(1)) if m else None
        if number is None:
            if text.startswith("第") or _NUMBERED.match(text):
                last, between = None, []  # a part heading or a sub-level entry: a new run
            elif last is not None and len(text) <= 30 and _HEADING_END.search(_bare(text)):
                between.append(i)
            elif i >= toc.stop:
                return  # past the 目录: body text
            continue
        if last is not None and between and number - last - 1 == len(between):
            for k, j in enumerate(between):
                yield W_HEADING_FORM(f"目录项“{lines[j].strip()[:30]}”缺序号（前一项为“{cn_text(last)}、”，后一项为"
                                     f"“{m.group(1)}、”，应为“{cn_text(last + k + 1)}、”）",
                                     {"原文": lines[j].strip()[:40]}, _span(ctx, lines, j), "文字")
        last, between = number, []


@check(W_TABLE_NAME, W_TOC_ITEM)
def table_names(ctx: Context) -> Iterator[Finding]:
    """目录与标题中的表名完整（以“表”字结尾），目录的决算表一栏只列表、不列说明。"""
    lines = _lines(ctx)
    _trusted_line_ends(lines)
    names = _table_names(ctx)
    stems = {n[:-1]: n for n in names if n.endswith("表")}
    toc = _toc(ctx, lines)
    in_tables = in_notes = False
    entries = [i for i in toc if lines[i].strip()]
    bares = {i: _YEAR_UNIT.sub("", _bare(lines[i].strip())) for i in entries}
    for n, i in enumerate(entries):
        text = lines[i].strip()
        nxt = next((lines[j].strip() for j in range(i + 1, toc.stop) if lines[j].strip()), "")
        if nxt and not _NUMBERED.match(nxt) and not _LEADERS.fullmatch(nxt):
            text += nxt  # an entry wrapped onto the next line ("…经费支出决算" / "情况说明")
        bare = _YEAR_UNIT.sub("", _bare(text))
        if re.match(r"^第[一二三四五六七八九十]+部分", text):
            in_tables = bare.endswith(("表", "报表", "公开表")) or "决算表" in bare or "预算表" in bare
            in_notes = not in_tables and "说明" in bare  # "三、部门收支总体情况" there is a heading, not a table
            continue
        full = stems.get(bare)
        # with no part heading to say so, an entry is in a list of tables when an entry beside it is one
        among_tables = in_tables or any(bares[j] in names for j in entries[max(n - 1, 0):n + 2] if j != i)
        if full is not None and not in_notes and among_tables:
            yield W_TABLE_NAME(f"目录项“{text[:40]}”的表名缺“表”字，应为“{full}”", {"原文": text[:40], "应为": full},
                               _span(ctx, lines, i), "文字")
        elif in_tables and bare.endswith("说明") and "空表" not in bare:  # 天津 lists its 关于空表的说明 there
            yield W_TOC_ITEM(f"目录的{kind_word(ctx)}表一栏列有“{text[:40]}”，这是说明的标题，不是表", {"原文": text[:40]},
                             _span(ctx, lines, i), "文字")


@check(W_TOC_PAGES)
def toc_pages(ctx: Context) -> Iterator[Finding]:
    """目录所注页码由前往后不减少。"""
    lines = _lines(ctx)
    toc = _toc(ctx, lines)
    if not toc:
        raise NotApplicable("文件没有目录")
    pages = []
    for i in toc:
        m = _LEADERS.search(lines[i].strip())
        number = next((g for g in (m.groups() if m else ()) if g), None)
        if number is not None:
            pages.append((i, int(number)))
    if len(pages) < 3:
        raise NotApplicable("目录没有页码")
    for (i, before), (j, after) in zip(pages, pages[1:]):
        if after < before:
            yield W_TOC_PAGES(f"目录中“{lines[j].strip()[:30]}”注第{after}页，排在注第{before}页的“{lines[i].strip()[:20]}”之后",
                              {"前一项页码": str(before), "本项页码": str(after)}, _span(ctx, lines, j), "文字")


@check(W_HEADING_TYPO)
def heading_typos(ctx: Context) -> Iterator[Finding]:
    """各部分的标题与标准标题相同，不会只差一个字（如“部门概括”；“预算”“决算”之别不算）。"""
    lines = _lines(ctx)
    layout = ctx.profile.layout
    known = {re.sub(r"[“”\"]", "", n) for p in layout.parts for n in p.names} | set(layout.headings) | set(_table_names(ctx))
    by_length: dict[int, list[str]] = {}
    for k in known:
        by_length.setdefault(len(k), []).append(k)
    unit = ctx.disclosure.identity.unit
    reported: set[str] = set()
    for i, raw in enumerate(lines):
        text = raw.strip()
        if not re.match(r"^第[一二三四五六七八九十]+部分", text) or len(text) > 40:
            continue  # part titles only: section titles vary too much (职能 / 职责) to judge a letter
        bare = _YEAR_UNIT.sub("", _bare(text).replace(unit, "") if unit else _bare(text))
        if bare in known or bare in reported or len(bare) < 4:
            continue
        near = [k for k in by_length.get(len(bare), ()) if sum(a != b for a, b in zip(k, bare)) == 1]
        # (决算 for 预算 is another part's name, not a slip of the pen: "第三部分 政府性基金决算")
        if len(near) == 1 and {a + b for a, b in zip(near[0], bare) if a != b} not in ({"预决"}, {"决预"}):
            reported.add(bare)
            yield W_HEADING_TYPO(f"标题“{text[:30]}”中的“{bare}”疑为“{near[0]}”之误", {"原文": bare, "标准标题": near[0]},
                                 _span(ctx, lines, i), "文字")


@check(W_TERM_BROKEN)
def broken_terms(ctx: Context) -> Iterator[Finding]:
    """“一般公共预算”“收入支出决算”等标准用语完整，没有丢失首字。"""
    lines = _lines(ctx)
    require_marks_in_place(ctx.disclosure.narrative.text)
    _trusted_line_ends(lines)
    for i, raw in enumerate(lines):
        for term in _TERMS:
            rest = term[1:]
            at = raw.find(rest)
            while at != -1:
                before = raw[:at].rstrip()
                # a spreadsheet's title repeated on its next printed page, its first character cut
                # by the copy ("收入支出决算总表 … 入支出决算总表 公开01表"): it is whole before
                repeated = raw.startswith(("总表", "表"), at + len(rest)) and any(term in x for x in lines[:i + 1])
                wrapped = not before and i > 0 and lines[i - 1].rstrip().endswith(term[0])  # "（二）一" / "般公共预算…"
                if not before.endswith(term[0]) and not repeated and not wrapped:
                    yield W_TERM_BROKEN(f"“{raw[max(0, at - 6):at + len(rest)].strip()}”中的“{rest}”疑缺“{term[0]}”字（应为“{term}”）",
                                        {"原文": raw[max(0, at - 6):at + len(rest)].strip(), "应为": term},
                                        _span(ctx, lines, i, at, at + len(rest)), "文字")
                    break
                at = raw.find(rest, at + 1)


@check(W_PUNCT_SLIP)
def punctuation_slips(ctx: Context) -> Iterator[Finding]:
    """“其中”后接冒号而非句号，“占”与百分数之间不加标点；方向词不重叠、不相矛盾、不与“持平”连用，其后不接负数；收入、支出不误作“支出收入”。"""
    lines = _lines(ctx)
    for i, raw in enumerate(lines):
        for m in _SLIPS.finditer(raw):
            shown = raw[max(0, m.start() - 8):m.end() + 6].strip()
            what = "标点" if re.match(r"其中。|占", m.group(0)) else "用词"
            yield W_PUNCT_SLIP(f"“{shown}”中的{what}疑误（“{m.group(0)}”）", {"原文": shown}, _span(ctx, lines, i, m.start(), m.end()), "文字")


CHECKS = (heading_form, table_names, toc_pages, heading_typos, broken_terms, punctuation_slips)
