"""`govplan validate`, `govplan render` and `govplan extract` without typer, for their plain invocations
(a pre-commit hook checks one spec; a person renders one table; an archive is extracted with --jobs).

typer builds a pydantic adapter for every option, so a cold `govplan validate one.yaml` imported
typer and pydantic before reading the spec: about 0.1 s of its 0.24 s of CPU, and as much of a cold
`render`. A command line this module reads for certain (known options with well-formed values, at
least one path, every required option, no help, no shell completion, streams click would not
rewrap) runs the command here as click would run it; any other goes to the typer app unchanged, so
help, usage errors and their wording stay typer's.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from govplan.i18n import set_language, tr

FORMATS = ("text", "json", "github")
# click's pattern of ANSI style codes, which it strips from output that is not a terminal.
ANSI_STYLE = r"\033\[[;?0-9]*[a-zA-Z]"

Echo = Callable[..., None]


@dataclass(frozen=True)
class PlainCommand:
    """What a command line of one command may hold to be read here: its flags and valued options (by
    every name click accepts them under, with the field each sets), the fields that collect a list,
    those it cannot run without, and whether typer would take a value as it is."""

    flags: dict[str, str]
    valued: dict[str, str]
    repeated: frozenset[str]
    required: frozenset[str]
    accepts: Callable[[str, str], bool]
    run: Callable[["Invocation"], int]


@dataclass
class Invocation:
    """A plain `govplan [--lang L] COMMAND PATH... [options]`, read as typer would read it."""

    command: str
    lang: str | None = None
    paths: list[str] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)


def plain_command(args: list[str]) -> Callable[[], int] | None:
    """The run of a plain validate, render or extract command line, or None when typer must read it."""
    invocation = read_invocation(args)
    if invocation is None or not _plain_streams() or any(name.endswith("_COMPLETE") for name in os.environ):
        return None
    return lambda: run(invocation)


def read_invocation(args: list[str]) -> Invocation | None:
    """The invocation ``args`` certainly mean, or None (anything typer might read otherwise)."""
    lang = None
    rest = iter(args)
    for arg in rest:
        if arg in COMMANDS:
            invocation, command = Invocation(arg, lang), COMMANDS[arg]
            break
        name, value = _option(arg, rest)
        if name != "--lang" or value is None:
            return None  # --help, --version, --debug (its traceback is typer's to show), a command typer runs
        lang = value
    else:
        return None
    for arg in rest:
        if arg == "-" or not arg.startswith("-"):
            invocation.paths.append(arg)
        elif arg in command.flags:
            invocation.values[command.flags[arg]] = True
        elif not _take(invocation, command, *_option(arg, rest)):
            return None
    if not invocation.paths or not command.required <= invocation.values.keys():
        return None
    return invocation


def _option(arg: str, rest: Iterator[str]) -> tuple[str, str | None]:
    """An option and its value (``--name=value`` or the next argument); the value is None when it is
    missing, empty or could be read as an option. A short option's value is the next argument only
    (click reads -fjson and -f=json as values glued on)."""
    name, equals, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
    if not equals:
        value = next(rest, "")
    return name, value if value and not value.startswith("-") else None


def _take(invocation: Invocation, command: PlainCommand, name: str, value: str | None) -> bool:
    """Set an option's value on the invocation; False when it is not one typer would accept as it is."""
    target = command.valued.get(name)
    if value is None or target is None or not command.accepts(target, value):
        return False
    if target in command.repeated:
        invocation.values.setdefault(target, []).append(value)
    else:
        invocation.values[target] = value
    return True


def _validate_accepts(target: str, value: str) -> bool:
    """Whether typer takes a validate option's value: a known --format, an existing readable --source directory
    (click.Path(exists=True, file_okay=False))."""
    if target == "output":
        return value in FORMATS
    if target == "source":
        return os.path.isdir(value) and os.access(value, os.R_OK)
    return True


def _render_accepts(target: str, value: str) -> bool:
    """Whether typer takes a render option's value: a view or format it lists, a --depth of at least 1."""
    from govplan.cli.rendering import FORMATS as RENDER_FORMATS, VIEWS

    if target == "view":
        return value in VIEWS
    if target == "to":
        return value in RENDER_FORMATS
    if target == "depth":
        return value.isascii() and value.isdigit() and int(value) >= 1
    return True


def _extract_accepts(target: str, value: str) -> bool:
    """Whether typer takes an extract option's value: a format or engine it lists, a --jobs or --batch-size
    of at least 1, a --date written %Y-%m-%d (click.DateTime's reading)."""
    from govplan.cli.extracting import ENGINES, FORMATS as EXTRACT_FORMATS

    if target == "fmt":
        return value in EXTRACT_FORMATS
    if target == "engine":
        return value in ENGINES
    if target in ("jobs", "batch_size"):
        return value.isascii() and value.isdigit() and int(value) >= 1
    if target == "date":
        return _iso_day(value) is not None
    return True


def _iso_day(value: str) -> dt.date | None:
    """--date as click.DateTime(formats=["%Y-%m-%d"]) reads it, or None where it would not."""
    try:
        return dt.datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        return None


def _plain_streams() -> bool:
    """Whether click would print to the standard streams as they are (it rewraps an ASCII one)."""
    return all(isinstance(stream, io.TextIOWrapper) and not _ascii(stream.encoding) for stream in (sys.stdout, sys.stderr))


def _ascii(encoding: str) -> bool:
    """click's test of a misconfigured stream (an encoding Python does not know is not ASCII to it)."""
    try:
        return codecs.lookup(encoding).name == "ascii"
    except LookupError:
        return False


