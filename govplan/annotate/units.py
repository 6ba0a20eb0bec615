"""Responsible units and their roles (lead / support / responsible / leader) for task nodes.

Names go through an alias registry (govplan/data/aliases.yaml plus the user's YAML files),
matched with a character trie over the normalised text before any segmentation: jieba splits at
punctuation first, so 社会治安综合治理(应急服务)中心 could never match as a jieba word.
Units the registry does not know are recognised by their last characters (局, 办, 中心…).
Sources of roles: block lines (牵头单位:…), role parentheticals ((参与单位:市委组织部)),
headings that are a unit (一、泰州市农业农村局) and units acting in a sentence (县人社局指导…).
Roles are set on the node that states them; inheritance is the spec model's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Iterable, Iterator

from govplan.annotate.base import NodeText
from govplan.annotate.evidence import evidence
from govplan.annotate.lexicon import alternation, data, word_map
from govplan.annotate.segment import add_user_words, words
from govplan.datafiles import read_yaml
from govplan.errors import GovplanError
from govplan.spec.model import TaskNode, UnitRef
from govplan.structure.numbering import match_heading

_OPEN = "(（"
_CLOSE = ")）"
_COLONS = ":："
_END = ""  # trie key marking the end of a registered name
_MAX_PLACE_CHARS = 6  # longest place name (泰州市, 会宁县) accepted before a registered unit name


@dataclass
class Registry:
    """Unit names as written (aliases and canonical names) mapped to canonical names, with a trie."""

    canonical_of: dict[str, str] = field(default_factory=dict)
    trie: dict[str, Any] = field(default_factory=dict)

    def add(self, canonical: str, aliases: Iterable[str]) -> None:
        """Register a canonical name and its aliases (each also maps to itself's canonical)."""
        for surface in (canonical, *aliases):
            self.canonical_of[surface] = canonical
            node = self.trie
            for ch in surface:
                node = node.setdefault(ch, {})
            node[_END] = surface

    def match_at(self, text: str, pos: int) -> int | None:
        """End of the longest registered name starting at ``pos``, or None."""
        node = self.trie
        best: int | None = None
        for i in range(pos, len(text)):
            node = node.get(text[i])
            if node is None:
                break
            if _END in node:
                best = i + 1
        return best

    def scan(self, text: str) -> Iterator[tuple[int, int]]:
        """Leftmost-longest registered names in ``text``, without overlaps (time ~ len × longest name)."""
        pos = 0
        while pos < len(text):
            end = self.match_at(text, pos)
            if end is None:
                pos += 1
            else:
                yield pos, end
                pos = end

    def lookup(self, name: str) -> str | None:
        """Canonical name for a name as written; a place before a known name is kept (泰州市文明办)."""
        if name in self.canonical_of:
            return self.canonical_of[name]
        for i in range(1, len(name)):
            if name[i:] in self.canonical_of and self._is_place(name[:i]):
                return name[:i] + self.canonical_of[name[i:]]
        return None

    def _is_place(self, prefix: str) -> bool:
        """A place before a unit name (泰州, 会宁县): a few Chinese characters naming no unit."""
        return (
            len(prefix) <= _MAX_PLACE_CHARS
            and all("\u4e00" <= ch <= "\u9fff" for ch in prefix)
            and next(self.scan(prefix), None) is None
        )

    def surfaces(self) -> list[str]:
        return sorted(self.canonical_of)


def load_registry(extra_paths: Iterable[Path | str] = ()) -> Registry:
    """The bundled alias registry extended with the user's YAML files (later files win)."""
    registry = Registry()
    _add_registry_data(registry, data("aliases"), "govplan/data/aliases.yaml")
    for path in extra_paths:
        loaded = read_yaml(Path(path))
        if not isinstance(loaded, dict):
            raise GovplanError(
                "别名文件应为映射：规范名称: [别名, …]",
                "alias file must be a mapping: canonical name: [alias, ...]",
                str(path),
            )
        _add_registry_data(registry, loaded, str(path))
    add_user_words(registry.surfaces())
    return registry


def _add_registry_data(registry: Registry, loaded: dict[str, Any], source: str) -> None:
    """Add one file's ``prefixes``/``bodies``/``names`` (or a plain canonical→aliases mapping)."""
    sectioned = bool({"prefixes", "bodies", "names"} & set(loaded))
    names = (loaded.get("names") or {}) if sectioned else loaded
    bodies = (loaded.get("bodies") or {}) if sectioned else {}
    for canonical, aliases in names.items():
        registry.add(str(canonical), _alias_list(aliases, source))
    for body, aliases in bodies.items():
        alias_list = _alias_list(aliases, source)
        registry.add(str(body), alias_list)
        for prefix in loaded.get("prefixes") or []:
            registry.add(f"{prefix}{body}", [f"{prefix}{alias}" for alias in alias_list])


def _alias_list(aliases: Any, source: str) -> list[str]:
    if aliases is None:
        return []
    if not isinstance(aliases, list):
        raise GovplanError("别名应为列表", "aliases must be a list", source)
    return [str(a) for a in aliases]


@dataclass(frozen=True)
class _Rules:
    """Compiled patterns and word tables from govplan/data/units.yaml."""

    block_line: re.Pattern[str]
    label_role: dict[str, str]
    verb_role: dict[str, str]
    verbs_longest_first: list[str]
    words: dict[str, Any]


@cache
def _rules() -> _Rules:
    w = data("units")
    label_role = word_map(w["role_labels"])
    verb_role = word_map(w["role_verbs"])
    block_line = re.compile(
        rf"(?m)^[ \t\u3000]*(?P<label>{alternation(label_role)})[ \t]*[{_COLONS}][ \t]*(?P<list>[^\n]*?)[ \t]*$"
    )
    return _Rules(block_line, label_role, verb_role, sorted(verb_role, key=len, reverse=True), w)


def assign_units(nodes: list[NodeText], registry: Registry) -> None:
    """Set ``node.units`` of every node from the units its own text states.

    A block of label lines at the end of the last child of a group, whose siblings have no block
    of their own, states the units of the whole group and goes to the parent (seed 001).
    """
    rules = _rules()
    parent_of = {id(child): nt.node for nt in nodes for child in nt.node.children}
    blocks = {id(nt.node): _block_refs(nt, registry, rules) for nt in nodes}
    for nt in nodes:
        block_refs, block_spans = blocks[id(nt.node)]
        owner = _block_owner(nt, parent_of, blocks) if block_refs else nt.node
        _extend(owner, block_refs)
        paren_refs, paren_spans = _parenthetical_refs(nt, registry, rules, block_spans)
        refs = paren_refs + _heading_refs(nt, registry, rules)
        refs += _sentence_refs(nt, registry, rules, block_spans + paren_spans)
        _extend(nt.node, refs)


def _extend(node: TaskNode, refs: list[UnitRef]) -> None:
    """Add refs to a node, skipping ones it already has (same role, name and place)."""
    seen = {(u.role, u.name, u.span.start) for u in node.units}
    for ref in refs:
        key = (ref.role, ref.name, ref.span.start)
        if key not in seen:
            seen.add(key)
            node.units.append(ref)


def _block_owner(nt: NodeText, parent_of: dict[int, TaskNode], blocks: dict[int, Any]) -> TaskNode:
    """The node a block of label lines belongs to.

    A block at the very end of a node's text climbs to the parent while the node is its
    parent's last child and no sibling subtree has a block of its own: the block then closes
    the whole group (seed 001: after 6.…四是… it states the units of (一)).
    """
    _, spans = blocks[id(nt.node)]
    if nt.text[spans[-1][1]:].strip():
        return nt.node  # the block is not at the end of the text: it is the node's own
    owner = nt.node
    while (parent := parent_of.get(id(owner))) is not None and parent.children[-1] is owner:
        if any(blocks.get(id(n), ([], []))[0] for sib in parent.children[:-1] for n in sib.walk()):
            break
        owner = parent
    return owner


def _block_refs(nt: NodeText, registry: Registry, rules: _Rules) -> tuple[list[UnitRef], list[tuple[int, int]]]:
    """Units of label lines (牵头单位:党建办) in the node's text, and the lines' ranges."""
    refs: list[UnitRef] = []
    spans: list[tuple[int, int]] = []
    for match in rules.block_line.finditer(nt.text):
        role = rules.label_role[match.group("label")]
        start, end = match.span("list")
        refs += _list_refs(nt, start, end, role, registry, rules, require_units=False)
        spans.append(match.span())
    return refs, spans


def _list_refs(
    nt: NodeText, start: int, end: int, role: str, registry: Registry, rules: _Rules, require_units: bool
) -> list[UnitRef]:
    """One UnitRef per unit of a written list (、，, separated; 和 only between two units)."""
    refs = []
    for s, e in _split_items(nt.text, start, end, rules.words["list_separators"], rules):
        for s2, e2 in _split_conjunctions(nt.text, s, e, registry, rules):
            name = nt.text[s2:e2]
            if not _balanced(name) or require_units and not _looks_like_unit(name, registry, rules):
                continue  # 中心) is the garbled tail of a name, not a unit
            refs.append(UnitRef(**evidence(nt, s2, e2), name=name, canonical=registry.lookup(name), role=role))
    return refs


def _split_items(text: str, start: int, end: int, separators: str, rules: _Rules) -> list[tuple[int, int]]:
    """Ranges of the items between separators outside brackets, trimmed of blanks and 等."""
    items: list[tuple[int, int]] = []
    depth = 0
    item_start = start
    for i in range(start, end + 1):
        ch = text[i] if i < end else separators[0]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch in separators and depth == 0:
            trimmed = _trim_item(text, item_start, i, rules)
            if trimmed:
                items.append(trimmed)
            item_start = i + 1
    return items


def _trim_item(text: str, start: int, end: int, rules: _Rules) -> tuple[int, int] | None:
    """Item range without surrounding blanks and trailing 等/等单位; None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    for trailer in sorted(rules.words["item_trailers"], key=len, reverse=True):
        if text.endswith(trailer, start, end) and end - len(trailer) > start:
            end -= len(trailer)
            break
    return (start, end) if end > start else None


def _split_conjunctions(text: str, start: int, end: int, registry: Registry, rules: _Rules) -> list[tuple[int, int]]:
    """Split 市委组织部和县人社局 in two, but keep 市文化广电和旅游局 whole (its left side is no unit)."""
    name = text[start:end]
    if registry.lookup(name) is not None:
        return [(start, end)]
    for conj in rules.words["conjunctions"]:
        pos = name.find(conj)
        while pos > 0:
            left, right = name[:pos], name[pos + len(conj):]
            if _looks_like_unit(left, registry, rules) and _looks_like_unit(right, registry, rules):
                rest = _split_conjunctions(text, start + pos + len(conj), end, registry, rules)
                return [(start, start + pos), *rest]
            pos = name.find(conj, pos + 1)
    return [(start, end)]


def _looks_like_unit(name: str, registry: Registry, rules: _Rules) -> bool:
    """Known to the registry, or short and ending like a unit name (…局, …中心, 各镇(街道))."""
    if registry.lookup(name) is not None:
        return True
    if not name or len(name) > int(rules.words["max_name_chars"]):
        return False
    if any(name.endswith(p) for p in rules.words["person_suffixes"]):
        return False  # 锻炼干部, 乡镇干部: people, not units
    return any(name.endswith(suffix) and len(name) > len(suffix) or name == suffix
               for suffix in rules.words["suffixes"])


def _parenthetical_refs(
    nt: NodeText, registry: Registry, rules: _Rules, skip: list[tuple[int, int]]
) -> tuple[list[UnitRef], list[tuple[int, int]]]:
    """Units of role parentheticals: (参与单位:市委组织部), (A、B牵头,C按职责分工负责), (责任领导:XX;责任单位:XX)."""
    refs: list[UnitRef] = []
    spans: list[tuple[int, int]] = []
    for start, end in _bracket_ranges(nt.text):
        if any(s <= start < e for s, e in skip):
            continue
        found = _parse_role_content(nt, start + 1, end - 1, registry, rules)
        if found:
            refs += found
            spans.append((start, end))
    return refs, spans


def _bracket_ranges(text: str) -> Iterator[tuple[int, int]]:
    """Ranges of outermost bracket pairs, brackets included; unbalanced brackets are skipped."""
    depth = 0
    open_at = 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            if depth == 0:
                open_at = i
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
            if depth == 0:
                yield open_at, i + 1


def _parse_role_content(nt: NodeText, start: int, end: int, registry: Registry, rules: _Rules) -> list[UnitRef]:
    """Units in a bracket's content, or [] when any part of it is not a role statement."""
    text = nt.text
    refs: list[UnitRef] = []
    for seg_start, seg_end in _split_items(text, start, end, rules.words["segment_separators"], rules):
        label = next((lb for lb in sorted(rules.label_role, key=len, reverse=True)
                      if text.startswith(lb, seg_start) and text[seg_start + len(lb):seg_start + len(lb) + 1] in _COLONS
                      and seg_start + len(lb) < seg_end), None)
        if label is not None:
            list_start = seg_start + len(label) + 1
            refs += _list_refs(nt, list_start, seg_end, rules.label_role[label], registry, rules, require_units=False)
            continue
        clause_refs = _verb_clause_refs(nt, seg_start, seg_end, registry, rules)
        if not clause_refs:
            return []
        refs += clause_refs
    return refs


def _verb_clause_refs(nt: NodeText, start: int, end: int, registry: Registry, rules: _Rules) -> list[UnitRef]:
    """Units of comma-separated 'units + role verb' clauses (A、B牵头,C按职责分工负责); [] if one is not."""
    refs: list[UnitRef] = []
    for s, e in _split_items(nt.text, start, end, "，,", rules):
        verb = next((v for v in rules.verbs_longest_first if nt.text.endswith(v, s, e) and e - len(v) > s), None)
        if verb is None:
            return []
        found = _list_refs(nt, s, e - len(verb), rules.verb_role[verb], registry, rules, require_units=True)
        if not found:
            return []
        refs += found
    return refs


def _heading_refs(nt: NodeText, registry: Registry, rules: _Rules) -> list[UnitRef]:
    """A heading that is nothing but a unit name (一、泰州市农业农村局) leads its section."""
    title = (nt.node.title or "").strip()
    if not title or any(title.startswith(v) for v in rules.words["heading_not_unit_starts"]):
        return []
    if not _looks_like_unit(title, registry, rules) or not _is_name_text(title):
        return []
    pos = nt.text.find(title)
    if pos < 0:
        return []
    return [UnitRef(**evidence(nt, pos, pos + len(title)), name=title, canonical=registry.lookup(title), role="lead")]


def _balanced(name: str) -> bool:
    """Whether every bracket in a name is closed and every closing bracket was opened."""
    depth = 0
    for ch in name:
        depth += ch in _OPEN
        depth -= ch in _CLOSE
        if depth < 0:
            return False
    return depth == 0


def _is_name_text(name: str) -> bool:
    """Unit names hold Chinese characters, letters, digits and brackets, nothing else."""
    return all(ch.isalnum() or ch in _OPEN + _CLOSE for ch in name)


def _sentence_refs(
    nt: NodeText, registry: Registry, rules: _Rules, skip: list[tuple[int, int]]
) -> list[UnitRef]:
    """Units acting in a sentence lead the task: at the start of a clause (县人社局指导…,
    县委组织部与县财政局联合印发…) or after an agent marker (由乡党委按程序作出…)."""
    refs: list[UnitRef] = []
    text = nt.text
    for pos, marked in _actor_starts(text, rules):
        if any(s <= pos < e for s, e in skip):
            continue
        for start, end in _actor_names(text, pos, marked, registry, rules) or []:
            name = text[start:end]
            refs.append(UnitRef(**evidence(nt, start, end), name=name, canonical=registry.lookup(name), role="lead"))
    return refs


def _actor_starts(text: str, rules: _Rules) -> Iterator[tuple[int, bool]]:
    """Where an acting unit may begin: clause starts (after blanks), and right after an agent
    marker such as 由 (True: the unit's name may begin with any place, 由绥滨县经济开发区党工委…)."""
    w = rules.words
    markers = alternation(w["agent_markers"])
    not_markers = alternation(w["agent_marker_not_before"])
    pattern = rf"(?:^|[{re.escape(w['clause_breaks'])}])\s*|(?P<marker>{markers})(?!{not_markers})"
    heading = match_heading(text)
    if heading is not None and heading.number_end < len(text):
        yield heading.number_end, False  # "1.县人社局牵头，…": the first clause starts after the number
    for match in re.finditer(pattern, text):
        if match.end() < len(text):
            yield match.end(), match.group("marker") is not None


def _actor_names(
    text: str, pos: int, marked: bool, registry: Registry, rules: _Rules
) -> list[tuple[int, int]] | None:
    """Ranges of the unit names acting at ``pos`` (one name, or a list joined by 、/和/与), followed
    by an action verb; None when no unit acts there."""
    w = rules.words
    for end in _name_ends(text, pos, marked, registry, rules):
        names = [(pos, end)]
        while len(names) < int(w["max_actor_list"]):
            sep = next((c for c in w["actor_list_joiners"] if text.startswith(c, names[-1][1])), None)
            following = _name_ends(text, names[-1][1] + len(sep), marked, registry, rules) if sep else []
            if not following:
                break
            names.append((names[-1][1] + len(sep or ""), following[0]))
        if _acts(text, names[-1][1], w):
            return names
    return None


def _name_ends(text: str, pos: int, any_start: bool, registry: Registry, rules: _Rules) -> list[int]:
    """Ends of the unit names that may start at ``pos``, shortest first: a registered name, and
    names ending like a unit (…局, …党委) that start with a level (县, 镇…) or follow an agent
    marker. Generic references (各部门, 相关部门) and people (乡镇干部) are not acting units."""
    w = rules.words
    if any(text.startswith(g, pos) for g in w["generic_actor_starts"]):
        return []
    known = registry.match_at(text, pos)
    ends = [] if known is None else [known]
    if any_start or any(text.startswith(p, pos) for p in w["sentence_prefixes"]):
        limit = min(len(text), pos + int(w["max_name_chars"]))
        boundaries = _word_boundaries(text, pos, limit)
        for end in range(max(pos + 2, known or 0), limit + 1):
            name = text[pos:end]
            if not _is_name_text(name):
                break
            if end in boundaries and end != known and any(name.endswith(s) for s in w["suffixes"]):
                ends.append(end)
    return sorted(e for e in ends if not any(text.endswith(p, pos, e) for p in w["person_suffixes"]))


def _word_boundaries(text: str, start: int, end: int) -> set[int]:
    """Positions in [start, end] where jieba ends a word, so that a name never ends inside one
    (党组 inside 党组织, 纪检委 inside 纪检委员)."""
    boundaries = {start}
    pos = start
    for token in words(text[start:end + 2]):
        pos += len(token)
        boundaries.add(pos)
    return boundaries


def _acts(text: str, end: int, w: dict[str, Any]) -> bool:
    """Whether an action verb follows, after up to three skippable time or modal words."""
    pos = end
    skips = sorted(w["actor_skips"], key=len, reverse=True)
    for _ in range(4):
        if any(text.startswith(v, pos) for v in w["action_verbs"]):
            return True
        skip = next((s for s in skips if text.startswith(s, pos)), None)
        if skip is None:
            return False
        pos += len(skip)
    return False
