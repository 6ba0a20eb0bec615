"""A table written as rich lays out an unstyled one (title centred over a heavy-headed box, columns
narrowed the way rich narrows them when the table is wider than the console): rich measures and
renders every cell through its renderers, about half a millisecond a row, which a summary of
thousands of files would spend for nothing. Only a cell wider than its column goes through rich
(its Text.wrap), so the lines are rich's own.

When rich would do anything else (a cell with markup, an emoji code, a control or a space to trim,
columns too narrow to hold a character), ``plain_table`` gives None and the caller lets rich draw
the table; tests/test_plain_table.py holds the two to the same bytes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Sequence

from rich.cells import cell_len

if TYPE_CHECKING:
    from rich.console import Console

PADDING = 1  # spaces each side of a cell (rich's default)
NARROWEST = 2 * PADDING + 1  # a column narrower than this is left to rich


class Deferred:
    """A console known by its width, made (importing rich.console) only when a cell must be wrapped."""

    def __init__(self, width: int, make: Callable[[], Console]) -> None:
        self.width = width
        self._make = make
        self._made: Console | None = None

    def made(self) -> Console:
        """The console itself, made once."""
        if self._made is None:
            self._made = self._make()
        return self._made


def plain_table(title: str, headers: Sequence[str], rows: Sequence[Sequence[str]], console: Console | Deferred) -> str | None:
    """The table's lines as rich prints it, unstyled, on ``console`` (its width); None when rich
    would lay it out otherwise."""
    cells = [list(headers), *map(list, rows)]
    if any(len(row) != len(headers) for row in cells) or not all(laid_out_as_written(c) for row in cells for c in row):
        return None
    room = console.width - len(headers) - 1  # what the borders leave
    natural = [min(max(cell_len(row[k]) for row in cells) + 2 * PADDING, room) for k in range(len(headers))]
    widths = _narrowed(natural, room)
    table_width = sum(widths) + len(widths) + 1
    if min(widths) < NARROWEST or cell_len(title) > table_width:
        return None
    left = (table_width - cell_len(title)) // 2
    lines = [" " * left + title + " " * (table_width - left - cell_len(title)),
             "┏" + "┳".join("━" * w for w in widths) + "┓",
             *_row(cells[0], widths, "┃", console, header=True),
             "┡" + "╇".join("━" * w for w in widths) + "┩",
             *(line for row in cells[1:] for line in _row(row, widths, "│", console)),
             "└" + "┴".join("─" * w for w in widths) + "┘"]
    return "\n".join(lines) + "\n"


def _narrowed(widths: list[int], room: int) -> list[int]:
    """Column widths as rich fits them into ``room``: the widest columns narrowed together, a step
    at a time to the next widest, then every column by an equal share if that is not enough."""
    widths = list(widths)
    excess = sum(widths) - room
    while excess > 0:
        widest = max(widths)
        next_widest = max((w for w in widths if w != widest), default=0)
        if widest == next_widest:
            break
        widths = _reduced(excess, [int(w == widest) for w in widths], [min(excess, widest - next_widest)] * len(widths), widths)
        excess = sum(widths) - room
    if excess > 0:
        widths = _reduced(excess, [1] * len(widths), widths, widths)
    return widths


def _reduced(total: int, ratios: list[int], maximums: list[int], values: list[int]) -> list[int]:
    """``values`` less ``total`` shared by ``ratios`` (each share at most its maximum), rounded as rich does."""
    ratios = [ratio if maximum else 0 for ratio, maximum in zip(ratios, maximums)]
    total_ratio, result = sum(ratios), []
    for ratio, maximum, value in zip(ratios, maximums, values):
        if ratio and total_ratio > 0:
            share = min(maximum, round(ratio * total / total_ratio))
            result.append(value - share)
            total, total_ratio = total - share, total_ratio - ratio
        else:
            result.append(value)
    return result


def _row(cells: list[str], widths: list[int], rule: str, console: Console | Deferred, header: bool = False) -> list[str]:
    """The lines of one row: each cell left-aligned in its column, wrapped by rich where it is too
    wide; shorter cells filled with blank lines below (above in the header, which rich aligns to the bottom)."""
    blocks = [_cell_lines(cell, width, console) for cell, width in zip(cells, widths)]
    height = max(map(len, blocks))
    blocks = [[" " * w] * (height - len(b)) + b if header else b + [" " * w] * (height - len(b)) for b, w in zip(blocks, widths)]
    return [rule + rule.join(block[k] for block in blocks) + rule for k in range(height)]


def _cell_lines(cell: str, width: int, console: Console | Deferred) -> list[str]:
    """A cell's lines, padded to the column's width."""
    pad = " " * PADDING
    room = width - 2 * PADDING
    if cell_len(cell) <= room:
        return [pad + cell + " " * (room - cell_len(cell)) + pad]
    from rich.text import Text

    if isinstance(console, Deferred):
        console = console.made()
    wrapped = Text(cell).wrap(console, room, justify="left", overflow="ellipsis")
    return [pad + line.plain + " " * (room - cell_len(line.plain)) + pad for line in wrapped]


def laid_out_as_written(cell: str) -> bool:
    """Whether rich prints the cell's text as it is: no markup ([), emoji code (:), control or
    unusual space, nothing to trim."""
    return cell.isprintable() and "[" not in cell and ":" not in cell and cell == cell.strip()
