"""`govplan extract`: notices in, specs out (one per document; compilations give several)."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from govplan.cli.validate_cmd import REGISTRY_HELP
from govplan.i18n import tr


class OutputFormat(str, Enum):
    yaml = "yaml"
    json = "json"
    parquet = "parquet"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


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
    inputs: Optional[list[str]] = typer.Argument(None, metavar=tr("文件|目录|-", "FILE|DIR|-"), help=tr("输入文件、目录或 -", "input files, directories or -")),
    output: Path | None = typer.Option(
        None, "-o", "--output", help=tr("输出目录（默认：当前目录；标准输入时默认输出到屏幕；- 表示输出到屏幕）",
                                        "output directory (default: current directory; stdout for input -; -o - writes to stdout)"),
    ),
    fmt: OutputFormat = typer.Option(OutputFormat.yaml, "--format", help=tr(
        "输出格式（parquet：在输出目录写 specs.parquet 与 tasks.parquet 两张表，需 pip install govplan[parquet]）",
        "output format (parquet: two tables, specs.parquet and tasks.parquet, in the output directory; "
        "needs pip install govplan[parquet])")),
    recursive: bool = typer.Option(False, "--recursive", "-r", help=tr(
        "也处理子目录中的文件；输出保留相对路径（a/notice.txt → 输出目录/a/notice.yaml）",
        "also extract files in subfolders; outputs keep the relative path (a/notice.txt -> OUT/a/notice.yaml)")),
    manifest: Optional[Path] = typer.Option(None, "--manifest", help=tr(
        "清单文件（.csv 或 .parquet），path 列列出输入文件（相对清单所在目录）",
        "a manifest (.csv or .parquet) whose path column lists the inputs (relative to the manifest's folder)")),
    skip_unchanged: bool = typer.Option(False, "--skip-unchanged", help=tr(
        "跳过自上次运行以来内容、名称和选项都未变的文件（记录在输出目录的 .govplan-state.json）；"
        "变了的文件像 --update 一样重新提取并保留手工修改（加 --force 则直接覆盖）",
        "skip documents whose bytes, name and options are unchanged since the last run (kept in OUT/.govplan-state.json); "
        "changed ones are redone as with --update, hand edits kept (--force overwrites them)")),
    force: bool = typer.Option(False, "--force", help=tr("覆盖已存在的规格文件", "overwrite existing specs")),
    update: bool = typer.Option(
        False, "--update", help=tr("重新提取并合并到已存在的规格：保留人工修改，加入新内容，报告冲突",
                                   "re-extract into existing specs: keep hand edits, add new items, report conflicts"),
    ),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help=tr("并行进程数（--engine dask 时为本机集群的工作进程数）",
                                                              "parallel worker processes (with --engine dask: workers of the local cluster)")),
    engine: Engine = typer.Option(
        Engine.local, "--engine", help=tr("在哪里运行：local 本机；dask 用 Dask 集群（需 pip install govplan[dask]）",
                                          "where to run: local, or dask on a Dask cluster (needs pip install govplan[dask])"),
    ),
    address: Optional[str] = typer.Option(
        None, "--address", help=tr("Dask 调度器地址，如 tcp://host:8786（缺省时在本机启动 --jobs 个工作进程）",
                                   "the Dask scheduler, e.g. tcp://host:8786 (default: a local cluster of --jobs workers)"),
    ),
    batch_size: int = typer.Option(50, "--batch-size", min=1, help=tr("--engine dask 时每个任务处理的文件数",
                                                                     "documents per task with --engine dask")),
    registry: list[Path] = typer.Option([], "--registry", help=REGISTRY_HELP),
    date: Optional[dt.datetime] = typer.Option(
        None, "--date", formats=["%Y-%m-%d"],
        help=tr("文件未写成文日期时采用的日期（如网页的发布日期），用于推定不含年份的时限",
                "date of issue to assume where a document states none (e.g. a portal's publication date), "
                "for deadlines written without a year"),
    ),
) -> None:
    from govplan.cli.extracting import extract_documents

    code = extract_documents(inputs or [], output, fmt.value, recursive, manifest, skip_unchanged, force, update, jobs,
                             engine.value, address, batch_size, registry, date.date() if date else None, typer.echo)
    if code:
        raise typer.Exit(code)
