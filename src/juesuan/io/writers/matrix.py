"""Where each cell of a :class:`Grid` lands once row- and column-spans are honoured.

Where it sits: a helper for the writers that need absolute positions (docx, xlsx, md); html
uses spans directly. Header and body are placed as one sequence of rows, as they print.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ...core.document import Cell, Grid


@dataclass(frozen=True, slots=True)
class Placed:
    row: int
    col: int
    cell: Cell

    @property
    def last_row(self) -> int:
        return self.row + max(self.cell.rowspan, 1) - 1

    @property
    def last_col(self) -> int:
        return self.col + max(self.cell.colspan, 1) - 1


@dataclass(frozen=True, slots=True)
class Layout:
    cells: tuple[Placed, ...]
    n_rows: int
    n_cols: int
    header_rows: int


def place_rows(rows: Sequence[Sequence[Cell]]) -> tuple[tuple[Placed, ...], int, int]:
    """Place cells left to right, skipping positions covered by a span from a row above."""
    taken: set[tuple[int, int]] = set()
    placed = []
    n_cols = 0
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            placed.append(Placed(r, c, cell))
            for dr in range(max(cell.rowspan, 1)):
                for dc in range(max(cell.colspan, 1)):
                    taken.add((r + dr, c + dc))
            c += max(cell.colspan, 1)
        n_cols = max(n_cols, c)
    if taken:
        n_cols = max(n_cols, max(c for _, c in taken) + 1)
    n_rows = max([len(rows)] + [p.last_row + 1 for p in placed])
    return tuple(placed), n_rows, n_cols


def layout(grid: Grid) -> Layout:
    cells, n_rows, n_cols = place_rows(tuple(grid.header) + tuple(grid.body))
    return Layout(cells=cells, n_rows=n_rows, n_cols=n_cols, header_rows=len(grid.header))


def text_matrix(grid: Grid) -> list[list[str]]:
    """Rows × columns of text; a merged cell's text sits at its top-left, the rest is empty."""
    lay = layout(grid)
    out = [["" for _ in range(lay.n_cols)] for _ in range(lay.n_rows)]
    for p in lay.cells:
        out[p.row][p.col] = p.cell.text
    return out


def display_width(text: str) -> int:
    """Width in half-width character units: CJK and full-width characters count 2."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)
