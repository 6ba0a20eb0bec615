"""Shared test fixtures: paths to the corpus and a runner for the real CLI in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEEDS = CORPUS / "seeds"


def seed(prefix: str) -> Path:
    """The seed file whose name starts with ``prefix`` (e.g. "000")."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path


@pytest.fixture
def run_cli():
    """Run `python -m govplan ARGS` for real; returns the CompletedProcess (text mode)."""

    def run(*args: str, input: str | bytes | None = None, cwd: Path | None = None, env: dict | None = None):
        full_env = dict(os.environ)
        full_env.setdefault("GOVPLAN_LANG", "zh")
        if env:
            full_env.update(env)
        binary = isinstance(input, bytes)
        return subprocess.run(
            [sys.executable, "-m", "govplan", *args],
            input=input,
            capture_output=True,
            text=not binary,
            cwd=cwd,
            env=full_env,
            timeout=300,
        )

    return run
