"""The 类/款/项 paths written in 说明五（三） against the code table, and what each 项 is said to
be used for (N-ITEM-UNKNOWN, N-ITEM-PURPOSE).

Where it sits: rules/checks; ``narrative.CHECKS`` appends ``CHECKS`` from here. Reads the
phrasebook's claims (``Narrative.claims``: the 项 heads with the path "住房保障支出（类）住房改革支出
（款）住房公积金（项）" as written, and the "主要用于：…"/"反映…" clause after each) and
:func:`juesuan.core.codes.function_codes`.

The shipped code table is not complete, so a path is reported only when the table itself shows
the mistake: the 项 stands, under its 类, beneath exactly one 款 other than the one written.
A purpose is reported only for 项 whose name carries an unmistakable subject (住房公积金, 养老保险,
职业年金, 医疗, 离退休): when the clause names another of these subjects and not its own.
"""

from __future__ import annotations

from typing import Iterator

from ...core.codes import OUTDATED_NAMES, CodeTable, function_codes
from ...core.findings import Finding
from ...core.model import CODED_NAME, ITEM, PURPOSE, Claim
from .base import WARNING, Code, Context, NotApplicable, check
from .support import amt, section_label, spans, table_title, year_of

# --------------------------------------------------------------------------- finding codes

N_ITEM_UNKNOWN = Code("N-ITEM-UNKNOWN", WARNING, "说明五（三）中的类/款/项写法不在当年支出功能分类科目中：该项属于同类下的另一款")
N_ITEM_PURPOSE = Code("N-ITEM-PURPOSE", WARNING, "说明五（三）中某项的用途写成了另一项的内容（如住房公积金写作“医疗保险支出”）")
N_CODE_NAME = Code("N-CODE-NAME", WARNING, "说明或名词解释中“名称（科目编码）”所写名称与表中该编码的科目名称不一致（如沿用旧科目名称）")
N_ITEM_KIND = Code("N-ITEM-KIND", WARNING, "说明五（三）称某项用于基本支出（项目支出），而一般公共预算财政拨款支出决算表中该项全部是项目支出（基本支出）")


#: Subjects a 项 name makes unmistakable: subject → (项 names, words that name it in a purpose).
SUBJECTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "住房公积金": (("住房公积金",), ("公积金",)),
    "基本养老保险": (("机关事业单位基本养老保险缴费支出",), ("养老保险",)),
    "职业年金": (("机关事业单位职业年金缴费支出",), ("职业年金",)),
    "医疗保障": (("行政单位医疗", "事业单位医疗", "公务员医疗补助"), ("医疗", "医保")),
    "离退休": (("行政单位离退休", "事业单位离退休"), ("退休", "离休")),
}


def _norm(name: str) -> str:
    return name.replace("(", "（").replace(")", "）").replace(" ", "").strip()


def _path_text(parts: tuple[str, ...]) -> str:
    klass, kuan, item = parts
    return f"{klass}（类）{kuan}（款）{item}（项）"


def _paths(ctx: Context) -> list[Claim]:
    """The 项 heads written with their 类 and 款; NotApplicable when there are none."""
    d = ctx.disclosure
    if d.narrative is None or not d.narrative.text.strip():
        raise NotApplicable("缺少公开说明文字")
    paths = [c for c in d.narrative.claimed(ITEM) if c.parts and c.parts[0]]
    if not paths:
        raise NotApplicable("说明中没有“类（类）款（款）项（项）”写法的科目")
    return paths


def _klass(table: CodeTable, name: str) -> str | None:
    """The 类 whose name ends the written text (a number or word may precede it)."""
    name = OUTDATED_NAMES.get(_norm(name), _norm(name))
    names = {_norm(table.name_of(c) or ""): c for c in table.codes() if len(c) == 3}
    for i in range(len(name)):
        if name[i:] in names:
            return names[name[i:]]
        if OUTDATED_NAMES.get(name[i:]) in names:
            return names[OUTDATED_NAMES[name[i:]]]
    return None


def _child(table: CodeTable, parent: str, name: str) -> str | None:
    name = OUTDATED_NAMES.get(name, name)
    return next((c for c in table.children(parent) if _norm(table.name_of(c) or "") == name), None)


@check(N_ITEM_UNKNOWN, relations=("C10",))
def item_paths(ctx: Context) -> Iterator[Finding]:
    """说明五（三）逐项写出的“类（类）款（款）项（项）”应是当年支出功能分类中的科目；项写在了错误的款下时指出应属的款。"""
    paths = _paths(ctx)
    year = year_of(ctx)
    table = function_codes(year)
    seen: set[str] = set()
    for p in paths:
        written_klass, written_kuan, item = p.parts
        text = _path_text(p.parts)
        klass = _klass(table, written_klass)
        if klass is None or text in seen:
            continue
        kuan = _child(table, klass, written_kuan)
        if kuan is not None and _child(table, kuan, item) is not None:
            continue
        homes = [(k, c) for k in table.children(klass) if (c := _child(table, k, item)) is not None]
        if len(homes) != 1 or homes[0][0] == kuan:
            continue  # a 项 name found under several 款 (行政运行…) or nowhere: the table cannot tell
        seen.add(text)
        right_kuan, code = homes[0]
        kname, right = table.name_of(klass), table.name_of(right_kuan)
        should = f"{kname}（类）{right}（款）{table.name_of(code)}（项）"
        yield N_ITEM_UNKNOWN(f"说明中的“{text}”不在{year}年支出功能分类科目中：“{item}”（{code}）属于“{right}”款，应为 {right}（款）",
                      {"说明中科目": text, "应为": should, "科目编码": code, "关系": "C10"},
                      spans(p.span), section_label(ctx, "项."))


