"""Normalisation: Traditional→Simplified with exact spans back to the original; folding; dashes."""

from __future__ import annotations

from govplan.normalize import normalize
from tests.conftest import seed


def test_traditional_seed_is_detected_and_converted():
    original = seed("004").read_text(encoding="utf-8")
    result = normalize(original)
    assert result.script == "traditional"
    assert result.conversion == "t2s"
    assert result.text.startswith("秦州区“联村(社)联户、为民富民”行动方案")


def test_every_normalised_character_maps_back_to_its_original_character():
    import opencc

    t2s = opencc.OpenCC("t2s")
    original = seed("004").read_text(encoding="utf-8")
    result = normalize(original)
    for word in ("联村", "贫困户", "领导小组", "7000户特困户"):
        start = result.text.index(word)
        s, e = result.mapped.to_original(start, start + len(word))
        assert t2s.convert(original[s:e]) == word
        assert original[s:e] != word  # the original really is Traditional here
    # a length-changing phrase conversion is handled: spans stay exact even when OpenCC would change lengths
    s, e = result.mapped.to_original(0, len(result.text))
    assert (s, e) == (0, len(original))


def test_simplified_text_is_left_alone():
    original = seed("002").read_text(encoding="utf-8")
    result = normalize(original)
    assert result.script == "simplified"
    assert result.conversion is None
    han = lambda text: [ch for ch in text if "\u4e00" <= ch <= "\u9fff" and ch != "至"]  # noqa: E731  (至 may become a range mark)
    assert han(result.text) == han(original)


def test_width_folding_dashes_and_spaces_with_offsets():
    original = "（一）４月４日—１０月３１日，完成２～３户。\u3000①保留"
    result = normalize(original)
    assert result.text == "(一)4月4日-10月31日，完成2-3户。 ①保留"
    start = result.text.index("4月4日-10月31日")
    s, e = result.mapped.to_original(start, start + len("4月4日-10月31日"))
    assert original[s:e] == "４月４日—１０月３１日"


def test_lead_in_dashes_are_not_range_marks():
    assert normalize("——建立“一个”体系").text == "——建立“一个”体系"
