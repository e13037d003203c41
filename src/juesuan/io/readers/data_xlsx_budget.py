"""Read a budget's data workbook (部门预算 / 单位预算, ``juesuan template --kind 预算``) into a :class:`Disclosure`.

Where it sits: io/readers, beside :mod:`.data_xlsx` (the 决算数据 workbook), which hands a workbook
here when its 单位概况 says 类型 部门预算 or 单位预算. Sheets are found by the budget profile's table
titles (or T1…T9, 公开01…), columns by header text, rows by label or code; every figure keeps its
``Span(file, cell="sheet!A1")``. A missing sheet, an unknown label, a 绩效目标 without indicators or an
indicator of an unknown 绩效目标 is one :class:`InputError` line naming the sheet and cell.
"""

from __future__ import annotations

import re

from ...core.findings import InputError
from ...core.identity import Identity
from ...core.model import (SANGONG_ITEMS, Assets, Comparatives, Disclosure, FiscalSummaryTable, Goal, GoalIndicator,
                           Goals, OtherMatters, Procurement, SangongTable, SummaryTable, Tables, Unit)
from ...core.profiles import Layout, Profile, TableSpec, load_profile
from ...core.regions import city_of, province_of
from .. import template_layout as L
from .data_xlsx import _kv, _part, _plain, _reasons, _row_of, named_rows
from .data_xlsx import _unit as _decision_unit
from .data_xlsx_tables import read_coded
from .xlsx_sheet import Sheet, label, norm
from .xlsx_stream import Workbook

_PREFIX = re.compile(r"^(?:公开|表|T)?\d{1,2}[-_.、．\s]*")
_KINDS = {"部门预算": "部门", "单位预算": "单位"}


# --------------------------------------------------------------------------- sheets

def _sheets(book: Workbook, path: str, layout: Layout) -> dict[str, Sheet]:
    """The nine table sheets by key, and the other sheets by name; a missing one is an error."""
    names: dict[str, str] = {}
    for spec in layout.tables:
        for alias in (*spec.names, spec.key, f"公开{spec.key[1:].zfill(2)}", f"表{spec.key[1:]}"):
            names.setdefault(norm(alias), spec.key)
    for other in (L.UNIT_SHEET, L.PRIOR_BUDGET_SHEET, L.BUDGET_MATTERS_SHEET, L.GOALS_SHEET, L.GOAL_INDICATORS_SHEET,
                  L.REASONS_SHEET):
        names[norm(other)] = other
    chosen: dict[str, int] = {}
    for index, raw_title in enumerate(book.names):  # only names (and A1) are looked at before reading
        title = norm(raw_title)
        key = names.get(title) or names.get(_PREFIX.sub("", title)) or names.get(norm(book.first_cell(index)))
        if key is None:
            continue
        if key in chosen:
            raise InputError(f"{path}：工作簿中有两张“{_title(layout, key)}”工作表（{book.names[chosen[key]]}、{raw_title}）")
        chosen[key] = index
    for key in (L.UNIT_SHEET, *(spec.key for spec in layout.tables)):
        if key not in chosen:
            raise InputError(f"{path}：缺少工作表“{_title(layout, key)}”")
    return {key: Sheet(path, book.read(index), index) for key, index in chosen.items()}


def _title(layout: Layout, key: str) -> str:
    spec = layout.table(key)
    return spec.title if spec is not None else key


def _labelled(s: Sheet, wanted: dict[str, object], amount_col: str = L.BUDGET_AMOUNT):
    """(row, value of the label) of each labelled row of a 项目 | 预算数 sheet; an unknown label
    with an amount is an error naming its cell."""
    cols = s.require({"label": (L.KV_LABEL,), "amount": (amount_col,)})
    lookup = {norm(k): v for k, v in wanted.items()}
    for r in range(cols.header_row + 1, s.max_row + 1):
        text = s.text(r, cols["label"])
        if not label(text) or (s.note_row() and r == s.note_row()[0]):
            continue
        hit = lookup.get(norm(text)) or lookup.get(label(text))
        if hit is None:
            if s.raw(r, cols["amount"]) is None:
                continue
            raise s.fail(r, cols["label"], f"的项目“{text}”不是“{s.name}”表的填报行")
        yield r, cols, hit


def _t1(s: Sheet, spec: TableSpec) -> SummaryTable:
    wanted: dict[str, object] = {}
    for row in spec.rows:
        for name in (row.printed, *row.names):
            wanted.setdefault(name, ("income", row.name))
    wanted.update({text: ("field", attr) for text, attr in L.BUDGET_T1_BALANCES})
    income, fields, sources = {}, {}, {}
    for r, cols, (kind, name) in _labelled(s, wanted):
        value = s.amount(r, cols["amount"], blank_zero=False)
        if value is None:
            continue
        (income if kind == "income" else fields)[name] = value
        sources[name] = s.span(r, cols["amount"])
    return SummaryTable(income=income, sources=sources, **fields)


