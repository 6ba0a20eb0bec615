"""jieba's dictionary from govplan's cache entry is jieba's own, entry for entry, in the same order."""

from __future__ import annotations

from pathlib import Path

import jieba
import pytest

from govplan.lexical import dictcache, segment  # noqa: F401  (segment loads jieba the way govplan does)


def _fresh_tokenizer(cache: Path) -> jieba.Tokenizer:
    tok = jieba.Tokenizer()
    tok.tmp_dir = str(cache)
    tok.cache_file = "jieba.cache"
    return tok


@pytest.fixture(scope="module")
def own_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture
def in_own_cache(own_cache: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(own_cache))
    return own_cache / "govplan"


def test_the_cached_dictionary_is_jiebas_own(in_own_cache: Path) -> None:
    built = _fresh_tokenizer(in_own_cache)
    dictcache.load(built)  # no entry yet: jieba loads its dictionary and the entry is written
    entry = dictcache.entry_path(built)
    assert entry.is_file() and built.initialized
    loaded = _fresh_tokenizer(in_own_cache)
    dictcache.load(loaded)
    assert loaded.initialized and loaded.total == built.total
    assert loaded.FREQ == built.FREQ and list(loaded.FREQ) == list(built.FREQ)
    sentence = "县人社局指导各镇（街道）每月25日前报送县乡村振兴局"
    assert list(loaded.cut(sentence, HMM=False)) == list(built.cut(sentence, HMM=False))


def test_a_damaged_entry_is_rebuilt(in_own_cache: Path) -> None:
    reference = _fresh_tokenizer(in_own_cache)
    dictcache.load(reference)
    entry = dictcache.entry_path(reference)
    entry.write_bytes(entry.read_bytes()[:1000])
    again = _fresh_tokenizer(in_own_cache)
    dictcache.load(again)
    assert again.FREQ == reference.FREQ and again.total == reference.total
    assert entry.stat().st_size > 1000  # written anew
