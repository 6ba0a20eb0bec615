"""The outputs README.md shows, from real runs: check them (tests/test_readme.py) or write them anew.

    .venv/bin/python scripts/readme_outputs.py           # say which documented outputs differ
    .venv/bin/python scripts/readme_outputs.py --write   # rewrite them from real runs

A fenced block is checked when an HTML comment stands right above it:

    <!-- run -->                 the block starts with `$ govplan …`; the rest is what it prints
    <!-- run: CMD -->            the block is what CMD prints (e.g. what `make run` runs)
    <!-- run: CMD; elide: RE --> lines matching RE are shown as one row of … (a long table)
    <!-- excerpt: FILE; from: LINE; lines: N -->  N lines of FILE (written by an earlier run),
                                 from the line that reads LINE (stripped)

The commands run in order, as the README lists them, in a scratch copy of corpus/seeds, specs and
tests/fixtures (so `extract … -o specs --force` rewrites the copy only), with the interface in
Chinese. Standard output comes first, then standard error. Timings (0.77s) and the padding rich
puts around them are not compared.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
COPIED = ("corpus/seeds", "specs", "tests/fixtures")
MARKER = re.compile(r"^<!-- (run|excerpt)(?:: (.*?))? -->\n```[^\n]*\n(.*?)^```$", re.M | re.S)
ELIDED = "…"


@dataclass(frozen=True)
class Block:
    """One documented output: where its text stands in the README, and how to produce it."""

    kind: str  # run | excerpt
    options: dict[str, str]
    start: int  # offsets of the block's text in the README
    end: int
    text: str

    @property
    def command(self) -> str:
        if "" in self.options:
            return self.options[""]
        first = self.text.split("\n", 1)[0]
        if not first.startswith("$ "):
            raise ValueError(f"a <!-- run --> block must start with '$ ': {first!r}")
        return first[2:]


def blocks(readme: str) -> list[Block]:
    """The README's checked blocks, in order."""
    found = []
    for match in MARKER.finditer(readme):
        kind = match.group(1)
        head, *rest = (match.group(2) or "").split("; ")
        options = {("excerpt" if kind == "excerpt" else ""): head} if head else {}
        options.update(part.partition(": ")[::2] for part in rest)
        found.append(Block(kind, options, match.start(3), match.end(3), match.group(3)))
    return found


def produce(block: Block, workdir: Path) -> str:
    """The block's text as a real run gives it now."""
    if block.kind == "excerpt":
        lines = (workdir / block.options["excerpt"]).read_text(encoding="utf-8").split("\n")
        start = next(k for k, line in enumerate(lines) if line.strip() == block.options["from"])
        return "\n".join(lines[start : start + int(block.options["lines"])]) + "\n"
    printed = run(block.command, workdir)
    if "elide" in block.options:
        printed = elide(printed, re.compile(block.options["elide"]))
    shown = (f"$ {block.command}\n" if "" not in block.options else "") + printed
    return "\n".join(line.rstrip() for line in shown.split("\n"))  # rich pads titles with blanks


def run(command: str, workdir: Path) -> str:
    """What a govplan command prints (stdout, then stderr), run as the installed command would."""
    args = command.split()
    if args[0] != "govplan":
        raise ValueError(f"only govplan commands are run: {command!r}")
    env = {**os.environ, "GOVPLAN_LANG": "zh", "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "govplan", *args[1:]], capture_output=True, text=True,
                            cwd=workdir, env=env, timeout=600)
    return result.stdout + result.stderr


def elide(text: str, pattern: re.Pattern[str]) -> str:
    """Each run of lines matching ``pattern`` shown as one row of … shaped like the first of them."""
    out: list[str] = []
    eliding = False
    for line in text.split("\n"):
        if pattern.search(line) and not eliding:
            out.append(_elision_row(line))
        elif not pattern.search(line):
            out.append(line)
        eliding = bool(pattern.search(line))
    return "\n".join(out)


def _elision_row(line: str) -> str:
    """A table row of the same shape holding … in its first cell (a lone … outside a table)."""
    cells = line.split("│")
    if len(cells) < 3:
        return ELIDED
    inner = [" " + ELIDED + " " * (_width(cells[1]) - 2)] + [" " * _width(cell) for cell in cells[2:-1]]
    return "│".join([cells[0], *inner, cells[-1]])


def _width(text: str) -> int:
    """Terminal columns: wide (CJK) characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def comparable(text: str) -> str:
    """Text with what varies between runs made equal: timings, and the padding around them."""
    text = re.sub(r"\d+\.\d+s\b", "0.00s", text)
    text = re.sub(r"([━─]){2,}", r"\1", text)
    return "\n".join(re.sub(r" {2,}", " ", line).rstrip() for line in text.split("\n"))


def matches(documented: str, real: str) -> bool:
    """Whether the documented text is the real one, a row of … standing for the rows left out."""
    parts = [re.escape(line) if line.strip(" │") != ELIDED else r"(?:[^\n]*\n)*?[^\n]*" for line in comparable(documented).split("\n")]
    return re.fullmatch("\n".join(parts), comparable(real)) is not None


def scratch_copy() -> Path:
    """A temporary folder holding what the documented commands read and write."""
    workdir = Path(tempfile.mkdtemp(prefix="govplan-readme-"))
    for name in COPIED:
        shutil.copytree(ROOT / name, workdir / name)
    return workdir


def differences(readme: str) -> list[tuple[Block, str]]:
    """Each checked block whose documented text is not what a real run gives, with that text."""
    workdir = scratch_copy()
    try:
        return [(block, real) for block in blocks(readme) if not matches(block.text, real := produce(block, workdir))]
    finally:
        shutil.rmtree(workdir)


def rewritten(readme: str) -> str:
    """The README with every checked block written from a real run."""
    workdir = scratch_copy()
    try:
        produced = [(block, produce(block, workdir)) for block in blocks(readme)]
    finally:
        shutil.rmtree(workdir)
    for block, text in reversed(produced):
        readme = readme[: block.start] + text + readme[block.end :]
    return readme


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="rewrite the documented outputs from real runs")
    args = parser.parse_args()
    readme = README.read_text(encoding="utf-8")
    if args.write:
        README.write_text(rewritten(readme), encoding="utf-8")
        return 0
    wrong = differences(readme)
    for block, real in wrong:
        print(f"README.md: the block after <!-- {block.kind} --> at offset {block.start} differs; a real run gives:\n{real}")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
