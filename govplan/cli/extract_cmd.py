"""`govplan extract`: notices in, specs out (one per document; compilations give several)."""

from __future__ import annotations

import datetime as dt
from datetime import datetime

import time
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Iterator, Optional

import typer

from govplan.cli.summary import SpecSummary, print_summary, with_progress
from govplan.cli.validate_cmd import REGISTRY_HELP
from govplan.i18n import tr


class OutputFormat(str, Enum):
    yaml = "yaml"
    json = "json"


@dataclass
class FileResult:
    """What extracting one input gave: the specs written, or the error."""

    name: str
    outputs: list[Path] = field(default_factory=list)
    rows: list[SpecSummary] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0
    messages: list[str] = field(default_factory=list)


def register(app: typer.Typer) -> None:
    app.command(
        "extract",
        help=tr(
            "从通知（.txt/.docx/.html/.xlsx/.csv，或 - 表示标准输入；目录则处理其中所有支持的文件）提取任务规格。",
            "Extract task specs from notices (.txt/.docx/.html/.xlsx/.csv, - for standard input; a directory "
            "extracts every supported file in it).",
        ),
    )(extract)


def extract(
    inputs: list[str] = typer.Argument(..., metavar=tr("文件|目录|-", "FILE|DIR|-"), help=tr("输入文件、目录或 -", "input files, directories or -")),
    output: Path | None = typer.Option(
        None, "-o", "--output", help=tr("输出目录（默认：当前目录；标准输入时默认输出到屏幕）",
                                        "output directory (default: current directory; stdout for -)"),
    ),
    fmt: OutputFormat = typer.Option(OutputFormat.yaml, "--format", help=tr("输出格式", "output format")),
    force: bool = typer.Option(False, "--force", help=tr("覆盖已存在的规格文件", "overwrite existing specs")),
    update: bool = typer.Option(
        False, "--update", help=tr("重新提取并合并到已存在的规格：保留人工修改，加入新内容，报告冲突",
                                   "re-extract into existing specs: keep hand edits, add new items, report conflicts"),
    ),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help=tr("并行进程数", "parallel worker processes")),
    registry: list[Path] = typer.Option([], "--registry", help=REGISTRY_HELP),
    date: Optional[dt.datetime] = typer.Option(
        None, "--date", formats=["%Y-%m-%d"],
        help=tr("文件未写成文日期时采用的日期（如网页的发布日期），用于推定不含年份的时限",
                "date of issue to assume where a document states none (e.g. a portal's publication date), "
                "for deadlines written without a year"),
    ),
) -> None:
    from govplan.readers import SUPPORTED_SUFFIXES
    from govplan.registry import registry_files

    sources = _expand_inputs(inputs, SUPPORTED_SUFFIXES)
    to_stdout = output is None and sources == ["-"]
    out_dir = output or Path(".")
    if force and update:
        raise typer.BadParameter(tr("--force 与 --update 只能选一个", "use either --force or --update"))
    mode = "force" if force else "update" if update else "keep"
    units = registry_files(registry, [out_dir])  # and the .govplan.yaml where the specs go
    job = _Job(out_dir, fmt.value, mode, tuple(str(p) for p in units), to_stdout, date.date() if date else None)
    results = list(with_progress(_run(job, sources, jobs), len(sources)))
    if not to_stdout:
        print_summary(results)
    for result in results:
        for line in result.messages:
            typer.echo(line, err=True)
    failed = [r for r in results if r.error]
    for result in failed:
        typer.echo(tr("错误：", "error: ") + result.error, err=True)
    if failed:
        raise typer.Exit(1)


def _expand_inputs(inputs: list[str], suffixes: dict[str, str]) -> list[str]:
    """Files as given; a directory becomes its supported files, sorted, so runs are reproducible."""
    expanded: list[str] = []
    for item in inputs:
        path = Path(item)
        if item != "-" and path.is_dir():
            found = sorted(str(p) for p in path.iterdir() if p.is_file() and p.suffix.lower() in suffixes)
            if not found:
                typer.echo(tr(f"警告：{item} 中没有支持的文件。", f"warning: no supported files in {item}."), err=True)
            expanded.extend(found)
        else:
            expanded.append(item)
    return expanded


@dataclass(frozen=True)
class _Job:
    """What every input is extracted with (picklable, for worker processes)."""

    out_dir: Path
    fmt: str
    mode: str  # keep | force | update
    registry: tuple[str, ...]
    to_stdout: bool
    doc_date: dt.date | None = None

    def __call__(self, item: tuple[str, str]) -> FileResult:
        return _extract_one(item[0], item[1], self)


def _run(job: _Job, sources: list[str], jobs: int) -> Iterator[FileResult]:
    """Results in input order, from worker processes when ``jobs`` > 1 (same output as a serial run).
    Spec names are decided here, over all inputs, so workers never write the same file."""
    from govplan.cli.outputs import spec_bases

    bases = spec_bases(sources)
    items = [(source, bases[source]) for source in sources]
    if jobs == 1 or len(sources) < 2:
        yield from map(job, items)
        return
    from govplan.pipeline import ExtractOptions, prepare
    from govplan.workers import map_in_workers

    prepare(ExtractOptions(job.registry, job.doc_date))  # forked workers start with the dictionary loaded
    yield from map_in_workers(job, items, jobs)


def _extract_one(name: str, base: str, job: _Job) -> FileResult:
    from govplan.cli.writing import Destination, dump, write_specs
    from govplan.errors import GovplanError
    from govplan.merge import stamp
    from govplan.pipeline import ExtractOptions, extract_specs
    from govplan.readers import read_source

    result = FileResult(name)
    began = time.perf_counter()
    try:
        source = read_source(name)
        specs = extract_specs(source, ExtractOptions(job.registry, job.doc_date))
        if job.to_stdout:
            texts = [dump(stamp(spec), job.fmt, None) for spec in specs]
            typer.echo("---\n".join(texts) if job.fmt == "yaml" else "".join(texts), nl=False)
            return result
        outputs = write_specs(specs, Destination(name, base, job.out_dir, job.fmt, job.mode), result.messages)
        result.outputs = [path for path, _ in outputs]
        result.rows = [SpecSummary.of(path.name, spec) for path, spec in outputs]
    except GovplanError as exc:
        result.error = exc.message if exc.path else f"{name}: {exc.message}"
    except Exception as exc:  # noqa: BLE001 - one input's failure never stops the others
        result.error = tr(f"{name}: 内部错误：{exc!r}", f"{name}: internal error: {exc!r}")
    result.seconds = time.perf_counter() - began
    return result
