"""Word segmentation with jieba: loaded once, lazily, deterministically and quietly.

The dictionary cache goes to a per-user directory ($XDG_CACHE_HOME/govplan or ~/.cache/govplan)
instead of the shared temp directory. HMM is off so that jieba never invents words, which keeps
segmentation reproducible. Unit names from the alias registry are user words, set per extraction
(use_user_words) and taken back when another registry is used.
"""

from __future__ import annotations

import gc
import hashlib
import importlib
import logging
import re
import sys
import threading
import types
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, chain
from typing import Iterable, Iterator

from govplan.lexical import dagcut, dictcache
from govplan.textmemo import text_memo
from govplan.usercache import cache_dir, read_json, write_json


_HMM_MODEL = "jieba.finalseg"  # jieba's HMM for unknown words: imported by jieba's own start, never used with HMM off


def _load_jieba_without_pkg_resources() -> None:
    """Load jieba without pkg_resources (about 50 ms of every start): jieba imports it only to
    locate its bundled dictionary and falls back to a plain file path when it is unavailable.
    Its HMM model waits for its first use (_DeferredModule): loading it was 3% of the instructions
    of a one-notice extract (50M of 1,467M), for a model a cut with HMM off never reads."""
    hidden = "pkg_resources" not in sys.modules
    if hidden:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # makes that import fail fast
    if _HMM_MODEL not in sys.modules:
        sys.modules[_HMM_MODEL] = _DeferredModule(_HMM_MODEL)
    try:
        importlib.import_module("jieba")
    finally:
        if hidden:
            del sys.modules["pkg_resources"]


class _DeferredModule(types.ModuleType):
    """A module imported for real the first time one of its names is read (jieba.finalseg.cut with
    HMM on, add_force_split for a word of frequency 0): then the real one replaces it, in sys.modules
    and as its package's attribute (the import does both), and answers."""

    def __getattr__(self, name: str) -> object:
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        return getattr(importlib.import_module(self.__name__), name)


_load_jieba_without_pkg_resources()
import jieba  # noqa: E402  (already loaded just above)

_lock = threading.Lock()
_tokenizer: jieba.Tokenizer | None = None
_dictionary: dictcache.Dictionary | None = None
_MISSING = -1  # no entry in jieba's FREQ (real frequencies are never negative)


@dataclass
class _Layer:
    """The user words jieba holds now, and what their adding overwrote, to take them back."""

    words: tuple[str, ...] = ()
    saved: dict[str, int] = field(default_factory=dict)  # FREQ entries before the words were added
    total: int = 0  # jieba's total frequency before


_layer = _Layer()


def tokenizer() -> jieba.Tokenizer:
    """The shared jieba tokenizer with its whole dictionary (jieba's own cut may read any entry)."""
    tok, dictionary = _shared()
    dictionary.load_all()
    return tok


def _shared() -> tuple[jieba.Tokenizer, dictcache.Dictionary]:
    """The shared jieba tokenizer and its dictionary, initialised on first use (no group loaded yet)."""
    global _tokenizer, _dictionary
    with _lock:
        if _tokenizer is None or _dictionary is None:
            jieba.setLogLevel(logging.WARNING)
            tok = jieba.Tokenizer()
            tok.tmp_dir = str(cache_dir())
            tok.cache_file = "jieba.cache"
            _dictionary = dictcache.load(tok)
            gc.freeze()  # what start-up built lives until exit: keep full collections from walking it each time
            _tokenizer = tok
        return _tokenizer, _dictionary


def use_user_words(words: Iterable[str]) -> None:
    """Make jieba's user words exactly ``words`` (e.g. a registry's unit names, kept whole as tokens).

    The words of the previous call are taken back first, so how text is cut depends only on the
    words given now: a document extracted after a ``--registry`` run is cut as in a fresh process.
    jieba gives each word the frequency it suggests (just enough to be cut as one token), which
    costs a segmentation per word; those frequencies are cached per word list and dictionary.
    A word's entries are its first character's and those starting with its first two characters, so
    those groups are loaded before the word is added and no group loaded later can overwrite it; with
    cached frequencies a word waits until a cut first meets its first two characters (_add_when_met).
    """
    if words == _layer.words:
        return  # the words in place, as every document of a run gives them (sorted, each once)
    wanted = tuple(sorted(dict.fromkeys(words)))  # each once, in the order given: sorting sorted names is one pass
    tok, dictionary = _shared()
    with _lock:
        if wanted == _layer.words:
            return
        _take_back(tok, dictionary)
        _add_layer(tok, dictionary, wanted)
    clear_cache()


def _take_back(tok: jieba.Tokenizer, dictionary: dictcache.Dictionary) -> None:
    """Restore jieba's dictionary to what it was before the current user words were added."""
    dictionary.drop_waiting()
    for key, value in _layer.saved.items():
        if value == _MISSING:
            tok.FREQ.pop(key, None)
        else:
            tok.FREQ[key] = value
    tok.total = _layer.total if _layer.words else tok.total
    _layer.words, _layer.saved = (), {}


