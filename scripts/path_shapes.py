"""Count the task lines whose path differs from the gold's by the *shape* of both paths (numbers and numerals
replaced by 1 and 一), with no text of any document, so the held-out split can say which outline shapes cost
most: `python scripts/path_shapes.py held-out`."""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from pathlib import Path

from govplan.evaluate import DocumentScore, evaluate
from govplan.gold import GoldDocument, apply_overrides, gold_files, load_gold, load_split
from govplan.pipeline import extract_specs
from govplan.readers import read_source

ROOT = Path(__file__).resolve().parent.parent
_SHAPES = ((r"[一二三四五六七八九十百零〇]+", "一"), (r"[0-9０-９]+", "1"), (r"[①-⑳]", "①"), (r"[⑴-⒇]", "⑴"),
           (r"[A-Za-zＡ-Ｚａ-ｚ]", "A"))


def path_shape(path: str) -> str:
    """A path with its numbers and numerals reduced to their kind: 附件1.二.(三).4 → 附件1/一/(一)/1."""
    segments = []
    for segment in path.split("."):
        for pattern, kind in _SHAPES:
            segment = re.sub(pattern, kind, segment)
        segments.append(segment)
    return "/".join(segments)


def shape_pairs(results: list[DocumentScore]) -> Counter[tuple[str, str, str]]:
    """(cause, gold shape, extracted shape) of every task line that has a node on one side with another path."""
    pairs: Counter[tuple[str, str, str]] = Counter()
    for result in results:
        by_line: dict[int, dict[str, tuple[str, str]]] = defaultdict(dict)
        for miss in result.misses:
            if miss.field == "tasks" and miss.cause != "no node":
                by_line[miss.line][miss.kind] = (miss.text, miss.cause)
        for sides in by_line.values():
            gold, ours = sides.get("missed"), sides.get("spurious")
            cause = (gold or ours or ("", ""))[1]
            pairs[(cause, path_shape(gold[0]) if gold else "-", path_shape(ours[0]) if ours else "-")] += 1
    return pairs


def split_scores(group: str) -> tuple[list[GoldDocument], list[DocumentScore]]:
    """The gold documents of one split group and their scores against a fresh extraction (scripts/unit_shapes.py too)."""
    split = load_split(ROOT / "corpus" / "split.yaml")
    documents = [apply_overrides(load_gold(path), split.overrides)
                 for folder in split.corpora for path in gold_files(folder) if split.group(path.stem) == group]
    return documents, evaluate(documents, lambda source: extract_specs(read_source(source)))


def main() -> None:
    """Print the commonest shape pairs of one split, and how the differing lines spread over its documents."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("group", choices=("seeds", "dev", "held-out"))
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    results = split_scores(args.group)[1]
    for (cause, gold, ours), count in shape_pairs(results).most_common(args.top):
        print(f"{count:5d}  {cause:13s} gold {gold:28s} extracted {ours}")
    spread = Counter(sum(m.field == "tasks" and m.cause != "no node" for m in r.misses) for r in results)
    print("documents by their number of such lines:", ", ".join(f"{n}×{k}" for k, n in sorted(spread.items(), reverse=True)))


if __name__ == "__main__":
    main()
