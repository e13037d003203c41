"""`juesuan build` (placeholder until its issue lands)."""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*")


def run(args: argparse.Namespace) -> int:
    print("尚未实现：build", file=sys.stderr)
    return 2
