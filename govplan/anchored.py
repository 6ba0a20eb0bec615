"""finditer for a pattern whose every match ends with one of a few characters, run only near them.

re tries a pattern at every position of a text; for a pattern like ``{year}年`` most positions
fail after several steps. When the pattern's parse shows that a match always ends with one of a
few literal characters (its anchors) and is at most ``reach`` characters long, every match lies
in a window that ends at an anchor and starts ``reach`` characters before it; re then runs in
those windows only (merged where they meet), which finds exactly the matches of a scan of the
whole text: lookbehinds see before a window, lookaheads see up to their longest width past its
anchor. A pattern this cannot prove it for (end anchors such as $, word boundaries, unbounded
lookaheads, ignore-case) is scanned whole, as before.
"""

from __future__ import annotations

import re
import re._constants as _c  # the pattern parser, to read what a match must end with
import re._parser as _parser
from dataclasses import dataclass
from functools import cache
from typing import Any, Iterator


@dataclass(frozen=True)
class Anchored:
    """A pattern with, where its parse proves them, its anchor characters and reach."""

    pattern: re.Pattern[str]
    anchors: re.Pattern[str] | None  # one of the characters every match ends with
    reach: int = 0  # the longest match
    ahead: int = 0  # the farthest a lookahead looks past a match's end

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of ``pattern.finditer(text)``, found in the windows before the anchors."""
        if self.anchors is None:
            yield from self.pattern.finditer(text)
            return
        window_start = window_end = -1
        for anchor in self.anchors.finditer(text):
            start, end = max(0, anchor.start() - self.reach + 1), anchor.end() + self.ahead
            if start > window_end:
                if window_end > window_start:
                    yield from self.pattern.finditer(text, window_start, window_end)
                window_start = start
            window_end = end
        if window_end > window_start:
            yield from self.pattern.finditer(text, window_start, window_end)


@cache
def anchored(pattern: re.Pattern[str]) -> Anchored:
    """``pattern`` with its anchors and reach, when its parse proves them."""
    if pattern.flags & re.IGNORECASE:
        return Anchored(pattern, None)
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    ends = _last_chars(parsed)
    reach = parsed.getwidth()[1]
    ahead = _lookahead_reach(parsed)
    if ends is None or reach >= _c.MAXREPEAT or ahead is None:
        return Anchored(pattern, None)
    anchors = re.compile("[" + re.escape("".join(sorted(ends))) + "]")
    return Anchored(pattern, anchors, reach, ahead)


def _last_chars(parsed: Any) -> set[str] | None:
    """The characters every match ends with: the pattern's last item is one literal or a set of them."""
    items = list(parsed)
    if not items:
        return None
    op, arg = items[-1]
    if op is _c.LITERAL:
        return {chr(arg)}
    if op is _c.IN and all(item_op is _c.LITERAL for item_op, _ in arg):
        return {chr(code) for _, code in arg}
    return None


def _lookahead_reach(parsed: Any) -> int | None:
    """How far past a match's end a lookahead may look (None: unbounded, or an end anchor or
    boundary that a window's edge would change)."""
    farthest = 0
    for op, arg in parsed:
        if op is _c.AT and arg not in (_c.AT_BEGINNING, _c.AT_BEGINNING_STRING):
            return None
        if op in (_c.ASSERT, _c.ASSERT_NOT) and arg[0] == 1:  # a lookahead: its width, wherever it stands
            width = arg[1].getwidth()[1]
            if width >= _c.MAXREPEAT:
                return None
            farthest = max(farthest, width)
        children = _children(op, arg)
        for child in children:
            inner = _lookahead_reach(child)
            if inner is None:
                return None
            farthest = max(farthest, inner)
    return farthest


def _children(op: Any, arg: Any) -> list[Any]:
    """The sub-patterns of one parsed item."""
    if op is _c.SUBPATTERN:
        return [arg[3]]
    if op is _c.BRANCH:
        return list(arg[1])
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        return [arg[2]]
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return [arg[1]]
    if op is _c.ATOMIC_GROUP:
        return [arg]
    if op is _c.GROUPREF_EXISTS:
        return [part for part in arg[1:] if part is not None]
    return []
