"""Merge a fresh extraction into a spec a person may have edited, without losing their work.

A spec file records what the extractor wrote last time only as hashes (docs/robustness.md):

* ``fingerprint`` (top level): sha256 of the whole spec as extracted.
* ``fingerprint`` on every task node and ``document_fingerprint``: the *record* hash (16 hex
  digits over the node's own fields and the ids of its children; for the document, metadata,
  notes and the top-level ids), then ``:`` and a 4-hex digest of each field of that record.

Old and fresh task nodes are paired by content (number, title, text; govplan.align), level by
level, then across levels for nodes a person moved. For each pair every field is decided on its
own: a field whose edited value still has the recorded digest was changed only by the
extractor and takes the fresh value; one whose fresh value has the recorded digest was changed
only by the person and is kept; one changed by both keeps the person's value (with fresh spans
for evidence items whose text did not change) and is reported as a Conflict. Fingerprints
written before field digests existed fall back to recovering the whole record (the one mix of
edited and fresh values that hashes to it).

Nothing a person wrote is dropped: an edited node the extractor no longer finds is kept and
reported (``field="exists"``); nodes a person added (no fingerprint) are kept. The merge is
written into the loaded YAML tree (ruamel round trip), so comments stay on their nodes.
Progress records (``ledger``) belong to people alone: they are in no record and no fingerprint, a
merge never writes them, and a node holding them is never dropped as untouched.
"""

from __future__ import annotations

import copy
import hashlib
import itertools
import json
from dataclasses import dataclass, field
from functools import cache
from json.encoder import c_make_encoder, encode_basestring  # what json.dumps(ensure_ascii=False) uses (C where built)
from typing import Any, Iterator
from zlib import crc32

from pydantic import ValidationError

from govplan.align import align, bigrams, dice
from govplan.errors import Errors, GovplanError
from govplan.spec.io import spec_to_data
from govplan.spec.model import Metadata, Spec, TaskNode

Record = dict[str, Any]

SPEC_HASH_KEY = "fingerprint"
DOCUMENT_HASH_KEY = "document_fingerprint"
NODE_HASH_KEY = "fingerprint"
EXTRACTOR_OWNED = ("schema_version", "generator", "source")
PERSON_OWNED = ("ledger",)  # node fields only people write (督办台账 records): in no record, always kept
CHILDREN = "children"  # record key: the sorted ids of a node's children (the top-level tasks, for the document)
MAX_SEARCHED_KEYS = 12  # 2**12 candidate bases at most, for fingerprints without field digests
MAX_DELETED_SEARCH = 2000  # subsets tried when looking for the children a person deleted
NODE_HASH_CHARS = 16
DIGEST_CHARS = 4
MOVED_THRESHOLD = 0.8  # a node found under another parent must be this similar to pair
_NODE_FIELDS = tuple(TaskNode.model_fields)
_SPEC_FIELDS = tuple(Spec.model_fields)
_NODE_RECORD = tuple(f for f in _NODE_FIELDS if f not in (NODE_HASH_KEY, CHILDREN, *PERSON_OWNED)) + (CHILDREN,)
_DOC_RECORD = tuple(f"metadata.{f}" for f in Metadata.model_fields) + ("notes", CHILDREN)


@dataclass(frozen=True)
class Conflict:
    """A field both the person and the extractor changed: the person's value was kept."""

    node_id: str | None  # None for the document's own fields (metadata, notes, top-level tasks)
    field: str
    kept: Any
    new: Any


@dataclass
class MergeResult:
    """The merged spec (the edited YAML tree, comments kept, stamped with fresh fingerprints)."""

    data: dict[str, Any]
    conflicts: list[Conflict] = field(default_factory=list)
    added: list[str] = field(default_factory=list)  # ids of nodes the fresh extraction added
    dropped: list[str] = field(default_factory=list)  # ids of unedited nodes the extractor no longer finds
    edited: bool = True  # False when the file was untouched and the result is the fresh extraction


def fingerprint(spec: Spec) -> str:
    """sha256 of the spec's canonical JSON, leaving out every fingerprint (they are derived)."""
    return _sha256(_without_hashes(spec_to_data(spec)))


