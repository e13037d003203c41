"""`juesuan store add|list|history|report|alias|upgrade`: the database of every unit and year.

Thin: parse options, one call into :mod:`juesuan.apps.store` per action, print. ``add`` reads and
checks the files over the cores (:mod:`.batch`, as ``check`` does) and stores each in its own
transaction as it comes back, so an interrupted batch keeps every document it finished and none
half-stored. Exit codes as everywhere: 0 fine, 2 an unreadable file or a usage error (the other
files are still stored), 3 a fault of the program, 130 interrupted.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from contextlib import closing
from pathlib import Path

from . import batch, guard

DB_HELP = "数据库：文件路径或地址（sqlite:///审核.db、postgresql://用户@主机/库名）；默认取环境变量 JUESUAN_DB，再默认 ~/.local/share/juesuan/juesuan.db"
READABLE = (".pdf", ".docx", ".doc", ".html", ".htm", ".txt", ".md", ".xlsx", ".xls", ".yaml", ".yml")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="操作")
    add = sub.add_parser("add", help="审核并存入已公开的文件，或由数据文件生成后存入")
    add.add_argument("paths", nargs="+", metavar="PATH", help="文件或文件夹（已公开的决算文件、决算数据 YAML/工作簿）")
    add.add_argument("--profile", metavar="NAME|FILE", help="地区年度配置（默认按文件识别）")
    add.add_argument("--jobs", type=int, default=0, metavar="N", help="并行进程数（默认按 CPU 核数）")
    add.add_argument("--no-content", action="store_true", help="只记文件路径和哈希，不把文件本身存入数据库")
    lst = sub.add_parser("list", help="列出库中的单位和文件")
    lst.add_argument("--year", type=int, help="只列该年度")
    lst.add_argument("--region", help="只列该地区（如 上海、新疆）")
    hist = sub.add_parser("history", help="一个单位历年的文件、版本和审核结果")
    hist.add_argument("unit", metavar="UNIT", help="单位名称（任一曾用名）")
    rep = sub.add_parser("report", help="写出一个地区一个年度的审核情况汇总（HTML 或 Excel）")
    rep.add_argument("--year", type=int, required=True, help="年度")
    rep.add_argument("--region", help="地区（如 上海；默认全部）")
    rep.add_argument("-o", "--output", required=True, metavar="FILE", help="输出文件（.html 或 .xlsx）")
    alias = sub.add_parser("alias", help="登记单位的另一个名称（更名、简称），以后按同一单位核对")
    alias.add_argument("unit", metavar="UNIT", help="库中已有的单位名称")
    alias.add_argument("other", metavar="NAME", help="该单位的另一个名称")
    sub.add_parser("upgrade", help="把旧版本的数据库迁移到当前结构（数据全部保留）")
    for sp in (add, lst, hist, rep, alias, sub.choices["upgrade"]):
        sp.add_argument("--db", metavar="URL", help=DB_HELP)
        sp.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    action = getattr(args, "action", None)
    if action is None:
        print("错误：请指明操作：add、list、history、report、alias 或 upgrade（juesuan store --help）", file=sys.stderr)
        return 2
    return {"add": _add, "list": _list, "history": _history, "report": _report, "alias": _alias,
            "upgrade": _upgrade}[action](args)


# --------------------------------------------------------------------------- add

def expand(paths: list[str]) -> tuple[list[str], list[str]]:
    """Files to store (folders walked, sorted) and the files of a folder skipped by type."""
    files, skipped = [], []
    for p in paths:
        path = Path(p)
        if not path.is_dir():
            files.append(p)
            continue
        for f in sorted(path.rglob("*")):
            if not f.is_file() or f.name.startswith(("~$", ".")):
                continue
            (files if f.suffix.lower() in READABLE else skipped).append(str(f))
    return files, skipped


def _examine(path: str, url: str, profile: str | None, debug: bool):
    """Worker: read and check one file; a crash becomes a fault result, never the batch's end."""
    from ..audit import DocumentResult
    from .store.ingest import examine

    try:
        with guard.processing(path):
            result, item = examine(path, url, profile)
            return result, item, ""
    except Exception as exc:  # batch boundary: report the program fault, keep the other files going
        return DocumentResult(path=path, error=guard.fault_line(exc), fault=True), None, traceback.format_exc() if debug else ""


