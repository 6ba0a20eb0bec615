"""`govplan fmt`: specs in canonical layout, keeping comments and hand-written key order.

The layout is the one govplan writes (mapping indent 2, sequence indent 4 with the dash at 2,
no line wrapping, Chinese unescaped), produced by ruamel's round-trip mode so that comments and
the order an analyst chose survive. Formatting a formatted spec changes nothing.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from govplan.errors import GovplanError
from govplan.yamltext import describe_yaml
from govplan.spec.io import SCHEMA_MARK, schema_header

# fmt rewrites YAML only; JSON specs keep their JSON layout.
FORMAT_SUFFIXES = (".yaml", ".yml")


def _round_trip() -> YAML:
    yaml = YAML(typ="rt", pure=True)
    yaml.allow_unicode = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def format_text(text: str, name: str) -> str:
    """The canonical form of a spec text; a YAML error is a GovplanError naming the file."""
    yaml = _round_trip()
    try:
        data = yaml.load(text)
    except YAMLError as exc:
        raise GovplanError(
            f"YAML 有错误，无法格式化（用 govplan validate 查看）：{describe_yaml(exc)}",
            f"cannot format invalid YAML (see govplan validate): {describe_yaml(exc)}",
            name,
        ) from exc
    _block_style(data)
    buf = io.StringIO()
    yaml.dump(data, buf)
    out = buf.getvalue()
    spec_dir = None if name == "-" else Path(name).parent
    return out if SCHEMA_MARK in _leading_comments(out) else schema_header(spec_dir) + out


def _block_style(node: Any) -> None:
    """Flow collections ({start: 1, end: 2}) become block collections, as govplan writes them."""
    if isinstance(node, (CommentedMap, CommentedSeq)):
        node.fa.set_block_style()
        for child in node.values() if isinstance(node, CommentedMap) else node:
            _block_style(child)


def _leading_comments(text: str) -> str:
    """The comment lines before the first content line (where the schema line belongs)."""
    lines = []
    for line in text.split("\n"):
        if line.strip() and not line.lstrip().startswith("#"):
            break
        lines.append(line)
    return "\n".join(lines)
