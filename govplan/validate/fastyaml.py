"""A fast reader for the block-style YAML that govplan writes, with positions.

ruamel's reader is pure Python and takes ~90 ms for a typical spec; validating a thousand specs
in seconds needs a reader that only handles what specs look like: block mappings with plain
identifier keys, block sequences, one-line plain/quoted scalars, `[]`/`{}`, comments. Anything
else (anchors, tags, flow collections, multi-line scalars, tabs, duplicate keys, odd indentation)
raises Unsupported and the full reader takes over, so this reader never has to report errors and
never accepts a text the full reader would read differently.

A C parser first (issue 17) does not pay: on 1,000 distinct dev and seed specs, libyaml's CSafeLoader
took 3.6x this reader's time (2.75 s against 0.76 s, in turns), its event stream alone as long as this
whole read with positions, and it reads yes, on, 1:20 and 010 as YAML 1.1 does (True, True, 80, 8);
the Rust reader of fastyaml-rs was 22% faster but keeps no positions, leaves unquoted dates and 1_000
as text, and would be a new native dependency.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, overload

from govplan.validate.findings import Anchor, PathItem
from govplan.validate.positions import Position
from govplan.validate.scalars import TAG, plain, resolve_plain, resolver_starts


class Unsupported(Exception):
    """The text uses YAML beyond the fast subset."""


_DASH, _KEY, _SCALAR = 0, 1, 2
# Each line (the text ending with a line break): its indent, "- " (one dash per line), and a key with the
# spaces after its colon and its inline value, or else the rest of the line; a value ends at its last
# non-space character (greedy, so matching long lines takes no backtracking). A group that took part in
# no match is "". Anchored at a line's start: searched elsewhere (a text without a break) it fails at once
# instead of scanning on from every character. Only the value and the rest can hold other characters than spaces, letters and dashes.
_LINES = re.compile(r"^( *)(- +|-(?=\n))?(?:([A-Za-z_][A-Za-z0-9_]*):(?:( +)([^\n]*[^ \n])?)? *(?=\n)|([^\n]*[^ \n])? *(?=\n))\n", re.M)
# The same groups for a text where no line ends with a space (every text govplan writes): a value is the
# rest of its line, so the pattern needs no backtracking and no lookahead to leave trailing spaces out
# (a quarter of the instructions of matching the lines; tests/test_validate_yaml.py holds the two equal). The indent
# is possessive: the rest of a line matches whatever follows it, so giving spaces back never finds another match,
# and a line without its break fails at once instead of retrying every shorter indent.
_UNPADDED_LINES = re.compile(r"^( *+)(- +|-(?=\n))?(?:([A-Za-z_][A-Za-z0-9_]*):(?:( +)([^\n]*))?|([^\n]*))\n", re.M)
_SPECIAL = re.compile("[\t\r\x85\u2028\u2029\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
# quoted scalars as runs of plain characters between escapes (or doubled quotes): a run is matched
# at C speed, where an alternative tried at every character cost five times as much
_DOUBLE = re.compile(r'"([^"\\]*(?:\\.[^"\\]*)*)"')
_SINGLE = re.compile(r"'([^']*(?:''[^']*)*)'")
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")
# A double-quoted scalar's one-character escapes, as ruamel's scanner reads them (Scanner.ESCAPE_REPLACEMENTS,
# written out so that this reader needs no ruamel; tests/test_validate_yaml.py holds the two equal).
ESCAPE_REPLACEMENTS = {
    "0": "\x00", "a": "\x07", "b": "\x08", "t": "\t", "\t": "\t", "n": "\n", "v": "\x0b", "f": "\x0c", "r": "\r",
    "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029",
}
_PLAIN_BAD_START = frozenset("[]{},&*!|>%@`?:#'\"")
# First characters after which a scalar may be other than plain text (the rest are text as written).
_MARKED_START = _PLAIN_BAD_START | resolver_starts() | {"-"}

# A line as the line pattern's groups: indent, dash, key, spaces after its colon, value, or else the rest.
Row = tuple[str, str, str, str, str, str]
Token = tuple[int, int, str | None, str | None, int, str]  # col, kind, key, raw value, line, spaces after a key's colon
# Short scalars (kinds, roles, true, offsets) repeat in every spec: their values, all immutable
# (text, numbers, dates, booleans, None), are remembered by the text as written, up to a bound.
_UNREAD = object()
_SHORT = 12
_SHORT_VALUES_KEPT = 100_000
_short_values: dict[str, Any] = {}


def read(text: str) -> tuple[Any, "TokenPositions"]:
    """The data and the positions of a spec text, or Unsupported."""
    if text.startswith("\ufeff"):
        text = text[1:]
    # every line is one match, its groups in a tuple: one call for the text, where a match per line
    # and its groups cost twice as much
    text += "\n"
    unpadded = " \n" not in text
    rows = (_UNPADDED_LINES if unpadded else _LINES).findall(text)
    tokens = _tokens(rows)
    if not tokens:
        raise Unsupported("empty document")
    sequences: dict[int, list[int]] = {}
    end, data = _block(tokens, 0, sequences)
    if end != len(tokens):
        raise Unsupported("trailing content")
    return data, TokenPositions(tokens, sequences, WrittenLines(rows) if unpadded else None)


def _tokens(rows: list[Row]) -> list[Token]:
    """One token per dash, key or item scalar, with 1-based line and column; Unsupported at a
    character the subset leaves to the full reader (tabs, other breaks, controls)."""
    tokens: list[Token] = []
    append = tokens.append
    first = True
    for number, (indent, dash, key, spaces, value, rest) in enumerate(rows, start=1):
        if not dash:
            if key:  # most lines of a spec: a key, with its value or not
                if value and not value.isprintable() and _SPECIAL.search(value):
                    raise Unsupported("special characters")
                append((len(indent), _KEY, key, value, number, spaces))
                first = False
            elif rest and not rest.isprintable() and _SPECIAL.search(rest):
                raise Unsupported("special characters")
            elif rest and rest[0] != "#":
                if not (first and rest == "---"):
                    raise Unsupported(f"line {number}")
                first = False
            continue
        first = False
        col = len(indent)
        append((col, _DASH, None, None, number, ""))
        col += len(dash)
        if key:
            if value and not value.isprintable() and _SPECIAL.search(value):
                raise Unsupported("special characters")
            append((col, _KEY, key, value, number, spaces))
        elif rest:
            if not rest.isprintable() and _SPECIAL.search(rest):
                raise Unsupported("special characters")
            if rest[0] != "#":
                if rest[0] == "-" and rest[1:2] in ("", " "):
                    raise Unsupported(f"line {number}")
                append((col, _SCALAR, None, rest, number, ""))
    return tokens


def _block(tokens: list[Token], i: int, sequences: dict[int, list[int]]) -> tuple[int, Any]:
    kind = tokens[i][1]
    if kind == _DASH:
        return _sequence(tokens, i, sequences)
    if kind == _KEY:
        return _mapping(tokens, i, sequences)
    return i + 1, _scalar(tokens[i][3] or "")


def _mapping(tokens: list[Token], i: int, sequences: dict[int, list[int]]) -> tuple[int, dict[str, Any]]:
    col = tokens[i][0]
    data: dict[str, Any] = {}
    n = len(tokens)
    while i < n:
        tcol, kind, key, raw, line, _ = tokens[i]
        if tcol != col or kind != _KEY:
            if tcol < col:
                break
            raise Unsupported(f"line {line}")
        if key in data or key not in _text_keys and _key_is_not_text(key):
            raise Unsupported(f"line {line}")
        i += 1
        if raw and raw[0] != "#":
            value = _short_values.get(raw, _UNREAD) if len(raw) <= _SHORT else _UNREAD
            data[key] = _read_scalar(raw) if value is _UNREAD else value  # type: ignore[index]
        # deeper lines, or a sequence whose dashes stand at the key's column (_block_follows, written out:
        # a call per key without an inline value cost more than the test)
        elif i < n and ((below := tokens[i])[0] > col or below[0] == col and below[1] == _DASH):
            i, data[key] = _block(tokens, i, sequences)  # type: ignore[index]
        else:
            data[key] = None  # type: ignore[index]
    return i, data


def _sequence(tokens: list[Token], i: int, sequences: dict[int, list[int]]) -> tuple[int, list[Any]]:
    """A block sequence, its dashes' token indices kept in ``sequences`` under its first."""
    col = tokens[i][0]
    data: list[Any] = []
    sequences[i] = dashes = []
    n = len(tokens)
    while i < n:
        tcol, kind, _, _, line, _ = tokens[i]
        if tcol < col or (tcol == col and kind == _KEY):
            break
        if tcol > col or kind != _DASH:
            raise Unsupported(f"line {line}")
        dashes.append(i)
        i += 1
        if i < n and (tokens[i][4] == line or tokens[i][0] > col):  # _item_follows, written out as above
            i, value = _block(tokens, i, sequences)
        else:
            value = None
        data.append(value)
    return i, data


