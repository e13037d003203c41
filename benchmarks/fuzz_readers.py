"""Fuzz every reader with bytes mutated from real files; report crashes (any exception other than
InputError, a hang, or a dead worker) with a saved reproducer for the first of each kind.

Usage: python benchmarks/fuzz_readers.py --seconds 600 [--formats pdf,docx,xlsx,html,text,yaml,data-xlsx]
       [--timeout 10] [--out fuzz-crashes] [--seed 1]

Seeds: the corpus PDFs and the seed text in ../shared (when present), and the docx / xlsx / html /
md that ``juesuan build examples/changji-2024`` writes, plus the example's YAML and its data
workbook. Mutations: bit flips, byte overwrites, truncation, chunk deletion and duplication,
splices of two seeds, and for .docx/.xlsx the same applied to one package member (re-zipped, so
the parsers see it rather than a failed checksum). Each input runs ``read_document`` + the whole
check catalogue (``juesuan.audit.check_disclosure``), or for the data formats ``load`` + the build's
data checks, in a worker process with a per-input time limit (an alarm) and a memory ceiling;
the parent restarts a worker that dies or stops answering and keeps its input as a reproducer.
"""

from __future__ import annotations

import argparse
import io
import multiprocessing as mp
import os
import queue
import random
import shutil
import signal
import sys
import tempfile
import time
import traceback
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FORMATS = ("pdf", "docx", "xlsx", "html", "text", "yaml", "data-xlsx")
SUFFIX = {"pdf": ".pdf", "docx": ".docx", "xlsx": ".xlsx", "html": ".html", "text": ".txt", "yaml": ".yaml",
          "data-xlsx": ".xlsx"}
MEMORY_CEILING = 3 * 1024**3  # address space of a worker; a reader that wants more is a crash


# --------------------------------------------------------------------------- seeds

def make_seeds(work: Path) -> dict[str, list[Path]]:
    """Seed files per format: real documents, and what the example data builds."""
    from juesuan import api
    from juesuan.io.writers.template import write_workbook

    seeds: dict[str, list[Path]] = {f: [] for f in FORMATS}
    built = work / "built"
    api.build(ROOT / "examples" / "changji-2024", built, ["docx", "html", "md", "xlsx"])
    seeds["docx"] += sorted(built.glob("*.docx"))
    seeds["xlsx"] += sorted(built.glob("*.xlsx"))
    seeds["html"] += sorted(built.glob("*.html"))
    seeds["text"] += sorted(built.glob("*.md"))
    seeds["yaml"].append(ROOT / "examples" / "changji-2024" / "决算数据.yaml")
    data_book = work / "决算数据.xlsx"
    write_workbook(data_book, api.load(ROOT / "examples" / "changji-2024"))
    seeds["data-xlsx"].append(data_book)
    if SHARED.is_dir():
        seeds["pdf"] += sorted((SHARED / "corpus").glob("*.pdf"))
        seeds["text"] += sorted((SHARED / "seed").glob("*.txt"))
        seeds["text"] += sorted((SHARED / "corpus" / "web").glob("00[1-5].txt"))
    return {k: v for k, v in seeds.items() if v}


# --------------------------------------------------------------------------- mutations

def _flip(rng: random.Random, data: bytearray) -> bytearray:
    for _ in range(rng.randint(1, 16)):
        i = rng.randrange(len(data))
        data[i] ^= 1 << rng.randrange(8)
    return data


def _overwrite(rng: random.Random, data: bytearray) -> bytearray:
    interesting = (0x00, 0xFF, 0x7F, 0x80, 0x3C, 0x3E, 0x22, 0x0A, 0x25, 0x28, 0x29)
    for _ in range(rng.randint(1, 8)):
        i = rng.randrange(len(data))
        data[i] = rng.choice(interesting) if rng.random() < 0.6 else rng.randrange(256)
    return data


def _truncate(rng: random.Random, data: bytearray) -> bytearray:
    return data[: rng.randrange(1, len(data))]


