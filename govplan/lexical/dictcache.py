"""jieba's prefix dictionary (FREQ and total), cached in groups, each loaded before a cut first reads it.

jieba caches its dictionary with marshal, which rebuilds half a million entries one object at a
time (~0.6 s, most of a fresh process's start); building them even from one text and one array
takes 0.15 s. Every entry jieba reads while cutting a block is a piece of that block (it looks up the
prefixes of the words starting at each position): one of its characters, or an entry that starts with
two of its characters side by side. So the entries are grouped by their first two characters (a
character's own entry alone): the words of a group are one UTF-8 text, split in one call, and their
frequencies a slice of one machine array, added to FREQ before a text is cut (``load_for``: the groups
of its characters and of its pairs of neighbours, each looked up once, whether or not the dictionary
holds it). The 408 corpus notices read 57,000 of the 505,000 entries so (grouped by first character
alone, 400,000: most words of a common character's group are never looked up); ``load_all`` builds
the rest for whoever reads FREQ some other way (jieba's own cut of any text). A pair is looked up in
its first character's pairs when a text first holds it: the 60 first corpus notices hold 5,500 pairs,
while their characters have 90,000 (registering those as they were opened cost more than the cuts).
User words (the registry's names, govplan/lexical/segment.py) wait the same way: a pair's are added to FREQ
when a text first meets it, after its group (``add_when_met``); adding all 3,300 at once with their groups
cost a fresh extract 90M instructions (7%).

In the entry the words stand by first character, its own entry first and then its pairs' groups, with
a table per character (its first group, whether its own entry stands first, its pairs) and one per
group (where its words and its text start; one more entry closes the last). The entry is named by what it is
derived from (jieba's version and dictionary file, this format). Its header carries a checksum of the tables
and the characters' text, checked when it is opened, and each group one of its words and frequencies,
checked when the group is loaded: a run reads about a ninth of the groups, and checking all 9 MB when the
entry was opened cost 32M instructions before `extract --jobs` could fork. A missing or damaged entry is
rebuilt from jieba's own loader (a group found damaged: the words not loaded yet are taken from it), so it
can only cost time, never change a cut.
"""

from __future__ import annotations

import hashlib
import struct
import sys
import threading
import zlib
from array import array
from itertools import accumulate
from operator import add
from pathlib import Path
from typing import TYPE_CHECKING, Callable, NamedTuple

from govplan.fsutil import write_atomic
from govplan.usercache import cache_dir

if TYPE_CHECKING:
    import jieba  # loaded by govplan.lexical.segment, which keeps pkg_resources out of the import

# total frequency, words, first characters, pair groups, groups, size of the characters' text, the checksums
# of the tables and of the words (their frequencies and text: checked only by load_all of an empty FREQ)
_HEADER = struct.Struct("<qqqqqqII")
_TABLE = "i"  # the tables' integers and the frequencies: 32 bits hold any offset into the entry
_SUM = "I"  # a group's checksum (adler32: unsigned 32 bits)
_FORMAT = f"grouped-by-first-two-characters-7-{_TABLE}{array(_TABLE).itemsize}-{_SUM}{array(_SUM).itemsize}"
_SEPARATOR = "\n"  # dictionary words are lines of jieba's dictionary file: none holds a newline


class _Tables(NamedTuple):
    """Where the groups lie in the entry. Per first character: the character, its first group, whether its
    own entry is that group (1) or it has none (0), and its pairs' range (character k's are pair[k] to
    pair[k + 1], their groups following its own); per pair: its second character; per group, in the entry's
    order and one past the last: where its words start and where its text starts (from the start of the
    words' text; a separator ends every group's text but the last); per group, the checksum of its text
    and frequencies (``_group_sum``)."""

    firsts: str
    group: array[int]
    own: array[int]
    pair: array[int]
    seconds: str
    word: array[int]
    byte: array[int]
    sums: array[int]


