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


#: A PDF's page as a copy gives it, one printed line a line: the lines a page's width wrapped
#: (a paragraph's first line lost its two-character indent).
PDF_WRAPPED_LINES = (
    "2020 年度一般公共预算财政拨款安排的“三公”经费支",
    "出决算总额为 5.48 万元,比预算增加 0 万元,比去年增加",
    "1.55 万元,增长 39.4%,增加原因主要是公务用车运行支出",
    "增加,导致“三公”经费支出增加。其中,因公出国支出决",
    "算比预算无增减变化,比去年无增减变化;公务用车购置支",
    "出决算比预算无增减变化,比去年无增减变化,公务用车运",
    "行维护费支出决算比预算无增减变化,比去年增加 1.05 万",
    "元,增长 35.8%。",
    "(一)因公出国(境)费支出 0 万元。全年使用财政拨",
    "款安排出国团组 0 个,累计 0 人次。",
)
