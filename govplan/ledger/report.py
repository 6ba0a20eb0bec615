"""`govplan ledger report`: the tasks to chase, by unit, the latest first.

A task is *overdue* when a dated deadline has passed and its latest record does not say 已完成
(or give a 完成日期); it is *behind* when the office marked it 滞后 before any date passed; it is
*due soon* when its next date (or the next time a rhythm such as 每月25日前 falls due) is within
``within`` days. Relative limits (15日内) have no date to chase. Each task is listed under its
lead units (its other units where it has no lead), most days late first, then the soonest due.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from govplan.ledger.layout import STATUS_LABELS
from govplan.ledger.tasks import LedgerTask, ledger_tasks
from govplan.render.context import build_context
from govplan.render.dates import cn_date, is_dated
from govplan.render.grids import Column, Grid, GridRow
from govplan.render.ical import occurrence_from, rhythm_anchor
from govplan.render.loading import LoadedSpec
from govplan.spec.model import Deadline, LedgerEntry

State = Literal["overdue", "behind", "due_soon"]
STATE_LABELS: dict[State, str] = {"overdue": "逾期", "behind": "滞后", "due_soon": "临期"}
STATE_ORDER: dict[State, int] = {"overdue": 0, "behind": 1, "due_soon": 2}
NO_UNIT = "（未明确责任单位）"
DEFAULT_WITHIN = 15


@dataclass
class Chase:
    """A task to chase under one unit: how late (or how soon), by which date, and what was last reported."""

    unit: str
    task: LedgerTask
    state: State
    due: dt.date | None
    days: int

    @property
    def timing(self) -> str:
        """逾期 N 天 / 还有 N 天 / 已标为滞后."""
        if self.state == "overdue":
            return f"逾期{self.days}天"
        if self.state == "due_soon":
            return "今天到期" if self.days == 0 else f"还有{self.days}天"
        return "已标为滞后"

    @property
    def sort_key(self) -> tuple[int, int]:
        return (STATE_ORDER[self.state], -self.days if self.state == "overdue" else self.days)


def latest_text(entry: LedgerEntry | None) -> str:
    """The latest record in one line: 2024-06-01 推进中：已完成摸底…（备注）."""
    if entry is None:
        return ""
    head = f"{entry.date.isoformat()} {STATUS_LABELS[entry.status] if entry.status else ''}".strip()
    body = "；".join(part for part in (entry.text, entry.note) if part)
    return f"{head}：{body}" if body else head


def next_due(deadline: Deadline, today: dt.date, issued: dt.date | None = None) -> dt.date | None:
    """The next date a deadline falls due on or after today: its date, or a rhythm's next occurrence,
    counted as the calendar counts it (from the rhythm's start, else the document's date ``issued``)."""
    if is_dated(deadline):
        return deadline.due if deadline.due and deadline.due >= today else None
    rec = deadline.recurrence
    if deadline.kind != "recurring" or rec is None:
        return None
    found = occurrence_from(rec, rhythm_anchor(deadline, issued) or today, today)
    end = rec.end or deadline.due
    return None if found is None or (end is not None and found > end) else found


def assess(task: LedgerTask, today: dt.date, within: int) -> tuple[State, dt.date | None, int] | None:
    """Whether and why a task is to be chased today: (state, date, days late or left)."""
    latest = task.latest
    if latest is not None and (latest.status == "done" or latest.completed is not None):
        return None
    passed = [d.due for d in task.row.deadlines if is_dated(d) and d.due is not None and d.due < today]
    if passed:
        first = min(passed)
        return "overdue", first, (today - first).days
    issued = task.loaded.spec.metadata.date
    upcoming = [due for due in (next_due(d, today, issued) for d in task.row.deadlines) if due is not None]
    soonest = min(upcoming, default=None)
    if latest is not None and latest.status == "behind":
        return "behind", soonest, (soonest - today).days if soonest else 0
    if soonest is not None and (soonest - today).days <= within:
        return "due_soon", soonest, (soonest - today).days
    return None


def chases(specs: list[LoadedSpec], today: dt.date, unit: str | None, within: int, depth: int | None = None) -> list[Chase]:
    """Every task to chase, under each of its units (or only ``unit``), units with the latest tasks first."""
    ctx = build_context(specs, "tasktable", depth, unit, today)
    found: list[Chase] = []
    for task in ledger_tasks(specs, ctx.tasks):
        verdict = assess(task, today, within)
        if verdict is None:
            continue
        row = task.row
        units = [ctx.unit] if ctx.unit else (row.lead or row.partners or [NO_UNIT])
        found.extend(Chase(name, task, *verdict) for name in units)
    worst: dict[str, tuple[int, int]] = {}
    for chase in found:
        worst[chase.unit] = min(worst.get(chase.unit, chase.sort_key), chase.sort_key)
    return sorted(found, key=lambda c: (worst[c.unit], c.unit, c.sort_key, c.task.row.document.index, c.task.row.seq))


def summary(items: list[Chase], today: dt.date, within: int) -> str:
    """截至2024年7月1日：逾期3项，滞后1项，15天内到期2项（按单位计）."""
    count = {state: sum(1 for c in items if c.state == state) for state in STATE_LABELS}
    return (f"截至{cn_date(today)}：逾期{count['overdue']}项，滞后{count['behind']}项，"
            f"{within}天内到期{count['due_soon']}项（按单位计）")


def report_grid(items: list[Chase], today: dt.date, within: int, several_documents: bool) -> Grid:
    """The report as one table: unit, state, timing, task, deadline, latest record (and document)."""
    columns = [Column("责任单位", 10, merge=True), Column("状态", 4, align="center"), Column("逾期/剩余", 6, align="center")]
    columns += [Column("文件", 10)] if several_documents else []
    columns += [Column("任务", 24), Column("完成时限", 10), Column("最新进展", 20)]
    rows = []
    for chase in items:
        row = chase.task.row
        cells = [chase.unit, STATE_LABELS[chase.state], chase.timing]
        cells += [row.document.label] if several_documents else []
        cells += [row.heading, row.deadline_text, latest_text(chase.task.latest)]
        rows.append(GridRow(cells, keys={0: chase.unit}))
    return Grid("督办报告", "督办报告：逾期和临期任务", summary(items, today, within), columns, rows)
