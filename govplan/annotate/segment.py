"""Word segmentation with jieba: loaded once, lazily, deterministically and quietly.

The dictionary cache goes to a per-user directory ($XDG_CACHE_HOME/govplan or ~/.cache/govplan)
instead of the shared temp directory. HMM is off so that jieba never invents words, which keeps
segmentation reproducible. Unit names from the alias registry are added as user words.
"""

from __future__ import annotations

import logging
import os
import threading
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import jieba

_lock = threading.Lock()
_tokenizer: jieba.Tokenizer | None = None
_user_words: set[str] = set()


def cache_dir() -> Path:
    """The per-user cache directory for govplan (created on demand)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    path = Path(base) / "govplan"
    path.mkdir(parents=True, exist_ok=True)
    return path


def tokenizer() -> jieba.Tokenizer:
    """The shared jieba tokenizer, initialised on first use."""
    global _tokenizer
    with _lock:
        if _tokenizer is None:
            jieba.setLogLevel(logging.WARNING)
            tok = jieba.Tokenizer()
            tok.tmp_dir = str(cache_dir())
            tok.cache_file = "jieba.cache"
            tok.initialize()
            _tokenizer = tok
        return _tokenizer


def add_user_words(words: Iterable[str]) -> None:
    """Teach jieba whole names (e.g. registry unit names) so they stay one token; sorted for determinism."""
    tok = tokenizer()
    with _lock:
        new_words = sorted(set(words) - _user_words)
        for word in new_words:
            tok.add_word(word)
            _user_words.add(word)
    if new_words:
        clear_cache()


def clear_cache() -> None:
    """Forget memoised segmentations (new user words change how text is cut)."""
    cut.cache_clear()
    _cut_block.cache_clear()
    _word_starts.cache_clear()


def words(text: str) -> list[str]:
    """The text cut into words (HMM off, so unknown strings split into dictionary words or characters)."""
    return list(cut(text))


@lru_cache(maxsize=1 << 16)
def cut(text: str) -> tuple[str, ...]:
    """Memoised segmentation: annotators ask for the same clauses and names many times over.

    jieba splits text into blocks at punctuation and spaces before segmenting each block on its
    own, so this does the same split and remembers blocks: a line, the node holding it and a
    clause inside it then share the work, and the whole text is segmented about once.
    """
    tokens: list[str] = []
    for block in jieba.re_han_default.split(text):
        if block:
            tokens.extend(_cut_block(block))
    return tuple(tokens)


@lru_cache(maxsize=1 << 16)
def _cut_block(block: str) -> tuple[str, ...]:
    return tuple(tokenizer().cut(block, HMM=False))


@lru_cache(maxsize=1 << 12)
def _word_starts(text: str) -> list[int]:
    """Where each word of ``cut(text)`` starts."""
    starts, pos = [], 0
    for word in cut(text):
        starts.append(pos)
        pos += len(word)
    return starts


def words_within(text: str, start: int, end: int) -> list[str]:
    """The words of ``text[start:end]`` as jieba cuts the whole ``text`` (words crossing an edge
    are clipped to it): one segmentation per text serves every clause an annotator looks at."""
    if start >= end:
        return []
    tokens = cut(text)
    starts = _word_starts(text)
    i = max(0, bisect_right(starts, start) - 1)
    result = []
    while i < len(tokens) and starts[i] < end:
        word_start = starts[i]
        result.append(tokens[i][max(0, start - word_start):end - word_start])
        i += 1
    return result
