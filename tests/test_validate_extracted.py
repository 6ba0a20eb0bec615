"""The extractor's own output validates: a spec `govplan extract` writes, untouched, has no errors.

The seeds and a fixed sample of dev documents that carry the forms the validator once refused in
extracted specs (docs/validation.md, "Extracted specs validate") go through the real CLI: extract,
then validate. Warnings (no lead unit, unit not in the registry) are allowed."""

from __future__ import annotations

import json
from pathlib import Path

from govplan.gold import gold_files, load_gold, load_split
from tests.conftest import CORPUS, SEEDS

# Dev documents with the forms: decimal outlines (c133, c134, c234), Traditional numbers (c248, c47), leading
# zeros (c251), lists numbered on (c48, d12, c321, c345, c362), start dates and stages before the date of issue
# (c112, c166, c21, c224, c03, c286, c52), a month before the month of issue (c217, c231), dates over at issue
# (c212, c227), Traditional comparator words (c178).
DEV_SAMPLE = (
    "c133", "c134", "c234", "c248", "c47", "c251", "c48", "d12", "c321", "c345", "c362", "c112", "c166", "c21",
    "c224", "c03", "c286", "c52", "c217", "c231", "c212", "c227", "c178",
)


def _sources(doc_ids: tuple[str, ...]) -> list[Path]:
    """The source texts of dev documents, found through the split's gold folders (only their own gold files
    are read: reading all of them cost 6 s)."""
    split = load_split(CORPUS / "split.yaml")
    gold = {path.stem: path for folder in split.corpora for path in gold_files(folder)}
    assert all(split.group(doc_id) == "dev" for doc_id in doc_ids)
    return sorted({load_gold(gold[doc_id]).source for doc_id in doc_ids})


def test_extracted_specs_validate_without_errors(run_cli, tmp_path: Path) -> None:
    sources = [str(path) for path in sorted(SEEDS.glob("*.txt")) + _sources(DEV_SAMPLE)]
    extracted = run_cli("extract", *sources, "-o", str(tmp_path), "--jobs", "2")
    assert extracted.returncode == 0, extracted.stderr
    checked = run_cli("validate", "--format", "json", str(tmp_path))
    report = json.loads(checked.stdout)
    errors = [f"{f['file']}:{f['line']} {f['code']} {f['message']}" for f in report["findings"] if f["severity"] == "error"]
    assert report["files"] >= len(sources) and errors == []
