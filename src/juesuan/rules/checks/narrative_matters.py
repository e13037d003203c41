"""Narrative checks of the sections after 六: 三公 (C46), 机关运行经费 (C47), 政府采购 (C48),
国有资产 (C49), 绩效 (C50), staff (C51), and the same figure stated twice (C52).

Where it sits: rules/checks; ``narrative.CHECKS`` appends ``CHECKS`` from here. Figures come
from the narrative's statements first and from the model (data-built disclosures) second; see
``support.fact``.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterator

from ...core import keys
from ...core.findings import Finding
from ...core.numerals import cn_number
from ...core.keys import FULL_BUDGET, INITIAL_BUDGET
from ...core.model import BUDGET_VEHICLE_CATEGORIES, ORGANS, STAFF_PARTS, VEHICLE_CATEGORIES, Statement
from ...core.money import round2, tolerance
from .base import ERROR, WARNING, Code, Context, NotApplicable, check
from .narrative_percent import _SANGONG_PARTS, _VEHICLE_PARTS
from ...core.labels import SUFFIX_WORDS
from .support import (ROUNDING, amt, equal_finding, fact, line_span, named, quoted, require_statements, section_label, spans,
                      split_key, stated_value, sum_finding, total_of, year_of)

# --------------------------------------------------------------------------- finding codes

N_SANGONG_SUM = Code("N-SANGONG-SUM", ERROR, "说明九：三公经费合计≠三项之和，或公务用车购置及运行维护费≠购置费＋运行维护费；"
                                            "公务用车只写了运行维护费（或购置费）而合计大于所列之和的，为警告（未写的一项可能就是差额）",
                     also=(WARNING,))
N_SANGONG_COUNT = Code("N-SANGONG-COUNT", WARNING, "三公经费金额与团组、批次、购置车辆等数量相互矛盾（有支出无次数或有次数无支出）")
N_VEHICLES = Code("N-VEHICLES", WARNING, "公务用车保有量与国有资产中的固定资产车辆数不同，且未说明原因")
N_OPERATING_COST = Code("N-OPERATING-COST", WARNING, "机关运行经费与公用经费（财政拨款基本支出中的公用经费）不一致")
N_PROCUREMENT = Code("N-PROCUREMENT", ERROR, "政府采购：总额≠货物＋工程＋服务，或授予中小（小微）企业金额超过总额（中小企业金额）")
N_ASSETS = Code("N-ASSETS", ERROR, "国有资产：车辆总数≠各类车辆之和")
N_STAFF_SUM = Code("N-STAFF-SUM", ERROR, "实有人数≠在职人员＋离休人员＋退休人员；或所列各类编制之和大于编制人数")
N_STAFF_PARTS = Code("N-STAFF-PARTS", WARNING, "人数“其中”所列各类人员（行政编制、事业编制、在职、离退休等）之和大于所说的总人数")
N_ORG_COUNT = Code("N-ORG-COUNT", ERROR, "概况所写内设机构（下属单位）个数与其后列出的名称个数不符")
N_PERFORMANCE = Code("N-PERFORMANCE", WARNING, "绩效说明中的预算总额、执行总额、项目个数、得分与自评表或决算总数不一致")
N_REPEAT = Code("N-REPEAT", ERROR, "同一数字在说明中出现两次而数值不同")



# --------------------------------------------------------------------------- 三公 (C46)

def _fact_sum(ctx: Context, code: Code, total_key: str, part_keys, relation: str, message: str) -> Finding | None:
    d = ctx.disclosure
    total, tspan = fact(d, total_key)
    year = year_of(ctx)
    parts = [(named(k, year), fact(d, k)[0]) for k in part_keys]
    if total is None or all(v is None for _, v in parts):
        return None
    return sum_finding(code=code, total=total, parts=parts, total_label=named(total_key, year), message=message,
                       spans=[tspan, *(fact(d, k)[1] for k in part_keys)], section=section_label(ctx, total_key), relation=relation)


#: Vehicle spending a county's summary lists beside 购置费 and 运行维护费.
_OTHER_TRANSPORT = re.compile(r"其他交通(?:工具|费用)")


@check(N_SANGONG_SUM, ROUNDING, relations=("C46",))
def sangong_structure(ctx: Context) -> Iterator[Finding]:
    """说明九（决算数与预算数）：三公合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费；公务用车购置及运行维护费 = 购置费 + 运行维护费。"""
    require_statements(ctx)
    listed = list(_not_sangong_parts(ctx))
    if stated_value(ctx.disclosure, "三公.合计")[0] is None and not listed:
        raise NotApplicable("说明中未识别出“三公”经费合计")
    yield from listed
    year = year_of(ctx)
    for suffix in ("", FULL_BUDGET, INITIAL_BUDGET):
        for total, parts, label in (("三公.合计", _SANGONG_PARTS, "“三公”经费合计与三项之和不一致"),
                                    ("三公.公务用车购置及运行维护费", _VEHICLE_PARTS, "公务用车购置及运行维护费与购置费、运行维护费之和不一致")):
            tk = keys.key(total, suffix)
            pk = [keys.key(p, suffix) for p in parts]
            total_v, tspan = stated_value(ctx.disclosure, tk)
            values = [(k, stated_value(ctx.disclosure, k)[0]) for k in pk]
            untold = ""  # the vehicle part the note leaves out, when the rest are told
            if total == "三公.合计":
                vehicle = keys.key(_SANGONG_PARTS[1], suffix)
                if dict(values)[vehicle] is None:  # from its two parts, when they are stated
                    parts_v = [stated_value(ctx.disclosure, keys.key(p, suffix))[0] for p in _VEHICLE_PARTS]
                    if any(v is not None for v in parts_v):
                        values = [(k, total_of(parts_v) if k == vehicle else v) for k, v in values]
                        untold = next((p for p, v in zip(_VEHICLE_PARTS, parts_v) if v is None), "")
            if total_v is None or all(v is None for _, v in values):
                continue
            short = total_v - sum(v for _, v in values if v is not None) > 0
            if short and any(v is None for _, v in values):
                continue  # an unstated part may explain the shortfall
            if short and total != "三公.合计" and tspan is not None and _OTHER_TRANSPORT.search(tspan.excerpt or ""):
                continue  # "（其中,购置费255万元,运行维护费7922万元,其他交通费用2846万元）": parts no key holds
            # the vehicles told by one part only ("车辆运行费28.91万元"): the other may be the shortfall, so
            # the note is incomplete rather than wrong
            told_short = bool(untold) and short
            f = sum_finding(code=N_SANGONG_SUM, total=total_v, parts=[(named(k, year), v) for k, v in values], total_label=named(tk, year),
                            message=label + (f"（{SUFFIX_WORDS[suffix]}）" if suffix else "")
                            + (f"（未写{named(untold, year)}，如有该项支出应写明）" if told_short else ""),
                            spans=[tspan], section=section_label(ctx, total), relation="C46",
                            severity=WARNING if told_short else None)
            if f:
                yield f


def _not_sangong_parts(ctx: Context) -> Iterator[Finding]:
    """A 三公 total's list that names an item which is no 三公 spending."""
    for m in _NOT_SANGONG_PART.finditer(ctx.disclosure.narrative.text):
        yield N_SANGONG_SUM.at(WARNING)(f"“三公”经费的“其中”列出了“{m.group(1)}”，它不属于三公经费（因公出国（境）费、"
                                        "公务用车购置及运行维护费、公务接待费），合计口径有误或科目写错",
                                        {"原文": m.group(0)[m.group(0).index("其中"):], "关系": "C46"},
                                        spans(line_span(ctx.disclosure, m.start(1), m.end())), section_label(ctx, "三公.合计"))


