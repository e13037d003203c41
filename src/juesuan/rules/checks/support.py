"""Shared helpers of the check modules: sums within the rounding envelope, percentages
recomputed from printed amounts, reading a figure from statements or the model, spans.

Where it sits: rules/checks, below ``tables``, ``narrative``, ``completeness`` and ``wording``
(it defines no checks itself). All arithmetic goes through :mod:`juesuan.core.money`.
"""

from __future__ import annotations


import re
from dataclasses import replace
from functools import lru_cache
from decimal import Decimal
from typing import Iterable, Mapping, Sequence

from ...core import keys
from ...core.findings import Finding, Severity
from ...core.labels import label as _label_of_key
from ...core.model import TABLE_TITLES, CodedTable, Disclosure, Row, Span, Statement
from ...core.money import HALF_CENT, ZERO, fmt_amount, fmt_pct, pct, printed_places, pct_consistent, pct_tolerance, tolerance
from ...core.profiles import TableSpec, load_profile
from ..totals import national_layout
from .base import INFO, Code, Context, NotApplicable

Amount = Decimal | None

ROUNDING_DOC = "合计与各项之和相差在四舍五入范围内（可能为四舍五入差异），仅作提示"
ROUNDING = Code("ROUNDING", INFO, ROUNDING_DOC)
ROUNDING_NOTE = "差额在四舍五入允许范围内，可能为四舍五入差异"


def amt(value: Amount) -> str:
    return fmt_amount(value)


def pc(value: Amount) -> str:
    return fmt_pct(value)


def pc_printed(value: Amount) -> str:
    """A percentage the document printed, with the decimals it printed when more than two ("下降0.006%"
    stays 0.006%, never shown as the 0.01% it was not)."""
    return fmt_pct(value, max(2, printed_places(value))) if value is not None else fmt_pct(value)


def named(figure_key: str, year: int = 2024) -> str:
    """A figure key as users read it (:func:`juesuan.core.labels.label`): for messages and
    figure labels, never the key itself."""
    return _label_of_key(figure_key, year)


def quoted(figure_key: str, year: int = 2024) -> str:
    """:func:`named` in quotation marks for a message ("“社会保障和就业支出（208）”"); a name that
    already carries its own marks (“三公”经费合计) is left as it is."""
    name = _label_of_key(figure_key, year)
    return name if "“" in name else f"“{name}”"


def year_of(ctx: Context) -> int:
    """The year whose code names label the findings (the disclosure's year)."""
    return ctx.disclosure.unit.year or 2024


def nonzero_count(parts: Iterable[Amount]) -> int:
    return sum(1 for p in parts if p)


def total_of(parts: Iterable[Amount]) -> Decimal:
    return sum((p for p in parts if p is not None), ZERO)


def _shown_places(*values: Amount) -> int:
    """Decimals to show figures compared with: two, or as many as one of them was printed with, up to six
    ("70.893" against "70.89" differ by 0.003, not 0.00; "4.647万元" is not shown as 4.65)."""
    return min(6, max([2, *(printed_places(v) for v in values if v is not None)]))


def sum_finding(
    *,
    code: Code,
    total: Amount,
    parts: Sequence[tuple[str, Amount]],
    total_label: str,
    message: str,
    spans: Sequence[Span | None] = (),
    section: str = "",
    relation: str = "",
    severity: Severity | None = None,
) -> Finding | None:
    """A finding when ``total`` differs from the sum of ``parts``: ``ROUNDING`` (info) inside the
    rounding envelope of the non-zero parts, ``code`` at ``severity`` outside it; None when equal
    or when the total or every part is blank."""
    if total is None or all(v is None for _, v in parts):
        return None
    s = total_of(v for _, v in parts)
    gap = s - total
    if gap == 0:
        return None
    places = _shown_places(total, *(v for _, v in parts))
    figures = {total_label: fmt_amount(total, places=places)}
    for label, v in parts:
        figures[label] = fmt_amount(v, places=places)
    figures["各项之和"] = fmt_amount(s, places=places)
    figures["差额"] = fmt_amount(gap, places=places)
    if relation:
        figures["关系"] = relation
    clean = tuple(sp for sp in spans if sp is not None)
    n = max(nonzero_count(v for _, v in parts), 1)
    if abs(gap) <= tolerance(n):
        return ROUNDING(f"{message}（{ROUNDING_NOTE}）", figures, clean, section)
    return (code if severity is None else code.at(severity))(message, figures, clean, section)


