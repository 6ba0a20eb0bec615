"""govplan.scancache: kept analyses equal the ones a parse makes, a damaged file or a wrong-shaped
entry is made again and written anew, and a change to govplan/scanning.py reads a file of its own."""

from __future__ import annotations

import atexit
import re
from pathlib import Path
from typing import Any

import pytest

from govplan import scancache, scanning
from govplan.patterncache import read, write
from govplan.scanning import Analyses, analyse

SEEDS = Path(__file__).resolve().parent.parent / "corpus" / "seeds"


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """A private cache folder and analyses, scanners made anew; the saves install registers, not run at exit."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(scanning, "ANALYSES", Analyses())
    scanning.scanner.cache_clear()
    saves: list[Any] = []
    monkeypatch.setattr(atexit, "register", lambda function, *args: saves.append((function, args)))
    yield saves
    scanning.scanner.cache_clear()


def _extract_seeds() -> None:
    from govplan.pipeline import extract_specs
    from govplan.readers import read_source

    for path in sorted(SEEDS.glob("*.txt"))[:2]:
        extract_specs(read_source(path))


def _run_saves(saves: list[Any]) -> None:
    for function, args in saves:
        function(*args)
    saves.clear()


def test_kept_analyses_equal_a_parse_and_give_the_same_scanners(fresh: list[Any]) -> None:
    scancache.install("extract_cmd")
    _extract_seeds()
    made = dict(scanning.ANALYSES.made)
    assert len(made) > 10
    _run_saves(fresh)
    kept = read(scancache.cache_path("extract_cmd"))
    assert kept == made and all(analyse(*key) == value for key, value in kept.items())
    first = _scanners()
    scanning.ANALYSES = Analyses()
    scanning.scanner.cache_clear()
    scancache.install("extract_cmd")
    _extract_seeds()
    assert not scanning.ANALYSES.made  # every analysis came from the file
    assert _scanners() == first


def _scanners() -> dict[Any, scanning.Scanner]:
    """The scanners of the patterns re holds whose analyses are kept."""
    patterns = list(re._cache.values())  # type: ignore[attr-defined]
    return {pattern: scanning.scanner(pattern) for pattern in patterns
            if isinstance(pattern.pattern, str) and (pattern.pattern, pattern.flags) in scanning.ANALYSES.kept}


@pytest.mark.parametrize("damage", ["checksum", "shape"])
def test_a_damaged_file_is_made_again_and_rewritten(fresh: list[Any], damage: str) -> None:
    path = scancache.cache_path("extract_cmd")
    pattern = re.compile(r"(?<=牵头)\d{4}年")
    key = (pattern.pattern, pattern.flags)
    if damage == "checksum":
        path.write_bytes(b"\0\0\0\0not marshal")
    else:  # a well-checksummed file whose entries are not analyses (a stale format)
        write(path, {key: ("年", "年", "many", None), "key": (None, None, 1, 1)})
    scancache.install("extract_cmd")
    assert scanning.ANALYSES.kept == {}
    assert scanning.scanner(pattern).anchors is not None
    _run_saves(fresh)
    assert read(path) == {key: analyse(*key)}


def test_changed_scanning_code_reads_another_file(fresh: list[Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = scancache.cache_path("extract_cmd")
    changed = tmp_path / "scanning.py"
    changed.write_text(Path(scanning.__file__).read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    monkeypatch.setattr(scanning, "__file__", str(changed))
    assert scancache.cache_path("extract_cmd") != before
