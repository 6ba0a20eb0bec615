"""Worker processes that never outlive the run: `extract --jobs N` and large `validate` batches.

The parent turns SIGTERM into SystemExit, and leaving the pool (normally, on an error, on
Ctrl-C or on SIGTERM) terminates every worker. A worker whose parent is killed outright
(SIGKILL, where no handler runs) notices within WATCH_SECONDS that it was orphaned and stops
itself. Workers only compute (the driver writes every file), so they stop at once, by SIGTERM's
default action: a Python-level handler could not be relied on, since a SIGTERM arriving just
before a worker blocked on the task queue's lock was never acted on and the run hung.

``map_until_lost`` (extract --jobs) also survives a worker killed outright while working (os._exit,
SIGKILL, the OOM killer): a process pool that reports a broken worker (concurrent.futures) gives
the items then in flight one more try each, alone in a fresh pool, and an item that kills its
worker again gets the caller's ``lost`` result, while the others go on.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Any, Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")
WATCH_SECONDS = 0.2
TERMINATED = 128 + signal.SIGTERM
LOOKAHEAD_PER_JOB = 16  # map_until_lost: items handed out ahead of the oldest unfinished one, per worker


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

    with _sigterm_exits(), Pool(jobs, initializer=_start_mapper, initargs=(os.getpid(), function)) as pool:
        yield from pool.imap(_apply, items, chunksize)  # leaving the block terminates the workers


_mapped: Callable[[Any], Any] | None = None  # in a map_in_workers worker: the function it applies


def _start_mapper(parent: int, function: Callable[[Any], Any]) -> None:
    """map_in_workers' pool initializer: a worker's start, and the function it applies, handed over
    once per worker instead of with every chunk of items (validate's carries the unit registry:
    160 KB to pickle and unpickle per chunk)."""
    global _mapped
    _start_worker(parent)
    _mapped = function


def _apply(item: Any) -> Any:
    """The mapped function on one item, in a map_in_workers worker."""
    assert _mapped is not None
    return _mapped(item)


def map_until_lost(function: Callable[[T], R], items: Iterable[T], jobs: int, lost: Callable[[T], R]) -> Iterator[R]:
    """``function`` over ``items`` in ``jobs`` worker processes, results in input order; an item
    whose worker dies twice (once among others, once alone) gives ``lost(item)`` instead. A task
    ended by SystemExit (sys.exit inside it) counts as a lost worker too.

    The pool holds at most 2 * ``jobs`` items; a worker takes the next one as soon as it is free,
    while finished results wait here for those before them, up to LOOKAHEAD_PER_JOB * ``jobs`` items
    ahead of the oldest unfinished one. Waiting on the oldest item before handing out the next left a
    worker idle behind one long document (40 bench files, --jobs 2: 0.3 s of a 1.1 s parallel phase).
    The pool is topped up again after each result the caller takes: the caller writes each one (with an
    fsync), and the 25 results that waited behind that long document, written in one go, left both
    workers idle for 22 ms of a 0.7 s parallel phase."""
    pending = enumerate(items)
    running: dict[Future[R], tuple[int, T]] = {}
    finished: dict[int, R] = {}
    taken = given = 0  # items taken from ``items``; results yielded
    with _sigterm_exits():
        pool = _pool(jobs)
        try:
            while True:
                while len(running) < 2 * jobs and taken - given < LOOKAHEAD_PER_JOB * jobs:
                    index_item = next(pending, None)
                    if index_item is None:
                        break
                    running[_submit(pool, function, index_item[1])] = index_item
                    taken += 1
                if given in finished:
                    yield finished.pop(given)
                    given += 1
                    timeout: float | None = 0  # what finished meanwhile, without waiting
                elif not running:
                    return
                else:
                    timeout = None
                done, _ = wait(running, timeout, FIRST_COMPLETED)
                broken = [future for future in done if future.exception() is not None]
                for future in done - set(broken):
                    finished[running.pop(future)[0]] = future.result()
                for future in broken:
                    if not isinstance(future.exception(), (BrokenProcessPool, SystemExit)):
                        raise future.exception()  # type: ignore[misc]
                if broken:
                    _stop(pool)  # broken: every item it had not finished is tried again, alone
                    finished.update(_after_break(function, running, lost))
                    running.clear()
                    pool = _pool(jobs, clean=True)
        finally:
            _stop(pool)


def _after_break(function: Callable[[T], R], running: dict[Future[R], tuple[int, T]],
                 lost: Callable[[T], R]) -> Iterator[tuple[int, R]]:
    """The results of the items a broken pool held, by index: each one it had not finished tried alone."""
    for future, (index, item) in sorted(running.items(), key=lambda entry: entry[1][0]):
        ok = future.done() and future.exception() is None
        yield index, future.result() if ok else _alone(function, item, lost)


def _pool(jobs: int, clean: bool = False) -> ProcessPoolExecutor:
    """A pool of ``jobs`` workers whose breaking cannot hang this process: on Python 3.11 a broken
    pool joins the thread feeding its call queue, which stays blocked writing a large item to
    workers that are gone, so that join is cancelled (the thread is a daemon). The first pool's
    workers are forked (they start with what the parent loaded); a pool made after a break is
    ``clean``: its workers are spawned, since the broken pool's threads may still hold locks that
    a forked child would inherit held (a forked worker hung so, waiting on a futex)."""
    import multiprocessing

    context = multiprocessing.get_context("spawn") if clean else None
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker, initargs=(os.getpid(),))
    pool._call_queue.cancel_join_thread()  # noqa: SLF001
    return pool


def _submit(pool: ProcessPoolExecutor, function: Callable[[T], R], item: T) -> Future[R]:
    """The item's future; on a pool already broken, a future that says so."""
    try:
        return pool.submit(function, item)
    except BrokenProcessPool as exc:
        failed: Future[R] = Future()
        failed.set_exception(exc)
        return failed


def _alone(function: Callable[[T], R], item: T, lost: Callable[[T], R]) -> R:
    """``function(item)`` in a pool of its own; ``lost(item)`` when its worker dies again."""
    pool = _pool(1, clean=True)
    try:
        future = _submit(pool, function, item)
        if isinstance(future.exception(), (BrokenProcessPool, SystemExit)):  # the worker's, not this process's
            return lost(item)
        return future.result()
    finally:
        _stop(pool)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Terminate the pool's workers (Python 3.11 has no public call for it) and shut it down. A
    worker stopped while sending a result leaves the pool's reader thread waiting for the rest of
    the message, which never comes while this process still holds the pipe's write end: once the
    workers are gone that end is closed here, so the cut message ends (EOF) and shutdown returns."""
    processes = list((pool._processes or {}).values())  # noqa: SLF001
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(5)
        if process.is_alive():
            process.kill()
            process.join()
    if pool._result_queue is not None:  # noqa: SLF001
        pool._result_queue._writer.close()  # noqa: SLF001
    pool.shutdown(wait=True, cancel_futures=True)
