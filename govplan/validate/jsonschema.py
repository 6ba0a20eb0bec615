"""The JSON Schema of a spec, generated from the models, for editors and other tools."""

from __future__ import annotations

import json
from typing import Any

from govplan.spec.io import SCHEMA_URL
from govplan.spec.model import Spec

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def spec_schema() -> dict[str, Any]:
    """Spec.model_json_schema() with the dialect and the id editors resolve the header line to."""
    return {"$schema": DIALECT, "$id": SCHEMA_URL, **Spec.model_json_schema()}


def spec_schema_text() -> str:
    """The schema as the committed govplan/schema/spec.schema.json holds it."""
    return json.dumps(spec_schema(), ensure_ascii=False, indent=2) + "\n"
