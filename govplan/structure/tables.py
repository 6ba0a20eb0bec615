"""Task tables (任务分解表, 责任清单, 台账): a header row recognised by its column words, then every row
read cell by cell.

Readers give every table as text (docs/spec-format.md): a .docx, .html, .xlsx or .csv table one row
a line with its cells separated by tabs. Tables that reached govplan already flattened into text
come as tab rows too, as pipe rows (``| 1 | 推进… | 市发改委 |`` or ``1 | 推进… | 市发改委``), or one
cell a line ending in ``|``. A header row is recognised from the column words in
govplan/data/tables.yaml; the rows after it, in the same shape, are the table's rows. A line in
between that is no row (a merged row spanning the table, given as one cell) is a section row when a
row follows it. A row with fewer cells than the header lost a merged cell above it (a 牵头单位 cell
spanning several rows, flattened once): the cells it lacks are carried from the row above.

This module finds the geometry (columns, rows, cells as normalised offsets); govplan.structure.tree
turns the rows into task nodes.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

from govplan.datafiles import load_data
from govplan.structure.lines import Line
from govplan.structure.numbering import CIRCLED, numbering, numeral_value

_BLANKS = " \t\f\v\r\u3000"
_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")
_SEPARATOR_CELL = re.compile(r"^:?-{2,}:?$")
# A row number as a 序号 cell writes it: 1, 1., (1), 一, 一、, (一), ①.
_ROW_NUMBER = re.compile(
    r"^(?:(?P<a>\d{1,3})[.、]?|\((?P<ap>\d{1,3})\)|(?P<c>[一二三四五六七八九十]{1,3})[、.]?"
    rf"|\((?P<cp>[一二三四五六七八九十]{{1,3}})\)|(?P<o>[{CIRCLED}]))$"
)
# Cells that look like a date or a unit name, for aligning rows that lost cells (see _align).
_TIME_LIKE = re.compile(r"\d{4}|[年月日]|底前|之前|以前|长期|持续|常态|每[年月季周]")
_UNIT_LIKE = re.compile(r"(?:局|委|办|部|厅|院|中心|公司|政府|街道|镇|乡|单位|部门|组|会|站|所|队|处|室|科)(?:[、，,\s]|$)")
_MAX_CELL_LINES = 12  # lines of one cell in a table flattened one cell a line


@dataclass(frozen=True)
class Column:
    """A column of a task table: its kind (tables.yaml) and its header as written."""

    kind: str
    header: str


@dataclass(frozen=True)
class TableCell:
    """One non-empty cell: normalised offsets of its stripped text and its column's index."""

    start: int
    end: int
    column: int


@dataclass
class TableRow:
    """A row: its extent in the normalised text, its own cells, and cells carried from above."""

    start: int
    end: int
    cells: list[TableCell]
    carried: list[TableCell] = field(default_factory=list)
    section: bool = False  # a row spanning the table (一、稳增长), read as a group heading
    line: int = 0  # index (in the lines given to find_tables) of the row's first line

    def get(self, column: int) -> TableCell | None:
        """The row's cell in ``column`` (its own, else one carried from above)."""
        return next((c for c in self.cells if c.column == column), None) or next(
            (c for c in self.carried if c.column == column), None
        )


@dataclass
class Table:
    """A task table: its columns, its header's extent, and its rows; ``first``/``last`` are the
    indices of its first and last lines in the lines given to find_tables."""

    columns: list[Column]
    header_start: int
    header_end: int
    rows: list[TableRow]
    first: int
    last: int

    def column_of(self, kind: str) -> int | None:
        return next((k for k, c in enumerate(self.columns) if c.kind == kind), None)

    def kind(self, cell: TableCell) -> str:
        return self.columns[cell.column].kind if cell.column < len(self.columns) else "note"


@dataclass(frozen=True)
class _Words:
    kind_of: dict[str, str]
    longest_first: tuple[str, ...]
    min_cells: int
    max_chars: int
    content: frozenset[str]
    max_section: int


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = load_data("tables.yaml")
    kind_of = {word: kind for kind, words in data["columns"].items() for word in words}
    return _Words(
        kind_of, tuple(sorted(kind_of, key=len, reverse=True)), int(data["min_header_cells"]),
        int(data["max_header_chars"]), frozenset(data["content_kinds"]), int(data["max_section_chars"]),
    )


def column_kind(cell: str) -> str | None:
    """What a header cell names (tables.yaml), or None when it names no column."""
    words = _words()
    compact = "".join(_BRACKETED.sub("", cell).split()).strip(":：*＊")
    if not compact or row_number(compact) is not None:
        return None
    if compact in words.kind_of:
        return words.kind_of[compact]
    if len(compact) > words.max_chars:
        return None
    found = next((w for w in words.longest_first if w in compact), None)
    return words.kind_of[found] if found else None


