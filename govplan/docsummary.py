"""One line of `extract`'s summary per spec: its counts, and what a person should review before the
spec's tables go out. Kept as data, worded by the command line in the interface language (a remote
worker's language never shows)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govplan.spec.model import Spec

NO_UNITS, UNLED, NO_DATE = "no_units", "unled", "no_date"


@dataclass(frozen=True)
class Review:
    """One thing to check: no units at all, ``count`` of ``total`` table rows without a lead, no date of issue."""

    kind: str
    count: int = 0
    total: int = 0


@dataclass(frozen=True)
class SpecSummary:
    """One document spec's line of the summary."""

    file: str
    script: str
    tasks: int
    deadlines: int
    targets: int
    units: int
    review: tuple[Review, ...]


def summarise(file: str, spec: Spec) -> SpecSummary:
    """The spec's counts (tasks, deadlines, targets, units) and what needs review."""
    nodes = list(spec.walk())
    return SpecSummary(file, spec.source.script, len(nodes), sum(len(n.deadlines) for n in nodes),
                       sum(len(n.targets) for n in nodes), sum(len(n.units) for n in nodes), needs_review(spec))


def needs_review(spec: Spec) -> tuple[Review, ...]:
    """No unit at all; table rows nobody leads or answers for (lead or responsible on their path, as
    GP108); no date of issue (deadlines without a year then have none to take)."""
    from govplan.render.rows import row_paths
    from govplan.spec.model import effective_units

    reasons = []
    if not any(node.units for node in spec.walk()):
        reasons.append(Review(NO_UNITS))
    else:
        paths = row_paths(spec, None)
        unled = sum(1 for path in paths if not any(u.role in ("lead", "responsible") for u in effective_units(path)))
        if unled:
            reasons.append(Review(UNLED, unled, len(paths)))
    if spec.metadata.date is None:
        reasons.append(Review(NO_DATE))
    return tuple(reasons)
