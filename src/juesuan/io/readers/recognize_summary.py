"""Recognition of the summary tables: 公开01 (two panels), 公开04 (two panels) and 公开09 (三公).

Where it sits: called by ``recognize.recognize`` once a grid is identified. Panels are split by
their header labels (收入 ‖ 支出), rows are read by their labels (T1 expenditure rows by 类 name
→ 类 code via ``core.codes.function_codes``), value columns by header names. Blank or
non-numeric cells are None.
"""

from __future__ import annotations

from typing import Sequence

from ...core.codes import OUTDATED_NAMES, function_codes
from ...core.model import FUNDS, SANGONG_ITEMS, T1_FISCAL_INCOME, T1_INCOME_ROWS, TABLE_TITLES, Amount, FiscalSummaryTable, SangongTable, SummaryTable, Span
from ...core.profiles import ColumnSpec
from .grid import UNREAD_CELL, RawGrid
from .grid_layout import Layout, amount, is_index_row, label, layout, norm, note_of


def _class_codes(code_year: int) -> dict[str, str]:
    table = function_codes(code_year)
    names = {table.name_of(c): c for c in table.codes() if len(c) == 3}
    for old, new in OUTDATED_NAMES.items():
        if new in names:
            names.setdefault(old, names[new])
    return names


def _header_end(grid: RawGrid, known: set[str]) -> int:
    for r, row in enumerate(grid.rows):
        if any(label(c) in known for c in row):
            return r
    return len(grid.rows)


def _panels(lay: Layout, grid: RawGrid) -> tuple[list[int], list[int]]:
    """Income and expenditure columns, from the 收入/支出 header labels (else from 本年支出合计)."""
    width = len(lay.paths)
    inc = [c for c, p in enumerate(lay.paths) if "收入" in p]
    exp = [c for c, p in enumerate(lay.paths) if "支出" in p]
    if inc and exp:
        # A merged 收入/支出 group header (Word, HTML) leaves the covered columns blank: each
        # column belongs to the panel whose label is nearest on its left.
        marks = sorted([(c, "inc") for c in inc] + [(c, "exp") for c in exp])
        side = {c: marks[0][1] for c in range(width)}
        for c, which in marks:
            for k in range(c, width):
                side[k] = which
        return [c for c in range(width) if side[c] == "inc"], [c for c in range(width) if side[c] == "exp"]
    for row in grid.rows:
        for c, cell in enumerate(row):
            if label(cell).startswith("本年支出合计") and c > 0:
                return list(range(c)), list(range(c, width))
    return list(range(width)), []


def _label_col(grid: RawGrid, cols: list[int], known) -> int | None:
    best, score = None, 0
    for c in cols:
        n = sum(1 for row in grid.rows if c < len(row) and known(label(row[c])))
        if n > score:
            best, score = c, n
    return best


#: The Chinese label of each summary field, used as a second key in ``sources``.
_FIELD_LABELS = {
    "income_this_year": "本年收入合计", "non_fiscal_balance_used": "使用非财政拨款结余",
    "opening_balance": "年初结转和结余", "income_total": "收入总计", "expenditure_this_year": "本年支出合计",
    "balance_distribution": "结余分配", "closing_balance": "年末结转和结余", "expenditure_total": "支出总计",
    "opening_total": "年初财政拨款结转和结余", "closing_total": "年末财政拨款结转和结余",
}


#: Labels of the grand total row: 总计, or 合计 in the 高等学校收支决算总表.
_TOTALS = ("总计", "合计")


#: Labels of 年初结转和结余 and 年末结转和结余: a 决算's, and a budget's 上年结转 / 结转下年.
_OPENING = ("年初结转和结余", "上年结转")
_CLOSING = ("年末结转和结余", "结转下年", "年终结转", "年末结转")


def _row_names(rows: Sequence[ColumnSpec]) -> dict[str, str]:
    """Printed income-row name → the model's row name (the layout's rows; the 决算's when none)."""
    names = {n: r.name for r in rows for n in r.names} if rows else {r: r for r in T1_INCOME_ROWS}
    names.setdefault(T1_FISCAL_INCOME, T1_FISCAL_INCOME)
    return names