def row_number(cell: str) -> tuple[str, int, str] | None:
    """(style, value, id segment) of a 序号 cell (1, (1), 一、, (一), ①), or None."""
    match = _ROW_NUMBER.match("".join(cell.split()))
    if not match:
        return None
    if match.group("a"):
        return "table_row", int(match.group("a")), match.group("a")
    if match.group("ap"):
        return "arabic_paren", int(match.group("ap")), f"({match.group('ap')})"
    if match.group("c"):
        value = numeral_value(match.group("c"), "cn")
        return ("cn_dun", value, match.group("c")) if value else None
    if match.group("cp"):
        value = numeral_value(match.group("cp"), "cn")
        return ("cn_paren", value, f"({match.group('cp')})") if value else None
    return "circled", CIRCLED.index(match.group("o")) + 1, match.group("o")


# --- rows of a line ------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Split:
    shape: str  # tab | pipe | cell
    cells: list[tuple[int, int]]  # stripped cell ranges (empty cells as (s, s))
    separator: bool = False  # a Markdown rule row (|---|---|)


def _split(text: str, line: Line) -> _Split | None:
    """The cells of a line that is a table row, or None."""
    if line.blank:
        return None
    if "\t" in text[line.start:line.end] or _leading_tab(text, line):
        raw_start = text.rfind("\n", 0, line.start) + 1
        raw_end = text.find("\n", line.end)
        raw_end = len(text) if raw_end < 0 else raw_end
        return _Split("tab", _ranges(text, raw_start, raw_end, "\t"))
    if "|" not in line.text:
        return None
    if line.text.count("|") == 1 and line.text.endswith("|"):
        return _Split("cell", [_trim(text, line.start, line.end - 1)])
    start, end = line.start, line.end
    if text[start] == "|":
        start += 1
    if end > start and text[end - 1] == "|":
        end -= 1
    cells = _ranges(text, start, end, "|")
    separator = all(_SEPARATOR_CELL.match(text[s:e]) or s == e for s, e in cells)
    return _Split("pipe", cells, separator)


def _leading_tab(text: str, line: Line) -> bool:
    return line.start > 0 and text[line.start - 1] == "\t"


def _ranges(text: str, start: int, end: int, sep: str) -> list[tuple[int, int]]:
    cells = []
    pos = start
    while True:
        cut = text.find(sep, pos, end)
        stop = end if cut < 0 else cut
        cells.append(_trim(text, pos, stop))
        if cut < 0:
            return cells
        pos = cut + 1


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _BLANKS:
        start += 1
    while end > start and text[end - 1] in _BLANKS:
        end -= 1
    return start, end


def _header(text: str, cells: list[tuple[int, int]]) -> list[Column] | None:
    """The columns a row names when it is a header row, else None."""
    words = _words()
    filled = [(s, e) for s, e in cells if e > s]
    kinds = [column_kind(text[s:e]) if e > s else None for s, e in cells]
    named = [k for k in kinds if k]
    if len(named) < words.min_cells or len(named) * 2 < len(filled) or not words.content & set(named):
        return None
    return [Column(k or "note", text[s:e]) for (s, e), k in zip(cells, kinds)]


# --- finding tables ------------------------------------------------------------------------------

def find_tables(lines: list[Line], text: str) -> list[Table]:
    """Every task table in ``lines`` (a document's lines, blank ones included), in order."""
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        split = _split(text, lines[i])
        table = None
        if split is not None and split.shape in ("tab", "pipe"):
            columns = _header(text, split.cells)
            if columns:
                table = _row_table(lines, text, i, split.shape, columns)
        elif split is not None and split.shape == "cell":
            table = _cell_table(lines, text, i)
        if table is not None and table.rows:
            tables.append(table)
            i = table.last + 1
        else:
            i += 1
    return tables


def _row_table(lines: list[Line], text: str, first: int, shape: str, columns: list[Column]) -> Table:
    """A table whose rows are lines (tab or pipe rows), from its header line ``first``."""
    header = lines[first]
    table = Table(columns, header.start, header.end, [], first, first)
    data = numbering()
    pending: list[TableRow] = []  # section rows waiting for a row of the table after them
    j = first + 1
    while j < len(lines):
        line = lines[j]
        if line.blank:
            j += 1
            continue
        split = _split(text, line)
        if split is not None and split.shape == shape:
            if split.separator:
                j += 1
                continue
            again = _header(text, split.cells)
            if again is not None:
                if [c.kind for c in again] != [c.kind for c in columns]:
                    break  # another table starts
                j += 1  # the header repeated (a new page)
                continue
            row = _row(text, split.cells, columns, table.rows[-1] if table.rows else None, j)
            if row is None:
                j += 1
                continue
            if not row.section:
                table.rows.extend(pending)
                pending = []
                table.rows.append(row)
                table.last = j
            else:
                pending.append(row)
            j += 1
            continue
        if data.attachment.match(line.text) or data.attachment_list.match(line.text):
            break
        if len(line.text) <= _words().max_section and _row_follows(lines, text, j + 1, shape):
            start, end = _trim(text, line.start, line.end)
            pending.append(TableRow(start, end, [TableCell(start, end, 0)], section=True, line=j))
            j += 1
            continue
        break
    return table


