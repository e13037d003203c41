"""`juesuan check PATH...`: audit published disclosures and report the findings.

Thin: expand folders, run :func:`juesuan.audit.check_path` per document (over the cores for a
batch, :mod:`.batch`), stream each document's report as it comes, end with a summary. Exit code 0
when no document has an error finding, 1 when some has, 2 for usage errors, an unreadable document
or an output that cannot be written, 3 when reading or checking some document hit a fault of the
program (the batch still goes on), 130 when interrupted.

Files met while walking a folder that are not disclosures (a README, a picture, an unrelated page)
are listed as skipped and leave the exit code alone; a file named on the command line that is not
a disclosure is an unreadable input (exit 2).

Outputs stay whole: ``-o FILE`` in text, json or html is written to a temporary file that replaces
FILE only when the run is complete (an interrupted run leaves the earlier FILE as it was); ``-o
FILE`` in jsonl is appended a line per document as each finishes. Each document's part is written
in one piece with Ctrl-C/SIGTERM held back until it is out, so JSON Lines never end in half a line.

Big batches (a folder, several files or ``--manifest``, with ``-o``) keep a state beside the output
(:mod:`.runstate`): ``--resume`` skips what finished and runs the rest. Documents run in worker
processes that are killed at ``--timeout`` seconds or ``--max-memory`` MB (:mod:`.workers`), over
the cores of this machine or, with ``--cluster``, on Dask workers (:mod:`.cluster`); results are
written in the order they finish. One document, or ``--jobs 1`` without an explicit limit, runs in
this process.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import traceback
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, TextIO

from ..audit import DocumentResult, check_path
from ..core.identity import KINDS
from ..core.profiles import load_profile
from ..io.writers import report
from ..rules.checks import validate_overrides
from . import batch, guard, runstate
from .manifest import read_manifest
from .workers import TRANSIENT, Done, Pool

SUPPORTED = (".pdf", ".docx", ".doc", ".html", ".htm", ".txt", ".md", ".xlsx", ".xls")
FORMATS = ("text", "json", "jsonl", "html")
DEFAULT_TIMEOUT = 120
DEFAULT_MAX_MEMORY = 2048
#: Modules a worker process imports before its first document.
WARM = ("juesuan.audit", "juesuan.io.readers", "juesuan.io.readers.pdf", "juesuan.io.readers.assemble")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="决算公开文件或文件夹（PDF、Word、HTML、文本、Excel）")
    parser.add_argument("--manifest", metavar="FILE", help="文件清单：每行一个路径的文本，或含 path 列的 CSV（相对路径按清单所在文件夹）")
    parser.add_argument("--format", choices=FORMATS, default="text", help="输出格式（默认 text）")
    parser.add_argument("-o", "--output", metavar="FILE", help="写入文件（默认输出到屏幕）")
    parser.add_argument("--profile", metavar="NAME|FILE", help="地区年度配置名称或 YAML 文件（默认按文件识别）")
    parser.add_argument("--kind", choices=KINDS, help="文件类型（默认按标题识别）：决算、预算、三公说明、绩效自评、模板")
    parser.add_argument("--jobs", type=int, default=0, metavar="N", help="并行进程数（默认按 CPU 核数）")
    parser.add_argument("--no-progress", action="store_true", help="不显示进度条")
    parser.add_argument("--resume", action="store_true", help="接着上次中断或未完成的批量审核（需 -o；跳过已完成且内容未变的文件）")
    parser.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                        help=f"每个文件的审核时间上限，秒（批量默认 {DEFAULT_TIMEOUT}；0 为不限）")
    parser.add_argument("--max-memory", type=float, default=None, metavar="MB",
                        help=f"每个审核进程的内存上限，MB（批量默认 {DEFAULT_MAX_MEMORY}；0 为不限）")
    parser.add_argument("--cluster", metavar="ADDRESS",
                        help="在 Dask 集群上审核：tcp://主机:8786，或 local:N 在本机启动 N 个 Dask 工作进程")
    parser.add_argument("--db", metavar="URL", help="同时与数据库中已存的文件核对（上年文件、同年预算、所属单位）：文件路径或地址")


@dataclass(frozen=True, slots=True)
class Entry:
    """One file of the batch: named on the command line or met while walking a folder."""

    path: str
    walked: bool = False
    skip: str = ""  # why it is skipped without being read (a file type juesuan does not read)


def expand(paths: list[str]) -> list[Entry]:
    """Files as given, folders replaced by all their files (recursively, sorted). Files of a type
    juesuan does not read are kept as skipped entries; hidden files and Office lock files
    (``~$…``) are left out."""
    out: list[Entry] = []
    for p in paths:
        path = Path(p)
        if not path.is_dir():
            out.append(Entry(p))
            continue
        for f in sorted(path.rglob("*")):
            if not f.is_file() or f.name.startswith(("~$", ".")):
                continue
            if f.suffix.lower() in SUPPORTED:
                out.append(Entry(str(f), walked=True))
            else:
                out.append(Entry(str(f), walked=True, skip=f"{f}：不是可审核的文件类型（{f.suffix or '无扩展名'}）"))
    return out


def _check_one(path: str, profile: str | None, kind: str | None = None, debug: bool = False,
               db: str | None = None) -> tuple[DocumentResult, str]:
    """Worker: a missing file or a crash while reading becomes an unreadable result (and, with
    ``debug``, the traceback), never an exception that would stop the batch; a crash is labelled
    as a fault of the program. With ``db`` (a database URL) the checks across documents also run
    against what the store holds."""
    if not Path(path).is_file():
        return DocumentResult(path=path, profile=profile or "", error=f"{path}：文件不存在"), ""
    try:
        with guard.processing(path):
            if db:
                from .store.ingest import examine

                return examine(path, db, profile, kind)[0], ""
            return check_path(path, profile, kind), ""
    except Exception as exc:  # batch boundary: report the program fault, keep the other documents going
        result = DocumentResult(path=path, profile=profile or "", error=guard.fault_line(exc), fault=True)
        return result, traceback.format_exc() if debug else ""


def _task(path: str, profile: str | None, kind: str | None, debug: bool,
          db: str | None = None) -> tuple[DocumentResult, str, runstate.Fingerprint]:
    """What a worker process (local or on a cluster) does for one document: the result, the
    traceback when asked for, and the fingerprint of the file it read."""
    result, trace = _check_one(path, profile, kind, debug, db)
    return result, trace, runstate.fingerprint(path)


def _emit(out: TextIO, text: str) -> None:
    """Write one whole piece (a document's report, a JSON Lines line) and flush it."""
    if not text:
        return
    with batch.held_signals():
        out.write(text)
        out.flush()


class _Progress:
    """One line on the terminal: documents done, documents per second, the time left."""

    def __init__(self, total: int, stream: TextIO, enabled: bool):
        self.total, self.stream, self.enabled, self.done = total, stream, enabled, 0
        self.started = time.monotonic()

    def step(self, name: str) -> None:
        if not self.enabled or not self.total:
            return
        self.done += 1
        width = 30
        filled = width * self.done // self.total
        label = Path(name).name[:24]
        elapsed = max(time.monotonic() - self.started, 1e-6)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate
        self.stream.write(f"\r审核 {self.done}/{self.total} [{'#' * filled}{'.' * (width - filled)}] "
                          f"{rate:.1f} 个/秒 剩余 {_duration(left)} {label:<24}")
        if self.done == self.total:
            self.stream.write("\n")
        self.stream.flush()


def _duration(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    if seconds < 60:
        return f"{seconds}秒"
    if seconds < 3600:
        return f"{seconds // 60}分{seconds % 60:02d}秒"
    return f"{seconds // 3600}小时{seconds % 3600 // 60:02d}分"


class _Tally:
    """What the run has seen so far: the per-document rows, the skipped files, the exit code."""

    def __init__(self, fmt: str):
        self.fmt = fmt
        self.rows: list[tuple[str, dict]] = []
        self.skipped: list[tuple[str, str]] = []
        self.any_error = self.any_unreadable = self.any_fault = False

    def skip(self, path: str, message: str) -> str:
        """Record a skipped file; the text to write for it (jsonl: a line on stderr instead)."""
        self.skipped.append((path, message))
        if self.fmt == "text":
            return report.skipped_text(message)
        if self.fmt == "html":
            return report.html_skipped(message)
        if self.fmt == "jsonl":
            sys.stderr.write(report.skipped_text(message))
        return ""

    @staticmethod
    def piece(fmt: str, result: DocumentResult) -> str:
        """A document's part of the output, the same wherever it falls in the run (a JSON document
        gets its separating comma from :meth:`document`)."""
        if fmt == "text":
            return report.text_document(result) + "\n"
        if fmt == "jsonl":
            return report.jsonl_line(result)
        if fmt == "json":
            return report.json_document(result, True)
        return report.html_document(result)

    def document(self, path: str, counts: dict, piece: str) -> str:
        """Record a document by its counts; the text to write for it."""
        first = not self.rows
        self.rows.append((path, counts))
        self.any_error = self.any_error or counts.get("error", 0) > 0
        self.any_unreadable = self.any_unreadable or bool(counts.get("unreadable"))
        self.any_fault = self.any_fault or bool(counts.get("fault"))
        if self.fmt == "jsonl":
            return piece + "\n"
        return piece if first or self.fmt != "json" else "," + piece

    def head(self) -> str:
        return {"json": report.json_head(), "html": report.html_head()}.get(self.fmt, "")

    def tail(self) -> str:
        if self.fmt == "json":
            return report.json_tail(self.rows, self.skipped)
        if self.fmt == "html":
            return report.html_tail(self.rows, len(self.skipped))
        return ""

    def summary(self) -> str:
        if len(self.rows) > 1 or (self.rows and self.skipped):
            return report.summary_table(self.rows, len(self.skipped))
        return ""

    def exit_code(self) -> int:
        if self.any_fault:
            return guard.EXIT_FAULT
        if self.any_unreadable or not self.rows:
            return 2
        return 1 if self.any_error else 0


def _unfinished(path: str, done: Done, profile: str | None, args: argparse.Namespace) -> DocumentResult:
    """The result of a document whose worker did not bring one back: over a limit, or died."""
    if done.status == "timeout":
        why = f"超过时间限制（{done.seconds:.0f} 秒，上限 {args.timeout:g} 秒），已停止审核此文件；可调大 --timeout 后用 --resume 重试"
    elif done.status == "memory":
        why = f"超过内存限制（上限 {args.max_memory:g} MB），已停止审核此文件；可调大 --max-memory 后用 --resume 重试"
    elif done.status == "lost":
        why = f"审核进程意外退出（共试 {done.attempt} 次），文件可能触发了程序或系统库的缺陷；可用 --resume 重试"
    else:  # "raised": the task itself failed, which _check_one never lets happen
        last = str(done.value or "").strip().splitlines()[-1:] or [""]
        return DocumentResult(path=path, profile=profile or "", fault=True,
                              error=f"程序内部错误：处理 {path} 时出现未预料的异常（{last[0][:160]}）。这是 juesuan 的缺陷，"
                                    "不是输入文件的问题，请向开发者报告")
    return DocumentResult(path=path, profile=profile or "", error=f"{path}：{why}")


def _error_kind(result: DocumentResult) -> str:
    if result.fault:
        return "fault"
    return "unreadable" if result.unreadable else ""


def _task_args(args: argparse.Namespace, debug: bool) -> tuple:
    """The task's arguments after the path; the database only when ``--db`` is given."""
    db_url = getattr(args, "db_url", None)
    return (args.profile, args.kind, debug) + ((db_url,) if db_url else ())


def _in_process(paths: list[str], args: argparse.Namespace, debug: bool) -> Iterator[tuple[str, Done]]:
    for path in paths:
        started = time.monotonic()
        yield path, Done("ok", _task(path, *_task_args(args, debug)), time.monotonic() - started)


def _local_pool(paths: list[str], args: argparse.Namespace, debug: bool, jobs: int) -> Iterator[tuple[str, Done]]:
    with Pool(jobs, timeout=args.timeout, max_memory_mb=args.max_memory, warm=WARM) as pool:
        yield from pool.run(_task, paths, *_task_args(args, debug))


def _results(paths: list[str], args: argparse.Namespace, debug: bool, jobs: int) -> Iterator[tuple[str, Done]]:
    """Each document's outcome as it finishes: on a Dask cluster, over worker processes here, or
    (one document, or ``--jobs 1`` with no limit asked for) in this process."""
    if args.cluster:
        from .cluster import run_on_cluster

        return run_on_cluster(args.cluster, _task, paths, _task_args(args, debug),
                              timeout=args.timeout, max_memory_mb=args.max_memory, warm=WARM)
    if not args.limits_given and (jobs <= 1 or len(paths) <= 1):
        return _in_process(paths, args, debug)
    return _local_pool(paths, args, debug, jobs)


def _store_url(db: str) -> str:
    """The database's URL, after making sure it is there and at the current schema."""
    from .store import db as store_db

    url = store_db.resolve_url(db)
    store_db.open_store(url)
    return url


def _entries(args: argparse.Namespace) -> list[Entry]:
    """The batch: the paths on the command line, then those of the manifest (walked like a folder's
    files: one that is not a disclosure is skipped, not unreadable)."""
    entries = expand(args.paths)
    if args.manifest:
        for entry in expand(read_manifest(args.manifest)):
            entries.append(Entry(entry.path, walked=True, skip=entry.skip))
    unique: dict[str, Entry] = {}
    for entry in entries:
        unique.setdefault(entry.path, entry)
    return list(unique.values())


def _usage_error(args: argparse.Namespace) -> str:
    if args.jobs < 0:
        return "--jobs 不能为负数"
    if args.timeout is not None and args.timeout < 0:
        return "--timeout 不能为负数"
    if args.max_memory is not None and args.max_memory < 0:
        return "--max-memory 不能为负数"
    if not args.paths and not args.manifest:
        return "请给出要审核的文件、文件夹，或用 --manifest 给出清单"
    if args.resume and not args.output:
        return "--resume 需要与 -o 一起使用（批量审核的状态记在输出文件旁）"
    return ""


def run(args: argparse.Namespace) -> int:
    if args.profile:  # a bad profile is a usage error (InputError → exit 2)
        validate_overrides(load_profile(args.profile))
    problem = _usage_error(args)
    if problem:
        print(f"错误：{problem}", file=sys.stderr)
        return 2
    args.limits_given = args.timeout is not None or args.max_memory is not None
    args.timeout = DEFAULT_TIMEOUT if args.timeout is None else args.timeout
    args.max_memory = DEFAULT_MAX_MEMORY if args.max_memory is None else args.max_memory
    entries = _entries(args)
    to_read = [e.path for e in entries if not e.skip]
    if not to_read:
        print("错误：没有找到可审核的文件（支持 " + " ".join(SUPPORTED) + "）", file=sys.stderr)
        return 2
    debug = bool(getattr(args, "debug", False))
    args.db_url = _store_url(args.db) if args.db else None
    batch_run = len(to_read) > 1 or bool(args.manifest) or args.resume
    seen = _Tally(args.format)
    outputs = runstate.Outputs(args.format, args.output, batch_run, args.resume, to_read)
    todo = [p for p in to_read if p not in outputs.kept]
    jobs = args.jobs or min(os.cpu_count() or 1, max(1, len(todo)))
    progress = _Progress(len(todo), sys.stderr, len(todo) > 1 and not args.no_progress and sys.stderr.isatty())
    walked = {e.path for e in entries if e.walked}
    try:
        with outputs.target() as out, closing(_results(todo, args, debug, jobs)) as results:
            write = (lambda text: _emit(out, text)) if out is not None else (lambda text: None)
            write(seen.head())
            for entry in entries:
                if entry.skip:
                    write(seen.skip(entry.path, entry.skip))
            for path in to_read:  # what an earlier run finished, in the order of the batch
                rec = outputs.kept.get(path)
                if rec is not None and rec.status == "skipped":
                    write(seen.skip(path, rec.reason))
                elif rec is not None:
                    write(seen.document(path, rec.counts, outputs.kept_pieces[path]))
            for path, done in results:
                progress.step(path)
                _take(path, done, args, walked, seen, outputs, write)
            write(seen.tail())
            summary = seen.summary()
            if args.format == "text":
                write(summary)
            elif summary:
                sys.stderr.write(summary)
    except KeyboardInterrupt:
        raise KeyboardInterrupt(_interrupted(args.output, len(seen.rows) + len(seen.skipped), len(entries),
                                             outputs.results is not None, outputs.appends)) from None
    finally:
        outputs.close()
    if not seen.rows:
        print(f"错误：没有审核任何文件（{len(seen.skipped)} 个文件都不是决算公开，已跳过）", file=sys.stderr)
    return seen.exit_code()


def _take(path: str, done: Done, args: argparse.Namespace, walked: set[str], seen: _Tally,
          outputs: runstate.Outputs, write) -> None:
    """Write one finished document and keep it in the state."""
    fp = runstate.Fingerprint()
    if done.status == "ok":
        result, trace, fp = done.value
        if trace:
            sys.stderr.write(trace)
    else:
        result = _unfinished(path, done, args.profile, args)
    base = dict(path=path, sha256=fp.sha256, size=fp.size, mtime=fp.mtime, attempt=done.attempt,
                seconds=round(done.seconds, 3), peak_mb=round(done.peak_mb, 1))
    if path in walked and result.not_disclosure:
        write(seen.skip(path, result.error))
        outputs.record(runstate.Record(status="skipped", reason=result.error, **base), None)
        return
    counts = report.counts(result)
    piece = seen.piece(args.format, result)
    text = seen.document(path, counts, piece)
    if not outputs.appends:
        write(text)
    status, kind = ("failed", done.status) if done.status in TRANSIENT else ("done", _error_kind(result))
    outputs.record(runstate.Record(status=status, error_kind=kind, counts=counts, **base), piece)


def _interrupted(output: str | None, done: int, total: int, resumable: bool = False, appended: bool = False) -> str:
    """What an interrupted run did and did not write, in one line."""
    if output is None:
        return f"已处理 {done}/{total} 个文件，其余未审核"
    if resumable:
        written = f"已完成的结果在 {output}" if appended else f"审核结果 {guard.not_written(output)}"
        return f"已处理 {done}/{total} 个文件，{written}；加 --resume 重新运行即可接着审核"
    return f"已处理 {done}/{total} 个文件，审核结果 {guard.not_written(output)}"
