"""Read the 决算数据 workbook (the Excel template a finance officer fills) into a :class:`Disclosure`.

Where it sits: io/readers, beside the YAML data reader; both produce the same Disclosure for the
same data, which ``juesuan build`` then derives, checks and renders. The layout is the one
``io/writers/template.py`` writes (names in ``io/template_layout.py``), but sheets are found by
name (full title, short name or 公开NN), columns by header text and rows by label or code, so a
reordered or shifted sheet still reads. Every figure keeps ``Span(file, cell="sheet!A1")``.
Bad input raises :class:`InputError` with one line naming file, sheet and cell.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator, Mapping


from ...core.findings import InputError
from ...core.model import (
    Assets,
    Comparatives,
    Disclosure,
    Evaluation,
    FundLine,
    Indicator,
    OtherMatters,
    Procurement,
    SangongDetails,
    Span,
    Staff,
    Unit,
)
from .. import template_layout as L
from .data_xlsx_tables import read_tables
from .xlsx_sheet import Sheet, label, norm
from .xlsx_stream import Workbook

_PREFIX = re.compile(r"^(?:公开|表|T)?\d{1,2}[-_.、．\s]*")
_OLE = b"\xd0\xcf\x11\xe0"


# --------------------------------------------------------------------------- opening

def _open(path: Path) -> Workbook:
    name = str(path)
    if not path.is_file():
        raise InputError(f"{name}：文件不存在")
    with path.open("rb") as fh:
        head = fh.read(8)
    if not head:
        raise InputError(f"{name}：文件为空")
    if head.startswith(_OLE):
        raise InputError(f"{name}：文件已加密或是旧版 .xls 格式，请去掉打开密码并另存为 .xlsx 后再读")
    if not head.startswith(b"PK"):
        raise InputError(f"{name}：不是 .xlsx 工作簿（请用 Excel 另存为 .xlsx）")
    # streamed sheet by sheet within the limits; formula cells without a saved result are noted
    # as they are read (``Sheet.uncached``)
    return Workbook(path, name, damaged="工作簿已损坏或不是 Excel 工作簿，无法打开")


def _canonical_names() -> dict[str, str]:
    out = {norm(s): s for s in L.SHEET_ORDER}
    for key, title in L.TABLE_SHEETS.items():
        for alias in L.TABLE_ALIASES[key]:
            out.setdefault(norm(alias), title)
    return out


def _identify(book: Workbook, path: str) -> dict[str, Sheet]:
    """The disclosure's sheets by canonical name. Only their names (and, for a sheet with an
    unknown name, its first row) are looked at before every required sheet is known to be there;
    then only those sheets are read."""
    names = _canonical_names()
    chosen: dict[str, int] = {}
    for index, raw_title in enumerate(book.names):
        title = norm(raw_title)
        canonical = names.get(title) or names.get(_PREFIX.sub("", title))
        if canonical is None:  # a sheet renamed by hand still carries its title in A1
            canonical = names.get(norm(book.first_cell(index)))
            if canonical is not None and canonical not in L.TABLE_SHEETS.values():
                canonical = None
        if canonical is None:
            continue
        if canonical in chosen:
            raise InputError(f"{path}：工作簿中有两张“{canonical}”工作表（{book.names[chosen[canonical]]}、{raw_title}）")
        chosen[canonical] = index
    for required in L.REQUIRED_SHEETS:
        if required not in chosen:
            raise InputError(f"{path}：缺少工作表“{required}”")
    return {canonical: Sheet(path, book.read(index), index) for canonical, index in chosen.items()}


# --------------------------------------------------------------------------- key/value sheets

def _kv(s: Sheet, rows) -> tuple[dict[str, object], dict[str, Span]]:
    """Read a 项目/内容 sheet: attribute path → value (lists collected over repeated rows)."""
    cols = s.require({"label": (L.KV_LABEL,), "value": (L.KV_VALUE,)})
    lookup: dict[str, tuple[str, str, str]] = {}
    for text, path, kind, _ in rows:
        n = label(text)
        lookup.setdefault(n, (text, path, kind))
        lookup.setdefault(re.sub(r"（[^（）]*）", "", n), (text, path, kind))
    values: dict[str, object] = {}
    spans: dict[str, Span] = {}
    c = cols["value"]
    for r in range(cols.header_row + 1, s.max_row + 1):
        lab = label(s.text(r, cols["label"]))
        if not lab:
            continue
        entry = lookup.get(lab) or lookup.get(re.sub(r"（[^（）]*）", "", lab))
        if entry is None:
            if s.raw(r, c) is None:
                continue
            raise s.fail(r, cols["label"], f"的项目“{s.text(r, cols['label'])}”不是“{s.name}”表的填报项")
        text, path, kind = entry
        if kind == "list":  # one item a row; a cell holding several lines gives one item a line
            for item in (line.strip() for line in s.text(r, c).splitlines()):
                if item:
                    items = values.setdefault(path, [])
                    spans[f"{path}.{len(items)}"] = s.span(r, c)  # type: ignore[arg-type]
                    items.append(item)  # type: ignore[union-attr]
            continue
        if kind == "text":
            value: object = s.text(r, c)
        elif kind in ("int", "year"):
            value = s.integer(r, c, "整数" if kind == "int" else "年度（如2024）")
        elif kind == "amount":
            value = s.amount(r, c, blank_zero=False)
        else:
            value = s.decimal(r, c)
        if value is None or value == "":
            continue
        values[path] = value
        spans[path] = s.span(r, c)
    return values, spans


def _part(mapping: Mapping[str, object], prefix: str) -> dict:
    """The entries under ``prefix.`` with the prefix removed."""
    n = len(prefix) + 1
    return {k[n:]: v for k, v in mapping.items() if k.startswith(prefix + ".")}


def _plain(mapping: Mapping[str, object]) -> dict:
    return {k: v for k, v in mapping.items() if "." not in k}


def _unit(s: Sheet, rows=L.UNIT_ROWS, default_profile: str = L.DEFAULT_PROFILE,
          year_hint: str = "决算年度（如2024）") -> tuple[Unit, str, str]:
    """单位概况 → the Unit, the profile name (the 配置 row) and the 类型 row (a budget's workbook
    has one: 部门预算 / 单位预算; "" otherwise)."""
    values, spans = _kv(s, rows)
    cols = s.require({"label": (L.KV_LABEL,), "value": (L.KV_VALUE,)})
    if not values.get("name"):
        raise s.fail(_row_of(s, cols, "单位名称"), cols["value"], "应填单位名称，不能为空")
    year = values.get("year")
    if not isinstance(year, int) or not 1990 <= year <= 2100:
        raise s.fail(_row_of(s, cols, "年度"), cols["value"], f"应填四位的{year_hint}")
    kind = values.get("unit_kind", L.UNIT_KINDS[0])
    if kind not in L.UNIT_KINDS:
        raise s.fail(_row_of(s, cols, "单位性质"), cols["value"], f"的单位性质应为{'、'.join(L.UNIT_KINDS)}之一，实际为“{kind}”")
    profile = str(values.pop("profile", "")) or default_profile
    disclosure_kind = str(values.pop("kind", ""))
    spans.pop("profile", None)
    spans.pop("kind", None)
    if values.get("subordinate_units") is None and values.get("subordinate_names"):
        values["subordinate_units"] = len(values["subordinate_names"])  # type: ignore[arg-type]
    staff = Staff(**_part(values, "staff"), sources=_part(spans, "staff"))
    kw = _plain(values)
    for name in ("functions", "subordinate_names", "internal_sections"):
        if name in values:
            kw[name] = tuple(values[name])  # type: ignore[arg-type]
    sources = {k: v for k, v in spans.items() if not k.startswith("staff.")}
    return Unit(staff=staff, sources=sources, **kw), profile, disclosure_kind


def _row_of(s: Sheet, cols, wanted: str) -> int:
    for r in range(cols.header_row + 1, s.max_row + 1):
        if label(s.text(r, cols["label"])) == wanted:
            return r
    return cols.header_row


def _sangong(s: Sheet | None) -> SangongDetails:
    if s is None:
        return SangongDetails()
    values, spans = _kv(s, L.SANGONG_ROWS)
    return SangongDetails(**values, sources=spans)


def _matters(s: Sheet | None) -> OtherMatters:
    if s is None:
        return OtherMatters()
    values, spans = _kv(s, L.MATTERS_ROWS)
    assets = _part(values, "assets")
    vehicles = _part(assets, "vehicles")
    assets = _plain(assets)
    return OtherMatters(
        **_plain(values),
        procurement=Procurement(**_part(values, "procurement"), sources=_part(spans, "procurement")),
        assets=Assets(**assets, vehicles=vehicles, sources=_part(spans, "assets")),
        sources=_plain(spans),
    )


# --------------------------------------------------------------------------- comparatives, reasons

def _key(text: str) -> str:
    key = norm(text)
    if key.isdigit() and len(key) == 7:
        return f"项.{key}"
    if key.isdigit() and len(key) == 3:
        return f"类.{key}"
    return key


def _comparatives(s: Sheet | None) -> Comparatives:
    if s is None:
        return Comparatives()
    wanted = {"key": (L.COMP_KEY,)} | {attr: (text,) for attr, text in L.COMP_COLUMNS}
    cols = s.locate(wanted, ["key"]) or s.require(wanted, ["key"])
    out: dict[str, dict] = {attr: {} for attr, _ in L.COMP_COLUMNS}
    sources: dict[str, Span] = {}
    prefix = {"prior": "上年", "initial_budget": "年初预算", "full_year_budget": "全年预算"}  # as the YAML keys
    for r in range(cols.header_row + 1, s.max_row + 1):
        key = _key(s.text(r, cols["key"]))
        if not key:
            continue
        for attr, _ in L.COMP_COLUMNS:
            if key in L.COUNT_SUBJECTS:
                value = s.decimal(r, cols.get(attr))
            else:
                value = s.amount(r, cols.get(attr), blank_zero=False)
            if value is not None:
                out[attr][key] = value
                sources[f"{prefix[attr]}.{key}"] = s.span(r, cols[attr])
    return Comparatives(sources=sources, **out)


def _reasons(s: Sheet | None) -> tuple[dict[str, str], dict[str, str]]:
    if s is None:
        return {}, {}
    cols = s.require({"kind": (L.REASON_KIND,), "key": (L.REASON_KEY,), "text": (L.REASON_TEXT, "主要原因")},
                     ["key", "text"])
    text_keys = {k for k, _ in L.TEXT_KEYS}
    reasons: dict[str, str] = {}
    texts: dict[str, str] = {}
    for r in range(cols.header_row + 1, s.max_row + 1):
        key, text = norm(s.text(r, cols["key"])), s.text(r, cols["text"])
        if not key or not text:
            continue
        kind = label(s.text(r, cols.get("kind")))
        if kind not in ("", L.REASON, L.TEXT):
            raise s.fail(r, cols["kind"], f"的类型应为“{L.REASON}”或“{L.TEXT}”，实际为“{kind}”")
        is_text = kind == L.TEXT or (not kind and key in text_keys)
        (texts if is_text else reasons)[key] = text
    return reasons, texts


# --------------------------------------------------------------------------- 绩效

def _columns(spec, aliases=None) -> dict[str, tuple[str, ...]]:
    aliases = aliases or {}
    return {attr: (text, *aliases.get(attr, ())) for attr, text in spec}


def named_rows(s: Sheet, cols, noun: str, table: str, default_kind: str = "") -> Iterator[tuple[int, str, str]]:
    """(row, name, kind) of each row of a 绩效 sheet that names a table (its ``name`` column): a
    name given twice, or a kind other than 整体 / 项目, is an error naming the cell."""
    seen: set[str] = set()
    for r in range(cols.header_row + 1, s.max_row + 1):
        name = s.text(r, cols["name"])
        if not name:
            continue
        if name in seen:
            raise s.fail(r, cols["name"], f"的{noun}“{name}”重复，每个{table}只填一行")
        seen.add(name)
        kind = label(s.text(r, cols.get("kind"))) or default_kind
        if kind not in L.EVAL_KINDS:
            raise s.fail(r, cols["kind"], f"的类型应为“整体”或“项目”，实际为“{kind}”")
        yield r, name, kind


def _evaluations(sheets: Mapping[str, Sheet]) -> tuple[Evaluation, ...]:
    s = sheets.get(L.EVAL_SHEET)
    if s is None:
        for other in (L.FUNDS_SHEET, L.INDICATORS_SHEET):
            if other in sheets and _has_rows(sheets[other]):
                raise InputError(f"{sheets[other].file}：有“{other}”数据但缺少工作表“{L.EVAL_SHEET}”")
        return ()
    cols = s.require(_columns(L.EVAL_COLUMNS), ["name", "kind"])
    heads: dict[str, dict] = {}
    for r, name, kind in named_rows(s, cols, "评价名称", "绩效自评表"):
        kw: dict = {"kind": kind, "name": name, "span": s.span(r, cols["name"]), "funds": [], "indicators": []}
        sources = {}
        for attr in ("department", "implementer", "goal", "achieved", "grade"):
            kw[attr] = s.text(r, cols.get(attr))
        kw["year"] = s.integer(r, cols.get("year"), "年度") if cols.get("year") else None
        kw["total"] = s.decimal(r, cols.get("total"), "总分") if cols.get("total") else None
        for attr in ("year", "total"):
            if kw[attr] is not None:
                sources[attr] = s.span(r, cols[attr])
        kw["sources"] = sources
        heads[name] = kw
    _funds(sheets.get(L.FUNDS_SHEET), heads)
    _indicators(sheets.get(L.INDICATORS_SHEET), heads)
    return tuple(Evaluation(**(kw | {"funds": tuple(kw["funds"]), "indicators": tuple(kw["indicators"])}))
                 for kw in heads.values())


def _has_rows(s: Sheet) -> bool:
    found = s.locate({"name": (L.EVAL_NAME,)}, ["name"])
    return bool(found) and any(s.text(r, found["name"]) for r in range(found.header_row + 1, s.max_row + 1))


def _owner(s: Sheet, r: int, cols, heads: dict) -> dict | None:
    name = s.text(r, cols["evaluation"])
    if not name:
        return None
    if name not in heads:
        raise s.fail(r, cols["evaluation"], f"的评价名称“{name}”在“{L.EVAL_SHEET}”表中没有")
    return heads[name]


def _funds(s: Sheet | None, heads: dict) -> None:
    if s is None:
        return
    cols = s.require(_columns(L.FUND_COLUMNS, L.FUND_ALIASES), ["evaluation", "label"])
    for r in range(cols.header_row + 1, s.max_row + 1):
        owner = _owner(s, r, cols, heads)
        if owner is None:
            continue
        kw: dict = {"label": s.text(r, cols["label"])}
        sources = {}
        for attr in ("initial_budget", "full_year_budget", "executed"):
            kw[attr] = s.amount(r, cols.get(attr), blank_zero=False)
        kw["weight"] = s.decimal(r, cols.get("weight"), "分值") if cols.get("weight") else None
        kw["rate"] = s.number(r, cols.get("rate"), "执行率")
        kw["score"] = s.decimal(r, cols.get("score"), "得分") if cols.get("score") else None
        for attr, value in list(kw.items()):
            if attr != "label" and value is not None:
                sources[attr] = s.span(r, cols[attr])
        owner["funds"].append(FundLine(sources=sources, **kw))


def _indicators(s: Sheet | None, heads: dict) -> None:
    if s is None:
        return
    cols = s.require(_columns(L.INDICATOR_COLUMNS, L.INDICATOR_ALIASES), ["evaluation", "name"])
    above: dict[str, tuple[str, str]] = {}
    for r in range(cols.header_row + 1, s.max_row + 1):
        owner = _owner(s, r, cols, heads)
        name = s.text(r, cols["name"])
        if owner is None or not name:
            continue
        level1, level2 = s.text(r, cols.get("level1")), s.text(r, cols.get("level2"))
        prev = above.get(owner["name"], ("", ""))
        level1 = level1 or prev[0]  # a blank 一级/二级 cell means "same as the row above"
        level2 = level2 or prev[1]
        above[owner["name"]] = (level1, level2)
        kw: dict = {"level1": level1, "level2": level2, "name": name}
        kw["target"] = s.text(r, cols.get("comparator")) + s.text(r, cols.get("target"))
        for attr in ("actual", "rule", "basis", "prior_result", "evidence", "deviation"):
            kw[attr] = s.text(r, cols.get(attr))
        kw["weight"] = s.decimal(r, cols.get("weight"), "分值权重") if cols.get("weight") else None
        kw["rate"] = s.number(r, cols.get("rate"), "完成率")
        kw["score"] = s.decimal(r, cols.get("score"), "指标得分") if cols.get("score") else None
        sources = {a: s.span(r, cols[a]) for a in ("weight", "rate", "score") if kw[a] is not None}
        sources |= {a: s.span(r, cols[a]) for a in ("name", "target", "actual", "rule") if cols.get(a) and s.text(r, cols[a])}
        owner["indicators"].append(Indicator(sources=sources, **kw))


# --------------------------------------------------------------------------- entry point

def is_budget_workbook(book: Workbook, path: str) -> bool:
    """True for a budget's workbook: its 单位概况 has a 类型 row (部门预算 / 单位预算), which the
    决算数据 workbook has not."""
    if L.UNIT_SHEET not in book.names:
        return False
    index = book.names.index(L.UNIT_SHEET)
    s = Sheet(path, book.read(index), index)
    return any(label(s.text(r, 1)) == L.KIND_LABEL for r in range(1, s.max_row + 1))


def read_workbook(path: str | Path) -> Disclosure:
    """Read a filled 决算数据 workbook (or a budget's, :mod:`.data_xlsx_budget`) into a
    :class:`Disclosure` (amounts in 万元)."""
    p = Path(path)
    name = str(path)
    with _open(p) as book:
        if is_budget_workbook(book, name):  # a budget's workbook (juesuan template --kind 预算)
            from .data_xlsx_budget import read_budget_workbook

            return read_budget_workbook(name, book)
        sheets = _identify(book, name)
    unit, profile, _ = _unit(sheets[L.UNIT_SHEET])
    reasons, texts = _reasons(sheets.get(L.REASONS_SHEET))
    return Disclosure(
        unit=unit,
        tables=read_tables(sheets, unit.year),
        comparatives=_comparatives(sheets.get(L.COMPARATIVES_SHEET)),
        sangong=_sangong(sheets.get(L.SANGONG_SHEET)),
        matters=_matters(sheets.get(L.MATTERS_SHEET)),
        evaluations=_evaluations(sheets),
        reasons=reasons,
        texts=texts,
        profile=profile,
        source=name,
    )
