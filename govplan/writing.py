"""What writing one input's specs does: new files, --force, or --update merges, planned without
touching the disk (the earlier specs come in as text), so any process can plan and the driver
applies the plan.

With --update each fresh spec merges into the earlier spec of the same document (paired by
content, whatever its old file name); an earlier spec of a document no longer found is removed
when untouched and kept (as *.kept.yaml when a fresh spec needs its name) and reported when
edited. With --force the earlier specs of this input that are not rewritten are removed. An
earlier spec that cannot be read stops this input and is left as it was.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govplan.errors import Errors, GovplanError
from govplan.i18n import tr

if TYPE_CHECKING:
    from govplan.merge import MergeResult
    from govplan.spec.model import Spec

@dataclass(frozen=True)
class Destination:
    """Where and how an input's specs are written."""

    name: str  # the input, for messages
    base: str  # spec base name (govplan.outputs.spec_bases)
    out_dir: Path
    fmt: str  # yaml | json
    mode: str  # keep | force | update
    schema_line: str  # the editor line YAML specs start with (govplan.spec.io.schema_header)


@dataclass
class WritePlan:
    """The file changes one input's specs make, in the order they are made, and what to report."""

    renames: list[tuple[Path, Path]] = field(default_factory=list)  # edited specs moved aside first
    writes: list[tuple[Path, str]] = field(default_factory=list)
    removes: list[Path] = field(default_factory=list)
    specs: list["Spec"] = field(default_factory=list)  # as written, one per write
    messages: list[str] = field(default_factory=list)


def plan_specs(specs: list["Spec"], dest: Destination, previous: dict[Path, bytes | None]) -> WritePlan:
    """The plan for writing ``specs`` as ``dest.mode`` says, given the earlier specs of this input
    (``previous``: every file govplan.outputs.EarlierOutputs finds, with its bytes in update mode)."""
    from govplan.merge import stamp
    from govplan.outputs import output_paths

    plan = WritePlan()
    targets = output_paths(dest.base, len(specs), dest.out_dir, dest.fmt)
    existing = [p for p in targets if p in previous]
    if existing and dest.mode == "keep":
        raise GovplanError(Errors.E306, dest.name, spec=existing[0])
    earlier = list(previous) if dest.mode != "keep" else []
    loaded = {path: _load_tree(path, data or b"") for path, data in previous.items()} if dest.mode == "update" else {}
    partners = _partners(loaded, specs)
    for k, (path, spec) in enumerate(zip(targets, specs)):
        if k in partners:
            text, spec = _merged(partners[k], loaded[partners[k]], spec, dest, plan.messages)
        else:
            text = dump(stamp(spec), dest.fmt, dest.schema_line)  # with the fingerprints --update later tells hand edits by
        plan.writes.append((path, text))
        plan.specs.append(spec)
    leftovers = {path: tree for path, tree in loaded.items() if path not in partners.values()}
    kept = _keep_edited(leftovers, set(targets), plan)
    plan.removes = sorted(set(earlier) - set(targets) - set(kept))  # merged under a new name, or untouched and gone
    return plan


def apply_plan(plan: WritePlan) -> None:
    """Make the planned changes: edited specs moved aside, new specs written atomically, old ones removed."""
    from govplan.fsutil import write_atomic

    for old, new in plan.renames:
        old.replace(new)
    for path, text in plan.writes:
        write_atomic(path, text)
    for old in plan.removes:
        old.unlink(missing_ok=True)


def dump(data: dict[str, Any], fmt: str, schema_line: str) -> str:
    """Spec data as YAML (after the schema line) or JSON text."""
    from govplan.spec.emit import emit_yaml
    from govplan.spec.io import data_to_json

    return schema_line + emit_yaml(data) if fmt == "yaml" else data_to_json(data)


def _partners(loaded: dict[Path, Any], specs: list["Spec"]) -> dict[int, Path]:
    """For each fresh spec (by index), the earlier spec file of the same document, if any."""
    from govplan.outputs import pair_documents

    if not loaded:
        return {}
    pairs = pair_documents(list(loaded.items()), specs)
    return {k: path for path, k in pairs if path is not None and k is not None}