def _income_field(t: str, rows: dict[str, str]) -> tuple[str, str] | None:
    if t.startswith("其中"):
        return None  # a part of the row above ("其中：政府性基金预算财政拨款"), never a row to add
    if t in rows or t + "收入" in rows:
        return "income", rows.get(t) or rows[t + "收入"]
    if t.startswith("本年收入合计") or t == "本年收入":
        return "income_this_year", ""
    if t.startswith("使用非财政拨款结余"):
        return "non_fiscal_balance_used", ""
    if t.startswith(_OPENING) or t.startswith("上年结余"):
        return "opening_balance", ""
    if t in _TOTALS or t == "收入总计":
        return "income_total", ""
    return None


def _expenditure_field(t: str, classes: dict[str, str]) -> tuple[str, str] | None:
    code = classes.get(t) or _misprinted_class(t, classes)
    if code:
        return "expenditure", code
    if t.startswith("本年支出合计") or t == "本年支出":
        return "expenditure_this_year", ""
    if t.startswith("结余分配"):
        return "balance_distribution", ""
    if t.startswith(_CLOSING):
        return "closing_balance", ""
    if t in _TOTALS or t == "支出总计":
        return "expenditure_total", ""
    return None


def _misprinted_class(t: str, classes: dict[str, str]) -> str | None:
    """The 类 a row label names with one character misprinted ("抗役特别国债安排的支出"), when
    exactly one 类 name is that close; the label is kept as printed, so the name check sees it."""
    if len(t) < 5:
        return None
    near = {code for name, code in classes.items()
            if len(name) == len(t) and sum(a != b for a, b in zip(name, t)) == 1}
    return near.pop() if len(near) == 1 else None


def _value_col(lay: Layout, cols: list[int], label_col: int | None) -> int | None:
    for c in cols:
        if c == label_col or any(p in ("行次", "栏次", "项目") for p in lay.paths[c][-1:]):
            continue
        if label_col is None or c > label_col:
            return c
    return None


def read_t1(grid: RawGrid, code_year: int = 2024, rows: Sequence[ColumnSpec] = (), title: str = TABLE_TITLES["T1"]) -> SummaryTable:
    """公开01 (or a budget's 收支总表): income rows by the layout's row names (``rows``; the 决算's
    when empty), expenditure rows by 类 name, and the totals and balances by their labels."""
    classes = _class_codes(code_year)
    income_rows = _row_names(rows)
    known = set(income_rows) | set(classes) | set(_TOTALS)  # a budget may print its 合计 row first
    lay = layout(grid, start=_header_end(grid, known))
    inc_cols, exp_cols = _panels(lay, grid)
    fields: dict[str, object] = {"income": {}, "expenditure": {}, "names": {}}
    sources: dict[str, Span] = {}
    for cols, parse in ((inc_cols, lambda t: _income_field(t, income_rows)), (exp_cols, lambda t: _expenditure_field(t, classes))):
        lc = _label_col(grid, cols, lambda t, parse=parse: parse(t) is not None)
        vc = _value_col(lay, cols, lc)
        if lc is None or vc is None:
            continue
        for r in range(lay.data_start, len(grid.rows)):
            hit = parse(label(lay.cell(r, lc)))
            if hit is None:
                continue
            name, sub = hit
            value = amount(lay.cell(r, vc))
            key = f"{name}.{sub}" if sub else name
            if key in sources:
                continue
            sources[key] = lay.span(r, vc, f"{title}!{label(lay.cell(r, lc))}")
            sources.setdefault(sub or _FIELD_LABELS[name], sources[key])  # plain alias: "201", "收入总计"
            if sub:
                fields[name][sub] = value
            else:
                fields[name] = value
            if name == "expenditure":
                fields["names"][sub] = label(lay.cell(r, lc))
                sources[f"名称.{sub}"] = lay.span(r, lc, f"{title}!{label(lay.cell(r, lc))}")
    return SummaryTable(**fields, sources=sources)


def _fund_of(text: str) -> str | None:
    for fund in FUNDS:
        if text.startswith(fund[:4]) and "结转" not in text:
            return fund
    return None


