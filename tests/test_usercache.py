"""The per-user cache: language data files come back from their JSON copy exactly as parsed from
YAML, a damaged copy is ignored and rewritten, and data JSON cannot carry is never cached."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from govplan import datafiles
from govplan.datafiles import load_data
from govplan.usercache import cache_dir


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """An empty user cache, and load_data's memory cleared before and after."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    load_data.cache_clear()
    yield tmp_path / "govplan"
    load_data.cache_clear()


def test_data_files_come_back_from_the_cache_unchanged(own_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parsed = load_data("targets.yaml")
    (entry,) = own_cache.glob("data-targets-*.json")
    load_data.cache_clear()

    def no_yaml(path: Path) -> None:
        raise AssertionError(f"{path} was parsed again")

    monkeypatch.setattr(datafiles, "read_yaml", no_yaml)
    assert load_data("targets.yaml") == parsed
    assert cache_dir() == own_cache and entry.is_file()


def test_a_damaged_cache_entry_is_ignored_and_rewritten(own_cache: Path) -> None:
    parsed = load_data("units.yaml")
    (entry,) = own_cache.glob("data-units-*.json")
    entry.write_text('{"half": ', encoding="utf-8")
    load_data.cache_clear()
    assert load_data("units.yaml") == parsed
    assert entry.read_text(encoding="utf-8").startswith("{") and len(entry.read_text(encoding="utf-8")) > 100


def test_values_json_would_change_are_not_cached() -> None:
    assert datafiles._plain_json({"words": ["要", "确保"], "window": 80, "share": 0.5})
    assert not datafiles._plain_json({1: "an int key comes back as a string"})
    assert not datafiles._plain_json({"date": dt.date(2022, 6, 30)})
