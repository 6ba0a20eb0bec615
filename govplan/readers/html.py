"""Read a government web page: keep the article body, drop navigation and scripts, tables as rows."""

from __future__ import annotations

import re

from govplan.errors import Errors, InputError

_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "select", "button")
_NAV_HINT = re.compile(r"nav|menu|footer|header|breadcrumb|crumb|sidebar|share|login|search|copyright|toolbar", re.I)
_BODY_HINT = re.compile(r"TRS_Editor|article|content|zoom|detail|main|text|body|pages_content|UnionStyle", re.I)
_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "section", "article", "blockquote", "pre", "dd", "dt", "dl", "center",
}
_CJK = re.compile(r"[\u4e00-\u9fff]")


def html_text(name: str, markup: str) -> str:
    """The article body of a page as text, one line per block element or table row."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(Errors.E121, name, detail=exc) from exc
    for element in root.xpath("//*[self::" + " or self::".join(_DROP_TAGS) + "]"):
        element.drop_tree()
    for element in root.xpath("//*[@class or @id]"):
        marker = f"{element.get('class', '')} {element.get('id', '')}"
        if _NAV_HINT.search(marker) and not _BODY_HINT.search(marker) and element.getparent() is not None:
            element.drop_tree()
    body = _article_element(root)
    lines = [line.strip() for line in _block_text(body).split("\n")]
    text = "\n".join(line for line in lines if line)
    if not text:
        raise InputError(Errors.E122, name)
    return text


def _article_element(root: "object") -> "object":
    """The element holding the article: the most Chinese text in a content-like block, else <body>.

    Chinese characters of each element's text and of its links are counted once, bottom up, so the
    choice costs one walk of the tree however deep the page nests."""
    chars, link_chars = _cjk_counts(root)
    best, best_score = None, 0
    for element in root.xpath("//div|//article|//td|//section"):  # type: ignore[attr-defined]
        marker = f"{element.get('class', '')} {element.get('id', '')}"
        # Prefer the innermost block that still holds most of the text: penalise large link counts.
        score = (chars[element] - 2 * link_chars[element]) * (1.5 if _BODY_HINT.search(marker) else 1.0)
        if score > best_score:
            best, best_score = element, score
    if best is None:
        found = root.xpath("//body")  # type: ignore[attr-defined]
        return found[0] if found else root
    return best


def _cjk_counts(root: "object") -> tuple[dict[object, int], dict[object, int]]:
    """For every element: Chinese characters in its text content, and in the links inside it."""
    chars: dict[object, int] = {}
    link_chars: dict[object, int] = {}
    for node in reversed(list(root.iter())):  # type: ignore[attr-defined]  # children before parents
        is_element = isinstance(node.tag, str)
        total = _cjk(node.text) if is_element else 0
        links = 0
        for child in node:
            total += chars[child] + _cjk(child.tail)
            links += link_chars[child]
        chars[node] = total
        link_chars[node] = links + (total if node.tag == "a" else 0)
    return chars, link_chars


def _cjk(text: str | None) -> int:
    return len(_CJK.findall(text)) if text else 0


def _block_text(element: "object") -> str:
    """Text with line breaks at block boundaries and table cells separated by tabs (no recursion,
    so no nesting depth is too deep)."""
    parts: list[str] = []
    stack: list[tuple[object, bool]] = [(element, False)]
    while stack:
        node, closing = stack.pop()
        tag = node.tag if isinstance(node.tag, str) else ""  # type: ignore[attr-defined]
        if closing:
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            if node is not element and node.tail:  # type: ignore[attr-defined]
                parts.append(node.tail)  # type: ignore[attr-defined]
            continue
        if tag in _BLOCK_TAGS:
            parts.append("\n")
        if tag in ("td", "th"):
            parts.append("\t")
        if node.text:  # type: ignore[attr-defined]
            parts.append(node.text.strip() if tag in ("td", "th") else node.text)  # type: ignore[attr-defined]
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))  # type: ignore[call-overload]
    text = "".join(parts).replace("\xa0", " ")
    lines = (line.strip(" \r\f\v").lstrip("\t") for line in text.split("\n"))
    return "\n".join(line for line in lines if line.strip())
