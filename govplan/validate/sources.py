"""Checking spans against the source documents (--source DIR).

Spans are offsets into the decoded source text; after the source or the spec is edited by hand
they may no longer cut out the item's verbatim text. Sources are read by govplan's own readers,
so the text is decoded exactly as the extractor decoded it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from govplan.errors import GovplanError
from govplan.i18n import tr
from govplan.validate.findings import Finding
from govplan.validate.places import SpecView, evidence_items


def check_spans(view: SpecView, source_dir: Path) -> Iterator[Finding]:
    """GP110 for every item whose span no longer matches; GP111 when the source cannot be used."""
    from govplan.readers import read_source

    spec = view.spec
    path = _source_path(spec.source.file, source_dir)
    if path is None:
        yield _source_finding(
            ("source", "file"),
            tr(f"在 {source_dir} 中找不到原文 {spec.source.file}", f"source {spec.source.file} not found in {source_dir}"),
        )
        return
    try:
        source = read_source(path)
    except GovplanError as exc:
        yield _source_finding(("source", "file"), exc.message)
        return
    if source.sha256 != spec.source.sha256:
        yield _source_finding(
            ("source", "sha256"),
            tr(f"原文 {path} 在提取之后已被修改", f"source {path} has changed since extraction"),
        )
    for loc, item in evidence_items(view):
        if item.span is None:  # added by hand (origin: manual): it stands in no source
            continue
        found = source.text[item.span.start : item.span.end]
        if found != item.text:
            yield Finding(
                "GP110",
                loc + ("span",),
                tr(f"片段 [{item.span.start}, {item.span.end}) 在原文中是“{found}”，而不是“{item.text}”",
                   f"span [{item.span.start}, {item.span.end}) is '{found}' in the source, not '{item.text}'"),
                tr("改正 span 或 text，使原文切片与 text 一致", "fix span or text so that the source slice equals text"),
            )


def _source_path(name: str, source_dir: Path) -> Path | None:
    """The source file: its path as recorded, under DIR, else its bare name under DIR; never a file
    outside DIR (an absolute path, ``..`` or a symlink leading out), so a spec cannot make
    validate print another file's text."""
    root = source_dir.resolve()
    for candidate in (source_dir / name, source_dir / Path(name).name):
        if candidate.is_file() and candidate.resolve().is_relative_to(root):
            return candidate
    return None


def _source_finding(path: tuple[str, ...], message: str) -> Finding:
    return Finding(
        "GP111",
        path,
        message,
        tr("用 --source 指向存放原文的目录；原文改过就重新提取", "point --source at the sources; re-extract after editing one"),
    )
