"""Where clauses and sentences begin and end: break characters found by one compiled search
instead of one str.find per character (the break sets are data: clause_breaks, sentence_breaks…)."""

from __future__ import annotations

import re
from functools import cache


@cache
def any_of(breaks: str) -> re.Pattern[str]:
    """A pattern matching one character of ``breaks``."""
    return re.compile(f"[{re.escape(breaks)}]")


@cache
def _last_of(breaks: str) -> re.Pattern[str]:
    """A pattern matching the last character of ``breaks`` in its range and what follows it (searched
    forward, it stays linear: each break is followed only up to the next)."""
    chars = re.escape(breaks)
    return re.compile(f"[{chars}][^{chars}]*\\Z")


def next_break(text: str, pos: int, breaks: str, end: int | None = None) -> int:
    """The first position in [pos, end) holding a break, else ``end`` (the text's end by default)."""
    limit = len(text) if end is None else end
    found = any_of(breaks).search(text, pos, limit)
    return found.start() if found is not None else limit


def after_last_break(text: str, start: int, pos: int, breaks: str) -> int:
    """The position right after the last break in [start, pos), else ``start``."""
    found = _last_of(breaks).search(text, start, pos)
    return found.start() + 1 if found is not None else start


def inside_marks(text: str, start: int, end: int, marks: dict[str, str | int], closed: bool = False) -> bool:
    """Whether text[start:end] stands inside an open pair of title marks (《工作日报》), looking ``longest`` characters back;
    with ``closed``, also closed within as many characters after it (a cited document's whole name, not a page cut inside it)."""
    longest, opener, closer = int(marks["longest"]), str(marks["open"]), str(marks["close"])
    window = max(0, start - longest)
    if text.rfind(opener, window, start) <= text.rfind(closer, window, start):
        return False
    if not closed:
        return True
    stop = text.find(closer, end, end + longest)
    return stop >= 0 and opener not in text[end:stop]
