"""Word segmentation with jieba: loaded once, lazily, deterministically and quietly.

The dictionary cache goes to a per-user directory ($XDG_CACHE_HOME/govplan or ~/.cache/govplan)
instead of the shared temp directory. HMM is off so that jieba never invents words, which keeps
segmentation reproducible. Unit names from the alias registry are added as user words.
"""

from __future__ import annotations

import logging
import os
import threading
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
        cut.cache_clear()


def words(text: str) -> list[str]:
    """The text cut into words (HMM off, so unknown strings split into dictionary words or characters)."""
    return list(cut(text))


@lru_cache(maxsize=1 << 16)
def cut(text: str) -> tuple[str, ...]:
    """Memoised segmentation: annotators ask for the same clauses and names many times over."""
    return tuple(tokenizer().cut(text, HMM=False))
