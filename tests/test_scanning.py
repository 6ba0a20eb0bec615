"""Scans that skip what a pattern's parse shows can hold no match find exactly what re finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govplan.scanning import scanner
from govplan.annotate.deadlines import _rules as deadline_rules
from tests.conftest import SEEDS

PATTERNS = [
    r"(?P<y>(?:(?<![\d.])\d{4}|[〇一二三]{4})|(?:民国)?(?<![\d.])1[0-2]\d(?=年))年",  # lookbehinds and a lookahead
    r"\d{1,3}[年月]",
    r"(?<=前)\d{1,3}(?:月|日)",
    r"\d{1,4}(?=天内)天",  # a lookahead past the anchor
    r"\d{1,4}(?!天)月",
    r"(?:第)?\d{1,2}条",
    r"(?<=[年月])(?:\d{1,2}\.(?!\d)|[一二三]{1,3}、)",  # branches ending in a literal, a lookahead after one
]
FALLBACKS = [r"\d+$", r"\d+\b年", r"\d+年?", r"[年月]\d+", r"(?i)a年"]
ALPHABET = "0123456789年月日天内前第条民国〇一二三 .、\n"


@pytest.mark.parametrize("pattern", PATTERNS)
@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=80))
def test_the_same_matches_as_a_whole_scan(pattern: str, text: str) -> None:
    compiled = re.compile(pattern)
    assert scanner(compiled).anchors is not None
    for pos in (0, 1, 5):
        expected = [(m.span(), m.groups()) for m in compiled.finditer(text, pos)]
        assert [(m.span(), m.groups()) for m in scanner(compiled).finditer(text, pos)] == expected


@pytest.mark.parametrize("pattern", FALLBACKS)
def test_patterns_it_cannot_prove_are_scanned_whole(pattern: str) -> None:
    compiled = re.compile(pattern)
    assert scanner(compiled).anchors is None
    text = "2024年3月 12年 x年 a年"
    assert [m.span() for m in scanner(compiled).finditer(text)] == [m.span() for m in compiled.finditer(text)]


def _deadline_patterns() -> list[re.Pattern[str]]:
    rules = deadline_rules()
    names = ("point", "period", "year_range", "commencement", "written_year", "recurring", "relative", "named")
    return [getattr(rules, name) for name in names]


def test_every_deadline_pattern_on_every_seed_and_its_lines() -> None:
    for pattern in _deadline_patterns():
        for path in sorted(SEEDS.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            for piece in [text, *text.split("\n")]:
                expected = [(m.span(), m.groups()) for m in pattern.finditer(piece)]
                assert [(m.span(), m.groups()) for m in scanner(pattern).finditer(piece)] == expected


def test_texts_without_a_needed_character_are_not_scanned() -> None:
    point = deadline_rules().point
    assert scanner(point).needed is not None  # a date core needs 年, 月, 季度, a year part or a slash
    assert list(scanner(point).finditer("加强组织领导，压实工作责任")) == []
    assert scanner(re.compile(r"\d+|年")).needed is None  # the first alternative needs no listed character
