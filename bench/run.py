"""govplan benchmark (`make bench`): extraction against two floors, on distinct notices.

Method
------
Inputs. The corpus is every gold text (corpus/seeds, corpus/docs, ../shared/corpus/dev): distinct
notices, about 1 MB. The archive is the corpus followed by rounds of variants of it (bench/archive.py:
numbers, dates, unit and place names changed, neighbouring paragraphs swapped, deterministically), so
that no two files are the same text; slices of it make 1, 5, 10, 25 and 50 MB.

Floors. Both run in a fresh process over the same files, reading each one:
  * the full floor: OpenCC t2s over the whole text, then jieba (HMM off, govplan's tokenizer) over
    all of it, as a converter plus segmenter of the whole archive would;
  * the needed floor: only the library work extraction asks for (recorded by running extraction
    in this process with OpenCC's entry point and govplan's segmentation call wrapped): the
    conversions it makes and the blocks it has segmented, replayed in a fresh process with jieba's
    own cut (govplan's one-pass cut, lexical/dagcut.py, gives the same words in about half
    jieba's time, so this floor is what the library would charge for the same requests).

Extraction. The real `govplan extract FILES -o OUT --force` in a fresh process. govplan forgets every
memo keyed by a document's text when the next document starts (govplan/textmemo.py), so no file
benefits from another one's segmentation or heading matches; the in-process figures call
extract_specs per document the same way.

Figures. CPU time (user + system of the process and its workers, from wait4; process_time in
process) and wall time, each the median of at least 5 runs taken in turns with the floors (run 1 of
every measure, then run 2 …), so that both sides of a ratio see the same machine load. Ratios are
given against both floors, for CPU and wall. Also: `--jobs 2` against `--jobs 1` on 40 files (wall
speed-up, interleaved), cold paths (`--help`, `validate one.yaml`, `render one.yaml --to docx`:
CPU medians of 7), `validate` over 1,000 specs extracted from the archive (CPU includes its
workers), and peak memory. Results go to bench/results/latest.json (and <label>.json with --label).

This is a measurement script, not a test: it asserts nothing and prints each figure beside its target.
"""

from __future__ import annotations

import argparse
import json
import marshal
import platform
import resource
import shutil
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any, Callable

from archive import MB, Document, archive, corpus, first_megabytes, write
from procs import Run, Summary, interleaved, run_child

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
GOVPLAN = Path(sys.executable).parent / "govplan"
SIZES_MB = (1, 5, 10, 25, 50)
RUNS = 5  # interleaved runs per measure (medians)
COLD_RUNS = 7
JOBS_FILES = 40
VALIDATE_SPECS = 1000
VALIDATE_ARCHIVE_MB = 5  # about 1,000 notices: enough archive for VALIDATE_SPECS whatever --sizes asks
TARGET_RATIO = 1.0  # extraction CPU at most the full floor's (issue 17)
TARGET_JOBS_SPEEDUP = 1.8
TARGET_VALIDATE_ONE = 0.15
TARGET_RENDER_DOCX = 0.4
TARGET_VALIDATE_MANY = 2.0
TARGET_HELP = 0.3
TARGET_PEAK_MB = 1024

_FULL_FLOOR = """
import sys
from collections import deque
import opencc
from govplan.lexical.segment import tokenizer
converter, cut = opencc.OpenCC("t2s"), tokenizer().cut
for path in open(sys.argv[1], encoding="utf-8").read().splitlines():
    deque(cut(converter.convert(open(path, encoding="utf-8").read()), HMM=False), maxlen=0)
"""

_NEEDED_FLOOR = """
import marshal, sys
from collections import deque
import opencc
from govplan.lexical.segment import tokenizer
cut, converters = tokenizer().cut, {}
with open(sys.argv[1], "rb") as handle:
    work = marshal.load(handle)
for path, calls in work:
    open(path, encoding="utf-8").read()
    for config, text in calls:
        if config:
            if config not in converters:
                converters[config] = opencc.OpenCC(config)
            converters[config].convert(text)
        else:
            deque(cut(text, HMM=False), maxlen=0)
"""


