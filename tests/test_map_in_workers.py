"""map_in_workers and map_until_lost: the function is applied in worker processes, results in input order."""

from __future__ import annotations

import os
import time
from functools import partial
from pathlib import Path

from govplan.workers import map_in_workers, map_until_lost


def _scaled(item: int, factor: int) -> tuple[int, int]:
    return item * factor, os.getpid()


def test_map_in_workers_applies_a_function_with_bound_arguments_in_the_workers_in_order() -> None:
    results = list(map_in_workers(partial(_scaled, factor=3), range(40), 2, chunksize=4))
    assert [value for value, _ in results] == [item * 3 for item in range(40)]
    assert os.getpid() not in {pid for _, pid in results}


def _waits_for_a_later_item(item: int, marker: str) -> tuple[int, bool]:
    """Item 0 waits (up to a minute) until item 20 has run: it can only when a free worker takes
    later items while the first is still busy; item 20 leaves the marker."""
    if item == 20:
        Path(marker).touch()
    waited = item == 0 and not _appears(Path(marker), 60)
    return item, waited


def _appears(path: Path, seconds: float) -> bool:
    """Whether ``path`` exists within ``seconds``."""
    deadline = time.monotonic() + seconds
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    return path.exists()


def test_map_until_lost_hands_later_items_to_a_free_worker_while_the_first_is_busy(tmp_path: Path) -> None:
    marker = str(tmp_path / "item-20-ran")
    results = list(map_until_lost(partial(_waits_for_a_later_item, marker=marker), range(100), 2, lambda item: (item, True)))
    assert [item for item, _ in results] == list(range(100))  # every item, in input order, past the look-ahead
    assert not any(waited for _, waited in results)
