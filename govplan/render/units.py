"""Which names of a spec's units are responsible units a matrix gives a column and a checklist a page.

A unit is one when the alias registry knows it, or when it ends with a unit suffix
(govplan/data/units.yaml, and the place words of govplan/data/render.yaml) after a name of its
own. Fragments the extractor may leave (a bare 人民政府 or 领导小组, 属各单位 cut from 所属各单位,
XX, a list of units given as one name) are not: a matrix lists them in its 其他单位 column, so nothing a spec says is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from govplan.registry import Registry

_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")
# A list of units given as one: three or more items, or a list ending 等部门 (brackets removed first: 各县(市、区)
# is one; 县委、县政府督查室, the office of both, is one)
_LIST = re.compile(r"[，,；;]|[、].*[、]|[、].*等")


@dataclass(frozen=True)
class _UnitWords:
    bare: frozenset[str]
    suffixes: tuple[str, ...]
    fragment_starts: tuple[str, ...]
    max_chars: int


@lru_cache(maxsize=1)
def _unit_words() -> _UnitWords:
    from govplan.lexical.lexicon import data

    units, tables, render = data("units"), data("tables"), data("render")
    suffixes = {*units["suffixes"], *units["collective_suffixes"], *render["unit_suffixes"]}
    bare = {
        *suffixes, *units["collective_heads"], *units["body_suffixes"], *units["plain_name_suffixes"],
        *units["collective_words"], *units["definite_bodies"], *units["label_heads"],
        *(word for kind in ("lead", "support", "responsible", "leader") for word in tables["columns"][kind]),
    }
    distributive = tuple(units["distributive_starts"])  # 各镇(街道), 各部门: every one of them, a unit to answer
    bare = {word for word in bare if not word.startswith(distributive)}
    return _UnitWords(frozenset(bare), tuple(suffixes), tuple(render["fragment_starts"]), int(units["max_name_chars"]))


def is_real_unit(name: str, registry: Registry) -> bool:
    """Whether ``name`` names a responsible unit rather than a fragment of one."""
    words = _unit_words()
    if not any("\u4e00" <= char <= "\u9fff" for char in name) or name in words.bare or name.startswith(words.fragment_starts):
        return False
    core = _BRACKETED.sub("", name)  # 区委宣传部(区文明办、…) is 区委宣传部 with a remark
    if len(core) > words.max_chars or _LIST.search(core):
        return False
    return registry.knows(name) or name.endswith(words.suffixes) or core.endswith(words.suffixes)