def full_floor(listing: Path) -> Run:
    """OpenCC t2s and full jieba segmentation of every listed file, in a fresh process."""
    return run_child([sys.executable, "-c", _FULL_FLOOR, str(listing)])


def needed_floor(recorded: Path) -> Run:
    """The recorded library calls of extraction, replayed in a fresh process."""
    return run_child([sys.executable, "-c", _NEEDED_FLOOR, str(recorded)])


def cli_extract(paths: list[Path], out: Path, jobs: int = 1) -> Run:
    """The real `govplan extract FILES -o OUT --force [--jobs N]`."""
    run = run_child([str(GOVPLAN), "extract", *map(str, paths), "-o", str(out), "--force", "--jobs", str(jobs)])
    shutil.rmtree(out, ignore_errors=True)
    return run


# --- recording the library work extraction asks for --------------------------------------------

def record_library_work(paths: list[Path]) -> list[tuple[str, list[tuple[str, str]]]]:
    """For every file, the OpenCC conversions (config, text) and the segmentations ("", text)
    that extracting it asks for, in order: OpenCC's entry point and govplan's one call site for
    segmentation (dagcut.cut, jieba's words for one block) are wrapped meanwhile."""
    import opencc

    from govplan.lexical import dagcut
    from govplan.pipeline import extract_specs
    from govplan.readers import read_source

    calls: list[tuple[str, str]] = []
    convert, cut = opencc.OpenCC.convert, dagcut.cut

    def recording_convert(self: Any, text: str) -> str:
        calls.append((Path(self.config).stem, text))
        return convert(self, text)

    def recording_cut(tok: Any, block: str, *dictionary: Any) -> tuple[str, ...]:
        calls.append(("", block))
        return cut(tok, block, *dictionary)

    extract_specs(read_source(paths[0]))  # dictionary and registry words loaded before recording
    work = []
    opencc.OpenCC.convert, dagcut.cut = recording_convert, recording_cut  # type: ignore[method-assign]
    try:
        for path in paths:
            calls = []
            extract_specs(read_source(path))
            work.append((str(path), calls))
    finally:
        opencc.OpenCC.convert, dagcut.cut = convert, cut  # type: ignore[method-assign]
    return work


def save_work(work: list[tuple[str, list[tuple[str, str]]]], target: Path) -> Path:
    with target.open("wb") as handle:
        marshal.dump(work, handle)
    return target


def listing(paths: list[Path], target: Path) -> Path:
    target.write_text("\n".join(map(str, paths)) + "\n", encoding="utf-8")
    return target


# --- in process ---------------------------------------------------------------------------------

def in_process(docs: list[Document], work: list[tuple[str, list[tuple[str, str]]]], runs: int) -> dict[str, Any]:
    """Warm floors and extraction over the corpus in this process, CPU and wall, taken in turns."""
    import opencc

    from govplan.lexical.segment import tokenizer
    from govplan.merge import stamp
    from govplan.pipeline import extract_text
    from govplan.spec.io import data_to_yaml

    cut, t2s = tokenizer().cut, opencc.OpenCC("t2s")
    converters: dict[str, Any] = {}

    def full() -> None:
        for doc in docs:
            for _ in cut(t2s.convert(doc.text), HMM=False):
                pass

    def needed() -> None:
        for _, calls in work:
            for config, text in calls:
                if config:
                    converters.setdefault(config, opencc.OpenCC(config)).convert(text)
                else:
                    for _ in cut(text, HMM=False):
                        pass

    def extract() -> None:
        for doc in docs:
            extract_text(doc.text, doc.name)

    def extract_and_write() -> None:
        for doc in docs:
            for spec in extract_text(doc.text, doc.name):
                data_to_yaml(stamp(spec), None)

    measures = {"full_floor": full, "needed_floor": needed, "extract_specs": extract, "extract_specs+yaml": extract_and_write}
    for work_once in measures.values():
        work_once()  # warm: dictionaries loaded, patterns compiled
    return {name: asdict(summary) for name, summary in interleaved({k: _timed(v) for k, v in measures.items()}, runs).items()}


