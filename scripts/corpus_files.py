"""Gold files and source texts of one split, so that searches over the corpus can leave the
held-out documents unread: `grep PATTERN $(python scripts/corpus_files.py dev)`."""

from __future__ import annotations

import argparse
from pathlib import Path

from govplan.gold import gold_files, load_gold, load_split

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    """Print the gold file and the source of every document in the chosen groups, one per line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("groups", nargs="+", choices=("seeds", "dev", "held-out"))
    parser.add_argument("--gold-only", action="store_true", help="gold files only")
    args = parser.parse_args()
    split = load_split(ROOT / "corpus" / "split.yaml")
    printed: set[Path] = set()
    for folder in split.corpora:
        for path in gold_files(folder):
            if split.group(path.stem) in args.groups:
                source = load_gold(path).source  # several gold files share a compilation's source
                for item in (path,) if args.gold_only or source in printed else (path, source):
                    print(item)
                printed.add(source)


if __name__ == "__main__":
    main()
