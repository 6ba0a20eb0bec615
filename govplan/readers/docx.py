"""Read a .docx: paragraphs and tables in document order; a table row is one line, cells split by tabs.

The package is read within a budget (see govplan.readers.ooxml) and the main document part is
parsed with a hardened parser; tables are walked from the XML grid directly, in one pass, so a
vertically merged cell costs the same as any other (python-docx walks up row by row for each).
Paragraph text is python-docx's own (its element classes are used), so spans do not move.
"""

from __future__ import annotations

from typing import Any, Iterator

from govplan.errors import Errors, InputError
from govplan.readers.ooxml import Package, parse_part

CELL_SEPARATOR = "\t"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OFFICE_DOCUMENT = "/officeDocument"
_MAX_GRID_SPAN = 1000  # a cell spans at most this many grid columns (Word allows 63)


def docx_text(name: str, data: bytes) -> str:
    """The document's text, one line per paragraph or table row."""
    body = _document_body(name, data)
    lines: list[str] = []
    for block in body:
        if block.tag == _W + "p":
            lines.append(block.text)
        elif block.tag == _W + "tbl":
            lines.extend(_table_rows(block))
    return "\n".join(lines)


def _document_body(name: str, data: bytes) -> Any:
    """The <w:body> of the package's main document part (with python-docx's element classes)."""
    import docx.oxml  # noqa: F401 - registers python-docx's element classes with its lookup
    from docx.oxml.parser import element_class_lookup

    package = Package(name, data)
    root = parse_part(name, package.read(_main_part(name, package)), element_class_lookup)
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


def _table_rows(table: Any) -> list[str]:
    """Each row's distinct cells (a merged cell once per row), cell paragraphs joined without breaks.

    A cell continuing a vertical merge shows the text of the cell that starts the merge at the same
    grid column in the row above, as Word displays it; one without such a start shows its own."""
    rows: list[str] = []
    above: dict[int, Any] = {}  # grid column -> the cell holding the content there, previous row
    for row in table.iterchildren(_W + "tr"):
        here: dict[int, Any] = {}
        cells: list[Any] = []
        seen: set[int] = set()
        for offset, tc in _grid_cells(row):
            owner = above.get(offset, tc) if _continues_merge(tc) else tc
            here[offset] = owner
            if id(owner) not in seen:
                seen.add(id(owner))
                cells.append(owner)
        above = here
        rows.append(CELL_SEPARATOR.join(_cell_text(cell) for cell in cells))
    return rows


def _grid_cells(row: Any) -> Iterator[tuple[int, Any]]:
    """(grid column, cell) for each cell of a row, after any columns the row skips."""
    offset = _int_val(row.find(f"{_W}trPr/{_W}gridBefore"), 0)
    for tc in row.iterchildren(_W + "tc"):
        yield offset, tc
        offset += _int_val(tc.find(f"{_W}tcPr/{_W}gridSpan"), 1)


def _continues_merge(tc: Any) -> bool:
    """Whether a cell continues a vertical merge (<w:vMerge/> without val="restart")."""
    merge = tc.find(f"{_W}tcPr/{_W}vMerge")
    return merge is not None and merge.get(_W + "val", "continue") == "continue"


def _int_val(element: Any, default: int) -> int:
    """An element's w:val as a count in [default, _MAX_GRID_SPAN]; damaged values give the default."""
    if element is None:
        return default
    try:
        value = int(element.get(_W + "val", default))
    except ValueError:
        return default
    return min(max(value, default), _MAX_GRID_SPAN)


def _cell_text(tc: Any) -> str:
    """A cell's own paragraphs joined without breaks, tabs as spaces (tabs separate cells)."""
    return "".join(p.text for p in tc.iterchildren(_W + "p")).replace("\t", " ")
