"""Print-ready sheets with openpyxl for the ledger and its report.

A sheet has its title and a line of instructions above a frozen, filtered header row, thin borders,
wrapped text, fixed column widths, and prints on A4 landscape one page wide with the header row
repeated and page numbers in the footer. Text a spreadsheet would take for a formula (=, +, -, @,
tab or CR first) is stored as a string with Excel's quote prefix: document text never runs.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any, Literal

from govplan.render.xlsx_writer import print_setup

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "yyyy-mm-dd"
HEADER_FILL = "E7ECF3"


@dataclass(frozen=True)
class SheetColumn:
    """A column: its header, its width in characters, its alignment, whether it is hidden or holds dates."""

    label: str
    width: float
    align: Literal["left", "center"] = "left"
    hidden: bool = False
    date: bool = False


def new_workbook() -> Any:
    """An openpyxl workbook without its default sheet."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    return workbook


def set_value(cell: Any, value: object) -> None:
    """Put ``value`` in the cell; text that could be read as a formula stays text."""
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        cell.data_type = "s"
        cell.quotePrefix = True


def fill_sheet(sheet: Any, title: str, subtitle: str, columns: list[SheetColumn], rows: list[list[object]]) -> int:
    """Title, instructions, header and rows, styled and set up for printing; returns the header's row number."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    set_value(sheet.cell(row=1, column=1), title)
    sheet.cell(row=1, column=1).font = Font(bold=True, size=14)
    set_value(sheet.cell(row=2, column=1), subtitle)
    header = 3
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for c, column in enumerate(columns, start=1):
        cell = sheet.cell(row=header, column=c, value=column.label)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.border = border
        letter = get_column_letter(c)
        sheet.column_dimensions[letter].width = column.width
        sheet.column_dimensions[letter].hidden = column.hidden
    for r, values in enumerate(rows, start=header + 1):
        for c, (column, value) in enumerate(zip(columns, values), start=1):
            cell = sheet.cell(row=r, column=c)
            set_value(cell, value if value not in (None, "") else None)
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal=column.align)
            cell.border = border
            if column.date:
                cell.number_format = DATE_FORMAT
    last_row = header + len(rows)
    visible = max(c for c, column in enumerate(columns, start=1) if not column.hidden)
    sheet.freeze_panes = sheet.cell(row=header + 1, column=1)
    sheet.auto_filter.ref = f"A{header}:{get_column_letter(visible)}{max(last_row, header + 1)}"
    print_setup(sheet, header, visible, last_row)
    return header


def workbook_bytes(workbook: Any) -> bytes:
    buf = io.BytesIO()
    workbook.save(buf)
    return buf.getvalue()

