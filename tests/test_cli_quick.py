"""A plain `govplan validate` runs without typer (govplan/cli/quick.py) and prints what typer's run prints.

Each command line runs twice in a real process: as main() runs it, and with the plain reading
turned off (everything through the typer app); output and exit code must be the same bytes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from govplan.cli.quick import Invocation, read_invocation

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "validate"
VALID, UNKNOWN = str(FIXTURES / "valid.yaml"), str(FIXTURES / "unknown_field.yaml")
SEEDS = str(ROOT / "corpus" / "seeds")

PROBE = """
import sys
import govplan.cli.quick as quick
if sys.argv[1] == "typer":
    quick.plain_validate = lambda args: None
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
]


def _run(mode: str, args: list[str], lang: str) -> tuple[int, str, str]:
    env = dict(os.environ, GOVPLAN_LANG=lang)
    done = subprocess.run([sys.executable, "-c", PROBE, mode, *args], capture_output=True, text=True, env=env, timeout=300)
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize("args", COMMAND_LINES, ids=" ".join)
def test_plain_and_typer_runs_print_the_same(args: list[str]) -> None:
    for lang in ("zh", "en"):
        assert _run("plain", args, lang) == _run("typer", args, lang)


def test_plain_command_lines_are_read_as_typer_reads_them() -> None:
    read = read_invocation(["--lang", "en", "validate", "a.yaml", "--strict", "-f", "json", "--format=github",
                            "--registry", "r1.yaml", "b.yaml", "--registry=r2.yaml", "-"])
    assert read == Invocation(lang="en", paths=["a.yaml", "b.yaml", "-"], output="github", strict=True,
                              registry=[Path("r1.yaml"), Path("r2.yaml")])


@pytest.mark.parametrize("args", [
    [], ["--help"], ["validate"], ["validate", "--help"], ["--version"], ["--debug", "validate", "a.yaml"],
    ["render", "a.yaml"], ["validate", "--", "a.yaml"], ["validate", "-fjson", "a.yaml"], ["validate", "-f=json", "a.yaml"],
    ["validate", "--format", "JSON", "a.yaml"], ["validate", "--format", "--strict", "a.yaml"], ["validate", "--format"],
    ["validate", "--strict=1", "a.yaml"], ["validate", "--source", "missing-dir", "a.yaml"], ["validate", "--source", VALID, "a.yaml"],
    ["validate", "--registry=", "a.yaml"], ["--lang", "validate", "a.yaml"], ["validate", "--lang", "en", "a.yaml"],
    ["validate", "-h", "a.yaml"],
], ids=" ".join)
def test_anything_else_goes_to_typer(args: list[str]) -> None:
    assert read_invocation(args) is None
