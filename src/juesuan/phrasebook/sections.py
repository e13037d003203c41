"""Section writers for 第一部分 and 第二部分 一 ~ 八 (九 ~ 十二: ``phrasebook.sections_more``).

Where it sits: called by ``phrasebook.render`` in the order the profile's layout gives; each
function takes the :class:`~phrasebook.writer.Pen` and appends blocks. Sentences are built
only from clauses of ``phrasebook.patterns`` plus connecting words that state no figure, so
``phrasebook.parse`` reads back everything written here.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..core.codes import economic_codes, function_codes
from ..core.document import Chart, Heading, Paragraph
from ..core.keys import EXPENDITURE_ITEMS, INCOME_ITEMS
from ..core.money import round2
from ..rules.totals import PERSONNEL_CLASSES
from .writer import Pen, Said

_CN = "一二三四五六七八九十"


def cn(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十."""
    if n <= 10:
        return "一二三四五六七八九十"[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN[tens - 1]) + "十" + ("" if ones == 0 else _CN[ones - 1])


def _codes(pen: Pen, prefix: str, length: int) -> list[str]:
    pattern = re.compile(rf"{re.escape(prefix)}\.(\d{{{length}}})")
    return sorted({m.group(1) for k in pen.figures if (m := pattern.fullmatch(k))})


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
    staff(pen)
    units(pen)


def staff(pen: Pen) -> None:
    """"单位2024年度，实有人数N人，其中：在职人员a人，减少x人；…。"."""
    unit = pen.d.unit
    said = pen.with_parts(
        pen.say("人员.实有"),
        pen.join(pen.say("人员.在职"), pen.say("人员.增减", "人员.在职", missing_ok=True)),
        pen.join(pen.say("人员.离休"), pen.say("人员.增减", "人员.离休", missing_ok=True)),
        pen.join(pen.say("人员.退休"), pen.say("人员.增减", "人员.退休", missing_ok=True)),
        sep="；")
    if said is not None:
        pen.paragraph(Said(f"{unit.name}{unit.year}年度，") + said)


def units(pen: Pen) -> None:
    """Subordinate budget units and internal sections."""
    unit = pen.d.unit
    subordinate = pen.get("人员.下属单位")
    if subordinate is None and unit.subordinate_units is not None:
        subordinate = Decimal(unit.subordinate_units)
    if subordinate is None:
        if not unit.internal_sections:
            return
        first = Said(unit.name)
    elif subordinate == 0:
        first = Said(unit.name) + (pen.say("人员.下属单位.无") or Said("无下属预算单位"))
        if pen.get("人员.下属单位") is not None:
            first = Said(first.text, ("人员.下属单位",))
    else:
        first = Said(unit.name) + (pen.say("人员.下属单位.有") or Said(""))
        if unit.subordinate_names:
            first = first + f"（{'、'.join(unit.subordinate_names)}）"
    sections = unit.internal_sections
    if sections:
        count = pen.say("人员.科室", missing_ok=True) or Said(f"下设{len(sections)}个科室")
        first = first + ("，" if first.text != unit.name else "") + count + f"，分别是：{'、'.join(sections)}"
    pen.paragraph(first + "。")


# --------------------------------------------------------------------------- 第二部分 一 ~ 四

def overall(pen: Pen) -> None:
    pen.paragraph(pen.with_parts(pen.say("收入总计"), pen.say("本年收入合计"), pen.say("使用非财政拨款结余"),
                                 pen.say("年初结转和结余")))
    pen.paragraph(pen.with_parts(pen.say("支出总计"), pen.say("本年支出合计"), pen.say("结余分配"),
                                 pen.say("年末结转和结余")))
    change = pen.say("同比", "收支总计")
    if change is not None:
        pen.paragraph(Said("收入支出总体与上年相比，") + change
                      + pen.reason("收支总计.增减", pen.changed("收支总计"), "收入支出总体同比变化"))


def _items(pen: Pen, prefix: str, items: tuple[str, ...], list_zero: bool) -> Said:
    parts = []
    for item in items:
        value = pen.get(f"{prefix}.{item}")
        if value is None or (not list_zero and value == 0):
            continue
        parts.append(pen.join(pen.say(f"{prefix}.{item}"), pen.say("占比", f"{prefix}.{item}", missing_ok=True)))
    return pen.join(*parts, sep="；")


def _pie(pen: Pen, key: str, title: str, prefix: str, items: tuple[str, ...]) -> None:
    pairs = [(i, pen.get(f"{prefix}.{i}")) for i in items]
    pairs = [(i, v) for i, v in pairs if v]
    if pairs:
        pen.blocks.append(Chart(key=key, title=title, kind="pie", labels=tuple(i for i, _ in pairs),
                                values=tuple(v for _, v in pairs)))


def income(pen: Pen, list_zero: bool = True) -> None:
    pen.paragraph(pen.with_parts(pen.say("本年收入"), _items(pen, "收入", INCOME_ITEMS, list_zero)))
    _pie(pen, "收入结构", "本年收入结构", "收入", INCOME_ITEMS)


def expenditure(pen: Pen, list_zero: bool = True) -> None:
    pen.paragraph(pen.with_parts(pen.say("本年支出"), _items(pen, "支出", EXPENDITURE_ITEMS, list_zero)))
    _pie(pen, "支出结构", "本年支出结构", "支出", EXPENDITURE_ITEMS)


