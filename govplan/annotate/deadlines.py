"""Deadline expressions in a task's text: by a date, on a day, periods, rhythms, relative limits.

Dates are read with the document's year where they have none (``DocContext.year``); a
document without a date keeps such deadlines unresolved rather than inventing a year.
Which dated phrases are deadlines is decided by cue words kept in govplan/data/deadlines.yaml
(前/底/到/截至…), so historical facts (设立于1987年12月) and bare dates are left out; in a
document that reads as a report (``DocContext.report``) only cued dates count, the rest are events.
"""

from __future__ import annotations

import bisect
import calendar
import dataclasses
import datetime as dt
import math
import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Callable

from govplan.annotate.base import DocContext, NodeText
from govplan.annotate.breaks import any_of, inside_marks
from govplan.annotate.evidence import Candidate, evidence, non_overlapping
from govplan.annotate.targets import under_review
from govplan.lexical.lexicon import alternation, as_tuples, data
from govplan.lexical.segment import words_among_within, words_within
from govplan.grammar import compile_pattern, piece
from govplan.numerals import NumeralError, to_int
from govplan.scanning import Scanner, scanner
from govplan.spec.model import Deadline, Recurrence
from govplan.structure.metadata import is_chrome
from govplan.structure.numbering import match_heading
from govplan.textmemo import text_memo

_CN_DIGIT = piece("cn_digit")
_DEICTIC_YEARS = ("今", "明")  # this year, next year: counted from the document's own year
_DATED_YEARS = ("issue_date", "page", "assumed")  # year_from values that come with a month of issue


@cache
def _deictic_month() -> str:
    """The words before 月 that count a month from the month of issue (本月, 下月: deadlines.yaml deictic_months)."""
    return alternation(list(data("deadlines")["deictic_months"]))


def _year_word() -> str:
    """A year as written before 年: digits, a ROC year, 今/明, or a year after another (次年, 翌年)."""
    w = data("deadlines")
    following = rf"(?<![{re.escape(w['following_year_not_after'])}]){alternation(w['following_years'])}"
    return rf"(?:{piece('year')}|{piece('roc_year')}|{'|'.join(_DEICTIC_YEARS)}|{following})"
_MONTH = piece("month")
_DAY = piece("day")
_QUARTER = piece("quarter")
_QUARTER_MONTHS = 3  # months in a quarter: the nth quarter ends with month 3n
_WEEK_DAYS = 7  # a week counted Monday to Sunday: a week alone (本周完成) ends on its 7th day
_GLOSS_REACH = 4  # the marks that may stand between a weekday and the date it glosses (10月25日（本周四）, 本周四 10月25日)
_COUNT_CHARS = piece("cn_count")
_COUNT = piece("count")
_GAP = piece("gap")
_BLANK = _GAP.removesuffix("?")  # the one blank character a gap may be
_ROC_OFFSET = 1911  # 民国112年 = 2023
_NO_DEADLINE_COLUMNS = ("progress", "number", "note")  # columns whose dates are no due dates
_PART_START = {"early": 1, "mid": 11, "late": 21}  # the first day of 上旬, 中旬, 下旬
_KIND_CHARS = 4  # a document kind (分解表) and a closing bracket end a title line
_NAME_KIND_REACH = 8  # the characters before a period's bracket searched for the kind of document it closes
_YEAR_SPAN = 10  # a year a sentence names frames its dates only when near the document's own
_HALF_YEAR_MONTHS = 6  # an as-of month within this many months before the month of issue is this year's
_QUOTE_OPENS = tuple(piece("quote_open"))  # “ " ‘ 《: a span right after one opens a quoted name
_LATE_MONTHS = 2  # a deadline's month this close before the month of issue is this year's (a late or restating notice)


@dataclass(frozen=True, eq=False)
class _Rules:
    """Compiled patterns and word tables built once from the data file (hashed by identity: the per-text memos
    below take it as a key)."""

    point: re.Pattern[str]
    period: re.Pattern[str]
    short_period: re.Pattern[str]
    year_range: re.Pattern[str]
    commencement: re.Pattern[str]
    written_year: re.Pattern[str]
    whole_date: re.Pattern[str]  # a date with its year, month and day (2018 年 8 月 19 日): an undated text's last clue to its year
    month_date: re.Pattern[str]  # a year and a month (时间:2009年3月-12月): the clue after that, where no whole date is written
    title_end: re.Pattern[str]
    title_count: re.Pattern[str]
    listed_document: re.Pattern[str]
    cited_title: re.Pattern[str]
    name_before: re.Pattern[str]
    punctuation: re.Pattern[str]
    recurring: re.Pattern[str]
    relative: re.Pattern[str]
    named: re.Pattern[str]
    week_day: re.Pattern[str]
    week_gloss_after: re.Pattern[str]  # a date right after a weekday (本周四 10月25日): the weekday glosses it
    week_gloss_before: re.Pattern[str]  # …or right before it (10月25日(本周四))
    event: re.Pattern[str]
    plan_period: re.Pattern[str]
    plan_year: re.Pattern[str]
    clause_break: re.Pattern[str]
    listed_before: re.Pattern[str]
    listed_after: re.Pattern[str]
    names_work: re.Pattern[str]
    binds_goals: re.Pattern[str]
    goal_in_clause: re.Pattern[str]
    goal_word: re.Pattern[str]
    period_reported: re.Pattern[str]
    dates_on: re.Pattern[str]
    names_document: re.Pattern[str]
    done_attribute: re.Pattern[str]
    verb_first_attribute: re.Pattern[str]
    shared_lead: re.Pattern[str]
    year_list: re.Pattern[str]
    year_list_joint: re.Pattern[str]
    shared_suffix: re.Pattern[str]
    rhythm_day: re.Pattern[str]  # 、25日前 after 每月10日: one more day of the rhythm (group "d")
    rhythm_word: re.Pattern[str]  # any rhythm word (每月, 每两年): searched in a sentence, once, not word by word
    cycle_before: re.Pattern[str]  # 年初公布、 before a part of the year glued to its act: a list of such
    cycle_after: re.Pattern[str]  # …兑现、年底结算 after it
    milestone: re.Pattern[str]
    assessment_after: re.Pattern[str]
    rhythm_attribute: re.Pattern[str]
    yearly_month: re.Pattern[str]
    gloss_bracket: re.Pattern[str]
    gloss_between: re.Pattern[str]
    aside: re.Pattern[str]
    rate_amount: re.Pattern[str]
    per_head: re.Pattern[str]  # 每人 right before a period word: the head a rate is stated for (每人每年缴费200元)
    clause_amount: re.Pattern[str]  # an amount of money or points, the rate a per-head period measures
    trend_rate: re.Pattern[str]
    service_kind: re.Pattern[str]
    score_change: re.Pattern[str]
    done_words: frozenset[str]
    meeting_lede: re.Pattern[str]
    news_dateline: re.Pattern[str]
    account_heading: Scanner  # searched in every node's titles: most hold none of 年/成/亮, one C search tells
    date_attribute: re.Pattern[str]
    relative_attribute: re.Pattern[str]
    since: re.Pattern[str]
    dated_assessment: re.Pattern[str]
    first_periods: re.Pattern[str]
    words: dict[str, Any]


def _not_after(chars: str, exceptions: list[str]) -> str:
    """A lookbehind refusing any of ``chars`` before a match, except where the character ends one of
    the two-character ``exceptions`` (过 refused, as in 超过半年, but 通过季度检查 kept)."""
    excepted = {word[-1]: word[0] for word in exceptions}
    plain = "".join(ch for ch in chars if ch not in excepted)
    return f"(?<![{re.escape(plain)}])" + "".join(f"(?<!(?<!{re.escape(first)}){re.escape(last)})" for last, first in excepted.items())


def _date_core(
    tag: str, year_parts: list[str], month_parts: list[str], part_guard: str, bare_day_before: list[str],
    mid_year: str, lost_units: dict[str, Any], dotted_month_ahead: str = "", cell_month_ahead: str = "",
) -> str:
    """A date without cues: [year] then month[/day/part] (a day in digits without 日 before a word of
    ``bare_day_before``: 11月20前), quarter or year part (where ``part_guard``, a lookbehind, lets it stand:
    not after a character with which 年 makes another word, 青年中心, nor after 自然), or a date written
    with slashes (2022/3, 2022/3/31), dots or hyphens (2024.6.30, 2024-06-30: the day required, as
    2024.5 is a number and 2023-2025 a range); a year and a two-digit month joined by a dot (2023.07)
    only where ``dotted_month_ahead`` (a lookahead) allows it, and with a month of one or two digits (2012.3, 2018.09) where
    ``cell_month_ahead`` does (the date ends its table cell: read only in a time column); ``mid_year`` is the year part written
    right after 年 with the words it stands before (2027 年中前), or a date whose 年 and 月 a copy lost (``lost_units``:
    20181230日, 615日, 112 11 24 日); groups prefixed by tag."""
    slashed = (
        rf"(?P<{tag}sy>{piece('modern_year')})(?:/(?P<{tag}sm>\d{{1,2}})(?:/(?P<{tag}sd>\d{{1,2}}))?(?![\d/])"
        rf"|(?P<{tag}ss>[.-])(?P<{tag}dm>\d{{1,2}})(?P={tag}ss)(?P<{tag}dd>\d{{1,2}})(?![\d.])"
        rf"|\.(?P<{tag}pm>{_DOTTED_MONTH})(?![\d.]){dotted_month_ahead}"
        + (rf"|\.(?P<{tag}cm>{_CELL_MONTH})(?![\d.]){cell_month_ahead}" if cell_month_ahead else "")
        + ")"
        rf"|{_lost_unit_date(tag, lost_units)}"
    )
    return (
        rf"(?:{slashed}|"
        rf"(?:(?P<{tag}y>{_year_word()}){_GAP}年(?:度(?![内{_CN_DIGIT}\d]))?)?"  # 2026年度 is the year 2026 (not 年度内)
        # a month counted from the month of issue (本月底前, 下月10日前) only with its day or part
        rf"(?:{_GAP}(?:(?P<{tag}m>{_MONTH})|(?P<{tag}xm>{_deictic_month()})(?=月{_GAP}(?:{_DAY}{_GAP}[日号]|{alternation(month_parts)})))"
        rf"{_GAP}月(?P<{tag}fen>份)?"
        rf"(?:{_GAP}(?P<{tag}d>{_DAY})(?:{_GAP}[日号]|(?<=\d)(?={alternation(bare_day_before)}))|(?P<{tag}mp>{alternation(month_parts)}))?"
        rf"|第?(?P<{tag}q>{_QUARTER})季度(?:末)?"
        rf"|{part_guard}(?P<{tag}yp>{alternation(year_parts)}|{mid_year}))?)"
    )


_DOTTED_MONTH = "0[1-9]|1[0-2]"  # 2023.07: a month written with two digits after a dot
_CELL_MONTH = "1[0-2]|0?[1-9]"  # 2012.3, 2018.09 alone in a 完成时限 cell: a month with one or two digits after a dot
_CELL_END = r"(?=[ \t\u3000]*(?:\||\n|$))"  # what may follow a date that fills its cell: blanks, then a bar or the line's end


def _lost_unit_date(tag: str, lost: dict[str, Any]) -> str:
    """A date whose 年 and 月 a copy lost, before its day word: a run of digits (a modern year's four, then month and day; or
    month and day alone) or a ROC date's three numbers with the blanks where 年 and 月 stood; not after a word that counts
    days (第120日) nor before one that makes the number a count of days (120日内). _groups reads it, or refuses it."""
    after_year, year_less = lost["after_year_digits"], lost["year_less_digits"]
    refused = "".join(f"(?<!{re.escape(word)})" for word in lost["not_after"])
    return (rf"{refused}(?<![\d.])(?:(?P<{tag}ld>(?:19|20)\d{{2}}\d{{{after_year['min']},{after_year['max']}}}"
            rf"|\d{{{year_less['min']},{year_less['max']}}})(?!\d)"
            rf"|(?P<{tag}lr>1[0-2]\d{_BLANK}\d{{1,2}}{_BLANK}\d{{1,2}})){_GAP}{alternation(lost['day_words'])}"
            rf"(?!{alternation(lost['not_before'])})")


def _lost_unit_reading(run: str | None, roc: str | None) -> tuple[str | None, str | None, str | None]:
    """(year, month, day) a date that lost its 年 and 月 writes, where its digits read one way only (615 is 6月15日,
    2024131 2024年1月31日; 121 is 1月21日 or 12月1日); (None, None, None) where they read none or two ways."""
    if roc:
        year, month, day = roc.split()
        return year, month, day
    run = run or ""
    year, rest = (run[:4], run[4:]) if len(run) > 4 else (None, run)
    readings = {(year, rest[:cut], rest[cut:]) for cut in (1, 2)
                if 1 <= len(rest) - cut <= 2 and 1 <= int(rest[:cut]) <= 12 and 1 <= int(rest[cut:]) <= 31}
    return readings.pop() if len(readings) == 1 else (None, None, None)


def _core_ahead(year_parts: list[str]) -> str:
    """A lookahead for a date core (a year, a month, a quarter or a year part, a run of digits before a day word: a date
    that lost its 年 and 月), so that a lead or suffix word alone (到, 前) is no match to be looked at and dropped."""
    return (rf"(?=(?:{_year_word()}){_GAP}年|(?:{_MONTH}|{_deictic_month()}){_GAP}月|第?{_QUARTER}季度|{alternation(year_parts)}"
            rf"|{piece('modern_year')}[/.-]\d|(?<![\d.])\d{{3,8}}{_GAP}日|(?<![\d.])1[0-2]\d{_BLANK}\d)")


_DATE_FIRST_CHARS = "0123456789" + _CN_DIGIT + "十今明次翌第民中本下" + _QUARTER  # 民/中: 民国97年, 中华民国112年; 本/下: 本月底


def _starting_with(words: list[str], chars: str = _DATE_FIRST_CHARS) -> str:
    """A lookahead for the characters a match can start with (a date's or a cue word's first):
    re would otherwise try every alternative of a pattern at every position of the text."""
    first = sorted(set(chars) | {word[0] for word in words if word})
    return "(?=[" + "".join(re.escape(c) for c in first) + "])"


def _guarded_words(words: list[str], not_after: dict[str, str] | None = None,
                   not_before: dict[str, list[str]] | None = None) -> str:
    """An alternation of ``words``, a word of ``not_after`` refused after a character that makes it the end of another
    word (用 in 应用三年行动计划, 使用三年以上: a plan's name, a time in use), a word of ``not_before`` refused right before
    one of its words (将 is a goal's future, but not in 将近, nearly, or 将是 / 将成为, which say what a year is)."""
    not_after, not_before = not_after or {}, not_before or {}
    guarded = [f"(?<![{re.escape(ends)}]){re.escape(word)}" for word, ends in not_after.items()]
    guarded += [f"{re.escape(word)}(?!{alternation(after)})" for word, after in not_before.items()]
    return "(?:" + "|".join([alternation(w for w in words if w not in not_after and w not in not_before), *guarded]) + ")"


def _han_then(reach: int, *word_lists: list[str]) -> str:
    """A pattern of up to ``reach`` Chinese characters, as few as will do, then one word of each list in turn (a noun
    and its verb: 目标为): what a phrase names within a short reach after a date."""
    return rf"[{piece('han')}]{{0,{int(reach)}}}?" + "".join(f"(?:{alternation(words)})" for words in word_lists)


def _number() -> str:
    """A number in digits or numerals: it starts where a run of them starts (searched over a long run, each later
    start fails at once)."""
    numeral = piece("cn_numeral")
    return rf"(?<![{numeral}\d])(?:\d[\d,]*(?:\.\d+)?|[{numeral}]+)"


def _rate_amount(rate: dict[str, Any]) -> re.Pattern[str]:
    """What follows the period of a rate: maybe 每 + a unit and qualifiers, then an amount of money or points
    (每年每公里5000元, 每年最高不超过8000元, 每年每亩500-800元)."""
    number = _number()
    return re.compile(
        rf"{_GAP}(?:每(?P<unit>[{piece('han')}]{{1,{int(rate['unit_chars'])}}}?){_GAP})?(?:(?:{alternation(rate['qualifiers'])}){_GAP})*"
        rf"{number}(?:{_GAP}[-~～至到]{_GAP}{number})?{_GAP}(?:{alternation(rate['amount_units'])})"
    )


def _trend_rate(verbs: list[str], qualifiers: list[str], doublings: list[str]) -> re.Pattern[str]:
    """What follows the period of a rate of change: a trend verb, maybe qualifiers, then its figure (增长约 3.5%,
    提高六个月, 下降一个数量级), or a doubling, its figure in the word (翻一番)."""
    return re.compile(rf"{_GAP}(?:(?:{alternation(verbs)})(?:{_GAP}(?:{alternation(qualifiers)}))*{_GAP}{_number()}"
                      rf"|{alternation(doublings)})")


def _relative_attribute(words: dict[str, Any], breaks: str) -> re.Pattern[str]:
    """What follows a span that names which things are meant: 的 right after it, or after a verb of falling due
    (一年内到期的) or of coming into being (3年内建成的楼, 5年内开始建井开采的区域) but not of a goal (建成的目标)."""
    end = re.escape(words["end"])
    due = rf"(?:{alternation(words['verbs'])})[^{breaks}]{{0,{int(words['reach'])}}}?{end}"
    arising = (
        rf"(?:{alternation(words['arising'])})[^{breaks}]{{0,{int(words['arising_reach'])}}}?{end}"
        rf"(?!{alternation(words['arising_not_before'])})"
    )
    return re.compile(rf"(?:{due}|{arising}|{end})(?![{breaks}])")


