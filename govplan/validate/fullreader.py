"""The full reader of spec texts (validate/reader.py hands it every text the fast reader leaves):
ruamel's composer, whose node graph carries every position, and the data built from that graph by
hand, so that every duplicate key is reported rather than the first, and what aliases expand to is
measured before anything walks the expansion. Imported only when a text needs it, with ruamel.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from govplan.i18n import tr
from govplan.yamltext import describe_yaml
from govplan.validate.composer import GuardedComposer, NestingTooDeep
from govplan.validate.findings import Finding
from govplan.validate.guard import MAX_NESTING, YAML_LINE_BREAK, control_character
from govplan.validate.positions import Loc, Node
from govplan.validate.reader import Loaded
from govplan.validate.scalars import construct

# A spec of a long document has some tens of thousands of nodes; aliases may not blow it up
# past this (a "billion laughs" text of a few hundred bytes expands to 10^9).
MAX_EXPANDED_NODES = 200_000


class _Alias:
    """A use of an alias (*name) in the node graph, with the position of the use."""

    __slots__ = ("target", "line", "col")

    def __init__(self, target: Any, line: int, col: int) -> None:
        self.target = target
        self.line = line
        self.col = col


class _AliasMarkingComposer(GuardedComposer):
    """ruamel's composer (nesting bounded), but alias uses are wrapped so their own position is kept."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.parser.check_event(AliasEvent):
            mark = self.parser.peek_event().start_mark
            target = super().compose_node(parent, index)
            return _Alias(target, mark.line + 1, mark.column + 1)
        return super().compose_node(parent, index)


def load_full(text: str) -> Loaded:
    """Data, positions and YAML-level findings of a text the fast reader does not take."""
    bad = control_character(text)
    if bad is not None:
        return Loaded(None, (1, 1), [_control_finding(*bad)])
    yaml = YAML(typ="safe", pure=True)
    yaml.Composer = _AliasMarkingComposer
    try:
        root = yaml.compose(text)
    except NestingTooDeep as exc:
        return Loaded(None, (1, 1), [_nesting_finding(exc.problem_mark.line + 1, exc.problem_mark.column + 1)])
    except MarkedYAMLError as exc:
        return Loaded(None, (1, 1), [_syntax_finding(exc, text)])
    if root is None:
        return Loaded(None, (1, 1))
    findings: list[Finding] = []
    try:
        expanded = _expanded_size(root, {}, set())
        if expanded > MAX_EXPANDED_NODES:
            return Loaded(None, (1, 1), [_alias_finding(root, expanded)])
        data, positions = _Builder(findings).build(root, ())
    except RecursionError:  # aliases nesting nested collections into each other
        return Loaded(None, (1, 1), [_nesting_finding(1, 1)])
    return Loaded(data, positions, findings)


def _located(code: str, message: str, hint: str, line: int, column: int) -> Finding:
    """A file-level finding placed at a line and column."""
    finding = Finding(code, (), message, hint)
    finding.line, finding.column = line, column
    return finding


def _control_finding(line: int, column: int, char: str) -> Finding:
    """GP006 at a character YAML cannot carry."""
    message = tr(f"控制字符 U+{ord(char):04X}：YAML 不允许这个字符", f"control character U+{ord(char):04X}: YAML does not allow it")
    hint = tr("删除它；确需保留时在双引号字符串中写成转义（如 \\x01）", "delete it, or write it as an escape (e.g. \\x01) in a double-quoted string")
    return _located("GP006", message, hint, line, column)


def _nesting_finding(line: int, column: int) -> Finding:
    """GP007 where collections nest too deep."""
    message = tr(f"列表和映射嵌套超过 {MAX_NESTING} 层", f"lists and mappings nest more than {MAX_NESTING} levels deep")
    hint = tr("规格只需几十层嵌套：检查这里的括号和缩进", "a spec needs a few dozen levels: check the brackets and indentation here")
    return _located("GP007", message, hint, line, column)


def _syntax_finding(exc: MarkedYAMLError, text: str) -> Finding:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    lines = YAML_LINE_BREAK.split(text)
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    indent = source_line[: len(source_line) - len(source_line.lstrip(" \t"))]
    if "\t" in indent:
        return _located(
            "GP003",
            tr("这一行用制表符（Tab）缩进，YAML 只允许空格缩进", "this line is indented with a tab; YAML allows spaces only"),
            tr("把行首的 Tab 换成空格（映射缩进 2 格）", "replace the leading tab with spaces (2 per mapping level)"),
            line, indent.index("\t") + 1,
        )
    problem = describe_yaml(exc)
    return _located(
        "GP001",
        tr(f"YAML 语法错误：{problem}", f"YAML syntax error: {problem}"),
        tr("检查这一处的缩进、冒号和引号是否配对", "check the indentation, colons and quotes at this spot"),
        line, col,
    )


