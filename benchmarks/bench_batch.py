"""Batch throughput and recall over a generated corpus (benchmarks/make_corpus.py): documents per
second for the local pool with 1, 2 and 4 workers and for ``--cluster local:N``, the peak memory
of a worker, and how many planted defects were found.

Usage: python benchmarks/bench_batch.py CORPUS [--ext pdf] [--runs pool:1,pool:2,pool:4,local:2] [--limit N]

Each run is a whole ``juesuan check --manifest … --format jsonl -o …`` process (start-up, worker
start, every document, the end), timed from outside; "cpu s/doc" is the CPU time of that process
and all it started, per document, which other work on the machine (``load``, the 1-minute load
average before the run) skews less than the wall time. "out KB/doc" is the output and its state
file per document. The pool runs pass ``--timeout`` so that one
worker is a worker process too. Peak memory per worker and the time per document come from the
state file beside the output (``seconds`` and ``peak_mb`` of each document). Recall: a planted
defect counts as found when its document's findings include the defect's rule code; the planted
codes' false alarms are those codes in documents without a planted defect.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path


def manifest(corpus: Path, ext: str, limit: int | None, folder: Path) -> tuple[Path, list[dict]]:
    truth = [json.loads(line) for line in (corpus / "truth.jsonl").read_text(encoding="utf-8").splitlines()]
    truth = [t for t in truth if f"{t['stem']}.{ext}" in t["files"]][:limit]
    listing = folder / "manifest.txt"
    listing.write_text("".join(str(corpus / f"{t['stem']}.{ext}") + "\n" for t in truth), encoding="utf-8")
    return listing, truth


def one_run(spec: str, listing: Path, out: Path) -> tuple[float, float]:
    """Wall seconds of the whole run, and CPU seconds of it and every process it started."""
    kind, _, n = spec.partition(":")
    extra = ["--cluster", f"local:{n}"] if kind == "local" else ["--jobs", n, "--timeout", "300"]
    command = [sys.executable, "-m", "juesuan.apps.cli", "check", "--manifest", str(listing), "--format", "jsonl",
               "-o", str(out), "--no-progress", *extra]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode not in (0, 1):
        tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
        print(f"  {spec}: exit {done.returncode}: {' / '.join(tail)}")
    return wall, cpu


def recall(results: Path, truth: list[dict]) -> tuple[Counter, Counter, Counter, int]:
    docs = {Path(d["path"]).stem: d for d in map(json.loads, results.read_text(encoding="utf-8").splitlines())}
    found, planted, false_alarms = Counter(), Counter(), Counter()
    planted_codes = {t["defect"]["code"] for t in truth if t["defect"]}
    unreadable = 0
    for t in truth:
        d = docs.get(t["stem"])
        if d is None or d["error"]:
            unreadable += 1
            continue
        codes = {f["rule"] for f in d["findings"]}
        if t["defect"]:
            kind = t["defect"]["kind"]
            planted[kind] += 1
            found[kind] += t["defect"]["code"] in codes
        else:
            false_alarms.update(codes & planted_codes)
    return found, planted, false_alarms, unreadable


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--ext", default="pdf")
    ap.add_argument("--runs", default="pool:1,pool:2,pool:4,local:2")
    ap.add_argument("--limit", type=int)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="juesuan-bench-") as tmp:
        folder = Path(tmp)
        listing, truth = manifest(args.corpus, args.ext, args.limit, folder)
        print(f"{len(truth)} .{args.ext} documents from {args.corpus}")
        print(f"{'run':<10} {'load':>5} {'wall s':>8} {'docs/s':>8} {'cpu s/doc':>9} {'median s':>9} {'peak MiB':>9} "
              f"{'out KB/doc':>10} {'recall':>10} {'unread':>7}")
        for spec in args.runs.split(","):
            out = folder / f"{spec.replace(':', '-')}.jsonl"
            load = os.getloadavg()[0]  # other work on the machine skews the wall times
            wall, cpu = one_run(spec, listing, out)
            records = [json.loads(line) for line in Path(f"{out}.state").read_text(encoding="utf-8").splitlines()]
            seconds = [r.get("seconds", 0) for r in records]
            peak = max((r.get("peak_mb", 0) for r in records), default=0)
            found, planted, false_alarms, unreadable = recall(out, truth)
            size = (out.stat().st_size + Path(f"{out}.state").stat().st_size) / len(truth) / 1024
            cpu_text = "n/a" if spec.startswith("local") else f"{cpu / len(truth):.3f}"  # Dask's processes escape rusage
            print(f"{spec:<10} {load:5.1f} {wall:8.1f} {len(truth) / wall:8.2f} {cpu_text:>9} "
                  f"{statistics.median(seconds):9.3f} {peak:9.0f} {size:10.1f} {sum(found.values()):>4}/{sum(planted.values()):<5} "
                  f"{unreadable:7d}")
        print("recall by kind (last run): " + ", ".join(f"{k} {found[k]}/{planted[k]}" for k in sorted(planted)))
        print("planted codes in documents without a planted defect (last run): " + (", ".join(f"{k} {v}" for k, v in false_alarms.items()) or "none"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
