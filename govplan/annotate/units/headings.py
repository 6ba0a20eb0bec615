"""Role labels that head a section of an activity plan or an event notice, with the section's units in its body
(issue 13, units47): 二、主办单位 then 高楼镇人民政府 on the next line; 一、主办单位 莆田市人民政府 on the heading's own
line after a blank; 三、主办、承办单位 whose body holds label lines (主办单位:) each with its units on the lines after it,
one name a line. The label's role word gives the role (label_role_words: 主办 lead, 承办 responsible, 协办 support), on the
node whose text states it; a label naming an event's entrants (参加单位) gives none (docs/gold-format.md). Labelled fields
run together on one line with names apart by blanks (a page that lost its line breaks) are read field by field. Two kinds
of heading lead nothing: a group listing the units it groups ((一)青少年组:…), and a name over items that state their own
units in charge (六、市文博馆, a building the work puts up)."""

from __future__ import annotations

import re
from typing import Iterator

from govplan.annotate.base import NodeText
from govplan.annotate.prefixes import first_word_at
from govplan.annotate.units.actors import Spans, inside
from govplan.annotate.units.names import breaks_within, is_vague, looks_like_unit, split_items
from govplan.annotate.units.rules import COLONS, Rules
from govplan.annotate.units.statements import Listed, Statement, label_role, parse
from govplan.lexical.segment import words
from govplan.registry import Registry

__all__ = ["grouping_heading", "heading_line_unit", "label_heading_units", "label_runs"]

_LINE = re.compile(r"[^\n]+")


def label_heading_units(
    nt: NodeText, registry: Registry, r: Rules, skip: Spans, top: bool, runs: list[Statement],
) -> list[Statement]:
    """The statements of a node headed by a role label or holding label lines whose units follow on the next lines: the
    heading's list on its own line after a blank (一、主办单位 莆田市人民政府), or, for a ``top`` node (a section of the plan,
    not a sub-item whose label states its parent's units), on the lines after the heading (二、主办单位 | 二、主办单位：), one
    name or list a line; in the body, a label line ending in a colon (主办单位:) with its names on the lines after it, up to
    the next label or prose; and a line running several labelled fields together, their names apart by blanks (a page
    that lost its line breaks: 主办单位:A B 协办单位:C 承办单位:D E), read before (``runs``, label_runs)."""
    found: list[Statement] = list(runs)
    heading = _heading_label(nt, r)
    if heading is not None:
        label_start, label_end, role = heading
        line_end = _line_end(nt.text, label_end)
        same_line = nt.text[label_end:line_end].strip(" \t\u3000")
        read = role or "support"  # an entrants' list is read to know where it ends, then kept without a role
        if same_line and same_line[0] not in COLONS:
            listed = _listed_lines(nt.text, label_end, line_end, read, registry, r, skip)
        elif same_line[1:].strip(" \t\u3000"):  # 一、主办单位：A, then B on a line of its own
            listed = _listed_lines(nt.text, nt.text.index(same_line[0], label_end) + 1, line_end, read, registry, r, skip)
            more = _listed_lines(nt.text, line_end, len(nt.text), read, registry, r, skip) if listed and top else []
            listed = [*listed, *more] if more or role is None else []  # the line alone is a label statement, read as such
        else:
            listed = _listed_lines(nt.text, line_end, len(nt.text), read, registry, r, skip, label_start) if top else []
        if role is None and listed:  # 二、参加单位 | A、B: the entrants, no role, and no other reading of them either
            listed = [Statement(label_start, listed[-1].end, parsed=1)]
        found += listed
    for start, end, role in _label_lines(nt.text, r):
        if role is not None and not inside(start, skip) and not _read(found, start) and not _read(runs, start):
            found += _listed_lines(nt.text, end, len(nt.text), role, registry, r, skip, start)
    return found


def _read(found: list[Statement], pos: int) -> bool:
    """Whether a statement already read covers ``pos``."""
    return any(s.start <= pos < s.end for s in found)


