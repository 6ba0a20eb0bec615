"""Jinja rendering of the text views: govplan's templates (package data) or a user's own file.

The built-in templates live in the package (govplan/render/templates/) and are found through
importlib.resources, so an installed wheel renders as a source checkout does. Escaping follows
the output format, never the template's name: every HTML output is autoescaped (a user template
called report.j2 included), and in Markdown every value is HTML-escaped (Markdown renderers pass
raw HTML through), so task text from a spec can never inject markup. Undefined variables are
errors, so a typo in a user's template is reported instead of printing an empty column.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from markupsafe import Markup

from govplan.errors import Errors, GovplanError

TEMPLATE_PACKAGE = "govplan.render"
TEMPLATE_FOLDER = "templates"


def builtin_templates() -> Traversable:
    """The folder of govplan's own templates and Word reference document, inside the package."""
    return resources.files(TEMPLATE_PACKAGE) / TEMPLATE_FOLDER


def md_text(value: object) -> Markup:
    """Text safe in Markdown: &, < and > as entities, so ``<script>`` shows as text, not markup."""
    if isinstance(value, Markup):
        return value
    text = "" if value is None else str(value)
    return Markup(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


def md_cell(value: object) -> Markup:
    """Text safe inside a Markdown table cell: HTML escaped, pipes escaped, line breaks as <br>."""
    text = str(md_text(value))
    return Markup(text.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "\n").replace("\n", "<br>"))


def _environment(search_dir: Path | None, fmt: str) -> Any:
    """Templates from ``search_dir`` first (a user's folder), then govplan's own; autoescaped for
    html output, HTML-escaped values for md."""
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined

    loaders: list[Any] = [FileSystemLoader(str(search_dir))] if search_dir is not None else []
    env = Environment(
        loader=ChoiceLoader([*loaders, PackageLoader(TEMPLATE_PACKAGE, TEMPLATE_FOLDER)]),
        autoescape=fmt == "html",
        finalize=md_text if fmt == "md" else None,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md_cell"] = md_cell
    return env


def render_template(path: Path | str, variables: dict[str, Any], fmt: str) -> str:
    """Render a template for output in ``fmt``: a user's file (a Path; its folder is searched for
    includes first) or the name of one of govplan's own (a str, e.g. tasktable.md.j2)."""
    from jinja2 import TemplateError, TemplateSyntaxError

    folder, name = (path.parent, path.name) if isinstance(path, Path) else (None, path)
    env = _environment(folder, fmt)
    try:
        return env.get_template(name).render(**variables)
    except TemplateSyntaxError as exc:
        raise GovplanError(Errors.E401, str(path), line=exc.lineno, detail=exc.message) from exc
    except TemplateError as exc:
        raise GovplanError(Errors.E402, str(path), detail=exc) from exc


def builtin_template(view: str, fmt: str) -> str:
    """The name of govplan's own template for a view in a text format, e.g. tasktable.md.j2."""
    return f"{view}.{fmt}.j2"


def copy_builtin_templates(folder: Path, overwrite: bool) -> list[Path]:
    """Write a copy of every built-in template (and reference.docx) into ``folder`` to restyle;
    existing files are kept unless ``overwrite``. Returns the files written."""
    from govplan.errors import Both, Errors, OutputError
    from govplan.fsutil import write_atomic

    sources = sorted((entry for entry in builtin_templates().iterdir() if entry.is_file()), key=lambda e: e.name)
    targets = [(folder / entry.name, entry) for entry in sources]
    existing = [str(path) for path, _ in targets if path.exists()]
    if existing and not overwrite:
        raise OutputError(Errors.E502, names=Both("、".join(existing), ", ".join(existing)))
    for path, entry in targets:
        write_atomic(path, entry.read_bytes())
    return [path for path, _ in targets]
