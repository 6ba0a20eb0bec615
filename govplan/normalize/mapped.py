"""Text with an offset map back to an original string, composed through every rewrite."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

from govplan.scanning import Scanner


@dataclass(frozen=True)
class CharTable:
    """A table of 1:1 character replacements compiled for ``MappedText.replace_chars``: the
    str.translate table, runs of its characters, and the characters it deletes."""

    translation: dict[int, str | None]
    runs: re.Pattern[str] | None
    deleted: re.Pattern[str] | None

    @classmethod
    def of(cls, table: dict[str, str]) -> "CharTable":
        """Compile ``table`` (old character -> new character, or '' to delete it)."""
        if any(len(new) > 1 for new in table.values()):
            raise ValueError("replace_chars maps one character to at most one")
        deleted = "".join(old for old, new in table.items() if not new)
        return cls(
            {ord(old): new or None for old, new in table.items()},
            re.compile("[" + re.escape("".join(table)) + "]+") if table else None,
            re.compile(f"[{re.escape(deleted)}]") if deleted else None,
        )


@dataclass
class MappedText:
    """``text`` where character i came from original[starts[i]:ends[i]]. The maps are any sequence
    of ints: the identity map is a pair of ranges, so a text no rewrite touches allocates none."""

    text: str
    starts: Sequence[int]
    ends: Sequence[int]
    original_length: int

    @classmethod
    def identity(cls, original: str) -> "MappedText":
        n = len(original)
        return cls(original, range(n), range(1, n + 1), n)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original [start, end) that normalised [start, end) came from."""
        if not self.text:
            return 0, 0
        if end <= start:
            pos = self.starts[start] if start < len(self.text) else self.original_length
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def replace_chars(self, table: dict[str, str] | CharTable) -> "MappedText":
        """Replace single characters 1:1 (or delete them, mapping to ''), with str.translate:
        the offset map only changes where characters are deleted. A table used for every text
        is best compiled once (CharTable.of)."""
        compiled = table if isinstance(table, CharTable) else CharTable.of(table)
        translation = compiled.translation
        # runs of the table's characters translated where they stand: the same text as translating
        # the whole, without a dictionary lookup for each of the other characters
        runs = compiled.runs
        text = runs.sub(lambda run: run.group().translate(translation), self.text) if runs else self.text
        gone = [m.start() for m in compiled.deleted.finditer(self.text)] if compiled.deleted else []
        if not gone:
            return MappedText(text, self.starts, self.ends, self.original_length)
        starts: list[int] = []
        ends: list[int] = []
        for keep_from, keep_to in zip([0] + [g + 1 for g in gone], gone + [len(self.text)]):
            starts.extend(self.starts[keep_from:keep_to])
            ends.extend(self.ends[keep_from:keep_to])
        return MappedText(text, starts, ends, self.original_length)

    def substitute(self, pattern: re.Pattern[str] | Scanner, repl: Callable[[re.Match[str]], str]) -> "MappedText":
        """Regex rewrite; each replacement maps onto the whole original extent of its match. Without
        a match, or where every match is one character replaced by one (— by -, as most range marks
        are), the offset map stays as it is (shared, not copied): only the text changes."""
        replaced = [(match.start(), match.end(), repl(match)) for match in pattern.finditer(self.text)]
        if not replaced:
            return MappedText(self.text, self.starts, self.ends, self.original_length)
        out: list[str] = []
        pos = 0
        for s, e, new in replaced:
            out.append(self.text[pos:s])
            if new and e > s:
                out.append(new)
            pos = e
        out.append(self.text[pos:])
        text = "".join(out)
        if all(e - s == 1 and len(new) == 1 for s, e, new in replaced):
            return MappedText(text, self.starts, self.ends, self.original_length)
        starts: list[int] = []
        ends: list[int] = []
        pos = 0
        for s, e, new in replaced:
            starts.extend(self.starts[pos:s])
            ends.extend(self.ends[pos:s])
            if new and e > s:
                starts.extend([self.starts[s]] * len(new))
                ends.extend([self.ends[e - 1]] * len(new))
            pos = e
        starts.extend(self.starts[pos:])
        ends.extend(self.ends[pos:])
        return MappedText(text, starts, ends, self.original_length)

    def insert(self, positions: list[int], char: str) -> "MappedText":
        """``char`` inserted before each of the sorted ``positions``; an inserted character covers no
        original text (an empty extent where the next character starts)."""
        out: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        pos = 0
        for at in positions:
            out.append(self.text[pos:at] + char)
            starts.extend(self.starts[pos:at])
            ends.extend(self.ends[pos:at])
            where = self.starts[at] if at < len(self.text) else self.original_length
            starts.append(where)
            ends.append(where)
            pos = at
        out.append(self.text[pos:])
        starts.extend(self.starts[pos:])
        ends.extend(self.ends[pos:])
        return MappedText("".join(out), starts, ends, self.original_length)

    def convert_lines(self, convert: Callable[[str], str], convert_char: Callable[[str], str]) -> "MappedText":
        """Apply a script converter line by line; where a line's length changes, convert char by char.

        OpenCC's phrase tables may change lengths; per-character conversion never does, so the
        offset map stays exact at the cost of phrase context on those rare lines.
        """
        pieces: list[str] = []
        for line in self.text.split("\n"):
            converted = convert(line)
            if len(converted) != len(line):
                converted = "".join(_one_char(convert_char, ch) for ch in line)
            pieces.append(converted)
        return MappedText("\n".join(pieces), self.starts, self.ends, self.original_length)


def _one_char(convert_char: Callable[[str], str], ch: str) -> str:
    new = convert_char(ch)
    return new if len(new) == 1 else ch
