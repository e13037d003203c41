"""LibreOffice, headless: the one place juesuan runs ``soffice --convert-to``.

Where it sits: io, used by the PDF writer (.docx → .pdf) and the old-Word reader (.doc → .docx).
Each conversion runs with a private LibreOffice profile in the caller's temporary folder (so it
neither touches nor waits for a user's running office, and conversions can run side by side) and
a timeout. Failures raise :class:`ConversionFailed` with a short Chinese reason.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


class ConversionFailed(RuntimeError):
    """LibreOffice could not convert the file (failed or too slow); the message is Chinese."""


def soffice() -> str | None:
    """Path of the LibreOffice command, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(exe: str, source: Path, fmt: str, workdir: Path, *, timeout: int, env: dict | None = None) -> Path:
    """Convert ``source`` to ``fmt`` ("pdf", "docx") inside ``workdir``; return the produced file.

    ``workdir`` is a temporary folder the caller owns: the LibreOffice profile and the result go
    there, and the caller removes it. ``env`` replaces the environment of the LibreOffice process
    (the PDF writer passes its private fontconfig file this way).
    """
    profile = (workdir / "lo-profile").resolve().as_uri()
    outdir = workdir / "converted"
    command = [exe, f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--convert-to", fmt, "--outdir", str(outdir), str(Path(source).resolve())]
    try:
        done = subprocess.run(command, capture_output=True, timeout=timeout, check=False, env=env)
    except subprocess.TimeoutExpired as exc:
        raise ConversionFailed(f"LibreOffice 转换超时（{timeout} 秒）") from exc
    except OSError as exc:
        raise ConversionFailed(f"无法运行 LibreOffice（{exc.strerror or exc.__class__.__name__}）") from exc
    produced = outdir / f"{Path(source).stem}.{fmt}"
    if done.returncode != 0 or not produced.is_file():
        detail = (done.stderr or done.stdout or b"").decode("utf-8", "replace").strip().splitlines()
        hint = f"：{detail[-1]}" if detail else ""
        raise ConversionFailed(f"LibreOffice 转换失败（退出码 {done.returncode}）{hint}")
    return produced
