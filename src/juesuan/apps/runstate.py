"""A batch's state beside its output, so that ``juesuan check --resume`` goes on where a run stopped.

Where it sits: apps, under the ``check`` command when it writes to a file (``-o OUT``). Two JSON
Lines files, each appended one whole line per document as results finish and flushed at once
(synced to disk at most once a second and at the end):

- ``OUT.state``, small: ``{"path", "sha256", "size", "mtime", "status", "attempt", "error_kind",
  "counts", "seconds", "peak_mb"}`` per document. ``status`` is "done" (a result was written; ``error_kind`` is "" or,
  for a result about an unreadable file or a fault of the program, "unreadable" / "fault"),
  "skipped" (met in a folder or a manifest and not a disclosure; ``reason`` says why) or "failed"
  (``error_kind`` is one of :data:`juesuan.apps.workers.TRANSIENT`: timeout, memory, lost).
- the results themselves: for ``--format jsonl`` the output file (appended as documents finish);
  for the formats written whole (json, html, text) ``OUT.parts``, one ``{"path", "piece"}`` per
  document, from which the whole output is put together again on resume.

A resumed run keeps a document when the state says "done" or "skipped" for the same path and the
same content (the recorded size and modification time, or else the SHA-256 of the file) and its
result is still there; everything else runs again (failed for a transient reason, changed,
missing from the output, new). Before appending, the results file is rewritten without the lines
of the documents that run again and without a torn last line, so each document ends with exactly
one result. The last record of a path wins. :class:`Outputs` puts this together with the output
of the ``check`` command; a store (``--db``) can take the same records as a further destination.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import sys
from contextlib import nullcontext
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Iterable

from ..io.atomic import open_replacing, output_error
from .batch import held_signals

STATE_SUFFIX = ".state"
PARTS_SUFFIX = ".parts"
_SYNC_EVERY = 1.0  # seconds


@dataclass(frozen=True, slots=True)
class Record:
    """What one document came to in a run (one line of the state file)."""

    path: str
    status: str  # "done", "skipped" or "failed"
    sha256: str = ""
    size: int = -1
    mtime: int = -1  # nanoseconds
    attempt: int = 1
    error_kind: str = ""
    counts: dict = field(default_factory=dict)
    reason: str = ""  # why a file was skipped
    seconds: float = 0.0  # how long the document took in its worker
    peak_mb: float = 0.0  # the worker's peak resident memory when it finished (0 when run in-process)

    def line(self) -> str:
        data = {k: v for k, v in asdict(self).items() if v not in ("", None) or k in ("path", "status")}
        return json.dumps(data, ensure_ascii=False)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What identifies a file's content: size and modification time, and the SHA-256 when read."""

    sha256: str = ""
    size: int = -1
    mtime: int = -1


