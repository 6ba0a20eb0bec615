"""Word tables with python-docx over the reference document (govplan/render/templates/reference.docx).

Word, WPS and LibreOffice each trust a different width: Word the table width (w:tblW),
WPS the column grid (w:tblGrid), LibreOffice the cell widths (w:tcW); all three are set,
in twips, from the reference document's usable page width, and so are the cell margins.
Parent tasks merge down their column (w:vMerge); every run names its Chinese font
(w:rFonts w:eastAsia), or Chinese text would fall back to a Western font. A table is cut
into one Word table per printed page (govplan.render.pagination), each starting with the
header row, rows never split, so a merged 重点任务 cell shows its text on every page it
covers. Pages are numbered — 1 — (govplan.render.docx_footer); a 附件N label may stand
above the title.
"""

from __future__ import annotations

import io
import zipfile
from copy import deepcopy
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable
from weakref import WeakKeyDictionary

from govplan.errors import Errors, GovplanError
from govplan.render.docx_footer import add_page_numbers
from govplan.render.docx_style import (
    ADDED_STYLES,
    CELL_MARGIN_TWIPS,
    DOC_NUMBER,
    LABEL,
    LATIN_FONT,
    NOTE,
    REFERENCE_NAME,
    STYLES,
    TABLE_HEADER,
    TABLE_TEXT,
    TITLE,
    ParagraphStyle,
)
from govplan.render.grids import Column, Grid
from govplan.render.pagination import EMU_PER_PT, TWIPS_PER_PT, Layout, paginate, row_height, style_metrics, text_lines
from govplan.render.reference_doc import W_NS, add_style, set_run_fonts
from govplan.render.templating import builtin_templates

EMU_PER_TWIP = 635
W = {name: f"{{{W_NS}}}{name}" for name in (
    "p", "pPr", "pStyle", "jc", "r", "rPr", "rFonts", "ascii", "hAnsi", "eastAsia", "hint", "t", "tr", "trPr",
    "cantSplit", "tblHeader", "tc", "tcPr", "tcW", "type", "w", "vMerge", "val", "vAlign", "textDirection",
)}
"""Clark names of the WordprocessingML tags and attributes the rows are written with (qn, looked up once)."""
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
TABLE_STYLE = "Table Grid"


def column_twips(columns: list[Column], total: int) -> list[int]:
    """Column widths in twips, proportional to their weights, summing exactly to ``total``."""
    weight = sum(c.weight for c in columns)
    widths = [int(total * c.weight / weight) for c in columns]
    widths[-1] += total - sum(widths)
    return widths


_STYLE_IDS: "WeakKeyDictionary[Any, dict[tuple[int, str], str | None]]" = WeakKeyDictionary()


def style_id(part: Any, name: str, kind: Any) -> str | None:
    """The id of the style of type ``kind`` named ``name`` in a document part (None for that
    type's default style, as python-docx writes it), the part's styles read once: python-docx's
    own lookup scans every style for the default on each call, 60% of rendering a task table."""
    ids = _STYLE_IDS.get(part)
    if ids is None:
        styles = part.styles
        defaults = {}
        ids = {}
        for style in styles:
            kind_of = style.type  # python-docx reads the XML value into its enum by a scan of the members, each time
            if kind_of not in defaults:
                default = styles.default(kind_of)
                defaults[kind_of] = default.style_id if default is not None else None
            ids[(kind_of, style.name)] = None if style.style_id == defaults[kind_of] else style.style_id
        _STYLE_IDS[part] = ids
    return ids[(kind, name)]


def set_paragraph_style(paragraph: Any, name: str) -> None:
    """Give a paragraph the paragraph style named ``name`` (see style_id)."""
    from docx.enum.style import WD_STYLE_TYPE

    paragraph._p.style = style_id(paragraph.part, name, WD_STYLE_TYPE.PARAGRAPH)


def _paragraph_text(paragraph: Any, text: str, style: ParagraphStyle) -> None:
    """Put ``text`` into a paragraph of ``style``, its run naming the style's Chinese font."""
    set_paragraph_style(paragraph, style.name)
    if text:
        run = paragraph.add_run(text)
        set_run_fonts(run._r.get_or_add_rPr(), style.font)


