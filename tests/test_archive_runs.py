"""Archive-shaped runs of the real CLI: nested folders (--recursive), --skip-unchanged, --manifest
and --format parquet, each against the plain run it must equal."""

from __future__ import annotations

import csv
import dataclasses
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS, seed

from govplan.batch import Document, run_options
from govplan.run_state import RunState


def _tree(tmp_path: Path) -> Path:
    """in/a/notice.txt, in/b/notice.txt (same stem, other folders) and in/top.txt."""
    folder = tmp_path / "in"
    for relative, prefix in (("a/notice.txt", "000"), ("b/notice.txt", "001"), ("top.txt", "004")):
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(seed(prefix), folder / relative)
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    """Every spec under ``folder`` by relative path (the state file aside)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.startswith(".")}


def test_recursive_runs_keep_the_relative_path_and_jobs_give_the_same_bytes(run_cli, tmp_path: Path) -> None:
    inputs = _tree(tmp_path)
    flat = run_cli("extract", str(inputs), "-o", str(tmp_path / "flat"))
    serial = run_cli("extract", str(inputs), "--recursive", "-o", str(tmp_path / "serial"))
    parallel = run_cli("extract", str(inputs), "-r", "--jobs", "2", "-o", str(tmp_path / "parallel"))
    assert flat.returncode == serial.returncode == parallel.returncode == 0, serial.stderr
    assert list(_files(tmp_path / "flat")) == ["top.yaml"]
    specs = _files(tmp_path / "serial")
    assert list(specs) == ["a/notice.yaml", "b/notice.yaml", "top.yaml"]
    assert specs == _files(tmp_path / "parallel")
    assert specs["top.yaml"] == _files(tmp_path / "flat")["top.yaml"]
    nested = specs["a/notice.yaml"].decode("utf-8")
    schema = nested.splitlines()[0].split("$schema=", 1)[1]
    assert (tmp_path / "serial" / "a" / schema).resolve() == (Path(__file__).parent.parent / "govplan/schema/spec.schema.json").resolve()
    assert f"file: {inputs / 'a' / 'notice.txt'}" in nested


def test_skip_unchanged_redoes_only_what_changed_and_everything_after_a_registry_change(run_cli, tmp_path: Path) -> None:
    inputs, out = _tree(tmp_path), tmp_path / "out"
    args = ("extract", str(inputs), "-r", "-o", str(out), "--force", "--skip-unchanged")
    assert run_cli(*args).returncode == 0
    inodes = {name: (out / name).stat().st_ino for name in _files(out)}
    shutil.copy(seed("002"), inputs / "b" / "notice.txt")
    again = run_cli(*args)
    assert again.returncode == 0 and "2 个文件未变，已跳过" in again.stdout
    redone = {name for name in _files(out) if (out / name).stat().st_ino != inodes[name]}
    assert redone == {"b/notice.yaml"}
    assert run_cli("extract", str(inputs), "-r", "-o", str(tmp_path / "full")).returncode == 0
    assert _files(out) == _files(tmp_path / "full")
    registry = tmp_path / "units.yaml"
    registry.write_text("县林业局: [林业局]\n", encoding="utf-8")
    inodes = {name: (out / name).stat().st_ino for name in _files(out)}
    with_registry = run_cli(*args, "--registry", str(registry))
    assert with_registry.returncode == 0 and "未变" not in with_registry.stdout
    assert all((out / name).stat().st_ino != inode for name, inode in inodes.items())


def test_another_version_or_a_missing_spec_is_not_unchanged(tmp_path: Path) -> None:
    options = run_options(tmp_path, "yaml", "force")
    document = Document("notice.txt", seed("000").read_bytes(), "notice")
    (tmp_path / "notice.yaml").write_text("x", encoding="utf-8")
    from govplan.batch import DocumentResult

    state = RunState.load(tmp_path, options)
    state.record("notice.txt", DocumentResult("notice.txt", files=[(str(tmp_path / "notice.yaml"), "x")], sha256=document.sha256))
    state.save()
    assert RunState.load(tmp_path, options).unchanged("notice.txt", document)
    assert not RunState.load(tmp_path, dataclasses.replace(options, version="9.9")).unchanged("notice.txt", document)
    assert not RunState.load(tmp_path, options).unchanged("notice.txt", dataclasses.replace(document, data=b"other"))
    (tmp_path / "notice.yaml").unlink()
    assert not RunState.load(tmp_path, options).unchanged("notice.txt", document)


def _manifest_csv(inputs: Path) -> Path:
    manifest = inputs / "list.csv"
    with manifest.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerows([["path"], ["top.txt"], ["b/notice.txt"], ["a/notice.txt"]])
    return manifest


def test_a_manifest_run_equals_the_directory_run(run_cli, tmp_path: Path) -> None:
    inputs = _tree(tmp_path)
    directory = run_cli("extract", str(inputs), "-r", "-o", str(tmp_path / "dir"))
    manifest = _manifest_csv(inputs)  # written after: a .csv in the folder is an input too
    listed = run_cli("extract", "--manifest", str(manifest), "-o", str(tmp_path / "listed"))
    assert directory.returncode == listed.returncode == 0, listed.stderr
    assert _files(tmp_path / "listed") == _files(tmp_path / "dir") and len(_files(tmp_path / "dir")) == 3
    pyarrow = pytest.importorskip("pyarrow")
    import pyarrow.parquet as parquet

    parquet.write_table(pyarrow.table({"path": ["a/notice.txt", "top.txt", "b/notice.txt"]}), inputs / "list.parquet")
    from_parquet = run_cli("extract", "--manifest", str(inputs / "list.parquet"), "-o", str(tmp_path / "pq"))
    assert from_parquet.returncode == 0 and _files(tmp_path / "pq") == _files(tmp_path / "dir")


def test_a_manifest_without_a_path_column_or_no_input_at_all_is_a_usage_error(run_cli, tmp_path: Path) -> None:
    manifest = tmp_path / "list.csv"
    manifest.write_text("file\nnotice.txt\n", encoding="utf-8")
    wrong = run_cli("extract", "--manifest", str(manifest), "-o", str(tmp_path / "out"))
    assert wrong.returncode == 2 and "E124" in wrong.stderr and "path" in wrong.stderr
    nothing = run_cli("extract", "-o", str(tmp_path / "out"))
    assert nothing.returncode == 2 and "E008" in nothing.stderr


def _nodes(nodes: list[dict]) -> list[dict]:
    return [n for node in nodes for n in [node, *_nodes(node.get("children", []))]]


def test_parquet_tables_hold_the_json_specs_byte_for_byte_and_one_row_per_task(run_cli, tmp_path: Path) -> None:
    parquet = pytest.importorskip("pyarrow.parquet")
    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs)
    (inputs / "empty.txt").write_bytes(b"")
    as_json = run_cli("extract", str(inputs), "--format", "json", "-o", str(tmp_path / "json"))
    tables = run_cli("extract", str(inputs), "--format", "parquet", "-o", str(tmp_path / "pq"))
    assert as_json.returncode == tables.returncode == 1 and "E106" in tables.stderr
    assert sorted(p.name for p in (tmp_path / "pq").iterdir()) == ["specs.parquet", "tasks.parquet"]
    specs = parquet.read_table(tmp_path / "pq" / "specs.parquet").to_pylist()
    written = _files(tmp_path / "json")
    assert sorted(r["spec_json"].encode("utf-8") for r in specs if r["spec_json"]) == sorted(written.values())
    compilation = [r for r in specs if r["name"] == seed("003").name]
    assert [r["part"] for r in compilation] == list(range(1, len(compilation) + 1)) and len(compilation) > 1
    assert written[f"{seed('003').stem}.part-02.json"] == compilation[1]["spec_json"].encode("utf-8")
    (failed,) = [r for r in specs if r["error"]]
    assert failed["name"] == "empty.txt" and failed["error"].startswith("E106: ") and failed["spec_json"] is None
    tasks = parquet.read_table(tmp_path / "pq" / "tasks.parquet").to_pylist()
    for row in specs:
        if row["spec_json"]:
            nodes = _nodes(json.loads(row["spec_json"])["tasks"])
            mine = [t for t in tasks if (t["name"], t["part"]) == (row["name"], row["part"])]
            assert [t["task_id"] for t in mine] == [n["id"] for n in nodes]
    led = [t for t in tasks if t["lead_units"]]
    assert led and all(isinstance(t["deadlines"], list) for t in tasks)


def test_parquet_without_pyarrow_names_the_install(tmp_path: Path) -> None:
    notice = tmp_path / "notice.txt"
    notice.write_text("一、县林业局负责巡查。\n", encoding="utf-8")
    hide = ("import sys; sys.modules['pyarrow'] = None; "
            "sys.argv = ['govplan', '--lang', 'en', 'extract', sys.argv[1], '-o', sys.argv[2], '--format', 'parquet']; "
            "from govplan.cli.app import main; main()")
    done = subprocess.run([sys.executable, "-c", hide, str(notice), str(tmp_path / "out")], capture_output=True, text=True)
    assert done.returncode == 2
    assert "E904" in done.stderr and "pip install govplan[parquet]" in done.stderr and "Traceback" not in done.stderr


def test_skip_unchanged_alone_redoes_a_changed_document_keeping_its_hand_edits(run_cli, tmp_path: Path) -> None:
    """Without --force or --update, a changed document is redone as --update does: its spec's
    hand edits and comments stay, the unchanged documents are not touched."""
    inputs, out = _tree(tmp_path), tmp_path / "out"
    args = ("extract", str(inputs), "-r", "-o", str(out), "--skip-unchanged")
    assert run_cli(*args).returncode == 0
    spec = out / "top.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("schema_version:", "# 已由督查室核对\nschema_version:", 1), encoding="utf-8")
    untouched = (out / "a" / "notice.yaml").stat().st_ino
    notice = inputs / "top.txt"
    notice.write_text(notice.read_text(encoding="utf-8") + "\n2026年12月底前完成全部整改。\n", encoding="utf-8")
    again = run_cli(*args)
    assert again.returncode == 0, again.stderr
    assert "2 个文件未变，已跳过" in again.stdout
    text = spec.read_text(encoding="utf-8")
    assert "# 已由督查室核对" in text and "2026年12月底前完成全部整改" in text
    assert (out / "a" / "notice.yaml").stat().st_ino == untouched


def test_a_manifest_inside_a_walked_folder_is_not_an_input(run_cli, tmp_path: Path) -> None:
    inputs = _tree(tmp_path)
    manifest = _manifest_csv(inputs)
    both = run_cli("extract", str(inputs), "--manifest", str(manifest), "-o", str(tmp_path / "out"), "--force")
    assert both.returncode == 0, both.stderr
    assert "list" not in " ".join(_files(tmp_path / "out")) and "list.csv" not in both.stdout + both.stderr
