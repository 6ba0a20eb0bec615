"""The review page's content: marks over the original text, the task tree beside it, what to check.

Every item is checked against the text before it is highlighted: a deadline, target or unit must
cut out exactly its verbatim ``text``; a task (whose ``text`` is normalised, Simplified) must begin
and end like the normalised original under its span. An item that fails is not highlighted and
says so in the tree, so a hand-edited spec never lights up the wrong words.

Items are marked for review where the extractor was unsure (a deadline with no resolved date or
an assumed year, a target without a value), where the validator's semantic rules find something
(no lead unit, a unit not in the registry, a date before the notice…) and for tasks without a
deadline on their path.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Iterator

from markupsafe import Markup

from govplan.i18n import tr
from govplan.normalize import MappedText
from govplan.render.dates import deadline_text
from govplan.review.documents import ReviewInput
from govplan.review.marks import Mark, markup
from govplan.spec.model import Deadline, Evidence, Spec, Target, TaskNode, UnitRef, is_preamble
from govplan.validate.findings import CODES
from govplan.validate.places import Loc, task_places

EDGE_CHARS = 8  # a task's span must begin and end with these many of its text's characters
_SPACE = re.compile(r"\s+")
_COMPARATORS = {">=": "≥", "<=": "≤", "~": "约", "=": "", ">": ">", "<": "<"}
_UNDATED_KINDS = ("by", "on", "period")


@dataclass(frozen=True)
class Kind:
    """A kind of highlighted item: its legend name, its short label in the text, its nesting rank."""

    name: str
    label: str
    rank: int


def kinds() -> dict[str, Kind]:
    """The highlighted kinds in legend order (tasks by their numbering, units by role)."""
    return {
        "task": Kind(tr("任务（编号）", "task (numbering)"), "", 0),
        "deadline": Kind(tr("完成时限", "deadline"), tr("时限", "due"), 3),
        "target": Kind(tr("目标指标", "target"), tr("指标", "target"), 2),
        "unit-lead": Kind(tr("牵头单位", "lead unit"), tr("牵头", "lead"), 4),
        "unit-support": Kind(tr("配合单位", "supporting unit"), tr("配合", "support"), 4),
        "unit-responsible": Kind(tr("责任单位", "responsible unit"), tr("责任", "responsible"), 4),
        "unit-leader": Kind(tr("责任领导", "responsible leader"), tr("领导", "leader"), 4),
    }


@dataclass
class Fact:
    """A deadline, target or unit beside its task: verbatim text, resolved value, what to check."""

    kind: str
    kind_name: str
    text: str
    value: str
    key: str | None
    problems: list[str] = field(default_factory=list)


@dataclass
class TreeNode:
    """A task in the tree: its label in the original script, its facts, its problems, its children."""

    id: str
    label: str
    key: str | None
    facts: list[Fact]
    problems: list[str]
    children: list["TreeNode"]

    @property
    def review(self) -> bool:
        """Whether this task or one of its facts needs a person's look."""
        return bool(self.problems) or any(fact.problems for fact in self.facts)

    @property
    def review_within(self) -> bool:
        """Whether this task or a task below it needs a look (kept when the tree shows only those)."""
        return self.review or any(child.review_within for child in self.children)


@dataclass
class DocumentTree:
    """One document's heading and task tree (a compilation has several)."""

    title: str
    doc_number: str | None
    notes: list[str]
    nodes: list[TreeNode]


@dataclass
class LegendEntry:
    kind: str
    name: str
    count: int


@dataclass
class Page:
    """Everything the template prints."""

    title: str
    source_name: str
    problem: str | None
    text: Markup | None
    documents: list[DocumentTree]
    legend: list[LegendEntry]
    review_count: int


def number_text(value: float) -> str:
    """19000.0 -> 19000, 0.5 -> 0.5, without exponents."""
    return str(int(value)) if value == int(value) else f"{value:f}".rstrip("0")


def target_value(target: Target) -> str:
    """A target's reading: metric, comparator, value (or range) and unit, e.g. 务工规模 ≥ 19000 人."""
    if target.value is None:
        return target.metric or ""
    amount = number_text(target.value) + (f"–{number_text(target.value_max)}" if target.value_max is not None else "")
    unit = "%" if target.percent else (target.unit or "")
    reading = " ".join(part for part in (_COMPARATORS[target.comparator], amount + unit) if part)
    return f"{target.metric}：{reading}" if target.metric else reading


