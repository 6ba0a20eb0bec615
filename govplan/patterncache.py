"""re's compiled patterns kept in the user cache, so a fresh process does not compile them again.

Compiling a pattern parses it and builds its code in pure Python (re._compiler.compile), then
hands the code to the C engine (_sre.compile). A fresh `govplan extract` compiles some 400
patterns (govplan's and its libraries'), about 0.09 s of a three-line notice's 0.43 s of CPU,
and every process compiles the same ones. The code is a pure function of the pattern and its
flags for one build of re's engine, so it is kept here, keyed by pattern and flags, in one file
named by the Python version and the engine's magic number; a pattern found there goes straight
to the C engine.

This wraps a private function of the standard library and calls the engine's constructor with
what re's own compile passes it: it is installed only on the Python versions whose compile it was
checked against (same name and parameters) and anything else leaves re as it is. A pattern goes
into the file only when the pattern the C engine builds from the kept parts equals re's own
(pattern equality compares the compiled code); a damaged or unreadable file is ignored. Either
way the cache can only cost time, never change a match. The code also depends on whether
govplan.firstchars widens re's start sets, so the file's name says that too.
"""

from __future__ import annotations

import atexit
import marshal
from array import array
import struct
import sys
import zlib
from pathlib import Path
from typing import Any, Callable, TypeVar

from govplan.charsets import takes_parameters

CHECKED_VERSIONS = ((3, 11),)  # Pythons whose re._compiler.compile this was read against
_PARAMETERS = ("p", "flags")
_FORMAT = "re-patterns-3"  # 3: code built with or without govplan.firstchars, named in the file
_CODE = "I"  # the array type of re's code words (4 bytes, _sre.CODESIZE): a pattern's code is kept as their bytes
_HEADER = struct.Struct("<I")  # checksum of the body
WORTH_WRITING = 8  # new patterns a run must have compiled before the file is written again
MAX_PATTERNS = 2000  # the file's size stays bounded whatever patterns a program builds

Key = tuple[str | bytes, int]
K = TypeVar("K")
Parts = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]  # flags, code words, groups, groupindex, indexgroup


def install(version: tuple[int, int] = sys.version_info[:2], kind: str = "") -> bool:
    """Compile patterns from the cache from now on and keep new ones at exit; False (re untouched)
    on an unchecked Python. ``kind`` names the file (the command's module): each command reads only
    the patterns it compiles, so `govplan --help` does not read the ~1,000 of extract and eval."""
    from re import _compiler

    original = getattr(_compiler, "compile", None)
    if isinstance(getattr(original, "__self__", None), PatternCache):
        return True  # installed already
    if version not in CHECKED_VERSIONS or not takes_parameters(original, _PARAMETERS):
        return False
    path = cache_path(kind)
    kept = PatternCache(read(path), original)
    _compiler.compile = kept.compile  # type: ignore[attr-defined]
    atexit.register(kept.save, path)
    return True


def cache_path(kind: str = "") -> Path:
    """The cache file of one kind of run for this Python's re engine (its version, magic number and code size)
    and for the start sets it compiles with (govplan.firstchars installed or not: the code differs)."""
    import _sre

    from govplan import firstchars

    start_sets = "firstchars" if firstchars.installed() else "re"
    state = f"{sys.version}\n{_sre.MAGIC}\n{_sre.CODESIZE}\n{sys.maxunicode}\n{_FORMAT}\n{start_sets}"
    return kept_file("re-patterns", kind, state)


def kept_file(prefix: str, kind: str, state: str) -> Path:
    """The user-cache file of one kind of run (a command module's name, else "any") for what ``state`` names."""
    from govplan.usercache import cache_dir, digest

    name = kind if kind.isidentifier() else "any"
    return cache_dir() / f"{prefix}-{name}-{digest(state.encode('utf-8'), 24)}.bin"


class PatternCache:
    """Compiled patterns' parts by pattern and flags, and the patterns compiled here that the file lacks."""

    def __init__(self, parts: dict[Key, Parts], original: Callable[..., Any]) -> None:
        self.parts = parts
        self.missed: dict[Key, Any] = {}  # key -> the pattern re compiled
        self.original = original

    def compile(self, p: Any, flags: int = 0) -> Any:
        """re._compiler.compile: from the kept parts when the pattern is there, else re's own (noted for the file)."""
        import _sre

        key = (p, flags) if type(p) in (str, bytes) and type(flags) is int else None
        found = self.parts.get(key) if key is not None else None
        if found is None:
            compiled = self.original(p, flags)
            if key is not None and not flags & _DEBUG:
                self.missed[key] = compiled
            return compiled
        final_flags, code, groups, groupindex, indexgroup = found
        return _sre.compile(p, final_flags, _code_list(code), groups, dict(groupindex), indexgroup)

    def save(self, path: Path) -> None:
        """Write the file again when this run compiled enough patterns it lacked, or one the run before lacked too
        (a pattern of the program's own, not one built for a document: an upgrade adding three patterns must not pay
        for them on every run); each one checked first."""
        if not self.missed or len(self.parts) >= MAX_PATTERNS:
            return
        keep = worth_keeping(path, list(self.missed), _key_digest, WORTH_WRITING)
        if not keep:
            return
        for key in keep[:MAX_PATTERNS - len(self.parts)]:
            parts = _parts_of(key, self.missed.pop(key))
            if parts is not None:
                self.parts[key] = parts
        write(path, self.parts)


