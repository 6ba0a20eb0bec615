"""Validating spec files: read, locate every problem, attach a code frame; many files in parallel.

Findings are located (line, column, code frame) in the process that read the file, so only small
finding objects travel between worker processes.
"""

from __future__ import annotations

import gc
import os
import sys
import unicodedata
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Iterator

from govplan.i18n import tr
from govplan.validate.fastyaml import TokenPositions
from govplan.validate.findings import Finding
from govplan.validate.guard import printable, yaml_lines
from govplan.validate.positions import Positions, locate
from govplan.validate.plainschema import plain_spec
from govplan.validate.reader import load
from govplan.validate.rules import RuleContext, build_for_workers, check_rules

if TYPE_CHECKING:
    from govplan.spec.model import Spec

STDIN = "-"
# Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM = 64
SPEC_SUFFIXES = (".yaml", ".yml", ".json")
# Objects allocated between two collections of the youngest generation, in validate's workers.
YOUNG_PER_COLLECTION = 20_000
# Under a code frame's caret, every ASCII character but the tab takes one column of space.
_ASCII_PAD = {code: " " for code in range(128) if code != ord("\t")}


@dataclass
class Checked:
    """One spec's findings, in file order, and the spec itself when it matched the schema (the models,
    or the plain records of validate/plainschema.py, which have the models' fields)."""

    findings: list[Finding]
    spec: Spec | SimpleNamespace | None = None


def checked_text(text: str, name: str, ctx: RuleContext, models: bool = True) -> Checked:
    """Every finding for one spec text, located, and the validated spec (so a renderer reads it once).

    Without ``models``, a spec that certainly matches the schema is checked without pydantic
    (validate/plainschema.py) and handed back as its plain records."""
    loaded = load(text)
    findings = list(loaded.findings)
    spec = None
    if loaded.data is not None or not findings:
        plain = None if models else plain_spec(loaded.data)
        if plain is not None:
            spec = plain
            findings += check_rules(plain, ctx)
        else:
            from govplan.validate.schema_check import check_schema

            spec, schema_findings = check_schema(loaded.data)
            findings += schema_findings
            if spec is not None:
                findings += check_rules(spec, ctx)
    if findings:
        lines = _lines(loaded.positions, text)
        for finding in findings:
            _place(finding, name, loaded.positions, lines)
    return Checked(sorted(findings, key=Finding.sort_key), spec)


def check_text(text: str, name: str, ctx: RuleContext) -> list[Finding]:
    """Every finding for one spec text, located, in file order."""
    return checked_text(text, name, ctx, models=False).findings


def checked_file(path: str, ctx: RuleContext, models: bool = True) -> Checked:
    """Every finding for one spec file (or standard input when ``path`` is "-"), and its spec
    (see checked_text for what ``models`` changes)."""
    name = "<stdin>" if path == STDIN else path
    try:
        raw = sys.stdin.buffer.read() if path == STDIN else Path(path).read_bytes()
        text = raw.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        finding = Finding(
            "GP000",
            (),
            tr(f"无法读取文件：{exc}", f"cannot read the file: {exc}"),
            tr("规格文件应为 UTF-8 编码的 YAML", "spec files are UTF-8 encoded YAML"),
        )
        finding.file, finding.line, finding.column = name, 1, 1
        return Checked([finding])
    return checked_text(text, name, ctx, models)


def check_file(path: str, ctx: RuleContext) -> list[Finding]:
    """Every finding for one spec file (or standard input when ``path`` is "-")."""
    return checked_file(path, ctx, models=False).findings


def checked_files(paths: list[str], ctx: RuleContext, models: bool = True) -> list[Checked]:
    """Each file's findings, in the order given, and its spec (see checked_text);
    large batches use every core, and their workers send back findings only (no spec)."""
    workers = min(len(paths) // PARALLEL_FROM, os.cpu_count() or 1)
    if workers < 2 or STDIN in paths:
        return [checked_file(path, ctx, models) for path in paths]
    from functools import partial

    from govplan.workers import map_in_workers

    first = Checked(check_file(paths[0], ctx))  # builds what every check builds on first use, once for all workers
    build_for_workers()  # and what only some checks build, which each worker would build again
    rest = paths[1:]
    chunk = max(1, len(rest) // (workers * 8))
    with _collection_for_workers():
        return [first, *(Checked(findings) for findings in map_in_workers(partial(check_file, ctx=ctx), rest, workers, chunk))]


@contextmanager
def _collection_for_workers() -> Iterator[None]:
    """While inside, the garbage collector leaves out the objects made so far, so that the workers
    forked meanwhile do not walk (and copy) the heap they inherit, and collects young objects
    YOUNG_PER_COLLECTION at a time: a spec's check makes thousands of objects and no cycles, and
    collecting them 700 at a time (the default) cost 3% of it."""
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(YOUNG_PER_COLLECTION, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def check_files(paths: list[str], ctx: RuleContext) -> list[Finding]:
    """Findings for many files, in the order given; large batches use every core."""
    return [finding for checked in checked_files(paths, ctx, models=False) for finding in checked.findings]


def spec_files(targets: list[str], suffixes: tuple[str, ...] = SPEC_SUFFIXES) -> tuple[list[str], list[str]]:
    """The spec files named by ``targets`` (directories searched recursively) and targets not found."""
    files: list[str] = []
    missing: list[str] = []
    for target in targets:
        path = Path(target)
        if target == STDIN or path.is_file():
            files.append(target)
        elif path.is_dir():
            files.extend(
                str(found)
                for found in sorted(path.rglob("*"))
                if found.suffix in suffixes and found.is_file() and not _hidden(found, path)
            )
        else:
            missing.append(target)
    return files, missing


def _hidden(found: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in found.relative_to(root).parts)


def with_strictness(findings: list[Finding], strict: bool) -> list[Finding]:
    """Under --strict every warning counts as an error."""
    return [replace(finding, strict=True) for finding in findings] if strict else findings


def _lines(positions: Positions, text: str) -> Sequence[str]:
    """The text's lines as a YAML reader numbers them: kept by the fast reader when it can give them back."""
    kept = positions.lines if isinstance(positions, TokenPositions) else None
    return kept if kept is not None else yaml_lines(text.lstrip("\ufeff"))


def _place(finding: Finding, name: str, positions: Positions, lines: Sequence[str]) -> None:
    finding.file = name
    if not finding.line:
        finding.line, finding.column = locate(positions, finding.path, finding.anchor)
    finding.frame = code_frame(lines, finding.line, finding.column)


def code_frame(lines: Sequence[str], line: int, column: int) -> list[str]:
    """The offending line and the one before it, numbered, with a caret under the column."""
    if not 0 < line <= len(lines):
        return []
    width = len(str(line))
    frame = []
    for number in range(max(1, line - 1), line + 1):
        marker = ">" if number == line else " "
        frame.append(f"{marker} {number:>{width}} | {printable(lines[number - 1])}")
    before = printable(lines[line - 1][: column - 1])
    if before.isascii():  # indentation and keys, as a rule
        pad = before.translate(_ASCII_PAD)
    else:
        pad = "".join("\t" if ch == "\t" else " " * _display_width(ch) for ch in before)
    frame.append(f"  {' ' * width} | {pad}^")
    return frame


def _display_width(char: str) -> int:
    """Columns a character takes in a terminal: CJK characters take two."""
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
