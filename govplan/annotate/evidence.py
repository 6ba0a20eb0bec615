"""Helpers shared by the annotators: global spans for matches and overlap resolution."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from govplan.annotate.base import NodeText
from govplan.spec.model import Span

T = TypeVar("T")


def evidence(nt: NodeText, start: int, end: int) -> dict[str, Any]:
    """``text`` and global ``span`` fields for the node-local range [start, end)."""
    return {"text": nt.text[start:end], "span": Span(start=nt.start + start, end=nt.start + end)}


@dataclass(frozen=True)
class Candidate(Generic[T]):
    """A possible item at a node-local range; ``rank`` breaks ties (lower wins)."""

    start: int
    end: int
    item: T
    rank: int = 0


def non_overlapping(candidates: list[Candidate[T]]) -> list[Candidate[T]]:
    """Earliest, then longest, then best-ranked candidates that do not overlap, in text order."""
    chosen: list[Candidate[T]] = []
    last_end = -1
    for cand in sorted(candidates, key=lambda c: (c.start, c.start - c.end, c.rank)):
        if cand.start >= last_end:
            chosen.append(cand)
            last_end = cand.end
    return chosen
