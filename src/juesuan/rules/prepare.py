"""One document made ready, once: its totals completed, its figures derived, its 绩效 tables scored.

Where it sits: rules, the step between reading (or loading data) and everything that uses the
figures: the check catalogue (``checks.Context`` wraps a :class:`Prepared`), the composer and its
writers, reports and the store. Nothing downstream recomputes what is here::

    Disclosure ──prepare(profile)──> Prepared ──> checks / compose / writers / reports

The profile is applied to the document's own year (``Profile.for_year``), so code tables and the
wording of years follow the document, never a fixed year.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Mapping

from ..core.model import Disclosure
from ..core.profiles import Profile
from .derive import derive_completed
from .scoring import EvaluationScore, score_evaluation
from .totals import complete


@dataclass(frozen=True, slots=True)
class Prepared:
    """A disclosure with everything computed from it; all fields read-only."""

    disclosure: Disclosure  # as read or as the data gave it: stated values only
    complete: Disclosure  # the same with unstated totals filled (a 类 from its 项, a 合计 from rows)
    profile: Profile  # the profile, applied to the document's year
    figures: Mapping[str, Decimal]  # every derived figure, keyed as core.keys, at full precision
    scores: tuple[EvaluationScore, ...]  # one per evaluation of ``complete``, in the same order

    def score_of(self, index: int) -> EvaluationScore:
        return self.scores[index]


def prepare(d: Disclosure, profile: Profile) -> Prepared:
    """Complete, score and derive ``d`` under ``profile``, each exactly once."""
    profile = profile.for_year(d.unit.year or None)
    completed = complete(d, profile.layout)
    scores = tuple(score_evaluation(ev, profile.scoring) for ev in completed.evaluations)
    figures = derive_completed(completed, profile, scores)
    return Prepared(disclosure=d, complete=completed, profile=profile, figures=figures, scores=scores)
