"""Where `extract --jobs 2` spends its time, process by process, against `--jobs 1` (issue 17's ≥ 1.8×).

    python bench/jobs_timeline.py [--tree DIR] [--files 40] [--runs 5]

The bench's 40 archive files (bench/run.py: JOBS_FILES) are extracted by the real CLI in a fresh process,
with govplan.batch's warm-up and its worker call wrapped to note, per process, the CPU time (process_time)
and the wall time since start when the warm-up begins and ends and when each document starts and ends.
Printed, medians of ``--runs`` runs taken in turns (--jobs 1, then --jobs 2): the serial part before any
worker can start, split into the interpreter with govplan.cli.app, the command up to the run's options (its
imports, the spec models) and the rest (reading the inputs, the warm-up), each worker's CPU and
documents, the parent's CPU while they work, the wall time; and the speed-up a perfect split of the
rest would give, ``T1 / (S + (T1 - S) / 2)``, where T1 is --jobs 1's CPU and S the serial part: what
--jobs 2 can reach at best while that part stays serial. CPU figures need no idle machine; wall ones do.

Also the parent's work while the workers run (its CPU until the pool is shut down: receiving results,
writing specs, of which apply_result's share is printed, importing rich), its tail after that (the summary; the interpreter's finalization is not
counted), and a second bound that counts both: ``T1 / (S + (T1 - S + P) / 2 + tail)``, P the parent's
CPU while the workers run (shared with them on two cores), the tail alone.

Instruction counts are steadier on a shared machine. Run the real command under callgrind with
``--dump-before=PyOS_BeforeFork``: the parent's profile is then cut at each fork (part 1 is the serial
part, the last part its work after the fork) and each worker's count starts at zero when it is forked.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from archive import archive, write
from run import JOBS_FILES

ROOT = Path(__file__).resolve().parent.parent

_CHILD = """
import json, os, sys, time
began = time.perf_counter()
log = sys.argv[1]

def note(event):
    with open(f"{log}/{os.getpid()}", "a") as handle:
        handle.write(json.dumps([event, time.perf_counter() - began, time.process_time()]) + "\\n")

note("start")
sys.argv = ["govplan", "extract", *sys.argv[2:]]  # before govplan.cli.app's import: it picks the command's caches by it
from govplan.cli.app import main
note("imported")
import govplan.batch as batch
import govplan.run_outputs as run_outputs

def noted(function, name):
    def run(*args, **kwargs):
        note(name + "-begin")
        try:
            return function(*args, **kwargs)
        finally:
            note(name + "-end")
    return run

batch.warm_up = noted(batch.warm_up, "warm")
batch._Processor.__call__ = noted(batch._Processor.__call__, "document")
batch.run_options = noted(batch.run_options, "options")
batch.apply_result = run_outputs.apply_result = noted(batch.apply_result, "apply")
import govplan.workers as workers
map_until_lost = workers.map_until_lost

def noted_map(*args, **kwargs):
    yield from map_until_lost(*args, **kwargs)
    note("pool-end")

workers.map_until_lost = noted_map
try:
    main()
finally:
    note("end")
