"""The region review as pages: a printable HTML report (A4 landscape, charts inline) and an
Excel workbook (one sheet per view, charts on the first).

Where it sits: apps/store, under ``report.write_report``; charts are drawn by the project's chart
writer (``io.writers.charts``, with its CJK font), files are written whole (``io.atomic``).
"""

from __future__ import annotations

import base64
import html
from decimal import Decimal
from pathlib import Path

from ...core.document import Chart
from ...io.atomic import replacing, write_text
from ...io.writers.charts import png
from .report import Review, UnitRow

#: Rules shown as columns of the units table in HTML (all of them in the workbook).
HTML_RULE_COLUMNS = 8
_SEVERITY = {"error": "错误", "warning": "警告", "info": "提示"}
_SCOPE = {"部门": "部门决算", "单位": "单位决算", "": "决算"}


def title(r: Review) -> str:
    return f"{r.region or '各地区'}{r.year}年度部门决算公开审核情况汇总"


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def summary_lines(r: Review) -> list[str]:
    """The review in a few sentences, as a bureau's note would open."""
    n = len(r.rows)
    with_errors = sum(1 for row in r.rows if row.errors)
    only_warnings = sum(1 for row in r.rows if not row.errors and row.warnings)
    clean = n - with_errors - only_warnings
    errors = sum(row.errors for row in r.rows)
    warnings = sum(row.warnings for row in r.rows)
    lines = [f"本次汇总{n}个单位的{r.year}年度决算公开文件：有错误的{with_errors}个，只有警告的{only_warnings}个，"
             f"未发现错误和警告的{clean}个；共发现错误{errors}项、警告{warnings}项。"]
    if r.year - 1 in r.totals:
        docs, e0, w0 = r.totals[r.year - 1]
        change = errors + warnings - e0 - w0
        word = "增加" if change > 0 else "减少" if change < 0 else "持平"
        amount = f"{abs(change)}项" if change else ""
        lines.append(f"上年（{r.year - 1}年度）{docs}个文件共有错误{e0}项、警告{w0}项，本年错误和警告合计{word}{amount}。")
    better = sum(1 for row in r.rows if (row.change(r.year) or 0) < 0)
    worse = sum(1 for row in r.rows if (row.change(r.year) or 0) > 0)
    if better or worse:
        lines.append(f"与上年相比，问题减少的单位{better}个，增加的{worse}个。")
    if r.rules:
        top = "、".join(f"{code}（{desc}，{count}项）" for code, desc, _, _, count, _ in r.rules[:3])
        lines.append(f"发现最多的问题：{top}。")
    dismissed = sum(row.false_alarms for row in r.rows)
    if dismissed:
        lines.append(f"另有{dismissed}项经审核人员确认为误报，未计入。")
    return lines


def charts(r: Review) -> list[Chart]:
    out = []
    if r.rules:
        top = r.rules[:10]
        out.append(Chart(key="规则", title=f"发现最多的问题（错误和警告，{r.year}年度与上年）", kind="bar",
                         labels=tuple(code for code, *_ in top), values=tuple(Decimal(n) for *_, n, _ in top),
                         prior=tuple(Decimal(last) for *_, last in top), unit="项"))
    years = [y for y in r.years if y in r.totals]
    if years:
        out.append(Chart(key="历年", title="历年错误和警告合计", kind="bar", labels=tuple(f"{y}年" for y in years),
                         values=tuple(Decimal(r.totals[y][1] + r.totals[y][2]) for y in years), unit="项"))
    with_errors = sum(1 for row in r.rows if row.errors)
    only_warnings = sum(1 for row in r.rows if not row.errors and row.warnings)
    out.append(Chart(key="单位", title=f"{r.year}年度各单位审核结果", kind="bar", labels=("有错误", "只有警告", "未发现问题"),
                     values=(Decimal(with_errors), Decimal(only_warnings), Decimal(len(r.rows) - with_errors - only_warnings)),
                     unit="个单位"))
    return out


def _change(row: UnitRow, year: int) -> str:
    c = row.change(year)
    if c is None:
        return "—"
    return f"↑{c}" if c > 0 else f"↓{-c}" if c < 0 else "持平"


def _trend(row: UnitRow, years: list[int]) -> list[str]:
    return [str(row.trend[y]) if y in row.trend else "—" for y in years]


