"""Task tables (任务分解表, 责任清单, 台账): a header row recognised by its column words, then every row
read cell by cell.

Readers give every table as text (docs/spec-format.md): a .docx, .html, .xlsx or .csv table one row
a line with its cells separated by tabs. Tables that reached govplan already flattened into text
come as tab rows too, as pipe rows (``| 1 | 推进… | 市发改委 |`` or ``1 | 推进… | 市发改委``), as rows
whose cells blanks separate (PDF text: ``1  推进…  市发改委``; a row then starts with its 序号, and where the
line has runs of blanks only they separate cells), or one cell a line (ending in ``|`` or not; a header cell
the copy wrapped over two lines, 市政府 / 分管领导, is one). A header row is recognised from the column words in
govplan/data/tables.yaml; the rows after it, in the same shape, are the table's rows. A line in
between that is no row (a merged row spanning the table, given as one cell) is a section row when a
row follows it. A row with fewer cells than the header lost a merged cell above it (a 牵头单位 cell
spanning several rows, flattened once): the cells it lacks are carried from the row above.
A pipe header broken over lines is one row; a pipe row ending in bare bars (``| ||||``) lacks its
merged cells. A table flattened one cell a line without a 序号 column starts a row at each task
cell; a row cut where the text ends inside its unit cells takes nothing from above. Wherever cells are
placed by how they read, a cell written as a sentence is the row's task or measure, never its unit,
date or leader cell.

This module finds the geometry (columns, rows, cells as normalised offsets); govplan.structure.tree
turns the rows into task nodes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from govplan.datafiles import load_data
from govplan.structure.lines import Line
from govplan.grammar import compile_pattern
from govplan.structure.numbering import CIRCLED, heading_at, numbering, numeral_value
from govplan.textmemo import text_memo

_BLANKS = " \t\f\v\r\u3000"
_WORD = re.compile(r"[^ \t\f\v\r\u3000]+")  # a cell of a row whose cells blanks separate
# a cell of a row whose cells runs of blanks separate (pdftotext): single blanks stay inside a cell (上报责任人 及联系人员)
_WIDE_CELL = re.compile(r"[^ \t\f\v\r\u3000]+(?:[ ][^ \t\f\v\r\u3000]+)*")
_WIDE_BLANK = re.compile(r"[ \u3000]{2,}|\u3000")
_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")
_SEPARATOR_CELL = re.compile(r"^:?-{2,}:?$")
# A row number as a 序号 cell writes it: 1, 1., (1), 一, 一、, (一), ①; in a scan OCR misread (numbering.yaml,
# misread_numerals): 二， and —、 (a dash alone is an empty cell, no number).
_ROW_NUMBER = re.compile(
    r"^(?:(?P<a>\d{1,3})[.、]?|\((?P<ap>\d{1,3})\)|(?P<c>[一二三四五六七八九十]{1,3})[、.，,]?"
    r"|(?P<c2>[一二三四五六七八九十]{0,2}[—―－-])[、，,]"
    rf"|\((?P<cp>[一二三四五六七八九十]{{1,3}})\)|(?P<o>[{CIRCLED}]))$"
)
# Cells that look like a date or a unit name, for aligning rows that lost cells (see _align).
_TIME_LIKE = re.compile(r"\d{4}|[年月日]|底前|之前|以前|长期|持续|常态|每[年月季周]")
_UNIT_LIKE = re.compile(r"(?:局|委|办|部|厅|司|院|中心|政府|街道|镇|乡|单位|部门|组|会|站|所|队|处|室|科|股|馆)(?:[、，,\s]|$)")
# A 责任领导 cell: people's names (夏俊贵, 周 斐, 王伟、李明) or their posts (副县长, 县委常委).
_PERSONS = re.compile(r"^[\u4e00-\u9fff](?: ?[\u4e00-\u9fff]){1,2}(?:[、，, ]+[\u4e00-\u9fff](?: ?[\u4e00-\u9fff]){1,2})*$")
_POST = re.compile(r"长|书记|主任|领导|常委|委员")
# a unit of measure as a 单位 cell gives it: %, 亩, 万亩, 万元/人, 亿斤, 个
MEASURE_UNIT = re.compile(r"^(?:[%‰％]|[万亿千百]?[\u4e00-\u9fff]{1,2}(?:/[\u4e00-\u9fff]{1,2})?)$")
_MAX_CELL_LINES = 12  # lines of one cell in a table flattened one cell a line
_LABELLED = compile_pattern("[{colon}][ \t\u3000]*[^ \t\u3000*＊]")
_COLONS = (":", "：")
_SENTENCE_ENDS = ("。", "；", ";")  # a unit or date cell ends no sentence
_SHORT_CELL = 12  # characters a unit, date or leader cell closed by 。 may have (县发改委负责。)
_NOTE_FIT = -0.25  # a 备注 cell is mostly left empty: a cell that may be the task's goes there only if nothing else fits
_SHORT_KINDS = ("lead", "support", "responsible", "leader", "time", "number", "score", "measure_unit")
_SCORE_LIKE = re.compile(r"^[\d.]+\s*分?$")
# What a short cell holds, for finding a row's cells repeated past its end (see _shape): a year (2019年, 2020年底),
# a figure (163, 74%, 26.5万户/733个, ≥90%).
_YEAR_CELL = re.compile(r"^\d{4}年(?:\d{1,2}月)?(?:底|前|内|以前|底前)?$")
_FIGURE_CELL = re.compile(r"^[≥≤＞＜><]?\d[\d.,]*(?:[%‰％]|[万亿千百]?[\u4e00-\u9fff]{1,2})?(?:/[\d.]+[\u4e00-\u9fff]{0,2})?$")
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

    def header_unit(self, cell: TableCell) -> str:
        """The unit of measure the header of a cell's column brackets (新种任务(亩): 亩), or ""."""
        return bracketed_unit(self.columns[cell.column].header) if cell.column < len(self.columns) else ""

    def sets_targets(self, cell: TableCell) -> bool:
        """Whether the header of a cell's column names targets or quotas (目标任务, 2022 年 目 标 值)."""
        return cell.column < len(self.columns) and names_targets(self.columns[cell.column].header)


