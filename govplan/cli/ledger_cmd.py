"""`govplan ledger export|import|report`: the 督办台账 round trip and the list of tasks to chase."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer

from govplan.cli.clitext import GovplanTyper
from govplan.i18n import tr

ledger_app = GovplanTyper(
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    help=tr(
        "督办台账：导出（每项任务一行）、导入（把填好的进展写回规格）、督办报告（逾期和临期任务）。",
        "The follow-up ledger (督办台账): export it, import the filled-in progress into the specs, report overdue tasks.",
    ),
)

SPECS_HELP = tr("规格文件，或含规格文件的目录", "spec files, or directories of spec files")
DEPTH_HELP = tr("按第 N 层任务分行（默认：每个末级任务一行）", "one row per task at level N (default: one per leaf task)")


def _date_option(value: str | None, option: str) -> dt.date:
    """An ISO date option (today when absent)."""
    from govplan.errors import Errors, GovplanError

    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise GovplanError(Errors.E001, option=option, value=value) from exc


@ledger_app.command(
    "export",
    help=tr("导出督办台账（.xlsx）：每项任务一行，含牵头单位、配合单位、完成时限，以及待填写的进展情况、完成状态、完成日期、备注。",
            "Export the ledger (.xlsx): a row per task with lead and supporting units and deadlines, and columns "
            "to fill in: progress, status, completion date, note."),
)
def export(
    specs: list[Path] = typer.Argument(..., metavar=tr("规格或目录...", "SPEC_OR_DIR..."), help=SPECS_HELP),
    output: Path = typer.Option(..., "-o", "--output", help=tr("输出的 .xlsx 文件", "the .xlsx file to write")),
    depth: int | None = typer.Option(None, "--depth", min=1, help=DEPTH_HELP),
) -> None:
    from govplan.fsutil import write_atomic
    from govplan.ledger.export import export_ledger
    from govplan.render.loading import load_specs_for_render

    loaded = load_specs_for_render(specs, validate=True)
    write_atomic(output, export_ledger(loaded, output.parent, depth))
    typer.echo(tr(f"已生成 {output}", f"wrote {output}"), err=True)


@ledger_app.command(
    "import",
    help=tr("把填好的督办台账读回规格：每行成为该任务的一条进展记录（不改动提取的内容）；列出无法对应到任务的行。",
            "Read a filled-in ledger back into the specs: each row becomes a progress record of its task (extracted "
            "fields untouched); rows that cannot be tied to a task are listed."),
)
def import_(
    workbook: Path = typer.Argument(..., metavar=tr("台账.xlsx", "LEDGER.xlsx"), help=tr("填好的督办台账", "the filled-in ledger")),
    specs: list[Path] = typer.Argument(
        None, metavar=tr("规格或目录", "SPEC_OR_DIR"),
        help=tr("规格文件或目录（默认：台账导出时记录的规格文件）", "spec files or directories (default: the specs the ledger was exported from)"),
    ),
    date: str | None = typer.Option(None, "--date", metavar="YYYY-MM-DD", help=tr("记录的日期（默认今天）", "the date of the records (default: today)")),
) -> None:
    from govplan.ledger.importer import import_ledger

    result = import_ledger(workbook, list(specs or []), _date_option(date, "--date"))
    for path, count in result.added.items():
        typer.echo(tr(f"{path}：新增 {count} 条进展记录", f"{path}: {count} progress records added"), err=True)
    if result.unchanged:
        typer.echo(tr(f"{result.unchanged} 行与上次记录相同，未重复记录", f"{result.unchanged} rows repeat the latest record and were not added again"), err=True)
    for sheet in result.skipped_sheets:
        typer.echo(tr(f"略过工作表“{sheet}”（没有 govplan-id 列）", f"skipped sheet '{sheet}' (no govplan-id column)"), err=True)
    for warning in result.warnings:
        typer.echo(tr("警告：", "warning: ") + warning, err=True)
    for row in result.untied:
        typer.echo(tr(f"{workbook}:{row.where}：无法对应到任务（{row.why}），未导入：{row.content}",
                      f"{workbook}:{row.where}: not tied to a task ({row.why}), not imported: {row.content}"), err=True)
    if not result.added and not result.untied:
        typer.echo(tr("没有新的进展记录。", "no new progress records."), err=True)
    if result.untied:
        raise typer.Exit(1)


@ledger_app.command(
    "report",
    help=tr("督办报告：按单位列出逾期和临期的任务（按逾期天数排序），输出到屏幕或 .docx/.xlsx/.md。",
            "Overdue and due-soon tasks by unit, the latest first, on screen or as .docx/.xlsx/.md."),
)
def report(
    specs: list[Path] = typer.Argument(..., metavar=tr("规格或目录...", "SPEC_OR_DIR..."), help=SPECS_HELP),
    today: str | None = typer.Option(None, "--today", metavar="YYYY-MM-DD", help=tr("判断逾期所用的日期（默认今天）", "the date to judge against (default: today)")),
    unit: str | None = typer.Option(None, "--unit", help=tr("只列出该单位的任务", "only this unit's tasks")),
    within: int = typer.Option(15, "--within", min=0, help=tr("多少天内到期算临期", "days ahead that count as due soon")),
    depth: int | None = typer.Option(None, "--depth", min=1, help=DEPTH_HELP),
    output: Path | None = typer.Option(None, "-o", "--output", help=tr("输出文件（.docx/.xlsx/.md）；缺省时在屏幕上显示", "output file (.docx/.xlsx/.md); the screen without it")),
    to: str | None = typer.Option(None, "--to", metavar="docx|xlsx|md", help=tr("输出格式（默认按 -o 的扩展名）", "output format (default: from -o's suffix)")),
) -> None:
    from govplan.fsutil import write_atomic
    from govplan.ledger.outputs import print_report, report_format, write_report
    from govplan.ledger.report import chases, report_grid
    from govplan.render.loading import load_specs_for_render

    day = _date_option(today, "--today")
    loaded = load_specs_for_render(specs, validate=True)
    grid = report_grid(chases(loaded, day, unit, within, depth), day, within, len(loaded) > 1)
    if output is None:
        print_report(grid)
        return
    write_atomic(output, write_report(grid, report_format(to, output)))
    typer.echo(tr(f"已生成 {output}", f"wrote {output}"), err=True)


def register(app: typer.Typer) -> None:
    """Register the `ledger` command group on the app."""
    app.add_typer(ledger_app, name="ledger")
