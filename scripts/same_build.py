"""Build the example under every shipped profile with the code of a git revision and with the
working tree, and compare the outputs byte for byte: for changes that must not change what
``juesuan build`` writes (a refactoring of the phrasebook, say).

    .venv/bin/python scripts/same_build.py [REV] [--format md,html] [--data examples/changji-2024]

REV defaults to main. Both builds read the same data (the working tree's); exit 1 when any
output differs.
"""

from __future__ import annotations

import argparse
import filecmp
import io
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_RUN = ("import sys, juesuan; assert juesuan.__file__.startswith(sys.argv[1]), juesuan.__file__; "
        "from juesuan.apps.cli import main; sys.exit(main(sys.argv[2:]))")


def _export(rev: str, into: Path) -> Path:
    archive = subprocess.run(["git", "-C", str(REPO), "archive", rev, "src"], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def _build(src: Path, data: Path, out: Path, profile: str, formats: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(src)}
    cmd = [sys.executable, "-c", _RUN, str(src), "build", str(data), "-o", str(out), "-f", formats, "--profile", profile]
    subprocess.run(cmd, check=False, env=env, capture_output=True)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("rev", nargs="?", default="main")
    p.add_argument("--format", default="md")
    p.add_argument("--data", default=str(REPO / "examples" / "changji-2024"))
    args = p.parse_args()
    sys.path.insert(0, str(REPO / "src"))
    from juesuan.core.profiles import shipped_profiles

    differ = 0
    with tempfile.TemporaryDirectory() as tmp:
        old_src = _export(args.rev, Path(tmp) / "old")
        for profile in shipped_profiles():
            old, new = Path(tmp) / "out-old" / profile, Path(tmp) / "out-new" / profile
            _build(old_src, Path(args.data), old, profile, args.format)
            _build(REPO / "src", Path(args.data), new, profile, args.format)
            names = sorted({f.name for f in old.glob("*")} | {f.name for f in new.glob("*")})
            for name in names:
                same = (old / name).is_file() and (new / name).is_file() and filecmp.cmp(old / name, new / name, shallow=False)
                differ += not same
                print(f"{'same' if same else 'DIFFERENT':9} {profile}/{name}")
            if not names:
                differ += 1
                print(f"{'NOTHING':9} {profile}: neither build wrote a file")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
