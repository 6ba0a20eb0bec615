"""What a task table's columns allow annotators to find in a row (the pipeline applies it).

A row of a 任务分解表 reaches the annotators as one NodeText whose ``cells`` say which part of the
text is which column (govplan.spec.found.Cell). Whatever the annotators make of the cells, the
pipeline holds every row to its columns:

- deadlines only from task, measure, schedule and time cells; targets only from task, measure
  and schedule cells: a 进展情况 cell reports what was done, a 分值 cell scores, a 序号 cell
  numbers, a unit cell names units, a 备注 cell remarks (the annotators apply the same rules where
  they read the cells; these hold for the kinds they do not know: schedule, score, other);
- a unit column gives the units listed in it with the column's role: the units annotator reads
  the row's own cells (NodeText.cells); a merged unit cell that covers several rows but reached
  govplan once (a table flattened into text) is read here for every other row it covers (split at
  、，；/ and blanks outside brackets; a name letter-spaced in a narrow cell, 市 城 市 管 理 局, kept
  whole), where that row's annotator found no unit with the role (a merged time cell's deadlines
  are recorded once, on the row that holds the cell: a deadline is one span of the source);
- items found inside a row's child tasks (the ①②③ of its 进度安排 cell) belong to the children;
- a bare figure filling a task or measure cell beside its indicator (0.07 under 年度目标) is a target in the unit of
  measure the row's 单位 / 计量单位 cell gives (万亩: 700 亩), else the one the indicator's name brackets
  (农业增加值(亿元)), else the one its column's header brackets (新种任务(亩)), else none where the column's header
  names targets (a table that writes no unit still sets the figure: 全社会固定资产投资额 | 186 under 目标任务,
  docs/gold-format.md; a figure under a 序号, a count or an unnamed column needs a unit), unless it is 0 (no quota
  assigned).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from govplan.annotate.base import NodeText
from govplan.spec.found import Cell
from govplan.spec.model import Evidence, Span, Target, UnitRef
from govplan.structure.lines import split_outside_brackets
from govplan.structure.tables import bracketed_unit, letter_spaced, names_measure_unit, says_empty

if TYPE_CHECKING:
    from govplan.registry import Registry

# Columns whose text no document-level cue (a report's mood) should read.
QUIET_COLUMNS = ("progress", "score", "other")
UNIT_ROLES = {"lead": "lead", "support": "support", "responsible": "responsible", "leader": "leader"}
_ALLOWED = {
    "deadlines": frozenset({"task", "measure", "schedule", "time"}),
    "targets": frozenset({"task", "measure", "schedule"}),
    "units": frozenset({"task", "measure", "schedule", "note", *UNIT_ROLES}),
}
_SEPARATORS = "、，,；;/／ \t\n"
_LABEL = re.compile(r"^[\u4e00-\u9fff]{0,6}[:：]")
_ROLE_REMARK = re.compile(r"[(（](?:牵头|配合|负责|主责|协助|协办|责任单位|牵头单位|配合单位)[)）]$")
_TRAILERS = ("等单位", "等部门", "等")
# a figure alone in its cell, a comparator sign glued to it, or a range of two (0.3-0.4 under 新增装机容量（MW）: c624)
_BARE_FIGURE = re.compile(r"^(?P<cmp>[≥≤＞＜><]?)(?P<value>\d+(?:\.\d+)?)(?:[-—－~～](?P<max>\d+(?:\.\d+)?))?$")
_COMPARATORS = {"": "=", "≥": ">=", "≤": "<=", ">": ">", "＞": ">", "<": "<", "＜": "<"}
_MULTIPLIERS = {"万": 1e4, "亿": 1e8, "千": 1e3, "百": 1e2}
_PERCENT = frozenset({"%", "％"})


def column_allows(nt: NodeText, item: Evidence, field: str = "deadlines") -> bool:
    """Whether a row's columns let ``item`` (normalised span) stand where it was found."""
    if not nt.cells:
        return True
    start = item.span.start
    if _in_children(nt, start):
        return False
    cell = next((c for c in nt.cells if c.start <= start < c.end), None)
    return cell is None or cell.column in _ALLOWED[field]


def in_base_year(nt: NodeText, start: int, own_year: int | None) -> bool:
    """Whether normalised offset ``start`` lies in a cell whose column a year alone heads (2022年) before the year the
    document speaks from (an indicator table of 2025: 2022年 | 2025年 | 2027年): the base values targets start from, as
    基期值, no targets."""
    year = next((c.year for c in nt.cells if c.start <= start < c.end), None)
    return own_year is not None and year is not None and year < own_year


def _in_children(nt: NodeText, start: int) -> bool:
    for child in nt.node.children:
        found = child._found
        if found is not None and found.norm_start <= start < found.norm_start + len(child.text):
            return True
    return False