#: A 三公 total's list naming, beside a 三公 item, one that is none ("“三公”经费预算数为8万元,比上年…减少2万元。其中,公务接待费
#: 5万元,其他交通费用3万元": the allowance that replaced the official cars is no 三公 spending).
_NOT_SANGONG_PART = re.compile(r"三公[”\"]?经费[^。；;]{0,40}?\d[\d.,]*\s*万?元[^。；;]{0,30}[。；;，,]?\s*其中[,，:：]?\s*"
                               r"(?:公务接待费|因公出国[（(]境[)）]费|公务用车[^,，、；;。]{0,8}费)\s*[\d.]+\s*万?元[,，、]\s*"
                               r"(其他交通费用?)\s*[\d.]+\s*万?元")


_COUNT_PAIRS = (
    ("三公.因公出国（境）费", ("三公.出国团组", "三公.出国人次"), "因公出国（境）"),
    ("三公.公务接待费", ("三公.接待批次", "三公.接待人次"), "国内公务接待"),
    ("三公.公务用车购置费", ("三公.购置车辆",), "公务用车购置"),
)


@check(N_SANGONG_COUNT, N_VEHICLES, relations=("C46", "C34"))
def sangong_counts(ctx: Context) -> Iterator[Finding]:
    """三公各项金额与数量相符：金额为零时团组、批次、购置数为零，金额大于零时数量不为零；保有量与固定资产车辆不同须说明原因。"""
    d = ctx.disclosure
    year = year_of(ctx)
    ran = False
    for amount_key, count_keys, label in _COUNT_PAIRS:
        amount, aspan = fact(d, amount_key)
        if amount is None:
            amount = ctx.figures.get(amount_key)
        counts = [(k, fact(d, k)) for k in count_keys]
        counts = [(k, v, sp) for k, (v, sp) in counts if v is not None]
        if amount is None or not counts:
            continue
        ran = True
        figures = {"金额": amt(amount), **{named(k, year): str(int(v)) for k, v, _ in counts}}
        if amount == 0 and any(v > 0 for _, v, _ in counts):
            yield N_SANGONG_COUNT(f"{label}支出为零，但说明列有{label}次数，请核实", figures,
                          spans(aspan, *(sp for _, _, sp in counts)), section_label(ctx, "三公."))
        elif amount > 0 and all(v == 0 for _, v, _ in counts):
            yield N_SANGONG_COUNT(f"{label}支出{amt(amount)}万元，但所列次数（数量）为零，请说明", figures,
                          spans(aspan, *(sp for _, _, sp in counts)), section_label(ctx, "三公."))
    held, hspan = fact(d, "三公.保有车辆")
    fixed, fspan = fact(d, "三公.固定资产车辆")
    where = "固定资产车辆"
    if fixed is None:  # the 国有资产 part's count of vehicles (the same quantity, C52)
        (fixed, fspan), where = fact(d, "资产.车辆"), "国有资产占用情况所列车辆"
    if held is not None and fixed is not None:
        ran = True
        reason = d.reasons.get("三公.固定资产车辆.差异", "")
        if held != fixed and not reason:
            yield N_VEHICLES(f"公务用车保有量{int(held)}辆与{where}{int(fixed)}辆不同，未说明差异原因",
                          {"公务用车保有量": str(int(held)), where: str(int(fixed))}, spans(hspan, fspan), section_label(ctx, "三公."))
    if not ran:
        raise NotApplicable("缺少三公经费的次数、车辆数")


