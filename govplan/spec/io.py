"""Serialise specs to YAML (ruamel, readable key order, Chinese unescaped) or JSON, and load them."""

from __future__ import annotations

import io
import json
from typing import Any

from govplan.spec.model import Spec

SCHEMA_URL = "https://govplan.invalid/schema/spec-1.0.json"
SCHEMA_HEADER = f"# yaml-language-server: $schema={SCHEMA_URL}\n"


def spec_to_data(spec: Spec) -> dict[str, Any]:
    """The spec as plain data in model field order, without empty or unset values."""
    return _prune(spec.model_dump(mode="json", exclude_none=True))


def _prune(value: Any) -> Any:
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            item = _prune(item)
            if item in ([], {}):
                continue
            out[key] = item
        return out
    if isinstance(value, list):
        return [_prune(v) for v in value]
    return value


def dump_yaml(spec: Spec) -> str:
    """The spec as YAML text, starting with the schema line editors use for completion."""
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.allow_unicode = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    buf = io.StringIO()
    yaml.dump(spec_to_data(spec), buf)
    return SCHEMA_HEADER + buf.getvalue()


def dump_json(spec: Spec) -> str:
    return json.dumps(spec_to_data(spec), ensure_ascii=False, indent=2) + "\n"


def load_spec_text(text: str) -> Spec:
    """Parse a YAML or JSON spec; raises pydantic.ValidationError or ruamel errors as they come."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    return Spec.model_validate(yaml.load(text))
