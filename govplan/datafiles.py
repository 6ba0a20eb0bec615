"""Language data files (numbering styles, deadline words, unit suffixes, aliases) shipped in govplan/data,
and the one safe YAML reader used for them and for users' own data files."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from govplan.errors import GovplanError


def read_yaml(path: Path) -> Any:
    """Parse one YAML file safely (C parser from ruamel.yaml.clib: the data files are read at every
    start); a broken file is a user-facing error naming the file."""
    from ruamel.yaml import YAML

    try:
        return YAML(typ="safe", pure=False).load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise GovplanError(f"无法读取数据文件：{exc}", f"cannot read data file: {exc}", str(path)) from exc
    except Exception as exc:  # ruamel raises several unrelated error classes for bad YAML
        raise GovplanError(f"YAML 格式错误：{exc}", f"invalid YAML: {exc}", str(path)) from exc


@lru_cache(maxsize=None)
def load_data(name: str) -> Any:
    """The parsed data file ``govplan/data/<name>`` (cached: data files do not change at run time)."""
    return read_yaml(Path(str(resources.files("govplan") / "data" / name)))
