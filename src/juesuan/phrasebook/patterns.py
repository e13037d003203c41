"""The phrasebook: every clause the narrative states a figure with, for rendering and parsing.

Where it sits: between ``core`` (keys, money) and the two users, ``phrasebook.render`` (the
composer writes each clause from figure keys) and ``phrasebook.parse`` (the auditor reads the
same clauses back into figure keys). Template syntax: see ``phrasebook.grammar``.

A clause belongs to *topics* (a section of the narrative, recognised from its heading by
:func:`topic_of`); a clause with no topics may occur anywhere. Relative clauses (``@``) take the
subject named last in the same sentence, else the topic's default subject (:data:`DEFAULT_SUBJECT`).
Patterns marked ``variant`` are recorded forms the composer never writes (parsing only); the
Shanghai forms the composer writes under ``narrative.style: shanghai`` are ordinary patterns.
"""

from __future__ import annotations

import re

from ..core.codes import function_codes
from ..core.keys import COMPLETION as _COMPLETION
from ..core.keys import EXPENDITURE_ITEMS, FUND_INCOME_ITEMS, INCOME_ITEMS
from ..core.model import VEHICLE_CATEGORIES
from . import patterns_budget
from .grammar import NAME_END, Pattern

# --------------------------------------------------------------------------- topics

# (topic, words a heading must contain, words it must not contain); most specific first. A budget's
# headings ("部门收支总体情况", "政府采购预算情况") are read by the rules after them.
_TOPIC_RULES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = patterns_budget.FIRST_TOPIC_RULES + (
    ("概况.职能", ("主要职能",), ()),
    ("概况.机构", ("机构设置",), ()),
    ("概况.机构", ("单位构成",), ()),
    ("名词解释", ("名词解释",), ()),
    ("财拨总体", ("财政拨款收入支出决算总体",), ()),
    ("收支总体", ("收入支出决算总体",), ()),
    ("收支总体", ("收支决算总体",), ("财政拨款",)),  # "三、收支决算总体情况"
    ("基本支出", ("基本支出决算情况",), ()),
    ("一般公共", ("一般公共预算财政拨款支出决算情况",), ()),
    ("政府性基金", ("政府性基金",), ()),
    ("国有资本", ("国有资本经营",), ()),
    ("三公", ("三公",), ()),
    ("收入", ("收入决算情况",), ()),
    ("支出", ("支出决算情况",), ()),
    ("其他重要事项", ("其他重要事项",), ()),
    ("绩效", ("绩效",), ()),
    ("其他事项", ("其他需说明",), ()),
) + patterns_budget.TOPIC_RULES
# Sub-headings （一）（二）（三） under a topic.
_SUBTOPIC_RULES: dict[str, tuple[tuple[str, str], ...]] = {
    "一般公共": (("总体", "一般公共.总体"), ("结构", "一般公共.结构"), ("具体", "一般公共.具体"),
             ("规模", "一般公共.总体")),  # a budget's "一般公共预算当年拨款规模变化情况"
    "其他重要事项": (("机关运行经费", "其他重要事项.机关运行经费"), ("政府采购", "其他重要事项.政府采购"),
                 ("国有资产", "其他重要事项.资产"), ("绩效目标", "绩效")),
    "三公": (("总体", "三公"), ("具体", "三公")),
}
# A paragraph that opens on its own short name under a topic ("2.收入情况。2022年度收入合计…" under
# 重庆's one 收支 heading) reads as that name's topic.
_LEAD_RULES: dict[str, tuple[tuple[str, str], ...]] = {
    "收支总体": (("收入情况", "收入"), ("支出情况", "支出"), ("收入预算", "收入"), ("支出预算", "支出")),
}
_LEAD = re.compile(r"^(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十]{1,2}[）)])\s*([^。：:，,；;]{2,8})[。：:]")
# Part headings 第X部分.
_PART_RULES = (("概况", "概况"), ("名词解释", "名词解释"), ("情况说明", "说明"), ("报表", "报表"),
               ("决算表", "报表"))

DEFAULT_SUBJECT = {
    "收支总体": "收支总计",
    "财拨总体": "财政拨款收支总计",
    "一般公共": "一般公共预算财政拨款支出",
    "一般公共.总体": "一般公共预算财政拨款支出",
    "一般公共.具体": "一般公共预算财政拨款支出",
    "三公": "三公.合计",
    "其他重要事项.机关运行经费": "机关运行经费",
    "其他重要事项.政府采购": "政府采购.总额",
}


def part_of(title: str) -> str | None:
    for word, part in _PART_RULES:
        if word in title:
            return part
    return None


def topic_of(title: str, parent: str | None = None) -> str | None:
    """Topic of a heading title; ``parent`` is the topic in force for a （一） sub-heading."""
    if parent is not None:
        base = parent.split(".")[0]
        for word, topic in _SUBTOPIC_RULES.get(base, ()):
            if word in title:
                return topic
        return None
    for topic, needed, refused in _TOPIC_RULES:
        if all(w in title for w in needed) and not any(w in title for w in refused):
            return topic
    return None


