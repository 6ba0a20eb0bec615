"""Where an `extract` run's results go: spec files (each document's plan applied, with
--skip-unchanged's state kept up to date) or, with --format parquet, two tables (govplan.parquet_tables)."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from govplan.archive_io import Inputs
from govplan.batch import Document, DocumentResult, RunOptions, apply_result


@contextmanager
def run_outputs(out_dir: Path, inputs: Inputs, options: RunOptions, parquet: bool = False,
                skip_unchanged: bool = False) -> Iterator[tuple[Callable[[DocumentResult], None], Callable[[Document], bool] | None]]:
    """``(take, skip)``: ``take`` puts a result where it goes; ``skip`` (with --skip-unchanged) tells
    an unchanged document. On leaving, the tables are put in place (or, when the run stopped, the
    earlier ones left) and the state of what was done is saved."""
    if parquet:
        from govplan.parquet_tables import ParquetTables

        tables = ParquetTables(out_dir)
        try:
            yield (lambda result: tables.add(inputs.relative_name(result.name), result)), None
        except BaseException:
            tables.discard()
            raise
        tables.close()
        return
    if not skip_unchanged:
        yield apply_result, None
        return
    from govplan.run_state import RunState

    state = RunState.load(out_dir, options)

    def take(result: DocumentResult) -> None:
        apply_result(result)
        state.record(inputs.relative_name(result.name), result)

    try:
        yield take, lambda document: state.unchanged(inputs.relative_name(document.name), document)
    finally:
        state.save()