@dataclass(frozen=True)
class _Words:
    kind_of: dict[str, str]
    longest_first: tuple[str, ...]
    any_contained: re.Pattern[str]  # one of longest_first anywhere (a quick test most cells fail)
    min_cells: int
    max_chars: int
    content: frozenset[str]
    max_section: int
    units: frozenset[str]  # units of measure a 计量单位 cell may give
    wrapped_heads: frozenset[str]  # the first line of a header cell wrapped over two (市政府 / 分管领导)
    target_heads: re.Pattern[str]  # a header word of a column that sets targets (目标任务, 目标值)


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = load_data("tables.yaml")
    kind_of = {word: kind for kind, words in data["columns"].items() for word in words}
    contained = tuple(sorted((word for word in kind_of if word not in data["whole_cell_only"]), key=len, reverse=True))
    return _Words(
        kind_of, contained, re.compile("|".join(map(re.escape, contained)) or "(?!)"), int(data["min_header_cells"]),
        int(data["max_header_chars"]), frozenset(data["content_kinds"]), int(data["max_section_chars"]),
        frozenset(load_data("targets.yaml")["units"]) | frozenset(data["time_units"]), frozenset(data["wrapped_heads"]),
        re.compile("|".join(map(re.escape, data["target_heads"])) or "(?!)"),
    )


def column_kind(cell: str) -> str | None:
    """What a header cell names (tables.yaml), or None when it names no column."""
    words = _words()
    if len(cell) > 3 * words.max_chars:
        return None  # a line of text, not a header cell
    compact = "".join(_BRACKETED.sub("", cell).split()).strip(":：*＊")
    kind = words.kind_of.get(compact)
    if kind is None and (len(compact) > words.max_chars or not words.any_contained.search(compact)):
        return None  # no column word inside (most cells, so asked first): decided in one search, not a test per word
    if not compact or heading_at(cell.strip(), 0) is not None or _LABELLED.search(cell) or row_number(compact) is not None:
        return None  # a numbered heading (五、保障措施), a label with its value (牵头单位：县发改局), a 序号
    if kind is not None:
        return kind
    found = next((w for w in words.longest_first if w in compact), None)
    return words.kind_of[found] if found else None


def names_targets(header: str) -> bool:
    """Whether a column's header names targets or quotas (目标任务, 2022 年 目 标 值), blanks aside."""
    return _words().target_heads.search("".join(header.split())) is not None


def names_measure_unit(cell: str) -> bool:
    """Whether a cell names a unit of measure (万亩, %, 人/年) rather than an organisation (县农业局) or
    another short word (定量 under 指标值类型): every part is a unit of the targets grammar or a time
    unit, after a multiplier (万亩: 亩)."""
    compact = "".join(cell.split())
    units = _words().units
    return bool(MEASURE_UNIT.match(compact)) and not _UNIT_LIKE.search(compact) and all(
        part in units or part[1:] in units and part[0] in "万亿千百" for part in compact.split("/"))


def bracketed_unit(text: str) -> str:
    """The unit of measure an indicator's name writes in its last bracket (农业增加值(亿元): 亿元,
    开展小型水利工程建设(个): 个, 金额（单位：万元）: 万元), or ""."""
    for match in reversed(list(_BRACKETED.finditer(text))):
        inner = "".join(match.group()[1:-1].split())
        inner = re.sub(r"^(?:计量)?单位[:：]", "", inner)
        if names_measure_unit(inner):
            return inner
    return ""


