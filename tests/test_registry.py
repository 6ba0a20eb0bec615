"""One registry for extract, validate and render: user files, the .govplan.yaml beside the specs,
and no state left behind: extracting with a user's registry changes nothing a later document sees."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from govplan.errors import GovplanError
from govplan.pipeline import ExtractOptions, extract_text
from govplan.registry import configured_registry_files, load_registry, registry_contents, registry_files, registry_for_contents

NOTICE = "一、推进工作。农综站指导各村开展工作，县人社局牵头，4月底前完成培训不少于100人。\n二、甘沟驿镇农业农村综合服务站负责统计。\n"
_EXTRACT = """
import json, sys
from govplan.pipeline import ExtractOptions, extract_text
from govplan.registry import registry_contents
options = ExtractOptions(registry_contents(sys.argv[1:]))
print(json.dumps([s.model_dump(mode="json") for s in extract_text(sys.stdin.read(), options=options)], ensure_ascii=False))
"""


def _user_registry(tmp_path: Path) -> Path:
    path = tmp_path / "my-units.yaml"
    path.write_text("甘沟驿镇农业农村综合服务站: [农综站]\n", encoding="utf-8")
    return path


def _in_process(paths: tuple[str, ...]) -> list:
    return [s.model_dump(mode="json") for s in extract_text(NOTICE, options=ExtractOptions(registry_contents(paths)))]


def _fresh_process(paths: tuple[str, ...]) -> list:
    done = subprocess.run([sys.executable, "-c", _EXTRACT, *paths], input=NOTICE, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_runs_with_different_registries_in_one_process_match_separate_processes(tmp_path: Path) -> None:
    user = (str(_user_registry(tmp_path)),)
    plain_first = _in_process(())
    with_user = _in_process(user)
    plain_after = _in_process(())
    assert plain_after == plain_first == _fresh_process(())
    assert with_user == _fresh_process(user)
    names = {u["name"]: u["canonical"] for s in with_user for t in s["tasks"] for u in t["units"]}
    assert names["农综站"] == "甘沟驿镇农业农村综合服务站"
    assert with_user != plain_first


def test_place_before_a_registered_name_is_kept_and_nothing_else(tmp_path: Path) -> None:
    registry = load_registry()
    assert registry.lookup("泰州市文明办") == "泰州市精神文明建设指导委员会办公室"
    assert registry.knows("国家发展改革委") and registry.lookup("发展改革委") == "国家发展和改革委员会"
    assert not registry.knows("加快打造数字化县人社局")  # more than a place (at most 6 characters) before it
    assert registry.lookup("市气象局") is None and registry.lookup("市国资委") is None  # local, not national bodies
    assert registry.lookup("县科工信局") is None  # 县科 is no place: a place ends with a level word
    assert load_registry().digest == registry.digest
    assert load_registry([_user_registry(tmp_path)]).digest != registry.digest


def test_config_beside_the_specs_names_registry_files(tmp_path: Path) -> None:
    specs = tmp_path / "project" / "specs" / "2024"
    specs.mkdir(parents=True)
    (tmp_path / "project" / "units").mkdir()
    user = tmp_path / "project" / "units" / "ours.yaml"
    user.write_text("某某中心: [某中心]\n", encoding="utf-8")
    (tmp_path / "project" / ".govplan.yaml").write_text("registry: [units/ours.yaml]\n", encoding="utf-8")
    assert configured_registry_files([specs]) == [user.resolve()]
    assert configured_registry_files([specs / "a.yaml"]) == [user.resolve()]
    assert registry_files([user], [specs]) == [user.resolve()]  # named twice, read once


def test_a_bad_config_is_an_error_naming_the_key(tmp_path: Path) -> None:
    (tmp_path / ".govplan.yaml").write_text("registries: [a.yaml]\n", encoding="utf-8")
    with pytest.raises(GovplanError) as info:
        configured_registry_files([tmp_path])
    assert "registries" in str(info.value) and ".govplan.yaml" in str(info.value)


def test_validate_and_render_read_the_users_registry(run_cli, tmp_path: Path) -> None:
    specs = tmp_path / "specs"
    specs.mkdir()
    spec = Path(__file__).resolve().parents[1] / "specs" / "002_7ee8fce85c601369.yaml"
    (specs / spec.name).write_bytes(spec.read_bytes())
    flagged = "单位“县巩固衔接领导小组”不在别名表中"
    assert flagged in run_cli("validate", str(specs)).stdout
    user = tmp_path / "ours.yaml"
    user.write_text("旬邑县巩固衔接领导小组: [县巩固衔接领导小组]\n", encoding="utf-8")
    assert flagged not in run_cli("validate", "--registry", str(user), str(specs)).stdout
    (tmp_path / ".govplan.yaml").write_text("registry: [ours.yaml]\n", encoding="utf-8")
    assert flagged not in run_cli("validate", str(specs)).stdout
    matrix = run_cli("render", str(specs), "--as", "matrix", "--to", "md").stdout
    assert "旬邑县巩固衔接领导小组" in matrix  # the registry's name, from the config beside the specs


def test_a_notices_own_names_leave_the_registry_it_was_made_from_as_it_was() -> None:
    """with_names (units33b): the copy knows the declared short names, behind a place too; the bundled registry does not."""
    base = load_registry()
    text = "区协调小组负责"
    assert base.match_at(text, 1) is None
    own = base.with_names(["协调小组"])
    assert own.match_at(text, 1) == 5 and own.lookup("区协调小组") == "区协调小组"
    assert base.match_at(text, 1) is None and base.lookup("协调小组") is None
    assert base.with_names([next(iter(base.canonical_of))]) is base  # nothing new: the same registry


def _longest_name_at(names: dict[str, str], text: str, pos: int, end: int | None) -> int | None:
    """The end of the longest name of ``names`` starting at ``pos`` (and ending by ``end``), found by trying every end."""
    stop = len(text) if end is None else min(end, len(text))
    return max((e for e in range(pos + 1, stop + 1) if text[pos:e] in names), default=None)


def test_the_trie_grown_as_texts_reach_its_first_characters_matches_every_name() -> None:
    """The trie under a first character is grown when a text first reaches it, in a registry and in the copies
    with_names makes (they share their original's, but for the paths of their own names): every answer is the
    longest registered name, whichever registry grew a character first."""
    from tests.conftest import SEEDS

    base = registry_for_contents((("mine.yaml", "县教育局直属学校: [县教直校]\n市教委: []\n"),))
    own = base.with_names(["教育督导组", "县教育局工作专班", "龘龘办"])
    again = own.with_names(["市教委专班", "督导组"])
    texts = [path.read_text(encoding="utf-8")[:3000] for path in sorted(SEEDS.glob("*.txt"))[:3]]
    texts += ["由县教育局直属学校和教育督导组、县教育局工作专班、市教委专班、龘龘办、督导组负责", "县教直校"]
    for registry in (again, own, base):  # a copy first: it grows what its original shares with it
        for text in texts:
            for pos in range(len(text)):
                for end in (None, pos + 3):
                    assert registry.match_at(text, pos, end) == _longest_name_at(registry.canonical_of, text, pos, end)
    assert base.match_at("教育督导组", 0) is None and own.match_at("市教委专班", 0) == 3


def test_a_built_registry_comes_back_from_the_user_cache_as_built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """registry_for_contents keeps what it builds in the user cache, named by the code, the bundled aliases.yaml
    and the user files' texts: the copy read back is the registry built (names in order, levels, national names), a
    changed user file is another entry, and a damaged entry is ignored and rewritten."""
    from govplan import registry as module

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    user = (("mine.yaml", "甘沟驿镇农业农村综合服务站: [农综站]\n"),)
    registry_for_contents.cache_clear()
    built = registry_for_contents(user)
    (entry,) = (tmp_path / "govplan").glob("registry-*.json")
    registry_for_contents.cache_clear()

    def no_build(*args: object) -> None:
        raise AssertionError("the registry was built again")

    monkeypatch.setattr(module, "_add_registry_data", no_build)
    cached = registry_for_contents(user)
    assert list(cached.canonical_of.items()) == list(built.canonical_of.items()) and cached.digest == built.digest
    assert (cached.longest, cached.levels, cached.unplaced, cached.sources) == (
        built.longest, built.levels, built.unplaced, built.sources)
    assert cached.lookup("泰州市农综站") == "泰州市甘沟驿镇农业农村综合服务站" and cached.knows("县人社局")
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    registry_for_contents.cache_clear()
    changed = registry_for_contents((("mine.yaml", "甘沟驿镇农业农村综合服务站: [农站]\n"),))
    assert changed.knows("农站") and not changed.knows("农综站")
    assert len(list((tmp_path / "govplan").glob("registry-*.json"))) == 2
    entry.write_text('{"names": ', encoding="utf-8")
    registry_for_contents.cache_clear()
    assert list(registry_for_contents(user).canonical_of.items()) == list(built.canonical_of.items())
    assert entry.read_text(encoding="utf-8").startswith('{"names": {')
    registry_for_contents.cache_clear()
