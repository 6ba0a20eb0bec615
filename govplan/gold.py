"""Gold annotation files (docs/gold-format.md): their schema, where their sources live, the split.

A gold file sits in ``<corpus>/gold/`` and names its source relative to ``<corpus>`` (the folder
above ``gold/``), so gold folders from several corpora (the repository's, ``../shared/corpus``)
are read side by side. ``corpus/split.yaml`` names the gold folders and which documents are
seeds and which are held out; corrections to gold kept outside the repository live in
``corpus/gold-overrides.yaml``, each with its reason.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from govplan.errors import Errors, GovplanError
from govplan.normalize.script import simplified

GROUPS = ("seeds", "dev", "held-out")


class _Gold(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GoldTask(_Gold):
    path: str = Field(min_length=1)
    line: int = Field(ge=1)
    title: str | None = None


class _Located(_Gold):
    line: int = Field(ge=1)
    text: str = Field(min_length=1)
    nth: int = Field(default=1, ge=1)
    note: str | None = None

    @field_validator("text", mode="before")
    @classmethod
    def _as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, (int, float)) else value


class GoldRecurrence(_Gold):
    freq: Literal["daily", "weekly", "ten-daily", "monthly", "quarterly", "half-yearly", "yearly"]
    interval: int | None = Field(default=None, ge=2, le=12)
    day: int | None = None
    month: int | None = None
    part: Literal["early", "mid", "late", "end"] | None = None


class GoldDeadline(_Located):
    kind: Literal["by", "on", "period", "recurring", "relative"]
    due: dt.date | None = None
    start: dt.date | None = None
    recurrence: GoldRecurrence | None = None
    within_days: int | None = None


class GoldTarget(_Located):
    value: float | None = None
    value_max: float | None = None
    unit: str | None = None
    comparator: Literal["=", ">=", ">", "<=", "<", "~"] = "="
    percent: bool | None = None
    change: Literal["increase", "decrease", "reach", "multiply"] | None = None
    metric: str | None = None


class GoldAssignment(_Gold):
    task: str = Field(min_length=1)
    lead: list[str] = []
    support: list[str] = []
    responsible: list[str] = []
    leader: list[str] = []


class GoldFile(_Gold):
    source: str
    lines: tuple[int, int]
    doc_date: dt.date | None = None
    annotator_notes: list[str] = []
    tasks: list[GoldTask] = []
    deadlines: list[GoldDeadline] = []
    targets: list[GoldTarget] = []
    assignments: list[GoldAssignment] = []


@dataclass(frozen=True)
class GoldDocument:
    """A loaded gold file: its id (file stem), where it and its source are, and its content."""

    id: str
    file: Path
    source: Path
    gold: GoldFile


def corpus_root(gold_dir: Path) -> Path:
    """Sources are named relative to the folder above ``gold/``."""
    return gold_dir.resolve().parent


def gold_files(gold_dir: Path) -> list[Path]:
    """The gold files of a folder (the 003 boundary file is not a document's gold)."""
    return sorted(p for p in gold_dir.glob("*.yaml") if not p.name.endswith("-boundaries.yaml"))


def _yaml_load(path: Path) -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise GovplanError(Errors.E307, str(path), reason=exc) from exc
    except YAMLError as exc:
        from govplan.yamltext import yaml_detail

        raise GovplanError(Errors.E601, str(path), detail=yaml_detail(exc)) from exc


def _schema_error(path: Path, exc: ValidationError) -> GovplanError:
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return GovplanError(Errors.E602, str(path), where=where, problem=first["msg"])


def load_gold(path: Path, root: Path | None = None) -> GoldDocument:
    """Read and schema-check one gold file; its source is resolved against ``root`` or its corpus."""
    data = _yaml_load(path)
    try:
        gold = GoldFile.model_validate(data)
    except ValidationError as exc:
        raise _schema_error(path, exc) from None
    base = root if root is not None else corpus_root(path.parent)
    return GoldDocument(path.stem, path, base / gold.source, gold)


class Override(_Gold):
    """A correction of a gold file kept outside this repository, with its reason."""

    file: str
    field: Literal["tasks", "deadlines", "targets", "assignments"]
    action: Literal["add", "remove", "replace"]
    match: dict[str, Any] | None = None
    item: dict[str, Any] | None = None
    reason: str = Field(min_length=10)


def _matches(entry: Any, match: dict[str, Any]) -> bool:
    return all(str(getattr(entry, key, None)) == str(value) for key, value in match.items())


def apply_overrides(document: GoldDocument, overrides: list[Override]) -> GoldDocument:
    """The document with every override naming it applied; an override that matches nothing is an error."""
    mine = [o for o in overrides if o.file == document.id]
    if not mine:
        return document
    data = document.gold.model_dump()
    items = {name: list(getattr(document.gold, name)) for name in ("tasks", "deadlines", "targets", "assignments")}
    for override in mine:
        entries = items[override.field]
        if override.action != "add":
            found = [k for k, entry in enumerate(entries) if _matches(entry, override.match or {})]
            if len(found) != 1:
                raise GovplanError(Errors.E603, str(document.file), field=override.field, match=override.match, count=len(found))
            del entries[found[0]]
        if override.action != "remove":
            entries.append(override.item or {})
    data.update({name: [e if isinstance(e, dict) else e.model_dump() for e in entries] for name, entries in items.items()})
    try:
        gold = GoldFile.model_validate(data)
    except ValidationError as exc:
        raise _schema_error(document.file, exc) from None
    return GoldDocument(document.id, document.file, document.source, gold)


class SplitFile(_Gold):
    """``corpus/split.yaml``: the gold folders and the fixed split into seeds, dev and held-out."""

    corpora: list[str] = Field(min_length=1)
    overrides: str | None = None
    seeds: list[str] = []
    held_out: list[str] = Field(default=[], alias="held-out")
    notes: list[str] = []

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


@dataclass(frozen=True)
class Split:
    """The split loaded: gold folders resolved against the split file's repository."""

    file: Path
    corpora: list[Path]
    overrides: list[Override]
    seeds: list[str]
    held_out: list[str]

    def group(self, doc_id: str) -> str:
        """seeds, dev or held-out: seeds and held-out are named (glob patterns allowed)."""
        if any(fnmatch.fnmatchcase(doc_id, p) for p in self.seeds):
            return "seeds"
        if any(fnmatch.fnmatchcase(doc_id, p) for p in self.held_out):
            return "held-out"
        return "dev"


def load_split(path: Path) -> Split:
    """Read ``split.yaml``; folders are relative to the repository (the folder above ``corpus/``)."""
    try:
        split = SplitFile.model_validate(_yaml_load(path))
    except ValidationError as exc:
        raise _schema_error(path, exc) from None
    base = path.resolve().parent.parent
    overrides: list[Override] = []
    if split.overrides:
        raw = _yaml_load(base / split.overrides) or []
        try:
            overrides = [Override.model_validate(o) for o in raw]
        except ValidationError as exc:
            raise _schema_error(base / split.overrides, exc) from None
    return Split(path, [base / c for c in split.corpora], overrides, split.seeds, split.held_out)


def source_text(document: GoldDocument) -> str:
    """The source as the extractor reads it (same decoding, line ends kept), which spans point into."""
    from govplan.readers import read_source

    return read_source(document.source).text


_DIGITS = "0123456789０１２３４５６７８９"


def _occurrence(row: str, text: str, nth: int) -> int:
    """Where the nth occurrence of ``text`` starts in ``row`` (as the evaluation locates it), or -1."""
    pos = -1
    for _ in range(nth):
        pos = row.find(text, pos + 1)
        if pos < 0:
            return -1
    return pos


def _inside_number(row: str, at: int, text: str) -> bool:
    """Whether a figure or date found at ``at`` goes on a longer number: 5%以上 found inside 15%以上, 5日前 inside 25日前."""
    return text[:1] in _DIGITS and at > 0 and row[at - 1] in _DIGITS


def _standalone_later(row: str, at: int, text: str) -> bool:
    """Whether ``text`` occurs again after ``at`` not inside a longer number: the figure an nth left at 1 missed (a figure
    found only inside run-together table cells, c488's convention, is meant there)."""
    pos = row.find(text, at + 1)
    while pos >= 0:
        if not _inside_number(row, pos, text):
            return True
        pos = row.find(text, pos + 1)
    return False


def check_gold(document: GoldDocument) -> list[str]:
    """Problems a gold file can have without running the extractor: items not on their line or located inside a longer
    number where the figure stands alone later (the first 5%以上 of a line that has 15%以上 first), tasks named twice,
    assignments to tasks that do not exist or naming a unit in Traditional script (the format writes every name in
    Simplified), lines outside the document."""
    problems = []
    try:
        lines = source_text(document).split("\n")
    except GovplanError as exc:
        return [f"source {document.gold.source}: {exc.en}"]
    first, last = document.gold.lines
    if not 1 <= first <= last <= len(lines):
        problems.append(f"lines [{first}, {last}] outside the file's {len(lines)} lines")
    seen: set[str] = set()
    for task in document.gold.tasks:
        if task.path in seen:
            problems.append(f"line {task.line}: task path {task.path} named twice")
        seen.add(task.path)
        if not first <= task.line <= last:
            problems.append(f"line {task.line}: task {task.path} outside lines [{first}, {last}]")
    for item in [*document.gold.deadlines, *document.gold.targets]:
        row = lines[item.line - 1] if item.line <= len(lines) else ""
        at = _occurrence(row, item.text, item.nth)
        if at < 0:
            problems.append(f"line {item.line}: '{item.text}' (occurrence {item.nth}) is not on the line")
        elif item.nth == 1 and _inside_number(row, at, item.text) and _standalone_later(row, at, item.text):
            problems.append(f"line {item.line}: '{item.text}' (occurrence 1) stands inside a longer number "
                            f"('{row[max(0, at - 3):at + len(item.text)]}') and stands alone later on the line: "
                            f"give the nth of the one meant")
    for entry in document.gold.assignments:
        if entry.task not in seen:
            problems.append(f"assignment to task {entry.task}, which is not among the tasks")
        for name in [*entry.lead, *entry.support, *entry.responsible]:  # people (leader) keep their names' characters (乾)
            if simplified(name) != name:
                problems.append(f"assignment to task {entry.task}: unit name {name} is not in Simplified ({simplified(name)})")
    return problems
