"""Read a .docx: paragraphs and tables in document order; a table row is one line, cells split by tabs."""

from __future__ import annotations

import io
import zipfile

from govplan.errors import InputError

CELL_SEPARATOR = "\t"


def docx_text(name: str, data: bytes) -> str:
    """The document's text, one line per paragraph or table row."""
    try:
        from docx import Document

        document = Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(
            f"不是有效的 .docx 文件：{exc}。", f"not a valid .docx file: {exc}.", name
        ) from exc
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            lines.extend(_table_rows(block))
    return "\n".join(lines)


def _table_rows(table: "object") -> list[str]:
    """Each row's distinct cells (merged cells once), cell paragraphs joined without breaks."""
    rows = []
    for row in table.rows:  # type: ignore[attr-defined]
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append("".join(p.text for p in cell.paragraphs).replace("\t", " "))
        rows.append(CELL_SEPARATOR.join(cells))
    return rows
