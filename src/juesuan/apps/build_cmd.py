"""`juesuan build DATA -o OUTDIR [--format docx,html,md,xlsx,pdf] [--profile NAME|FILE]`.

Thin: parse options, call :func:`juesuan.compose.build`, print the files written and each
warning (missing reasons, PDF not produced) in Chinese. Warnings do not fail the build (exit 0);
unreadable input exits 2 through the dispatcher's InputError handling. ``juesuan.compose`` (and
with it python-docx, openpyxl, matplotlib) is imported only when the command runs, so the other
commands start quickly.
"""

from __future__ import annotations

import argparse

FORMAT_HELP = "输出格式，逗号分隔，可选 docx、html、md、xlsx、pdf（默认全部）"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("data", metavar="DATA", help="数据文件（.yaml/.xlsx）或含数据文件的文件夹")
    parser.add_argument("-o", "--out", metavar="OUTDIR", default="out", help="输出文件夹（默认 out）")
    parser.add_argument("--format", "-f", dest="formats", default=None, help=FORMAT_HELP)
    parser.add_argument("--profile", "-p", default=None, help="地区配置名称或 YAML 文件（默认取数据中写明的配置）")


def run(args: argparse.Namespace) -> int:
    from ..compose import DEFAULT_FORMATS, build, parse_formats

    formats = parse_formats(args.formats) if args.formats else DEFAULT_FORMATS
    result = build(args.data, args.out, formats=formats, profile=args.profile)
    print(f"已生成 {len(result.files)} 个文件：")
    for path in result.files:
        print(f"  {path}")
    if result.warnings:
        print(f"提示 {len(result.warnings)} 条：")
        for warning in result.warnings:
            print(f"  - {warning}")
    return 0
