"""Load the specs a rendering works from; a spec that does not validate stops the rendering.

`load_specs_for_render` is the seam where rendering meets validation: the full validator
(govplan.validate) checks each file first. With ``validate=False`` the items that fail are
dropped with a warning and the rest is rendered, so a half-edited spec can still be printed for
review.

A spec whose every value has its field's exact type is rendered from validate's plain records
(validate/plainschema.py: the models' fields, defaults filled in, no pydantic), as validate
checks it: importing pydantic and building the spec models was a fifth of a cold render. Anything
that check is unsure of is read by the models, as before; the renderers read fields only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from govplan.errors import Errors, GovplanError, InputError
from govplan.i18n import tr
from govplan.pydantic_text import error_location, format_validation_error
from govplan.registry import CONFIG_NAME, Registry, canonicalise, registry_for

if TYPE_CHECKING:
    from govplan.spec.model import Spec

SPEC_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass
class LoadedSpec:
    """A spec (the models, or validate's plain records of them) with the file it came from and what
    had to be dropped to load it."""

    path: Path
    spec: Spec | SimpleNamespace
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
                raise InputError(Errors.E309, str(path))
            found.extend(inside)
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(Errors.E101, str(path))
    return found


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(Errors.E308, str(path), detail=exc) from exc
    except OSError as exc:
        raise InputError(Errors.E307, str(path), reason=exc.strerror) from exc


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
    from pydantic import ValidationError

    from govplan.spec.model import Spec

    warnings: list[str] = []
    while True:
        try:
            return LoadedSpec(path, Spec.model_validate(data), warnings)
        except ValidationError as exc:
            items = {_failing_item(err["loc"]) for err in exc.errors()}
            if None in items:
                raise SpecValidationError(Errors.E310, str(path), errors=format_validation_error(exc)) from exc
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
    from govplan.validate.plainschema import plain_spec
    from govplan.validate.reader import load
    from govplan.validate.report import render_text
    from govplan.validate.rules import RuleContext

    text = _read_text(path)
    loaded = load(text)
    if loaded.findings or not isinstance(loaded.data, dict):
        report = render_text(check_text(text, str(path), RuleContext()), 1)
        raise SpecValidationError(Errors.E311, str(path), report=report)
    plain = plain_spec(loaded.data)
    if plain is not None:
        return LoadedSpec(path, plain)
    from pydantic import ValidationError

    from govplan.spec.model import Spec

    try:
        return LoadedSpec(path, Spec.model_validate(loaded.data))
    except ValidationError as exc:
        if not validate:
            return _salvage(loaded.data, path)
        raise SpecValidationError(Errors.E312, str(path), errors=format_validation_error(exc)) from exc


def load_specs_for_render(paths: list[Path], validate: bool, registry: Registry | None = None) -> list[LoadedSpec]:
    """Every spec named (files, or directories of spec files), loaded for rendering; units the
    ``registry`` (the bundled one by default) knows get its name where the spec has none, so a
    hand edit's short name (市发改委) is grouped with the registry name (市发展和改革委员会).

    With ``validate`` the full validator (YAML faults, schema, semantic rules) runs first and
    any error stops the rendering with the validator's located report.
    """
    files = expand_spec_paths(paths)
    validated = _validate_all(files, registry) if validate else [None] * len(files)
    loaded = [LoadedSpec(path, spec) if spec is not None else load_spec_for_render(path, validate) for path, spec in zip(files, validated)]
    for spec in loaded:
        canonicalise(spec.spec, registry or registry_for())
    return loaded


def _validate_all(files: list[Path], registry: Registry | None) -> list[Spec | SimpleNamespace | None]:
    """The specs the validator read, one per file (None where a worker read it); raises on any error."""
    from govplan.validate.check import checked_files
    from govplan.validate.report import render_text
    from govplan.validate.rules import RuleContext

    checked = checked_files([str(path) for path in files], RuleContext(registry=registry), models=False)
    errors = [finding for one in checked for finding in one.findings if finding.severity == "error"]
    if errors:
        raise SpecValidationError(Errors.E312, errors=render_text(errors, len(files)))
    return [one.spec for one in checked]
