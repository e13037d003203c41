"""Receiving uploads: streamed to disk under limits, zip files opened safely, types by content.

Where it sits: apps/web, under ``app``; over ``io.limits`` (zip bombs) and ``io.readers.sniff``
(the type of a file by its first bytes). Nothing is held in memory: the multipart body is parsed
as it arrives (python-multipart's streaming parser) and each file written in chunks; a request
larger than the limit is refused from its Content-Length before a byte is read, and a file that
passes the limit while streaming is cut off there (what came before it is kept).

Each file ends as an :class:`Upload`: a path to hand to the queue, or one Chinese line saying
why it was not taken (the other files of the upload go on).
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from python_multipart import MultipartParser
from python_multipart.multipart import parse_options_header

from ...core.findings import InputError
from ...io import limits as io_limits

MB = 1024 * 1024
_SAFE = re.compile(r"[^\w.\-（）()\u4e00-\u9fff]+")


@dataclass(frozen=True, slots=True)
class UploadLimits:
    """What one upload may hold; each can be set with ``JUESUAN_UPLOAD_<NAME>`` (bytes, counts)."""

    #: one file (a zip counts as one file before it is opened)
    file_bytes: int = 100 * MB
    #: the whole request
    request_bytes: int = 300 * MB
    #: files in one upload, zip members included
    files: int = 100
    #: pages of one PDF
    pdf_pages: int = 1_000

    @classmethod
    def from_env(cls) -> "UploadLimits":
        values = {}
        for name in ("file_bytes", "request_bytes", "files", "pdf_pages"):
            raw = os.environ.get(f"JUESUAN_UPLOAD_{name.upper()}")
            if raw and raw.isdigit():
                values[name] = int(raw)
        return cls(**values)


@dataclass(frozen=True, slots=True)
class Upload:
    name: str  # as the user named it ("年报.zip/普陀区财政局.pdf" for a zip member)
    path: Path | None = None
    error: str = ""


class UploadRefused(InputError):
    """The whole request is refused (too large, no CSRF token before the files)."""


def _mb(n: int) -> str:
    return f"{n / MB:.0f} MB" if n >= MB else f"{n:,} 字节"


def safe_name(name: str) -> str:
    """The last part of a client's file name, with nothing that could leave the folder."""
    base = PurePosixPath((name or "").replace("\\", "/")).name
    base = _SAFE.sub("_", base).strip("._") or "file"
    return base[-120:]


class _Receiver:
    """python-multipart callbacks: fields into a dict, files into ``folder`` in chunks."""

    def __init__(self, folder: Path, limits: UploadLimits, csrf_ok):
        self.folder, self.limits, self.csrf_ok = folder, limits, csrf_ok
        self.fields: dict[str, str] = {}
        self.files: list[Upload] = []
        self.cut: str = ""  # set when a file passed the limit: parsing stops there
        self._headers: dict[str, bytes] = {}
        self._field, self._value = b"", b""
        self._name, self._filename = "", None
        self._buffer = bytearray()
        self._out = None
        self._path: Path | None = None
        self._size = 0

    def callbacks(self) -> dict:
        return {"on_part_begin": self._begin, "on_part_data": self._data, "on_part_end": self._end,
                "on_header_field": self._hfield, "on_header_value": self._hvalue,
                "on_header_end": self._hend, "on_headers_finished": self._hdone}

    def _begin(self):
        self._headers, self._buffer, self._filename, self._size = {}, bytearray(), None, 0

    def _hfield(self, data, start, end):
        self._field += data[start:end]

    def _hvalue(self, data, start, end):
        self._value += data[start:end]

    def _hend(self):
        self._headers[self._field.decode("latin-1").lower()] = bytes(self._value)
        self._field, self._value = b"", b""

    def _hdone(self):
        _, options = parse_options_header(self._headers.get("content-disposition", b""))
        self._name = options.get(b"name", b"").decode("utf-8", "replace")
        filename = options.get(b"filename")
        self._filename = filename.decode("utf-8", "replace") if filename is not None else None
        if self._filename is not None:
            if not self.csrf_ok(self.fields.get("csrf")):
                raise UploadRefused("表单已过期或来源不明（缺少安全令牌），上传未接收；请刷新页面后重试")
            if not self._filename:
                return
            self._path = self.folder / f"{len(self.files):03d}-{safe_name(self._filename)}"
            self._out = self._path.open("wb")

    def _data(self, data, start, end):
        if self._filename is None:
            self._buffer += data[start:end]
            if len(self._buffer) > 64 * 1024:
                raise UploadRefused("表单字段过长，上传未接收")
            return
        if self._out is None:
            return
        self._size += end - start
        if self._size > self.limits.file_bytes:
            self._out.close()
            self._path.unlink(missing_ok=True)
            self._out = None
            self.files.append(Upload(self._filename, None, f"{self._filename}：文件超过上传大小上限 {_mb(self.limits.file_bytes)}，"
                                                               f"已在上限处停止接收（其后的文件未上传）"))
            self.cut = self._filename
            raise _Stop()
        self._out.write(data[start:end])

    def _end(self):
        if self._filename is None:
            self.fields[self._name] = bytes(self._buffer).decode("utf-8", "replace")
        elif self._out is not None:
            self._out.close()
            self._out = None
            self.files.append(Upload(self._filename, self._path))

    def abandon(self):
        if self._out is not None:
            self._out.close()
            self._path.unlink(missing_ok=True)


