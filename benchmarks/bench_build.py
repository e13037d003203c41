"""Time `build` of the example in each format and report peak memory.

Usage: python benchmarks/bench_build.py [DATA] [--runs N]
Each format but PDF is timed over N runs (load + compose + write, fresh each run); PDF (LibreOffice)
is timed separately, fewer runs. Peak memory is the process's maximum resident set size
(resource.getrusage ru_maxrss) after all runs, plus the tracemalloc peak of Python allocations
for one full non-PDF build. Targets: every format but PDF < 2 s, < 300 MB.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from juesuan.compose import build
from juesuan.io.writers import pdf

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ("docx", "html", "md", "xlsx")


def _time(data: Path, formats: tuple[str, ...], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="juesuan-bench-") as tmp:
            start = time.perf_counter()
            build(data, tmp, formats=formats)
            times.append(time.perf_counter() - start)
    return times


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(ROOT / "examples" / "changji-2024"))
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    data = Path(args.data)
    _time(data, ("md",), 1)  # warm up imports, fonts and caches once
    print(f"数据：{data}（每种格式 {args.runs} 次，含读取、计算、排版与写出）")
    print(f"{'格式':<6}{'中位数 s':>10}{'最慢 s':>10}")
    for fmt in FORMATS + ("all",):
        formats = FORMATS if fmt == "all" else (fmt,)
        times = _time(data, formats, args.runs)
        print(f"{fmt:<6}{statistics.median(times):>10.3f}{max(times):>10.3f}")
    tracemalloc.start()
    with tempfile.TemporaryDirectory(prefix="juesuan-bench-") as tmp:
        build(data, tmp, formats=FORMATS)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    if pdf.soffice():
        times = _time(data, ("docx", "pdf"), max(1, min(args.runs, 2)))
        print(f"{'pdf':<6}{statistics.median(times):>10.3f}{max(times):>10.3f}   (docx + LibreOffice 转换)")
    else:
        print("pdf   未安装 LibreOffice，跳过")
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    rss_mb = rss_kb / 1024 if sys.platform != "darwin" else rss_kb / 1024 / 1024
    print(f"Python 分配峰值（tracemalloc，一次全部非 PDF 格式）：{peak / 1024 / 1024:.1f} MB")
    print(f"进程常驻内存峰值（ru_maxrss，不含 LibreOffice 子进程）：{rss_mb:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
