"""Section writers in the Shanghai wording (附件2 部门决算模板, ``narrative.style: shanghai``).

Where it sits: beside ``phrasebook.sections`` / ``sections_more`` (the seed's wording); picked by
``phrasebook.render`` when the profile's style is ``shanghai``. Same rule as there: a figure is
only ever written through a clause of ``phrasebook.patterns``, so ``phrasebook.parse`` reads back
everything written here. The forms, as the Shanghai template and its published samples use them:

* year-on-year: "与2023年度相比，<名称>减少X万元，下降Y%。主要原因：…。" — or "…持平。";
* budgets: "年初预算为X万元，支出决算为Y万元，完成年初预算的Z%。决算数小于预算数的主要原因：…。"
  (完成全年预算 when 年初预算 is 0; "决算数与预算数持平。" needs no reason);
* zero income/expenditure items are not listed (不涉及的不列); an empty fund or 三公 is one sentence.
"""

from __future__ import annotations

from ..core.document import Slot
from ..core.keys import EXPENDITURE_ITEMS, INCOME_ITEMS
from ..core.model import VEHICLE_CATEGORIES
from ..core.money import round2
from . import patterns as pb
from . import sections as s
from .sections_more import _count, _grade, _sme
from .writer import Pen, Said

_SG = ("因公出国（境）费", "公务用车购置及运行维护费", "公务接待费")
_CAR_PARTS = ("公务用车购置费", "公务用车运行维护费")


def _unit(pen: Pen) -> str:
    return pen.d.unit.name


def _yoy(pen: Pen, subject: str, name: str, what: str) -> Said | None:
    """"与2023年度相比，<name>减少X万元，下降Y%。主要原因：…。" (or "…持平。")."""
    change = pen.say("同比", subject, missing_ok=True)
    if change is None:
        return None
    if name:
        head = Said(f"与{pen.prior_year}相比，{name}")
    elif change.text == pb.UNCHANGED_FLAT:
        head = Said(f"与{pen.prior_year}")
    else:
        head = Said(f"与{pen.prior_year}相比，")
    return (head + change
            + pen.reason(f"{subject}.增减", pen.changed(subject), what, lead="。主要原因："))


def _budget(pen: Pen, subject: str, what: str, actual: str = "支出决算为", word: str = "") -> Said | None:
    """"年初预算为X万元，支出决算为Y万元，完成年初预算的Z%" (no full stop, no reason)."""
    initial, full = pen.get(f"{subject}.年初预算"), pen.get(f"{subject}.全年预算")
    use_full = full is not None and not initial  # 年初预算 0 or absent: the 全年预算 (rules §7.3)
    budget = pen.say("全年预算为" if use_full else "年初预算为", subject, missing_ok=True)
    if budget is None:
        return None
    if word == "none":
        done = None
    elif pen.completion:
        done = pen.completed(subject, word)
    else:  # narrative.budget_wording: gap
        done = pen.say("预决算差异率", subject, missing_ok=True)
    return pen.join(budget, pen.say(actual, subject), done)


# --------------------------------------------------------------------------- 第一部分

def composition(pen: Pen) -> None:
    """部门决算单位构成: which budgets the 部门决算 takes in, then staff and internal sections."""
    unit = pen.d.unit
    count = pen.get("人员.下属单位")
    if count is None and unit.subordinate_units is not None:
        count = unit.subordinate_units
    if count == 0:
        sub = pen.say("人员.下属单位.无") or Said("无下属预算单位")
        said = Said(f"从预算单位构成看，{unit.name}部门决算仅含本级决算，") + sub + "。"
        pen.paragraph(Said(said.text, ("人员.下属单位",) if pen.get("人员.下属单位") is not None else ()))
    elif count is not None:
        sub = pen.say("人员.下属单位.有") or Said("")
        names = f"（{'、'.join(unit.subordinate_names)}）" if unit.subordinate_names else ""
        pen.paragraph(Said(f"从预算单位构成看，{unit.name}部门决算包括本级决算，") + sub + names + "。")
    s.staff(pen)
    if unit.internal_sections:
        count_said = pen.say("人员.科室", missing_ok=True) or Said(f"下设{len(unit.internal_sections)}个科室")
        pen.paragraph(Said(f"{unit.name}") + count_said + f"，分别是：{'、'.join(unit.internal_sections)}。")


