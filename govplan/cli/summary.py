"""What `govplan extract` prints: a progress bar over many files, and the summary table with each
document's counts and what in it needs a person's review."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Protocol, TypeVar

from govplan.i18n import tr

if TYPE_CHECKING:
    from govplan.spec.model import Spec

PROGRESS_FROM = 4  # files in a run from which a progress bar is shown (a few finish before one could be read)


@dataclass(frozen=True)
class SpecSummary:
    """One document spec's line of the summary."""

    file: str
    script: str
    tasks: int
    deadlines: int
    targets: int
    units: int
    review: tuple[str, ...]

    @classmethod
    def of(cls, file: str, spec: Spec) -> "SpecSummary":
        nodes = list(spec.walk())
        return cls(file, spec.source.script, len(nodes), sum(len(n.deadlines) for n in nodes),
                   sum(len(n.targets) for n in nodes), sum(len(n.units) for n in nodes), needs_review(spec))


def needs_review(spec: Spec) -> tuple[str, ...]:
    """What a person should check before the spec's tables go out: no unit at all, tasks nobody
    leads or answers for (lead or responsible, as GP108), no date of issue (deadlines without a
    year then have none to take)."""
    from govplan.render.rows import row_paths
    from govplan.spec.model import effective_units

    reasons = []
    if not any(node.units for node in spec.walk()):
        reasons.append(tr("无责任单位", "no units"))
    else:
        paths = row_paths(spec, None)
        unled = sum(1 for path in paths if not any(u.role in ("lead", "responsible") for u in effective_units(path)))
        if unled:
            reasons.append(tr(f"{unled}/{len(paths)}项无牵头单位", f"{unled}/{len(paths)} tasks without a lead"))
    if spec.metadata.date is None:
        reasons.append(tr("无成文日期", "no date of issue"))
    return tuple(reasons)


class _Result(Protocol):
    name: str
    rows: list[SpecSummary]
    error: str | None
    seconds: float


R = TypeVar("R", bound=_Result)


def with_progress(results: Iterator[R], total: int) -> Iterator[R]:
    """Pass results through, with a progress bar on standard error (when it is a terminal) for runs
    of PROGRESS_FROM files or more: done and total, the file just finished, time left."""
    from rich.console import Console

    console = Console(stderr=True)
    if total < PROGRESS_FROM or not console.is_terminal:  # a log or a pipe gets no bar (nor rich's blank line)
        yield from results
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn(tr("提取中", "extracting")), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
               TextColumn("{task.fields[file]}"))
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("", total=total, file="")
        for result in results:
            yield result
            progress.update(task, advance=1, file=Path(result.name).name)


def print_summary(results: list[R]) -> None:
    """The summary table: one line per document spec, its counts and what needs review."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=tr("提取结果", "Extraction summary"))
    for header in (tr("文件", "file"), tr("字形", "script"), tr("任务", "tasks"), tr("时限", "deadlines"),
                   tr("指标", "targets"), tr("单位", "units"), tr("用时", "time"), tr("待核对", "to review")):
        table.add_column(header)
    documents = flagged = 0
    for result in results:
        if result.error:
            table.add_row(result.name, "-", "-", "-", "-", "-", tr("失败", "failed"), "")
            continue
        documents += len(result.rows)
        for k, row in enumerate(result.rows):
            seconds = f"{result.seconds:.2f}s" if k == 0 else ""
            flagged += bool(row.review)
            table.add_row(row.file, script_label(row.script), str(row.tasks), str(row.deadlines), str(row.targets),
                          str(row.units), seconds, tr("；", "; ").join(row.review))
    console = Console(width=140)
    console.print(table)
    console.print(tr(f"共 {len(results)} 个文件，{documents} 份文件规格，{flagged} 份待核对。",
                     f"{len(results)} file(s), {documents} document spec(s), {flagged} to review."))


def script_label(script: str) -> str:
    """简体 or 繁体: the script (字形) the source was written in."""
    return {"simplified": tr("简体", "Simplified"), "traditional": tr("繁体", "Traditional")}.get(script, script)
