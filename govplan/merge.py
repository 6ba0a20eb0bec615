"""Merge a fresh extraction into a spec a person may have edited, without losing their work.

A spec file records what the extractor wrote last time only as hashes:

* ``fingerprint`` (top level): sha256 of the whole spec as extracted. When the file still
  hashes to it, nobody edited the file and the fresh extraction simply replaces it.
* ``fingerprint`` on every task node: hash of the node's *record* as extracted: its own
  fields plus the ids of its children (one fact per child, so a deleted or added child shows).
* ``document_fingerprint`` (top level): the same for the document's own record: the metadata
  fields, the notes and the ids of the top-level tasks.

For an edited file each record is merged three-way. The extractor's last output of a record
(the *base*) is not stored, but it is recovered: every key on which the edited and the fresh
record differ was changed either by the person (base = fresh value) or by the extractor
(base = edited value), so the base is the one combination of edited and fresh values that
hashes to the recorded fingerprint. Keys the person changed are kept, keys only the extractor
changed take the fresh value. When no combination matches, both changed the same key: the
person's value wins and the key is reported as a conflict.

Progress records (``ledger``) belong to people alone: they are in no record and no fingerprint, an
edited node always keeps them, and a node holding them is never dropped as untouched.

Provenance the person does not own (``source``, ``generator``, ``schema_version``) always
comes from the fresh extraction. Merging works on plain data (what YAML loads), so the result
is ready to be dumped and then validated as a Spec.
"""

from __future__ import annotations

import copy
import hashlib
import itertools
import json
from dataclasses import dataclass, field
from typing import Any, Iterator

from pydantic import ValidationError

from govplan.errors import GovplanError
from govplan.spec.io import spec_to_data
from govplan.spec.model import Spec, TaskNode

Record = dict[str, Any]

SPEC_HASH_KEY = "fingerprint"
DOCUMENT_HASH_KEY = "document_fingerprint"
NODE_HASH_KEY = "fingerprint"
EXTRACTOR_OWNED = ("schema_version", "generator", "source")
PERSON_OWNED = ("ledger",)  # node fields only people write (督办台账 records): in no record, always kept
CHILD_FACT = "child:"  # record key prefix: one fact per child id (a root task, for the document)
MAX_SEARCHED_KEYS = 12  # 2**12 candidate bases at most per record; more differing keys count as conflicts
NODE_HASH_CHARS = 16
_NODE_FIELDS = tuple(TaskNode.model_fields)
_SPEC_FIELDS = tuple(Spec.model_fields)


@dataclass(frozen=True)
class Conflict:
    """A key both the person and the extractor changed: the person's value was kept."""

    node_id: str | None  # None for the document's own fields (metadata, notes, top-level tasks)
    field: str
    kept: Any
    new: Any


@dataclass
class MergeResult:
    """The merged spec as plain data (stamped with fresh fingerprints) and what the merge did."""

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
    spec_hash = _sha256(data)  # taken before any fingerprint is added, as fingerprint() leaves them out
    for node in _walk(data.get("tasks", [])):
        _put(node, NODE_HASH_KEY, _record_hash(_node_record(node)), _NODE_FIELDS)
    _put(data, DOCUMENT_HASH_KEY, _record_hash(_document_record(data)), _SPEC_FIELDS)
    _put(data, SPEC_HASH_KEY, spec_hash, _SPEC_FIELDS)
    return data


def _put(record: Record, key: str, value: str, fields: tuple[str, ...]) -> None:
    """Set ``record[key]`` at the key's place among the model's ``fields`` (later keys move after it)."""
    record[key] = value
    for later in fields[fields.index(key) + 1:]:
        if later in record:
            record[later] = record.pop(later)


def merge_specs(edited: dict[str, Any], fresh: Spec) -> MergeResult:
    """Merge the fresh extraction into ``edited`` (a spec file's data as loaded from YAML)."""
    fresh_data = stamp(fresh)
    canonical = _canonical(edited)
    if edited.get(SPEC_HASH_KEY) == _sha256(canonical):
        return MergeResult(fresh_data, edited=False)
    _attach_node_hashes(edited.get("tasks", []), canonical.get("tasks", []))
    merger = _Merger(_index(fresh_data.get("tasks", [])), set(_index(canonical.get("tasks", []))))
    merged = merger.document(canonical, fresh_data, edited.get(DOCUMENT_HASH_KEY))
    merged[DOCUMENT_HASH_KEY] = fresh_data[DOCUMENT_HASH_KEY]
    merged[SPEC_HASH_KEY] = fresh_data[SPEC_HASH_KEY]
    return MergeResult(merged, merger.conflicts, merger.added, merger.dropped)


