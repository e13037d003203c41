"""The one place the tests learn about ``../shared`` (real published documents kept beside the
repository, not in it) and about the programs ``scripts/test`` installs.

* ``shared("corpus", "x.pdf")`` gives a path under ``../shared``. When ``../shared`` is absent,
  tests marked ``needs_shared`` are not collected (``conftest.py`` says how many, in one line at the
  end of the run); when it is present, a missing file fails the test — it is never skipped.
* ``tool("soffice")`` gives the path of a program; a missing one fails the test with a line saying
  that ``scripts/test`` installs it (the suite is meant to run through ``scripts/test``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PRESENT = SHARED.is_dir()
SEED = SHARED / "seed" / "000_e5361b4e9819f483.txt"
CORPUS = SHARED / "corpus"

#: Mark a test (or a module, ``pytestmark = needs_shared``) that reads ../shared.
needs_shared = pytest.mark.needs_shared


def shared(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.fail(f"{path} 不存在：../shared 里缺少这个真实文件（测试需要它）")
    return path


def tool(name: str, *alternatives: str) -> str:
    for candidate in (name, *alternatives):
        found = shutil.which(candidate)
        if found:
            return found
    pytest.fail(f"缺少程序 {name}：请用 scripts/test 运行测试（它会安装 {name}）")
