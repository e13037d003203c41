"""HTML writer: one self-contained page (styles inline, charts as base64 PNG), ready to print.

Where it sits: a sibling of the docx writer, rendering only :class:`Document` blocks. Headings
are semantic (h1 title, h2–h4 by level), tables keep their spans (thead/tbody, colspan/rowspan),
wide tables print on landscape pages.
"""

from __future__ import annotations

import base64
from html import escape
from pathlib import Path

from ...core.document import Cell, Chart, Document, Grid, Heading, PageBreak, Paragraph, Slot
from ..atomic import write_text
from . import charts
from .nobreak import nowrap_html

CSS = """
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "宋体", serif;
       font-size: 16px; line-height: 1.8; max-width: 60em; margin: 2em auto; padding: 0 1em; color: #111; }
header.title { text-align: center; margin: 3em 0 2em; }
header.title h1 { font-size: 1.9em; margin: 0; }
header.title p { font-size: 1.4em; margin: .3em 0 0; }
h2 { text-align: center; font-size: 1.35em; margin: 1.6em 0 .6em; }
h3 { font-size: 1.15em; margin: 1.2em 0 .4em; }
h4 { font-size: 1.05em; margin: 1em 0 .3em; }
h2, h3, h4 { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "SimHei", "黑体", sans-serif; }
p { text-indent: 2em; margin: .2em 0; }
.nb { white-space: nowrap; }
p.placeholder mark { background: #fff2a8; }
figure.grid { margin: 1.5em 0; }
figure.grid figcaption { font-weight: bold; }
figure.grid figcaption { text-align: center; font-size: 1.15em; margin: .4em 0; }
figure.grid figcaption, figure.grid .meta, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
figure.grid .meta { display: flex; justify-content: space-between; text-indent: 0; font-size: .85em; }
figure.grid .note { text-indent: 0; font-size: .85em; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .8em; line-height: 1.4; }
th, td { border: 1px solid #333; padding: .2em .4em; vertical-align: middle; }
th { background: #f0f0f0; font-weight: bold; text-align: center; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.center { text-align: center; }
td.b { font-weight: bold; }
figure.chart { text-align: center; margin: 1em 0; }
figure.chart img { max-width: 100%; height: auto; }
.pagebreak { break-after: page; }
@page { size: A4; margin: 2cm; }
@page wide { size: A4 landscape; margin: 1.5cm; }
@media print {
  body { max-width: none; margin: 0; font-size: 12pt; }
  figure.grid { break-before: page; }
  figure.grid.landscape { page: wide; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  .scroll { overflow: visible; }
}
"""


def _cell(cell: Cell, tag: str) -> str:
    attrs = []
    if cell.colspan > 1:
        attrs.append(f' colspan="{cell.colspan}"')
    if cell.rowspan > 1:
        attrs.append(f' rowspan="{cell.rowspan}"')
    classes = []
    if tag == "td":
        align = cell.align or ("right" if cell.value is not None else "")
        if align == "right":
            classes.append("num")
        elif align == "center":
            classes.append("center")
        if cell.bold:
            classes.append("b")
    if classes:
        attrs.append(f' class="{" ".join(classes)}"')
    if cell.value is not None:
        attrs.append(f' data-value="{cell.value}"')
    return f"<{tag}{''.join(attrs)}>{escape(cell.text)}</{tag}>"


def grid_html(grid: Grid) -> str:
    parts = [f'<figure class="grid{" landscape" if grid.landscape else ""}" data-key="{escape(grid.key)}">',
             f"<figcaption>{escape(grid.title)}</figcaption>"]
    left = escape(grid.code)
    right = f"单位：{escape(grid.unit)}" if grid.unit else ""
    parts.append(f'<p class="meta"><span>{left}</span><span>{right}</span></p>')
    parts.append('<div class="scroll"><table>')
    if grid.header:
        parts.append("<thead>")
        parts += ["<tr>" + "".join(_cell(c, "th") for c in row) + "</tr>" for row in grid.header]
        parts.append("</thead>")
    parts.append("<tbody>")
    parts += ["<tr>" + "".join(_cell(c, "td") for c in row) + "</tr>" for row in grid.body]
    parts.append("</tbody></table></div>")
    if grid.note:
        parts.append(f'<p class="note">{escape(grid.note)}</p>')
    parts.append("</figure>")
    return "\n".join(parts)


def _chart(chart: Chart) -> str:
    data = base64.b64encode(charts.png(chart)).decode("ascii")
    return (f'<figure class="chart" data-key="{escape(chart.key)}">'
            f'<img src="data:image/png;base64,{data}" alt="{escape(chart.title)}"></figure>')  # titled inside


def _block(block) -> str:
    if isinstance(block, Heading):
        level = min(max(block.level, 1), 3) + 1
        return f"<h{level}>{escape(block.text)}</h{level}>"
    if isinstance(block, Paragraph):
        if block.placeholder:
            return f'<p class="placeholder"><mark>{escape(block.text)}</mark></p>'
        return f"<p>{nowrap_html(escape(block.text))}</p>"
    if isinstance(block, Grid):
        return grid_html(block)
    if isinstance(block, Chart):
        return _chart(block)
    if isinstance(block, PageBreak):
        return '<div class="pagebreak"></div>'
    if isinstance(block, Slot):
        return ""
    raise TypeError(f"unknown block {type(block).__name__}")


def render(doc: Document) -> str:
    """The whole page as a string."""
    body = "\n".join(filter(None, (_block(b) for b in doc.blocks)))
    subtitle = f"<p>{escape(doc.subtitle)}</p>" if doc.subtitle else ""
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(doc.title)}{escape(doc.subtitle)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f'<header class="title"><h1>{escape(doc.title)}</h1>{subtitle}</header>\n<main>\n{body}\n</main>\n'
        "</body>\n</html>\n"
    )


def write(doc: Document, path: Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_text(path, render(doc))
