"""Word's automatic numbering: the label (一、 （一） 1. ①) Word shows before a paragraph whose number is
not in its text but in word/numbering.xml, counted as Word counts it, so the extracted text reads as the
page does.

A paragraph is numbered by its own w:numPr or, failing that, by its paragraph style's (w:pStyle, then
w:basedOn up the chain; numId and ilvl are inherited separately, numId 0 means none). The numId names a
w:num, which names a w:abstractNum (a w:numStyleLink there leads through a numbering style to the
w:abstractNum that defines the levels). A style-linked level (w:lvl/w:pStyle) gives the level of a
paragraph numbered by that style without an ilvl of its own.

Counting (ECMA-376 §17.9 with Word's deviations, [MS-OI29500] 2.1.282):
- One counter per level per abstract numbering definition: every w:num over the same w:abstractNum
  continues the same list (1. 2. under numId 1, then 3. under numId 2), as Word does.
- A w:num's w:lvlOverride/w:startOverride restarts its level at the override value where that w:num is
  first used at that level (the same value is its start when the level restarts later); a whole w:lvl
  in the override replaces the level's format, text and start for that w:num.
- A level restarts at its start when a higher level is used (Word: any higher level, not only the one
  above); w:lvlRestart n restarts it only after levels 1…n (0: never); a value not above the level is
  ignored (ECMA), as is w:lvlRestart inside an override (Word).
- A placeholder %k shows level k's current count (its start while level k has not been used), written
  in level k's w:numFmt, or decimal throughout when the paragraph's level is w:isLgl.
- A bullet (numFmt bullet) is no number: it shows nothing, since its glyph (often a private-use
  character of the Symbol font) names no place in a list and would only put noise into spans.
- After the label, w:suff tab (the default) shows nothing after a label ending in a delimiter or an
  enclosed number (一、 1. （一） ①), as typed labels stand against their text, and a blank otherwise
  (第一章 总则); space shows a blank, nothing nothing. Never a tab: in the extracted text a tab
  separates table cells, and the heading parser reads 一、总体要求 as typed.

Input is untrusted: numbering.xml and styles.xml are read within the package budget with the hardened
parser, numbers are clamped (a start of 10^9 starts at MAX_START), level texts are cut at
MAX_LEVEL_TEXT, style and numbering-style loops end where they repeat, and the labels of one file are
counted against MAX_LABEL_CHARS (a small file numbering millions of empty paragraphs is refused).
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Callable

from govplan.errors import Errors, InputError
from govplan.readers.list_numbers import word_number
from govplan.readers.ooxml import Package, parse_part

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = _W + "val"
LEVELS = 9  # w:ilvl 0–8
MAX_START = 32767  # the largest start Word accepts
MAX_LEVEL_TEXT = 64  # characters of a level's text kept (Word's own are a few: "%1、", "第%1章")
MAX_LABEL_CHARS = 16 * 1024 * 1024  # characters all labels of one file may add up to
_NUMBERING = "/numbering"
_STYLES = "/styles"
_PLACEHOLDER = re.compile(r"%([1-9])")
_DIGITS = re.compile(r"-?\d{1,12}")

Label = Callable[[Any], str]


def list_labels(name: str, package: Package, main_part: str, body: Any) -> Label:
    """The label of each paragraph given in document order (the count runs on from call to call).
    numbering.xml is read only when a paragraph carries a w:numPr, or names a style while styles.xml
    holds one; otherwise every label is empty at no cost. styles.xml is parsed only when a label needs it."""
    direct = next(body.iter(_W + "numPr"), None) is not None
    styled = next(body.iter(_W + "pStyle"), None) is not None
    if not (direct or styled):
        return _no_label
    parts = _related_parts(name, package, main_part)
    styles = cache(lambda: _Styles.read(name, package, parts.get(_STYLES)))
    if _NUMBERING not in parts or not (direct or styles().numbering_any):
        return _no_label
    return _Counter(name, _Definitions(parse_part(name, package.read(parts[_NUMBERING]))), styles).label


def _no_label(paragraph: Any) -> str:
    return ""


def _related_parts(name: str, package: Package, main_part: str) -> dict[str, str]:
    """The numbering and styles part names the main document's relationships give (by type ending)."""
    folder, base = posixpath.split(main_part)
    rels = posixpath.join(folder, "_rels", base + ".rels")
    if rels not in package:
        return {kind: part for kind, part in ((_NUMBERING, "word/numbering.xml"), (_STYLES, "word/styles.xml")) if part in package}
    found: dict[str, str] = {}
    for rel in parse_part(name, package.read(rels)):
        kind = next((k for k in (_NUMBERING, _STYLES) if str(rel.get("Type", "")).endswith(k)), None)
        target = str(rel.get("Target", ""))
        if kind and kind not in found and rel.get("TargetMode") != "External":
            part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            if part in package:
                found[kind] = part
    return found


