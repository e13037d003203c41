"""Old Word files (.doc, and RTF saved as .doc): converted to .docx by LibreOffice, read as Word.

Where it sits: one of the format readers under :func:`juesuan.io.readers.read_document`, chosen
when the file's first bytes are an OLE compound file (or RTF) under a Word name. The conversion
(:func:`juesuan.io.office.convert`, with a timeout) writes into a temporary folder that is removed
afterwards; the .docx reader does the reading, and every span is renamed back to the .doc file so
findings point at what the user gave. Without LibreOffice, one line naming the file says why it
cannot be read.
"""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

from ...core.findings import InputError
from ...core.model import Span
from .. import office
from . import docx
from .grid import Extracted

TIMEOUT_SECONDS = 120


def extract(path: str | Path) -> Extracted:
    """Convert the .doc at ``path`` with LibreOffice and read the result as a .docx."""
    path = Path(path)
    file = str(path)
    exe = office.soffice()
    if exe is None:
        raise InputError(f"{file}：是旧版 Word（.doc）格式，需用 LibreOffice 转换，但本机未安装 LibreOffice；"
                         "请安装后重试，或在 Word 中另存为 .docx 后再审核")
    with tempfile.TemporaryDirectory(prefix="juesuan-doc-") as tmp:
        try:
            converted = office.convert(exe, path, "docx", Path(tmp), timeout=TIMEOUT_SECONDS)
        except office.ConversionFailed as exc:
            raise InputError(f"{file}：是旧版 Word（.doc）格式，{exc}；请在 Word 中另存为 .docx 后再审核") from exc
        try:
            extracted = docx.extract(converted)
        except InputError as exc:
            raise InputError(str(exc).replace(str(converted), file)) from exc
    return renamed(extracted, str(converted), file)


def renamed(extracted: Extracted, old: str, new: str) -> Extracted:
    """``extracted`` with every span (and grid) that names the file ``old`` naming ``new``."""

    def span(s: Span) -> Span:
        return dataclasses.replace(s, file=new) if s.file == old else s

    lines = tuple((text, span(s)) for text, s in extracted.lines)
    grids = tuple(
        dataclasses.replace(g, file=new if g.file == old else g.file,
                            spans=tuple(tuple(span(s) for s in row) for row in g.spans))
        for g in extracted.grids
    )
    return dataclasses.replace(extracted, file=new, lines=lines, grids=grids)
