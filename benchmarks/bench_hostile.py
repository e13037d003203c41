"""Hostile inputs: time and peak memory until juesuan answers each one (issue 8: every input
within 10 s and 500 MB).

Usage: python benchmarks/bench_hostile.py [--keep DIR] [NAME ...]

Each input is made by tests/hostile.py (small on disk) and read in a fresh interpreter — as
``juesuan check`` or ``juesuan build`` would read it — so the peak RSS printed is that input's
alone. The answer printed is the one-line message (or "read" when the file was accepted).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import textwrap
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
    "docx of 300,000 paragraphs (900,000 elements)": (hostile.many_runs_docx, {}, "document", {}),
}

_READ = textwrap.dedent("""
    import json, sys, time
    from juesuan.core.findings import InputError

    def peak_rss_mb():  # this process image's high-water mark (ru_maxrss would include the parent's)
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return 0.0
    kind, path = sys.argv[1], sys.argv[2]
    start = time.perf_counter()
    try:
        if kind == "data":
            from juesuan.io.readers.data import load
            load(path)
        elif kind == "profile":
            from juesuan.core.profiles import load_profile
            load_profile(path)
        else:
            from juesuan.io.readers import read_document
            read_document(path)
        answer = "read"
    except InputError as exc:
        answer = str(exc)
    print(json.dumps({"answer": answer, "seconds": time.perf_counter() - start,
                      "rss_mb": peak_rss_mb()}))
""")


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
        proc = subprocess.run([sys.executable, "-c", _READ, kind, str(path)], capture_output=True, text=True,
                              env={**os.environ, **env}, timeout=600)
        if proc.returncode != 0:
            print(f"{name:<52} CRASH: {proc.stderr.strip().splitlines()[-1:]}")
            continue
        r = json.loads(proc.stdout)
        worst_s, worst_mb = max(worst_s, r["seconds"]), max(worst_mb, r["rss_mb"])
        size = path.stat().st_size / 2**20
        answer = r["answer"].replace(str(path), path.name)
        print(f"{name:<52} {size:7.2f}MB {r['seconds']:8.2f} {r['rss_mb']:7.0f}MB  {answer}", flush=True)
        if not args.keep:
            for f in case.iterdir():
                f.unlink()
    print(f"worst: {worst_s:.2f} s, {worst_mb:.0f} MB peak RSS")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
