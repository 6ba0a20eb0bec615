"""Which file each spec goes to: compilation parts paired with earlier parts by content when
documents come and go (defect 3), and distinct names for inputs sharing a stem (defect 4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from govplan.pipeline import extract_specs
from govplan.readers import read_source
from govplan.spec.io import load_spec_text
from tests.conftest import seed


@pytest.fixture(scope="module")
def compilation() -> tuple[str, list[tuple[int, int]]]:
    """Seed 003's text and each document's range in it."""
    source = read_source(seed("003"))
    return source.text, [(s.source.span.start, s.source.span.end) for s in extract_specs(source)]  # type: ignore[union-attr]


def first_title(path: Path) -> str:
    """The title of the spec's first numbered task (the unnumbered preamble has none)."""
    tasks = load_spec_text(path.read_text(encoding="utf-8")).tasks
    return next(t.title or "" for t in tasks if t.style != "unnumbered")


def retitle_first_task(path: Path, title: str) -> str:
    """Give the spec's first task a hand-written title; returns the old title."""
    text = path.read_text(encoding="utf-8")
    old = first_title(path)
    path.write_text(text.replace(f"title: {old}\n", f"title: {title}\n", 1), encoding="utf-8")
    assert first_title(path) == title
    return old


def test_removing_a_document_moves_edits_with_their_document(run_cli, tmp_path: Path, compilation) -> None:  # type: ignore[no-untyped-def]
    """Defect 3: parts were paired by position, so removing document 1 merged part 2's edits into
    part 1's document, lost a task and left part-32.yaml behind."""
    text, ranges = compilation
    source, out = tmp_path / "comp.txt", tmp_path / "out"
    source.write_text(text, encoding="utf-8")
    assert run_cli("extract", str(source), "-o", str(out)).returncode == 0
    assert len(list(out.glob("comp.part-*.yaml"))) == 32
    retitle_first_task(out / "comp.part-02.yaml", "县城管局党建引领（人工）")
    retitle_first_task(out / "comp.part-01.yaml", "第一份文件的人工标题")
    start, end = ranges[0]
    source.write_text(text[:start] + text[end + 1:], encoding="utf-8")
    result = run_cli("extract", str(source), "-o", str(out), "--update")
    assert result.returncode == 0, result.stderr
    parts = sorted(out.glob("comp.part-*.yaml"))
    assert {p.name for p in parts} == {f"comp.part-{k:02d}.yaml" for k in range(1, 32)} | {"comp.part-01.kept.yaml"}
    assert first_title(out / "comp.part-01.yaml") == "县城管局党建引领（人工）"  # document 2's edit, now part 1
    assert first_title(out / "comp.part-01.kept.yaml") == "第一份文件的人工标题"  # the gone document's edit, kept
    assert "comp.part-01.kept.yaml" in result.stderr
    assert not (out / "comp.part-32.yaml").exists()


def test_a_notice_that_becomes_a_compilation_keeps_its_edits(run_cli, tmp_path: Path, compilation) -> None:  # type: ignore[no-untyped-def]
    """Defect 3: 1 -> N parts changed the file names and the edits were ignored without a word."""
    text, ranges = compilation
    source, out = tmp_path / "comp.txt", tmp_path / "out"
    start, end = ranges[1]
    source.write_text(text[start:end], encoding="utf-8")
    assert run_cli("extract", str(source), "-o", str(out)).returncode == 0
    retitle_first_task(out / "comp.yaml", "县城管局党建引领（人工）")
    source.write_text(text, encoding="utf-8")
    result = run_cli("extract", str(source), "-o", str(out), "--update")
    assert result.returncode == 0, result.stderr
    assert not (out / "comp.yaml").exists()
    assert first_title(out / "comp.part-02.yaml") == "县城管局党建引领（人工）"
    assert len(list(out.glob("comp.part-*.yaml"))) == 32


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_inputs_sharing_a_stem_get_distinct_specs(run_cli, tmp_path: Path, jobs: str) -> None:
    """Defect 4: notice.txt and notice.docx wrote the same notice.yaml (one lost under --force,
    and under --jobs 2 even without it)."""
    from docx import Document

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "notice.txt").write_text("一、总体要求\n县人社局牵头，6月底前完成。\n", encoding="utf-8")
    document = Document()
    document.add_paragraph("一、工作任务")
    document.add_paragraph("县民政局负责，9月底前完成。")
    document.save(str(inputs / "notice.docx"))
    (inputs / "Notice.html").write_text("<html><body><p>一、保障措施</p><p>县财政局配合。</p></body></html>", encoding="utf-8")
    out = tmp_path / "out"
    for _ in range(2):  # a rerun (with --force) gives the same names
        result = run_cli("extract", str(inputs), "-o", str(out), "--jobs", jobs, "--force")
        assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == ["Notice.html.yaml", "notice.docx.yaml", "notice.yaml"]
    formats = {name: load_spec_text((out / name).read_text(encoding="utf-8")).source.format for name in names}
    assert formats == {"notice.yaml": "txt", "notice.docx.yaml": "docx", "Notice.html.yaml": "html"}
