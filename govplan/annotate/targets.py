"""Quantitative targets in a task's text: value, unit, comparator, range, change and metric phrase.

A target is a number with a unit (4.2万亩, 30%以上, 不少于1400人, 18-35万元); comparators and
change verbs around it come from govplan/data/targets.yaml. Numbers inside deadline expressions,
ordinals (第六届), document numbers (〔2020〕2号), codes (G247) and bare years are not targets.
Only goals count: numbers stating facts (achievements in a report, background counts), the
scope of a task (对全县179个行政村, 把…7个村打造成…), the case a rule applies to (少联系1户的扣5分)
or the working bodies that carry it out (下设5个工作小组) are left out, judged by cue words
kept in the data file. 零 + a word after a goal verb (实现…零辍学) is a zero target.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Iterable, Sequence

from govplan.annotate.base import DocContext, NodeText
from govplan.annotate.breaks import after_last_break, any_of, inside_marks, next_break
from govplan.annotate.evidence import evidence
from govplan.annotate.prefixes import first_word_ending
from govplan.grammar import compile_pattern, piece
from govplan.lexical.lexicon import alternation, as_tuples, data, word_map
from govplan.numerals import CN_NUMERAL_CHARS, NumeralError, parse_number, to_int
from govplan.scanning import Scanner, scanner
from govplan.lexical.segment import words as segment_words, words_among_within, words_within
from govplan.spec.model import Deadline, Target
from govplan.structure.metadata import is_chrome
from govplan.structure.numbering import match_heading
from govplan.structure.tables import latin_unit
from govplan.textmemo import text_memo

_DECIMAL = r"\d+(?:\.\d+)?"
_GROUPED = r"\d{0,2}(?:,\d{3})+(?!\d)"  # 6,184万元 / 1,200人: thousands written with commas
_AMOUNT_TAIL = re.compile(r"\d(?:[万亿]|,\d*)$")  # 56亿6,184万元: the rest of an amount begun before
_MULT = r"[万亿千百]*"
_RANGE_SEP = r"(?:-|~|～|—|－|至|到)"
_NO_TARGET_COLUMNS = ("progress", "number", "note", "time", "lead", "support", "responsible", "leader")
_YEAR_TASK_REACH = 16  # characters looked back for the noun of a year's task, its act and glue (占总计划任务, 当年计划投资为)
_PAIR_REACH = 12  # characters looked back for a figure and its unit before a pair mark (226.5亿元/)
_ROUND_BASE = re.compile(r"10*")  # 1, 10, 100, 1000: the base a rate is counted per (10个/100人)
_BARE_YEAR = re.compile(r"\d{4}年")  # 2017年, in a report a past year rather than a due date
_YEAR_NAMED = re.compile(r"(?<!\d)((?:19|20)\d\d)年")  # a year a sentence names (2020年全市实现…)
_DATA_FILE = "govplan/data/targets.yaml"
_CJK = re.compile(r"[\u4e00-\u9fff]")
_BLANK = re.compile(r"\s")  # a blank token, which _trim drops wherever it stands
_DIGIT = re.compile(r"\d")  # what the arabic and unitless shapes open with
_RATE_LEAD_REACH = 12  # characters before a bare level in which its rate's noun and verb are looked for
_HEADING_MARKS = " 0123456789一二三四五六七八九十.、()（）"  # what an item's number is written with


@dataclass(frozen=True)
class _Rules:
    """Compiled patterns and word tables built once from the data file."""

    arabic: re.Pattern[str]
    unitless: re.Pattern[str]
    rate_level: re.Pattern[str]  # a bare number closing its clause (调解率100,), a target only after rate_lead
    rate_lead: re.Pattern[str]  # a rate's noun and maybe a verb of reaching, right before a bare level (培训面达)
    chinese: re.Pattern[str]
    bare_amount: re.Pattern[str]
    bare_comparators: dict[str, str]
    magnitude_alone: re.Pattern[str]  # 亿元以上: a multiplier alone before its unit and a comparator, counting one
    counted: re.Pattern[str]  # 10万农村人口: a count with its multiplier before the noun of people that gives its unit
    percent_word: re.Pattern[str]
    fraction: re.Pattern[str]
    doubling: re.Pattern[str]
    zero: re.Pattern[str]
    absent: re.Pattern[str]  # 无 before the event a goal of no event counts (确保无重特大事故)
    nil: re.Pattern[str]  # a count said to be zero, closing its clause (死亡人数为零)
    absence_event: re.Pattern[str]  # what follows 无 in a goal of no event, up to the event counted (重大森林火灾)
    zero_not_after: tuple[str, ...]  # not_after without the quotes a zero goal may follow (“零新增”)
    comparator_before: dict[str, str]
    comparator_after: dict[str, str]
    comparators_after: tuple[str, ...]  # comparator_after's words, longest first (ties in the data's order)
    approx: dict[str, str]
    change_before: dict[str, str]
    reaches: tuple[_Reach, ...]
    share_reach: _Reach  # 达到全市街(镇)总数的 80%: a share's comparator over its base
    cues: _Cues
    announcement: re.Pattern[str]
    retrospect: re.Pattern[str]  # 五年来, 一年来: a span counted back to now, a review's frame
    existence: re.Pattern[str]  # 全市共有, 全县辖: a scope word with a verb of holding, a statement of what exists
    holding: re.Pattern[str]  # 全市已有, 已有3家: what already stands, for the rest of its clause
    year_to_date: re.Pattern[str]  # 1-10月, 前三季度: a tally from the year's start, a report's frame and no due time
    reported_change: re.Pattern[str]  # 由43.3%提高到49.8%: a change written with both its ends, as a review states a result
    gloss: re.Pattern[str]
    score_change: re.Pattern[str]
    tier_reward: re.Pattern[str]  # a reward word with its figure (奖励10万元, 考核加4分): what a tier of a graded reward pays
    rate_cap: re.Pattern[str]  # 、最高50万元 between a reward's rate and its grant verb: the cap it is paid up to
    baseline_note: re.Pattern[str]
    comparison_base: re.Pattern[str]
    outline_number: re.Pattern[str]  # 6.1, 4.11: the shape of a section number of a decimal outline
    penalty_verb: re.Pattern[str]  # 处 / 处以 right before a figure: a fine's amount follows
    involvement: re.Pattern[str]  # 涉及 / 需要 / 跨 (an alternative figure and 或者 allowed) ending right before a count
    penalty_noun_first: re.Pattern[str]  # 处以罚款 right before a figure: the fine's amount after its noun
    event_harm: re.Pattern[str]  # 死亡, 重伤, 直接经济损失 … (not 死亡人数): what grades an event
    harm_first: re.Pattern[str]  # 因灾死亡30人以上, 死亡10人以上,30人以下: a figure right after a harm, or chained to one
    zone_bound: re.Pattern[str]  # 东至, 北起, 南抵 …: a direction and the verb of a bound, a zone's side (group 1: the direction)
    baseline_start: re.Pattern[str]  # 由 / 从 and the noun measured, ending right before the number
    baseline_reach: int
    share_of_plan: re.Pattern[str]
    forecast: re.Pattern[str]
    goal_label: re.Pattern[str]  # 目标是: / 目标为 (opening with a literal, so re skips ahead to 目)
    goal_label_qualifiers: tuple[str, ...]  # 预期, 奋斗…: what must stand before it to open a list of goals
    payment_share: re.Pattern[str]
    disposal_result: re.Pattern[str]  # a result verb that closes a disposal (纳入…, not 建成的)
    kind_counted: re.Pattern[str]  # 的项目3个: the kind a bound measure before it picks out, then its count
    body_class: re.Pattern[str]  # 煤矿, 重点用能单位: the kind of existing bodies a bound measure glued before it classifies
    equipment_kind: re.Pattern[str]  # 燃煤锅炉, 不达标燃煤机组: the kind of equipment a bound size glued before it classifies
    condition_lead: re.Pattern[str]  # 具有下列情形之一的, 具备以下条件: the lead of a list of conditions
    figure_pair: re.Pattern[str]  # 12亿元/ ending where a number starts: a figure with its unit, then a pair mark
    longer_units: dict[str, tuple[str, ...]]  # 个 -> 个百分点…: the units a unit begins, longest first
    words: dict[str, Any]


@dataclass(frozen=True)
class _Reach:
    """Comparator words that set the comparator of a number up to ``max_gap`` characters after them
    in its clause (comparator_adverbs, comparator_reach); ``over_numbers``: even past other numbers."""

    max_gap: int
    over_numbers: bool
    starts: re.Pattern[str]  # at every position, the longest word starting there (group 1)
    symbol: dict[str, str]  # word -> its comparator (the greatest, for a word listed twice)
    longest: int  # the longest word's length: how far before the gap a word may start

    @classmethod
    def from_table(cls, table: dict[str, Any], over_numbers: bool) -> _Reach:
        symbol: dict[str, str] = {}
        for comparator, words in table["words"].items():
            for word in words:
                symbol[word] = max(symbol.get(word, str(comparator)), str(comparator))
        return cls(int(table["max_gap"]), over_numbers, re.compile(f"(?=({alternation(symbol)}))"), symbol, max(map(len, symbol)))


@dataclass(frozen=True)
class _Cues:
    """The mood cue words (jieba tokens) as sets, with the unions the mood tests look for."""

    goal: frozenset[str]
    plan_goal: frozenset[str]  # with the weak goal words, which only a plan reads as goals
    fact: frozenset[str]
    done: frozenset[str]
    report_cues: frozenset[str]  # strong facts | goal
    plan_cues: frozenset[str]  # strong facts | plan_goal
    report_goal: frozenset[str]  # goal words a report still reads as goals (not 全年: a past total)

    @classmethod
    def from_words(cls, mood: dict[str, Any]) -> _Cues:
        goal, fact = frozenset(mood["goal_words"]), frozenset(mood["fact_words"])
        plan_goal = goal | frozenset(mood["weak_goal_words"])
        weak = frozenset(mood["weak_fact_words"])
        strong = fact - weak  # weak fact words decide nothing by themselves, so no search looks for them
        report_goal = goal - frozenset(mood["report_time_words"])
        return cls(goal, plan_goal, fact, frozenset(mood["done_words"]), strong | goal, strong | plan_goal, report_goal)


@cache
def _rules() -> _Rules:
    """Compile the target patterns from govplan/data/targets.yaml."""
    w = data("targets")
    per = f"/[{re.escape(w['per_unit_magnitudes'])}]?(?:{alternation(w['per_units'])})"
    units = f"{alternation(w['units'])}(?:{per})?|{latin_unit(w['latin_units'])}"
    space = f"[{re.escape(w['unit_space'])}]?"
    mult = _multipliers(w["units"])
    approx = word_map(w["approx_between"])
    # Each pattern starts with the number's own first character and checks what stands before it
    # right after (\d(?<![\dA-Za-z.]\d), not (?<![\dA-Za-z.])\d): re can then skip ahead to the
    # candidates instead of trying the pattern at every position (3-40 times faster on the corpus).
    arabic = (
        rf"(?P<n1>\d(?<![\dA-Za-z.]\d)(?:{_GROUPED}|\d*)(?:\.\d+)?)(?:{space}(?=[万亿]))?(?P<m1>{mult})"
        rf"(?:(?P<p1>%)?{_RANGE_SEP}(?P<n2>{_DECIMAL})(?P<m2>{mult}))?"
        rf"(?P<approx>{alternation(approx)})?{space}(?P<unit>{units})(?![A-Za-z])"
    )
    # A number with no unit but a comparator after it (控制在103左右, 减少60万以上): a level or count
    # whose unit the sentence leaves implied.
    after_words = alternation([word for words in w["comparators_after"].values() for word in words])
    unitless = rf"(?P<n1>\d(?<![\dA-Za-z.]\d)\d*(?:\.\d+)?)(?P<m1>{_MULT})(?={after_words})"
    # A level whose unit the copy lost (调解率100, 培训面达100: its % dropped), a bare number closing its clause after a rate's
    # noun and maybe a verb of reaching (rate_levels); read where the rate_lead pattern closes the text before it.
    rate = w["rate_levels"]
    lead_ends = "".join(sorted({word[-1] for word in (*rate["heads"], *rate["verbs"])}))  # 率, 达…: what ends the lead right before
    rate_level = rf"(?<=[{re.escape(lead_ends)}])(?P<n1>\d(?<![\dA-Za-z.]\d)\d*(?:\.\d+)?)(?=[{re.escape(rate['closers'])}]|$)"
    rate_lead = rf"(?:{alternation(rate['heads'])})(?:{alternation(rate['verbs'])})?$"
    chinese = rf"(?P<n1>[{CN_NUMERAL_CHARS}](?<![{CN_NUMERAL_CHARS}]{{2}})[{CN_NUMERAL_CHARS}]*)(?P<unit>{units})"
    bare = w["bare_amounts"]
    bare_amount = (
        rf"(?P<n1>[{CN_NUMERAL_CHARS}](?<![{CN_NUMERAL_CHARS}]{{2}})[{CN_NUMERAL_CHARS}]*(?<=[{''.join(bare['multipliers'])}]))"
        rf"(?![{CN_NUMERAL_CHARS}]|{alternation(bare['not_before'])})"
    )
    alone = w["magnitude_alone"]
    magnitude_alone = (
        rf"(?<![\d.{CN_NUMERAL_CHARS}])(?P<m1>{alternation(alone['multipliers'])})(?P<unit>{alternation(alone['units'])})"
        rf"(?={alternation(alone['after'])})"
    )
    people = w["counted_nouns"]
    counted = (
        rf"(?P<n1>\d(?<![\dA-Za-z.]\d)\d*(?:\.\d+)?)(?P<m1>{alternation(people['multipliers'])})"
        rf"(?=[\u4e00-\u9fff]{{0,{int(people['reach'])}}}?(?P<noun>{alternation(list(people['nouns']))}))"
    )
    percent_word = rf"{re.escape(w['percent_word'])}(?P<n1>[{CN_NUMERAL_CHARS}]+)"
    frac = w["fractions"]
    digits = rf"[1-9]\d{{0,{int(frac['digits']) - 1}}}"
    cn_part = f"[{CN_NUMERAL_CHARS}]{{1,{int(frac['digits'])}}}"
    fraction = (
        rf"(?<![\d.])(?P<fa>{digits}){re.escape(frac['slash'])}(?P<fb>{digits})(?![\d.])"
        rf"|(?<![{CN_NUMERAL_CHARS}])(?P<cb>{cn_part}){re.escape(frac['word'])}(?P<ca>{cn_part})|(?P<half>{alternation(frac['halves'])})"
    )
    dbl = w["doubling"]
    doubling = rf"{re.escape(dbl['prefix'])}(?P<n1>[{CN_NUMERAL_CHARS}\d])(?:{re.escape(dbl['suffix'])})"
    zero_word = re.escape(w["zero"]["word"])
    absence = w["zero"]
    absence_event = rf"[^\s{re.escape(w['clause_breaks'])}、]{{0,{int(absence['absence_reach'])}}}(?:{alternation(absence['absence_heads'])})"
    zero = rf"{zero_word}(?<![{CN_NUMERAL_CHARS}\d]{zero_word})(?=[\u4e00-\u9fff])"
    absent = rf"(?P<absent>{re.escape(absence['absence_word'])})(?={absence_event})"  # a pattern of its own: its scanner skips texts without 无
    nil = rf"(?<=[\u4e00-\u9fff]){re.escape(absence['nil_copula'])}{zero_word}(?=[{re.escape(w['clause_breaks'] + w['mood']['sentence_breaks'])}]|$)"
    said = w["mood"]["report_announcement"]
    labels = w["mood"]["goal_labels"]
    announcement = (
        rf"(?:{alternation(said['openers'])})[^。；;]{{0,{int(said['reach'])}}}?(?:{alternation(said['topics'])})"
        rf"(?:{alternation(said['verbs'])})"
    )
    return _Rules(
        arabic=re.compile(arabic),
        unitless=re.compile(unitless),
        rate_level=re.compile(rate_level, re.M),
        rate_lead=re.compile(rate_lead),
        chinese=re.compile(chinese),
        bare_amount=re.compile(bare_amount),
        bare_comparators=word_map(w["bare_amounts"]["comparators"]),
        magnitude_alone=re.compile(magnitude_alone),
        counted=re.compile(counted),
        percent_word=re.compile(percent_word),
        fraction=re.compile(fraction),
        doubling=re.compile(doubling),
        zero=re.compile(zero),
        absent=re.compile(absent),
        nil=re.compile(nil),
        absence_event=re.compile(absence_event),
        zero_not_after=tuple(word for word in w["not_after"] if word not in w["zero"]["quoted"]),
        comparator_before=word_map(w["comparators_before"]),
        comparator_after=word_map(w["comparators_after"]),
        comparators_after=tuple(sorted(word_map(w["comparators_after"]), key=len, reverse=True)),
        approx=approx,
        change_before=word_map(w["changes_before"]),
        reaches=(_Reach.from_table(w["comparator_adverbs"], True), _Reach.from_table(w["comparator_reach"], False)),
        share_reach=_Reach.from_table(w["share_reach"], False),
        cues=_Cues.from_words(w["mood"]),
        announcement=re.compile(announcement),
        retrospect=compile_pattern(w["mood"]["retrospects"], _DATA_FILE),
        existence=_existence(w),
        holding=_holding(w),
        year_to_date=compile_pattern(w["mood"]["year_to_date"]["shape"], _DATA_FILE),
        reported_change=_reported_change(w),
        gloss=re.compile(rf"\([{w['pinyin_gloss']['letters']}]{{1,{int(w['pinyin_gloss']['max_letters'])}}}\)"),
        score_change=compile_pattern(w["score_case"]["change"], _DATA_FILE),
        tier_reward=_tier_reward(w["reward_condition"]),
        rate_cap=_rate_cap(w["reward_condition"]),
        baseline_note=compile_pattern(w["baseline_note"], _DATA_FILE),
        comparison_base=compile_pattern(w["comparison_base"], _DATA_FILE),
        outline_number=compile_pattern(w["outline_numbers"]["shape"], _DATA_FILE),
        event_harm=re.compile(
            f"(?:{alternation(w['event_grades']['harms'])})(?!{alternation(w['event_grades']['not_before'])})"
        ),
        harm_first=_harm_first(w["event_grades"]["harm_first"]),
        zone_bound=re.compile(f"([{w['zone_bounds']['directions']}])[{w['zone_bounds']['verbs']}]"),
        penalty_verb=re.compile(
            rf"(?:{alternation(w['penalties']['verbs'])})(?:{alternation(w['penalties']['lesser'])})?{space}(?=[\d{CN_NUMERAL_CHARS}])"
        ),
        involvement=re.compile(
            rf"(?:{alternation(w['involvement_cases']['verbs'])})"
            rf"(?:[\d{CN_NUMERAL_CHARS}]+\w?(?:{alternation(w['involvement_cases']['links'])}))?$"
        ),
        penalty_noun_first=re.compile(
            rf"(?:{alternation(w['penalties']['verbs'])})(?:{alternation(w['penalties']['nouns'])}){space}(?=[\d{CN_NUMERAL_CHARS}])"
        ),
        baseline_start=_baseline_start(w),
        baseline_reach=int(w["baseline_markers"]["noun_reach"]) + max(map(len, w["baseline_markers"]["words"]))
        + int(w["baseline_markers"]["listed"]["reach"]),
        share_of_plan=compile_pattern(w["share_of_plan"], _DATA_FILE),
        forecast=re.compile(alternation(w["forecast_words"])),
        goal_label=re.compile(f"{re.escape(labels['noun'])}(?:{alternation(labels['introducers'])})"),
        goal_label_qualifiers=tuple(labels["qualifiers"]),
        payment_share=compile_pattern(w["payment_shares"]["before"], _DATA_FILE),
        disposal_result=re.compile(f"(?:{alternation(w['disposal']['results'])})(?!的)"),
        kind_counted=re.compile(
            rf"的?[{piece('han')}]{{0,{int(w['kind_counted']['reach'])}}}?(?:{alternation(w['kind_counted']['nouns'])})"
            rf"(?=[\d{piece('cn_digit')}十两]|[{piece('clause_end')}{piece('sentence_end')}]|$)"
        ),
        body_class=re.compile(
            rf"[{piece('han')}“”\"]{{0,{int(w['body_classes']['reach'])}}}?(?:{alternation(w['body_classes']['nouns'])})"
        ),
        equipment_kind=re.compile(
            rf"[{piece('han')}]{{0,{int(w['equipment_sizes']['reach'])}}}?(?:{alternation(w['equipment_sizes']['nouns'])})"
        ),
        condition_lead=compile_pattern(w["condition_lists"]["lead"], _DATA_FILE),
        longer_units=_longer_units(w["units"]),
        figure_pair=re.compile(
            rf"(?P<n>\d+(?:\.\d+)?)(?P<m>[万亿千]?)(?:{alternation(w['units'])}){alternation(w['figure_pair_marks'])}$"
        ),
        words=as_tuples(w),
    )


def _multipliers(units: list[str]) -> str:
    """The multiplier characters a number may carry before its unit (万亩, 1.5万千瓦), none of them the first character of
    a unit that follows (240千米 is 240 千米 and 100000千克 100000 千克, as the gold writes them, not 240000 米)."""
    chars = _MULT.strip("[]*")
    led = [unit for unit in units if unit[0] in chars]
    return f"(?:(?!{alternation(led)})[{chars}])*" if led else _MULT


def _baseline_start(w: dict[str, Any]) -> re.Pattern[str]:
    """A baseline marker and the noun measured after it (no digit, no clause break), then maybe the figures listed before
    this one, ending where the pattern's search ends: right before the number (由家庭年人均可支配收入9600元以下提高到…;
    分别从每人每年2100元、2800元提高到…, whose 2800元 is a baseline too)."""
    m, breaks = w["baseline_markers"], re.escape(w["clause_breaks"])
    noun = f"[^\\d{breaks}]{{0,{int(m['noun_reach'])}}}"
    seps = re.escape(m["listed"]["separators"])
    listed = f"(?:\\d[\\d.]*[^\\d{breaks}{seps}]{{0,{int(m['listed']['unit_reach'])}}}[{seps}])*"
    return re.compile(f"(?:{alternation(m['words'])}){noun}{listed}$")


def _existence(w: dict[str, Any]) -> re.Pattern[str]:
    """A scope word, maybe an adverb of now, then a verb of holding (全市共有, 全区目前共有, 全县辖; not 全市辖区)."""
    e = w["existence_statements"]
    return re.compile(
        f"(?:{alternation(w['scope_words'])})(?:{alternation(e['adverbs'])})?(?:{alternation(e['verbs'])})"
        f"(?!{alternation(e['not_before'])})"
    )


def _holding(w: dict[str, Any]) -> re.Pattern[str]:
    """已有 after a scope word (全市已有, 全区目前已有), or right before a count (已有3家, 已有近1700年) and not after a word that
    makes what exists the work's base (在已有3个…的基础上; not_after: one look-behind per length, re's are of fixed width)."""
    h, scope = w["holdings"], w["scope_words"]
    words = alternation(h["words"])
    not_after = "".join(f"(?<!{alternation([a for a in h['not_after'] if len(a) == n])})"
                        for n in sorted({len(a) for a in h["not_after"]}))
    count = f"(?=(?:{alternation(h['count_leads'])})?[\\d{CN_NUMERAL_CHARS}])"
    adverbs = alternation(w["existence_statements"]["adverbs"])
    return re.compile(f"(?:{alternation(scope)})(?:{adverbs})?{words}|{not_after}{words}{count}")


def _reported_change(w: dict[str, Any]) -> re.Pattern[str]:
    """A change written from its start to its end within one clause (由43.3%提高到49.8%, 从2007年的6423.2亿元增加到2012年
    的1.6万亿元): a baseline marker, a figure, a change to a level (changes_before: reach), then a figure."""
    gap = f"[^{re.escape(w['clause_breaks'])}]{{0,{int(w['mood']['reported_changes']['reach'])}}}?"
    return re.compile(
        f"(?:{alternation(w['baseline_markers']['words'])}){gap}\\d{gap}(?:{alternation(w['changes_before']['reach'])}){gap}\\d"
    )


def _tier_reward(w: dict[str, Any]) -> re.Pattern[str]:
    """A reward word with a figure at most ``tier_reach`` characters after it (奖励10万元, 给予最高100万元), or a score added
    (考核加4分)."""
    reward = f"(?:{alternation(w['tier_rewards'])})\\D{{0,{int(w['tier_reach'])}}}\\d"
    return re.compile(f"{reward}|(?:{alternation(w['tier_scores'])})\\d+(?:\\.\\d+)?分")


def _rate_cap(w: dict[str, Any]) -> re.Pattern[str]:
    """A joiner, a cap word and its amount (、最高50万元, ，最高不超过500万元) after a reward's rate, before the grant verb."""
    return re.compile(f"[{re.escape(w['rate_cap_joiners'])}](?:{alternation(w['rate_caps'])})\\d+(?:\\.\\d+)?[万亿]?元")


