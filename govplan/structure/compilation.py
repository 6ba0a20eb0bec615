"""Split a compilation (a table of contents followed by many documents) into documents.

The table of contents lists the documents; their titles are often missing from the body, so
boundaries are found by reading the body line by line and scoring each line as a possible
document start (title repeated, byline, opening phrase after a paragraph, numbering restarting
at 一、, a new subject, an outline after prose, a closing line before it). Garbled filler lines
are skipped unless they carry a title.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from govplan.datafiles import load_data
from govplan.grammar import compile_pattern
from govplan.structure.lines import Line
from govplan.structure.metadata import is_chrome
from govplan.structure.noise import GarbleRule, is_garbled
from govplan.structure.numbering import match_heading
from govplan.textmemo import text_memo

_FILE = "govplan/data/compilation.yaml"
_SENTENCE = compile_pattern("[{sentence_end}]")
_HAN = "\u4e00-\u9fff"
_CUE = 8  # a line repeats a contents title when it starts with the title's first characters (_title_cues)


@dataclass(frozen=True)
class Part:
    """One document of a file: its lines and, for compilations, the title from the contents."""

    lines: list[Line]
    title: str | None = None


@dataclass(frozen=True)
class _Data:
    markers: tuple[str, ...]
    page_header: re.Pattern[str]
    entry_max: int
    group_entry: re.Pattern[str]
    byline_suffixes: tuple[str, ...]
    byline_prefixes: tuple[str, ...]
    byline_words: tuple[str, ...]
    person_byline: re.Pattern[str]
    opening: re.Pattern[str]
    closings: tuple[str, ...]
    closing_lines: tuple[re.Pattern[str], ...]
    salutation: re.Pattern[str]
    subject: re.Pattern[str]
    subject_intro: re.Pattern[str]
    subject_head: int
    subject_stop_chars: str
    max_preamble: int
    outline_min: int
    short_max: int
    garble: GarbleRule
    weights: dict[str, float]
    threshold: float
    min_lines: int


@lru_cache(maxsize=1)
def _data() -> _Data:
    raw = load_data("compilation.yaml")
    subject = _subject_pattern(raw["subject_time_lead"], raw["subject_suffixes"])
    return _Data(
        markers=tuple(raw["toc_markers"]),
        page_header=compile_pattern(raw["page_header_line"], _FILE),
        entry_max=int(raw["toc_entry_max_chars"]),
        group_entry=re.compile(raw["group_entry_pattern"]),
        byline_suffixes=tuple(raw["byline_suffixes"]),
        byline_prefixes=tuple(raw["byline_prefixes"]),
        byline_words=tuple(raw["byline_words"]),
        person_byline=re.compile(f"(?:{_alternatives(raw['person_positions'])})[{raw['person_surnames']}][{_HAN}]{{1,2}}$"),
        opening=re.compile(f"^(?:{_alternatives(raw['opening_phrases'])}|{'|'.join(raw['opening_patterns'])})"),
        closings=tuple(raw["closing_phrases"]),
        closing_lines=tuple(compile_pattern(p, _FILE) for p in raw["closing_line_patterns"]),
        salutation=re.compile(raw["salutation_pattern"]),
        subject=re.compile(subject),
        subject_intro=re.compile(f"{subject}(?:{_alternatives(raw['subject_intro_verbs'])})"),
        subject_head=int(raw["subject_head_chars"]),
        subject_stop_chars=str(raw["subject_stop_chars"]),
        max_preamble=int(raw["max_preamble_lines"]),
        outline_min=int(raw["outline_min_lines"]),
        short_max=int(raw["short_line_max_chars"]),
        garble=GarbleRule(int(raw["garbled_min_run"]), float(raw["garbled_max_word_share"])),
        weights={name: float(value) for name, value in raw["weights"].items()},
        threshold=float(raw["start_threshold"]),
        min_lines=int(raw["min_document_lines"]),
    )


def _alternatives(words: list[str]) -> str:
    """A regex alternation of literal words, longest first so that 副书记 wins over 书记."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


