"""govplan as a library: extract specs from notices, validate specs, render views, merge a fresh
extraction into an edited spec. Every function is pure: nothing is printed and no file is written
(docs/api.md). `govplan extract`, `validate` and `render` are thin layers over these, and
``process_document`` is the per-document function every way of running `extract` shares.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, get_args

from govplan.batch import Document, DocumentError, DocumentResult, RunOptions, process_document, run_options
from govplan.errors import Errors, GovplanError
from govplan.merge import MergeResult
from govplan.pipeline import ExtractOptions
from govplan.spec.model import Spec

if TYPE_CHECKING:
    from govplan.validate.findings import Finding

__all__ = [
    "Document", "DocumentError", "DocumentResult", "ExtractOptions", "MergeResult", "RunOptions", "Spec",
    "extract", "extract_text", "merge", "process_document", "render", "run_options", "spec_text", "validate",
]


def extract(source: str | Path | bytes, *, registry: Iterable[str | Path] | None = None,
            options: ExtractOptions | None = None, name: str | None = None) -> list[Spec]:
    """The specs of one notice (one per document of a compilation). ``source`` is a path (a
    ``Path``, or a one-line string naming an existing file), the bytes of a file (their format is
    sniffed) or the text itself; ``registry`` names extra unit alias files (read here, added to
    those in ``options``); ``name`` is what the spec's ``source.file`` says for bytes or text."""
    from govplan.pipeline import extract_specs
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
    from govplan.pipeline import extract_text as extract_from_text

    return extract_from_text(text, name, _with_registry(options or ExtractOptions(), registry))


def validate(path_or_text: str | Path, *, registry: Iterable[str | Path] | None = None,
             source_dir: str | Path | None = None) -> list["Finding"]:
    """Every problem in one spec (a file, or YAML/JSON text), located, in file order: empty when
    it is valid. ``source_dir`` also checks spans against the source documents in it."""
    from govplan.registry import registry_for
    from govplan.validate.check import check_file, check_text
    from govplan.validate.rules import RuleContext

    context = RuleContext(Path(source_dir) if source_dir else None, registry_for(list(registry or ())))
    if _is_path(path_or_text):
        return check_file(str(path_or_text), context)
    return check_text(str(path_or_text), "<text>", context)


def render(specs: Spec | list[Spec], view: str, fmt: str, *, depth: int | None = None, unit: str | None = None,
           today: dt.date | None = None, template: str | Path | None = None) -> bytes:
    """A view of the specs (tasktable, matrix or checklist) in one format (docx, xlsx, html, md or
    csv), as the bytes `govplan render` writes; ``today`` decides what is overdue (default: today)."""
    from govplan.render.context import View
    from govplan.render.loading import LoadedSpec
    from govplan.render.views import SUFFIX_FORMATS, RenderRequest, render as render_view

    views, formats = get_args(View), tuple(dict.fromkeys(SUFFIX_FORMATS.values()))
    if view not in views:
        raise GovplanError(Errors.E412, view=view, choices=", ".join(views))
    if fmt not in formats:
        raise GovplanError(Errors.E413, fmt=fmt, choices=", ".join(formats))
    loaded = [LoadedSpec(Path(spec.source.file), spec) for spec in ([specs] if isinstance(specs, Spec) else specs)]
    request = RenderRequest(view, fmt, depth, unit, today, Path(template) if template else None)  # type: ignore[arg-type]
    result = render_view(loaded, request)
    return result.encode("utf-8") if isinstance(result, str) else result


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
