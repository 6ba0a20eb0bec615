"""Build govplan/render/templates/reference.docx: the styled, empty A4-landscape document Word tables are built on.

Run `python -m govplan.render.reference_doc [OUT]` after changing docx_style.py; the
result is committed, and users may pass their own copy (restyled in Word) with --template.
"""

from __future__ import annotations

import sys
from pathlib import Path

from govplan.render.docx_style import (
    ADDED_STYLES,
    FONT_FALLBACKS,
    FOOTER_DISTANCE_MM,
    LATIN_FONT,
    MARGINS_MM,
    PAGE_HEIGHT_MM,
    PAGE_WIDTH_MM,
    REFERENCE_NAME,
    STYLES,
    TABLE_TEXT,
    ParagraphStyle,
)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
GB2312_CHARSET = "86"


def set_run_fonts(rpr: object, east_asia: str, latin: str = LATIN_FONT) -> None:
    """Latin text in ``latin`` and Chinese text in ``east_asia`` on an rPr element."""
    from docx.oxml.ns import qn

    rfonts = rpr.get_or_add_rFonts()  # type: ignore[attr-defined]
    rfonts.set(qn("w:ascii"), latin)
    rfonts.set(qn("w:hAnsi"), latin)
    rfonts.set(qn("w:eastAsia"), east_asia)
    rfonts.set(qn("w:hint"), "eastAsia")


def add_style(document: object, spec: ParagraphStyle) -> None:
    """Add the paragraph style ``spec`` to a document (based on Normal, named fonts, exact line height if any)."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Pt

    style = document.styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)  # type: ignore[attr-defined]
    style.base_style = document.styles["Normal"]  # type: ignore[attr-defined]
    style.font.size = Pt(spec.size_pt)
    set_run_fonts(style.element.get_or_add_rPr(), spec.font)
    fmt = style.paragraph_format
    fmt.alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}[spec.align]
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(spec.space_after_pt)
    if spec.line_pt is not None:
        fmt.line_spacing, fmt.line_spacing_rule = Pt(spec.line_pt), WD_LINE_SPACING.EXACTLY
    else:
        fmt.line_spacing = 1.0
    fmt.keep_with_next = spec.keep_with_next
    style.quick_style = True


def _chinese_language_defaults(document: object) -> None:
    """Mark the document's East-Asian language as zh-CN so line breaking and fonts follow Chinese rules."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rpr_default = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))  # type: ignore[attr-defined]
    lang = rpr_default.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr_default.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")
    set_run_fonts(rpr_default, TABLE_TEXT.font)


def _register_fonts(document: object) -> None:
    """Declare each Chinese font in the font table with its GB2312 charset and fallback (w:altName)."""
    from lxml import etree

    part = next(r.target_part for r in document.part.rels.values() if r.reltype.endswith("/fontTable"))  # type: ignore[attr-defined]
    root = etree.fromstring(part.blob)
    for name, alt in FONT_FALLBACKS.items():
        font = etree.SubElement(root, f"{{{W_NS}}}font", {f"{{{W_NS}}}name": name})
        etree.SubElement(font, f"{{{W_NS}}}altName", {f"{{{W_NS}}}val": alt})
        etree.SubElement(font, f"{{{W_NS}}}charset", {f"{{{W_NS}}}val": GB2312_CHARSET})
        etree.SubElement(font, f"{{{W_NS}}}family", {f"{{{W_NS}}}val": "modern"})
        etree.SubElement(font, f"{{{W_NS}}}pitch", {f"{{{W_NS}}}val": "fixed"})
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _drop_thumbnail(document: object) -> None:
    """python-docx's default package carries a thumbnail of its own template; a reference has none."""
    rels = document.part.package.rels  # type: ignore[attr-defined]
    for rid in [rid for rid, rel in rels.items() if rel.reltype.endswith("/thumbnail")]:
        rels.pop(rid)


def build_reference() -> bytes:
    """The reference document: A4 landscape, official margins, govplan's styles, no content (page numbers
    are added by the writer where a reference has no footer of its own)."""
    import io

    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    normal = document.styles["Normal"]
    normal.font.size = Pt(TABLE_TEXT.size_pt)
    set_run_fonts(normal.element.get_or_add_rPr(), TABLE_TEXT.font)
    _chinese_language_defaults(document)
    section.footer_distance = Mm(FOOTER_DISTANCE_MM)
    for spec in (*STYLES, *ADDED_STYLES):
        add_style(document, spec)
    _register_fonts(document)
    _drop_thumbnail(document)
    document.core_properties.title = "govplan reference"
    document.core_properties.author = "govplan"
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def main(argv: list[str]) -> None:
    from govplan.fsutil import write_atomic

    out = Path(argv[0]) if argv else Path(__file__).with_name("templates") / REFERENCE_NAME
    write_atomic(out, build_reference())
    print(out)


if __name__ == "__main__":
    main(sys.argv[1:])
