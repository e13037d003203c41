"""Section builders for 第二部分 九 ~ 十二: 三公, 其他重要事项, 预算绩效, 其他需说明的事项.

Where it sits: beside ``phrasebook.sections`` (一 ~ 八 and 第一部分); called by
``phrasebook.render`` in the skeleton's order. Same rules: the builders offer pieces, the
style's templates (``phrasebook/wording.yaml``) word the sentences, clauses state the figures.
"""

from __future__ import annotations

from decimal import Decimal

from ..core.document import Slot
from ..core.money import round2
from .patterns import PLACEHOLDER
from .sections import _text, budget_pieces, change_pieces
from .writer import Pen, Pieces, Said

_SG = ("因公出国（境）费", "公务用车购置及运行维护费", "公务接待费")
_CARS = "公务用车购置及运行维护费"
_CAR_PARTS = ("公务用车购置费", "公务用车运行维护费")
_TOTAL = "三公.合计"


# --------------------------------------------------------------------------- 九 三公

def _counts(pen: Pen) -> None:
    """Counts the data gives outside the figures (团组, 车辆, 接待) become figures."""
    s = pen.d.sangong
    for key, value in (("三公.出国团组", s.outbound_groups), ("三公.出国人次", s.outbound_people),
                       ("三公.购置车辆", s.vehicles_purchased), ("三公.保有车辆", s.vehicles_held),
                       ("三公.固定资产车辆", s.fixed_asset_vehicles), ("三公.接待批次", s.reception_batches),
                       ("三公.接待人次", s.reception_people)):
        if pen.get(key) is None and value is not None:
            pen.figures = {**pen.figures, key: Decimal(value)}


def _sangong_pieces(pen: Pen) -> Pieces:
    """What both 三公 parts may say: contents, the fleet against the 固定资产 cars, the lists."""
    sg = pen.d.sangong
    held, owned = pen.get("三公.保有车辆"), pen.get("三公.固定资产车辆")
    gap = held is not None and owned is not None and held != owned

    def placeholder() -> Said:
        pen.warn("固定资产车辆数与公务用车保有量不一致，缺少差异原因（三公.固定资产车辆.差异）")
        return Said(PLACEHOLDER, placeholder=True)

    return {
        "trip_content": lambda: _text(pen.text("三公.因公出国（境）费.内容", sg.outbound_content)),
        "car_content": lambda: _text(pen.text("三公.公务用车运行维护费.内容", sg.vehicle_content)),
        "meal_content": lambda: _text(pen.text("三公.公务接待费.内容", sg.reception_content)),
        "fleet_gap": gap,
        "fleet_same": not gap,
        "fleet_reason": lambda: _text(pen.d.reasons.get("三公.固定资产车辆.差异") or sg.vehicle_gap_reason or ""),
        "fleet_placeholder": placeholder,
        **change_pieces(pen, _TOTAL, "“三公”经费同比变化"),
        **budget_pieces(pen, _TOTAL, "“三公”经费", basis="sangong_budget_basis"),
        "items": lambda: pen.each("sangong.item", (
            (f"三公.{i}", {"amount": (lambda i=i: pen.say(f"三公.{i}")),
                           **change_pieces(pen, f"三公.{i}", f"{i}同比变化")}) for i in _SG)),
        "budget_items": lambda: pen.each("sangong.budget.item", (
            (f"三公.{i}", {"item": i, **budget_pieces(pen, f"三公.{i}", i, basis="sangong_budget_basis")})
            for i in _budgeted(pen))),
        "item_verdicts": lambda: pen.each("sangong.verdict.item", (
            (f"三公.{i}", {"item": i, **budget_pieces(pen, f"三公.{i}", i)}) for i in _SG + _CAR_PARTS)),
        "yoy_items": lambda: pen.each("sangong.yoy.item", ((f"三公.{i}", {"item": i}) for i in _SG)),
        "change_reasons": lambda: pen.each("sangong.yoy.reason", _change_reasons(pen)),
        "share_items": lambda: pen.each("sangong.share.item", (
            (f"三公.{i}", {"item": i}) for i in _SG if pen.get(f"三公.{i}") is not None)),
    }


