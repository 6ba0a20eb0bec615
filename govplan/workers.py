"""Worker processes that never outlive the run: `extract --jobs N` and large `validate` batches.

The parent turns SIGTERM into SystemExit, and leaving the pool (normally, on an error, on
Ctrl-C or on SIGTERM) terminates every worker. A worker whose parent is killed outright
(SIGKILL, where no handler runs) notices within WATCH_SECONDS that it was orphaned and stops
itself. Workers only compute (the driver writes every file), so they stop at once, by SIGTERM's
default action: a Python-level handler could not be relied on, since a SIGTERM arriving just
before a worker blocked on the task queue's lock was never acted on and the run hung.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from contextlib import contextmanager
from typing import Any, Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")
WATCH_SECONDS = 0.2
TERMINATED = 128 + signal.SIGTERM


def _exit_on_sigterm(signum: int, frame: Any) -> None:
    """SIGTERM as SystemExit, so `with` blocks and `finally` clauses still run."""
    sys.exit(TERMINATED)


def _start_worker(parent: int) -> None:
    """Pool initializer: Ctrl-C is the parent's to handle; stop on SIGTERM or when orphaned."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    """Stop this worker (through SIGTERM) once its parent has gone."""
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os.kill(os.getpid(), signal.SIGTERM)


@contextmanager
def _sigterm_exits() -> Iterator[None]:
    """While inside: SIGTERM to this process raises SystemExit (main thread only)."""
    previous = signal.signal(signal.SIGTERM, _exit_on_sigterm)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def map_in_workers(function: Callable[[T], R], items: Iterable[T], jobs: int, chunksize: int = 1) -> Iterator[R]:
    """``function`` over ``items`` in ``jobs`` worker processes, results in input order."""
    from multiprocessing import Pool

    with _sigterm_exits(), Pool(jobs, initializer=_start_worker, initargs=(os.getpid(),)) as pool:
        yield from pool.imap(function, items, chunksize)  # leaving the block terminates the workers
