"""Build the heading tree of one document from its normalised lines.

Levels are not fixed per style: the first style seen opens a level, a new style nests below the
current one, and a style already open closes everything below it (pandoc-like, but data-driven).
A number is accepted as a heading only when it continues its list (next value, or 1 for a new
list, or the value after the last one of that style for lists numbered across groups); anything
else (1.6万座, a "2." in an attachment list, a date) stays body text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from govplan.grammar import compile_pattern
from govplan.spec.model import NumberStyle, TaskNode
from govplan.structure.lines import Line, Locator
from govplan.structure.numbering import HeadingNumber, find_inline_items, inline_run, match_heading, numbering

_SENTENCE_END = compile_pattern("[{sentence_end}]")
_CLAUSE_END = compile_pattern("[{clause_end}]")
_COLON = compile_pattern("[{colon}]")
_LABEL_CHARS = 20  # "参与范围：…" — a short label before a colon is the heading phrase
_DATE_LINE = compile_pattern("^{calendar_date}$")


@dataclass
class _Open:
    """A node being built: its style, value, and where its own text starts and ends."""

    style: str
    value: int
    segment: str
    line: Line
    number_end: int
    level: int
    own_end: int = -1
    children: list["_Open"] = field(default_factory=list)


class TreeBuilder:
    """Turns the lines of one document region into TaskNodes with provenance."""

    def __init__(self, text: str, locator: Locator) -> None:
        self.text = text
        self.locator = locator
        self.data = numbering()
        self.norm_starts: dict[int, int] = {}  # id(TaskNode) -> normalised offset of its own text

    def build(self, lines: list[Line]) -> list[TaskNode]:
        roots: list[_Open] = []
        stack: list[_Open] = []
        last_value: dict[str, int] = {}
        current: _Open | None = None
        in_attachment_list = False
        region_end = lines[-1].end if lines else 0
        for line in lines:
            if line.blank:
                continue
            if in_attachment_list and self.data.attachment_item.match(line.text):
                continue
            in_attachment_list = False
            attachment = self.data.attachment.match(line.text)
            if attachment:
                self._close(current, line.start)
                number = attachment.group("n") or ""
                node = _Open("attachment", 0, self.data.attachment_segment.replace("{n}", number), line,
                             line.start + len(line.text) if not attachment.group("title") else line.start + attachment.start("title"), 1)
                roots.append(node)
                stack, last_value, current = [node], {}, node
                continue
            if self.data.attachment_list.match(line.text) or _DATE_LINE.match(line.text):
                self._close(current, line.start)
                current = None
                in_attachment_list = bool(self.data.attachment_list.match(line.text))
                continue
            heading = match_heading(line.text)
            placed = self._place(heading, line, stack, last_value, roots) if heading else None
            if placed is None:
                continue
            self._close(current, line.start)
            current = placed
        self._close(current, region_end)
        if not roots:
            return self._unheaded_items(lines)
        root_ids: set[str] = set()
        return [task for node in roots for task in self._finish(node, None, root_ids)]

    def _unheaded_items(self, lines: list[Line]) -> list[TaskNode]:
        """A document with no numbered headings may still list its points inline (一要…二要…)."""
        content = [line for line in lines if not line.blank]
        if not content:
            return []
        start, end = content[0].start, content[-1].end
        return self._inline_children(self.text[start:end], start, 0, 0, None)

    def _place(
        self, heading: HeadingNumber, line: Line, stack: list[_Open], last_value: dict[str, int], roots: list[_Open]
    ) -> _Open | None:
        """Put a heading into the tree, or return None when its number does not continue any list."""
        depth = next((i for i, open_ in enumerate(stack) if open_.style == heading.style), None)
        value = heading.value
        if value == 0:  # unnumbered lead-in items live inside a section and are numbered by position
            if not stack:
                return None
            value = stack[depth].value + 1 if depth is not None else 1
        if depth is not None:
            sibling = stack[depth]
            if value not in (sibling.value + 1, 1):
                return None
            del stack[depth:]
        elif value != 1 and value != last_value.get(heading.style, -1) + 1:
            return None
        level = len(stack) + 1
        segment = heading.segment.replace("{n}", str(value))
        node = _Open(heading.style, value, segment, line, line.start + heading.number_end, level)
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
        last_value[heading.style] = value
        return node

    @staticmethod
    def _close(node: _Open | None, end: int) -> None:
        if node is not None and node.own_end < 0:
            node.own_end = end

    def _finish(self, node: _Open, parent_id: str | None, used: set[str]) -> list[TaskNode]:
        """The TaskNode for ``node`` (plus siblings its number continues inline, as in "(1)…。(2)…")."""
        start = node.line.start
        own = self.text[start:node.own_end].rstrip()
        body = node.number_end - start
        continued = inline_run(own[body:], node.style, node.value + 1)
        pieces = [(0, body, node.segment)] + [(body + c.start, c.marker_end - c.start, c.segment) for c in continued]
        result = []
        for k, (offset, number_len, segment) in enumerate(pieces):
            end = pieces[k + 1][0] if k + 1 < len(pieces) else len(own)
            node_id = self._unique(f"{parent_id}.{segment}" if parent_id else segment, used)
            text = own[offset:end].rstrip()
            children = self._inline_children(text, start + offset, number_len, node.level, node_id)
            if k == len(pieces) - 1:
                child_ids = {child.id for child in children}
                for child in node.children:
                    children.extend(self._finish(child, node_id, child_ids))
            result.append(self._make(start + offset, text, number_len, node.style, node.level, node_id, children))
        return result

    def _make(
        self, start: int, text: str, number_len: int, style: str, level: int, node_id: str, children: list[TaskNode],
        numeral_written: bool = True,
    ) -> TaskNode:
        """A TaskNode for normalised ``text`` at ``start`` whose number takes ``number_len`` chars
        (an item whose numeral the source lost has no number; its id says its place)."""
        span = self.locator.span(start, start + len(text))
        number = self.locator.verbatim(self.locator.span(start, start + number_len)).strip() if numeral_written else ""
        node = TaskNode(
            id=node_id,
            number=number or None,
            style=_style(style),
            level=level,
            title=self._title(text[number_len:]),
            text=text,
            line=self.locator.line_of(span.start),
            span=span,
            children=children,
        )
        self.norm_starts[id(node)] = start
        return node

    def _inline_children(
        self, own: str, start: int, body_offset: int, level: int, node_id: str | None,
        inside: str | None = None, depth: int = 0,
    ) -> list[TaskNode]:
        """Inline items (一是…二是…) written inside a node's own text become its first children.

        ``own`` starts at normalised offset ``start``; markers are searched after ``body_offset``
        (past the node's own number). Items nest when another run starts inside one: of another
        style, or of the same style introduced by a colon (三是…打造了三项品牌:一是…二是…), at most
        ``max_inline_depth`` inline levels deep.
        """
        if body_offset >= len(own) or depth >= self.data.max_inline_depth:
            return []
        items = find_inline_items(own[body_offset:], inside)
        used: set[str] = set()
        result = []
        for k, item in enumerate(items):
            local_start = body_offset + item.start
            local_end = body_offset + items[k + 1].start if k + 1 < len(items) else len(own)
            text = own[local_start:local_end].rstrip()
            marker_len = item.marker_end - item.start
            item_id = self._unique(f"{node_id}.{item.segment}" if node_id else item.segment, used)
            children = self._inline_children(
                text, start + local_start, marker_len, level + 1, item_id, item.style, depth + 1
            )
            result.append(self._make(
                start + local_start, text, marker_len, item.style, level + 1, item_id, children, item.numeral_written
            ))
        return result

    def _title(self, body: str) -> str | None:
        """The heading phrase: up to the first sentence end on the heading's line, within reason."""
        first_line = next((line.strip() for line in body.split("\n") if line.strip()), "")
        match = _SENTENCE_END.search(first_line)
        title = first_line[: match.start()] if match else first_line
        colon = _COLON.search(title)
        if colon and 0 < colon.start() <= _LABEL_CHARS:
            title = title[: colon.start()]
        if len(title) > self.data.max_title_chars:
            clause = _CLAUSE_END.search(title)
            title = title[: clause.start()] if clause and clause.start() > 0 else title[: self.data.max_title_chars]
        title = title.strip(" :：,，")
        return title or None

    @staticmethod
    def _unique(node_id: str, used: set[str]) -> str:
        """``node_id``, or ``node_id~2``… when a sibling already has it (a list that restarts)."""
        candidate, n = node_id, 2
        while candidate in used:
            candidate, n = f"{node_id}~{n}", n + 1
        used.add(candidate)
        return candidate


def _style(key: str) -> NumberStyle:
    return key  # type: ignore[return-value]
