"""Lines of a normalised document and how to locate normalised ranges in the original."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from govplan.datafiles import load_data
from govplan.grammar import compile_pattern
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
    """The lines of ``text`` with surrounding whitespace and markup (## 一、…, **(一)…**, - …)
    trimmed: offsets point at the content."""
    lines: list[Line] = []
    pos = 0
    for index, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        start = pos + len(raw) - len(raw.lstrip())
        stripped, skipped = _without_markup(stripped)
        start += skipped
        lines.append(Line(index, start, start + len(stripped), stripped))
        pos += len(raw) + 1
    return lines


def _without_markup(line: str) -> tuple[str, int]:
    """A line's content without the Markdown or rich-text markup around it, and how many
    characters of markup went before it."""
    markup = _line_markup().match(line)
    if markup is None or not markup.group(0):
        return line, 0
    content = line[markup.end():]
    emphasis = markup.group("emphasis")
    if emphasis and content.endswith(emphasis):
        content = content[: -len(emphasis)]
    trimmed = content.strip()
    return trimmed, markup.end() + len(content) - len(content.lstrip())


@lru_cache(maxsize=1)
def _line_markup() -> re.Pattern[str]:
    return compile_pattern(load_data("layout.yaml")["line_markup"], "govplan/data/layout.yaml")


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
