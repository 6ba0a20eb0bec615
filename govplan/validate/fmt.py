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
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import MappingStartEvent, ScalarEvent, SequenceStartEvent
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.scalarstring import PlainScalarString

from govplan.errors import Both, Errors, GovplanError
from govplan.yamltext import describe_yaml
from govplan.spec.io import SCHEMA_MARK, schema_header
from govplan.validate.composer import GuardedComposer
from govplan.validate.guard import control_character

# fmt rewrites YAML only; JSON specs keep their JSON layout.
FORMAT_SUFFIXES = (".yaml", ".yml")
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
SCALAR_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp"))


class _Constructor(RoundTripConstructor):
    """Round-trip constructor that keeps a date that does not exist (2024-13-45) as written:
    fmt only lays text out, judging values is validate's job."""

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        try:
            return super().construct_yaml_timestamp(node, values)
        except ValueError:
            return PlainScalarString(node.value)


_Constructor.add_constructor(_TIMESTAMP, _Constructor.construct_yaml_timestamp)


class _Composer(GuardedComposer):
    """Nesting bounded, keys must be scalars (ruamel cannot hash a list or map as a key) and lists
    and maps carry no tag (ruamel drops the comments above a tagged one); no spec needs either."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.parser.peek_event()
        if isinstance(event, (SequenceStartEvent, MappingStartEvent)) and event.ctag is not None:
            raise MarkedYAMLError(None, None, f"a tag ({event.ctag}) on a list or mapping (specs need none)", event.start_mark)
        if isinstance(event, ScalarEvent) and event.ctag is not None and str(event.ctag) not in SCALAR_TAGS:
            # ruamel rewrites an unknown tag differently on every run (!!!!x, then !!!x …)
            raise MarkedYAMLError(None, None, f"an unknown tag ({event.ctag}) (specs need none)", event.start_mark)
        return super().compose_node(parent, index)

    def compose_mapping_node(self, anchor: Any) -> Any:
        node = super().compose_mapping_node(anchor)
        for key, _ in node.value:
            if not isinstance(key, ScalarNode):
                raise MarkedYAMLError(None, None, "a list or mapping used as a key (specs have text keys only)", key.start_mark)
        return node


def round_trip_yaml() -> YAML:
    """ruamel's round-trip reader and writer in govplan's layout, with the guards of validate."""
    yaml = YAML(typ="rt", pure=True)
    yaml.Composer = _Composer
    yaml.Constructor = _Constructor
    yaml.allow_unicode = True
    yaml.width = 1 << 30  # never fold a line: extract writes every scalar on one line
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def format_text(text: str, name: str) -> str:
    """The canonical form of a spec text; a YAML error is a GovplanError naming the file and place."""
    yaml = round_trip_yaml()
    data = load_round_trip(text, name, yaml)
    if not isinstance(data, CommentedMap):  # a spec is a mapping; around a lone scalar or some lists ruamel drops comments
        raise GovplanError(Errors.E302, name)
    return dump_tree(data, yaml, schema_header(None if name == "-" else Path(name).parent))


def load_round_trip(text: str, name: str, yaml: YAML) -> Any:
    """A spec text as a round-trip tree (comments kept), or a GovplanError naming the file and place:
    a control character, a YAML error, or an internal failure of ruamel's comment handling (it
    asserts on some comment layouts, found by fuzzing)."""
    bad = control_character(text)
    if bad is not None:
        line, column, char = bad
        raise _unreadable(name, f"{line}:{column}: ", Both(f"控制字符 U+{ord(char):04X}", f"control character U+{ord(char):04X}"))
    try:
        return yaml.load(text)
    except YAMLError as exc:
        raise _unreadable(name, _where(exc), describe_yaml(exc)) from exc
    except Exception as exc:  # noqa: BLE001 - a library failure on hostile text is this file's problem
        raise _unreadable(name, "", Both(f"YAML 读取器无法处理这里的写法（{exc!r}）", f"the YAML reader cannot handle this layout ({exc!r})")) from exc


def _unreadable(name: str, where: str, problem: str | Both) -> GovplanError:
    return GovplanError(Errors.E301, name, where=where, problem=problem)


def dump_tree(data: Any, yaml: YAML, schema_line: str) -> str:
    """A loaded (and possibly changed) tree as text in canonical layout, starting with ``schema_line``
    unless it has a schema line of its own."""
    _block_style(data, set())
    buf = io.StringIO()
    yaml.dump(data, buf)
    out = buf.getvalue()
    return out if SCHEMA_MARK in _leading_comments(out) else schema_line + out


def _where(exc: YAMLError) -> str:
    """"L:C: " (1-based line and column) of a located YAML error, else nothing."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return f"{mark.line + 1}:{mark.column + 1}: " if mark is not None else ""


def _block_style(node: Any, seen: set[int]) -> None:
    """Flow collections ({start: 1, end: 2}) become block collections, as govplan writes them.

    Each collection is visited once however many aliases share it (an alias bomb is walked in
    linear time). The comment after a flow item (``- {…}  # c``) moves to the item's first line,
    where the block layout keeps it, so formatting twice gives the same text."""
    if not isinstance(node, (CommentedMap, CommentedSeq)) or id(node) in seen:
        return
    seen.add(id(node))
    node.fa.set_block_style()
    if isinstance(node, CommentedSeq):
        for index, item in enumerate(node):
            _move_item_comment(node, index, item)
            _block_style(item, seen)
    else:
        for child in node.values():
            _block_style(child, seen)


def _move_item_comment(seq: CommentedSeq, index: int, item: Any) -> None:
    """The end-of-line comment of a flow mapping item, put after the mapping's first key."""
    comment = seq.ca.items.get(index)
    if not isinstance(item, CommentedMap) or not item or not comment or comment[0] is None:
        return
    first = next(iter(item))
    slot = item.ca.items.setdefault(first, [None, None, None, None])
    if slot[2] is None:
        slot[2] = comment[0]
        comment[0] = None


def _leading_comments(text: str) -> str:
    """The comment lines before the first content line (where the schema line belongs)."""
    lines = []
    for line in text.split("\n"):
        if line.strip() and not line.lstrip().startswith("#"):
            break
        lines.append(line)
    return "\n".join(lines)
