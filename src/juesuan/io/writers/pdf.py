"""PDF writer: the Word file converted by LibreOffice (``soffice --headless --convert-to pdf``).

Where it sits: after the docx writer. The conversion runs with a private LibreOffice profile
in a temporary folder (so it neither touches nor waits for a user's running office) and a
timeout. Without LibreOffice, :class:`PdfUnavailable` carries a one-line Chinese message and
``build`` still writes the other formats.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ...core.document import Document
from . import docx as docx_writer

TIMEOUT_SECONDS = 180


class PdfUnavailable(RuntimeError):
    """PDF could not be produced (LibreOffice missing, failed or too slow); message in Chinese."""


def soffice() -> str | None:
    """Path of the LibreOffice command, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(docx_path: Path, out_path: Path, *, timeout: int = TIMEOUT_SECONDS) -> Path:
    """Convert an existing .docx to ``out_path`` (.pdf)."""
    exe = soffice()
    if exe is None:
        raise PdfUnavailable("未安装 LibreOffice（soffice），未生成 PDF；其他格式已照常生成")
    out_path = Path(out_path)
    with tempfile.TemporaryDirectory(prefix="juesuan-pdf-") as tmp:
        tmpdir = Path(tmp)
        profile = (tmpdir / "lo-profile").resolve().as_uri()
        command = [exe, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", str(tmpdir), str(Path(docx_path).resolve())]
        try:
            done = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as exc:
            raise PdfUnavailable(f"LibreOffice 转换超时（{timeout} 秒），未生成 PDF") from exc
        produced = tmpdir / (Path(docx_path).stem + ".pdf")
        if done.returncode != 0 or not produced.is_file():
            detail = (done.stderr or done.stdout or b"").decode("utf-8", "replace").strip().splitlines()
            hint = f"：{detail[-1]}" if detail else ""
            raise PdfUnavailable(f"LibreOffice 转换失败（退出码 {done.returncode}）{hint}")
        out_path.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(produced), str(out_path))
    return out_path


def write(doc: Document, path: Path) -> Path:
    """Write ``doc`` as PDF at ``path`` (via a temporary .docx)."""
    path = Path(path)
    if soffice() is None:
        raise PdfUnavailable("未安装 LibreOffice（soffice），未生成 PDF；其他格式已照常生成")
    with tempfile.TemporaryDirectory(prefix="juesuan-docx-") as tmp:
        source = docx_writer.write(doc, Path(tmp) / (path.stem + ".docx"))
        return convert(source, path)
