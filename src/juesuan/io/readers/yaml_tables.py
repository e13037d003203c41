"""The nine tables of a YAML data file (``表:``) → the model's table records.

Where it sits: io/readers, used by :mod:`juesuan.io.readers.data_yaml`. Codes are checked
against the shipped classification tables (``core.codes``); names come from them. Totals
that the file leaves out stay None here and are filled by ``rules.totals.complete``.
A budget's tables (``budget``) take their columns, income rows and titles from the profile's
layout (``core.profiles.Layout``), so a region's budget form is data; a 决算's keep the model's
standard columns. See docs/data-format.md for the schema.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Mapping

from ...core.codes import CodeTable, economic_codes, function_codes
from ...core.profiles import Layout
from ...core.model import (
    FUND_TABLE_COLUMNS,
    FUNDS,
    SANGONG_ITEMS,
    T1_INCOME_ROWS,
    T2_COLUMNS,
    T3_COLUMNS,
    T5_COLUMNS,
    T6_COLUMNS,
    TABLE_TITLES,
    CodedTable,
    FiscalSummaryTable,
    Row,
    SangongTable,
    Span,
    SummaryTable,
    Tables,
)
from ...rules.totals import PERSONNEL_CLASSES
from .yaml_fields import Fields, join, norm_label

CODED_COLUMNS = {"T2": T2_COLUMNS, "T3": T3_COLUMNS, "T5": T5_COLUMNS, "T7": FUND_TABLE_COLUMNS, "T8": FUND_TABLE_COLUMNS}

#: T1 footer labels → SummaryTable field.
T1_FOOTER = {
    "本年收入合计": "income_this_year",
    "使用非财政拨款结余": "non_fiscal_balance_used",
    "使用非财政拨款结余（含专用结余）": "non_fiscal_balance_used",
    "年初结转和结余": "opening_balance",
    "收入总计": "income_total",
    "本年支出合计": "expenditure_this_year",
    "结余分配": "balance_distribution",
    "年末结转和结余": "closing_balance",
    "支出总计": "expenditure_total",
}

#: A budget's 收支总表 labels for its balances (上年结转 / 结转下年), beside the 决算's.
T1_BUDGET_FOOTER = {"上年结转": "opening_balance", "结转下年": "closing_balance"}
#: A budget's 财政拨款收支总表 labels for its balances.
T4_BUDGET_KEYS = {"上年结转": "年初结转和结余", "结转下年": "年末结转和结余"}
#: A budget's 三公 table: the budget's own amounts (预算数) and last year's (上年预算数), as the
#: model keeps them (``SangongTable.actual`` / ``budget``).
T9_BUDGET_SIDES = {"预算数": "actual", "上年预算数": "budget"}

_TABLE_ALIASES = {norm_label(k): k for k in TABLE_TITLES}
_TABLE_ALIASES.update({norm_label(v): k for k, v in TABLE_TITLES.items()})
_TABLE_ALIASES.update({f"公开{i:02d}": f"T{i}" for i in range(1, 10)})


def _aliases(layout: Layout | None) -> dict[str, str]:
    """Table names a file may use: T1…T9, 公开01…, the standard titles and the layout's own."""
    if layout is None:
        return _TABLE_ALIASES
    out = {norm_label(k): k for k in TABLE_TITLES}
    out.update({f"公开{i:02d}": f"T{i}" for i in range(1, 10)})
    for spec in layout.tables:
        for name in spec.names:
            out.setdefault(norm_label(name), spec.key)
    return out


def _title(key: str, layout: Layout | None) -> str:
    spec = layout.table(key) if layout is not None else None
    return spec.title if spec is not None else TABLE_TITLES[key]


def _fund(fields: Fields, label: str, path: str) -> str:
    n = norm_label(label)
    for fund in FUNDS:
        if n in (fund, fund.removesuffix("财政拨款"), fund + "收入"):
            return fund
    raise fields.error(path, f"不是财政拨款资金类别（可用：{'、'.join(FUNDS)}）")


