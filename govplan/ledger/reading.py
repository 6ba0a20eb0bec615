"""Reading a filled-in ledger workbook: every row with its task id and follow-up cells, by header.

Columns are found by their header labels, not their places, so a person may reorder, insert or
hide columns; rows may be sorted, added or deleted. Sheets without the hidden id column (a sheet a
person added) are passed over.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govplan.errors import Errors, InputError
from govplan.ledger.layout import FOLLOW_UP, ID_HEADER, MANIFEST_HEADER, MANIFEST_SHEET

HEADER_SEARCH_ROWS = 20


@dataclass
class SheetRow:
    """A row of the ledger: where it stands, the id it carries, its follow-up cells by header."""

    sheet: str
    number: int
    row_id: str | None
    cells: dict[str, Any]
    other: list[str] = field(default_factory=list)

    @property
    def where(self) -> str:
        return f"{self.sheet}!{self.number}"

    @property
    def filled(self) -> bool:
        """Whether a person wrote anything in the row's follow-up cells."""
        return any(_text(value) for value in self.cells.values())


@dataclass
class LedgerBook:
    """The rows of every ledger sheet and the manifest (document key -> spec path as exported)."""

    rows: list[SheetRow]
    manifest: dict[str, str]
    skipped_sheets: list[str]


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _open(path: Path, data_only: bool) -> Any:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        return load_workbook(path, data_only=data_only)
    except FileNotFoundError as exc:
        raise InputError(Errors.E101, str(path)) from exc
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputError(Errors.E411, str(path), detail=exc) from exc


def _header(sheet: Any) -> tuple[int, dict[str, int]] | None:
    """The header row's number and the column of each label, if the sheet has the id column."""
    for r, row in enumerate(sheet.iter_rows(max_row=HEADER_SEARCH_ROWS, values_only=True), start=1):
        labels = {_text(value): c for c, value in enumerate(row) if _text(value)}
        if ID_HEADER in labels:
            return r, labels
    return None


def _values(shown: Any, written: Any, first_row: int) -> Any:
    """Each row's cell values: what a formula last showed, or the formula itself where it never ran
    (a person who typed =… or -… in Excel meant text as often as a formula)."""
    for seen, typed in zip(shown.iter_rows(min_row=first_row, values_only=True), written.iter_rows(min_row=first_row, values_only=True)):
        yield tuple(typed[c] if value is None and c < len(typed) else value for c, value in enumerate(seen))


def _rows(sheet: Any, written: Any, header: int, labels: dict[str, int]) -> list[SheetRow]:
    id_column = labels[ID_HEADER]
    follow_up = {label: labels[label] for label in FOLLOW_UP if label in labels}
    rows = []
    for number, values in enumerate(_values(sheet, written, header + 1), start=header + 1):
        cells = {label: values[c] if c < len(values) else None for label, c in follow_up.items()}
        taken = set(follow_up.values()) | {id_column}
        other = [_text(value) for c, value in enumerate(values) if c not in taken and _text(value)]
        row_id = _text(values[id_column]) if id_column < len(values) else ""
        row = SheetRow(sheet.title, number, row_id or None, cells, other)
        if row.row_id or row.filled or other:
            rows.append(row)
    return rows


def _manifest(sheet: Any) -> dict[str, str]:
    found = {}
    for values in sheet.iter_rows(min_row=2, values_only=True):
        key, spec = (_text(value) for value in values[:2]) if len(values) >= 2 else ("", "")
        if key and spec:
            found[key] = spec
    return found


def read_ledger(path: Path) -> LedgerBook:
    """Every row of every ledger sheet of the workbook at ``path``."""
    workbook, formulas = _open(path, data_only=True), _open(path, data_only=False)
    rows: list[SheetRow] = []
    manifest: dict[str, str] = {}
    skipped = []
    for sheet in workbook.worksheets:
        first = [_text(value) for value in next(sheet.iter_rows(max_row=1, values_only=True), ())]
        if sheet.title == MANIFEST_SHEET and tuple(first[: len(MANIFEST_HEADER)]) == MANIFEST_HEADER:
            manifest = _manifest(sheet)
            continue
        header = _header(sheet)
        if header is None:
            skipped.append(sheet.title)
            continue
        rows.extend(_rows(sheet, formulas[sheet.title], *header))
    return LedgerBook(rows, manifest, skipped)