def stamp(spec: Spec) -> dict[str, Any]:
    """The spec as data to write: with its fingerprint, the document's and every node's, each
    at its model field position, so the data dumps exactly as the validated stamped spec would."""
    data = _strip_hashes(spec_to_data(spec))  # a fresh copy, so fingerprints go in place
    pieces = {key: "[" + _stamp_nodes(value) + "]" if key == "tasks" else _field_json(value) for key, value in data.items()}
    spec_hash = _hex(_object_json(pieces))  # the canonical JSON before any fingerprint, as fingerprint() hashes it
    _put(data, DOCUMENT_HASH_KEY, record_fingerprint(_document_record(data), _DOC_RECORD), _SPEC_FIELDS)
    _put(data, SPEC_HASH_KEY, spec_hash, _SPEC_FIELDS)
    return data


def _stamp_nodes(nodes: list[Record]) -> str:
    """Give every node of the list, and below, its fingerprint (in place); the list's canonical
    JSON as it was before, made of the texts the fingerprints serialised (each value serialised once)."""
    texts = []
    for node in nodes:
        pieces = {key: _field_json(value) for key, value in node.items() if key != CHILDREN}
        record = {key: piece for key, piece in pieces.items() if key not in PERSON_OWNED}
        children = node.get(CHILDREN, [])
        if children:
            record[CHILDREN] = _field_json(sorted(child["id"] for child in children))
            pieces[CHILDREN] = "[" + _stamp_nodes(children) + "]"
        texts.append(_object_json(pieces))
        _put(node, NODE_HASH_KEY, _fingerprint(record, _NODE_RECORD), _NODE_FIELDS)
    return ",".join(texts)


def record_fingerprint(record: Record, fields: tuple[str, ...]) -> str:
    """The record's hash, then the digest of each of its fields in ``fields`` order (each value is
    serialised once; the texts are exactly those ``_record_hash`` and ``_digest`` hash)."""
    return _fingerprint({key: _field_json(value) for key, value in record.items()}, fields)


def _fingerprint(pieces: dict[str, str], fields: tuple[str, ...]) -> str:
    """record_fingerprint of the record whose values serialise to ``pieces``: each field's digest is
    the CRC of ``[name,value]`` carried on from the CRC of ``[name,`` (the same 16 bits ``_short`` gives)."""
    digests = [f"{crc32(pieces[key].encode() + b']', start) & 0xFFFF:04x}" if key in pieces else absent
               for key, start, absent in _field_crcs(fields)]
    return _hex(_object_json(pieces))[:NODE_HASH_CHARS] + ":" + "".join(digests)


@cache
def _field_crcs(fields: tuple[str, ...]) -> tuple[tuple[str, int, str], ...]:
    """Per field: its name, the CRC-32 of ``[name,`` and the digest of the field left out (null)."""
    return tuple((key, crc32(f"[{_json_name(key)},".encode()), _short(f"[{_json_name(key)},null]")) for key in fields)


def _put(record: Record, key: str, value: str, fields: tuple[str, ...]) -> None:
    """Set ``record[key]`` at the key's place among the model's ``fields`` (later keys move after it)."""
    record[key] = value
    for later in fields[fields.index(key) + 1:]:
        if later in record:
            record[later] = record.pop(later)


@dataclass
class _Old:
    """A task node of the edited spec: canonical fields, the loaded (YAML tree) node, its hash."""

    data: Record  # canonical own fields (validated, pruned), children left out
    raw: Any  # the node as loaded, written into so that its comments stay
    recorded: str | None
    children: list["_Old"]
    grams: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())

    def pristine(self) -> bool:
        """Whether no node of this subtree was edited, or given records, since the extractor wrote it."""
        own = self.recorded is not None and _record_hash(self.record()) == self.recorded.split(":")[0]
        return own and not any(key in self.data for key in PERSON_OWNED) and all(c.pristine() for c in self.children)

    def record(self) -> Record:
        own = {key: value for key, value in self.data.items() if key not in PERSON_OWNED}
        return _with_children(own, [child.data["id"] for child in self.children])

    def ids(self) -> Iterator[str]:
        yield self.data["id"]
        for child in self.children:
            yield from child.ids()


