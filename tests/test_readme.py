"""README.md shows what govplan really prints: every documented output marked <!-- run --> or
<!-- excerpt --> is compared with a real run (scripts/readme_outputs.py; --write regenerates them),
and the pre-commit snippet pins a commit that exists and has the hooks it names."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

README = ROOT / "README.md"


def _checker():
    """scripts/readme_outputs.py, loaded as a module (scripts/ is not a package)."""
    if "readme_outputs" not in sys.modules:
        spec = importlib.util.spec_from_file_location("readme_outputs", ROOT / "scripts" / "readme_outputs.py")
        module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
        sys.modules["readme_outputs"] = module  # its dataclass looks its module up while being defined
        spec.loader.exec_module(module)  # type: ignore[union-attr]
    return sys.modules["readme_outputs"]


def test_documented_outputs_are_what_real_runs_print() -> None:
    checker = _checker()
    readme = README.read_text(encoding="utf-8")
    kinds = [block.kind for block in checker.blocks(readme)]
    assert kinds.count("run") >= 5 and "excerpt" in kinds  # make run, extract, validate, render, review
    wrong = checker.differences(readme)
    assert not wrong, "\n\n".join(f"{block.text}\n--- a real run gives ---\n{real}" for block, real in wrong)


def test_the_comparison_tells_a_changed_count_but_not_a_timing() -> None:
    checker = _checker()
    real = "│ n2.yaml │ 简体 │ 59   │ 1.08s │\n│ n3.yaml │ 简体 │ 7    │       │\n│ n4.yaml │ 简体 │ 3    │ 0.10s │\n"
    assert checker.matches(real.replace("1.08s", "0.93s"), real)
    assert not checker.matches(real.replace("59", "58"), real)
    elided = checker.elide(real, re.compile("n3"))
    assert "│ …" in elided and "n3" not in elided and checker.matches(elided, real)
    assert not checker.matches(elided.replace("n4", "n5"), real)


@pytest.mark.skipif(not (ROOT / ".git").exists() or shutil.which("git") is None, reason="not a git checkout")
def test_the_pre_commit_snippet_pins_a_commit_that_has_the_hooks() -> None:
    readme = README.read_text(encoding="utf-8")
    snippet = readme[readme.index("repos:\n"):]
    rev = re.search(r"rev: (\S+)", snippet).group(1)  # type: ignore[union-attr]
    hooks = subprocess.run(["git", "show", f"{rev}:.pre-commit-hooks.yaml"], cwd=ROOT, capture_output=True, text=True)
    assert hooks.returncode == 0, f"rev {rev} is not a commit with .pre-commit-hooks.yaml: {hooks.stderr}"
    named = re.findall(r"- id: (\S+)", snippet[: snippet.index("```")])
    assert named and all(f"- id: {hook}" in hooks.stdout for hook in named)
