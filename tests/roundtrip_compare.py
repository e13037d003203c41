"""Comparing a disclosure with what a written format reads back (used by the round-trip tests).

``table_mismatches`` lists every amount of the nine tables that does not come back as the data's
value rounded to 2 dp; ``evaluation_mismatches`` every 绩效 name, kind, weight or score that
differs from what the scoring engine gives for the data. Empty lists mean a faithful round trip.
"""

from __future__ import annotations

from decimal import Decimal

from juesuan.core.model import CodedTable
from juesuan.core.money import round2
from juesuan.rules.scoring import score_evaluation

TABLE_KEYS = ("t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9")


def _flat(table) -> dict[str, Decimal | None]:
    """Every amount of a table record, keyed "code/column" or "field.key"."""
    out: dict[str, Decimal | None] = {}
    if table is None:
        return out
    if isinstance(table, CodedTable):
        for row in table.rows + ((table.total,) if table.total else ()):
            for col, value in row.values.items():
                out[f"{row.code or '合计'}/{col}"] = value
        for name, value in table.subtotals.items():
            out[f"小计/{name}"] = value
        return out
    for name in table.__dataclass_fields__:
        if name in ("sources", "note", "unit", "names"):  # texts, not amounts
            continue
        value = getattr(table, name)
        if hasattr(value, "items"):
            for k, v in value.items():
                if hasattr(v, "items"):
                    out.update({f"{name}.{k}.{k2}": v2 for k2, v2 in v.items()})
                else:
                    out[f"{name}.{k}"] = v
        else:
            out[f"{name}"] = value
    return out


def table_mismatches(expected, got, places: dict[str, int] | None = None) -> list[str]:
    """Amounts that do not come back: a printed amount must equal the data rounded to 2 dp of 万元
    (``places``: other decimals by table key, 4 for a table printed in whole 元); a blank read back
    (None) only where the data has none (the writer prints blank there and "0.00" for a zero, so a
    zero never reads back blank)."""
    bad = []
    for key in TABLE_KEYS:
        want, have = _flat(getattr(expected.tables, key)), _flat(getattr(got.tables, key))
        n = (places or {}).get(key.upper(), 2)
        for k in sorted(set(want) | set(have)):
            w, h = want.get(k), have.get(k)
            if h is None:
                if w is not None:
                    bad.append(f"{key} {k}: 应为 {round2(w, n)}，读回空白")
            elif w is None or round2(w, n) != h:
                bad.append(f"{key} {k}: 应为 {w if w is None else round2(w, n)}，读回 {h}")
    return bad


def evaluation_mismatches(expected, profile, got) -> list[str]:
    """The six evaluations: names, indicator count, weights and the scores the writer prints
    (those of the scoring engine), and each 总分."""
    bad = []
    if len(got.evaluations) != len(expected.evaluations):
        return [f"评价表 {len(got.evaluations)} 张，应为 {len(expected.evaluations)} 张"]
    for ev, back in zip(expected.evaluations, got.evaluations):
        scored = score_evaluation(ev, profile)
        if (ev.kind, ev.name) != (back.kind, back.name):
            bad.append(f"{back.kind}/{back.name} 应为 {ev.kind}/{ev.name}")
        if len(back.indicators) != len(ev.indicators):
            bad.append(f"{ev.name}: 指标 {len(back.indicators)} 个，应为 {len(ev.indicators)} 个")
            continue
        if back.total != round2(scored.total):
            bad.append(f"{ev.name}: 总分 {back.total}，应为 {round2(scored.total)}")
        for ind, item, read in zip(ev.indicators, scored.indicators, back.indicators):
            want = (ind.name, ind.weight, round2(item.score) if item.score is not None else None, ind.target, ind.actual)
            have = (read.name, read.weight, read.score, read.target, read.actual)
            if want != have:
                bad.append(f"{ev.name}: {have} 应为 {want}")
    return bad
