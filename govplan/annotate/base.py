"""What annotators receive: a node's own normalised text, where it stands, and document context.

Annotators work on *normalised* text and return spec items whose spans are global offsets
into the normalised document; the pipeline maps them back to the original text afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from govplan.spec.found import Cell
from govplan.spec.model import TaskNode


@dataclass
class DocContext:
    """Facts about the whole document that annotators need (the year for 10月底前, ...)."""

    doc_date: date | None = None
    plan_start_year: int | None = None
    plan_end_year: int | None = None
    report: bool = False  # the document reports what was done (自评报告, 交流发言): numbers are facts
    date_assumed: bool = False  # doc_date was given by the user (a portal's publication date), not read
    date_published: bool = False  # doc_date is the day a portal posted the page (发布日期), not the notice's own
    roc_years: bool = False  # the source counts years from 1912 (Taiwan): 112年 is 2023
    # In a document without a date of issue or a plan year in its title, the year its text first names
    # for its own work (结合2021年市政府重点工作, 落实2020年发展主要目标): read before annotation from the
    # first node naming one (not under a review heading), it dates the year-less deadlines of every node.
    named_year: int | None = None
    # Where named_year came from: the text ("clause"), or, where the text names none, the year of the document number
    # (彭水府办发〔2008〕43号: "number"), which a notice is given in the year it is issued.
    named_from: str = "clause"
    number_year: int | None = None  # the year the document number writes (〔2008〕), if the page shows one
    issuer: str | None = None  # the body that issues the document (metadata), whose own area it names as itself
    # Where a task table's header cell opens with a year over a column of the plan's content (2024年工作任务): normalised
    # offsets of those years, each `by` its year's end whatever a cell alone on its line would read as (a title).
    year_heads: frozenset[int] = frozenset()

    @property
    def year(self) -> int | None:
        """The year year-less dates belong to: the date of issue, else the plan's first year (2024年度
        in the title), else the day the page was posted."""
        if self.doc_date is not None and not (self.date_published and self.plan_start_year is not None):
            return self.doc_date.year
        return self.plan_start_year

    @property
    def year_from(self) -> str | None:
        """Where ``year`` comes from, for the spec's ``year_from``."""
        if self.doc_date is not None and not (self.date_published and self.plan_start_year is not None):
            return "assumed" if self.date_assumed else "page" if self.date_published else "issue_date"
        return "title" if self.plan_start_year is not None else None


@dataclass
class NodeText:
    """One task node's own text (children excluded) in normalised form; a table row also says
    which part of the text is which cell."""

    node: TaskNode
    start: int
    text: str
    path: list[TaskNode] = field(default_factory=list)
    cells: tuple[Cell, ...] = ()

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def title_at(self) -> tuple[str, int]:
        """The node's title (stripped) and where it stands in its text (-1 where it has none there)."""
        title = (self.node.title or "").strip()
        return title, (self.text.find(title) if title else -1)

    def column_at(self, local: int) -> str | None:
        """The column kind of the table cell holding node-local offset ``local`` (None in prose)."""
        pos = self.start + local
        return next((cell.column for cell in self.cells if cell.start <= pos < cell.end), None)
