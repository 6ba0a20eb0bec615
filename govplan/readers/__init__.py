"""Readers: turn a .txt/.docx/.html/.xlsx/.csv file (or standard input) into decoded source text.

The decoded text is the "original" that every span in a spec points into.
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

from govplan.errors import Both, Errors, GovplanError, InputError

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
    return decode_bytes("-" if str(path) == "-" else str(path), read_input(path), format_of(str(path)))


def read_input(path: str | Path) -> bytes:
    """The bytes of one input (a file path, or "-" for standard input), its type checked first."""
    if str(path) == "-":
        return sys.stdin.buffer.read()
    path = Path(path)
    if not path.exists():
        raise InputError(Errors.E101, str(path))
    if path.is_dir():
        raise InputError(Errors.E102, str(path))
    format_of(str(path))
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(Errors.E105, str(path), reason=exc.strerror) from exc


def format_of(name: str) -> str | None:
    """The format an input's name gives (None for standard input, whose format is sniffed);
    old Office formats and unknown types are errors naming the input."""
    if name == "-":
        return None
    suffix = Path(name).suffix.lower()
    if suffix in _OLD_FORMATS:
        zh, en, instead = _OLD_FORMATS[suffix]
        raise InputError(Errors.E103, name, kind=Both(zh, en), instead=instead)
    fmt = SUPPORTED_SUFFIXES.get(suffix)
    if fmt is None:
        raise InputError(Errors.E104, name, suffix=Path(name).suffix or Both("（无扩展名）", "(none)"))
    return fmt


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
        raise InputError(Errors.E106, name)
    try:
        return _decode(name, data, fmt)
    except GovplanError:
        raise
    except Exception as exc:  # noqa: BLE001 - RecursionError, MemoryError, a library bug: the file names itself
        raise InputError(Errors.E107, name, detail=repr(exc)) from exc


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
