"""The memoised, block-wise segmentation answers exactly what jieba answers for the whole text."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govplan.lexical import segment
from govplan.normalize import normalize
from govplan.readers import read_source

SEEDS = sorted((Path(__file__).resolve().parent.parent / "corpus" / "seeds").glob("*.txt"))


def _spans(text: str) -> list[tuple[int, int, str]]:
    """jieba's own segmentation of the whole text, with each word's span."""
    spans, pos = [], 0
    for word in segment.tokenizer().cut(text, HMM=False):
        spans.append((pos, pos + len(word), word))
        pos += len(word)
    return spans


def _clipped_at(spans: list[tuple[int, int, str]], start: int, end: int) -> list[tuple[int, str]]:
    """The words overlapping [start, end), clipped to it, each with its (clipped) start."""
    if start >= end:
        return []
    return [(max(s, start), word[max(0, start - s):end - s]) for s, e, word in spans if e > start and s < end]


def _clipped(spans: list[tuple[int, int, str]], start: int, end: int) -> list[str]:
    return [word for _, word in _clipped_at(spans, start, end)]


@pytest.fixture(scope="module", params=SEEDS, ids=lambda p: p.name[:3])
def seed_text(request: pytest.FixtureRequest) -> str:
    return normalize(read_source(request.param).text).text


def test_cut_equals_jieba_on_the_whole_seed(seed_text: str) -> None:
    segment.clear_cache()
    assert list(segment.cut(seed_text)) == [word for _, _, word in _spans(seed_text)]


def _clause_ranges(text: str, seed: int) -> list[tuple[int, int]]:
    """300 random ranges of up to 120 characters, the size of the clauses annotators look at."""
    rng = random.Random(seed)
    starts = [rng.randrange(len(text)) for _ in range(300)]
    return [(start, min(len(text), start + rng.randrange(1, 120))) for start in starts]


def test_words_within_equals_clipping_the_whole_segmentation(seed_text: str) -> None:
    spans = _spans(seed_text)
    segment.clear_cache()
    for start, end in _clause_ranges(seed_text, 6):
        assert segment.words_within(seed_text, start, end) == _clipped(spans, start, end), (start, end)


def test_words_among_equals_filtering_the_whole_segmentation(seed_text: str) -> None:
    vocabulary = frozenset({"要", "已", "了", "我们", "确保", "累计", "工作"})
    segment.clear_cache()
    expected = [word for _, _, word in _spans(seed_text) if word in vocabulary]
    assert expected, "the vocabulary should occur in every seed"
    assert list(segment.words_among(seed_text, vocabulary)) == expected


def test_words_among_within_equals_filtering_the_clipped_words(seed_text: str) -> None:
    vocabulary = frozenset({"要", "已", "了", "确保", "工作", "需"})
    spans = _spans(seed_text)
    segment.clear_cache()
    for start, end in _clause_ranges(seed_text, 7):
        assert segment.words_among_within(seed_text, start, end, vocabulary) == [
            (pos, word) for pos, word in _clipped_at(spans, start, end) if word in vocabulary
        ], (start, end)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="要已了我们的工作确保，。 a1%\n（）各部门", max_size=60), st.integers(0, 60), st.integers(0, 60))
def test_block_wise_answers_match_jieba_on_any_text(text: str, start: int, end: int) -> None:
    spans = _spans(text)
    assert segment.words_within(text, start, end) == _clipped(spans, start, end)
    assert segment.words_among_within(text, start, end, frozenset({"要", "工作"})) == [
        (pos, w) for pos, w in _clipped_at(spans, start, end) if w in {"要", "工作"}
    ]
    assert list(segment.words_among(text, frozenset({"要", "我们", "工作"}))) == [
        w for _, _, w in spans if w in {"要", "我们", "工作"}
    ]


_TEACH_AND_CUT = """
import json
from govplan.lexical import segment
from govplan.registry import registry_for
segment.use_user_words(registry_for().surfaces())
print(json.dumps([segment.tokenizer().total, segment.words("由县人力资源和社会保障局牵头，县乡村振兴局配合")]))
"""


def test_cached_user_word_frequencies_build_the_same_tokenizer(tmp_path: Path) -> None:
    """Registry words taught from the frequency cache cut text exactly as when jieba suggests them;
    a damaged cache file is ignored and rewritten."""
    cache = tmp_path / "govplan"
    cache.mkdir()
    segment.tokenizer()  # makes sure the dictionary cache exists
    shutil.copy(segment.cache_dir() / "jieba.cache", cache / "jieba.cache")  # spares a dictionary rebuild
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path))

    def run() -> list:
        done = subprocess.run([sys.executable, "-c", _TEACH_AND_CUT], env=env, capture_output=True, text=True, check=True)
        return json.loads(done.stdout)

    suggested = run()
    (stored,) = cache.glob("user-words-*.json")
    assert "县人力资源和社会保障局" in suggested[1]
    assert run() == suggested
    stored.write_text("[1, 2", encoding="utf-8")
    assert run() == suggested
    assert len(json.loads(stored.read_text(encoding="utf-8"))) > 100


_CUT_WITH_PART_THEN_ALL = """
import json, sys
from govplan.lexical import segment
from govplan.registry import registry_for
segment.use_user_words(registry_for().surfaces())
text = sys.stdin.read()
part = list(segment.cut(text)), len(segment._tokenizer.FREQ)
print(json.dumps([*part, list(segment.tokenizer().cut(text, HMM=False)), len(segment.tokenizer().FREQ)]))
"""


def test_a_fresh_process_cuts_with_the_groups_it_loaded_as_with_the_whole_dictionary(seed_text: str) -> None:
    """jieba's dictionary is loaded group by group (the entries starting with a character of what is
    cut, lexical/dictcache.py): a fresh process cuts a seed with part of it as jieba does with all. The first
    run on an empty user cache builds the cache entry from the whole dictionary, so the measure is the run after it."""
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", _CUT_WITH_PART_THEN_ALL], input=seed_text,
                              capture_output=True, text=True, check=True)
    part_words, part_entries, whole_words, whole_entries = json.loads(done.stdout)
    assert part_words == whole_words
    assert part_entries < whole_entries


_HMM_AFTER_CUT = """
import json, sys
from govplan.lexical import segment
segment.use_user_words(())
words = segment.words(sys.argv[1])
loaded = [name for name in sys.modules if name.startswith("jieba.finalseg.")]
print(json.dumps([words, loaded, list(segment.tokenizer().cut(sys.argv[1])), type(sys.modules["jieba.finalseg"]).__name__]))
"""
_HMM_PLAIN = "import json, sys, jieba; jieba.setLogLevel(60); print(json.dumps([jieba.lcut(sys.argv[1], HMM=False), jieba.lcut(sys.argv[1])]))"


def test_jiebas_hmm_model_loads_only_when_a_cut_with_hmm_reads_it() -> None:
    """A cut with HMM off never reads jieba's HMM model, so a fresh process does not load it; jieba's own
    cut with HMM on then loads it and cuts as jieba imported the ordinary way does (the unknown 小明 whole)."""
    text = "我来到北京清华大学，小明硕士毕业于中国科学院计算所"
    done = subprocess.run([sys.executable, "-c", _HMM_AFTER_CUT, text], capture_output=True, text=True, check=True)
    words, loaded, with_hmm, kind = json.loads(done.stdout)
    plain = json.loads(subprocess.run([sys.executable, "-c", _HMM_PLAIN, text], capture_output=True, text=True, check=True).stdout)
    assert loaded == [] and words == plain[0]
    assert with_hmm == plain[1] and "小明" in with_hmm and kind == "module"


def test_known_frequencies_go_into_the_dictionary_as_add_word_puts_them(tmp_path: Path) -> None:
    """Words added with their cached frequencies leave jieba's FREQ (entries and their order) and total
    as its own add_word leaves them."""
    dictionary = tmp_path / "dict.txt"
    dictionary.write_text("市 50\n市教 3\n教育 20\n财政 9\n", encoding="utf-8")
    words, frequencies = ("市教育局", "市财政局", "教育", "局"), [4, 5, 7, 2]
    by_jieba, known = (segment.jieba.Tokenizer(str(dictionary)) for _ in range(2))
    for tok in (by_jieba, known):
        tok.tmp_dir = str(tmp_path)
        tok.initialize()
    for word, frequency in zip(words, frequencies):
        by_jieba.add_word(word, frequency)
    segment._add_known(known, words, frequencies)
    assert list(known.FREQ.items()) == list(by_jieba.FREQ.items())
    assert known.total == by_jieba.total
