"""A spec value as a message shows it to a person: never a Python repr ({'text': …, 'span': …})."""

from __future__ import annotations

from typing import Any

from govplan.i18n import tr

MAX_CHARS = 120  # a longer value is cut with …


def show_value(value: Any) -> str:
    """Text quoted, an item by its verbatim text (and its date or value), a list item by item."""
    text = _shown(value)
    return text if len(text) <= MAX_CHARS else text[: MAX_CHARS - 1] + "…"


def _shown(value: Any) -> str:
    if value is None or value == [] or value == {}:
        return tr("（空）", "(nothing)")
    if isinstance(value, str):
        return f"“{value}”"
    if isinstance(value, list):
        return tr("；", "; ").join(_shown(item) for item in value)
    if isinstance(value, dict):
        if "text" in value:
            detail = next((_detail(key, value[key]) for key in ("due", "value", "role") if value.get(key) is not None), "")
            return f"“{value['text']}”" + (tr(f"（{detail}）", f" ({detail})") if detail else "")
        return tr("，", ", ").join(f"{key}: {_shown(item) if isinstance(item, (dict, list)) else item}" for key, item in value.items())
    return str(value)


def _detail(key: str, value: Any) -> str:
    """An item's date, value or role; a role by its Chinese word in zh mode (responsible → 责任)."""
    from govplan.pydantic_text import value_words

    words = value_words().get(str(value), ()) if key == "role" else ()
    return tr(words[0], str(value)) if words else str(value)
