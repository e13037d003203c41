"""Cell constructors shared by the table layouts (nine tables and 绩效自评表).

Where it sits: used by :mod:`.layout` and :mod:`.performance` only; writers read cells, they do
not build them.
"""

from __future__ import annotations

from decimal import Decimal

from ...core.document import Cell
from ...core.money import fmt_amount


def num(value: Decimal | None, *, bold: bool = False, colspan: int = 1) -> Cell:
    """An amount cell: 2-dp text, full-precision value, right-aligned; None → empty."""
    text = "" if value is None else fmt_amount(value)
    return Cell(text=text, value=value, align="right", bold=bold, colspan=colspan)


def label(text: str, *, colspan: int = 1, rowspan: int = 1, bold: bool = False, align: str = "") -> Cell:
    """A text cell."""
    return Cell(text=text, colspan=colspan, rowspan=rowspan, bold=bold, align=align)


def head(*texts: str) -> tuple[Cell, ...]:
    """A header row of bold centred labels, one column each."""
    return tuple(label(t, bold=True, align="center") for t in texts)