def _timed(work: Callable[[], None]) -> Callable[[], Run]:
    def measure() -> Run:
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        return Run(time.perf_counter() - wall, time.process_time() - cpu)
    return measure


# --- fresh processes ----------------------------------------------------------------------------

def fresh(paths: list[Path], work: list[tuple[str, list[tuple[str, str]]]], tmp: Path, runs: int) -> dict[str, Any]:
    """The two floors and the CLI over ``paths``, each in fresh processes, taken in turns."""
    files = listing(paths, tmp / "listing.txt")
    recorded = save_work(work[:len(paths)], tmp / "work.marshal")
    summaries = interleaved({
        "full_floor": lambda: full_floor(files),
        "needed_floor": lambda: needed_floor(recorded),
        "cli": lambda: cli_extract(paths, tmp / "out"),
    }, runs)
    result: dict[str, Any] = {
        "files": len(paths), "mb": sum(p.stat().st_size for p in paths) / MB,
        **{name: asdict(summary) for name, summary in summaries.items()},
    }
    result["ratios"] = ratios(summaries["cli"], summaries["full_floor"], summaries["needed_floor"])
    return result


def ratios(measured: Summary, full: Summary, needed: Summary) -> dict[str, float]:
    return {
        "cpu_to_full": measured.cpu / full.cpu, "wall_to_full": measured.wall / full.wall,
        "cpu_to_needed": measured.cpu / needed.cpu, "wall_to_needed": measured.wall / needed.wall,
    }


def jobs_speedup(paths: list[Path], tmp: Path, runs: int) -> dict[str, Any]:
    """`--jobs 1` against `--jobs 2` over the same files, taken in turns."""
    summaries = interleaved({
        "jobs1": lambda: cli_extract(paths, tmp / "out1", 1),
        "jobs2": lambda: cli_extract(paths, tmp / "out2", 2),
    }, runs)
    one, two = summaries["jobs1"], summaries["jobs2"]
    return {"files": len(paths), "jobs1": asdict(one), "jobs2": asdict(two),
            "speedup_wall": one.wall / two.wall, "speedup_cpu_per_wall": one.cpu / two.wall}


def cold_paths(spec: Path, tmp: Path) -> dict[str, Any]:
    """Fresh-process CPU and wall of the commands a person runs one at a time."""
    docx = tmp / "one.docx"
    summaries = interleaved({
        "help": lambda: run_child([str(GOVPLAN), "--help"]),
        "validate_one": lambda: run_child([str(GOVPLAN), "validate", str(spec)]),
        "render_docx": lambda: run_child([str(GOVPLAN), "render", str(spec), "--as", "tasktable", "--to", "docx", "-o", str(docx)]),
    }, COLD_RUNS)
    return {"spec": spec.name, **{name: asdict(summary) for name, summary in summaries.items()}}


def specs_for_validation(paths: list[Path], folder: Path, count: int) -> list[Path]:
    """``count`` spec files, as the CLI writes them, extracted from the archive's first files."""
    from govplan.merge import stamp
    from govplan.pipeline import extract_specs
    from govplan.readers import read_source
    from govplan.spec.io import data_to_yaml

    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for path in paths:
        for spec in extract_specs(read_source(path)):
            if len(written) == count:
                return written
            target = folder / f"spec-{len(written):04d}.yaml"
            target.write_text(data_to_yaml(stamp(spec), None), encoding="utf-8")
            written.append(target)
    return written


