"""Read a published 公开说明 back into figure keys with the phrasebook's own clauses.

Where it sits: the auditor's side of the phrasebook. A reader (text, docx, pdf, html) hands
over the document as lines with their spans; :func:`parse_narrative` recognises the headings,
reads every clause of :mod:`phrasebook.patterns` sentence by sentence, and returns the
``model.Narrative`` (sections, statements with spans), the stated reasons and other texts.

Rules kept here: numbers are never paired across sentences (a sentence ends at 。！？); an
amount counts only with its unit; years are never amounts; a relative clause (占…, 增加…,
预决算差异率…) takes the subject named last in its sentence, else the section's own subject —
but none when an amount nobody read stands between them ("事业(yè)收入170.81万元，占10.12%"
is not a share of the 财政拨款收入 named before it); a figure whose line does not name its
subject is not stated (``parse_support.names_subject``). Words that compare 决算 with 预算
("决算数大于预算数") become claims of the subject in force; the text's other words that checks
need (years, 项 heads, lists, grades) are read by :mod:`.parse_claims`.
"""

from __future__ import annotations

import difflib
import functools
import os
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from decimal import Decimal
from typing import Sequence

from ..core import keys
from ..core.codes import function_codes
from ..core.model import BUDGET_WORD, ITEM, PURPOSE, YOY_WORD, Claim, Narrative, Section, Span, Statement
from ..core.money import parse_amount
from ..core.profiles import Profile
from . import patterns as pb
from .grammar import Pattern, Reading
from .patterns_budget import BUDGET_ONLY, COMPOSER_TOPICS
from .parse_claims import read_claims
from .parse_support import (ADRIFT, CN, LEAD_IN, UNRESOLVED, Compact, Names, cn_number, compact, flat, flat_is_yoy,
                            in_yuan, names_subject, select, sentences)

_PART = re.compile(rf"^第([{CN}]+)部(?:分|(?!门))(.*)$")  # "第三部…" too: a heading that lost its 分
_LEVEL2 = re.compile(rf"^([{CN}]+)[、.．](.+)$")
_TOC_LEADER = re.compile(r"(?:[.…·．]{4,}|…{2,})\d*$")  # "（四）财政拨款支出预算情况说明........ 12"
#: A sentence that opens with its comparison ("比2025年增加…", "与上年相比，减少…") or with the year of
#: an amount ("2026年预算数…") goes on about the subject the sentence before it ended on.
_LEAD_COMPARISON = re.compile(r"(?:比|较|与)(?:上年度?|上一年度?|(?:19|20)\d\d年度?)(?:年初)?(?:预算数?|决算数?)?(?:相比)?[，,]?"
                              r"|(?:19|20)\d\d年度?")  # "1.因公出国（境）费用。2026年预算数41.60万元"
#: A 决算's change told against its budget ("与2021年度预算相比，", "比年初预算"), right before its words.
_VS_BUDGET = re.compile(r"(?:与|同|比|较)\s*(?:(?P<year>(?:19|20)\d\d)\s*年度?|(?P<last>上一?年度?))?\s*(?:年初|全年|调整后?)?\s*预算数?"
                        # the budget's amount may be said between ("较年初预算数921.18万元减少36.69万元")
                        r"\s*(?:为?\s*\d[\d,]*(?:\.\d+)?\s*万?元)?\s*(?:相比|相较|比较)?[，,、]?\s*"
                        # the subject may be named after it ("与年初预算相比,收、支总计各增加96.21万元")
                        r"(?:[^\d，,。；;：:]{1,16}?)?$")
#: A change told against a named year ("比2019年（疫情前）决算数减少…"), right before its words: a change
#: from last year only when that year is the one before the report's.
_VS_YEAR = re.compile(r"(?:与|同|比|较)\s*((?:19|20)\d\d)\s*年度?\s*(?:[（(][^（）()]{0,8}[）)])?\s*(?:同期)?\s*(?:决算数?|支出数?)?"
                      r"\s*(?:相比|相较|比较)?[，,、]?\s*(?:(?:增加|减少)[\d,.]+万?元[，,、]?)?(?:增加|减少|增长|下降|降低|上升)?\s*$")
#: A 决算's section heading that names only the budget ("一、2018年年初预算", "（一）“三公”经费预算安排情况").
_BUDGET_HEADING = re.compile(r"^(?!.*(?:决算|执行|支出|完成|变动|对比|比较)).*(?:年初预算|预算安排|预算情况|[^般共]预算)$")
#: Words that make a sentence's figures those of a part of the units the page sums up.
_SUBSET = re.compile(r"[区市县旗州]直(?:部门|单位|各|财政|行政)")
#: A 决算's sentence that lists a budget's parts or tells its change: "…预算为20万元，其中：…",
#: "…“三公”经费预算919万元,与上年预算安排持平", no 决算 or 支出 before 其中 or the change (the parts after
#: it may still be called "支出决算" by a careless copy); a budget compared with ("…为1012万元,较预算数
#: 898万元增加114万元…(其中:…") is no budget's sentence.
_BUDGET_SENTENCE = re.compile(r"(?:(?!决算|支出|其中)[^。])*?(?<![较比与])(?<![较比与]年初)(?<![较比与]全年)预算数?(?:为|是|安排)?\d"
                              r"(?:(?!决算|支出|其中)[^。])*?(?:其中|[比较与]上年|同比|持平)")
#: A sentence opening on a year, before any figure and with no word that compares ("2021年的…",
#: "3、2021年度“三公”经费决算数为…").
_SENTENCE_YEAR = re.compile(r"[\s\d一二三四五六七八九十、.．()（）]*(?:[^\d。，,；;：:比较与同至止]{0,12}?)((?:19|20)\d\d)\s*年度?"
                            r"(?![^。；;\d]{0,16}?(?:相比|相较|比较|同期))")