#: A paragraph opening on the general budget's grant under no topic or the whole accounts' (重庆 2025:
#: "三、单位预算情况说明 / 2025年一般公共预算财政拨款收入727.11万元,…支出727.11万元,…其中:基本支出695.37万元"):
#: its 基本支出 and 项目支出 are the grant's.
_FUND_LEAD = re.compile(r"^(?:(?:19|20)\d\d\s*年度?)?一般公共预算财政拨款(?:收入|支出)\s*\d")


#: A paragraph under 其他重要事项 opening on its numbered 三公 title (湖南 2018: "1、年度一般公共预算财政拨款“三公”经费
#: 支出预算情况。我部门2018年度“三公”经费支出合计为2.6万元,…").
_SANGONG_LEAD = re.compile(r"^(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十]{1,2}[）)])[^。：:，,；;]{0,30}[“\"]?三公[”\"]?经费"
                           r"[^。：:，,；;]{0,16}情况[。：:]")


def lead_topic(paragraph: str, topic: str | None) -> str | None:
    """The topic a paragraph opening on a short numbered name takes under ``topic``, else ``topic``."""
    if topic in (None, "收支总体") and _FUND_LEAD.match(paragraph):
        return "一般公共"
    if topic in (None, "其他重要事项", "其他事项") and _SANGONG_LEAD.match(paragraph):
        return "三公"
    m = _LEAD.match(paragraph) if topic in _LEAD_RULES else None
    if m:
        for word, lead in _LEAD_RULES[topic]:
            if m.group(1).strip() == word:
                return lead
    return topic


def applies(pattern: Pattern, topic: str | None) -> bool:
    """True when ``pattern`` may be read in ``topic`` (unknown topic: everything not ``strict``)."""
    if not pattern.topics:
        return True
    if topic is None:
        return not pattern.strict
    return any(topic == t or topic.startswith(t + ".") or t.startswith(topic + ".") for t in pattern.topics)


# --------------------------------------------------------------------------- the clauses

def _p(name: str, template: str, *topics: str, **kw) -> Pattern:
    return Pattern(name=name, template=template, topics=topics, **kw)


STAFF = (
    # "在职实有人数198人" counts the staff in post, not all of them, as does "在职在编实有人数51人";
    # "离退休人员171人" is 离休 and 退休 together; "行政实有人数22人", "事业实有人数为17人" count one kind (南川 2018)
    _p("人员.实有", "实有人数{人员.实有:n人}", "概况", not_after="职编政业"),
    _p("人员.在职", "在职人员{人员.在职:n人}", "概况"),
    _p("人员.在职.实有", "在职[在编]实有人数{人员.在职:n人}", "概况"),
    # 江西: "实有人数 63 人,在职人数 61 人" (not one kind's: "行政在职人数3人", "事业单位在职人数5人", "行政编制在职人数0人";
    # nor a "在职人数小计8人", which may be one group's)
    _p("人员.在职.人数", "在职人数{人员.在职:n人}", "概况", not_after="有政位制"),
    _p("人员.离休", "离休人员{人员.离休:n人}", "概况"),
    _p("人员.退休", "退休人员{人员.退休:n人}", "概况", not_after="离"),
    # 江西's 预算 form counts without "人": "实有人数49,其中:在职人数49,行政在职人数19、…;离休人数0;退休人数13"
    _p("人员.实有.表", "实有人数{人员.实有:n}", "概况", not_after="职编政业"),
    _p("人员.在职.表", "其中：在职人数{人员.在职:n}", "概况"),
    _p("人员.离休.表", "离休人数{人员.离休:n}", "概况"),
    _p("人员.退休.表", "退休人数{人员.退休:n}", "概况", not_after="离"),
    _p("人员.增减", "{@.增减:dn人}", "概况", anchor="@"),
    # 江西's 概况: "编制人数42,其中:行政编制人数19、参照公务员管理的事业编制人数0、全部补助事业编制人数23、…"
    _p("人员.编制", "编制人数{人员.编制:n}", "概况", not_after="政业支"),
    _p("人员.编制.行政", "行政编制人数{人员.编制.行政:n}", "概况"),
    _p("人员.编制.参公", "参照公务员[法]管理的事业编制人数{人员.编制.参公:n}", "概况"),
    _p("人员.编制.全额", "全部补助事业编制人数{人员.编制.全额:n}", "概况"),
    _p("人员.编制.差额", "差额补助事业编制人数{人员.编制.差额:n}", "概况"),
    _p("人员.编制.自收自支", "自收自支编制人数{人员.编制.自收自支:n}", "概况"),
    # 湖南's 概况: "核定编制79人,其中:行政编制32人,事业编制53人,工勤编制0人"
    _p("人员.编制.核定", "核定编制{人员.编制:n人}", "概况"),
    _p("人员.编制.行政.人", "行政编制{人员.编制.行政:n人}", "概况"),
    # (not one kind of it: "参公事业编制人数52人,核拨事业编制165人,核补事业编制26人" 广东残联 2014)
    _p("人员.编制.事业", "事业编制[人数]{人员.编制.事业:n人}", "概况", not_after="的额助款理拨补公"),
    _p("人员.编制.工勤", "工勤编制{人员.编制.工勤:n人}", "概况"),
    _p("人员.科室", "下设{人员.科室:n个}<科室|处室|内设机构>", "概况"),
    _p("人员.下属单位", "下属预算单位{人员.下属单位:n个}", "概况"),
    _p("人员.下属单位.有", "有{人员.下属单位:n个}下属预算单位", "概况"),
    _p("人员.下属单位.无", "无下属预算单位", "概况", anchor="@", fixed=(("人员.下属单位", "0", "个"),)),
)

