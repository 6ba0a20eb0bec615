"""Count the unit names the evaluation finds on no task (causes "name not found" and "name boundary") by the
*kind* of name (units.yaml's own word classes), its length and where it stands in its task's lines, with no text
of any document, so the held-out split can say which names cost most: `python scripts/unit_shapes.py held-out`.
`--cause "not read here"` counts instead the names written in their task's own lines but read on other tasks only.
Besides the name alone, it classes what follows and what precedes the name (a role word, 由, a partner word like 会同, a mark)."""

from __future__ import annotations

import argparse
import re
from collections import Counter
from dataclasses import dataclass

from path_shapes import split_scores  # scripts/ is on the path of a script run from it

from govplan.evaluate import DocumentScore, Miss
from govplan.gold import GoldDocument, source_text
from govplan.annotate.units.names import looks_like_unit
from govplan.annotate.units.rules import rules as unit_rules
from govplan.lexical.lexicon import data
from govplan.registry import load_registry

CAUSES = ("name not found", "name boundary")
COLUMNS = (("lead_units", "missed"), ("lead_units", "spurious"), ("support_units", "missed"), ("support_units", "spurious"))
LENGTHS = ((2, "1-2"), (4, "3-4"), (6, "5-6"), (9, "7-9"), (14, "10-14"))
_PERSON_ENDS = ("同志", "领导", "负责人", "责任人")
_GROUP_ENDS = ("领导小组", "领导组", "小组", "指挥部", "专班", "工作组", "督查组", "督导组", "专责组", "联席会议")
_FIRM_ENDS = ("公司", "集团", "协会", "学会", "商会", "促进会", "总会", "联合会", "银行", "分行", "支行", "企业")
_OPENERS = "（(【["
_CLOSERS = "）)】]"
_BLANKS = " 　\t:：，,。；;"
REGISTRY = load_registry()


@dataclass(frozen=True)
class Shape:
    """What a missed or extra unit name is like, without its text."""

    kind: str
    length: str
    place: str
    source: str = "own lines"
    alone: str = "-"
    after: str = "-"
    before: str = "-"


def name_kind(name: str) -> str:
    """The kind of a unit name by the word classes of units.yaml: person, group, collective, government, firm, department, place."""
    units = data("units")
    if name.endswith(_PERSON_ENDS + tuple(units["official_titles"])):
        return "person or post"
    if any(body in name for body in _GROUP_ENDS):
        return "group"
    if name.startswith(tuple(units["distributive_starts"]) + tuple(units["vague_starts"])) \
            or name.endswith(tuple(units["vague_heads"]) + tuple(units["collective_words"])):
        return "collective"
    if name.endswith(tuple(units["collective_heads"]) + tuple(units["generic_bodies"])):
        return "government"
    if name.endswith(_FIRM_ENDS):
        return "enterprise or association"
    if name.endswith(tuple(units["suffixes"])):
        return "department"
    if name.endswith(tuple(units["place_ends"]) + tuple(units["place_levels"])):
        return "place alone"
    return "other"


def length_bucket(name: str) -> str:
    """A name's length in characters, bucketed."""
    return next((label for top, label in LENGTHS if len(name) <= top), "15+")


def _label_pattern() -> re.Pattern[str]:
    """A role label before a colon: 牵头单位： 责任部门: 配合： (units.yaml's role words and labels)."""
    units = data("units")
    words = {w for ws in units["label_role_words"].values() for w in ws} | {w for ws in units["role_labels"].values() for w in ws}
    return re.compile(f"(?:{'|'.join(sorted(map(re.escape, words), key=len, reverse=True))})[^。；;：:\\n]{{0,6}}[：:]")