def _issue_day_leads(g: dict[str, Any]) -> list[str]:
    """The leads that name the day of issue by the document's issuing (自通知下发之日起至, 从本方案印发之日起到), spelt out."""
    return [f"{o}{d}{v}{g['tail']}{e}" for o in g["openers"] for d in g["documents"] for v in g["verbs"] for e in g["ends"]]


def _counted_rhythms(w: dict[str, Any]) -> dict[str, Any]:
    """The rhythm words and idioms of a count of periods spelt out from their grammar (每3天, 每两年, 每10年; 两天一巡查,
    五年一评估), with the count as the interval where it is more than one; words the data lists itself keep their entry."""
    grammar = w["counted_rhythms"]
    words, intervals = dict(w["recurrence_words"]), dict(w["recurrence_intervals"])
    compounds = w["rhythm_compounds"]
    idioms = dict(compounds["idioms"])
    for count, n in grammar["counts"].items():
        for period, freq in grammar["every"].items():
            word = f"每{count}{period}"
            if word not in words:
                words[word] = freq
                if n > 1:
                    intervals[word] = n
        for period, freq in grammar["idioms"].items():
            idiom = f"{count}{period}一"
            if n > 1 and not count.isascii() and idiom not in idioms:  # 两年一评估; 2年一 would be tried at every digit (2025年一季度)
                idioms[idiom] = {"freq": freq, "interval": n}
    return {"recurrence_words": words, "recurrence_intervals": intervals,
            "rhythm_compounds": {**compounds, "idioms": idioms}}


@cache
def _rules() -> _Rules:
    """Compile every deadline pattern from govplan/data/deadlines.yaml."""
    w = data("deadlines")
    issue = _issue_day_leads(w["issue_day_leads"])
    w = {**w, "end_date_cues": [*w["end_date_cues"], *issue], "from_issue_leads": [*w["from_issue_leads"], *issue],
         **_counted_rhythms(w)}
    year_parts = [*w["year_parts"], *w["year_parts_after_year"], *w["clause_year_parts"], *w["deictic_spans"]]
    month_parts = list(w["month_parts"])
    separators = alternation(w["period_separators"])
    # 2023.07-2024.01 (a 绩效目标申报表's 项目实施期): a dotted year and month start a period only before another
    # such, and end one only after a start (core_b is read nowhere else)
    dotted_range = rf"(?={_GAP}(?:{separators}){_GAP}{piece('modern_year')}\.(?:{_DOTTED_MONTH})(?![\d.]))"
    part_guard = rf"(?<![\d{_CN_DIGIT}十半全每{re.escape(w['year_part_not_after'])}])" + "".join(
        f"(?<!{re.escape(word)})" for word in w["year_part_not_after_words"])
    mid = w["mid_year_after_year"]
    mid_year = (rf"(?<=年){re.escape(mid['word'])}(?=(?:{alternation(mid['before'])}))"
                rf"(?!{alternation(mid['not_before'])})")
    lost = w["lost_unit_dates"]
    core_a = _date_core("a", year_parts, month_parts, part_guard, w["bare_day_before"], mid_year, lost, dotted_range, _CELL_END)
    core_b = _date_core("b", year_parts, month_parts, part_guard, w["bare_day_before"], mid_year, lost)
    not_after = "".join(f"(?<!{re.escape(word)})" for word in w["lead_cue_not_after"])
    leads = [*w["lead_cues"], *w["end_date_cues"]]
    first_periods = rf"{re.escape(w['first_periods']['word'])}{_COUNT}(?:{alternation(w['first_periods']['units'])})"
    point = (
        _starting_with([*year_parts, *leads, *w["suffix_kinds"]])
        + rf"(?:{not_after}(?P<lead>{alternation(leads)}){_GAP})?{_core_ahead(year_parts)}{core_a}"
        rf"(?:{w['weekday_note']})?(?:(?!{first_periods})(?:{w['time_of_day']}|{alternation(w['day_parts'])})?"
        rf"(?P<suf>{alternation(w['suffix_kinds'])}))?"
    )
    # A range writing its unit once, at its end: 4至5月, 1-6月份 (months); 5月10-20日, 8月28-9月6日 (days)
    short_period = _starting_with([], "0123456789" + _COUNT_CHARS + _CN_DIGIT) + (
        rf"(?:(?P<sy>{piece('year')}){_GAP}年{_GAP})?(?<![\d.{_CN_DIGIT}十])(?P<sm1>{_MONTH})"
        rf"(?:{_GAP}月{_GAP}(?P<sd1>{_DAY})(?={separators})|(?={separators}{_GAP}{_MONTH}{_GAP}月))"
        rf"{separators}{_GAP}(?:(?P<sm2>{_MONTH}){_GAP}月(?P<sfen>份)?)?(?:(?P<sd2>{_DAY}){_GAP}[日号])?"
    )
    year_range = (
        _starting_with([]) + rf"(?:(?P<y1>{piece('year')})年?{separators}(?P<y2>{piece('year')})|{piece('glued_years')})"
        # 年 after the last year, or the closing bracket of a plan name's period written without it (方案(2024-2026))
        rf"(?:年(?![度月\d一二三四五六七八九十])|(?P<yb>(?=[{re.escape(w['bracket_dates']['close'])}])))"
    )
    commencement = (
        _starting_with(w["commencement_before"], "")
        + rf"(?P<cb>{alternation(w['commencement_before'])}){core_a}(?P<ca>{alternation([*w['commencement_after'], *w['start_after']])})"
        # 自2020年1月1日起至…止 and 自…开始,至…结束 are periods
        + rf"(?![{re.escape(w['period_start_pauses'])}]?(?:{alternation(w['period_separators'])}))"
    )
    # the hours a period of days opens and closes at (2025年3月1日11时至2025年3月31日24时, dev c1554); hours within one day
    # (6月20日9:00-11:00) leave that day `on`, as c932 reads it
    day_time = rf"(?:(?<=[日号])(?:{w['time_of_day']}))?"
    period = (
        _starting_with([*year_parts, *w["period_start_words"], *w["period_separators"]])
        + rf"{_core_ahead(year_parts)}{core_a}{day_time}"
        rf"(?:(?:{alternation(w['period_start_words'])})[{re.escape(w['period_start_pauses'])}]?)?"
        # a copy's 一 for the dash only right after a day (5月30日一6月4日): 5月一日 is a day, 一季度 a quarter
        rf"(?:{alternation(w['period_separators'])}|(?<=[日号]){alternation(w['period_day_dashes'])}){_GAP}"
        # the end may name its day alone, in the start's month (1月2日至20日)
        rf"(?:(?P<bo>{_DAY}){_GAP}[日号]|{core_b}){day_time}(?:{alternation(w['period_end_words'])})?"
    )
    rhythm = w["rhythm_compounds"]
    listed = rhythm["listed"]
    opening, closing = re.escape(w["bracket_dates"]["open"]), re.escape(w["bracket_dates"]["close"])
    # a quarter only after a yearly rhythm word (每年一季度), each of them a fixed-width lookbehind
    rhythm_glue = rf"(?:的|{alternation(w['rhythm_date_glue'])})?"  # 每年的3月12日, 每月在10日, 每年于3月底前
    yearly_only = "(?:" + "|".join(f"(?<={re.escape(word)})" for word in w["yearly_rhythm_words"]) + ")"
    # a rhythm's period is no number's unit (3月, 十日) and ends no other word (上周, 节日: rhythm_compounds.not_after)
    period_guard = rf"(?<![\d{_CN_DIGIT}十每]){_not_after(rhythm['not_after'], rhythm['not_after_except'])}"
    listed_item = rf"(?P<np>{alternation(listed['periods'])})[{piece('han')}]{{{int(listed['act_chars'])}}}"
    breaks = re.escape(w["clause_breaks"])
    goal_word = _guarded_words(w["bare_year_followers"], not_before=w["bare_year_follower_guards"])
    recurring = _starting_with(
        [*rhythm["periods"], *listed["periods"], *rhythm["idioms"], *rhythm["assessment_periods"], *rhythm["cycle_parts"],
         *w["recurrence_words"], *w["count_periods"], "月"],
        "",
    ) + (
        rf"(?:{period_guard}"
        rf"(?:(?P<cp>{alternation(rhythm['periods'])})"
        rf"(?=(?:{alternation(rhythm['fillers'])})?(?P<ca>{alternation(rhythm['actions'])})(?!{alternation(rhythm['action_nouns'])}))"
        rf"|(?P<vp>{alternation(rhythm['verb_periods'])})(?=(?P<va>{alternation(rhythm['verbs'])}))"
        # a doubled 年年 right after a year's numeral, a blank between, is the year's 年 and a part of it (2026 年年中)
        rf"|(?<![\d{_CN_DIGIT}十{re.escape(rhythm['doubled_not_after'])}])(?<![\d{_CN_DIGIT}]{_BLANK})"
        rf"(?P<dp>{alternation(rhythm['doubled'])})"
        rf"|(?P<ip>{alternation(rhythm['idioms'])})(?={alternation(rhythm['idiom_actions'])})"
        rf"|(?P<ap>{alternation(rhythm['assessment_periods'])})"
        rf"(?=[{piece('han')}]{{0,{int(rhythm['assessment_reach'])}}}?(?P<aa>{alternation(rhythm['assessments'])})"
        rf"|{alternation(rhythm['period_acts'])})"
        rf"|(?P<yc>{alternation(rhythm['cycle_parts'])})(?=[{piece('han')}]{{1,{int(rhythm['cycle_act_chars'])}}}(?:[、，,；;。”’」)）]|$)))"
        rf"|(?P<rw>{alternation(w['recurrence_words'])})(?:(?P<rmp>{alternation(w['months_in_period'])})的?)?"
        rf"(?:(?P<ry>{alternation(w['recurrence_year_parts'])})"
        # 的 may stand between the rhythm word and the date that times it (每年的3月12日, 每年的第一季度, 每月的15日)
        rf"|{yearly_only}的?第?(?P<rq>{_QUARTER})季度(?:末)?"
        rf"|(?:{rhythm_glue}{_GAP}(?P<rm>{_MONTH}){_GAP}月份?)?(?:{rhythm_glue}{_GAP}(?P<rd>{_DAY}){_GAP}[日号]|(?P<rp>{alternation(month_parts)}))?)(?P<rs>{_GAP}前)?"
        rf"|(?<![\d{_CN_DIGIT}十{re.escape(w['bare_month_not_after'])}])月(?P<bp>{alternation(month_parts)})前?"
        rf"|(?<![\d{_CN_DIGIT}十{re.escape(w['count_period_not_after'])}])(?P<kp>{alternation(w['count_periods'])})"
        rf"(?!{alternation(w['count_period_not_before'])})(?=[^{breaks}]{{0,{int(w['count_period_gap'])}}}?{_COUNT}次)"
        # last: a listed routine's period is read only where no other rhythm starts (单位月底前 is 月底前)
        rf"|{period_guard}(?P<lp>{alternation(listed['periods'])})(?=[{piece('han')}]{{{int(listed['act_chars'])}}}))"
    )
    relative = _starting_with([*w["relative_before"], *w["relative_spans"]], "0123456789" + _COUNT_CHARS) + (
        rf"(?P<rb>{_guarded_words(w['relative_before'], not_after=w['relative_before_word_ends'])})?"
        rf"(?:(?:{_COUNT}[-~～至到])?(?P<rn>{piece('decimal_count')}|{_COUNT}){_GAP}"
        rf"(?P<ru>{alternation([*w['relative_units'], *w['relative_subday_units']])})(?P<rh>{w['relative_half']})?"
        rf"|(?P<rs>{alternation(w['relative_spans'])})){_GAP}(?P<ra>{alternation(w['relative_after'])})?"
    )
    names = list(w["named_days_fixed"]) + list(w["named_days_movable"])
    named = _starting_with(names, "") + rf"(?<![{_CN_DIGIT}十])(?P<nd>{alternation(names)})(?P<nc>{alternation(w['named_day_cues'])})"
    week = w["week_days"]
    week_day = _starting_with(list(week["weeks"]), "") + (
        rf"(?<!{alternation(week['not_after'])})(?P<wo>{alternation(list(week['weeks']))})(?:{alternation(week['words'])})"
        rf"(?P<wd>{alternation(list(week['days']))})?(?:{alternation(w['day_parts'])})?"
        rf"(?:(?P<wc>{alternation(list(week['cues']))})(?!{alternation(week['cue_not_before'])}))?"
    )
    event = _starting_with(w["event_days"], "") + (
        rf"(?<![{re.escape(w['event_day_not_after'])}])(?P<ev>{alternation(w['event_days'])})"
        rf"(?:{alternation(w['event_day_between'])})?(?P<ec>{alternation(w['event_day_cues'])})"
        rf"(?!{alternation(w['event_day_not_before'])})"
    )
    plan_period = _starting_with([*leads, *w["plan_periods"], "“", '"'], "") + (
        rf"(?:(?P<pl>{alternation(leads)}){_GAP})?[“\"]?(?P<pp>{alternation(w['plan_periods'])})[”\"]?"
        rf"(?P<pw>{alternation(w['plan_period_parts'])})"
    )
    return _Rules(
        point=re.compile(point),
        period=re.compile(period),
        short_period=re.compile(short_period),
        year_range=re.compile(year_range),
        commencement=re.compile(commencement),
        written_year=re.compile(rf"(?P<y>{piece('year')}|{piece('roc_year')})年"),
        whole_date=re.compile(rf"(?P<y>{piece('year')}|{piece('roc_year')}){_GAP}年{_GAP}(?:{_MONTH}){_GAP}月{_GAP}{_DAY}{_GAP}[日号]"),
        month_date=re.compile(
            rf"(?P<y>{piece('year')}|{piece('roc_year')}){_GAP}年{_GAP}(?:{_MONTH}){_GAP}月(?!{_GAP}份?{_GAP}"
            rf"(?:{alternation(list(w['month_parts']))})?{_GAP}"
            rf"(?:{alternation([s for s, kind in w['suffix_kinds'].items() if kind == 'by'])}))"
        ),
        title_end=re.compile(rf"(?:{piece('document_kind')}|{alternation(w['title_line_ends'])})[)）]?$"),
        title_count=compile_pattern(w["title_line_count"], "govplan/data/deadlines.yaml"),
        listed_document=compile_pattern(w["listed_document"], "govplan/data/deadlines.yaml"),
        cited_title=re.compile(rf"[)）]?{re.escape(w['year_range_title_after'])}{piece('document_kind')}"),
        name_before=re.compile(rf"(?:{piece('document_kind')})[(（]$"),
        punctuation=re.compile(rf"[{piece('clause_end')}{piece('sentence_end')}]"),
        recurring=re.compile(recurring),
        yearly_month=re.compile(rf"(?:{alternation(w['yearly_rhythm_words'])})的?{_GAP}(?:{_MONTH}){_GAP}月"),
        aside=re.compile(rf"[{opening}][^{opening}{closing}]*[{closing}]"),
        gloss_bracket=re.compile(rf"[{opening}]"),
        gloss_between=compile_pattern(w["rhythm_gloss"]["between"], "govplan/data/deadlines.yaml"),
        relative=re.compile(relative),
        named=re.compile(named),
        week_day=re.compile(week_day),
        week_gloss_after=re.compile(rf"[{re.escape(week['gloss_marks'])}]{{0,{_GLOSS_REACH}}}(?:{_MONTH}){_GAP}月{_GAP}{_DAY}{_GAP}[日号]"),
        week_gloss_before=re.compile(rf"[日号][{re.escape(week['gloss_marks'])}]{{0,{_GLOSS_REACH}}}$"),
        event=re.compile(event),
        plan_period=re.compile(plan_period),
        plan_year=re.compile(
            "".join(f"(?<!{re.escape(word)})" for word in w["plan_year_ordinal_not_after"])
            + rf"第(?P<yo>{alternation(list(w['plan_year_ordinals']))})年(?![{re.escape(w['plan_year_ordinal_not_before'])}])"
        ),
        clause_break=re.compile(f"[{breaks}]"),
        listed_before=re.compile(rf"{period_guard}{listed_item}[{re.escape(listed['separators'])}]$"),
        listed_after=re.compile(rf"[{re.escape(listed['separators'])}]{listed_item}"),
        names_work=re.compile(
            rf"[{piece('han')}]{{0,{int(w['year_names_work']['reach'])}}}?"
            rf"(?:(?:{alternation(w['year_names_work']['nouns'])})[{re.escape(w['bare_year_pauses'])}]?"
            rf"(?:{alternation(w['year_names_work']['verbs'])}|$)"
            rf"|(?:{alternation(w['year_names_work']['heading_nouns'])})(?:$|(?=\n)))"
        ),
        goal_in_clause=re.compile(rf"[^{breaks}]{{0,{int(w['bare_year_follower_reach'])}}}?{goal_word}"),
        goal_word=re.compile(goal_word),
        binds_goals=re.compile(_han_then(w["year_binds_goals"]["reach"], w["year_binds_goals"]["nouns"], w["year_binds_goals"]["verbs"])),
        period_reported=re.compile(_han_then(w["period_reported"]["reach"], w["period_reported"]["reports"])),
        dates_on=re.compile(
            rf"{_GAP}(?:(?:{_MONTH}){_GAP}月|第?{_QUARTER}季度|"
            + alternation([*w["suffix_kinds"], *year_parts, *w["period_start_words"], *w["period_separators"],
                           *w["historical_after"], *w["since_after"]["words"], *w["historical_events"],
                           *w["named_year"]["not_before"]])
            + ")"
        ),
        names_document=re.compile(rf"[{piece('han')}]{{0,{int(w['document_name_reach'])}}}?{piece('document_kind')}(?![{piece('han')}])"),
        done_attribute=re.compile(rf"[{piece('han')}]{{1,{int(w['done_attribute']['reach'])}}}?{w['done_attribute']['end']}"),
        verb_first_attribute=re.compile(
            rf"[{piece('han')}]{{1,{int(w['done_attribute']['verb_first_reach'])}}}?{w['done_attribute']['end']}"),
        first_periods=re.compile(first_periods),
        dated_assessment=re.compile(
            rf"{piece('modern_year')}[{piece('space')}]*年(?![{w['dated_assessment']['not_after_year']}])"
            rf"[^\d{re.escape(w['clause_breaks'])}]{{0,{int(w['dated_assessment']['reach'])}}}$"
        ),
        since=re.compile(rf"[{piece('han')}]{{0,{int(w['since_after']['reach'])}}}?{alternation(w['since_after']['words'])}"),
        rhythm_day=re.compile(
            rf"{_GAP}(?:{alternation(w['shared_suffix_coordinators'])}){_GAP}(?P<d>{_DAY}){_GAP}[日号](?:{_GAP}前)?"
        ),
        rhythm_word=re.compile(alternation(w["recurrence_words"])),
        **_cycle_patterns(w),
        shared_suffix=re.compile(
            rf"(?:{_GAP}(?:{alternation(w['shared_suffix_coordinators'])}){_GAP}(?:{piece('year')}{_GAP}年{_GAP})?"
            rf"{_MONTH}{_GAP}月{_GAP}{_DAY}{_GAP}[日号])+(?:{alternation(w['bare_day_before'])})"
        ),
        assessment_after=re.compile(_han_then(rhythm["assessment_reach"], rhythm["assessments"])),
        milestone=re.compile(
            rf"{_GAP}[{re.escape(w['bare_year_pauses'])}]?{_GAP}(?:{alternation(w['forecast_milestones']['verbs'])})"
        ),
        shared_lead=re.compile(
            rf"(?:{alternation(leads)}){_GAP}[\d{_CN_DIGIT}十年月日号底末]{{2,{int(w['shared_lead_reach'])}}}"
            rf"{_GAP}(?:{alternation(w['shared_lead_coordinators'])}){_GAP}$"
        ),
        year_list=re.compile(
            rf"{piece('year')}{_GAP}年(?:{_GAP}(?:{alternation(w['shared_lead_coordinators'])}){_GAP}{piece('year')}{_GAP}年)+"
        ),
        year_list_joint=re.compile(rf"年{_GAP}(?:{alternation(w['shared_lead_coordinators'])})"),
        rhythm_attribute=re.compile(
            rf"[{piece('han')}]{{0,{int(w['recurrence_attribute_reach'])}}}的(?=[{piece('quote_open')}]?[{piece('han')}])"
            rf"(?![\d{_CN_DIGIT}十第]|{alternation(w['recurrence_attribute_not_before'])})"
        ),
        rate_amount=_rate_amount(w["rate_periods"]),
        per_head=re.compile(rf"每[{piece('han')}]{{1,{int(w['rate_periods']['unit_chars'])}}}$"),
        clause_amount=re.compile(rf"{_number()}{_GAP}(?:{alternation(w['rate_periods']['amount_units'])})"),
        trend_rate=_trend_rate(w["trend_verbs"], w["trend_rate_qualifiers"], w["trend_doublings"]),
        service_kind=re.compile(
            rf"(?:{alternation(w['service_kinds']['verbs'])})[{piece('han')}]{{0,{int(w['service_kinds']['reach'])}}}?"
            rf"(?:{alternation(w['service_kinds']['nouns'])})(?![{re.escape(w['service_kinds']['not_before'])}])"
        ),
        score_change=compile_pattern(w["score_change"], "govplan/data/deadlines.yaml"),
        done_words=frozenset(w["done_words"]),
        meeting_lede=re.compile(
            rf"(?:(?:{alternation(w['reported_meetings']['times_of_day'])}){w['reported_meetings']['hour']}"
            rf"[{re.escape(w['reported_meetings']['pauses'])}]?|[{re.escape(w['reported_meetings']['pauses'])}])"
            rf"[^{breaks}]{{0,{int(w['reported_meetings']['reach'])}}}?"
            rf"(?:(?:{alternation(w['reported_meetings']['verbs'])})|(?P<act>{alternation(w['reported_meetings']['acts'])}))"
        ),
        news_dateline=compile_pattern(w["news_datelines"], "govplan/data/deadlines.yaml"),
        date_attribute=re.compile(
            rf"(?:[、和]{_GAP}{_DAY}{_GAP}[日号])*(?:{alternation(w['cutoff_done_words'])})?"
            rf"(?:(?:{alternation(w['date_attribute']['agents'])})[^{breaks}的]{{1,{int(w['date_attribute']['agent_reach'])}}}?)?"
            rf"(?:{alternation(w['date_attribute']['verbs'])}){{1,2}}(?:{alternation(w['date_attribute']['after'])})?"
            rf"[^{breaks}的]{{0,{int(w['date_attribute']['object_reach'])}}}?"
            rf"{re.escape(w['date_attribute']['end'])}"
        ),
        account_heading=scanner(compile_pattern(w["account_headings"], "govplan/data/deadlines.yaml")),
        relative_attribute=_relative_attribute(w["relative_attributes"], breaks),
        words=as_tuples(w),
    )


