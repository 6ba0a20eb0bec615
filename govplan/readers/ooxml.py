"""Reading parts of an Office (zip) package within a budget, and parsing them with a hardened parser.

A zip bomb (a few MB that inflate to gigabytes) is refused before it is inflated, by the sizes and
ratios the archive declares, and again while inflating, by counting what actually comes out.
XML is parsed without DTDs, entities or network access and with libxml2's default limits
(nesting depth 256, no huge text nodes); a part that declares a DTD is refused (OOXML has none).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import Any

from govplan.errors import Errors, InputError

MAX_PART_BYTES = 64 * 1024 * 1024  # uncompressed size of any one part read
MAX_RATIO = 200  # inflated / compressed size, for parts above RATIO_FROM bytes
RATIO_FROM = 1024 * 1024
_CHUNK = 1 << 20


class Package:
    """An Office package opened for reading parts by name (damage becomes an InputError)."""

    def __init__(self, name: str, data: bytes) -> None:
        self.name = name
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            self._infos = {info.filename: info for info in self._zip.infolist()}
        except (zipfile.BadZipFile, zlib.error, ValueError, OSError, EOFError) as exc:
            raise _damaged(name, exc) from exc

    def __contains__(self, part: str) -> bool:
        return part in self._infos

    def read(self, part: str) -> bytes:
        """The part's bytes, refused when it is missing or inflates beyond the budget."""
        info = self._infos.get(part)
        if info is None:
            raise InputError(Errors.E112, self.name, part=part)
        _check_declared(self.name, info)
        try:
            with self._zip.open(info) as stream:
                return _read_bounded(self.name, part, stream)
        except InputError:
            raise
        except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, ValueError, OSError, EOFError) as exc:
            raise _damaged(self.name, exc) from exc


def _check_declared(name: str, info: zipfile.ZipInfo) -> None:
    """Refuse a part whose declared size or compression ratio is beyond the budget."""
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > MAX_PART_BYTES or (info.file_size > RATIO_FROM and ratio > MAX_RATIO):
        raise _too_large(name, info.filename)


def _read_bounded(name: str, part: str, stream: Any) -> bytes:
    """Inflate at most MAX_PART_BYTES (a lying header cannot make it read more)."""
    chunks: list[bytes] = []
    total = 0
    while chunk := stream.read(_CHUNK):
        total += len(chunk)
        if total > MAX_PART_BYTES:
            raise _too_large(name, part)
        chunks.append(chunk)
    return b"".join(chunks)


def parse_part(name: str, data: bytes, lookup: Any = None) -> Any:
    """The root element of an XML part, parsed with a hardened parser (element classes from ``lookup``)."""
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_blank_text=True
    )
    if lookup is not None:
        parser.set_element_class_lookup(lookup)
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise InputError(Errors.E113, name, detail=exc) from exc
    if root.getroottree().docinfo.doctype:
        raise InputError(Errors.E114, name)
    return root


def _too_large(name: str, part: str) -> InputError:
    return InputError(Errors.E115, name, part=part, limit=MAX_PART_BYTES // (1024 * 1024))


def _damaged(name: str, exc: BaseException) -> InputError:
    return InputError(Errors.E116, name, detail=exc)