#: A title's year ("2023年广东省财政厅…“三公”经费支出决算情况说明"), on a line that compares with nothing.
_FIRST_YEAR = re.compile(r"^(?!.*(?:相比|与|比上|较上))[^。，,]*?((?:19|20)\d\d)\s*年度?[^。，,]{0,40}(?:决算|预算)")
_BARE_NUMBER = re.compile(rf"^[{CN}]+[、.．]$")  # a heading's number printed on a line of its own
#: A 说明 section numbered as a list ("1. 收入决算情况说明"): only a whole heading, no figure or clause.
_LEVEL2_LIST = re.compile(r"^(\d{1,2})[.．、]\s*([^，,。：:；;\d]{4,30}(?:情况说明|说明|情况))$")
_LEVEL3 = re.compile(rf"^[（(]([{CN}]+)[）)](.+)$")
_TITLE = re.compile(r"^([^，,。；;：:]*?)((?:19|20)\d\d)年度?部门决算")  # no sentence before the name
_TERMINATORS = "。！？!?：:；;"
#: A line opening on a list number ("(二)支出预算:…", "2、…") starts a paragraph even when the line before
#: ends in no terminator ("…财政专户管理资金收入减少36万元" before "(二)支出预算:…", 重庆 2026).
_ITEM_START = re.compile(r"(?:[（(][一二三四五六七八九十]{1,2}[）)]|\d{1,2}[、．.](?!\d)|[一二三四五六七八九十]{1,2}、)")
_BUDGET_SUFFIXES = (".年初预算", ".全年预算", ".预决算差异率", "." + pb.COMPLETION)
#: Suffixes of what a 决算's figure says of itself; under a heading naming only the budget, they are the budget's.
_NOT_THE_BUDGETS = ("", keys.DELTA, keys.DELTA_PCT, keys.SHARE, keys.PRIOR)
_REASON = re.compile(pb.REASON_MARKER)
_TEXT_MARKERS = tuple((re.compile(r), key, topics) for r, key, topics in pb.TEXT_MARKERS)
_EXCERPT_MAX = 120  # longest excerpt kept on a statement's span
_EXCERPT_LEAD = 40  # characters kept before the figure when a long excerpt is windowed
_CLAUSE_MARKS = "，；;。：:"  # where a window may be cut without splitting a number (not ",")
_BUDGET_WORDS = re.compile(pb.BUDGET_WORDS)
#: An alternative in brackets right after the words ("(或与预算数持平)", "（或大于）").
_EITHER_OR = re.compile(r"[（(]或")
_CHANGED_TO = re.compile(pb.CHANGED_TO)
#: "收入减少的主要原因是…" opening a clause (not "公务接待费支出增加的主要原因": an item's).
_REASON_WORD = re.compile(r"(?<![\u4e00-\u9fff])(?P<side>收入|支出)(?:总计|合计|总额)?(?:(?P<up>增加|增长|上升)|(?P<down>减少|下降|降低))的(?:主要)?原因")
_REASON_TOTALS = {"收入": ("收入总计.增减", "本年收入合计.增减"), "支出": ("支出总计.增减", "本年支出合计.增减")}
#: A clause counting the staff in post, then "其中" and the kinds: what follows counts people, not 编制.
_IN_POST_SPLIT = re.compile(r"在职[^，,。；;编]*?(?:人数|人员)[^，,。；;]*?[，,]其中[^。；;]*$")
#: An amount no clause read, in a clause of its own (after a mark): a relative clause after it has
#: lost its subject ("；事业(yè)收入170.81万元，占10.12%"). An amount right after its subject's name
#: ("公务接待费预算支出10万元，比上年减少3万元") keeps the subject.
_UNREAD = re.compile(r"(?<![\d.,])\d[\d,]*(?:\.\d+)?万元")
_UNREAD_YUAN = re.compile(r"(?<![\d.,])\d[\d,]*(?:\.\d+)?元")  # the same, in a 说明 in 元
_SEMICOLON = re.compile(r"[；;]")
#: A name no clause read right before a change ("；会议费减少87.51万元", "相比，收入增加23.74万元",
#: "主要是农林水支出经费拨款减少1042万元", "上年结转结余资金增加1.58万元", "市级专项拨款增加0.00万元"; not
#: "“三公”经费财政拨款决算数…", a subject's own words): the
#: change is that name's; so is any unread name after 其中 (the sub-total's figures, "其中：公务用车
#: 购置支出决算为0万元": the part's, not the sub-total's).
_UNREAD_NAME = re.compile(r"(?:(?:^|[，,；;。：:])\s*(?:其中[：:]?)?[\u4e00-\u9fa5“”]{2,16}?(?:费|经费|支出|收入|(?<!财政)拨款|资金)"
                          r"|[，,；;。：:]\s*(?:收入|支出))(?:支出)?(?:决算数?)?"
                          r"\s*(?:比上年|较上年|同比|与上年相比[，,]?)?\s*$"
                          r"|其中[：:]\s*[\u4e00-\u9fa5“”（）()]{2,16}$")  # ("其中:因公出国(境)支出决算减少1.6万元")
#: A reason told in words no clause reads before a change ("收入较去年增加1825257.28元,主要是拨款经费中社会保障和就业
#: 支出中…结构调整支出增加1047306.54元"): the change is what the words name, not the subject's.
# (and after a reason's part no clause reads: "增加85.41万元,主要是…养老增加40.70万,绩效工资增加23.59万元")
_REASON_LEAD = re.compile(r"(?:主要是|主要由于|主要因为|主要系)[^。；;]*$")
#: One total named right before a change ("与2015年相比,收入总计减少…"; not 财政拨款收入总计, nor 收、支总计 of both).
_NAMED_TOTAL = re.compile(r"(?<![款、])(收入|支出)总计\s*(?:比上年|较上年|同比)?\s*$")
#: A sentence opening on 收入 or 支出 alone before its change ("支出增加15.9万元"; a budget's "支出预算较2025减少
#: 18.23万元", the year without 年): not the 收支总计's.
_SIDE_WORD = (r"\s*(收入|支出)\s*(?:决算数?|预算数?)?\s*(?:比上年|较上年|同比|[比较](?:去年|(?:19|20)\d\d\s*年?度?))?"
              r"(?:决算数?|预算数?)?\s*$")
_SIDE = re.compile(r"(?:^|[，,；;。：:])" + _SIDE_WORD)
_BARE_NAME = re.compile(_SIDE_WORD)
#: A sentence opening on an organisation's name before its year ("市食药监局2015年…"; not 本局, 我单位).
_OWNER = re.compile(r"\s*(?:比如|例如)?[，,]?\s*(?![本我该])([\u4e00-\u9fa5（）()]{2,30}?(?:局|委|办|院|校|政府|中心|站|所|厅|馆|会"
                    r"|部|处|队|社|大学|学院|医院|街道|镇|乡))[，,]?\s*(?:19|20)\d\d\s*年")
#: A numbered line of a department's list of its units, opening on one of them: "1、农业局机关预算总收入…",
#: "2、种子服务站预算总收入…" (the units' own figures, parts of the department's).
_LISTED_UNIT = re.compile(r"\s*[\d一二三四五六七八九十]+[、.．]\s*(?![本我该])([\u4e00-\u9fa5（）()]{2,20}?(?:机关|局|委|办|院|校|中心"
                          r"|站|所|场|馆|会|队|社))(?:本级)?(?:预算|决算)")
#: A sentence giving the figures of a whole region ("2021年全州“三公经费”财政拨款支出4,855万元"), and one
#: giving its own level's after it ("州本级“三公经费”…1,127万元"): a part of the whole, not the same figures.
_WHOLE = re.compile(r"(?:(?:19|20)\d\d\s*年度?[，,]?|^|(?<=[。；;]))\s*全(?:省|州|市|县|区|旗|盟)(?!面|年|部)")
_OWN_LEVEL = re.compile(r"(?:^|(?<=[\d%。；;，,\s]))(?:(?:19|20)\d\d\s*年度?[，,]?)?\s*(?:省|州|市|县|区|旗|盟)本级")
#: A sentence saying what an organisation is ("益阳市农业科学研究所系全额拨款事业单位,现有编制66名…"): on a page
#: about another unit, its staff are that organisation's.
_DESCRIBED = re.compile(r"(?:^|(?<=[，,；;。：:\s])|(?<=情况)|(?<=概况))(?![本我该])([\u4e00-\u9fa5（）()]{2,30}?(?:局|委|办|院|校|中心|站|所|馆|会|队|社))(?:系|是|为)"
                        r"[^，,。；;]{0,12}?(?:事业单位|行政单位|行政机关)")