def _harm_first(w: dict[str, Any]) -> re.Pattern[str]:
    """A harm, an optional note (（含失踪）), then figures each closed by its unit and bound and maybe a link, up to the end:
    死亡10人以上,|30人以下 and 亡3人以上|9人以下 chain the second figure to the harm."""
    links = re.escape("".join(w["links"]))
    figure = f"[\\d.{CN_NUMERAL_CHARS}]+"
    tail = f"(?:[^\\d{CN_NUMERAL_CHARS}{links}。；;]{{1,{int(w['tail'])}}}[{links}]?|[{links}])"
    note = f"(?:[（(][^（()）]{{1,{int(w['tail'])}}}[）)])?"
    return re.compile(f"(?:{alternation(w['harms'])}){note}(?:{figure}{tail})*$")


def _longer_units(units: list[str]) -> dict[str, tuple[str, ...]]:
    """For each unit, the longer units it begins (个 -> 个百分点), longest first: what a hard wrap may have split."""
    ordered = sorted(units, key=len, reverse=True)
    return {unit: tuple(u for u in ordered if len(u) > len(unit) and u.startswith(unit)) for unit in units}


@dataclass
class _Found:
    """A target being assembled: node-local range plus the fields of the Target item."""

    start: int
    end: int
    fields: dict[str, Any]
    cued: bool = False  # a bound is set right before it (不少于1400人): a goal whatever the mood
    approx: bool = False  # an approximate amount (300余吨, 近700名), as reports write them
    word: str | None = None  # the comparator word written before it or before the list it ends
    after: str | None = None  # the comparator word written after it (左右, 以上)


def find_targets(nt: NodeText, deadlines: list[Deadline], ctx: DocContext | None = None) -> list[Target]:
    """Every quantitative target in the node's own text, in text order, spans global.

    ``deadlines`` are the node's deadlines: numbers inside them are dates, not targets, and a
    target written right after one (4月底30%以上) is a milestone pointing at it. In a document
    that reads as a report (``ctx.report``) numbers without a goal cue are facts.
    """
    text = nt.text
    matches = _number_matches(text)
    if not matches:
        return []  # most nodes hold no number: no mood, heading or deadline ranges to work out
    rules = _rules()
    dated = sorted((d.span.start - nt.start, d.span.end - nt.start) for d in deadlines)
    found: list[_Found] = []
    last_end = 0
    tallies = _tallies(text, rules)
    due = sorted(d.span.end - nt.start for d in deadlines if not (_BARE_YEAR.fullmatch(d.text) or _is_cutoff(d.text, rules)
                                                                 or _overlaps(tallies, d.span.start - nt.start, d.span.end - nt.start)))
    heading = _nearest_heading_kind(nt)
    review = heading == "review_headings"
    # under a goals heading (1.主要目标指标) a node states goals (False), whatever its document or its cue words say
    report = True if review else False if heading == "goal_headings" else True if ctx and ctx.report else None
    mood = _Mood(_without_reports(nt), [n.text for n in nt.path[:-1]], due, rules, report, review, own_year(ctx),
                 [end for _, end in tallies])
    conditions = _conditions_start(nt, heading == "condition_headings", rules)
    for match in sorted(matches, key=lambda m: (m.start(), m.start() - m.end())):
        start, end = match.span()
        if start >= conditions and not _paid_in_clause(text, start, rules):
            continue  # a condition of a list (申报条件, 具有下列情形之一的…:); what a tier pays stays (…的，奖励10万元)
        if start < last_end or _overlaps(dated, start, end) or _overlaps(tallies, start, end) or _excluded_around(match, text, rules):
            continue
        if nt.cells and nt.column_at(start) in _NO_TARGET_COLUMNS:
            continue  # 进展情况 已完成40%: what was done; 序号 and scores are no targets
        if found and _qualifies_noun(found[-1], start, rules):
            continue
        item = _read(match, text, rules, found[-1] if found else None)
        if item is not None and item.start >= last_end and _states_goal(text, item, mood, rules):
            found.append(item)
            last_end = item.end
    _share_trailing_comparator(text, found, rules)
    _attach_metrics(text, found, deadlines, nt.start, rules, len(nt.node.number or ""))
    return [Target(**evidence(nt, f.start, f.end), **f.fields) for f in found]


def _conditions_start(nt: NodeText, under_heading: bool, rules: _Rules) -> int:
    """Where a list of conditions begins in a node's text (its length when none does): the whole node under a heading
    naming conditions (申报条件, 项目实施条件) or below a node whose text leads one in (具有下列情形之一的…), else the end of
    a lead's own sentence or colon (存在下列情形之一的,…:克扣…三个月以上的): its figures say who qualifies, no goal."""
    if under_heading or (len(nt.path) > 1 and rules.condition_lead.search(nt.path[-2].text) is not None):
        return 0
    lead = rules.condition_lead.search(nt.text)
    if lead is None:
        return len(nt.text)
    return next_break(nt.text, lead.end(), rules.words["condition_lists"]["list_starts"])


def _paid_in_clause(text: str, pos: int, rules: _Rules) -> bool:
    """Whether a grant word (给予, 奖励, 补助…) stands earlier in the clause of ``pos``: the figure is what a measure pays
    (conventions5), not a condition, even inside a list of conditions (…突破1亿元的，奖励10万元)."""
    start = _clause_start(text, pos, rules.words["clause_breaks"], int(rules.words["mood"]["window"]))
    return any(grant in text[start:pos] for grant in rules.words["reward_base"]["rewards"])


def _is_cutoff(due: str, rules: _Rules) -> bool:
    """Whether a deadline's text is the cutoff of a tally (截至2022年底, 截止114年12月底): the figures after it count what
    stands then, so it frames no goal; 截止2025年底前 is a due time."""
    cutoff = rules.words["mood"]["cutoff"]
    return due.startswith(tuple(cutoff["words"])) and not due.endswith(tuple(cutoff["due_ends"]))


def _tallies(text: str, rules: _Rules) -> list[tuple[int, int]]:
    """The spans of the tallies from the year's start (1-10月, 前三季度) in a node's text: what follows them in their sentence
    counts what was done, so they frame facts and set no due time; not one a goal word or a preposition of time puts a due
    time on (力争1-6月, 确保前三季度, 于1-6月)."""
    not_after = tuple(rules.words["mood"]["year_to_date"]["not_after"])
    return [span for span in _year_to_date(text, rules) if not text.endswith(not_after, 0, span[0])]


def _year_to_date(text: str, rules: _Rules) -> list[tuple[int, int]]:
    """The spans of the text's tallies from the year's start (1-10月, 前三季度); most texts hold neither 月 nor 季, which every
    tally writes, and are not scanned."""
    if "月" not in text and "季" not in text:
        return []
    return [m.span() for m in rules.year_to_date.finditer(text)]


def own_year(ctx: DocContext | None) -> int | None:
    """The year the document speaks from, before which a named year is past: its date of issue, or the first
    year its title names when that is earlier (2020年工作总结和2021年工作安排); None when only a portal's
    posting date or a date the user assumed is known."""
    if ctx is None:
        return None
    issued = ctx.doc_date.year if ctx.doc_date and not (ctx.date_published or ctx.date_assumed) else None
    years = [y for y in (issued, ctx.plan_start_year) if y is not None]
    return min(years) if years else None


def _share_trailing_comparator(text: str, found: list[_Found], rules: _Rules) -> None:
    """A comparator written after the last quantity of a list qualifies the whole list (分别增长7%和
    8%左右): earlier quantities joined to it by a list joiner alone, with none of their own, take it."""
    joiners = rules.words["quantity_list"]["joiners"]
    for k in range(len(found) - 1, 0, -1):
        item, previous = found[k], found[k - 1]
        own = previous.word or previous.after or previous.approx or previous.fields["comparator"] != "="
        if item.after and not own and text[previous.end:item.start] in joiners:
            previous.fields["comparator"] = item.fields["comparator"]
            previous.after = item.after


def _without_reports(nt: NodeText) -> str:
    """The node's text with its report cells (进展情况) blanked, so that what was done does not set
    the mood of the row's task (same length: offsets hold)."""
    text = nt.text
    for cell in nt.cells:
        if cell.column == "progress":
            start, end = cell.start - nt.start, cell.end - nt.start
            text = text[:start] + " " * (end - start) + text[end:]
    return text