def _subject_pattern(time_lead: str, suffixes: list[str]) -> str:
    """A paragraph's leading subject: an optional time phrase, then a name ending in a place/organisation suffix."""
    return f"^(?:{time_lead})?(?P<name>[{_HAN}A-Za-z]{{2,12}}?(?:{_alternatives(suffixes)}))"


def split_documents(lines: list[Line]) -> list[Part]:
    """The documents in ``lines``: one Part for an ordinary notice, several for a compilation."""
    data = _data()
    content = _below_page_header([line for line in lines if not line.blank], data)
    run_on = _entries_after_marker(content[0].text, data) if content else None
    if run_on is not None:
        toc, body = _table_of_contents(content[1:], data, run_on)
        entries = run_on + [entry for line in toc for entry in (line.text.split() if run_on else [line.text])]
    elif content and (glued := _glued_marker(content[0].text, data)) is not None:
        toc, body = _glued_contents(content, data)
        entries = [entry for k, line in enumerate(toc) for entry in _glued_entries(line.text[glued * (k == 0):], body)]
    else:
        return [Part(lines)]
    titles = [entry for entry in entries if not data.group_entry.search(entry) and match_heading(entry) is None]
    if len(titles) < 2 or not body:
        return [Part(lines)]
    starts = _choose_starts(body, titles, data)
    return [
        Part(body[start : starts[k + 1] if k + 1 < len(starts) else len(body)], _matching_title(body[start:], titles, data))
        for k, start in enumerate(starts)
    ]


def _entries_after_marker(text: str, data: _Data) -> list[str] | None:
    """The contents entries a line opening with the marker holds: none where the marker stands alone (目录, 目　录),
    the entries between blanks where a copy ran the contents on after it (目录 党建引领企业兴… 发挥党建引领作用…:
    seed 003 in perturb's run_on shape); None where the line opens no contents."""
    if text.replace("\u3000", "").replace(" ", "") in {m.replace(" ", "") for m in data.markers}:
        return []
    marker = next((m for m in data.markers if text.startswith(m) and text[len(m):len(m) + 1].isspace()), None)
    return text[len(marker):].split() if marker is not None else None


def _glued_marker(text: str, data: _Data) -> int | None:
    """The length of the marker a line opens with glued to the first entry after it (目录党建引领企业兴三亮三比党旗红…:
    a page that ran its lines together, seed 003 in perturb's run_together shape), or None."""
    marker = next((m for m in data.markers if text.startswith(m)), None)
    if marker is None or len(text) == len(marker) or text[len(marker)].isspace() or _SENTENCE.search(text):
        return None
    return len(marker)


def _glued_contents(content: list[Line], data: _Data) -> tuple[list[Line], list[Line]]:
    """The contents a page ran together (its first line, glued to its marker, and the lines after it without a sentence
    end) and the body after them, which starts at its first paragraph (bylines go with it)."""
    end = 1
    while end < len(content) and not _SENTENCE.search(content[end].text):
        end += 1
    while end > 1 and _is_byline(content[end - 1].text, data):
        end -= 1
    return content[:end], content[end:]


def _glued_entries(text: str, body: list[Line]) -> list[str]:
    """The entries of a contents line that ran them together, cut where the title of a document in ``body`` starts:
    a body line's first characters (_title_cues) found in the line. Entries no document repeats stay with the one
    before them."""
    cuts = sorted({0} | {at for line in body if len(line.text) >= _CUE and (at := text.find(line.text[:_CUE])) > 0})
    return [text[start:end] for start, end in zip(cuts, cuts[1:] + [len(text)])]


def _below_page_header(content: list[Line], data: _Data) -> list[Line]:
    """The lines after the header of a portal page (chrome, 索引号：…, 发布机构：…) that a copy keeps above the article."""
    skip = 0
    while skip < len(content) and (is_chrome(content[skip].text) or data.page_header.match(content[skip].text)):
        skip += 1
    return content[skip:]


def _matching_title(lines: list[Line], titles: list[str], data: _Data) -> str | None:
    """The contents title a document repeats in its first lines, if it does."""
    for line in lines[:3]:
        title = _carried_title(line.text, titles, is_garbled(line.text, data.garble))
        if title is not None:
            return title
    return None


