"""What `govplan extract` does once its command line is read, without typer: the typer command
(govplan/cli/extract_cmd.py) and the plain reading of an extract command line (govplan/cli/quick.py)
both run it, each printing through its own echo. A plain run's parent process never imports typer
or builds its pydantic adapters (about 0.1 s of CPU, spent before `--jobs` can fork a worker)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Callable

from govplan.i18n import tr

Echo = Callable[..., None]
FORMATS = ("yaml", "json", "parquet")
ENGINES = ("local", "dask")


def extract_documents(inputs: list[str], output: Path | None, fmt: str, recursive: bool, manifest: Path | None,
                      skip_unchanged: bool, force: bool, update: bool, jobs: int, engine: str, address: str | None,
                      batch_size: int, registry: list[Path], date: dt.date | None, echo: Echo) -> int:
    """`govplan extract`: specs written (or printed), the summary table, each document's messages
    and errors; the exit code (1 when a document failed)."""
    from govplan.archive_io import collect_inputs
    from govplan.batch import run_documents, run_options
    from govplan.cli.summary import print_summary, with_progress
    from govplan.errors import Errors, GovplanError, error_line
    from govplan.readers import SUPPORTED_SUFFIXES
    from govplan.registry import registry_files
    from govplan.run_outputs import run_outputs

    if not inputs and manifest is None:
        raise GovplanError(Errors.E008)
    found = collect_inputs(inputs, SUPPORTED_SUFFIXES, recursive, manifest)
    for folder in found.empty_dirs:
        echo(tr(f"警告：{folder} 中没有支持的文件。", f"warning: no supported files in {folder}."), err=True)
    sources = found.sources
    parquet = fmt == "parquet"
    to_stdout = (str(output) == "-" or (output is None and sources == ["-"])) and not parquet
    out_dir = output if output is not None and not to_stdout else Path(".")
    if force and update:
        raise GovplanError(Errors.E003)
    for clash, option, other in ((parquet and update, "--update", "--format parquet"),
                                 (parquet and skip_unchanged, "--skip-unchanged", "--format parquet"),
                                 (to_stdout and skip_unchanged, "--skip-unchanged", "-")):
        if clash:
            raise GovplanError(Errors.E007, option=option, other=other)
    # --skip-unchanged redoes what changed as --update does (hand edits kept) unless --force says otherwise
    mode = "force" if force or parquet else "update" if update or skip_unchanged else "keep"
    units = registry_files(registry, [out_dir])  # and the .govplan.yaml where the specs go
    options = run_options(None if to_stdout else out_dir, "json" if parquet else fmt, mode, units, date)
    results = []
    if address is not None and engine != "dask":
        raise GovplanError(Errors.E007, option="--address", other="--engine local")
    with run_outputs(out_dir, found, options, parquet, skip_unchanged) as (take, skip):
        run = run_documents(sources, options, jobs, engine, address, batch_size, found.folders, skip)
        for result in with_progress(run, len(sources)):
            if to_stdout:
                texts = [text for _, text in result.files]
                echo("---\n".join(texts) if fmt == "yaml" else "".join(texts), nl=False)
            else:
                take(result)
            result.files = []  # written: the summary needs none of the texts, so memory stays flat over an archive
            results.append(result)
    if not to_stdout:
        print_summary(results)
    for result in results:
        for line in result.messages:
            echo(line, err=True)
    failed = [r for r in results if r.error]
    for result in failed:
        echo(error_line(result.error.code, result.error.message), err=True)
    return 1 if failed else 0
