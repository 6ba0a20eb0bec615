"""Score extraction against hand-checked gold annotations (docs/gold-format.md).

Items are matched one-to-one by overlapping spans in the original text; tasks by numbering
path; unit assignments by (task path, unit) after inheritance down the task tree.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from govplan.errors import Errors, GovplanError
from govplan.gold import GoldDocument, source_text
from govplan.spec.model import Span, Spec, effective_units, iter_paths

FIELDS = ("tasks", "deadline_spans", "deadline_dates", "targets", "lead_units", "support_units", "responsible_units")
# For a unit found in one role only: the role a unit of another field is most often confused with.
_OTHER_ROLE = {"lead": "support", "support": "lead", "responsible": "lead"}

CAUSES: dict[str, tuple[str, str]] = {  # cause → (中文, English) meaning
    # tasks: is a node there at all (structure), or only numbered another way (paths)?
    # a node at that line with another path, by how the paths differ (the extractor's path against the gold's)
    "level up": ("该行有节点，但层级比金标准高（路径更短）", "a node starts at that line, a level higher (a shorter path)"),
    "level down": ("该行有节点，但层级比金标准低（路径更长）", "a node starts at that line, a level lower (a longer path)"),
    "other parent": ("该行有同层节点，但挂在另一个上级下", "a node of the same level starts at that line, under another parent"),
    "other number": ("该行有同层同上级节点，但本级编号不同", "a node starts at that line under the same parent, numbered otherwise"),
    "no node": ("该行没有对应的节点", "no node (or gold task) starts at that line"),
    # items (deadlines, targets) and units: does the loss follow a task the structure lost or added?
    "task missed": ("所属任务没有提取出来", "the item's gold task was not found"),
    "before tasks": ("位于第一个任务之前（导语、标题、背景）", "the item stands before the first gold task (preamble, background)"),
    "in found task": ("所属任务已提取，条目本身漏了", "the item's gold task was found, the item was not"),
    "extra node": ("挂在金标准没有的节点上（背景、导语、拆错的行）", "the item hangs on a node the gold does not have"),
    "in gold task": ("挂在金标准任务上，但金标准在此没有该条目", "the item hangs on a gold task that has no such item"),
    # units only
    "other role": ("同一任务上有该单位，但角色不同", "the unit is on the same task with the other role"),
    "other task": ("该单位写在本任务文字之外，只出现在别的任务上（挂错了节点）",
                   "the unit is written outside its task's own lines and found on another task only (placed on another node)"),
    "not read here": ("该单位写在本任务的文字里，但只在别的任务上提取到（此处的写法没有读出）",
                      "the unit is written in its task's own lines but found on other tasks only (the mention here was not read)"),
    "name boundary": ("同一任务上有名称与之部分重合的单位（名称边界不同）",
                      "a unit on the same task shares part of the name (a different name boundary)"),
    "name not found": ("任何任务上都没有该单位", "no task carries the unit in either role"),
}


@dataclass
class Score:
    """Counts for one field, with precision, recall and F1."""

    tp: int = 0
    predicted: int = 0
    expected: int = 0

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.predicted += other.predicted
        self.expected += other.expected

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else (1.0 if not self.expected else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.expected if self.expected else (1.0 if not self.predicted else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "predicted": self.predicted, "expected": self.expected,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass(frozen=True)
class Miss:
    """One disagreement with the gold: an item the extractor missed, one the gold does not have,
    or one both found but read differently (dates, value, unit or comparator)."""

    field: str
    kind: str  # missed | spurious | different
    line: int
    text: str
    detail: str = ""
    cause: str = ""  # where the disagreement comes from (CAUSES), for counts that show no text


@dataclass
class DocumentScore:
    gold_file: str
    scores: dict[str, Score] = field(default_factory=lambda: {name: Score() for name in FIELDS})
    misses: list[Miss] = field(default_factory=list)


@dataclass
class _GoldItem:
    span: Span
    data: dict[str, Any]


class _Text:
    """The original text of a gold document's source with line offsets, to locate (line, text, nth)."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.lines = text.split("\n")
        self.offsets = [0]
        for line in self.lines:
            self.offsets.append(self.offsets[-1] + len(line) + 1)

    def locate(self, line: int, text: str, nth: int, gold_file: str) -> Span:
        row = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        pos = -1
        for _ in range(nth):
            pos = row.find(text, pos + 1)
            if pos < 0:
                raise GovplanError(Errors.E604, gold_file, line=line, text=text, nth=nth)
        start = self.offsets[line - 1] + pos
        return Span(start=start, end=start + len(text))

    def line_range(self, first: int, last: int) -> Span:
        return Span(start=self.offsets[first - 1], end=self.offsets[min(last, len(self.lines))])

    def line_of(self, span: Span) -> int:
        """The 1-based line a span starts on."""
        return bisect.bisect_right(self.offsets, span.start)


