"""Fingerprints of everything `govplan render`, `calendar` and `validate` print and write for a set of
specs, so that a speed change to those paths can be shown to change no output.

Run it once with the code before a change and once after (PYTHONPATH=/path/to/old/tree picks the old
govplan), then compare the two manifests:

    python bench/render_identity.py specs tests/fixtures -o before.json
    python bench/render_identity.py specs tests/fixtures -o after.json
    python bench/render_identity.py --compare before.json after.json

Every spec is rendered in every view and format (with --today fixed), as a calendar, and validated in
every output format, in process through the functions the command line calls; the edits of
tests/fixtures/plain_edits.yaml (values on the boundary between validate's plain path and the spec
models) are applied to the valid fixture and go through the same. A .docx or .xlsx is compared by its
parts (the zip's entry times and the creation and modification stamps openpyxl writes are the run's
clock), a calendar without its DTSTAMP lines; messages and exit codes are kept as text.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import re
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any, Callable

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
EDITS = ROOT / "tests" / "fixtures" / "plain_edits.yaml"
VALID = ROOT / "tests" / "fixtures" / "validate" / "valid.yaml"
VIEWS = ("tasktable", "matrix", "checklist")
FORMATS = ("docx", "xlsx", "html", "md", "csv")
TODAY = "2024-07-01"
# Stamps of the run's clock inside an output: openpyxl's created/modified, the calendar's DTSTAMP.
CLOCK = re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>|DTSTAMP:[0-9TZ]+\r?\n")


def digest(data: bytes) -> str:
    """The output's fingerprint, with what depends on the run's clock left out."""
    if data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = sorted((info.filename, CLOCK.sub(b"", archive.read(info))) for info in archive.infolist())
        data = b"".join(name.encode() + b"\0" + body + b"\0" for name, body in parts)
    return hashlib.sha256(CLOCK.sub(b"", data)).hexdigest()


def outcome(action: Callable[[Callable[..., None]], Any]) -> dict[str, Any]:
    """What one command does: its messages, its exit code or error (code and text), its result."""
    from govplan.errors import GovplanError

    messages: list[str] = []

    def echo(message: str | None = None, err: bool = False, nl: bool = True) -> None:
        messages.append(("E:" if err else "O:") + (message or "") + ("\n" if nl else ""))

    found: dict[str, Any] = {}
    try:
        result = action(echo)
        if isinstance(result, (bytes, str)):
            found["result"] = digest(result.encode("utf-8") if isinstance(result, str) else result)
        elif result is not None:
            found["result"] = result
    except GovplanError as exc:
        found["error"] = f"{type(exc).__name__}: {exc}"
    found["messages"] = "".join(messages)
    return found


def render_one(path: Path, view: str, fmt: str, out: Path, **options: Any) -> Callable[..., Any]:
    """A `govplan render` of one spec into ``out``, whose bytes are the result."""
    from govplan.cli.rendering import render_specs

    def action(echo: Callable[..., None]) -> bytes:
        target = out / f"one.{fmt}"
        target.unlink(missing_ok=True)
        render_specs([path], view, fmt, target, options.get("unit"), None, None, TODAY, options.get("no_validate", False),
                     [], None, None, False, False, None, echo)
        return target.read_bytes()

    return action


def calendar_one(path: Path) -> Callable[..., Any]:
    """A `govplan calendar` of one spec (as the typer command builds it)."""
    from govplan.cli.rendering import load
    from govplan.registry import registry_files
    from govplan.render.ical import build_calendar

    def action(echo: Callable[..., None]) -> Any:
        result = build_calendar(load([path], False, registry_files([], [path]), echo), None)
        return [digest(result.data), result.events, result.skipped]

    return action


def validate_one(path: Path, fmt: str) -> Callable[..., Any]:
    """A `govplan validate` of one spec in one output format; the result is the exit code."""
    from govplan.cli.quick import validate_specs

    return lambda echo: validate_specs([str(path)], fmt, False, None, [], echo)


def spec_paths(targets: list[str], edits_dir: Path) -> list[Path]:
    """The spec files named (folders searched), then the valid fixture under each boundary edit."""
    paths: list[Path] = []
    for target in map(Path, targets):
        paths.extend(sorted(p for p in target.rglob("*.yaml") if p.name != EDITS.name) if target.is_dir() else [target])
    edits = YAML(typ="safe").load(EDITS.read_text(encoding="utf-8"))
    valid = VALID.read_text(encoding="utf-8")
    for number, (pattern, replacement) in enumerate(edits.values()):
        edited = edits_dir / f"edit-{number:02d}.yaml"
        edited.write_text(re.sub(pattern, replacement, valid, count=1, flags=re.MULTILINE), encoding="utf-8")
        paths.append(edited)
    return paths


def manifest(targets: list[str]) -> dict[str, Any]:
    """Every command's outcome for every spec, keyed by spec and command."""
    import os

    os.environ["GOVPLAN_LANG"] = "en"
    found: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="render-identity-") as name:
        tmp = Path(name)
        (tmp / "edits").mkdir()
        out = tmp / "out"
        out.mkdir()
        for path in spec_paths(targets, tmp / "edits"):
            key = path.name if path.parent == tmp / "edits" else str(path)
            for view in VIEWS:
                for fmt in FORMATS:
                    found[f"{key} render {view} {fmt}"] = _clean(outcome(render_one(path, view, fmt, out)), tmp)
            found[f"{key} render matrix md --no-validate"] = _clean(outcome(render_one(path, "matrix", "md", out, no_validate=True)), tmp)
            found[f"{key} calendar"] = _clean(outcome(calendar_one(path)), tmp)
            for fmt in ("text", "json", "github"):
                found[f"{key} validate {fmt}"] = _clean(outcome(validate_one(path, fmt)), tmp)
    return found


def _clean(found: dict[str, Any], tmp: Path) -> dict[str, Any]:
    """The outcome with the run's temporary folder named the same in every run."""
    return json.loads(json.dumps(found, ensure_ascii=False, default=str).replace(str(tmp), "<tmp>"))


def compare(before: Path, after: Path) -> int:
    """Print every command whose outcome changed; 1 if any did."""
    old, new = (json.loads(p.read_text(encoding="utf-8")) for p in (before, after))
    changed = sorted(key for key in old.keys() | new.keys() if old.get(key) != new.get(key))
    for key in changed:
        print(f"changed: {key}\n  before: {old.get(key)}\n  after:  {new.get(key)}")
    print(f"{len(old)} outcomes before, {len(new)} after, {len(changed)} changed")
    return 1 if changed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("targets", nargs="*", help="spec files or folders")
    parser.add_argument("-o", "--output", type=Path, help="the manifest to write")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args()
    if args.compare:
        return compare(*args.compare)
    found = manifest(args.targets)
    args.output.write_text(json.dumps(found, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    print(f"{len(found)} outcomes written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