def _code(fields: Fields, raw: Any, path: str, table: CodeTable, what: str, lengths: tuple[int, ...]) -> str:
    code = normalize_code(raw)
    if len(code) not in lengths or code not in table:
        raise fields.error(path, f"「{code}」不是{what}中的编码")
    return code


def normalize_code(raw: Any) -> str:
    return str(raw).strip().replace(" ", "")


def _values(fields: Fields, value: Any, path: str, columns: tuple[str, ...], scalar: str | None = None) -> tuple[dict, dict]:
    """Row amounts by column from a list (standard column order) or a mapping (column → amount);
    a single amount goes to column ``scalar`` when one is given."""
    values: dict[str, Decimal | None] = {}
    sources: dict[str, Span] = {}
    if isinstance(value, (list, tuple)):
        if len(value) != len(columns):
            raise fields.error(path, f"应有{len(columns)}个金额（{'、'.join(columns)}），实有{len(value)}个")
        pairs = list(zip(columns, value))
    elif isinstance(value, Mapping):
        by_norm = {norm_label(c): c for c in columns}
        pairs = []
        for k, v in value.items():
            col = by_norm.get(norm_label(k))
            if col is None:
                raise fields.error(join(path, k), f"不是本表的栏目（可用：{'、'.join(columns)}）")
            pairs.append((col, v))
    elif len(columns) == 1:
        pairs = [(columns[0], value)]
    elif scalar is not None:
        pairs = [(scalar, value)]
    else:
        raise fields.error(path, f"应为金额列表或「栏目: 金额」映射（栏目：{'、'.join(columns)}）")
    for col, v in pairs:
        cell = join(path, col)
        amount = fields.amount(v, cell)
        if amount is not None:
            values[col] = amount
            sources[col] = fields.span(cell)
    return values, sources


def _economic_side(code: str) -> str:
    """The column of a budget's 基本支出表 an economic code's amount belongs to."""
    return "人员经费" if code[:3] in PERSONNEL_CLASSES else "公用经费"


def read_coded(fields: Fields, key: str, value: Any, path: str, year: int, layout: Layout | None = None) -> CodedTable:
    """公开02/03/05/06/07/08: ``行`` (code → amounts), optional ``合计``, ``说明`` and 公开06 subtotals.
    With a budget's ``layout`` the columns are the layout's; a single amount on a row of its
    基本支出表 goes to 人员经费 or 公用经费 by the code's class."""
    is_t6 = key == "T6"
    allowed = ("行", "合计", "说明") + (("人员经费合计", "公用经费合计") if is_t6 else ())
    m = fields.mapping(value, path, allowed=allowed)
    columns = T6_COLUMNS if is_t6 else CODED_COLUMNS[key]
    if layout is not None and layout.columns(key):
        columns = layout.columns(key)
    by_class = is_t6 and layout is not None and {"人员经费", "公用经费"} <= set(columns)
    codes = economic_codes() if is_t6 else function_codes(year)
    what = "部门预算支出经济分类" if is_t6 else f"{codes.name.split('_')[-1]}年支出功能分类"
    lengths = (3, 5) if is_t6 else (3, 5, 7)
    rows_path = join(path, "行")
    rows = []
    seen = set()
    for raw, v in fields.mapping(m.get("行"), rows_path).items():
        code = _code(fields, raw, join(rows_path, raw), codes, what, lengths)
        if code in seen:
            raise fields.error(join(rows_path, raw), "编码重复")
        seen.add(code)
        values, sources = _values(fields, v, join(rows_path, code), columns, _economic_side(code) if by_class else None)
        rows.append(Row(code=code, name=codes.name_of(code) or "", values=values, sources=sources))
    total = None
    if m.get("合计") is not None:
        values, sources = _values(fields, m["合计"], join(path, "合计"), columns)
        total = Row(code="", name="合计", values=values, sources=sources)
    subtotals, sub_sources = {}, {}
    for label in ("人员经费合计", "公用经费合计") if is_t6 else ():
        amount = fields.amount(m.get(label), join(path, label))
        if amount is not None:
            subtotals[label] = amount
            sub_sources[label] = fields.span(join(path, label))
    return CodedTable(
        key=key,
        columns=columns,
        rows=tuple(sorted(rows, key=lambda r: r.code)),
        total=total,
        subtotals=subtotals,
        title=_title(key, layout),
        note=fields.text(m.get("说明"), join(path, "说明")),
        span=fields.span(path),
        sources=sub_sources,
    )


