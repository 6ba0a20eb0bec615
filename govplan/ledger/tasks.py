"""The tasks a ledger follows: the task table's rows, each with its spec node and its latest record."""

from __future__ import annotations

from dataclasses import dataclass

from govplan.render.context import TaskRow, build_rows
from govplan.render.loading import LoadedSpec
from govplan.spec.model import LedgerEntry, TaskNode, is_preamble, iter_paths


@dataclass
class LedgerTask:
    """A row of the task table with the spec it came from and the path to its node."""

    loaded: LoadedSpec
    row: TaskRow
    path: list[TaskNode]

    @property
    def node(self) -> TaskNode:
        return self.path[-1]

    @property
    def latest(self) -> LedgerEntry | None:
        """The newest record of the task, or of the nearest task above it that has records."""
        for node in reversed(self.path):
            if node.ledger:
                return node.ledger[-1]
        return None


def ledger_tasks(specs: list[LoadedSpec], rows: list[TaskRow] | None = None, depth: int | None = None) -> list[LedgerTask]:
    """The task table's rows (one per leaf task, or per task at ``depth``) to follow up, in document order.

    The preamble is followed only where it sets a deadline (请于…前报送): it is no task otherwise.
    """
    paths = {(index, path[-1].id): path for index, loaded in enumerate(specs) for path in iter_paths(loaded.spec)}
    tasks = []
    for row in build_rows(specs, depth) if rows is None else rows:
        path = paths[(row.document.index, row.id)]
        if is_preamble(path[-1]) and not row.deadlines:
            continue
        tasks.append(LedgerTask(specs[row.document.index], row, path))
    return tasks
