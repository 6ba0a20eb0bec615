"""The out-of-corpus banks of table fragments and messy outlines (tests/bank/tables-bank.yaml, outline-bank.yaml), run as language cases."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

import test_cases

BANKS = tuple(Path(__file__).parent / "bank" / name for name in ("tables-bank.yaml", "outline-bank.yaml"))
_OWN_KEYS = ("miss", "half")  # why a case is missed yet; which half of the collection it belongs to


def _fragments() -> list[Any]:
    """Every fragment of every bank as a test parameter, a `miss` one as a strict expected failure."""
    marks = {True: [pytest.mark.xfail(strict=True)], False: []}
    params = []
    for bank in BANKS:
        fragments = YAML(typ="safe", pure=True).load(bank.read_text(encoding="utf-8")) or []
        params += [pytest.param(f, id=f"{bank.stem}-{f['half']}-{k}", marks=marks["miss" in f]) for k, f in enumerate(fragments, 1)]
    return params


@pytest.mark.parametrize("fragment", _fragments())
def test_table_fragment(fragment: dict[str, Any]) -> None:
    """A fragment is read as its case says; one marked `miss` still fails, so that a fix shows as well as a regression."""
    assert fragment["half"] in ("rule", "test"), "every fragment names its half of the collection"
    test_cases.test_case({k: v for k, v in fragment.items() if k not in _OWN_KEYS})
