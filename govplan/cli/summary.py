"""What `govplan extract` prints: a progress bar over many files, and the summary table with each
document's counts and what in it needs a person's review (govplan.docsummary)."""

from __future__ import annotations

from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, TypeVar

from govplan.docsummary import NO_DATE, NO_UNITS, UNLED, Review
from govplan.i18n import tr

if TYPE_CHECKING:
    from rich.console import Console

    from govplan.batch import DocumentResult

SUMMARY_WIDTH = 140  # cells: the summary is laid out for this width, whatever the terminal's
PROGRESS_FROM = 4  # files in a run from which a progress bar is shown (a few finish before one could be read)

R = TypeVar("R", bound=Any)
_NONE: Any = object()  # what next() gives for a run without results


def with_progress(results: Iterator[R], total: int) -> Iterator[R]:
    """Pass results through, with a progress bar on standard error (when it is a terminal) for runs
    of PROGRESS_FROM files or more: done and total, the file just finished, time left.

    rich is imported once the first result is in: with --jobs, the workers are forked by then and
    the import (a tenth of a second) runs while they work instead of before they start."""
    results = iter(results)
    first = next(results, _NONE)
    if first is _NONE:
        return
    from rich.console import Console

    console = Console(stderr=True)
    if total < PROGRESS_FROM or not console.is_terminal:  # a log or a pipe gets no bar (nor rich's blank line)
        yield first
        yield from results
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn(tr("提取中", "extracting")), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
               TextColumn("{task.fields[file]}"))
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("", total=total, file="")
        for result in chain([first], results):
            yield result
            progress.update(task, advance=1, file=Path(result.name).name)


def print_summary(results: list[DocumentResult]) -> None:
    """The summary table: one line per document spec, its counts and what needs review."""
    from rich.console import Console

    rows: list[tuple[str, ...]] = []
    documents = flagged = skipped = 0
    for result in results:
        if result.skipped:  # unchanged since the last run (--skip-unchanged)
            skipped += 1
            continue
        if result.error:
            rows.append((result.name, "-", "-", "-", "-", "-", tr("失败", "failed"), ""))
            continue
        documents += len(result.rows)
        for k, row in enumerate(result.rows):
            seconds = f"{result.seconds:.2f}s" if k == 0 else ""
            flagged += bool(row.review)
            rows.append((row.file, script_label(row.script), str(row.tasks), str(row.deadlines), str(row.targets),
                         str(row.units), seconds, tr("；", "; ").join(review_text(r) for r in row.review)))
    console = Console(width=SUMMARY_WIDTH)
    _print_table(console, rows)
    console.print(tr(f"共 {len(results)} 个文件，{documents} 份文件规格，{flagged} 份待核对。",
                     f"{len(results)} file(s), {documents} document spec(s), {flagged} to review.")
                  + (tr(f"{skipped} 个文件未变，已跳过。", f" {skipped} unchanged, skipped.") if skipped else ""))


def _print_table(console: Console, rows: list[tuple[str, ...]]) -> None:
    """The table of rows under the summary's title and headers: written directly where the console
    shows no styles (the text rich would print, without its per-cell rendering), else by rich."""
    from govplan.cli.plain_table import plain_table

    title = tr("提取结果", "Extraction summary")
    headers = (tr("文件", "file"), tr("字形", "script"), tr("任务", "tasks"), tr("时限", "deadlines"),
               tr("指标", "targets"), tr("单位", "units"), tr("用时", "time"), tr("待核对", "to review"))
    plain = console.color_system is None and not console.options.ascii_only and not console.legacy_windows
    text = plain_table(title, headers, rows, console) if plain else None
    if text is not None:
        console.file.write(text)
        return
    from rich.table import Table

    table = Table(title=title)
    for header in headers:
        table.add_column(header)
    for row in rows:
        table.add_row(*row)
    console.print(table)


def review_text(review: Review) -> str:
    """What to check, in the interface language."""
    if review.kind == UNLED:
        return tr(f"{review.count}/{review.total}项无牵头单位", f"{review.count}/{review.total} tasks without a lead")
    return {NO_UNITS: tr("无责任单位", "no units"), NO_DATE: tr("无成文日期", "no date of issue")}[review.kind]


def script_label(script: str) -> str:
    """简体 or 繁体: the script (字形) the source was written in."""
    return {"simplified": tr("简体", "Simplified"), "traditional": tr("繁体", "Traditional")}.get(script, script)
