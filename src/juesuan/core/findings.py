"""Findings: what a check reports. Stable codes, a severity, a Chinese message, figures, spans.

Where it sits: core, beside the model. Checks create findings; reports render them; the JSON
shape in :func:`finding_to_dict` is a public interface (docs/json.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Mapping

from .model import Span


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]


@dataclass(frozen=True, slots=True)
class Finding:
    code: str  # stable, e.g. "T1-BALANCE", "N-YOY-PCT", "P-REVERSE-SCORED"
    severity: Severity
    message: str  # Chinese, for a finance officer
    figures: Mapping[str, str] = field(default_factory=dict)  # label → printed value
    spans: tuple[Span, ...] = ()
    section: str = ""  # where in the document, for grouping ("第二部分 九 三公经费")

    def to_dict(self) -> dict:
        return finding_to_dict(self)


def span_to_dict(span: Span) -> dict:
    out: dict = {"file": span.file}
    for name in ("page", "line", "start", "end"):
        value = getattr(span, name)
        if value is not None:
            out[name] = value
    if span.cell:
        out["cell"] = span.cell
    out["excerpt"] = span.excerpt
    return out


def finding_to_dict(finding: Finding) -> dict:
    """The stable JSON shape of one finding."""
    first = finding.spans[0] if finding.spans else Span()
    location = span_to_dict(first)
    if finding.section:
        location["section"] = finding.section
    if len(finding.spans) > 1:
        location["also"] = [span_to_dict(s) for s in finding.spans[1:]]
    return {
        "rule": finding.code,
        "severity": finding.severity.value,
        "message": finding.message,
        "location": location,
        "figures": dict(finding.figures),
    }


class InputError(Exception):
    """A file cannot be read or holds data that cannot be used; the message is one Chinese line
    that names the file (and sheet/cell or key) and what is wrong."""
