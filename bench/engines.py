"""Engine throughput (`make bench` runs it after bench/run.py): the same distinct notices extracted
serially, with `--jobs 2`, and on a local Dask cluster of 2 workers (`--engine dask --jobs 2`).

Method: a slice of the bench archive (bench/archive.py: the gold texts, then deterministic variants),
each run a fresh `govplan extract FILES -o OUT --force` process, wall and CPU time (CPU includes the
processes it waits for) as medians of runs taken in turns; the outputs of every engine are compared
byte for byte with the serial run's. The Dask figure includes starting the local cluster, as a user
without a long-lived one pays it. Skipped, with a note, when the dask extra is not installed. Results go
to bench/results/engines.json. A measurement script: it asserts nothing.
"""

from __future__ import annotations

import argparse
import filecmp
import importlib.util
import json
import shutil
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

from archive import archive, first_megabytes, write
from procs import Run, interleaved, run_child

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
GOVPLAN = Path(sys.executable).parent / "govplan"
ENGINES = {"serial": ["--jobs", "1"], "jobs2": ["--jobs", "2"], "dask2": ["--engine", "dask", "--jobs", "2"]}


def extract(paths: list[Path], out: Path, options: list[str]) -> Run:
    """One fresh `govplan extract` run into ``out`` (emptied first)."""
    shutil.rmtree(out, ignore_errors=True)
    return run_child([str(GOVPLAN), "extract", *map(str, paths), "-o", str(out), "--force", *options])


def same_outputs(first: Path, second: Path) -> bool:
    """Whether two output folders hold the same files with the same bytes."""
    names = sorted(p.name for p in first.iterdir())
    if names != sorted(p.name for p in second.iterdir()):
        return False
    match, mismatch, errors = filecmp.cmpfiles(first, second, names, shallow=False)
    return not mismatch and not errors


def main(argv: list[str] | None = None) -> None:
    """Measure every available engine on the same files and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=5.0, help="size of the archive slice")
    parser.add_argument("--runs", type=int, default=3, help="interleaved runs per engine (medians)")
    args = parser.parse_args(argv)
    engines = dict(ENGINES)
    if importlib.util.find_spec("distributed") is None:
        del engines["dask2"]
        print("dask is not installed (pip install 'govplan[dask]'): the Dask engine is not measured")
    with tempfile.TemporaryDirectory(prefix="govplan-engines-") as tmp_name:
        tmp = Path(tmp_name)
        paths = first_megabytes(write(archive(args.mb), tmp / "in"), args.mb)
        outs = {name: tmp / f"out-{name}" for name in engines}
        summaries = interleaved({name: (lambda n=name: extract(paths, outs[n], engines[n])) for name in engines},
                                args.runs)
        identical = {name: same_outputs(outs["serial"], outs[name]) for name in engines if name != "serial"}
    serial = summaries["serial"].wall
    result = {
        "files": len(paths), "mb": args.mb, "runs": args.runs,
        "engines": {name: asdict(summary) for name, summary in summaries.items()},
        "speedup_wall": {name: serial / summary.wall for name, summary in summaries.items()},
        "identical_to_serial": identical,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "engines.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(f"engines, {len(paths)} distinct notices ({args.mb} MB), medians of {args.runs} runs in turns")
    for name, summary in summaries.items():
        same = "" if name == "serial" else ("  output identical to serial" if identical[name] else "  OUTPUT DIFFERS")
        print(f"  {name:7s} {summary.wall:7.2f} s wall  {summary.cpu:7.2f} s CPU  "
              f"{serial / summary.wall:5.2f}x serial  exit {summary.returncode}{same}")


if __name__ == "__main__":
    main()
