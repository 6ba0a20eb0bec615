"""govplan.firstchars: start sets found through lookarounds, repeats and branches leave every match as it is
(govplan's patterns on notices, random patterns on random texts), hold the characters each opening allows,
and a Python the wrapper was not checked against keeps re as it is."""

from __future__ import annotations

import re
from contextlib import contextmanager
from pathlib import Path
from re import _compiler, _constants, _parser
from typing import Any, Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govplan import firstchars
from govplan.patterncache import PatternCache

SEEDS = Path(__file__).resolve().parent.parent / "corpus" / "seeds"
Found = list[tuple[tuple[int, int], tuple[Any, ...]]]


def _res_compile() -> Any:
    """re's own compile, under the pattern cache when one is installed (a kept pattern's code would not be rebuilt)."""
    compile_ = _compiler.compile
    return compile_.__self__.original if isinstance(getattr(compile_, "__self__", None), PatternCache) else compile_


@contextmanager
def _start_sets(widened: bool) -> Iterator[None]:
    """re's charset prefix as it comes (False) or with firstchars' start sets (True), for the block's compiles."""
    before = _compiler._get_charset_prefix
    res_own = getattr(before, "__wrapped__", before)
    _compiler._get_charset_prefix = firstchars.widening(res_own) if widened else res_own
    try:
        yield
    finally:
        _compiler._get_charset_prefix = before


def _compiled(pattern: str, flags: int, widened: bool) -> re.Pattern[str]:
    """``pattern`` compiled afresh (no re cache, no pattern cache) with or without the start sets."""
    with _start_sets(widened):
        return _res_compile()(pattern, flags)


