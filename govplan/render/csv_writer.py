"""CSV with a BOM, so Excel opens Chinese text correctly; several grids share one file with a 分表 column.

A cell that a spreadsheet would take for a formula is prefixed with a single quote, as OWASP's
CSV-injection advice says, so a notice's text can never run as a formula when the file is opened.
"""

from __future__ import annotations

import csv
import io

from govplan.render.grids import Grid, starts_formula

SHEET_COLUMN = "分表"


def write_csv(grids: list[Grid]) -> str:
    """One header row and every grid's rows; a leading 分表 column names the grid when there are several."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    several = len(grids) > 1
    header = [c.label for c in grids[0].columns] if grids else []
    writer.writerow([csv_cell(cell) for cell in ([SHEET_COLUMN] if several else []) + header])
    for grid in grids:
        for row in grid.rows:
            writer.writerow([csv_cell(cell) for cell in ([grid.name] if several else []) + row.cells])
    return "\ufeff" + buf.getvalue()


def csv_cell(text: str) -> str:
    """The cell as written: a leading ' before =, +, -, @, tab or carriage return."""
    return "'" + text if starts_formula(text) else text
