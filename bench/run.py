"""govplan benchmark (`make bench`): extraction against the OpenCC + jieba floor, on the same text.

Measures, in one run over corpus/seeds:
  (a) the floor: OpenCC t2s conversion plus jieba segmentation (HMM off, govplan's tokenizer);
  (b) extraction: extract_specs in process (warm), and the real `govplan extract` CLI wall time;
      their ratios to the floor;
  (c) cold start of `govplan --help` (median of several runs);
  (d) validate throughput over many generated specs (when the command exists);
  (e) peak memory (ru_maxrss) of every child process and of this one.
`--scale MB` also builds an archive of notices from the corpus and extracts growing slices of it
(5/10/25/50 MB…) to show that time per MB stays flat. Results go to bench/results/latest.json.
This is a measurement script, not a test: it asserts nothing and prints the targets beside the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpus" / "seeds"
RESULTS = ROOT / "bench" / "results" / "latest.json"
GOVPLAN = Path(sys.executable).parent / "govplan"
REPEATS = 3  # in-process timings: median of this many warm runs
HELP_RUNS = 7  # cold starts: median of this many
PROCESS_RUNS = 5  # fresh-process floor and CLI extract: median of this many, taken in turns
VALIDATE_SPECS = 1000
SCALE_STEPS_MB = (5, 10, 25, 50)
TARGET_RATIO = 1.5  # issue 6: extraction at most 1.5x the floor
TARGET_COLD_START = 0.3  # seconds
TARGET_PEAK_MB = 1024
MB = 1024 * 1024


@dataclass
class ChildRun:
    """One child process: wall time, peak resident memory and exit code."""

    seconds: float
    peak_mb: float
    returncode: int


# A tiny parent for measured commands: forked from the bench process, a child's peak RSS would
# start at the bench's own (ru_maxrss keeps the pre-exec high-water mark), so a fresh small
# process forks and times it instead and prints "seconds maxrss_kb exit_code".
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
print(time.perf_counter() - began, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def run_child(args: list[str]) -> ChildRun:
    """Run a command to completion (output discarded): its wall time, own peak RSS and exit code."""
    env = dict(os.environ, GOVPLAN_LANG="en")
    done = subprocess.run([sys.executable, "-S", "-c", _LAUNCHER, *args], env=env, capture_output=True, text=True, check=True)
    seconds, maxrss_kb, code = done.stdout.split()
    return ChildRun(float(seconds), int(maxrss_kb) / 1024, int(code))


def median_seconds(work: Callable[[], object], repeats: int = REPEATS) -> float:
    """Median wall time of ``work`` after one untimed warm-up run (dictionaries loaded, caches filled)."""
    work()
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        work()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def floor_seconds(text: str) -> float:
    """OpenCC t2s over the whole text, then jieba segmentation with govplan's tokenizer (HMM off)."""
    import opencc

    from govplan.lexical.segment import tokenizer

    converter = opencc.OpenCC("t2s")
    return median_seconds(lambda: list(tokenizer().cut(converter.convert(text), HMM=False)))


_COLD_FLOOR = """
import sys
from collections import deque
from pathlib import Path
import opencc
from govplan.lexical.segment import tokenizer
converter, cut = opencc.OpenCC("t2s"), tokenizer().cut
for path in sorted(Path(sys.argv[1]).glob("*.txt")):
    deque(cut(converter.convert(path.read_text(encoding="utf-8")), HMM=False), maxlen=0)
"""


def cold_floor(folder: Path) -> ChildRun:
    """The floor as a fresh process pays it over the notices in ``folder``, one file at a time:
    interpreter, OpenCC and jieba dictionary loads included, the words consumed as they come."""
    return run_child([sys.executable, "-c", _COLD_FLOOR, str(folder)])


def forget_text_memos() -> None:
    """Clear every memo keyed by the text being extracted (segmentations, heading matches, contents
    titles, YAML scalar checks), so warm runs get no answer a first run would not have."""
    from govplan.lexical.segment import clear_cache
    from govplan.spec import emit
    from govplan.structure import compilation, numbering

    clear_cache()
    numbering.match_heading.cache_clear()
    numbering._heading_in.cache_clear()
    compilation._title_cues.cache_clear()
    emit._reads_as_str.cache_clear()


def in_process_seconds(paths: list[Path]) -> dict[str, float]:
    """extract_specs over every file, and the same plus YAML serialisation (what the CLI writes)."""
    from govplan.pipeline import extract_specs
    from govplan.readers import read_source
    from govplan.spec.io import dump_yaml

    def extract() -> list[Any]:
        forget_text_memos()  # every run segments and matches from scratch, as a fresh process would
        return [spec for path in paths for spec in extract_specs(read_source(path))]

    return {
        "extract_specs": median_seconds(extract),
        "extract_specs+yaml": median_seconds(lambda: [dump_yaml(spec) for spec in extract()]),
    }


def cli_extract(inputs: Path, work: Path) -> ChildRun:
    """The real `govplan extract DIR -o OUT --force`, as a user runs it."""
    out = work / f"out-{inputs.name}"
    run = run_child([str(GOVPLAN), "extract", str(inputs), "-o", str(out), "--force"])
    shutil.rmtree(out, ignore_errors=True)
    return run


