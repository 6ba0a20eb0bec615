"""The unit names the alias registry knows, read without the extractor's machinery.

govplan.annotate.units.load_registry() teaches every name to jieba, and validation must not
import jieba (it doubles start-up time), so this reads govplan/data/aliases.yaml itself: the
sections `names` (canonical: [aliases]) and `bodies` (registered bare and behind each of
`prefixes`), or a plain canonical: [aliases] mapping.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from govplan.annotate.lexicon import data


@cache
def known_unit_names() -> frozenset[str]:
    """Every canonical name and alias in the bundled registry."""
    loaded = data("aliases")
    sectioned = bool({"prefixes", "bodies", "names"} & set(loaded))
    names: dict[str, Any] = (loaded.get("names") or {}) if sectioned else loaded
    bodies: dict[str, Any] = (loaded.get("bodies") or {}) if sectioned else {}
    prefixes = [""] + [str(p) for p in loaded.get("prefixes") or []] if sectioned else [""]
    known: set[str] = set()
    for canonical, aliases in names.items():
        known.update([str(canonical), *map(str, aliases or [])])
    for body, aliases in bodies.items():
        for prefix in prefixes:
            known.update(prefix + surface for surface in [str(body), *map(str, aliases or [])])
    return frozenset(known)


def is_registered(name: str) -> bool:
    """Whether the registry knows ``name``, also behind a place name (泰州市 + 文明办)."""
    known = known_unit_names()
    if name in known:
        return True
    return any(name[i:] in known and _is_place(name[:i]) for i in range(1, len(name)))


def _is_place(prefix: str) -> bool:
    """Place names before a unit are plain Chinese characters (泰州, 会宁县)."""
    return all("\u4e00" <= ch <= "\u9fff" for ch in prefix)
