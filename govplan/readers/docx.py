"""Read a .docx: paragraphs and tables in document order; a table row is one line, cells split by tabs.

The package is read within a budget (see govplan.readers.ooxml) and the main document part is
parsed with a hardened parser; tables are walked from the XML grid directly, in one pass, so a
vertically merged cell costs the same as any other (python-docx walks up row by row for each).
Every row keeps the table's grid columns (see govplan.readers.grid): a merged cell's text stands
in every row it covers, once across a row with empty cells for the other columns it covers. A
cell's paragraphs (and those of tables nested in it) are joined by one blank.
Paragraph text is python-docx's own (its element classes are used), so spans do not move; a paragraph
Word numbers automatically (一、 （一） 1. ① from word/numbering.xml, not in its text) starts with the
label Word shows, in the body and in table cells alike (see govplan.readers.docx_numbering).
"""

from __future__ import annotations

from typing import Any, Iterator

from govplan.errors import Errors, InputError
from govplan.readers.docx_numbering import Label, list_labels
from govplan.readers.grid import CELL_SEPARATOR, RowWriter, span_count
from govplan.readers.ooxml import Package, parse_part

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OFFICE_DOCUMENT = "/officeDocument"
_ONE_LINE = str.maketrans("\t\n\r", "   ")


def docx_text(name: str, data: bytes) -> str:
    """The document's text, one line per paragraph or table row, each numbered paragraph with its label."""
    package = Package(name, data)
    main_part = _main_part(name, package)
    body = _document_body(name, package, main_part)
    label = list_labels(name, package, main_part, body)
    writer = RowWriter(name)
    lines: list[str] = []
    for block in body:
        if block.tag == _W + "p":
            lines.append(label(block) + block.text)
        elif block.tag == _W + "tbl":
            lines.extend(_table_rows(block, writer, label))
    return "\n".join(lines)


def _document_body(name: str, package: Package, main_part: str) -> Any:
    """The <w:body> of the package's main document part (with python-docx's element classes)."""
    import docx.oxml  # noqa: F401 - registers python-docx's element classes with its lookup
    from docx.oxml.parser import element_class_lookup

    root = parse_part(name, package.read(main_part), element_class_lookup)
    body = root.find(_W + "body")
    if root.tag != _W + "document" or body is None:
        raise InputError(Errors.E110, name)
    return body


def _main_part(name: str, package: Package) -> str:
    """The main document's part name, from the package relationships (word/document.xml usually)."""
    if "_rels/.rels" not in package:
        return "word/document.xml"
    rels = parse_part(name, package.read("_rels/.rels"))
    for rel in rels:
        if str(rel.get("Type", "")).endswith(_OFFICE_DOCUMENT) and rel.get("TargetMode") != "External":
            return str(rel.get("Target", "")).lstrip("/")
    raise InputError(Errors.E111, name)


def _table_rows(table: Any, writer: RowWriter, label: Label) -> list[str]:
    """Each row's cells in grid order, so every row keeps the table's columns: empty cells for the
    columns a row skips (gridBefore, gridAfter), a cell spanning N columns once and N-1 empty
    cells after it. A cell continuing a vertical merge shows the text of the cell that starts the
    merge at the same grid column in the row above, as Word displays it; one without such a start
    shows its own. Cells' paragraphs are labelled in document order, row by row."""
    rows: list[str] = []
    above: dict[int, str] = {}  # grid column -> the text of the cell starting there, previous row
    for tr in table.iterchildren(_W + "tr"):
        cells: list[str] = []
        here: dict[int, str] = {}
        writer.pad(cells, _count(tr, "trPr", "gridBefore", 0))
        for tc in tr.iterchildren(_W + "tc"):
            column = len(cells)
            here[column] = above[column] if _continues_merge(tc) and column in above else _cell_text(tc, label)
            writer.place(cells, here[column], _count(tc, "tcPr", "gridSpan", 1))
        writer.pad(cells, _count(tr, "trPr", "gridAfter", 0))
        above = here
        rows.append(CELL_SEPARATOR.join(cells))
    return rows


def _continues_merge(tc: Any) -> bool:
    """Whether a cell continues a vertical merge (<w:vMerge/> without val="restart")."""
    merge = tc.find(f"{_W}tcPr/{_W}vMerge")
    return merge is not None and merge.get(_W + "val", "continue") == "continue"


def _count(element: Any, properties: str, name: str, least: int) -> int:
    """The w:val of a row's or cell's property as a column count (see grid.span_count)."""
    found = element.find(f"{_W}{properties}/{_W}{name}")
    return span_count(None if found is None else found.get(_W + "val"), least)


def _cell_text(tc: Any, label: Label) -> str:
    """A cell's paragraphs, those of tables nested in it included, each with its list label, joined by
    one blank (blank ones left out); tabs and line breaks as blanks, so the cell stays one cell of one line."""
    texts = [label(p) + p.text for p in _cell_paragraphs(tc)]
    return " ".join(text.translate(_ONE_LINE) for text in texts if text.strip())


def _cell_paragraphs(tc: Any) -> Iterator[Any]:
    """A cell's paragraphs in document order, walked without recursion (a text box's paragraphs,
    inside a paragraph, are not walked)."""
    stack = list(reversed(tc))
    while stack:
        node = stack.pop()
        if node.tag == _W + "p":
            yield node
        else:
            stack.extend(reversed(node))
