"""The alias registry of responsible units: one module for extract, validate and render.

A registry is built from the bundled govplan/data/aliases.yaml plus every user file, given with
``--registry FILE`` or named in a ``.govplan.yaml`` kept beside the specs (or in a folder above
them). It is a value: building one changes nothing another document sees (the jieba words an
extraction needs are set per extraction from ``Registry.surfaces``, see govplan/lexical/segment.py).
This module imports neither jieba nor OpenCC, so validation stays fast.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from govplan.errors import Errors, GovplanError
from govplan.spec.tree import walk

if TYPE_CHECKING:
    from govplan.spec.model import Spec

CONFIG_NAME = ".govplan.yaml"
_END = ""  # trie key marking the end of a registered name
_UNGROWN: Any = object()  # the trie under a first character no text has reached yet (Registry.trie)
_MAX_PLACE_CHARS = 6  # longest place name (泰州市, 会宁县) accepted before a registered unit name
_HAN_RUN = re.compile("[\u4e00-\u9fff]*")  # the Chinese characters a place is written in


@dataclass(eq=False)
class Registry:
    """Unit names as written (aliases and canonical names) mapped to canonical names, with a trie; hashed as the
    object it is (a memo of the names read with it keys it so), compared by ``digest``."""

    canonical_of: dict[str, str] = field(default_factory=dict)
    longest: int = 0  # characters of the longest registered name
    sources: tuple[str, ...] = ()  # the files it was built from, bundled first
    levels: set[str] = field(default_factory=set)  # the level words a place before a unit name ends with (市, 县)
    unplaced: set[str] = field(default_factory=set)  # names no place stands before (national bodies)
    # what grows the trie under a first character of a copy made by ``with_names`` (its original's); None: its own names
    _grow_from: Callable[[str], dict[str, Any]] | None = field(default=None, repr=False)

    def add(self, canonical: str, aliases: Iterable[str], placed: bool = True) -> None:
        """Register a canonical name and its aliases (each maps to the canonical name); a name not
        ``placed`` is a national body's: a place before it names another body (市气象局)."""
        self.add_all([(canonical, aliases)], placed)

    def add_all(self, names: Iterable[tuple[str, Iterable[str]]], placed: bool = True) -> None:
        """``add`` each (canonical name, aliases) in turn, what is worked out from the names forgotten once: a
        registry file's 137 bodies under 12 level words are 1,900 of them, half of a fresh extract's registry cost."""
        canonical_of, unplaced = self.canonical_of, self.unplaced
        longest = self.longest
        for canonical, aliases in names:
            surfaces = (canonical, *aliases)
            canonical_of.update(dict.fromkeys(surfaces, canonical))
            if not placed:
                unplaced.update(surfaces)
            longest = max(longest, *map(len, surfaces))
        self.longest = longest
        self._forget_derived()

    def with_names(self, names: Iterable[str]) -> Registry:
        """A copy that also knows ``names``, each its own canonical name (the short names one notice declares); the
        trie is shared but for the paths of the new names, so a document pays for its few names, not for every one."""
        new = [name for name in names if name not in self.canonical_of]
        if not new:
            return self
        copy = Registry(dict(self.canonical_of), self.longest, self.sources, set(self.levels), set(self.unplaced),
                        self._grown)
        trie = dict(self.trie)
        for name in new:
            copy.canonical_of[name] = name
            copy.longest = max(copy.longest, len(name))
            if not name:
                continue  # no text's character leads to it
            below = trie.get(name[0], {})
            trie[name[0]] = node = dict(self._grown(name[0]) if below is _UNGROWN else below)
            for ch in name[1:]:
                node[ch] = node = dict(node.get(ch, {}))
            node[_END] = name
        copy.__dict__["trie"] = trie
        return copy

    def add_levels(self, levels: Iterable[str]) -> None:
        """Register the level words a place before a unit name may end with (市, 县, 旗)."""
        self.levels.update(levels)
        self._forget_derived()

    def _forget_derived(self) -> None:
        """Drop what is worked out from the names and levels; it is worked out again when next asked (the trie
        from these names, not from those of the registry this one was copied from)."""
        self._grow_from = None
        for derived in ("trie", "last_chars", "_surfaces", "_level_ends", "_place_start", "_level_words"):
            self.__dict__.pop(derived, None)

    @cached_property
    def trie(self) -> dict[str, Any]:
        """Every registered name, character by character, under its first character; what stands under a first
        character is grown when a text first reaches it (``_grown``): a notice reaches a few dozen of them, and
        growing all 3,300 names at once cost a fresh extract 25M instructions. Never built for looking names up
        (validate, render)."""
        return dict.fromkeys({surface[0] for surface in self.canonical_of if surface}, _UNGROWN)

    def _grown(self, first: str) -> dict[str, Any]:
        """The trie under ``first`` (a first character of a registered name), grown now if it was not yet."""
        node = self.trie[first]
        if node is _UNGROWN:
            node = self.trie[first] = self._grow_from(first) if self._grow_from is not None else self._grow(first)
        return node

    def _grow(self, first: str) -> dict[str, Any]:
        """The trie of the registered names starting with ``first``, below that character (from the sorted names)."""
        surfaces = self._surfaces
        below: dict[str, Any] = {}
        for surface in surfaces[bisect_left(surfaces, first):bisect_left(surfaces, chr(ord(first) + 1))]:
            node = below
            for ch in surface[1:]:
                node = node.setdefault(ch, {})
            node[_END] = surface
        return below

    def match_at(self, text: str, pos: int, end: int | None = None) -> int | None:
        """End of the longest registered name starting at ``pos`` (and ending by ``end``), or None."""
        stop = len(text) if end is None else min(end, len(text))
        if pos >= stop:
            return None
        node = self.trie.get(text[pos])
        if node is None:
            return None
        if node is _UNGROWN:
            node = self._grown(text[pos])
        best = pos + 1 if _END in node else None
        for i in range(pos + 1, stop):
            node = node.get(text[i])
            if node is None:
                break
            if _END in node:
                best = i + 1
        return best

    def placed_match_at(self, text: str, pos: int) -> Iterator[tuple[int, int]]:
        """Each place named at ``pos`` with the registered name behind it, as (end of the place, end of the name), shortest
        place first (泰州市 + 农业农村局, 会宁县 + 教育局, 南京市江宁区 + 教育局): a few Chinese characters, none of them a
        registered name's, ending with a level word, then a name a place may precede."""
        for place_end in self._level_ends_within(text, pos):
            end = self.match_at(text, place_end)  # first: most places name no unit behind them
            if end is not None and text[place_end:end] not in self.unplaced and self._is_place(text[pos:place_end]):
                yield place_end, end

    def place_ends_at(self, text: str, pos: int) -> Iterator[int]:
        """Ends of each place named at ``pos`` (会宁县, 海南省白沙县), shortest first, whatever name follows it."""
        return (end for end in self._level_ends_within(text, pos) if self._is_place(text[pos:end]))

    def _level_ends_within(self, text: str, pos: int) -> Iterator[int]:
        """Where a place named at ``pos`` may end: after each level character within a place's reach of Chinese ones."""
        reach = _HAN_RUN.match(text, pos, pos + _MAX_PLACE_CHARS).end()  # type: ignore[union-attr]  # matches ""
        return (level.end() for level in self._level_ends.finditer(text, pos + 1, reach))

    def may_place_at(self, text: str, pos: int) -> bool:
        """A quick necessary test for ``placed_match_at``, which most clause starts fail: a level word ends within reach,
        after Chinese characters only."""
        return self._place_start.match(text, pos) is not None

    @cached_property
    def _place_start(self) -> re.Pattern[str]:
        return re.compile(f"[\u4e00-\u9fff]{{1,{_MAX_PLACE_CHARS - 1}}}?{self._level_ends.pattern}")

    @cached_property
    def _level_ends(self) -> re.Pattern[str]:
        """A character a level word ends with (市, 县, 区…)."""
        chars = "".join(sorted({level[-1] for level in self.levels}))
        return re.compile(f"[{re.escape(chars)}]" if chars else "(?!)")

    def scan(self, text: str) -> Iterator[tuple[int, int]]:
        """Leftmost-longest registered names in ``text``, without overlaps (time ~ len × longest name)."""
        pos = 0
        while pos < len(text):
            end = self.match_at(text, pos)
            if end is None:
                pos += 1
            else:
                yield pos, end
                pos = end

    def lookup(self, name: str) -> str | None:
        """Canonical name for a name as written; a place before a known name is kept (泰州市文明办)."""
        if name in self.canonical_of:
            return self.canonical_of[name]
        if len(name) > self.longest + _MAX_PLACE_CHARS:
            return None  # longer than any place before any registered name
        for i in range(1, min(len(name), _MAX_PLACE_CHARS + 1)):
            unit = name[i:]
            if unit in self.canonical_of and unit not in self.unplaced and self._is_place(name[:i]):
                return name[:i] + self.canonical_of[unit]
        return None

    def knows(self, name: str) -> bool:
        """Whether the registry knows ``name``, also behind a place name (泰州市 + 文明办)."""
        return self.lookup(name) is not None

    def _is_place(self, prefix: str) -> bool:
        """A place before a unit name (泰州市, 会宁县): a few Chinese characters naming no unit and
        ending with a level word (县科 + 工信局 is no place)."""
        return (
            _HAN_RUN.fullmatch(prefix) is not None
            and (not self.levels or prefix.endswith(self._level_words))
            and not self._names_in(prefix)
        )

    @cached_property
    def _level_words(self) -> tuple[str, ...]:
        return tuple(self.levels)

    def _names_in(self, short: str) -> bool:
        """Whether a registered name stands anywhere in a short text (a few characters: every
        piece is looked up, which needs no trie)."""
        names = self.canonical_of
        return any(short[start:end] in names for start in range(len(short)) for end in range(start + 1, len(short) + 1))

    @cached_property
    def last_chars(self) -> frozenset[str]:
        """The characters registered names end with (a name can end only at one of them)."""
        return frozenset(surface[-1] for surface in self.canonical_of)

    def surfaces(self) -> tuple[str, ...]:
        """Every registered name, sorted (the words jieba must keep whole)."""
        return self._surfaces

    @cached_property
    def _surfaces(self) -> tuple[str, ...]:
        return tuple(sorted(self.canonical_of))

    @property
    def digest(self) -> str:
        """A hash of the registry's contents: equal registries, equal digests."""
        import hashlib  # extraction's: validate and render never ask, and hashlib loads OpenSSL

        body = "\n".join(f"{surface}\t{canonical}" for surface, canonical in sorted(self.canonical_of.items()))
        return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]


