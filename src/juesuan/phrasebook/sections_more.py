"""Section writers for 第二部分 九 ~ 十二: 三公, 其他重要事项, 预算绩效, 其他需说明的事项.

Where it sits: beside ``phrasebook.sections`` (一 ~ 八 and 第一部分); called by
``phrasebook.render`` in the layout's order. Same rules: only phrasebook clauses state figures.
"""

from __future__ import annotations

from decimal import Decimal

from ..core.document import Slot
from ..core.model import VEHICLE_CATEGORIES
from .patterns import PLACEHOLDER
from .sections import budget_sentence as _budget
from .writer import Pen, Said

_SG = ("因公出国（境）费", "公务用车购置及运行维护费", "公务接待费")
_SG_BUDGET = ("因公出国（境）费", "公务用车购置费", "公务用车运行维护费", "公务接待费")


# --------------------------------------------------------------------------- 九 三公

def _count(pen: Pen, key: str, fallback: int | None) -> None:
    if pen.get(key) is None and fallback is not None:
        pen.figures = {**pen.figures, key: Decimal(fallback)}


def sangong(pen: Pen) -> None:
    s = pen.d.sangong
    for key, value in (("三公.出国团组", s.outbound_groups), ("三公.出国人次", s.outbound_people),
                       ("三公.购置车辆", s.vehicles_purchased), ("三公.保有车辆", s.vehicles_held),
                       ("三公.固定资产车辆", s.fixed_asset_vehicles), ("三公.接待批次", s.reception_batches),
                       ("三公.接待人次", s.reception_people)):
        _count(pen, key, value)
    total = pen.say("三公.合计")
    if total is None:
        return
    _sangong_overall(pen, total)
    pen.paragraph("具体情况如下：")
    _sangong_trips(pen)
    _sangong_cars(pen)
    _sangong_meals(pen)
    _sangong_budget(pen)


def _sangong_overall(pen: Pen, total: Said) -> None:
    change = pen.say("同比", "三公.合计")
    text = pen.join(total, "比上年" + change if change else None)
    text = text + pen.reason("三公.合计.增减", pen.changed("三公.合计"), "“三公”经费同比变化")
    lead = "其中："
    for item in _SG:
        subject = f"三公.{item}"
        amount = pen.say(subject)
        if amount is None:
            continue
        part = pen.join(amount, pen.say("占比", subject, missing_ok=True))
        change = pen.say("同比", subject, missing_ok=True)
        if change is not None:
            part = part + "，比上年" + change
        text = text + lead + part + pen.reason(f"{subject}.增减", pen.changed(subject), f"{item}同比变化")
        lead = ""
    pen.paragraph(text)


def _with_content(pen: Pen, head: Said | None, key: str, fallback: str) -> Said | None:
    content = pen.text(key, fallback)
    return head + f"，开支内容包括{content}" if head is not None and content else head


def _sangong_trips(pen: Pen) -> None:
    trip = _with_content(pen, pen.say("三公.因公出国（境）费"), "三公.因公出国（境）费.内容",
                         pen.d.sangong.outbound_content)
    groups = pen.join(pen.say("三公.出国团组", missing_ok=True), pen.say("三公.出国人次", missing_ok=True))
    if trip is not None:
        pen.paragraph(trip + "。" + ("单位全年安排的" + groups + "。" if groups.text else ""))


def _sangong_cars(pen: Pen) -> None:
    s = pen.d.sangong
    cars = pen.with_parts(pen.say("三公.公务用车购置及运行维护费"), pen.say("三公.公务用车购置费"),
                          pen.say("三公.公务用车运行维护费"))
    if cars is None:
        return
    content = pen.text("三公.公务用车运行维护费.内容", s.vehicle_content)
    if content:
        cars = cars + f"公务用车运行维护费开支内容包括{content}。"
    counts = pen.join(pen.say("三公.购置车辆", missing_ok=True), pen.say("三公.保有车辆", missing_ok=True))
    if counts.text:
        cars = cars + counts + "。"
    fixed = pen.say("三公.固定资产车辆", missing_ok=True)
    if fixed is not None:
        held, owned = pen.get("三公.保有车辆"), pen.get("三公.固定资产车辆")
        gap = held is not None and owned is not None and held != owned
        default = s.vehicle_gap_reason or ("" if gap else "本单位固定资产车辆与公务用车保有量一致，无差异")
        reason_text = (pen.d.reasons.get("三公.固定资产车辆.差异") or default).strip().rstrip("。")
        cars = cars + "国有资产占用情况中" + fixed
        if reason_text:
            cars = cars + f"，与公务用车保有量差异原因是：{reason_text}。"
        else:
            pen.warn("固定资产车辆数与公务用车保有量不一致，缺少差异原因（三公.固定资产车辆.差异）")
            cars = Said(cars.text, cars.keys, True) + f"，与公务用车保有量差异原因是：{PLACEHOLDER}。"
    pen.paragraph(cars)


def _sangong_meals(pen: Pen) -> None:
    meals = _with_content(pen, pen.say("三公.公务接待费"), "三公.公务接待费.内容", pen.d.sangong.reception_content)
    visits = pen.say("三公.接待", missing_ok=True)
    if meals is not None:
        pen.paragraph(meals + "。" + ("单位全年安排的" + visits + "。" if visits else ""))


