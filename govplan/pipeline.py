"""The extraction pipeline: read → normalise → parse (structure tree) → annotate → spec.

Each stage is its own module; this one only wires them together and maps every annotation
span from normalised text back to the original.
"""

from __future__ import annotations

import bisect
import datetime as dt
import unicodedata
from dataclasses import dataclass

from govplan import __version__
from govplan.annotate.base import DocContext, NodeText
from govplan.grammar import compile_pattern
from govplan.normalize import Normalized, normalize
from govplan.registry import registry_for_contents
from govplan.scanning import scanner
from govplan.readers import SourceText
from govplan.spec.found import Found
from govplan.spec.model import Deadline, Evidence, Metadata, Source, Spec, Target, TaskNode, UnitRef
from govplan.structure.compilation import Part, split_documents
from govplan.structure.layout import undo_page_layout
from govplan.structure.lines import Line, Locator, split_lines
from govplan.structure.metadata import extract_metadata, is_chrome, issue_date, number_year
from govplan.structure.tables import Table, year_heads
from govplan.structure.tree import TreeBuilder
from govplan.textmemo import forget
from govplan.tablecells import QUIET_COLUMNS, column_allows as _column_allows, in_base_year, measured_targets, table_units

PREAMBLE_ID = "前言"  # the unnumbered node holding the text before the first numbered item
NO_DATE_NOTE = "未找到成文日期：不含年份的时限未推定年份（no date of issue: year-less deadlines are left unresolved）"
NUMBER_YEAR_NOTE = ("未找到成文日期：不含年份的时限按文号年份（{year}年）推定"
                    "（no date of issue: year-less deadlines take the document number's year, {year}）")
# a plan year in a title, the first of a range too ((2022—2024年): 2022 and 2024), and both years of a range written
# without 年 as the whole content of its brackets (三年行动工作方案（2024-2026）: 2024 and 2026)
_YEAR = compile_pattern(
    r"((?<=[(（]){modern_year}(?=\s*[-—–~～－]\s*(?:19|20)\d{2}\s*[)）])"
    r"|(?<=[-—–~～－]){modern_year}(?=\s*[)）])(?<=[(（]\d{4}[-—–~～－]\d{4})"
    r"|{modern_year}(?=\s*年|\s*[-—–~～至到]\s*(?:19|20)?\d{2}\s*年))"
)
_ROC_LOOKAHEAD = 60  # lines searched for 民国, which marks a source counting years from 1912
_ROC_DATE = compile_pattern(r"{roc_year}\s*年\s*{month}\s*月")  # 109年8月1日: no Gregorian year is written so


@dataclass
class ExtractOptions:
    """Choices a user can make about extraction."""

    # The user's unit registry files as (name, text): contents, not paths, so that every process
    # extracts with the same names whatever files it can see (govplan.registry.registry_contents).
    registry: tuple[tuple[str, str], ...] = ()
    # The date of issue to assume where a document states none (a portal's publication date).
    doc_date: dt.date | None = None


def extract_text(text: str, name: str = "<text>", options: ExtractOptions | None = None) -> list[Spec]:
    """Specs of a notice given as text (as if read from a UTF-8 .txt file)."""
    from govplan.readers import decode_bytes

    return extract_specs(decode_bytes(name, text.encode("utf-8"), "txt"), options)


def prepare(options: ExtractOptions | None = None) -> None:
    """Load what every extraction needs first: jieba's dictionary with the registry's names as words."""
    from govplan.lexical.segment import use_user_words

    use_user_words(registry_for_contents((options or ExtractOptions()).registry).surfaces())


def extract_specs(source: SourceText, options: ExtractOptions | None = None) -> list[Spec]:
    """All specs in one source: one for a notice, one per document for a compilation."""
    options = options or ExtractOptions()
    forget()  # nothing memoised for another document is reused: each costs what it would alone
    prepare(options)  # jieba keeps exactly this registry's names whole
    normalized = normalize(source.text)
    normalized = Normalized(undo_page_layout(normalized.mapped), normalized.script, normalized.conversion)
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
    metadata = extract_metadata(part.lines, _first_task_line(tasks, part.lines), part.title)
    context = _context(metadata, _readable_lines(part.lines, builder.tables, normalized.text), options, normalized)
    context.year_heads = frozenset(at for table in builder.tables for at in year_heads(table, part.lines, normalized.text))
    preamble = _preamble(part.lines, tasks, normalized.text, locator)
    annotate_tasks(tasks, normalized.text, locator, context, options, preamble)
    notes = [] if context.year is not None else [_no_date_note(context)]
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