def find_deadlines(nt: NodeText, ctx: DocContext) -> list[Deadline]:
    """Every deadline expression in the node's own text, in text order, spans global."""
    rules = _rules()
    written_years, finders = _scanners()
    text = nt.text
    reviewed = under_review(nt) or _under_account(nt)
    if ctx.year is None and ctx.named_year is None and not reviewed:
        ctx.named_year = _named_year(text, written_years, ctx, rules)
    if not ctx.report and reviewed:
        ctx = dataclasses.replace(ctx, report=True)  # 一、上半年工作回顾: what was done, and when
    candidates: list[Candidate[Deadline]] = []
    years = [(m.start(), m.group("y")) for m in written_years.finditer(text) if _frames_dates(text, m, rules)]
    for rank, (finder, build) in enumerate(finders):
        for match in finder.finditer(text):
            start, end = match.span()
            column = nt.column_at(start) if nt.cells else None
            if end == start or column in _NO_DEADLINE_COLUMNS:
                continue  # 进展情况: what was done and when, not when it is due
            # a year inside a list of years (2018年、2019年…) is read in the context its first year is
            clause = _clause_context(years, _year_list(text, start, end, rules)[0], ctx, text)
            # a time cell's date is read whatever its cue, as is a year heading a column of the table's work (2024年工作任务):
            # the words around it are asked first
            time_cell = column == "time" or nt.start + start in ctx.year_heads or _due_field(text, start, rules.words)
            if (time_cell and _dated_otherwise(text, start, end, rules)) or (not time_cell and match.groupdict().get("acm")):
                continue  # a year and month joined by a dot (2021.8) is a number but in a time column's cell
            fields = _time_cell(match, clause, rules, build) if time_cell else build(match, text, clause, rules)
            # the builders turn down most matches, so what the words around a date say of it is asked of the rest only
            if fields is None or (not time_cell and _dated_otherwise(text, start, end, rules)):
                continue
            if _past_event_after(text, start, end, rules.words) and not _yet_to_come(fields, clause):
                continue  # 2018年建成投用, 2017年以来: when something happened
            item = Deadline(**evidence(nt, match.start(), match.end()), **fields)
            candidates.append(Candidate(match.start(), match.end(), item, rank))
    items = _without_glosses(text, [c.item for c in non_overlapping(candidates)], nt.start, rules)
    return _anchor_rhythms(text, _listed_rhythm_days(nt, items, rules), nt.start, ctx, rules)


def _listed_rhythm_days(nt: NodeText, items: list[Deadline], rules: _Rules) -> list[Deadline]:
    """The days listed after a rhythm's day share its rhythm (每月在10日、25日前将…月度完成情况表上报, fresh c1181; 每月10日、25日
    审核…): each is the same routine due on its own day, as days listed before one 前 share it (shared_suffix)."""
    result: list[Deadline] = []
    taken = [(item.span.start, item.span.end) for item in items]
    for item in items:
        result.append(item)
        if item.kind != "recurring" or item.recurrence is None or item.recurrence.day is None:
            continue
        pos = item.span.end - nt.start
        while (day := rules.rhythm_day.match(nt.text, pos)) is not None:
            start = day.start("d")
            if any(s < nt.start + day.end() and nt.start + start < e for s, e in taken) or not 1 <= to_int(day["d"]) <= 31:
                break
            recurrence = item.recurrence.model_copy(update={"day": to_int(day["d"])})
            result.append(Deadline(**evidence(nt, start, day.end()), kind="recurring", recurrence=recurrence))
            pos = day.end()
    return result


def _due_field(text: str, start: int, words: dict[str, Any]) -> bool:
    """Whether a date is the value of a field labelled with a time of completion (完成时限: 2025年8月, 时间节点：2025年3月): the
    label alone before its colon, blanks aside, as a time column's header stands over its cells."""
    before = _before_spaces(text, start, 16)
    if not before.endswith((":", "：")):
        return False
    label = before[:-1].rstrip(" \t\u3000")
    found = next((w for w in words["due_field_labels"] if label.endswith(w)), None)
    return found is not None and (len(label) == len(found) or not "\u4e00" <= label[-len(found) - 1] <= "\u9fff")


def _dated_otherwise(text: str, start: int, end: int, rules: _Rules) -> bool:
    """Whether the words around text[start:end] make the date no time to act: stated as past, inside a title, the base of a
    comparison, the time statistics cover or the period a change measures (each a pure test of the text: asked in any order)."""
    return (_stated_past(text, start, end, rules) or _in_title(text, start, rules.words) or _compared_with(text, start, end, rules.words)
            or _index_field(text, start, rules.words) or _on_chrome_line(text, start)
            or _covered_by_statistics(text, start, rules.words) or _measures_change(text, start, end, rules)
            or _names_cited_meeting(text, start, end, rules) or _on_notice_title(text, start, rules)
            or _presents_report(text, start, end, rules))


def _presents_report(text: str, start: int, end: int, rules: _Rules) -> bool:
    """Whether a date stands in the sentence that presents a report (现将1至7月民生工程实施进度通报如下): it dates the period the
    report covers, no time to act."""
    w = rules.words["report_presentations"]
    opened = max((text.rfind(opener, 0, start) for opener in w["openers"]), default=-1)
    if opened < 0:
        return False  # the common case, decided without finding the sentence's bounds
    first, last = _sentence_bounds(text, start, end, w["breaks"])
    if opened < first:
        return False
    rest = "".join(c for c in text[end:last] if c not in w["glue"])
    return rest.endswith(tuple(w["closers"]))


def _on_notice_title(text: str, start: int, rules: _Rules) -> bool:
    """Whether a date stands in the title of a notice (…关于印发2018-2020年…分工的通知; a title wrapped before its kind, 通 知
    alone on the next line): it names the notice by its work, no time to act."""
    w = rules.words["notice_titles"]
    line_start = text.rfind("\n", 0, start) + 1
    opener = text.rfind(w["opener"], line_start, start)
    if opener < 0:
        return False
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    rest = "".join(text[start:line_end].split())
    if rest.endswith(w["follower"]):
        following = text.find("\n", line_end + 1)
        rest += "".join(text[line_end + 1:len(text) if following < 0 else following].split())
    tail = next((kind for kind in w["kinds"] if rest.endswith(w["follower"] + kind)), None)
    return tail is not None and rules.punctuation.search(text, opener, start) is None \
        and rules.punctuation.search(rest) is None


def _names_cited_meeting(text: str, start: int, end: int, rules: _Rules) -> bool:
    """Whether a date without a cue of its own names a meeting the clause cites (根据4月30日省政府二季度工作部署会…, …及8月6日
    全市…动员部署会议精神): a citing word opens the clause before it, the meeting's noun follows it, no verb holding one between."""
    w = rules.words
    cited = w["cited_meetings"]
    written = text[start:end]
    if written.endswith(tuple(w["suffix_kinds"])) or written.startswith(tuple(w["lead_cues"])) or _weakly_cued(text, start, w):
        return False
    _, last = _sentence_bounds(text, start, end, w["clause_breaks"])
    after = text[end:min(last, end + int(cited["noun_reach"]))]
    noun = min((at for at in (after.find(word) for word in cited["nouns"]) if at >= 0), default=-1)
    if noun < 0 or any(verb in after[:noun] for verb in cited["holding_verbs"]):
        return False
    before = _unquoted(text[max(0, start - int(cited["opener_reach"])):start], w["rhythm_compounds"]["quotes"])
    clause = before[max(before.rfind(ch) for ch in w["clause_breaks"]) + 1:]
    return any(word in clause for word in cited["openers"])


def _unquoted(text: str, quotes: dict[str, str]) -> str:
    """The text with what stands inside quotation marks blanked (a campaign's “大干150天,全力实施好五大战役” holds no clause break
    of its sentence)."""
    out, depth = [], 0
    for ch in text:
        if ch in quotes["close"] and depth:
            depth -= 1
        elif ch in quotes["open"]:
            depth += 1
            out.append(ch)
            continue
        out.append(" " if depth else ch)
    return "".join(out)


def _without_glosses(text: str, items: list[Deadline], offset: int, rules: _Rules) -> list[Deadline]:
    """Drops the months a bracket right after a rhythm lists as its instances (每季度末(分别在6月、9月和12月底), 每半年（1 月、7 月）,
    每年两次（6月、12月）): each is the rhythm's own due month, not a deadline of its own. A bracket that names another
    occasion before its date (每月28日(本次报送于5月29日), 每月19日（第一次报送时间9月19日）) or writes a year keeps it."""
    result: list[Deadline] = []
    rhythm: Deadline | None = None
    for item in items:
        if item.kind == "recurring":
            rhythm = item
        elif rhythm is not None and _glosses(text, rhythm.span.end - offset, item.span.start - offset, item.span.end - offset, rules):
            continue
        result.append(item)
    return result


def _glosses(text: str, rhythm_end: int, start: int, end: int, rules: _Rules) -> bool:
    """Whether text[start:end], a date without a year, stands in a bracket opening within reach of a rhythm's end with only
    dates, separators and a gloss word (分别在, 即) between the bracket and it."""
    gloss = rules.words["rhythm_gloss"]
    opening = rules.gloss_bracket.search(text, rhythm_end, min(start, rhythm_end + int(gloss["reach"]) + 1))
    if opening is None or rules.written_year.search(text, start, end):
        return False
    inside = text[opening.end():start]
    inside = inside[len(next((w for w in gloss["openers"] if inside.startswith(w)), "")):]
    return rules.gloss_between.fullmatch(inside) is not None


def _under_account(nt: NodeText) -> bool:
    """Whether a heading over the node, itself included, names an account of what was done (一、2023年工作总结,
    二、主要做法和工作成效): its dates say when something was done, as under the mood's review headings."""
    return any(node.title and _accounts(node.title) for node in nt.path or [nt.node])


@text_memo(maxsize=1 << 12)
def _accounts(title: str) -> bool:
    """Whether a heading names an account of what was done; remembered, as every node under it asks again."""
    return _rules().account_heading.search(title) is not None


Build = Callable[[re.Match[str], str, Any, _Rules], "dict[str, Any] | None"]


@cache
def _scanners() -> tuple[Scanner, tuple[tuple[Scanner, Build], ...]]:
    """The written years' scanner, and each kind of deadline's with its builder, in rank order
    (earlier kinds win a tie between overlapping candidates)."""
    rules = _rules()
    kinds: tuple[tuple[re.Pattern[str], Build], ...] = (
        (rules.commencement, _commencement),
        (rules.period, _period),
        (rules.short_period, _short_period),
        (rules.year_range, _year_range),
        (rules.recurring, _recurring),
        (rules.named, _named),
        (rules.week_day, _week_day),
        (rules.event, _event),
        (rules.plan_period, _plan_period),
        (rules.plan_year, _plan_year),
        (rules.point, _point),
        (rules.relative, _relative),
    )
    return scanner(rules.written_year), tuple((scanner(pattern), build) for pattern, build in kinds)


@dataclass(frozen=True)
class _Clause:
    """What a date expression is read against: the document's context and the year its sentence
    names, if any (2024年，…9月底前 → 2024), which year-less dates take before the document's."""

    doc: DocContext
    year: int | None
    year_from: str | None
    named: bool = False  # the year is the one an undated document named in an earlier node

    def __getattr__(self, name: str) -> Any:
        return getattr(self.doc, name)