def _block_follows(tokens: list[Token], i: int, col: int) -> bool:
    """Whether a key at ``col`` without an inline value has a block value starting at token ``i``."""
    return i < len(tokens) and (tokens[i][0] > col or (tokens[i][0] == col and tokens[i][1] == _DASH))


def _item_follows(tokens: list[Token], i: int, line: int, col: int) -> bool:
    """Whether the item of a dash on ``line`` at ``col`` starts at token ``i``: on the dash's line or deeper below it."""
    return i < len(tokens) and (tokens[i][4] == line or tokens[i][0] > col)


class WrittenLines(Sequence[str]):
    """The lines of a text no line of which ends with a space, joined again from their rows when a code
    frame asks for one: splitting every spec with findings into its lines cost 6% of validating a folder
    (1,000 dev and seed specs, about 12 findings each, two lines shown per finding)."""

    __slots__ = ("rows",)

    def __init__(self, rows: list[Row]) -> None:
        self.rows = rows

    def __len__(self) -> int:
        return len(self.rows)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[number] for number in range(*index.indices(len(self)))]
        indent, dash, key, spaces, value, rest = self.rows[index]
        return f"{indent}{dash}{key}:{spaces}{value}" if key else f"{indent}{dash}{rest}"


class TokenPositions:
    """Where the nodes of a text the fast reader took stand, found from its tokens when a finding asks: a
    node is the index of its first token, or the position of an empty value. Building a position per node
    for every spec cost 11% of reading it (callgrind, 200 archive specs), for a dozen findings a spec."""

    __slots__ = ("tokens", "sequences", "keys", "lines")

    def __init__(self, tokens: list[Token], sequences: dict[int, list[int]], lines: WrittenLines | None) -> None:
        self.tokens = tokens
        self.sequences = sequences
        self.keys: dict[tuple[int, str], int | None] = {}
        self.lines = lines  # the text's lines for code frames, when its rows give them back exactly

    def locate(self, path: tuple[PathItem, ...], anchor: Anchor = "value") -> Position:
        """As positions.locate: the node at ``path``, or its nearest parent in the file."""
        node: int | Position = 0
        steps = path[:-1] if anchor == "parent" else path
        for depth, step in enumerate(steps):
            if not isinstance(node, int):
                break
            kind = self.tokens[node][1]
            if kind == _KEY and isinstance(step, str) and (key := self._key(node, step)) is not None:
                if anchor == "key" and depth == len(steps) - 1:
                    return self.tokens[key][4], self.tokens[key][0] + 1
                node = self._value(key)
            elif kind == _DASH and isinstance(step, int) and 0 <= step < len(self.sequences[node]):
                node = self._item(self.sequences[node][step])
            else:
                break
        return node if isinstance(node, tuple) else (self.tokens[node][4], self.tokens[node][0] + 1)

    def _key(self, first: int, key: str) -> int | None:
        """The index of ``key``'s token in the mapping whose first key is token ``first``; remembered, as a
        spec's findings share their first steps (tasks, a task's children or units)."""
        if (first, key) not in self.keys:
            self.keys[first, key] = self._find_key(first, key)
        return self.keys[first, key]

    def _find_key(self, first: int, key: str) -> int | None:
        col = self.tokens[first][0]
        for index in range(first, len(self.tokens)):
            token = self.tokens[index]
            if token[0] <= col:
                if token[0] < col:
                    break
                if token[2] == key:  # only a key's token has a name
                    return index
        return None

    def _value(self, key: int) -> int | Position:
        """The value of the key at token ``key``: inline, a block below it, or empty."""
        col, _, name, raw, line, spaces = self.tokens[key]
        if raw and raw[0] != "#":
            return line, col + len(name) + len(spaces) + 2  # 1-based, past the colon and the spaces
        return key + 1 if _block_follows(self.tokens, key + 1, col) else (line, col + 1)

    def _item(self, dash: int) -> int | Position:
        """The item of the dash at token ``dash``: a node, or empty right after its dash, as in ruamel."""
        col, _, _, _, line, _ = self.tokens[dash]
        return dash + 1 if _item_follows(self.tokens, dash + 1, line, col) else (line, col + 2)