def equal_finding(
    *,
    code: Code,
    left: tuple[str, Amount],
    right: tuple[str, Amount],
    message: str,
    spans: Sequence[Span | None] = (),
    section: str = "",
    relation: str = "",
    severity: Severity | None = None,
    slack_parts: int = 1,
) -> Finding | None:
    """A finding when two amounts that should be equal differ. A gap inside
    ``tolerance(slack_parts)`` is reported as ``ROUNDING`` (info): by default 0.01 万元, the
    most that two printings of one amount differ when one side was added up from rounded
    parts (publishers' software does this); ``slack_parts=0`` demands exact equality."""
    (l_label, l), (r_label, r) = left, right
    if l is None or r is None or l == r:
        return None
    gap = l - r
    places = _shown_places(l, r)
    figures = {l_label: fmt_amount(l, places=places), r_label: fmt_amount(r, places=places), "差额": fmt_amount(gap, places=places)}
    if relation:
        figures["关系"] = relation
    clean = tuple(sp for sp in spans if sp is not None)
    if slack_parts and abs(gap) <= tolerance(slack_parts):
        return ROUNDING(f"{message}（{ROUNDING_NOTE}）", figures, clean, section)
    return (code if severity is None else code.at(severity))(message, figures, clean, section)


def pct_verdict(printed: Decimal, part: Decimal, whole: Decimal, **slack: bool) -> str:
    """"ok" when :func:`pct_ok`; "near" when the printed figure is within 0.01 percentage points
    of the exact ratio (truncated instead of rounded, rules §3.0); otherwise "wrong"."""
    if pct_ok(printed, part, whole, **slack):
        return "ok"
    exact = pct(part, whole)
    if exact is not None and abs(printed - exact) <= pct_tolerance():
        return "near"
    return "wrong"


def pct_ok(printed: Decimal, part: Decimal, whole: Decimal, *, part_slack: bool = False, whole_slack: bool = False) -> bool:
    """True when ``printed`` % can come from ``part``/``whole`` by honest rounding.

    ``part_slack``/``whole_slack``: that amount was itself obtained by subtracting two printed
    amounts (e.g. 上年 = 本年 − 增减), so it may be off by a further half cent; every
    combination is tried through :func:`money.pct_consistent`.
    """
    parts = (part - HALF_CENT, part, part + HALF_CENT) if part_slack else (part,)
    wholes = (whole - HALF_CENT, whole, whole + HALF_CENT) if whole_slack else (whole,)
    return any(pct_consistent(printed, p, w) for p in parts for w in wholes if w != 0)


# --------------------------------------------------------------------------- facts

@lru_cache(maxsize=4096)
def split_key(figure_key: str) -> tuple[str, str]:
    """Like :func:`keys.split`, also for suffixes a reader adds beyond ``keys.SUFFIXES`` (…率)."""
    head, _, tail = figure_key.rpartition(".")
    if head and (tail in keys.SUFFIXES or (tail.endswith("率") and not tail[0].isdigit())):
        return head, tail
    return figure_key, ""


ITEM_KEY = re.compile(r"^项\.\d{7}$")
CLASS_KEY = re.compile(r"^类\.\d{3}$")


def stated(d: Disclosure, key: str) -> tuple[Statement, ...]:
    n = d.narrative
    return n.stated(key) if n is not None else ()


def first_stated(d: Disclosure, key: str) -> Statement | None:
    found = stated(d, key)
    return found[0] if found else None