def _clause_context(years: list[tuple[int, str]], start: int, ctx: DocContext, text: str) -> _Clause:
    """The year written last before ``start`` in the node's text frames year-less dates after it
    (2024年，…9月底前; a stage heading （2021年10月）。10月15日前…), unless it lies before the
    document's own year (截至2022年底已…。9月底前… in 2023 speaks of the past); otherwise they take
    the document's year (from its date of issue, plan title or an assumed date), and in a document
    with none, the year its text named for its work in an earlier node (``DocContext.named_year``). A
    year frames nothing past its paragraph (…2025年年底前…普及率达到95%。 / 年底前,实现…全覆盖: the next
    paragraph's 年底前 is the document's year, c221)."""
    k = bisect.bisect_left(years, (start, "")) - 1
    if k >= 0 and "\n" not in text[years[k][0]:start]:
        year = _written_year(years[k][1], ctx)
        if year is not None and (ctx.year is None or ctx.year <= year <= ctx.year + _YEAR_SPAN):
            return _Clause(ctx, year, "clause")
    if ctx.year is None and ctx.named_year is not None:
        return _Clause(ctx, ctx.named_year, ctx.named_from, named=True)
    return _Clause(ctx, ctx.year, ctx.year_from)


def read_named_year(nodes: list[NodeText], ctx: DocContext) -> None:
    """Set ``ctx.named_year`` of a document with no year of its own (no date of issue, no plan year in its title) from
    its first heading that names the work planned for a year (三、2024年主要工作安排, 二、2026年工作打算): the year is the
    document's, so it dates the year-less deadlines of every node, before the heading as well as after (今年…预期目标是
    above 三、2024年主要工作安排, c303), and it outranks a year a sentence or a report's heading names earlier (一、2025年工作
    开展情况及成效 before 二、2026年工作打算). Without such a heading, the year a node's text first names frames the nodes
    from that one on (``find_deadlines``). A node under a heading naming an account of what was done (一、2023年工作回顾)
    names no year of the document's. A text naming none takes the year of its first whole date, else the year of its
    document number (彭水府办发〔2008〕43号: a notice is numbered in the year it is issued)."""
    if ctx.year is not None or ctx.named_year is not None:
        return
    rules = _rules()
    planned = [nt for nt in nodes if not (under_review(nt) or _under_account(nt))]
    for nt in planned:
        year = _heading_year(nt, rules, ctx)
        if year is not None:
            ctx.named_year = year
            return
    written_years = _scanners()[0]
    if any(_named_year(nt.text, written_years, ctx, rules) for nt in planned):
        return  # the year a node's text names frames the nodes from that one on (find_deadlines)
    ctx.named_year = _dated_year(planned, ctx, rules)
    if ctx.named_year is None and ctx.number_year is not None:
        ctx.named_year, ctx.named_from = ctx.number_year, "number"  # 彭水府办发〔2008〕43号: issued in 2008


def _field_value(text: str, start: int, words: dict[str, Any]) -> bool:
    """Whether a date is the value of a page's date field (今天是:2025年12月06日, 发布时间: …): the page's day, not the work's."""
    label = text[:start].rstrip().rstrip(":：").rstrip()
    return len(label) < len(text[:start].rstrip()) and label.endswith((*words["index_date_keys"], *words["page_day_labels"]))


def _adopts_instrument(text: str, end: int, rules: _Rules) -> bool:
    """Whether the clause a date opens says when a law or a document was adopted or issued (2016年11月7日第十二届全国人民代表大会
    常务委员会第二十四次会议通过, …印发, …起施行): the instrument's day, which may lie years before the work."""
    stop = rules.clause_break.search(text, end)
    return any(word in text[end:stop.start() if stop else len(text)] for word in rules.words["instrument_adoptions"])


def _dated_year(nodes: list[NodeText], ctx: DocContext, rules: _Rules) -> int | None:
    """The year of the first whole date (year, month and day) an undated text states for its work, where no heading and no
    sentence names a year for it (2018 年 8 月 19 日是我国首个“中国医师节” over an 活动方案's 8 月 15 日-19 日, fresh c1065;
    依據…111 年 3 月 16 日…函辦理 over 3 月 23 日至 27 日, c1028; 2011年4月20日前项目整体完工 over 4月20日前, c924): not a past fact
    (设立于…, …以来), a date inside a cited title, a field's value after its label (今天是:2025年12月06日, a portal's
    header over c335; 发布时间: …) nor the day an instrument was adopted (…会议通过, …起施行). Where the text writes no whole
    date, the first year and month it states for its work does the same (时间:2009年3月-12月 over 4月份, 6月底, fresh c1697),
    but not a goal's (2022年6月底前完成, 到2022年6月: the year a goal is due by, which dates nothing else, docs/gold-format.md)."""
    return next((year for pattern in (rules.whole_date, rules.month_date)
                 if (year := _first_dated_year(nodes, pattern, ctx, rules)) is not None), None)


def _first_dated_year(nodes: list[NodeText], pattern: re.Pattern[str], ctx: DocContext, rules: _Rules) -> int | None:
    """The year of the first date ``pattern`` finds that an undated text states for its work (see ``_dated_year``)."""
    goal_leads = (*rules.words["lead_cues"], *rules.words["end_date_cues"], *rules.words["goal_lead_cues"])
    for nt in nodes:
        for m in pattern.finditer(nt.text):
            if pattern is rules.month_date and nt.text[:m.start()].rstrip().endswith(goal_leads):
                continue  # 到2022年6月, 力争2022年6月: a goal's month
            if _is_historical(nt.text, m.start(), m.end(), rules) or _in_title(nt.text, m.start(), rules.words) \
                    or _field_value(nt.text, m.start(), rules.words) or _adopts_instrument(nt.text, m.end(), rules):
                continue
            year = _written_year(m.group("y"), ctx)
            if year is not None and 1900 <= year <= 2100:
                return year
    return None


def _heading_year(nt: NodeText, rules: _Rules, ctx: DocContext) -> int | None:
    """The year opening a heading that names the work planned for it (三、2024年主要工作安排, 二、2026年工作打算,
    ■ 2025年经济社会发展的主要预期目标): the heading ends in one of ``named_year.heading_ends`` within ``heading_reach``
    characters after the year, though its last word may also be a kind of document (安排, 要点, 计划). Not a heading that
    reports on the year (三、2024年度执行进展, 2024年重大事件, 2025年工作开展情况及成效), nor a sentence."""
    words = rules.words["named_year"]
    title = (nt.node.title or "").strip().rstrip(rules.words["named_year"]["heading_closers"])
    m = rules.written_year.match(title)
    if m is None:
        return None
    name = title[m.end():]
    if len(name) > words["heading_reach"] or not name.endswith(tuple(words["heading_ends"])):
        return None
    if (any(ch in name for ch in rules.words["sentence_breaks"] + rules.words["clause_openers"] if not ch.isspace())
            or ((p := rules.point.match(title)) is not None and p.end() > m.end()) or rules.goal_in_clause.match(title, m.end())):
        return None  # a sentence, a date point (2024年6月底前完成…) or a goal year (2024年全面完成…)
    year = _written_year(m.group("y"), ctx)
    return year if year is not None and 1900 <= year <= 2100 else None


def _named_year(text: str, written_years: Scanner, ctx: DocContext, rules: _Rules) -> int | None:
    """The first year the node's text names for the document's own work (结合2021年市政府重点工作,
    落实2020年发展主要目标, 2016年计划出列的…; 公布了2012年十大实事的任务分解表: the list issued, not a document to write): a year
    standing as a name, not a date point (到2025年, 2025年底前, 2024年3月, 2023年起, the end of 2023-2025年), the past (2003年以来)
    or a cited title."""
    words = rules.words
    before = tuple([*words["lead_cues"], *words["end_date_cues"], *words["goal_lead_cues"],
                    *words["period_separators"], *words["named_year"]["not_after"]])
    issued = tuple(words["named_year"]["issued_openers"])
    for m in written_years.finditer(text):
        names_issued = text.endswith(issued, 0, m.start()) and not _is_historical(text, m.start(), m.end(), rules)
        if (not (names_issued or _frames_dates(text, m, rules)) or _in_title(text, m.start(), words)
                or text.endswith(before, 0, m.start()) or _weakly_cued(text, m.start(), words) or rules.dates_on.match(text, m.end())):
            continue
        year = _written_year(m.group("y"), ctx)
        if year is not None and 1900 <= year <= 2100:
            return year
    return None


def _time_cell(m: re.Match[str], ctx: Any, rules: _Rules, build: Build) -> dict[str, Any] | None:
    """A date in a 完成时限 / 时间节点 column is the row's due date whatever cue it lacks: the column
    says what it is (2023年6月, 6月30日, 长期坚持 has none); any other kind is read by its own ``build``
    (a range writing its unit once, 4至5月, as well: no kind of deadline is missing from the column)."""
    if m.re is rules.point:
        g = _groups(m)
        when = _resolve(g, "a", ctx, rules.words)
        if when is None:
            return None
        kind = rules.words["suffix_kinds"].get(g["suf"] or "", "by")
        return {"kind": kind, "due": when.due, "unresolved": when.unresolved, **_year_source(g, "a", ctx)}
    return build(m, m.string, ctx, rules)


def _frames_dates(text: str, m: re.Match[str], rules: _Rules) -> bool:
    """Whether a written year can be the year of the year-less dates after it: not one that names
    the past (2003年以来…。…于7月15日前 is not 2003's July), nor one opening the name of a document
    (完成2009年环保专项行动工作总结报告,于10月30日前…: the report's year, not the deadline's)."""
    return not (_is_historical(text, m.start(), m.end(), rules) or rules.names_document.match(text, m.end()))


def _narrates_past(text: str, start: int, end: int, rules: _Rules) -> bool:
    """Whether the sentence holding a date states a completed action (开展了, 已经…审议通过): an
    uncued date there says when something happened, not when it is due. 认领了之后 is the time of
    a condition, no narrative; nor is 已下达的任务, a done word inside a phrase that describes a noun."""
    return _sentence_narrates_past(text, *_sentence_bounds(text, start, end, rules.words["sentence_breaks"]))


@text_memo(maxsize=1 << 12)
def _sentence_narrates_past(text: str, first: int, last: int) -> bool:
    """Whether text[first:last], a sentence, holds a done word that narrates (memoised: the dates of
    one sentence ask about it in turn)."""
    rules = _rules()
    words = rules.words
    done = words_among_within(text, first, last, rules.done_words)
    return not all(text.startswith(words["done_not_before"], pos + len(token)) or _done_attribute(text, pos, token, rules)
                   for pos, token in done)


def _done_attribute(text: str, pos: int, token: str, rules: _Rules) -> bool:
    """Whether the done word ``token`` at ``pos`` opens a phrase describing a noun (已下达的任务, 已开展支付资格管理的地区):
    it says which things are meant, no narrative. One standing before its verb reaches further than 了, after which comes the
    verb's object (明确了年内完成…的任务分工 narrates)."""
    verb_first = token in rules.words["done_attribute"]["verb_first"]
    attribute = rules.verb_first_attribute if verb_first else rules.done_attribute
    return attribute.match(text, pos + len(token)) is not None


def _is_historical(text: str, start: int, end: int, rules: _Rules) -> bool:
    """True for dates that state a past fact: 设立于1987年12月, 2017年换届以来, 2018年建成投用, 2019年3月起任…局长 (but
    not 2024年6月底前建成投用 or 力争2025年建成投用: a due date before the same event)."""
    return _stated_past(text, start, end, rules) or _past_event_after(text, start, end, rules.words)


def _stated_past(text: str, start: int, end: int, rules: _Rules) -> bool:
    """Whether the words before a date state it as past (设立于1987年12月, 去年年底), 以来 looks back to it (今年以来,
    今年入夏以来) or a career's line follows it (2019年3月起任…局长): a fact whatever the date."""
    words = rules.words
    if text[max(0, start - 6):start].endswith(words["historical_before"]) or rules.since.match(text, end):
        return True
    career = words["career_after"]
    held = text[end:end + 24]
    if held[:1] and held[0] in career["through"]:
        held = held[1:].lstrip(career["dates"])  # 2016年9月至2019年3月任…: the period's start as well
    held = held.removeprefix(career["skip"])
    return held.startswith(tuple(career["words"])) and not held.startswith(tuple(career["not"]))


def _past_event_after(text: str, start: int, end: int, words: dict[str, Any]) -> bool:
    """Whether an event or a count so far follows a date not written as due (2018年建成投用, 2023年累计…, 1月至今):
    the date says when it happened, unless it is still to come (``_yet_to_come``)."""
    after = text[end:end + 6]
    if after.startswith(words["historical_after"]):
        return True
    return after.startswith(words["historical_events"]) and not _written_as_due(text[start:end], text[max(0, start - 6):start], words)


def _yet_to_come(fields: dict[str, Any], ctx: DocContext) -> bool:
    """Whether a deadline falls after the date of a document that plans (2019年创建…达标村104个 in a plan of May 2019,
    2024年-2025年累计完成… in one of December 2024): an event after it is still to happen, not a past fact."""
    due = fields.get("due")
    return not ctx.report and ctx.doc_date is not None and due is not None and due > ctx.doc_date


def _line_around(text: str, start: int, end: int | None = None) -> str:
    """The line holding text[start:end] (or the position ``start``), without its line break."""
    line_end = text.find("\n", start if end is None else end)
    return text[text.rfind("\n", 0, start) + 1:line_end if line_end >= 0 else len(text)]


def _on_chrome_line(text: str, start: int) -> bool:
    """Whether a date stands on a line of portal chrome (来源:大连日报  时间:2018-12-05, 浏览次数…), which a preamble keeps:
    the page's, no deadline of the work."""
    return is_chrome(_line_around(text, start).strip())


def _index_field(text: str, start: int, words: dict[str, Any]) -> bool:
    """Whether a date is the value of a page's index field (发布日期:2018年03月27, 生效日期:…, a pipe row's 发布日期: | 2023-08-28)
    or stands in the title an index field gives (名称: | 2023年区民政局重点工作任务一清单): metadata, no deadline."""
    line = text[text.rfind("\n", 0, start) + 1:start]
    colon = max(line.rfind(":"), line.rfind("："))
    if colon < 0:
        return False
    value = line[colon + 1:].lstrip(words["cell_marks"])
    key = line[:colon].rstrip(words["cell_marks"])
    if not value and key.endswith(tuple(words["index_date_keys"])):
        return True
    return "|" not in value and key.endswith(_index_title_keys())


@cache
def _index_title_keys() -> tuple[str, ...]:
    """The labels of an index field that gives the document's title (metadata.yaml index_keys: 标题, 名称, 文件名称)."""
    return tuple(data("metadata")["index_keys"]["title"])


def _compared_with(text: str, start: int, end: int, words: dict[str, Any]) -> bool:
    """True for a date a figure is compared with or counted from (较2020年底提高5个百分点, 增速比一季度加快, 以1月1日为基准日):
    the base, not a time to act."""
    base = words["comparison_bases"]
    if text.startswith(tuple(base["after"]), end):
        return True
    word = next((w for w in base["words"] if text.endswith(w, 0, start)), None)
    return word is not None and not text.endswith(tuple(base["not_after"]), 0, start - len(word))


def _covered_by_statistics(text: str, start: int, words: dict[str, Any]) -> bool:
    """True for a time after a label saying which time statistics cover (统计时限自2012年1月1日至…, its end as well as
    its start): no time to act."""
    covered = words["period_covered_labels"]
    before = text[max(0, start - int(covered["reach"])):start].rstrip(covered["between"] + covered["dates"])
    return before.endswith(tuple(covered["labels"]))


def _measures_change(text: str, start: int, end: int, rules: _Rules) -> bool:
    """True for a time a year-over-year change after it in its sentence measures (8月份，…同比增长5.1%): the period a
    statistic covers, unless a goal cue opens the time (到2023年底), a goal word stands in the sentence before the change or a bound
    in its clause (同比增长18%以上)."""
    change = rules.words["reported_changes"]
    if text.startswith(tuple(change["goal_leads"]), start):
        return False  # 到2023年底,…同比下降…: the year a goal is set for
    first, last = _sentence_bounds(text, start, end, rules.words["sentence_breaks"])
    at = text.find(change["word"], end, last)
    if at < 0 or any(goal in text[first:at] for goal in change["goals"]):
        return False
    clause_end = rules.clause_break.search(text, at, last)
    return not any(bound in text[at:clause_end.start() if clause_end else last] for bound in change["bounds"])


def _written_as_due(date: str, before: str, words: dict[str, Any]) -> bool:
    """Whether a date phrase is written as a due date: it ends with a by-suffix (底前) or a goal or forecast cue opens it
    (力争, 预计: a project's schedule)."""
    by_suffixes = tuple(suffix for suffix, kind in words["suffix_kinds"].items() if kind == "by")
    cues = (*words["goal_lead_cues"], *words["forecast_milestones"]["cues"])
    return date.endswith(by_suffixes) or before.rstrip(" \t\u3000").endswith(cues)


def _in_title(text: str, start: int, words: dict[str, Any]) -> bool:
    """True inside an open pair of title marks (《工作日报》): the words name a document."""
    return inside_marks(text, start, start, words["title_marks"])


def _in_condition(text: str, end: int, rules: _Rules) -> bool:
    """True where the clause running on from ``end`` closes with 的 before a break
    (年内2次督导结果为“红色”的,…): a nominalised condition, not an instruction."""
    reach = end + int(rules.words["condition_reach"])
    stop = rules.clause_break.search(text, end, reach)
    if stop is not None and stop.start() > end and text[stop.start() - 1] == rules.words["condition_end"]:
        return True
    clause = text[end:stop.start() if stop else reach]
    case_end = clause.find(rules.words["condition_end"])
    return case_end >= 0 and any(word in clause[case_end:] for word in rules.words["condition_consequences"])


