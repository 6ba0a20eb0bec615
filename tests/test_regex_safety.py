"""No regex backtracks catastrophically: each one runs over 100k-character adversarial inputs.

The regexes are gathered three ways, so new ones are checked without editing this file:
every pattern govplan compiles while it extracts the seeds (recorded by wrapping the `re`
functions in a fresh interpreter, so no pattern an earlier test compiled and cached escapes the
recording, whatever order the suite runs in), every `…pattern…` value of the
data files, and every literal pattern passed to `re.*` in govplan's source. There are no timing
assertions: each run is under `signal.alarm`, which only a backtracking blow-up reaches.
"""

from __future__ import annotations

import ast
import json
import random
import re
import signal
import subprocess
import sys
from pathlib import Path
from types import FrameType
from typing import Any, Callable, Iterator

import pytest

import govplan
from govplan.datafiles import load_data
from govplan.pipeline import extract_specs
from govplan.readers import decode_bytes, read_source
from tests.conftest import SEEDS

PACKAGE = Path(govplan.__file__).parent
ROOT = Path(__file__).resolve().parent.parent
ADVERSARIAL_CHARS = 100_000
# Generous: a linear scan of 100k characters takes well under 0.1 s here. A quadratic one (a
# starred run before a literal that is missing) takes ~20 s and an exponential one never ends.
ALARM_SECONDS = 10
RE_FUNCTIONS = ("compile", "search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")
REGEX_META = set("()[]{}?*+|^$\\.-<>=!:")
CLASS_SAMPLES = " 1a加\n\t：。"  # stand-ins for \s, \d, \w, CJK ranges, line breaks and punctuation

Pattern = tuple[str, int]  # (source, flags)


def record_compiled(monkeypatch: pytest.MonkeyPatch, run: Callable[[], None]) -> set[Pattern]:
    """Patterns that govplan code passes to the `re` functions while ``run`` runs."""
    seen: set[Pattern] = set()

    def wrap(original: Callable[..., Any]) -> Callable[..., Any]:
        def recording(pattern: Any, *args: Any, **kwargs: Any) -> Any:
            if sys._getframe(1).f_code.co_filename.startswith(str(PACKAGE)):
                seen.add(_as_pattern(original.__name__, pattern, args, kwargs))
            return original(pattern, *args, **kwargs)

        return recording

    for name in RE_FUNCTIONS:
        monkeypatch.setattr(re, name, wrap(getattr(re, name)))
    run()
    return seen


def harvest() -> list[Pattern]:
    """The patterns compiled while the seeds and a web page are extracted (run by
    ``compiled_in_fresh_process`` in a new interpreter, whose caches are empty)."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        return sorted(record_compiled(monkeypatch, extract_seeds_and_a_web_page))


def compiled_in_fresh_process() -> set[Pattern]:
    """``harvest`` in a new interpreter: in this one, patterns that earlier tests compiled sit in
    caches (module tables, memos) that would never reach ``re`` again, so they would go unchecked."""
    code = "import json, sys; from tests.test_regex_safety import harvest; json.dump(harvest(), sys.stdout)"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return {(source, flags) for source, flags in json.loads(done.stdout)}


def _as_pattern(function: str, pattern: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Pattern:
    """(source, flags) of a call's pattern argument; flags as passed to re.compile or by keyword."""
    if isinstance(pattern, re.Pattern):
        return pattern.pattern, pattern.flags & ~re.UNICODE
    flags = args[0] if function == "compile" and args else kwargs.get("flags", 0)
    return pattern, int(flags)


def extract_seeds_and_a_web_page() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        extract_specs(read_source(path))
    body = "".join(f"<p>{line}</p>" for line in next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8").splitlines())
    page = f"<html><body><div class='nav'>首页</div><div class='article'>{body}</div></body></html>"
    extract_specs(decode_bytes("page.html", page.encode("utf-8"), "html"))


def data_file_patterns() -> set[Pattern]:
    """Values of every key naming a pattern in govplan/data/*.yaml."""
    found: set[Pattern] = set()

    def visit(value: Any, key: str = "") -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                visit(v, str(k))
        elif isinstance(value, list):
            for item in value:
                visit(item, key)
        elif isinstance(value, str) and "pattern" in key:
            found.add((value, 0))

    for path in sorted((PACKAGE / "data").glob("*.yaml")):
        visit(load_data(path.name))
    return found


def literal_source_patterns(root: Path = PACKAGE) -> set[Pattern]:
    """String literals passed as the pattern of `re.<function>(…)` in every .py file under ``root``."""
    found: set[Pattern] = set()
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in RE_FUNCTIONS
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
            ):
                flags = node.args[-1] if node.func.attr == "compile" and len(node.args) > 1 else None
                found.add((node.args[0].value, _literal_flags(flags)))
    return found


