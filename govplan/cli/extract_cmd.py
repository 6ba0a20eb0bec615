"""`govplan extract`: notices in, specs out (one per document; compilations give several)."""

from __future__ import annotations

import datetime as dt
from datetime import datetime

import time
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Optional, TYPE_CHECKING, Any, Iterator

import typer

from govplan.cli.summary import SpecSummary, print_summary, with_progress
from govplan.cli.validate_cmd import REGISTRY_HELP
from govplan.i18n import tr

if TYPE_CHECKING:
    from govplan.spec.model import Spec


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

    def __call__(self, name: str) -> FileResult:
        return _extract_one(name, self)


def _run(job: _Job, sources: list[str], jobs: int) -> Iterator[FileResult]:
    """Results in input order, from worker processes when ``jobs`` > 1 (same output as a serial run)."""
    if jobs == 1 or len(sources) < 2:
        yield from map(job, sources)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(job, sources)


def _extract_one(name: str, job: _Job) -> FileResult:
    from govplan.errors import GovplanError
    from govplan.fsutil import write_atomic
    from govplan.merge import stamp
    from govplan.pipeline import ExtractOptions, extract_specs
    from govplan.readers import read_source
    from govplan.spec.io import spec_to_data

    result = FileResult(name)
    began = time.perf_counter()
    try:
        source = read_source(name)
        specs = extract_specs(source, ExtractOptions(job.registry, job.doc_date))
        if job.to_stdout:
            texts = [_dump(stamp(spec), job.fmt, None) for spec in specs]
            typer.echo("---\n".join(texts) if job.fmt == "yaml" else "".join(texts), nl=False)
            return result
        targets = _output_paths(name, len(specs), job.out_dir, job.fmt)
        existing = [p for p in targets if p.exists()]
        if existing and job.mode == "keep":
            raise GovplanError(
                f"规格文件已存在：{existing[0]}（用 --update 合并、保留人工修改，或用 --force 覆盖）。",
                f"spec already exists: {existing[0]} (use --update to merge keeping hand edits, or --force to overwrite).",
                name,
            )
        outputs = []
        for path, spec in zip(targets, specs):
            if job.mode == "update" and path.exists():
                spec = _merged(path, spec, result)
                data = spec_to_data(spec)
            else:
                data = stamp(spec)  # with the fingerprints --update later tells hand edits by
            outputs.append((path, spec, _dump(data, job.fmt, path.parent)))
        for path, _, text in outputs:
            write_atomic(path, text)
        result.outputs = [path for path, _, _ in outputs]
        result.rows = [SpecSummary.of(path.name, spec) for path, spec, _ in outputs]
    except GovplanError as exc:
        result.error = exc.message if exc.path else f"{name}: {exc.message}"
    result.seconds = time.perf_counter() - began
    return result


def _merged(path: Path, fresh: "Spec", result: FileResult) -> "Spec":
    """Merge a fresh extraction into the spec at ``path``, keeping what a person changed."""
    from pydantic import ValidationError

    from govplan.cli.showvalue import show_value
    from govplan.errors import GovplanError
    from govplan.merge import merge_specs
    from govplan.spec.model import Spec
    from govplan.validate.reader import load

    try:
        loaded = load(path.read_text(encoding="utf-8-sig"))
        if loaded.findings or not isinstance(loaded.data, dict):
            raise ValueError(tr("YAML 有错误", "the YAML has errors"))
        merged = merge_specs(loaded.data, fresh)
        spec = Spec.model_validate(merged.data)
    except (OSError, UnicodeDecodeError, ValidationError, ValueError, AttributeError) as exc:
        reason = _reason(exc)
        raise GovplanError(
            f"无法合并到已有规格 {path}：文件不是有效的规格（先用 govplan validate 检查）：{reason}",
            f"cannot merge into {path}: it is not a valid spec (check it with govplan validate): {reason}",
        ) from exc
    for conflict in merged.conflicts:
        where = conflict.node_id or tr("文件", "document")
        result.messages.append(tr(
            f"{path}: 冲突 {where} 的 {conflict.field}：保留人工修改，新提取结果为 {show_value(conflict.new)}",
            f"{path}: conflict at {where} {conflict.field}: kept the hand edit, the new extraction says {show_value(conflict.new)}",
        ))
    if merged.edited:
        result.messages.append(tr(
            f"{path}: 已合并（新增 {len(merged.added)} 项，移除 {len(merged.dropped)} 项，冲突 {len(merged.conflicts)} 处）",
            f"{path}: merged ({len(merged.added)} added, {len(merged.dropped)} dropped, {len(merged.conflicts)} conflicts)",
        ))
    return spec


def _reason(exc: Exception) -> str:
    """Why a spec could not be merged, in the interface language (pydantic's first error described)."""
    from pydantic import ValidationError

    from govplan.pydantic_text import describe
    from govplan.render.loading import error_location

    if isinstance(exc, ValidationError):
        error = exc.errors()[0]
        return f"{error_location(error['loc'])}: {describe(error).message}"
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)


def _dump(data: dict[str, Any], fmt: str, spec_dir: Path | None) -> str:
    from govplan.spec.io import data_to_json, data_to_yaml

    return data_to_yaml(data, spec_dir) if fmt == "yaml" else data_to_json(data)


def _output_paths(name: str, count: int, out_dir: Path, fmt: str) -> list[Path]:
    """<stem>.yaml for a notice; <stem>.part-01.yaml … for the documents of a compilation."""
    stem = "stdin" if name == "-" else Path(name).stem
    if count == 1:
        return [out_dir / f"{stem}.{fmt}"]
    width = max(2, len(str(count)))
    return [out_dir / f"{stem}.part-{k:0{width}d}.{fmt}" for k in range(1, count + 1)]
