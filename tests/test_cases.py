"""Language cases as data: every case in tests/cases/*.yaml is run through the real pipeline.

A case file is a list of cases. Each case has:
- ``from``: where the phrase was taken (a corpus document id and line, or "constructed" with why);
- ``text``: a phrase, read as the body of one numbered item (``一、`` is put before it), or
  ``document``: a whole notice, read as it stands;
- ``date`` (optional): the date of issue to assume (as a portal's publication date would give it);
- expectations, each checked exactly (every item of that kind in the document must be listed):
  ``tasks`` (ids), ``deadlines``, ``targets``, ``units``. An expected item names its ``text`` and
  any fields to check (kind, due, start, recurrence, within_days, value, value_max, unit,
  comparator, change, name, canonical, role, task: the id of the node it belongs to).
- ``not`` (optional): texts that must not be extracted as any item (a deadline, target or unit).
Adding a phrase the extractor must read is one data line in govplan/data and one case here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from govplan.pipeline import ExtractOptions, extract_text

CASES = Path(__file__).parent / "cases"
_KINDS = ("deadlines", "targets", "units")
_KEYS = {"from", "text", "document", "date", "tasks", "deadlines", "targets", "units", "not", "note"}


def _load_cases() -> list[Any]:
    params = []
    yaml = YAML(typ="safe", pure=True)
    for path in sorted(CASES.glob("*.yaml")):
        for k, case in enumerate(yaml.load(path.read_text(encoding="utf-8")) or [], start=1):
            label = str(case.get("text") or case.get("document") or "")[:24].replace("\n", " ")
            params.append(pytest.param(case, id=f"{path.stem}-{k}-{label}"))
    return params


def _found(case: dict[str, Any]) -> tuple[list[str], dict[str, list[dict[str, Any]]]]:
    """Task ids and every item of each kind, as plain data with the id of its node."""
    text = case["document"] if "document" in case else f"一、{case['text']}"
    date = case.get("date")
    options = ExtractOptions(doc_date=date if isinstance(date, dt.date) else None)
    items: dict[str, list[dict[str, Any]]] = {kind: [] for kind in _KINDS}
    ids: list[str] = []
    for spec in extract_text(text, options=options):
        for node in spec.walk():
            ids.append(node.id)
            for kind in _KINDS:
                for item in getattr(node, kind):
                    data = item.model_dump(mode="json", exclude={"span"})
                    items[kind].append({**data, "task": node.id})
    return ids, items


def _matches(expected: dict[str, Any], found: dict[str, Any]) -> bool:
    for key, value in expected.items():
        have = found.get(key)
        if isinstance(value, dt.date):
            value = value.isoformat()
        if isinstance(value, dict) and isinstance(have, dict):
            if any(have.get(k) != (v.isoformat() if isinstance(v, dt.date) else v) for k, v in value.items()):
                return False
        elif isinstance(value, (int, float)) and isinstance(have, (int, float)) and not isinstance(value, bool):
            if abs(value - have) > 1e-9 * max(1.0, abs(value)):
                return False
        elif have != value:
            return False
    return True


@pytest.mark.parametrize("case", _load_cases())
def test_case(case: dict[str, Any]) -> None:
    unknown = set(case) - _KEYS
    assert not unknown, f"unknown keys in case: {sorted(unknown)}"
    assert case.get("from"), "every case names the document it was taken from"
    ids, found = _found(case)
    assert ids, "the case gives no task at all, so its expectations would test nothing"
    if "tasks" in case:
        assert ids == [str(t) for t in case["tasks"]]
    for kind in _KINDS:
        if kind not in case:
            continue
        expected = case[kind] or []
        remaining = list(found[kind])
        for item in expected:
            hit = next((f for f in remaining if _matches(item, f)), None)
            assert hit is not None, f"{kind}: expected {item}, found {found[kind]}"
            remaining.remove(hit)
        assert not remaining, f"{kind}: not expected {remaining}"
    for text in case.get("not") or []:
        taken = [f for kind in _KINDS for f in found[kind] if f["text"] == text or text in f.get("name", "")]
        assert not taken, f"'{text}' must not be extracted: {taken}"


def test_table_cells_are_read_by_their_columns() -> None:
    """A 完成时限 cell's date is due whatever cue it lacks; a 进展情况 cell gives neither deadlines
    nor targets (the table stage fills NodeText.cells; here they are built by hand)."""
    import datetime as dt

    from govplan.annotate.base import DocContext, NodeText
    from govplan.spec.found import Cell
    from govplan.annotate.deadlines import find_deadlines
    from govplan.annotate.targets import find_targets
    from govplan.spec.model import Span, TaskNode

    row = "1\t完成老旧小区改造20个\t2023年6月\t已完成40%，2023年3月开工"
    bounds, pos = [], 0
    for cell in row.split("\t"):
        bounds.append((pos, pos + len(cell)))
        pos += len(cell) + 1
    kinds = ("number", "task", "time", "progress")
    node = TaskNode(id="1", style="arabic_dot", level=1, text=row, line=1, span=Span(start=0, end=len(row)))
    nt = NodeText(node=node, start=0, text=row, cells=tuple(Cell(s, e, k) for (s, e), k in zip(bounds, kinds)))
    ctx = DocContext(doc_date=dt.date(2023, 1, 10))
    deadlines = find_deadlines(nt, ctx)
    assert [(d.text, d.due) for d in deadlines] == [("2023年6月", dt.date(2023, 6, 30))]
    assert [t.text for t in find_targets(nt, deadlines, ctx)] == ["20个"]