# --------------------------------------------------------------------------- 一 ~ 四

def overall(pen: Pen) -> None:
    total = pen.say("收支总计")
    if total is None:
        return
    pen.paragraph(Said(_unit(pen)) + total + "。" + (_yoy(pen, "收支总计", "收入支出总计", "收入支出总计同比变化") or ""))


def _items(pen: Pen, prefix: str, items: tuple[str, ...]) -> Said:
    parts = [pen.join(pen.say(f"{prefix}.{i}"), pen.say("占比", f"{prefix}.{i}", missing_ok=True))
             for i in items if pen.get(f"{prefix}.{i}")]  # 不涉及的不列
    return pen.join(*parts, sep="；")


def income(pen: Pen) -> None:
    pen.paragraph(pen.with_parts(pen.say("本年收入合计"), _items(pen, "收入", INCOME_ITEMS)))


def expenditure(pen: Pen) -> None:
    pen.paragraph(pen.with_parts(pen.say("本年支出合计"), _items(pen, "支出", EXPENDITURE_ITEMS)))


def fiscal(pen: Pen) -> None:
    total = pen.say("财政拨款收支总计")
    if total is None:
        return
    pen.paragraph(Said(_unit(pen)) + total + "。"
                  + (_yoy(pen, "财政拨款收支总计", "财政拨款收入支出总计", "财政拨款收入支出总计同比变化") or ""))


# --------------------------------------------------------------------------- 五 ~ 六

_GENERAL = "一般公共预算财政拨款支出"


def general_overall(pen: Pen) -> None:
    head = pen.join(pen.say(_GENERAL), pen.say("占比.本年支出", _GENERAL, missing_ok=True))
    if not head.text:
        return
    pen.paragraph(head + "。" + (_yoy(pen, _GENERAL, _GENERAL, "一般公共预算财政拨款支出同比变化") or ""))


def general_structure(pen: Pen) -> None:
    parts = [pen.join(pen.say("类", f"类.{code}"), pen.say("占比", f"类.{code}", missing_ok=True))
             for code in s._codes(pen, "类", 3) if pen.get(f"类.{code}")]
    head = pen.say(_GENERAL)
    if head is not None and parts:
        pen.paragraph(head + "，主要用于以下方面：" + pen.join(*parts, sep="；") + "。")


def general_items(pen: Pen) -> None:
    budget = _budget(pen, _GENERAL, "一般公共预算财政拨款支出")
    if budget is not None:
        pen.paragraph(Said(_GENERAL) + budget + "。" + pen.budget_verdict(_GENERAL, "一般公共预算财政拨款支出"))
    shown = 0
    for code in s._codes(pen, "项", 7):
        subject = f"项.{code}"
        if not pen.get(subject) and not pen.get(f"{subject}.上年") and not pen.get(f"{subject}.增减"):
            continue
        name = pen.say("项", subject)
        if name is None:
            continue
        shown += 1
        what = f"{name.text}"
        lead = Said(f"{shown}、") + name + "。"
        use = pen.text(f"{subject}.用途")
        if use:
            lead = lead + f"主要用于：{use.rstrip('。')}。"
        budget = _budget(pen, subject, what, word="none")
        if budget is not None:
            pen.paragraph(lead + budget + "。" + pen.budget_verdict(subject, what))
            continue
        amount = pen.say("支出决算为", subject)
        change = _yoy(pen, subject, "", f"{what}同比变化")
        pen.paragraph(lead + pen.join(amount, change, sep="。") + ("" if change is not None else "。"))


