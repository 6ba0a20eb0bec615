"""Serialise specs to YAML (block style, readable key order, Chinese unescaped) or JSON, and load them."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from pydantic_core import PydanticUndefined

from govplan.spec.emit import emit_yaml
from govplan.spec.model import Spec, SpecModel, Target

# The schema's identifier ($id). Editors are pointed at the schema *file* shipped in the package.
SCHEMA_URL = "https://govplan.invalid/schema/spec-1.0.json"
SCHEMA_MARK = "yaml-language-server: $schema="


def schema_file() -> Path:
    """The JSON Schema shipped with govplan (kept in sync with the models by a test), beside the package's
    code in a source tree and an installed wheel alike (importlib.resources would find the same file after
    importing zipfile and tempfile: 40M instructions of every extraction)."""
    return Path(__file__).resolve().parent.parent / "schema" / "spec.schema.json"


def schema_header(spec_dir: Path | None = None) -> str:
    """The editor line for a spec written into ``spec_dir``: a path relative to it (stable inside a
    repository, e.g. specs/ -> ../govplan/schema/spec.schema.json), else the schema's file URI."""
    target = schema_file().resolve()
    if spec_dir is None:
        ref = target.as_uri()
    else:
        ref = Path(os.path.relpath(target, Path(spec_dir).resolve())).as_posix()
    return f"# {SCHEMA_MARK}{ref}\n"


def spec_to_data(spec: Spec) -> dict[str, Any]:
    """The spec as plain data in model field order, without empty or unset values.

    pydantic leaves out every value equal to its field's default, which costs a third of keeping
    them and pruning the empty ones after (fewer objects made); the few defaults a spec does
    write (the schema version, a target's comparator and percent: neither None nor empty) are
    then put back in place."""
    data = _with_written_defaults(spec.model_dump(mode="json", exclude_defaults=True), Spec)
    nodes = list(data.get("tasks", []))
    while nodes:
        node = nodes.pop()
        if "targets" in node:
            node["targets"] = [_with_written_defaults(target, Target) for target in node["targets"]]
        nodes.extend(node.get("children", []))
    return data


def written_defaults(model: type[SpecModel]) -> dict[str, Any]:
    """The model's fields whose default a spec writes, with that default: neither None nor an
    empty list, nor a model built by default (Metadata(), which writes nothing)."""
    return {name: field.default for name, field in model.model_fields.items()
            if field.default is not None and field.default is not PydanticUndefined}


def _with_written_defaults(data: dict[str, Any], model: type[SpecModel]) -> dict[str, Any]:
    """``data`` with the model's written defaults it lacks, every key at its field's place."""
    defaults = _WRITTEN_DEFAULTS[model]
    if all(name in data for name in defaults):
        return data
    return {name: data[name] if name in data else defaults[name]
            for name in model.model_fields if name in data or name in defaults}


_WRITTEN_DEFAULTS = {model: written_defaults(model) for model in (Spec, Target)}


def dump_yaml(spec: Spec, spec_dir: Path | None = None) -> str:
    """The spec as YAML text, starting with the schema line editors use for completion."""
    return data_to_yaml(spec_to_data(spec), spec_dir)


def dump_json(spec: Spec) -> str:
    return data_to_json(spec_to_data(spec))


def data_to_yaml(data: dict[str, Any], spec_dir: Path | None = None) -> str:
    """Spec data (as ``spec_to_data`` gives it, in field order) as YAML text with the schema line."""
    return schema_header(spec_dir) + emit_yaml(data)


def data_to_json(data: dict[str, Any]) -> str:
    """Spec data as indented JSON, Chinese unescaped."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def load_spec_text(text: str) -> Spec:
    """Parse a YAML or JSON spec; raises pydantic.ValidationError or ruamel errors as they come."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    return Spec.model_validate(yaml.load(text))
