"""Pairing old and new items by content, as diff tools do: an order-keeping alignment that
maximises the summed similarity of the pairs it makes (a weighted longest common subsequence).

Used to pair the task nodes of a spec with a fresh extraction's (number, title and text) and
the documents of a compilation with a fresh split (title and text), so that a section inserted
at the top, a renumbering or a removed document moves nothing onto the wrong item.
"""

from __future__ import annotations

from typing import Callable, Sequence, TypeVar

A = TypeVar("A")
B = TypeVar("B")
THRESHOLD = 0.5  # pairs less similar than this are never made


def bigrams(text: str) -> frozenset[str]:
    """The text's character bigrams (a single character counts as one), for Dice similarity."""
    return frozenset(text[k : k + 2] for k in range(max(len(text) - 1, 1))) if text else frozenset()


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice coefficient of two bigram sets: 1 for equal texts, 0 for texts sharing no bigram."""
    if not a and not b:
        return 1.0
    return 2 * len(a & b) / (len(a) + len(b))


def align(old: Sequence[A], new: Sequence[B], similarity: Callable[[A, B], float]) -> list[tuple[A | None, B | None]]:
    """Every old and new item once, in order: paired where similar enough, alone otherwise.

    Dynamic programming over the similarity matrix (len(old) x len(new) scores), as a diff aligns
    lines; among alignments of equal weight the one pairing earlier items is taken."""
    n, m = len(old), len(new)
    score = [[similarity(a, b) for b in new] for a in old]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            pair = score[i][j] + best[i + 1][j + 1] if score[i][j] >= THRESHOLD else -1.0
            best[i][j] = max(pair, best[i + 1][j], best[i][j + 1])
    result: list[tuple[A | None, B | None]] = []
    i = j = 0
    while i < n and j < m:
        if score[i][j] >= THRESHOLD and best[i][j] == score[i][j] + best[i + 1][j + 1]:
            result.append((old[i], new[j]))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            result.append((old[i], None))
            i += 1
        else:
            result.append((None, new[j]))
            j += 1
    result.extend((a, None) for a in old[i:])
    result.extend((None, b) for b in new[j:])
    return result
