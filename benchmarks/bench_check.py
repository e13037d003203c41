"""Throughput of the auditor: documents per second for the seed (text) and each Shanghai PDF —
read + derive + the whole check catalogue — split into reading and checking, and peak memory.

Usage: python benchmarks/bench_check.py [--runs 5] [FILE ...]
(default: the seed and every PDF in ../shared, next to the repository).
"""

from __future__ import annotations

import argparse
import resource
import time
import tracemalloc
from pathlib import Path

from juesuan.audit import check_disclosure
from juesuan.core.profiles import load_profile
from juesuan.io.readers import read_document

SHARED = Path(__file__).resolve().parents[2] / "shared"


def default_files() -> list[Path]:
    files = [SHARED / "seed" / "000_e5361b4e9819f483.txt"]
    files += sorted((SHARED / "corpus").glob("*.pdf"))
    return [f for f in files if f.is_file()]


def best(func, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        func()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    files = args.files or default_files()
    if not files:
        print("no input files (../shared absent?)")
        return 2
    print(f"{'file':<52} {'read s':>8} {'check s':>8} {'docs/s':>8} {'findings':>9} {'peak MiB':>9}")
    for path in files:
        d = read_document(path)
        profile = load_profile(d.profile)
        read_s = best(lambda: read_document(path), args.runs)
        check_s = best(lambda: check_disclosure(d, profile), args.runs)
        tracemalloc.start()
        report = check_disclosure(read_document(path), profile)
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        print(f"{path.name[:52]:<52} {read_s:8.3f} {check_s:8.3f} {1 / (read_s + check_s):8.2f} "
              f"{len(report.findings):9d} {peak:9.1f}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak RSS {rss:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