def budget_sentence(pen: Pen, subject: str, basis: str, what: str, label: str = "") -> Said | None:
    """"与年初预算相比，年初预算数X万元，决算数Y万元，预决算差异率Z%，主要原因是：…。"."""
    word = "年初预算" if basis == "initial" else "全年预算"
    budget = pen.say(word, subject, missing_ok=True)
    if budget is None:
        return None
    gap = pen.say("预决算差异率", subject, missing_ok=True)
    body = pen.join(Said(label) + budget if label else budget, pen.say("决算数", subject), gap)
    value = pen.get(f"{subject}.预决算差异率")
    required = value is not None and round2(value) != 0
    return body + pen.reason(f"{subject}.预决算", required, f"{what}预决算差异")


def fiscal(pen: Pen) -> None:
    pen.paragraph(pen.join(
        pen.with_parts(pen.say("财政拨款收入总计"), pen.say("年初财政拨款结转和结余"), pen.say("本年财政拨款收入")),
        pen.with_parts(pen.say("财政拨款支出总计"), pen.say("年末财政拨款结转和结余"), pen.say("本年财政拨款支出")),
        sep=""))
    change = pen.say("同比", "财政拨款收支总计")
    parts = Said("")
    if change is not None:
        parts = Said("财政拨款收入支出总体与上年相比，") + change + pen.reason(
            "财政拨款收支总计.增减", pen.changed("财政拨款收支总计"), "财政拨款收入支出同比变化")
    budget = budget_sentence(pen, "财政拨款收支总计", str(pen.profile.phrase("budget_basis", "initial")), "财政拨款收入支出")
    if budget is not None:
        word = "年初预算" if pen.profile.phrase("budget_basis", "initial") == "initial" else "全年预算"
        parts = parts + f"与{word}相比，" + budget
    pen.paragraph(parts)


# --------------------------------------------------------------------------- 五 一般公共预算

def general_overall(pen: Pen) -> None:
    subject = "一般公共预算财政拨款支出"
    text = pen.join(pen.say(subject), pen.say("占比.本年支出", subject, missing_ok=True)) + "。"
    change = pen.say("同比", subject)
    if change is not None:
        text = text + "与上年相比，" + change + pen.reason(f"{subject}.增减", pen.changed(subject),
                                                       "一般公共预算财政拨款支出同比变化")
    basis = str(pen.profile.phrase("budget_basis", "initial"))
    budget = budget_sentence(pen, subject, basis, "一般公共预算财政拨款支出")
    if budget is not None:
        text = text + f"与{'年初预算' if basis == 'initial' else '全年预算'}相比，" + budget
    pen.paragraph(text)


def general_structure(pen: Pen) -> None:
    for n, code in enumerate(_codes(pen, "类", 3), start=1):
        pen.paragraph(Said(f"{n}.") + pen.join(pen.say("类", f"类.{code}"),
                                                pen.say("占比", f"类.{code}", missing_ok=True)) + "。")


def general_items(pen: Pen) -> None:
    shown = []
    for code in _codes(pen, "项", 7):
        subject = f"项.{code}"
        value, prior, delta = pen.get(subject), pen.get(f"{subject}.上年"), pen.get(f"{subject}.增减")
        if not value and not prior and not delta:
            continue
        shown.append(code)
        name = pen.say("项", subject)
        amount = pen.say("项.决算数", subject)
        if name is None or amount is None:
            continue
        change = pen.say("同比", subject, missing_ok=True)
        text = Said(f"{len(shown)}.") + name + (":" if pen.style == "xinjiang" else "：") + amount
        if change is not None:
            text = text + "，比上年决算" + change
        pen.paragraph(text + pen.reason(f"{subject}.增减", pen.changed(subject), f"{name.text}同比变化"))
    table = function_codes(pen.year or 2024)
    values = tuple(pen.get(f"项.{c}") or Decimal(0) for c in shown)
    priors = []
    for c in shown:
        prior = pen.get(f"项.{c}.上年")
        if prior is None and pen.get(f"项.{c}.增减") is not None:
            prior = (pen.get(f"项.{c}") or Decimal(0)) - pen.get(f"项.{c}.增减")  # type: ignore[operator]
        priors.append(prior)
    if shown and all(p is not None for p in priors):
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
    personnel, public = _economic_names(pen, True), _economic_names(pen, False)
    staff = pen.say("人员经费")
    if staff is not None and personnel:
        staff = staff + f"，包括：{personnel}"
    pen.paragraph(pen.with_parts(pen.say("基本支出"), staff))
    public_said = pen.say("公用经费")
    if public_said is not None:
        pen.paragraph(public_said + (f"，包括：{public}" if public else "") + "。")


def _fund(pen: Pen, table: str, name: str) -> None:
    t = getattr(pen.d.tables, table)
    text_key = "政府性基金" if table == "t7" else "国有资本经营"
    if t is None or t.is_empty():
        if pen.style == "xinjiang":
            pen.paragraph(f"本单位本年度无{name}预算财政拨款收入、支出及结转和结余，"
                          f"{name}预算财政拨款收入支出决算表为空表。")
        elif pen.style == "shanghai":
            pen.paragraph(f"{pen.d.unit.name}{pen.year}年度无{name}预算财政拨款收入和支出。")
        else:
            pen.paragraph(f"本单位{pen.year}年度没有{name}预算财政拨款收入和支出，"
                          f"故{name}预算财政拨款收入支出决算表无数据。")
    else:
        text = pen.text(text_key)
        if not text:
            pen.warn(f"{name}预算财政拨款有收支，请补充说明")
            pen.blocks.append(Paragraph(f"【待补充：{name}预算财政拨款收入支出情况】", placeholder=True))
        else:
            pen.paragraph(text)


def fund(pen: Pen) -> None:
    _fund(pen, "t7", "政府性基金")


def capital(pen: Pen) -> None:
    _fund(pen, "t8", "国有资本经营")


def heading(pen: Pen, level: int, text: str) -> None:
    pen.blocks.append(Heading(level, text))
    pen.section = text
