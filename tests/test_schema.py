"""`govplan schema` and the committed JSON Schema stay in sync with the models."""

from __future__ import annotations

import json
from pathlib import Path

from govplan.spec.io import SCHEMA_URL, dump_yaml, load_spec_text
from govplan.spec.model import Spec
from govplan.validate.jsonschema import spec_schema_text

COMMITTED = Path(__file__).parent.parent / "govplan" / "schema" / "spec.schema.json"
VALID = Path(__file__).parent / "fixtures" / "validate" / "valid.yaml"


def test_committed_schema_matches_the_models() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == spec_schema_text(), "run: govplan schema > govplan/schema/spec.schema.json"


def test_schema_command_prints_the_models_schema(run_cli) -> None:
    result = run_cli("schema")
    schema = json.loads(result.stdout)
    assert schema["$id"] == SCHEMA_URL
    assert schema["properties"].keys() == Spec.model_json_schema()["properties"].keys()
    assert schema["additionalProperties"] is False  # unknown keys are errors for editors too


def test_written_specs_point_editors_at_the_schema_file(tmp_path) -> None:
    spec = load_spec_text(VALID.read_text(encoding="utf-8"))
    specs_dir = Path(__file__).resolve().parent.parent / "specs"
    first = dump_yaml(spec, specs_dir).splitlines()[0]
    assert first == "# yaml-language-server: $schema=../govplan/schema/spec.schema.json"
    ref = dump_yaml(spec, tmp_path).splitlines()[0].split("$schema=", 1)[1]
    assert json.loads((tmp_path / ref).resolve().read_text(encoding="utf-8"))["$id"] == SCHEMA_URL
