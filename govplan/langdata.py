"""Schemas of the language data files (govplan/data/*.yaml and users' registry files).

Every data file is checked against its schema when it is read (extra keys are errors, so a
misspelled key is caught, and a missing or renamed one is named): a bad file, bundled or the
user's, stops the run with an error naming the file, the key, its line and the problem.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel, model_validator

Words = list[str]
Role = Literal["lead", "support", "responsible", "leader"]
Comparator = Literal[">=", "<=", "~", "=", ">", "<"]
Freq = Literal["daily", "weekly", "ten-daily", "monthly", "quarterly", "half-yearly", "yearly"]
Part = Literal["early", "mid", "late", "end"]


class Strict(BaseModel):
    """A mapping whose keys are all known."""

    model_config = ConfigDict(extra="forbid")


# --- grammar.yaml -----------------------------------------------------------------------------

class GrammarData(Strict):
    chars: dict[str, str]
    pieces: dict[str, str]

    @model_validator(mode="after")
    def _one_namespace(self) -> "GrammarData":
        """Char sets and pieces share one namespace: a name means one thing."""
        both = sorted(set(self.chars) & set(self.pieces))
        if both:
            raise ValueError(f"names used both as chars and as pieces: {', '.join(both)}")
        return self


# --- numbering.yaml ---------------------------------------------------------------------------

class LineStyleData(Strict):
    key: str
    pattern: str
    numeral: Literal["cn", "arabic", "circled", "capital", "auto"]
    segment: str
    damaged: bool = False
    strict: bool = False
    under: str | None = None
    needs_child: bool = False
    opens_confirmed: bool = False
    bare: bool = False
    in_bare_run: bool = False
    opens_line: bool = False
    beside: Words = []


class InlineStyleData(Strict):
    key: str
    marker: str
    numerals: Literal["cn", "arabic", "circled"]
    word_marker: bool = False
    bare_marker: str | None = None
    cells_only: bool = False
    segment: str | None = None


class EnclosedData(Strict):
    chars: str = Field(min_length=1)
    reads_as: str = Field(pattern=r"\{n\}")
    numerals: Literal["cn", "arabic", "circled"]


class AttachmentData(Strict):
    pattern: str
    segment: str


class AttachmentListData(Strict):
    pattern: str
    item: str
    lead_in: str
    number_alone: str


class MidlineData(Strict):
    after_sentence: str
    after_clause: str
    digit_joiners: str = ""
    min_blanks: int = Field(ge=1)
    single_blank: bool = False
    styles: Words
    new_list_styles: Words
    glued_item_styles: Words
    prose_styles: Words
    prose_number: str
    announcing: str
    after_note: str
    after_title: str
    run_on: str


class NumberingData(Strict):
    line_styles: list[LineStyleData] = Field(min_length=1)
    attachment: AttachmentData
    attachment_list: AttachmentListData
    transmittal: str
    cited_attachment: str
    restart_title: str
    remark_list: str
    enclosed: list[EnclosedData] = []
    inline_styles: list[InlineStyleData]
    inline_clause_starts: str
    dot_before_date: str
    cell_clause_starts: str
    bare_marker_not_before: Words
    bare_run_starts: str
    numerals: dict[Literal["cn", "arabic", "circled", "capital"], Words]
    capital_variants: dict[str, str] = {}
    misread_numerals: dict[str, str] = {}
    conventional_order: Words
    midline: MidlineData
    max_gap: int = Field(ge=0)
    hidden_text: str
    glued_reference_words: Words
    max_title_chars: int = Field(gt=0)
    max_inline_depth: int = Field(ge=0)
    paragraph_points: Words = []


# --- metadata.yaml ----------------------------------------------------------------------------

class IndexKeys(Strict):
    doc_number: Words
    issuer: Words
    date: Words
    published: Words = []
    title: Words


class MetadataData(Strict):
    title_prefixes: Words
    title_suffixes: Words
    index_keys: IndexKeys
    date_key_priority: Words
    red_header_suffix: str
    doc_number_pattern: str
    recipient_separators: str
    recipient_not_endings: Words
    recipient_kind_words: Words = []
    max_title_lines: int = Field(ge=1)
    max_title_chars: int = Field(gt=0)
    chrome_labels: Words
    chrome_phrases: Words
    chrome_max_chars: int = Field(gt=0)
    chrome_line_patterns: Words = []
    chrome_footer: str  # a site's registration marks (粤ICP备…, 网站标识码): its footer line, however long (c1003)
    date_line_patterns: Words
    inline_signature: str
    dated_deadline: str
    title_period: str


# --- compilation.yaml -------------------------------------------------------------------------

class CompilationWeights(Strict):
    title: float
    byline: float
    opening: float
    salutation: float
    after_closing: float
    restart: float
    restart_after_number: float
    restart_intro: float
    new_subject: float
    subject_intro: float
    subject_time: float
    outline: float
    paragraph_after_title: float


class CompilationData(Strict):
    toc_markers: Words
    page_header_line: str
    toc_entry_max_chars: int
    group_entry_pattern: str
    byline_suffixes: Words
    byline_prefixes: Words
    byline_words: Words
    person_positions: Words
    person_surnames: str
    opening_phrases: Words
    opening_patterns: Words
    closing_phrases: Words
    closing_line_patterns: Words
    salutation_pattern: str
    subject_time_lead: str
    subject_suffixes: Words
    subject_intro_verbs: Words
    subject_stop_chars: str
    subject_head_chars: int
    max_preamble_lines: int
    outline_min_lines: int
    short_line_max_chars: int
    garbled_min_run: int
    garbled_max_word_share: float
    weights: CompilationWeights
    start_threshold: float
    min_document_lines: int


# --- deadlines.yaml ---------------------------------------------------------------------------

class MonthPartData(Strict):
    part: Part
    day: int | Literal["last"]
    through: Part | None = None  # a span over two parts (中下旬: mid through late), read as a period


class TitleMarks(Strict):
    open: str
    close: str
    longest: int


class RhythmPeriod(Strict):
    freq: Freq
    part: Part | None = None
    interval: int | None = Field(default=None, ge=2, le=12)


class CountedRhythms(Strict):
    counts: dict[str, int] = Field(min_length=1)
    every: dict[str, Freq]
    idioms: dict[str, Freq]


class WeekDays(Strict):
    weeks: dict[str, int] = Field(min_length=1)
    words: Words
    days: dict[str, int] = Field(min_length=1)
    cues: dict[str, Literal["by", "on"]]
    cue_not_before: Words
    week_alone_before: Words
    not_after: Words
    gloss_marks: str


class Quotes(Strict):
    open: str
    close: str


class ListedRoutines(Strict):
    periods: dict[str, RhythmPeriod]
    act_chars: int
    separators: str


class RhythmCompounds(Strict):
    periods: dict[str, RhythmPeriod]
    listed: ListedRoutines
    actions: Words
    fillers: Words
    cycle_parts: dict[str, Part]
    cycle_act_chars: int
    idiom_actions: Words
    idioms: dict[str, RhythmPeriod]
    assessment_periods: dict[str, RhythmPeriod]
    assessments: Words
    assessment_reach: int
    period_acts: Words
    assessment_references: Words
    assessment_bases: Words
    assessment_occasions: Words
    assessment_results: Words
    action_nouns: Words
    verb_periods: Words
    verbs: Words
    doubled_not_after: str
    doubled: dict[str, Freq]
    not_after: str
    not_after_except: Words
    quotes: Quotes


class YearNamesWork(Strict):
    nouns: Words
    heading_nouns: Words
    verbs: Words
    reach: int


class ForecastMilestones(Strict):
    cues: Words
    verbs: Words


class YearBindsGoals(Strict):
    nouns: Words
    verbs: Words
    reach: int


class YearEndCounts(Strict):
    nouns: Words
    reach: int
    goal_words: Words


class MidYearAfterYear(Strict):
    word: str
    month: int
    before: Words
    not_before: Words


class PeriodCoveredLabels(Strict):
    labels: Words
    between: str
    dates: str
    reach: int


class CareerAfter(Strict):
    words: Words
    not_: Words = Field(alias="not")
    skip: str
    through: str
    dates: str


class SinceAfter(Strict):
    words: Words
    reach: int


class DigitRun(Strict):
    min: int
    max: int


class LostUnitDates(Strict):
    day_words: Words
    year_less_digits: DigitRun
    after_year_digits: DigitRun
    not_after: Words
    not_before: Words


class FirstPeriods(Strict):
    word: str
    units: Words


class FirstPerson(Strict):
    words: Words
    not_after: Words


class ReportedChanges(Strict):
    word: str
    goals: Words
    bounds: Words
    goal_leads: Words


class ComparisonBases(Strict):
    words: Words
    not_after: Words
    after: Words


class DatedAssessment(Strict):
    reach: int
    not_after_year: str


class IssueDayLeads(Strict):
    openers: Words
    documents: Words
    verbs: Words
    tail: str
    ends: Words


class NamedYear(Strict):
    not_after: Words
    not_before: Words
    heading_reach: int
    heading_ends: Words
    heading_closers: str
    issued_openers: Words


class DoneAttribute(Strict):
    end: str
    reach: int
    verb_first: Words
    verb_first_reach: int


class RelativeLookbacks(Strict):
    before: Words
    after: Words


class RelativeAttributes(Strict):
    verbs: Words
    end: str
    reach: int
    arising: Words
    arising_reach: int
    arising_not_before: Words


class RelativeCountedFrom(Strict):
    anchors: Words
    verbs: Words


class RelativeBenefitTerms(Strict):
    heads: Words
    nouns: Words
    between: Words


class DutyPhrases(Strict):
    verbs: Words
    nouns: Words
    reach: int
    generic: Words


class DateAttribute(Strict):
    verbs: Words
    after: Words
    end: str
    agents: Words
    agent_reach: int
    object_reach: int


class CitedMeetings(Strict):
    openers: Words
    nouns: Words
    holding_verbs: Words
    opener_reach: int
    noun_reach: int


class ReportedMeetings(Strict):
    times_of_day: Words
    hour: str
    pauses: str
    verbs: Words
    acts: Words
    reach: int


class DocumentNumber(Strict):
    open: str
    end: str


class BracketDates(Strict):
    open: str
    close: str


class PeriodReported(Strict):
    reach: int
    reports: Words


class MannerRhythms(Strict):
    words: Words
    verbs: Words


class RhythmGloss(Strict):
    reach: int
    openers: Words
    between: str


class RatePeriods(Strict):
    unit_chars: int
    qualifiers: Words
    amount_units: Words


class ServiceKinds(Strict):
    words: Words
    verbs: Words
    nouns: Words
    reach: int
    not_before: str


class ReportPresentations(Strict):
    openers: Words
    closers: Words
    breaks: str = Field(min_length=1)
    glue: str


class NoticeTitles(Strict):
    opener: str
    follower: str
    kinds: Words


class DeadlinesData(Strict):
    lead_cues: Words
    end_date_cues: Words
    from_issue_leads: Words
    issue_day_leads: IssueDayLeads
    dated_assessment: DatedAssessment
    as_of_cues: Words
    as_of_counts: Words
    weekday_note: str
    time_of_day: str
    day_parts: Words
    next_period_words: Words
    commencement_before: Words
    commencement_after: Words
    start_after: Words
    comes_into_force: Words
    lead_cue_not_after: Words
    shared_lead_coordinators: Words
    shared_lead_reach: int
    shared_suffix_coordinators: Words
    weak_lead_cues: Words
    due_field_labels: Words
    weak_lead_cue_not_in: Words
    goal_lead_cues: Words
    year_part_goal_cues: Words
    forecast_milestones: ForecastMilestones
    suffix_kinds: dict[str, Literal["by", "on"]]
    first_periods: FirstPeriods
    historical_before: Words
    career_after: CareerAfter
    comparison_bases: ComparisonBases
    index_date_keys: Words
    page_day_labels: Words
    instrument_adoptions: Words
    historical_after: Words
    since_after: SinceAfter
    historical_events: Words
    reported_changes: ReportedChanges
    done_words: Words
    done_not_before: Words
    done_attribute: DoneAttribute
    cutoff_done_words: Words
    date_attribute: DateAttribute
    sentence_breaks: str
    title_marks: TitleMarks
    title_line_labels: Words
    cell_marks: str  # | and blanks: a pipe row's cell marks around a title row, an index field or a lone cell (c990, c671)
    title_line_ends: Words
    document_number: DocumentNumber
    title_line_count: str
    listed_document: str
    bracket_dates: BracketDates
    bare_year_followers: Words
    bare_year_follower_guards: dict[str, Words]
    bare_year_pauses: str
    bare_year_follower_reach: int
    bare_year_subject_openers: Words  # 全市, 全区: a subject opening the clause right after a year, as a pause does
    year_heads_targets: Words
    bare_year_non_followers: Words
    bare_year_pause_non_followers: Words
    year_guidance_ends: Words
    year_range_title_after: str
    notice_titles: NoticeTitles
    report_presentations: ReportPresentations
    trend_periods: Words
    trend_verbs: Words
    trend_doublings: Words
    trend_degrees: Words
    trend_rate_qualifiers: Words
    manner_rhythms: MannerRhythms
    rate_periods: RatePeriods
    service_kinds: ServiceKinds
    recurrence_references: Words
    year_names_work: YearNamesWork
    year_binds_goals: YearBindsGoals
    named_year: NamedYear
    document_name_reach: int
    cited_name_openers: Words
    clause_openers: str
    month_parts: dict[str, MonthPartData]
    condition_end: str
    condition_consequences: Words
    condition_reach: int
    clause_breaks: str
    reported_meetings: ReportedMeetings
    cited_meetings: CitedMeetings
    news_datelines: str
    account_headings: str
    score_change: str
    forecast_words: Words
    year_parts: dict[str, int]
    year_part_not_after: str
    year_part_not_after_words: Words
    year_part_objects: Words
    year_end_counts: YearEndCounts
    bare_day_before: Words
    lost_unit_dates: LostUnitDates
    clause_year_parts: dict[str, int]
    clause_year_part_not_before: Words
    deictic_spans: dict[str, int]
    year_parts_after_year: dict[str, int]
    mid_year_after_year: MidYearAfterYear
    plan_periods: dict[str, int]
    plan_period_years: int
    plan_period_parts: dict[str, Literal["by", "period"]]
    plan_year_ordinals: dict[str, int]
    plan_year_ordinal_not_after: Words
    plan_year_ordinal_not_before: str
    following_years: Words
    following_year_not_after: str
    period_separators: Words
    period_day_dashes: Words
    period_start_words: Words
    period_end_words: Words
    period_start_pauses: str
    period_covered_after: Words
    period_covered_labels: PeriodCoveredLabels
    period_reported: PeriodReported
    recurrence_words: dict[str, Freq]
    recurrence_intervals: dict[str, int]
    counted_rhythms: CountedRhythms
    recurrence_attribute_reach: int
    recurrence_attribute_not_before: Words
    months_in_period: dict[str, int]
    recurrence_year_parts: dict[str, Part]
    yearly_rhythm_words: Words
    rhythm_date_glue: Words
    deictic_months: dict[str, int]
    rhythm_gloss: RhythmGloss
    bare_month_not_after: str
    rhythm_compounds: RhythmCompounds
    count_periods: dict[str, Freq]
    count_period_not_before: Words
    count_period_not_after: str
    count_period_gap: int
    relative_units: dict[str, int]
    relative_subday_units: dict[str, int]
    relative_half: str
    relative_spans: dict[str, int]
    relative_not_after: Words
    relative_before: Words
    relative_before_word_ends: dict[str, str]
    relative_horizons: Words
    relative_after: Words
    relative_lookbacks: RelativeLookbacks
    relative_rule_terms: Words
    relative_settling_verbs: Words  # 办结: a span right before one is the time a service promises (1天办结)
    relative_counted_from: RelativeCountedFrom
    relative_benefit_terms: RelativeBenefitTerms
    relative_cycle_terms: RelativeBenefitTerms
    relative_attributes: RelativeAttributes
    named_days_fixed: dict[str, str]
    named_days_movable: Words
    named_day_cues: dict[str, Literal["by", "on"]]
    event_days: Words
    event_day_between: Words
    event_day_cues: dict[str, Literal["by", "on"]]
    event_day_not_after: str
    event_day_not_before: Words
    week_days: WeekDays
    reasons: dict[Literal["no_year", "movable", "invalid", "event", "no_issue_date"], str]


# --- targets.yaml -----------------------------------------------------------------------------

class ComparatorAdverbs(Strict):
    max_gap: int
    words: dict[Comparator, Words]


class Fractions(Strict):
    slash: str
    word: str
    halves: Words
    half_value: float
    digits: int


class Doubling(Strict):
    prefix: str
    suffix: str
    unit: str


class PeopleLead(Strict):
    verbs: Words
    reach: int
    counter: str


class ChargeCopula(Strict):
    copulas: Words
    nouns: Words
    reach: int


class CharRange(Strict):
    min: int
    max: int


class Zero(Strict):
    word: str
    verbs: Words
    quoted: Words
    not_before: Words
    verb_before: Words
    absence_word: str
    absence_closers: Words
    absence_heads: Words
    absence_reach: int
    nil_copula: str


class OneByOne(Strict):
    separators: str
    verb_max_chars: int
    numerals: Words


class LatinUnits(Strict):
    prefixes: Words
    bases: Words
    powers: Words
    per: Words


class ReportAnnouncement(Strict):
    openers: Words
    topics: Words
    verbs: Words
    reach: int


class ListedBaselines(Strict):
    separators: str
    unit_reach: int
    reach: int


class BaselineMarkers(Strict):
    words: Words
    noun_reach: int
    listed: ListedBaselines


class ReportedChanges(Strict):
    reach: int


class PastYear(Strict):
    not_after: Words
    not_before: Words


class ReportedLevels(Strict):
    glue: str
    notes: Words


class YearToDate(Strict):
    shape: str
    not_after: Words


class Cutoff(Strict):
    words: Words
    due_ends: Words


class GoalLabels(Strict):
    noun: str
    qualifiers: Words
    introducers: Words


class Mood(Strict):
    goal_words: Words
    weak_goal_words: Words
    fact_words: Words
    weak_fact_words: Words
    done_words: Words
    report_min_fact_cues: int
    approx_before: Words
    sentence_breaks: str
    report_titles: Words
    spaced_title_lines: int
    review_headings: Words
    review_not_with: Words
    goal_headings: Words
    report_time_words: Words
    goal_labels: GoalLabels
    comparison_bases: Words
    first_person: FirstPerson
    plan_titles: Words
    report_announcement: ReportAnnouncement
    attributive_after: Words
    retrospects: str
    year_to_date: YearToDate
    reported_changes: ReportedChanges
    past_year: PastYear
    cutoff: Cutoff
    window: int


class Disposal(Strict):
    markers: Words
    results: Words


class ExistenceStatements(Strict):
    verbs: Words
    adverbs: Words
    not_before: Words


class ScopeBounds(Strict):
    after: Words
    count_units: Words


class DesignatedPosts(Strict):
    verbs: Words
    units: Words
    post_ends: Words
    as_words: Words
    pairing: Words


class Holdings(Strict):
    words: Words
    count_leads: Words
    not_after: Words


class PinyinGloss(Strict):
    letters: str
    max_letters: int
    reach: int


class RewardBase(Strict):
    word: str
    verb_chars: int
    short_verbs: Words
    rewards: Words


class SpendThresholds(Strict):
    words: Words
    discounts: Words
    reach: int


class PeriodCounts(Strict):
    markers: Words
    units: Words
    reach: int


class TreatedCounts(Strict):
    prepositions: Words
    work_verbs: Words
    check_verbs: Words
    breaks: str


class OneOffActs(Strict):
    numerals: Words
    units: Words
    verbs: Words
    periods: Words


class QuantityList(Strict):
    joiners: Words
    max_gap: int
    verb_max_chars: int


class ShortfallMarkers(Strict):
    words: Words
    not_after: Words


class ScoreCase(Strict):
    markers: Words
    change: str
    shortfall_markers: ShortfallMarkers


class PolicyArticles(Strict):
    units: Words
    verbs: Words
    nouns: Words


class ProjectScale(Strict):
    heads: Words
    tails: Words
    count_units: Words
    verbs: Words
    extent_units: Words


class KindCounted(Strict):
    nouns: Words
    reach: int


class RewardCondition(Strict):
    opener: str
    grants: Words
    breaks: str
    clause_breaks: str
    reach: int
    rate_markers: Words
    rate_caps: Words
    rate_cap_joiners: str
    tier_rewards: Words
    tier_reach: int
    tier_scores: Words
    tier_breaks: str
    tier_marks_before: Words
    tier_marks_after: Words


class RewardedKinds(Strict):
    noun_reach: int


class StatedStandards(Strict):
    follower: str
    nouns: Words
    not_before: Words


class SpacedNotAfter(Strict):
    words: Words
    blanks: str = Field(min_length=1)
    reach: int = Field(ge=1)


class ReferenceLevels(Strict):
    glue: Words
    nouns: Words


class BracketedAlone(Strict):
    opens: Words
    closes: Words
    units: Words
    totals: Words
    heading_counts: Words
    line_trailers: str


class BareAmounts(Strict):
    multipliers: Words
    comparators: dict[Comparator, Words]
    not_before: Words


class MagnitudeAlone(Strict):
    multipliers: Words  # 亿, 千万: a multiplier written alone, counting one
    units: Words  # 元: the units it may stand before
    after: Words  # 以上: the comparators that must follow


class CountedNouns(Strict):
    multipliers: Words  # 万, 亿: the multiplier the count is written with
    nouns: dict[str, str]  # 人口 -> 人: the noun that counts, and the unit it gives
    reach: int  # modifier characters allowed before the noun (农村, 贫困, 非户籍)


class RateLevels(Strict):
    heads: Words
    verbs: Words
    closers: str


class HouseholdSizes(Strict):
    units: Words
    heads: Words


class NamedCircles(Strict):
    units: Words
    heads: Words
    reach: int
    places_before: Words
    place_units: Words
    each: str


class SettlementClasses(Strict):
    units: Words
    nouns: Words


class BodyClasses(Strict):
    nouns: Words
    reach: int
    not_through: Words


class EquipmentSizes(Strict):
    """A bound on a size in one of units glued to a kind of equipment (10蒸吨/小时及以下燃煤锅炉): the class a duty treats."""
    units: Words
    nouns: Words
    grades: Words
    reach: int


class LiteraryFollowers(Strict):
    """之 written for 的 (以上之事業單位): words that close a 的-phrase, unless one of not_before follows (之间, 之内)."""
    words: Words
    not_before: Words


class VoltageClasses(Strict):
    units: Words


class YearTasks(Strict):
    nouns: Words
    acts: Words
    glue: str
    not_units: Words


class HarmFirst(Strict):
    harms: Words
    links: Words
    tail: int
    reach: int


class EventGrades(Strict):
    verbs: Words
    harms: Words
    not_before: Words
    harm_first: HarmFirst


class ZoneBounds(Strict):
    directions: str
    verbs: str
    names: Words
    min_sides: int
    breaks: str
    area_units: Words
    work_verbs: Words


class ConditionChain(Strict):
    """Clauses joined into one case by a link word after a comma (超过4.5米，或者总宽度超过3.75米…的; 达100万元,并且增幅不低于10%的企业)."""

    breaks: str
    links: Words
    closers: str


class JoinedConditions(Strict):
    """Thresholds joined by a link word into one case that a single 的 closes (30万元以下或者…300平方米以下的…; after a comma,
    a ``condition_chain`` link: 1000万元以上(含1000万元),且…的项目)."""

    links: Words
    note_open: str
    note_close: str
    note_reach: int


class Penalties(Strict):
    verbs: Words
    nouns: Words
    lesser: Words


class PortionTiers(Strict):
    word: str
    follower: str
    links: Words
    not_before: Words


class Shortfalls(Strict):
    words: Words
    caps: Words


class ListedBodies(Strict):
    marker: str
    measure: str
    nouns: Words


class InvolvementCases(Strict):
    verbs: Words
    links: Words


class OutlineNumbers(Strict):
    shape: str
    lead: str
    not_before: Words


class RoundTheClock(Strict):
    amounts: Words
    units: Words
    not_before: Words


class QuotedNames(Strict):
    marks: Words
    heads: Words


class FiledPapers(Strict):
    units: Words
    before: Words
    attach_verbs: Words
    attach_reach: int


class InvestedAmounts(Strict):
    words: Words
    glue: str
    estimates: Words
    totals: Words


class BudgetAmounts(Strict):
    units: Words
    labels: Words
    label_glue: str
    use: Words
    grants: Words


class SubjectCounts(Strict):
    leads: Words
    min_chars_between: int
    kind_units: Words


class ClassCounts(Strict):
    leads: Words
    nouns: Words
    reach: int
    list_item_max: int
    builders: Words
    heads_of: Words


class RankCutoffs(Strict):
    before: Words
    units: Words
    goal_verbs: Words
    reach: int


class PaymentShares(Strict):
    units: Words
    funds_after: Words
    before: str


class ConditionLists(Strict):
    headings: Words
    lead: str
    list_starts: str


class ShareReach(Strict):
    max_gap: int
    before: str
    words: dict[Comparator, Words]


class ProgrammeQuotas(Strict):
    verbs: Words
    nouns: Words
    reach: int
    attribute_end: str
    cited_openers: Words
    cited_reach: int


class TargetsData(Strict):
    units: Words
    cued_only_units: Words
    arabic_only_units: Words
    comparators_before: dict[Comparator, Words]
    comparators_after: dict[Comparator, Words]
    comparator_not_after: dict[str, Words]
    comparator_adverbs: ComparatorAdverbs
    comparator_reach: ComparatorAdverbs
    share_reach: ShareReach
    normative_comparators: Words
    comparator_list_joiners: Words
    approx_between: dict[Comparator, Words]
    bare_amounts: BareAmounts
    magnitude_alone: MagnitudeAlone  # 亿元以上: a multiplier alone before its unit, counting one
    counted_nouns: CountedNouns  # 10万农村人口: a count of people whose noun gives the unit
    rate_levels: RateLevels
    changes_before: dict[Literal["reach", "increase", "decrease"], Words]
    fractions: Fractions
    doubling: Doubling
    zero: Zero
    percent_word: str
    figure_pair_marks: Words  # 12亿元/10亿元: two figures with their units (c987)
    not_after: Words
    spaced_not_after: SpacedNotAfter  # 第 6週齡, 每 1000人: an ordinal or a rate's base across a layout blank
    bracketed_alone: BracketedAlone
    class_bounds: Words
    makeup_verbs: Words
    team_lead_verbs: Words
    makeup_continuations: Words
    list_announcements: Words
    stage_nouns: Words
    stage_not_before: Words
    full_marks: Words
    full_marks_negations: Words
    reward_condition: RewardCondition
    rewarded_kinds: RewardedKinds
    stated_standards: StatedStandards
    reference_levels: ReferenceLevels
    progress_statuses: Words
    year_on_year: Words
    reported_levels: ReportedLevels
    task_count_units: Words
    baseline_note: str
    comparison_base: str
    comparison_base_reach: int
    not_before: Words
    not_before_words: Words
    household_sizes: HouseholdSizes
    named_circles: NamedCircles
    condition_lists: ConditionLists
    round_the_clock: RoundTheClock
    outline_numbers: OutlineNumbers
    voltage_classes: VoltageClasses
    year_tasks: YearTasks
    settlement_classes: SettlementClasses
    body_classes: BodyClasses
    equipment_sizes: EquipmentSizes
    action_units: Words
    rate_base_counts: Words
    one_by_one: OneByOne
    latin_units: LatinUnits
    per_units: Words
    per_unit_magnitudes: str
    unit_space: str
    unit_aliases: dict[str, str]
    vague_quantities: Words
    second_rounds: Words
    condition_follower: str
    literary_followers: LiteraryFollowers
    condition_nominalisers: Words
    bound_notes: Words
    condition_units: Words
    condition_unit_bounds: list[Comparator]
    condition_comparators: list[Comparator]
    class_bound_words: Words
    condition_consequences: Words
    condition_chain: ConditionChain
    joined_conditions: JoinedConditions
    penalties: Penalties
    portion_tiers: PortionTiers
    shortfalls: Shortfalls
    involvement_cases: InvolvementCases
    listed_bodies: ListedBodies
    zone_bounds: ZoneBounds
    event_grades: EventGrades
    goal_object_verbs: Words
    goal_object_nouns: Words
    approx_before_words: Words
    metric_lead_drop: Words
    metric_tail_drop: Words
    clause_breaks: str
    metric_after_stops: str
    metric_min_chars: int
    metric_max_chars: int
    mood: Mood
    scope_labels: Words
    label_breaks: str
    scope_prepositions: Words
    treated_counts: TreatedCounts
    scope_words: Words
    scope_commitments: Words
    scope_results: Words
    scope_bounds: ScopeBounds
    existence_statements: ExistenceStatements
    holdings: Holdings
    disposal: Disposal
    structure_nouns: Words
    designated_posts: DesignatedPosts
    pinyin_gloss: PinyinGloss
    wrap_reach: int
    reward_base: RewardBase
    spend_thresholds: SpendThresholds
    baseline_markers: BaselineMarkers
    task_count_nouns: Words
    programme_item_nouns: Words
    programme_item_not_nouns: Words
    programme_quotas: ProgrammeQuotas
    quota_verbs: Words
    quantity_list: QuantityList
    period_counts: PeriodCounts
    one_off_acts: OneOffActs
    score_case: ScoreCase
    forecast_words: Words
    result_against_goal: Words
    share_of_plan: str
    policy_articles: PolicyArticles
    project_scale: ProjectScale
    kind_counted: KindCounted
    filed_papers: FiledPapers
    invested_amounts: InvestedAmounts
    budget_amounts: BudgetAmounts
    subject_counts: SubjectCounts
    class_counts: ClassCounts
    payment_shares: PaymentShares
    rank_cutoffs: RankCutoffs


# --- units.yaml -------------------------------------------------------------------------------

class CutDutyManner(Strict):
    tails: Words  # 分, 分工负: what a manner phrase's tail and verb of charge begin with, where a page cut falls
    completion: str  # the phrase it is read as


class VerbNouns(Strict):
    words: Words
    not_before: Words


class UnitsData(Strict):
    label_role_words: dict[Role, Words]
    label_prefixes: Words
    label_levels: Words
    label_level_marks: Words
    kind_role_words: Words
    label_work_joiners: Words
    label_work_chars: int
    label_infixes: Words
    label_heads: Words
    leader_heads: Words
    label_person_joiners: Words  # 责任单位及责任人: the units' heads named beside them (c1166)
    label_person_heads: Words
    label_copulas: Words
    entrant_label_words: Words  # 参加单位 heading a section names an event's entrants: no role (units47)
    blanked_name_marks: Words  # **县文联: the marks a copy puts for a blanked place or name (units47)
    name_trailing_marks: Words  # 区财政局*: a table's mark after a unit's name, no part of it (c987)
    quoted_names: QuotedNames  # 经营管理厂商「乐满地文旅发展有限公司」: the quoted name of the body described before it (c1028)
    group_list_separators: str  # 青少年组:A、B: what splits the units a group heading lists (units47)
    field_name_separators: str  # 主办单位:A B 协办单位:C: the blanks between a run-together field's names (units47)
    field_ends: str  # where the last field of such a run ends (units47)
    field_label_kinds: Words  # tables.yaml column kinds whose words, glued before a colon, end a labelled list (c983)
    role_labels: dict[Role, Words]
    role_verbs: dict[Role, Words]
    role_verb_tails: Words
    role_verb_preludes: Words
    attributive_role_verbs: Words
    duty_manner_openers: Words  # 按照, 根据…: a manner phrase of duty before a role verb opens with one
    duty_manner_owners: Words  # 各自
    duty_manner_owner_marks: Words  # 的 after the owner
    duty_manner_qualifiers: Words  # 审批 before 权限
    duty_manner_nouns: Words  # 职责, 职能, 分工
    duty_manner_tails: Words  # 分工 after the noun
    duty_manner_commas: Words  # the comma such a phrase may take before a unit's verb (按照各自职责，负责…)
    duty_manner_shares: Words  # 各自, 分工: a phrase with one shares the work out, each unit in charge of its part
    cut_duty_manner: CutDutyManner  # a manner phrase of duty a page cut inside a bracket's last clause
    accountability_idioms: Words  # 各司其职, 各负其责: idioms of accountability a list may take before its role verb
    accountability_idiom_run: int  # at most this many of them in a row
    official_titles: Words
    list_openers: Words
    causative_openers: Words
    list_qualifiers: Words
    apposition_heads: Words
    apposition_chars: int
    joint_markers: Words
    joint_marker_not_before: Words
    position_verbs: Words
    position_first: Words
    mark_verbs: Words  # 标☆的为牵头单位: a convention picking the lead by a mark on its name (c1399)
    mark_nouns: Words
    position_nouns: Words
    position_among: Words
    position_among_chars: int
    position_copulas: Words
    position_rest: Words
    label_alternatives: Words
    label_duties: dict[Role, Words]
    label_duty_chars: int
    duty_phrases: DutyPhrases
    function_verbs: Words
    function_nouns: Words
    function_duties: dict[Role, Words]
    scope_onward: Words
    scope_remarks: Words
    glued_label_phrase_chars: int
    glued_label_not_after: Words
    glued_copula_after: Words
    standing_openers: Words
    standing_scope_chars: int
    standing_markers: Words
    alias_remarks: Words
    declared_alias_chars: int
    declared_alias_quotes: str
    adverb_suffixes: Words
    level_nouns: Words
    collective_heads: Words
    level_organ_heads: Words
    zone_levels: Words
    distributive_kinds: Words
    list_separators: str
    segment_separators: str
    conjunctions: Words
    paired_bodies: dict[str, Words]
    item_trailers: Words
    suffixes: Words
    sentence_prefixes: Words
    place_levels: Words
    place_chars: int
    placed_committees: Words
    place_false_starts: Words
    region_kinds: Words
    level_false_starts: Words
    max_name_chars: int
    glued_name_levels: Words
    housed_offices: Words
    min_glued_name_chars: int
    action_verbs: Words
    role_copulas: Words
    role_copula_chars: int
    charge_verbs: Words
    charge_object_openers: Words
    charge_object_joiner: str
    charge_lead_marks: Words
    later_support_openers: Words
    later_support_verbs: Words
    charged_support_verbs: Words
    later_support_not_before: Words
    later_support_stops: Words
    duty_support_stops: Words
    body_duty_modals: Words
    action_adverbs: Words
    manner_phrase_ends: Words
    manner_phrase_chars: int
    action_verb_not_before: Words
    verb_nouns: VerbNouns
    done_marks: Words
    done_aspect: str
    done_aspect_not_before: Words
    done_aspect_modifier: str
    done_date_clause: str
    own_enactment: str
    done_recent: Words
    suggestion_words: Words
    suggestion_not_after: Words
    actor_skips: Words
    actor_time: str
    dated_opening_ends: Words
    dated_opening_starts: Words
    clause_ordinal: str
    role_word_reach: int
    actor_trailer_chars: int
    heading_not_unit_starts: Words
    heading_item_counters: Words
    clause_openers: Words
    suffix_verbs: Words
    duty_nouns: Words
    label_list_ends: str
    duty_title_nouns: Words
    duty_member_heads: Words
    duty_stop_heads: Words
    duty_noun_joiners: Words
    duty_noun_tails: Words
    duty_section_ends: Words
    duty_generic_heads: Words
    duty_bullets: Words
    duty_list_charges: Words
    duty_list_sentence_ends: str
    duty_paragraph_breaks: str
    duty_paragraph_stops: str
    duty_paragraph_stop_openers: str
    clause_breaks: str
    pause_breaks: str
    agent_markers: Words
    handover_verbs: Words
    report_verbs: Words
    agent_marker_not_before: Words
    request_markers: Words
    asked_name_chars: int
    asked_council_heads: Words
    asked_nonacts: Words
    etc_references: Words
    request_marker_not_after: Words
    request_marker_not_before: Words
    request_name_starts: Words
    agent_action_not_before: Words
    agent_nonacts: Words
    authority_verbs: Words
    authority_heads: Words
    agent_compositions: Words
    agent_verbs: Words
    agent_category_heads: Words
    relative_places: Words
    place_ends: Words
    national_prefixes: Words
    actor_list_joiners: Words
    partner_joiners: Words
    partner_modals: Words
    shared_actions: Words
    partner_clause_adverbs: Words
    partner_clause_actions: Words
    name_opening_joiners: Words
    max_actor_list: int
    listed_member_chars: int
    max_joint_list: int
    distributive_starts: Words
    level_categories: Words
    own_level_marks: Words
    own_level_category_uses: int  # 我市 once beside 市级… three times: the notice's own level (c1426)
    self_reference_marks: Words
    self_reference_organs: Words
    own_levels: dict[str, str]
    own_level_generic: Words
    level_counts: Words
    vague_starts: Words
    vague_prefixes: Words
    vague_heads: Words
    trailer_kinds: Words
    trailer_sector_chars: int
    trailer_scopes: Words
    person_suffixes: Words
    unit_people: Words
    people_lead: PeopleLead
    person_name_chars: CharRange
    charge_copula: ChargeCopula
    office_ends: Words
    office_words: Words
    office_end_not_before: dict[str, Words]
    office_false_words: Words
    bureau_words: Words
    section_ends: Words
    section_false_words: Words
    office_sector_chars: int
    office_names: Words
    organ_levels: Words
    level_organs: Words
    office_chars: int
    group_ends: Words
    group_chars: int
    group_non_bodies: Words
    function_group_heads: Words
    group_quantifiers: Words
    function_openers: Words
    plain_name_suffixes: Words
    body_suffixes: Words
    definite_bodies: Words
    name_breakers: Words
    office_function_verbs: Words
    office_function_heads: Words
    name_joiners: dict[str, Literal["after_level", "after_sector"]]
    name_joint_chars: int
    category_places: Words
    collective_suffixes: Words
    collective_words: Words
    locality_kinds: Words
    locality_short: Words
    locality_chars: int
    locality_kind_places: Words
    generic_bodies: Words
    collective_chars: int
    leveled_collective_chars: int
    shared_heads: Words
    shared_organ_heads: Words
    place_organs: Words
    joint_organ_firsts: Words
    joint_organ_seconds: Words
    coordination_heads: Words
    coordination_item_chars: int
    group_heads: Words
    joint_organs: Words
    support_markers: Words
    pointing_verbs: Words
    helped_work_openers: Words
    helped_not_work: Words
    generic_kinds: Words
    community_bodies: Words
    partner_markers: Words
    partner_heads: Words
    partner_chars: int
    partner_sector_chars: int
    partner_shared_heads: Words
    sentence_breaks: str
    cell_sentence_ends: str
    bracket_list_openers: str
    bracket_title_closers: str


# --- aliases.yaml and users' registry files ---------------------------------------------------

class AliasesData(Strict):
    prefixes: Words = []
    bodies: dict[str, Words] = {}
    names: dict[str, Words] = {}
    national: dict[str, Words] = {}  # national bodies: no place stands before them


class PlainAliases(RootModel[dict[str, Words]]):
    """A user's registry written as a plain mapping ``canonical: [alias, ...]``."""