def read_t1(fields: Fields, value: Any, path: str, year: int, layout: Layout | None = None) -> SummaryTable:
    """公开01; a budget's 收支总表 (``layout``) has the layout's income rows (by name or printed
    alias) and calls its balances 上年结转 / 结转下年."""
    footer = dict(T1_FOOTER) if layout is None else {**T1_FOOTER, **T1_BUDGET_FOOTER}
    m = fields.mapping(value, path, allowed=("收入", "支出") + tuple(footer))
    income, expenditure, sources = {}, {}, {}
    rows = T1_INCOME_ROWS
    labels = {norm_label(r): r for r in T1_INCOME_ROWS}
    if layout is not None:
        spec = layout.table("T1")
        rows = layout.income_rows()
        labels = {norm_label(n): r.name for r in (spec.rows if spec is not None else ()) for n in r.names + (r.printed,)}
        labels.update({norm_label(r): r for r in rows})
    for k, v in fields.mapping(m.get("收入"), join(path, "收入")).items():
        cell = join(join(path, "收入"), k)
        label = labels.get(norm_label(k))
        if label is None:
            raise fields.error(cell, f"不是{_title('T1', layout)}的收入项目（可用：{'、'.join(rows)}）")
        amount = fields.amount(v, cell)
        if amount is not None:
            income[label], sources[label] = amount, fields.span(cell)
    codes = function_codes(year)
    for k, v in fields.mapping(m.get("支出"), join(path, "支出")).items():
        cell = join(join(path, "支出"), k)
        code = _code(fields, k, cell, codes, "支出功能分类的类级", (3,))
        amount = fields.amount(v, cell)
        if amount is not None:
            expenditure[code], sources[code] = amount, fields.span(cell)
    stated = {}
    for label, attr in footer.items():
        if label in m:
            cell = join(path, label)
            amount = fields.amount(m[label], cell)
            if amount is not None:
                if attr in stated:
                    raise fields.error(cell, f"与已给出的同一栏重复（{'、'.join(k for k, a in footer.items() if a == attr)}）")
                stated[attr], sources[label] = amount, fields.span(cell)
    return SummaryTable(income=income, expenditure=expenditure, sources=sources, **stated)


def _fund_amounts(fields: Fields, value: Any, path: str, scalar_key: str | None, sources: dict) -> tuple[dict, Any]:
    """A mapping fund → amount, or (when ``scalar_key``) a single amount for the sum row."""
    if value is None:
        return {}, None
    if not isinstance(value, Mapping) and scalar_key is not None:
        amount = fields.amount(value, path)
        if amount is not None:
            sources[path.rsplit(".", 1)[-1]] = fields.span(path)
        return {}, amount
    out = {}
    for k, v in fields.mapping(value, path).items():
        cell = join(path, k)
        label = "合计" if norm_label(k) == "合计" and scalar_key == "合计" else _fund(fields, k, cell)
        amount = fields.amount(v, cell)
        if amount is not None:
            out[label] = amount
            sources[f"{path.rsplit('.', 1)[-1]}.{label}"] = fields.span(cell)
    return out, None


