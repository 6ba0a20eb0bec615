"""`govplan calendar`: deadlines as .ics events, recurring ones as RRULEs, parsed back with icalendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from govplan.render.ical import build_calendar, first_occurrence, occurrence_from, rrule
from govplan.render.loading import load_specs_for_render
from govplan.spec.model import Recurrence

FIXTURES = Path(__file__).parent / "fixtures" / "render"
SMALL = FIXTURES / "small_tree.yaml"
XUNYI = FIXTURES / "xunyi_ten_actions.yaml"


def _events(path: Path, unit: str | None = None) -> list:
    from icalendar import Calendar

    result = build_calendar(load_specs_for_render([path], validate=True), unit)
    cal = Calendar.from_ical(result.data)
    events = list(cal.walk("VEVENT"))
    assert len(events) == result.events
    return events


def test_dated_and_recurring_deadlines_become_events() -> None:
    events = {str(e["summary"]): e for e in _events(SMALL)}
    grad = events["（一）促进高校毕业生就业（某县人力资源和社会保障局牵头）"]
    assert grad.decoded("dtstart") == dt.date(2024, 6, 30)
    assert grad.decoded("dtend") == dt.date(2024, 7, 1)
    assert "rrule" not in grad
    assert "责任单位/配合单位：县财政局" in str(grad["description"])
    assert "目标指标：吸纳就业不少于500人" in str(grad["description"])

    migrant = events["（二）促进农民工就业（县农业农村局牵头）"]
    assert migrant.decoded("dtstart") == dt.date(2024, 2, 25)  # first 25th on or after the issue date
    assert migrant["rrule"]["FREQ"] == ["MONTHLY"] and migrant["rrule"]["BYMONTHDAY"] == [25]


def test_quarterly_deadlines_repeat_every_three_months_at_quarter_end() -> None:
    quarterly = [e for e in _events(SMALL) if "rrule" in e and e["rrule"].get("INTERVAL") == [3]]
    assert len(quarterly) == 1
    event = quarterly[0]
    assert event.decoded("dtstart") == dt.date(2024, 3, 31)
    assert event["rrule"]["BYMONTHDAY"] == [-1]
    assert str(event["summary"]) == "二、强化工作保障"


def test_periods_span_their_days_and_undated_limits_are_left_out() -> None:
    events = _events(XUNYI)
    stage = next(e for e in events if str(e["summary"]).startswith("(二)集中实施阶段"))
    assert (stage.decoded("dtstart"), stage.decoded("dtend")) == (dt.date(2024, 4, 4), dt.date(2024, 11, 1))
    result = build_calendar(load_specs_for_render([XUNYI], validate=True))
    assert result.skipped == 3  # 不超过15天, 10天内, and 每年 without a month
    assert len({str(e["uid"]) for e in events}) == len(events)


def test_unit_option_keeps_only_that_units_deadlines() -> None:
    events = _events(SMALL, unit="县农业农村局")
    assert [str(e["summary"]) for e in events] == ["（二）促进农民工就业（县农业农村局牵头）"]


@pytest.mark.parametrize(
    ("rec", "anchor", "first", "rule"),
    [
        (Recurrence(freq="monthly", part="late"), dt.date(2024, 3, 29), dt.date(2024, 3, 31), {"FREQ": "MONTHLY", "BYMONTHDAY": -1}),
        (Recurrence(freq="monthly", part="early"), dt.date(2024, 3, 29), dt.date(2024, 4, 10), {"FREQ": "MONTHLY", "BYMONTHDAY": 10}),
        (Recurrence(freq="half-yearly"), dt.date(2024, 7, 2), dt.date(2024, 12, 31), {"FREQ": "MONTHLY", "BYMONTHDAY": -1, "INTERVAL": 6}),
        (Recurrence(freq="yearly", month=3, part="end"), dt.date(2024, 4, 1), dt.date(2025, 3, 31), {"FREQ": "YEARLY", "BYMONTH": 3, "BYMONTHDAY": -1}),
        (Recurrence(freq="ten-daily"), dt.date(2024, 2, 21), dt.date(2024, 2, 29), {"FREQ": "MONTHLY", "BYMONTHDAY": [10, 20, -1]}),
        # 每两个月 / 每两年 / 每两周: the interval multiplies the period's own step
        (Recurrence(freq="monthly", interval=2), dt.date(2024, 3, 29), dt.date(2024, 3, 31), {"FREQ": "MONTHLY", "BYMONTHDAY": -1, "INTERVAL": 2}),
        (Recurrence(freq="yearly", interval=2, month=4, part="end"), dt.date(2024, 3, 1), dt.date(2024, 4, 30),
         {"FREQ": "YEARLY", "BYMONTH": 4, "BYMONTHDAY": -1, "INTERVAL": 2}),
        (Recurrence(freq="weekly", interval=2), dt.date(2024, 3, 1), dt.date(2024, 3, 1), {"FREQ": "WEEKLY", "INTERVAL": 2}),
    ],
)
def test_rhythms_place_their_first_date_and_rule(rec: Recurrence, anchor: dt.date, first: dt.date, rule: dict) -> None:
    assert first_occurrence(rec, anchor) == first
    assert rrule(rec, None) == rule


@pytest.mark.parametrize(
    "rec",
    [
        Recurrence(freq="yearly", interval=2, month=6, part="end"),
        Recurrence(freq="monthly", interval=2, day=25),
        Recurrence(freq="quarterly", interval=2),
        Recurrence(freq="half-yearly", interval=3),
        Recurrence(freq="weekly", interval=2),
        Recurrence(freq="daily", interval=3),
        Recurrence(freq="monthly", day=31),
        Recurrence(freq="monthly", day=30),
        Recurrence(freq="yearly", month=2, day=29),
    ],
)
def test_next_occurrence_is_the_one_the_calendar_repeats(rec: Recurrence) -> None:
    """The ledger's next date of a rhythm is the next date of the calendar's own event: the RRULE it writes,
    expanded by dateutil from the same first date (每两年 counted from the notice, not from today)."""
    from dateutil.rrule import rrulestr

    anchor = dt.date(2023, 5, 17)
    start = first_occurrence(rec, anchor)
    assert start is not None
    rule = ";".join(f"{k}={','.join(map(str, v)) if isinstance(v, list) else v}" for k, v in rrule(rec, None).items())
    dates = [d.date() for d in rrulestr(rule, dtstart=dt.datetime.combine(start, dt.time())).xafter(
        dt.datetime.combine(start, dt.time()), count=40, inc=True)]
    for day in [anchor + dt.timedelta(days=n) for n in range(0, 1500, 23)]:
        expected = next((d for d in dates if d >= day), None)
        if expected is not None:
            assert occurrence_from(rec, anchor, day) == expected, (rec, day)


def test_calendar_cli_writes_an_ics_file(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "deadlines.ics"
    result = run_cli("calendar", str(SMALL), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    assert "4 个日程；0 个时限没有具体日期" in result.stderr


def test_no_rhythm_repeats_forever_daily_and_weekly_ones_included() -> None:
    """日巡访、周汇总 (seed 002) once became events without end: every rule now has an UNTIL, the end of
    the plan year when the spec names no end."""
    spec = Path(__file__).parent.parent / "specs" / "002_7ee8fce85c601369.yaml"
    repeating = [e for e in _events(spec) if "rrule" in e]
    assert repeating and all("UNTIL" in e["rrule"] for e in repeating)
    freqs = {e["rrule"]["FREQ"][0] for e in repeating}
    assert {"DAILY", "WEEKLY", "MONTHLY"} <= freqs
    assert {e["rrule"]["UNTIL"][0] for e in repeating} == {dt.date(2024, 12, 31)}


def test_a_rhythm_ends_where_the_spec_says(tmp_path: Path) -> None:
    text = SMALL.read_text(encoding="utf-8").replace("{freq: monthly, day: 25}", "{freq: monthly, day: 25, end: '2025-06-30'}")
    path = tmp_path / "ends.yaml"
    path.write_text(text, encoding="utf-8")
    migrant = next(e for e in _events(path) if str(e["summary"]).startswith("（二）促进农民工就业"))
    assert migrant["rrule"]["UNTIL"] == [dt.date(2025, 6, 30)]


def test_no_recurring_leaves_rhythms_out(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "dated.ics"
    result = run_cli("calendar", str(SMALL), "-o", str(out), "--no-recurring")
    assert result.returncode == 0, result.stderr
    assert b"RRULE" not in out.read_bytes()
    assert "2 个日程" in result.stderr and "2 个周期性时限按 --no-recurring 未写入" in result.stderr