class _Merger:
    """Merges records top-down; collects conflicts and the ids of added and dropped nodes."""

    def __init__(self, fresh_index: dict[str, Record], edited_ids: set[str]) -> None:
        self.fresh_index = fresh_index
        self.edited_ids = edited_ids  # a fresh node the person moved elsewhere is merged there, not re-added
        self.conflicts: list[Conflict] = []
        self.added: list[str] = []
        self.dropped: list[str] = []

    def document(self, edited: Record, fresh: Record, recorded: str | None) -> Record:
        """The document's own fields merged, then its top-level tasks."""
        merged, children = self._record(None, _document_record(edited), _document_record(fresh), recorded)
        result: Record = {key: fresh[key] for key in EXTRACTOR_OWNED if key in fresh}
        metadata = {key[len("metadata.") :]: value for key, value in merged.items() if key.startswith("metadata.")}
        if metadata:
            result["metadata"] = metadata
        if merged.get("notes"):
            result["notes"] = merged["notes"]
        tasks = self._children(edited.get("tasks", []), fresh.get("tasks", []), children)
        if tasks:
            result["tasks"] = tasks
        return result

    def node(self, edited: Record) -> Record:
        """One edited node merged with the fresh node of the same id (kept as is when there is none)."""
        fresh = self.fresh_index.get(edited["id"])
        if fresh is None:
            return edited
        merged, children = self._record(edited["id"], _node_record(edited), _node_record(fresh), edited.get(NODE_HASH_KEY))
        node = {key: value for key, value in merged.items() if not key.startswith(CHILD_FACT)}
        node[NODE_HASH_KEY] = fresh[NODE_HASH_KEY]
        node.update({key: edited[key] for key in PERSON_OWNED if key in edited})
        kids = self._children(edited.get("children", []), fresh.get("children", []), children)
        if kids:
            node["children"] = kids
        return node

    def _children(self, edited: list[Record], fresh: list[Record], keep: set[str]) -> list[Record]:
        """The person's children in their order (those still kept), then the fresh children added."""
        result = []
        for child in edited:
            if child["id"] in keep:
                result.append(self.node(child))
            elif _pristine(child):
                self.dropped.append(child["id"])
            else:  # the extractor no longer finds it, but the person edited inside it: keep their work
                self.conflicts.append(Conflict(child["id"], "exists", True, False))
                result.append(child)
        for child in fresh:
            if child["id"] in keep and child["id"] not in self.edited_ids:
                self.added.extend(node["id"] for node in _walk([child]))
                result.append(child)
        return result

    def _record(self, node_id: str | None, edited: Record, fresh: Record, recorded: str | None) -> tuple[Record, set[str]]:
        """The merged record and the ids of the children it keeps; conflicts are noted."""
        base = recover_base(edited, fresh, recorded)
        merged: Record = {}
        child_conflict = False
        for key in _ordered_keys(edited, fresh):
            mine, theirs = edited.get(key), fresh.get(key)
            if mine == theirs or (base is not None and base.get(key) == theirs):
                value = mine
            elif base is not None:
                value = theirs
            else:
                value = mine
                if key.startswith(CHILD_FACT):
                    child_conflict = True
                else:
                    self.conflicts.append(Conflict(node_id, key, mine, theirs))
            if value is not None:
                merged[key] = value
        if child_conflict:
            self.conflicts.append(Conflict(node_id, "children" if node_id else "tasks", _child_ids(edited), _child_ids(fresh)))
        return merged, {key[len(CHILD_FACT) :] for key in merged if key.startswith(CHILD_FACT)}


