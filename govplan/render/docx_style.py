"""The official-document look of govplan's Word tables: fonts, sizes and the named paragraph styles.

Both the reference-document builder and the docx writer read this table, so the
styles in govplan/render/templates/reference.docx and the fonts set on every run never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

LATIN_FONT = "Times New Roman"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
TITLE_FONT = "方正小标宋简体"

FONT_FALLBACKS: dict[str, str] = {BODY_FONT: "仿宋", HEADING_FONT: "SimHei", TITLE_FONT: "宋体"}
"""Each Chinese font's w:altName in the font table: what Word, WPS and LibreOffice use when it is missing."""

REFERENCE_NAME = "reference.docx"


@dataclass(frozen=True)
class ParagraphStyle:
    """A named paragraph style of the reference document."""

    name: str
    font: str
    size_pt: float
    align: Literal["left", "center", "right"] = "left"
    space_after_pt: float = 0
    keep_with_next: bool = False


TITLE = ParagraphStyle("GovTitle", TITLE_FONT, 22, align="center", space_after_pt=6, keep_with_next=True)
DOC_NUMBER = ParagraphStyle("GovDocNumber", BODY_FONT, 14, align="center", space_after_pt=12, keep_with_next=True)
TABLE_HEADER = ParagraphStyle("GovTableHeader", HEADING_FONT, 12, align="center")
TABLE_TEXT = ParagraphStyle("GovTableText", BODY_FONT, 12)
NOTE = ParagraphStyle("GovNote", BODY_FONT, 12)

STYLES = (TITLE, DOC_NUMBER, TABLE_HEADER, TABLE_TEXT, NOTE)

PAGE_WIDTH_MM = 297
PAGE_HEIGHT_MM = 210
MARGINS_MM = {"top": 25, "bottom": 22, "left": 22, "right": 22}
