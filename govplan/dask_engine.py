"""`extract --engine dask`: documents processed by Dask futures on the user's cluster (--address)
or on a local cluster of single-threaded worker processes, with output identical to a local run.

Documents travel in batches (``batch_size``, ~50 by default: a task per document costs more in
scheduling than it saves); a batch may lose one worker (allowed-failures 1, on a cluster started
here), and a batch lost twice is done again one document at a time, so that only the document
that kills its worker is given up (E901, kind worker-lost) and every other one is done. Results
come back in input order, with at most a few batches per worker in flight, so memory stays bounded.
Dask is an optional extra (``pip install govplan[dask]``), imported only here.
"""

from __future__ import annotations

import logging
from collections import deque
from contextlib import contextmanager
from typing import Any, Iterable, Iterator

from govplan.batch import Document, DocumentResult, RunOptions, process_batch, worker_lost
from govplan.errors import Errors, GovplanError

BATCHES_PER_WORKER = 2  # batches in flight per worker: one running, one waiting


def run_on_dask(documents: Iterable[Document | DocumentResult], options: RunOptions, workers: int,
                address: str | None, batch_size: int) -> Iterator[DocumentResult]:
    """Every document's result, in input order, from a Dask cluster."""
    with _client(address, workers) as client:
        window = BATCHES_PER_WORKER * max(1, len(client.scheduler_info().get("workers", {})))
        pending: deque[tuple[list[Document | DocumentResult], Any]] = deque()
        for batch in _batches(documents, batch_size):
            pending.append((batch, client.submit(process_batch, batch, options, pure=False)))
            if len(pending) >= window:
                yield from _collect(client, *pending.popleft(), options)
        while pending:
            yield from _collect(client, *pending.popleft(), options)


def _collect(client: Any, batch: list[Document | DocumentResult], future: Any, options: RunOptions) -> list[DocumentResult]:
    """A batch's results; a batch whose workers died is done again one document at a time."""
    from distributed.scheduler import KilledWorker

    try:
        return future.result()
    except KilledWorker:
        if len(batch) > 1:
            alone = [([one], client.submit(process_batch, [one], options, pure=False)) for one in batch]
            return [result for one, future in alone for result in _collect(client, one, future, options)]
        return [worker_lost(batch[0])]


def _batches(documents: Iterable[Document | DocumentResult], size: int) -> Iterator[list[Document | DocumentResult]]:
    batch: list[Document | DocumentResult] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


@contextmanager
def _client(address: str | None, workers: int) -> Iterator[Any]:
    """A client of the cluster at ``address``, or of a local cluster of ``workers`` single-threaded
    worker processes (no dashboard, no profiler: it costs about a tenth of the CPU) closed after."""
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise GovplanError(Errors.E904, feature="--engine dask", extra="dask") from exc
    settings = {"distributed.scheduler.allowed-failures": 1, "distributed.worker.profile.enabled": False,
                "distributed.admin.system-monitor.gil.enabled": False}
    with dask.config.set(settings):
        if address is not None:
            try:
                client = Client(address, timeout="10s")
            except (OSError, TimeoutError) as exc:
                raise GovplanError(Errors.E905, address=address, detail=exc) from exc
            with client:
                yield client
            return
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
            yield client