def stated_value(d: Disclosure, *keys: str) -> tuple[Amount, Span | None]:
    """The first stated value among ``keys`` (in order) and its span."""
    for k in keys:
        s = first_stated(d, k)
        if s is not None:
            return s.value, s.span
    return None, None


def model_fact(d: Disclosure, key: str) -> tuple[Amount, Span | None]:
    """Figures that the model holds outside the tables (unit, 三公 counts, other matters)."""
    staff = d.unit.staff
    p = d.matters.procurement
    a = d.matters.assets
    sg = d.sangong
    table: Mapping[str, tuple[object, str, Mapping[str, Span]]] = {
        "人员.实有": (staff.total, "total", staff.sources),
        "人员.在职": (staff.serving, "serving", staff.sources),
        "人员.离休": (staff.retired_cadres, "retired_cadres", staff.sources),
        "人员.退休": (staff.retirees, "retirees", staff.sources),
        "政府采购.总额": (p.total, "total", p.sources),
        "政府采购.货物": (p.goods, "goods", p.sources),
        "政府采购.工程": (p.works, "works", p.sources),
        "政府采购.服务": (p.services, "services", p.sources),
        "政府采购.中小企业": (p.sme, "sme", p.sources),
        "政府采购.小微企业": (p.small_micro, "small_micro", p.sources),
        "资产.车辆": (a.vehicles_total, "vehicles_total", a.sources),
        "三公.出国团组": (sg.outbound_groups, "outbound_groups", sg.sources),
        "三公.出国人次": (sg.outbound_people, "outbound_people", sg.sources),
        "三公.购置车辆": (sg.vehicles_purchased, "vehicles_purchased", sg.sources),
        "三公.保有车辆": (sg.vehicles_held, "vehicles_held", sg.sources),
        "三公.固定资产车辆": (sg.fixed_asset_vehicles, "fixed_asset_vehicles", sg.sources),
        "三公.接待批次": (sg.reception_batches, "reception_batches", sg.sources),
        "三公.接待人次": (sg.reception_people, "reception_people", sg.sources),
        "机关运行经费": (d.matters.operating_cost, "operating_cost", d.matters.sources),
    }
    if key.startswith("资产.车辆.") and key.count(".") == 2:
        cat = key.split(".", 2)[2]
        v = a.vehicles.get(cat)
        return (Decimal(v) if v is not None else None), a.sources.get(f"vehicles.{cat}") or a.sources.get(cat)
    entry = table.get(key)
    if entry is None:
        return None, None
    value, field_name, sources = entry
    if value is None:
        return None, None
    return Decimal(value) if not isinstance(value, Decimal) else value, sources.get(field_name) or sources.get(key)


def fact(d: Disclosure, key: str) -> tuple[Amount, Span | None]:
    """A figure as the narrative states it, else as the model holds it (data-built disclosures)."""
    v, sp = stated_value(d, key)
    if v is not None:
        return v, sp
    return model_fact(d, key)


#: Marks a copy moved off their words, as a PDF's text layer may ("征求群、、、、、、、、众意见"): a run of
#: three enumeration commas is no one's writing.
_DISPLACED = re.compile(r"(?:、\s*){3,}")


def require_marks_in_place(text: str) -> None:
    """Checks of punctuation and of a term's first character read nothing from a copy whose marks
    were moved off their words: NotApplicable says so."""
    if _DISPLACED.search(text):
        raise NotApplicable("正文标点错位（如“、、、”连写，多为PDF提取所致），标点和缺字检查未做")


