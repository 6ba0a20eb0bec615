"""Marked-up text: the original, escaped, with every highlighted span a nested <span>.

Spans may nest (a deadline inside a task) or cross (two items sharing characters without one
containing the other). The text is cut at every span boundary; over each piece the open marks
are those covering it, outer first (earlier start, then later end, then rank), and tags are
closed and reopened only where that order changes, so the HTML is always well nested. A mark cut
into several fragments keeps one key: the first fragment carries the element id, every fragment
carries ``data-m`` so a click can flash all of them, and the last one ends with the label.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Mark:
    """A span to highlight: [start, end) of the shown text, its kind, its page key and its label.

    ``kind``, ``key`` and ``label`` come from govplan, never from the document; ``rank`` orders
    marks that start and end together (lower is outer).
    """

    start: int
    end: int
    kind: str
    key: str
    label: str
    rank: int
    unsure: bool = False

    @property
    def order(self) -> tuple[int, int, int, str]:
        return (self.start, -self.end, self.rank, self.key)


def _open_tag(mark: Mark, first: bool) -> str:
    classes = f"mk k-{mark.kind}" + (" unsure" if mark.unsure else "") + ("" if first else " cont")
    ident = f' id="{mark.key}"' if first else ""
    return f'<span class="{classes}"{ident} data-m="{mark.key}">'


def markup(text: str, marks: list[Mark]) -> Markup:
    """``text`` as escaped HTML with ``marks`` as nested spans (empty or out-of-range marks are skipped)."""
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    starting: dict[int, list[Mark]] = {}
    for mark in marks:
        starting.setdefault(mark.start, []).append(mark)
    out: list[str] = []
    active: list[Mark] = []
    stack: list[Mark] = []
    opened: set[str] = set()
    for here, there in zip(cuts, cuts[1:]):
        active = sorted([m for m in active if m.end > here] + starting.get(here, []), key=lambda m: m.order)
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep] is active[keep]:
            keep += 1
        out.extend(_close(mark, here) for mark in reversed(stack[keep:]))
        for mark in active[keep:]:
            out.append(_open_tag(mark, mark.key not in opened))
            opened.add(mark.key)
        stack = list(active)
        out.append(str(escape(text[here:there])))
    out.extend(_close(mark, len(text)) for mark in reversed(stack))
    return Markup("".join(out))


def _close(mark: Mark, here: int) -> str:
    """The end tag of a fragment; the last fragment of a labelled mark ends with its label first
    (an empty element the stylesheet labels, so the text itself stays the document's text)."""
    label = f'<i class="lbl" data-label="{escape(mark.label)}"></i>' if mark.label and here == mark.end else ""
    return label + "</span>"
