"""jieba's prefix dictionary (FREQ and total), cached in groups by first character, each group
loaded when a text first holds its character.

jieba caches its dictionary with marshal, which rebuilds half a million entries one object at a
time (~0.6 s, most of a fresh process's start); building them even from one text and one array
takes 0.15 s. Every entry jieba reads while cutting a block starts with a character of that block
(it looks up the prefixes of the words starting at each position), so a cut needs only the groups
of its characters: here the words of a group are one UTF-8 text, split in one call, and their
frequencies a slice of one machine array, added to FREQ when a block first asks for them. A short
notice with the registry's unit names loads about a seventh of the 498,113 entries; ``load_all``
builds the rest for whoever reads FREQ some other way (jieba's own cut of any text).

The entry is named by what it is derived from (jieba's version and dictionary file, this format)
and carries a checksum of its body; a missing or damaged entry is rebuilt from jieba's own loader,
so it can only cost time, never change a cut.
"""

from __future__ import annotations

import hashlib
import struct
import sys
import threading
import zlib
from array import array
from pathlib import Path
from typing import TYPE_CHECKING

from govplan.fsutil import write_atomic
from govplan.usercache import cache_dir

if TYPE_CHECKING:
    import jieba  # loaded by govplan.lexical.segment, which keeps pkg_resources out of the import

_HEADER = struct.Struct("<qqqqI")  # total frequency, words, groups, size of the group characters, body checksum
_FORMAT = "grouped-by-first-character-2"
_SEPARATOR = "\n"  # dictionary words are lines of jieba's dictionary file: none holds a newline


class Dictionary:
    """A tokenizer's dictionary as far as it is loaded, and where the other groups lie in the entry."""

    def __init__(self, tok: jieba.Tokenizer, raw: bytes = b"", values: array[int] | None = None,
                 pending: dict[str, tuple[int, int, int, int]] | None = None) -> None:
        self._freq = tok.FREQ
        self._raw = raw
        self._values = values if values is not None else array("q")
        self._pending = pending or {}  # first character -> (first word, end word, start byte, end byte)
        self._lock = threading.Lock()

    def load_for(self, text: str) -> None:
        """Make sure FREQ holds every entry starting with a character of ``text``."""
        if self._pending.keys().isdisjoint(text):
            return
        with self._lock:
            for char in [char for char in dict.fromkeys(text) if char in self._pending]:
                self._load(self._pending[char])
                del self._pending[char]  # after loading: another thread waits on the lock till then

    def load_all(self) -> None:
        """Make sure FREQ holds the whole dictionary (as one text split in one call when nothing is loaded yet)."""
        if not self._pending:
            return
        with self._lock:
            groups = list(self._pending.values())
            if not self._freq and groups:  # every group, in the entry's order: one text, one array
                groups = [(0, len(self._values), groups[0][2], groups[-1][3])]
            for group in groups:
                self._load(group)
            self._pending.clear()
            self._raw, self._values = b"", array("q")

    def _load(self, group: tuple[int, int, int, int]) -> None:
        first, end, start_byte, end_byte = group
        words = self._raw[start_byte:end_byte].decode("utf-8").split(_SEPARATOR)
        self._freq.update(zip(words, self._values[first:end]))


def load(tok: jieba.Tokenizer) -> Dictionary:
    """Initialise ``tok`` from the cached dictionary (no group loaded yet), building the entry first
    if needed (then from jieba's loader, the whole dictionary at once)."""
    path = entry_path(tok)
    opened = _open(path)
    if opened is None:
        tok.initialize()
        _write(path, tok.FREQ, tok.total)
        return Dictionary(tok)
    total, raw, values, pending = opened
    tok.FREQ, tok.total = {}, total
    tok.initialized = True
    return Dictionary(tok, raw, values, pending)


def entry_path(tok: jieba.Tokenizer) -> Path:
    """The cache file for ``tok``'s dictionary: named by jieba's version, the dictionary file and the format."""
    import jieba

    source = Path(tok.dictionary or Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME)
    stat = source.stat()
    state = f"{jieba.__version__}\n{source}\n{stat.st_size}\n{stat.st_mtime_ns}\n{sys.byteorder}\n{_FORMAT}"
    return cache_dir() / f"jieba-dict-{hashlib.sha256(state.encode('utf-8')).hexdigest()[:24]}.bin"


def _open(path: Path) -> tuple[int, bytes, array[int], dict[str, tuple[int, int, int, int]]] | None:
    """The total, the entry's bytes, all frequencies and where each group lies; None when the
    entry is missing or damaged (its checksum or its sizes do not agree)."""
    try:
        raw = path.read_bytes()
        total, count, groups, chars_size, checksum = _HEADER.unpack_from(raw)
        if zlib.adler32(memoryview(raw)[_HEADER.size:]) != checksum:
            return None
        counts, sizes, values = array("q"), array("q"), array("q")
        offset = _HEADER.size
        for numbers, length in ((counts, groups), (sizes, groups), (values, count)):
            numbers.frombytes(raw[offset:offset + length * numbers.itemsize])
            offset += length * numbers.itemsize
        chars = raw[offset:offset + chars_size].decode("utf-8")
    except (OSError, struct.error, ValueError):
        return None
    offset += chars_size
    if not groups or len(chars) != groups or sum(counts) != count or offset + sum(sizes) + groups - 1 != len(raw):
        return None
    pending: dict[str, tuple[int, int, int, int]] = {}
    word = 0
    for char, words, size in zip(chars, counts, sizes):
        pending[char] = (word, word + words, offset, offset + size)
        word += words
        offset += size + len(_SEPARATOR)  # the groups' texts are lines of one text too
    return total, raw, values, pending


def _write(path: Path, freq: dict[str, int], total: int) -> None:
    """Cache ``freq`` and ``total`` grouped by first character; a dictionary the format cannot hold is left uncached."""
    if not freq or any(_SEPARATOR in word or not word for word in freq) or not all(type(f) is int for f in freq.values()):
        return
    groups: dict[str, list[str]] = {}
    for word in freq:
        groups.setdefault(word[0], []).append(word)
    texts = [_SEPARATOR.join(words).encode("utf-8") for words in groups.values()]
    chars = "".join(groups).encode("utf-8")
    try:
        values = array("q", (freq[word] for words in groups.values() for word in words))
    except OverflowError:
        return
    body = b"".join([
        array("q", map(len, groups.values())).tobytes(), array("q", map(len, texts)).tobytes(),
        values.tobytes(), chars, _SEPARATOR.encode("utf-8").join(texts),
    ])
    header = _HEADER.pack(total, len(freq), len(groups), len(chars), zlib.adler32(body))
    try:
        write_atomic(path, header + body)
    except OSError:
        pass  # an entry that cannot be written only costs time on the next start