def basic(pen: Pen) -> None:
    personnel, public = s._economic_names(pen, True), s._economic_names(pen, False)
    staff = pen.say("人员经费")
    if staff is not None and personnel:
        staff = staff + f"，主要包括：{personnel}"
    public_said = pen.say("公用经费")
    if public_said is not None and public:
        public_said = public_said + f"，主要包括：{public}"
    pen.paragraph(pen.with_parts(pen.say("基本支出"), staff, public_said, lead="。其中：", sep="；"))


# --------------------------------------------------------------------------- 七 三公

def _sangong_counts(pen: Pen) -> None:
    sg = pen.d.sangong
    for key, value in (("三公.出国团组", sg.outbound_groups), ("三公.出国人次", sg.outbound_people),
                       ("三公.购置车辆", sg.vehicles_purchased), ("三公.保有车辆", sg.vehicles_held),
                       ("三公.固定资产车辆", sg.fixed_asset_vehicles), ("三公.接待批次", sg.reception_batches),
                       ("三公.接待人次", sg.reception_people)):
        _count(pen, key, value)


def _compare(pen: Pen, subject: str) -> str:
    actual, budget = pen.get(subject), pen.get(f"{subject}.年初预算") or pen.get(f"{subject}.全年预算")
    if actual is None or budget is None or round2(actual) == round2(budget):
        return ""
    return "大于" if actual > budget else "小于"


def sangong_overall(pen: Pen) -> None:
    """（一）总体: the budget paragraph (完成预算的X%) and the year-on-year paragraph."""
    _sangong_counts(pen)
    total = "三公.合计"
    budget = _budget(pen, total, "“三公”经费", word="预算")
    if budget is not None:
        parts = []
        for item in _SG:
            names = (item,) if pen.get(f"三公.{item}.年初预算") is not None or pen.get(
                f"三公.{item}.全年预算") is not None or item != _SG[1] else _CAR_PARTS
            for name in names:
                part = _budget(pen, f"三公.{name}", name, actual="决算为", word="预算")
                if part is not None:
                    parts.append(Said(name) + part)
        text = pen.with_parts(Said("“三公”经费财政拨款支出") + budget, *parts, sep="；")
        verdict = pen.budget_verdict(total, "“三公”经费", lead=f"{pen.year}年度“三公”经费支出决算数")
        for item in _SG + _CAR_PARTS:
            word = _compare(pen, f"三公.{item}")
            why = (pen.d.reasons.get(f"三公.{item}.预决算") or "").strip().rstrip("。")
            if word and why:
                verdict = verdict + f"{item}决算数{word}预算数的主要原因：{why}。"
        pen.paragraph(text + verdict)  # type: ignore[operator]
    change = pen.say("同比", total, missing_ok=True)
    if change is None:
        return
    head = Said(f"{pen.year}年度“三公”经费财政拨款支出决算数")
    head = head + (f"比{pen.prior_year}" + change if change.text != pb.UNCHANGED_FLAT
                   else Said(f"与{pen.prior_year}") + change)
    parts = []
    for item in _SG:
        item_change = pen.say("同比", f"三公.{item}", missing_ok=True)
        if item_change is not None:
            parts.append(Said(f"{item}支出决算") + item_change)
    text = pen.with_parts(head, *parts, sep="；")
    for subject, label in (("三公.合计", "“三公”经费"),) + tuple((f"三公.{i}", i) for i in _SG):
        if not pen.changed(subject):
            continue
        delta = pen.get(f"{subject}.增减")
        if delta is None:
            delta = (pen.get(subject) or 0) - (pen.get(f"{subject}.上年") or 0)
        word = "增加" if delta > 0 else "减少"
        required = subject != "三公.合计"
        if required or pen.d.reasons.get(f"{subject}.增减"):
            text = text + pen.reason(f"{subject}.增减", required, f"{label}同比变化", lead=f"{label}支出{word}的主要原因是")  # type: ignore[operator]
    pen.paragraph(text)