# Keys found to be text (nearly every key a spec has), so that each is resolved once.
_text_keys: set[str] = set()


def _key_is_not_text(key: str | None) -> bool:
    """Keys such as `null:` or `true:` are not strings in YAML; leave them to the full reader."""
    if key is None or resolve_plain(key) != TAG + "str":
        return True
    _text_keys.add(key)
    return False


def _scalar(raw: str) -> Any:
    """The value of a one-line scalar as written after a key or a dash; short ones (kinds, roles,
    offsets) repeat from spec to spec and are read once (a long one is not looked up: hashing texts
    of a few hundred characters cost more than it found). _mapping looks them up itself."""
    value = _short_values.get(raw, _UNREAD) if len(raw) <= _SHORT else _UNREAD
    return _read_scalar(raw) if value is _UNREAD else value


def _read_scalar(raw: str) -> Any:
    """A scalar not remembered: read, and remembered when short. Digits alone (offsets and line numbers:
    most scalars of a spec) are an int at once."""
    first = raw[0]
    if first not in _MARKED_START:
        value = _plain_text(raw)
    elif raw.isdigit() and raw.isascii() and (first != "0" or len(raw) == 1):
        value = int(raw)
    else:
        value = _marked_scalar(raw)
    if len(raw) <= _SHORT and len(_short_values) < _SHORT_VALUES_KEPT and value != [] and value != {}:
        _short_values[raw] = value  # immutable values only: text, numbers, dates, booleans, None
    return value