def read_t4(fields: Fields, value: Any, path: str, year: int, budget: bool = False) -> FiscalSummaryTable:
    """公开04; a budget's 财政拨款收支总表 may call its balances 上年结转 / 结转下年."""
    scalars = ("本年收入合计", "收入总计", "支出总计")
    allowed = ("收入", "年初结转和结余", "支出", "本年支出合计", "年末结转和结余") + scalars
    m = dict(fields.mapping(value, path, allowed=allowed + (tuple(T4_BUDGET_KEYS) if budget else ())))
    for printed, standard in T4_BUDGET_KEYS.items():
        if printed in m:
            if standard in m:
                raise fields.error(join(path, printed), f"与「{standard}」重复，只写其一")
            m[standard] = m.pop(printed)
    sources: dict[str, Span] = {}
    income, _ = _fund_amounts(fields, m.get("收入"), join(path, "收入"), None, sources)
    opening, opening_total = _fund_amounts(fields, m.get("年初结转和结余"), join(path, "年初结转和结余"), "x", sources)
    closing, closing_total = _fund_amounts(fields, m.get("年末结转和结余"), join(path, "年末结转和结余"), "x", sources)
    spend_year, spend_scalar = _fund_amounts(fields, m.get("本年支出合计"), join(path, "本年支出合计"), "合计", sources)
    if spend_scalar is not None:
        spend_year["合计"] = spend_scalar
    codes = function_codes(year)
    columns = ("合计",) + FUNDS
    expenditure = {}
    spend_path = join(path, "支出")
    for k, v in fields.mapping(m.get("支出"), spend_path).items():
        code = _code(fields, k, join(spend_path, k), codes, "支出功能分类的类级", (3,))
        if isinstance(v, Mapping):
            v = {(_fund(fields, c, join(join(spend_path, code), c)) if norm_label(c) != "合计" else "合计"): a
                 for c, a in v.items()}
        values, row_sources = _values(fields, v, join(spend_path, code), columns)
        expenditure[code] = values
        sources.update({f"支出.{code}.{c}": s for c, s in row_sources.items()})
    extra = {}
    for label, attr in zip(scalars, ("income_this_year", "income_total", "expenditure_total")):
        amount = fields.amount(m.get(label), join(path, label))
        if amount is not None:
            extra[attr], sources[label] = amount, fields.span(join(path, label))
    return FiscalSummaryTable(
        income=income, opening=opening, expenditure=dict(sorted(expenditure.items())),
        expenditure_this_year=spend_year, closing=closing, opening_total=opening_total,
        closing_total=closing_total, sources=sources, **extra,
    )


def read_t9(fields: Fields, value: Any, path: str, budget: bool = False) -> SangongTable:
    """公开09: 预算数 and 决算数; a budget's 三公 table: its own 预算数 and last year's 上年预算数."""
    sides_of = T9_BUDGET_SIDES if budget else {"预算数": "budget", "决算数": "actual"}
    m = fields.mapping(value, path, allowed=tuple(sides_of) + ("说明",))
    sides: dict[str, dict] = {}
    sources: dict[str, Span] = {}
    for side, attr in sides_of.items():
        values, side_sources = _values(fields, m.get(side) or {}, join(path, side), SANGONG_ITEMS)
        sides[attr] = values
        # sources are keyed by the model's side names ("决算数" = actual), as the readers of documents key them
        model_side = "决算数" if attr == "actual" else "预算数"
        sources.update({f"{model_side}.{k}": s for k, s in side_sources.items()})
    return SangongTable(budget=sides["budget"], actual=sides["actual"],
                        note=fields.text(m.get("说明"), join(path, "说明")), sources=sources)


def read_tables(fields: Fields, value: Any, path: str, year: int, layout: Layout | None = None) -> Tables:
    """The tables under ``表``; ``layout`` is a budget's (None: the 决算's standard tables)."""
    found: dict[str, Any] = {}
    order = []
    aliases = _aliases(layout)
    budget = layout is not None
    for k, v in fields.mapping(value, path).items():
        key = aliases.get(norm_label(k))
        if key is None:
            example = _title("T1", layout)
            raise fields.error(join(path, k), f"不是公开表（可用：T1…T9 或表名，如「{example}」）")
        if key in found:
            raise fields.error(join(path, k), f"重复给出了{_title(key, layout)}")
        cell = join(path, k)
        if key == "T1":
            found[key] = read_t1(fields, v, cell, year, layout)
        elif key == "T4":
            found[key] = read_t4(fields, v, cell, year, budget)
        elif key == "T9":
            found[key] = read_t9(fields, v, cell, budget)
        else:
            found[key] = read_coded(fields, key, v, cell, year, layout)
        order.append(key)
    return Tables(**{k.lower(): t for k, t in found.items()}, order=tuple(order))