OVERALL = (
    # (also opening a 收入决算情况 part: "2021年度,收入总计为4835.59万元,其中:" 甘肃 2021)
    _p("收入总计", "[{年:year}年度]收入[~决算]总计[~为]{收入总计:amt}", "收支总体", "收入", not_after="款"),  # not 财政拨款收入总计
    _p("收入总计.漏字", "[{年:year}年度]收入总{收入总计:amt}", "收支总体", not_after="款", variant=True),
    _p("本年收入合计", "本年收入[~决算]合计{本年收入合计:amt}", "收支总体", "收入"),  # "本年收入决算合计332.76万元"
    _p("本年收入", "本年收入{本年收入合计:amt}", "收入"),
    _p("收入合计", "收入合计{本年收入合计:amt}", "收入", not_after="年", variant=True),  # "2023年度收入合计4680.58万元"
    # 重庆's "1.总体情况 2.收入情况 3.支出情况" under one heading: "本部门2021年度收入合计10911万元" / "…支出合计…"
    _p("收入合计.年", "{年:year}年[~度]收入合计{本年收入合计:amt}", "收支总体", "收入", variant=True),
    _p("支出合计.年", "{年:year}年[~度]支出合计{本年支出合计:amt}", "收支总体", "支出", variant=True),
    _p("使用非财政拨款结余", "使用非财政拨款结余[（含专用结余）]{使用非财政拨款结余:amt}", "收支总体", "收入"),
    # its older name, still in use ("用事业基金弥补收支差额0万元", 甘肃 2023)
    _p("使用非财政拨款结余.旧", "用事业基金弥补收支差额[~为]{使用非财政拨款结余:amt}", "收支总体", "收入", variant=True),
    _p("年初结转和结余", "年初结转和结余[~资金][~为]{年初结转和结余:amt}", "收支总体", "收入"),
    _p("支出总计", "[{年:year}年度]支出[~决算]总计[~为]{支出总计:amt}", "收支总体", "支出", not_after="款"),
    # a slip that lost 计 before the figure ("收入总计4114.6万元,支出总4252.73万元"): W-TYPO says so
    _p("支出总计.漏字", "[{年:year}年度]支出总{支出总计:amt}", "收支总体", not_after="款", variant=True),
    _p("本年支出合计", "本年支出[~决算]合计{本年支出合计:amt}", "收支总体", "支出"),
    _p("本年支出", "本年支出{本年支出合计:amt}", "支出"),
    _p("结余分配", "结余分配{结余分配:amt}", "收支总体", "支出"),
    _p("年末结转和结余", "年末结转和结余[~资金][~为]{年末结转和结余:amt}", "收支总体", "支出"),
    # "…上年结转和结余资金为98.45万元,本年收入1095.76万元,支出1193.35万元,…" (甘肃): the year's spending beside its income
    _p("本年收支", "本年收入{本年收入合计:amt}，支出{本年支出合计:amt}", "收支总体", "收入", "支出", variant=True),
    _p("收支总计.名", "收入支出<总体|总计>", "收支总体", anchor="收支总计"),
    _p("收支总计", "[{年:year}年度]收入<支出|、支出>[~决算]总计{收支总计:amt}", "收支总体"),  # "收入、支出决算总计665.96万元"
    # "收、支总计424.71万元" (one figure for both) and "收、支总计各是4125.49,4143.91万元" (one each)
    _p("收支总计.简", "[{年:year}年度]收、支总计{收支总计:amt}", "收支总体", variant=True),
    _p("收支总计.简.名", "收、支总计", "收支总体", anchor="收支总计", variant=True),
    # "收支较上年决算数增加66.02万元、增长4.1%" (重庆 2022): both totals' change, named 收支 alone
    _p("收支总计.收支较", "<收支较|收支比>[~上年][~度][~决算][~数]{收支总计:yoy}", "收支总体", not_after="款", variant=True),
    _p("收支总计.均", "[{年:year}年度]收、支总计均为{收支总计:amt}", "收支总体", variant=True),
    _p("收支总计.各", "[{年:year}年度]收、支总计<各是|各为|分别是|分别为>{收入总计&支出总计:pair}", "收支总体",
       anchor="@", variant=True),
    _p("收支总计.各.同比", "<收、支总计|收入、支出总计>{收入总计&支出总计:yoy2}", "收支总体", anchor="@", variant=True),
)

# (also under 收支总体: "三、收支决算总体情况 …本年收入合计597.52万元…其中：财政拨款收入177.28万元，占29.67%")
# (not a university's parts of it: "教育事业收入10120.00万元;科研事业收入590.43万元")
INCOME = tuple(_p(f"收入.{i}", f"{i}{{收入.{i}:amt}}", "收入", "收支总体", not_after="算育研") for i in INCOME_ITEMS)
#: The fund lines of 财政拨款收入 ("其中：一般公共预算财政拨款收入…", "政府性基金预算财政拨款收入0万元，占0%"):
#: their own keys, longer than "财政拨款收入…" so never read as the 财政拨款 total.
# (the general budget's under its own topic too: a paragraph opening on its grant, _FUND_LEAD)
FUND_INCOME = tuple(_p(f"收入.{i}", f"{i.removesuffix('收入')}[收入]{{收入.{i}:amt}}", "收入", "财拨总体", "收支总体",
                       *(("一般公共",) if i.startswith("一般公共") else ()), variant=True)
                    for i in FUND_INCOME_ITEMS)