def evaluate(documents: list[GoldDocument], extract: Callable[[Path], list[Spec]]) -> list[DocumentScore]:
    """Score every gold document; ``extract`` turns a source path into specs (cached by the caller)."""
    results = []
    for document in documents:
        gold = document.gold.model_dump(exclude_none=True)
        text = _Text(document.source, source_text(document))
        window = text.line_range(*gold["lines"])
        specs = [s for s in extract(document.source) if _overlaps_part(s, window)]
        results.append(_score_document(str(document.file), gold, text, window, specs))
    return results


def _path_difference(extracted: str | None, gold: str | None) -> str:
    """How the extractor's path of a line differs from the gold's there (a cause that shows no text)."""
    if extracted is None or gold is None:
        return "no node"
    ours, theirs = extracted.split("."), gold.split(".")
    if len(ours) != len(theirs):
        return "level up" if len(ours) < len(theirs) else "level down"
    return "other number" if ours[:-1] == theirs[:-1] else "other parent"


def _overlaps_part(spec: Spec, window: Span) -> bool:
    return spec.source.span is None or spec.source.span.overlaps(window)


def _score_document(name: str, gold: dict[str, Any], text: _Text, window: Span, specs: list[Spec]) -> DocumentScore:
    result = DocumentScore(name)
    # the preamble may open before the gold's window (a portal's header lines): its items still count
    paths = [path for spec in specs for path in iter_paths(spec)
             if _inside(path[-1].span, window) or path[-1].style == "unnumbered"]
    # the preamble holds items but is no numbered task: it is not scored as one
    predicted_ids = {path[-1].id for path in paths if path[-1].style != "unnumbered"}
    gold_ids = {t["path"] for t in gold.get("tasks") or []}
    result.scores["tasks"] = Score(len(predicted_ids & gold_ids), len(predicted_ids), len(gold_ids))
    miss = result.misses.append
    predicted_lines: dict[int, str] = {}
    for path in paths:
        if path[-1].style != "unnumbered":
            predicted_lines.setdefault(path[-1].line, path[-1].id)
    gold_lines: dict[int, str] = {}
    for task in gold.get("tasks") or []:
        gold_lines.setdefault(int(task.get("line", 0)), task["path"])
    for task in gold.get("tasks") or []:
        if task["path"] not in predicted_ids:
            line = int(task.get("line", 0))
            miss(Miss("tasks", "missed", line, task["path"], str(task.get("title") or ""),
                      cause=_path_difference(predicted_lines.get(line), task["path"])))
    for path in paths:
        if path[-1].id not in gold_ids and path[-1].style != "unnumbered":
            miss(Miss("tasks", "spurious", path[-1].line, path[-1].id, path[-1].title or path[-1].text[:30],
                      cause=_path_difference(path[-1].id, gold_lines.get(path[-1].line))))
    owner = _gold_owner(gold.get("tasks") or [], predicted_ids)

    def locate(items: Iterable[dict[str, Any]]) -> list[_GoldItem]:
        return [_GoldItem(text.locate(i["line"], str(i["text"]), int(i.get("nth", 1)), name), i) for i in items]

    def hangs_on_gold(path: Any) -> bool:
        return path[-1].id in gold_ids and path[-1].style != "unnumbered"

    gold_deadlines = locate(gold.get("deadlines") or [])
    pred_deadlines = [d for path in paths for d in path[-1].deadlines if _inside(d.span, window)]
    on_gold = {id(d): hangs_on_gold(path) for path in paths for d in path[-1].deadlines}
    pairs = _match(gold_deadlines, pred_deadlines)
    result.scores["deadline_spans"] = Score(len(pairs), len(pred_deadlines), len(gold_deadlines))
    _unmatched("deadline_spans", gold_deadlines, pred_deadlines, pairs, text, miss, owner, on_gold)
    dated_gold = [g for g in gold_deadlines if g.data.get("due") or g.data.get("start")]
    dated_pred = [d for d in pred_deadlines if d.due or d.start]
    result.scores["deadline_dates"] = Score(
        sum(1 for g, p in pairs if (g.data.get("due") or g.data.get("start")) and _same_dates(g.data, p)),
        len(dated_pred), len(dated_gold),
    )
    for g, p in pairs:
        if (g.data.get("due") or g.data.get("start") or p.due or p.start) and not _same_dates(g.data, p):
            miss(Miss("deadline_dates", "different", text.line_of(g.span), p.text,
                      f"gold {g.data.get('start') or ''}~{g.data.get('due') or ''}, extracted {p.start or ''}~{p.due or ''}"))
    gold_targets = locate(gold.get("targets") or [])
    pred_targets = [t for path in paths for t in path[-1].targets if _inside(t.span, window)]
    on_gold.update({id(t): hangs_on_gold(path) for path in paths for t in path[-1].targets})
    target_pairs = _match(gold_targets, pred_targets)
    result.scores["targets"] = Score(
        sum(1 for g, p in target_pairs if _same_target(g.data, p)), len(pred_targets), len(gold_targets),
    )
    _unmatched("targets", gold_targets, pred_targets, target_pairs, text, miss, owner, on_gold)
    for g, p in target_pairs:
        if not _same_target(g.data, p):
            miss(Miss("targets", "different", text.line_of(g.span), p.text,
                      f"gold {g.data.get('comparator', '=')}{g.data.get('value')}{g.data.get('unit') or ''}, "
                      f"extracted {p.comparator}{p.value}{p.unit or ''}"))
    for role, field_name in (("lead", "lead_units"), ("support", "support_units"), ("responsible", "responsible_units")):
        expected = _gold_assignments(gold, role)
        predicted: dict[tuple[str, str], set[str]] = {}
        for path in paths:
            for unit in effective_units(path):
                if unit.role == role:
                    names = {unit.name} | ({unit.canonical} if unit.canonical else set())
                    predicted.setdefault((path[-1].id, unit.canonical or unit.name), set()).update(names)
        found = {
            (task, unit): any(task == t and any(_same_unit(name, u) for name in names) for t, u in expected)
            for (task, unit), names in predicted.items()
        }
        result.scores[field_name] = Score(sum(found.values()), len(predicted), len(expected))
        lines = {path[-1].id: path[-1].line for path in paths} | {t["path"]: int(t.get("line", 0)) for t in gold.get("tasks") or []}
        other = _gold_assignments(gold, _OTHER_ROLE[role])
        for (task, unit), hit in sorted(found.items()):
            if not hit:
                miss(Miss(field_name, "spurious", lines.get(task, 0), unit, task,
                          cause=_spurious_unit_cause(task, predicted[(task, unit)], gold_ids, other, expected)))
        for task, unit in sorted(expected):
            if not any(task == t and any(_same_unit(name, unit) for name in names) for (t, _), names in predicted.items()):
                cause = _missed_unit_cause(task, unit, predicted_ids, paths)
                if cause == "other task" and _written_where_stated(gold, role, task, unit, text):
                    cause = "not read here"
                miss(Miss(field_name, "missed", lines.get(task, 0), unit, task, cause=cause))
    result.misses.sort(key=lambda m: (FIELDS.index(m.field), m.line, m.kind))
    return result


