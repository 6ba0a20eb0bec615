"""Jinja rendering of the text views: govplan's templates in templates/ or a user's own file.

HTML templates are autoescaped (any name ending .html/.htm, with or without .j2), so
task text from a spec can never inject markup. Undefined variables are errors, so a
typo in a user's template is reported instead of printing an empty column.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from govplan.errors import GovplanError

TEMPLATES_DIR = Path(__file__).resolve().parent.parent.parent / "templates"
HTML_SUFFIXES = ("html", "htm", "html.j2", "htm.j2")


def md_cell(value: object) -> str:
    """Text safe inside a Markdown table cell: pipes escaped, line breaks as <br>."""
    text = "" if value is None else str(value)
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "\n").replace("\n", "<br>")


def _environment(search_dir: Path) -> Any:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=FileSystemLoader([str(search_dir), str(TEMPLATES_DIR)]),
        autoescape=select_autoescape(enabled_extensions=HTML_SUFFIXES, default_for_string=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md_cell"] = md_cell
    return env


def render_template(path: Path, variables: dict[str, Any]) -> str:
    """Render the template file at ``path``; its folder and templates/ are searched for includes."""
    from jinja2 import TemplateError, TemplateSyntaxError

    env = _environment(path.parent)
    try:
        return env.get_template(path.name).render(**variables)
    except TemplateSyntaxError as exc:
        raise GovplanError(
            f"模板第 {exc.lineno} 行语法错误：{exc.message}", f"template syntax error on line {exc.lineno}: {exc.message}", str(path)
        ) from exc
    except TemplateError as exc:
        raise GovplanError(f"模板出错：{exc}", f"template error: {exc}", str(path)) from exc


def builtin_template(view: str, fmt: str) -> Path:
    """govplan's own template for a view in a text format, e.g. templates/tasktable.md.j2."""
    return TEMPLATES_DIR / f"{view}.{fmt}.j2"
