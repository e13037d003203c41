"""Write a budget's data workbook (部门预算 / 单位预算): blank, or filled from a budget :class:`Disclosure`.

Where it sits: io/writers, beside :mod:`.template` (the 决算数据 workbook), whose sheet helpers it
uses; called by ``juesuan template --kind 预算``. The table sheets are the budget profile's tables:
their titles and columns come from ``Profile.layout`` (a region's form is data), the 收支总表 and
财政拨款收支总表 as their income rows and balances (spending by 类 is summed from the coded
tables). Then last year's budget, the other matters, the 绩效目标 and their indicators, reasons.
``io/readers/data_xlsx_budget.py`` reads it back; both take the labels from ``io/template_layout.py``.
Amounts are written in 万元 at full precision.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from ...core.model import SANGONG_ITEMS, CodedTable, Disclosure, Row
from ...core.profiles import Profile, TableSpec, load_profile
from .. import template_layout as L
from ..atomic import replacing
from .template import _get, _reasons, _Sheet

CODED = ("T2", "T3", "T5", "T6", "T7", "T8")


def sheet_title(spec: TableSpec) -> str:
    """A table's sheet name: its layout title (Excel allows 31 characters)."""
    return spec.title[:31]


def _kv(wb: Workbook, name: str, hint: str, rows, source, *, amounts: bool, extra=None) -> None:
    s = _Sheet(wb, name, name, hint, amounts=amounts)
    s.header((L.KV_LABEL, L.KV_VALUE, L.KV_HINT))
    extra = extra or {}
    for label, path, kind, note in rows:
        value = extra[path] if path in extra else (_get(source, path) if source is not None else None)
        values = (list(value) if value else [None]) if kind == "list" else [value]
        for item in values:
            s.line(((label, "text"), (item, "text" if kind in ("list", "year") else kind), (note, "text")))
    s.widths((34, 60, 40))


def _t1(wb: Workbook, spec: TableSpec, d: Disclosure | None) -> None:
    t = d.tables.t1 if d else None
    s = _Sheet(wb, sheet_title(spec), spec.title, L.BUDGET_HINTS["T1"])
    s.header((L.KV_LABEL, L.BUDGET_AMOUNT))
    for row in spec.rows:
        s.line(((row.printed, "text"), (t.income.get(row.name) if t else None, "amount")))
    for label, attr in L.BUDGET_T1_BALANCES:
        s.line(((label, "text"), (getattr(t, attr) if t else None, "amount")))
    s.widths((36, 18))


def _t4(wb: Workbook, spec: TableSpec, d: Disclosure | None) -> None:
    t = d.tables.t4 if d else None
    s = _Sheet(wb, sheet_title(spec), spec.title, L.BUDGET_HINTS["T4"])
    s.header((L.KV_LABEL, L.BUDGET_AMOUNT))
    for label, attr, fund in L.BUDGET_T4_ROWS:
        value = (t.income.get(fund) if fund else getattr(t, attr)) if t else None
        s.line(((label, "text"), (value, "amount")))
    s.widths((36, 18))


def _coded(wb: Workbook, spec: TableSpec, table: CodedTable | None) -> None:
    s = _Sheet(wb, sheet_title(spec), spec.title, L.BUDGET_HINTS["coded"])
    columns = spec.columns
    s.header((L.CODE_HEADER, L.NAME_HEADER, *(c.printed for c in columns)))
    rows = list(table.rows) if table is not None else []
    if table is not None and table.total is not None:
        rows.append(Row(code="", name=L.TOTAL_LABEL, values=table.total.values))
    for row in rows:
        s.line(((row.code, "code"), (row.name, "text"), *((row.values.get(c.name), "amount") for c in columns)))
    for _ in range(L.SPARE_ROWS):
        s.line(((None, "code"), (None, "text"), *((None, "amount") for _ in columns)))
    s.note(table.note if table else "")
    s.widths((12, 40, *(16,) * len(columns)))


def _t9(wb: Workbook, spec: TableSpec, d: Disclosure | None) -> None:
    t = d.tables.t9 if d else None
    s = _Sheet(wb, sheet_title(spec), spec.title, L.BUDGET_HINTS["T9"])
    s.header((L.KV_LABEL, L.BUDGET_AMOUNT, L.BUDGET_LAST_YEAR))
    for item in SANGONG_ITEMS:
        s.line(((item, "text"), (t.actual.get(item) if t else None, "amount"), (t.budget.get(item) if t else None, "amount")))
    s.note(t.note if t else "")
    s.widths((30, 16, 16))


