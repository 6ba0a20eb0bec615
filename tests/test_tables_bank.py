"""The out-of-corpus bank of table fragments (tests/bank/tables-bank.yaml), run as language cases."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

import test_cases

TABLES_BANK = Path(__file__).parent / "bank" / "tables-bank.yaml"
_OWN_KEYS = ("miss", "half")  # why a case is missed yet; which half of the collection it belongs to


def _fragments() -> list[Any]:
    """Every fragment as a test parameter, a `miss` one as a strict expected failure."""
    fragments = YAML(typ="safe", pure=True).load(TABLES_BANK.read_text(encoding="utf-8")) or []
    marks = {True: [pytest.mark.xfail(strict=True)], False: []}
    return [pytest.param(f, id=f"{f['half']}-{k}", marks=marks["miss" in f]) for k, f in enumerate(fragments, 1)]


@pytest.mark.parametrize("fragment", _fragments())
def test_table_fragment(fragment: dict[str, Any]) -> None:
    """A fragment is read as its case says; one marked `miss` still fails, so that a fix shows as well as a regression."""
    assert fragment["half"] in ("rule", "test"), "every fragment names its half of the collection"
    test_cases.test_case({k: v for k, v in fragment.items() if k not in _OWN_KEYS})
