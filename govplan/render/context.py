"""What every rendering is made from: task rows, units and per-unit checklists, built from specs.

The same context feeds the Jinja templates (Markdown, HTML, a user's own template)
and the table writers (docx, xlsx, csv), so every format says the same thing.
docs/templates.md documents it for template authors.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Literal

from govplan.errors import Errors, GovplanError
from govplan.render.dates import cn_date, deadline_text, deadlines_text, is_dated, is_overdue
from govplan.registry import Registry, registry_for
from govplan.render.loading import LoadedSpec
from govplan.render.rows import measures, row_paths
from govplan.render.units import is_real_unit
from govplan.spec.tree import effective_units, is_preamble, walk

if TYPE_CHECKING:
    from govplan.spec.model import Deadline, Target, TaskNode

View = Literal["tasktable", "matrix", "checklist"]

VIEW_NAMES: dict[str, str] = {"tasktable": "任务分解表", "matrix": "责任矩阵", "checklist": "责任清单"}
ROLE_LABELS: dict[str, str] = {"lead": "牵头", "support": "配合", "responsible": "责任", "leader": "责任领导"}
LEAD_MARK = "●"
PARTNER_MARK = "○"
LEGEND: dict[str, str] = {LEAD_MARK: "牵头单位", PARTNER_MARK: "责任单位/配合单位"}


@dataclass(frozen=True)
class DocumentInfo:
    """The facts about one source document that a table's heading needs."""

    index: int
    title: str | None
    doc_number: str | None
    issuer: str | None
    date: dt.date | None
    file: str

    @property
    def label(self) -> str:
        """What names the document beside others (a 文件 column, a sheet): its title, else its
        number, else its file name."""
        return self.title or self.doc_number or Path(self.file).stem

    def heading(self, view_name: str) -> str:
        """The heading of the document's table: its title and the view's name (任务分解表 alone for
        a document without a title: a file name is no title)."""
        return f"{self.title or ''}{view_name}"


@dataclass(frozen=True)
class Assignment:
    """One unit's part in a task: ``unit`` is the registry name where known, else the name as written;
    ``real`` says whether it names a unit or a fragment of one (govplan.render.units)."""

    unit: str
    written: str
    role: str
    real: bool = True

    @property
    def role_label(self) -> str:
        return ROLE_LABELS[self.role]


@dataclass
class TaskRow:
    """One row of a table: a task at the chosen depth, with everything below it folded in."""

    seq: int
    document: DocumentInfo
    id: str
    number: str
    title: str
    group: str
    group_key: str
    measures: str
    assignments: list[Assignment]
    deadlines: list[Deadline]
    targets: list[Target]
    group_size: int = 0

    @property
    def label(self) -> str:
        """The task's number and heading, e.g. 1.加强政策业务培训."""
        return f"{self.number}{self.title}"

    @property
    def heading(self) -> str:
        """The parent's label and the task's, for lists where the table's 重点任务 column is missing."""
        return self.label if self.group == self.label else f"{self.group} {self.label}"

    @property
    def lead(self) -> list[str]:
        """Units that lead the task (牵头单位)."""
        return _unique(a.unit for a in self.assignments if a.role == "lead")

    @property
    def partners(self) -> list[str]:
        """Units that carry or support the task without leading it (责任单位/配合单位)."""
        lead = set(self.lead)
        return _unique(a.unit for a in self.assignments if a.role != "lead" and a.unit not in lead)

    @property
    def units(self) -> list[str]:
        """Every unit with a part in the task, leads first."""
        return self.lead + self.partners

    @property
    def other_units(self) -> list[str]:
        """Names given as units that are fragments rather than units (a matrix's 其他单位 column)."""
        return _unique(a.unit for a in self.assignments if not a.real)

    @property
    def deadline_text(self) -> str:
        return deadlines_text(self.deadlines)

    @property
    def target_text(self) -> str:
        return "；".join(_unique(t.text for t in self.targets))

    def role_of(self, unit: str) -> str | None:
        """The unit's strongest role in this task (lead before any other), or None."""
        roles = [a.role for a in self.assignments if unit in (a.unit, a.written)]
        if not roles:
            return None
        return "lead" if "lead" in roles else roles[0]

    def mark(self, unit: str) -> str:
        """● where the unit leads, ○ where it has another part, empty otherwise."""
        role = self.role_of(unit)
        if role is None:
            return ""
        return LEAD_MARK if role == "lead" else PARTNER_MARK


