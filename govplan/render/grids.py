"""The views as plain grids (title, columns, rows, merges) for the docx, xlsx and csv writers.

The Markdown and HTML views come from Jinja templates over the same context; the
binary formats need cells, widths and merge keys instead, which is what a Grid holds.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from govplan.render.context import LEGEND, ChecklistItem, ChecklistSection, Matrix, RenderContext, TaskRow
from govplan.render.dates import cn_date

CHECKBOX = "☐"


@dataclass(frozen=True)
class Column:
    """A column: its header, its share of the table width, whether equal runs merge vertically, and
    whether its header is set vertically (a matrix's unit names)."""

    label: str
    weight: float
    merge: bool = False
    align: Literal["left", "center"] = "left"
    vertical: bool = False


@dataclass
class GridRow:
    """A row's cells; ``keys`` says which runs of rows merge in the merging columns (by column index)."""

    cells: list[str]
    keys: dict[int, str] = field(default_factory=dict)


@dataclass
class Grid:
    """One titled table of a rendering (one per document, per unit, or one for a matrix); ``label``
    is the 附件N line printed above the title."""

    name: str
    title: str
    subtitle: str
    columns: list[Column]
    rows: list[GridRow]
    notes: list[str] = field(default_factory=list)
    label: str = ""

    def merge_runs(self, column: int) -> list[tuple[int, int]]:
        """(first, last) row indices of each run of two or more rows sharing a merge key in ``column``."""
        runs: list[tuple[int, int]] = []
        start = 0
        for i in range(1, len(self.rows) + 1):
            if i == len(self.rows) or self.rows[i].keys.get(column) != self.rows[start].keys.get(column):
                if i - start > 1 and self.rows[start].keys.get(column) is not None:
                    runs.append((start, i - 1))
                start = i
        return runs


LEDGER_COLUMNS = [Column("进展情况", 24), Column("完成状态", 8, align="center")]
# A spreadsheet reads a cell starting with one of these as a formula (OWASP, CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def starts_formula(value: object) -> bool:
    """Whether a spreadsheet would take this cell value for a formula (=HYPERLINK(…), +cmd|…)."""
    return isinstance(value, str) and value.startswith(FORMULA_START)
"""Columns an xlsx task table adds, left empty, so it can serve as a 督查台账."""


class _CharWidths(dict[str, int]):
    """Each character's width in half-width columns, looked up once (map over a dict runs at C speed)."""

    def __missing__(self, ch: str) -> int:
        width = self[ch] = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        return width


_WIDTHS = _CharWidths()


def display_width(text: str) -> int:
    """Width of the longest line in half-width columns: CJK and full-width characters count as 2."""
    return max((sum(map(_WIDTHS.__getitem__, line)) for line in text.split("\n")), default=0)


def _document_columns(ctx: RenderContext) -> list[Column]:
    """A leading 文件 column when the rendering spans several documents."""
    return [Column("文件", 10, merge=True)] if len(ctx.documents) > 1 else []


def _document_cells(ctx: RenderContext, task: TaskRow) -> list[str]:
    return [task.document.label] if len(ctx.documents) > 1 else []


TASKTABLE_COLUMNS = [
    Column("序号", 3, align="center"),
    Column("重点任务", 10, merge=True),
    Column("具体措施", 36),
    Column("牵头单位", 9),
    Column("责任单位/配合单位", 12),
    Column("完成时限", 9),
    Column("目标指标", 12),
]


def tasktable_grids(ctx: RenderContext) -> list[Grid]:
    """One 任务分解表 per document: parents merged down the 重点任务 column."""
    grids = []
    for table in ctx.tables:
        rows = [
            GridRow(
                [str(t.seq), t.group, t.measures, "、".join(t.lead), "、".join(t.partners), t.deadline_text, t.target_text],
                keys={1: t.group_key},
            )
            for t in table.tasks
        ]
        doc = table.document
        title = ctx.heading or doc.heading(ctx.view_name)
        grids.append(Grid(doc.label, title, doc.doc_number or "", list(TASKTABLE_COLUMNS), rows, label=ctx.attachment))
    return grids


OTHER_UNITS = Column("其他单位", 8)
"""Names given as units that are fragments of one (govplan.render.units), so a matrix loses nothing."""


def matrix_grid(ctx: RenderContext, matrix: Matrix) -> Grid:
    """A 责任矩阵: tasks down, units across (most leads first, names set vertically), ● lead and ○
    other parts; a 文件 column when the tasks come from several documents."""
    doc_cols = [Column("文件", 10, merge=True)] if matrix.several else []
    group_column = len(doc_cols) + 1
    columns = [Column("序号", 3, align="center"), *doc_cols, Column("重点任务", 10, merge=True), Column("任务", 14)]
    columns += [Column(unit.name, 2.5, align="center", vertical=True) for unit in matrix.units]
    columns += [OTHER_UNITS] if matrix.has_other_units else []
    rows = []
    for t in matrix.tasks:
        cells = [str(t.seq), *([t.document.label] if matrix.several else []), t.group, t.label]
        cells += [t.mark(u.name) for u in matrix.units] + (["、".join(t.other_units)] if matrix.has_other_units else [])
        keys = {group_column: t.group_key, **({1: str(t.document.index)} if matrix.several else {})}
        rows.append(GridRow(cells, keys=keys))
    legend = "　".join(f"{mark} {meaning}" for mark, meaning in LEGEND.items())
    name = matrix.tasks[0].document.label if matrix.tasks and not matrix.several else ctx.view_name
    return Grid(name, matrix.title, matrix.subtitle, columns, rows, notes=[legend], label=ctx.attachment)


CHECKLIST_COLUMNS = [
    Column("完成", 3, align="center"),
    Column("序号", 3, align="center"),
    Column("任务", 12),
    Column("具体措施", 30),
    Column("职责", 5, align="center"),
    Column("完成时限", 10),
    Column("目标指标", 12),
    Column("备注", 10),
]


def checklist_remark(item: ChecklistItem) -> str:
    """逾期 for passed dates, the rhythm for recurring work, 未明确时限 for none."""
    if item.overdue:
        return f"已逾期：{item.overdue_text}"
    if item.due is None and item.recurring:
        return f"定期：{item.rhythm}"
    if item.due is None:
        return "未明确时限"
    return ""


def checklist_grid(ctx: RenderContext, section: ChecklistSection) -> Grid:
    """A unit's 责任清单: one checkbox row per task, by due date, recurring work listed once."""
    doc_cols = _document_columns(ctx)
    columns = CHECKLIST_COLUMNS[:2] + doc_cols + CHECKLIST_COLUMNS[2:]
    rows = []
    for seq, item in enumerate(section.items, start=1):
        task = item.task
        cells = [CHECKBOX, str(seq), *_document_cells(ctx, task), task.heading, task.measures, item.role_label]
        cells += [task.deadline_text, task.target_text, checklist_remark(item)]
        rows.append(GridRow(cells))
    subtitle = f"截至{cn_date(ctx.today)}，共{len(section.items)}项，已逾期{section.overdue_count}项"
    return Grid(section.unit, ctx.heading or f"{section.unit}{ctx.view_name}", subtitle, columns, rows, label=ctx.attachment)


def grids_for(ctx: RenderContext) -> list[Grid]:
    """The grids of the context's view."""
    if ctx.view == "tasktable":
        return tasktable_grids(ctx)
    if ctx.view == "matrix":
        return [matrix_grid(ctx, matrix) for matrix in ctx.matrices]
    return [checklist_grid(ctx, section) for section in ctx.sections]
