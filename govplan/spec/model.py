"""The spec: pydantic models that are the single contract between govplan's stages.

Every extracted item carries provenance: its verbatim text and its character span
in the original (decoded) source text, so an analyst can check it and an evaluator
can score it. Offsets are Python string indices into the decoded source text
(for .docx/.html: into the text the reader extracted), half-open [start, end).
An item a person adds by hand says so (``origin: manual``) and may then leave out its
span (and a task its line): it stands in no source.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterator, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator
from pydantic_core import PydanticCustomError

from govplan.spec.found import Found
from govplan.spec.tree import effective_units, is_preamble, iter_paths, walk  # noqa: F401  (where they were always imported from)

SCHEMA_VERSION = "1.0"
Origin = Literal["manual"]
ORIGIN_DESCRIPTION = "manual: added by a person, not extracted; span (and a task's line) may then be left out"
UNLOCATED = "unlocated"
"""The pydantic error type of an item without span (or line) that does not say origin: manual."""


def _require_location(fields: dict[str, object], origin: str | None) -> None:
    """Fail with an UNLOCATED error naming the missing fields, unless the item is manual."""
    missing = [name for name, value in fields.items() if value is None]
    if missing and origin != "manual":
        raise PydanticCustomError(
            UNLOCATED, "{fields} required unless origin: manual", {"fields": " and ".join(missing)}
        )


def empty_list() -> list[Any]:
    """A new empty list, every list field's default. pydantic reads a default factory's signature when
    it builds a model: a Python function's is at hand, where the builtin ``list``'s is its text signature
    tokenised and parsed (10 fields: 17M instructions, a sixth of building the spec models)."""
    return []


class SpecModel(BaseModel):
    """Base for all spec models: unknown keys are errors, never silently dropped."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False)

    def replaced(self, **values: object) -> Self:
        """A shallow copy with these field values, unvalidated: model_copy(update=values) without its
        per-call update checks, which cost as much as the copy (every span mapped to the original)."""
        copied = self.__copy__()
        copied.__dict__.update(values)
        copied.__pydantic_fields_set__.update(values)
        return copied