# --- .govplan.yaml, the configuration kept beside a user's specs -------------------------------

class ConfigData(Strict):
    registry: Words = []  # alias files, relative to the configuration file


# --- validate.yaml ----------------------------------------------------------------------------

class ValidateData(Strict):
    number_folding: dict[str, str]
    number_dropped: str
    simplified: dict[str, str]
    plan_year_pattern: str
    five_year_plans: dict[str, tuple[int, int]]
    plan_grace_years: int
    horizon_years: int
    value_words: dict[str, Words]


# --- tables.yaml ------------------------------------------------------------------------------

ColumnKindName = Literal[
    "number", "task", "measure", "schedule", "lead", "support", "responsible", "leader", "time",
    "progress", "score", "other", "note", "measure_unit",
]


class RunTogether(Strict):
    min_header_cells: int = Field(ge=2)
    max_header_gap: int = Field(ge=0)
    name_ends: Words
    max_name_chars: int = Field(gt=0)
    name_heads: Words


class RoleHeads(Strict):
    roles: dict[Literal["lead", "support"], Words]
    heads: Words


class QuotaTables(Strict):
    places: Words
    quantities: Words
    totals: Words
    title_ends: Words
    unit_line: str
    breakdown_head: str


class TablesData(Strict):
    columns: dict[ColumnKindName, Words]
    role_heads: RoleHeads
    min_header_cells: int = Field(ge=1)
    max_header_chars: int = Field(gt=0)
    content_kinds: list[ColumnKindName] = Field(min_length=1)
    max_section_chars: int = Field(gt=0)
    whole_cell_only: Words
    numbered_only: Words
    empty_cells: Words
    number_placeholders: Words
    unit_name_ends: Words
    wrapped_heads: Words
    wrapped_tails: Words
    time_units: Words
    target_heads: Words
    dated_head: str
    counted_head: str
    year_head: str
    quota_tables: QuotaTables
    run_together: RunTogether


