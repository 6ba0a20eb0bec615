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
date or leader cell. A table whose cells a copy ran together with nothing between them (序号项目名称…牵头单位
配合单位1增加…) is read by its header's column order, and a record written as label | value rows (重点工作: | 135.…
| then 牵头单位: | … |) as a row whose columns the labels name.

This module finds the geometry (columns, rows, cells as normalised offsets); govplan.structure.tree
turns the rows into task nodes.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from itertools import islice
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from govplan.datafiles import load_data
from govplan.structure.lines import Line, split_outside_brackets
from govplan.grammar import compile_pattern
from govplan.lexical.lexicon import alternation
from govplan.structure.numbering import CIRCLED, HeadingNumber, heading_at, numbering, numeral_value
from govplan.textmemo import text_memo

_BLANKS = " \t\f\v\r\u3000"
_WORD = re.compile(r"[^ \t\f\v\r\u3000]+")  # a cell of a row whose cells blanks separate
# a cell of a row whose cells runs of blanks separate (pdftotext): single blanks stay inside a cell (上报责任人 及联系人员)
_WIDE_CELL = re.compile(r"[^ \t\f\v\r\u3000]+(?:[ ][^ \t\f\v\r\u3000]+)*")
_WIDE_BLANK = re.compile(r"[ \u3000]{2,}|\u3000")
_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")
_SEPARATOR_CELL = re.compile(r"^:?-{2,}:?$")
_NUMBERED_ROWS = 3  # rows numbered 1, 2, 3 that show a stream's rows open with an unlabelled 序号 cell
_BARRED_LINES = 3  # lines with a bar alone or opening them that make a stream of cells parted by bars
# A row number as a 序号 cell writes it: 1, 1., (1), 一, 一、, (一), ①; in a scan OCR misread (numbering.yaml,
# misread_numerals): 二， and —、 (a dash alone is an empty cell, no number).
_ROW_NUMBER = re.compile(
    r"^(?:(?P<a>\d{1,3})[.、]?|\((?P<ap>\d{1,3})\)|(?P<c>[一二三四五六七八九十]{1,3})[、.，,]?"
    r"|(?P<c2>[一二三四五六七八九十]{0,2}[—―－-])[、，,]"
    rf"|\((?P<cp>[一二三四五六七八九十]{{1,3}})\)|(?P<o>[{CIRCLED}]))$"
)
# Cells that look like a date or a unit name, for aligning rows that lost cells (see _align).
_TIME_LIKE = re.compile(r"\d{4}|[年月日]|底前|之前|以前|长期|持续|常态|每[年月季周]")
# a unit's name ends the cell, a list item, or its bracketed second name or remark (区委组织部(区公务员局), 各街镇(园区),
# 区教体局(区国资公司代建): the bracket a page writes after the name, c04, c160, c489); 专班 as units.yaml's organ suffixes (区土方工作专班,
# c631)
# A 责任领导 cell: people's names (夏俊贵, 周 斐, 王伟、李明) or their posts (副县长, 县委常委).
_PERSONS = re.compile(r"^[\u4e00-\u9fff](?: ?[\u4e00-\u9fff]){1,2}(?:[、，, ]+[\u4e00-\u9fff](?: ?[\u4e00-\u9fff]){1,2})*$")
_POST = re.compile(r"长|书记|主任|领导|常委|委员")
MAX_CELL_LINES = 12  # lines of one cell in a table flattened one cell a line
_PARTED_HEADER = 2  # header cells a blank line must follow for a stream to part its cells so
_MULTIPLIERS = "万亿千百"  # before a unit of measure (万亩, 千瓦 and 万千瓦, 百万人)
_MULTIPLIED = 2  # multiplier characters at most (百万人: 人)
# a unit of measure as a 单位 cell gives it: %, 亩, 万亩, 万元/人, 亿斤, 个, 平方公里, 起/百万人, ㎡/千人
_MEASURE = rf"[{_MULTIPLIERS}]{{0,{_MULTIPLIED}}}[\u4e00-\u9fff㎡]{{1,4}}"
MEASURE_UNIT = re.compile(rf"^(?:[%‰％]|{_MEASURE}(?:/{_MEASURE})?)$")
_LABELLED = compile_pattern("[{colon}][ \t\u3000]*[^ \t\u3000*＊]")
_COLONS = (":", "：")
_SENTENCE_ENDS = ("。", "；", ";")  # a unit or date cell ends no sentence
_SHORT_CELL = 12  # characters a unit, date or leader cell closed by 。 may have (县发改委负责。)
_TARGET_FIGURE_FIT = 0.5  # a figure with its unit under a header naming quantities (抽查比例 | 20%): its cell, no other's
_NOTE_FIT = -0.25  # a 备注 cell is mostly left empty: a cell that may be the task's goes there only if nothing else fits
_SHORT_KINDS = ("lead", "support", "responsible", "leader", "time", "number", "score", "measure_unit")
_SCORE_LIKE = re.compile(r"^[\d.]+\s*分?$")
_NAME_SEPARATORS = re.compile(r"[、，,；;\s]+")
# What a short cell holds, for finding a row's cells repeated past its end (see _shape): a year (2019年, 2020年底),
# a figure (163, 74%, 26.5万户/733个, ≥90%).
_YEAR_CELL = re.compile(r"^\d{4}年(?:\d{1,2}月)?(?:底|前|内|以前|底前)?$")
_BARE_AMOUNT = re.compile(r"^\s*\d+(?:\.\d+)?\s*$")  # a figure alone in its cell (3, 100, 7.82)
# a quota or an indicator's figure alone in its cell, or a range of two (0.3-0.4, 35-36 under 十四五装机计划（MW）: c624)
_AMOUNT_OR_RANGE = re.compile(r"^\s*\d+(?:\.\d+)?(?:\s*[-—－~～]\s*\d+(?:\.\d+)?)?\s*$")
_FIGURE_CELL = re.compile(r"^[≥≤＞＜><]?\d[\d.,]*(?:[%‰％]|[万亿千百]?[\u4e00-\u9fff]{1,2})?(?:/[\d.]+[\u4e00-\u9fff]{0,2})?$")
_DATE = compile_pattern("^{calendar_date}$")
# Columns whose merged cell a table flattened one cell a line gives once for the rows it covers: a
# task always has a lead or responsible unit, so a row without one lies under a merged cell; a
# missing 配合单位 or 时限 may just be empty.
_CARRIED_KINDS = ("lead", "responsible")
# A cell that says it is empty (— under 配合部门: no unit, c361): a unit, date or remark column's, never a task's.
_EMPTY_KINDS = ("lead", "support", "responsible", "leader", "time", "note", "other", "progress")
_EMPTY_FIT = 0.5
_LONG_CELL = 30  # characters past which a cell that is not a list of units' names reads as text
_SHIFT_GAIN = 0.5  # how much better a row's cells must read shifted right under merged cells than as they stand
_ROW_STYLES = ("arabic_dot", "table_row")  # a task's number written in its row's first cell (1.城市…, 1、)
# Columns a header cell spanning two may divide in the row under it (责任单位 over 牵头单位 | 配合单位).
_SPANNED_KINDS = ("lead", "support", "responsible")


@dataclass(frozen=True)
class Column:
    """A column of a task table: its kind (tables.yaml), its header as written, and the unit of measure a line over
    the table gives it (单位：亩 over a quota table), if any."""

    kind: str
    header: str
    unit: str = ""


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
    # The number a 序号 cell that writes none stands for (— before 二: 一), where the table's numbering gives it.
    number: tuple[str, int, str] | None = None

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
    header_end: int  # where the header row ends: the node before the table keeps the text up to here
    rows: list[TableRow]
    first: int
    last: int
    quota: bool = False  # a quota table by place (tables.yaml, quota_tables): an unnumbered row is a total (总计)

    def column_of(self, kind: str) -> int | None:
        return next((k for k, c in enumerate(self.columns) if c.kind == kind), None)

    def kind(self, cell: TableCell) -> str:
        return self.columns[cell.column].kind if cell.column < len(self.columns) else "note"

    def header_unit(self, cell: TableCell) -> str:
        """The unit of measure of a cell's column: the one a line over the table gives it (单位：亩), else the one its
        header brackets (新种任务(亩): 亩), or ""."""
        if cell.column >= len(self.columns):
            return ""
        column = self.columns[cell.column]
        return column.unit or bracketed_unit(column.header) or counted_unit(column.header)

    def by_year(self, cell: TableCell) -> bool:
        """Whether a cell's column holds one year's part of the row's work (2024年工作任务 beside 内容): not the row's own title."""
        return cell.column < len(self.columns) and year_column(self.columns[cell.column])

    def header_year(self, cell: TableCell) -> int | None:
        """The year a cell's column header names and nothing else (2022年, 2025 年 over an indicator table's values), or None."""
        return bare_year_column(self.columns[cell.column]) if cell.column < len(self.columns) else None

    def sets_targets(self, cell: TableCell) -> bool:
        """Whether a cell's column sets targets or quotas: a quota table's quota column, a header naming them (目标任务,
        2022 年 目 标 值)."""
        if cell.column >= len(self.columns):
            return False
        column = self.columns[cell.column]
        return (self.quota and column.kind == "measure") or names_targets(column.header)


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
    wrapped_tails: frozenset[str]  # the second line of a header cell wrapped over two that names nothing alone (组织 / 层级)
    target_heads: re.Pattern[str]  # a header word of a column that sets targets (目标任务, 目标值)
    bracketed_role: re.Pattern[str]  # a unit head with its role word in a bracket (责任单位（牵头）): group `role`
    role_kind: dict[str, str]  # a role word → the kind of unit column it names (牵头 → lead, 协办 → support)
    empty: frozenset[str]  # what a cell that says it is empty holds (—, 无, /)
    placeholders: frozenset[str]  # a 序号 cell standing for its list's first number (— before 二)
    dated_head: re.Pattern[str]  # the date or period a header cell opens with (2018年7月进展情况)
    year_head: re.Pattern[str]  # a year alone opening a header cell (2024年工作任务), no month after it
    counted_head: re.Pattern[str]  # a header counting in a measure word (抽查户数): group `unit`
    index_labels: frozenset[str]  # the labels of a portal's index block (索引号, 公开时限, 发布单位: metadata.yaml)
    numbered_only: frozenset[str]  # header words that head a column only after a 序号 cell (主要指标), else a caption


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = load_data("tables.yaml")
    kind_of = {**_role_words(data["role_heads"]), **{word: kind for kind, words in data["columns"].items() for word in words}}
    contained = tuple(sorted((word for word in kind_of if word not in data["whole_cell_only"]), key=len, reverse=True))
    return _Words(
        kind_of, contained, re.compile("|".join(map(re.escape, contained)) or "(?!)"), int(data["min_header_cells"]),
        int(data["max_header_chars"]), frozenset(data["content_kinds"]), int(data["max_section_chars"]),
        frozenset(load_data("targets.yaml")["units"]) | frozenset(data["time_units"]), frozenset(data["wrapped_heads"]),
        frozenset(data["wrapped_tails"]), re.compile("|".join(map(re.escape, data["target_heads"])) or "(?!)"),
        _bracketed_role(data["role_heads"]),
        {role: kind for kind, roles in data["role_heads"]["roles"].items() for role in roles},
        frozenset(data["empty_cells"]), frozenset(data["number_placeholders"]),
        compile_pattern(data["dated_head"], "govplan/data/tables.yaml"),
        compile_pattern(data["year_head"], "govplan/data/tables.yaml"),
        compile_pattern(data["counted_head"], "govplan/data/tables.yaml"),
        _index_labels(load_data("metadata.yaml")), frozenset(data["numbered_only"]),
    )


def _index_labels(meta: dict[str, Any]) -> frozenset[str]:
    """The labels a portal's index block opens its rows with: the index keys and the page chrome's labels."""
    return frozenset([*(key for keys in meta["index_keys"].values() for key in keys), *meta["chrome_labels"]])


def _index_row(text: str, cells: list[tuple[int, int]]) -> bool:
    """Whether a pipe row is one of a portal's index block (公开范围 | 面向社会 | 公开时限 | 长期公开 |): its first cell a
    label of the block, no header cell however its words read (时限)."""
    first = "".join(text[slice(*cells[0])].split()).rstrip(":：") if cells else ""
    return first in _words().index_labels


@lru_cache(maxsize=1)
def _unit_like() -> re.Pattern[str]:
    """A unit name's end inside a cell, before a list separator, a bracket or the cell's end (tables.yaml, unit_name_ends),
    or before a role word the cell states the unit's role with (办公室牵头,各科室配合: tables.yaml role_heads.roles)."""
    data = load_data("tables.yaml")
    ends = sorted(data["unit_name_ends"], key=len, reverse=True)
    roles = sorted({word for words in data["role_heads"]["roles"].values() for word in words}, key=len, reverse=True)
    return re.compile(f"(?:{'|'.join(map(re.escape, ends))})(?:{'|'.join(map(re.escape, roles))})?(?:[、，,\\s(（]|$)")


def says_empty(text: str) -> bool:
    """Whether a cell's text (blanks aside) says the cell is empty: —, 无, / (tables.yaml, empty_cells)."""
    return "".join(text.split()) in _words().empty


def _role_words(data: dict) -> dict[str, str]:
    """Each role word before each unit head, and the kind of column it names (牵头责任部门 → lead, 协同部门 → support;
    tables.yaml role_heads)."""
    return {role + head: kind for kind, roles in data["roles"].items() for role in roles for head in data["heads"]}


