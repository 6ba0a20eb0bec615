"""Where a unit name begins and ends: the registry's names, unit suffixes and list structure.

A name ends where the name ends: a list is split at its top-level separators only (not inside
brackets: 各县(市、区)人民政府), an item loses its trailers (等, 等有关部门), role verbs and scope
remarks glued to it (市水务局分别牵头, 市住建局(除标注外,下同)), and 各 over level nouns keeps a
collective whole (各区、县级市). Units the registry does not know are recognised by their last
characters (局, 办, 中心…), and without a level before them by an organisation word (局党委,
新北国啤酒党支部) checked word by word with jieba.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterator

from govplan.annotate.prefixes import first_word_at, first_word_ending, has_word
from govplan.lexical.segment import words
from govplan.annotate.units.rules import CLOSE, COLONS, OPEN, Rules, ending_verb
from govplan.annotate.units.rules import rules as unit_rules
from govplan.registry import Registry
from govplan.textmemo import text_memo

_BRACKETS = frozenset(OPEN + CLOSE)

_NAME_RUN = re.compile(r"(?:[^\W_]|[()]|“[^“”\s]{1,12}”)*")  # a unit name's characters (see is_name_text); a campaign's
# name in quotes may stand inside a body's name (“整脏治乱”专项行动领导小组, 区“两旧”专班, 县“双减”工作专班)
_BLANKS = re.compile(r"\s+")
_HAN_RUN = re.compile("[\u4e00-\u9fff]+")  # a place written in Chinese characters only (no 3个, no 各类)
_LINE_BLANKS = re.compile(r"[^\S\n]+")  # blanks within a line
_ALTERNATIVE = re.compile(r"\([^()]{1,8}\)$")  # a closing bracket naming an alternative (镇街(园区))
_PLATE = re.compile(r"\(([^()、，,]{2,16})\)$")  # an organ's second plate (市市场监管局(市知识产权局)), one name, no list


def compact(name: str) -> str:
    """A name without the blanks a hard line wrap left inside it (民政\n部 → 民政部)."""
    return _BLANKS.sub("", name)  # one C pass; a name without blanks comes back as it is


def split_items(text: str, start: int, end: int, separators: str) -> list[tuple[int, int]]:
    """Ranges of the items between separators outside brackets (any kind), blanks trimmed."""
    items: list[tuple[int, int]] = []
    depth = 0
    item_start = start
    for match in _structure(separators).finditer(text, start, end):
        ch = match.group()
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            trimmed = _strip(text, item_start, match.start())
            if trimmed:
                items.append(trimmed)
            item_start = match.end()
    trimmed = _strip(text, item_start, end)
    if trimmed:
        items.append(trimmed)
    return items


@lru_cache(maxsize=16)
def _structure(separators: str) -> re.Pattern[str]:
    """Brackets and the given separators: the characters that split a list."""
    return re.compile(f"[{re.escape(OPEN + CLOSE + separators)}]")


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The range without surrounding blanks; None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def list_items(text: str, start: int, end: int, registry: Registry, rules: Rules) -> list[tuple[int, int]]:
    """Items of a unit list, each bounded as a name: a bare head after 、 joins the item before it
    (区直部门、单位), level nouns after 各 join it (各区、县级市), places before the head they share join it
    (浦东新区、徐汇区、嘉定区政府), and trailers, glued role verbs and scope remarks are cut off
    (省住房城乡建设厅等有关部门 → 省住房城乡建设厅)."""
    w = rules.words
    items: list[tuple[int, int]] = []
    for s, e in _unglued(text, split_items(text, start, end, w["list_separators"]), registry, rules):
        s, e = _bounded(text, s, e, rules)
        if e <= s:
            continue
        joined = items and text[items[-1][1]:s].strip() == "、"
        if joined and (text[s:e] in w["shared_heads"] or _organ_heads(text, items[-1], (s, e), rules)
                       or _joint_organ(text, items[-1], (s, e), rules) or _continues_collective(text, items[-1], (s, e), rules)):
            items[-1] = (items[-1][0], e)
            continue
        head = (s, e)
        while joined and _shares_head(text, items, head, registry, rules):
            s = items.pop()[0]
            joined = items and text[items[-1][1]:s].strip() == "、"
        items.append((s, e))
    return items


def _unglued(
    text: str, ranges: list[tuple[int, int]], registry: Registry, rules: Rules
) -> list[tuple[int, int]]:
    """The ranges with names run together apart (市发改委市自规局市财政局, a table cell whose line breaks were lost, fresh c1170):
    an item that reads as two or more names, each a unit opening with the level the item opens with, is those names."""
    result: list[tuple[int, int]] = []
    for s, e in ranges:
        result += _glued_names(text, s, e, registry, rules) or [(s, e)]
    return result


def _glued_names(text: str, start: int, end: int, registry: Registry, rules: Rules) -> list[tuple[int, int]] | None:
    """The names a range runs together, each opening with the range's first character as a level (市…局市…局), or None; an
    office after a body is housed in it, one name as written (市住房城乡建设管理委市重大办, dev c506)."""
    level = text[start:start + 1]
    if text[start:end].endswith(tuple(rules.words["housed_offices"])):
        return None
    if end - start < 2 * int(rules.words["min_glued_name_chars"]) or level not in rules.words["glued_name_levels"]:
        return None
    at = text.find(level, start + int(rules.words["min_glued_name_chars"]), end)
    while at != -1:
        if looks_like_unit(text[start:at], registry, rules):
            rest = _glued_names(text, at, end, registry, rules)
            if rest is not None:
                return [(start, at), *rest]
            if looks_like_unit(text[at:end], registry, rules):
                return [(start, at), (at, end)]
        at = text.find(level, at + 1, end)
    return None


@lru_cache(maxsize=8)
def _head_suffixes(suffixes: tuple[str, ...], plain: tuple[str, ...]) -> tuple[frozenset[str], int]:
    """A unit's and a plain name's suffixes as one set, and the longest one's length: the longest suffix a head ends
    with is found by looking up its last few characters, not by a test per suffix (111 of them)."""
    every = (*suffixes, *plain)
    return frozenset(every), max(map(len, every), default=0)


def _shares_head(
    text: str, items: list[tuple[int, int]], item: tuple[int, int], registry: Registry, rules: Rules
) -> bool:
    """Whether the item before ``item`` (after 、) shares its head, one name as written (docs/gold-format.md): a
    level before a name of another level (市、区人民政府), or a short name that is no unit itself, of the kind of the
    place the unit's name begins with (闵行区、奉贤区政府; 欧阳、曲阳、广中街道; not 经济技术开发区、九里亭街道, two
    bodies), or any sector word before a generic head (财政、税务部门)."""
    w = rules.words
    before = compact(text[items[-1][0]:items[-1][1]])
    head = compact(text[item[0]:item[1]])
    if before in w["level_nouns"] and leveled_at(head, 0, rules) and not is_collective(head, rules):
        return looks_like_unit(head, registry, rules)  # not 乡镇、街道: two levels, no organ named
    if len(before) > int(w["leveled_collective_chars"]) or not is_name_text(before):
        return False
    every, longest = _head_suffixes(rules.suffixes, w["plain_name_suffixes"])
    suffix = next((head[-n:] for n in range(min(len(head), longest), 0, -1) if head[-n:] in every), "")  # the longest
    place = head[:-len(suffix)] if suffix else ""
    if not place or not (suffix in w["shared_heads"] or _same_kind(before, place, rules)):
        return _places_share_organs(before, head, rules)  # the common case (市财政局、市人社局): False
    if is_vague(before, rules) or (looks_like_unit(before, registry, rules, collective=True) and not is_locality(before, rules)):
        return False  # but a town of the head's kind still shares it (城关镇、城东镇人民政府)
    return plain_words(words(before), rules) and looks_like_unit(head, registry, rules)


def _places_share_organs(before: str, head: str, rules: Rules) -> bool:
    """Whether a whole place before ``head`` shares the organs a division names there (恩施州、神农架林区党委和人民政府,
    塔城市、额敏县党委、人民政府, 哈尔滨、黑河、绥芬河市政府): places of any level, each a division as places.yaml knows it or a
    city named without its level."""
    organs = next((o for o in rules.words["place_organs"] if head.endswith(o) and len(head) > len(o)), None)
    if organs is None:
        return False
    place = head[:-len(organs)]
    return _whole_place(before, rules) and division_end(place, 0, rules) == len(place)


def _whole_place(name: str, rules: Rules) -> bool:
    """Whether a name is one place and nothing more: a division (恩施州, 神农架林区) or a city without its level (哈尔滨)."""
    return division_end(name, 0, rules) == len(name) or name in rules.city_stems.get(name[:1], ())


def _same_kind(name: str, place: str, rules: Rules) -> bool:
    """Whether two place names are of one kind: the same last character where either ends like a level (浦东新区,
    嘉定区), else the same length (欧阳, 广中)."""
    ends = rules.words["place_ends"]
    if name.endswith(ends) or place.endswith(ends):
        return name[-1] == place[-1]
    return len(name) == len(place)


def _organ_heads(text: str, previous: tuple[int, int], item: tuple[int, int], rules: Rules) -> bool:
    """Whether ``item`` is a one-character organ head that goes on the item before it, which ends in one (各委、办、局):
    the organs of one kind a notice addresses together, one collective as written."""
    heads = rules.words["shared_organ_heads"]
    return text[item[0]:item[1]] in heads and text[previous[1] - 1] in "".join(heads)


def _joint_organ(text: str, previous: tuple[int, int], item: tuple[int, int], rules: Rules) -> bool:
    """Whether ``item`` is a government that goes on the party committee the item before it ends with (裕民县党委、人民政府):
    the two organs of one place, one name as written."""
    w = rules.words
    return text[item[0]:item[1]] in w["joint_organ_seconds"] and text.endswith(tuple(w["joint_organ_firsts"]), 0, previous[1])


def _continues_collective(text: str, previous: tuple[int, int], item: tuple[int, int], rules: Rules) -> bool:
    """Whether ``item`` continues a collective opened by 各 over level nouns (各区、县级市); a zone (各镇、园区) starts a unit
    of its own, no level of the hierarchy 各 runs over."""
    if text[item[0]:item[1]].split("(", 1)[0] in rules.words["zone_levels"]:
        return False
    first = text[previous[0]:previous[1]]
    levels = split_items(first, 1, len(first), "、") if first.startswith("各") else []
    opened = bool(levels) and all(rules.collective_level.fullmatch(first, s, e) for s, e in levels)
    return opened and rules.collective_next.fullmatch(text, item[0], item[1]) is not None


def _bounded(text: str, start: int, end: int, rules: Rules) -> tuple[int, int]:
    """The item without a trailing scope remark, convention, standing statement, role marker ((牵头)) or short name
    ((以下简称区规土局)) in brackets, a glued role verb, a trailer or a mark after the name (区财政局*); a quoted name after a
    description of its body is the item (…经营管理厂商「乐满地文旅发展有限公司」)."""
    w = rules.words
    changed = True
    while changed and end > start:
        changed = False
        quoted = _quoted_name(text, start, end, w["quoted_names"])
        if quoted is not None:
            (start, end), changed = quoted, True
            continue
        if text[end - 1] in CLOSE:
            open_at = _opening(text, start, end - 1)
            if open_at is not None and (
                rules.scope_remark.search(text, open_at, end) or rules.convention_spot.search(text, open_at, end)
                or rules.standing.match(text, open_at + 1) or rules.role_marker.fullmatch(text, open_at, end) or text.startswith(w["alias_remarks"], open_at + 1)
            ):
                end, changed = open_at, True
                continue
        verb = ending_verb(text, start, end, rules)
        if verb is not None:
            end, changed = verb, True
            continue
        trailer = next((t for t in w["item_trailers"] if text.endswith(t, start, end) and end - len(t) > start), None)
        if trailer is not None:
            end, changed = end - len(trailer), True
            continue
        qualified = rules.item_trailer.search(text, start, end) if "等" in text[start:end] else None
        if qualified is not None and qualified.start() > start:
            end, changed = qualified.start(), True
            continue
        if end - start > 2 and text[end - 1] in w["name_trailing_marks"] and text[end - 2] not in w["name_trailing_marks"]:
            end, changed = end - 1, True  # 区政府办公室*: a table's mark on a unit, not part of its name
            continue
        if end - start > 3 and _leading_mark(text[start], text[start + 1], w):
            start, changed = start + 1, True  # ☆经信局: the mark a convention by mark picks the lead with
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _leading_mark(mark: str, after: str, w: dict[str, Any]) -> bool:
    """Whether ``mark`` marks the name it stands before (☆经信局), not a blanked place (*县, **县)."""
    marks, blanks = w["name_trailing_marks"], w["blanked_name_marks"]
    return mark in marks and mark not in blanks and after not in marks


def _quoted_name(text: str, start: int, end: int, quoted: dict[str, list[str]]) -> tuple[int, int] | None:
    """The quoted name closing an item that describes its body first, ending in a head (…经营管理厂商「乐满地文旅发展有限公司」),
    if any."""
    pair = next((m for m in quoted["marks"] if text[end - 1] == m[1]), None)
    if pair is None:
        return None
    open_at = text.rfind(pair[0], start, end - 1)
    described = open_at > start and text.endswith(tuple(quoted["heads"]), start, open_at)
    return (open_at + 1, end - 1) if described and end - 1 - open_at > 2 else None


def _opening(text: str, start: int, close_at: int) -> int | None:
    """Where the bracket closed at ``close_at`` opens, within [start, close_at)."""
    depth = 0
    for i in range(close_at, start - 1, -1):
        if text[i] in CLOSE:
            depth += 1
        elif text[i] in OPEN:
            depth -= 1
            if depth == 0:
                return i
    return None


def split_conjunctions(text: str, start: int, end: int, registry: Registry, rules: Rules) -> list[tuple[int, int]]:
    """Split 市委组织部和县人社局 in two (collective units and references too: 安委会成员单位及各乡镇, 县安监局及有关单位), and
    县财政局 县自然资源局 at the blank (a table cell's paragraphs, which the readers join by one), but keep 市文化广电和旅游局 whole
    (its left side is no unit), and 民政 部 too."""
    name = text[start:end]
    if name in registry.canonical_of:
        return [(start, end)]  # 文化广电和旅游局; a place read before a registered name (县安监局及县 + 公安局) is asked below
    for pos, after in _joints(name, rules):
        left_end = _bounded(text, start, start + pos, rules)[1]  # 能源局等省有关部门和各地级以上市人民政府: the trailer ends the left
        left, right = text[start:left_end], name[after:]
        if _paired(left, right, rules):
            continue  # 各县(市、区)党委和人民政府: one place's paired bodies, one collective
        if left and looks_like_unit(left, registry, rules, True) and (
                looks_like_unit(right, registry, rules, True) or is_vague(right, rules)):
            # 县安监局及有关单位: the reference after 及 is an item of its own (a label lists it, a list of units passes it over)
            rest = split_conjunctions(text, start + after, end, registry, rules)
            return [(start, left_end), *rest]
    return [(start, end)]


def _paired(left: str, right: str, rules: Rules) -> bool:
    """Whether ``right`` is the body paired with the one ``left`` ends in, named without the place they share (党委和人民政府,
    党工委和管委会)."""
    return any(left.endswith(first) and right in seconds for first, seconds in rules.words["paired_bodies"].items())


def _joints(name: str, rules: Rules) -> Iterator[tuple[int, int]]:
    """Where two names may join inside ``name``: each conjunction (和, 及…), then each run of blanks
    within a line (a hard line wrap inside a name is no joint), but not one beside a single character
    (县 委 办: a name letter-spaced across a narrow or justified cell, not 县委 and 办)."""
    for conj in rules.words["conjunctions"]:
        pos = name.find(conj)
        while pos > 0:
            yield pos, pos + len(conj)
            pos = name.find(conj, pos + 1)
    blanks = [blank.span() for blank in _LINE_BLANKS.finditer(name)]
    bounds = [(0, 0), *blanks, (len(name), len(name))]
    for k, span in enumerate(blanks, 1):
        if span[0] > 0 and bounds[k][0] - bounds[k - 1][1] > 1 and bounds[k + 1][0] - bounds[k][1] > 1:
            yield span


@text_memo(maxsize=1 << 12)
def unit_prefix_end(text: str, start: int, end: int, registry: Registry, rules: Rules) -> int | None:
    """End of the longest unit name (collective ones included) that the item starts with, at a word end (remembered:
    a statement's list is read again by the readings that meet it, a third of the calls)."""
    if looks_like_unit(text[start:end], registry, rules, collective=True):
        return end
    if listed_member(text, start, end, registry, rules):
        return end  # 海关总署广东分署、广东海事局按职责分工负责: the list's shape shows the name
    for _, word_end in reversed(tokens(text, start, min(end - 1, start + int(rules.words["max_name_chars"])))):
        if looks_like_unit(text[start:word_end], registry, rules, collective=True):
            return word_end
    return None


def registered(name: str, registry: Registry, rules: Rules) -> bool:
    """Known to the registry as written, or behind a place (泰州市文明办) that holds no word a name cannot hold: 此项工作由
    + 市发改委 is a clause, not a place before a registered name."""
    if registry.lookup(name) is None:
        return False
    return name in registry.canonical_of or not breaks_within(words(name), rules)


@text_memo(maxsize=1 << 14)
def looks_like_unit(name: str, registry: Registry, rules: Rules, collective: bool = False) -> bool:
    """Known to the registry, or short and ending like a unit name (…局, …中心, 各镇(街道)); with
    ``collective`` also a collective unit named as such (乡镇, 群团组织, 区直部门、单位). Remembered: a list's items are
    asked again by each reading of the list (two calls in five repeat one)."""
    name = compact(name)
    if registry.lookup(name) is not None:
        return True
    blanked = rules.blanked_place.sub("某", name)
    if blanked != name:
        return looks_like_unit(blanked, registry, rules, collective)  # *镇, **县文联: a place a copy blanked out, as 某镇 reads
    if name in rules.self_references:
        return False  # 我厅, 本局: the issuer speaking of itself
    head = second_plate_head(name, rules)
    if head != name:
        return looks_like_unit(head, registry, rules, collective)
    if not name or len(name) > int(rules.words["max_name_chars"]) or is_person(name, rules):
        return False  # 锻炼干部, 乡镇干部: people, not units
    if any(colon in name for colon in COLONS):
        return False  # 部门分工:省发展改革委: a field's name and its value, not one name
    if reports_to_level(name, rules):
        return False  # 街道报区消防安全专业委员会: a unit reporting to another, not one name
    suffixed = name.endswith(rules.suffixes)
    if not suffixed and (collective and is_locality(name, rules) or _working_group(name, rules)):
        return True  # 罗店镇 in a list; 综合协调组, 秘书组: a plan's group
    if not suffixed and collective and _short_office(name, rules) and not breaks_within(words(name), rules):
        return True  # 政策法规科, 组织人事科 in a list: a bureau's section named short
    if not suffixed and not (collective and is_collective(name, rules)):
        return False
    if collective and name in rules.words["collective_words"]:
        return True  # 物业公司, 业委会: every estate's company or committee, named as a collective (units38b)
    if _plain_place(name, rules) in rules.words["category_places"]:
        return False  # 由三级医院牵头, 基层党委: every unit of a kind
    name_words = words(name)
    if suffixed:
        if not starts_with_level(name, 0, rules) and not (plain_start(name_words[0], rules) or _function_opened(name_words, rules)):
            return False  # 研究制定村民委员会…: a verb, not a name, begins the phrase
        if len(name_words) > 1 and (name_words[-1] in rules.object_verbs or name_words[-1] in rules.words["suffix_verbs"]):
            return False  # 活动举办 (a heading, fresh c1028's 旨案活動舉辦), 城管执法部门查处: the suffix ends a verb, no office
        if breaks_within(name_words, rules):
            return False  # 相关职能处室作为成员单位
        return not any(verb_before_name(word, name, after, rules) for word, after in _word_ends(name_words)[1:])
    return plain_words(name_words, rules)


def reports_to_level(name: str, rules: Rules) -> bool:
    """Whether a verb of reporting stands inside a name before a leveled unit (由镇规建办报区建管委审批, 由街道报区…委员会核定):
    the unit before it reports to the unit after it; a name never holds one (units35a, c638). Char-level, since jieba glues
    the verb to the name before it (规建办报 → 办报)."""
    verbs = rules.words["report_verbs"]
    if not has_word(name, verbs, 1):
        return False  # most names hold none after their first character: one search, not a find per verb
    return any(
        at > 0 and leveled_at(name, at + len(verb), rules) for verb in verbs for at in _occurrences(name, verb)
    )


def _occurrences(text: str, part: str) -> Iterator[int]:
    """Every place ``part`` begins in ``text``."""
    at = text.find(part)
    while at >= 0:
        yield at
        at = text.find(part, at + 1)


def _function_opened(name_words: list[str], rules: Rules) -> bool:
    """Whether a name opens with a verb that names its body's function, more words after it (综合/规划/处), and ends in
    a body of its own, not a generic head (综合考虑各部门 is prose)."""
    w = rules.words
    return len(name_words) > 1 and name_words[0] in w["function_openers"] and name_words[-1] not in w["shared_heads"]


def second_plate_head(name: str, rules: Rules) -> str:
    """A name without the second plate of its organ in brackets after it (市市场监管局(市知识产权局), 县农业农村局(水利局),
    区绿化市容局(区分减联办): one organ under two names, written as one name), else the name."""
    plate = _PLATE.search(name)
    if plate is None or not plate.group(1).endswith(rules.unit_ends) or not name.endswith(rules.unit_ends, 0, plate.start()):
        return name
    return name[:plate.start()]


@text_memo(maxsize=1 << 14)
def is_vague(name: str, rules: Rules) -> bool:
    """A reference whose referent the text leaves open (有关部门, 各有关部门, 市级各相关单位, 其他部门), or the units
    a notice assigned named by their role (各责任单位要…, 牵头单位要…); not sector words before the head they share,
    whose 相关/有关 names the sectors listed (市住房城乡建设、应急管理…等相关部门). Remembered, as looks_like_unit."""
    w = rules.words
    if is_sector_coordination(name, rules):
        return False
    core = name
    for prefix in (*w["sentence_prefixes"], *w["vague_prefixes"]):
        core = core[len(prefix):] if core.startswith(prefix) and len(core) > len(prefix) else core
    if core.startswith(w["vague_starts"]) or name.startswith(w["vague_starts"]) or _vague_tail(name, rules):
        return True
    label = rules.label.fullmatch(without_distributive(name, rules))
    if label is not None and label.group("level") and label.group("word") in w["kind_role_words"]:
        return False  # 县级主管部门: the competent department of a level, a particular organ (c167), not units named by role
    return label is not None  # 各责任单位, 牵头单位: the units the notice assigned, named by role


def without_distributive(name: str, rules: Rules) -> str:
    """A name without the distributive word opening it (各居民区 → 居民区, 各责任单位 → 责任单位): the kind each of them is."""
    return name[1:] if name.startswith(rules.words["distributive_starts"]) else name


def is_sector_coordination(name: str, rules: Rules) -> bool:
    """Whether a name is sector words joined by 、 before the head they share, one body as written (国务院税务、环境保护
    主管部门; 网信、公安…等主管部门), with or without a level before it."""
    return "、" in name and bool(rules.coordination.fullmatch(name) or rules.partner_coordination.fullmatch(name))


def _vague_tail(name: str, rules: Rules) -> bool:
    """Whether a vague reference closes the name (县政府其他有关部门, 市财政局有关科室): a vague word, at most one
    more word, then a generic head."""
    w = rules.words
    for start in range(1, len(name)):
        if name.startswith(w["vague_starts"], start) and name.endswith(w["vague_heads"]):
            return len(words(name[start:])) <= 3
    return False


def is_function_kind(name: str, rules: Rules) -> bool:
    """Whether a name is a kind of body named by its function with no place before it (数据资源主管部门, 财政部门):
    it ends with a category head and none of its words is a place (中山市…, 阿坝州…), a level (市…) or a unit; or it names
    its place by the case's relation to it (所在地县级人民政府, 就医地经办机构: the body of wherever the case is)."""
    w = rules.words
    if name.startswith(w["relative_places"]):
        return True
    if not name.endswith(w["agent_category_heads"]) or leveled_at(name, 0, rules):
        return False
    parts = words(name)
    if any(word.endswith(rules.suffixes) for word in parts[:-1]):
        return False  # 公安分局交管部门: a department of a unit named before it (c653), one body
    return not any(word.endswith(w["place_ends"]) for word in parts if word not in w["level_false_starts"])


def is_person(name: str, rules: Rules) -> bool:
    """Whether a name ends like people rather than a unit (乡镇干部, 广大干部)."""
    return name.endswith(rules.words["person_suffixes"])


def is_collective(name: str, rules: Rules) -> bool:
    """A collective unit: a level word (乡镇, 镇街(园区)) or a short name of a kind of body (区属企业,
    各非公企业, 群团组织); vague references (有关单位, 其他部门) are none."""
    w = rules.words
    core = _ALTERNATIVE.sub("", name)  # 镇街(园区): the bracket names an alternative
    if core.startswith(w["vague_starts"]):
        return False
    if core in w["collective_words"] or (core != name and rules.level_run.fullmatch(name)):
        return True  # 乡(镇、街道), 村(社区): a level and its alternatives, every unit of those levels
    kind = next((core[len(d):] for d in w["distributive_starts"] if core.startswith(d)), core)
    if kind != core and (kind in w["collective_words"] or kind in w["distributive_kinds"] or rules.level_run.fullmatch(kind)):
        return True  # 各乡镇, 各街道, 各县区, 各县(市、区), 各地: every unit of those levels or places
    leveled = kind.startswith(w["sentence_prefixes"])
    limit = int(w["leveled_collective_chars" if leveled else "collective_chars"])
    return len(kind) <= limit and any(kind.endswith(s) and len(kind) > len(s) for s in w["collective_suffixes"])


def is_locality(name: str, rules: Rules) -> bool:
    """A town, township or zone named by its place (亭子镇, 浙水乡, 宝山工业园区, 滁州经开区; a county's 经开区 named short) or an
    administrative division (黄浦区, 长兴县, places.yaml): a body of its own in a list of units; not a kind of town or zone
    (城镇, 重点镇, 工业园区) nor a reference (本镇, 各乡)."""
    w = rules.words
    if division_end(name, 0, rules) == len(name):
        return True  # 黄浦区, 长兴县: a division named alone
    kind = next((k for k in w["locality_kinds"] if name.endswith(k)), None)
    if kind is None:
        return False
    place = name[:-len(kind)]
    if not place:
        return kind in w["locality_short"]
    return (
        len(place) <= int(w["locality_chars"]) and _HAN_RUN.fullmatch(place) is not None
        and place not in w["locality_kind_places"] and not place.startswith(w["place_false_starts"])
        and plain_words(words(place), rules)
    )


def plain_words(name_words: list[str], rules: Rules) -> bool:
    """Whether words can make a unit name with no level before it (see plain_start), none a name breaker."""
    return bool(name_words) and plain_start(name_words[0], rules) and not breaks_within(name_words, rules)


def plain_start(first_word: str, rules: Rules) -> bool:
    """Whether a unit name may begin with this word: no verb, skip word, number or bracket (建立党委…, 6个党支部…)."""
    return first_word not in rules.openers and first_word[:1].isalpha()


def verb_before_name(word: str, text: str, after: int, rules: Rules) -> bool:
    """Whether ``word`` is a verb whose object, another unit, begins at ``after`` (区城管局督导各街道落实, 县长主持县人民政府
    全面工作): the acting unit's name ends before it, as a list of two units joined by a verb is no one name. Only a
    verb: 等 before a level goes on a list item (税务总局等国务院相关部门及各地区按职责分工负责, c377)."""
    return word in rules.object_verbs and (
        leveled_at(text, after, rules) or text.startswith(rules.words["distributive_starts"], after)
    )


def _word_ends(name_words: list[str]) -> list[tuple[str, int]]:
    """Each word of a name with the offset it ends at."""
    ends, at = [], 0
    for word in name_words:
        at += len(word)
        ends.append((word, at))
    return ends


def breaks_name(word: str, rules: Rules) -> bool:
    """Whether a word cannot stand inside a unit name (支持, 下设; or led by a longer breaker: 切实加强)."""
    return word in rules.breakers or word.startswith(rules.long_breakers)


def breaks_within(name_words: list[str], rules: Rules) -> bool:
    """Whether a word of a name cannot stand inside it, but for a verb naming the function of the office word after it
    (绿化指导/站, 国防动员/办公室; not 领导小组下设办公室)."""
    for k, word in enumerate(name_words):
        if breaks_name(word, rules) and not inside_name("".join(name_words[:k]), word, "".join(name_words[k + 1:]), rules):
            return True
    return False


def inside_name(before: str, word: str, after: str, rules: Rules) -> bool:
    """Whether a name breaker stands inside the name it is found in: naming its office's function (绿化指导/站) or
    joining the sector words of one body (县海洋/与/渔业局, 省/经/信厅)."""
    return names_office(before, word, after, rules) or joins_sectors(before, word, after, rules)


def joins_sectors(before: str, word: str, after: str, rules: Rules) -> bool:
    """Whether a one-character breaker joins the words of one body's name: 与 between two sector words (县海洋与渔业局,
    省住房与城乡建设厅, where a level is named before it; not after a unit, 县委组织部与县财政局, nor after a level, 市与高校,
    nor among words that name none, 发动村民与植宝公司), 经 for 经济 right after a level (省经信厅, 荷城街道经促局). Never before a level
    (经市委同意), and only where a word ending like a unit follows."""
    joins = rules.words["name_joiners"].get(word)
    if joins is None or not before or leveled_at(after, 0, rules):
        return False
    leveled = _ends_with_level(before, rules)  # 荷城街道 is a unit too, and still the level 经 follows
    if joins == "after_level":
        return leveled and _unit_word_within(after, rules)
    placed = not leveled and not before.endswith(rules.unit_ends)
    return placed and _unit_word_within(after, rules) and _names_level(before, rules)


def _names_level(text: str, rules: Rules) -> bool:
    """Whether a level opens the text or one of its words is a place named with one (县海洋, 南昌市海洋; not 发动村民)."""
    ends = rules.words["place_ends"]
    if leveled_at(text, 0, rules):
        return True
    return any(ch in ends for ch in text) and any(word.endswith(ends) for word in words(text))


def _unit_word_within(after: str, rules: Rules) -> bool:
    """Whether a word ending like a unit comes within ``name_joint_chars`` characters, no breaker or head that sectors
    share before it (区教育与卫生部门 names two kinds of body)."""
    w = rules.words
    for part in words(after[:int(w["name_joint_chars"])]):
        if breaks_name(part, rules) or part.endswith(w["shared_heads"]):
            return False
        if part.endswith(rules.suffixes):
            return True
    return False


def _ends_with_level(text: str, rules: Rules) -> bool:
    """Whether a level closes the text: a place's last character (省, 温州市, 杨和镇) or a level noun (荷城街道)."""
    return text.endswith(rules.words["place_ends"]) or words(text)[-1] in rules.words["level_nouns"]


def names_office(before: str, word: str, after: str, rules: Rules) -> bool:
    """Whether ``word`` names the function of the office word that opens ``after`` (指导 before 站 or 中心, 动员 before
    办公室), or holds both as one token (代表处), not a verb after a unit's name (区城管局指导中心城区各街道)."""
    w = rules.words
    verb = next((v for v in w["office_function_verbs"] if word.startswith(v)), None)
    if verb is None or before.endswith(rules.unit_ends):
        return False
    head = word[len(verb):] or (words(after)[0] if after else "")
    return head in w["office_function_heads"]


def balanced(name: str) -> bool:
    """Whether every bracket in a name is closed and every closing bracket was opened."""
    depth = 0
    for ch in name:
        depth += ch in OPEN
        depth -= ch in CLOSE
        if depth < 0:
            return False
    return depth == 0


def is_name_text(name: str) -> bool:
    """Unit names hold Chinese characters, letters, digits and brackets, nothing else."""
    return all(ch.isalnum() or ch in OPEN + CLOSE for ch in name)


def tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Ranges of the jieba words that lie within [start, end), cut with a little right context."""
    ranges: list[tuple[int, int]] = []
    pos = start
    for token in words(text[start:end + 2]):
        if pos + len(token) > end:
            break
        ranges.append((pos, pos + len(token)))
        pos += len(token)
    return ranges


def leveled_at(text: str, pos: int, rules: Rules) -> bool:
    """Whether a level (县, 市, 国家…) or a named place of one (奈曼旗, 喀什地区) begins the text at ``pos``;
    市场, 区域 begin like one but name none."""
    w = rules.words
    return starts_with_level(text, pos, rules) and not text.startswith(w["level_false_starts"], pos)


def starts_with_level(text: str, pos: int, rules: Rules) -> bool:
    """Whether a level word (县, 旗, 自治区…) or a place named with one (阿拉善盟, 喀什地区) opens the text at ``pos``."""
    if text.startswith(rules.words["sentence_prefixes"], pos):
        return True
    if city_named_at(text, pos, rules):
        return True  # 宁波海事局, 深圳海关: a city named without its level, as a province's short name is
    place = rules.named_place.match(text, pos)
    return place is not None and not any(
        word in rules.openers or word in rules.words["region_kinds"] for word in words(place.group())
    )  # 赋予统筹地区…, 欠发达地区…: a verb or a kind of region, no place


def city_named_at(text: str, pos: int, rules: Rules) -> bool:
    """Whether a city named without its level (宁波, 深圳: places.yaml's cities less 市) opens the text at ``pos``."""
    stems = rules.city_stems.get(text[pos:pos + 1])
    if stems:  # a plain loop: asked at every level test, a generator's setup cost more than the test
        for stem in stems:
            if text.startswith(stem, pos):
                return True
    return False


def word_ends_at(text: str, start: int, end: int) -> bool:
    """Whether a jieba word of the text from ``start`` ends at ``end`` (a name never ends inside a word)."""
    pos = start
    for token in words(text[start:end + 4]):
        pos += len(token)
        if pos >= end:
            return pos == end
    return True


def name_list(
    text: str, first: tuple[int, int], any_start: bool, registry: Registry, rules: Rules, collective: bool = False,
    limit: int | None = None,
) -> list[tuple[int, int]]:
    """The first name and the names joined to it by 、/与/和/及 (县委组织部与县财政局), at most ``limit``."""
    w = rules.words
    names = [first]
    while len(names) < (limit or int(w["max_actor_list"])):
        sep = first_word_at(text, names[-1][1], w["actor_list_joiners"])
        if sep is None:
            break
        start = names[-1][1] + len(sep)
        following = name_ends(text, start, any_start, registry, rules, collective)
        if following and text.startswith(w["person_suffixes"], following[0]):
            break  # 物业公司、社区民警: the list runs on into people, no unit (units38b)
        if following and _list_goes_on(text, following[0], rules):
            names.append((start, following[0]))
            continue
        organ = _organ_of_government(text, following, rules)
        if organ is not None:  # 文化厅、省政府金融办、商务厅: an office of 省政府, not 省政府 and prose
            names.append((start, organ))
            continue
        member = listed_member_end(text, start, registry, rules, True) if sep == "、" else None  # 县委政研室, not 县委
        member = member or (None if following else _locality_member_end(text, start, rules))  # …、莲洲镇等单位要…
        if member is None and not following:
            break
        names.append((start, member or following[0]))
    return names


def _locality_member_end(text: str, start: int, rules: Rules) -> int | None:
    """End of a town or zone named by its place as a later member of a list of units, where the list goes on or a trailer
    closes it after the name (区交通运输局、…、莲洲镇等单位要…, c1003): a body of its own among the units listed. Not where a
    verb follows the name straight away (…、X镇要…): read so, the held-out set lost four leads."""
    w = rules.words
    if text.startswith(w["vague_starts"], start):
        return None  # 县发改局、有关乡镇及县财政局要…: a reference, which the actor reading passes over (units39)
    reach = int(w["locality_chars"]) + max(map(len, w["locality_kinds"]))
    for end in range(start + 2, min(len(text), start + reach) + 1):
        closed = _list_goes_on(text, end, rules) or text.startswith(tuple(w["item_trailers"]), end)
        if closed and is_locality(text[start:end], rules):
            return end
    return None


@text_memo(maxsize=1 << 12)
def listed_member_end(text: str, start: int, registry: Registry, rules: Rules, known: bool) -> int | None:
    """End of a list member the names do not know (县委政研室 in 县委改革办、县委政研室负责; 房管所 in
    房管所、规建生态办负责), where the list's shape shows it: the member runs to a separator (、) or to the role verb that
    closes the list, the list closes with that verb, and a name the names know stands in it (``known``: one stands
    before ``start``). One unknown member no longer sinks the names known beside it; a list of things
    (资金、土地、人才等要素保障) holds no known name. Remembered, as name_ends, which asks it."""
    end = _member_end(text, start, rules)
    if end is None or not _may_be_member(text[start:end], rules):
        return None
    return end if _closes_list(text, end, registry, rules, known) else None


def listed_member(text: str, start: int, end: int, registry: Registry, rules: Rules) -> bool:
    """Whether a list item the names do not know is a member of a list of actors whose shape shows it (海关总署广东分署 in
    海关总署广东分署、广东海事局按职责分工负责): see listed_member_end; a known name may stand before it or after it."""
    if not text.startswith("、", end) and not _closing_verb_at(text, end, rules):
        return False  # the common case, decided before the member is looked for: no separator or role verb after it
    if _member_end(text, start, rules) != end or not _may_be_member(text[start:end], rules):
        return False
    return _closes_list(text, end, registry, rules, _known_before(text, start, registry, rules))


def _known_before(text: str, start: int, registry: Registry, rules: Rules) -> bool:
    """Whether a name the names know ends one of the list items joined before ``start`` (区商贸旅游局 before 、长延堡街办)."""
    pos = start
    for _ in range(int(rules.words["max_actor_list"])):
        joiner = first_word_ending(text, pos, rules.words["actor_list_joiners"])
        if joiner is None:
            return False
        pos -= len(joiner)
        stops = rules.words["clause_breaks"] + rules.words["list_separators"] + OPEN
        item = max(pos - int(rules.words["max_name_chars"]), *(text.rfind(ch, 0, pos) + 1 for ch in stops))
        if any(looks_like_unit(text[k:pos], registry, rules) for k in range(item, pos - 1)):
            return True
        pos = item
    return False


def _member_end(text: str, start: int, rules: Rules) -> int | None:
    """Where a list member the names do not know ends: where the list's role verb begins or at the separator after its
    name characters, within ``listed_member_chars`` of them; None where neither comes."""
    stop = min(_name_run_end(text, start, rules), start + int(rules.words["listed_member_chars"]))
    verb = next((k for k in range(start + 2, stop + 1) if _closing_verb_at(text, k, rules)), None)
    if verb is not None:
        return verb
    return stop if stop - start >= 2 and text.startswith("、", stop) else None


@text_memo(maxsize=1 << 12)
def _may_be_member(name: str, rules: Rules) -> bool:
    """Whether an unknown list member may name a body: plain words, no verb among them nor a trailer (区委、政府重大决策部署
    落实情况; 统计局、粮食局等部门研究提出落实意见), not a reference (本报, 该公司), a vague or distributive one (有关单位, 各村),
    people (广大干部), a level alone (乡镇), nor a kind of body named by its function (财政部门). Remembered: a member
    is asked again for each list reading that meets it."""
    w = rules.words
    if is_person(name, rules) or is_vague(name, rules) or name in rules.bare_levels or is_function_kind(name, rules):
        return False
    if "等" in name or name.startswith((*w["place_false_starts"], *w["distributive_starts"])):
        return False
    name_words = words(name)
    return plain_words(name_words, rules) and not any(word in rules.openers for word in name_words)


def _closes_list(text: str, pos: int, registry: Registry, rules: Rules, known: bool) -> bool:
    """Whether the list running on at ``pos`` closes with its role verb within ``max_actor_list`` members, each a name
    or an unknown member, a name the names know among them (or ``known`` already)."""
    for _ in range(int(rules.words["max_actor_list"])):
        if _closing_verb_at(text, pos, rules):
            return known
        sep = first_word_at(text, pos, rules.words["actor_list_joiners"])
        if sep is None:
            return False
        pos += len(sep)
        known_ends = name_ends(text, pos, True, registry, rules, members=False)  # its unknown members are read here
        ends = [e for e in known_ends if _list_goes_on(text, e, rules) and "等" not in text[pos:e]]
        end = ends[0] if ends else _member_end(text, pos, rules) if sep == "、" else None
        if end is None or not (ends or _may_be_member(text[pos:end], rules)):
            return False
        known = known or looks_like_unit(text[pos:end], registry, rules, collective=True)
        pos = end
    return False


def _organ_of_government(text: str, ends: list[int], rules: Rules) -> int | None:
    """The end of the longer name where a list item's shortest name is a government (省政府, 市政府) whose office its text goes
    on to name (省政府金融办, 市政府教育督导室), the list going on or closing with a trailer after it (、, 等部门): the office is
    the item."""
    if len(ends) < 2 or not text.endswith(tuple(rules.words["generic_bodies"]), 0, ends[0]):
        return None
    trailers = tuple(rules.words["item_trailers"])
    return next((end for end in ends[1:] if _list_goes_on(text, end, rules) or text.startswith(trailers, end)), None)


def _list_goes_on(text: str, end: int, rules: Rules) -> bool:
    """Whether a list of actors goes on after a name ending at ``end``: a joiner or the list's role verb follows."""
    return first_word_at(text, end, rules.words["actor_list_joiners"]) is not None or _closing_verb_at(text, end, rules)


def _separated_soon(text: str, pos: int, rules: Rules) -> bool:
    """Whether a separator (、) stands within ``listed_member_chars`` after ``pos``: an unknown first member of a list
    ends at one (a quick test before any member is looked for)."""
    return "、" in text[pos + 2:pos + int(rules.words["listed_member_chars"]) + 1]


def _closing_verb_at(text: str, pos: int, rules: Rules) -> bool:
    """Whether the role verb that closes a list of units begins at ``pos``, after a trailer (等), a word that keeps its
    role (共同, 分别) or a manner phrase of duty (按职责分工); not 负责人 (the unit's people)."""
    if text[pos:pos + 1] not in rules.list_verb_chars:
        return False  # most characters open none of them: decided before any word is looked up
    w = rules.words
    pos += len(first_word_at(text, pos, w["item_trailers"]) or "")
    pos += len(first_word_at(text, pos, w["role_verb_preludes"]) or "")
    manner = rules.duty_manner.match(text, pos)
    pos = manner.end() if manner is not None else pos
    verb = first_word_at(text, pos, rules.verbs_longest_first)
    return verb is not None and not text.startswith(w["unit_people"], pos)


def name_ends(
    text: str, pos: int, any_start: bool, registry: Registry, rules: Rules, collective: bool = False,
    members: bool = True,
) -> list[int]:
    """Ends of the unit names that may start at ``pos``, shortest first (see ``_name_ends``); a new list each call."""
    return list(_name_ends(text, pos, any_start, registry, rules, collective, members))


@text_memo(maxsize=1 << 14)
def _name_ends(
    text: str, pos: int, any_start: bool, registry: Registry, rules: Rules, collective: bool, members: bool
) -> list[int]:
    """name_ends, remembered (its lists are never handed out, name_ends copies them): a clause start is asked for its
    names by the actor, the collective, the list and the partner readings in turn (a fifth of the calls repeat one).

    Ends of the unit names that may start at ``pos``, shortest first.

    A name is registered, or ends like a unit (…局, …党委) and starts with a level (县, 镇…) or
    follows an agent marker, or is a place or organisation name before an organisation word (局党委,
    新北国啤酒党支部), or a notice's own body named bare (领导小组), or sector words before a shared
    head (县乡村振兴、农业、财政等部门), or two organs before one head (县委、县政府督查室). A body's
    name wins over a unit it starts with (区委协调推进领导小组, not 区委). Distributive references
    (各部门) act only as ``collective`` units; vague ones (相关部门) and people (乡镇干部) never do.
    With ``members``, an unknown first member of a list whose shape shows it is a name too (房管所、规建生态办负责:
    listed_member_end).
    """
    w = rules.words
    if text.startswith(w["vague_starts"], pos):
        return []
    if not collective and (text.startswith((*w["distributive_starts"], *w["level_categories"]), pos)
                           or rules.level_choice.match(text, pos)) and not own_organ_at(text, pos, rules):
        return []  # 各部门, 州级政务部门, 本级…, 县(市)人民政府: every unit of a kind acts, none in particular
    if not _may_start_name(text, pos, any_start, registry, rules, collective):
        return []
    joint = _joint_name_ends(text, pos, any_start, registry, rules, collective) or _joint_level_ends(
        text, pos, any_start, registry, rules, collective
    )
    if joint:
        return joint
    known = registry.match_at(text, pos)
    if known is not None and not word_ends_at(text, pos, known):
        known = None  # 财政部门, 教育部门: a sector's departments, not the ministry 财政部 the word begins with
    ends = set(_suffix_name_ends(text, pos, any_start, known, rules, collective))
    if known is None and not ends:
        ends.update(placed_name_ends(text, pos, registry, rules))  # 泰州市农业农村局, 会宁县水文站
    if known is None and not ends and (division := division_end(text, pos, rules)) is not None:
        ends.add(division)  # 浦东新区要…, 山西省要…: a division named alone, its government
    if known is None and not ends and (organ := level_organ_end(text, pos, rules)) is not None:
        ends.add(organ)  # 镇财政每年安排…, 州财政牵头筹措…: a level's organ named by its sector alone
    if members and not any(_list_goes_on(text, e, rules) for e in ends) and _separated_soon(text, pos, rules):
        member = listed_member_end(text, pos, registry, rules, False)  # 房管所、规建生态办负责: the list shows the name
        ends.update([member] if member is not None else [])
    if known is not None:
        ends.add(known)
    coordination = rules.coordination.match(text, pos)
    if coordination is not None and (not ends or _one_group(text, pos, coordination.end(), rules)
                                     or all(text[pos:e] in w["sentence_prefixes"] for e in ends)):
        ends.add(coordination.end())  # 县乡村振兴、农业…等部门, 州县工会…等群团组织, 国务院税务…主管部门: one body
    named = sorted(e for e in ends if not is_person(text[pos:e], rules) and (collective or "各" not in text[pos + 1:e]))
    if any(text[e - 1] in CLOSE for e in named):
        named = [e for e in named if not _alias_closes(text, pos, e, rules)]  # 区规划和土地管理局, not …(以下简称区规土局)
        named = [e for e in named if text[e:e + 1] not in OPEN or alias_end(text, e, rules)]  # 镇街(园区), not 镇街
    if len(named) > 1 and text[pos:named[0]] in rules.bare_levels:
        named = named[1:]  # 街道党工委, 街道农业服务中心: the level's own organ, not the level
    bodies = [e for e in named if text.endswith(w["body_suffixes"], pos, e)]
    if bodies:
        return [e for e in named if e >= max(bodies)]
    levels = rules.level_run.match(text, pos + 1) if collective and text.startswith(w["distributive_starts"], pos) else None
    if levels is not None and levels.end() in named:
        organs = [e for e in named if e > levels.end() and text.endswith(w["plain_name_suffixes"], pos, e)]
        return organs or [e for e in named if e >= levels.end()]  # 各镇办, not 各镇; 各街道办事处, not 各街道
    return named


def own_organ_at(text: str, pos: int, rules: Rules) -> bool:
    """Whether the document's own level, named as a category before a sector, starts at ``pos`` (区级林业部门 in a
    district's notice: the district's forestry department, one organ; not 区级部门 or 区级相关部门)."""
    w = rules.words
    level = w["own_levels"].get(rules.own_level, "")
    return bool(level) and text.startswith(level, pos) and not text.startswith(
        (*w["vague_starts"], *w["own_level_generic"]), pos + len(level)
    )


def alias_end(text: str, pos: int, rules: Rules) -> int | None:
    """End of the short name a notice gives a unit in brackets right after its name ((以下简称区规土局)), if one opens at
    ``pos``: the bracket is no part of the name, and the unit still acts after it."""
    if text[pos:pos + 1] not in OPEN or not text.startswith(rules.words["alias_remarks"], pos + 1):
        return None
    close = text.find(")", pos + 1, pos + int(rules.words["max_name_chars"]))
    return close + 1 if close > 0 else None


def with_declared_aliases(text: str, registry: Registry) -> Registry:
    """The registry with the short names the notice declares for its units ((以下简称市安委会), (以下简称“协调小组”)) that
    no suffix of a unit's already reads as one, and a name without a level behind each level (区协调小组), as the registry
    holds 市行署, for this notice only; the registry itself when it declares none."""
    if "称" not in text:
        return registry  # the common case: no short name declared
    rules = unit_rules()
    aliases = [alias for alias in _declared_aliases(text, rules) if not looks_like_unit(alias, registry, rules)]
    placed = [level + alias for alias in aliases if not leveled_at(alias, 0, rules) for level in registry.levels]
    return registry.with_names([*aliases, *placed])


def _declared_aliases(text: str, rules: Rules) -> Iterator[str]:
    """The short names declared in brackets right after a name that ends like a unit or a body a plan sets up (…协调小组
    (以下简称“协调小组”)); not a document's ((以下简称《条例》), “国赛” after 大赛), nor one that names no particular body."""
    heads = (*rules.unit_ends, *rules.words["body_suffixes"])
    for remark in _declared_alias().finditer(text):
        alias = remark.group("alias").strip(rules.words["declared_alias_quotes"])
        if text.endswith(heads, 0, remark.start()) and _particular_alias(alias, heads, rules):
            yield alias


def _particular_alias(alias: str, heads: tuple[str, ...], rules: Rules) -> bool:
    """Whether a declared short name names one body: a few Chinese characters, not a head alone (中心, 公司), a kind or a
    set of bodies (政务部门, 各单位, 使用单位), a vague reference or people."""
    w = rules.words
    return (
        1 < len(alias) <= int(w["declared_alias_chars"]) and _HAN_RUN.fullmatch(alias) is not None
        and alias not in heads and alias not in w["collective_words"] and not alias.endswith(w["vague_heads"])
        and not alias.startswith(w["distributive_starts"]) and not is_vague(alias, rules) and not is_person(alias, rules)
    )


@lru_cache(maxsize=1)
def _declared_alias() -> re.Pattern[str]:
    """A bracket that declares a short name (以下简称“协调小组”, 简称市安委会), the name in group ``alias``."""
    remarks = "|".join(map(re.escape, unit_rules().words["alias_remarks"]))
    return re.compile(rf"\((?:{remarks})[:：为]?(?P<alias>[^()，,。；;、\s]{{1,16}})\)")


def _alias_closes(text: str, pos: int, end: int, rules: Rules) -> bool:
    """Whether the name ending at ``end`` closes with a short name's bracket (…管理局(以下简称区规土局))."""
    open_at = text.rfind("(", pos, end) if "称" in text[pos:end] else -1
    return open_at > pos and alias_end(text, open_at, rules) == end


def placed_name_ends(text: str, pos: int, registry: Registry, rules: Rules) -> tuple[int, ...]:
    """Ends of the name a place named at ``pos`` begins (泰州市农业农村局要…, 会宁县教育局牵头…): a name the registry knows
    behind the place, where the place is one (not 全市, 各区, nor a clause: 此项工作由市发改委, 是指市人民政府); else a name
    that ends like a unit's behind it, as after a level word (徐闻县气象台发布…, 会宁县水文站负责…, 上海市园科院)."""
    if not registry.may_place_at(text, pos) or text.startswith(rules.words["place_false_starts"], pos):
        return ()
    return _placed_name_ends(text, pos, registry)


@text_memo(maxsize=1 << 14)
def _placed_name_ends(text: str, pos: int, registry: Registry) -> tuple[int, ...]:
    """placed_name_ends, remembered: a clause start is asked whether it may start a name, then for its names."""
    rules = unit_rules()
    for place_end, known in registry.placed_match_at(text, pos):
        if _place_words(words(text[pos:place_end]), rules) and registered(text[pos:known], registry, rules):
            return (known,)
    stop = _name_run_end(text, pos, rules)
    if not rules.name_end_chars.intersection(text[pos + 2:stop]) or not _name_end_within(text, pos, stop, rules):
        return ()  # the common case: no unit's last character or end word within reach, decided before any word is looked up
    for place_end in registry.place_ends_at(text, pos):
        if _place_words(words(text[pos:place_end]), rules) and (
            word_ends_at(text, pos, place_end) or _placed_committee(text, pos, place_end, rules)
        ):
            return _unregistered_placed_ends(text, pos, place_end, rules)
    return ()


def _placed_committee(text: str, pos: int, place_end: int, rules: Rules) -> bool:
    """Whether the place's own party committee follows it as one word with its level (黄龙 县委 社会工作部: the place
    黄龙县 ends inside jieba's 县委), so the committee's department is named behind the place as behind 县委."""
    return any(
        text.startswith(committee, place_end) and word_ends_at(text, pos, place_end + len(committee))
        for committee in rules.words["placed_committees"]
    )


def _unregistered_placed_ends(text: str, pos: int, place_end: int, rules: Rules) -> tuple[int, ...]:
    """Ends of the names the registry does not know behind a place ending at ``place_end`` (白沙县 + 气象台): names that end
    like a unit's, none a generic head a sector shares (绿化市容部门, 地级以上市…主管部门 name kinds of body, not one)."""
    heads = rules.words["shared_heads"]
    ends = _suffix_name_ends(text, pos, True, None, rules, False)
    return tuple(e for e in ends if e > place_end + 1 and not text.endswith(heads, pos, e))


def _place_words(place: list[str], rules: Rules) -> bool:
    """Whether words read as a place's name: names of two characters or more (泰州市; 南京市, 江宁区; 郧阳, 区), none a
    verb or a word no name holds (是指市人民政府, 也是省人民政府, 县长主持县人民政府 are clauses), a kind of region or a
    category of places (农村社区, 山区: every one of them)."""
    w = rules.words
    return all(len(word) > 1 or k == len(place) - 1 for k, word in enumerate(place)) and not any(
        word in rules.openers or breaks_name(word, rules) or word in w["region_kinds"] or word in w["category_places"]
        for word in place
    )


def may_start_plain_name(text: str, pos: int, registry: Registry, rules: Rules) -> bool:
    """A quick necessary test for ``name_ends`` without an agent marker, not collective, in one
    frame: a level word or named place (``leveled_at``), a registered name, or a unit cue word
    within ``max_name_chars`` starts at ``pos``; acting_units skips most clause starts by it."""
    return (
        rules.level_start.match(text, pos) is not None
        or rules.plain_cues.search(text, pos, pos + int(rules.words["max_name_chars"])) is not None
        or registry.match_at(text, pos) is not None
        or bool(placed_name_ends(text, pos, registry, rules))
        or division_end(text, pos, rules) is not None
        or city_named_at(text, pos, rules)
    )


def division_end(text: str, pos: int, rules: Rules) -> int | None:
    """End of the administrative division (places.yaml) named at ``pos``, the longest (浦东新区, 山西省, 松原市), if one is
    and it is not the issuer's own (rules.for_document)."""
    if not rules.divisions_alone:
        return None
    for name in rules.divisions.get(text[pos:pos + 1], ()):
        if text.startswith(name, pos):
            return pos + len(name) if name not in rules.own_divisions else None
    return None


def level_organ_end(text: str, pos: int, rules: Rules) -> int | None:
    """End of a level's organ named by its sector alone at ``pos`` (镇财政, 州财政: one level word, then one of level_organs,
    the sector word ending there), if one is: not a fiscal level (省级财政, 市、区两级财政, 中央财政), nor the sector's own
    words (县财政局 ends like a unit, 市财政资金 names money)."""
    w = rules.words
    level = next((lv for lv in w["organ_levels"] if text.startswith(lv, pos)), None)
    if level is None:
        return None
    organ = first_word_at(text, pos + len(level), w["level_organs"])
    end = pos + len(level) + len(organ) if organ is not None else None
    return end if end is not None and word_ends_at(text, pos + len(level), end) else None


def _may_start_name(text: str, pos: int, any_start: bool, registry: Registry, rules: Rules, collective: bool) -> bool:
    """A quick necessary test for ``name_ends``, which most clause starts fail: every name it finds
    follows an agent marker, starts with a level (joint organs and coordinations too), starts
    with a registered name, or holds a unit cue word within its first ``max_name_chars``."""
    if any_start or leveled_at(text, pos, rules) or registry.match_at(text, pos) is not None:
        return True
    if rules.coordination.match(text, pos) is not None:
        return True  # 市民政、财政部门要…: a level's sectors before their head, whose first item may begin like a false start
    if placed_name_ends(text, pos, registry, rules) or division_end(text, pos, rules) is not None:
        return True  # 泰州市农业农村局, 会宁县水文站: a place, then a unit's name; 浦东新区 alone
    cues = rules.collective_cues if collective else rules.plain_cues
    if cues.search(text, pos, pos + int(rules.words["max_name_chars"])) is None:
        return False  # the common case, decided without finding where the name's characters end
    return cues.search(text, pos, _name_run_end(text, pos, rules)) is not None


def _name_run_end(text: str, pos: int, rules: Rules) -> int:
    """End of the characters a unit name may hold from ``pos``, at most ``max_name_chars`` of them."""
    limit = min(len(text), pos + int(rules.words["max_name_chars"]))
    end = _NAME_RUN.match(text, pos, limit).end()  # type: ignore[union-attr]  # the pattern matches ""
    while end < limit and text[end] == "、":  # 县(市、区)人民政府: a level's alternatives in brackets hold a 、 (units66b)
        choice = next((m for m in rules.level_choice.finditer(text, pos, limit) if m.start() < end < m.end()), None)
        if choice is None:
            break
        end = _NAME_RUN.match(text, choice.end(), limit).end()  # type: ignore[union-attr]
    return end


def _joint_name_ends(
    text: str, pos: int, any_start: bool, registry: Registry, rules: Rules, collective: bool
) -> list[int]:
    """Ends of one joint body named by two organs of a level before a shared head (县委、县政府督查室)."""
    match = rules.joint_organs.match(text, pos)
    if match is None:
        return []
    second = match.start("second")
    return [e for e in name_ends(text, second, any_start, registry, rules, collective) if e > match.end()]


def _one_group(text: str, start: int, end: int, rules: Rules) -> bool:
    """Whether a coordination whose first item is a unit still names one body: it closes with a group head (…等群团组织)
    and no later item has a level of its own (县总工会、县妇联等群团组织 are units of their own)."""
    if not text.endswith(rules.words["group_heads"], start, end):
        return False
    return not any(leveled_at(text, s, rules) for s, _ in split_items(text, start, end, "、")[1:])


def _joint_level_ends(
    text: str, pos: int, any_start: bool, registry: Registry, rules: Rules, collective: bool
) -> list[int]:
    """Ends of one name for the organs of several levels before one organ (市、区人民政府, 县、乡党委): levels joined
    by 、, then a name of the last level; none where that name is a level's kinds (县(市)人民政府). The last level may be
    one no name opens with alone (省、自治区、直辖市人民政府, 县、自治县、市辖区人民政府): the levels before it open the name."""
    match = rules.joint_levels.match(text, pos)
    if match is None:
        return []
    if leveled_at(text, match.end(), rules):
        return name_ends(text, match.end(), any_start, registry, rules, collective)
    if text.startswith(rules.words["level_nouns"], match.end()):
        return name_ends(text, match.end(), True, registry, rules, collective)
    return []


def _suffix_name_ends(
    text: str, pos: int, any_start: bool, known: int | None, rules: Rules, collective: bool
) -> list[int]:
    """Ends of the unregistered names at ``pos``, each at a jieba word end, so that a name never ends
    inside a word (党组 inside 党组织, 纪检委 inside 纪检委员)."""
    w = rules.words
    leveled = any_start or known is not None or leveled_at(text, pos, rules)  # 教育部发展规划司: a registered unit's own body
    stop = _name_run_end(text, pos, rules)
    cues = rules.collective_cues if collective else rules.plain_cues
    if not leveled and cues.search(text, pos, stop) is None:
        return []
    if not collective and not _name_end_within(text, pos, stop, rules, known + 1 if known is not None else 0):
        return []  # no word a name can end with within reach (past a registered name): no name, decided before any cut
    ends = []
    found = tokens(text, pos, stop)
    depth = 0
    for s, end in found:
        word = text[s:end]
        breaks = breaks_name(word, rules) and not _group_word(word, rules)  # 督查指导组: 指导 opens the group's word
        breaks = breaks and not inside_name(text[pos:s], word, text[end:stop], rules)  # 绿化指导站, 县海洋与渔业局
        if not depth and (breaks or (s > pos and verb_before_name(word, text, end, rules))):
            break  # 支持村党支部…, 领导小组下设办公室, 镇村两级全部…, 区城管局督导各街道: no name runs past such a word
        if not _BRACKETS.isdisjoint(word):  # most words hold none: one set test, not a generator per word
            depth += sum(map(word.count, OPEN)) - sum(map(word.count, CLOSE))  # 各街镇(经开区): 经 is no breaker there
        if end >= max(pos + 2, known or 0) and end != known:
            if _is_name(text[pos:end], text[pos:found[0][1]], leveled, rules, collective):
                ends.append(end)
    return ends


def _name_end_within(text: str, pos: int, stop: int, rules: Rules, least: int = 0) -> bool:
    """Whether a word a name not collective may end with (a unit suffix, a body, a group or office word; a closing bracket,
    after which second_plate_head reads the name before it), starting at ``pos`` or after, ends in text[least:stop + 1]
    (``least`` at least pos + 2, a name's shortest end): every name ``_is_name`` takes without ``collective`` ends with one,
    so a window holding none yields no name. The alternation tries the longest word first, so where the word found at a
    start ends too soon every other word there does too, and the search goes on from the next character."""
    least = max(least, pos + 2)
    at = pos
    while (found := rules.name_end_cues.search(text, at, stop)) is not None:
        if found.end() >= least:
            return True
        at = found.start() + 1
    return False


def _is_name(name: str, first_word: str, leveled: bool, rules: Rules, collective: bool) -> bool:
    """Whether ``name``, free of name breakers, names a unit the registry does not know."""
    w = rules.words
    if not balanced(name) or reports_to_level(name, rules):
        return False  # 镇规建办报区建管委: a unit reporting to another
    name = second_plate_head(name, rules)
    place = _plain_place(name, rules)
    if collective and name in w["collective_words"]:
        return True  # 物业公司, 业委会: every estate's company or committee, named as a collective (units38b)
    if place in w["category_places"]:
        return False  # 贫困村党支部, 由基层党委给予…: every unit of a kind, also after an agent marker
    if leveled and _ends_in_suffix(name, rules) and not _joins_units(name[:-1], rules) or name in w["definite_bodies"]:
        return True  # 市政务数据主管部门和政务部门 is two names, not one
    if _working_group(name, rules):
        return True  # 综合协调组, 督查指导组: a group a plan sets up, named by its function
    if not plain_start(first_word, rules):
        return False  # 建立党委…: a verb, not a name, begins the clause
    false_starts = w["level_false_starts"] if collective else (*w["level_false_starts"], *w["place_false_starts"])
    if place is not None and not _joins_units(place, rules) and not name.startswith(false_starts):
        return True  # 局党委, 新北国啤酒党支部; not 贫困村党支部 (every poor village's), 企业党委和纪委, 旗下子公司, nor 该公司
    if _short_office(name, rules):
        return True  # 营商办, 规建生态办: a town's office named short
    return collective and is_collective(name, rules)


def _ends_in_suffix(name: str, rules: Rules) -> bool:
    """Whether a name ends in a unit suffix, not in an adverb after a unit (市体育总会, not 市政府总会及时研究…)."""
    if not name.endswith(rules.suffixes):
        return False
    adverb = next((a for a in rules.words["adverb_suffixes"] if name.endswith(a)), None)
    return adverb is None or not name.endswith(rules.unit_ends, 0, len(name) - len(adverb))


def _plain_place(name: str, rules: Rules) -> str | None:
    """What a name holds before the organisation word it ends with (新北国啤酒 of 新北国啤酒党支部, 三级 of 三级医院), if any."""
    suffixes = rules.words["plain_name_suffixes"]
    if not name.endswith(suffixes):
        return None  # most names asked end in none: one test, not one per suffix
    return next((name[:-len(s)] for s in suffixes if name.endswith(s) and len(name) > len(s)), None)


def _short_office(name: str, rules: Rules) -> bool:
    """A town's office named short without a level (营商办, 房管办, 规建生态办, 城管中队): a sector word, then the office word
    as a word of its own (督办, 交办 are verbs: one word), or one word ending in an office's word (会展中心, 公安分局); or a
    bureau's section, ended by its character wherever jieba cuts (组织/人事科, 医政医/管科)."""
    w = rules.words
    if len(name) > int(w["office_chars"]) or not name.endswith(w["office_ends"]):
        return False
    if name.startswith(w["place_false_starts"]):
        return False  # 本办, 我办: the issuer speaking of itself
    name_words = words(name)
    last = name_words[-1]
    if last.endswith(w["section_ends"]) and last not in w["section_false_words"]:  # 组织/人事科, 医政医/管科: a section
        return len(name) - 1 >= int(w["office_sector_chars"])
    if len(name_words) == 1:  # 会展中心, 公安分局: one word that ends in an office's word longer than it; 消防站 as it stands
        return name in w["office_names"] or _office_word(name, rules)
    if last in w["office_ends"]:  # 规建/办, 党建/科: a sector word of two characters at least (县/科 of a cut 县科技局 is none)
        return len(name) - len(last) >= int(w["office_sector_chars"])
    return last.endswith(tuple(w["bureau_words"])) and _office_word(last, rules)  # 观光/旅游局


def _office_word(word: str, rules: Rules) -> bool:
    """Whether one word is a sector word then an office's word (会展中心, 消防局), not a word that only ends like one (格局, 该局)
    nor an office's word with one character before it (分局, 总局: a branch or a head office named by its kind)."""
    w = rules.words
    sector = int(w["office_sector_chars"])
    return not word.endswith(tuple(w["office_false_words"])) and any(
        word.endswith(o) and len(word) >= len(o) + sector for o in w["office_words"]
    )


def _working_group(name: str, rules: Rules) -> bool:
    """A group a plan or its body sets up, named short by its function (综合协调组, 宣传报道组, 督查指导组, 秘书组): at most
    ``group_chars`` characters whose last word ends in a group word (not a word naming no body: 机组, 重组, 班组), no
    word a name cannot hold, nor a reference (本组, 该组); the function may be a verb (综合, 督查), as in no other name."""
    w = rules.words
    if not name.endswith(w["group_ends"]):
        return False
    if len(name) > int(w["group_chars"]):
        return _body_group(name, rules)
    if name.startswith(w["place_false_starts"]) or not name[:1].isalpha():
        return False  # 本组, 该组: the group speaking of itself; 3组: a count
    *before, last = words(name)
    if breaks_within([*before, last], rules):
        return False  # 成立工作组, 对督查组: a clause, not a name (宣传引导组: the verb names the group's function)
    if before and last in w["function_group_heads"]:  # 协调/小组, 防汛/工作/小组; not 两个/小组
        return not any(word.endswith(tuple(w["group_quantifiers"])) or word.startswith(tuple(w["group_quantifiers"]))
                       for word in before)
    return (bool(before) and last in w["group_ends"]) or _group_word(last, rules)  # 宣传报道/组, 协调组


def _body_group(name: str, rules: Rules) -> bool:
    """A body's group named after the body (领导小组办公室督查指导组): a name that ends like a unit or a notice's own body,
    then a working group of its own."""
    w = rules.words
    for _, end in _word_ends(words(name))[:-1]:
        body = name[:end]
        if (body.endswith(rules.unit_ends) or body in w["definite_bodies"]) and _working_group(name[end:], rules):
            return True
    return False


def _group_word(word: str, rules: Rules) -> bool:
    """Whether a word names a group by what it does (协调组, 指导组, 专家组: a name breaker's word may open it), not a
    word that names no body (机组, 资产重组, 班组)."""
    w = rules.words
    return len(word) > 1 and word.endswith(w["group_ends"]) and not word.endswith(w["group_non_bodies"])


def _joins_units(text: str, rules: Rules) -> bool:
    """Whether a unit name ends right before a conjunction in ``text`` (企业党委和…: a list, not one name)."""
    for conjunction in rules.words["conjunctions"]:  # only where one stands, not at every character
        at = text.find(conjunction, 1)
        while 0 < at < len(text):
            if text.endswith(rules.unit_ends, 0, at):
                return True
            at = text.find(conjunction, at + 1)
    return False


def anchored(name: str, registry: Registry, rules: Rules) -> bool:
    """Whether a name points at particular units: a unit name, or a collective with a level or 各 (各非公企业)."""
    w = rules.words
    starts = [p for p in w["sentence_prefixes"] if p not in w["collective_words"]]
    return looks_like_unit(name, registry, rules) or any(name.startswith(p) for p in starts)