def sangong_details(pen: Pen) -> None:
    """（二）具体: shares, then trips, cars and receptions; one sentence when there is no 三公 at all."""
    _sangong_counts(pen)
    total = pen.get("三公.合计")
    if total is None:
        return
    if round2(total) == 0:
        pen.paragraph(f"{_unit(pen)}{pen.year}年度无“三公”经费财政拨款支出。")
        return
    parts = [pen.join(Said(f"{i}支出") + (pen.say("决算为", f"三公.{i}") or Said("")),
                      pen.say("占比", f"三公.{i}", missing_ok=True)) for i in _SG if pen.get(f"三公.{i}") is not None]
    pen.paragraph(Said("“三公”经费财政拨款支出决算中，") + pen.join(*parts, sep="；") + "。具体情况如下：")
    sg = pen.d.sangong
    _sangong_item(pen, "1、", "因公出国（境）费", sg.outbound_content, "三公.出国人次.沪")
    cars = pen.say("三公.公务用车购置及运行维护费")
    if cars is not None:
        buy, run = pen.say("三公.购置.沪", missing_ok=True), pen.say("三公.运维.沪", missing_ok=True)
        content = pen.text("三公.公务用车运行维护费.内容", sg.vehicle_content)
        if run is not None and content:
            run = run + f"，开支内容包括：{content.rstrip('。')}"
        text = pen.with_parts(Said("2、") + cars, buy, run, lead="。其中：", sep="；")
        counts = pen.join(pen.say("三公.购置车辆", missing_ok=True), pen.say("三公.保有车辆", missing_ok=True))
        if counts.text:
            text = text + f"{pen.year}年度" + counts + "。"  # type: ignore[operator]
        held, owned = pen.get("三公.保有车辆"), pen.get("三公.固定资产车辆")
        if held is not None and owned is not None and held != owned:
            why = (pen.d.reasons.get("三公.固定资产车辆.差异") or sg.vehicle_gap_reason or "").strip().rstrip("。")
            fixed = pen.say("三公.固定资产车辆")
            text = text + "国有资产占用情况中" + fixed + f"，与公务用车保有量差异原因是：{why or pb.PLACEHOLDER}。"  # type: ignore[operator]
            if not why:
                pen.warn("固定资产车辆数与公务用车保有量不一致，缺少差异原因（三公.固定资产车辆.差异）")
                text = Said(text.text, text.keys, True)  # type: ignore[union-attr]
        pen.paragraph(text)
    _sangong_item(pen, "3、", "公务接待费", sg.reception_content, "三公.接待")


def _sangong_item(pen: Pen, number: str, item: str, content_read: str, counts_key: str) -> None:
    """One numbered 三公 paragraph (因公出国（境）费 or 公务接待费): amount, 开支内容 and 全年安排 counts."""
    amount = pen.say(f"三公.{item}")
    if amount is None:
        return
    content = pen.text(f"三公.{item}.内容", content_read)
    text = Said(number) + amount + (f"，开支内容包括：{content.rstrip('。')}。" if content else "。")
    counts = pen.say(counts_key, missing_ok=True)
    pen.paragraph(text + ("全年安排" + counts + "。" if counts is not None else ""))


# --------------------------------------------------------------------------- 八 ~ 十一

def _scored_grade(pen: Pen) -> str:
    """The 整体 table's grade as the scoring engine gives it, in the profile's grade names."""
    from ..rules.scoring import score_evaluation  # rules sit below the phrasebook; kept out of import time

    whole = [e for e in pen.d.evaluations if e.kind == "整体"]
    return score_evaluation(whole[0], pen.profile).grade if whole else ""


