"""Lines of a normalised document and how to locate normalised ranges in the original."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from govplan.normalize.mapped import MappedText
from govplan.spec.model import Span


@dataclass(frozen=True)
class Line:
    """One line of normalised text: ``start``/``end`` are offsets of its stripped content."""

    index: int
    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text


def split_lines(text: str) -> list[Line]:
    """The lines of ``text`` with surrounding whitespace trimmed (offsets point at the content)."""
    lines: list[Line] = []
    pos = 0
    for index, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        start = pos + lead
        lines.append(Line(index, start, start + len(stripped), stripped))
        pos += len(raw) + 1
    return lines


class Locator:
    """Maps normalised ranges to original spans, 1-based original lines and verbatim text."""

    def __init__(self, original: str, mapped: MappedText) -> None:
        self.original = original
        self.mapped = mapped
        self._newlines = [match.start() for match in re.finditer("\n", original)]

    def span(self, start: int, end: int) -> Span:
        s, e = self.mapped.to_original(start, end)
        return Span(start=s, end=e)

    def line_of(self, original_offset: int) -> int:
        """1-based line number of an original offset."""
        return bisect.bisect_left(self._newlines, original_offset) + 1

    def verbatim(self, span: Span) -> str:
        return self.original[span.start : span.end]


_OPEN_BRACKETS = "(（〔【[［"
_CLOSE_BRACKETS = ")）〕】]］"


def split_outside_brackets(text: str, start: int, end: int, separators: str) -> list[tuple[int, int]]:
    """Ranges of the items of ``text[start:end]`` between ``separators`` that stand outside
    brackets (各县（市、区）人民政府，市直各单位 → two items), untrimmed, empty ones included."""
    items: list[tuple[int, int]] = []
    depth = 0
    item_start = start
    for i in range(start, end):
        ch = text[i]
        if ch in _OPEN_BRACKETS:
            depth += 1
        elif ch in _CLOSE_BRACKETS:
            depth = max(0, depth - 1)
        elif ch in separators and depth == 0:
            items.append((item_start, i))
            item_start = i + 1
    items.append((item_start, end))
    return items