def load_registry(extra_paths: Iterable[Path | str] = ()) -> Registry:
    """The bundled alias registry extended with the user's YAML files (later files win)."""
    return registry_for_contents(registry_contents(extra_paths))


def registry_contents(paths: Iterable[Path | str]) -> tuple[tuple[str, str], ...]:
    """(name, text) of each user registry file, each checked: what a run hands its workers, so
    that they need no access to the files and all of them read the same contents."""
    from govplan.datafiles import read_text

    contents = tuple((str(path), read_text(Path(path))) for path in paths)
    for name, text in contents:
        registry_data(Path(name), text)
    return contents


@lru_cache(maxsize=8)
def registry_for_contents(contents: tuple[tuple[str, str], ...]) -> Registry:
    """The bundled registry extended with user files given as (name, text), later files winning;
    built once per process for each contents, whoever asks, and kept in the user cache (``_cache_entry``)."""
    from govplan.usercache import read_json, write_json

    sources = ("govplan/data/aliases.yaml", *(name for name, _ in contents))
    entry = _cache_entry(contents)
    cached = _from_cache(read_json(entry), sources) if entry is not None else None
    if cached is not None:
        return cached
    from govplan.lexical.lexicon import data

    registry = Registry(sources=sources)
    _add_registry_data(registry, data("aliases"))
    for name, text in contents:
        _add_registry_data(registry, registry_data(Path(name), text))
    if entry is not None:
        write_json(entry, {"names": registry.canonical_of, "longest": registry.longest,
                           "levels": sorted(registry.levels), "unplaced": sorted(registry.unplaced)})
    return registry


