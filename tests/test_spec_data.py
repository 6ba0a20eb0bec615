"""spec_to_data: the spec as plain data in field order without None or empty values, made by a
dump that leaves defaults out and puts back the few defaults a spec writes."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from govplan.spec import model
from govplan.spec.io import load_spec_text, spec_to_data, written_defaults
from govplan.spec.model import Metadata, Spec, Target
from tests.conftest import ROOT


def _pruned(value: Any) -> Any:
    """What spec_to_data means: every None and every empty list or mapping left out, in field order."""
    if isinstance(value, dict):
        items = ((key, _pruned(item)) for key, item in value.items() if item is not None)
        return {key: item for key, item in items if item not in ([], {})}
    if isinstance(value, list):
        return [_pruned(item) for item in value]
    return value


def _same(spec: Spec) -> None:
    expected = _pruned(spec.model_dump(mode="json"))
    assert json.dumps(spec_to_data(spec), ensure_ascii=False) == json.dumps(expected, ensure_ascii=False)


def test_every_committed_spec_gives_its_pruned_dump_in_field_order() -> None:
    for path in sorted((ROOT / "specs").glob("*.yaml")):
        _same(load_spec_text(path.read_text(encoding="utf-8")))


def test_values_equal_to_their_defaults_are_written_where_the_dump_keeps_them() -> None:
    spec = load_spec_text(min((ROOT / "specs").glob("*.yaml")).read_text(encoding="utf-8"))
    target = Target(text="90%", span={"start": 0, "end": 3}, value=90.0, comparator="=", percent=False)
    node = spec.tasks[0].model_copy(update={"targets": [target, target.model_copy(update={"percent": True})]})
    plain = spec.model_copy(update={"schema_version": "1.0", "generator": "govplan", "metadata": Metadata(),
                                    "tasks": [node, *spec.tasks[1:]]})
    _same(plain)
    assert list(spec_to_data(plain))[:2] == ["schema_version", "generator"] and "metadata" not in spec_to_data(plain)


def test_only_the_schema_version_generator_comparator_and_percent_are_written_defaults() -> None:
    # spec_to_data puts these back (in Spec and in every task's targets); a new field with a default
    # other than None or empty must be added there too.
    models = [value for value in vars(model).values()
              if isinstance(value, type) and issubclass(value, BaseModel) and value.__module__ == model.__name__]
    found = {m.__name__: written_defaults(m) for m in models if written_defaults(m)}
    assert found == {"Spec": {"schema_version": "1.0", "generator": "govplan"},
                     "Target": {"comparator": "=", "percent": False}}


def test_replaced_is_model_copy_with_the_update() -> None:
    """SpecModel.replaced (the mapping of spans to the original) gives what model_copy(update=…) gives:
    the same fields, fields set and private state, the original left as it was."""
    unit = model.UnitRef(text="市教育局", span=model.Span(start=3, end=7), name="市教育局", role="lead")
    values = {"span": model.Span(start=10, end=14), "text": "市教育局", "clause": model.Evidence(text="牵头", span=model.Span(start=0, end=2))}
    replaced, copied = unit.replaced(**values), unit.model_copy(update=values)
    assert replaced == copied and replaced.model_fields_set == copied.model_fields_set
    assert replaced.__pydantic_private__ == copied.__pydantic_private__
    assert unit.span == model.Span(start=3, end=7) and unit.clause is None and "clause" not in unit.model_fields_set


def test_list_fields_default_to_a_fresh_list_from_a_python_factory() -> None:
    """Every list field's default is empty_list (a builtin's signature, which pydantic reads when it
    builds a model, costs a sixth of building the spec models), and each model gets a list of its own."""
    models = [value for value in vars(model).values()
              if isinstance(value, type) and issubclass(value, BaseModel) and value.__module__ == model.__name__]
    factories = {(m.__name__, name): field.default_factory for m in models for name, field in m.model_fields.items()
                 if field.default_factory is not None and field.default_factory is not Metadata}
    assert len(factories) == 10 and set(factories.values()) == {model.empty_list}
    first, second = Metadata(), Metadata()
    first.recipients.append("各区人民政府")
    assert second.recipients == [] and Metadata().attachments == []
