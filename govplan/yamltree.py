"""Writing new values into a loaded YAML tree (ruamel round trip) so that its comments stay put.

A comment belongs to the mapping key or sequence item it follows; values are therefore changed
in place, keys kept in the person's order (new keys go to their model position), and list items
that survive are the same objects as before, so their comments move with them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

NODE_LISTS = ("tasks", "children")  # lists whose items are placed by the merge, never matched by position


def write_into(target: dict[str, Any], values: dict[str, Any], order: tuple[str, ...] = ()) -> None:
    """Make ``target`` hold exactly ``values``, keeping the comments of what stays.

    ``order`` is the reference key order for keys ``target`` does not have yet (default: the
    order of ``values``)."""
    for key in [key for key in target if key not in values]:
        del target[key]
    reference = order or tuple(values)
    for key, value in values.items():
        if key not in target:
            _insert(target, key, value, reference)
            continue
        current = target[key]
        if current is value:
            continue
        if isinstance(value, dict) and isinstance(current, dict):
            write_into(current, value)
        elif isinstance(value, list) and isinstance(current, list):
            target[key] = _list_into(current, value, by_position=key not in NODE_LISTS)
        elif not _same(current, value):
            target[key] = value


def _insert(target: dict[str, Any], key: str, value: Any, reference: tuple[str, ...]) -> None:
    """Put a new key before the first existing key that follows it in ``reference``."""
    later = reference[reference.index(key) + 1:] if key in reference else ()
    keys = list(target)
    position = next((keys.index(k) for k in keys if k in later), len(keys))
    if isinstance(target, CommentedMap):
        target.insert(position, key, value)
        return
    target[key] = value
    for moved in keys[position:]:
        target[moved] = target.pop(moved)


def _list_into(current: list[Any], items: list[Any], by_position: bool) -> list[Any]:
    """The new list: an item equal to (or the same object as) an old one reuses the old object; with
    ``by_position`` a changed mapping is written into the old mapping at its index."""
    unused = list(range(len(current)))
    result: list[Any] = []
    origin: dict[int, int] = {}  # new index -> old index, to carry the items' comments
    for index, item in enumerate(items):
        old = next((k for k in unused if current[k] is item or (by_position and _same(current[k], item))), None)
        if old is None and by_position and index in unused and isinstance(item, dict) and isinstance(current[index], dict):
            write_into(current[index], item)
            old = index
        if old is None:
            result.append(item)
            continue
        unused.remove(old)
        origin[index] = old
        result.append(current[old])
    if not isinstance(current, CommentedSeq):
        return result
    seq = CommentedSeq(result)
    seq.ca.comment = current.ca.comment
    seq.ca.items.update({new: current.ca.items[old] for new, old in origin.items() if old in current.ca.items})
    return seq


def _same(a: Any, b: Any) -> bool:
    """Equal as spec data: 90 and 90.0, or a loaded date and its ISO text, are the same value."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, dt.date) or isinstance(b, dt.date):
        return str(a) == str(b)
    return type(a) is type(b) and a == b or (isinstance(a, (int, float)) and isinstance(b, (int, float)) and a == b)


def comments_below(node: Any, root: bool = True) -> bool:
    """Whether a loaded tree holds a comment anywhere (the schema line at the very top aside)."""
    from govplan.spec.io import SCHEMA_MARK

    if not isinstance(node, (CommentedMap, CommentedSeq)):
        return False
    ca = node.ca
    head = [token for part in (ca.comment or []) if part for token in (part if isinstance(part, list) else [part])]
    if ca.items or getattr(ca, "end", None) or any(not (root and SCHEMA_MARK in token.value) for token in head):
        return True
    children = node.values() if isinstance(node, CommentedMap) else node
    return any(comments_below(child, False) for child in children)
