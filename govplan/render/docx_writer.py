"""Word tables with python-docx over templates/reference.docx.

Word, WPS and LibreOffice each trust a different width: Word the table width (w:tblW),
WPS the column grid (w:tblGrid), LibreOffice the cell widths (w:tcW); all three are set,
in twips, from the reference document's usable page width. The header row repeats on
every page (w:tblHeader); parent tasks merge down their column (w:vMerge); every run
names its Chinese font (w:rFonts w:eastAsia), or Chinese text would fall back to a
Western font.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from govplan.errors import Errors, GovplanError
from govplan.render.docx_style import DOC_NUMBER, NOTE, STYLES, TABLE_HEADER, TABLE_TEXT, TITLE, ParagraphStyle
from govplan.render.grids import Column, Grid
from govplan.render.reference_doc import set_run_fonts

EMU_PER_TWIP = 635
TABLE_STYLE = "Table Grid"


def column_twips(columns: list[Column], total: int) -> list[int]:
    """Column widths in twips, proportional to their weights, summing exactly to ``total``."""
    weight = sum(c.weight for c in columns)
    widths = [int(total * c.weight / weight) for c in columns]
    widths[-1] += total - sum(widths)
    return widths


def _paragraph_text(paragraph: Any, text: str, style: ParagraphStyle) -> None:
    """Put ``text`` into a paragraph of ``style``, its run naming the style's Chinese font."""
    paragraph.style = style.name
    if text:
        run = paragraph.add_run(text)
        set_run_fonts(run._r.get_or_add_rPr(), style.font)


def _cell_text(cell: Any, text: str, style: ParagraphStyle, column: Column) -> None:
    """One paragraph per line of ``text`` (Word wraps paragraphs better than line breaks)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    lines = text.split("\n")
    first = cell.paragraphs[0]
    for i, line in enumerate(lines):
        paragraph = first if i == 0 else cell.add_paragraph()
        _paragraph_text(paragraph, line, style)
        if column.align == "center" or style is TABLE_HEADER:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _set_table_width(table: Any, widths: list[int]) -> None:
    """Fixed layout, the table width and the column grid, all in twips."""
    from docx.oxml.ns import qn

    table.autofit = False  # w:tblLayout fixed: Word keeps the widths instead of sizing to content
    tbl_w = table._tbl.tblPr.find(qn("w:tblW"))
    tbl_w.set(qn("w:w"), str(sum(widths)))
    tbl_w.set(qn("w:type"), "dxa")
    for grid_col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        grid_col.set(qn("w:w"), str(width))


def _repeat_as_header(row: Any) -> None:
    """Mark a row as the table header, repeated at the top of every page and never split."""
    from docx.oxml import OxmlElement

    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    tr_pr.append(OxmlElement("w:tblHeader"))


def _continuations(grid: Grid) -> dict[tuple[int, int], bool]:
    """(row, column) of every merged cell: True where a run starts, False where it continues."""
    merged: dict[tuple[int, int], bool] = {}
    for c, column in enumerate(grid.columns):
        if column.merge:
            for first, last in grid.merge_runs(c):
                merged.update({(r, c): r == first for r in range(first, last + 1)})
    return merged


def add_grid_table(document: Any, grid: Grid, total_twips: int) -> Any:
    """The grid as a Word table: header row, body cells, merges and every width set explicitly."""
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.shared import Twips

    widths = column_twips(grid.columns, total_twips)
    table = document.add_table(rows=len(grid.rows) + 1, cols=len(grid.columns))
    table.style = TABLE_STYLE
    _set_table_width(table, widths)
    merged = _continuations(grid)
    rows = table.rows
    _repeat_as_header(rows[0])
    for r, row in enumerate(rows):
        for c, cell in enumerate(row.cells):
            cell.width = Twips(widths[c])
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            column = grid.columns[c]
            if r == 0:
                _cell_text(cell, column.label, TABLE_HEADER, column)
                continue
            start = merged.get((r - 1, c))
            if start is not None:
                cell._tc.vMerge = "restart" if start else "continue"
            if start is not False:
                _cell_text(cell, grid.rows[r - 1].cells[c], TABLE_TEXT, column)
    return table


def _clear_body(document: Any) -> None:
    """Remove the reference document's content, keeping its section properties (page size, margins)."""
    from docx.oxml.ns import qn

    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def usable_width_twips(document: Any) -> int:
    """The text width of the document's last section, in twips."""
    section = document.sections[-1]
    return int((section.page_width - section.left_margin - section.right_margin) / EMU_PER_TWIP)


def open_reference(reference: Path) -> Any:
    """The reference document, checked for the styles the writer uses (a user's copy may lack them)."""
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(str(reference))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise GovplanError(Errors.E403, str(reference), detail=exc) from exc
    present = {style.name for style in document.styles}
    missing = [name for name in [s.name for s in STYLES] + [TABLE_STYLE] if name not in present]
    if missing:
        raise GovplanError(Errors.E404, str(reference), names="、".join(missing))
    return document


def write_docx(grids: list[Grid], reference: Path) -> bytes:
    """Every grid as a titled Word table on the reference document, each table from a new page."""
    document = open_reference(reference)
    _clear_body(document)
    total = usable_width_twips(document)
    for i, grid in enumerate(grids):
        title = document.add_paragraph()
        _paragraph_text(title, grid.title, TITLE)
        title.paragraph_format.page_break_before = i > 0
        if grid.subtitle:
            _paragraph_text(document.add_paragraph(), grid.subtitle, DOC_NUMBER)
        add_grid_table(document, grid, total)
        for note in grid.notes:
            _paragraph_text(document.add_paragraph(), note, NOTE)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()
