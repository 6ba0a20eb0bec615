"""Language data files (numbering styles, deadline words, unit suffixes, aliases) shipped in govplan/data,
and the one safe YAML reader used for them and for users' own data files."""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from govplan.errors import GovplanError
from govplan.usercache import read_json, write_json


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
    """The parsed data file ``govplan/data/<name>``, cached in memory and, across runs, as JSON in the
    user cache named by the file's content hash (JSON reads in a tenth of a millisecond; parsing the
    YAML cost about 15 ms at every start)."""
    path = Path(str(resources.files("govplan") / "data" / name))
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:24]
    except OSError as exc:
        raise GovplanError(f"无法读取数据文件：{exc}", f"cannot read data file: {exc}", str(path)) from exc
    entry = f"data-{path.stem}-{digest}.json"
    cached = read_json(entry)
    if cached is not None:
        return cached
    value = read_yaml(path)
    if _plain_json(value):
        write_json(entry, value)
    return value


def _plain_json(value: Any) -> bool:
    """Whether JSON gives ``value`` back unchanged (no dates, no non-string keys)."""
    try:
        return bool(json.loads(json.dumps(value, ensure_ascii=False)) == value)
    except (TypeError, ValueError):
        return False