def _overlaps(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted, disjoint ``ranges``."""
    i = bisect.bisect_left(ranges, (end, end)) - 1
    return i >= 0 and ranges[i][1] > start


def _number_matches(text: str) -> list[re.Match[str]]:
    """Number-with-unit matches of every shape, doubling and percent words first; the shapes written in digits
    are not tried on a text without one (two of every five nodes)."""
    digits = _DIGIT.search(text) is not None
    return [match for shape, in_digits in _number_scanners() if digits or not in_digits for match in shape.finditer(text)]


@cache
def _number_scanners() -> tuple[tuple[Scanner, bool], ...]:
    """The number shapes in _number_matches' order, each skipping a text without a character it needs (翻, 百, 零…),
    with whether its every match opens with a digit."""
    rules = _rules()
    shapes = (rules.doubling, rules.percent_word, rules.fraction, rules.zero, rules.absent, rules.nil, rules.arabic, rules.unitless,
              rules.rate_level, rules.chinese, rules.bare_amount, rules.magnitude_alone, rules.counted)
    return tuple((scanner(shape), shape in (rules.arabic, rules.unitless, rules.rate_level, rules.counted)) for shape in shapes)


def _excluded_around(match: re.Match[str], text: str, rules: _Rules) -> bool:
    """Ordinals, per-base rates, bracketed numbers, codes and anniversaries: 第六届, 每1000名,
    〔2020〕, “10里…”, 建党92周年; the rest of an amount begun before (56亿6,184万元); and vague
    Chinese amounts (一批)."""
    w = rules.words
    not_after = rules.zero_not_after if match.re in (rules.zero, rules.absent, rules.nil) else w["not_after"]
    if ((text.endswith(not_after, 0, match.start()) and not _pairs_figures(match, text, rules))
            or text.endswith(w["bound_notes"], 0, match.start())
            or _AMOUNT_TAIL.search(text, max(0, match.start() - 8), match.start())
            or _after_spaced_word(match.start(), text, rules)):
        return True
    unit_at = match.start("unit") if "unit" in match.re.groupindex else match.end()
    if (text.startswith(w["not_before"], unit_at) and not text.startswith(w["not_before_words"], unit_at)) or match.group() in w["vague_quantities"] or _names_second_round(match, text, rules):
        return True
    return (_is_rate_base(match, text, rules) or _is_one_by_one(match, text, rules)
            or _is_reward_base(match, text, rules) or _is_spend_threshold(match, text, rules) or _is_baseline(match, text, rules)
            or _is_bracketed_alone(match, text, rules) or _names_household(match, text, rules)
            or _names_circle(match, text, rules) or _round_the_clock(match, text, rules)
            or _names_reference_level(match, text, rules)
            or _names_voltage_class(match, text, rules) or _is_outline_number(match, text, rules)
            or _counts_papers(match, text, rules) or _is_budget(match, text, rules) or _is_payment_share(match, text, rules)
            or _is_rank_cutoff(match, text, rules) or _is_chrome_line(match, text))


def _after_spaced_word(start: int, text: str, rules: _Rules) -> bool:
    """Whether an ordinal's or a rate base's word stands before the number across a layout's blanks (第 6週齡, 每 1000人)."""
    spaced = rules.words["spaced_not_after"]
    at = start
    while at > 0 and start - at < spaced["reach"] and text[at - 1] in spaced["blanks"]:
        at -= 1
    return at < start and text.endswith(tuple(spaced["words"]), 0, at)


def _pairs_figures(match: re.Match[str], text: str, rules: _Rules) -> bool:
    """Whether a number after a pair mark follows a figure with its own unit (12亿元/10亿元, 190个/226亿元: a table cell's
    two figures, dev c987), not a ratio, a code or a formula's constant (1/10万, …/…×100%), nor a rate's base (10个/100人)."""
    start = match.start()
    before = rules.figure_pair.search(text, max(0, start - _PAIR_REACH), start)
    if before is None:
        return False
    number = _group(match, "n1") or ""
    if _ROUND_BASE.fullmatch(number) is None:
        return True  # 190个/226亿元
    # a round figure larger than the one before is the base of a rate (5人/1000人, 10个/100人), not a second figure (12亿元/10亿元)
    return parse_number(number + (_group(match, "m1") or "")) <= parse_number(before.group("n") + before.group("m"))


def _names_second_round(match: re.Match[str], text: str, rules: _Rules) -> bool:
    """二次 glued to the word after it (二次分拣, 二次创业, 人大二次会议): a second round or a secondary kind, not a count of two,
    which writes 两次; a comparator after it (二次以上) keeps it a count."""
    end = match.end()
    return (match.group() in rules.words["second_rounds"] and end < len(text) and _CJK.match(text[end]) is not None
            and not text.startswith(rules.comparators_after, end))


def _is_chrome_line(match: re.Match[str], text: str) -> bool:
    """A figure that is a line of portal chrome by itself: the file size a document-sharing site shows under a
    notice's name (33.20KB, 39.75KB: c308, c497), which a preamble node keeps."""
    start, end = match.span()
    at_ends = (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] == "\n")
    return at_ends and is_chrome(match.group())


def _group(match: re.Match[str], name: str) -> str | None:
    """A named group of a number match, None where it took no part or the match's shape has no such group
    (what groupdict().get gives, without building the dict for every rule that asks)."""
    return match.group(name) if name in match.re.groupindex else None


def _is_payment_share(match: re.Match[str], text: str, rules: _Rules) -> bool:
    """A tranche of a payment: 预拨工程施工合同价的30%, 拨付至合同价的50%, 申请剩余的30%资金 (how funds are paid out)."""
    w = rules.words["payment_shares"]
    if _group(match, "unit") not in w["units"]:
        return False
    end = match.end() + (1 if text.startswith("的", match.end()) else 0)
    return text.startswith(tuple(w["funds_after"]), end) or bool(rules.payment_share.search(text, max(0, match.start() - 24), match.start()))


def _counts_papers(match: re.Match[str], text: str, rules: _Rules) -> bool:
    """The copies a filing takes: 以正式文件(一式5份)报…, 檢附經費核定表1份, 明細表各1份 (papers to hand in), 檢附…訊息 1 份
    (the copies a letter attaches)."""
    w = rules.words["filed_papers"]
    if _group(match, "unit") not in w["units"]:
        return False
    at = match.start() - 1 if text.startswith(rules.words["unit_space"], match.start() - 1) else match.start()
    if text.endswith(tuple(w["before"]), 0, at):
        return True
    opening = text[max(0, at - int(w["attach_reach"])):at]
    opening = opening[max(opening.rfind(c) for c in "，。；,;") + 1:]
    return any(verb in opening for verb in w["attach_verbs"])


def _is_rank_cutoff(match: re.Match[str], text: str, rules: _Rules) -> bool:
    """A rank that selects (取前6名, 邀请优胜前3名, 考核结果列全省前3名的…奖): who is picked or rewarded, no goal; a verb of
    reaching a place earlier in its clause makes it the goal (进入全省前100位, 跃居全省前40位)."""
    w = rules.words["rank_cutoffs"]
    if _group(match, "unit") not in w["units"] or not text.endswith(tuple(w["before"]), 0, match.start()):
        return False
    opening = text[max(0, match.start() - int(w["reach"])):match.start()]
    opening = opening[max(opening.rfind(c) for c in rules.words["clause_breaks"]) + 1:]
    return not any(verb in opening for verb in w["goal_verbs"])


def _is_budget(match: re.Match[str], text: str, rules: _Rules) -> bool:
    """A budget or fund amount: after a budget label (资金总额: 10000万元, 申请预算资金90万元) or with a use after it and
    no grant before it in its clause (其中:30万元用于…审计): what the work is given, not what it must reach."""
    w = rules.words["budget_amounts"]
    if _group(match, "unit") not in w["units"]:
        return False
    head = text[max(0, match.start() - 20):match.start()].rstrip(w["label_glue"])
    if head.endswith(tuple(w["labels"])):
        return True
    if not text.startswith(tuple(w["use"]), match.end()) or _is_invested(text, match.start(), rules):
        return False
    clause = text[_clause_start(text, match.start(), rules.words["clause_breaks"], int(rules.words["mood"]["window"])):match.start()]
    return not any(grant in clause for grant in w["grants"])


def _before_amount(text: str, start: int, rules: _Rules) -> str:
    """The few characters before an amount, the glue of an investing phrase (约, 达, 为) dropped."""
    return text[max(0, start - 12):start].rstrip(rules.words["invested_amounts"]["glue"])


def _is_invested(text: str, start: int, rules: _Rules) -> bool:
    """An amount a plan invests (计划投资1700万元进行…, 投资2000万元用于…, 总投资约5亿元的…项目, 总投资预计300余万元):
    right after an investing word, maybe with a forecast word glued after it."""
    w = rules.words["invested_amounts"]
    head = _before_amount(text, start, rules)
    for word in w["estimates"]:
        head = head.removesuffix(word)
    return head.rstrip(w["glue"]).endswith(tuple(w["words"]))


def _invests_as_planned(text: str, start: int, rules: _Rules) -> bool:
    """A plan's own investment figure under a forecast word glued to the investing word (预计投资1000余万元,
    预计总投资8978万元, 总投资预计300余万元): what the plan builds, not a forecast of an effect."""
    w = rules.words["invested_amounts"]
    head = _before_amount(text, start, rules)
    if head.endswith(tuple(w["estimates"])):
        return _is_invested(text, start, rules)
    word = next((word for word in w["words"] if head.endswith(word)), None)
    if word is None:
        return False
    before = head.removesuffix(word)
    for total in w["totals"]:
        before = before.removesuffix(total)
    return before.endswith(tuple(w["estimates"]))


def _names_household(match: re.Match[str], text: str, rules: _Rules) -> bool:
    """A count of people glued to 户 names a household by its size (1人户不低于20平方米, 3人以上户), not a
    count to reach."""
    w = rules.words["household_sizes"]
    if _group(match, "unit") not in w["units"]:
        return False
    end = match.end()
    end += len(max((word for word in rules.comparator_after if text.startswith(word, end)), key=len, default=""))
    return text.startswith(tuple(w["heads"]), end)


def _names_reference_level(match: re.Match[str], text: str, rules: _Rules) -> bool:
    """Whether the figure names an average level a comparison is made against (高于省、市7.5%平均水平, 低于行业5%的平均水平):
    a benchmark, not a level to reach."""
    w = rules.words["reference_levels"]
    end = match.end()
    for glue in ("", *w["glue"]):
        if text.startswith(glue, end) and text.startswith(tuple(w["nouns"]), end + len(glue)):
            return True
    return False


def _names_circle(match: re.Match[str], text: str, rules: _Rules) -> bool:
    """A time or a distance that names an area or a metric, not an amount: glued to a noun ending in 圈, 半径 or 范围 or
    to a rate's name (15分钟社区生活圈, 500米服务半径, 校门200米范围内, 500米覆盖率, 3分钟出车率), or after a place word
    (校园周边200米以内); a comparator or change word right before it keeps it a bound (控制在500米范围内)."""
    w = rules.words["named_circles"]
    unit = _group(match, "unit")
    if unit not in w["units"]:
        return False
    start = match.start()
    if _word_before(text, start, rules.comparator_before, rules)[0] or _word_before(text, start, rules.change_before, rules)[0]:
        return False
    before = start - len(w["each"]) if text.endswith(w["each"], 0, start) else start
    if unit in w["place_units"] and text.endswith(tuple(w["places_before"]), 0, before):
        return True
    end = _past_note(text, match.end(), rules.words["bound_notes"])  # 500米(含500米)范围内
    stop = next_break(text, end, str(rules.words["metric_after_stops"]), min(len(text), end + int(w["reach"])))
    return any(head in text[end:stop] for head in w["heads"])


def _round_the_clock(match: re.Match[str], text: str, rules: _Rules) -> bool:
    """A day's whole length glued to the work it qualifies (24小时动态巡查, 24小时值班制): work round the clock, no amount."""
    w = rules.words["round_the_clock"]
    end = match.end()
    return (_group(match, "unit") in w["units"] and match.group("n1") in w["amounts"] and not _group(match, "n2")
            and _glued_to_word(text, end, tuple(w["not_before"])))


def _glued_to_word(text: str, end: int, not_before: tuple[str, ...]) -> bool:
    """Whether a Chinese character follows a quantity's unit, going on into a word (24小时值班制, 6.1 人力资源), unless it
    opens one of not_before (24小时内: a bound, not a word)."""
    return end < len(text) and _CJK.match(text[end]) is not None and not text.startswith(not_before, end)


def _names_voltage_class(match: re.Match[str], text: str, rules: _Rules) -> bool:
    """A voltage glued to what it powers (35kV工程, 10kV线路, 10kV及以下工程) names the grid level: a class, no amount."""
    end = match.end()
    return (_group(match, "unit") in rules.words["voltage_classes"]["units"] and end < len(text)
            and _CJK.match(text[end]) is not None)


def _is_outline_number(match: re.Match[str], text: str, rules: _Rules) -> bool:
    """A decimal section number opening its line, its heading's first word read as a unit (6.1 人力资源保障, 5.4队伍保障):
    how the plan is outlined, not an amount."""
    w = rules.words["outline_numbers"]
    if _group(match, "unit") is None or _group(match, "m1") or _group(match, "n2"):
        return False
    start = match.start()
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip(w["lead"]) or rules.outline_number.fullmatch(match.group("n1")) is None:
        return False
    return _glued_to_word(text, match.end(), (*rules.comparators_after, *w["not_before"]))


def _is_bracketed_alone(match: re.Match[str], text: str, rules: _Rules) -> bool:
    """A figure alone in a pair of brackets: a percentage is a weight or a stage's share (推展會展活動(6%), 1.完成土地規劃(50%));
    a measure right after a name is the named thing's size (远香湖南（4.73平方公里）, 四分类垃圾桶（240升）); a total counts
    what a name lists (…分工方案(共计121项))."""
    w = rules.words["bracketed_alone"]
    start = match.start()
    if not text.startswith(tuple(w["closes"]), match.end()):
        return False
    if _counts_heading_items(match, text, rules):
        return True
    total = next((word for word in w["totals"] if text.endswith(word, 0, start)), None)
    if total is not None:
        return text.endswith(tuple(w["opens"]), 0, start - len(total))
    if not text.endswith(tuple(w["opens"]), 0, start):
        return False
    unit = _group(match, "unit")
    if unit in w["units"]:
        return True
    named = start > 1 and _CJK.match(text[start - 2]) is not None
    return named and unit is not None and unit not in rules.words["project_scale"]["count_units"]


def _counts_heading_items(match: re.Match[str], text: str, rules: _Rules) -> bool:
    """A count of items alone in brackets closing a numbered heading's line (一、就业促进(3项); 一、优秀项目（10项）): how many
    items the heading lists under it, not a goal."""
    w = rules.words["bracketed_alone"]
    line_end = text.find("\n")
    line_end = len(text) if line_end < 0 else line_end
    closed = match.end() + 1
    if closed > line_end or text[closed:line_end].strip(w["line_trailers"]) or _group(match, "unit") not in w["heading_counts"]:
        return False
    return text.endswith(tuple(w["opens"]), 0, match.start()) and match_heading(text) is not None


def _states_standard(text: str, end: int, rules: _Rules) -> bool:
    """Whether a figure ending at ``end`` is right before (的)标准, the standard a measure pays or sets (按每人1000元的标准给予,
    按每百户不少于30平方米的标准配建, 按照1500元/人标准), not before 标准的… (a standard that qualifies) or 标准化 (another word)."""
    w = rules.words["stated_standards"]
    follower = w["follower"]
    at = end + len(follower) if text.startswith(follower, end) else end
    noun = next((n for n in w["nouns"] if text.startswith(n, at)), None)
    return noun is not None and not text.startswith(tuple(w["not_before"]), at + len(noun))


def _is_reward_base(match: re.Match[str], text: str, rules: _Rules) -> bool:
    """The count a reward is paid per: 每认定1家给予孵化器10万元扶持, 每增加20亿元,给予20万元奖励 (the reward is the target)."""
    if _states_standard(text, match.end(), rules):
        return False  # 每年按10元/亩的标准进行补贴: the standard paid, not a base
    w = rules.words["reward_base"]
    start = match.start()
    verb = start - int(w["verb_chars"])
    two = verb > 0 and text[verb - 1] == w["word"] and text[verb:start].isalpha()
    if not (two or text.endswith(tuple(w["word"] + short for short in w["short_verbs"]), 0, start)):
        return False
    breaks = rules.words["clause_breaks"]
    end = next_break(text, match.end(), breaks, len(text))
    if end == match.end() and end < len(text):  # the count closes its clause: the reward opens the next one
        end = next_break(text, end + 1, breaks, len(text))
    return any(reward in text[match.end():end] for reward in w["rewards"])


def _is_spend_threshold(match: re.Match[str], text: str, rules: _Rules) -> bool:
    """The spend a discount asks for (满100元减20元, 每满300元立减50元): a condition a purchase meets, the discount the amount."""
    w = rules.words["spend_thresholds"]
    reach, blanks = int(w["reach"]), rules.words["unit_space"] + "\u3000\n"  # a wrapped line breaks 满\n 100 元减
    before = text[max(0, match.start() - reach - 1):match.start()].rstrip(blanks)
    after = text[match.end():match.end() + reach + 2].lstrip(blanks)
    return before.endswith(tuple(w["words"])) and after.startswith(tuple(w["discounts"]))


def _is_baseline(match: re.Match[str], text: str, rules: _Rules) -> bool:
    """The value a change starts from: 从80%提高到95%, 由20个工作日压减至10个工作日, past the noun measured
    (由家庭年人均可支配收入9600元以下提高到…); a base year's value in a bracketed note: 达到45%(2020年为42%); the figures a
    change is compared with: 比2010年的132.4万吨、14.56万吨分别减少7.0%、8.6%."""
    if rules.baseline_note.search(text, max(0, match.start() - 12), match.start()):
        return True
    reach = int(rules.words["comparison_base_reach"])
    if rules.comparison_base.search(text, max(0, match.start() - reach), match.start()):
        return True
    if not rules.baseline_start.search(text, max(0, match.start() - rules.baseline_reach), match.start()):
        return False
    clause = text[match.end():next_break(text, match.end(), rules.words["clause_breaks"], len(text))]
    return any(verb in clause for verb in rules.words["changes_before"]["reach"])


def _is_one_by_one(match: re.Match[str], text: str, rules: _Rules) -> bool:
    """The same quantity after two short verbs in a row is the idiom "one at a time", not a
    count: 解决一户,销号一户; 成熟一个、发展一个."""
    w = rules.words["one_by_one"]
    if (_group(match, "n1") or "") not in w["numerals"]:
        return False
    quantity, start, end = match.group(), match.start(), match.end()
    seps, most = str(w["separators"]), int(w["verb_max_chars"])
    for gap in range(1, most + 2):
        if text.startswith(quantity, end + gap) and _is_verb_link(text[end:end + gap], seps, most):
            return True
        if text.endswith(quantity, 0, start - gap) and _is_verb_link(text[start - gap:start], seps, most):
            return True
    return False


