"""`juesuan template`: write the blank 决算数据 workbook a finance officer fills.

Where it sits: apps; one call to ``io.writers.template.write_workbook``, which writes the workbook
whole or not at all (an unwritable path is one line, exit 2). The filled workbook is
read back by ``juesuan build`` (``io.readers.data_xlsx.read_workbook``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import guard


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", default="决算数据.xlsx", help="写出的工作簿（默认：决算数据.xlsx）")
    parser.add_argument("--year", type=int, default=2024, help="决算年度（默认：2024），决定功能分类科目表")
    parser.add_argument("--force", action="store_true", help="文件已存在时覆盖")


def run(args: argparse.Namespace) -> int:
    from ..io.template_layout import SHEET_ORDER
    from ..io.writers.template import write_workbook

    path = Path(args.output)
    if path.suffix.lower() != ".xlsx":
        print(f"错误：{path} 不是 .xlsx 文件名，请以 .xlsx 结尾", file=sys.stderr)
        return 2
    if path.exists() and not args.force:
        print(f"错误：{path} 已存在，未覆盖；如需覆盖请加 --force", file=sys.stderr)
        return 2
    if path.parent and not path.parent.exists():
        print(f"错误：目录 {path.parent} 不存在", file=sys.stderr)
        return 2
    try:
        write_workbook(path, None, year=args.year)
    except KeyboardInterrupt:
        raise KeyboardInterrupt(guard.not_written(path)) from None
    print(f"已写出 {args.year} 年度决算数据填报工作簿：{path}（{len(SHEET_ORDER)} 张工作表）")
    return 0