# (not a kind of 项目 in a budget: "人员类项目支出375.95万元,…运转类项目支出50.76万元")
EXPENDITURE = tuple(_p(f"支出.{i}", f"{i}{{支出.{i}:amt}}", "支出", "收支总体", not_after="类") for i in EXPENDITURE_ITEMS)

FISCAL = (
    _p("财政拨款收入总计", "[{年:year}年度]财政拨款收入总计{财政拨款收入总计:amt}", "财拨总体"),
    # the pair in one clause: its 支出总计 is the 财政拨款's too, wherever the sentence stands
    _p("财政拨款收入支出总计", "[{年:year}年度]财政拨款收入总计{财政拨款收入总计:amt}，支出总计{财政拨款支出总计:amt}",
       "财拨总体", "收支总体"),
    _p("年初财政拨款结转和结余", "年初财政拨款结转和结余{年初财政拨款结转和结余:amt}", "财拨总体"),
    _p("本年财政拨款收入", "本年财政拨款收入{本年财政拨款收入:amt}", "财拨总体"),
    _p("财政拨款支出总计", "财政拨款支出总计{财政拨款支出总计:amt}", "财拨总体"),
    _p("年末财政拨款结转和结余", "年末财政拨款结转和结余{年末财政拨款结转和结余:amt}", "财拨总体"),
    _p("本年财政拨款支出", "本年财政拨款支出{本年财政拨款支出:amt}", "财拨总体"),
    # 浙江: "财政拨款支出年初预算数 472.9 万元,完成年初预算的 27.22%" (the year's spending against its budget)
    _p("本年财政拨款支出.年初预算", "财政拨款支出年初预算数[~为]{本年财政拨款支出.年初预算:amt}", "财拨总体", not_after="算",
       variant=True),
    _p("财政拨款收支总计.名", "财政拨款收入支出<总体|总计>", "财拨总体", anchor="财政拨款收支总计"),
    _p("财政拨款收支总计", "[{年:year}年度]财政拨款收入支出总计{财政拨款收支总计:amt}", "财拨总体"),
    # 四川: "2017年度财政拨款收、支总计2539.31万元" (and "…收支总计707.02万元")
    _p("财政拨款收支总计.简", "[{年:year}年度]财政拨款收[、]支总计{财政拨款收支总计:amt}", "财拨总体", variant=True),
)

GENERAL = (
    _p("一般公共预算财政拨款支出", "[{年:year}年度]一般公共预算财政拨款支出[~总计]{一般公共预算财政拨款支出:amt}",
       "一般公共"),
    _p("一般公共预算财政拨款支出.名", "一般公共预算财政拨款支出", "一般公共",
       anchor="一般公共预算财政拨款支出"),
    _p("类", "{@:klass}{@:amt}", "一般公共"),
    _p("类.名", "{@:klass}", "一般公共"),
    _p("项", "{@:item}", "一般公共", "政府性基金", "国有资本"),
    # a 类 named without "（类）" at the head of a numbered line, in 说明五 only: "1. 教育支出1595.95万元"
    # (elsewhere such a line is the 类's spending from every source, not 一般公共预算财政拨款)
    *(_p(f"类.{code}.无标记", f"{name}{{类.{code}:amt}}", "一般公共", after="、.．:：;；)）", variant=True, strict=True)
      for code, name in ((c, function_codes(2024).name_of(c)) for c in function_codes(2024).codes() if len(c) == 3)
      if name),
    _p("项.决算数", "支出决算数为{@:amt}", "一般公共", "政府性基金", "国有资本", anchor="@"),
)

BASIC = (
    _p("基本支出", "[{年:year}年度]一般公共预算财政拨款基本支出{一般公共预算财政拨款基本支出:amt}", "基本支出"),
    # (not "其它人员经费177.48万元", one kind of it; nor "其他公用经费")
    _p("人员经费", "人员经费{人员经费:amt}", "基本支出", not_after="它他"),
    _p("公用经费", "公用经费{公用经费:amt}", "基本支出", not_after="它他"),
)

