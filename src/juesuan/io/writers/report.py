"""Audit reports: findings of ``juesuan check`` as text for people, JSON / JSON Lines for
machines (a public interface, see docs/json.md) and a self-contained HTML page that shows each
finding beside the passage it concerns, for sharing with the unit.

Where it sits: the end of the audit flow (``audit.check_path`` → here → the ``check`` command,
the web app). Each renderer takes :class:`juesuan.audit.DocumentResult` values (duck-typed:
path, profile, report, error, count(), unreadable, fault); the ``*_head``,
``*_document``, ``*_skipped`` and ``*_tail`` pieces let a batch stream one document at a time.
A file met while walking a folder that is not a disclosure is "skipped": one line in the text and
HTML reports, an entry of ``skipped`` in the JSON run object.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from typing import TYPE_CHECKING, Iterable, Mapping, Sequence

from ...core.findings import Finding, Severity, finding_to_dict
from ...core.identity import Identity
from ...core.model import Span

if TYPE_CHECKING:  # the result record lives in juesuan.audit, above this layer
    from ...audit import DocumentResult

SCHEMA_VERSION = 1
_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


# --------------------------------------------------------------------------- shared

def document_dict(result: DocumentResult) -> dict:
    """The stable JSON object of one document (docs/json.md)."""
    if result.report is None:
        checks = {"run": 0, "passed": 0, "failed": 0, "not_run": []}
        findings: list[dict] = []
    else:
        checks = result.report.summary()
        findings = [finding_to_dict(f) for f in result.report.findings]
    return {
        "path": result.path,
        "profile": result.profile,
        "identity": identity_dict(result.identity),
        "error": result.error or None,
        "findings": findings,
        "checks": checks,
        "counts": counts(result),
        "comparisons": comparisons(result),
    }


def comparisons(result: DocumentResult) -> list[dict]:
    """What the checks across documents compared (docs/json.md): with which document, how many
    figures, how many agree — from their summary findings."""
    from ...rules.checks.across import SUMMARY_CODES

    out = []
    for f in result.findings:
        if f.code in SUMMARY_CODES:
            out.append({"rule": f.code, "message": f.message, "compared": int(f.figures.get("核对", 0)),
                        "agreed": int(f.figures.get("一致", 0))})
    return out


def identity_dict(identity: Identity | None) -> dict | None:
    """What the document was identified as (docs/json.md), or None when it could not be read."""
    if identity is None:
        return None
    return {
        "kind": identity.kind, "scope": identity.scope, "form": identity.form, "label": identity.label,
        "year": identity.year, "region": identity.region, "unit": identity.unit, "layout": identity.profile,
        "partial": identity.partial or None, "contents_tables": list(identity.toc_tables),
        "basis": dict(identity.basis), "confidence": dict(identity.confidence),
    }


def identity_line(identity: Identity) -> str:
    """"识别：上海市普陀区财政局 2024年度部门决算（上海，按 shanghai-2024 格式审核）；依据：地区——单位名称…（高）"."""
    sure = identity.confidence
    basis = "；".join(f"{_FIELD.get(k, k)}——{v}（{sure.get(k, '')}）" for k, v in identity.basis.items())
    return f"识别：{identity.describe()}" + (f"；依据：{basis}" if basis else "")


_FIELD = {"kind": "类型", "year": "年度", "region": "地区", "unit": "单位", "form": "格式", "profile": "审核格式"}


def counts(result: DocumentResult) -> dict:
    return {
        "error": result.count(Severity.ERROR),
        "warning": result.count(Severity.WARNING),
        "info": result.count(Severity.INFO),
        "unreadable": result.unreadable,
        "fault": bool(getattr(result, "fault", False)),
    }


def _rank(f: Finding) -> int:
    return _ORDER[f.severity]


def _position(f: Finding) -> tuple[int, int, int]:
    """Where the finding's first passage is, for ordering: page, line; findings without a passage last."""
    if not f.spans:
        return (1, 0, 0)
    sp = f.spans[0]
    return (0, sp.page or 0, sp.line or 0)