@text_memo(maxsize=1 << 12)
def row_number(cell: str) -> tuple[str, int, str] | None:
    """(style, value, id segment) of a 序号 cell (1, (1), 一、, (一), ①), or None (memoised: a cell is
    read as a number again for each column it may fill)."""
    match = _ROW_NUMBER.match("".join(cell.split()))
    if not match:
        return None
    if match.group("a"):
        return "table_row", int(match.group("a")), match.group("a")
    if match.group("ap"):
        return "arabic_paren", int(match.group("ap")), f"({match.group('ap')})"
    if match.group("c") or match.group("c2"):
        numeral = (match.group("c") or match.group("c2")).translate(numbering().misread_numerals)
        value = numeral_value(numeral, "cn")
        return ("cn_dun", value, numeral) if value else None
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
    without a blank between two words. Where the line has runs of blanks, they alone separate cells."""
    word = _WIDE_CELL if _WIDE_BLANK.search(line.text) else _WORD
    cells = [(line.start + m.start(), line.start + m.end()) for m in word.finditer(line.text)]
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
    return _named_header(text, cells, _cell_kinds(text, cells))


def _cell_kinds(text: str, cells: list[tuple[int, int]]) -> list[str | None]:
    """What each cell of a row names as a header cell (None for an empty one or one naming no column)."""
    return [column_kind(text[s:e]) if e > s else None for s, e in cells]


def _named_header(text: str, cells: list[tuple[int, int]], kinds: list[str | None]) -> list[Column] | None:
    """The columns of a row whose cells name ``kinds`` when it is a header row, else None."""
    words = _words()
    filled = [(s, e) for s, e in cells if e > s]
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
        if line.blank or (len(line.text) > longest and "\t" not in line.text and "|" not in line.text
                          and not (len(line.text) <= 3 * longest and _WIDE_BLANK.search(line.text))):
            i += 1  # a line of text: no header row, no header cell (a header aligned with blanks is wider)
            continue
        split = _split(text, line)
        table = None
        if split is not None and split.shape in ("tab", "pipe"):
            columns = _header(text, split.cells)
            if columns:
                table = _row_table(lines, text, i, split.shape, columns)
            elif split.shape == "pipe" and (spanning := _spanning_header(lines, text, i)):
                table = _row_table(lines, text, i, "pipe", *spanning)
        elif split is not None and (blank := _blank_split(text, line)) is not None \
                and (columns := _header(text, blank.cells)):
            table = _row_table(lines, text, i, "blanks", columns)
        elif split is not None and column_kind(text[split.cells[0][0]:split.cells[0][1]]) is not None:
            table = _stream_table(lines, text, i, split.shape)
        if table is not None and table.rows:
            _settle_unit_columns(table, text)
            tables.append(table)
            i = table.last + 1
        else:
            i += 1
    return tables


def _settle_unit_columns(table: Table, text: str) -> None:
    """A 单位 column names units of measure (万亩, %) in an assessment list but the organisations in
    charge in a 责任清单: one whose cells mostly name organisations is a responsible column."""
    for k, column in enumerate(table.columns):
        if column.kind != "measure_unit":
            continue
        cells = [text[c.start:c.end] for row in table.rows for c in row.cells if c.column == k]
        organisations = sum(1 for cell in cells if not names_measure_unit(cell) and _UNIT_LIKE.search(cell))
        if organisations * 2 > len(cells):
            table.columns[k] = Column("responsible", column.header)


def _spanning_header(lines: list[Line], text: str, first: int) -> tuple[list[Column], int] | None:
    """A pipe header row whose cells run over several lines, each ending in a bar (a page's
    converter broke the row: 序号 | 工作 责任组 |⏎责任 领导 |⏎责任 单位 |⏎月度目标要求 | 工作进展 |):
    its columns and its last line, the lines up to the first row (a line starting with a number)
    read as one row. A first line padded with empty cells is a caption row over the header, not
    part of it."""
    cells: list[tuple[int, int]] = []
    kinds: list[str | None] = []  # each line's cells named once, not again as the row grows
    found: tuple[list[Column], int] | None = None
    for j in range(first, min(len(lines), first + _MAX_CELL_LINES)):
        line = lines[j]
        if line.blank:
            continue
        split = _split(text, line) if line.text.endswith("|") else None
        if split is None or split.shape not in ("pipe", "cell") \
                or (j > first and row_number(text[split.cells[0][0]:split.cells[0][1]]) is not None):
            break
        if j == first and sum(1 for s, e in split.cells if e == s) > 1:
            return None  # a caption row padded to the table's width (绩效指标 | ||||), no broken header
        cells += split.cells
        kinds += _cell_kinds(text, split.cells)
        columns = _named_header(text, cells, kinds) if j > first else None
        found = (columns, j) if columns else found
    return found


def _unpadded(text: str, cells: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A pipe row without the run of bare empty cells at its end (``| ||||``): a page's converter
    writes there the cells it dropped for merged cells above, so the row has fewer cells of its own
    (two bare bars, or a blank empty cell and a bare one: `` | ||``)."""
    end = len(cells)
    while end > 0 and cells[end - 1][0] == cells[end - 1][1]:
        end -= 1
    bare = sum(1 for s, _ in cells[end:] if text[s - 1] == "|")
    return cells[:end] if bare >= 2 or (bare and len(cells) - end >= 2) else cells


