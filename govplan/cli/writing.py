"""Writing one input's specs for `extract`: new files, --force, or --update merges.

With --update each fresh spec merges into the earlier spec of the same document (paired by
content, whatever its old file name); an earlier spec of a document no longer found is removed
when untouched and kept (as *.kept.yaml when a fresh spec needs its name) and reported when
edited. With --force the earlier specs of this input that are not rewritten are removed. An
earlier spec that cannot be read stops this input and is left as it was.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govplan.errors import GovplanError
from govplan.i18n import tr

if TYPE_CHECKING:
    from govplan.spec.model import Spec


@dataclass(frozen=True)
class Destination:
    """Where and how an input's specs are written."""

    name: str  # the input, for messages
    base: str  # spec base name (govplan.cli.outputs.spec_bases)
    out_dir: Path
    fmt: str  # yaml | json
    mode: str  # keep | force | update


def write_specs(specs: list["Spec"], dest: Destination, messages: list[str]) -> list[tuple[Path, "Spec"]]:
    """Write the specs as ``dest.mode`` says; returns (path, spec as written) pairs."""
    from govplan.cli.outputs import output_paths, previous_outputs
    from govplan.fsutil import write_atomic
    from govplan.merge import stamp

    targets = output_paths(dest.base, len(specs), dest.out_dir, dest.fmt)
    existing = [p for p in targets if p.exists()]
    if existing and dest.mode == "keep":
        raise GovplanError(
            f"规格文件已存在：{existing[0]}（用 --update 合并、保留人工修改，或用 --force 覆盖）。",
            f"spec already exists: {existing[0]} (use --update to merge keeping hand edits, or --force to overwrite).",
            dest.name,
        )
    previous = previous_outputs(dest.base, dest.out_dir, dest.fmt) if dest.mode != "keep" else []
    loaded = {path: _load_tree(path) for path in previous} if dest.mode == "update" else {}
    partners = _partners(loaded, specs)
    outputs: list[tuple[Path, "Spec", str]] = []
    for k, (path, spec) in enumerate(zip(targets, specs)):
        if k in partners:
            text, spec = _merged(partners[k], loaded[partners[k]], spec, dest.fmt, messages)
        else:
            text = dump(stamp(spec), dest.fmt, path.parent)  # with the fingerprints --update later tells hand edits by
        outputs.append((path, spec, text))
    leftovers = {path: tree for path, tree in loaded.items() if path not in partners.values()}
    kept = _keep_edited(leftovers, set(targets), messages)
    for path, _, text in outputs:
        write_atomic(path, text)
    for old in set(previous) - set(targets) - set(kept):
        old.unlink(missing_ok=True)  # merged under its new name, or an untouched spec of a document gone
    return [(path, spec) for path, spec, _ in outputs]


def dump(data: dict[str, Any], fmt: str, spec_dir: Path | None) -> str:
    """Spec data as YAML (with the schema line) or JSON text."""
    from govplan.spec.io import data_to_json, data_to_yaml

    return data_to_yaml(data, spec_dir) if fmt == "yaml" else data_to_json(data)


def _partners(loaded: dict[Path, Any], specs: list["Spec"]) -> dict[int, Path]:
    """For each fresh spec (by index), the earlier spec file of the same document, if any."""
    from govplan.cli.outputs import pair_documents

    if not loaded:
        return {}
    pairs = pair_documents(list(loaded.items()), specs)
    return {k: path for path, k in pairs if path is not None and k is not None}


def _load_tree(path: Path) -> Any:
    """An earlier spec as a round-trip tree (comments kept); unreadable ones stop this input."""
    from govplan.validate.fmt import load_round_trip, round_trip_yaml

    try:
        return load_round_trip(path.read_text(encoding="utf-8-sig"), str(path), round_trip_yaml())
    except (OSError, UnicodeDecodeError) as exc:
        raise _not_a_spec(path, str(exc)) from exc
    except GovplanError as exc:
        raise _not_a_spec(path, exc.message) from exc


def _merged(path: Path, tree: Any, fresh: "Spec", fmt: str, messages: list[str]) -> tuple[str, "Spec"]:
    """The text of ``fresh`` merged into the earlier spec ``tree`` (loaded from ``path``) and the
    merged spec; conflicts and what was added or dropped go to ``messages``."""
    from pydantic import ValidationError

    from govplan.cli.showvalue import show_value
    from govplan.merge import merge_specs
    from govplan.spec.io import data_to_json
    from govplan.spec.model import Spec
    from govplan.validate.fmt import dump_tree, round_trip_yaml

    try:
        merged = merge_specs(tree, fresh)
        plain = json.loads(json.dumps(merged.data, default=str))
        spec = Spec.model_validate(plain)
    except GovplanError as exc:
        raise _not_a_spec(path, exc.message) from exc
    except ValidationError as exc:
        raise _not_a_spec(path, _described(exc)) from exc
    for conflict in merged.conflicts:
        where = conflict.node_id or tr("文件", "document")
        new = show_value(conflict.new)
        messages.append(tr(
            f"{path}: 冲突 {where} 的 {conflict.field}：保留人工修改，新提取结果为 {new}",
            f"{path}: conflict at {where} {conflict.field}: kept the hand edit, the new extraction says {new}",
        ))
    if not merged.edited:
        return dump(merged.data, fmt, path.parent), spec
    messages.append(tr(
        f"{path}: 已合并（新增 {len(merged.added)} 项，移除 {len(merged.dropped)} 项，冲突 {len(merged.conflicts)} 处）",
        f"{path}: merged ({len(merged.added)} added, {len(merged.dropped)} dropped, {len(merged.conflicts)} conflicts)",
    ))
    return (data_to_json(plain) if fmt == "json" else dump_tree(merged.data, round_trip_yaml(), path.parent)), spec


def _keep_edited(leftovers: dict[Path, Any], targets: set[Path], messages: list[str]) -> list[Path]:
    """Earlier specs of documents no longer found: untouched ones are left to be removed, edited
    ones are kept (moved to *.kept.yaml when a fresh spec needs the name) and reported."""
    from govplan.cli.outputs import kept_path
    from govplan.merge import untouched

    kept = []
    for path, tree in leftovers.items():
        try:
            if untouched(tree):
                continue
        except GovplanError:  # a spec that does not validate is a person's work: keep it
            pass
        if path in targets:
            path = path.replace(kept_path(path))
        kept.append(path)
        messages.append(tr(
            f"{path}: 这份规格对应的文件在新提取结果中已找不到，但有人工修改，已保留",
            f"{path}: the extractor no longer finds this document, but the spec was edited: kept",
        ))
    return kept


def _described(exc: Any) -> str:
    """A merged spec's first schema error, said in the interface language (not pydantic's English)."""
    from govplan.pydantic_text import describe
    from govplan.render.loading import error_location

    error = exc.errors()[0]
    return f"{error_location(error['loc'])}: {describe(error).message}"


def _not_a_spec(path: Path, detail: str) -> GovplanError:
    return GovplanError(
        f"无法合并到已有规格 {path}：文件不是有效的规格（先用 govplan validate 检查）：{detail}",
        f"cannot merge into {path}: it is not a valid spec (check it with govplan validate): {detail}",
    )