def _first_task_line(tasks: list[TaskNode], lines: list[Line]) -> int | None:
    """Index of the line where the first task starts (metadata lives before it)."""
    if not tasks or tasks[0]._found is None:
        return None
    starts = [line.start for line in lines]
    at = bisect.bisect_right(starts, tasks[0]._found.norm_start) - 1
    return lines[max(at, 0)].index if lines else None


def _readable_lines(lines: list[Line], tables: list[Table], text: str) -> list[Line]:
    """The lines as annotators' document-level cues should read them: table cells that report what
    was done (进展情况) or hold scores or contacts left out."""
    quiet = sorted(
        (cell.start, cell.end)
        for table in tables for row in table.rows for cell in row.cells
        if table.kind(cell) in QUIET_COLUMNS
    )
    if not quiet:
        return lines
    result = []
    for line in lines:
        inside = [(s, e) for s, e in quiet if line.start <= s < line.end]
        if not inside:
            result.append(line)
            continue
        pieces, pos = [], line.start
        for s, e in inside:
            pieces.append(text[pos:s])
            pos = max(pos, e)
        pieces.append(text[pos:line.end])
        result.append(Line(line.index, line.start, line.end, "".join(pieces).strip()))
    return result


def _context(metadata: Metadata, lines: list[Line], options: ExtractOptions, normalized: Normalized) -> DocContext:
    """Document context for annotators: the date of issue (else one the user assumes), the plan
    period its title names (2024年度, （2023-2025年）), whether it reads as a report, and whether
    it counts years from 1912 (a Taiwan source: converted with tw2s, or naming 民国)."""
    from govplan.annotate.targets import document_is_report

    years = [int(y) for y in _YEAR.findall(metadata.title or "")]
    report = document_is_report(metadata.title, [line.text for line in lines if line.text])
    # a date the document does not state of its own is its page's (a publication date); without one, nothing to tell
    published = metadata.date is not None and issue_date(lines) is None
    return DocContext(
        doc_date=metadata.date or options.doc_date,
        plan_start_year=min(years) if years else None,
        plan_end_year=max(years) if years else None,
        report=report,
        date_assumed=metadata.date is None and options.doc_date is not None,
        date_published=published,
        roc_years=_counts_roc_years(normalized, lines),
        issuer=metadata.issuer,
        number_year=number_year(metadata.doc_number),
    )


def _no_date_note(context: DocContext) -> str:
    """What a document without a date of issue did with its year-less deadlines: the document number's year, or none."""
    if context.named_from == "number" and context.named_year is not None:
        return NUMBER_YEAR_NOTE.format(year=context.named_year)
    return NO_DATE_NOTE


def _counts_roc_years(normalized: Normalized, lines: list[Line]) -> bool:
    """Whether the source counts years from 1912 (Taiwan): converted with tw2s, naming 民国, or writing
    a date with a Republic-of-China year (109年8月1日, 113 年 7 月 12 日) in text converted otherwise."""
    head = lines[:_ROC_LOOKAHEAD]
    roc_date = scanner(_ROC_DATE)  # a line without 年 holds no such date
    return normalized.conversion == "tw2s" or any("民国" in line.text or roc_date.search(line.text) for line in head)


def node_texts(tasks: list[TaskNode], text: str) -> list[NodeText]:
    """Each node's own text for annotators, in document order; a paragraph that holds inline
    items (一是…二是…) keeps only its lead-in, so nothing is annotated twice. A task-table row
    gives its cells (govplan.spec.found.Cell) and ends before trailing cells that report what
    was done (进展情况) or hold scores; items annotators find inside its child tasks' text (the
    ①②③ of a 进度安排 cell) are left to the children."""
    result: list[NodeText] = []

    def visit(node: TaskNode, path: list[TaskNode]) -> None:
        found = node._found
        assert found is not None, "task nodes come from the tree builder"
        start, end = found.norm_start, found.norm_end
        # the number as the normalised text writes it: 3． is 3. there (c377 3．2020年底前…)
        number = unicodedata.normalize("NFKC", node.number or "")
        if number and text[start:start + len(number)] == number and text[start + len(number):start + len(number) + 1].isdigit():
            start += len(number)  # a heading whose text opens with a date (3.8月上旬…): its number is no digit of it
        if not found.cells:
            inline = [f.norm_start for c in node.children if c.style.startswith("inline") and (f := c._found) is not None]
            if inline:
                end = min(end, min(inline))
        cells = tuple(c for c in found.cells if start <= c.start and c.end <= end)
        own_path = path + [node]  # read, never changed: the node's text and its children's paths start from it
        result.append(NodeText(node=node, start=start, text=text[start:end], path=own_path, cells=cells))
        for child in node.children:
            visit(child, own_path)

    for root in tasks:
        visit(root, [])
    return result