class Dictionary:
    """A tokenizer's dictionary as far as it is loaded, and where the other groups lie in the entry."""

    def __init__(self, tok: jieba.Tokenizer, raw: bytes = b"", values: array[int] | None = None,
                 tables: _Tables | None = None, text_start: int = 0, path: Path | None = None,
                 words_sum: int = 0) -> None:
        self._tok = tok
        self._words_sum = words_sum  # of the frequencies and the words' text (_words_sum)
        self._path = path  # the entry, written anew when a group of it is found damaged
        self._freq = tok.FREQ
        self._raw = raw
        self._values = values if values is not None else array(_TABLE)
        self._tables = tables
        self._text_start = text_start  # where the words' text starts in the entry
        # the characters whose own entry is not loaded yet, and every character, with their index in the tables
        self._unopened: dict[str, int] = {}
        self._index: dict[str, int] = {}
        self._loaded = bytearray()  # per group: loaded already
        # user words not in FREQ yet, by their first two characters, and what adds them (``add_when_met``)
        self._waiting: dict[str, list[tuple[str, int]]] = {}
        self._add_waiting: Callable[[list[tuple[str, int]]], None] | None = None
        # the pairs of neighbours looked up already (loaded, or in no entry), and the characters a cut found
        # missing from FREQ whose own entry was looked up then (see ``entry``)
        self.met: set[str] = set()
        if tables is not None:
            self._index = dict(zip(tables.firsts, range(len(tables.firsts))))
            self._unopened = dict(self._index)
            self._loaded = bytearray(len(tables.word) - 1)
        self._lock = threading.Lock()

    def load_for(self, text: str) -> None:
        """Make sure FREQ holds every entry a cut of ``text`` can read: the entries of its characters and
        those that start with two of its characters side by side (sets made and compared in C)."""
        chars, pairs = set(text), set(map(add, text, text[1:]))
        if not self._unopened.keys() & chars and pairs <= self.met:
            return
        with self._lock:
            if self._tables is None:  # the whole dictionary is in FREQ
                return
            for char in self._unopened.keys() & chars:
                if char in self._unopened:  # none is once a damaged group has made jieba's loader fill FREQ
                    self._load_own(self._unopened.pop(char))
            pairs -= self.met
            for pair in pairs:
                self._meet_pair(pair)
            self.met |= pairs

    def entry(self, piece: str) -> int | None:
        """FREQ's entry for ``piece`` (a character, or two side by side) that a cut found missing, after
        loading the group that holds it if it is not loaded yet; ``piece`` is then ``met``, so that the cut
        asks again only for pieces not met. A cut that reads FREQ only through this on a miss needs no
        ``load_for`` first: an entry present means its group is loaded (a user word's groups are loaded
        before the word is added, a waiting user word with its pair's), and a longer word is looked up only
        after its first two characters."""
        with self._lock:
            if self._tables is not None and piece not in self.met:
                if len(piece) == 1:
                    if piece in self._unopened:
                        self._load_own(self._unopened.pop(piece))
                else:
                    self._meet_pair(piece)
            self.met.add(piece)
        return self._freq.get(piece)

    def load_all(self) -> None:
        """Make sure FREQ holds the whole dictionary (as one text split in one call when nothing is loaded yet)."""
        tables = self._tables
        if tables is None:
            return
        with self._lock:
            if not self._freq:  # nothing loaded: every word, in the entry's order, as one text split in one call
                text = self._raw[self._text_start:]
                if _words_sum(self._values, text) != self._words_sum:
                    self._rebuild()
                    return
                self._freq.update(zip(text.decode("utf-8").split(_SEPARATOR), self._values))
            else:
                for group in range(len(self._loaded)):
                    if self._tables is not None:  # None once a damaged group has made jieba's loader fill FREQ
                        self._load_group(group)
            self._forget_entry()

    def add_when_met(self, waiting: dict[str, list[tuple[str, int]]],
                     add: Callable[[list[tuple[str, int]]], None]) -> None:
        """Have ``add`` put user words into FREQ when a cut first meets their first two characters (the key of
        ``waiting``), after the dictionary's group of those two: a cut reads a word's entries only after that
        pair's, so it reads what adding every word at once would have written, and a fresh process pays for the
        few pairs a notice holds, not for the 3,300 registry names. The pairs met already are added now."""
        with self._lock:
            self._waiting, self._add_waiting = dict(waiting), add
            met = sorted(self._waiting.keys() & self.met) if self._tables is not None else sorted(self._waiting)
            for pair in met:
                add(self._waiting.pop(pair))

    def drop_waiting(self) -> None:
        """Forget the user words not added yet (another set of user words replaces them)."""
        with self._lock:
            self._waiting, self._add_waiting = {}, None

    def _meet_pair(self, pair: str) -> None:
        """A pair of neighbours met for the first time: its dictionary group, then the user words it starts."""
        self._load_pair(pair)
        if self._waiting and self._add_waiting is not None:
            words = self._waiting.pop(pair, None)
            if words:
                self._add_waiting(words)

    def _forget_entry(self) -> None:
        """Every word is in FREQ: the entry and its tables are no longer needed, and no user word waits."""
        self._tables, self._unopened, self._index, self.met, self._loaded = None, {}, {}, set(), bytearray()
        self._raw, self._values = b"", array(_TABLE)
        waiting, self._waiting = self._waiting, {}
        if self._add_waiting is not None:
            for pair in sorted(waiting):
                self._add_waiting(waiting[pair])

    def _load_own(self, index: int) -> None:
        """Load the own entry of the character at ``index``, if it has one (every word is in FREQ without tables)."""
        tables = self._tables
        if tables is not None and tables.own[index]:
            self._load_group(tables.group[index])

    def _load_pair(self, pair: str) -> None:
        """Load the group of the words that start with ``pair``, if the dictionary holds one (every word is
        in FREQ without tables)."""
        tables = self._tables
        index = self._index.get(pair[0])
        if tables is None or index is None:
            return
        first = tables.pair[index]
        found = tables.seconds.find(pair[1], first, tables.pair[index + 1])
        if found >= 0:
            self._load_group(tables.group[index] + tables.own[index] + found - first)

    def _load_group(self, group: int) -> None:
        """Add the words of ``group`` to FREQ, once."""
        if self._loaded[group]:
            return
        self._loaded[group] = 1
        tables = self._tables
        assert tables is not None
        first, end = tables.word[group], tables.word[group + 1]
        start = self._text_start
        text = self._raw[start + tables.byte[group]:start + tables.byte[group + 1] - len(_SEPARATOR)]
        values = self._values[first:end]
        if _group_sum(text, values) != tables.sums[group]:
            self._rebuild()
            return
        self._freq.update(zip(text.decode("utf-8").split(_SEPARATOR), values))

    def _rebuild(self) -> None:
        """A damaged group: the words not loaded yet come from jieba's own loader (those loaded were checked,
        and a user word stays as added), and the entry is written anew."""
        freq, total = self._tok.gen_pfdict(self._tok.get_dict_file())
        for word, count in freq.items():
            self._freq.setdefault(word, count)
        if self._path is not None:
            _write(self._path, freq, total)
        self._forget_entry()