def read_t4(grid: RawGrid, code_year: int = 2024, title: str = TABLE_TITLES["T4"]) -> FiscalSummaryTable:
    classes = _class_codes(code_year)
    known = set(classes) | {"本年收入", "本年支出"}  # a budget's first rows: "一、本年收入" ‖ "一、本年支出"
    lay = layout(grid, start=_header_end(grid, known))
    inc_cols, exp_cols = _panels(lay, grid)
    out: dict[str, object] = {"income": {}, "opening": {}, "expenditure": {}, "expenditure_this_year": {}, "closing": {}}
    sources: dict[str, Span] = {}

    def put(key: str, r: int, c: int, where: str, *aliases: str) -> Amount:
        span = sources.setdefault(key, lay.span(r, c, f"{title}!{where}"))
        for alias in aliases:
            sources.setdefault(alias, span)
        return amount(lay.cell(r, c))

    # income side: 本年收入 by fund, then 年初 by fund after the 年初 row
    lc = _label_col(grid, inc_cols, lambda t: _fund_of(t) is not None or "结转和结余" in t)
    vc = _value_col(lay, inc_cols, lc)
    if lc is not None and vc is not None:
        after_opening = False
        for r in range(lay.data_start, len(grid.rows)):
            t = label(lay.cell(r, lc))
            fund = _fund_of(t)
            if (t.startswith("年初") and "结转和结余" in t) or t.startswith(_OPENING[1:]) or t.startswith("上年结余"):
                out["opening_total"] = put("opening_total", r, vc, t, "年初财政拨款结转和结余")
                after_opening = True
            elif fund and after_opening:
                out["opening"][fund] = put(f"opening.{fund}", r, vc, t)
            elif fund:
                out["income"][fund] = put(f"income.{fund}", r, vc, t, fund)
            elif t.startswith("本年收入合计") or t == "本年收入":
                out["income_this_year"] = put("income_this_year", r, vc, t, "本年收入合计")
            elif t in ("总计", "收入总计"):
                out["income_total"] = put("income_total", r, vc, t, "收入总计")
    # expenditure side: columns 合计 and one per fund
    lc = _label_col(grid, exp_cols, lambda t: t in classes or t.startswith("本年支出"))
    value_cols: dict[int, str] = {}
    for c in exp_cols:
        if c == lc:
            continue
        path = lay.paths[c]
        fund = next((f for f in FUNDS for p in path if p.startswith(f[:4])), None)
        name = fund or ("合计" if any(p in ("合计", "决算数", "预算数", "金额") for p in path[-1:]) else None)
        if name and name not in value_cols.values():
            value_cols[c] = name
    if lc is not None and value_cols:
        total_col = next((c for c, n in value_cols.items() if n == "合计"), None)
        after_closing = False
        for r in range(lay.data_start, len(grid.rows)):
            t = label(lay.cell(r, lc))
            fund = _fund_of(t)
            if t in classes:
                key = f"expenditure.{classes[t]}"
            elif t.startswith("本年支出合计") or t == "本年支出":
                key = "expenditure_this_year"
            elif (t.startswith("年末") and "结转和结余" in t) or t.startswith(_CLOSING[1:]):
                key = "closing"
            elif fund and after_closing:
                key = f"closing.{fund}"
            elif t in ("总计", "支出总计"):
                key = "expenditure_total"
            else:
                continue
            alias = {"expenditure_this_year": "本年支出合计", "closing": "年末财政拨款结转和结余",
                     "expenditure_total": "支出总计"}.get(key, classes.get(t, ""))
            row = {n: put(f"{key}.{n}", r, c, f"{t}/{n}", *((f"{alias}.{n}",) + ((alias,) if n == "合计" else ()))
                          if alias else ()) for c, n in value_cols.items()}
            if t in classes:
                out["expenditure"][classes[t]] = row
            elif key == "expenditure_this_year":
                out["expenditure_this_year"] = row
            elif key == "closing":
                after_closing = True
                out["closing_total"] = row.get("合计")
                out["closing"].update({f: v for f, v in row.items() if f != "合计"})
            elif key.startswith("closing.") and total_col is not None:
                if out["closing"].get(fund) is None:
                    out["closing"][fund] = row.get("合计")
            elif key == "expenditure_total":
                out["expenditure_total"] = row.get("合计")
    return FiscalSummaryTable(**out, sources=sources)


# --------------------------------------------------------------------------- 公开09

