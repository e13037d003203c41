"""`juesuan build DATA -o OUTDIR [--format docx,html,md,xlsx,pdf] [--profile NAME|FILE]`.

Thin: parse options, call :func:`juesuan.compose.build`, print the files written and each
warning (missing reasons, PDF not produced) in Chinese, then what the check catalogue finds in the
data itself (totals that do not add up, …), with the sheet/cell or YAML key and the figures. The files are written
either way; the exit code is 1 when the data has error findings, else 0 (warnings do not fail the
build). Every format that can be written is written; one that cannot is named with its reason and
the exit code is 2 — except the PDF of the default format list when LibreOffice is missing, which is
only noted. Unreadable input exits 2 through the dispatcher's InputError handling. ``juesuan.compose`` (and
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
    from ..core.findings import Severity
    from ..io.writers.report import figures_line

    explicit = bool(args.formats)
    formats = parse_formats(args.formats) if explicit else DEFAULT_FORMATS
    result = build(args.data, args.out, formats=formats, profile=args.profile)
    print(f"已生成 {len(result.files)} 个文件：")
    for path in result.files:
        print(f"  {path}")
    if result.not_written:
        print(f"未生成 {len(result.not_written)} 个文件：")
        for missed in result.not_written:
            print(f"  - {missed.message}")
    if result.warnings:
        print(f"提示 {len(result.warnings)} 条：")
        for warning in result.warnings:
            print(f"  - {warning}")
    if result.findings:
        print(f"数据检查发现 {len(result.findings)} 个问题（已照数据生成，未作调整，请核实）：")
        for f in result.findings:
            where = "；".join(s.describe() for s in f.spans[:2] if s.describe())
            print(f"  [{f.severity.label}] {f.code} {f.message}" + (f"（{where}）" if where else ""))
            if f.figures:
                print(f"      {figures_line(f.figures)}")
    if any(explicit or not missed.unavailable for missed in result.not_written):
        return 2
    return 1 if any(f.severity is Severity.ERROR for f in result.findings) else 0