def line_span(d: Disclosure, start: int, end: int) -> Span | None:
    """The span of the narrative line holding text offsets [start, end) of ``narrative.text``:
    the excerpt is that whole line (the passage) and start/end are offsets within it.

    Lines are found by counting newlines in the text; the reader's per-line spans give file,
    page and line number when they match the line, else a plain line number is given.
    """
    n = d.narrative
    if n is None:
        return None
    text = n.text
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end < 0:
        line_end = len(text)
    index = text.count("\n", 0, start)
    line_text = text[line_start:line_end]
    base = None
    if n.lines and index < len(n.lines):
        candidate = n.lines[index]
        if not candidate.excerpt or candidate.excerpt.strip()[:10] in line_text:
            base = candidate
    if base is None and n.lines:
        probe = line_text.strip()[:12]
        for sp in n.lines:
            if probe and sp.excerpt and probe in sp.excerpt:
                base = sp
                break
    rel_start, rel_end = start - line_start, end - line_start
    if base is not None and base is n.lines[index] and index < len(n.pieces):
        for at, printed in n.pieces[index]:  # a line a layout wrapped: the printed line the words start on
            if at > rel_start:
                break
            base = replace(base, page=printed.page, line=printed.line)
    if base is not None:
        return Span(file=base.file, page=base.page, line=base.line, start=rel_start, end=rel_end, excerpt=line_text)
    return Span(file=d.source, line=index + 1, start=rel_start, end=rel_end, excerpt=line_text)


def spans(*items: Span | None) -> tuple[Span, ...]:
    return tuple(s for s in items if s is not None)


# --------------------------------------------------------------------------- tables

def need(ctx: Context, *keys: str):
    """The tables ``keys`` of the disclosure; NotApplicable naming the first one absent, and saying
    so when the document's own layout has no such table (the university form has no 公开04)."""
    tables = []
    for k in keys:
        t = getattr(ctx.disclosure.tables, k.lower())
        if t is None:
            raise NotApplicable(absent(ctx, k))
        tables.append(t)
    return tables[0] if len(tables) == 1 else tables


def absent(ctx: Context, *keys: str) -> str:
    """Why a check needing tables ``keys`` (all absent) does not run: they are missing, or the
    document's own layout has none of them."""
    titles = "、".join(f"{table_title(ctx, k)}（{k}）" for k in keys)
    layout = ctx.profile.layout
    if layout.tables and all(layout.table(k) is None for k in keys):
        return f"按{ctx.profile.title or ctx.profile.name}，没有{titles}，不适用"
    return f"缺少{titles}"


def src(sources: Mapping[str, Span], *names: str) -> Span | None:
    for n in names:
        if n in sources:
            return sources[n]
    return None


def table_title(ctx: Context, key: str) -> str:
    """The table's title in the document's own layout (高等学校收支决算总表 for the university
    form's 公开01, 部门收支总表 for a budget's); a table the layout lacks is named as the national
    layout of the document's kind names it (a budget's as the national budget's)."""
    spec = ctx.profile.layout.table(key)
    if spec is None and is_budget(ctx):
        spec = load_profile("national-yusuan").layout.table(key)
    return spec.title if spec is not None else TABLE_TITLES[key]


def table_spec(ctx: Context, key: str) -> TableSpec:
    """The layout's spec of table ``key`` (its columns and row totals); the national one when the
    document's layout has no such table (a table found by its headers alone)."""
    return ctx.profile.layout.table(key) or national_layout().table(key) or TableSpec(key=key, title=TABLE_TITLES[key])


def row_total(ctx: Context, key: str) -> str:
    """The column holding each row's total in table ``key`` (本年支出合计, a budget's 合计 …)."""
    return table_spec(ctx, key).row_total


def is_budget(ctx: Context) -> bool:
    return ctx.disclosure.identity.budget


def reports_of(ctx: Context) -> str:
    """What the tables are called together: 部门决算报表, 单位预算报表 …"""
    who = ctx.disclosure.identity
    kind = who.kind if who.kind in ("决算", "预算") else "决算"
    return f"{_scope(who)}{kind}报表"


def table_section(ctx: Context, key: str) -> str:
    """The section a table finding belongs to, in the document's own words ("部门预算报表 · 部门收支总表")."""
    return f"{reports_of(ctx)} · {table_title(ctx, key)}"




def rows_with_total(t: CodedTable) -> tuple[Row, ...]:
    return t.rows + ((t.total,) if t.total is not None else ())


def label_of(row: Row) -> str:
    return f"{row.code} {row.name}".strip() if row.code else (row.name or "合计")