def _carried_title(text: str, titles: list[str], garbled: bool) -> str | None:
    """The contents title a line repeats: the whole line, its "金塔县:" head, or the readable part of a garbled line."""
    for title in titles:
        if text == title or text.startswith(_title_cues(title)):
            return title
    if garbled:
        return next((title for title in titles if len(title) >= 8 and title in text), None)
    return None


@text_memo(maxsize=1 << 12)
def _title_cues(title: str) -> tuple[str, ...]:
    """Line beginnings that repeat a contents title: its first 8 characters (for titles of 6 or
    more) and its "金塔县:" head (2 to 20 characters)."""
    head = title.split(":")[0] if ":" in title else ""
    return (title[:_CUE],) * (len(title) >= 6) + (head,) * (2 <= len(head) <= 20)


def _table_of_contents(content: list[Line], data: _Data, run_on: list[str]) -> tuple[list[Line], list[Line]]:
    """Short lines after the marker are entries (lines of entries between blanks where the marker's line ran them on:
    ``run_on``, its entries); the body starts at the first paragraph (bylines go with it) or where the first entry is
    repeated as the first document's title."""
    first = run_on[0] if run_on else content[0].text if content else ""
    end = 0
    while end < len(content) and _holds_entries(content[end].text, data, bool(run_on)):
        if (end or run_on) and (content[end].text.split() if run_on else [content[end].text])[0] == first:
            return content[:end], content[end:]
        end += 1
    while end > 0 and _is_byline(content[end - 1].text, data):
        end -= 1
    return content[:end], content[end:]


def _holds_entries(text: str, data: _Data, run_on: bool) -> bool:
    """Whether a line is a contents entry (short, no sentence end), or, ``run_on``, entries between blanks."""
    longest = max(map(len, text.split()), default=0) if run_on else len(text)
    return longest <= data.entry_max and not _SENTENCE.search(text)


def _is_byline(text: str, data: _Data) -> bool:
    """An author, unit, subtitle or source line ("——…纪实", "…党支部", "…主席陈永弟", "…来源:人民网")."""
    if _SENTENCE.search(text):
        return False
    if any(word in text for word in data.byline_words):
        return len(text) <= 80
    if len(text) > data.short_max:
        return False
    if text.endswith(data.byline_suffixes) or text.startswith(data.byline_prefixes):
        return True
    return match_heading(text) is None and data.person_byline.search(text) is not None


@dataclass
class _Reading:
    """The document being read: where it starts, its last 一、二、三 value and its text so far."""

    start: int
    section: int = 0
    text: str = ""

    def absorb(self, text: str) -> None:
        """Take in one more line of this document."""
        heading = match_heading(text)
        if heading is not None and heading.style == "cn_dun":
            self.section = heading.value
        self.text += text + "\n"


def _choose_starts(body: list[Line], titles: list[str], data: _Data) -> list[int]:
    """Indexes into ``body`` where documents start: 0 plus every line that scores as a start.

    A start moves up over the short title or byline lines right above it, so a document begins
    at its first line, not at its first paragraph. A contents title starts at most as many
    documents as the contents list it; further repeats are running headers or watermarks.
    """
    unused = Counter(titles)
    starts: list[int] = []
    reading = _Reading(0)
    prev = ""
    for i, line in enumerate(body):
        garbled = is_garbled(line.text, data.garble)
        title = _carried_title(line.text, [t for t in titles if unused[t] > 0], garbled)
        if garbled and title is None:
            continue  # filler: neither a start nor the neighbour of one
        text = title if garbled and title is not None else line.text
        start = 0 if not starts else _start_above(body, i, text, prev, title is not None, reading, starts[-1], data)
        if start is not None:
            starts.append(start)
            reading = _Reading(start)
            for above in body[start:i]:
                reading.absorb(above.text)
            if title is not None:
                unused[title] -= 1
        reading.absorb(text)
        prev = text
    return starts or [0]


