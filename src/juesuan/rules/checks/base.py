"""The check machinery: a check is a small function over a :class:`Context` that yields findings.

Where it sits: rules. A check module defines functions decorated with :func:`check` and lists
them in a module-level tuple ``CHECKS``; :func:`juesuan.rules.checks.default_registry` collects
those tuples explicitly (no import side effects). :func:`run` runs a registry over one
disclosure, never aborting: a check whose data is missing raises :class:`NotApplicable` and is
listed as not run, and so is a check the profile names as not applicable to its documents
(``Profile.not_applicable``: a budget has no 预决算差异率); a check that crashes becomes a
``CHECK-CRASHED`` finding about the tool (not the data) and is counted as not run either. A check
names tables and sections in the document's own words (``support.table_title``, ``section_label``:
a budget's 部门收支总表, 部门预算情况说明).
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable, Iterable, Iterator, Mapping

import dataclasses

from ...core.findings import Finding, Severity
from ...core.model import Disclosure, Span, Tables
from ...core.money import amount_places, places_of
from ...core.profiles import Profile
from ..prepare import Prepared, prepare


class NotApplicable(Exception):
    """Raised by a check when the disclosure lacks what it needs; the message says what (Chinese)."""


@dataclass(frozen=True, slots=True)
class Related:
    """Other documents of the same unit, prepared, for the checks across documents: last year's
    (same kind), the same year's budget (for a 决算), and a department's units (for its 汇总)."""

    prior: Prepared | None = None
    budget: Prepared | None = None
    members: tuple[Prepared, ...] = ()


@dataclass(frozen=True, slots=True)
class Context:
    """What every check receives: one prepared document (``rules.prepare``), computed once, and
    the related documents the caller found for it."""

    prepared: Prepared
    related: Related = Related()

    @classmethod
    def of(cls, d: Disclosure, profile: Profile, related: Related = Related()) -> "Context":
        return cls(prepare(d, profile), related)

    @property
    def disclosure(self) -> Disclosure:
        """The disclosure with its unstated totals filled in; stated values are never changed."""
        return self.prepared.complete

    @property
    def profile(self) -> Profile:
        return self.prepared.profile

    @property
    def figures(self) -> Mapping[str, Decimal]:
        """Figures derived from the tables/data (``rules.derive``), keyed as ``core.keys``."""
        return self.prepared.figures

    @property
    def scores(self):
        """One :class:`~juesuan.rules.scoring.EvaluationScore` per evaluation of :attr:`disclosure`."""
        return self.prepared.scores


CheckFunc = Callable[[Context], Iterable[Finding]]

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


@dataclass(frozen=True, slots=True)
class Code:
    """A finding code, defined once: its stable id, its severity, the one line that says what it
    means (for the catalogue page), and the other severities its checks may choose (the
    description says when). Calling it builds a finding::

        T1_BALANCE = Code("T1-BALANCE", ERROR, "收入支出决算总表：收入总计不等于支出总计")
        yield T1_BALANCE("收入总计与支出总计不相等", {"收入总计": …}, spans, section)
        yield P_RATE.at(WARNING)(…)                  # one of its declared other severities
    """

    id: str
    severity: Severity
    description: str
    also: tuple[Severity, ...] = ()

    @property
    def severities(self) -> tuple[Severity, ...]:
        return (self.severity,) + self.also

    def at(self, severity: Severity) -> "Code":
        """The same code at another of its declared severities."""
        if severity not in self.severities:
            raise ValueError(f"{self.id} is not declared at severity {severity.value}")
        return self if severity == self.severity else dataclasses.replace(self, severity=severity, also=())

    def __call__(self, message: str, figures: Mapping[str, str] | None = None, spans: Iterable[Span] = (),
                 section: str = "") -> Finding:
        return Finding(self.id, self.severity, message, dict(figures or {}), tuple(spans), section)


CHECK_CRASHED = Code("CHECK-CRASHED", WARNING, "检查程序自身出错，该项未完成检查（请向开发者报告）")


@dataclass(frozen=True, slots=True)
class CheckSpec:
    id: str  # function name
    codes: tuple[Code, ...]  # the finding codes it may emit
    relations: tuple[str, ...]  # rules.md relation ids (C01…C52) or "" for wording/completeness
    doc: str  # the relation in one sentence (the function's docstring)
    func: CheckFunc


def check(*codes: Code, relations: tuple[str, ...] = ()) -> Callable[[CheckFunc], CheckFunc]:
    """Declare a check's finding codes and the relations it implements."""

    def wrap(func: CheckFunc) -> CheckFunc:
        func.spec = CheckSpec(  # type: ignore[attr-defined]
            id=func.__name__,
            codes=tuple(codes),
            relations=tuple(relations),
            doc=(func.__doc__ or "").strip().splitlines()[0] if func.__doc__ else "",
            func=func,
        )
        return func

    return wrap


