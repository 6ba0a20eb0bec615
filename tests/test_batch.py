"""The per-document function every run shares: bytes and options in, files, summary or error out, never raising."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

from conftest import SEEDS, seed

from govplan.batch import Document, process_document, read_document, run_documents, run_options, warm_up

NOTICE = "关于做好培训工作的通知\n一、推进工作。农综站指导各村开展工作，县人社局牵头，4月底前完成培训不少于100人。\n"
_FRESH = """
import json, sys
from pathlib import Path
from govplan.batch import Document, process_document, run_options
options = run_options(Path(sys.argv[1]), "yaml", "keep")
result = process_document(Document("notice.txt", sys.stdin.buffer.read(), "notice"), options)
print(json.dumps(result.files, ensure_ascii=False))
"""


def _registry(tmp_path: Path) -> Path:
    path = tmp_path / "units.yaml"
    path.write_text("甘沟驿镇农业农村综合服务站: [农综站]\n", encoding="utf-8")
    return path


def test_a_registry_run_leaves_nothing_behind_for_a_plain_run(tmp_path: Path) -> None:
    document = Document("notice.txt", NOTICE.encode("utf-8"), "notice")
    with_registry = process_document(document, run_options(tmp_path, "yaml", "keep", [_registry(tmp_path)]))
    plain = process_document(document, run_options(tmp_path, "yaml", "keep"))
    fresh = subprocess.run([sys.executable, "-c", _FRESH, str(tmp_path)], input=NOTICE.encode("utf-8"),
                           capture_output=True, check=True)
    assert [list(f) for f in plain.files] == json.loads(fresh.stdout)
    assert "甘沟驿镇农业农村综合服务站" in with_registry.files[0][1] and "甘沟驿镇农业农村综合服务站" not in plain.files[0][1]


def test_options_carry_the_registry_contents_not_its_path(tmp_path: Path) -> None:
    registry = _registry(tmp_path)
    options = run_options(tmp_path, "json", "keep", [registry])
    registry.unlink()  # a worker on another machine sees no such file
    result = process_document(Document("notice.txt", NOTICE.encode("utf-8"), "notice"), options)
    assert result.error is None and "甘沟驿镇农业农村综合服务站" in result.files[0][1]


def test_failures_are_results_with_their_kind_and_code(tmp_path: Path) -> None:
    options = run_options(tmp_path, "yaml", "keep")
    empty = process_document(Document("empty.txt", b"", "empty"), options)
    assert empty.error is not None and (empty.error.kind, empty.error.code) == ("input", "E106")
    broken = process_document(Document("broken.docx", b"PK\x03\x04 not a zip", "broken"), options)
    assert broken.error is not None and broken.error.kind == "input" and broken.files == []
    elsewhere = dataclasses.replace(options, version="0.0.1")
    refused = process_document(Document("notice.txt", NOTICE.encode("utf-8"), "notice"), elsewhere)
    assert refused.error is not None and (refused.error.kind, refused.error.code) == ("internal", "E902")
    missing = read_document(str(tmp_path / "gone.txt"), "gone", options)
    assert not isinstance(missing, Document) and missing.error is not None and missing.error.code == "E101"


def test_worker_processes_give_the_serial_results(tmp_path: Path) -> None:
    names = sorted(str(p) for p in SEEDS.glob("*.txt"))
    options = run_options(tmp_path, "yaml", "keep")
    serial = [(r.files, r.rows, r.error) for r in run_documents(names, options)]
    parallel = [(r.files, r.rows, r.error) for r in run_documents(names, options, jobs=2)]
    assert serial == parallel and all(error is None for _, _, error in serial)
    assert [Path(path).name for path, _ in serial[0][0]] == [seed("000").with_suffix(".yaml").name]


def test_the_warm_up_notice_passes_every_stage(tmp_path: Path) -> None:
    # Workers are forked after it, so it must reach every annotator, or they compile what it missed.
    result = warm_up(run_options(tmp_path, "yaml", "keep"))
    assert result.error is None and result.files == [(str(tmp_path / "warm-up.yaml"), result.files[0][1])]
    row = result.rows[0]
    assert (row.tasks, row.deadlines, row.targets, row.units) == (3, 1, 1, 2)


_WARM_UP_THEN_COUNT = """
import sys
from pathlib import Path
from govplan.batch import run_options, warm_up
from govplan.lexical import segment
warm_up(run_options(Path(sys.argv[1]), "yaml", "keep"))
print(segment._dictionary._loaded.count(0))  # the groups not loaded
"""


def test_the_warm_up_leaves_the_dictionary_groups_to_the_workers(tmp_path: Path) -> None:
    # Building the whole dictionary before the fork was 0.3 s of serial CPU in every --jobs run.
    done = subprocess.run([sys.executable, "-c", _WARM_UP_THEN_COUNT, str(tmp_path)], capture_output=True,
                          text=True, check=True)
    assert int(done.stdout) > 1000


def _extract_or_die(document: Document) -> object:
    """process_document, except that a document named kill.txt takes its worker down (os._exit)."""
    import os

    if document.name == "kill.txt":
        os._exit(1)
    return process_document(document, _OPTIONS)


_OPTIONS = run_options(None, "yaml", "keep")


def test_a_document_that_kills_its_jobs_worker_is_worker_lost_and_the_others_are_done() -> None:
    from govplan.batch import worker_lost
    from govplan.workers import map_until_lost

    documents = [Document(path.name, path.read_bytes(), path.stem) for path in sorted(SEEDS.glob("*.txt"))]
    documents.insert(2, Document("kill.txt", NOTICE.encode("utf-8"), "kill"))
    results = list(map_until_lost(_extract_or_die, documents, 2, worker_lost))
    assert [r.name for r in results] == [d.name for d in documents]
    lost = results.pop(2)
    assert lost.error is not None and (lost.error.kind, lost.error.code) == ("worker-lost", "E901") and "kill.txt" in lost.error.message
    assert [r.files for r in results] == [process_document(d, _OPTIONS).files for d in documents if d.name != "kill.txt"]


def test_jobs_warm_up_and_fork_only_once_a_document_needs_extracting(tmp_path: Path, monkeypatch) -> None:
    """--skip-unchanged over an unchanged archive: every result is the driver's own, so no warm-up and no
    worker; a document to extract after skipped ones is extracted by the workers, the results in input order."""
    import govplan.batch as batch
    import govplan.workers as workers

    names = sorted(str(p) for p in SEEDS.glob("*.txt"))[:3]
    options = run_options(tmp_path, "yaml", "keep")
    started: list[str] = []
    warm_up, map_until_lost = batch.warm_up, workers.map_until_lost
    monkeypatch.setattr(batch, "warm_up", lambda options: started.append("warm-up") or warm_up(options))
    monkeypatch.setattr(workers, "map_until_lost", lambda *args: started.append("workers") or map_until_lost(*args))

    unchanged = list(run_documents(names, options, jobs=2, skip=lambda document: True))
    assert [(r.name, r.skipped) for r in unchanged] == [(name, True) for name in names] and started == []

    def skip(document: Document) -> bool:
        return document.name != names[1]

    parallel = [(r.name, r.skipped, r.files) for r in run_documents(names, options, jobs=2, skip=skip)]
    serial = [(r.name, r.skipped, r.files) for r in run_documents(names, options, skip=skip)]
    assert parallel == serial and [s for _, s, _ in parallel] == [True, False, True] and started == ["warm-up", "workers"]
