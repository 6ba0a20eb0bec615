"""Splitting the compilation seed 003 into documents, scored against hand-marked boundaries."""

from __future__ import annotations

from ruamel.yaml import YAML

from govplan.normalize import normalize
from govplan.structure.compilation import split_documents
from govplan.structure.lines import split_lines
from tests.conftest import CORPUS, seed


def predicted_starts() -> list[int]:
    text = normalize(seed("003").read_text(encoding="utf-8")).text
    return [part.lines[0].index + 1 for part in split_documents(split_lines(text))]


def test_compilation_boundaries_against_gold():
    gold = YAML(typ="safe").load((CORPUS / "gold" / "003-boundaries.yaml").read_text(encoding="utf-8"))
    expected = {doc["first_line"] for doc in gold["documents"]}
    found = predicted_starts()
    hits = len(expected & set(found))
    precision, recall = hits / len(found), hits / len(expected)
    # measured 2026-11: 24 of 26 predicted starts are right (0.92), 24 of 32 found (0.75)
    assert precision >= 0.9, (precision, sorted(set(found) - expected))
    assert recall >= 0.7, (recall, sorted(expected - set(found)))
    assert found[0] == 96  # the body starts at the first byline, after the table of contents


def test_an_ordinary_notice_is_one_document():
    text = normalize(seed("002").read_text(encoding="utf-8")).text
    assert len(split_documents(split_lines(text))) == 1