def deadline_value(deadline: Deadline) -> str:
    """A deadline's reading in analysts' wording, with its ISO date where one was resolved."""
    text = deadline_text(deadline)
    if deadline.due is not None and deadline.kind != "recurring":
        text += f"（{deadline.start.isoformat() + '～' if deadline.start else ''}{deadline.due.isoformat()}）"
    return text


def unit_value(unit: UnitRef) -> str:
    """The unit's registry name (its name as written where the registry does not know it)."""
    return unit.canonical or unit.name


def deadline_doubts(deadline: Deadline) -> list[str]:
    """Why a deadline needs checking: no date resolved, or a year that was assumed."""
    doubts = []
    if deadline.unresolved or (deadline.kind in _UNDATED_KINDS and deadline.due is None):
        reason = f"：{deadline.unresolved}" if deadline.unresolved else ""
        doubts.append(tr(f"未解析出日期{reason}", f"no date resolved{reason}"))
    if deadline.year_from == "assumed":
        doubts.append(tr("年份是推定的（--date）", "the year was assumed (--date)"))
    return doubts


def target_doubts(target: Target) -> list[str]:
    return [] if target.value is not None else [tr("未读出数值", "no value read")]


class _Builder:
    """Walks the specs once: marks for the text, tree nodes for the side, keys tying them."""

    def __init__(self, page_input: ReviewInput) -> None:
        self.input = page_input
        self.shown = page_input.shown_text
        self.kinds = kinds()
        self.marks: list[Mark] = []
        self.counter = 0
        self.normalized: MappedText | None = None
        if page_input.source.text is not None:
            from govplan.normalize import normalize

            self.normalized = normalize(page_input.source.text).mapped

    def key(self) -> str:
        self.counter += 1
        return f"m{self.counter}"

    def local(self, evidence_start: int, evidence_end: int) -> tuple[int, int] | None:
        """A span of the source as offsets into the shown text; None when it falls outside."""
        if self.shown is None:
            return None
        start, end = evidence_start - self.input.start, evidence_end - self.input.start
        return (start, end) if 0 <= start < end <= len(self.shown) else None

    def document(self, spec: Spec) -> DocumentTree:
        findings = _findings_by_place(spec)
        places = iter(task_places(spec))
        nodes = [self.node(root, [], places, findings) for root in spec.tasks]
        meta = spec.metadata
        return DocumentTree(meta.title or spec.source.file, meta.doc_number, list(spec.notes), nodes)

    def node(self, node: TaskNode, ancestors: list[TaskNode], places: Iterator, findings: dict) -> TreeNode:
        place = next(places)
        mine = findings.get(place.loc, {})
        path = ancestors + [node]
        key, problems, label = self.task_mark(node)
        if not is_preamble(node):
            problems += mine.get(None, [])
            if not node.children and not any(n.deadlines for n in path):
                problems.append(tr("没有完成时限", "no deadline"))
        facts = []
        for field_name, items in (("deadlines", node.deadlines), ("targets", node.targets), ("units", node.units)):
            for index, item in enumerate(items):
                kind, value, doubts = _reading(item)
                facts.append(self.fact(item, kind, value, doubts + mine.get((field_name, index), [])))
        children = [self.node(child, path, places, findings) for child in node.children]
        return TreeNode(node.id, label, key, facts, problems, children)

    def task_mark(self, node: TaskNode) -> tuple[str | None, list[str], str]:
        """The task's region (and its number) marked when its span still holds its text."""
        fallback = f"{node.number or ''}{node.title or _SPACE.sub(' ', node.text)[:30]}"
        if node.span is None:  # added by hand (origin: manual): nothing in the source to mark
            return None, [], fallback + tr("（人工添加）", " (added by hand)")
        if self.normalized is None:
            return None, [], fallback
        local = self.local(node.span.start, node.span.end)
        found = self._normalized_range(node.span.start, node.span.end)
        if local is None or not _same_edges(self.normalized.text[found[0] : found[1]], node.text):
            return None, [tr("任务的片段与原文不符，未高亮", "the task's span no longer matches the source; not highlighted")], fallback
        key = self.key()
        self.marks.append(Mark(local[0], local[1], "task", key, "", self.kinds["task"].rank))
        label = self._original_label(node, found) or fallback
        number = self._original_of(node.number, found[0], found[0] + len(node.number or "")) if node.number else None
        if number is not None:
            start, end = number
            self.marks.append(Mark(start, end, "num", key + "n", "", 1))
        return key, [], label

    def fact(self, item: Evidence, kind: str, value: str, problems: list[str]) -> Fact:
        """A fact, marked in the text when its span still cuts out its verbatim text."""
        key = None
        if self.shown is not None and item.span is not None:  # a manual item stands in no source
            local = self.local(item.span.start, item.span.end)
            found = self.shown[local[0] : local[1]] if local else None
            if found == item.text:
                key = self.key()
                self.marks.append(Mark(local[0], local[1], kind, key, self.kinds[kind].label, self.kinds[kind].rank, bool(problems)))
            else:
                problems = [tr(f"片段与原文不符（原文此处为“{found or ''}”），未高亮",
                               f"the span no longer matches the source (it holds '{found or ''}'); not highlighted")] + problems
        return Fact(kind, self.kinds[kind].name, item.text, value, key, problems)

    def _normalized_range(self, start: int, end: int) -> tuple[int, int]:
        """The normalised characters that came from original [start, end)."""
        assert self.normalized is not None
        starts = self.normalized.starts
        return bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)

    def _original_of(self, wanted: str | None, start: int, end: int) -> tuple[int, int] | None:
        """Shown-text offsets of normalised [start, end) when it reads ``wanted``."""
        assert self.normalized is not None
        if not wanted or self.normalized.text[start:end] != wanted:
            return None
        return self.local(*self.normalized.to_original(start, end))

    def _original_label(self, node: TaskNode, found: tuple[int, int]) -> str | None:
        """The task's number and title as the original writes them (Traditional stays Traditional)."""
        if self.shown is None or not node.title:
            return None
        at = self.normalized.text.find(node.title, found[0], found[1]) if self.normalized else -1
        span = self._original_of(node.title, at, at + len(node.title)) if at >= 0 else None
        if span is None:
            return None
        number = self._original_of(node.number, found[0], found[0] + len(node.number or "")) if node.number else None
        head = self.shown[number[0] : number[1]] if number else (node.number or "")
        return head + self.shown[span[0] : span[1]]


