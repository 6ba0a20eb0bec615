"""Which tasks become rows of a table, and the text a row shows in its 具体措施 column.

Rows are the tasks at the chosen depth (every leaf without one). Left out by default: sections
that frame the plan instead of assigning work (一、总体要求, 四、保障措施: headings in
govplan/data/render.yaml, where no unit leads anything), and the preamble unless it sets a
deadline (请于1月15日前报送…: a limit, not a year it names) or is all the document has. A row's text says each task once: its
number is never doubled (1.1. 加强…), and what the unit and time columns already show (牵头单位：…
lines, a table row's unit and time cells, the 序号 cell) is not repeated in it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Iterator

from govplan.spec.tree import is_preamble, walk

if TYPE_CHECKING:
    from govplan.spec.model import Deadline, Spec, TaskNode

_HAN = "\u4e00-\u9fff"
_SENTENCE = re.compile(r"[^。；;！？!?\n]*[。；;！？!?]?")
_BLANKS = re.compile(r"\n{3,}")
_OPEN, _CLOSE = "(（", ")）"
_OPENING = re.compile(f"[{_OPEN}]")


@dataclass(frozen=True)
class _Words:
    """The language data rows are cut with."""

    framing: frozenset[str]
    limit_words: tuple[str, ...]
    label: re.Pattern[str]
    fillers: tuple[str, ...]


@lru_cache(maxsize=1)
def _words() -> _Words:
    from govplan.lexical.lexicon import alternation, data

    render, units, tables = data("render"), data("units"), data("tables")
    heads = [*units["label_heads"], *tables["columns"]["time"]]
    label = re.compile(rf"[{_HAN}]{{0,8}}{alternation(heads)}\s*[:：]")
    fillers = (*units["item_trailers"], *units["conjunctions"])
    return _Words(frozenset(render["framing_sections"]), tuple(render["limit_words"]), label,
                  tuple(sorted(fillers, key=len, reverse=True)))


def compact(text: str) -> str:
    """Text without blanks (总 则 → 总则) and without a final full stop."""
    return re.sub(r"\s+", "", text).rstrip("。.")


def is_framing(node: TaskNode) -> bool:
    """A section that frames the plan (总体要求, 保障措施…) and gives no unit the lead anywhere in it."""
    if not node.title or compact(node.title) not in _words().framing:
        return False
    return not any(unit.role == "lead" for sub in walk(node) for unit in sub.units)


def is_limit(deadline: Deadline) -> bool:
    """A deadline the office tracks: a rhythm, a relative limit, or a date written as a limit (…前)."""
    return deadline.kind in ("recurring", "relative") or any(word in deadline.text for word in _words().limit_words)


def row_paths(spec: Spec, depth: int | None, all_sections: bool = False) -> list[list[TaskNode]]:
    """Root-to-node paths of the tasks that become rows: nodes at ``depth`` and shallower leaves
    (every leaf without a depth), framing sections and a deadline-free preamble left out."""
    others = [node for node in spec.tasks if not is_preamble(node)]

    def keep(node: TaskNode) -> bool:
        if is_preamble(node):
            return any(is_limit(d) for d in node.deadlines) or not others
        return all_sections or not is_framing(node)

    def rec(path: list[TaskNode]) -> Iterator[list[TaskNode]]:
        node = path[-1]
        children = [child for child in node.children if keep(child)]
        if len(path) == depth or not children:
            yield path
            return
        for child in children:
            yield from rec(path + [child])

    return [path for root in spec.tasks if keep(root) for path in rec([root])]


def numbered_text(node: TaskNode) -> str:
    """The node's text, starting with its number exactly once."""
    number = node.number or ""
    if not number or _fold(node.text.lstrip()).startswith(_fold(number).strip()):
        return node.text
    return number + node.text


def _fold(text: str) -> str:
    """Full-width forms folded (（一） → (一), １． → 1.), for comparing numbers as written."""
    return unicodedata.normalize("NFKC", text)


