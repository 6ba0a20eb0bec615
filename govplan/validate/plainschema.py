"""A spec checked against the committed JSON Schema without pydantic, for validate's common case.

Importing pydantic and building the spec models was about half of a cold `govplan validate
one.yaml`, spent before any spec was read. The committed schema (govplan/schema/spec.schema.json,
generated from the models; tests/test_schema.py keeps it equal to them) says what the models
accept for values of their exact types, so a spec whose every value has its field's exact type is
checked here, and its rules run on plain records (the models' field names, defaults filled in).
Anything this is not sure of returns None and the caller validates with the models as before: a
value pydantic would convert (a quoted number, a date written as a string), a missing span or
line (the models' own checks decide), an unknown key, a keyword of the schema not read here. So a
spec gets the same findings either way, and every message about a wrong value still comes from
the models (tests/test_validate_plain.py compares both ways on every spec and fixture).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Callable

SCHEMA = Path(__file__).resolve().parent.parent / "schema" / "spec.schema.json"
# Keywords that only describe (no constraint); any keyword a node's kind does not read here disables this path.
DESCRIPTIVE = frozenset({"title", "description", "default", "$schema", "$id"})
# pydantic turns an int into a float exactly only up to here.
EXACT_FLOAT = 2**53
# The models' own checks (model_validator in govplan/spec/model.py), which a JSON Schema cannot say:
# a span ends at or after its start, and an item without its location must say origin: manual.
ORDERED = ("Span", "start", "end")
LOCATION_FIELDS = ("span", "line")

ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

Check = Callable[[Any], Any]


class Unsure(Exception):
    """The data needs the models to decide (or to word the problem)."""


class Unsupported(Exception):
    """The schema says something this module does not read: the models decide every spec."""


def plain_spec(data: Any) -> SimpleNamespace | None:
    """The spec as plain records when it certainly matches the models, else None (ask the models)."""
    check = root_check()
    if check is None:
        return None
    try:
        return check(data)
    except (Unsure, RecursionError):  # nesting this deep is the models' (and the reader's guard's) to judge
        return None


@cache
def root_check() -> Check | None:
    """The check of a whole spec, built once from the committed schema (None when it cannot be)."""
    try:
        schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
        defs = schema.pop("$defs", {})
        return _Builder(defs).model("Spec", schema)
    except (OSError, ValueError, Unsupported):
        return None


class _Builder:
    """Checks for the schema's nodes; each model's check is built once (TaskNode refers to itself)."""

    def __init__(self, defs: dict[str, Any]) -> None:
        self.defs = defs
        self.models: dict[str, Check] = {}

    def model(self, name: str, node: dict[str, Any]) -> Check:
        """A mapping with exactly the model's keys, as one record with every field set."""
        _only(node, {"type", "properties", "required", "additionalProperties"})
        if node.get("type") != "object" or node.get("additionalProperties") is not False:
            raise Unsupported(name)
        properties = node["properties"]
        fields = {key: self.field(value) for key, value in properties.items()}
        required = frozenset(node.get("required", ()))
        defaults = {key: self.default(value) for key, value in properties.items() if key not in required}
        # the schema's own defaults are immutable: a record starts as their copy (one C call for a
        # dozen fields); the rest (lists, models made by default) are made for each record that lacks them
        constants = {key: make() for key, make in defaults.items() if "default" in properties[key]}
        made = tuple((key, make) for key, make in defaults.items() if key not in constants)
        after = _model_checks(name, fields)

        def check(value: Any) -> SimpleNamespace:
            if type(value) is not dict or not value.keys() >= required:
                raise Unsure
            built = SimpleNamespace(**constants)
            record = built.__dict__  # filled in place: a record built apart was copied twice into the namespace
            for key, item in value.items():
                field = fields.get(key) if type(key) is str else None
                if field is None:
                    raise Unsure
                record[key] = field(item)
            for key, make in made:
                if key not in record:
                    record[key] = make()
            if after is not None:
                after(built)
            return built

        return check

    def ref(self, target: str) -> Check:
        """The check of a model named by a $ref, looked up when first used (models refer to themselves)."""
        name = target.removeprefix("#/$defs/")
        if name not in self.defs:
            raise Unsupported(target)
        if name not in self.models:
            self.models[name] = _pending
            self.models[name] = self.model(name, self.defs[name])
        models = self.models
        if models[name] is not _pending:
            return models[name]  # built: called directly, where a lookup in between made every span's check two calls deep
        return lambda value: models[name](value)  # a model inside its own fields (TaskNode's children)

    def field(self, node: dict[str, Any]) -> Check:
        """The check of one field's value (converted as pydantic converts it)."""
        if "$ref" in node:
            _only(node, {"$ref"})
            return self.ref(node["$ref"])
        if "anyOf" in node:
            _only(node, {"anyOf"})
            others = [option for option in node["anyOf"] if option != {"type": "null"}]
            if len(others) != 1 or len(node["anyOf"]) != 2:
                raise Unsupported("anyOf")  # a union of two kinds: pydantic's choice between them is its own
            inner = self.field(others[0])
            return lambda value: None if value is None else inner(value)
        kind = node.get("type")
        if kind == "array":
            _only(node, {"type", "items"})
            item = self.field(node["items"])
            return lambda value: [item(each) for each in value] if type(value) is list else _unsure()
        if kind == "string":
            return _string(node)
        if kind == "integer":
            _only(node, {"type", "minimum", "maximum"})
            return _bounded(int, node.get("minimum"), node.get("maximum"))
        if kind == "number":
            _only(node, {"type"})
            return _number
        if kind == "boolean":
            _only(node, {"type"})
            return lambda value: value if type(value) is bool else _unsure()
        raise Unsupported(str(kind))

    def default(self, node: dict[str, Any]) -> Callable[[], Any]:
        """A field's value when the spec leaves it out: the schema's default, else what the model's
        default factory makes (an empty list, or the model with its defaults)."""
        if "default" in node:
            value = node["default"]
            if isinstance(value, (list, dict)):
                raise Unsupported("default")  # a mutable default is the models' to copy
            return lambda: value
        if node.get("type") == "array":
            return list
        if "$ref" in node:
            check = self.ref(node["$ref"])
            return lambda: check({})
        raise Unsupported("default")


