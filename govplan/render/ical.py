"""Deadlines as an iCalendar file: one all-day event per dated deadline, an RRULE per rhythm.

By-dates and on-dates become one-day events, periods span their days, and recurring
deadlines repeat from their first date on or after the document's date (or the
deadline's own start) until the rhythm's end: the end the spec gives (as written, or the
plan period's end), else the end of the year the rhythm starts in, so no event repeats
forever (日巡访、周汇总 once became daily and weekly events without end). A rhythm's
"day" is the day its work is due: 每月25日前 -> the 25th, 每月下旬/每月底 -> the last day,
每月上旬 -> the 10th, 每月中旬 -> the 20th. Relative limits (15日内) and unresolved
dates have no place on a calendar and are counted instead; with ``recurring=False``
rhythms are left out and counted too.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterator

from govplan.render.context import document_info, node_label
from govplan.render.dates import deadline_text
from govplan.render.loading import LoadedSpec
from govplan.spec.tree import effective_units, iter_paths

if TYPE_CHECKING:
    from govplan.spec.model import Deadline, Recurrence, TaskNode

PRODID = "-//govplan//deadlines//ZH"
PART_DAYS = {"early": 10, "mid": 20, "late": -1, "end": -1}
MONTH_STEPS = {"monthly": 1, "quarterly": 3, "half-yearly": 6}
PERIOD_END_MONTHS = {"quarterly": (3, 6, 9, 12), "half-yearly": (6, 12)}


@dataclass
class CalendarResult:
    """The .ics bytes, how many events it holds, how many deadlines had no date to place, and how
    many rhythms were left out (--no-recurring)."""

    data: bytes
    events: int
    skipped: int
    rhythms_left_out: int = 0


def recurrence_end(deadline: Deadline, start: dt.date) -> dt.date:
    """When a rhythm stops: its own end (as written, or the plan period's), the deadline's date, else
    the end of the year it starts in."""
    rec = deadline.recurrence
    return (rec.end if rec is not None else None) or deadline.due or dt.date(start.year, 12, 31)


def _due_day(rec: Recurrence) -> int:
    """Day of month the rhythm falls due; -1 is the month's last day."""
    if rec.day is not None:
        return rec.day
    return PART_DAYS.get(rec.part or "end", -1)


def _day_in_month(year: int, month: int, day: int) -> dt.date:
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, last if day == -1 else min(day, last))


def _months_from(anchor: dt.date, count: int = 13) -> Iterator[tuple[int, int]]:
    """(year, month) of ``count`` months from the anchor's month: enough for any rhythm to fall due."""
    year, month = anchor.year, anchor.month
    for _ in range(count):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def first_occurrence(rec: Recurrence, anchor: dt.date) -> dt.date | None:
    """The first date on or after ``anchor`` that the rhythm falls due; None when it cannot be placed."""
    if rec.freq in ("daily", "weekly"):
        return anchor
    if rec.freq == "yearly" and rec.month is None:
        return None
    day = _due_day(rec)
    for year, month in _months_from(anchor):
        if rec.freq == "yearly" and month != rec.month:
            continue
        if rec.freq in PERIOD_END_MONTHS and month not in PERIOD_END_MONTHS[rec.freq]:
            continue
        days = [10, 20, -1] if rec.freq == "ten-daily" else [day]
        for candidate in (_day_in_month(year, month, d) for d in days):
            if candidate >= anchor:
                return candidate
    return None


def rhythm_anchor(deadline: Deadline, issued: dt.date | None) -> dt.date | None:
    """Where a rhythm's occurrences are counted from: the first period it names (从2024年第二季度开始),
    else the deadline's own start, else the document's date (a rhythm starts once the notice is out)."""
    rec = deadline.recurrence
    return (rec.start if rec is not None else None) or deadline.start or issued