# --------------------------------------------------------------------------- 十 其他重要事项 (C47–C49)

@check(N_OPERATING_COST, relations=("C47",))
def operating_cost(ctx: Context) -> Iterator[Finding]:
    """行政单位和参公事业单位：机关运行经费 = 一般公共预算财政拨款基本支出中的公用经费（按配置的口径；上海口径为日常公用经费，不核对）。"""
    d = ctx.disclosure
    if ctx.profile.phrase("operating_cost", "public_funds") != "public_funds":
        raise NotApplicable("本配置的机关运行经费口径不是“财政拨款基本支出中的公用经费”")
    if d.unit.unit_kind == "事业单位":
        raise NotApplicable("事业单位（非参公）不核对机关运行经费")
    cost, cspan = stated_value(d, "机关运行经费")
    if cost is None:
        cost, cspan = d.matters.operating_cost, d.matters.sources.get("operating_cost")
    public, pspan = stated_value(d, "公用经费")
    if public is None and d.tables.t6 is not None:
        public = d.tables.t6.subtotals.get("公用经费合计")
    if cost is None or public is None:
        raise NotApplicable("缺少机关运行经费或公用经费")
    f = equal_finding(code=N_OPERATING_COST, left=("机关运行经费", cost), right=("公用经费", public),
                      message="机关运行经费与财政拨款基本支出中的公用经费不一致，请核实口径", spans=[cspan, pspan],
                      section=section_label(ctx, "机关运行经费"), relation="C47")
    if f:
        yield f


