"""Shared helpers of the 绩效 checks: scoring each evaluation once per check, spans, figures.

Where it sits: rules/checks, used by ``performance`` and ``performance_text`` only.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from ...core.findings import Finding, InputError
from ...core.model import Evaluation, FundLine, Indicator, Span
from ...core.money import CENT, round2
from ..policy import Policy
from ..scoring import EvaluationScore, score_evaluation, table_label
from .base import INFO, Code, Context, NotApplicable

#: The one code for a 绩效 figure off by what rounding of printed values explains (info).
ROUNDING_DOC = "绩效自评表中的完成率、得分、总分或说明所述金额与计算结果的差异在四舍五入范围内（仅提示）"
P_ROUNDING = Code("P-ROUNDING", INFO, ROUNDING_DOC)


def policy_of(ctx: Context) -> Policy:
    """The profile's scoring policy, built once per context (a bad profile: NotApplicable)."""
    memo = ctx.memo.get("policy")
    if memo is None:
        try:
            memo = ("ok", Policy.from_profile(ctx.profile))
        except InputError as exc:
            memo = ("bad", f"评分配置有误，无法核对绩效得分：{exc}")
        ctx.memo["policy"] = memo
    if memo[0] == "bad":
        raise NotApplicable(memo[1])
    return memo[1]


def evaluations(ctx: Context) -> tuple[Evaluation, ...]:
    if not ctx.disclosure.evaluations:
        raise NotApplicable("未找到绩效自评表")
    return ctx.disclosure.evaluations


def scored(ctx: Context) -> Iterator[tuple[Evaluation, EvaluationScore, Policy]]:
    """Each evaluation with its engine score and the policy that applies to its kind.

    The scores are computed once per context and shared by every 绩效 check (the engine is pure).
    """
    policy = policy_of(ctx)
    found = evaluations(ctx)
    results = ctx.memo.get("scored")
    if results is None or results[0] is not found:
        results = (found, tuple((ev, score_evaluation(ev, policy), policy.for_kind(ev.kind)) for ev in found))
        ctx.memo["scored"] = results
    yield from results[1]


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


def gap_finding(code: Code, rounding: bool, message: str, figures: dict[str, str],
                where: tuple[Span, ...], section: str) -> Finding:
    """``code`` for a figure that differs from the computed one; ``P-ROUNDING`` (info, the
    message saying so) when ``rounding`` explains the gap."""
    if rounding:
        return P_ROUNDING(message + "，差异在四舍五入范围内", figures, where, section)
    return code(message, figures, where, section)


__all__ = ["CENT", "ROUNDING_DOC", "P_ROUNDING", "policy_of", "evaluations", "scored", "spans", "row_name", "num", "places", "half_unit",
           "gap_finding", "table_label"]
