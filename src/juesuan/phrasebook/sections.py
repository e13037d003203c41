"""Section builders for 第一部分 and 第二部分 一 ~ 八 (九 ~ 十二: ``phrasebook.sections_more``).

Where it sits: called by ``phrasebook.render`` in the order of the profile's skeleton; each
builder takes the :class:`~phrasebook.writer.Pen`, works out what the section states (which
subjects, which items, which conditions hold) and offers it as pieces to the style's templates
(``phrasebook/wording.yaml``), which word every sentence. Figures are stated only through
phrasebook clauses, so ``phrasebook.parse`` reads back everything written here, in any style.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterable

from ..core.codes import economic_codes, function_codes
from ..core.document import Chart, Heading, Paragraph
from ..core.keys import COMPLETION, EXPENDITURE_ITEMS, INCOME_ITEMS
from ..core.money import round2
from ..rules.totals import PERSONNEL_CLASSES
from .writer import Pen, Pieces, Said

_CN = "一二三四五六七八九十"


def cn(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十."""
    if n <= 10:
        return "一二三四五六七八九十"[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN[tens - 1]) + "十" + ("" if ones == 0 else _CN[ones - 1])


def heading(pen: Pen, level: int, text: str) -> None:
    pen.blocks.append(Heading(level, text))
    pen.section = text


def _codes(pen: Pen, prefix: str, length: int) -> list[str]:
    pattern = re.compile(rf"{re.escape(prefix)}\.(\d{{{length}}})")
    return sorted({m.group(1) for k in pen.figures if (m := pattern.fullmatch(k))})


def _text(words: str) -> str | None:
    """Free text as a piece: without its closing full stop (the template writes it), None if empty."""
    return words.strip().rstrip("。") or None


def _numbered(pen: Pen, entry: str, items: Iterable[tuple[str, Pieces]]) -> None:
    """The paragraphs of ``entry`` for each (subject, pieces), numbered 1, 2, … as written."""
    n = 1
    for subject, pieces in items:
        if pen.write(entry, subject, n=str(n), **pieces):
            n += 1


# --------------------------------------------------------------------------- budgets

def budget_pieces(pen: Pen, subject: str, what: str, basis: str = "budget_basis") -> Pieces:
    """What the budget sentences of ``subject`` may say, for either comparison:

    ``basis`` / ``budget`` the 年初 or 全年预算 by the profile's setting (``budget_basis`` or
    ``sangong_budget_basis``) and ``budget_reason`` (required when the 预决算差异率 is not 0);
    ``budget_stated`` the 年初预算, or the 全年预算 when the 年初预算 is 0 (rules §7.3), ``done``
    / ``done_plain`` its 完成率 (or the 差异率, by ``budget_wording``), ``met`` / ``over`` how the
    决算数 compares, ``verdict_reason`` (required) and ``budget_why`` (only as stated).
    """
    initial = str(pen.profile.phrase(basis, "initial")) == "initial"

    def gap_reason() -> Said | None:
        rate = pen.get(f"{subject}.预决算差异率")
        return pen.why(f"{subject}.预决算", rate is not None and round2(rate) != 0, f"{what}预决算差异")

    def stated() -> Said | None:
        full = pen.get(f"{subject}.全年预算")
        use_full = full is not None and not pen.get(f"{subject}.年初预算")
        return pen.say("全年预算为" if use_full else "年初预算为", subject, missing_ok=True)

    def done(plain: bool) -> Said | None:
        if not pen.completion:
            return pen.say("预决算差异率", subject, missing_ok=True)
        if pen.get(f"{subject}.{COMPLETION}") is None:
            return None
        if plain:
            return pen.say("完成率.预算", subject)
        return pen.say("完成率.沪" if pen.get(f"{subject}.年初预算") else "完成率.全年", subject)

    def over() -> str | None:
        actual, budget = pen.get(subject), pen.get(f"{subject}.年初预算")
        if not budget:
            budget = pen.get(f"{subject}.全年预算")
        if actual is None or budget is None:
            return None
        gap = round2(actual) - round2(budget)
        return "等于" if gap == 0 else "大于" if gap > 0 else "小于"

    return {
        "basis": "年初预算" if initial else "全年预算",
        "budget": lambda: pen.say("年初预算" if initial else "全年预算", subject, missing_ok=True),
        "budget_reason": gap_reason,
        "budget_stated": stated,
        "done": lambda: done(False),
        "done_plain": lambda: done(True),
        "met": lambda: over() == "等于",
        "over": lambda: over() if over() != "等于" else None,
        "verdict_reason": lambda: pen.why(f"{subject}.预决算", True, f"{what}预决算差异"),
        "budget_why": lambda: _text(pen.d.reasons.get(f"{subject}.预决算") or ""),
    }