def spec_of(func: CheckFunc) -> CheckSpec:
    return func.spec  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class Outcome:
    check: str
    status: str  # "passed" | "failed" | "not_run"
    reason: str = ""  # why not run
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True, slots=True)
class Report:
    outcomes: tuple[Outcome, ...]

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(f for o in self.outcomes for f in o.findings)

    def summary(self) -> dict:
        return {
            "run": sum(o.status != "not_run" for o in self.outcomes),
            "passed": sum(o.status == "passed" for o in self.outcomes),
            "failed": sum(o.status == "failed" for o in self.outcomes),
            "not_run": [{"check": o.check, "reason": o.reason} for o in self.outcomes if o.status == "not_run"],
        }


def _apply_profile(findings: Iterable[Finding], overrides: Mapping[str, str]) -> Iterator[Finding]:
    for f in findings:
        setting = overrides.get(f.code)
        if setting == "off":
            continue
        if setting in ("error", "warning", "info"):
            f = Finding(f.code, Severity(setting), f.message, f.figures, f.spans, f.section)
        yield f


def _amounts(value: object) -> Iterator[Decimal | None]:
    """Every Decimal inside the tables (dataclasses, mappings, tuples), for :func:`places_of`."""
    if isinstance(value, Decimal):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            if f.name != "sources":
                yield from _amounts(getattr(value, f.name))
    elif isinstance(value, Mapping):
        for v in value.values():
            yield from _amounts(v)
    elif isinstance(value, tuple):
        for v in value:
            yield from _amounts(v)


def table_places(tables: Tables) -> int:
    """Decimal places (of 万元) the tables were given to: 2 for a printed document, up to 6 for
    data kept in 元; rounding tolerances follow it, so 100 元 missing in 元 data is an error."""
    return min(places_of(_amounts(tables)), 6)


def run(checks: Iterable[CheckFunc], ctx: Context) -> Report:
    """Run every check; collect, never abort. Tolerances follow the precision of the tables."""
    with amount_places(table_places(ctx.disclosure.tables)):
        return _run(checks, ctx)


def _run(checks: Iterable[CheckFunc], ctx: Context) -> Report:
    return Report(tuple(_checked(checks, ctx)))


def _checked(checks: Iterable[CheckFunc], ctx: Context) -> list[Outcome]:
    outcomes = []
    overrides = {k: str(v).lower() for k, v in ctx.profile.checks.items()}
    for func in checks:
        spec = spec_of(func)
        if overrides.get(spec.id) == "off":
            continue
        reason = ctx.profile.not_applicable.get(spec.id)
        if reason:
            outcomes.append(Outcome(spec.id, "not_run", reason))
            continue
        try:
            found = tuple(_apply_profile(func(ctx), overrides))
        except NotApplicable as exc:
            outcomes.append(Outcome(spec.id, "not_run", str(exc)))
            continue
        except Exception as exc:  # a bug in the check, reported as such, never as a data finding
            where = traceback.extract_tb(exc.__traceback__)[-1]
            crash = CHECK_CRASHED(
                f"检查程序 {spec.id} 运行出错（{exc.__class__.__name__}: {exc}，"
                f"{where.filename.rsplit('/', 1)[-1]}:{where.lineno}），该项未完成检查，请向开发者报告",
            )
            outcomes.append(Outcome(spec.id, "not_run", "检查程序出错", (crash,)))
            continue
        failed = any(f.severity in (Severity.ERROR, Severity.WARNING) for f in found)
        outcomes.append(Outcome(spec.id, "failed" if failed else "passed", "", found))
    return outcomes
