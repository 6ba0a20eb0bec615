"""`govplan extract`: notices in, specs out (one per document; compilations give several)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

import typer

from govplan.i18n import tr


class OutputFormat(str, Enum):
    yaml = "yaml"
    json = "json"


@dataclass
class FileResult:
    """What extracting one input gave: the specs written, or the error."""

    name: str
    outputs: list[Path] = field(default_factory=list)
    rows: list[tuple[str, str, int, int, int, int]] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0


def register(app: typer.Typer) -> None:
    app.command(
        "extract",
        help=tr(
            "从通知（.txt/.docx/.html，或 - 表示标准输入；目录则处理其中所有支持的文件）提取任务规格。",
            "Extract task specs from notices (.txt/.docx/.html, - for standard input; a directory "
            "extracts every supported file in it).",
        ),
    )(extract)


def extract(
    inputs: list[str] = typer.Argument(..., metavar="FILE|DIR|-", help=tr("输入文件、目录或 -", "input files, directories or -")),
    output: Path | None = typer.Option(
        None, "-o", "--output", help=tr("输出目录（默认：当前目录；标准输入时默认输出到屏幕）",
                                        "output directory (default: current directory; stdout for -)"),
    ),
    fmt: OutputFormat = typer.Option(OutputFormat.yaml, "--format", help=tr("输出格式", "output format")),
    force: bool = typer.Option(False, "--force", help=tr("覆盖已存在的规格文件", "overwrite existing specs")),
    registry: list[Path] = typer.Option(
        [], "--registry", help=tr("额外的单位别名表（YAML，可多次指定）", "extra unit alias registry (YAML, repeatable)")
    ),
) -> None:
    from govplan.readers import SUPPORTED_SUFFIXES

    sources = _expand_inputs(inputs, SUPPORTED_SUFFIXES)
    to_stdout = output is None and sources == ["-"]
    out_dir = output or Path(".")
    results = [_extract_one(src, out_dir, fmt.value, force, registry, to_stdout) for src in _progress(sources)]
    if not to_stdout:
        _print_summary(results)
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


def _progress(sources: list[str]):  # type: ignore[no-untyped-def]
    """Iterate ``sources`` with a progress bar on standard error when there are several."""
    if len(sources) < 2:
        yield from sources
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(tr("提取中", "extracting"), total=len(sources))
        for source in sources:
            yield source
            progress.advance(task)


def _extract_one(
    name: str, out_dir: Path, fmt: str, force: bool, registry: list[Path], to_stdout: bool
) -> FileResult:
    from govplan.errors import GovplanError
    from govplan.fsutil import write_atomic
    from govplan.pipeline import ExtractOptions, extract_specs
    from govplan.readers import read_source
    from govplan.spec.io import dump_json, dump_yaml

    result = FileResult(name)
    began = time.perf_counter()
    try:
        source = read_source(name)
        specs = extract_specs(source, ExtractOptions(tuple(str(p) for p in registry)))
        dump = dump_yaml if fmt == "yaml" else dump_json
        texts = [dump(spec) for spec in specs]
        if to_stdout:
            typer.echo("---\n".join(texts) if fmt == "yaml" else "".join(texts), nl=False)
            return result
        targets = _output_paths(name, len(specs), out_dir, fmt)
        existing = [p for p in targets if p.exists()]
        if existing and not force:
            raise GovplanError(
                f"规格文件已存在：{existing[0]}（用 --force 覆盖）。",
                f"spec already exists: {existing[0]} (use --force to overwrite).",
                name,
            )
        for path, text in zip(targets, texts):
            write_atomic(path, text)
        result.outputs = targets
        for spec, path in zip(specs, targets):
            nodes = list(spec.walk())
            result.rows.append((
                path.name, spec.source.script, len(nodes),
                sum(len(n.deadlines) for n in nodes), sum(len(n.targets) for n in nodes), sum(len(n.units) for n in nodes),
            ))
    except GovplanError as exc:
        result.error = exc.message if exc.path else f"{name}: {exc.message}"
    result.seconds = time.perf_counter() - began
    return result


def _output_paths(name: str, count: int, out_dir: Path, fmt: str) -> list[Path]:
    """<stem>.yaml for a notice; <stem>.part-01.yaml … for the documents of a compilation."""
    stem = "stdin" if name == "-" else Path(name).stem
    if count == 1:
        return [out_dir / f"{stem}.{fmt}"]
    width = max(2, len(str(count)))
    return [out_dir / f"{stem}.part-{k:0{width}d}.{fmt}" for k in range(1, count + 1)]


def _print_summary(results: list[FileResult]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=tr("提取结果", "Extraction summary"))
    for header in (tr("文件", "file"), tr("文种", "script"), tr("任务", "tasks"), tr("时限", "deadlines"),
                   tr("指标", "targets"), tr("单位", "units"), tr("用时", "time")):
        table.add_column(header)
    documents = 0
    for result in results:
        if result.error:
            table.add_row(result.name, "-", "-", "-", "-", "-", tr("失败", "failed"))
            continue
        documents += len(result.rows)
        for k, (file, script, tasks, deadlines, targets, units) in enumerate(result.rows):
            seconds = f"{result.seconds:.2f}s" if k == 0 else ""
            table.add_row(file, _script_label(script), str(tasks), str(deadlines), str(targets), str(units), seconds)
    console = Console(width=120)
    console.print(table)
    console.print(tr(f"共 {len(results)} 个文件，{documents} 份文件规格。",
                     f"{len(results)} file(s), {documents} document spec(s)."))


def _script_label(script: str) -> str:
    return {"simplified": tr("简体", "Simplified"), "traditional": tr("繁体", "Traditional")}.get(script, script)
