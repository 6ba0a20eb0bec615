"""The unit annotator's compiled language data: patterns and word tables from govplan/data/units.yaml."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from govplan.lexical.lexicon import alternation, as_tuples, data, word_map
from govplan.grammar import compile_pattern, piece

OPEN = "(（〔【[［"
CLOSE = ")）〕】]］"
COLONS = ":："


class Words(tuple[str, ...]):
    """A word list that hashes once: first_word_at finds the pattern for a list by the list itself on every call,
    and hashing the ~600 role verbs again each time cost more than the match."""

    def __hash__(self) -> int:
        if "hash" not in self.__dict__:
            self.__dict__["hash"] = tuple.__hash__(self)
        return self.__dict__["hash"]  # type: ignore[no-any-return]


@dataclass(frozen=True, eq=False)
class Rules:
    """Compiled patterns and word tables from govplan/data/units.yaml; hashed as the object it is (a document's own,
    for_document), as Registry is, so that a memo of the names read with it (names.name_ends) keys it so."""

    label: re.Pattern[str]  # a role label; group "word" its role word, "head" its head, "label" the whole
    block_line: re.Pattern[str]
    inline_label: re.Pattern[str]
    label_copula: re.Pattern[str]  # a label's head, then a copula that gives its list (主办单位为…): a colon's stand-in
    label_role: dict[str, str]  # role word or whole label -> role
    verb_role: dict[str, str]
    verbs_longest_first: Words
    verb_lengths: tuple[int, ...]  # the role verbs' lengths, longest first
    verbs_by_last: dict[str, tuple[str, ...]]  # the role verbs, longest first, by their last character
    support_verb: re.Pattern[str]
    support_marker: re.Pattern[str]
    pointing_verb: re.Pattern[str]  # 配合 / 协助 before the units it points at (配合县水利局共同推进…)
    shared_head_sectors: re.Pattern[str]  # 公安、城管部门 after 会同: sectors before one head, no 等
    function_verb: re.Pattern[str]  # 发挥 before the units whose function it names (发挥省数办统筹协调作用)
    function_duty: re.Pattern[str]  # (的)牵头作用 after those units (group "duty")
    duty_phrase: re.Pattern[str]  # 履行…职责 / 履行…职能 right after a unit: in charge of that duty (group work)
    function_role: dict[str, str]  # the role each function gives
    convention: re.Pattern[str]  # 排在第一位的部门为牵头部门 (group "label": the role it gives)
    convention_rest: re.Pattern[str]  # 其他为配合单位 (group "label")
    scope_onward: re.Pattern[str]
    sentence_break: re.Pattern[str]
    statement_cue: re.Pattern[str]  # a word every statement holds: a role verb or label word, a convention's first
    convention_spot: re.Pattern[str]  # the part of a convention after the position verb (第一位的为牵头单位)
    label_duty: re.Pattern[str]  # 各主要责任单位要充分发挥牵头抓总 (groups "label" and "duty")
    role_marker: re.Pattern[str]  # (牵头) after a listed unit: a role verb or label alone in brackets (group "marker")
    duty_role: dict[str, str]  # 牵头抓总 -> lead
    clause_break: re.Pattern[str]
    verb_end_before_break: re.Pattern[str]  # a role verb's last character before a sentence or clause break
    duty_manner: re.Pattern[str]  # 按照各自职责分工 / 根据职责 / 依职责: each unit by its own duties, before a role verb
    duty_paragraph_break: re.Pattern[str]  # where a unit may open its duties with a colon: a line break or a sentence end, a colon ahead
    duty_paragraph_stop_break: re.Pattern[str]  # where a unit may open its duties after a full stop: a break or a list's colon, a stop ahead
    duty_manner_end: re.Pattern[str]  # such a phrase ending where the search range ends
    duty_manner_chars: int  # the longest such phrase
    attributive_verb: re.Pattern[str]  # a role verb closing a list before 的 (由A主办、B协办的…活动)
    scope_remark: re.Pattern[str]
    standing: re.Pattern[str]  # 以下各项工作均需: a standing statement's opening, its units and role verb after it
    collective_level: re.Pattern[str]  # a level noun (县级市, 县(市、区)) naming a kind of place
    collective_next: re.Pattern[str]  # a level noun, possibly with its head (直辖市人民政府)
    level_organ: re.Pattern[str]  # the organ of a level or zone named by the level alone (街道办事处, 地区管委会)
    level_run: re.Pattern[str]  # level nouns run together (县区, 县市区, 县(市、区)), a distributive's kind
    named_place: re.Pattern[str]  # a place named with an autonomous level (奈曼旗, 喀什地区), before its organ
    level_start: re.Pattern[str]  # a level word or such a named place: what a name starting with a level begins with
    level_choice: re.Pattern[str]  # a level noun before its alternatives in brackets (县(市), 县(市、区)): distributive
    joint_organs: re.Pattern[str]
    joint_levels: re.Pattern[str]  # 州、 / 省、市、 before a name of the last level: the levels' organs as one name
    coordination: re.Pattern[str]
    sectors: re.Pattern[str]  # sector words before a shared head with no level (文广、司法、财税等部门)
    partner_coordination: re.Pattern[str]  # 组织、科技…等部门 right after a support marker
    partner_marker: re.Pattern[str]  # 联合: a marker before sector partners only
    actor_joiner: re.Pattern[str]  # 、/和/及 joining the names of a list acting together
    actor_start: re.Pattern[str]  # after a clause break (and blanks), or right after an agent marker
    people_lead: re.Pattern[str]  # a count of a unit's officials, then a verb of leading a team (1名县级领导带队)
    unit_then_person: re.Pattern[str]  # a unit, blanks, then a person's name (市民政局 伍泽国)
    charge_copula: re.Pattern[str]  # a copula naming the unit in charge (是…的责任主体, 是…第一责任人)
    partner_joiner: re.Pattern[str]  # 与, 同: a clause opening with one names the partners of its actor (，与…)
    partner_opening: re.Pattern[str]  # 并与, 同时与: adverbs, then 与 / 同, opening a clause of partners
    bare_levels: frozenset[str]  # level nouns and collective words, which alone name no particular unit (管委会 does)
    self_references: frozenset[str]  # the issuer's word for itself (我局, 本府): no named unit
    item_count: re.Pattern[str]  # (14个) closing a heading: the count of the items under it
    generic_bodies: frozenset[str]  # 政府 without a level: government in general, unless a list gave its level (乡党委、政府)
    role_copula: re.Pattern[str]  # 作为(改革)牵头单位: a unit named as taking a label's role (groups as in label)
    plain_cues: re.Pattern[str]
    name_end_cues: re.Pattern[str]  # a word every name _is_name takes without a collective may end with, or a closing bracket
    collective_cues: re.Pattern[str]
    openers: frozenset[str]
    object_verbs: frozenset[str]  # the action verbs alone: a verb between two names ends the first (区城管局督导各街道)
    breakers: frozenset[str]
    long_breakers: tuple[str, ...]
    suffixes: tuple[str, ...]
    unit_ends: tuple[str, ...]  # suffixes and plain name suffixes: what a unit name ends with
    name_end_chars: frozenset[str]  # the last characters of every suffix, body, group, office and collective word
    divisions: dict[str, tuple[str, ...]]  # places.yaml's divisions by first character, longest first (浦东新区, 山西省)
    division_end_chars: frozenset[str]  # their last characters (区, 省, 市, 县…)
    city_stems: dict[str, tuple[str, ...]]  # cities named without 市 (宁波, 深圳), by first character, longest first
    list_verb_chars: frozenset[str]  # the first characters of what may close a list of units (等, 共同, 按职责分工, 负责…)
    skippable: Words  # time, modal and manner words between units and their verb, longest first
    actor_skips: Words  # time and modal words between an acting unit and its verb, longest first
    actor_trailer: re.Pattern[str]  # the rest of 等…<head> after an acting unit (有资金整合任务的县级部门)
    actor_time: re.Pattern[str]  # a date between an acting unit and its verb (于2023年6月底前)
    clause_ordinal: re.Pattern[str]  # an inline point's ordinal glued to its clause (一是, 二要)
    item_trailer: re.Pattern[str]  # 等<level><vague word><head> closing a list item (能源局等省有关部门, 等州级有关部门)
    manner_phrase: re.Pattern[str]  # an adverbial closed by 地 before a verb (有计划地)
    acting_verbs: Words  # the action verbs, then the agent verbs: what may follow a unit after an agent marker
    agent_action: re.Pattern[str]  # what opens the action of units after an agent marker when no listed verb does
    done_verbs: Words  # the action, agent and role verbs of two characters or more: 了 after one reports work as done
    done_date_clause: re.Pattern[str]  # a clause that is nothing but a date (2019年11月, 7月26日上午): an act's past
    own_enactment: re.Pattern[str]  # a sentence enacting the present document (特订定本要点, 制定本办法): its body takes no part
    own_level_mark: re.Pattern[str]  # 全区, 本区, 我区: the notice naming its own level (group "level")
    blanked_place: re.Pattern[str]  # **县, *镇, XX乡: the marks a copy puts for a place's name, before the place's level
    cut_duty_manner: re.Pattern[str]  # …按照职责分工负| : a manner phrase of duty a page cut, ending the text
    field_label: re.Pattern[str]  # another field's label and colon glued after a labelled list (莲塘镇任务目标:…)
    words: dict[str, Any]  # the data, each word list a Words
    own_level: str = ""  # the level noun of the document's own level (区), "" where none stands out: see for_document
    own_divisions: frozenset[str] = frozenset()  # the divisions its issuer names (上海市静安区人民政府办公室: 上海市, 静安区)
    divisions_alone: bool = True  # whether a division named alone is a unit: not in a report, where it is the area reporting


def _divisions(places: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """The divisions a notice may name alone, by first character, longest first: three characters or more (沛县, 和县 are
    too like the start of other words) and none of the generic ones (城区, 郊区)."""
    return _by_first(name for name in places["divisions"] if len(name) >= 3 and name not in places["generic"])


def _city_stems(places: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """Cities named without their level (宁波海事局, 深圳海关, 青岛银保监局): the divisions ending in 市 less 市, two characters
    or more, none a common word (places.yaml city_stem_words: 合作, 东方, 灯塔)."""
    stems = (name[:-1] for name in places["divisions"] if name.endswith("市") and len(name) >= 3)
    return _by_first(stem for stem in stems if stem not in places["city_stem_words"])


def _by_first(names: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Names grouped by their first character, each group longest first, so that a look-up at a position tries few."""
    by_first: dict[str, set[str]] = {}
    for name in names:
        by_first.setdefault(name[0], set()).add(name)
    return {first: tuple(sorted(group, key=lambda n: (-len(n), n))) for first, group in by_first.items()}


