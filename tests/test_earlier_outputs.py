"""The specs an earlier run left for each input: found by name as a per-input listing would, with
each output folder listed once per run."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from govplan.outputs import EarlierOutputs

NAMES = ["a.yaml", "a.part-01.yaml", "a.part-1.part-2.yaml", "a.part-x.yaml", "a.json", "ab.yaml", "A.yaml",
         ".yaml", ".part-03.yaml", "a.part-01.kept.yaml", "a.kept.yaml", "b.part-٣.yaml", "b.part-02.yaml.tmp"]


def _by_pattern(out_dir: Path, base: str, fmt: str) -> list[Path]:
    """What listing the folder for this one input finds (how every input was looked up before)."""
    folder = (out_dir / base).parent
    pattern = re.compile(re.escape(Path(base).name) + r"(\.part-\d+)?\." + re.escape(fmt))
    return sorted(path for path in folder.iterdir() if pattern.fullmatch(path.name))


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_each_base_finds_what_its_own_listing_would(tmp_path: Path, fmt: str) -> None:
    for name in NAMES:
        (tmp_path / name).write_text("x", encoding="utf-8")
    bases = ["a", "a.part-01", "a.part-1", "a.part-01.kept", "a.kept", "A", "ab", "b", "c"]
    earlier = EarlierOutputs(tmp_path, fmt, bases)
    for base in bases:
        assert earlier.of(base) == _by_pattern(tmp_path, base, fmt), base


def test_a_folder_is_listed_once_for_all_its_inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "sub").mkdir()
    for k in range(50):
        (tmp_path / f"n{k}.yaml").write_text("x", encoding="utf-8")
    listed: list[str] = []
    real = os.listdir
    monkeypatch.setattr(os, "listdir", lambda path: listed.append(str(path)) or real(path))
    bases = [f"n{k}" for k in range(50)] + ["sub/n0", "sub/n1"]
    earlier = EarlierOutputs(tmp_path, "yaml", bases)
    assert [len(earlier.of(base)) for base in bases] == [1] * 50 + [0, 0]
    assert sorted(listed) == [str(tmp_path), str(tmp_path / "sub")]


def test_an_input_named_like_anothers_part_sees_what_the_run_wrote(tmp_path: Path) -> None:
    # x.txt, a compilation, writes x.part-01.yaml during the run; x.part-01.txt, read after it, must
    # find that file as a listing made when it is read would (and x must see x.part-01's spec).
    earlier = EarlierOutputs(tmp_path, "yaml", ["x", "x.part-01", "y"])
    assert earlier.of("x") == earlier.of("y") == []
    (tmp_path / "x.part-01.yaml").write_text("x", encoding="utf-8")
    assert earlier.of("x.part-01") == [tmp_path / "x.part-01.yaml"]
    assert earlier.of("x") == [tmp_path / "x.part-01.yaml"]
