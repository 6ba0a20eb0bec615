"""The Chinese-numeral converter every annotator reads numbers through."""

from __future__ import annotations

import pytest

from govplan.numerals import NumeralError, cn_numeral, cn_to_int, parse_number, to_int


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一", 1), ("十", 10), ("十一", 11), ("十二", 12), ("二十", 20), ("三十一", 31),
        ("一百二十", 120), ("一百零五", 105), ("两千", 2000), ("两", 2),
        ("三万五千", 35000), ("十万", 100000), ("一亿二千万", 120000000),
        ("二〇二四", 2024), ("二零二二", 2022), ("一九八七", 1987),
    ],
)
def test_cn_to_int(text: str, value: int) -> None:
    assert cn_to_int(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("4.2万", 42000.0), ("1.9万", 19000.0), ("1.6万", 16000.0), ("35万", 350000.0),
        ("18", 18.0), ("0.5", 0.5), ("3千", 3000.0), ("2亿", 200000000.0),
        ("十五", 15.0), ("百分之八十", 80.0), ("百分之五", 5.0),
    ],
)
def test_parse_number_mixed(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "万", "abc", "十a", "1.5x", "第六"])
def test_not_numerals(text: str) -> None:
    with pytest.raises(NumeralError):
        parse_number(text)


def test_to_int_rejects_fractions() -> None:
    assert to_int("十一") == 11
    with pytest.raises(NumeralError):
        to_int("1.5")


@pytest.mark.parametrize(
    ("value", "text"),
    [(0, "〇"), (1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (101, "一百零一"), (110, "一百一十"),
     (1001, "一千零一"), (1010, "一千零一十"), (20500, "二万零五百"), (100010, "十万零一十"), (120000000, "一亿二千万")],
)
def test_cn_numeral_writes_what_cn_to_int_reads(value: int, text: str) -> None:
    """The list labels of Word's chineseCounting (十一、) are written by the converter's own alphabet."""
    assert cn_numeral(value) == text
    assert value == 0 or cn_to_int(text) == value


def test_cn_numeral_round_trips() -> None:
    assert all(cn_to_int(cn_numeral(n)) == n for n in range(1, 20001))
