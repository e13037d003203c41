"""Completeness against the profile: required sections, the nine tables (or the statement that
they are attached), empty-table statements (C37), what 三公 must state (C34, C46 counts), and
名词解释.

Where it sits: rules/checks; reads the narrative text and the model's tables. A table that the
text names but the reader could not recognise is never reported as missing (it is "未能识别",
info): the peers' lesson is that a parsing gap must not become an error about the document.
"""

from __future__ import annotations

import re
from typing import Iterator

from ...core.findings import Finding
from ...core.model import FUNDS, TABLE_TITLES, CodedTable
from .base import ERROR, INFO, WARNING, Code, Context, NotApplicable, check
from .support import amt, fact

# --------------------------------------------------------------------------- finding codes

C_SECTION_MISSING = Code("C-SECTION-MISSING", ERROR, "公开说明缺少必备的部分（如政府采购、国有资产占用、三公经费、绩效情况）")
C_GLOSSARY_MISSING = Code("C-GLOSSARY-MISSING", WARNING, "缺少“名词解释”部分")
C_TABLE_MISSING = Code("C-TABLE-MISSING", ERROR, "九张公开表中有表既未公开也未注明作为附件")
C_TABLE_UNREAD = Code("C-TABLE-UNREAD", INFO, "文中提到该表，但未能识别出表格内容（可能为图片或版式特殊），表内与表间核对未做")
C_EMPTY_TABLE_STATEMENT = Code("C-EMPTY-TABLE-STATEMENT", WARNING, "政府性基金（国有资本经营）表为空表，但未说明本年度无此类收支")
C_SANGONG_DETAILS = Code("C-SANGONG-DETAILS", WARNING, "三公经费说明缺少出国团组人次、公务用车购置数和保有量、公务接待批次人次等数量")
C_SANGONG_ZERO = Code("C-SANGONG-ZERO", WARNING, "三公经费决算为零，但说明中没有写明本年度无三公经费支出")


#: Topics every 部门决算公开 covers; each is found when any alternative occurs in the text.
REQUIRED_TOPICS = (
    ("主要职能", ("主要职能", "主要职责", "部门职责", "职能职责")),
    ("机构设置及人员情况（决算单位构成）", ("机构设置", "单位构成", "人员情况")),
    ("收入支出决算总体情况", ("收入支出决算总体情况",)),
    ("收入决算情况", ("收入决算情况",)),
    ("支出决算情况", ("支出决算情况",)),
    ("财政拨款收入支出决算总体情况", ("财政拨款收入支出决算总体情况",)),
    ("一般公共预算财政拨款支出决算情况", ("一般公共预算财政拨款支出决算情况",)),
    ("一般公共预算财政拨款基本支出决算情况", ("一般公共预算财政拨款基本支出决算情况",)),
    ("政府性基金预算财政拨款收入支出决算情况", ("政府性基金预算财政拨款",)),
    ("国有资本经营预算财政拨款收入支出决算情况", ("国有资本经营预算财政拨款",)),
    ("财政拨款“三公”经费支出决算情况", ("三公经费",)),
    ("机关运行经费", ("机关运行经费",)),
    ("政府采购情况", ("政府采购",)),
    ("国有资产占用情况", ("国有资产占用", "国有资产占有")),
    ("预算绩效情况", ("绩效",)),
)

_QUOTES = re.compile(r"[\s“”\"'‘’「」『』]")


def _flat(text: str) -> str:
    return _QUOTES.sub("", text)


def _narrative_text(ctx: Context) -> str:
    n = ctx.disclosure.narrative
    if n is None or not n.text.strip():
        raise NotApplicable("缺少公开说明文字（按数据编制或仅有表格）")
    return n.text


def _topics(ctx: Context):
    custom = ctx.profile.phrase("required_sections")
    if custom:
        return tuple((str(t), (str(t),)) for t in custom)
    return REQUIRED_TOPICS


@check(C_SECTION_MISSING, C_GLOSSARY_MISSING)
def sections(ctx: Context) -> Iterator[Finding]:
    """公开说明包含配置要求的各部分（单位概况、十余项情况说明）及名词解释。"""
    flat = _flat(_narrative_text(ctx))
    for label, alternatives in _topics(ctx):
        if not any(_flat(a) in flat for a in alternatives):
            yield C_SECTION_MISSING(f"公开说明中没有“{label}”部分", {"缺少": label}, (), "完整性")
    n = ctx.disclosure.narrative
    if not n.glossary and "名词解释" not in flat:
        yield C_GLOSSARY_MISSING("公开说明中没有“名词解释”部分", {"缺少": "名词解释"}, (), "完整性")


def _title_patterns(key: str) -> tuple[str, ...]:
    title = _flat(TABLE_TITLES[key])
    if key == "T9":
        return (title, "三公经费支出决算表")
    if key == "T8":
        return (title, "国有资本经营预算财政拨款支出决算表")
    return (title,)


