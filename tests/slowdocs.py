"""A stand-in for the ``check`` command's per-document task that worker processes can import (the
tests put this folder on PYTHONPATH): it waits ``JUESUAN_TEST_DELAY`` seconds before each
document, so that a batch lasts long enough to be interrupted or to lose a worker midway; hangs
on a file whose name contains "hang" while ``JUESUAN_TEST_HANG`` is set; and takes a lot of
memory on a file whose name contains "hog". Then it checks the document for real.

Run as a script, it is ``juesuan`` with this task in place: ``python slowdocs.py check …``.
"""

import os
import sys
import time
from pathlib import Path

from juesuan.apps import check_cmd
from juesuan.apps.runstate import fingerprint


def task(path, profile, kind, debug):
    name = Path(path).name
    if "hang" in name and os.environ.get("JUESUAN_TEST_HANG"):
        time.sleep(3600)
    if "hog" in name:
        block = bytearray(600 * 2**20)
        block[::4096] = b"x" * len(block[::4096])  # touch every page, so it is resident
        time.sleep(5)
    time.sleep(float(os.environ.get("JUESUAN_TEST_DELAY", "0")))
    result, trace = check_cmd._check_one(path, profile, kind, debug)
    return result, trace, fingerprint(path)


if __name__ == "__main__":
    import slowdocs  # this file by its module name, so worker processes can import the task

    from juesuan.apps.cli import main

    check_cmd._task = slowdocs.task
    sys.exit(main(sys.argv[1:]))
