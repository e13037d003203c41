"""Wording checks over the published text: template remnants and editors' questions, the
template's paired alternatives left unchosen ("增长（下降）"), "XX"/"××" placeholders, doubled
punctuation, outdated 科目 names, amounts in 元 where 万元 is meant. The unit's name against the
title is in :mod:`.wording_names`.

Where it sits: rules/checks; reads ``narrative.text`` only (the whole text after the reader's
normalisation; the notes printed under the tables are lines of it too) and points at the line
of each hit. Nothing here does arithmetic.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Iterator

from ...core.codes import OUTDATED_NAMES, OUTDATED_SINCE, economic_codes, function_codes
from ...core.findings import Finding
from ...core.money import parse_amount
from .base import ERROR, WARNING, Code, Context, NotApplicable, check
from .support import line_span, quoted, require_marks_in_place, spans, year_of
from .wording_names import unit_name

# --------------------------------------------------------------------------- finding codes

W_EDITOR_QUESTION = Code("W-EDITOR-QUESTION", ERROR, "正文中留有编写人员的提问（以问号结尾的句子），应删除或补写")
W_QUESTION_MARK = Code("W-QUESTION-MARK", WARNING, "正文中有半角问号或“是否…？”问句，可能是留下的提问、指标名称或乱码，请核实")
W_TEMPLATE_REMNANT = Code("W-TEMPLATE-REMNANT", ERROR, "正文或表下说明中留有模板说明或编写提示（如“（如持平作持平表述）”“请补充”“仍保留该表格式，并在本表下方作下述说明”）；"
                                                    "只留下模板的个别字词（“列明”、单位名称后的“部门（单位）”、“财政厅（局）”、段首的“机构设置要求：”）为警告", also=(WARNING,))
W_TEMPLATE_CHOICE = Code("W-TEMPLATE-CHOICE", ERROR, "正文中留有模板的二选一写法（如“增长（下降）”“大于（小于）”“增加/减少”“增（减）”），未按实际情况取舍")
W_PLACEHOLDER = Code("W-PLACEHOLDER", ERROR, "正文中留有“XX”“××”“某某”等占位符（数字、科目名称、“分别是”后的名称或封面日期的月份空着未填时为警告）",
                     also=(WARNING,))
W_CHART_PLACEHOLDER = Code("W-CHART-PLACEHOLDER", WARNING, "图表的数据标签留有“[值]”“[类别名称]”等未替换的占位符（Word 图表的默认标签）")
W_DOUBLE_PUNCT = Code("W-DOUBLE-PUNCT", WARNING, "标点重复或连用（如“。。”“，。”）")
W_OUTDATED_NAME = Code("W-OUTDATED-NAME", WARNING, "正文使用了已停用的科目旧名称（如“行政事业单位离退休”应为“行政事业单位养老支出”）")
W_CLASS_NAME = Code("W-CLASS-NAME", WARNING, "正文中带金额的功能分类类级科目名称与规范名称相差一两个字（如“社会保障和服务支出”应为“社会保障和就业支出”）")
W_UNIT = Code("W-UNIT", WARNING, "金额单位疑误：正文以“元”表示的金额，其余均以“万元”表示（或反之）；或只写“万”漏写“元”；或增减额没有单位")
W_PAREN = Code("W-PAREN", WARNING, "同一段内括号不配对（有“（”无“）”，或反之）")
W_TYPO = Code("W-TYPO", WARNING, "正文有常见错字（如“士地”应为“土地”），或固定提法中有一词写错（如“武装头脑、指导实践、推动工作”写作“指导初中”）")
W_PERCENT_SIGN = Code("W-PERCENT-SIGN", WARNING, "增减率或占比漏写百分号（如“增长13.95。”）")


_CJK = "\u4e00-\u9fff"
_QUESTION = re.compile(r"[^。！？；\n!?]{0,40}？")
_ASCII_QUESTION = re.compile(rf"[^。！？；\n!?]{{0,40}}[{_CJK}]\?(?!\?)")
_REMNANT = re.compile(
    r"（如[^（）\n]{0,20}(?:表述|填写|说明|删除)[^（）\n]{0,10}）"
    r"|【[^】\n]{0,30}(?:填写|补充|删除|说明|修改)[^】\n]{0,30}】"
    r"|(?:请|待)(?:补充|填写|完善|核实)"
    r"|此处(?:填写|补充|插入)"
    r"|（不涉及的?不列）"
    # the template's instruction for an empty table or section, left in above the statement itself
    r"|无[^，。；\n]{2,40}的(?:部门|单位)?，(?:仍保留该表格式，?)?(?:并在本表下方)?作下述说明[：:]?"
    r"|仍保留该表格式[^。\n]{0,20}"
    # instructions to the writer left in headings and the 目录
    # (not a note to the reader: "（注：如有不符，以报表为准）")
    r"|[（(]注[:：]?(?:请|如[^）)\n]{0,30}?(?:应|须|需)(?:写明|说明|填写|注明))[^）)\n]{0,30}[）)]"  # "（注:如无下属单位,应写明…)"
    # a note's guidance, left in: "开展内容包括:具体出国开支及开展工作情况等", "这部分主要介绍本单位机构设置情况,
    # 格式和内容没有固定要求,可以参考但不限于以下内容:"
    r"|包括[：:]\s*具体[^。\n]{2,20}情况等|这部分主要介绍[^。\n]{2,30}|格式和内容没有固定要求[^。\n]{0,30}"
    r"|[（(]仅有一个单位的部门[^）)\n]{0,40}[）)]"
    r"|本部分内容为“[^”\n]{0,10}”"
    # a budget template's note of what to write, left after the text: "（绩效目标管理工作情况，以及编报绩效目标的
    # 项目数量、单位数量、预算金额等）"
    r"|[（(][^（）()\n]{2,30}情况[，,]以及[^（）()\n]{2,40}等[）)]"
    # who the 编制说明 template asks to write a part, and its own label: "（主管部门编写）", "（参考格式）"
    r"|[（(](?:基层预算单位|主管部门|中央单位|一级预算单位|基层单位)编写[）)]|[（(]参考格式[）)]|[（(](?:表格)?示例如下[）)]"
    # how to write a part, left after its heading: "（一般公共预算财政拨款支出决算具体情况，按支出功能分类类级科目逐类分析）"
    r"|[（(][^（）()\n]{2,40}[，,]按[^（）()\n]{2,30}逐(?:类|项|款)(?:分析|说明|列示)[）)]"
    # 北京's notes after a heading: "（比照预算公开的内容格式）", "（需公开内设机构数量和下属单位数量及名称）"
    r"|[（(]比照[^（）()\n]{2,20}格式[）)]|[（(](?:需|应|须)公开[^（）()\n]{2,30}[）)]"
    # 重庆's: "主要职能是(单位现行的职能职责):", "(三)本轮机构改革相关情况。(注:仅涉改部门需要撰写说明)"
    r"|[（(](?:单位|部门)现行的?职能职责[）)]|[（(]注[:：]?[^（）()\n]{0,20}需要?(?:撰写|填写|编写)[^（）()\n]{0,10}[）)]"
    # 重庆's note under 单位构成: "本部分包含本单位机构设置、单位构成等详细信息,如有其他需要说明的情况,应单独在此进行补充说明"
    r"|(?:本部分包含[^。；;\n]{2,30}等详细信息[，,]?)?如有其他需要说明的情况[，,]\s*应[^。；;\n]{0,12}补充说明"
    r"|本部分包含[^。；;\n]{2,30}等详细信息"
)
#: The filling rules in a 三公 form's 备注, which some counties publish with the form as it stands ("5、请对“三公”
#: 经费增减变化原因等进行说明"): a warning, not an error.
_FORM_NOTE = re.compile(r"请对[^。；;\n]{2,30}进行说明")
#: A word of the template's instructions kept in an otherwise written sentence ("列明公务接待2批次").
_REMNANT_WORD = re.compile(r"列明(?=公务接待|国内公务接待|因公出国)")
#: The template's choice of who summed a region's 三公 figures, left as offered ("经盘龙区财政厅(局)汇总").
_ORGAN_CHOICE = re.compile(r"财政厅[（(]局[)）]|财政局[（(]厅[)）]|本地区[（(]本部门[)）]|本部门[（(]本地区[)）]")
#: A head count whose blank the form kept: "其中:行政编制 人,事业编制 2 人", "离休 人,退休 人。" (武汉 2020).
_COUNT_BLANK = re.compile(r"(?:编制|离休|退休|在职|管理)[ \t\u3000]+人(?=[,，、;；。)）])")
#: A template's example list left in: classes marked "(类)" and an ellipsis ("支出包括:一般公共服务支出(类)、公共安全支出(类)……").
_EXAMPLE_LIST = re.compile(r"包括[:：]\s*(?:[\u4e00-\u9fff]{2,16}支出[（(]类[)）][、，]\s*)+[\u4e00-\u9fff]{2,16}支出[（(]类[)）]\s*(?:…|\.{3})+")
#: A template's name for what a paragraph must say, left before the paragraph ("机构设置要求:2022年…";
#: a copy may have run it onto the line before).
_FIELD_LABEL = re.compile(r"(?:机构设置|人员情况|人员构成|单位构成|职能职责|部门职责|主要职能|基本职能)要求[:：]"
                          # a blank's label kept beside what was written in it: "团组主要包括0(团组名称)等,计划完成0(预期绩效)"
                          r"|(?<=\d)[（(](?:团组名称|预期绩效|项目名称|单位名称|具体事项)[）)]")
#: Words of direction the template offers in pairs ("增加（减少）"): one of them should have been kept.
_UP = ("增加", "增长", "上升", "大于", "高于")
_DOWN = ("减少", "下降", "小于", "低于")
_WAY = "|".join(_UP + _DOWN)
#: "增长（下降）", "增加/减少", "增(减)", "增加(或减少)": both ways of the template, one in brackets or after a slash;
#: "决算数小于预算数(或与预算数持平)".
_CHOICE = re.compile(rf"({_WAY})(?:[（(]或?({_WAY})[)）]|[/／]({_WAY}))|增[（(]减[)）]|减[（(]增[)）]"
                     r"|[大小]于预算数?[（(]或与预算数?持平[)）]")
_PLACEHOLDER = re.compile(r"(?<![A-Za-z])(?:[XxＸｘ]{2,}|×{2,}|某某|某部门(?=本级|\d{4}年|的|[（(])"
                          r"|部门[（(]单位[）)]名称(?=概况|基本情况))(?![A-Za-z])")  # "第一部分:部门(单位)名称概况"
#: A figure the template left blank: "占 %", "比上年减少 万元".
_FIGURE_BLANK = re.compile(r"(?:占|增加|减少|增长|下降|上升|降低)[ \t\u3000]*(?:%|％|万元)(?![ \t\u3000]*[|｜\t])"  # (not a header cell: "比上年增长% |")
                           # a count left as stars or empty: "事业单位**个", "其中:行政人,事业6人"
                           r"|(?<=[\u4e00-\u9fff])\*{2,}(?=个|人|名|辆|家|万元|%)"
                           r"|(?<![\d\u4e00-\u9fff])(?:行政|事业|工勤|离休|退休|在职)人(?=[,，、;；])"
                           r"|共有(?:在职)?(?:干部)?(?:教)?职工人(?=[,，、;；。])"  # "我单位共有职工人,其中正式职工427人"
                           # a count of units left out: "开支单位包括北京市通州区殡仪馆个所属单位"
                           r"|[局馆院所站心校会委办府处队园]个(?:所属|下属)单位"
                           r"|共[ \t\u3000]+(?:台|辆|个|人|名|家)(?=[。，,；;])"  # "公务用车辆共 台。"
                           r"|(?<=收入|支出|资金|拨款)[ \t\u3000]*万元(?=[,，、;；。])")  # "…0.00万元,事业收入资金万元,上级补助…"
#: A list the template left empty: "统筹设置5个事业单位:分别是。".
_LIST_BLANK = re.compile(r"[^，,。；;\n]{0,16}分别(?:是|为)[：:]?[ \t\u3000]*(?=[。；;])")
#: A subject's level printed with no name before it: "…及相关机构事务(款)(项):支出决算为441.72万元".
_LEVEL_BLANK = re.compile(r"[（(](?:类|款)[）)][ \t]*[（(](?:款|项)[）)]")
#: A date line whose month the template left blank: "二〇二三年月", "2023年  月  日" (the whole line).
_DATE_BLANK = re.compile(r"(?m)^[ \t\u3000]*((?:19|20)\d\d|[〇零一二][〇零一二三四五六七八九]{3})[ \t\u3000]*年[ \t\u3000]*月"
                         r"(?:[ \t\u3000]*日)?[ \t\u3000]*$")
#: A paragraph of a template that holds only its ellipsis.
_EMPTY_SECTION = re.compile(r"(?m)^[ \t\u3000]*(?:…{1,2}|\.{6})[ \t\u3000]*$")
#: The labels Word puts on a chart until its data are linked: "[值]" "[类别名称]" "[系列名称]" "[百分比]".
_CHART_LABEL = re.compile(r"[\[［](?:值|类别名称|系列名称|百分比|单元格区域)[\]］]")
# ";。" too (a copy's plain semicolon; a mirror site's ",。" is its own: see double_punctuation)
_DOUBLE = re.compile(r"([。，、；：！？])\1|[，、；：;][。]|[。][，、；：,;:]|[，,]、|、[，,]")
_NO_PERCENT = re.compile(r"(?:增长|下降|上升|降低|提高|占)\s?(\d{1,3}\.\d{1,2})\s?(?=[。，；,;])")
#: A change with cents but no unit: "收支较上年减少484.05,降低11.1%" (not a list, "各减少1267.86,2570.97万元").
_NO_UNIT = re.compile(r"(?:增加|减少)\s?((?:\d{1,3}(?:,\d{3})+|\d+)\.\d{2})\s?(?=[，,；;。](?!\d))")
_WAN_ONLY = re.compile(r"(?:支出|费|金额|资金|预算|决算|收入|经费|补助|拨款)[^\d，。；\n]{0,6}"
                       r"((?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{2})? ?万)(?=[（(，,。；;、）)]|$(?!\n\s*元))"
                       # not "0.85万" / "元…" wrapped, nor a mirror's gloss a wrap kept whole: "564.93万(wàn)元"
                       r"(?![（(][a-zü\u00e0-\u01dc ]{1,8}[)）]\s*元)", re.M)
#: An enumeration mark "1）" "二)" at the start of a clause is not half of a pair.
_ENUM_CLOSE = re.compile(r"(?:^|[。；;：:，,、\s])[\d一二三四五六七八九十]{1,2}$")
_OPEN, _CLOSE = "（(", "）)"
#: Characters a Chinese text never holds but a wrong decoding of one does: box drawing, 注音 letters,
#: Latin letters with two accents ("?。ㄒ唬┮蚬鰢", "ǘ┕珓"), a pinyin gloss's letter run into a character
#: ("?qū)徟螅F").
_GARBLED = re.compile(r"[\u2500-\u257f\u3100-\u312f\u01cd-\u01dc]|[āáǎàēéěèīíǐìōóǒòūúǔù](?=[\u4e00-\u9fff)）])")
_WAN = re.compile(r"\d\s?万元")
_WAN_CENTS = re.compile(r"(?<![\d.,])(?!0+\.00)(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{2} ?万元")  # not "0.00万元": none either way
_YUAN = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)\.\d{2} ?元(?![/／])")


def _ending_at(pattern: re.Pattern, text: str, mark: str, reach: int) -> Iterator[re.Match]:
    """``pattern.finditer(text)`` for a pattern whose every match ends with ``mark``, spans at
    most ``reach`` characters and holds no other ``mark``: each match is searched for only in the
    window before one ``mark`` (the text is scanned for the mark, not tried at every position)."""
    previous = -1
    at = text.find(mark)
    while at != -1:
        m = pattern.search(text, max(previous + 1, at - reach), min(len(text), at + 2))
        if m is not None:
            yield m
        previous, at = at, text.find(mark, at + 1)


def _text(ctx: Context) -> str:
    n = ctx.disclosure.narrative
    if n is None or not n.text.strip():
        raise NotApplicable("缺少公开说明文字")
    return n.text


@check(W_EDITOR_QUESTION, W_QUESTION_MARK, W_TEMPLATE_REMNANT)
def editor_notes(ctx: Context) -> Iterator[Finding]:
    """公开文本不应含编写人员的提问或模板提示语。"""
    text = _text(ctx)
    for m in _ending_at(_QUESTION, text, "？", 41):
        clause = m.group(0).strip("，, ")
        if "是否" in clause:  # an indicator or a checklist item ("是否按期完成？"), not an editor's note
            yield W_QUESTION_MARK(f"正文中有问句“{clause}”，请核实是否应保留",
                          {"原文": clause}, spans(line_span(ctx.disclosure, m.start(), m.end())), "文字")
            continue
        yield W_EDITOR_QUESTION(f"正文中有疑问句“{clause}”，像是编写时留下的提问，请删除或补写内容",
                      {"原文": clause}, spans(line_span(ctx.disclosure, m.start(), m.end())), "文字")
    # characters lost to "?" in the copy, or decoded in the wrong encoding ("?。ㄒ唬┮蚬"): a lone "?" is
    # then damage too, not a question
    damaged = re.search(r"\?[\s。]{0,2}\?", text) is not None or _GARBLED.search(text) is not None  # (a mirror's "浏览?。?")
    for m in () if damaged else _ending_at(_ASCII_QUESTION, text, "?", 42):
        clause = m.group(0).strip("，, ")
        yield W_QUESTION_MARK(f"正文中有问号“{clause}”，可能是留下的提问或乱码，请核实",
                      {"原文": clause}, spans(line_span(ctx.disclosure, m.start(), m.end())), "文字")
    for m in _REMNANT.finditer(text):
        yield W_TEMPLATE_REMNANT(f"正文中留有模板提示语“{m.group(0)}”", {"原文": m.group(0)},
                      spans(line_span(ctx.disclosure, m.start(), m.end())), "文字")
    for m in _FORM_NOTE.finditer(text):
        yield W_TEMPLATE_REMNANT.at(WARNING)(f"正文中留有表格备注的填报要求“{m.group(0)}”，如非表格原有的说明，应删去或按要求补写",
                                             {"原文": m.group(0)}, spans(line_span(ctx.disclosure, m.start(), m.end())), "文字")
    for m in _REMNANT_WORD.finditer(text):
        yield W_TEMPLATE_REMNANT.at(WARNING)(f"正文中留有模板的“{m.group(0)}”二字（模板提示“{m.group(0)}……”），应删去",
                                             {"原文": m.group(0)}, spans(line_span(ctx.disclosure, m.start(), m.end())), "文字")
    for m in _EXAMPLE_LIST.finditer(text):
        yield W_TEMPLATE_REMNANT.at(WARNING)(f"“{m.group(0)}”像是模板的示例列表（科目后标“(类)”并以省略号结尾），应按本单位实际列出",
                                             {"原文": m.group(0)}, spans(line_span(ctx.disclosure, m.start(), m.end())), "文字")
    for m in _FIELD_LABEL.finditer(text):
        label = m.group(0)
        yield W_TEMPLATE_REMNANT.at(WARNING)(f"留有模板的栏目提示“{label}”，应删去", {"原文": label},
                                             spans(line_span(ctx.disclosure, m.start(), m.end())), "文字")
    for m in _ORGAN_CHOICE.finditer(text):
        first, other = _alternatives(m.group(0))
        yield W_TEMPLATE_REMNANT.at(WARNING)(f"“{m.group(0)}”中留有模板的二选一写法，应按实际写“{first}”或“{other}”",
                                             {"原文": m.group(0)}, spans(line_span(ctx.disclosure, m.start(), m.end())), "文字")
    unit = ctx.disclosure.identity.unit or ctx.disclosure.unit.name
    if unit:  # the template's "XX部门（单位）" with the name filled in and the choice left
        for m in re.finditer(re.escape(unit) + r"(部门[（(]单位[）)])", text):
            yield W_TEMPLATE_REMNANT.at(WARNING)(f"“{unit}{m.group(1)}”中留有模板的“{m.group(1)}”，应按实际写“部门”或“单位”",
                                     {"原文": m.group(0)}, spans(line_span(ctx.disclosure, m.start(1), m.end(1))), "文字")


def _alternatives(choice: str) -> tuple[str, str]:
    """The two words of "财政厅（局）" (财政厅, 财政局) or "本地区（本部门）" (本地区, 本部门)."""
    first, other = re.split(r"[（(]", choice.rstrip(")）"), maxsplit=1)
    return first, (first[:-1] + other if len(other) == 1 else other)


@check(W_TEMPLATE_CHOICE)
def template_choices(ctx: Context) -> Iterator[Finding]:
    """模板中成对给出的增减、大小写法（“增加（减少）”“下降（增长）”）应按实际只保留一种。"""
    text = _text(ctx)
    choices = (m for m in _CHOICE.finditer(text)
               if not m.group(1) or (m.group(1) in _UP) != ((m.group(2) or m.group(3)) in _UP))  # not "增长（增加）"
    for first, shown, count, more in _per_line(text, choices):
        yield W_TEMPLATE_CHOICE(f"正文中留有模板的二选一写法“{shown}”{more}，应按实际增减（大小）只保留一种",
                      {"原文": shown, "处数": count}, spans(line_span(ctx.disclosure, first.start(), first.end())), "文字")


def _per_line(text: str, matches: Iterable[re.Match], wraps: bool = False) -> Iterator[tuple[re.Match, str, str, str]]:
    """The matches of each line together: (the first, the texts matched once each joined by "、",
    how many, "（本行共N处）" when more than one), in the order of the lines. With ``wraps``, a line
    that ends mid-sentence runs on into the next (a copy's hard wrap: one sentence, one finding)."""
    by_line: dict[int, list[re.Match]] = {}
    line, at = 0, 0
    for m in matches:  # in text order: the line is counted on from the last match
        if wraps:
            line += sum(1 for b in _NEWLINE.finditer(text, at, m.start()) if not _SOFT_BREAK.match(text, b.start() - 1))
        else:
            line += text.count("\n", at, m.start())
        at = m.start()
        by_line.setdefault(line, []).append(m)
    for hits in by_line.values():
        more = f"（本行共{len(hits)}处）" if len(hits) > 1 else ""
        yield hits[0], "、".join(dict.fromkeys(h.group(0) for h in hits)), str(len(hits)), more


_NEWLINE = re.compile("\n")
#: A line break inside a sentence: after a character that ends none, before a line that opens no numbered heading.
_SOFT_BREAK = re.compile(r"[^。！？；;：:\s]\n(?![ \t\u3000]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|第[一二三四五六七八九十]+部分))")
#: A tracked deletion as a Word file's copy prints it, right before the words deleted.
_DELETED = re.compile(r"(?:Deleted|删除的内容|已删除)\s*[:：]\s*$")


@check(W_PLACEHOLDER)
def placeholders(ctx: Context) -> Iterator[Finding]:
    """公开文本不应含“XX”“××”“某某”等未替换的占位符。"""
    text = _text(ctx)
    unit = ctx.disclosure.identity.unit or ctx.disclosure.unit.name
    # (not what a Word file's tracked changes show as deleted: "Deleted: ××部门")
    marks = [m for m in _PLACEHOLDER.finditer(text) if not _DELETED.search(text, max(m.start() - 12, 0), m.start())]
    in_name: list[re.Match] = []
    if unit and _PLACEHOLDER.search(unit):  # "XX区第二幼儿园" wherever the unit is named: one defect
        names = [(m.start(), m.end()) for m in re.finditer(re.escape(unit), text)]
        in_name = [m for m in marks if any(a <= m.start() < b for a, b in names)]
    if in_name:
        shown = "、".join(dict.fromkeys(m.group(0) for m in in_name))
        lines = spans(*(line_span(ctx.disclosure, m.start(), m.end()) for m, _, _, _ in _per_line(text, in_name)))
        yield W_PLACEHOLDER(f"单位名称“{unit}”中留有占位符“{shown}”（全文共{len(in_name)}处），应填写单位的实际名称",
                            {"占位符": shown, "处数": str(len(in_name))}, lines, "文字")
    for first, shown, count, more in _per_line(text, (m for m in marks if m not in in_name), wraps=True):
        yield W_PLACEHOLDER(f"正文中留有占位符“{shown}”{more}，应替换为实际内容", {"占位符": shown, "处数": count},
                      spans(line_span(ctx.disclosure, first.start(), first.end())), "文字")
    for first, shown, count, more in _per_line(text, _FIGURE_BLANK.finditer(text)):
        yield W_PLACEHOLDER.at(WARNING)(f"“{shown}”中缺少数字（模板的空格未填）{more}", {"原文": shown, "处数": count},
                                        spans(line_span(ctx.disclosure, first.start(), first.end())), "文字")
    counts = list(_COUNT_BLANK.finditer(text))
    if counts:  # one finding for the form's blanks, however its lines were broken
        shown = "、".join(dict.fromkeys(m.group(0) for m in counts))
        yield W_PLACEHOLDER.at(WARNING)(f"人数“{shown}”中缺少数字（模板的空格未填，共{len(counts)}处）",
                                        {"原文": shown, "处数": str(len(counts))},
                                        spans(*(line_span(ctx.disclosure, m.start(), m.end()) for m in counts[:3])), "文字")
    for first, shown, count, more in _per_line(text, _LIST_BLANK.finditer(text)):
        yield W_PLACEHOLDER.at(WARNING)(f"“{shown}”之后没有列出名称（模板的空格未填）{more}", {"原文": shown, "处数": count},
                                        spans(line_span(ctx.disclosure, first.start(), first.end())), "文字")
    for first, shown, count, more in _per_line(text, _LEVEL_BLANK.finditer(text)):
        yield W_PLACEHOLDER.at(WARNING)(f"科目“{shown}”中缺少名称（模板的空格未填）{more}", {"原文": shown, "处数": count},
                                        spans(line_span(ctx.disclosure, first.start(), first.end())), "文字")
    for m in _DATE_BLANK.finditer(text):
        written = m.group(0).strip()
        yield W_PLACEHOLDER.at(WARNING)(f"日期“{written}”没有填月份（模板的空格未填）", {"原文": written},
                                        spans(line_span(ctx.disclosure, m.start(1), m.end())), "文字")
    empty = list(_EMPTY_SECTION.finditer(text)) if ctx.disclosure.identity.kind == "模板" else []
    if empty:  # a template's sections that hold only its "……" (elsewhere a "……" line may stand for table rows)
        yield W_PLACEHOLDER.at(WARNING)(f"有{len(empty)}处段落只有模板的“……”，未填写内容", {"原文": "……", "处数": str(len(empty))},
                                        spans(*(line_span(ctx.disclosure, m.start(), m.end()) for m in empty[:3])), "文字")


@check(W_CHART_PLACEHOLDER)
def chart_placeholders(ctx: Context) -> Iterator[Finding]:
    """图表数据标签不应留有“[值]”等占位符（图表未链接数据时 Word 显示的默认标签）。"""
    text = _text(ctx)
    for m in _CHART_LABEL.finditer(text):
        yield W_CHART_PLACEHOLDER(f"图表中留有数据标签占位符“{m.group(0)}”，应显示实际数值", {"占位符": m.group(0)},
                                  spans(line_span(ctx.disclosure, m.start(), m.end())), "文字")


@check(W_DOUBLE_PUNCT)
def double_punctuation(ctx: Context) -> Iterator[Finding]:
    """同一位置不应出现两个句读标点（“。。”“，，”“，。”等；省略号、破折号除外）。"""
    text = _text(ctx)
    require_marks_in_place(text)
    mirror = ",。" in text  # a copy site that puts a plain comma after words ("村经济,、文化"): its commas are its own
    for m in _DOUBLE.finditer(text):
        if mirror and "," in m.group(0):
            continue
        yield W_DOUBLE_PUNCT(f"标点“{m.group(0)}”重复或连用", {"标点": m.group(0)},
                      spans(line_span(ctx.disclosure, m.start(), m.end())), "文字")


@check(W_OUTDATED_NAME, relations=("C10",))
def outdated_names(ctx: Context) -> Iterator[Finding]:
    """正文中的类、款名称应为当年科目名称，不用已停用的旧名称。"""
    text = _text(ctx)
    year = ctx.disclosure.identity.year or ctx.disclosure.unit.year
    if not year:  # ("医疗卫生与计划生育支出" is the name of 2018 and before)
        raise NotApplicable("文件年度不明，无法判断所用科目名称在当年是否已停用")
    for old, new in OUTDATED_NAMES.items():
        if year < OUTDATED_SINCE[old]:
            continue  # the name of its own year
        for m in re.finditer(re.escape(old), text):
            yield W_OUTDATED_NAME(f"“{old}”是旧科目名称，现行名称为“{new}”", {"旧名称": old, "现行名称": new},
                          spans(line_span(ctx.disclosure, m.start(), m.end())), "文字")


#: A name ending in 支出 with its amount after it (and "(类)" between), on one line: "…,社会保障和服务支出54.59万元".
_SPENT_NAME = re.compile(r"(?:^|(?<=[，,、；;：:（(\s]))([\u4e00-\u9fff]{5,14}支出)(?:[（(]类[）)])?[^\S\n]*(?:为|是)?[^\S\n]*\d", re.M)
#: Names near a 类's that are words of their own ("一般公共预算支出" beside 一般公共服务支出).
_NOT_A_SLIP = re.compile(r"预算|财政|资金|经费|基本|项目")
#: 类 names of earlier years' 科目, right in their own year (2015's "资源勘探电力信息等支出").
_EARLIER_CLASSES = ("资源勘探电力信息等支出", "国土资源气象等支出", "城乡社区事务支出", "医疗卫生支出", "金融监管等事务支出",
                    "地震灾后恢复重建支出", "粮油物资储备管理等事务支出", "粮油物资储备事务支出")
_SENTENCE = re.compile(r"[^。\n]*")


@lru_cache(maxsize=1)
def _class_names() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """(every 科目 name known, the 类 names a slip is measured against: this year's and the old ones, the
    经济分类 类 names)."""
    table = function_codes(2024)
    known = frozenset(table.names()) | set(OUTDATED_NAMES) | set(OUTDATED_NAMES.values()) | set(_EARLIER_CLASSES)
    classes = (*table.names(3), *(old for old in OUTDATED_NAMES if old.endswith("支出")))
    return known, classes, tuple(economic_codes().names(3))


@check(W_CLASS_NAME)
def class_name_slips(ctx: Context) -> Iterator[Finding]:
    """带金额的类级科目名称与规范名称一致，不会只差一两个字（“与”“和”之别不算）；只在同一句还列有其他功能分类类级科目、
    没有经济分类科目时核对。"""
    text = _text(ctx)
    known, classes, economic = _class_names()
    for m in _SPENT_NAME.finditer(text):
        name = m.group(1)
        if name in known or _NOT_A_SLIP.search(name):
            continue
        near = [c for c in classes if len(c) == len(name) >= 7
                and 1 <= len(diff := {(a, b) for a, b in zip(c, name) if a != b}) <= 2 and diff - {("与", "和"), ("和", "与")}]
        # (in a list of 类 only: "工资福利支出…,一般商品服务支出851.67万元" is an 经济分类 list, loosely named)
        sentence = _SENTENCE.match(text, max(text.rfind("。", 0, m.start()), text.rfind("\n", 0, m.start())) + 1).group(0)
        listed = any(c in sentence.replace(name, "") for c in classes + _EARLIER_CLASSES)
        if len(near) == 1 and listed and not any(e in sentence for e in economic if e not in classes):
            # (a 类 the name holds whole is as likely: "一般公共安全支出" for 公共安全支出)
            meant = "”或“".join([*near, *(c for c in classes if c in name)])
            yield W_CLASS_NAME(f"“{name}”不是规范的类级科目名称，疑为“{meant}”", {"原文": name, "规范名称": meant},
                               spans(line_span(ctx.disclosure, m.start(1), m.end(1))), "文字")


#: Letters that make no word in a finance office's text (a pattern: 士地 after 护/人/战… is part of a
#: word), and the word meant.
TYPOS = {r"(?<![护人战博硕学院女男将勇烈义卫骑道居名绅进力谋隐斗])士地": "土地", "部暑": "部署", "贯沏": "贯彻", "载止": "截止",
         r"(?m)(?<!说)情况明(?=[…．.·\s\d]|$)": "情况说明",  # a heading's "总体情况明" (a 目录 line's leaders after it)
         "公用用车": "公务用车", "机关机参公": "机关及参公", "讼诉": "诉讼", "国有资本占用": "国有资产占用",
         r"北培(?=[、，区])": "北碚", r"(?<!出)有因是": "原因是",
         # a word that lost its last character before a figure or a change word ("支出总4252.73万元")
         r"收入总(?=\s*\d)": "收入总计", r"支出总(?=\s*\d)": "支出总计", r"资金安(?=\s*\d)": "资金安排",
         r"预算支(?=减少|增加)": "预算支出",
         r"(?<=[、，])整治(?=、经济)": "政治",  # "改善民生、整治、经济等各项工作"
         # economic classes listed under the functional label ("按支出功能分类:工资福利支出213.89万元…")
         r"(?<=按支出)功能(?=分类[:：]\s*(?:工资福利|商品和服务|对个人和家庭))": "经济"}
#: Set phrases of three parts: written with two parts as here and the third another word, the third is wrong.
SET_PHRASES = (("武装头脑", "指导实践", "推动工作"), ("学懂", "弄通", "做实"), ("讲政治", "顾大局", "守规矩"))


@check(W_TYPO)
def typos(ctx: Context) -> Iterator[Finding]:
    """正文和绩效自评表的目标、完成情况不含常见错字；固定提法（“武装头脑、指导实践、推动工作”）各词不写错。"""
    d = ctx.disclosure
    if not d.evaluations:
        _text(ctx)  # neither text nor performance tables: not run
    text = d.narrative.text if d.narrative is not None else ""
    for m, wrong, right in _slips(text):
        yield W_TYPO(_slip_message(wrong, right), {"原文": wrong, "应为": right},
                     spans(line_span(d, m.start(), m.end())), "文字")
    for ev in d.evaluations:
        for part in ("goal", "achieved"):
            seen = set()
            for _, wrong, right in _slips(getattr(ev, part)):
                if wrong not in seen:  # once per cell
                    seen.add(wrong)
                    yield W_TYPO(f"{ev.kind}支出绩效自评表（{ev.name}）：" + _slip_message(wrong, right),
                                 {"原文": wrong, "应为": right}, spans(ev.sources.get(part) or ev.span), "绩效")


def _slips(text: str) -> Iterator[tuple[re.Match, str, str]]:
    """(match, as written, as meant) of each typo and set-phrase slip in ``text``."""
    for wrong, right in TYPOS.items():
        for m in re.finditer(wrong, text):
            yield m, m.group(0), right
    for m in _INCOME_LIST_SLIP.finditer(text):
        yield m, m.group(1) + "支出", m.group(1) + "收入"
    for m in _lost_chu().finditer(text):
        yield m, m.group(0), m.group(0) + "出"
    for phrase in SET_PHRASES:
        for k, part in enumerate(phrase):
            others = [re.escape(p) for p in phrase]
            others[k] = f"(?P<slip>[{_CJK}]{{{len(part)}}})"
            for m in re.finditer("[、，,]?".join(others), text):
                if m.group("slip") != part:
                    yield m, m.group(0), "、".join(phrase)


@lru_cache(maxsize=1)
def _lost_chu() -> re.Pattern:
    """A 科目 name that lost the 出 of its 支出 before its amount: "医疗卫生与计划生育支7.1万元" (岳阳 2018)."""
    known, _, _ = _class_names()
    names = sorted((n[:-1] for n in known if n.endswith("支出") and len(n) >= 5), key=len, reverse=True)
    return re.compile(r"(?<![\u4e00-\u9fff])(?:" + "|".join(map(re.escape, names)) + r")(?=[^\S\n]*\d[\d,.]*[^\S\n]*万?元)")


#: An income list naming a fund's spending ("收入包括:一般公共预算拨款收入与政府性基金预算拨款支出").
_INCOME_LIST_SLIP = re.compile(r"收入包括[:：][^。；;]{0,80}?((?:一般公共|政府性基金|国有资本经营)预算(?:财政)?拨款)支出")


def _slip_message(wrong: str, right: str) -> str:
    if "、" in right:  # a set phrase of three parts
        return f"固定提法应为“{right}”，文中写作“{wrong}”，疑为笔误"
    return f"“{wrong}”疑为“{right}”之误"


@check(W_UNIT)
def unit_slips(ctx: Context) -> Iterator[Finding]:
    """说明中的金额单位应统一为万元；两位小数的“元”金额多为漏写“万”字，“0.39万”漏写“元”字，增减额应写明单位。"""
    text = _text(ctx)
    if "万元" not in text:
        raise NotApplicable("正文金额不以万元为单位")
    seen = set()
    yuan = list(_YUAN.finditer(text))
    wan = list(_WAN_CENTS.finditer(text))
    if len(yuan) > len(_WAN.findall(text)):
        # the text counts in 元 ("支出115,749.56元"): its 元 amounts are no slip, but a 万元 one may be
        for m in wan if len(yuan) >= max(5, 3 * len(wan)) else ():
            yield W_UNIT(f"金额“{m.group(0)}”以万元为单位，其余金额均为元，请核实是否多写“万”字",
                         {"原文": m.group(0)}, spans(line_span(ctx.disclosure, m.start(), m.end())), "文字")
        yuan = []
    # the largest 万元 amount the text prints: the scale of its money
    largest = max((v for a in re.finditer(r"(\d[\d,]*(?:\.\d+)?)\s*万元", text) if (v := parse_amount(a.group(1))) is not None),
                  default=None)
    for m in yuan:
        seen.add(m.group(0).replace(",", "").replace(" ", ""))
        before = text[max(0, m.start() - 12):m.start()]
        if re.search(r"单价|标准|每|人均|/", before):
            continue
        amount = parse_amount(m.group(0).rstrip("元 "))
        if largest is not None and amount is not None and amount > 2 * largest:
            continue  # "64800.00元" in a unit spending 955.22万元: as 万元 it would dwarf the whole; a 元 amount
        yield W_UNIT(f"金额“{m.group(0)}”以元为单位，其余金额均为万元，请核实是否漏写“万”字",
                      {"原文": m.group(0)}, spans(line_span(ctx.disclosure, m.start(), m.end())), "文字")
    end = len(text.rstrip())
    for m in _WAN_ONLY.finditer(text):
        if m.end(1) >= end:
            continue  # the text stops there: a copy cut before "元"
        yield W_UNIT(f"金额“{m.group(1)}”缺“元”字，应写作“{m.group(1)}元”",
                      {"原文": m.group(1)}, spans(line_span(ctx.disclosure, m.start(1), m.end(1))), "文字")
    for m in _NO_UNIT.finditer(text):
        yield W_UNIT(f"“{m.group(0)}”没有写单位，请补写“万元”（或核实）",
                     {"原文": m.group(0)}, spans(line_span(ctx.disclosure, m.start(), m.end())), "文字")
    for s in ctx.disclosure.narrative.statements:
        if s.unit == "元" and f"{s.value:f}元" not in seen:
            yield W_UNIT(f"{quoted(s.key, year_of(ctx))}以元为单位（{s.value:f}元），其余金额均为万元，请核实",
                          {"原文": f"{s.value:f}元"}, spans(s.span), "文字")


def _unpaired(line: str, enumerations: bool = True) -> int | None:
    """Offset of the first bracket of ``line`` left without its partner, else None; with
    ``enumerations``, a "1）" mark closes nothing."""
    opened: list[int] = []
    for i, c in enumerate(line):
        if c in _OPEN:
            opened.append(i)
        elif c in _CLOSE:
            if not opened:
                if enumerations and _ENUM_CLOSE.search(line, 0, i):
                    continue
                return i
            opened.pop()
    return opened[0] if opened else None


def _left_open(line: str) -> bool:
    """A bracket of ``line`` is still open at its end ("…科学决策必要性 (政策依据)5 5 ("), whatever
    came before it."""
    depth = 0
    for c in line:
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            depth = max(depth - 1, 0)
    return depth > 0


@check(W_PAREN)
def brackets(ctx: Context) -> Iterator[Finding]:
    """每段文字中的圆括号应成对出现；少写的一半常使括号内的说明与正文混在一起（括号被换行分在两行的、节选本在括号中间截断的最后一行不算）。"""
    text = _text(ctx)
    lines = text.split("\n")
    # an excerpt (a copy known to be partial) may stop inside a bracket: its last line is cut, not unpaired
    cut = max((no for no, line in enumerate(lines) if line.strip()), default=-1) if ctx.disclosure.identity.partial else -1
    at = 0
    continued = False  # this line closes the bracket the line before left open (a wrapped line)
    for n, line in enumerate(lines):
        i = _unpaired(line)
        closes_before = continued and i is not None and line[i] in _CLOSE
        following = _unpaired(lines[n + 1], enumerations=False) if n + 1 < len(lines) else None  # "(" / "5)…"
        continued = (_left_open(line) and following is not None
                     and lines[n + 1][following] in _CLOSE)
        wrapped = continued and i is not None and line[i] in _OPEN  # its open bracket is closed on the next line
        if (i is not None and not wrapped and not closes_before and not (n == cut and line[i] in _OPEN)
                and not _GARBLED.search(line)):  # a bracket lost to a wrong decoding is the copy's
            shown = line[max(i - 10, 0):i + 20]
            lack = "有“（”而无对应的“）”" if line[i] in _OPEN else "有“）”而无对应的“（”"
            yield W_PAREN(f"括号不配对：“{shown}”{lack}",
                          {"原文": shown}, spans(line_span(ctx.disclosure, at + i, at + i + 1)), "文字")
        at += len(line) + 1


@check(W_PERCENT_SIGN)
def percent_signs(ctx: Context) -> Iterator[Finding]:
    """“增长”“下降”“占”后的比率应带“%”；只写数字时读者不知其为百分比还是金额。"""
    text = _text(ctx)
    for m in _NO_PERCENT.finditer(text):
        yield W_PERCENT_SIGN(f"“{m.group(0)}”后没有“%”，请补写百分号（或核实单位）",
                      {"原文": m.group(0)}, spans(line_span(ctx.disclosure, m.start(), m.end())), "文字")


CHECKS = (editor_notes, template_choices, placeholders, chart_placeholders, double_punctuation, outdated_names, class_name_slips, typos, unit_slips, percent_signs, brackets, unit_name)
