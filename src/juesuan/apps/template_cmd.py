"""`juesuan template`: write the blank data workbook a finance officer fills (决算, or 预算 with --kind);
a 决算 workbook with ``--from-db UNIT`` comes prefilled from the store (last year's figures as 上年).

Where it sits: apps; one call to ``io.writers.template.write_workbook`` (决算数据) or
``io.writers.template_budget.write_budget_workbook`` (a budget's, laid out by its profile), which
write the workbook whole or not at all (an unwritable path is one line, exit 2), after
``apps.store.query.prefill`` when the store is asked. The filled workbook
is read back by ``juesuan build`` (``io.readers.data_xlsx.read_workbook``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import guard

KINDS = ("决算", "预算")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", default=None, help="写出的工作簿（默认：决算数据.xlsx，预算为 预算数据.xlsx）")
    parser.add_argument("--kind", choices=KINDS, default="决算", help="决算（默认）或 预算（部门预算、单位预算）")
    parser.add_argument("--year", type=int, default=None, help="年度（默认：决算 2024，预算 2025），决定功能分类科目表")
    parser.add_argument("--profile", "-p", default=None,
                        help="预算的格式配置（默认 national-yusuan；如 shanghai-yusuan），决定各表的表名和栏目")
    parser.add_argument("--force", action="store_true", help="文件已存在时覆盖")
    parser.add_argument("--from-db", metavar="UNIT", help="从数据库预填决算工作簿：该单位上年的决算数、本年的预算数（取 --year 年度）")
    parser.add_argument("--db", metavar="URL", help="数据库（默认取环境变量 JUESUAN_DB，再默认 ~/.local/share/juesuan/juesuan.db）")


def run(args: argparse.Namespace) -> int:
    budget = args.kind == "预算"
    path = Path(args.output or ("预算数据.xlsx" if budget else "决算数据.xlsx"))
    year = args.year or (2025 if budget else 2024)
    if path.suffix.lower() != ".xlsx":
        print(f"错误：{path} 不是 .xlsx 文件名，请以 .xlsx 结尾", file=sys.stderr)
        return 2
    if path.exists() and not args.force:
        print(f"错误：{path} 已存在，未覆盖；如需覆盖请加 --force", file=sys.stderr)
        return 2
    if path.parent and not path.parent.exists():
        print(f"错误：目录 {path.parent} 不存在", file=sys.stderr)
        return 2
    if args.profile and not budget:
        print("错误：--profile 只用于预算工作簿（--kind 预算）；决算工作簿的格式在“单位概况”的“配置”行填写", file=sys.stderr)
        return 2
    if args.from_db and budget:
        print("错误：--from-db 目前只用于决算工作簿", file=sys.stderr)
        return 2
    d, notes = None, []
    if args.from_db:
        from .store import db, query

        d, notes = query.prefill(db.open_store(args.db), args.from_db, year)
    try:
        if budget:
            count = _budget(path, year, args.profile)
        else:
            from ..io.template_layout import SHEET_ORDER
            from ..io.writers.template import write_workbook

            write_workbook(path, d, year=year)
            count = len(SHEET_ORDER)
    except KeyboardInterrupt:
        raise KeyboardInterrupt(guard.not_written(path)) from None
    what = f"{d.unit.name} " if d is not None else ""
    print(f"已写出 {what}{year} 年度{args.kind}数据填报工作簿：{path}（{count} 张工作表）")
    for note in notes:
        print(f"  {note}")
    return 0


def _budget(path: Path, year: int, profile_name: str | None) -> int:
    """Write the budget workbook; a profile that is not a budget's is one line (InputError)."""
    from ..core.findings import InputError
    from ..core.profiles import load_profile
    from ..io import template_layout as L
    from ..io.writers.template_budget import write_budget_workbook

    profile = load_profile(profile_name or L.DEFAULT_BUDGET_PROFILE)
    if "预算" not in profile.match.kinds:
        raise InputError(f"配置“{profile.name}”是决算的格式，预算工作簿请用预算的配置（如 national-yusuan、shanghai-yusuan）")
    write_budget_workbook(path, None, year=year, profile=profile)
    import openpyxl

    return len(openpyxl.load_workbook(path, read_only=True).sheetnames)
