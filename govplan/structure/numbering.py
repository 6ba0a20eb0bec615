"""Numbering styles, read from language data: recognise heading numbers at line starts and
inline item markers (一是…二是…) inside paragraphs."""

from __future__ import annotations

import re
import re._constants as _sre_constants  # the pattern parser, to read which characters a style starts with
import re._parser as _sre_parser
from dataclasses import dataclass, replace
from functools import cache, cached_property, lru_cache

from typing import Any

from govplan.numerals import NumeralError, cn_to_int
from govplan.datafiles import load_data
from govplan.grammar import compile_pattern, expand
from govplan.textmemo import text_memo

_FILE = "govplan/data/numbering.yaml"

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


@dataclass(frozen=True)
class LineStyle:
    key: str
    written: str  # the pattern as numbering.yaml writes it, compiled on first use (a process pays for the styles it meets)
    numeral: str
    segment: str
    damaged: bool = False
    strict: bool = False
    under: str | None = None  # the style of the item a decimal number's prefix numbers (1.2 under 1.)
    needs_child: bool = False  # a heading only where its first decimal child follows (or it continues)
    opens_confirmed: bool = False  # strict, yet it opens a new list (as 1) where its next number follows
    bare: bool = False  # a number whose separator the copy lost (1组织好…)
    in_bare_run: bool = False  # a heading only as the next number of an open list of bare numbers (3日常管理…)
    opens_line: bool = False  # a heading only where it opens its line (…文件后 2 个月完成: inside one, a quantity)
    beside: frozenset[str] = frozenset()  # styles of the items it stands beside, in their group, not inside

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """The style's pattern, compiled the first time a number is tried against it."""
        return compile_pattern(self.written, _FILE)


@dataclass(frozen=True)
class HeadingNumber:
    """A heading number found at the start of a line (offsets relative to the stripped line)."""

    style: str
    value: int
    segment: str
    number_end: int
    damaged: bool = False  # the source damaged the number ("三)"): no number is recorded
    strict: bool = False  # a heading only where it is exactly the next number of an open list
    under: str | None = None  # a decimal number's parent style, and the value its prefix gives it
    parent: int | None = None
    needs_child: bool = False  # a heading only where its first decimal child follows (or it continues)
    opens_confirmed: bool = False  # strict, yet it opens a new list (as 1) where its next number follows
    bare: bool = False  # a number whose separator the copy lost (1组织好…)
    in_bare_run: bool = False  # a heading only as the next number of an open list of bare numbers (3日常管理…)
    opens_line: bool = False  # a heading only where it opens its line (…文件后 2 个月完成: inside one, a quantity)


@dataclass(frozen=True)
class Midline:
    """Where a heading number may stand inside a line (numbering.yaml, midline)."""

    after_sentence: str
    after_clause: str
    digit_joiners: str  # a colon between two digits (a ratio 9.1:56.5, a time 14:30) is no boundary
    min_blanks: int
    single_blank: bool  # one blank is a boundary as a sentence end is
    styles: frozenset[str]
    new_list_styles: frozenset[str]
    glued_item_styles: frozenset[str]
    prose_styles: frozenset[str]
    prose_number: re.Pattern[str]  # a number of those styles glued to prose (…集聚发展7.狠抓…)
    announcing: re.Pattern[str]  # a lead-in announcing the list after it (以下五个方面：)
    after_note: re.Pattern[str]  # a bracketed note closing a sentence ((省发改委负责)): the item ends after it
    run_on: re.Pattern[str]  # a heading phrase ending in a colon, its first item run on after it (农村危房改造:)
    after_title: re.Pattern[str]  # a title's document kind right before the outline's first number (实施方案一、)
    first_chars: frozenset[str] | None  # characters a number of these styles can start with (None: any)
    glued_first_chars: frozenset[str] | None  # characters a number of the glued-item styles can start with


@dataclass(frozen=True)
class InlineStyle:
    key: str
    marker: str
    numerals: tuple[str, ...]
    word_marker: bool = False  # the marker is a word (一是, 一要): it may follow a lost full stop
    bare_marker: str | None = None  # what an item reads as when the source lost its numeral (是)
    cells_only: bool = False  # only inside a table cell (1.…2.… scoring rules)
    segment: str = ""  # how an item appears in a task id ({n}: the numeral); the marker by default


