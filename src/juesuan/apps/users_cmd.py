"""`juesuan users add|list`: the workbench's accounts, made from the command line.

The password is read from the terminal (asked twice) or, with ``--password-stdin``, from the
first line of standard input; it is never an argument (a command line is visible to other users
of the machine and kept in shell history) and never printed.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from .store_cmd import DB_HELP


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="操作")
    add = sub.add_parser("add", help="建立用户")
    add.add_argument("login", metavar="用户名")
    add.add_argument("--role", required=True, choices=("preparer", "reviewer", "admin"),
                     help="preparer 编制人员（一个单位）、reviewer 审核人员（一个或几个地区）、admin 管理员")
    add.add_argument("--unit", default="", help="编制人员所属单位的名称")
    add.add_argument("--region", default="", help="审核人员负责的地区（如 上海；多个用“、”分隔）")
    add.add_argument("--password-stdin", action="store_true", help="从标准输入的第一行读取密码（供脚本使用）")
    lst = sub.add_parser("list", help="列出用户")
    for sp in (add, lst):
        sp.add_argument("--db", metavar="URL", help=DB_HELP)
        sp.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)


def _password(from_stdin: bool) -> str | None:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("密码：")
    if getpass.getpass("再输入一次：") != first:
        print("错误：两次输入的密码不一致，未建立用户", file=sys.stderr)
        return None
    return first


def run(args: argparse.Namespace) -> int:
    from .store import db
    from .web import accounts

    action = getattr(args, "action", None)
    if action is None:
        print("错误：请指明操作：add 或 list（juesuan users --help）", file=sys.stderr)
        return 2
    engine = db.open_store(args.db)
    if action == "list":
        for line in accounts.list_users(engine):
            print(line)
        return 0
    password = _password(args.password_stdin)
    if password is None:
        return 2
    print(accounts.add_user(engine, args.login, password, args.role, args.unit, args.region))
    return 0
