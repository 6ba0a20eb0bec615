"""Scanning only the windows before a pattern's anchor characters finds exactly what re finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govplan.anchored import anchored
from govplan.annotate.deadlines import _rules as deadline_rules
from tests.conftest import SEEDS

PATTERNS = [
    r"(?P<y>(?:(?<![\d.])\d{4}|[〇一二三]{4})|(?:民国)?(?<![\d.])1[0-2]\d(?=年))年",  # lookbehinds and a lookahead
    r"\d{1,3}[年月]",
    r"(?<=前)\d{1,3}(?:月|日)",
    r"\d{1,4}(?=天内)天",  # a lookahead past the anchor
    r"\d{1,4}(?!天)月",
    r"(?:第)?\d{1,2}条",
]
FALLBACKS = [r"\d+$", r"\d+\b年", r"\d+年?", r"[年月]\d+", r"(?i)a年"]
ALPHABET = "0123456789年月日天内前第条民国〇一二三 .\n"


@pytest.mark.parametrize("pattern", PATTERNS)
@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=80))
def test_the_same_matches_as_a_whole_scan(pattern: str, text: str) -> None:
    compiled = re.compile(pattern)
    assert anchored(compiled).anchors is not None
    expected = [(m.span(), m.groups()) for m in compiled.finditer(text)]
    assert [(m.span(), m.groups()) for m in anchored(compiled).finditer(text)] == expected


@pytest.mark.parametrize("pattern", FALLBACKS)
def test_patterns_it_cannot_prove_are_scanned_whole(pattern: str) -> None:
    compiled = re.compile(pattern)
    assert anchored(compiled).anchors is None
    text = "2024年3月 12年 x年 a年"
    assert [m.span() for m in anchored(compiled).finditer(text)] == [m.span() for m in compiled.finditer(text)]


def test_the_written_year_pattern_on_every_seed() -> None:
    pattern = deadline_rules().written_year
    assert anchored(pattern).anchors is not None
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert [m.span() for m in anchored(pattern).finditer(text)] == [m.span() for m in pattern.finditer(text)]
