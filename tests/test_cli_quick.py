"""A plain `govplan validate` runs without typer (govplan/cli/quick.py) and prints what typer's run prints.

Each command line runs twice in a real process: as main() runs it, and with the plain reading
turned off (everything through the typer app); output and exit code must be the same bytes.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from govplan.cli.quick import Invocation, read_invocation

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "validate"
VALID, UNKNOWN = str(FIXTURES / "valid.yaml"), str(FIXTURES / "unknown_field.yaml")
SEEDS = str(ROOT / "corpus" / "seeds")
SPEC = str(ROOT / "specs" / "000_ebfc120e504fdcdf.yaml")

PROBE = """
import sys
import govplan.cli.quick as quick
if sys.argv[1] == "typer":
    quick.plain_command = lambda args: None
sys.argv = ["govplan", *sys.argv[2:]]
from govplan.cli.app import main
main()
"""

COMMAND_LINES = [
    ["validate", VALID],
    ["validate", UNKNOWN, VALID, "--strict"],
    ["validate", "--format", "json", UNKNOWN],
    ["validate", "-f", "github", UNKNOWN],
    ["--lang", "en", "validate", "--format=json", UNKNOWN],
    ["--lang=zh", "validate", UNKNOWN],
    ["validate", "--source", SEEDS, str(ROOT / "specs" / "002_7ee8fce85c601369.yaml")],
    ["validate", "--registry", str(FIXTURES / "valid.yaml"), VALID],
    ["validate", "missing.yaml"],
    ["validate", str(FIXTURES / "syntax_error.yaml")],
    ["validate", str(FIXTURES / "not_mapping.yaml")],
    ["render", SPEC, "--as", "matrix"],
    ["--lang", "en", "render", SPEC, "--as", "tasktable", "--to", "md", "--depth", "1", "--title", "表一"],
    ["render", SPEC, "--as", "checklist", "--to=csv", "--today", "2024-07-01", "--all-sections"],
    ["render", SPEC, "--as", "matrix", "--to", "html", "--combined", "--registry", str(FIXTURES / "valid.yaml")],
    ["render", SPEC, "--as", "tasktable", "--to", "docx"],
    ["render", SPEC, "--as", "tasktable", "--today", "7月1日"],
    ["render", SPEC, "--as", "matrix", "--per-unit", "out"],
    ["render", "missing.yaml", "--as", "matrix"],
    ["render", str(FIXTURES / "unknown_field.yaml"), "--as", "matrix"],
    ["render", str(FIXTURES / "unknown_field.yaml"), "--as", "matrix", "--no-validate", "--unit", "县人社局"],
]


def _run(mode: str, args: list[str], lang: str) -> tuple[int, str, str]:
    env = dict(os.environ, GOVPLAN_LANG=lang)
    done = subprocess.run([sys.executable, "-c", PROBE, mode, *args], capture_output=True, text=True, env=env, timeout=300)
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize("args", COMMAND_LINES, ids=" ".join)
def test_plain_and_typer_runs_print_the_same(args: list[str]) -> None:
    for lang in ("zh", "en"):
        assert _run("plain", args, lang) == _run("typer", args, lang)


@pytest.mark.parametrize("args", [
    ["--as", "tasktable", "-o", "{out}/t.docx"], ["--as", "matrix", "--output={out}/m.xlsx", "--attachment", "2"],
    ["--as", "checklist", "--per-unit", "{out}/units", "--to", "md"],
], ids=" ".join)
def test_plain_and_typer_renders_write_the_same_files(args: list[str], tmp_path: Path) -> None:
    written = {}
    for mode in ("plain", "typer"):
        out = tmp_path / mode
        out.mkdir()
        code, stdout, stderr = _run(mode, ["render", SPEC, *[arg.replace("{out}", str(out)) for arg in args]], "zh")
        files = sorted(path for path in out.rglob("*") if path.is_file())
        written[mode] = (code, stdout, stderr.replace(str(out), "OUT"), [path.relative_to(out) for path in files])
        assert code == 0 and files, stderr
    assert written["plain"] == written["typer"]


SEED_TEXT = str(ROOT / "corpus" / "seeds" / "000_ebfc120e504fdcdf.txt")
SUMMARY_SECONDS = re.compile(r"\b\d+\.\d\ds\b")  # the summary's time column, the one thing two runs may differ in


@pytest.mark.parametrize("args", [
    [SEED_TEXT, "-o", "{out}"], [SEEDS, "--output={out}", "--jobs", "2", "--force", "--format", "json"],
    [SEED_TEXT, "missing.txt", "-o", "{out}", "--date", "2024-03-01", "-r", "--registry", str(FIXTURES / "valid.yaml")],
    [SEED_TEXT, "-o", "{out}", "--force", "--update"], [SEED_TEXT, "-o", "{out}", "--address", "tcp://127.0.0.1:1"],
], ids=" ".join)
def test_plain_and_typer_extracts_write_the_same_files(args: list[str], tmp_path: Path) -> None:
    written = {}
    for mode in ("plain", "typer"):
        out = tmp_path / mode
        code, stdout, stderr = _run(mode, ["extract", *[arg.replace("{out}", str(out)) for arg in args]], "en")
        files = sorted(path for path in out.rglob("*") if path.is_file()) if out.is_dir() else []
        written[mode] = (code, SUMMARY_SECONDS.sub("T", stdout), stderr.replace(str(out), "OUT"),
                         [(path.relative_to(out), path.read_bytes()) for path in files])
    assert written["plain"] == written["typer"]


def test_plain_command_lines_are_read_as_typer_reads_them() -> None:
    read = read_invocation(["--lang", "en", "validate", "a.yaml", "--strict", "-f", "json", "--format=github",
                            "--registry", "r1.yaml", "b.yaml", "--registry=r2.yaml", "-"])
    assert read == Invocation("validate", lang="en", paths=["a.yaml", "b.yaml", "-"],
                              values={"strict": True, "output": "github", "registry": ["r1.yaml", "r2.yaml"]})
    read = read_invocation(["render", "a.yaml", "--as", "matrix", "--to=md", "-o", "out.md", "--depth", "2", "--registry",
                            "r.yaml", "--no-validate", "b", "--title", "表", "--today", "2024-07-01"])
    assert read == Invocation("render", paths=["a.yaml", "b"], values={
        "view": "matrix", "to": "md", "output": "out.md", "depth": "2", "registry": ["r.yaml"], "no_validate": True,
        "title": "表", "today": "2024-07-01"})
    read = read_invocation(["extract", "a.txt", "-j", "2", "--jobs=3", "-r", "-o", "out", "--date", "2024-03-01",
                            "--format", "json", "in", "--force", "--registry", "r.yaml", "--engine", "local"])
    assert read == Invocation("extract", paths=["a.txt", "in"], values={
        "jobs": "3", "recursive": True, "output": "out", "date": "2024-03-01", "fmt": "json", "force": True,
        "registry": ["r.yaml"], "engine": "local"})


@pytest.mark.parametrize("args", [
    [], ["--help"], ["validate"], ["validate", "--help"], ["--version"], ["--debug", "validate", "a.yaml"],
    ["render", "a.yaml"], ["validate", "--", "a.yaml"], ["validate", "-fjson", "a.yaml"], ["validate", "-f=json", "a.yaml"],
    ["validate", "--format", "JSON", "a.yaml"], ["validate", "--format", "--strict", "a.yaml"], ["validate", "--format"],
    ["validate", "--strict=1", "a.yaml"], ["validate", "--source", "missing-dir", "a.yaml"], ["validate", "--source", VALID, "a.yaml"],
    ["validate", "--registry=", "a.yaml"], ["--lang", "validate", "a.yaml"], ["validate", "--lang", "en", "a.yaml"],
    ["validate", "-h", "a.yaml"], ["render", "a.yaml", "--to", "md"], ["render", "--as", "matrix"],
    ["render", "a.yaml", "--as", "Matrix"], ["render", "a.yaml", "--as", "matrix", "--depth", "0"],
    ["render", "a.yaml", "--as", "matrix", "--depth", "+1"], ["render", "a.yaml", "--as", "matrix", "--title", ""],
    ["render", "a.yaml", "--as", "matrix", "--help"], ["render", "a.yaml", "--as", "matrix", "--strict"],
    ["calendar", "a.yaml"], ["render", "a.yaml", "--as", "matrix", "-o", "-"],
    ["extract"], ["extract", "--manifest", "m.csv"], ["extract", "a.txt", "-o", "-"], ["extract", "a.txt", "--jobs", "0"],
    ["extract", "a.txt", "-j2"], ["extract", "a.txt", "--jobs", "+2"], ["extract", "a.txt", "--format", "YAML"],
    ["extract", "a.txt", "--engine", "ray"], ["extract", "a.txt", "--date", "2024-13-01"], ["extract", "a.txt", "--help"],
    ["extract", "a.txt", "--batch-size", "0"], ["extract", "a.txt", "--debug"],
], ids=" ".join)
def test_anything_else_goes_to_typer(args: list[str]) -> None:
    assert read_invocation(args) is None


@pytest.mark.parametrize(("given", "expected"), [(None, "__all__"), ("logfire", "logfire")])
def test_the_command_line_turns_pydantics_plugin_scan_off_unless_the_user_set_it(given: str | None, expected: str) -> None:
    env = {key: value for key, value in os.environ.items() if key != "PYDANTIC_DISABLE_PLUGINS"}
    if given is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = given
    code = "import os, govplan.cli.app; print(os.environ['PYDANTIC_DISABLE_PLUGINS'])"
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == expected
