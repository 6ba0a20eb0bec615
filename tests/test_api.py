"""govplan.api: the examples in docs/api.md run as written, and the CLI gives exactly what the API gives."""

from __future__ import annotations

import doctest
import importlib
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, seed

import govplan
from govplan import api


def test_the_examples_in_docs_api_md_run() -> None:
    failed, attempted = doctest.testfile(str(ROOT / "docs" / "api.md"), module_relative=False,
                                         optionflags=doctest.ELLIPSIS, raise_on_error=False)
    assert attempted > 30 and failed == 0


def test_the_package_reexports_the_api_without_importing_it() -> None:
    assert set(govplan._API) == set(api.__all__)
    loaded = subprocess.run([sys.executable, "-c", "import sys, govplan; print('govplan.api' in sys.modules)"],
                            capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "False"
    for stage in ("govplan.merge", "govplan.render.views", "govplan.validate.check"):  # modules sharing the API's names
        importlib.import_module(stage)
    assert (govplan.render, govplan.validate, govplan.merge) == (api.render, api.validate, api.merge)


def test_a_path_its_bytes_and_its_text_give_the_same_specs(tmp_path: Path) -> None:
    path = seed("001")
    by_path = govplan.extract(path)
    assert govplan.extract(str(path)) == by_path
    assert govplan.extract(path.read_bytes(), name=str(path)) == by_path
    assert govplan.extract_text(path.read_text(encoding="utf-8"), name=str(path)) == by_path
    assert sorted(tmp_path.iterdir()) == []


def test_the_cli_writes_what_the_api_gives(run_cli, tmp_path: Path) -> None:
    path = seed("002")
    done = run_cli("extract", str(path), "-o", str(tmp_path), "--format", "json")
    assert done.returncode == 0
    (spec,) = govplan.extract(path)
    assert (tmp_path / f"{path.stem}.json").read_text(encoding="utf-8") == govplan.spec_text(spec, "json")
    yaml_done = run_cli("extract", str(path), "-o", str(tmp_path))
    assert yaml_done.returncode == 0
    assert (tmp_path / f"{path.stem}.yaml").read_text(encoding="utf-8") == govplan.spec_text(spec, spec_dir=tmp_path)
    table = tmp_path / "table.csv"
    rendered = run_cli("render", str(tmp_path / f"{path.stem}.yaml"), "--as", "matrix", "-o", str(table))
    assert rendered.returncode == 0
    assert table.read_bytes() == govplan.render(govplan.extract(path), "matrix", "csv")


_VALIDATE_ONLY = """
import sys
from govplan import api
findings = api.validate_files([sys.argv[1]], strict=True)
print(len(findings), sorted(m for m in ("jieba", "opencc", "govplan.pipeline", "govplan.annotate") if m in sys.modules))
"""


def test_validating_through_the_api_loads_no_extractor_and_the_cli_reports_what_it_finds(run_cli, tmp_path: Path) -> None:
    """`govplan validate` is a layer over api.validate_files, which needs neither jieba nor OpenCC."""
    done = run_cli("extract", str(seed("001")), "-o", str(tmp_path))
    assert done.returncode == 0
    (spec,) = tmp_path.glob("*.yaml")
    text = spec.read_text(encoding="utf-8")
    spec.write_text(text.replace("role: lead", "role: 牵头", 1), encoding="utf-8")
    alone = subprocess.run([sys.executable, "-c", _VALIDATE_ONLY, str(spec)], capture_output=True, text=True, check=True)
    count, loaded = alone.stdout.split(" ", 1)
    assert int(count) >= 1 and loaded.strip() == "[]"
    findings = api.validate_files([spec])
    assert [f.code for f in findings] == [f.code for f in api.validate(spec)]
    shown = run_cli("validate", str(spec), "--format", "json")
    assert shown.returncode == 1
    assert all(f.code in shown.stdout for f in findings)