# --- list_formats.yaml ------------------------------------------------------------------------

class ListFormatsData(Strict):
    word_formats: dict[str, str]  # a format's writing: one of govplan/readers/list_numbers.py, or a sequence below
    html_styles: dict[str, str]
    html_suffixes: dict[str, str]
    cycles: dict[str, Words]
    enclosed: dict[str, Words]
    capital_units: dict[str, str]


# --- layout.yaml ------------------------------------------------------------------------------

class ContentsList(Strict):
    max_entry_chars: int = Field(gt=0)
    min_entries: int = Field(ge=2)
    page: str


class DigitLookalikes(Strict):
    letters: dict[str, str]
    month_after: Words


class LayoutData(Strict):
    page_number: str
    bare_page_number: str
    open_ends: str
    closed_ends: str
    open_brackets: str
    close_brackets: str
    sentence_ends: str
    line_break_blanks: Words
    line_break_wide_blank: str
    run_on_kept_row: str
    min_aligned_cells: int = Field(ge=2)
    run_on_attachment_row: str
    min_line_breaks: int
    glued_line_starts: Words
    issue_date_run_together: str
    issue_date_continuations: Words
    glued_attachment_label: str
    glued_heading_before: str
    min_glued_headings: int
    label_line: str
    unnumbered_heading_max_chars: int = Field(gt=0)
    caption: str
    glued_label_after: str
    min_glued_labels: int = Field(ge=1)
    markup_inline_tags: Words = []
    markup_block_tags: Words = []
    markup_entities: dict[str, str] = {}
    digit_lookalikes: DigitLookalikes
    line_markup: str | None = None
    contents_entry: str | None = None
    contents_list: ContentsList
    min_wraps: int = Field(ge=1)
    min_wrap_share: float = Field(ge=0, le=1)
    max_running_head_chars: int = Field(gt=0)
    min_running_head_repeats: int = Field(ge=2)
    masthead: str  # a red header's masthead line (XX县人民政府文件): after the first heading, a page's, no text
    script_regions: dict[Literal["taiwan", "hongkong"], Words]  # 計畫, 縣府 / 香港, 特區政府: a Traditional text's region
    min_page_lines: int = Field(ge=1)
    max_header_lines: int = Field(ge=1)
    width_percentile: float = Field(ge=0, lt=1)
    full_width: float = Field(gt=0, le=1)
    min_width: int = Field(ge=1)
    sharing_site_sentence: str
    page_marker: str
    min_page_chars: int = Field(ge=1)
    min_equal_pages: int = Field(ge=2)
    restated_attachment_label: str
    restated_list_item: str
    restated_label_after: str
    restated_entry_end: str
    min_restated_title_chars: int = Field(ge=2)