def _preamble(lines: list[Line], tasks: list[TaskNode], text: str, locator: Locator) -> TaskNode | None:
    """The text before the first numbered item (title, preamble, a notice's own requirements, all
    of a notice without numbered items) as an unnumbered node, listed first: what it states when
    to do (请于1月15日前报送…, 自2020年6月15日起施行, the plan period in the title) is part of the spec."""
    first = tasks[0]._found.norm_start if tasks and tasks[0]._found is not None else None
    body = [line for line in lines if not line.blank and (first is None or line.start < first)]
    while body and is_chrome(body[-1].text):  # a page's closing chrome (郑重声明：…联系我们) is no part of the notice
        body.pop()
    if not body:
        return None
    # the first item may stand inside a line (…初步实现“一张网”。二、加强“两库”建设): up to it
    start, end = body[0].start, body[-1].end if first is None else min(body[-1].end, first)
    end = start + len(text[start:end].rstrip())
    if end <= start:
        return None
    span = locator.span(start, end)
    node = TaskNode(id=PREAMBLE_ID, style="unnumbered", level=1, text=text[start:end],
                    line=locator.line_of(span.start), span=span)
    node._found = Found(start, start + len(node.text))
    tasks.insert(0, node)
    return node


def annotate_tasks(
    tasks: list[TaskNode],
    text: str,
    locator: Locator,
    context: DocContext,
    options: ExtractOptions,
    preamble: TaskNode | None = None,
) -> None:
    """Run the annotators over every node and map their spans back to the original text. The
    preamble gets dates and targets only: it addresses its recipients and states no unit's role
    in a task, though a convention it states (排在第一位的为牵头单位) decides roles in the tasks."""
    from govplan.annotate.deadlines import find_deadlines, read_named_year, settle_schedule_years
    from govplan.annotate.targets import find_targets, own_year
    from govplan.annotate.units import assign_units
    from govplan.annotate.units.names import with_declared_aliases

    nodes = node_texts(tasks, text)
    read_named_year(nodes, context)  # an undated document's year, wherever its text names it
    dated: list[tuple[list[Deadline], list[Target]]] = []  # each node's, set on it once mapped to the original
    own = own_year(context)
    for nt in nodes:
        deadlines = find_deadlines(nt, context)
        kept = [t for t in find_targets(nt, deadlines, context) if _column_allows(nt, t, "targets")]
        targets = [t for t in kept + measured_targets(nt, kept) if not in_base_year(nt, t.span.start, own)]
        dated.append(([d for d in deadlines if _column_allows(nt, d, "deadlines")], targets))
    settle_schedule_years([deadlines for deadlines, _ in dated], context)
    registry = with_declared_aliases("\n".join(nt.text for nt in nodes), registry_for_contents(options.registry))
    units_of = [nt for nt in nodes if nt.node is not preamble]  # a convention it states holds for every list
    lead_in = next((nt for nt in nodes if nt.node is preamble), None)
    assign_units(units_of, registry, lead_in, context.issuer, context.report)
    for nt in nodes:
        found = nt.node._found  # read once: a private attribute is read through pydantic's __getattr__
        if nt.cells or (found is not None and found.carried):
            table_units(nt, text, registry)
    for nt, (deadlines, targets) in zip(nodes, dated):
        nt.node.deadlines = [_to_original(d, locator) for d in deadlines]
        nt.node.targets = [_to_original(t, locator) for t in targets]
        nt.node.units = [_to_original(u, locator) for u in nt.node.units]


def _to_original(item: Evidence, locator: Locator) -> Evidence:
    """The item with its span and verbatim text in the original source (and its clause's, for a unit)."""
    span = locator.span(item.span.start, item.span.end)
    values: dict[str, object] = {"span": span, "text": locator.verbatim(span)}
    if isinstance(item, UnitRef) and item.clause is not None:
        values["clause"] = _to_original(item.clause, locator)
    return item.replaced(**values)
