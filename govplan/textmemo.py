"""Memos keyed by pieces of the document being extracted, forgotten when the next document starts.

Annotators ask the same questions of the same lines, blocks and clauses many times over; a memo
answers the repeats. Every such memo is registered here and ``forget`` empties them all, which
extraction does before each document: a document never gets an answer computed for another one,
so it costs what it would in a fresh process (what distinct notices cost), and memory stays bounded
by the largest document rather than growing with an archive.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

_memos: list[Any] = []


def text_memo(maxsize: int) -> Callable[[F], F]:
    """An lru_cache of ``maxsize`` entries that ``forget`` empties."""
    def decorate(function: F) -> F:
        memo = lru_cache(maxsize=maxsize)(function)
        _memos.append(memo)
        return memo  # type: ignore[return-value]
    return decorate


def forget() -> None:
    """Empty every text memo (a new document starts)."""
    for memo in _memos:
        memo.cache_clear()
