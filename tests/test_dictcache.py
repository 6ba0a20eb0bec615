"""jieba's dictionary from govplan's cache entry is jieba's own, entry for entry, whether a text's
groups are loaded or all of them, or a text's first and then the rest."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

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
    dictionary = dictcache.load(loaded)
    assert loaded.initialized and loaded.total == built.total and not loaded.FREQ
    sentence = "县人社局指导各镇（街道）每月25日前报送县乡村振兴局"
    dictionary.load_for(sentence)
    assert 0 < len(loaded.FREQ) < len(built.FREQ) // 100
    assert {word: count for word, count in built.FREQ.items() if _piece_start(word) in sentence} == loaded.FREQ
    assert list(loaded.cut(sentence, HMM=False)) == list(built.cut(sentence, HMM=False))
    dictionary.load_all()
    assert loaded.FREQ == built.FREQ


def _piece_start(word: str) -> str:
    """What of a dictionary word a text must hold for a cut of it to read the word: the word itself if one
    character long, else its first two characters side by side."""
    return word[:2]


def test_every_word_a_cut_reads_is_a_character_or_starts_with_two_neighbours_of_the_text(in_own_cache: Path) -> None:
    full = _fresh_tokenizer(in_own_cache)
    dictcache.load(full).load_all()
    read: list[str] = []
    lookups = _Recording(full.FREQ, read)
    full.FREQ = lookups
    sentence = "2024年6月底前，市教育局牵头完成《实施方案》第3.5条（A级）"
    list(full.cut(sentence, HMM=False))
    assert read and all(_piece_start(word) in sentence for word in read)


class _Recording(dict):  # type: ignore[type-arg]
    """FREQ noting every key jieba reads."""

    def __init__(self, freq: dict[str, int], read: list[str]) -> None:
        super().__init__(freq)
        self.read = read

    def get(self, key, default=None):  # type: ignore[no-untyped-def]
        self.read.append(key)
        return super().get(key, default)

    def __contains__(self, key):  # type: ignore[no-untyped-def]
        self.read.append(key)
        return super().__contains__(key)

    def __getitem__(self, key):  # type: ignore[no-untyped-def]
        self.read.append(key)
        return super().__getitem__(key)


@pytest.mark.parametrize("damage", [lambda raw: raw[:1000], lambda raw: raw[:-5000] + b"x" + raw[-4999:]],
                         ids=["cut short", "one byte changed"])
def test_a_damaged_entry_is_rebuilt(in_own_cache: Path, damage: Callable[[bytes], bytes]) -> None:
    reference = _fresh_tokenizer(in_own_cache)
    dictcache.load(reference).load_all()
    entry = dictcache.entry_path(reference)
    written = entry.read_bytes()
    entry.write_bytes(damage(written))
    again = _fresh_tokenizer(in_own_cache)
    dictcache.load(again).load_all()
    assert again.FREQ == reference.FREQ and again.total == reference.total
    assert entry.read_bytes() == written  # written anew


def test_groups_loaded_text_by_text_then_the_rest_are_jiebas_own(in_own_cache: Path) -> None:
    built = _fresh_tokenizer(in_own_cache)
    dictcache.load(built).load_all()
    loaded = _fresh_tokenizer(in_own_cache)
    dictionary = dictcache.load(loaded)
    texts = ["县人社局指导各镇（街道）", "每月25日前报送县乡村振兴局", "镇街道办事处", "一"]
    for k, text in enumerate(texts):
        dictionary.load_for(text)
        seen = "\n".join(texts[:k + 1])
        assert loaded.FREQ == {word: count for word, count in built.FREQ.items() if _piece_start(word) in seen}
    dictionary.load_all()
    assert loaded.FREQ == built.FREQ


def test_a_cut_loading_groups_as_its_lookups_miss_them_gives_jiebas_words(in_own_cache: Path) -> None:
    from govplan.lexical import dagcut
    from tests.conftest import SEEDS

    built = _fresh_tokenizer(in_own_cache)
    dictcache.load(built).load_all()
    loaded = _fresh_tokenizer(in_own_cache)
    dictionary = dictcache.load(loaded)
    blocks = [block for path in sorted(SEEDS.glob("*.txt")) for block in segment._split_blocks(path.read_text("utf-8"))]
    for block in ["县人社局指导各镇", "A级", "2024年6月底前", "龘", *blocks]:
        assert dagcut.cut(loaded, block, dictionary) == tuple(built.cut(block, HMM=False)), block
    assert 0 < len(loaded.FREQ) < len(built.FREQ) // 4
    assert all(loaded.FREQ[word] == built.FREQ[word] for word in loaded.FREQ)


def test_a_group_found_damaged_when_a_text_loads_it_gives_jiebas_words_and_a_new_entry(in_own_cache: Path) -> None:
    reference = _fresh_tokenizer(in_own_cache)
    dictcache.load(reference).load_all()
    entry = dictcache.entry_path(reference)
    written = entry.read_bytes()
    opened = dictcache._open_entry(entry)
    assert opened is not None
    _, _, _, tables, text_start, _ = opened
    index = tables.firsts.index("县")
    first_pair = tables.group[index] + tables.own[index]
    group = first_pair + tables.seconds.index("人", tables.pair[index], tables.pair[index + 1]) - tables.pair[index]
    at = text_start + tables.byte[group]  # the first byte of the words of 县人…: the header's checksum does not see it
    entry.write_bytes(written[:at] + bytes([written[at] ^ 1]) + written[at + 1:])
    again = _fresh_tokenizer(in_own_cache)
    dictionary = dictcache.load(again)  # the tables are sound: the entry opens
    sentence = "县人社局指导各镇（街道）每月25日前报送县乡村振兴局"
    dictionary.load_for(sentence)
    assert list(again.cut(sentence, HMM=False)) == list(reference.cut(sentence, HMM=False))
    assert again.FREQ == reference.FREQ  # the rest came from jieba's own loader
    assert entry.read_bytes() == written  # written anew


def test_user_words_added_as_a_cut_meets_their_first_two_characters_cut_as_if_added_at_once(
        in_own_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """User words with known frequencies wait until a cut meets their first two characters (segment._add_when_met):
    the cut reads what adding them all at once writes, jieba's total counts them from the start, a word of one
    character or of a character outside the dictionary is kept, and taking them back leaves the dictionary's own."""
    from govplan.lexical import dagcut

    words = ("县乡村振兴局", "县人社局", "县人力资源和社会保障局", "市教育局", "龘龘办", "龘", "教育")
    frequencies = [3, 5, 4, 6, 2, 7, 9]
    built = _fresh_tokenizer(in_own_cache)
    dictcache.load(built).load_all()
    plain = dict(built.FREQ)
    segment._add_known(built, words, frequencies)
    monkeypatch.setattr(segment, "_layer", segment._Layer())
    loaded = _fresh_tokenizer(in_own_cache)
    dictionary = dictcache.load(loaded)
    dictionary.load_for("市教")  # a pair met before the words are given: its words are added at once
    segment._layer.total = loaded.total
    segment._add_when_met(loaded, dictionary, words, frequencies)
    assert loaded.total == built.total and "市教育局" in loaded.FREQ and "县人社局" not in loaded.FREQ
    for block in ["由县人社局牵头", "县乡村振兴局配合", "龘龘办和龘", "市教育局", "教育", "县人力资源和社会保障局"]:
        assert dagcut.cut(loaded, block, dictionary) == tuple(built.cut(block, HMM=False)), block
        assert all(loaded.FREQ[word] == built.FREQ[word] for word in loaded.FREQ)
    dictionary.load_all()
    assert loaded.FREQ == built.FREQ
    segment._take_back(loaded, dictionary)
    assert loaded.FREQ == plain
