"""Readers: turn a .txt/.docx/.html/.xlsx/.csv file (or standard input) into decoded source text.

The decoded text is the "original" that every span in a spec points into.
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

from govplan.errors import GovplanError, InputError

SUPPORTED_SUFFIXES = {
    ".txt": "txt", ".text": "txt", ".docx": "docx", ".html": "html", ".htm": "html",
    ".xlsx": "xlsx", ".xlsm": "xlsx", ".csv": "csv", ".tsv": "csv",
}
# Formats people try that govplan cannot read, with what to do instead.
_OLD_FORMATS = {".xls": ("旧版 Excel（.xls）", "old Excel (.xls)", ".xlsx"), ".doc": ("旧版 Word（.doc）", "old Word (.doc)", ".docx")}


@dataclass(frozen=True)
class SourceText:
    """A source document as decoded text, with what is needed for the spec's `source` block."""

    name: str
    text: str
    format: str
    encoding: str | None
    sha256: str


def read_source(path: str | Path) -> SourceText:
    """Read one input (a file path, or "-" for standard input) and decode it."""
    if str(path) == "-":
        return read_stdin()
    path = Path(path)
    if not path.exists():
        raise InputError("文件不存在。", "no such file.", str(path))
    if path.is_dir():
        raise InputError("这是一个目录，不是文件。", "is a directory, not a file.", str(path))
    fmt = SUPPORTED_SUFFIXES.get(path.suffix.lower())
    if path.suffix.lower() in _OLD_FORMATS:
        zh, en, instead = _OLD_FORMATS[path.suffix.lower()]
        raise InputError(f"不支持{zh}：请另存为 {instead} 再提取。", f"{en} is not supported: save it as {instead} first.", str(path))
    if fmt is None:
        raise InputError(
            f"不支持的文件类型“{path.suffix or '（无扩展名）'}”：支持 .txt、.docx、.html/.htm、.xlsx、.csv。",
            f"unsupported file type '{path.suffix or '(none)'}': use .txt, .docx, .html/.htm, .xlsx or .csv.",
            str(path),
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"无法读取文件：{exc.strerror}。", f"cannot read file: {exc.strerror}.", str(path)) from exc
    return decode_bytes(str(path), data, fmt)


def sniff_format(data: bytes) -> str:
    """Guess the format of bytes that came without a file name (standard input)."""
    if data.startswith(b"PK\x03\x04"):
        return "xlsx" if b"xl/workbook.xml" in data[:65536] or b"xl/" in data[:2048] else "docx"
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head:
        return "html"
    return "txt"


def decode_bytes(name: str, data: bytes, fmt: str | None = None) -> SourceText:
    """Decode raw bytes of the given format (sniffed when None) into a SourceText."""
    fmt = fmt or sniff_format(data)
    if not data.strip():
        raise InputError("文件是空的。", "the file is empty.", name)
    try:
        return _decode(name, data, fmt)
    except GovplanError:
        raise
    except Exception as exc:  # noqa: BLE001 - RecursionError, MemoryError, a library bug: the file names itself
        raise InputError(f"无法读取文件（文件可能已损坏）：{exc!r}。", f"cannot read the file (it may be damaged): {exc!r}.",
                         name) from exc


def _decode(name: str, data: bytes, fmt: str) -> SourceText:
    """Decode non-empty bytes of a known format."""
    digest = hashlib.sha256(data).hexdigest()
    if fmt == "docx":
        from govplan.readers.docx import docx_text

        return SourceText(name, docx_text(name, data), "docx", None, digest)
    if fmt == "xlsx":
        from govplan.readers.sheet import xlsx_text

        return SourceText(name, xlsx_text(name, data), "xlsx", None, digest)
    from govplan.readers.text import decode_text

    text, encoding = decode_text(name, data)
    if fmt == "csv":
        from govplan.readers.sheet import csv_text

        return SourceText(name, csv_text(name, text), "csv", encoding, digest)
    if fmt == "html":
        from govplan.readers.html import html_text

        return SourceText(name, html_text(name, text), "html", encoding, digest)
    return SourceText(name, text, "txt", encoding, digest)


def read_stdin() -> SourceText:
    """Read standard input as one document, sniffing its format."""
    data = sys.stdin.buffer.read()
    return decode_bytes("-", data)
