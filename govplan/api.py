"""govplan as a library: extract specs from notices, validate specs, render views, merge a fresh
extraction into an edited spec. Every function is pure: nothing is printed and no file is written
(docs/api.md). `govplan extract`, `validate` and `render` are thin layers over these, and
``process_document`` is the per-document function every way of running `extract` shares.
"""

from __future__ import annotations

import datetime as dt
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, get_args

from govplan.errors import Errors, GovplanError

if TYPE_CHECKING:
    from govplan.batch import Document, DocumentError, DocumentResult, RunOptions
    from govplan.merge import MergeResult
    from govplan.pipeline import ExtractOptions
    from govplan.spec.model import Spec
    from govplan.validate.findings import Finding

# The classes and engine functions this module re-exports, by the module that defines them:
# imported when first asked for, so that validating (which needs no jieba) loads no extractor.
_REEXPORTS = {
    "Document": "govplan.batch", "DocumentError": "govplan.batch", "DocumentResult": "govplan.batch",
    "RunOptions": "govplan.batch", "process_document": "govplan.batch", "run_options": "govplan.batch",
    "ExtractOptions": "govplan.pipeline", "MergeResult": "govplan.merge", "Spec": "govplan.spec.model",
}

__all__ = [
    "Document", "DocumentError", "DocumentResult", "ExtractOptions", "MergeResult", "RunOptions", "Spec",
    "extract", "extract_text", "merge", "process_document", "render", "render_per_unit", "run_options", "spec_text",
    "validate", "validate_files",
]


def __getattr__(name: str) -> Any:
    """A re-exported class or engine function, imported from its module on first use."""
    if name in _REEXPORTS:
        return getattr(import_module(_REEXPORTS[name]), name)
    raise AttributeError(f"module 'govplan.api' has no attribute {name!r}")


def extract(source: str | Path | bytes, *, registry: Iterable[str | Path] | None = None,
            options: ExtractOptions | None = None, name: str | None = None) -> list[Spec]:
    """The specs of one notice (one per document of a compilation). ``source`` is a path (a
    ``Path``, or a one-line string naming an existing file), the bytes of a file (their format is
    sniffed) or the text itself; ``registry`` names extra unit alias files (read here, added to
    those in ``options``); ``name`` is what the spec's ``source.file`` says for bytes or text."""
    from govplan.pipeline import ExtractOptions, extract_specs
    from govplan.readers import decode_bytes, read_source

    options = _with_registry(options or ExtractOptions(), registry)
    if isinstance(source, bytes):
        return extract_specs(decode_bytes(name or "<bytes>", source), options)
    if _is_path(source):
        return extract_specs(read_source(source), options)
    return extract_text(str(source), name=name or "<text>", options=options)


def extract_text(text: str, *, name: str = "<text>", registry: Iterable[str | Path] | None = None,
                 options: ExtractOptions | None = None) -> list[Spec]:
    """The specs of a notice given as text (read as a UTF-8 .txt file named ``name`` would be)."""
    from govplan.pipeline import ExtractOptions
    from govplan.pipeline import extract_text as extract_from_text

    return extract_from_text(text, name, _with_registry(options or ExtractOptions(), registry))


def validate(path_or_text: str | Path, *, registry: Iterable[str | Path] | None = None,
             source_dir: str | Path | None = None) -> list["Finding"]:
    """Every problem in one spec (a file, or YAML/JSON text), located, in file order: empty when
    it is valid. ``source_dir`` also checks spans against the source documents in it."""
    from govplan.validate.check import check_file, check_text

    context = _rule_context(registry, source_dir)
    if _is_path(path_or_text):
        return check_file(str(path_or_text), context)
    return check_text(str(path_or_text), "<text>", context)


def validate_files(paths: Iterable[str | Path], *, registry: Iterable[str | Path] | None = None,
                   source_dir: str | Path | None = None, strict: bool = False) -> list["Finding"]:
    """Every problem in many spec files ("-" is standard input), file by file in the order given
    (a large batch is checked in worker processes); ``strict`` makes warnings errors."""
    from govplan.validate.check import check_files, with_strictness

    return with_strictness(check_files([str(p) for p in paths], _rule_context(registry, source_dir)), strict)


def _rule_context(registry: Iterable[str | Path] | None, source_dir: str | Path | None) -> Any:
    """What the validator's rules consult: the unit registry and, optionally, the source documents."""
    from govplan.registry import registry_for
    from govplan.validate.rules import RuleContext

    return RuleContext(Path(source_dir) if source_dir else None, registry_for(list(registry or ())))


