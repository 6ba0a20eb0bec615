"""Deadline expressions in a task's text: by a date, on a day, periods, rhythms, relative limits.

Dates are read with the document's year where they have none (``DocContext.year``); a
document without a date keeps such deadlines unresolved rather than inventing a year.
Which dated phrases are deadlines is decided by cue words kept in govplan/data/deadlines.yaml
(前/底/到/截至…), so historical facts (设立于1987年12月) and bare dates are left out.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from govplan.annotate.base import DocContext, NodeText
from govplan.annotate.evidence import Candidate, evidence, non_overlapping
from govplan.annotate.lexicon import alternation, as_tuples, data
from govplan.numerals import NumeralError, to_int
from govplan.spec.model import Deadline, Recurrence

_CN_DIGIT = "〇零一二三四五六七八九"
_YEAR = rf"(?:(?<![\d.])\d{{4}}|[{_CN_DIGIT}]{{4}}|今|明)"
_MONTH = r"(?:(?<![\d.])\d{1,2}|十[一二]?|[一二三四五六七八九])"
_DAY = r"(?:\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_QUARTER = r"[一二三四1234]"
_COUNT_CHARS = "一二两三四五六七八九十"
_COUNT = rf"(?:(?<![\d.])\d{{1,3}}|[{_COUNT_CHARS}]{{1,3}})"


@dataclass(frozen=True)
class _Rules:
    """Compiled patterns and word tables built once from the data file."""

    point: re.Pattern[str]
    period: re.Pattern[str]
    recurring: re.Pattern[str]
    relative: re.Pattern[str]
    named: re.Pattern[str]
    words: dict[str, Any]


def _date_core(tag: str, year_parts: list[str], month_parts: list[str]) -> str:
    """A date without cues: [year] then month[/day/part], quarter or year part; groups prefixed by tag."""
    return (
        rf"(?:(?P<{tag}y>{_YEAR})年)?"
        rf"(?:(?P<{tag}m>{_MONTH})月(?P<{tag}fen>份)?"
        rf"(?:(?P<{tag}d>{_DAY})[日号]|(?P<{tag}mp>{alternation(month_parts)}))?"
        rf"|第?(?P<{tag}q>{_QUARTER})季度(?:末)?"
        rf"|(?<![\d{_CN_DIGIT}十半全每])(?P<{tag}yp>{alternation(year_parts)}))?"
    )


_DATE_FIRST_CHARS = "0123456789" + _CN_DIGIT + "十今明第" + _QUARTER


def _starting_with(words: list[str], chars: str = _DATE_FIRST_CHARS) -> str:
    """A lookahead for the characters a match can start with (a date's or a cue word's first):
    re would otherwise try every alternative of a pattern at every position of the text."""
    first = sorted(set(chars) | {word[0] for word in words if word})
    return "(?=[" + "".join(re.escape(c) for c in first) + "])"


@cache
def _rules() -> _Rules:
    """Compile every deadline pattern from govplan/data/deadlines.yaml."""
    w = data("deadlines")
    year_parts = list(w["year_parts"]) + list(w["year_parts_after_year"]) + list(w["clause_year_parts"])
    month_parts = list(w["month_parts"])
    core_a = _date_core("a", year_parts, month_parts)
    core_b = _date_core("b", year_parts, month_parts)
    not_after = "".join(f"(?<!{re.escape(word)})" for word in w["lead_cue_not_after"])
    point = (
        _starting_with([*year_parts, *w["lead_cues"], *w["suffix_kinds"]])
        + rf"(?:{not_after}(?P<lead>{alternation(w['lead_cues'])}))?{core_a}(?P<suf>{alternation(w['suffix_kinds'])})?"
    )
    period = (
        _starting_with([*year_parts, *w["period_start_words"], *w["period_separators"]])
        + rf"{core_a}(?:{alternation(w['period_start_words'])})?{alternation(w['period_separators'])}"
        rf"{core_b}(?:{alternation(w['period_end_words'])})?"
    )
    rhythm = w["rhythm_compounds"]
    recurring = _starting_with([*rhythm["periods"], *w["recurrence_words"]], "") + (
        rf"(?:(?<![\d{_CN_DIGIT}十每])(?P<cp>{alternation(rhythm['periods'])})(?=(?P<ca>{alternation(rhythm['actions'])}))"
        rf"|(?P<rw>{alternation(w['recurrence_words'])})"
        rf"(?:(?P<rm>{_MONTH})月份?)?(?:(?P<rd>{_DAY})[日号]|(?P<rp>{alternation(month_parts)}))?(?P<rs>前)?)"
    )
    relative = _starting_with(w["relative_before"], "0123456789" + _COUNT_CHARS) + (
        rf"(?P<rb>{alternation(w['relative_before'])})?(?P<rn>{_COUNT})"
        rf"(?P<ru>{alternation(w['relative_units'])})(?P<ra>{alternation(w['relative_after'])})?"
    )
    names = list(w["named_days_fixed"]) + list(w["named_days_movable"])
    named = _starting_with(names, "") + rf"(?<![{_CN_DIGIT}十])(?P<nd>{alternation(names)})(?P<nc>{alternation(w['named_day_cues'])})"
    return _Rules(
        point=re.compile(point),
        period=re.compile(period),
        recurring=re.compile(recurring),
        relative=re.compile(relative),
        named=re.compile(named),
        words=as_tuples(w),
    )


def find_deadlines(nt: NodeText, ctx: DocContext) -> list[Deadline]:
    """Every deadline expression in the node's own text, in text order, spans global."""
    rules = _rules()
    text = nt.text
    candidates: list[Candidate[Deadline]] = []
    for rank, (pattern, build) in enumerate(
        (
            (rules.period, _period),
            (rules.recurring, _recurring),
            (rules.named, _named),
            (rules.point, _point),
            (rules.relative, _relative),
        )
    ):
        for match in pattern.finditer(text):
            if match.end() == match.start() or _is_historical(text, match.start(), match.end(), rules.words):
                continue
            fields = build(match, text, ctx, rules.words)
            if fields is not None:
                item = Deadline(**evidence(nt, match.start(), match.end()), **fields)
                candidates.append(Candidate(match.start(), match.end(), item, rank))
    return [c.item for c in non_overlapping(candidates)]