def _is_verb_link(gap: str, separators: str, most: int) -> bool:
    """An optional separator then a short verb (no digits, no separators) between two quantities."""
    verb = gap[1:] if gap[:1] and gap[0] in separators else gap
    return 1 <= len(verb) <= most and not any(ch.isdigit() or ch in separators for ch in verb)


def _is_rate_base(match: re.Match[str], text: str, rules: _Rules) -> bool:
    """A count of holders right before another number is the base of a rate, not the target:
    1户1人以上 (one person per household); action counts (1次21项检测) are excepted, and so is a
    count larger than one glued to a quantity of its own (33户132人: households and their people)."""
    unit = _group(match, "unit")
    follows = text[match.end():match.end() + 1]
    if not unit or not follows.isdigit() or unit in rules.words["action_units"]:
        return False
    return _group(match, "n1") in rules.words["rate_base_counts"] or rules.arabic.match(text, match.end()) is None


def _qualifies_noun(previous: _Found, start: int, rules: _Rules) -> bool:
    """Whether a number written right after an action count describes the noun that follows
    (进行1次21项检测: the test has 21 items; the target is the 1 time)."""
    return previous.end == start and previous.fields.get("unit") in rules.words["action_units"]


def _read(match: re.Match[str], text: str, rules: _Rules, previous: _Found | None) -> _Found | None:
    """The target a number match denotes, with cue words around it folded into its range;
    ``previous`` is the last target found before it."""
    previous_end = previous.end if previous else None
    g = match.groupdict()
    pattern = match.re
    if pattern is rules.nil:  # 死亡人数为零: the count is stated at zero, a goal or a fact by the sentence's mood
        return _Found(match.start(), match.end(), {"value": 0.0, "comparator": "="})
    if pattern is rules.zero or pattern is rules.absent:
        return _read_zero(match, text, rules)
    if pattern is rules.bare_amount:
        return _read_bare_amount(match, text, rules)
    if pattern is rules.fraction:
        return _read_fraction(match, text, rules)
    if pattern is rules.rate_level and rules.rate_lead.search(text, max(0, match.start() - _RATE_LEAD_REACH), match.start()) is None:
        return None  # a bare number closing a clause is a level only after a rate's noun (调解率100)
    try:
        if pattern is rules.doubling:
            fields = {"value": float(2 ** to_int(g["n1"])), "unit": rules.words["doubling"]["unit"], "change": "multiply"}
        elif pattern is rules.percent_word:
            fields = {"value": parse_number(g["n1"]), "unit": "%", "percent": True}
        elif pattern is rules.magnitude_alone:
            fields = _quantity({**g, "n1": "1"}, rules.words["unit_aliases"])  # 亿元以上: the multiplier counts one
        elif pattern is rules.counted:  # 10万农村人口: the noun of people gives the unit
            fields = _quantity({**g, "unit": rules.words["counted_nouns"]["nouns"][g["noun"]]}, rules.words["unit_aliases"])
        else:
            fields = _quantity(g, rules.words["unit_aliases"])
    except NumeralError:
        return None
    start, end = match.span()
    wrapped_unit = _unit_across_wrap(text, match, rules)
    if wrapped_unit is not None:
        fields["unit"], end = wrapped_unit
    comparator = rules.approx.get(g.get("approx") or "", "=")
    word, word_start = _word_before(text, start, rules.comparator_before, rules)
    if word and text.endswith(tuple(rules.words["comparator_not_after"].get(word, ())), 0, word_start):
        word, word_start = None, start  # 通过3年, 经过3轮: a verb of passing, no comparator
    inherited = None if word else _list_comparator(text, start, previous, rules)
    if word:
        comparator = rules.comparator_before[word]
        start = word_start
    else:
        comparator = (inherited or _distant_comparator(text, start, rules) or _share_comparator(text, start, fields, rules)
                      or comparator)
        at = start - 1 if start and text.startswith(rules.words["unit_space"], start - 1) else start  # 約 500 次
        approx_word = next((a for a in rules.words["approx_before_words"] if text.endswith(a, 0, at)), None)
        if approx_word:
            comparator, start = "~", at - len(approx_word)
        ranks = rules.words["rank_cutoffs"]
        rank = next((r for r in ranks["before"] if text.endswith(r, 0, start)), None)
        if rank and fields.get("unit") in ranks["units"]:
            comparator, start, word = "<=", start - len(rank), rank  # 进入全省前100位: that place or a better one
    change, change_start = _word_before(text, start, rules.change_before, rules)
    if change:
        fields.setdefault("change", rules.change_before[change])
        start = change_start
    after = _comparator_after(text, end, rules)
    quota = ((_after_quota_verb(text, start, rules) and not _names_one_off_act(g, text, start, fields.get("unit"), rules))
             or _continues_list(text, start, previous_end, rules) or _counts_per_period(text, start, fields.get("unit"), rules))
    # a floor adverb sets a quota of Chinese-numeral actions (至少全面核查一次); a cap does not
    # (最多跑一次 names a reform)
    floor = pattern is rules.chinese and _distant_comparator(text, start, rules) == ">="
    if pattern is rules.chinese and not (word or change or after or quota or floor):
        return None  # Chinese-numeral quantities without a cue are mostly names (两个维护)
    if pattern is rules.chinese and fields.get("unit") in rules.words["arabic_only_units"]:
        return None  # 一对一: a word's part; 二类以上: a grade; no count
    if fields.get("unit") in rules.words["cued_only_units"] and not (word or change):
        return None  # 5岁以下儿童: an age that says who is meant
    if after:
        comparator = rules.comparator_after[after]
        end += len(after)
    approx = bool(g.get("approx")) or text.endswith(tuple(rules.words["mood"]["approx_before"]), 0, start)
    governing = word or (previous.word if inherited and previous else None)
    normative = governing in rules.words["normative_comparators"]
    return _Found(start, end, {**fields, "comparator": comparator}, cued=normative, approx=approx, word=governing, after=after)


def _comparator_after(text: str, end: int, rules: _Rules) -> str | None:
    """The comparator word written right after a figure (以上, 以内, 左右…), the longest first; None where none stands."""
    return next((w for w in rules.comparators_after if text.startswith(w, end)), None)


def _read_fraction(match: re.Match[str], text: str, rules: _Rules) -> _Found | None:
    """A fraction right after a change verb, the size of the change (下降1/2, 压缩三分之一以上: the fraction, no unit; 减少一半:
    50 %); after any other word a/b is a ratio, a date or a code, and N分之M no goal."""
    change, start = _word_before(text, match.start(), rules.change_before, rules)
    if change is None or rules.change_before[change] == "reach":
        return None
    g = match.groupdict()
    try:
        if g["half"]:
            fields = {"value": float(rules.words["fractions"]["half_value"]), "unit": "%", "percent": True}
        else:
            numerator, denominator = (int(g["fa"]), int(g["fb"])) if g["fa"] else (to_int(g["ca"]), to_int(g["cb"]))
            fields = {"value": numerator / denominator, "unit": None, "percent": False}
    except (NumeralError, ZeroDivisionError):
        return None
    end = match.end()
    after = _comparator_after(text, end, rules)
    comparator = rules.comparator_after[after] if after else "="
    end += len(after or "")
    return _Found(start, end, {**fields, "change": rules.change_before[change], "comparator": comparator}, after=after)


def _read_bare_amount(match: re.Match[str], text: str, rules: _Rules) -> _Found | None:
    """An amount in Chinese numerals ending in a multiplier, with no unit written, right after a comparator word
    (超过五千亿规模, 过千亿): the unit is left to what is measured; without the word it is a name (千亿级, 百亿企业)."""
    word = _adjacent_before(text, match.start(), rules.bare_comparators)
    if word is None:
        return None
    try:
        value = parse_number(match.group("n1"))
    except NumeralError:
        return None
    fields = {"value": value, "unit": None, "percent": False, "comparator": rules.bare_comparators[word]}
    return _Found(match.start() - len(word), match.end(), fields, word=word)


def _read_zero(match: re.Match[str], text: str, rules: _Rules) -> _Found | None:
    """A zero goal, 零 and the word after it (or 无 and the event it counts), when a goal verb starts a word earlier in the clause:
    实现全县义务教育阶段学生零辍学, 确保全年无重大森林火灾,
    确保安全生产零事故, 实现…零增长 (change increase); not 坚持零容忍, 零距离服务. The sentence's mood decides whether it is set or
    reported (村民连续8年实现零上访)."""
    w, breaks, window = rules.words["zero"], rules.words["clause_breaks"], int(rules.words["mood"]["window"])
    if text[match.start() - 1:match.start()] in w["verb_before"]:
        return None  # 隐患清零闭环管理: 清零 is a verb
    before = words_within(text, _clause_start(text, match.start(), breaks, window), match.start())
    verb = any(word.startswith(tuple(w["verbs"])) for word in before)
    if match.re is rules.absent:  # 确保无重大森林火灾: 无 through the event counted
        event = rules.absence_event.match(text, match.end())
        if event is None or not (verb or _closes_clause(text, event.end(), w["absence_closers"], rules)):
            return None
        return _Found(match.start(), event.end(), {"value": 0.0, "comparator": "="})
    if not verb:
        return None
    following = words_within(text, match.end(), _clause_end(text, match.end(), breaks, window))
    if not following or following[0].startswith(tuple(w["not_before"])):
        return None
    change = rules.change_before.get(following[0])
    fields = {"value": 0.0, "comparator": "=", **({"change": change} if change else {})}
    return _Found(match.start(), match.end() + len(following[0]), fields)


def _closes_clause(text: str, pos: int, closers: list[str], rules: _Rules) -> bool:
    """Whether the clause ends at ``pos``, past one of ``closers`` (中、小学校无安全事故发生。: the event stated absent closes it)."""
    pos += len(next((c for c in closers if text.startswith(c, pos)), ""))
    ends = rules.words["clause_breaks"] + rules.words["mood"]["sentence_breaks"]
    return pos >= len(text) or text[pos] in ends or text[pos] == "\n"


def _list_comparator(text: str, start: int, previous: _Found | None, rules: _Rules) -> str | None:
    """The comparator of the previous quantity when only a list joiner stands between them and a
    comparator word was written before that one (分别达到60%和45%; 最高60万元、40万元)."""
    if previous is None or previous.word is None:
        return None
    gap = text[previous.end:start].strip()
    return previous.fields["comparator"] if gap in rules.words["comparator_list_joiners"] else None


def _continues_list(text: str, start: int, previous_end: int | None, rules: _Rules) -> bool:
    """Whether the number is the next item of a short list of quantities in the same clause
    (联系一个贫困村、二户农村特困户和两个社区; 制定一个发展规划、想出一个增收致富点子)."""
    w = rules.words["quantity_list"]
    if previous_end is None or start - previous_end > int(w["max_gap"]):
        return False
    gap = text[previous_end:start]
    if any(ch in rules.words["clause_breaks"] for ch in gap):
        return False
    joined = [gap.rfind(joiner) + len(joiner) for joiner in w["joiners"] if joiner in gap]
    return bool(joined) and len(gap) - max(joined) <= int(w["verb_max_chars"])


def _counts_per_period(text: str, start: int, unit: str | None, rules: _Rules) -> bool:
    """Whether a count of times follows a period word earlier in its clause (每季度报送一次, 每半月向党委汇报一次): a count per
    period, whatever verb does the work."""
    w = rules.words["period_counts"]
    if unit not in w["units"]:
        return False
    clause = text[_clause_start(text, start, rules.words["clause_breaks"], int(w["reach"])):start]
    return any(marker in clause for marker in w["markers"])


def _names_one_off_act(g: dict[str, str | None], text: str, start: int, unit: str | None, rules: _Rules) -> bool:
    """Whether 一次 right after a verb of holding only names the act the verb holds (开展一次安全检查, 进行一次集中整治): no
    count to reach unless a period word is glued to the verb (月开展一次); 每 and bounds are read elsewhere."""
    w = rules.words["one_off_acts"]
    if g.get("n1") not in w["numerals"] or unit not in w["units"]:
        return False
    verb = next((v for v in w["verbs"] if text.endswith(v, 0, start)), None)
    return verb is not None and not text.endswith(tuple(w["periods"]), 0, start - len(verb))


def _after_quota_verb(text: str, start: int, rules: _Rules) -> bool:
    """Whether a quota verb ends right before the number (每人联系一个贫困村, 办一件实事)."""
    return text.endswith(rules.words["quota_verbs"], 0, start)


def _distant_comparator(text: str, start: int, rules: _Rules) -> str | None:
    """Comparator of a word earlier in the clause: an adverb a short verb away (至少认领1个,
    至少联系1户…和1户), or a comparator verb over the noun it compares, up to the first number
    after it (不超过职工总数15%)."""
    return next((found for found in (_reached_comparator(text, start, reach) for reach in rules.reaches) if found), None)


def _reached_comparator(text: str, start: int, reach: _Reach) -> str | None:
    """The comparator of the word of ``reach`` ending nearest before ``start`` in its clause, within its gap."""
    nearest = start - reach.max_gap  # where a word may end at the farthest (不低于 | 上年度药品实际使用量的 | 80%)
    window = after_last_break(text, max(0, nearest - reach.longest), start, _rules().words["clause_breaks"])
    # the word ending last wins; at the same end the longer one (不超过 over 超过)
    ends = ((m.start() + len(m[1]), len(m[1]), reach.symbol[m[1]]) for m in reach.starts.finditer(text, window, start))
    best = max((found for found in ends if found[0] >= nearest), default=None)
    if best is not None and (reach.over_numbers or not any(ch.isdigit() for ch in text[best[0]:start])):
        return best[2]
    return None


def _share_comparator(text: str, start: int, fields: dict[str, Any], rules: _Rules) -> str | None:
    """The comparator of a share written after its base and 的 (达到全市街(镇)总数的 80%, 不低于…可支配收入的60%): the verb's
    before the base, however long the base runs in its clause."""
    if not fields.get("percent"):
        return None
    at = start - 1 if text.startswith(rules.words["unit_space"], start - 1) else start
    if not text.endswith(rules.words["share_reach"]["before"], 0, at):
        return None
    return _reached_comparator(text, start, rules.share_reach)


def document_is_report(title: str | None, lines: list[str]) -> bool:
    """Whether a document states facts rather than goals: by the genre its title names
    (…情况的报告, 经验材料 / …实施方案, 工作要点), else by a sentence announcing an account
    (现将巡察整改情况予以公布), else by its cue words."""
    rules = _rules()
    mood = rules.words["mood"]
    head = (title or _spaced_title(lines, int(mood["spaced_title_lines"]))).rstrip("》”\"）) ")
    if head.endswith(tuple(mood["report_titles"])):
        return True
    if head.endswith(tuple(mood["plan_titles"])):
        return False
    return any(rules.announcement.search(line) for line in lines) or reads_as_report(lines)


_SPACED_TITLE = re.compile(r"[\u4e00-\u9fff](?: [\u4e00-\u9fff]){2,}")  # 政 府 工 作 报 告: a title set with blanks


def _spaced_title(lines: list[str], within: int) -> str:
    """A title typeset with a blank between its characters among the first lines (政 府 工 作 报 告 over a work report's
    session line), closed up; empty where none is."""
    spaced = next((line.strip() for line in lines[:within] if _SPACED_TITLE.fullmatch(line.strip())), "")
    return spaced.replace(" ", "")


def under_review(nt: NodeText) -> bool:
    """Whether a node stands under a heading that names an account of what was done (一、2023年…
    计划执行情况, 一、上半年工作回顾), itself included: its dates and numbers are facts even in a plan."""
    return _nearest_heading_kind(nt) == "review_headings"


def _nearest_heading_kind(nt: NodeText) -> str | None:
    """Which heading list (review_headings, goal_headings, condition_headings) the nearest heading over a
    node, itself included, ends with; None where no heading does."""
    for node in reversed(nt.path or [nt.node]):
        kind = _heading_kind(node.title)
        if kind is not None:
            return kind
    return None


@text_memo(maxsize=1 << 10)
def _heading_kind(title: str | None) -> str | None:
    """Which heading list (the mood's review_headings and goal_headings, condition_lists' headings) a node's heading
    phrase ends with (memoised: every node asks about each of its ancestors' titles, once per annotator)."""
    words = _rules().words
    mood = words["mood"]
    heading = _heading(title)
    lists = {"review_headings": mood["review_headings"], "goal_headings": mood["goal_headings"],
             "condition_headings": words["condition_lists"]["headings"]}
    for kind, endings in lists.items():
        if heading.endswith(tuple(endings)):
            if kind == "review_headings" and any(word in heading for word in mood["review_not_with"]):
                return None  # 确保取得明显成效: results still to reach
            return kind
    return None


def _heading(title: str | None) -> str:
    """A node's heading phrase without a run-in sentence (上半年工作回顾 今年以来,… → 上半年工作回顾)."""
    words = (title or "").split()
    return words[0].rstrip("。.:：;；") if words else ""


def reads_as_report(lines: list[str]) -> bool:
    """Whether a document as a whole reports what was done (a self-assessment, a speech, a work
    record): more fact cues (已, 累计, 我们…) than strong goal cues (要, 确保…), and enough of them.
    Such documents state their numbers as achievements even where a node has no cue of its own."""
    changes = sum(_reported_changes(line) for line in lines)  # 由43.3%提高到49.8%: a review's results, each a fact cue
    return _more_facts_than_goals(lines, int(_rules().words["mood"]["report_min_fact_cues"]), changes)