#: What the same organisation's name may end with or not: "塘子街道" is "塘子街道办事处".
_ORG_TAIL = re.compile(r"(?:办事处|人民政府|[（(]本级[）)])$")
#: A bracket closed right before a clause (its words may follow: "…。）比上年").
_CLOSED = re.compile(r"[)）](?=[^()（）]*$)")
#: The base of a share ("占一般公共预算拨款支出预算61.30%"): a name there is not what the clause is about.
_SHARE_BASE = re.compile(r"占[^，,。；;%\d]{0,40}\d+(?:\.\d+)?%")
#: A change told net of something ("剔除这一因素", "扣除…后", "按可比口径").
_ADJUSTED = re.compile(r"剔除|扣除|除去|不考虑|可比口径")
#: A clause about a count of units ("有11个部门", "3个部门与去年持平"): its change is theirs.
_UNITS_COUNTED = re.compile(r"\d+\s*个[\u4e00-\u9fa5]{0,4}?(?:部门|单位)")
#: What only the report year's figure is told with: its budget completed, then its change from its own last year
#: ("2022年“三公”经费财政拨款支出决算为3.46万元,完成预算100%,较上年增加2.4万元" in a 2023 决算 is 2023's, misdated).
_MISDATED = re.compile(r"完成(?:年初|全年)?预算[^。；;，,]{0,12}[，,]\s*(?:较|比)上年")
#: A sentence on last year, named in words, before any figure: "“三公”经费支出情况:上年度 “三公”经费支出
#: 24.67万元,其中…" (not a comparison: "上年相比…", "上年同期…"; nor this year's income "上年结转和结余…").
_LAST_YEAR_OPENING = re.compile(r"(?:[^。；;：:\d]{0,16}[：:])?\s*上(?:一)?年度?\s*(?![相比较同增减持]|[末底]?结转|[末底]?结余)[^\d。；;，,]{0,24}?\d")
#: A count right before "与上年持平": what is unchanged is the count ("共计接待0人次,与上年持平").
_COUNT_FLAT = re.compile(r"\d+\s*(?:人次|批次|次|人|辆|个|台|套|项|批)\s*[，,、]?\s*(?:与|和|同|比|较)?\s*上年度?(?:相比)?\s*[，,]?\s*(?:基本)?$")
#: A clause opening on a year or a comparison with one ("比2014年公务接待费1.84万元", "2016年度基本支出
#: 230万元", "较上年“三公”经费…").
_COMPARED = re.compile(r"\s*(?P<vs>(?:与|同|比|较)\s*)?(?:(?P<last>上年|去年|上一年)|(?P<year>(?:19|20)\d\d)\s*年)")
#: A clause naming the other of the two totals after one of a year ("…收入总计400.22万元,支出总计400.22万元").
_OTHER_SIDE = re.compile(r"\s*(?:收入|支出)(?:总计|合计)")
#: A verb of cutting right before a figure's name: what follows is the amount cut.
_CUT_BEFORE = re.compile(r"(?:压缩|(?<!厉行)节约|节省|削减|缩减)$")  # (not "厉行节约公务接待费支出…": thrift, no amount saved)
#: A carry-over split by fund before a fund's line ("年初财政拨款结转和结余17.23万元,其中一般公共预算财政拨款17.23万元、
#: 政府性基金预算财政拨款0万元"): the fund's part of the carry-over, not its income.
#: A numbered line opening on a 科目's name and amount, then "其中": the 基本支出 and 项目支出 after it are that 科目's.
_CODED_SPLIT = re.compile(r"^(?:\d+[.、．)）]|[（(]\d+[）)])([\u4e00-\u9fff]{2,24}?)(?:[（(][类款项][）)])?\d[\d,]*(?:\.\d+)?万?元[，,]?其中")
_SPLIT_KEYS = frozenset(("支出.基本支出", "支出.项目支出"))


@lru_cache(maxsize=1)
def _function_names() -> frozenset[str]:
    return frozenset(function_codes(2024).names())


#: A fund's amount that holds last year's carry-over, and that carry-over inside the bracket.
_HOLDS_CARRIED = re.compile(r"(?:万?元)?[（(]含[^（）()]{0,8}结转")
_INSIDE_HOLDS = re.compile(r"[（(]含[^（）()]{0,8}$")
_CARRIED_SPLIT = re.compile(r"结转和?结余[^；;。，,]{0,16}[，,]\s*其中[^；;。]*$")
_FUND_INCOME_KEYS = frozenset(f"收入.{i}" for i in keys.FUND_INCOME_ITEMS)
_CLAUSE_MARK = re.compile(r"[，；;：:]|,(?!\d)|,(?=(?:19|20)\d\d\s*年)")  # not "1,234", but ",2016年"
#: Where a clause of an unread amount may begin: a clause mark or an opening bracket ("(含人员支出…").
#: (and a share's % run into the next name: "占99.74%基金补助收入15.52万元,占0.26%")
_ASIDE_MARK = re.compile(_CLAUSE_MARK.pattern + r"|[（(]|(?<=[%％])(?=[\u4e00-\u9fa5])")


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


# --------------------------------------------------------------------------- the reader

