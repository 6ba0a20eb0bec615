"""ruamel's implicit YAML resolvers written out, so that neither the spec reader nor the emitter imports ruamel.

The validator's readers resolve plain scalars with YAML 1.2's table (what govplan reads); the emitter
(spec/emit.py) also asks YAML 1.1's, so that older tools read a plain scalar as text too. Building
ruamel's own resolvers cost a fresh extraction 80M instructions; tests/test_validate_yaml.py holds both
tables equal to ruamel's. They live at the spec layer because the emitter, below validate, needs them.
"""

from __future__ import annotations

import re
from functools import cache

TAG = "tag:yaml.org,2002:"
EMPTY = "\0"  # stands for the empty text among a resolver's first characters (ruamel's "")

# ruamel's implicit resolvers, in its order: (first characters, tag, pattern, verbose). Those of YAML 1.2 read
# specs; the emitter (spec/emit.py) also asks YAML 1.1's, so that older tools read a plain scalar as text too.
_SHARED_RESOLVERS: tuple[tuple[str, str, str, bool], ...] = (
    ("<", "merge", "^(?:<<)$", False),
    ("~nN\0", "null", """^(?: ~
        |null|Null|NULL
        | )$""", True),
    ("0123456789", "timestamp", """^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
        |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
        (?:[Tt]|[ \\t]+)[0-9][0-9]?
        :[0-9][0-9] :[0-9][0-9] (?:\\.[0-9]*)?
        (?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""", True),
    ("=", "value", "^(?:=)$", False),
    ("!&*", "yaml", "^(?:!|&|\\*)$", False),
)
RESOLVERS: tuple[tuple[str, str, str, bool], ...] = (
    ("tTfF", "bool", """^(?:true|True|TRUE|false|False|FALSE)$""", True),
    ("-+0123456789.", "float", """^(?:
         [-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
        |[-+]?\\.[0-9_]+(?:[eE][-+][0-9]+)?
        |[-+]?\\.(?:inf|Inf|INF)
        |\\.(?:nan|NaN|NAN))$""", True),
    ("-+0123456789", "int", """^(?:[-+]?0b[0-1_]+
        |[-+]?0o?[0-7_]+
        |[-+]?[0-9_]+
        |[-+]?0x[0-9a-fA-F_]+)$""", True),
    *_SHARED_RESOLVERS,
)
RESOLVERS_1_1: tuple[tuple[str, str, str, bool], ...] = (
    ("yYnNtTfFoO", "bool", """^(?:y|Y|yes|Yes|YES|n|N|no|No|NO
        |true|True|TRUE|false|False|FALSE
        |on|On|ON|off|Off|OFF)$""", True),
    ("-+0123456789.", "float", """^(?:
         [-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
        |\\.[0-9_]+(?:[eE][-+][0-9]+)?
        |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*  # sexagesimal float
        |[-+]?\\.(?:inf|Inf|INF)
        |\\.(?:nan|NaN|NAN))$""", True),
    ("-+0123456789", "int", """^(?:[-+]?0b[0-1_]+
        |[-+]?0?[0-7_]+
        |[-+]?(?:0|[1-9][0-9_]*)
        |[-+]?0x[0-9a-fA-F_]+
        |[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$""", True),
    *_SHARED_RESOLVERS,
)

@cache
def implicit_resolvers(resolvers: tuple[tuple[str, str, str, bool], ...] = RESOLVERS) -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """(tag, pattern) by first character, in ruamel's order (the empty text under ""): YAML 1.2's, or
    the table given (RESOLVERS_1_1)."""
    table: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for firsts, kind, pattern, verbose in resolvers:
        compiled = re.compile(pattern, re.X if verbose else 0)
        for first in firsts:
            table.setdefault("" if first == EMPTY else first, []).append((TAG + kind, compiled))
    return table