def _pending(value: Any) -> Any:
    raise Unsure  # a model used while its own check is built (never, once built)


def _only(node: dict[str, Any], allowed: set[str]) -> None:
    """Refuse a node that says more than this module reads for its kind."""
    extra = node.keys() - DESCRIPTIVE - allowed
    if extra:
        raise Unsupported(", ".join(sorted(extra)))


def _unsure() -> Any:
    raise Unsure


def _string(node: dict[str, Any]) -> Check:
    """A text field: exactly a str, within its enum or constant, matching its pattern; or a date."""
    _only(node, {"type", "enum", "const", "pattern", "format"})
    if "format" in node:
        if node["format"] != "date" or node.keys() - DESCRIPTIVE != {"type", "format"}:
            raise Unsupported("format")
        return _date
    allowed = frozenset(node["enum"]) if "enum" in node else frozenset([node["const"]]) if "const" in node else None
    pattern = re.compile(node["pattern"]) if "pattern" in node else None

    def check(value: Any) -> str:
        if type(value) is not str or (allowed is not None and value not in allowed):
            raise Unsure
        # pydantic's patterns run in Rust's engine: ASCII text on one line reads the same in both
        if pattern is not None and not (value.isascii() and "\n" not in value and pattern.search(value)):
            raise Unsure
        return value

    return check


def _date(value: Any) -> dt.date:
    """A date field: a date, or its ISO text (YYYY-MM-DD, as govplan writes dates), which pydantic reads the same."""
    if type(value) is dt.date:
        return value
    if type(value) is str and ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise Unsure


def _bounded(kind: type, low: int | None, high: int | None) -> Check:
    """An int field within its bounds."""

    def check(value: Any) -> Any:
        if type(value) is not kind or (low is not None and value < low) or (high is not None and value > high):
            raise Unsure
        return value

    return check


def _number(value: Any) -> float:
    """A float field: a float, or an int pydantic turns into the same float."""
    if type(value) is float:
        return value
    if type(value) is int and -EXACT_FLOAT <= value <= EXACT_FLOAT:
        return float(value)
    raise Unsure


def _model_checks(name: str, fields: dict[str, Check]) -> Callable[[SimpleNamespace], None] | None:
    """The models' own checks for one model, as far as this path takes them: a reversed span or a
    missing location is left to the models (None for a model without such checks)."""
    model, start, end = ORDERED
    ordered = name == model
    located = [key for key in LOCATION_FIELDS if key in fields] if "origin" in fields else []
    if not ordered and not located:
        return None

    def check(record: SimpleNamespace) -> None:
        if ordered and getattr(record, end) < getattr(record, start):
            raise Unsure
        for key in located:
            if getattr(record, key) is None:
                raise Unsure

    return check