@dataclass(frozen=True)
class Numbering:
    """All numbering knowledge of the data file, compiled."""

    line_styles: tuple[LineStyle, ...]
    attachment: re.Pattern[str]
    attachment_segment: str
    attachment_list: re.Pattern[str]
    attachment_item: re.Pattern[str]
    attachment_lead_in: re.Pattern[str]  # a line's end opening a list of labelled entries (附件：, 本协议附件包括：)
    attachment_number: re.Pattern[str]  # an entry's number alone on its line, its title on the next (1. / title)
    transmittal: re.Pattern[str]  # the titles a transmittal sentence names (《A》和《B》…现印发给你们)
    cited_attachment: re.Pattern[str]  # an attachment the text cites in brackets (（附件1）)
    restart_title: re.Pattern[str]  # a document's title above a restart of the first level (…目标任务分解 / 一、)
    remark_list: re.Pattern[str]  # a remark's numbered items opening after its label (备注：1.…)
    inline_styles: tuple[InlineStyle, ...]
    inline_style_of: dict[str, InlineStyle]  # the first inline style of each key that is not for cells only
    clause_starts: str
    cell_clause_starts: str  # inside a table cell, where paragraphs were joined with a blank
    dot_before_date: re.Pattern[str]  # digits after 1. that open a date (1.4月底前), not a decimal's (1.5分)
    bare_marker_not_before: tuple[str, ...]  # 是否, 是以…: a sentence may begin so
    bare_run_starts: str  # where a run whose numerals were all lost may start (after a full stop, not ；)
    # what every inline run's first item holds (find_inline_items' quick test): searched anywhere, matched at the start
    inline_opening: tuple[re.Pattern[str], re.Pattern[str]]
    max_title_chars: int
    max_inline_depth: int  # inline lists nest at most this deep (一是 → (1) → ①)
    paragraph_points: tuple[str, ...]  # inline styles whose points, opening lines over a list, are headings
    midline: Midline
    max_gap: int  # a number this far past the expected one still continues its list when confirmed
    hidden_text: re.Pattern[str]  # a sharing site's mark that it left text out (此处隐藏5001个字)
    glued_reference_words: tuple[str, ...]  # a number glued after one of these names an attachment (如附件(1))
    enclosed: dict[str, str]  # an enclosed number (㈠ ⑴ ⒈) and the number it stands for ((一) (1) 1.)
    numerals: dict[str, tuple[str, ...]]  # how a number given by place is written ({n:cn})
    capital_variants: dict[str, str]  # other forms of a capital numeral (参 for 叁)
    misread_numerals: dict[int, str]  # what OCR reads in place of a Chinese numeral (— for 一), as a translate table
    rank: dict[str, int]  # a style's place in the conventional order of levels (0: the highest)
    beside: dict[str, frozenset[str]]  # a style and the item styles it stands beside (专栏N beside 1. 2.)
    first_chars: frozenset[str] | None  # characters a heading number can start with (None: any)
    # the line styles, in order, a heading number starting with each character may be of (None: any may be)
    styles_by_first: dict[str, tuple[LineStyle, ...]] | None

    def attachment_id(self, number: str, kind: str | None = None) -> str:
        """The id segment of an attachment: its label's kind (件 of 附件, 表 of 附表; 件 where none is written) and number."""
        return self.attachment_segment.replace("{kind}", kind or "件").replace("{n}", number)


