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
    markup_at = _line_markup().match
    for index, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        start = pos + len(raw) - len(raw.lstrip())
        markup = markup_at(stripped)
        if markup is not None and markup.group(0):  # most lines hold none
            stripped, skipped = _without_markup(stripped, markup)
            start += skipped
        lines.append(Line(index, start, start + len(stripped), stripped))
        pos += len(raw) + 1
    return lines


def _without_markup(line: str, markup: re.Match[str]) -> tuple[str, int]:
    """A line's content without the Markdown or rich-text ``markup`` found at its start, and how many
    characters of markup went before it."""
    content = line[markup.end():]
    emphasis = markup.group("emphasis")
    if emphasis and content.endswith(emphasis):
        content = content[: -len(emphasis)]
    trimmed = content.strip()
    return trimmed, markup.end() + len(content) - len(content.lstrip())


@lru_cache(maxsize=1)
def _line_markup() -> re.Pattern[str]:
    return compile_pattern(load_data("layout.yaml")["line_markup"], "govplan/data/layout.yaml")


@dataclass(frozen=True)
class _Phrase:
    max_chars: int
    open_ends: str
    closed_ends: str
    sentence_ends: str
    open_brackets: str
    close_brackets: str


@lru_cache(maxsize=1)
def _phrase() -> _Phrase:
    raw = load_data("layout.yaml")
    return _Phrase(int(raw["unnumbered_heading_max_chars"]), raw["open_ends"], raw["closed_ends"], raw["sentence_ends"],
                   raw["open_brackets"], raw["close_brackets"])


@lru_cache(maxsize=1)
def _caption() -> re.Pattern[str]:
    return compile_pattern(load_data("layout.yaml")["caption"], "govplan/data/layout.yaml")


def is_caption(text: str) -> bool:
    """Whether a line is a table's or a figure's caption (表1 …, 图1 …: layout.yaml, caption), which opens no section."""
    return text[:1] in "表图附" and _caption().match(text) is not None


def stands_as_heading(lines: list[Line], k: int) -> bool:
    """Whether line ``k`` reads as a heading that lost its number (layout.yaml, unnumbered_heading_max_chars): a short
    phrase alone on its line (not a figure), without a sentence end, a colon or an open end, not a note in brackets,
    after a paragraph that ended its sentence and before more text."""
    phrase = _phrase()
    text = lines[k].text
    if not text or len(text) > phrase.max_chars or text.isdigit() or text[-1] in phrase.open_ends \
            or any(ch in phrase.closed_ends for ch in text):
        return False
    if text[0] in phrase.open_brackets or text[-1] in phrase.close_brackets:
        return False  # a note in brackets ((市交通委牵头负责…)) or a wrapped line's bracketed end
    before, after = _next_text(lines, k, -1), _next_text(lines, k, 1)
    return before is not None and after is not None and before.text[-1] in phrase.sentence_ends


def _next_text(lines: list[Line], k: int, step: int) -> Line | None:
    """The first line with text from line ``k`` on in direction ``step`` (line ``k`` itself left out)."""
    j = k + step
    while 0 <= j < len(lines) and lines[j].blank:
        j += step
    return lines[j] if 0 <= j < len(lines) else None


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
