"""Garbled text: long runs of Chinese characters that do not form words.

Documents copied from the web or from protected files carry filler such as anti-copy
watermarks ("糕援蛔淋郭株很凯…") or mojibake. Real prose cut by jieba is mostly
multi-character words; a run of random characters is cut almost entirely into single ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from govplan.lexical.segment import words

_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


@dataclass(frozen=True)
class GarbleRule:
    """When a run of Chinese characters counts as garbled."""

    min_run: int  # characters without punctuation, digits or Latin letters in between
    max_word_share: float  # share of the run's characters that fall inside multi-character words


def is_garbled(text: str, rule: GarbleRule) -> bool:
    """Whether ``text`` contains a long run of characters that jieba cannot cut into words."""
    return any(_word_share(run) <= rule.max_word_share for run in _HAN_RUN.findall(text) if len(run) >= rule.min_run)


def _word_share(run: str) -> float:
    """The share of ``run``'s characters that belong to words of two or more characters."""
    return sum(len(word) for word in words(run) if len(word) > 1) / len(run)
