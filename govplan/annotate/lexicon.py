"""Language data for the annotators: YAML word lists under govplan/data/, loaded once.

Cue words, units, comparators and unit suffixes are data so that they can be reviewed and
extended without touching the matching code; this module turns them into regex pieces.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

from ruamel.yaml import YAML

from govplan.errors import GovplanError


def read_yaml(path: Path) -> Any:
    """Parse one YAML file safely; a broken file is a user-facing error naming the file."""
    try:
        return YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise GovplanError(f"无法读取数据文件：{exc}", f"cannot read data file: {exc}", str(path)) from exc
    except Exception as exc:  # ruamel raises several unrelated error classes for bad YAML
        raise GovplanError(f"YAML 格式错误：{exc}", f"invalid YAML: {exc}", str(path)) from exc


@cache
def data(name: str) -> dict[str, Any]:
    """The bundled data file govplan/data/<name>.yaml as a mapping."""
    path = Path(str(resources.files("govplan") / "data" / f"{name}.yaml"))
    loaded = read_yaml(path)
    if not isinstance(loaded, dict):
        raise GovplanError("数据文件应为映射（键: 值）", "data file must be a mapping", str(path))
    return loaded


def alternation(words: Iterable[str]) -> str:
    """A non-capturing regex alternation of literal words, longest first so the longest wins."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    if not unique:
        return "(?!)"
    return "(?:" + "|".join(re.escape(w) for w in unique) + ")"


def word_map(section: dict[str, Iterable[str]]) -> dict[str, str]:
    """Invert ``{label: [word, ...]}`` into ``{word: label}`` (e.g. comparator words to symbols)."""
    return {word: label for label, words in section.items() for word in words}
