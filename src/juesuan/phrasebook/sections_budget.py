"""Section builders only a budget's 说明 needs (部门预算 / 单位预算).

Where it sits: beside ``phrasebook.sections`` and ``sections_more``, called by
``phrasebook.render`` where a budget skeleton (``wording.yaml``: ``national-yusuan``,
``shanghai-yusuan``) names them. The other sections of a budget are written by the 决算's builders
with the budget style's templates: the figures keep their keys, ``.上年`` being last year's
budget, so "比2024年预算减少990万元" is the 决算's change clause against a budget. Same rules as the
other builders: they offer pieces, the style's templates word the sentences, clauses state figures.
"""

from __future__ import annotations

from decimal import Decimal

from ..core.document import Slot
from ..core.money import round2
from .patterns import BY_NAME
from .sections import _codes, _numbered, _text, change_pieces, cn
from .sections import organisation as _standard_organisation
from .sections_more import _counts
from .sections_more import assets as _decision_assets
from .writer import Pen, Said

_SANGONG = ("因公出国（境）费", "公务用车购置及运行维护费", "公务接待费")
_CAR_PARTS = ("公务用车购置费", "公务用车运行维护费")
_TOTAL = "三公.合计"


def _lines(pen: Pen, key: str) -> bool:
    """The data's free text ``key`` as paragraphs, one a line; False when there is none."""
    lines = [line.strip() for line in pen.text(key).splitlines() if line.strip()]
    for line in lines:
        pen.paragraph(line)
    return bool(lines)


def functions_lead(pen: Pen) -> None:
    """The sentences before the numbered 主要职能 ("…是主管全市财政工作的市政府组成部门。")."""
    _lines(pen, "职能概述")


def organisation_text(pen: Pen) -> None:
    """机构设置 as the data words it (文字.机构设置), else as the 决算 states staff and sections."""
    if not _lines(pen, "机构设置"):
        _standard_organisation(pen)


def table_slot(pen: Pen) -> None:
    """The tables, without a list of their titles before them."""
    pen.blocks.append(Slot("附表"))


# --------------------------------------------------------------------------- 编制说明

def _empty(pen: Pen, key: str) -> bool:
    value = pen.get(key)
    return value is None or round2(value, pen.places) == 0


def overview(pen: Pen) -> None:
    """The 编制说明 of a 单位预算 (上海): income and spending, the change against last year's
    budget and its reason, then what each 类 of 财政拨款 is spent on. Amounts in whole 万元 and
    changes without percentages where the style says so (``overview.whole``)."""
    whole = pen.flag("overview.whole")
    places, rates = pen.places, pen.rates
    if whole:
        pen.places, pen.rates = 0, False
    try:
        subject = "财政拨款收支总计"
        changed = pen.changed(subject)
        delta = pen.get(f"{subject}.增减") or Decimal(0)
        classes = _codes(pen, "类", 3)
        pen.write("overview", subject,
                  no_fund=_empty(pen, "政府性基金预算财政拨款支出"),
                  no_capital=_empty(pen, "国有资本经营预算财政拨款支出"),
                  direction=("增加" if delta > 0 else "减少") if changed else None,
                  classes=bool(classes),
                  **change_pieces(pen, subject, "财政拨款收入支出比上年预算增减"))
        _numbered(pen, "overview.class", ((f"类.{c}", {"use": (lambda c=c: _text(pen.text(f"类.{c}.用途")))})
                                          for c in classes if pen.get(f"类.{c}") is not None))
    finally:
        pen.places, pen.rates = places, rates


# --------------------------------------------------------------------------- “三公”

def _amount(pen: Pen, item: str) -> Said | None:
    """The item's amount, in a budget form's words where the style says so and the phrasebook has
    them ("公务用车购置及运行费"), else in the 决算's ("公务用车购置及运行维护费")."""
    name = f"三公.{item}.预算"
    own = pen.flag("sangong.plan.own_words") and name in BY_NAME
    return pen.say(name if own else f"三公.{item}", f"三公.{item}")


def sangong(pen: Pen) -> None:
    """The 三公 budget and its change against last year's budget, then each item (the vehicle
    costs with their two parts), each with the reason for its change."""
    _counts(pen)
    if not pen.need(_TOTAL):
        return
    pen.write("sangong.plan", _TOTAL, **change_pieces(pen, _TOTAL, "“三公”经费比上年预算增减"))
    for n, item in enumerate(_SANGONG, start=1):
        subject = f"三公.{item}"
        parts = _CAR_PARTS if item == _SANGONG[1] else ()
        pen.write("sangong.plan.item", subject, n=cn(n), amount=lambda item=item: _amount(pen, item),
                  parts=lambda parts=parts: pen.each("sangong.plan.part", (
                      (f"三公.{p}", {"amount": (lambda p=p: _amount(pen, p))}) for p in parts)),
                  **change_pieces(pen, subject, f"{item}比上年预算增减"))


# --------------------------------------------------------------------------- 资产, 绩效目标

def assets(pen: Pen) -> None:
    """国有资产占有使用 at the date stated (as a 决算 states it), then the purchases the budget plans."""
    _decision_assets(pen)
    pen.write("assets.planned")


def goals(pen: Pen) -> None:
    """How many projects report 绩效目标 and their budget; the 绩效目标表 follow."""
    if pen.get("绩效.项目数") is None and not pen.d.goals.tables:
        pen.warn("缺少绩效目标数据（绩效目标.项目数、绩效目标.项目金额或绩效目标表）")
    pen.write("goals")
    pen.blocks.append(Slot("绩效表"))
