"""Where the extractor found a task node: bookkeeping the nodes carry for the annotators, no part
of the spec (a node read from a file has none)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ColumnKind = Literal[
    "number", "task", "measure", "schedule", "lead", "support", "responsible", "leader", "time", "progress",
    "score", "other", "note", "measure_unit",
]


@dataclass(frozen=True)
class Cell:
    """One table cell inside a node's own text (a row of a 任务分解表): global normalised offsets
    [start, end) and what its column holds, from the header words in govplan/data/tables.yaml.
    Unit columns give units with the column's role; a time column gives deadlines; a progress
    column (进展情况, 完成情况) reports what was done and gives neither targets nor deadlines; a
    schedule column (进度安排) holds dated stages (its ①②③ are the row's child tasks, each given
    its part of the cell); a score column (分值, 评分标准) gives no targets; an `other` column
    (考核部门, 联系人) is no part of the task; a measure_unit column (单位, 计量单位: 万亩, %) gives the
    unit of a bare figure in the row's target cell (0.07 under 万亩). Every kind is described in govplan/data/tables.yaml."""

    start: int
    end: int
    column: ColumnKind
    unit: str = ""  # the unit of measure its column's header brackets (新种任务(亩): 亩), or ""
    targets: bool = False  # its column's header names targets or quotas (目标任务, 目标值): a figure without a unit counts
    year: int | None = None  # the year its column's header names alone (2022年 | 2025年 over an indicator table), or None


@dataclass(slots=True)
class Found:
    """Where the extractor found a node: the normalised offsets of its text (``norm_end`` ends the
    part annotators read: a table row stops before trailing 进展情况 cells), the table cells in it
    and the cells of merged cells above that cover it."""

    norm_start: int
    norm_end: int
    cells: tuple[Cell, ...] = ()
    carried: tuple[Cell, ...] = ()
