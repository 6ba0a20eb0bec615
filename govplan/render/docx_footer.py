"""Page numbers as official documents print them (GB/T 9704 7.5): — 1 — in 4号宋体 below the text,
odd pages at the right and even pages at the left, one character in from the edge.

A reference document with a header or footer of its own keeps it: the numbers are added only
where the reference has neither.
"""

from __future__ import annotations

from typing import Any

from govplan.render.docx_style import PAGE_NUMBER
from govplan.render.reference_doc import set_run_fonts

DASH = "—"  # 一字线


def add_page_numbers(document: Any) -> bool:
    """Number every page of a document whose sections have no header or footer; whether it did."""
    sections = list(document.sections)
    if any(not part.is_linked_to_previous for s in sections for part in _headers_and_footers(s)):
        return False
    document.settings.odd_and_even_pages_header_footer = True
    for section in sections:
        _page_number(section.footer.paragraphs[0], "right")
        _page_number(section.even_page_footer.paragraphs[0], "left")
    return True


def _headers_and_footers(section: Any) -> list[Any]:
    return [section.header, section.footer, section.even_page_header, section.even_page_footer,
            section.first_page_header, section.first_page_footer]


def _page_number(paragraph: Any, side: str) -> None:
    """— PAGE — in the page-number style, one character in from the ``side`` edge."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph.style = PAGE_NUMBER.name
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if side == "right" else WD_ALIGN_PARAGRAPH.LEFT
    indent = Pt(PAGE_NUMBER.size_pt)
    if side == "right":
        paragraph.paragraph_format.right_indent = indent
    else:
        paragraph.paragraph_format.left_indent = indent
    _text_run(paragraph, f"{DASH} ")
    _field(paragraph, "PAGE", "1")
    _text_run(paragraph, f" {DASH}")


def _text_run(paragraph: Any, text: str) -> Any:
    run = paragraph.add_run(text)
    set_run_fonts(run._r.get_or_add_rPr(), PAGE_NUMBER.font, latin=PAGE_NUMBER.font)
    return run


def _field(paragraph: Any, instruction: str, shown: str) -> None:
    """A complex field (begin, instruction, separate, the value shown until updated, end)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        _text_run(paragraph, "")._r.append(element)

    char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    _text_run(paragraph, "")._r.append(instr)
    char("separate")
    _text_run(paragraph, shown)
    char("end")
