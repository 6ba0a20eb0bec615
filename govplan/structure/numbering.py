"""Numbering styles, read from language data: recognise heading numbers at line starts and
inline item markers (一是…二是…) inside paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from govplan.numerals import NumeralError, cn_to_int
from govplan.datafiles import load_data

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


@dataclass(frozen=True)
class LineStyle:
    key: str
    pattern: re.Pattern[str]
    numeral: str
    segment: str


@dataclass(frozen=True)
class HeadingNumber:
    """A heading number found at the start of a line (offsets relative to the stripped line)."""

    style: str
    value: int
    segment: str
    number_end: int


@dataclass(frozen=True)
class InlineStyle:
    key: str
    marker: str
    numerals: tuple[str, ...]


@dataclass(frozen=True)
class Numbering:
    """All numbering knowledge of the data file, compiled."""

    line_styles: tuple[LineStyle, ...]
    attachment: re.Pattern[str]
    attachment_segment: str
    attachment_list: re.Pattern[str]
    attachment_item: re.Pattern[str]
    inline_styles: tuple[InlineStyle, ...]
    clause_starts: str
    max_title_chars: int


@lru_cache(maxsize=1)
def numbering() -> Numbering:
    data = load_data("numbering.yaml")
    styles = tuple(
        LineStyle(s["key"], re.compile(s["pattern"]), s["numeral"], s["segment"]) for s in data["line_styles"]
    )
    return Numbering(
        line_styles=styles,
        attachment=re.compile(data["attachment"]["pattern"]),
        attachment_segment=data["attachment"]["segment"],
        attachment_list=re.compile(data["attachment_list"]["pattern"]),
        attachment_item=re.compile(data["attachment_list"]["item"]),
        inline_styles=tuple(
            InlineStyle(s["key"], s["marker"], tuple(data["numerals"][s["numerals"]])) for s in data["inline_styles"]
        ),
        clause_starts=data["inline_clause_starts"],
        max_title_chars=int(data["max_title_chars"]),
    )


def numeral_value(text: str, kind: str) -> int | None:
    """The integer a heading number denotes, or None when it is not a number of that kind."""
    try:
        if kind == "arabic":
            return int(text)
        if kind == "circled":
            return CIRCLED.index(text) + 1
        if kind == "cn":
            return cn_to_int(text)
    except (ValueError, NumeralError):
        return None
    return None


@lru_cache(maxsize=1 << 13)
def match_heading(stripped: str) -> HeadingNumber | None:
    """The heading number a stripped line starts with, if any (memoised: the splitter, the tree
    and the annotators ask about the same lines).

    Unnumbered list items (—— lead-ins) get value 0 and keep "{n}" in their segment: the tree
    numbers them by position.
    """
    for style in numbering().line_styles:
        match = style.pattern.match(stripped)
        if not match:
            continue
        raw = match.group("n") if "n" in style.pattern.groupindex and style.numeral != "auto" else ""
        value = 0 if style.numeral == "auto" else numeral_value(raw, style.numeral)
        if value is None:
            continue
        segment = style.segment if style.numeral == "auto" else style.segment.replace("{n}", raw)
        return HeadingNumber(style.key, value, segment, match.end())
    return None


@dataclass(frozen=True)
class InlineItem:
    """An inline item marker inside a text: where it starts and where its marker ends."""

    style: str
    value: int
    segment: str
    start: int
    marker_end: int


def find_inline_items(text: str, skip: set[str] | None = None) -> list[InlineItem]:
    """The first inline sequence (一是, 二是, …) in ``text``, markers only at clause starts.

    Tries each inline style; keeps the one whose run starts earliest; a run must reach 二.
    """
    best: list[InlineItem] = []
    for style in numbering().inline_styles:
        if skip and style.key in skip:
            continue
        items = inline_run(text, style.key, 1)
        if len(items) >= 2 and (not best or items[0].start < best[0].start):
            best = items
    return best


def inline_run(text: str, key: str, first: int) -> list[InlineItem]:
    """Consecutive markers of inline style ``key`` in ``text``, numbered from ``first``."""
    data = numbering()
    style = next((s for s in data.inline_styles if s.key == key), None)
    if style is None:
        return []
    items: list[InlineItem] = []
    search_from = 0
    for value, numeral in enumerate(style.numerals[first - 1 :], start=first):
        marker = style.marker.replace("{n}", numeral)
        pos = _clause_start_find(text, marker, search_from, data.clause_starts)
        if pos < 0 and items:
            # once a run has begun, a later marker counts even where the source lost its full stop
            pos = _loose_find(text, marker, search_from, style.numerals)
        if pos < 0:
            break
        items.append(InlineItem(style.key, value, marker, pos, pos + len(marker)))
        search_from = pos + len(marker)
    return items


def _loose_find(text: str, marker: str, start: int, numerals: tuple[str, ...]) -> int:
    """Index of ``marker`` at or after ``start`` not glued to a preceding numeral (十二是 is not 二是)."""
    pos = text.find(marker, start)
    while pos > 0 and any(text[max(0, pos - 3) : pos].endswith(n) for n in numerals):
        pos = text.find(marker, pos + 1)
    return pos


def _clause_start_find(text: str, marker: str, start: int, clause_starts: str) -> int:
    """Index of ``marker`` at or after ``start`` where it begins a clause, or -1."""
    pos = text.find(marker, start)
    while pos >= 0:
        j = pos - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        if j < 0 or text[j] in clause_starts or text[j] in "—”\"":
            return pos
        pos = text.find(marker, pos + 1)
    return -1