def _load_tree(path: Path, data: bytes) -> Any:
    """An earlier spec as a round-trip tree (comments kept); unreadable ones stop this input."""
    from govplan.validate.fmt import load_round_trip, round_trip_yaml

    try:
        return load_round_trip(data.decode("utf-8-sig"), str(path), round_trip_yaml())
    except UnicodeDecodeError as exc:
        raise not_a_spec(path, str(exc)) from exc
    except GovplanError as exc:
        raise not_a_spec(path, exc.message) from exc


def _merged(path: Path, tree: Any, fresh: "Spec", dest: Destination, messages: list[str]) -> tuple[str, "Spec"]:
    """The text of ``fresh`` merged into the earlier spec ``tree`` (loaded from ``path``) and the
    merged spec; conflicts and what was added or dropped go to ``messages``."""
    from pydantic import ValidationError

    from govplan.merge import merge_specs
    from govplan.pydantic_text import first_error
    from govplan.showvalue import show_value
    from govplan.spec.model import Spec

    try:
        merged = merge_specs(tree, fresh)
        spec = Spec.model_validate(_plain(merged.data))
    except GovplanError as exc:
        raise not_a_spec(path, exc.message) from exc
    except ValidationError as exc:
        raise not_a_spec(path, first_error(exc)) from exc
    for conflict in merged.conflicts:
        where = conflict.node_id or tr("文件", "document")
        new = show_value(conflict.new)
        messages.append(tr(
            f"{path}: 冲突 {where} 的 {conflict.field}：保留人工修改，新提取结果为 {new}",
            f"{path}: conflict at {where} {conflict.field}: kept the hand edit, the new extraction says {new}",
        ))
    if merged.edited:
        messages.append(tr(
            f"{path}: 已合并（新增 {len(merged.added)} 项，移除 {len(merged.dropped)} 项，冲突 {len(merged.conflicts)} 处）",
            f"{path}: merged ({len(merged.added)} added, {len(merged.dropped)} dropped, {len(merged.conflicts)} conflicts)",
        ))
    return merged_text(merged, dest.fmt, dest.schema_line), spec


def merged_text(merged: "MergeResult", fmt: str, schema_line: str) -> str:
    """The text of a merge: the fresh extraction's when the file was untouched, else the edited
    tree's, comments kept (JSON has none to keep)."""
    from govplan.spec.io import data_to_json
    from govplan.validate.fmt import dump_tree, round_trip_yaml

    if not merged.edited:
        return dump(merged.data, fmt, schema_line)
    if fmt == "json":
        return data_to_json(_plain(merged.data))
    return dump_tree(merged.data, round_trip_yaml(), schema_line)


def _plain(data: Any) -> Any:
    """A round-trip YAML tree as plain JSON data (dates as text, as JSON specs write them)."""
    return json.loads(json.dumps(data, default=str))


def _keep_edited(leftovers: dict[Path, Any], targets: set[Path], plan: WritePlan) -> list[Path]:
    """Earlier specs of documents no longer found: untouched ones are left to be removed, edited
    ones are kept (moved to *.kept.yaml when a fresh spec needs the name) and reported."""
    from govplan.merge import untouched
    from govplan.outputs import kept_path

    kept = []
    for path, tree in leftovers.items():
        try:
            if untouched(tree):
                continue
        except GovplanError:  # a spec that does not validate is a person's work: keep it
            pass
        if path in targets:
            plan.renames.append((path, kept_path(path)))
            path = kept_path(path)
        kept.append(path)
        plan.messages.append(tr(
            f"{path}: 这份规格对应的文件在新提取结果中已找不到，但有人工修改，已保留",
            f"{path}: the extractor no longer finds this document, but the spec was edited: kept",
        ))
    return kept


def not_a_spec(path: Path, detail: str) -> GovplanError:
    """An earlier spec that cannot be merged into (read by the driver, or parsed here)."""
    return GovplanError(Errors.E305, spec=path, detail=detail)
