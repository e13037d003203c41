"""Test-wide settings: without ../shared beside the repository, the tests that need its real
documents (marked ``needs_shared``, see tests/shared.py) are left out, and the run says so in one
line. Nothing else is left out: a missing file or program fails its test.

A run started as a background job of a non-interactive shell ("( .ci/run & )") begins with SIGINT
ignored, and every process it starts inherits that: the Ctrl-C tests would then test nothing the
user sees. Python's own handler is put back first (a started program gets the default again)."""

from __future__ import annotations

import signal

from shared import PRESENT, SHARED

if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

_left_out: list[str] = []


def pytest_configure(config):
    config.addinivalue_line("markers", "needs_shared: reads real documents from ../shared")


def pytest_collection_modifyitems(config, items):
    if PRESENT:
        return
    keep = []
    for item in items:
        (_left_out if item.get_closest_marker("needs_shared") else keep).append(item)
    if len(keep) != len(items):
        config.hook.pytest_deselected(items=[i for i in items if i.get_closest_marker("needs_shared")])
        items[:] = keep


def pytest_terminal_summary(terminalreporter):
    if _left_out:
        terminalreporter.write_line(f"{len(_left_out)} 项测试需要 {SHARED}（真实公开文件），该目录不存在，本次未运行")
