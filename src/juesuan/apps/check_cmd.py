"""`juesuan check PATH...`: audit published disclosures and report the findings.

Thin: expand folders, run :func:`juesuan.audit.check_path` per document (over the cores for a
batch, :mod:`.batch`), stream each document's report as it comes, end with a summary. Exit code 0
when no document has an error finding, 1 when some has, 2 for usage errors, an unreadable document
or an output that cannot be written, 3 when reading or checking some document hit a fault of the
program (the batch still goes on), 130 when interrupted.

Files met while walking a folder that are not disclosures (a README, a picture, an unrelated page)
are listed as skipped and leave the exit code alone; a file named on the command line that is not
a disclosure is an unreadable input (exit 2).

Outputs stay whole: ``-o FILE`` is written to a temporary file that replaces FILE only when the run
is complete (an interrupted run leaves the earlier FILE as it was), and each document's part on the
terminal is written in one piece with Ctrl-C/SIGTERM held back until it is out, so ``--format
jsonl`` never ends in half a line.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from contextlib import closing, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from ..audit import DocumentResult, check_path
from ..core.identity import KINDS
from ..core.profiles import load_profile
from ..io.atomic import open_replacing
from ..io.writers import report
from ..rules.checks import validate_overrides
from . import batch, guard

SUPPORTED = (".pdf", ".docx", ".doc", ".html", ".htm", ".txt", ".md", ".xlsx", ".xls")
FORMATS = ("text", "json", "jsonl", "html")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="决算公开文件或文件夹（PDF、Word、HTML、文本、Excel）")
    parser.add_argument("--format", choices=FORMATS, default="text", help="输出格式（默认 text）")
    parser.add_argument("-o", "--output", metavar="FILE", help="写入文件（默认输出到屏幕）")
    parser.add_argument("--profile", metavar="NAME|FILE", help="地区年度配置名称或 YAML 文件（默认按文件识别）")
    parser.add_argument("--kind", choices=KINDS, help="文件类型（默认按标题识别）：决算、预算、三公说明、绩效自评、模板")
    parser.add_argument("--jobs", type=int, default=0, metavar="N", help="并行进程数（默认按 CPU 核数）")
    parser.add_argument("--no-progress", action="store_true", help="不显示进度条")


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


def _check_one(path: str, profile: str | None, kind: str | None = None, debug: bool = False) -> tuple[DocumentResult, str]:
    """Worker: a missing file or a crash while reading becomes an unreadable result (and, with
    ``debug``, the traceback), never an exception that would stop the batch; a crash is labelled
    as a fault of the program."""
    if not Path(path).is_file():
        return DocumentResult(path=path, profile=profile or "", error=f"{path}：文件不存在"), ""
    try:
        with guard.processing(path):
            return check_path(path, profile, kind), ""
    except Exception as exc:  # batch boundary: report the program fault, keep the other documents going
        result = DocumentResult(path=path, profile=profile or "", error=guard.fault_line(exc), fault=True)
        return result, traceback.format_exc() if debug else ""


def _emit(out: TextIO, text: str) -> None:
    """Write one whole piece (a document's report, a JSON Lines line) and flush it."""
    if not text:
        return
    with batch.held_signals():
        out.write(text)
        out.flush()


class _Progress:
    def __init__(self, total: int, stream: TextIO, enabled: bool):
        self.total, self.stream, self.enabled, self.done = total, stream, enabled, 0

    def step(self, name: str) -> None:
        if not self.enabled:
            return
        self.done += 1
        width = 30
        filled = width * self.done // self.total
        label = Path(name).name[:30]
        self.stream.write(f"\r审核 {self.done}/{self.total} [{'#' * filled}{'.' * (width - filled)}] {label:<30}")
        if self.done == self.total:
            self.stream.write("\n")
        self.stream.flush()


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

    def document(self, result: DocumentResult) -> str:
        """Record a document's result; the text to write for it."""
        first = not self.rows
        self.rows.append((result.path, report.counts(result)))
        self.any_error = self.any_error or result.has_errors
        self.any_unreadable = self.any_unreadable or result.unreadable
        self.any_fault = self.any_fault or result.fault
        if self.fmt == "text":
            return report.text_document(result) + "\n"
        if self.fmt == "jsonl":
            return report.jsonl_line(result) + "\n"
        if self.fmt == "json":
            return report.json_document(result, first)
        return report.html_document(result)

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


def run(args: argparse.Namespace) -> int:
    if args.profile:  # a bad profile is a usage error (InputError → exit 2)
        validate_overrides(load_profile(args.profile))
    if args.jobs < 0:
        print("错误：--jobs 不能为负数", file=sys.stderr)
        return 2
    entries = expand(args.paths)
    to_read = [e.path for e in entries if not e.skip]
    if not to_read:
        print("错误：没有找到可审核的文件（支持 " + " ".join(SUPPORTED) + "）", file=sys.stderr)
        return 2
    debug = bool(getattr(args, "debug", False))
    jobs = args.jobs or min(os.cpu_count() or 1, len(to_read))
    progress = _Progress(len(to_read), sys.stderr, len(to_read) > 1 and not args.no_progress and sys.stderr.isatty())
    seen = _Tally(args.format)
    target = open_replacing(args.output) if args.output else nullcontext(sys.stdout)
    try:
        with target as out, closing(batch.imap(_check_one, to_read, jobs, args.profile, args.kind, debug)) as results:
            _emit(out, seen.head())
            for entry in entries:
                if entry.skip:
                    _emit(out, seen.skip(entry.path, entry.skip))
                    continue
                result, trace = next(results)
                progress.step(result.path)
                if trace:
                    sys.stderr.write(trace)
                if entry.walked and result.not_disclosure:
                    _emit(out, seen.skip(result.path, result.error))
                    continue
                _emit(out, seen.document(result))
            _emit(out, seen.tail())
            summary = seen.summary()
            if args.format == "text":
                _emit(out, summary)
            elif summary:
                sys.stderr.write(summary)
    except KeyboardInterrupt:
        raise KeyboardInterrupt(_interrupted(args.output, len(seen.rows) + len(seen.skipped), len(entries))) from None
    if not seen.rows:
        print(f"错误：没有审核任何文件（{len(seen.skipped)} 个文件都不是决算公开，已跳过）", file=sys.stderr)
    return seen.exit_code()


def _interrupted(output: str | None, done: int, total: int) -> str:
    """What an interrupted run did and did not write, in one line."""
    if output is None:
        return f"已处理 {done}/{total} 个文件，其余未审核"
    return f"已处理 {done}/{total} 个文件，审核结果 {guard.not_written(output)}"
