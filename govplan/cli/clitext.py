"""typer and click's own words (Usage, Options, [required], Missing option …) in the interface language.

typer bundles click and writes its help and usage errors in English, without gettext. govplan's
commands and groups are built from the classes here: their help and usage text passes through
`cli_text`, which says click's fixed phrases in Chinese in zh mode (English stays English), and
the entry point reports usage errors with `usage_error_text` instead of click's own printing.
"""

from __future__ import annotations

import re
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from govplan.i18n import language, tr

_PATH_KINDS = {"File": "文件", "Directory": "目录", "Path": "路径"}

# click's fixed phrases in help and usage text, and what zh mode says instead.
HELP_TEXT: tuple[tuple[str, str], ...] = (
    (r"^Usage: ", "用法："),
    (r"\[OPTIONS\]", "[选项]"),
    (r"COMMAND \[ARGS\]\.\.\.", "命令 [参数]..."),
    (r"^Arguments:$", "参数："),
    (r"^Options:$", "选项："),
    (r"^Commands:$", "命令："),
    (r"Show this message and exit\.", "显示此帮助并退出。"),
    (r"\[required\]", "[必填]"),
    (r"\[default: ([^\]]*)\]", r"[默认：\1]"),
    (r"\[env var: ([^\]]*)\]", r"[环境变量：\1]"),
    (r"\(dynamic\)", "（动态）"),
    (r"\[x>=(-?[\d.]+)\]", r"[≥\1]"),
    (r"\[x<=(-?[\d.]+)\]", r"[≤\1]"),
    (r"\[(-?[\d.]+)<=x<=(-?[\d.]+)\]", r"[\1–\2]"),
    (r"<list\[Path\]>", "<路径…>"),
    (r"<list\[str\]>", "<文本…>"),
    (r"<path>", "<路径>"),
    (r"<str>", "<文本>"),
    (r"<int(?: range)?>", "<整数>"),
    (r"<float(?: range)?>", "<数字>"),
    (r"<datetime>", "<日期>"),
    (r"^Try '(.+) (--help|-h)' for help\.$", r"用“\1 \2”查看帮助。"),
)

# click's usage errors, and what zh mode says instead (the first that matches wins).
ERROR_TEXT: tuple[tuple[str, str], ...] = (
    (r"^Missing option '([^']+)'\. Choose from:\s*(.*)$", "缺少选项 {0}（可选：{1}）"),
    (r"^Missing (option|argument|parameter) (.+?)\.?$", "缺少{0} {1}"),  # '-o' / '--output', 'SPEC...'.
    (r"^Missing parameter: (.+)$", "缺少参数 {0}"),
    (r"^Missing command\.$", "缺少命令"),
    (r"^No such command '([^']+)'\.$", "没有命令“{0}”"),
    (r"^No such command '([^']+)'\. Did you mean (.+)\?$", "没有命令“{0}”（你是不是想写 {1}？）"),
    (r"^No such option: (\S+) Did you mean (\S+)\?$", "没有选项 {0}（你是不是想写 {1}？）"),
    (r"^No such option: (\S+) \(Possible options: (.+)\)$", "没有选项 {0}（可能是：{1}）"),
    (r"^No such option: (\S+)$", "没有选项 {0}"),
    (r"^Option '([^']+)' requires an argument\.$", "选项 {0} 后面要有一个值"),
    (r"^Option '([^']+)' requires (\d+) arguments\.$", "选项 {0} 后面要有 {1} 个值"),
    (r"^Option '([^']+)' does not take a value\.$", "选项 {0} 不接受值"),
    (r"^Argument '([^']+)' takes (\d+) values\.$", "参数 {0} 要有 {1} 个值"),
    (r"^Got unexpected extra arguments? \((.*)\)$", "多余的参数：{0}"),
    (r"^Invalid value for (.+?): (.*)$", "{0} 的值无效：{1}"),
    (r"^Invalid value: (.*)$", "值无效：{0}"),
    (r"^(?:Value error, )?'(.*)' is not one of (.+?)\.?$", "“{0}”不是可选值（可选：{1}）"),
    (r"^Value '(.*)' is not a valid (.+)\.$", "“{0}”不是有效的{1}"),
    (r"^'?(.*?)'? does not match the formats? (.+?)\.?$", "“{0}”的格式不对，应为 {1}"),
    (r"^(File|Directory|Path) '(.*)' does not exist\.$", "{0}“{1}”不存在"),
    (r"^(File|Directory|Path) '(.*)' is a file\.$", "{0}“{1}”是文件，这里要目录"),
    (r"^(File|Directory|Path) '(.*)' is a directory\.$", "{0}“{1}”是目录，这里要文件"),
    (r"^(File|Directory|Path) '(.*)' is not readable\.$", "{0}“{1}”不可读"),
    (r"^(File|Directory|Path) '(.*)' is not writable\.$", "{0}“{1}”不可写"),
    (r"^Aborted!$", "已中止"),
)
_HELP = tuple((re.compile(pattern, re.MULTILINE), zh) for pattern, zh in HELP_TEXT)
_ERRORS = tuple((re.compile(pattern, re.DOTALL), zh) for pattern, zh in ERROR_TEXT)