def _held_as_needed(text: str, end: int, rules: _Rules) -> bool:
    """Whether the clause after an assessment's period says it is held when needed (…例会由领导小组视情形召开)."""
    reach = end + int(rules.words["condition_reach"])
    stop = rules.clause_break.search(text, end, reach)
    clause = text[end:stop.start() if stop else reach]
    return any(word in clause for word in rules.words["rhythm_compounds"]["assessment_occasions"])


def _in_score_case(text: str, end: int, rules: _Rules) -> bool:
    """True where the clause running on from ``end`` is the case a scoring rule rewards or sanctions
    (在10月30日之前凡按时完成任务的得满分; 在3月20日前将…张贴到位的,记2分): a condition, however cued."""
    reach = end + int(rules.words["condition_reach"])
    stop = rules.clause_break.search(text, end, reach)
    case_end = text.rfind(rules.words["condition_end"], end, stop.start() if stop else reach)
    if case_end < 0:
        return False
    after = text[case_end + 1:reach].lstrip(rules.words["clause_breaks"] + " ")
    return bool(rules.score_change.match(after))


def _counts_at_year_end(text: str, end: int, rules: _Rules) -> bool:
    """Whether an uncued year's end names when a stock was counted (年末常住人口94.9万人, 2022年末，全县现有医疗机构
    728家): a stock noun near the start of the clause after it, a figure in that clause and no word of a goal there
    (2025年末常住人口达到100万人 is due; 年底现有问题全部整改到位 counts nothing)."""
    counts = rules.words["year_end_counts"]
    start = end + 1 if text.startswith(tuple(rules.words["bare_year_pauses"]), end) else end
    stop = rules.clause_break.search(text, start)
    clause = text[start:stop.start() if stop else len(text)]
    return (any(noun in clause[:int(counts["reach"])] for noun in counts["nouns"]) and any(c.isdecimal() for c in clause)
            and not any(word in clause for word in counts["goal_words"]))


def _in_forecast(text: str, start: int, end: int, rules: _Rules) -> bool:
    """True in a sentence that forecasts (据测算,…到2020年将有可能达到…): an estimate, not a deadline."""
    first, last = _sentence_bounds(text, start, end, rules.words["sentence_breaks"])
    return _forecasts(text, first, last, rules)


@text_memo(maxsize=1 << 12)
def _forecasts(text: str, first: int, last: int, rules: _Rules) -> bool:
    """Whether the sentence text[first:last] holds a forecast word, judged once per sentence (a line of many
    dates would otherwise search its whole sentence again for each)."""
    sentence = text[first:last]
    return any(word in sentence for word in rules.words["forecast_words"])


def _sentence_bounds(text: str, start: int, end: int, breaks: str) -> tuple[int, int]:
    """Where the sentence holding text[start:end] starts (after the last break before ``start``) and
    ends (at the first break from ``end``)."""
    positions = _break_positions(text, breaks)
    before, after = bisect.bisect_left(positions, start), bisect.bisect_left(positions, end)
    return positions[before - 1] + 1 if before else 0, positions[after] if after < len(positions) else len(text)


@text_memo(maxsize=1 << 12)
def _break_positions(text: str, breaks: str) -> list[int]:
    """Where the text's breaks stand, in order (every date of a node asks for its sentence)."""
    return [found.start() for found in any_of(breaks).finditer(text)]


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
    if raw in _DEICTIC_YEARS:
        own = _own_year(ctx)
        return (None, None) if own is None else (own + (raw == "明"), None)
    if raw in data("deadlines")["following_years"]:
        return (None, None) if ctx.year is None else (ctx.year + 1, None)
    year = _written_year(raw, ctx)
    return year, year


def _own_year(ctx: DocContext) -> int | None:
    """The document's own year, which 今年/明年 count from: never the year a clause names (2025年年底前
    …；今年年底前 is this year's end, not 2025's)."""
    doc = ctx.doc if isinstance(ctx, _Clause) else ctx
    return doc.year if doc.year is not None else doc.named_year


def _written_year(raw: str, ctx: DocContext) -> int | None:
    """A year as written: four digits (2024, 二〇二四), or a Republic-of-China year (112) in a
    document that counts years so (a Taiwan source)."""
    try:
        year = to_int(raw.lstrip("中华民国").strip())
    except NumeralError:
        return None
    if year < 1000:
        return year + _ROC_OFFSET if ctx.roc_years else None
    return year


def _year_of_month(year: int, month: int, ctx: DocContext, looks_back: bool = False) -> int:
    """The year of a month a deadline's cue names without a year, where the year is the date's of issue. One before the
    month of issue is the next year's (于1月底前 in a notice of November: c217; 9月底前 in a decision of December), unless
    it is at most _LATE_MONTHS before it: a step the notice was issued late for or restates (10月底前 in a notice of
    22 November, c638; 1月20日前 in one of March, c907). After an as-of cue (``looks_back``) the nearer reading holds
    (截至6月底 in a notice of August is this June's end)."""
    issued = ctx.doc_date
    if issued is not None and ctx.year_from in _DATED_YEARS and year == issued.year and month < issued.month:
        behind = issued.month - month
        return year if behind <= (_HALF_YEAR_MONTHS if looks_back else _LATE_MONTHS) else year + 1
    return year


def settle_schedule_years(found: list[list[Deadline]], ctx: DocContext) -> None:
    """A month the date of issue put in the next year (one before the month of issue, _year_of_month) is this year's where
    the next year-less month the text dates from the issue is later in the year and stays in it, and the move put it more
    than half a year ahead: a schedule is written in the order it runs (4月底前… 8月底前… 11月底前 in a plan posted in July,
    dev c911), so the earlier month is a milestone the plan set before it was posted; 于1月底前报… 12月底前完成… in a notice
    of November (c217) is next January, soon after the issue. Lists are changed in place (a target's index into its node's
    deadlines holds)."""
    issued = ctx.doc_date
    if issued is None:
        return
    places = [(ds, k) for ds in found for k, d in enumerate(ds)
              if d.year_from == "issue_date" and d.due is not None and d.start is None]  # a period keeps its reading
    later: dt.date | None = None  # the settled due date of the next such deadline in the text
    for ds, k in reversed(places):
        due = ds[k].due
        assert due is not None
        ahead = (due.year - issued.year) * 12 + due.month - issued.month  # months after the month of issue
        moved = due.year == issued.year + 1 and due.month < issued.month and ahead > _HALF_YEAR_MONTHS
        if moved and later is not None and later.year == issued.year and later.month > due.month:
            due = _in_year(due, issued.year)
            ds[k] = ds[k].replaced(due=due)
        later = due