def _number(element: Any, child: str, default: int | None) -> int | None:
    """The integer w:val of ``element``'s child (clamped to 0…MAX_START), or ``default``."""
    found = element.find(_W + child) if element is not None else None
    match = _DIGITS.match(str(found.get(_VAL, "")).strip()) if found is not None else None
    return min(max(int(match.group()), 0), MAX_START) if match else default


def _text(element: Any, child: str) -> str | None:
    found = element.find(_W + child)
    return None if found is None else found.get(_VAL)


@dataclass(frozen=True)
class _Level:
    """One level of a list: where it starts, how its number and label are written, when it restarts."""

    start: int = 0
    fmt: str = "decimal"
    text: str | None = None
    restart: int | None = None  # w:lvlRestart: restart only after levels 1…n (0: never); None: after any higher
    legal: bool = False
    suffix: str = "tab"


def _level(lvl: Any) -> _Level:
    """A w:lvl as the label needs it (missing parts as the standard defaults them)."""
    legal = lvl.find(_W + "isLgl")
    text = _text(lvl, "lvlText")
    return _Level(
        start=_number(lvl, "start", 0) or 0,
        fmt=_text(lvl, "numFmt") or "decimal",
        text=None if text is None else text[:MAX_LEVEL_TEXT],
        restart=_number(lvl, "lvlRestart", None),
        legal=legal is not None and legal.get(_VAL, "true") not in ("false", "0", "off"),
        suffix=_text(lvl, "suff") or "tab",
    )


def _level_index(element: Any) -> int | None:
    """An element's w:ilvl attribute as a level 0–8, or None."""
    raw = str(element.get(_W + "ilvl", "")).strip()
    return int(raw) if raw.isascii() and raw.isdigit() and int(raw) < LEVELS else None


@dataclass
class _Abstract:
    """A w:abstractNum: its levels, the levels its styles are linked to, a link to a numbering style."""

    levels: dict[int, _Level] = field(default_factory=dict)
    styled_levels: dict[str, int] = field(default_factory=dict)  # paragraph style id → level (w:lvl/w:pStyle)
    style_link: str | None = None  # w:numStyleLink: the levels are those of the list this numbering style names


@dataclass(frozen=True)
class _Num:
    """A w:num: its abstract numbering and its per-level overrides."""

    abstract: str
    starts: dict[int, int]  # w:startOverride by level
    levels: dict[int, _Level]  # a whole w:lvl override by level (format, text, start: its lvlRestart is not read)