def occurrence_from(rec: Recurrence, anchor: dt.date, day: dt.date) -> dt.date | None:
    """The first date on or after ``day`` that a rhythm counted from ``anchor`` falls due: a rhythm of
    several periods (每两年, 每两周) falls due every so many periods from its first occurrence, not in
    each one, so its phase comes from the anchor and not from ``day``."""
    if not rec.interval or rec.freq == "ten-daily":
        return first_occurrence(rec, max(anchor, day))
    first = first_occurrence(rec, anchor)
    if first is None or first >= day:
        return first
    if rec.freq in ("daily", "weekly"):
        step = rec.interval * (7 if rec.freq == "weekly" else 1)
        return first + dt.timedelta(days=-(-(day - first).days // step) * step)
    step = (12 if rec.freq == "yearly" else MONTH_STEPS[rec.freq]) * rec.interval
    months = (day.year - first.year) * 12 + day.month - first.month
    for count in (months // step, months // step + 1):
        index = first.year * 12 + first.month - 1 + count * step
        candidate = _day_in_month(index // 12, index % 12 + 1, _due_day(rec))
        if candidate >= day:
            return candidate
    return None


def rrule(rec: Recurrence, until: dt.date | None) -> dict[str, Any]:
    """The RRULE of a rhythm: MONTHLY;BYMONTHDAY=25, MONTHLY;INTERVAL=3 for quarters, YEARLY;INTERVAL=2 for 每两年, and so on."""
    rule: dict[str, Any]
    if rec.freq == "daily":
        rule = {"FREQ": "DAILY"}
    elif rec.freq == "weekly":
        rule = {"FREQ": "WEEKLY"}
    elif rec.freq == "ten-daily":
        rule = {"FREQ": "MONTHLY", "BYMONTHDAY": [10, 20, -1]}
    elif rec.freq == "yearly":
        rule = {"FREQ": "YEARLY", "BYMONTH": rec.month, "BYMONTHDAY": _due_day(rec)}
    else:
        rule = {"FREQ": "MONTHLY", "BYMONTHDAY": _due_day(rec)}
    day = rule.get("BYMONTHDAY")
    if isinstance(day, int) and day > 28:  # 每月30日 in February is its last day, not no date (RFC 5545 skips a day a month lacks)
        rule["BYMONTHDAY"], rule["BYSETPOS"] = list(range(28, day + 1)), -1
    steps = MONTH_STEPS.get(rec.freq, 1) * (rec.interval or 1)  # quarters are every third month; 每两年 every second year
    if steps > 1:
        rule["INTERVAL"] = steps
    if until is not None:
        rule["UNTIL"] = until
    return rule


def _description(loaded: LoadedSpec, path: list[TaskNode], deadline: Deadline) -> str:
    node = path[-1]
    units = effective_units(path)
    lead = "、".join(u.canonical or u.name for u in units if u.role == "lead")
    others = "、".join(u.canonical or u.name for u in units if u.role != "lead")
    lines = [
        f"文件：{document_info(0, loaded).label}",
        f"任务：{node.id} {node_label(node)}",
        f"时限：{deadline_text(deadline)}（原文：{deadline.text}）",
    ]
    if lead:
        lines.append(f"牵头单位：{lead}")
    if others:
        lines.append(f"责任单位/配合单位：{others}")
    if node.targets:
        lines.append("目标指标：" + "；".join(t.text for t in node.targets))
    return "\n".join(lines)


def _summary(path: list[TaskNode]) -> str:
    """Task title with its lead units, as a calendar shows it in one line."""
    lead = "、".join(u.canonical or u.name for u in effective_units(path) if u.role == "lead")
    title = node_label(path[-1])
    return f"{title}（{lead}牵头）" if lead else title


def _event(loaded: LoadedSpec, path: list[TaskNode], index: int, stamp: dt.datetime) -> Any | None:
    """The event of the task's ``index``-th deadline, or None when it has no date."""
    from icalendar import Event

    deadline = path[-1].deadlines[index]
    anchor = rhythm_anchor(deadline, loaded.spec.metadata.date)
    if deadline.kind == "recurring" and deadline.recurrence is not None and anchor is not None:
        start = first_occurrence(deadline.recurrence, anchor)
        end = start + dt.timedelta(days=1) if start else None
    elif deadline.kind in ("by", "on", "period") and deadline.due is not None:
        start = deadline.start if deadline.kind == "period" and deadline.start else deadline.due
        end = deadline.due + dt.timedelta(days=1)
    else:
        return None
    if start is None or end is None:
        return None
    event = Event()
    uid_source = f"{loaded.spec.source.sha256}:{path[-1].id}:{index}"
    event.add("uid", hashlib.sha1(uid_source.encode("utf-8")).hexdigest() + "@govplan")
    event.add("dtstamp", stamp)
    event.add("summary", _summary(path))
    event.add("description", _description(loaded, path, deadline))
    event.add("dtstart", start)
    event.add("dtend", end)
    if deadline.kind == "recurring" and deadline.recurrence is not None:
        until = recurrence_end(deadline, start)
        if until > start:
            event.add("rrule", rrule(deadline.recurrence, until))
    return event


def _involves(path: list[TaskNode], unit: str | None) -> bool:
    return unit is None or any(unit in (u.name, u.canonical) for u in effective_units(path))


def build_calendar(specs: list[LoadedSpec], unit: str | None = None, recurring: bool = True) -> CalendarResult:
    """Every dated deadline of the specs (of ``unit``'s tasks, when named) as calendar events;
    rhythms as repeating events unless ``recurring`` is False (then they are left out)."""
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "govplan 任务时限")
    stamp = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    events = skipped = left_out = 0
    for loaded in specs:
        for path in iter_paths(loaded.spec):
            if not _involves(path, unit):
                continue
            for index, deadline in enumerate(path[-1].deadlines):
                if deadline.kind == "recurring" and not recurring:
                    left_out += 1
                    continue
                event = _event(loaded, path, index, stamp)
                if event is None:
                    skipped += 1
                else:
                    cal.add_component(event)
                    events += 1
    return CalendarResult(cal.to_ical(), events, skipped, left_out)
