"""Completeness against the document's own layout: its parts and tables as its profile's layout
(``Profile.layout``) and its own 目录 (``Identity.toc_*``) say, empty-table statements (C37), what
三公 must state (C34, C46 counts).

Where it sits: rules/checks; reads the identity, the narrative body and the recognised tables.
The trust rules, in order:

* a document that is evidently incomplete (an excerpt, a copy that stops mid-way) gets one
  ``C-PARTIAL`` note, and the completeness checks do not run (they are listed as not run);
* a table its own 目录 lists but its body lacks is an error naming it;
* a part or table the layout requires for the report year is missing only when the body never
  names it; it is an error where the document's own 目录 or a regional layout promises it, a
  warning where only the national default does (a region's template may leave it out);
* a table named in the text but not read as a grid is "未能识别" (info), never missing.
"""

from __future__ import annotations

import re
from typing import Iterator

from ...core.findings import Finding
from ...core.model import FUNDS, TABLE_TITLES, CodedTable
from ...core.profiles import PartSpec, TableSpec
from .base import ERROR, INFO, WARNING, Code, Context, NotApplicable, check
from .support import amt, fact, kind_word, section_label, table_title

# --------------------------------------------------------------------------- finding codes

C_PARTIAL = Code("C-PARTIAL", INFO, "文件不完整（节选，或在中途结束），缺少部分的完整性与勾稽核对未做")
C_SECTION_MISSING = Code("C-SECTION-MISSING", ERROR,
                         "公开说明缺少本地区本年度格式要求的部分（如政府采购、国有资产占用、三公经费、绩效情况）；"
                         "仅全国通用格式要求、地区格式不明时为警告", also=(WARNING,))
C_GLOSSARY_MISSING = Code("C-GLOSSARY-MISSING", WARNING, "缺少“名词解释”部分")
C_TABLE_MISSING = Code("C-TABLE-MISSING", ERROR,
                       "目录所列或本地区本年度格式要求的决算表未公开，也未注明作为附件；仅全国通用格式要求时为警告",
                       also=(WARNING,))
C_TABLE_UNREAD = Code("C-TABLE-UNREAD", INFO, "文中提到该表，但未能识别出表格内容（可能为图片或版式特殊），表内与表间核对未做")
C_EMPTY_TABLE_STATEMENT = Code("C-EMPTY-TABLE-STATEMENT", WARNING, "政府性基金（国有资本经营）表为空表，但未说明本年度无此类收支")
C_SANGONG_DETAILS = Code("C-SANGONG-DETAILS", WARNING, "三公经费说明缺少出国团组人次、公务用车购置数和保有量、公务接待批次人次等数量")
C_SANGONG_ZERO = Code("C-SANGONG-ZERO", WARNING, "三公经费决算为零，但说明中没有写明本年度无三公经费支出")

_QUOTES = re.compile(r"[\s“”\"'‘’「」『』《》]")


def _flat(text: str) -> str:
    return _QUOTES.sub("", text)


def _narrative_text(ctx: Context) -> str:
    n = ctx.disclosure.narrative
    if n is None or not n.text.strip():
        raise NotApplicable("缺少公开说明文字（按数据编制或仅有表格）")
    return n.text


def _whole_disclosure(ctx: Context) -> None:
    """Completeness is judged only on a whole 决算 or 预算 of its kind."""
    who = ctx.disclosure.identity
    if who.partial:
        raise NotApplicable(who.partial)
    if who.kind not in ("决算", "预算"):
        raise NotApplicable(f"文件是{who.label}，不按完整的公开文件核对组成部分")


def _body(ctx: Context) -> str:
    _narrative_text(ctx)
    return _flat(ctx.disclosure.narrative.body())


def _year(ctx: Context) -> int | None:
    """The document's report year (None when unknown)."""
    return ctx.disclosure.identity.year or ctx.disclosure.unit.year or None


def _unseen_before(ctx: Context) -> int | None:
    """The first year the layout was seen in, when the document is older (its layout then unknown)."""
    seen_from, year = ctx.profile.layout.seen_from, _year(ctx)
    return seen_from if seen_from and year and year < seen_from else None


def _regional(ctx: Context) -> bool:
    """The layout is one of the document's region or form (not the national default), and known
    for the document's year."""
    m = ctx.profile.match
    return (bool(m.regions) or m.forms != ("standard",)) and not _unseen_before(ctx)


def _in_toc(ctx: Context, spec: PartSpec | TableSpec) -> bool:
    who = ctx.disclosure.identity
    entries = who.toc_tables if isinstance(spec, TableSpec) else who.toc_parts
    if isinstance(spec, PartSpec):  # "七、…“三公”经费及机关运行经费支出决算表" lists a table, not a part
        entries = tuple(e for e in entries if e not in who.toc_tables)
    return any(_matches(_flat(e), spec, ctx) for e in entries)


