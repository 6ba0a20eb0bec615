"""Atomic file writes: a temporary file beside the target, then a rename; failures name the file."""

from __future__ import annotations

import os
import stat
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
    try:
        path, mode = _target(Path(path))
        _remove_stale_temporaries(path)
        fd, tmp = _temporary(path)
    except OSError as exc:
        raise _unwritable(path, exc) from exc
    try:
        try:
            os.fchmod(fd, mode)
            _write_all(fd, data.encode("utf-8") if isinstance(data, str) else data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError):
            raise _unwritable(path, exc) from exc
        raise


def _write_all(fd: int, data: bytes) -> None:
    """All of ``data`` to the file descriptor, unbuffered (a file object would ask the file for its
    size, position and terminal state first)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _target(path: Path) -> tuple[Path, int]:
    """The file to replace (where a symlink points) and the permissions its new version gets: the
    existing file's, else what a plain open() would give (0666 less the umask). One lstat for both."""
    try:
        found = os.lstat(path)
    except OSError:  # no file yet (or no folder: making the temporary file says why)
        return path, _new_file_mode()
    if stat.S_ISLNK(found.st_mode):
        path = Path(os.path.realpath(path))
        try:
            found = path.stat()
        except FileNotFoundError:  # a link to a file still to be made
            return path, _new_file_mode()
    return path, found.st_mode & 0o777


def _temporary(path: Path) -> tuple[int, str]:
    """A new temporary file beside ``path``; its folder is made only when that fails (a run writing
    N files into one folder no longer asks for the folder N times)."""
    import tempfile  # here: a run that writes nothing (a cold validate) does not import it and random, shutil behind it

    try:
        return tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError:
        path.parent.mkdir(parents=True, exist_ok=True)  # a missing folder; any other failure recurs below
        return tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)


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


def _new_file_mode() -> int:
    """What a plain open() gives a new file: 0666 less the umask (read without changing it for long)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
