"""The document's date and number read from real portal heads (tests/bank/heads-bank.yaml, issue 14).

Every head is read as the page gives it; those marked `miss` must still fail (strict), so that both a fix of the
head reading and a regression show.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from govplan.pipeline import extract_text

BANK = Path(__file__).parent / "bank" / "heads-bank.yaml"
_KEYS = {"from", "half", "miss", "document", "doc_date", "doc_number"}


def _heads() -> list[Any]:
    cases = YAML(typ="safe", pure=True).load(BANK.read_text(encoding="utf-8")) or []
    return [
        pytest.param(case, id=f"head-{k}-{case['half']}",
                     marks=[pytest.mark.xfail(strict=True, reason=case["miss"])] if "miss" in case else [])
        for k, case in enumerate(cases, start=1)
    ]


@pytest.mark.parametrize("case", _heads())
def test_portal_head(case: dict[str, Any]) -> None:
    """The head's doc_date (and doc_number where the page gives one) is the one written by reading."""
    assert set(case) <= _KEYS and case.get("from") and case["half"] in ("rule", "test")
    metadata = extract_text(case["document"])[0].metadata
    expected: dt.date | None = case["doc_date"]
    assert metadata.date == expected, metadata.date_text
    if "doc_number" in case:
        assert metadata.doc_number == case["doc_number"]