def _t4(s: Sheet) -> FiscalSummaryTable:
    wanted = {text: (attr, fund) for text, attr, fund in L.BUDGET_T4_ROWS}
    income, fields, sources = {}, {}, {}
    for r, cols, (attr, fund) in _labelled(s, wanted):
        value = s.amount(r, cols["amount"], blank_zero=False)
        if value is None:
            continue
        if fund:
            income[fund], sources[f"收入.{fund}"] = value, s.span(r, cols["amount"])
        else:
            fields[attr], sources[attr] = value, s.span(r, cols["amount"])
    return FiscalSummaryTable(income=income, sources=sources, **fields)


def _t9(s: Sheet) -> SangongTable:
    cols = s.require({"label": (L.KV_LABEL,), "own": (L.BUDGET_AMOUNT,), "last": (L.BUDGET_LAST_YEAR,)}, ["label", "own"])
    items = {norm(i): i for i in SANGONG_ITEMS}
    own, last, sources = {}, {}, {}
    note = s.note_row()
    for r in range(cols.header_row + 1, s.max_row + 1):
        text = s.text(r, cols["label"])
        if not text or (note and r == note[0]):
            continue
        item = items.get(norm(text)) or items.get(label(text))
        if item is None:
            raise s.fail(r, cols["label"], f"的项目“{text}”不是“三公”经费的项目（可用：{'、'.join(SANGONG_ITEMS)}）")
        for side, target, model_side in (("own", own, "决算数"), ("last", last, "预算数")):
            value = s.amount(r, cols.get(side), blank_zero=False)
            if value is not None:
                target[item] = value
                sources[f"{model_side}.{item}"] = s.span(r, cols[side])
    return SangongTable(budget=last, actual=own, note=note[1] if note else "", sources=sources)


def _tables(sheets: dict[str, Sheet], layout: Layout, year: int) -> Tables:
    found = {}
    for spec in layout.tables:
        s = sheets[spec.key]
        if spec.key == "T1":
            found["t1"] = _t1(s, spec)
        elif spec.key == "T4":
            found["t4"] = _t4(s)
        elif spec.key == "T9":
            found["t9"] = _t9(s)
        else:
            found[spec.key.lower()] = read_coded(s, spec.key, year, spec.columns, spec.title)
    order = tuple(sorted((spec.key for spec in layout.tables), key=lambda k: sheets[k].index))
    return Tables(order=order, **found)


# --------------------------------------------------------------------------- the other sheets

def _prior(s: Sheet | None) -> Comparatives:
    if s is None:
        return Comparatives()
    cols = s.require({"key": (L.COMP_KEY,), "prior": (L.BUDGET_LAST_YEAR,)})
    prior, sources = {}, {}
    for r in range(cols.header_row + 1, s.max_row + 1):
        key = norm(s.text(r, cols["key"]))
        if not key:
            continue
        if key.isdigit() and len(key) in (3, 7):
            key = f"{'类' if len(key) == 3 else '项'}.{key}"
        count = key in L.COUNT_SUBJECTS
        value = s.decimal(r, cols["prior"]) if count else s.amount(r, cols["prior"], blank_zero=False)
        if value is not None:
            prior[key], sources[f"上年预算.{key}"] = value, s.span(r, cols["prior"])
    return Comparatives(prior=prior, sources=sources)


def _matters(s: Sheet | None) -> tuple[OtherMatters, Goals]:
    if s is None:
        return OtherMatters(), Goals()
    values, spans = _kv(s, L.BUDGET_MATTERS_ROWS)
    assets = _part(values, "assets")
    vehicles, planned = _part(assets, "vehicles"), _part(assets, "planned_vehicles")
    matters = OtherMatters(
        **_plain(values),
        procurement=Procurement(**_part(values, "procurement"), sources=_part(spans, "procurement")),
        assets=Assets(**_plain(assets), vehicles=vehicles, planned_vehicles=planned, sources=_part(spans, "assets")),
        sources=_plain(spans),
    )
    goals = _part(values, "goals")
    return matters, Goals(projects=goals.get("projects"), amount=goals.get("amount"), sources=_part(spans, "goals"))


def _goals(sheets: dict[str, Sheet], counted: Goals) -> Goals:
    s = sheets.get(L.GOALS_SHEET)
    if s is None:
        return counted
    cols = s.require({attr: (text,) for attr, text in L.GOAL_COLUMNS}, ["name"])
    heads: dict[str, dict] = {}
    for r, name, kind in named_rows(s, cols, "目标名称", "绩效目标表", default_kind="项目"):
        amount = s.amount(r, cols.get("amount"), blank_zero=False)
        heads[name] = {"kind": kind, "name": name, "amount": amount, "indicators": [], "row": r,
                       "span": s.span(r, cols["name"]),
                       "sources": {"amount": s.span(r, cols["amount"])} if amount is not None else {},
                       **{attr: s.text(r, cols.get(attr)) for attr in ("department", "implementer", "goal")}}
    _indicators(sheets.get(L.GOAL_INDICATORS_SHEET), heads)
    for head in heads.values():
        if not head["indicators"]:
            raise s.fail(head["row"], cols["name"], f"的绩效目标“{head['name']}”在“{L.GOAL_INDICATORS_SHEET}”表中没有绩效指标"
                                                    "（应列出产出、效益、满意度等指标）")
    tables = tuple(Goal(**{k: v for k, v in h.items() if k not in ("row", "indicators")}, indicators=tuple(h["indicators"]))
                   for h in heads.values())
    return Goals(tables=tables, projects=counted.projects, amount=counted.amount, sources=counted.sources)


