"""Excel workbooks with openpyxl: one sheet per grid, ready to be used as a 督查台账.

Each sheet has its title above a frozen header row, wrapped text, an auto-filter, and
column widths sized for Chinese text (a CJK character is two columns wide). Task
tables get empty 进展情况/完成状态 columns for the people who follow the work up.
Cells of the table are never merged (only the lines above it): a ledger must stay sortable and filterable. Every sheet
prints on A4 landscape one page wide, the header row on every page, pages numbered; a
matrix sets its unit names vertically in narrow columns and freezes the task columns.
Text that Excel would take for a formula (=, +, -, @, tab, CR first) is stored as a string with
Excel's quote prefix, so it shows verbatim and never runs, even after the cell is edited.
"""

from __future__ import annotations

import io
import math
import re
from typing import Any

from govplan.render.grids import LEDGER_COLUMNS, Column, Grid, display_width, starts_formula

WIDTH_PER_WEIGHT = 1.25  # a column is at most this many characters per unit of its weight: wider text wraps,
MIN_COLUMN_WIDTH = 6     # so that a sheet fitted to a page's width prints at a readable size
VERTICAL_COLUMN_WIDTH = 4.5  # a column whose header is set vertically (a matrix's unit): one character and a mark
VERTICAL_CHAR_PT = 16  # the height a vertically set character takes in the header row
TITLE_PT = 14  # the sheet title's font size
LINE_PT = 15  # the height of a line of 11pt text: rows are given the height their wrapped text needs
BORDER_COLOR = "808080"
PAGE_FOOTER = "第 &P 页，共 &N 页"
SHEET_NAME_LIMIT = 31
FORBIDDEN_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")
EMPTY_SHEET = "空"
EMPTY_NOTE = "没有可列出的内容（规格中没有符合条件的任务或责任单位）。"


def column_width(column: Column, cells: list[str]) -> float:
    """Width in Excel character units: the widest line (CJK counted double), at most the column's
    share of a printed page (its weight) and at least MIN_COLUMN_WIDTH."""
    if column.vertical:
        return VERTICAL_COLUMN_WIDTH
    widest = max([display_width(column.label)] + [display_width(cell) for cell in cells])
    return float(max(min(widest + 2, column.weight * WIDTH_PER_WEIGHT), MIN_COLUMN_WIDTH))


def row_height(cells: list[str], widths: list[float]) -> float:
    """The height in points a row's wrapped text needs (spreadsheet programs do not all fit rows
    to wrapped text themselves: without it, lines print over the next row)."""
    lines = max(
        (sum(max(1, math.ceil(display_width(line) / max(1.0, width - 1))) for line in cell.split("\n")) for cell, width in zip(cells, widths) if cell),
        default=1,
    )
    return lines * LINE_PT + 4


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
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    for line in (grid.label, grid.title, grid.subtitle):
        if line:
            sheet.append([line])
    title_row = 2 if grid.label else 1
    sheet.cell(row=title_row, column=1).font = Font(bold=True, size=TITLE_PT)
    header_row = sheet.max_row + 1
    sheet.append([c.label for c in columns])
    for row in grid.rows:
        sheet.append(row.cells + [""] * (len(columns) - len(row.cells)))
    last_row = sheet.max_row
    thin = Side(style="thin", color=BORDER_COLOR)
    for r in range(header_row, last_row + 1):
        for c, column in enumerate(columns, start=1):
            cell = sheet.cell(row=r, column=c)
            horizontal = "center" if r == header_row or column.align == "center" else "left"
            vertical_text = 255 if r == header_row and column.vertical else 0
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal=horizontal, textRotation=vertical_text)
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            if r == header_row:
                cell.font = Font(bold=True)
    widths = []
    for c, column in enumerate(columns, start=1):
        cells = [row.cells[c - 1] if c <= len(row.cells) else "" for row in grid.rows]
        widths.append(column_width(column, cells))
        sheet.column_dimensions[get_column_letter(c)].width = widths[-1]
    upright = [len(c.label) for c in columns if c.vertical]
    labels = [c.label if not c.vertical else "" for c in columns]
    sheet.row_dimensions[header_row].height = max(row_height(labels, widths), max(upright, default=0) * VERTICAL_CHAR_PT + 10)
    _headings_across(sheet, header_row, title_row, widths)
    for r, row in enumerate(grid.rows, start=header_row + 1):
        sheet.row_dimensions[r].height = row_height(row.cells, widths)
    first_unit = next((c for c, column in enumerate(columns, start=1) if column.vertical), 1)
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=first_unit)
    sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(len(columns))}{last_row}"
    print_setup(sheet, header_row, len(columns), last_row)
    for r, note in enumerate(grid.notes, start=last_row + 2):
        sheet.cell(row=r, column=1, value=note)
    _formulas_as_text(sheet)


def _headings_across(sheet: Any, header_row: int, title_row: int, widths: list[float]) -> None:
    """The lines above the header (附件N, title, document number) span the table's width and wrap
    there: a long title would otherwise run past the printed page and be cut. Only these lines
    are merged; the table below stays sortable."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    for r in range(1, header_row):
        cell = sheet.cell(row=r, column=1)
        scale = TITLE_PT / 11 if r == title_row else 1.0
        lines = max(1, math.ceil(display_width(str(cell.value or "")) * scale / max(1.0, sum(widths) - 1)))
        sheet.row_dimensions[r].height = lines * LINE_PT * scale + 4
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="left" if r < title_row else "center")  # 附件N left
        if len(widths) > 1:
            sheet.merge_cells(f"A{r}:{get_column_letter(len(widths))}{r}")


def _formulas_as_text(sheet: Any) -> None:
    """Every cell openpyxl would write as a formula (a value starting with =) or Excel would
    read as one, written as text instead."""
    for row in sheet.iter_rows():
        for cell in row:
            if starts_formula(cell.value):
                cell.data_type = "s"
                cell.quotePrefix = True


def print_setup(sheet: Any, header_row: int, last_column: int, last_row: int) -> None:
    """A4 landscape, fitted to one page wide (as many pages down as it takes), the header row on every
    page, page numbers in the footer."""
    from openpyxl.utils import get_column_letter

    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.print_area = f"A1:{get_column_letter(last_column)}{max(last_row, header_row)}"
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.page_margins.header = sheet.page_margins.footer = 0.25  # openpyxl's 0.5 left the page number 0.1" and cut it
    sheet.oddFooter.center.text = PAGE_FOOTER


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