def _reading(item: Evidence) -> tuple[str, str, list[str]]:
    """An item's kind, its resolved reading and the extractor's doubts about it."""
    if isinstance(item, Deadline):
        return "deadline", deadline_value(item), deadline_doubts(item)
    if isinstance(item, Target):
        return "target", target_value(item), target_doubts(item)
    assert isinstance(item, UnitRef)
    return f"unit-{item.role}", unit_value(item), []


def _same_edges(found: str, text: str) -> bool:
    """Whether two texts begin and end alike, ignoring whitespace (layout may differ in between)."""
    found, text = _SPACE.sub("", found), _SPACE.sub("", text)
    return bool(text) and found[:EDGE_CHARS] == text[:EDGE_CHARS] and found[-EDGE_CHARS:] == text[-EDGE_CHARS:]


def _findings_by_place(spec: Spec) -> dict[Loc, dict]:
    """The validator's semantic findings, by task and then by item: {task loc: {(field, index) | None: [messages]}}."""
    from govplan.validate.rules import RuleContext, check_rules

    locs = {place.loc for place in task_places(spec)}
    found: dict[Loc, dict] = {}
    for finding in check_rules(spec, RuleContext()):
        path = finding.path
        cut = next((n for n in range(len(path), 0, -1) if path[:n] in locs), None)
        if cut is None:
            continue
        rest = path[cut:]
        item = (rest[0], rest[1]) if len(rest) >= 2 and isinstance(rest[1], int) else None
        code, (_, zh, en) = finding.code, CODES[finding.code]
        found.setdefault(path[:cut], {}).setdefault(item, []).append(f"{code} {tr(zh, en)}")
    return found


def build_page(page_input: ReviewInput) -> Page:
    """The page for a notice or a spec: marked text, one tree per document, legend with counts."""
    builder = _Builder(page_input)
    documents = [builder.document(spec) for spec in page_input.specs]
    shown = builder.shown
    counts = {kind: 0 for kind in builder.kinds}
    for mark in builder.marks:
        if mark.kind in counts:
            counts[mark.kind] += 1
    legend = [LegendEntry(kind, info.name, counts[kind]) for kind, info in builder.kinds.items()]
    title = documents[0].title if len(documents) == 1 else page_input.source.name
    return Page(
        title=title,
        source_name=page_input.source.name,
        problem=page_input.source.problem,
        text=None if shown is None else markup(shown, builder.marks),
        documents=documents,
        legend=legend,
        review_count=sum(1 for doc in documents for node in _walk(doc.nodes) if node.review),
    )


def _walk(nodes: list[TreeNode]) -> Iterator[TreeNode]:
    for node in nodes:
        yield node
        yield from _walk(node.children)
