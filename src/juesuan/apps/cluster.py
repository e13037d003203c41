"""Batches on a Dask distributed cluster: ``juesuan check --cluster tcp://HOST:8786`` or ``local:N``.

Where it sits: apps, beside the local pool of the ``check`` command (:mod:`.check_cmd` picks one).
Dask is an optional extra (``pip install 'juesuan[cluster]'``), imported only here and only when
``--cluster`` is given; without it, one Chinese line says what to install.

Each document is one Dask task. Workers are sent the document's **path**, not its bytes: every
worker must see the files at the same path as the machine that runs ``juesuan check`` (a shared
or network file system mounted at the same place), and must have the same juesuan installed. A
task runs the document in a child process of the Dask worker (:class:`juesuan.apps.workers.Pool`
of one), so the time and memory limits hold there too and a hung document never holds a worker
for good. What comes back is the small result record (findings, counts, identity; no page text,
no images).

Results come back in the order they finish (``as_completed``); at most :data:`WINDOW` documents
are with the scheduler at a time, the next one sent as each comes back. A worker that dies takes nothing
with it: the scheduler gives its documents to the other workers (up to Dask's
``distributed.scheduler.allowed-failures`` times); a document that still gets no result is
reported as lost (a transient failure that ``--resume`` tries again).
"""

from __future__ import annotations

import logging
import threading
from itertools import islice
from typing import Any, Callable, Iterator, Sequence

from ..core.findings import InputError
from .workers import Done, Pool

_local = threading.local()  # one child process per Dask worker thread
#: Documents handed to the scheduler at a time: enough to keep a thousand worker threads busy, few
#: enough that the scheduler's memory stays small for a run of any length.
WINDOW = 2000


def _remote(item: Any, fn: Callable, args: tuple, timeout: float | None, max_memory_mb: float | None,
            warm: Sequence[str]) -> Done:
    """Runs on a Dask worker: ``fn(item, *args)`` in this thread's child process, under the limits."""
    pool = getattr(_local, "pool", None)
    if pool is None or (pool.timeout, pool.max_memory_mb, pool.warm) != (timeout or None, max_memory_mb or None, tuple(warm)):
        if pool is not None:
            pool.close()
        pool = _local.pool = Pool(1, timeout=timeout, max_memory_mb=max_memory_mb, warm=warm)
    return pool.run_one(fn, item, *args)


def parse_address(address: str) -> tuple[str, int]:
    """("local", N) for ``local:N``, else ("remote", 0) for a scheduler address; one line if bad."""
    if address.startswith("local:"):
        count = address.partition(":")[2]
        if not count.isdigit() or int(count) < 1:
            raise InputError(f"--cluster {address}：local: 后应是工作进程数，例如 local:4")
        return "local", int(count)
    if "://" not in address and ":" not in address:
        raise InputError(f"--cluster {address}：应为调度器地址（例如 tcp://10.0.0.5:8786）或 local:N")
    return "remote", 0


def _dask():
    try:
        from dask import config
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise InputError("使用 --cluster 需要安装 Dask：pip install 'juesuan[cluster]'（不加 --cluster 则在本机多进程审核）") from None
    return config, Client, LocalCluster, as_completed


def _connect(address: str):
    """A Dask client (and the local cluster it owns, or None)."""
    kind, count = parse_address(address)  # a mistyped address is said before a missing Dask
    config, Client, LocalCluster, _ = _dask()
    for name in ("distributed", "tornado"):
        logging.getLogger(name).setLevel(logging.CRITICAL)  # Dask's own chatter is not for a finance officer
    if kind == "local":
        cluster = LocalCluster(n_workers=count, threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=logging.CRITICAL)
        return Client(cluster), cluster
    try:
        return Client(address, timeout=config.get("distributed.comm.timeouts.connect")), None
    except (OSError, TimeoutError, ValueError) as exc:
        raise InputError(f"--cluster {address}：无法连接 Dask 调度器（{exc.__class__.__name__}），请确认调度器已启动、地址和端口正确") from exc


def run_on_cluster(address: str, fn: Callable, items: Sequence, args: tuple, *, timeout: float | None = None,
                   max_memory_mb: float | None = None, warm: Sequence[str] = ()) -> Iterator[tuple[Any, Done]]:
    """``(item, Done)`` for each item, in the order the cluster finishes them. Closing the
    generator cancels what has not run and closes the client (and a ``local:N`` cluster)."""
    if not items:
        return
    client, cluster = _connect(address)
    as_completed = _dask()[3]
    waiting = iter(items)
    item_of: dict[str, Any] = {}

    def submit(item: Any):
        future = client.submit(_remote, item, fn=fn, args=args, timeout=timeout, max_memory_mb=max_memory_mb,
                               warm=tuple(warm), pure=False)
        item_of[future.key] = item
        return future

    try:
        running = as_completed([submit(item) for item in islice(waiting, WINDOW)])
        for future in running:
            item = item_of.pop(future.key)
            try:
                done = future.result()
            except Exception as exc:  # KilledWorker (workers died under it too often), a lost scheduler
                done = Done("lost", repr(exc), attempt=_allowed_failures() + 1)
            future.release()
            for following in islice(waiting, 1):
                running.add(submit(following))
            yield item, done
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _allowed_failures() -> int:
    from dask import config

    return int(config.get("distributed.scheduler.allowed-failures", 3))