def _plain_text(raw: str) -> str:
    """The text of a plain scalar, a trailing comment cut off; Unsupported where a colon could
    make it a mapping."""
    cut = raw.find(" #")
    value = raw if cut < 0 else raw[:cut].rstrip(" ")
    if ": " in value or value.endswith(":"):
        raise Unsupported("colon in plain scalar")
    return value


def _marked_scalar(raw: str) -> Any:
    """A scalar whose first character may make it other than text: quoted, [] or {}, a number,
    a date, a boolean or null, or an indicator the fast subset leaves to the full reader."""
    first = raw[0]
    if first == '"':
        match = _DOUBLE.fullmatch(raw)
        if not match:
            raise Unsupported("double-quoted scalar")
        body = match[1]
        return _ESCAPE.sub(_unescape, body) if "\\" in body else body
    if first == "'":
        match = _SINGLE.fullmatch(raw)
        if not match:
            raise Unsupported("single-quoted scalar")
        return match[1].replace("''", "'")
    if raw == "[]":
        return []
    if raw == "{}":
        return {}
    if first in _PLAIN_BAD_START or (first == "-" and raw[1:2] in ("", " ")):
        raise Unsupported("indicator")
    return plain(_plain_text(raw))


def _unescape(match: re.Match[str]) -> str:
    code = match[1]
    if len(code) > 1:
        return chr(int(code[1:], 16))
    if code not in ESCAPE_REPLACEMENTS:
        raise Unsupported("escape")
    return ESCAPE_REPLACEMENTS[code]
