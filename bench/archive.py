"""The bench's inputs: the gold corpus's distinct notices, and an archive of variants made from them.

A variant changes the text while keeping it a plausible notice: numbers take other digits (a year
moves by a few years, a month stays a month, a day a day), unit names of the alias registry swap
with other registered bodies, place names swap with other places, and neighbouring body paragraphs
of a section change places. Variants are generated deterministically (seeded by file name and
round) each time the bench runs; none is ever committed.
"""

from __future__ import annotations

import random
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS_FOLDERS = (ROOT / "corpus" / "seeds", ROOT / "corpus" / "docs", ROOT.parent / "shared" / "corpus" / "dev")
MB = 1024 * 1024
# Test data, not language knowledge: real county-level places a variant's notice may come from.
PLACES = {
    "市": ("泰州市", "鞍山市", "六安市", "扶余市", "遂宁市", "岳阳市", "运城市", "许昌市", "厦门市", "中山市"),
    "县": ("石城县", "会宁县", "滑县", "宁陵县", "张北县", "丰宁县", "寻乌县", "安远县"),
    "区": ("立山区", "集美区", "松江区", "杨浦区", "静安区", "徐汇区", "宝山区", "崇明区"),
}
_DIGITS = re.compile(r"\d+")
_PARAGRAPH_MIN_CHARS = 30  # a body paragraph, not a heading or a signature line
_SWAP_SHARE = 0.3  # of neighbouring body paragraph pairs


@dataclass(frozen=True)
class Document:
    """One notice of the bench: a name and its text."""

    name: str
    text: str


def corpus() -> list[Document]:
    """Every gold text: seeds, the project's documents and the shared development corpus."""
    paths = [path for folder in CORPUS_FOLDERS if folder.is_dir() for path in sorted(folder.glob("*.txt"))]
    return [Document(path.name, path.read_text(encoding="utf-8")) for path in paths]


def archive(total_mb: float) -> list[Document]:
    """Round 0 is the corpus as it is; every later round a variant of each document, until ``total_mb``."""
    documents = corpus()
    bodies = _registry_bodies()
    result: list[Document] = []
    size = 0
    rounds = 0
    while size < total_mb * MB:
        for doc in documents:
            text = doc.text if rounds == 0 else variant(doc, rounds, bodies)
            result.append(Document(f"r{rounds:03d}-{doc.name}", text))
            size += len(text.encode("utf-8"))
            if size >= total_mb * MB:
                break
        rounds += 1
    return result


def variant(doc: Document, round_: int, bodies: tuple[str, ...]) -> str:
    """The ``round_``-th variant of a document (the same every time)."""
    rng = random.Random(zlib.crc32(f"{doc.name}/{round_}".encode("utf-8")))
    text = _swap_paragraphs(doc.text, rng)
    text = _DIGITS.sub(lambda m: _other_number(m, rng), text)
    text = _swap_words(text, bodies, rng)
    for places in PLACES.values():
        text = _swap_words(text, places, rng)
    return text


def _other_number(match: re.Match[str], rng: random.Random) -> str:
    """Other digits of the same kind: a year a few years off, a month, a day, else the same length."""
    digits, after = match.group(), match.string[match.end():match.end() + 1]
    if len(digits) == 4 and digits[:2] in ("19", "20") and after == "年":
        return str(int(digits) + rng.randint(-3, 3))
    if after == "月" and len(digits) <= 2:
        return str(rng.randint(1, 12))
    if after in ("日", "号") and len(digits) <= 2:
        return str(rng.randint(1, 28))
    first = rng.choice("123456789") if len(digits) > 1 or digits != "0" else "0"
    return first + "".join(rng.choice("0123456789") for _ in digits[1:])


def _swap_words(text: str, words: tuple[str, ...], rng: random.Random) -> str:
    """Each word of ``words`` found in the text replaced by another of them, consistently."""
    present = [word for word in words if word in text]
    if not present:
        return text
    others = list(words)
    rng.shuffle(others)
    mapping = dict(zip(present, others))
    pattern = re.compile("|".join(map(re.escape, sorted(present, key=len, reverse=True))))
    return pattern.sub(lambda m: mapping[m.group()], text)


def _swap_paragraphs(text: str, rng: random.Random) -> str:
    """Some neighbouring body paragraphs (long lines without a number) change places."""
    from govplan.structure.numbering import match_heading

    lines = text.split("\n")
    body = [len(line.strip()) >= _PARAGRAPH_MIN_CHARS and match_heading(line.strip()) is None for line in lines]
    i = 0
    while i + 1 < len(lines):
        if body[i] and body[i + 1] and rng.random() < _SWAP_SHARE:
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
            i += 2
        else:
            i += 1
    return "\n".join(lines)


def _registry_bodies() -> tuple[str, ...]:
    """The bodies of the bundled alias registry (财政局, 教育局…), which variants swap."""
    from govplan.lexical.lexicon import data

    return tuple(sorted(data("aliases")["bodies"]))


def write(documents: list[Document], folder: Path) -> list[Path]:
    """The documents as UTF-8 files in ``folder``, in order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for doc in documents:
        path = folder / doc.name
        path.write_text(doc.text, encoding="utf-8")
        paths.append(path)
    return paths


def first_megabytes(paths: list[Path], megabytes: float) -> list[Path]:
    """The first files of ``paths`` that together make ``megabytes``."""
    chosen, size = [], 0
    for path in paths:
        if size >= megabytes * MB:
            break
        chosen.append(path)
        size += path.stat().st_size
    return chosen
