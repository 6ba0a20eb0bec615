"""`govplan validate` without typer, for its plain invocations (a pre-commit hook checks one spec).

typer builds a pydantic adapter for every option, so a cold `govplan validate one.yaml` imported
typer and pydantic before reading the spec: about 0.1 s of its 0.24 s of CPU. A command line this
module reads for certain (known options with well-formed values, at least one path, no help, no
shell completion, streams click would not rewrap) runs the command here as click would run it;
any other goes to the typer app unchanged, so help, usage errors and their wording stay typer's.
"""

from __future__ import annotations

import codecs
import io
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from govplan.i18n import set_language, tr

COMMAND = "validate"
FORMATS = ("text", "json", "github")
# Options that take a value, by every name click accepts them under, and the field each sets.
VALUED = {"--format": "output", "-f": "output", "--source": "source", "--registry": "registry"}
STRICT = "--strict"
# click's pattern of ANSI style codes, which it strips from output that is not a terminal.
ANSI_STYLE = r"\033\[[;?0-9]*[a-zA-Z]"

Echo = Callable[..., None]


@dataclass
class Invocation:
    """A plain `govplan [--lang L] validate PATH... [options]`, read as typer would read it."""

    lang: str | None = None
    paths: list[str] = field(default_factory=list)
    output: str = "text"
    strict: bool = False
    source: Path | None = None
    registry: list[Path] = field(default_factory=list)


def plain_validate(args: list[str]) -> Callable[[], int] | None:
    """The run of a plain validate command line, or None when typer must read it."""
    invocation = read_invocation(args)
    if invocation is None or not _plain_streams() or any(name.endswith("_COMPLETE") for name in os.environ):
        return None
    return lambda: run(invocation)


def read_invocation(args: list[str]) -> Invocation | None:
    """The invocation ``args`` certainly mean, or None (anything typer might read otherwise)."""
    invocation = Invocation()
    rest = iter(args)
    for arg in rest:
        if arg == COMMAND:
            break
        name, value = _option(arg, rest)
        if name != "--lang" or value is None:
            return None  # --help, --version, --debug (its traceback is typer's to show), a command typer runs
        invocation.lang = value
    else:
        return None
    for arg in rest:
        if arg == "-" or not arg.startswith("-"):
            invocation.paths.append(arg)
        elif arg == STRICT:
            invocation.strict = True
        elif not _take(invocation, *_option(arg, rest)):
            return None
    return invocation if invocation.paths else None


def _option(arg: str, rest: Iterator[str]) -> tuple[str, str | None]:
    """An option and its value (``--name=value`` or the next argument); the value is None when it is
    missing, empty or could be read as an option. A short option's value is the next argument only
    (click reads -fjson and -f=json as values glued on)."""
    name, equals, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
    if not equals:
        value = next(rest, "")
    return name, value if value and not value.startswith("-") else None


def _take(invocation: Invocation, name: str, value: str | None) -> bool:
    """Set an option's value on the invocation; False when it is not one typer would accept as it is."""
    target = VALUED.get(name)
    if value is None or target is None:
        return False
    if target == "output":
        invocation.output = value
        return value in FORMATS
    if target == "registry":
        invocation.registry.append(Path(value))
        return True
    # --source: an existing, readable directory (click.Path(exists=True, file_okay=False))
    invocation.source = Path(value)
    return os.path.isdir(value) and os.access(value, os.R_OK)


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
        return validate_specs(invocation.paths, invocation.output, invocation.strict, invocation.source,
                              invocation.registry, echo)
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
