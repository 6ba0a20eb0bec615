"""govplan.scanning's pattern analyses kept in the user cache, so a fresh process does not parse the patterns again.

A scanner reads what its pattern's parse proves (needed characters, end characters, reach):
re's pure-Python parser run again over some 30 large patterns (the deadline grammar's), about a
fifth of the warm-up `extract --jobs` runs before its workers fork, and the same in every process.
An analysis is a pure function of the pattern, its flags, the parser (this Python) and the code
that reads the parse (govplan/scanning.py), so it is kept here, keyed by pattern and flags, in one
file per command module named by the Python version and a digest of scanning.py's source: a
changed analysis reads a file of its own, never one written by other code. A damaged file, or an
entry of the wrong shape, is ignored and written again; the cache can only cost time, never change a match.
"""

from __future__ import annotations

import atexit
import sys
from pathlib import Path
from typing import Any

from govplan import scanning
from govplan.patterncache import kept_file, read, write

_FORMAT = "scan-analyses-1"
WORTH_WRITING = 1  # each analysis parses a large pattern: one new one is worth a write
MAX_ANALYSES = 2000  # the file's size stays bounded whatever patterns a program scans


def install(kind: str = "") -> None:
    """Take the analyses in the file of ``kind`` (the command's module) from now on, and keep new ones at exit."""
    path = cache_path(kind)
    scanning.ANALYSES.kept.update(well_formed(read(path)))
    atexit.register(save, scanning.ANALYSES, path)


def cache_path(kind: str = "") -> Path:
    """The file of one kind of run for this Python and this code of govplan.scanning."""
    from govplan.usercache import digest

    code = digest(Path(scanning.__file__).read_bytes(), 24)
    return kept_file("scan-analyses", kind, f"{sys.version}\n{code}\n{_FORMAT}")


def well_formed(found: dict[Any, Any]) -> dict[scanning.AnalysisKey, scanning.Analysis]:
    """The entries shaped as a key and an analysis are (any other is left to be made again)."""
    return {key: value for key, value in found.items() if _is_key(key) and _is_analysis(value)}


def _is_key(key: Any) -> bool:
    return type(key) is tuple and len(key) == 2 and type(key[0]) is str and type(key[1]) is int


def _is_analysis(value: Any) -> bool:
    return (type(value) is tuple and len(value) == 4 and all(part is None or type(part) is str for part in value[:2])
            and type(value[2]) is int and (value[3] is None or type(value[3]) is int))


def save(analyses: scanning.Analyses, path: Path) -> None:
    """Write the file again when this run made analyses it lacked (up to the file's bound)."""
    new = list(analyses.made.items())[:max(0, MAX_ANALYSES - len(analyses.kept))]
    if len(new) >= WORTH_WRITING:
        analyses.kept.update(new)
        write(path, analyses.kept)
    analyses.made.clear()