def _prior(wb: Workbook, d: Disclosure | None) -> None:
    name = L.PRIOR_BUDGET_SHEET
    s = _Sheet(wb, name, name, L.BUDGET_HINTS[name])
    s.header((L.COMP_KEY, L.COMP_LABEL, L.BUDGET_LAST_YEAR))
    keys = dict(L.BUDGET_COMPARATIVE_KEYS)
    if d is not None:
        for row in d.tables.t5.rows if d.tables.t5 is not None else ():
            if row.level == 3:
                keys.setdefault(f"项.{row.code}", f"{row.code} {row.name}")
        for key in sorted(set(d.comparatives.prior) - set(keys)):
            keys[key] = ""
    for key, label in keys.items():
        s.line(((key, "text"), (label, "text"), (d.comparatives.prior.get(key) if d else None, "amount")))
    s.widths((30, 40, 16))


def _goals(wb: Workbook, d: Disclosure | None) -> None:
    goals = d.goals.tables if d else ()
    s = _Sheet(wb, L.GOALS_SHEET, L.GOALS_SHEET, L.BUDGET_HINTS[L.GOALS_SHEET])
    s.header([label for _, label in L.GOAL_COLUMNS])
    for g in goals:
        s.line([(getattr(g, attr), "amount" if attr == "amount" else "text") for attr, _ in L.GOAL_COLUMNS])
    s.choices(L.GOAL_KINDS, "B5:B300")
    s.widths((36, 8, 14, 24, 24, 60))

    s = _Sheet(wb, L.GOAL_INDICATORS_SHEET, L.GOAL_INDICATORS_SHEET, L.BUDGET_HINTS[L.GOAL_INDICATORS_SHEET], amounts=False)
    s.header([label for _, label in L.GOAL_INDICATOR_COLUMNS])
    for g in goals:
        for i in g.indicators:
            values = {"goal": g.name}
            s.line([(values[a] if a in values else getattr(i, a), "decimal" if a == "weight" else "text")
                    for a, _ in L.GOAL_INDICATOR_COLUMNS])
    s.choices(L.GOAL_LEVELS, "B5:B2000")
    s.choices(L.GOAL_COMPARATORS, "E5:E2000")
    s.widths((30, 12, 16, 30, 8, 14, 10, 8))


def write_budget_workbook(path: str | Path, d: Disclosure | None = None, year: int = 2025,
                          profile: str | Profile = L.DEFAULT_BUDGET_PROFILE) -> None:
    """Write a budget's data workbook to ``path``: blank when ``d`` is None, else filled from ``d``
    (whose own profile then gives the layout)."""
    if d is not None:
        year, profile = d.unit.year, d.profile
    prof = profile if isinstance(profile, Profile) else load_profile(profile)
    wb = Workbook()
    wb.remove(wb.active)
    kind = f"{d.identity.scope or '部门'}预算" if d is not None else L.BUDGET_KINDS[0]
    unit = d.unit if d else None
    _kv(wb, L.UNIT_SHEET, L.BUDGET_HINTS[L.UNIT_SHEET], L.BUDGET_UNIT_ROWS, unit, amounts=False,
        extra={"profile": prof.name, "kind": kind, **({} if unit else {"year": year})})
    tables = d.tables if d else None
    for spec in prof.layout.tables:
        if spec.key == "T1":
            _t1(wb, spec, d)
        elif spec.key == "T4":
            _t4(wb, spec, d)
        elif spec.key == "T9":
            _t9(wb, spec, d)
        elif spec.key in CODED:
            _coded(wb, spec, getattr(tables, spec.key.lower()) if tables else None)
    _prior(wb, d)
    _kv(wb, L.BUDGET_MATTERS_SHEET, L.BUDGET_HINTS[L.BUDGET_MATTERS_SHEET], L.BUDGET_MATTERS_ROWS, d, amounts=True,
        extra=_matters_values(d))
    _goals(wb, d)
    _reasons(wb, d, L.BUDGET_REASON_KEYS, L.BUDGET_TEXT_KEYS, L.BUDGET_HINTS[L.REASONS_SHEET], "上年预算")
    with replacing(path) as temp:
        wb.save(str(temp))


def _matters_values(d: Disclosure | None) -> dict:
    """Values of the 其他事项 rows: of ``matters``, and the 绩效目标 counts of ``goals``."""
    if d is None:
        return {"goals.projects": None, "goals.amount": None}
    values = {}
    for _, path, _, _ in L.BUDGET_MATTERS_ROWS:
        if path.startswith("goals."):
            values[path] = getattr(d.goals, path.split(".", 1)[1])
        else:
            values[path] = _get(d.matters, path)
    return values
