"""The first word of a list at a position, found in one match, is the one a test per word finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from govplan.annotate.prefixes import first_word_at, first_word_ending, has_word

ALPHABET = "负责牵头配合县局.("
WORDS = st.lists(st.text(alphabet=ALPHABET, max_size=3), max_size=6).map(tuple)


def _one_by_one(text: str, pos: int, words: tuple[str, ...]) -> str | None:
    return next((word for word in words if text.startswith(word, pos)), None)


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=12), pos=st.integers(0, 14), words=WORDS)
def test_the_same_word_as_a_test_per_word(text: str, pos: int, words: tuple[str, ...]) -> None:
    assert first_word_at(text, pos, words) == _one_by_one(text, pos, words)


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=12), end=st.integers(0, 14), words=WORDS)
def test_the_same_word_ending_as_a_test_per_word(text: str, end: int, words: tuple[str, ...]) -> None:
    assert first_word_ending(text, end, words) == next((word for word in words if text.endswith(word, 0, end)), None)


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=12), start=st.integers(0, 14), words=WORDS)
def test_has_word_as_a_test_per_word(text: str, start: int, words: tuple[str, ...]) -> None:
    assert has_word(text, words, start) == any(word in text[start:] for word in words)


def test_list_order_decides_not_length() -> None:
    assert first_word_at("负责牵头", 0, ("负责牵头", "负责")) == "负责牵头"
    assert first_word_at("负责牵头", 0, ("负责", "负责牵头")) == "负责"
    assert first_word_at("负责牵头", 2, ("负责",)) is None
    assert first_word_at("负责", 0, ()) is None
