"""Role statements parsed as a small grammar over clauses, not as a name search with a role attached.

    statement := clause (（，|；） clause)*
    clause    := label ：list [verb]            牵头单位：市教育局 / 责任单位：A牵头
               | [opener] list [joint list] verb   A、B牵头 / 由A牵头 / A会同B负责 / 以A为主
               | list                          (a further list under the label before: A、B，C)
               | convention | scope remark     排在第一位的部门为牵头部门 / 下同 / 除标注外

Each list is split at its top-level separators only (names.list_items). Labels, verbs, openers,
conventions and their roles are data (govplan/data/units.yaml). A label list holds every item as
written; a verb list holds units only (vague references such as 有关部门 are recognised, not kept).
Beside a lead, 按职责分工负责 names units that support. A role the statement leaves open (负责,
责任单位) stays ``responsible`` until a convention of the notice (conventions.py) decides it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from govplan.annotate.prefixes import first_word_at
from govplan.annotate.units.names import (
    balanced, compact, is_vague, list_items, looks_like_unit, split_conjunctions, split_items, unit_prefix_end,
)
from govplan.annotate.units.rules import CLOSE, COLONS, OPEN, Rules, by_duties, ending_verb, idiom_runs, verb_role_of
from govplan.lexical.segment import words
from govplan.registry import Registry
from govplan.structure.layout import label_start

_CLAUSE_BREAKS = "，,；;。"
_COLON = re.compile(f"[{COLONS}]")
_FIELD = re.compile(r"[:：\d]")  # a colon or a digit: another field (完成时限：2022年底), not more units

@dataclass
class Listed:
    """A unit named in a role statement (node-local offsets), its role, and its place in its list."""

    start: int
    end: int
    role: str
    first: bool  # first item of its list (a role by list position picks it)
    clause: tuple[int, int]  # the clause it came from
    label: str = ""  # the label it is listed under (主要责任单位), whose role the notice may state (conventions.py)
    marked: bool = False  # written with a mark (☆经信局, 区财政局*) a convention by mark may pick


@dataclass
class Convention:
    """A role by list position (排在第一位的为牵头单位): the first unit's role and the others'."""

    first_role: str
    rest_role: str
    onward: bool  # 下同: from its statement to the end of the document
    by_mark: bool = False  # 标☆的为牵头单位: the marked units take first_role, not the first one


@dataclass
class Statement:
    """The units and conventions of one statement (a bracket, a line, a labelled list)."""

    start: int
    end: int
    units: list[Listed] = field(default_factory=list)
    conventions: list[Convention] = field(default_factory=list)
    standing: list[Listed] = field(default_factory=list)  # units for every later task (以下均需X配合，不再单独列出)
    parsed: int = 0  # clauses read as role statements
    unparsed: int = 0  # clauses that are none


def label_role(match_groups: dict[str, str | None], rules: Rules) -> str:
    """The role a label gives: its role word's, leader when its head names a person."""
    word, head, label = match_groups.get("word"), match_groups.get("head"), match_groups.get("label") or ""
    if word is None:
        return rules.label_role[label]
    if head in rules.words["leader_heads"]:
        return "leader"
    return rules.label_role[word]