def _sme_in_parts(ctx: Context, total: Decimal) -> Finding | None:
    """The Shanghai wording gives the amount awarded to 中小企业 in two parts (in the projects
    reserved for them, and in the other projects); together they cannot exceed the total."""
    d = ctx.disclosure
    a, aspan = stated_value(d, "政府采购.预留中小企业")
    b, bspan = stated_value(d, "政府采购.其他中小企业")
    if a is None or b is None or a + b - total <= tolerance(2):
        return None
    label = "授予中小企业合同金额（预留项目＋其他项目）"
    return N_PROCUREMENT(f"由中小企业中标或成交的采购金额（预留项目{amt(a)}万元＋其他项目{amt(b)}万元＝{amt(a + b)}万元）"
                   f"大于政府采购支出总额{amt(total)}万元",
                   {"预留项目中小企业": amt(a), "其他项目中小企业": amt(b), label: amt(a + b), "政府采购支出总额": amt(total),
                    "关系": "C48"},
                   spans(bspan, aspan), section_label(ctx, "政府采购."))


@check(N_PROCUREMENT, ROUNDING, relations=("C48",))
def procurement(ctx: Context) -> Iterator[Finding]:
    """政府采购支出总额 = 货物 + 工程 + 服务；授予中小企业合同金额 ≤ 总额；授予小微企业 ≤ 中小企业。"""
    d = ctx.disclosure
    total, tspan = fact(d, "政府采购.总额")
    if total is None:
        raise NotApplicable("缺少政府采购支出总额")
    f = _fact_sum(ctx, N_PROCUREMENT, "政府采购.总额", ("政府采购.货物", "政府采购.工程", "政府采购.服务"), "C48",
                  "政府采购支出总额与货物、工程、服务之和不一致")
    if f:
        yield f
    sme, sspan = fact(d, "政府采购.中小企业")
    small, mspan = fact(d, "政府采购.小微企业")
    if sme is None:
        f = _sme_in_parts(ctx, total)
        if f:
            yield f
    for part, whole, plabel, wlabel, sp in ((sme, total, "授予中小企业合同金额", "政府采购支出总额", sspan),
                                           (small, sme, "授予小微企业合同金额", "授予中小企业合同金额", mspan)):
        if part is not None and whole is not None and part > whole:
            yield N_PROCUREMENT(f"{plabel}{amt(part)}万元大于{wlabel}{amt(whole)}万元",
                          {plabel: amt(part), wlabel: amt(whole), "关系": "C48"}, spans(sp), section_label(ctx, "政府采购."))


@check(N_ASSETS, relations=("C49",))
def assets(ctx: Context) -> Iterator[Finding]:
    """车辆总数 = 各类车辆（领导用车、主要负责人用车、机要通信、应急保障、执法执勤、特种专业技术、离退休干部服务、其他用车；预算还有业务用车、一般公务用车）之和。"""
    d = ctx.disclosure
    total, tspan = fact(d, "资产.车辆")
    parts = [(c, fact(d, f"资产.车辆.{c}")[0]) for c in VEHICLE_CATEGORIES + BUDGET_VEHICLE_CATEGORIES]
    if total is None or all(v is None for _, v in parts):
        raise NotApplicable("缺少车辆总数或分类车辆数")
    s = total_of(v for _, v in parts)
    if s < total and _unread_kinds(d, tspan, _CARS, VEHICLE_CATEGORIES + BUDGET_VEHICLE_CATEGORIES):
        return  # "定向保障用车1辆": a kind the phrasebook does not know may make up the rest
    if s != total:
        figures = {"车辆总数": str(int(total)), "分类之和": str(int(s))}
        figures.update({c: str(int(v)) for c, v in parts if v})
        yield N_ASSETS(f"车辆总数{int(total)}辆与各类车辆之和{int(s)}辆不一致", figures, spans(tspan),
                      section_label(ctx, "资产."))


