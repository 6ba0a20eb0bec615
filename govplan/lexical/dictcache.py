"""jieba's prefix dictionary (FREQ and total), cached in groups, each loaded when a cut first looks it up.

jieba caches its dictionary with marshal, which rebuilds half a million entries one object at a
time (~0.6 s, most of a fresh process's start); building them even from one text and one array
takes 0.15 s. Every entry jieba reads while cutting a block is a piece of that block (it looks up the
prefixes of the words starting at each position): one of its characters, or an entry that starts with
two of its characters side by side. So the entries are grouped by their first two characters (a
character's own entry alone): the words of a group are one UTF-8 text, split in one call, and their
frequencies a slice of one machine array, added to FREQ when a lookup first misses in it
(``unloaded`` names the groups not loaded yet, ``load`` loads one; lexical/dagcut.py asks on each
miss) or when a text is first cut some other way (``load_for``). The 408 corpus notices read 57,000
of the 505,000 entries so (grouped by first character alone, 400,000: most words of a common
character's group are never looked up); ``load_all`` builds the rest for whoever reads FREQ some
other way (jieba's own cut of any text).

In the entry the words stand by first character, its own entry first and then its pairs' groups, with
a table per character (where its words start, its pairs) and per pair (its words, its bytes): opening a
character registers its pairs and sums their sizes into their starts, in C. The entry is named by what it is derived from (jieba's version and dictionary file, this
format) and carries a checksum of its body; a missing or damaged entry is rebuilt from jieba's own
loader, so it can only cost time, never change a cut.
"""

from __future__ import annotations

import hashlib
import struct
import sys
import threading
import zlib
from array import array
from itertools import accumulate, repeat
from operator import add
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from govplan.fsutil import write_atomic
from govplan.usercache import cache_dir

if TYPE_CHECKING:
    import jieba  # loaded by govplan.lexical.segment, which keeps pkg_resources out of the import

# total frequency, words, first characters, pair groups, size of the characters' text, body checksum
_HEADER = struct.Struct("<qqqqqI")
_TABLE = "i"  # the tables' integers: 32 bits hold any offset into the entry
_FORMAT = f"grouped-by-first-two-characters-5-{_TABLE}{array(_TABLE).itemsize}"
_SEPARATOR = "\n"  # dictionary words are lines of jieba's dictionary file: none holds a newline


class _Tables(NamedTuple):
    """Where the groups lie in the entry. Per first character: the character, where its words start, whether
    its own entry stands first (1) or it has none (0), where its text starts, and its pair groups' range
    (character k's are pair[k] to pair[k + 1]); per pair group: its second character, its number of words
    and its size in bytes, and where its words and its text start (filled in when its character is
    opened: they follow from the sizes). Text offsets count from the start of the words' text."""

    firsts: str
    word: array[int]
    own: array[int]
    byte: array[int]
    pair: array[int]
    seconds: str
    pair_words: array[int]
    pair_size: array[int]
    pair_word: array[int]
    pair_byte: array[int]


