"""Load test of the web workbench on loopback: concurrent uploads of the corpus PDFs.

Usage: python benchmarks/bench_web.py [--uploads 50] [--workers 2] [--db sqlite|postgresql|URL]

Starts ``juesuan serve`` on a free port of 127.0.0.1 (a new database, one reviewer), then
``--uploads`` clients at once each upload one PDF of ``../shared/corpus`` (the four 决算 PDFs in
turn, each copy made distinct by a trailing PDF comment, so every upload is a new document: a
new version of its unit's year). Each client waits for its job to be done. Printed: the time
per upload from the first byte sent to the document stored (median, 95th percentile, max), the
wall time, and the checks that nothing was lost or stored twice: every job done, one distinct
document per upload, each unit's versions 1..n without a gap. Traffic goes to 127.0.0.1 only;
the run is bounded (``--timeout`` seconds) and stops the server it started.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "web"))  # webserver: the signed-in client

import httpx  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from juesuan.apps.store import db  # noqa: E402
from juesuan.apps.store.schema import Document  # noqa: E402
from juesuan.apps.web import accounts  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
FOUR = ("shanghai-putuo-caizhengju-2024-juesuan.pdf", "shanghai-putuo-guihuaziyuanju-2024-juesuan.pdf",
        "shanghai-putuo-shehuigongzuobu-2024-juesuan.pdf", "chongqing-xinandaxue-2023-juesuan.pdf")
PASSWORD = "bench-pass-2024"


def _database(kind: str, folder: Path) -> str:
    """A new database, made as bench_store makes its own."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_store

    if kind == "postgresql":
        base = os.environ.get("JUESUAN_TEST_PG")
        if not base:
            sys.exit("PostgreSQL：请设置 JUESUAN_TEST_PG（bash scripts/pg-test-server start DIR 的输出）")
        bench_store.PG = (base, None)
    return bench_store._new_database(kind, folder)


def _serve(url: str, folder: Path, workers: int) -> tuple[subprocess.Popen, str]:
    from webserver import free_port

    port = free_port()
    log = (folder / "server.log").open("w")
    process = subprocess.Popen([sys.executable, "-m", "juesuan.apps.cli", "serve", "--db", url, "--port", str(port),
                                "--data-dir", str(folder / "data"), "--workers", str(workers)],
                               stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(base + "/login", timeout=1).status_code == 200:
                return process, base
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    sys.exit(f"工作台未能启动：{(folder / 'server.log').read_text()}")


def _client(base: str):
    from webserver import Client

    c = Client(base)
    c.login("bench", PASSWORD)
    return c


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--uploads", type=int, default=50)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--db", default="sqlite")
    p.add_argument("--timeout", type=float, default=900)
    args = p.parse_args()
    files = [CORPUS / n for n in FOUR]
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        sys.exit(f"缺少语料：{'、'.join(missing)}")
    folder = Path(tempfile.mkdtemp(prefix="juesuan-bench-web-"))
    url = _database(args.db, folder)
    engine = db.open_store(url)
    accounts.add_user(engine, "bench", PASSWORD, "reviewer", region="上海、重庆")
    process, base = _serve(url, folder, args.workers)
    times: list[float] = []
    outcomes: list[dict] = []
    errors: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(args.uploads)
    clients = [_client(base) for _ in range(args.uploads)]

    def one(i: int) -> None:
        source = files[i % len(files)]
        content = source.read_bytes() + f"\n%juesuan-bench-{i}\n".encode()
        c = clients[i]
        start.wait()
        t0 = time.monotonic()
        try:
            r = c.post("/review/upload", data={"csrf": c.csrf, "region": "重庆"},
                       files=[("files", (f"{i:02d}-{source.name}", content, "application/pdf"))])
            if r.status_code != 303:
                raise RuntimeError(f"HTTP {r.status_code}")
            [job] = c.wait_batch(r.headers["location"], seconds=args.timeout)
        except Exception as exc:  # a lost upload is what this benchmark counts
            with lock:
                errors.append(f"{i}: {exc}")
            return
        with lock:
            times.append(time.monotonic() - t0)
            outcomes.append(job)

    wall = time.monotonic()
    threads = [threading.Thread(target=one, args=(i,)) for i in range(args.uploads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(args.timeout)
    wall = time.monotonic() - wall
    process.terminate()
    process.wait(timeout=30)

    done = [o for o in outcomes if o["status"] == "done"]
    with db.session(engine) as s:
        stored = s.execute(select(func.count()).select_from(Document)).scalar()
        versions = s.execute(select(Document.unit_id, Document.version)).all()
    by_unit: dict[int, list[int]] = {}
    for unit, version in versions:
        by_unit.setdefault(unit, []).append(version)
    gapless = all(sorted(v) == list(range(1, len(v) + 1)) for v in by_unit.values())
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * len(ordered))) - 1)] if ordered else float("nan")
    print(f"数据库 {db.shown(url)}；{args.uploads} 个并发上传，{args.workers} 个处理进程")
    print(f"完成 {len(done)}/{args.uploads}，失败 {len(outcomes) - len(done)}，丢失 {len(errors)}；"
          f"库中文件 {stored}（应为 {args.uploads}），文件编号各不相同：{len({o['document'] for o in done}) == len(done)}，"
          f"各单位版本连续：{gapless}")
    if ordered:
        print(f"每次上传（上传到存入）：中位数 {statistics.median(ordered):.2f} 秒，P95 {p95:.2f} 秒，"
              f"最长 {ordered[-1]:.2f} 秒；总用时 {wall:.1f} 秒（{args.uploads / wall:.2f} 个/秒）")
    for e in errors[:5]:
        print(f"  丢失：{e}")
    ok = len(done) == args.uploads and stored == args.uploads and gapless and not errors
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
