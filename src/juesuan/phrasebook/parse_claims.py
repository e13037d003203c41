"""What the 公开说明 states in words, read once for the checks: the years it names, the 项 it
describes and what each is said to be used for, the lists after "包括", the grade after a 综合得分
and the amount written beside a project's name.

Where it sits: beside ``phrasebook.parse`` (which calls :func:`read_claims` over the same lines and
keeps the result in ``Narrative.claims``). These are read from the text as printed, line by line
(the text a reader extracted, spaces kept), so each claim's span is its line with the words marked.
Figures with keys are ``parse``'s business; nothing here pairs a number with a figure key.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import Iterator, Sequence

from ..core import model
from ..core.model import Claim, Span
from ..core.money import parse_amount

# --------------------------------------------------------------------------- the text and its lines


class Lines:
    """The lines joined by "\\n" (as ``Narrative.text``), with a span for any stretch of it."""

    def __init__(self, lines: Sequence[tuple[str, Span]]):
        self.lines = [(str(t or ""), s if s is not None else Span()) for t, s in lines]
        self.text = "\n".join(t for t, _ in self.lines)
        self.starts: list[int] = []
        at = 0
        for t, _ in self.lines:
            self.starts.append(at)
            at += len(t) + 1

    def index(self, offset: int) -> int:
        lo, hi = 0, len(self.starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def span(self, start: int, end: int, excerpt: str | None = None, narrow: bool = False) -> Span:
        """The span of the line holding ``start``: excerpt the whole line, offsets marking
        [start, end) within it (cut at the line's end); ``narrow``: the excerpt is only the marked
        words (a passage of its own, as a list after 包括); ``excerpt``: that text, unmarked."""
        no = self.index(start)
        line, base = self.lines[no]
        lo = start - self.starts[no]
        hi = min(end - self.starts[no], len(line))
        if excerpt is not None:
            return replace(base, start=None, end=None, excerpt=excerpt)
        if narrow:
            return replace(base, start=0, end=hi - lo, excerpt=line[lo:hi])
        return replace(base, start=lo, end=hi, excerpt=line)


# --------------------------------------------------------------------------- years

_Y = r"((?:19|20)\d\d)"
#: (role, regex with the year in group 1); a role's year must be the report year, or the one before.
_YEARS = (
    ("截至", re.compile(rf"截[至止]\s*{_Y}\s*年\s*12\s*月\s*31\s*日")),
    # (never a budget: "与2021年度预算相比" compares with the year's own budget)
    ("比较", re.compile(rf"(?:与|同|(?<!经)比|(?<!比)较)\s*{_Y}\s*年度?(?:同期)?(?![^，,。；;\n]{{0,8}}预算)"
                      rf"(?=[^。；;\n]{{0,20}}?(?:相比|增加|减少|增长|下降|持平|上升|降低))")),
    ("上年", re.compile(rf"上(?:一)?年度?\s*[（(]\s*{_Y}\s*年")),
    # the year whose balance is carried to the next: "4.结转结余情况。2022年度年末结转和结余0万元" in a 2023 决算
    ("年末", re.compile(rf"(?<![\d即（(]){_Y}\s*年度?\s*年末结转和结余(?!\s*[）)])")),
    ("决算", re.compile(rf"(?<!\d){_Y}\s*年度?\s*(?:部门|单位)?\s*决算(?!数)")),
    # a budget's own year: "纳入…2024年度部门预算范围的单位", "纳入2015年部门预算编报的单位" (checked in a budget only)
    ("预算", re.compile(rf"(?<!\d){_Y}\s*年度?\s*(?:部门|单位)\s*预算(?=范围|编制范围|编报|公开|情况说明|说明)")),
    # ... its own figures: "(一)收入预算:2025年年初预算数321.83万元" (not "上年（2024年）年初预算数…")
    ("预算", re.compile(rf"(?<![\d（(]){_Y}\s*年\s*年初预算数?(?=\s*为?\s*\d)")),
    # ... and a part heading of its own: "第二部分 2025年部门预算表"
    ("预算", re.compile(rf"(?m)^[^\S\n]*第[一二三四五六七八九十]+部分[:：\s]*{_Y}\s*年度?\s*(?:部门|单位)\s*预算表")),
    # "2015年衢江区“三公”经费支出决算同比下降的原因": the year whose accounts changed
    ("决算", re.compile(rf"(?<!\d){_Y}\s*年度?[^。，,；;\n\d]{{0,12}}?[“\"]?三公[”\"]?经费(?:财政拨款)?(?:支出)?决算数?"
                      rf"(?=同比|比上年|较上年)")),
    # ... or its figure told with its budget completed and its change from last year, which only the report year's is
    # ("2022年“三公”经费财政拨款支出决算为3.46万元,完成预算100%,较上年增加2.4万元" in a 2023 决算)
    ("决算", re.compile(rf"(?<!\d){_Y}\s*年度?[^。，,；;\n\d]{{0,12}}?[“\"]?三公[”\"]?经费[^。，,；;\n\d]{{0,12}}?决算[数为]*\s*"
                      rf"[\d.,]+\s*万?元[，,]\s*完成(?:年初|全年)?预算[^。；;，,]{{0,12}}[，,]\s*(?:较|比)上年")),
    # a 三公 note's title, or its subtitle, on a line of its own: "迪庆州州本级2020年度“三公”经费决支出情况说明"
    ("标题", re.compile(rf"(?m)^[^\S\n]*[^\n。，,；;：:]{{0,30}}?(?<!\d){_Y}\s*年度?[^\n。，,；;：:\d]{{0,24}}?[“\"]?三公[”\"]?经费"
                       rf"[^\n。，,；;：:\d]{{0,12}}?说明[^\S\n]*$")),
    # the title of the note's own 三公 table, right above its unit line: "红河县2017年“三公”经费决算统计表\n单位:万元"
    ("标题", re.compile(rf"(?m)^[^\S\n]*[^\n。，,；;：:]{{0,30}}?(?<!\d){_Y}\s*年度?[^\n。，,；;：:\d]{{0,24}}?[“\"]?三公[”\"]?经费"
                       rf"[^\n。，,；;：:\d]{{0,12}}?决算[^\n。，,；;：:\d]{{0,8}}?表[^\S\n]*(?=\n[^\S\n]*单位[:：])")),
    # a numbered heading of a 决算's own 预算绩效 section: "十三、关于2022年度预算绩效情况的说明"
    ("绩效", re.compile(rf"(?:^|\n)\s*[一二三四五六七八九十]+[、.．]\s*(?:关于?)?\s*{_Y}\s*年度?\s*(?:部门)?预算绩效(?:管理)?(?:工作)?情况")),
    # what a year is planned to hold: "2025年无公车购置计划", "2026年度预算安排22,614.51万元" (a budget's
    # own year, checked by N-PLAN-YEAR); never after words that compare or date a balance, nor what was
    # done ("2025年安排了…注资", "2025年安排的专项经费")
    # nor a year named with another ("2025年和2024年均未安排…", "2014年也未安排此项预算")
    ("计划", re.compile(rf"(?<![\d与同比较至止上和及、])\s*{_Y}\s*年度?(?![均都也])\s*(?:无|没有|不)?[^。；;，,、\d\n]{{0,6}}?(?:计划|安排)(?![了的过])")),
)
#: A comparison with last year earlier in the same sentence: a further year compared is deliberate.
_ALSO_LAST_YEAR = re.compile(r"(?:比|较|与|同)上(?:一)?年")


def _sentence_before(text: str, at: int) -> str:
    start = max(text.rfind(mark, 0, at) for mark in "。\n")
    return text[start + 1:at]


#: Words before a year that make it a comparison, not the year of the accounts.
_COMPARING = "与同比较上"
#: Years that were lost: "第二部分度部门决算" (no year before 度), "与2019498.83万元相比" (年 lost, the
#: year run into the amount after it).
_NO_YEAR = re.compile(r"(?:^|(?<=[分、：:]))[ \t\u3000]*度\s*(?:部门|单位)\s*决算", re.M)
_RUN_IN = re.compile(r"与\s*((?:19|20)\d\d)(\d{1,6}(?:\.\d+)?)\s*万元\s*相比")
#: A date whose 年 was lost, the year run into its month ("截止202412月") or into 初 ("2025初预算数").
_RUN_IN_DATE = re.compile(r"截[止至]\s*((?:19|20)\d\d)(1[0-2]|0?[1-9])\s*月"
                          r"|(?<![\d年])((?:19|20)\d\d)初(?=预算|决算)")  # and "(一)收入预算:2025初预算数2580.13万元"
#: A year cut short: "202 年度部门决算" (three digits).
_SHORT_YEAR = re.compile(r"(?<![\d.,])((?:19|20)\d)\s*年度\s*(?:部门|单位)?\s*决算")


def _follows_its_subject(before: str, compared: int) -> bool:
    """The sentence names, before the comparison, the year right after the one compared with."""
    return any(int(y) == compared + 1 for y in re.findall(r"((?:19|20)\d\d)\s*年", before))


def _names_next_year(text: str, at: int, year: int) -> bool:
    """The rest of the sentence from ``at`` names the year after ``year``."""
    end = text.find("。", at)
    rest = text[at:end if end >= 0 else len(text)]
    return any(int(y) == year + 1 for y in re.findall(r"((?:19|20)\d\d)\s*年", rest))


def _years(lines: Lines) -> Iterator[Claim]:
    text = lines.text
    for role, regex in _YEARS:
        for m in regex.finditer(text):
            before = text[max(m.start() - 8, 0):m.start()].rstrip()
            if role in ("决算", "预算") and before and before[-1] in _COMPARING:
                continue
            if role == "年末" and re.search(r"年初|上年", text[max(m.start() - 12, 0):m.start()]):
                continue  # "年初结转和结余即2022年度年末结转和结余": last year's, named as such
            if role in ("决算", "预算") and text.rfind("《", 0, m.start()) > text.rfind("》", 0, m.start()):
                continue  # "《关于2021年度部门决算批复和公开工作的通知》": another document's title, as it is named
            if role == "比较" and _ALSO_LAST_YEAR.search(_sentence_before(text, m.start())):
                continue  # "比上年…增加…；比2019年（疫情前）…减少…": an older year on purpose
            if role == "比较" and _follows_its_subject(_sentence_before(text, m.start()), int(m.group(1))):
                continue  # "2022年度“三公”经费预算较2021年度增加…": the sentence's own year, one before it
            if role == "计划" and _names_next_year(text, m.end(), int(m.group(1))):
                continue  # "…2017年没有纳入年初预算安排，2018年才开始纳入预算": last year contrasted with this
            if role == "标题" and 0 <= text.find("万元") < m.start() and not m.group(0).rstrip().endswith("表"):
                continue  # a title stands above the figures; one below names another note (a list of links)
            words = (m.group(0).strip(),) if role == "计划" else ()
            yield Claim(model.YEAR, "决算" if role == "标题" else role, m.group(1), parts=words,
                        span=lines.span(m.start(1), m.end(1)))
    for regex in (_NO_YEAR, _SHORT_YEAR):
        for m in regex.finditer(text):
            yield Claim(model.YEAR, "决算", "", parts=(m.group(0).strip(),), span=lines.span(m.start(), m.end()))
    for m in _RUN_IN.finditer(text):
        yield Claim(model.YEAR, "比较", "", parts=(m.group(1), m.group(0)), span=lines.span(m.start(), m.end()))
    for m in _RUN_IN_DATE.finditer(text):
        yield Claim(model.YEAR, "日期", "", parts=(m.group(1) or m.group(3), m.group(0)), span=lines.span(m.start(), m.end()))


# --------------------------------------------------------------------------- 项 (说明五（三）)

#: A 款 or 项 name of a full path; a line break inside it is a wrap of the copy ("环境保\n护法规、规划及标准").
_NAME = r"(?:(?![（(][类款项][）)])(?!\n\s*[\d一二三四五六七八九十]+[、.．])[^：:；;，,。])"
_PATH = re.compile(rf"([^\n（）()：:；;，,。]{{2,30}})[（(]类[）)]({_NAME}{{2,40}}?)[（(]款[）)]({_NAME}{{1,40}}?)[（(]项[）)]")
#: A 项 name before "（项）": no mark or digit, but a bracketed word inside ("政府办公厅（室）…") is kept.
_HEAD = re.compile(r"((?:[^（）()。；;：:，,、\d\n]|[（(](?![类款项][）)])[^（）()\n]{1,8}[）)]){2,40})[（(]项[）)]")
_PURPOSE = re.compile(r"(?:主要)?用于[：:]?|反映")
_PURPOSE_REACH = 12
_AMOUNT = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?万元")
_NUMBERED = re.compile(r"^[\d０-９一二三四五六七八九十]+[、.．]")


def norm(name: str) -> str:
    """A name as the tables write it: ASCII brackets widened, spaces dropped."""
    return name.replace("(", "（").replace(")", "）").replace(" ", "").replace("\u3000", "").replace("\n", "").strip()


def _line_amounts(line: str) -> tuple[Decimal, ...]:
    flat = line.replace(" ", "")
    out = []
    for m in _AMOUNT.finditer(flat):
        value = parse_amount(m.group(0).removesuffix("万元"))
        if value is not None:
            out.append(value)
    return tuple(out)


def _items(lines: Lines) -> Iterator[Claim]:
    """Every "名称（项）" head in text order: the path when 类 and 款 are written, the 万元 figures of
    its line, and the "主要用于：…" clause right after a full path (up to its 。, never past the
    next path)."""
    text = lines.text
    paths = list(_PATH.finditer(text))
    inside = [(m.start(), m.end()) for m in paths]
    found: list[tuple[int, Claim]] = []
    for m in _HEAD.finditer(text):
        if any(a <= m.start() < b for a, b in inside):
            continue
        name = norm(m.group(1))
        found.append((m.start(), Claim(model.ITEM, value=name, parts=("", "", name), amounts=_amounts_at(lines, m.start()),
                                       span=lines.span(m.start(1), m.end(1)))))
    for i, m in enumerate(paths):
        parts = (_NUMBERED.sub("", m.group(1).strip()), norm(m.group(2)), norm(m.group(3)))
        found.append((m.start(), Claim(model.ITEM, value=parts[2], parts=parts, amounts=_amounts_at(lines, m.end() - 1),
                                       span=lines.span(m.start(), m.end()))))
        stop = paths[i + 1].start() if i + 1 < len(paths) else min(len(text), m.end() + 300)
        purpose = _purpose(text, m.end(), stop)
        if purpose is not None:
            clause, start, end = purpose
            found.append((start, Claim(model.PURPOSE, value=clause, parts=parts, span=lines.span(start, end))))
    for _, claim in sorted(found, key=lambda f: f[0]):
        yield claim


def _amounts_at(lines: Lines, offset: int) -> tuple[Decimal, ...]:
    """The 万元 figures of the line holding ``offset`` (the end of a 项 head: its amount follows it)."""
    return _line_amounts(lines.lines[lines.index(offset)][0])


def _purpose(text: str, start: int, stop: int) -> tuple[str, int, int] | None:
    """The clause "主要用于…"/"反映…" that follows the path at ``start`` (a mark or line break
    may come between), up to its 。 and never past ``stop``; not a 用于 inside a later reason."""
    m = _PURPOSE.search(text, start, min(stop, start + _PURPOSE_REACH))
    if m is None or text[start:m.start()].strip("。.：:，, \n"):
        return None
    end = text.find("。", m.end(), stop)
    end = stop if end < 0 else end
    clause = text[m.end():end].strip()
    return (clause, m.end(), end) if clause else None


# --------------------------------------------------------------------------- lists after 包括 (说明六)

#: "人员经费1,055.92万元，（主要）包括：…" — with its amount, so a glossary definition is not taken.
_LISTED = re.compile(r"(人员经费|公用经费)(?:支出)?(?:为)?\s*\d[\d,]*(?:\.\d+)?\s*万元[^。；;\n]{0,20}?包括[：:]?([^。；;\n]*)")
_SPLIT = re.compile(r"[、，,]")  # not 和/及: "其他商品和服务支出", "税金及附加费用" are single names


def _list_name(name: str) -> str:
    return norm(name).removesuffix("等").strip("“”\"")


def _listings(lines: Lines) -> Iterator[Claim]:
    for m in _LISTED.finditer(lines.text):
        names = tuple(dict.fromkeys(n for n in (_list_name(x) for x in _SPLIT.split(m.group(2))) if n))
        if names:
            yield Claim(model.LISTING, m.group(1), parts=names, span=lines.span(m.start(), m.end(), narrow=True))


#: "设立 1 个内设机构，分别是：办公室、…" (or "设有5个内设机构:办公室、…"): a count of offices and the names
#: that follow it.
_ORGANS = re.compile(r"(?:设立|设置|下设|内设|设有|共设|(?<![建开增])设|下属)\s*(\d{1,2}|[一二两三四五六七八九十]{1,3})\s*个"
                     r"(内设机构|职能科室|内设科室|科室|股室|处室|下属单位|二级单位|二级预算单位)[，,]?"
                     r"(?:(?:分别(?:是|为)|包括|即|具体为)[：:]?|[：:])([^。；;]{1,400}?)(?:[。；;]|$)")
#: How an office's or a unit's name ends; a list any of whose names ends otherwise is not read.
_ORGAN_END = re.compile(r"(?:室|科|股|处|部|所|站|队|组|中心|办|局|院|校|馆|会|社|园|台|大队|中队|分局|政府)$")
_ORGAN_SPLIT = re.compile(r"[、，,]|(?<=[室科股处部所站队组心办局院校馆])(?:和|及|以及)")


def _organs(lines: Lines) -> Iterator[Claim]:
    for m in _ORGANS.finditer(lines.text):
        names = []
        listed = re.sub(r"[（(][^（）()]*[）)]", "", re.sub(r"\s+", "", m.group(3)))  # wrapped lines joined, notes dropped
        for raw in _ORGAN_SPLIT.split(listed):
            name = re.sub(r"[*＊]+", "", raw).strip(" “”\"‘’")
            if not name or re.fullmatch(r"(?:[一二两三四五六七八九十\d]+[室科股处部所站队组办])+", name):
                continue  # a mask, or the count told in words ("一室两科")
            names.append(name)
        if names and all(_ORGAN_END.search(n) for n in names) and not listed.endswith("等"):
            # amounts: the count when a 和/及 inside a name before the last is one office's ("学前聋儿语训部及康复部、
            # 聋生部、…"), not a second one's
            pieces = [p for p in _SPLIT.split(listed) if p.strip()]
            joint = len(pieces) - 1 + len(_ORGAN_SPLIT.split(pieces[-1])) if len(pieces) > 1 else len(names)
            yield Claim(model.ORGANS, m.group(2), m.group(1), parts=tuple(names), amounts=(Decimal(joint),),
                        span=lines.span(m.start(), m.end(), narrow=True))


# --------------------------------------------------------------------------- 绩效 grade and projects

_GRADE = re.compile(r"(?:评价结果|评价等级|自评等级|自评结果|等级)(?:为|是|：|:)?\s*[“\"「]?(优秀|优|良好|良|中等|中|合格|不合格|差)")
_SCORE = re.compile(r"综合得分")
_CLAUSE_END = re.compile(r"[。；;\n]")


def _grades(lines: Lines) -> Iterator[Claim]:
    """The grade stated right after a 综合得分, within the same sentence."""
    text = lines.text
    for m in _SCORE.finditer(text):
        end = _CLAUSE_END.search(text, m.end())
        found = _GRADE.search(text, m.end(), end.start() if end else len(text))
        if found:
            yield Claim(model.GRADE, "绩效.等级", found.group(1), span=lines.span(found.start(), found.end(), found.group(0)))


_YEAR_PREFIX = re.compile(r"^(?:\d{4}年度?)")
_AMOUNT_AFTER = r"(?:项目)?(?:资金|经费)?(?:为|共|计|合计|总额|金额)?(\d[\d,]*(?:\.\d+)?)(万元|元)"


def project_core(name: str) -> str:
    """"2024年机关运行补助经费" → "机关运行补助经费": how the narrative names a project."""
    return _YEAR_PREFIX.sub("", "".join(name.split())).strip("“”\"《》")


def _projects(lines: Lines, projects: Sequence[str]) -> Iterator[Claim]:
    """An amount written right after a project's name ("机关运行补助经费600万元"), in 万元."""
    for name in projects:
        core = project_core(name)
        if len(core) < 4:
            continue
        for m in re.finditer(re.escape(core) + _AMOUNT_AFTER, lines.text):
            value = parse_amount(m.group(1))
            if value is None:
                continue
            if m.group(2) == "元":
                value = value / 10000
            yield Claim(model.PROJECT_AMOUNT, name, m.group(0), amounts=(value,), span=lines.span(m.start(), m.end()))


# --------------------------------------------------------------------------- tables the text refers to

#: "七、绩效目标 详见单位的项目绩效目标表": a table the text sends the reader to.
_SEE_GOALS = re.compile(r"详见[^。；;\n]{0,12}?绩效目标(?:申报)?表")
#: A 绩效目标表's own title line after the reference ("财政项目支出绩效目标申报表", "2026年部门整体绩效目标表").
_GOAL_TITLE = re.compile(r"(?m)^[^。；;，,\n]{0,30}绩效目标(?:申报)?表\s*$|绩效目标申报表")


def _references(lines: Lines) -> Iterator[Claim]:
    text = lines.text
    for m in _SEE_GOALS.finditer(text):
        after = text[m.end():]
        titled = _GOAL_TITLE.search(after) is not None
        yield Claim(model.TABLE_REFERENCE, "绩效目标表", m.group(0), parts=("有标题",) if titled else (),
                    span=lines.span(m.start(), m.end()))


#: A name with its 功能分类 code in brackets ("8.实验室及相关设施（2060204）"); a bracketed word inside
#: the name ("政府办公厅（室）") is part of it. The name starts after a list mark or a clause's end.
_CODED_NAME = re.compile(r"(?:^|(?<=[、.．。；;，,：:\s）)]))((?:[^\s、.．。；;，,：:（）()\d“”\"]|[（(][^（）()\d\s]{1,4}[）)]){2,30}?)"
                         r"[（(]\s*(2\d{2}(?:\d{2}){0,2})\s*[）)]", re.M)


#: A numbered 名词解释 entry that explains a 科目 as the code tables do ("（2）重点实验室及相关设施：反映…").
_EXPLAINED_NAME = re.compile(r"(?m)^[ \t]*(?:[（(]\d{1,2}[）)]|\d{1,2}[.．、])[ \t]*([^\s：:（）()“”\d]{3,30})[：:][ \t]*反映")


def _coded_names(lines: Lines) -> Iterator[Claim]:
    for m in _CODED_NAME.finditer(lines.text):
        name = re.sub(r"^(?:其中|包括|主要用于|以及|和|及)", "", m.group(1))
        if len(name) >= 2 and "类" not in name[-3:]:
            yield Claim(model.CODED_NAME, m.group(2), name, span=lines.span(m.start(1), m.end()))
    for m in _EXPLAINED_NAME.finditer(lines.text):  # no code written: key ""
        yield Claim(model.CODED_NAME, "", m.group(1), span=lines.span(m.start(1), m.end(1)))


# --------------------------------------------------------------------------- a 完成率 with its own figures

#: A clause that prints the budget, what was spent and the one as a share of the other, on one line.
_COMPLETION_CLAUSE = re.compile(
    r"预算数?为[^\S\n]*(?P<budget>\d[\d,]*(?:\.\d+)?)[^\S\n]*万元[，,][^\S\n]*(?:支出)?决算数?为[^\S\n]*(?P<actual>\d[\d,]*(?:\.\d+)?)[^\S\n]*万元"
    r"[，,][^\S\n]*完成(?:年初|全年)?预算数?的[^\S\n]*(?P<pct>-?\d+(?:\.\d+)?)[^\S\n]*%")


def _completion_clauses(lines: Lines) -> Iterator[Claim]:
    for m in _COMPLETION_CLAUSE.finditer(lines.text):
        figures = tuple(parse_amount(m.group(k)) for k in ("budget", "actual", "pct"))
        if all(f is not None for f in figures):
            yield Claim(model.COMPLETION_CLAUSE, value=m.group("pct"), amounts=figures, span=lines.span(m.start(), m.end()))


#: Last year's amount, the change and its rate in one clause: "比2021年预算231.17万元增加33.55万元,增长17.51 %",
#: "比2019年(680806元)增加368347元,增加35.11 %" (the amounts in one unit, 万元 or 元: the rate is their ratio).
_YOY_CLAUSE = re.compile(
    r"(?:比|较|与)[^\S\n]*(?:上年度?|去年|上一年度?|(?:19|20)\d\d[^\S\n]*年度?)[^\S\n]*(?:同期)?(?:年初)?"
    # the subject named again ("较2025年收支预算总数1,761.29万元增加28.9万元")
    r"(?:[\u4e00-\u9fa5]{0,10}?(?:总数|总额|总计|合计|收入|支出|拨款|经费))?(?:预算数?|决算数?|支出数?)?"
    r"[^\S\n]*(?:为)?[^\S\n]*(?P<open>[（(])?(?P<prior>\d[\d,]*(?:\.\d+)?)[^\S\n]*(?P<unit>万?元)(?(open)[）)])"
    r"[^\S\n]*(?:相比)?[，,]?[^\S\n]*"
    r"(?P<dir>增加|减少)[^\S\n]*(?P<delta>\d[\d,]*(?:\.\d+)?)[^\S\n]*(?P=unit)[^\S\n]*[，,、]?[^\S\n]*"
    r"(?P<rdir>增长|下降|增加|减少|上升|降低)(?:了|幅度为|幅度|率为)?[^\S\n]*(?P<pct>\d+(?:\.\d+)?)[^\S\n]*%")


#: This year's amount right before such a clause, in the same unit, only a comma between: "一般公共预算财政拨款收入
#: 2579.21万元,与上年1007.40万元相比增加21.5万元".
_NOW_BEFORE = re.compile(r"(?<![\d.,])(\d[\d,]*(?:\.\d+)?)[^\S\n]*(万?元)[^\S\n]*[，,]?[^\S\n]*$")


def _yoy_clauses(lines: Lines) -> Iterator[Claim]:
    """amounts: (last year's, the change, the rate) and this year's when it is printed right before."""
    for m in _YOY_CLAUSE.finditer(lines.text):
        fall, rate_fall = m.group("dir") == "减少", m.group("rdir") in ("下降", "减少", "降低")
        if fall != rate_fall:
            continue  # "减少…，增长…": a word's fault (N-YOY-WORDS), not a figure's
        prior, delta, rate = (parse_amount(m.group(k)) for k in ("prior", "delta", "pct"))
        if prior is None or delta is None or rate is None:
            continue
        sign = -1 if fall else 1
        now = _NOW_BEFORE.search(lines.text, max(0, m.start() - 30), m.start())
        current = parse_amount(now.group(1)) if now is not None and now.group(2) == m.group("unit") else None
        yield Claim(model.YOY_CLAUSE, value=("-" if fall else "") + m.group("pct"),
                    amounts=(prior, sign * delta, sign * rate) + ((current,) if current is not None else ()),
                    parts=(m.group("unit"),), span=lines.span(m.start(), m.end()))


# --------------------------------------------------------------------------- a head count and its kinds

_COUNT = r"\d{1,3}(?:,\d{3})+|\d+"
#: "财政供养人员共计9,244人。其中：" / "共有干部职工52人，其中": a head count and the list after it.
_HEAD_COUNT = re.compile(rf"(?P<head>[^\s，,。；;：:\d]{{0,12}}(?:共计|共有|总计|合计))[^\S\n]*(?P<n>{_COUNT})[^\S\n]*人"
                         rf"[^\S\n]*[。，,；;]?[^\S\n]*其中[：:]?(?P<list>[^。\n]*)")
_HEAD_PART = re.compile(rf"^(?P<name>[^\d]{{1,16}}?)(?P<n>{_COUNT})人$")
#: The kinds a "其中" may give that never overlap, as two ways of counting: by 编制, or 在职; either
#: with the retired beside. A part must name exactly one of them ("女职工", "党员" end the reading).
_POST_KINDS = ("行政编制", "事业编制", "工勤")
_RETIRED_KINDS = ("离退休", "离休", "退休")


def _staff_kind(name: str) -> str | None:
    found = [k for k in (*_POST_KINDS, "在职", *_RETIRED_KINDS) if k in name]
    if "离退休" in found:
        found = [k for k in found if k not in ("离休", "退休")]
    return found[0] if len(found) == 1 else None


#: "在职人数 61 人,包括行政人员26人、全部补助事业人员33人、自收自支事业人员21人": the staff in post by kind.
_IN_POST = re.compile(rf"(?P<head>在职人数|在职人员|在职职工)[^\S\n]*(?P<n>{_COUNT})[^\S\n]*人[^\S\n]*[，,]?[^\S\n]*(?:包括|其中)[：:]?"
                      rf"(?P<list>[^。；;\n]*)")
#: The kinds of staff in post a list may give by what pays them: each names one of these and ends on 人员.
_POST_PAID = ("行政", "事业", "工勤")


#: "离退休人数195人,其中离休人员2人,退休人员194人": the retired are the two kinds ("…共有195人，其中" is a
#: head count, read below).
_RETIRED = re.compile(rf"(?P<head>离退休(?:人数|人员)?)[^\S\n]*(?:为)?[^\S\n]*(?P<n>{_COUNT})[^\S\n]*人[^\S\n]*[，,]?"
                      rf"[^\S\n]*(?:其中|包括)[：:]?[^\S\n]*(?P<a_name>离休(?:人员|干部)?)[^\S\n]*(?:为)?[^\S\n]*(?P<a>{_COUNT})"
                      rf"[^\S\n]*人[^\S\n]*[，,、][^\S\n]*(?P<b_name>退休(?:人员|职工|干部)?)[^\S\n]*(?:为)?[^\S\n]*(?P<b>{_COUNT})[^\S\n]*人")


def _staff_claim(lines: Lines, m: re.Match, names: Sequence[str], counts: Sequence[Decimal | None]) -> Claim:
    """The head count ``m`` reads (its words in group "head", its number in "n") and the kinds it lists."""
    return Claim(model.STAFF_PARTS, m.group("head"), m.group(0), parts=tuple(names),
                 amounts=(parse_amount(m.group("n")), *counts), span=lines.span(m.start(), m.end()))


def _staff_parts(lines: Lines) -> Iterator[Claim]:
    for m in _RETIRED.finditer(lines.text):
        yield _staff_claim(lines, m, (m.group("a_name"), m.group("b_name")), (parse_amount(m.group("a")), parse_amount(m.group("b"))))
    for m in _IN_POST.finditer(lines.text):
        parts = [_HEAD_PART.match(p.strip()) for p in re.split(r"[，,、]", m.group("list")) if p.strip()]
        if len(parts) < 2 or None in parts:
            continue
        names = [p.group("name") for p in parts]
        if len(set(names)) < len(names) or not all(n.endswith("人员") and sum(k in n for k in _POST_PAID) == 1 for n in names):
            continue  # only kinds that cannot overlap (行政人员, 全额事业人员, 自收自支事业人员, 工勤人员)
        yield _staff_claim(lines, m, names, [parse_amount(p.group("n")) for p in parts])
    for m in _HEAD_COUNT.finditer(lines.text):
        listed = re.sub(r"[（(][^（）()]*[）)]", "", m.group("list"))
        names, counts = [], []
        for part in filter(None, (p.strip() for p in re.split(r"[，、；;]|,(?!\d{3}(?!\d))", listed))):
            got = _HEAD_PART.match(part)
            if got is None:
                break
            names.append(got.group("name"))
            counts.append(parse_amount(got.group("n")))
        kinds = [_staff_kind(n) for n in names]
        if len(kinds) < 2 or None in kinds or len(set(kinds)) < len(kinds):
            continue
        if ("在职" in kinds and any(k in _POST_KINDS for k in kinds)) or ("离退休" in kinds and any(k in ("离休", "退休") for k in kinds)):
            continue  # two ways of counting mixed: a part may hold another
        yield _staff_claim(lines, m, names, counts)


def read_claims(lines: Sequence[tuple[str, Span]], projects: Sequence[str] = ()) -> tuple[Claim, ...]:
    """Every claim of the kinds above, in kind order; ``projects`` are the names of the 项目支出绩效
    自评表 the document holds (an amount is looked for after each)."""
    text = Lines(lines)
    return (*_years(text), *_items(text), *_listings(text), *_organs(text), *_grades(text), *_projects(text, projects),
            *_references(text), *_coded_names(text), *_completion_clauses(text), *_yoy_clauses(text), *_staff_parts(text))
