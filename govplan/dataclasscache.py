"""The methods dataclasses generates, kept compiled in the user cache, so a fresh process does not compile them again.

A dataclass's __init__, __repr__, __eq__, __hash__ (and a frozen one's __setattr__ and __delattr__)
are written as Python source and compiled when the class is made (dataclasses._create_fn). A fresh
`govplan extract` makes some 120 dataclasses (govplan's, pydantic's, annotated_types') and compiles
about 560 such functions: about a tenth of its start-up CPU, all of it before `--jobs` can fork a
worker, and the same source in every process. The compiled code is a pure function of the source
for one Python, so it is kept here, keyed by that source, in one file per command module named by the
Python version and its bytecode magic number; found there, it is executed as re-compiling it would be.

This replaces a private function of the standard library with one that builds the same source and
runs the same code: it is installed only on the Python it was read against (3.11, same parameters),
the command line's process only (a library user's dataclasses stay as they are), compiles exactly as
``exec`` of the text would (no future flags inherited from this module), and leaves a call it does
not know (no ``globals``) to the original; a damaged file is ignored. It can only cost time, never
change a class (tests/test_dataclasscache.py). The same file keeps the code of typing's forward references
(ForwardRef compiles its text when made: pydantic's schema types and the spec models make some 870), given
to typing's module as a ``compile`` of its own (``_keep_forward_references``).
"""

from __future__ import annotations

import atexit
import sys
from dataclasses import MISSING
from pathlib import Path
from typing import Any, Callable

from govplan.patterncache import kept_file, read, short_name, worth_keeping, write

CHECKED_VERSIONS = ((3, 11),)  # Pythons whose dataclasses._create_fn this was read against
_PARAMETERS = ("name", "args", "body", "globals", "locals", "return_type")
_FORMAT = "dataclass-functions-1"
WORTH_WRITING = 8  # new functions a run must have compiled before the file is written again
MAX_FUNCTIONS = 4000  # the file's size stays bounded whatever classes a program makes


def install(version: tuple[int, int] = sys.version_info[:2], kind: str = "") -> bool:
    """Take dataclasses' generated functions from the cache from now on and keep new ones at exit;
    False (dataclasses untouched) on an unchecked Python. ``kind`` names the file (the command's module)."""
    import dataclasses

    original = getattr(dataclasses, "_create_fn", None)
    if isinstance(getattr(original, "__self__", None), FunctionCache):
        return True  # installed already
    if version not in CHECKED_VERSIONS or not _takes_parameters(original):
        return False
    kept = FunctionCache(cache_path(kind), original)
    dataclasses._create_fn = kept.create_fn  # type: ignore[attr-defined]
    _keep_forward_references(kept)
    atexit.register(kept.save)
    return True


def _keep_forward_references(kept: FunctionCache) -> None:
    """Give typing's module a ``compile`` of its own that takes a forward reference's code from ``kept``:
    typing.ForwardRef compiles its text when it is made, and a fresh extract makes 867 of them (pydantic's
    schema types, the spec models' annotations): 45M instructions, 3% of a one-notice extract, all of it
    before `--jobs` forks. Only where ForwardRef calls ``compile`` and typing names no ``compile`` itself."""
    import typing

    if "compile" not in vars(typing) and "compile" in typing.ForwardRef.__init__.__code__.co_names:
        typing.compile = kept.compile_expression  # type: ignore[attr-defined]  # found before the builtin


def _takes_parameters(function: Any) -> bool:
    """Whether ``function`` takes exactly _create_fn's three positional and three keyword-only parameters."""
    code = getattr(function, "__code__", None)
    return (code is not None and (code.co_argcount, code.co_kwonlyargcount) == (3, 3)
            and code.co_varnames[:6] == _PARAMETERS)


def cache_path(kind: str = "") -> Path:
    """The cache file of one kind of run for this Python (its version and bytecode magic number)."""
    from importlib.util import MAGIC_NUMBER

    return kept_file("dataclass-functions", kind, f"{sys.version}\n{MAGIC_NUMBER.hex()}\n{_FORMAT}")


class FunctionCache:
    """The file's compiled functions by their source, and those compiled in this run."""

    def __init__(self, path: Path, original: Callable[..., Any]) -> None:
        self.path = path
        self.codes: dict[str, Any] = read(path)
        self.compiled_here: dict[str, Any] = {}  # source -> its code, for functions the file lacks
        self.original = original

    def create_fn(self, name: str, args: list[str], body: list[str], *, globals: dict[str, Any] | None = None,  # noqa: A002
                  locals: dict[str, Any] | None = None, return_type: Any = MISSING) -> Any:  # noqa: A002
        """dataclasses._create_fn of Python 3.11: the same source, its code from the file when kept there."""
        if globals is None:  # the original would run in its own module's namespace
            return self.original(name, args, body, locals=locals, return_type=return_type)
        if locals is None:
            locals = {}
        return_annotation = ""
        if return_type is not MISSING:
            locals["_return_type"] = return_type
            return_annotation = "->_return_type"
        lines = "\n".join(f"  {line}" for line in body)
        source = (f"def __create_fn__({', '.join(locals.keys())}):\n"
                  f" def {name}({','.join(args)}){return_annotation}:\n{lines}\n return {name}")
        code = self.codes.get(source)
        if code is None:
            code = compile(source, "<string>", "exec", dont_inherit=True)  # as exec(source) in dataclasses compiles it
            self.compiled_here[source] = code
        namespace: dict[str, Any] = {}
        exec(code, globals, namespace)  # noqa: S102 - the standard library's own generated source
        return namespace["__create_fn__"](**locals)

    def compile_expression(self, source: str, filename: str, mode: str) -> Any:
        """compile(source, filename, mode) as typing calls it (no future flags: typing imports none), its code
        from the file when kept there; kept under (mode, source), apart from the functions' sources."""
        key = (mode, filename, source)
        code = self.codes.get(key)  # type: ignore[call-overload]
        if code is None:
            code = compile(source, filename, mode, dont_inherit=True)
            self.compiled_here[key] = code  # type: ignore[index]
        return code

    def save(self) -> None:
        """Write the file again when this run compiled enough functions it lacked, or one the run before lacked
        too (up to the file's bound): an upgrade adding a dataclass or two must not compile them on every run."""
        if not self.compiled_here:
            return
        keep = worth_keeping(self.path, list(self.compiled_here), _short_name, WORTH_WRITING)
        new = keep[:max(0, MAX_FUNCTIONS - len(self.codes))]
        if new:
            self.codes.update((key, self.compiled_here[key]) for key in new)
            write(self.path, self.codes)
        self.compiled_here.clear()


def _short_name(key: str | tuple[str, str, str]) -> bytes:
    """A function's source, or a forward reference's (mode, filename, source), named in twelve bytes."""
    if isinstance(key, str):
        return short_name(key.encode("utf-8", "surrogatepass"), 0)
    return short_name("\0".join(key).encode("utf-8", "surrogatepass"), 1)
