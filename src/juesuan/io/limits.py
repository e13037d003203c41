"""Limits on what a reader accepts: every input is answered in bounded time and memory.

Where it sits: io, below the readers. Each reader checks its input against :class:`Limits`
*before* it parses (or while it streams), so a hostile or broken file — a zip bomb, an XML part
with millions of elements, an HTML page nested 100,000 deep, a PDF with ten thousand pages, a
sheet with a million rows, a text file that lost its line breaks — is refused with one Chinese
line naming the file and the limit, never a traceback, a hang or an exhausted machine.

Every limit is a named setting with a documented default (:data:`DEFAULTS`). A run may override
any of them with an environment variable ``JUESUAN_LIMIT_<NAME>`` (``JUESUAN_LIMIT_PDF_PAGES=2000``);
:func:`current` reads them. The defaults keep any input within about 10 s and 500 MB on a
2-core machine while leaving room far beyond the largest real disclosure seen.
"""

from __future__ import annotations

import os
import re
import zipfile
import zlib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import IO, Mapping

from ..core.findings import InputError

KB = 1024
MB = 1024 * KB

#: Members smaller than this may have any compression ratio (a tiny XML part of repeated tags).
RATIO_FLOOR = 1 * MB
ENV_PREFIX = "JUESUAN_LIMIT_"


@dataclass(frozen=True, slots=True)
class Limits:
    """The bounds a reader enforces. Sizes in bytes; counts as plain numbers."""

    #: any input file on disk (PDF, Word, Excel, HTML, text, YAML)
    file_bytes: int = 200 * MB
    #: a plain-text or Markdown disclosure (a real one is well under 1 MB)
    text_bytes: int = 1 * MB
    #: one line of a text file; longer means the line breaks were lost
    text_line_bytes: int = 256 * KB
    #: lines of narrative text one document may hand to assembly (the corpus: 77 to 709)
    narrative_lines: int = 5_000
    #: cells of all the tables one document may hand to assembly (the nine tables and the
    #: 绩效 forms: the corpus and the example hold 500 to 2,700)
    table_cells: int = 20_000
    #: an HTML page
    html_bytes: int = 20 * MB
    #: elements in an HTML page
    html_elements: int = 50_000
    #: nesting depth of an HTML page
    html_depth: int = 500
    #: members of a .docx/.xlsx package
    zip_members: int = 5_000
    #: one member of a package, inflated
    zip_member_bytes: int = 100 * MB
    #: all members of a package together, inflated
    zip_inflated_bytes: int = 200 * MB
    #: inflated / compressed size of a member over RATIO_FLOOR (real Office parts stay below 40)
    zip_ratio: int = 200
    #: elements in one XML part of a .docx/.xlsx
    xml_elements: int = 1_000_000
    #: nesting depth of an XML part
    xml_depth: int = 128
    #: pages of a PDF
    pdf_pages: int = 1_000
    #: characters of text in a whole PDF
    pdf_chars: int = 1_000_000
    #: characters of text on one PDF page
    pdf_page_chars: int = 50_000
    #: drawing objects on one PDF page (rules, text runs, images)
    pdf_page_objects: int = 200_000
    #: a legacy .xls workbook (read whole into memory by its parser)
    xls_bytes: int = 20 * MB
    #: worksheets in a workbook
    sheets: int = 255
    #: rows read from one worksheet
    sheet_rows: int = 20_000
    #: columns read from one worksheet
    sheet_columns: int = 500
    #: cells in the used range (rows × columns) of one worksheet, and in its merged areas
    sheet_cells: int = 100_000
    #: cells in the used ranges of all worksheets read from one workbook
    workbook_cells: int = 200_000
    #: a YAML data file or profile
    yaml_bytes: int = 10 * MB
    #: nesting depth of a YAML document
    yaml_depth: int = 100
    #: nodes of a YAML document, counting each alias as the nodes it stands for
    yaml_nodes: int = 1_000_000


DEFAULTS = Limits()

#: What each limit bounds, in the words of the one-line message, and how its value is shown.
_LABELS: Mapping[str, tuple[str, str]] = {
    "file_bytes": ("文件大小", "bytes"),
    "text_bytes": ("文本文件大小", "bytes"),
    "text_line_bytes": ("单行长度", "bytes"),
    "narrative_lines": ("文字行数", "count"),
    "table_cells": ("表格单元格总数", "count"),
    "html_bytes": ("网页文件大小", "bytes"),
    "html_elements": ("网页元素个数", "count"),
    "html_depth": ("网页嵌套层数", "count"),
    "zip_members": ("压缩包内文件个数", "count"),
    "zip_member_bytes": ("压缩包内单个文件解压后大小", "bytes"),
    "zip_inflated_bytes": ("解压后大小", "bytes"),
    "zip_ratio": ("压缩比", "ratio"),
    "xml_elements": ("XML 元素个数", "count"),
    "xml_depth": ("XML 嵌套层数", "count"),
    "pdf_pages": ("PDF 页数", "count"),
    "pdf_chars": ("PDF 文字总数", "count"),
    "pdf_page_chars": ("单页文字数", "count"),
    "pdf_page_objects": ("单页图形对象个数", "count"),
    "xls_bytes": (".xls 文件大小", "bytes"),
    "sheets": ("工作表个数", "count"),
    "sheet_rows": ("行数", "count"),
    "sheet_columns": ("列数", "count"),
    "sheet_cells": ("单元格数", "count"),
    "workbook_cells": ("工作簿单元格总数", "count"),
    "yaml_bytes": ("YAML 文件大小", "bytes"),
    "yaml_depth": ("YAML 嵌套层数", "count"),
    "yaml_nodes": ("YAML 节点个数", "count"),
}