def _unmatched(
    name: str, gold: list[_GoldItem], predicted: list[Any], pairs: list[tuple[_GoldItem, Any]], text: _Text,
    miss: Callable[[Miss], None], owner: Callable[[int], str], on_gold: dict[int, bool],
) -> None:
    """Record the gold items without a predicted partner and the predicted items without a gold one."""
    paired_gold = {id(g) for g, _ in pairs}
    paired_pred = {id(p) for _, p in pairs}
    for g in gold:
        if id(g) not in paired_gold:
            line = text.line_of(g.span)
            miss(Miss(name, "missed", line, str(g.data["text"]), cause=owner(line)))
    for p in predicted:
        if id(p) not in paired_pred:
            miss(Miss(name, "spurious", text.line_of(p.span), p.text,
                      cause="in gold task" if on_gold[id(p)] else "extra node"))


def _gold_owner(tasks: list[dict[str, Any]], predicted_ids: set[str]) -> Callable[[int], str]:
    """The cause of a missed item on a line: the last gold task starting at or before it, found or not."""
    starts = sorted((int(t.get("line", 0)), t["path"]) for t in tasks)
    lines = [line for line, _ in starts]

    def cause(line: int) -> str:
        k = bisect.bisect_right(lines, line)
        if not k:
            return "before tasks"
        return "in found task" if starts[k - 1][1] in predicted_ids else "task missed"

    return cause