def _row_table(lines: list[Line], text: str, first: int, shape: str, columns: list[Column],
               header_last: int | None = None) -> Table:
    """A table whose rows are lines (tab or pipe rows), from its header line ``first`` (to
    ``header_last`` for a header over several lines)."""
    last = first if header_last is None else header_last
    table = Table(columns, lines[first].start, lines[last].end, [], first, last)
    data = numbering()
    pending: list[TableRow] = []  # section rows waiting for a row of the table after them
    j = last + 1
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
            cells = _unpadded(text, split.cells) if shape == "pipe" else split.cells
            row = _row(text, cells, table, j, merged=shape != "blanks")
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
    """Whether the next non-blank line from ``j`` is a row of the given shape; in a table aligned with blanks,
    after at most one more short line (总分 / 100: a row of two cells, which a copy's layout broke apart)."""
    shorts = 1 if shape == "blanks" else 0
    while j < len(lines):
        if not lines[j].blank:
            split = _shaped(text, lines[j], shape)
            if split is not None and split.shape == shape:
                return True
            if shorts == 0 or len(lines[j].text) > _words().max_section:
                return False
            shorts -= 1
        j += 1
    return False


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
        placed = _widen(text, cells, columns, _next_number(text, table))
    elif len(cells) < width and above is not None:
        missing = _align(text, cells, columns, above, _next_number(text, table), merged)
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


def _align(text: str, cells: list[tuple[int, int]], columns: list[Column], above: TableRow | None,
           next_number: int | None = None, merged: bool = True) -> set[int]:
    """Which columns a row of fewer cells lacks: the choice under which its cells read best as
    their columns (a number under 序号 that is the ``next_number``, a unit
    under a unit column, a date under a time column, a score under a score column), preferring
    columns the row above fills (a merged cell covering both) and leftmost ones; without a row
    above to merge from (``above`` None, or cells that blanks separate: ``merged`` false, an empty
    cell leaving no trace), rightmost ones. The cells keep their order, so the best choice is found
    column by column (a wide 绩效目标表 row lacking four merged cells on the left and an empty
    one on the right is read as exactly as a narrow one)."""
    width = len(columns)
    merges = above if merged else None
    side = -0.01 if merges is not None else 0.01

    def skipped(k: int) -> float:
        return (0.5 if merges is not None and merges.get(k) is not None else 0.0) + side * k

    # best[i][j]: the best score with the first i cells placed in the first j columns, and the
    # columns missing among those j
    best: list[list[tuple[float, tuple[int, ...]] | None]] = [[None] * (width + 1) for _ in range(len(cells) + 1)]
    best[0][0] = (0.0, ())
    for j in range(width):
        for i in range(min(j, len(cells)) + 1):
            here = best[i][j]
            if here is None:
                continue
            score, missing = here
            options = [(i, score + skipped(j), missing + (j,))]
            if i < len(cells):
                s, e = cells[i]
                options.append((i + 1, score + _fit(text[s:e], columns[j].kind, next_number), missing))
            for ni, value, lacks in options:
                there = best[ni][j + 1]
                if there is None or value > there[0]:
                    best[ni][j + 1] = (value, lacks)
    final = best[len(cells)][width]
    return set(final[1]) if final else set()


def _widen(text: str, cells: list[tuple[int, int]], columns: list[Column], next_number: int | None) -> list[int]:
    """Columns for a row of more cells than the header (a header cell spanning two columns over a
    category merged down the rows): the extra cells are placed where the rest read best as their
    columns, leftmost first, and get no column (-1; the row keeps them as notes)."""
    width = len(columns)
    extra = len(cells) - width
    best: tuple[float, list[int]] | None = None
    for at in range(width + 1):
        placed = list(range(at)) + [-1] * extra + list(range(at, width))
        score = sum(_fit(text[s:e], columns[k].kind, next_number) for (s, e), k in zip(cells, placed) if k >= 0)
        if best is None or score > best[0]:
            best = (score, placed)
    return best[1] if best else list(range(width))


def _next_number(text: str, table: Table) -> int | None:
    """The number the next row should carry in the 序号 column, from the last row above that has one (rows
    under a merged 序号 carry none of their own where blanks separate the cells)."""
    number = table.column_of("number")
    if number is None:
        return None
    for row in reversed(table.rows):
        parsed = None if row.section else row_number(_text(text, row.get(number)))
        if parsed is not None:
            return parsed[1] + 1
    return None


def _sentence(cell: str) -> bool:
    """Whether a cell is written as a sentence (开展好“三下乡”活动。, 全年组织开展…不少于100场。): the task
    of its row, never a unit, date or leader cell, whatever 年 or 局 it names."""
    return cell.endswith(_SENTENCE_ENDS) and len(cell) > _SHORT_CELL