def change_pieces(pen: Pen, subject: str, what: str) -> Pieces:
    """``reason``: the stated reason for the change of ``subject`` (required when it changed)."""
    return {"reason": lambda: pen.why(f"{subject}.增减", pen.changed(subject), what)}


# --------------------------------------------------------------------------- 第一部分

def functions(pen: Pen) -> None:
    items = [f.strip() for f in pen.d.unit.functions if f.strip()]
    if not items:
        pen.warn("缺少主要职能")
        pen.blocks.append(Paragraph("【待补充：主要职能】", placeholder=True))
    numbered = re.compile(r"^[（(][一二三四五六七八九十]+[）)]|^\d+[.、．]")
    for n, item in enumerate(items, start=1):
        pen.paragraph(item if numbered.match(item) else f"（{cn(n)}）{item}")


def organisation(pen: Pen) -> None:
    """Staff, subordinate budget units and internal sections (``staff``, ``organisation``)."""
    unit = pen.d.unit
    count = pen.get("人员.下属单位")
    stated = count is not None
    if count is None and unit.subordinate_units is not None:
        count = Decimal(unit.subordinate_units)

    def none() -> Said | None:
        if count != 0:
            return None
        said = pen.say("人员.下属单位.无") or Said("无下属预算单位")
        return Said(said.text, ("人员.下属单位",) if stated else ())

    def some() -> Said | None:
        if count is None or count == 0:
            return None
        names = f"（{'、'.join(unit.subordinate_names)}）" if unit.subordinate_names else ""
        return (pen.say("人员.下属单位.有") or Said("")) + names

    def section_count() -> Said | None:
        if not unit.internal_sections:
            return None
        return pen.say("人员.科室", missing_ok=True) or Said(f"下设{len(unit.internal_sections)}个科室")

    pen.write("organisation", no_subunits=none, subunits=some, section_count=section_count,
              section_names="、".join(unit.internal_sections))


# --------------------------------------------------------------------------- 第二部分 一 ~ 四

def overall(pen: Pen) -> None:
    pen.write("overall", "收支总计", **change_pieces(pen, "收支总计", "收入支出总体同比变化"))


def _shares(pen: Pen, prefix: str, items: Iterable[str], zero: bool) -> list[Said | None]:
    listed = [i for i in items if pen.get(f"{prefix}.{i}") is not None and (zero or pen.get(f"{prefix}.{i}"))]
    return pen.each("share", ((f"{prefix}.{i}", {"amount": (lambda i=i: pen.say(f"{prefix}.{i}"))}) for i in listed))


def _pie(pen: Pen, key: str, title: str, prefix: str, items: tuple[str, ...]) -> None:
    pairs = [(i, pen.get(f"{prefix}.{i}")) for i in items]
    pairs = [(i, v) for i, v in pairs if v]
    if pairs and pen.flag("charts"):
        pen.blocks.append(Chart(key=key, title=title, kind="pie", labels=tuple(i for i, _ in pairs),
                                values=tuple(v for _, v in pairs)))


def income(pen: Pen) -> None:
    pen.write("income", items=lambda: _shares(pen, "收入", INCOME_ITEMS, pen.flag("income.zero_items")))
    _pie(pen, "收入结构", "本年收入结构", "收入", INCOME_ITEMS)


def expenditure(pen: Pen) -> None:
    pen.write("expenditure", items=lambda: _shares(pen, "支出", EXPENDITURE_ITEMS, pen.flag("expenditure.zero_items")))
    _pie(pen, "支出结构", "本年支出结构", "支出", EXPENDITURE_ITEMS)


def fiscal(pen: Pen) -> None:
    subject = "财政拨款收支总计"
    pen.write("fiscal", subject, **change_pieces(pen, subject, "财政拨款收入支出同比变化"),
              **budget_pieces(pen, subject, "财政拨款收入支出"))