def shown(name: str, value: int) -> str:
    """A limit's value as the message prints it: "200 MB", "256 KB", "1,000", "200 倍"."""
    kind = _LABELS[name][1]
    if kind == "bytes":
        if value >= MB and value % MB == 0:
            return f"{value // MB} MB"
        if value >= KB and value % KB == 0:
            return f"{value // KB} KB"
        return f"{value:,} 字节"
    if kind == "ratio":
        return f"{value} 倍"
    return f"{value:,}"


class LimitExceeded(InputError):
    """An input over one of the :class:`Limits`; the message names the file and the limit."""

    def __init__(self, file: str, name: str, limits: Limits | None = None, where: str = "", hint: str = "") -> None:
        value = getattr(limits or current(), name)
        label = _LABELS[name][0]
        place = f"{where}" if where else ""
        tail = f"，{hint}" if hint else ""
        super().__init__(f"{file}：{place}{label}超过上限 {shown(name, value)}（limits.{name}）{tail}")
        self.file = file
        self.limit = name


def current(environ: Mapping[str, str] | None = None) -> Limits:
    """The defaults with any ``JUESUAN_LIMIT_<NAME>`` override from the environment applied."""
    env = os.environ if environ is None else environ
    changes: dict[str, int] = {}
    for f in fields(Limits):
        raw = env.get(ENV_PREFIX + f.name.upper())
        if raw is None or not raw.strip():
            continue
        try:
            value = int(raw.strip().replace("_", ""))
        except ValueError:
            value = 0
        if value <= 0:
            raise InputError(f"环境变量 {ENV_PREFIX}{f.name.upper()}：应为正整数，实际为“{raw}”")
        changes[f.name] = value
    return replace(DEFAULTS, **changes) if changes else DEFAULTS


# --------------------------------------------------------------------------- whole files

def check_file_size(path: Path, file: str, name: str = "file_bytes", limits: Limits | None = None) -> int:
    """The file's size; LimitExceeded when over ``file_bytes`` or the named, tighter limit."""
    limits = limits or current()
    size = path.stat().st_size
    for limit in dict.fromkeys(("file_bytes", name)):
        if size > getattr(limits, limit):
            raise LimitExceeded(file, limit, limits)
    return size


def check_text_lines(path: Path, file: str, limits: Limits | None = None) -> None:
    """Refuse a text file over ``text_bytes`` or with a line longer than ``text_line_bytes``.

    Streams the file in chunks; a line is what lies between two CR or LF bytes (the same bytes
    in UTF-8, GBK and UTF-16), so no decoding is needed."""
    limits = limits or current()
    check_file_size(path, file, "text_bytes", limits)
    longest = run = 0
    with path.open("rb") as fh:
        while longest <= limits.text_line_bytes and (chunk := fh.read(MB)):
            parts = chunk.replace(b"\r", b"\n").split(b"\n")
            run += len(parts[0])
            if len(parts) > 1:
                longest = max(longest, run, *(len(part) for part in parts[1:-1]))
                run = len(parts[-1])
            longest = max(longest, run)
    if longest > limits.text_line_bytes:
        raise LimitExceeded(file, "text_line_bytes", limits, hint="文件可能丢失了换行")


# --------------------------------------------------------------------------- zip packages

BROKEN_PACKAGE = "压缩包已损坏，无法读取"


def _broken(file: str, damaged: str) -> InputError:
    return InputError(f"{file}：{damaged}")


