"""Responsible units and their roles (lead / support / responsible / leader) for task nodes.

Where roles are stated, in the order they are read from a node's text:
- block lines (牵头单位:党建办 on a line of its own), which may close a whole group;
- a section headed by a role label with its units in its body (二、主办单位 | 高楼镇人民政府; 一、主办单位 莆田市人民政府;
  主办单位: then one name a line: headings.py), which states the section's own units;
- a labelled sub-heading ((二)试点指导单位。 with its list on the next line), which states its parent's units;
- statements in brackets of any kind ((…), 〔…〕, 【…】): label lists and verb lists (statements.py);
- a role label opening a sentence ((一)参与范围:…, …。责任单位:县财政局);
- sentences that are nothing but role clauses (交通运输部运输服务司牵头，科技司配合。);
- table cells of a unit column (NodeText.cells), with the column's role;
and, where no statement covers the text, roles a sentence implies (actors.py): a heading that is a
unit, units acting in a sentence (lead), units a sentence says support. Conventions the notice states
once (排在第一位的为牵头单位, 下同) then decide the roles the lists left open (conventions.py).
Roles are set on the node that states them; inheritance is the spec model's job. Every unit keeps
the clause it came from.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Iterator

from govplan.annotate.base import NodeText
from govplan.annotate.evidence import evidence
from govplan.annotate.units.actors import (
    Spans, acting_units, clause_end, function_units, headed_support, heading_units, inside, item_duty_roles, named_roles,
    paragraph_duty_units, pointed_units, stated_later_support, support_units,
)
from govplan.annotate.units.conventions import apply_conventions, apply_label_duties, label_duties, standalone_conventions
from govplan.annotate.units.headings import grouping_heading, heading_line_unit, label_heading_units, label_runs
from govplan.annotate.units.names import breaks_name, compact, looks_like_unit, split_items
from govplan.annotate.units.rules import (
    CLOSE, COLONS, OPEN, Rules, ends_with_verb, for_document, idiom_runs, rules, verb_before_break,
)
from govplan.annotate.units.statements import Convention, Listed, Statement, bracket_depth, label_role, parse
from govplan.lexical.segment import words
from govplan.registry import Registry
from govplan.spec.model import Evidence, TaskNode, UnitRef
from govplan.structure.layout import label_start
from govplan.structure.numbering import match_heading

__all__ = ["assign_units"]

UNIT_COLUMNS = ("lead", "support", "responsible", "leader")
INLINE_POINTS = ("inline_shi", "inline_yao")  # points run into a paragraph (一是…二是…, 一要…二要…)
_SENTENCE_ENDS = "。；;\n"  # what ends a sentence a statement or a done report is read in
_BRACKET = re.compile(f"[{re.escape(OPEN + CLOSE)}]")


@dataclass
class _Found:
    """Units read from one node, for the node that owns them; ``implied`` units (a sentence's actor)
    add nothing where a statement already names the same unit in the same role."""

    nt: NodeText
    owner: TaskNode
    units: list[Listed]
    implied: bool = False


def assign_units(
    nodes: list[NodeText], registry: Registry, preamble: NodeText | None = None, issuer: str | None = None,
    report: bool = False,
) -> None:
    """Set ``node.units`` of every node from the units its own text states; a convention stated in the ``preamble`` (the
    text before the first task) holds for the whole document, and a unit on its last line heads the first list (凤台县政府
    over 1.…); the divisions the ``issuer`` names are its own area, and in a ``report`` every division, no unit when named
    alone."""
    lead_in = preamble.text if preamble is not None else ""
    r = for_document(rules(), [lead_in, *(nt.text for nt in nodes)], issuer, report)
    runs = [label_runs(nt.text, registry, r) for nt in nodes]  # 主办:A B 协办:C D on one line: fields apart by blanks
    blocks = [[s for s in _block_statements(nt, registry, r) if not _overlaps(s, runs[at])] for at, nt in enumerate(nodes)]
    parents = _parent_indices(nodes)
    block_owners = _block_owners(nodes, blocks, parents, r)
    statements: list[Statement] = []
    everywhere: list[Convention] = standalone_conventions(lead_in, [], r)
    duties = label_duties(lead_in, r)
    found: list[_Found] = []
    standing: list[tuple[int, int, list[UnitRef]]] = []  # units a standing statement gives later tasks: its list's level, its task's
    carried: list[tuple[TaskNode, list[UnitRef]]] = []
    bare_headings: dict[int, list[Listed]] = {}  # the units a heading of nothing but them names, by its node's index
    headed_list = _headed_list(preamble, nodes, 0, parents, registry, r, issuer)  # a unit line's list: its level, its parent, the unit
    line_lists = [(headed_list[2], [])] if headed_list is not None else []  # each unit line's unit and the items of its list
    for at, nt in enumerate(nodes):
        if headed_list is not None and nt.node.level < headed_list[0]:
            headed_list = None  # the list the unit line heads has ended
        if headed_list is not None and (nt.node.level, parents[at]) == headed_list[:2]:
            line_lists[-1][1].append(nt.node)
        standing = [(level, own, refs) for level, own, refs in standing if not (nt.node.level == level and _opens_list(nt.node))]
        block = blocks[at]
        if block:
            found.append(_Found(nt, block_owners[at], _units(block)))
        skip: Spans = [(s.start, s.end) for s in block]
        parent = parents[at]
        headed = label_heading_units(nt, registry, r, skip, parent is None, runs[at])  # 二、主办单位 | 高楼镇人民政府: its own
        if headed:
            found.append(_Found(nt, nt.node, _units(headed)))
            skip += [(s.start, s.end) for s in headed]
        subheading = None if headed else _subheading_statement(nt, registry, r, skip)
        if subheading is not None:
            found.append(_Found(nt, nt.node if parent is None else nodes[parent].node, subheading.units))
            skip.append((subheading.start, subheading.end))
        own: list[Statement] = []
        sentences: list[Statement] = []
        labelled = bool(block) or bool(headed) or subheading is not None  # a label, a bracket or a unit column states the task's roles
        for read in (_bracket_statements, _label_statements, _sentence_statements, _cell_statements):
            more = read(nt, registry, r, skip)
            if read is _sentence_statements:
                sentences = more
                for statement in more:  # the sentence stays read, so that no unit in it is taken as acting
                    statement.units = _assigned(nt.text, statement.units, r)
            own += more
            skip += [(s.start, s.end) for s in more]
            labelled = labelled or (read is not _sentence_statements and any(s.units for s in more))
        named = named_roles(nt, registry, r, skip)
        skip += [unit.clause for unit in named]  # 区财政局、区人社局为配合单位: named in a role, not acting
        owner = _paragraph_owner(nodes, parents, at, own, sentences, found)
        found.append(_Found(nt, owner, _units(own) + named))
        stating = [*block, *headed, *([subheading] if subheading else []), *own]
        carried_refs = [ref for _, own, refs in standing if any(s.units for s in stating) or _later_item(nt.node, own)
                        for ref in refs]
        if carried_refs:
            carried.append((owner, carried_refs))
        given = [_ref(nt, unit, registry) for s in stating for unit in s.standing]
        if given:
            standing.append((min(nt.node.level, 2), nt.node.level, given))
        statements += stating
        unit_line = _headed_list(nt, nodes, at + 1, parents, registry, r, issuer)
        if unit_line is not None:
            headed_list = unit_line
            line_lists.append((unit_line[2], []))
        everywhere += standalone_conventions(nt.text, skip, r)
        duties.update(label_duties(nt.text, r))
        heading = [] if grouping_heading(nt, registry, r) else heading_units(nt, registry, r)
        heading = [] if heading and _items_label_own(nodes, at, r) else heading
        bare_headings[at] = heading if _heading_only(nt) else []
        above = bare_headings.get(parent) if parent is not None else None
        if above:  # (一)区体育局 | 1.负责…: the item's duties give its heading's unit the roles the heading does not
            roles = [role for role in item_duty_roles(nt, registry, r) if role not in {u.role for u in above}]
            found.append(_Found(nodes[parent], nt.node, [Listed(u.start, u.end, role, u.first, u.clause)
                                                         for role in roles for u in above], implied=True))
        acting = [] if _lead_in(nt) else _beside_heading(nt.text, acting_units(nt, registry, r, skip, labelled), heading)
        implied = heading + paragraph_duty_units(nt, registry, r, skip) + _assigned(nt.text, acting, r) + [
            unit for s in sentences for unit in stated_later_support(nt.text, s.units, s.end, registry, r)]
        column = [unit for statement in own if _in_cell(nt, statement) for unit in statement.units if unit.role != "support"]
        pointed = pointed_units(nt, registry, r, skip) + function_units(nt, registry, r, skip) + headed_support(
            nt, heading, registry, r, skip) + headed_support(nt, column, registry, r, skip, column=True)
        supports = _assigned(nt.text, pointed + support_units(nt, registry, r, skip), r)
        found.append(_Found(nt, nt.node, implied + supports, implied=True))
    apply_label_duties(_stated_by_task(found), duties)
    apply_conventions(statements, everywhere)
    stated = _stated_roles(found, registry)
    for item in found:
        refs = [_ref(item.nt, unit, registry) for unit in item.units]
        _extend(item.owner, _new_to_path(refs, item.owner, item.nt.path[:-1], stated) if item.implied else refs, item.implied)
    for owner, refs in carried:
        _extend(owner, refs, implied=True)
    for refs, items in line_lists:
        if not any(item.units for item in items):  # a name over items stating units of their own leads nothing (grouping_heading)
            for item in items:
                _extend(item, refs, implied=True)


def _heading_only(nt: NodeText) -> bool:
    """Whether a node's text is its heading alone ((一)区体育局 over its items), no duties after it."""
    title, pos = nt.title_at()
    return pos >= 0 and not nt.text[pos + len(title):].strip()


_NOT_NUMERAL = re.compile(r"[^0-9一二三四五六七八九十]")


def _headed_list(
    nt: NodeText | None, nodes: list[NodeText], at: int, parents: list[int | None], registry: Registry, r: Rules,
    issuer: str | None,
) -> tuple[int, int | None, list[UnitRef]] | None:
    """The list a unit line ending ``nt`` heads (heading_line_unit) where the node at ``at`` opens one: the list's level, its
    parent and the unit, which leads each item of it."""
    if nt is None or at >= len(nodes) or not _opens_list(nodes[at].node):
        return None
    unit = heading_line_unit(nt, registry, r, issuer)
    return None if unit is None else (nodes[at].node.level, parents[at], [_ref(nt, unit, registry)])


def _later_item(node: TaskNode, level: int) -> bool:
    """Whether a task that states no units is a later item of the list a standing statement was made in: a leaf at the
    level of the statement's task, whose row an analyst's table repeats the standing units in (c1016's 2., c1022's
    一.(一).2, each cut before its bracket); a heading above items has them through the items that state their own (c360)."""
    return node.level == level and not node.children


def _opens_list(node: TaskNode) -> bool:
    """Whether a node is the first of a list ((一), 1., 一、): a standing statement made in the list before it ends there
    (c360: 以下均需区市场监管局落实 holds for 二's items, not for 三.(一)…; c956's measures number on across 一-四 and keep it)."""
    return _NOT_NUMERAL.sub("", node.number or "") in ("1", "一")


def _overlaps(statement: Statement, others: list[Statement]) -> bool:
    """Whether a statement shares text with one of ``others``."""
    return any(statement.start < other.end and other.start < statement.end for other in others)


def _paragraph_owner(
    nodes: list[NodeText], parents: list[int | None], at: int, own: list[Statement], sentences: list[Statement],
    found: list[_Found],
) -> TaskNode:
    """The task a node's statements belong to: its own, except that a statement closing a paragraph of inline
    points (一是…四是…(牵头单位：…)) is the whole item's when none of the paragraph's points states units of its own
    (c280: the parenthetical of 二.(二) closes the paragraph holding 一是…四是), and so is a bracketed statement standing on
    a line of its own after an item's last sub-item when none of them states units ((1)…(4) then (责任单位:…), c57). A role
    sentence of the last point closes no paragraph (c04: 三是…，其余单位…由街镇（园区）牵头，区绿化市容局配合落实。 is the
    point's own)."""
    nt = nodes[at]
    parent = parents[at]
    last = max(own, key=lambda statement: statement.end, default=None)
    if parent is None or last is None or last in sentences or not _closes(nt.text, last.end):
        return nt.node
    inline = _inline(nt.node)
    if not inline and not _own_line(nt.text, last):
        return nt.node
    if any(parents[k] == parent and _inline(nodes[k].node) == inline for k in range(at + 1, len(nodes))):
        return nt.node  # not the paragraph's last point, nor the item's last sub-item
    points = [nodes[k].node for k in range(parent + 1, at) if parents[k] == parent and _inline(nodes[k].node) == inline]
    if not points or any(item.owner is point and item.units and not item.implied for item in found for point in points):
        return nt.node  # a point alone, or points that state their own units: the last statement is the last point's
    return nodes[parent].node


def _own_line(text: str, statement: Statement) -> bool:
    """Whether a statement is a bracket standing on a line of its own after the node's first line ((责任单位:…))."""
    opening = statement.start if text[statement.start:statement.start + 1] in OPEN else statement.start - 1
    if opening < 0 or text[opening] not in OPEN:
        return False
    line_start = text.rfind("\n", 0, opening) + 1
    return line_start > 0 and not text[line_start:opening].strip()


def _beside_heading(text: str, acting: list[Listed], heading: list[Listed]) -> list[Listed]:
    """The acting units of an item headed by a unit, less those that name the heading's unit short ((三)虹口区建设和管理委员会 |
    区建设管理委是…的主管部门，主要履行以下职责: one unit, written as the heading writes it, dev c649 and its gold)."""
    names = [text[h.start:h.end] for h in heading]
    return [u for u in acting if not any(_abbreviates(text[u.start:u.end], name) for name in names)]


def _abbreviates(short: str, full: str) -> bool:
    """Whether ``short`` is a short form of ``full``: at least four characters, all of them in ``full`` in order (区绿化市容局 of
    虹口区绿化和市容管理局, 区城管执法局 of 虹口区城市管理行政执法局), as official short names are cut from full ones."""
    if len(short) < 4 or len(short) >= len(full):
        return False
    rest = iter(full)
    return all(ch in rest for ch in short)


def _assigned(text: str, units: list[Listed], r: Rules) -> list[Listed]:
    """The units whose sentence assigns them work: not those it reports as done (…形成了《通知》, 起草了《…》; 2019年11月，
    X组织开展了…), nor the body enacting the present document (本府为…，特订定本要点), to whom the document gives no role
    (docs/gold-format.md, goldaudit)."""
    return [u for u in units if not _done_or_enacting(text, u, r)
            and not (_done_in_clause(text, u.end, r) and _set_in_past(text, u.start, r)) and not _suggested(text, u.start, r)]


def _done_or_enacting(text: str, unit: Listed, r: Rules) -> bool:
    """Whether the unit's sentence reports its act as done (…形成了《通知》) or enacts the present document (…特订定本要点, the
    sentence read across the hard wraps of a page's lines: 花蓮縣政府(以下簡稱本府)為加強推動…,以\n落實施政績效…,特訂定本要點。)."""
    end = _sentence_end(text, unit.end)
    return any(m in text[unit.start:end] for m in r.words["done_marks"]) \
        or r.own_enactment.search(text, unit.end, _sentence_end(text, unit.end, wrapped=True)) is not None


_SUGGESTION_REACH = 16  # characters before a unit searched for a suggestion word and the word before that


def _suggested(text: str, pos: int, r: Rules) -> bool:
    """Whether a suggestion or a wish names the unit at ``pos`` (建议市环保局…, 建议由…, 会议建议，由…): it assigns nothing."""
    before = text[max(0, pos - _SUGGESTION_REACH):pos].rstrip(" \u3000，,由")  # the words right before it, not the text
    word = next((w for w in r.words["suggestion_words"] if before.endswith(w)), None)
    return word is not None and not before.endswith(tuple(r.words["suggestion_not_after"]), 0, len(before) - len(word))


def _done_in_clause(text: str, pos: int, r: Rules) -> bool:
    """Whether the clause running at ``pos`` tells an act as done: a verb of two characters or more, then 了 (组织开展了…,
    召开了…), not 了解, and not inside a noun's modifier (完成了改造的小区: 的 after it in the clause)."""
    aspect = r.words["done_aspect"]
    end = clause_end(text, pos, r)
    at = text.find(aspect, pos, end)
    while at >= 0:
        after = at + len(aspect)
        if (text.endswith(r.done_verbs, pos, at) and not text.startswith(r.words["done_aspect_not_before"], after)
                and r.words["done_aspect_modifier"] not in text[after:end]):
            return True
        at = text.find(aspect, after, end)
    return False


def _set_in_past(text: str, pos: int, r: Rules) -> bool:
    """Whether the sentence sets what follows ``pos`` in the past: a word of recent time before it (近日, 日前, 近年来), or a
    clause before it that is nothing but a date (2019年11月，…; 7月26日上午9:00-11:00，…), as reports write, not plans."""
    start = max(text.rfind(ch, 0, pos) for ch in _SENTENCE_ENDS) + 1
    if any(word in text[start:pos] for word in r.words["done_recent"]):
        return True
    return any(r.done_date_clause.fullmatch(part.strip()) for part in r.clause_break.split(text[start:pos])[:-1])


def _lead_in(nt: NodeText) -> bool:
    """Whether the node's own text is an attachment's title and lead-in paragraph: a unit acting there (国家医保局根据
    …动态调整, c446 附件2) describes the attachment, not a task, and would pass to every item under it by inheritance
    (docs/gold-format.md, Assignments: a paragraph that belongs to no numbered item states no roles)."""
    return nt.node.style == "attachment"


def _inline(node: TaskNode) -> bool:
    """Whether a node is a point written inside its parent's paragraph (一是, 一要)."""
    return node.style in INLINE_POINTS


def _closes(text: str, end: int) -> bool:
    """Whether a statement ending at ``end`` closes the text (nothing but punctuation and blanks after it)."""
    return not text[end:].strip(" \t\n\u3000。；;，,.")


def _stated_by_task(found: list[_Found]) -> list[list[Listed]]:
    """The units statements give each task (implied ones left out), task by task in document order."""
    owners: list[TaskNode] = []
    stated: list[list[Listed]] = []
    for item in found:
        if item.implied:
            continue
        at = next((k for k, owner in enumerate(owners) if owner is item.owner), None)
        if at is None:
            owners.append(item.owner)
            stated.append([])
        stated[-1 if at is None else at].extend(item.units)
    return stated


def _units(statements: list[Statement]) -> list[Listed]:
    return [unit for statement in statements for unit in statement.units]


def _ref(nt: NodeText, unit: Listed, registry: Registry) -> UnitRef:
    """The UnitRef for a unit read from ``nt``, with the clause it came from."""
    name = compact(nt.text[unit.start:unit.end])
    return UnitRef(
        **evidence(nt, unit.start, unit.end), name=name, canonical=registry.lookup(name), role=unit.role,  # type: ignore[arg-type]
        clause=Evidence(**evidence(nt, *unit.clause)),
    )


def _stated_roles(found: list[_Found], registry: Registry) -> dict[str, set[tuple[str, str, str]]]:
    """(role, name, registry name or name) of the units statements give each task (implied ones left out), by the task's
    path."""
    stated: dict[str, set[tuple[str, str, str]]] = {}
    for item in found:
        if not item.implied:
            names = (compact(item.nt.text[u.start:u.end]) for u in item.units)
            stated.setdefault(item.owner.id, set()).update(
                (u.role, name, registry.lookup(name) or name) for u, name in zip(item.units, names)
            )
    return stated


def _new_to_path(
    refs: list[UnitRef], owner: TaskNode, ancestors: list[TaskNode], stated: dict[str, set[tuple[str, str, str]]]
) -> list[UnitRef]:
    """Implied refs no ancestor's statement gives already in the same role: 市财政局全面配合… under 配合单位：市财政局、
    市人社局 inherits that role with the whole list, and a ref of its own would cut the list to the one unit it names,
    also where the two name the unit differently (泰州市财政局 and 市财政局; 市人力资源社会保障局 and 市人社局). Only a role
    the node would take whole from above is left to inheritance: where the node names a unit of its own in that role
    (stated, or implied and new), its list is its own and the restated units stay in it."""
    above = set().union(*(stated.get(node.id, set()) for node in ancestors))
    known = {ref.role for ref in refs if any(role == ref.role and _one_unit(ref, name, k) for role, name, k in above)}
    own = {role for role, _, _ in stated.get(owner.id, set())}
    inherited = {role for role in known if role not in own and all(
        any(r == ref.role and _one_unit(ref, name, k) for r, name, k in above) for ref in refs if ref.role == role
    )}
    return [ref for ref in refs if ref.role not in inherited]


def _one_unit(ref: UnitRef, name: str, known: str) -> bool:
    """Whether a ref and a stated name are one unit: the same name or registry name, or one the other behind a place
    (泰州市财政局, 市财政局), as the evaluator matches names."""
    return any(a == b or a.endswith(b) or b.endswith(a) for a in {ref.name, ref.canonical or ref.name} for b in {name, known})


def _extend(node: TaskNode, refs: list[UnitRef], implied: bool = False) -> None:
    """Add refs to a node, skipping ones it already has (same role, name and place; for implied
    refs, same role and name anywhere)."""
    seen = {(u.role, u.name, u.span.start) for u in node.units}
    named = {(u.role, u.name) for u in node.units}
    for ref in refs:
        key = (ref.role, ref.name, ref.span.start)
        if key not in seen and not (implied and (ref.role, ref.name) in named):
            seen.add(key)
            node.units.append(ref)


def _block_statements(nt: NodeText, registry: Registry, r: Rules) -> list[Statement]:
    """Label lines (牵头单位:党建办, 牵头单位：A，配合单位：B) in the node's text."""
    found: list[Statement] = []
    if not _has_colon(nt.text):
        return found
    for match in r.block_line.finditer(nt.text):
        statement = parse(nt.text, match.start("label"), match.end(), registry, r)
        if statement.units or statement.conventions:
            statement.start, statement.end = match.span()
            found.append(statement)
    return found


def _block_owners(
    nodes: list[NodeText], blocks: list[list[Statement]], parents: list[int | None], r: Rules
) -> dict[int, TaskNode]:
    """The task each block of label lines belongs to, by the document's own pattern rather than absolute depths.

    Each block is read from the tree around it (``_closed_node``); the level most blocks are read at, or that
    prose after a block shows as its own, carries the blocks throughout the document, and a block read above that
    level belongs to its item of that level (c260: each 1. of a group closed by its 责任单位: line, the last
    child's too). One block with text after it does not outweigh the rest (seed 001 with its 一、 numbering lost:
    the next part's heading phrase runs on after the last group's block, which still closes the group).
    """
    closed = {at: _closed_node(nodes, blocks, parents, at) for at, block in enumerate(blocks) if block}
    carrying = _carrying_depth(len(nodes[at if _prose_follows(nodes[at], blocks[at], r) else read].path)
                               for at, read in closed.items())
    return {
        at: nodes[_ancestor_at(nodes, parents, at, carrying) if len(nodes[read].path) < carrying <= len(nodes[at].path)
                  else read].node
        for at, read in closed.items()
    }


def _prose_follows(nt: NodeText, block: list[Statement], r: Rules) -> bool:
    """Whether text follows the node's block of label lines, other than more field lines (完成时限:2010年 closing a
    measure's 责任领导: / 涉项部门: block, fresh c1067, is the block's own field, no prose)."""
    return any(line.strip() and r.field_label.match(line.strip()) is None
               for line in nt.text[block[-1].end:].split("\n"))


def _carrying_depth(depths: Iterable[int]) -> int:
    """The depth most blocks are read at; of depths read equally often, the deepest (an item's own block)."""
    counts = Counter(depths)
    return max(counts, key=lambda depth: (counts[depth], depth), default=0)


def _ancestor_at(nodes: list[NodeText], parents: list[int | None], at: int, depth: int) -> int:
    """Where the ancestor of ``nodes[at]`` at ``depth`` (or the node itself) stands in ``nodes``."""
    while len(nodes[at].path) > depth and (parent := parents[at]) is not None:
        at = parent
    return at


def _closed_node(nodes: list[NodeText], blocks: list[list[Statement]], parents: list[int | None], at: int) -> int:
    """Where the node the block read from ``nodes[at]`` closes stands in ``nodes``, read from the tree around it.

    A block in a node that is not its parent's last child is the node's own. In a last child it climbs to the
    parent while the node is its parent's last child, not its only one, and no sibling subtree has a block of its
    own: the block then closes the whole group (seed 001: after 6.…四是… it states the units of (一)). Under an
    only child nothing shows the group's other items without blocks, and the block stays the item's (c261).
    ``nodes`` are in document order, so a node's earlier siblings and their subtrees lie between it and its parent.
    """
    if _sibling_follows(nodes, parents, at):
        return at
    while (parent := parents[at]) is not None and nodes[parent].node.children[-1] is nodes[at].node \
            and len(nodes[parent].node.children) > 1:
        if any(blocks[parent + 1:at]):
            break
        at = parent
    return at


def _sibling_follows(nodes: list[NodeText], parents: list[int | None], at: int) -> bool:
    """Whether ``nodes[at]`` has a sibling after it (it is not its parent's last child)."""
    parent = parents[at]
    return parent is not None and nodes[parent].node.children[-1] is not nodes[at].node


def _items_label_own(nodes: list[NodeText], at: int, r: Rules) -> bool:
    """Whether the items under a node state who does them by label (责任单位：市规划局、市文化局; 牵头单位：…): a heading over
    them that reads as a unit's name names what the items work on (六、市文博馆: a building, its works each with its 责任单位,
    c924), not the unit that leads them; a unit heading over items that state only supporters still leads (配合单位：…)."""
    node = nodes[at].node
    for below in nodes[at + 1:]:
        if not any(above is node for above in below.path[:-1]):
            break
        if any(label_role(m.groupdict(), r) in _OWN_ROLES for m in r.inline_label.finditer(below.text)):
            return True
    return False


_OWN_ROLES = ("lead", "responsible")


def _parent_indices(nodes: list[NodeText]) -> list[int | None]:
    """For each node (in document order), where its parent stands in ``nodes``; None for a root or a
    parent not among them. A node's path names its ancestors; the latest node seen at each depth
    is the one a deeper node can be the child of."""
    latest: list[int] = []
    parents: list[int | None] = []
    for at, nt in enumerate(nodes):
        depth = len(nt.path)
        above = latest[depth - 2] if 2 <= depth <= len(latest) + 1 else None
        parents.append(above if above is not None and nodes[above].node is nt.path[-2] else None)
        del latest[max(depth - 1, 0):]
        latest.extend([at] * (depth - len(latest)))
    return parents


def _subheading_statement(nt: NodeText, registry: Registry, r: Rules, skip: Spans) -> Statement | None:
    """The list under a sub-heading that is a role label ((二)试点指导单位。 then 交通运输部运输服务司牵头，
    科技司配合。): it states the units of the item the sub-heading belongs to."""
    title = (nt.node.title or "").strip().rstrip("。.:：")
    label = r.label.fullmatch(title) if title else None
    body = nt.text.find("\n") + 1
    if label is None or body <= 0 or inside(body, skip):
        return None
    statement = parse(nt.text, body, len(nt.text), registry, r, role=label_role(label.groupdict(), r))
    if not statement.units or not all(looks_like_unit(nt.text[u.start:u.end], registry, r, collective=True)
                                      for u in statement.units):
        return None  # (二)试点单位。 over 定点医药机构可以通过…两种方式开展…: the pilot units' part of the goals, prose, no list
    return statement


def _bracket_statements(nt: NodeText, registry: Registry, r: Rules, skip: Spans) -> list[Statement]:
    """Statements in brackets of any kind: (参与单位:市委组织部), (A、B牵头,C按职责分工负责),
    (商务部、财政部负责，排在第一位的部门为牵头部门，下同), 〔责任单位：…〕, 【牵头单位：…】."""
    found = []
    for start, end in _bracket_ranges(nt.text):
        if inside(start, skip):
            continue
        closed = nt.text[end - 1] in CLOSE
        completed = None if closed else _completed_cut(nt.text, start, end, r)
        if completed is not None:  # …市住建局按照职责分工负| : read as the phrase it began, offsets before the cut kept
            statement = parse(completed, start + 1, len(completed) - 1, registry, r, tolerant=True)
            for unit in statement.units:  # the clause a unit came from ends at the cut
                unit.clause = (min(unit.clause[0], end), min(unit.clause[1], end))
        elif r.statement_cue.search(nt.text, start, end):
            statement = parse(nt.text, start + 1, end - 1 if closed else end, registry, r, tolerant=True)
            statement.units = statement.units if closed else _before_cut(nt.text, statement.units, end, registry, r)
        elif closed and (_closes_sentence(nt.text, start, r) or _closes_titled_line(nt.text, start, end, r)):
            # 。（区规划资源局、区经委、区土储中心）: the units in charge of the item, an implicit 责任单位 list
            statement = parse(nt.text, start + 1, end - 1, registry, r, role="responsible")
            if statement.unparsed or not all(looks_like_unit(nt.text[u.start:u.end], registry, r, collective=True)
                                             for u in statement.units):
                continue  # (见附件1), (含县城): words that name no unit
        else:
            continue  # (见附件1), (2022-2025年), 区委组织部(区公务员局): no role word, label or convention inside
        if statement.parsed and (statement.units or statement.conventions):
            statement.start, statement.end = start, end
            found.append(statement)
    return found


def _completed_cut(text: str, start: int, end: int, r: Rules) -> str | None:
    """The text up to a bracket a page cut leaves open inside the manner phrase of duty closing its list (…、市住建局按照
    职责分工负|), with the phrase completed and the bracket closed; None where the cut falls elsewhere."""
    cut = r.cut_duty_manner.search(text, start + 1, end)
    if cut is None or end not in (len(text), len(text.rstrip())):
        return None  # the bracket must run to the node's end, where the page was cut
    return text[:cut.start()] + r.words["cut_duty_manner"]["completion"] + CLOSE[0]


def _before_cut(text: str, units: list[Listed], end: int, registry: Registry, r: Rules) -> list[Listed]:
    """The units of a bracket a page cut leaves open, the cut falling inside its last item: an item that runs to the cut
    and reads as no whole unit is dropped (牵头单位:省市场, 市人力资源社会保, 县: fresh c1193, dev c1119, c962), one whose own
    gloss the cut leaves open ends before it (各区人民政府〈含开发区、 → 各区人民政府, c41): corpus16b annotates no cut item."""
    last = units[-1] if units else None
    if last is None or text[last.end:end].strip(" \t\u3000、,，;；"):
        return units  # (牵头单位:县人社局,责任单位:县财政局,各镇, : the cut falls after a whole item
    name = text[last.start:last.end]
    gloss = max(name.rfind(ch) for ch in OPEN + "〈")
    if gloss > 0 and not any(ch in CLOSE + "〉" for ch in name[gloss:]):
        last.end = last.start + gloss
        return units
    return units if looks_like_unit(name, registry, r, collective=True) else units[:-1]


def _closes_sentence(text: str, start: int, r: Rules) -> bool:
    """Whether a bracket at ``start`` follows the end of a sentence (…提升资源利用率。（A、B、C）): it closes the item, as a
    role bracket does, rather than glossing the word before it (区委组织部（区公务员局）, 各镇政府(街道办事处))."""
    at = start
    while at > 0 and text[at - 1] in " \t\u3000":
        at -= 1  # read back over blanks without copying the text before the bracket (many brackets, long texts)
    return at > 0 and text[at - 1] in r.words["bracket_list_openers"]


def _closes_titled_line(text: str, start: int, end: int, r: Rules) -> bool:
    """Whether a bracket right after a document's title ends its line (《中华人民共和国监狱法》(监狱管理局)): it closes an item
    that names the document alone, as a role bracket closes one."""
    if start == 0 or text[start - 1] not in r.words["bracket_title_closers"]:
        return False
    line_end = text.find("\n", end)
    return not text[end:line_end if line_end >= 0 else len(text)].strip(" \t\u3000。；;")


def _bracket_ranges(text: str) -> Iterator[tuple[int, int]]:
    """Ranges of outermost bracket pairs, brackets included; a closing bracket without an opening one
    is skipped, and a bracket still open at the end of the text (a page cut inside it) runs to the end."""
    depth = 0
    open_at = 0
    for bracket in _BRACKET.finditer(text):
        i, ch = bracket.start(), bracket.group()
        if ch in OPEN:
            if depth == 0:
                open_at = i
            depth += 1
        elif ch in CLOSE and depth:
            depth -= 1
            if depth == 0:
                yield open_at, i + 1
    if depth:
        yield open_at, len(text.rstrip())


def _label_statements(nt: NodeText, registry: Registry, r: Rules, skip: Spans) -> list[Statement]:
    """A role label that opens a sentence inside a line, after the heading number ((一)参与范围:区四大
    组织机关,乡镇、街道…) or after 。 (…。责任单位:县财政局): its list runs to the sentence end and
    holds units only (prose may follow the last one)."""
    found: list[Statement] = []
    if not _has_colon(nt.text) and not r.label_copula.search(nt.text):
        return found  # no label can open a list here: neither a colon nor a copula after a label's head (主办单位为…)
    starts = None
    read_to = 0
    for match in r.inline_label.finditer(nt.text):
        starts = starts if starts is not None else _sentence_starts(nt.text, r)
        if match.start() < read_to or inside(match.start(), skip):
            continue
        if label_start(nt.text, match.start()) not in starts and not _label_after_pause(nt.text, match, r):
            continue  # 2.培训及试办单位:… opens its sentence with the work its label names
        read_to = _sentence_end(nt.text, match.end())
        field = _field_line(nt.text, read_to)
        statement = parse(nt.text, match.start(), read_to, registry, r, prose=not field)
        if field:  # 执行单位:通过公开征集选定的金融服务平台: a description, no name (成立, 通过, 的 never stand in one)
            statement.units = [u for u in statement.units if not any(breaks_name(w, r) for w in words(nt.text[u.start:u.end]))]
        if statement.units:
            found.append(statement)
    return found


def _label_after_pause(text: str, match: re.Match[str], r: Rules) -> bool:
    """Whether a label with its colon opens a clause after a comma or a blank, outside brackets (1、农村道路畅通工程,牵头部门:
    市交通局。; 工程名称 牵头单位：…), or with its copula after a comma (…,责任单位为区发改委;): the heading phrase before it names
    the work, the label its units."""
    at = match.start()
    before = text[:at].rstrip(" \t\u3000")
    copula = match.group(0).endswith(tuple(r.words["label_copulas"]))
    if not before or (match.group(0)[-1] not in COLONS and not copula):
        return False
    line_start = text.rfind("\n", 0, at) + 1
    if bracket_depth(text, line_start, at) != 0:
        return False
    if copula:  # …居三区第一),责任单位为区发改委; (dev c1064): after a comma, the clause the label opens states the units
        return before[-1] in r.words["pause_breaks"] or _glued_copula_label(text, match, line_start, r)
    return before[-1] in r.words["pause_breaks"] or len(before) < at or _glued_field_label(text, match, line_start, r)


def _glued_copula_label(text: str, match: re.Match[str], line_start: int, r: Rules) -> bool:
    """Whether a label with its copula is glued to the phrase naming the work it states the units of (…示范村建设项目责任主体为
    镇人民政府。, fresh dev c1708; …工作的责任主体为…): a label of role word and head, at least glued_label_phrase_chars of phrase
    before it on its line, not after a word that makes it a noun of the sentence (各, 有关, 该) though 的 may stand there."""
    if match.groupdict().get("word") is None:
        return False
    phrase = text[line_start:match.start()]
    not_after = tuple(w for w in r.words["glued_label_not_after"] if w not in r.words["glued_copula_after"])
    return len(phrase.strip()) >= int(r.words["glued_label_phrase_chars"]) and not phrase.endswith(not_after)


def _glued_field_label(text: str, match: re.Match[str], line_start: int, r: Rules) -> bool:
    """Whether a label glued to the phrase before it ends a heading line with its field (（一）适龄女生HPV疫苗接种牵头责任部门:
    县卫生健康委员会, dev c505's 为民办实事 progress items): a label of role word and head, at least
    glued_label_phrase_chars of phrase before it on its line, not after a word that makes it a noun of the sentence
    (各牵头单位：, 有关责任单位：, 的牵头单位：), and its list running to the line's end."""
    if match.groupdict().get("word") is None:
        return False  # 牵头：, 负责： alone are a table's columns written into a line, not a label glued to a phrase
    phrase = text[line_start:match.start()]
    if len(phrase.strip()) < int(r.words["glued_label_phrase_chars"]) or phrase.endswith(tuple(r.words["glued_label_not_after"])):
        return False
    line_end = text.find("\n", match.end())
    return _sentence_end(text, match.end()) >= (len(text) if line_end < 0 else line_end)


def _field_line(text: str, end: int) -> bool:
    """Whether a labelled list at a line's start fills the line, as a field and its value do (3.主办单位:xx广播电视总台,
    (3)承办单位:x开发区、区旅游局): its items are then taken as written, as in a bracket, not cut where prose may follow."""
    return end >= len(text.rstrip()) or text[end] == "\n"


def _sentence_statements(nt: NodeText, registry: Registry, r: Rules, skip: Spans) -> list[Statement]:
    """Sentences that are nothing but role clauses (交通运输部运输服务司牵头，科技司、人事教育司配合。):
    every clause ends with a role verb (a cheap test most sentences fail before any parsing); in a longer
    sentence, each clause that is a list of units and its role verb (…,县文明委具体指导,乡(镇、街道)、村(社区)
    负责组织实施。)."""
    found: list[Statement] = []
    text = nt.text
    stripped = text[:_before_empty_cells(text, 0, len(text))]
    if not ends_with_verb(stripped, 0, len(stripped), r) and not verb_before_break(text, r):
        return found
    for start in sorted(_sentence_starts(text, r)):
        end = _before_empty_cells(text, start, _sentence_end(text, start))
        if end <= start or inside(start, skip):
            continue
        if _all_clauses_end_in_verbs(text, start, end, r):
            statement = parse(text, start, end, registry, r)
            if statement.units and not statement.unparsed:
                found.append(statement)
            continue
        for run in _clause_runs(text, _verb_clauses(text, start, end, r)):
            found += _run_statements(text, run, registry, r)
    return [s for s in found if not any(o.start <= s.start and s.end <= o.end and o.end - o.start > s.end - s.start
                                        for o in found)]  # a clause read alone from one start, whole in a run from another


def _clause_runs(text: str, clauses: Iterable[tuple[int, int]]) -> Iterator[list[tuple[int, int]]]:
    """Role clauses of a longer sentence grouped into runs that follow one another across a comma (县市场监管局牵头，
    县公安局、县商务局按职责分工负责，开展…: the first two), read together so that one clause's role can decide
    another's (beside a lead, 按职责分工负责 supports)."""
    run: list[tuple[int, int]] = []
    for clause in clauses:
        if run and not (text[run[-1][1]:run[-1][1] + 1] in "，," and _skip_blanks(text, run[-1][1] + 1) == clause[0]):
            yield run
            run = []
        run.append(clause)
    if run:
        yield run


def _run_statements(text: str, run: list[tuple[int, int]], registry: Registry, r: Rules) -> list[Statement]:
    """The statements of a run of role clauses: the run as one statement when it reads whole, else each clause."""
    if len(run) > 1:
        whole = parse(text, run[0][0], run[-1][1], registry, r)
        if _plain_statement(text, whole, r):
            return [whole]
    return [st for st in (parse(text, s, e, registry, r) for s, e in run) if _plain_statement(text, st, r)]


def _plain_statement(text: str, statement: Statement, r: Rules) -> bool:
    """Whether a clause read inside a longer sentence is a role statement: units, every clause read, plain names."""
    return bool(statement.units) and not statement.unparsed and _plain_names(text, statement, r)


def _verb_clauses(text: str, start: int, end: int, r: Rules) -> Iterator[tuple[int, int]]:
    """The top-level clauses of a sentence that end with a role verb, or whose list a role verb closes before 的
    (…，西安浐灞生态区管理委员会协办的…主题采访活动: the clause up to the verb); a list and the idioms of accountability
    after it are one clause with the verb alone that closes them (…、县公路分局等各司其责,各负其责,积极配合)."""
    for c_start, c_end in idiom_runs(text, split_items(text, start, end, "，,"), r):
        if ends_with_verb(text, c_start, c_end, r):
            yield _skip_blanks(text, c_start), c_end
            continue
        for found in r.attributive_verb.finditer(text, c_start, c_end):
            if ends_with_verb(text, c_start, found.end(), r):
                yield _skip_blanks(text, c_start), found.end()
                break


def _plain_names(text: str, statement: Statement, r: Rules) -> bool:
    """Whether every unit a clause names is a plain name, no prose run into it (市里成立由市委组织部牵头抓总:
    成立 and 由 never stand inside a name): in a longer sentence a clause is a statement only then."""
    return not any(breaks_name(word, r) for unit in statement.units for word in words(text[unit.start:unit.end]))


def _all_clauses_end_in_verbs(text: str, start: int, end: int, r: Rules) -> bool:
    """Whether every clause of the sentence ends with a role verb."""
    clause_start = start
    for match in r.clause_break.finditer(text, start, end):
        if not ends_with_verb(text, clause_start, match.start(), r):
            return False
        clause_start = match.end()
    return ends_with_verb(text, clause_start, end, r)


def _cell_statements(nt: NodeText, registry: Registry, r: Rules, skip: Spans) -> list[Statement]:
    """A unit column's cell of a task table row: a unit list with the column's role."""
    found = []
    for cell in nt.cells:
        start, end = cell.start - nt.start, cell.end - nt.start
        if cell.column in UNIT_COLUMNS and end > start and not inside(start, skip) and not _holds_sentences(nt.text, start, end, r):
            statement = parse(nt.text, start, end, registry, r, role=cell.column)
            if statement.units:
                found.append(statement)
    return found


def _in_cell(nt: NodeText, statement: Statement) -> bool:
    """Whether a statement is a unit column's cell of the row (a table row's 责任部门)."""
    return any(cell.start - nt.start == statement.start and cell.column in UNIT_COLUMNS for cell in nt.cells)


def _holds_sentences(text: str, start: int, end: int, r: Rules) -> bool:
    """Whether a cell ends a sentence and goes on: the row's task text misread into a unit column, not a unit list."""
    ends = r.words["cell_sentence_ends"]
    return any(text[i] in ends and text[i + 1:end].strip() for i in range(start, end))


def _has_colon(text: str) -> bool:
    """Whether the text holds a colon, which every label line and labelled sentence has."""
    return any(colon in text for colon in COLONS)


def _sentence_starts(text: str, r: Rules) -> set[int]:
    """Where sentences begin: the text start (after the heading number, which no name reaches back over: 第九条 各级人民政府
    负责… names 各级人民政府) and after sentence breaks (blanks skipped)."""
    heading = match_heading(text)
    starts = {heading.number_end if heading is not None else 0}
    starts.update(match.end() for match in r.sentence_break.finditer(text))
    return {_skip_blanks(text, s) for s in starts}


def _before_empty_cells(text: str, start: int, end: int) -> int:
    """Where text[start:end] ends before blanks and the empty cells a table row's last line keeps (法规科主办,各科室协办 | |:
    the role verb ends the sentence, as in the rows before it, whose nodes drop their empty cells)."""
    stop = end
    while stop > start and (text[stop - 1] == "|" or text[stop - 1].isspace()):
        stop -= 1
    return stop if "|" in text[stop:end] else end


def _skip_blanks(text: str, pos: int) -> int:
    """The first position at or after ``pos`` that is not blank."""
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _sentence_end(text: str, pos: int, wrapped: bool = False) -> int:
    """Where the sentence running at ``pos`` ends (its 。/；, the line end or the text end); with ``wrapped`` line ends are
    read past to its 。/；, as a page's hard wraps cut a sentence into lines."""
    if wrapped:
        return min((i for i in (text.find(ch, pos) for ch in _SENTENCE_ENDS[:-1]) if i >= 0), default=len(text))
    ends = [i for i in (text.find(ch, pos) for ch in _SENTENCE_ENDS) if i >= 0]
    return min(ends, default=len(text))
