"""govplan's per-user cache: $XDG_CACHE_HOME/govplan or ~/.cache/govplan.

It holds derived data only (jieba's dictionary, the registry words' jieba frequencies, the built alias
registry, the language data files as JSON, compiled patterns, dataclass functions, scanners' pattern analyses),
each named by what it was derived from: deleting the directory costs time on the next run, never
a different result.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from govplan.fsutil import write_atomic

try:  # the interpreter's own SHA-256: hashlib's loads OpenSSL first, 3% of a cold `govplan validate`'s instructions
    from _sha256 import sha256
except ImportError:  # a Python built without it
    from hashlib import sha256


def cache_dir() -> Path:
    """The per-user cache directory for govplan (created on demand)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    path = Path(base) / "govplan"
    path.mkdir(parents=True, exist_ok=True)
    return path


def digest(data: bytes, length: int) -> str:
    """The first ``length`` hex digits of the SHA-256 of ``data``: what names a cache entry by what it derives from.

    The same digits either way: OpenSSL's SHA-256 once something else has loaded hashlib (extraction's
    pydantic does, through secrets and hmac, before the data files are read: the 0.42 MB a fresh
    `extract` names its cache entries by took 2.2 ms with the interpreter's, 0.35 ms with OpenSSL's
    here), else the interpreter's."""
    loaded = sys.modules.get("hashlib")
    return (sha256 if loaded is None else loaded.sha256)(data).hexdigest()[:length]


def read_json(name: str) -> Any | None:
    """The cached JSON value ``name``, or None when it is missing or unreadable."""
    try:
        return json.loads((cache_dir() / name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_json(name: str, value: Any) -> None:
    """Cache ``value`` as JSON (atomically); a cache that cannot be written only costs time later."""
    try:
        write_atomic(cache_dir() / name, json.dumps(value, ensure_ascii=False))
    except OSError:
        pass