def ordered_groups(findings: Iterable[Finding]) -> list[tuple[str, list[Finding]]]:
    """Findings grouped by document section; groups ordered by their most severe finding (errors,
    then warnings, then info; ties keep the order the checks reported them, which follows the
    document), and within a group by severity, then position in the document."""
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        groups.setdefault(f.section or "其他", []).append(f)
    ordered = [(name, sorted(items, key=lambda f: (_rank(f), _position(f)))) for name, items in groups.items()]
    return sorted(ordered, key=lambda g: _rank(g[1][0]))


def key_points(findings: Iterable[Finding]) -> list[Finding]:
    """The error and warning findings for the 要点 list: errors first, then warnings, each in
    the order of the detailed groups."""
    flat = [f for _, items in ordered_groups(findings) for f in items if f.severity is not Severity.INFO]
    return sorted(flat, key=_rank)


def short(message: str, width: int = 72) -> str:
    """A message cut to ``width`` characters for one line of the 要点 list."""
    text = " ".join(message.split())
    return text if len(text) <= width else text[: width - 1] + "…"


_EXCEL_REF = re.compile(r"^[A-Z]{1,3}\d+$")


def where(span: Span) -> str:
    """A location as a reviewer looks it up: "第5页 第12行" in a PDF, "第8页 收入决算表“合计”行
    “本年收入合计”栏" for a PDF table cell, "工作表“收入决算表” C11单元格" in a workbook,
    "第42行" in a text file."""
    parts = []
    if span.page is not None:
        parts.append(f"第{span.page}页")
    if span.line is not None:
        parts.append(f"第{span.line}行")
    if span.cell:
        parts.append(_cell(span.cell, in_pdf=span.page is not None))
    return " ".join(parts)


def _cell(cell: str, in_pdf: bool) -> str:
    sheet, bang, ref = cell.rpartition("!")
    if not bang:
        return cell
    if _EXCEL_REF.match(ref) and not in_pdf:
        return f"工作表“{sheet}” {ref}单元格"
    row, slash, col = ref.partition("/")
    if row and slash and col:
        return f"{sheet}“{row}”行“{col}”栏"
    return f"{sheet}“{ref}”行" if ref else sheet


def _info_summary(items: Sequence[Finding]) -> str:
    rounding = sum(1 for f in items if f.code.endswith("ROUNDING"))
    return f"提示 {len(items)} 项" + ("（多为四舍五入差异）" if rounding * 2 > len(items) else "")


def _window(span: Span, width: int = 36) -> str:
    """A short piece of the passage around the hit, for one line of text output."""
    text = span.excerpt.strip()
    if len(text) <= 2 * width + 10:
        return text
    if span.start is not None and span.end is not None and 0 <= span.start <= len(span.excerpt):
        lo = max(span.start - width, 0)
        hi = min((span.end or span.start) + width, len(span.excerpt))
        return ("…" if lo else "") + span.excerpt[lo:hi].strip() + ("…" if hi < len(span.excerpt) else "")
    return text[: 2 * width] + "…"


# --------------------------------------------------------------------------- text

def figures_line(figures: Mapping[str, str]) -> str:
    """A finding's figures on one line: "数字：收入总计 1,800.00；差额 12.77"."""
    return "数字：" + "；".join(f"{k} {v}" for k, v in figures.items())


def text_document(result: DocumentResult) -> str:
    lines = [f"文件：{result.path}" + (f"（配置：{result.profile}）" if result.profile else "")]
    if result.report is None:
        lines.append(f"  无法读取：{result.error}")
        return "\n".join(lines) + "\n"
    if result.identity is not None:
        lines.append(f"  {identity_line(result.identity)}")
    c = counts(result)
    lines.append(f"  错误 {c['error']} 项，警告 {c['warning']} 项，提示 {c['info']} 项")
    for item in comparisons(result):
        lines.append(f"  跨文件核对：{item['message']}")
    points = key_points(result.report.findings)
    lines.append("  要点：" + ("" if points else "无错误、警告"))
    for n, f in enumerate(points, 1):
        loc = where(f.spans[0]) if f.spans else ""
        lines.append(f"    {n}. [{f.severity.label}] {f.code}  {short(f.message)}" + (f"（{loc or f.section}）" if loc or f.section else ""))
    for section, items in ordered_groups(result.report.findings):
        lines.append(f"  【{section}】")
        for f in items:
            lines.append(f"    [{f.severity.label}] {f.code}  {f.message}")
            if f.spans:
                sp = f.spans[0]
                loc = where(sp)
                if loc:
                    lines.append(f"        位置：{loc}")
                if sp.excerpt:
                    lines.append(f"        原文：{_window(sp)}")
            if f.figures:
                lines.append(f"        {figures_line(f.figures)}")
    s = result.report.summary()
    lines.append(f"  检查项：运行 {s['run']}，通过 {s['passed']}，未通过 {s['failed']}，未运行 {len(s['not_run'])}")
    by_reason: dict[str, list[str]] = {}
    for item in s["not_run"]:
        by_reason.setdefault(item["reason"], []).append(item["check"])
    for reason, ids in by_reason.items():
        lines.append(f"    未运行（{reason}）：{'、'.join(ids)}")
    return "\n".join(lines) + "\n"