class _Definitions:
    """numbering.xml: abstract numberings and the w:num instances over them, by id (the first of an id
    counts), each read where a paragraph first uses it (a template defines many lists a text never uses)."""

    def __init__(self, root: Any) -> None:
        self._abstract_elements: dict[str, Any] = {}
        self._num_elements: dict[str, Any] = {}
        for element in root.iterchildren(_W + "abstractNum"):
            self._abstract_elements.setdefault(str(element.get(_W + "abstractNumId")), element)
        for element in root.iterchildren(_W + "num"):
            self._num_elements.setdefault(str(element.get(_W + "numId")), element)
        self._abstracts: dict[str, _Abstract] = {}
        self._nums: dict[str, _Num] = {}

    def num(self, num_id: str) -> _Num | None:
        """The w:num of an id, or None when numbering.xml has none."""
        if num_id not in self._nums and num_id in self._num_elements:
            self._nums[num_id] = self._num(self._num_elements[num_id])
        return self._nums.get(num_id)

    def abstract(self, key: str) -> _Abstract | None:
        """The w:abstractNum of an id, or None when numbering.xml has none."""
        if key not in self._abstracts and key in self._abstract_elements:
            self._abstracts[key] = self._abstract(self._abstract_elements[key])
        return self._abstracts.get(key)

    @staticmethod
    def _abstract(element: Any) -> _Abstract:
        abstract = _Abstract(style_link=_text(element, "numStyleLink"))
        for lvl in element.iterchildren(_W + "lvl"):
            index = _level_index(lvl)
            if index is not None and index not in abstract.levels:
                abstract.levels[index] = _level(lvl)
                style = _text(lvl, "pStyle")
                if style is not None:
                    abstract.styled_levels.setdefault(style, index)
        return abstract

    @staticmethod
    def _num(element: Any) -> _Num:
        starts: dict[int, int] = {}
        levels: dict[int, _Level] = {}
        for override in element.iterchildren(_W + "lvlOverride"):
            index = _level_index(override)
            if index is None:
                continue
            start = _number(override, "startOverride", None)
            if start is not None:
                starts.setdefault(index, start)
            lvl = override.find(_W + "lvl")
            if lvl is not None:
                levels.setdefault(index, _level(lvl))
        return _Num(_text(element, "abstractNumId") or "", starts, levels)

    def abstract_of(self, num: _Num, styles: Callable[[], _Styles]) -> tuple[str, _Abstract] | None:
        """The abstract numbering that defines ``num``'s levels, with its id: a numStyleLink is followed
        through the numbering style's numId (styles.xml, read only then) to the list it names."""
        key, seen = num.abstract, set()
        while (abstract := self.abstract(key)) is not None and key not in seen:
            seen.add(key)
            if abstract.style_link is None:
                return key, abstract
            linked = self.num(styles().numbering_styles.get(abstract.style_link, ""))
            if linked is None:
                return key, abstract
            key = linked.abstract
        return None


class _Styles:
    """styles.xml's paragraph styles as numbering sees them: the numId and ilvl each gives, inherited."""

    @classmethod
    def read(cls, name: str, package: Package, part: str | None) -> _Styles:
        """The styles part, parsed only when it numbers anything (its text holds a numPr)."""
        data = package.read(part) if part is not None else b""
        return cls(parse_part(name, data) if b"numPr" in data else None)

    def __init__(self, root: Any) -> None:
        self.numbering_any = root is not None
        self._own: dict[str, tuple[str | None, str | None, int | None]] = {}  # id → (basedOn, numId, ilvl)
        self.numbering_styles: dict[str, str] = {}
        self._resolved: dict[str, tuple[str | None, int | None]] = {}
        for style in root.iterchildren(_W + "style") if root is not None else ():
            style_id = str(style.get(_W + "styleId"))
            num_pr = style.find(f"{_W}pPr/{_W}numPr")
            num_id = _text(num_pr, "numId") if num_pr is not None else None
            ilvl = _number(num_pr, "ilvl", None) if num_pr is not None else None
            if style.get(_W + "type") == "numbering" and num_id is not None:
                self.numbering_styles.setdefault(style_id, num_id.strip())
            elif style.get(_W + "type", "paragraph") == "paragraph":
                based_on = _text(style, "basedOn")
                self._own.setdefault(style_id, (based_on, None if num_id is None else num_id.strip(), ilvl))

    def numbering(self, style_id: str) -> tuple[str | None, int | None]:
        """(numId, ilvl) a paragraph of this style is numbered by, each from the nearest style in the
        basedOn chain that sets it (a loop ends where it repeats)."""
        if style_id not in self._resolved:
            num_id: str | None = None
            ilvl: int | None = None
            current: str | None = style_id
            seen: set[str] = set()
            while current in self._own and current not in seen and (num_id is None or ilvl is None):
                seen.add(current)
                based_on, own_num, own_ilvl = self._own[current]
                num_id = own_num if num_id is None else num_id
                ilvl = own_ilvl if ilvl is None else ilvl
                current = based_on
            self._resolved[style_id] = (num_id, ilvl)
        return self._resolved[style_id]