def _bracketed_role(data: dict) -> re.Pattern[str]:
    """A unit head with a role word in a bracket after it (责任单位（牵头）), the word in group `role`."""
    roles = "|".join(map(re.escape, (role for roles in data["roles"].values() for role in roles)))
    heads = "|".join(map(re.escape, data["heads"]))
    return re.compile(f"^(?:{heads})[(（](?P<role>{roles})[)）]$")


def column_kind(cell: str) -> str | None:
    """What a header cell names (tables.yaml), or None when it names no column."""
    words = _words()
    if len(cell) > 3 * words.max_chars:
        return None  # a line of text, not a header cell
    compact = "".join(_BRACKETED.sub("", cell).split()).strip(":：*＊")
    kind = words.kind_of.get(compact) or _dated_kind(compact)
    role = words.bracketed_role.match("".join(cell.split())) if "(" in cell or "（" in cell else None
    if role is not None:
        return words.role_kind[role.group("role")]
    if kind is None and (len(compact) > words.max_chars or not words.any_contained.search(compact)):
        return None  # no column word inside (most cells, so asked first): decided in one search, not a test per word
    if not compact or heading_at(cell.strip(), 0) is not None or _LABELLED.search(cell) or row_number(compact) is not None:
        return None  # a numbered heading (五、保障措施), a label with its value (牵头单位：县发改局), a 序号
    if kind is not None:
        return kind
    # the head of a compound comes last (目标任务考核指标权重 is a weight, 工作任务完成时限 a time): a word ending the cell decides,
    # else the longest word inside it
    found = next((w for w in words.longest_first if compact.endswith(w)), None) or next(
        (w for w in words.longest_first if w in compact), None)
    return words.kind_of[found] if found else None


def _dated_kind(compact: str) -> str | None:
    """What a header cell names after the date or period it opens with (2018年7月进展情况 → progress): that says when its
    column's figures stand, the rest what they are, where the rest is a column word whole (not a line opening with a
    date, 2024年12月底前完成…, nor a word that names a column only alone, 2024年指标)."""
    words = _words()
    dated = words.dated_head.match(compact)
    rest = compact[dated.end():] if dated else ""
    return words.kind_of[rest] if rest in words.longest_first else None


def names_targets(header: str) -> bool:
    """Whether a column's header names targets or quotas (目标任务, 2022 年 目 标 值), blanks aside."""
    return _words().target_heads.search("".join(header.split())) is not None


def year_column(column: Column) -> bool:
    """Whether a column of the plan's content is headed by a year alone and what it holds that year (2024年工作任务,
    2025年工作计划, 2018年建设内容, 2015年目标), not by a year with its month (2018年7月进展情况 dates a report)."""
    if column.kind not in _words().content or not column.header:
        return False
    compact, year_end = _header_year(column)
    return year_end is not None and year_end < len(compact)


def bare_year_column(column: Column) -> int | None:
    """The year a column's header names alone (2022年, 2025 年度), its brackets aside, or None for any other header."""
    compact, year_end = _header_year(column)
    return int(compact[:4]) if year_end == len(compact) and compact[:4].isdigit() else None


def _header_year(column: Column) -> tuple[str, int | None]:
    """A column's header without brackets and blanks, and where the year opening it ends (None where none does)."""
    compact = "".join(_BRACKETED.sub("", column.header).split())
    dated = _words().year_head.match(compact)
    return compact, dated.end() if dated is not None else None


def year_heads(table: Table, lines: list[Line], text: str) -> list[int]:
    """Where the header cells of a table's year columns (``year_column``) start: the year bounds the work or the values
    under it (docs/gold-format.md), whether the header is one row or flattened one cell a line, where such a cell alone on
    its line would read as a document's title."""
    first = lines[table.first].start
    region = text[first:table.header_end]
    starts = (region.find(column.header) for column in table.columns if year_column(column))
    return [first + at for at in starts if at >= 0]


def names_measure_unit(cell: str) -> bool:
    """Whether a cell names a unit of measure (万亩, %, 人/年) rather than an organisation (县农业局) or
    another short word (定量 under 指标值类型): every part is a unit of the targets grammar or a time
    unit, after a multiplier (万亩: 亩, 起/百万人: 人), or the whole cell a unit in Latin letters (MW, 万kW)."""
    compact = "".join(cell.split())
    units = _words().units
    return bool(_latin_measure().match(compact)) or bool(MEASURE_UNIT.match(compact)) and not _unit_like().search(compact) and all(
        any(part[k:] in units for k in range(_MULTIPLIED + 1) if all(c in _MULTIPLIERS for c in part[:k]))
        for part in compact.split("/"))


def latin_unit(words: dict[str, Any]) -> str:
    """Units written in Latin letters (targets.yaml latin_units): [prefix]base[power][/[prefix]base[power]], not glued to a
    longer word (52μg/m3: the power of the unit per which, fresh c1073)."""
    per = alternation(words["per"])
    return (
        rf"(?:{alternation(words['prefixes'])})?(?:{alternation(words['bases'])})(?:{alternation(words['powers'])})?"
        rf"(?:/(?:{alternation(words['prefixes'])})?(?:(?:{alternation(words['bases'])})(?:{alternation(words['powers'])})?|{per}))?"
        r"(?![A-Za-z])"
    )


@lru_cache(maxsize=1)
def _latin_measure() -> re.Pattern[str]:
    """A whole cell naming a unit in Latin letters, maybe after a multiplier (MW, km, m², 万kW, 万m³/h)."""
    units = latin_unit(load_data("targets.yaml")["latin_units"])
    return re.compile(rf"^[{_MULTIPLIERS}]{{0,{_MULTIPLIED}}}(?:{units})$")


def bracketed_unit(text: str) -> str:
    """The unit of measure an indicator's name writes in its last bracket (农业增加值(亿元): 亿元,
    开展小型水利工程建设(个): 个, 金额（单位：万元）: 万元), or ""."""
    for match in reversed(list(_BRACKETED.finditer(text))):
        inner = "".join(match.group()[1:-1].split())
        inner = re.sub(r"^(?:计量)?单位[:：]", "", inner)
        if names_measure_unit(inner):
            return inner
    return ""


def counted_unit(header: str) -> str:
    """The measure word a header counts in (抽查户数: 户; tables.yaml, counted_head), or ""."""
    match = _words().counted_head.search("".join(header.split()))
    return match.group("unit") if match and names_measure_unit(match.group("unit")) else ""


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


def _blank_split(text: str, line: Line, narrow: bool = False) -> _Split | None:
    """The cells of a line whose cells blanks separate (PDF text of a table), or None for a line
    without a blank between two words. Where the line has runs of blanks, they alone separate cells, unless the
    table is ``narrow``: its header parts its cells by single blanks, and a run of them is where a row left a cell
    empty (序号 类别 主要任务 … 牵头单位 over ``2  严守用水 …``, the 类别 merged from the row above)."""
    word = _WIDE_CELL if not narrow and _WIDE_BLANK.search(line.text) else _WORD
    cells = [(line.start + m.start(), line.start + m.end()) for m in word.finditer(line.text)]
    return _Split("blanks", cells) if len(cells) > 1 else None


def names_blank_columns(row: str) -> bool:
    """Whether a line is the header row of a table whose cells single blanks separate (序号 重点工作 工作举措
    进度安排, a web copy's flattened table): its rows below hold sentences side by side, no run-on paragraphs."""
    if " " not in row or len(row) > 3 * _words().max_chars:
        return False
    cells = [(m.start(), m.end()) for m in _WORD.finditer(row)]
    return len(cells) > 1 and _header(row, letter_spaced(row, cells)) is not None