"""


def timeline(tree: Path, paths: list[Path], jobs: int, tmp: Path) -> dict[str, float]:
    """One run's figures: parent and worker CPU, the serial part, wall (seconds)."""
    log = tmp / f"log-{jobs}"
    log.mkdir(exist_ok=True)
    for old in log.iterdir():
        old.unlink()
    env = dict(os.environ, GOVPLAN_LANG="en", PYTHONPATH=str(tree.resolve()))
    args = [*map(str, paths), "-o", str(tmp / f"out-{jobs}"), "--force", "--jobs", str(jobs)]
    subprocess.run([sys.executable, "-c", _CHILD, str(log), *args], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    processes = {path.name: [json.loads(line) for line in path.read_text().splitlines()] for path in log.iterdir()}
    parent = next(events for events in processes.values() if events[0][0] == "start")
    workers = [events for events in processes.values() if events is not parent]
    marks = {event: (wall, cpu) for event, wall, cpu in parent}
    serial = marks["warm-end"][1] if "warm-end" in marks else 0.0
    pool_end = marks.get("pool-end", marks["end"])[1]
    figures = {"wall": marks["end"][0], "parent_cpu": marks["end"][1], "serial_cpu": serial,
               "parent_cpu_while_working": pool_end - serial, "parent_cpu_tail": marks["end"][1] - pool_end,
               "imported_cpu": marks["imported"][1], "options_cpu": marks["options-end"][1] - marks["imported"][1],
               "writing_cpu": sum(cpu if event == "apply-end" else -cpu for event, _, cpu in parent if event.startswith("apply-"))}
    for number, events in enumerate(sorted(workers, key=lambda e: -e[-1][2]), start=1):
        figures[f"worker{number}_cpu"] = events[-1][2]
        figures[f"worker{number}_documents"] = sum(1 for event in events if event[0] == "document-end")
        figures[f"worker{number}_first_document_at"] = events[0][1]
    return figures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="extract --jobs 2 against --jobs 1, process by process")
    parser.add_argument("--tree", type=Path, default=ROOT, help="the code tree to run (PYTHONPATH)")
    parser.add_argument("--files", type=int, default=JOBS_FILES)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="govplan-jobs-") as name:
        tmp = Path(name)
        paths = write(archive(1), tmp / "archive")[:args.files]
        runs: dict[int, list[dict[str, float]]] = {1: [], 2: []}
        for _ in range(args.runs):
            for jobs in runs:
                runs[jobs].append(timeline(args.tree, paths, jobs, tmp))
    medians = {jobs: {key: statistics.median(run[key] for run in found) for key in found[0]} for jobs, found in runs.items()}
    one, two = medians[1], medians[2]
    total_two = two["parent_cpu"] + sum(value for key, value in two.items() if key.endswith("_cpu") and key.startswith("worker"))
    serial = two["serial_cpu"]
    bound = one["parent_cpu"] / (serial + (one["parent_cpu"] - serial) / 2)
    print(f"{args.files} files, medians of {args.runs} runs taken in turns; load average {os.getloadavg()[0]:.1f}")
    print(f"--jobs 1: {one['parent_cpu']:.3f} s CPU, {one['wall']:.3f} s wall")
    print(f"--jobs 2: {total_two:.3f} s CPU, {two['wall']:.3f} s wall = {one['wall'] / two['wall']:.2f}x")
    print(f"  serial before the workers: {serial:.3f} s CPU = interpreter and govplan.cli.app {two['imported_cpu']:.3f}"
          f" + the command up to the run's options (its imports, the spec models) {two['options_cpu']:.3f}"
          f" + reading inputs and the warm-up {serial - two['imported_cpu'] - two['options_cpu']:.3f}")
    print(f"  parent while they work: {two['parent_cpu_while_working']:.3f} s CPU (writing specs {two['writing_cpu']:.3f}); "
          f"after the pool is shut down (summary): {two['parent_cpu_tail']:.3f} s CPU")
    for key in sorted(k for k in two if k.startswith("worker") and k.endswith("_cpu")):
        number = key.removesuffix("_cpu")
        print(f"  {number}: {two[key]:.3f} s CPU, {two[number + '_documents']:.0f} documents, "
              f"first at {two[number + '_first_document_at']:.3f} s")
    print(f"best --jobs 2 speed-up with that serial part: {bound:.2f}x")
    parallel = one["parent_cpu"] - serial + two["parent_cpu_while_working"]
    with_parent = one["parent_cpu"] / (serial + parallel / 2 + two["parent_cpu_tail"])
    print(f"  and with the parent's work while they run and after: {with_parent:.2f}x")


if __name__ == "__main__":
    main()
