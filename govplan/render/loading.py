"""Load the specs a rendering works from; a spec that does not validate stops the rendering.

`load_specs_for_render` is the seam where rendering meets validation: today it checks
each file against the spec schema (pydantic); the full validator (govplan.validate)
plugs in here. With ``validate=False`` the items that fail are dropped with a warning
and the rest is rendered, so a half-edited spec can still be printed for review.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from govplan.errors import GovplanError, InputError
from govplan.i18n import tr
from govplan.registry import CONFIG_NAME, Registry, canonicalise, registry_for
from govplan.spec.model import Spec

SPEC_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass
class LoadedSpec:
    """A spec with the file it came from and what had to be dropped to load it."""

    path: Path
    spec: Spec
    warnings: list[str] = field(default_factory=list)


class SpecValidationError(GovplanError):
    """A spec file does not validate; the message lists every error with its location."""


def expand_spec_paths(paths: list[Path]) -> list[Path]:
    """Files as given, and every spec file under each directory, in name order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(
                p for p in path.rglob("*") if p.suffix.lower() in SPEC_SUFFIXES and p.is_file() and p.name != CONFIG_NAME
            )
            if not inside:
                raise InputError("目录中没有规格文件（.yaml/.yml/.json）", "no spec files (.yaml/.yml/.json) in directory", str(path))
            found.extend(inside)
        elif path.is_file():
            found.append(path)
        else:
            raise InputError("文件不存在", "no such file", str(path))
    return found


def error_location(loc: tuple[int | str, ...]) -> str:
    """A pydantic error location as a path into the spec: tasks[0].children[2].deadlines[1].due."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or tr("（根）", "(root)")


def format_validation_error(exc: ValidationError) -> str:
    """One line per error: where, what is wrong and how to put it right, in the interface language
    (govplan.pydantic_text)."""
    from govplan.pydantic_text import describe

    lines = []
    for err in exc.errors():
        described = describe(err)
        hint = tr("（提示：", " (hint: ") + described.hint + tr("）", ")") if described.hint else ""
        lines.append(f"  {error_location(err['loc'])}: {described.message}{hint}")
    return "\n".join(lines)


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"不是 UTF-8 文本：{exc}", f"not UTF-8 text: {exc}", str(path)) from exc
    except OSError as exc:
        raise InputError(f"无法读取：{exc.strerror}", f"cannot read: {exc.strerror}", str(path)) from exc


def _failing_item(loc: tuple[int | str, ...]) -> tuple[int | str, ...] | None:
    """The location of the smallest list item (a task, a deadline, a unit) that holds an error."""
    last_index = max((i for i, part in enumerate(loc) if isinstance(part, int)), default=None)
    return None if last_index is None else loc[: last_index + 1]


def _drop_item(data: Any, loc: tuple[int | str, ...]) -> None:
    container = data
    for part in loc[:-1]:
        container = container[part]
    del container[loc[-1]]


def _salvage(data: Any, path: Path) -> LoadedSpec:
    """Drop every list item that fails validation until the rest validates; raise if that is impossible."""
    warnings: list[str] = []
    while True:
        try:
            return LoadedSpec(path, Spec.model_validate(data), warnings)
        except ValidationError as exc:
            items = {_failing_item(err["loc"]) for err in exc.errors()}
            if None in items:
                raise SpecValidationError(
                    "规格无法加载（错误不在可略过的条目中）：\n" + format_validation_error(exc),
                    "spec cannot be loaded (the errors are not in items that can be skipped):\n"
                    + format_validation_error(exc),
                    str(path),
                ) from exc
            for loc in sorted(items, reverse=True):  # deepest and last first, so indices stay valid
                _drop_item(data, loc)
                warnings.append(f"{path}: " + _skipped_message(loc))


def _skipped_message(loc: tuple[int | str, ...]) -> str:
    where = error_location(loc)
    return tr(f"已略过未通过校验的条目 {where}", f"skipped the invalid item {where}")


def load_spec_for_render(path: Path, validate: bool) -> LoadedSpec:
    """One spec file, validated; with ``validate=False`` its invalid items are skipped instead.

    The text is read by the validator's reader, so control characters, deep nesting and alias
    bombs are refused with a located report instead of crashing a YAML library."""
    from govplan.validate.check import check_text
    from govplan.validate.reader import load
    from govplan.validate.report import render_text
    from govplan.validate.rules import RuleContext

    text = _read_text(path)
    loaded = load(text)
    if loaded.findings or not isinstance(loaded.data, dict):
        report = render_text(check_text(text, str(path), RuleContext()), 1)
        raise SpecValidationError(f"YAML 有错误，未生成任何文件：\n{report}", f"the YAML has errors, nothing was rendered:\n{report}",
                                  str(path))
    try:
        return LoadedSpec(path, Spec.model_validate(loaded.data))
    except ValidationError as exc:
        if not validate:
            return _salvage(loaded.data, path)
        raise SpecValidationError(
            "规格未通过校验，未生成任何文件（可用 --no-validate 略过出错的条目）：\n" + format_validation_error(exc),
            "the spec does not validate, nothing was rendered (--no-validate skips the failing items):\n"
            + format_validation_error(exc),
            str(path),
        ) from exc


def load_specs_for_render(paths: list[Path], validate: bool, registry: Registry | None = None) -> list[LoadedSpec]:
    """Every spec named (files, or directories of spec files), loaded for rendering; units the
    ``registry`` (the bundled one by default) knows get its name where the spec has none, so a
    hand edit's short name (市发改委) is grouped with the registry name (市发展和改革委员会).

    With ``validate`` the full validator (YAML faults, schema, semantic rules) runs first and
    any error stops the rendering with the validator's located report.
    """
    files = expand_spec_paths(paths)
    if validate:
        _validate_all(files, registry)
    loaded = [load_spec_for_render(path, validate) for path in files]
    for spec in loaded:
        canonicalise(spec.spec, registry or registry_for())
    return loaded


def _validate_all(files: list[Path], registry: Registry | None) -> None:
    from govplan.validate.check import check_files
    from govplan.validate.report import render_text
    from govplan.validate.rules import RuleContext

    findings = check_files([str(path) for path in files], RuleContext(registry=registry))
    errors = [finding for finding in findings if finding.severity == "error"]
    if errors:
        raise SpecValidationError(
            "规格未通过校验，未生成任何文件（可用 --no-validate 略过出错的条目）：\n"
            + render_text(errors, len(files)),
            "the spec does not validate, nothing was rendered (--no-validate skips the failing items):\n"
            + render_text(errors, len(files)),
        )
