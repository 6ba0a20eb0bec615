"""`govplan review`: one self-contained HTML page showing every extracted item in the original text."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from govplan.i18n import tr


def review(
    path: Path = typer.Argument(
        ..., metavar=tr("通知或规格", "NOTICE_OR_SPEC"),
        help=tr("通知（.txt/.docx/.html，当场提取）或规格文件（.yaml/.json，在其原文上显示）",
                "a notice (.txt/.docx/.html, extracted now) or a spec (.yaml/.json, shown over its source)"),
    ),
    output: Path | None = typer.Option(
        None, "-o", "--output",
        help=tr("输出的 HTML 文件（默认：当前目录下的 <文件名>.review.html；- 表示标准输出）",
                "the HTML file to write (default: <name>.review.html in the current directory; - for stdout)"),
    ),
    source: Path | None = typer.Option(
        None, "--source", exists=True, file_okay=False, dir_okay=True,
        help=tr("原文所在目录（规格记录的 source.file 找不到时）", "directory of the source documents (where source.file is not found)"),
    ),
    registry: list[Path] = typer.Option(
        [], "--registry", help=tr("提取通知时额外使用的单位别名表（YAML，可多次指定）", "extra unit alias registry when extracting a notice (YAML, repeatable)")
    ),
) -> None:
    """Write the review page of a notice or a spec."""
    from govplan.fsutil import write_atomic
    from govplan.review.documents import review_input
    from govplan.review.html import render_page
    from govplan.review.page import build_page

    page = build_page(review_input(path, source, tuple(str(p) for p in registry)))
    html = render_page(page)
    if output is not None and str(output) == "-":
        sys.stdout.write(html)
        return
    target = output or Path(f"{path.stem}.review.html")
    write_atomic(target, html)
    counts = tr("，", ", ").join(f"{entry.name} {entry.count}" for entry in page.legend if entry.count)
    typer.echo(tr(f"已生成 {target}（{counts}；待核对 {page.review_count} 项）",
                  f"wrote {target} ({counts}; {page.review_count} to review)"), err=True)
    if page.problem:
        typer.echo(tr("警告：", "warning: ") + page.problem, err=True)


def register(app: typer.Typer) -> None:
    """Register `review` on the app."""
    app.command(
        "review",
        help=tr(
            "生成核对页（单个 HTML 文件，无需联网）：在原文中按类别高亮任务编号、时限、指标和责任单位，旁边是任务树。",
            "Write a review page (one self-contained HTML file): the original text with tasks, deadlines, targets "
            "and units highlighted by kind, beside the task tree.",
        ),
    )(review)