@check(C_PARTIAL)
def partial(ctx: Context) -> Iterator[Finding]:
    """文件明显不完整（节选、在句子中间结束、止于目录所列部分之前）时给出一条提示，其余缺项不逐一报告。"""
    who = ctx.disclosure.identity
    if who.partial:
        yield C_PARTIAL(f"{who.partial}；缺少部分的完整性、勾稽核对未做", {"原因": who.partial}, (), "完整性")


@check(C_SECTION_MISSING, C_GLOSSARY_MISSING)
def sections(ctx: Context) -> Iterator[Finding]:
    """公开说明包含本地区、本年度格式要求的各部分（单位概况、各项情况说明、名词解释）；目录列出而正文没有的，以及地区格式要求而没有的，为错误。"""
    body = _body(ctx)
    _whole_disclosure(ctx)
    year = _year(ctx)
    for spec in ctx.profile.layout.parts:
        if not spec.required_in(year) or any(_flat(n) in body for n in spec.names):
            continue
        if spec.key == "名词解释":
            if not ctx.disclosure.narrative.glossary:
                yield C_GLOSSARY_MISSING("公开说明中没有“名词解释”部分", {"缺少": "名词解释"}, (), "完整性")
            continue
        promised = _in_toc(ctx, spec)
        code = C_SECTION_MISSING if spec.severity == "error" and (promised or _regional(ctx)) else C_SECTION_MISSING.at(WARNING)
        seen_from = _unseen_before(ctx)
        where = ("目录列有，正文中没有" if promised else
                 f"按{ctx.profile.title or ctx.profile.name}格式应有" + (
                     f"；该格式见于{seen_from}年起的文件，{year}年是否要求请核实" if seen_from else ""))
        yield code(f"公开说明中没有“{spec.title}”部分（{where}）", {"缺少": spec.title}, (), "完整性")


def _matches(flat_text: str, spec: TableSpec, ctx: Context) -> bool:
    """``flat_text`` names table ``spec``; longer titles of other tables that contain one of its
    names are removed first ("收入决算表" is inside "…收入支出决算表" only after 支出 is dropped)."""
    names = [_flat(n) for n in spec.names]
    others = [_flat(n) for t in ctx.profile.layout.tables if t.key != spec.key for n in t.names
              if any(m in _flat(n) and m != _flat(n) for m in names)]
    for other in sorted(others, key=len, reverse=True):
        flat_text = flat_text.replace(other, "")
    return any(n in flat_text for n in names)


@check(C_TABLE_MISSING, C_TABLE_UNREAD)
def tables_present(ctx: Context) -> Iterator[Finding]:
    """目录所列、本地区本年度格式要求的各张决算表均已公开，或说明已注明作为附件（附表）公开。"""
    d = ctx.disclosure
    text = _flat(_narrative_text(ctx))
    _whole_disclosure(ctx)
    body = _body(ctx)
    year = _year(ctx)
    present = set(d.tables.present())
    specs = ctx.profile.layout.tables
    if not specs:
        raise NotApplicable(f"本格式未列出{kind_word(ctx)}表")
    listed = {s.key for s in specs if _in_toc(ctx, s)}
    missing: list[Finding] = []
    for spec in specs:
        if spec.key in present:
            continue
        named = _matches(body, spec, ctx)
        if d.tables.attached and (named or _matches(text, spec, ctx) or not d.identity.toc):
            continue
        if named and not d.tables.attached and spec.key in TABLE_TITLES:
            yield C_TABLE_UNREAD(f"文中提到《{spec.title}》，但未能读出表格内容，相关核对未做", {"表": spec.title}, (), "完整性")
            continue
        if spec.key in listed:
            missing.append(C_TABLE_MISSING(f"目录列有《{spec.title}》，正文中没有该表，也未注明作为附件", {"表": spec.title}, (), "完整性"))
        elif spec.required_in(year) and not (d.identity.toc_tables and not named):
            code = C_TABLE_MISSING if _regional(ctx) else C_TABLE_MISSING.at(WARNING)
            missing.append(code(f"没有公开《{spec.title}》，也未注明作为附件", {"表": spec.title}, (), "完整性"))
    if missing and not present:  # no table read at all: they may be pictures or a page of their own
        titles = [f.figures["表"] for f in missing]
        missing = [C_TABLE_MISSING.at(WARNING)(
            f"未读到任何公开表（表格可能以图片或另页公开）；请核实是否公开了《{titles[0]}》"
            f"{f'等{len(titles)}张表' if len(titles) > 1 else ''}，表格核对未做",
            {"表": "、".join(titles)}, (), "完整性")]
    yield from missing


_FUNDS = (("T7", "政府性基金", 1), ("T8", "国有资本经营", 2))


def _empty_statement(text: str, fund: str, table: CodedTable | None) -> re.Match | None:
    if table is not None and table.note.strip():
        return re.match(r".+", table.note)
    return re.search(rf"(?:无|没有|未发生|未安排)[^。\n]{{0,12}}{fund}[^。\n]{{0,60}}|{fund}[^。\n]{{0,40}}(?:空表|无数据|为零|为0)", text)