def check_zip(path: Path, file: str, damaged: str = BROKEN_PACKAGE, limits: Limits | None = None) -> None:
    """Refuse a .docx/.xlsx package whose members inflate beyond the limits, before any parsing.

    The central directory's declared sizes are checked first (a bomb is refused without
    inflating a byte); then every member is inflated in 1 MB chunks and counted, so sizes and
    checksums are verified against what the data really is, in constant memory."""
    limits = limits or current()
    check_file_size(path, file, "file_bytes", limits)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > limits.zip_members:
                raise LimitExceeded(file, "zip_members", limits)
            declared = 0
            for info in infos:
                _check_member(file, info.filename, info.file_size, info.compress_size, limits)
                declared += info.file_size
                if declared > limits.zip_inflated_bytes:
                    raise LimitExceeded(file, "zip_inflated_bytes", limits)
            total = 0
            for info in infos:
                if info.is_dir():
                    continue
                size = 0
                with archive.open(info) as fh:
                    while chunk := fh.read(MB):
                        size += len(chunk)
                        total += len(chunk)
                        _check_member(file, info.filename, size, info.compress_size, limits)
                        if total > limits.zip_inflated_bytes:
                            raise LimitExceeded(file, "zip_inflated_bytes", limits)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise _broken(file, damaged) from exc
    except RuntimeError as exc:  # an encrypted member asks for a password
        raise InputError(f"{file}：文件已加密，无法读取") from exc


def _check_member(file: str, member: str, size: int, compressed: int, limits: Limits) -> None:
    if size > limits.zip_member_bytes:
        raise LimitExceeded(file, "zip_member_bytes", limits, where=f"{member} ")
    if size > RATIO_FLOOR and size > limits.zip_ratio * max(compressed, 1):
        raise LimitExceeded(file, "zip_ratio", limits, where=f"{member} ")


# --------------------------------------------------------------------------- XML parts

def scan_xml(stream: IO[bytes], file: str, part: str, limits: Limits | None = None, *, whole: bool = True) -> int:
    """Stream one XML part: refuse a DTD (the door to entity expansion), and more than
    ``xml_elements`` elements or ``xml_depth`` levels. Memory stays flat: elements are dropped
    as soon as they end. ``whole=False`` stops after the root element opens (DTD check only).
    Returns the number of elements seen."""
    from lxml import etree

    limits = limits or current()
    head = stream.read(4096)
    if _DOCTYPE.search(head):
        raise InputError(f"{file}：{part} 含有文档类型声明（DTD），Office 文档不应有，为安全起见未读取")
    count = depth = 0
    context = etree.iterparse(_Rejoined(head, stream), events=("start", "end"), resolve_entities=False, huge_tree=False,
                              no_network=True, load_dtd=False, remove_comments=True, remove_pis=True)
    try:
        for event, element in context:
            if event == "end":
                depth -= 1
                element.clear()
                parent = element.getparent()
                if parent is not None:
                    while element.getprevious() is not None:
                        del parent[0]
                continue
            if count == 0 and element.getroottree().docinfo.doctype:
                raise InputError(f"{file}：{part} 含有文档类型声明（DTD），Office 文档不应有，为安全起见未读取")
            count += 1
            depth += 1
            if count > limits.xml_elements:
                raise LimitExceeded(file, "xml_elements", limits, where=f"{part} ")
            if depth > limits.xml_depth:
                raise LimitExceeded(file, "xml_depth", limits, where=f"{part} ")
            if not whole:
                break
    except etree.XMLSyntaxError as exc:
        if "depth" in str(exc).lower():  # libxml2's own bound, met before our count when a chunk nests it
            raise LimitExceeded(file, "xml_depth", limits, where=f"{part} ") from exc
        raise InputError(f"{file}：{part} 不是有效的 XML，文件已损坏") from exc
    return count


_DOCTYPE = re.compile(rb"<!DOCTYPE|<\x00!\x00D\x00O\x00C\x00|\x00<\x00!\x00D\x00O\x00C", re.I)


class _Rejoined:
    """A stream whose first bytes were read to look at: gives them back, then the rest."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head, self._rest = head, rest

    def read(self, size: int = -1) -> bytes:
        if self._head:
            out, self._head = (self._head, b"") if size < 0 or size >= len(self._head) else (
                self._head[:size], self._head[size:])
            return out
        return self._rest.read(size)


def check_package_xml(path: Path, file: str, skip_prefixes: tuple[str, ...] = (), limits: Limits | None = None,
                      damaged: str = BROKEN_PACKAGE) -> None:
    """:func:`scan_xml` over every XML member of a package (``check_zip`` first). Members under
    ``skip_prefixes`` (an xlsx's worksheets, bounded row by row as they are read) get the DTD check only."""
    limits = limits or current()
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                name = info.filename
                if info.is_dir() or not name.lower().endswith((".xml", ".rels", ".vml")):
                    continue
                with archive.open(info) as fh:
                    scan_xml(fh, file, name, limits, whole=not name.startswith(skip_prefixes))
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise _broken(file, damaged) from exc
    except RuntimeError as exc:
        raise InputError(f"{file}：文件已加密，无法读取") from exc


def check_package(path: Path, file: str, skip_prefixes: tuple[str, ...] = (), limits: Limits | None = None,
                  damaged: str = BROKEN_PACKAGE) -> None:
    """Everything a .docx/.xlsx must pass before a parser sees it: sizes, ratio, XML parts."""
    limits = limits or current()
    check_zip(path, file, damaged, limits)
    check_package_xml(path, file, skip_prefixes, limits, damaged)
