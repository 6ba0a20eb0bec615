"""The extraction pipeline: read → normalise → parse (structure tree) → annotate → spec.

Each stage is its own module; this one only wires them together and maps every annotation
span from normalised text back to the original.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from govplan import __version__
from govplan.annotate.base import DocContext, NodeText
from govplan.grammar import compile_pattern
from govplan.normalize import Normalized, normalize
from govplan.registry import registry_for
from govplan.readers import SourceText
from govplan.spec.model import Evidence, Metadata, Source, Spec, TaskNode, UnitRef
from govplan.structure.compilation import Part, split_documents
from govplan.structure.lines import Line, Locator, split_lines
from govplan.structure.metadata import extract_metadata
from govplan.structure.tree import TreeBuilder

NO_DATE_NOTE = "未找到成文日期：不含年份的时限未推定年份（no date of issue: year-less deadlines are left unresolved）"
_YEAR = compile_pattern(r"({modern_year})\s*年")


@dataclass
class ExtractOptions:
    """Choices a user can make about extraction."""

    registry_paths: tuple[str, ...] = ()
    # The date of issue to assume where a document states none (a portal's publication date).
    doc_date: dt.date | None = None


def extract_text(text: str, name: str = "<text>", options: ExtractOptions | None = None) -> list[Spec]:
    """Specs of a notice given as text (as if read from a UTF-8 .txt file)."""
    from govplan.readers import decode_bytes

    return extract_specs(decode_bytes(name, text.encode("utf-8"), "txt"), options)


def extract_specs(source: SourceText, options: ExtractOptions | None = None) -> list[Spec]:
    """All specs in one source: one for a notice, one per document for a compilation."""
    from govplan.annotate.segment import use_user_words

    options = options or ExtractOptions()
    use_user_words(registry_for(options.registry_paths).surfaces())  # jieba keeps exactly this registry's names whole
    normalized = normalize(source.text)
    locator = Locator(source.text, normalized.mapped)
    parts = split_documents(split_lines(normalized.text))
    specs = []
    for number, part in enumerate(parts, start=1):
        spec = _extract_part(source, normalized, locator, part, options)
        if len(parts) > 1:
            first, last = part.lines[0], part.lines[-1]
            spec.source.part, spec.source.parts = number, len(parts)
            spec.source.span = locator.span(first.start, last.end)
        specs.append(spec)
    return specs


def _extract_part(
    source: SourceText, normalized: Normalized, locator: Locator, part: Part, options: ExtractOptions
) -> Spec:
    builder = TreeBuilder(normalized.text, locator)
    tasks = builder.build(part.lines)
    first_task_line = tasks[0].line - 1 if tasks else None
    metadata = extract_metadata(part.lines, first_task_line, part.title)
    context = _context(metadata, part.lines, options)
    first_start = builder.norm_starts[id(tasks[0])] if tasks else None
    context.preamble = "\n".join(line.text for line in part.lines if first_start is None or line.end <= first_start)
    notes = [] if context.year is not None else [NO_DATE_NOTE]
    annotate_tasks(tasks, builder.norm_starts, normalized.text, locator, context, options)
    return Spec(
        generator=f"govplan {__version__}",
        source=Source(
            file=source.name,
            sha256=source.sha256,
            format=source.format,  # type: ignore[arg-type]
            encoding=source.encoding,
            script=normalized.script,  # type: ignore[arg-type]
            conversion=normalized.conversion,
        ),
        metadata=metadata,
        notes=notes,
        tasks=tasks,
    )


def _context(metadata: Metadata, lines: list[Line], options: ExtractOptions) -> DocContext:
    """Document context for annotators: the date of issue, else a year named in the title, and
    whether the document as a whole reads as a report."""
    from govplan.annotate.targets import document_is_report

    plan_year = None
    if metadata.title:
        match = _YEAR.search(metadata.title)
        plan_year = int(match.group(1)) if match else None
    report = document_is_report(metadata.title, [line.text for line in lines if line.text])
    return DocContext(doc_date=metadata.date or options.doc_date, plan_start_year=plan_year, report=report)


def node_texts(tasks: list[TaskNode], norm_starts: dict[int, int], text: str) -> list[NodeText]:
    """Each node's own text for annotators, in document order; a paragraph that holds inline
    items (一是…二是…) keeps only its lead-in, so nothing is annotated twice."""
    result: list[NodeText] = []

    def visit(node: TaskNode, path: list[TaskNode]) -> None:
        start = norm_starts[id(node)]
        end = start + len(node.text)
        inline = [norm_starts[id(c)] for c in node.children if c.style.startswith("inline") and id(c) in norm_starts]
        if inline:
            end = min(end, min(inline))
        result.append(NodeText(node=node, start=start, text=text[start:end], path=path + [node]))
        for child in node.children:
            visit(child, path + [node])

    for root in tasks:
        visit(root, [])
    return result


def annotate_tasks(
    tasks: list[TaskNode],
    norm_starts: dict[int, int],
    text: str,
    locator: Locator,
    context: DocContext,
    options: ExtractOptions,
) -> None:
    """Run the annotators over every node and map their spans back to the original text."""
    from govplan.annotate.deadlines import find_deadlines
    from govplan.annotate.targets import find_targets
    from govplan.annotate.units import assign_units

    nodes = node_texts(tasks, norm_starts, text)
    for nt in nodes:
        deadlines = find_deadlines(nt, context)
        targets = find_targets(nt, deadlines, context)
        nt.node.deadlines = [_to_original(d, locator) for d in deadlines]
        nt.node.targets = [_to_original(t, locator) for t in targets]
    assign_units(nodes, registry_for(options.registry_paths), context.preamble)
    for nt in nodes:
        nt.node.units = [_to_original(u, locator) for u in nt.node.units]


def _to_original(item: Evidence, locator: Locator) -> Evidence:
    """The item with its span and verbatim text in the original source (and its clause's, for a unit)."""
    span = locator.span(item.span.start, item.span.end)
    update: dict[str, object] = {"span": span, "text": locator.verbatim(span)}
    if isinstance(item, UnitRef) and item.clause is not None:
        update["clause"] = _to_original(item.clause, locator)
    return item.model_copy(update=update)
