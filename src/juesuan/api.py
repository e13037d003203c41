"""The few calls a user of the library makes. Everything else is an implementation detail.

>>> from juesuan import api
>>> d = api.load("examples/changji-2024")          # data (YAML / workbook / folder) → Disclosure
>>> api.build("examples/changji-2024", "公开/")      # → 公开说明.docx/.html/.md/.pdf, 决算公开表.xlsx
>>> doc = api.read("某单位2024年度部门决算.pdf")       # a published document → Disclosure
>>> report = api.check(doc)                          # → Report (findings, checks run/passed/failed/not run)
>>> scores = api.score(d)                            # → 绩效 scores per evaluation
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from .core.model import Disclosure
from .core.profiles import Profile, load_profile


def _profile(d: Disclosure, profile: str | Profile | None) -> Profile:
    if isinstance(profile, Profile):
        return profile
    return load_profile(profile or d.profile)


def load(path: str | Path) -> Disclosure:
    """Read a unit's data (YAML, the juesuan workbook, or a folder holding one)."""
    from .io.readers.data import load as load_data

    return load_data(path)


def read(path: str | Path, profile: str | None = None, kind: str | None = None) -> Disclosure:
    """Read a published disclosure (PDF, Word, HTML, text, Excel); ``d.identity`` says what it is."""
    from .io.readers import read_document

    return read_document(path, profile, kind)


def check(d: Disclosure, profile: str | Profile | None = None):
    """Run the whole check catalogue over a disclosure; returns a ``rules.checks.Report``."""
    from .audit import check_disclosure

    return check_disclosure(d, _profile(d, profile))


def build(source: str | Path, out_dir: str | Path, formats: Sequence[str] | None = None, profile: str | None = None):
    """Compose the disclosure from data and write it in the given formats."""
    from .compose import build as build_files

    if formats is None:
        return build_files(source, out_dir, profile=profile)
    return build_files(source, out_dir, formats, profile=profile)


def score(d: Disclosure, profile: str | Profile | None = None):
    """绩效自评 scores of every evaluation in the disclosure."""
    from .rules.scoring import score_evaluation

    p = _profile(d, profile)
    return [score_evaluation(ev, p) for ev in d.evaluations]
