"""extract --engine dask: a local cluster and one reached by --address give the bytes of a local run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS, seed

distributed = pytest.importorskip("distributed")

REGISTRY = "甘沟驿镇农业农村综合服务站: [农综站]\n县人力资源和社会保障局: [县人社局]\n"


def _inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    (folder / "empty.txt").write_bytes(b"")
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_a_local_cluster_gives_the_local_bytes_and_keeps_a_bad_file_its_own(run_cli, tmp_path: Path, fmt: str) -> None:
    inputs = _inputs(tmp_path)
    local = run_cli("extract", str(inputs), "-o", str(tmp_path / "local"), "--format", fmt)
    on_dask = run_cli("extract", str(inputs), "-o", str(tmp_path / "dask"), "--format", fmt,
                      "--engine", "dask", "--jobs", "2", "--batch-size", "2")
    assert local.returncode == on_dask.returncode == 1
    assert f"错误 E106：{inputs / 'empty.txt'}: 文件是空的。" in on_dask.stderr
    assert len(_files(tmp_path / "dask")) == 36 and _files(tmp_path / "dask") == _files(tmp_path / "local")


def test_a_recursive_run_on_a_local_cluster_gives_the_local_bytes(run_cli, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    for relative, source in (("a/notice.txt", "000"), ("b/notice.txt", "001"), ("b/c/notice.txt", "003")):
        (inputs / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(seed(source), inputs / relative)
    local = run_cli("extract", str(inputs), "-r", "-o", str(tmp_path / "local"))
    on_dask = run_cli("extract", str(inputs), "-r", "-o", str(tmp_path / "dask"), "--engine", "dask", "--jobs", "2")
    assert local.returncode == on_dask.returncode == 0, on_dask.stderr
    nested = {p.relative_to(tmp_path / "dask").as_posix(): p.read_bytes() for p in (tmp_path / "dask").rglob("*.yaml")}
    assert nested == {p.relative_to(tmp_path / "local").as_posix(): p.read_bytes() for p in (tmp_path / "local").rglob("*.yaml")}
    assert {"a/notice.yaml", "b/notice.yaml", "b/c/notice.part-01.yaml"} <= set(nested)


def test_a_scheduler_at_an_address_keeps_no_registry_words_between_jobs(run_cli, tmp_path: Path) -> None:
    registry = tmp_path / "units.yaml"
    registry.write_text(REGISTRY, encoding="utf-8")
    notice = tmp_path / "in" / "notice.txt"
    notice.parent.mkdir()
    notice.write_text("一、推进工作。农综站指导各村开展工作，县人社局牵头，4月底前完成培训不少于100人。\n", encoding="utf-8")
    fresh = run_cli("extract", str(notice.parent), "-o", str(tmp_path / "fresh"))
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, host="127.0.0.1", dashboard_address=None) as cluster:
        address = cluster.scheduler_address
        assert address.startswith("tcp://127.0.0.1:")
        first = run_cli("extract", str(notice.parent), "-o", str(tmp_path / "registry"), "--registry", str(registry),
                        "--engine", "dask", "--address", address)
        then = run_cli("extract", str(notice.parent), "-o", str(tmp_path / "plain"), "--engine", "dask", "--address", address)
    assert fresh.returncode == first.returncode == then.returncode == 0
    assert "甘沟驿镇农业农村综合服务站" in (tmp_path / "registry" / "notice.yaml").read_text(encoding="utf-8")
    assert _files(tmp_path / "plain") == _files(tmp_path / "fresh")


def _python(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter with a small notice and an output folder as arguments."""
    notice = tmp_path / "notice.txt"
    notice.write_text("一、县林业局负责巡查。\n", encoding="utf-8")
    return subprocess.run([sys.executable, "-c", code, str(notice), str(tmp_path / "out")], capture_output=True, text=True)


def test_without_the_extra_the_engine_names_the_install(tmp_path: Path) -> None:
    hide_dask = ("import sys; sys.modules['dask'] = sys.modules['distributed'] = None; "
                 "sys.argv = ['govplan', '--lang', 'en', 'extract', sys.argv[1], '-o', sys.argv[2], '--engine', 'dask']; "
                 "from govplan.cli.app import main; main()")
    done = _python(hide_dask, tmp_path)
    assert done.returncode == 2
    assert "E904" in done.stderr and "pip install govplan[dask]" in done.stderr and "Traceback" not in done.stderr


def test_help_and_a_local_run_import_no_dask_nor_pyarrow(tmp_path: Path) -> None:
    probe = ("import sys\nfrom govplan.cli.app import main\nfor argv in (['--help'], ['extract', sys.argv[1], '-o', sys.argv[2]]):\n"
             "    sys.argv = ['govplan', *argv]\n    try:\n        main()\n    except SystemExit:\n        pass\n"
             "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed', 'pyarrow')), file=sys.stderr)")
    done = _python(probe, tmp_path)
    assert done.stderr.strip().splitlines()[-1] == "[]"
    assert (tmp_path / "out" / "notice.yaml").is_file()


def test_a_batch_whose_worker_dies_is_done_again_one_document_at_a_time(tmp_path: Path) -> None:
    from govplan.batch import Document, process_document, run_options
    from govplan.dask_engine import _client, _collect

    options = run_options(tmp_path, "yaml", "keep")
    documents = [Document(path.name, path.read_bytes(), path.stem) for path in sorted(SEEDS.glob("*.txt"))[:2]]
    with _client(None, 1) as client:
        crash = client.submit(os._exit, 1, pure=False)  # the batch's task takes its worker down, each time it runs
        results = _collect(client, documents, crash, options)
    assert [(r.name, r.files, r.error) for r in results] == [(d.name, process_document(d, options).files, None) for d in documents]
