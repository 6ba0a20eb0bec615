"""validate's plain path (govplan/validate/plainschema.py) says what the spec models say.

A spec the plain check accepts must be one the models accept, with the same values (types
included); whatever it is unsure of goes to the models. Checked on every spec and fixture, on
edits of the valid fixture that sit on the boundary (a quoted number, a reversed span, a missing
span, a date written as text …) and on random replacements of its values.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from ruamel.yaml import YAML

from govplan.spec import model
from govplan.spec.model import Spec
from govplan.validate import plainschema
from govplan.validate.check import checked_text
from govplan.validate.plainschema import plain_spec, root_check
from govplan.validate.reader import load
from govplan.validate.rules import RuleContext

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "validate"
VALID = (FIXTURES / "valid.yaml").read_text(encoding="utf-8")
SPECS = sorted((ROOT / "specs").glob("*.yaml")) + sorted(FIXTURES.glob("*.yaml"))

# Text edits of the valid fixture on the boundary (name: pattern, replacement): values pydantic converts or refuses.
EDITS: dict[str, list[str]] = YAML(typ="safe").load((ROOT / "tests" / "fixtures" / "plain_edits.yaml").read_text(encoding="utf-8"))


def _plain_data(value: Any) -> Any:
    """Records as the mappings model_dump gives."""
    if isinstance(value, SimpleNamespace):
        return {key: _plain_data(item) for key, item in vars(value).items()}
    if isinstance(value, list):
        return [_plain_data(item) for item in value]
    return value


def _typed(value: Any) -> Any:
    """Every leaf with its type, so 90 and 90.0 differ."""
    if isinstance(value, dict):
        return {key: _typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_typed(item) for item in value]
    return type(value).__name__, value


def _agrees(data: Any) -> bool:
    """The plain check's answer for ``data`` against the models'; True when it took the spec."""
    plain = plain_spec(data)
    try:
        models = Spec.model_validate(data).model_dump()
    except ValidationError:
        models = None
    if plain is None:
        return False
    assert models is not None, "the plain check took a spec the models refuse"
    assert _typed(_plain_data(plain)) == _typed(models)
    return True


def test_the_committed_schema_is_read() -> None:
    assert root_check() is not None


@pytest.mark.parametrize("path", SPECS, ids=lambda path: path.name)
def test_every_spec_and_fixture_agrees_with_the_models(path: Path) -> None:
    loaded = load(path.read_text(encoding="utf-8-sig"))
    took = _agrees(loaded.data)
    if path.parent.name == "specs" or path.name == "valid.yaml":
        assert took  # the specs govplan writes take the plain path


@pytest.mark.parametrize("name", EDITS)
def test_edits_on_the_boundary_agree_with_the_models(name: str) -> None:
    pattern, replacement = EDITS[name]
    text, count = re.subn(pattern, replacement, VALID, count=1, flags=re.MULTILINE)
    assert count == 1
    _agrees(load(text).data)


@pytest.mark.parametrize("path", SPECS + [None], ids=lambda path: path.name if path else "edits")
def test_findings_are_the_same_either_way(path: Path | None) -> None:
    texts = [path.read_text(encoding="utf-8-sig")] if path else [
        re.sub(pattern, replacement, VALID, count=1, flags=re.MULTILINE) for pattern, replacement in EDITS.values()]
    for text in texts:
        plain = checked_text(text, "t.yaml", RuleContext(), models=False).findings
        models = checked_text(text, "t.yaml", RuleContext(), models=True).findings
        assert plain == models


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in the data, mapping keys and list indexes."""
    found = [prefix]
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        found += _paths(item, prefix + (key,))
    return found


VALID_DATA = load(VALID).data
PLACES = _paths(VALID_DATA)[1:]
VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 10**6), st.integers(), st.floats(allow_nan=False), st.text(max_size=5),
    st.sampled_from(["1", "1.0", "2024-05-31", "2024-02-30", "manual", "lead", "=", ">=", "monthly", "txt", "a" * 64,
                     "0" * 64, dt.date(2024, 5, 31), dt.datetime(2024, 5, 31), [], {}, ["x"], {"start": 1, "end": 2}]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PLACES), VALUES, st.booleans()), min_size=1, max_size=3))
def test_random_replacements_agree_with_the_models(changes: list[tuple[tuple[Any, ...], Any, bool]]) -> None:
    data = copy.deepcopy(VALID_DATA)
    for path, value, delete in changes:
        parent = data
        try:
            for step in path[:-1]:
                parent = parent[step]
            if delete and isinstance(parent, dict):
                del parent[path[-1]]
            else:
                parent[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed the place
    _agrees(data)


def test_the_plain_check_knows_every_check_the_models_make_beyond_the_schema() -> None:
    """The JSON Schema cannot say a model_validator's or field_validator's check; plainschema mirrors
    the ones below (ORDERED, LOCATION_FIELDS). A new one must be mirrored there (or make the plain
    path unsure) before this list changes."""
    checks = {
        (name, decorator)
        for name, cls in vars(model).items()
        if isinstance(cls, type) and issubclass(cls, model.SpecModel) and cls.__module__ == model.__name__
        for kind in ("model_validators", "field_validators", "root_validators", "validators", "field_serializers")
        for decorator in getattr(cls.__pydantic_decorators__, kind)
    }
    located = {(name, "_located") for name in ("Evidence", "Deadline", "Target", "UnitRef", "CellText", "TaskNode")}
    assert checks == {(plainschema.ORDERED[0], "_ordered")} | located


def test_a_plain_validate_imports_neither_typer_nor_pydantic() -> None:
    """Nor what only writing or packaging needs: OpenSSL's hashlib (_hashlib), tempfile, zipfile (importlib.resources)."""
    probe = ("import sys\nfrom govplan.cli.app import main\nsys.argv = ['govplan', 'validate', sys.argv[1]]\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\n"
             "print(sorted({m.split('.')[0] for m in sys.modules} & {'typer', 'click', 'pydantic', 'rich', '_hashlib', "
             "'tempfile', 'zipfile'}), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", probe, str(FIXTURES / "valid.yaml")], capture_output=True, text=True, timeout=120)
    assert done.stderr.strip().splitlines()[-1] == "[]"