def _add_layer(tok: jieba.Tokenizer, dictionary: dictcache.Dictionary, words: tuple[str, ...]) -> None:
    """Add ``words`` in order (those with cached frequencies when a cut meets them), remembering every
    dictionary entry they overwrite."""
    _layer.total = tok.total
    name = _frequencies_name(tok, words)
    known = _valid_frequencies(read_json(name), len(words))
    if known is not None and 0 not in known:
        _add_when_met(tok, dictionary, words, known)
        _layer.words = words
        return
    dictionary.load_for("\n".join(word[:2] for word in words))  # their groups first (a newline is in no entry)
    prefixes = {word[:k] for word in words for k in range(1, len(word) + 1)}  # the entries adding a word writes
    entry = tok.FREQ.get
    _layer.saved = {**{prefix: entry(prefix, _MISSING) for prefix in prefixes}, **_layer.saved}
    if known is None:
        dictionary.load_all()  # jieba suggests a frequency by cutting the word with the whole dictionary
    if known is None or 0 in known:  # a word of frequency 0 is also split by force (add_word tells jieba's HMM)
        for word, frequency in zip(words, known or [None] * len(words)):
            tok.add_word(word, frequency)
    else:
        _add_known(tok, words, known)
    _layer.words = words
    if known is None:
        write_json(name, [tok.FREQ[word] for word in words])


def _add_when_met(tok: jieba.Tokenizer, dictionary: dictcache.Dictionary, words: tuple[str, ...],
                  frequencies: list[int]) -> None:
    """Add ``words`` with their known frequencies (none 0) as _add_known does, each when a cut first meets its
    first two characters (dictcache.Dictionary.add_when_met): now only jieba's total and the entries of their
    first characters (each character's group loaded first), which a cut reads before it meets any pair. Adding a
    word writes only entries that start with its first two characters besides its first character's, so the
    words of one pair, added together in order, leave FREQ as adding them all in order does."""
    waiting: dict[str, list[tuple[str, int]]] = {}
    for word, frequency in zip(words, frequencies):
        waiting.setdefault(word[:2], []).append((word, frequency))
    firsts = sorted({pair[0] for pair in waiting})
    dictionary.load_for("\n".join(firsts))  # their own entries (a newline is in no entry)
    freq, saved = tok.FREQ, _layer.saved
    for char in firsts:
        saved.setdefault(char, freq.get(char, _MISSING))
    for char in firsts:
        for word, frequency in waiting.pop(char, ()):  # a word of one character: its entry is its character's
            freq[word] = frequency
        freq.setdefault(char, 0)
    tok.total += sum(frequencies)

    def add(pair_words: list[tuple[str, int]]) -> None:
        """Add the words of one pair (its dictionary group loaded), saving the entries they overwrite."""
        for word, _ in pair_words:
            for end in range(2, len(word) + 1):
                saved.setdefault(word[:end], freq.get(word[:end], _MISSING))
        for word, frequency in pair_words:
            freq[word] = frequency
            for end in range(2, len(word)):
                freq.setdefault(word[:end], 0)

    dictionary.add_when_met(waiting, add)


def _add_known(tok: jieba.Tokenizer, words: tuple[str, ...], frequencies: list[int]) -> None:
    """Add ``words`` with their known frequencies (none 0) as jieba's add_word does, in its order (the word's
    entry, then an entry of 0 for each of its prefixes that has none), without its checks for each word:
    a registry's 2,600 names took 5 ms of CPU there, before `extract --jobs` could fork its workers."""
    tok.check_initialized()
    freq = tok.FREQ
    for word, frequency in zip(words, frequencies):
        freq[word] = frequency
        for end in range(1, len(word)):
            freq.setdefault(word[:end], 0)
    tok.total += sum(frequencies)


def _frequencies_name(tok: jieba.Tokenizer, words: tuple[str, ...]) -> str:
    """The cache entry for the frequencies of ``words`` added to jieba's own dictionary, named by
    everything they depend on: the dictionary (its cache entry's name) and the words themselves."""
    state = [dictcache.entry_path(tok).name, "", *words]
    digest = hashlib.sha256("\n".join(state).encode("utf-8")).hexdigest()[:24]
    return f"user-words-{digest}.json"


def _valid_frequencies(cached: object, count: int) -> list[int] | None:
    """The cached frequencies when they are what was written: ``count`` integers."""
    if isinstance(cached, list) and len(cached) == count and all(type(f) is int for f in cached):
        return cached
    return None


def clear_cache() -> None:
    """Forget memoised segmentations (new user words change how text is cut)."""
    cut.cache_clear()
    _cut_block.cache_clear()
    _located_blocks.cache_clear()


def words(text: str) -> list[str]:
    """The text cut into words (HMM off, so unknown strings split into dictionary words or characters)."""
    return list(cut(text))


