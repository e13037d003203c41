"""Findings that should not change when a text is pasted differently.

Each transform rewrites a text the way copying does (hard-wrapped lines, half-width punctuation,
traditional characters, thousands separators dropped, blank lines between lines, CRLF) and keeps
its content. The audit of the rewritten text should give the same errors and warnings; a new error
is one a reviewer would find false, a lost one a defect the copy hides.

    python benchmarks/metamorphic.py [DIR ...] [--transform NAME ...] [--details]

Without DIR it runs over the golden set's text documents. Besides the pastes, each text is
written as a web page and a Word document (``html``, ``docx``) and, when asked (``--transform
pdf``), printed to PDF by LibreOffice. Prints, per transform, how many documents
gained or lost an error or a warning, and with ``--details`` which.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from juesuan.audit import check_path  # noqa: E402
from juesuan.core.findings import Severity  # noqa: E402

COUNTED = (Severity.ERROR, Severity.WARNING)


def _wrap(text: str, width: int = 37) -> str:
    """Every line of prose cut into pieces of ``width`` characters, as a PDF's text layer gives a
    paragraph (table rows, 目录 lines and a page collapsed into one line keep their line)."""
    out = []
    for line in text.split("\n"):
        prose = ("。" in line and "|" not in line and "..." not in line and "  " not in line.strip()
                 and len(line) <= 600)
        out.extend(line[i:i + width] for i in range(0, len(line), width)) if prose else out.append(line)
    return "\n".join(out)


def _halfwidth(text: str) -> str:
    return text.translate(str.maketrans("，：；（）", ",:;()"))


def _traditional(text: str) -> str:
    from opencc import OpenCC
    return OpenCC("s2t").convert(text)


def _no_separators(text: str) -> str:
    return re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", text)


def _fullwidth_digits(text: str) -> str:
    return text.translate(str.maketrans("0123456789%", "０１２３４５６７８９％"))


def _spaced_numbers(text: str) -> str:
    """A space on each side of every number, as many PDFs' text layers give "增加 32.19 万元"."""
    return re.sub(r"(?<=[\u4e00-\u9fff])(?=\d)|(?<=\d)(?=[\u4e00-\u9fff])", " ", text)


def _title(lines: list[str]) -> str:
    """The document's title as a running header repeats it: its first short line naming 决算 or 预算."""
    return next((x.strip() for x in lines if re.search("决算|预算", x) and len(x.strip()) <= 40), lines[0])