# --------------------------------------------------------------------------- HTML

_CSS = """
@page{size:A4 landscape;margin:14mm 12mm}
body{font-family:"Noto Serif CJK SC","Source Han Serif SC","SimSun",serif;color:#111;margin:0 auto;max-width:1180px;line-height:1.55}
h1{font-size:22pt;text-align:center;margin:.4em 0 .1em;letter-spacing:.08em}
.sub{text-align:center;color:#444;font-size:10.5pt;margin-bottom:1.2em}
h2{font-size:14pt;margin:1.2em 0 .4em;border-left:5px solid #8b0000;padding-left:.4em;break-after:avoid}
p.lead{text-indent:2em;font-size:11.5pt;margin:.3em 0}
.charts{display:flex;flex-wrap:wrap;gap:8px;justify-content:space-between;break-inside:avoid}
.charts img{width:32.5%;border:1px solid #ccc}
table{border-collapse:collapse;width:100%;font-family:"Noto Sans CJK SC",sans-serif;font-size:9pt}
th,td{border:1px solid #555;padding:2px 4px}th{background:#e8e8e8;font-weight:bold;text-align:center}
td.n{text-align:right;font-variant-numeric:tabular-nums}td.err{color:#b00000;font-weight:bold}td.warn{color:#a85b00}
td.up{color:#b00000}td.down{color:#2e7d32}th.rule{font-family:monospace;font-size:7.5pt;writing-mode:vertical-rl;white-space:nowrap}
tr{break-inside:avoid}thead{display:table-header-group}.muted{color:#777}
.foot{margin-top:1.5em;font-size:9pt;color:#555;border-top:1px solid #999;padding-top:.4em}
"""


def _cls(value: int, kind: str) -> str:
    return f"n {kind}" if value else "n muted"


def html_page(r: Review) -> str:
    years = r.years
    top_rules = [code for code, *_ in r.rules[:HTML_RULE_COLUMNS]]
    out = ["<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">",
           f"<title>{_e(title(r))}</title><style>{_CSS}</style></head><body>",
           f"<h1>{_e(title(r))}</h1>",
           f"<div class=\"sub\">{_e(r.made.strftime('%Y年%m月%d日'))}生成　数据来源：{_e(r.database)}</div>",
           "<h2>一、总体情况</h2>"]
    out.extend(f"<p class=\"lead\">{_e(line)}</p>" for line in summary_lines(r))
    images = "".join(f"<img alt=\"{_e(c.title)}\" src=\"data:image/png;base64,{base64.b64encode(png(c)).decode()}\">"
                     for c in charts(r))
    out.append(f"<div class=\"charts\">{images}</div>")
    out.append("<h2>二、各单位审核结果（按问题多少排列）</h2>")
    head = ("<tr><th rowspan=\"2\">序号</th><th rowspan=\"2\">单位</th><th rowspan=\"2\">类型</th><th rowspan=\"2\">错误</th>"
            "<th rowspan=\"2\">警告</th><th rowspan=\"2\">提示</th><th rowspan=\"2\">较上年</th>"
            f"<th colspan=\"{len(years)}\">历年错误和警告</th>"
            + (f"<th colspan=\"{len(top_rules)}\">主要问题（按规则，项）</th>" if top_rules else "") + "</tr><tr>"
            + "".join(f"<th>{y}</th>" for y in years) + "".join(f"<th class=\"rule\">{_e(c)}</th>" for c in top_rules) + "</tr>")
    body = []
    for i, row in enumerate(r.rows, 1):
        change = row.change(r.year)
        cells = [f"<td class=\"n\">{i}</td>", f"<td>{_e(row.unit)}</td>", f"<td>{_e(_SCOPE.get(row.scope, row.scope))}</td>",
                 f"<td class=\"{_cls(row.errors, 'err')}\">{row.errors}</td>",
                 f"<td class=\"{_cls(row.warnings, 'warn')}\">{row.warnings}</td>", f"<td class=\"n\">{row.infos}</td>",
                 f"<td class=\"n {'up' if (change or 0) > 0 else 'down' if (change or 0) < 0 else 'muted'}\">{_e(_change(row, r.year))}</td>"]
        cells += [f"<td class=\"n\">{_e(v)}</td>" for v in _trend(row, years)]
        cells += [f"<td class=\"n\">{row.by_rule.get(c, '') or ''}</td>" for c in top_rules]
        body.append("<tr>" + "".join(cells) + "</tr>")
    out.append(f"<table><thead>{head}</thead><tbody>{''.join(body)}</tbody></table>")
    out.append("<h2>三、按规则统计</h2><table><thead><tr><th>规则代码</th><th>含义</th><th>严重程度</th><th>涉及单位</th>"
               f"<th>{r.year}年度</th><th>{r.year - 1}年度</th></tr></thead><tbody>")
    for code, desc, severity, units, count, last in r.rules:
        out.append(f"<tr><td><code>{_e(code)}</code></td><td>{_e(desc)}</td><td>{_e(_SEVERITY.get(severity, severity))}</td>"
                   f"<td class=\"n\">{units}</td><td class=\"n\">{count}</td><td class=\"n\">{last}</td></tr>")
    if not r.rules:
        out.append("<tr><td colspan=\"6\" class=\"muted\">本年度未发现错误和警告</td></tr>")
    out.append("</tbody></table>")
    out.append("<div class=\"foot\">说明：数字为错误和警告的项数（提示不计入）；“较上年”为本年错误和警告合计与上年之差；"
               "同一单位的部门决算与单位决算分列；同一年度有多个版本时取最新公开的版本。审核人员确认为误报的发现不计入。"
               "由 juesuan 生成。</div></body></html>\n")
    return "".join(out)