def _set_table_width(table: Any, widths: list[int]) -> None:
    """Fixed layout, the table width and the column grid, all in twips."""
    from docx.oxml.ns import qn

    table.autofit = False  # w:tblLayout fixed: Word keeps the widths instead of sizing to content
    tbl_w = table._tbl.tblPr.find(qn("w:tblW"))
    tbl_w.set(qn("w:w"), str(sum(widths)))
    tbl_w.set(qn("w:type"), "dxa")
    for grid_col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        grid_col.set(qn("w:w"), str(width))


def _set_cell_margins(table: Any) -> None:
    """Left and right cell padding set explicitly, so every program leaves cells the same text width."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(CELL_MARGIN_TWIPS))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.append(margins)


def _continuations(grid: Grid) -> dict[tuple[int, int], bool]:
    """(row, column) of every merged cell: True where a run starts, False where it continues."""
    merged: dict[tuple[int, int], bool] = {}
    for c, column in enumerate(grid.columns):
        if column.merge:
            for first, last in grid.merge_runs(c):
                merged.update({(r, c): r == first for r in range(first, last + 1)})
    return merged


_TEMPLATES: dict[tuple[Any, ...], Any] = {}


def _copy_of(key: tuple[Any, ...], build: Callable[[], Any]) -> Any:
    """A copy of the element ``build`` makes, made once per process for each ``key``: lxml copies a
    subtree in one call, while writing it element by element costs a Python object per element (a
    task table has thousands of cells and paragraphs of a few shapes)."""
    template = _TEMPLATES.get(key)
    if template is None:
        template = _TEMPLATES[key] = build()
    return deepcopy(template)


def _new_paragraph(style_val: str | None, center: bool, font: str, run: bool) -> Any:
    """A w:p as _paragraph_text writes one (pStyle, jc if centred, and with ``run`` one run naming
    the style's Chinese font), without text."""
    from docx.oxml import OxmlElement
    from lxml.etree import SubElement

    p = OxmlElement("w:p")
    ppr = SubElement(p, W["pPr"])
    if style_val is not None:
        SubElement(ppr, W["pStyle"]).set(W["val"], style_val)
    if center:
        SubElement(ppr, W["jc"]).set(W["val"], "center")
    if run:
        rfonts = SubElement(SubElement(SubElement(p, W["r"]), W["rPr"]), W["rFonts"])
        rfonts.set(W["ascii"], LATIN_FONT)
        rfonts.set(W["hAnsi"], LATIN_FONT)
        rfonts.set(W["eastAsia"], font)
        rfonts.set(W["hint"], "eastAsia")
    return p


def _text_paragraph(tc: Any, text: str, style_val: str | None, center: bool, font: str) -> None:
    """A paragraph appended to ``tc`` as _paragraph_text writes one (_new_paragraph), holding ``text``."""
    from docx.oxml.text.run import _RunContentAppender
    from lxml.etree import SubElement

    p = _copy_of(("p", style_val, center, font, bool(text)), lambda: _new_paragraph(style_val, center, font, bool(text)))
    tc.append(p)
    if not text:
        return
    r = p[-1]
    if "\t" in text or "\r" in text or "\n" in text:
        _RunContentAppender.append_to_run_from_text(r, text)
        return
    t = SubElement(r, W["t"])
    t.text = text
    if len(text.strip()) < len(text):
        t.set(XML_SPACE, "preserve")


def _new_row(header: bool) -> Any:
    """A w:tr that never splits across pages, repeated on every page if it is the ``header``."""
    from docx.oxml import OxmlElement
    from lxml.etree import SubElement

    tr = OxmlElement("w:tr")
    tr_pr = SubElement(tr, W["trPr"])
    SubElement(tr_pr, W["cantSplit"])
    if header:
        SubElement(tr_pr, W["tblHeader"])
    return tr


def _new_cell(width: int, start: bool | None, vertical: bool) -> Any:
    """A w:tc of ``width`` twips, its text centred vertically: it starts a vertical merge (``start``
    True), continues one (False) or neither (None); ``vertical`` text runs top to bottom."""
    from docx.oxml import OxmlElement
    from lxml.etree import SubElement

    tc = OxmlElement("w:tc")
    tc_pr = SubElement(tc, W["tcPr"])
    tc_w = SubElement(tc_pr, W["tcW"])
    tc_w.set(W["type"], "dxa")
    tc_w.set(W["w"], str(width))
    if start is not None:
        v_merge = SubElement(tc_pr, W["vMerge"])
        if start:
            v_merge.set(W["val"], "restart")
    SubElement(tc_pr, W["vAlign"]).set(W["val"], "center")
    if vertical:
        SubElement(tc_pr, W["textDirection"]).set(W["val"], "tbRlV")
    if start is False:
        SubElement(tc, W["p"])
    return tc


def _grid_row(tbl: Any, cells: list[str], grid: Grid, r: int, widths: list[int], merged: dict[tuple[int, int], bool],
              style_val: str | None) -> None:
    """Row ``r`` of the table (0 the header, then the grid's rows) appended to ``tbl``: the XML
    python-docx's add_table, cell.width, vertical_alignment, vMerge, w:cantSplit, w:tblHeader, paragraph
    alignment and w:textDirection gave, written in one pass from copies of each shape of row, cell
    and paragraph."""
    header = r == 0
    style = TABLE_HEADER if header else TABLE_TEXT
    tr = _copy_of(("tr", header), lambda: _new_row(header))
    tbl.append(tr)
    for c, column in enumerate(grid.columns):
        start = None if header else merged.get((r - 1, c))
        vertical = header and column.vertical
        tc = _copy_of(("tc", widths[c], start, vertical), lambda: _new_cell(widths[c], start, vertical))
        tr.append(tc)
        if start is False:
            continue
        center = header or column.align == "center"
        for line in cells[c].split("\n"):
            _text_paragraph(tc, line, style_val, center, style.font)


def add_grid_table(document: Any, grid: Grid, total_twips: int) -> Any:
    """The grid as a Word table: header row, body cells, merges and every width set explicitly; rows
    are never split across pages. Rows are written as XML directly (_grid_row): python-docx's
    per-cell lookups were most of the time a task table took."""
    from docx.enum.style import WD_STYLE_TYPE

    widths = column_twips(grid.columns, total_twips)
    table = document.add_table(rows=0, cols=len(grid.columns))
    table._tbl.tblStyle_val = style_id(table.part, TABLE_STYLE, WD_STYLE_TYPE.TABLE)
    _set_table_width(table, widths)
    _set_cell_margins(table)
    merged = _continuations(grid)
    header_style = style_id(table.part, TABLE_HEADER.name, WD_STYLE_TYPE.PARAGRAPH)
    _grid_row(table._tbl, [c.label for c in grid.columns], grid, 0, widths, merged, header_style)
    text_style = style_id(table.part, TABLE_TEXT.name, WD_STYLE_TYPE.PARAGRAPH)
    for r, row in enumerate(grid.rows, start=1):
        _grid_row(table._tbl, row.cells, grid, r, widths, merged, text_style)
    return table


def _clear_body(document: Any) -> None:
    """Remove the reference document's content, keeping its section properties (page size, margins)."""
    from docx.oxml.ns import qn

    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def builtin_reference() -> io.BytesIO:
    """govplan's own reference document, read from the package."""
    return io.BytesIO((builtin_templates() / REFERENCE_NAME).read_bytes())


def usable_width_twips(document: Any) -> int:
    """The text width of the document's last section, in twips."""
    section = document.sections[-1]
    return int((section.page_width - section.left_margin - section.right_margin) / EMU_PER_TWIP)


def usable_height_pt(document: Any) -> float:
    """The text height of the document's last section, in points."""
    section = document.sections[-1]
    return (section.page_height - section.top_margin - section.bottom_margin) / EMU_PER_PT


def open_reference(reference: Path | None) -> Any:
    """The reference document (govplan's own when ``reference`` is None), checked for the styles the
    writer uses (a user's copy may lack them)."""
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    source = reference if reference is not None else builtin_reference()
    try:
        document = Document(str(source) if isinstance(source, Path) else source)
    except (PackageNotFoundError, KeyError, ValueError, OSError, zipfile.BadZipFile) as exc:
        raise GovplanError(Errors.E403, str(reference), detail=exc) from exc
    present = _style_names(document)
    missing = [name for name in [s.name for s in STYLES] + [TABLE_STYLE] if name not in present]
    for spec in ADDED_STYLES:
        if spec.name not in present:
            add_style(document, spec)
    if missing:
        raise GovplanError(Errors.E404, str(reference), names="、".join(missing))
    return document


def _style_names(document: Any) -> set[str | None]:
    """The names of the document's styles, as python-docx's Style.name gives them, read from the XML: iterating
    document.styles builds a style object per style and reads its type into an enum by a scan of the members."""
    from docx.styles import BabelFish

    return {None if name is None else BabelFish.internal2ui(name)
            for name in (style.name_val for style in document.styles.element.style_lst)}


def _page_break(document: Any, made: list[Any]) -> None:
    """A paragraph one point high that starts a new page (between the tables of one grid's pages).
    The first is made with python-docx and kept in ``made``; later ones are copies of it."""
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt

    if made:
        document.element.body._insert_p(deepcopy(made[0]))
        return
    paragraph = document.add_paragraph()
    set_paragraph_style(paragraph, NOTE.name)
    fmt = paragraph.paragraph_format
    fmt.page_break_before = True
    fmt.space_after, fmt.line_spacing, fmt.line_spacing_rule = Pt(0), Pt(1), WD_LINE_SPACING.EXACTLY
    made.append(paragraph._p)


def _heading(document: Any, grid: Grid, new_page: bool, width_pt: float) -> float:
    """The 附件 label, title and document number above a grid; the height they take, in points."""
    used = 0.0
    for text, style in ((grid.label, LABEL), (grid.title, TITLE), (grid.subtitle, DOC_NUMBER)):
        if not text:
            continue
        paragraph = document.add_paragraph()
        _paragraph_text(paragraph, text, style)
        paragraph.paragraph_format.page_break_before = new_page and used == 0
        metrics = style_metrics(document, style.name, style.size_pt)
        used += text_lines(text, width_pt, metrics.size_pt) * metrics.line_pt + style.space_after_pt
    return used


def _layout(document: Any, grid: Grid, widths: list[int], first_page_pt: float, page_pt: float) -> Layout:
    """What the grid's pagination is estimated from, with the document's own text metrics."""
    text = style_metrics(document, TABLE_TEXT.name, TABLE_TEXT.size_pt)
    header = style_metrics(document, TABLE_HEADER.name, TABLE_HEADER.size_pt)
    widths_pt = [(w - 2 * CELL_MARGIN_TWIPS) / TWIPS_PER_PT for w in widths]
    header_pt = max(
        (len(c.label) * header.size_pt + header.line_pt) if c.vertical else row_height([c.label], [w], header)
        for c, w in zip(grid.columns, widths_pt)
    )
    merging = frozenset(c for c, column in enumerate(grid.columns) if column.merge)
    return Layout(widths_pt, merging, text, header_pt, first_page_pt, page_pt)


def write_docx(grids: list[Grid], reference: Path | None = None) -> bytes:
    """Every grid as a titled Word table on the reference document, each grid from a new page,
    cut into one table per printed page."""
    document = open_reference(reference)
    _clear_body(document)
    add_page_numbers(document)
    total = usable_width_twips(document)
    page_pt = usable_height_pt(document)
    page_breaks: list[Any] = []
    for i, grid in enumerate(grids):
        used = _heading(document, grid, i > 0, total / TWIPS_PER_PT)
        widths = column_twips(grid.columns, total)
        for k, rows in enumerate(paginate(grid.rows, _layout(document, grid, widths, page_pt - used, page_pt))):
            if k:
                _page_break(document, page_breaks)
            add_grid_table(document, replace(grid, rows=rows), total)
        for note in grid.notes:
            _paragraph_text(document.add_paragraph(), note, NOTE)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()