def _indicators(s: Sheet | None, heads: dict[str, dict]) -> None:
    if s is None:
        return
    cols = s.require({attr: (text,) for attr, text in L.GOAL_INDICATOR_COLUMNS}, ["goal", "name"])
    above: dict[str, tuple[str, str]] = {}
    for r in range(cols.header_row + 1, s.max_row + 1):
        goal, name = s.text(r, cols["goal"]), s.text(r, cols["name"])
        if not goal or not name:
            continue
        if goal not in heads:
            raise s.fail(r, cols["goal"], f"的目标名称“{goal}”在“{L.GOALS_SHEET}”表中没有")
        prev = above.get(goal, ("", ""))
        level1 = s.text(r, cols.get("level1")) or prev[0]
        level2 = s.text(r, cols.get("level2")) or prev[1]
        if level1 not in L.GOAL_LEVELS:
            raise s.fail(r, cols["level1"], f"的一级指标应为{'、'.join(L.GOAL_LEVELS)}之一，实际为“{level1}”")
        comparator = s.text(r, cols.get("comparator")).replace(">=", "≥").replace("<=", "≤")
        if comparator not in L.GOAL_COMPARATORS + ("",):
            raise s.fail(r, cols["comparator"], f"的指标性质应为{'、'.join(L.GOAL_COMPARATORS)}之一（定性指标不填），实际为“{comparator}”")
        above[goal] = (level1, level2)
        weight = s.decimal(r, cols.get("weight"), "权重") if cols.get("weight") else None
        heads[goal]["indicators"].append(GoalIndicator(
            level1=level1, level2=level2, name=name, comparator=comparator, value=s.text(r, cols.get("value")),
            unit=s.text(r, cols.get("unit")), weight=weight,
            sources={a: s.span(r, cols[a]) for a in ("name", "value", "weight") if cols.get(a) and s.text(r, cols[a])}))


# --------------------------------------------------------------------------- entry point

def _unit(s: Sheet) -> tuple[Unit, str, str]:
    """单位概况 → the Unit, the 类型 (部门预算 / 单位预算) and the profile name."""
    unit, profile, kind = _decision_unit(s, L.BUDGET_UNIT_ROWS, L.DEFAULT_BUDGET_PROFILE, "预算年度（如2025）")
    if kind not in L.BUDGET_KINDS:
        cols = s.require({"label": (L.KV_LABEL,), "value": (L.KV_VALUE,)})
        raise s.fail(_row_of(s, cols, L.KIND_LABEL), cols["value"], f"的类型应为{'或'.join(L.BUDGET_KINDS)}，实际为“{kind}”")
    return unit, kind, profile


def _profile(s: Sheet, name: str) -> Profile:
    cols = s.require({"label": (L.KV_LABEL,), "value": (L.KV_VALUE,)})
    where = (_row_of(s, cols, "配置"), cols["value"])
    try:
        profile = load_profile(name)
    except InputError as exc:
        raise s.fail(*where, f"的配置有误：{exc}") from None
    if "预算" not in profile.match.kinds:
        raise s.fail(*where, f"的配置“{name}”是决算的格式，预算数据请用预算的配置（如 national-yusuan、shanghai-yusuan）")
    return profile


def read_budget_workbook(path: str, book: Workbook) -> Disclosure:
    """A budget's data workbook (already opened) → a budget :class:`Disclosure` (amounts in 万元)."""
    index = book.names.index(L.UNIT_SHEET)
    unit_sheet = Sheet(path, book.read(index), index)
    unit, kind, profile_name = _unit(unit_sheet)
    profile = _profile(unit_sheet, profile_name)
    sheets = _sheets(book, path, profile.layout)
    matters, counted = _matters(sheets.get(L.BUDGET_MATTERS_SHEET))
    reasons, texts = _reasons(sheets.get(L.REASONS_SHEET))
    region = province_of(unit.name)
    identity = Identity(kind="预算", scope=_KINDS[kind], year=unit.year, unit=unit.name, region=region,
                        city=city_of(unit.name) if region else "", profile=profile.name)
    return Disclosure(
        unit=unit,
        tables=_tables(sheets, profile.layout, unit.year),
        comparatives=_prior(sheets.get(L.PRIOR_BUDGET_SHEET)),
        matters=matters,
        goals=_goals(sheets, counted),
        reasons=reasons,
        texts=texts,
        profile=profile.name,
        source=path,
        identity=identity,
    )