def _sangong_budget(pen: Pen) -> None:
    basis = str(pen.profile.phrase("sangong_budget_basis", "full_year"))
    word = "年初预算" if basis == "initial" else "全年预算"
    budget = _budget(pen, "三公.合计", basis, "“三公”经费", label="财政拨款“三公”经费支出")
    if budget is None:
        return
    text, lead = f"与{word}相比，" + budget, "其中："
    for item in _SG_BUDGET:
        part = _budget(pen, f"三公.{item}", basis, item, label=item)
        if part is not None:
            text, lead = text + lead + part, ""
    pen.paragraph(text)


# --------------------------------------------------------------------------- 十 其他重要事项

def operating(pen: Pen) -> None:
    unit = pen.d.unit
    kind = "（行政单位和参照公务员法管理事业单位）"
    amount = pen.say("机关运行经费")
    if amount is None:
        return
    text = f"{unit.year}年度{unit.name}{kind}" + amount
    change = pen.say("同比", "机关运行经费", missing_ok=True)
    if change is not None:
        text = text + "，比上年" + change
    pen.paragraph(text + pen.reason("机关运行经费.增减", pen.changed("机关运行经费"), "机关运行经费同比变化"))


def procurement(pen: Pen) -> None:
    total = pen.say("政府采购.总额")
    if total is None:
        return
    parts = [pen.say(f"政府采购.{p}", missing_ok=True) for p in ("货物", "工程", "服务")]
    pen.paragraph(Said(f"{pen.year}年度") + total + "，其中：" + pen.join(*parts, sep="、") + "。")
    sme = _sme(pen)
    if sme is not None:
        pen.paragraph(sme + "。")


def _sme(pen: Pen) -> Said | None:
    """中小企业 amount and share, then “其中：” 小微企业 amount and share; None when neither
    中小企业 figure is stated. Shared by the Xinjiang and Shanghai 政府采购 paragraphs."""
    sme = pen.join(pen.say("政府采购.中小企业", missing_ok=True),
                   pen.say("占比.采购", "政府采购.中小企业", missing_ok=True))
    small = pen.join(pen.say("政府采购.小微企业", missing_ok=True),
                     pen.say("占比.采购", "政府采购.小微企业", missing_ok=True))
    if not sme.text:
        return None
    return sme + ("，其中：" + small if small.text else Said(""))


def assets(pen: Pen) -> None:
    a = pen.d.matters.assets
    text = Said(f"截至{a.as_of or f'{pen.year}年12月31日'}，")
    house = pen.say("资产.房屋", missing_ok=True)
    if house is not None:
        text = text + house + "。"
    cars = pen.say("资产.车辆", missing_ok=True)
    if cars is not None:
        kinds = [pen.say(f"资产.车辆.{c}", missing_ok=True) for c in VEHICLE_CATEGORIES]
        text = text + cars
        listed = pen.join(*kinds, sep="、")
        if listed.text:
            text = text + "，其中：" + listed
        note = pen.text("资产.其他用车说明", a.other_vehicles_note)
        if note:
            text = text + f"，其他用车主要是：{note}"
        text = text + "。"
    big = pen.say("资产.大型设备", missing_ok=True)
    if big is not None:
        text = text + big + "。"
    if text.keys:
        pen.paragraph(text)


# --------------------------------------------------------------------------- 十一 十二

def _grade(pen: Pen) -> str:
    """The 评价结果: as the data states it, else graded from the 综合得分 by the profile's bands."""
    grade = pen.text("绩效.等级")
    if not grade:
        whole = [e for e in pen.d.evaluations if e.kind == "整体"]
        grade = whole[0].grade if whole else ""
    if not grade and pen.figures.get("绩效.综合得分") is not None:
        from ..core.scoring_policy import Policy

        grade = Policy.from_profile(pen.profile).grade(pen.figures["绩效.综合得分"])
    return grade


def performance(pen: Pen) -> None:
    first = pen.join(pen.say("绩效.整体表数", missing_ok=True), pen.say("绩效.整体.全年预算", missing_ok=True),
                     pen.say("绩效.整体.执行数", missing_ok=True))
    projects = pen.say("绩效.项目", missing_ok=True)
    if not first.text and projects is None:
        pen.warn("缺少绩效自评数据（绩效.整体表数、绩效.项目数）")
        pen.blocks.append(Slot("绩效表"))
        return
    text = Said(f"根据预算绩效管理要求，本单位{pen.year}年度预算绩效管理形成") + pen.join(first, projects, sep="；") + "。"
    score = pen.say("绩效.综合得分", missing_ok=True)
    result = pen.text("绩效.成效")
    if score is not None:
        grade = _grade(pen)
        lead = Said(f"本单位{pen.year}年度部门整体支出绩效自评") + score
        result_said = lead + (f"，评价结果为“{grade}”。" if grade else "。")
        text = text + "预算绩效管理取得的成效：" + result_said + result
    elif result:
        text = text + f"预算绩效管理取得的成效：{result}"
    for key, label in (("绩效.问题", "发现的问题及原因："), ("绩效.措施", "下一步改进措施：")):
        words = pen.text(key)
        if words:
            text = text + (label + words if text.text.endswith("。") else "。" + label + words)
    pen.paragraph(text)
    pen.blocks.append(Slot("绩效表"))


def other(pen: Pen) -> None:
    pen.paragraph(pen.text("其他事项", "本单位无其他需说明的事项。"))
