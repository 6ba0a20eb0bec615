"""Render a view of loaded specs in one output format: the single entry point the CLI calls."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from govplan.errors import Errors, GovplanError
from govplan.render.context import VIEW_NAMES, ContextOptions, View, build_context
from govplan.render.loading import LoadedSpec
from govplan.render.templating import builtin_template, render_template

SUFFIX_FORMATS: dict[str, str] = {
    ".docx": "docx",
    ".xlsx": "xlsx",
    ".html": "html",
    ".htm": "html",
    ".md": "md",
    ".markdown": "md",
    ".csv": "csv",
}
BINARY_FORMATS = ("docx", "xlsx")  # the rest are text (UTF-8)


@dataclass(frozen=True)
class RenderRequest:
    """What to render: the view, the format, which tasks, an optional user template, and how the
    rows are chosen and headed (``options``: --all-sections, --title, --attachment, --combined)."""

    view: View
    fmt: str
    depth: int | None = None
    unit: str | None = None
    today: dt.date | None = None
    template: Path | None = None
    options: ContextOptions = ContextOptions()


def attachment_label(value: str | None) -> str:
    """--attachment as printed above the title: 1 → 附件1, 附件2 as given, empty for none."""
    if not value:
        return ""
    return value if value.startswith("附件") else f"附件{value}"


def format_from_name(name: str) -> str | None:
    """The format a file name implies (report.docx -> docx, table.html.j2 -> html), if any."""
    path = Path(name.removesuffix(".j2"))
    return SUFFIX_FORMATS.get(path.suffix.lower())


def choose_format(to: str | None, output: Path | None, template: Path | None) -> str:
    """--to wins; else the output's suffix; else the template's; else Markdown."""
    for candidate in (to, output and format_from_name(output.name), template and format_from_name(template.name)):
        if candidate:
            return candidate
    return "md"


def _reference_for(request: RenderRequest) -> Path | None:
    """The Word reference document: the user's .docx given with --template, else None (govplan's own)."""
    if request.template is not None and request.template.suffix.lower() == ".docx":
        return request.template
    return None


def _check_template(request: RenderRequest) -> None:
    """A Jinja template yields text and a .docx template is a Word reference; reject any other pairing."""
    if request.template is None:
        return
    is_reference = request.template.suffix.lower() == ".docx"
    if is_reference != (request.fmt == "docx") or request.fmt == "xlsx":
        raise GovplanError(Errors.E405, str(request.template))
    if not request.template.is_file():
        raise GovplanError(Errors.E406, str(request.template))


def render(specs: list[LoadedSpec], request: RenderRequest) -> str | bytes:
    """The rendered view: text for md/html/csv (or a user template), bytes for docx/xlsx."""
    from govplan.render.grids import grids_for

    _check_template(request)
    if request.options.heading and len(specs) > 1 and not (request.view == "matrix" and request.options.combined):
        raise GovplanError(Errors.E414)
    today = request.today or dt.date.today()
    ctx = build_context(specs, request.view, request.depth, request.unit, today, request.options)
    if request.template is not None and request.fmt != "docx":
        return render_template(request.template, ctx.template_vars(), request.fmt)
    if request.fmt in ("md", "html"):
        return render_template(builtin_template(request.view, request.fmt), ctx.template_vars(), request.fmt)
    grids = grids_for(ctx)
    if request.fmt == "csv":
        from govplan.render.csv_writer import write_csv

        return write_csv(grids)
    if request.fmt == "xlsx":
        from govplan.render.xlsx_writer import write_xlsx

        return write_xlsx(grids, ledger=request.view == "tasktable")
    from govplan.render.docx_writer import write_docx

    return write_docx(grids, _reference_for(request))


UNSAFE_IN_FILE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def render_per_unit(specs: list[LoadedSpec], request: RenderRequest) -> list[tuple[str, str | bytes]]:
    """One checklist per responsible unit, each as (file name, content): 县财政局责任清单.docx …"""
    from dataclasses import replace

    today = request.today or dt.date.today()
    units = build_context(specs, "checklist", request.depth, None, today, request.options).units
    outputs = []
    for unit in units:
        name = UNSAFE_IN_FILE_NAME.sub("_", f"{unit.name}{VIEW_NAMES['checklist']}.{request.fmt}")
        outputs.append((name, render(specs, replace(request, view="checklist", unit=unit.name))))
    return outputs
