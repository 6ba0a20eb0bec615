"""The characters a pattern's match can start with, worked out for more openings than re does, so that a search
skips straight to the places a match can begin.

A compiled pattern opens with an info block that may hold a literal prefix or a *charset prefix*
(re._compiler._compile_info); with a charset prefix re's C search steps over every character outside
the set without trying a match there. re finds the set only when the pattern opens with a literal, a
class or a branch of literals (re._compiler._get_charset_prefix), and gives up on a pattern that opens
with a lookbehind or lookahead, a repeat, an optional item, or a branch or group of anything else;
such a pattern is tried at every position of the text. govplan's grammar opens most patterns so:
``(?<![\\d.])\\d{4}``, ``(?:每|按)…``, ``[一二三]+、``, ``(?:[\\(（]?[一二三]+[\\)）])``.

Here the set is worked out through those openings: a lookaround or an anchor consumes nothing and is
skipped (a lookahead's own set is not intersected: skipping it only widens the set), a repeat with a
minimum of one or more gives its item's set, a repeat with a minimum of nought (an optional item) adds
its item's set to what follows, a branch gives the union of its alternatives' sets, a group its
content's. It gives up, and re's own answer stands, whenever the pattern can match empty through what
was read, on case-insensitive or locale patterns, on a group changing flags, on a negated class joined
to other classes (its NEGATE turns the whole set), on a dot, a back-reference, a pattern opening with a
start-of-text anchor (re's search stops at once after a failed match there; nested in a branch, the
anchor is skipped like any other), and on anything else not listed. The set it gives is thus always a
superset of the characters a match can start with, and the search finds the same matches, only sooner.

Measured (bench/like_for_like.py, the 60-document extraction under callgrind): 6.742G → 6.409G
instructions (−4.9 %); of the 445 patterns a five-notice extraction compiles, re finds a literal prefix
or a start set for 220 and this finds one for 153 more (of the other 72, 15 can match empty and most
open with ``^``); the specs of every dev and seed text are byte-identical. (Written first by a helper
whose change was lost before merging, measured then at −3.5 %; rewritten here, with anchors inside a
branch and a lone negated class handled too.)

This wraps a private function of the standard library: it is installed only on the Python versions
whose function it was checked against (same name and parameters), and anything else leaves re as it
is, which only costs time. A pattern's compiled code changes with it, so govplan.patterncache names
its file by whether it is installed. tests/test_firstchars.py checks that every pattern govplan
compiles, and random patterns on random texts, find the same matches either way.
"""

from __future__ import annotations

import sys
from functools import wraps
from typing import Any, Callable

from govplan.charsets import takes_parameters

CHECKED_VERSIONS = ((3, 11),)  # Pythons whose re._compiler._get_charset_prefix and _compile_info this was read against
_PARAMETERS = ("pattern", "flags")

Charset = list[tuple[Any, Any]]  # re's parsed class items: (LITERAL, code), (RANGE, (lo, hi)), (CATEGORY, name)


class _GiveUp(Exception):
    """An opening this does not understand: re's own answer stands."""


def install(version: tuple[int, int] = sys.version_info[:2]) -> bool:
    """Find start sets through lookarounds, repeats and branches from now on; False (re untouched) on an unchecked Python."""
    from re import _compiler

    original = getattr(_compiler, "_get_charset_prefix", None)
    if getattr(original, "__wrapped__", None) is not None:
        return True  # installed already
    if version not in CHECKED_VERSIONS or not takes_parameters(original, _PARAMETERS):
        return False
    _compiler._get_charset_prefix = widening(original)  # type: ignore[attr-defined]
    return True


def installed() -> bool:
    """Whether re finds start sets with this module's help (a compiled pattern's code depends on it)."""
    from re import _compiler

    return getattr(getattr(_compiler, "_get_charset_prefix", None), "__wrapped__", None) is not None


def widening(original: Callable[[Any, int], Charset | None]) -> Callable[[Any, int], Charset | None]:
    """``original`` (re's charset prefix) with this module's start set where re finds none."""
    @wraps(original)
    def get_charset_prefix(pattern: Any, flags: int) -> Charset | None:
        found = original(pattern, flags)
        if found:
            return found
        return first_characters(pattern, flags) or found

    return get_charset_prefix


def first_characters(pattern: Any, flags: int) -> Charset | None:
    """The class items of every character a match of the parsed ``pattern`` can start with, or None when unknown."""
    from re import _constants as c

    if flags & (c.SRE_FLAG_IGNORECASE | c.SRE_FLAG_LOCALE) or not pattern.data:
        return None
    opening, where = pattern.data[0]
    if opening is c.AT and where in (c.AT_BEGINNING, c.AT_BEGINNING_STRING):
        return None  # re's plain search stops after the first failure at the start: keep that path
    try:
        pieces, nullable = _sequence_start(pattern.data)
    except (_GiveUp, RecursionError):
        return None
    unique = list(dict.fromkeys(pieces))  # branches repeat their classes (\d in each): keep each once
    if nullable or not unique:
        return None
    if len(unique) > 1 and any(item[0] is c.NEGATE for piece in unique for item in piece):
        return None  # a negated class's NEGATE turns the whole set: it can stand only alone
    return list(dict.fromkeys(item for piece in unique for item in piece))


Pieces = list[tuple[tuple[Any, Any], ...]]  # the classes whose union is a start set, each as re's class items


def _sequence_start(data: list[tuple[Any, Any]]) -> tuple[Pieces, bool]:
    """The start set of items matched one after another, and whether all of them can match empty."""
    pieces: Pieces = []
    for op, av in data:
        first, nullable = _item_start(op, av)
        pieces.extend(first)
        if not nullable:
            return pieces, False
    return pieces, True


def _item_start(op: Any, av: Any) -> tuple[Pieces, bool]:
    """The start set of one parsed item, and whether it can match empty; _GiveUp when not understood."""
    from re import _constants as c

    if op is c.LITERAL:
        return [((op, av),)], False
    if op is c.IN:
        if any(item_op not in (c.LITERAL, c.RANGE, c.CATEGORY, c.NEGATE) for item_op, _ in av):
            raise _GiveUp  # an item re's parser does not make
        return [tuple(av)], False
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, high, item = av
        if high == 0:
            return [], True
        first, nullable = _sequence_start(item.data)
        return first, nullable or low == 0
    if op is c.BRANCH:
        pieces: Pieces = []
        nullable = False
        for alternative in av[1]:
            first, empty = _sequence_start(alternative.data)
            pieces.extend(first)
            nullable = nullable or empty
        return pieces, nullable
    if op is c.SUBPATTERN:
        _group, add_flags, del_flags, content = av
        if add_flags or del_flags:
            raise _GiveUp  # (?i:…), (?a:…): its classes would be read under other flags than the info block's
        return _sequence_start(content.data)
    if op is c.ATOMIC_GROUP:
        return _sequence_start(av.data)
    if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
        return [], True  # consumes nothing; a positive lookahead's set is not intersected (only a wider set)
    raise _GiveUp  # a dot, a negated literal, a back-reference, a conditional group, anything else
