"""Like-for-like instruction counts of extraction for two or more code trees: one `govplan extract` of the same
60 corpus documents under valgrind's callgrind, per tree (issue 17: on a shared machine CPU time spreads by tens of
per cent, instruction counts by well under one).

    python bench/like_for_like.py --tree start=/tmp/start-checkout --tree end=.

The documents are the first 60 texts of corpus/docs in id order (c01, c02, …), task tables among them, so that
every session measures the same set. Each tree gets its own user cache (XDG_CACHE_HOME in a temporary folder),
warmed by one plain run first: govplan's pattern and dataclass caches are bounded and shared by every tree on the
machine, so another tree's entries would otherwise crowd out the measured tree's. Byte-compile each tree first
(python -m compileall -q govplan), as an installed package is.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

from cold_paths import instructions
from procs import run_child

ROOT = Path(__file__).resolve().parent.parent
GOVPLAN = Path(sys.executable).parent / "govplan"
DOCUMENTS = 60


def corpus_documents(count: int = DOCUMENTS) -> list[Path]:
    """The first ``count`` texts of corpus/docs in id order (c2 before c10)."""
    def key(path: Path) -> int:
        return int(re.sub(r"\D", "", path.stem) or 0)
    return sorted((ROOT / "corpus" / "docs").glob("c*.txt"), key=key)[:count]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tree", action="append", required=True, help="NAME=PATH of a code tree (repeat)")
    args = parser.parse_args()
    documents = [str(path) for path in corpus_documents()]
    for item in args.tree:
        name, path = item.split("=", 1)
        with tempfile.TemporaryDirectory(prefix="govplan-l4l-") as folder:
            line = ["extract", *documents, "-o", f"{folder}/out", "--force"]
            env = {"XDG_CACHE_HOME": f"{folder}/cache"}
            run_child([str(GOVPLAN), *line], {"PYTHONPATH": str(Path(path).resolve()), **env})  # warm the tree's cache
            count = instructions(Path(path), line, env)
        print(f"{name:10} {count / 1e9:.3f}G instructions ({len(documents)} documents)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