_CARS = re.compile(r"([\u4e00-\u9fa5（）()]{2,16}?用车)\s*(\d+)\s*辆")
_STAFF_KINDS = re.compile(r"([\u4e00-\u9fa5]{1,6}?(?:人员|人数)?)\s*(\d+)\s*人")
_STAFF_WORDS = ("在职", "离休", "退休", "实有", "编制", "行政", "事业", "工勤", "全部补助", "全额", "差额", "自收自支", "参公",
                "参照公务员管理")


def _unread_kinds(d, span, kinds: re.Pattern, known: tuple[str, ...]) -> bool:
    """The printed line of ``span`` lists a kind ("定向保障用车1辆", "聘用人员5人") that none of ``known``
    names, and not as none of it ("年末其他人员0人"): the sentences after it on that line count too
    ("…退休人员417人。同等待遇非在编人员127人。")."""
    line = span.excerpt if span is not None else ""
    n = d.narrative
    if span is not None and n is not None:
        # the text lines printed on its line, or (a layout's wrap joined) the one holding its words
        text = n.text.split("\n")
        line = "".join(t for s, t in zip(n.lines, text) if (s.line == span.line and s.file == span.file and span.line is not None)
                       or (line and line in t)) or line
    return any(int(m.group(2)) and not any(k in m.group(1) or m.group(1).rstrip("人员数") in k for k in known)
               for m in kinds.finditer(line))


#: The kinds of 编制 a 概况 may list under its 编制人数: 江西's form names the first five; 参公, 全额,
#: 差额 and 自收自支 are kinds of 事业编制, so where 事业 is written they are not added again.
STAFF_POSTS = ("行政", "参公", "全额", "差额", "自收自支", "事业", "工勤")
_OF_SHIYE = ("参公", "全额", "差额", "自收自支")


@check(N_STAFF_SUM, relations=("C51",))
def staff(ctx: Context) -> Iterator[Finding]:
    """单位概况：实有人数 = 在职人员 + 离休人员 + 退休人员；所列各类编制之和不大于编制人数（“其中”可以不列全）。"""
    d = ctx.disclosure
    total, tspan = fact(d, "人员.实有")
    parts = [(k, fact(d, f"人员.{k}")[0]) for k in ("在职", "离休", "退休")]
    posts, pspan = fact(d, "人员.编制")
    kinds = [(k, fact(d, f"人员.编制.{k}")[0]) for k in STAFF_POSTS]
    kinds = [(k, v) for k, v in kinds if v is not None]
    if any(k == "事业" for k, _ in kinds):
        kinds = [(k, v) for k, v in kinds if k not in _OF_SHIYE]
    if (total is None or all(v is None for _, v in parts)) and (posts is None or len(kinds) < 2):
        raise NotApplicable("缺少实有人数或其构成、编制人数或其分类")
    if total is not None and any(v is not None for _, v in parts):
        s = total_of(v for _, v in parts)
        # a sum short of the total is no finding where the 在职 is not read ("实有在职事业编制人员61人") or the line
        # lists kinds beside 在职、离休、退休 ("…聘用人员5人，遗属8人")
        if s > total or (s < total and dict(parts)["在职"] is not None
                         and not _unread_kinds(d, tspan, _STAFF_KINDS, _STAFF_WORDS)):
            yield N_STAFF_SUM(f"实有人数{int(total)}人与在职、离休、退休人数之和{int(s)}人不一致",
                          {"实有人数": str(int(total)), **{k: str(int(v)) for k, v in parts if v is not None}, "之和": str(int(s)), "关系": "C51"},
                          spans(tspan), section_label(ctx, "人员."))
    if posts is not None and len(kinds) >= 2:
        s = sum(v for _, v in kinds)
        if s > posts:
            yield N_STAFF_SUM(f"编制人数{int(posts)}人，所列各类编制之和为{int(s)}人，大于编制人数",
                          {"编制人数": str(int(posts)), **{f"{k}编制": str(int(v)) for k, v in kinds}, "之和": str(int(s))},
                          spans(pspan), section_label(ctx, "人员."))


