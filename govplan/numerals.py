"""Chinese and mixed numerals to numbers: 十一, 二〇二四, 一百二十, 两千, 三万五千, 1.9万, 百分之八十.

Every annotator reads numbers through this module so that 十一月底前 and 11月底前, or
1.9万人 and 19000人, mean the same thing. The numeral alphabet is the definition of the
converter itself, so it lives here rather than in a data file.
"""

from __future__ import annotations

import re

DIGITS: dict[str, int] = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
SMALL_UNITS: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
SECTION_UNITS: dict[str, int] = {"万": 10_000, "亿": 100_000_000}
MULTIPLIERS: dict[str, int] = {**SMALL_UNITS, **SECTION_UNITS}

# Other glyphs typed for 〇 in written years (二○○一年: a white circle; 二O一一年: a Latin O), read as 〇 by the
# converter but left out of the numeral alphabet, where the circle is also a list bullet.
ZERO_GLYPHS = "○O"

CN_NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(SECTION_UNITS)
CN_DIGIT_CHARS = "".join(DIGITS)

_ARABIC = re.compile(r"\d+(?:\.\d+)?")
_PERCENT_WORD = "百分之"


class NumeralError(ValueError):
    """Raised when a string is not a numeral this converter understands."""


def cn_to_int(text: str) -> int:
    """The integer a Chinese numeral denotes: 十一 → 11, 二〇二四 → 2024, 一亿二千万 → 120000000.

    A run of bare digits with no unit characters is read positionally (years: 二〇二四);
    otherwise the usual section grammar applies (亿 > 万 > 千/百/十).
    """
    text = text.translate({ord(glyph): "〇" for glyph in ZERO_GLYPHS})
    if not text or any(ch not in DIGITS and ch not in MULTIPLIERS for ch in text):
        raise NumeralError(text)
    if all(ch in DIGITS for ch in text):
        return int("".join(str(DIGITS[ch]) for ch in text))
    return _sectioned(text)


def _sectioned(text: str) -> int:
    """Value of a numeral with unit characters; 万 and 亿 close a section and multiply it."""
    total = 0
    section = 0
    digit: int | None = None
    for ch in text:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit = None
        else:
            section += digit or 0
            digit = None
            if section == 0 and total == 0:
                raise NumeralError(text)
            total = (total + section) * SECTION_UNITS[ch] if ch == "亿" else total + section * SECTION_UNITS[ch]
            section = 0
    return total + section + (digit or 0)


def parse_number(text: str) -> float:
    """A number written with Arabic digits, Chinese numerals, or both: 4.2万 → 42000.0, 十五 → 15.0.

    Trailing 万/亿/千/百 after Arabic digits multiply the value (1.9万 → 19000); 百分之八十 → 80.
    """
    text = text.strip()
    if text.startswith(_PERCENT_WORD):
        return parse_number(text[len(_PERCENT_WORD):])
    match = _ARABIC.match(text)
    if match is None:
        return float(cn_to_int(text))
    value = float(match.group())
    for ch in text[match.end():]:
        if ch not in MULTIPLIERS:
            raise NumeralError(text)
        value *= MULTIPLIERS[ch]
    return round(value, 6)  # drop binary noise from scaling: 4.2 * 10000 = 42000.000000000004


def to_int(text: str) -> int:
    """An integer written in Arabic digits or Chinese numerals (days, months, years)."""
    value = parse_number(text)
    if value != int(value):
        raise NumeralError(text)
    return int(value)


_WRITTEN_DIGITS = "".join(next(ch for ch, v in DIGITS.items() if v == d) for d in range(10))  # 〇一二…九
_INNER_ZERO = next(ch for ch, v in DIGITS.items() if v == 0 and ch != _WRITTEN_DIGITS[0])  # 零, inside a number
_TEN = next(ch for ch, v in SMALL_UNITS.items() if v == 10)


def cn_numeral(value: int, short_ten: bool = True) -> str:
    """A non-negative integer as a Chinese numeral: 11 → 十一, 101 → 一百零一, 20500 → 二万零五百.

    The inverse of cn_to_int for counting numbers (a list's 十一、); ``short_ten`` writes 10–19 as 十…
    as counting does, False keeps 一十… as legal capitals write 壹拾壹.
    """
    if value == 0:
        return _WRITTEN_DIGITS[0]
    text = _grouped(value)
    return text[1:] if short_ten and text.startswith(_WRITTEN_DIGITS[1] + _TEN) else text


def _grouped(value: int) -> str:
    """A positive integer written by sections of 万 and 亿, a gap inside it read as 零."""
    for unit, size in sorted(SECTION_UNITS.items(), key=lambda item: -item[1]):
        if value >= size:
            high, low = divmod(value, size)
            rest = "" if low == 0 else (_INNER_ZERO if low < size // 10 else "") + _grouped(low)
            return _grouped(high) + unit + rest
    return _section(value)


def _section(value: int) -> str:
    """1–9999 with 千, 百, 十, a gap between two digits read as one 零 (一千零一)."""
    out, gap = "", False
    for unit, size in [*sorted(SMALL_UNITS.items(), key=lambda item: -item[1]), ("", 1)]:
        digit, value = divmod(value, size)
        if digit:
            out += (_INNER_ZERO if gap else "") + _WRITTEN_DIGITS[digit] + unit
            gap = False
        else:
            gap = bool(out)
    return out
