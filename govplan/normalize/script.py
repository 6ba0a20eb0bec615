"""Detect whether a text is Traditional or Simplified Chinese and convert it with OpenCC."""

from __future__ import annotations

import operator
import re
from functools import lru_cache

from govplan.datafiles import load_data
from govplan.normalize.mapped import MappedText

# A text is Traditional when this share of its Chinese characters change under t2s.
TRADITIONAL_SHARE = 0.03
MIN_CHANGED = 3
_HAN = re.compile("[\u4e00-\u9fff]+")
_CHUNK = 64  # characters compared at a time


@lru_cache(maxsize=8)
def _converter(config: str):  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC(config)


def detect_script(text: str) -> tuple[str, str | None]:
    """Return (script, OpenCC config to use): ('simplified', None) or ('traditional', 't2s'|'tw2s'|'hk2s')."""
    sample = text[:20000]
    han = "".join(_HAN.findall(sample))  # the Chinese characters alone (joining runs beats deleting the rest)
    if not han:
        return "unknown", None
    converted = _converter("t2s").convert(han)
    if not _changes_reach(han, converted, max(MIN_CHANGED, len(han) * TRADITIONAL_SHARE)):
        return "simplified", None
    markers = _region_markers()
    taiwan = sum(sample.count(m) for m in markers["taiwan"])
    hongkong = sum(sample.count(m) for m in markers["hongkong"])
    if taiwan > hongkong and taiwan >= 2:
        return "traditional", "tw2s"
    if hongkong > taiwan and hongkong >= 2:
        return "traditional", "hk2s"
    return "traditional", "t2s"


@lru_cache(maxsize=1)
def _region_markers() -> dict[str, tuple[str, ...]]:
    """The words that mark a Traditional text as Taiwan's or Hong Kong's and Macau's (layout.yaml, script_regions)."""
    return {region: tuple(words) for region, words in load_data("layout.yaml")["script_regions"].items()}


def _changes_reach(before: str, after: str, threshold: float) -> bool:
    """Whether at least ``threshold`` characters differ position by position (as zip pairs them).
    Equal stretches are passed over a chunk at a time (one comparison in C), and counting stops
    once the threshold is reached."""
    changed = 0
    length = min(len(before), len(after))
    for start in range(0, length, _CHUNK):
        end = min(length, start + _CHUNK)
        if before[start:end] != after[start:end]:
            changed += sum(map(operator.ne, before[start:end], after[start:end]))
            if changed >= threshold:
                return True
    return changed >= threshold


def simplified(text: str) -> str:
    """``text`` converted from Traditional to Simplified (t2s): a check that a name is written in Simplified."""
    return str(_converter("t2s").convert(text))


def to_simplified(mapped: MappedText, config: str) -> MappedText:
    """Convert with OpenCC ``config``, keeping the offset map exact."""
    converter = _converter(config)
    return mapped.convert_lines(converter.convert, converter.convert)