def _named(flat: str, key: str) -> bool:
    """True when the text names table ``key``; longer titles that contain its name are removed
    first ("收入决算表" is inside "…收入支出决算表" only after 支出 is dropped, and so on)."""
    names = _title_patterns(key)
    others = [p for k in TABLE_TITLES if k != key for p in _title_patterns(k) if any(n in p and n != p for n in names)]
    for other in sorted(others, key=len, reverse=True):
        flat = flat.replace(other, "")
    return any(n in flat for n in names)


@check(C_TABLE_MISSING, C_TABLE_UNREAD)
def tables_present(ctx: Context) -> Iterator[Finding]:
    """九张公开表均已公开，或说明已注明作为附件（附表）公开并列出表名。"""
    d = ctx.disclosure
    flat = _flat(_narrative_text(ctx))
    present = set(d.tables.present())
    for key in TABLE_TITLES:
        if key in present:
            continue
        named = _named(flat, key)
        if d.tables.attached and named:
            continue
        if named:
            yield C_TABLE_UNREAD(f"文中提到《{TABLE_TITLES[key]}》，但未能读出表格内容，相关核对未做",
                          {"表": TABLE_TITLES[key]}, (), "完整性")
        else:
            yield C_TABLE_MISSING(f"没有公开《{TABLE_TITLES[key]}》，也未注明作为附件", {"表": TABLE_TITLES[key]}, (), "完整性")


_FUNDS = (("T7", "政府性基金", 1), ("T8", "国有资本经营", 2))


def _empty_statement(text: str, fund: str, table: CodedTable | None) -> re.Match | None:
    if table is not None and table.note.strip():
        return re.match(r".+", table.note)
    flat = text
    return re.search(rf"(?:无|没有|未发生|未安排)[^。\n]{{0,12}}{fund}[^。\n]{{0,60}}|{fund}[^。\n]{{0,40}}(?:空表|无数据|为零|为0)", flat)


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
        elif t4 is not None:
            values = [t4.income.get(FUNDS[index]), t4.expenditure_this_year.get(FUNDS[index]), t4.opening.get(FUNDS[index]), t4.closing.get(FUNDS[index])]
            empty = all(not v for v in values)
        else:
            if _empty_statement(text, fund, None):
                ran = True
            continue
        ran = True
        if empty and not _empty_statement(text, fund, table):
            yield C_EMPTY_TABLE_STATEMENT(f"{TABLE_TITLES[key]}无数据，但未说明本年度无{fund}预算财政拨款收支（空表说明）",
                          {"表": TABLE_TITLES[key]}, (), "完整性")
    if not ran:
        raise NotApplicable("无法判断政府性基金、国有资本经营表是否为空表（缺少表格，说明中也未提及）")


_SANGONG_TEXT = (("因公出国（境）团组与人次", ("三公.出国团组", "三公.出国人次"), ("团组",)),
                 ("公务用车购置数与保有量", ("三公.购置车辆", "三公.保有车辆"), ("保有量", "保有")),
                 ("国内公务接待批次与人次", ("三公.接待批次", "三公.接待人次"), ("批次",)))


@check(C_SANGONG_DETAILS, C_SANGONG_ZERO, relations=("C34", "C46"))
def sangong_details(ctx: Context) -> Iterator[Finding]:
    """三公经费说明给出出国团组数和人次、公务用车购置数和保有量、国内公务接待批次和人次；三公为零时写明无此项支出。"""
    d = ctx.disclosure
    text = _flat(_narrative_text(ctx))
    total, _ = fact(d, "三公.合计")
    table_total = d.tables.t9.actual.get("合计") if d.tables.t9 is not None else None
    if total is None and table_total is None and "三公" not in text:
        raise NotApplicable("说明中没有三公经费内容")
    whole = total if total is not None else table_total
    none_stated = re.search(r"(?:无|没有|未发生)[^。\n]{0,10}三公", text) is not None
    if whole == 0 and total is None and not none_stated:
        yield C_SANGONG_ZERO("“三公”经费决算为零，说明中未写明本年度无“三公”经费支出",
                      {"三公经费决算数": amt(whole)}, (), "部门决算情况说明 · 财政拨款“三公”经费支出决算情况")
    if none_stated and (whole is None or whole == 0):
        return
    for label, fact_keys, words in _SANGONG_TEXT:
        if any(fact(d, k)[0] is not None for k in fact_keys):
            continue
        if any(w in text for w in words):
            continue
        yield C_SANGONG_DETAILS(f"三公经费说明中没有{label}", {"缺少": label}, (),
                      "部门决算情况说明 · 财政拨款“三公”经费支出决算情况")


CHECKS = (sections, tables_present, empty_tables, sangong_details)