def _found(compiled: re.Pattern[str], text: str) -> Found:
    """Every match's span and groups, scanning ``text`` from the start and from a few positions further in."""
    found: Found = [(m.span(), m.groups()) for m in compiled.finditer(text)]
    for pos in (1, len(text) // 2):
        found += [(m.span(), m.groups()) for m in compiled.finditer(text, pos)]
        hit = compiled.search(text, pos)
        found.append(((-1, -1), ()) if hit is None else (hit.span(), hit.groups()))
    return found


def _govplan_patterns() -> list[tuple[str, int]]:
    """Every str pattern re has compiled and cached after extracting a few seeds (govplan's and its libraries')."""
    from govplan.pipeline import extract_specs
    from govplan.readers import read_source

    for path in sorted(SEEDS.glob("*.txt"))[:5]:
        extract_specs(read_source(path))
    return [(key[1], key[2]) for key in re._cache if isinstance(key[1], str)]  # type: ignore[attr-defined]


def test_installed_on_this_python(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_compiler, "_get_charset_prefix", _compiler._get_charset_prefix)  # restored after: later tests see re as it was
    assert firstchars.install() and firstchars.installed()
    assert firstchars.install()  # a second install leaves the one wrapper
    assert getattr(_compiler._get_charset_prefix.__wrapped__, "__wrapped__", None) is None


def test_govplan_patterns_find_the_same_matches() -> None:
    patterns = _govplan_patterns()
    assert len(patterns) > 100
    texts = [path.read_text(encoding="utf-8")[:6000] for path in sorted(SEEDS.glob("*.txt"))[:3]]
    texts.append("（一）2024年3月底前，市发展改革委牵头，各区配合。\n二、到2025年，覆盖率达到95%以上。")
    widened = 0
    for pattern, flags in patterns:
        own, wide = _compiled(pattern, flags, False), _compiled(pattern, flags, True)
        widened += own != wide
        for text in texts:
            assert _found(wide, text) == _found(own, text), pattern
    assert widened > 100  # most of govplan's patterns open with a lookaround, a repeat or a branch


def _members(items: list[tuple[Any, Any]] | None, probe: str) -> str:
    """The characters of ``probe`` that re's class ``items`` holds (literals, ranges, digits, negation)."""
    assert items is not None
    def holds(char: str) -> bool:
        inside = False
        for op, av in items:
            if op is _constants.LITERAL:
                inside = inside or ord(char) == av
            elif op is _constants.RANGE:
                inside = inside or av[0] <= ord(char) <= av[1]
            elif op is _constants.CATEGORY:
                assert av is _constants.CATEGORY_DIGIT
                inside = inside or char.isdigit()
        negated = any(op is _constants.NEGATE for op, _ in items)
        return inside != negated
    return "".join(char for char in probe if holds(char))


PROBE = "0123456789.每按年一二三、（(）)第个a "
# Hand cases, one or more of each opening: the pattern and the probe characters a match can start with.
OPENINGS = [
    (r"(?<![\d.])\d{4}年", "0123456789"),  # a negative lookbehind is skipped, a repeat with min 1 gives its item
    (r"(?<=第)[一二三]个", "一二三"),  # a positive lookbehind
    (r"(?!二)[一二三]、", "一二三"),  # a negative lookahead is skipped, not subtracted
    (r"(?=[一二])[一二三]、", "一二三"),  # a positive lookahead is skipped, not intersected
    (r"(?:每|按)年", "每按"),  # a branch of literals re folds into a class (re's own answer stands)
    (r"(?:每年|按\d+个)", "每按"),  # a branch re gives up on
    (r"[一二三]+、", "一二三"),
    (r"[（(]?[一二三]+[）)]", "（(一二三"),  # an optional item adds what follows
    (r"\d*\.?\d+年", "0123456789."),  # two optional items
    (r"(?:第)?[一二三]{0,2}个", "第一二三个"),
    (r"(?>a|年)+", "a年"),  # an atomic group
    (r"(?m)(?:^|、)\d", "、0123456789"),  # a line start inside a branch is skipped
    (r"(?:x|\b)年", "年"),  # so is a word boundary
    (r"(?:(?<!\d)|第)[^\d]", "第"),  # a negated class joined to another gives up: checked below
]


@pytest.mark.parametrize(("pattern", "starts"), OPENINGS[:-1])
def test_each_opening_gives_the_characters_a_match_can_start_with(pattern: str, starts: str) -> None:
    parsed = _parser.parse(pattern, 0)
    with _start_sets(True):
        items = _compiler._get_charset_prefix(parsed, parsed.state.flags)
    assert _members(items, PROBE) == "".join(char for char in PROBE if char in starts)


@pytest.mark.parametrize("pattern", [
    r"(?:(?<!\d)|第)[^\d]", r"^[一二三]+、", r"\A\d{4}", r"(?i)(?<!a)b", r"(?i:b)?c", r"a?", r"(?<!a)b?",
    r"(?:a|)b?", r".a", r"(a)?\1b", r"(a)?(?(1)c|d)", r"[^a]?b",
])
def test_what_is_not_understood_keeps_res_answer(pattern: str) -> None:
    parsed = _parser.parse(pattern, 0)
    assert firstchars.first_characters(parsed, parsed.state.flags) is None


def test_a_negated_class_alone_is_kept() -> None:
    parsed = _parser.parse(r"(?<!a)[^ab]+c", 0)
    assert _members(firstchars.first_characters(parsed, 0), "abcd一") == "cd一"


# Random patterns over a small alphabet, with every opening the start sets read and some they give up on.
ATOMS = st.sampled_from([
    "a", "b", "年", "一", r"\d", "[ab]", "[^a]", "[一二]", ".", r"\s", "[0-9年]", r"[^\d]",
    "(?<!a)", "(?<=b)", "(?=a)", "(?!b)", "(?<![\\d.])", "^", "$", r"\b", r"\A",
])


def _combine(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Patterns built from smaller ones: sequences, branches, groups, repeats of every kind."""
    return st.one_of(
        st.lists(children, min_size=2, max_size=3).map("".join),
        st.lists(children, min_size=2, max_size=3).map(lambda parts: "(?:" + "|".join(parts) + ")"),
        children.map(lambda part: f"({part})"),
        children.map(lambda part: f"(?>{part})"),
        st.tuples(children, st.sampled_from(["*", "+", "?", "{2}", "{0,2}", "{1,3}", "*?", "+?", "??", "*+", "{0}"]))
        .map(lambda pair: f"(?:{pair[0]}){pair[1]}"),
    )


PATTERNS = st.recursive(ATOMS, _combine, max_leaves=8)
TEXTS = st.text(alphabet="ab年一二1 \n.", max_size=30)
FLAGS = st.sampled_from([0, re.MULTILINE, re.ASCII, re.IGNORECASE, re.DOTALL])


@settings(max_examples=800, deadline=None)
@given(PATTERNS, st.lists(TEXTS, min_size=1, max_size=4), FLAGS)
def test_random_patterns_find_the_same_matches(pattern: str, texts: list[str], flags: int) -> None:
    try:
        own = _compiled(pattern, flags, False)
    except re.error:
        return
    wide = _compiled(pattern, flags, True)
    for text in texts:
        assert _found(wide, text) == _found(own, text)


def test_unchecked_python_keeps_re_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    res_own = getattr(_compiler._get_charset_prefix, "__wrapped__", _compiler._get_charset_prefix)
    monkeypatch.setattr(_compiler, "_get_charset_prefix", res_own)
    assert not firstchars.install(version=(3, 99))
    assert _compiler._get_charset_prefix is res_own and not firstchars.installed()


def test_other_parameters_keep_re_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    def get_charset_prefix(pattern, flags, extra=None):  # type: ignore[no-untyped-def]  # a changed private function
        return None

    monkeypatch.setattr(_compiler, "_get_charset_prefix", get_charset_prefix)
    assert not firstchars.install()
    assert _compiler._get_charset_prefix is get_charset_prefix


def test_the_pattern_cache_names_its_file_by_the_start_sets(monkeypatch: pytest.MonkeyPatch) -> None:
    from govplan import patterncache

    monkeypatch.setattr(_compiler, "_get_charset_prefix", _compiler._get_charset_prefix)  # restored after
    firstchars.install()
    widened = patterncache.cache_path("extract_cmd")
    monkeypatch.setattr(_compiler, "_get_charset_prefix", _compiler._get_charset_prefix.__wrapped__)
    assert patterncache.cache_path("extract_cmd") != widened


@pytest.mark.parametrize("pattern", [rb"(?<![\d.])\d{2}b", rb"(?:x|y)?\w+;", rb"[^a]*b", rb"(?m)(?:^|,)\s*(\d+)"])
def test_bytes_patterns_find_the_same_matches(pattern: bytes) -> None:
    text = b"ab12b;x3;\n, 45b y.67b\xff,8"
    with _start_sets(False):
        own = _res_compile()(pattern, 0)
    with _start_sets(True):
        wide = _res_compile()(pattern, 0)
    assert [m.span() for m in wide.finditer(text)] == [m.span() for m in own.finditer(text)]
