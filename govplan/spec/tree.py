"""Walking a spec's task tree: plain functions of its nodes' fields, for the models and for
validate's plain records alike (this module imports no pydantic)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from govplan.spec.model import Spec, TaskNode, UnitRef


def effective_units(path: list[TaskNode]) -> list[UnitRef]:
    """Units that apply to the last node of ``path``: roles inherit down unless a node sets its own.

    Each role is taken from the nearest node on the path (deepest first) that names that role.
    """
    found: dict[str, list[UnitRef]] = {}
    for node in reversed(path):
        for role in ("lead", "support", "responsible", "leader"):
            if role in found:
                continue
            refs = [u for u in node.units if u.role == role]
            if refs:
                found[role] = refs
    return [u for role in ("lead", "support", "responsible", "leader") for u in found.get(role, [])]


def walk(node: TaskNode) -> Iterator[TaskNode]:
    """The node and all its descendants, depth first, in document order."""
    yield node
    for child in node.children:
        yield from walk(child)


def iter_paths(spec: Spec) -> Iterator[list[TaskNode]]:
    """Every node with its ancestors, as a root-to-node list, in document order."""

    def rec(node: TaskNode, prefix: list[TaskNode]) -> Iterator[list[TaskNode]]:
        path = prefix + [node]
        yield path
        for child in node.children:
            yield from rec(child, path)

    for root in spec.tasks:
        yield from rec(root, [])


def is_preamble(node: TaskNode) -> bool:
    """The text before the first numbered item (id 前言, unnumbered, level 1): it addresses recipients, it is no task."""
    return node.level == 1 and node.style == "unnumbered"