def write_html(r: Review, path: Path) -> Path:
    return write_text(path, html_page(r))


# --------------------------------------------------------------------------- Excel

def write_xlsx(r: Review, path: Path) -> Path:
    import io

    from openpyxl import Workbook
    from openpyxl.drawing.image import Image
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    bold, head_fill = Font(bold=True), PatternFill("solid", fgColor="E8E8E8")
    wb = Workbook()
    ws = wb.active
    ws.title = "汇总"
    ws["A1"] = title(r)
    ws["A1"].font = Font(bold=True, size=16)
    ws["A2"] = f"{r.made.strftime('%Y年%m月%d日')}生成；数据来源：{r.database}"
    for i, line in enumerate(summary_lines(r), 4):
        ws.cell(i, 1, line)
    row = 5 + len(summary_lines(r))
    for chart in charts(r):
        image = Image(io.BytesIO(png(chart)))
        image.width, image.height = image.width * 0.45, image.height * 0.45
        ws.add_image(image, f"A{row}")
        row += int(image.height / 20) + 2
    ws.column_dimensions["A"].width = 120

    years = r.years
    codes = [code for code, *_ in r.rules]
    units = wb.create_sheet("单位")
    header = ["序号", "单位", "类型", "地区", "错误", "警告", "提示", "误报（不计入）", "较上年",
              *(f"{y}年度" for y in years), *codes, "文件"]
    units.append(header)
    for i, u in enumerate(r.rows, 1):
        change = u.change(r.year)
        units.append([i, u.unit, _SCOPE.get(u.scope, u.scope), u.region, u.errors, u.warnings, u.infos, u.false_alarms,
                      change, *(u.trend.get(y) for y in years), *(u.by_rule.get(c) for c in codes), u.path])
    rules = wb.create_sheet("规则")
    rules.append(["规则代码", "含义", "严重程度", "涉及单位", f"{r.year}年度", f"{r.year - 1}年度"])
    for code, desc, severity, n_units, count, last in r.rules:
        rules.append([code, desc, _SEVERITY.get(severity, severity), n_units, count, last])
    trend = wb.create_sheet("历年")
    trend.append(["年度", "文件数", "错误", "警告"])
    for y, (docs, e, w) in r.totals.items():
        trend.append([y, docs, e, w])
    for sheet, widths in ((units, {2: 36, len(header): 50}), (rules, {2: 60})):
        for cell in sheet[1]:
            cell.font, cell.fill = bold, head_fill
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        for col, width in widths.items():
            sheet.column_dimensions[get_column_letter(col)].width = width
        sheet.freeze_panes = "C2" if sheet is units else "A2"
    for cell in trend[1]:
        cell.font, cell.fill = bold, head_fill
    with replacing(path) as temp:
        wb.save(str(temp))
    return path