# --- render.yaml ------------------------------------------------------------------------------

class RenderData(Strict):
    framing_sections: Words = Field(min_length=1)
    limit_words: Words = Field(min_length=1)
    unit_suffixes: Words
    fragment_starts: Words


# --- places.yaml ------------------------------------------------------------------------------

class PlacesData(Strict):
    generic: Words
    city_stem_words: Words
    divisions: Words = Field(min_length=1)


SCHEMAS: dict[str, type[BaseModel]] = {
    "grammar": GrammarData,
    "numbering": NumberingData,
    "metadata": MetadataData,
    "compilation": CompilationData,
    "deadlines": DeadlinesData,
    "targets": TargetsData,
    "units": UnitsData,
    "aliases": AliasesData,
    "aliases_plain": PlainAliases,
    "config": ConfigData,
    "validate": ValidateData,
    "tables": TablesData,
    "layout": LayoutData,
    "list_formats": ListFormatsData,
    "render": RenderData,
    "places": PlacesData,
}


def schema_for(stem: str) -> type[BaseModel]:
    """The schema of the bundled data file ``<stem>.yaml``."""
    return SCHEMAS[stem]


def check(data: Any, schema: type[BaseModel]) -> None:
    """Validate parsed data against a schema (raises pydantic's ValidationError)."""
    schema.model_validate(data)