def _more_facts_than_goals(texts: Sequence[str], at_least: int = 0, more_facts: int = 0) -> bool:
    """Whether the texts hold more fact cues (tokens, and ``more_facts`` found otherwise) than goal-cue tokens, and at
    least ``at_least`` fact cues. Every fact-cue token starts where a fact-cue word starts as a substring, so where
    those places are too few (most plans) the answer is no without segmenting anything."""
    if more_facts + sum(_fact_cue_places(text) for text in texts) < max(at_least, 1):
        return False
    facts, goals = _cue_counts(texts)
    return facts + more_facts > goals and facts + more_facts >= at_least


@text_memo(maxsize=1 << 12)
def _fact_cue_places(text: str) -> int:
    """How many positions of the text start a counted fact-cue word or a span counted back (五年来): at most that many
    fact cues."""
    rules = _rules()
    return len(_fact_cue_starts().findall(text)) + len(rules.retrospect.findall(text)) + len(_year_to_date(text, rules))


def _reported_changes(text: str) -> int:
    """How many changes the text writes from their start to their end (由43.3%提高到49.8%): a review's way of stating
    how far a figure moved, each a fact cue; not one a disposal marker earlier in its clause makes an act the text sets
    (将…收入线标准由9600元以下提高到15600元以下)."""
    rules = _rules()
    w = rules.words
    acts = tuple(w["disposal"]["markers"])
    breaks, window = w["clause_breaks"], int(w["mood"]["window"])
    return sum(1 for found in rules.reported_change.finditer(text)
               if not any(act in text[_clause_start(text, found.start(), breaks, window):found.start()] for act in acts))


@cache
def _fact_cue_starts() -> re.Pattern[str]:
    """A pattern taking the first character of every counted fact-cue word where the whole word follows
    (one match per position however many words start there; alternatives open with a literal, so re skips
    ahead to their first characters)."""
    cues = _rules().cues
    words = sorted(cues.fact & cues.report_cues, key=lambda w: (-len(w), w))
    return re.compile("|".join(re.escape(w[0]) + (f"(?={re.escape(w[1:])})" if len(w) > 1 else "") for w in words))


def _cue_counts(texts: Iterable[str]) -> tuple[int, int]:
    """How many fact-cue and goal-cue tokens the texts hold (a word in both lists counts twice);
    weak fact words (取得, 获得…), which plans use as much as reports, are not counted."""
    facts = goals = 0
    for text in texts:
        more_facts, more_goals = _text_cue_counts(text)
        facts += more_facts
        goals += more_goals
    return facts, goals


@text_memo(maxsize=1 << 12)
def _text_cue_counts(text: str) -> tuple[int, int]:
    """The fact and goal cue tokens of one text (a node's is counted again for each descendant); a fact word right after
    a preposition (对已建公墓, 对已取得许可…的单位) names the things that have it, and reports nothing."""
    rules = _rules()
    cues = rules.cues
    named = tuple(rules.words["mood"]["attributive_after"])
    facts, goals = len(rules.retrospect.findall(text)) + len(_year_to_date(text, rules)), 0  # 五年来, 1-10月: what follows looks back
    first = rules.words["mood"]["first_person"]
    for pos, token in words_among_within(text, 0, len(text), cues.report_cues):
        facts += token in cues.fact and not text.endswith(named, 0, pos) and not _placed_first_person(text, pos, token, first)
        goals += token in cues.goal
    return facts, goals


def _placed_first_person(text: str, pos: int, token: str, first: dict[str, Any]) -> bool:
    """Whether the first person at ``pos`` follows a word of place or of the one served (位于我镇, 在我县, 为我市): it names where
    the work is, no report's voice."""
    return token in first["words"] and text.endswith(tuple(first["not_after"]), 0, pos)


class _Mood:
    """Whether the numbers of one node's text state goals or facts, from cue words (jieba tokens)."""

    def __init__(
        self, text: str, context: list[str], due_ends: list[int], rules: _Rules, in_report: bool | None, review: bool = False,
        own_year: int | None = None, tally_ends: list[int] | None = None,
    ) -> None:
        words = rules.words["mood"]
        self.own_year = own_year  # a year named before it is past (a fact cue)
        self.past_not_after = tuple(words["past_year"]["not_after"])  # 较2015年, 到2020年: no frame
        self.past_not_before = tuple(words["past_year"]["not_before"])  # 2020年底前, 2019年以来: no frame
        self.bases = tuple(words["comparison_bases"])  # 比去年增长25.4%: the base of a change, no fact
        self.first_person = words["first_person"]  # 位于我镇: where the work is, no report's voice
        self.text = text
        self.context = context  # the own texts of the node's ancestors
        self.deadline_ends = due_ends  # sorted ends of the node's deadlines that set a due time
        self.tally_ends = tally_ends or []  # sorted ends of the tallies from the year's start (1-10月), a report's frame
        self.cues = rules.cues
        self.breaks = str(words["sentence_breaks"])
        self.clause_breaks = str(rules.words["clause_breaks"])
        self.window = int(words["window"])
        self._report = in_report  # None: decided by the cue words when first asked
        self.review = review  # under a heading reviewing the past: even a bound (控制在3.4%以内) is a result
        self._breaks: list[int] | None = None  # positions of sentence breaks, found when first asked
        self._forecasts: list[int] | None = None  # ends of forecast words (预计, 据测算), found when first asked
        self._forecast_reach: list[int] = []  # where each forecast word's reach ends: its aside's close, else the text's end
        self._past_years: list[int] | None = None  # ends of past years that frame a sentence, found when first asked
        self._goal_labels: list[int] | None = None  # ends of goal-list labels (预期目标是:), found when first asked
        self._retrospects: list[int] | None = None  # ends of spans counted back (五年来), found when first asked
        self._existences: list[int] | None = None  # ends of unframed statements of what exists (全市共有), found when first asked
        self._holdings: list[int] | None = None  # ends of unframed statements of what already stands (已有3家), found when first asked
        self.retrospect = rules.retrospect
        self.existence = rules.existence
        self.holding = rules.holding
        self.forecast = rules.forecast
        self.goal_label = rules.goal_label
        self.goal_label_qualifiers = rules.goal_label_qualifiers
        # the rules ask for the same bounds of one number's sentence or clause several times over
        self._starts: dict[tuple[int, str], int] = {}
        self._ends: dict[tuple[int, str], int] = {}

    def sentence_start(self, pos: int, breaks: str | None = None) -> int:
        """Start of the sentence holding ``pos`` (looking back at most ``window`` characters)."""
        key = (pos, breaks or self.breaks)
        start = self._starts.get(key)
        if start is None:
            start = self._starts[key] = _clause_start(self.text, pos, key[1], self.window)
        return start

    def clause_end(self, pos: int, breaks: str | None = None) -> int:
        """End of the clause (or, with sentence breaks, the sentence) holding ``pos``."""
        key = (pos, breaks or self.clause_breaks)
        end = self._ends.get(key)
        if end is None:
            end = self._ends[key] = _clause_end(self.text, pos, key[1], self.window)
        return end

    def local(self, start: int) -> bool | None:
        """False after a completed action earlier in the clause (建立了, 已完成); else the nearest
        cue before ``start`` in its sentence: True for a goal (a goal word or a deadline:
        2022年底前…达到55%), False for a fact. Weak goal words (推进, 引导, 争取…) also narrate
        what a report did, so a report skips them."""
        clause = self.sentence_start(start, self.clause_breaks)
        if words_among_within(self.text, clause, start, self.cues.done) or self._held_since(clause, start):
            return False  # 确定了全年六大工作任务和32项重点工作, 已有3家企业完成申报: done, whatever the words after 了 say
        sentence = self.sentence_start(start)
        report = self.is_report()
        goals, cues = (self.cues.report_goal, self.cues.report_cues) if report else (self.cues.plan_goal, self.cues.plan_cues)
        cue: tuple[int, bool] | None = None  # (end, is a goal); weak fact words decide nothing by themselves
        for pos, token in words_among_within(self.text, sentence, start, cues):
            if not (token in self.cues.fact and self.text.endswith(self.bases, 0, pos)
                    or _placed_first_person(self.text, pos, token, self.first_person)):
                cue = (pos + len(token), token in goals)
        for past in (self._past_year_end(start), self._retrospect_end(start), self._last_in_sentence(self.tally_ends, start),
                     self._existence_end(start)):
            if past is not None and (cue is None or past > cue[0]):
                cue = (past, False)  # 2020年全市实现生产总值1097亿元, in a report given in 2021; 五年来，…; 1-10月,…; 全县辖16个乡镇
        label = self._goal_label_end(start)
        if label is not None and (cue is None or label >= cue[0]):
            cue = (label, True)  # 预期目标是:…增长15%,达到9.43亿元, in a work report too
        frame = self.frame_end(start)
        if frame is not None and (cue is None or cue[1] or frame >= cue[0]):
            return True  # a due time frames the sentence: 2022年底前…达到55%; 到2020年，…取得突破，…达到90%
        return None if cue is None else cue[1]

    def _past_year_end(self, start: int) -> int | None:
        """Where the last year before the document's own framing the sentence of ``start`` ends, however far
        back (2020年全市实现…,较2015年分别增长26.8%、12%、0.6%和25.9%); not a year compared to (较2015年), run
        from or to (从2018年, 到2020年) or that builds a deadline (2020年底前)."""
        if self.own_year is None:
            return None
        if self._past_years is None:
            self._past_years = [
                year.end() for year in _YEAR_NAMED.finditer(self.text)
                if int(year.group(1)) < self.own_year and not self.text.endswith(self.past_not_after, 0, year.start())
                and not self.text.startswith(self.past_not_before, year.end())
            ]
        return self._last_in_sentence(self._past_years, start)

    def _retrospect_end(self, start: int) -> int | None:
        """Where the last span counted back to now (五年来, 一年来) before ``start`` in its sentence ends: the sentence
        looks back over what was done, however far back it opens."""
        if self._retrospects is None:
            self._retrospects = [found.end() for found in self.retrospect.finditer(self.text)]
        return self._last_in_sentence(self._retrospects, start)

    def _existence_end(self, start: int) -> int | None:
        """Where the last statement of what a place has (全市共有, 全县辖) before ``start`` in its sentence ends, when no goal
        word or due time stands before it in the sentence (到2025年，全市共有…达标 is a goal): its counts describe what exists."""
        if self._existences is None:
            found = self.existence.finditer(self.text)
            self._existences = [each.end() for each in found if not self._framed_as_goal(each.start())]
        return self._last_in_sentence(self._existences, start)

    def _held_since(self, clause: int, start: int) -> bool:
        """Whether a statement of what already stands (全市已有, 已有3家) unframed by a goal word or a due time opens between
        ``clause`` and ``start``."""
        if self._holdings is None:
            found = self.holding.finditer(self.text)
            self._holdings = [each.end() for each in found if not self._framed_as_goal(each.start())]
        i = bisect.bisect_right(self._holdings, start) - 1
        return i >= 0 and self._holdings[i] >= clause

    def _framed_as_goal(self, pos: int) -> bool:
        """Whether a goal word or a due time stands before ``pos`` in its sentence."""
        return (self.frame_end(pos) is not None
                or bool(words_among_within(self.text, self.sentence_start(pos), pos, self.cues.goal)))

    def _goal_label_end(self, start: int) -> int | None:
        """Where the last goal-list label before ``start`` in its sentence ends (主要预期目标是:…;…;…增长7.7%): the
        sentence lists the goals it opens, however far back, whatever the document's mood."""
        if self._goal_labels is None:
            self._goal_labels = [
                found.end() for found in self.goal_label.finditer(self.text)
                if self.text.endswith(self.goal_label_qualifiers, 0, found.start())
            ]
        return self._last_in_sentence(self._goal_labels, start)

    def forecast_before(self, start: int) -> bool:
        """Whether a forecast word stands before ``start`` in its sentence, however far back (预计,全区…增长10%
        左右;…;…控制在2.0%), and not in a bracketed aside closed before it (增长6%左右(依据…常住人口预计增长情况进行设置),…;
        增长8%): the sentence, or the aside, states estimates."""
        if self._forecasts is None:
            found = list(self.forecast.finditer(self.text))
            self._forecasts = [word.end() for word in found]
            self._forecast_reach = [
                _aside_close(self.text, word.start(), self.sentence_start(word.start())) for word in found
            ]
        i = bisect.bisect_right(self._forecasts, start) - 1
        while i >= 0 and self._same_sentence(self._forecasts[i], start):
            if self._forecast_reach[i] >= start:
                return True
            i -= 1
        return False

    def frame_end(self, start: int) -> int | None:
        """Where the due time that frames the number ends: the last one before it in its sentence
        (到2020年，…), however far back."""
        return self._last_in_sentence(self.deadline_ends, start)

    def _last_in_sentence(self, ends: list[int], start: int) -> int | None:
        """The last of the sorted ``ends`` at or before ``start`` when no sentence break stands between them."""
        i = bisect.bisect_right(ends, start) - 1
        return ends[i] if i >= 0 and self._same_sentence(ends[i], start) else None

    def _same_sentence(self, first: int, second: int) -> bool:
        """Whether no sentence break stands between two positions (however far apart)."""
        if self._breaks is None:
            self._breaks = [found.start() for found in any_of(self.breaks).finditer(self.text)]
        k = bisect.bisect_left(self._breaks, first)
        return k == len(self._breaks) or self._breaks[k] >= second

    def is_report(self) -> bool:
        """Whether the node reads as a report: its document does, or its and its ancestors' text
        hold more fact cues than goal cues."""
        if self._report is None:
            self._report = _more_facts_than_goals((*self.context, self.text))
        return self._report


def _states_goal(text: str, item: _Found, mood: _Mood, rules: _Rules) -> bool:
    """Whether a number states a goal: not a scope count, a condition, a case a scoring rule treats,
    a forecast, a result against a goal or a name, and goal-like by its cues or its node; the year's task a report states
    beside what was done is one in any mood."""
    if _states_years_task(text, item, rules):
        return True
    # the cues first: a number they read as a fact (a third of them) needs none of the exclusions tried
    return _goal_by_cues(item, mood) and not _not_a_goal(text, item, mood, rules)


def _goal_by_cues(item: _Found, mood: _Mood) -> bool:
    """Whether a number reads as a goal by its own bound, the cues before it in its sentence or its node's mood."""
    if item.cued and not mood.review:
        return True
    local = mood.local(item.start)
    if local is not None:
        return local
    return not (item.approx or mood.is_report())  # 300余吨, 近700名: amounts reported, not set


def _not_a_goal(text: str, item: _Found, mood: _Mood, rules: _Rules) -> bool:
    """Whether a number is a scope count, a condition, a case a scoring rule treats, a forecast, a result against a goal or
    a name, whatever its cues (each a pure test of the text: asked in any order)."""
    return (_is_scope(text, item, mood, rules) or _is_condition(text, item, mood, rules) or _counts_structure(text, item, mood, rules)
            or _is_score_case(text, item, mood, rules) or _is_estimate(text, item, mood, rules)
            or _tallies_progress(text, item, mood, rules) or _reports_year_on_year(text, item, mood, rules)
            or _is_reward_condition(text, item, mood, rules) or _is_penalty(text, item, mood, rules)
            or _grades_event(text, item, mood, rules) or _measures_zone(text, item, mood, rules) or _falls_short(text, item, rules)
            or _names_policy(text, item, mood, rules) or _names_project(text, item, mood, rules)
            or _picks_kind(text, item, rules) or _counts_subject(text, item, mood, rules)
            or _counts_classes(text, item, mood, rules) or _in_cited_title(text, item)
            or _counts_listed_bodies(text, item, rules))


def _counts_listed_bodies(text: str, item: _Found, rules: _Rules) -> bool:
    """Whether a count right after 等 counts government bodies (商务部等9部门办公厅…, …等20个部门): how many issued or sit, no goal."""
    w = rules.words["listed_bodies"]
    if not text.endswith(w["marker"], 0, item.start):
        return False
    number_end = item.start
    while number_end < len(text) and (text[number_end].isdigit() or text[number_end] in CN_NUMERAL_CHARS):
        number_end += 1
    if text.startswith(w["measure"], number_end):
        number_end += len(w["measure"])
    return text.startswith(tuple(w["nouns"]), number_end)


def _in_cited_title(text: str, item: _Found) -> bool:
    """Whether a figure stands inside the title marks of a cited document (《商务部等17部门关于…的意见》): part of its name
    (the marks are deadlines.yaml's title_marks, which name a document for dates too). No dev gold holds a target there."""
    return inside_marks(text, item.start, item.end, data("deadlines")["title_marks"], closed=True)


def _states_years_task(text: str, item: _Found, rules: _Rules) -> bool:
    """Whether the number is the year's task written right after its noun (占总任务300万亩的104.9%, 全年任务为3800户, 当年计划投资
    22.67亿元): what the report measures its progress against, no share (完成年度目标任务80%) or gap (低于年度目标2个百分点)."""
    w = rules.words["year_tasks"]
    if item.fields.get("percent") or item.fields.get("unit") in w["not_units"]:
        return False
    head = text[max(0, item.start - _YEAR_TASK_REACH):item.start].rstrip(w["glue"])
    head = next((head[:-len(act)] for act in w["acts"] if head.endswith(act)), head)
    return head.endswith(tuple(w["nouns"]))


