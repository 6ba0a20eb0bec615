"""The command map main() registers from: each command under the module that registers it."""

from __future__ import annotations

import subprocess
import sys
from importlib import import_module
from pathlib import Path

import typer.main

from govplan.cli.app import COMMAND_MODULES
from govplan.cli.clitext import GovplanTyper

VALID = Path(__file__).resolve().parent / "fixtures" / "validate" / "valid.yaml"


def test_every_command_is_mapped_to_the_module_that_registers_it_in_help_order() -> None:
    registered: list[str] = []
    for module in dict.fromkeys(COMMAND_MODULES.values()):
        app = GovplanTyper()
        app.callback()(lambda: None)
        import_module(f"govplan.cli.{module}").register(app)
        names = list(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
        assert names == [name for name, owner in COMMAND_MODULES.items() if owner == module]
        registered += names
    assert registered == list(COMMAND_MODULES)


def _command_modules_imported(*args: str) -> str:
    probe = ("import sys\nfrom govplan.cli.app import main\nsys.argv = ['govplan', *sys.argv[1:]]\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\n"
             "print(sorted(m for m in sys.modules if m.endswith('_cmd')), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, timeout=120)
    return done.stderr.strip().splitlines()[-1]


def test_a_command_named_first_is_run_with_only_its_own_module_imported() -> None:
    assert _command_modules_imported("fmt", "--check", str(VALID)) == "['govplan.cli.validate_cmd']"


def test_a_plain_validate_registers_no_command_at_all() -> None:
    """govplan/cli/quick.py runs it without the typer app."""
    assert _command_modules_imported("validate", str(VALID)) == "[]"
