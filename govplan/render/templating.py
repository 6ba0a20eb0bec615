"""Jinja rendering of the text views: govplan's templates in templates/ or a user's own file.

Escaping follows the output format, never the template's name: every HTML output is
autoescaped (a user template called report.j2 included), and in Markdown every value is
HTML-escaped (Markdown renderers pass raw HTML through), so task text from a spec can never
inject markup. Undefined variables are errors, so a typo in a user's template is reported
instead of printing an empty column.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import Markup

from govplan.errors import Errors, GovplanError

TEMPLATES_DIR = Path(__file__).resolve().parent.parent.parent / "templates"


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


def _environment(search_dir: Path, fmt: str) -> Any:
    """A Jinja environment for output in ``fmt``: autoescaped for html, HTML-escaped values for md."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader([str(search_dir), str(TEMPLATES_DIR)]),
        autoescape=fmt == "html",
        finalize=md_text if fmt == "md" else None,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md_cell"] = md_cell
    return env


def render_template(path: Path, variables: dict[str, Any], fmt: str) -> str:
    """Render the template file at ``path`` for output in ``fmt``; its folder and templates/ are
    searched for includes."""
    from jinja2 import TemplateError, TemplateSyntaxError

    env = _environment(path.parent, fmt)
    try:
        return env.get_template(path.name).render(**variables)
    except TemplateSyntaxError as exc:
        raise GovplanError(Errors.E401, str(path), line=exc.lineno, detail=exc.message) from exc
    except TemplateError as exc:
        raise GovplanError(Errors.E402, str(path), detail=exc) from exc


def builtin_template(view: str, fmt: str) -> Path:
    """govplan's own template for a view in a text format, e.g. templates/tasktable.md.j2."""
    return TEMPLATES_DIR / f"{view}.{fmt}.j2"