@lru_cache(maxsize=1)
def numbering() -> Numbering:
    data = load_data("numbering.yaml")
    styles = tuple(
        LineStyle(
            s["key"], s["pattern"], s["numeral"], s["segment"],
            bool(s.get("damaged", False)), bool(s.get("strict", False)), s.get("under"),
            bool(s.get("needs_child", False)), bool(s.get("opens_confirmed", False)), bool(s.get("bare", False)),
            bool(s.get("in_bare_run", False)), bool(s.get("opens_line", False)), frozenset(s.get("beside", ())),
        )
        for s in data["line_styles"]
    )
    mid = data["midline"]
    enclosed = _enclosed(data)
    inline_styles = tuple(
        InlineStyle(
            s["key"], s["marker"], tuple(data["numerals"][s["numerals"]]),
            bool(s.get("word_marker", False)), s.get("bare_marker"), bool(s.get("cells_only", False)),
            s.get("segment") or s["marker"],
        )
        for s in data["inline_styles"]
    )
    return Numbering(
        line_styles=styles,
        attachment=compile_pattern(data["attachment"]["pattern"], _FILE),
        attachment_segment=data["attachment"]["segment"],
        attachment_list=compile_pattern(data["attachment_list"]["pattern"], _FILE),
        attachment_item=compile_pattern(data["attachment_list"]["item"], _FILE),
        attachment_lead_in=compile_pattern(data["attachment_list"]["lead_in"], _FILE),
        attachment_number=compile_pattern(data["attachment_list"]["number_alone"], _FILE),
        transmittal=compile_pattern(data["transmittal"], _FILE),
        cited_attachment=compile_pattern(data["cited_attachment"], _FILE),
        restart_title=compile_pattern(data["restart_title"], _FILE),
        remark_list=compile_pattern(data["remark_list"], _FILE),
        inline_styles=inline_styles,
        inline_style_of=_inline_style_of(inline_styles),
        clause_starts=data["inline_clause_starts"],
        cell_clause_starts=data["inline_clause_starts"] + data["cell_clause_starts"],
        dot_before_date=compile_pattern(data["dot_before_date"], _FILE),
        bare_marker_not_before=tuple(data["bare_marker_not_before"]),
        bare_run_starts=data["bare_run_starts"],
        inline_opening=_inline_opening(inline_styles, data["bare_run_starts"]),
        max_title_chars=int(data["max_title_chars"]),
        max_inline_depth=int(data["max_inline_depth"]),
        paragraph_points=tuple(data.get("paragraph_points", ())),
        midline=Midline(
            mid["after_sentence"], mid["after_clause"], mid.get("digit_joiners", ""), int(mid["min_blanks"]), bool(mid.get("single_blank", False)),
            frozenset(mid["styles"]),
            frozenset(mid["new_list_styles"]), frozenset(mid["glued_item_styles"]), frozenset(mid["prose_styles"]),
            compile_pattern(mid["prose_number"], _FILE),
            compile_pattern(mid["announcing"], _FILE), compile_pattern(mid["after_note"], _FILE),
            compile_pattern(mid["run_on"], _FILE), compile_pattern(mid["after_title"], _FILE),
            _first_chars_of(styles, enclosed, frozenset(mid["styles"])),
            _first_chars_of(styles, enclosed, frozenset(mid["glued_item_styles"])),
        ),
        max_gap=int(data["max_gap"]),
        hidden_text=compile_pattern(data["hidden_text"], _FILE),
        glued_reference_words=tuple(data["glued_reference_words"]),
        enclosed=enclosed,
        numerals={kind: tuple(words) for kind, words in data["numerals"].items()},
        capital_variants=dict(data.get("capital_variants", {})),
        misread_numerals=str.maketrans(data.get("misread_numerals", {})),
        rank={key: place for place, key in enumerate(data["conventional_order"])},
        beside={style.key: style.beside for style in styles if style.beside},
        first_chars=_first_chars(styles, enclosed),
        styles_by_first=_styles_by_first(styles),
    )


def place_segment(segment: str, value: int) -> str:
    """The id segment of an item numbered by its place: {n} as a digit, {n:cn} as a Chinese numeral."""
    cn = numbering().numerals["cn"]
    return segment.replace("{n:cn}", cn[value - 1] if 0 < value <= len(cn) else str(value)).replace("{n}", str(value))


def segment_at_place(key: str, value: int) -> str | None:
    """The id segment an item of line style ``key`` takes at place ``value`` ((四) for the fourth
    (一)-style item), or None for styles whose ids hold words besides the number (第一部分, 行动一)."""
    form = _place_form(key)
    if form is None:
        return None
    template, numerals = form
    numeral = numerals[value - 1] if 0 < value <= len(numerals) else (str(value) if numerals[0].isdigit() else None)
    return template.replace("{n}", numeral) if numeral else None


def is_segment_of(key: str, segment: str) -> bool:
    """Whether ``segment`` is the id segment of an item of line style ``key`` (any number)."""
    form = _place_form(key)
    if form is None:
        return False
    before, _, after = form[0].partition("{n}")
    number = segment[len(before):len(segment) - len(after)] if segment.startswith(before) and segment.endswith(after) else ""
    return bool(number) and (number in form[1] or (number.isdigit() and form[1][0].isdigit()))