def load(tok: jieba.Tokenizer) -> Dictionary:
    """Initialise ``tok`` from the cached dictionary (no group loaded yet), building the entry first
    if needed (then from jieba's loader, the whole dictionary at once)."""
    path = entry_path(tok)
    opened = _open_entry(path)
    if opened is None:
        tok.initialize()
        _write(path, tok.FREQ, tok.total)
        return Dictionary(tok)
    total, raw, values, tables, text_start, words_sum = opened
    tok.FREQ, tok.total = {}, total
    tok.initialized = True
    return Dictionary(tok, raw, values, tables, text_start, path, words_sum)


def entry_path(tok: jieba.Tokenizer) -> Path:
    """The cache file for ``tok``'s dictionary: named by jieba's version, the dictionary file and the format."""
    import jieba

    source = Path(tok.dictionary or Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME)
    stat = source.stat()
    state = f"{jieba.__version__}\n{source}\n{stat.st_size}\n{stat.st_mtime_ns}\n{sys.byteorder}\n{_FORMAT}"
    return cache_dir() / f"jieba-dict-{hashlib.sha256(state.encode('utf-8')).hexdigest()[:24]}.bin"


def _open_entry(path: Path) -> tuple[int, bytes, array[int], _Tables, int, int] | None:
    """The total, the entry's bytes, all frequencies, the tables of where the groups lie, where the
    words' text starts and the words' checksum; None when the entry is missing or damaged (its tables' checksum or its sizes do not
    agree; a group's words and frequencies are checked when it is loaded)."""
    try:
        raw = path.read_bytes()
        total, count, chars_count, pairs_count, groups_count, text_size, checksum, words_sum = _HEADER.unpack_from(raw)
        numbers = [array(_TABLE) for _ in range(5)] + [array(_SUM), array(_TABLE)]
        offset = _HEADER.size
        lengths = [chars_count] * 2 + [chars_count + 1] + [groups_count + 1] * 2 + [groups_count, count]
        for table, length in zip(numbers, lengths):
            table.frombytes(memoryview(raw)[offset:offset + length * table.itemsize])
            offset += length * table.itemsize
        tables_end = offset - count * numbers[-1].itemsize
        characters = raw[offset:offset + text_size]
        if zlib.adler32(characters, zlib.adler32(memoryview(raw)[_HEADER.size:tables_end])) != checksum:
            return None
        firsts, seconds = characters.decode("utf-8").split(_SEPARATOR)
    except (OSError, struct.error, ValueError):
        return None
    group, own, pair, word, byte, sums, values = numbers
    if not chars_count or len(firsts) != chars_count or len(seconds) != pairs_count or len(values) != count \
            or len(pair) != chars_count + 1 or pair[-1] != pairs_count or len(word) != groups_count + 1 \
            or word[-1] != count or sum(own) + pairs_count != groups_count \
            or byte[-1] != len(raw) - offset - text_size + len(_SEPARATOR):
        return None
    return total, raw, values, _Tables(firsts, group, own, pair, seconds, word, byte, sums), offset + text_size, words_sum


