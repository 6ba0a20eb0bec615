"""Fuzz the .docx reader: raw package bytes, or fuzzed WordprocessingML inside a valid package
(so the XML parser, the budget and the table walk are reached, not only the zip checks).

Checks: docx_text returns text or raises InputError; nothing else escapes."""

from __future__ import annotations

import io
import zipfile

import atheris

from checks import allowed, run

with atheris.instrument_imports(include=["govplan", "docx"]):
    from govplan.readers.docx import docx_text

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def package(body: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("word/document.xml", f'<w:document xmlns:w="{W}"><w:body>'.encode() + body + b"</w:body></w:document>")
    return buffer.getvalue()


def test_one(data: bytes) -> None:
    if not data:
        return
    payload = data[1:] if data[0] % 2 else package(data[1:])
    text = allowed(lambda: docx_text("fuzz.docx", payload))
    assert text is None or isinstance(text, str)


if __name__ == "__main__":
    run(test_one)