def label_runs(text: str, registry: Registry, r: Rules) -> list[Statement]:
    """Labelled fields run together on one line, two or more, each opening the line or after a blank, one at least with
    names apart by blanks (三、组织机构 主办单位:中共乐清市委宣传部 乐清市文化广电新闻出版局 协办单位:…; 主办:成都市文化局
    协办:锦江区文化局 金牛区文化局 …): one statement per field, running to the next label, each blank-separated piece
    read as a list in the label's role. Fields a bracket holds apart by clause breaks ((牵头单位：A;配合单位：B)) are the
    clauses of one statement, read as such."""
    found: list[Statement] = []
    blanks = r.words["field_name_separators"]
    for line in _LINE.finditer(text):
        labels = [m for m in r.inline_label.finditer(text, line.start(), line.end())
                  if m.start() == line.start() or text[m.start() - 1] in blanks]
        if len(labels) < 2:
            continue
        ends = [n.start() for n in labels[1:]] + [_field_end(text, labels[-1].end(), line.end(), r)]
        fields = [(m, split_items(text, m.end(), end, blanks)) for m, end in zip(labels, ends)]
        if all(len(pieces) < 2 for _, pieces in fields):
            continue  # no names apart by blanks: not a run of fields
        for (label, pieces), end in zip(fields, ends):
            role = _role(label.groupdict(), r)
            units = _field_units(text, pieces, role, registry, r) if role else []
            if units and any(_names_unit(text, u, registry, r) for u in units):
                found.append(Statement(label.start(), end, units=units, parsed=1))
    return found


def _field_units(text: str, pieces: list[tuple[int, int]], role: str, registry: Registry, r: Rules) -> list[Listed]:
    """The units of a run's field: its first piece, then each piece after it while every name in it has a unit's shape; the
    first that does not ends the field (a flattened table's cells after the last label: 鄞州 海曙 合计 2 5 1, 实际完成情况:…)."""
    units: list[Listed] = []
    for k, (s, e) in enumerate(pieces):
        piece = _piece_units(text, s, e, role, registry, r)
        if k and not (piece and all(_names_unit(text, u, registry, r) for u in piece)):
            break
        units += piece
    return units


def _field_end(text: str, start: int, line_end: int, r: Rules) -> int:
    """Where the last field of a run ends: its sentence's end, or the line's."""
    ends = [i for i in (text.find(ch, start, line_end) for ch in r.words["field_ends"]) if i >= 0]
    return min(ends, default=line_end)


def _piece_units(text: str, start: int, end: int, role: str, registry: Registry, r: Rules) -> list[Listed]:
    """The units of one line or blank-separated piece of a field: a name or a list of names, each read as a name."""
    statement = parse(text, start, end, registry, r, role=role)
    if statement.unparsed or not all(_listed_name(text, u, registry, r) for u in statement.units):
        return []
    return statement.units


def _listed_name(text: str, unit: Listed, registry: Registry, r: Rules) -> bool:
    """Whether a listed item reads as a name: a plain item, with the shape of a unit's name (…教学指导委员会) or no word
    that cannot stand in one (新浪网浙江教育, but not 由各村负责组织)."""
    name = text[unit.start:unit.end]
    return _plain_item(name, r) and (_names_unit(text, unit, registry, r) or not breaks_within(words(name), r))


def grouping_heading(nt: NodeText, registry: Registry, r: Rules) -> bool:
    """Whether the node's heading names a group of the units its colon lists and nothing else ((一)青少年组:各县(区)人民政府
    (管委会); (二)行业系统组:党群系统、…、莆田学院): a class of entrants or members, no unit given duties, so that the heading
    is not read as a unit leading its section (c921)."""
    title, at = nt.title_at()
    colon = at + len(title) if at >= 0 else -1
    if colon < 0 or nt.text[colon:colon + 1] not in COLONS:
        return False
    items = split_items(nt.text, colon + 1, _line_end(nt.text, colon), r.words["group_list_separators"])
    names = [nt.text[s:e] for s, e in items]
    return bool(names) and all(_plain_item(name, r) for name in names) and any(
        looks_like_unit(name, registry, r, collective=True) for name in names)


def _plain_item(name: str, r: Rules) -> bool:
    """Whether a list item can be a name: short, with no sentence mark, not opening with a role verb (负责…, 配合…)."""
    return (0 < len(name) <= int(r.words["max_name_chars"]) and not any(ch in r.words["clause_breaks"] for ch in name)
            and first_word_at(name, 0, r.verbs_longest_first) is None)