_SG_ITEMS = ("因公出国（境）费", "公务用车购置及运行维护费", "公务用车购置费", "公务用车运行维护费", "公务接待费")
SANGONG = (
    _p("三公.合计", "[{年:year}年度]财政拨款“三公”经费支出{三公.合计:amt}", "三公"),
    _p("三公.合计.名", "<财政拨款“三公”经费支出|“三公”经费财政拨款支出|“三公”经费支出>", "三公",
       anchor="三公.合计"),
    *(_p(f"三公.{i}", f"{i}[支出][~为]{{三公.{i}:amt}}", "三公") for i in _SG_ITEMS),
    *(_p(f"三公.{i}.名", i, "三公", anchor=f"三公.{i}") for i in _SG_ITEMS),
    # a 三公 note's total: "（“三公”经费）决算总额2771万元", "“三公”经费决算数2364万元"
    _p("三公.合计.合计", "“三公”经费支出[<合计|共计|总额|总数>][为]{三公.合计:amt}", "三公", variant=True),
    _p("三公.合计.合计2", "“三公”经费<合计|共计|总额>[为]{三公.合计:amt}", "三公", variant=True),
    # the sub-total named in the other order: "公务用车运行维护费及公务用车购置费13984.61万元"
    _p("三公.车.倒序", "公务用车运行维护费及[公务用车]购置费[支出]{三公.公务用车购置及运行维护费:amt}", "三公", variant=True),
    # "经比较,2021年度镇本级“三公”经费较上年决算数减少0.03万元": the name alone, before a change
    _p("三公.合计.名2", "“三公”经费", "三公", anchor="三公.合计", variant=True),
    _p("三公.合计.简", "{年:year}年度“三公”经费{三公.合计:amt}", "三公", variant=True),  # "2020年度“三公”经费41万元,其中:"
    _p("三公.合计.决算", "“三公”经费[）]决算[<总额|数>][合计][为]{三公.合计:amt}", "三公", variant=True),
    # a region's summed note: "州本级一般公共预算财政拨款“三公”经费支出决算汇总数为1134万元"
    _p("三公.合计.汇总", "“三公”经费支出决算汇总数[为]{三公.合计:amt}", "三公", variant=True),
    # the older templates' name of 一般公共预算: "“三公”经费公共财政拨款支出1360.13万元"
    _p("三公.合计.公共", "“三公”经费[公共]财政拨款支出[决算][为]{三公.合计:amt}", "三公", variant=True),
    # 新疆's notes: "“三公经费”财政拨款支出1645.14万元", "公车购置及运行维护费支出1502.58万元", "因公出国费支出0万元"
    _p("三公.合计.引号", "“三公经费”[财政拨款]支出[~为]{三公.合计:amt}", "三公", variant=True),
    _p("三公.合计.引号.名", "“三公经费”", "三公", anchor="三公.合计", variant=True),
    _p("三公.公车", "公车购置及运行维护费[支出][~为]{三公.公务用车购置及运行维护费:amt}", "三公", variant=True),
    _p("三公.公车.名", "公车购置及运行维护费", "三公", anchor="三公.公务用车购置及运行维护费", variant=True),
    _p("三公.公车购置", "公车购置[费][支出][~为]{三公.公务用车购置费:amt}", "三公", variant=True),  # "其中:公车购置支出470万元"
    _p("三公.公车购置.名", "公车购置[费]", "三公", anchor="三公.公务用车购置费", variant=True),
    _p("三公.出国.简", "因公出国费[支出][~为]{三公.因公出国（境）费:amt}", "三公", variant=True),
    _p("三公.出国.简.名", "因公出国费", "三公", anchor="三公.因公出国（境）费", variant=True),
    # 陕西: "因公出国(境)经费0万元"
    _p("三公.出国.经费", "因公出国（境）经费[支出]{三公.因公出国（境）费:amt}", "三公", variant=True),
    _p("三公.出国.经费.名", "因公出国（境）经费", "三公", anchor="三公.因公出国（境）费", variant=True),
    # "公务用车购置支出为0万元"; 深圳 "公务用车购置支出决算为0万元"
    _p("三公.购置.沪", "公务用车购置支出[~决算][~为]{三公.公务用车购置费:amt}", "三公"),
    _p("三公.运维.沪", "公务用车运行维护支出[~决算][~为]{三公.公务用车运行维护费:amt}", "三公"),
    # 武汉 2013: "因公出国(境)支出169万元", "公务用车购置及运行维护支出4.647万元"
    _p("三公.出国.支出", "因公出国（境）支出[~决算][~为]{三公.因公出国（境）费:amt}", "三公", variant=True),
    _p("三公.车.支出", "公务用车购置及运行维护支出[~决算][~为]{三公.公务用车购置及运行维护费:amt}", "三公", variant=True),
    _p("三公.出国团组", "因公出国（境）团组{三公.出国团组:n个}", "三公"),
    _p("三公.出国人次", "因公出国[（境）]{三公.出国人次:n人次}", "三公"),  # "因公出国1人次"
    _p("三公.出国人次.沪", "[因公出国（境）]团组{三公.出国团组:n个}[、]累计{三公.出国人次:n人次}", "三公"),
    _p("三公.购置车辆", "公务用车购置数[~为]{三公.购置车辆:n辆}", "三公"),
    _p("三公.保有车辆", "公务用车保有量[~为]{三公.保有车辆:n辆}", "三公"),
    # "更新购置公务用车0辆", "截至2015年12月底，单位共有公务用车8辆"
    # (not a change: "主要是减少购置公务用车1辆")
    _p("三公.购置车辆.动词", "购置公务用车{三公.购置车辆:n辆}", "三公", variant=True, not_after="少加"),
    _p("三公.保有车辆.共有", "共有公务用车{三公.保有车辆:n辆}", "三公", variant=True),
    _p("三公.固定资产车辆", "固定资产车辆{三公.固定资产车辆:n辆}", "三公"),
    _p("三公.接待", "国内公务接待{三公.接待批次:n批次}[，]{三公.接待人次:n人次}", "三公"),
)

OPERATING = (
    _p("机关运行经费", "机关运行经费[支出]{机关运行经费:amt}", "其他重要事项.机关运行经费"),
)

