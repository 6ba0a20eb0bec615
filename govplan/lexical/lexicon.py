"""Language data for the annotators: YAML word lists under govplan/data/, loaded once.

Cue words, units, comparators and unit suffixes are data so that they can be reviewed and
extended without touching the matching code; this module turns them into regex pieces.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, Iterable

from govplan.datafiles import load_data
from govplan.errors import Errors, GovplanError


@cache
def data(name: str) -> dict[str, Any]:
    """The bundled data file govplan/data/<name>.yaml as a mapping."""
    loaded = load_data(f"{name}.yaml")
    if not isinstance(loaded, dict):
        raise GovplanError(Errors.E204, f"govplan/data/{name}.yaml")
    return loaded


def alternation(words: Iterable[str]) -> str:
    """A non-capturing regex alternation of literal words in which the longest word at a position wins, written as
    a trie (牵(?:头组织|头)): re tries a flat list of branches one by one at every position where a word may start,
    the ~600 role verbs there; a trie tries one branch per character. The words a position holds are prefixes of one
    another and the trie tries them longest first, as the flat list sorted longest first did; each branch still ends
    with a literal, so scanning.py reads the same last characters."""
    unique = sorted(set(words))
    if not unique:
        return "(?!)"
    return "(?:" + "|".join(_branches(unique) + ([""] if unique[0] == "" else [])) + ")"


def _branches(words: list[str]) -> list[str]:
    """The trie of ``words`` (sorted, each once; the rests of the words below one node) as regex branches, a
    longer word before the shorter one it extends. A character only one word goes on with roots a chain,
    escaped whole (most of a list's characters stand in chains). The words under one character stand side
    by side in the sorted list, so each run of them is found by index, without a group object per node."""
    branches: list[str] = []
    append, escape = branches.append, re.escape
    end = len(words)
    start = 1 if words[0] == "" else 0  # the empty word, first when given, is the caller's to add
    while start < end:
        first = words[start][0]
        stop = start + 1
        while stop < end and words[stop][0] == first:
            stop += 1
        if stop == start + 1:
            append(escape(words[start]))
        else:
            rests = [word[1:] for word in words[start:stop]]
            below = _branches(rests)
            if below:
                append(escape(first) + (below[0] if len(below) == 1 else "(?:" + "|".join(below) + ")"))
            if rests[0] == "":
                append(escape(first))
        start = stop
    return branches


def word_map(section: dict[str, Iterable[str]]) -> dict[str, str]:
    """Invert ``{label: [word, ...]}`` into ``{word: label}`` (e.g. comparator words to symbols)."""
    return {word: label for label, words in section.items() for word in words}


def as_tuples(words: dict[str, Any]) -> dict[str, Any]:
    """The data with its top-level word lists as tuples, so that str.startswith/endswith test a
    whole list in one call."""
    return {key: tuple(value) if isinstance(value, list) else value for key, value in words.items()}