def _is_historical(text: str, start: int, end: int, words: dict[str, Any]) -> bool:
    """True for dates that state a past fact: 设立于1987年12月, 2017年换届以来."""
    before = text[max(0, start - 6):start]
    after = text[end:end + 6]
    return before.endswith(words["historical_before"]) or after.startswith(words["historical_after"])


@dataclass(frozen=True)
class _When:
    """One resolved end of a date expression: its date (or why not) and whether a year was written."""

    due: dt.date | None
    start: dt.date | None
    explicit_year: int | None
    unresolved: str | None


def _year_of(raw: str | None, ctx: DocContext) -> tuple[int | None, int | None]:
    """(year to use, year as written) for a year group: 2024, 二〇二四, 今 (this year), 明 (next)."""
    if raw is None:
        return ctx.year, None
    if raw in ("今", "明"):
        return (None, None) if ctx.year is None else (ctx.year + (raw == "明"), None)
    year = to_int(raw)
    return year, year


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _resolve(g: dict[str, str | None], tag: str, ctx: DocContext, words: dict[str, Any]) -> _When | None:
    """The date span a core (year/month/day/part) denotes, or None when it is not a date at all."""
    try:
        year, written = _year_of(g[f"{tag}y"], ctx)
        month, day = _month_day(g, tag, words)
    except (NumeralError, ValueError):
        return None
    if month is None:
        return None
    if written is not None and not 1900 <= written <= 2100:
        return None
    if year is None:
        return _When(None, None, None, words["reasons"]["no_year"])
    try:
        start_day = day if g[f"{tag}d"] else 1
        start = dt.date(year, month, start_day) if g[f"{tag}m"] else None
        due = _month_end(year, month) if day is None else dt.date(year, month, day)
    except ValueError:
        return _When(None, None, written, words["reasons"]["invalid"])
    return _When(due, start, written, None)


def _month_day(g: dict[str, str | None], tag: str, words: dict[str, Any]) -> tuple[int | None, int | None]:
    """(month, day) a core ends on; day None means the month's last day."""
    if g[f"{tag}m"]:
        month = to_int(g[f"{tag}m"] or "")
        if not 1 <= month <= 12:
            raise ValueError(month)
        if g[f"{tag}d"]:
            return month, to_int(g[f"{tag}d"] or "")
        part = words["month_parts"].get(g[f"{tag}mp"] or "")
        return month, (None if part is None or part["day"] == "last" else int(part["day"]))
    if g[f"{tag}q"]:
        return 3 * to_int(g[f"{tag}q"] or ""), None
    part_name = g[f"{tag}yp"]
    if part_name:
        table = words["year_parts_after_year"] if g[f"{tag}y"] else {**words["year_parts"], **words["clause_year_parts"]}
        return (int(table[part_name]), None) if part_name in table else (None, None)
    return (12, None) if g[f"{tag}y"] else (None, None)


def _point(m: re.Match[str], text: str, ctx: DocContext, words: dict[str, Any]) -> dict[str, Any] | None:
    """A single date with its cue: 2022年6月底前, 到2026年底, 4月3日前, 第二季度, 年内."""
    g = m.groupdict()
    if not _point_is_deadline(m, text, words):
        return None
    when = _resolve(g, "a", ctx, words)
    if when is None or _before_document(when, ctx):
        return None
    if g["suf"]:
        kind = words["suffix_kinds"][g["suf"]]
    else:
        kind = "on" if g["ad"] and not g["lead"] else "by"
    return {"kind": kind, "due": when.due, "unresolved": when.unresolved}