@check(N_STAFF_PARTS, relations=("C51",))
def staff_parts(ctx: Context) -> Iterator[Finding]:
    """“共计N人，其中：……”所列各类人员（互不重叠的编制、在职、离退休类别）之和不大于N；“其中”可以不列全。"""
    n = ctx.disclosure.narrative
    claims = n.claimed(STAFF_PARTS) if n is not None else ()
    if not claims:
        raise NotApplicable("说明中没有“共计N人，其中……”的人数构成")
    for c in claims:
        total, *parts = c.amounts
        s = sum(parts)
        if s > total:
            figures = {"总数": str(int(total)), **{name: str(int(v)) for name, v in zip(c.parts, parts)}, "之和": str(int(s))}
            yield N_STAFF_PARTS(f"{c.key}{int(total)}人，其中所列{'、'.join(c.parts)}之和为{int(s)}人，大于总数",
                                figures, spans(c.span), section_label(ctx, "人员."))


@check(N_ORG_COUNT)
def organs(ctx: Context) -> Iterator[Finding]:
    """单位概况：“设立N个内设机构，分别是：……”所列名称正好N个（下属单位同）。"""
    n = ctx.disclosure.narrative
    claims = n.claimed(ORGANS) if n is not None else ()
    if not claims:
        raise NotApplicable("说明中没有列出内设机构或下属单位的名称")
    for c in claims:
        count = cn_number(c.value)
        if count is None or len(c.parts) < 2 or len(c.parts) == count or count in c.amounts:
            continue  # (or as many with a "…部及…部" before the last counted as one)
        yield N_ORG_COUNT(f"写“{c.value}个{c.key}”，其后列出{len(c.parts)}个名称（{'、'.join(c.parts)}），个数不符",
                          {"所写个数": c.value, "所列个数": str(len(c.parts)), "名称": "、".join(c.parts)},
                          spans(c.span), "单位概况")


# --------------------------------------------------------------------------- 绩效 (C50)

_PERF = (
    ("绩效.整体.全年预算", "收入总计", "整体支出绩效自评的全年预算总额与收入总计不一致"),
    ("绩效.整体.执行数", "本年支出合计", "整体支出绩效自评的实际执行总额与本年支出合计不一致"),
)
_PERF_TABLE_KEYS = ("绩效.整体.全年预算", "绩效.整体.执行数", "绩效.项目数", "绩效.项目.全年预算", "绩效.项目.执行数", "绩效.综合得分")


@check(N_PERFORMANCE, relations=("C50",))
def performance_summary(ctx: Context) -> Iterator[Finding]:
    """说明十一：整体自评全年预算 = 收入总计，执行数 = 本年支出合计；项目个数、项目全年预算与执行数之和、综合得分 = 所附自评表。"""
    d = ctx.disclosure
    require_statements(ctx)
    year = year_of(ctx)
    ran = False
    for key, other, message in _PERF:
        v, sp = stated_value(d, key)
        o, osp = stated_value(d, other)
        if o is None:
            o = ctx.figures.get(other)
        if v is None or o is None:
            continue
        ran = True
        f = equal_finding(code=N_PERFORMANCE, left=(named(key, year), v), right=(named(other, year), o), message=message, spans=[sp, osp],
                          section=section_label(ctx, key), relation="C50")
        if f:
            yield f
    if d.evaluations:
        for key in _PERF_TABLE_KEYS:
            v, sp = stated_value(d, key)
            table_v = ctx.figures.get(key)
            if v is None or table_v is None:
                continue
            ran = True
            if round2(table_v) != v:
                yield N_PERFORMANCE(f"说明中{quoted(key, year)}为{v.normalize():f}，所附自评表为{table_v.normalize():f}",
                              {"说明中": f"{v.normalize():f}", "自评表": f"{table_v.normalize():f}", "关系": "C50"}, spans(sp), section_label(ctx, key))
    if not ran:
        raise NotApplicable("说明中没有绩效自评的总额、项目数或得分")


# --------------------------------------------------------------------------- C52

