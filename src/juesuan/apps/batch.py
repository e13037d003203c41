"""Batch execution: one function over many files, in order, over the cores, and stoppable.

Where it sits: apps, under the ``check`` command (DESIGN: apps hold cli, web, store and batch). No
domain logic: :func:`imap` yields ``fn(item, *args)`` for each item in order, in this process for
one job or over a local process pool; an interrupt (Ctrl-C, or SIGTERM turned into one by
:mod:`.guard`) stops the workers at once instead of waiting for their current file.
:func:`held_signals` keeps Ctrl-C/SIGTERM back while one piece of output is written, so what
reaches a terminal or a pipe is never cut in the middle.
"""

from __future__ import annotations

import signal
import threading
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from itertools import repeat
from typing import Callable, Iterator, Sequence, TypeVar

T = TypeVar("T")
_HELD = (signal.SIGINT, signal.SIGTERM)


def _worker_init() -> None:
    """Workers leave Ctrl-C to the main process (which stops them) and die quietly on SIGTERM."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop a pool now: cancel what has not started and end the workers."""
    if hasattr(pool, "terminate_workers"):  # Python 3.14+
        pool.terminate_workers()
        return
    processes = list((getattr(pool, "_processes", None) or {}).values())  # no public handle before 3.14
    for process in processes:
        process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.join(timeout=5)


def imap(fn: Callable[..., T], items: Sequence, jobs: int, *args) -> Iterator[T]:
    """``fn(item, *args)`` for each item, in order; over ``jobs`` processes when more than one.

    Close the iterator (``contextlib.closing``) when the consumer stops early: that stops the pool.
    """
    if jobs <= 1 or len(items) <= 1:
        for item in items:
            yield fn(item, *args)
        return
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init)
    try:
        yield from pool.map(fn, items, *(repeat(a) for a in args), chunksize=1)
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown()


@contextmanager
def held_signals() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM back while the block runs; they take effect right after it.

    The Python-level handlers are swapped for one that only takes note: a signal that arrived just
    before the block (its handler not yet run) is caught too, which masking the signals would
    miss — the io layer runs pending handlers between the chunks of a large write.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    noted: list[int] = []
    previous = {}
    try:
        for signum in _HELD:
            previous[signum] = signal.signal(signum, lambda n, frame: noted.append(n))
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    for signum in dict.fromkeys(noted):
        handler = previous.get(signum)
        if callable(handler):
            handler(signum, None)
        elif handler == signal.SIG_DFL:
            signal.raise_signal(signum)