def _cache_entry(contents: tuple[tuple[str, str], ...]) -> str | None:
    """The user cache's name for a registry built from ``contents``: a digest of everything it is derived from (this
    module's code, the data schemas, the bundled aliases.yaml, each user file's text); None when a file is unreadable.
    Building it cost a fresh extract 16M instructions (137 bodies under 12 level words), reading it a sixth of that."""
    from govplan.datafiles import DATA_FOLDER, _schema_digest
    from govplan.usercache import digest

    try:
        parts = [Path(__file__).read_bytes(), _schema_digest().encode(), (DATA_FOLDER / "aliases.yaml").read_bytes()]
    except OSError:
        return None
    parts += [text.encode("utf-8") for _, text in contents]
    return f"registry-{digest(b''.join(len(part).to_bytes(8, 'little') + part for part in parts), 24)}.json"


def _from_cache(cached: object, sources: tuple[str, ...]) -> Registry | None:
    """The registry a cache entry holds, when it is what was written; None otherwise (it is built again)."""
    if not isinstance(cached, dict):
        return None
    names, longest, levels, unplaced = (cached.get(key) for key in ("names", "longest", "levels", "unplaced"))
    if not (isinstance(names, dict) and type(longest) is int and isinstance(levels, list) and isinstance(unplaced, list)
            and all(type(value) is str for value in names.values())
            and all(type(word) is str for word in (*levels, *unplaced))):
        return None
    return Registry(names, longest, sources, set(levels), set(unplaced))


