"""Coded rows whose blank cells a copy printed as nothing: the printed amounts placed by the
table's own sums.

Where it sits: helper of :mod:`.row_coded` (text reader). "2120101 行政运行 1,942.73 1,942.73"
under 合计 | 基本支出 | 项目支出 prints two amounts for three columns; the row alone cannot say
which column is blank. Every placement of a row's amounts in their printed order is tried,
blank cells as zero, and the row keeps those its own sums allow (the layout's
``TableSpec.sums``: 合计 = 基本支出 + 项目支出). The table's hierarchy decides between them: in
every column a 类 is the sum of its 款, a 款 of its 项 and the 合计 row of the 类 (the rows the
checks add, within the same rounding envelope). The rows form a tree, so the placements that
belong to some placement of the whole table are found exactly, one group (a row and the rows
directly under it) at a time: bottom up, which placements of a row the rows under it can add
up to; then top down, which placements of the rows under it take part. A group is searched
over the partial sums of its rows, cut short where the rows still to come cannot reach the
total. A cell on which every remaining placement agrees is placed; any other is unread.

Where a group's rows cannot add up to its parent in any placement (a total printed wrong: a
real defect, such as a 类's 基本支出 printed 1,066.51 for 10,661.51), each column's sum is tried
alone and only those some placement meets hold the group together; when those still conflict,
the group decides nothing. The sums that can hold decide the rest. The printed amounts are never
changed, and never placed against a sum that holds, so the checks still find the defect. A group
whose rows have one placement each decides nothing and is not searched. The work is bounded: a
group whose search grows past ``_MOST_STATES`` partial sums, or a table past ``_MOST_STEPS``
steps, decides nothing by its sums, and its cells stay unread unless the rows' own sums place
them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from itertools import combinations
from typing import Sequence

from ...core.money import MoneyError, parse_amount, printed_places, tolerance
from ...core.profiles import SumSpec
from ...rules.totals import row_parts

#: A cell printed as nothing: blank, zero in every sum.
BLANK = -1
#: Most partial sums kept at one step of a group's search, and steps over a whole table.
_MOST_STATES = 2048
_MOST_STEPS = 200_000
#: Most decimals an amount is taken with (元 forms print none, 万元 two).
_MOST_PLACES = 6

Cells = tuple[int, ...]  # per column: the index of the printed amount in it, or BLANK
Vector = tuple[int, ...]  # per column: the amount in units of the last printed decimal
Placed = tuple["int | None", ...]


@dataclass(slots=True)
class _Row:
    code: str | None  # "" for a 合计 row; None for a row that was not read
    options: list[Cells] = field(default_factory=list)
    vectors: list[Vector] = field(default_factory=list)


@dataclass(slots=True)
class _Group:
    parent: int
    kids: list[int]
    columns: tuple[int, ...]  # the columns whose sums hold the group together


class _Budget:
    def __init__(self, steps: int):
        self.left = steps

    def spend(self, n: int) -> bool:
        self.left -= n
        return self.left >= 0


class _Table:
    """The rows of one table with their placements; only the rows some group needs searched are
    taken in units (of the finest decimal printed among them)."""

    def __init__(self, rows: Sequence[tuple[str, Sequence[str] | None]], columns: Sequence[str],
                 sums: Sequence[SumSpec], searched: set[int]):
        self.columns = tuple(columns)
        self.sums = [s for s in sums if s.total in self.columns]
        width = len(columns)
        parsed = {i: _parse(rows[i][1], width) for i in searched}
        self.places = min(max((printed_places(v) for p in parsed.values() if p for v in p), default=2), _MOST_PLACES)
        self._envelopes: dict[int, int] = {}
        self.rows = [self._row(code, parsed[i]) if i in searched else _as_printed(code, amounts, width)
                     for i, (code, amounts) in enumerate(rows)]

    def tolerance(self, parts: int) -> int:
        """The rounding envelope of a sum of ``parts`` parts, in units."""
        if parts not in self._envelopes:
            self._envelopes[parts] = int(tolerance(parts, self.places).scaleb(self.places))
        return self._envelopes[parts]

    def _row(self, code: str, values: list[Decimal] | None) -> _Row:
        if values is None:
            return _Row(None)
        width = len(self.columns)
        units = [int(v.scaleb(self.places).to_integral_value()) for v in values]
        if len(values) == width:  # every cell printed: as it stands, whether its sums hold or not
            slots: list[tuple[int, ...]] = [tuple(range(width))]
        else:
            slots = list(combinations(range(width), len(values)))
        row = _Row(code)
        for taken in slots:
            cells, vector = [BLANK] * width, [0] * width
            for k, (slot, unit) in enumerate(zip(taken, units)):
                cells[slot], vector[slot] = k, unit
            if len(slots) == 1 or self._own_sums_hold(cells, vector):
                row.options.append(tuple(cells))
                row.vectors.append(tuple(vector))
        return row

    def _own_sums_hold(self, cells: list[int], vector: list[int]) -> bool:
        """Each of the row's sums (added as :func:`rules.totals.row_parts` adds them) holds within
        the rounding envelope, blank cells as zero."""
        stated = {c: (None if cells[i] == BLANK else vector[i]) for i, c in enumerate(self.columns)}
        for spec in self.sums:
            parts = [vector[self.columns.index(p)] for p in row_parts(spec.parts, stated) if p in self.columns]
            gap = vector[self.columns.index(spec.total)] - sum(parts)
            if abs(gap) > self.tolerance(max(sum(1 for p in parts if p), 1)):
                return False
        return True


def _as_printed(code: str, amounts: Sequence[str] | None, width: int) -> _Row:
    """A row no group searches: its cells as printed (all of them, or none: blank)."""
    if amounts is None or len(amounts) not in (0, width):
        return _Row(None)
    return _Row(code, [tuple(range(width)) if amounts else (BLANK,) * width])


def place(rows: Sequence[tuple[str, Sequence[str] | None]], columns: Sequence[str],
          sums: Sequence[SumSpec]) -> list[Placed | None]:
    """The cells of each row: for every column the index of the printed amount placed in it,
    :data:`BLANK`, or None where the placements left disagree (unread). ``rows`` are (code, "" for
    a 合计 row; the amounts printed, in order, or None for a row not read); ``sums`` the layout's
    row sums over ``columns``. A row gets None when it was not read or no placement meets its own
    sums."""
    width = len(columns)
    open_rows = {i for i, (_, amounts) in enumerate(rows) if amounts is not None and 0 < len(amounts) < width}
    groups = [g for g in _groups([code for code, _ in rows], width) if open_rows & {g.parent, *g.kids}]
    table = _Table(rows, columns, sums, open_rows | {i for g in groups for i in (g.parent, *g.kids)})
    groups = [g for g in groups if all(table.rows[i].options for i in (g.parent, *g.kids))]  # read and placeable
    kept = _solve(table, groups, _Budget(_MOST_STEPS))
    return [_cells(row, keep) for row, keep in zip(table.rows, kept)]


def _parse(amounts: Sequence[str] | None, width: int) -> list[Decimal] | None:
    if amounts is None or len(amounts) > width:
        return None
    out = []
    for text in amounts:
        try:
            value = parse_amount(text)
        except MoneyError:
            return None
        out.append(value if value is not None else Decimal(0))  # a dash: printed, nothing in it
    return out


def _groups(codes: Sequence[str], width: int) -> list[_Group]:
    """Each row with the rows directly under it, as the hierarchy check takes them (a 类's 款, or
    its 项 where it prints no 款; a 款's 项; the first 合计 row's 类), innermost first; none when a
    row would sit under two (a code printed twice): then only the rows' own sums place them."""
    by_length: dict[int, list[int]] = {3: [], 5: [], 7: []}
    for i, code in enumerate(codes):
        if code and len(code) in by_length:
            by_length[len(code)].append(i)
    every = tuple(range(width))
    groups = []
    for length in (5, 3):
        for i in by_length[length]:
            kids: list[int] = []
            for n in ((5, 7) if length == 3 else (7,)):
                kids = [k for k in by_length[n] if codes[k].startswith(codes[i])]
                if kids:
                    break
            if kids:
                groups.append(_Group(i, kids, every))
    total = next((i for i, code in enumerate(codes) if code == ""), None)
    if total is not None and by_length[3]:
        groups.append(_Group(total, list(by_length[3]), every))
    placed = [k for g in groups for k in g.kids]
    parents = [g.parent for g in groups]
    if len(set(placed)) < len(placed) or len(set(parents)) < len(parents):
        return []
    return groups


