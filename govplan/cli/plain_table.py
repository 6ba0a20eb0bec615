"""A table written as rich lays out an unstyled one (title centred over a heavy-headed box), for
tables whose every cell fits on its line: rich measures and wraps each cell through its renderers,
about half a millisecond a row, which a summary of thousands of files would spend for nothing.

When rich would do anything else (a table wider than the console, a cell with markup, an emoji
code, a control or a space to trim), ``plain_table`` gives None and the caller lets rich draw it;
tests/test_plain_table.py holds the two to the same bytes.
"""

from __future__ import annotations

from typing import Sequence

from rich.cells import cell_len

PADDING = 1  # spaces each side of a cell (rich's default)


def plain_table(title: str, headers: Sequence[str], rows: Sequence[Sequence[str]], width: int) -> str | None:
    """The table's lines as rich prints it, unstyled, on a console ``width`` cells wide; None
    when rich would lay it out otherwise."""
    cells = [list(headers), *map(list, rows)]
    if any(len(row) != len(headers) for row in cells) or not all(_laid_out_as_written(c) for row in cells for c in row):
        return None
    widths = [max(cell_len(row[k]) for row in cells) + 2 * PADDING for k in range(len(headers))]
    table_width = sum(widths) + len(widths) + 1  # the cells and their borders
    if table_width > width or cell_len(title) > table_width:
        return None
    left = (table_width - cell_len(title)) // 2
    lines = [" " * left + title + " " * (table_width - left - cell_len(title)),
             "┏" + "┳".join("━" * w for w in widths) + "┓",
             _row(cells[0], widths, "┃"),
             "┡" + "╇".join("━" * w for w in widths) + "┩",
             *(_row(row, widths, "│") for row in cells[1:]),
             "└" + "┴".join("─" * w for w in widths) + "┘"]
    return "\n".join(lines) + "\n"


def _row(cells: list[str], widths: list[int], rule: str) -> str:
    """One line of the table: each cell left-aligned in its column, between rules."""
    pad = " " * PADDING
    return rule + rule.join(pad + cell + " " * (w - cell_len(cell) - PADDING) for cell, w in zip(cells, widths)) + rule


def _laid_out_as_written(cell: str) -> bool:
    """Whether rich prints the cell's text as it is: no markup ([), emoji code (:), control or
    unusual space, nothing to trim."""
    return cell.isprintable() and "[" not in cell and ":" not in cell and cell == cell.strip()