# --------------------------------------------------------------------------- narrative keys

#: Subject prefixes → (table key, section label, relation, mismatch code).
TABLE_OF = (
    (("收入总计", "本年收入合计", "使用非财政拨款结余", "年初结转和结余", "支出总计", "本年支出合计", "结余分配", "年末结转和结余", "收支总计"),
     "T1", "收入支出决算总体情况", "C38", "N-OVERALL"),
    (("收入.",), "T1", "收入决算情况", "C39", "N-INCOME"),
    (("支出.", "全部资金.类."), "T3", "支出决算情况", "C40", "N-EXPENDITURE"),
    (("财政拨款收入总计", "年初财政拨款结转和结余", "本年财政拨款收入", "财政拨款支出总计", "年末财政拨款结转和结余", "本年财政拨款支出",
      "财政拨款收支总计"), "T4", "财政拨款收入支出决算总体情况", "C41", "N-FISCAL"),
    (("一般公共预算财政拨款支出",), "T5", "一般公共预算财政拨款支出决算总体情况", "C42", "N-GENERAL"),
    (("类.",), "T5", "一般公共预算财政拨款支出决算结构情况", "C43", "N-CLASS"),
    (("项.",), "T5", "一般公共预算财政拨款支出决算具体情况", "C44", "N-ITEM"),
    (("一般公共预算财政拨款基本支出", "人员经费", "公用经费"), "T6", "一般公共预算财政拨款基本支出决算情况", "C45", "N-BASIC"),
    (("三公.",), "T9", "财政拨款“三公”经费支出决算情况", "C46", "N-SANGONG"),
)
_OTHER_SECTIONS = (("机关运行经费", "机关运行经费支出情况"), ("政府采购.", "政府采购情况"), ("资产.", "国有资产占用情况"),
                   ("绩效.", "预算绩效情况"), ("人员.", "机构设置及人员情况"))
COUNT_KEYS = ("三公.出国团组", "三公.出国人次", "三公.购置车辆", "三公.保有车辆", "三公.固定资产车辆", "三公.接待批次", "三公.接待人次")


@lru_cache(maxsize=2048)
def place_of(subject: str) -> tuple[str, str, str, str] | None:
    """(table, section, relation, mismatch code) of a narrative subject; None for other sections."""
    for prefixes, table, section, rel, code in TABLE_OF:
        if any(subject == p or (p.endswith(".") and subject.startswith(p)) for p in prefixes):
            return table, section, rel, code
    return None


def kind_word(ctx: Context) -> str:
    """决算 or 预算: the word a finding names the document's figures with."""
    return "预算" if is_budget(ctx) else "决算"


def narrative_part(ctx: Context) -> str:
    """The document's 说明 as a finance officer names it: 部门决算情况说明, 单位预算情况说明 …"""
    return f"{_scope(ctx.disclosure.identity)}{kind_word(ctx)}情况说明"


def _scope(who) -> str:
    """部门 or 单位 for a heading; a region's summed 三公 note (汇总) is read as a 部门's."""
    return who.scope if who.scope in ("部门", "单位") else "部门"


def section_label(ctx: Context, subject: str) -> str:
    """Where a narrative finding about ``subject`` sits, in the document's words ("部门预算情况说明 ·
    财政拨款“三公”经费支出预算情况" for a budget)."""
    part, kind = narrative_part(ctx), kind_word(ctx)
    place = place_of(subject)
    if place:
        return f"{part} · {place[1].replace('决算', kind)}"
    for prefix, label in _OTHER_SECTIONS:
        if subject.startswith(prefix):
            return "单位概况 · " + label if prefix == "人员." else f"{part} · {label}"
    return part


def require_statements(ctx: Context) -> tuple[Statement, ...]:
    """The narrative's statements; NotApplicable when there are none."""
    n = ctx.disclosure.narrative
    found = n.statements if n is not None else ()
    if not found:
        raise NotApplicable("缺少公开说明中的数字（无说明文字或未能识别）")
    return found


