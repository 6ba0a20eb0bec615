"""`govplan ledger import`: a filled-in ledger's rows back into the specs as progress records.

Each row with something in its follow-up cells becomes a LedgerEntry on the task its hidden id
names, dated the day of the import, unless it says exactly what the task's latest record says
(a sheet imported twice records nothing twice). Extracted fields are never touched, and the
spec files keep their comments and layout (ruamel round trip). Every spec is read, checked and
rewritten in memory first; files are written (each atomically) only when all of them validate.
Rows that cannot be tied to a task are reported with what they hold, so nothing a person wrote
goes unseen.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govplan.errors import Errors, GovplanError
from govplan.i18n import tr
from govplan.ledger.layout import (
    COMPLETED, NOTE, PROGRESS, STATUS, STATUS_CODES, document_key, parse_date, split_row_id,
)
from govplan.ledger.reading import SheetRow, read_ledger
from govplan.spec.io import schema_header
from govplan.spec.model import LedgerEntry, Spec, TaskNode
from govplan.validate.fmt import dump_tree, load_round_trip, round_trip_yaml


@dataclass
class Untied:
    """A row with content that names no task of the specs: where it is, why, and what it holds."""

    where: str
    why: str
    content: str


@dataclass
class ImportResult:
    """What an import did: records added per spec, rows already recorded, rows it could not tie."""

    added: dict[Path, int] = field(default_factory=dict)
    unchanged: int = 0
    untied: list[Untied] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped_sheets: list[str] = field(default_factory=list)


@dataclass
class _SpecFile:
    path: Path
    spec: Spec
    nodes: dict[str, TaskNode]
    entries: dict[str, list[LedgerEntry]] = field(default_factory=dict)


def _load(path: Path) -> _SpecFile:
    from govplan.review.documents import load_spec

    spec = load_spec(path)
    return _SpecFile(path, spec, {node.id: node for node in spec.walk()})


def _spec_files(workbook: Path, manifest: dict[str, str], given: list[Path]) -> dict[str, _SpecFile]:
    """Specs by document key: those given first, then those the workbook names (beside it, or as written)."""
    from govplan.render.loading import expand_spec_paths

    by_key: dict[str, _SpecFile] = {}
    for path in expand_spec_paths(given) if given else []:
        loaded = _load(path)
        by_key.setdefault(document_key(loaded.spec), loaded)
    for key, recorded in manifest.items():
        if key in by_key:
            continue
        path = next((p for p in (workbook.parent / recorded, Path(recorded)) if p.is_file()), None)
        if path is not None:
            loaded = next((f for f in by_key.values() if f.path.resolve() == path.resolve()), None) or _load(path)
            by_key[key] = loaded
            by_key.setdefault(document_key(loaded.spec), loaded)
    return by_key


def _text(value: Any) -> str | None:
    text = "" if value is None else str(value).strip()
    return text or None


def entry_of(row: SheetRow, today: dt.date, warnings: list[str]) -> LedgerEntry:
    """The record a row's follow-up cells make; a status or date that cannot be read goes into the note."""
    notes = [_text(row.cells.get(NOTE))]
    status_text = _text(row.cells.get(STATUS))
    status = STATUS_CODES.get(status_text) if status_text else None
    if status_text and status is None:
        notes.insert(0, f"{STATUS}：{status_text}")
        warnings.append(tr(f"{row.where}：完成状态“{status_text}”不在列表中，已记入备注",
                           f"{row.where}: status '{status_text}' is not in the list; kept in the note"))
    raw_date = row.cells.get(COMPLETED)
    completed = parse_date(raw_date) if _text(raw_date) else None
    if _text(raw_date) and completed is None:
        notes.insert(0, f"{COMPLETED}：{_text(raw_date)}")
        warnings.append(tr(f"{row.where}：完成日期“{_text(raw_date)}”无法识别，已记入备注",
                           f"{row.where}: completion date '{_text(raw_date)}' cannot be read; kept in the note"))
    note = "；".join(n for n in notes if n) or None
    return LedgerEntry(date=today, status=status, text=_text(row.cells.get(PROGRESS)), completed=completed, note=note)