def name_place(row: str, start: int, end: int) -> str:
    """Where a name found at row[start:end] stands: alone on its line, after a role label, in brackets, in a table cell,
    in a 、 list, at a clause start, inside a sentence."""
    if not (row[:start] + row[end:]).strip(_BLANKS):
        return "alone on its line"
    clause = re.split(r"[。；;\n]", row[:start])[-1]
    if _label_pattern().search(clause):
        return "after role label"
    if sum(clause.count(c) for c in _OPENERS) > sum(clause.count(c) for c in _CLOSERS):
        return "in brackets"
    if " | " in row or "\t" in row:
        return "table cell"
    if row[start - 1:start] == "、" or row[end:end + 1] == "、":
        return "in a 、 list"
    if not re.split(r"[，,：:]", clause)[-1].strip(" 　0-9.、一二三四五六七八九十（）()"):
        return "clause start"
    return "inside a sentence"


class TaskLines:
    """The lines of each gold task of one document (from its line up to the next task's), to find a name in."""

    def __init__(self, document: GoldDocument) -> None:
        self.rows = source_text(document).split("\n")
        tasks = document.gold.model_dump(exclude_none=True).get("tasks") or []
        starts = sorted({int(t.get("line", 0)) for t in tasks})
        self.line_of = {t["path"]: int(t.get("line", 0)) for t in tasks}
        self.next_start = {line: nxt for line, nxt in zip(starts, starts[1:] + [len(self.rows) + 1])}

    def around(self, name: str, line: int) -> tuple[str, str]:
        """What follows and what precedes the name where it first stands in the task's lines (``word_after``, ``word_before``)."""
        for number in range(line, self.next_start.get(line, line + 1)):
            row = self.rows[number - 1] if 0 < number <= len(self.rows) else ""
            at = row.find(name)
            if at >= 0:
                return word_after(row, at + len(name)), word_before(row, at)
        return "not in its own lines", "not in its own lines"

    def place(self, name: str, task: str, line: int) -> str:
        """Where the name stands in the lines of the task or, failing that, of one of its ancestors."""
        return self.found(name, task, line)[0]

    def found(self, name: str, task: str, line: int) -> tuple[str, str]:
        """Where the name stands (as ``place``) and whose lines hold it: the task's own, an ancestor's (units39b: a list in
        a parent's line that its items inherit), or none."""
        parts = task.split(".")
        own = {line, self.line_of.get(task, 0)}
        firsts = [line] + [self.line_of.get(".".join(parts[:k]), 0) for k in range(len(parts), 0, -1)]
        for first in filter(None, firsts):
            for number in range(first, self.next_start.get(first, first + 1)):
                row = self.rows[number - 1] if 0 < number <= len(self.rows) else ""
                at = row.find(name)
                if at >= 0:
                    return name_place(row, at, at + len(name)), "own lines" if first in own else "an ancestor's lines"
        return "not verbatim", "not verbatim"


def recognised_alone(name: str) -> str:
    """Whether the name, asked alone, is a unit to the name engine: known to the registry, shaped like a unit, or neither."""
    if REGISTRY.lookup(name) is not None:
        return "registered"
    return "shaped like a unit" if looks_like_unit(name, REGISTRY, unit_rules()) else "not a unit alone"


def word_after(row: str, end: int) -> str:
    """The class of what follows a name in its line: punctuation, a role word, a word of duty, or another word."""
    rest = row[end:].lstrip(" 　")
    if not rest:
        return "end of line"
    if rest[0] in "，,、；;。：:（(）)等":
        return f"mark {rest[0]}"
    units = data("units")
    roles = sorted({w for ws in units["label_role_words"].values() for w in ws} | {"负责"}, key=len, reverse=True)
    if rest.startswith(tuple(roles)):
        return "role word"
    if rest.startswith(tuple(units["body_duty_modals"])):
        return "word of duty"
    return "other word"


def word_before(row: str, start: int) -> str:
    """The class of what stands before a name in its line: the line's start, punctuation, a partner word (会同, 联合),
    由, a role word (配合, 协助: the name is the one helped), or another word."""
    head = row[:start].rstrip(" 　")
    if not head:
        return "start of line"
    if head[-1] in "，,、；;。：:（(）)":
        return f"mark {head[-1]}"
    units = data("units")
    if head.endswith(tuple(units["joint_markers"]) + tuple(units["support_markers"]) + tuple(units["partner_markers"])):
        return "partner word"
    if head.endswith("由"):
        return "由"
    roles = {w for ws in units["label_role_words"].values() for w in ws}
    return "role word" if head.endswith(tuple(roles)) else "other word"