@cache
def rules() -> Rules:
    """The rules, compiled once per process."""
    w = data("units")
    places = data("places")
    verbs = _role_verbs(w)
    return Rules(
        label=re.compile(_label(w)),
        block_line=re.compile(rf"(?m)^[ \t\u3000]*{_label(w)}[ \t]*[{COLONS}][ \t]*(?P<list>[^\n]*?)[ \t]*$"),
        inline_label=re.compile(rf"{_label(w)}[ \t]*(?:[{COLONS}]|{_label_copula(w)})"),
        label_copula=re.compile(rf"(?:{alternation(w['label_heads'])}){_label_copula(w)}"),
        label_role={**word_map(w["label_role_words"]), **word_map(w["role_labels"])},
        verb_role=verbs,
        verbs_longest_first=Words(sorted(verbs, key=len, reverse=True)),
        verb_lengths=tuple(sorted({len(v) for v in verbs}, reverse=True)),
        verbs_by_last=_by_last_char(verbs),
        support_verb=re.compile(alternation(v for v, role in verbs.items() if role == "support")),
        support_marker=re.compile(alternation(w["support_markers"])),
        pointing_verb=re.compile(alternation(w["pointing_verbs"])),
        function_verb=re.compile(alternation(w["function_verbs"])),
        function_duty=re.compile(rf"的?(?P<duty>{alternation(word_map(w['function_duties']))})(?:{alternation(w['function_nouns'])})"),
        function_role=word_map(w["function_duties"]),
        duty_phrase=re.compile(
            rf"(?:{alternation(w['duty_phrases']['verbs'])})(?P<work>[^{re.escape(w['clause_breaks'])}]{{0,{int(w['duty_phrases']['reach'])}}}?)"
            rf"(?:{alternation(w['duty_phrases']['nouns'])})(?!的)"  # 履行监管职责的部门: a kind of body named by its duty, no unit's
        ),
        convention=_convention_pattern(w),
        convention_rest=re.compile(
            rf"(?:{alternation(w['position_rest'])})(?:{alternation(w['position_nouns'])})?"
            rf"(?:{alternation(w['position_copulas'])}){_label(w, alternatives=True)}"
        ),
        scope_onward=re.compile(alternation(w["scope_onward"])),
        sentence_break=re.compile(f"[{re.escape(w['sentence_breaks'])}]"),
        statement_cue=re.compile(alternation([
            *verbs, *word_map(w["label_role_words"]), *word_map(w["role_labels"]),
            *w["position_first"], *w["scope_remarks"], *w["scope_onward"],
        ])),
        convention_spot=re.compile(
            rf"(?:{alternation(w['position_first'])}|{_mark(w)})(?:的|者)?(?:{alternation(w['position_nouns'])})?"
            rf"(?:{alternation(w['position_copulas'])}){_label(w, named=False, alternatives=True)}"
        ),
        label_duty=re.compile(
            rf"{_label(w)}要[^{re.escape(w['sentence_breaks'])}，,]{{0,{int(w['label_duty_chars'])}}}?"
            rf"(?P<duty>{alternation(word_map(w['label_duties']))})"
        ),
        duty_role=word_map(w["label_duties"]),
        role_marker=re.compile(
            rf"[ \t]*[{re.escape(OPEN)}](?P<marker>{alternation(verbs)}|{_label(w, named=False)})[{re.escape(CLOSE)}]"
        ),
        clause_break=re.compile("[，,]"),
        duty_manner=re.compile(_duty_manner(w)),
        # a break (or a list's opening colon) with a full stop within a name's reach on its line after it (units67)
        duty_paragraph_stop_break=_duty_stop_break(w),
        # only a break with a colon within a name's reach on its line after it (one C scan skips the others)
        duty_paragraph_break=re.compile(
            f"[{re.escape(w['duty_paragraph_breaks'])}](?=\\s*[^\\n]{{1,{int(w['max_name_chars'])}}}?[:：])"
        ),
        duty_manner_end=re.compile(rf"{_duty_manner(w)}$"),
        duty_manner_chars=max(sum(max(map(len, w[key])) for key in (*_DUTY_MANNER_PARTS, *_DUTY_MANNER_EXTRAS)),
                              (max(map(len, w["accountability_idioms"])) + 1) * int(w["accountability_idiom_run"])),
        verb_end_before_break=re.compile(
            f"[{re.escape(''.join(sorted({verb[-1] for verb in verbs})))}](?=[{re.escape(w['sentence_breaks'])}，,])"
            f"|{attributive_verb(w)}"
        ),
        attributive_verb=re.compile(attributive_verb(w)),
        scope_remark=re.compile(rf"(?:{alternation(w['standing_openers'])})?{alternation([*w['scope_remarks'], *w['scope_onward']])}"),
        standing=re.compile(
            rf"(?:{alternation(w['standing_openers'])})[^{re.escape(w['sentence_breaks'])}，,()]"
            rf"{{0,{int(w['standing_scope_chars'])}}}?(?:{alternation(w['standing_markers'])})"
        ),
        collective_level=re.compile(rf"(?:{alternation(w['level_nouns'])})(?:\([^()]*\))?"),
        collective_next=re.compile(
            rf"(?:{alternation(w['level_nouns'])})(?:\([^()]*\))?(?:{alternation(w['collective_heads'])})?"
        ),
        level_organ=re.compile(
            rf"(?:{alternation([*w['level_nouns'], *w['distributive_kinds']])}){{1,3}}(?:\([^()]{{0,12}}\))?"
            rf"(?:{alternation(w['level_organ_heads'])})"
        ),
        level_run=re.compile(rf"(?:{alternation(w['level_nouns'])})+(?:\([^()]*\))?"),
        named_place=re.compile(_named_place(w)),
        level_start=re.compile(f"{alternation(w['sentence_prefixes'])}|{_named_place(w)}"),
        level_choice=re.compile(
            rf"(?:{alternation(w['level_nouns'])})\((?:{alternation(w['level_nouns'])})(?:、(?:{alternation(w['level_nouns'])}))*\)"
            rf"(?!{alternation(w['level_counts'])})"
        ),
        joint_organs=_joint_organs(w),
        joint_levels=re.compile(rf"(?:(?:{alternation(w['level_nouns'])})、)+"),
        coordination=_coordination(w),
        sectors=_coordination(w, leveled=False),
        partner_marker=re.compile(alternation(w["partner_markers"])),
        partner_coordination=re.compile(
            rf"[{piece('han')}、]{{2,{int(w['partner_chars'])}}}?{alternation(w['partner_heads'])}"
        ),
        shared_head_sectors=re.compile(
            rf"(?:[{piece('han')}]{{1,{int(w['partner_sector_chars'])}}}?、)+[{piece('han')}]{{1,{int(w['partner_sector_chars'])}}}?"
            rf"{alternation(w['partner_shared_heads'])}"
        ),
        actor_joiner=re.compile(alternation(w["actor_list_joiners"])),
        charge_copula=re.compile(
            rf"(?:{alternation(w['charge_copula']['copulas'])})[^{re.escape(w['clause_breaks'])}]{{0,{int(w['charge_copula']['reach'])}}}?"
            rf"(?:{alternation(w['charge_copula']['nouns'])})"
        ),
        unit_then_person=re.compile(
            rf"(?P<unit>[^\s、，,]{{3,{int(w['max_name_chars'])}}})[ \t\u3000]+"
            rf"(?P<person>[{piece('han')}]{{{int(w['person_name_chars']['min'])},{int(w['person_name_chars']['max'])}}})"
        ),
        people_lead=re.compile(
            rf"(?:{piece('count')}{w['people_lead']['counter']})?[{piece('han')}]{{0,{int(w['people_lead']['reach'])}}}?"
            rf"(?:{alternation([*w['official_titles'], *w['unit_people']])})(?:{alternation(w['people_lead']['verbs'])})"
        ),
        actor_start=re.compile(
            rf"[{re.escape(w['clause_breaks'])}][ \t\u3000]*"  # blanks only: a newline is a break of its own
            rf"|(?P<marker>(?:{alternation(w['agent_markers'])})(?!{alternation(w['agent_marker_not_before'])})"
            rf"|(?<![{''.join(w['request_marker_not_after'])}])(?:{alternation(w['request_markers'])})"
            rf"(?!(?!{alternation(w['request_name_starts'])}){alternation(w['request_marker_not_before'])}))"
        ),
        partner_joiner=re.compile(alternation(w["partner_joiners"])),
        partner_opening=re.compile(f"(?:{alternation(w['partner_clause_adverbs'])}){{0,3}}(?:{alternation(w['partner_joiners'])})"),
        bare_levels=frozenset([*w["level_nouns"], *w["collective_words"]]) - frozenset(w["definite_bodies"]),
        self_references=frozenset(m + o for m in w["self_reference_marks"] for o in w["self_reference_organs"]),
        item_count=re.compile(rf"[(（]\d+(?:{alternation(w['heading_item_counters'])})[)）]$"),
        generic_bodies=frozenset(w["generic_bodies"]),
        role_copula=re.compile(
            rf"(?:{alternation(w['role_copulas'])})[{piece('han')}]{{0,{int(w['role_copula_chars'])}}}?{_label(w)}"
        ),
        plain_cues=re.compile(
            alternation([*w["plain_name_suffixes"], *w["definite_bodies"], *w["locality_kinds"],
                         *(end for end in w["office_ends"] if end not in w["office_end_not_before"])])
            # 处, 局 cue a short office, not the verbs and nouns they begin (处理, 处置; 局面, 局部)
            + "".join(f"|{re.escape(end)}(?![{re.escape(''.join(nexts))}])" for end, nexts in w["office_end_not_before"].items())
            # a kind of body (卫生部门) only where its role verb follows, a modal between or not (工商部门负责…, 城管部门要配合…)
            + rf"|(?:{alternation(w['agent_category_heads'])})(?:{alternation(w['body_duty_modals'])})?"
            rf"(?={alternation([*_role_verbs(w), *w['charge_verbs'], *w['charge_copula']['copulas']])})"
        ),
        name_end_cues=re.compile(
            alternation([*w["suffixes"], *w["plain_name_suffixes"], *w["definite_bodies"], *w["group_ends"], *w["office_ends"]])
            + f"|[{re.escape(CLOSE)}]"
        ),
        collective_cues=re.compile(
            alternation([*w["plain_name_suffixes"], *w["definite_bodies"], *w["collective_suffixes"]])
        ),
        openers=frozenset([
            *w["action_verbs"], *w["action_adverbs"], *w["heading_not_unit_starts"], *w["actor_skips"], *w["handover_verbs"],
            *w["suggestion_words"], *w["clause_openers"],
        ]),
        object_verbs=frozenset(w["action_verbs"]),
        breakers=frozenset([*w["name_breakers"], *w["clause_openers"]]),
        long_breakers=tuple(b for b in [*w["name_breakers"], *w["clause_openers"]] if len(b) > 1),
        suffixes=tuple(w["suffixes"]),
        unit_ends=(*w["suffixes"], *w["plain_name_suffixes"]),
        name_end_chars=frozenset(
            word[-1] for key in ("suffixes", "plain_name_suffixes", "definite_bodies", "body_suffixes",
                                 "collective_suffixes", "collective_words", "coordination_heads", "joint_organs",
                                 "group_ends", "office_ends")
            for word in w[key]
        ) | frozenset(CLOSE),
        divisions=_divisions(places),
        division_end_chars=frozenset(name[-1] for name in places["divisions"]),
        city_stems=_city_stems(places),
        list_verb_chars=frozenset(
            word[0] for key in ("item_trailers", "role_verb_preludes", "duty_manner_openers") for word in w[key]
        ) | frozenset(verb[0] for verb in verbs),
        skippable=Words(sorted([*w["actor_skips"], *w["action_adverbs"]], key=len, reverse=True)),
        actor_skips=Words(sorted(w["actor_skips"], key=len, reverse=True)),
        acting_verbs=Words([*w["action_verbs"], *w["agent_verbs"]]),
        agent_action=re.compile(
            rf"(?!{alternation([*w['agent_action_not_before'], *w['unit_people'], *w['official_titles']])})[{piece('han')}]{{2}}"
        ),
        done_verbs=Words(sorted({v for v in [*w["action_verbs"], *w["agent_verbs"], *verbs] if len(v) > 1}, key=len, reverse=True)),
        done_date_clause=compile_pattern(w["done_date_clause"], "govplan/data/units.yaml"),
        own_enactment=compile_pattern(w["own_enactment"], "govplan/data/units.yaml"),
        manner_phrase=re.compile(rf"[{piece('han')}]{{1,{int(w['manner_phrase_chars'])}}}?(?:{alternation(w['manner_phrase_ends'])})"),
        actor_trailer=re.compile(
            rf"[{piece('han')}]{{0,{int(w['actor_trailer_chars'])}}}?(?:{alternation(w['vague_heads'])})"
            rf"(?:\((?:{alternation(w['vague_heads'])})\))?"  # 等省级主管部门（单位）牵头完成…, c524
        ),
        actor_time=compile_pattern(w["actor_time"], "govplan/data/units.yaml"),
        clause_ordinal=compile_pattern(w["clause_ordinal"], "govplan/data/units.yaml"),
        item_trailer=_item_trailer(w),
        cut_duty_manner=re.compile(
            rf"{_duty_manner_phrase(w)}(?:{alternation(w['cut_duty_manner']['tails'])})?[ \t\u3000]*$"
        ),
        blanked_place=re.compile(
            rf"[{re.escape(''.join(w['blanked_name_marks']))}]{{1,4}}(?=[{''.join(w['place_ends'])}])"
        ),
        own_level_mark=re.compile(
            rf"(?:{alternation(w['own_level_marks'])})(?P<level>{alternation(w['own_levels'])})(?![级长])"
        ),
        field_label=_field_label(w),
        words={key: Words(value) if isinstance(value, tuple) else value for key, value in as_tuples(w).items()},
    )


