"""Language data files (numbering styles, deadline words, unit suffixes, aliases) shipped in govplan/data."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=None)
def load_data(name: str) -> Any:
    """The parsed YAML data file ``govplan/data/<name>`` (cached: data files do not change at run time)."""
    from ruamel.yaml import YAML

    text = resources.files("govplan").joinpath("data", name).read_text(encoding="utf-8")
    return YAML(typ="safe", pure=True).load(text)
