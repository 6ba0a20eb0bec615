"""govplan.patterncache: a pattern built from the kept parts equals re's own (code, flags, groups),
the file survives a round trip and is ignored when damaged, and a Python the wrapper was not
checked against keeps re as it is."""

from __future__ import annotations

import re
from pathlib import Path
from re import _compiler

import pytest

from govplan import patterncache
from govplan.patterncache import PatternCache

SEEDS = Path(__file__).resolve().parent.parent / "corpus" / "seeds"
# Named groups, a lookbehind, inline flags, case-insensitive classes, bytes (flags as ints, as re._compile passes them).
SAMPLES = [
    (r"(?P<year>\d{4})年(?P<month>\d{1,2})月", 0), (r"(?<=牵头)[，,]", 0), (r"(?i)[a-z]+\s*", 0),
    (r"[a-zÀ-ÿ]+", re.IGNORECASE.value), (rb"\x00+(?P<tail>.)", 0), (r"^\s*$", re.MULTILINE.value),
]


def _compiled_patterns() -> list[tuple[str | bytes, int]]:
    """Every pattern re has compiled and cached after extracting a few seeds (govplan's and its libraries')."""
    from govplan.pipeline import extract_specs
    from govplan.readers import read_source

    for path in sorted(SEEDS.glob("*.txt"))[:3]:
        extract_specs(read_source(path))
    found = [(key[1], key[2]) for key in re._cache if isinstance(key[1], (str, bytes))]  # type: ignore[attr-defined]
    return found + SAMPLES


def _original() -> object:
    compile_ = _compiler.compile
    return compile_.__self__.original if isinstance(getattr(compile_, "__self__", None), PatternCache) else compile_


def test_every_pattern_built_from_its_parts_equals_res_own() -> None:
    original = _original()
    patterns = _compiled_patterns()
    assert len(patterns) > 100
    parts = {key: patterncache._parts_of(key, original(*key)) for key in patterns}
    assert all(found is not None for found in parts.values())
    kept = PatternCache(parts, original)  # type: ignore[arg-type]
    for key in patterns:
        built, own = kept.compile(*key), original(*key)
        assert built == own and built.groupindex == own.groupindex and built.groups == own.groups
    assert not kept.missed


def _run_lacking_samples(path: Path) -> PatternCache:
    """A run that compiles the samples, fewer new patterns than are worth a write on their own, and saves."""
    kept = PatternCache({}, _original())  # type: ignore[arg-type]
    for pattern, flags in SAMPLES:
        kept.compile(pattern, flags)
    kept.save(path)
    assert not path.exists()
    return kept


def test_the_file_round_trips_and_a_damaged_one_is_ignored(tmp_path: Path) -> None:
    original = _original()
    path = tmp_path / "patterns.bin"
    kept = _run_lacking_samples(path)
    for k in range(patterncache.WORTH_WRITING):
        kept.compile(f"第{k}条", 0)
    kept.save(path)
    assert set(patterncache.read(path)) == {*SAMPLES, *((f"第{k}条", 0) for k in range(patterncache.WORTH_WRITING))}
    reread = PatternCache(patterncache.read(path), original)  # type: ignore[arg-type]
    for pattern, flags in SAMPLES:  # each code kept as its words' bytes, built again into re's own pattern
        assert type(reread.parts[pattern, flags][1]) is bytes
        built, own = reread.compile(pattern, flags), original(pattern, flags)  # type: ignore[operator]
        assert built == own and built.groupindex == own.groupindex
    assert not reread.missed
    raw = bytearray(path.read_bytes())
    raw[-1] ^= 0xFF
    path.write_bytes(bytes(raw))
    assert patterncache.read(path) == {}
    assert patterncache.read(tmp_path / "missing.bin") == {}


def test_installed_on_this_python(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(_compiler, "compile", _original())
    monkeypatch.setattr(patterncache.atexit, "register", lambda *args: None)
    assert patterncache.install()
    assert isinstance(_compiler.compile.__self__, PatternCache)
    assert patterncache.install()  # a second install keeps the first


def test_unchecked_python_keeps_re_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    original = _original()
    monkeypatch.setattr(_compiler, "compile", original)
    assert not patterncache.install(version=(3, 99))
    assert _compiler.compile is original


def test_other_parameters_keep_re_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    def compile(pattern, flags=0, debug=False):  # type: ignore[no-untyped-def]  # a changed private function
        return None

    monkeypatch.setattr(_compiler, "compile", compile)
    assert not patterncache.install()
    assert _compiler.compile is compile


def test_a_few_patterns_missed_in_two_runs_are_kept(tmp_path: Path) -> None:
    # an upgrade that adds three patterns: fewer than are worth a write in one run, kept once a second run lacks them too
    original = _original()
    path = tmp_path / "patterns.bin"
    _run_lacking_samples(path)
    PatternCache({}, original).save(path)  # a run that lacked nothing (another program) leaves the list alone
    second = PatternCache({}, original)  # type: ignore[arg-type]
    second.compile("第一条", 0)  # a pattern built for one document only: not kept until a run after lacks it too
    second.compile(*SAMPLES[0])
    second.save(path)
    assert set(patterncache.read(path)) == {SAMPLES[0]}
