"""Hostile and damaged inputs made by the tests themselves (no binary fixtures in the tree)."""

from __future__ import annotations

import io
import zipfile

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def docx_package(document_xml: bytes | str, level: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A minimal .docx (content types, package relationships, the given main document part)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=level) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", PACKAGE_RELS)
        archive.writestr("word/document.xml", document_xml)
    return buffer.getvalue()


def docx_with_body(body: str, prolog: str = "") -> bytes:
    """A .docx whose body holds ``body`` (WordprocessingML without the namespace declaration)."""
    xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    return docx_package(xml)


def paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def cell(text: str, props: str = "") -> str:
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{paragraph(text)}</w:tc>"


def merged_column_table(rows: int) -> str:
    """A table whose first column is one cell merged down ``rows`` rows (a 责任单位 column)."""
    out = ["<w:tbl>"]
    for r in range(rows):
        first = cell("县人社局", '<w:vMerge w:val="restart"/>') if r == 0 else cell("", "<w:vMerge/>")
        out.append(f"<w:tr>{first}{cell(f'{r + 1}. 任务{r + 1}')}</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


BILLION_LAUGHS = (
    '<!DOCTYPE w:document [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
    '<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">'
    '<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>'
)


def damaged_docx_files() -> dict[str, bytes]:
    """One damaged .docx per way the reader used to crash on, by file name."""
    return {
        "broken_xml.docx": docx_package("<w:document><w:body><w:p>"),
        "deep.docx": docx_with_body("<w:sdt><w:sdtContent>" * 300 + paragraph("深") + "</w:sdtContent></w:sdt>" * 300),
        "laughs.docx": docx_with_body(paragraph("一、任务&h;"), BILLION_LAUGHS),
        "no_document.docx": _zip({"[Content_Types].xml": CONTENT_TYPES}),
    }


def recoverable_docx_files() -> dict[str, bytes]:
    """Damaged tables python-docx raised on, which the reader reads as Word shows them."""
    bad_span = cell("一、总体要求", '<w:gridSpan w:val="abc"/>')
    orphan = cell("一、总体要求", "<w:vMerge/>")
    return {
        "bad_span.docx": docx_with_body(f"<w:tbl><w:tr>{bad_span}{cell('县人社局')}</w:tr></w:tbl>"),
        "orphan_merge.docx": docx_with_body(f"<w:tbl><w:tr>{orphan}{cell('县人社局')}</w:tr></w:tbl>"),
    }


def _zip(parts: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" '
    'Target="numbering.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
    'Target="styles.xml"/></Relationships>'
)


def docx_with_numbering(body: str, numbering: str, styles: str = "") -> bytes:
    """A .docx whose body holds ``body``, with a numbering part holding ``numbering`` and a styles part
    holding ``styles`` (WordprocessingML without the namespace declarations), related as Word relates them."""
    def part(root: str, content: str) -> str:
        return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{root} xmlns:w="{W_NS}">{content}</w:{root}>'

    return _zip({
        "[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": PACKAGE_RELS, "word/_rels/document.xml.rels": DOCUMENT_RELS,
        "word/document.xml": part("document", f"<w:body>{body}</w:body>"),
        "word/numbering.xml": part("numbering", numbering), "word/styles.xml": part("styles", styles),
    })


def numbered(text: str, num_id: int | None = None, level: int | None = None, style: str | None = None) -> str:
    """A paragraph numbered by list ``num_id`` at ``level`` (either may be left to its style), of ``style``."""
    props = "" if style is None else f'<w:pStyle w:val="{style}"/>'
    if num_id is not None or level is not None:
        props += "<w:numPr>" + ("" if level is None else f'<w:ilvl w:val="{level}"/>')
        props += ("" if num_id is None else f'<w:numId w:val="{num_id}"/>') + "</w:numPr>"
    return f"<w:p><w:pPr>{props}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"


def level(index: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    """A w:lvl: its number format, its text with %1…%9, its start."""
    return f'<w:lvl w:ilvl="{index}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>{extra}</w:lvl>'


def num(num_id: int, abstract: int, overrides: str = "") -> str:
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>{overrides}</w:num>'
