"""Shared helpers of the 绩效 checks: scoring each evaluation once per check, spans, figures.

Where it sits: rules/checks, used by ``performance`` and ``performance_text`` only.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from ...core.findings import Finding
from ...core.model import Evaluation, FundLine, Indicator, Span
from ...core.money import CENT, round2
from ...core.scoring_policy import Policy
from ..scoring import EvaluationScore, table_label
from .base import INFO, Code, Context, NotApplicable

#: The one code for a 绩效 figure off by what rounding of printed values explains (info).
ROUNDING_DOC = "绩效自评表中的完成率、得分、总分或说明所述金额与计算结果的差异在四舍五入范围内（仅提示）"
P_ROUNDING = Code("P-ROUNDING", INFO, ROUNDING_DOC)


def policy_of(ctx: Context) -> Policy:
    """The profile's scoring policy (validated when the profile was loaded)."""
    return ctx.profile.scoring


def evaluations(ctx: Context) -> tuple[Evaluation, ...]:
    if not ctx.disclosure.evaluations:
        raise NotApplicable("未找到绩效自评表")
    return ctx.disclosure.evaluations


def scored(ctx: Context) -> Iterator[tuple[Evaluation, EvaluationScore, Policy]]:
    """Each evaluation with its engine score (computed once, in ``rules.prepare``) and the policy
    that applies to its kind."""
    policy = policy_of(ctx)
    for ev, score in zip(evaluations(ctx), ctx.scores):
        yield ev, score, policy.for_kind(ev.kind)


def spans(ev: Evaluation, record: Indicator | FundLine | None = None, *fields: str) -> tuple[Span, ...]:
    """Spans of the named fields of a row, else any span of the row, else the table's."""
    out: list[Span] = []
    if record is not None:
        for name in fields:
            span = record.sources.get(name)
            if span is not None and span not in out:
                out.append(span)
        if not out and record.sources:
            out.append(next(iter(record.sources.values())))
    if not out:
        for name in fields:
            span = ev.sources.get(name)
            if span is not None:
                out.append(span)
        if not out and ev.span is not None:
            out.append(ev.span)
    return tuple(out)


def row_name(ev: Evaluation, index: int, ind: Indicator) -> str:
    """"项目支出绩效自评表（援疆工作经费）第6行指标“保障援疆各项业务有序开展经费”"."""
    return f"{table_label(ev)}第{index + 1}行指标“{ind.name}”"


def num(value: Decimal | None) -> str:
    """A score or weight as a finance officer writes it: 12.5 → "12.50", 10 → "10.00"."""
    return "-" if value is None else f"{round2(value)}"


def places(value: Decimal) -> int:
    """Decimals printed in ``value`` (97.4 → 1, 105.16 → 2, 100 → 0)."""
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def half_unit(value: Decimal) -> Decimal:
    return Decimal(5).scaleb(-(places(value) + 1))


def rounds_to(printed: Decimal, computed: Decimal, ev: Evaluation) -> bool:
    """True when ``computed``, rounded half-up to the decimals the form prints its scores with (the
    most any printed score of ``ev`` has: a form of whole-number scores prints 8.62 as 9), is
    ``printed``, or within a cent of it."""
    shown = [s for s in (*(i.score for i in ev.indicators), *(f.score for f in ev.funds), ev.total) if s is not None]
    return abs(printed - computed) <= CENT or round2(computed, max(map(places, shown), default=2)) == printed


def gap_finding(code: Code, rounding: bool, message: str, figures: dict[str, str],
                where: tuple[Span, ...], section: str) -> Finding:
    """``code`` for a figure that differs from the computed one; ``P-ROUNDING`` (info, the
    message saying so) when ``rounding`` explains the gap."""
    if rounding:
        return P_ROUNDING(message + "，差异在四舍五入范围内", figures, where, section)
    return code(message, figures, where, section)


__all__ = ["CENT", "ROUNDING_DOC", "P_ROUNDING", "policy_of", "evaluations", "scored", "spans", "row_name", "num", "places", "half_unit",
           "gap_finding", "table_label"]