def render(specs: Spec | list[Spec], view: str, fmt: str, *, depth: int | None = None, unit: str | None = None,
           today: dt.date | None = None, template: str | Path | None = None, title: str | None = None,
           attachment: str | None = None, all_sections: bool = False, combined: bool = False,
           registry: Iterable[str | Path] | None = None) -> bytes:
    """A view of the specs (tasktable, matrix or checklist) in one format (docx, xlsx, html, md or
    csv), as the bytes `govplan render` writes; ``today`` decides what is overdue (default: today).
    ``title`` replaces the heading, ``attachment`` prints 附件N above it, ``all_sections`` keeps the
    sections without tasks of their own, ``combined`` makes one matrix across documents, and units
    are grouped by their names in the bundled registry and the ``registry`` files."""
    from govplan.render.views import render as render_view

    _check_view(view, fmt)
    request = _request(view, fmt, depth, unit, today, template, title, attachment, all_sections, combined, registry)
    result = render_view(_loaded(specs), request)
    return result.encode("utf-8") if isinstance(result, str) else result


def render_per_unit(specs: Spec | list[Spec], fmt: str, *, depth: int | None = None, today: dt.date | None = None,
                    template: str | Path | None = None, all_sections: bool = False,
                    registry: Iterable[str | Path] | None = None) -> dict[str, bytes]:
    """One checklist per responsible unit, to send out: file name (县财政局责任清单.docx …) → bytes."""
    from govplan.render.views import render_per_unit as per_unit

    _check_view("checklist", fmt)
    request = _request("checklist", fmt, depth, None, today, template, None, None, all_sections, False, registry)
    return {name: data.encode("utf-8") if isinstance(data, str) else data for name, data in per_unit(_loaded(specs), request)}


def _check_view(view: str, fmt: str) -> None:
    from govplan.render.context import View
    from govplan.render.views import SUFFIX_FORMATS

    views, formats = get_args(View), tuple(dict.fromkeys(SUFFIX_FORMATS.values()))
    if view not in views:
        raise GovplanError(Errors.E412, view=view, choices=", ".join(views))
    if fmt not in formats:
        raise GovplanError(Errors.E413, fmt=fmt, choices=", ".join(formats))


def _request(view: str, fmt: str, depth: int | None, unit: str | None, today: dt.date | None, template: str | Path | None,
             title: str | None, attachment: str | None, all_sections: bool, combined: bool,
             registry: Iterable[str | Path] | None) -> Any:
    """The render request the CLI's options make (govplan.render.views.RenderRequest)."""
    from govplan.registry import registry_for
    from govplan.render.context import ContextOptions
    from govplan.render.views import RenderRequest, attachment_label

    options = ContextOptions(all_sections, title, attachment_label(attachment), combined, registry_for(list(registry or ())))
    return RenderRequest(view, fmt, depth, unit, today, Path(template) if template else None, options)  # type: ignore[arg-type]


def _loaded(specs: Spec | list[Spec]) -> list[Any]:
    """The specs as the renderers take them; a list (the command line's) needs no model class to tell."""
    from govplan.render.loading import LoadedSpec

    if not isinstance(specs, list):
        from govplan.spec.model import Spec

        specs = [specs] if isinstance(specs, Spec) else list(specs)
    return [LoadedSpec(Path(spec.source.file), spec) for spec in specs]


def merge(old_text: str, new_spec: Spec) -> MergeResult:
    """A fresh extraction merged into a spec a person may have edited (its text): their edits are
    kept, conflicts reported, comments kept on their nodes; ``spec_text`` gives the file to write."""
    from govplan.merge import merge_specs
    from govplan.validate.fmt import load_round_trip, round_trip_yaml

    return merge_specs(load_round_trip(old_text.lstrip("\ufeff"), "<old>", round_trip_yaml()), new_spec)


def spec_text(item: Spec | MergeResult, fmt: str = "yaml", spec_dir: str | Path | None = None) -> str:
    """A spec (with the fingerprints a later merge tells hand edits by) or a merge result as the
    text `govplan extract` writes, YAML or JSON; ``spec_dir`` is where it will be saved (for the
    schema line editors use), else the line names the schema by its file URI."""
    from govplan.merge import stamp
    from govplan.spec.io import schema_header
    from govplan.spec.model import Spec
    from govplan.writing import dump, merged_text

    header = schema_header(Path(spec_dir) if spec_dir is not None else None)
    return dump(stamp(item), fmt, header) if isinstance(item, Spec) else merged_text(item, fmt, header)


def _with_registry(options: ExtractOptions, registry: Iterable[str | Path] | None) -> ExtractOptions:
    """``options`` with the contents of the ``registry`` files added to its own."""
    from dataclasses import replace

    from govplan.registry import registry_contents

    return replace(options, registry=options.registry + registry_contents(registry)) if registry else options


def _is_path(source: str | Path) -> bool:
    """A Path, or a one-line string naming an existing file (other strings are text)."""
    if isinstance(source, Path):
        return True
    return "\n" not in source and len(source) < 4096 and Path(source).is_file()