def _add(args: argparse.Namespace) -> int:
    from .store import db
    from .store.ingest import store

    if args.jobs < 0:
        print("错误：--jobs 不能为负数", file=sys.stderr)
        return 2
    url = db.resolve_url(args.db)
    engine = db.open_store(url)
    files, skipped = expand(args.paths)
    for path in skipped:
        print(f"跳过：{path}：不是可存入的文件类型")
    if not files:
        print("错误：没有找到可存入的文件", file=sys.stderr)
        return 2
    debug = bool(getattr(args, "debug", False))
    jobs = args.jobs or min(os.cpu_count() or 1, len(files))
    done = stored = duplicates = unreadable = faults = 0
    try:
        with closing(batch.imap(_examine, files, jobs, url, args.profile, debug)) as results:
            for result, item, trace in results:
                if trace:
                    sys.stderr.write(trace)
                if item is None:
                    faults += result.fault
                    unreadable += not result.fault
                    print(f"未存入：{result.error}")
                    done += 1
                    continue
                content = None if args.no_content else Path(item.path).read_bytes()
                with batch.held_signals():
                    outcome = store(engine, item, content)
                done += 1
                if outcome.duplicate:
                    duplicates += 1
                    print(f"已在库中（同一文件）：{item.path}")
                    continue
                stored += 1
                print(_stored_line(item, outcome))
    except KeyboardInterrupt:
        raise KeyboardInterrupt(f"已处理 {done}/{len(files)} 个文件，已存入的文件完整保留，其余未存入") from None
    print(f"共 {len(files)} 个文件：新存入 {stored}，已在库中 {duplicates}，未存入 {unreadable + faults}（数据库 {db.shown(url)}）")
    if faults:
        return guard.EXIT_FAULT
    return 2 if unreadable else 0


def _stored_line(item, outcome) -> str:
    year = f"{item.year}年度" if item.year else ""
    what = "数据文件" if item.source == "data" else f"{item.scope}{item.kind}"
    version = f"，第{outcome.version}版（更正后重新公开）" if outcome.version > 1 else ""
    matched = f"；按名称与库中单位“{outcome.matched}”视为同一单位" if outcome.matched else ""
    errors, warnings, infos = item.counts
    return (f"已存入：{item.path} → {item.unit_name} {year}{what}{version}（错误 {errors}，警告 {warnings}，提示 {infos}）"
            + matched)


# --------------------------------------------------------------------------- list, history, alias, upgrade

def _list(args: argparse.Namespace) -> int:
    from .store import db, query

    engine = db.open_store(args.db)
    rows = query.overview(engine, args.year, args.region)
    if not rows:
        print("库中没有符合条件的文件")
        return 0
    for unit, region, docs in rows:
        print(f"{unit}（{region or '地区不明'}）")
        for doc in docs:
            print(f"  {doc}")
    return 0


def _history(args: argparse.Namespace) -> int:
    from .store import db, query

    engine = db.open_store(args.db)
    for line in query.history(engine, args.unit):
        print(line)
    return 0


def _alias(args: argparse.Namespace) -> int:
    from .store import db, query

    engine = db.open_store(args.db)
    print(query.add_alias(engine, args.unit, args.other))
    return 0


def _upgrade(args: argparse.Namespace) -> int:
    from .store import db

    engine = db.engine_for(db.resolve_url(args.db))
    before, after = db.upgrade(engine)
    where = db.shown(str(engine.url))
    if before == after:
        print(f"数据库 {where} 已是当前结构（{after}），无需迁移")
    elif before is None:
        print(f"已建立数据库 {where}（结构 {after}）")
    else:
        print(f"已把数据库 {where} 从结构 {before} 迁移到 {after}，数据全部保留")
    return 0


# --------------------------------------------------------------------------- report

def _report(args: argparse.Namespace) -> int:
    from .store import db
    from .store.report import write_report

    path = Path(args.output)
    if path.suffix.lower() not in (".html", ".htm", ".xlsx"):
        print(f"错误：{path} 应以 .html 或 .xlsx 结尾", file=sys.stderr)
        return 2
    engine = db.open_store(args.db)
    try:
        summary = write_report(engine, args.year, args.region, path)
    except KeyboardInterrupt:
        raise KeyboardInterrupt(guard.not_written(path)) from None
    print(f"已写出 {summary}：{path}")
    return 0
