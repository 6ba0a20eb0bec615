"""`extract --output parquet`: a run's specs as two Parquet tables under the output directory,
for archives too large to keep as one file per spec.

``specs.parquet`` has one row per spec (a failed document: one row with its error): the input's
relative name, the part (1 for a notice, 1… for a compilation's documents), the sha256 of the
input's bytes, ``spec_json`` (the very text `--format json` writes) and ``error`` ("E106: …").
``tasks.parquet`` has one row per task node: name, part, the task's id, its parent's id, level,
title, text, lead and support units (canonical names where the registry knows them) and
deadlines (the resolved date, else the words). Rows are written in groups as results come, to
temporary files renamed at the end, so a run that stops leaves the earlier tables whole.
pyarrow is an optional extra (``pip install govplan[parquet]``), imported only here.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from govplan.batch import DocumentResult
from govplan.errors import Errors, GovplanError

SPECS, TASKS = "specs.parquet", "tasks.parquet"
ROWS_PER_GROUP = 2000  # spec rows buffered before a row group is written
LEAD_ROLES = ("lead", "responsible", "leader")


def pyarrow_modules(feature: str) -> tuple[Any, Any]:
    """pyarrow and pyarrow.parquet, or the error naming the extra to install."""
    try:
        import pyarrow
        import pyarrow.parquet as parquet
    except ImportError as exc:
        raise GovplanError(Errors.E904, feature=feature, extra="parquet") from exc
    return pyarrow, parquet


class ParquetTables:
    """The two tables of a run, filled with each document's result and closed at the end."""

    def __init__(self, out_dir: Path) -> None:
        self.pa, self.pq = pyarrow_modules("--output parquet")
        self.out_dir = out_dir
        string, part = self.pa.string(), self.pa.int32()
        strings = self.pa.list_(string)
        self.schemas = {
            SPECS: self.pa.schema([("name", string), ("part", part), ("sha256", string), ("spec_json", string),
                                   ("error", string)]),
            TASKS: self.pa.schema([("name", string), ("part", part), ("task_id", string), ("parent_id", string),
                                   ("level", part), ("title", string), ("text", string), ("lead_units", strings),
                                   ("support_units", strings), ("deadlines", strings)]),
        }
        self.rows: dict[str, list[dict[str, Any]]] = {SPECS: [], TASKS: []}
        self.writers: dict[str, Any] = {}

    def add(self, name: str, result: DocumentResult) -> None:
        """A document's rows: one per spec (or its error), one per task."""
        if result.error:
            error = f"{result.error.code}: {result.error.message}"
            self.rows[SPECS].append({"name": name, "part": None, "sha256": result.sha256 or None,
                                     "spec_json": None, "error": error})
        for part, (_, text) in enumerate(result.files, start=1):
            self.rows[SPECS].append({"name": name, "part": part, "sha256": result.sha256, "spec_json": text, "error": None})
            self.rows[TASKS].extend(task_rows(name, part, json.loads(text)))
        if len(self.rows[SPECS]) >= ROWS_PER_GROUP:
            self._flush()

    def close(self) -> None:
        """Write what is left and put both tables in place."""
        self._flush(every=True)
        for table, writer in self.writers.items():
            writer.close()
            os.replace(self._temporary(table), self.out_dir / table)

    def discard(self) -> None:
        """Leave the earlier tables as they were (a run stopped halfway)."""
        for table, writer in self.writers.items():
            writer.close()
            self._temporary(table).unlink(missing_ok=True)

    def _flush(self, every: bool = False) -> None:
        for table, rows in self.rows.items():
            if not rows and not (every and table not in self.writers):
                continue
            if table not in self.writers:
                self.out_dir.mkdir(parents=True, exist_ok=True)
                self.writers[table] = self.pq.ParquetWriter(self._temporary(table), self.schemas[table])
            self.writers[table].write_table(self.pa.Table.from_pylist(rows, schema=self.schemas[table]))
            rows.clear()

    def _temporary(self, table: str) -> Path:
        return self.out_dir / f".{table}.tmp"


def task_rows(name: str, part: int, spec: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per task node of a spec (as JSON data), in document order."""
    rows: list[dict[str, Any]] = []
    stack: list[tuple[dict[str, Any], str | None]] = [(node, None) for node in reversed(spec.get("tasks", []))]
    while stack:
        node, parent = stack.pop()
        units = node.get("units", [])
        rows.append({
            "name": name, "part": part, "task_id": node["id"], "parent_id": parent, "level": node["level"],
            "title": node.get("title"), "text": node["text"],
            "lead_units": [_unit(u) for u in units if u["role"] in LEAD_ROLES],
            "support_units": [_unit(u) for u in units if u["role"] == "support"],
            "deadlines": [d.get("due") or d["text"] for d in node.get("deadlines", [])],
        })
        stack.extend((child, node["id"]) for child in reversed(node.get("children", [])))
    return rows


def _unit(unit: dict[str, Any]) -> str:
    return unit.get("canonical") or unit["name"]
