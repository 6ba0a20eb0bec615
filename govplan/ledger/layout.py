"""What ties a ledger workbook to the specs: its columns, its status words and its row ids.

Every task row carries, in a hidden column, the id ``<document key>#<task id>``; the document key
is the spec's source fingerprint (the first 12 hex digits of source.sha256, and .pN for the N-th
document of a compilation), so a row still finds its task when rows are sorted, moved or copied
into another workbook. A very hidden sheet lists each document key with the spec file it came
from (relative to the workbook), so `ledger import` needs no other argument.
"""

from __future__ import annotations

import datetime as dt
import re

from govplan.spec.model import LedgerStatus, Spec

ID_HEADER = "govplan-id"
MANIFEST_SHEET = "govplan"
MANIFEST_HEADER = ("key", "spec", "title")
PROGRESS = "进展情况"
STATUS = "完成状态"
COMPLETED = "完成日期"
NOTE = "备注"
FOLLOW_UP = (PROGRESS, STATUS, COMPLETED, NOTE)
STATUS_LABELS: dict[LedgerStatus, str] = {"not_started": "未启动", "in_progress": "推进中", "done": "已完成", "behind": "滞后"}
STATUS_CODES: dict[str, LedgerStatus] = {label: code for code, label in STATUS_LABELS.items()} | {
    code: code for code in STATUS_LABELS
}
_DATE = re.compile(r"^\s*(\d{4})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})\s*日?\s*$")


def document_key(spec: Spec) -> str:
    """The key of a spec's document: its source's fingerprint, and its place in a compilation."""
    key = spec.source.sha256[:12]
    return f"{key}.p{spec.source.part}" if spec.source.part else key


def row_id(spec: Spec, task_id: str) -> str:
    return f"{document_key(spec)}#{task_id}"


def split_row_id(value: str) -> tuple[str, str] | None:
    """(document key, task id) of a row id; None for anything else."""
    key, sep, task_id = value.strip().partition("#")
    return (key, task_id) if sep and key and task_id else None


def parse_date(value: object) -> dt.date | None:
    """A date cell (a date, or text written 2024-06-30, 2024/6/30, 2024.6.30 or 2024年6月30日); None if not one."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    match = _DATE.match(str(value))
    if not match:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None
