"""Units whose role a sentence implies rather than states: headings that are a unit (一、泰州市农业农村局),
units acting in a sentence (县人社局指导…: lead) and units a sentence says support (…各非公企业配合支持,
会同县财政局…). Units acting must be particular units; collective ones (乡镇, 区属企业) count only where
a role is stated explicitly (docs/gold-format.md, Assignments).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, Sequence

from govplan.annotate.prefixes import first_word_at, first_word_ending, has_word
from govplan.annotate.base import NodeText
from govplan.annotate.units.names import (
    alias_end,
    anchored,
    breaks_name,
    breaks_within,
    is_collective,
    is_function_kind,
    is_locality,
    is_sector_coordination,
    is_vague,
    is_name_text,
    without_distributive,
    is_person,
    list_items,
    looks_like_unit,
    plain_start,
    may_start_plain_name,
    name_ends,
    name_list,
    starts_with_level,
)
from govplan.annotate.units.rules import COLONS, Rules, duty_manner_start, ends_with_verb
from govplan.annotate.units.statements import Listed, label_role, marked_role, units_of_list
from govplan.grammar import piece
from govplan.lexical.segment import words
from govplan.registry import Registry
from govplan.structure.numbering import match_heading

Spans = list[tuple[int, int]]
_BLANK = re.compile(r"\s*")
_CLAUSE_BLANKS = " \t\u3000"  # blanks within a clause (a newline is a break of its own)
_NUMBER_ENDS = ".、．"  # what an inline rule's number ends with (3.与…)
# an inline rule's number (the grammar's arabic ordinal and its mark) after a blank or a sentence end (；3.)
_INLINE_NUMBER = re.compile(rf"(?<![^\s{re.escape(piece('sentence_end'))}]){piece('arabic_ordinal')}[{_NUMBER_ENDS}]")
_SECOND_TITLE = re.compile(r"\([^()]{1,40}\)$")  # 区绿化市容局(区分减联办): the office's second title (its plates)
_SECOND_TITLE_CHARS = 12  # a second title that is no list of plates is short
_COLON = re.compile(f"[{re.escape(COLONS)}]")  # a colon, either width
_DUTY_OPENERS = COLONS + "。"  # what closes a unit heading before its duties (区文明办：负责…, 虹房集团。负责…)


def inside(pos: int, spans: Spans) -> bool:
    """Whether ``pos`` lies in one of the ranges (text already read as a statement)."""
    return any(s <= pos < e for s, e in spans)


def heading_units(nt: NodeText, registry: Registry, rules: Rules) -> list[Listed]:
    """A heading that is nothing but a unit name (一、泰州市农业农村局) leads its section: a registered
    name, one that starts with a level (县人社局), or, before a colon and its duties, a name the unit words make
    whole without one (国网上海嘉定供电公司：, 城管中队：: a company, a zone's squad), never a phrase that ends like one
    (打造数字政府, 做强产业集团).
    Where a colon or a full stop puts the units' duties after the heading (2.区文明办：负责…; (十三)广电局、资阳日报社
    职责:负责…; (七)区房屋急修中心。负责…), the heading lists them and their duties decide (_duty_heading)."""
    title = (nt.node.title or "").strip()
    if not title or title.startswith(rules.words["heading_not_unit_starts"]):
        return []
    pos = nt.text.find(title)
    if pos < 0:
        return []
    end = pos + len(title)
    duty_item = len(nt.path) > 1 and duty_section(nt.path[-2].title, rules)
    after = _BLANK.match(nt.text, end).end()  # type: ignore[union-attr]  # matches ""
    if after < len(nt.text) and nt.text[after] in _DUTY_OPENERS:
        return _duty_heading(nt.text, pos, end, after, registry, rules, duty_item)
    line_end = after >= len(nt.text) or "\n" in nt.text[end:after]
    titled = _duty_titled_end(nt.text, pos, end, rules, rules.words["duty_title_nouns"])
    own_line = (duty_item or titled is not None) and line_end
    found = _duty_heading(nt.text, pos, end, end, registry, rules, duty_item, titled) if own_line else []
    if found:
        return found  # its duties on the next line, or its items'
    if _named_head(title, registry, rules) and looks_like_unit(title, registry, rules) and is_name_text(title):
        return [Listed(pos, end, "lead", True, (pos, end))]
    counted = rules.item_count.search(title)
    place = title if counted is None else title[:counted.start()]  # 鹿城镇(14个): the count of its items
    if line_end and not nt.cells and is_locality(place, rules) and is_name_text(place):
        return [Listed(pos, pos + len(place), "lead", True, (pos, end))]  # (一)鹿城镇: the town its items are handed to
    return _listed_heading(nt.text, pos, end, registry, rules) if line_end else []


def duty_section(title: str | None, rules: Rules) -> bool:
    """Whether a heading names a section of duties (三、职责分工, 四、部门职责, (二)各成员单位职责分工, 三、各组职责), whose items are
    each headed by the body whose duties they list (units38a)."""
    return (title or "").strip().rstrip("。.：:").endswith(rules.words["duty_section_ends"])


def paragraph_duty_units(nt: NodeText, registry: Registry, rules: Rules, skip: Spans) -> list[Listed]:
    """Units that open a paragraph of an item's text with their duties after a colon (五、职责分工 | 区民防办：负责…；参与… |
    区规划资源局：指导…, c623; 附件1 职责分工 | 区应急局：负责…), each paragraph read as a duty heading is (corpus18); under a
    heading naming duties, a body named without a level too (成员单位职责分工 | 公安嘉定分局：组织协调指导…, units38a). A copy that
    ran the paragraphs together opens them after a sentence end (…宣传报道工作。 综治部门:负责…, dev c211), and may close their
    headings with a full stop before a role word (职责如下:县环保局。负责…。县交通局、公路局。负责…, dev c909; units67)."""
    text = nt.text
    found: list[Listed] = []
    duties = duty_section(nt.node.title, rules)
    for line in rules.duty_paragraph_break.finditer(text):
        start = _BLANK.match(text, line.end()).end()  # type: ignore[union-attr]  # matches ""
        colon = _heading_colon(text, start, rules)
        if colon is not None and not inside(start, skip):
            found += _duty_heading(text, start, colon, colon, registry, rules, duties)
    for line in rules.duty_paragraph_stop_break.finditer(text):
        start = _BLANK.match(text, line.end()).end()  # type: ignore[union-attr]  # matches ""
        stop = text.find(rules.words["duty_paragraph_stops"][0], start)
        if not inside(start, skip) and _duty_role(text, _duty_start(text, stop + 1, rules), rules) is not None:
            found += _duty_heading(text, start, stop, stop, registry, rules, duties)  # 县交通局、公路局。负责… (units67)
    return found


def _heading_colon(text: str, start: int, rules: Rules) -> int | None:
    """Where the colon closing a paragraph's heading stands, on its line and within a unit name's reach, if one does."""
    line_end = text.find("\n", start)
    reach = min(len(text) if line_end < 0 else line_end, start + int(rules.words["max_name_chars"]) + 1)
    colon = _COLON.search(text, start + 1, reach)  # one C scan, not a Python step per character
    return colon.start() if colon is not None else None


def _duty_heading(
    text: str, start: int, end: int, opener: int, registry: Registry, rules: Rules, duty_item: bool = False,
    titled: int | None = None,
) -> list[Listed]:
    """The units a heading lists before the colon or full stop at ``opener`` that opens their duties, in every role a
    role word of the duties gives them: the first clause's (区文明办：负责… responsible) or the role its bracket marks
    (县教育局(牵头)：…), and each later clause's (…，配合相关部门开展… support; 水务局：组织指导…；负责… responsible); lead
    where no clause opens with one (区规划资源局：指导…; corpus18, corpus19c). A ``duty_item`` heads an item of a section of
    duties (三、职责分工 | （二）消防安全管理办公室): its body may be named without a level, and its duties may start the next line
    with no colon before them (``opener`` at the heading's end) or be its items' (units38a). A heading on its own line that
    names its units' duties (卫生部门职责、任务; ``titled``, where the units end) gives them `responsible` (units57)."""
    duties = _duty_start(text, opener + 1 if opener < len(text) and not text[opener].isspace() else opener, rules)
    duty = _duty_role(text, duties, rules)  # 1.区财政局：\n负责…: the duties may start a line
    if duty is not None:
        listed = _duty_units(text, start, end, duty, (start, clause_end(text, duties, rules)), registry, rules)
        names = [(unit.start, unit.end) for unit in listed]
        if not names or (titled is not None and _vague_duties(text, listed, rules)):
            return []  # the heading lists no units (工作目标：…): its later clauses are not read
        later = _charged_support(text, duties, rules) + _later_duty_roles(text, duties, registry, rules)
    elif titled is not None:
        listed = _duty_units(text, start, titled, "responsible", (start, end), registry, rules)
        if not listed or _vague_duties(text, listed, rules):
            return []
        names = [(unit.start, unit.end) for unit in listed]
        later = _later_duty_roles(text, duties, registry, rules)
    else:
        head_end = _duty_head_end(text, start, end, opener, registry, rules, duty_item)
        if head_end is None:
            return []  # 城管中队：对…处罚 heads duties; 做强产业集团 alone or before a full stop is a measure
        end = head_end
        later = _later_duty_roles(text, duties, registry, rules) or _duty_list_charge(text, duties, rules)
        listed = [] if later else [Listed(start, end, "lead", True, (start, end))]
        names = [(start, end)]
    taken = {unit.role for unit in listed}
    extra = {role: clause for role, clause in reversed(later) if role not in taken}  # each role at its first clause
    return listed + [Listed(s, e, role, k == 0, clause) for role, clause in extra.items() for k, (s, e) in enumerate(names)]


def _duty_head_end(
    text: str, start: int, end: int, opener: int, registry: Registry, rules: Rules, duty_item: bool,
) -> int | None:
    """Where the unit ends that a heading before duties without a role word names: the whole heading where it names a unit
    by itself (_named_duty_head); in an item of a duty section also a body named by its shape alone, before a colon, on its
    own line, or before a full stop with its duties after it on the line (5.管理办。协调指导…), not a full stop closing a topic
    over its own items (units38a); None where it names none."""
    if _named_duty_head(text, start, end, opener, registry, rules):
        return end
    if duty_item and (text[opener:opener + 1] != "。" or _duties_after_stop(text, start, end, opener, rules)):
        return _section_body_end(text, start, end, registry, rules)
    return None


def _duties_after_stop(text: str, start: int, end: int, stop: int, rules: Rules) -> bool:
    """Whether a body's duties go on after the full stop closing its heading on the same line, the body named with an
    organ's head (5.管理办。协调指导…, dev c531; (五)财政部门。做好…经费保障工作, c1591): not a heading alone before its own
    items, a topic (5.农村公路管理机构。 then （1）设置…, c696), nor a measure ending in a company (做强产业集团。推动…)."""
    line_end = text.find("\n", stop)
    return text[start:end].endswith(tuple(rules.words["duty_stop_heads"])) \
        and bool(text[stop + 1:len(text) if line_end < 0 else line_end].strip())


def _duty_list_charge(text: str, duties: int, rules: Rules) -> list[tuple[str, tuple[int, int]]]:
    """responsible where a unit's duty text, giving no role word, puts it in charge of the list of duties it introduces
    (区建设管理委是…主管部门，主要履行以下职责：; 按照相关规定履行职责，主要包括：), as 负责 would: the phrase before a colon
    that opens the list, in the sentence that starts at ``duties`` (units38a2, docs/gold-format.md units7: 履行…职责 as 负责);
    so is a unit acting in that sentence (管委会依照本办法履行以下职责：, c38)."""
    line_end = text.find("\n", duties)
    line_end = len(text) if line_end < 0 else line_end
    for phrase in rules.words["duty_list_charges"]:
        at = text.find(phrase, duties, line_end)
        if at < 0:
            continue
        colon = next((k for k in range(at + len(phrase), line_end) if text[k] in COLONS), None)
        if colon is not None and not any(text[k] in rules.words["duty_list_sentence_ends"] for k in range(duties, colon)):
            return [("responsible", (at, colon))]
    return []


def _duty_start(text: str, pos: int, rules: Rules) -> int:
    """Where a unit's duties begin from ``pos``: past blanks and line breaks, and a bullet setting the duty off (▲負責…)."""
    pos = _BLANK.match(text, pos).end()  # type: ignore[union-attr]  # matches ""
    bullet = first_word_at(text, pos, rules.words["duty_bullets"])
    return _BLANK.match(text, pos + len(bullet)).end() if bullet else pos  # type: ignore[union-attr]


def _section_body_end(text: str, start: int, end: int, registry: Registry, rules: Rules) -> int | None:
    """Where the body ends that heads an item of a duty section, named by the shape of its name alone: a name the unit words make
    whole (消防安全管理办公室, 城管执法部门, 公安嘉定分局) or a collective (各居民区, 业委会), a word for duties after it cut off
    (消防安全管理办公室职责); None for a vague one (其他各成员单位) or a topic (组织架构, 适用事项范围) (units38a)."""
    end = _duty_titled_end(text, start, end, rules) or end
    name = text[start:end]
    if not is_name_text(name) or is_vague(name, rules) or is_person(name, rules) or _generic_reference(name, rules):
        return None
    whole = len(name) in name_ends(name, 0, True, registry, rules, collective=True)
    return end if whole or looks_like_unit(name, registry, rules, collective=True) else None


def _vague_duties(text: str, listed: list[Listed], rules: Rules) -> bool:
    """Whether a heading naming duties names no particular body among its units (各区有关行政部门职责, 成员单位职责,
    市防指成员单位职责: a body's members)."""
    return any(is_vague(name, rules) or _generic_reference(name, rules) or name.endswith(rules.words["duty_member_heads"])
               for name in (text[u.start:u.end] for u in listed))


def _duty_titled_end(text: str, start: int, end: int, rules: Rules, nouns: list[str] | None = None) -> int | None:
    """Where the units end in a heading that names them and then their duties (卫生部门职责、任务, 公安部门的职责和任务,
    县教育局主要职责): before the word for duties (one of ``nouns``, else any), the 的 before it and a second word after it;
    None where the heading ends in no word for duties or is nothing else (units57)."""
    w = rules.words
    end = next((end - len(t) for t in w["duty_noun_tails"] if text.endswith(t, start, end)), end)
    noun = next((n for n in nouns or w["duty_nouns"] if text.endswith(n, start, end) and end - len(n) > start), None)
    if noun is None:
        return None
    end -= len(noun)
    joiner = next((j for j in w["duty_noun_joiners"] if text.endswith(j, start, end) and end - len(j) > start), "")
    return end - len(joiner)


def _generic_reference(name: str, rules: Rules) -> bool:
    """Whether a name is only a generic reference after 各 or a level's category (各成员单位, 各部门, 各地, 各级党委和政府)."""
    w = rules.words
    core = next((name[len(c):] for c in w["level_categories"] if name.startswith(c)), name)
    core = without_distributive(core, rules)
    return core in w["duty_generic_heads"]


def _named_duty_head(text: str, start: int, end: int, opener: int, registry: Registry, rules: Rules) -> bool:
    """Whether a heading before its duties names a unit by itself (a registered or leveled name), or before a colon a
    name the unit words make whole (城管中队：, 国网上海嘉定供电公司：) or one of the estate's bodies (业委会：)."""
    name = text[start:end]
    core = without_distributive(name, rules)
    colon = opener < len(text) and text[opener] in COLONS  # a duty item's heading on its own line may end the text
    if colon and core in rules.words["community_bodies"]:
        return True  # 业委会：…, 物业公司：…: the estate's committee or company heads its duties, a collective (units38b, c716)
    named = _named_head(name, registry, rules) or (colon and len(name) in name_ends(name, 0, False, registry, rules))
    return named and looks_like_unit(name, registry, rules) and is_name_text(name)


def _named_head(name: str, registry: Registry, rules: Rules) -> bool:
    """Whether a heading names a unit by itself: a registered name or one that starts with a level (县人社局)."""
    return registry.knows(name) or starts_with_level(name, 0, rules)


def _listed_heading(text: str, start: int, end: int, registry: Registry, rules: Rules) -> list[Listed]:
    """A heading line that lists units and nothing else ((二)区建管委、区交通委、区水务局、区房管局等建设主管部门; (五)各街镇、
    经开区) leads its section as one unit does, each unit as written: its trailer (等建设主管部门) names the units
    listed, and a bracket after a single name is its office's second title (区公安分局（交管）) or the other plates it
    works under ((一)综合办公室(党群工作部、监察室): its head name leads). A list with a vague item (市直相关部门、各乡镇) or
    with no particular unit (a level's or the registry's) is no heading of units, nor is a clause that states roles
    (A牵头，B配合)."""
    title = text[start:end]
    bracket = _SECOND_TITLE.search(title)
    named = title if bracket is None or not _plates(bracket.group()[1:-1], registry, rules) else title[:bracket.start()]
    if any(c in title for c in rules.words["clause_breaks"]) or has_word(named, rules.verbs_longest_first):
        return []  # 督查室 among the plates holds a verb to jieba; the head name holds none
    items = list_items(text, start, end, registry, rules)
    second = _SECOND_TITLE.search(text, *items[0]) if len(items) == 1 else None
    plated = False
    if second is not None:
        single = text[items[0][0]:second.start()]
        plated = _plates(text[second.start() + 1:second.end() - 1], registry, rules)
        leveled = starts_with_level(single, 0, rules) and second.end() - second.start() - 2 <= _SECOND_TITLE_CHARS
        if not ((plated or leveled) and looks_like_unit(single, registry, rules)):
            return []  # 省级现代农业园区(个): a row's measure, not an office's second title
    elif len(items) < 2:
        return []
    names = [text[s:e] for s, e in items] if second is None else [text[items[0][0]:second.start()]]
    if not all(is_name_text(n) and looks_like_unit(n, registry, rules, collective=True) for n in names):
        return []
    if any(is_vague(n, rules) for n in names) or not (plated or any(_particular(n, registry, rules) for n in names)):
        return []
    if plated:  # the office leads under its head name; its plates are no part of it
        items = [(items[0][0], second.start())]  # type: ignore[union-attr]
    return [Listed(s, e, "lead", k == 0, (start, end)) for k, (s, e) in enumerate(items)]


def _plates(inner: str, registry: Registry, rules: Rules) -> bool:
    """Whether a heading's bracket lists the other plates of the office it names ((一)综合办公室(党群工作部、监察室、督查室、
    财务室), (三)工程建设管理局(安全生产监督局): a zone's bureau and the offices it works as, dev c1325): each part a whole unit
    name, none vague, so the name before it is one office, named bare as a plan names its own bodies."""
    parts = [p for p in re.split(f"[{re.escape(rules.words['group_list_separators'])}]", inner) if p]
    return bool(parts) and all(
        is_name_text(p) and not is_vague(p, rules) and looks_like_unit(p, registry, rules) for p in parts
    )


def _particular(name: str, registry: Registry, rules: Rules) -> bool:
    """Whether a name points at one unit: registered, a town or zone named by its place (罗店镇, 经开区), or leveled and
    neither distributive (各乡镇, 县直各部门) nor a level's category (市级部门)."""
    if registry.knows(name) or is_locality(name, rules):
        return True
    w = rules.words
    return (starts_with_level(name, 0, rules) and not name.startswith((*w["distributive_starts"], *w["level_categories"]))
            and "各" not in name)


def _duty_units(
    text: str, start: int, end: int, role: str, clause: tuple[int, int], registry: Registry, rules: Rules
) -> list[Listed]:
    """The units a heading lists before the colon that opens their duties, each in the duty's role or the role its
    bracket marks (县教育局(牵头)：…); a word for duties closing the heading (城管部门职责:) and a second title in
    brackets (区绿化市容局(区分减联办)) are no part of a name. So stated, names without a level count too
    ((一)城运中心：负责…, an office of the town named bare), collective ones as well ((十)各村：负责…)."""
    end = _duty_titled_end(text, start, end, rules) or end
    found: list[Listed] = []
    for s, e in list_items(text, start, end, registry, rules):
        unit_role = marked_role(text, e, end, role, rules)
        second = _SECOND_TITLE.search(text, s, e)
        e = second.start() if second is not None and unit_role == role else e
        head = max(s, text.rfind("、", s, e) + 1)  # 吴泾、塘湾派出所: places before the head they share
        if not is_name_text(text[head:e]) or not looks_like_unit(text[head:e], registry, rules, collective=True):
            return []  # 工作目标：…, 加强领导：…: no list of units
        found.append(Listed(s, e, unit_role, not found, clause))
    return found


def _duty_role(text: str, pos: int, rules: Rules) -> str | None:
    """The role the duty after a unit's colon gives it: 负责 responsible, 负责(总体)牵头 lead (_role_word), 配合 support, also
    after a manner phrase of duty (市政府法制办:依据职责协助相关部门…, dev c1080)."""
    role = _role_word(text, pos, rules)
    if role is not None:
        return role
    verb = first_word_at(text, _skip_forward(text, pos, rules), rules.verbs_longest_first)
    return "support" if verb is not None and rules.verb_role[verb] == "support" else None


def _charged_support(text: str, pos: int, rules: Rules) -> list[tuple[str, tuple[int, int]]]:
    """support beside the charge where a unit's duty opens 负责 and a verb of helping another unit (公安部门工作职责:负责配合商务
    部门打击…, dev c1135; 区建交委。负责配合公安消防支队…, c732: each role word its role, conv27); 负责参与 a body's own work
    adds none (市气象局:负责参与…决策, c968). units.yaml charged_support_verbs."""
    charges = rules.words["charge_verbs"]
    at = _skip_forward(text, pos, rules)
    at += len(first_word_at(text, at, charges) or "")
    if not any(charge in text[pos:at] for charge in charges) or not first_word_at(text, at, rules.words["charged_support_verbs"]):
        return []  # 负责 passed as a skippable word or not, then 配合/协助
    return [("support", (pos, clause_end(text, pos, rules)))]


def item_duty_roles(nt: NodeText, registry: Registry, rules: Rules) -> list[str]:
    """The roles an item's duties give the unit its bare heading names (四、职责分工 | (一)区体育局 | 1.负责组织实施… →
    responsible; (五)南庄镇、各街道办事处 | 3.配合做好… → support): the role word its text opens with and each later clause's,
    as a duty after the unit's colon gives them (docs/gold-format.md corpus18, conv38: the heading's unit takes a role in an
    item where the item's words give it one, the lead of its heading staying by inheritance; fresh dev c1674)."""
    _, pos = nt.title_at()
    if pos < 0 or _actor_names(nt.text, pos, False, registry, rules):
        return []  # 2.县财政局负责…: the item names its own actor
    first = _duty_role(nt.text, pos, rules)
    later = [role for role, _ in _charged_support(nt.text, pos, rules) + _later_duty_roles(nt.text, pos, registry, rules)]
    return list(dict.fromkeys(([first] if first else []) + later))


def acting_units(nt: NodeText, registry: Registry, rules: Rules, skip: Spans, stated: bool = False) -> list[Listed]:
    """Units acting in a sentence lead the task: at the start of a clause (县人社局指导…,
    县委组织部与县财政局联合印发…) or after an agent marker (由乡党委按程序作出…); a unit that is
    said to be in charge (市政务数据主管部门负责统筹…) is responsible, as 负责 is in a statement. In a task that
    ``stated`` its roles (a label, a bracket list) only a role word gives one: a unit acting without one is left out
    (docs/gold-format.md, goldaudit), its partners before a shared action still support."""
    found: list[Listed] = []
    text = nt.text
    for pos, marked in _actor_starts(text, registry, rules):
        if inside(pos, skip):
            continue
        names = _actor_names(text, pos, marked, registry, rules)
        past = None
        if not names and not marked:
            past = _past_references(text, pos, registry, rules)
            names = _actor_names(text, past, False, registry, rules) if past is not None else None
        names = names or _stated_collective(text, pos, marked, registry, rules)
        if not names:
            continue
        verb_at = _past_trailing_references(text, names[-1][1], rules)  # 由市民政局及各区负责监督: the word after the references
        worded = _role_word(text, verb_at, rules) or _joint_role(text, names[-1][1], registry, rules) \
            or _charged_by_duties(text, names[-1][1], rules) or _charged_over_object(text, verb_at, rules) \
            or next((role for role, _ in _duty_list_charge(text, names[-1][1], rules)), None)
        if worded is None and past is not None and rules.level_organ.fullmatch(text, *names[0]):
            continue  # 各乡(镇)政府、街道办事处要…: 各 still ranges over the level's own organ, no unit in particular
        clause = (pos, clause_end(text, names[-1][1], rules))
        if worded is None and (stated or not marked):
            # 由县安委办制定方案，牵头组织开展…; 省民政厅组织、协调救灾工作；…；负责…: a role word in the unit's own later clause states
            # its role, the inferred lead giving way to it (corpus18, units38a2); not after an agent marker, whose clause names
            # the agent of its act (由区发展改革委会同有关部门…研究确定…，并负责…统筹协调: the bank's lead)
            worded = next((role for role, _ in _later_clause_roles(text, clause[1], registry, rules) if role != "support"), None)
        roles = _partner_roles(text, names, worded or "lead", rules)
        found += [
            Listed(s, e, roles[k], k == 0, clause) for k, (s, e) in enumerate(names)
            if not stated or worded is not None or roles[k] == "support"
        ]
        if worded is not None or not stated:
            found += _later_support(text, names, clause[1], registry, rules, rules.words["duty_support_stops"])
    return found


def stated_later_support(text: str, units: list[Listed], end: int, registry: Registry, rules: Rules) -> list[Listed]:
    """The units a sentence's role statement puts in charge also support where a later clause of their paragraph opens with a
    support verb and work (由县住建局负责,于…完成…。同时,协助县国土资源局完成…: corpus19c, each role word its role), as an acting
    unit's do."""
    charged = [(u.start, u.end) for u in units if u.role in ("lead", "responsible")]
    return _later_support(text, charged, end, registry, rules, rules.words["duty_support_stops"]) if charged else []


def _later_duty_roles(text: str, duties: int, registry: Registry, rules: Rules) -> list[tuple[str, tuple[int, int]]]:
    """The roles that later clauses of a unit's duties give it with the role word they open with (区应急管理局：参与制定…；
    负责…启用 → responsible; 水务局：…抢修。协助受灾地区人员转移撤离 → support): the duties run to the end of their paragraph,
    over its sentences (corpus18, corpus19c: each role word of a unit's duty text gives its role), with each role's clause."""
    return list(_later_clause_roles(text, clause_end(text, duties, rules), registry, rules, rules.words["duty_support_stops"]))


def _later_support(
    text: str, names: list[tuple[int, int]], pos: int, registry: Registry, rules: Rules, stops: tuple[str, ...] = (),
) -> list[Listed]:
    """The units in charge also support where a later clause of their sentence (or up to ``stops``) opens with a
    support verb and work (乡镇政府具体负责…，配合做好…改革工作; corpus19c: each role word its role), until another unit
    opens a clause."""
    if not has_word(text, tuple(rules.words["later_support_verbs"]), pos):
        return []  # the common case, decided in one search: no support verb after the actor's clause
    support = next((clause for role, clause in _later_clause_roles(text, pos, registry, rules, stops) if role == "support"), None)
    return [Listed(s, e, "support", k == 0, support) for k, (s, e) in enumerate(names)] if support else []


def _later_clause_roles(
    text: str, pos: int, registry: Registry, rules: Rules, stops: tuple[str, ...] = (),
) -> Iterator[tuple[str, tuple[int, int]]]:
    """The role word each clause after ``pos`` opens with and that clause, up to the sentence's end (or ``stops``), and
    until another unit opens a clause (…，市财政局按照各自职责，配合实施…: its own role): a support verb with work after it
    (配合做好…, not 配合工作; 协同 before a unit or a kind of body makes it support, not the actor: c555, 协同公安机关…), else a charge or lead verb
    (负责…, 牵头…)."""
    w = rules.words
    stops = stops or w["later_support_stops"]
    while pos < len(text) and text[pos] not in stops:
        start = pos + 1
        if _actor_names(text, start, False, registry, rules) or _opens_with_body(text, start, registry, rules):
            break
        verb_at = start + len(first_word_at(text, start, w["later_support_openers"]) or "")
        verb = first_word_at(text, verb_at, w["later_support_verbs"])
        after = verb_at + len(verb or "")
        pos = clause_end(text, start, rules)
        if verb and after < len(text) and text[after] not in w["clause_breaks"] and not text.startswith(
                w["later_support_not_before"], after):
            if not (verb in w["joint_markers"] and _partners(text, after, True, registry, rules)):
                yield "support", (start, clause_end(text, after, rules))  # 协同派出所…: the partner supports
        elif not text.startswith(w["unit_people"], start) and (role := _role_word(text, start, rules)) is not None:
            yield role, (start, pos)  # (…，主要负责同志亲自研究: the unit's officials, no role word)


def _opens_with_body(text: str, start: int, registry: Registry, rules: Rules) -> bool:
    """Whether a clause opens with a body of its own, particular or not (市财政局…, 各街镇要…, 绿化市容部门要…): the
    clauses after it are its duties, not the earlier actor's."""
    start = _BLANK.match(text, start).end()  # type: ignore[union-attr]  # matches ""
    if name_ends(text, start, False, registry, rules) or name_ends(text, start, False, registry, rules, True):
        return True
    duty = has_word(text[start:clause_end(text, start, rules)], tuple(rules.words["body_duty_modals"]))
    return duty and any(_modal_word_at(text, end, rules) for end in name_ends(text, start, True, registry, rules))


def _modal_word_at(text: str, pos: int, rules: Rules) -> bool:
    """Whether a word of duty (要, 应当, 负责) stands at ``pos`` as a word (not the 应 of 应急)."""
    first = next(iter(words(text[pos:clause_end(text, pos, rules)])), "")
    return first in rules.words["body_duty_modals"]


def _stated_collective(text: str, pos: int, marked: bool, registry: Registry, rules: Rules) -> list[tuple[int, int]]:
    """A distributive or category reference that a role word right after it puts in a role (由各街道牵头落实…, c362;
    各地级以上市人力资源社会保障部门要牵头开展…, c459; 镇(乡)人民政府负责…, fresh dev c1766): a role word states collectives as a statement does; acting
    without one they name no unit in particular. The text leaves vague references open (有关部门牵头: none)."""
    w = rules.words
    reach = pos + int(w["max_name_chars"])
    choice = rules.level_choice.match(text, pos)  # 乡(镇)人民政府负责…: the organ of every unit of those levels
    cue_end = reach + int(w["role_word_reach"])
    cued = rules.statement_cue.search(text, pos, cue_end) is not None or has_word(text[pos:cue_end], tuple(w["duty_phrases"]["verbs"]))
    if not cued or not (
        text.startswith(w["distributive_starts"], pos) or choice or rules.collective_cues.search(text, pos, reach)
    ):
        return []  # most clause starts: no role word near, or no collective begins there
    for end in name_ends(text, pos, marked, registry, rules, collective=True):
        name = text[pos:end]
        distributive = name.startswith(w["distributive_starts"]) or (choice is not None and _chosen_organ(name, choice, registry, rules))
        if not (distributive or is_collective(name, rules)) or is_vague(name, rules):
            continue  # particular units act as _actor_names reads them (县财政局负责人要…: its head acts)
        if _worded_right_after(text, end, rules) and not _role_names_body(text, end, rules):
            return [(pos, end)]
    return []


def _role_names_body(text: str, end: int, rules: Rules) -> bool:
    """Whether the role word after a collective opens a phrase that names a body by its role, closed in the same clause by
    的 and a role label's head (各省(自治区、直辖市)牵头负责充电设施管理的部门要…, fresh dev c1806: the departments that lead, each
    province's, no unit in particular): the collective only places the body."""
    clause = text[end:clause_end(text, end, rules)]
    return any(f"的{head}" in clause for head in rules.words["label_heads"])


def _chosen_organ(name: str, choice: re.Match[str], registry: Registry, rules: Rules) -> bool:
    """Whether a name opening with a level's alternatives (镇(乡), 县(市、区)) is an organ every unit of those levels has: its
    government (乡(镇)人民政府) or a body named after the choice (镇(乡)畜牧兽医技术服务中心, fresh dev c1766: units66b)."""
    if rules.level_organ.fullmatch(name) is not None:
        return True
    rest = name[choice.end() - choice.start():]
    return len(rest) >= 2 and looks_like_unit(rest, registry, rules) and not is_vague(rest, rules)


def _worded_right_after(text: str, end: int, rules: Rules) -> bool:
    """Whether a role word follows a collective with no manner phrase of duty between: 各职能部门按照职责，分别牵头… hands
    each its own part (c289 五.(五)) and names no unit in particular, as 各部门按职责分工负责 does."""
    if text.startswith(rules.words["unit_people"], end) or rules.duty_manner.match(text, end) is not None:
        return False
    return _role_word(text, end, rules) is not None or _charged_over_object(text, end, rules) is not None


def _past_references(text: str, pos: int, registry: Registry, rules: Rules) -> int | None:
    """Where a particular unit begins that is listed after distributive or vague references (各相关职能部门、单位、村及
    联席办要…, c289; 各区市场监管局和市市场监管局执法总队…要…, c530): the references name no unit in particular, the unit
    after them acts; None where the clause opens otherwise."""
    w = rules.words
    if not text.startswith(w["distributive_starts"], pos):
        return None
    end, at = clause_end(text, pos, rules), pos
    for _ in range(int(w["max_actor_list"])):
        joiner = rules.actor_joiner.search(text, at, end)
        if joiner is None or not _reference(text[at:joiner.start()], rules):
            return None
        at = joiner.end()
        ends = name_ends(text, at, False, registry, rules)
        if ends and (rules.joint_levels.match(text, at) or rules.collective_next.fullmatch(text, at, ends[0])):
            return None  # 各行署、市、县政府, 各行署、市人民政府: the levels continue the collective 各 opens
        if ends:
            return at
    return None


def _reference(item: str, rules: Rules) -> bool:
    """Whether a list item names no unit in particular: a distributive or vague reference (各相关职能部门, 有关单位), a bare
    level or collective (村, 街镇) or a bare head (单位); the alternatives it brackets are no words of a clause (各街镇(经开区))."""
    w = rules.words
    head = item.split("(", 1)[0]
    if not item or len(item) > int(w["max_name_chars"]) or any(breaks_name(word, rules) for word in words(head)):
        return False  # 各街镇要督促辖区企业和…: a clause, not a list of names
    return (
        item.startswith(w["distributive_starts"]) or is_vague(item, rules) or item in rules.bare_levels
        or item in w["shared_heads"] or is_collective(item, rules)
    )


def _joint_role(text: str, end: int, registry: Registry, rules: Rules) -> str | None:
    """The role of a unit acting with partners: lead for a unit whose 会同 names the units that support it (由市交通委会同市公安局等部门落实…, c286), a role word
    also in a task whose label states the roles; responsible where the verb after the partners puts it in charge (市公安局、
    市建委协同市交通运输局负责…, c957; 由区城管局会同区财政局负责…, c517), as X负责… does; None where 会同 names no unit
    (会同有关单位: a vague referent, c283)."""
    pos = _skip_forward(text, end, rules)
    marker = rules.support_marker.match(text, pos) or rules.partner_marker.match(text, pos)  # 会同B, 协同B, 联合B
    partners = _partners(text, marker.end(), True, registry, rules) if marker is not None else []
    if not partners:
        return None
    after = _trailer_end(text, partners[-1][1], rules) or partners[-1][1]
    return _role_word(text, after, rules) or "lead"


def _partner_roles(text: str, names: list[tuple[int, int]], role: str, rules: Rules) -> list[str]:
    """The role of each acting name: the units after 与 support the ones before it when a shared action
    follows (县环保局与县水利局、县水文站共同推进…); otherwise all act in ``role``."""
    w = rules.words
    if not _shared_action_follows(text, names[-1][1], rules):
        return [role] * len(names)
    roles: list[str] = []
    partner = False
    for s, _ in names:
        partner = partner or (bool(roles) and text.endswith(w["partner_joiners"], 0, s))
        roles.append("support" if partner else role)
    return roles


def named_roles(nt: NodeText, registry: Registry, rules: Rules, skip: Spans) -> list[Listed]:
    """Units named as taking a role (市司法局作为牵头单位，…; 财政部门作为改革牵头单位; 区教育局为牵头单位，区财政局、
    区人社局为配合单位): the names that open the clause right before 作为/担任/为 and a role label take the label's
    role; kinds of body count, as in a statement."""
    found: list[Listed] = []
    text = nt.text
    heading = match_heading(text)
    for match in rules.role_copula.finditer(text):
        if match.group("word") in rules.words["kind_role_words"]:
            continue  # 作为公共数据主管部门: the competent department, a kind of body, not a role (c35 第六条)
        start = max(text.rfind(ch, 0, match.start()) for ch in rules.words["clause_breaks"]) + 1
        if heading is not None and start < heading.number_end:
            start = heading.number_end
        start = _BLANK.match(text, start).end()  # type: ignore[union-attr]  # matches ""
        end = _before_alias(text, start, match.start(), rules)
        names = _copula_names(text, start, end, registry, rules) if not inside(start, skip) else []
        clause = (start, clause_end(text, match.end(), rules))
        role = label_role(match.groupdict(), rules)
        kept = [(s, e) for s, e in names if not is_vague(text[s:e], rules)]
        found += [Listed(s, e, role, k == 0, clause) for k, (s, e) in enumerate(kept)]
    return found


def _before_alias(text: str, start: int, end: int, rules: Rules) -> int:
    """Where the names before ``end`` end when a short name's bracket closes them (山东省绿色低碳产业发展协会(以下简称
    “协会”)作为协办单位): the bracket is no part of the name; ``end`` where none stands there."""
    open_at = text.rfind("(", start, end) if end > start and text[end - 1] == ")" else -1
    return open_at if open_at > start and alias_end(text, open_at, rules) == end else end


def _copula_names(text: str, start: int, end: int, registry: Registry, rules: Rules) -> list[tuple[int, int]]:
    """The names a copula gives a role, listed from the clause start or from a list opener in the clause to ``end``."""
    for begin in _named_list_starts(text, start, end, rules):
        names = _names_up_to(text, begin, end, registry, rules)
        if names:
            return names
    return []


def _named_list_starts(text: str, start: int, end: int, rules: Rules) -> Iterator[int]:
    """Where the names a copula gives a role may begin: the clause start, or after a list opener or agent marker in it
    (均由北京大学作为牵头单位; 建立以行政审批中心为牵头单位): 以A为X, 由A作为X name A as the clause's start would."""
    yield start
    openers = (*rules.words["list_openers"], *rules.words["agent_markers"])
    for pos in range(start, end):
        if text.startswith(openers, pos) and not text.startswith(rules.words["agent_marker_not_before"], pos + 1):
            yield pos + 1


def _names_up_to(text: str, start: int, end: int, registry: Registry, rules: Rules) -> list[tuple[int, int]]:
    """The names listed from ``start`` that end exactly at ``end`` (区财政局、区人社局为配合单位), else none."""
    for first_end in name_ends(text, start, False, registry, rules, collective=True):
        names = name_list(text, (start, first_end), False, registry, rules, collective=True)
        while names and names[-1][1] > end:
            names.pop()
        if names and names[-1][1] == end:
            return names
    return []


def _shared_action_follows(text: str, pos: int, rules: Rules, also: Sequence[str] = ()) -> bool:
    """Whether a shared action (共同…, or one of ``also``) follows, past up to three skippable words (要共同做好…)."""
    actions = (*rules.words["shared_actions"], *also)
    for _ in range(4):
        if text.startswith(actions, pos):
            return True
        skip = first_word_at(text, pos, rules.skippable)
        if skip is None:
            return False
        pos += len(skip)
    return False


def _charged_by_duties(text: str, pos: int, rules: Rules) -> str | None:
    """responsible where a manner phrase sharing out the duties follows the acting units, past skippable words
    (区经委、区司法局…等部门应当按照各自职责，共同做好…; A和B按照各自职责分别进行审核): it puts each unit in charge of its own
    part, whatever the verb after it, as 按照各自职责负责 does (docs/gold-format.md, session 24; units.yaml
    duty_manner_shares); None where no such phrase follows (领导小组根据职责，将… still leads)."""
    for _ in range(4):
        manner = rules.duty_manner.match(text, pos)
        if manner is not None:
            return "responsible" if any(word in manner.group() for word in rules.words["duty_manner_shares"]) else None
        skip = _skip_at(text, pos, rules)
        if skip is None:
            return None
        pos = skip
    return None


def _charged_over_object(text: str, pos: int, rules: Rules) -> str | None:
    """responsible where the unit's phrase opens with what it answers for and a charge verb closes it in the same clause
    (市发改委对全市节能工作负总责, …对全市能源和节能工作总负责、总协调): in charge, as X负责… is; None otherwise (对学校进行检查)."""
    w = rules.words
    for _ in range(4):
        if text.startswith(tuple(w["charge_object_openers"]), pos):
            break
        skip = _skip_at(text, pos, rules)
        if skip is None:
            return None
        pos = skip
    else:
        return None
    end = clause_end(text, pos, rules)
    while end > pos and text[end - 1].isspace():
        end -= 1
    # the charge closes the clause, or one of a list of charges closing it (总负责、总协调): not 对直接负责的主管人员…
    stops = [at for at in range(pos, end) if text[at] == w["charge_object_joiner"]] + [end]
    charges = tuple(w["charge_verbs"])
    return "responsible" if any(text.endswith(charges, pos, stop) for stop in stops) else None


def _acting_role(text: str, pos: int, rules: Rules) -> str:
    """lead, or responsible for a unit in charge (负责…) unless a lead verb begins there (负责牵头)."""
    return _role_word(text, pos, rules) or "lead"


def _role_word(text: str, pos: int, rules: Rules) -> str | None:
    """The role a word right after an acting unit gives it: lead for a lead verb (牵头, 负责牵头), responsible for
    one in charge (负责…), read past up to three skippable words (要, 每月…); None for an action alone. A lead verb
    after the charge verb still leads (负责总体牵头协调…), and so does a charge whose object is the lead work
    (负责…乡村振兴的牵头抓总、统筹协调); a function brought to bear gives its own role (要发挥配合作用: support)."""
    if rules.charge_copula.match(text, pos):
        return "responsible"  # 各区政府是环城生态公园带规划建设的责任主体 (docs/gold-format.md: X是…的责任主体)
    role = None
    for _ in range(4):
        function = first_word_at(text, pos, rules.words["function_verbs"])
        duty = function and rules.function_duty.match(text, pos + len(function))
        if duty:
            return rules.function_role[duty.group("duty")]  # 县财政局要发挥配合作用 (function_units)
        duty_phrase = _duty_at(text, pos, rules)
        if duty_phrase is not None:
            return _duty_phrase_role(duty_phrase, rules)  # 国家能源局履行…行政执法职能: in charge (units7)
        verb = first_word_at(text, pos, rules.verbs_longest_first)
        if verb is not None and rules.verb_role[verb] == "lead":
            return "lead"
        charge = first_word_at(text, pos, rules.words["charge_verbs"])
        if role is None and charge is not None:
            pos += len(charge)
            role = "lead" if _leads_the_work(text, pos, rules) else "responsible"
            continue
        skip = _skip_at(text, pos, rules)
        if skip is None:
            break
        pos = skip
    return role


def _duty_at(text: str, pos: int, rules: Rules) -> str | None:
    """The phrase of a duty a unit is put in charge of opening at ``pos`` (履行市容监管职责), None there or for duties named
    generically (履行自身职责)."""
    phrase = rules.duty_phrase.match(text, pos)
    return phrase.group() if phrase is not None and phrase.group("work") not in rules.words["duty_phrases"]["generic"] else None


def _duty_phrase_role(phrase: str, rules: Rules) -> str:
    """The role a duty the unit performs gives it: a role's function named in it (履行配合职责: support, 牵头抓总职责: lead), else
    responsible, as 负责 (units7)."""
    return next((rules.function_role[duty] for duty in sorted(rules.function_role, key=len, reverse=True) if duty in phrase),
                "responsible")


def _skip_at(text: str, pos: int, rules: Rules) -> int | None:
    """Where a word skippable before a unit's verb ends (要, 每月…), or a manner phrase of duty with the comma it may take
    (区规划资源局、区房管局按照各自职责，负责…; 依法在各自职责范围内负责…), if one begins at ``pos``."""
    manner = rules.duty_manner.match(text, pos)
    if manner is not None:
        comma = first_word_at(text, manner.end(), rules.words["duty_manner_commas"]) or ""
        return manner.end() + len(comma)
    skip = first_word_at(text, pos, rules.skippable)
    return pos + len(skip) if skip is not None else _time_end(text, pos, rules)


@lru_cache(maxsize=8)
def _ends_within(registered: frozenset[str], suffixed: frozenset[str], reach: int) -> str:
    """A lookahead: a character a unit name may end with (a suffix's, a registered name's) lies within
    ``reach``; a clause start without one starts no name, so the pattern skips it in one regex pass."""
    return f"(?=[^\\n]{{0,{reach - 1}}}?[{re.escape(''.join(sorted(registered | suffixed)))}])"


@lru_cache(maxsize=8)
def _start_pattern(starts: str, lookahead: str) -> re.Pattern[str]:
    return re.compile(f"(?:{starts}){lookahead}")


def _leads_the_work(text: str, pos: int, rules: Rules) -> bool:
    """Whether the object of a charge verb at ``pos`` names the lead work (…的牵头抓总, …的牵头协调): the unit in charge of
    leading leads, as 负责牵头 does (the 乡村振兴责任制 template: 领导小组负责…全面推进乡村振兴的牵头抓总、统筹协调)."""
    end = clause_end(text, pos, rules)
    return any(0 <= text.find(mark, pos, end) for mark in rules.words["charge_lead_marks"])


def clause_end(text: str, pos: int, rules: Rules) -> int:
    """Where the clause running at ``pos`` ends."""
    ends = [i for i in (text.find(ch, pos) for ch in rules.words["clause_breaks"]) if i >= 0]
    return min(ends, default=len(text))


def _actor_starts(text: str, registry: Registry, rules: Rules) -> Iterator[tuple[int, bool]]:
    """Where an acting unit may begin: clause starts (after blanks), and right after an agent
    marker such as 由 (True: the unit's name may begin with any place, 由绥滨县经济开发区党工委…);
    only where a unit name can end within reach, and a clause start only where one can start."""
    ends = rules.name_end_chars | rules.division_end_chars  # 浦东新区, 山西省: a division named alone ends a name too
    lookahead = _ends_within(registry.last_chars, ends, int(rules.words["max_name_chars"]))
    first = re.compile(lookahead)
    heading = match_heading(text)
    if heading is not None:
        after_number = _past_openers(text, _BLANK.match(text, heading.number_end).end(), rules)  # type: ignore[union-attr]
        if after_number < len(text) and first.match(text, after_number) and may_start_plain_name(text, after_number, registry, rules):
            yield after_number, False  # "1.县人社局牵头，…", "第七条　市政务数据主管部门应当…": after the number
    start = _past_openers(text, _BLANK.match(text).end(), rules)  # type: ignore[union-attr]  # matches ""
    if start < len(text) and first.match(text, start) and may_start_plain_name(text, start, registry, rules):
        yield start, False
    for match in _start_pattern(rules.actor_start.pattern, lookahead).finditer(text):
        marked = match.group("marker") is not None
        pos = match.end() if marked else _past_openers(text, match.end(), rules)
        if marked:  # 由所涉及的省政府办公厅、…牵头: the qualifier names no unit; 委托储备单位县…公司: the kind before the name neither
            pos += len(first_word_at(text, pos, rules.words["list_qualifiers"]) or "")
            pos = _past_apposition(text, pos, rules)
        if pos < len(text) and (marked or may_start_plain_name(text, pos, registry, rules)):
            yield pos, marked


def _past_apposition(text: str, pos: int, rules: Rules) -> int:
    """Where a leveled name begins after the kind of body named before it in apposition (储备单位|县国有粮食购销公司), else
    ``pos``."""
    w = rules.words
    for head in w["apposition_heads"]:
        at = text.find(head, pos, pos + int(w["apposition_chars"]))
        if at > pos and first_word_at(text, at + len(head), w["level_nouns"]) is not None:
            return at + len(head)
    return pos


def _past_openers(text: str, pos: int, rules: Rules) -> int:
    """Where a clause's actor may begin: past an inline point's ordinal (四是…), a clause opener (其中…) and a date opening the
    clause (6月底前…)."""
    pos = _past_ordinal(text, pos, rules)
    pos += len(first_word_at(text, pos, rules.words["clause_openers"]) or "")
    return _past_dated_opening(text, pos, rules)


def _past_dated_opening(text: str, pos: int, rules: Rules) -> int:
    """Where a clause's actor may begin after the date opening it with no comma (4月下旬市政府组织召开…, 6月底前县政府组织…:
    fresh c1054), as after one with a comma, where it is a due time or a part of a period (units.yaml dated_opening_ends);
    ``pos`` where no such date opens the clause."""
    match = rules.actor_time.match(text, pos)
    if match is None or match.end() == pos or not match.group().rstrip("，,").endswith(tuple(rules.words["dated_opening_ends"])):
        return pos
    if not text[pos].isdecimal() and text[pos] not in rules.words["dated_opening_starts"]:
        return pos  # 在2008年1月底省政府进行审定前: a clause of time, whose actor is not the clause's
    return match.end()


def _past_ordinal(text: str, pos: int, rules: Rules) -> int:
    """Where a clause's actor may begin: after an inline point's ordinal glued to the clause (四是区财政局…制定…, 一是县人社局
    要…), which names the point, not the unit; ``pos`` where none stands there."""
    match = rules.clause_ordinal.match(text, pos)  # anchored: one test per clause start
    return match.end() if match is not None else pos


def _actor_names(text: str, pos: int, marked: bool, registry: Registry, rules: Rules) -> list[tuple[int, int]] | None:
    """Ranges of the unit names acting at ``pos`` (one name, or a list joined by 、/和/与), followed
    by an action verb (after an agent marker also by an agent verb: 由A、B合作共建, 由市人民政府公布);
    None when no unit acts there."""
    if marked and _composes(text, pos, rules):
        return None  # 成员由镇城建站、财政所…组成: members of a body, not its agents
    for end in _asked_name_ends(text, pos, marked, registry, rules):
        names = name_list(text, (pos, end), marked, registry, rules)
        if any(is_vague(text[s:e], rules) for s, e in names):
            return None  # 市有关部门和相关区人民政府…: the text leaves the units open
        if any(text[s:e] in rules.bare_levels for s, e in names) or text[names[0][0]:names[0][1]] in rules.generic_bodies:
            return None  # 由街道统一招标确定, 由乡镇主导…, 政府推动…: no particular unit (乡党委、政府: the list gives the level)
        if marked and _kind_acting(text, names, rules):
            continue  # 由数据资源主管部门应当责令…: a kind of body, no particular unit (a longer name may be one)
        if rules.support_verb.match(text, _skip_forward(text, names[-1][1], rules)):
            return None  # 县财政局要积极配合: the units support, they do not lead
        if marked and _frames_authority(text, names, rules):
            return None  # 由县人民政府统一领导: the authority over the work, no role
        if _acts(text, names[-1][1], rules, marked):
            return names
        past = _past_trailing_references(text, names[-1][1], rules)
        if past != names[-1][1]:
            return names  # a reference ends only where the verb stands (社区办、房管办、各居委要…)
        beyond = _names_past_references(text, names[-1][1], registry, rules, marked)
        if beyond:
            return names + beyond  # 区交通委、各街镇（工业区）及新城区发展公司对…: the reference between gives none
    return _agent_names(text, pos, registry, rules) if marked else _charged_names(text, pos, registry, rules)


def _charged_names(text: str, pos: int, registry: Registry, rules: Rules) -> list[tuple[int, int]] | None:
    """The units a clause opens with, named without a level or a cue, or as a kind of body, when a charge verb follows them
    (执法大队负责对商铺提出整治要求, 城市执法部门负责整治占道摊点, 生态环境部门负责…: dev c1029, c1120): 负责 states them in
    charge as a role statement does (docs/gold-format.md, units5: a kind of body put in charge is `responsible`); a vague
    reference, a level named bare, a generic body or people never."""
    reach = text[pos:pos + int(rules.words["max_name_chars"]) + max(map(len, rules.words["charge_verbs"]))]
    if not any(verb in reach for verb in rules.words["charge_verbs"]):
        return None  # the common case, decided before any name is looked for: no charge verb within a name's reach
    sectors = rules.sectors.match(text, pos)
    if sectors is not None and _charged_sectors(text, sectors, rules):
        return [sectors.span()]  # 财政、卫生健康等部门负责…: sector words before their head, put in charge as one body
    for end in name_ends(text, pos, True, registry, rules):
        names = name_list(text, (pos, end), True, registry, rules)
        if not all(_charged_name(text[s:e], registry, rules) for s, e in names):
            continue
        if first_word_at(text, names[-1][1], rules.words["charge_verbs"]) and not text.startswith(
            rules.words["unit_people"], names[-1][1]
        ) and not starts_verb_noun(text, names[-1][1], rules):
            return names
    return None


def starts_verb_noun(text: str, pos: int, rules: Rules) -> bool:
    """Whether a noun a verb begins stands at ``pos`` (负责制: a system of accountability), not the verb before its object
    (负责制定…)."""
    nouns = rules.words["verb_nouns"]
    noun = first_word_at(text, pos, tuple(nouns["words"]))
    return noun is not None and not text.startswith(tuple(nouns["not_before"]), pos + len(noun))


def _charged_sectors(text: str, sectors: re.Match[str], rules: Rules) -> bool:
    """Whether sector words before the head they share (财政、卫生健康等部门, 监察、审计部门) are put in charge by a charge verb
    right after them, every item a sector's word: no distributive or vague reference (各乡镇、各部门), no body joined (国家
    干部、各村和各部门), no verb or clause (负责牵头组织市政、…), no heading's number (一、县级民政部门), and no people of the
    units after the head (…部门负责人)."""
    w = rules.words
    end = sectors.end()
    if not first_word_at(text, end, w["charge_verbs"]) or text.startswith(w["unit_people"], end):
        return False
    heading = match_heading(text)
    if heading is not None and sectors.start() < heading.number_end:
        return False  # 一、县级民政部门负责…: the heading's number is no sector
    run = sectors.group()
    return not is_vague(run, rules) and not _joins_a_body(run, rules) and not any(
        item.startswith((*w["distributive_starts"], *w["vague_starts"])) or breaks_within(words(item), rules)
        for item in run.split("、")
    )


def _charged_name(name: str, registry: Registry, rules: Rules) -> bool:
    """Whether a name put in charge without a level's cue reads as a unit: plain, particular or a kind, no reference."""
    return _plain_unit(name, registry, rules) and not is_vague(name, rules) and name not in rules.bare_levels \
        and name not in rules.generic_bodies and not is_person(name, rules)


def _asked_name_ends(text: str, pos: int, marked: bool, registry: Registry, rules: Rules) -> list[int]:
    """``name_ends`` at ``pos``; after a request marker (请) a name that starts with no level, registered name or cue is a short
    one (请经济部及台电公司…, 请农委会…: a ministry or council named short), not a phrase that ends like a name (请国内外知名导演拍摄
    一部…电影: a film, dev c925)."""
    ends = name_ends(text, pos, marked, registry, rules)
    if not marked or not _asked(text, pos, rules) or may_start_plain_name(text, pos, registry, rules):
        return ends
    reach = int(rules.words["asked_name_chars"])
    return [end for end in ends if end - pos <= reach] or _asked_council_ends(text, pos, reach, rules)


def _asked_council_ends(text: str, pos: int, reach: int, rules: Rules) -> list[int]:
    """Ends of a council named short after a request marker (請農委會、環保署會同…, 請經建會先協調…, 请研考会…: the 行政院's
    commissions, whose 会 ends no other name), the shortest first: a few characters, then a council head, not a meeting's
    people (请与会人员…)."""
    heads = tuple(rules.words["asked_council_heads"])
    people = (*rules.words["unit_people"], *rules.words["person_suffixes"])
    return [end for end in range(pos + 2, min(len(text), pos + reach) + 1)
            if text.endswith(heads, pos, end) and is_name_text(text[pos:end]) and not text.startswith(people, end)]


def _asked(text: str, pos: int, rules: Rules) -> bool:
    """Whether a request marker (请) stands right before ``pos``: the unit there is asked to do the work."""
    return text.endswith(tuple(rules.words["request_markers"]), 0, pos)


def _names_past_references(
    text: str, end: int, registry: Registry, rules: Rules, marked: bool
) -> list[tuple[int, int]] | None:
    """The particular units listed after distributive or vague references that follow a unit, when they act (区交通委、
    各街镇（工业区）及新城区发展公司对…, c653): the references give no role, the units beyond them act with the first."""
    at, stop, reach = end, clause_end(text, end, rules), int(rules.words["max_name_chars"])
    passed = False
    for _ in range(int(rules.words["max_actor_list"])):
        joiner = rules.actor_joiner.match(text, at)
        if joiner is None:
            return None
        item = joiner.end()
        names = _acting_list_at(text, item, registry, rules, marked) if passed else None
        if names:
            return names
        at = next((k for k in range(item + 1, min(stop, item + reach) + 1)
                   if rules.actor_joiner.match(text, k) and _reference(text[item:k], rules)), end)
        if at == end:
            return None
        passed = True
    return None


def _acting_list_at(text: str, pos: int, registry: Registry, rules: Rules, marked: bool) -> list[tuple[int, int]] | None:
    """The list of particular units starting at ``pos`` that acts (names only: no vague reference, no bare level)."""
    for end in name_ends(text, pos, marked, registry, rules):
        names = name_list(text, (pos, end), marked, registry, rules)
        if any(_reference(text[s:e], rules) for s, e in names):
            return None
        if _acts(text, names[-1][1], rules, marked):
            return names
    return None


def _composes(text: str, pos: int, rules: Rules) -> bool:
    """Whether the clause after an agent marker at ``pos`` forms a body of the people of the units it names (成员由A、B、C
    单位主要负责人组成): they are its members, not its agents (units forming a team themselves act: 由县纪委、县委组织部
    组成督查组)."""
    clause = text[pos:clause_end(text, pos, rules)]
    at = min((i for i in (clause.find(v) for v in rules.words["agent_compositions"]) if i >= 0), default=-1)
    w = rules.words
    return at >= 0 and any(person in clause[:at] for person in (*w["unit_people"], *w["official_titles"]))


def _agent_names(text: str, pos: int, registry: Registry, rules: Rules) -> list[tuple[int, int]] | None:
    """The units an agent marker names when a verb the lists lack follows them (由区政府挂牌督办, 由镇城运中心开通账号,
    具体方案由省政府按程序报批): 由 makes the unit after it the doer whatever it does, so the first name after which the
    clause goes on with its action (no list, no name, no person) acts: the shortest, since an unknown verb may stand
    inside a longer one (由村党总支责成党员所在党支部…, seed 003; a longer name before a listed verb is read before this).
    Only a name that could start a clause (a level, a registered name: not 由医院直接采购, 由建设单位或本级人民政府指定的
    部门), and not in a clause that modifies a noun (原由国家电网公司代为行使的…职责) nor one that only sponsors
    (由…集团冠名赞助)."""
    clause = text[pos:clause_end(text, pos, rules)]
    if "的" in clause or any(word in clause for word in rules.words["agent_nonacts"]):
        return None
    asked = _asked(text, pos, rules)  # 请经济部及台电公司务必掌握…: the body asked, any name
    for end in _asked_name_ends(text, pos, asked, registry, rules):
        names = name_list(text, (pos, end), asked, registry, rules)
        if any(is_vague(text[s:e], rules) for s, e in names) or any(text[s:e] in rules.bare_levels for s, e in names):
            return None
        if text[names[0][0]:names[0][1]] in rules.generic_bodies or _kind_acting(text, names, rules):
            return None
        if rules.support_verb.match(text, _skip_forward(text, names[-1][1], rules)):
            return None  # 并请环保署与内政部营建署提供协助: asked to support, as a role statement reads them
        if asked and text.startswith(rules.words["etc_references"], names[-1][1]):
            return names  # 请卫福部等相关部会务必…: X等相关部会 is X
        if asked and text.startswith(rules.words["asked_nonacts"], _skip_forward(text, names[-1][1], rules)):
            return None  # 请市经信…等部门支持, 请市委组织部帮助协调…: support or help asked for, no role word (dev c655)
        if rules.agent_action.match(text, names[-1][1]):
            return names
    return None


def _frames_authority(text: str, names: list[tuple[int, int]], rules: Rules) -> bool:
    """Whether 由X统一领导 names the government or party committee whose authority frames the work (由县人民政府统一领导), as
    在X的领导下 does: no role; a body set up to lead it (由…领导小组统一领导) leads."""
    w = rules.words
    return text.startswith(tuple(w["authority_verbs"]), names[-1][1]) and \
        text[names[-1][0]:names[-1][1]].endswith(tuple(w["authority_heads"]))


def _past_trailing_references(text: str, end: int, rules: Rules) -> int:
    """Where the verb stands after distributive or vague references listed after particular units (社区办、房管办、各居委、
    村委要…, c373; 区级林业部门与各街镇（经开区）做好…, c510): the units act, the references give none; ``end`` where no
    such references with a verb after them follow."""
    if rules.actor_joiner.match(text, end) is None:
        return end
    at, stop, reach = end, clause_end(text, end, rules), int(rules.words["max_name_chars"])
    for _ in range(int(rules.words["max_actor_list"])):
        joiner = rules.actor_joiner.match(text, at)
        if joiner is None:
            return end
        item = joiner.end()
        at = next((k for k in _word_ends(text, item, min(stop, item + reach))
                   if (rules.actor_joiner.match(text, k) or _acts(text, k, rules)) and _reference(text[item:k], rules)), end)
        if at == end or not rules.actor_joiner.match(text, at):
            return at
    return end


def _word_ends(text: str, start: int, stop: int) -> Iterator[int]:
    """Where the words from ``start`` end, up to ``stop``: a reference ends at a word's end (相关宾馆饭店|作为必查单位, not
    …饭店作|为…: fresh c1051)."""
    at = start
    for word in words(text[start:stop]):
        at += len(word)
        yield at


def _kind_acting(text: str, names: list[tuple[int, int]], rules: Rules) -> bool:
    """Whether a kind of body acts without a role word (由财政部门责令…); one put in charge (由公安部门负责查处) is
    stated responsible, as a category in a role statement is."""
    kinds = any(is_function_kind(text[s:e], rules) for s, e in names)
    return kinds and _acting_role(text, names[-1][1], rules) != "responsible"


def _acts(text: str, end: int, rules: Rules, marked: bool = False) -> bool:
    """Whether an action verb (or, after an agent marker, an agent verb) or a manner adverb follows,
    after up to three skippable time or modal words."""
    w = rules.words
    if starts_verb_noun(text, end, rules):
        return False  # 县人民政府实行县长负责制, 临时救助实行…负责制: a system named, no act
    if rules.people_lead.match(text, end):
        return True  # 由市煤炭工业局1名县级领导带队: the unit whose official leads the team leads its work (units.yaml people_lead)
    if rules.charge_copula.match(text, end):
        return True  # 县住建局是项目推进的责任主体: named in charge, as 负责 states it
    if text.startswith(w["unit_people"], end):
        return False  # 县人民政府组成人员应…, 县财政局负责人要…: the unit's people act
    verbs = rules.acting_verbs if marked else w["action_verbs"]
    pos = end
    for _ in range(4):
        if text.startswith(w["action_adverbs"], pos) or _duty_at(text, pos, rules) is not None:
            return True  # 县财政局积极…; 区城管局履行市容监管职责: a duty it is in charge of (units66e), not 履行合同
        verb = first_word_at(text, pos, verbs)
        if verb is not None and text[pos + len(verb):pos + len(verb) + 1] not in w["action_verb_not_before"]:
            return True
        if verb is not None:  # 将于…, 应于…: a modal the verbs refuse before 于 may open a date, passed over as one
            passed = _time_end(text, pos, rules)
        else:
            skip = first_word_at(text, pos, rules.actor_skips)
            passed = _trailer_end(text, pos, rules) or (pos + len(skip) if skip is not None else _manner_end(text, pos, rules))
            passed = passed or _time_end(text, pos, rules) or alias_end(text, pos, rules)
        if passed is None:
            return False
        pos = passed
    return False


def _manner_end(text: str, pos: int, rules: Rules) -> int | None:
    """End of an adverbial closed by 地 at ``pos`` (有计划地组织…), if one stands there."""
    match = rules.manner_phrase.match(text, pos)
    return match.end() if match is not None else None


def _time_end(text: str, pos: int, rules: Rules) -> int | None:
    """End of a date the unit is to act by (于2023年6月底前, 2024年底前), if one stands at ``pos``."""
    match = rules.actor_time.match(text, pos)
    return match.end() if match is not None and match.end() > pos else None


def _trailer_end(text: str, pos: int, rules: Rules) -> int | None:
    """End of a trailer 等…<head> after an acting unit (县国农区办等有资金整合任务的县级部门要…), if one stands at ``pos``."""
    if not text.startswith("等", pos):
        return None
    match = rules.actor_trailer.match(text, pos + 1)
    return match.end() if match is not None else None


def pointed_units(nt: NodeText, registry: Registry, rules: Rules, skip: Spans) -> list[Listed]:
    """Units a support verb points at lead what its actor helps with, when they act (县水文站配合县水利局共同推进…,
    配合上海博物馆推进…: 县水利局, 上海博物馆 lead; the actor, where named, supports as support_units says)."""
    found: list[Listed] = []
    text = nt.text
    for match in rules.pointing_verb.finditer(text):
        if inside(match.start(), skip) or text.startswith(rules.words["label_heads"], match.end()):
            continue  # 配合单位: a role label, not the verb
        names = _actor_names(text, match.end(), False, registry, rules) or _helped_kinds(text, match.end(), registry, rules)
        names = names or _helped_whole(text, match.end(), registry, rules) or _helped_named(text, match.end(), registry, rules)
        if names:
            clause = (match.start(), clause_end(text, names[-1][1], rules))
            found += [Listed(s, e, "lead", k == 0, clause) for k, (s, e) in enumerate(names)]
    return found


def function_units(nt: NodeText, registry: Registry, rules: Rules, skip: Spans) -> list[Listed]:
    """Units whose part is named as the function they bring to bear (充分发挥省数办统筹协调作用, d17; 发挥农业农村部门牵头作用,
    c1158): the role the function's word gives, as a label's duty gives it (units6); kinds of body count, vague ones never."""
    found: list[Listed] = []
    text = nt.text
    reach = int(rules.words["max_name_chars"]) + int(rules.words["label_duty_chars"])
    for match in rules.function_verb.finditer(text):
        if inside(match.start(), skip) or rules.function_duty.search(text, match.end(), match.end() + reach) is None:
            continue  # 发挥…作用 with no role's function in reach (发挥示范带动作用): no name to look for
        for end in name_ends(text, match.end(), True, registry, rules, True):
            names = name_list(text, (match.end(), end), True, registry, rules, True)
            duty = rules.function_duty.match(text, names[-1][1])
            if duty is None:
                continue
            kept = [(s, e) for s, e in names if not is_vague(text[s:e], rules) and text[s:e] not in rules.bare_levels]
            role = rules.function_role[duty.group("duty")]
            found += [Listed(s, e, role, k == 0, (match.start(), duty.end())) for k, (s, e) in enumerate(kept)]
            break
    return found


def _helped_whole(text: str, pos: int, registry: Registry, rules: Rules) -> list[tuple[int, int]] | None:
    """The units a support verb points at that fill its clause (各乡镇(街道)配合市文明办,负责组织实施…: the actor helps 市文明办
    and goes on with its own duty): named units only, no vague reference, level or kind of body."""
    for end in name_ends(text, pos, False, registry, rules):
        names = name_list(text, (pos, end), False, registry, rules)
        if names[-1][1] >= len(text) or text[names[-1][1]] not in rules.words["pause_breaks"]:
            continue
        if any(is_vague(text[s:e], rules) or text[s:e] in rules.bare_levels or is_sector_coordination(text[s:e], rules)
               for s, e in names):
            return None  # 配合有关部门, 配合乡镇, 配合区绿容、城管等部门 (sectors sharing a head): no named unit to lead
        if text[names[0][0]:names[0][1]] in rules.generic_bodies:
            return None
        return names
    return None


def _helped_named(text: str, pos: int, registry: Registry, rules: Rules) -> list[tuple[int, int]] | None:
    """The units a support verb points at named without their level or as a kind of body, before the work (负责配合商务部门打击…,
    协助交通部门开展…, 配合公安消防支队对…排查, 配合区交通委及公安分局交管部门等各职能部门做好…: dev c1135, c1177, c732, c653): the
    verb's object is a name's place as an agent marker's is, and it states them as a role statement does (conv27: kinds of body
    in role statements count). A vague reference, a level named bare or a generic body names none."""
    for end in reversed(name_ends(text, pos, True, registry, rules)):  # the longest first: 公安分局交管部门, not 公安分局
        names = name_list(text, (pos, end), True, registry, rules)
        if any(is_vague(text[s:e], rules) or text[s:e] in rules.bare_levels or text[s:e] in rules.generic_bodies
               or text[s:e] in rules.words["generic_kinds"] for s, e in names):
            return None
        if not all(_plain_unit(text[s:e], registry, rules) for s, e in names):
            continue  # 配合拓宽…公交站牌…: a verb opens no name; 县级责任单位和乡(镇)查处: a label inside is no name
        after = _trailer_end(text, names[-1][1], rules) or names[-1][1]
        if _acts(text, after, rules, True) or _helped_work_at(text, after, rules):
            return names
    return None


def _plain_unit(name: str, registry: Registry, rules: Rules) -> bool:
    """Whether a name found without a level's cue reads as a unit: its shape a unit's, its first word no verb, no label in it."""
    return looks_like_unit(name, registry, rules, collective=True) and plain_start(words(name)[0], rules) \
        and rules.label.search(name) is None


def _helped_work_at(text: str, pos: int, rules: Rules) -> bool:
    """Whether the work a support verb's units are helped with begins at ``pos``: a word of its own, not the name going on
    (配合商务部门打击私屠滥宰…: 打击 opens the work), nor a possessive or a list going on (配合交通部门的…, 配合X和Y…)."""
    return pos < len(text) and is_name_text(text[pos]) and not text.startswith(rules.words["helped_not_work"], pos)


def _helped_kinds(text: str, pos: int, registry: Registry, rules: Rules) -> list[tuple[int, int]] | None:
    """The units a support verb points at that are collectives (协助居委开展…, c716; 配合各街道办事处做好…, c362): stated by the
    verb as a role statement states them (conv27), so they lead what the actor helps with, as written. A level named bare
    (协助乡镇开展…, 配合街镇…, 配合各乡镇…) or as a category (配合市级部门…) and a kind of body without a level (配合职能部门…,
    c645) name none."""
    for end in name_ends(text, pos, True, registry, rules, True):
        names = name_list(text, (pos, end), True, registry, rules, True)
        if not all(_helped_collective(text[s:e], registry, rules) for s, e in names):
            continue
        after = _trailer_end(text, names[-1][1], rules) or names[-1][1]
        if _acts(text, after, rules) or text.startswith(tuple(rules.words["helped_work_openers"]), after):
            return names
    return None


def _helped_collective(name: str, registry: Registry, rules: Rules) -> bool:
    """Whether a name a support verb points at is a collective it states: the committees and companies of every estate
    (居委, 业委会, 物业公司: community_bodies) or the organs of every unit of a level (各街道办事处), not a level (乡镇,
    各乡镇, 街镇), a level's category (市级部门), a kind of body (职能部门) or a vague reference."""
    w = rules.words
    core = without_distributive(name, rules)
    if core in w["community_bodies"]:
        return True
    if core == name or core in rules.bare_levels or rules.level_run.fullmatch(core) or is_vague(name, rules):
        return False
    return looks_like_unit(name, registry, rules, collective=True) and not is_person(name, rules)


def headed_support(
    nt: NodeText, heading: list[Listed], registry: Registry, rules: Rules, skip: Spans, column: bool = False
) -> list[Listed]:
    """The units a heading names support where a clause of the item opens with a pointing verb and names no actor
    (5.区商务委：负责牵头推进…；…，协助区绿化市容局落实…; a table row headed by 县科技局: 配合县水利局…开展…): the
    heading's unit is the actor the clause leaves unnamed (docs/gold-format.md: X协助B… makes X support; c362, c11).
    The unit helped must be named: 配合相关部门… leaves it open (c210). A table row's unit ``column`` is the actor of
    the work cell before it, which helps whoever it names (配合市级部门做好… under 责任部门 生态环境局, c632; conv27: 配合
    with work as its object); the rules under the row after its unit cells are tasks of their own (c361)."""
    text = nt.text
    cells = min((unit.start for unit in heading), default=0) if column else len(text)
    for match in rules.pointing_verb.finditer(text, 0, cells) if heading else ():
        if inside(match.start(), skip) or text.startswith(rules.words["label_heads"], match.end()):
            continue
        if not column and not name_ends(text, match.end(), False, registry, rules):
            continue
        before = _skip_back(text, match.start(), rules)
        if before == 0 or text[before - 1] in rules.words["clause_breaks"] or text[before - 1] == "\t":
            clause = (match.start(), clause_end(text, match.end(), rules))
            return [Listed(unit.start, unit.end, "support", unit.first, clause) for unit in heading]
    return []


def support_units(nt: NodeText, registry: Registry, rules: Rules, skip: Spans) -> list[Listed]:
    """Units a sentence states as supporting: the list before a support verb (…,各非公企业配合支持;
    乡镇、街道…广大干部都要参与), the units after a support marker (会同县财政局联合印发) and after 与 / 同 following a modal
    (要与厅考核办建立…)."""
    found: list[Listed] = []
    text = nt.text
    for match in rules.support_verb.finditer(text):
        if text.startswith(rules.words["label_heads"], match.end()):
            continue  # 配合单位: a role label, not the verb
        if not inside(match.start(), skip):
            end = _skip_back(text, match.start(), rules)
            units = _units_before(nt, end, registry, rules) or _sectors_before(text, end, match.start(), rules)
            found += _particular_by_duties(text, units, end, match.start(), rules)
    found += _partner_clauses(nt, registry, rules, skip)
    markers = [(m, True) for m in rules.support_marker.finditer(text)]
    markers += [(m, False) for m in rules.partner_joiner.finditer(text)
                if _modal_partner(text, m.start(), registry, rules)]  # 厅办公室要与厅考核办建立…: "with" B
    for match, any_units in markers + [(m, False) for m in rules.partner_marker.finditer(text)]:
        if inside(match.start(), skip):
            continue
        names = _partners(text, match.end(), any_units, registry, rules)
        if not names and not any_units:
            names = _particular_partners(text, match.end(), registry, rules)
        if names:
            clause = (match.start(), clause_end(text, names[-1][1], rules))
            kept = [(s, e) for s, e in names if not is_vague(text[s:e], rules) and not _each_kind(text[s:e], rules)]
            found += [Listed(s, e, "support", k == 0, clause) for k, (s, e) in enumerate(kept)]
    return found


def _modal_partner(text: str, joiner: int, registry: Registry, rules: Rules) -> bool:
    """Whether 与 / 同 at ``joiner`` follows a modal or an adverb (partner_modals) right after particular units that open the
    clause (厅办公室、厅人事处要与…): "with" their partner, not "and" (县级政务新媒体要与…, a kind of body, and 试点工作要与…, no
    unit, have none)."""
    end = joiner
    while (modal := next((m for m in rules.words["partner_modals"] if text.endswith(m, 0, end)), None)) is not None:
        end -= len(modal)  # 要积极与: each modal and adverb before it
    if end == joiner:
        return False
    start = _list_start(text, end, rules.words["clause_breaks"])
    names = _names_up_to(text, _BLANK.match(text, start).end(), end, registry, rules)  # type: ignore[union-attr]
    return bool(names) and not any(
        is_vague(text[s:e], rules) or is_function_kind(text[s:e], rules)
        or text.startswith(rules.words["level_categories"], s) for s, e in names)


def _particular_by_duties(text: str, units: list[Listed], end: int, verb_at: int, rules: Rules) -> list[Listed]:
    """The units of a list whose support verb a manner phrase of duty qualifies, distributive ones left out: 各部门根据
    职责分工，协同推进… hands each its own part and names no unit, as 各部门按职责分工负责 does (c284)."""
    if rules.duty_manner.search(text, end, verb_at) is None:
        return units
    return [u for u in units if not text.startswith(rules.words["distributive_starts"], u.start)]


def _partner_clauses(nt: NodeText, registry: Registry, rules: Rules, skip: Spans) -> list[Listed]:
    """Units a clause opens with as partners of the sentence's actor before a shared action: they support
    (区发展改革委整体部署…，与区规划资源局、区建管委等相关部门形成工作合力; 同县水利局共同推进…)."""
    found: list[Listed] = []
    text = nt.text
    number = nt.node.number or ""
    words_start = _BLANK.match(text, len(number)).end() if number and text.startswith(number) else 0  # type: ignore[union-attr]
    for start, end in _partner_openings(text, words_start, registry, rules):
        if inside(start, skip):
            continue
        names = _partners(text, end, True, registry, rules)
        if not names or not _shared_action_follows(text, _after_partners(text, names, rules), rules):
            names = _working_partners(text, start, end, registry, rules)
        if not names:
            continue
        clause = (start, clause_end(text, names[-1][1], rules))
        kept = [(s, e) for s, e in names if not is_vague(text[s:e], rules) and not _each_kind(text[s:e], rules)]
        found += [Listed(s, e, "support", k == 0, clause) for k, (s, e) in enumerate(kept)]
    return found


def _after_partners(text: str, names: list[tuple[int, int]], rules: Rules) -> int:
    """Where the words after a clause's partners begin, past a trailer closing the last name."""
    return _trailer_end(text, names[-1][1], rules) or names[-1][1]


def _working_partners(text: str, start: int, end: int, registry: Registry, rules: Rules) -> list[tuple[int, int]]:
    """The particular units a clause of partners names before a verb of working together (，并与县农业局密切配合; ，与…联合
    做好…: units66a), none after a joiner that may begin a name (同) or where kinds of body are named (与农业科研院校合作)."""
    if not _partner_words(text[start:end].strip(), rules):
        return []
    names = _particular_partners(text, end, registry, rules)
    if not names or not _shared_action_follows(text, _after_partners(text, names, rules), rules,
                                               rules.words["partner_clause_actions"]):
        return []
    return names


def _partner_openings(text: str, words_start: int, registry: Registry, rules: Rules) -> Iterator[tuple[int, int]]:
    """Where a clause opens with a partner joiner (the blanks before it included), to the joiner's end, or an item's words
    after its number do (``words_start``, past the node's number: 2.与县水利局…; or an inline rule's, …；3.与…): found from the
    joiners, which few texts hold, rather than by a pattern tried at every position (a joiner holds no blank or break, so
    none can start inside another that opens a clause)."""
    for joiner in rules.partner_opening.finditer(text):  # 与…, or 并与…, 同时与… (units66a)
        start = joiner.start()
        while start > 0 and text[start - 1] in _CLAUSE_BLANKS:
            start -= 1
        if start == 0 or text[start - 1] in rules.words["clause_breaks"]:
            yield start, joiner.end()
        elif (start == words_start or text[start - 1] in _NUMBER_ENDS and _after_inline_number(text, start)) \
                and may_start_plain_name(text, joiner.end(), registry, rules):
            yield start, joiner.end()  # 2.与县水利局…, not 2.同时… (a name must follow the item's number and joiner)


def _after_inline_number(text: str, pos: int) -> bool:
    """Whether ``pos`` is where an inline rule's words begin after its number and a break (…；3.与县水利局、县水文站共同推进…,
    dev c11's scoring cells): the item's implicit actor acts there, as after the heading number."""
    number = _INLINE_NUMBER.search(text, max(0, pos - 4), pos)
    return number is not None and number.end() == pos


def _each_kind(name: str, rules: Rules) -> bool:
    """Whether a partner is every body of a kind named by its function (会同各项目主管部门: each project's own, left
    open), not a collective of places or levels (会同各镇办) nor every department (各部门)."""
    kind = name[1:] if name.startswith(rules.words["distributive_starts"]) else ""
    return len(kind) > 2 and is_function_kind(kind, rules)


def _particular_partners(text: str, pos: int, registry: Registry, rules: Rules) -> list[tuple[int, int]]:
    """The particular units named right after a partner marker (深圳市住建局联合市规划国土委推出…; 由市教育局牵头，联合市教育
    教研室…), none where the list names kinds of body (联合高校、科研院所…, 联合骨干企业…, 各…): 联合 joins those too."""
    community = _community_partners(text, pos, registry, rules)
    if community:
        return community
    ends = name_ends(text, pos, True, registry, rules)
    names = name_list(text, (pos, ends[0]), True, registry, rules) if ends else []
    if not names or text.startswith(rules.words["distributive_starts"], pos):
        return []
    first = text[names[0][0]:names[0][1]]
    placed = starts_with_level(text, pos, rules) or registry.lookup(first) is not None  # 高校…, 医疗联合体…: no place
    return names if placed and all(looks_like_unit(text[s:e], registry, rules) for s, e in names) else []


def _community_partners(text: str, pos: int, registry: Registry, rules: Rules) -> list[tuple[int, int]]:
    """The estate's bodies named right after a partner marker (协同居委会和物业把居民团结到一起, c716): each one the
    committee or company of the estate the work is in, so a partner the marker names, as a particular unit is."""
    ends = name_ends(text, pos, True, registry, rules, collective=True)
    names = name_list(text, (pos, ends[0]), True, registry, rules, collective=True) if ends else []
    bodies = rules.words["community_bodies"]
    return names if names and all(text[s:e] in bodies for s, e in names) else []


def _partners(text: str, pos: int, any_units: bool, registry: Registry, rules: Rules) -> list[tuple[int, int]]:
    """The units named right after a marker: a list of names (``any_units``: after a support marker),
    or sector words before a shared head (会同组织、科技、人力资源社会保障等部门, 联合…等部门)."""
    ends = name_ends(text, pos, True, registry, rules, collective=True) if any_units else []
    if any(is_vague(text[pos:end], rules) and not _trailed(text, ends, end, rules) for end in ends):
        return []  # 会同县政府其他有关部门: the name runs on into a reference the text leaves open
    if ends:
        limit = int(rules.words["max_joint_list"])
        return name_list(text, (pos, ends[0]), True, registry, rules, collective=True, limit=limit)
    sectors = rules.partner_coordination.match(text, pos) or (rules.shared_head_sectors.match(text, pos) if any_units else None)
    return [(pos, sectors.end())] if sectors is not None else []  # 会同公安、城管部门: after a support marker only (联合验收改革…)


def _trailed(text: str, ends: list[int], end: int, rules: Rules) -> bool:
    """Whether the vague run ending at ``end`` is a name closed by a list trailer (会同财政部等有关部门: 财政部, then
    等有关部门), not a name running on into a reference (会同县政府其他有关部门)."""
    return any(text.startswith(trailer, first) and first + len(trailer) == end
               for first in ends if first < end for trailer in rules.words["item_trailers"])


def _skip_back(text: str, end: int, rules: Rules) -> int:
    """Where a list ends before a verb, past up to three skippable words (…广大干部都要积极参与) or a manner phrase of
    duty with the comma it may take (…等部门按照各自职责，协同实施本意见)."""
    for _ in range(3):
        skip = first_word_ending(text, end, rules.skippable)
        if skip is not None:
            end -= len(skip)
            continue
        manner = _manner_back(text, end, rules)
        if manner is None:
            break
        end = manner
    return end


def _manner_back(text: str, end: int, rules: Rules) -> int | None:
    """Where a manner phrase of duty ending at ``end`` begins, a comma after it included (按照各自职责，|), if one does."""
    comma = first_word_ending(text, end, rules.words["duty_manner_commas"]) or ""
    return duty_manner_start(text, -1, end - len(comma), rules)


def _skip_forward(text: str, pos: int, rules: Rules) -> int:
    """Where the verb after a list begins, past up to three skippable words or a closing reference (县财政局要积极|配合;
    县公安局等有关部门要积极|配合, fresh c1131)."""
    for _ in range(3):
        skip = _trailer_end(text, pos, rules) or _skip_at(text, pos, rules)
        if skip is None:
            break
        pos = skip
    return pos


def _list_start(text: str, end: int, breaks: str) -> int:
    """Where a list that ends at ``end`` may begin: after the last of ``breaks`` before it, or after the heading number
    (一、文广、司法…等部门要…; 1.县财政局、县人社局配合)."""
    start = max(text.rfind(ch, 0, end) for ch in breaks) + 1
    heading = match_heading(text)
    return heading.number_end if heading is not None and start < heading.number_end <= end else start


def _sectors_before(text: str, end: int, verb: int, rules: Rules) -> list[Listed]:
    """The sector words a clause opens with before the head they share, between ``end`` (the list's end with the words
    skippable before a verb passed back over, 等部门 among them) and the support verb at ``verb``: one supporting body as
    written (文广、司法、财税等部门要密切配合; …牵头，发展改革、…、金融等单位参与的…机制); none where the clause opens
    otherwise."""
    start = _BLANK.match(text, _list_start(text, end, rules.words["clause_breaks"])).end()  # type: ignore[union-attr]
    start += len(first_word_at(text, start, rules.words["list_openers"]) or "")  # 由道路、排水、水利等单位协同解决
    if "、" not in text[start:end] or _joins_a_body(text[start:end], rules):
        return []
    head = next((e for e in range(verb, end - 1, -1) if rules.sectors.fullmatch(text, start, e)), None)
    return [Listed(start, head, "support", True, (start, clause_end(text, head, rules)))] if head else []


def _joins_a_body(run: str, rules: Rules) -> bool:
    """Whether a conjunction inside a run of sector words joins a body to them (纪检机关和组织、政法…等部门: 纪检机关 and the
    sectors, no one list), not two words of one sector's name (经济和信息化, 住房和城乡建设)."""
    ends = (*rules.unit_ends, *rules.words["collective_suffixes"])
    joiners = [j for j in rules.words["actor_list_joiners"] if j != "、"]
    return any(left.endswith(ends) for item in run.split("、") for j in joiners for left in item.split(j)[:-1])


def _closed_by_verb(text: str, start: int, end: int, follow: int, rules: Rules) -> bool:
    """Whether a role verb closes the list item ``text[start:end]`` before the separator that ends it (the next item
    begins at ``follow``): the item states a role of its own (市发改委牵头，…), so a later verb's list stops before it."""
    stop = follow
    while stop > end and (text[stop - 1] in rules.words["list_separators"] or text[stop - 1].isspace()):
        stop -= 1
    return stop > end and ends_with_verb(text, start, stop, rules)


def _partner_opener(text: str, start: int, end: int, registry: Registry, rules: Rules) -> str:
    """The words opening a list item as a clause of partners (与, 并与, 同时与: units66a), "" where none do or where they may
    begin a name (同 alone: 同济大学, 同安区)."""
    opening = rules.partner_opening.match(text, start, end)
    if opening is None or not _partner_words(opening.group(), rules):
        return ""
    at = opening.end()  # a particular unit must follow, as after 联合 (并与高校…配合 names kinds of body)
    placed = starts_with_level(text, at, rules) or registry.match_at(text, at) is not None
    return opening.group() if placed and looks_like_unit(text[at:end], registry, rules) else ""


def _partner_words(opening: str, rules: Rules) -> bool:
    """Whether a clause's opening words are surely "with" (与, 并与, 同时与), not the first character of a name (同济大学)."""
    return opening not in rules.words["name_opening_joiners"]


def _after_causative(text: str, start: int, end: int, registry: Registry, rules: Rules) -> int | None:
    """Where a list item's unit begins after the verb that has it do the work (负责协调各居委会 → 各居委会; 县应急局组织消防部门 →
    消防部门, the actor's name before the verb), where the item is no unit as a whole or opens with the actor's; None otherwise."""
    whole = looks_like_unit(text[start:end], registry, rules, collective=True)
    for verb in rules.words["causative_openers"]:
        at = text.rfind(verb, start, end)
        if at < 0 or at + len(verb) >= end or not looks_like_unit(text[at + len(verb):end], registry, rules, collective=True):
            continue
        if not whole or (at > start and looks_like_unit(text[start:at], registry, rules)):
            return at + len(verb)
    return None


def _units_before(nt: NodeText, end: int, registry: Registry, rules: Rules) -> list[Listed]:
    """Support units for the run of list items that ends at ``end`` and holds units (people skipped)."""
    text = nt.text
    w = rules.words
    start = _list_start(text, end, w["sentence_breaks"])
    reach = end - int(w["max_actor_list"]) * (int(w["max_name_chars"]) + 1)
    items = list_items(text, max(start, reach), end, registry, rules)
    if reach > start:
        items = items[1:]  # a list is read back at most max_actor_list names; the first item may be cut
    run: list[str] = []
    run_start = follow = end
    for s, e in reversed(items):
        if _closed_by_verb(text, s, e, follow, rules):
            break  # 市发改委牵头，市财政局配合; 由A主办，B承办，C协办: an item its own role verb closes is no unit of this list
        follow = s
        opener = first_word_at(text, s, w["list_openers"]) or _partner_opener(text, s, e, registry, rules)
        s += len(opener)  # 由区水务局、区交通委等单位配合解决: 由 opens the list; …，并与县农业局密切配合: 并与 does
        if is_person(text[s:e], rules):
            continue
        caused = _after_causative(text, s, e, registry, rules)  # 负责协调各居委会、业委会等参与: the list opens after 协调
        if caused is not None and is_function_kind(text[caused:e], rules):
            break  # 组织消防部门参与…: a kind of body, no particular unit
        s = caused if caused is not None else s
        opened = bool(opener) or caused is not None
        if not looks_like_unit(text[s:e], registry, rules, collective=True):
            if run and "、" in text[e:run_start]:
                return []  # 公益性、服务性、互助性社会组织参与: the units end a longer phrase
            break
        run.append(text[s:e])
        run_start = s
        if opened:
            break
    if len(run) == 1 and not anchored(run[0], registry, rules):
        return []  # 社会组织参与党建工作,…: a kind of body alone states no role
    if not run:
        return []
    return units_of_list(text, run_start, end, "support", (run_start, clause_end(text, end, rules)), registry, rules)
