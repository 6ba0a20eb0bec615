"""`govplan validate` (check specs), `govplan schema` (print the JSON Schema), `govplan fmt` (canonical layout).

Imports of the validator happen inside the commands, so `govplan --help` stays fast; nothing
here or in govplan.validate imports jieba or OpenCC.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from govplan.i18n import tr

if TYPE_CHECKING:
    from govplan.errors import GovplanError

REGISTRY_HELP = tr(
    "额外的单位别名表（YAML，可多次指定；规格旁或上级目录的 .govplan.yaml 中 registry: 列出的文件也会读入）",
    "extra unit alias registry (YAML, repeatable; files listed under registry: in a .govplan.yaml beside the specs "
    "or in a folder above them are read too)",
)


class OutputChoice(str, Enum):
    text = "text"
    json = "json"
    github = "github"


def validate(
    paths: list[str] = typer.Argument(
        ..., help=tr("规格文件或目录（目录递归查找 .yaml/.yml/.json；- 表示标准输入）", "spec files or directories (searched for .yaml/.yml/.json; - for stdin)"), metavar=tr("规格或目录...", "PATH...")
    ),
    output: OutputChoice = typer.Option(
        OutputChoice.text, "--format", "-f", help=tr("输出格式：text、json 或 github（GitHub Actions 注释）", "output: text, json or github (GitHub Actions annotations)")
    ),
    strict: bool = typer.Option(False, "--strict", help=tr("警告也算错误", "treat warnings as errors")),
    source: Path | None = typer.Option(
        None, "--source", help=tr("原文所在目录：核对每个片段是否仍与原文一致", "directory of the source documents: check that spans still match"),
        exists=True, file_okay=False, dir_okay=True,
    ),
    registry: list[Path] = typer.Option([], "--registry", help=REGISTRY_HELP),
) -> None:
    """Check spec files and print every problem found, located (help text: see register)."""
    from govplan.cli.quick import validate_specs

    code = validate_specs(paths, output.value, strict, source, registry, typer.echo)
    if code:
        raise typer.Exit(code)


def schema() -> None:
    """Print the JSON Schema of the spec models."""
    from govplan.validate.jsonschema import spec_schema_text

    typer.echo(spec_schema_text(), nl=False)


def fmt(
    paths: list[str] = typer.Argument(..., help=tr("规格文件或目录（- 表示标准输入，结果写到标准输出）", "spec files or directories (- reads stdin and writes stdout)"), metavar=tr("规格或目录...", "PATH...")),
    check: bool = typer.Option(False, "--check", help=tr("只检查：有文件需要改写时退出码为 1", "only check: exit 1 if a file would change")),
) -> None:
    """Rewrite specs in canonical layout, keeping comments and key order."""
    from govplan.errors import Errors, GovplanError, error_line
    from govplan.fsutil import write_atomic
    from govplan.validate.check import STDIN, spec_files
    from govplan.validate.fmt import FORMAT_SUFFIXES, format_text

    files, missing = spec_files(paths, FORMAT_SUFFIXES)
    if missing:
        raise GovplanError(Errors.E004, names=", ".join(missing))
    changed = failed = 0
    for name in files:
        try:
            if name == STDIN:
                sys.stdout.write(format_text(sys.stdin.read(), "-"))
                continue
            path = Path(name)
            old = path.read_text(encoding="utf-8-sig")
            new = format_text(old, name)
        except (GovplanError, OSError, UnicodeDecodeError) as exc:
            failed += 1
            error = _as_error(exc, name)
            typer.echo(error_line(error.code, error.message), err=True)
            continue
        if new == old:
            continue
        changed += 1
        if check:
            typer.echo(tr(f"需要格式化：{name}", f"would reformat: {name}"))
        else:
            write_atomic(path, new)
            typer.echo(tr(f"已格式化：{name}", f"reformatted: {name}"))
    if failed or (check and changed):
        raise typer.Exit(1)


def _as_error(exc: Exception, name: str) -> "GovplanError":
    """A failure to read or format a spec as govplan's coded error."""
    from govplan.errors import Errors, GovplanError

    if isinstance(exc, GovplanError):
        return exc
    if isinstance(exc, UnicodeDecodeError):
        return GovplanError(Errors.E308, name, detail=exc)
    return GovplanError(Errors.E307, name, reason=getattr(exc, "strerror", None) or exc)


def register(app: typer.Typer) -> None:
    """Register validate, schema and fmt on the app."""
    app.command("validate", help=tr("检查规格：YAML、字段和语义规则，列出每个问题的位置。",
                                    "Check specs: YAML, fields and semantic rules, every problem located."))(validate)
    app.command("schema", help=tr("打印由模型生成的规格 JSON Schema。",
                                  "Print the spec's JSON Schema, generated from the models."))(schema)
    app.command("fmt", help=tr("把规格改写为标准格式，保留注释和键的顺序。",
                               "Rewrite specs in canonical layout, keeping comments and key order."))(fmt)
