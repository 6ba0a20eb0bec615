"""The review page as one self-contained HTML file: inline style and script, nothing fetched.

The Content-Security-Policy names the sha256 of the page's own <style> and <script>, so no other
script or style can run even if a document's text were to slip markup past the escaping, and
default-src 'none' forbids any network access (fonts are the reader's own).
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from govplan import __version__
from govplan.i18n import language, tr
from govplan.review.page import Page

TEMPLATES = Path(__file__).resolve().parent / "templates"


def csp_source(content: str) -> str:
    """The CSP hash source ('sha256-…') allowing exactly this inline content."""
    return "sha256-" + base64.b64encode(hashlib.sha256(content.encode("utf-8")).digest()).decode("ascii")


def labels() -> dict[str, str]:
    """The page's own words, in the interface language."""
    return {
        "lang": "en" if language() == "en" else "zh-CN",
        "review": tr("核对页", "review"),
        "source": tr("原文：", "source: "),
        "hint": tr("点击右侧任务或条目，原文中对应片段会滚动到视野并闪烁；点击原文中的高亮可定位到任务。",
                   "click a task or an item on the right to scroll to its span; click a highlight to find its task."),
        "to_review": tr("待核对", "to review"),
        "tree": tr("任务树", "task tree"),
        "open_all": tr("展开/收起全部条目", "show/hide all items"),
        "no_text": tr("没有可显示的原文。", "no original text to show."),
    }


def render_page(page: Page) -> str:
    """The page's HTML: every value autoescaped, the marked text already escaped piece by piece."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined
    from markupsafe import Markup

    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    css = (TEMPLATES / "review.css").read_text(encoding="utf-8")
    js = (TEMPLATES / "review.js").read_text(encoding="utf-8")
    return env.get_template("review.html.j2").render(
        page=page,
        css=Markup(css),
        js=Markup(js),
        style_hash=csp_source(css),
        script_hash=csp_source(js),
        t=labels(),
        version=__version__,
    )