@check(C_EMPTY_TABLE_STATEMENT, relations=("C37",))
def empty_tables(ctx: Context) -> Iterator[Finding]:
    """政府性基金、国有资本经营预算财政拨款收入支出决算表无数据时，表下或说明七、八写明“本年度无……，故本表无数据（为空表）”。"""
    d = ctx.disclosure
    text = _flat(_narrative_text(ctx))
    t4 = d.tables.t4
    ran = False
    for key, fund, index in _FUNDS:
        table = getattr(d.tables, key.lower())
        if table is not None:
            empty = table.is_empty()
        elif not (spec := ctx.profile.layout.table(key)) or not spec.required_in(_year(ctx)):
            continue  # this layout does not require such a table: an absent one needs no statement
        elif t4 is not None:
            values = [t4.income.get(FUNDS[index]), t4.expenditure_this_year.get(FUNDS[index]), t4.opening.get(FUNDS[index]), t4.closing.get(FUNDS[index])]
            empty = all(not v for v in values)
        else:
            if _empty_statement(text, fund, None):
                ran = True
            continue
        ran = True
        if empty and not _empty_statement(text, fund, table) and not d.identity.partial:
            yield C_EMPTY_TABLE_STATEMENT(f"{table_title(ctx, key)}无数据，但未说明本年度无{fund}预算财政拨款收支（空表说明）",
                                          {"表": table_title(ctx, key)}, (), "完整性")
    if not ran:
        raise NotApplicable("无法判断政府性基金、国有资本经营表是否为空表（缺少表格，说明中也未提及）")


#: (what, the count keys, words that tell it, the item whose zero needs no count)
#: (what, its figures, words that give it or say there is none, the 三公 item whose 0 makes it moot)
_SANGONG_TEXT = (("因公出国（境）团组与人次", ("三公.出国团组", "三公.出国人次"),
                  re.compile(r"团组|(?:无|没有|未)(?:安排|发生)?(?:因公)?出国"), "三公.因公出国（境）费"),
                 ("公务用车购置数与保有量", ("三公.购置车辆", "三公.保有车辆"),
                  re.compile(r"保有|(?:无|没有|未配备|未配置)(?:公务)?(?:用车|车辆)"), ""),  # "县文联无公务用车"
                 ("国内公务接待批次与人次", ("三公.接待批次", "三公.接待人次"),
                  re.compile(r"批次|(?:无|没有|未)(?:安排|发生)?(?:国内)?公务接待"), "三公.公务接待费"))


#: A 三公 figure in words ("“三公”经费决算支出数为820.33万元", "公务接待费249.29万元"), not a heading alone.
_SANGONG_AMOUNT = re.compile(r"(?:三公|因公出国|公务接待|公务用车)[^。\n]{0,30}?\d[\d,]*(?:\.\d+)?\s*万?元")


@check(C_SANGONG_DETAILS, C_SANGONG_ZERO, relations=("C34", "C46"))
def sangong_details(ctx: Context) -> Iterator[Finding]:
    """三公经费说明给出出国团组数和人次、公务用车购置数和保有量、国内公务接待批次和人次；三公为零时写明无此项支出。"""
    d = ctx.disclosure
    text = _flat(_narrative_text(ctx))
    total, _ = fact(d, "三公.合计")
    table_total = d.tables.t9.actual.get("合计") if d.tables.t9 is not None else None
    if total is None and table_total is None and "三公" not in text:
        raise NotApplicable("说明中没有三公经费内容")
    stated = _SANGONG_AMOUNT.search(text) is not None
    if total is None and table_total is None and not stated:
        raise NotApplicable("说明中没有三公经费的金额（只见标题或目录）")
    if d.identity.partial:
        raise NotApplicable(d.identity.partial)
    if d.identity.kind == "三公说明" and (d.identity.basis.get("kind") != "标题" or d.identity.scope == "汇总"):
        raise NotApplicable("全区（县）汇总或无标题的“三公”经费说明，不按部门说明核对所列数量")
    if d.identity.basis and not d.identity.kind:
        raise NotApplicable("未能识别文件类型（决算或预算），不核对决算说明应列的数量")
    whole = total if total is not None else table_total
    none_stated = re.search(r"(?:无|没有|未发生)[^。\n]{0,10}三公", text) is not None
    if whole == 0 and total is None and not none_stated:
        kind = kind_word(ctx)
        yield C_SANGONG_ZERO(f"“三公”经费{kind}为零，说明中未写明本年度无“三公”经费支出",
                             {f"三公经费{kind}数": amt(whole)}, (), section_label(ctx, "三公.合计"))
    if none_stated and (whole is None or whole == 0):
        return
    for label, fact_keys, words, item in _SANGONG_TEXT:
        if any(fact(d, k)[0] is not None for k in fact_keys):
            continue
        if item and fact(d, item)[0] == 0:
            continue  # "因公出国（境）费0万元": no trip to count
        if words.search(text):
            continue
        yield C_SANGONG_DETAILS(f"三公经费说明中没有{label}", {"缺少": label}, (), section_label(ctx, "三公.合计"))


CHECKS = (partial, sections, tables_present, empty_tables, sangong_details)
