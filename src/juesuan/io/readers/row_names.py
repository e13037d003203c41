"""Names of coded rows that a copy wrapped or scrambled, rebuilt from the code tables.

Where it sits: helper of :mod:`.row_coded` (text reader). A row's code and amounts are facts
of its line; its name may not be. A narrow name column wraps it onto the lines above and below
the code ("机关事业单位基本养老保险" / "2080505 545.85 545.85" / "缴费支出"), or lays two rows'
wraps over each other letter by letter ("险机缴关费事支业出单位职业年金缴" is "险缴费支出" of the row
above inside "机关事业单位职业年金缴" of its own).

Rows are taken in reading order. Name fragments (text lines with no code and no amount)
link the rows on either side of them, and so do a row printed without a name and one whose
name is only part of one its code may have; linked rows form a run. A run without fragments
keeps its names as printed. A run with fragments is rebuilt: each row takes a name its code
may have — the code table's, or the name the same code is printed with, whole, elsewhere in
the document — and the names chosen must use exactly the letters printed in the run, no more
and no fewer. When no choice does, the run's rows are left out: a name is never guessed.

A name printed as the beginning of its code's name in the code table, with nothing wrapped
around it ("2080505 机关事业单位基本养老保险" for 机关事业单位基本养老保险缴费支出), lost the rest of a
wrapped cell in the copy: it is read as the code table's name.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import product
from typing import Callable, Sequence

from ...core.codes import economic_codes, function_codes
from .grid_layout import norm

#: Most combinations of names tried for one run (rows whose code has several names).
_MOST_CHOICES = 1024


@dataclass(slots=True)
class Named:
    """A row as far as its name goes: its code ("" for a 合计 row), the name printed on its code
    line, and the text lines met since the row before it began."""

    code: str
    printed: str
    before: list[str] = field(default_factory=list)


def official_name(code: str) -> str | None:
    """The name the shipped code tables give ``code`` (经济分类 for 3xx, 功能分类 otherwise)."""
    table = economic_codes() if code.startswith("3") else function_codes()
    return table.name_of(code)


class Names:
    """The names each code may have in one document: the code table's, and the names printed
    whole on a row of their own elsewhere in the document."""

    def __init__(self, official: Callable[[str], str | None] = official_name):
        self._official = official
        self._seen: dict[str, list[str]] = {}

    def learn(self, rows: Sequence[Named], tail: Sequence[str]) -> None:
        """Remember the names printed whole in ``rows``: no fragment on either side, and the rows
        on either side printed with a name of their own."""
        for k, row in enumerate(rows):
            after = rows[k + 1].before if k + 1 < len(rows) else tail
            if not row.code or not row.printed or row.before or after:
                continue
            if (k and not rows[k - 1].printed) or (k + 1 < len(rows) and not rows[k + 1].printed):
                continue
            seen = self._seen.setdefault(row.code, [])
            name = norm(row.printed)
            if name not in seen and self.completed(row.code, name) == name:
                seen.append(name)

    def completed(self, code: str, printed: str) -> str:
        """``printed`` (normalised), or the code table's name when ``printed`` is its beginning."""
        official = self._official(code) if code else None
        full = norm(official) if official else ""
        return full if printed and full.startswith(printed) else printed

    def of(self, code: str) -> list[str]:
        official = self._official(code)
        out = [norm(official)] if official else []
        return out + [n for n in self._seen.get(code, ()) if n not in out]


def _partial(row: Named, names: Names) -> bool:
    """The row's printed name is missing or only part of a name its code may have."""
    if not row.code:
        return False
    if not row.printed:
        return True
    printed = norm(row.printed)
    choices = names.of(row.code)
    return printed not in choices and any(printed in c for c in choices)


def _letters(texts: Sequence[str]) -> Counter:
    out: Counter = Counter()
    for t in texts:
        out.update(norm(t))
    return out


def _choices(row: Named, names: Names) -> list[tuple[str, str]]:
    """(name, the letters it takes from the run) for each name the row may have: its printed
    name when its code may have it; else each name of its code, the code table's name for the
    printed letters alone when the printed name is its beginning (the rest lost in the copy), and
    the printed name as it stands when it is no part of any of them (a name the unit misprinted,
    for the name checks to see)."""
    printed = norm(row.printed)
    if printed and (not row.code or printed in names.of(row.code)):
        return [(printed, printed)]
    out = [(n, n) for n in names.of(row.code)]
    completed = names.completed(row.code, printed)
    if printed and completed != printed:
        out.append((completed, printed))
    elif printed and not _partial(row, names):
        out.append((printed, printed))
    return out


def _rebuild(rows: Sequence[Named], fragments: Sequence[str], names: Names) -> list[str] | None:
    """Names for ``rows`` using exactly the letters of their printed names and ``fragments``."""
    want = _letters([r.printed for r in rows] + list(fragments))
    options = [_choices(r, names) for r in rows]
    total = 1
    for o in options:
        total *= len(o)
    if total == 0 or total > _MOST_CHOICES:
        return None
    for pick in product(*options):
        if _letters([letters for _, letters in pick]) == want:
            return [name for name, _ in pick]
    return None


def resolve(rows: Sequence[Named], tail: Sequence[str], names: Names,
            least: int = 0) -> tuple[list[str | None], int]:
    """The name of each row (None where it cannot be rebuilt), and how many of the ``tail`` texts
    (after the last row; the first ``least`` of them are the table's whatever happens) belong to
    the table: the most with which the last run settles; the rest is left to the narrative."""
    out: list[str | None] = [None] * len(rows)
    partial = [_partial(r, names) for r in rows]
    start = 0
    used = 0
    for k in range(len(rows)):
        last = k + 1 == len(rows)
        if not last and (rows[k + 1].before or partial[k] or partial[k + 1]):
            continue  # the run goes on
        run = rows[start:k + 1]
        fragments = [f for r in run for f in r.before]
        got = None
        for used in range(len(tail), least - 1, -1) if last else (0,):
            got = _settle(run, fragments + list(tail[:used]), names)
            if got is not None:
                break
        if got is not None:
            out[start:k + 1] = got
        start = k + 1
    return out, used if rows else least


def _settle(run: Sequence[Named], fragments: Sequence[str], names: Names) -> list[str] | None:
    if not fragments and all(r.printed for r in run):
        return [names.completed(r.code, norm(r.printed)) for r in run]
    return _rebuild(run, fragments, names)
