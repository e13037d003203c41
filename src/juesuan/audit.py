"""Auditing published documents: one call per disclosure or per file.

Where it sits: above ``rules`` (derive, the check catalogue) and ``io.readers``; below the
``check`` command, the web app and the report writers, which take :class:`DocumentResult`.
:func:`check_path` never raises for a bad input file: an unreadable document becomes a result
with ``error`` set, so a batch goes on with the other files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .core.findings import Finding, InputError, Severity
from .core.identity import Identity
from .core.model import Disclosure
from .core.profiles import Profile, load_profile
from .rules.checks import Related, Report, default_registry, run
from .rules.checks.base import Context
from .rules.prepare import Prepared, prepare


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """The outcome for one input document: its report, or why it could not be read."""

    path: str
    profile: str = ""
    report: Report | None = None
    identity: Identity | None = None  # what the document was identified as (None when unreadable)
    error: str = ""  # one Chinese line when the document could not be read (report is None)
    #: The file holds no 部门决算公开 or is of a type juesuan does not read (``error`` says which);
    #: a folder walk lists such a file as skipped rather than unreadable.
    not_disclosure: bool = False
    #: Reading or checking the file hit a fault of the program (``error`` says so), not of the file.
    fault: bool = False

    @property
    def unreadable(self) -> bool:
        return self.report is None

    def count(self, severity: Severity) -> int:
        if self.report is None:
            return 0
        return sum(1 for f in self.report.findings if f.severity == severity)

    @property
    def has_errors(self) -> bool:
        return self.count(Severity.ERROR) > 0

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.report.findings if self.report is not None else ()


def check_disclosure(d: Disclosure, profile: Profile) -> Report:
    """Prepare ``d`` (``rules.prepare``) and run the whole check catalogue over it."""
    return check_prepared(prepare(d, profile))


def check_prepared(prepared: Prepared, related: Related = Related()) -> Report:
    """Run the whole check catalogue over a prepared document.

    The checks see the disclosure with its unstated totals filled in (``rules.totals.complete``:
    a 类 row from its 项, a 合计 from its rows); stated values are never changed, so every
    inconsistency the document prints is still there to be found.
    """
    return run(default_registry(), Context(prepared, related))


def check_path(path: str | Path, profile_name: str | None = None, kind: str | None = None) -> DocumentResult:
    """Read one published document and check it; an unreadable file gives ``error``, not an exception."""
    from .io.readers import NotADisclosure, read_document

    name = str(path)
    try:
        d = read_document(path, profile_name, kind)
        profile = load_profile(profile_name or d.profile)
    except InputError as exc:
        return DocumentResult(path=name, profile=profile_name or "", error=str(exc),
                              not_disclosure=isinstance(exc, NotADisclosure))
    return DocumentResult(path=name, profile=profile.name, report=check_disclosure(d, profile), identity=d.identity)