class _Counter:
    """The running counts of every list in one document, and the labels they give."""

    def __init__(self, name: str, definitions: _Definitions, styles: Callable[[], _Styles]) -> None:
        self.name = name
        self.definitions = definitions
        self.styles = styles
        self.counts: dict[str, list[int | None]] = {}  # abstract id → each level's last number (None: starts anew)
        self.started: set[tuple[str, int]] = set()  # (numId, level) already used: a startOverride restarts once
        self.used = 0

    def label(self, paragraph: Any) -> str:
        """The label Word shows before ``paragraph`` (counting it), or "" when it is not numbered."""
        found = self._reference(paragraph)
        if found is None:
            return ""
        num_id, index, style_id = found
        num = self.definitions.num(num_id)
        resolved = None if num is None else self.definitions.abstract_of(num, self.styles)
        if num is None or resolved is None:
            return ""
        key, abstract = resolved
        if index is None:
            index = abstract.styled_levels.get(style_id or "", 0)
        levels = {**abstract.levels, **num.levels}
        level = levels.get(index)
        if level is None:
            return ""
        counts = self.counts.setdefault(key, [None] * LEVELS)
        if (num_id, index) not in self.started:
            self.started.add((num_id, index))
            if index in num.starts:
                counts[index] = None
        start = num.starts.get(index, level.start)
        counts[index] = start if counts[index] is None else counts[index] + 1
        for deeper in range(index + 1, LEVELS):  # when a level restarts, its abstract's w:lvl says (Word ignores an override's)
            if _restarts(abstract.levels.get(deeper), deeper, index):
                counts[deeper] = None
        return self._charged(_label_text(level, levels, counts))

    def _reference(self, paragraph: Any) -> tuple[str, int | None, str | None] | None:
        """(numId, level or None for the style's linked level, style id) of a numbered paragraph."""
        ppr = paragraph.find(_W + "pPr")
        if ppr is None:
            return None
        direct = ppr.find(_W + "numPr")
        style = ppr.find(_W + "pStyle")
        style_id = None if style is None else style.get(_VAL)
        num_id = None if direct is None else _text(direct, "numId")
        index = None if direct is None else _number(direct, "ilvl", None)
        if style_id is not None and (num_id is None or index is None):
            style_num, style_index = self.styles().numbering(style_id)
            index = index if index is not None else (style_index if num_id is None else None)
            num_id = num_id if num_id is not None else style_num
        if num_id is None or num_id.strip() in ("", "0"):
            return None
        return num_id.strip(), None if index is None else min(index, LEVELS - 1), style_id

    def _charged(self, label: str) -> str:
        self.used += len(label)
        if self.used > MAX_LABEL_CHARS:
            raise InputError(Errors.E126, self.name, limit=MAX_LABEL_CHARS // (1024 * 1024))
        return label


def _restarts(level: _Level | None, index: int, used: int) -> bool:
    """Whether level ``index`` starts anew when level ``used`` (higher) is numbered."""
    if level is None or level.restart is None or level.restart > index:
        return True
    return level.restart != 0 and used < level.restart


def _label_text(level: _Level, levels: dict[int, _Level], counts: list[int | None]) -> str:
    """The level's text with each %k written as level k counts, then its suffix (never a tab)."""
    if level.fmt == "bullet" or not level.text:
        return ""

    def number(match: re.Match[str]) -> str:
        k = int(match.group(1)) - 1
        shown = levels.get(k, _Level())
        value = counts[k] if counts[k] is not None else shown.start
        return word_number(value, "decimal" if level.legal else shown.fmt)

    label = _PLACEHOLDER.sub(number, level.text)
    if not label or level.suffix == "nothing" or (level.suffix != "space" and _closes_itself(label[-1])):
        return label
    return label + " "


def _closes_itself(last: str) -> bool:
    """Whether a label ending in ``last`` needs no blank after it: a delimiter (、 . ） :) or an enclosed
    number (① ⑴ ⒈), as typed labels stand against their text (一、总体要求, ①3月底前)."""
    category = unicodedata.category(last)
    return category.startswith("P") or category == "No"
