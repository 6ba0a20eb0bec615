"""Limits every reader of a spec text applies before trusting YAML: characters YAML cannot carry,
and nesting deep enough to exhaust Python's recursion (500 levels fit in under 1 KB).

A spec nests a few dozen levels at most (each task level is two: the `children` list and the task
mapping), so MAX_NESTING leaves ample room while keeping every recursive walk of the data
(ruamel's composer and dumper, pydantic, the rules) far from the interpreter's limit; ruamel's
composer is held to it by validate/composer.py. This module imports no YAML library: a spec the fast
reader takes is checked without loading ruamel.
"""

from __future__ import annotations

import re
MAX_NESTING = 100
YAML_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # a lone CR ends a line for YAML too
# Everything outside YAML's printable set (YAML 1.2, 5.1): C0 controls but tab and line breaks,
# DEL, C1 controls but NEL, lone surrogates, U+FFFE and U+FFFF.
_NOT_PRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def control_character(text: str) -> tuple[int, int, str] | None:
    """(line, column, character) of the first character YAML cannot carry, 1-based; None if none."""
    match = _NOT_PRINTABLE.search(text)
    if match is None:
        return None
    line_start = text.rfind("\n", 0, match.start()) + 1
    return text.count("\n", 0, match.start()) + 1, match.start() - line_start + 1, match.group()


def yaml_lines(text: str) -> list[str]:
    """The lines of a text, numbered as a YAML reader numbers them (CR, NEL, LS and PS end lines too)."""
    if "\r" in text or "\x85" in text or "\u2028" in text or "\u2029" in text:
        return YAML_LINE_BREAK.split(text)
    return text.split("\n")  # the specs govplan writes: far faster than the pattern


def printable(line: str) -> str:
    """A line safe to print in a report: characters YAML cannot carry (terminal escapes
    included) shown as U+FFFD, one column each, so carets still line up."""
    if line.isprintable():  # nearly every line: str's own test at C speed, where the pattern scans CJK text slowly
        return line
    return _NOT_PRINTABLE.sub("\ufffd", line)