# --------------------------------------------------------------------------- 五 一般公共预算

_GENERAL = "一般公共预算财政拨款支出"


def general_overall(pen: Pen) -> None:
    pen.write("general.overall", _GENERAL, **change_pieces(pen, _GENERAL, "一般公共预算财政拨款支出同比变化"),
              **budget_pieces(pen, _GENERAL, _GENERAL))


def general_structure(pen: Pen) -> None:
    zero = pen.flag("general.structure.zero_classes")
    codes = [c for c in _codes(pen, "类", 3) if zero or pen.get(f"类.{c}")]
    items = [(f"类.{c}", {"amount": (lambda c=c: pen.say("类", f"类.{c}"))}) for c in codes]
    pen.write("general.structure", _GENERAL, classes=lambda: pen.each("share", items))
    _numbered(pen, "general.structure.each", items)


def general_items(pen: Pen) -> None:
    pen.write("general.items", _GENERAL, **budget_pieces(pen, _GENERAL, _GENERAL))
    shown = []
    for code in _codes(pen, "项", 7):
        subject = f"项.{code}"
        if pen.get(subject) or pen.get(f"{subject}.上年") or pen.get(f"{subject}.增减"):
            shown.append(code)
    if pen.has("general.items.each"):
        _numbered(pen, "general.items.each", ((f"项.{c}", _item_pieces(pen, f"项.{c}")) for c in shown))
    _items_chart(pen, shown)


def _item_pieces(pen: Pen, subject: str) -> Pieces:
    what = (pen.say("项", subject, missing_ok=True) or Said("")).text
    return {**change_pieces(pen, subject, f"{what}同比变化"), **budget_pieces(pen, subject, what),
            "use": lambda: _text(pen.text(f"{subject}.用途"))}


def _items_chart(pen: Pen, shown: list[str]) -> None:
    if not shown or not pen.flag("charts"):
        return
    table = function_codes(pen.year or 2024)
    values = tuple(pen.get(f"项.{c}") or Decimal(0) for c in shown)
    priors = []
    for c in shown:
        prior = pen.get(f"项.{c}.上年")
        if prior is None and pen.get(f"项.{c}.增减") is not None:
            prior = (pen.get(f"项.{c}") or Decimal(0)) - pen.get(f"项.{c}.增减")  # type: ignore[operator]
        priors.append(prior)
    if all(p is not None for p in priors):
        pen.blocks.append(Chart(key="同比变化", title="一般公共预算财政拨款支出按项与上年对比", kind="bar",
                                labels=tuple(table.name_of(c) or c for c in shown), values=values,
                                prior=tuple(priors)))  # type: ignore[arg-type]


# --------------------------------------------------------------------------- 六 ~ 八

def _economic_names(pen: Pen, personnel: bool) -> str:
    t6 = pen.d.tables.t6
    key = "人员经费.构成" if personnel else "公用经费.构成"
    if t6 is None:
        return pen.text(key)
    names = economic_codes()
    out = []
    for row in t6.rows:
        if len(row.code) != 5 or not any(v for v in row.values.values() if v):
            continue
        if (row.code[:3] in PERSONNEL_CLASSES) == personnel:
            out.append(row.name or names.name_of(row.code) or row.code)
    return "、".join(out) or pen.text(key)


def basic(pen: Pen) -> None:
    pen.write("basic", personnel=lambda: _economic_names(pen, True), public=lambda: _economic_names(pen, False))


def _fund(pen: Pen, table: str, name: str) -> None:
    t = getattr(pen.d.tables, table)
    if t is None or t.is_empty():
        pen.write("fund.empty", fund=name)
        return
    text = pen.text("政府性基金" if table == "t7" else "国有资本经营")
    if not text:
        pen.warn(f"{name}预算财政拨款有收支，请补充说明")
        pen.blocks.append(Paragraph(f"【待补充：{name}预算财政拨款收入支出情况】", placeholder=True))
    else:
        pen.paragraph(text)


def fund(pen: Pen) -> None:
    _fund(pen, "t7", "政府性基金")


def capital(pen: Pen) -> None:
    _fund(pen, "t8", "国有资本经营")