@text_memo(maxsize=1 << 12)
def _fit(cell: str, kind: str, next_number: int | None = None) -> float:
    """How well a cell's text reads as a column of ``kind`` (memoised: rows are aligned by trying
    each cell under several columns, and a stream's rows again as they are cut)."""
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
    if kind == "note":
        return _NOTE_FIT
    if _sentence(cell):
        return 0.5 if kind in _words().content else -1.0 if kind in _SHORT_KINDS else 0.0
    if kind in ("lead", "support", "responsible"):
        return 1.0 if _UNIT_LIKE.search(cell) else -1.0
    if kind == "time":
        return 1.0 if _TIME_LIKE.search(cell) else -1.0
    if kind == "leader":
        return 1.0 if _POST.search(cell) else 0.5 if _PERSONS.match(cell) else -0.5
    if kind == "measure_unit":
        return 1.0 if names_measure_unit(cell) else -1.0
    if kind == "other" and _UNIT_LIKE.search(cell):
        return 0.5  # the offices a 考核部门/监考单位 column names: no role, but a cell of that column
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
    header, used = _stream_header(text, cells)
    words = _words()
    kinds = {c.kind for c in header}
    if len(header) < words.min_cells or not words.content & kinds:
        return None
    number = next((k for k, c in enumerate(header) if c.kind == "number"), None)
    if number is None and shape == "line" and any(c.header.endswith(_COLONS) for c in header):
        return None  # label lines (工作措施：) over the text of a numbered item, not a header row
    table = Table(header, cells[0].start, cells[used - 1].end, [], first, cells[used - 1].line)
    body = cells[used:]
    if number is None:
        _started_rows(table, body, text)
    else:
        _numbered_rows(table, body, text, number)
    while table.rows and table.rows[-1].section:
        table.rows.pop()
    if table.rows:
        last = table.rows[-1]
        table.last = max(c.line for c in _stream_lines(last, body))
    return table


def _stream_header(text: str, cells: list[_StreamCell]) -> tuple[list[Column], int]:
    """The header cells a stream opens with, and how many lines they take: the column words, one
    a line (a header cell wrapped over two lines read as one, see _header_cells). A header that
    starts with a 序号 column runs on to the first row number, so a column the words do not name
    (预期效果, 指标 属性 in a ministry's indicator table) is read like task text (a measure), as in a
    header row, rather than ending the header and leaving the columns after it as remarks; at most
    half of its cells may be unnamed, each short as a header cell, and a section row (一、…) ends it
    as a number does."""
    words = _words()
    named = _header_cells(text, cells, until_unnamed=True)
    header = [Column(kind, written) for kind, written, _ in named if kind is not None]
    used = sum(lines for kind, _, lines in named if kind is not None)
    if not header or header[0].kind != "number":
        return header, used
    body = next((k for k, c in enumerate(cells) if k > 0 and (row_number(text[c.start:c.end]) is not None
                                                             or heading_at(text[c.start:c.end], 0) is not None)), None)
    if body is None or body > 3 * words.max_chars:
        return header, used
    named = _header_cells(text, cells[:body])
    if sum(kind is None for kind, _, _ in named) * 2 > len(named) or any(
            kind is None and len("".join(written.split())) > words.max_chars for kind, written, _ in named):
        return header, used
    return [Column(kind or "measure", written) for kind, written, _ in named], body


def _wrapped(first: str, joined: str) -> bool:
    """Whether two header lines are one header cell wrapped: together they are a column word (责任 / 领导), or
    the first names the level the column's leaders or units are of (市政府 / 分管领导; tables.yaml, wrapped_heads)."""
    words = _words()
    return joined in words.kind_of or first in words.wrapped_heads


def _header_cells(text: str, cells: list[_StreamCell], until_unnamed: bool = False) -> list[tuple[str | None, str, int]]:
    """The header cells of a stream, one a line: (kind or None, header as written, lines taken), up to
    the first unnamed one if ``until_unnamed``. A header cell the copy wrapped over two lines is one
    cell: a bracketed remark alone on the line after it (责任股室 / (单位)), or a short first part
    that names no column before the rest that makes it one (市政府 / 分管领导)."""
    found: list[tuple[str | None, str, int]] = []
    k = 0
    while k < len(cells):
        written = text[cells[k].start:cells[k].end]
        kind = column_kind(written)
        compact = "".join(written.split())
        if kind is None and found and _BRACKETED.fullmatch(compact):
            before, header, lines = found[-1]
            found[-1] = (before or column_kind(header + written), header + written, lines + 1)
            k += 1
            continue
        if kind is None and k + 1 < len(cells):
            joined = written + text[cells[k + 1].start:cells[k + 1].end]
            if _wrapped(compact, "".join(joined.split())) and (kind := column_kind(joined)) is not None:
                found.append((kind, joined, 2))
                k += 2
                continue
        if kind is None and until_unnamed:
            break
        found.append((kind, written, 1))
        k += 1
    return found


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


