"""Read a government web page: keep the article body, drop navigation and scripts, tables as rows.

A table holding data gives its caption on a line of its own and then one line a row, its cells
separated by tabs in grid columns (see govplan.readers.grid): a cell's text is its blocks joined
by a blank (tables nested in it included), a rowspan cell's text stands in every row it covers,
a colspan cell's once with empty cells after it, and empty cells are kept. A table laying out the
page (role="presentation", or a cell holding an article's worth of text) is read as blocks.
The items of a numbered list (<ol>) start with the number a browser shows before them.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from govplan.errors import Errors, InputError
from govplan.readers.grid import CELL_SEPARATOR, RowWriter, span_count
from govplan.readers.html_lists import ListMarkers

_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "select", "button")
_NAV_HINT = re.compile(r"nav|menu|footer|header|breadcrumb|crumb|sidebar|share|login|search|copyright|toolbar", re.I)
_BODY_HINT = re.compile(r"TRS_Editor|article|content|zoom|detail|main|text|body|pages_content|UnionStyle", re.I)
_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "section", "article", "blockquote", "pre", "dd", "dt", "dl", "center",
}
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CELL_TAGS = ("td", "th")
_HTML_BLANKS = re.compile(r"[ \t\n\r\f]+")  # the blanks a browser shows as one
_MAX_CELL_CHARS = 800  # Chinese characters in one cell beyond which a table frames an article
_Spanning = dict[int, tuple[str, int, int]]  # grid column -> (text, columns, rows left) of a cell spanning down


def html_text(name: str, markup: str) -> str:
    """The article body of a page as text, one line per block element or table row."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(Errors.E121, name, detail=exc) from exc
    for element in root.xpath("//*[self::" + " or self::".join(_DROP_TAGS) + "]"):
        element.drop_tree()
    for element in root.xpath("//*[@class or @id]"):
        marker = f"{element.get('class', '')} {element.get('id', '')}"
        if _NAV_HINT.search(marker) and not _BODY_HINT.search(marker) and element.getparent() is not None:
            element.drop_tree()
    counts = _cjk_counts(root)
    body = _article_element(root, counts)
    text = "\n".join(_block_lines(body, counts[0], RowWriter(name)))
    if not text:
        raise InputError(Errors.E122, name)
    return text


def _article_element(root: "object", counts: tuple[dict[object, int], dict[object, int]]) -> "object":
    """The element holding the article: the most Chinese text in a content-like block, else <body>; a table cell only where
    it holds most of the page's text in a table laying out the page, never one cell of a data table standing in <body>.

    Chinese characters of each element's text and of its links (``counts``) are counted once,
    bottom up, so the choice costs one walk of the tree however deep the page nests."""
    chars, link_chars = counts
    best, best_score = None, 0
    for element in root.xpath("//div|//article|//td|//section"):  # type: ignore[attr-defined]
        if element.tag == "td" and (chars[element] * 2 < chars[root] or _holds_data(element, chars)):
            continue  # a data table's cell (a task list put straight in <body>), not a cell laying out the article
        marker = f"{element.get('class', '')} {element.get('id', '')}"
        # Prefer the innermost block that still holds most of the text: penalise large link counts.
        score = (chars[element] - 2 * link_chars[element]) * (1.5 if _BODY_HINT.search(marker) else 1.0)
        if score > best_score:
            best, best_score = element, score
    if best is None:
        found = root.xpath("//body")  # type: ignore[attr-defined]
        return found[0] if found else root
    return best


def _cjk_counts(root: "object") -> tuple[dict[object, int], dict[object, int]]:
    """For every element: Chinese characters in its text content, and in the links inside it."""
    chars: dict[object, int] = {}
    link_chars: dict[object, int] = {}
    for node in reversed(list(root.iter())):  # type: ignore[attr-defined]  # children before parents
        is_element = isinstance(node.tag, str)
        total = _cjk(node.text) if is_element else 0
        links = 0
        for child in node:
            total += chars[child] + _cjk(child.tail)
            links += link_chars[child]
        chars[node] = total
        link_chars[node] = links + (total if node.tag == "a" else 0)
    return chars, link_chars


def _cjk(text: str | None) -> int:
    return len(_CJK.findall(text)) if text else 0


def _block_lines(element: Any, chars: dict[object, int], writer: RowWriter) -> list[str]:
    """The element's lines: text broken at block boundaries, each line stripped and blank ones
    left out; a table (not one laying out the page) as its caption and rows, one line a row."""
    lines: list[str] = []
    pieces: list[str] = []
    for piece in _pieces(element, chars):
        if isinstance(piece, str):
            pieces.append(piece)
            continue
        lines += _text_lines(pieces)
        pieces = []
        lines += _table_lines(piece, writer)
    return lines + _text_lines(pieces)


def _text_lines(pieces: list[str]) -> list[str]:
    """Text pieces as stripped lines, blank ones left out."""
    lines = (line.strip() for line in "".join(pieces).replace("\xa0", " ").split("\n"))
    return [line for line in lines if line]