def _solve(table: _Table, groups: list[_Group], budget: _Budget) -> list[set[int]]:
    """The placements of each row that belong to a placement of the whole table by the sums that
    can hold (rows in no group: those their own sums allow)."""
    rows = table.rows
    feasible = [set(range(len(r.options))) for r in rows]
    taking: dict[int, dict[int, list[set[int]]]] = {}  # group → parent's placement → kids' placements
    for n, group in enumerate(groups):  # bottom up: what the rows under each parent add up to
        found = _under(table, group, feasible, budget)
        if found == {}:  # a sum printed wrong: the columns whose sums can hold decide
            group = groups[n] = _narrowed(table, group, feasible, budget)
            found = _under(table, group, feasible, budget) if group.columns else None
        if found:
            taking[n] = found
            feasible[group.parent] = set(found)
    kept = [set(f) for f in feasible]
    for n in reversed(range(len(groups))):  # top down: the rows under each parent that take part
        if n not in taking:
            continue
        group = groups[n]
        under: list[set[int]] = [set() for _ in group.kids]
        for option in kept[group.parent]:
            for k, chosen in enumerate(taking[n][option]):
                under[k] |= chosen
        for kid, chosen in zip(group.kids, under):
            kept[kid] &= chosen
    return kept


def _under(table: _Table, group: _Group, feasible: list[set[int]], budget: _Budget) -> dict[int, list[set[int]]] | None:
    """For each placement of the group's parent that the rows under it can add up to (in the
    group's columns), the placements of each of them that take part; None when the search
    passes its bound."""
    columns = group.columns
    choices: list[dict[Vector, list[int]]] = []  # per kid: its distinct amounts in the columns → placements
    for kid in group.kids:
        by_vector: dict[Vector, list[int]] = {}
        for option in sorted(feasible[kid]):
            by_vector.setdefault(tuple(table.rows[kid].vectors[option][c] for c in columns), []).append(option)
        choices.append(by_vector)
    reach = _reach(choices, len(columns))
    slack = [table.tolerance(sum(1 for ch in choices if any(v[c] for v in ch))) for c in range(len(columns))]
    found: dict[int, list[set[int]]] = {}
    searched: dict[Vector, list[set[int]] | None] = {}
    for option in sorted(feasible[group.parent]):
        goal = tuple(table.rows[group.parent].vectors[option][c] for c in columns)
        if goal not in searched:
            searched[goal] = _search(choices, reach, slack, goal, budget)
        kids = searched[goal]
        if kids is None:
            return None
        if all(kids):
            found[option] = kids
    return found


