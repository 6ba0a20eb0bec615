"""What annotators receive: a node's own normalised text, where it stands, and document context.

Annotators work on *normalised* text and return spec items whose spans are global offsets
into the normalised document; the pipeline maps them back to the original text afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from govplan.spec.model import TaskNode


@dataclass
class DocContext:
    """Facts about the whole document that annotators need (the year for 10月底前, ...)."""

    doc_date: date | None = None
    plan_start_year: int | None = None
    plan_end_year: int | None = None
    report: bool = False  # the document reports what was done (自评报告, 交流发言): numbers are facts

    @property
    def year(self) -> int | None:
        """The year year-less dates belong to: the document's date, else the plan's first year."""
        if self.doc_date is not None:
            return self.doc_date.year
        return self.plan_start_year


@dataclass
class NodeText:
    """One task node's own text (children excluded) in normalised form."""

    node: TaskNode
    start: int
    text: str
    path: list[TaskNode] = field(default_factory=list)

    @property
    def end(self) -> int:
        return self.start + len(self.text)