def merge_specs(edited: dict[str, Any], fresh: Spec) -> MergeResult:
    """Merge the fresh extraction into ``edited`` (a spec file's data as loaded from YAML; a ruamel
    round-trip tree keeps its comments). ``edited`` itself is not changed."""
    from govplan.yamltree import write_into  # ruamel: imported by a merge, not by every extraction's stamp

    fresh_data = stamp(fresh)
    canonical = _canonical(edited)
    if _untouched(edited, canonical):
        return MergeResult(fresh_data, edited=False)
    tree = copy.deepcopy(edited)
    old_roots = _old_nodes(_list(tree.get("tasks")), canonical.get("tasks", []))
    merger = _Merger()
    merger.plan(old_roots, fresh_data.get("tasks", []))
    merger.pair_moved()
    doc = merger.fields(None, _document_record(canonical), _document_record(fresh_data),
                        _str(edited.get(DOCUMENT_HASH_KEY)), _DOC_RECORD)
    tasks = merger.children(None, old_roots, fresh_data.get("tasks", []), _str(edited.get(DOCUMENT_HASH_KEY)), _DOC_RECORD)
    values: Record = {key: fresh_data[key] for key in EXTRACTOR_OWNED if key in fresh_data}
    metadata = {key[len("metadata."):]: value for key, value in doc.items() if key.startswith("metadata.")}
    values.update({"metadata": metadata, "notes": doc.get("notes"), "tasks": tasks})
    values[DOCUMENT_HASH_KEY] = fresh_data[DOCUMENT_HASH_KEY]
    values[SPEC_HASH_KEY] = fresh_data[SPEC_HASH_KEY]
    write_into(tree, {key: value for key, value in values.items() if value}, _SPEC_FIELDS)
    return MergeResult(tree, merger.conflicts, merger.added, merger.dropped)