def parse(
    text: str, start: int, end: int, registry: Registry, rules: Rules, role: str | None = None, prose: bool = False,
    tolerant: bool = False,
) -> Statement:
    """The statement in ``text[start:end]``; ``role`` is a label's role already read before it (a
    labelled sub-heading), ``prose`` says that prose may follow a labelled list (cut items at their unit),
    ``tolerant`` that a verb list may hold names the rules do not know (a bracket: 县总工会、某某协会配合), passed over."""
    statement = Statement(start, end, conventions=_bracketed_conventions(text, start, end, registry, rules),
                          standing=_bracketed_standing(text, start, end, registry, rules))
    labelled: str | None = role  # the role of the label the clauses are under, if any
    label = ""  # that label's words, when read here
    lists: list[tuple[list[Listed], str]] = []  # each list with the verb that ends it ("" for none)
    waiting: list[Listed] = []  # units of clauses that name units only, waiting for the verb after them
    for c_start, c_end in _clauses(text, start, end, rules):
        clause = (c_start, c_end)
        if c_start > start and text[c_start - 1] in rules.words["label_list_ends"]:
            labelled = None  # (配合部门:A、B。相关乡镇政府为责任主体): a sentence end closes the label's list
        if _scope_clause(text, c_start, c_end, statement, rules):
            statement.parsed += 1
            continue
        standing = rules.standing.match(text, c_start)
        if standing is not None:  # 以下均需各市人民政府配合: the units of the tasks after this one, not of this one
            listed = _verb_list(text, standing.end(), c_end, clause, registry, rules)
            statement.standing += listed[0] if listed is not None else []
            statement.parsed += listed is not None
            statement.unparsed += listed is None
            labelled = None  # the standing statement closes the label's list: 不再逐(一列出), cut by the page, is no item
            continue
        found = rules.inline_label.match(text, c_start) or _worded_label(text, c_start, c_end, rules)
        listed: tuple[list[Listed], str] | None = None
        after = c_start if found is None else found.end()
        field = rules.field_label.search(text, after, c_end) if _holds_colon(text, after, c_end) else None
        list_end = c_end if field is None else field.start()
        if found is not None and found.end() < list_end:
            labelled, label = label_role(found.groupdict(), rules), found.group("label")
            listed = _label_list(text, found.end(), list_end, labelled, clause, registry, rules, prose, label=label)
        elif found is None:
            listed = _verb_list(text, c_start, c_end, clause, registry, rules, tolerant)
            if listed is None and labelled is not None and c_start < list_end:
                listed = _label_list(
                    text, c_start, list_end, labelled, clause, registry, rules, prose, continued=bool(lists), label=label
                )
            elif listed is None and (units := _units(text, c_start, c_end, "", clause, registry, rules, True, True)):
                waiting += units
                continue
        if field is not None:
            labelled = None  # another field's label (任务目标:) ends the list: what follows is that field's, not units
        if listed is None:
            statement.unparsed += 1
            continue
        statement.parsed += 1 + bool(waiting)
        lists.append(_continued(waiting, listed, rules) if waiting else listed)
        waiting = []
    if waiting and statement.conventions:
        lists.append((_open_list(waiting), ""))  # (市教育局,市委农办,排名第一位为牵头单位,下同): the units in charge
        statement.parsed += 1
        waiting = []
    statement.unparsed += bool(waiting)
    _support_beside_lead(lists, rules)
    for listed, _ in lists:
        statement.units += listed
    return statement


