"""Excel workbooks with openpyxl: one sheet per grid, ready to be used as a 督查台账.

Each sheet has its title above a frozen header row, wrapped text, an auto-filter, and
column widths sized for Chinese text (a CJK character is two columns wide). Task
tables get empty 进展情况/完成状态 columns for the people who follow the work up.
Cells are never merged here: a ledger must stay sortable and filterable. Text that Excel would
take for a formula (=, +, -, @, tab, CR first) is stored as a string with Excel's quote prefix,
so it shows verbatim and never runs, even after the cell is edited.
"""

from __future__ import annotations

import io
import re
from typing import Any

from govplan.render.grids import LEDGER_COLUMNS, Column, Grid, display_width, starts_formula

MAX_COLUMN_WIDTH = 60
MIN_COLUMN_WIDTH = 6
SHEET_NAME_LIMIT = 31
FORBIDDEN_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")
EMPTY_SHEET = "空"
EMPTY_NOTE = "没有可列出的内容（规格中没有符合条件的任务或责任单位）。"


def column_width(column: Column, cells: list[str]) -> float:
    """Width in Excel character units: the widest line (CJK counted double), within sensible bounds."""
    widest = max([display_width(column.label)] + [display_width(cell) for cell in cells])
    return float(min(max(widest + 2, MIN_COLUMN_WIDTH), MAX_COLUMN_WIDTH))


def sheet_name(name: str, taken: set[str]) -> str:
    """A valid, unique sheet name: no []:*?/\\, at most 31 characters."""
    base = FORBIDDEN_IN_SHEET_NAME.sub("_", name)[:SHEET_NAME_LIMIT] or "Sheet"
    candidate, n = base, 2
    while candidate in taken:
        suffix = f"_{n}"
        candidate, n = base[: SHEET_NAME_LIMIT - len(suffix)] + suffix, n + 1
    taken.add(candidate)
    return candidate


def _fill_sheet(sheet: Any, grid: Grid, columns: list[Column]) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sheet.append([grid.title])
    sheet.cell(row=1, column=1).font = Font(bold=True, size=14)
    if grid.subtitle:
        sheet.append([grid.subtitle])
    header_row = sheet.max_row + 1
    sheet.append([c.label for c in columns])
    for row in grid.rows:
        sheet.append(row.cells + [""] * (len(columns) - len(row.cells)))
    last_row = sheet.max_row
    for r in range(header_row, last_row + 1):
        for c, column in enumerate(columns, start=1):
            cell = sheet.cell(row=r, column=c)
            horizontal = "center" if r == header_row or column.align == "center" else "left"
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal=horizontal)
            if r == header_row:
                cell.font = Font(bold=True)
    for c, column in enumerate(columns, start=1):
        cells = [row.cells[c - 1] if c <= len(row.cells) else "" for row in grid.rows]
        sheet.column_dimensions[get_column_letter(c)].width = column_width(column, cells)
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(len(columns))}{last_row}"
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    for r, note in enumerate(grid.notes, start=last_row + 2):
        sheet.cell(row=r, column=1, value=note)
    _formulas_as_text(sheet)


def _formulas_as_text(sheet: Any) -> None:
    """Every cell openpyxl would write as a formula (a value starting with =) or Excel would
    read as one, written as text instead."""
    for row in sheet.iter_rows():
        for cell in row:
            if starts_formula(cell.value):
                cell.data_type = "s"
                cell.quotePrefix = True


def write_xlsx(grids: list[Grid], ledger: bool) -> bytes:
    """The grids as a workbook; with ``ledger`` each sheet gets the empty follow-up columns."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    taken: set[str] = set()
    for grid in grids:
        sheet = workbook.create_sheet(sheet_name(grid.name, taken))
        _fill_sheet(sheet, grid, grid.columns + (LEDGER_COLUMNS if ledger else []))
    if not grids:  # a workbook needs a sheet (a checklist of specs that name no unit has none)
        workbook.create_sheet(EMPTY_SHEET).append([EMPTY_NOTE])
    buf = io.BytesIO()
    workbook.save(buf)
    return buf.getvalue()