def run(invocation: Invocation) -> int:
    """The command run as click runs a command: end of input aborts, Ctrl-C exits 130 quietly, a
    closed pipe exits 1 (stdout and stderr stop complaining of it)."""
    import errno

    if invocation.lang:
        set_language(invocation.lang)
    try:
        return COMMANDS[invocation.command].run(invocation)
    except EOFError:
        echo(None, err=True)
        echo(tr("已中止。", "Aborted!"), err=True)
        return 1
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            raise
        from typer._click.utils import PacifyFlushWrapper

        sys.stdout = PacifyFlushWrapper(sys.stdout)  # type: ignore[assignment]
        sys.stderr = PacifyFlushWrapper(sys.stderr)  # type: ignore[assignment]
        return 1


def _run_validate(invocation: Invocation) -> int:
    """A plain validate command line, run."""
    values = invocation.values
    source = values.get("source")
    return validate_specs(invocation.paths, values.get("output", "text"), values.get("strict", False),
                          Path(source) if source is not None else None, [Path(p) for p in values.get("registry", [])], echo)


def _run_render(invocation: Invocation) -> int:
    """A plain render command line, run (govplan/cli/rendering.py, as the typer command runs it)."""
    from govplan.cli.rendering import render_specs

    values = invocation.values

    def path(name: str) -> Path | None:
        return Path(values[name]) if name in values else None

    depth = values.get("depth")
    render_specs([Path(p) for p in invocation.paths], values["view"], values.get("to"), path("output"), values.get("unit"),
                 int(depth) if depth is not None else None, path("template"), values.get("today"),
                 values.get("no_validate", False), [Path(p) for p in values.get("registry", [])], values.get("title"),
                 values.get("attachment"), values.get("all_sections", False), values.get("combined", False),
                 path("per_unit"), echo)
    return 0


def _run_extract(invocation: Invocation) -> int:
    """A plain extract command line, run (govplan/cli/extracting.py, as the typer command runs it)."""
    from govplan.cli.extracting import extract_documents

    values = invocation.values
    output, manifest, date = values.get("output"), values.get("manifest"), values.get("date")
    return extract_documents(
        invocation.paths, Path(output) if output is not None else None, values.get("fmt", "yaml"),
        values.get("recursive", False), Path(manifest) if manifest is not None else None,
        values.get("skip_unchanged", False), values.get("force", False), values.get("update", False),
        int(values.get("jobs", 1)), values.get("engine", "local"), values.get("address"),
        int(values.get("batch_size", 50)), [Path(p) for p in values.get("registry", [])],
        _iso_day(date) if date is not None else None, echo)


def validate_specs(paths: list[str], output: str, strict: bool, source: Path | None, registry: list[Path],
                   echo: Echo) -> int:
    """`govplan validate`: check spec files, print every problem found, located; 1 if any is an error."""
    from govplan import api
    from govplan.errors import Errors, GovplanError
    from govplan.registry import registry_files
    from govplan.validate.check import spec_files
    from govplan.validate.report import counts, render

    files, missing = spec_files(paths)
    if missing:
        raise GovplanError(Errors.E004, names=", ".join(missing))
    if not files:
        raise GovplanError(Errors.E005)
    units = registry_files(registry, [p for p in paths if p != "-"])
    findings = api.validate_files(files, registry=units, source_dir=source, strict=strict)
    echo(render(findings, len(files), output), nl=False)
    errors, _ = counts(findings)
    return 1 if errors else 0


def echo(message: str | None, err: bool = False, nl: bool = True) -> None:
    """click.echo of a text: to stdout or stderr, a newline after it unless ``nl`` is off, ANSI styles
    stripped when the stream is no terminal, flushed."""
    stream = sys.stderr if err else sys.stdout
    out = (message or "") + "\n" if nl else message or ""
    if not out:
        stream.flush()
        return
    if "\033" in out and not _isatty(stream):
        import re

        out = re.sub(ANSI_STYLE, "", out)
    stream.write(out)
    stream.flush()


def _isatty(stream: io.TextIOWrapper) -> bool:
    try:
        return stream.isatty()
    except Exception:  # noqa: BLE001 - as click: a stream that cannot tell is no terminal
        return False


COMMANDS: dict[str, PlainCommand] = {
    "validate": PlainCommand(
        flags={"--strict": "strict"},
        valued={"--format": "output", "-f": "output", "--source": "source", "--registry": "registry"},
        repeated=frozenset({"registry"}), required=frozenset(), accepts=_validate_accepts, run=_run_validate),
    "render": PlainCommand(
        flags={"--no-validate": "no_validate", "--all-sections": "all_sections", "--combined": "combined"},
        valued={"--as": "view", "--to": "to", "-o": "output", "--output": "output", "--unit": "unit", "--depth": "depth",
                "--template": "template", "--today": "today", "--registry": "registry", "--title": "title",
                "--attachment": "attachment", "--per-unit": "per_unit"},
        repeated=frozenset({"registry"}), required=frozenset({"view"}), accepts=_render_accepts, run=_run_render),
    "extract": PlainCommand(
        flags={"--force": "force", "--update": "update", "--recursive": "recursive", "-r": "recursive",
               "--skip-unchanged": "skip_unchanged"},
        valued={"-o": "output", "--output": "output", "--format": "fmt", "--jobs": "jobs", "-j": "jobs",
                "--engine": "engine", "--address": "address", "--batch-size": "batch_size", "--registry": "registry",
                "--manifest": "manifest", "--date": "date"},
        repeated=frozenset({"registry"}), required=frozenset(), accepts=_extract_accepts, run=_run_extract),
}