def shape_of(miss: Miss, lines: TaskLines) -> Shape:
    """The shape of a unit miss (its text is the name, its detail the task path)."""
    place, source = lines.found(miss.text, miss.detail, miss.line)
    return Shape(name_kind(miss.text), length_bucket(miss.text), place, source, recognised_alone(miss.text),
                 *lines.around(miss.text, miss.line))


def unit_misses(results: list[DocumentScore], causes: tuple[str, ...] = CAUSES) -> list[tuple[int, Miss]]:
    """(document index, miss) of every unit miss of the causes (by default: found on no task or with another boundary)."""
    return [(k, miss) for k, result in enumerate(results) for miss in result.misses
            if miss.field in ("lead_units", "support_units", "responsible_units") and miss.cause in causes]


def unit_shapes(documents: list[GoldDocument], results: list[DocumentScore],
                causes: tuple[str, ...] = CAUSES) -> Counter[tuple[Shape, str, str]]:
    """(shape, field, kind) of every such miss; a name inherited down a task tree counts once per task, as the evaluation counts it."""
    shapes: Counter[tuple[Shape, str, str]] = Counter()
    misses = unit_misses(results, causes)
    lines = {k: TaskLines(documents[k]) for k in {k for k, _ in misses}}
    for k, miss in misses:
        shapes[(shape_of(miss, lines[k]), miss.field, miss.kind)] += 1
    return shapes


def distinct_names(results: list[DocumentScore], causes: tuple[str, ...] = CAUSES) -> Counter[tuple[str, str]]:
    """(field, kind) counts of distinct names per document, so that a name inherited by many tasks counts once."""
    return Counter((field, kind) for k, field, kind, _ in {(k, m.field, m.kind, m.text) for k, m in unit_misses(results, causes)})


def table(shapes: Counter[tuple[Shape, str, str]], title: str, key: str) -> list[str]:
    """One table of counts: a row per class of one dimension, a column per field and kind."""
    rows: dict[str, Counter[tuple[str, str]]] = {}
    for (shape, field, kind), count in shapes.items():
        rows.setdefault(getattr(shape, key), Counter())[(field, kind)] += count
    out = [f"{title:26s}" + "".join(f"{f.split('_')[0] + ' ' + k:>17s}" for f, k in COLUMNS)]
    for label, counts in sorted(rows.items(), key=lambda item: -sum(item[1].values())):
        out.append(f"{label:26s}" + "".join(f"{counts[c]:17d}" for c in COLUMNS))
    return out


def main() -> None:
    """Print the counts of one split by kind, length and place, and the commonest kind-and-place pairs."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("group", choices=("seeds", "dev", "held-out"))
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--cause", action="append", help="a cause to count (repeatable; default: %s)" % ", ".join(CAUSES))
    args = parser.parse_args()
    causes = tuple(args.cause or CAUSES)
    documents, results = split_scores(args.group)
    shapes = unit_shapes(documents, results, causes)
    for title, key in (("kind", "kind"), ("length", "length"), ("place in the task", "place"), ("whose lines", "source"),
                       ("the name alone", "alone"), ("what follows it", "after"),
                       ("what comes before it", "before")):
        print("\n".join(table(shapes, title, key)), end="\n\n")
    pairs: Counter[tuple[str, str, str, str]] = Counter()
    for (shape, field, kind), count in shapes.items():
        pairs[(shape.kind, f"{shape.place}, {shape.source}", field, kind)] += count
    for (kind, place, field, side), count in pairs.most_common(args.top):
        print(f"{count:5d}  {field:13s} {side:8s} {kind:26s} {place}")
    names = distinct_names(results, causes)
    print("distinct names (per document):", ", ".join(f"{f.split('_')[0]} {k} {names[(f, k)]}" for f, k in COLUMNS))


if __name__ == "__main__":
    main()
