"""Where each YAML node stands in the file, kept beside the loaded data.

The full ruamel reader builds a tree of them; the fast subset reader keeps its tokens instead and finds a
node's position from them when asked (fastyaml.TokenPositions, whose locate answers as locate here does), so a
finding's field path resolves to the same line and column whichever reader loaded the file.
Scalars are stored as plain (line, column) tuples; mappings and sequences are Loc objects. Lines and columns are 1-based.
"""

from __future__ import annotations

from typing import Protocol, Union

from govplan.validate.findings import Anchor, PathItem

Position = tuple[int, int]


class Loc:
    """A mapping or sequence node: its own position and those of its entries.

    For a mapping, ``keys`` maps each key to (key line, key column, value position);
    for a sequence, ``items`` lists the item positions.
    """

    __slots__ = ("line", "col", "keys", "items")

    def __init__(
        self,
        line: int,
        col: int,
        keys: dict[object, tuple[int, int, "Node"]] | None = None,
        items: list["Node"] | None = None,
    ) -> None:
        self.line = line
        self.col = col
        self.keys = keys
        self.items = items


Node = Union[Loc, Position]


class Locating(Protocol):
    """Positions that find the node at a path themselves."""

    def locate(self, path: tuple[PathItem, ...], anchor: Anchor = "value") -> Position: ...


Positions = Union[Node, Locating]


def _position(node: Node) -> Position:
    return (node.line, node.col) if isinstance(node, Loc) else node


def locate(root: Positions, path: tuple[PathItem, ...], anchor: Anchor = "value") -> Position:
    """The position of the node at ``path``; where the path leaves the file, its nearest parent.

    ``anchor="key"`` gives the key of the last step (an unknown field), ``"parent"`` the mapping
    that holds it (a missing field).
    """
    if not isinstance(root, (Loc, tuple)):
        return root.locate(path, anchor)
    node: Node = root
    steps = path[:-1] if anchor == "parent" else path
    for depth, step in enumerate(steps):
        if not isinstance(node, Loc):
            break
        if node.keys is not None and step in node.keys:
            key_line, key_col, child = node.keys[step]
            if anchor == "key" and depth == len(steps) - 1:
                return (key_line, key_col)
            node = child
        elif node.items is not None and isinstance(step, int) and 0 <= step < len(node.items):
            node = node.items[step]
        else:
            break
    return _position(node)