def performance(pen: Pen) -> None:
    """十、预算绩效管理情况: 整体自评 and 项目自评 in the Shanghai order, then the 成效/问题/措施 texts."""
    whole = pen.join(pen.say("绩效.整体表数", missing_ok=True), pen.say("绩效.整体.全年预算", missing_ok=True),
                     pen.say("绩效.整体.执行数", missing_ok=True))
    score = pen.say("绩效.综合得分", missing_ok=True)
    if score is not None:
        grade = _grade(pen) or _scored_grade(pen)
        whole = pen.join(whole, score + (f"，绩效评级为“{grade}”" if grade else ""))
    projects = pen.say("绩效.项目.沪", missing_ok=True)
    if not whole.text and projects is None:
        pen.warn("缺少绩效自评数据（绩效.整体表数、绩效.项目数）")
        pen.blocks.append(Slot("绩效表"))
        return
    text = Said(f"{_unit(pen)}{pen.year}年度预算绩效管理工作开展情况如下：")
    if whole.text:
        text = text + "本部门完成" + whole
    if projects is not None:
        text = text + ("；开展" if whole.text else "开展") + projects
    text = text + "。"
    for key, label in (("绩效.成效", "预算绩效管理取得的成效："), ("绩效.问题", "发现的问题及原因："),
                       ("绩效.措施", "下一步改进措施：")):
        words = pen.text(key).rstrip("。")
        if words:
            text = text + f"{label}{words}。"
    pen.paragraph(text)
    pen.blocks.append(Slot("绩效表"))


def operating(pen: Pen) -> None:
    value = pen.get("机关运行经费")
    if value is not None and round2(value) == 0 and not pen.get("机关运行经费.上年"):
        pen.paragraph(f"{_unit(pen)}{pen.year}年度无机关运行经费支出。")
        return
    amount = pen.say("机关运行经费")
    if amount is None:
        return
    change = pen.say("同比", "机关运行经费", missing_ok=True)
    if change is None:
        pen.paragraph(amount + "。")
        return
    joined = f"，比{pen.prior_year}" if change.text != pb.UNCHANGED_FLAT else f"，与{pen.prior_year}"
    pen.paragraph(amount + joined + change + pen.reason("机关运行经费.增减", pen.changed("机关运行经费"),
                                                      "机关运行经费同比变化", lead="。主要原因是"))


def procurement(pen: Pen) -> None:
    total = pen.say("政府采购.总额.沪")
    if total is None:
        return
    parts = [pen.say(f"政府采购.{p}.沪", missing_ok=True) for p in ("货物", "工程", "服务")]
    pen.paragraph(Said(f"{_unit(pen)}{pen.year}年度") + total + "，其中：" + pen.join(*parts, sep="、") + "。")
    sme = _sme(pen)
    if sme is not None:
        pen.paragraph(Said(f"{pen.year}年度本部门") + sme + "。")


def assets(pen: Pen) -> None:
    a = pen.d.matters.assets
    text = Said(f"截至{a.as_of or f'{pen.year}年12月31日'}，{_unit(pen)}")
    house = pen.say("资产.房屋", missing_ok=True)
    if house is not None:
        text = text + "占有使用" + house + "；"
    cars = pen.say("资产.车辆", missing_ok=True)
    if cars is not None:
        kinds = []
        for c in VEHICLE_CATEGORIES:
            name = f"资产.车辆.{c}.沪" if f"资产.车辆.{c}.沪" in pb.BY_NAME else f"资产.车辆.{c}"
            kinds.append(pen.say(name, missing_ok=True))
        text = text + "共有" + cars
        listed = pen.join(*kinds, sep="、")
        if listed.text:
            text = text + "，其中：" + listed
        note = pen.text("资产.其他用车说明", a.other_vehicles_note)
        if note:
            text = text + f"，其他用车主要是：{note.rstrip('。')}"
    text = Said(text.text.rstrip("；"), text.keys) + "。"
    big = pen.say("资产.大型设备", missing_ok=True)
    if big is not None:
        text = text + big + "。"
    if text.keys:
        pen.paragraph(text)
