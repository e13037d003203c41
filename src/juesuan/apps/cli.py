"""juesuan command line: parse options, call one library function per command, print, exit.

Each command lives in its own module (``apps/<name>_cmd.py``) exposing ``add_arguments(parser)``
and ``run(args) -> int``. Exit codes: 0 fine, 1 findings of severity error (check) or build
errors, 2 usage errors or unreadable input.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from ..core.findings import InputError

COMMANDS = {
    "template": "写出空白的决算数据填报工作簿",
    "build": "由数据（工作簿、YAML 或示例文件夹）生成公开说明与九张表",
    "check": "审核已公开的决算文件（PDF、Word、HTML、文本、Excel）",
    "score": "计算绩效自评得分",
}


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="juesuan", description="部门决算公开：编制与审核")
    p.add_argument("--version", action="version", version="juesuan 0.1.0")
    sub = p.add_subparsers(dest="command", metavar="命令")
    for name, help_text in COMMANDS.items():
        module = importlib.import_module(f"juesuan.apps.{name}_cmd")
        sp = sub.add_parser(name, help=help_text, description=help_text)
        module.add_arguments(sp)
        sp.set_defaults(_run=module.run)
    return p


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    args = parser().parse_args(argv)
    if not getattr(args, "_run", None):
        parser().print_help()
        return 2
    try:
        return int(args._run(args))
    except InputError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("已中断", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
