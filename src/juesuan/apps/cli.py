"""juesuan command line: parse options, call one library function per command, print, exit.

Each command lives in its own module (``apps/<name>_cmd.py``) exposing ``add_arguments(parser)``
and ``run(args) -> int``, run inside :func:`juesuan.apps.guard.run` so nothing reaches the user as
a traceback. Exit codes: 0 fine, 1 findings of severity error (check) or build errors, 2 usage
errors, unreadable input or an output that could not be written, 3 a fault of the program (the
traceback with ``--debug``), 130 interrupted (Ctrl-C or SIGTERM).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from contextlib import nullcontext

from . import guard

COMMANDS = {
    "template": "写出空白的决算数据填报工作簿（--kind 预算：预算数据工作簿）",
    "build": "由数据（工作簿、YAML 或示例文件夹）生成公开说明与九张表（决算或预算）",
    "check": "审核已公开的决算文件（PDF、Word、HTML、文本、Excel）",
    "score": "计算绩效自评得分",
    "store": "数据库：存入、列出、历年对比与地区汇总报告",
    "users": "工作台的用户：建立（编制人员、审核人员、管理员）和列出",
    "serve": "启动网页工作台（编制与审核），默认只供本机访问",
}
DEBUG_HELP = "程序出错时显示详细的调用栈（供报告问题用）"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="juesuan", description="部门决算公开：编制与审核")
    p.add_argument("--version", action="version", version="juesuan 0.1.0")
    p.add_argument("--debug", action="store_true", help=DEBUG_HELP)
    common = argparse.ArgumentParser(add_help=False)  # --debug is accepted after the command too
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=DEBUG_HELP)
    sub = p.add_subparsers(dest="command", metavar="命令")
    for name, help_text in COMMANDS.items():
        module = importlib.import_module(f"juesuan.apps.{name}_cmd")
        sp = sub.add_parser(name, help=help_text, description=help_text, parents=[common])
        module.add_arguments(sp)
        sp.set_defaults(_run=module.run)
    return p


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    argv = sys.argv[1:] if argv is None else list(argv)
    return guard.run(lambda: _dispatch(argv), debug="--debug" in argv)


def _dispatch(argv: list[str]) -> int:
    p = parser()
    args = p.parse_args(argv)
    if not getattr(args, "_run", None):
        p.print_help()
        return 2
    data = getattr(args, "data", None)  # the one input of build and score; check names its own files
    with guard.processing(data) if data else nullcontext():
        return int(args._run(args))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
