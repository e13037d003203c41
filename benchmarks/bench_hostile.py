"""Hostile inputs: time and peak memory until juesuan answers each one (issue 8: every input
within 10 s and 500 MB).

Usage: python benchmarks/bench_hostile.py [--keep DIR] [NAME ...]

Each input is made by tests/hostile.py (small on disk) and read in a fresh interpreter — as
``juesuan check`` or ``juesuan build`` would read it — so the peak RSS printed is that input's
alone. The answer printed is the one-line message (or "read" when the file was accepted).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import hostile  # noqa: E402

RAISED_ZIP_LIMITS = {"JUESUAN_LIMIT_ZIP_MEMBER_BYTES": str(2**31), "JUESUAN_LIMIT_ZIP_INFLATED_BYTES": str(2**31),
                     "JUESUAN_LIMIT_ZIP_RATIO": str(10**6)}

#: name → (maker, keyword arguments, reader: "document" | "data" | "profile", extra environment)
CASES = {
    "docx inflating to 2 GiB": (hostile.zip_bomb_docx, {}, "document", {}),
    "docx, 35 million empty paragraphs": (hostile.many_paragraphs_docx, {}, "document", {}),
    "  same, zip limits raised (XML count)": (hostile.many_paragraphs_docx, {}, "document", RAISED_ZIP_LIMITS),
    "docx with entity expansion": (hostile.entity_docx, {}, "document", {}),
    "docx nested 100,000 deep": (hostile.deep_xml_docx, {}, "document", {}),
    "  same, 10,000 deep (no ratio refusal)": (hostile.deep_xml_docx, {"depth": 10_000}, "document", {}),
    "HTML nested 100,000 deep": (hostile.deep_html, {}, "document", {}),
    "text 3.75 MB, line breaks lost": (hostile.lost_breaks_text, {}, "document", {}),
    "text 0.9 MB, line breaks lost": (hostile.lost_breaks_text, {"size": 900_000}, "document", {}),
    "text 75 MB, line breaks lost": (hostile.lost_breaks_text, {"size": 75_000_000}, "document", {}),
    "YAML data nested 100,000 deep": (hostile.deep_yaml, {}, "data", {}),
    "YAML profile nested 100,000 deep": (hostile.deep_yaml, {"name": "配置.yaml"}, "profile", {}),
    "PDF with 100,000 pages": (hostile.many_pages_pdf, {}, "document", {}),
    "PDF page with 1,000,000 characters": (hostile.dense_page_pdf, {}, "document", {}),
    "data workbook, 1,000,000-row sheet, sheets missing": (hostile.million_rows_workbook, {}, "data", {}),
    "published workbook, 1,000,000-row sheet": (hostile.million_rows_workbook, {"with_unit_sheet": False},
                                                 "document", {}),
    # accepted by the checks above: the limits must still keep the rest of the reading in bounds
    "HTML table of 16,000 rows (48,000 elements)": (hostile.big_table_html, {"rows": 16_000}, "document", {}),
    "text 1 MB of short lines": (hostile.many_lines_text, {}, "document", {}),
    "text table, 3,900 rows with blank cells unprinted": (hostile.blank_cells_text, {}, "document", {}),
    "budget text, 3,500 rows glued into one line": (hostile.glued_budget_text, {}, "document", {}),
    "docx of 300,000 paragraphs (900,000 elements)": (hostile.many_runs_docx, {}, "document", {}),
}

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="*", help="cases to run (substring match); all by default")
    ap.add_argument("--keep", type=Path, help="make the files in this folder and keep them")
    args = ap.parse_args()
    chosen = {k: v for k, v in CASES.items() if not args.names or any(n in k for n in args.names)}
    folder = args.keep or Path(tempfile.mkdtemp(prefix="hostile-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"{'input':<52} {'on disk':>9} {'seconds':>8} {'peak RSS':>9}  answer")
    worst_s = worst_mb = 0.0
    for name, (maker, kwargs, kind, env) in chosen.items():
        case = folder / f"{len(os.listdir(folder)):02d}"
        case.mkdir()
        path = maker(case, **kwargs)
        try:
            r = hostile.read_in_fresh_process(path, kind, env)
        except RuntimeError as exc:
            print(f"{name:<52} CRASH: {str(exc).strip().splitlines()[-1:]}")
            continue
        worst_s, worst_mb = max(worst_s, r["seconds"]), max(worst_mb, r["rss_mb"])
        size = path.stat().st_size / 2**20
        answer = r["answer"].replace(str(path), path.name) or "read"
        print(f"{name:<52} {size:7.2f}MB {r['seconds']:8.2f} {r['rss_mb']:7.0f}MB  {answer}", flush=True)
        if not args.keep:
            for f in case.iterdir():
                f.unlink()
    print(f"worst: {worst_s:.2f} s, {worst_mb:.0f} MB peak RSS")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