def _is_scope(text: str, item: _Found, mood: _Mood, rules: _Rules) -> bool:
    """A count of what a task covers: 对全县179个行政村, 深入全区14个街镇, 联系对象:全区16个乡镇…"""
    w = rules.words
    if item.word in w["rank_cutoffs"]["before"]:
        return False  # 进入全省前100位: a place to reach, no count of what the task covers
    pos = item.start
    scope_word = first_word_ending(text, pos, w["scope_words"])
    if _is_treated(text, item, pos - len(scope_word or ""), rules):
        return False
    if scope_word and text.endswith(tuple(w["scope_results"]), 0, pos - len(scope_word)):
        return False  # 完成全市26个…试点工作: the set the work completes
    if (scope_word and not item.fields.get("percent") and not _bounded_count(item, rules)) or _is_disposal_object(
            text, item, mood, rules):
        return not _goal_cue_before(text, item, mood, rules)  # 确保至2035年全市202万亩耕地…, 争取将60座社区公园纳入…
    if text.endswith(w["scope_prepositions"], 0, pos):
        return True
    head = text[mood.sentence_start(pos, str(w["label_breaks"])):pos]
    colon = max(head.rfind(":"), head.rfind("："))
    return colon > 0 and head.endswith(w["scope_labels"], 0, colon)


def _bounded_count(item: _Found, rules: _Rules) -> bool:
    """Whether a count carries a bound written after it (全市50家以上…企业): what a plan reaches, never what a place has."""
    w = rules.words["scope_bounds"]
    return item.after in w["after"] and item.fields.get("unit") in w["count_units"]


def _is_treated(text: str, item: _Found, before: int, rules: _Rules) -> bool:
    """Whether a count after 对/面向/为 is what the work treats (对300户…进行居家适老化改造): the first work or check verb after
    it in its sentence is a work verb; a check (对全县179个行政村…开展…大排查) leaves it the scope it covers."""
    w = rules.words["treated_counts"]
    if not text.endswith(tuple(w["prepositions"]), 0, before):
        return False
    end = next_break(text, item.end, w["breaks"])
    first = min(((text.find(v, item.end, end), v) for v in (*w["work_verbs"], *w["check_verbs"]) if v in text[item.end:end]),
                default=None)
    return first is not None and first[1] in w["work_verbs"]


def _goal_cue_before(text: str, item: _Found, mood: _Mood, rules: _Rules) -> bool:
    """Whether a word of commitment (确保, 力争, 争取…) stands earlier in the number's clause: the set a scope word
    or a disposal names is then what the goal reaches (确保至2035年全市202万亩耕地…; 争取将60座社区公园纳入…)."""
    cues = frozenset(rules.words["scope_commitments"])
    return bool(words_among_within(text, mood.sentence_start(item.start, mood.clause_breaks), item.start, cues))


def _is_disposal_object(text: str, item: _Found, mood: _Mood, rules: _Rules) -> bool:
    """A count inside the object of 把/将 that a result verb later turns into something: the
    set that is worked on, not the goal (把…沿线的7个村,整体打造成人居环境整治示范村)."""
    w = rules.words["disposal"]
    after = text[item.end:mood.clause_end(item.end, mood.breaks)]
    if not any(verb in after for verb in w["results"]):
        return False
    markers = words_among_within(text, mood.sentence_start(item.start), item.start, frozenset(w["markers"]))
    # a disposal its result verb closed before the count (将…指标纳入…创建工作，…建成2个以上…) holds no count; a result
    # verb before 的 only describes the object (把建成的各级各类示范村以及…沿线的7个村,整体打造成…)
    return bool(markers) and not rules.disposal_result.search(text, markers[-1][0], item.start)


def _is_condition(text: str, item: _Found, mood: _Mood, rules: _Rules) -> bool:
    """A number that selects whom a rule applies to: a bound right before 的 (100人以上的村,
    超过30%的村干部) or glued to a kind of settlement (30户以上自然村), a quantity right before 者 (達二次者), or a
    number in a 的-clause stating a case
    the rule then sanctions (年内2次督导结果为“红色”的,…不得评为优秀; 少联系1户的扣5分)."""
    w = rules.words
    if _states_standard(text, item.end, rules):
        return False  # 按每百户不少于30平方米的标准配建: the norm set, not a class before 的
    follower = w["condition_follower"]
    comparator = item.fields["comparator"]
    after = _past_note(text, item.end, w["bound_notes"])
    if text.startswith(w["condition_nominalisers"], after):
        return True  # 累積書面通知達二次者: those who reach it, the case the rule sanctions
    settlements = w["settlement_classes"]
    if (item.after in w["class_bounds"] and item.fields.get("unit") in settlements["units"]
            and text.startswith(tuple(settlements["nouns"]), after)):
        return True  # 30户以上自然村通硬化路: the villages of that size
    if _classifies_bodies(text, item, after, mood, rules):
        return True  # 30万吨/年以下煤矿要全部退出: the mines of that size, as before 的
    if _joins_conditions(text, item, mood, rules):
        return True  # 30万元以下或者建筑面积在300平方米以下的建筑工程: every threshold of the case
    if _counts_involved(text, item, mood, rules):
        return True  # 需要两个以上单位共同办理的督查事项: the matters a rule routes
    if _is_portion_tier(text, item, rules):
        return True  # 5000万元以上部分，为1%-3%: the portion a tiered rule prices at its own rate
    if text.startswith(follower, after) or _literary_follower_at(text, after, rules):
        if comparator in w["condition_unit_bounds"] and item.fields.get("unit") in w["condition_units"]:
            return True  # 在退役军人100人以上的村创建…: the villages meant, even under a due time
        if item.after in w["class_bounds"] and _is_measure(item, rules) and not (
            _quantity_follows(text, item, mood, rules) or _creates_object(text, item, mood, rules)
        ):
            return True  # 月销售额15万元以下的小规模纳税人, 5万亩以上的大中型灌区: the class meant
        if comparator in w["condition_comparators"] and not (
            mood.frame_end(item.start) is not None or _creates_object(text, item, mood, rules)
            or (_is_measure(item, rules) and _count_follows(text, item, mood, rules))
        ):
            return True  # 超过30%的村干部; but 到2020年，推出能效比超过1TFLOPS/w的芯片 and 纳税过1亿元的企业达30家 are goals
        if item.word in w["class_bound_words"] and _is_measure(item, rules) and not (
            _creates_object(text, item, mood, rules) or _paid_in_clause(text, item.start, rules)
            or _count_follows(text, item, mood, rules) or _quantity_before(text, item, mood, rules)
        ):
            return True  # 室内高度不大于2.2m的自行车库: the class meant; 给予不低于500万元的…, 设立总规模不少于100亿元的… are goals
    end = mood.clause_end(item.end)
    rest = text[item.end:end]
    clause = text[mood.sentence_start(item.start, mood.clause_breaks):item.start]
    if (rest.endswith(follower) and text.startswith(tuple(w["full_marks"]), end + 1)
            and not any(word in clause for word in w["full_marks_negations"])):
        return False  # 雙季稻種植比例達到80%的,記滿分: the quota full marks ask for is a goal (not 沒有新增1處…的)
    rest = text[item.end:_chain_end(text, end, mood, w["condition_chain"])]
    return rest.endswith(follower) or any(follower + word in rest for word in w["condition_consequences"])


def _classifies_bodies(text: str, item: _Found, after: int, mood: _Mood, rules: _Rules) -> bool:
    """Whether a bound measure is glued, without 的, to the kind of existing bodies it classifies (30万吨/年以下煤矿要全部退出,
    年综合能耗1万吨标准煤以上单位纳入…名单) or to a kind of equipment by its rated size (10蒸吨/小时及以下燃煤锅炉): the class a
    rule, check or duty treats, as the 的 form is, unless a verb creates them or, for bodies, a quantity of them follows in the
    clause (a count of the equipment is its own target: 淘汰30万千瓦以下燃煤机组5台)."""
    if not _is_measure(item, rules):
        return False
    if _sizes_equipment(text, item, after, rules):
        return not _creates_object(text, item, mood, rules)
    if item.after not in rules.words["class_bounds"] or not _glued_kind(rules.body_class, text, after, rules):
        return False
    return not (_quantity_follows(text, item, mood, rules) or _creates_object(text, item, mood, rules))


def _glued_kind(kind: re.Pattern[str], text: str, start: int, rules: _Rules) -> bool:
    """Whether a kind of things starts at ``start``, after a short modifier holding no verb (燃煤锅炉, “僵尸企业”; not
    用于企业: the amount is a verb's object)."""
    glued = kind.match(text, start)
    return glued is not None and not any(verb in glued.group() for verb in rules.words["body_classes"]["not_through"])


def _sizes_equipment(text: str, item: _Found, after: int, rules: _Rules) -> bool:
    """Whether a bound in a unit equipment is rated in is glued to a kind of equipment (35蒸吨以下燃煤锅炉, 30万千瓦以下不达标燃煤
    机组): the size names which pieces a ban, phase-out or retrofit treats. The size may be named by its grade (单机20万千瓦级
    及以下燃煤机组) and a range written as two bounds (10吨以上20吨及以下在用燃煤锅炉)."""
    w = rules.words["equipment_sizes"]
    if str(item.fields.get("unit") or "").split("/")[0] not in w["units"]:
        return False
    if item.after not in rules.words["class_bounds"]:
        grade = next((word for word in w["grades"] if text.startswith(word, item.end)), None)
        if item.after or grade is None:
            return False
        after = _past_class_bound(text, item.end + len(grade), rules)
    upper = rules.arabic.match(text, after)  # 10吨以上20吨及以下: the range's second bound
    if upper is not None and _past_class_bound(text, upper.end(), rules) > upper.end():
        after = _past_class_bound(text, upper.end(), rules)
    return _glued_kind(rules.equipment_kind, text, after, rules)


def _past_class_bound(text: str, pos: int, rules: _Rules) -> int:
    """Where a class bound written at ``pos`` (以上, 及以下) ends; ``pos`` when none is."""
    bound = max((word for word in rules.words["class_bounds"] if text.startswith(word, pos)), key=len, default="")
    return pos + len(bound)


def _quantity_before(text: str, item: _Found, mood: _Mood, rules: _Rules) -> bool:
    """Whether a plain quantity stands earlier in the bound's clause (完成3万平方米节能率不低于15%的…改造): the bound then qualifies
    what the work counts; an earlier bound (建筑高度大于27m且…, 不大于50m的公共建筑和…) is a further threshold of the same case."""
    start = mood.sentence_start(item.start, mood.clause_breaks)
    bounds = tuple(rules.comparator_before)
    return any(not text.endswith(bounds, start, found.start()) for found in rules.arabic.finditer(text, start, item.start))


def _joins_conditions(text: str, item: _Found, mood: _Mood, rules: _Rules) -> bool:
    """A bound joined by a link word to further conditions that one 的 closes (工程投资额在100万元以下且建筑面积在300平方米以下的…
    工程; 营业收入80000万元以下或资产总额80000万元以下的为…), the link maybe a chain's after a comma when a 的-phrase closes the
    chain (投资额达到1000万元以上(含1000万元),且投资强度不低于1500万元的项目): the case a rule treats, unless a verb creates
    what it describes or a count or share of those things follows the 的 (…以上且…的村达到50%: the level they must reach)."""
    w = rules.words["joined_conditions"]
    # 大于1500平方米或…大于3000平方米的, 不超过120平方米且…的: a strict bound or one written before, as before 的
    strict = item.fields["comparator"] in rules.words["condition_comparators"] or (
        item.word in rules.words["class_bound_words"] and _is_measure(item, rules))
    if item.after not in rules.words["class_bounds"] and not strict:
        return False
    link = _past_bracket_note(text, item.end, w)
    chain = rules.words["condition_chain"]
    crossed = link < len(text) and text[link] in chain["breaks"] and text.startswith(tuple(chain["links"]), link + 1)
    link += 1 if crossed else 0  # …以上(含1000万元),且…的项目: the chain's link opens the next clause
    joined = next((word for word in (chain["links"] if crossed else w["links"]) if text.startswith(word, link)), None)
    if joined is None:
        return False
    end = mood.clause_end(link + len(joined))
    if crossed:  # the 的-phrase closes the chain's last clause (…5000万元(含)以上，或…1000万元以上，或…的…企业)
        end = _chain_end(text, end, mood, chain)
    closer = _closing_follower(text, link, end, rules) if crossed else text.find(rules.words["condition_follower"], link, end)
    if closer < 0 or _creates_object(text, item, mood, rules):
        return False
    counted = rules.arabic.search(text, closer, end)
    return counted is None or counted.group("unit") not in (*rules.words["project_scale"]["count_units"], "%")


def _past_bracket_note(text: str, end: int, w: dict[str, Any]) -> int:
    """Where a bound ends once a short bracketed note right after it is skipped ((含100万元), (总投资额在100万元以上的除外))."""
    if not text.startswith(w["note_open"], end):
        return end
    close = text.find(w["note_close"], end, end + int(w["note_reach"]))
    return close + len(w["note_close"]) if close > 0 else end


def _chain_end(text: str, end: int, mood: _Mood, chain: dict[str, Any]) -> int:
    """Where a chain of conditions ends, from a clause ending at ``end``: on through every comma a link word follows
    (超过15个工作日，或者1年内累计旷工超过30个工作日的; 达100万元,并且增幅不低于10%的企业: the 的 closes both thresholds), or at
    the bracket closing it."""
    links, link = tuple(chain["links"]), None
    while end < len(text) and text[end] in chain["breaks"] and text.startswith(links, end + 1):
        link, end = end + 1, mood.clause_end(end + 1)
    # a chain in brackets ends at the closing one (（…超过4.5米，或者…超过100000千克的）许可…)
    return end if link is None else next_break(text, link, chain["closers"], end)


def _is_penalty(text: str, item: _Found, mood: _Mood, rules: _Rules) -> bool:
    """A fine a rule imposes (处1万元以上3万元以下罚款, 可以并处200元以下罚款, 处警告或者二百元以下罚款, 并处以罚款50万元): a
    sanction, not a goal."""
    start = mood.sentence_start(item.start, mood.clause_breaks)
    # the verb's look-ahead reads the figure's first character, so the searches run one past the figure's start
    if rules.penalty_noun_first.search(text, start, item.start + 1) is not None:
        return True
    end = mood.clause_end(item.end)
    if not any(noun in text[item.end:end] for noun in rules.words["penalties"]["nouns"]):
        return False
    return rules.penalty_verb.search(text, start, item.start + 1) is not None


def _counts_involved(text: str, item: _Found, mood: _Mood, rules: _Rules) -> bool:
    """A bounded count right after a verb of involving whose clause goes on to a 的-phrase (涉及两个或者两个以上行政机关的信访事项,
    需要两个以上科室办理的督查事项): how many bodies a matter reaches over, the case a rule routes, not a goal."""
    if item.after not in rules.words["class_bounds"]:
        return False
    head = mood.sentence_start(item.start, mood.clause_breaks)
    if rules.involvement.search(text[head:item.start]) is None:
        return False
    return rules.words["condition_follower"] in text[item.end:mood.clause_end(item.end)]


def _falls_short(text: str, item: _Found, rules: _Rules) -> bool:
    """A level a negated reach word puts a figure under (耐火极限达不到1.00h, 防火间距不足6米, 净宽度未达到4米): a shortfall
    the text finds or treats, a problem or a case, not a level the work must reach."""
    w = rules.words["shortfalls"]
    head = item.start + (len(item.word) if item.word and text.startswith(item.word, item.start) else 0)
    while head and text[head - 1] == " ":
        head -= 1  # the words before the figure and its own bound word, read in place rather than copied
    word = next((word for word in w["words"] if text.endswith(word, 0, head)), None)
    # 触发率控制在不足5%: a cap the work keeps to, a goal
    return word is not None and not text.endswith(tuple(w["caps"]), 0, head - len(word))


def _grades_event(text: str, item: _Found, mood: _Mood, rules: _Rules) -> bool:
    """A casualty or loss figure in an event's grade (造成3人以上10人以下死亡，或者1000万元以下直接经济损失的事故): which
    events are meant, not a goal; a bound word or a change keeps a goal (死亡人数控制在20人以内)."""
    if item.cued or "change" in item.fields:
        return False
    if _follows_harm(text, item, rules):
        return True  # 因灾死亡30人以上, 一次死亡3人以上交通事故: the harm names the class, no verb needed
    clause_start = mood.sentence_start(item.start, mood.clause_breaks)
    if rules.event_harm.search(text, clause_start, mood.clause_end(item.end)) is None:
        return False
    sentence = text[mood.sentence_start(item.start):item.start]
    return any(verb in sentence for verb in rules.words["event_grades"]["verbs"])


def _follows_harm(text: str, item: _Found, rules: _Rules) -> bool:
    """A figure written right after a harm, or chained to such a figure (因灾死亡30人以上, 死亡10人以上,30人以下,
    亡3人以上9人以下): the casualties that grade an event; a bound word before the figure keeps a goal (死亡不超过5人)."""
    if item.start >= len(text) or not (text[item.start].isdigit() or text[item.start] in CN_NUMERAL_CHARS):
        return False
    return rules.harm_first.search(text, max(0, item.start - int(rules.words["event_grades"]["harm_first"]["reach"])), item.start) is not None


