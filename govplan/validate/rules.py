"""Semantic rules: what a spec can get wrong while still matching the schema.

Each rule is a function from a validated spec to findings, listed in RULES; its docstring names
its code, and docs/validation.md documents every code. Rules run only on specs that match the schema.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from govplan.lexical.lexicon import alternation, data
from govplan.grammar import compile_pattern
from govplan.i18n import tr
from govplan.validate.findings import Finding, field_path
from govplan.validate.places import Loc, SpecView, TaskPlace
from govplan.validate.sources import check_spans

if TYPE_CHECKING:
    from govplan.registry import Registry
    from govplan.spec.model import Spec, Target

# Roles that make a unit answerable for a task (责任领导 names a person, 配合 only helps).
LEADING_ROLES = ("lead", "responsible")
# Number styles whose id segment is not the number as written (—1, —2 are counted).
UNNUMBERED_STYLES = ("dash", "unnumbered")


@dataclass(frozen=True)
class RuleContext:
    """What rules may need beyond the spec: the directory of source documents (--source) and the
    alias registry (bundled, extended by --registry files and the specs' .govplan.yaml)."""

    source_dir: Path | None = None
    registry: Registry | None = None


Rule = Callable[[SpecView, RuleContext], Iterator[Finding]]


def duplicate_ids(view: SpecView, ctx: RuleContext) -> Iterator[Finding]:
    """GP101: two tasks with one id make references (assignments, gold paths) ambiguous."""
    first: dict[str, Loc] = {}
    for place in view.places:
        task_id = place.node.id
        if task_id in first:
            where = field_path(first[task_id])
            yield Finding(
                "GP101",
                place.loc + ("id",),
                tr(f"任务编号“{task_id}”重复（第一次出现在 {where}）", f"task id '{task_id}' repeats (first at {where})"),
                tr("按层级编号改正其中一个", "correct one of them to its numbering path"),
            )
        else:
            first[task_id] = place.loc


def id_mismatches(view: SpecView, ctx: RuleContext) -> Iterator[Finding]:
    """GP102: an id must be its parent's id, a dot, and its own number normalised."""
    for place in view.places:
        node = place.node
        parent_id = place.path[-2].id if len(place.path) > 1 else None
        prefix = parent_id + "." if parent_id is not None else ""
        if not node.id.startswith(prefix):
            yield Finding(
                "GP102",
                place.loc + ("id",),
                tr(f"编号“{node.id}”应以上级编号“{prefix}”开头", f"id '{node.id}' should start with its parent's '{prefix}'"),
                tr("子任务的编号 = 上级编号 + “.” + 本级编号", "a child's id is its parent's id, a dot, and its own number"),
            )
            continue
        if node.number is None or node.style in UNNUMBERED_STYLES:
            continue
        expected = prefix + _own_segment(id_segment(node.number), parent_id)
        segment = _without_restart_suffix(node.id)[len(prefix):]
        if prefix + segment != expected and not _id_agrees(view, place, prefix, expected[len(prefix):], segment):
            yield Finding(
                "GP102",
                place.loc + ("id",),
                tr(f"编号“{node.id}”与层级编号不符，按序号“{node.number}”应为“{expected}”",
                   f"id '{node.id}' disagrees with its number '{node.number}': expected '{expected}'"),
                tr(f"改为 id: {expected}，或改正 number", f"change it to id: {expected}, or correct number"),
            )


def _id_agrees(view: SpecView, place: TaskPlace, prefix: str, own: str, segment: str) -> bool:
    """Whether an id that is not its number's written segment still agrees: the list is numbered on by
    its place, or the extractor's grammar reads the number as the id's segment (or its place from there)."""
    if _numbered_on(view, place, prefix, own, segment):
        return True
    read = _read_segment(place.node.number or "", place.node.style)
    return read is not None and read != own and (read == segment or _numbered_on(view, place, prefix, read, segment))


def _read_segment(number: str, style: str) -> str | None:
    """The segment the extractor's numbering grammar reads ``number`` as, in ``style`` (a label OCR
    misread, （-） or —、, is (一) or 一 to it): an id the extractor gave such a number is no mismatch."""
    from govplan.structure.numbering import match_heading  # only a mismatch pays for the grammar

    folded = id_segment_folded(number)
    heading = match_heading(folded + _PROBE)
    if heading is None or heading.style != style or heading.number_end < len(folded) or heading.under:
        return None
    return heading.segment


_PROBE = "办"  # a character a heading's text may begin with, after a number read alone


def _without_restart_suffix(node_id: str) -> str:
    """一~2 -> 一: the extractor marks a numbered list that restarts under one parent with ~N."""
    head, sep, tail = node_id.rpartition("~")
    return head if sep and tail.isdigit() else node_id


@lru_cache(maxsize=4096)  # a spec writes a few dozen numbers (一、, （一）, 1.) over and over
def id_segment(number: str) -> str:
    """The id segment of a number as written: （一） -> (一), 1． -> 1, 01 -> 1, 貳、 -> 贰, 附件 1 -> 附件1."""
    return _LEADING_ZEROS.sub("", id_segment_folded(number).rstrip(data("validate")["number_dropped"]))


def id_segment_folded(number: str) -> str:
    """A number as written, in the characters ids use: Simplified, half-width brackets and digits, no blanks."""
    folding = data("validate")["number_folding"]
    return "".join("".join(folding.get(char, char) for char in _simplified(number)).split())


_LEADING_ZEROS = re.compile(r"(?<!\d)0+(?=\d)")


def _simplified(text: str) -> str:
    """``text`` with the Traditional characters of numbers and comparator words in Simplified, as the
    extractor writes ids and reads cues (貳 -> 贰, 第一條 -> 第一条, 不超過 -> 不超过); one character for one."""
    return text.translate(_simplified_table())


@cache
def _simplified_table() -> dict[int, str]:
    return str.maketrans(data("validate")["simplified"])


def _own_segment(segment: str, parent_id: str | None) -> str:
    """A decimal number's own segment under the parent it extends (1.2 under 1 -> 2), else ``segment``."""
    head, dot, last = segment.rpartition(".")
    if dot and parent_id is not None and head.replace(".", "").isdigit() and last.isdigit() and (
            parent_id == head or parent_id.endswith("." + head)):
        return last
    return segment


def _numbered_on(view: SpecView, place: TaskPlace, prefix: str, own: str, segment: str) -> bool:
    """Whether a list that starts again under the same parent is numbered on by its place (三.(四) for
    the second (一)-list's first item after (一)-(三)): its own segment repeats an earlier sibling's, and
    its id takes the place it holds among the siblings of its style."""
    from govplan.structure.numbering import is_segment_of, segment_at_place

    siblings = place.path[-2].children if len(place.path) > 1 else view.spec.tasks
    earlier = [sibling.id[len(prefix):] for sibling in siblings[:place.loc[-1]]]
    if own not in map(_without_restart_suffix, earlier):
        return False
    style = place.node.style
    return segment == segment_at_place(style, 1 + sum(is_segment_of(style, seg) for seg in earlier))


def _due_dates(view: SpecView, resolved_only: bool = False) -> Iterator[tuple[Loc, dt.date]]:
    """(field path, date) of every resolved due date in the task tree; with ``resolved_only``, only
    those whose year the text does not write (an extracted date with ``year_from``, or one added by hand)."""
    for place in view.places:
        for index, deadline in enumerate(place.node.deadlines):
            if deadline.due is not None and not (resolved_only and deadline.year_from is None and deadline.origin != "manual"):
                yield place.loc + ("deadlines", index, "due"), deadline.due


def deadline_before_document(view: SpecView, ctx: RuleContext) -> Iterator[Finding]:
    """GP103: a year-less deadline cannot have been given a year that puts it before the notice's date
    (a year the text writes is the notice's own: a stage already past, an entry into force set back)."""
    issued = view.spec.metadata.date
    if issued is None:
        return
    for loc, due in _due_dates(view, resolved_only=True):
        if due < issued:
            yield Finding(
                "GP103",
                loc,
                tr(f"期限 {due} 早于成文日期 {issued}", f"deadline {due} is before the document's date {issued}"),
                tr("核对年份：没有年份的日期按成文年份补全，早于成文月份的月份属于次年",
                   "check the year: a date without one takes the document's year, a month before the month of issue the next"),
            )


def plan_end_year(spec: Spec) -> int | None:
    """The last year of the plan period named in the title (2021—2025年, 十四五), if any."""
    title = spec.metadata.title or ""
    words = data("validate")
    years = [int(year) for year in compile_pattern(words["plan_year_pattern"], "govplan/data/validate.yaml").findall(title)]
    for name, span in words["five_year_plans"].items():
        if name in title:
            years.append(int(span[1]))
    return max(years) if years else None


def deadline_after_plan(view: SpecView, ctx: RuleContext) -> Iterator[Finding]:
    """GP104: a deadline years after the plan period (or far from the document's date) is a typo."""
    words = data("validate")
    spec = view.spec
    end = plan_end_year(spec)
    if end is not None:
        limit = end + int(words["plan_grace_years"])
        why_zh, why_en = f"规划期至 {end} 年", f"the plan runs to {end}"
    elif spec.metadata.date is not None:
        limit = spec.metadata.date.year + int(words["horizon_years"])
        why_zh, why_en = f"成文于 {spec.metadata.date.year} 年", f"issued in {spec.metadata.date.year}"
    else:
        return
    for loc, due in _due_dates(view):
        if due.year > limit:
            yield Finding(
                "GP104",
                loc,
                tr(f"期限 {due} 远在规划期之后（{why_zh}）", f"deadline {due} is long after the plan period ({why_en})"),
                tr("核对年份是否写错", "check the year for a typo"),
            )


def period_reversed(view: SpecView, ctx: RuleContext) -> Iterator[Finding]:
    """GP105: a period (4月4日—10月31日) must start before it ends."""
    for place in view.places:
        for index, deadline in enumerate(place.node.deadlines):
            if deadline.start is not None and deadline.due is not None and deadline.start > deadline.due:
                yield Finding(
                    "GP105",
                    place.loc + ("deadlines", index, "start"),
                    tr(f"时段起点 {deadline.start} 晚于终点 {deadline.due}", f"period starts {deadline.start}, after its end {deadline.due}"),
                    tr("交换 start 和 due，或改正年份", "swap start and due, or correct the year"),
                )


def _targets(view: SpecView) -> Iterator[tuple[Loc, Target]]:
    for place in view.places:
        for index, target in enumerate(place.node.targets):
            yield place.loc + ("targets", index), target


def percent_over_100(view: SpecView, ctx: RuleContext) -> Iterator[Finding]:
    """GP106: a share or rate cannot exceed 100% (growth such as 增长150% can)."""
    for loc, target in _targets(view):
        if not target.percent or target.change in ("increase", "multiply"):
            continue
        if target.comparator in (">=", ">") and target.change != "decrease":
            continue
        for name in ("value", "value_max"):
            value = getattr(target, name)
            if value is not None and value > 100:
                yield Finding(
                    "GP106",
                    loc + (name,),
                    tr(f"百分比 {value:g}% 超过 100%（“{target.text}”）", f"percentage {value:g}% is above 100% ('{target.text}')"),
                    tr("核对数值；若是增长幅度，设 change: increase", "check the value; for growth set change: increase"),
                )


# Comparators pointing the same way do not contradict each other (以上 as > or >= is a reading).
_DIRECTION = {">=": "up", ">": "up", "<=": "down", "<": "down", "~": "about", "=": "exact"}


@cache
def _comparator_cues() -> tuple[re.Pattern[str], dict[str, str]]:
    """A regex finding the target extractor's comparator words, and each word's comparator."""
    words = data("targets")
    comparator_of = {
        word: symbol
        for section in ("comparators_before", "comparators_after")
        for symbol, listed in words[section].items()
        for word in listed
    }
    return re.compile(alternation(comparator_of)), comparator_of


def comparator_contradicts_text(view: SpecView, ctx: RuleContext) -> Iterator[Finding]:
    """GP107: 以上/不少于 mean >=, 以内/不超过 mean <=, 左右 means ~; the comparator must agree."""
    pattern, comparator_of = _comparator_cues()
    for loc, target in _targets(view):
        found = list(pattern.finditer(_simplified(target.text)))  # one character for one: offsets hold
        meant = {comparator_of[match.group()] for match in found}
        if meant and _DIRECTION[target.comparator] not in {_DIRECTION[symbol] for symbol in meant}:
            choices = " / ".join(sorted(meant))
            cue = target.text[found[0].start():found[0].end()]  # as the text writes it
            yield Finding(
                "GP107",
                loc + ("comparator",),
                tr(f"比较符“{target.comparator}”与原文“{target.text}”不符（“{cue}”）",
                   f"comparator '{target.comparator}' contradicts the text '{target.text}' ('{cue}')"),
                tr(f"改为 comparator: \"{choices}\"", f"use comparator: \"{choices}\""),
            )


def task_without_lead(view: SpecView, ctx: RuleContext) -> Iterator[Finding]:
    """GP108 (warning): a leaf task whose path names no lead or responsible unit has no owner."""
    for place in view.places:
        if place.node.children:
            continue
        # a lead on any node of the path is one among the path's effective units (spec/tree.py: each role
        # comes from the nearest node naming it), so no need to work out the others
        if not any(unit.role in LEADING_ROLES for node in place.path for unit in node.units):
            yield Finding(
                "GP108",
                place.loc + ("id",),
                tr(f"任务“{place.node.id}”及其上级都没有牵头或责任单位", f"task '{place.node.id}' has no lead or responsible unit on its path"),
                tr("在本任务或上级任务的 units 中加上 role: lead 的单位", "add a unit with role: lead to this task or an ancestor"),
            )


def unit_not_registered(view: SpecView, ctx: RuleContext) -> Iterator[Finding]:
    """GP109 (warning): units the alias registry does not know cannot be merged across documents."""
    from govplan.registry import registry_for

    registry = ctx.registry or registry_for()
    for place in view.places:
        for index, unit in enumerate(place.node.units):
            field = "canonical" if unit.canonical is not None else "name"
            name = unit.canonical or unit.name
            if not registry.knows(name):
                yield Finding(
                    "GP109",
                    place.loc + ("units", index, field),
                    tr(f"单位“{name}”不在别名表中", f"unit '{name}' is not in the alias registry"),
                    tr("把它加入你的别名表（标准名或某个标准名的别名），用 --registry 文件指定，或在规格旁的 .govplan.yaml 中写 registry: [文件]",
                       "add it to your alias file (as a name or an alias of one), given with --registry FILE or "
                       "listed under registry: in a .govplan.yaml beside the specs"),
                )


def spans_match_source(view: SpecView, ctx: RuleContext) -> Iterator[Finding]:
    """GP110/GP111 (warnings): with --source, every item's span must still cut out its text."""
    if ctx.source_dir is not None:
        yield from check_spans(view, ctx.source_dir)


RULES: tuple[Rule, ...] = (
    duplicate_ids,
    id_mismatches,
    deadline_before_document,
    deadline_after_plan,
    period_reversed,
    percent_over_100,
    comparator_contradicts_text,
    task_without_lead,
    unit_not_registered,
    spans_match_source,
)


def build_for_workers() -> None:
    """Build before validate's workers fork what a rule builds on first use and each worker would build
    again: the extractor's numbering grammar (its import and its shared patterns; each line style's own
    pattern compiles on first use), which the id rule reads a disagreeing id with. 31 of the 1,000 archive
    specs need it, spread so that every worker met one and built it anew; a folder of specs whose ids all
    agree pays for it once."""
    from govplan.structure.numbering import numbering

    numbering()


def check_rules(spec: Spec, ctx: RuleContext) -> list[Finding]:
    """Every semantic finding for a spec that matches the schema."""
    view = SpecView.of(spec)
    return [finding for rule in RULES for finding in rule(view, ctx)]