@lru_cache(maxsize=None)
def _place_form(key: str) -> tuple[str, tuple[str, ...]] | None:
    """The id template of line style ``key`` and the numerals its number is written in, where the
    template holds the number ({n}) and nothing else to fill."""
    data = numbering()
    for style in data.line_styles:
        if style.key == key and style.numeral in data.numerals and style.segment.count("{") == 1 and "{n}" in style.segment:
            return style.segment, data.numerals[style.numeral]
    return None


def _enclosed(data: dict[str, Any]) -> dict[str, str]:
    """Each enclosed number character and the written number it reads as (㈢ → (三))."""
    readings: dict[str, str] = {}
    for form in data.get("enclosed", []):
        numerals = data["numerals"][form["numerals"]]
        for ch, numeral in zip(form["chars"], numerals):
            readings[ch] = form["reads_as"].replace("{n}", numeral)
    return readings


def _inline_style_of(styles: tuple[InlineStyle, ...]) -> dict[str, InlineStyle]:
    """Each key's first inline style outside cells-only ones: a heading's own number continued inline
    ("(1)…。(2)…") looks its style up by key, and most keys (一、, 1.) are no inline style at all."""
    found: dict[str, InlineStyle] = {}
    for style in styles:
        if not style.cells_only:
            found.setdefault(style.key, style)
    return found


def _inline_opening(styles: tuple[InlineStyle, ...], bare_starts: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What the first item of every inline run holds: its style's first marker (一是, (1)…) anywhere, or
    a bare marker (是) opening a sentence or the text (_bare_run: blanks may stand between). Every branch
    of the first pattern opens with a literal, which lets re skip to where one stands."""
    firsts = [re.escape(style.marker.replace("{n}", style.numerals[0])) for style in styles if style.numerals]
    bare = "|".join(sorted({re.escape(style.bare_marker) for style in styles if style.bare_marker})) or "(?!)"
    after_starts = [f"{re.escape(ch)}[ \t]*(?:{bare})" for ch in dict.fromkeys(bare_starts + _CLAUSE_OPENERS)]
    return re.compile("|".join([*firsts, *after_starts])), re.compile(f"[ \t]*(?:{bare})")


def _first_chars(styles: tuple[LineStyle, ...], enclosed: dict[str, str]) -> frozenset[str] | None:
    """Every character a heading number of some style can start with, read from the styles'
    patterns (a quick test before matching), or None when a pattern could start with anything."""
    found: set[str] = set(enclosed)
    for style in styles:
        chars = _style_firsts(style.written)
        if chars is None:
            return None
        found |= chars
    return frozenset(found)


def _first_chars_of(styles: tuple[LineStyle, ...], enclosed: dict[str, str], keys: frozenset[str]) -> frozenset[str] | None:
    """The characters a number of the styles ``keys`` (those that stand inside lines, or those glued
    to a heading phrase) can start with: their patterns' first characters, and the enclosed numbers
    read as one of them (⑴ as (1)). No other character (工作, 行动: the words of a named ordinal;
    一 for a glued item) starts such a number, so a scan for one passes it by."""
    chars = _first_chars(tuple(style for style in styles if style.key in keys), {})
    if chars is None:
        return None
    return chars | {ch for ch, reading in enclosed.items() if reading[:1] in chars}


def _styles_by_first(styles: tuple[LineStyle, ...]) -> dict[str, tuple[LineStyle, ...]] | None:
    """For each character some style's number can start with, the styles (in their order) whose can:
    a line is tried against those only; None when a pattern could start with anything."""
    firsts = [_style_firsts(style.written) for style in styles]
    if any(chars is None for chars in firsts):
        return None
    every = set().union(*firsts)  # type: ignore[arg-type]
    return {ch: tuple(style for style, chars in zip(styles, firsts) if ch in chars) for ch in every}  # type: ignore[operator]


@cache
def _style_firsts(written: str) -> frozenset[str] | None:
    """The characters a style's numbers can start with, its pattern parsed (a quarter of a compile,
    which waits for the first number tried against the style) once for every set of styles asking."""
    try:
        parsed = _sre_parser.parse(expand(written, _FILE))
    except re.error:
        compile_pattern(written, _FILE)  # raises the grammar's own error (E208) for the pattern
        raise
    chars = _pattern_firsts(parsed)
    return None if chars is None else frozenset(chars)


def _pattern_firsts(parsed: Any) -> set[str] | None:
    """The characters a parsed pattern's matches can start with (None: any, or too many)."""
    chars, nullable = _sequence_firsts(parsed)
    return None if nullable else chars