def _started_rows(table: Table, body: list[_StreamCell], text: str) -> None:
    """Rows of a stream without a 序号 column (the number, if any, written in the task cell): a
    row starts where its first column's cell starts (see _opens_row), and its cells are counted
    against the header (_counted). A first-column cell alone before the next row is a section row
    (一、优结构 spanning the table)."""
    columns = table.columns
    groups: list[list[_StreamCell]] = []
    for cell in body:
        if not groups or _opens_row(text[cell.start:cell.end], groups[-1], columns, text):
            groups.append([cell])
        else:
            groups[-1].append(cell)
    groups = [row for group in groups for row in _recurring_rows(text, group, len(columns))]
    for k, group in enumerate(groups):
        first = group[0]
        if len(group) == 1 and k + 1 < len(groups) and len(columns) > 2 \
                and first.end - first.start <= _words().max_section * 2:
            table.rows.append(TableRow(first.start, first.end, [TableCell(first.start, first.end, 0)],
                                       section=True, line=first.line))
            continue
        own = [c for c in _counted(text, group, columns) if c.end > c.start]
        if own:
            table.rows.append(TableRow(own[0].start, own[-1].end, own, line=first.line))
    _carry_merged(table, text)


def _shape(cell: str) -> str:
    """What a cell holds, as far as telling a row's columns apart: year, figure, unit or text."""
    compact = "".join(cell.split())
    if _YEAR_CELL.match(compact):
        return "year"
    if _FIGURE_CELL.match(compact):
        return "figure"
    return "unit" if _UNIT_LIKE.search(compact) and len(compact) <= 30 else "text"


def _recurring_rows(text: str, group: list[_StreamCell], width: int) -> list[list[_StreamCell]]:
    """A run of cells read as one row that holds several rows of the same shape (an indicator table
    whose rows only their figures tell apart: 农业增加值(亿元) / 81.53 / 163 / 农民人均纯收入(元) / 10874 /
    22000): one row every ``width`` cells, after a heading alone (一、经济增长, a merged category cell
    spanning them), when every row reads as the same sequence of years, figures and units as the first."""
    lead = 1 if heading_at(text[group[0].start:group[0].end], 0) is not None else 0
    cells = group[lead:]
    if width < 2 or len(cells) < 2 * width or len(cells) % width:
        return [group]
    rows = [cells[k:k + width] for k in range(0, len(cells), width)]
    shapes = [tuple(_shape(text[c.start:c.end]) for c in row) for row in rows]
    if len(set(shapes)) > 1 or set(shapes[0]) == {"text"}:
        return [group]
    return [group[:lead]] * lead + rows


def _opens_row(cell: str, row: list[_StreamCell], columns: list[Column], text: str) -> bool:
    """Whether a cell starts the next row rather than continuing ``row``: it opens with a heading
    number (1.推进…), or it reads as no later column (text, not a unit or a
    date) while the row already holds a cell that reads as one."""
    if heading_at(cell, 0) is not None:
        return True
    later = [c.kind for c in columns[1:] if c.kind not in _words().content]
    if any(_fit(cell, kind) > 0 for kind in later):
        return False
    return any(_fit(text[c.start:c.end], kind) > 0 for c in row[1:] for kind in later)


def _continues_text(cell: str, kinds: list[str]) -> bool:
    """Whether a line goes on with the text of the cell before it: it ends a sentence (。；), or
    reads as none of the later columns (no unit, no date)."""
    return cell.endswith(_SENTENCE_ENDS) or not any(_fit(cell, kind) > 0 for kind in kinds)


def _counted(text: str, group: list[_StreamCell], columns: list[Column]) -> list[TableCell]:
    """The cells of a row counted against the header. More cells than columns: the first column
    takes the lines after it that go on with its text (_continues_text: a task wrapped over lines), then the
    last columns take the last cells one each and the second column the rest (a cell of two
    paragraphs: 发改局 / 区工信局 under 牵头单位, one cell each). Fewer: they go where they read best, the empty
    columns rightmost (_align)."""
    width = len(columns)
    ranges = [(c.start, c.end) for c in group]
    surplus = len(ranges) - width
    if surplus < 0:
        missing = _align(text, ranges, columns, None)
        placed = [k for k in range(width) if k not in missing]
        return [TableCell(s, e, k) for (s, e), k in zip(ranges, placed)]
    later = [c.kind for c in columns[1:]]
    head = 1
    while surplus > 0 and head < len(ranges) and _continues_text(text[slice(*ranges[head])], later):
        head, surplus = head + 1, surplus - 1
    cells = [TableCell(ranges[0][0], ranges[head - 1][1], 0)]
    rest = ranges[head:]
    spread = max(1, len(rest) - (width - 2))  # lines of the second column's cell, one cell each
    cells += [TableCell(s, e, 1) for s, e in rest[:spread]]
    return cells + [TableCell(s, e, k) for k, (s, e) in enumerate(rest[spread:], start=2)]