def fingerprint(path: str | Path, with_hash: bool = True) -> Fingerprint:
    """The file's size, modification time and (``with_hash``) SHA-256; empty when unreadable."""
    try:
        st = os.stat(path)
        digest = ""
        if with_hash:
            h = hashlib.sha256()
            with open(path, "rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    h.update(chunk)
            digest = h.hexdigest()
    except OSError:
        return Fingerprint()
    return Fingerprint(digest, st.st_size, st.st_mtime_ns)


def same_content(record: Record, path: str) -> bool:
    """Whether ``path`` still holds what ``record`` was made from: same size and modification time
    (cheap), or else the same SHA-256."""
    if not record.sha256:
        return False
    quick = fingerprint(path, with_hash=False)
    if quick.size < 0:
        return False
    if quick.size == record.size and quick.mtime == record.mtime:
        return True
    return quick.size == record.size and fingerprint(path).sha256 == record.sha256


def read_lines(path: Path) -> tuple[dict[str, str], bool]:
    """A JSON Lines file keyed by each object's ``path`` (the last wins): the whole lines as
    written, and whether a torn or unreadable line was dropped. A missing file is empty."""
    lines: dict[str, str] = {}
    torn = False
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            for raw in fh:
                text = raw.rstrip("\n")
                if not raw.endswith("\n") or not text:
                    torn = torn or bool(text)
                    continue
                try:
                    key = json.loads(text)["path"]
                except (ValueError, KeyError, TypeError):
                    torn = True
                    continue
                if key in lines:
                    torn = True  # a duplicate: the rewrite keeps the last
                lines[key] = text
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise output_error(path, exc) from exc
    return lines, torn


def load(path: Path) -> dict[str, Record]:
    """The state file's records by path (the last line of a path wins; torn lines are ignored)."""
    lines, _ = read_lines(path)
    records = {}
    fields = set(Record.__dataclass_fields__)
    for key, text in lines.items():
        data = json.loads(text)
        records[key] = Record(**{k: v for k, v in data.items() if k in fields})
    return records


class Appender:
    """A JSON Lines file opened for appending: each :meth:`add` writes one whole line and flushes."""

    def __init__(self, path: Path, fresh: bool):
        self.path = path
        try:
            self.fh: IO[str] = open(path, "w" if fresh else "a", encoding="utf-8")
        except OSError as exc:
            raise output_error(path, exc) from exc
        self.synced = time.monotonic()

    def add(self, line: str) -> None:
        try:
            self.fh.write(line + "\n")
            self.fh.flush()
            if time.monotonic() - self.synced > _SYNC_EVERY:
                os.fsync(self.fh.fileno())
                self.synced = time.monotonic()
        except OSError as exc:
            raise output_error(self.path, exc) from exc

    def close(self) -> None:
        try:
            self.fh.flush()
            os.fsync(self.fh.fileno())
        except (OSError, ValueError):
            pass
        self.fh.close()


def rewrite(path: Path, lines: Iterable[str]) -> None:
    """Replace the JSON Lines file at ``path`` by ``lines`` (whole, through the atomic writer)."""
    with open_replacing(path) as fh:
        for line in lines:
            fh.write(line + "\n")


@dataclass(slots=True)
class Resumed:
    """What a resumed run takes over: the records of the documents kept, the kept results by path."""

    kept: dict[str, Record]
    results: dict[str, str]


def resume(state_file: Path, results_file: Path, paths: Iterable[str]) -> Resumed:
    """Decide which of ``paths`` a resumed run keeps, and leave ``results_file`` holding exactly
    their results (rewritten when a line has to go). Records of paths no longer in the batch are
    dropped with their results."""
    records = load(state_file)
    results, torn = read_lines(results_file)
    kept: dict[str, Record] = {}
    for path in paths:
        rec = records.get(path)
        if rec is None or path in kept:
            continue
        if rec.status == "skipped" or (rec.status == "done" and path in results):
            if same_content(rec, path):
                kept[path] = rec
    keep_results = {p: line for p, line in results.items() if p in kept}
    if torn or len(keep_results) != len(results):
        rewrite(results_file, keep_results.values())
    rewrite(state_file, (rec.line() for rec in kept.values()))
    return Resumed(kept, keep_results)


class Outputs:
    """Where a ``check`` run's results go: the terminal; or ``-o FILE`` and, for a batch, its state
    and results journal beside it, taken over on ``--resume``."""

    def __init__(self, fmt: str, output: str | None, keep_state: bool, resuming: bool, paths: list[str]):
        self.fmt, self.output = fmt, output
        self.kept: dict[str, Record] = {}
        self.kept_pieces: dict[str, str] = {}
        self.state = self.results = None
        if output is None or not keep_state:
            return
        state_file = Path(output + STATE_SUFFIX)
        results_file = Path(output) if fmt == "jsonl" else Path(output + PARTS_SUFFIX)
        if resuming:
            taken = resume(state_file, results_file, paths)
            self.kept = taken.kept
            self.kept_pieces = {p: piece_of(fmt, line) for p, line in taken.results.items()}
        self.results = Appender(results_file, fresh=not resuming)
        self.state = Appender(state_file, fresh=not resuming)

    @property
    def appends(self) -> bool:
        """Whether the output itself is the results journal (``-o FILE.jsonl`` of a batch)."""
        return self.fmt == "jsonl" and self.results is not None

    def target(self):
        """The stream the run writes to, as a context manager."""
        if self.output is None:
            return nullcontext(sys.stdout)
        if self.appends:
            return nullcontext(None)  # the results journal is the output
        return open_replacing(self.output)

    def record(self, record: Record, piece: str | None) -> None:
        """Keep a finished document: its piece in the results journal, then its state line."""
        if self.results is None:
            return
        with held_signals():
            if piece is not None:
                line = piece if self.fmt == "jsonl" else json.dumps({"path": record.path, "piece": piece}, ensure_ascii=False)
                self.results.add(line)
            self.state.add(record.line())

    def close(self) -> None:
        for journal in (self.results, self.state):
            if journal is not None:
                journal.close()


def piece_of(fmt: str, line: str) -> str:
    return line if fmt == "jsonl" else json.loads(line)["piece"]
