"""PDF writer: the Word file converted by LibreOffice (``soffice --headless --convert-to pdf``).

Where it sits: after the docx writer. The conversion is :func:`juesuan.io.office.convert` (a
private LibreOffice profile, a timeout). Without LibreOffice, :class:`PdfUnavailable` carries a
one-line Chinese message and ``build`` still writes the other formats.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from ...core.document import Document
from .. import office
from ..atomic import replacing
from . import docx as docx_writer

TIMEOUT_SECONDS = 180


class PdfUnavailable(RuntimeError):
    """PDF could not be produced (LibreOffice missing, failed or too slow); message in Chinese."""


def soffice() -> str | None:
    """Path of the LibreOffice command, or None."""
    return office.soffice()


def convert(docx_path: Path, out_path: Path, *, timeout: int = TIMEOUT_SECONDS) -> Path:
    """Convert an existing .docx to ``out_path`` (.pdf)."""
    exe = soffice()
    if exe is None:
        raise PdfUnavailable("未安装 LibreOffice（soffice），未生成 PDF；其他格式已照常生成")
    out_path = Path(out_path)
    with tempfile.TemporaryDirectory(prefix="juesuan-pdf-") as tmp:
        try:
            produced = office.convert(exe, Path(docx_path), "pdf", Path(tmp), timeout=timeout)
        except office.ConversionFailed as exc:
            raise PdfUnavailable(f"{exc}，未生成 PDF") from exc
        out_path.parent.mkdir(parents=True, exist_ok=True)
        with replacing(out_path) as temp:
            shutil.copyfile(produced, temp)
    return out_path


def write(doc: Document, path: Path) -> Path:
    """Write ``doc`` as PDF at ``path`` (via a temporary .docx)."""
    path = Path(path)
    if soffice() is None:
        raise PdfUnavailable("未安装 LibreOffice（soffice），未生成 PDF；其他格式已照常生成")
    with tempfile.TemporaryDirectory(prefix="juesuan-docx-") as tmp:
        source = docx_writer.write(doc, Path(tmp) / (path.stem + ".docx"))
        return convert(source, path)
