"""What every fuzz target checks besides "no crash": govplan's own errors are the only allowed
failures, and outputs keep their promises (spans inside the source, lossless round trips)."""

from __future__ import annotations

import re
import sys
from typing import Any, Callable

import atheris

with atheris.instrument_imports(include=["govplan"]):
    from govplan.errors import GovplanError


def run(target: Callable[[bytes], None]) -> None:
    """Hand ``target`` to libFuzzer; uncaught exceptions and failed checks are findings."""
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()


def allowed(action: Callable[[], Any]) -> Any:
    """The action's result, or None when it refused its input with a GovplanError."""
    try:
        return action()
    except GovplanError as exc:
        assert exc.message, "a GovplanError without a message"
        return None


_COMMENT_LINE = re.compile(r"^\s*(#.*?)\s*$", re.M)


def full_line_comments(text: str) -> list[str]:
    """The comment lines of a YAML text (what a person most often writes), stripped."""
    return [match.group(1) for match in _COMMENT_LINE.finditer(text)]
