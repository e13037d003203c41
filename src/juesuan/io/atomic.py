"""Whole outputs: every file juesuan writes appears complete, or not at all.

Where it sits: io, under every writer (docx, xlsx, html, md, pdf, the template workbook) and the
file outputs of the commands (``check -o``, ``score -o``). The content goes to a hidden temporary
file beside the target (same folder, so the final rename stays on one file system) and
:func:`os.replace` moves it into place only once it is complete and synced. On any failure or
interrupt the temporary file is removed and whatever was at the target before is left untouched.

A target that exists but is not a regular file (``/dev/null``, a named pipe) is written directly:
there is nothing to replace, and renaming over it would remove the device entry.

An ``OSError`` met while writing becomes :class:`OutputError`, one Chinese line naming the target
and the reason ("磁盘空间不足", "没有写入权限"), which the command line reports with exit code 2.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, TextIO

from ..core.findings import InputError

_REASONS = {
    errno.ENOENT: "所在文件夹不存在",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.EROFS: "所在磁盘只读",
    errno.ENOSPC: "磁盘空间不足",
    errno.EFBIG: "文件超出允许的大小",
    errno.EISDIR: "同名的文件夹已存在",
    errno.ENAMETOOLONG: "文件名过长",
    errno.EPIPE: "接收输出的管道已关闭",
    errno.EIO: "磁盘读写出错",
}
if hasattr(errno, "EDQUOT"):
    _REASONS[errno.EDQUOT] = "超出磁盘配额"

#: Errors that can only come from writing the output, whatever file name they carry.
_WRITE_ERRNOS = frozenset(e for e in (errno.ENOSPC, errno.EFBIG, errno.EROFS, errno.EIO, getattr(errno, "EDQUOT", None)) if e)


class OutputError(InputError):
    """An output file (or the terminal's output) cannot be written; one Chinese line naming it."""

    def __init__(self, message: str, target: str | Path = ""):
        super().__init__(message)
        self.target = str(target)


def reason(exc: OSError) -> str:
    """The reason of an ``OSError`` in Chinese, for a finance officer."""
    return _REASONS.get(exc.errno or 0) or exc.strerror or exc.__class__.__name__


def output_error(target: str | Path, exc: OSError) -> OutputError:
    return OutputError(f"{target}：无法写入（{reason(exc)}）", target)


def _kind(path: Path) -> str:
    """"missing", "file", "folder" or "special" (a device, a pipe: written in place)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return "missing"
    return "file" if stat.S_ISREG(mode) else "folder" if stat.S_ISDIR(mode) else "special"


def _new_file_mode(final: Path) -> int:
    """The mode the file would have had if written in place: the old file's, else 0666 less umask."""
    try:
        return stat.S_IMODE(os.stat(final).st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _sync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _about(exc: OSError, name: str) -> bool:
    """Whether ``exc`` is about writing the file ``name``: it names it, or names no file and is a
    failure only a write can have (a full disk)."""
    return exc.filename == name or (exc.filename is None and exc.errno in _WRITE_ERRNOS)


@contextmanager
def replacing(target: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; when the block ends normally it replaces ``target``.

    The block writes the whole file at the yielded path (a writer's ``save``). An exception or an
    interrupt inside the block removes the temporary file and leaves ``target`` as it was.
    """
    target = Path(target)
    kind = _kind(target)
    if kind == "folder":
        raise output_error(target, IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target)))
    if kind == "special":
        try:
            yield target
        except OSError as exc:
            if _about(exc, str(target)):
                raise output_error(target, exc) from exc
            raise
        return
    final = Path(os.path.realpath(target)) if target.is_symlink() else target
    try:
        fd, name = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".tmp", dir=final.parent)
        os.close(fd)
    except OSError as exc:
        raise output_error(target, exc) from exc
    temp = Path(name)
    try:
        yield temp
        _sync(temp)
        os.chmod(temp, _new_file_mode(final))
        os.replace(temp, final)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        if _about(exc, str(temp)):
            raise output_error(target, exc) from exc
        raise  # an OSError about some other file is not about this output
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


@contextmanager
def open_replacing(target: str | Path, encoding: str = "utf-8") -> Iterator[TextIO]:
    """A text file object whose content replaces ``target`` when the block ends normally."""
    with replacing(target) as temp:
        with open(temp, "w", encoding=encoding) as fh:
            yield fh


def write_text(target: str | Path, text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``target`` whole (the md and html writers, ``score -o``)."""
    with open_replacing(target, encoding) as fh:
        fh.write(text)
    return Path(target)