def skipped_text(message: str) -> str:
    """One line for a file skipped in a folder walk; ``message`` names the file and why."""
    return f"跳过：{message}\n"


def _status(c: dict) -> str:
    return "程序出错" if c.get("fault") else "无法读取" if c["unreadable"] else "已审核"


def summary_table(rows: Sequence[tuple[str, dict]], skipped: int = 0) -> str:
    """Per document: errors, warnings, info, unreadable — a plain-text table; then how many files
    of the folders walked were skipped as not disclosures."""
    header = ("文件", "错误", "警告", "提示", "状态")
    body = [(path, str(c["error"]), str(c["warning"]), str(c["info"]), _status(c)) for path, c in rows]
    total = ("合计", *(str(sum(int(r[i]) for r in body)) for i in (1, 2, 3)), f"无法读取 {sum(c['unreadable'] for _, c in rows)}")
    table = [header, *body, total]
    widths = [max(_width(r[i]) for r in table) for i in range(len(header))]
    out = []
    for n, row in enumerate(table):
        out.append("  ".join(cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(row)).rstrip())
        if n == 0 or n == len(table) - 2:
            out.append("  ".join("-" * w for w in widths))
    if skipped:
        out.append(f"另跳过 {skipped} 个不是决算公开的文件")
    return "\n".join(out) + "\n"


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def render_text(results: Sequence[DocumentResult]) -> str:
    parts = [text_document(r) for r in results]
    if len(results) > 1:
        parts.append(summary_table([(r.path, counts(r)) for r in results]))
    return "\n".join(parts)


# --------------------------------------------------------------------------- JSON

def jsonl_line(result: DocumentResult) -> str:
    """One line of JSON Lines: the document object, no trailing newline."""
    return json.dumps(document_dict(result), ensure_ascii=False)


def json_head() -> str:
    return '{"tool": "juesuan", "schema": %d, "documents": [' % SCHEMA_VERSION


def json_document(result: DocumentResult, first: bool) -> str:
    return ("" if first else ",") + "\n" + json.dumps(document_dict(result), ensure_ascii=False, indent=2)


def json_tail(rows: Sequence[tuple[str, dict]], skipped: Sequence[tuple[str, str]] = ()) -> str:
    """The end of the run object: the skipped files (path, reason) and the summary."""
    summary = {
        "documents": len(rows),
        "error": sum(c["error"] for _, c in rows),
        "warning": sum(c["warning"] for _, c in rows),
        "info": sum(c["info"] for _, c in rows),
        "unreadable": sum(1 for _, c in rows if c["unreadable"]),
        "fault": sum(1 for _, c in rows if c.get("fault")),
        "skipped": len(skipped),
    }
    entries = [{"path": path, "reason": reason} for path, reason in skipped]
    return ("\n], \"skipped\": " + json.dumps(entries, ensure_ascii=False)
            + ", \"summary\": " + json.dumps(summary, ensure_ascii=False) + "}\n")


def render_json(results: Sequence[DocumentResult]) -> str:
    """One JSON object for the run: ``{"tool", "schema", "documents": [...], "summary": {...}}``."""
    parts = [json_head()]
    for i, r in enumerate(results):
        parts.append(json_document(r, i == 0))
    parts.append(json_tail([(r.path, counts(r)) for r in results]))
    return "".join(parts)


# --------------------------------------------------------------------------- HTML

