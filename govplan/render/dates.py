"""Deadlines written the way analysts write them in 任务分解表: 2024年10月底前, 每月25日前.

Every formatter works from the structured Deadline fields and falls back to the
verbatim text when the fields do not say enough (unresolved dates, named days).
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govplan.spec.model import Deadline, Recurrence

FREQ_WORDS = {
    "daily": "每日",
    "weekly": "每周",
    "ten-daily": "每旬",
    "monthly": "每月",
    "quarterly": "每季度",
    "half-yearly": "每半年",
    "yearly": "每年",
}
PART_WORDS = {"early": "上旬", "mid": "中旬", "late": "下旬", "end": "底"}


def is_month_end(day: dt.date) -> bool:
    """True for the last day of its month (written 月底)."""
    return day.day == calendar.monthrange(day.year, day.month)[1]


def cn_date(day: dt.date | None, year: bool = True) -> str:
    """2024年4月3日, or 4月3日 without the year; empty for no date."""
    if day is None:
        return ""
    text = f"{day.month}月{day.day}日"
    return f"{day.year}年{text}" if year else text


def cn_month_day(day: dt.date, year: bool = True) -> str:
    """A date as analysts write a limit: 2024年10月底 for a month end, else 2024年4月3日."""
    if is_month_end(day):
        text = f"{day.month}月底"
        return f"{day.year}年{text}" if year else text
    return cn_date(day, year)


def rhythm_text(rec: Recurrence) -> str | None:
    """每月25日前, 每月下旬, 每年3月底前, 每季度; None when the fields cannot be written unambiguously (every two years: the
    text as written says it)."""
    if rec.interval is not None:
        return None
    head = FREQ_WORDS[rec.freq]
    if rec.freq == "yearly" and rec.month is not None:
        head += f"{rec.month}月"
    elif rec.month is not None or (rec.day is not None and rec.freq != "monthly"):
        return None
    if rec.day is not None:
        return f"{head}{rec.day}日前"
    if rec.part == "end":
        return f"{head}{'末' if rec.freq in ('quarterly', 'half-yearly') else '底'}前"
    if rec.part is not None:
        return head + PART_WORDS[rec.part] if rec.freq in ("monthly", "yearly") else None
    return head


def _period_text(start: dt.date, end: dt.date) -> str:
    """2024年4月 for a whole month, else 2024年4月4日至10月31日."""
    if start.day == 1 and is_month_end(end) and (start.year, start.month) == (end.year, end.month):
        return f"{start.year}年{start.month}月"
    return f"{cn_date(start)}至{cn_month_day(end, year=end.year != start.year)}"


def deadline_text(deadline: Deadline) -> str:
    """One deadline in analysts' wording, from its fields; the verbatim text where they fall short."""
    if deadline.kind == "recurring" and deadline.recurrence is not None:
        return rhythm_text(deadline.recurrence) or deadline.text
    if deadline.kind == "relative" and deadline.within_days is not None:
        return f"{deadline.within_days}日内"
    if deadline.due is None:
        return deadline.text
    if deadline.kind == "period" and deadline.start is not None:
        return _period_text(deadline.start, deadline.due)
    if deadline.kind == "on":
        return cn_month_day(deadline.due)
    return f"{cn_month_day(deadline.due)}前"


def deadlines_text(deadlines: list[Deadline]) -> str:
    """All deadlines of a task, in order, without repeats, joined by the Chinese semicolon."""
    seen: list[str] = []
    for deadline in deadlines:
        text = deadline_text(deadline)
        if text not in seen:
            seen.append(text)
    return "；".join(seen)


def is_dated(deadline: Deadline) -> bool:
    """A deadline that falls on one resolved date (not a rhythm, not a relative limit)."""
    return deadline.kind in ("by", "on", "period") and deadline.due is not None


def is_overdue(deadline: Deadline, today: dt.date) -> bool:
    """A dated deadline whose date has passed."""
    return is_dated(deadline) and deadline.due is not None and deadline.due < today