def _missed_unit_cause(task: str, unit: str, predicted_ids: set[str], paths: list[Any]) -> str:
    """Why a gold (task, unit) has no partner: its task is lost, or the unit is there in another role or place."""
    if task not in predicted_ids:
        return "task missed"
    places = {(path[-1].id, u.role) for path in paths for u in effective_units(path)
              if any(_same_unit(name, unit) for name in filter(None, (u.name, u.canonical)))}
    if any(t == task for t, _ in places):
        return "other role"
    if places:
        return "other task"
    here = {name for path in paths if path[-1].id == task for u in effective_units(path) for name in (u.name, u.canonical) if name}
    return "name boundary" if any(_share_name(name, _fold(unit)) for name in here) else "name not found"


def _written_where_stated(gold: dict[str, Any], role: str, task: str, unit: str, text: _Text) -> bool:
    """Whether the unit is written in the own lines (up to the next gold task) of the node whose statement gives it to ``task``."""
    stating = [entry["task"] for entry in gold.get("assignments") or [] if unit in (entry.get(role) or [])
               and (task == entry["task"] or task.startswith(entry["task"] + "."))]
    if not stating:
        return False
    owner = max(stating, key=len)
    starts = sorted(int(t.get("line", 0)) for t in gold.get("tasks") or [])
    first = next((int(t.get("line", 0)) for t in gold.get("tasks") or [] if t["path"] == owner), 0)
    if not first:
        return False
    last = next((line for line in starts if line > first), len(text.lines) + 1)
    return unit in "\n".join(text.lines[first - 1:last - 1])


def _spurious_unit_cause(task: str, names: set[str], gold_ids: set[str], other: set[tuple[str, str]],
                         expected: set[tuple[str, str]]) -> str:
    """Why a predicted (task, unit) has no gold partner: an extra node, the other role, another task, or no such unit."""
    if task not in gold_ids:
        return "extra node"
    if any(t == task and any(_same_unit(n, u) for n in names) for t, u in other):
        return "other role"
    if any(any(_same_unit(n, u) for n in names) for _, u in expected | other):
        return "other task"
    here = {_fold(u) for t, u in expected | other if t == task}
    return "name boundary" if any(_share_name(n, g) for n in names for g in here) else "name not found"


def _share_name(a: str, b: str) -> bool:
    """Whether two unit names overlap as a boundary slip would make them: one inside the other, or a shared ending of two characters."""
    return a in b or b in a or (len(a) > 1 and len(b) > 1 and a[-2:] == b[-2:])


def _inside(span: Span, window: Span) -> bool:
    return window.start <= span.start < window.end


def _match(gold: list[_GoldItem], predicted: list[Any]) -> list[tuple[_GoldItem, Any]]:
    """One-to-one pairs of overlapping spans, in document order."""
    pairs, used = [], set()
    for g in sorted(gold, key=lambda item: item.span.start):
        for k, p in enumerate(predicted):
            if k not in used and g.span.overlaps(p.span):
                pairs.append((g, p))
                used.add(k)
                break
    return pairs


def _date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _same_dates(gold: dict[str, Any], predicted: Any) -> bool:
    return _date(gold.get("due")) == predicted.due and _date(gold.get("start")) == predicted.start


def _same_target(gold: dict[str, Any], predicted: Any) -> bool:
    value = gold.get("value")
    if value is None or predicted.value is None or abs(float(value) - predicted.value) > 1e-6 * max(1.0, abs(float(value))):
        return value is None and predicted.value is None
    return (gold.get("unit") or None) == (predicted.unit or None) and gold.get("comparator", "=") == predicted.comparator