def registry_data(path: Path, text: str) -> dict[str, Any]:
    """One registry file's text, checked: the three sections of aliases.yaml or a plain canonical: [aliases] mapping."""
    from govplan.datafiles import check_data, parse_yaml

    loaded = parse_yaml(text, str(path))
    if not isinstance(loaded, dict):
        raise GovplanError(Errors.E205, str(path))
    check_data(path, loaded, "aliases" if _sectioned(loaded) else "aliases_plain")
    return loaded


def _sectioned(loaded: dict[str, Any]) -> bool:
    return bool({"prefixes", "bodies", "names", "national"} & set(loaded))


def _add_registry_data(registry: Registry, loaded: dict[str, Any]) -> None:
    """Add one file's ``prefixes``/``bodies``/``names`` (or a plain canonical→aliases mapping); a
    complete name wins over a bare body (发展改革委 alone is the national 国家发展和改革委员会)."""
    sectioned = _sectioned(loaded)
    names = (loaded.get("names") or {}) if sectioned else loaded
    bodies = (loaded.get("bodies") or {}) if sectioned else {}
    registry.add_levels(str(p) for p in (loaded.get("prefixes") or []) if sectioned)
    prefixes = [str(prefix) for prefix in loaded.get("prefixes") or []]
    leveled: list[tuple[str, list[str]]] = []
    for body, aliases in bodies.items():
        alias_list = [str(a) for a in aliases or []]
        leveled.append((str(body), alias_list))
        leveled += [(prefix + str(body), [prefix + alias for alias in alias_list]) for prefix in prefixes]
    registry.add_all(leveled)
    registry.add_all((str(canonical), [str(a) for a in aliases or []]) for canonical, aliases in names.items())
    national = (loaded.get("national") or {}) if sectioned else {}
    registry.add_all(((str(canonical), [str(a) for a in aliases or []]) for canonical, aliases in national.items()),
                     placed=False)


def registry_for(paths: Iterable[Path | str] = ()) -> Registry:
    """The registry for these user files, built once per process while the files stay unchanged
    (a compilation has dozens of documents, a directory run many files)."""
    return _registry_for(tuple((str(path), _file_stamp(Path(path))) for path in paths))


def _file_stamp(path: Path) -> tuple[int, int] | None:
    """Modification time and size, so an edited registry file is read again."""
    try:
        stat = os.stat(path)
    except OSError:
        return None  # registry_contents reports the missing file
    return stat.st_mtime_ns, stat.st_size


@lru_cache(maxsize=8)
def _registry_for(stamped: tuple[tuple[str, tuple[int, int] | None], ...]) -> Registry:
    return load_registry([path for path, _ in stamped])


def find_config(start: Path) -> Path | None:
    """The ``.govplan.yaml`` in ``start`` (a folder, or a file's folder) or the nearest folder above it."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        config = candidate / CONFIG_NAME
        if config.is_file():
            return config
    return None


def configured_registry_files(targets: Iterable[Path | str]) -> list[Path]:
    """The registry files named by the ``.govplan.yaml`` of each target (relative to that file), in order."""
    from govplan.datafiles import check_data, read_yaml

    files: list[Path] = []
    for config in dict.fromkeys(c for c in (find_config(Path(t)) for t in targets) if c is not None):
        loaded = read_yaml(config)
        check_data(config, loaded if loaded is not None else {}, "config")
        for name in (loaded or {}).get("registry") or []:
            path = (config.parent / name).resolve()
            if path not in files:
                files.append(path)
    return files


def registry_files(given: Iterable[Path | str], targets: Iterable[Path | str]) -> list[Path]:
    """The files ``--registry`` names, then those the targets' ``.govplan.yaml`` names, each once."""
    files = [Path(p).resolve() for p in given]
    files += [p for p in configured_registry_files(targets) if p not in files]
    return files


def canonicalise(spec: Spec, registry: Registry) -> None:
    """Give every unit of a spec the registry's name where the spec has none (a unit named in a
    user's file after extraction), so that rendering groups it with the same unit elsewhere."""
    for root in spec.tasks:
        for node in walk(root):
            for unit in node.units:
                if unit.canonical is None:
                    unit.canonical = registry.lookup(unit.name)
