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
    """A non-capturing regex alternation of literal words, longest first so the longest wins."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    if not unique:
        return "(?!)"
    return "(?:" + "|".join(re.escape(w) for w in unique) + ")"


def word_map(section: dict[str, Iterable[str]]) -> dict[str, str]:
    """Invert ``{label: [word, ...]}`` into ``{word: label}`` (e.g. comparator words to symbols)."""
    return {word: label for label, words in section.items() for word in words}


def as_tuples(words: dict[str, Any]) -> dict[str, Any]:
    """The data with its top-level word lists as tuples, so that str.startswith/endswith test a
    whole list in one call."""
    return {key: tuple(value) if isinstance(value, list) else value for key, value in words.items()}