def _delete(rng: random.Random, data: bytearray) -> bytearray:
    i = rng.randrange(len(data))
    del data[i: i + rng.randint(1, max(1, len(data) // 20))]
    return data


def _duplicate(rng: random.Random, data: bytearray) -> bytearray:
    i = rng.randrange(len(data))
    chunk = data[i: i + rng.randint(1, 4096)]
    j = rng.randrange(len(data))
    return data[:j] + chunk * rng.randint(1, 8) + data[j:]


BYTE_MUTATIONS = (_flip, _overwrite, _truncate, _delete, _duplicate)


def _splice(rng: random.Random, data: bytearray, other: bytes) -> bytearray:
    return data[: rng.randrange(len(data))] + other[rng.randrange(len(other)):]


def _mutate_bytes(rng: random.Random, data: bytes, others: list[bytes]) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 3)):
        if len(out) < 2:  # nothing left to cut (a mutation may leave one byte)
            break
        if others and rng.random() < 0.1:
            out = _splice(rng, out, rng.choice(others))
        else:
            out = rng.choice(BYTE_MUTATIONS)(rng, out)
    return bytes(out)


def _mutate_member(rng: random.Random, data: bytes) -> bytes:
    """Re-zip a package with one member mutated (or dropped, or a member's bytes swapped in)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as src:
            members = [(i.filename, src.read(i)) for i in src.infolist()]
    except Exception:  # noqa: BLE001 - not a readable zip: mutate as bytes
        return _mutate_bytes(rng, data, [])
    xml = [k for k, (name, _) in enumerate(members) if name.endswith((".xml", ".rels"))] or list(range(len(members)))
    k = rng.choice(xml)
    name, body = members[k]
    roll = rng.random()
    if roll < 0.05:
        del members[k]
    elif roll < 0.1:
        members[k] = (name, members[rng.randrange(len(members))][1])
    elif body:
        members[k] = (name, _mutate_bytes(rng, body, []))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for n, b in members:
            out.writestr(n, b)
    return buf.getvalue()


_TEXT_PIECES = ("0", "9", "-", ".", "%", "万元", "增长", "减少", "，", "。", "：", "\t", "|", "<", ">", "</table>",
                "<td>", "[", "{", ": ", "- ", "&", "合计", "一、", "（二）", "表", "\n", "\n\n", "１", "—")


def _mutate_text(rng: random.Random, data: bytes) -> bytes:
    """Edits at the level of characters and lines, so the text still decodes and reaches the
    parsers and the checks (a flipped bit in UTF-8 mostly meets the decoder only)."""
    text = data.decode("utf-8", "replace")
    lines = text.split("\n")
    for _ in range(rng.randint(1, 6)):
        if not lines:
            break
        i = rng.randrange(len(lines))
        roll = rng.random()
        if roll < 0.2:
            del lines[i]
        elif roll < 0.35:
            lines.insert(rng.randrange(len(lines)), lines[i])
        elif roll < 0.45:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif lines[i]:
            k = rng.randrange(len(lines[i]) + 1)
            cut = rng.randint(0, 3) if roll < 0.8 else 0
            lines[i] = lines[i][:k] + rng.choice(_TEXT_PIECES) + lines[i][k + cut:]
    return "\n".join(lines).encode("utf-8")


def mutate(rng: random.Random, fmt: str, data: bytes, others: list[bytes]) -> bytes:
    if fmt in ("docx", "xlsx", "data-xlsx") and rng.random() < 0.7:
        return _mutate_member(rng, data)
    if fmt in ("text", "html", "yaml") and rng.random() < 0.7:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return _mutate_bytes(rng, data, others)
        return _mutate_text(rng, data)
    return _mutate_bytes(rng, data, others)


# --------------------------------------------------------------------------- running one input

class Hang(Exception):
    """The per-input time limit ran out."""


def _alarm(signum, frame):  # noqa: ARG001
    raise Hang()


def run_one(fmt: str, path: Path) -> None:
    """What a user's command does with the file: read it and check it."""
    from juesuan.audit import check_disclosure
    from juesuan.core.profiles import load_profile

    if fmt in ("yaml", "data-xlsx"):
        from juesuan.compose import data_findings
        from juesuan.io.readers.data import load

        d = load(path)
        data_findings(d, load_profile(d.profile))
        return
    from juesuan.io.readers import read_document

    d = read_document(path)
    check_disclosure(d, load_profile(d.profile))


def crash_kind(exc: BaseException) -> str:
    """Exception type and the innermost frame in juesuan (else the innermost frame)."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/juesuan/" in f.filename] or frames
    where = f"{Path(ours[-1].filename).name}:{ours[-1].lineno}" if ours else "?"
    return f"{type(exc).__name__}@{where}"


def worker(fmt: str, seeds: list[str], work: str, seed: int, start: int, results) -> None:
    import resource

    from juesuan.core.findings import InputError

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CEILING, MEMORY_CEILING))
    signal.signal(signal.SIGALRM, _alarm)
    datas = [Path(s).read_bytes() for s in seeds]
    current = Path(work) / f"current{SUFFIX[fmt]}"
    index = start
    while True:
        rng = random.Random(seed * 1_000_003 + index)
        data = mutate(rng, fmt, rng.choice(datas), datas)
        current.write_bytes(data)
        results.put(("start", index))
        outcome, detail = "clean", ""
        signal.setitimer(signal.ITIMER_REAL, float(os.environ.get("FUZZ_TIMEOUT", "10")))
        try:
            run_one(fmt, current)
        except InputError:
            outcome = "input-error"
        except Hang:
            outcome, detail = "crash", "hang (time limit)\n" + traceback.format_exc(limit=-8)
        except BaseException as exc:  # noqa: BLE001 - a crash is what we are looking for
            outcome, detail = "crash", crash_kind(exc) + "\n" + traceback.format_exc()
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        results.put(("done", index, outcome, detail))
        index += 1


# --------------------------------------------------------------------------- the parent

def fuzz_format(fmt: str, seeds: list[Path], seconds: float, timeout: float, out: Path, seed: int) -> Counter:
    counts: Counter = Counter()
    first: dict[str, Path] = {}
    ctx = mp.get_context("spawn")
    work = Path(tempfile.mkdtemp(prefix=f"fuzz-{fmt}-"))
    os.environ["FUZZ_TIMEOUT"] = str(timeout)
    deadline = time.monotonic() + seconds
    index = 0
    while time.monotonic() < deadline:
        results = ctx.Queue()
        proc = ctx.Process(target=worker, args=(fmt, [str(s) for s in seeds], str(work), seed, index, results),
                           daemon=True)
        proc.start()
        started_at = None
        running = None
        while time.monotonic() < deadline:
            try:
                msg = results.get(timeout=1.0)
            except queue.Empty:
                msg = None
            if msg is None:
                dead = not proc.is_alive()
                stuck = started_at is not None and time.monotonic() - started_at > timeout * 3 + 30
                if dead or stuck:
                    kind = "worker died" if dead else "hang (not interruptible)"
                    counts["inputs"] += 1
                    counts["crashes"] += 1
                    _keep(out, fmt, kind, work / f"current{SUFFIX[fmt]}", f"{kind}, exit code {proc.exitcode}",
                          first, running)
                    index = (running or index) + 1
                    break
                continue
            if msg[0] == "start":
                running, started_at = msg[1], time.monotonic()
                continue
            _, index_done, outcome, detail = msg
            counts["inputs"] += 1
            counts[outcome if outcome != "crash" else "crashes"] += 1
            if outcome == "crash":
                kind = detail.splitlines()[0]
                _keep(out, fmt, kind, work / f"current{SUFFIX[fmt]}", detail, first, index_done)
            index, started_at, running = index_done + 1, None, None
        proc.kill()
        proc.join()
    shutil.rmtree(work, ignore_errors=True)
    counts["kinds"] = len(first)
    for kind, path in first.items():
        print(f"  [{fmt}] first crash {kind}: reproducer {path}")
    return counts


def _keep(out: Path, fmt: str, kind: str, current: Path, detail: str, first: dict, index) -> None:
    if kind in first or not current.exists():
        return
    out.mkdir(parents=True, exist_ok=True)
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in kind)[:80]
    target = out / f"{fmt}-{safe}-{index}{current.suffix}"
    shutil.copyfile(current, target)
    target.with_suffix(target.suffix + ".txt").write_text(detail, encoding="utf-8")
    first[kind] = target
    print(f"  [{fmt}] CRASH {kind} (input {index}) → {target}", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=60, help="total time, split evenly across formats")
    ap.add_argument("--formats", default=",".join(FORMATS))
    ap.add_argument("--timeout", type=float, default=10, help="time limit per input (s)")
    ap.add_argument("--out", type=Path, default=Path("fuzz-crashes"))
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    wanted = [f.strip() for f in args.formats.split(",") if f.strip()]
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown:
        print(f"unknown format(s): {', '.join(unknown)} (known: {', '.join(FORMATS)})", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="fuzz-seeds-") as tmp:
        seeds = make_seeds(Path(tmp))
        formats = [f for f in wanted if f in seeds]
        share = args.seconds / max(1, len(formats))
        total: Counter = Counter()
        print(f"{'format':<10} {'inputs':>7} {'clean':>7} {'input-err':>9} {'crashes':>7} {'kinds':>5}  seeds")
        rows = []
        for fmt in formats:
            c = fuzz_format(fmt, seeds[fmt], share, args.timeout, args.out, args.seed)
            rows.append((fmt, c, len(seeds[fmt])))
            print(f"{fmt:<10} {c['inputs']:7d} {c['clean']:7d} {c['input-error']:9d} {c['crashes']:7d} "
                  f"{c['kinds']:5d}  {len(seeds[fmt])}", flush=True)
            total.update(c)
    print(f"{'total':<10} {total['inputs']:7d} {total['clean']:7d} {total['input-error']:9d} {total['crashes']:7d}")
    return 1 if total["crashes"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