@dataclass
class UnitSummary:
    """A unit and how many of the rendered tasks it leads or supports."""

    name: str
    lead_count: int = 0
    partner_count: int = 0
    real: bool = True

    @property
    def task_count(self) -> int:
        return self.lead_count + self.partner_count


@dataclass
class ChecklistItem:
    """One task on a unit's checklist, with the unit's role and the deadlines that have passed."""

    task: TaskRow
    role: str
    due: dt.date | None
    overdue: list[Deadline]
    recurring: list[Deadline]

    @property
    def role_label(self) -> str:
        return ROLE_LABELS[self.role]

    @property
    def rhythm(self) -> str:
        """The rhythm of a recurring task, e.g. 每月25日前."""
        return deadlines_text(self.recurring)

    @property
    def overdue_text(self) -> str:
        return deadlines_text(self.overdue)


@dataclass
class ChecklistSection:
    """A unit's checklist: dated tasks by due date, then recurring ones, then tasks without a limit."""

    unit: str
    dated: list[ChecklistItem] = field(default_factory=list)
    recurring: list[ChecklistItem] = field(default_factory=list)
    undated: list[ChecklistItem] = field(default_factory=list)

    @property
    def items(self) -> list[ChecklistItem]:
        return self.dated + self.recurring + self.undated

    @property
    def overdue_count(self) -> int:
        return sum(1 for item in self.items if item.overdue)


@dataclass
class DocumentTable:
    """One document's rows, titled with the document's title and number, and its units."""

    document: DocumentInfo
    tasks: list[TaskRow]

    @property
    def units(self) -> list[UnitSummary]:
        """The document's responsible units, most tasks led first (its matrix's columns)."""
        return [unit for unit in summarise_units(self.tasks) if unit.real]


@dataclass
class Matrix:
    """One 责任矩阵: its heading, tasks and unit columns; ``several`` when its tasks come from
    several documents (it then has a 文件 column)."""

    title: str
    subtitle: str
    tasks: list[TaskRow]
    units: list[UnitSummary]

    @property
    def several(self) -> bool:
        return len({t.document.index for t in self.tasks}) > 1

    @property
    def has_other_units(self) -> bool:
        return any(task.other_units for task in self.tasks)


@dataclass
class RenderContext:
    """Everything a view needs; ``template_vars`` is what templates see."""

    view: View
    documents: list[DocumentInfo]
    tasks: list[TaskRow]
    units: list[UnitSummary]
    sections: list[ChecklistSection]
    today: dt.date
    unit: str | None
    heading: str | None = None
    attachment: str = ""
    combined: bool = False

    @property
    def view_name(self) -> str:
        return VIEW_NAMES[self.view]

    @property
    def document(self) -> DocumentInfo | None:
        """The document when only one is rendered (its title and number head the table)."""
        return self.documents[0] if len(self.documents) == 1 else None

    @property
    def title(self) -> str:
        """The heading above the table: --title, else the unit's checklist, else the document's title
        plus the view's name (the view's name alone without one)."""
        if self.heading:
            return self.heading
        if self.view == "checklist" and self.unit:
            return f"{self.unit}{self.view_name}"
        return self.document.heading(self.view_name) if self.document else self.view_name

    @property
    def matrices(self) -> list[Matrix]:
        """One matrix per document (its own units as columns), or one across documents with --combined."""
        if self.combined or len(self.documents) == 1:
            subtitle = (self.document.doc_number or "") if self.document else "、".join(d.label for d in self.documents)
            return [Matrix(self.title, subtitle, self.tasks, self.units)]
        return [
            Matrix(self.heading or t.document.heading(self.view_name), t.document.doc_number or "", t.tasks, t.units)
            for t in self.tables
        ]

    @property
    def tables(self) -> list[DocumentTable]:
        """The rows of each document that has any, for views that print one table per document."""
        tables = [DocumentTable(doc, [t for t in self.tasks if t.document.index == doc.index]) for doc in self.documents]
        return [table for table in tables if table.tasks]

    def task_is_overdue(self, task: TaskRow) -> bool:
        return any(is_overdue(d, self.today) for d in task.deadlines)

    def template_vars(self) -> dict[str, Any]:
        """The variables and helpers templates receive (documented in docs/templates.md)."""
        return {
            "view": self.view,
            "view_name": self.view_name,
            "title": self.title,
            "document": self.document,
            "documents": self.documents,
            "tasks": self.tasks,
            "tables": self.tables,
            "units": self.units,
            "matrices": self.matrices,
            "sections": self.sections,
            "attachment": self.attachment,
            "today": self.today,
            "legend": LEGEND,
            "role_labels": ROLE_LABELS,
            "cn_date": cn_date,
            "deadline_text": deadline_text,
            "deadlines_text": deadlines_text,
            "is_overdue": lambda deadline: is_overdue(deadline, self.today),
            "task_is_overdue": self.task_is_overdue,
        }


