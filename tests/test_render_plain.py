"""A spec of the schema's exact types is rendered from validate's plain records (no pydantic), and
every view and format comes out as it does from the spec models."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest

from govplan.registry import canonicalise, registry_for
from govplan.render.loading import LoadedSpec, load_specs_for_render
from govplan.render.views import RenderRequest, render
from govplan.spec.model import Spec
from govplan.validate.reader import load

ROOT = Path(__file__).resolve().parent.parent
XUNYI = ROOT / "tests" / "fixtures" / "render" / "xunyi_ten_actions.yaml"
TODAY = dt.date(2024, 7, 1)
CASES = [("tasktable", "md"), ("matrix", "md"), ("checklist", "md"), ("tasktable", "html"), ("checklist", "csv"),
         ("tasktable", "docx"), ("matrix", "docx"), ("tasktable", "xlsx"), ("matrix", "xlsx")]


def _modelled(path: Path) -> list[LoadedSpec]:
    """The spec as the models read it, with the registry's names given as loading gives them."""
    spec = Spec.model_validate(load(path.read_text(encoding="utf-8")).data)
    canonicalise(spec, registry_for())
    return [LoadedSpec(path, spec)]


def _parts(data: str | bytes) -> object:
    """A page as it is; a .docx or .xlsx as its parts, without the creation stamps of the clock."""
    if isinstance(data, str):
        return data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist() if name != "docProps/core.xml"}


@pytest.fixture(scope="module")
def both() -> tuple[list[LoadedSpec], list[LoadedSpec]]:
    return load_specs_for_render([XUNYI], validate=True), _modelled(XUNYI)


def test_a_spec_of_exact_types_loads_as_plain_records(both) -> None:
    plain, modelled = both
    assert isinstance(plain[0].spec, SimpleNamespace) and isinstance(modelled[0].spec, Spec)
    assert isinstance(load_specs_for_render([XUNYI], validate=False)[0].spec, SimpleNamespace)


@pytest.mark.parametrize(("view", "fmt"), CASES)
def test_plain_records_render_as_the_models_do(both, view: str, fmt: str) -> None:
    plain, modelled = both
    request = RenderRequest(view, fmt, today=TODAY)  # type: ignore[arg-type]
    assert _parts(render(plain, request)) == _parts(render(modelled, request))


def test_a_plain_render_imports_neither_typer_nor_pydantic(tmp_path: Path) -> None:
    probe = ("import sys\nfrom govplan.cli.app import main\n"
             "sys.argv = ['govplan', 'render', sys.argv[1], '--as', 'tasktable', '--to', 'docx', '-o', sys.argv[2]]\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\n"
             "print(sorted({m.split('.')[0] for m in sys.modules} & {'typer', 'click', 'pydantic', 'rich'}), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", probe, str(XUNYI), str(tmp_path / "t.docx")],
                          capture_output=True, text=True, timeout=120)
    assert (tmp_path / "t.docx").is_file()
    assert done.stderr.strip().splitlines()[-1] == "[]"
