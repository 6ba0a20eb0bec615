"""Table rows as the .docx and .html readers write them: one line a row, cells separated by tabs.

A cell spanning N grid columns gives its text once and N-1 empty cells after it, so every row keeps
the table's columns; a cell merged down several rows gives its text to each of them. Both let a
small file expand (a span of 1000 columns, a long cell repeated over thousands of rows), so the
cells a reader writes are counted against a budget and a file expanding beyond it is refused.
"""

from __future__ import annotations

import re

from govplan.errors import Errors, InputError

CELL_SEPARATOR = "\t"
MAX_SPAN = 1000  # grid columns (or rows) one cell spans at most (HTML caps colspan at 1000; Word at 63)
MAX_TABLE_CHARS = 16 * 1024 * 1024  # characters all table rows of one file may expand to
_LEADING_DIGITS = re.compile(r"\d{1,9}")  # as browsers read colspan=" 2px"; Word's w:val is digits


def span_count(raw: str | None, least: int = 1) -> int:
    """A span attribute's count in [least, MAX_SPAN]; a damaged or missing value counts as ``least``."""
    match = _LEADING_DIGITS.match(raw.strip()) if raw is not None else None
    return min(max(int(match.group()), least), MAX_SPAN) if match else least


class RowWriter:
    """Builds a file's table rows, refusing the file when they expand beyond MAX_TABLE_CHARS."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.used = 0

    def place(self, row: list[str], text: str, span: int = 1) -> None:
        """Append a cell to ``row``: its text, then span-1 empty cells."""
        self._charge(len(text) + 1)
        row.append(text)
        self.pad(row, span - 1)

    def pad(self, row: list[str], count: int) -> None:
        """Append ``count`` empty cells to ``row`` (counted before they are made)."""
        self._charge(count)
        row.extend([""] * count)

    def _charge(self, chars: int) -> None:
        self.used += chars
        if self.used > MAX_TABLE_CHARS:
            raise InputError(Errors.E123, self.name, limit=MAX_TABLE_CHARS // (1024 * 1024))