def _in_year(date: dt.date, year: int) -> dt.date:
    """The same month and day in ``year`` (29 February kept only where that year has it)."""
    return dt.date(year, date.month, min(date.day, calendar.monthrange(year, date.month)[1]))


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _resolve(g: dict[str, str | None], tag: str, ctx: DocContext, words: dict[str, Any], stage: bool = False) -> _When | None:
    """The date span a core (year/month/day/part) denotes, or None when it is not a date at all. A ``stage``'s time (the
    whole content of the brackets after a stage's heading: 动员部署阶段（4月底前）) keeps the year of the plan, past or
    not: a notice published after its first stage still schedules it (c512, c626, c627)."""
    if g.get(f"{tag}xm"):
        issued = ctx.doc_date
        if issued is None:
            return _When(None, None, None, words["reasons"]["no_year"])
        counted = issued.year * 12 + issued.month - 1 + int(words["deictic_months"][g[f"{tag}xm"]])
        g = {**g, f"{tag}y": str(counted // 12), f"{tag}m": str(counted % 12 + 1)}  # 下月 in December: next January
    try:
        year, written = _year_of(g[f"{tag}y"], ctx)
        month, day = _month_day(g, tag, words)
        ahead = words["deictic_spans"].get(g[f"{tag}yp"] or "")
        if ahead is not None:  # 今明两年: by the end of the year after the document's own
            own = _own_year(ctx)
            year = None if own is None else own + int(ahead)
    except (NumeralError, ValueError):
        return None
    if month is None:
        return None
    if written is None and g[f"{tag}y"] and g[f"{tag}y"] not in (*_DEICTIC_YEARS, *words["following_years"]):
        return None  # a year not read as one (a ROC year outside a Taiwan source)
    if written is not None and not 1900 <= written <= 2100:
        return None
    if year is None:
        return _When(None, None, None, words["reasons"]["no_year"])
    if g[f"{tag}m"] and not g[f"{tag}y"] and (g.get("lead") or g.get("suf")) and not stage:
        year = _year_of_month(year, month, ctx, looks_back=g.get("lead") in words["as_of_cues"])
    try:
        start_day = day if g[f"{tag}d"] else 1
        if g[f"{tag}m"] and g[f"{tag}mp"] and not g[f"{tag}d"]:
            # 10月底-12月底 starts at the part it names: the end, the 11th (中旬), the 21st (下旬)…
            part = words["month_parts"][g[f"{tag}mp"]]["part"]
            start = _month_end(year, month) if part == "end" else dt.date(year, month, _PART_START[part])
        elif g[f"{tag}m"]:
            start = _day_of_month(year, month, start_day)
        elif g[f"{tag}q"]:
            start = dt.date(year, month - 2, 1)  # 第二季度 starts in April
        elif g[f"{tag}y"] and not g[f"{tag}yp"]:
            start = dt.date(year, 1, 1)  # 2024年起: from the year's first day
        else:
            start = None
        due = _month_end(year, month) if day is None else _day_of_month(year, month, day)
    except ValueError:
        return _When(None, None, written, words["reasons"]["invalid"])
    return _When(due, start, written, None)


def _day_of_month(year: int, month: int, day: int) -> dt.date:
    """The date of a day a notice writes in a month, a day past the month's last (9月31日前, 6月31日, 2月30日: a slip notices
    make for the month's end, dev c1103 and c1314) read as that last day; ValueError for no day of any month."""
    if not 1 <= day <= 31:
        raise ValueError(f"no day {day}")
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


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
        return _QUARTER_MONTHS * to_int(g[f"{tag}q"] or ""), None
    part_name = g[f"{tag}yp"]
    if part_name == words["mid_year_after_year"]["word"]:
        return int(words["mid_year_after_year"]["month"]), None
    if part_name:
        table = words["year_parts_after_year"] if g[f"{tag}y"] else {
            **words["year_parts"], **words["clause_year_parts"], **{span: 12 for span in words["deictic_spans"]}}
        return (int(table[part_name]), None) if part_name in table else (None, None)
    return (12, None) if g[f"{tag}y"] else (None, None)


def _point(m: re.Match[str], text: str, ctx: DocContext, rules: _Rules) -> dict[str, Any] | None:
    """A single date with its cue: 2022年6月底前, 到2026年底, 4月3日前, 第二季度, 年内."""
    g = _groups(m)
    words = rules.words
    # the date first: a year's part that needs its year (内, 底, 末 of 2025年内) denotes none alone, whatever its cues
    when = _resolve(g, "a", ctx, words, stage=_bracketed(text, m, words))
    if when is None or not _point_is_deadline(m, g, text, ctx, rules):
        return None
    reposted = _posted_later(ctx) and _strongly_cued(m, g, text, rules)
    if ((_before_document(when.explicit_year, ctx) and not reposted)
            or _over_when_posted(m, g, text, when, ctx, rules)
            or _as_of(g["lead"], when, text, m.end(), ctx, words) or _reports_meeting(m, g, text, when, ctx, rules)
            or _dates_news(m, g, text, rules)):
        return None
    if text.startswith((*words["period_start_words"], *words["comes_into_force"]), m.end()) and not g["suf"]:
        # 从2024年第二季度开始, 2025年正式实施: when something starts (a rhythm's first period, a measure), not a due date
        return {"kind": "on", "due": when.start or when.due, "unresolved": when.unresolved, **_year_source(g, "a", ctx)}
    if g["am"] and not g["ay"] and not g["axm"] and _follows_yearly_month(text, m.start(), rules):
        return _carried_rhythm(g, words)
    if g["suf"]:
        kind = words["suffix_kinds"][g["suf"]]
    else:
        kind = "on" if g["ad"] and not g["lead"] and not _shares_suffix(m, g, text, rules) else "by"
    issued = ctx.doc_date
    if kind == "by" and not g["suf"] and g["amp"] and words["month_parts"][g["amp"]].get("through") and when.start:
        # 10月中下旬举行: the two parts' days, from the first's first day (docs/gold-format.md, 中下旬)
        return {"kind": "period", "start": when.start, "due": when.due, **_year_source(g, "a", ctx)}
    if g["lead"] in words["from_issue_leads"] and issued is not None and when.due is not None and when.due >= issued:
        # 即日起至2月8日: a period from the date of issue (docs/gold-format.md, corpus27b), unless it ends before it
        return {"kind": "period", "start": issued, "due": when.due, **_year_source(g, "a", ctx)}
    return {"kind": kind, "due": when.due, "unresolved": when.unresolved, **_year_source(g, "a", ctx)}


def _follows_yearly_month(text: str, start: int, rules: _Rules) -> bool:
    """Whether a month written without a year follows, in its sentence, a yearly rhythm with a month (分别于每年4月和10月报送;
    于每年7月底前开展中期考核，12月20日前开展年度考核) with no year written between outside an aside in brackets (a year in
    每年6月底前…（2024年中期考核为8月底前） frames its bracket only): each year's other due month of the same routine, not a
    date in the document's year."""
    first, _ = _sentence_bounds(text, start, start, rules.words["sentence_breaks"])
    rhythms = list(rules.yearly_month.finditer(text, first, start))
    return bool(rhythms) and rules.written_year.search(rules.aside.sub("", text[rhythms[-1].end():start])) is None


def _carried_rhythm(g: dict[str, str | None], words: dict[str, Any]) -> dict[str, Any]:
    """The yearly rhythm a month after a yearly rhythm's month denotes: its month, and its day or month part."""
    part = words["month_parts"][g["amp"]]["part"] if g["amp"] else None
    recurrence = Recurrence(freq="yearly", month=to_int(g["am"] or ""), day=to_int(g["ad"]) if g["ad"] else None, part=part)
    return {"kind": "recurring", "recurrence": recurrence}


def _over_when_posted(m: re.Match[str], g: dict[str, str | None], text: str, when: _When, ctx: DocContext, rules: _Rules) -> bool:
    """A date written without a year or a cue of its own that is over by the day a page was posted (3月29日，国务院
    印发… on a page of 31 March; 上半年增长8.6% on one of October; 將在一月二十日放寒假 on one of December: c212, c227,
    c231) says what a page reports. A notice's own date of issue keeps its past stages (动员部署 3月10日), as gold does."""
    posted = ctx.doc_date
    return (posted is not None and ctx.year_from == "page" and when.due is not None and when.due < posted
            and not g["ay"] and not _strongly_cued(m, g, text, rules))


def _groups(m: re.Match[str]) -> dict[str, str | None]:
    """The match's groups, a slashed date (2022/3/31) or one that lost its 年 and 月 (615日) read into the year, month and
    day groups."""
    g = m.groupdict()
    for tag in ("a", "b"):
        if g.get(f"{tag}xm"):
            g[f"{tag}m"] = g[f"{tag}xm"]  # 本月底前: a month, resolved from the month of issue
        if g.get(f"{tag}sy"):
            month = g[f"{tag}sm"] or g[f"{tag}dm"] or g[f"{tag}pm"] or g.get(f"{tag}cm")
            g[f"{tag}y"], g[f"{tag}m"], g[f"{tag}d"] = g[f"{tag}sy"], month, g[f"{tag}sd"] or g[f"{tag}dd"]
        if g.get(f"{tag}ld") or g.get(f"{tag}lr"):
            g[f"{tag}y"], g[f"{tag}m"], g[f"{tag}d"] = _lost_unit_reading(g[f"{tag}ld"], g[f"{tag}lr"])
    return g


def _year_source(g: dict[str, str | None], tag: str, ctx: Any) -> dict[str, Any]:
    """``year_from`` for a date written without a year that was resolved with one."""
    if g[f"{tag}y"] or ctx.year is None:
        return {}
    return {"year_from": ctx.year_from}


def _as_of(lead: str | None, when: _When, text: str, end: int, ctx: DocContext, words: dict[str, Any]) -> bool:
    """截至2022年6月底，…累计… counts a figure as of a date: no deadline in a report, nor where the
    date is not after the document's own; in a page without a date to compare with, where its sentence
    states a count (截至6月2日，全市…平均年报公示率为61.3%; 截至114年12月底，各列管计画平均预定进度为57%)."""
    if lead not in words["as_of_cues"]:
        return False
    if ctx.report:
        return True
    if ctx.doc_date is None:
        sentence = text[end:_sentence_bounds(text, end, end, words["sentence_breaks"])[1]]
        return any(word in sentence for word in words["as_of_counts"])
    return when.due is not None and when.due <= ctx.doc_date


def _commencement(m: re.Match[str], text: str, ctx: DocContext, rules: _Rules) -> dict[str, Any] | None:
    """Entry into force (自2020年6月15日起施行) or a start that anchors nothing (从2022年第二季度起,
    从2014年开始): the day a measure applies or a routine starts from, the first day of a quarter, a
    month or a year."""
    g = _groups(m)
    when = _resolve(g, "a", ctx, rules.words)
    if when is None or not (g["ad"] or g["am"] or g["aq"] or (g["ay"] and not g["ayp"])) or _anchors_rhythm(text, m, rules):
        return None
    return {"kind": "on", "due": when.due if g["ad"] else when.start, "unresolved": when.unresolved,
            **_year_source(g, "a", ctx)}


def _anchors_rhythm(text: str, m: re.Match[str], rules: _Rules) -> bool:
    """Whether a bare start (从2022年3月起) opens a rhythm later in its sentence (…,务于每月25日前报送):
    it is the rhythm's anchor, not a date of its own. Entry into force (…起施行) never is."""
    if m.group("ca") not in rules.words["start_after"]:
        return False
    breaks = rules.words["sentence_breaks"]
    end = min((i for i in (text.find(ch, m.end()) for ch in breaks) if i >= 0), default=len(text))
    return rules.rhythm_word.search(text, m.end(), end) is not None


def _year_range(m: re.Match[str], text: str, ctx: DocContext, rules: _Rules) -> dict[str, Any] | None:
    """A period of whole years, 2023-2025年 or 2016年-2018年 (a plan's own period; 20232025年 where a copy lost the dash), or
    without 年 as the whole content of the brackets after a plan's name (三年行动工作方案(2024-2026), 重点任务（2024-2026）: c625,
    c626, c627)."""
    if m.group("yb") is not None and not _bracketed(text, m, rules.words):
        return None  # 2024-2026 outside brackets: a range of numbers as much as of years
    first = _written_year(m.group("y1") or m.group("g1"), ctx)  # 20232025年: a range whose dash a copy lost
    last = _written_year(m.group("y2") or m.group("g2"), ctx)
    if first is None or last is None or not 1900 <= first <= last <= 2100 or last - first > _YEAR_SPAN:
        return None
    if ctx.doc.year is not None and last < ctx.doc.year:
        return None  # 2013年至2020年…: a past span, not a time limit
    if rules.cited_title.match(text, m.end()):
        return None  # 关于印发…行动方案(2022—2024年)的通知: the period names the cited document
    if _lists_document(text, m, rules):
        return None  # 附件：/1.…三年行动计划（2024-2026年）: an entry of the list of attachments
    if _restates_name(text, m, rules):
        return None  # 制定…工作方案（2024-2026年）。: the period is part of the name the sentence restates
    return {"kind": "period", "start": dt.date(first, 1, 1), "due": dt.date(last, 12, 31)}


def _restates_name(text: str, m: re.Match[str], rules: _Rules) -> bool:
    """Whether a period in brackets closes a document's name written in a sentence, outside 《》 (制定上海市…工作方案
    （2024-2026年）。, 参照新一轮“美丽街区”三年行动计划（2024—2026）, 拟定本区…三年行动工作方案（2024-2026）,): part of the
    name, as in 《》 or a restated title; the plan's own title line (no clause punctuation) states its period."""
    start = m.start()
    if not rules.name_before.search(text, max(0, start - _NAME_KIND_REACH), start):
        return False
    line_start, line_end = text.rfind("\n", 0, start) + 1, text.find("\n", start)
    return rules.punctuation.search(text, line_start, len(text) if line_end < 0 else line_end) is not None


def _lists_document(text: str, m: re.Match[str], rules: _Rules) -> bool:
    """Whether a period in brackets closes a numbered line that holds only a document's name (1.上海市花白玉兰推广应用
    三年行动计划（2024-2026年） under 附件：): it names an attachment, whose own title line carries the plan's period.
    Only a period closing its line is read back to the line's start, once."""
    end = m.end()
    if text[end:end + 1] not in ")）" or text[end + 1:end + 2] not in ("", "\n", "\r", " "):
        return False
    return rules.listed_document.fullmatch(text, text.rfind("\n", 0, m.start()) + 1, m.start()) is not None


def _point_is_deadline(m: re.Match[str], g: dict[str, str | None], text: str, ctx: DocContext, rules: _Rules) -> bool:
    """Whether a dated phrase (its groups ``g``) is a deadline, judged by its shape, the cue words around it
    and whether the document reports what was done (there only cued dates are deadlines)."""
    words = rules.words
    if _counts_first_periods(text, m, rules):
        return False
    shared = not g["lead"] and _shares_lead(text, m.start(), rules)
    goal = _stated_as_goal(text, m.start(), words) or _forecasts_milestone(text, m, rules)
    strong = _strongly_cued(m, g, text, rules)
    if not strong and (ctx.report or _narrates_past(text, m.start(), m.end(), rules)):
        return False
    if g["suf"] and text.startswith(words["cutoff_done_words"], m.end()):
        return False  # 2018年12月31日之前已完成转制的企业: those who had done it by then, a condition
    if (g["suf"] or not strong) and rules.date_attribute.match(text, m.end()):
        return False  # 2000年底前建成的小区, 2018年修订后的指标体系: when the thing meant was made, an attribute
    if (_in_score_case(text, m.end(), rules) or _in_forecast(text, m.start(), m.end(), rules)
            or text.startswith(words["period_covered_after"], m.end())):
        return False
    if not strong and rules.period_reported.match(text, m.end()):
        return False  # 将上半年和全年清单落实情况报…: the period a report covers, not a time to act
    cued = strong or _weakly_cued(text, m.start(), words)
    if not cued and _in_condition(text, m.end(), rules):
        return False
    if g["am"]:
        if g["ay"]:
            # 2023年6月，全面完成…: a dated month opening its clause frames it, as a bare year does;
            # a day does not (2023年12月12日 under a signature dates the notice, not a task)
            opens = (not g["ad"] and _opens_clause(text, m.start(), words)
                     and _year_frames_clause(text, m.end(), ctx, rules))
            return cued or bool(g["amp"]) or opens
        chinese_month = not g["am"].isdigit()
        return not chinese_month or bool(g["ad"] or g["amp"] or g["afen"] or g["suf"])
    if g["aq"]:
        return True
    if g["ayp"]:
        if not g["ay"] and not g["lead"] and not g["suf"] and text.endswith(tuple(words["year_part_objects"]), 0, m.start()):
            return False  # 总结上半年工作，部署下半年重点任务; 延续上半年购车补贴政策: the period's work or policy named, no due time
        if g["ayp"] in words["clause_year_parts"] and text.startswith(words["clause_year_part_not_before"], m.end()):
            return False  # 全年预算数: a column of a budget table
        if not strong and _counts_at_year_end(text, m.end(), rules):
            return False  # 年末常住人口94.9万人: a count as it stood at the year's end
        if not g["ay"] and _refers_to_assessment(text, m, rules):
            return False  # 年终考核结果纳入街镇绩效考核: the assessment system named, no year's end to meet
        if not g["ay"] and m.start() > 0 and (text[m.start() - 1].isdecimal() or text[m.start() - 1] in _COUNT_CHARS):
            return False  # 申请之日前2年内未发生…: the end of a count of years, not this year's part
        opening_only = g["ayp"] in words["clause_year_parts"] or g["ayp"] in words["deictic_spans"]
        return (not opening_only or _opens_clause(text, m.start(), words) or _goal_opens_count(text, m, rules)
                or g["ayp"] in words["clause_year_parts"] and _after_heading_number(text, m.start())
                and _figure_follows(text, m.end(), rules))
    if not g["ay"]:
        return False
    if g["lead"] or g["suf"] or shared:
        return True
    if _before_spaces(text, m.start(), _longest(words["cited_name_openers"])).endswith(words["cited_name_openers"]):
        return False  # 关于印发 2024年县《政府工作报告》确定的…方案: the year opens a cited document's name
    if _on_title_line(text, m.start(), rules):
        return False  # 2021年崇明区城市体检工作方案: the year names the document's scope
    first, last = _year_list(text, m.start(), m.end(), rules)
    if first < m.start():
        # a later year of a list (2021年、2022年由…; 纳入2018年、2019年…实事项目) is read as the list's first is
        cued = cued or _weakly_cued(text, first, words) or _stated_as_goal(text, first, words)
    # a year written 年度 mostly names the year's things (2008年度县区目标管理体系, 2024年度实施方案): it frames its clause only
    # where a goal word or a pause follows, or it stands alone (a time cell), not merely in a dated document
    strict = text[m.end() - 1] == "度"
    return (_opens_clause(text, first, words) or cued) and (
        _year_frames_clause(text, last, ctx, rules, goal, strict)
        or strict and _line_around(text, m.start(), m.end()).strip(words["cell_marks"]) == m.group())  # 2023年度 in a cell


def _counts_first_periods(text: str, m: re.Match[str], rules: _Rules) -> bool:
    """Whether a year opens a count of its first months or quarters (今年前8个月, 2018年前三季度), or a quarter is so
    counted (前三季度): which part of the year a figure covers, looked back on, no due date."""
    before = m.start() - len(rules.words["first_periods"]["word"])
    return bool(rules.first_periods.match(text, m.end()) or (before >= 0 and rules.first_periods.match(text, before)))


def _year_list(text: str, start: int, end: int, rules: _Rules) -> tuple[int, int]:
    """The start of the first and the end of the last of the bare years joined to the one at ``start``-``end``
    by coordinators (2018年和2019年对…, 2023年、2024年、2025年，…): the list is one time phrase, opening its clause
    or not as its first year does and framing what follows its last."""
    starts, spans = _year_lists(text, rules)
    k = bisect.bisect_right(starts, start) - 1
    if k >= 0 and start < spans[k][1]:
        return spans[k]
    return start, end


@text_memo(maxsize=1 << 8)
def _year_lists(text: str, rules: _Rules) -> tuple[list[int], list[tuple[int, int]]]:
    """Every list of bare years in a node's text, found once (a list of many years would otherwise be walked for each)."""
    if rules.year_list_joint.search(text) is None:
        return [], []  # no 年 followed by a coordinator: no list, and no scan trying a year at every character
    spans = [m.span() for m in rules.year_list.finditer(text)]
    return [first for first, _ in spans], spans


def _reports_meeting(m: re.Match[str], g: dict[str, str | None], text: str, when: _When, ctx: Any, rules: _Rules) -> bool:
    """Whether an uncued day opens its paragraph or sentence as a news lede does (7月3日,官埠桥镇党委、政府召开…会议;
    8月9日上午,…组织召开…动员会), or a day or a dated month opens a statement that a body issued or approved a document
    (2016年2月,国务院批复《…》): the time a meeting was held or a body acted, unless it falls after the document's own
    date (a plan's schedule: 3月15日,召开全县动员大会 in a notice of 1 March)."""
    lede = rules.meeting_lede.match(text, m.end()) if g["ad"] or (g["ay"] and g["am"]) else None
    if lede is None or not (g["ad"] or lede.group("act")):
        return False
    opening = _before_spaces(text, m.start(), 1)
    if opening and opening not in "\n。":
        return False
    if _strongly_cued(m, g, text, rules) or _weakly_cued(text, m.start(), rules.words):
        return False
    return ctx.doc_date is None or when.due is None or when.due <= ctx.doc_date


def _dates_news(m: re.Match[str], g: dict[str, str | None], text: str, rules: _Rules) -> bool:
    """Whether an uncued day is a news report's dateline (新华社北京5月23日电 (记者…)) or a newspaper page's date
    (《深圳特区报》8月19日A01版): when the report carrying a notice was filed, not when a task is due."""
    return bool(g["ad"]) and not g["suf"] and not g["lead"] and rules.news_dateline.match(text, m.end()) is not None


def _strongly_cued(m: re.Match[str], g: dict[str, str | None], text: str, rules: _Rules) -> bool:
    """Whether a date (its groups ``g``) has a cue of its own: a lead (到, 于) or a suffix (前, 底前), a lead it
    shares (到2023年底和2030年), the words of a goal, or the brackets of a stage's time (建立工作机制（8月）)."""
    shared = not g["lead"] and _shares_lead(text, m.start(), rules)
    return bool(g["lead"] or g["suf"] or shared or _shares_suffix(m, g, text, rules) or _forecasts_milestone(text, m, rules)
                or _stated_as_goal(text, m.start(), rules.words) or _bracketed(text, m, rules.words))


def _forecasts_milestone(text: str, m: re.Match[str], rules: _Rules) -> bool:
    """Whether a forecast cue opens a date a project's milestone verb follows (预计2023年1月开工建设, 预计将于2024年9月,建成
    交付使用): the project's schedule, not a forecast of a figure (预计2024年全年GDP增长5%)."""
    return (text.endswith(tuple(rules.words["forecast_milestones"]["cues"]), 0, m.start())
            and rules.milestone.match(text, m.end()) is not None)


def _shares_suffix(m: re.Match[str], g: dict[str, str | None], text: str, rules: _Rules) -> bool:
    """Whether a day opens a list of days whose last one carries a by-suffix (于6月30日和12月10日前, 分别于2023年11月20日、
    2024年6月20日、2025年12月20日前): each day of the list is due by that cue."""
    return bool(g["ad"]) and not g["suf"] and rules.shared_suffix.match(text, m.end()) is not None


def _shares_lead(text: str, start: int, rules: _Rules) -> bool:
    """Whether a date follows a lead-cued date and a coordinator (到2023年底和2030年): it shares that cue."""
    reach = int(rules.words["shared_lead_reach"]) + 8
    return rules.shared_lead.search(text, max(0, start - reach), start) is not None


def _bracketed(text: str, m: re.Match[str], words: dict[str, Any]) -> bool:
    """A date that is the whole content of a pair of brackets after a heading or phrase
    (建立工作机制（2021年8月）): the time the stage is due. Not brackets that are a line of their own ((2020 年 3 月 20 日)
    under a title): they date the document (metadata.yaml date_line_patterns), as a date alone under the signature does."""
    brackets = words["bracket_dates"]
    start, end = m.span()
    if not (0 < start and end < len(text) and text[start - 1] in brackets["open"] and text[end] in brackets["close"]):
        return False
    line_start, line_end = text.rfind("\n", 0, start - 1) + 1, text.find("\n", end + 1)
    return bool(text[line_start:start - 1].strip() or text[end + 1:len(text) if line_end < 0 else line_end].strip())


def _before_spaces(text: str, pos: int, reach: int) -> str:
    """The ``reach`` characters before ``pos`` once the spaces right before it are passed over: what a phrase
    ends with, read without copying the text before it (a line of many dates would copy it for each)."""
    pos = _spaces_back(text, pos)
    return text[max(0, pos - reach):pos]


def _spaces_back(text: str, pos: int) -> int:
    """Where the spaces right before ``pos`` begin (``pos`` where none stand there)."""
    while pos > 0 and text[pos - 1] in " \t\u3000":
        pos -= 1
    return pos


@cache
def _longest(words: tuple[str, ...]) -> int:
    """The length of the longest of ``words``."""
    return max(map(len, words), default=0)


def _on_title_line(text: str, pos: int, rules: _Rules) -> bool:
    """Whether ``pos`` stands on a line that names a document: no clause punctuation, ending with
    a kind of document (方案, 要点, 分解表…), on that line or on the next, where a long title wraps
    (2022年文安县县城建设提质升级 / 攻坚行动工作方案)."""
    breaks = _break_positions(text, "\n")
    after = bisect.bisect_left(breaks, pos)
    start = breaks[after - 1] + 1 if after else 0
    end = breaks[after] if after < len(breaks) else len(text)
    if _names_document(text, start, end, rules):
        return True
    wrapped = breaks[after + 1] if after + 1 < len(breaks) else len(text)
    return (end < len(text) and not rules.punctuation.search(text, start, end) and match_heading(text[end + 1:wrapped].strip()) is None
            and wrapped - start <= rules.words["title_marks"]["longest"] and _names_document(text, start, wrapped, rules))


@text_memo(maxsize=1 << 12)
def _names_document(text: str, start: int, end: int, rules: _Rules) -> bool:
    """Whether the line text[start:end] names a document, judged once per line (a line of many dates would
    otherwise be cut out and cleaned again for each)."""
    line = _bare_title(text[start:end].strip(), rules)
    return bool(rules.title_end.search(line, max(0, len(line) - _KIND_CHARS))) and not rules.punctuation.search(line)


def _bare_title(line: str, rules: _Rules) -> str:
    """A line without the label before a title (附件1:), the document number or the count of its items after it
    ((华政发〔2021〕2号), (共计121项)) and the empty cells after a table's title row (…任务一清单 | ||||), so that what is
    left can be judged as a title."""
    words = rules.words
    line = rules.title_count.sub("", line.rstrip(words["cell_marks"])).rstrip()
    for label in words["title_line_labels"]:
        if line.startswith(label):
            rest = line[len(label):].lstrip("0123456789 ")
            if rest[:1] in ":：":
                line = rest[1:].strip()
            break
    number = words["document_number"]
    if line.endswith((")", "）")):
        opening = max(line.rfind("("), line.rfind("（"))
        inner = line[opening + 1:-1]
        if opening > 0 and number["open"] in inner and inner.endswith(number["end"]):
            line = line[:opening].rstrip()
    return line


def _year_frames_clause(text: str, end: int, ctx: DocContext, rules: _Rules, goal: bool = False, strict: bool = False) -> bool:
    """Whether what follows a bare year makes it the time frame of its clause: anything but a
    copula or a noun suffix in a dated document (its past years are dropped later) or after a goal
    cue, which says the year is a plan's (力争2018年全县…不低于84% in an undated page), and a goal
    word, possibly after a pause, where no date tells the plan from a narrative of the past. A year
    opening the name of the year's work (2022年…管理工作要…), saying what the year is (2018年,是…开局之年) or
    opening the guiding ideas (2022年,全市…坚持以…思想为指导,) frames nothing; one opening a sentence that binds goals to it
    (2023年经济社会发展的主要预期目标为:…) frames it, in any page. ``strict`` asks for the goal word even in a dated document
    (a year written 年度, which mostly names the year's things)."""
    if rules.binds_goals.match(text, end):
        return True
    if rules.names_work.match(text, end):
        return False
    words = rules.words
    if _heads_targets(text, end, words):
        return True
    paused = end + 1 if text[end:end + 1] and text[end] in words["bare_year_pauses"] else end
    if paused > end and text.startswith(words["bare_year_pause_non_followers"], paused):
        return False
    if _opens_guidance(text, paused, rules):
        return False
    if goal or (not strict and ctx.year is not None and not (isinstance(ctx, _Clause) and ctx.named)):
        return not text.startswith(words["bare_year_non_followers"], end)
    if paused == end and not text.startswith(words["bare_year_subject_openers"], end):
        return _goal_follows(text, end, rules)
    return _goal_in_clause(text, paused, rules)


def _goal_follows(text: str, pos: int, rules: _Rules) -> bool:
    """Whether a goal word (实现, 力争, 计划…) stands right at ``pos`` (2021年计划投资2500万元…), not opening a phrase
    that describes a noun (2016年计划出列的2个贫困乡: the year says which villages)."""
    word = rules.goal_word.match(text, pos)
    return word is not None and not rules.done_attribute.match(text, word.end())


def _goal_in_clause(text: str, start: int, rules: _Rules) -> bool:
    """Whether a goal word (实现, 达到, 力争…) stands in the clause a year's pause opens at ``start``, right there or after
    its subject, with no done word before it (2007年,全市学前三年幼儿入园率达到96%以上) and not opening a phrase that
    describes a noun: where no date tells a plan from an account of the past, the goal word says the year is the plan's."""
    found = rules.goal_in_clause.match(text, start)
    return (found is not None and not any(word in found.group() for word in rules.words["done_words"])
            and not rules.done_attribute.match(text, found.end()))


def _opens_guidance(text: str, start: int, rules: _Rules) -> bool:
    """Whether the clause from ``start`` states the guiding ideas (…坚持以…思想为指导): general requirements, no goal."""
    end = rules.clause_break.search(text, start)
    return text.endswith(rules.words["year_guidance_ends"], start, end.start() if end else len(text))


def _heads_targets(text: str, end: int, words: dict[str, Any]) -> bool:
    """Whether a year heads an indicator table's target values (2015年目标, 2022 年 目 标 值, 103年 / 年度目标值)."""
    heads = words["year_heads_targets"]
    after = "".join(text[end:end + 2 * max(map(len, heads))].split())
    return after.startswith(heads)


def _weakly_cued(text: str, start: int, words: dict[str, Any]) -> bool:
    """Whether 于/在 stands right before a date as a time preposition (于2024年5月完成; 於 111 年 3 月 23 日起 with the blank a
    Taiwan page sets around its figures, fresh c1028), not ending another word (关于2021年…的通知, 现在)."""
    start = _spaces_back(text, start)
    return text.endswith(words["weak_lead_cues"], 0, start) and not text.endswith(words["weak_lead_cue_not_in"], 0, start)


def _goal_opens_count(text: str, m: re.Match[str], rules: _Rules) -> bool:
    """Whether a goal cue opening the clause puts the year part before the year's quantity (，计划全年引进…项目3个以上):
    the clause still opens with the time, and a figure in it is what the year must reach (确保全年目标任务落实 sets none)."""
    words = rules.words
    cue = next((c for c in words["year_part_goal_cues"] if text.endswith(c, 0, m.start())), None)
    if cue is None or not (_opens_clause(text, m.start() - len(cue), words) or _after_heading_number(text, m.start() - len(cue))):
        return False  # (1.计划全年引进…: the cue opens the item after its number as after a comma)
    return _figure_follows(text, m.end(), rules)


def _figure_follows(text: str, pos: int, rules: _Rules) -> bool:
    """Whether a figure in digits stands in the clause from ``pos`` on (the year's quantity after 全年)."""
    stop = rules.clause_break.search(text, pos)
    return any(c.isdecimal() for c in text[pos:stop.start() if stop else len(text)])


def _stated_as_goal(text: str, start: int, words: dict[str, Any]) -> bool:
    """Whether a goal cue stands right before a date (力争2020年底, 确保2024年)."""
    return text.endswith(words["goal_lead_cues"], 0, start)


def _opens_clause(text: str, pos: int, words: dict[str, Any]) -> bool:
    return pos == 0 or text[pos - 1] in words["clause_openers"]


def _after_heading_number(text: str, pos: int) -> bool:
    """Whether ``pos`` is where the words begin after the heading number the text starts with, blanks passed: 全年 opening an
    item before the year's quantity ((一)全年新增龙头企业10家) opens its clause as after a comma; not a heading naming the
    year's goals ((二)全年主要预期目标, no figure) nor a span opening a section's name ((一)今后五年工作的总体要求…):
    names, docs/gold-format.md."""
    heading = match_heading(text)
    return heading is not None and heading.number_end <= pos and not text[heading.number_end:pos].strip()


def _frames_clause(text: str, pos: int, words: dict[str, Any]) -> bool:
    """Whether a time phrase at ``pos`` frames its clause: opening it, or after 于/在 or a goal cue (在未来十年…, 力争未来五年…)."""
    return _opens_clause(text, pos, words) or _weakly_cued(text, pos, words) or _stated_as_goal(text, pos, words)


def _posted_later(ctx: DocContext) -> bool:
    """Whether the document's year is only the day a page was posted (发布时间, a sharing site's upload date): a
    page may repost an older notice, so a cued deadline of an earlier year (到2022年, 2022年底前) is still the
    notice's own (gold-format: not the doc_date where the page was posted after a dated deadline, c403, c43)."""
    doc = ctx.doc if isinstance(ctx, _Clause) else ctx
    return doc.year_from == "page"


def _before_document(written: int | None, ctx: DocContext) -> bool:
    """A written year before the document's own year is a past fact (2013年至2023年底使用…). Where that year is only the
    plan's, from its title, the year before it is the plan's preparation (清水县2012年春节系列文化活动日程安排: 2011年11月20日至
    2011年12月31日 举办, dev c931), not the past."""
    doc = ctx.doc if isinstance(ctx, _Clause) else ctx
    year = doc.year
    if written is None or year is None:
        return False
    return written < year - 1 if doc.year_from == "title" else written < year


def _period(m: re.Match[str], text: str, ctx: DocContext, rules: _Rules) -> dict[str, Any] | None:
    """A period between two dates: 4月4日-10月31日, 2024年3月开始至12月底结束; in a report
    only a goal makes one a deadline (else it says when something was done)."""
    g = _groups(m)
    words = rules.words
    past = ctx.report or _narrates_past(text, m.start(), m.end(), rules)
    if g.get("bo") and g["ad"]:
        g = {**g, "bm": g["am"], "bd": g["bo"]}  # 1月2日至20日: the end in the start's month
    if not (g["am"] and g["bm"] or _whole_years_from(g, m, words)) or (past and not _stated_as_goal(text, m.start(), words)):
        return None
    if text.startswith(words["period_covered_after"], m.end()):
        return None  # 2018年1月1日至12月31日期间的各项指标数据: what the data cover
    first = _resolve(g, "a", ctx, words)
    if first is None or _before_document(first.explicit_year, ctx):
        return None
    end_year_written = bool(g["by"]) and g["by"] not in words["following_years"]
    if not g["by"] and g["ay"]:
        g = {**g, "by": g["ay"]}
    started = first.start or first.due
    if started is not None and isinstance(ctx, _Clause) and not end_year_written:
        ctx = dataclasses.replace(ctx, year=started.year)  # the end is read in the start's year (次年: the one after)
    last = _resolve(g, "b", ctx, words)
    if last is None:
        return None
    if started is not None and last.due is not None and last.due < started and not end_year_written:
        # 12月1日至1月31日, 11月至2月: a period across the year's end finishes in the next year
        last = _resolve({**g, "by": None}, "b", dataclasses.replace(ctx, year=started.year + 1), words) or last
    return {
        "kind": "period",
        "start": first.start,
        "due": last.due,
        "unresolved": first.unresolved or last.unresolved,
        **_year_source(g, "a", ctx),
    }


def _whole_years_from(g: dict[str, str | None], m: re.Match[str], words: dict[str, Any]) -> bool:
    """Whether a range runs from a year written with its start word to another year (从2024年起至2026年底, 自2024年起至2029年底:
    c626, c627): a period of whole years, from the first one's 1 January, as a plan's 2024-2026年 is."""
    if not (g["ay"] and g["by"]) or any(g.get(key) for key in ("am", "bm", "ayp", "aq", "bq")):
        return False
    after = m.string[m.end("ay"):m.end()].lstrip(" \t\u3000")
    return after.startswith(tuple(f"年{word}" for word in words["period_start_words"]))


def _short_period(m: re.Match[str], text: str, ctx: DocContext, rules: _Rules) -> dict[str, Any] | None:
    """A range that writes its unit once, at its end (4至5月, 1-6月份, 5月10-20日, 8月28-9月6日): a period from
    its first month's (or day's) start to its last month's end (or day), read as _period reads a full range."""
    g = m.groupdict()
    words = rules.words
    if g["sd1"] and not g["sd2"] or not g["sd1"] and not g["sm2"]:
        return None  # 5月10-20 without 日, or 4-5 without 月: a number range, not dates
    past = ctx.report or _narrates_past(text, m.start(), m.end(), rules)
    if (past and not _stated_as_goal(text, m.start(), words)) or text.startswith(words["period_covered_after"], m.end()):
        return None
    try:
        first_month = to_int(g["sm1"])
        last_month = to_int(g["sm2"]) if g["sm2"] else first_month
        first_day = to_int(g["sd1"]) if g["sd1"] else 1
        last_day = to_int(g["sd2"]) if g["sd2"] else None
    except NumeralError:
        return None
    if not (1 <= first_month <= 12 and 1 <= last_month <= 12):
        return None
    written = _written_year(g["sy"], ctx) if g["sy"] else None
    if _before_document(written, ctx):
        return None
    year = written if written is not None else ctx.year
    if year is None:
        return {"kind": "period", "unresolved": words["reasons"]["no_year"]}
    end_year = year + (last_month < first_month)  # 12-2月: across the year's end
    try:
        start = dt.date(year, first_month, first_day)
        due = _month_end(end_year, last_month) if last_day is None else dt.date(end_year, last_month, last_day)
    except ValueError:
        return {"kind": "period", "unresolved": words["reasons"]["invalid"]}
    if due < start:
        return None
    fields: dict[str, Any] = {"kind": "period", "start": start, "due": due}
    return fields if written is not None else {**fields, "year_from": ctx.year_from}


def _recurring(m: re.Match[str], text: str, ctx: DocContext, rules: _Rules) -> dict[str, Any] | None:
    """A rhythm: 每月25日前, 每月下旬, 每季度, 每半年, 每年3月底前, 月报, 季调度, 年终总结,
    年初召开, 月月有计划, 月底前 (each month), 一年进村不少于4次."""
    g = _groups(m)
    words = rules.words
    try:
        month = to_int(g["rm"]) if g["rm"] else None
        day = to_int(g["rd"]) if g["rd"] else None
    except NumeralError:
        return None
    if (month is not None and not 1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
        return None
    compounds = words["rhythm_compounds"]
    if g["cp"] and _named_routine(text, m.start(), m.end() + len(g["ca"]), compounds["quotes"]):
        return None
    if g["cp"] or g["vp"]:
        rhythm = compounds["periods"][g["cp"] or g["vp"]]
        return {"kind": "recurring", "recurrence": _period_rhythm(rhythm)}
    if g["ap"] and (_referred_to(text, m, compounds["assessment_references"], rules) or _on_title_line(text, m.start(), rules)
                    or _names_result(text, m, rules) or text.endswith(tuple(compounds["assessment_bases"]), 0, m.start())):
        return None  # 纳入年度绩效考核; 2015年政府信息公开工作年度报告 (a title); 年度考核不合格的; 根据年度考评情况: named, not held
    if g["ap"] and _dated_assessment(text, m.start(), rules):
        return None  # 开展2007年科技创新试点市年度考核: the assessment of a year the clause names, held once
    if g["ap"] and _in_condition(text, m.end(), rules):
        return None  # 逾期不提交年度报告的，吊销…; 年度考核连续两年确定为不称职等次的，予以辞退: the case a rule sanctions
    if g["ap"] and _held_as_needed(text, m.end(), rules):
        return None  # 季度或年度工作例会由领导小组视情形召开: held when needed, no period's routine
    if g["ap"] and _rhythm_written_before(text, m.start(), rules):
        return None  # 每年12月底之前向我部报送年度工作总结: the report of the rhythm its sentence has set
    if g["yc"]:
        return _cycle(m, text, rules)
    if g["lp"]:
        return _listed_routine(m, text, rules)
    if g["ip"] or g["ap"]:
        rhythm = compounds["idioms"][g["ip"]] if g["ip"] else compounds["assessment_periods"][g["ap"]]
        return {"kind": "recurring", "recurrence": _period_rhythm(rhythm)}
    if _states_trend(g["dp"] or g["rw"], text, m.end(), words):
        return None  # 研发投入逐年上升, 逐年稳步提高, 年年有降低: a trend, not a routine
    if g["kp"] or g["dp"]:
        freq = words["count_periods"][g["kp"]] if g["kp"] else compounds["doubled"][g["dp"]]
        return {"kind": "recurring", "recurrence": Recurrence(freq=freq)}
    if g["bp"]:
        return {"kind": "recurring", "recurrence": Recurrence(freq="monthly", part=words["month_parts"][g["bp"]]["part"])}
    if g["rw"] in words["next_period_words"] and not g["rd"]:
        return None  # 次月起执行, 于次月底前: one month after another event, no routine without its day (次月5日前)
    bare = m.end() == m.start() + len(g["rw"])  # the rhythm word alone, no day or month part after it
    if bare and rules.rhythm_attribute.match(text, m.end()):
        return None  # 每天产生的垃圾: what accrues each day, not a routine
    if text.endswith(tuple(words["recurrence_references"]), 0, m.start()):
        return None  # 纳入每月审计流程, 列入每年重点监督检查范围: the routine named as what something is put into
    if bare and _divides(g["rw"], text, m.end(), words["manner_rhythms"]):
        return None  # 按年度分解任务目标: the parts a whole is split into, not a routine
    if bare and (_states_rate(text, m.end(), rules) or _per_head_standard(text, m.start(), m.end(), rules)):
        return None  # 每人每年一次性500元, 乡道每年每公里5000元: the period of a rate, no act timed
    if bare and rules.trend_rate.match(text, m.end()):
        return None  # 每年增长5%, 每年提高六个月: the period of a rate of change, no act timed
    if g["rw"] in words["service_kinds"]["words"] and rules.service_kind.match(text, m.end()):
        return None  # 推进按月结算优惠服务: the kind of service named, no payment timed
    part = words["month_parts"][g["rp"]]["part"] if g["rp"] else words["recurrence_year_parts"].get(g["ry"])
    if g["rq"]:
        month, part = _QUARTER_MONTHS * to_int(g["rq"]), "end"  # 每年一季度: each year by its first quarter's end
    freq = words["recurrence_words"][g["rw"]]
    in_period = words["months_in_period"].get(g["rmp"] or "")
    interval = words["recurrence_intervals"].get(g["rw"])  # 每两年: every second year
    return {"kind": "recurring", "recurrence": Recurrence(
        freq=freq, interval=interval, day=day, month=month, part=part, month_in_period=in_period)}


def _period_rhythm(rhythm: dict[str, Any]) -> Recurrence:
    """The rhythm a compound's period word names (月调度: monthly; 年初: yearly, early; 两年一评估: yearly, every second)."""
    return Recurrence(freq=rhythm["freq"], part=rhythm.get("part"), interval=rhythm.get("interval"))


def _states_trend(period: str | None, text: str, end: int, words: dict[str, Any]) -> bool:
    """Whether a gradual or doubled period word opens a change, maybe after a degree word (逐年上升, 逐年稳步提高, 年年有降低):
    the direction a figure moves, no routine."""
    if period not in words["trend_periods"] and period not in words["rhythm_compounds"]["doubled"]:
        return False
    degree = next((d for d in words["trend_degrees"] if text.startswith(d, end)), "")
    return text.startswith(tuple(words["trend_verbs"]), end + len(degree))


def _states_rate(text: str, end: int, rules: _Rules) -> bool:
    """Whether an amount follows a period word as the period of its rate (每年每公里5000元, 每年最高不超过8000元), a unit
    after 每 being one word of the segmentation (每年每村安排5万元 holds an act each year, 安排: no rate)."""
    rate = rules.rate_amount.match(text, end)
    return rate is not None and (rate.group("unit") is None or len(words_within(text, *rate.span("unit"))) == 1)


def _per_head_standard(text: str, start: int, end: int, rules: _Rules) -> bool:
    """Whether a period word right after 每 + a unit (one word of the segmentation) is the period of an amount its clause
    states per head (每人每年缴费200元, 每人每年由政府补助100元, 每户每年由残联补助…: the standard of a contribution or a subsidy,
    dev c1414), whatever verb stands before the amount: the head comes first, so the sentence sets a rate, where a period
    first (每年每村安排5万元) times an act."""
    rate = rules.words["rate_periods"]
    head = rules.per_head.search(text, max(0, start - 1 - int(rate["unit_chars"])), start)
    if head is None or len(words_within(text, head.start() + 1, start)) != 1:
        return False
    stop = rules.clause_break.search(text, end)
    return rules.clause_amount.search(text, end, stop.start() if stop else len(text)) is not None


def _divides(word: str, text: str, end: int, manner: dict[str, Any]) -> bool:
    """Whether a period after 按 stands right before a verb of dividing (按年度分解, 指标按季度分解): the parts a whole
    is split into, not a routine."""
    return word in manner["words"] and text.startswith(tuple(manner["verbs"]), end)


def _rhythm_written_before(text: str, start: int, rules: _Rules) -> bool:
    """Whether a rhythm word stands earlier in the sentence of an assessment period (每年12月底之前向我部报送年度工作总结):
    the assessment is what that rhythm delivers, not a second routine."""
    first, _ = _sentence_bounds(text, start, start, rules.words["sentence_breaks"])
    return rules.rhythm_word.search(text, first, start) is not None


def _cycle_patterns(w: dict[str, Any]) -> dict[str, re.Pattern[str]]:
    """The neighbours that make a part of the year glued to its act a cycle (_cycle): another part or rhythm with its act
    and a list mark before it, or a list mark and another after it; compiled once, not at each match."""
    compounds = w["rhythm_compounds"]
    parts = alternation([*compounds["cycle_parts"], *w["recurrence_words"]])
    act = rf"[{piece('han')}]{{1,{int(compounds['cycle_act_chars'])}}}[、，,]"
    return {"cycle_before": re.compile(rf"{parts}{act}$"), "cycle_after": re.compile(rf"{act}{parts}")}


def _cycle(m: re.Match[str], text: str, rules: _Rules) -> dict[str, Any] | None:
    """A part of the year glued to its act, in a list of such or of other rhythms (年初公布、年中检查、
    年底兑现; 年初建账、逐月查账、年底结算): a yearly rhythm at that part; alone (年底完成验收) it is no
    cycle, and the point reading stands."""
    compounds = rules.words["rhythm_compounds"]
    acts = int(compounds["cycle_act_chars"])
    before = text[max(0, m.start() - acts - 3):m.start()]
    after = text[m.end():m.end() + acts + 3]
    if not (rules.cycle_before.search(before) or rules.cycle_after.match(after)):
        return None
    return {"kind": "recurring", "recurrence": Recurrence(freq="yearly", part=compounds["cycle_parts"][m.group("yc")])}


def _listed_routine(m: re.Match[str], text: str, rules: _Rules) -> dict[str, Any] | None:
    """A period glued to a two-character act in a list of such (日管控、周排查、月调度; “月度盘点+季度研判”): the list
    states the routines of a mechanism, each a rhythm of its period; alone (季推进) the period reads as nothing, and a
    routine named again in its paragraph only refers back to it. The period and its act, here and in the neighbouring
    item, are each a word of their own (季节性、周期性 are words, not a period and an act), and the neighbour's act is
    another: one noun at several periods (日收入、月收入、年收入; 日均值、月均值; 季度计划、月度计划) names a measure or a
    document per period, not the routines of a mechanism."""
    listed = rules.words["rhythm_compounds"]["listed"]
    acts = int(listed["act_chars"])
    end = m.end() + acts
    reach = _longest(tuple(listed["periods"])) + acts + 1
    act = text[m.end():end]
    neighbours = [n for n in (rules.listed_before.search(text, max(0, m.start() - reach), m.start()),
                              rules.listed_after.match(text, end))
                  if n and text[n.end("np"):n.end("np") + acts] != act]
    if not (neighbours and _period_and_act(text, m.start(), m.end(), end)
            and any(_period_and_act(text, n.start("np"), n.end("np"), n.end("np") + acts) for n in neighbours)):
        return None
    if _named_routine(text, m.start(), end, rules.words["rhythm_compounds"]["quotes"]):
        return None
    return {"kind": "recurring", "recurrence": Recurrence(freq=listed["periods"][m.group("lp")]["freq"])}


def _period_and_act(text: str, start: int, cut: int, end: int) -> bool:
    """Whether the segmentation cuts text[start:end] into exactly the period text[start:cut] and the act text[cut:end]
    (周|排查), not into a word that holds the period (季节性, 周期性, 年收入, 日用品)."""
    low = max(0, start - 1)
    bounds = {low}
    for word in words_within(text, low, min(len(text), end + 1)):
        low += len(word)
        bounds.add(low)
    return {start, cut, end} <= bounds and not any(start < b < end and b != cut for b in bounds)


def _refers_to_assessment(text: str, m: re.Match[str], rules: _Rules) -> bool:
    """Whether a year part that opens an assessment (年终考核) stands in a clause that only refers to it (年终考核结果纳入…,
    与年终考核挂钩): the recurring reading drops it as the assessment system named, and so does the point reading."""
    compounds = rules.words["rhythm_compounds"]
    return (m.group() in compounds["assessment_periods"] and rules.assessment_after.match(text, m.end()) is not None
            and _referred_to(text, m, compounds["assessment_references"], rules))


def _names_result(text: str, m: re.Match[str], rules: _Rules) -> bool:
    """Whether the assessment after a period is named by its result or grade (年度考核不合格的…问责, 年度考核确定为不称职等次的,
    年度考核奖金): the case a rule sanctions or rewards, or what it pays, refers to the assessment, not holding it."""
    assessment = rules.assessment_after.match(text, m.end())
    results = tuple(rules.words["rhythm_compounds"]["assessment_results"])
    return assessment is not None and text.startswith(results, assessment.end())


_YEAR_CHARS = 8  # a written year with its 年 and the blanks a copy may set around it (2021 年)


def _dated_assessment(text: str, start: int, rules: _Rules) -> bool:
    """Whether the noun phrase before an assessment's period word opens with a year of its own (开展2007年科技创新试点市年度
    考核, 组织开展…2021年专项行动工作组年度工作评价): that year's assessment, held once, not every year's."""
    reach = int(rules.words["dated_assessment"]["reach"]) + _YEAR_CHARS
    return rules.dated_assessment.search(text, max(0, start - reach), start) is not None


def _referred_to(text: str, m: re.Match[str], references: list[str], rules: _Rules) -> bool:
    """Whether the clause around an assessment names it as the object of another act
    (纳入年度绩效考核, 与年度考核等挂钩) rather than holding it (组织开展…年度考核评价)."""
    reach = int(rules.words["condition_reach"])
    floor = max(0, m.start() - reach)
    before = max((b.end() for b in rules.clause_break.finditer(text, floor, m.start())), default=floor)
    after = rules.clause_break.search(text, m.end(), m.end() + reach)
    clause = text[before:after.start() if after else m.end() + reach]
    return any(word in clause for word in references)


def _anchor_rhythms(text: str, items: list[Deadline], offset: int, ctx: DocContext, rules: _Rules) -> list[Deadline]:
    """Rhythms keep their anchors: a start written earlier in the sentence (从2023年第一季度开始，
    …每季度…) becomes the rhythm's start instead of a deadline of its own, and a rhythm ends
    with the plan's period when the document names one (so a calendar never repeats forever)."""
    starts = rules.words["period_start_words"]
    plan_end = dt.date(ctx.plan_end_year, 12, 31) if ctx.plan_end_year else None
    result: list[Deadline] = []
    for item in items:
        if item.kind == "recurring" and item.recurrence is not None:
            update: dict[str, Any] = {}
            anchor = result[-1] if result else None
            if (anchor is not None and anchor.kind == "on" and anchor.due is not None
                    and text.startswith(tuple(starts), anchor.span.end - offset)
                    and "。" not in text[anchor.span.end - offset:item.span.start - offset]):
                result.pop()
                update["start"] = anchor.due
            if plan_end is not None:
                update["end"] = plan_end
            if update:
                item = item.model_copy(update={"recurrence": item.recurrence.model_copy(update=update)})
        result.append(item)
    return result


def _named_routine(text: str, start: int, end: int, quotes: dict[str, str]) -> bool:
    """Whether the routine text[start:end] (季调度) is only named: as the whole content of a pair of
    quotes heading its paragraph (“季调度”,于5月底…), or again after the paragraph has stated it
    (建立“…半年点评…”机制 … 召开半年点评会)."""
    quoted = 0 < start and end < len(text) and text[start - 1] in quotes["open"] and text[end] in quotes["close"]
    return quoted or text.find(text[start:end], 0, start) >= 0


def _relative(m: re.Match[str], text: str, ctx: DocContext, rules: _Rules) -> dict[str, Any] | None:
    """A limit counted from an event: 不超过15天, 10天内, 3个工作日内."""
    g = _groups(m)
    words = rules.words
    settled = text.startswith(tuple(words["relative_settling_verbs"]), m.end()) and not text.endswith(
        _QUOTE_OPENS, 0, m.start())  # 1天办结: the time a service promises; “一日办结” names a reform
    if not (g["rb"] or g["ra"] or settled or _counted_from_event(text, m, words)):
        return None
    if _in_condition(text, m.end(), rules) or _narrates_past(text, m.start(), m.end(), rules):
        return None
    if text.endswith(tuple(words["relative_not_after"]), 0, m.start()) or _looks_back(text, m, words):
        return None
    after = m.end() + 1 if text.startswith(tuple(words["bare_year_pauses"]), m.end()) else m.end()
    if text.startswith(words["relative_rule_terms"], after):
        return None  # 1年内不得再次登记备案, 一年内，暂停…: how long a sanction lasts, no limit to finish in
    if _term_of(text, m, words["relative_benefit_terms"]):
        return None  # 补贴期限最长不超过3年: how long a benefit runs for each case, no limit to finish in
    if _term_of(text, m, words["relative_cycle_terms"]):
        return None  # 调整周期原则上不超过三年: how often a rate or list is revised, no limit to finish in
    if not g["rb"] and rules.relative_attribute.match(text, m.end()) and not _stated_as_goal(text, m.start(), words):
        return None  # 五年以内的原事业编制内人员, 一年内到期的负债: the span selects what is meant, no limit to finish in
    if g["rb"] in words["relative_horizons"] and not _frames_clause(text, m.start(), words):
        return None  # 是未来五年…的宏伟蓝图, 公布未來十年…的預測: the horizon describes a noun, no span to finish in
    if g["rs"]:
        return {"kind": "relative", "within_days": int(words["relative_spans"][g["rs"]])}
    if g["ru"] in words["relative_subday_units"] and (g["rb"] or not (g["ra"] or settled)):
        return None  # 不超过2小时, 时长为4小时: a duration a standard sets; 30分钟内抵达 is a limit
    days = _span_days(g["rn"], g["ru"], words, half=bool(g["rh"]))
    return None if days is None else {"kind": "relative", "within_days": days}


def _counted_from_event(text: str, m: re.Match[str], words: dict[str, Any]) -> bool:
    """Whether a bare span stands between an event it is counted from and the completion it limits (省出台文件后 2 个月完成,
    合同签订后3个月完成服务): a limit as 3个月内 is, though no 内 closes it."""
    counted = words["relative_counted_from"]
    before = text[max(0, m.start() - 4):m.start()].rstrip()
    after = text[m.end():m.end() + 8].lstrip()
    return before.endswith(tuple(counted["anchors"])) and after.startswith(tuple(counted["verbs"]))


def _span_days(count_text: str, unit: str, words: dict[str, Any], half: bool = False) -> int | None:
    """The whole days a span of count_text units lasts, rounded up (0.5个工作日 and 30分钟 are one day, 48小时 two; 1年半
    548): the field counts whole days, so a bound shorter than one is read as the day it ends in."""
    try:
        count = (float(count_text) if "." in count_text else to_int(count_text)) + (0.5 if half else 0)
    except NumeralError:
        return None
    if unit in words["relative_subday_units"]:
        return max(1, math.ceil(count / int(words["relative_subday_units"][unit])))
    return max(1, math.ceil(count * int(words["relative_units"][unit])))


def _term_of(text: str, m: re.Match[str], terms: dict[str, Any]) -> bool:
    """Whether a span is a term one of ``terms``' heads and nouns names right before it: the term of a benefit a measure
    grants (补贴期限最长不超过3年, 贴息期不超过3年, 补贴期限为一年: how long a subsidy or a loan runs for each case) or the cycle a
    rate or list is revised in (调整周期原则上不超过三年), a term of the measure as a sanction's length is, not a time to finish
    in."""
    heads, nouns, between = tuple(terms["heads"]), tuple(terms["nouns"]), tuple(terms["between"])
    reach = _longest(heads) + _longest(nouns) + 2 * _longest(between)
    written = m.group("rb") or ""
    before = text[max(0, m.start() - reach):m.start()] + next((n for n in nouns if written.startswith(n)), "")
    while before.endswith(between):  # 补贴期限，最长不超过1年; 补贴|期限为一年 (the noun opens the span's cue)
        before = before[:-next(len(w) for w in between if before.endswith(w))]
    return before.endswith(tuple(h + n for h in heads for n in nouns))


def _looks_back(text: str, m: re.Match[str], words: dict[str, Any]) -> bool:
    """Whether a span looks back over a record (近三年内, 三年之内无重大行政处罚记录, 申请之日前2年内未发生…): a condition of
    eligibility, not a time to finish in."""
    lookbacks = words["relative_lookbacks"]
    return text.endswith(tuple(lookbacks["before"]), 0, m.start()) or text.startswith(tuple(lookbacks["after"]), m.end())


def _named(m: re.Match[str], text: str, ctx: DocContext, rules: _Rules) -> dict[str, Any] | None:
    """A named day with its cue: 七一前夕 (fixed: resolved), 春节前后 (movable: no date)."""
    g = _groups(m)
    words = rules.words
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


def _week_day(m: re.Match[str], text: str, ctx: DocContext, rules: _Rules) -> dict[str, Any] | None:
    """A day counted by the week of issue (本周五下班前, 下周一, 本周内): `by` with its cue, `on` a weekday alone, and a week
    alone only before a completion word (本周完成: by its Sunday); its date from the date of issue, none without one (a portal's
    posting day is a repost's, maybe years later)."""
    week = rules.words["week_days"]
    day = week["days"].get(m.group("wd") or "")
    cue = m.group("wc")
    if cue is None and day is None and not text.startswith(tuple(week["week_alone_before"]), m.end()):
        return None
    if ctx.report or _narrates_past(text, m.start(), m.end(), rules) or _glosses_date(text, m, rules):
        return None
    kind = week["cues"][cue] if cue else ("on" if day else "by")
    issued = ctx.doc_date
    if issued is None or ctx.date_published:  # a portal's posting day is no week the notice counts from
        return {"kind": kind, "unresolved": rules.words["reasons"]["no_issue_date"]}
    monday = issued - dt.timedelta(days=issued.weekday())
    return {"kind": kind, "due": monday + dt.timedelta(weeks=week["weeks"][m.group("wo")], days=(day or _WEEK_DAYS) - 1)}


def _glosses_date(text: str, m: re.Match[str], rules: _Rules) -> bool:
    """Whether a weekday names the day of a date written beside it (截止日期：本周四 10月25日17:00前; 10月25日(本周四)): the
    date is the deadline, read on its own."""
    return rules.week_gloss_after.match(text, m.end()) is not None or rules.week_gloss_before.search(
        text, max(0, m.start() - _GLOSS_REACH), m.start()) is not None


def _event(m: re.Match[str], text: str, ctx: DocContext, rules: _Rules) -> dict[str, Any] | None:
    """A deadline anchored to an event of the school, farming or flood year (开学前, 汛期来临前, 复课之前):
    by the event, whose day the text does not write; in a report or a narrative it says when something was done."""
    if ctx.report or _narrates_past(text, m.start(), m.end(), rules) or _in_condition(text, m.end(), rules):
        return None
    words = rules.words
    return {"kind": words["event_day_cues"][m.group("ec")], "named_day": m.group("ev"), "unresolved": words["reasons"]["event"]}


def _plan_period(m: re.Match[str], text: str, ctx: DocContext, rules: _Rules) -> dict[str, Any] | None:
    """A five-year plan's period (“十四五”期间: 2021-2025) or its end (到“十四五”末): the plan's years, unless
    they are over before the document's own year, the sentence forecasts, or a report or narrative looks back."""
    words = rules.words
    first = int(words["plan_periods"][m.group("pp")])
    last = first + int(words["plan_period_years"]) - 1
    year = ctx.doc.year if isinstance(ctx, _Clause) else ctx.year
    if (year is not None and last < year) or _in_forecast(text, m.start(), m.end(), rules):
        return None
    if not m.group("pl") and (ctx.report or _narrates_past(text, m.start(), m.end(), rules)):
        return None
    kind = words["plan_period_parts"][m.group("pw")]
    start = dt.date(first, 1, 1) if kind == "period" else None
    return {"kind": kind, "start": start, "due": dt.date(last, 12, 31)}


def _plan_year(m: re.Match[str], text: str, ctx: DocContext, rules: _Rules) -> dict[str, Any] | None:
    """A year of the plan counted by ordinal (第二年…应完成…不少于900亩): by the end of the year it counts to from the
    first year of the period the title names, when the period is that long; without one it names no year."""
    n = int(rules.words["plan_year_ordinals"][m.group("yo")])
    first, last = ctx.plan_start_year, ctx.plan_end_year
    if first is None or last is None or first + n - 1 > last:
        return None
    return {"kind": "by", "due": dt.date(first + n - 1, 12, 31)}
