"""One document in, its spec files out: the per-document function every way of running `extract`
shares (serial, `--jobs`, and any engine that can call a function on picklable values).

The driver builds RunOptions once (the schema line, the registry files' contents, govplan's
version and a digest of its data files: nothing a worker should take from its own machine), reads
each input and the specs an earlier run wrote for it into a Document, and applies what comes back.
``process_document`` never raises: a failure is a DocumentError with its kind (input or internal;
worker-lost from an engine whose worker died on it, output when the driver cannot write), so one
bad document never takes the others with it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from govplan import __version__
from govplan.datafiles import DATA_FOLDER
from govplan.docsummary import SpecSummary
from govplan.errors import Errors, GovplanError

if TYPE_CHECKING:
    from govplan.outputs import EarlierOutputs

INPUT, INTERNAL = "input", "internal"  # what process_document reports
WORKER_LOST = "worker-lost"  # what an engine reports for a document whose worker died each time
OUTPUT = "output"  # what apply_result reports: the driver could not write a spec


@dataclass(frozen=True)
class RunOptions:
    """What every document of a run is extracted and written with (picklable, built by the driver)."""

    out_dir: str | None = "."  # where specs go, as the driver names it; None: to standard output
    fmt: str = "yaml"  # yaml | json
    mode: str = "keep"  # keep | force | update (govplan.writing)
    schema_line: str = ""  # the line YAML specs start with (govplan.spec.io.schema_header)
    registry: tuple[tuple[str, str], ...] = ()  # the user's registry files as (name, text)
    doc_date: dt.date | None = None  # the date of issue to assume where a document states none
    version: str = __version__
    data_digest: str = ""  # govplan's bundled data files (data_digest()), so workers extract alike


@dataclass(frozen=True)
class Document:
    """One input as the driver read it: its name, bytes, spec base name and earlier specs."""

    name: str
    data: bytes
    base: str  # spec base name (govplan.outputs.spec_bases)
    previous: dict[str, bytes | None] = field(default_factory=dict)  # earlier specs (bytes in update mode)

    @property
    def sha256(self) -> str:
        """The digest of the document's bytes (as its spec's source.sha256 and --skip-unchanged know it)."""
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class DocumentError:
    """Why a document gave no specs: its kind, the error code (docs/errors.md) and the message."""

    kind: str  # input | internal | worker-lost | output
    code: str
    message: str


@dataclass
class DocumentResult:
    """What one document gave: the file changes to make, a summary row per spec, messages, or the error."""

    name: str
    files: list[tuple[str, str]] = field(default_factory=list)  # (path, text) to write
    renames: list[tuple[str, str]] = field(default_factory=list)  # (old, new): edited specs moved aside first
    removes: list[str] = field(default_factory=list)  # earlier specs no longer wanted
    rows: list[SpecSummary] = field(default_factory=list)  # a line of the summary per spec
    messages: list[str] = field(default_factory=list)
    error: DocumentError | None = None
    seconds: float = 0.0
    sha256: str = ""  # of the document's bytes, where they were read
    skipped: bool = False  # unchanged since the last run (--skip-unchanged): nothing to do


@lru_cache(maxsize=1)
def data_digest() -> str:
    """A digest of the data files govplan ships (word lists, grammar, aliases): equal digests, equal extraction."""
    digest = hashlib.sha256()
    for path in sorted(DATA_FOLDER.glob("*.yaml")):  # beside the code, as importlib.resources finds it (without its import)
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def run_options(out_dir: Path | None, fmt: str, mode: str, registry: Iterable[Path | str] = (),
                doc_date: dt.date | None = None) -> RunOptions:
    """The options of a run writing into ``out_dir`` (None: specs go to standard output), read here once."""
    from govplan.registry import registry_contents
    from govplan.spec.io import schema_header

    return RunOptions(
        out_dir=None if out_dir is None else str(out_dir), fmt=fmt, mode=mode, schema_line=schema_header(out_dir),
        registry=registry_contents(registry), doc_date=doc_date, data_digest=data_digest(),
    )


def process_document(document: Document, options: RunOptions) -> DocumentResult:
    """Extract one document and plan its spec files; never raises (a failure is the result's error)."""
    result = DocumentResult(document.name, sha256=document.sha256)
    began = time.perf_counter()
    try:
        _check_same_govplan(options)
        _extract_into(result, document, options)
    except GovplanError as exc:
        result.error = _error(INPUT if exc.exit_code != Errors.E900.exit else INTERNAL, document.name, exc)
    except Exception as exc:  # noqa: BLE001 - one input's failure never stops the others
        result.error = _error(INTERNAL, document.name, GovplanError(Errors.E900, detail=repr(exc)))
    result.seconds = time.perf_counter() - began
    return result


def _check_same_govplan(options: RunOptions) -> None:
    """A worker with another govplan or other data files would extract differently: it refuses."""
    if options.version != __version__:
        raise GovplanError(Errors.E902, mine=options.version, theirs=__version__)
    if options.data_digest and options.data_digest != data_digest():
        raise GovplanError(Errors.E903, mine=options.data_digest, theirs=data_digest())


def _extract_into(result: DocumentResult, document: Document, options: RunOptions) -> None:
    from govplan.docsummary import summarise
    from govplan.pipeline import ExtractOptions, extract_specs
    from govplan.readers import decode_bytes, format_of
    from govplan.writing import Destination, plan_specs

    source = decode_bytes(document.name, document.data, format_of(document.name))
    specs = extract_specs(source, ExtractOptions(options.registry, options.doc_date))
    out_dir = Path("." if options.out_dir is None else options.out_dir)
    schema_line = _schema_line_at(options.schema_line, document.base)
    dest = Destination(document.name, document.base, out_dir, options.fmt, options.mode, schema_line)
    plan = plan_specs(specs, dest, {Path(path): data for path, data in document.previous.items()})
    result.renames = [(str(old), str(new)) for old, new in plan.renames]
    result.files = [(str(path), text) for path, text in plan.writes]
    result.removes = [str(path) for path in plan.removes]
    result.messages = plan.messages
    result.rows = [summarise(path.name, spec) for (path, _), spec in zip(plan.writes, plan.specs)]


def _schema_line_at(line: str, base: str) -> str:
    """The schema line of a spec written into a folder under the output directory (``base``
    a/b/notice): a path relative to the output directory climbs out of the folders first."""
    from govplan.spec.io import SCHEMA_MARK

    depth = base.count("/")
    head, marker, ref = line.partition(SCHEMA_MARK)
    if not depth or not marker or ref.startswith("file:"):
        return line
    return head + marker + "../" * depth + ref


def worker_lost(document: Document | DocumentResult) -> DocumentResult:
    """The result of a document whose worker died each time it was tried (E901)."""
    lost = GovplanError(Errors.E901, document.name)
    return DocumentResult(document.name, error=DocumentError(WORKER_LOST, lost.code, lost.message))


def _error(kind: str, name: str, exc: GovplanError) -> DocumentError:
    """The error of a document, its message naming the document."""
    return DocumentError(kind, exc.code, exc.message if exc.path else f"{name}: {exc.message}")


def read_document(name: str, base: str, options: RunOptions, earlier: EarlierOutputs | None = None) -> Document | DocumentResult:
    """The driver's side: an input's bytes and the specs an earlier run wrote for it (found in
    ``earlier``, the run's listing of its output folders), or the error that stops it (a missing
    file, an earlier spec that cannot be read)."""
    from govplan.outputs import EarlierOutputs
    from govplan.readers import read_input
    from govplan.writing import not_a_spec

    if earlier is None and options.out_dir is not None:
        earlier = EarlierOutputs(Path(options.out_dir), options.fmt, [base])
    try:
        data = read_input(name)
        previous: dict[str, bytes | None] = {}
        found = [] if earlier is None else earlier.of(base)
        for path in found:
            try:
                previous[str(path)] = path.read_bytes() if options.mode == "update" else None
            except OSError as exc:
                raise not_a_spec(path, str(exc)) from exc
    except GovplanError as exc:
        return DocumentResult(name, error=_error(INPUT, name, exc))
    return Document(name, data, base, previous)


def run_documents(names: list[str], options: RunOptions, jobs: int = 1, engine: str = "local",
                  address: str | None = None, batch_size: int = 50, folders: dict[str, str] | None = None,
                  skip: Callable[[Document], bool] | None = None) -> Iterator[DocumentResult]:
    """Results in input order: serial, from ``jobs`` worker processes, or from a Dask cluster
    (``engine`` "dask": the one at ``address``, else a local one of ``jobs`` workers), all with
    the output of a serial run. Spec names are decided here, over all inputs (each keeping its
    folder in ``folders``, govplan.outputs), so no two documents write the same file. A document
    ``skip`` says is unchanged is not sent to be done (its result says skipped)."""
    from govplan.outputs import EarlierOutputs, spec_bases

    bases = spec_bases(names, folders)
    earlier = None if options.out_dir is None else EarlierOutputs(Path(options.out_dir), options.fmt, bases.values())
    documents = (_unless_skipped(read_document(name, bases[name], options, earlier), skip) for name in names)
    if engine == "dask":
        from govplan.dask_engine import run_on_dask

        yield from run_on_dask(documents, options, jobs, address, batch_size)
        return
    if jobs == 1 or len(names) < 2:
        yield from (_process(document, options) for document in documents)
        return
    yield from _in_workers(documents, options, jobs)


def _in_workers(documents: Iterator[Document | DocumentResult], options: RunOptions, jobs: int) -> Iterator[DocumentResult]:
    """Results from ``jobs`` worker processes, warmed up and forked when the first document that needs
    extracting comes: the results before it (inputs skipped as unchanged, inputs that could not be
    read) are already what the workers would give back, so a rerun of an unchanged archive with
    --skip-unchanged builds no extraction state and starts no worker."""
    for document in documents:
        if isinstance(document, DocumentResult):
            yield document
            continue
        from govplan.workers import map_until_lost

        warm_up(options)
        yield from map_until_lost(_Processor(options), chain([document], documents), jobs, worker_lost)
        return


# A small notice that passes every stage (numbered levels, a deadline, a target, units with roles).
_WARM_UP = "关于开展试点工作的通知\n一、重点任务\n（一）完善机制。2024年6月底前，覆盖率达到90%以上。（市教育局牵头，市财政局配合）\n"


def warm_up(options: RunOptions) -> DocumentResult:
    """Extract a small notice here, before worker processes are forked: they start with every pattern
    and module a notice needs and with jieba's dictionary entry open, shared copy-on-write, which each
    would otherwise build again for its own documents. The dictionary's groups are left to load as the
    workers' cuts ask for them (the corpus reads about a ninth of its entries): building all of it
    here was 0.3 s of CPU before any worker could start."""
    return process_document(Document("warm-up.txt", _WARM_UP.encode("utf-8"), "warm-up"), options)


def _unless_skipped(document: Document | DocumentResult, skip: Callable[[Document], bool] | None) -> Document | DocumentResult:
    """The document, or its skipped result when ``skip`` says it is unchanged."""
    if skip is not None and isinstance(document, Document) and skip(document):
        return DocumentResult(document.name, sha256=document.sha256, skipped=True)
    return document


def process_batch(documents: list[Document | DocumentResult], options: RunOptions) -> list[DocumentResult]:
    """The results of a batch of documents (one engine task); one the driver could not read is passed on."""
    return [_process(document, options) for document in documents]


@dataclass(frozen=True)
class _Processor:
    """process_document with the run's options, picklable for worker processes."""

    options: RunOptions

    def __call__(self, document: Document | DocumentResult) -> DocumentResult:
        return _process(document, self.options)


def _process(document: Document | DocumentResult, options: RunOptions) -> DocumentResult:
    """A read document processed; one the driver could not read is already its result."""
    return document if isinstance(document, DocumentResult) else process_document(document, options)


def apply_result(result: DocumentResult) -> None:
    """Make a document's file changes: edited specs moved aside, specs written atomically, old ones
    removed; a change that cannot be made becomes the result's error."""
    from govplan.writing import WritePlan, apply_plan

    try:
        apply_plan(WritePlan(
            renames=[(Path(old), Path(new)) for old, new in result.renames],
            writes=[(Path(path), text) for path, text in result.files],
            removes=[Path(path) for path in result.removes],
        ))
    except GovplanError as exc:
        result.error = _error(OUTPUT, result.name, exc)
    except OSError as exc:
        result.error = _error(OUTPUT, result.name, GovplanError(Errors.E501, reason=exc.strerror or exc))