def fresh_processes(folder: Path, work: Path, runs: int = PROCESS_RUNS) -> tuple[ChildRun, ChildRun]:
    """The fresh-process floor and the CLI extract over ``folder``, run in turns so that both see
    the same machine load; each the median run by wall time (the peak memory is the highest seen)."""
    floors, clis = [], []
    for _ in range(runs):
        floors.append(cold_floor(folder))
        clis.append(cli_extract(folder, work))
    return _median_run(floors), _median_run(clis)


def _median_run(runs: list[ChildRun]) -> ChildRun:
    middle = sorted(runs, key=lambda run: run.seconds)[len(runs) // 2]
    worst_exit = max((run.returncode for run in runs), key=abs)
    return ChildRun(middle.seconds, max(run.peak_mb for run in runs), worst_exit)


def cold_start() -> dict[str, float]:
    """`govplan --help` in fresh processes: the median and the peak memory."""
    runs = [run_child([str(GOVPLAN), "--help"]) for _ in range(HELP_RUNS)]
    return {"median_s": statistics.median(r.seconds for r in runs), "peak_mb": max(r.peak_mb for r in runs)}


def validate_available() -> bool:
    return run_child([str(GOVPLAN), "validate", "--help"]).returncode == 0


def write_spec_copies(count: int, folder: Path) -> int:
    """``count`` spec files made from the real seed specs, each copy naming its own source file and
    title (task ids stay as extracted: they must follow the numbering); returns the bytes written."""
    from govplan.pipeline import extract_specs
    from govplan.readers import read_source
    from govplan.spec.io import dump_yaml

    specs = [spec for path in seed_paths() for spec in extract_specs(read_source(path))]
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for k in range(count):
        copy = specs[k % len(specs)].model_copy(deep=True)
        copy.source.file = f"copy-{k:05d}-{Path(copy.source.file).name}"
        copy.metadata.title = f"{copy.metadata.title or ''}（副本{k}）"
        text = dump_yaml(copy)
        (folder / f"spec-{k:05d}.yaml").write_text(text, encoding="utf-8")
        written += len(text.encode("utf-8"))
    return written


def validate_throughput(work: Path) -> dict[str, Any] | None:
    """Time `govplan validate DIR` over generated specs; None when the command does not exist."""
    if not validate_available():
        return None
    folder = work / "specs"
    size = write_spec_copies(VALIDATE_SPECS, folder)
    run = run_child([str(GOVPLAN), "validate", str(folder)])
    return {
        "specs": VALIDATE_SPECS, "mb": size / MB, "seconds": run.seconds, "specs_per_s": VALIDATE_SPECS / run.seconds,
        "mb_per_s": size / MB / run.seconds, "peak_mb": run.peak_mb, "exit_code": run.returncode,
    }


def build_archive(total_mb: int, folder: Path) -> list[Path]:
    """Notices copied from the corpus, in seed order over and over, until ``total_mb`` is reached."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = [(path, path.read_bytes()) for path in seed_paths()]
    files, size = [], 0
    while size < total_mb * MB:
        path, data = seeds[len(files) % len(seeds)]
        target = folder / f"notice-{len(files):06d}-{path.name}"
        target.write_bytes(data)
        files.append(target)
        size += len(data)
    return files


def slice_of(files: list[Path], megabytes: int, work: Path) -> tuple[Path, int]:
    """A folder of hard links to the first files of the archive that make ``megabytes``; and its size."""
    folder = work / f"slice-{megabytes}MB"
    folder.mkdir()
    size = 0
    for path in files:
        if size >= megabytes * MB:
            break
        os.link(path, folder / path.name)
        size += path.stat().st_size
    return folder, size


def scale(total_mb: int, work: Path) -> list[dict[str, Any]]:
    """Extract growing slices of a ``total_mb`` archive with the CLI, and run the fresh-process
    floor over the same slice: seconds per MB, the ratio (start-up costs fade as input grows)
    and peak memory."""
    files = build_archive(total_mb, work / "archive")
    rows = []
    for megabytes in [m for m in SCALE_STEPS_MB if m < total_mb] + [total_mb]:
        folder, size = slice_of(files, megabytes, work)
        floor, run = fresh_processes(folder, work, runs=1)
        rows.append({
            "mb": size / MB, "files": len(list(folder.iterdir())), "seconds": run.seconds,
            "s_per_mb": run.seconds / (size / MB), "peak_mb": run.peak_mb, "exit_code": run.returncode,
            "floor_s": floor.seconds, "ratio_to_floor": run.seconds / floor.seconds, "floor_peak_mb": floor.peak_mb,
        })
        shutil.rmtree(folder)
    return rows


def machine() -> dict[str, Any]:
    cpu = next((line.split(":", 1)[1].strip() for line in _cpuinfo() if line.startswith("model name")), platform.processor())
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(), "system": platform.platform()}


def _cpuinfo() -> list[str]:
    try:
        return Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines()
    except OSError:
        return []


def measure(scale_mb: int | None) -> dict[str, Any]:
    """Every figure of one run, as a JSON-ready mapping."""
    paths = seed_paths()
    text = "".join(path.read_text(encoding="utf-8") for path in paths)
    with tempfile.TemporaryDirectory(prefix="govplan-bench-") as tmp:
        work = Path(tmp)
        floor = floor_seconds(text)
        inproc = in_process_seconds(paths)
        floor_cold, cli = fresh_processes(SEEDS, work)
        result: dict[str, Any] = {
            "machine": machine(),
            "corpus": {"files": len(paths), "chars": len(text), "mb": sum(p.stat().st_size for p in paths) / MB},
            "floor_s": floor,
            "floor_cold": asdict(floor_cold),
            "extract_specs_s": inproc["extract_specs"],
            "extract_specs_yaml_s": inproc["extract_specs+yaml"],
            "cli_extract": asdict(cli),
            "ratio_extract_specs": inproc["extract_specs"] / floor,
            "ratio_extract_specs_yaml": inproc["extract_specs+yaml"] / floor,
            "ratio_cli_to_cold_floor": cli.seconds / floor_cold.seconds,
            "cold_start": cold_start(),
            "validate": validate_throughput(work),
            "bench_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        }
        if scale_mb:
            result["scale"] = scale(scale_mb, work)
    return result


def report(result: dict[str, Any]) -> str:
    """The figures as a plain table, targets beside them."""
    m, c = result["machine"], result["corpus"]
    rows = [
        ("machine", f"{m['cpu']}, {m['cores']} cores, Python {m['python']}", ""),
        ("corpus", f"{c['files']} files, {c['chars']:,} chars, {c['mb']:.2f} MB", ""),
        ("(a) floor: OpenCC t2s + jieba (HMM off)", f"{result['floor_s']:.3f} s warm", ""),
        ("    floor in a fresh process", f"{result['floor_cold']['seconds']:.3f} s (loads included, median of {PROCESS_RUNS})", ""),
        ("(b) extract_specs, in process", f"{result['extract_specs_s']:.3f} s  = {result['ratio_extract_specs']:.2f}x floor",
         _verdict(result["ratio_extract_specs"])),
        ("    extract_specs + YAML dump", f"{result['extract_specs_yaml_s']:.3f} s  = {result['ratio_extract_specs_yaml']:.2f}x floor",
         _verdict(result["ratio_extract_specs_yaml"])),
        (f"    govplan extract (CLI wall, median of {PROCESS_RUNS})",
         f"{result['cli_extract']['seconds']:.3f} s  = {result['ratio_cli_to_cold_floor']:.2f}x fresh-process floor",
         f"{_verdict(result['ratio_cli_to_cold_floor'])}, exit {result['cli_extract']['returncode']}"),
        ("(c) cold start: govplan --help (median)", f"{result['cold_start']['median_s']:.3f} s", f"< {TARGET_COLD_START} s"),
    ]
    validate = result["validate"]
    if validate is None:
        rows.append(("(d) validate", "validate: not available", ""))
    else:
        rows.append((f"(d) validate {validate['specs']} specs ({validate['mb']:.1f} MB)",
                     f"{validate['seconds']:.2f} s = {validate['specs_per_s']:.0f} specs/s, {validate['mb_per_s']:.1f} MB/s",
                     f"exit {validate['exit_code']}"))
    peaks = [("extract CLI", result["cli_extract"]["peak_mb"]), ("floor", result["floor_cold"]["peak_mb"]),
             ("--help", result["cold_start"]["peak_mb"]),
             ("bench process", result["bench_peak_mb"])]
    if validate is not None:
        peaks.insert(1, ("validate", validate["peak_mb"]))
    rows.append(("(e) peak memory (ru_maxrss)", ", ".join(f"{name} {mb:.0f} MB" for name, mb in peaks), f"< {TARGET_PEAK_MB} MB"))
    for row in result.get("scale", []):
        rows.append((f"scale: {row['mb']:.1f} MB, {row['files']} files",
                     f"{row['seconds']:.1f} s = {row['s_per_mb']:.2f} s/MB = {row['ratio_to_floor']:.2f}x floor "
                     f"({row['floor_s']:.1f} s), peak {row['peak_mb']:.0f} MB",
                     f"{_verdict(row['ratio_to_floor'])}, exit {row['exit_code']}"))
    width = max(len(label) for label, _, _ in rows)
    return "\n".join(f"{label:<{width}}  {value}  {target}".rstrip() for label, value, target in rows)


def _verdict(ratio: float) -> str:
    """The ratio against the issue's target, said plainly."""
    return f"target <= {TARGET_RATIO}x: {'met' if ratio <= TARGET_RATIO else 'NOT met'}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="govplan benchmark against the OpenCC + jieba floor")
    parser.add_argument("--scale", type=int, metavar="MB", help="also extract an archive of this many MB built from the corpus")
    args = parser.parse_args(argv)
    result = measure(args.scale)
    print(report(result))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten: {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
