"""The command line's entry point: the process's pattern memos, then the command, its errors turned
into exit codes and one-line messages.

A plain `govplan validate` (the pre-commit hook's call) or `govplan render` is run without typer
(govplan/cli/quick.py); everything else goes through the typer app (govplan/cli/group.py). Command modules import nothing
heavy at module level (no jieba, no OpenCC), so `govplan --help` and `govplan validate` start fast.
"""

from __future__ import annotations

import gc
import os
import sys
from typing import Callable

from govplan import charsets, dataclasscache, firstchars, patterncache, pydanticplugins

# The module (govplan.cli.*) that registers each command, in the order `govplan --help` lists them.
COMMAND_MODULES: dict[str, str] = {
    "extract": "extract_cmd",
    "validate": "validate_cmd", "schema": "validate_cmd", "fmt": "validate_cmd",
    "render": "render_cmd", "calendar": "render_cmd", "templates": "render_cmd",
    "review": "review_cmd",
    "ledger": "ledger_cmd",
    "eval": "eval_cmd",
}
# The command line's process only (a library user's re and dataclasses stay as they are), before patterns
# compile and classes are made; one file of kept patterns and one of dataclass functions per command
# module (help and global options first: "any").
_EXTRACTING = ("extract_cmd", "eval_cmd")  # the commands that scan notices: they read kept pattern analyses
_KIND = COMMAND_MODULES.get(sys.argv[1], "any") if len(sys.argv) > 1 else "any"
firstchars.install()  # first: the pattern cache's file is named by whether start sets are found through openings
patterncache.install(kind=_KIND)
if _KIND != "any":  # help and global options make few classes: reading the file would cost more than it saves
    dataclasscache.install(kind=_KIND)
if _KIND in _EXTRACTING:  # after the dataclass install: govplan.scanning makes one
    from govplan import scancache

    scancache.install(kind=_KIND)
charsets.install()
# pydantic looks for plugins the first time it builds a model's validator: a scan of every installed
# distribution's entry points (importlib.metadata), 5 ms of CPU before `extract --jobs` can fork and in
# every cold command. govplan's models take no plugin; a user's own setting of the variable is kept.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
# Its plugin loader imports importlib.metadata (email, zipfile, socket …) only to be told "none": a stand-in
# answers while plugins are off (govplan/pydanticplugins.py).
pydanticplugins.install()

from govplan.errors import Errors, GovplanError, error_line  # noqa: E402  (after the installs)
from govplan.i18n import tr  # noqa: E402

# A command's imports (typer, pydantic and its schemas, python-docx) leave a few hundred thousand
# objects that live as long as the process; at Python's default thresholds (700, 10, 10) the
# collector walks them again and again, a tenth of the CPU of a cold `validate` or `render`.
# Collecting every 50,000 allocations leaves at most that many unreachable objects waiting.
GC_THRESHOLDS = (50_000, 20, 10)
_debug = False  # --debug (a global option): errors show their traceback

Echo = Callable[..., None]


def main() -> None:
    """Entry point: run the command; govplan's own errors print as one clear line, never a traceback.

    Usage errors (exit 2) are printed in the interface language, not by click; govplan's errors
    exit with their registered code (docs/errors.md); anything else that escapes a command is an
    internal error (exit 3).
    """
    from govplan.cli.quick import echo, plain_command

    gc.set_threshold(*GC_THRESHOLDS)
    args = sys.argv[1:]
    command = plain_command(args)
    if command is None:
        import typer

        from govplan.cli.group import register_commands, run_app

        register_commands(args)
        command, echo = (lambda: run_app(args)), typer.echo
    try:
        sys.exit(_guarded(command, echo))
    finally:
        # The process ends: Python's collection at exit walks every object still alive (7% of a cold
        # `validate`'s instructions, 0.06 s after extracting the corpus) and leaves frozen ones out.
        # Nothing waits on it: files are written and closed before, and Python never promises a __del__ at exit.
        gc.freeze()


def set_debug(value: bool) -> None:
    """--debug: let govplan's errors and internal errors raise, with their traceback."""
    global _debug
    _debug = value


def _guarded(command: Callable[[], int], echo: Echo) -> int:
    """The command's exit code, govplan's errors and anything unforeseen printed as one line (see main)."""
    try:
        return command()
    except GovplanError as exc:
        if _debug:
            raise
        echo(error_line(exc.code, exc.message), err=True)
        return exc.exit_code
    except KeyboardInterrupt:
        echo(tr("已中断。", "Interrupted."), err=True)
        return 130
    except Exception as exc:  # noqa: BLE001 - the last line of defence: users never see a traceback
        if _debug:
            raise
        internal = GovplanError(Errors.E900, detail=repr(exc))
        echo(error_line(internal.code, internal.message) + tr("（用 --debug 查看详情）", " (use --debug for details)"), err=True)
        return internal.exit_code
