"""Layout patterns that open with the character a match starts at (so re skips to it in C) find exactly
what their look-behind-first forms found: same spans, same groups, on random strings of their characters."""

from __future__ import annotations

import random
import re

from govplan.grammar import compile_pattern
from govplan.scanning import scanner
from govplan.structure.contents import _contents
from govplan.structure.layout import _layout

_FILE = "govplan/data/layout.yaml"

# The forms before the rewrite, each opening with a look-behind that re tried at every position.
_LOOK_BEHIND_FIRST = {
    "contents_entry": r"(?:(?<!…)…{2,}|(?<![.·・_])[.·・_]{4,}|(?<![….·・])[….·・]{4,})[ ]*"
                      r"(?:\d{1,3}(?:[-－]\d{1,3})?|[-－]\s*\d{1,3}\s*[-－])$",
    "line_break_blanks[0]": r"(?m)(?<=[。；;！？!?])(?P<blank>[ ]+)(?=[^\s|])",
    "line_break_blanks[1]": r"(?m)(?<=\S)(?P<blank>[ ]+)(?={calendar_date}(?:[ ]|$))",
    "glued_line_starts[0]": r"(?<=\S)(?P<at>第{cn_ordinal_long}[章节条])(?=[ ]+\S)",
    "line_break_wide_blank": r"(?m)(?<=\S)(?<![\s:：][{han}])(?<!^[{han}])(?P<blank>[ ]{2,})(?=[^\s|])"
                             r"(?![{han}](?:[\s:：]|$))",
}

_PIECES = ["…", "……", ".", "....", "·", "・", "_", " ", "  ", "　", "\t", "\n", "1", "12", "3-4", "－", "-", " 5 ",
           "第一章", "第十二条", "第", "章", "目", "组", "。", "；", "!", ":", "：", "|", "2022年9月20日", "9月", "a"]


def _leader_first() -> dict[str, re.Pattern[str]]:
    layout = _layout()
    return {
        "contents_entry": _contents().entry,
        "line_break_blanks[0]": layout.line_break_blanks[0],
        "line_break_blanks[1]": layout.line_break_blanks[1],
        "glued_line_starts[0]": layout.glued_line_starts[0],
        "line_break_wide_blank": layout.wide_blank,
    }


def _found(matches) -> list[tuple[tuple[int, ...], ...]]:  # type: ignore[no-untyped-def]
    return [match.regs for match in matches]


def test_leader_first_patterns_find_what_their_look_behind_first_forms_found() -> None:
    """20,000 random strings a pattern: every match's span and groups, with re and with the scanner."""
    rng = random.Random(11)
    for name, pattern in _leader_first().items():
        before = compile_pattern(_LOOK_BEHIND_FIRST[name], _FILE)
        assert before.pattern != pattern.pattern, name  # the rewrite is in layout.yaml
        for _ in range(20_000):
            text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 12)))
            expected = _found(before.finditer(text))
            assert _found(pattern.finditer(text)) == expected, (name, text)
            assert _found(scanner(pattern).finditer(text)) == expected, (name, text)


def test_leader_first_patterns_open_with_a_character() -> None:
    """No rewritten pattern opens with a look-around (re would try it at every position)."""
    for name, pattern in _leader_first().items():
        body = pattern.pattern.removeprefix("(?m)").removeprefix("(?P<blank>").removeprefix("(?P<at>")
        assert not body.startswith("(?<") and not body.startswith("(?="), name