_DEBUG = 128  # re.DEBUG: such a compile prints the code, so it always goes through re


def worth_keeping(path: Path, missed: list[K], name: Callable[[K], bytes], worth: int) -> list[K]:
    """The entries a run lacked that the cache file ``path`` should keep now: all of them when there are
    ``worth`` or more, else those the last run that lacked anything lacked too (an upgrade's few new entries
    are kept by its second run, one built for a single document is not). This run's list is left beside the
    file for the next run; a run that lacked nothing leaves the list as it is. ``name`` gives an entry's
    12-byte name (``short_name``)."""
    named = {name(key): key for key in missed}
    before = _read_pending(path)
    keep = list(missed) if len(named) >= worth else [named[digest] for digest in before & named.keys()]
    if named and before != named.keys():
        _write_pending(path, set(named))
    return keep


def short_name(raw: bytes, tag: int) -> bytes:
    """Twelve bytes naming an entry by its bytes and a small number (a pattern's flags): checksum, tag, length."""
    return zlib.crc32(raw).to_bytes(4, "little") + tag.to_bytes(4, "little") + len(raw).to_bytes(4, "little")


def _key_digest(key: Key) -> bytes:
    """A short name of a pattern and its flags, for the list of patterns the last run lacked."""
    pattern, flags = key
    return short_name(pattern.encode("utf-8", "surrogatepass") if isinstance(pattern, str) else b"b" + pattern, flags)


def _pending_path(path: Path) -> Path:
    """The file naming the patterns the last run compiled that ``path`` lacked."""
    return path.with_name(path.name + ".pending")


def _read_pending(path: Path) -> set[bytes]:
    """The digests of the patterns the last run lacked; none when the file is missing or unreadable."""
    try:
        raw = _pending_path(path).read_bytes()
    except OSError:
        return set()
    return {raw[i:i + 12] for i in range(0, len(raw) - len(raw) % 12, 12)}


def _write_pending(path: Path, digests: set[bytes]) -> None:
    """Name the patterns this run lacked, for the next run to confirm; a file that cannot be written only costs time."""
    from govplan.fsutil import write_atomic

    try:
        write_atomic(_pending_path(path), b"".join(sorted(digests)))
    except OSError:
        pass


def _parts_of(key: Key, compiled: Any) -> Parts | None:
    """What the C engine needs to build ``compiled`` again, or None when what it builds from them differs."""
    import _sre
    from re import _compiler, _parser

    pattern, flags = key
    try:
        code = array(_CODE, _compiler._code(_parser.parse(pattern, flags), flags)).tobytes()  # type: ignore[attr-defined]
        groupindex = dict(compiled.groupindex)
        indexgroup: list[str | None] = [None] * (compiled.groups + 1)
        for name, index in groupindex.items():
            indexgroup[index] = name
        parts: Parts = (compiled.flags, code, compiled.groups, groupindex, tuple(indexgroup))
        rebuilt = _sre.compile(pattern, parts[0], _code_list(code), parts[2], dict(groupindex), parts[4])
    except Exception:  # noqa: BLE001 - a pattern this cannot rebuild is simply not kept
        return None
    return parts if rebuilt == compiled and rebuilt.groupindex == compiled.groupindex else None


def _code_list(code: bytes) -> list[int]:
    """A pattern's code words as the list re's engine takes, from their bytes. Kept as bytes, the file's
    175,000 words of extract's 450 patterns load as one object each (marshal made an int of every word:
    33M of a one-notice extract's instructions), and only the patterns a run compiles are unpacked."""
    return array(_CODE, code).tolist()


def read(path: Path) -> dict[Key, Parts]:
    """The kept patterns; none when the file is missing or damaged (its checksum or its shape is wrong)."""
    try:
        raw = path.read_bytes()
        (checksum,) = _HEADER.unpack_from(raw)
        body = memoryview(raw)[_HEADER.size:]
        if zlib.adler32(body) != checksum:
            return {}
        parts = marshal.loads(body)
    except (OSError, struct.error, ValueError, EOFError, TypeError):
        return {}
    return parts if isinstance(parts, dict) else {}


def write(path: Path, parts: dict[Key, Parts]) -> None:
    """Keep ``parts`` in the file (atomically); a file that cannot be written only costs time later."""
    from govplan.fsutil import write_atomic

    try:
        body = marshal.dumps(parts)
        write_atomic(path, _HEADER.pack(zlib.adler32(body)) + body)
    except (OSError, ValueError):  # ValueError: a value marshal cannot write
        pass
