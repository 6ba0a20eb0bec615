"""Where a Word table's pages will break, estimated from its text, widths and line heights.

Word and LibreOffice leave a vertically merged cell blank on the page a merge runs onto, and a row
that breaks across pages shows its 重点任务 text on the first page only. So the writer cuts a long
table into one table per page itself: each starts with the header row, its merges start again
(the 重点任务 text shown on every page), and a row too long for what is left of a page is cut at
a sentence end into two rows, the second on the next page. Table text has an exact line height
and Chinese characters are one em wide, so a cell's height is its wrapped lines times the line
height; the estimate is made on the safe side (a line holds one character less than it could,
pages are filled to SAFE_FILL), so a page may end early but never overflows.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, Callable

from govplan.render.grids import GridRow, display_width

TWIPS_PER_PT = 20
EMU_PER_PT = 12700
SAFE_FILL = 0.95  # share of a page's text height a table may be planned to fill
ROW_RULE_PT = 1.0  # the border between two rows
SINGLE_LINE = 1.5  # a "single" line as a share of the font size, on the safe side (CJK fonts run 1.3-1.45)
MIN_PART_LINES = 3  # a row is cut only where at least this many of its lines stay on the page
_SENTENCE_END = re.compile(r"[。；;！？!?\n]")


@dataclass(frozen=True)
class TextMetrics:
    """A paragraph style's font size and line height, in points."""

    size_pt: float
    line_pt: float


def style_metrics(document: Any, name: str, default_size_pt: float) -> TextMetrics:
    """The size and line height of the named style as the document defines it (a user's copy may differ)."""
    from docx.enum.text import WD_LINE_SPACING

    style = document.styles[name]
    size = next((s.font.size.pt for s in _style_chain(style) if s.font.size is not None), default_size_pt)
    fmt = style.paragraph_format
    spacing, rule = fmt.line_spacing, fmt.line_spacing_rule
    if rule == WD_LINE_SPACING.EXACTLY and spacing is not None:
        return TextMetrics(size, spacing.pt)
    if rule == WD_LINE_SPACING.AT_LEAST and spacing is not None:
        return TextMetrics(size, max(spacing.pt, size * SINGLE_LINE))
    multiple = spacing if isinstance(spacing, float) else 1.0
    return TextMetrics(size, size * SINGLE_LINE * multiple)


def _style_chain(style: Any) -> list[Any]:
    """A style and the styles it is based on."""
    chain = []
    while style is not None:
        chain.append(style)
        style = style.base_style
    return chain


def text_lines(text: str, width_pt: float, size_pt: float) -> int:
    """Lines ``text`` wraps to in a column ``width_pt`` wide (one paragraph per text line)."""
    half_widths_per_line = max(2, math.floor(width_pt / (size_pt / 2)) - 2)
    return sum(max(1, math.ceil(display_width(line) / half_widths_per_line)) for line in text.split("\n"))


def row_height(cells: list[str], widths_pt: list[float], metrics: TextMetrics) -> float:
    """The height of a table row: its tallest cell's lines, and the rule below it."""
    lines = max((text_lines(cell, width, metrics.size_pt) for cell, width in zip(cells, widths_pt) if cell), default=1)
    return lines * metrics.line_pt + ROW_RULE_PT


@dataclass(frozen=True)
class Layout:
    """What a table's pagination is estimated from: its columns' text widths, its text and header
    metrics, and the height a page has for it (the first page less the heading above the table)."""

    widths_pt: list[float]
    merge_columns: frozenset[int]
    text: TextMetrics
    header_pt: float
    first_page_pt: float
    page_pt: float

    def height(self, row: GridRow) -> float:
        return row_height(row.cells, self.widths_pt, self.text)

    def lines(self, text: str, column: int) -> int:
        return text_lines(text, self.widths_pt[column], self.text.size_pt)


def paginate(rows: list[GridRow], layout: Layout) -> list[list[GridRow]]:
    """The rows of each printed page. Rows fill a page (after the header row) while they fit; a row
    that does not fit is cut at a sentence end (its merged cells' text kept in both parts), the rest
    starting the next page, so pages are full and every page's rows are whole in their table."""
    pages: list[list[GridRow]] = [[]]
    room = layout.first_page_pt * SAFE_FILL - layout.header_pt
    queue = list(rows)
    while queue:
        row = queue.pop(0)
        height = layout.height(row)
        if height <= room:
            pages[-1].append(row)
            room -= height
            continue
        budget = math.floor((room - ROW_RULE_PT) / layout.text.line_pt)
        head, tail = cut_row(row, budget, layout, force=not pages[-1]) if budget >= MIN_PART_LINES else (None, row)
        if head is not None:
            pages[-1].append(head)
        pages.append([])
        room = layout.page_pt * SAFE_FILL - layout.header_pt
        queue.insert(0, tail)
    return [page for page in pages if page]


def cut_row(row: GridRow, budget: int, layout: Layout, force: bool) -> tuple[GridRow | None, GridRow]:
    """The part of ``row`` that fits in ``budget`` lines and the rest; None for the part when no
    sentence end leaves MIN_PART_LINES lines before the cut (unless ``force``: then a cell is cut
    inside a sentence if need be)."""
    heads, tails = [], []
    for c, cell in enumerate(row.cells):
        if c in layout.merge_columns:
            heads.append(cell)
            tails.append(cell)
            continue
        head, tail = cut_text(cell, lambda text, c=c: layout.lines(text, c) <= budget, force)
        heads.append(head)
        tails.append(tail)
    if not any(tails[c] for c in range(len(row.cells)) if c not in layout.merge_columns):
        return row, GridRow([""] * len(row.cells), row.keys)
    tallest = max(range(len(row.cells)), key=lambda c: layout.lines(row.cells[c], c))
    if (not heads[tallest] or layout.lines(heads[tallest], tallest) < MIN_PART_LINES) and not force:
        return None, row
    return GridRow(heads, row.keys), GridRow(tails, row.keys)


def cut_text(text: str, fits: Callable[[str], bool], force: bool) -> tuple[str, str]:
    """The longest run of whole sentences (or paragraphs, or ；-separated items) from the start of
    ``text`` that ``fits``, and the rest; with ``force``, characters when not even one sentence fits."""
    if fits(text):
        return text, ""
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    head = max((end for end in ends if fits(text[:end])), default=0)
    if head == 0 and force:
        head = max((end for end in range(1, len(text)) if fits(text[:end])), default=1)
    return text[:head].rstrip("\n"), text[head:].lstrip("\n")
