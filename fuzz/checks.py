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


_COMMENT_LINE = re.compile(r"^\s*(#.*?)\s*$")


def full_line_comments(text: str) -> list[str]:
    """The comment lines of a YAML text (what a person most often writes), stripped; a line
    inside a multi-line scalar that happens to start with # is text, not a comment."""
    from ruamel.yaml import YAML  # imported here, after the target imported ruamel instrumented
    from ruamel.yaml.nodes import CollectionNode

    from govplan.validate.guard import YAML_LINE_BREAK

    inside: set[int] = set()
    seen: set[int] = set()  # an alias shares its anchor's node: walk each once (alias bombs)
    stack = [YAML(typ="safe", pure=True).compose(text)]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, CollectionNode):
            stack.extend(part for item in node.value for part in (item if isinstance(item, tuple) else (item,)))
        elif node is not None and node.end_mark.line > node.start_mark.line:
            inside.update(range(node.start_mark.line + 1, node.end_mark.line + 1))
    lines = YAML_LINE_BREAK.split(text)  # a lone CR ends a comment too
    return [m.group(1) for k, line in enumerate(lines) if k not in inside and (m := _COMMENT_LINE.match(line))]


def same_data(a: Any, b: Any, _equal: set[tuple[int, int]] | None = None) -> bool:
    """Whether two loaded YAML values are equal, each pair of shared containers compared once (an
    alias bomb loads as a few lists referenced a billion times; == would walk every path)."""
    equal = set() if _equal is None else _equal
    if isinstance(a, (list, dict)) and type(a) is type(b):
        key = (id(a), id(b))
        if key in equal:
            return True
        if len(a) != len(b):
            return False
        if isinstance(a, dict):
            if a.keys() != b.keys() or not all(same_data(a[k], b[k], equal) for k in a):
                return False
        elif not all(same_data(x, y, equal) for x, y in zip(a, b)):
            return False
        equal.add(key)
        return True
    return type(a) is type(b) and a == b
