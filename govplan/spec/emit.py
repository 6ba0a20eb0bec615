"""A direct emitter for the block-style YAML that specs are written in.

ruamel's general dumper costs as much as extraction itself; specs need only block mappings and
sequences of strings, numbers and booleans. This emitter writes them in the layout ruamel was
configured for (mapping indent 2, sequence indent 4 with the dash at offset 2, Chinese unescaped,
no line folding) and decides quoting the way a YAML reader decides types: a string stays plain
only when both YAML 1.2 and YAML 1.1 readers would read it back as that same string.
"""

from __future__ import annotations

import math
import re
from functools import cache, lru_cache
from typing import Any


# Characters a plain or single-quoted scalar cannot carry: breaks, tabs, controls, BOM, surrogates.
_NEEDS_ESCAPE = re.compile("[\t\n\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")
_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r", "\x00": "\\0", '"': '\\"', "\\": "\\\\"}
# What a double-quoted scalar escapes: the characters above, its quote and the backslash.
_DOUBLE_QUOTED = re.compile(_NEEDS_ESCAPE.pattern[:-1] + '"\\\\]')
# A plain scalar may not start with an indicator, nor hold ": " or " #", nor end with ":".
_INDICATOR_START = frozenset("-?:,[]{}#&*!|>'\"%@`")
_NOT_PLAIN_FIRST = _INDICATOR_START | {" "}  # the only printable white space is the space
_NOT_PLAIN_LAST = frozenset(": ")
_PLAIN_BREAKERS = re.compile(r": | #|:$|^\s|\s$")
_STR_TAG = "tag:yaml.org,2002:str"


def emit_yaml(data: dict[str, Any]) -> str:
    """``data`` (plain dicts, lists and scalars) as block YAML, one scalar per line."""
    if not data:
        return "{}\n"
    lines: list[str] = []
    _mapping(data, 0, "", lines)
    return "\n".join(lines) + "\n"


def _mapping(data: dict[str, Any], indent: int, first_prefix: str, lines: list[str]) -> None:
    """A block mapping; its first line starts with ``first_prefix`` (a sequence dash) if given."""
    pad = " " * indent
    lead = first_prefix or pad
    append = lines.append
    for key, value in data.items():
        head = lead + _key(str(key))
        lead = pad
        kind = type(value)
        if kind is str:  # most values (then offsets): decided before the isinstance tests
            append(f"{head} {scalar(value)}")
        elif kind is int:
            append(f"{head} {value}")
        elif isinstance(value, dict) and value:
            append(head)
            _mapping(value, indent + 2, "", lines)
        elif isinstance(value, list) and value:
            append(head)
            _sequence(value, indent + 2, lines)
        else:
            append(f"{head} {_inline(value)}")


def _sequence(items: list[Any], indent: int, lines: list[str]) -> None:
    """A block sequence whose dashes stand at ``indent``; mapping items start on the dash line."""
    dash = " " * indent + "- "
    for item in items:
        if type(item) is str:
            lines.append(dash + scalar(item))
        elif isinstance(item, dict) and item:
            _mapping(item, indent + 2, dash, lines)
        elif isinstance(item, list) and item:
            lines.append(dash.rstrip())
            _sequence(item, indent + 2, lines)
        else:
            lines.append(dash + _inline(item))


def _inline(value: Any) -> str:
    """A scalar or an empty collection on one line."""
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, list):
        return "[]"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float(value)
    return scalar(str(value))


def _float(value: float) -> str:
    """A float every YAML reader reads back as this float (1e-05 needs a dot for YAML 1.1)."""
    if math.isnan(value):
        return ".nan"
    if math.isinf(value):
        return ".inf" if value > 0 else "-.inf"
    text = repr(value)
    if "e" in text and "." not in text.split("e")[0]:
        mantissa, exponent = text.split("e")
        text = f"{mantissa}.0e{exponent}"
    return text


@cache
def _key(text: str) -> str:
    """A mapping key as a scalar and its colon: specs repeat a few dozen keys thousands of times."""
    return scalar(text) + ":"


def scalar(text: str) -> str:
    """A string as a plain, single-quoted or (when it holds breaks or controls) double-quoted scalar."""
    if _plainly_text(text) and (text[0] not in _resolver_starts() or not text.isascii()):
        return text  # most text: no escape, indicator or breaker, and no implicit type spelt so
    return _short_scalar(text) if len(text) <= SHORT else _quoted(text)


def _plainly_text(text: str) -> bool:
    """The quick test: nothing that may keep ``text`` from being written plain (an escape, an
    indicator or a space first, a breaker, a colon or a space last), told by string methods and sets:
    a pattern of alternatives tried at every character cost twice as much. Stricter than the rules
    (any non-printable character fails it, so the one white space it lets through is the space)."""
    return (bool(text) and text.isprintable() and text[0] not in _NOT_PLAIN_FIRST and text[-1] not in _NOT_PLAIN_LAST
            and ": " not in text and " #" not in text)


SHORT = 16  # characters: the strings that must be looked at closer are mostly short and recur
# (comparators, kinds, numbers as written, dates): their scalars are kept, a few thousand at most


@lru_cache(maxsize=4096)
def _short_scalar(text: str) -> str:
    """``_quoted`` of a short string, kept."""
    return _quoted(text)


def _quoted(text: str) -> str:
    """A string the quick test in ``scalar`` did not pass: plain only if every reader reads it back so."""
    if _NEEDS_ESCAPE.search(text):
        return '"' + _DOUBLE_QUOTED.sub(_escape, text) + '"'
    if _plain_is_safe(text):
        return text
    return "'" + text.replace("'", "''") + "'"


def _escape(match: re.Match[str]) -> str:
    """One character that a double-quoted scalar must escape."""
    ch = match.group()
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _plain_is_safe(text: str) -> bool:
    """Whether ``text`` written plain reads back as the same string under YAML 1.2 and 1.1."""
    if not text or text[0] in _INDICATOR_START or _PLAIN_BREAKERS.search(text):
        return False
    if text[0] not in _resolver_starts() or not text.isascii():
        return True  # every implicit type (int, float, bool, null, date) is spelt in ASCII
    return _reads_as_str(text)


def _reads_as_str(text: str) -> bool:
    """Whether both YAML versions read the plain ``text`` as a string: in each, the first implicit
    resolver ruamel tries for its first character that matches (if any) is the string's."""
    for tried in _implicit_resolvers():
        for is_str, pattern in tried.get(text[0], ()):
            if pattern.match(text):
                if not is_str:
                    return False
                break
    return True


@cache
def _implicit_resolvers() -> tuple[dict[str, tuple[tuple[bool, re.Pattern[str]], ...]], ...]:
    """ruamel's implicit resolvers for YAML 1.2 (what govplan reads) and 1.1 (older tools): per first
    character, in ruamel's order, whether each gives a string and its pattern (written out in
    spec/resolvers.py, held equal to ruamel's by tests/test_validate_yaml.py: building ruamel's resolvers cost
    an extraction 80M instructions, a fifth of the spec models')."""
    from govplan.spec.resolvers import RESOLVERS, RESOLVERS_1_1, implicit_resolvers

    return tuple({first: tuple((tag == _STR_TAG, pattern) for tag, pattern in resolvers)
                  for first, resolvers in implicit_resolvers(table).items() if first}
                 for table in (RESOLVERS, RESOLVERS_1_1))


@cache
def _resolver_starts() -> frozenset[str]:
    """First characters that can make a plain scalar anything but a string, in either version."""
    return frozenset(first for table in _implicit_resolvers() for first in table)
