"""The command line's last line of defence: no traceback ever reaches a user.

Where it sits: apps, around every command (:func:`juesuan.apps.cli.main` calls :func:`run`). What
a command raises becomes one Chinese line on stderr and an exit code:

- :class:`~juesuan.core.findings.InputError` (unreadable input, unwritable output, a usage
  mistake) → "错误：…", exit 2;
- ``KeyboardInterrupt`` (Ctrl-C, or SIGTERM, which :func:`run` turns into one) → "已中断…", exit 130;
  a command that knows what it had not written yet says so in the interrupt's message;
- anything else is a fault of the program → "程序内部错误：…请向开发者报告", exit 3, naming the file
  being processed when a command marked it with :func:`processing`; ``--debug`` adds the traceback.

Writes to the terminal's output that fail (a full disk behind ``> file``, a closed pipe) are
reported as an unwritable output named "标准输出".
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import traceback
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from ..core.findings import InputError
from ..io.atomic import OutputError, output_error

EXIT_USAGE = 2
EXIT_FAULT = 3
EXIT_INTERRUPTED = 130
STDOUT_NAME = "标准输出"
_PATH_ATTR = "juesuan_path"


@contextmanager
def processing(path: str | Path) -> Iterator[None]:
    """Name ``path`` in the fault line if the block raises (the innermost name wins)."""
    try:
        yield
    except BaseException as exc:
        if getattr(exc, _PATH_ATTR, None) is None:
            try:
                setattr(exc, _PATH_ATTR, str(path))
            except AttributeError:  # an exception type without a __dict__
                pass
        raise


def fault_line(exc: BaseException) -> str:
    """One line for an unexpected exception: which file, what happened, that it is our fault."""
    where = getattr(exc, _PATH_ATTR, None)
    text = " ".join(str(exc).split())
    if len(text) > 160:
        text = text[:159] + "…"
    detail = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    subject = f"处理 {where} 时" if where else ""
    return (f"程序内部错误：{subject}出现未预料的异常（{detail}）。这是 juesuan 的缺陷，不是输入文件的问题，"
            "请向开发者报告（加 --debug 可显示详细信息）")


def not_written(path: str | Path) -> str:
    """Part of an interrupt message: the output that was not written, and what is at its path."""
    return f"{path} 未写出（原有文件保持不变）" if Path(path).exists() else f"{path} 未写出"


def interrupt_line(exc: KeyboardInterrupt) -> str:
    return f"已中断：{exc}" if str(exc) else "已中断"


class _Stdout:
    """``sys.stdout`` whose failed writes are reported as an unwritable output named 标准输出."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as exc:
            raise output_error(STDOUT_NAME, exc) from exc

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            raise output_error(STDOUT_NAME, exc) from exc

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def _quiet_stdout(stream) -> None:
    """After the real stdout failed, point it at the null device so the interpreter's final
    flush cannot print a second, English error."""
    if stream is not sys.__stdout__ or stream is None:
        return
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())
        os.close(null)
    except (OSError, ValueError):
        pass


def _raise_interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


@contextmanager
def _sigterm_interrupts() -> Iterator[None]:
    """SIGTERM raises KeyboardInterrupt in the main thread, so it unwinds like Ctrl-C: temporary
    files are removed and earlier outputs stay whole."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def run(command: Callable[[], int], debug: bool = False) -> int:
    """Run one command and turn whatever it raises into one line on stderr and an exit code."""
    stdout = sys.stdout
    sys.stdout = _Stdout(stdout)
    try:
        with _sigterm_interrupts():
            code = command()
            sys.stdout.flush()
            return code
    except InputError as exc:
        if isinstance(exc, OutputError) and exc.target == STDOUT_NAME:
            _quiet_stdout(stdout)
        _say(f"错误：{exc}")
        return EXIT_USAGE
    except KeyboardInterrupt as exc:
        _say(interrupt_line(exc))
        return EXIT_INTERRUPTED
    except Exception as exc:  # the guard: any other exception is a fault of the program
        if debug:
            traceback.print_exc(file=sys.stderr)
        _say(fault_line(exc))
        return EXIT_FAULT
    finally:
        sys.stdout = stdout


def _say(line: str) -> None:
    try:
        print(line, file=sys.stderr, flush=True)
    except OSError:  # nowhere left to say it
        pass
