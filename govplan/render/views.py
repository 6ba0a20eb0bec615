"""Render a view of loaded specs in one output format: the single entry point the CLI calls."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from govplan.errors import Errors, GovplanError
from govplan.render.context import View, build_context
from govplan.render.docx_style import REFERENCE_NAME
from govplan.render.loading import LoadedSpec
from govplan.render.templating import TEMPLATES_DIR, builtin_template, render_template

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
    """What to render: the view, the format, which tasks, and an optional user template."""

    view: View
    fmt: str
    depth: int | None = None
    unit: str | None = None
    today: dt.date | None = None
    template: Path | None = None


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


def _reference_for(request: RenderRequest) -> Path:
    """The Word reference document: the user's .docx given with --template, else templates/reference.docx."""
    if request.template is not None and request.template.suffix.lower() == ".docx":
        return request.template
    return TEMPLATES_DIR / REFERENCE_NAME


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
    ctx = build_context(specs, request.view, request.depth, request.unit, request.today or dt.date.today())
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
