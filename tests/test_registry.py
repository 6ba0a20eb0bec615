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
from govplan.registry import configured_registry_files, load_registry, registry_contents, registry_files

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
