"""Time the store: ingest documents built with ``juesuan build``, then the region report.

Usage: python benchmarks/bench_store.py [--documents 1000] [--units 1000] [--years 5]
                                        [--corpus DIR] [--db sqlite|postgresql|URL ...]

1. Corpus (kept in ``--corpus``, made once): ``--documents`` varied data files (units of different
   sizes and years, some reasons left out, some tables that do not add up) built into the HTML
   disclosure by ``juesuan.compose.build``.
2. Each document is read and checked once (``ingest.examine``: what a worker does); then, per
   database, stored (``ingest.store``: one transaction each, in the main process); the storing rate
   is the one the target is about (≥ 20 documents/s after reading).
3. A region of ``--units`` units × ``--years`` years: the read documents are stored again under
   new unit names and years (the same write path), then the report is timed in this process (HTML,
   Excel) and as a whole ``juesuan store report`` process (target < 2 s for 1,000 units × 5 years).

PostgreSQL: ``--db postgresql`` uses ``$JUESUAN_TEST_PG`` or starts a throwaway server with
``scripts/pg-test-server`` (Debian package ``postgresql``). Each run uses a new database.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import os
import random
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "store"))

import yeardata as Y  # noqa: E402

from juesuan.apps.store import db  # noqa: E402
from juesuan.apps.store.ingest import examine, store  # noqa: E402
from juesuan.apps.store.report import write_report  # noqa: E402

KINDS = ("局", "委员会", "中心", "办公室", "研究院")


def _make_one(args: tuple[int, str]) -> str:
    from juesuan.compose import build

    i, folder = args
    out = Path(folder) / f"{i:05d}"
    page = out / "公开" / "公开说明.html"
    if page.exists():
        return str(page)
    rnd = random.Random(i)
    factor = f"{rnd.uniform(0.2, 3.0):.2f}"
    data = Y.scaled(Y.example(), factor, name=f"测试市第{i}{rnd.choice(KINDS)}", year=rnd.randint(2020, 2024))
    if rnd.random() < 0.3:
        data["原因"].pop("项", None)
    if rnd.random() < 0.2:
        data["表"]["T1"]["收入"]["其他收入"] = str(rnd.randint(1000, 900000))
    if rnd.random() < 0.2:
        data["表"]["T9"]["决算数"]["公务接待费"] = str(rnd.randint(100, 90000))
    source = Y.write(data, out / "决算数据.yaml")
    return str(build(source, out / "公开", ["html"]).files[0])


def corpus(n: int, folder: Path, jobs: int) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    with ProcessPoolExecutor(jobs) as pool:
        pages = list(pool.map(_make_one, [(i, str(folder)) for i in range(n)], chunksize=8))
    print(f"语料：{n} 个公开说明（HTML），{folder}，{time.perf_counter() - start:.1f} s")
    return pages


def _pg_base() -> tuple[str, str | None]:
    url = os.environ.get("JUESUAN_TEST_PG")
    if url:
        return url, None
    folder = tempfile.mkdtemp(prefix="juesuan-pg-bench-")
    done = subprocess.run(["bash", str(ROOT / "scripts" / "pg-test-server"), "start", folder], capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"PostgreSQL 未能启动：{done.stderr.strip()}")
    return done.stdout.strip(), folder


def _new_database(kind: str, work: Path) -> str:
    if kind == "sqlite":
        path = work / f"bench-{time.time_ns()}.db"
        return f"sqlite:///{path}"
    if kind.startswith(("sqlite:", "postgresql")) and "://" in kind:
        return kind
    from juesuan.apps.store.db import create_database

    return create_database(PG[0], "bench")[0]


PG: tuple[str, str | None] = ("", None)


def read_all(pages: list[str]) -> tuple[list, float]:
    """Every document read and checked as a worker does it (``ingest.examine``), once for all the
    databases: reading does not depend on the database."""
    start = time.perf_counter()
    items = []
    for page in pages:
        result, item = examine(page, None)
        if item is None:
            raise SystemExit(f"{page}: {result.error}")
        items.append(item)
    return items, time.perf_counter() - start


def run(kind: str, items: list, units: int, years: int, work: Path) -> dict:
    url = _new_database(kind, work)
    engine = db.open_store(url)
    contents = [Path(i.path).read_bytes() for i in items]
    start = time.perf_counter()
    for item, content in zip(items, contents):
        store(engine, item, content)
    write = time.perf_counter() - start
    print(f"{kind}：存入 {len(items)} 个文件 {write:.1f} s", flush=True)

    start = time.perf_counter()
    region = 0
    for u in range(units):
        for k in range(years):
            base = items[(u * years + k) % len(items)]
            digest = hashlib.sha256(f"{u}/{k}".encode()).hexdigest()
            store(engine, dataclasses.replace(base, unit_name=f"区域第{u}单位", year=2024 - k, region="新疆", sha256=digest,
                                              path=f"region/{u}/{2024 - k}.html"))
            region += 1
    region_write = time.perf_counter() - start
    timings = {}
    for suffix in ("html", "xlsx"):
        out = work / f"report-{kind.split(':')[0]}.{suffix}"
        start = time.perf_counter()
        write_report(engine, 2024, "新疆", out)
        timings[suffix] = time.perf_counter() - start
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "juesuan.apps.cli", "store", "report", "--year", "2024", "--region", "新疆",
                           "-o", str(work / "cli.html"), "--db", url], capture_output=True, text=True)
    timings["cli"] = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(done.stderr)
    engine.dispose()
    return {"db": kind.split("+")[0].split(":")[0], "n": len(items), "write": write, "region": region,
            "region_write": region_write, **timings}


def main(argv: list[str] | None = None) -> int:
    global PG
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--documents", type=int, default=1000)
    ap.add_argument("--units", type=int, default=1000)
    ap.add_argument("--years", type=int, default=5)
    ap.add_argument("--corpus", default=str(Path(tempfile.gettempdir()) / "juesuan-bench-corpus"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--db", nargs="+", default=["sqlite", "postgresql"])
    args = ap.parse_args(argv)
    pages = corpus(args.documents, Path(args.corpus), args.jobs)
    items, read = read_all(pages)
    print(f"读取并核对 {len(items)} 个文件：{read:.1f} s（{len(items) / read:.1f} 文件/s，单进程）", flush=True)
    results = []
    with tempfile.TemporaryDirectory(prefix="juesuan-bench-") as tmp:
        for kind in args.db:
            if kind == "postgresql" and not PG[0]:
                PG = _pg_base()
            results.append(run(kind, items, args.units, args.years, Path(tmp)))
    if PG[1]:
        subprocess.run(["bash", str(ROOT / "scripts" / "pg-test-server"), "stop", PG[1]], capture_output=True)
    print(f"{'数据库':<12}{'存入 文件/s':>12}{'地区数据 文件/s':>16}{'报告HTML s':>12}{'报告xlsx s':>12}{'report命令 s':>14}")
    for r in results:
        print(f"{r['db']:<12}{r['n'] / r['write']:>12.1f}{r['region'] / r['region_write']:>16.1f}"
              f"{r['html']:>12.2f}{r['xlsx']:>12.2f}{r['cli']:>14.2f}")
    print(f"（{args.documents} 个文件逐个读取、核对并存入，每个文件一个事务；地区报告为 {args.units} 个单位 × {args.years} 年，"
          f"{args.units * args.years} 个文件；目标：存入 ≥ 20 文件/s，报告 < 2 s）")
    return 0


if __name__ == "__main__":
    sys.exit(main())
