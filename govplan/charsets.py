"""re's character classes worked out once per process instead of once per pattern that holds them.

Compiling a pattern turns each character class into a bitmap (re._compiler._optimize_charset) in
pure Python, one character at a time: ``[\\u4e00-\\u9fff]`` is a loop of 21,000 steps. govplan's
patterns share a few classes built from the grammar's pieces (Han characters, blanks, numerals),
compiled again in some 300 patterns: 1,761 class optimisations at start-up, 292 of them distinct,
about 0.09 s of a fresh process's 0.65 s. The optimisation is a pure function of the class when
case is not ignored, so its result is remembered here, keyed by the class itself.

This wraps a private function of the standard library: it is installed only on the Python
versions whose function it was checked against (same name and parameters), and anything else
leaves re as it is, which only costs time. Case-insensitive classes (which depend on case tables
passed in) and any class that cannot be a key are passed straight through. tests/test_charsets.py
checks that every pattern compiles to the same code either way.
"""

from __future__ import annotations

import sys
from functools import lru_cache, wraps
from typing import Any, Callable

CHECKED_VERSIONS = ((3, 11),)  # Pythons whose re._compiler._optimize_charset this was read against
_PARAMETERS = ("charset", "iscased", "fixup", "fixes")


def install(version: tuple[int, int] = sys.version_info[:2]) -> bool:
    """Remember re's class optimisations from now on; False (re untouched) on an unchecked Python."""
    from re import _compiler

    original = getattr(_compiler, "_optimize_charset", None)
    if version not in CHECKED_VERSIONS or not takes_parameters(original, _PARAMETERS):
        return False
    if getattr(original, "__wrapped__", None) is not None:
        return True  # installed already
    _compiler._optimize_charset = remembering(original)  # type: ignore[attr-defined]
    return True


def takes_parameters(function: Any, names: tuple[str, ...]) -> bool:
    """Whether ``function`` takes exactly the parameters ``names``, in order: the check that a wrapped
    private function of re is still the one it was read against."""
    code = getattr(function, "__code__", None)
    return code is not None and code.co_varnames[:code.co_argcount] == names


def remembering(optimize: Callable[..., tuple[list[Any], bool]]) -> Callable[..., tuple[list[Any], bool]]:
    """``optimize`` with its case-sensitive results remembered (each caller gets its own lists)."""
    remembered = lru_cache(maxsize=4096)(lambda charset: optimize(list(charset)))

    @wraps(optimize)
    def optimize_charset(charset: list[Any], iscased: Any = None, fixup: Any = None, fixes: Any = None) -> tuple[list[Any], bool]:
        if fixup is not None or iscased is not None or fixes is not None:
            return optimize(charset, iscased, fixup, fixes)
        try:
            out, hascased = remembered(tuple(charset))
        except TypeError:  # an item that cannot be a key
            return optimize(charset)
        return [(op, list(arg) if isinstance(arg, list) else arg) for op, arg in out], hascased

    return optimize_charset
