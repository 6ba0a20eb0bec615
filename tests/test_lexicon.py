"""alternation: a trie of literal words that matches what a flat, longest-first alternation of them matches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from govplan.lexical.lexicon import alternation

WORDS = st.lists(st.text(alphabet="牵头组织a.(|", max_size=4), max_size=8)


@settings(max_examples=300, deadline=None)
@given(WORDS, st.text(alphabet="牵头组织a.(|x", max_size=8))
def test_the_trie_matches_what_the_longest_first_list_matches(words: list[str], text: str) -> None:
    flat = "(?:" + "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True)) + ")" if words else "(?!)"
    trie = re.compile(alternation(words))
    for start in range(len(text) + 1):
        found, expected = trie.match(text, start), re.compile(flat).match(text, start)
        assert (found and found.group()) == (expected and expected.group())


def test_a_shared_beginning_is_written_once_and_the_longer_word_tried_first() -> None:
    assert alternation(["牵头组织", "牵头", "配合"]) == "(?:牵(?:头组织|头)|配合)"
    assert alternation(["a", "ab", "abc", "b", ""]) == "(?:a(?:bc|b)|a|b|)"
    assert alternation([]) == "(?!)"
