"""The typer app: global options, the registration of the commands, and click's errors.

Command modules import nothing heavy at module level (no jieba, no OpenCC), so
`govplan --help` and `govplan validate` start fast. A plain `govplan validate` does not come
here at all (govplan/cli/quick.py).
"""

from __future__ import annotations

from importlib import import_module

import typer

from govplan import __version__
from govplan.cli import app as entry
from govplan.cli.clitext import GovplanTyper, usage_error_text
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
    if lang:
        set_language(lang)
    entry.set_debug(debug)


_registered: set[str] = set()


def register_commands(args: list[str]) -> None:
    """Register the commands of the module whose command ``args`` start with (govplan validate …), or
    of every module (help, global options first, a name govplan does not know): importing every
    module and building every command was 4% of a cold `validate`."""
    named = entry.COMMAND_MODULES.get(args[0]) if args else None
    for name in [named] if named else dict.fromkeys(entry.COMMAND_MODULES.values()):
        if name not in _registered:
            import_module(f"govplan.cli.{name}").register(app)
            _registered.add(name)


# click's exception classes, whichever click typer runs on (its own bundled copy, or click itself).
CLICK_ERROR = next(cls for cls in typer.BadParameter.__mro__ if cls.__name__ == "ClickException")


def run_app(args: list[str]) -> int:
    """The app run on ``args``; its exit code, click's usage errors printed in the interface language."""
    register_commands(args)
    try:
        code = app(standalone_mode=False)
    except CLICK_ERROR as exc:
        typer.echo(usage_error_text(exc), err=True)
        return exc.exit_code
    except typer.Abort as exc:
        if isinstance(exc.__cause__, KeyboardInterrupt):  # click turns Ctrl-C into Abort outside standalone mode
            typer.echo(tr("已中断。", "Interrupted."), err=True)
            return 130
        typer.echo(tr("已中止。", "Aborted!"), err=True)
        return 1
    return code if isinstance(code, int) else 0