def letter_spaced(text: str, cells: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cells with a cell letter-spaced over single blanks joined again (序号 工 作 任 务 牵头负责部门: a justified
    header cell, 工 作 任 务, is one cell, not four; a narrow merged unit cell, 市 城 市 管 理 局, one unit): a run
    of one-character cells, each one blank after the last, is one cell."""
    joined: list[tuple[int, int]] = []
    for start, end in cells:
        if joined and end - start == 1 and joined[-1][1] + 1 == start and text[joined[-1][1]] == " " \
                and (joined[-1][1] - joined[-1][0] == 1 or text[joined[-1][1] - 2] == " "):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _shaped(text: str, line: Line, shape: str, narrow: bool = False) -> _Split | None:
    """The cells of a line as a row of a table of the given shape: a row of blank-separated cells
    starts with its 序号 (any other line of text holds blanks too)."""
    if shape != "blanks":
        return _split(text, line)
    split = _blank_split(text, line, narrow)
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
    return _named_header(text, cells, _place_units(text, cells, _cell_kinds(text, cells)))


def _place_units(text: str, cells: list[tuple[int, int]], kinds: list[str | None]) -> list[str | None]:
    """The kinds with a places column (镇街, 乡镇: tables.yaml quota_tables.places) read as the row's responsible unit, in a
    header that numbers its rows (序号) and names no unit column of its own: each numbered row is a task of the place
    it names, as a quota table's is (序号 | 镇街 | 示范村名称 | 提前下达金额 | 项目名称, fresh c1021 中山)."""
    if "number" not in kinds or set(_UNIT_KINDS) & set(kinds):
        return kinds
    places = _quota_words().places
    return ["responsible" if k is None and "".join(text[s:e].split()) in places else k for (s, e), k in zip(cells, kinds)]


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
        if not line.blank and "\t" not in line.text and "|" not in line.text \
                and any(word in line.text for word in _run_words().numbers) \
                and (table := _run_together_table(lines, text, i)) is not None and table.rows:
            tables.append(table)
            i = table.last + 1
            continue
        if line.blank or (len(line.text) > longest and "\t" not in line.text and "|" not in line.text
                          and not (len(line.text) <= 3 * longest and _WIDE_BLANK.search(line.text))):
            i += 1  # a line of text: no header row, no header cell (a header aligned with blanks is wider)
            continue
        split = _split(text, line)
        table = None
        if split is not None and split.shape in ("tab", "pipe"):
            columns = _header(text, split.cells)
            if columns:
                table = _row_table(lines, text, i, split.shape, *_header_rows(lines, text, i, split.shape, columns))
            elif split.shape == "pipe" and (record := _record_table(lines, text, i)) is not None:
                table = record
            elif split.shape == "pipe" and (spanning := _spanning_header(lines, text, i)):
                table = _row_table(lines, text, i, "pipe", *spanning)
        elif split is not None and (blank := _blank_split(text, line)) is not None \
                and (columns := _header(text, letter_spaced(text, blank.cells))):
            table = _row_table(lines, text, i, "blanks", *_header_rows(lines, text, i, "blanks", columns))
        elif split is not None and split.shape == "line" and (quota := _quota_table(lines, text, i)) is not None:
            table = quota
        elif split is not None and column_kind(text[split.cells[0][0]:split.cells[0][1]]) is not None \
                and not _run_together_ahead(lines, text, i):
            table = _stream_table(lines, text, i, split.shape)
        if table is not None and table.rows:
            _settle_unit_columns(table, text)
            tables.append(table)
            i = table.last + 1
        else:
            i += 1
    return tables


def _header_rows(lines: list[Line], text: str, first: int, shape: str,
                 columns: list[Column]) -> tuple[list[Column], int | None]:
    """The columns a header line names, read as one row or as the first of two (see _divided_span, _sub_header), and
    the header's second line (None for a header of one row)."""
    if _narrower_rows(lines, text, first, shape, columns):
        columns = _divided_span(columns)
    return _sub_header(lines, text, first, shape, columns)


def _next_filled(lines: list[Line], first: int) -> int | None:
    """The index of the first line after ``first`` that is not blank."""
    return next((j for j in range(first + 1, len(lines)) if not lines[j].blank), None)


def _sub_header(lines: list[Line], text: str, first: int, shape: str,
                columns: list[Column]) -> tuple[list[Column], int | None]:
    """The columns of a header over two rows, and its second line (None for a header of one row): a cell spanning
    two columns (责任单位) over the role of each (牵头单位 | 配合单位, 主办单位 | 协办单位), the second row naming only unit
    columns. It names the columns under the span, as a reader gives them (an empty cell after the span's text, the
    second row's cells under it), as a copy that dropped the span's empty cell gives them (the second row one cell
    wider), or as a page converter writes them (the second row only its own cells)."""
    after = _next_filled(lines, first)
    split = None if after is None else _blank_split(text, lines[after]) if shape == "blanks" else _split(text, lines[after])
    if split is None or split.shape != shape:
        return columns, None
    kinds = _cell_kinds(text, split.cells)
    named = [(k, kind) for k, kind in enumerate(kinds) if kind]
    filled = [c for c in split.cells if c[1] > c[0]]
    if len(named) < 2 or len(named) != len(filled) or any(kind not in _SPANNED_KINDS for _, kind in named):
        return columns, None
    under = [Column(kind, text[slice(*split.cells[k])]) for k, kind in named]
    if len(split.cells) == len(columns):  # the span's empty cell kept: the second row's cells stand under their columns
        spanned = [k for k, _ in named]
        if any(columns[k].kind not in _SPANNED_KINDS and columns[k].header for k in spanned):
            return columns, None
        return [under[spanned.index(k)] if k in spanned else column for k, column in enumerate(columns)], after
    # the span written once: the unit column whose header the second row's cells divide
    span = next((k for k, column in enumerate(columns) if column.kind in _SPANNED_KINDS), None)
    wider = len(split.cells) > len(columns)
    if span is None or wider and (named[0][0] != span or len(split.cells) != len(columns) - 1 + len(under)):
        return columns, None
    return columns[:span] + under + columns[span + 1:], after


def _divided_span(columns: list[Column]) -> list[Column]:
    """The columns of a header over two rows read as one, row after row (序号 | 工作任务 | 责任单位 | 完成时限 | 牵头单位 |
    配合单位: a copy that flattened a table one cell a line, or a page that wrote both header rows on one line): the
    role columns ending it (two or more, after a column of another kind) are the second row's, dividing the unit
    column above them (责任单位), so they stand in its place, in their order."""
    run = 0
    while run < len(columns) and columns[len(columns) - 1 - run].kind in ("lead", "support"):
        run += 1
    end = len(columns) - run
    if run < 2 or end == 0 or columns[end - 1].kind in _SPANNED_KINDS:
        return columns
    span = next((k for k in range(end - 1, -1, -1) if columns[k].kind == "responsible"), None)
    if span is None:
        return columns
    return columns[:span] + columns[end:] + columns[span + 1:end]


def _narrower_rows(lines: list[Line], text: str, first: int, shape: str, columns: list[Column]) -> bool:
    """Whether the first row after a header line has one cell fewer than the header names (a header over two rows
    written on one line: the span's column counted twice)."""
    after = _next_filled(lines, first)
    split = None if after is None else _shaped(text, lines[after], shape)
    return split is not None and split.shape == shape and len(split.cells) == len(columns) - 1


def _settle_unit_columns(table: Table, text: str) -> None:
    """A 单位 column names units of measure (万亩, %) in an assessment list but the organisations in
    charge in a 责任清单: one whose cells mostly name organisations is a responsible column."""
    for k, column in enumerate(table.columns):
        if column.kind != "measure_unit":
            continue
        cells = [text[c.start:c.end] for row in table.rows for c in row.cells if c.column == k]
        organisations = sum(1 for cell in cells if not names_measure_unit(cell) and _unit_like().search(cell))
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
    for j in range(first, min(len(lines), first + MAX_CELL_LINES)):
        line = lines[j]
        if line.blank:
            continue
        split = _split(text, line) if line.text.endswith("|") else None
        if split is None or split.shape not in ("pipe", "cell") \
                or (j > first and row_number(text[split.cells[0][0]:split.cells[0][1]]) is not None):
            break
        if j == first and sum(1 for s, e in split.cells if e == s) > 1:
            return None  # a caption row padded to the table's width (绩效指标 | ||||), no broken header
        if _index_row(text, split.cells):
            break  # 公开范围 | 面向社会 | 公开时限 | 长期公开 |: the portal's index block, above the table or no part of it
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
    table = Table(columns, lines[last].end, [], first, last)
    narrow = shape == "blanks" and not _WIDE_BLANK.search(lines[first].text)
    data = numbering()
    pending: list[TableRow] = []  # section rows waiting for a row of the table after them
    j = last + 1
    while j < len(lines):
        line = lines[j]
        if line.blank:
            j += 1
            continue
        split = _shaped(text, line, shape, narrow)
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
            paragraphs, last = _cell_paragraphs(lines, text, j, cells, len(columns), narrow) if shape == "blanks" \
                else ([], j)
            same = _unit_paragraphs(text, cells, paragraphs)
            merged = shape != "blanks" and not _cut_off(lines, first, j, shape)
            row = _row(text, cells + paragraphs[len(same):], table, j, merged=merged)
            if row is None:
                j += 1
                continue
            _add_paragraphs(row, cells[-1], same)
            j = last
            if row.section:
                pending.append(row)
            else:
                table.rows.extend(pending)
                pending = []
                table.rows.append(row)
                table.last = j
            j += 1
            continue
        if data.attachment.match(line.text) or data.attachment_list.match(line.text) \
                or shape == "blanks" and names_blank_columns(line.text):
            break  # an attachment, or the header of another table whose cells blanks separate
        if len(line.text) <= _words().max_section and _row_follows(lines, text, j + 1, shape, narrow=narrow):
            start, end = _trim(text, line.start, line.end)
            pending.append(TableRow(start, end, [TableCell(start, end, 0)], section=True, line=j))
            j += 1
            continue
        break
    _drop_numbering_cells(table)
    return table


def _cut_off(lines: list[Line], header: int, j: int, shape: str) -> bool:
    """Whether pipe row ``j`` is the text's last line, cut inside a cell (a page opening stops mid-row: no closing bar
    where the header has one): the cells it lacks are lost, not merged with the row above's."""
    return (shape == "pipe" and _next_filled(lines, j) is None and lines[header].text.rstrip().endswith("|")
            and not lines[j].text.rstrip().endswith("|"))


def _cell_paragraphs(lines: list[Line], text: str, j: int, cells: list[tuple[int, int]],
                     width: int, narrow: bool = False) -> tuple[list[tuple[int, int]], int]:
    """The further paragraphs of the cells of row ``j`` in a table whose cells blanks separate (a web copy keeps the
    line breaks inside a cell: a 责任单位 cell of several units one a line, then the 推进情况 cell the row lacks; c478,
    as c161's unit cell of two paragraphs one cell a line): the lines after the row up to the next row or section
    row, none a heading, an attachment or blank, and the row's last line. None where they are more than the units
    of the row's last cell and the cells the row (``cells``) lacks of the table's ``width``, or no row follows them
    (the header of another table ends them)."""
    found: list[tuple[int, int]] = []
    k = j + 1
    data = numbering()
    while k < len(lines) and len(found) < MAX_CELL_LINES:
        line = lines[k]
        if line.blank or heading_at(line.text, 0) is not None or data.attachment.match(line.text) \
                or _shaped(text, line, "blanks", narrow).shape == "blanks" or names_blank_columns(line.text):
            break  # a row, a heading, an attachment, or the header of the next table
        found.append(_trim(text, line.start, line.end))
        k += 1
    after = next((m for m in range(k, len(lines)) if not lines[m].blank), None)
    if not found or after is None or not (_shaped(text, lines[after], "blanks", narrow).shape == "blanks" or heading_at(
            lines[after].text, 0) is not None and _row_follows(lines, text, after + 1, "blanks", True, narrow)):
        return [], j
    units = len(_unit_paragraphs(text, cells, found))
    return (found, k - 1) if len(found) - units <= width - len(cells) else ([], j)


def _unit_paragraphs(text: str, cells: list[tuple[int, int]], paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The paragraphs that go on with a unit cell ending the row (区农业农村委 / 区林业局 / 区供销联社): those reading
    as a unit, from the first on, after a last cell that reads as one."""
    if not (cells and _fit(text[slice(*cells[-1])], "responsible") > 0):
        return []
    same = []
    for start, end in paragraphs:
        if _fit(text[start:end], "responsible") <= 0:
            break
        same.append((start, end))
    return same


def _add_paragraphs(row: TableRow, last: tuple[int, int], same: list[tuple[int, int]]) -> None:
    """The unit paragraphs of a row's last cell, as cells of that cell's column (one unit each, as c161's)."""
    cell = next((c for c in row.cells if (c.start, c.end) == last), None)
    if cell is None or not same:
        return
    row.cells = sorted(row.cells + [TableCell(s, e, cell.column) for s, e in same], key=lambda c: c.start)
    row.end = max(row.end, same[-1][1])


def _row_follows(lines: list[Line], text: str, j: int, shape: str, sections: bool = False,
                 narrow: bool = False) -> bool:
    """Whether the next non-blank line from ``j`` is a row of the given shape; in a table aligned with blanks,
    after at most one more short line (总分 / 100: a row of two cells, which a copy's layout broke apart), or with
    ``sections`` after any numbered section rows (二、重点工作 / (一)…)."""
    shorts = 1 if shape == "blanks" else 0
    while j < len(lines):
        if not lines[j].blank:
            split = _shaped(text, lines[j], shape, narrow)
            if split is not None and split.shape == shape:
                return True
            if len(lines[j].text) > _words().max_section:
                return False
            if not (sections and heading_at(lines[j].text, 0) is not None):
                if shorts == 0:
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
    if merged and above is not None and len(cells) == width and cells[-1][1] == cells[-1][0]:
        cells = _shifted(text, cells, columns, above, _next_number(text, table))
    if len(cells) > width:
        placed = _widen(text, cells, columns, _next_number(text, table))
    elif len(cells) < width and above is not None:
        missing = _align(text, cells, columns, above, _next_number(text, table), merged)
        placed = [k for k in range(width) if k not in missing]
        if merged:
            carried = [c for c in (above.get(k) for k in sorted(missing)) if c is not None]
    else:
        placed = list(range(len(cells)))
    own = [part for k, s, e in filled for part in _unit_parts(text, TableCell(s, e, placed[k] if placed[k] >= 0 else width),
                                                              columns)]
    row = TableRow(start, end, own or [TableCell(start, end, 0)], carried, line=line)
    row.continued = _continues(text, row, table, above)
    return row


def _drop_numbering_cells(table: Table) -> None:
    """The rows continuing a task their first-column cell numbers (a table without 序号, see _under_numbered_cell)
    keep their own cells only: that cell, carried or written again, is the task's once, not a group over them."""
    if table.column_of("number") is not None:
        return
    for row in table.rows:
        if row.continued:
            row.carried = [c for c in row.carried if c.column != 0]
            row.cells = [c for c in row.cells if c.column != 0] or row.cells


def _shifted(text: str, cells: list[tuple[int, int]], columns: list[Column], above: TableRow,
             next_number: int | None) -> list[tuple[int, int]]:
    """The cells of a row that ends in empty cells, without them where its filled cells read better shifted right,
    under cells merged from above (a page's converter that drops a row's merged cells on the left and pads the row
    at its end: 新昌's 对七星路…; | 2021.12 | 城投集团 | | under 项目名称 | 工作任务 | 计划完成时间 | 牵头单位, c575); as
    they stand otherwise (a 配合单位 or 进展情况 left empty). Shifted only where the cells themselves read better so, not
    for the merged cells above alone (乡镇 | 新种任务(亩) | 备注 rows with no remark stay as they are)."""
    filled = len(cells)
    while filled > 0 and cells[filled - 1][1] == cells[filled - 1][0]:
        filled -= 1
    short = cells[:filled]
    missing = _align(text, short, columns, above, next_number)
    if not short or missing == set(range(filled, len(columns))):
        return cells
    placed = [k for k in range(len(columns)) if k not in missing]

    def reads(order: list[int]) -> float:
        return sum(_column_fit(text[s:e], columns[k], columns, next_number) for (s, e), k in zip(short, order))

    return short if reads(placed) > reads(list(range(filled))) + _SHIFT_GAIN else cells


def _unit_parts(text: str, cell: TableCell, columns: list[Column]) -> list[TableCell]:
    """A unit cell whose units a page joined with blanks (县文旅广电局 里耶博物馆 乡镇(街道)人民政府: the cell's lines run
    together) as one cell per unit, as a cell's unit paragraphs are (_add_paragraphs): where every part between blanks,
    outside brackets, reads as a unit; a name letter-spaced over single blanks (市 城 市 管 理 局) stays whole."""
    if cell.column >= len(columns) or columns[cell.column].kind not in _SPANNED_KINDS or " " not in text[cell.start:cell.end]:
        return [cell]
    parts = [p for p in letter_spaced(text, split_outside_brackets(text, cell.start, cell.end, " \u3000")) if p[1] > p[0]]
    if len(parts) < 2 or any(_fit(text[s:e], "responsible") <= 0 for s, e in parts):
        return [cell]
    return [TableCell(s, e, cell.column) for s, e in parts]


def _continues(text: str, row: TableRow, table: Table, above: TableRow | None) -> bool:
    """Whether a row continues the task of the row above (see TableRow.continued)."""
    number = table.column_of("number")
    if number is None:
        return _under_numbered_cell(text, row, table, above)
    own = next((c for c in row.cells if c.column == number), None)
    if own is None:
        return True
    if above is None:
        return False
    before = above.get(number)
    task = table.column_of("task")
    same_task = task is None or _text(text, row.get(task)) == _text(text, above.get(task))
    return before is not None and _text(text, own) == _text(text, before) and same_task


def _under_numbered_cell(text: str, row: TableRow, table: Table, above: TableRow | None) -> bool:
    """Whether a row of a table without a 序号 column lies under the first-column cell of the row above that numbers
    it (1.城市人居环境提升项目, merged down its 工作任务 rows: c575), the cell carried from above or written again in
    each row it covers (a .docx or .html reader's merged cell), and numbers nothing of its own."""
    if above is None or table.columns[0].kind not in _words().content:
        return False
    first, over = row.get(0), above.get(0)
    if first is None or over is None or (first in row.cells and _text(text, first) != _text(text, over)):
        return False
    number = heading_at(_text(text, over), 0)
    if number is None or number.style not in _ROW_STYLES or number.value <= 0:
        return False
    return not any(heading_at(_text(text, cell), 0) is not None for cell in row.cells if cell.column != 0)


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
                options.append((i + 1, score + _column_fit(text[s:e], columns[j], columns, next_number), missing))
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
        score = sum(_column_fit(text[s:e], columns[k], columns, next_number)
                    for (s, e), k in zip(cells, placed) if k >= 0)
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
    if says_empty(cell):
        return _EMPTY_FIT if kind in _EMPTY_KINDS else -_EMPTY_FIT
    if kind == "note":
        return _NOTE_FIT
    if _sentence(cell):
        return 0.5 if kind in _words().content else -1.0 if kind in _SHORT_KINDS else 0.0
    if kind in ("lead", "support", "responsible"):
        if len(cell) > _LONG_CELL and _runs_on(cell):
            return -0.5  # a long text that names a unit somewhere (…各部门、…) is the task's, not a unit cell
        return 1.0 if _unit_like().search(cell) else -1.0
    if kind == "time":
        return 1.0 if _TIME_LIKE.search(cell) else -1.0
    if kind == "leader":
        return 1.0 if _POST.search(cell) else 0.5 if _PERSONS.match(cell) else -0.5
    if kind == "measure_unit":
        return 1.0 if names_measure_unit(cell) else -1.0
    if kind == "other" and _unit_like().search(cell):
        return 0.5  # the offices a 考核部门/监考单位 column names: no role, but a cell of that column
    return 0.0


def _column_fit(cell: str, column: Column, columns: list[Column], next_number: int | None = None) -> float:
    """_fit in a table whose ``columns`` are known: where the table has a unit column, a cell of units' names is no
    task (区市场监管局 after a merged 任务名称 is the row's lead); where it has none, a task column may name the unit
    (石城's 考核项目 | 县委农工部, c11). A figure under a column of the task's content reads as _target_figure_fit says."""
    kind = column.kind
    figure = _target_figure_fit(cell, column, columns) if kind in _words().content else None
    if figure is not None:
        return figure
    fit = _fit(cell, kind, next_number)
    if fit == 0.0 and kind in _words().content and any(c.kind in _UNIT_KINDS for c in columns) and _names_units(cell):
        return -0.5
    return fit


def _target_figure_fit(cell: str, column: Column, columns: list[Column]) -> float | None:
    """How well a figure reads under a column of the task's content, or None where it is no figure read so. Where the table
    has a column of units of measure (单位, 计量单位) or the column is one of quantities (_quantity_column), a bare figure
    after the row's number (3 under 2025年目标, 100 under “十五五”目标, 3 under 抽查户数) is the figure the row's
    indicator reaches, not a number: an indicator table writes its figures so (docs/gold-format.md, indicator tables);
    where no column gives the units (an indicator table's figures are bare beside one), a figure with its unit fits a
    quantities column better than any other text column (20% under 抽查比例, not 检查方式)."""
    targets = _quantity_column(column)
    units_column = any(c.kind == "measure_unit" for c in columns)
    if row_number(cell) is not None and _BARE_AMOUNT.match(cell):
        return 0.0 if targets or units_column else None
    if targets and not units_column and not _BARE_AMOUNT.match(cell) and _FIGURE_CELL.match("".join(cell.split())):
        return _TARGET_FIGURE_FIT
    return None


def _quantity_column(column: Column) -> bool:
    """Whether a column gives the quantities a plan sets, not its text: a measure column whose header names targets or
    quantities (抽查户数, 抽查比例, 2025年目标值), not a task column that does (目标任务 holds sentences)."""
    return column.kind == "measure" and names_targets(column.header)


@text_memo(maxsize=1 << 12)
def _names_units(cell: str) -> bool:
    """Whether a cell is nothing but units' names (区市场监管局; 区商务委、区绿化市容局; 各街镇), each ending like an
    organ's name (tables.yaml run_together, units.yaml), or a place's after 各, and none opening with a verb (成立领导小组,
    创建达标分类小区 and 新建口袋公园 are tasks)."""
    run = _run_words()
    parts = [part for part in _NAME_SEPARATORS.split(_BRACKETED.sub("", cell)) if part]
    return bool(parts) and all(_names_organ(part, run) for part in parts)


def _runs_on(cell: str) -> bool:
    """Whether a cell runs on past a name's length between separators, or most of its parts are no unit's name (理顺…体制
    机制,高标准完成…打造,推动…进驻; 加快推进梦栖小镇 opens with a verb: a task's clauses, the last rows of c987 and c929 cut
    before their unit cells): text, not a list of names."""
    run = _run_words()
    parts = [part for part in _NAME_SEPARATORS.split(_BRACKETED.sub("", cell)) if part]
    named = sum(1 for part in parts if _names_organ(part, run))
    return any(len(part) > run.max_name for part in parts) or 2 * named < len(parts)


def _names_organ(part: str, run: _RunWords) -> bool:
    if len(part) > run.max_name or not _NAME_TEXT.fullmatch(part) or part.startswith(run.verbs):
        return False
    end = _unit_end(part, run) or ""
    return _names_unit(part, 0, len(part), run) and (end not in run.places or part.startswith("各"))


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
    titled = shape == "line" and _titled_quota(lines, first)
    header, used = _stream_header(text, cells, titled or shape == "line" and _under_label(lines, first))
    header = _divided_span(header)
    words = _words()
    kinds = {c.kind for c in header}
    if len(header) < words.min_cells or not words.content & kinds:
        return None
    body = cells[used:]
    if header[0].kind in words.content and _numbers_unlabelled(text, body, len(header)):
        header = [Column("number", ""), *header]  # the first header cell spans the 序号 column too (指 标 over 序号 | 指标)
    number = next((k for k, c in enumerate(header) if c.kind == "number"), None)
    if number is None and shape == "line" and any(c.header.endswith(_COLONS) for c in header):
        return None  # label lines (工作措施：) over the text of a numbered item, not a header row
    table = Table(header, cells[used - 1].end, [], first, cells[used - 1].line,
                  quota=titled and sum(column_kind(c.header) is None for c in header) * 2 > len(header))
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


def _numbers_unlabelled(text: str, body: list[_StreamCell], width: int) -> bool:
    """Whether the rows of a stream whose header names no 序号 column open with a number all the same, its first header
    cell spanning that column too (指 标 over 序号 | 指标, a legal database's indicator table, dev c1030): a bare row
    number 1 opening the body or the first row after a section row (一、核心指标 | 50), and 2 and 3 after it, each a
    row's cells on (a few more past a section row), each followed by a cell that is no number; figures in a column
    (城镇新增就业人数 | 1 | 省人社厅) open no row."""
    expected, last = 1, -1
    for k, cell in enumerate(body[:-1]):
        numbered = row_number(text[cell.start:cell.end])
        if numbered is None or numbered[:2] != ("table_row", expected) \
                or row_number(text[body[k + 1].start:body[k + 1].end]) is not None:
            continue
        if last < 0 and k > 0 and (k >= width or heading_at(text[body[0].start:body[0].end], 0) is None):
            return False
        if last >= 0 and not 2 <= k - last <= 2 * width:
            return False
        if expected == _NUMBERED_ROWS:
            return True
        expected, last = expected + 1, k
    return False


def _stream_header(text: str, cells: list[_StreamCell], titled: bool = False) -> tuple[list[Column], int]:
    """The header cells a stream opens with, and how many lines they take: the column words, one
    a line (a header cell wrapped over two lines read as one, see _header_cells). A header that
    starts with a 序号 column runs on to the first row number, so a column the words do not name
    (预期效果, 指标 属性 in a ministry's indicator table) is read like task text (a measure), as in a
    header row, rather than ending the header and leaving the columns after it as remarks; at most
    half of its cells may be unnamed, each short as a header cell (more under a title naming a distribution of tasks,
    ``titled``: 交通子行业 | 建设区域 | 十四五装机计划（MW） under c624's …光伏建设分配表), and a section row (一、…) ends it
    as a number does."""
    words = _words()
    named = _header_cells(text, cells, until_unnamed=True)
    header = [Column(kind, written) for kind, written, _ in named if kind is not None]
    used = sum(lines for kind, _, lines in named if kind is not None)
    if not header or (header[0].kind != "number" and not _task_list_header(text, cells, named)):
        return header, used
    body = next((k for k, c in enumerate(cells) if k > 0 and (row_number(text[c.start:c.end]) is not None
                                                             or heading_at(text[c.start:c.end], 0) is not None)), None)
    if body is None or body > 3 * words.max_chars:
        return header, used
    named = _header_cells(text, cells[:body])
    if (not titled and sum(kind is None for kind, _, _ in named) * 2 > len(named)) or any(
            kind is None and len("".join(_BRACKETED.sub("", written).split())) > words.max_chars for kind, written, _ in named):
        return header, used
    return [Column(kind or "measure", written) for kind, written, _ in named], body


def _task_list_header(text: str, cells: list[_StreamCell], named: list[tuple[str | None, str, int]]) -> bool:
    """Whether a header without a 序号 column runs on as one that starts with it does: its first cell names the
    task's group (任务分类 over a task list numbering its own cells, （一） / 1、 / （1）, c625), and its first
    body cell opens with a heading number."""
    after = sum(lines for _, _, lines in named)
    return bool(named) and named[0][0] in _words().content and after < len(cells) and \
        heading_at(text[cells[after].start:cells[after].end], 0) is None and any(
            heading_at(text[c.start:c.end], 0) is not None for c in cells[after:after + 3 * _words().max_chars])


def _wrapped(first: str, joined: str) -> bool:
    """Whether two header lines are one header cell wrapped: together they are a column word (责任 / 领导), or
    the first names the level the column's leaders or units are of (市政府 / 分管领导; tables.yaml, wrapped_heads)."""
    words = _words()
    return joined in words.kind_of or first in words.wrapped_heads


def _wrapped_unnamed(first: str, second: str) -> bool:
    """Whether two header lines that each name no column are one cell wrapped, whatever it names: the first is a word
    that heads no column alone (抽查 / 户数) or the second one that ends a header only (组织 / 层级; tables.yaml,
    wrapped_heads and wrapped_tails)."""
    words = _words()
    return bool(second) and (first in words.wrapped_heads or second in words.wrapped_tails) \
        and column_kind(second) is None and row_number(second) is None


def _header_cells(text: str, cells: list[_StreamCell], until_unnamed: bool = False) -> list[tuple[str | None, str, int]]:
    """The header cells of a stream, one a line: (kind or None, header as written, lines taken), up to
    the first unnamed one if ``until_unnamed``. A header cell the copy wrapped over two lines is one
    cell: a bracketed remark alone on the line after it (责任股室 / (单位)), a short first part
    that names no column before the rest that makes it one (市政府 / 分管领导), or a first part that is a
    column word itself before a rest that names none and with it makes a longer one (牵头 / 部门, 配合 / 部门 in
    c625's header, every cell broken over two lines)."""
    found: list[tuple[str | None, str, int]] = []
    k = 0
    while k < len(cells):
        written = text[cells[k].start:cells[k].end]
        kind = column_kind(written)
        compact = "".join(written.split())
        if compact in _words().numbered_only and not any(kind_ == "number" for kind_, _, _ in found):
            kind = None  # 主要指标 over 指标名称 | 目标值 is the table's caption; after 序号 it heads the indicator column
        if kind is None and found and _BRACKETED.fullmatch(compact) and row_number(compact) is None:
            before, header, lines = found[-1]
            found[-1] = (before or column_kind(header + written), header + written, lines + 1)
            k += 1
            continue
        following = text[cells[k + 1].start:cells[k + 1].end] if k + 1 < len(cells) else ""
        if kind is None and _wrapped_unnamed(compact, "".join(following.split())):
            found.append((column_kind(written + following), written + following, 2))
            k += 2
            continue
        if k + 1 < len(cells) and (kind is None or column_kind(following) is None):
            joined = written + following
            compact_joined = "".join(joined.split())
            if (_wrapped(compact, compact_joined) if kind is None
                    else compact_joined != compact and compact_joined in _words().kind_of) \
                    and (joined_kind := column_kind(joined)) is not None:
                found.append((joined_kind, joined, 2))
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
    lines, up to a line of another shape, an attachment or a date line. Where a blank line parts the
    header's cells (a portal's page flattened so), the lines of one cell the page wrapped follow each
    other without one and stay one cell (与全市经济增速 / 保持同步, 目标值 / （2025年）, 128.92 / 平方公里); lines that
    each name units (区文明办 / 区绿化市容局 / 区房管局) stay cells of their own, as a unit column's cells may share it."""
    if shape == "line" and _barred_stream(lines, first):
        return _barred_cells(lines, text, first)
    cells: list[_StreamCell] = []
    pending: tuple[int, int] | None = None  # (offset, line) where a cell running over lines began
    wrapped = shape == "line" and _parted_by_blanks(lines, first)
    for j, line in _filled_lines(lines, first):
        split = _split(text, line)
        if shape == "cell" and split is not None and split.shape == "pipe" and not line.text.strip("| \t"):
            continue  # bars alone: the cells a merged cell or an empty row left (||, ||||||)
        if split is None or split.shape in ("tab", "pipe"):
            break
        if shape == "line":
            if split.shape != "line":
                break
            if wrapped and cells and j - 1 >= first and not lines[j - 1].blank and j - cells[-1].line < MAX_CELL_LINES \
                    and not (_names_units(lines[j - 1].text) and _names_units(line.text)):
                cells[-1] = _StreamCell(cells[-1].start, line.end, cells[-1].line)  # the cell's next line
                continue
            cells.append(_StreamCell(line.start, line.end, j))
            continue
        if split.shape == "cell":
            s, e = split.cells[0]
            start, at = pending if pending is not None else (s, j)
            cells.append(_StreamCell(start, e, at))
            pending = None
        elif pending is None:
            pending = (line.start, j)
        elif j - pending[1] >= MAX_CELL_LINES:
            break
    return cells


def _bar_alone(line: Line) -> bool:
    """Whether a line is a bar alone or opens with its only bar (| / 序号 / | / 工作任务; | 考评指标 / | 1)."""
    stripped = line.text.strip()
    return stripped.startswith("|") and stripped.count("|") == 1


def _barred_stream(lines: list[Line], first: int) -> bool:
    """Whether the cells from line ``first`` on are parted by bars standing alone or opening their lines, a page
    converter's table one cell a line with the bar beside it (dev c427, c417): at least _BARRED_LINES such lines among
    the first MAX_CELL_LINES filled ones."""
    probe = islice(_filled_lines(lines, first), MAX_CELL_LINES)
    return sum(_bar_alone(line) for _, line in probe) >= _BARRED_LINES


def _barred_cells(lines: list[Line], text: str, first: int) -> list[_StreamCell]:
    """The cells of a barred stream: the text between two bars, over line breaks (a cell the page wrapped: 打造觀光 /
    、休閒…(25%) |), empty ones dropped; it ends at the second of two filled lines in a row without a bar (prose after
    the table)."""
    cells: list[_StreamCell] = []
    start, at = -1, -1  # where the open cell began (offset, line), -1 for none
    last_end = -1  # the end of the last line read
    barred = True  # whether the line before held a bar
    for j, line in _filled_lines(lines, first):
        if not barred and "|" not in line.text:
            break
        barred = "|" in line.text
        last_end = line.end
        pos = line.start
        for bar in [i for i in range(line.start, line.end) if text[i] == "|"] + [None]:
            end = line.end if bar is None else bar
            if text[pos:end].strip():
                start, at = (pos, j) if start < 0 else (start, at)
            if bar is not None:
                if start >= 0:
                    cells.append(_stripped_cell(text, start, end, at))
                start, at = -1, -1
                pos = bar + 1
    if start >= 0:
        cells.append(_stripped_cell(text, start, last_end, at))
    return cells


def _stripped_cell(text: str, start: int, end: int, line: int) -> _StreamCell:
    """A stream cell of ``text[start:end]`` without the blanks and line breaks around it."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return _StreamCell(start, end, line)


def _filled_lines(lines: list[Line], first: int) -> Iterator[tuple[int, Line]]:
    """The non-blank lines from ``first`` on (with their indices) of a table flattened one cell a line, up to one
    that ends it: an attachment's label or list, a date, a remark's numbered items under the table (注：1.…, c635: the
    document's headings go on after it)."""
    data = numbering()
    for j in range(first, len(lines)):
        line = lines[j]
        if line.blank:
            continue
        if data.attachment.match(line.text) or data.attachment_list.match(line.text) or _DATE.match(line.text) \
                or data.remark_list.match(line.text):
            return
        yield j, line


def _parted_by_blanks(lines: list[Line], first: int) -> bool:
    """Whether a blank line follows each of the first lines of a stream (its header cells, up to
    `_PARTED_HEADER` of them): a page flattened with a blank line between cells."""
    seen = 0
    for j in range(first, len(lines) - 1):
        if lines[j].blank:
            continue
        if not lines[j + 1].blank:
            return False
        seen += 1
        if seen == _PARTED_HEADER:
            return True
    return False


def _started_rows(table: Table, body: list[_StreamCell], text: str) -> None:
    """Rows of a stream without a 序号 column (the number, if any, written in the task cell): a
    row starts where its first column's cell starts (see _opens_row), and its cells are counted
    against the header (_counted). A first-column cell alone before the next row is a section row
    (一、优结构 spanning the table); a row opening with the document's next first-level heading ends the
    table, as in a numbered stream (_ends_rows: 二、 after the 一、 an indicator table stands in, c678)."""
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
        heading = heading_at(text[first.start:first.end], 0)
        if heading is not None and table.rows and _ends_rows(heading, {}, table):
            break  # the document's next heading, past the table's end (二、 after the 一、 the table stands in)
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
    return "unit" if _unit_like().search(compact) and len(compact) <= 30 else "text"


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
    with a heading number where no column wants it, or the next number of the section rows before it (三、 after
    二、, whatever columns a merged cell left the row short of), is a section row. A row lacking its lead or
    responsible unit takes the last one above in its section (a merged cell given once)."""
    columns = table.columns
    expected: dict[str, int] = {}  # the next number of each numbering style the 序号 column uses (一、 over 1)
    sections: dict[str, int] = {}  # the next number of each style the section rows use (三、 after 一、 and 二、)
    row: TableRow | None = None
    pending: list[_StreamCell] = []

    def close() -> None:
        if row is not None and pending:
            above = next(r for r in table.rows if not r.section) is not row  # not the table's first row
            placed = _sub_rows(text, pending, columns, number + 1) or _recurring_columns(
                text, pending, _ordered(text, pending, columns, number + 1, above), len(columns))
            for cell, k in zip(pending, placed):
                row.cells.append(TableCell(cell.start, cell.end, k))
            row.end = pending[-1].end
        pending.clear()

    numbers = [row_number(text[cell.start:cell.end]) for cell in body]
    _read_placeholders(text, body, numbers)
    repeated = _repeated_header(text, body, columns)
    for k, cell in enumerate(body):
        if k in repeated:
            continue
        cell_text = text[cell.start:cell.end]
        numbered = numbers[k]
        at = number + 1 + len(pending)  # the column the open row fills next
        wanted = columns[at] if row is not None and at < len(columns) else None
        full = row is not None and at == len(columns) and _opens_text(text, body, numbers, k)
        if numbered is not None and _numbers_row(numbered, expected.get(numbered[0]), numbers, k, full) \
                and not _open_row_figure(cell_text, wanted, columns, expected.get(numbered[0]), numbers, k):
            close()
            row = TableRow(cell.start, cell.end, [TableCell(cell.start, cell.end, number)], line=cell.line,
                           number=numbered if row_number(cell_text) is None else None)
            table.rows.append(row)
            expected[numbered[0]] = numbered[1] + 1
            continue
        if table.quota and "".join(cell_text.split()) in _quota_words().totals:
            close()  # a total (汇总 | 82-130) sums the rows above: a row of its own, no part of the last
            row = TableRow(cell.start, cell.end, [TableCell(cell.start, cell.end, number + 1)], line=cell.line)
            table.rows.append(row)
            continue
        if row is not None and pending and _numbers_on(text, pending[-1], cell_text):
            pending[-1] = _StreamCell(pending[-1].start, cell.end, pending[-1].line)  # a cell's next numbered paragraph
            continue
        heading = heading_at(cell_text, 0)
        if heading is not None and row is not None and _ends_rows(heading, sections, table) \
                and len(cell_text) <= _words().max_section * 2:
            break  # the document's next heading, past the table's end (c637)
        if heading is not None and len(cell_text) <= _words().max_section * 2 and (
                row is None or sections.get(heading.style) == heading.value
                or not any(_fit(cell_text, c.kind) >= 0 for c in columns[number + 1 + len(pending):])):
            sections[heading.style] = heading.value + 1
            close()
            table.rows.append(TableRow(cell.start, cell.end, [TableCell(cell.start, cell.end, 0)], section=True,
                                       line=cell.line))
            row = None
            continue
        if row is not None:
            pending.append(cell)  # a category cell before the first number of a section is no task
    close()
    _carry_merged(table, text)


def _ends_rows(heading: HeadingNumber, sections: dict[str, int], table: Table) -> bool:
    """Whether a heading after a table's rows is the document's next one, not a section row: a first-level number past 1
    (三、 after the 二、 the table stands in, 第三章) where no section row opened the table (c637's indicator table)."""
    rank = numbering().rank
    return heading.value > 1 and not sections and not table.rows[0].section \
        and rank.get(heading.style, len(rank)) <= rank["cn_dun"]


def _repeated_header(text: str, body: list[_StreamCell], columns: list[Column]) -> set[int]:
    """The body cells that write the header again where a page broke the table (c631: 序号 / 工作任务 / 主要工作内容 /
    牵头单位 / 配合单位 between rows), as a row table skips its header repeated: runs of the header's cells in order."""
    header = ["".join(c.header.split()) for c in columns]
    cells = ["".join(text[c.start:c.end].split()) for c in body]
    found: set[int] = set()
    for k in range(len(cells) - len(header) + 1):
        if cells[k] == header[0] and cells[k:k + len(header)] == header:
            found.update(range(k, k + len(header)))
    return found


_FIRST_NUMERALS = str.maketrans("二2②", "一1①")  # a list's second number written as its first (二 → 一, (2) → (1))


def _read_placeholders(text: str, body: list[_StreamCell], numbers: list[tuple[str, int, str] | None]) -> None:
    """Give a 序号 cell printed as a dash (tables.yaml, number_placeholders) the number it stands for: the first of the
    style whose next number, 2, is the next of that style written after it, none of that style written before (c631:
    — then 二, 三 down the section rows, the rows under each numbered (一), (二) in another style)."""
    placeholders = _words().placeholders
    first_of: dict[str, tuple[int, tuple[str, int, str]]] = {}  # where each style writes its first number, and which
    for k, numbered in enumerate(numbers):
        if numbered is not None and numbered[0] not in first_of:
            first_of[numbered[0]] = (k, numbered)
    for k, cell in enumerate(body):
        if numbers[k] is not None or "".join(text[cell.start:cell.end].split()) not in placeholders:
            continue
        later = [(at, numbered) for at, numbered in first_of.values() if at > k and numbered[1] == 2]
        if later:
            style, _, segment = min(later)[1]
            numbers[k] = (style, 1, segment.translate(_FIRST_NUMERALS))
            first_of[style] = (k, numbers[k])


def _sub_rows(text: str, cells: list[_StreamCell], columns: list[Column], first: int) -> list[int] | None:
    """The columns of a row's cells where the row holds sub-rows under its merged cells: after one cell for each column
    from ``first`` on, the cells run through its last content column and the unit columns after it again and again,
    each run a sentence and its units (c631: 工作任务 merged over several 主要工作内容 / 牵头单位 / 配合单位 sub-rows, —— for
    no unit). None where the row is no such run of sub-rows."""
    content = [k for k in range(first, len(columns)) if columns[k].kind in _words().content]
    if not content:
        return None
    tail = list(range(content[-1], len(columns)))
    extra = len(cells) - (len(columns) - first)
    if len(tail) < 2 or extra <= 0 or extra % len(tail) or any(columns[k].kind not in _UNIT_KINDS for k in tail[1:]):
        return None
    placed = list(range(first, len(columns))) + tail * (extra // len(tail))
    for cell, k in zip(cells, placed):
        written = text[cell.start:cell.end]
        if k == tail[0] and not _sentence(written) and _shape(written) == "unit" \
                or k in tail[1:] and _fit(written, columns[k].kind) <= 0:
            return None  # a unit where a sub-row's text stands, or no unit (nor ——) under a unit column
    return placed


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
                 k: int, row_full: bool = False) -> bool:
    """Whether the number of cell ``k`` may be the 序号 of the next row: 1 (the first row, or a list restarting), the
    list's next number, or, first, a number the next one goes on from (a table continued from a page before: 12,
    13…); not a first figure no number goes on from (总分 / 100: its empty 序号 cell left no line). A number a little
    past the next one (rows 1, 3: a row lost or left out) numbers a row where the open row holds one cell for every
    column already and text follows the number (``row_full``: it is no cell of that row nor a figure of a sub-row)."""
    value = numbered[1]
    if value == 1 or value == expected:
        return True
    if expected is not None and expected < value <= expected + numbering().max_gap:
        return row_full
    return expected is None and _following(numbered, numbers, k) == value + 1


def _opens_text(text: str, body: list["_StreamCell"], numbers: list[tuple[str, int, str] | None], k: int) -> bool:
    """Whether the cell after cell ``k`` is text, as a row's task after its 序号 is (not a figure: 4 / 4 / 100%)."""
    if k + 1 >= len(body) or numbers[k + 1] is not None:
        return False
    return _shape(text[body[k + 1].start:body[k + 1].end]) == "text"


def _open_row_figure(cell: str, wanted: Column | None, columns: list[Column], expected: int | None,
                     numbers: list[tuple[str, int, str] | None], k: int) -> bool:
    """Whether a number cell is a figure of the open row, not the next row's 序号: the column the row fills next (``wanted``)
    takes it, and it is written again before the list goes on (a row's score 7, then row 7), or that column gives
    quantities and the number is not the list's next one (a count 1 under 抽查户数 while row 4 is open, dev c1036)."""
    numbered = numbers[k]
    if wanted is None or numbered is None:
        return False
    if numbered[1] != expected and _quantity_column(wanted):
        return _column_fit(cell, wanted, columns) >= 0
    return _fit(cell, wanted.kind) > 0 and _written_again(numbered, numbers, k)


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
    letting up to three unit cells share one unit column (any number the last, _unit_run), and keeping a cell that cannot be any of
    the columns left (text under a unit column, a cut 沈) as a note (column ``len(columns)``)."""
    kinds = [c.kind for c in columns[first:]]
    n, m = len(cells), len(kinds)
    fits = [[_column_fit(text[c.start:c.end], column, columns) for column in columns[first:]] for c in cells]
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
            for run in range(1, _unit_run(j, m, kinds, n - i)):
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


def _unit_run(j: int, m: int, kinds: list[str], left: int) -> int:
    """One more than the cells a row's column ``j`` may take: up to three under a unit column (two paragraphs of one cell),
    all that are left under the row's last column when it names units (协同单位 | 东孝街道 | 孝顺镇 | … eleven units of one cell
    flattened a line each, fresh c1099: the last cell runs on to the next row), one under any other."""
    if j >= m or kinds[j] not in _UNIT_KINDS:
        return 2
    return max(4, left + 1) if j == m - 1 else 4


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
    cell; or, in a table whose cells bars close, anywhere before its closing bar: 12 | 提高道路…规范清, dev c427): the cells
    it lacks were cut off, not merged."""
    columns = table.columns
    content = _words().content
    rows = [r for r in table.rows if not r.section]
    ends_text = bool(rows) and not text[rows[-1].end:].strip()
    barred = ends_text and "|" in text[rows[0].start:rows[-1].end]
    cut = rows[-1] if ends_text and (barred or table.kind(max(rows[-1].cells, key=lambda c: c.end)) not in content) else None
    last_of: dict[int, TableCell] = {}  # the last cell seen in a column, in this section
    groups = _group_rows(table, text)
    for at, row in enumerate(table.rows):
        if row.section or at in groups:
            last_of.clear()
            continue
        have = {c.column for c in row.cells}
        for k, kind in enumerate(c.kind for c in columns):
            if kind in _CARRIED_KINDS and k not in have and k in last_of and row is not cut:
                row.carried.append(last_of[k])
        for cell in row.cells:
            last_of[cell.column] = cell


def _group_rows(table: Table, text: str) -> set[int]:
    """The indices of the numbered rows that head a group (二 over (一), (二) in c631's 分工表): numbered in another style
    than the row after them, which the table numbers in, with no unit cell of their own; and of a quota table's totals
    (汇总, no number). Like a section row, each starts a section, and takes no unit from the rows above it."""
    number = table.column_of("number")
    if number is None:
        return set()
    units = {k for k, c in enumerate(table.columns) if c.kind in _UNIT_KINDS}

    def style(row: TableRow) -> str | None:
        cell = row.get(number) if not row.section else None
        numbered = row.number or (row_number(text[cell.start:cell.end]) if cell is not None else None)
        return numbered[0] if numbered is not None else None

    styles = [style(row) for row in table.rows]
    totals = {k for k, this in enumerate(styles) if table.quota and this is None}  # 汇总 | 82-130
    return totals | {k for k, (row, this, after) in enumerate(zip(table.rows, styles, styles[1:]))
                     if this is not None and after is not None and this != after and not any(c.column in units for c in row.cells)}


# --- tables whose cells run together -------------------------------------------------------------

_SEPARATOR_CHARS = "、，,；; \t\u3000\n"
# a row number run into the row's text (2促进…, 2.促进…, 2、促进…), never a decimal (1.5万)
_RUN_NUMBER = re.compile(r"(?<![\d.．])\d{1,3}(?:[.．、](?=[\u4e00-\u9fff“]))?(?![\d.．%％])")
# a section row's numeral (一、, (一), 行动一：), read by heading_at
_RUN_SECTION = re.compile(r"\(?[一二三四五六七八九十]{1,3}[、)]|[\u4e00-\u9fff]{1,3}[一二三四五六七八九十]{1,3}[：:]")
_CJK = re.compile(r"[\u4e00-\u9fff]+")
_RECORD_NUMBER = re.compile(r"\d{1,3}[.．、](?!\d)")  # an item number opening a record's task (135.统筹…)
_SPACED_NAME = re.compile(r"[\u4e00-\u9fff][ \u3000][\u4e00-\u9fff]")
_NAME_TEXT = re.compile(r"[\u4e00-\u9fff()（）“”]+")  # what a unit's name holds (区“两旧”专班, 高新园(邹区镇))
_LEVEL_STARTS = "省市县区镇乡各"  # where a unit's name run on after a task cell without a sentence end begins


@dataclass(frozen=True)
class _RunWords:
    min_cells: int
    max_gap: int
    max_name: int
    places: frozenset[str]  # of the ends below, the places (经开区, 高新园): a name only with two characters before
    end_set: frozenset[str]  # what a unit name ends with, looked up by length (end_sizes) rather than tried one by one
    end_sizes: tuple[int, ...]  # their lengths, longest first
    heads: tuple[str, ...]  # a name never starts with one of these (管委会…)
    verbs: tuple[str, ...]  # nor with a verb (推进…)
    numbers: tuple[str, ...]  # the 序号 words a run-together header opens with
    after_names: str  # the last characters of names: a row number runs on after one


@lru_cache(maxsize=1)
def _run_words() -> _RunWords:
    """What reading a run-together table needs (tables.yaml, run_together; units.yaml's suffixes, places and verbs)."""
    data = load_data("tables.yaml")
    run = data["run_together"]
    units = load_data("units.yaml")
    places = frozenset([*units["place_ends"], *run["name_ends"]])
    ends = frozenset([*units["suffixes"], *places])
    return _RunWords(
        int(run["min_header_cells"]), int(run["max_header_gap"]), int(run["max_name_chars"]), places,
        ends, tuple(sorted({len(end) for end in ends}, reverse=True)),
        tuple(run["name_heads"]), tuple([*units["action_verbs"], *units["heading_not_unit_starts"]]),
        tuple(word for word in data["columns"]["number"] if len(word) > 1), "".join({e[-1] for e in ends}) + ")）",
    )


def _run_together_table(lines: list[Line], text: str, first: int) -> Table | None:
    """A table whose header cells run together from a 序号 word on line ``first`` (tables.yaml, run_together), read
    by the header's column order."""
    line = lines[first]
    run = _run_words()
    for word in run.numbers:
        at = text.find(word, line.start, line.end)
        while at >= 0:
            header = _run_header(text, at, _block_end(lines, first, MAX_CELL_LINES))
            if header is not None:
                return _run_rows(lines, text, first, *header)
            at = text.find(word, at + 1, line.end)
    return None


def _run_together_ahead(lines: list[Line], text: str, first: int) -> bool:
    """Whether a header cell alone on line ``first`` (任务类型) stands over a header run together on one of the next
    lines (序号工作任务): the table is read from there, by its column order."""
    for j in range(first + 1, min(len(lines), first + 4)):
        if not lines[j].blank and any(word in lines[j].text for word in _run_words().numbers):
            table = _run_together_table(lines, text, j)
            return table is not None and bool(table.rows)
    return False


def _block_end(lines: list[Line], first: int, most: int | None = None, blanks: int = 1) -> int:
    """The end of the lines from ``first`` up to ``blanks`` blank lines in a row, an attachment or a date line (at
    most ``most`` more lines)."""
    data = numbering()
    end = lines[first].end
    blank = 0
    for line in lines[first + 1:None if most is None else first + 1 + most]:
        blank = blank + 1 if line.blank else 0
        if blank >= blanks or data.attachment.match(line.text) or _DATE.match(line.text):
            break
        end = line.end if not line.blank else end
    return end


def _run_header(text: str, start: int, end: int) -> tuple[list[Column], int] | None:
    """The columns of a header whose cells run together from ``start`` (a 序号 word), and where the rows begin: at
    least min_header_cells column words, a content column among them, two with nothing between them, then the first
    row's number (1) or a section's numeral (_rows_open)."""
    words, run = _words(), _run_words()
    cells: list[tuple[int, int]] = []
    pos = start
    while True:
        at = _skip(text, pos, end, " \t\u3000\n")
        match = words.any_contained.search(text, at, min(end, at + run.max_gap + 1 + len(words.longest_first[0])))
        if match is None or (match.start() > at and not _CJK.fullmatch(text, at, match.start())) \
                or match.start() - at > run.max_gap:
            break
        stop = _qualified_end(text, at, match, end)
        cells.append((at, stop))
        pos = stop
    kinds = [column_kind(text[s:e]) or words.kind_of.get(text[s:e]) for s, e in cells]
    body = _skip(text, pos, end, " \t\u3000\n")
    if len(cells) < run.min_cells or kinds[0] != "number" or None in kinds or not words.content & set(kinds) \
            or all(a[1] < b[0] for a, b in zip(cells, cells[1:])) \
            or not _rows_open(text, body, end):
        return None
    return [Column(k or "measure", text[s:e]) for (s, e), k in zip(cells, kinds)], body


def _rows_open(text: str, body: int, end: int) -> bool:
    """Whether a table's rows open at ``body``: with row 1 or a section's numeral (一、, (一)), after at most two short
    lines (a section row without a number: 强化科技创新支撑能力。)."""
    pos = body
    for _ in range(3):
        if text.startswith("1", pos) and not text[pos + 1:pos + 2].isdigit() or _section_style(text, pos):
            return True
        stop = text.find("\n", pos, end)
        if stop < 0 or stop - pos > _words().max_section:
            return False
        pos = _skip(text, stop, end, " \t\u3000\n")
    return False


def _qualified_end(text: str, at: int, match: re.Match[str], end: int) -> int:
    """The end of a run-together header cell from ``at`` whose column word ``match`` found: a role word qualifying
    a longer column word right after it is one cell with it (牵头 / 县领导: 牵头县领导 names leaders)."""
    words = _words()
    kind = words.kind_of[match.group()]
    after = words.any_contained.match(text, match.end(), end)
    if after is None or kind == "number" or kind in words.content or len(match.group()) >= len(after.group()):
        return match.end()
    return after.end() if column_kind(text[at:after.end()]) == words.kind_of[after.group()] else match.end()


def _paragraph_end(text: str, start: int, end: int) -> int:
    """Where the table's last row ends: at the first blank line after it starts (what follows is no row)."""
    blank = text.find("\n\n", start, end)
    return end if blank < 0 else blank


def _trim_lines(text: str, start: int, end: int) -> tuple[int, int]:
    """A range without the blanks and line breaks around it (a cell of a run-together table may span lines)."""
    start = _skip(text, start, end, _BLANKS + "\n")
    while end > start and text[end - 1] in _BLANKS + "\n":
        end -= 1
    return start, end


def _skip(text: str, pos: int, end: int, chars: str) -> int:
    """The first position from ``pos`` (before ``end``) whose character is not one of ``chars``."""
    while pos < end and text[pos] in chars:
        pos += 1
    return pos


def _run_rows(lines: list[Line], text: str, first: int, columns: list[Column], body: int) -> Table:
    """The rows of a run-together table whose rows start at ``body``, after its header: each
    from its row number (the next one, run on after a name, a line break or the header) or a section's numeral
    (一、) to the next; the header repeated on a new page is no row."""
    end = _block_end(lines, first, blanks=2)  # a row's paragraphs may stand apart (c380)
    header_text = "".join(c.header for c in columns)
    marks = _run_marks(text, body, end, header_text)
    table = Table(columns, body, [], first, first)
    starts = [line.start for line in lines]
    for k, (start, number_end, kind) in enumerate(marks):
        stop = marks[k + 1][0] if k + 1 < len(marks) else _paragraph_end(text, start, end)
        if kind == "header":
            continue
        line = bisect.bisect_right(starts, start) - 1
        if kind == "section":
            s, e = _trim_lines(text, start, stop)
            table.rows.append(TableRow(s, e, [TableCell(s, e, 0)], section=True, line=line))
            continue
        cells = [TableCell(start, number_end, 0)] + _run_cells(text, number_end, stop, columns)
        row = TableRow(start, max(c.end for c in cells), cells, line=line)
        table.rows.append(row)
        table.last = bisect.bisect_right(starts, row.end - 1) - 1
    while table.rows and table.rows[-1].section:
        table.rows.pop()
    return table


def _run_marks(text: str, body: int, end: int, header: str) -> list[tuple[int, int, str]]:
    """Where the rows of a run-together table begin, in order: (start, end of the number, "row" | "section" |
    "header"). A row number must be the next one (1, 2, 3…) and run on after a name, a line break, the header or a
    section row, and open no quantity (12个, 3%); a section numeral is the next one after a row's end."""
    run = _run_words()
    units = _words().units
    marks: list[tuple[int, int, str]] = []
    expected = 1
    sections: dict[str, int] = {}  # the next value of each style of section numeral (一、, (一))
    after_header = body
    pos = body
    while pos < end:
        again = text.find(header, pos, end)
        opened = pos if marks and marks[-1][2] == "section" else after_header  # a section's title runs into its row
        number = next((m for m in _RUN_NUMBER.finditer(text, pos, end) if int(m.group().rstrip(".．、")) == expected
                       and _opens_run_row(text, m, opened, units, run)), None)
        found = [(m.start(), m.end(), "row") for m in [number] if m is not None]
        section = _run_section(text, pos, end, after_header, sections, run)
        if section is not None:
            found.append(section)
        if again >= 0:
            found.append((again, again + len(header), "header"))
        if not found:
            break
        mark = min(found)
        marks.append(mark)
        pos = mark[1]
        if mark[2] == "row":
            expected += 1
        elif mark[2] == "section":
            heading = heading_at(text, mark[0])
            assert heading is not None
            sections[heading.style] = heading.value + 1
        if mark[2] != "row":
            after_header = _skip(text, mark[1], end, " \t\u3000\n") if mark[2] == "header" else after_header
    return marks


def _run_section(text: str, pos: int, end: int, after_header: int, sections: dict[str, int],
                 run: _RunWords) -> tuple[int, int, str] | None:
    """The next section row of a run-together table from ``pos``: a Chinese numeral (一、, (一)) that is the next of
    its style, after the header, a line break, a sentence end or a name."""
    for match in _RUN_SECTION.finditer(text, pos, end):
        start = match.start()
        if start != after_header and text[start - 1] not in run.after_names + "\n。；;":
            continue
        heading = _section_style(text, start)
        if heading is not None and heading.value == sections.get(heading.style, 1):
            return start, start + heading.number_end, "section"
    return None


def _section_style(text: str, pos: int) -> HeadingNumber | None:
    """The numeral of a section row at ``pos``: a Chinese numeral (一、, (一)) or a named group (行动一：), never a
    row's own number."""
    heading = heading_at(text, pos) if _RUN_SECTION.match(text, pos) else None
    return heading if heading is not None and heading.style.startswith(("cn", "named")) \
        else None


def _opens_run_row(text: str, number: re.Match[str], after_header: int, units: frozenset[str], run: _RunWords) -> bool:
    """Whether a number run into a table's text opens its row: after the header, a line break or the end of a name,
    or alone at a line's end; never a quantity (12个, 2000人)."""
    start, end = number.span()
    if any(text.startswith(unit, end) for unit in units):
        return False
    before = text[start - 1] if start else "\n"
    return start == after_header or before in "\n。；;" or before in run.after_names or text.startswith("\n", end) \
        or after_header <= start and not _RUN_NUMBER.search(text, after_header, start)


def _run_cells(text: str, start: int, end: int, columns: list[Column]) -> list[TableCell]:
    """The cells of a run-together row after its number: its task text (the first content column) up to a sentence
    end or line break after which the row's unit cells follow, then those cells; a row of sub-rows (two measures,
    each with its units) repeats the two. A row without unit cells (cut by the copy) is all task text."""
    content = next(k for k, c in enumerate(columns) if c.kind in _words().content)
    cells = _run_parts(text, start, end, columns, content, {}) if any(c.kind in _UNIT_KINDS for c in columns) else None
    if cells is None:
        s, e = _trim_lines(text, start, end)
        return [TableCell(s, e, content)] if e > s else []
    return cells


def _run_parts(text: str, start: int, end: int, columns: list[Column], content: int,
               tried: dict[int, list[TableCell] | None]) -> list[TableCell] | None:
    """Task text then unit cells, repeated, up to ``end``; None when the unit cells do not close the text at ``end``
    (``tried`` keeps what each start gave: a row of many sentences is read in one pass)."""
    if start not in tried:
        tried[start] = _run_parts_from(text, start, end, columns, content, tried)
    return tried[start]


def _run_parts_from(text: str, start: int, end: int, columns: list[Column], content: int,
                    tried: dict[int, list[TableCell] | None]) -> list[TableCell] | None:
    for at in range(start + 1, end):
        after_sentence = text[at - 1] in "。；;\n"
        if not after_sentence and text[at] not in _LEVEL_STARTS:
            continue
        tail = _unit_cells(text, at, end, columns)
        if tail is None:
            continue
        stop, units = tail
        if not after_sentence and (_skip(text, stop, end, _SEPARATOR_CHARS) < end or _names_place(text, units[0])):
            continue  # names run on after a task cell with no sentence end close the row (推进…研究区规划资源局、…),
            # the first of them an organ's (not 区规划研究区)
        rest = [] if _skip(text, stop, end, _SEPARATOR_CHARS) >= end else _run_parts(text, stop, end, columns, content,
                                                                                     tried)
        if rest is None and text[:end].rstrip().endswith(_SENTENCE_ENDS):
            s, e = _trim_lines(text, stop, end)
            rest = [TableCell(s, e, content)]  # measures the unit cells before them cover (merged cells)
        if rest is None:
            continue
        s, e = _trim_lines(text, start, at)
        return ([TableCell(s, e, content)] if e > s else []) + units + rest
    return None


def _unit_cells(text: str, start: int, end: int, columns: list[Column]) -> tuple[int, list[TableCell]] | None:
    """The unit cells run together from ``start``, in the header's order of unit columns, and where they stop: a
    leader's name (two or three characters, where the leader column comes first, before the next name), then unit
    names, the first cell for the first unit column and the rest for the last: a cell ends where the next name runs
    on with nothing between them or after a line break, names a list separator joins (A、B) stay one cell for the
    units annotator. None when no unit name opens there."""
    order = [k for k, c in enumerate(columns) if c.kind in _UNIT_KINDS]
    units = [k for k in order if columns[k].kind != "leader"]
    leader = next((k for k in order if columns[k].kind == "leader"), None)
    cells: list[TableCell] = []
    pos = _skip(text, start, end, _SEPARATOR_CHARS)
    if leader is not None and order[0] == leader:
        person = _person_end(text, pos, end)
        if person is not None:
            cells.append(TableCell(pos, person, leader))
            pos = person
    groups: list[list[int]] = []  # [start, end] of each cell: names a list separator joins stay one cell (A、B)
    while True:
        at = _skip(text, pos, end, _SEPARATOR_CHARS)
        name = _name_end(text, at, end, first=not groups) if at < end else None
        if name is None:
            break
        gap = text[pos:at]
        if groups and gap.strip() and "\n" not in gap:
            groups[-1][1] = name
        else:
            groups.append([at, name])
        pos = name
    if not groups or not units:
        return None
    cells += [TableCell(s, e, units[0] if k == 0 else units[-1]) for k, (s, e) in enumerate(groups)]
    at = _skip(text, pos, end, _SEPARATOR_CHARS)
    if leader is not None and order[0] != leader and (person := _person_end(text, at, end)) is not None:
        cells.append(TableCell(at, person, leader))
        pos = person
    return pos, cells


def _person_end(text: str, start: int, end: int) -> int | None:
    """The end of a person's name of three or two characters at ``start`` (何海平, 张菁) that ends a word and is
    followed by a unit's name or closes the cells."""
    from govplan.lexical.segment import words as segment

    spaced = _SPACED_NAME.match(text, start, end)
    if spaced is not None and _closes_or_names(text, spaced.end(), end):
        return spaced.end()  # 王 东: a two-character name spaced out
    for size in (3, 2):
        stop = start + size
        if stop > end or not _CJK.fullmatch(text, start, stop) or text.startswith(_run_words().heads, start):
            continue
        if _closes_or_names(text, stop, end):
            bounds = {sum(map(len, words[:k])) for words in [segment(text[start:start + size + 4])] for k in range(len(words) + 1)}
            if size in bounds:
                return stop
    return None


def _names_place(text: str, cell: TableCell) -> bool:
    """Whether a unit cell's first name ends in a place (经开区), not an organ (区规划资源局)."""
    name = text[cell.start:cell.end].split("、")[0]
    return (_unit_end(_BRACKETED.sub("", name), _run_words()) or "") in _run_words().places


def _closes_or_names(text: str, start: int, end: int) -> bool:
    """Whether, after the separators from ``start``, the cells close or a unit's name opens."""
    after = _skip(text, start, end, _SEPARATOR_CHARS)
    return after >= end or _name_end(text, after, end) is not None


def _name_end(text: str, start: int, end: int, first: bool = True) -> int | None:
    """The end of the unit name at ``start`` in a run of names: the shortest that ends like a unit (a bracketed
    remark after it kept) and is followed by the end, a separator, a verb, a person's name closing the run or
    another name; after the run's first name, also one followed by the sentence of a measure it covers."""
    run = _run_words()
    limit = min(end, start + run.max_name)
    if start >= end or text.startswith(run.heads, start) or text.startswith(run.verbs, start):
        return None
    match = _NAME_TEXT.match(text, start, limit)
    if match is None:
        return None
    stops = [stop for stop in range(start + 2, match.end() + 1) if _names_unit(text, start, stop, run)]
    for stop in stops:
        after = _skip(text, stop, end, _SEPARATOR_CHARS)
        if after >= end or after > stop or text.startswith(run.verbs, stop) or _name_start(text, stop, end, run) \
                or _closing_person(text, stop, end):
            return stop
    return stops[0] if stops and not first and _sentence_follows(text, stops[0], end) else None


def _sentence_follows(text: str, start: int, end: int) -> bool:
    """Whether the text from ``start`` is a sentence of the row's next measure (提升改造…(站)。), which the unit
    cells before it cover."""
    stop = next((text.find(mark, start, end) for mark in "。；;" if text.find(mark, start, end) >= 0), -1)
    return stop > start and _skip(text, stop + 1, end, _SEPARATOR_CHARS) >= end or stop > start and "\n" not in text[start:stop]


def _names_unit(text: str, start: int, stop: int, run: _RunWords) -> bool:
    """Whether text[start:stop] ends like a unit's name: three characters at least, a unit suffix or place after at
    least one character (two for a place), brackets closed, not followed by an opening bracket or by the rest of a longer suffix (管委 / 会)."""
    name = text[start:stop]
    if name.count("(") + name.count("（") != name.count(")") + name.count("）") or text[stop:stop + 1] in ("(", "（"):
        return False
    core = _BRACKETED.sub("", name) if name.endswith((")", "）")) else name
    end = _unit_end(core, run)
    if end is None or len(core) < 3 or len(core) - len(end) < (2 if end in run.places else 1):
        return False
    return not _end_runs_past(text, stop, run)


def _unit_end(name: str, run: _RunWords) -> str | None:
    """The longest of the run words' unit ends that ``name`` ends with (one set lookup per length)."""
    ends = run.end_set
    return next((name[-size:] for size in run.end_sizes if size <= len(name) and name[-size:] in ends),
                "" if "" in ends else None)


def _end_runs_past(text: str, stop: int, run: _RunWords) -> bool:
    """Whether a unit end of two characters or more starts ``k`` characters before ``stop`` and runs past it (管委 / 会),
    as ``text.startswith(end, stop - k)`` tells (a start before the text's counts from its end, as in a slice)."""
    ends = run.end_set
    for k in range(1, run.end_sizes[0] if run.end_sizes else 0):
        at = max(0, len(text) + stop - k) if stop - k < 0 else stop - k
        if any(text[at:at + size] in ends for size in run.end_sizes if k < size <= len(text) - at):
            return True
    return False


def _closing_person(text: str, start: int, end: int) -> bool:
    """Whether a person's name of two or three characters closes the run at ``start`` (区发展改革局 / 冯冬昌, the
    leader column last)."""
    return not text.startswith(_run_words().heads, start) and any(
        _CJK.fullmatch(text, start, start + size) and _skip(text, start + size, end, _SEPARATOR_CHARS) >= end
        for size in (3, 2) if start + size <= end)


def _name_start(text: str, start: int, end: int, run: _RunWords) -> bool:
    """Whether a unit's name opens at ``start`` (a short look ahead: one ending like a unit within reach)."""
    if text.startswith(run.heads, start) or text.startswith(run.verbs, start):
        return False
    match = _NAME_TEXT.match(text, start, min(end, start + run.max_name))
    return match is not None and any(_names_unit(text, start, stop, run) for stop in range(start + 2, match.end() + 1))


# --- records written as label | value rows -------------------------------------------------------

def _record_table(lines: list[Line], text: str, first: int) -> Table | None:
    """A record written as label | value rows from line ``first`` (重点工作: | 135.统筹… | then 牵头单位: | … |; a label
    alone on its line, its value on the next: 进展情况…建议: | then 已完成。… |), read as a table row whose columns the
    labels name; a content label met again opens the next record. A record names at least a content and a unit
    column (metadata blocks, 索引号: | … |, name none)."""
    columns: list[Column] = []
    rows: list[TableRow] = []
    last = first
    j = first
    while j < len(lines):
        labelled = _labelled_value(lines, text, j)
        if labelled is None:
            break
        label, kind, value, j_last = labelled
        column = next((k for k, c in enumerate(columns) if c.header == label), None)
        if column is None:
            columns.append(Column(kind, label))
            column = len(columns) - 1
        if not rows or (kind in _words().content and any(c.column == column for c in rows[-1].cells)):
            rows.append(TableRow(value[0], value[1], [], line=j))
        number = _RECORD_NUMBER.match(text, value[0], value[1]) if kind in _words().content else None
        if number is not None:  # the item's number written in its task (135.统筹…): the record's 序号
            rows[-1].cells.append(TableCell(value[0], number.end(), _record_number_column(columns)))
            value = (_skip(text, number.end(), value[1], _BLANKS), value[1])
        if value[1] > value[0]:
            rows[-1].cells.append(TableCell(value[0], value[1], column))
            rows[-1].start, rows[-1].end = min(rows[-1].start, value[0]), max(rows[-1].end, value[1])
        last = j = j_last
        j += 1
    kinds = {c.kind for c in columns}
    if len(columns) < _words().min_cells or not _words().content & kinds or not {"lead", "support", "responsible"} & kinds:
        return None
    return Table(columns, lines[first].start, [r for r in rows if r.cells], first, last)


def _record_number_column(columns: list[Column]) -> int:
    """The 序号 column of a record, added where its first item number is met."""
    number = next((k for k, c in enumerate(columns) if c.kind == "number"), None)
    if number is None:
        columns.append(Column("number", ""))
        number = len(columns) - 1
    return number


def _labelled_value(lines: list[Line], text: str, j: int) -> tuple[str, str, tuple[int, int], int] | None:
    """The label, its column's kind, the value's range and the value's last line of a label | value row at line ``j``."""
    line = lines[j]
    split = None if line.blank else _split(text, line)
    if split is None or split.shape not in ("pipe", "cell"):
        return None
    s, e = split.cells[0]
    label = text[s:e]
    kind = _label_kind(label)
    if kind is None:
        return None
    if split.shape == "pipe":
        filled = [(a, b) for a, b in split.cells[1:] if b > a]
        if not filled:
            return label, kind, (e, e), j
        end, last = _wrapped_value(lines, text, j, filled[-1][1])
        return label, kind, (filled[0][0], end), last
    after = j + 1
    nxt = _split(text, lines[after]) if after < len(lines) and not lines[after].blank else None
    if nxt is None or nxt.shape not in ("cell", "line") or _label_kind(text[slice(*nxt.cells[0])]) is not None:
        return label, kind, (e, e), j
    end, last = _wrapped_value(lines, text, after, nxt.cells[0][1])
    return label, kind, (nxt.cells[0][0], end), last


def _wrapped_value(lines: list[Line], text: str, j: int, end: int) -> tuple[int, int]:
    """The end of a record's value that line ``j`` opens (ending at ``end``) and its last line: a line that does not
    close with a bar was wrapped (PDF text), and the value goes on to the line that does."""
    last = j
    while not lines[last].text.endswith("|") and last + 1 < len(lines) and last - j < MAX_CELL_LINES \
            and not lines[last + 1].blank and _label_kind(lines[last + 1].text.split("|")[0].strip()) is None:
        last += 1
        s, e = _trim(text, lines[last].start, lines[last].end - lines[last].text.endswith("|"))
        end = e if e > s else end
    return end, last


def _label_kind(label: str) -> str | None:
    """The kind of column a record's label names (重点工作:, 牵头单位:), or by the column word it opens with
    (进展情况、存在问题及下一步工作建议:); None for a line that is no label (no colon closing it)."""
    if not label.endswith(_COLONS):
        return None
    kind = column_kind(label)
    if kind is not None:
        return kind
    compact = "".join(label.split()).rstrip(":：")
    return next((_words().kind_of[w] for w in _words().longest_first if compact.startswith(w)), None)


# --- quota tables -------------------------------------------------------------------------------

@dataclass(frozen=True)
class _QuotaWords:
    places: frozenset[str]  # a header naming the places a quota table divides its quota among (街镇, 区)
    quantities: re.Pattern[str]  # a header naming a quota (任务量)
    totals: frozenset[str]  # the row that sums the places' figures (总计)
    title_ends: tuple[str, ...]  # how a title over the header naming a distribution of tasks ends (任务分配表)
    unit_line: re.Pattern[str]  # the line over the header giving the unit of measure (单位：亩): group `unit`
    breakdown_head: re.Pattern[str]  # a header over a breakdown column by year or stage (2024年, 1-2月前)


@lru_cache(maxsize=1)
def _quota_words() -> _QuotaWords:
    data = load_data("tables.yaml")["quota_tables"]
    return _QuotaWords(frozenset(data["places"]), re.compile("|".join(map(re.escape, data["quantities"]))),
                       frozenset(data["totals"]), tuple(data["title_ends"]), re.compile(data["unit_line"]),
                       re.compile(data["breakdown_head"]))


def _quota_table(lines: list[Line], text: str, first: int) -> Table | None:
    """A quota table flattened one cell a line (tables.yaml, quota_tables): an optional 序号, the places' column, the
    headers up to the first row (a place, or the number 1 and a place, before a figure), then a row per place. Its
    header stays in the text of the node the table lies under, where the annotators read its years once; the rows'
    last figures are the quota columns' (_quota_leaves), in the unit the line over the header gives; a numbered row's
    place is responsible for it."""
    words = _quota_words()
    opening = lines[first].text.strip()
    if opening not in words.places and _words().kind_of.get(opening) != "number":
        return None  # most lines: decided by two look-ups
    cells = _quota_cells(lines, text, first)
    written = ["".join(text[c.start:c.end].split()) for c in cells]
    numbered = column_kind(written[0]) == "number"
    place = 1 if numbered else 0
    if len(written) <= place + 1 or written[place] not in words.places or (not numbered and _numbers_above(lines, first)):
        return None
    body = next((k for k in range(place + 2, len(written) - 1 - place) if _opens_quota_body(written, k, numbered)), None)
    if body is None:
        return None
    header = written[place + 1:body]
    leaves = _quota_leaves(header) or (_after_stock(header) if _titled_quota(lines, first) else [])
    quotas = len(leaves)
    groups = _quota_rows(written[body:], numbered) if quotas else []
    if not groups:
        return None
    above, unit = _unit_line(lines, first)
    widest = max(len(_figures(g, written[body:], numbered)[1]) for g in groups)
    if quotas > widest:
        return None  # more quota headers than figures a row has: a header of more rows than _quota_leaves reads
    stock = widest - quotas
    columns = ([Column("number", written[0])] if numbered else []) + [Column("task", written[place])] \
        + [Column("progress", "") for _ in range(stock)] + [Column("measure", leaf, unit) for leaf in leaves]
    responsible = len(columns)
    columns.append(Column("responsible", written[place]))
    table = Table(columns, cells[body].start, [], above if above is not None else first, first,
                  quota=True)
    for group in groups:
        table.rows.append(_quota_row([cells[body + k] for k in group], written[body:], group, numbered, len(columns) - 1,
                                     quotas, responsible))
    table.last = cells[body + groups[-1][-1]].line
    return table


def _after_stock(header: list[str]) -> list[str]:
    """The headers of a titled quota table's quota columns where none names a quota: those after the last naming what
    a place has now or did (现状值, 基期值, 完成值: tables.yaml progress words, no targets), else all."""
    stock = [k for k, h in enumerate(header) if column_kind(h) == "progress"]
    return header[stock[-1] + 1:] if stock else header


def _under_label(lines: list[Line], first: int) -> bool:
    """Whether a header stands right under an attachment's label, its title aside (附件2 / …负面清单 / 序号 …): the table is
    the attachment's list, its 序号 rows the attachment's items whatever its columns name (废物名称, 处置类型: c691)."""
    above = [line.text for line in reversed(lines[:first]) if not line.blank][:2]
    return any(numbering().attachment.match(text) for text in above)


def _titled_quota(lines: list[Line], first: int) -> bool:
    """Whether the title over a quota table's header (within two lines, a unit line aside) names a distribution of tasks
    (tables.yaml quota_tables.title_ends: 各区“十四五”交通光伏任务分配表)."""
    words = _quota_words()
    seen = 0
    for j in range(first - 1, -1, -1):
        text = "".join(lines[j].text.split())
        if not text or words.unit_line.match(lines[j].text.strip()):
            continue
        if text.endswith(words.title_ends):
            return True
        seen += 1
        if seen == 2:
            return False
    return False


def _quota_cells(lines: list[Line], text: str, first: int) -> list[_StreamCell]:
    """A quota table's cells from line ``first`` on, up to an attachment or a date line: where a blank line follows the
    first (a page that parts its cells by blank lines), the lines between two blank ones are one cell (产业类 /
    存量违法用地, 2024年 / 30%); else each line is one."""
    parted = first + 1 < len(lines) and lines[first + 1].blank
    cells: list[_StreamCell] = []
    for j, line in _filled_lines(lines, first):
        if parted and cells and not lines[j - 1].blank and j - cells[-1].line < MAX_CELL_LINES:
            cells[-1] = _StreamCell(cells[-1].start, line.end, cells[-1].line)
        else:
            cells.append(_StreamCell(line.start, line.end, j))
    return cells


def _numbers_above(lines: list[Line], first: int) -> bool:
    """Whether the line above a quota table's places header is its 序号 header (the table was tried from there)."""
    above = next((lines[j] for j in range(first - 1, -1, -1) if not lines[j].blank), None)
    return above is not None and column_kind("".join(above.text.split())) == "number"


def _opens_quota_body(written: list[str], k: int, numbered: bool) -> bool:
    """Whether a quota table's first row starts at cell ``k``: a place before a figure, after the number 1 where the
    table numbers its rows."""
    if numbered and (row_number(written[k]) or ("", 0, ""))[1] != 1:
        return False
    place = k + 1 if numbered else k
    return not _quota_figure(written[place]) and bool(_AMOUNT_OR_RANGE.match(written[place + 1]))


def _quota_leaves(header: list[str]) -> list[str]:
    """The headers of a quota table's last columns, those that hold quotas: from the first header naming a quota, those
    of the first header row but the one over a breakdown by year or stage (2024-2026年任务量 | 纳入…重点整治 |
    分年度任务量), then the breakdown (2024年 / 2025年 / 2026年), then quota headers after it (其中CD类整治任务量).
    Between them lie the sub-headers of the columns before (件数 / 面积 under 分布情况), after them a row of units
    (图斑面积): none. None where no header names a quota."""
    words = _quota_words()
    quantities = words.quantities
    first = next((k for k, h in enumerate(header) if quantities.search(h)), None)
    if first is None:
        return []
    times = [k for k in range(first, len(header))
             if words.breakdown_head.match(header[k]) and not quantities.search(header[k])]
    if not times:
        return header[first:]
    start = end = times[0]
    while end + 1 in times:
        end += 1
    over = next((k for k in range(start - 1, first - 1, -1) if quantities.search(header[k])), start)
    return header[first:over] + header[start:end + 1] + [h for h in header[end + 1:] if quantities.search(h)]


def _quota_figure(cell: str) -> bool:
    """Whether a quota table's cell holds a figure or says it has none (—, /): a value, not a place or a text."""
    return bool(_AMOUNT_OR_RANGE.match(cell)) or says_empty(cell)


def _quota_rows(written: list[str], numbered: bool) -> list[list[int]]:
    """The cells (indices into ``written``) of each row of a quota table's body, up to a remark (备注：1.…) or a line of
    text: a row opens at the next number of the 序号 column before a place (a numbered table: a text cell
    after a figure is a merged one, 完成制定方案、计划和动员部署等。), at a place after a figure (a table without 序号;
    a place the table splits, 奉城镇 / 老奉城, leads its row), at a total (总计)."""
    totals = _quota_words().totals
    rows: list[list[int]] = []
    expected = 1
    for k, cell in enumerate(written):
        if not _quota_figure(cell) and (len(cell) > _LONG_CELL or heading_at(cell, 0) is not None or _LABELLED.search(cell)):
            break  # a figure (0.3-0.4) is none of these, though it opens as a decimal heading would
        following = written[k + 1] if k + 1 < len(written) else ""
        if numbered:
            number = row_number(cell)
            opens = cell in totals or (number is not None and number[1] == expected and not _quota_figure(following)
                                       and following not in totals)  # a last count equal to the next number, before 合计
            expected += 1 if opens and number is not None else 0
        else:
            opens = not _quota_figure(cell) and (not rows or _quota_figure(written[rows[-1][-1]]))
        if opens:
            rows.append([k])
        elif rows:
            rows[-1].append(k)
    return [row for row in rows if any(_AMOUNT_OR_RANGE.match(written[k]) for k in row)]


def _figures(group: list[int], written: list[str], numbered: bool) -> tuple[list[int], list[int]]:
    """A quota row's place cells (after its number: 奉城镇 / 老奉城, 总计) and its value cells."""
    lead = 1 if numbered and row_number(written[group[0]]) is not None else 0
    place = lead
    while place < len(group) and not _quota_figure(written[group[place]]):
        place += 1
    return group[lead:place], group[place:]


def _quota_row(cells: list[_StreamCell], written: list[str], group: list[int], numbered: bool, width: int, quotas: int,
               responsible: int) -> TableRow:
    """A quota table's row: its number, its place (the task cell), its stock figures from the left, its quota figures
    from the right; a numbered row carries its place as the unit responsible for it."""
    at = {k: cell for k, cell in zip(group, cells)}
    places, values = _figures(group, written, numbered)
    row_cells: list[TableCell] = []
    if numbered and row_number(written[group[0]]) is not None:
        row_cells.append(TableCell(cells[0].start, cells[0].end, 0))
    column = 1 if numbered else 0
    place = TableCell(at[places[0]].start, at[places[-1]].end, column) if places else None
    if place is not None:
        row_cells.append(place)
    for j, k in enumerate(values):
        from_right = len(values) - j
        index = width - from_right if from_right <= quotas else column + 1 + j
        row_cells.append(TableCell(at[k].start, at[k].end, index))
    row = TableRow(cells[0].start, cells[-1].end, row_cells, line=cells[0].line)
    if place is not None and row_cells[0].column == 0 and numbered:
        row.carried.append(TableCell(place.start, place.end, responsible))
    return row


def _unit_line(lines: list[Line], first: int) -> tuple[int | None, str]:
    """The line over a quota table's header that gives its unit of measure (单位：亩, 面积单位：亩, at the end of a
    制表日期 line), within two lines, and the unit; (None, "") where there is none."""
    pattern = _quota_words().unit_line
    seen = 0
    for j in range(first - 1, -1, -1):
        if lines[j].blank:
            continue
        match = pattern.match(lines[j].text.strip())
        if match is not None and names_measure_unit(match["unit"]):
            return j, match["unit"]
        seen += 1
        if seen == 2:
            break
    return None, ""
