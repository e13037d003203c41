"""Worker processes that can be killed: one task at a time each, under a time and a memory limit.

Where it sits: apps, under the ``check`` command's local pool (:class:`Pool`) and inside each Dask
worker (:mod:`.cluster` runs every document through a one-process pool, so a hung or swollen
document is cut off there too). No domain logic: a task is a module-level function and its
arguments, pickled by reference to a child process started afresh with ``python -m
juesuan.apps.workers`` (not forked: a Dask worker has threads and may be a daemon, and a fork of
either is unsafe or refused).

A child that runs past its deadline or whose resident memory passes the limit is killed with its
whole process group (a LibreOffice it started goes too) and replaced; its task ends as
``"timeout"`` or ``"memory"``. A child that dies by itself (a crash in a C library, the kernel's
out-of-memory killer) ends its task as ``"lost"`` after ``retries`` more tries on fresh children.
These three are :data:`TRANSIENT`: they depend on the run's conditions, not only on the file, so a
resumed run tries those documents again.

Memory is read from ``/proc`` (Linux); elsewhere only the time limit applies.
"""

from __future__ import annotations

import os
import pickle
import resource
import signal
import socket
import subprocess
import sys
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

#: Outcomes of a task that say more about the run than about the item: worth another try later.
TRANSIENT = frozenset({"timeout", "memory", "lost"})
_TICK = 0.1  # seconds between looks at the children's memory
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


@dataclass(frozen=True, slots=True)
class Done:
    """How one task ended: ``status`` is "ok" (``value`` is the function's result), "raised"
    (``value`` is the traceback text), or one of :data:`TRANSIENT`."""

    status: str
    value: Any = None
    seconds: float = 0.0
    attempt: int = 1
    peak_mb: float = 0.0  # the child's peak resident memory so far (0 when unknown)


