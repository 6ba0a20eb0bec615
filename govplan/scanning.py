"""finditer that skips what a pattern's own parse shows can hold no match.

re tries a pattern at every position of a text, and most positions fail after several steps
(a pattern opening with a lookahead gets no fast skip from re). Two facts read from the parse
let a scan do less and still give exactly re's matches:

* needed characters: every match holds one of a few characters (年/月/季… for a date, a colon
  for a label); a text holding none of them, which one C-level search tells, has no match;
* anchors: every match ends with one of a few characters and is at most ``reach`` long (``{year}年``);
  matches then lie in windows that end at an anchor and start ``reach`` characters before it, and
  re runs in those windows only (merged where they meet): lookbehinds see before a window,
  lookaheads up to their longest width past its anchor. A pattern with end anchors such as $, word
  boundaries or unbounded lookaheads gets no windows, and ignore-case patterns neither fact.
"""

from __future__ import annotations

import re
import re._constants as _c  # the pattern parser, to read what every match holds and ends with
import re._parser as _parser
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Iterable, Iterator


@dataclass(frozen=True)
class Scanner:
    """A pattern with what its parse proves: characters every match holds, anchors and reach."""

    pattern: re.Pattern[str]
    needed: re.Pattern[str] | None = None  # one of the characters every match holds
    anchors: re.Pattern[str] | None = None  # one of the characters every match ends with
    reach: int = 0  # the longest match
    ahead: int = 0  # the farthest a lookahead looks past a match's end

    def finditer(self, text: str, pos: int = 0) -> Iterator[re.Match[str]]:
        """The matches of ``pattern.finditer(text, pos)``: none after one search where a needed character
        is missing (most calls; searched in the whole text, as a lookbehind may need one before ``pos``),
        re's own iterator where no window applies; no generator in either case."""
        if self.needed is not None and self.needed.search(text) is None:
            return iter(())
        if self.anchors is None:
            return self.pattern.finditer(text, pos)
        return self._windowed(text, pos)

    def search(self, text: str) -> re.Match[str] | None:
        """``pattern.search(text)``: None after one search where a needed character is missing."""
        if self.needed is not None and self.needed.search(text) is None:
            return None
        return self.pattern.search(text)

    def _windowed(self, text: str, pos: int) -> Iterator[re.Match[str]]:
        """The matches inside the windows that end at an anchor (none starting before ``pos``)."""
        window_start = window_end = -1
        for anchor in self.anchors.finditer(text, pos):
            start, end = max(pos, anchor.start() - self.reach + 1), anchor.end() + self.ahead
            if start > window_end:
                if window_end > window_start:
                    yield from self.pattern.finditer(text, window_start, window_end)
                window_start = start
            window_end = end
        if window_end > window_start:
            yield from self.pattern.finditer(text, window_start, window_end)


# What a pattern's parse proves: the needed characters and the end characters (sorted, None: nothing
# known), the longest match and the farthest lookahead (None: unbounded). Plain values, so the command
# line can keep them in the user cache (govplan.scancache) and a fresh process need not parse again.
Analysis = tuple[str | None, str | None, int, int | None]
AnalysisKey = tuple[str, int]  # a pattern's source and flags


@dataclass
class Analyses:
    """Analyses by pattern: those read from the user cache, and those made in this process."""

    kept: dict[AnalysisKey, Analysis] = field(default_factory=dict)
    made: dict[AnalysisKey, Analysis] = field(default_factory=dict)

    def of(self, key: AnalysisKey) -> Analysis:
        """The kept analysis of ``key``, else a new one (noted as made here)."""
        found = self.kept.get(key)
        if found is None:
            found = self.made[key] = analyse(*key)
        return found


ANALYSES = Analyses()  # the process's analyses (govplan.scancache fills ``kept`` on the command line)


@cache
def scanner(pattern: re.Pattern[str]) -> Scanner:
    """``pattern`` with the needed characters, anchors and reach its parse proves."""
    if pattern.flags & re.IGNORECASE:
        return Scanner(pattern)
    needed, ends, reach, ahead = ANALYSES.of((pattern.pattern, pattern.flags))
    needed_pattern = _charset(needed) if needed else None
    if ends is None or reach >= _c.MAXREPEAT or ahead is None:
        return Scanner(pattern, needed_pattern)
    return Scanner(pattern, needed_pattern, _charset(ends), reach, ahead)


def analyse(source: str, flags: int) -> Analysis:
    """What the parse of ``source`` with ``flags`` proves about every match."""
    parsed = _parser.parse(source, flags)
    return _sorted(_needed(list(parsed))), _sorted(_last_chars(parsed)), parsed.getwidth()[1], _lookahead_reach(parsed)


def _sorted(chars: set[str] | None) -> str | None:
    return None if chars is None else "".join(sorted(chars))


def _charset(chars: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(chars) + "]")


def _needed(items: list[Any]) -> set[str] | None:
    """Characters one of which the text of every match of this sequence holds (the smallest such
    set its items give); what a positive lookaround asserts is in the text as well."""
    best: set[str] | None = None
    for op, arg in items:
        found = _needed_by(op, arg)
        if found is not None and (best is None or len(found) < len(best)):
            best = found
    return best


def _needed_by(op: Any, arg: Any) -> set[str] | None:
    """What one parsed item needs (None: nothing known, e.g. an optional or negative item)."""
    if op is _c.LITERAL:
        return {chr(arg)}
    if op is _c.IN:
        return {chr(code) for _, code in arg} if all(item_op is _c.LITERAL for item_op, _ in arg) else None
    if op is _c.SUBPATTERN:
        return _needed(list(arg[3]))
    if op is _c.ATOMIC_GROUP:
        return _needed(list(arg))
    if op is _c.ASSERT:
        return _needed(list(arg[1]))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        return _needed(list(arg[2])) if arg[0] >= 1 else None
    if op is _c.BRANCH:
        return _union(_needed(list(alternative)) for alternative in arg[1])
    return None


def _union(found: Iterable[set[str] | None]) -> set[str] | None:
    """What every branch of an alternation gives, together (None where one branch gives nothing known)."""
    union: set[str] = set()
    for chars in found:
        if chars is None:
            return None
        union |= chars
    return union


def _last_chars(parsed: Any) -> set[str] | None:
    """The characters every match ends with: the pattern's last item that takes characters (lookarounds
    after it take none) is one literal or a set of them, or a group or alternation every branch of
    which ends so (一、, or 1. with a lookahead after it: 、 or .)."""
    items = list(parsed)
    while items and items[-1][0] in (_c.ASSERT, _c.ASSERT_NOT):
        items.pop()
    if not items:
        return None
    op, arg = items[-1]
    if op is _c.LITERAL:
        return {chr(arg)}
    if op is _c.IN and all(item_op is _c.LITERAL for item_op, _ in arg):
        return {chr(code) for _, code in arg}
    if op is _c.SUBPATTERN:
        return _last_chars(arg[3])
    if op is _c.BRANCH:
        return _union(_last_chars(alternative) for alternative in arg[1])
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
        for child in _children(op, arg):
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