def _sequence_firsts(parsed: Any) -> tuple[set[str] | None, bool]:
    """The first characters of a sequence of pattern items and whether it can match nothing: an
    optional item ({0,2}, ?) adds its first characters to those of what follows it."""
    found: set[str] = set()
    for op, arg in parsed:
        if op in (_sre_constants.AT, _sre_constants.ASSERT, _sre_constants.ASSERT_NOT):
            continue  # anchors and lookarounds consume nothing
        chars, nullable = _item_firsts(op, arg)
        if chars is None:
            return None, False
        found |= chars
        if not nullable:
            return found, False
    return found, True


def _item_firsts(op: Any, arg: Any) -> tuple[set[str] | None, bool]:
    """The first characters of one pattern item (None: any, or too many) and whether it can match nothing."""
    c = _sre_constants
    if op is c.LITERAL:
        return {chr(arg)}, False
    if op is c.IN:
        chars: set[str] = set()
        for kind, value in arg:
            if kind is c.LITERAL:
                chars.add(chr(value))
            elif kind is c.RANGE and value[1] - value[0] < 512:
                chars.update(chr(x) for x in range(value[0], value[1] + 1))
            elif kind is c.CATEGORY and value is c.CATEGORY_DIGIT:
                chars.update("0123456789")
            else:
                return None, False
        return chars, False
    if op is c.SUBPATTERN:
        return _sequence_firsts(arg[-1])
    if op is c.BRANCH:
        union: set[str] = set()
        empty = False
        for branch in arg[1]:
            chars_of, nullable = _sequence_firsts(branch)
            if chars_of is None:
                return None, False
            union |= chars_of
            empty = empty or nullable
        return union, empty
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
        chars_of, nullable = _sequence_firsts(arg[2])
        return chars_of, nullable or arg[0] == 0
    return None, False


def numeral_value(text: str, kind: str) -> int | None:
    """The integer a heading number denotes, or None when it is not a number of that kind."""
    try:
        if kind == "arabic":
            return int(text)
        if kind == "circled":
            return CIRCLED.index(text) + 1
        if kind == "cn":
            return cn_to_int(text)
        if kind == "capital":
            return _capital_value(text)
    except (ValueError, NumeralError):
        return None
    return None


def _capital_value(text: str) -> int | None:
    """The value of a capital numeral (壹 → 1, 拾贰 → 12), or None."""
    data = numbering()
    digits = data.numerals["capital"]
    chars = [data.capital_variants.get(ch, ch) for ch in text]
    if any(ch not in digits for ch in chars):
        return None
    if len(chars) == 2 and chars[0] == digits[9]:
        return 10 + digits.index(chars[1]) + 1
    return digits.index(chars[0]) + 1 if len(chars) == 1 else None


def capital_numeral(value: int) -> str:
    """A capital numeral as an id writes it (12 → 拾贰)."""
    digits = numbering().numerals["capital"]
    return digits[value - 1] if value <= 10 else digits[9] + digits[value - 11]


@text_memo(maxsize=1 << 13)
def match_heading(stripped: str) -> HeadingNumber | None:
    """The heading number a stripped line starts with, if any (memoised: the splitter, the tree
    and the annotators ask about the same lines).

    Unnumbered list items (—— lead-ins) get value 0 and keep "{n}" in their segment: the tree
    numbers them by position.
    """
    return heading_at(stripped, 0)


_CLAUSE_OPENERS = "—”\""  # a marker right after one of these begins a clause, whatever the clause starts
_WINDOW = 24  # characters a heading number and what it must be followed by fit in


def heading_at(text: str, pos: int) -> HeadingNumber | None:
    """The heading number that starts at ``text[pos]``, if any (``number_end`` relative to ``pos``)."""
    data = numbering()
    if pos >= len(text) or (data.first_chars is not None and text[pos] not in data.first_chars):
        return None
    return _heading_in(text[pos:pos + _WINDOW])


