"""A firing audit: what a change does to notices nobody wrote its rules from. Extracts every text of the unlabelled
pool (corpus/pool/, no gold) with two code trees and prints, per document, each item only one of them gives — a task node,
a deadline, a target or a unit with its role, on its task, with the line it stands on — for a person to read and judge
right or wrong (issue 11: rules proven on documents they were not written from; the pool's README says how to use it).

    python scripts/pool_diff.py --before /tmp/main-archive --after /work/wt-branch [--only units]

Each tree runs as `python -P -m govplan extract` with the tree first on PYTHONPATH and its own user cache, so the two
never share code or memo. Exit 0; the count of changed items is printed last.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
POOL = ROOT / "corpus" / "pool"
KINDS = ("tasks", "deadlines", "targets", "units")


def extract(tree: Path, texts: list[Path], out: Path) -> None:
    """Specs (JSON) of every text, extracted with the code in ``tree``."""
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(tree), "XDG_CACHE_HOME": str(out / ".cache")}
    command = [sys.executable, "-P", "-m", "govplan", "extract", *map(str, texts), "-o", str(out), "--format", "json",
               "--force"]
    subprocess.run(command, env=env, cwd=ROOT, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def items(spec: dict, kind: str) -> set[tuple[str, ...]]:
    """The items of one kind in a spec, each as (task id, what was read, how it was read, where it starts); a task is
    itself an item of kind "tasks" (its path, title and number)."""
    found: set[tuple[str, ...]] = set()
    for task in _walk(spec.get("tasks", [])):
        if kind == "tasks":  # a node: its numbering path and the start of its title, where its line starts
            found.add((task["id"], (task.get("title") or "")[:30], task.get("number") or "", str(task.get("span", {}).get("start", ""))))
            continue
        for item in task.get(kind) or []:
            if kind == "units":
                reading = item.get("role", "")
            elif kind == "deadlines":
                reading = f"{item.get('kind', '')} {item.get('due') or item.get('start') or ''}".strip()
            else:
                reading = f"{item.get('comparator', '')} {item.get('value', '')} {item.get('unit', '')}".strip()
            found.add((task["id"], item.get("text", ""), reading, str(item.get("span", {}).get("start", ""))))
    return found


def _walk(tasks: list[dict]) -> Iterator[dict]:
    """Every task node of a tree, children after their parent (a change that moves items one level down shows as such)."""
    for task in tasks:
        yield task
        yield from _walk(task.get("children") or [])


def specs(folder: Path) -> dict[str, dict]:
    """Every spec in a folder, by file stem (a compilation's parts keep their part suffix)."""
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))}


def context(text: str, start: str, before: int = 50, after: int = 70) -> str:
    """The words around where an item's span starts, within its line, for the reader (spans count the original file's
    characters; a page run onto one line shows only the item's neighbourhood)."""
    if not start.isdigit():
        return ""
    at = int(start)
    begin = max(text.rfind("\n", 0, at) + 1, at - before)
    end = text.find("\n", at)
    end = min(end if end >= 0 else len(text), at + after)
    return text[begin:at].lstrip() + "【" + text[at:end].rstrip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="a code tree (a checkout or an archive of one)")
    parser.add_argument("--after", type=Path, required=True)
    parser.add_argument("--pool", type=Path, default=POOL)
    parser.add_argument("--only", choices=KINDS, action="append", help="the kinds of item to compare (default: all)")
    args = parser.parse_args()
    texts = sorted(args.pool.glob("p*.txt"))
    kinds = args.only or list(KINDS)
    with tempfile.TemporaryDirectory() as tmp:
        before, after = Path(tmp) / "before", Path(tmp) / "after"
        extract(args.before.resolve(), texts, before)
        extract(args.after.resolve(), texts, after)
        old, new = specs(before), specs(after)
    changed = 0
    for stem in sorted(set(old) | set(new)):
        source = args.pool / f"{stem.split('.part-')[0]}.txt"
        text = source.read_text(encoding="utf-8", errors="replace") if source.exists() else ""
        lines = []
        for kind in kinds:
            was, now = items(old.get(stem, {}), kind), items(new.get(stem, {}), kind)
            for sign, group in (("-", was - now), ("+", now - was)):
                for task, item, reading, start in sorted(group):
                    lines.append(f"  {sign} {kind[:-1]:8} {task:12} {item} [{reading}]  | {context(text, start)}")
        if lines:
            print(stem)
            print("\n".join(lines))
            changed += len(lines)
    print(f"{len(texts)} pool texts, {len(old)} and {len(new)} specs extracted; {changed} items changed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