def cli_text(text: str) -> str:
    """Help or usage text with click's fixed phrases in the interface language."""
    if language() == "en":
        return text
    for pattern, zh in _HELP:
        text = pattern.sub(zh, text)
    return _realigned(text)


_ENTRY = re.compile(r"^  (\S.*?)(?: {2,}(.*))?$")
MAX_TERM_WIDTH = 30  # click's own limit for the first column


def _realigned(text: str) -> str:
    """Option and command lists laid out again by display width (click counts a Chinese character as
    one column; a terminal shows it as two, so translated lists came out ragged)."""
    out: list[str] = []
    entries: list[tuple[str, list[str]]] = []

    def flush() -> None:
        widest = min(max((_width(term) for term, _ in entries), default=0), MAX_TERM_WIDTH)
        column = widest + 4
        for term, helps in entries:
            gap = column - 2 - _width(term)
            first = [f"  {term}{' ' * gap}{helps[0]}"] if helps and gap >= 2 else [f"  {term}"] + [" " * column + helps[0]] * bool(helps)
            out.extend(first + [" " * column + line for line in helps[1:]])
        entries.clear()

    for line in text.split("\n"):
        entry = _ENTRY.match(line) if not line.startswith("   ") else None
        if line.startswith("   ") and entries:
            entries[-1][1].append(line.strip())
        elif entry and out and (entries or out[-1].endswith("：")):
            entries.append((entry.group(1).rstrip(), [entry.group(2)] if entry.group(2) else []))
        else:
            flush()
            out.append(line)
    flush()
    return "\n".join(out)


def _width(text: str) -> int:
    """Terminal columns: wide (CJK) characters count two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def error_text(message: str) -> str:
    """A usage error's message in the interface language (messages already in Chinese pass as they are)."""
    if language() == "en":
        return message
    for pattern, zh in _ERRORS:
        match = pattern.match(message.strip())
        if match:
            return zh.format(*(_said(part) for part in match.groups()))
    return message


def _said(part: str) -> str:
    """A piece of a click message as zh mode shows it: nested messages translated, lists joined with 、."""
    part = _PATH_KINDS.get(part, part)
    part = {"option": "选项", "argument": "参数", "parameter": "参数"}.get(part, part)
    nested = error_text(part)
    if nested != part:
        return nested
    part = part.replace("%Y", "YYYY").replace("%m", "MM").replace("%d", "DD")  # a date format as people write it
    return re.sub(r",\s*", "、", part.replace("'", "")).strip()


def usage_error_text(exc: Any) -> str:
    """What a usage error prints: the usage line, how to get help, and the error, all in the
    interface language (a pydantic reason for a bad option value described in govplan's words)."""
    ctx = getattr(exc, "ctx", None)
    if type(exc).__name__ == "NoArgsIsHelpError" and ctx is not None:
        return ctx.get_help()
    lines = []
    if ctx is not None:
        lines.append(ctx.get_usage())
        if ctx.command.get_help_option(ctx) is not None:
            lines.append(cli_text(f"Try '{ctx.command_path} {ctx.help_option_names[0]}' for help."))
        lines.append("")
    return "\n".join(lines + [tr("错误：", "Error: ") + error_text(_message(exc))])


def _message(exc: Any) -> str:
    """The error's message; where pydantic refused an option's value, its reason in govplan's words."""
    from pydantic import ValidationError

    cause = exc.__cause__
    if isinstance(cause, ValidationError) and language() == "zh":
        from govplan.pydantic_text import describe

        error = cause.errors()[0]
        reason = str((error.get("ctx") or {}).get("error", "")) if error["type"] == "value_error" else describe(error).message
        hint = _param_hint(exc)
        return f"Invalid value for {hint}: {reason}" if hint else reason
    return exc.format_message()


def _param_hint(exc: Any) -> str:
    """The option or argument a BadParameter is about, as click names it ('--depth')."""
    param = getattr(exc, "param", None)
    ctx = getattr(exc, "ctx", None)
    if param is None:
        return ""
    return " / ".join(f"'{name}'" for name in param.opts) if param.opts else param.get_error_hint(ctx)


class _Translated:
    """Help and usage text passed through cli_text."""

    def get_help(self, ctx: Any) -> str:
        return cli_text(super().get_help(ctx))  # type: ignore[misc]

    def get_usage(self, ctx: Any) -> str:
        return cli_text(super().get_usage(ctx))  # type: ignore[misc]


class GovplanCommand(_Translated, TyperCommand):
    """A govplan command: its help and usage in the interface language."""


class GovplanGroup(_Translated, TyperGroup):
    """govplan and its command groups: help and usage in the interface language."""


class GovplanTyper(typer.Typer):
    """A Typer app whose group and commands say click's words in the interface language."""

    def __init__(self, **options: Any) -> None:
        super().__init__(cls=GovplanGroup, **options)

    def command(self, *args: Any, **options: Any) -> Any:
        return super().command(*args, cls=GovplanCommand, **options)