def _holds_colon(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds a colon: most clauses hold none, and then no field's label (任务目标:) is glued in."""
    return _COLON.search(text, start, end) is not None


def _worded_label(text: str, start: int, end: int, rules: Rules) -> re.Match[str] | None:
    """A role label opening the clause at ``start`` after a word of the work joined to its role word (培训和试点单位：…)."""
    found = rules.inline_label.search(text, start, end)
    near = found is not None and found.start() <= start + int(rules.words["label_work_chars"]) + 1
    return found if near and label_start(text, found.start()) == start else None


def _bracketed_conventions(text: str, start: int, end: int, registry: Registry, rules: Rules) -> list[Convention]:
    """Conventions in brackets inside the statement, glued to a list's last item (责任单位:区发改局、
    海曙生态环境分局(列第一位者为牵头或汇总单位,下同)): they hold for the statement, and onward with 下同."""
    found: list[Convention] = []
    opened: set[int] = set()
    for spot in rules.convention_spot.finditer(text, start, end):
        open_at = max(text.rfind(ch, start, spot.start()) for ch in OPEN)
        if open_at < start or open_at in opened or any(ch in CLOSE for ch in text[open_at:spot.start()]):
            continue
        opened.add(open_at)
        close = min((i for i in (text.find(ch, spot.end(), end) for ch in CLOSE) if i >= 0), default=end)
        found += parse(text, open_at + 1, close, registry, rules).conventions
    return found


def _bracketed_standing(text: str, start: int, end: int, registry: Registry, rules: Rules) -> list[Listed]:
    """Units a standing statement in brackets inside the statement gives every later task, the bracket glued to a list's
    last item (配合单位:局相关业务科室,各县(市、区)林业主管部门(以下均需各县(市、区)林业主管部门配合,不再列出))."""
    found: list[Listed] = []
    for spot in rules.standing.finditer(text, start, end):
        if spot.start() - 1 < start or text[spot.start() - 1] not in OPEN:
            continue
        close = next((pos for pos in range(spot.end(), end) if bracket_depth(text, spot.start(), pos + 1) < 0), end)
        found += parse(text, spot.start(), close, registry, rules, tolerant=True).standing
    return found


def _clauses(text: str, start: int, end: int, rules: Rules) -> Iterator[tuple[int, int]]:
    """The clauses of a statement: split at its top-level clause breaks, at a 、 right after a role
    verb (市发改委牵头、市财政局配合: two verb lists) or right before a label (主办单位为工务局、协办单位系为…, fresh c1028), before a
    label after a blank (牵头部门:A 责任部门:B) and before a label
    right after an empty one's colon (牵头领导:责任部门:城管中队、各行政村, fresh c1005)."""
    for c_start, c_end in idiom_runs(text, split_items(text, start, end, _CLAUSE_BREAKS), rules):
        part = c_start
        colon = _holds_colon(text, c_start, c_end)
        for pos in range(c_start, c_end):
            if text[pos] == "、" and (ending_verb(text, part, pos, rules) is not None or rules.inline_label.match(text, pos + 1)):
                yield part, pos  # 市发改委牵头、市财政局配合; 主辦單位為工務局、協辦單位係為…: the next list is the next label's
                part = pos + 1
            elif text[pos].isspace() and pos + 1 < c_end and rules.inline_label.match(text, pos + 1):
                yield part, pos
                part = pos + 1
            elif colon and pos > part and text[pos - 1] in COLONS and rules.inline_label.match(text, pos):
                yield part, pos  # 牵头领导:责任部门:城管中队: a label left empty, then the next
                part = pos
        yield part, c_end


def _continued(waiting: list[Listed], listed: tuple[list[Listed], str], rules: Rules) -> tuple[list[Listed], str]:
    """A verb list whose units began in the clauses before it (A牵头，B、C等部门，D、E配合: B and C
    support too): the waiting units take the role of its verb and open the list."""
    units, verb = listed
    role = verb_role_of(verb, rules) if verb else units[0].role
    for unit in waiting:
        unit.role = role
    for unit in units:
        unit.first = False
    return [*waiting, *units], verb


def _open_list(units: list[Listed]) -> list[Listed]:
    """Units listed with no role word beside a convention by position: one list whose role the convention decides,
    counted from its first unit (the clauses they stood in each opened a list of their own)."""
    for k, unit in enumerate(units):
        unit.role, unit.first = "responsible", k == 0
    return units


def _scope_clause(text: str, start: int, end: int, statement: Statement, rules: Rules) -> bool:
    """Read a convention (排在第一位的部门为牵头部门), the others' role (其他为配合单位) or a scope
    remark (下同, 除标注外); whether the clause was one."""
    clause = text[start:end]
    match = rules.convention.fullmatch(clause)
    if match is not None:
        statement.conventions.append(Convention(label_role(match.groupdict(), rules), "support", False, bool(match.group("mark"))))
        return True
    match = rules.convention_rest.fullmatch(clause)
    if match is not None and statement.conventions:
        statement.conventions[-1].rest_role = label_role(match.groupdict(), rules)
        return True
    remark = rules.scope_remark.fullmatch(clause)
    if remark is not None:
        if rules.scope_onward.fullmatch(clause):
            for convention in statement.conventions:
                convention.onward = True
        return True
    return False


def _label_list(
    text: str, start: int, end: int, role: str, clause: tuple[int, int], registry: Registry, rules: Rules,
    prose: bool, continued: bool = False, label: str = "",
) -> tuple[list[Listed], str] | None:
    """Units of a labelled list: every item as written (cut at its unit where prose may follow); a
    role verb ending the list wins over the label (责任单位：A牵头). A further list under the label
    (``continued``: A、B，C) continues its list, and is none when it reads like another field
    (完成时限：2022年底)."""
    if continued and _FIELD.search(text, start, end):
        return None
    verb_at = ending_verb(text, start, end, rules)
    verb = text[verb_at:end] if verb_at is not None else ""
    if verb:
        role, end = verb_role_of(verb, rules), verb_at  # type: ignore[assignment]  # verb_at is set with verb
    units = _units(text, start, end, role, clause, registry, rules, require_units=prose)
    for unit in units:
        unit.first = unit.first and not continued
        unit.label = "" if verb else label
    return units, verb


def _verb_list(
    text: str, start: int, end: int, clause: tuple[int, int], registry: Registry, rules: Rules, tolerant: bool = False
) -> tuple[list[Listed], str] | None:
    """Units of 'list + role verb' (A、B牵头; 由A牵头; A会同B负责; 以A为主), or None when the clause is
    not one: no role verb ends it, or an item is neither a unit nor a vague reference (``tolerant``: an item
    that holds no unit at all is passed over, but a unit with prose run on still makes it none)."""
    verb_at = ending_verb(text, start, end, rules)
    if verb_at is None:
        return None
    verb = text[verb_at:end]
    role = verb_role_of(verb, rules)
    opener = _list_opener(text, start, verb_at, rules)
    list_start = start + len(opener) if opener else _after_agent_marker(text, start, verb_at, rules)
    list_start += len(first_word_at(text, list_start, rules.words["list_qualifiers"]) or "")  # 由所涉及的A、B牵头
    if first_word_at(text, list_start, rules.words["joint_markers"]):
        return None  # 会同县财政局、县人社局负责: partners without their principal, no name list
    joint = _joint_at(text, list_start, verb_at, rules)
    parts = [(list_start, verb_at, role)]
    if joint is not None:
        marker_start, marker_end = joint
        parts = [(list_start, marker_start, role), (marker_end, verb_at, "support")]
    listed: list[Listed] = []
    for s, e, part_role in parts:
        units = _units(text, s, e, part_role, clause, registry, rules, require_units=True, strict=True, tolerant=tolerant)
        if units is None:
            return None
        listed += units
    return listed, verb


def _list_opener(text: str, start: int, end: int, rules: Rules) -> str:
    """The word opening a verb list (由A牵头, 以A为主), or "" where the clause opens otherwise: an opener that begins a longer
    word is none (以上工作由市交通局负责, 以下任务由…: the topic 以上工作 stands before the agent marker, units67d)."""
    opener = first_word_at(text, start, rules.words["list_openers"]) or ""
    return opener if opener and next(iter(words(text[start:end])), "") == opener else ""


def _after_agent_marker(text: str, start: int, end: int, rules: Rules) -> int:
    """Where the list begins in a clause whose topic stands before its agent marker (该项工作由市发改委牵头, 具体工作由县人社局
    负责: the list after 由; 并请环保署与内政部营建署提供协助: the list asked), else ``start``; 由于, 由此 and a 由 inside brackets
    mark no agent."""
    w = rules.words
    markers = (*w["agent_markers"], *w["request_markers"])
    if not any(marker in text[start + 1:end] for marker in markers):
        return start  # the common case, decided without segmenting the clause
    pos = start
    for word in words(text[start:end]):  # a marker standing as a word: not the 由 of 自由贸易试验区, not the 请 of 申请
        if word in markers and pos > start and not text.startswith(w["agent_marker_not_before"], pos + len(word)):
            if bracket_depth(text, start, pos) == 0:
                return pos + len(word)
        pos += len(word)
    return start


def _joint_at(text: str, start: int, end: int, rules: Rules) -> tuple[int, int] | None:
    """Where a joint marker (会同) stands between two lists, outside brackets."""
    w = rules.words
    for marker in w["joint_markers"]:
        pos = text.find(marker, start, end)
        while pos > -1 and text.startswith(tuple(w["joint_marker_not_before"]), pos + len(marker)):
            pos = text.find(marker, pos + len(marker), end)  # 联合会, 联合社: a federation's name, no joint
        if pos > start and pos + len(marker) < end and bracket_depth(text, start, pos) == 0:
            return pos, pos + len(marker)
    return None


def bracket_depth(text: str, start: int, pos: int) -> int:
    """Bracket depth at ``pos``, counted from ``start``."""
    depth = 0
    for ch in text[start:pos]:
        depth += ch in OPEN
        depth -= ch in CLOSE
    return depth


def _units(
    text: str, start: int, end: int, role: str, clause: tuple[int, int], registry: Registry, rules: Rules,
    require_units: bool, strict: bool = False, tolerant: bool = False,
) -> list[Listed] | None:
    """One Listed per unit of a written list. With ``require_units`` an item must be a unit or a
    collective one, cut after its unit where prose runs on (区属企业联系贫困村和社区 → 区属企业), or an
    official (分管副省长: a leader); vague references (有关部门) are passed over. With ``strict`` any
    other item makes it no list (None)."""
    listed: list[Listed] = []
    for s, e in list_items(text, start, end, registry, rules):
        for s2, e2 in split_conjunctions(text, s, e, registry, rules):
            person = _person_after_unit(text, s2, e2, registry, rules)
            if person is not None:  # 市民政局 伍泽国: a unit cell naming its head after a blank (fresh c1089)
                listed.append(Listed(s2, person[0], marked_role(text, e, end, role, rules), not listed, clause))
                listed.append(Listed(person[1], e2, "leader", False, clause))
                continue
            name = compact(text[s2:e2])
            if not any(ch.isalnum() for ch in name):
                continue  # 责任领导:* : a name the publisher masked names no one (fresh c1067)
            if require_units and is_vague(name, rules):
                continue
            if require_units and name.endswith(rules.words["official_titles"]):
                s2 = max(s2, *(text.rfind(colon, s2, e2) + 1 for colon in COLONS))  # 任务分工:吕维峰副省长: no label
                listed.append(Listed(s2, e2, "leader", not listed, clause))  # 分管副省长: a person who leads
                continue
            unit_end = unit_prefix_end(text, s2, e2, registry, rules) if require_units else e2
            if strict and unit_end != e2 and not (tolerant and unit_end is None):
                return None  # 着力推进…配合: prose, not a list (a bracket tolerates a name it does not know)
            if unit_end is None or not balanced(text[s2:unit_end]) or text[s2:unit_end] in COLONS:
                continue  # 中心) is the garbled tail of a name, not a unit
            item_role = marked_role(text, e, end, role, rules) if e2 == e else role
            listed.append(Listed(s2, unit_end, item_role, not listed, clause, marked=_name_marked(text, s2, e2, rules)))
    return listed


def _person_after_unit(text: str, start: int, end: int, registry: Registry, rules: Rules) -> tuple[int, int] | None:
    """Where a unit ends and the person after it begins, in an item that names a unit and then, after a blank, its head
    (市民政局 伍泽国 under 牵头单位及主要负责人, fresh c1089, a 民生实事 progress table): a person's name is a few Han characters
    that are no unit, role word or reference; None for anything else."""
    match = rules.unit_then_person.fullmatch(text, start, end)
    if match is None:
        return None
    unit, person = match.group("unit"), match.group("person")
    if not looks_like_unit(unit, registry, rules) or looks_like_unit(person, registry, rules, collective=True) \
            or is_vague(person, rules) or first_word_at(person, 0, rules.verbs_longest_first) is not None:
        return None
    return match.end("unit"), match.start("person")


def _name_marked(text: str, start: int, end: int, rules: Rules) -> bool:
    """Whether a mark stands right before or after the name text[start:end] (☆经信局, 区财政局*)."""
    marks = rules.words["name_trailing_marks"]
    return text[start - 1:start] in marks or text[end:end + 1] in marks


def marked_role(text: str, item_end: int, end: int, role: str, rules: Rules) -> str:
    """The role a marker in brackets right after an item gives its unit (责任单位：区教育局（牵头）、区财政局:
    区教育局 leads), else the list's."""
    marker = rules.role_marker.match(text, item_end, end)
    if marker is None:
        return role
    word = marker.group("marker")
    if word in rules.verb_role:
        return rules.verb_role[word]
    return label_role(rules.label.fullmatch(word).groupdict(), rules)  # type: ignore[union-attr]


def units_of_list(
    text: str, start: int, end: int, role: str, clause: tuple[int, int], registry: Registry, rules: Rules
) -> list[Listed]:
    """The units of a list a sentence states a role for (…各非公企业配合支持), non-units passed over."""
    return _units(text, start, end, role, clause, registry, rules, require_units=True) or []


def _support_beside_lead(lists: list[tuple[list[Listed], str]], rules: Rules) -> None:
    """Beside a lead, units 'each by its duties' (按职责分工负责, 按照各自职责组织落实) support it."""
    if not any(unit.role == "lead" for listed, _ in lists for unit in listed):
        return
    for listed, verb in lists:
        if by_duties(verb, rules):
            for unit in listed:
                if unit.role == verb_role_of(verb, rules):
                    unit.role = "support"  # not a unit its own marker put in another role (市教育局（牵头）、…按职责分工负责)