def _subjects(text: str) -> set[str]:
    return {s for s, (_, words) in SUBJECTS.items() if any(w in text for w in words)}


@check(N_ITEM_PURPOSE)
def item_purposes(ctx: Context) -> Iterator[Finding]:
    """住房公积金、基本养老保险缴费、职业年金缴费、行政（事业）单位医疗、公务员医疗补助、离退休等项的“主要用于”应说本项的内容，不应写成另一项的内容。"""
    _paths(ctx)
    for claim in ctx.disclosure.narrative.claimed(PURPOSE):
        item = claim.parts[2]
        own = next((s for s, (items, _) in SUBJECTS.items() if item in items), None)
        if own is None:
            continue
        named = _subjects(claim.value)
        if own in named or not named:
            continue
        other = "、".join(sorted(named))
        yield N_ITEM_PURPOSE(f"“{item}（项）”的用途写作“{claim.value}”，说的是{other}，不是{own}，请核实是否抄错",
                      {"科目": _path_text(claim.parts), "用途": claim.value, "本项内容": own, "所写内容": other},
                      spans(claim.span), section_label(ctx, "项."))


#: Words of a purpose that name one kind of spending: kind → (its words, words of the other kind).
_KINDS = {"基本支出": (("基本支出",), ("项目",)), "项目支出": (("项目支出",), ("基本", "人员", "公用"))}


@check(N_ITEM_KIND, relations=("C44",))
def item_kinds(ctx: Context) -> Iterator[Finding]:
    """说明五（三）所写某项“主要用于…基本支出”（或“…项目支出”）时，一般公共预算财政拨款支出决算表中该项的基本支出（项目支出）不为零。"""
    _paths(ctx)
    t5 = ctx.disclosure.tables.t5
    if t5 is None:
        raise NotApplicable(f"缺少{table_title(ctx, 'T5')}")
    for claim in ctx.disclosure.narrative.claimed(PURPOSE):
        row = t5.row(claim.key.removeprefix("项.")) if claim.key else None
        if row is None:
            continue
        for kind, (words, others) in _KINDS.items():
            other = "项目支出" if kind == "基本支出" else "基本支出"
            if not any(w in claim.value for w in words) or any(w in claim.value for w in others):
                continue
            if not row.values.get(kind) and row.values.get(other):
                yield N_ITEM_KIND(f"“{claim.parts[2]}（项）”写“主要用于：{claim.value}”，而{table_title(ctx, 'T5')}中该项{kind}为空、"
                                  f"{other}{amt(row.values[other])}万元",
                                  {"科目编码": row.code, "用途": claim.value, kind: amt(row.values.get(kind)),
                                   other: amt(row.values[other]), "关系": "C44"},
                                  spans(claim.span, row.sources.get(other)), section_label(ctx, "项."))


@check(N_CODE_NAME, relations=("C10",))
def coded_names(ctx: Context) -> Iterator[Finding]:
    """文字中“名称（科目编码）”的名称，与功能分类各表中同一编码的科目名称一致（名称与当年规范名称相同的不报）。"""
    d = ctx.disclosure
    written = d.narrative.claimed(CODED_NAME) if d.narrative is not None else ()
    if not written:
        raise NotApplicable("说明中没有带科目编码的名称")
    t = d.tables
    tables = [x for x in (t.t2, t.t3, t.t5, t.t7, t.t8) if x is not None and x.rows]
    if not tables:
        raise NotApplicable("缺少含科目编码的功能分类表")
    printed: dict[str, dict[str, str]] = {}  # code → normalised name → the table it is printed in
    for table in tables:
        for row in table.rows:
            if row.code and row.name:
                printed.setdefault(row.code, {}).setdefault(_norm(row.name), table.key)
    official = function_codes(year_of(ctx) or 2024)
    known = {_norm(official.name_of(code) or "") for code in official.codes()}
    seen: set[tuple[str, str]] = set()
    for c in written:
        if not c.key:  # an explained name without its code: the code of the one table name it ends in
            c = _with_code(c, printed, known)
            if c is None:
                continue
        names = printed.get(c.key)
        name = _norm(c.value)
        if not names or name in names or name == _norm(official.name_of(c.key) or "") or (c.key, name) in seen:
            continue
        seen.add((c.key, name))
        table_name, key = next(iter(names.items()))
        written_as = c.value if c.parts else f"{c.value}（{c.key}）"
        yield N_CODE_NAME(f"文中写“{written_as}”，{table_title(ctx, key)}中{c.key}的科目名称为“{table_name}”",
                          {"科目编码": c.key, "文中名称": c.value, "表中名称": table_name, "关系": "C10"},
                          spans(c.span), "文字")


def _with_code(c: Claim, printed: dict[str, dict[str, str]], known: set[str]) -> Claim | None:
    """``c`` with the code of the one table row whose name its name ends in (a longer, older name
    such as 重点实验室及相关设施 for 实验室及相关设施); None when its name is any 科目's name of
    the year or of the tables, or no single row fits."""
    name = _norm(c.value)
    if name in known or any(name in names for names in printed.values()):
        return None
    fits = {code for code, names in printed.items() if any(len(n) >= 4 and name.endswith(n) for n in names)}
    return Claim(c.kind, fits.pop(), c.value, parts=("未写编码",), span=c.span) if len(fits) == 1 else None


CHECKS = (item_paths, item_purposes, item_kinds, coded_names)