def _numbered_rows(table: Table, body: list[_StreamCell], text: str, number: int) -> None:
    """Rows of a stream, each starting at the next number of the 序号 column (_numbers_row; each numbering style
    counted on its own, so 二、 after 一、's rows 1-5 opens a row as in a tab table); the cells after it
    take the columns after 序号 in their order where they read best (_ordered): a column a merged
    cell above covers is skipped, two unit cells may share one unit column, and a cell that fits
    no column stays with its row as a note, so no text falls out of the tree. A cell that starts
    with a heading number where no column wants it is a section row. A row lacking its lead or
    responsible unit takes the last one above in its section (a merged cell given once)."""
    columns = table.columns
    expected: dict[str, int] = {}  # the next number of each numbering style the 序号 column uses (一、 over 1)
    row: TableRow | None = None
    pending: list[_StreamCell] = []

    def close() -> None:
        if row is not None and pending:
            above = next(r for r in table.rows if not r.section) is not row  # not the table's first row
            placed = _recurring_columns(text, pending, _ordered(text, pending, columns, number + 1, above), len(columns))
            for cell, k in zip(pending, placed):
                row.cells.append(TableCell(cell.start, cell.end, k))
            row.end = pending[-1].end
        pending.clear()

    numbers = [row_number(text[cell.start:cell.end]) for cell in body]
    for k, cell in enumerate(body):
        cell_text = text[cell.start:cell.end]
        numbered = numbers[k]
        at = number + 1 + len(pending)  # the column the open row fills next
        wanted = columns[at].kind if row is not None and at < len(columns) else None
        if numbered is not None and _numbers_row(numbered, expected.get(numbered[0]), numbers, k) and not (
                wanted is not None and _fit(cell_text, wanted) > 0 and _written_again(numbered, numbers, k)):
            close()
            row = TableRow(cell.start, cell.end, [TableCell(cell.start, cell.end, number)], line=cell.line)
            table.rows.append(row)
            expected[numbered[0]] = numbered[1] + 1
            continue
        if heading_at(cell_text, 0) is not None and len(cell_text) <= _words().max_section * 2 and (
                row is None or not any(_fit(cell_text, c.kind) >= 0 for c in columns[number + 1 + len(pending):])):
            close()
            table.rows.append(TableRow(cell.start, cell.end, [TableCell(cell.start, cell.end, 0)], section=True,
                                       line=cell.line))
            row = None
            continue
        if row is not None and pending and _numbers_on(text, pending[-1], cell_text):
            pending[-1] = _StreamCell(pending[-1].start, cell.end, pending[-1].line)  # a cell's next numbered paragraph
        elif row is not None:
            pending.append(cell)  # a category cell before the first number of a section is no task
    close()
    _carry_merged(table, text)


def _numbers_on(text: str, cell: _StreamCell, paragraph: str) -> bool:
    """Whether ``paragraph`` is the next numbered paragraph of ``cell`` (1.推进…得2分。 / 2.按制度…: the rules a cell
    numbers, one a line where the copy broke the cell's paragraphs; d13 in perturb's cells_per_line shape)."""
    after = heading_at(paragraph, 0)
    if after is None or after.value < 2:
        return False
    last = text.rfind("\n", cell.start, cell.end) + 1 or cell.start
    before = heading_at(text[last:cell.end], 0)
    return before is not None and before.style == after.style and before.value + 1 == after.value


def _numbers_row(numbered: tuple[str, int, str], expected: int | None, numbers: list[tuple[str, int, str] | None],
                 k: int) -> bool:
    """Whether the number of cell ``k`` may be the 序号 of the next row: 1 (the first row, or a list restarting), the
    list's next number, or, first, a number the next one goes on from (a table continued from a page before: 12,
    13…); not a first figure no number goes on from (总分 / 100: its empty 序号 cell left no line)."""
    value = numbered[1]
    if value == 1 or value == expected:
        return True
    return expected is None and _following(numbered, numbers, k) == value + 1


def _written_again(numbered: tuple[str, int, str], numbers: list[tuple[str, int, str] | None], k: int) -> bool:
    """Whether the number of cell ``k`` is written again before the list goes on (a row's score 7 where its
    empty cells left no line, then row 7)."""
    return _following(numbered, numbers, k) == numbered[1]


def _following(numbered: tuple[str, int, str], numbers: list[tuple[str, int, str] | None], k: int) -> int | None:
    """The next number of the style of cell ``k``'s that repeats it, goes on from it or restarts its list."""
    style, value, _ = numbered
    for later in range(k + 1, len(numbers)):
        other = numbers[later]
        if other is not None and other[0] == style and other[1] in (value, value + 1, 1):
            return other[1]
    return None


