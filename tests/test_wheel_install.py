"""The built wheel, installed into a fresh virtual environment, renders every format.

A normal (non-editable) install once failed to render docx/html/md because the templates sat
outside the package. Here the wheel is built from a copy of the sources, installed with
``--no-deps`` into a new venv that sees no source tree, and the dependencies come from this
project's own environment through a .pth line (a path line: the editable install's finder in
that folder is never run, so ``govplan`` can only come from the wheel). No network is needed.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.wheel
SPEC = ROOT / "tests" / "fixtures" / "render" / "xunyi_ten_actions.yaml"


def _run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, cwd=cwd, timeout=180,
                            env={"PATH": "/usr/bin:/bin", "GOVPLAN_LANG": "zh", "HOME": str(cwd or ROOT)})
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A venv holding only the wheel of govplan (its dependencies seen through a .pth line); its bin folder."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    shutil.copytree(ROOT / "govplan", src / "govplan", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    _run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", tmp / "dist", src, cwd=tmp)
    (wheel,) = (tmp / "dist").glob("govplan-*.whl")
    venv = tmp / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp)
    python = venv / "bin" / "python"
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps", wheel, cwd=tmp)
    site = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp).stdout.strip())
    (site / "project-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return venv / "bin"


def test_the_wheel_carries_the_templates_and_the_reference_document(installed: Path) -> None:
    (wheel,) = (installed.parent.parent / "dist").glob("govplan-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("tasktable.md.j2", "tasktable.html.j2", "matrix.html.j2", "checklist.md.j2", "_layout.html.j2", "reference.docx"):
        assert f"govplan/render/templates/{name}" in names


def test_govplan_is_imported_from_the_wheel(installed: Path, tmp_path: Path) -> None:
    where = _run(installed / "python", "-c", "import govplan; print(govplan.__file__)", cwd=tmp_path).stdout
    assert where.startswith(str(installed.parent)), where


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "html", "md", "csv"])
def test_the_installed_command_renders_every_format(installed: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"table.{fmt}"
    _run(installed / "govplan", "render", SPEC, "--as", "tasktable", "-o", out, "--today", "2024-07-01", cwd=tmp_path)
    data = out.read_bytes()
    if fmt == "docx":
        from docx import Document

        assert "精准核实务工信息" in "".join(c.text for t in Document(io.BytesIO(data)).tables for c in t.column_cells(2))
    elif fmt == "xlsx":
        from openpyxl import load_workbook

        assert load_workbook(io.BytesIO(data)).worksheets[0]["A1"].value.endswith("任务分解表")
    else:
        assert "精准核实务工信息" in data.decode("utf-8")


def test_the_installed_command_writes_calendars_and_template_copies(installed: Path, tmp_path: Path) -> None:
    _run(installed / "govplan", "calendar", SPEC, "-o", tmp_path / "deadlines.ics", cwd=tmp_path)
    assert (tmp_path / "deadlines.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    _run(installed / "govplan", "templates", tmp_path / "mine", cwd=tmp_path)
    assert (tmp_path / "mine" / "reference.docx").read_bytes()[:2] == b"PK"
