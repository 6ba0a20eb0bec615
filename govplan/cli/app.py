"""The typer app: global options, error handling, and the registration of the commands.

Command modules import nothing heavy at module level (no jieba, no OpenCC), so
`govplan --help` and `govplan validate` start fast.
"""

from __future__ import annotations

import gc
import sys
from importlib import import_module

from govplan import charsets, patterncache

# The module (govplan.cli.*) that registers each command, in the order `govplan --help` lists them.
COMMAND_MODULES: dict[str, str] = {
    "extract": "extract_cmd",
    "validate": "validate_cmd", "schema": "validate_cmd", "fmt": "validate_cmd",
    "render": "render_cmd", "calendar": "render_cmd", "templates": "render_cmd",
    "review": "review_cmd",
    "ledger": "ledger_cmd",
    "eval": "eval_cmd",
}
# The command line's process only (a library user's re stays as it is), before patterns compile; one
# file of kept patterns per command module (help and global options first: "any").
patterncache.install(kind=COMMAND_MODULES.get(sys.argv[1], "any") if len(sys.argv) > 1 else "any")
charsets.install()

import typer  # noqa: E402  (after the install: typer's own classes are remembered too)

from govplan import __version__  # noqa: E402
from govplan.cli.clitext import GovplanTyper, usage_error_text
from govplan.errors import GovplanError
from govplan.errors import Errors, GovplanError, error_line
from govplan.i18n import set_language, tr

app = GovplanTyper(
    name="govplan",
    help=tr(
        "govplan：政策文件编译器。把通知、实施方案、任务分解方案提取为任务规格（YAML），"
        "校验人工修改的规格，并生成任务分解表、责任矩阵和责任清单。",
        "govplan: a policy-document compiler. Extracts Chinese government notices into task specs (YAML), "
        "validates hand-edited specs, and renders task tables, responsibility matrices and checklists.",
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

_debug = False
# A command's imports (typer, pydantic and its schemas, python-docx) leave a few hundred thousand
# objects that live as long as the process; at Python's default thresholds (700, 10, 10) the
# collector walks them again and again, a tenth of the CPU of a cold `validate` or `render`.
# Collecting every 50,000 allocations leaves at most that many unreachable objects waiting.
GC_THRESHOLDS = (50_000, 20, 10)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"govplan {__version__}")
        raise typer.Exit()


@app.callback()
def _global_options(
    lang: str | None = typer.Option(
        None, "--lang", help=tr("界面语言：zh 或 en（默认按 GOVPLAN_LANG 或系统语言）",
                                "interface language: zh or en (default: GOVPLAN_LANG or the locale)"), metavar="zh|en"
    ),
    debug: bool = typer.Option(False, "--debug", help=tr("出错时显示完整的调用栈", "show tracebacks on errors")),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help=tr("显示版本", "show the version")
    ),
) -> None:
    global _debug
    if lang:
        set_language(lang)
    _debug = debug


_registered: set[str] = set()


def register_commands(args: list[str]) -> None:
    """Register the commands of the module whose command ``args`` start with (govplan validate …), or
    of every module (help, global options first, a name govplan does not know): importing every
    module and building every command was 4% of a cold `validate`."""
    named = COMMAND_MODULES.get(args[0]) if args else None
    for name in [named] if named else dict.fromkeys(COMMAND_MODULES.values()):
        if name not in _registered:
            import_module(f"govplan.cli.{name}").register(app)
            _registered.add(name)


# click's exception classes, whichever click typer runs on (its own bundled copy, or click itself).
CLICK_ERROR = next(cls for cls in typer.BadParameter.__mro__ if cls.__name__ == "ClickException")


def main() -> None:
    """Entry point: run the app; govplan's own errors print as one clear line, never a traceback.

    Usage errors (exit 2) are printed here, in the interface language, not by click; govplan's
    errors exit with their registered code (docs/errors.md); anything else that escapes a command
    is an internal error (exit 3).
    """
    gc.set_threshold(*GC_THRESHOLDS)
    register_commands(sys.argv[1:])
    try:
        _run()
    finally:
        # The process ends: Python's collection at exit walks every object still alive (7% of a cold
        # `validate`'s instructions, 0.06 s after extracting the corpus) and leaves frozen ones out.
        # Nothing waits on it: files are written and closed before, and Python never promises a __del__ at exit.
        gc.freeze()


def _run() -> None:
    """The app run, its errors turned into exit codes and one-line messages (see main)."""
    try:
        code = app(standalone_mode=False)
    except CLICK_ERROR as exc:
        typer.echo(usage_error_text(exc), err=True)
        sys.exit(exc.exit_code)
    except typer.Abort as exc:
        if isinstance(exc.__cause__, KeyboardInterrupt):  # click turns Ctrl-C into Abort outside standalone mode
            typer.echo(tr("已中断。", "Interrupted."), err=True)
            sys.exit(130)
        typer.echo(tr("已中止。", "Aborted!"), err=True)
        sys.exit(1)
    except GovplanError as exc:
        if _debug:
            raise
        typer.echo(error_line(exc.code, exc.message), err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        typer.echo(tr("已中断。", "Interrupted."), err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the last line of defence: users never see a traceback
        if _debug:
            raise
        internal = GovplanError(Errors.E900, detail=repr(exc))
        typer.echo(error_line(internal.code, internal.message) + tr("（用 --debug 查看详情）", " (use --debug for details)"), err=True)
        sys.exit(internal.exit_code)
    sys.exit(code if isinstance(code, int) else 0)
