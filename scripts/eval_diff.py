"""Did a change move the scores, or only the documents? Compare two `govplan eval --json` runs over
the same gold documents (e.g. before and after a merge, on the held-out split): per field, the
change of F1 and its paired 95% bootstrap interval over documents (govplan.evaluate.f1_change).
A change whose interval holds 0 is within what the choice of documents alone could give.

    govplan eval --split held-out --json > after.json   (and the same with the old code: before.json)
    python scripts/eval_diff.py before.json after.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from govplan.evaluate import FIELDS, f1_change


def counts(run: dict, names: list[str], field: str) -> list[tuple[int, int, int]]:
    """Per document (in ``names`` order), the (tp, predicted, expected) of one field."""
    return [(run["documents"][n][field]["tp"], run["documents"][n][field]["predicted"], run["documents"][n][field]["expected"])
            for n in names]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--rounds", type=int, default=2000)
    args = parser.parse_args()
    before, after = (json.loads(p.read_text(encoding="utf-8")) for p in (args.before, args.after))
    names = sorted(before["documents"])
    if names != sorted(after["documents"]):
        print("the two runs scored different gold documents; compare runs over the same split", file=sys.stderr)
        return 2
    print(f"{len(names)} documents; F1 change (after - before) and its paired 95% interval")
    for field in FIELDS:
        delta, low, high = f1_change(counts(before, names, field), counts(after, names, field), args.rounds)
        verdict = "within noise" if low <= 0 <= high else ("better" if low > 0 else "worse")
        print(f"{field:15} {delta:+.3f}  [{low:+.3f}, {high:+.3f}]  {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