def _measures_zone(text: str, item: _Found, mood: _Mood, rules: _Rules) -> bool:
    """An area or a bound's offset in a sentence that gives a zone's sides (四至范围为东至…北至…,面积18.07平方公里;
    东至试白路以东1500米): the zone's size as delimited, no goal; a bound word, a change or a verb of the work keeps a goal."""
    if item.cued or "change" in item.fields:
        return False
    w = rules.words["zone_bounds"]
    start, end = mood.sentence_start(item.start, w["breaks"]), mood.clause_end(item.end, w["breaks"])
    sides = {bound.group(1) for bound in rules.zone_bound.finditer(text, start, end)}
    if len(sides) < w["min_sides"] and not any(name in text[start:end] for name in w["names"]):
        return False
    clause = text[mood.sentence_start(item.start, mood.clause_breaks):item.start]
    if any(verb in clause for verb in w["work_verbs"]):
        return False  # …范围内,新建绿地50公顷: what the work makes inside the zone
    if item.fields.get("unit") in w["area_units"]:
        return True
    return rules.zone_bound.search(clause) is not None


def _is_portion_tier(text: str, item: _Found, rules: _Rules) -> bool:
    """A bound or range of a quantity right before 部分 (5000万元以上部分, 超过1500元未超过4500元的部分, 10万元至100万元部分):
    the portion a tiered rule prices, taxes or pays at its own rate, not a goal."""
    w = rules.words["portion_tiers"]
    notes = rules.words["bound_notes"]
    bounded = (item.fields["comparator"] != "=" or item.fields.get("value_max") is not None
               or text.endswith(tuple(w["links"]), 0, item.start))  # the range's second end: 至144000元的部分
    end = _past_note(text, item.end, notes)
    link = next((word for word in w["links"] if text.startswith(word, end)), "" if item.after else None)
    other = rules.arabic.match(text, end + len(link)) if link is not None else None
    if link and other is None:
        return False
    if other is not None:  # the range's second end: 至144000元, 以上100万元以下(含100万元)
        end = other.end() + len(next((word for word in rules.comparators_after if text.startswith(word, other.end())), ""))
        end, bounded = _past_note(text, end, notes), True
    end += len(w["follower"]) if text.startswith(w["follower"], end) else 0
    return (bounded and text.startswith(w["word"], end)
            and not text.startswith(tuple(w["not_before"]), end + len(w["word"])))


def _is_measure(item: _Found, rules: _Rules) -> bool:
    """Whether a quantity measures an amount (万元, 亩, 吨) rather than counting things or giving a share."""
    return not item.fields.get("percent") and item.fields.get("unit") not in rules.words["project_scale"]["count_units"]


def _quantity_follows(text: str, item: _Found, mood: _Mood, rules: _Rules) -> bool:
    """Whether a quantity of the things a bound describes follows later in its clause (年收入5万元以上的村达到
    50%以上): the bound is then the level those things must reach, a goal with them."""
    after = _past_note(text, item.end, rules.words["bound_notes"])  # 6亩以下(不含6亩)的: the note restates the bound
    end = mood.clause_end(after)
    # a figure bounding its own 的-phrase is a further threshold (…3000平方米以上的商业建筑或者…10000平方米以上的建筑群), no quantity
    return any(not _bounds_phrase(text, found.end(), rules) for found in rules.arabic.finditer(text, after, end))


def _bounds_phrase(text: str, end: int, rules: _Rules) -> bool:
    """Whether a figure ending at ``end`` is a threshold right before 的 (…200个以上的批发市场)."""
    bound = next((word for word in rules.words["class_bounds"] if text.startswith(word, end)), None)
    return bound is not None and text.startswith(rules.words["condition_follower"], end + len(bound))


def _count_follows(text: str, item: _Found, mood: _Mood, rules: _Rules) -> bool:
    """Whether a count of the things an amount's bound describes follows in its clause (纳税过1亿元的企业达30家): the bound
    is then the size of what the goal counts; an amount after it (超过5亿元的部分…给予8万元) is a rate's base."""
    found = rules.arabic.search(text, item.end, mood.clause_end(item.end))
    return found is not None and found.group("unit") in rules.words["project_scale"]["count_units"]


def _is_score_case(text: str, item: _Found, mood: _Mood, rules: _Rules) -> bool:
    """The case a scoring rule treats: a number after a case marker in its clause with a change of
    points after it in the clause or opening the next (每抛荒1亩扣1分; 每少1%,扣0.25分)."""
    w = rules.words["score_case"]
    if not any(marker in text[mood.sentence_start(item.start, mood.clause_breaks):item.start] for marker in w["markers"]) \
            and not _after_shortfall_word(text, item.start, w["shortfall_markers"]):
        return False
    end = mood.clause_end(item.end)
    if rules.score_change.search(text, item.end, end):
        return True
    return end < len(text) and text[end] in mood.clause_breaks and bool(rules.score_change.match(text[end + 1:end + 16].lstrip()))


def _after_shortfall_word(text: str, start: int, markers: dict[str, Any]) -> bool:
    """Whether a word of lacking stands right before the number (少1张, 缺一项), not closing a longer word (至少1名)."""
    word = first_word_ending(text, start, tuple(markers["words"]))
    return word is not None and not text.endswith(tuple(markers["not_after"]), 0, start - len(word))


def _is_estimate(text: str, item: _Found, mood: _Mood, rules: _Rules) -> bool:
    """A forecast (据测算,…将有可能达到110万人左右) or a result measured against its goal (增长6.1%,
    低于目标0.9个百分点; 完成投资792.4亿元,为年计划的44%, unless a strong goal word sets it as a quota): the number
    is an estimate or an outcome, not what must be achieved."""
    w = rules.words
    if mood.forecast_before(item.start) and not _invests_as_planned(text, item.start, rules):
        return True
    start = mood.sentence_start(item.start)
    end = mood.clause_end(item.end, mood.breaks)
    if any(phrase in text[start:end] for phrase in w["result_against_goal"]):
        return True
    return (rules.share_of_plan.search(text, start, end) is not None
            and not words_among_within(mood.text, start, item.start, mood.cues.report_goal))


def _is_reward_condition(text: str, item: _Found, mood: _Mood, rules: _Rules) -> bool:
    """A number a reward is paid on: in a part framed 对…，给予…, before the grant verb (对实际投资2亿元…的招商
    项目，…到位5000万元，给予…1名: the 1名 is the reward), or in a comma clause 对…给予… (对完成…80%(含)以上的乡镇给予奖励)."""
    w = rules.words["reward_condition"]
    breaks = str(w["breaks"])
    if _is_reward_rate(text, item, mood, rules) or _states_standard(text, item.end, rules):
        return False  # 对…的企业，按照每人5000元的标准给予…: the standard paid
    return (_in_reward_case(text, item, breaks, rules) or _in_reward_case(text, item, breaks + str(w["clause_breaks"]), rules)
            or _is_tier_bound(text, item, rules) or _names_rewarded_kind(text, item, mood, rules))


def _names_rewarded_kind(text: str, item: _Found, mood: _Mood, rules: _Rules) -> bool:
    """A figure in a clause closed by a 的-phrase naming those a reward in the next clause pays (凡当年上缴税金达到50万元的企业，
    一次性奖励人民币5000元; 首次超过2000万元、…5亿元的商贸、物流企业(含供应链企业)，分别一次性给予10万元…): who is paid, a condition."""
    if item.fields["comparator"] == "=" and not _is_measure(item, rules):
        return False  # 对1200户…实施的改造，每户补助5000元: a count the work treats
    grants = rules.words["reward_base"]["rewards"]
    # the case may run on through clauses a chain's link opens (首次达100万元、…500万元,并且增幅不低于10%的企业,分别给予…)
    start = mood.sentence_start(item.start, mood.clause_breaks)
    end = _chain_end(text, mood.clause_end(item.end), mood, rules.words["condition_chain"])
    closer = _closing_follower(text, item.end, end, rules)
    if closer < 0:
        return False
    if end >= len(text) or text[end] not in rules.words["reward_condition"]["clause_breaks"]:
        return False  # the grant must follow in the sentence's next clause
    paid = text[end + 1:mood.clause_end(end + 1)]
    return (any(grant in paid for grant in grants) and _DIGIT.search(paid) is not None
            and not any(grant in text[start:closer] for grant in grants) and not _creates_object(text, item, mood, rules))


def _closing_follower(text: str, start: int, end: int, rules: _Rules) -> int:
    """Where the 的 that closes the clause ending at ``end`` stands (…增幅不低于10%的企业: a short noun after it, no figure), or -1."""
    closer = text.rfind(rules.words["condition_follower"], start, end)
    if closer < 0 or end - closer > int(rules.words["rewarded_kinds"]["noun_reach"]) or _DIGIT.search(text, closer, end):
        return -1
    return closer


def _is_tier_bound(text: str, item: _Found, rules: _Rules) -> bool:
    """A bound or range of the amount a reward is graded by, with its tier's reward after it (3亿元至10亿元奖励10万元;
    1000万元—3000万元(含3000万元),一次性奖励2万元; 1亿元以上5亿元以下,…考核加4分): the tier's condition, not a goal."""
    w = rules.words["reward_condition"]
    bounded = (item.after is not None or text.endswith(tuple(w["tier_marks_before"]), 0, item.start)
               or text.startswith(tuple(w["tier_marks_after"]), item.end))
    if not bounded:
        return False
    breaks, window = str(w["breaks"]) + str(w["tier_breaks"]), int(w["reach"])
    start = _clause_start(text, item.start, breaks + str(w["clause_breaks"]), window)  # its own clause: 符合奖励条件的项目，投资额在…
    end = _clause_end(text, item.end, breaks, window)  # the reward may follow in the next clause: …(含3000万元),一次性奖励2万元
    if any(r in text[start:item.start] for r in w["tier_rewards"]):
        return False
    return rules.tier_reward.search(text, item.end, end) is not None


def _is_reward_rate(text: str, item: _Found, mood: _Mood, rules: _Rules) -> bool:
    """A percentage reckoned on a base with the grant verb right after it (按照…投资额的10%,给予…支持), or after the cap
    written beside it (按…费用总额的30%、最高50万元给予补助), and that cap: the rate and the most the reward is paid at,
    whatever case 对 opens before them."""
    w = rules.words["reward_condition"]
    if item.fields.get("percent"):
        cap = rules.rate_cap.match(text, item.end)
        end = cap.end() if cap is not None else item.end
    elif _cap_after_rate(text, item, rules):
        end = item.end  # the cap itself, right after the rate
    else:
        return False
    after = text[end:end + 1]
    grant_at = end + (1 if after and after in w["clause_breaks"] else 0)
    if not text.startswith(tuple(w["grants"]), grant_at):
        return False
    return any(marker in text[mood.sentence_start(item.start, mood.clause_breaks):item.start] for marker in w["rate_markers"])


def _cap_after_rate(text: str, item: _Found, rules: _Rules) -> bool:
    """Whether a figure is the cap written right after a reward's rate (30%、最高50万元; 10%,最高不超过500万元)."""
    rate_end = text.rfind("%", max(0, item.start - 8), item.start) + 1
    cap = rules.rate_cap.match(text, rate_end) if rate_end else None
    return cap is not None and cap.end() == item.end


def _in_reward_case(text: str, item: _Found, breaks: str, rules: _Rules) -> bool:
    """Whether a number stands before the grant verb of a part (up to ``breaks``) that opens with 对."""
    w = rules.words["reward_condition"]
    window = int(w["reach"])
    start = _clause_start(text, item.start, breaks, window)
    head = text[start:item.start].lstrip(_HEADING_MARKS)  # 2.对…, 一、对…: the item's own number
    return (head.startswith(w["opener"]) and not any(g in head for g in w["grants"])
            and any(g in text[item.end:_clause_end(text, item.end, breaks, window)] for g in w["grants"]))


def _tallies_progress(text: str, item: _Found, mood: _Mood, rules: _Rules) -> bool:
    """A count of items with a progress status in its clause (124项达到序时进度要求): a review's tally."""
    if item.fields.get("unit") not in rules.words["project_scale"]["count_units"]:
        return False
    clause = text[mood.sentence_start(item.start, mood.clause_breaks):mood.clause_end(item.end)]
    return any(status in clause for status in rules.words["progress_statuses"])


def _reports_year_on_year(text: str, item: _Found, mood: _Mood, rules: _Rules) -> bool:
    """A plain change against the same period of last year (同比增长3.4%, 比上年同期增长28.6%) reports a result: only a period
    already past can be compared so; so does the plain level right before such a change (收入6.01亿元,同比增长8.85%), that
    period's result. A strong goal word before it in its sentence (力争…同比增长8%) makes it a goal, not 全年/年内/计划, which
    total a past year too (全年空气质量优良率99.2%,同比提高8.5个百分点)."""
    if item.fields["comparator"] != "=":
        return False
    change = item.fields.get("change")
    if change in ("increase", "decrease"):
        if not text.endswith(tuple(rules.words["year_on_year"]), 0, item.start):
            return False
    elif change is not None or not _change_follows(text, item.end, rules):
        return False
    return not words_among_within(mood.text, mood.sentence_start(item.start), item.start, mood.cues.report_goal)


def _change_follows(text: str, end: int, rules: _Rules) -> bool:
    """Whether a change against last year's same period follows a level in its sentence part, past a comma and a note
    on the prices it is reckoned at (802.81亿元,按可比价格计算,比上年同期增长28.6%)."""
    levels = rules.words["reported_levels"]
    pos = _past_chars(text, end, levels["glue"])
    note = next((n for n in levels["notes"] if text.startswith(n, pos)), None)
    if note is not None:
        pos = _past_chars(text, pos + len(note), levels["glue"])
    return text.startswith(tuple(rules.words["year_on_year"]), pos)


def _past_chars(text: str, pos: int, chars: str) -> int:
    """The first position at or after ``pos`` whose character is not one of ``chars`` (the glue between a level and its change)."""
    while pos < len(text) and text[pos] in chars:
        pos += 1
    return pos


def _names_policy(text: str, item: _Found, mood: _Mood, rules: _Rules) -> bool:
    """A count of the articles of policies being carried out names them (落实…35条、…25条政策措施)."""
    w = rules.words["policy_articles"]
    if item.fields.get("unit") not in w["units"]:
        return False
    if text.startswith(tuple(w["nouns"]), item.end):
        return True
    return any(verb in text[mood.sentence_start(item.start, mood.clause_breaks):item.start] for verb in w["verbs"])


def _names_project(text: str, item: _Found, mood: _Mood, rules: _Rules) -> bool:
    """The scale of a project names it (抓好80万吨乙烯改扩建项目): a measure whose clause ends with a
    project head (and maybe a tail such as 建设) with no verb between; not an extent, which measures the project's work
    (10万平方米老旧小区改造项目)."""
    w = rules.words["project_scale"]
    unit = item.fields.get("unit")
    extent = unit in w["extent_units"] and item.fields.get("comparator") == "="  # a bound (5亩以上的…项目) selects projects
    if unit in w["count_units"] or extent or item.fields.get("percent") or _is_invested(text, item.start, rules):
        return False
    rest = text[item.end:mood.clause_end(item.end)]
    for tail in ("", *w["tails"]):
        body = rest[:len(rest) - len(tail)] if tail and rest.endswith(tail) else rest if not tail else None
        if body is not None and body.endswith(tuple(w["heads"])):
            return not any(verb in body for verb in w["verbs"])
    return False


def _picks_kind(text: str, item: _Found, rules: _Rules) -> bool:
    """A bound measure right before the kind of thing counted (引进投资5000万元以上的项目3个以上, 新引进5亿元以上重大项目)
    says which kind counts, not a goal of its own: the count, or the indicator's figure, is the goal. A count of the things
    themselves (培育100家以上智能制造标杆企业, fresh c1224) is that count, no kind."""
    bound = item.after is not None and item.fields.get("comparator") in (">=", "<=") and _is_measure(item, rules)
    return bound and rules.kind_counted.match(text, item.end) is not None


def _literary_follower_at(text: str, at: int, rules: _Rules) -> bool:
    """Whether 之 written for 的 stands at ``at`` (5人以上之事業單位), not 之 of a place or time (5年之内)."""
    w = rules.words["literary_followers"]
    return text.startswith(tuple(w["words"]), at) and not text.startswith(tuple(w["not_before"]), at + 1)


def _past_note(text: str, end: int, notes: tuple[str, ...]) -> int:
    """Where a bound ends once the bracketed note right after it is skipped (6亩以下(不含6亩)…)."""
    if not text.startswith(notes, end):
        return end
    close = text.find(")", end)
    return close + 1 if close > 0 else end


def _creates_object(text: str, item: _Found, mood: _Mood, rules: _Rules) -> bool:
    """Whether a verb earlier in the clause creates the thing a bound describes (形成一批超100亿元的
    产业集群): the bound then specifies the goal instead of selecting whom a rule applies to."""
    clause = text[mood.sentence_start(item.start, mood.clause_breaks):item.start]
    for noun in rules.words["goal_object_nouns"]:
        clause = clause.replace(noun, "")  # 城市建成区淘汰…: the built-up area, nothing built
    return any(verb in clause for verb in rules.words["goal_object_verbs"])


def _aside_close(text: str, pos: int, start: int) -> int:
    """Where the bracketed aside holding ``pos`` and opened after ``start`` closes (依据…预计增长情况进行设置), else the
    text's end: a word inside an aside speaks for the aside alone."""
    opens, closes = piece("open_bracket"), piece("close_bracket")
    depth = 0
    for i in range(pos - 1, start - 1, -1):
        if text[i] in closes:
            depth += 1
        elif text[i] in opens:
            if depth == 0:
                return next_break(text, pos, closes)
            depth -= 1
    return len(text)


def _clause_start(text: str, pos: int, breaks: str, window: int) -> int:
    """Where the clause holding ``pos`` starts, looking back at most ``window`` characters."""
    return after_last_break(text, max(0, pos - window), pos, breaks)