class _Stop(Exception):
    pass


async def receive(request, folder: Path, limits: UploadLimits, csrf_ok) -> tuple[dict[str, str], list[Upload]]:
    """Parse a multipart request into ``folder``; (fields, files). Raises :class:`UploadRefused`
    for a request refused whole. ``csrf_ok(token)`` is asked before the first file is written."""
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > limits.request_bytes:
        raise UploadRefused(f"上传内容共 {_mb(int(length))}，超过单次上传上限 {_mb(limits.request_bytes)}，未接收")
    ctype, options = parse_options_header(request.headers.get("content-type", ""))
    if ctype != b"multipart/form-data" or b"boundary" not in options:
        raise UploadRefused("上传的格式不对（应为 multipart/form-data 表单），未接收")
    folder.mkdir(parents=True, exist_ok=True)
    receiver = _Receiver(folder, limits, csrf_ok)
    parser = MultipartParser(options[b"boundary"], receiver.callbacks())
    total = 0
    try:
        async for chunk in request.stream():
            total += len(chunk)
            if total > limits.request_bytes:
                receiver.abandon()
                raise UploadRefused(f"上传内容超过单次上传上限 {_mb(limits.request_bytes)}，已在上限处停止接收")
            parser.write(chunk)
        parser.finalize()
    except _Stop:
        receiver.abandon()
    except UploadRefused:
        receiver.abandon()
        raise
    except Exception as exc:  # a malformed body from the client
        receiver.abandon()
        if isinstance(exc, InputError):
            raise
        raise UploadRefused(f"上传内容不完整或格式有误（{exc.__class__.__name__}），未接收") from exc
    return receiver.fields, receiver.files


# --------------------------------------------------------------------------- what each file is

def examine_uploads(files: list[Upload], limits: UploadLimits) -> list[Upload]:
    """Zip files opened (members checked), each file's type decided by content; at most
    ``limits.files`` files taken. Every file not taken has its one line."""
    out: list[Upload] = []
    for up in files:
        if up.path is None:
            out.append(up)
            continue
        out.extend(_one(up, limits))
    taken = [u for u in out if u.path is not None]
    if len(taken) > limits.files:
        extra = taken[limits.files:]
        out = [u for u in out if u.path is None or u not in extra]
        for u in extra:
            u.path.unlink(missing_ok=True)
        out.append(Upload(f"其余 {len(extra)} 个文件", None,
                          f"单次上传最多 {limits.files} 个文件，其余 {len(extra)} 个（{extra[0].name} 起）未接收"))
    return out


def _head(path: Path) -> bytes:
    with path.open("rb") as fh:
        return fh.read(2048)