def _budgeted(pen: Pen) -> tuple[str, ...]:
    """The 三公 items whose budget is stated: the car costs as one item when the style says so
    and it has a budget, else as their two parts."""
    whole = pen.flag("sangong.budget.whole_cars") and any(
        pen.get(f"三公.{_CARS}.{b}") is not None for b in ("年初预算", "全年预算"))
    cars = (_CARS,) if whole else _CAR_PARTS
    return (_SG[0],) + cars + (_SG[2],)


def _change_reasons(pen: Pen):
    """(subject, pieces) of each 三公 amount that changed: the reason is required for the items,
    and for the total only written when stated."""
    for subject, label in ((_TOTAL, "“三公”经费"),) + tuple((f"三公.{i}", i) for i in _SG):
        if not pen.changed(subject):
            continue
        delta = pen.get(f"{subject}.增减")
        if delta is None:
            delta = (pen.get(subject) or 0) - (pen.get(f"{subject}.上年") or 0)
        required = subject != _TOTAL
        yield subject, {"item": label, "direction": "增加" if delta > 0 else "减少",
                        "reason": (lambda s=subject, r=required, w=f"{label}同比变化": pen.why(f"{s}.增减", r, w))}


def sangong_overall(pen: Pen) -> None:
    """（一）总体, or the whole section under one heading (as the style words it)."""
    _counts(pen)
    if not pen.need(_TOTAL):
        return
    pen.write("sangong.overall", _TOTAL, **_sangong_pieces(pen))


def sangong_details(pen: Pen) -> None:
    """（二）具体: one sentence when there is no 三公 at all and the style has one for it."""
    _counts(pen)
    total = pen.get(_TOTAL)
    if total is None:
        return
    if round2(total) == 0 and pen.has("sangong.none"):
        pen.write("sangong.none", _TOTAL)
        return
    pen.write("sangong.details", _TOTAL, **_sangong_pieces(pen))


# --------------------------------------------------------------------------- 十 其他重要事项

def operating(pen: Pen) -> None:
    value = pen.get("机关运行经费")
    if value is not None and round2(value) == 0 and not pen.get("机关运行经费.上年") and pen.has("operating.none"):
        pen.write("operating.none", "机关运行经费")
        return
    pen.write("operating", "机关运行经费", **change_pieces(pen, "机关运行经费", "机关运行经费同比变化"))


def procurement(pen: Pen) -> None:
    if pen.need("政府采购.总额"):
        pen.write("procurement", "政府采购.总额")


def assets(pen: Pen) -> None:
    a = pen.d.matters.assets
    said = pen.phrase("assets", as_of=a.as_of or None,
                      vehicle_note=lambda: _text(pen.text("资产.其他用车说明", a.other_vehicles_note)))
    if said is not None and said.keys:
        pen.paragraph(said)


# --------------------------------------------------------------------------- 十一 十二

def _grade(pen: Pen) -> str:
    """The 评价结果: as the data states it, else graded from the 综合得分 by the profile's bands,
    else as the scoring engine grades the 整体 table."""
    grade = pen.text("绩效.等级")
    whole = [e for e in pen.d.evaluations if e.kind == "整体"]
    if not grade:
        grade = whole[0].grade if whole else ""
    if not grade and pen.figures.get("绩效.综合得分") is not None:
        from ..core.scoring_policy import Policy

        grade = Policy.from_profile(pen.profile).grade(pen.figures["绩效.综合得分"])
    if not grade and whole:
        from ..rules.scoring import score_evaluation  # rules sit below the phrasebook; kept out of import time

        grade = score_evaluation(whole[0], pen.profile).grade
    return grade


def performance(pen: Pen) -> None:
    said = pen.phrase("performance", grade=lambda: _grade(pen) or None,
                      result=lambda: _text(pen.text("绩效.成效")), problems=lambda: _text(pen.text("绩效.问题")),
                      measures=lambda: _text(pen.text("绩效.措施")))
    if said is None:
        pen.warn("缺少绩效自评数据（绩效.整体表数、绩效.项目数）")
    pen.paragraph(said)
    pen.blocks.append(Slot("绩效表"))


def other(pen: Pen) -> None:
    pen.write("other", other_text=pen.text("其他事项") or None)