def _start_above(
    body: list[Line], i: int, text: str, prev: str, has_title: bool, reading: _Reading, last_start: int, data: _Data
) -> int | None:
    """Where a new document begins if line ``i`` opens one: at ``i`` or at the title lines above it."""
    if _start_score(body, i, text, prev, has_title, reading, data) < data.threshold:
        return None
    start = _move_up(body, i, last_start, data)
    return start if start - last_start >= data.min_lines else None


def _move_up(body: list[Line], i: int, last_start: int, data: _Data) -> int:
    """The first line of the document whose first paragraph or byline is ``body[i]``."""
    while i - 1 > last_start and _is_heading_like(body[i - 1].text, data) and not _is_closing_line(body[i - 1].text, data):
        i -= 1
    return i


def _is_heading_like(text: str, data: _Data) -> bool:
    """A title or byline: a short line without sentence punctuation that is not a numbered heading."""
    return _is_byline(text, data) or (len(text) <= data.short_max and not _SENTENCE.search(text) and match_heading(text) is None)


def _is_closing_line(text: str, data: _Data) -> bool:
    """A sign-off formula (特此通知) or a date of issue standing alone."""
    return any(pattern.search(text) for pattern in data.closing_lines)


def _is_paragraph(text: str, data: _Data) -> bool:
    """A body paragraph: long and not a numbered heading."""
    return len(text) > data.short_max and match_heading(text) is None


def _start_score(body: list[Line], i: int, text: str, prev: str, has_title: bool, reading: _Reading, data: _Data) -> float:
    """How strongly ``text`` (line ``i``) looks like the first line of a document, given the one being read."""
    w = data.weights
    score = w["title"] if has_title else 0.0
    after_paragraph = _is_paragraph(prev, data)
    heading = match_heading(text)
    signature = i + 1 < len(body) and _is_closing_line(body[i + 1].text, data)  # unit name above a date of issue
    if len(prev) > data.short_max and _is_byline(text, data) and not signature:
        score += w["byline"]
    if after_paragraph and heading is None:
        score += w["opening"] if data.opening.search(text) else _new_subject_score(text, reading, data)
    if data.salutation.search(text):
        score += w["salutation"]
    if prev.startswith(data.closings) or _is_closing_line(prev, data):
        score += w["after_closing"]
    if _opens_restart(text, i, reading, data):
        score += w["restart_after_number"] if match_heading(prev) is not None else w["restart"]
    if i + 1 < len(body) and _is_paragraph(text, data) and _opens_restart(body[i + 1].text, i + 1, reading, data):
        score += w["restart_intro"]
    if after_paragraph and _opens_outline(body, i, data):
        score += w["outline"]
    if _is_paragraph(text, data) and len(prev) <= data.short_max and match_heading(prev) is None:
        score += w["paragraph_after_title"]
    return score


def _numbering_restarts(i: int, reading: _Reading, data: _Data) -> bool:
    """Whether a 一、 at line ``i`` cannot be the next section of the document being read."""
    return reading.section >= 2 or (reading.section == 0 and i - reading.start > data.max_preamble)


def _opens_restart(text: str, i: int, reading: _Reading, data: _Data) -> bool:
    """Whether line ``i`` is a 一、 that restarts the numbering."""
    heading = match_heading(text)
    return heading is not None and heading.style == "cn_dun" and heading.value == 1 and _numbering_restarts(i, reading, data)


def _new_subject_score(text: str, reading: _Reading, data: _Data) -> float:
    """A paragraph led by a place or organisation the document has not named yet ("沪江网成立于…")."""
    match = data.subject.match(text)
    if match is None or match.group("name")[: data.subject_head] in reading.text:
        return 0.0
    if any(char in data.subject_stop_chars for char in match.group("name")):
        return 0.0
    w = data.weights
    score = w["new_subject"]
    if data.subject_intro.match(text):
        score += w["subject_intro"]
    if match.start("name") > 0:
        score += w["subject_time"]
    return score


def _opens_outline(body: list[Line], i: int, data: _Data) -> bool:
    """Whether ``body[i]`` begins a run of short lines (an outline) long enough to be its own document."""
    run = body[i : i + data.outline_min]
    return len(run) == data.outline_min and all(len(line.text) <= data.short_max for line in run)
