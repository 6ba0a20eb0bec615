"""Responsible units and their roles (lead / support / responsible / leader) for task nodes.

Names go through an alias registry (govplan/data/aliases.yaml plus the user's YAML files),
matched with a character trie over the normalised text before any segmentation: jieba splits at
punctuation first, so 社会治安综合治理(应急服务)中心 could never match as a jieba word.
Units the registry does not know are recognised by their last characters (局, 办, 中心…), and
without a level before them by an organisation word (局党委, 新北国啤酒党支部) checked word by word
with jieba. Sources of roles: block lines (牵头单位:…), labels opening a sentence ((一)参与范围:…),
role parentheticals ((参与单位:市委组织部)), headings that are a unit (一、泰州市农业农村局), units
acting in a sentence (县人社局指导…) and support statements (…各非公企业配合, 会同县财政局…).
Units acting in a sentence must be particular units; collective ones (乡镇, 区属企业) count only
where a role is stated explicitly (docs/gold-format.md, Assignments).
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
from govplan.annotate.lexicon import alternation, as_tuples, data, word_map
from govplan.annotate.segment import add_user_words, words
from govplan.datafiles import check_data, read_yaml
from govplan.errors import GovplanError
from govplan.spec.model import TaskNode, UnitRef
from govplan.structure.numbering import match_heading

_OPEN = "(（"
_CLOSE = ")）"
_COLONS = ":："
_END = ""  # trie key marking the end of a registered name
_BRACKET = re.compile(f"[{re.escape(_OPEN + _CLOSE)}]")
_NAME_RUN = re.compile(r"(?:[^\W_]|[()])*")  # characters a unit name may hold (see _is_name_text)
_MAX_PLACE_CHARS = 6  # longest place name (泰州市, 会宁县) accepted before a registered unit name


@dataclass
class Registry:
    """Unit names as written (aliases and canonical names) mapped to canonical names, with a trie."""

    canonical_of: dict[str, str] = field(default_factory=dict)
    trie: dict[str, Any] = field(default_factory=dict)
    longest: int = 0  # characters of the longest registered name

    def add(self, canonical: str, aliases: Iterable[str]) -> None:
        """Register a canonical name and its aliases (each also maps to itself's canonical)."""
        for surface in (canonical, *aliases):
            self.canonical_of[surface] = canonical
            self.longest = max(self.longest, len(surface))
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
        if len(name) > self.longest + _MAX_PLACE_CHARS:
            return None  # longer than any place before any registered name
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
        sectioned = bool({"prefixes", "bodies", "names"} & set(loaded))
        check_data(Path(path), loaded, "aliases" if sectioned else "aliases_plain")
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
    inline_label: re.Pattern[str]
    label_role: dict[str, str]
    verb_role: dict[str, str]
    verbs_longest_first: list[str]
    support_verb: re.Pattern[str]
    support_marker: re.Pattern[str]
    joint_organs: re.Pattern[str]
    coordination: re.Pattern[str]
    actor_start: re.Pattern[str]  # a clause start (after blanks), or right after an agent marker
    plain_cues: re.Pattern[str]
    collective_cues: re.Pattern[str]
    openers: frozenset[str]
    breakers: frozenset[str]
    long_breakers: tuple[str, ...]
    suffixes: tuple[str, ...]
    skippable: tuple[str, ...]  # time, modal and manner words between units and their verb, longest first
    words: dict[str, Any]


@cache
def _rules() -> _Rules:
    w = data("units")
    label_role = word_map(w["role_labels"])
    verb_role = word_map(w["role_verbs"])
    labels = alternation(label_role)
    block_line = re.compile(rf"(?m)^[ \t\u3000]*(?P<label>{labels})[ \t]*[{_COLONS}][ \t]*(?P<list>[^\n]*?)[ \t]*$")
    levels = alternation(p for p in w["sentence_prefixes"] if p not in w["distributive_starts"])
    organs = alternation(w["joint_organs"])
    item = rf"[\u4e00-\u9fff]{{1,{int(w['coordination_item_chars'])}}}?"
    return _Rules(
        block_line=block_line,
        inline_label=re.compile(rf"(?P<label>{labels})[ \t]*[{_COLONS}]"),
        label_role=label_role,
        verb_role=verb_role,
        verbs_longest_first=sorted(verb_role, key=len, reverse=True),
        support_verb=re.compile(alternation(v for v, role in verb_role.items() if role == "support")),
        support_marker=re.compile(alternation(w["support_markers"])),
        joint_organs=re.compile(rf"(?P<level>{levels}){organs}、(?P<second>(?P=level){organs})"),
        coordination=re.compile(
            rf"(?:{levels}){item}(?:、{item}){{1,{int(w['max_actor_list'])}}}?{alternation(w['coordination_heads'])}"
        ),
        actor_start=re.compile(
            rf"(?:^|[{re.escape(w['clause_breaks'])}])\s*"
            rf"|(?P<marker>{alternation(w['agent_markers'])})(?!{alternation(w['agent_marker_not_before'])})"
        ),
        plain_cues=re.compile(alternation([*w["plain_name_suffixes"], *w["definite_bodies"]])),
        collective_cues=re.compile(
            alternation([*w["plain_name_suffixes"], *w["definite_bodies"], *w["collective_suffixes"]])
        ),
        openers=frozenset([*w["action_verbs"], *w["action_adverbs"], *w["heading_not_unit_starts"], *w["actor_skips"]]),
        breakers=frozenset(w["name_breakers"]),
        long_breakers=tuple(b for b in w["name_breakers"] if len(b) > 1),
        suffixes=tuple(w["suffixes"]),
        skippable=tuple(sorted([*w["actor_skips"], *w["action_adverbs"]], key=len, reverse=True)),
        words=as_tuples(w),
    )


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
        label_refs, label_spans = _inline_label_refs(nt, registry, rules, block_spans + paren_spans)
        skip = block_spans + paren_spans + label_spans
        refs = paren_refs + label_refs + _heading_refs(nt, registry, rules)
        refs += _sentence_refs(nt, registry, rules, skip) + _support_refs(nt, registry, rules, skip)
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
    """One UnitRef per unit of a written list (、，, separated; 和 only between two units).

    With ``require_units`` an item must be a unit or a collective one (乡镇, 区属企业); an item that
    runs on past its unit is cut after it (区属企业联系贫困村和社区 → 区属企业), other items are dropped.
    """
    refs = []
    for s, e in _list_items(nt.text, start, end, rules):
        for s2, e2 in _split_conjunctions(nt.text, s, e, registry, rules, collective=require_units):
            unit_end = _unit_prefix_end(nt.text, s2, e2, registry, rules) if require_units else e2
            if unit_end is None or not _balanced(nt.text[s2:unit_end]):
                continue  # 中心) is the garbled tail of a name, not a unit
            name = nt.text[s2:unit_end]
            refs.append(UnitRef(**evidence(nt, s2, unit_end), name=name, canonical=registry.lookup(name), role=role))
    return refs


def _list_items(text: str, start: int, end: int, rules: _Rules) -> list[tuple[int, int]]:
    """Items of a unit list; a bare head after 、 joins the item before it (区直部门、单位 is one item)."""
    items: list[tuple[int, int]] = []
    for s, e in _split_items(text, start, end, rules.words["list_separators"], rules):
        if items and text[s:e] in rules.words["shared_heads"] and text[items[-1][1]:s].strip() == "、":
            items[-1] = (items[-1][0], e)
        else:
            items.append((s, e))
    return items


def _unit_prefix_end(text: str, start: int, end: int, registry: Registry, rules: _Rules) -> int | None:
    """End of the longest unit name (collective ones included) that the item starts with, at a word end."""
    if _looks_like_unit(text[start:end], registry, rules, collective=True):
        return end
    for _, word_end in reversed(_tokens(text, start, min(end - 1, start + int(rules.words["max_name_chars"])))):
        if _looks_like_unit(text[start:word_end], registry, rules, collective=True):
            return word_end
    return None


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


def _split_conjunctions(
    text: str, start: int, end: int, registry: Registry, rules: _Rules, collective: bool = False
) -> list[tuple[int, int]]:
    """Split 市委组织部和县人社局 in two, but keep 市文化广电和旅游局 whole (its left side is no unit)."""
    name = text[start:end]
    if registry.lookup(name) is not None:
        return [(start, end)]
    for conj in rules.words["conjunctions"]:
        pos = name.find(conj)
        while pos > 0:
            left, right = name[:pos], name[pos + len(conj):]
            if all(_looks_like_unit(side, registry, rules, collective) for side in (left, right)):
                rest = _split_conjunctions(text, start + pos + len(conj), end, registry, rules, collective)
                return [(start, start + pos), *rest]
            pos = name.find(conj, pos + 1)
    return [(start, end)]


def _looks_like_unit(name: str, registry: Registry, rules: _Rules, collective: bool = False) -> bool:
    """Known to the registry, or short and ending like a unit name (…局, …中心, 各镇(街道)); with
    ``collective`` also a collective unit named as such (乡镇, 群团组织, 区直部门、单位)."""
    if registry.lookup(name) is not None:
        return True
    if not name or len(name) > int(rules.words["max_name_chars"]) or _is_person(name, rules):
        return False  # 锻炼干部, 乡镇干部: people, not units
    suffixed = name.endswith(rules.suffixes)
    if not suffixed and not (collective and _is_collective(name, rules)):
        return False
    name_words = words(name)
    if suffixed:
        return not any(_breaks_name(word, rules) for word in name_words)  # 相关职能处室作为成员单位
    return _plain_words(name_words, rules)


def _is_person(name: str, rules: _Rules) -> bool:
    """Whether a name ends like people rather than a unit (乡镇干部, 广大干部)."""
    return name.endswith(rules.words["person_suffixes"])


def _is_collective(name: str, rules: _Rules) -> bool:
    """A collective unit: a level word (乡镇, 镇街(园区)) or a short name of a kind of body (区属企业,
    各非公企业, 群团组织); vague references (有关单位, 其他部门) are none."""
    w = rules.words
    core = re.sub(r"\([^()]{1,8}\)$", "", name)  # 镇街(园区): the bracket names an alternative
    if core.startswith(w["vague_starts"]):
        return False
    if core in w["collective_words"]:
        return True
    kind = next((core[len(d):] for d in w["distributive_starts"] if core.startswith(d)), core)
    leveled = kind.startswith(w["sentence_prefixes"])
    limit = int(w["leveled_collective_chars" if leveled else "collective_chars"])
    return len(kind) <= limit and any(kind.endswith(s) and len(kind) > len(s) for s in w["collective_suffixes"])


def _plain_words(name_words: list[str], rules: _Rules) -> bool:
    """Whether words can make a unit name with no level before it (see _plain_start), none a name breaker."""
    return bool(name_words) and _plain_start(name_words[0], rules) and not any(_breaks_name(w, rules) for w in name_words)


def _plain_start(first_word: str, rules: _Rules) -> bool:
    """Whether a unit name may begin with this word: no verb, skip word, number or bracket (建立党委…, 6个党支部…)."""
    return first_word not in rules.openers and first_word[:1].isalpha()


def _breaks_name(word: str, rules: _Rules) -> bool:
    """Whether a word cannot stand inside a unit name (支持, 下设; or led by a longer breaker: 切实加强)."""
    return word in rules.breakers or word.startswith(rules.long_breakers)


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
    for bracket in _BRACKET.finditer(text):
        i = bracket.start()
        if bracket.group() in _OPEN:
            if depth == 0:
                open_at = i
            depth += 1
        elif depth:
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
    if not title or title.startswith(rules.words["heading_not_unit_starts"]):
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
        if _inside(pos, skip):
            continue
        for start, end in _actor_names(text, pos, marked, registry, rules) or []:
            refs.append(_ref(nt, start, end, "lead", registry))
    return refs


def _ref(nt: NodeText, start: int, end: int, role: str, registry: Registry) -> UnitRef:
    """The UnitRef for the name at the node-local range [start, end)."""
    name = nt.text[start:end]
    return UnitRef(**evidence(nt, start, end), name=name, canonical=registry.lookup(name), role=role)


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``pos`` lies in one of the ranges (text already read as a block, label or parenthetical)."""
    return any(s <= pos < e for s, e in spans)


def _actor_starts(text: str, rules: _Rules) -> Iterator[tuple[int, bool]]:
    """Where an acting unit may begin: clause starts (after blanks), and right after an agent
    marker such as 由 (True: the unit's name may begin with any place, 由绥滨县经济开发区党工委…)."""
    heading = match_heading(text)
    if heading is not None and heading.number_end < len(text):
        yield heading.number_end, False  # "1.县人社局牵头，…": the first clause starts after the number
    for match in rules.actor_start.finditer(text):
        if match.end() < len(text):
            yield match.end(), match.group("marker") is not None


def _actor_names(
    text: str, pos: int, marked: bool, registry: Registry, rules: _Rules
) -> list[tuple[int, int]] | None:
    """Ranges of the unit names acting at ``pos`` (one name, or a list joined by 、/和/与), followed
    by an action verb; None when no unit acts there."""
    for end in _name_ends(text, pos, marked, registry, rules):
        names = _name_list(text, (pos, end), marked, registry, rules)
        if rules.support_verb.match(text, _skip_forward(text, names[-1][1], rules)):
            return None  # 县财政局要积极配合: the units support, they do not lead
        if _acts(text, names[-1][1], rules.words):
            return names
    return None


def _name_list(
    text: str, first: tuple[int, int], any_start: bool, registry: Registry, rules: _Rules, collective: bool = False
) -> list[tuple[int, int]]:
    """The first name and the names joined to it by 、/与/和/及 (县委组织部与县财政局)."""
    w = rules.words
    names = [first]
    while len(names) < int(w["max_actor_list"]):
        sep = next((c for c in w["actor_list_joiners"] if text.startswith(c, names[-1][1])), None)
        if sep is None:
            break
        following = _name_ends(text, names[-1][1] + len(sep), any_start, registry, rules, collective)
        if not following:
            break
        names.append((names[-1][1] + len(sep), following[0]))
    return names


def _name_ends(
    text: str, pos: int, any_start: bool, registry: Registry, rules: _Rules, collective: bool = False
) -> list[int]:
    """Ends of the unit names that may start at ``pos``, shortest first.

    A name is registered, or ends like a unit (…局, …党委) and starts with a level (县, 镇…) or
    follows an agent marker, or is a place or organisation name before an organisation word (局党委,
    新北国啤酒党支部), or a notice's own body named bare (领导小组), or sector words before a shared
    head (县乡村振兴、农业、财政等部门), or two organs before one head (县委、县政府督查室). A body's
    name wins over a unit it starts with (区委协调推进领导小组, not 区委). Distributive references
    (各部门) act only as ``collective`` units; vague ones (相关部门) and people (乡镇干部) never do.
    """
    w = rules.words
    if text.startswith(w["vague_starts"], pos):
        return []
    if not collective and text.startswith(w["distributive_starts"], pos):
        return []
    if not _may_start_name(text, pos, any_start, registry, rules, collective):
        return []
    joint = _joint_name_ends(text, pos, any_start, registry, rules, collective)
    if joint:
        return joint
    known = registry.match_at(text, pos)
    ends = set(_suffix_name_ends(text, pos, any_start, known, rules, collective))
    if known is not None:
        ends.add(known)
    coordination = None if ends else rules.coordination.match(text, pos)
    if coordination is not None:
        ends.add(coordination.end())  # 县乡村振兴、农业…等部门: its items are no units themselves
    named = sorted(e for e in ends if not _is_person(text[pos:e], rules))
    if any(text[e - 1] in _CLOSE for e in named):
        named = [e for e in named if text[e:e + 1] not in _OPEN]  # 镇街(园区), not 镇街
    bodies = [e for e in named if text.endswith(w["body_suffixes"], pos, e)]
    return [e for e in named if e >= max(bodies)] if bodies else named


def _may_start_name(text: str, pos: int, any_start: bool, registry: Registry, rules: _Rules, collective: bool) -> bool:
    """A quick necessary test for ``_name_ends``, which most clause starts fail: every name it finds
    follows an agent marker, starts with a level (joint organs and coordinations too), starts
    with a registered name, or holds a unit cue word within its first ``max_name_chars``."""
    if any_start or text.startswith(rules.words["sentence_prefixes"], pos) or text[pos:pos + 1] in registry.trie:
        return True
    cues = rules.collective_cues if collective else rules.plain_cues
    return cues.search(text, pos, _name_run_end(text, pos, rules)) is not None


def _name_run_end(text: str, pos: int, rules: _Rules) -> int:
    """End of the characters a unit name may hold from ``pos``, at most ``max_name_chars`` of them."""
    limit = min(len(text), pos + int(rules.words["max_name_chars"]))
    return _NAME_RUN.match(text, pos, limit).end()  # type: ignore[union-attr]  # the pattern matches ""


def _joint_name_ends(
    text: str, pos: int, any_start: bool, registry: Registry, rules: _Rules, collective: bool
) -> list[int]:
    """Ends of one joint body named by two organs of a level before a shared head (县委、县政府督查室)."""
    match = rules.joint_organs.match(text, pos)
    if match is None:
        return []
    second = match.start("second")
    return [e for e in _name_ends(text, second, any_start, registry, rules, collective) if e > match.end()]


def _suffix_name_ends(
    text: str, pos: int, any_start: bool, known: int | None, rules: _Rules, collective: bool
) -> list[int]:
    """Ends of the unregistered names at ``pos``, each at a jieba word end, so that a name never ends
    inside a word (党组 inside 党组织, 纪检委 inside 纪检委员)."""
    w = rules.words
    leveled = any_start or text.startswith(w["sentence_prefixes"], pos)
    stop = _name_run_end(text, pos, rules)
    cues = rules.collective_cues if collective else rules.plain_cues
    if not leveled and cues.search(text, pos, stop) is None:
        return []
    ends = []
    tokens = _tokens(text, pos, stop)
    for s, end in tokens:
        if _breaks_name(text[s:end], rules):
            break  # 支持村党支部…, 领导小组下设办公室, 镇村两级全部…: no name runs past such a word
        if end >= max(pos + 2, known or 0) and end != known:
            if _is_name(text[pos:end], text[pos:tokens[0][1]], leveled, rules, collective):
                ends.append(end)
    return ends


def _is_name(name: str, first_word: str, leveled: bool, rules: _Rules, collective: bool) -> bool:
    """Whether ``name``, free of name breakers, names a unit the registry does not know."""
    w = rules.words
    if not _balanced(name):
        return False
    if leveled and name.endswith(rules.suffixes) or name in w["definite_bodies"]:
        return True
    if not _plain_start(first_word, rules):
        return False  # 建立党委…: a verb, not a name, begins the clause
    place = next((name[:-len(s)] for s in w["plain_name_suffixes"] if name.endswith(s) and len(name) > len(s)), None)
    if place is not None and place not in w["category_places"] and not _joins_units(place, rules):
        return True  # 局党委, 新北国啤酒党支部; not 贫困村党支部 (every poor village's), nor 企业党委和纪委
    return collective and _is_collective(name, rules)


def _joins_units(text: str, rules: _Rules) -> bool:
    """Whether a unit name ends right before a conjunction in ``text`` (企业党委和…: a list, not one name)."""
    unit_ends = rules.suffixes + tuple(rules.words["plain_name_suffixes"])
    conjunctions = tuple(rules.words["conjunctions"])
    return any(text.startswith(conjunctions, i) and text[:i].endswith(unit_ends) for i in range(1, len(text)))


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Ranges of the jieba words that lie within [start, end), cut with a little right context."""
    ranges: list[tuple[int, int]] = []
    pos = start
    for token in words(text[start:end + 2]):
        if pos + len(token) > end:
            break
        ranges.append((pos, pos + len(token)))
        pos += len(token)
    return ranges


def _acts(text: str, end: int, w: dict[str, Any]) -> bool:
    """Whether an action verb or a manner adverb follows, after up to three skippable time or modal words."""
    pos = end
    skips = sorted(w["actor_skips"], key=len, reverse=True)
    for _ in range(4):
        if text.startswith(w["action_adverbs"], pos):
            return True
        verb = next((v for v in w["action_verbs"] if text.startswith(v, pos)), None)
        if verb is not None:
            return text[pos + len(verb):pos + len(verb) + 1] not in w["action_verb_not_before"]
        skip = next((s for s in skips if text.startswith(s, pos)), None)
        if skip is None:
            return False
        pos += len(skip)
    return False


def _inline_label_refs(
    nt: NodeText, registry: Registry, rules: _Rules, skip: list[tuple[int, int]]
) -> tuple[list[UnitRef], list[tuple[int, int]]]:
    """Units of a role label that opens a sentence inside a line, after the heading number
    ((一)参与范围:区四大组织机关,乡镇、街道…) or after 。 (…。责任单位:县财政局); the list runs to the
    sentence end and holds units only."""
    refs: list[UnitRef] = []
    spans: list[tuple[int, int]] = []
    matches = list(rules.inline_label.finditer(nt.text))
    starts = _sentence_starts(nt.text, rules) if matches else set()
    read_to = 0
    for match in matches:
        if match.start() < read_to or match.start() not in starts or _inside(match.start(), skip):
            continue
        read_to = _sentence_end(nt.text, match.end())
        found = _list_refs(nt, match.end(), read_to, rules.label_role[match.group("label")], registry, rules, True)
        if found:
            refs += found
            spans.append((match.start(), read_to))
    return refs, spans


def _sentence_starts(text: str, rules: _Rules) -> set[int]:
    """Where sentences begin: the text start, after the heading number and after sentence breaks (blanks skipped)."""
    heading = match_heading(text)
    starts = {0, heading.number_end if heading is not None else 0}
    starts.update(i + 1 for i, ch in enumerate(text) if ch in rules.words["sentence_breaks"])
    return {_skip_blanks(text, s) for s in starts}


def _skip_blanks(text: str, pos: int) -> int:
    """The first position at or after ``pos`` that is not blank."""
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _sentence_end(text: str, pos: int) -> int:
    """Where the sentence running at ``pos`` ends (its 。/；, the line end or the text end)."""
    ends = [i for i in (text.find(ch, pos) for ch in "。；;\n") if i >= 0]
    return min(ends, default=len(text))


def _support_refs(nt: NodeText, registry: Registry, rules: _Rules, skip: list[tuple[int, int]]) -> list[UnitRef]:
    """Units a sentence states as supporting: the list before a support verb (…,各非公企业配合支持;
    乡镇、街道…广大干部都要参与) and the units after a support marker (会同县财政局联合印发)."""
    refs: list[UnitRef] = []
    text = nt.text
    for match in rules.support_verb.finditer(text):
        if not _inside(match.start(), skip):
            refs += _units_before(nt, _skip_back(text, match.start(), rules), registry, rules)
    for match in rules.support_marker.finditer(text):
        if _inside(match.start(), skip):
            continue
        ends = _name_ends(text, match.end(), True, registry, rules, collective=True)
        if ends:
            names = _name_list(text, (match.end(), ends[0]), True, registry, rules, collective=True)
            refs += [_ref(nt, s, e, "support", registry) for s, e in names]
    return refs


def _skip_back(text: str, end: int, rules: _Rules) -> int:
    """Where a list ends before a verb, past up to three skippable words (…广大干部都要积极参与)."""
    for _ in range(3):
        skip = next((s for s in rules.skippable if text.endswith(s, 0, end)), None)
        if skip is None:
            break
        end -= len(skip)
    return end


def _skip_forward(text: str, pos: int, rules: _Rules) -> int:
    """Where the verb after a list begins, past up to three skippable words (县财政局要积极|配合)."""
    for _ in range(3):
        skip = next((s for s in rules.skippable if text.startswith(s, pos)), None)
        if skip is None:
            break
        pos += len(skip)
    return pos


def _units_before(nt: NodeText, end: int, registry: Registry, rules: _Rules) -> list[UnitRef]:
    """Support refs for the run of list items that ends at ``end`` and holds units (people skipped)."""
    text = nt.text
    w = rules.words
    heading = match_heading(text)
    start = max(text.rfind(ch, 0, end) + 1 for ch in w["sentence_breaks"])
    if heading is not None and start < heading.number_end <= end:
        start = heading.number_end
    reach = end - int(w["max_actor_list"]) * (int(w["max_name_chars"]) + 1)
    items = _list_items(text, max(start, reach), end, rules)
    if reach > start:
        items = items[1:]  # a list is read back at most max_actor_list names; the first item may be cut
    run: list[str] = []
    run_start = end
    for s, e in reversed(items):
        if _is_person(text[s:e], rules):
            continue
        if not _looks_like_unit(text[s:e], registry, rules, collective=True):
            if run and "、" in text[e:run_start]:
                return []  # 公益性、服务性、互助性社会组织参与: the units end a longer phrase
            break
        run.append(text[s:e])
        run_start = s
    if len(run) == 1 and not _anchored(run[0], registry, rules):
        return []  # 社会组织参与党建工作,…: a kind of body alone states no role
    return _list_refs(nt, run_start, end, "support", registry, rules, True) if run else []


def _anchored(name: str, registry: Registry, rules: _Rules) -> bool:
    """Whether a name points at particular units: a unit name, or a collective with a level or 各 (各非公企业)."""
    w = rules.words
    starts = [p for p in w["sentence_prefixes"] if p not in w["collective_words"]]
    return _looks_like_unit(name, registry, rules) or any(name.startswith(p) for p in starts)