def _heading_label(nt: NodeText, r: Rules) -> tuple[int, int, str | None] | None:
    """Where the role label the node's title opens with starts and ends, and its role (None for a label naming entrants,
    三、参加单位), when the title is that label: alone, before a colon, or before its list after a blank."""
    _, at = nt.title_at()
    match = r.label.match(nt.text, at) if at >= 0 else None
    if match is None or match.group("word") is None:
        return None
    rest = nt.text[match.end():_line_end(nt.text, match.end())].strip(" \t\u3000。.")
    if rest and rest[0] not in COLONS and not nt.text[match.end()].isspace():
        return None  # 承办单位为… is a copula's list, 主办单位要… a sentence
    return match.start(), match.end(), _role(match.groupdict(), r)


def _role(groups: dict[str, str | None], r: Rules) -> str | None:
    """The role a heading label gives its units, or None where it names who enters the event (参加单位)."""
    return None if groups.get("word") in r.words["entrant_label_words"] else label_role(groups, r)


def _label_lines(text: str, r: Rules) -> Iterator[tuple[int, int, str | None]]:
    """Label lines with nothing after their colon (主办单位:, 牵头部门：), each with where it starts and ends and its role."""
    for line in _LINE.finditer(text):
        stripped = line.group().strip(" \t\u3000")
        if len(stripped) < 2 or stripped[-1] not in COLONS:
            continue
        start = line.start() + line.group().index(stripped)
        match = r.label.fullmatch(text, start, start + len(stripped) - 1)
        if match is not None and match.group("word") is not None:
            yield start, line.end(), _role(match.groupdict(), r)


def _listed_lines(
    text: str, start: int, end: int, role: str, registry: Registry, r: Rules, skip: Spans, label_start: int | None = None,
) -> list[Statement]:
    """The units on the lines from ``start``: each line a name or a list of names in ``role``, up to the first line that
    is not (prose, another label, a field such as 时间:…); one statement per line. Under a label every plain item counts,
    as in any labelled list (钱江晚报, 浙江省中小学生思维能力训练活动组委会)."""
    found: list[Statement] = []
    for line in _LINE.finditer(text, start, end):
        s, e = line.start(), line.end()
        if not line.group().strip(" \t\u3000"):
            continue
        if inside(s, skip) or any(colon in line.group() for colon in COLONS):
            break
        units = _piece_units(text, s, e, role, registry, r)
        if not units:
            break
        found.append(Statement(s if found or label_start is None else label_start, e, units=units, parsed=1))
    return found


def _names_unit(text: str, unit: Listed, registry: Registry, r: Rules) -> bool:
    """Whether a listed item has the shape of a unit's name, past the marks a copy puts for a blanked place (**县文联)."""
    shown = "".join(ch for ch in text[unit.start:unit.end] if ch not in r.words["blanked_name_marks"])
    return looks_like_unit(shown, registry, r, collective=True)


def _line_end(text: str, pos: int) -> int:
    """Where the line running at ``pos`` ends."""
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def heading_line_unit(nt: NodeText, registry: Registry, r: Rules, issuer: str | None = None) -> Listed | None:
    """A unit named alone on the last line of a node's text, maybe over a lead-in that ends in a colon (凤台县政府 over
    1.地区生产总值…; 宣传部 over 1、对整个创建活动…; 太平店镇 / 区委、区政府对镇(街)考核指标: over 1、…): an unnumbered heading
    of the list that opens after it, which it leads as a unit heading its items does (docs/gold-format.md units35a; fresh
    c1038, c1044, c1047). Not the node's first line (its own title), not a reference or a bare head (部门 over a table's
    rows), not the last of a list run over lines (区编办、/区卫生局、/区财政局), not the issuer signing the notice (…特此通知 /
    长兴镇人民政府 over the attached plan's 一、), and not a line of a table."""
    if nt.cells:
        return None
    lines = list(_LINE.finditer(nt.text))
    if len(lines) > 2 and lines[-1].group().rstrip().endswith(tuple(COLONS)):
        lines = lines[:-1]  # 区委、区政府对镇(街)考核指标: a lead-in to the list
    if len(lines) < 2:
        return None
    line = lines[-1]
    name = line.group().strip()
    if (len(name) > int(r.words["max_name_chars"]) or name in r.words["shared_heads"] or is_vague(name, r)
            or lines[-2].group().rstrip().endswith(tuple(r.words["list_separators"]))
            or (issuer and (issuer.endswith(name) or name.endswith(issuer)))
            or not looks_like_unit(name, registry, r, collective=True)):
        return None
    start = line.start() + line.group().index(name)
    return Listed(start, start + len(name), "lead", True, (start, start + len(name)))