PROCUREMENT = (
    _p("政府采购.总额", "政府采购支出总额{政府采购.总额:amt}", "其他重要事项.政府采购"),
    _p("政府采购.总额.沪", "政府采购金额[（以合同签订为准）][为]{政府采购.总额:amt}", "其他重要事项.政府采购"),
    _p("政府采购.货物", "政府采购货物支出{政府采购.货物:amt}", "其他重要事项.政府采购"),
    _p("政府采购.工程", "政府采购工程支出{政府采购.工程:amt}", "其他重要事项.政府采购"),
    _p("政府采购.服务", "政府采购服务支出{政府采购.服务:amt}", "其他重要事项.政府采购"),
    _p("政府采购.货物.沪", "货物采购金额{政府采购.货物:amt}", "其他重要事项.政府采购"),
    _p("政府采购.工程.沪", "工程采购金额{政府采购.工程:amt}", "其他重要事项.政府采购"),
    _p("政府采购.服务.沪", "服务采购金额{政府采购.服务:amt}", "其他重要事项.政府采购"),
    _p("政府采购.中小企业", "授予中小企业合同金额{政府采购.中小企业:amt}", "其他重要事项.政府采购"),
    _p("政府采购.小微企业", "授予小微企业合同金额{政府采购.小微企业:amt}", "其他重要事项.政府采购"),
    # Shanghai: the 中小企业 amount in two parts (reserved projects, other projects); read anywhere
    _p("政府采购.预留中小企业", "面向中小企业预留[的]政府采购项目中[，]由中小企业供应商中标或成交的[，]采购金额"
       "{政府采购.预留中小企业:amt}"),
    _p("政府采购.其他中小企业", "其他政府采购项目中[，]由中小企业供应商中标或成交的[，]采购金额{政府采购.其他中小企业:amt}"),
)

_VEHICLE_VARIANTS = {"部级领导干部用车": "副部（省）级及以上领导用车", "主要领导干部用车": "主要负责人用车",
                     "离退休干部用车": "离退休干部服务用车"}
ASSETS = (
    _p("资产.房屋", "房屋[~建筑物]{资产.房屋面积:num平方米}[，价值{资产.房屋价值:amt}]", "其他重要事项.资产"),
    _p("资产.车辆", "[~共有]车辆{资产.车辆:n辆}[，价值{资产.车辆价值:amt}]", "其他重要事项.资产"),
    *(_p(f"资产.车辆.{c}", f"{c}{{资产.车辆.{c}:n辆}}", "其他重要事项.资产") for c in VEHICLE_CATEGORIES),
    *(_p(f"资产.车辆.{c}.沪", f"{v}{{资产.车辆.{c}:n辆}}", "其他重要事项.资产")
      for v, c in _VEHICLE_VARIANTS.items()),
    _p("资产.大型设备", "单价100万元（含）以上设备（不含车辆）{资产.大型设备:n台（套）}", "其他重要事项.资产"),
)

PERFORMANCE = (
    _p("绩效.整体表数", "整体支出绩效自评表{绩效.整体表数:n个}", "绩效"),
    _p("绩效.整体.全年预算", "全年预算总额{绩效.整体.全年预算:amt}", "绩效"),
    _p("绩效.整体.执行数", "实际执行总额{绩效.整体.执行数:amt}", "绩效"),
    _p("绩效.项目", "[预算绩效]评价项目{绩效.项目数:n个}[，全年预算数{绩效.项目.全年预算:amt}]"
       "[，全年执行数{绩效.项目.执行数:amt}]", "绩效"),
    _p("绩效.综合得分", "综合得分{绩效.综合得分:num分}", "绩效"),
    _p("绩效.等级", "评价结果为{绩效.等级:grade}", "绩效"),
    # Shanghai 十、预算绩效管理情况
    _p("绩效.项目.沪", "绩效自评的[{年:year}年度]项目{绩效.项目数:n个}[，涉及预算金额{绩效.项目.全年预算:amt}]"
       "[，实际执行{绩效.项目.执行数:amt}]", "绩效"),
    _p("绩效.等级.沪", "绩效评级为{绩效.等级:grade}", "绩效"),
)

def _b(name: str, template: str, *topics: str, **kw) -> Pattern:
    """A budget's clause: read only under one of its budget topics ("预算.…")."""
    return Pattern(name=name, template=template, topics=topics, strict=True, **kw)


# A budget's own wording (部门预算 / 单位预算 说明): the figures are the 决算's keys (core.keys), the
# words the budget's ("收支总预算", "一般公共预算当年拨款", "机关运行经费预算为"). The composer writes
# them under the *-yusuan styles. Their topics ("预算.…") are a budget's sections, which the parser
# does not tell from a budget's headings yet: until it does, they are written, not read.
_PLANNED_CARS = {"副部（省）级及以上领导用车": "部级领导干部用车", "主要负责人用车": "主要领导干部用车",
                 "离退休干部服务用车": "离退休干部用车"}