def _row_follows(lines: list[Line], text: str, j: int, shape: str) -> bool:
    """Whether the next non-blank line from ``j`` is a row of the given shape."""
    while j < len(lines) and lines[j].blank:
        j += 1
    if j >= len(lines):
        return False
    split = _split(text, lines[j])
    return split is not None and split.shape == shape


def _row(
    text: str, cells: list[tuple[int, int]], columns: list[Column], above: TableRow | None, line: int
) -> TableRow | None:
    """A table row from its cell ranges; a row with one filled cell first is a section row."""
    width = len(columns)
    filled = [(k, s, e) for k, (s, e) in enumerate(cells) if e > s]
    if not filled:
        return None
    start, end = filled[0][1], filled[-1][2]
    if len(filled) == 1 and filled[0][0] == 0 and width > 2 and row_number(text[start:end]) is None \
            and end - start <= _words().max_section:
        return TableRow(start, end, [TableCell(start, end, 0)], section=True, line=line)
    if len(cells) >= width or above is None:
        own = [TableCell(s, e, k) for k, s, e in filled if k < width] or [TableCell(start, end, 0)]
        return TableRow(start, end, own, line=line)
    missing = _align(text, cells, columns, above)
    placed = [k for k in range(width) if k not in missing]
    own = [TableCell(s, e, placed[k]) for k, s, e in filled]
    carried = [c for c in (above.get(k) for k in sorted(missing)) if c is not None]
    return TableRow(start, end, own, carried, line=line)


def _align(text: str, cells: list[tuple[int, int]], columns: list[Column], above: TableRow) -> set[int]:
    """Which columns a row of fewer cells lacks: the choice under which its cells read best as
    their columns (a number under 序号, a unit under a unit column, a date under a time column),
    preferring columns the row above fills (a merged cell covering both) and leftmost ones."""
    width = len(columns)
    lacking = width - len(cells)
    best: tuple[float, set[int]] | None = None
    for combo in itertools.combinations(range(width), lacking):
        missing = set(combo)
        placed = [k for k in range(width) if k not in missing]
        score = 0.0
        for (s, e), column in zip(cells, placed):
            score += _fit(text[s:e], columns[column].kind)
        score += sum(0.5 for k in missing if above.get(k) is not None) - 0.01 * sum(missing)
        if best is None or score > best[0]:
            best = (score, missing)
    return best[1] if best else set()


def _fit(cell: str, kind: str | None) -> float:
    """How well a cell's text reads as a column of ``kind``."""
    if not cell:
        return 0.0
    number = row_number(cell) is not None
    if kind == "number":
        return 2.0 if number else -2.0
    if number:
        return -2.0
    if kind in ("lead", "support", "responsible"):
        return 1.0 if len(cell) <= 40 and _UNIT_LIKE.search(cell) else -1.0
    if kind == "time":
        return 1.0 if len(cell) <= 30 and _TIME_LIKE.search(cell) else -1.0
    return 0.0


def _cell_table(lines: list[Line], text: str, first: int) -> Table | None:
    """A table flattened one cell a line, each cell ending with ``|`` (its text may run over lines)."""
    cells: list[tuple[int, int, int]] = []  # (start, end, line index of the cell's first line)
    cell_start: tuple[int, int] | None = None  # (offset, line index) where a cell that spans lines began
    last = first
    j = first
    while j < len(lines):
        line = lines[j]
        if line.blank:
            j += 1
            continue
        split = _split(text, line)
        if split is not None and split.shape == "cell":
            s, e = split.cells[0]
            if cell_start is not None:
                s = cell_start[0]
            cells.append((s, e, cell_start[1] if cell_start else j))
            cell_start, last = None, j
        elif split is None and cell_start is None:
            cell_start = (line.start, j)
        elif split is None and j - cell_start[1] < _MAX_CELL_LINES:  # type: ignore[index]
            pass
        else:
            break
        j += 1
    header: list[Column] = []
    for s, e, _ in cells:
        kind = column_kind(text[s:e])
        if kind is None:
            break
        header.append(Column(kind, text[s:e]))
    words = _words()
    if len(header) < words.min_cells or not words.content & {c.kind for c in header}:
        return None
    table = Table(header, cells[0][0], cells[len(header) - 1][1], [], first, last)
    width = len(header)
    number_column = table.column_of("number")
    pos = width
    while pos < len(cells):
        s, e, line = cells[pos]
        next_is_number = pos + 1 < len(cells) and row_number(text[cells[pos + 1][0]:cells[pos + 1][1]]) is not None
        if number_column == 0 and row_number(text[s:e]) is None and next_is_number and e - s <= words.max_section:
            table.rows.append(TableRow(s, e, [TableCell(s, e, 0)], section=True, line=line))
            pos += 1
            continue
        group = cells[pos:pos + width]
        own = [TableCell(cs, ce, k) for k, (cs, ce, _) in enumerate(group) if ce > cs]
        if own:
            table.rows.append(TableRow(own[0].start, own[-1].end, own, line=line))
        pos += width
    while table.rows and table.rows[-1].section:
        table.rows.pop()
    return table