def validate_many(specs: list[Path], runs: int) -> dict[str, Any]:
    """`govplan validate DIR` over the specs (CPU includes its worker processes)."""
    folder = specs[0].parent
    summary = interleaved({"validate": lambda: run_child([str(GOVPLAN), "validate", str(folder)])}, runs)["validate"]
    size = sum(p.stat().st_size for p in specs) / MB
    return {"specs": len(specs), "mb": size, **asdict(summary), "specs_per_cpu_s": len(specs) / summary.cpu}


# --- the run ------------------------------------------------------------------------------------

def measure(sizes: tuple[float, ...], runs: int) -> dict[str, Any]:
    """Every figure of one run, as a JSON-ready mapping."""
    docs = corpus()
    with tempfile.TemporaryDirectory(prefix="govplan-bench-") as name:
        tmp = Path(name)
        corpus_paths = write(docs, tmp / "corpus")
        archive_paths = write(archive(max(sizes)), tmp / "archive")
        work = record_library_work(archive_paths)
        corpus_work = record_library_work(corpus_paths)
        result: dict[str, Any] = {
            "machine": machine(), "runs": runs,
            "corpus": {"files": len(docs), "chars": sum(len(d.text) for d in docs),
                       "mb": sum(p.stat().st_size for p in corpus_paths) / MB},
            "in_process": in_process(docs, corpus_work, runs),
            "fresh_corpus": fresh(corpus_paths, corpus_work, tmp, runs),
            "scale": [fresh(first_megabytes(archive_paths, mb), work, tmp, runs) for mb in sizes],
            "jobs": jobs_speedup(archive_paths[:JOBS_FILES], tmp, runs),
        }
        # --sizes 1 leaves too small an archive for VALIDATE_SPECS (it gave 227 specs): extract from a larger one
        validation_paths = (archive_paths if max(sizes) >= VALIDATE_ARCHIVE_MB
                            else write(archive(VALIDATE_ARCHIVE_MB), tmp / "validation-archive"))
        specs = specs_for_validation(validation_paths, tmp / "specs", VALIDATE_SPECS)
        one = max(specs[:len(docs)], key=lambda p: p.stat().st_size)
        result["cold"] = cold_paths(one, tmp)
        result["validate"] = validate_many(specs, runs)
        result["bench_peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def machine() -> dict[str, Any]:
    cpu = next((line.split(":", 1)[1].strip() for line in _cpuinfo() if line.startswith("model name")), platform.processor())
    return {"cpu": cpu, "cores": _cores(), "python": platform.python_version(), "system": platform.platform()}


def _cores() -> int:
    import os

    return len(os.sched_getaffinity(0))


def _cpuinfo() -> list[str]:
    try:
        return Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines()
    except OSError:
        return []


# --- the report ---------------------------------------------------------------------------------

def report(result: dict[str, Any]) -> str:
    """The figures as a plain table, each beside its target."""
    m, c, p = result["machine"], result["corpus"], result["in_process"]
    rows = [
        ("machine", f"{m['cpu']}, {m['cores']} cores, Python {m['python']}; medians of {result['runs']} interleaved runs", ""),
        ("corpus", f"{c['files']} distinct notices, {c['chars']:,} chars, {c['mb']:.2f} MB", ""),
        ("in process: full floor (OpenCC + jieba)", _cpu_wall(p["full_floor"]), ""),
        ("in process: needed floor", _cpu_wall(p["needed_floor"]), ""),
    ]
    for name in ("extract_specs", "extract_specs+yaml"):
        rows.append((f"in process: {name}", _cpu_wall(p[name]) + "  " + _against(p[name], p["full_floor"], p["needed_floor"]),
                     _verdict(p[name]["cpu"] / p["full_floor"]["cpu"], TARGET_RATIO)))
    for label, row in [("corpus", result["fresh_corpus"])] + [(f"{r['mb']:.1f} MB", r) for r in result["scale"]]:
        rows.append((f"fresh process, {label} ({row['files']} files): floors",
                     f"full {_cpu_wall(row['full_floor'])}; needed {_cpu_wall(row['needed_floor'])}", ""))
        r = row["ratios"]
        rows.append((f"    govplan extract, {label}",
                     f"{_cpu_wall(row['cli'])}  = {r['cpu_to_full']:.2f}x full (wall {r['wall_to_full']:.2f}x), "
                     f"{r['cpu_to_needed']:.2f}x needed (wall {r['wall_to_needed']:.2f}x), peak {row['cli']['peak_mb']:.0f} MB",
                     f"{_verdict(r['cpu_to_full'], TARGET_RATIO)} (CPU), {_verdict(r['wall_to_full'], TARGET_RATIO)} (wall), "
                     f"exit {row['cli']['returncode']}"))
    j = result["jobs"]
    rows.append((f"--jobs 2 vs --jobs 1, {j['files']} files",
                 f"{j['jobs1']['wall']:.2f} s -> {j['jobs2']['wall']:.2f} s wall = {j['speedup_wall']:.2f}x",
                 _verdict(j["speedup_wall"], TARGET_JOBS_SPEEDUP, at_least=True)))
    cold = result["cold"]
    for name, target in (("help", TARGET_HELP), ("validate_one", TARGET_VALIDATE_ONE), ("render_docx", TARGET_RENDER_DOCX)):
        rows.append((f"cold: {name} ({cold['spec']})" if name != "help" else "cold: --help", _cpu_wall(cold[name]),
                     _verdict(cold[name]["cpu"], target, unit=" s CPU")))
    v = result["validate"]
    rows.append((f"validate {v['specs']} specs ({v['mb']:.1f} MB)",
                 f"{_cpu_wall(v)} = {v['specs_per_cpu_s']:.0f} specs per CPU-second, exit {v['returncode']}",
                 _verdict(v["cpu"], TARGET_VALIDATE_MANY, unit=" s CPU")))
    peak = max(row["cli"]["peak_mb"] for row in result["scale"])
    rows.append(("peak memory", f"extract {peak:.0f} MB, validate {v['peak_mb']:.0f} MB, bench {result['bench_peak_mb']:.0f} MB",
                 _verdict(max(peak, v["peak_mb"]), TARGET_PEAK_MB, unit=" MB")))
    width = max(len(label) for label, _, _ in rows)
    return "\n".join(f"{label:<{width}}  {value}  {target}".rstrip() for label, value, target in rows)


def _cpu_wall(summary: dict[str, Any]) -> str:
    return f"{summary['cpu']:.3f} s CPU / {summary['wall']:.3f} s wall"


def _against(measured: dict[str, Any], full: dict[str, Any], needed: dict[str, Any]) -> str:
    return (f"= {measured['cpu'] / full['cpu']:.2f}x full, {measured['cpu'] / needed['cpu']:.2f}x needed "
            f"(wall {measured['wall'] / full['wall']:.2f}x, {measured['wall'] / needed['wall']:.2f}x)")


def _verdict(value: float, target: float, at_least: bool = False, unit: str = "x") -> str:
    """The figure against its target, said plainly."""
    met = value >= target if at_least else value <= target
    return f"target {'>=' if at_least else '<='} {target}{unit}: {'met' if met else 'NOT met'}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="govplan benchmark against the full and the needed floor")
    parser.add_argument("--sizes", type=float, nargs="+", default=list(SIZES_MB), metavar="MB", help="archive slices")
    parser.add_argument("--runs", type=int, default=RUNS, help="interleaved runs per measure (medians)")
    parser.add_argument("--label", help="also write bench/results/LABEL.json")
    args = parser.parse_args(argv)
    result = measure(tuple(args.sizes), args.runs)
    print(report(result))
    RESULTS.mkdir(parents=True, exist_ok=True)
    text = json.dumps(result, ensure_ascii=False, indent=2) + "\n"
    for name in ["latest", *([args.label] if args.label else [])]:
        (RESULTS / f"{name}.json").write_text(text, encoding="utf-8")
        print(f"written: {(RESULTS / f'{name}.json').relative_to(ROOT)}")


if __name__ == "__main__":
    main()
