"""The grammar of named pieces (govplan/data/grammar.yaml) and the expansion of references to them.

Every language pattern refers to pieces by name, ``{year}`` or ``{year:y}`` (inside a named
group); ``expand`` replaces the references, recursively, and ``compile_pattern`` compiles and
caches the result, so each stage takes its dates, numerals and punctuation from one place.
"""

from __future__ import annotations

import re
from functools import cache

from govplan.errors import Errors, GovplanError

_REFERENCE = re.compile(r"\{([a-z][a-z0-9_]*)(?::([A-Za-z_][A-Za-z0-9_]*))?\}")
_GRAMMAR_FILE = "govplan/data/grammar.yaml"


@cache
def _definitions() -> dict[str, str]:
    """Every char set and piece by name, as written (references not yet expanded)."""
    from govplan.datafiles import load_data

    raw = load_data("grammar.yaml")
    return {**raw["chars"], **raw["pieces"]}


def expand(pattern: str, where: str = _GRAMMAR_FILE) -> str:
    """The pattern with every {name} / {name:group} reference replaced by its piece."""
    return _expand(pattern, (), where)


def _expand(pattern: str, stack: tuple[str, ...], where: str) -> str:
    definitions = _definitions()

    def replace(match: re.Match[str]) -> str:
        name, group = match.group(1), match.group(2)
        if name not in definitions:
            raise GovplanError(Errors.E206, where, name=name)
        if name in stack:
            raise GovplanError(Errors.E207, where, name=name)
        body = _expand(definitions[name], (*stack, name), where)
        return f"(?P<{group}>{body})" if group else body

    return _REFERENCE.sub(replace, pattern)


@cache
def piece(name: str) -> str:
    """One piece of the grammar, expanded."""
    return expand("{" + name + "}")


@cache
def compile_pattern(pattern: str, where: str = _GRAMMAR_FILE) -> re.Pattern[str]:
    """The pattern with its references expanded, compiled once per process."""
    expanded = expand(pattern, where)
    try:
        return re.compile(expanded)
    except re.error as exc:
        raise GovplanError(Errors.E208, where, detail=exc, pattern=pattern) from exc
