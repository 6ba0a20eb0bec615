"""What a review page is made from: the original text and the specs whose spans point into it.

A notice is read and extracted in process, so its specs and its text agree by construction. A spec
is shown over the source it names (`source.file`, looked for under --source DIR, beside the spec and
from the current directory); the page says when that source is missing or no longer the one the
spec was extracted from (sha256), instead of highlighting text the spans no longer point at.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from govplan.errors import Errors, GovplanError, InputError
from govplan.i18n import tr
from govplan.spec.model import Spec

SPEC_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass(frozen=True)
class SourceState:
    """The original text to show (None when it cannot be read) and what the page must say about it."""

    text: str | None
    name: str
    changed: bool = False
    problem: str | None = None


@dataclass(frozen=True)
class ReviewInput:
    """One page's material: the original text, the specs over it, and the part of the text to show."""

    source: SourceState
    specs: list[Spec]
    start: int = 0
    end: int | None = None

    @property
    def shown_text(self) -> str | None:
        """The original text the page prints: the whole file, or one document of a compilation."""
        text = self.source.text
        return None if text is None else text[self.start : self.end]


def is_spec_path(path: Path) -> bool:
    """Specs are .yaml/.yml/.json files; anything else is a notice to extract."""
    return path.suffix.lower() in SPEC_SUFFIXES


def review_input(path: Path, source_dir: Path | None, registry: tuple[str, ...] = ()) -> ReviewInput:
    """The page's material for a notice (extracted now) or a spec (over the source it names)."""
    if not path.is_file():
        raise InputError(Errors.E101, str(path))
    if is_spec_path(path):
        return _spec_input(path, source_dir)
    from govplan.pipeline import ExtractOptions, extract_specs
    from govplan.readers import read_source
    from govplan.registry import registry_contents

    source = read_source(path)
    specs = extract_specs(source, ExtractOptions(registry_contents(registry)))
    return ReviewInput(SourceState(source.text, str(path)), specs)


def _spec_input(path: Path, source_dir: Path | None) -> ReviewInput:
    spec = load_spec(path)
    state = source_state(spec, path, source_dir)
    span = spec.source.span
    if span is None or state.text is None:
        return ReviewInput(state, [spec])
    return ReviewInput(state, [spec], span.start, span.end)


def load_spec(path: Path) -> Spec:
    """A spec file, validated against the model; any fault is an error naming the file."""
    from pydantic import ValidationError
    from ruamel.yaml import YAMLError

    from govplan.pydantic_text import format_validation_error
    from govplan.spec.io import load_spec_text

    try:
        return load_spec_text(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(Errors.E313, str(path), detail=exc) from exc
    except YAMLError as exc:
        from govplan.yamltext import yaml_detail

        raise InputError(Errors.E314, str(path), detail=yaml_detail(exc)) from exc
    except ValidationError as exc:
        raise InputError(Errors.E315, str(path), errors=format_validation_error(exc)) from exc


def find_source(recorded: str, spec_path: Path, source_dir: Path | None) -> Path | None:
    """The source file a spec names: under --source DIR, beside the spec, then from the current directory."""
    if recorded == "-":
        return None
    name = Path(recorded)
    candidates = [source_dir / name, source_dir / name.name] if source_dir else []
    candidates += [name] if name.is_absolute() else [spec_path.parent / name, name, spec_path.parent / name.name]
    return next((candidate for candidate in candidates if candidate.is_file()), None)


def source_state(spec: Spec, spec_path: Path, source_dir: Path | None) -> SourceState:
    """The source's text, or why the page cannot show it; whether it changed since extraction."""
    from govplan.readers import read_source

    recorded = spec.source.file
    found = find_source(recorded, spec_path, source_dir)
    if found is None:
        return SourceState(None, recorded, problem=tr(
            f"找不到原文 {recorded}（可用 --source 指定原文所在目录），无法显示原文。",
            f"source {recorded} not found (point --source at its directory); the original text cannot be shown.",
        ))
    try:
        source = read_source(found)
    except GovplanError as exc:
        return SourceState(None, str(found), problem=exc.message)
    if source.sha256 == spec.source.sha256:
        return SourceState(source.text, str(found))
    return SourceState(source.text, str(found), changed=True, problem=tr(
        f"原文 {found} 在提取之后已被修改：只高亮仍与原文一致的条目，其余条目在任务树中标出。",
        f"source {found} has changed since extraction: only items that still match it are highlighted, "
        "the others are marked in the tree.",
    ))
