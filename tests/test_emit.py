"""The spec YAML emitter: whatever it writes, YAML 1.2 and 1.1 readers and the validator's fast
reader read back as exactly the data it was given."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from govplan.spec.emit import _plainly_text, _quoted, _resolver_starts, emit_yaml, scalar
from govplan.spec.io import load_spec_text, spec_to_data
from govplan.validate.fastyaml import Unsupported, read
from tests.conftest import ROOT


def load(text: str, version: str = "1.2") -> object:
    """The data a standard safe YAML reader gets from ``text`` under the given YAML version."""
    return YAML(typ="safe", pure=True).load(f"%YAML {version}\n---\n{text}")


def assert_round_trips(data: dict) -> None:
    text = emit_yaml(data)
    assert load(text) == data
    assert load(text, "1.1") == data
    try:
        fast, _ = read(text)
    except Unsupported:
        return  # the validator then falls back to the full reader, which load() already checked
    assert fast == data


@pytest.mark.parametrize(
    "value",
    ["on", "yes", "No", "y", "null", "~", "2020-03-30", "1.0", "1.", "0o17", "1:20", "1_000", ".inf",
     "- 项目", "a: b", "a #b", "结尾:", "it's", "#1", "'quoted'", '"dq"', "", " lead", "trail ", "@x",
     "line\nbreak", "tab\there", "bom\ufeff", "nel\x85", "ls\u2028", "ctl\x07", "back\\slash\n", "100%"],
)
def test_strings_that_look_like_other_types_or_syntax_come_back_as_strings(value: str) -> None:
    assert_round_trips({"text": value, "items": [value, {"text": value}]})


def test_plain_chinese_text_stays_unquoted_and_unescaped() -> None:
    assert scalar("聚力推动三年目标必成(见附件1)") == "聚力推动三年目标必成(见附件1)"
    assert scalar("on") == "'on'"  # a YAML 1.1 boolean
    assert scalar("2020-03-30") == "'2020-03-30'"


@pytest.mark.parametrize("value", [0, -3, 12345678901234567890, 0.5, 1e-05, 1.5e300, -0.0, True, False])
def test_numbers_and_booleans_keep_their_type_and_value(value: object) -> None:
    assert_round_trips({"value": value, "values": [value]})


def test_infinite_and_nan_floats() -> None:
    back = load(emit_yaml({"a": math.inf, "b": -math.inf, "c": math.nan}))
    assert back["a"] == math.inf and back["b"] == -math.inf and math.isnan(back["c"])


def test_nested_and_empty_collections() -> None:
    assert_round_trips({"a": {"b": {"c": [1, [2, [3]], {}, [], {"d": []}]}}, "e": [], "f": {}})


scalars = st.one_of(st.text(), st.integers(), st.floats(allow_nan=False), st.booleans(), st.none())
keys = st.text(min_size=1, max_size=8)
trees = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)),
    max_leaves=20,
)


@settings(deadline=None, max_examples=200)
@given(data=st.dictionaries(keys, trees, max_size=6))
def test_any_data_round_trips(data: dict) -> None:
    assert_round_trips(data)


def test_every_committed_spec_reads_back_as_the_same_spec() -> None:
    for path in sorted((ROOT / "specs").glob("*.yaml")):
        spec = load_spec_text(path.read_text(encoding="utf-8"))
        data = spec_to_data(spec)
        text = emit_yaml(data)
        assert load_spec_text(text) == spec, path.name
        assert read(text)[0] == data, path.name


@settings(deadline=None, max_examples=500)
@given(text=st.text(alphabet=st.sampled_from(list(": #-?'\"\t\n\u3000\xa0aZ1.!&*[]{}~,|>%@`年y\ufeff\x85")) | st.characters(), max_size=8))
def test_the_quick_test_passes_only_what_the_rules_write_plain(text: str) -> None:
    # scalar writes a string that passes _plainly_text as it is, without the full rules (_quoted)
    if _plainly_text(text):
        assert _quoted(text) == text or (text[0] in _resolver_starts() and text.isascii())
