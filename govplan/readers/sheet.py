"""Read a spreadsheet (.xlsx, .csv): one line per row, cells separated by tabs.

Task lists and 台账 circulate as spreadsheets; their rows become text the way a .docx table's do,
so the table stage (govplan.structure.tables) reads them by their header words. Values are written
as a reader sees them: whole numbers without ".0", dates as 2024年6月30日, a line break or tab
inside a cell as one blank (a row stays one line). A merged cell gives its text to every row it
covers (a 牵头单位 cell spanning three rows appears in all three); across a row it is given once,
in its first column, the columns it covers left empty (a section row spanning the table keeps its
place in the grid). A workbook of several sheets gives each sheet's name on a line of its own
before its rows. Spans of a spec point into this extracted text (docs/spec-format.md).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from typing import Any

from govplan.errors import Errors, InputError

CELL_SEPARATOR = "\t"
_MAX_UNCOMPRESSED = 200 * 1024 * 1024  # a workbook larger than this unpacked is refused (zip bomb)
_MAX_RATIO = 100  # nor one that unpacks to more than this many times its size
_MAX_CELLS = 2_000_000
_DELIMITERS = ",\t;|"


def xlsx_text(name: str, data: bytes) -> str:
    """The workbook's text: each sheet's rows, one line per row, cells separated by tabs."""
    _check_package(name, data)
    try:
        from openpyxl import load_workbook

        workbook = load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputError(Errors.E117, name, detail=exc) from exc
    sheets = [sheet for sheet in workbook.worksheets if sheet.max_row and sheet.max_column]
    blocks = []
    for sheet in sheets:
        if sheet.max_row * sheet.max_column > _MAX_CELLS:
            raise InputError(Errors.E118, name, sheet=sheet.title, rows=sheet.max_row, columns=sheet.max_column)
        rows = _rows(_grid(sheet))
        if rows:
            blocks.append(([sheet.title] if len(sheets) > 1 else []) + rows)
    return "\n\n".join("\n".join(block) for block in blocks)


def _check_package(name: str, data: bytes) -> None:
    """Refuse a package that is no zip or would unpack to far more than it weighs."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            total = sum(info.file_size for info in package.infolist())
    except zipfile.BadZipFile as exc:
        raise InputError(Errors.E117, name, detail=exc) from exc
    if total > _MAX_UNCOMPRESSED or total > _MAX_RATIO * max(len(data), 1):
        raise InputError(Errors.E119, name)


def _grid(sheet: Any) -> list[list[str]]:
    """The sheet's cells as text, merged cells spread down the rows they cover."""
    grid = [[_value(cell) for cell in row] for row in sheet.iter_rows(min_row=1, max_row=sheet.max_row)]
    for merged in sheet.merged_cells.ranges:
        top = grid[merged.min_row - 1][merged.min_col - 1] if merged.min_row - 1 < len(grid) else ""
        for r in range(merged.min_row - 1, min(merged.max_row, len(grid))):
            row = grid[r]
            for c in range(merged.min_col - 1, min(merged.max_col, len(row))):
                row[c] = top if c == merged.min_col - 1 else ""
    return grid


def _value(cell: Any) -> str:
    """A cell's value as a reader sees it, on one line."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return f"{value.year}年{value.month}月{value.day}日"
        return f"{value.year}年{value.month}月{value.day}日{value.hour}时{value.minute:02d}分"
    if isinstance(value, dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    return _one_line(str(value))


def _one_line(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def _rows(grid: list[list[str]]) -> list[str]:
    """Rows as tab-separated lines without trailing empty cells, but where a row of two filled cells or more is
    shorter than the last such row above it (its 存在问题 or 备注 left empty): it keeps its empty cells up to that
    row's width, so that its last cell keeps its column and is not read as the table's last one; a row of one cell
    (a title, a section row) stays one cell. Trailing empty rows dropped."""
    lines = []
    width = 0  # the width of the last row of two filled cells or more, within one block of rows
    for row in grid:
        while row and not row[-1]:
            row = row[:-1]
        if sum(1 for cell in row if cell) >= 2:
            row = row + [""] * (width - len(row))
            width = len(row)
        elif not row:
            width = 0  # an empty row parts the sheet's blocks (two tables)
        lines.append(CELL_SEPARATOR.join(row))
    while lines and not lines[-1]:
        lines.pop()
    return lines


def csv_text(name: str, text: str) -> str:
    """A decoded CSV (or tab-, semicolon- or bar-separated) file as tab-separated rows."""
    sample = text[:20000]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS)
    except csv.Error:
        dialect = csv.excel
    try:
        rows = list(csv.reader(io.StringIO(text), dialect))
    except csv.Error as exc:
        raise InputError(Errors.E120, name, detail=exc) from exc
    return "\n".join(_rows([[_one_line(cell) for cell in row] for row in rows]))
