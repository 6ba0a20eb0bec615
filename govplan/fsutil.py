"""Atomic file writes: a temporary file beside the target, then a rename; failures name the file."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from govplan.errors import Errors, OutputError

# Temporary files older than this process were left by a process killed outright (SIGKILL, power
# loss), where no clean-up could run; a write to the same target removes them.
_STARTED = time.time()
_STALE: dict[str, dict[str, list[Path]]] = {}  # folder -> its stale temporaries (see _stale_temporaries)


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` so that readers see either the old file or the whole new one.
    A symlink is followed: the file it points to is replaced, the link stays."""
    path = Path(os.path.realpath(path)) if Path(path).is_symlink() else Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale_temporaries(path)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _unwritable(path, exc) from exc
    try:
        os.chmod(tmp, _mode_for(path))
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError):
            raise _unwritable(path, exc) from exc
        raise


def _remove_stale_temporaries(path: Path) -> None:
    """Remove the temporary files of ``path`` that a killed earlier process left behind."""
    for stale in _stale_temporaries(path.parent).pop(path.name, []):
        try:
            stale.unlink()
        except FileNotFoundError:
            pass


def _stale_temporaries(folder: Path) -> dict[str, list[Path]]:
    """The temporary files in ``folder`` older than this process, by the name of the file each was
    to become. A folder is listed once per process: a file older than the process cannot appear
    later, and listing it for every write made a run of N specs into one folder cost N² entries."""
    key = os.path.abspath(folder)
    if key not in _STALE:
        found: dict[str, list[Path]] = {}
        try:
            with os.scandir(key) as entries:
                for entry in entries:
                    name = entry.name
                    if name.startswith(".") and name.endswith(".tmp") and name.count(".") >= 3:
                        try:
                            old = entry.stat().st_mtime < _STARTED
                        except FileNotFoundError:
                            continue
                        if old:
                            found.setdefault(name[1:-4].rsplit(".", 1)[0], []).append(Path(entry.path))
        except OSError:
            pass  # an unreadable folder: mkstemp reports it
        _STALE[key] = found
    return _STALE[key]


def _unwritable(path: Path, exc: OSError) -> OutputError:
    return OutputError(Errors.E501, str(path), reason=exc.strerror or exc)


def _mode_for(path: Path) -> int:
    """The existing file's permissions, else what a plain open() would give (0666 less the umask)."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
