"""What `govplan extract` prints: a progress bar over many files, and the summary table with each
document's counts and what in it needs a person's review (govplan.docsummary)."""

from __future__ import annotations

import os
import sys
from itertools import chain
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Iterator, TypeVar

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
    the import (a tenth of a second) runs while they work instead of before they start; and only
    when a bar may be shown (no bar for a few files, nor where rich would certainly see no terminal)."""
    results = iter(results)
    first = next(results, _NONE)
    if first is _NONE:
        return
    if total < PROGRESS_FROM or surely_no_terminal(sys.stderr):
        yield first
        yield from results
        return
    from rich.console import Console

    console = Console(stderr=True)
    if not console.is_terminal:  # a log or a pipe gets no bar (nor rich's blank line)
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
    line = (tr(f"共 {len(results)} 个文件，{documents} 份文件规格，{flagged} 份待核对。",
               f"{len(results)} file(s), {documents} document spec(s), {flagged} to review.")
            + (tr(f"{skipped} 个文件未变，已跳过。", f" {skipped} unchanged, skipped.") if skipped else ""))
    if _print_plainly(rows, line):
        return
    console = _console(SUMMARY_WIDTH)
    _print_table(console, rows)
    console.print(line)


def surely_no_terminal(stream: IO[str] | None) -> bool:
    """Whether rich's Console on ``stream`` would certainly find no terminal (so no colours, no bar),
    told without importing rich (0.08 s of a one-notice extract): a stream that says it is no tty, where
    nothing rich also reads could say otherwise (Jupyter, TTY_COMPATIBLE, FORCE_COLOR, rich's own
    proxy); False where unsure, and rich decides."""
    import builtins

    if stream is None or hasattr(stream, "rich_proxied_file") or hasattr(builtins, "get_ipython") or sys.platform == "win32":
        return False
    if "TTY_COMPATIBLE" in os.environ or "FORCE_COLOR" in os.environ:
        return False
    try:
        return stream.isatty() is False
    except (AttributeError, ValueError):
        return False


def _print_plainly(rows: list[tuple[str, ...]], line: str) -> bool:
    """Print the summary's table and closing line as rich would on an unstyled console, without
    importing rich.console, where that is certain (standard output no terminal, a UTF encoding,
    text rich prints as it is); False, nothing printed, where rich must do it."""
    from rich.cells import cell_len

    from govplan.cli.plain_table import laid_out_as_written, plain_table

    out = sys.stdout
    if not surely_no_terminal(out) or not (getattr(out, "encoding", "utf-8") or "utf-8").lower().startswith("utf"):
        return False
    if not laid_out_as_written(line) or cell_len(line) > SUMMARY_WIDTH:
        return False
    text = plain_table(_title(), _headers(), rows, SUMMARY_WIDTH)
    if text is None:
        return False
    out.write(text + line + "\n")
    out.flush()  # as rich does after a print: the summary comes before any message on standard error
    return True


def _console(width: int) -> Console:
    """The console the summary is printed on by rich."""
    from rich.console import Console

    return Console(width=width)


def _print_table(console: Console, rows: list[tuple[str, ...]]) -> None:
    """The table of rows under the summary's title and headers: written directly where the console
    shows no styles (the text rich would print, without its per-cell rendering), else by rich."""
    from govplan.cli.plain_table import plain_table

    title, headers = _title(), _headers()
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


def _title() -> str:  # noqa: N802
    """The summary table's title, in the interface language."""
    return tr("提取结果", "Extraction summary")


def _headers() -> tuple[str, ...]:
    """The summary table's column headers, in the interface language."""
    return (tr("文件", "file"), tr("字形", "script"), tr("任务", "tasks"), tr("时限", "deadlines"),
            tr("指标", "targets"), tr("单位", "units"), tr("用时", "time"), tr("待核对", "to review"))


def review_text(review: Review) -> str:
    """What to check, in the interface language."""
    if review.kind == UNLED:
        return tr(f"{review.count}/{review.total}项无牵头单位", f"{review.count}/{review.total} tasks without a lead")
    return {NO_UNITS: tr("无责任单位", "no units"), NO_DATE: tr("无成文日期", "no date of issue")}[review.kind]


def script_label(script: str) -> str:
    """简体 or 繁体: the script (字形) the source was written in."""
    return {"simplified": tr("简体", "Simplified"), "traditional": tr("繁体", "Traditional")}.get(script, script)