@text_memo(maxsize=1 << 16)
def cut(text: str) -> tuple[str, ...]:
    """Memoised segmentation: annotators ask for the same clauses and names many times over.

    jieba splits text into blocks at punctuation and spaces before segmenting each block on its
    own, so this does the same split and remembers blocks: a line, the node holding it and a
    clause inside it then share the work, and the whole text is segmented about once.
    """
    return tuple(chain.from_iterable(map(_cut_block, _split_blocks(text))))  # the words of each block in turn, joined in C


def words_among(text: str, vocabulary: frozenset[str]) -> Iterator[str]:
    """The words of ``cut(text)`` that belong to ``vocabulary``, in order.

    Only blocks holding a vocabulary word as a substring can yield one, so only those are
    segmented: the same answer as filtering ``cut(text)``, for a fraction of the work when
    the vocabulary is a short list of cue words.
    """
    spotter = _spotter(vocabulary)
    if not spotter.search(text):
        return
    for block in _split_blocks(text):
        if spotter.search(block):
            yield from (word for word in _cut_block(block) if word in vocabulary)


@lru_cache(maxsize=64)
def _spotter(vocabulary: frozenset[str]) -> re.Pattern[str]:
    """A pattern finding any vocabulary word as a substring (longest first, deterministic)."""
    return re.compile("|".join(map(re.escape, sorted(vocabulary, key=lambda w: (-len(w), w)))) or "(?!)")


def words_within(text: str, start: int, end: int) -> list[str]:
    """The words of ``text[start:end]`` as jieba cuts the whole ``text`` (words crossing an edge
    are clipped to it). Only the blocks the range overlaps are segmented; they are the same
    whatever range asks for them, so every clause an annotator looks at shares the work."""
    return [word for _, word in _clipped_words(text, start, end, None)]


def words_among_within(text: str, start: int, end: int, vocabulary: frozenset[str]) -> list[tuple[int, str]]:
    """The words of ``words_within(text, start, end)`` that belong to ``vocabulary``, each with its
    start. A block whose part in the range holds no vocabulary word cannot yield one, so it is
    not segmented at all."""
    return [(pos, word) for pos, word in _clipped_words(text, start, end, _spotter(vocabulary)) if word in vocabulary]


def _clipped_words(text: str, start: int, end: int, spotter: re.Pattern[str] | None) -> Iterator[tuple[int, str]]:
    """(start, word) for the words of ``text`` in [start, end), clipped to it, from the blocks
    the range overlaps (only those where ``spotter`` finds something in range, if given)."""
    first = _first_spotted(text, start, end, spotter)
    if first is None:
        return
    starts, blocks = _located_blocks(text)
    i = max(0, bisect_right(starts, first) - 1)
    while i < len(blocks) and starts[i] < end:
        pos = starts[i]
        block = blocks[i]
        i += 1
        if spotter is not None and not spotter.search(text, max(pos, start), min(pos + len(block), end)):
            continue
        words, offsets = _block_words(block)
        first_word = max(0, bisect_right(offsets, start - pos) - 1)  # a long block: start at the word the range opens in
        pos += offsets[first_word]
        for word in words[first_word:]:
            if pos >= end:
                break
            if pos + len(word) > start:
                yield max(pos, start), word[max(0, start - pos):end - pos]
            pos += len(word)


def _first_spotted(text: str, start: int, end: int, spotter: re.Pattern[str] | None) -> int | None:
    """Where the first block worth looking at can begin: ``start`` without a spotter, else where it first
    finds something in [start, end) (blocks before hold nothing it finds); None for an empty range or
    one where it finds nothing (most ranges asked about: one search answers for all their blocks)."""
    if start >= end:
        return None
    if spotter is None:
        return start
    found = spotter.search(text, start, end)
    return found.start() if found else None


def _split_blocks(text: str) -> list[str]:
    """jieba's blocks: runs of Chinese characters, letters and digits, and the pieces between them."""
    return list(filter(None, jieba.re_han_default.split(text)))  # the empty pieces dropped


@text_memo(maxsize=1 << 12)
def _located_blocks(text: str) -> tuple[list[int], list[str]]:
    """The blocks of ``text`` and where each starts."""
    blocks = _split_blocks(text)
    return list(accumulate(map(len, blocks), initial=0))[:-1], blocks


@text_memo(maxsize=1 << 12)
def _block_words(block: str) -> tuple[tuple[str, ...], list[int]]:
    """A block's words and where each starts in it, so that a range inside a long block (a page run together on one line)
    is reached by bisection rather than by walking every word before it."""
    words = _cut_block(block)
    return words, list(accumulate(map(len, words), initial=0))[:-1]


@text_memo(maxsize=1 << 16)
def _cut_block(block: str) -> tuple[str, ...]:
    tok, dictionary = _shared()
    return dagcut.cut(tok, block, dictionary)  # the dictionary loads the groups the block can meet first