def _literal_flags(node: ast.expr | None) -> int:
    """re.I / re.M / re.S written as the flags argument (others are not used on document text)."""
    names = {"I": re.I, "IGNORECASE": re.I, "M": re.M, "MULTILINE": re.M, "S": re.S, "DOTALL": re.S}
    if isinstance(node, ast.Attribute):
        return int(names.get(node.attr, 0))
    if isinstance(node, ast.BinOp):
        return _literal_flags(node.left) | _literal_flags(node.right)
    return 0


def adversarial_inputs(source: str) -> Iterator[tuple[str, str]]:
    """(label, text) inputs of ~100k characters built from what the pattern itself looks for:
    long runs of each of its characters, all of them cycled, and a random soup of them."""
    alphabet = sorted({ch for ch in source if ch not in REGEX_META} | set(CLASS_SAMPLES))
    rng = random.Random(source.encode("utf-8", "surrogatepass"))  # some patterns name lone surrogates
    for ch in rng.sample(alphabet, min(6, len(alphabet))):
        yield f"run of {ch!r}", ch * ADVERSARIAL_CHARS + "\x00"
    cycle = "".join(alphabet)
    yield "cycle", (cycle * (ADVERSARIAL_CHARS // len(cycle) + 1))[:ADVERSARIAL_CHARS]
    yield "soup", "".join(rng.choices(alphabet, k=ADVERSARIAL_CHARS))


class Hang(Exception):
    """A regex run outlived the alarm."""


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise Hang


def finishes(pattern: re.Pattern[str], text: str, seconds: int = ALARM_SECONDS) -> bool:
    """Whether scanning ``text`` (every match, and a match at the start) ends before the alarm."""
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.alarm(seconds)
    try:
        for _ in pattern.finditer(text):
            pass
        pattern.match(text)
        return True
    except Hang:
        return False
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def all_patterns() -> set[Pattern]:
    return compiled_in_fresh_process() | data_file_patterns() | literal_source_patterns()


def test_the_harvest_finds_the_pipeline_patterns(all_patterns: set[Pattern]) -> None:
    """The three sources really see govplan's patterns (a broken harvest would pass vacuously)."""
    sources = {source for source, _ in all_patterns}
    numbering_styles = {style["pattern"] for style in load_data("numbering.yaml")["line_styles"]}
    assert numbering_styles <= sources
    assert any("季度" in source and "月" in source for source in sources)  # deadline patterns, built from data
    assert any("牵头" in source for source in sources)  # unit label lines, built from data
    assert load_data("compilation.yaml")["group_entry_pattern"] in sources  # a data-file pattern


def test_literal_patterns_are_found_in_source(tmp_path: Path) -> None:
    (tmp_path / "module.py").write_text(
        "import re\n_A = re.compile(r'\\d+年', re.M | re.I)\ndef f(t):\n    return re.sub(r'\\s{2,}', ' ', t), re.split(x, t)\n",
        encoding="utf-8",
    )
    assert literal_source_patterns(tmp_path) == {(r"\d+年", re.M | re.I), (r"\s{2,}", 0)}


def test_no_regex_backtracks_catastrophically(all_patterns: set[Pattern]) -> None:
    hangs = []
    for source, flags in sorted(all_patterns):
        pattern = re.compile(source, flags)
        stuck = next((label for label, text in adversarial_inputs(source) if not finishes(pattern, text)), None)
        if stuck:
            hangs.append(f"{source!r} on {stuck}")
    assert not hangs, "super-linear backtracking on 100k characters:\n" + "\n".join(hangs)


def test_the_alarm_does_catch_a_catastrophic_pattern() -> None:
    """The guard itself works: a textbook exponential pattern is stopped, not waited for."""
    assert not finishes(re.compile(r"(a+)+$"), "a" * 40 + "!", seconds=1)