class _Reader:
    def __init__(self, lines: Sequence[tuple[str, Span]], code_year: int, projects: Sequence[str] = (),
                 budget: bool = False, unit: str = "", own_year: bool = False, year: int | None = None):
        self.lines = [(str(t or ""), s if s is not None else Span()) for t, s in lines]
        self.yuan = in_yuan([t for t, _ in self.lines])  # a 说明 that states its amounts in 元
        self.unit = flat(unit)  # the document's unit: a sentence opening on another one tells its figures
        self.given_year = year  # the document's year as identified, where no title line gives one
        self.whole = False  # a sentence has given a whole region's figures: its own level's are a part
        self.level = False  # the paragraph is on the region's own level, after the whole's
        #: the clauses read: a budget's own ("预算数41.60万元" is its amount) only in a budget
        self.clauses = pb.ALL + (BUDGET_ONLY + _composed_budget() if budget else ())
        self.budget = budget  # in a budget "比2025年预算增加…" is its change against last year's budget
        self.own_year = own_year  # the 说明's 收入总计/支出总计 are the year's own (profile setting totals)
        self.klass: str | None = None  # the last 类 read: a "款（款）项（项）" line under a 类 heading belongs to it
        self.share_base = ""  # the base the paragraph's last share named ("占总支出的")
        self.names = Names(function_codes(code_year))
        self.projects = tuple(projects)
        self.statements: list[Statement] = []
        self.claims: list[Claim] = []
        self.around: dict[int, str] = {}
        self.applicable: dict[str | None, list[Pattern]] = {}  # topic → the clauses read in it
        self.reasons: dict[str, str] = {}
        self.texts: dict[str, str] = {}
        self.warnings: list[str] = []
        self.year: int | None = None
        # (where its part of the sentence starts, subject) of the last 上年 figure read, of a part's first amount
        self._prior_told: tuple[int, str] | None = None
        self._first_told: tuple[int, str] | None = None
        self.unit_name = ""
        #: True while the heading above names no topic: a （一） heading then names its own topic
        self.free_level3 = True
        self.level2 = 0  # the number of the last 一、二、 heading read

    # ----------------------------------------------------------------- structure
    def run(self) -> ParsedNarrative:
        sections: list[Section] = []
        glossary: list[tuple[str, str]] = []
        part = topic = None
        part_no = 0
        sec_key, sec_title, sec_span, sec_lines = "0", "", None, []
        blocks: list[tuple[str | None, str | None, list[int], str]] = []  # (topic, part, lines, heading)
        current: list[int] = []
        l2_key = "0"

        def close() -> None:
            if sec_title or sec_lines:
                text = "\n".join(self.lines[i][0].strip() for i in sec_lines)
                sections.append(Section(key=sec_key, title=sec_title, text=text, span=sec_span))
            blocks.append((topic, part, list(current), sec_title))

        head: list[str] = []  # lines before the first heading: the title
        for no, (raw, span) in enumerate(self.lines):
            flat = compact(raw)
            if not flat:
                current.append(no)
                continue
            heading = self._heading(flat, part, topic)
            if heading is None and no and _BARE_NUMBER.match(compact(self.lines[no - 1][0])):
                heading = self._heading(compact(self.lines[no - 1][0]) + flat, part, topic)  # "四、" / "“三公”经费…"
            if heading is not None:
                level, number, title, new_part, new_topic = heading
                close()
                current = []
                sec_lines = []
                sec_title, sec_span = raw.strip(), replace(span, excerpt=raw.strip())
                if level == 1:
                    part, topic, part_no = new_part, None, number
                    sec_key = str(part_no)
                    self.free_level3 = True
                elif level == 2:
                    self.level2 = number
                    topic = new_topic
                    self.free_level3 = new_topic is None
                    l2_key = sec_key = f"{part_no}.{number}"
                else:
                    topic = new_topic
                    sec_key = f"{l2_key}.{number}"
                continue
            if part is None and sec_key == "0":
                head.append(flat)
            sec_lines.append(no)
            current.append(no)
            if part == "名词解释" or topic == "名词解释":
                m = re.match(rf"^[{CN}]+[、.．](.{{1,30}}?)[：:](.+)$", flat)
                if m:
                    glossary.append((m.group(1), raw.strip().split("：", 1)[-1].split(":", 1)[-1].strip()))
        close()
        self._title(head)

        for block_topic, block_part, numbers, heading in blocks:
            if block_topic is None and block_part in ("名词解释", "报表"):
                continue
            carried: str | None = None  # a 项 named in one paragraph, read on in the next
            told = len(self.statements)
            for paragraph in self._paragraphs(numbers):
                carried = self._paragraph(paragraph, block_topic, carried)
            if not self.budget and _BUDGET_HEADING.search(compact(heading)):
                self._drop_amounts(told)  # "一、2018年年初预算" in a 决算: the budget, not what was spent
        if self.own_year:
            self._rescope({"收入总计": "本年收入合计", "支出总计": "本年支出合计"})
        elif self.budget:
            self._own_year_totals()
        for section in sections:
            self._section_texts(section)

        narrative = Narrative(
            sections=tuple(sections),
            statements=tuple(self.statements),
            claims=tuple(self.claims) + tuple(self._coded(c) for c in read_claims(self.lines, self.projects)),
            glossary=tuple(glossary),
            text="\n".join(t for t, _ in self.lines),
            lines=tuple(replace(s, excerpt=t.strip()) if not s.excerpt else s for t, s in self.lines),
        )
        return ParsedNarrative(narrative=narrative, reasons=self.reasons, texts=self.texts,
                               unit_name=self.unit_name, year=self.year, warnings=tuple(self.warnings))

    def _coded(self, claim: Claim) -> Claim:
        """A 项 head or purpose written with its 类 and 款, keyed by its code when the code table knows
        it (项.<code>), else by its 类 when that is known (类.<code>)."""
        if claim.kind in (ITEM, PURPOSE) and claim.parts and claim.parts[0]:
            code = self.names.item(*claim.parts)
            if code is not None:
                return replace(claim, key=f"项.{code}")
            klass = self.names.klass(claim.parts[0])
            if klass is not None:
                return replace(claim, key=f"类.{klass}")
        return claim

    def _heading(self, flat: str, part: str | None, topic: str | None):
        if _TOC_LEADER.search(flat):
            return None  # a line of the 目录, not the heading itself
        m = _PART.match(flat)
        if m and len(flat) <= 60:
            return 1, cn_number(m.group(1)), m.group(2), pb.part_of(m.group(2)) or "", None
        if len(flat) > 45 or part in ("名词解释", "报表"):
            return None
        m = _LEVEL2.match(flat)
        if m:
            new = pb.topic_of(m.group(2))
            if new is not None or pb.part_of(m.group(2)) == "说明":  # "三、部门预算情况说明": its （一） name topics
                return 2, cn_number(m.group(1)), m.group(2), part, new
            if cn_number(m.group(1)) == 1 and self.level2 > 1:
                return 2, 1, m.group(2), part, None  # "一、" again after "六、名词解释": the 目录 was above
        m = _LEVEL2_LIST.match(flat)
        if m and part == "说明":  # "1. 收入决算情况说明": a section numbered as a Word list
            new = pb.topic_of(m.group(2))
            if new is not None:
                return 2, int(m.group(1)), m.group(2), part, new
        m = _LEVEL3.match(flat)
        if m and topic is not None and not self.free_level3:
            new = pb.topic_of(m.group(2), parent=topic)
            if new is not None:
                return 3, cn_number(m.group(1)), m.group(2), part, new
        elif m and not re.search("[：:]|。.", m.group(2)):  # under a heading of no known topic ("三、部门预算情况说明")
            new = pb.topic_of(m.group(2))
            if new is not None:
                return 3, cn_number(m.group(1)), m.group(2), part, new
        return None

    def _title(self, head: list[str]) -> None:
        """Unit name and year from the lines before the first heading ("…2024年度部门决算")."""
        lines = []
        for line in head[:6]:
            if line == "目录":
                break
            lines.append(line)
            m = _TITLE.match("".join(lines))
            if m:
                self.unit_name, self.year = m.group(1), int(m.group(2))
                return

    def _paragraphs(self, numbers: list[int]) -> list[list[int]]:
        out: list[list[int]] = []
        current: list[int] = []
        for no in numbers:
            raw = self.lines[no][0]
            flat = compact(raw)
            cell = raw.startswith("\t")
            if not flat or cell:
                if current:
                    out.append(current)
                current = [no] if flat else []
                if cell and current:
                    out.append(current)
                    current = []
                continue
            if current and (compact(self.lines[current[-1]][0])[-1:] in _TERMINATORS or _ITEM_START.match(flat)):
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
    def _paragraph(self, numbers: list[int], topic: str | None, carried: str | None) -> str | None:
        """Read one paragraph; returns the 项 subject to carry into the next paragraph."""
        text = Compact()
        self.share_base = ""
        self.level = False
        for no in numbers:
            text.add(no, self.lines[no][0])
        s = text.text
        topic = pb.lead_topic(s, topic)
        if topic not in self.applicable:
            self.applicable[topic] = [p for p in self.clauses if pb.applies(p, topic)]
        applicable = self.applicable[topic]
        events: list[tuple[str, str]] = []  # (subject, 增减 | 预决算) in reading order
        reason: tuple[str, int] | None = None  # (key, start) of the reason being read
        previous: str | None = None  # the subject the last sentence ended on
        after_reason = False  # the last sentence ended in a reason (unread words)
        for start, end in _after_reasons(sentences(s), s, applicable, self.yuan):
            found = select(applicable, s, start, end, self.yuan)
            marker = _REASON.search(s, start, end)
            if reason is not None:
                if not found:
                    continue
                self._reason(text, reason[0], reason[1], start)
                reason = None
            cut = marker.start() if marker else end
            told = len(self.statements)
            subject = carried
            history: list[tuple[int, str | None]] = [(start, subject)]
            read_to = start
            lent = False  # the subject is the last sentence's, lent to a sentence opening on its comparison
            shares = [b.span() for b in _SHARE_BASE.finditer(s, start, cut)]
            for m_start, pattern, m in found:
                if m_start >= cut:
                    break
                if pattern.anchor and not pattern.slots and any(a < m_start < b for a, b in shares):
                    continue
                closed = _CLOSED.search(s, read_to, m_start) if _relative(pattern) else None
                opened = max(s.rfind("(", start, closed.start()), s.rfind("（", start, closed.start())) if closed else -1
                if opened >= start:  # "…运行费500万元（购置费…，运行维护费…）比上年增加0万元": the subject before
                    # the bracket (not after "2）", an enumeration mark that opened nothing)
                    subject = [subj for pos, subj in history if pos <= opened][-1]
                if (read_to == start and subject is None and _relative(pattern)
                        and _LEAD_COMPARISON.fullmatch(s, start, m_start)):
                    # "项目支出148,941.8万元，主要用于…。比2025年增加8,385.34万元": the last subject
                    # read, and none when the sentence before ended unread (after a reason)
                    subject = previous or (ADRIFT if after_reason else None)
                    lent = True
                if _relative(pattern) and (_adrift(s, read_to, m_start, fresh=read_to == start, yuan=self.yuan)
                                           or _UNREAD_NAME.search(s[read_to:m_start]) or _REASON_LEAD.search(s, read_to, m_start)
                                           or (read_to == start and _BARE_NAME.match(s, start, m_start))):
                    subject = ADRIFT  # an unread amount came between: whose share (change) is this?
                    side = _SIDE.search(s, read_to, m_start) or (read_to == start and _BARE_NAME.match(s, start, m_start))
                    if side and (topic == "收支总体" or (self.budget and topic == side.group(1))):
                        # "相比，收入增加…；支出增加…": each total's own change (and a budget's "(二)支出预算:…。
                        # 支出预算较2025减少18.23万元" under its 支出 lead)
                        subject = "收入总计" if side.group(1) == "收入" else "支出总计"
                if _relative(pattern) and (total := _NAMED_TOTAL.search(s, read_to, m_start)):
                    subject = f"{total.group(1)}总计"  # "…,与2015年相比,收入总计减少567.62万元": the total named before its change
                subject = self._clause(pattern, m, subject, topic, text, start, end, events, lent)
                history.append((m_start, subject))
                read_to = max(read_to, m.end())
                if subject and (subject.startswith("项.") or subject == UNRESOLVED):
                    carried = subject
            if self._of_last_year(s, start, cut):
                self._as_last_years(told)
            elif _SUBSET.search(s, start, cut) or self._other_unit(s, start, cut):
                # "2022年区直财政拨款资金安排“三公”经费决算数为736.40万元": a part of the whole the page tells
                del self.statements[told:]
            elif self._level_of_whole(s, start, cut):
                self._drop_level(told, text, s, start, cut)
            elif not self.budget and _BUDGET_SENTENCE.match(s, start, cut):
                # "…“三公”经费预算为20万元，其中：公务接待费9万元…" in a 决算: the parts are the budget's
                self._drop_amounts(told)
            # after a reason nothing was read: a subject named there would be unknown
            previous = subject if subject not in (UNRESOLVED, ADRIFT) and not marker else None
            after_reason = marker is not None
            starts = [m_start for m_start, _, _ in found if m_start < cut]
            self._text_markers(s, start, cut, history, starts, topic, text)
            self._budget_words(s, start, cut, end, history, topic, text)
            self._changed_to(s, start, cut, end, history, topic, text)
            self._reason_word(s, start, end, text)
            if marker:
                key = self._reason_key(s, marker, subject, topic, events)
                if key:
                    reason = (key, marker.end())
        if reason is not None:
            self._reason(text, reason[0], reason[1], len(s))
        if topic == "绩效":
            self._performance_texts(s, text)
        return carried

    def _budget_words(self, s: str, start: int, cut: int, end: int, history: list[tuple[int, str | None]],
                      topic: str | None, text: Compact) -> None:
        """"决算数小于预算数", "决算数与预算数持平", "决算数大于预算数55.93万元" before any reason:
        a claim of the subject in force there, and the gap as ``.预决算差额`` when it is given."""
        for w in _BUDGET_WORDS.finditer(s, start, cut):
            if _EITHER_OR.match(s, w.end()):
                continue  # the template's "决算数小于预算数(或与预算数持平)" left in place: it claims neither
            subject = self._key("@", [subj for pos, subj in history if pos <= w.start()][-1], topic)
            if subject is None:
                continue
            word = ("大于" if w.group("more") else "小于" if w.group("less") else
                    "基本持平" if (w.group("same") or "").startswith("基本") else "持平")
            amounts: tuple[Decimal, ...] = ()
            if w.group("amount"):
                gap = parse_amount(w.group("amount"))
                if gap is not None:
                    gap = -gap if word == "小于" else gap
                    amounts = (gap,)
                    a, b = w.span("amount")
                    self._state(keys.key(subject, keys.BUDGET_DIFF), Reading("", gap, "万元", a, b - 2, "amt"),
                                text, start, end)
            named = next((w.group(g) for g in ("b1", "b2", "b3") if w.group(g)), "")
            basis = ("年初预算",) if named == "年初" else ("全年预算",) if named else ()
            span = self._span(text, w.start(), w.end(), start, end)
            self.claims.append(Claim(BUDGET_WORD, subject, word, parts=basis, amounts=amounts, span=span))

    def _reason_word(self, s: str, start: int, end: int, text: Compact) -> None:
        """"收入减少的主要原因是…" opening a clause: the word of the change of the total whose change the lines just
        before state (收入总计 or 本年收入合计; 支出总计 or 本年支出合计), as a claim (甘谷县礼辛学区 2021)."""
        for w in _REASON_WORD.finditer(s, start, end):
            line = text.where[w.start()][0]
            wanted = _REASON_TOTALS[w.group("side")]
            said = next((st for st in reversed(self.statements) if st.key in wanted and st.span is not None
                         and st.span.line is not None and 0 <= self.lines[line][1].line - st.span.line <= 3), None)
            if said is not None:
                self.claims.append(Claim(YOY_WORD, keys.split(said.key)[0], "增加" if w.group("up") else "减少", parts=("原因",),
                                         span=self._span(text, w.start(), w.end(), start, end)))

    def _changed_to(self, s: str, start: int, cut: int, end: int, history: list[tuple[int, str | None]],
                    topic: str | None, text: Compact) -> None:
        """"支出决算减少为0.00万元": the word of a change whose amount is not given, as a claim."""
        for w in _CHANGED_TO.finditer(s, start, cut):
            subject = self._key("@", [subj for pos, subj in history if pos <= w.start()][-1], topic)
            if subject is not None:
                self.claims.append(Claim(YOY_WORD, subject, "增加" if w.group("up") else "减少",
                                         span=self._span(text, w.start(), w.end(), start, end)))

    def _clause(self, pattern: Pattern, m: re.Match, subject: str | None, topic: str | None,
                text: Compact, s_start: int, s_end: int, events: list, lent: bool = False) -> str | None:
        readings = pattern.read(m, self.yuan)
        rate_alone = not any(r.key.endswith(".增减") for r in readings)
        names = [r for r in readings if r.kind in ("item", "klass", "subitem")]
        if names:
            subject = self._resolve(names[0], text)
        elif pattern.subject():
            subject = pattern.subject()
        for r in readings:
            if r.kind in ("item", "klass", "subitem"):
                continue
            if r.kind == "year" and r.key == "@比较年":
                year = self.year or self._head_year
                if year is None or int(str(r.value)) != year - 1:
                    return subject  # ("比2021年…" in a 2023 report, or a year not known: not last year's figure)
                continue
            if r.kind == "year":
                self.year = self.year or int(str(r.value))
                continue
            key = self._key(r.key, subject, topic)
            if key is None:
                continue
            if rate_alone and r.kind == "yoy" and (lent or (_part_start(text.text, s_start, r.start), keys.split(key)[0])
                                                   not in (self._prior_told, self._first_told)):
                # a rate with no amount is read only of the first figure of its sentence, or of its part of a list
                # ("“三公”经费决算数2364万元,比上年决算数下降16.77%"; "…;公务接待费1356万元,比上年决算数下降3.14%"),
                # or right after last year's figure of its subject ("…8105563.00元,较2017年…8014212.00元增长1.13%");
                # of a later figure, or the last sentence's, it may be the whole's ("其中:…公务接待费0万元。与2023年
                # 预算相比增长16.75%": the 三公 total's)
                continue
            if r.kind == "flat" and not flat_is_yoy(text.text[s_start:m.start()]):
                continue
            if r.kind in ("yoy", "flat") and self._vs_other_year(text.text, max(s_start, r.start - 30), r.start):
                continue  # "比2019年（疫情前）减少24.87万元": no change from last year
            if r.kind in ("yoy", "flat") and _UNITS_COUNTED.search(self._clause_text(text.text, s_start, r.start)):
                continue  # "其中有11个部门与2013年…持平": what some units did, not the document's figure
            if r.kind == "flat" and _COUNT_FLAT.search(text.text, s_start, r.start):
                continue  # "共计接待0人次,与上年持平": the count is unchanged, not the money
            if r.kind in ("yoy", "flat") and _ADJUSTED.search(text.text, s_start, r.start):
                continue  # "剔除这一因素…减少933.78万元": a change on another footing than the figures
            vs_budget = (not self.budget and r.kind in ("yoy", "flat")
                         and _VS_BUDGET.search(text.text, max(s_start, m.start() - 30), m.start()))
            if vs_budget:
                # "与2021年度预算相比，减少0.1万元，下降0.006%": against the budget, not last year
                named, year = vs_budget.group("year"), self.year or self._head_year
                if vs_budget.group("last") or (named and year and int(named) != year):
                    continue  # "比2023年预算数减少332万元" in 2024, "比上年年初预算减少317万元": another year's budget
                head, suffix = keys.split(key)
                if r.kind == "flat" and (suffix != keys.DELTA or "基本" in text.text[max(r.start - 2, 0):r.start]):
                    continue  # "无增减" says the difference (0), 基本持平 says none exactly
                key = keys.key(head, keys.BUDGET_DIFF if suffix == keys.DELTA else keys.BUDGET_GAP)
                self._state(key, r, text, s_start, s_end)
                events.append((head, "预决算"))
                continue
            if r.kind == "amt" and keys.split(key)[1] == "" and _CUT_BEFORE.search(text.text, max(s_start, m.start() - 3), m.start()):
                continue  # "压缩公务接待费52万元": the amount cut, not the figure
            if (r.kind == "amt" and key in _FUND_INCOME_KEYS
                    and _CARRIED_SPLIT.search(text.text, _part_start(text.text, s_start, m.start()), m.start())):
                continue  # the fund's part of the carry-over before it, not the fund's income
            if r.kind == "amt" and ((key in _FUND_INCOME_KEYS and _HOLDS_CARRIED.match(text.text, r.end))
                                    or (key == "年初结转和结余" and _INSIDE_HOLDS.search(text.text, max(s_start, r.start - 10), r.start))):
                continue  # "一般公共预算财政拨款7799.1万元(含上年结转688.6万元)": the fund's total and its carry-over (衡阳 2016)
            if r.kind == "grade":
                self.texts.setdefault(key, str(r.value))
                continue
            suffix = keys.split(key)[1]
            if r.kind == "amt" and suffix == "" and (other := self._compared_year(text.text, s_start, r.start)):
                # "，比2014年公务接待费1.84万元减少0.26万元": the year compared with, not the report's
                if other == "上年":
                    self._state(keys.key(key, keys.PRIOR), r, text, s_start, s_end)
                    self._prior_told = (_part_start(text.text, s_start, r.start), key)
                continue
            basis = (_basis(m.group(0)) if suffix == keys.COMPLETION else
                     _share_base(m.group(0)) if suffix == keys.SHARE else "")
            if suffix == keys.SHARE:  # "占总支出的81.21%；科学技术支出…，占0.31%": the base named goes on
                basis = self.share_base = basis or self.share_base
            self._state(key, r, text, s_start, s_end, basis)
            if r.kind == "amt" and suffix == "":
                part = _part_start(text.text, s_start, r.start)
                if self._first_told is None or self._first_told[0] != part:
                    self._first_told = (part, key)
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
        if subject in (UNRESOLVED, ADRIFT):
            return None
        base = subject or pb.DEFAULT_SUBJECT.get(topic or "")
        return base + relative[1:] if base else None

    def _vs_other_year(self, s: str, start: int, end: int) -> bool:
        """The words right before ``end`` compare with a year other than the one before the report's
        (the title's year, else the year of a title-like line among the first)."""
        m = _VS_YEAR.search(s, start, end)
        if m is None:
            return False
        year = self.year or self._head_year
        return year is not None and int(m.group(1)) != year - 1

    def _level_of_whole(self, s: str, start: int, end: int) -> bool:
        """The sentence gives a region's own level ("州本级…") after one gave the whole region's ("全州…");
        a copy may have joined it to the sentence before ("…为年初预算数1万元的0%州本级…")."""
        whole = _WHOLE.search(s, start, end)
        if whole:  # (a copy may have joined the title before it: "…预算安排和使用情况2021年全州…")
            self.whole, self.level = True, False
            start = whole.end()
        # the sentences after it in its paragraph ("其中:公车购置支出22万元…") are the level's too
        self.level = self.level or (self.whole and _OWN_LEVEL.search(s, start, end) is not None)
        return self.level

    def _drop_level(self, told: int, text: Compact, s: str, start: int, end: int) -> None:
        """Leave out what a sentence read of the region's own level. A sentence of the whole a copy cut
        short ("…公务接待费支出627万元,") runs on into the level's next paragraph: what it read on the
        lines before the level's first is the whole's, and stays."""
        level = _OWN_LEVEL.search(s, start, end)
        first = self.lines[text.where[level.end() - 1][0]][1].line if level else None
        keep = [st for st in self.statements[told:]
                if first is not None and st.span is not None and st.span.line is not None and st.span.line < first]
        self.statements[told:] = keep

    def _other_unit(self, s: str, start: int, cut: int) -> bool:
        """The sentence opens on an organisation other than the document's before its year ("比如市旅游委,
        2015年“三公”经费…" on a page about 市食药监局; a subordinate unit's own figures), or a numbered
        line on one of the department's units ("1、农业局机关预算总收入…" on a page about 临湘市农业局), or
        it says what another organisation is ("益阳市农业科学研究所系全额拨款事业单位,…在职人员53人" on a page
        about 益阳市农业机械化管理局)."""
        if not self.unit:
            return False
        opening = _OWNER.match(s, start) or _LISTED_UNIT.match(s, start)
        described = _DESCRIBED.search(s, start, cut)
        return ((opening is not None and not self._same_unit(opening.group(1)))
                or (described is not None and not self._same_unit(described.group(1), slips=True)))

    def _same_unit(self, name: str, slips: bool = False) -> bool:
        """``name`` is the document's unit: one holds the other, the two end alike (the place written
        otherwise: "寻甸县文化和旅游局" and "寻甸回族彝族自治县文化和旅游局"), or, with ``slips``, they
        differ by a character or two ("益阳市农业机械管理局" for "…机械化管理局")."""
        owner, unit = (_ORG_TAIL.sub("", n) for n in (flat(name), self.unit))
        if owner in unit or unit in owner or len(os.path.commonprefix([owner[::-1], unit[::-1]])) >= 4:
            return True
        return slips and difflib.SequenceMatcher(None, owner, unit).ratio() >= 0.8

    @staticmethod
    def _clause_text(s: str, start: int, at: int) -> str:
        """The clause holding ``at``, up to it: from the last clause mark after ``start``."""
        return s[max((m.end() for m in _CLAUSE_MARK.finditer(s, start, at)), default=start):at]

    def _compared_year(self, s: str, start: int, at: int) -> str:
        """"上年" when the clause holding ``at`` opens on last year ("比2014年…" or "2014年度基本支出…"
        in a 2015 report, "较上年…"), "其他" on another year than the report's, else ""."""
        clause = self._clause_text(s, start, at)
        m = _COMPARED.match(clause)
        opened = at - len(clause)  # (just after the clause mark before it)
        if m is None and _OTHER_SIDE.match(clause) and opened > start:
            # "2022年度收入总计400.22万元,支出总计400.22万元": the other total of the year named before it
            m = _COMPARED.match(self._clause_text(s, start, opened - 1))
            m = m if m is not None and m.group("vs") is None and m.group("year") else None
        if m is None:
            return ""
        year = self.year or self._head_year
        named = int(m.group("year")) if m.group("year") else None
        if m.group("vs") is None and (named is None or year is None or named == year):
            return ""  # "2017年度基本支出279万元" in a 2017 report: its own figure
        stop = s.find("。", at)
        if m.group("vs") is None and _MISDATED.search(s, at, stop if stop >= 0 else len(s)):
            return ""  # the report year's figure under last year's date ("…决算为3.46万元,完成预算100%,较上年…")
        if not self.budget and "预算" in m.string[m.end():]:
            return "其他"  # "比上年预算数…" in a 决算: last year's budget, not its spending
        return "上年" if m.group("last") or (year is not None and named == year - 1) else "其他"

    def _of_last_year(self, s: str, start: int, end: int) -> bool:
        """The sentence tells the year before the report's, not compared with it ("2021年的三公经费
        决算数合计为807.95万，其中：…" in a 2022 决算): its first year, before any figure, is that year."""
        if _LAST_YEAR_OPENING.match(s, start, end):
            return True
        year = self.year or self._head_year
        m = _SENTENCE_YEAR.match(s, start, end)
        if m is not None and _MISDATED.search(s, m.end(), end):
            return False  # the year's own figures under last year's date (N-YEAR says so)
        return year is not None and m is not None and int(m.group(1)) == year - 1

    def _own_year_totals(self) -> None:
        """A budget's "收入预算：2022年年初预算数504.51万元，其中：…；上年结转结余资金29.81万元": where the
        parts listed add up to the figure exactly and the carry-over is told beside them, the figure is
        the year's own income (本年收入), not the total with the carry-over; likewise for 支出 with
        结转下年 (parts: 基本 + 项目 or the 类 of all funds)."""
        plain = {}
        for st in self.statements:
            plain.setdefault(st.key, st.value)
        income = [f"收入.{i}" for i in keys.INCOME_ITEMS]
        if "收入.财政拨款收入" not in plain:
            income[0:1] = [f"收入.{i}" for i in keys.FUND_INCOME_ITEMS]
        spending = ([k for k in plain if re.fullmatch(r"全部资金\.类\.\d{3}", k)],
                    ["支出.基本支出", "支出.项目支出"])
        rescoped = {}
        for total, own, carry, ways in (("收入总计", "本年收入合计", "年初结转和结余", (income,)),
                                        ("支出总计", "本年支出合计", "年末结转和结余", spending)):
            if plain.get(total) is None or not plain.get(carry):
                continue
            if any(any(k in plain for k in parts) and sum(plain.get(k, 0) for k in parts) == plain[total]
                   for parts in ways):
                rescoped[total] = own
        self._rescope(rescoped)

    def _rescope(self, rescoped: dict[str, str]) -> None:
        """Re-key each total in ``rescoped`` (and its changes) to the key it names, unless that is read too."""
        stated = {st.key for st in self.statements}
        rescoped = {old: new for old, new in rescoped.items() if new not in stated}
        if rescoped:
            self.statements = [replace(st, key=keys.key(rescoped[head], suffix)) if head in rescoped else st
                               for st in self.statements for head, suffix in (keys.split(st.key),)]

    def _drop_amounts(self, since: int) -> None:
        """Of the statements read since ``since`` (under a 决算's heading that names only the budget),
        keep those that say they are of the budget (``.年初预算``, ``.完成率`` …): the plain amounts,
        their changes from last year and their shares are the budget's, not what the key says."""
        self.statements[since:] = [st for st in self.statements[since:]
                                   if keys.split(st.key)[1] not in _NOT_THE_BUDGETS]

    def _as_last_years(self, since: int) -> None:
        """The amounts read since ``since`` are last year's (``.上年``); their changes, shares and
        rates compare last year with a year before it and are dropped."""
        kept = []
        for st in self.statements[since:]:
            head, suffix = keys.split(st.key)
            if suffix == "" and st.unit == "万元":
                kept.append(replace(st, key=keys.key(head, keys.PRIOR)))
        self.statements[since:] = kept

    @functools.cached_property
    def _head_year(self) -> int | None:
        """The year of a title-like line among the first (read once), else the document's as the
        reader identified it (a 三公 note opening on a sentence: "2019年…预算安排389000元,比上年…")."""
        first = next((m for t, _ in self.lines[:5] if (m := _FIRST_YEAR.search(t))), None)
        return int(first.group(1)) if first else self.given_year

    def _resolve(self, r: Reading, text: Compact) -> str:
        if r.kind == "klass":
            code = self.names.klass(str(r.value))
            if code is None:
                self.warnings.append(f"{self._where(text, r.start)}未能识别的类级科目名称：{r.value}")
                return UNRESOLVED
            self.klass = code
            return f"类.{code}"
        if r.kind == "subitem":  # "1.审计事务（款）行政运行（项）" under "（一）一般公共服务支出（类）"
            kuan_name, item_name = r.value  # type: ignore[misc]
            kuan = self.names.child(self.klass, kuan_name) if self.klass else None
            item = self.names.child(kuan, item_name) if kuan else None
            if item is None:
                self.warnings.append(f"{self._where(text, r.start)}未能在所属类下找到：{kuan_name}(款){item_name}(项)，其后数字未读取")
                return UNRESOLVED
            return f"项.{item}"
        klass_name, kuan_name, item_name = r.value  # type: ignore[misc]
        item = self.names.item(klass_name, kuan_name, item_name)
        if item is not None:
            self.klass = item[:3]
        if item is None:
            where = self._where(text, r.start)
            self.warnings.append(f"{where}未能在{self.names.table.name}科目表中找到：{klass_name}(类){kuan_name}(款)"
                                 f"{item_name}(项)，其后数字未读取")
            return UNRESOLVED
        return f"项.{item}"

    def _where(self, text: Compact, index: int) -> str:
        no, _ = text.where[min(index, len(text.where) - 1)]
        return self.lines[no][1].describe() + " " if self.lines[no][1].describe() else ""

    def _around(self, no: int) -> str:
        """Line ``no`` and the line before it (a heading printed on its own line names what follows),
        flattened for :func:`names_subject`."""
        if no not in self.around:
            self.around[no] = flat((self.lines[no - 1][0] if no else "") + self.lines[no][0])
        return self.around[no]

    def _state(self, key: str, r: Reading, text: Compact, s_start: int, s_end: int, basis: str = "") -> None:
        no = text.where[r.start][0]
        if not names_subject(_subject(key), self._around(no), self.names.table):
            return
        if key.startswith("人员.编制.") and _IN_POST_SPLIT.search("".join(text.chars[s_start:r.start])):
            return  # the staff in post by kind, not the posts: "在职实有人数25人,其中:行政编制25人" (武汉 2015)
        if key in _SPLIT_KEYS and (split := _CODED_SPLIT.match("".join(text.chars[s_start:r.start]))) \
                and split.group(1) in _function_names():
            return  # a 科目's own split: "1.教育管理事务11,418万元,其中:基本支出4,609万元" (深圳 2013)
        self.statements.append(Statement(key=key, value=r.value, unit=r.unit,  # type: ignore[arg-type]
                                         span=self._span(text, r.start, r.end, s_start, s_end), basis=basis))

    def _span(self, text: Compact, start: int, end: int, s_start: int, s_end: int) -> Span:
        """The figure's span: ``excerpt`` is the statement's part of the figure's line (at most
        ``_EXCERPT_MAX`` characters, a window around the figure when longer), and ``start``/``end``
        are offsets *into that excerpt*, so ``excerpt[start:end]`` is the figure as printed.
        A figure broken over two lines is marked up to the end of its first line."""
        no, first = text.where[start]
        last_no, last = text.where[max(end - 1, start)]
        raw, base = self.lines[no]
        stop = last + 1 if last_no == no else len(raw)
        lo_no, lo = text.where[s_start]
        hi_no, hi = text.where[max(s_end - 1, s_start)]
        begin = min(lo if lo_no == no else 0, first)
        finish = max(hi + 1 if hi_no == no else len(raw), stop)
        while begin < first and raw[begin].isspace():
            begin += 1
        while finish > stop and raw[finish - 1].isspace():
            finish -= 1
        if finish - begin > _EXCERPT_MAX:  # a window around the figure, cut at clause marks
            lo = max(begin, first - _EXCERPT_LEAD)
            mark = next((i for i in range(lo, first) if raw[i] in _CLAUSE_MARKS), None)
            begin = mark + 1 if mark is not None and lo > begin else lo
            hi = min(finish, begin + _EXCERPT_MAX)
            mark = next((i for i in range(hi - 1, stop - 1, -1) if raw[i] in _CLAUSE_MARKS), None)
            finish = mark + 1 if mark is not None and hi < finish else max(hi, stop)
        return replace(base, start=first - begin, end=stop - begin, excerpt=raw[begin:finish])

    # ----------------------------------------------------------------- words
    def _reason_key(self, s: str, marker: re.Match, subject: str | None, topic: str | None,
                    events: list[tuple[str, str]]) -> str | None:
        before = s[max(marker.start() - 12, 0):marker.start()]
        if "差异原因" in marker.group(0) and subject == "三公.固定资产车辆":
            return "三公.固定资产车辆.差异"
        if subject == UNRESOLVED:
            return None
        if subject == ADRIFT:
            return f"{events[-1][0]}.{events[-1][1]}" if events else None
        if "预算数" in before:
            base = subject or pb.DEFAULT_SUBJECT.get(topic or "")
            return f"{base}.预决算" if base else None
        if re.search(r"(?:增加|减少|增长|下降)[）)]?$", before) and subject:
            return f"{subject}.增减"
        if events:
            return f"{events[-1][0]}.{events[-1][1]}"
        base = subject or pb.DEFAULT_SUBJECT.get(topic or "")
        return f"{base}.增减" if base else None

    def _original(self, text: Compact, start: int, end: int) -> str:
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

    def _reason(self, text: Compact, key: str, start: int, end: int) -> None:
        words = LEAD_IN.sub("", self._original(text, start, end).strip()).rstrip("。；;，, ")
        if words and key not in self.reasons:
            self.reasons[key] = words

    def _text_markers(self, s: str, start: int, cut: int, history: list[tuple[int, str | None]],
                      starts: list[int], topic: str | None, text: Compact) -> None:
        """Free text after "开支内容包括" and the like: subject at its place, up to the next figure."""
        for regex, key, topics in _TEXT_MARKERS:
            if topic is not None and not any(topic == t or topic.startswith(t + ".") for t in topics):
                continue
            for m in regex.finditer(s, start, cut):
                subject = [subj for pos, subj in history if pos <= m.start()][-1]
                full = self._key(key, subject, topic)
                stop = min([p for p in starts if p >= m.end()] + [cut])
                words = self._original(text, m.end(), stop).rstrip("。；;，, ") if full else ""
                if words:
                    self.texts.setdefault(full, words)  # type: ignore[arg-type]

    def _performance_texts(self, s: str, text: Compact) -> None:
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