def _expanded_size(node: Any, memo: dict[int, int], active: set[int]) -> int:
    """How many nodes the graph has once every alias is expanded (recursion counts as infinite)."""
    if isinstance(node, _Alias):
        node = node.target
    key = id(node)
    if key in memo:
        return memo[key]
    if key in active:
        return MAX_EXPANDED_NODES + 1
    active.add(key)
    size = 1
    if isinstance(node, SequenceNode):
        for item in node.value:
            size += _expanded_size(item, memo, active)
            if size > MAX_EXPANDED_NODES:
                break
    elif isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            size += _expanded_size(key_node, memo, active) + _expanded_size(value_node, memo, active)
            if size > MAX_EXPANDED_NODES:
                break
    active.discard(key)
    memo[key] = size
    return size


def _first_alias(node: Any) -> _Alias | None:
    """The first alias use in document order (aliases are not followed)."""
    if isinstance(node, _Alias):
        return node
    children: list[Any] = []
    if isinstance(node, SequenceNode):
        children = node.value
    elif isinstance(node, MappingNode):
        children = [part for pair in node.value for part in pair]
    for child in children:
        found = _first_alias(child)
        if found is not None:
            return found
    return None


def _alias_finding(root: Any, expanded: int) -> Finding:
    alias = _first_alias(root)
    return _located(
        "GP004",
        tr(
            f"别名（*名称）展开后超过 {MAX_EXPANDED_NODES} 个节点，文件被拒绝读取",
            f"aliases (*name) expand to more than {MAX_EXPANDED_NODES} nodes; the file is refused",
        ),
        tr("规格中不需要锚点和别名：把引用处写成完整内容", "specs need no anchors or aliases: write the content out"),
        *((alias.line, alias.col) if alias else (1, 1)),
    )


class _Builder:
    """Builds plain data and positions from a composed node graph, reporting duplicate keys."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings

    def build(self, node: Any, path: tuple[Any, ...]) -> tuple[Any, Node]:
        if isinstance(node, _Alias):
            return self.build(node.target, path)[0], (node.line, node.col)
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        if isinstance(node, MappingNode) and node.value:
            return self._mapping(node, path, line, col)
        if isinstance(node, SequenceNode) and node.value:
            data: list[Any] = []
            items: list[Node] = []
            for index, item in enumerate(node.value):
                value, where = self.build(item, path + (index,))
                data.append(value)
                items.append(where)
            return data, Loc(line, col, items=items)
        if isinstance(node, (MappingNode, SequenceNode)):  # [] and {}: nothing inside to locate
            return ({} if isinstance(node, MappingNode) else []), (line, col)
        return construct(str(node.tag), node.value), (line, col)

    def _mapping(self, node: MappingNode, path: tuple[Any, ...], line: int, col: int) -> tuple[dict[Any, Any], Loc]:
        data: dict[Any, Any] = {}
        keys: dict[object, tuple[int, int, Node]] = {}
        for key_node, value_node in node.value:
            key_line, key_col = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            key, _ = self.build(key_node, path)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                key = str(key)
            value, where = self.build(value_node, path + (key,))
            if _is_empty(value_node):
                where = (key_line, key_col)
            if key in data:
                self._duplicate(path + (key,), keys[key], key_line, key_col)
                continue
            data[key] = value
            keys[key] = (key_line, key_col, where)
        return data, Loc(line, col, keys=keys)

    def _duplicate(self, path: tuple[Any, ...], first: tuple[int, int, Node], line: int, col: int) -> None:
        finding = Finding(
            "GP002",
            path,
            tr(f"键“{path[-1]}”重复，第一次出现在第 {first[0]} 行", f"key '{path[-1]}' repeats; first at line {first[0]}"),
            tr("删除重复的一项或合并两处内容（这里读取的是第一项）", "delete or merge the repeated entry (the first one is used)"),
        )
        finding.line, finding.column = line, col
        self.findings.append(finding)


def _is_empty(node: Any) -> bool:
    """An empty value (`key:` with nothing after it) is placed at its key, as the fast reader does."""
    return isinstance(node, ScalarNode) and node.style is None and node.value == ""