@text_memo(maxsize=1 << 14)
def _heading_in(window: str) -> HeadingNumber | None:
    """The heading number ``window`` starts with (memoised: boundaries inside lines repeat); an
    enclosed number (⑴) is read as the number it stands for, its end mapped back to the one character."""
    reading = numbering().enclosed.get(window[:1])
    if reading is None:
        return _styled_heading(window)
    heading = _styled_heading(reading + window[1:])
    if heading is None or heading.number_end < len(reading):
        return None
    return replace(heading, number_end=heading.number_end - len(reading) + 1)


def _styled_heading(window: str) -> HeadingNumber | None:
    """The heading number of the first line style that ``window`` starts with (tried only against
    the styles whose numbers can start with its first character)."""
    data = numbering()
    by_first = data.styles_by_first
    for style in data.line_styles if by_first is None else by_first.get(window[:1], ()):
        match = style.pattern.match(window)
        if not match:
            continue
        raw = match.group("n") if "n" in style.pattern.groupindex and style.numeral != "auto" else ""
        if style.numeral == "cn":
            raw = raw.translate(numbering().misread_numerals)  # a label OCR misread (—、) reads as its numeral
        value = 0 if style.numeral == "auto" else numeral_value(raw, style.numeral)
        if value is None:
            continue
        written = str(value) if style.numeral == "arabic" else capital_numeral(value) if style.numeral == "capital" else raw
        segment = style.segment if style.numeral == "auto" else style.segment.replace("{n}", written)
        for name, part in match.groupdict().items():
            if name != "n" and part is not None:
                segment = segment.replace("{" + name + "}", part)
        parent = int(match.group("p")) if style.under and match.group("p") else None
        return HeadingNumber(style.key, value, segment, match.end(), style.damaged, style.strict, style.under, parent,
                             style.needs_child, style.opens_confirmed, style.bare, style.in_bare_run, style.opens_line)
    return None


@dataclass(frozen=True)
class InlineItem:
    """An inline item marker inside a text: where it starts and where its marker ends."""

    style: str
    value: int
    segment: str
    start: int
    marker_end: int
    numeral_written: bool = True  # False where the source lost it (。是推进…): numbered by position


def find_inline_items(text: str, inside: str | None = None, in_cell: bool = False) -> list[InlineItem]:
    """The first inline sequence (一是, 二是, …) in ``text``, markers at clause starts.

    Tries each inline style, and for styles with a bare marker a run whose numerals the source
    lost (。是…。是…); keeps the run that starts earliest; a run must reach two items. In the text
    of an item of style ``inside``, a run of that same style is a sub-list only when a colon
    introduces it (打造了三项品牌:一是…二是…); otherwise it would repeat the item's own list.
    Inside a table cell (``in_cell``) the cells-only styles count too (1.…2.…, or a lone 1. that
    opens the cell), and a marker may also follow a blank or a closing bracket (the cell's
    paragraphs were joined with a blank).
    """
    data = numbering()
    anywhere, at_start = data.inline_opening
    if not anywhere.search(text) and not at_start.match(text):
        return []  # most texts: no style's first item stands in them
    best: list[InlineItem] = []
    for style in data.inline_styles:
        if style.cells_only and not in_cell:
            continue
        for items in (inline_run(text, style.key, 1, in_cell, style), _bare_run(text, style)):
            alone = style.cells_only and len(items) == 1 and not text[:items[0].start].strip()
            if (len(items) < 2 and not alone) or (best and items[0].start >= best[0].start):
                continue
            if style.key != inside or text[:items[0].start].rstrip().endswith((":", "：")):
                best = items
    return best