def table_units(nt: NodeText, text: str, registry: Registry) -> None:
    """Units of a row by its columns (see the module docstring); ``text`` is the normalised document."""
    node = nt.node
    node.units = [u for u in node.units if column_allows(nt, u, "units") and not says_empty(u.text)]  # — under 配合部门
    carried = node._found.carried if node._found is not None else ()
    if any(c.column in UNIT_ROLES for c in (*nt.cells, *carried)):
        # where the table names units in their own columns, a task cell that reads like a unit
        # (推行一网通办 ends like 办) is not one
        whole = {(c.start, c.end) for c in nt.cells if c.column in ("task", "measure", "schedule", "note")}
        node.units = [u for u in node.units if (u.span.start, u.span.end) not in whole]
    for cell in carried:  # the cells of the row itself are the units annotator's (it reads nt.cells)
        role = UNIT_ROLES.get(cell.column)
        if role is None:
            continue
        inside = [u for u in node.units if cell.start <= u.span.start < cell.end]
        if any(u.role == role for u in inside):
            continue
        node.units = [u for u in node.units if u not in inside] + cell_units(text, cell, role, registry)


def measured_targets(nt: NodeText, found: list[Target]) -> list[Target]:
    """The targets of an indicator row: a bare figure alone in a task or measure cell, beside the
    indicator it measures in another (农业增加值(亿元) | 163; 全社会固定资产投资额 | 3 | 186), read in the
    unit of measure of the row's measure_unit cell, else the indicator's bracket, else the bracket of
    the figure's column header (新种任务(亩) | 2150; 万 and 亿 expanded), else without a unit where the table
    states none and the figure's column names targets (c413's 目标任务, c410's 目标值), with the comparator a
    sign glued to it or alone in the cell before it writes (绩效目标表 指标性质 ≥ | 95 | %); a cell where the targets annotator found a target already, and a figure of
    0, give none."""
    units = [nt.text[c.start - nt.start:c.end - nt.start].strip() for c in nt.cells if c.column == "measure_unit"]
    unit = "".join(units[0].split()) if units else ""
    if says_empty(unit):
        return []
    content = [(c, _cell_text(nt, c)) for c in nt.cells if c.column in ("task", "measure")]
    named = [text for _, text in content if not _BARE_FIGURE.match(text)]
    if not named:
        return []  # no indicator in the row: a figure alone says not what it counts
    unit = unit or next((u for u in map(bracketed_unit, named) if u), "")
    # no unit at all only where the row writes none: a % or 个 left in another column (a row whose cells the copy
    # shifted) says the figure's unit was lost, not that the table has none
    unitless = not unit and not any(names_measure_unit(_cell_text(nt, c)) for c in nt.cells)
    targets = []
    for cell, text in content:
        figure = _BARE_FIGURE.match(text)
        if figure is None or float(figure["value"]) == 0 or any(cell.start <= t.span.start < cell.end for t in found):
            continue
        name = unit or cell.unit
        if not name and not (unitless and cell.targets):
            continue  # without a unit only in a column whose header names targets (目标任务), not a 序号 or a count
        at = cell.start + nt.text[cell.start - nt.start:cell.end - nt.start].index(figure.group())
        sign = figure["cmp"] or _sign_before(nt, cell)
        value, most = float(figure["value"]), float(figure["max"]) if figure["max"] else None
        if len(name) > 1 and name[0] in _MULTIPLIERS:
            scale, name = _MULTIPLIERS[name[0]], name[1:]
            value, most = value * scale, most * scale if most is not None else None
        targets.append(Target(text=figure.group(), span=Span(start=at, end=at + len(figure.group())),
                              value=round(value, 6), value_max=round(most, 6) if most is not None else None,
                              unit=name or None, comparator=_COMPARATORS[sign],  # type: ignore[arg-type]
                              percent=name in _PERCENT))
    return targets


def _cell_text(nt: NodeText, cell: Cell) -> str:
    return nt.text[cell.start - nt.start:cell.end - nt.start].strip()


def _sign_before(nt: NodeText, figure: Cell) -> str:
    """A comparator sign alone in the row's cell right before ``figure`` (≥ | 95), or ""."""
    before = [c for c in nt.cells if c.end <= figure.start]
    if not before:
        return ""
    cell = max(before, key=lambda c: c.end)
    sign = nt.text[cell.start - nt.start:cell.end - nt.start].strip()
    return sign if sign in _COMPARATORS else ""


def cell_units(text: str, cell: Cell, role: str, registry: Registry) -> list[UnitRef]:
    """One UnitRef per unit listed in a unit cell (normalised spans), with the column's role."""
    refs = []
    for start, end in _items(text, cell.start, cell.end):
        name = "".join(text[start:end].split())  # a letter-spaced name without its blanks
        refs.append(UnitRef(text=name, span=Span(start=start, end=end), name=name,
                            canonical=registry.lookup(name), role=role))  # type: ignore[arg-type]
    return refs


def _items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Ranges of the items of a list cell, split outside brackets (a name letter-spaced over single blanks kept
    whole), trimmed of labels and trailers."""
    ranges = (_trim(text, s, e) for s, e in letter_spaced(text, split_outside_brackets(text, start, end, _SEPARATORS)))
    return [r for r in ranges if r is not None]


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    label = _LABEL.match(text, start, end)
    if label:
        start = label.end()
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    remark = _ROLE_REMARK.search(text, start, end)
    if remark:
        end = remark.start()
    for trailer in _TRAILERS:
        if text.endswith(trailer, start, end) and end - len(trailer) > start:
            end -= len(trailer)
            break
    if end <= start or says_empty(text[start:end]):
        return None
    return start, end
