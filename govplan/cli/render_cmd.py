"""`govplan render` (task tables, responsibility matrices, checklists) and `govplan calendar` (.ics)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from govplan.cli.rendering import FORMATS, VIEWS, emit, load, render_specs
from govplan.cli.validate_cmd import REGISTRY_HELP
from govplan.i18n import tr


ViewChoice = Enum("ViewChoice", {name: name for name in VIEWS}, type=str)  # type: ignore[misc]
FormatChoice = Enum("FormatChoice", {name: name for name in FORMATS}, type=str)  # type: ignore[misc]


def render_command(
    specs: list[Path] = typer.Argument(
        ..., metavar=tr("规格或目录...", "SPEC_OR_DIR..."), help=tr("规格文件，或含规格文件的目录", "spec files, or directories of spec files")
    ),
    view: ViewChoice = typer.Option(
        ...,
        "--as",
        help=tr(
            "tasktable 任务分解表；matrix 责任矩阵；checklist 责任清单",
            "tasktable (task table), matrix (responsibility matrix) or checklist (per-unit checklist)",
        ),
    ),
    to: FormatChoice | None = typer.Option(
        None, "--to", help=tr("输出格式；默认按 -o 的扩展名，否则 md", "output format; default from -o's suffix, else md")
    ),
    output: Path | None = typer.Option(
        None, "-o", "--output", help=tr("输出文件；文本格式缺省时写到标准输出", "output file; text formats go to stdout without it")
    ),
    unit: str | None = typer.Option(
        None, "--unit", help=tr("只列出该单位的任务（责任清单只列该单位）", "only this unit's tasks (a checklist for this unit only)")
    ),
    depth: int | None = typer.Option(
        None, "--depth", min=1, help=tr("按第 N 层任务分行（默认：每个末级任务一行）", "one row per task at level N (default: one per leaf task)")
    ),
    template: Path | None = typer.Option(
        None,
        "--template",
        help=tr(
            "自定义 Jinja 模板（见 docs/templates.md），或输出 docx 时的 Word 参考文档",
            "your own Jinja template (see docs/templates.md), or a Word reference document for docx output",
        ),
    ),
    today: str | None = typer.Option(
        None, "--today", metavar="YYYY-MM-DD", help=tr("判断逾期所用的日期（默认今天）", "the date overdue items are judged against (default: today)")
    ),
    no_validate: bool = typer.Option(
        False, "--no-validate", help=tr("不因校验错误而停止：略过出错的条目", "do not stop on validation errors: skip the failing items")
    ),
    registry: list[Path] = typer.Option([], "--registry", help=REGISTRY_HELP),
    title: str | None = typer.Option(
        None, "--title", help=tr("表格标题（替代“文件标题＋任务分解表”）", "the table's heading (instead of the document's title + the view's name)")
    ),
    attachment: str | None = typer.Option(
        None, "--attachment", metavar="N",
        help=tr("在标题上方标注“附件N”（作为通知的附件印发时）", "print 附件N above the title (when the table is sent as an attachment)"),
    ),
    all_sections: bool = typer.Option(
        False, "--all-sections",
        help=tr("保留总体要求、保障措施等没有具体任务的部分（默认略去）", "keep sections without tasks of their own (总体要求, 保障措施…), left out by default"),
    ),
    combined: bool = typer.Option(
        False, "--combined", help=tr("多份文件合成一张责任矩阵（默认每份文件一张）", "one responsibility matrix across all documents (default: one per document)")
    ),
    per_unit: Path | None = typer.Option(
        None, "--per-unit", metavar=tr("目录", "DIR"),
        help=tr("每个责任单位一份责任清单，写入该目录（配合 --as checklist）", "one checklist file per responsible unit, written into DIR (with --as checklist)"),
    ),
) -> None:
    """生成任务分解表、责任矩阵或责任清单（docx/xlsx/html/md/csv）。"""
    render_specs(specs, view.value, to.value if to else None, output, unit, depth, template, today, no_validate, registry,
                 title, attachment, all_sections, combined, per_unit, typer.echo)


def calendar_command(
    specs: list[Path] = typer.Argument(
        ..., metavar=tr("规格或目录...", "SPEC_OR_DIR..."), help=tr("规格文件，或含规格文件的目录", "spec files, or directories of spec files")
    ),
    output: Path | None = typer.Option(
        None, "-o", "--output", help=tr("输出的 .ics 文件；缺省时写到标准输出", "the .ics file to write; stdout without it")
    ),
    unit: str | None = typer.Option(None, "--unit", help=tr("只导出该单位的任务时限", "only this unit's deadlines")),
    no_validate: bool = typer.Option(
        False, "--no-validate", help=tr("不因校验错误而停止：略过出错的条目", "do not stop on validation errors: skip the failing items")
    ),
    no_recurring: bool = typer.Option(
        False, "--no-recurring",
        help=tr("不导出周期性时限（每月25日前、每季度等）", "leave out recurring deadlines (每月25日前, 每季度…)"),
    ),
) -> None:
    """把所有有具体日期的任务时限导出为日历（.ics），周期性时限按重复规则导出。"""
    from govplan.registry import registry_files
    from govplan.render.ical import build_calendar

    result = build_calendar(load(specs, no_validate, registry_files([], specs), typer.echo), unit, recurring=not no_recurring)
    emit(result.data.decode("utf-8"), output, typer.echo)
    summary = tr(f"{result.events} 个日程；{result.skipped} 个时限没有具体日期，未写入",
                 f"{result.events} events; {result.skipped} deadlines have no date and were left out")
    if no_recurring:
        summary += tr(f"；{result.rhythms_left_out} 个周期性时限按 --no-recurring 未写入",
                      f"; {result.rhythms_left_out} recurring deadlines left out (--no-recurring)")
    typer.echo(summary, err=True)


def templates_command(
    folder: Path = typer.Argument(
        Path("govplan-templates"), metavar=tr("目录", "DIR"),
        help=tr("写入模板副本的目录（默认 govplan-templates）", "folder to write the copies to (default: govplan-templates)"),
    ),
    force: bool = typer.Option(False, "--force", help=tr("覆盖已存在的文件", "overwrite existing files")),
) -> None:
    """Copy govplan's own templates and Word reference document into a folder to restyle them."""
    from govplan.render.templating import copy_builtin_templates

    for path in copy_builtin_templates(folder, force):
        typer.echo(tr(f"已写入 {path}", f"wrote {path}"), err=True)


def register(app: typer.Typer) -> None:
    """Register `render`, `calendar` and `templates` on the app."""
    app.command(
        "render",
        help=tr(
            "生成任务分解表（tasktable）、责任矩阵（matrix）或责任清单（checklist），输出 docx/xlsx/html/md/csv。",
            "Render a task table, responsibility matrix or per-unit checklist as docx/xlsx/html/md/csv.",
        ),
    )(render_command)
    app.command(
        "calendar",
        help=tr(
            "把任务时限导出为日历文件（.ics），周期性时限按重复规则（RRULE）导出。",
            "Export task deadlines as an iCalendar file (.ics), recurring ones as RRULEs.",
        ),
    )(calendar_command)
    app.command(
        "templates",
        help=tr(
            "把内置的 Jinja 模板和 Word 参考文档（reference.docx）复制到目录中，修改后用 render --template 指定。",
            "Copy the built-in Jinja templates and Word reference document (reference.docx) into a folder, "
            "to restyle them and pass them to render --template.",
        ),
    )(templates_command)