class _Merger:
    """Pairs old and fresh nodes by content, then merges them field by field."""

    def __init__(self) -> None:
        self.alignments: dict[int, list[tuple[_Old | None, Record | None]]] = {}  # by id(old parent) (0: roots)
        self.left_old: list[_Old] = []
        self.left_fresh: list[Record] = []
        self.moved: dict[int, Record] = {}  # id(old) -> fresh node paired across levels
        self.moved_fresh: set[int] = set()
        self._grams: dict[int, tuple[frozenset[str], frozenset[str]]] = {}  # by id(fresh node), which lives as long
        self.conflicts: list[Conflict] = []
        self.added: list[str] = []
        self.dropped: list[str] = []

    def plan(self, old: list[_Old], fresh: list[Record], parent: _Old | None = None) -> None:
        """Align children level by level, remembering what is left unpaired at any level."""
        pairs = align(old, fresh, self.similarity)
        self.alignments[id(parent) if parent else 0] = pairs
        for mine, theirs in pairs:
            if mine is not None and theirs is not None:
                self.plan(mine.children, theirs.get(CHILDREN, []), mine)
            elif mine is not None:
                self.left_old.append(mine)
            elif theirs is not None:
                self.left_fresh.append(theirs)

    def pair_moved(self) -> None:
        """Pair nodes left alone at their level across levels (a person moved them), most similar first."""
        scored = sorted(((self.similarity(o, f), k, j) for k, o in enumerate(self.left_old)
                         for j, f in enumerate(self.left_fresh)), key=lambda t: (-t[0], t[1], t[2]))
        used_old: set[int] = set()
        for score, k, j in scored:
            if score < MOVED_THRESHOLD:
                break
            fresh = self.left_fresh[j]
            if k in used_old or id(fresh) in self.moved_fresh:
                continue
            used_old.add(k)
            self.moved[id(self.left_old[k])] = fresh
            self.moved_fresh.add(id(fresh))
            self.plan(self.left_old[k].children, fresh.get(CHILDREN, []), self.left_old[k])

    def similarity(self, old: _Old, fresh: Record) -> float:
        """How alike an old and a fresh node are: identical records 1; else number, title and text."""
        if old.recorded is not None and old.recorded.split(":")[0] == str(fresh.get(NODE_HASH_KEY, "")).split(":")[0]:
            return 1.0
        grams = self._grams.get(id(fresh))
        if grams is None:
            grams = self._grams[id(fresh)] = (bigrams(fresh.get("title") or ""), bigrams(fresh.get("text") or ""))
        number = 1.0 if old.data.get("number") == fresh.get("number") else 0.0
        return 0.15 * number + 0.25 * dice(old.grams[0], grams[0]) + 0.6 * dice(old.grams[1], grams[1])

    def node(self, old: _Old, fresh: Record) -> Any:
        """One old node merged with its fresh partner, written into the loaded node."""
        from govplan.yamltree import write_into

        merged = self.fields(old.data["id"], old.record(), _node_record(fresh), old.recorded, _NODE_RECORD)
        merged[NODE_HASH_KEY] = fresh[NODE_HASH_KEY]
        merged[CHILDREN] = self.children(old, old.children, fresh.get(CHILDREN, []), old.recorded, _NODE_RECORD)
        merged.update({key: old.raw[key] for key in PERSON_OWNED if key in old.raw})  # people's records stay as they are
        write_into(old.raw, {key: value for key, value in merged.items() if value not in (None, [])}, _NODE_FIELDS)
        return old.raw

    def children(self, parent: _Old | None, old: list[_Old], fresh: list[Record], recorded: str | None,
                 fields: tuple[str, ...]) -> list[Any]:
        """The merged children: the person's in their order, fresh ones where the alignment puts them."""
        deleted = _deleted_ids(old, fresh, recorded, fields)
        result: list[Any] = []
        for mine, theirs in self.alignments[id(parent) if parent else 0]:
            if mine is not None:
                partner = theirs if theirs is not None else self.moved.get(id(mine))
                kept = self.node(mine, partner) if partner is not None else self._unpaired(mine)
                if kept is not None:
                    result.append(kept)
            elif theirs is not None and id(theirs) not in self.moved_fresh and theirs["id"] not in deleted:
                self.added.extend(node["id"] for node in _walk([theirs]))
                result.append(theirs)
        return result

    def _unpaired(self, old: _Old) -> Any:
        """An old node the extractor no longer finds: dropped if untouched, else kept and reported."""
        if old.recorded is None:  # a person added it
            return old.raw
        if old.pristine():
            self.dropped.extend(old.ids())
            return None
        self.conflicts.append(Conflict(old.data["id"], "exists", True, False))
        return old.raw

    def fields(self, node_id: str | None, mine: Record, theirs: Record, recorded: str | None,
               fields: tuple[str, ...]) -> Record:
        """The record's own fields merged one by one (children are merged by alignment)."""
        digests = _digests(recorded, fields)
        base = recover_base(mine, theirs, recorded) if digests is None and recorded else None
        keys = [key for key in _ordered_keys(mine, theirs) if key != CHILDREN]
        who = {key: _changed_by(key, mine.get(key), theirs.get(key), digests, base)
               for key in keys if mine.get(key) != theirs.get(key)}
        if digests is not None and recorded and not _consistent(who, mine, theirs, recorded, digests):
            who = {key: "person" if by == "person" else "both" for key, by in who.items()}  # a digest collided
        merged: Record = {}
        for key in keys:
            a, b = mine.get(key), theirs.get(key)
            changed_by = who.get(key, "nobody")
            value = b if changed_by == "extractor" else a
            if changed_by == "both":
                value = _fresh_spans(a, b)
                self.conflicts.append(Conflict(node_id, key, value, b))
            if value is not None:
                merged[key] = value
        return merged


def _consistent(who: dict[str, str], mine: Record, theirs: Record, recorded: str, digests: dict[str, str]) -> bool:
    """Whether the base the digests imply hashes to the recorded record hash: a 16-bit digest can
    collide, the record hash settles it (checkable when no field changed on both sides and the
    children are those recorded)."""
    if "both" in who.values() or _digest(CHILDREN, mine.get(CHILDREN)) != digests[CHILDREN]:
        return True
    base = dict(mine)
    for key, by in who.items():
        if by == "person":
            base[key] = theirs.get(key)
    return _record_hash({key: value for key, value in base.items() if value is not None}) == recorded.split(":")[0]


def _changed_by(key: str, mine: Any, theirs: Any, digests: dict[str, str] | None, base: Record | None) -> str:
    """Who changed a field whose edited and fresh values differ: person, extractor or both."""
    if digests is not None:
        mine_is_base = _digest(key, mine) == digests.get(key)
        theirs_is_base = _digest(key, theirs) == digests.get(key)
        if mine_is_base != theirs_is_base:
            return "extractor" if mine_is_base else "person"
        return "person" if mine_is_base else "both"  # both match only by a digest collision: keep the edit
    if base is None:
        return "both"
    return "person" if base.get(key) == theirs else "extractor"


