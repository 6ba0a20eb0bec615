"""map_in_workers: the function is applied in worker processes, results in input order."""

from __future__ import annotations

import os
from functools import partial

from govplan.workers import map_in_workers


def _scaled(item: int, factor: int) -> tuple[int, int]:
    return item * factor, os.getpid()


def test_map_in_workers_applies_a_function_with_bound_arguments_in_the_workers_in_order() -> None:
    results = list(map_in_workers(partial(_scaled, factor=3), range(40), 2, chunksize=4))
    assert [value for value, _ in results] == [item * 3 for item in range(40)]
    assert os.getpid() not in {pid for _, pid in results}