def _same(entry: LedgerEntry, latest: LedgerEntry | None) -> bool:
    """Whether a row repeats the task's latest record (the date of the record aside)."""
    return latest is not None and entry.model_dump(exclude={"date"}) == latest.model_dump(exclude={"date"})


def _row_content(row: SheetRow) -> str:
    return " | ".join([_text(value) or "" for value in row.cells.values() if _text(value)] + row.other)


def _tie(row: SheetRow, specs: dict[str, _SpecFile]) -> tuple[_SpecFile, str] | str:
    """The spec and task a row's id names, or why there is none."""
    parsed = split_row_id(row.row_id) if row.row_id else None
    if parsed is None:
        return tr("没有任务编号（隐藏的 govplan-id 列为空）", "no task id (the hidden govplan-id cell is empty)")
    key, task_id = parsed
    found = specs.get(key)
    if found is None:
        return tr(f"找不到编号 {key} 的规格文件（可在命令行给出规格）", f"no spec for document {key} (name the specs on the command line)")
    if task_id not in found.nodes:
        return tr(f"{found.path} 中没有任务“{task_id}”", f"no task '{task_id}' in {found.path}")
    return found, task_id


def import_ledger(workbook: Path, given: list[Path], today: dt.date) -> ImportResult:
    """Read the workbook's rows into the specs' ledger records and write the specs that changed."""
    book = read_ledger(workbook)
    specs = _spec_files(workbook, book.manifest, given)
    result = ImportResult(skipped_sheets=book.skipped_sheets)
    for row in book.rows:
        tied = _tie(row, specs)
        if isinstance(tied, str):
            if row.filled or not row.row_id:
                result.untied.append(Untied(row.where, tied, _row_content(row)))
            continue
        if not row.filled:
            continue
        spec_file, task_id = tied
        warnings: list[str] = []
        entry = entry_of(row, today, warnings)
        pending = spec_file.entries.get(task_id, [])
        latest = pending[-1] if pending else (spec_file.nodes[task_id].ledger or [None])[-1]
        if _same(entry, latest):
            result.unchanged += 1
        else:
            spec_file.entries.setdefault(task_id, []).append(entry)
            result.warnings.extend(warnings)
    changed = {f.path: f for f in specs.values() if f.entries}
    texts = {path: with_entries(path, spec_file.entries) for path, spec_file in changed.items()}
    from govplan.fsutil import write_atomic

    for path, text in texts.items():
        write_atomic(path, text)
        result.added[path] = sum(len(entries) for entries in changed[path].entries.values())
    return result


def with_entries(path: Path, entries: dict[str, list[LedgerEntry]]) -> str:
    """The spec file's text with the records appended to their tasks' ``ledger`` lists, all else as it was."""
    from pydantic import ValidationError

    text = path.read_text(encoding="utf-8-sig")
    is_json = path.suffix.lower() == ".json"
    yaml = round_trip_yaml()
    data = json.loads(text) if is_json else load_round_trip(text, str(path), yaml)
    for node in _walk(data.get("tasks", [])):
        new = entries.get(node.get("id"))
        if new:
            _append(node, [entry.model_dump(mode="json", exclude_none=True) for entry in new])
    try:
        Spec.model_validate(data)
    except ValidationError as exc:
        from govplan.pydantic_text import format_validation_error

        raise GovplanError(Errors.E410, str(path), detail="\n" + format_validation_error(exc)) from exc
    if is_json:
        from govplan.spec.io import data_to_json

        return data_to_json(data)
    return dump_tree(data, yaml, schema_header(path.parent))


def _walk(nodes: list[Any]) -> Any:
    for node in nodes:
        yield node
        yield from _walk(node.get("children", []))


def _append(node: Any, records: list[dict[str, Any]]) -> None:
    """Extend the node's ``ledger`` list, creating it just before ``children`` (its place in the model)."""
    if "ledger" in node:
        node["ledger"].extend(records)
        return
    keys = list(node)
    if "children" not in keys:
        node["ledger"] = records
    elif hasattr(node, "insert"):
        node.insert(keys.index("children"), "ledger", records)
    else:
        children = node.pop("children")
        node["ledger"] = records
        node["children"] = children

