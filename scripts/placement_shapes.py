"""Count the units the evaluation finds on another task node than the gold's (cause "other task": written outside the
stating task's own lines) by how the nodes relate and where the name is written, with no text of any document, so the
held-out split can say which placement costs most: `python scripts/placement_shapes.py held-out`.

For each such missed (task, unit): the gold node whose statement gives it (the task or its nearest stating ancestor), the
nearest node on which the extractor states the unit in that role (child, parent, previous or next sibling …), and where
the name is written relative to the gold node (in an earlier sibling's lines, an ancestor's, a later node's …) with its
place in that line (unit_shapes.name_place: after a role label, in brackets, a table cell …)."""

from __future__ import annotations

import argparse
from collections import Counter
from typing import Any

from path_shapes import ROOT  # scripts/ is on the path of a script run from it
from unit_shapes import TaskLines, name_place

from govplan.evaluate import _same_unit, evaluate
from govplan.gold import GoldDocument, apply_overrides, gold_files, load_gold, load_split
from govplan.pipeline import extract_specs
from govplan.readers import read_source
from govplan.spec.tree import iter_paths

CAUSE = "other task"


def relation(gold: str, ours: str) -> str:
    """How the node the extractor states a unit on relates to the gold node that states it."""
    g, o = gold.split("."), ours.split(".")
    if o[:len(g)] == g:
        return "its child" if len(o) == len(g) + 1 else "deeper under it"
    if g[:len(o)] == o:
        return "its parent" if len(g) == len(o) + 1 else "higher above it"
    if g[:-1] == o[:-1]:
        return "a sibling"
    return "elsewhere"


def stating_node(gold: dict[str, Any], role: str, task: str, unit: str) -> str:
    """The task itself or its nearest ancestor whose gold statement names the unit in the role."""
    stating = [e["task"] for e in gold.get("assignments") or [] if unit in (e.get(role) or [])
               and (task == e["task"] or task.startswith(e["task"] + "."))]
    return max(stating, key=len) if stating else task


def written_at(lines: TaskLines, tasks: list[tuple[int, str]], node: str, unit: str) -> tuple[str, str]:
    """Where the name is first written, relative to the gold node (nearest before it, else after), and its place in that line."""
    first = lines.line_of.get(node, 0)
    order = sorted(range(1, len(lines.rows) + 1), key=lambda n: (n > first, abs(n - first)))
    for number in order:
        row = lines.rows[number - 1]
        at = row.find(unit)
        if at < 0:
            continue
        owner = next((path for line, path in reversed(tasks) if line <= number), "")
        if not owner:
            return "before any task", name_place(row, at, at + len(unit))
        side = "earlier" if number < first else "later"
        return f"{side} node: {relation(node, owner)}", name_place(row, at, at + len(unit))
    return "not verbatim", "-"


def main() -> None:
    """Print the counts of one split by node relation and by where the name is written, and their spread over documents."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("group", choices=("seeds", "dev", "held-out"))
    args = parser.parse_args()
    split = load_split(ROOT / "corpus" / "split.yaml")
    documents: list[GoldDocument] = [apply_overrides(load_gold(path), split.overrides)
                                     for folder in split.corpora for path in gold_files(folder) if split.group(path.stem) == args.group]
    cache: dict[Any, list] = {}

    def extract(source: Any) -> list:
        if source not in cache:
            cache[source] = extract_specs(read_source(source))
        return cache[source]

    results = evaluate(documents, extract)
    relations: Counter[tuple[str, str]] = Counter()
    written: Counter[tuple[str, str, str]] = Counter()
    spread: Counter[int] = Counter()
    for document, result in zip(documents, results):
        misses = [m for m in result.misses if m.field in ("lead_units", "support_units") and m.kind == "missed" and m.cause == CAUSE]
        spread[len(misses)] += 1
        if not misses:
            continue
        gold = document.gold.model_dump(exclude_none=True)
        lines = TaskLines(document)
        tasks = sorted((int(t.get("line", 0)), t["path"]) for t in gold.get("tasks") or [])
        paths = [p for spec in extract(document.source) for p in iter_paths(spec)]
        for miss in misses:
            role = miss.field.split("_")[0]
            node = stating_node(gold, role, miss.detail, miss.text)
            ours = [p[-1].id for p in paths for u in p[-1].units
                    if u.role == role and any(_same_unit(n, miss.text) for n in filter(None, (u.name, u.canonical)))]
            kinds = sorted({relation(node, o) for o in ours}, key=["its child", "deeper under it", "its parent", "higher above it",
                                                                    "a sibling", "elsewhere"].index)
            relations[(kinds[0] if kinds else "only inherited", miss.field)] += 1
            where, place = written_at(lines, tasks, node, miss.text)
            written[(where, place, miss.field)] += 1
    fields = ("lead_units", "support_units")
    print(f"{'extractor states it on':28s}" + "".join(f"{f:>15s}" for f in fields))
    for label in sorted({k for k, _ in relations}, key=lambda k: -sum(relations[(k, f)] for f in fields)):
        print(f"{label:28s}" + "".join(f"{relations[(label, f)]:15d}" for f in fields))
    print(f"\n{'name written':34s}{'place in its line':22s}" + "".join(f"{f:>15s}" for f in fields))
    for where, place in sorted({(w, p) for w, p, _ in written}, key=lambda k: -sum(written[(*k, f)] for f in fields)):
        print(f"{where:34s}{place:22s}" + "".join(f"{written[(where, place, f)]:15d}" for f in fields))
    print("\ndocuments by their number of such misses:", ", ".join(f"{n}×{k}" for k, n in sorted(spread.items(), reverse=True)))


if __name__ == "__main__":
    main()
