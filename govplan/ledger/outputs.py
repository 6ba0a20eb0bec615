"""The ledger report written out: a rich table on the terminal, or a .docx, .xlsx or .md file."""

from __future__ import annotations

from pathlib import Path

from govplan.errors import Errors, GovplanError
from govplan.ledger.workbook import SheetColumn, fill_sheet, new_workbook, workbook_bytes
from govplan.render.grids import Grid

TEMPLATES = Path(__file__).resolve().parent / "templates"
REPORT_FORMATS = ("docx", "xlsx", "md")
WIDTH_PER_WEIGHT = 2.4  # Excel characters per unit of a column's weight


def report_format(to: str | None, output: Path) -> str:
    """--to, else the output's suffix; only docx, xlsx and md are written."""
    fmt = to or output.suffix.lower().lstrip(".")
    fmt = "md" if fmt == "markdown" else fmt
    if fmt not in REPORT_FORMATS:
        raise GovplanError(Errors.E408, str(output))
    return fmt


def write_report(grid: Grid, fmt: str) -> str | bytes:
    """The report grid in ``fmt``."""
    if fmt == "md":
        from govplan.render.templating import render_template

        return render_template(TEMPLATES / "report.md.j2", {"grid": grid}, "md")
    if fmt == "docx":
        from govplan.render.docx_writer import write_docx

        return write_docx([grid])
    workbook = new_workbook()
    columns = [SheetColumn(c.label, round(c.weight * WIDTH_PER_WEIGHT, 1), c.align) for c in grid.columns]
    fill_sheet(workbook.create_sheet(grid.name), grid.title, grid.subtitle, columns, [row.cells for row in grid.rows])
    return workbook_bytes(workbook)


def print_report(grid: Grid) -> None:
    """The report as a rich table on standard output, a rule between units (cells as plain text, never markup)."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(grid.title), caption=Text(grid.subtitle))
    for column in grid.columns:
        table.add_column(column.label, overflow="fold")
    previous = None
    for row in grid.rows:
        unit = row.cells[0]
        if previous is not None and unit != previous:
            table.add_section()
        table.add_row(*(Text(cell) for cell in [unit if unit != previous else ""] + row.cells[1:]))
        previous = unit
    console = Console()
    if not console.is_terminal:
        console.width = max(console.width, 120)
    console.print(table)
