"""PDF writer: the Word file converted by LibreOffice (``soffice --headless --convert-to pdf``).

Where it sits: after the docx writer. The conversion is :func:`juesuan.io.office.convert` (a
private LibreOffice profile, a timeout). Without LibreOffice, :class:`PdfUnavailable` carries a
one-line Chinese message and ``build`` still writes the other formats.

The Word file names the fonts of a government document (宋体, 黑体, 仿宋, Times New Roman), which
a Linux machine does not have. A private fontconfig file (:func:`font_config`) makes LibreOffice
set them in their free counterparts — Noto Serif CJK SC for 宋体/仿宋/楷体, Noto Sans CJK SC for
黑体, Liberation Serif for Times New Roman — and offers the font shipped with juesuan last, so a
character never comes out as a box.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from html import escape
from pathlib import Path

from ...core.document import Document
from .. import office
from ..atomic import replacing
from . import docx as docx_writer

TIMEOUT_SECONDS = 180
SYSTEM_FONT_CONFIG = Path("/etc/fonts/fonts.conf")
SHIPPED_FONTS = Path(__file__).with_name("assets")
SHIPPED_FAMILY = "Juesuan Sans SC"
#: Font names a Word file uses → free families to set them in, best first.
SUBSTITUTES = {
    ("宋体", "SimSun", "新宋体", "NSimSun", "仿宋", "FangSong", "仿宋_GB2312", "楷体", "KaiTi", "楷体_GB2312",
     "方正小标宋简体"): ("Noto Serif CJK SC", "Source Han Serif SC", "Noto Serif SC", "AR PL UMing CN"),
    ("黑体", "SimHei", "微软雅黑", "Microsoft YaHei", "等线", "DengXian"):
        ("Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "WenQuanYi Micro Hei"),
    ("Times New Roman",): ("Liberation Serif", "Tinos", "DejaVu Serif"),
}


class PdfUnavailable(RuntimeError):
    """PDF could not be produced (LibreOffice missing, failed or too slow); message in Chinese."""


def soffice() -> str | None:
    """Path of the LibreOffice command, or None."""
    return office.soffice()


def font_config(folder: Path) -> Path:
    """Write a fontconfig file into ``folder`` that keeps the machine's own setup and adds the
    substitutions of :data:`SUBSTITUTES` and the shipped font; return its path."""
    parts = ['<?xml version="1.0"?>', '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">', "<fontconfig>"]
    if SYSTEM_FONT_CONFIG.is_file():
        parts.append(f'  <include ignore_missing="yes">{escape(str(SYSTEM_FONT_CONFIG))}</include>')
    parts.append(f"  <dir>{escape(str(SHIPPED_FONTS))}</dir>")
    parts.append(f"  <cachedir>{escape(str(folder / 'fontconfig-cache'))}</cachedir>")
    for names, free in SUBSTITUTES.items():
        prefer = "".join(f"<family>{escape(f)}</family>" for f in (*free, SHIPPED_FAMILY))
        for name in names:
            parts.append(f'  <alias binding="same"><family>{escape(name)}</family><prefer>{prefer}</prefer></alias>')
    parts.append("</fontconfig>")
    path = folder / "fonts.conf"
    path.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return path


def convert(docx_path: Path, out_path: Path, *, timeout: int = TIMEOUT_SECONDS) -> Path:
    """Convert an existing .docx to ``out_path`` (.pdf)."""
    exe = soffice()
    if exe is None:
        raise PdfUnavailable("未安装 LibreOffice（soffice），未生成 PDF；其他格式已照常生成")
    out_path = Path(out_path)
    with tempfile.TemporaryDirectory(prefix="juesuan-pdf-") as tmp:
        env = dict(os.environ, FONTCONFIG_FILE=str(font_config(Path(tmp))))
        try:
            produced = office.convert(exe, Path(docx_path), "pdf", Path(tmp), timeout=timeout, env=env)
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
