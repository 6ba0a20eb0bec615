"""Memos keyed by a document's text: answers are the function's, and no document reuses another's."""

from __future__ import annotations

from govplan import textmemo
from govplan.lexical import segment
from govplan.pipeline import extract_text
from govplan.spec.io import dump_yaml
from govplan.structure import numbering
from tests.conftest import seed


def test_a_memo_answers_as_its_function_and_forget_empties_it() -> None:
    calls: list[str] = []

    @textmemo.text_memo(maxsize=8)
    def length(text: str) -> int:
        calls.append(text)
        return len(text)

    assert [length("一、总体要求"), length("一、总体要求"), length("二")] == [6, 6, 1]
    assert calls == ["一、总体要求", "二"]  # keyed by content: the repeat is answered from the memo
    textmemo.forget()
    assert length.cache_info().currsize == 0
    assert length("一、总体要求") == 6 and calls[-1] == "一、总体要求"


def test_extraction_starts_every_document_with_empty_memos() -> None:
    first = seed("000").read_text(encoding="utf-8")
    second = seed("002").read_text(encoding="utf-8")
    extract_text(first, "first.txt")
    assert segment.cut.cache_info().currsize + segment._cut_block.cache_info().currsize > 0
    after_first = [dump_yaml(spec) for spec in extract_text(second, "second.txt")]
    blocks_after_first = segment._cut_block.cache_info().currsize
    headings_after_first = numbering.match_heading.cache_info().currsize
    textmemo.forget()
    alone = [dump_yaml(spec) for spec in extract_text(second, "second.txt")]
    assert after_first == alone
    # what the memos hold after a document depends on that document only, not on the one before
    assert segment._cut_block.cache_info().currsize == blocks_after_first
    assert numbering.match_heading.cache_info().currsize == headings_after_first