#: Different keys that name the same quantity.
_SAME = (("资产.车辆", "三公.固定资产车辆"), ("本年财政拨款收入", "收入.财政拨款收入"))
#: The unit's 基本支出 and 项目支出 (and their changes) and the general budget grant's, where the unit spends
#: nothing else (its 支出总计 is the grant's spending): "基本支出预算增加2.48万元" beside the grant's "基本支出…
#: 增加0.82万元" (R38d/07); with other funds they may differ (R40h/08: 735.09 against the grant's 727.11).
_ALL_GRANT = tuple((f"{unit}{suffix}", f"{grant}{suffix}") for unit, grant in (("支出.基本支出", "一般公共预算财政拨款基本支出"),
                                                                            ("支出.项目支出", "一般公共预算财政拨款项目支出"))
                   for suffix in ("", ".增减"))


@check(N_REPEAT, relations=("C52",))
def repeated(ctx: Context) -> Iterator[Finding]:
    """说明中两次出现的同一金额（或数量、比例）必须完全相同。"""
    statements = require_statements(ctx)
    by_key: dict[str, list[Statement]] = {}
    for s in statements:
        by_key.setdefault(s.key, []).append(s)
    total, grant = stated_value(ctx.disclosure, "支出总计")[0], stated_value(ctx.disclosure, "一般公共预算财政拨款支出")[0]
    for a, b in _SAME + (_ALL_GRANT if total is not None and total == grant else ()):
        if a in by_key and b in by_key:
            by_key.setdefault(f"{a}｜{b}", []).extend([by_key[a][0], by_key[b][0]])
    carried = {v for k in ("年初结转和结余", "年初财政拨款结转和结余") if (v := stated_value(ctx.disclosure, k)[0])}
    for key, group in by_key.items():
        values = sorted({s.value for s in group})
        if len(values) < 2:
            continue
        first = group[0]
        # (a change is compared with those on other lines only: "收入较去年增加1825257.28元,主要是…养老…增加
        # 1047306.54元,…": a change and the changes it is made of)
        change = split_key(key)[1] in (keys.DELTA, keys.DELTA_PCT)
        other = next((s for s in group if s.value != first.value and not (change and _same_line(first, s))), None)
        if other is None or _same_sentence(first, other):
            continue  # "行政编制115人，实有人数107人；事业编制31人，实有人数26人": two quantities, one name
        if _fund_of(first) != _fund_of(other):
            continue  # "一般公共预算收入总计…，年末结转和结余30.65万元": that fund's, not the unit's
        if key.startswith("收入.") and abs(first.value - other.value) in carried:
            continue  # "一般公共预算拨款478.66万元…上年结转收入18.96万元" and "一般公共预算财政拨款收入497.62万元":
            # the fund's income without and with last year's carry-over
        unit = first.unit if first.unit != "%" else ""
        yield N_REPEAT(f"{quoted(key, year_of(ctx))}在说明中出现{len(group)}次，数值不同：{first.value:f}{unit} 与 {other.value:f}{unit}",
                      {"第一处": f"{first.value:f}{first.unit}", "另一处": f"{other.value:f}{other.unit}", "关系": "C52"},
                      spans(first.span, other.span), section_label(ctx, key.split("｜")[0]))


_FUNDS = re.compile(r"一般公共预算|政府性基金|国有资本经营|财政拨款")


def _fund_of(s: Statement) -> str:
    """The fund the sentence of ``s`` names before the figure ("" for none): its scope."""
    if s.span is None or not s.span.excerpt:
        return ""
    head = re.split(r"[。；;]", s.span.excerpt[:s.span.start])[-1] if s.span.start is not None else ""
    m = _FUNDS.search(head)
    return m.group(0) if m else ""


def _same_line(a: Statement, b: Statement) -> bool:
    """Both read from one printed line (a paragraph)."""
    return (a.span is not None and b.span is not None and a.span.line is not None
            and (a.span.file, a.span.page, a.span.line) == (b.span.file, b.span.page, b.span.line))


def _same_sentence(a: Statement, b: Statement) -> bool:
    """Both read from one sentence: a text does not state one figure twice in a sentence, so two
    values there are two quantities the words tell apart (by a qualifier the reader did not keep)."""
    if a.span is None or b.span is None:
        return False
    return (a.span.file, a.span.page, a.span.line, a.span.excerpt) == (b.span.file, b.span.page, b.span.line, b.span.excerpt)


CHECKS = (sangong_structure, sangong_counts, operating_cost, procurement, assets, staff, staff_parts, organs, performance_summary, repeated)
