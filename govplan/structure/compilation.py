"""Split a compilation (a table of contents followed by many documents) into documents.

The table of contents says how many documents there are; their titles are often missing from
the body, so boundaries are chosen by scoring every body line as a possible document start
(title repeated, byline, numbering restarting at 一、, an opening phrase after a closing one)
and keeping the best-scoring lines, as many as the table of contents announces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from govplan.datafiles import load_data
from govplan.structure.lines import Line
from govplan.structure.numbering import match_heading

_SENTENCE = re.compile(r"[。；;！？!?]")


@dataclass(frozen=True)
class Part:
    """One document of a file: its lines and, for compilations, the title from the contents."""

    lines: list[Line]
    title: str | None = None


@dataclass(frozen=True)
class _Data:
    markers: tuple[str, ...]
    entry_max: int
    group_entry: re.Pattern[str]
    byline_suffixes: tuple[str, ...]
    byline_prefixes: tuple[str, ...]
    byline_words: tuple[str, ...]
    openings: tuple[str, ...]
    closings: tuple[str, ...]
    threshold: float
    min_lines: int


@lru_cache(maxsize=1)
def _data() -> _Data:
    raw = load_data("compilation.yaml")
    return _Data(
        tuple(raw["toc_markers"]), int(raw["toc_entry_max_chars"]), re.compile(raw["group_entry_pattern"]),
        tuple(raw["byline_suffixes"]), tuple(raw["byline_prefixes"]), tuple(raw["byline_words"]),
        tuple(raw["opening_phrases"]), tuple(raw["closing_phrases"]), float(raw["start_threshold"]),
        int(raw["min_document_lines"]),
    )


def split_documents(lines: list[Line]) -> list[Part]:
    """The documents in ``lines``: one Part for an ordinary notice, several for a compilation."""
    data = _data()
    content = [line for line in lines if not line.blank]
    if not content or content[0].text.replace("\u3000", "").replace(" ", "") not in {m.replace(" ", "") for m in data.markers}:
        return [Part(lines)]
    toc, body = _table_of_contents(content[1:], data)
    titles = [line.text for line in toc if not data.group_entry.search(line.text) and match_heading(line.text) is None]
    if len(titles) < 2 or not body:
        return [Part(lines)]
    starts = _choose_starts(body, titles, data)
    return [
        Part(body[start : starts[k + 1] if k + 1 < len(starts) else len(body)], _matching_title(body[start:], titles))
        for k, start in enumerate(starts)
    ]


def _matching_title(lines: list[Line], titles: list[str]) -> str | None:
    """The contents title a document repeats in its first lines, if it does."""
    for line in lines[:3]:
        for title in titles:
            if line.text == title or (len(title) >= 6 and line.text.startswith(title[:8])):
                return title
    return None


def _table_of_contents(content: list[Line], data: _Data) -> tuple[list[Line], list[Line]]:
    """Short lines after the marker are entries; the body starts at the first paragraph (bylines go with it)."""
    end = 0
    while end < len(content) and len(content[end].text) <= data.entry_max and not _SENTENCE.search(content[end].text):
        end += 1
    while end > 0 and _is_byline(content[end - 1].text, data):
        end -= 1
    return content[:end], content[end:]


def _is_byline(text: str, data: _Data) -> bool:
    """An author, unit, subtitle or source line ("——…纪实", "…党支部", "…来源:人民网")."""
    if _SENTENCE.search(text):
        return False
    if any(word in text for word in data.byline_words):
        return len(text) <= 80
    return len(text) <= 40 and (text.endswith(data.byline_suffixes) or text.startswith(data.byline_prefixes))


def _choose_starts(body: list[Line], titles: list[str], data: _Data) -> list[int]:
    """Indexes into ``body`` where documents start: 0 plus every line that scores as a start.

    A start moves up over the short title or byline lines right above it, so a document
    begins at its first line, not at its first paragraph.
    """
    scores = _start_scores(body, titles, data)
    starts: list[int] = [0]
    for i in range(1, len(body)):
        if scores[i] < data.threshold:
            continue
        while i - 1 > starts[-1] and _is_heading_like(body[i - 1].text, data) and scores[i - 1] < data.threshold:
            i -= 1
        if i - starts[-1] >= data.min_lines:
            starts.append(i)
    return starts


def _is_heading_like(text: str, data: _Data) -> bool:
    """A title or byline: a short line without sentence punctuation that is not a numbered heading."""
    return _is_byline(text, data) or (len(text) <= 40 and not _SENTENCE.search(text) and match_heading(text) is None)


def _start_scores(body: list[Line], titles: list[str], data: _Data) -> list[float]:
    """How strongly each body line looks like the first line of a document."""
    title_set = set(titles)
    # "金塔县:提升党建质量…" → a line starting "金塔县" likely opens that document
    title_heads = {t.split(":")[0] for t in titles if ":" in t and 2 <= len(t.split(":")[0]) <= 20}
    scores = [0.0] * len(body)
    top_value = 0  # the highest 一、二、三、 value seen since the last strong start
    for i, line in enumerate(body):
        text = line.text
        prev = body[i - 1].text if i else ""
        heading = match_heading(text)
        score = 0.0
        if text in title_set or any(text.startswith(head) for head in title_heads):
            score += 10
        if _is_byline(text, data) and len(prev) > 40:
            score += 4
        if text.startswith(data.openings) and heading is None and len(prev) > 40 and match_heading(prev) is None:
            score += 2.5
        if prev.startswith(data.closings):
            score += 2
        if heading is not None and heading.style == "cn_dun":
            if heading.value == 1 and top_value >= 2:
                score += 2.5 if match_heading(prev) is not None else 2
                if i and match_heading(prev) is None and len(prev) > 40:
                    scores[i - 1] += 2.5  # the introduction before the restarted 一、
            top_value = heading.value
        if heading is None and len(text) > 40 and len(prev) <= 40 and match_heading(prev) is None and i:
            score += 0.5
        scores[i] += score
    return scores
