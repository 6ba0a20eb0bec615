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


@lru_cache(maxsize=1)
def _data() -> _Data:
    raw = load_data("compilation.yaml")
    return _Data(
        tuple(raw["toc_markers"]), int(raw["toc_entry_max_chars"]), re.compile(raw["group_entry_pattern"]),
        tuple(raw["byline_suffixes"]), tuple(raw["byline_prefixes"]), tuple(raw["byline_words"]),
        tuple(raw["opening_phrases"]), tuple(raw["closing_phrases"]),
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
    parts = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(body)
        parts.append(Part(body[start:end], titles[k] if k < len(titles) else None))
    return parts


def _table_of_contents(content: list[Line], data: _Data) -> tuple[list[Line], list[Line]]:
    """Short lines after the marker are entries; the body starts at the first paragraph (bylines go with it)."""
    end = 0
    while end < len(content) and len(content[end].text) <= data.entry_max and not _SENTENCE.search(content[end].text):
        end += 1
    while end > 0 and _is_byline(content[end - 1].text, data):
        end -= 1
    return content[:end], content[end:]


def _is_byline(text: str, data: _Data) -> bool:
    if len(text) > 40 or _SENTENCE.search(text):
        return False
    return (
        text.endswith(data.byline_suffixes)
        or text.startswith(data.byline_prefixes)
        or any(word in text for word in data.byline_words)
    )


def _choose_starts(body: list[Line], titles: list[str], data: _Data) -> list[int]:
    """Indexes into ``body`` where documents start: 0 plus the best len(titles)-1 candidates."""
    scores = _start_scores(body, titles, data)
    wanted = len(titles) - 1
    ranked = sorted(range(1, len(body)), key=lambda i: (-scores[i], i))
    chosen: set[int] = set()
    for i in ranked:
        if len(chosen) >= wanted or scores[i] <= 0:
            break
        if i - 1 in chosen or i + 1 in chosen:
            continue
        chosen.add(i)
    return [0] + sorted(chosen)


def _start_scores(body: list[Line], titles: list[str], data: _Data) -> list[float]:
    """How strongly each body line looks like the first line of a document."""
    title_set = set(titles)
    scores = [0.0] * len(body)
    top_value = 0  # the highest 一、二、三、 value seen since the last strong start
    for i, line in enumerate(body):
        text = line.text
        prev = body[i - 1].text if i else ""
        heading = match_heading(text)
        score = 0.0
        if text in title_set:
            score += 10
        if _is_byline(text, data) and len(prev) > 40:
            score += 4
        if text.startswith(data.openings) and heading is None:
            score += 2.5
        if prev.startswith(data.closings):
            score += 2
        if heading is not None and heading.style == "cn_dun":
            if heading.value == 1 and top_value >= 2:
                score += 2
                if i and match_heading(prev) is None and len(prev) > 40:
                    scores[i - 1] += 2.5  # the introduction before the restarted 一、
            top_value = heading.value
        if heading is None and len(text) > 40 and len(prev) <= 40 and match_heading(prev) is None and i:
            score += 0.5
        scores[i] += score
    return scores
