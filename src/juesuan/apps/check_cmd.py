"""`juesuan check PATH...`: audit published disclosures and report the findings.

Thin: expand folders, run :func:`juesuan.audit.check_path` per document (over the cores for a
batch), stream each document's report as it comes, end with a summary. Exit code 0 when no
document has an error finding, 1 when some has, 2 for usage errors or an unreadable document.
"""

from __future__ import annotations

import argparse
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Iterator, TextIO

from ..audit import DocumentResult, check_path
from ..core.identity import KINDS
from ..core.profiles import load_profile
from ..io.writers import report
from ..rules.checks import validate_overrides

SUPPORTED = (".pdf", ".docx", ".html", ".htm", ".txt", ".md", ".xlsx", ".xls")
FORMATS = ("text", "json", "jsonl", "html")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="决算公开文件或文件夹（PDF、Word、HTML、文本、Excel）")
    parser.add_argument("--format", choices=FORMATS, default="text", help="输出格式（默认 text）")
    parser.add_argument("-o", "--output", metavar="FILE", help="写入文件（默认输出到屏幕）")
    parser.add_argument("--profile", metavar="NAME|FILE", help="地区年度配置名称或 YAML 文件（默认按文件识别）")
    parser.add_argument("--kind", choices=KINDS, help="文件类型（默认按标题识别）：决算、预算、三公说明、绩效自评、模板")
    parser.add_argument("--jobs", type=int, default=0, metavar="N", help="并行进程数（默认按 CPU 核数）")
    parser.add_argument("--no-progress", action="store_true", help="不显示进度条")


def expand(paths: list[str]) -> list[str]:
    """Files as given, folders replaced by their supported files (recursively, sorted)."""
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            out.extend(str(f) for f in sorted(path.rglob("*")) if f.is_file() and f.suffix.lower() in SUPPORTED
                       and not f.name.startswith(("~$", ".")))
        else:
            out.append(p)
    return out


def _check_one(path: str, profile: str | None, kind: str | None = None) -> DocumentResult:
    """Worker: a missing file or a crash while reading becomes an unreadable result, never an
    exception that would stop the batch (a crash is labelled as a fault of the tool)."""
    if not Path(path).is_file():
        return DocumentResult(path=path, profile=profile or "", error=f"{path}：文件不存在")
    try:
        return check_path(path, profile, kind)
    except Exception as exc:  # batch boundary: report the tool fault, keep the other documents going
        return DocumentResult(path=path, profile=profile or "",
                              error=f"{path}：读取或审核时程序出错（{exc.__class__.__name__}: {exc}），请向开发者报告")


def _results(paths: list[str], profile: str | None, jobs: int, kind: str | None = None) -> Iterator[DocumentResult]:
    if jobs <= 1 or len(paths) == 1:
        for p in paths:
            yield _check_one(p, profile, kind)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_check_one, paths, [profile] * len(paths), [kind] * len(paths), chunksize=1)


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


def run(args: argparse.Namespace) -> int:
    if args.profile:  # a bad profile is a usage error (InputError → exit 2)
        validate_overrides(load_profile(args.profile))
    if args.jobs < 0:
        print("错误：--jobs 不能为负数", file=sys.stderr)
        return 2
    paths = expand(args.paths)
    if not paths:
        print("错误：没有找到可审核的文件（支持 " + " ".join(SUPPORTED) + "）", file=sys.stderr)
        return 2
    jobs = args.jobs or min(os.cpu_count() or 1, len(paths))
    out: TextIO = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    progress = _Progress(len(paths), sys.stderr, len(paths) > 1 and not args.no_progress and sys.stderr.isatty())
    rows: list[tuple[str, dict]] = []
    any_error = any_unreadable = False
    try:
        if args.format == "json":
            out.write(report.json_head())
        elif args.format == "html":
            out.write(report.html_head())
        for i, result in enumerate(_results(paths, args.profile, jobs, args.kind)):
            progress.step(result.path)
            rows.append((result.path, report.counts(result)))
            any_error = any_error or result.has_errors
            any_unreadable = any_unreadable or result.unreadable
            if args.format == "text":
                out.write(report.text_document(result) + "\n")
            elif args.format == "jsonl":
                out.write(report.jsonl_line(result) + "\n")
            elif args.format == "json":
                out.write(report.json_document(result, i == 0))
            else:
                out.write(report.html_document(result))
            out.flush()
        if args.format == "json":
            out.write(report.json_tail(rows))
        elif args.format == "html":
            out.write(report.html_tail(rows))
        if len(rows) > 1:
            table = report.summary_table(rows)
            if args.format == "text":
                out.write(table)
            else:
                sys.stderr.write(table)
    finally:
        if args.output:
            out.close()
    if any_unreadable:
        return 2
    return 1 if any_error else 0