def _sangong_item(path: tuple[str, ...]) -> str | None:
    vehicle = False
    found = None
    for text in path:
        t = text.replace("“", "").replace("”", "")
        if "公务用车" in t and ("及" in t or "和" in t) and "运行" in t:
            vehicle, found = True, "公务用车购置及运行维护费"
        elif ("公务用车" in t or vehicle) and "购置" in t:
            found = "公务用车购置费"  # "公务用车购置费", or "购置费" under the vehicle group
        elif ("公务用车" in t or vehicle) and "运行" in t:
            found = "公务用车运行维护费"
        elif t == "小计" and vehicle:
            found = "公务用车购置及运行维护费"
        elif "因公出国" in t:
            found = "因公出国（境）费"
        elif "接待" in t:
            found = "公务接待费"
        elif (t == "合计" or (t.endswith("合计") and "三公" in t)) and found is None:
            found = "合计"
    return found


def _side(path: tuple[str, ...], of_budget: bool) -> str | None:
    """Which amounts a 三公 column holds: "预算数" or "决算数" as its header says (a 决算's table);
    in a budget's table the budget's own amounts ("决算数", the model's side for the document's
    own year) unless the header says they are last year's ("上年预算数": the "预算数" side)."""
    if of_budget:
        if not path or any(p in ("项目", "科目", "行次", "栏次") for p in path):
            return None  # the label column
        return "预算数" if any("上年" in p for p in path) else "决算数"
    return next((k for k in ("预算数", "决算数") if k in path), None)


def read_t9(grid: RawGrid, of_budget: bool = False, title: str = TABLE_TITLES["T9"]) -> SangongTable:
    """公开09: each item's 预算数 and 决算数, found by the header paths (either orientation). A
    budget's 三公 table (``of_budget``) gives its own amounts in ``actual`` and last year's budget,
    when it prints it, in ``budget`` (see :class:`SangongTable`)."""
    note, note_rows = note_of(grid)
    kinds = ("预算数", "决算数")
    last_kind_row = max((r for r, row in enumerate(grid.rows) if any(norm(c) in kinds for c in row)), default=-1)
    lay = layout(grid) if of_budget else layout(grid, start=last_kind_row + 1)
    budget: dict[str, Amount] = {}
    actual: dict[str, Amount] = {}
    sources: dict[str, Span] = {}
    unread: set[str] = set()  # "决算数.公务接待费" of a cell the reader could not place
    data_rows = [r for r in range(lay.data_start, len(grid.rows))
                 if r not in note_rows and not is_index_row(grid.rows[r])]
    columns = []
    for c, path in enumerate(lay.paths):
        kind = _side(path, of_budget)
        item = _sangong_item(tuple(p for p in path if p not in kinds))
        if kind:
            columns.append((c, kind, item))
    if any(item for _, _, item in columns):  # items across, one data row
        row = next((r for r in data_rows if any(norm(x) for x in grid.rows[r])), data_rows[0] if data_rows else None)
        for c, kind, item in columns:
            if item is None or row is None:
                continue
            target = budget if kind == "预算数" else actual
            if item not in target:
                target[item] = amount(lay.cell(row, c))
                sources[f"{kind}.{item}"] = lay.span(row, c, f"{title}!{item}/{kind}")
                if lay.cell(row, c) == UNREAD_CELL:
                    unread.add(f"{kind}.{item}")
    else:  # items down the rows
        for r in data_rows:
            item = _sangong_item(tuple(norm(x) for x in grid.rows[r]))
            for c, kind, _ in columns:
                target = budget if kind == "预算数" else actual
                if item and item not in target:
                    target[item] = amount(lay.cell(r, c))
                    sources[f"{kind}.{item}"] = lay.span(r, c, f"{title}!{item}/{kind}")
                    if lay.cell(r, c) == UNREAD_CELL:
                        unread.add(f"{kind}.{item}")
    for item in SANGONG_ITEMS:  # a row the grid lacks is blank; an unread cell stays out (unknown)
        budget.setdefault(item, None)
        actual.setdefault(item, None)
    for key in unread:
        kind, item = key.split(".", 1)
        (budget if kind == "预算数" else actual).pop(item, None)
        sources.pop(key, None)
    return SangongTable(budget=budget, actual=actual, note=note, sources=sources)
