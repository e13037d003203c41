"""Markdown writer: headings, paragraphs, grids as pipe tables (merged cells flattened).

Where it sits: a sibling of the other writers; meant for diffing, review in a repository and
pasting into other tools. A header spanning several columns is repeated into each column name
("本年支出/小计"); charts are given as their figures in a small table.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ...core.document import Chart, Document, Grid, Heading, PageBreak, Paragraph, Slot
from ...core.money import fmt_amount, fmt_pct, pct
from ..atomic import write_text
from .matrix import layout


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _pipe(header: list[str], rows: list[list[str]], right: set[int]) -> list[str]:
    rule = ["---:" if i in right else "---" for i in range(len(header))]
    lines = ["| " + " | ".join(_escape(h) or " " for h in header) + " |", "| " + " | ".join(rule) + " |"]
    lines += ["| " + " | ".join(_escape(c) for c in row) + " |" for row in rows]
    return lines


def grid_lines(grid: Grid) -> list[str]:
    lay = layout(grid)
    width = lay.n_cols
    # Header: every column gets the texts of all header cells covering it, joined by "/".
    names: list[list[str]] = [[] for _ in range(width)]
    body = [["" for _ in range(width)] for _ in range(lay.n_rows - lay.header_rows)]
    right: set[int] = set()
    for p in lay.cells:
        if p.row < lay.header_rows:
            for c in range(p.col, p.last_col + 1):
                if p.cell.text and p.cell.text not in names[c]:
                    names[c].append(p.cell.text)
        else:
            body[p.row - lay.header_rows][p.col] = p.cell.text
            if p.cell.value is not None and p.cell.colspan == 1:
                right.add(p.col)
    if lay.header_rows:
        header = ["/".join(n) for n in names]
    else:  # 绩效 tables carry their labels in the body: use the first row as the header
        header, body = body[0], body[1:]
    out = [f"**{grid.title}**", ""]
    meta = "　".join(x for x in (grid.code, f"单位：{grid.unit}" if grid.unit else "") if x)
    if meta:
        out += [meta, ""]
    out += _pipe(header, body, right)
    if grid.note:
        out += ["", grid.note]
    return out


def _chart_lines(chart: Chart) -> list[str]:
    total = sum(chart.values, Decimal(0))
    if chart.prior:
        header = ["项目", f"上年（{chart.unit}）", f"本年（{chart.unit}）"]
        rows = [[lab, fmt_amount(p), fmt_amount(v)] for lab, v, p in zip(chart.labels, chart.values, chart.prior)]
        right = {1, 2}
    else:
        header = ["项目", f"金额（{chart.unit}）", "占比"]
        rows = [[lab, fmt_amount(v), fmt_pct(pct(v, total))] for lab, v in zip(chart.labels, chart.values)]
        right = {1, 2}
    return [f"**图：{chart.title}**", ""] + _pipe(header, rows, right)


def render(doc: Document) -> str:
    lines = [f"# {doc.title}", ""]
    if doc.subtitle:
        lines += [f"**{doc.subtitle}**", ""]
    for block in doc.blocks:
        if isinstance(block, Heading):
            lines += ["#" * (min(max(block.level, 1), 4) + 1) + " " + block.text, ""]
        elif isinstance(block, Paragraph):
            text = block.text
            lines += [f"**{text}**" if block.placeholder else text, ""]
        elif isinstance(block, Grid):
            lines += grid_lines(block) + [""]
        elif isinstance(block, Chart):
            lines += _chart_lines(block) + [""]
        elif isinstance(block, (PageBreak, Slot)):
            continue
    return "\n".join(lines).rstrip() + "\n"


def write(doc: Document, path: Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_text(path, render(doc))
