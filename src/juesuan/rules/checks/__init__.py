"""The check catalogue. Each module lists its checks in a ``CHECKS`` tuple; the registry below
is built by a call, never as an import side effect."""

from __future__ import annotations

import importlib

from .base import CheckFunc, Context, NotApplicable, Related, Report, check, run, spec_of

#: Modules of the catalogue, in report order. Each must define ``CHECKS``.
CATALOGUE_MODULES = (
    "tables",  # within and between the nine tables (C01–C37)
    "narrative",  # narrative against tables and itself (C38–C52)
    "performance",  # 绩效自评表 (uses rules.scoring)
    "goals",  # a budget's 绩效目标表
    "completeness",  # sections, tables, statements, glossary
    "wording",  # placeholders, punctuation, outdated names, units
    "wording_form",  # headings, the 目录, table names, standard terms
    "across",  # against last year's document, the same year's budget, the units of a department
)


def default_registry() -> tuple[CheckFunc, ...]:
    """All shipped checks, in catalogue order. Modules not yet written are skipped."""
    out: list[CheckFunc] = []
    for name in CATALOGUE_MODULES:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"{__name__}.{name}":
                continue
            raise
        out.extend(module.CHECKS)
    return tuple(out)


__all__ = ["CheckFunc", "Context", "NotApplicable", "Related", "Report", "check", "run", "spec_of", "default_registry", "validate_overrides"]


def validate_overrides(profile) -> None:
    """Every key of the profile's ``checks:`` names a finding code or a check of the catalogue, and
    every key of its ``not_applicable:`` a check;
    raises InputError naming the file and key otherwise (a typo would silently change nothing)."""
    from ...core.findings import InputError

    names = {f.__name__ for f in default_registry()}
    known = names | {c.id for f in default_registry() for c in spec_of(f).codes}
    for key in profile.checks:
        if key not in known:
            raise InputError(f"{profile.source or profile.name}：checks.{key} 不是已知的检查代码或检查名（见 docs/checks.md）")
    for key in profile.not_applicable:
        if key not in names:
            raise InputError(f"{profile.source or profile.name}：not_applicable.{key} 不是已知的检查名（见 docs/checks.md）")