def _unique(items: Iterable[str]) -> list[str]:
    """Items in first-seen order without repeats."""
    return list(dict.fromkeys(items))


def document_info(index: int, loaded: LoadedSpec) -> DocumentInfo:
    meta = loaded.spec.metadata
    return DocumentInfo(index, meta.title, meta.doc_number, meta.issuer, meta.date, loaded.spec.source.file)


def node_label(node: TaskNode) -> str:
    """A node's number and heading (its text where it has no heading), a space between them where
    both are digits (附件2 2020年度…, not 附件22020年度…)."""
    number, heading = node.number or "", node.title or node.text
    gap = " " if number[-1:].isdigit() and heading[:1].isdigit() else ""
    return f"{number}{gap}{heading}"


def _subtree_paths(path: list[TaskNode]) -> list[list[TaskNode]]:
    """The path to a node and the paths to all its descendants, in document order."""

    def rec(prefix: list[TaskNode]) -> Iterable[list[TaskNode]]:
        yield prefix
        for child in prefix[-1].children:
            yield from rec(prefix + [child])

    return list(rec(path))


def _assignments(path: list[TaskNode], registry: Registry) -> list[Assignment]:
    """Units of the node and its folded descendants, roles inherited down the tree, without repeats."""
    seen: dict[tuple[str, str], Assignment] = {}
    for sub in _subtree_paths(path):
        for ref in effective_units(sub):
            unit = ref.canonical or ref.name
            seen.setdefault((unit, ref.role), Assignment(unit, ref.name, ref.role, is_real_unit(unit, registry)))
    return list(seen.values())


def build_rows(
    specs: list[LoadedSpec], depth: int | None, all_sections: bool = False, registry: Registry | None = None
) -> list[TaskRow]:
    """Task rows of every spec in document order, grouped under their parent task (see
    govplan.render.rows for which tasks are rows and what their text holds)."""
    registry = registry or registry_for()
    rows: list[TaskRow] = []
    for index, loaded in enumerate(specs):
        info = document_info(index, loaded)
        for path in row_paths(loaded.spec, depth, all_sections):
            node = path[-1]
            parent = path[-2] if len(path) > 1 else node
            nodes = list(walk(node))
            assignments = _assignments(path, registry)
            rows.append(
                TaskRow(
                    seq=0,
                    document=info,
                    id=node.id,
                    number=node.number or "",
                    title=node.title or node.text,
                    group="" if is_preamble(node) else node_label(parent),
                    group_key=f"{index}:{parent.id}",
                    measures=measures(path, [name for a in assignments for name in (a.unit, a.written)]),
                    assignments=assignments,
                    deadlines=[d for n in nodes for d in n.deadlines],
                    targets=[t for n in nodes for t in n.targets],
                )
            )
    number_rows(rows)
    return rows


