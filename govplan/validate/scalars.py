"""Turning YAML scalars into Python values, identically for the fast and the full reader.

Tags are resolved with ruamel's own YAML 1.2 resolver and ints/floats/bools built by its safe
constructor, so both readers agree with `ruamel.yaml` exactly. Dates are the exception: a date
that does not exist (2024-13-01) stays a string, so the model rejects it with a located message
instead of the loader failing on the whole file.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Any, Callable

from ruamel.yaml import YAML
from ruamel.yaml.nodes import ScalarNode

TAG = "tag:yaml.org,2002:"
_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
# The plain scalars specs are full of, read without the (slow) general resolver.
_DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]*)")
_FIXED = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@cache
def _yaml() -> YAML:
    return YAML(typ="safe", pure=True)


@cache
def _implicit_resolvers() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """ruamel's YAML 1.2 implicit resolvers, (tag, pattern) by first character, read once: its own
    resolve() looks the YAML version up again on every call."""
    return dict(_yaml().resolver.versioned_resolver)


@cache
def _resolvers_for(first: str) -> tuple[tuple[str, Callable[[str], re.Match[str] | None]], ...]:
    """(tag, match) of the resolvers tried for plain scalars starting with ``first``: ruamel's
    patterns are lazy proxies that cost a Python call on every use (fingerprints, starting with a
    digit, meet three each), their compiled patterns' match methods do not."""
    return tuple((tag, pattern.match) for tag, pattern in _implicit_resolvers().get(first, ()))


@cache
def resolver_starts() -> frozenset[str]:
    """First characters that can make a plain scalar anything but a string."""
    return frozenset(k for k in _implicit_resolvers() if k)


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
    if kind in ("int", "float", "bool"):
        constructor = _yaml().constructor
        method = getattr(constructor, f"construct_yaml_{kind}")
        return method(ScalarNode(tag, value))
    return value


def plain(value: str) -> Any:
    """The Python value of a plain scalar."""
    if value and value[0] not in resolver_starts():
        return value
    if _DECIMAL.fullmatch(value):
        return int(value)
    if _ISO_DATE.fullmatch(value):
        return _date_or_text(value)
    if _FIXED.fullmatch(value):
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