class Dictionary:
    """A tokenizer's dictionary as far as it is loaded, and where the other groups lie in the entry."""

    def __init__(self, tok: jieba.Tokenizer, raw: bytes = b"", values: array[int] | None = None,
                 tables: _Tables | None = None, text_start: int = 0) -> None:
        self._freq = tok.FREQ
        self._raw = raw
        self._values = values if values is not None else array("q")
        self._tables = tables
        self._text_start = text_start  # where the words' text starts in the entry
        # what a lookup may miss for want of loading, with its index in the tables: the characters not
        # opened yet (one-character keys) and the pairs of opened ones not loaded yet (two-character keys)
        self.unloaded: dict[str, int] = {}
        if tables is not None:
            self.unloaded = dict(zip(tables.firsts, range(len(tables.firsts))))
        self._lock = threading.Lock()

    def load(self, key: str) -> None:
        """Load the group ``key`` (a character or a pair of characters) names in ``unloaded``, if still
        unloaded. A key leaves ``unloaded`` only once its entries are in FREQ (another thread may look)."""
        with self._lock:
            index = self.unloaded.get(key)
            if index is None:
                return
            if len(key) == 1:
                self._open(key, index)
            else:
                self._load_pair(index)
            del self.unloaded[key]

    def load_for(self, text: str) -> None:
        """Make sure FREQ holds every entry a cut of ``text`` can read: the entries of its characters and
        those that start with two of its characters side by side (sets made and compared in C)."""
        for key in self.unloaded.keys() & set(text):
            self.load(key)
        for key in self.unloaded.keys() & set(map(add, text, text[1:])):
            self.load(key)

    def load_all(self) -> None:
        """Make sure FREQ holds the whole dictionary (as one text split in one call when nothing is loaded yet)."""
        if not self.unloaded:
            return
        with self._lock:
            if not self._freq:  # nothing loaded: every word, in the entry's order
                self._load(0, len(self._values), 0, len(self._raw) - self._text_start)
            else:
                for key, index in list(self.unloaded.items()):
                    if len(key) == 1:  # not opened: none of its pairs is loaded
                        self._load_own(key, index)
                        for pair in range(*self._place(key, index)):
                            self._load_pair(pair)
                    else:
                        self._load_pair(index)
            self.unloaded.clear()
            self._raw, self._values = b"", array("q")

    def _open(self, char: str, index: int) -> None:
        """Register the pairs of the character ``char`` (at ``index``) as unloaded, then load its own entry."""
        first, end = self._place(char, index)
        seconds = self._tables.seconds[first:end]  # type: ignore[union-attr]
        self.unloaded.update(zip(map(add, repeat(char), seconds), range(first, end)))
        self._load_own(char, index)

    def _place(self, char: str, index: int) -> tuple[int, int]:
        """Fill in where the pair groups of ``char`` (at ``index``) start, summed from their sizes in C; their range."""
        tables = self._tables
        assert tables is not None
        first, end = tables.pair[index], tables.pair[index + 1]
        own = tables.own[index]
        word = tables.word[index] + own
        byte = tables.byte[index] + (len(char.encode("utf-8")) + len(_SEPARATOR) if own else 0)
        tables.pair_word[first:end] = array("q", accumulate(tables.pair_words[first:end], initial=word))[:-1]
        sizes = map(add, tables.pair_size[first:end], repeat(len(_SEPARATOR)))
        tables.pair_byte[first:end] = array("q", accumulate(sizes, initial=byte))[:-1]
        return first, end

    def _load_own(self, char: str, index: int) -> None:
        tables = self._tables
        assert tables is not None
        if tables.own[index]:
            word, byte = tables.word[index], tables.byte[index]
            self._load(word, word + 1, byte, byte + len(char.encode("utf-8")))

    def _load_pair(self, index: int) -> None:
        tables = self._tables
        assert tables is not None
        word, byte = tables.pair_word[index], tables.pair_byte[index]
        self._load(word, word + tables.pair_words[index], byte, byte + tables.pair_size[index])

    def _load(self, first: int, end: int, start_byte: int, end_byte: int) -> None:
        """Add the words ``first``-``end`` (their text at ``start_byte``-``end_byte`` of the words' text) to FREQ."""
        start = self._text_start
        words = self._raw[start + start_byte:start + end_byte].decode("utf-8").split(_SEPARATOR)
        self._freq.update(zip(words, self._values[first:end]))


def load(tok: jieba.Tokenizer) -> Dictionary:
    """Initialise ``tok`` from the cached dictionary (no group loaded yet), building the entry first
    if needed (then from jieba's loader, the whole dictionary at once)."""
    path = entry_path(tok)
    opened = _open_entry(path)
    if opened is None:
        tok.initialize()
        _write(path, tok.FREQ, tok.total)
        return Dictionary(tok)
    total, raw, values, tables, text_start = opened
    tok.FREQ, tok.total = {}, total
    tok.initialized = True
    return Dictionary(tok, raw, values, tables, text_start)


def entry_path(tok: jieba.Tokenizer) -> Path:
    """The cache file for ``tok``'s dictionary: named by jieba's version, the dictionary file and the format."""
    import jieba

    source = Path(tok.dictionary or Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME)
    stat = source.stat()
    state = f"{jieba.__version__}\n{source}\n{stat.st_size}\n{stat.st_mtime_ns}\n{sys.byteorder}\n{_FORMAT}"
    return cache_dir() / f"jieba-dict-{hashlib.sha256(state.encode('utf-8')).hexdigest()[:24]}.bin"