def _field_label(w: dict[str, Any]) -> re.Pattern[str]:
    """A field's label and its colon, other than a role's: the column words of tables.yaml of the kinds units.yaml
    field_label_kinds names (任务目标, 完成时限, 备注), a task table's columns written as the fields of a line."""
    columns = data("tables")["columns"]
    words = [word for kind in w["field_label_kinds"] for word in columns[kind]]
    return re.compile(rf"(?:{alternation(words)})[ \t]*[{COLONS}]")


def _label_copula(w: dict[str, Any]) -> str:
    """A copula after a label that gives its list as a colon does (主办单位为A、B), unless a label follows it: 责任单位为
    牵头单位 says which label a list's units take, a convention, not a list."""
    return rf"(?:{alternation(w['label_copulas'])})(?!{_label(w, named=False)})"


def attributive_verb(w: dict[str, Any]) -> str:
    """A role verb that closes a list as a noun's modifier, before 的 (由A、B共同主办的…; 由林业局牵头…的联席会议制度)."""
    return rf"(?:{alternation(w['attributive_role_verbs'])})(?=的)"


def _by_last_char(words: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """The words, longest first, grouped by their last character."""
    grouped: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        grouped.setdefault(word[-1:], []).append(word)
    return {last: tuple(group) for last, group in grouped.items()}


_DUTY_MANNER_PARTS = ("duty_manner_openers", "duty_manner_owners", "duty_manner_nouns", "duty_manner_tails")
# the optional parts a phrase may add (its owner's 的, a kind of power, a second duty noun), counted in its longest length
_DUTY_MANNER_EXTRAS = ("duty_manner_owner_marks", "duty_manner_qualifiers", "duty_manner_nouns")


def _duty_manner_phrase(w: dict[str, Any]) -> str:
    """Opener, owner word (its 的), a kind of power, duty nouns: 按照各自职责, 根据职责, 依职责, 按职能, 按照各自的审批权限, 各自职责权限."""
    opener, owner, noun = (alternation(w[key]) for key in _DUTY_MANNER_PARTS[:3])
    mark, qualifier = alternation(w["duty_manner_owner_marks"]), alternation(w["duty_manner_qualifiers"])
    return rf"(?:{opener})(?:(?:{owner})(?:{mark})?)?(?:{qualifier})?(?:{noun}){{1,2}}"


def _duty_stop_break(w: dict[str, Any]) -> re.Pattern[str]:
    """Where a paragraph's duty heading may close with a full stop (县交通局、公路局。负责…): after a break or a list's colon, a
    run of name characters within a name's reach, then the stop (bounded throughout: no run of blanks is read twice)."""
    stops, openers = w["duty_paragraph_stops"], w["duty_paragraph_stop_openers"]
    name = f"[^\\s{re.escape(stops + openers)}][^\\n{re.escape(stops + openers)}]{{0,{int(w['max_name_chars']) - 1}}}?"
    return re.compile(f"[{re.escape(w['duty_paragraph_breaks'] + openers)}](?=[ \\t\u3000]{{0,8}}{name}[{re.escape(stops)}])")


def _duty_manner(w: dict[str, Any]) -> str:
    """Opener, owner word, duty noun, tail: 按照各自职责分工, 根据职责, 依职责, 按职能分工, 按分工; or a run of idioms of
    accountability, each closed by a comma or 、 (各司其责,各负其责,|积极配合)."""
    tail = alternation(w["duty_manner_tails"])
    idioms = rf"(?:(?:{alternation(w['accountability_idioms'])})[，,、]){{1,{int(w['accountability_idiom_run'])}}}"
    return rf"(?:{_duty_manner_phrase(w)}(?:{tail})?|{idioms})"


def _role_verbs(w: dict[str, Any]) -> dict[str, str]:
    """Role verb -> role, with each verb followed by the action it takes part in (配合实施, 牵头组织)."""
    verbs = word_map(w["role_verbs"])
    tailed = {verb + tail: role for verb, role in verbs.items() for tail in w["role_verb_tails"]}
    return {**tailed, **verbs}


def _label(w: dict[str, Any], named: bool = True, alternatives: bool = False) -> str:
    """A role label: [level] [prefix] role word [infix] head (市级配合单位), or one of the labels listed as they stand;
    with ``named`` its parts are the groups label, word and head. With ``alternatives`` (the label a
    convention gives) a second word after 或 may share the head (牵头或汇总单位): the first word decides."""
    word, head, label, level = ("?P<word>", "?P<head>", "?P<label>", "?P<level>") if named else ("?:", "?:", "?:", "?:")
    other = rf"(?:(?:{alternation(w['label_alternatives'])})[{piece('han')}]{{1,4}}?)?" if alternatives else ""
    grammar = (
        rf"({level}(?:{alternation(w['label_levels'])})(?:{alternation(w['label_level_marks'])})?)?"
        rf"(?:{alternation(w['label_prefixes'])})?({word}{alternation(word_map(w['label_role_words']))}){other}"
        rf"(?:{alternation(w['label_infixes'])})?({head}{alternation(w['label_heads'])})"
        rf"(?:(?:{alternation(w['label_person_joiners'])})(?:{alternation(w['label_person_heads'])}))?"
    )
    return rf"({label}{grammar}|{alternation(word_map(w['role_labels']))})"


def _convention_pattern(w: dict[str, Any]) -> re.Pattern[str]:
    """排在第一位的部门为牵头部门 / 列第一位的为牵头单位 / 排名第一的为牵头单位, a whole clause, possibly
    saying first among which units it counts (县政府部门中列在首位的…); a second label after 或 names the
    same first unit otherwise (列第一位的责任单位为牵头单位或汇总单位)."""
    return re.compile(
        rf"(?:{alternation(w['scope_remarks'])})?(?:各项任务|[{piece('han')}]{{0,{int(w['position_among_chars'])}}}?"
        rf"(?:{alternation(w['position_among'])})中)?(?:(?:{alternation(w['position_verbs'])})?"
        rf"(?:{alternation(w['position_first'])})|{_mark(w, named=True)})(?:的|者)?(?:{alternation(w['position_nouns'])})?"
        rf"(?:{alternation(w['position_copulas'])}){_label(w, alternatives=True)}"
        rf"(?:(?:{alternation(w['label_alternatives'])})[{piece('han')}]{{1,6}}?(?:{alternation(w['label_heads'])}))?"
    )


def _mark(w: dict[str, Any], named: bool = False) -> str:
    """The mark a convention picks its units by (标☆, 加*号, 带★号); with ``named`` the mark is the group mark."""
    marks = "".join(re.escape(m) for m in w["name_trailing_marks"])
    return rf"(?:{alternation(w['mark_verbs'])})({'?P<mark>' if named else '?:'}[{marks}])(?:{alternation(w['mark_nouns'])})?"


def _named_place(w: dict[str, Any]) -> str:
    """A place named with an autonomous level (奈曼旗, 喀什地区) before a Chinese character (its organ)."""
    return rf"[{piece('han')}]{{1,{int(w['place_chars'])}}}?(?:{alternation(w['place_levels'])})(?=[{piece('han')}])"


def _item_trailer(w: dict[str, Any]) -> re.Pattern[str]:
    """等, a level that qualifies it (省, 州级, 市直) or the administration it belongs to (国务院, 省政府), a vague word or
    the units' kind (主管, 行业主管, 建设主管) and a head, at an item's end: the reference the list closes with, no part
    of the last name (能源局等省有关部门 → 能源局; 州交通运输局等州级有关部门; 等省级主管部门; 财政部等国务院相关部门 →
    财政部), or 各 alone before the vague word (生态环境局等各相关部门 → 生态环境局, dev c632). The vague word may also stand before
    the level (区发改委等相关区直部门, dev c1415; 等有关县直部门) or before another (住建局、发改局等其他相关单位, the bank: units67e).
    The head may carry its alternative in brackets (等省级主管部门（单位）, c524; 走访部门（单位）, seed 000) or join another
    by a conjunction (等有关部门和单位, fresh c1006 云政发〔2023〕2号)."""
    heads = alternation(w["vague_heads"])
    kind = rf"[{piece('han')}]{{0,{int(w['trailer_sector_chars'])}}}?(?:{alternation(w['trailer_kinds'])})"
    level = rf"(?:{alternation(w['level_nouns'])})(?:{alternation(w['generic_bodies'])})?(?:{alternation(w['vague_prefixes'])})?"
    joined = rf"(?:{heads})(?:(?:{alternation(w['conjunctions'])})?(?:{heads}))*"  # 有关部门和单位, 部门及单位
    return re.compile(
        rf"等(?:{alternation(w['vague_starts'])})?(?:{alternation(w['trailer_scopes'])}|{level}|{alternation(w['distributive_starts'])})?"
        rf"(?:{alternation(w['vague_starts'])}|{kind})?{joined}(?:\((?:{heads})\))?$"
    )


def _joint_organs(w: dict[str, Any]) -> re.Pattern[str]:
    levels = alternation(p for p in w["sentence_prefixes"] if p not in w["distributive_starts"])
    organs = alternation(w["joint_organs"])
    return re.compile(rf"(?P<level>{levels}){organs}、(?P<second>(?P=level){organs})")


def _coordination(w: dict[str, Any], leveled: bool = True) -> re.Pattern[str]:
    """Sector words joined by 、 before the head they share, after a level (县乡村振兴、农业…等部门) or, not ``leveled``,
    without one (文广、司法、财税等部门: a partner or a supporting body, never an actor of its own)."""
    levels = alternation(p for p in w["sentence_prefixes"] if p not in w["distributive_starts"]) if leveled else ""
    item = rf"[{piece('han')}]{{1,{int(w['coordination_item_chars'])}}}?"
    return re.compile(
        rf"(?:{levels}){item}(?:、{item}){{1,{int(w['max_joint_list'])}}}?{alternation(w['coordination_heads'])}"
    )


def ends_with_verb(text: str, start: int, end: int, rules: Rules) -> bool:
    """Whether a role verb ends ``text[start:end]`` (``str.endswith`` with all of them, asking only the
    ones ending with the range's last character: a few instead of ~600)."""
    stop = min(end, len(text))
    if start < 0 or stop <= start:
        return text.endswith(rules.verbs_longest_first, start, end)  # an empty or end-relative range: str's own answer
    return text.endswith(rules.verbs_by_last.get(text[stop - 1], ()), start, end)


def verb_before_break(text: str, rules: Rules) -> bool:
    """Whether a role verb stands right before a sentence or clause break: only where a verb's last character does
    are the verbs ending with it asked (one C scan and a few tests, instead of ~600 verbs tried at every position)."""
    return any(ends_with_verb(text, 0, found.end(), rules) for found in rules.verb_end_before_break.finditer(text))


def ending_verb(text: str, start: int, end: int, rules: Rules) -> int | None:
    """Where the role verb that ends ``text[start:end]`` begins (the longest one), if one ends it, with a word before it
    that keeps its role (共同主办, 加强配合协调: role_verb_preludes) and a manner phrase of duty before both (按照各自职责
    分工负责; a shorter verb is taken when only it has one: 按分工|负责); verb_role_of reads the verb so written."""
    if not ends_with_verb(text, start, end, rules):
        return None
    longest = None
    for length in rules.verb_lengths:
        at = end - length
        if at > start and text[at:end] in rules.verb_role:
            prelude = next((p for p in rules.words["role_verb_preludes"] if text.endswith(p, start, at)), "")
            at = at - len(prelude) if at - len(prelude) > start else at
            manner = duty_manner_start(text, start, at, rules)
            if manner is not None:
                return manner
            longest = at if longest is None else longest
    return longest


def idiom_runs(text: str, clauses: Iterable[tuple[int, int]], rules: Rules) -> Iterator[tuple[int, int]]:
    """Clauses as given, a run of them ending in idioms of accountability joined to the clause after it where that one is
    a role verb alone (县文明办、县公路分局各司其责，各负其责，|积极配合: one clause, the idioms a manner phrase of duty
    before the verb; docs/gold-format.md conv30: the units read as their sentence reads without the idioms)."""
    spans = list(clauses)
    k = 0
    while k < len(spans):
        j = k
        while j + 1 < len(spans) and text.endswith(rules.words["accountability_idioms"], *spans[j]):
            j += 1
        if j > k and _verb_alone(text, *spans[j], rules):
            yield spans[k][0], spans[j][1]
            k = j + 1
        else:
            yield spans[k]
            k += 1


def _verb_alone(text: str, start: int, end: int, rules: Rules) -> bool:
    """Whether a clause is a role verb alone, a word that keeps its role maybe before it (积极配合, 负责)."""
    clause = "".join(text[start:end].split())
    return clause in rules.verb_role or any(
        clause.startswith(p) and clause[len(p):] in rules.verb_role for p in rules.words["role_verb_preludes"])


def duty_manner_start(text: str, start: int, at: int, rules: Rules) -> int | None:
    """Where a manner phrase of duty that ends at ``at`` begins (…、区房管局按照各自职责分工|负责; 按分工|负责, though
    分工负责 is a verb of its own), if one does; the phrase never takes the whole range (a list stands before it)."""
    found = rules.duty_manner_end.search(text, max(start + 1, at - rules.duty_manner_chars), at)
    return found.start() if found is not None else None


def verb_role_of(verb: str, rules: Rules) -> str:
    """The role of a role verb as ending_verb found it, a word that keeps its role possibly before it (共同主办 → lead),
    a manner phrase of duty possibly before both (按照各自职责分工负责 → responsible). A line break or blank the verb spans
    (PDF text wrapped inside it: 按职责\n分工负责) is no part of the word."""
    verb = "".join(verb.split())
    role = rules.verb_role.get(verb)
    if role is not None:
        return role
    manner = rules.duty_manner.match(verb)
    if manner is not None and verb[manner.end():]:
        return verb_role_of(verb[manner.end():], rules)
    prelude = next(p for p in rules.words["role_verb_preludes"] if verb.startswith(p) and verb[len(p):] in rules.verb_role)
    return rules.verb_role[verb[len(prelude):]]


def by_duties(verb: str, rules: Rules) -> bool:
    """Whether a verb of charge is qualified by a manner phrase of duty (按职责分工负责, 按照各自职责组织落实): beside a
    lead, its units support."""
    manner = rules.duty_manner.match(verb)
    return manner is not None and manner.end() < len(verb) and verb_role_of(verb, rules) == "responsible"


def _names_own_level(text: str, level: str, marks: int, r: Rules) -> bool:
    """Whether a notice calls ``level`` its own: marked so (全区, 本区, 我区) twice, or once where it also names that level's
    bodies as a category again and again (我市 once over 市级公共机构 twelve times in a city's 公共机构节能 plan, dev c1426)."""
    return marks >= 2 or (marks == 1 and text.count(r.words["own_levels"][level]) >= int(r.words["own_level_category_uses"]))


def for_document(r: Rules, texts: Iterable[str], issuer: str | None = None, report: bool = False) -> Rules:
    """The rules for one document, with its own level: the level it calls its own (全区, 本区, 我区) at least twice, or once
    beside its bodies named as a category (市级…, _names_own_level), and more often than any other (names.own_organ_at reads
    it); and with the divisions its issuer names, the issuer's own
    area: named alone it is the issuer speaking of itself (静安区按照… in 静安区's plan), no unit given a role. In a
    ``report`` no division named alone is a unit: the area tells what it did (绥滨县不断推进…, seed 003)."""
    text = "\n".join(texts)
    counts = Counter(m["level"] for m in r.own_level_mark.finditer(text))
    ranked = counts.most_common(2)
    tied = len(ranked) > 1 and ranked[1][1] == ranked[0][1]
    own_level = ranked[0][0] if ranked and not tied and _names_own_level(text, *ranked[0], r) else ""
    issuer = issuer or ""
    own_divisions = frozenset(
        name for k, first in enumerate(issuer) for name in r.divisions.get(first, ()) if issuer.startswith(name, k)
    )
    if not own_level and not own_divisions and not report:
        return r
    return replace(r, own_level=own_level, own_divisions=own_divisions, divisions_alone=not report)