BUDGET = (
    _b("收支总计.预算", "[{年:year}年]收支总预算{收支总计:amt}", "预算.收支"),
    _b("收入总计.预算", "收入预算{收入总计:amt}", "预算.收支", not_after=NAME_END),
    _b("支出总计.预算", "支出预算{支出总计:amt}", "预算.收支", not_after=NAME_END),
    _b("上年结转", "上年结转{年初结转和结余:amt}", "预算.收支"),
    _b("结转下年", "结转下年{年末结转和结余:amt}", "预算.收支"),
    _b("收入.经营收入.事业单位", "事业单位经营收入{收入.经营收入:amt}", "预算.收支"),
    _b("财政拨款收支总计.预算", "[{年:year}年]财政拨款收支总预算{财政拨款收支总计:amt}", "预算.收支"),
    _b("本年财政拨款支出.预算", "财政拨款支出预算{本年财政拨款支出:amt}", "预算.收支"),
    _b("一般公共预算财政拨款支出.预算", "一般公共预算拨款支出预算{一般公共预算财政拨款支出:amt}", "预算.收支"),
    _b("政府性基金预算财政拨款支出.预算", "政府性基金拨款支出预算{政府性基金预算财政拨款支出:amt}", "预算.收支"),
    _b("国有资本经营预算财政拨款支出.预算", "国有资本经营预算拨款支出预算{国有资本经营预算财政拨款支出:amt}", "预算.收支"),
    _b("一般公共预算财政拨款支出.当年拨款", "[{年:year}年]一般公共预算当年拨款{一般公共预算财政拨款支出:amt}",
       "预算.一般公共"),
    _b("类.科目", "“{@:kname}”科目{@:amt}", "预算.收支", "预算.一般公共"),
    _b("项.预算数", "预算数为{@:amt}", "预算.一般公共", anchor="@"),
    _b("三公.合计.预算", "[{年:year}年]“三公”经费预算[数][~支出][为]{三公.合计:amt}", "预算.三公"),
    _b("三公.因公出国（境）费.预算", "因公出国（境）费{三公.因公出国（境）费:amt}", "预算.三公"),
    _b("三公.公务用车购置费.预算", "公务用车购置费{三公.公务用车购置费:amt}", "预算.三公"),
    _b("三公.公务接待费.预算", "公务接待费{三公.公务接待费:amt}", "预算.三公"),
    _b("三公.公务用车购置及运行维护费.预算", "公务用车购置及运行费{三公.公务用车购置及运行维护费:amt}", "预算.三公"),
    _b("三公.公务用车运行维护费.预算", "公务用车运行费{三公.公务用车运行维护费:amt}", "预算.三公"),
    _b("机关运行经费.预算", "机关运行经费预算[为]{机关运行经费:amt}", "预算.机关运行经费"),
    _b("政府采购.总额.预算", "政府采购预算{政府采购.总额:amt}", "预算.政府采购"),
    _b("政府采购.货物.预算", "政府采购货物预算{政府采购.货物:amt}", "预算.政府采购"),
    _b("政府采购.工程.预算", "政府采购工程预算{政府采购.工程:amt}", "预算.政府采购"),
    _b("政府采购.服务.预算", "政府采购服务预算{政府采购.服务:amt}", "预算.政府采购"),
    _b("资产.拟购车辆", "安排购置车辆{资产.拟购车辆:n辆}", "预算.资产"),
    # the same words as the holdings' categories: the subject in force ("安排购置车辆…") tells them apart
    *(_b(f"资产.拟购车辆.{c}", f"{_PLANNED_CARS.get(c, c)}{{资产.拟购车辆.{c}:n辆}}", "预算.资产")
      for c in VEHICLE_CATEGORIES),
    _b("资产.拟购设备", "安排购置单价100万元（含）以上设备（不含车辆）{资产.拟购设备:n台（套）}", "预算.资产"),
    _b("绩效目标.项目数", "编报绩效目标的项目[共]{绩效.项目数:n个}", "预算.绩效目标"),
    _b("绩效目标.金额", "涉及项目预算资金{绩效.项目.全年预算:amt}", "预算.绩效目标"),
)

