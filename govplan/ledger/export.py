"""`govplan ledger export`: the 督办台账, one row per task, for units to report and the office to mark.

Columns the specs fill (任务, 牵头单位/配合单位, 完成时限, 目标指标) come first; the follow-up columns
(进展情况, 完成状态 with a drop-down list, 完成日期, 备注) hold each task's latest record, empty the
first time, so a re-import of an unchanged sheet records nothing new.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from govplan.errors import Errors, GovplanError
from govplan.ledger.layout import (
    COMPLETED, ID_HEADER, MANIFEST_HEADER, MANIFEST_SHEET, NOTE, PROGRESS, STATUS, STATUS_LABELS, document_key, row_id,
)
from govplan.ledger.tasks import LedgerTask, ledger_tasks
from govplan.ledger.workbook import SheetColumn, fill_sheet, new_workbook, set_value, workbook_bytes
from govplan.render.loading import LoadedSpec
from govplan.render.xlsx_writer import sheet_name

COLUMNS = [
    SheetColumn("序号", 5, "center"),
    SheetColumn("重点任务", 14),
    SheetColumn("具体任务", 42),
    SheetColumn("牵头单位", 12),
    SheetColumn("配合单位", 14),
    SheetColumn("完成时限", 12),
    SheetColumn("目标指标", 14),
    SheetColumn(PROGRESS, 32),
    SheetColumn(STATUS, 9, "center"),
    SheetColumn(COMPLETED, 11, "center", date=True),
    SheetColumn(NOTE, 14),
    SheetColumn(ID_HEADER, 12, hidden=True),
]
SPARE_ROWS = 200  # rows below the last task that keep the drop-down, for rows a person adds
INSTRUCTIONS = "完成状态从下拉列表选择（" + "/".join(STATUS_LABELS.values()) + "）；完成日期写作 2024-06-30；可排序、筛选、加行，勿改隐藏的编号列。"


def _cells(task: LedgerTask, seq: int) -> list[object]:
    row, latest = task.row, task.latest
    follow_up: list[object] = [None, None, None, None]
    if latest is not None:
        status = STATUS_LABELS[latest.status] if latest.status else None
        follow_up = [latest.text, status, latest.completed, latest.note]
    spec_cells = [seq, row.group, row.measures, "、".join(row.lead), "、".join(row.partners), row.deadline_text, row.target_text]
    return spec_cells + follow_up + [row_id(task.loaded.spec, row.id)]


def _validations(sheet: Any, header: int, rows: int) -> None:
    """完成状态 from its list; 完成日期 a date (a warning only, so a date written as text still goes in)."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    labels = [c.label for c in COLUMNS]
    first, last = header + 1, header + rows + SPARE_ROWS
    status = DataValidation(type="list", formula1='"' + ",".join(STATUS_LABELS.values()) + '"', allow_blank=True)
    status.error = "请从下拉列表中选择：" + "、".join(STATUS_LABELS.values())
    status.errorTitle = STATUS
    status.showErrorMessage = True
    completed = DataValidation(type="date", operator="between", formula1="DATE(2000,1,1)", formula2="DATE(2100,12,31)",
                               allow_blank=True, errorStyle="warning")
    completed.error = "完成日期请写作 2024-06-30"
    completed.showErrorMessage = True
    for validation, label in ((status, STATUS), (completed, COMPLETED)):
        letter = get_column_letter(labels.index(label) + 1)
        validation.add(f"{letter}{first}:{letter}{last}")
        sheet.add_data_validation(validation)


def _manifest(workbook: Any, specs: list[LoadedSpec], workbook_dir: Path) -> None:
    """The very hidden sheet naming each document's spec file, relative to the workbook."""
    sheet = workbook.create_sheet(MANIFEST_SHEET)
    sheet.sheet_state = "veryHidden"
    sheet.append(list(MANIFEST_HEADER))
    for loaded in specs:
        relative = Path(os.path.relpath(loaded.path.resolve(), workbook_dir.resolve())).as_posix()
        row = sheet.max_row + 1
        for column, value in enumerate((document_key(loaded.spec), relative, loaded.spec.metadata.title or ""), start=1):
            set_value(sheet.cell(row=row, column=column), value)


def export_ledger(specs: list[LoadedSpec], workbook_dir: Path, depth: int | None = None) -> bytes:
    """The ledger workbook: a sheet per document, then the hidden manifest."""
    workbook = new_workbook()
    taken: set[str] = set()
    tasks = ledger_tasks(specs, depth=depth)
    for index, loaded in enumerate(specs):
        mine = [task for task in tasks if task.row.document.index == index]
        if not mine:
            continue
        doc = mine[0].row.document
        sheet = workbook.create_sheet(sheet_name(doc.label, taken))
        subtitle = "　".join(part for part in (doc.doc_number, INSTRUCTIONS) if part)
        rows = [_cells(task, seq) for seq, task in enumerate(mine, start=1)]
        header = fill_sheet(sheet, f"{doc.label}督办台账", subtitle, COLUMNS, rows)
        _validations(sheet, header, len(rows))
    if not workbook.sheetnames:
        raise GovplanError(Errors.E409)
    _manifest(workbook, specs, workbook_dir)
    return workbook_bytes(workbook)
