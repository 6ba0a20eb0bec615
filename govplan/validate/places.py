"""Walking a validated spec with field paths, so rules can say where each problem is."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from govplan.validate.findings import PathItem

if TYPE_CHECKING:
    from govplan.spec.model import Evidence, Spec, TaskNode

Loc = tuple[PathItem, ...]
EVIDENCE_FIELDS = ("deadlines", "targets", "units")


@dataclass(frozen=True)
class TaskPlace:
    """A task node, its ancestors (root first) and its field path in the spec."""

    loc: Loc
    path: list[TaskNode]

    @property
    def node(self) -> TaskNode:
        return self.path[-1]


def task_places(spec: Spec) -> Iterator[TaskPlace]:
    """Every task with its ancestors and field path, in document order."""

    def walk(node: TaskNode, loc: Loc, ancestors: list[TaskNode]) -> Iterator[TaskPlace]:
        path = ancestors + [node]
        yield TaskPlace(loc, path)
        for index, child in enumerate(node.children):
            yield from walk(child, loc + ("children", index), path)

    for index, root in enumerate(spec.tasks):
        yield from walk(root, ("tasks", index), [])


@dataclass(frozen=True)
class SpecView:
    """A validated spec with its task places computed once for all rules."""

    spec: Spec
    places: list[TaskPlace]

    @classmethod
    def of(cls, spec: Spec) -> "SpecView":
        return cls(spec, list(task_places(spec)))


def evidence_items(view: SpecView) -> Iterator[tuple[Loc, Evidence]]:
    """Every deadline, target and unit with its field path."""
    for place in view.places:
        for field in EVIDENCE_FIELDS:
            for index, item in enumerate(getattr(place.node, field)):
                yield place.loc + (field, index), item