def deadline_sentences(node: TaskNode) -> str:
    """The sentences of a node's text that state its limits (a preamble's 请于…前报送), in order."""
    sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(node.text) if m.group().strip()]
    chosen: set[tuple[int, int]] = set()
    for deadline in filter(is_limit, node.deadlines):
        at = node.text.find(deadline.text)
        if at < 0 and deadline.span is not None and node.span is not None:
            at = deadline.span.start - node.span.start
        chosen.update(s for s in sentences if s[0] <= at < s[1])
    return "\n".join(node.text[a:b].strip() for a, b in sorted(chosen)) or node.text


def measures(path: list[TaskNode], names: Iterable[str]) -> str:
    """具体措施 of a row: the node's text and its descendants' (each numbered once), without what
    the unit and time columns show."""
    node = path[-1]
    nodes = list(walk(node))
    deadlines = [d for n in nodes for d in n.deadlines]
    shown = _Shown(tuple(sorted({n for n in names if n}, key=len, reverse=True)), deadlines, node)
    own = deadline_sentences(node) if is_preamble(node) else numbered_text(node)
    parts = [own] + [numbered_text(d) for d in nodes[1:]]
    return _BLANKS.sub("\n\n", "\n".join(_without_shown(part, shown) for part in parts)).strip()


@dataclass(frozen=True)
class _Shown:
    """What a row's other columns show: unit names, deadlines, and its number and progress cells."""

    names: tuple[str, ...]
    deadlines: list[Deadline]
    node: TaskNode

    def covers(self, piece: str) -> bool:
        """Whether ``piece`` holds nothing the columns do not show (a unit list, a time cell, 序号)."""
        rest = piece.strip()
        if not rest:
            return False
        if rest in {(self.node.number or "").strip(), *(p.text.strip() for p in self.node.progress)}:
            return True
        rest = _words().label.sub("", rest)
        for word in (*self.names, *(d.text for d in self.deadlines), *_words().fillers):
            rest = rest.replace(word, "")
        return not any(map(_says_something, rest)) and rest != piece.strip()


def _says_something(char: str) -> bool:
    """A Han character, an ASCII letter or a digit (a character class of the Han block takes re
    2 ms to compile, in every process that renders)."""
    return "\u4e00" <= char <= "\u9fff" or char.isascii() and char.isalnum()


def _without_shown(text: str, shown: _Shown) -> str:
    """Text without the lines, cells and labelled parentheticals that ``shown`` covers."""
    kept = []
    for line in text.split("\n"):
        cells = [cell for cell in line.split("\t") if not shown.covers(cell)]
        if cells or not line.strip():
            kept.append(_labels_dropped("\t".join(cells), shown) if cells else "")
    return "\n".join(kept)


def _labels_dropped(line: str, shown: _Shown) -> str:
    """The line without its labelled segments that the columns show: (牵头单位：A；数据提供单位：B)
    keeps (数据提供单位：B) when only A is a unit of the row; a line 责任单位：A goes whole."""
    if _words().label.match(line.strip()):
        return _kept_segments(line.strip(), shown)
    out, i = [], 0
    for opening in _OPENING.finditer(line):
        at = opening.start()
        if at < i or not _words().label.match(line, at + 1):
            continue  # inside a parenthetical already dropped or kept, or not a labelled one
        close = _closing(line, at)
        if close is not None:
            inner = _kept_segments(line[at + 1:close], shown)
            out.append(line[i:at] + (f"{line[at]}{inner}{line[close]}" if inner else ""))
            i = close + 1
    out.append(line[i:])
    return "".join(out)


def _closing(text: str, start: int) -> int | None:
    """Index of the bracket closing the one at ``start`` (brackets nest: 各县(市、区)政府)."""
    depth = 0
    for i in range(start, len(text)):
        depth += (text[i] in _OPEN) - (text[i] in _CLOSE)
        if depth == 0:
            return i
    return None


def _kept_segments(text: str, shown: _Shown) -> str:
    """The labelled segments of ``text`` (牵头单位：A；配合单位：B) that ``shown`` does not cover."""
    starts = [m.start() for m in _words().label.finditer(text) if m.start() == 0 or text[m.start() - 1] in "；;，,、 \u3000"]
    if not starts or starts[0] != 0:
        return text
    segments = [text[a:b].rstrip("；;，,、 \u3000") for a, b in zip(starts, starts[1:] + [len(text)])]
    return "；".join(segment for segment in segments if not shown.covers(segment))