def _fresh_spans(mine: Any, theirs: Any) -> Any:
    """The person's evidence list, each item whose verbatim text the fresh extraction still finds
    taking the fresh span, in order (so a kept edit never carries spans into the old source)."""
    if not (isinstance(mine, list) and isinstance(theirs, list)):
        return mine
    spans: dict[str, list[Any]] = {}
    for item in theirs:
        if isinstance(item, dict) and "span" in item:
            spans.setdefault(str(item.get("text")), []).append(item["span"])
    result = []
    for item in mine:
        found = spans.get(str(item.get("text"))) if isinstance(item, dict) else None
        result.append({**item, "span": found.pop(0)} if found else item)
    return result


def _deleted_ids(old: list[_Old], fresh: list[Record], recorded: str | None, fields: tuple[str, ...]) -> set[str]:
    """Ids of the fresh children a person deleted: those that, added to the old children's, give
    the recorded digest of the children (none found: nothing counts as deleted, so nothing is lost)."""
    digests = _digests(recorded, fields)
    if digests is None:
        return set()
    kept = {child.data["id"] for child in old if child.recorded is not None}
    candidates = [node["id"] for node in fresh if node["id"] not in kept]
    subsets = itertools.chain.from_iterable(itertools.combinations(candidates, size) for size in range(len(candidates) + 1))
    for subset in itertools.islice(subsets, MAX_DELETED_SEARCH):
        if _digest(CHILDREN, sorted(kept | set(subset))) == digests[CHILDREN]:
            return set(subset)
    return set()


def recover_base(edited: Record, fresh: Record, recorded: str | None) -> Record | None:
    """The extractor's last output of a record: the mix of edited and fresh values hashing to
    ``recorded``; None when unknown (no hash, too many differing keys, or both changed a key)."""
    if recorded is None:
        return None
    target = recorded.split(":")[0]
    differing = [key for key in _ordered_keys(edited, fresh) if edited.get(key) != fresh.get(key)]
    if len(differing) > MAX_SEARCHED_KEYS:
        return edited if _record_hash(edited) == target else None
    for choice in itertools.product((edited, fresh), repeat=len(differing)):
        candidate = dict(edited)
        for key, source in zip(differing, choice):
            if key in source:
                candidate[key] = source[key]
            else:
                candidate.pop(key, None)
        if _record_hash(candidate) == target:
            return candidate
    return None


def _digests(recorded: str | None, fields: tuple[str, ...]) -> dict[str, str] | None:
    """The field digests of a fingerprint; None for a fingerprint without them (or none)."""
    if not recorded or ":" not in recorded:
        return None
    packed = recorded.split(":", 1)[1]
    if len(packed) != DIGEST_CHARS * len(fields):
        return None
    return {key: packed[k * DIGEST_CHARS : (k + 1) * DIGEST_CHARS] for k, key in enumerate(fields)}


def _old_nodes(raw: list[Any], canonical: list[Record]) -> list[_Old]:
    """The edited tree's nodes: canonical twin, loaded node and recorded hash (same tree shape)."""
    nodes = []
    for raw_node, node in zip(raw, canonical):
        data = {key: value for key, value in node.items() if key not in (CHILDREN, NODE_HASH_KEY)}
        recorded = _str(raw_node.get(NODE_HASH_KEY))
        children = _old_nodes(_list(raw_node.get(CHILDREN)), node.get(CHILDREN, []))
        grams = (bigrams(data.get("title") or ""), bigrams(data.get("text") or ""))
        nodes.append(_Old(data, raw_node, recorded, children, grams))
    return nodes


def _node_record(node: Record) -> Record:
    """A node's own fields and the sorted ids of its children: what its fingerprint covers."""
    own = {key: value for key, value in node.items() if key not in (CHILDREN, NODE_HASH_KEY, *PERSON_OWNED)}
    return _with_children(own, [child["id"] for child in node.get(CHILDREN, [])])


def _with_children(own: Record, ids: list[str]) -> Record:
    return {**own, CHILDREN: sorted(ids)} if ids else dict(own)


def _document_record(data: Record) -> Record:
    """The document's own fields a person may edit: metadata fields, notes, top-level task ids."""
    record: Record = {f"metadata.{key}": value for key, value in data.get("metadata", {}).items()}
    if data.get("notes"):
        record["notes"] = data["notes"]
    return _with_children(record, [task["id"] for task in data.get("tasks", [])])