def number_rows(rows: list[TaskRow]) -> None:
    """Number rows 1..n within each document and give the first row under each parent its run's length."""
    for row in rows:
        row.group_size = 0
    seq = 0
    start = 0
    for i, row in enumerate(rows):
        seq = 1 if i == 0 or row.document.index != rows[i - 1].document.index else seq + 1
        row.seq = seq
        if row.group_key != rows[start].group_key:
            rows[start].group_size = i - start
            start = i
    if rows:
        rows[start].group_size = len(rows) - start


def summarise_units(rows: list[TaskRow]) -> list[UnitSummary]:
    """Every unit of the rows, ordered by how many tasks it leads, then by all its tasks, then first seen."""
    summaries: dict[str, UnitSummary] = {}
    for row in rows:
        real = {a.unit: a.real for a in row.assignments}
        for unit in row.units:
            summary = summaries.setdefault(unit, UnitSummary(unit, real=real[unit]))
            if row.role_of(unit) == "lead":
                summary.lead_count += 1
            else:
                summary.partner_count += 1
    order = list(summaries)
    return sorted(summaries.values(), key=lambda s: (-s.lead_count, -s.task_count, order.index(s.name)))


def checklist_item(row: TaskRow, role: str, today: dt.date) -> ChecklistItem:
    """A task as it stands on a checklist: the unit's role, its earliest date, what has passed."""
    dated = [d for d in row.deadlines if is_dated(d)]
    return ChecklistItem(
        task=row,
        role=role,
        due=min((d.due for d in dated if d.due is not None), default=None),
        overdue=[d for d in dated if is_overdue(d, today)],
        recurring=[d for d in row.deadlines if d.kind == "recurring"],
    )


def build_section(unit: str, rows: list[TaskRow], today: dt.date) -> ChecklistSection:
    """A unit's checklist over all rendered tasks, dated items sorted by their earliest date."""
    section = ChecklistSection(unit)
    for row in rows:
        role = row.role_of(unit)
        if role is None:
            continue
        item = checklist_item(row, role, today)
        if item.due is not None:
            section.dated.append(item)
        elif item.recurring:
            section.recurring.append(item)
        else:
            section.undated.append(item)
    section.dated.sort(key=lambda item: (item.due, item.task.seq))
    return section


def _resolve_unit(query: str, rows: list[TaskRow]) -> str:
    """The unit name as rendered for ``query`` (its registry name or as written); an error if unknown."""
    for row in rows:
        for assignment in row.assignments:
            if query in (assignment.unit, assignment.written):
                return assignment.unit
    known = "、".join(u.name for u in summarise_units(rows)[:30])
    raise GovplanError(Errors.E407, query=query, known=known)


@dataclass(frozen=True)
class ContextOptions:
    """How the rows are chosen and headed beyond view, depth, unit and date (the render options)."""

    all_sections: bool = False
    heading: str | None = None
    attachment: str = ""
    combined: bool = False
    registry: Registry | None = None


def build_context(
    specs: list[LoadedSpec], view: View, depth: int | None, unit: str | None, today: dt.date,
    options: ContextOptions = ContextOptions(),
) -> RenderContext:
    """The rendering context: rows at ``depth``, narrowed to ``unit``'s tasks when one is named;
    checklists for every responsible unit (fragments left out) unless one is named."""
    rows = build_rows(specs, depth, options.all_sections, options.registry)
    unit_name = _resolve_unit(unit, rows) if unit else None
    if unit_name:
        rows = [row for row in rows if row.role_of(unit_name) is not None]
        number_rows(rows)
    units = [summary for summary in summarise_units(rows) if summary.real]
    names = [unit_name] if unit_name else [u.name for u in units]
    sections = [build_section(name, rows, today) for name in names]
    return RenderContext(
        view=view,
        documents=[document_info(i, s) for i, s in enumerate(specs)],
        tasks=rows,
        units=units,
        sections=sections,
        today=today,
        unit=unit_name,
        heading=options.heading,
        attachment=options.attachment,
        combined=options.combined,
    )