def _search(choices: list[dict[Vector, list[int]]], reach: tuple[list[list[int]], list[list[int]]],
            slack: list[int], goal: Vector, budget: _Budget) -> list[set[int]] | None:
    """Per row of ``choices``, its placements that take part in some choice of all of them adding
    up to ``goal``: partial sums row by row, each kept only while the rows still to come can
    reach the goal; then back from the sums that meet it. None when the search passes its bound."""
    low, high = reach
    width = len(goal)
    states: dict[Vector, None] = {(0,) * width: None}
    layers: list[dict[Vector, list[tuple[Vector, Vector]]]] = []
    for k, by_vector in enumerate(choices):
        nxt: dict[Vector, list[tuple[Vector, Vector]]] = {}
        lo, hi = low[k + 1], high[k + 1]
        for state in states:
            for vector in by_vector:
                total = tuple(s + v for s, v in zip(state, vector))
                if all(lo[c] - slack[c] <= goal[c] - total[c] <= hi[c] + slack[c] for c in range(width)):
                    nxt.setdefault(total, []).append((state, vector))
        if len(nxt) > _MOST_STATES or not budget.spend(len(states) * len(by_vector)):
            return None
        layers.append(nxt)
        states = dict.fromkeys(nxt)
    live = {s for s in states if all(abs(goal[c] - s[c]) <= slack[c] for c in range(width))}
    out: list[set[int]] = [set() for _ in choices]
    for k in reversed(range(len(choices))):
        before = set()
        for state in live:
            for prior, vector in layers[k][state]:
                out[k].update(choices[k][vector])
                before.add(prior)
        live = before
    return out


def _reach(choices: list[dict[Vector, list[int]]], width: int) -> tuple[list[list[int]], list[list[int]]]:
    """Per position, the least and most the rows from there on can add in each column."""
    low = [[0] * width for _ in range(len(choices) + 1)]
    high = [[0] * width for _ in range(len(choices) + 1)]
    for k in reversed(range(len(choices))):
        for c in range(width):
            values = [v[c] for v in choices[k]] or [0]
            low[k][c] = low[k + 1][c] + min(values)
            high[k][c] = high[k + 1][c] + max(values)
    return low, high


def _narrowed(table: _Table, group: _Group, feasible: list[set[int]], budget: _Budget) -> _Group:
    """``group`` holding only by the columns whose sum, taken alone, some placement of its rows
    meets (a column past the search's bound is left out too: it decides nothing)."""
    kept = []
    for c in group.columns:
        alone = _Group(group.parent, group.kids, (c,))
        if _under(table, alone, feasible, budget):
            kept.append(c)
    return _Group(group.parent, group.kids, tuple(kept))


def _cells(row: _Row, keep: set[int]) -> Placed | None:
    """The placed cell of each column where every kept placement agrees on its amount, else None."""
    if row.code is None or not keep:
        return None
    if len(row.options) == 1:
        return row.options[0]
    chosen = sorted(keep)
    out: list[int | None] = []
    for c in range(len(row.options[0])):
        printed = [row.options[o][c] for o in chosen if row.options[o][c] != BLANK]
        if len({row.vectors[o][c] for o in chosen}) > 1:
            out.append(None)
        else:  # one amount: blank in every placement, or printed (as "0.00" where others leave it blank)
            out.append(printed[0] if printed else BLANK)
    return tuple(out)