def _open_entry(path: Path) -> tuple[int, bytes, array[int], _Tables, int] | None:
    """The total, the entry's bytes, all frequencies, the tables of where the groups lie and where the
    words' text starts; None when the entry is missing or damaged (its checksum or its sizes do not agree)."""
    try:
        raw = path.read_bytes()
        total, count, chars_count, pairs_count, text_size, checksum = _HEADER.unpack_from(raw)
        if zlib.adler32(memoryview(raw)[_HEADER.size:]) != checksum:
            return None
        numbers = [array(_TABLE) for _ in range(6)] + [array("q")]
        offset = _HEADER.size
        for table, length in zip(numbers, [chars_count] * 3 + [chars_count + 1] + [pairs_count] * 2 + [count]):
            table.frombytes(raw[offset:offset + length * table.itemsize])
            offset += length * table.itemsize
        firsts, seconds = raw[offset:offset + text_size].decode("utf-8").split(_SEPARATOR)
    except (OSError, struct.error, ValueError):
        return None
    word, own, byte, pair, pair_words, pair_size, values = numbers
    if not chars_count or len(firsts) != chars_count or len(seconds) != pairs_count or len(values) != count \
            or len(pair) != chars_count + 1 or pair[-1] != pairs_count or sum(own) + sum(pair_words) != count:
        return None
    starts = array("q", bytes(8 * pairs_count))  # filled per character as it is opened
    tables = _Tables(firsts, word, own, byte, pair, seconds, pair_words, pair_size, starts, array("q", starts))
    return total, raw, values, tables, offset + text_size


def _write(path: Path, freq: dict[str, int], total: int) -> None:
    """Cache ``freq`` and ``total``: the words by first character, each character's own entry first and
    its other words grouped by their second character; a dictionary the format cannot hold is left uncached."""
    if not freq or any(_SEPARATOR in word or not word for word in freq) or not all(type(f) is int for f in freq.values()):
        return
    by_char: dict[str, dict[str, list[str]]] = {}
    for word in freq:
        by_char.setdefault(word[0], {}).setdefault(word[1:2], []).append(word)  # "": the character's own entry
    groups: list[list[str]] = []
    chars: list[tuple[int, int, int]] = []  # per character: its first group, whether it has its own entry, its pairs
    pairs: list[tuple[int, str]] = []  # per pair: its group and second character
    for by_second in by_char.values():
        own = int("" in by_second)
        chars.append((len(groups), own, len(by_second) - own))
        if own:
            groups.append(by_second[""])
        for second, words in by_second.items():
            if second:
                pairs.append((len(groups), second))
                groups.append(words)
    texts = [_SEPARATOR.join(words).encode("utf-8") for words in groups]
    starts = list(accumulate((len(words) for words in groups), initial=0))
    byte_starts = list(accumulate((len(text) + len(_SEPARATOR) for text in texts), initial=0))
    try:
        values = array("q", (freq[word] for words in groups for word in words))
    except OverflowError:
        return
    firsts = "".join(by_char) + _SEPARATOR + "".join(second for _, second in pairs)
    encoded = firsts.encode("utf-8")
    tables = [
        [starts[group] for group, _, _ in chars], [own for _, own, _ in chars],
        [byte_starts[group] for group, _, _ in chars], list(accumulate((n for _, _, n in chars), initial=0)),
        [starts[group + 1] - starts[group] for group, _ in pairs], [len(texts[group]) for group, _ in pairs],
    ]
    try:
        body = b"".join([*(array(_TABLE, table).tobytes() for table in tables), values.tobytes(), encoded,
                         _SEPARATOR.encode("utf-8").join(texts)])
    except OverflowError:
        return
    header = _HEADER.pack(total, len(freq), len(chars), len(pairs), len(encoded), zlib.adler32(body))
    try:
        write_atomic(path, header + body)
    except OSError:
        pass  # an entry that cannot be written only costs time on the next start