# Clauses that take the subject in force: shares, changes, budgets. Allowed anywhere.
RELATIVE = (
    _p("占比", "占{@.占比:pct}", anchor="@"),
    _p("占比.本年支出", "占本年支出合计的{@.占比:pct}", anchor="@"),
    _p("占比.本年支出.简", "占本年支出的{@.占比:pct}", anchor="@", variant=True),  # 澧县: "占本年支出的87.2%"
    _p("占比.本年收入", "占本年收入[合计][的]{@.占比:pct}", anchor="@", variant=True),
    # 北京: "财政拨款收入1658.28万元,占收入合计的100.00%", "基本支出4840.44万元,占支出合计的62.76%"
    _p("占比.收支合计", "占<收入合计|支出合计>[的]{@.占比:pct}", anchor="@", variant=True),
    _p("占比.采购", "占政府采购支出总额的{@.占比:pct}", anchor="@"),
    # "占“三公”经费的 14.63%", "占比99.82%"
    _p("占比.三公", "占“三公”经费[支出][总额][的]{@.占比:pct}", anchor="@"),
    _p("占比.字", "占比[为]{@.占比:pct}", anchor="@"),
    _p("同比", "{@:yoy}", anchor="@"),
    # last year's figure before the change: "公务接待费为122万元,较上年144万元减少22万元,下降15%"
    _p("同比.上年数", "<较|比>上年[度][的][决算数][为]{@.上年:amt}{@:yoy}", anchor="@", variant=True),
    # ... named by its year (北京 2023: "2023年收入预算1674.95万元,比2022年2423.96万元减少749.01万元"): read only when the
    # year is the one before the report's
    _p("同比.年数", "<较|比>{@比较年:year}年[度][的][决算数][预算数][为]{@.上年:amt}{@:yoy}", anchor="@", variant=True),
    _p("年初预算", "年初预算[数][~为]{@.年初预算:amt}", anchor="@"),
    _p("全年预算", "全年预算[数][~为]{@.全年预算:amt}", anchor="@"),
    _p("决算数", "决算[数][~为]{@:amt}", anchor="@"),
    _p("决算为", "决算为{@:amt}", anchor="@"),
    _p("支出决算为", "支出决算为{@:amt}", anchor="@"),
    # "公务接待费支出决算减少为0.00万元": the amount it changed to (the change's word: CHANGED_TO)
    _p("决算变为", "[支出]决算[数]<增加|增长|上升|减少|下降|降低>为{@:amt}", anchor="@", variant=True),
    _p("年初预算为", "年初预算为{@.年初预算:amt}", anchor="@"),
    _p("全年预算为", "全年预算为{@.全年预算:amt}", anchor="@"),
    _p("预决算差异率", "预决算差异率[~为]{@.预决算差异率:pct}", anchor="@"),
    # Shanghai "完成年初预算的X%"; the writer picks 年初预算 or 全年预算 (when 年初预算 is 0)
    _p("完成率.沪", "完成<年初预算|年初预算数|全年预算数|全年预算|预算数|预算>[的]{@.完成率:pct}", anchor="@"),
    _p("完成率.全年", "完成全年预算的{@.完成率:pct}", anchor="@"),
    _p("完成率.预算", "完成预算的{@.完成率:pct}", anchor="@"),
    # 新疆: "…下降8.19%,为年初预算数6180万元的78.56%"; 深圳: "…决算为34.08万元,完成全年预算50.74万元的67.2%"
    _p("完成率.为年初预算", "为年初预算[数]{@.年初预算:amt}的{@.完成率:pct}", anchor="@", variant=True),
    _p("完成率.全年预算数", "完成全年预算[数]{@.全年预算:amt}的{@.完成率:pct}", anchor="@", variant=True),
)

ALL: tuple[Pattern, ...] = (STAFF + OVERALL + INCOME + FUND_INCOME + EXPENDITURE + FISCAL + GENERAL + BASIC + SANGONG
                            + OPERATING + PROCUREMENT + ASSETS + PERFORMANCE + RELATIVE + BUDGET + patterns_budget.ALL)
BY_NAME: dict[str, Pattern] = {p.name: p for p in ALL}
#: Suffix of the Shanghai "完成年初预算的X%" figure (决算 / 预算 × 100): ``core.keys.COMPLETION``.
COMPLETION = _COMPLETION

# --------------------------------------------------------------------------- words around figures

#: 决算数 compared with 预算数 in words: "决算数小于预算数的主要原因", "决算数与全年预算数持平",
#: "决算数大于预算数55.93万元". Group ``more``/``less``/``same``/``equal`` holds the word, ``amount``
#: the gap, ``b1``…``b3`` which budget the words name (年初, 全年, 调整后) when they say.
BUDGET_WORDS = (r"(?:决算数?|支出)(?:(?P<more>大于|超过|高于|超出|多于)|(?P<less>小于|低于|少于))(?P<b1>年初|全年|调整后的?)?预算数?"
                r"(?P<amount>(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?万元)?"
                r"|决算数?(?:与|同|和|跟)?(?P<b2>年初|全年|调整后的?)?预算数?(?P<same>基本持平|持平|基本一致|一致|相等|相同)"
                r"|决算数?(?P<equal>等于)(?P<b3>年初|全年|调整后的?)?预算数?")

#: A change told by its word and the level it reached, not by its amount: "减少为0.00万元".
CHANGED_TO = r"决算数?(?:(?P<up>增加|增长|上升)|(?P<down>减少|下降|降低))为"

#: Markers of a stated reason; the reason runs to the end of the sentence and on through
#: following sentences that state no figure.
REASON_MARKER = r"(?:的)?(?:主要原因|差异原因)(?:是|为)?[：:]?"
#: Free-text markers: regex → texts key ("@" = subject in force). Text runs to sentence end.
TEXT_MARKERS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (r"开支内容(?:主要)?包括[：:]?", "@.内容", ("三公",)),
    (r"(?:主要)?包括[：:]", "@.构成", ("基本支出",)),
    (r"其他用车主要是[：:]?", "资产.其他用车说明", ("其他重要事项.资产",)),
    (r"分别是[：:]", "内设科室", ("概况",)),
)
#: 绩效 paragraphs: marker → texts key; each runs to the next marker or the paragraph end.
PERFORMANCE_TEXTS = (
    (r"(?:预算绩效管理)?取得的成效[：:]", "绩效.成效"),
    (r"发现的问题及原因[：:]", "绩效.问题"),
    (r"下一步改进措施[：:]", "绩效.措施"),
)

# Standard texts the composer writes.
PLACEHOLDER = "【待补充：主要原因】"
UNCHANGED_FLAT = "持平"
