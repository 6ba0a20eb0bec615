"""The cold paths of issue 17 (`validate one.yaml`, `extract` of one small notice, `render one.yaml` in each
binary and page format, `validate` of a folder) for two or more code trees side by side: instruction counts and CPU medians.

    python bench/cold_paths.py --tree old=/tmp/old-checkout --tree new=. --runs 9 [--callgrind] [--folder DIR]

Each tree's govplan is run as `make bench` runs it (bench/procs.py: a fresh process per run, output
discarded, GOVPLAN_LANG=en) with PYTHONPATH set to the tree, so one installed environment serves every
tree; byte-compile each tree first (python -m compileall -q govplan), as an installed package is.
CPU is user + system of the process and its workers, the median of ``--runs`` runs taken in turns
(run 1 of every tree and command, then run 2 …), so that every figure sees the same machine load.
With --callgrind, each command also runs once under valgrind's callgrind and its instruction count
is printed: on a machine shared with other jobs, that count is the steadier figure.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from procs import interleaved, run_child

ROOT = Path(__file__).resolve().parent.parent
GOVPLAN = Path(sys.executable).parent / "govplan"
SPEC = ROOT / "specs" / "001_6eaa3e467e148cea.yaml"  # the bench's cold spec (seed 001's, 237 KB)
NOTICE = ROOT / "corpus" / "seeds" / "000_ebfc120e504fdcdf.txt"  # the smallest seed (14 KB), for extract_one
INSTRUCTIONS = re.compile(r"refs:\s+([\d,]+)")
FORKED_CHILD_STARTS = "PyOS_AfterFork_Child"  # CPython's first C function in a forked child


def commands(spec: Path, out: Path, folder: Path | None) -> dict[str, list[str]]:
    """The measured command lines, by name: extract_one is the extraction's start-up (imports, the spec
    models, patterns, jieba) with one small notice."""
    lines = {"validate_one": ["validate", str(spec)],
             "extract_one": ["extract", str(NOTICE), "-o", str(out / "extracted"), "--force"]}
    for fmt in ("docx", "xlsx", "html"):
        lines[f"render_{fmt}"] = ["render", str(spec), "--as", "tasktable", "--to", fmt, "-o", str(out / f"one.{fmt}")]
    if folder is not None:
        lines["validate_folder"] = ["validate", str(folder)]
    return lines


def instructions(tree: Path, args: list[str], env: dict[str, str] | None = None) -> int:
    """Instructions of one run of the command under callgrind (``env`` adds to the environment), with
    one fixed string hash seed: with a random one, set and dict orders change from run to run (extract_one
    of one tree counted 1,386.8M-1,387.4M, like for like 6.595G-6.610G; with seed 0, within a thousand).

    A command that forks workers (validate of a folder, extract --jobs) is counted as the parent plus each
    worker's own instructions: a forked process under callgrind starts with its parent's counts so far, so
    each worker's are zeroed where Python's fork hands over to the child (PyOS_AfterFork_Child), and every
    process's count, each printed at its exit, is summed."""
    with tempfile.TemporaryDirectory() as name:
        done = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--zero-before={FORKED_CHILD_STARTS}",
             f"--callgrind-out-file={name}/out.%p", str(GOVPLAN), *args],
            env={**os.environ, "GOVPLAN_LANG": "en", "PYTHONHASHSEED": "0", **_env(tree), **(env or {})},
            capture_output=True, text=True, check=False,
        )
    return sum(int(count.replace(",", "")) for count in INSTRUCTIONS.findall(done.stderr))


def _env(tree: Path) -> dict[str, str]:
    """What a run of the tree's code adds to the environment."""
    return {"PYTHONPATH": str(tree.resolve())}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tree", action="append", required=True, help="NAME=PATH of a code tree (repeat)")
    parser.add_argument("--spec", type=Path, default=SPEC)
    parser.add_argument("--folder", type=Path, help="a folder of specs for `validate DIR`")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--callgrind", action="store_true")
    parser.add_argument("--only", action="append", help="measure only these commands (repeat)")
    args = parser.parse_args()
    trees = {name: Path(path) for name, path in (item.split("=", 1) for item in args.tree)}
    with tempfile.TemporaryDirectory(prefix="govplan-cold-") as name:
        lines = commands(args.spec, Path(name), args.folder)
        lines = {key: value for key, value in lines.items() if not args.only or key in args.only}
        measures = {(tree, key): (lambda t=path, a=line: run_child([str(GOVPLAN), *a], _env(t)))
                    for tree, path in trees.items() for key, line in lines.items()}
        summaries = interleaved({f"{tree} {key}": run for (tree, key), run in measures.items()}, args.runs)
        for key in lines:
            cells = []
            for tree, path in trees.items():
                summary = summaries[f"{tree} {key}"]
                count = f", {instructions(path, lines[key]) / 1e6:,.0f}M instr" if args.callgrind else ""
                cells.append(f"{tree} {summary.cpu:.3f} s CPU (exit {summary.returncode}{count})")
            print(f"{key:16} " + "  |  ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
