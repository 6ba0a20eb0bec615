"""Child processes for the bench: each measured command runs in a fresh process and reports its
CPU time (user + system, its worker processes included), wall time and peak memory.

Measures are taken in turns ("interleaved"): run 1 of every measure, then run 2 of every measure…
so that all of them see the same machine load, and each figure is the median of its runs.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from dataclasses import dataclass
from typing import Callable

# A tiny parent for a measured command, forked from nothing heavier than `python -S`: it execs the
# command, waits for it and prints "wall cpu maxrss_kb exit_code". wait4's usage covers the
# command and every descendant it waited for (ProcessPoolExecutor workers are joined).
_LAUNCHER = """
import os, sys, time
began = time.perf_counter()
pid = os.fork()
if pid == 0:
    sink = os.open(os.devnull, os.O_WRONLY)
    os.dup2(sink, 1)
    os.dup2(sink, 2)
    os.execv(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
print(time.perf_counter() - began, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


@dataclass(frozen=True)
class Run:
    """One run of a measure: wall and CPU seconds, peak resident memory, exit code."""

    wall: float
    cpu: float
    peak_mb: float = 0.0
    returncode: int = 0


def run_child(args: list[str], env: dict[str, str] | None = None) -> Run:
    """Run a command to completion in a fresh process (output discarded)."""
    full_env = dict(os.environ, GOVPLAN_LANG="en", **(env or {}))
    done = subprocess.run(
        [sys.executable, "-S", "-c", _LAUNCHER, *args], env=full_env, capture_output=True, text=True, check=True
    )
    wall, cpu, maxrss_kb, code = done.stdout.split()
    return Run(float(wall), float(cpu), int(maxrss_kb) / 1024, int(code))


@dataclass(frozen=True)
class Summary:
    """The medians of a measure's runs (each figure on its own), the highest peak and worst exit."""

    wall: float
    cpu: float
    peak_mb: float
    returncode: int
    runs: int

    @classmethod
    def of(cls, runs: list[Run]) -> Summary:
        worst = max((run.returncode for run in runs), key=abs)
        return cls(
            statistics.median(r.wall for r in runs), statistics.median(r.cpu for r in runs),
            max(r.peak_mb for r in runs), worst, len(runs),
        )


def interleaved(measures: dict[str, Callable[[], Run]], runs: int) -> dict[str, Summary]:
    """Every measure run ``runs`` times, in turns; the summary of each."""
    taken: dict[str, list[Run]] = {name: [] for name in measures}
    for _ in range(runs):
        for name, measure in measures.items():
            taken[name].append(measure())
    return {name: Summary.of(found) for name, found in taken.items()}