@lru_cache(maxsize=1)
def _composed_budget() -> tuple[Pattern, ...]:
    """The composer's budget clauses (``patterns.BUDGET``), read under the topics a budget's headings name.
    One that names no subject ("预算数为300.00万元") is read right after the name it follows ("…（项）"),
    never after a name the parser does not know ("住房改革支出预算数为…": a 款, not the 类 before it)."""
    def read_as(p: Pattern) -> Pattern:
        topics = tuple(t for topic in p.topics for t in COMPOSER_TOPICS.get(topic, (topic,)))
        return replace(p, topics=topics, after=p.after or ("）)”\"" if _relative(p) else ""))
    return tuple(read_as(p) for p in pb.BUDGET)


def _part_start(s: str, start: int, at: int) -> int:
    """Where the part of the sentence holding ``at`` begins: after the last "；" before it."""
    return max(start, s.rfind("；", start, at) + 1, s.rfind(";", start, at) + 1)


def _after_reasons(spans: list[tuple[int, int]], s: str, applicable: list[Pattern], yuan: bool = False) -> list[tuple[int, int]]:
    """Sentences, with a reason ended at a "；" after which a clause names its own subject and figure
    ("主要原因是2025年无公车购置计划；公务用车运行费9.38万元"): the words after it are read again."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        marker = _REASON.search(s, start, end)
        while marker is not None:
            split = None
            for semi in _SEMICOLON.finditer(s, marker.end(), end):
                found = select(applicable, s, semi.end(), end, yuan)
                if found and found[0][0] - semi.end() <= 4 and not _relative(found[0][1]) and found[0][2].end() > found[0][0]:
                    if any(r.kind not in ("item", "klass", "subitem", "year") for r in found[0][1].read(found[0][2], yuan)):
                        split = semi.end()
                        break
            if split is None:
                break
            out.append((start, split))
            start = split
            marker = _REASON.search(s, start, end)
        out.append((start, end))
    return out


def _adrift(s: str, read_to: int, m_start: int, fresh: bool = False, yuan: bool = False) -> bool:
    """True when an amount no clause read stands in a clause of its own between ``read_to`` (the end
    of the last clause read) and ``m_start``; in a sentence where nothing was read yet (``fresh``),
    any amount before it ("收入合计10,328.56万元，较上年增加…" under a heading whose clauses do
    not know 收入合计: the change is not the heading's subject's). ``yuan``: amounts in 元."""
    unread = _UNREAD_YUAN if yuan else _UNREAD
    if fresh:
        return unread.search(s, read_to, m_start) is not None
    mark = _ASIDE_MARK.search(s, read_to, m_start)
    return mark is not None and unread.search(s, mark.end(), m_start) is not None


def _relative(pattern: Pattern) -> bool:
    """A clause that names no subject of its own (占…, 增加…, 完成预算的…)."""
    slots = pattern.slots
    return pattern.anchor == "@" and bool(slots) and all(slot.key.startswith("@") for slot in slots)


def _subject(key: str) -> str:
    """The subject of a figure key, also for the rates a reader adds ("…率")."""
    head, _, tail = key.rpartition(".")
    if head and (tail in keys.SUFFIXES or (tail.endswith("率") and not tail[0].isdigit())):
        return head
    return key


def _basis(words: str) -> str:
    """What "完成年初预算的X%" measures against, as the words say."""
    return "年初预算" if "年初" in words else "全年预算" if "全年" in words else "预算"


#: A share's base named in its words ("占总收入的44.12%"): the key it is measured against.
_SHARE_BASES = (("总收入", "收入总计"), ("收入总计", "收入总计"), ("总支出", "支出总计"), ("支出总计", "支出总计"),
                ("本年收入合计", "本年收入合计"), ("本年支出合计", "本年支出合计"), ("收入合计", "本年收入合计"),
                ("支出合计", "本年支出合计"), ("收入预算总额", "收入总计"), ("支出预算总额", "支出总计"))


def _share_base(words: str) -> str:
    """The key a share's words measure it against ("" when they name none)."""
    return next((base for word, base in _SHARE_BASES if word in words), "")


def parse_narrative(lines: Sequence[tuple[str, Span]], profile: Profile | None = None, *,
                    code_year: int = 2024, projects: Sequence[str] = (), unit: str = "",
                    year: int | None = None) -> ParsedNarrative:
    """Read the 公开说明 given as (line text, span) pairs; see the module docstring. ``projects``
    are the names of the 项目支出绩效自评表 read with it (an amount after a name is a claim)."""
    # every region's recorded variants are read; a budget's profile adds the clauses only a budget has
    budget = profile is not None and tuple(profile.match.kinds) == ("预算",)
    own_year = profile is not None and profile.phrase("totals") == "own_year"
    return _Reader(lines, code_year, projects, budget, unit, own_year, year).run()
