"""Start-up and per-document floor: a whole ``juesuan check`` process on one PDF against a bare
pypdfium2 text pass over the same file, measured in one run; a warm worker's time per document;
and ``juesuan build`` of the example without PDF.

Usage: python benchmarks/bench_startup.py [PDF] [--runs 5]
(default: the 25-page shanghai-putuo-caizhengju-2024-juesuan.pdf in ../shared/corpus).

Whole processes are timed from outside (best of ``--runs``, after one run that writes the .pyc
files an installed juesuan has, even where PYTHONDONTWRITEBYTECODE is set) with their peak
resident memory (``ru_maxrss`` of the child). The warm figure runs read + check again and again in this process
after a first run, as a worker of a batch does. The issue's targets: check ≤ 0.27 s and ≤ 60 MB,
a warm worker ≤ 0.12 s per document, build without PDF ≤ 1 s.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PDF = ROOT.parent / "shared" / "corpus" / "shanghai-putuo-caizhengju-2024-juesuan.pdf"
BARE = """
import sys, pypdfium2 as pdfium
doc = pdfium.PdfDocument(sys.argv[1])
n = 0
for i in range(len(doc)):
    n += len(doc[i].get_textpage().get_text_range())
"""


def whole(command: list[str], runs: int) -> tuple[float, float]:
    """Best wall time (s) and the largest peak RSS (MiB) of ``command`` as a fresh process."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # an installed juesuan has .pyc
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=env)  # writes them
    best, peak = float("inf"), 0.0
    for _ in range(runs):
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=env)
        _, _, usage = os.wait4(child.pid, 0)  # this child's own peak, not the largest of all children so far
        child.returncode = 0
        best = min(best, time.perf_counter() - started)
        peak = max(peak, usage.ru_maxrss)
    return best, peak / 1024


def warm(pdf: Path, runs: int) -> float:
    from bench_read_pdf import best  # this folder is on the path when a benchmark runs as a script
    from juesuan.audit import check_path

    check_path(pdf)
    return best(check_path, pdf, runs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdf", nargs="?", type=Path, default=DEFAULT_PDF)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    if not args.pdf.is_file():
        print(f"no PDF at {args.pdf}")
        return 2
    py = sys.executable
    bare_s, bare_mb = whole([py, "-c", BARE, str(args.pdf)], args.runs)
    check_s, check_mb = whole([py, "-m", "juesuan.apps.cli", "check", str(args.pdf), "--format", "jsonl"], args.runs)
    import_s, import_mb = whole([py, "-c", "import juesuan.audit, juesuan.io.readers.pdf"], args.runs)
    with tempfile.TemporaryDirectory() as tmp:
        build_s, build_mb = whole([py, "-m", "juesuan.apps.cli", "build", str(ROOT / "examples" / "changji-2024"),
                                   "-o", tmp, "--format", "docx,html,md,xlsx"], max(1, args.runs // 2))
    warm_s = warm(args.pdf, args.runs)
    print(f"{args.pdf.name} on {os.cpu_count()} cores, best of {args.runs}")
    print(f"{'what':<40} {'s':>7} {'MiB':>6}")
    print(f"{'bare pypdfium2 text pass (process)':<40} {bare_s:7.3f} {bare_mb:6.0f}")
    print(f"{'juesuan check (process)':<40} {check_s:7.3f} {check_mb:6.0f}")
    print(f"{'  of which imports (process)':<40} {import_s:7.3f} {import_mb:6.0f}")
    print(f"{'warm worker, per document':<40} {warm_s:7.3f}")
    print(f"{'juesuan build, no PDF (process)':<40} {build_s:7.3f} {build_mb:6.0f}")
    print(f"check / bare = {check_s / bare_s:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
