"""`govplan render` through the real CLI: outputs written atomically, validation errors stop it."""

from __future__ import annotations

import io
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "render"
SMALL = FIXTURES / "small_tree.yaml"
XUNYI = FIXTURES / "xunyi_ten_actions.yaml"


def test_render_docx_from_a_directory_of_specs(run_cli, tmp_path: Path) -> None:
    from docx import Document

    out = tmp_path / "out" / "任务分解表.docx"
    result = run_cli("render", str(FIXTURES), "--as", "tasktable", "-o", str(out), "--today", "2024-07-01")
    assert result.returncode == 0, result.stderr
    doc = Document(io.BytesIO(out.read_bytes()))
    titles = [p.text for p in doc.paragraphs if p.style.name == "GovTitle"]
    assert len(titles) == 2
    assert titles[0] == "某县稳就业工作任务分解方案任务分解表"
    assert titles[1].endswith("实施方案任务分解表")
    assert len(doc.tables) > 2  # a table per printed page
    assert sum(p.paragraph_format.page_break_before is True for p in doc.paragraphs if p.style.name == "GovTitle") == 1
    assert not list(out.parent.glob(".*.tmp"))


def test_render_markdown_to_stdout_for_one_unit(run_cli) -> None:
    result = run_cli("render", str(SMALL), "--as", "checklist", "--unit", "县财政局", "--today", "2024-07-01")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# 县财政局责任清单\n")
    assert "- [ ] **每月25日前** 一、稳定重点群体就业 （二）促进农民工就业（配合）" in result.stdout
    assert "⚠ 已逾期：2024年6月底前" in result.stdout


def test_format_follows_the_output_suffix(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "matrix.html"
    result = run_cli("render", str(SMALL), "--as", "matrix", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_binary_output_needs_a_file(run_cli) -> None:
    result = run_cli("render", str(SMALL), "--as", "tasktable", "--to", "xlsx")
    assert result.returncode == 2  # a usage error (docs/errors.md)
    assert "E002" in result.stderr and "-o" in result.stderr and "Traceback" not in result.stderr


def test_an_invalid_spec_stops_rendering_unless_told_otherwise(run_cli, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(SMALL.read_text(encoding="utf-8").replace("freq: monthly", "freq: fortnightly"), encoding="utf-8")
    out = tmp_path / "table.md"
    stopped = run_cli("render", str(broken), "--as", "tasktable", "-o", str(out))
    assert stopped.returncode == 1
    assert "broken.yaml" in stopped.stderr and "tasks[0].children[1].deadlines[0].recurrence.freq" in stopped.stderr
    assert not out.exists()

    forced = run_cli("render", str(broken), "--as", "tasktable", "-o", str(out), "--no-validate")
    assert forced.returncode == 0, forced.stderr
    assert "tasks[0].children[1].deadlines[0]" in forced.stderr
    assert "促进农民工就业" in out.read_text(encoding="utf-8")


def test_a_bad_today_is_a_clear_error(run_cli) -> None:
    result = run_cli("render", str(SMALL), "--as", "checklist", "--today", "7月1日")
    assert result.returncode == 2 and "E001" in result.stderr and "YYYY-MM-DD" in result.stderr


def test_english_messages(run_cli) -> None:
    result = run_cli("--lang", "en", "render", str(SMALL), "--as", "checklist", "--unit", "县教育局")
    assert result.returncode == 1 and "no unit '县教育局' in the specs" in result.stderr


def test_per_unit_writes_one_checklist_file_per_unit(run_cli, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "清单"
    result = run_cli("render", str(SMALL), "--as", "checklist", "--per-unit", str(out), "--to", "xlsx", "--today", "2024-07-01")
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"{u}责任清单.xlsx" for u in ["某县人力资源和社会保障局", "县农业农村局", "县财政局", "各镇"])
    sheet = load_workbook(out / "县财政局责任清单.xlsx").active
    assert sheet["A1"].value == "县财政局责任清单" and sheet.max_row > 3
    assert "4 份责任清单" in result.stderr


def test_per_unit_goes_with_checklists_only(run_cli, tmp_path: Path) -> None:
    result = run_cli("render", str(SMALL), "--as", "matrix", "--per-unit", str(tmp_path))
    assert result.returncode == 2 and "E007" in result.stderr and "--per-unit" in result.stderr  # a usage error


def test_title_attachment_and_all_sections_options(run_cli, tmp_path: Path) -> None:
    from docx import Document

    out = tmp_path / "附件.docx"
    result = run_cli("render", str(XUNYI), "--as", "tasktable", "-o", str(out), "--title", "十大提升行动任务分解表",
                     "--attachment", "2", "--all-sections")
    assert result.returncode == 0, result.stderr
    doc = Document(io.BytesIO(out.read_bytes()))
    assert [p.text for p in doc.paragraphs[:2]] == ["附件2", "十大提升行动任务分解表"]
    assert doc.tables[0].cell(1, 1).text == "一、总体要求"  # kept with --all-sections
