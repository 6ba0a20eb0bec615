"""The fast spec reader agrees with ruamel on data and positions, and hands everything else over."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from govplan.validate import fastyaml, reader
from govplan.validate.positions import Positions, locate

VALID = Path(__file__).parent / "fixtures" / "validate" / "valid.yaml"


def ruamel_safe(text: str):
    return YAML(typ="safe", pure=True).load(text)


def paths(data, path=()):
    """Every path into the data, each with a step beyond it that leaves the file."""
    yield path
    yield path + ("missing",)
    yield path + (99,)
    children = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for step, child in children:
        yield from paths(child, path + (step,))


def placed(data, positions: Positions) -> list:
    """Where every path of the data lands with each anchor, for comparison."""
    return [locate(positions, path, anchor) for path in paths(data) for anchor in ("value", "key", "parent")]


def test_fast_and_full_reader_agree_on_a_spec() -> None:
    text = VALID.read_text(encoding="utf-8")
    data, positions = fastyaml.read(text)
    full = reader._load_full(text)
    assert data == full.data == ruamel_safe(text)
    assert placed(data, positions) == placed(data, full.positions)


@pytest.mark.parametrize("spec", sorted((Path(__file__).parent.parent / "specs").glob("*.yaml")), ids=lambda path: path.stem)
def test_fast_and_full_reader_agree_on_every_bundled_spec(spec: Path) -> None:
    """The fast reader's loops (tree and positions) read every spec the extractor wrote as the full reader does."""
    text = spec.read_text(encoding="utf-8")
    data, positions = fastyaml.read(text)
    full = reader._load_full(text)
    assert data == full.data
    assert placed(data, positions) == placed(data, full.positions)


@pytest.mark.parametrize(
    "scalar",
    ["1", "-3", "+4", "0", "0o17", "0x1F", "1_000", "1.5", "-0.25", "1e3", ".inf", "true", "True", "FALSE", "yes",
     "null", "~", "2024-01-05", "2024-01-05 10:00", "'quoted # not a comment'", '"tab\\tand \\u4e2d"', "中文 # 注释",
     "a#b", "'it''s'", "[]", "{}", "0.5%", "'>='", "<="],
)
def test_scalars_read_as_ruamel_reads_them(scalar: str) -> None:
    text = f"key: {scalar}\nlist:\n  - {scalar}\n"
    try:
        data, _ = fastyaml.read(text)
    except fastyaml.Unsupported:
        data = reader.load(text).data
    assert data == ruamel_safe(text)


def test_lines_are_numbered_with_or_without_a_last_line_break() -> None:
    for text in ("a: 1\n\nb:\n  - x  \n  -\n", "a: 1\n\nb:\n  - x  \n  -"):
        data, positions = fastyaml.read(text)
        assert data == {"a": 1, "b": ["x", None]}
        assert [locate(positions, ("b", item)) for item in (0, 1)] == [(4, 5), (5, 4)]


def test_impossible_dates_stay_text_for_the_model_to_reject() -> None:
    assert reader.load("due: 2024-13-01\n").data == {"due": "2024-13-01"}
    assert reader.load("due: 2024-02-29\n").data == {"due": dt.date(2024, 2, 29)}


@pytest.mark.parametrize(
    "text",
    ["a: &x 1\nb: *x\n", "a: {b: 1}\n", "a: |\n  text\n", "a:\n\tb: 1\n", "a: 1\na: 2\n", "a: b: c\n",
     "a: long\n  continued\n", "- - 1\n", "null: 1\n", "a: !tag x\n", "--- 1\n",
     # a character YAML treats apart, wherever the line holds it: a value, an item, a comment, a key line's end
     "a: x\ry\n", "- x\x85\n", "# \u2028\na: 1\n", "a:\x07\n", "a: 1\n  # \t\n"],
)
def test_texts_beyond_the_subset_go_to_the_full_reader(text: str) -> None:
    with pytest.raises(fastyaml.Unsupported):
        fastyaml.read(text)


keys = st.from_regex(r"[a-z_][a-z0-9_]{0,8}", fullmatch=True)
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False, allow_infinity=False),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=20),
)
trees = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4), max_leaves=20)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(keys, trees, min_size=1, max_size=5))
def test_any_dumped_data_reads_back_identically(data: dict) -> None:
    yaml = YAML()
    yaml.allow_unicode = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    buf = io.StringIO()
    yaml.dump(data, buf)
    text = buf.getvalue()
    loaded = reader.load(text)
    assert loaded.findings == []
    assert loaded.data == ruamel_safe(text)
    assert placed(loaded.data, loaded.positions) == placed(loaded.data, reader._load_full(text).positions)


def test_remembered_short_scalars_read_the_same_and_share_no_mutable_value() -> None:
    text = "a: []\nb: {}\nkind: by\nstart: 12\ndue: '2024-01-05'\nok: true\nnone: null\n"
    first, _ = fastyaml.read(text)
    first["a"].append(1)
    first["b"]["x"] = 1
    again, _ = fastyaml.read(text)
    assert again == ruamel_safe(text) == {"a": [], "b": {}, "kind": "by", "start": 12, "due": "2024-01-05", "ok": True, "none": None}
    assert again["a"] is not first["a"] and again["b"] is not first["b"]
