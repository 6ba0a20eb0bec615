"""How a list writes an item's number, by the format Word (w:numFmt) or a web page (list-style-type) names:
3 → 3, 03, ３, 三, 叁, 丙, 寅, ③, ⑶, C, iii. The words are data (govplan/data/list_formats.yaml, the numerals
of govplan/numerals.py and numbering.yaml), so a reader shows a number as the list writes it."""

from __future__ import annotations

from functools import lru_cache
from typing import Callable

from govplan.datafiles import load_data
from govplan.numerals import cn_numeral

MAX_LETTER_REPEAT = 30  # Word writes 27 as AA and stops at 780 (30 Z's); past it a number is written decimal
MAX_ROMAN = 3999
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def word_number(value: int, fmt: str) -> str:
    """``value`` written in Word's number format ``fmt`` (decimal for a format not known)."""
    return _writer(_formats()["word_formats"].get(fmt, "decimal"))(value)


def html_number(value: int, style: str) -> str:
    """``value`` written in a web page's list style (list-style-type or <ol type>), decimal when unknown."""
    return _writer(_formats()["html_styles"].get(style, "decimal"))(value)


def is_html_style(word: str) -> bool:
    """Whether ``word`` names a web list style (a word of list-style that is not a position or an image)."""
    return word in _formats()["html_styles"]


def html_suffix(style: str) -> str:
    """The mark a browser writes after an item's number in a list of ``style`` (、 after Chinese numerals)."""
    return _formats()["html_suffixes"].get(_formats()["html_styles"].get(style, "decimal"), ".")


@lru_cache(maxsize=1)
def _formats() -> dict:
    return load_data("list_formats.yaml")


@lru_cache(maxsize=None)
def _writer(writing: str) -> Callable[[int], str]:
    """The function writing a number in ``writing``: a built-in writing, or a sequence of the data."""
    data = _formats()
    if writing in data["cycles"]:
        return _cycle(tuple(data["cycles"][writing]))
    if writing in data["enclosed"]:
        return _enclosed(tuple(data["enclosed"][writing]))
    return {
        "none": lambda value: "",
        "decimal_zero": lambda value: f"{value:02d}",
        "full_width": lambda value: str(value).translate(_FULL_WIDTH),
        "cn": lambda value: cn_numeral(value) if value >= 0 else str(value),
        "cn_digits": _cn_digits,
        "capital": _capital,
        "circled": _enclosed(_numerals("circled")),
        "stems_branches": _stems_branches,
        "upper_letter": _letters,
        "lower_letter": lambda value: _letters(value).lower(),
        "upper_roman": _roman,
        "lower_roman": lambda value: _roman(value).lower(),
    }.get(writing, str)


def _cycle(words: tuple[str, ...]) -> Callable[[int], str]:
    """The n-th word, the words starting again after the last (甲…癸 then 甲)."""
    return lambda value: words[(value - 1) % len(words)] if value > 0 else str(value)


def _enclosed(glyphs: tuple[str, ...]) -> Callable[[int], str]:
    """The n-th glyph (⑴ for 1), decimal past the last, as Word writes a number it has no glyph for."""
    return lambda value: glyphs[value - 1] if 0 < value <= len(glyphs) else str(value)


def _numerals(kind: str) -> tuple[str, ...]:
    """The numerals numbering.yaml writes heading numbers in (circled ①…⑳, capital 壹…拾)."""
    return tuple(load_data("numbering.yaml")["numerals"][kind])


def _cn_digits(value: int) -> str:
    """Digit by digit in Chinese numerals: 10 → 一〇."""
    return "".join(cn_numeral(int(digit)) for digit in str(value)) if value >= 0 else str(value)


def _capital(value: int) -> str:
    """Legal capitals: 11 → 壹拾壹, 101 → 壹佰零壹."""
    if value <= 0:
        return str(value)
    capitals = _numerals("capital")
    table = {cn_numeral(d): capitals[d - 1] for d in range(1, 10)} | _formats()["capital_units"]
    return "".join(table.get(ch, ch) for ch in cn_numeral(value, short_ten=False))


def _stems_branches(value: int) -> str:
    """The sixty-year cycle: 1 → 甲子, 2 → 乙丑, 11 → 甲戌."""
    cycles = _formats()["cycles"]
    return _cycle(tuple(cycles["stems"]))(value) + _cycle(tuple(cycles["branches"]))(value) if value > 0 else str(value)


def _letters(value: int) -> str:
    """A, B … Z, then AA, BB … ZZ, then AAA, as Word writes a letter list; decimal past 30 letters."""
    if not 0 < value <= 26 * MAX_LETTER_REPEAT:
        return str(value)
    repeat, index = divmod(value - 1, 26)
    return chr(ord("A") + index) * (repeat + 1)


def _roman(value: int) -> str:
    """I … MMMCMXCIX; decimal outside 1–3999, which Roman numerals do not write."""
    if not 0 < value <= MAX_ROMAN:
        return str(value)
    out = []
    for size, glyphs in _ROMAN:
        count, value = divmod(value, size)
        out.append(glyphs * count)
    return "".join(out)