def _pieces(element: Any, chars: dict[object, int] | None) -> Iterator[Any]:
    """The element's text in document order, a line break at each block boundary and a tab before
    each cell; with ``chars``, each table that holds data is given whole instead of its text. With
    no ``chars`` (a cell's content): blanks for both breaks and tabs. An <ol>'s item starts with the
    marker a browser shows (1. a. 一、, see govplan.readers.html_lists), put before the item's first
    text so that it stands on that text's line. No recursion, so no nesting depth is too deep."""
    in_cell = chars is None
    block, cell = (" ", " ") if in_cell else ("\n", "\t")
    markers = ListMarkers()
    marker = ""  # an item's marker, waiting for the item's first text
    stack: list[tuple[Any, bool]] = [(element, False)]
    while stack:
        node, closing = stack.pop()
        tag = node.tag if isinstance(node.tag, str) else ""
        if closing:
            if tag in _BLOCK_TAGS:
                yield block
            if node is not element and node.tail:
                if marker and node.tail.strip():
                    yield marker + node.tail.lstrip()
                    marker = ""
                else:
                    yield node.tail
            continue
        if tag in _BLOCK_TAGS:
            yield block
        stack.append((node, True))
        if tag == "table" and chars is not None and node is not element and not _lays_out(node, chars):
            yield node
            continue
        if tag in _CELL_TAGS:
            yield cell
        if tag == "li":
            marker = markers.marker(node)
        if node.text:
            text = node.text.strip() if tag in _CELL_TAGS and not in_cell else node.text
            if marker and text.strip():
                text, marker = marker + text.lstrip(), ""
            yield text
        stack.extend((child, False) for child in reversed(node))


def _lays_out(table: Any, chars: dict[object, int]) -> bool:
    """Whether a table lays out the page rather than holding data: marked so (role="presentation")
    or with a cell holding more Chinese text than a table cell does (an article in a frame)."""
    if table.get("role") in ("presentation", "none"):
        return True
    rows = (row for row in _rows(table) if isinstance(row, list))
    return any(chars.get(cell, 0) > _MAX_CELL_CHARS for row in rows for cell in row)


def _holds_data(cell: Any, chars: dict[object, int]) -> bool:
    """Whether a cell's table holds data, not a page's layout: two rows or more with text in two cells or more (a header
    and a task row), so that a task list's one long cell is not taken for the article however much of the page it holds."""
    table = next(cell.iterancestors("table"), None)
    if table is None or _lays_out(table, chars):
        return False
    rows = (row for row in _rows(table) if isinstance(row, list))
    return sum(sum(chars.get(c, 0) > 0 for c in row) >= 2 for row in rows) >= 2


def _rows(table: Any) -> Iterator[Any]:
    """A table's caption (an element) and rows (lists of cells) in document order; cells standing
    outside any row (a damaged table) make one row."""
    loose: list[Any] = []
    for node in _outermost(table, {"tr", "caption", *_CELL_TAGS}):
        if node.tag in _CELL_TAGS:
            loose.append(node)
            continue
        if loose:
            yield loose
            loose = []
        yield list(_outermost(node, set(_CELL_TAGS))) if node.tag == "tr" else node
    if loose:
        yield loose


def _outermost(element: Any, tags: set[str]) -> Iterator[Any]:
    """The descendants of ``element`` with one of ``tags``, in document order, not those inside them."""
    stack = list(reversed(element))
    while stack:
        node = stack.pop()
        if node.tag in tags:
            yield node
        else:
            stack.extend(reversed(node))


def _table_lines(table: Any, writer: RowWriter) -> list[str]:
    """A table's caption on a line of its own, then one line a row, its cells in grid columns
    (see govplan.readers.grid); rows without text are left out."""
    lines: list[str] = []
    above: _Spanning = {}
    for row in _rows(table):
        if isinstance(row, list):
            cells, above = _grid_row(row, above, writer)
            line = CELL_SEPARATOR.join(cells)
        else:
            line = _cell_text(row)
        if line.strip():
            lines.append(line)
    return lines


def _grid_row(row: list[Any], above: _Spanning, writer: RowWriter) -> tuple[list[str], _Spanning]:
    """A row's cells by grid column, and the cells spanning down into the next row: cells spanning
    down from above keep their columns (their text repeated), the row's own cells take the next
    free ones (one placed over a cell from above takes its place)."""
    cells: list[str] = []
    below: _Spanning = {}
    for cell in row:
        while len(cells) in above:
            _from_above(cells, above, below, writer)
        _place(cells, cell, below, writer)
    for column in sorted(above):
        if column >= len(cells):  # not under a cell of this row
            writer.pad(cells, column - len(cells))
            _from_above(cells, above, below, writer)
    return cells, below


def _from_above(cells: list[str], above: _Spanning, below: _Spanning, writer: RowWriter) -> None:
    """Fill the next columns with the cell spanning down into them, which then covers one row less."""
    column = len(cells)
    text, across, rows = above.pop(column)
    writer.place(cells, text, across)
    if rows > 1:
        below[column] = (text, across, rows - 1)


def _place(cells: list[str], cell: Any, below: _Spanning, writer: RowWriter) -> None:
    """Place a cell in the next columns: its text once, an empty cell for each further column it
    spans; the rows below it spans are noted in ``below``."""
    column, across, rows = len(cells), span_count(cell.get("colspan")), span_count(cell.get("rowspan"))
    writer.place(cells, _cell_text(cell), across)
    if rows > 1:
        below[column] = (cells[column], across, rows - 1)


def _cell_text(cell: Any) -> str:
    """A cell's (or caption's) text on one line: its blocks (<p>, <div>, <br>, the rows and cells of
    a table nested in it) joined by a blank, each run of blanks one blank."""
    return _HTML_BLANKS.sub(" ", "".join(_pieces(cell, None)).replace("\xa0", " ")).strip(" ")
