"""What `govplan render` and `govplan calendar` do once their command line is read, without typer:
the typer commands (govplan/cli/render_cmd.py) and the plain reading of a render command line
(govplan/cli/quick.py) both run these, each printing through its own echo."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from govplan.errors import Errors, GovplanError
from govplan.i18n import tr

if TYPE_CHECKING:
    from govplan.render.loading import LoadedSpec

Echo = Callable[..., None]
VIEWS = ("tasktable", "matrix", "checklist")
FORMATS = ("docx", "xlsx", "html", "md", "csv")


def parse_today(value: str | None) -> dt.date | None:
    """--today as an ISO date (2024-07-01)."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise GovplanError(Errors.E001, option="--today", value=value) from exc


def load(specs: list[Path], no_validate: bool, registry: list[Path], echo: Echo) -> list[LoadedSpec]:
    """The specs, loaded with the user's registry files; warnings about skipped items go to stderr."""
    from govplan.registry import registry_for
    from govplan.render.loading import load_specs_for_render

    loaded = load_specs_for_render(specs, validate=not no_validate, registry=registry_for(registry))
    for spec in loaded:
        for warning in spec.warnings:
            echo(tr("警告：", "warning: ") + warning, err=True)
    return loaded


def emit(result: str | bytes, output: Path | None, echo: Echo) -> None:
    """Write the result atomically to ``output``, or text to stdout."""
    from govplan.fsutil import write_atomic

    if output is None:
        sys.stdout.write(result.decode("utf-8") if isinstance(result, bytes) else result)
        sys.stdout.flush()
        return
    write_atomic(output, result)
    echo(tr(f"已生成 {output}", f"wrote {output}"), err=True)


def emit_per_unit(outputs: dict[str, bytes], folder: Path, echo: Echo) -> None:
    """Write one checklist per unit into ``folder``, atomically, and say how many."""
    from govplan.fsutil import write_atomic

    for name, data in outputs.items():
        write_atomic(folder / name, data)
    echo(tr(f"已在 {folder} 生成 {len(outputs)} 份责任清单", f"wrote {len(outputs)} checklists into {folder}"), err=True)


def render_specs(specs: list[Path], view: str, to: str | None, output: Path | None, unit: str | None, depth: int | None,
                 template: Path | None, today: str | None, no_validate: bool, registry: list[Path], title: str | None,
                 attachment: str | None, all_sections: bool, combined: bool, per_unit: Path | None, echo: Echo) -> None:
    """`govplan render`: a task table, responsibility matrix or checklists of the specs, written or printed."""
    from govplan import api
    from govplan.registry import registry_files
    from govplan.render.views import BINARY_FORMATS, choose_format

    if per_unit is not None and view != "checklist":
        raise GovplanError(Errors.E007, option="--per-unit", other=f"--as {view}")
    if per_unit is not None and output is not None:
        raise GovplanError(Errors.E007, option="--per-unit", other="-o")
    fmt = choose_format(to, output, template) if per_unit is None else (to or "docx")
    if per_unit is None and output is None and fmt in BINARY_FORMATS:
        raise GovplanError(Errors.E002)
    files = registry_files(registry, specs)  # and those the .govplan.yaml beside the specs names
    loaded = [item.spec for item in load(specs, no_validate, files, echo)]
    options = {"depth": depth, "today": parse_today(today), "template": template, "all_sections": all_sections, "registry": files}
    if per_unit is None:
        emit(api.render(loaded, view, fmt, unit=unit, title=title, attachment=attachment, combined=combined, **options),
             output, echo)
    else:
        emit_per_unit(api.render_per_unit(loaded, fmt, **options), per_unit, echo)