def recover_base(edited: Record, fresh: Record, recorded: str | None) -> Record | None:
    """The extractor's last output of a record: the mix of edited and fresh values hashing to
    ``recorded``; None when unknown (no hash, too many differing keys, or both changed a key)."""
    if recorded is None:
        return None
    differing = [key for key in _ordered_keys(edited, fresh) if edited.get(key) != fresh.get(key)]
    if len(differing) > MAX_SEARCHED_KEYS:
        return edited if _record_hash(edited) == recorded else None
    for choice in itertools.product((edited, fresh), repeat=len(differing)):
        candidate = dict(edited)
        for key, source in zip(differing, choice):
            if key in source:
                candidate[key] = source[key]
            else:
                candidate.pop(key, None)
        if _record_hash(candidate) == recorded:
            return candidate
    return None


def _node_record(node: Record) -> Record:
    """A node's own fields and one fact per child id: what its fingerprint covers."""
    record = {key: value for key, value in node.items() if key not in ("children", NODE_HASH_KEY, *PERSON_OWNED)}
    record.update({CHILD_FACT + child["id"]: True for child in node.get("children", [])})
    return record


def _pristine(node: Record) -> bool:
    """Whether no node of this subtree was edited or given records since the extractor wrote it."""
    return all(
        _record_hash(_node_record(n)) == n.get(NODE_HASH_KEY) and not any(key in n for key in PERSON_OWNED)
        for n in _walk([node])
    )


def _document_record(data: Record) -> Record:
    """The document's own fields a person may edit: metadata fields, notes, top-level task ids."""
    record: Record = {f"metadata.{key}": value for key, value in data.get("metadata", {}).items()}
    if data.get("notes"):
        record["notes"] = data["notes"]
    record.update({CHILD_FACT + task["id"]: True for task in data.get("tasks", [])})
    return record


def _canonical(edited: Any) -> Record:
    """The edited file's content in the extractor's canonical form (validated, pruned, no hashes)."""
    if not isinstance(edited, dict):
        raise GovplanError("现有规格文件不是一个映射（YAML 对象），无法合并。",
                           "the existing spec is not a mapping (YAML object); cannot merge.")
    try:
        spec = Spec.model_validate(_without_hashes(edited))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise GovplanError(f"现有规格文件无效（{where}：{first['msg']}），请先修正再合并。",
                           f"the existing spec is invalid ({where}: {first['msg']}); fix it before merging.") from exc
    return spec_to_data(spec)


def _attach_node_hashes(raw: list[Any], canonical: list[Record]) -> None:
    """Copy each raw node's recorded fingerprint onto its canonical twin (same tree shape)."""
    for raw_node, node in zip(raw, canonical):
        if isinstance(raw_node, dict) and isinstance(raw_node.get(NODE_HASH_KEY), str):
            node[NODE_HASH_KEY] = raw_node[NODE_HASH_KEY]
        _attach_node_hashes(raw_node.get("children", []) if isinstance(raw_node, dict) else [], node.get("children", []))


def _without_hashes(data: Record) -> Record:
    """A deep copy of spec data without the spec's, the document's and the nodes' fingerprints."""
    return _strip_hashes({key: copy.deepcopy(value) for key, value in data.items()})


def _strip_hashes(data: Record) -> Record:
    """``data`` with the spec's, the document's and the nodes' fingerprints removed in place."""
    data.pop(SPEC_HASH_KEY, None)
    data.pop(DOCUMENT_HASH_KEY, None)
    for node in _walk(data.get("tasks", []) if isinstance(data.get("tasks"), list) else []):
        node.pop(NODE_HASH_KEY, None)
    return data


def _walk(nodes: list[Any]) -> Iterator[Record]:
    """Every node mapping of a task list, depth first (non-mappings are left to validation)."""
    for node in nodes:
        if isinstance(node, dict):
            yield node
            children = node.get("children", [])
            yield from _walk(children if isinstance(children, list) else [])


def _index(tasks: list[Record]) -> dict[str, Record]:
    return {node["id"]: node for node in _walk(tasks)}


def _child_ids(record: Record) -> list[str]:
    return [key[len(CHILD_FACT) :] for key in record if key.startswith(CHILD_FACT)]


def _ordered_keys(edited: Record, fresh: Record) -> list[str]:
    """Keys of both records: the person's order first, then keys only the fresh record has."""
    return list(edited) + [key for key in fresh if key not in edited]


def _canonical_json(data: Any) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def _sha256(data: Any) -> str:
    return hashlib.sha256(_canonical_json(data).encode("utf-8")).hexdigest()


def _record_hash(record: Record) -> str:
    return _sha256(record)[:NODE_HASH_CHARS]