def _clause_end(text: str, pos: int, breaks: str, window: int) -> int:
    """Where the clause holding ``pos`` ends, looking ahead at most ``window`` characters."""
    return next_break(text, pos, breaks, min(len(text), pos + window))


def _counts_structure(text: str, item: _Found, mood: _Mood, rules: _Rules) -> bool:
    """A count of the working bodies that carry out the plan (下设5个工作小组, 组成3个调研组), of its own
    tasks (243项工作任务予以分解, 具体任务194项) and the units they go to (涉及34个牵头单位), of the parts a whole is divided into (分为基层党建28项…) or of the stages a
    campaign runs through (分…总结提高三个阶段): how the work is organised, not what it must achieve."""
    w = rules.words
    if item.fields.get("percent"):
        return False
    clause = mood.sentence_start(item.start, mood.clause_breaks)
    if any(verb in text[clause:item.start] for verb in w["makeup_verbs"]):
        return True
    if clause > 0 and not text[clause:item.start].strip() \
            and text[:clause].rstrip().rstrip(mood.clause_breaks).endswith(tuple(w["team_lead_verbs"])):
        return True  # 由市安监局1名县级领导带队,2名专业人员参加: the team's members, the count opening the clause
    if _continues_makeup(text, item.start, mood, w):
        return True
    if _is_measure(item, rules):
        return False  # 完成引进200亿元招商引资指标: an amount is the indicator's value, no count of indicators (fresh c1091)
    phrase = _phrase_after(text, item.end, w["metric_after_stops"])
    noun = re.split("和|及|与", phrase, maxsplit=1)[0]
    if _designates_post(text, item, noun, phrase, clause, w):
        return True  # 要明确1名防震减灾助理员: who holds the unit's post, no count to reach
    noun = next((noun[:-len(a)] for a in w["list_announcements"] if noun.endswith(a)), noun)  # 11个专项督查组分别是:
    nouns = tuple(w["structure_nouns"])
    tasks = tuple(w["task_count_nouns"])
    counted = item.fields.get("unit") in w["task_count_units"]  # 9项具体建设任务, not 1500个建制村…治理任务
    # 7项重点建设项目, 102项重大工程: a programme's items as a set, unless a bound makes a quota (至少一項扶貧開發項目)
    programme = (item.fields["comparator"] == "=" and any(t in noun for t in w["programme_item_nouns"])
                 and not any(t in noun for t in w["programme_item_not_nouns"]) and not _programme_quota(text, item.start, noun, mood, w))
    named_before = counted and text.endswith(tasks, 0, item.start)  # 具体任务194项, (分解任务15项): the noun before its count
    return (noun.endswith(nouns) or noun.startswith(nouns) or noun.startswith(tasks) or _names_stages(noun, w) or named_before
            or (counted and (programme or any(t in noun for t in tasks))))


def _designates_post(text: str, item: _Found, noun: str, phrase: str, clause: int, w: dict[str, Any]) -> bool:
    """Whether one person is named to a post right after a designating verb (明确1名…速报员, 指定一名分管负责人为…), no pairing
    (每户明确1名…) in the clause: the unit's own post filled, not a quantity."""
    posts = w["designated_posts"]
    if item.fields.get("value") != 1 or item.fields["comparator"] != "=" or item.fields.get("unit") not in posts["units"]:
        return False
    if not text.endswith(tuple(posts["verbs"]), 0, item.start) or any(p in text[clause:item.start] for p in posts["pairing"]):
        return False
    return noun.endswith(tuple(posts["post_ends"])) or any(word in phrase for word in posts["as_words"])


@cache
def _cited_end(reach: int) -> re.Pattern[str]:
    """的 and a kind of document within ``reach`` characters of the clause: the end of a cited document's name."""
    return re.compile(rf"[^，,。；;]{{0,{reach}}}?的(?:{piece('document_kind')})")


def _programme_quota(text: str, start: int, noun: str, mood: _Mood, w: dict[str, Any]) -> bool:
    """Whether a verb of carrying out governs a count of works or projects (深入实施15项重大工程, 实施投资902万元的11项…工程):
    a quota of works to carry out, not the programme's set referred to."""
    quota = w["programme_quotas"]
    if not any(n in noun for n in quota["nouns"]) or _cited_name(text, start, mood, quota):
        return False
    before = text[max(mood.sentence_start(start, mood.clause_breaks), start - int(quota["reach"])):start]
    if before.endswith(tuple(quota["verbs"])):
        return True  # 深入实施15项重大工程
    attribute = before.removesuffix(quota["attribute_end"]) if before.endswith(quota["attribute_end"]) else ""
    return any(verb in attribute for verb in quota["verbs"])  # 实施投资902万元的11项…: the verb before a phrase ending in 的


def _cited_name(text: str, pos: int, mood: _Mood, quota: dict[str, Any]) -> bool:
    """Whether ``pos`` stands inside the name of a document cited without 《》 (根据县政府关于2021年实施34项民生工程的通知精神)."""
    start = mood.sentence_start(pos, mood.clause_breaks)
    return (any(o in text[start:pos] for o in quota["cited_openers"])
            and _cited_end(int(quota["cited_reach"])).match(text, pos) is not None)


def _continues_makeup(text: str, pos: int, mood: _Mood, w: dict[str, Any]) -> bool:
    """Whether the sentence holding ``pos`` opens with a word going on with the parts (其中,市发展改革委1项,…) right after a
    sentence that divides a whole (按牵头单位分为38项考核内容。): its counts are the parts."""
    sentence = mood.sentence_start(pos)
    opening = text[sentence:pos].lstrip()
    if sentence == 0 or not opening.startswith(tuple(w["makeup_continuations"])):
        return False
    before = mood.sentence_start(sentence - 1)
    return any(verb in text[before:sentence] for verb in w["makeup_verbs"])


def _names_stages(noun: str, w: dict[str, Any]) -> bool:
    """Whether the counted noun is the stages a campaign runs through (三个阶段, 分4个阶段进行), not milestones (阶段性目标)."""
    stages = tuple(w["stage_nouns"])
    return noun.endswith(stages) or (noun.startswith(stages)
                                     and not any(noun.startswith(s + n) for s in stages for n in w["stage_not_before"]))


def _quantity(g: dict[str, str | None], aliases: dict[str, str]) -> dict[str, Any]:
    """Value (multipliers expanded), range end, unit and percent flag of a number-with-unit match."""
    written = g.get("unit") or ""
    unit = aliases.get(written, written) or None
    first_mult = g.get("m1") or ""
    last_mult = g.get("m2") or first_mult
    value = parse_number((g["n1"] or "").replace(",", "") + (first_mult or (last_mult if g.get("n2") else "")))
    fields: dict[str, Any] = {"value": value, "unit": unit, "percent": unit == "%" or bool(g.get("p1"))}
    if g.get("n2"):
        fields["value_max"] = parse_number((g["n2"] or "") + last_mult)
    return fields


def _unit_across_wrap(text: str, match: re.Match[str], rules: _Rules) -> tuple[str, int] | None:
    """The longer unit a hard wrap's blank splits after the number's unit (10个百分 点 → 个百分点) and where it ends."""
    unit = _group(match, "unit")
    end = match.end()
    if not unit or " " not in text[end:end + int(rules.words["wrap_reach"])]:
        return None
    for longer in rules.longer_units.get(unit, ()):
        piece = text[end:end + len(longer) - len(unit) + 1]
        if piece.count(" ") == 1 and not piece.endswith(" ") and piece.replace(" ", "") == longer[len(unit):]:
            return rules.words["unit_aliases"].get(longer, longer), end + len(piece)
    return None


def _word_across_wrap(text: str, pos: int, table: dict[str, str], rules: _Rules) -> tuple[str, int] | None:
    """A word of ``table`` ending at ``pos`` that a hard wrap's blank splits (降幅不 超过20个百分点) and where it starts."""
    reach = int(rules.words["wrap_reach"])
    blank = text.rfind(" ", max(0, pos - reach), pos)
    if blank < 1 or not (_CJK.match(text[blank - 1]) and _CJK.match(text[blank + 1:blank + 2] or "a")):
        return None
    read = text[max(0, blank - reach):blank] + text[blank + 1:pos]
    word = _adjacent_before(read, len(read), table)
    return (word, pos - len(word) - 1) if word and len(word) > pos - blank - 1 else None


def _word_before(text: str, pos: int, table: dict[str, str], rules: _Rules) -> tuple[str | None, int]:
    """The longest word of ``table`` ending at ``pos`` and where it starts, read across a hard wrap's blank (不 超过)
    and through the pinyin glosses of a machine-converted page (覆盖率达(dá)100%, 达(dá)到) when none ends there
    as written; a blank typeset between the word and the number (达到 89%, 不少于 1 次) is read past."""
    space = rules.words["unit_space"]
    if pos > len(space) and text.startswith(space, pos - len(space)):
        spaced = _adjacent_before(text, pos - len(space), table)
        return (spaced, pos - len(space) - len(spaced)) if spaced else (None, pos)
    word = _adjacent_before(text, pos, table)
    wrapped = _word_across_wrap(text, pos, table, rules)
    if wrapped is not None and len(wrapped[0]) > len(word or ""):
        return wrapped
    if word:
        return word, pos - len(word)
    window = max(0, pos - int(rules.words["pinyin_gloss"]["reach"]))
    glosses = list(rules.gloss.finditer(text, window, pos))
    if not glosses:
        return None, pos
    kept: list[int] = []  # positions of the window's characters outside glosses
    at = window
    for gloss in glosses:
        kept.extend(range(at, gloss.start()))
        at = gloss.end()
    kept.extend(range(at, pos))
    read = "".join(text[i] for i in kept)
    word = _adjacent_before(read, len(read), table)
    return (word, kept[len(read) - len(word)]) if word else (None, pos)


def _adjacent_before(text: str, pos: int, table: dict[str, str]) -> str | None:
    """The longest word of ``table`` that ends exactly at ``pos``."""
    if not text.endswith(tuple(table), 0, pos):
        return None
    hits = [w for w in table if text.endswith(w, 0, pos)]
    return max(hits, key=len) if hits else None


def _attach_metrics(
    text: str, found: list[_Found], deadlines: list[Deadline], offset: int, rules: _Rules, body: int = 0
) -> None:
    """Set each target's metric phrase and, for milestones (4月底30%以上), its deadline index; the
    node's own number (一、, the first ``body`` characters) is never part of a metric."""
    if not found:
        return
    breaks = rules.words["clause_breaks"]
    clause_starts = [body] + [found.end() for found in any_of(breaks).finditer(text, body)]
    previous_end = 0
    previous_metric: str | None = None
    dated = sorted((d.span.start - offset, d.span.end - offset) for d in deadlines)
    milestone_at = {d.span.end - offset: i for i, d in enumerate(deadlines)}
    for item in found:
        clause_start = clause_starts[bisect.bisect_right(clause_starts, item.start) - 1]
        floor = max(clause_start, previous_end)
        before = _trim(_mask_deadlines(text, floor, item.start, dated), rules.words)
        if not before and floor > clause_start:
            metric = previous_metric  # 4月底30%以上、6月底50%以上: the list shares one metric
        else:
            metric = _metric(text, before, item, rules)
        item.fields["metric"] = metric
        if item.start in milestone_at:  # 4月底30%以上: a milestone of the deadline right before it
            item.fields["deadline"] = milestone_at[item.start]
        previous_end, previous_metric = item.end, metric


def _mask_deadlines(text: str, start: int, end: int, dated: list[tuple[int, int]]) -> str:
    """text[start:end] with the sorted deadline ranges cut out (they are when, not what)."""
    pieces: list[str] = []
    pos = start
    for k in range(max(0, bisect.bisect_left(dated, (start, start)) - 1), len(dated)):  # no dated[i:] copy
        s, e = dated[k]
        if s >= end:
            break
        if e <= pos:
            continue
        pieces.append(text[pos:max(pos, s)])
        pos = max(pos, min(e, end))
    pieces.append(text[pos:end])
    return "".join(pieces)


def _metric(text: str, before: str, item: _Found, rules: _Rules) -> str | None:
    """What is measured: the phrase before the number, or after a percentage (30%以上的家庭…)."""
    w = rules.words
    after = _phrase_after(text, item.end, w["metric_after_stops"])
    if item.fields.get("percent") and after.startswith("的"):
        return _trim(after[1:], w) or None
    if len(before) < int(w["metric_min_chars"]):
        before = _trim(before + after, w)  # 培育40个“移风易俗”先进示范村: the noun follows the count
    return before or None


def _phrase_after(text: str, start: int, stops: str) -> str:
    """Text after a target up to the next clause break, list comma or digit."""
    end = start
    while end < len(text) and text[end] not in stops and not text[end].isdigit():
        end += 1
    return text[start:end]


def _trim(phrase: str, w: dict[str, Any]) -> str:
    """Drop lead-in words (全年, 力争…), trailing cue words (达到, 不少于…) and punctuation, by jieba words; a phrase
    nothing can be dropped from is kept as written without segmenting it (three of five metric phrases)."""
    if not _may_trim(phrase, w):
        return phrase[: int(w["metric_max_chars"])]
    tokens = [t for t in segment_words(phrase) if t.strip()]
    lead, tail = set(w["metric_lead_drop"]), set(w["metric_tail_drop"])
    while tokens and (tokens[0] in lead or _is_filler(tokens[0])):
        tokens.pop(0)
    while tokens and (tokens[-1] in tail or _is_filler(tokens[-1])):
        tokens.pop()
    return "".join(tokens)[: int(w["metric_max_chars"])]


def _may_trim(phrase: str, w: dict[str, Any]) -> bool:
    """Whether _trim's words could drop anything: a blank token, or a first or last token that is a drop word (the
    phrase then opens or closes with it) or filler (the phrase then opens or closes with a digit or punctuation)."""
    if not phrase:
        return False
    return (_BLANK.search(phrase) is not None or phrase.startswith(w["metric_lead_drop"]) or phrase.endswith(w["metric_tail_drop"])
            or _may_edge_filler(phrase[0]) or _may_edge_filler(phrase[-1]))


def _may_edge_filler(ch: str) -> bool:
    """Whether a filler token (_is_filler) could open or close with this character: punctuation, a digit or a point."""
    return ch.isdigit() or not ch.isalnum()


def _is_filler(token: str) -> bool:
    """Punctuation and bare numbers never start or end a metric phrase."""
    return all(not ch.isalnum() for ch in token) or token.replace(".", "").isdigit()


def _counts_classes(text: str, item: _Found, mood: _Mood, rules: _Rules) -> bool:
    """A count closing a list of names (after 等 or its last name) or restating it (上述) whose noun is a class (等12个领域,
    等5个…门诊慢特病, …、同城货运4个行业): the kinds the list sorts things into, no quantity of work, unless a verb of
    building before the list builds them."""
    w = rules.words["class_counts"]
    if item.fields.get("comparator") != "=" or item.fields.get("change") or item.fields.get("percent"):
        return False
    clause = text[mood.sentence_start(item.start, mood.clause_breaks):item.start].lstrip(_HEADING_MARKS)
    value = item.fields.get("value")
    if not (clause.rstrip().endswith(tuple(w["leads"])) or _closes_name_list(clause, value, int(w["list_item_max"]))):
        return False
    noun = text[item.end:min(mood.clause_end(item.end, mood.breaks), item.end + int(w["reach"]))]
    noun = noun[:min((noun.find(ch) for ch in "，,。；;：:" if ch in noun), default=len(noun))]
    if not any(_heads_noun(noun, word, tuple(w["heads_of"])) for word in w["nouns"]):
        return False
    head = clause.split("、", 1)[0]  # the words before the list's first name (the names may hold 研发, 开发)
    return not any(verb in head for verb in w["builders"])


def _heads_noun(noun: str, word: str, modified: tuple[str, ...]) -> bool:
    """Whether a class word heads the counted noun (门诊慢特病的…, 行业开展…), not modifies a noun after it (行业龙头企业)."""
    at = noun.find(word)
    return at >= 0 and not noun.startswith(modified, at + len(word))


def _closes_name_list(clause: str, value: Any, most: int) -> bool:
    """Whether a clause ending right before a count ends with the last of as many names as it counts in a 、-list
    (出行、外卖、即时配送、同城货运4个行业), not a list of acts each with its own count (想出一个…、推广一项…、扶持一个)."""
    last = clause.rfind("、")
    names = clause.count("、") + 1
    return (last >= 0 and 0 < len(clause) - last - 1 <= most and _CJK.match(clause[-1]) is not None
            and isinstance(value, (int, float)) and value == names)


def _counts_subject(text: str, item: _Found, mood: _Mood, rules: _Rules) -> bool:
    """A count that opens its clause as the subject whose things then reach a measure named later in it
    (6个绿色食品加工产业园食品加工产值达275亿元以上; 松江…等4个新城建设用地面积50%以上达到…; 在6个市…安排实施面积200万亩):
    the count says which things, the measure is the goal."""
    w = rules.words["subject_counts"]
    if item.word or item.fields.get("change") or item.fields.get("percent"):
        return False
    if item.fields.get("unit") not in (*rules.words["project_scale"]["count_units"], *w["kind_units"]):
        return False
    head = text[mood.sentence_start(item.start, mood.clause_breaks):item.start].lstrip(_HEADING_MARKS).strip()
    if head and not head.endswith(tuple(w["leads"])):
        return False
    measure = rules.arabic.search(text, item.end, mood.clause_end(item.end))
    return measure is not None and len(_CJK.findall(text, item.end, measure.start())) >= int(w["min_chars_between"])