def _canonical(edited: Any) -> Record:
    """The edited file's content in the extractor's canonical form (validated, pruned, no hashes)."""
    if not isinstance(edited, dict):
        raise GovplanError(Errors.E303)
    try:
        spec = Spec.model_validate(_without_hashes(edited))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise GovplanError(Errors.E304, where=where, problem=first["msg"]) from exc
    return spec_to_data(spec)


def untouched(edited: Any) -> bool:
    """Whether a loaded spec is exactly what the extractor wrote: no edit and no comment."""
    return _untouched(edited, _canonical(edited))


def _untouched(edited: Any, canonical: Record) -> bool:
    from govplan.yamltree import comments_below

    return edited.get(SPEC_HASH_KEY) == _sha256(canonical) and not comments_below(edited)


def _without_hashes(data: Record) -> Record:
    """A deep copy of spec data without the spec's, the document's and the nodes' fingerprints."""
    return _strip_hashes(copy.deepcopy(dict(data)))


def _strip_hashes(data: Record) -> Record:
    """``data`` with the spec's, the document's and the nodes' fingerprints removed in place."""
    data.pop(SPEC_HASH_KEY, None)
    data.pop(DOCUMENT_HASH_KEY, None)
    for node in _walk(_list(data.get("tasks"))):
        node.pop(NODE_HASH_KEY, None)
    return data


def _walk(nodes: list[Any]) -> Iterator[Record]:
    """Every node mapping of a task list, depth first (non-mappings are left to validation)."""
    for node in nodes:
        if isinstance(node, dict):
            yield node
            yield from _walk(_list(node.get(CHILDREN)))


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _ordered_keys(edited: Record, fresh: Record) -> list[str]:
    """Keys of both records: the person's order first, then keys only the fresh record has."""
    return list(edited) + [key for key in fresh if key not in edited]


_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
# The same for data dumped from the models, which holds no cycle: no circular check (a loaded YAML
# tree may hold one, through aliases, so it keeps the check).
_ACYCLIC = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str, check_circular=False)
# _ACYCLIC's own C encoder, made once (its encode() makes one for every value, costing as much as a small value's
# encoding: 23M of the 700M instructions that stamping 151 dev specs took); None where json has no C encoder
_ACYCLIC_C = c_make_encoder and c_make_encoder(
    None, _ACYCLIC.default, encode_basestring, None, _ACYCLIC.key_separator, _ACYCLIC.item_separator,
    _ACYCLIC.sort_keys, _ACYCLIC.skipkeys, _ACYCLIC.allow_nan)


def _canonical_json(data: Any) -> str:
    """Keys sorted, no spaces, Chinese unescaped (one encoder for every call: building one costs as
    much as encoding a small value)."""
    return _CANONICAL.encode(data)


def _object_json(pieces: dict[str, str]) -> str:
    """The canonical JSON of a mapping whose values are already serialised (``pieces``)."""
    return "{" + ",".join([f"{_json_name(key)}:{pieces[key]}" for key in sorted(pieces)]) + "}"


def _sha256(data: Any) -> str:
    return _hex(_canonical_json(data))


def _field_json(value: Any) -> str:
    """``_canonical_json(value)`` of a value dumped from the models, the common scalars (text, ids,
    offsets) written directly."""
    if type(value) is str:
        return encode_basestring(value)
    if type(value) is int:
        return str(value)
    return "".join(_ACYCLIC_C(value, 0)) if _ACYCLIC_C else _ACYCLIC.encode(value)


@cache
def _json_name(key: str) -> str:
    """A field name as JSON (the same few dozen names recur in every record)."""
    return json.dumps(key, ensure_ascii=False)


def _hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _record_hash(record: Record) -> str:
    return _sha256(record)[:NODE_HASH_CHARS]


def _digest(key: str, value: Any) -> str:
    """A field's digest: its name and canonical value, hashed (4 hex digits)."""
    return _short(_canonical_json([key, value]))


def _short(text: str) -> str:
    """16 bits of CRC-32: enough to tell a changed field (the record hash checks the whole), and
    cheap enough for a dozen fields of every node of every spec written."""
    return format(crc32(text.encode("utf-8")) & 0xFFFF, "04x")