class Worker:
    """One child process serving tasks over a socket pair; :meth:`kill` ends it and its group."""

    def __init__(self, warm: Sequence[str] = ()):
        ours, theirs = socket.socketpair()
        env = dict(os.environ)
        here = str(Path(__file__).resolve().parents[2])  # the folder that holds the juesuan package
        env["PYTHONPATH"] = os.pathsep.join(p for p in (here, env.get("PYTHONPATH", "")) if p)
        command = [sys.executable, "-m", "juesuan.apps.workers", str(theirs.fileno()), *warm]
        try:
            self.process = subprocess.Popen(command, pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL,
                                            stdout=subprocess.DEVNULL,  # a library that prints would spoil JSON Lines on stdout
                                            env=env, start_new_session=True)
        finally:
            theirs.close()
        self.conn = Connection(ours.detach())
        self.peak_mb = 0.0

    def rss_mb(self) -> float:
        """Resident memory of the child now, in MiB (0 when it cannot be read)."""
        try:
            with open(f"/proc/{self.process.pid}/statm", "rb") as fh:
                return int(fh.read().split()[1]) * _PAGE / 2**20
        except (OSError, ValueError, IndexError):
            return 0.0

    def kill(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self.conn.close()
        self.process.wait()

    def close(self) -> None:
        """Ask the child to end (it sees the socket close) and wait a little; kill it if it lingers."""
        self.conn.close()
        try:
            self.process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            self.kill()


@dataclass(slots=True)
class _Job:
    index: int
    item: Any
    attempt: int = 1
    started: float = field(default_factory=time.monotonic)


class Pool:
    """Up to ``size`` children; :meth:`run` yields each item's :class:`Done` as it finishes.

    ``timeout`` (seconds) and ``max_memory_mb`` are per task; None or 0 means no limit. Children
    start when first needed (``warm`` names modules each imports at start, before its first task)
    and are reused across tasks and across calls of :meth:`run`; :meth:`close` ends them.
    """

    def __init__(self, size: int, *, timeout: float | None = None, max_memory_mb: float | None = None,
                 retries: int = 1, warm: Sequence[str] = ()):
        self.size = max(1, size)
        self.timeout = timeout or None
        self.max_memory_mb = max_memory_mb or None
        self.retries = retries
        self.warm = tuple(warm)
        self.idle: list[Worker] = []

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        while self.idle:
            self.idle.pop().close()

    def run(self, fn: Callable, items: Iterable, *args) -> Iterator[tuple[Any, Done]]:
        """``(item, Done)`` for each item, in the order they finish. Stopping early (an interrupt,
        closing the generator) kills the children at work."""
        waiting = deque(_Job(i, item, 1) for i, item in enumerate(items))
        busy: dict[Connection, tuple[Worker, _Job]] = {}
        try:
            while waiting or busy:
                self._hand_out(fn, args, waiting, busy)
                finished = []
                for conn in wait(list(busy), timeout=self._tick(busy)):
                    worker, job = busy.pop(conn)
                    try:
                        status, value, peak = conn.recv()
                    except (EOFError, OSError, pickle.UnpicklingError):
                        worker.kill()
                        if job.attempt <= self.retries:
                            waiting.appendleft(_Job(job.index, job.item, job.attempt + 1))
                        else:
                            finished.append((job.item, self._done("lost", None, job, worker.peak_mb)))
                        continue
                    worker.peak_mb = max(worker.peak_mb, peak)
                    self.idle.append(worker)
                    finished.append((job.item, self._done(status, value, job, peak)))
                finished.extend(self._enforce(busy))
                self._hand_out(fn, args, waiting, busy)  # the children work on while the caller takes the results
                yield from finished
        finally:
            for worker, _ in busy.values():
                worker.kill()

    def _hand_out(self, fn: Callable, args: tuple, waiting: deque, busy: dict) -> None:
        """Give waiting jobs to idle (or new) children until ``size`` are at work."""
        while waiting and len(busy) < self.size:
            job = waiting.popleft()
            worker = self.idle.pop() if self.idle else Worker(self.warm)
            job.started = time.monotonic()
            try:
                worker.conn.send((fn, (job.item, *args)))
            except OSError:  # the idle child died meanwhile: the job goes to a fresh one
                worker.kill()
                waiting.appendleft(job)
                continue
            busy[worker.conn] = (worker, job)

    def _tick(self, busy: dict) -> float | None:
        """How long to wait for a result before looking at deadlines and memory again."""
        if self.max_memory_mb:
            return _TICK
        if self.timeout and busy:
            first = min(job.started for _, job in busy.values())
            return max(0.0, first + self.timeout - time.monotonic()) + 0.01
        return None

    def _enforce(self, busy: dict[Connection, tuple[Worker, _Job]]) -> list[tuple[Any, Done]]:
        """Kill the children past their deadline or over the memory limit; their jobs' outcomes."""
        now = time.monotonic()
        over = []
        for conn, (worker, job) in list(busy.items()):
            status = ""
            if self.timeout and now - job.started > self.timeout:
                status = "timeout"
            elif self.max_memory_mb:
                rss = worker.rss_mb()
                worker.peak_mb = max(worker.peak_mb, rss)
                if rss > self.max_memory_mb:
                    status = "memory"
            if status:
                del busy[conn]
                worker.kill()
                over.append((job.item, self._done(status, None, job, worker.peak_mb)))
        return over

    @staticmethod
    def _done(status: str, value: Any, job: _Job, peak: float) -> Done:
        return Done(status, value, time.monotonic() - job.started, job.attempt, peak)

    def run_one(self, fn: Callable, item: Any, *args) -> Done:
        """One task, waited for (a Dask task runs each document this way)."""
        [(_, done)] = list(self.run(fn, [item], *args))
        return done


# --------------------------------------------------------------------------- the child


def _peak_mb() -> float:
    """This process's peak resident memory, MiB: VmHWM where /proc has it (``ru_maxrss`` would
    count the parent's memory at the fork before this program was started), else ``ru_maxrss``."""
    try:
        with open("/proc/self/status", "rb") as fh:
            for line in fh:
                if line.startswith(b"VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except (OSError, ValueError, IndexError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _die_with_parent() -> None:
    """Ask Linux to kill this child when its parent dies: a child stuck in a C library would never
    see the socket close. Elsewhere the closed socket ends it after its current task."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() == 1:  # the parent was gone before the request took effect
        os._exit(0)


def _serve(fd: int, warm: Sequence[str]) -> None:
    """The child's loop: receive ``(fn, args)``, send back ``(status, value, peak MiB)``, until
    the parent closes the socket."""
    import importlib
    import traceback

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    _die_with_parent()
    conn = Connection(fd)
    for name in warm:
        try:
            importlib.import_module(name)
        except ImportError:
            pass  # the task itself will say what is missing
    while True:
        try:
            fn, args = conn.recv()
        except (EOFError, OSError):
            return
        except Exception:  # the task could not be unpickled here (a function this child cannot import)
            conn.send(("raised", traceback.format_exc(), _peak_mb()))
            continue
        try:
            reply = ("ok", fn(*args), _peak_mb())
        except Exception:  # the task's own fault: sent back as text, the child serves on
            reply = ("raised", traceback.format_exc(), _peak_mb())
        try:
            conn.send(reply)
        except (pickle.PicklingError, TypeError, AttributeError):
            conn.send(("raised", traceback.format_exc(), _peak_mb()))
        except OSError:
            return


if __name__ == "__main__":
    _serve(int(sys.argv[1]), sys.argv[2:])
