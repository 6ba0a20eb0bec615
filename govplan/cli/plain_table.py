"""A table written as rich lays out an unstyled one (title centred over a heavy-headed box, columns
narrowed the way rich narrows them when the table is wider than the console): rich measures and
renders every cell through its renderers, about half a millisecond a row, which a summary of
thousands of files would spend for nothing. A cell wider than its column is broken where rich's own
divide_line breaks it and cut as its Text.wrap cuts it, so the lines are rich's, without importing
rich.console or rich.text (0.08 s of a one-notice extract).

When rich would do anything else (a cell with markup, an emoji code, a control or a space to trim,
columns too narrow to hold a character), ``plain_table`` gives None and the caller lets rich draw
the table; tests/test_plain_table.py holds the two to the same bytes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from rich.cells import cell_len, set_cell_size

if TYPE_CHECKING:
    from rich.console import Console

PADDING = 1  # spaces each side of a cell (rich's default)
NARROWEST = 2 * PADDING + 1  # a column narrower than this is left to rich


def plain_table(title: str, headers: Sequence[str], rows: Sequence[Sequence[str]], console: Console | int) -> str | None:
    """The table's lines as rich prints it, unstyled, on ``console`` (a console or its width: rich.console
    itself is not needed); None when rich would lay it out otherwise."""
    width = console if isinstance(console, int) else console.width
    cells = [list(headers), *map(list, rows)]
    if any(len(row) != len(headers) for row in cells) or not all(laid_out_as_written(c) for row in cells for c in row):
        return None
    room = width - len(headers) - 1  # what the borders leave
    natural = [min(max(cell_len(row[k]) for row in cells) + 2 * PADDING, room) for k in range(len(headers))]
    widths = _narrowed(natural, room)
    table_width = sum(widths) + len(widths) + 1
    if min(widths) < NARROWEST or cell_len(title) > table_width:
        return None
    left = (table_width - cell_len(title)) // 2
    lines = [" " * left + title + " " * (table_width - left - cell_len(title)),
             "┏" + "┳".join("━" * w for w in widths) + "┓",
             *_row(cells[0], widths, "┃", header=True),
             "┡" + "╇".join("━" * w for w in widths) + "┩",
             *(line for row in cells[1:] for line in _row(row, widths, "│")),
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


def _row(cells: list[str], widths: list[int], rule: str, header: bool = False) -> list[str]:
    """The lines of one row: each cell left-aligned in its column, wrapped by rich where it is too
    wide; shorter cells filled with blank lines below (above in the header, which rich aligns to the bottom)."""
    blocks = [_cell_lines(cell, width) for cell, width in zip(cells, widths)]
    height = max(map(len, blocks))
    blocks = [[" " * w] * (height - len(b)) + b if header else b + [" " * w] * (height - len(b)) for b, w in zip(blocks, widths)]
    return [rule + rule.join(block[k] for block in blocks) + rule for k in range(height)]


def _cell_lines(cell: str, width: int) -> list[str]:
    """A cell's lines, padded to the column's width."""
    pad = " " * PADDING
    room = width - 2 * PADDING
    if cell_len(cell) <= room:
        return [pad + cell + " " * (room - cell_len(cell)) + pad]
    return [pad + line + " " * (room - cell_len(line)) + pad for line in _wrapped(cell, room)]


def _wrapped(cell: str, room: int) -> list[str]:
    """A cell too wide for its column in lines as rich's Text.wrap(justify="left", overflow="ellipsis")
    gives them for one line of printable text: broken where rich's divide_line breaks it (no word
    folded), each piece's trailing spaces cut as far as it runs over (rstrip_end, in characters),
    and a piece still too wide cut to the room less one cell and ended with an ellipsis."""
    from rich._wrap import divide_line

    bounds = [0, *divide_line(cell, room, fold=False), len(cell)]
    lines = []
    for start, end in zip(bounds, bounds[1:]):
        line = cell[start:end]
        if len(line) > room:
            line = line[:len(line) - min(len(line) - len(line.rstrip()), len(line) - room)]
        if cell_len(line) > room:
            line = set_cell_size(line, room - 1) + "…"
        lines.append(line)
    return lines


def laid_out_as_written(cell: str) -> bool:
    """Whether rich prints the cell's text as it is: no markup ([), emoji code (:), control or
    unusual space, nothing to trim."""
    return cell.isprintable() and "[" not in cell and ":" not in cell and cell == cell.strip()