def _every(text: str, make: Callable[[int, list[str]], str], step: int = 25) -> str:
    """The line(s) ``make(page, lines)`` gives after every ``step`` lines, wherever they fall
    (mid-paragraph included), as a PDF's page furniture comes between a page's last line and the
    next page's first (a running header: the page number, then the document's title)."""
    if "\f" in text:
        return text  # its pages are known: furniture elsewhere would be no copy's
    lines = text.split("\n")
    out = []
    for i, line in enumerate(lines, 1):
        out.append(line)
        if i % step == 0 and i < len(lines):
            out.append(make(i // step, lines))
    return "\n".join(out)


def _blocks(text: str):
    """("p", line) for each line and ("table", rows) for each run of "|" rows (a markdown table's
    rule row dropped), in order; form feeds become page breaks ("page", "")."""
    rows: list[list[str]] = []
    for line in text.replace("\r\n", "\n").split("\n"):
        for k, piece in enumerate(line.split("\f")):
            if k:
                yield "page", ""
            if piece.lstrip().startswith("|") and piece.count("|") >= 2:  # not a cell a line ("49.9 |")
                cells = [c.strip() for c in piece.strip().strip("|").split("|")]
                if not all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
                    rows.append(cells)
                continue
            if rows:
                yield "table", rows
                rows = []
            yield "p", piece
    if rows:
        yield "table", rows


def _html(text: str) -> str:
    """The text as a portal's article page: a site header, the lines as paragraphs, the tables as
    tables, a footer."""
    from html import escape
    body = []
    for kind, item in _blocks(text):
        if kind == "table":
            body.append("<table border=\"1\">" + "".join(
                "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in item) + "</table>")
        elif kind == "p" and item.strip():
            body.append(f"<p>{escape(item.strip())}</p>")
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>政务公开</title></head><body>"
            "<div class=\"header\"><a href=\"/\">首页</a> <a href=\"/zwgk\">政务公开</a></div>"
            "<div class=\"breadcrumb\">您当前的位置：首页 &gt; 政务公开 &gt; 财政预决算</div>"
            "<div class=\"article\">" + "\n".join(body) + "</div>"
            "<div class=\"footer\">版权所有 主办单位</div></body></html>")


def _docx(text: str, path: Path) -> None:
    """The text as a Word document: the lines as paragraphs, the tables as tables, form feeds as
    page breaks."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Pt
    doc = docx.Document()
    body = doc.styles["Normal"]  # as a government document sets it: justified, first line indented two characters
    body.font.size = Pt(14)
    body.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    body.paragraph_format.first_line_indent = Pt(28)
    for kind, item in _blocks(text):
        if kind == "table":
            width = max(len(r) for r in item)
            table = doc.add_table(rows=len(item), cols=width)
            table.style = "Table Grid"  # ruled, as published tables are
            for r, row in enumerate(item):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
        elif kind == "page":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif item.strip():
            doc.add_paragraph(item.strip())
    doc.save(str(path))


def _pdf(text: str, path: Path) -> None:
    """The Word document (:func:`_docx`) printed to PDF by LibreOffice: its own line breaks,
    left-aligned, quotes and digits in other fonts. Needs ``soffice`` (a few seconds a file)."""
    import os
    import shutil
    import subprocess
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / (path.stem + ".docx")
        _docx(text, source)
        soffice = shutil.which("soffice") or shutil.which("libreoffice") or "soffice"
        subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(source)], check=True,
                       capture_output=True, timeout=300, env={**os.environ, "HOME": tmp})
        shutil.move(str(source.with_suffix(".pdf")), path)


#: Other formats the same text is published in: name -> (suffix, writer of the file). "pdf" is
#: left out of the default run (LibreOffice, a few seconds a file): name it with --transform.
FORMATS: dict[str, tuple[str, Callable[[str, Path], None]]] = {
    "html": (".html", lambda t, p: p.write_text(_html(t), encoding="utf-8")),
    "docx": (".docx", _docx),
    "pdf": (".pdf", _pdf),
}
SLOW = ("pdf",)

TRANSFORMS: dict[str, Callable[[str], str]] = {
    "wrap": _wrap,
    "halfwidth": _halfwidth,
    "traditional": _traditional,
    "no-separators": _no_separators,
    "fullwidth-digits": _fullwidth_digits,
    "spaced-numbers": _spaced_numbers,
    "page-marks": lambda t: _every(t, lambda n, _: f"- {n + 1} -"),
    "form-feeds": lambda t: _every(t, lambda n, _: "\f").replace("\n\f\n", "\f"),
    "running-header": lambda t: _every(t, lambda n, lines: f"- {n + 1} -\n" + _title(lines)),
    "collapsed": lambda t: " ".join(x.strip() for x in t.split("\n") if x.strip()),
    "nbsp": lambda t: t.replace(" ", "\u00a0"),
    "blank-lines": lambda t: "\n\n".join(t.split("\n")),
    "crlf": lambda t: t.replace("\n", "\r\n"),
}


def findings(path: Path) -> Counter:
    result = check_path(str(path))
    if result.error:
        return Counter({("UNREAD", "error"): 1})
    return Counter((f.code, f.severity.value) for f in result.findings if f.severity in COUNTED)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dirs", nargs="*", type=Path)
    ap.add_argument("--transform", action="append", choices=sorted(TRANSFORMS) + sorted(FORMATS))
    ap.add_argument("--details", action="store_true")
    args = ap.parse_args(argv)
    dirs = args.dirs or [ROOT / "tests" / "golden" / "docs"]
    files = sorted(p for d in dirs for p in d.glob("*.txt"))
    names = args.transform or list(TRANSFORMS) + [f for f in FORMATS if f not in SLOW]
    base = {p: findings(p) for p in files}
    rows, notes = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            gained = lost = 0
            for p in files:
                text = p.read_text(encoding="utf-8")
                if name in FORMATS:
                    suffix, write = FORMATS[name]
                    copy = (Path(tmp) / p.name).with_suffix(suffix)
                    write(text, copy)
                else:
                    copy = Path(tmp) / p.name
                    copy.write_text(TRANSFORMS[name](text), encoding="utf-8", newline="")
                after = findings(copy)
                more, fewer = after - base[p], base[p] - after
                gained += bool(more)
                lost += bool(fewer)
                if more or fewer:
                    notes.append(f"{name} {p.name}: +{dict(more)} -{dict(fewer)}")
            rows.append(f"| {name} | {len(files)} | {gained} | {lost} |")
    print("| transform | documents | gained a finding | lost a finding |\n|---|---|---|---|")
    print("\n".join(rows))
    if args.details:
        print("\n".join(notes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