def _group_sum(text: bytes, values: array[int]) -> int:
    """The checksum of a group: its words' text (without the separator after it) and its frequencies."""
    return zlib.adler32(values, zlib.adler32(text))


def _words_sum(values: array[int] | bytes, text: bytes) -> int:
    """The checksum of every word: the frequencies, then the words' text."""
    return zlib.adler32(text, zlib.adler32(values))


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
    seconds: list[str] = []  # per pair: its second character
    for by_second in by_char.values():
        own = int("" in by_second)
        chars.append((len(groups), own, len(by_second) - own))
        if own:
            groups.append(by_second[""])
        for second, words in by_second.items():
            if second:
                seconds.append(second)
                groups.append(words)
    texts = [_SEPARATOR.join(words).encode("utf-8") for words in groups]
    firsts = "".join(by_char) + _SEPARATOR + "".join(seconds)
    encoded = firsts.encode("utf-8")
    tables = [
        [group for group, _, _ in chars], [own for _, own, _ in chars], list(accumulate((n for _, _, n in chars), initial=0)),
        list(accumulate((len(words) for words in groups), initial=0)),
        list(accumulate((len(text) + len(_SEPARATOR) for text in texts), initial=0)),
    ]
    try:
        values = [array(_TABLE, (freq[word] for word in words)) for words in groups]
        table_bytes = b"".join([*(array(_TABLE, table).tobytes() for table in tables),
                                array(_SUM, map(_group_sum, texts, values)).tobytes()])
        frequencies = b"".join(group.tobytes() for group in values)
    except OverflowError:
        return
    words = _SEPARATOR.encode("utf-8").join(texts)
    checksum = zlib.adler32(encoded, zlib.adler32(table_bytes))
    header = _HEADER.pack(total, len(freq), len(chars), len(seconds), len(groups), len(encoded), checksum,
                          _words_sum(frequencies, words))
    body = b"".join([table_bytes, frequencies, encoded, words])
    try:
        write_atomic(path, header + body)
    except OSError:
        pass  # an entry that cannot be written only costs time on the next start
