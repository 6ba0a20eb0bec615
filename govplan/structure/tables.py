"""Task tables (任务分解表, 责任清单, 台账): a header row recognised by its column words, then every row
read cell by cell.

Readers give every table as text (docs/spec-format.md): a .docx, .html, .xlsx or .csv table one row
a line with its cells separated by tabs. Tables that reached govplan already flattened into text
come as tab rows too, as pipe rows (``| 1 | 推进… | 市发改委 |`` or ``1 | 推进… | 市发改委``), as rows
whose cells blanks separate (PDF text: ``1  推进…  市发改委``; a row then starts with its 序号), or one
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
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from govplan.datafiles import load_data
from govplan.structure.lines import Line
from govplan.grammar import compile_pattern
from govplan.structure.numbering import CIRCLED, heading_at, numbering, numeral_value

_BLANKS = " \t\f\v\r\u3000"
_WORD = re.compile(r"[^ \t\f\v\r\u3000]+")  # a cell of a row whose cells blanks separate
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
_SCORE_LIKE = re.compile(r"^[\d.]+\s*分?$")
_DATE = compile_pattern("^{calendar_date}$")
# Columns whose merged cell a table flattened one cell a line gives once for the rows it covers: a
# task always has a lead or responsible unit, so a row without one lies under a merged cell; a
# missing 配合单位 or 时限 may just be empty.
_CARRIED_KINDS = ("lead", "responsible")


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
    # The row continues the task of the row above: it lies under the same merged 序号 cell (carried
    # from above, or repeated with the same task), or a numbered table gives it no number.
    continued: bool = False

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
    if len(cell) > 3 * words.max_chars:
        return None  # a line of text, not a header cell
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
    shape: str  # tab | pipe | cell (one cell ending in |) | line (a plain line: one cell)
    cells: list[tuple[int, int]]  # stripped cell ranges (empty cells as (s, s))
    separator: bool = False  # a Markdown rule row (|---|---|)


def _split(text: str, line: Line) -> _Split | None:
    """The cells of a non-blank line as a table row would have them."""
    if line.blank:
        return None
    if "\t" in text[line.start:line.end] or _leading_tab(text, line):
        raw_start = text.rfind("\n", 0, line.start) + 1
        raw_end = text.find("\n", line.end)
        raw_end = len(text) if raw_end < 0 else raw_end
        return _Split("tab", _ranges(text, raw_start, raw_end, "\t"))
    if "|" not in line.text:
        return _Split("line", [(line.start, line.end)])
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


def _blank_split(text: str, line: Line) -> _Split | None:
    """The cells of a line whose cells blanks separate (PDF text of a table), or None for a line
    without a blank between two words."""
    cells = [(line.start + m.start(), line.start + m.end()) for m in _WORD.finditer(line.text)]
    return _Split("blanks", cells) if len(cells) > 1 else None


def _shaped(text: str, line: Line, shape: str) -> _Split | None:
    """The cells of a line as a row of a table of the given shape: a row of blank-separated cells
    starts with its 序号 (any other line of text holds blanks too)."""
    if shape != "blanks":
        return _split(text, line)
    split = _blank_split(text, line)
    if split is None or row_number(text[split.cells[0][0]:split.cells[0][1]]) is None:
        return _split(text, line)
    return split


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
    # a column the header words do not name is read like task text (a measure)
    return [Column(k or "measure", text[s:e]) for (s, e), k in zip(cells, kinds)]


# --- finding tables ------------------------------------------------------------------------------

def find_tables(lines: list[Line], text: str) -> list[Table]:
    """Every task table in ``lines`` (a document's lines, blank ones included), in order."""
    tables: list[Table] = []
    longest = 3 * _words().max_chars
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.blank or (len(line.text) > longest and "\t" not in line.text and "|" not in line.text):
            i += 1  # a line of text: no header row, no header cell
            continue
        split = _split(text, line)
        table = None
        if split is not None and split.shape in ("tab", "pipe"):
            columns = _header(text, split.cells)
            if columns:
                table = _row_table(lines, text, i, split.shape, columns)
        elif split is not None and (blank := _blank_split(text, line)) is not None \
                and (columns := _header(text, blank.cells)):
            table = _row_table(lines, text, i, "blanks", columns)
        elif split is not None and column_kind(text[split.cells[0][0]:split.cells[0][1]]) is not None:
            table = _stream_table(lines, text, i, split.shape)
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
        split = _shaped(text, line, shape)
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
            row = _row(text, split.cells, table, j, merged=shape != "blanks")
            if row is None:
                j += 1
                continue
            if row.section:
                pending.append(row)
            else:
                table.rows.extend(pending)
                pending = []
                table.rows.append(row)
                table.last = j
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
    split = _shaped(text, lines[j], shape)
    return split is not None and split.shape == shape


def _row(text: str, cells: list[tuple[int, int]], table: Table, line: int, merged: bool = True) -> TableRow | None:
    """A table row from its cell ranges: a row with one filled cell first is a section row; a row
    of fewer cells than the header lost merged cells above it (carried), one of more cells has
    cells of columns the header merged (kept as `other`). Where blanks separate the cells
    (``merged`` false), a row of fewer cells has empty cells, rightmost first (a 配合单位 left
    empty, not a 牵头单位 merged from above)."""
    columns = table.columns
    width = len(columns)
    above = next((r for r in reversed(table.rows) if not r.section), None)
    filled = [(k, s, e) for k, (s, e) in enumerate(cells) if e > s]
    if not filled:
        return None
    start, end = filled[0][1], filled[-1][2]
    if len(filled) == 1 and filled[0][0] == 0 and width > 2 and row_number(text[start:end]) is None \
            and end - start <= _words().max_section:
        return TableRow(start, end, [TableCell(start, end, 0)], section=True, line=line)
    carried: list[TableCell] = []
    if len(cells) > width:
        placed = _widen(text, cells, columns, above)
    elif len(cells) < width and above is not None:
        missing = _align(text, cells, columns, above if merged else None)
        placed = [k for k in range(width) if k not in missing]
        if merged:
            carried = [c for c in (above.get(k) for k in sorted(missing)) if c is not None]
    else:
        placed = list(range(len(cells)))
    own = [TableCell(s, e, placed[k] if placed[k] >= 0 else width) for k, s, e in filled]
    row = TableRow(start, end, own or [TableCell(start, end, 0)], carried, line=line)
    row.continued = _continues(text, row, table, above)
    return row


def _continues(text: str, row: TableRow, table: Table, above: TableRow | None) -> bool:
    """Whether a row continues the task of the row above (see TableRow.continued)."""
    number = table.column_of("number")
    if number is None:
        return False
    own = next((c for c in row.cells if c.column == number), None)
    if own is None:
        return True
    if above is None:
        return False
    before = above.get(number)
    task = table.column_of("task")
    same_task = task is None or _text(text, row.get(task)) == _text(text, above.get(task))
    return before is not None and _text(text, own) == _text(text, before) and same_task


def _text(text: str, cell: TableCell | None) -> str:
    return text[cell.start:cell.end] if cell is not None else ""


def _align(text: str, cells: list[tuple[int, int]], columns: list[Column], above: TableRow | None) -> set[int]:
    """Which columns a row of fewer cells lacks: the choice under which its cells read best as
    their columns (a number under 序号 that continues the numbering, a unit under a unit column,
    a date under a time column, a score under a score column), preferring columns the row above
    fills (a merged cell covering both) and leftmost ones; without a row above to merge from
    (``above`` None), rightmost ones."""
    width = len(columns)
    lacking = width - len(cells)
    next_number = _next_number(text, columns, above)
    side = -0.01 if above is not None else 0.01
    choices: list[tuple[int, ...]] = list(itertools.combinations(range(width), lacking)) \
        if math.comb(width, lacking) <= 400 else \
        [tuple(range(k, k + lacking)) for k in range(width - lacking + 1)]
    best: tuple[float, set[int]] | None = None
    for combo in choices:
        missing = set(combo)
        placed = [k for k in range(width) if k not in missing]
        score = sum(_fit(text[s:e], columns[k].kind, next_number) for (s, e), k in zip(cells, placed))
        if above is not None:
            score += sum(0.5 for k in missing if above.get(k) is not None)
        score += side * sum(missing)
        if best is None or score > best[0]:
            best = (score, missing)
    return best[1] if best else set()


def _widen(text: str, cells: list[tuple[int, int]], columns: list[Column], above: TableRow | None) -> list[int]:
    """Columns for a row of more cells than the header (a header cell spanning two columns over a
    category merged down the rows): the extra cells are placed where the rest read best as their
    columns, leftmost first, and get no column (-1; the row keeps them as notes)."""
    width = len(columns)
    extra = len(cells) - width
    next_number = _next_number(text, columns, above)
    best: tuple[float, list[int]] | None = None
    for at in range(width + 1):
        placed = list(range(at)) + [-1] * extra + list(range(at, width))
        score = sum(_fit(text[s:e], columns[k].kind, next_number) for (s, e), k in zip(cells, placed) if k >= 0)
        if best is None or score > best[0]:
            best = (score, placed)
    return best[1] if best else list(range(width))


def _next_number(text: str, columns: list[Column], above: TableRow | None) -> int | None:
    """The number the next row should carry in the 序号 column, from the row above."""
    number = next((k for k, c in enumerate(columns) if c.kind == "number"), None)
    if number is None or above is None:
        return None
    parsed = row_number(_text(text, above.get(number)))
    return parsed[1] + 1 if parsed else None


def _fit(cell: str, kind: str, next_number: int | None = None) -> float:
    """How well a cell's text reads as a column of ``kind``."""
    if not cell:
        return 0.0
    number = row_number(cell)
    if kind == "number":
        if number is None:
            return -2.0
        return 2.0 if next_number is None or number[1] in (next_number, 1) else -1.0
    if kind == "score":
        return 1.5 if _SCORE_LIKE.match(cell) else -1.0
    if number is not None:
        return -2.0
    if kind in ("lead", "support", "responsible"):
        return 1.0 if _UNIT_LIKE.search(cell) else -1.0
    if kind == "time":
        return 1.0 if _TIME_LIKE.search(cell) else -1.0
    return 0.0


# --- tables flattened one cell a line ------------------------------------------------------------

@dataclass(frozen=True)
class _StreamCell:
    start: int
    end: int
    line: int  # index of the cell's first line


def _stream_table(lines: list[Line], text: str, first: int, shape: str) -> Table | None:
    """A table flattened one cell a line (each ending in ``|``, or plain lines from a page's
    table): a header of column words, one a line; then the cells, a row starting at each number
    of the 序号 column (a table without one: every header-width cells, ``|`` cells only)."""
    cells = _stream_cells(lines, text, first, shape)
    header: list[Column] = []
    for cell in cells:
        kind = column_kind(text[cell.start:cell.end])
        if kind is None:
            break
        header.append(Column(kind, text[cell.start:cell.end]))
    words = _words()
    kinds = {c.kind for c in header}
    if len(header) < words.min_cells or not words.content & kinds:
        return None
    number = next((k for k, c in enumerate(header) if c.kind == "number"), None)
    if number is None and shape != "cell":
        return None
    table = Table(header, cells[0].start, cells[len(header) - 1].end, [], first, cells[len(header) - 1].line)
    body = cells[len(header):]
    if number is None:
        _fixed_rows(table, body, text)
    else:
        _numbered_rows(table, body, text, number)
    while table.rows and table.rows[-1].section:
        table.rows.pop()
    if table.rows:
        last = table.rows[-1]
        table.last = max(c.line for c in _stream_lines(last, body))
    return table


def _stream_lines(row: TableRow, body: list[_StreamCell]) -> list[_StreamCell]:
    return [c for c in body if row.start <= c.start and c.end <= row.end] or [c for c in body if c.start == row.start]


def _stream_cells(lines: list[Line], text: str, first: int, shape: str) -> list[_StreamCell]:
    """The cells from line ``first`` on: ``|`` cells (whose text may run over lines), or plain
    lines, up to a line of another shape, an attachment or a date line."""
    data = numbering()
    cells: list[_StreamCell] = []
    pending: tuple[int, int] | None = None  # (offset, line) where a cell running over lines began
    for j in range(first, len(lines)):
        line = lines[j]
        if line.blank:
            continue
        if data.attachment.match(line.text) or data.attachment_list.match(line.text) or _DATE.match(line.text):
            break
        split = _split(text, line)
        if split is None or split.shape in ("tab", "pipe"):
            break
        if shape == "line":
            if split.shape != "line":
                break
            cells.append(_StreamCell(line.start, line.end, j))
            continue
        if split.shape == "cell":
            s, e = split.cells[0]
            start, at = pending if pending is not None else (s, j)
            cells.append(_StreamCell(start, e, at))
            pending = None
        elif pending is None:
            pending = (line.start, j)
        elif j - pending[1] >= _MAX_CELL_LINES:
            break
    return cells


def _fixed_rows(table: Table, body: list[_StreamCell], text: str) -> None:
    width = len(table.columns)
    for pos in range(0, len(body) - width + 1, width):
        group = body[pos:pos + width]
        own = [TableCell(c.start, c.end, k) for k, c in enumerate(group) if c.end > c.start]
        if own:
            table.rows.append(TableRow(own[0].start, own[-1].end, own, line=group[0].line))


def _numbered_rows(table: Table, body: list[_StreamCell], text: str, number: int) -> None:
    """Rows of a stream, each starting at the next number of the 序号 column; the cells after it
    fill the columns after 序号 in order, skipping a column a cell cannot be (no unit where a
    category stands); a cell that fits no column left stays with its row as a note. A cell that
    starts with a heading number where no column wants it is a section row. A row lacking its lead
    or responsible unit takes the last one above in its section (a merged cell given once)."""
    columns = table.columns
    expected: int | None = None
    row: TableRow | None = None
    column = len(columns)
    for cell in body:
        cell_text = text[cell.start:cell.end]
        numbered = row_number(cell_text)
        if numbered is not None and (expected is None or numbered[1] in (expected, 1)):
            row = TableRow(cell.start, cell.end, [TableCell(cell.start, cell.end, number)], line=cell.line)
            table.rows.append(row)
            expected, column = numbered[1] + 1, number + 1
            continue
        if heading_at(cell_text, 0) is not None and len(cell_text) <= _words().max_section * 2 and (
                row is None or column >= len(columns) or _fit(cell_text, columns[column].kind) < 0):
            table.rows.append(TableRow(cell.start, cell.end, [TableCell(cell.start, cell.end, 0)], section=True,
                                       line=cell.line))
            row, column = None, len(columns)
            continue
        if row is None:
            continue  # a category cell before the first number of a section (not a task)
        fitting = next((k for k in range(column, len(columns)) if _fit(cell_text, columns[k].kind) >= 0), None)
        # a cell that fits no column left (a category before the next number, a remark) stays
        # with the row as a note, so no text falls out of the tree
        row.cells.append(TableCell(cell.start, cell.end, fitting if fitting is not None else len(columns)))
        row.end = cell.end
        column = fitting + 1 if fitting is not None else column
    last_of: dict[int, TableCell] = {}  # the last cell seen in a column, in this section
    for row in table.rows:
        if row.section:
            last_of.clear()
            continue
        have = {c.column for c in row.cells}
        for k, kind in enumerate(c.kind for c in columns):
            if kind in _CARRIED_KINDS and k not in have and k in last_of:
                row.carried.append(last_of[k])
        for cell in row.cells:
            last_of[cell.column] = cell
