"""Know the document before checking it: kind, scope, form, year, unit, region, 目录, completeness.

Where it sits: in assembly (``assemble``), after a format reader produced the lines and grids and
before the profile is chosen. Everything here reads the *title*, the *cover* (the lines before
the body) and the *目录*; a place or a year quoted in the body never decides the region or the
kind. Each decision records how it was made (``Identity.basis``) and how sure it is
(``Identity.confidence``), and what could not be told stays empty rather than guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Sequence

from ...core.identity import GUESS, LIKELY, SURE, Identity
from ...core.model import Span
from ...core.regions import city_of, province_of
from .grid import RawGrid
from .normalize import CHROME_LINE, YEAR_MARK, page_own_line

_SPACES = re.compile(r"[\s\u3000]+")
_QUOTES = re.compile(r"[“”\"'‘’「」『』《》]")
#: A title: "<unit><year>年度<部门|单位>决算" or "<year>年度<unit><部门|单位>决算" (预算 likewise).
_TITLE = re.compile(r"^(?P<unit>\S*?)(?P<year>20\d{2})" + YEAR_MARK + r"(?P<unit2>\S*?)(?P<scope>部门|单位|本级)?(?:[（(]本级[）)])?"
                    r"(?P<kind>预决算|决算|(?<!一般公共)(?<!年初)(?<!全年)(?<!调整)预算)(?=$|公开|公示|说明|收支情况|补充说明|补充公开|报告|情况|基本情况|安排|批复|的批复|汇总|文本|细则|编制|编报|信息|表|及|之|的(?:情况|编制)?说明|[（(.—-])")
#: Words that end the name of an organisation (a title whose "unit" is only a place is a running header).
_ORG = re.compile(r"(局|委|办|院|校|政府|中心|站|所|厅|馆|会|部|处|队|社|司|大学|学院|中学|小学|学区|医院|街道|镇|乡|场|园|室|台|团|军|监狱|公司|协会|联合会|集团|（本级）|\(本级\))$")
_PLACEHOLDER = re.compile(r"X{2,}|×{2,}|某某|xx", re.IGNORECASE)
#: A template's title whose unit and year are both placeholders ("XX部门XX年部门预算编制说明").
_TEMPLATE_TITLE = re.compile(r"(?m)^\S{0,12}?(?:X{2,}|×{2,}|某某)\S{0,12}?(?:X{2,}|×{2,}|20[X×]{2})年度?\S{0,12}?(?:部门|单位)(?:预算|决算)",
                             re.IGNORECASE)
#: A figure actually given ("252.5万元"; not "XX万元", not 0).
_AMOUNT_GIVEN = re.compile(r"(?<![\d.])(?!0+(?:\.0+)?\s*万?元)\d[\d,]*(?:\.\d+)?\s*万?元")
KIND_GIVEN = "--kind 指定"  # the basis of a kind the user gave
_PART = re.compile(r"^第([一二三四五六七八九十\d]+)部分")
#: The cover's date under its title ("…“三公”经费预算 / 2020年2月"), also when a layout joined the two.
_COVER_DATE = re.compile(r"(?<=[^\d\s])\s*20\d{2}年\d{1,2}月(?:\d{1,2}日)?$")
_SHEET_FILE = re.compile(r"\.(?:xlsx?|et|csv)$", re.IGNORECASE)
_FIGURE = re.compile(r"\d\s*(?:%|万元)")
#: A web copy's or a template's line between "目录" and its first entry: when and where it was published.
_TOC_META = re.compile(r"^(?:公开|发布|更新|印发|成文)(?:时间|日期)[:：]|^(?:来源|信息来源|发布机构)[:：]")
_TOC_MARK = re.compile(r"^(?:目\s*录|目\s*錄|\s*录)$")
_LEADER = re.compile(r"(?:[.．·。\-—_]{3,}|…{2,}).*$|[（(]\s*\d*\s*[）)]\s*$|\s*\d{1,3}\s*$")
_NUMBERING = re.compile(r"^(?:第[一二三四五六七八九十\d]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|"
                        r"\d{1,2}[、.．]|表[一二三四五六七八九十\d]+[：:、.．]?|、)\s*[:：]?\s*")
_TABLE_TITLE = re.compile(r"(表|决算表|预算表|总表|明细表|情况表)$")
_UNIVERSITY = re.compile(r"高等学校(?:收支决算总表|收入决算表|支出决算表|财政拨款支出决算表)")
_ATTACHED = re.compile(r"见附表|详见附表|见附件|详见附件|另附|附件[:：]")
_END_PUNCT = "。！？；：…”」）)!?;:.%"


def flat(text: str) -> str:
    """Text as compared: no spaces, no quotation marks."""
    return _QUOTES.sub("", _SPACES.sub("", text))


@dataclass(frozen=True, slots=True)
class Title:
    unit: str
    year: int
    scope: str
    kind: str
    span: Span | None
    line: int


#: What a web copy puts before a title ("当前位置:首页>通知公告>", "相关解读:相关文件:"), a saved
#: file's name ("沧州市第五中学2021年度决算公开.pdf"), a sentence's verb ("纳入…2023年部门预算编制范围").
_UNIT_PREFIX = re.compile(r"^.*[:：>＞|｜]|^.*现将|^[•·●◆■▪]+|^(?:纳入|下面将|以下为|根据|关于)|^(?:\d+|[一二三四五六七八九十]+)[.、．]"
                          r"|^[（(]?(?:\d+|[一二三四五六七八九十]+)[）)]"  # a numbered heading: "(二)2017年部门项目支出预算…"
                          r"|^第[一二三四五六七八九十\d]+部分"  # a part's label: "第二部分渠县图书馆" / "2025年部门预算情况说明"
                          r"|^(?:信息名称|标题|名称|文件名称|文件标题)(?=\S{4})"  # a web page's field label before the title
                          r"|^\S*?专栏(?=\S{4})"  # the page's column ("预决算公开专栏庐江县第二中学")
                          r"|^\S*?索引号[\dA-Za-z/\-]+|^\d+\.(?:xlsx?|pdf|docx?)|^[*＊?？]+;?"
                          # the unit's code ("360035柳州市马鞍山幼儿园2023年…"), a page's number ("1、1冠县检验检测中心…")
                          r"|^\d+(?=[\u4e00-\u9fa5]{4})"
                          r"|^大中小(?=\S{4})"  # a page's font-size buttons run into the title
                          r"|^[^【】]*【[^【】]{1,12}】(?=\S{4})"  # a portal's column in brackets: "【财政决算】天水市…"
                          r"|^(?:的)?(?:情况)?说明(?=\S{4})"  # the end of a title broken before the body's first line
                          # the 财政部's notice the unit's budget was approved by ("根据《财政部关于批复中国共产主义青年团
                          # 中央委员会2011年部门预算的通知》…"): the unit follows its 批复
                          r"|^\S{0,12}?关于批复(?=\S{4})")
_FILE_NAME = re.compile(r"^(?P<unit>.*?)(?:(?:19|20)\d\d年度?[^.]*?)?\.(?:pdf|docx?|xlsx?|wps)(?=(?:19|20)\d\d|$)", re.IGNORECASE)


#: A 三公 note's title that names neither 决算 nor 预算: "乌鲁木齐市天山区2019年度“三公”经费公开说明".
_SANGONG_TITLE = re.compile(r"^(?P<unit>\S*?)(?P<year>20\d{2})年度?(?P<unit2>\S{0,40}?)(?P<scope>)(?P<kind>)[“\"]?三公[”\"]?经费"
                            r"(?:支出|增减|使用|安排|决算|预算)*(?:情况)?(?:公开)?(?:情况)?说明(?:[（(](?P<note>决算|预算)[）)])?$")
#: How a 三公 note's title ends: "…“三公”经费（支出）（预算）（增减）情况（公开）说明".
#: A title naming the 三公 figures' kind last: "…“三公”经费预算情况", "…“三公”经费决算".
_SANGONG_KIND_END = re.compile(r"三公[”\"]?经费(?:财政拨款)?(?:支出)?(?:预算|决算)(?:执行)?(?:情况)?(?:公开)?(?:补充)?(?:说明)?$")
_SANGONG_NOTE_END = re.compile(r"三公[”\"]?经费(?:支出|增减|使用|预算|决算)*(?:情况)?(?:公开)?(?:情况)?说明$")
#: A text that opens on the 三公 figures: "…“三公”经费决算数2364万元", "三公经费预算支出9.80万元".
SANGONG_OPENING = re.compile(r"[“\"]?三公[”\"]?经费[)）]?(?:财政拨款)?(?:支出)?(?:(?:决算|预算)(?:数|总额|安排|汇总数)?(?:支出)?(?:合计)?|总额|合计)(?:为)?\d"
                             r"|安排[“\"]?三公[”\"]?经费\d")  # "2019年本部门财政拨款安排“三公”经费10.8万元"
#: A page opening on a 三公 heading ("一、“三公”经费财政拨款支出决算总体情况") or on what the 三公 note
#: reports ("…(以下简称“三公”经费)2018年预算执行情况如下", "…(以下简称“三公”经费)支出预算安排情况如下").
_SANGONG_HEADING = re.compile(r"^[^\n]{0,12}[“\"]?三公[”\"]?经费[^\n。]{0,16}(?:决算|预算)[^\n。]{0,8}情况"
                             r"|^[^。]{0,200}[“\"]?三公[”\"]?经费[)）]?\s*(?:(?:19|20)\d\d\s*年度?)?(?:支出)?(?:预算|决算)(?:执行|安排)?情况")
_BUDGET_NOTE = re.compile(r"^(?!.*决算).*(?<!一般公共)预算(?!财政拨款).*三公")
_SENTENCE_LEAD = re.compile(r"^(?:纳入|现将|下面将|以下为|根据)")
#: What a 三公 note's title puts after the unit ("广东省财政厅一般公共预算财政拨款“三公”经费支出决算情况说明").
_UNIT_SUFFIX = re.compile(r"(?:一般公共预算)?(?:财政拨款)?[“\"‘]?三公[”\"’]?经费.*$|一般公共预算财政拨款.*$|(?<=.)(?<!组织)部门$"
                          r"|(?:财政预算拨款|财政拨款|(?:部门|单位)?(?:预算|决算))$"
                          # the level of the accounts it belongs to: "2016年封开县人民法院省级部门决算…"
                          r"|(?<=[院局委办厅所站校会])[省市县区]级$|(?<=[院局委办厅所站校园])单位$"  # "怀远县水利局单位2025年…"
                          # "…管理站(包括锡盟博物馆)关于2015年部门决算情况", "垫江县人民政府办公室对2017年部门预算补充公开的说明"
                          r"|(?<=[\u4e00-\u9fa5）)])关于$|(?<=[局委办厅所站校院会室心])对$"
                          # a portal's line over the post: "原卫生部公布2010年部门决算"
                          r"|(?<=[部局委办厅院会])(?:公布|发布)$")


#: The heading of a document's first part, naming the unit: "第一部分 某局概况", "…基本情况".
_OVERVIEW = re.compile(r"^第一部分[:：\s]*(.{4,40}?)(?:部门|单位|[（(]单位[）)])*(?:基本情况|概况)$")
_ATTACHED_LABEL = r"^(?:相关附件|相关文档|相关链接|附件下载|附件)[:：]?"
#: A page's label over the names of its attachments, alone on its line ("相关附件:", "相关文档:").
_ATTACHMENTS_LABEL = re.compile(_ATTACHED_LABEL + "$")
#: An attachment's list or link after the document ("附件【保山市环境保护局2019年“三公”经费公开表.xls】").
_LINK_LABEL = re.compile(_ATTACHED_LABEL + r"(?:\s*[【\[]?[^【】\[\]\n]*\.(?:xlsx?|docx?|pdf|wps|et|zip|rar)[】\]]?)*$")
#: A portal's list of links to other sites after the document ("国务院部门网站", "区县政府网站",
#: "友情链接"), one a line or joined into one.
_SITE_LINKS = re.compile(r"^(?:[\u4e00-\u9fa5]{0,10}(?:网站|链接)[:：]?)+$")
#: A body sentence opening on the unit's name and the year.
_OPENING = re.compile(r"^([\u4e00-\u9fa5（）()]{4,30}?)(20\d{2})年度?(?!\d)")
#: A body sentence opening on the year and then the unit: "2019年保山市环境保护局“三公”经费财政拨款预算安排…"
#: (the unit first, the year second, as _OPENING has them).
_YEAR_FIRST = re.compile(r"^(?=20\d{2}年度?((?![度全各本我])[\u4e00-\u9fa5（）()]{4,30}?)(?:本年|全年)?(?:[“\"]?三公|一般公共预算|财政拨款|部门|单位|收入|支出))"
                         r"(20\d{2})")
#: A body sentence naming the unit with the year it reports ("…现将涪陵区新妙镇2021年度“三公”经费决算情况
#:公布如下") or as the whole of its accounts ("纳入2022年部门预算编制范围的为常德外国语学校本级").
_NAMING = re.compile(r"现将([\u4e00-\u9fa5（）()]{2,30}?)(?:20\d{2})年度?|编制范围的(?:为|是)([\u4e00-\u9fa5（）()]{2,30}?)本级")
#: A body sentence saying what the unit is: "重庆市渝中区疾病预防控制中心为全额拨款事业单位", "…李渡小学校是区教委二级
#: 预算单位", "…管理委员会(以下简称“本部门”)为渝中区政府派出机构".
# ("重庆市万盛经济技术开发区公园管理所为重庆市万盛经济技术开发区城市管理局管理的正科级公益一类财政全额拨款事业单位";
# "重庆市梁平区交通局是梁平区人民政府的组成部门")
_SELF = re.compile(r"^([\u4e00-\u9fa5（）()]{4,30}?)(?:[（(]以下简称[^（）()]{1,12}[）)])?(?:是|为|属)[^，,。；;]{0,40}?"
                   r"(?:事业单位|行政单位|行政机关|工作部门|组成部门|群众团体|人民团体|群团组织|直属单位|国家权力机关|审判机关|检察机关|法律监督机关"
                   r"|预算单位|派出机构)")
#: A body sentence telling when the unit was set up ("银川市殡仪馆建于1966年"), where it is ("增福镇卫生院位于…")
#: or what it does ("周宁县人民法院部门的主要职责是:").
# (or what it is: "开江县普安镇复兴小学是一所完全制小学", "…三江中学是经…批准成立的", "中共重庆市长寿区委党校是在区委直接
# 领导下…"; what it exercises: "重庆白涛工业园区管理委员会行使区政府赋予的经济管理权限"; its offices: "重庆市綦江区石林镇人民政府
# (本级)内设10个综合办事机构"; what it is made of: "中国民主建国会武汉市委员会由机关本级构成")
_FOUNDED = re.compile(r"^(?:(?:部门|单位)?主要职[责能][:：]?)?([\u4e00-\u9fa5（）()]{4,30}?)(?:(?:始建于|建于|成立于)(?:19|20)\d\d年|位于|是一所"
                      r"|是经|是在|行使|[内下]设\d+个|(?:部门)?的?主要(?:工作)?职责(?:是|为|包括)|由(?:机关)?本级(?:和|及|构成))")
#: A 概况 naming the unit where it lists its offices: "(二)机构设置。涪陵区生态环境监测站下设办公室、监测室…".
# (or "(二)机构设置。重庆市武隆区大洞河乡人民政府是一个独立核算机构,下设…")
_OFFICES = re.compile(r"机构设置[。：:.]?\s*([\u4e00-\u9fa5（）()]{4,30}?)(?:下设|内设|是一个独立核算)")
_HEAD_LINES = 60  # the lines the first part's heading is looked for in
#: The organ a portal names as the post's publisher ("发布机构 | 昌宁县财政局 |", "发布机构：…", a record run
#: together: "…决算发布机构 梁平区安胜镇政府 有效性标题…").
_PUBLISHER = re.compile(r"(?:发布机构|发文机关)(?:\s*[|｜:：]\s*|\s+)([\u4e00-\u9fa5（）()]{2,30}?)(?:\s*[|｜]|\s|$)")


def clean_unit(unit: str) -> str:
    """The organisation's name a title gives, without what a copy or a sentence put before it
    ("二、关于…") or what a title puts after it (a 三公 note's words; "部门" of "某院部门2023年度部门决算")."""
    m = _FILE_NAME.match(unit)
    if m:
        unit = m.group("unit")
    while True:
        cleaned = _UNIT_PREFIX.sub("", unit)
        if cleaned == unit:
            while (shorter := _UNIT_SUFFIX.sub("", unit)) != unit:  # "…局部门“三公”经费": both tails
                unit = shorter
            return "" if _NOT_A_UNIT.match(unit) else unit
        unit = cleaned


#: A title on how a budget was spent: a 决算's figures.
_SPENT = re.compile(r"预算(?:安排)?(?:和|及|与)?(?:使用|执行)情况")
#: A heading over last year's outturn and this year's budget ("二、“三公”经费2024年执行情况和2025年预算情况"): the
#: budget's year is the second.
_OUTTURN_THEN_BUDGET = re.compile(r"(?:19|20)\d\d年[^，。]{0,20}?执行[^，。]{0,12}?((?:19|20)\d\d)年[^，。]{0,12}?预算")


#: A level of government or the kind of budget, not an organisation: "2016年度区级部门决算公开",
#: "2025年度部门(单位)预算"; nor a portal's column above the title ("校务公开", "信息公开").
_NOT_A_UNIT = re.compile(r"^(?:(?:[省市区县乡镇]|乡镇)级|本级|财政|我\S*|[\u4e00-\u9fa5]{0,4}公开|[本该](?:镇|乡|局|委|办|院|校|所|站|单位|部门|中心|街道)|(?:部门|单位)(?:[（(](?:部门|单位)[）)])?"
                         # the funds a 三公 note covers: "2020年度一般公共预算及政府性基金财政拨款“三公”经费…"
                         r"|(?:(?:一般公共|政府性基金|国有资本经营)(?:预算)?[及和与、]?)+)$")


def _titles_a_unit(text: str) -> bool:
    m = _TITLE.match(text) or _SANGONG_TITLE.match(text)
    return bool(m and len(clean_unit(m.group("unit") or m.group("unit2") or "")) >= 2)


def find_title(lines: Sequence[tuple[str, Span]], limit: int = 40) -> Title | None:
    """The document's title among its first lines (joining a title broken over up to three
    short lines). A title naming an organisation wins over a running header naming only a
    place ("黑龙江省2021年度部门决算公开说明"); a 目录 entry ("第二部分 …决算表") is used only
    when nothing else is found."""
    # a web page's cell bars after a title; the cover's date a layout joined to it
    head = [(_COVER_DATE.sub("", flat(t).rstrip("|｜")), s) for t, s in lines[:limit]]
    page_own = [page_own_line(t) for t, _ in head]
    head = [(_crumb_title(t) if own else t, s) for (t, s), own in zip(head, page_own)]
    found: list[tuple[int, Title]] = []
    for i, (text, span) in enumerate(head):
        if len(text) <= 1:
            continue  # (a page's buttons a character a line: "大" / "中" / "小" over the title)
        candidates = [text]
        for extra, _ in head[i + 1:i + 3] if not page_own[i] else ():  # a title broken over lines
            if len(extra) > 40 or _PART.match(extra) or _TOC_MARK.match(extra) or _titles_a_unit(extra):
                break  # (a line that is a unit's title itself is no part of a banner before it)
            candidates.append(candidates[-1] + extra)
        for n, candidate in enumerate(candidates):
            if len(candidate) > 70 or re.search(r"[，。]|,(?!\d{3})", candidate) or _FIGURE.search(candidate):
                continue  # a sentence, or a line that states a figure ("较2022年度决算数增加0.00万元,增长0%")
            part = _PART.match(candidate)
            body = candidate[part.end():] if part else candidate
            m = _TITLE.match(body) or _SANGONG_TITLE.match(body)
            if not m:
                continue
            unit = clean_unit((m.group("unit") or m.group("unit2") or "").strip("：:，,（("))
            named = clean_unit((m.group("unit2") or "").strip("：:，,（("))
            if named and _ORG.search(named) and not _ORG.search(unit):
                unit = named  # "…|智能机器人2015年内蒙古自治区文化厅部门决算…": the organisation after the year
            if len(unit) > 50 or re.search(r"、|决算|报表", unit):
                continue  # 目录 entries run together ("部门决算报表一、收入支出决算总表二、收入…") name no unit
            if not unit and not part:
                unit = _named_above(head, i)
            scope = {"本级": "单位"}.get(m.group("scope") or "", m.group("scope") or "")
            # a 三公 note without the word: a budget's when it names one ("2019年部门预算“三公”经费公开说明")
            note = m.groupdict().get("note")
            kind = ("预算" if m.group("kind") == "预算" or (not m.group("kind") and not note and _BUDGET_NOTE.search(body))
                    or note == "预算" else "决算")
            if kind == "预算" and (_SPENT.search(body) or "决算" in (m.groupdict().get("unit2") or "")):
                # "克州2021年“三公”经费预算安排和使用情况": what was spent, against the budget; "…2019年财务决算和
                # 2020年经费预算报告": the year read is the 决算's
                kind = "决算"
            year = int(m.group("year"))
            if kind == "预算" and (later := _OUTTURN_THEN_BUDGET.search(body)):
                year = int(later.group(1))
            rank = (0 if part else 2) + (1 if unit and _ORG.search(unit) else 0)
            if 0 < len(unit) <= 2:
                rank -= 1  # a bare kind ("学校2020年度部门决算情况说明") below a title naming the school
            after = next((t for t, _ in head[i + n + 1:i + n + 4] if t), "")
            if _TOC_MARK.match(after):
                rank += 1  # the title right above its 目录, over a web page's own caption for the post
            if _SENTENCE_LEAD.match(body):  # "纳入…2022年度部门决算编制范围的…": a sentence, not the title
                rank -= 2
            if _SHEET_FILE.search(body):
                rank -= 3  # an attached spreadsheet's name ("…“三公”经费支出决算表(与预算对比).xls"): one table's
            if _NUMBERING.match(body) and not (unit and _ORG.search(unit)):
                rank -= 3  # a numbered heading or 目录 entry: the title only when nothing else names one
            found.append((rank, Title(unit, year, scope, kind, span, i)))
            break
    if not found:
        return None
    best = max(r for r, _ in found)
    return next(t for r, t in found if r == best)


def _crumb_title(line: str) -> str:
    """What a page's own line holds of the document's title: a breadcrumb's last step when it names
    a year ("当前位置: 首页 > 通知公告 > 徐州市第三十二中学2023年度单位决算公开"), else nothing
    ("首页 > 政府预决算", "时间:2018-01-10 19:39:45"); a portal record's 名称 cell ("名 称 | 商洛市统计局2016年部门
    预算说明(2) |")."""
    record = re.match(r"^\s*名\s*称\s*[|｜:：]\s*([^|｜]+)", line)
    if record:
        return record.group(1).strip()
    last = re.split(r"[>＞»›]", line)[-1].strip()
    return last if last != line.strip() and re.search(r"20\d{2}", last) else ""


def _named_above(head: Sequence[tuple[str, Span]], i: int) -> str:
    """An organisation's name alone on the line above a title that names none ("庐江县第二中学" over
    "2020年度一般公共预算及政府性基金 / 财政拨款“三公”经费支出决算情况说明"), else ""."""
    above = next((t.strip() for t, _ in reversed(head[max(i - 2, 0):i]) if t.strip()), "")
    if re.fullmatch(r"[\u4e00-\u9fa5（）()]{4,30}", above) and _ORG.search(above) and not CHROME_LINE.search(above):
        return clean_unit(above)
    return ""


# --------------------------------------------------------------------------- 目录

@dataclass(frozen=True, slots=True)
class Contents:
    found: bool = False
    start: int = 0  # index of the 目录 line (or its first entry)
    end: int = 0  # index of the first body line after it
    parts: tuple[str, ...] = ()  # entries as printed, page numbers and leaders removed
    tables: tuple[str, ...] = ()  # entries that name tables


_NUMBERED_ITEM = re.compile(r"^(?:附件|附表|表)[\d一二三四五六七八九十]+$")


def _entry(text: str) -> str:
    t = flat(text)
    return t if _NUMBERED_ITEM.match(t) else _LEADER.sub("", t).strip()


def _is_entry(text: str) -> bool:
    t = _entry(text)
    return 0 < len(t) <= 60 and bool(_NUMBERING.match(t) or _TABLE_TITLE.search(t) or re.match(r"^附[件表]\S{0,12}$", t))


def find_contents(lines: Sequence[tuple[str, Span]], limit: int = 120) -> Contents:
    """The 目录: a "目录" line and the entries after it, or (without that line) a run of headings
    at the start that the body repeats. The body begins where an entry's heading comes again."""
    texts = [flat(t) for t, _ in lines[:limit + 60]]
    start = next((i for i, t in enumerate(texts[:limit]) if _TOC_MARK.match(t)), None)
    again = None  # where the body repeats the first entry of an unmarked 目录: all before it is the 目录
    if start is None:
        first = next((i for i, t in enumerate(texts[:limit]) if _PART.match(t)), None)
        if first is None:
            return Contents()
        again = next((j for j in range(first + 1, min(len(texts), first + 80)) if _entry(texts[j]) == _entry(texts[first])), None)
        leaders = sum(1 for t in texts[first:first + 40] if t and not _entry(t))
        if (again is None or again - first < 3) and leaders < 3:
            return Contents()  # a 目录 is either marked, repeated by the body, or drawn with leaders
        start = first - 1
    entries: list[str] = []
    end = start + 1
    seen: set[str] = set()
    for j in range(start + 1, min(len(texts), start + 80)):
        text = texts[j]
        entry = _entry(text)
        if not entry:  # a blank line, or a line of leaders and page numbers only
            end = j + 1 if entries else end
            continue
        if entries and (entry in seen or _body_key(entry) in {_body_key(e) for e in entries[:3]}):
            end = j
            break
        if not entries and _TOC_META.match(text):
            continue  # "公开时间：2022年9月20日" printed under the 目录 mark, before its entries
        unnumbered = again is not None and j < again and len(entry) <= 40 and not re.search(r"[。，；,;]", text)
        run_on = _run_on_entries(entry) if entries else []
        if run_on:  # a layout ran several entries into one line ("三部门支出总体情况表、四财政拨款…表、…")
            entries.extend(e for e in run_on if e not in seen)
            seen.update(run_on)
            end = j + 1
            continue
        if entries and not entry.strip("、，,.．"):
            end = j + 1  # a stray mark a layout moved off its entry
            continue
        if not _is_entry(text) and not unnumbered:
            if entries and len(entry) <= 12 and not re.search(r"[。，；,;]", text):
                entries[-1] += entry  # an entry wrapped onto the next line ("…支出决算" / "情况说明")
                end = j + 1
                continue
            end = j
            break
        entries.append(entry)
        seen.add(entry)
        end = j + 1
    if len(entries) < 2:
        return Contents()
    tables = tuple(e for e in entries if _names_table(e))
    return Contents(True, start, end, tuple(entries), tables)


def _run_on_entries(text: str) -> list[str]:
    """The entries of a 目录 line that holds several run together, each ending in 表 or 说明 (none
    when it is one entry, or a sentence)."""
    if re.search(r"[。，；,;]", text) or len(re.findall(r"表|说明", text)) < 2:
        return []
    pieces = [p.strip("、 ") for p in re.split(r"(?<=表)|(?<=说明)", text)]
    return [p for p in pieces if p] if len(pieces) > 2 else []


def _body_key(entry: str) -> str:
    return _NUMBERING.sub("", entry)


def _heading_key(entry: str, unit: str) -> str:
    """What of a 目录 entry the body's heading must repeat: without its numbering, the unit's
    name and the year, which headings print in many ways ("第二部分 某局2022年部门决算表")."""
    key = _body_key(entry)
    if unit:
        key = key.replace(flat(unit), "")
    return re.sub(r"20\d{2}年度?|^[（(]?(?:部门|单位|本级)[）)]?", "", key)[:10]


def _names_table(entry: str) -> bool:
    """A 目录 entry that names one table (not the part that holds them, not a 说明 item)."""
    bare = _body_key(entry)
    if _PART.match(entry) or "说明" in bare[-4:] or bare.endswith(("部分", "报告")):
        return False
    return bool(_TABLE_TITLE.search(bare)) and len(bare) >= 4


# --------------------------------------------------------------------------- completeness of the copy

def _filled(text: str) -> bool:
    """A document whose figures are given, though its unit's name is "XX" (a sharing site's copy
    with the name taken out): at least eight different amounts, where a template has none."""
    return len(set(_AMOUNT_GIVEN.findall(text))) >= 8


def partial_reason(lines: Sequence[tuple[str, Span]], contents: Contents, grids: Sequence[RawGrid], unit: str = "") -> str:
    """Why the document is evidently incomplete ("" when it looks whole): it stops in the middle
    of a sentence, or before parts its own 目录 lists."""
    texts = [t.strip() for t, _ in lines if t.strip()]
    while texts and (page_own_line(texts[-1]) or (len(texts[-1]) <= 60 and (
            _LINK_LABEL.match(texts[-1]) or _SITE_LINKS.match(texts[-1])))):
        texts.pop()  # a web copy's share or print line, its empty "附件:" list or its links, after the document
    label = next((i for i in range(len(texts) - 1, max(len(texts) - 4, -1), -1) if _ATTACHMENTS_LABEL.match(texts[i])), None)
    if label is not None:
        texts = texts[:label]  # "相关附件:" then the attachments' names, after the document
    if not texts:
        return ""
    chrome = CHROME_LINE.search(texts[-1])
    if chrome and chrome.start() > 0 and len(texts[-1]) - chrome.start() <= 30:
        texts[-1] = texts[-1][:chrome.start()].rstrip()  # the page's own line joined to the last of the document
    if contents.found and not any(t.strip() for t, _ in lines[contents.end:]) and not grids:
        return "文件不完整：只有目录，正文未见"
    last = texts[-1]
    body = "\n".join(flat(t) for t, _ in lines[contents.end:]) if contents.found else ""
    if contents.found and contents.parts:
        listed = [p for p in contents.parts if _PART.match(p) or re.match(r"^[一二三四五六七八九十]+[、.．]", p)]
        keys = [_heading_key(p, unit) for p in listed]
        present = [len(k) >= 2 and k in body for k in keys]
        if any(present) and not present[-1]:
            reached = max(i for i, p in enumerate(present) if p)
            missing = [listed[i] for i in range(reached + 1, len(listed)) if not present[i]]
            if len(missing) >= 2 and not grids:
                return f"文件不完整：正文止于“{_shorten(listed[reached])}”，目录所列其后的{len(missing)}个部分未见"
    # two headings of the 说明 with nothing under either (not a closing list of the tables' names), or
    # one that names a 说明 item after a paragraph ("…面积4124.16平方米。" / "(八)政府购买服务情况", "…无往年决算
    # 数据。" / "二、收入决算情况说明")
    closing = [flat(t) for t in texts[-2:]]
    item_last = len(closing) == 2 and not _heading(closing[0]) and closing[0].endswith("。") \
        and re.match(r"^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)", closing[1]) is not None \
        and closing[1].endswith(("情况", "说明"))
    if (item_last or len(texts) >= 2 and all(_heading(t) and not t.rstrip("》").endswith("表") for t in closing)) \
            and (not grids or _text_ends_it(lines, grids)):
        return f"文件不完整：正文止于标题“{_shorten(last)}”，其下没有内容"
    paged = any(span.page for _, span in lines)
    if _cut_mid_sentence(last, paged) and (not grids or _text_ends_it(lines, grids)):
        return f"文件不完整：正文在句子中间结束（“…{last[-12:]}”）"
    cut = _open_table(lines, grids) or _open_pipe_table(texts)
    if cut:
        return f"文件不完整：正文止于表格中途（《{_shorten(cut)}》未见总计、合计行）"
    return ""


def _open_table(lines: Sequence[tuple[str, Span]], grids: Sequence[RawGrid]) -> str:
    """The title of the money table (收入/支出) a copy stops inside: the copy's last line is in it
    and it has no 总计 or 合计 row yet ("" when the copy does not stop so, or its tables' lines are
    not known)."""
    last = next((span for t, span in reversed(lines) if t.strip()), None)
    numbered = [g for g in grids if _end(g)[1]]
    if last is None or last.line is None or not numbered:
        return ""
    final = max(numbered, key=_end)
    cells = [c for row in final.rows for c in row]
    if _end(final) < (last.page or 0, last.line) or any(re.search(r"总计|合计|总分", c) for c in cells):
        return ""
    return final.title if re.search(r"收入|支出", final.title + "".join(cells[:40])) else ""


def _open_pipe_table(texts: Sequence[str]) -> str:
    """The same for a table the copy kept as text rows of cells between bars, unread as a table:
    the copy ends on such a row, under a money table's title and before its 总计 or 合计 row."""
    run = []
    for t in reversed(texts):
        if "|" not in t and "｜" not in t:
            break
        run.append(t)
    run.reverse()
    for at in range(len(run) - 1, -1, -1):
        first = re.sub(r"\s+", "", re.split(r"\s*[|｜]\s*", run[at].strip(" |｜"))[0])  # ("公开 0 1 表" as spaced)
        if first.endswith("表") and not re.fullmatch(r"(?:公开)?\d+表|表[一二三四五六七八九十\d]+", first):  # not "公开01表"
            rows = run[at + 1:]
            if len(rows) < 2 or any(re.search(r"总计|合计", r) for r in rows):
                return ""
            return first if re.search(r"收入|支出", first) and "绩效" not in first else ""  # a money table's
    return ""


def _text_ends_it(lines: Sequence[tuple[str, Span]], grids: Sequence[RawGrid]) -> bool:
    """The document's last line is text, after every table (tables whose lines are known)."""
    last = next((span for t, span in reversed(lines) if t.strip()), None)
    ends = [_end(g) for g in grids]
    return bool(last and last.line is not None and ends and all(line for _, line in ends)
                and (last.page or 0, last.line) > max(ends))


_DATE_OR_PAGE = re.compile(r"(20\d{2}|二〇[一二三四五六七八九〇]{2})\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月(\s*[\d一二三四五六七八九十]{1,3}\s*日)?$|^[-—\s\d第页/]+$")


_HEADING_END = re.compile(r"(情况|说明|概况|职责|职能|设置|构成|解释|附件|附表|表|报告|工作|事项)$")


#: A sentence still running when its last number was cut: a clause mark, then a verb of change or
#: measure right before the number ("，下降7", "支出0.00").
_CLAUSE_BEFORE_NUMBER = re.compile(r"(?:^|[，,；;：:（(])[^，,；;。]{0,30}(?:增加|减少|增长|下降|支出|为|占|共计|合计|占[^，,；;。\d]{1,12}的)"
                                    r"\s*-?\d[\d,，]*(?:\.\d*)?%?$")  # "…,占收入合计的36.1" cut before its %
#: An income told in a clause, cut at its figure: "其中:财政拨款收入5308" (a clause mark before it: not a table's
#: last row "事业收入 12.00").
_INCOME_CUT = re.compile(r"[，,；;：:（(][^，,；;。\s]{0,30}收入\s*-?\d[\d,，]*(?:\.\d*)?$")
#: A new sentence begun after a full stop and cut at its first number: "…32.97万元。与201" (a year cut).
_SENTENCE_CUT_AT_NUMBER = re.compile(r"。[\u4e00-\u9fff]{1,20}\d+$")


#: A document a page cites by its title (《…预决算公开操作规程(2022年修订)的通知》).
_CITED = re.compile(r"《[^《》\n]{1,80}》")


def _end(grid: RawGrid) -> tuple[int, int]:
    """(page, line) of the last text line a grid was read from ((0, 0) when its lines are not known);
    a text copy split into pages by form feeds numbers its lines through the whole file."""
    return max(((s.page or 0, s.line) for row in grid.spans for s in row if s.line is not None), default=(0, 0))


def _heading(t: str) -> bool:
    """A numbered heading line ("（五）一般公共预算财政拨款支出决算情况说明")."""
    return bool(_NUMBERING.match(t) and _HEADING_END.search(t)) and len(t) <= 40


def _cut_mid_sentence(last: str, paged: bool = False) -> bool:
    """The last line stops where no sentence, heading, date, page number or signature ends (nor, on
    a paged copy's last page, cells of a table read as text: "…满意度指标 群众满意度 ≥90.00(%)指标")."""
    tail = re.split(r"[。；;！？]", last)[-1]
    if paged and len(tail.split()) >= 5 and not re.search(r"[，,]", tail):
        return False
    t = flat(last)
    if re.search(r"\d(?:%|％|万元|元)[；;]$", t):
        return True  # a list of figures cut after an item: "…经营收入0万元,占0%;" (R46z/03)
    if not t or t[-1] in _END_PUNCT + "|｜" or _DATE_OR_PAGE.search(t):
        return False
    if re.search(r"[\u4e00-\u9fff](?:19|20)\d\d$|(?:与|较|比|同)(?:19|20)\d?$", t):
        return True  # a year cut before its 年: "…殷祖卫生院本级2023", "与201"
    if re.search(r"\d[%％]?[，,]$", t) and re.search(r"[\u4e00-\u9fff]", t):
        return True  # a clause with its figure, the next one cut: "…完成预算数的99.96%,"
    if re.search(r"\d[\d,，.%]*$", t) and not (len(t) > 12 and _CLAUSE_BEFORE_NUMBER.search(t)) \
            and not _SENTENCE_CUT_AT_NUMBER.search(t) and not _INCOME_CUT.search(last.strip()):
        # a table's last cell, a page number; not "…公务接待费支出决算减少12,625.00元,下降7",
        # "其中:财政拨款收入5308" or "…32.97万元。与201"
        return False
    if last.rfind("《") > last.rfind("》"):
        return True  # a title cut inside its book-title marks: "一、水利管理站《收入支出决算总表"
    if _heading(t):  # a heading (an empty last part)
        return False
    if len(t) <= 20 and _ORG.search(t) and not _NUMBERING.match(t):  # a signature line: the unit's name
        # (not "七、政府", a heading cut short)
        return False
    if re.search(r"^附件\d*[:：]?.*\.(?:xlsx?|docx?|pdf|wps|et|zip|rar)$", t, re.IGNORECASE):
        return False  # "附件:卫计局2019年部门三公.xls": the attachment's link closes the page
    return True


def sparse_reason(body: str, parts: Sequence, year: int | None, has_tables: bool) -> str:
    """Why a document with few of its layout's parts is taken for an excerpt: fewer than half of
    the parts the layout requires appear in its body and it prints no table, or fewer than a quarter
    beside its tables ("" otherwise).
    (A unit that really left most parts out is still told, by the one ``C-PARTIAL`` note.)"""
    required = [p for p in parts if p.required_in(year)]
    if len(required) < 4:
        return ""
    text = flat(body)
    seen = [p for p in required if any(flat(n) in text for n in p.names)]
    if has_tables:  # tables with hardly a part of the 说明 (names in the tables' rows aside): it is elsewhere
        if len(seen) * 4 >= len(required):
            return ""
        return f"文件不完整：只见报表，格式要求的{len(required)}个说明部分只见到{len(seen)}个（说明可能另行公开，或只是节选）"
    if len(seen) * 2 >= len(required):
        return ""
    return f"文件不完整：格式要求的{len(required)}个部分中正文只见到{len(seen)}个，可能只是节选"


def _shorten(text: str, n: int = 24) -> str:
    return text if len(text) <= n else text[:n] + "…"


# --------------------------------------------------------------------------- identity

def identify(lines: Sequence[tuple[str, Span]], grids: Sequence[RawGrid] = (), *, kind: str | None = None,
             evaluations: Sequence = ()) -> tuple[Identity, Contents]:
    """The document's identity (without the profile, which assembly chooses from it) and its 目录."""
    basis: dict[str, str] = {}
    conf: dict[str, str] = {}
    title = find_title(lines)
    contents = find_contents(lines)
    # not the page's own lines around the title, nor a body sentence above a heading taken for the
    # title ("银川市殡仪馆…承担着我区及邻近的内蒙古、陕西…服务。" before "二、2014年部门决算情况")
    cover = " ".join(t for i, (t, _) in enumerate(lines[:_cover_end(lines, title, contents)])
                     if not page_own_line(t) and (title is None or i >= title.line or ("。" not in t and len(flat(t)) <= 60)))
    head = [t for t, _ in lines[:200] if not page_own_line(t)]  # the document's, not the page's ("索引号 | …")
    whole_head = "\n".join(flat(t) for t in head)
    own_head = "\n".join(flat(_CITED.sub("", t)) for t in head)  # a cited document's year is not its own

    unit = title.unit if title else ""
    year = title.year if title else None
    if title:
        basis["year"] = basis["kind"] = "标题"
        conf["year"] = conf["kind"] = SURE
    else:
        m = (re.search(r"(20\d{2})\s*年度", cover) or _most_told_year(own_head[:3000])
             or re.search(r"(?<![比较与同至止])(20\d{2})年[^。；;]{0,120}?(?:决算|预算|安排[“\"]?三公)", own_head[:300]))
        if m:
            year = int(m.group(1))
            basis["year"], conf["year"] = "正文开头的年度", LIKELY
    if not unit and evaluations:
        whole = next((e for e in evaluations if e.kind == "整体"), None)
        if whole is not None and whole.name:
            unit, basis["unit"], conf["unit"] = whole.name, "整体支出绩效自评表的单位名称", SURE
    if not unit:  # no title naming it: the first lines of the body that do (each pattern's comment says how)
        heads = [flat(t) for t, _ in lines[:_HEAD_LINES]]
        for pattern, said in ((_OVERVIEW, "第一部分标题"), (_OPENING, "正文首句"), (_YEAR_FIRST, "正文首句"),
                              (_NAMING, "正文所写单位"), (_SELF, "概况所写单位性质"), (_FOUNDED, "概况所写单位"),
                              (_OFFICES, "概况所写机构设置")):
            m = next((m for h in heads if (m := pattern.search(h))), None)
            name = next((g for g in m.groups() if g), "") if m else ""
            if pattern in (_OPENING, _YEAR_FIRST) and m and (year is None or int(m.group(2)) != year):
                continue  # a sentence of another year's
            name = clean_unit(name) if name else ""  # "现将我镇…": a self-reference names no unit
            if name and _ORG.search(name):
                unit, basis["unit"], conf["unit"] = name, said, LIKELY
                break
    if not unit:  # a page of 项目支出绩效自评表: the unit that carried the projects out
        doers = (clean_unit(re.sub(r"^(?:\d+\s*[-－—]|[\[［【]\d+[\]］】])\s*|本级$", "", e.implementer or e.department))
                 for e in evaluations if e.kind == "项目")
        unit = next((u for u in doers if u and _ORG.search(u)), "")
        if unit:
            basis["unit"], conf["unit"] = "项目支出绩效自评表的实施单位", LIKELY

    found_kind = _kind_of(title, cover, whole_head, grids, evaluations)
    # a standalone 三公 note is a part of its year's 决算 or 预算: which one decides the layout read
    accounts = ""
    if found_kind == "三公说明":
        accounts = title.kind if title else ("预算" if re.search(r"三公[”\"]?经费(?:财政拨款)?(?:支出)?预算(?!执行)|安排[“\"]?三公[”\"]?经费\d"
                                                             r"|(?:公务接待费|公务用车费|出国[（(]境[）)]费用?)预算", own_head[:300])
                                             and not re.search(r"决算|预算执行", own_head[:300]) else "决算")
    if kind:
        found_kind, basis["kind"], conf["kind"] = kind, KIND_GIVEN, SURE
    elif not title:
        basis["kind"], conf["kind"] = "正文用语", GUESS
    if unit and _PLACEHOLDER.search(unit) and not _filled(whole_head):
        found_kind, basis["kind"], conf["kind"] = "模板", "单位名称为占位符", SURE
    elif not unit and not kind and _TEMPLATE_TITLE.search(whole_head[:400]) and not _filled(whole_head):
        found_kind, basis["kind"], conf["kind"] = "模板", "标题的单位和年度为占位符", SURE

    scope = title.scope if title and title.scope else _scope_of(whole_head[:2000])
    # (an organisation's name with its other name in brackets is one: "民宗局(外侨办)")
    if found_kind == "三公说明" and ((unit and not _ORG.search(re.sub(r"[（(][^（）()]*[）)]$", "", unit)))
                                   or _SUMMED.search(whole_head[:1000])):
        scope = "汇总"  # a county's or a district's note over all its units ("施甸县2016年“三公”经费决算情况统计表")
    region = province_of(unit) if unit else ""
    if region:
        basis["region"], conf["region"] = f"单位名称“{unit}”", SURE
    else:
        region = province_of(flat(cover))
        if region:
            basis["region"], conf["region"] = "标题或封面", LIKELY
    if not region:  # the portal's record of who published it ("发布机构 | 昌宁县财政局 |"): the same region
        publisher = next((m.group(1) for t, _ in lines[:30] if (m := _PUBLISHER.search(t)) and _ORG.search(m.group(1))), "")
        region = province_of(publisher) if publisher else ""
        if region:
            basis["region"], conf["region"] = f"发布机构“{publisher}”", LIKELY
    city = city_of(unit) if region and unit else ""
    form = "university" if _UNIVERSITY.search(whole_head) else "standard"
    if form == "university":
        basis["form"], conf["form"] = "高等学校决算表表名", SURE
    partial = partial_reason(lines, contents, grids, unit)
    identity = Identity(kind=found_kind, accounts=accounts, scope=scope, form=form, year=year, region=region, city=city, unit=unit,
                        basis=basis, confidence=conf, partial=partial, toc=contents.found,
                        toc_tables=contents.tables, toc_parts=contents.parts,
                        toc_lines=(contents.start, contents.end) if contents.found else (0, 0),
                        span=title.span if title else None)
    return identity, contents


def _most_told_year(text: str) -> re.Match | None:
    """The "YYYY年度" the text names most often, the later of two told alike (a leftover sentence of last
    year's, "纳入本部门2020年度决算编制…", before "2021年度收入总计…"; "" when none is told)."""
    told = list(re.finditer(r"(20\d{2})\s*年度", text))
    counts = Counter(m.group(1) for m in told)
    best = max(counts, key=lambda y: (counts[y], y), default=None)
    return next((m for m in told if m.group(1) == best), None)


def _cover_end(lines: Sequence[tuple[str, Span]], title: Title | None, contents: Contents) -> int:
    """Index of the first line after the cover: the title and the short lines around it (date,
    "公开说明"), before the 目录 or the first heading or sentence of the body."""
    start = title.line + 1 if title else 0
    end = start
    for text, _ in lines[start:start + 4]:
        t = flat(text)
        if not t or len(t) > 30 or _NUMBERING.match(t) or _TOC_MARK.match(t) or "。" in t:
            break
        end += 1
    return min(end, contents.start) if contents.found and contents.start >= start else end


def _kind_of(title: Title | None, cover: str, head: str, grids: Sequence[RawGrid], evaluations: Sequence) -> str:
    """决算 / 预算 / 三公说明 / 绩效自评 from the title (else the words of the first pages)."""
    t = _COVER_DATE.sub("", flat(cover).rstrip("|｜"))
    if title is not None:
        if re.search(r"(?:部门|单位)(?:决|预)算(?:及|和|与)", t):
            return title.kind  # "…2024部门预算及三公经费预算情况说明": the whole, with its 三公 part
        if title.kind == "决算" and "三公" in t and not re.search(r"(部门|单位|本级)决算", t) and "决算公开" not in t:
            return "三公说明"
        if title.kind == "预算" and _BUDGET_NOTE.search(t) and _SANGONG_NOTE_END.search(t):
            return "三公说明"  # "…2019年部门预算“三公”经费公开说明": the budget's 三公 note alone
        if _SANGONG_KIND_END.search(t) and not re.search(r"(?:部门|单位|本级)(?:决|预)算", t):
            return "三公说明"  # "呈贡区财政局2016年“三公”经费预算情况"
        return title.kind
    if re.search(r"绩效自评|绩效评价报告", t) and not re.search(r"(部门|单位)决算", t):
        return "绩效自评"
    sample = head[:4000]
    # (or on its items, one after another: "2016年无因公出国(境)费用预算,…\n公务接待费预算1.71万元,…\n公务用车费…")
    items = _ITEM_OPENING.match(sample) and sum(1 for item in ("因公出国", "公务接待", "公务用车") if item in sample[:300]) >= 2
    if ((SANGONG_OPENING.search(sample[:300]) or _SANGONG_HEADING.match(sample) or items)
            and not re.search(r"第[一二三]部分|收入支出(?:决|预)算总", sample)):
        return "三公说明"  # "…2016年一般公共预算安排“三公”经费决算数2364万元…": a 三公 note without a title
    if re.search(r"现将[^。；;]{0,30}?\d{4}\s*年度?[^。；;\d]{0,10}?[“\"]?三公[”\"]?经费[^。；;\d]{0,10}?(?:决算|预算)", sample[:400]):
        return "三公说明"  # "现将我厅2016年“三公”经费预算情况说明如下": the note says what it is
    told = re.search(r"现将[^。；;]{2,60}?\d{4}\s*年度?\s*(?:部门|单位)?(决算|预算)", sample[:300])
    if told:  # "现将黔南州计划生育指导所2016年决算和“三公”经费公开如下": it says which
        return told.group(1)
    # (a heading of the 说明 counts thrice: "八、政府性基金预算支出决算情况说明"; the budget a 决算 compares with does
    # not count: "年初预算编制")
    final = len(re.findall(r"决算", sample)) + 2 * len(re.findall(r"决算情况(?:说明)?[ \t]*$", sample, re.M))
    budget = (len(re.findall(r"(?<!一般公共)(?<!政府)(?<!年初)预算(?!执行|数|财政拨款|绩效|管理|单位|信息)", sample))
              + 2 * len(re.findall(r"(?<!基金)(?<!经营)预算情况(?:说明)?[ \t]*$", sample, re.M)))
    if final == 0 and budget == 0:
        return "绩效自评" if evaluations else ""
    return "决算" if final >= budget else "预算"


#: A text opening on a 三公 item: "2016年无因公出国(境)费用预算,同比无变化。"
_ITEM_OPENING = re.compile(r"\s*(?:(?:19|20)\d\d\s*年度?)?(?:无|没有)?(?:因公出国|公务接待|公务用车)")
#: A region's 三公 note summed over its units: "经云县财政局汇总…现将县各部门、各乡镇…公开如下".
_SUMMED = re.compile(r"汇总[^。]{0,40}(?:各部门|各单位|各乡镇|各级|部门及乡镇)")


def _scope_of(head: str) -> str:
    """部门 or 单位 as the first pages say it most ("2021年度单位决算公开文本", "单位决算报表"), "" when neither."""
    department = len(re.findall(r"部门(?:决|预)算", head))
    unit = len(re.findall(r"单位(?:决|预)算", head))
    if not department and not unit:
        return ""
    return "单位" if unit > department else "部门"


def with_profile(identity: Identity, profile: str, basis: str, confidence: str) -> Identity:
    return replace(identity, profile=profile, basis={**identity.basis, "profile": basis},
                   confidence={**identity.confidence, "profile": confidence})


def tables_attached(lines: Sequence[tuple[str, Span]]) -> bool:
    """The text says its tables are published as an attachment (见附表 / 详见附件 …)."""
    return any(_ATTACHED.search(t) and ("表" in t or "附件" in t) for t, _ in lines)
