"""The normalisation pass: script conversion, folding, dash unification, whitespace cleanup."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from govplan.datafiles import load_data
from govplan.normalize.mapped import CharTable, MappedText
from govplan.normalize.script import detect_script, to_simplified
from govplan.scanning import scanner

# Full-width forms folded to ASCII: letters, digits, brackets and a few symbols used in numbers.
# Chinese sentence punctuation (，。：；、) is kept as written. Circled numbers (①) are not folded.
_FOLD_EXTRA = {
    "（": "(", "）": ")", "［": "[", "］": "]", "｛": "{", "｝": "}", "％": "%", "．": ".",
    "＋": "+", "／": "/", "＜": "<", "＞": ">", "＝": "=", "－": "-",
    "\u3000": " ", "\xa0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ",
    "\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": "", "\r": "",
    # Small form variants (U+FE50-FE6B), which Big5-era texts use where others write the full-width or ASCII
    # form (1﹒加强…, ﹙一﹚): NFKC makes them those characters (the sentence marks: the full-width ones kept here).
    "﹒": ".", "﹙": "(", "﹚": ")", "﹪": "%", "﹢": "+", "﹣": "-", "﹤": "<", "﹥": ">", "﹦": "=",
    "﹐": "，", "﹑": "、", "﹔": "；", "﹕": "：", "﹖": "？", "﹗": "！",
}
_FOLD = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}  # ０-９
_FOLD.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_FOLD.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_FOLD.update(_FOLD_EXTRA)
_FOLDING = CharTable.of(_FOLD)  # compiled once, not for every document

# Range marks between numbers or dates: 4月4日—10月31日, 2—3户, 18～35万元, 2013年至2023年.
# Reading glosses a machine conversion to Traditional script put after characters (發(fā)展, 會(huì)議):
# pinyin with a tone mark in brackets right after a Han character. They are no part of the text
# (a unit is 市发改委, not 市发(fā)改委) and are read without; spans still cover them. A hard wrap
# may fall before or inside the gloss (市發 / (fā)改委, 市發(f / ā)改委): the break goes with the gloss.
_WRAP = r"(?:\r?\n[ \t\u3000]*)?"
_TONED = "àáǎāèéěēìíǐīòóǒōùúǔūǖǘǚǜ"
_GLOSS = re.compile(rf"(?<=[\u4e00-\u9fff]){_WRAP}\((?:[a-z]{_WRAP})*[{_TONED}]{_WRAP}(?:[a-zü]{_WRAP})*\)")
# Every gloss holds a tone mark, which few texts do: one scan for them spares re trying the gloss
# (a lookbehind first) at every character of a text that holds brackets.
_TONE_MARK = re.compile(f"[{_TONED}]")
# A range mark: (?<=[0-9年月日号%])[ ]*(?:—{1,2}|–|-|~|～|〜|至)[ ]*(?=[0-9一二三四五六七八九十〇]). Written
# so that every match opens with one of a few characters (a blank or a mark, the number before it
# checked by a lookbehind after it), which lets re skip to them instead of trying the lookbehind at
# every character; the same matches (tested against that form on the corpus and random strings).
_BEFORE, _AFTER, _SINGLE = "0-9年月日号%", "0-9一二三四五六七八九十〇", "–\\-~～〜至"
_RANGE = re.compile(
    rf"[ —{_SINGLE}](?<=[{_BEFORE}].)"  # a blank or a mark right after a number or a date
    rf"(?:(?<= )[ ]*(?:—{{1,2}}|[{_SINGLE}])|(?<=—)—?|(?<=[{_SINGLE}]))"  # blanks then the mark, or —(—), or one mark
    rf"[ ]*(?=[{_AFTER}])"
)


@dataclass
class Normalized:
    """Normalised text with its offset map and what was done to get it."""

    mapped: MappedText
    script: str
    conversion: str | None

    @property
    def text(self) -> str:
        return self.mapped.text


def normalize(original: str) -> Normalized:
    """Normalise ``original``; spans in the result map back with ``mapped.to_original``."""
    mapped = MappedText.identity(original)
    script, config = detect_script(original)
    if config:
        mapped = to_simplified(mapped, config)
    if _TONE_MARK.search(mapped.text):
        mapped = mapped.substitute(scanner(_GLOSS), lambda m: "")
    if "<" in mapped.text or "&" in mapped.text:
        mapped = without_markup(mapped)
    mapped = mapped.replace_chars(_FOLDING)
    lookalikes, letters = _lookalike_dates()
    if lookalikes.search(mapped.text):
        mapped = mapped.substitute(lookalikes, lambda m: m.group().translate(letters))
    mapped = mapped.substitute(scanner(_RANGE), lambda m: "-")
    return Normalized(mapped, script, config)


def without_markup(mapped: MappedText) -> MappedText:
    """The text with the HTML markup a copied page left in it read as what it stands for (layout.yaml,
    markup_*): an inline element's tag as nothing, a block element's as a line break, a character
    reference as its character; spans still cover the markup."""
    pattern, blocks, entities = _markup()
    return mapped.substitute(pattern, lambda m: _markup_reading(m, blocks, entities))


def _markup_reading(match: re.Match[str], blocks: frozenset[str], entities: dict[str, str]) -> str:
    """What one tag or character reference of a copied page reads as."""
    tag = match.group("tag")
    if tag is not None:
        after = match.string[match.end():match.end() + 1]
        return "\n" if tag.lower() in blocks and after not in ("\n", "", "<") else ""
    name = match.group("entity")
    if name.startswith("#"):
        import html  # here: a numeric reference is rare, and html's entity table costs every extraction 7M instructions

        return html.unescape(f"&{name};")
    return entities[name.lower()]


@lru_cache(maxsize=1)
def _lookalike_dates() -> tuple[re.Pattern[str], dict[int, str]]:
    """The numbers of a date written with a letter for a digit (2021年l月10日, l2月31日, 20l8年: layout.yaml
    digit_lookalikes), and the letters' digits."""
    data = load_data("layout.yaml")["digit_lookalikes"]
    look = "".join(map(re.escape, data["letters"]))
    run = f"[0-9{look}]"
    parts = "|".join(map(re.escape, data["month_after"]))
    pattern = re.compile(
        rf"(?<![A-Za-z0-9])(?=[0-9]*[{look}])(?:"
        rf"(?:19|20){run}{{2}}(?=年)"  # a year
        rf"|(?<=年){run}{{1,2}}(?=月)"  # a month after its year
        rf"|{run}{{1,2}}(?=月(?:{run}{{1,2}}[日号]|{parts}))"  # a month before its day or its part
        rf"|(?<=月){run}{{1,2}}(?=[日号])"  # a day
        rf")(?![A-Za-z])"
    )
    return pattern, str.maketrans(data["letters"])


@lru_cache(maxsize=1)
def _markup() -> tuple[re.Pattern[str], frozenset[str], dict[str, str]]:
    """The pattern of the tags and references layout.yaml names (either case), the block elements, the references."""
    data = load_data("layout.yaml")
    tags = [*data["markup_inline_tags"], *data["markup_block_tags"]]
    entities = {name.lower(): char for name, char in data["markup_entities"].items()}
    names = sorted({spelling for tag in tags for spelling in (tag, tag.upper())}, key=len, reverse=True)
    entity_names = sorted({s for name in entities for s in (name, name.upper())}, key=len, reverse=True)
    pattern = re.compile(
        rf"<(?:/\s*)?(?P<tag>{'|'.join(map(re.escape, names))})(?=[\s/>])[^<>]{{0,300}}>"
        rf"|&(?P<entity>{'|'.join(map(re.escape, entity_names))}|#[0-9]{{1,7}}|#[xX][0-9a-fA-F]{{1,6}});?"
    )
    return pattern, frozenset(tag.lower() for tag in data["markup_block_tags"]), entities