_CSS = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:2em auto;max-width:1200px;color:#222;line-height:1.6}
h1{font-size:1.5em}h2{font-size:1.2em;border-bottom:2px solid #ccc;padding-bottom:.2em;margin-top:2em}h3{font-size:1.05em;color:#444}
.finding{display:grid;grid-template-columns:1fr 1fr;gap:1em;border:1px solid #ddd;border-left-width:6px;margin:.6em 0;padding:.6em;border-radius:4px}
.error{border-left-color:#c62828}.warning{border-left-color:#ef8f00}.info{border-left-color:#1e6fbf}
.sev{display:inline-block;padding:0 .5em;border-radius:3px;color:#fff;font-size:.85em;margin-right:.4em}
.sev.error{background:#c62828}.sev.warning{background:#ef8f00}.sev.info{background:#1e6fbf}
.code{font-family:monospace;color:#555}.passage{background:#fafafa;padding:.5em;border-radius:3px;white-space:pre-wrap}
.passage mark{background:#ffe082}.where{color:#777;font-size:.85em}
table{border-collapse:collapse;margin:.3em 0}td,th{border:1px solid #ddd;padding:.15em .5em;font-size:.9em;text-align:left}
td.num{text-align:right;font-family:monospace}.unreadable{color:#c62828;font-weight:bold}.skipped{color:#777}.checks{color:#555;font-size:.9em}
.comparison{background:#eef5ec;border:1px solid #c8dcc2;border-radius:4px;padding:.3em .8em}
.keypoints{background:#fff8f0;border:1px solid #f0d8c0;border-radius:4px;padding:.2em 1em .6em}.keypoints ol{margin:.3em 0;padding-left:1.6em}
.keypoints li{margin:.25em 0}.keypoints a{color:#222;text-decoration:none}.keypoints a:hover{text-decoration:underline}
details.info-findings{margin:1em 0;border:1px solid #dde6f0;border-radius:4px;padding:.3em .8em}
details.info-findings>summary{cursor:pointer;color:#1e6fbf;font-weight:bold}h4{font-size:.95em;color:#555;margin:.8em 0 .2em}
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _passage(span: Span, width: int = 100) -> str:
    """The passage with the hit marked; a long passage is cut to the hit's neighbourhood with the
    whole text one click away."""
    text = span.excerpt
    if span.start is None or span.end is None or not (0 <= span.start < span.end <= len(text)):
        return _e(text)
    marked = _e(text[: span.start]) + "<mark>" + _e(text[span.start: span.end]) + "</mark>" + _e(text[span.end:])
    if len(text) <= 2 * width + 40:
        return marked
    lo, hi = max(span.start - width, 0), min(span.end + width, len(text))
    cut = (("…" if lo else "") + _e(text[lo: span.start]) + "<mark>" + _e(text[span.start: span.end]) + "</mark>"
             + _e(text[span.end: hi]) + ("…" if hi < len(text) else ""))
    return f"{cut}<details><summary>全文</summary>{marked}</details>"


def _finding_html(f: Finding, anchor: str = "") -> str:
    sev = f.severity.value
    figures = "".join(f"<tr><th>{_e(k)}</th><td class=\"num\">{_e(v)}</td></tr>" for k, v in f.figures.items())
    left = (f"<div><span class=\"sev {sev}\">{_e(f.severity.label)}</span><span class=\"code\">{_e(f.code)}</span>"
            f"<p>{_e(f.message)}</p>" + (f"<table>{figures}</table>" if figures else "") + "</div>")
    passages = []
    for sp in f.spans[:3]:
        loc = where(sp)
        if sp.excerpt:
            passages.append((f"<div class=\"where\">{_e(loc)}</div>" if loc else "") + f"<div class=\"passage\">{_passage(sp)}</div>")
        elif loc:
            passages.append(f"<div class=\"where\">{_e(loc)}</div>")
    right = "<div>" + ("".join(passages) or "<div class=\"where\">（无对应原文）</div>") + "</div>"
    ident = f" id=\"{anchor}\"" if anchor else ""
    return f"<div class=\"finding {sev}\"{ident}>{left}{right}</div>"


def html_head(title: str = "决算公开审核报告") -> str:
    return (f"<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{_e(title)}</title>"
            f"<style>{_CSS}</style></head><body><h1>{_e(title)}</h1>\n")


def _anchors(result: DocumentResult, findings: Sequence[Finding]) -> dict[int, str]:
    """A page-unique id for each finding (by ``id()``), so the 要点 list can link to it."""
    stem = "f" + hashlib.sha1(result.path.encode("utf-8")).hexdigest()[:8]
    return {id(f): f"{stem}-{n}" for n, f in enumerate(findings, 1)}


def html_document(result: DocumentResult) -> str:
    """One document: counts, the 要点 list (errors and warnings, each linked to its detail), the
    error and warning findings grouped by section, then the info findings folded away."""
    out = [f"<section class=\"document\"><h2>{_e(result.path)}</h2>"]
    if result.report is None:
        out.append(f"<p class=\"unreadable\">无法读取：{_e(result.error)}</p></section>\n")
        return "".join(out)
    c = counts(result)
    if result.identity is not None:
        out.append(f"<p class=\"identity\">{_e(identity_line(result.identity))}</p>")
    out.append(f"<p>配置：{_e(result.profile)}；错误 {c['error']} 项，警告 {c['warning']} 项，提示 {c['info']} 项。</p>")
    for item in comparisons(result):
        out.append(f"<p class=\"comparison\">跨文件核对：{_e(item['message'])}</p>")
    groups = ordered_groups(result.report.findings)
    anchors = _anchors(result, [f for _, items in groups for f in items])
    points = key_points(result.report.findings)
    out.append("<div class=\"keypoints\"><h3>要点</h3>")
    if points:
        out.append("<ol>" + "".join(
            f"<li><span class=\"sev {f.severity.value}\">{_e(f.severity.label)}</span><span class=\"code\">{_e(f.code)}</span> "
            f"<a href=\"#{anchors[id(f)]}\">{_e(short(f.message))}</a>"
            f" <span class=\"where\">{_e((where(f.spans[0]) if f.spans else '') or f.section)}</span></li>" for f in points) + "</ol>")
    else:
        out.append("<p>无错误、警告。</p>")
    out.append("</div>")
    for section, items in groups:
        shown = [f for f in items if f.severity is not Severity.INFO]
        if shown:
            out.append(f"<h3>{_e(section)}</h3>")
            out.extend(_finding_html(f, anchors[id(f)]) for f in shown)
    infos = [(section, [f for f in items if f.severity is Severity.INFO]) for section, items in groups]
    infos = [(section, items) for section, items in infos if items]
    if infos:
        all_info = [f for _, items in infos for f in items]
        out.append(f"<details class=\"info-findings\"><summary>{_e(_info_summary(all_info))}</summary>")
        for section, items in infos:
            out.append(f"<h4>{_e(section)}</h4>")
            out.extend(_finding_html(f, anchors[id(f)]) for f in items)
        out.append("</details>")
    s = result.report.summary()
    out.append(f"<p class=\"checks\">检查项：运行 {s['run']}，通过 {s['passed']}，未通过 {s['failed']}，未运行 {len(s['not_run'])}。</p>")
    if s["not_run"]:
        out.append("<details><summary>未运行的检查</summary><ul>"
                   + "".join(f"<li>{_e(n['check'])}：{_e(n['reason'])}</li>" for n in s["not_run"]) + "</ul></details>")
    out.append("</section>\n")
    return "".join(out)


def html_skipped(message: str) -> str:
    """One line for a file skipped in a folder walk."""
    return f"<p class=\"skipped\">跳过：{_e(message)}</p>\n"


def html_tail(rows: Sequence[tuple[str, dict]], skipped: int = 0) -> str:
    body = "".join(
        f"<tr><td>{_e(p)}</td><td class=\"num\">{c['error']}</td><td class=\"num\">{c['warning']}</td>"
        f"<td class=\"num\">{c['info']}</td><td>{_status(c)}</td></tr>" for p, c in rows)
    note = f"<p class=\"skipped\">另跳过 {skipped} 个不是决算公开的文件。</p>" if skipped else ""
    return ("<h2>汇总</h2><table class=\"summary\"><tr><th>文件</th><th>错误</th><th>警告</th><th>提示</th><th>状态</th></tr>"
            + body + "</table>" + note + "</body></html>\n")


def render_html(results: Sequence[DocumentResult]) -> str:
    """A self-contained HTML page: per document, the 要点 list, findings grouped by section (most
    severe first), each beside its passage, info findings folded under a ``<details>``."""
    return html_head() + "".join(html_document(r) for r in results) + html_tail([(r.path, counts(r)) for r in results])
