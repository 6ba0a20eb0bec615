"""Language data files are checked against their schemas when read: a broken file, bundled or a
user's, is an error naming the file, the key, its line and the problem; the grammar's references."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from govplan.datafiles import load_data_file
from govplan.errors import GovplanError
from govplan.grammar import compile_pattern, expand, piece

DATA = Path(__file__).resolve().parents[1] / "govplan" / "data"


@pytest.fixture(autouse=True)
def _own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def broken_copy(tmp_path: Path, name: str, old: str, new: str) -> Path:
    target = tmp_path / name
    shutil.copy(DATA / name, target)
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def line_of(path: Path, needle: str) -> int:
    return next(k for k, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if needle in line)


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.yaml")))
def test_every_bundled_data_file_passes_its_schema(name):
    assert load_data_file(DATA / name) is not None


def test_a_misspelled_key_is_named_with_its_line(tmp_path):
    path = broken_copy(tmp_path, "deadlines.yaml", "weak_lead_cues:", "weak_lead_cue:")
    with pytest.raises(GovplanError) as caught:
        load_data_file(path)
    message = caught.value.zh
    assert "weak_lead_cue" in message and "未知的键" in message
    assert caught.value.path == f"{path}:{line_of(path, 'weak_lead_cue:')}"


def test_a_renamed_key_is_named_with_the_key_it_should_be(tmp_path):
    path = broken_copy(tmp_path, "targets.yaml", "percent_word:", "percentage_word:")
    with pytest.raises(GovplanError) as caught:
        load_data_file(path)
    assert "percentage_word" in caught.value.zh and "“percent_word”" in caught.value.zh
    assert "did you mean 'percent_word'" in caught.value.en


def test_a_removed_key_is_reported_missing(tmp_path):
    path = broken_copy(tmp_path, "targets.yaml", "percent_word: 百分之\n", "")
    with pytest.raises(GovplanError) as caught:
        load_data_file(path)
    assert "percent_word" in caught.value.zh and "缺少" in caught.value.zh


def test_a_wrong_type_deep_inside_is_located(tmp_path):
    path = broken_copy(tmp_path, "deadlines.yaml", "  下旬: {part: late, day: last}", "  下旬: {part: latest, day: last}")
    with pytest.raises(GovplanError) as caught:
        load_data_file(path)
    assert "month_parts.下旬.part" in caught.value.zh
    assert caught.value.path == f"{path}:{line_of(path, '下旬: {part: latest')}"


def test_a_users_registry_file_is_checked_too(tmp_path):
    path = tmp_path / "my-units.yaml"
    path.write_text("prefixes: [市]\nbodies:\n  数据局: 大数据局\n", encoding="utf-8")
    with pytest.raises(GovplanError) as caught:
        load_data_file(path, "aliases")
    assert "bodies.数据局" in caught.value.zh and caught.value.path == f"{path}:3"


def test_references_expand_recursively_with_named_groups():
    pattern = compile_pattern("{calendar_date}")
    assert pattern.fullmatch("二〇二四年三月二十九日").groupdict() == {"y": "二〇二四", "m": "三", "d": "二十九"}
    assert compile_pattern("^{year:y}年$").match("2024年").group("y") == "2024"
    assert not re.search(r"\{[a-z]", piece("calendar_date"))
    assert expand("\\d{4}年") == "\\d{4}年"  # quantifiers are not references


def test_an_unknown_piece_is_an_error_naming_it():
    with pytest.raises(GovplanError) as caught:
        expand("{no_such_piece}年", "somefile.yaml")
    assert "no_such_piece" in caught.value.zh and caught.value.path == "somefile.yaml"
