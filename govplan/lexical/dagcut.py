"""jieba's segmentation of one block (HMM off), the same words in half the time.

jieba builds a dict of every word ending from each position (get_DAG), then the best route from
the right (calc), then walks it. Here both happen in one right-to-left pass over lists: at each
position the dictionary words starting there are found by growing a prefix while jieba's prefix
dictionary knows it (the same lookups), and the best route is chosen with jieba's own arithmetic
in jieba's own order (log(freq) - log(total) + the route after the word; a tie goes to the longer
word, as max() over (score, end) gives). Runs of single ASCII letters and digits are joined, as
jieba joins them. Anything but a run of Chinese characters, letters and digits goes to jieba.
"""

from __future__ import annotations

from math import log
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import jieba

    from govplan.lexical.dictcache import Dictionary

_NONE: frozenset[str] = frozenset()
_ASCII_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")  # jieba's re_eng


class _Weights(dict[int, float]):
    """log(frequency) - log(total) of each dictionary frequency met, computed once: the same floats jieba
    adds to a route, read from a dict (math.log parses its arguments as a tuple, ~370 instructions a call;
    a cut makes one per word it weighs)."""

    def __init__(self, total: int) -> None:
        super().__init__()
        self.log_total = log(total)

    def __missing__(self, count: int) -> float:
        value = self[count] = log(count) - self.log_total
        return value


_WEIGHTS: dict[int, _Weights] = {}  # by the dictionary's total; each bounded by its distinct frequencies


def _weights(total: int) -> _Weights:
    """The word weights for a dictionary of ``total`` (user words change it)."""
    weights = _WEIGHTS.get(total)
    if weights is None:
        weights = _WEIGHTS[total] = _Weights(total)
    return weights


def cut(tok: jieba.Tokenizer, block: str, dictionary: Dictionary | None = None) -> tuple[str, ...]:
    """The words ``tok.cut(block, HMM=False)`` gives, for one block of jieba's block split; with the
    ``dictionary`` of ``tok`` (lexical/dictcache.py), loading the group of an entry the first time a lookup
    misses it (jieba's own cut of a block loads first every group the block can meet)."""
    import jieba

    if not jieba.re_han_default.fullmatch(block):
        if dictionary is not None:
            dictionary.load_for(block)
        return tuple(tok.cut(block, HMM=False))
    ends = _best_route(block, tok.FREQ, tok.total, dictionary)
    words: list[str] = []
    letters = ""
    start, size = 0, len(block)
    while start < size:
        end = ends[start]
        word = block[start:end]
        if end - start == 1 and word in _ASCII_WORD_CHARS:
            letters += word
        else:
            if letters:
                words.append(letters)
                letters = ""
            words.append(word)
        start = end
    if letters:
        words.append(letters)
    return tuple(words)


def _best_route(block: str, freq: dict[str, int], total: int, dictionary: Dictionary | None = None) -> list[int]:
    """For every position, where the word that starts there on jieba's best route ends; a character or a
    pair that FREQ misses and the ``dictionary`` has not met is asked of it (its group loaded first)."""
    size = len(block)
    weight = _weights(total)
    score = [0.0] * (size + 1)
    ends = [0] * (size + 1)
    known = freq.get
    met, entry = (dictionary.met, dictionary.entry) if dictionary is not None else (_NONE, known)
    for start in range(size - 1, -1, -1):
        best: float | None = None
        best_end = start + 1
        end = start + 1
        prefix = block[start]
        while True:
            count = known(prefix)
            if count is None and end - start < 3 and prefix not in met:
                count = entry(prefix)
            if count is None:
                break  # no dictionary word starts with this prefix
            if count:
                value = weight[count] + score[end]
                if best is None or value >= best:  # equal scores: the later (longer) word, as max() picks
                    best, best_end = value, end
            if end == size:
                break
            end += 1
            prefix = block[start:end]
        if best is None:  # no word: the character alone, with jieba's frequency for it (or 1)
            best = weight[known(block[start]) or 1] + score[start + 1]
        score[start] = best
        ends[start] = best_end
    return ends