def inline_run(
    text: str, key: str, first: int, in_cell: bool = False, style: InlineStyle | None = None
) -> list[InlineItem]:
    """Consecutive markers of inline style ``key`` in ``text``, numbered from ``first``.

    Markers stand at clause starts; where the source lost the full stop before one, a word
    marker still counts when jieba starts a word at it (…作战部一是增强…, but not 统一是), and
    once a run has begun any later marker counts. Inside a run, an item whose numeral the source
    lost (。是推进公正司法。) takes the next number.
    """
    data = numbering()
    style = style or data.inline_style_of.get(key)
    if style is None:
        return []
    starts = data.cell_clause_starts if in_cell else data.clause_starts
    items: list[InlineItem] = []
    search_from = 0
    for value, numeral in enumerate(style.numerals[first - 1 :], start=first):
        marker = style.marker.replace("{n}", numeral)
        pos, length = _clause_start_find(text, marker, search_from, starts, in_cell), len(marker)
        if pos < 0 and (items or style.word_marker):
            pos = _loose_find(text, marker, search_from, style.numerals)
            while pos >= 0 and not items and not _starts_word(text, pos):
                pos = _loose_find(text, marker, pos + 1, style.numerals)
        written = True
        if pos < 0 and items and style.bare_marker:
            pos, length, written = _bare_find(text, style.bare_marker, search_from), len(style.bare_marker), False
        if pos < 0:
            break
        items.append(InlineItem(style.key, value, style.segment.replace("{n}", numeral), pos, pos + length, written))
        search_from = pos + length
    return items


def _bare_run(text: str, style: InlineStyle) -> list[InlineItem]:
    """A run all of whose numerals the source lost: two or more sentences reading 是…, numbered by
    position (一是, 二是, …); a clause after ； reading 是… is a predicate, not a lost item."""
    if not style.bare_marker:
        return []
    starts = numbering().bare_run_starts
    items: list[InlineItem] = []
    pos = _bare_find(text, style.bare_marker, 0, starts, openers="")
    while pos >= 0 and len(items) < len(style.numerals):
        marker = style.marker.replace("{n}", style.numerals[len(items)])
        items.append(InlineItem(style.key, len(items) + 1, marker, pos, pos + len(style.bare_marker), False))
        pos = _bare_find(text, style.bare_marker, pos + len(style.bare_marker), starts, openers="")
    return items


def _bare_find(text: str, bare: str, start: int, starts: str | None = None, openers: str = _CLAUSE_OPENERS) -> int:
    """Index of a clause that begins with the bare marker (是推进…), not with a word that may open a
    sentence (是否, 是以…), at or after ``start`` (after one of ``starts``, the inline clause starts
    by default, or one of ``openers``: a run whose numerals were all lost opens after none, since
    a closing quote before 是 ends the quoted term the clause defines: “1”是指…，“20”是指…); or -1."""
    data = numbering()
    starts = data.clause_starts if starts is None else starts
    pos = _clause_start_find(text, bare, start, starts, openers=openers)
    while pos >= 0 and text.startswith(data.bare_marker_not_before, pos + len(bare)):
        pos = _clause_start_find(text, bare, pos + 1, starts, openers=openers)
    return pos


def _starts_word(text: str, pos: int) -> bool:
    """Whether jieba starts a word at ``pos`` (一 in 作战部一是 does, in 统一是 it does not)."""
    from govplan.lexical.segment import words_within

    edge = max(0, pos - 8)
    for word in words_within(text, edge, pos + 1):
        if edge >= pos:
            break
        edge += len(word)
    return edge == pos


def _loose_find(text: str, marker: str, start: int, numerals: tuple[str, ...]) -> int:
    """Index of ``marker`` at or after ``start`` not glued to a preceding numeral (十二是 is not 二是)."""
    pos = text.find(marker, start)
    while pos > 0 and any(text[max(0, pos - 3) : pos].endswith(n) for n in numerals):
        pos = text.find(marker, pos + 1)
    return pos


def _clause_start_find(text: str, marker: str, start: int, clause_starts: str, in_cell: bool = False,
                       openers: str = _CLAUSE_OPENERS) -> int:
    """Index of ``marker`` at or after ``start`` where it begins a clause (after one of
    ``clause_starts`` or ``openers``), or -1 (a marker ending in a full stop is no marker before a digit: 1.5分; but
    1.4月底前 opens a date)."""
    pos = text.find(marker, start)
    while pos >= 0:
        after = pos + len(marker)
        if not (marker.endswith(".") and after < len(text) and text[after].isdigit()
                and not numbering().dot_before_date.match(text, after)):
            j = pos - 1
            if in_cell and j >= 0 and text[j] in " \t":
                return pos
            while j >= 0 and text[j] in " \t":
                j -= 1
            if j < 0 or text[j] in clause_starts or text[j] in openers:
                return pos
        pos = text.find(marker, pos + 1)
    return -1