_UNIT_KINDS = ("lead", "support", "responsible", "leader")
_NOTE_COST = 1.5  # a cell that fits no column: kept as a note
_FIRST_ROW_SKIP = 0.05  # a column the table's first row leaves out: empty, there being no merged cell above
_SHARED_COST = 0.05  # a second unit cell under one unit column (two paragraphs of one cell): it
# gains nothing of its own, so cells share a column only where one would else be left over


def _ordered(text: str, cells: list[_StreamCell], columns: list[Column], first: int, above: bool = True) -> list[int]:
    """The columns (from ``first`` on) of a row's cells in their order: the assignment under which
    they read best as their columns, skipping columns a merged cell above covers (leftmost first; in the
    table's first row, ``above`` false, no cell above covers any, so the columns it lacks are the last ones),
    letting up to three unit cells share one unit column, and keeping a cell that cannot be any of
    the columns left (text under a unit column, a cut 沈) as a note (column ``len(columns)``)."""
    kinds = [c.kind for c in columns[first:]]
    n, m = len(cells), len(kinds)
    fits = [[_fit(text[c.start:c.end], kind) for kind in kinds] for c in cells]
    best: dict[tuple[int, int], tuple[float, tuple[int, int], list[int]]] = {(0, 0): (0.0, (0, 0), [])}
    for i in range(n + 1):
        for j in range(m + 1):
            if (i, j) not in best:
                continue
            score = best[(i, j)][0]
            moves: list[tuple[int, int, float, list[int]]] = []
            if j < m:
                moves.append((i, j + 1, -0.01 * j if above else -_FIRST_ROW_SKIP, []))  # column j lies under a merged cell
            if i < n:
                moves.append((i + 1, j, -_NOTE_COST - 0.001 * (n - i), [len(columns)]))  # late notes first
            for run in range(1, 4 if j < m and kinds[j] in _UNIT_KINDS else 2):
                if j < m and i + run <= n and all(fits[i + r][j] > (0 if run > 1 else -0.5) for r in range(run)):
                    gain = fits[i][j] - _SHARED_COST * (run - 1)  # shared only where a cell would be left over
                    moves.append((i + run, j + 1, gain, [first + j] * run))
            for ni, nj, gain, placed in moves:
                if (ni, nj) not in best or score + gain > best[(ni, nj)][0]:
                    best[(ni, nj)] = (score + gain, (i, j), placed)
    end = max(((n, j) for j in range(m + 1) if (n, j) in best),
              key=lambda at: best[at][0] - (0.01 * sum(range(at[1], m)) if above else 0.0))
    result: list[int] = []
    while end != (0, 0):
        _, previous, placed = best[end]
        result = placed + result
        end = previous
    return result


def _recurring_columns(text: str, cells: list[_StreamCell], placed: list[int], width: int) -> list[int]:
    """The columns of a row's cells, where the cells left over past its last column as notes repeat,
    in order, the years and figures of a run of its columns: a row whose merged cells on the left
    span sub-rows of those columns (节点 / 指标数: 2018年 / 345个 … 区房管局 / 2019年 / 440个 / 2020年 /
    618个), each sub-row written after the row's last column. Those cells take the run's columns again."""
    notes = len(placed)
    while notes > 0 and placed[notes - 1] == width:
        notes -= 1
    left = [_shape(text[c.start:c.end]) for c in cells[notes:]]
    if not left:
        return placed
    for size in range(1, len(left) + 1):
        if len(left) % size or left[:size] * (len(left) // size) != left or set(left[:size]) <= {"text", "unit"}:
            continue
        for at in range(notes - size + 1):
            run = placed[at:at + size]
            if run == list(range(run[0], run[0] + size)) and run[0] < width \
                    and [_shape(text[c.start:c.end]) for c in cells[at:at + size]] == left[:size]:
                return placed[:notes] + run * (len(left) // size)
    return placed


def _carry_merged(table: Table, text: str) -> None:
    """A row lacking its lead or responsible unit lies under a merged cell given once above it: it
    takes the last one above in its section. Not the last row when the text ends inside its unit
    cells (its last cell, after its task, ends the text: 5 / 加快… / 沈, a page cut in the 牵头单位
    cell): the cells it lacks were cut off, not merged."""
    columns = table.columns
    content = _words().content
    rows = [r for r in table.rows if not r.section]
    cut = rows[-1] if rows and not text[rows[-1].end:].strip() \
        and table.kind(max(rows[-1].cells, key=lambda c: c.end)) not in content else None
    last_of: dict[int, TableCell] = {}  # the last cell seen in a column, in this section
    for row in table.rows:
        if row.section:
            last_of.clear()
            continue
        have = {c.column for c in row.cells}
        for k, kind in enumerate(c.kind for c in columns):
            if kind in _CARRIED_KINDS and k not in have and k in last_of and row is not cut:
                row.carried.append(last_of[k])
        for cell in row.cells:
            last_of[cell.column] = cell
