"""The markers a browser shows before the items of a web page's numbered lists (<ol>/<li>): 1. 2. 3.,
a. b., 一、 二、 as the list's type or list-style-type asks, from its start and each item's value, so a
list of tasks reads as typed (1.加强组织领导). A <ul>'s bullets, like Word's, name no place and show
nothing; a reversed list is counted upward as any other (its markers are not computed)."""

from __future__ import annotations

import re
from typing import Any

from govplan.readers.list_numbers import html_number, html_suffix, is_html_style

_STYLE = re.compile(r"list-style(?:-type)?\s*:\s*([^;]+)", re.I)
_INTEGER = re.compile(r"([+-]?)(\d+)")  # as browsers read start and value (blanks stripped): leading digits, the rest ignored
_LIMIT = 2**31 - 1  # browsers keep list numbers in a signed 32-bit integer


class ListMarkers:
    """Counts each <ol>'s items in document order and gives each <li> the marker a browser shows."""

    def __init__(self) -> None:
        self._last: dict[Any, int] = {}  # <ol> element → the number of its last item

    def marker(self, item: Any) -> str:
        """The marker before ``item`` (an <li>), "" where its list is not an <ol> or writes no number."""
        parent = item.getparent()
        if parent is None or parent.tag != "ol":
            return ""
        value = _integer(item.get("value"))
        if value is None:
            start = _integer(parent.get("start"))
            value = self._last[parent] + 1 if parent in self._last else (1 if start is None else start)
        self._last[parent] = value
        style = _list_style(item) or _list_style(parent) or parent.get("type") or "decimal"
        number = html_number(value, style)
        return number + html_suffix(style) if number else ""


def _integer(raw: str | None) -> int | None:
    """A start or value attribute as a browser reads it: its leading integer, clamped to 32 bits."""
    match = _INTEGER.match(raw.strip()) if raw else None
    if match is None:
        return None
    sign, digits = match.groups()
    value = _LIMIT if len(digits) > 10 else min(int(digits), _LIMIT)
    return -value if sign == "-" else value


def _list_style(element: Any) -> str | None:
    """The list-style-type an element's style attribute sets (by list-style-type or among the words of
    list-style), or None."""
    match = _STYLE.search(element.get("style") or "")
    words = match.group(1).strip().lower().split() if match else []
    return next((word for word in words if is_html_style(word)), None)
