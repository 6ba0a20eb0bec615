"""Tables of contents (目录): lines that list the body's headings and are none themselves."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from govplan.datafiles import load_data
from govplan.grammar import compile_pattern
from govplan.scanning import scanner
from govplan.structure.lines import Line
from govplan.structure.numbering import match_heading

_FILE = "govplan/data/layout.yaml"


@dataclass(frozen=True)
class _Contents:
    entry: re.Pattern[str] | None  # an entry with its leader and page (一、总体要求……1)
    page: re.Pattern[str]  # the page number ending an entry copied without its leader
    sentence_end: frozenset[str]
    max_entry_chars: int
    min_entries: int


@lru_cache(maxsize=1)
def _contents() -> _Contents:
    data = load_data("layout.yaml")
    listing = data["contents_list"]
    entry = data.get("contents_entry")
    return _Contents(
        compile_pattern(entry, _FILE) if entry else None,
        compile_pattern(listing["page"], _FILE),
        frozenset(data["sentence_ends"]),
        int(listing["max_entry_chars"]),
        int(listing["min_entries"]),
    )


def contents_lines(lines: list[Line]) -> set[int]:
    """Indexes of the lines of a table of contents: entries with a leader and a page number, and
    a contents list copied without them (a web copy of a 预案's 目录: 总则 / 1.1 编制目的 …), known
    because the body repeats its entries in their order."""
    data = _contents()
    entry = scanner(data.entry) if data.entry is not None else None  # most lines hold no leader character
    led = {k for k, line in enumerate(lines) if not line.blank and entry is not None and entry.search(line.text)}
    return led | _unled_lists(lines, data)


def _unled_lists(lines: list[Line], data: _Contents) -> set[int]:
    """Runs of title-only lines whose entries the body repeats, from the first repeated entry on:
    the body's heading with the same title follows, and so does the entry after it, or the run
    itself goes on into that heading with the entry's number (目录 / 第一章 总则 / … / 第八章 附则 /
    第一章 总则 / 第一条 …: chapters with articles between them)."""
    runs = _title_runs(lines, data)
    if not runs:
        return set()  # no run of short lines: no list, and no heading need be keyed by its title
    headings: dict[str, list[int]] = {}
    for k, line in enumerate(lines):
        if not line.blank and match_heading(line.text) is not None:
            headings.setdefault(_title_key(line.text), []).append(k)
    found: set[int] = set()
    for run in runs:
        for p, k in enumerate(run[:-1]):
            body = next((j for j in headings.get(_entry_key(lines[k].text, data), []) if j > k), None)
            if body is None or not (_next_entry_follows(lines, run, p, body, data) or _restated(lines, run, k, body)):
                continue
            listed = [e for e in run[p:] if e < body]
            if len(listed) >= data.min_entries:
                found.update(listed)
            break
    return found


def _next_entry_follows(lines: list[Line], run: list[int], p: int, body: int, data: _Contents) -> bool:
    """Whether the body's heading of entry ``p`` is followed by the run's next entry (1 总则 / 1.1 编制目的)."""
    following = _next_text(lines, body)
    return following is not None and _title_key(following.text) == _entry_key(lines[run[p + 1]].text, data)


def _restated(lines: list[Line], run: list[int], entry: int, body: int) -> bool:
    """Whether the run goes on into the body's heading ``body`` that restates ``entry`` with its number."""
    number = _number_key(lines[entry].text)
    return body in run and number is not None and number == _number_key(lines[body].text)


def _number_key(text: str) -> str | None:
    """A heading's number without blanks (第一章　总　　则 → 第一章), None for a line that is no heading."""
    head = match_heading(text)
    return "".join(text[:head.number_end].split()) if head is not None else None


def _title_runs(lines: list[Line], data: _Contents) -> list[list[int]]:
    """Runs of at least ``min_entries`` short lines without a sentence end (blank lines between
    them allowed): where a contents list may stand."""
    runs: list[list[int]] = []
    run: list[int] = []
    for k, line in enumerate(lines):
        if line.blank:
            continue
        if len(line.text) <= data.max_entry_chars and not data.sentence_end.intersection(line.text):
            run.append(k)
            continue
        if len(run) >= data.min_entries:
            runs.append(run)
        run = []
    if len(run) >= data.min_entries:
        runs.append(run)
    return runs


def _next_text(lines: list[Line], k: int) -> Line | None:
    """The first non-blank line after line ``k``."""
    return next((line for line in lines[k + 1:] if not line.blank), None)


def _entry_key(text: str, data: _Contents) -> str:
    """What a contents entry names: its title without number and page (8  附则 12 → 附则)."""
    return _title_key(data.page.sub("", text))


def _title_key(text: str) -> str:
    """A heading's title without its number and blanks (1.1 编制目的 → 编制目的)."""
    head = match_heading(text)
    title = text[head.number_end:] if head is not None else text
    return "".join(title.split())