class Span(SpecModel):
    """Half-open character range [start, end) in the original source text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> "Span":
        if self.end < self.start:
            raise PydanticCustomError("span_order", "span end {end} is before start {start}", {"start": self.start, "end": self.end})
        return self

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end


class Evidence(SpecModel):
    """Verbatim source text of an extracted item and where it stands (no span for a manual item)."""

    text: str
    span: Span | None = Field(default=None, description="where the text stands in the source; required unless origin: manual")
    origin: Origin | None = Field(default=None, description=ORIGIN_DESCRIPTION)

    @model_validator(mode="after")
    def _located(self) -> "Evidence":
        if self.span is None:  # the common case, located, costs no more than this test
            _require_location({"span": self.span}, self.origin)
        return self


class Recurrence(SpecModel):
    """The rhythm of a recurring deadline (每月25日前, 每季度, 每年3月底前)."""

    freq: Literal["daily", "weekly", "ten-daily", "monthly", "quarterly", "half-yearly", "yearly"]
    interval: int | None = Field(
        default=None, ge=2, le=12, description="every so many periods of freq, where more than one (每两年: 2, 每两个月: 2)"
    )
    day: int | None = Field(default=None, ge=1, le=31, description="day of month, where given")
    month: int | None = Field(default=None, ge=1, le=12, description="month of year, where given")
    part: Literal["early", "mid", "late", "end"] | None = Field(
        default=None, description="上旬/中旬/下旬/底 of the period, where given"
    )
    month_in_period: int | None = Field(
        default=None, ge=-12, le=12, description="month within a quarter or half-year (每季度最后一个月: -1, the last)"
    )
    start: dt.date | None = Field(default=None, description="first period the rhythm applies to (从2024年第二季度开始)")
    end: dt.date | None = Field(default=None, description="when the rhythm stops: as written, else the plan period's end")


DeadlineKind = Literal["by", "on", "period", "recurring", "relative"]


class Deadline(Evidence):
    """A deadline expression: by a date, on a date, a period, a rhythm, or a relative limit."""

    kind: DeadlineKind
    due: dt.date | None = Field(default=None, description="resolved ISO date (end of period for periods)")
    start: dt.date | None = Field(default=None, description="start of a period")
    recurrence: Recurrence | None = None
    within_days: int | None = Field(default=None, ge=0, description="relative limit in days (不超过15天)")
    named_day: str | None = Field(default=None, description="named day such as 七一 or 春节, as written")
    year_from: Literal["clause", "issue_date", "title", "page", "assumed", "number"] | None = Field(
        default=None,
        description="where the year of a date written without one came from: a year its sentence names, "
        "the date of issue, the plan year in the title, the day the page was posted (发布日期), "
        "the date assumed with --date, or the year of the document number (〔2008〕43号) of a notice "
        "whose page states no date and whose text names no year",
    )
    unresolved: str | None = Field(default=None, description="why no date was resolved, where none was")


Comparator = Literal[">=", "<=", "~", "=", ">", "<"]
ChangeKind = Literal["increase", "decrease", "reach", "multiply"]


class Target(Evidence):
    """A quantitative target (达到90%以上, 不少于1400人, 控制在0.5%以内, 2-3户)."""

    metric: str | None = Field(default=None, description="what is measured, as written")
    value: float | None = Field(default=None, description="value with 万/亿/千 expanded")
    value_max: float | None = Field(default=None, description="upper bound of a range (2-3户 -> 2..3)")
    unit: str | None = None
    comparator: Comparator = "="
    percent: bool = False
    change: ChangeKind | None = None
    deadline: int | None = Field(
        default=None, ge=0, description="index into the task's deadlines for a milestone (4月底30%以上)"
    )


UnitRole = Literal["lead", "support", "responsible", "leader"]


class UnitRef(Evidence):
    """A responsible unit with its role, as written and as registered."""

    name: str = Field(description="the unit as written (normalised script)")
    canonical: str | None = Field(default=None, description="registry name, where the alias registry knows it")
    role: UnitRole
    clause: Evidence | None = Field(
        default=None, description="the clause that states the role (牵头单位：市教育局, 县人社局指导…), verbatim, with its span"
    )


LedgerStatus = Literal["not_started", "in_progress", "done", "behind"]


class LedgerEntry(SpecModel):
    """One progress record of a task from the 督办台账 (ledger import, or by hand); never extracted.

    The extractor neither writes nor reads these, and `extract --update` keeps them as they are.
    """

    date: dt.date = Field(description="when the record was taken (the day of `govplan ledger import`)")
    status: LedgerStatus | None = Field(
        default=None, description="完成状态: not_started 未启动, in_progress 推进中, done 已完成, behind 滞后"
    )
    text: str | None = Field(default=None, description="进展情况, as the unit wrote it")
    completed: dt.date | None = Field(default=None, description="完成日期")
    note: str | None = Field(default=None, description="备注")


NumberStyle = Literal[
    "chapter", "article", "section", "cn_dun", "cn_paren", "arabic_dot", "arabic_paren",
    "circled", "inline_shi", "inline_yao", "inline_ordinal", "dash", "attachment", "unnumbered",
    "table_row", "named_ordinal", "named_task", "decimal_2", "decimal_3", "part", "capital",
]


class CellText(Evidence):
    """A cell of a task-table row kept as written, with the header of its column."""

    column: str = Field(description="the column's header as written, e.g. 进展情况")


class TaskNode(SpecModel):
    """One node of the heading tree; every numbered item of the notice is a node."""

    id: str = Field(description="stable id from the numbering path, e.g. 二.(一).1")
    number: str | None = Field(default=None, description="the number as written, e.g. （一）")
    style: NumberStyle
    level: int = Field(ge=1)
    title: str | None = Field(default=None, description="heading phrase")
    text: str = Field(description="full text of the node itself, normalised (children excluded)")
    line: int | None = Field(default=None, ge=1, description="1-based line of the heading in the original; required unless origin: manual")
    span: Span | None = Field(default=None, description="the node's text in the source; required unless origin: manual")
    origin: Origin | None = Field(default=None, description=ORIGIN_DESCRIPTION)
    fingerprint: str | None = Field(
        default=None, description="hash of this node as last extracted (own fields, child ids), to detect hand edits"
    )
    deadlines: list[Deadline] = Field(default_factory=empty_list)
    targets: list[Target] = Field(default_factory=empty_list)
    units: list[UnitRef] = Field(default_factory=empty_list)
    progress: list[CellText] = Field(
        default_factory=empty_list,
        description="a task-table row's report of what was done (进展情况, 完成情况, 存在问题 cells), as written; "
        "never read for targets or deadlines",
    )
    ledger: list[LedgerEntry] = Field(
        default_factory=empty_list, description="progress records from the 督办台账, oldest first (kept by extract --update)"
    )
    children: list["TaskNode"] = Field(default_factory=empty_list)

    # Where the extractor found the node, for the annotators (no part of the spec; None for a node
    # read from a file).
    _found: "Found | None" = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _located(self) -> "TaskNode":
        if self.line is None or self.span is None:
            _require_location({"line": self.line, "span": self.span}, self.origin)
        return self

    def __eq__(self, other: object) -> bool:
        """Nodes are equal when their spec fields are: the extractor's bookkeeping is no part of a
        node's value (a spec read back from YAML equals the one written)."""
        if not isinstance(other, TaskNode):
            return NotImplemented
        return type(self) is type(other) and self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]

    def walk(self) -> Iterator["TaskNode"]:
        """This node and all its descendants, depth first, in document order."""
        return walk(self)