def _gold_assignments(gold: dict[str, Any], role: str) -> set[tuple[str, str]]:
    """(task path, unit) for every gold task, with roles inherited from the nearest stating ancestor."""
    stated: dict[str, list[str]] = {}
    for entry in gold.get("assignments") or []:
        if entry.get(role):
            stated.setdefault(entry["task"], []).extend(entry[role])
    result = set()
    for task in gold.get("tasks") or []:
        path = task["path"]
        parts = path.split(".")
        for k in range(len(parts), 0, -1):
            units = stated.get(".".join(parts[:k]))
            if units:
                result.update((path, unit) for unit in units)
                break
    return result


def _same_unit(predicted: str, gold: str) -> bool:
    """Gold names are as written; the prediction matches by its name or registry name, and a
    place or national prefix on either side (泰州市委组织部 / 市委组织部, 国家税务总局 / 税务总局) does
    not matter; any other ending is another unit (局 / 市城市管理局)."""
    gold = _fold(gold)
    if predicted == gold:
        return True
    shorter, longer = sorted((predicted, gold), key=len)
    return longer.endswith(shorter) and _is_place_prefix(longer[: len(longer) - len(shorter)])


def _is_place_prefix(prefix: str) -> bool:
    """Whether the words before a shorter name are a place (泰州市, 州、) or a national word (国家, 中国)."""
    from govplan.lexical.lexicon import data

    units = data("units")
    return prefix in units["national_prefixes"] or prefix.rstrip("、").endswith(tuple(units["place_ends"]))


def _fold(name: str) -> str:
    from govplan.normalize import normalize

    return normalize(name).text


def totals(results: list[DocumentScore]) -> dict[str, Score]:
    """Micro-averaged scores over all documents."""
    total = {name: Score() for name in FIELDS}
    for result in results:
        for name in FIELDS:
            total[name].add(result.scores[name])
    return total


Counts = tuple[int, int, int]  # tp, predicted, expected of one document for one field


def _micro_f1(counts: Iterable[Counts]) -> float:
    tp = predicted = expected = 0
    for a, b, c in counts:
        tp, predicted, expected = tp + a, predicted + b, expected + c
    return Score(tp, predicted, expected).f1


def f1_interval(counts: list[Counts], rounds: int = 2000, level: float = 0.95, seed: int = 0) -> tuple[float, float]:
    """A bootstrap interval of micro F1 over documents: the range the figure would take on another
    draw of as many documents of the same kind (documents resampled with replacement)."""
    return _interval([_micro_f1(sample) for sample in _resamples(counts, rounds, seed)], level)


def f1_change(before: list[Counts], after: list[Counts], rounds: int = 2000, level: float = 0.95,
              seed: int = 0) -> tuple[float, float, float]:
    """The change of micro F1 between two runs over the same documents (same order), and its paired
    bootstrap interval: both runs scored on each resample of the documents, so a change whose
    interval holds 0 is within what the choice of documents alone could give."""
    pairs = list(zip(before, after))
    deltas = [_micro_f1(a for _, a in sample) - _micro_f1(b for b, _ in sample) for sample in _resamples(pairs, rounds, seed)]
    low, high = _interval(deltas, level)
    return _micro_f1(after) - _micro_f1(before), low, high


def _resamples(items: list[Any], rounds: int, seed: int) -> Iterable[list[Any]]:
    """``rounds`` samples of len(items) drawn with replacement, the same for the same seed."""
    import random

    draw = random.Random(seed)
    for _ in range(rounds if items else 0):
        yield draw.choices(items, k=len(items))


def _interval(values: list[float], level: float) -> tuple[float, float]:
    """The central ``level`` share of ``values`` (percentile interval)."""
    if not values:
        return (0.0, 0.0)
    ordered = sorted(values)
    cut = (1 - level) / 2
    return ordered[int(cut * (len(ordered) - 1))], ordered[round((1 - cut) * (len(ordered) - 1))]


def document_counts(results: list[DocumentScore], name: str) -> list[Counts]:
    """Per document, the (tp, predicted, expected) of one field."""
    return [(r.scores[name].tp, r.scores[name].predicted, r.scores[name].expected) for r in results]
