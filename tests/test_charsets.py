"""govplan.charsets: re's class optimisations remembered give every pattern the same compiled code,
and a Python the wrapper was not checked against keeps re as it is."""

from __future__ import annotations

import re
from pathlib import Path
from re import _compiler, _parser

import pytest

from govplan import charsets

SEEDS = Path(__file__).resolve().parent.parent / "corpus" / "seeds"
# Classes of every kind the optimiser handles: Han range, blanks, literals past U+FFFF, categories,
# negation, case-insensitive ones (passed through) and a class in an info block (a pattern's start).
SAMPLES = [
    (r"[\u4e00-\u9fff]{2,6}[:：]", 0), (r"[ \t\u3000]?月", 0), (r"[^\n\r\t\x0c\x0b -~\u3000-\u303f]", 0),
    (r"[\U0001F600-\U0001F64F\w\d]", 0), (r"[^\s|]", 0), (r"[a-zÀ-ÿ]+", re.IGNORECASE), (r"[一二三]", 0),
]


def _codes(patterns: list[tuple[str, int]]) -> list[list[int]]:
    """What each pattern compiles to (re's code list), with the optimiser re holds now."""
    return [_compiler._code(_parser.parse(pattern, flags), flags) for pattern, flags in patterns]


def _govplan_patterns() -> list[tuple[str, int]]:
    """Every pattern re has compiled and cached after extracting the seeds (govplan's and its libraries')."""
    from govplan.pipeline import extract_specs
    from govplan.readers import read_source

    for path in sorted(SEEDS.glob("*.txt"))[:5]:
        extract_specs(read_source(path))
    return [(key[1], key[2]) for key in re._cache if isinstance(key[1], str)] + SAMPLES  # type: ignore[attr-defined]


def test_installed_on_this_python() -> None:
    assert charsets.install()
    assert getattr(_compiler._optimize_charset, "__wrapped__", None) is not None


def test_every_pattern_compiles_to_the_same_code(monkeypatch: pytest.MonkeyPatch) -> None:
    charsets.install()
    patterns = _govplan_patterns()
    assert len(patterns) > 100
    remembered = _codes(patterns)
    remembered_again = _codes(patterns)  # from the memo this time
    monkeypatch.setattr(_compiler, "_optimize_charset", _compiler._optimize_charset.__wrapped__)
    assert _codes(patterns) == remembered == remembered_again


def test_callers_get_their_own_lists() -> None:
    optimize = charsets.remembering(_compiler._optimize_charset.__wrapped__)
    charset = [(_parser.LITERAL, ord(numeral)) for numeral in "一二三四五六"]  # scattered: a bitmap (a list)
    first, _ = optimize(charset)
    first[0][1].clear()
    assert optimize(charset) == optimize.__wrapped__(charset)


def test_unchecked_python_keeps_re_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    original = _compiler._optimize_charset.__wrapped__
    monkeypatch.setattr(_compiler, "_optimize_charset", original)
    assert not charsets.install(version=(3, 99))
    assert _compiler._optimize_charset is original


def test_other_parameters_keep_re_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    def optimize_charset(charset, fixup=None):  # type: ignore[no-untyped-def]  # a changed private function
        return [], False

    monkeypatch.setattr(_compiler, "_optimize_charset", optimize_charset)
    assert not charsets.install()
    assert _compiler._optimize_charset is optimize_charset