class Attachment(SpecModel):
    number: str | None = None
    title: str


class Metadata(SpecModel):
    title: str | None = None
    doc_number: str | None = Field(default=None, description="document number, e.g. 办发〔2020〕2号")
    issuer: str | None = None
    recipients: list[str] = Field(default_factory=empty_list)
    date: dt.date | None = Field(default=None, description="date of issue (成文日期)")
    date_text: str | None = Field(default=None, description="date of issue as written")
    attachments: list[Attachment] = Field(default_factory=empty_list)


Script = Literal["simplified", "traditional", "unknown"]


class Source(SpecModel):
    file: str = Field(description="file name as given on the command line (or - for stdin)")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    format: Literal["txt", "docx", "html", "xlsx", "csv"]
    encoding: str | None = None
    script: Script
    conversion: str | None = Field(default=None, description="OpenCC config used, if any")
    part: int | None = Field(default=None, ge=1, description="document number inside a compilation")
    parts: int | None = Field(default=None, ge=1, description="documents found in the compilation")
    span: Span | None = Field(default=None, description="this document's range inside a compilation")


class Spec(SpecModel):
    """One document's spec: metadata, source and the task tree."""

    schema_version: str = Field(default=SCHEMA_VERSION, pattern=r"^\d+\.\d+$")
    generator: str = "govplan"
    source: Source
    metadata: Metadata = Field(default_factory=Metadata)
    notes: list[str] = Field(default_factory=empty_list, description="what the extractor could not decide")
    tasks: list[TaskNode] = Field(default_factory=empty_list)
    document_fingerprint: str | None = Field(
        default=None, description="hash of metadata, notes and top-level task ids as last extracted"
    )
    fingerprint: str | None = Field(
        default=None, description="hash of the extractor's last output, to detect hand edits"
    )

    def walk(self) -> Iterator[TaskNode]:
        """Every task node in document order."""
        for node in self.tasks:
            yield from node.walk()
