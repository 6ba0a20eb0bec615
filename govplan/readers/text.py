"""Detect and decode the encoding of a plain-text notice: UTF-8 (BOM or not), UTF-16 (BOM), GB18030/GBK.

Detection is by evidence, not blind guessing: BOMs first, then strict UTF-8, then strict
GB18030 accepted only when the result looks like Chinese text.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from govplan.errors import Errors, InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Share of characters that must be "ordinary" for a decoding to be believed.
_PLAUSIBLE_SHARE = 0.97
# Odd characters: controls, surrogates, private use, unassigned. Ranges with none of them (blank
# controls, printable ASCII, CJK punctuation, the CJK ideographs, full-width ASCII) skip the lookup.
_ODD_CATEGORIES = frozenset({"Cc", "Cs", "Co", "Cn"})
_UNCOMMON = re.compile("[^\n\r\t\f\v\x20-\x7e\u3000-\u303f\u4e00-\u9fa5\uff01-\uff5e]")


def decode_text(name: str, data: bytes) -> tuple[str, str]:
    """Decode ``data``; return (text, encoding name). Raises InputError naming the file."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(name, data.decode(encoding), encoding), encoding
            except UnicodeDecodeError as exc:
                raise _undecodable(name, f"{encoding}: {exc.reason}") from exc
    if b"\x00" in data:
        raise InputError(Errors.E108, name)
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return text, encoding
    raise _undecodable(name, "not UTF-8, UTF-16 (BOM) or GB18030/GBK")


def _checked(name: str, text: str, encoding: str) -> str:
    if not _plausible(text):
        raise _undecodable(name, f"{encoding} decoding gives control characters")
    return text


def _plausible(text: str) -> bool:
    """True when nearly all characters are letters, digits, punctuation or ordinary whitespace."""
    sample = text[:200_000]
    if not sample:
        return True
    odd = sum(unicodedata.category(ch) in _ODD_CATEGORIES for ch in _UNCOMMON.findall(sample))
    return odd <= len(sample) * (1 - _PLAUSIBLE_SHARE)


def _undecodable(name: str, detail: str) -> InputError:
    return InputError(Errors.E109, name, detail=detail)