def _point_is_deadline(m: re.Match[str], text: str, words: dict[str, Any]) -> bool:
    """Whether a dated phrase is a deadline, judged by its shape and the cue words around it."""
    g = m.groupdict()
    cued = bool(g["lead"] or g["suf"] or text.endswith(words["weak_lead_cues"], 0, m.start()))
    if g["am"]:
        if g["ay"]:
            return cued or bool(g["amp"])
        chinese_month = not g["am"].isdigit()
        return not chinese_month or bool(g["ad"] or g["amp"] or g["afen"] or g["suf"])
    if g["aq"]:
        return True
    if g["ayp"]:
        return g["ayp"] not in words["clause_year_parts"] or _opens_clause(text, m.start(), words)
    if not g["ay"]:
        return False
    if g["lead"] or g["suf"]:
        return True
    return (_opens_clause(text, m.start(), words) or cued) and text.startswith(words["bare_year_followers"], m.end())


def _opens_clause(text: str, pos: int, words: dict[str, Any]) -> bool:
    return pos == 0 or text[pos - 1] in words["clause_openers"]


def _before_document(when: _When, ctx: DocContext) -> bool:
    """A written year before the document's own year is a past fact (2013年至2023年底使用…)."""
    return when.explicit_year is not None and ctx.year is not None and when.explicit_year < ctx.year


def _period(m: re.Match[str], text: str, ctx: DocContext, words: dict[str, Any]) -> dict[str, Any] | None:
    """A period between two dates: 4月4日-10月31日, 2024年3月开始至12月底结束."""
    g = m.groupdict()
    if not (g["am"] and g["bm"]):
        return None
    first = _resolve(g, "a", ctx, words)
    if first is None or _before_document(first, ctx):
        return None
    if not g["by"] and g["ay"]:
        g = {**g, "by": g["ay"]}
    last = _resolve(g, "b", ctx, words)
    if last is None:
        return None
    return {
        "kind": "period",
        "start": first.start,
        "due": last.due,
        "unresolved": first.unresolved or last.unresolved,
    }


def _recurring(m: re.Match[str], text: str, ctx: DocContext, words: dict[str, Any]) -> dict[str, Any] | None:
    """A rhythm: 每月25日前, 每月下旬, 每季度, 每半年, 每年3月底前, 月报, 季调度, 年终总结."""
    g = m.groupdict()
    try:
        month = to_int(g["rm"]) if g["rm"] else None
        day = to_int(g["rd"]) if g["rd"] else None
    except NumeralError:
        return None
    if (month is not None and not 1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
        return None
    if g["cp"]:
        if _quoted_name(text, m.start(), m.end() + len(g["ca"]), words["rhythm_compounds"]["quotes"]):
            return None  # “季调度”,于5月底…: the routine's name heads a paragraph, no rhythm of its own
        rhythm = words["rhythm_compounds"]["periods"][g["cp"]]
        return {"kind": "recurring", "recurrence": Recurrence(freq=rhythm["freq"], part=rhythm.get("part"))}
    part = words["month_parts"][g["rp"]]["part"] if g["rp"] else None
    freq = words["recurrence_words"][g["rw"]]
    return {"kind": "recurring", "recurrence": Recurrence(freq=freq, day=day, month=month, part=part)}


def _quoted_name(text: str, start: int, end: int, quotes: dict[str, str]) -> bool:
    """Whether text[start:end] is the whole content of a pair of quotes (“季调度”)."""
    return 0 < start and end < len(text) and text[start - 1] in quotes["open"] and text[end] in quotes["close"]


def _relative(m: re.Match[str], text: str, ctx: DocContext, words: dict[str, Any]) -> dict[str, Any] | None:
    """A limit counted from an event: 不超过15天, 10天内, 3个工作日内."""
    g = m.groupdict()
    if not (g["rb"] or g["ra"]):
        return None
    try:
        count = to_int(g["rn"])
    except NumeralError:
        return None
    return {"kind": "relative", "within_days": count * int(words["relative_units"][g["ru"]])}


def _named(m: re.Match[str], text: str, ctx: DocContext, words: dict[str, Any]) -> dict[str, Any] | None:
    """A named day with its cue: 七一前夕 (fixed: resolved), 春节前后 (movable: no date)."""
    g = m.groupdict()
    kind = words["named_day_cues"][g["nc"]]
    fixed = words["named_days_fixed"].get(g["nd"])
    fields: dict[str, Any] = {"kind": kind, "named_day": g["nd"]}
    if fixed is None:
        fields["unresolved"] = words["reasons"]["movable"]
    elif ctx.year is None:
        fields["unresolved"] = words["reasons"]["no_year"]
    else:
        month, day = (int(part) for part in fixed.split("-"))
        fields["due"] = dt.date(ctx.year, month, day)
    return fields
