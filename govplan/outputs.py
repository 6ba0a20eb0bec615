"""Where `extract` writes: one spec name per input, and the previous run's specs of an input
paired with the fresh ones by content (a compilation that lost or gained documents).

Naming (docs/spec-format.md): ``notice.txt`` gives ``notice.yaml``; when several inputs of one
run share a stem (case-insensitively), the one whose suffix comes first in .txt, .text, .docx,
.html, .htm order (then by path) keeps ``notice.yaml`` and every other one is named with its
suffix, ``notice.docx.yaml`` (then ``notice.docx-2.yaml`` … if that is taken too). The names
depend only on the set of inputs, never on their order or on --jobs. A compilation's documents
are ``<name>.part-01.yaml`` and so on.

An input found under a folder walked with ``--recursive`` (or listed in a ``--manifest`` with a
folder) keeps its folder: ``a/notice.txt`` gives ``a/notice.yaml`` under the output directory, so
``a/notice.txt`` and ``b/notice.txt`` never collide; names are shared only within one folder.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterable

from govplan.align import align, bigrams, dice

SUFFIX_RANK = (".txt", ".text", ".docx", ".html", ".htm")
TEXT_SAMPLE = 4000  # characters of task text compared when pairing documents


def spec_bases(sources: list[str], folders: dict[str, str] | None = None) -> dict[str, str]:
    """The spec base name (without .yaml) of every input; ``folders`` gives an input's folder
    relative to the output directory ("a/b", posix), which its base name keeps."""
    taken: set[str] = set()
    bases: dict[str, str] = {}
    for source in sorted(sources, key=_claim_order):
        path = Path(source)
        folder = (folders or {}).get(source, "")
        prefix = f"{folder}/" if folder else ""
        base = "stdin" if source == "-" else prefix + path.stem
        if base.casefold() in taken:
            base = prefix + path.name
        candidate, n = base, 2
        while candidate.casefold() in taken:
            candidate, n = f"{base}-{n}", n + 1
        taken.add(candidate.casefold())
        bases[source] = candidate
    return bases


def _claim_order(source: str) -> tuple[str, int, str]:
    """Who gets a shared stem first: by stem, then suffix rank, then path."""
    path = Path(source)
    rank = SUFFIX_RANK.index(path.suffix.lower()) if path.suffix.lower() in SUFFIX_RANK else len(SUFFIX_RANK)
    return path.stem.casefold(), rank, source


def output_paths(base: str, count: int, out_dir: Path, fmt: str) -> list[Path]:
    """<base>.yaml for a notice; <base>.part-01.yaml … for the documents of a compilation."""
    if count == 1:
        return [out_dir / f"{base}.{fmt}"]
    width = max(2, len(str(count)))
    return [out_dir / f"{base}.part-{k:0{width}d}.{fmt}" for k in range(1, count + 1)]


class EarlierOutputs:
    """The specs earlier runs left for the inputs of this run, each output folder listed once: a
    run of N inputs into one folder lists it once, not N times (N² entries read).

    A folder is listed when its first input asks, so what this run wrote there before cannot be in
    it; that never matters, as one input's names are never another's earlier specs, except for
    bases that extend another one of their folder (``x`` and ``x.part-01``, ``x.kept``): their
    folder is listed again when they ask, so they see what the run wrote just as a listing per
    input would."""

    def __init__(self, out_dir: Path, fmt: str, bases: Iterable[str]) -> None:
        self.out_dir, self.fmt = out_dir, fmt
        self._listed: dict[Path, dict[str, list[str]]] = {}  # folder -> base name -> its spec file names
        self._entwined = _entwined(bases)

    def of(self, base: str) -> list[Path]:
        """The spec files in the output directory named for ``base`` (``base``.fmt, ``base``.part-NN.fmt)."""
        folder = (self.out_dir / base).parent
        if folder not in self._listed or base in self._entwined:
            self._listed[folder] = self._specs_in(folder)
        return [folder / name for name in self._listed[folder].get(Path(base).name, [])]

    def _specs_in(self, folder: Path) -> dict[str, list[str]]:
        """The folder's spec file names (sorted) by the base names they belong to: notice.part-01.yaml
        to both notice and notice.part-01."""
        if not folder.is_dir():
            return {}
        ending = "." + self.fmt
        found: dict[str, list[str]] = {}
        for name in sorted(os.listdir(folder)):
            if name.endswith(ending):
                stem = name[: -len(ending)]
                found.setdefault(stem, []).append(name)
                base = _compiled_base(stem)
                if base is not None:
                    found.setdefault(base, []).append(name)
        return found


_PART = ".part-"  # a compilation document's stem: base, then .part-NN (output_paths)
_KEPT = ".kept"  # kept_path's mark


def _compiled_base(stem: str) -> str | None:
    """The base of a compilation document's stem (notice.part-01 -> notice); None for any other."""
    base, part, number = stem.rpartition(_PART)
    return base if part and number.isdecimal() else None  # isdecimal: the digits \d matches


def _entwined(bases: Iterable[str]) -> set[str]:
    """The bases whose spec names another base of the run can write or move a file to (or from):
    one that is another's name followed by .part-NN and/or .kept, and that other one."""
    given = set(bases)
    entwined = set()
    for base in given:
        stem = base[: -len(_KEPT)] if base.endswith(_KEPT) else base
        for other in {stem, _compiled_base(stem) or stem} - {base}:
            if other in given:
                entwined |= {base, other}
    return entwined


def kept_path(path: Path) -> Path:
    """Where an edited spec of a document no longer found is kept when its name is needed."""
    return path.with_name(f"{path.stem}{_KEPT}{path.suffix}")


def pair_documents(old: list[tuple[Path, Any]], fresh: list[Any]) -> list[tuple[Path | None, int | None]]:
    """Old spec files (with their loaded data) paired with fresh specs (by index) by title and text."""
    old_keys = [_document_key(data) for _, data in old]
    fresh_keys = [_document_key(spec.model_dump(mode="json")) for spec in fresh]

    def similarity(k: int, j: int) -> float:
        return 0.3 * dice(old_keys[k][0], fresh_keys[j][0]) + 0.7 * dice(old_keys[k][1], fresh_keys[j][1])

    pairs = align(list(range(len(old))), list(range(len(fresh))), similarity)
    return [(old[k][0] if k is not None else None, j) for k, j in pairs]


def _document_key(data: Any) -> tuple[frozenset[str], frozenset[str]]:
    """Bigrams of a spec's title and of the start of its task text."""
    if not isinstance(data, dict):
        return frozenset(), frozenset()
    metadata = data.get("metadata") if isinstance(data.get("metadata"), dict) else {}
    texts: list[str] = []
    stack = list(data.get("tasks") or []) if isinstance(data.get("tasks"), list) else []
    while stack and sum(map(len, texts)) < TEXT_SAMPLE:
        node = stack.pop(0)
        if isinstance(node, dict):
            texts.append(str(node.get("text", "")))
            stack[:0] = node.get("children") or [] if isinstance(node.get("children"), list) else []
    return bigrams(str(metadata.get("title") or "")), bigrams("".join(texts)[:TEXT_SAMPLE])
