"""Turning YAML scalars into Python values, identically for the fast and the full reader.

Tags are resolved as ruamel's YAML 1.2 resolver resolves them and ints/floats are built by its safe
constructor, so both readers agree with `ruamel.yaml` exactly. Dates are the exception: a date
that does not exist (2024-13-01) stays a string, so the model rejects it with a located message
instead of the loader failing on the whole file.

The resolver's rules are written out in spec/resolvers.py (tests/test_validate_yaml.py holds them equal to
ruamel's own table) so that the fast reader needs no ruamel: importing it was a ninth of a cold
`govplan validate`. ruamel is imported only for an int or float the plain forms below do not cover.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Any, Callable

from govplan.spec.resolvers import TAG, implicit_resolvers

_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
# The plain scalars specs are full of, read without the (slow) general resolver.
_DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]*)")
_FIXED = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+")
# A float with an exponent and no underscores (1.13e+16, the form Python writes large floats in): YAML 1.2 tags
# it float, and ruamel's constructor gives sign * float(digits), which is float(value) exactly; read here,
# a spec holding one does not import ruamel (a tenth of a validate worker's CPU on the bench's 1,000 specs).
_EXPONENT = re.compile(r"(?<![0-9])[-+]?[0-9]+(?:\.[0-9]*)?[eE][-+]?[0-9]+")  # no start inside a run of digits: linear when searched
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Text however YAML 1.2 resolves it: a digit and its run of digits (and underscores) followed by a character that no
# number or date of the table takes there (not . e E of a float, - of a date, b o x after a leading 0): a fingerprint,
# 6d0de94ca4f8bd4c:…, which the fast forms above and the general resolver took 7 regex calls and a loop to call text.
_DIGITS_THEN_TEXT = re.compile(r"(?:[1-9]|0(?![box]))[0-9_]*+[^0-9_.eE\n-]")

_BOOLS = {"true": True, "false": False}  # ruamel's bool_values for the six forms its YAML 1.2 resolver takes


@cache
def _resolvers_for(first: str) -> tuple[tuple[str, Callable[[str], re.Match[str] | None]], ...]:
    """(tag, match) of the resolvers tried for plain scalars starting with ``first``."""
    return tuple((tag, pattern.match) for tag, pattern in implicit_resolvers().get(first, ()))


@cache
def resolver_starts() -> frozenset[str]:
    """First characters that can make a plain scalar anything but a string."""
    return frozenset(k for k in implicit_resolvers() if k)


def resolve_plain(value: str) -> str:
    """The tag YAML gives a plain (unquoted) scalar: the first of ruamel's resolvers for its first
    character whose pattern matches, else str."""
    if not value:
        return TAG + "null"
    for tag, match in _resolvers_for(value[0]):
        if match(value):
            return str(tag)
    return TAG + "str"


def construct(tag: str, value: str) -> Any:
    """The Python value of a scalar with this tag; unknown tags keep the text."""
    kind = tag[len(TAG):] if tag.startswith(TAG) else ""
    if kind == "null":
        return None
    if kind == "timestamp":
        return _date_or_text(value)
    if kind == "bool" and value.lower() in _BOOLS:
        return _BOOLS[value.lower()]
    if kind in ("int", "float", "bool"):
        from ruamel.yaml.nodes import ScalarNode

        return getattr(_constructor(), f"construct_yaml_{kind}")(ScalarNode(tag, value))
    return value


@cache
def _constructor() -> Any:
    """ruamel's safe constructor, for the ints and floats the plain forms do not cover (0x1F, 1_000, 1e3,
    .inf) and a bool given by an explicit tag (!!bool yes)."""
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True).constructor


def plain(value: str) -> Any:
    """The Python value of a plain scalar."""
    if value and value[0] not in resolver_starts() or _DIGITS_THEN_TEXT.match(value):
        return value
    if _DECIMAL.fullmatch(value):
        return int(value)
    if _ISO_DATE.fullmatch(value):
        return _date_or_text(value)
    if _FIXED.fullmatch(value) or _EXPONENT.fullmatch(value):
        return float(value)
    return construct(resolve_plain(value), value)  # short ones are remembered by the fast reader (fastyaml._scalar)


def _date_or_text(value: str) -> dt.date | str:
    match = _DATE.fullmatch(value)
    if not match:
        return value
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return value
