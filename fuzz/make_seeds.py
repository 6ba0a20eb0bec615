"""Seed corpora and the notice dictionary for the fuzz targets, made from the repository's own files
(fuzz/corpus/, ignored by git)."""

from __future__ import annotations

import io
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parent / "corpus"
SEED_BYTES = 6000  # libFuzzer's -max_len in the Makefile keeps inputs near this size
# Words of notices for the extract target's dictionary (libFuzzer wants them \x-escaped).
NOTICE_WORDS = (
    "一、", "（一）", "(二)", "1.", "（1）", "①", "一是", "第一条", "第一章", "附件1", "目录", "月底前",
    "每月25日前", "2024年6月30日", "4月4日—10月31日", "不少于", "以上", "%", "万人", "牵头", "配合",
    "责任单位：", "县人社局", "各镇(街道)", "<p>", "<div>", "<td>", "<table>", "<tr>", "\n", "\t",
)


def write(target: str, name: str, data: bytes) -> None:
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)


def notice_cuts() -> dict[str, str]:
    """The start of each seed notice (the heading tree, dates and units are there)."""
    cuts = {}
    for path in sorted((ROOT / "corpus" / "seeds").glob("*.txt")):
        cuts[path.stem] = path.read_text(encoding="utf-8")[:SEED_BYTES // 3]
    return cuts


def docx_of(text: str, table: bool) -> bytes:
    from docx import Document

    document = Document()
    for line in text.split("\n")[:20]:
        document.add_paragraph(line)
    if table:
        grid = document.add_table(rows=3, cols=3)
        for r in range(3):
            for c in range(3):
                grid.cell(r, c).text = f"{r}{c} 县人社局"
        grid.cell(0, 0).merge(grid.cell(2, 0))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def body_xml(docx: bytes) -> bytes:
    """The inside of <w:body> of a .docx, for the docx target's package mode."""
    import zipfile

    xml = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml")
    start = xml.index(b"<w:body>") + len(b"<w:body>")
    return xml[start : xml.index(b"</w:body>")]


def dictionary(words: tuple[str, ...]) -> str:
    """A libFuzzer dictionary: one quoted entry per line, every non-ASCII byte \\x-escaped."""
    return "".join('"' + "".join(chr(b) if 32 <= b < 127 and b not in b'"\\' else f"\\x{b:02x}"
                                 for b in word.encode("utf-8")) + '"\n' for word in words)


def main() -> None:
    """Seeds are (re)written in place: the corpus libFuzzer grew in earlier runs stays."""
    CORPUS.mkdir(exist_ok=True)
    (CORPUS / "extract.dict").write_text(dictionary(NOTICE_WORDS), encoding="ascii")
    for k, (stem, text) in enumerate(notice_cuts().items()):
        raw = text.encode("utf-8")
        write("extract", f"{stem}.txt", bytes([0]) + raw)
        html = "".join(f"<p>{line}</p>" for line in text.split("\n"))
        write("extract", f"{stem}.html", bytes([1]) + f"<html><body><div id='zoom'>{html}</div></body></html>".encode())
        docx = docx_of(text, table=k % 2 == 0)
        write("extract", f"{stem}.docx", bytes([2]) + docx)
        write("docx", f"{stem}.raw", bytes([1]) + docx)
        write("docx", f"{stem}.body", bytes([0]) + body_xml(docx))
    for path in sorted((ROOT / "tests" / "fixtures").rglob("*.yaml")):
        data = path.read_bytes()[:SEED_BYTES]
        write("validate", path.name, data)
        write("fmt", path.name, data)
    spec = (ROOT / "specs" / "002_7ee8fce85c601369.yaml").read_bytes()[:SEED_BYTES]
    write("validate", "spec_002.yaml", spec)
    write("fmt", "spec_002.yaml", spec)


if __name__ == "__main__":
    main()