def _one(up: Upload, limits: UploadLimits) -> list[Upload]:
    from ...io.readers import sniff

    head = _head(up.path)
    suffix = Path(up.name).suffix.lower()
    if not head:
        return [_refuse(up, f"{up.name}：文件是空的")]
    if head.startswith(b"PK\x03\x04") and suffix not in (".docx", ".xlsx", ".xlsm") and not _is_office(up.path):
        return _unzip(up, limits)
    try:
        kind = sniff(up.path, head)  # the saved file keeps the name's suffix, which sniff consults
    except InputError as exc:
        return [_refuse(up, _named(str(exc).replace(str(up.path), up.name), up.name))]
    if kind == "pdf":
        pages = _pdf_pages(up.path)
        if pages is None:
            return [_refuse(up, f"{up.name}：PDF 文件已损坏，无法打开")]
        if pages > limits.pdf_pages:
            return [_refuse(up, f"{up.name}：共 {pages} 页，超过页数上限 {limits.pdf_pages} 页，未接收")]
    return [up]


def _named(message: str, name: str) -> str:
    """The reader's line names the path it was given; the user knows the file by its name."""
    return message if message.startswith(name) else f"{name}：{message.split('：', 1)[-1]}"


def _is_office(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
    except (zipfile.BadZipFile, OSError):
        return False
    return "word/document.xml" in names or "xl/workbook.xml" in names


def _refuse(up: Upload, message: str) -> Upload:
    if up.path is not None:
        up.path.unlink(missing_ok=True)
    return Upload(up.name, None, message)


def _pdf_pages(path: Path) -> int | None:
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(str(path))
    except pypdfium2.PdfiumError:
        return None
    try:
        return len(pdf)
    finally:
        pdf.close()


def unsafe_member(name: str) -> bool:
    """A member whose path would leave the folder it is unpacked into."""
    text = name.replace("\\", "/")
    parts = PurePosixPath(text).parts
    return text.startswith("/") or bool(re.match(r"^[A-Za-z]:", text)) or ".." in parts


def _unzip(up: Upload, limits: UploadLimits) -> list[Upload]:
    """The members of a zip upload, after the archive as a whole passed the bomb checks and no
    member path leaves the folder (one such member refuses the whole archive)."""
    try:
        io_limits.check_zip(up.path, up.name, damaged="压缩包已损坏，无法打开")
        with zipfile.ZipFile(up.path) as z:
            infos = [i for i in z.infolist() if not i.is_dir()]
            bad = next((i.filename for i in infos if unsafe_member(i.filename)), None)
            if bad is not None:
                return [_refuse(up, f"{up.name}：压缩包内路径“{bad}”指向压缩包以外，整个压缩包已拒绝")]
            folder = up.path.with_name(up.path.name + ".d")
            folder.mkdir()
            out: list[Upload] = []
            for n, info in enumerate(infos):
                shown = f"{up.name}/{info.filename}"
                if info.filename.rsplit("/", 1)[-1].startswith((".", "~$")) or "__MACOSX/" in info.filename:
                    continue
                if info.file_size > limits.file_bytes:
                    out.append(Upload(shown, None, f"{shown}：超过上传大小上限 {_mb(limits.file_bytes)}，未接收"))
                    continue
                target = folder / f"{n:03d}-{safe_name(info.filename)}"
                with z.open(info) as src, target.open("wb") as dst:
                    shutil.copyfileobj(src, dst, MB)
                member = Upload(shown, target)
                if _head(target).startswith(b"PK\x03\x04") and not _is_office(target):
                    out.append(_refuse(member, f"{shown}：压缩包中的压缩包不展开，请解压后上传"))
                else:
                    out.extend(_one(member, limits))
    except InputError as exc:
        return [_refuse(up, _named(str(exc), up.name))]
    except (zipfile.BadZipFile, OSError) as exc:
        return [_refuse(up, f"{up.name}：压缩包已损坏，无法打开（{exc.__class__.__name__}）")]
    up.path.unlink(missing_ok=True)
    return out


def new_folder(root: Path) -> Path:
    folder = root / "uploads" / secrets.token_hex(8)
    folder.mkdir(parents=True)
    return folder
