"""The official-document look of govplan's Word tables: fonts, sizes and the named paragraph styles.

Both the reference-document builder and the docx writer read this table, so the styles in
govplan/render/templates/reference.docx and the fonts set on every run never disagree. Sizes
follow GB/T 9704 (标题 2号 = 22pt, 附件 label 3号黑体 = 16pt, page numbers 4号宋体 = 14pt); table
text has an exact line height, so every office program wraps and paginates a table alike and
the writer can tell where its pages will break.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

LATIN_FONT = "Times New Roman"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
TITLE_FONT = "方正小标宋简体"
NUMBER_FONT = "宋体"

FONT_FALLBACKS: dict[str, str] = {BODY_FONT: "仿宋", HEADING_FONT: "SimHei", TITLE_FONT: "宋体"}
"""Each Chinese font's w:altName in the font table: what Word, WPS and LibreOffice use when it is missing."""

REFERENCE_NAME = "reference.docx"


@dataclass(frozen=True)
class ParagraphStyle:
    """A named paragraph style of the reference document (``line_pt``: an exact line height)."""

    name: str
    font: str
    size_pt: float
    align: Literal["left", "center", "right"] = "left"
    space_after_pt: float = 0
    keep_with_next: bool = False
    line_pt: float | None = None


TITLE = ParagraphStyle("GovTitle", TITLE_FONT, 22, align="center", space_after_pt=6, keep_with_next=True)
DOC_NUMBER = ParagraphStyle("GovDocNumber", BODY_FONT, 14, align="center", space_after_pt=12, keep_with_next=True)
TABLE_HEADER = ParagraphStyle("GovTableHeader", HEADING_FONT, 12, align="center", line_pt=18)
TABLE_TEXT = ParagraphStyle("GovTableText", BODY_FONT, 12, line_pt=18)
NOTE = ParagraphStyle("GovNote", BODY_FONT, 12)

STYLES = (TITLE, DOC_NUMBER, TABLE_HEADER, TABLE_TEXT, NOTE)
"""The styles a reference document must have (a user's restyled copy included)."""

LABEL = ParagraphStyle("GovLabel", HEADING_FONT, 16, space_after_pt=6, keep_with_next=True)
PAGE_NUMBER = ParagraphStyle("GovPageNumber", NUMBER_FONT, 14, align="right")
ADDED_STYLES = (LABEL, PAGE_NUMBER)
"""Styles added with these defaults when a reference document lacks them (copies made before they existed)."""

PAGE_WIDTH_MM = 297
PAGE_HEIGHT_MM = 210
MARGINS_MM = {"top": 25, "bottom": 22, "left": 22, "right": 22}
FOOTER_DISTANCE_MM = 10  # the page number's dashes stand about 7 mm below the text area (GB/T 9704 7.5)
CELL_MARGIN_TWIPS = 108  # left and right padding of every table cell (Word's default, set explicitly)
