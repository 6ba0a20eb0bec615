"""Items a person adds by hand: `origin: manual` makes span and line optional, and validate, render,
review and extract --update take them as they are."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT, seed
from govplan.render.loading import load_specs_for_render

SPEC = ROOT / "specs" / "002_7ee8fce85c601369.yaml"
ANCHOR = "      - id: 二.(五)\n"
MANUAL_TASK = """\
          - id: 二.(四).5
            style: unnumbered
            level: 3
            title: 开展返乡创业培训
            text: 开展返乡创业培训，全年不少于200人。
            origin: manual
            deadlines:
              - text: 2024年10月底前
                kind: by
                due: '2024-10-31'
                origin: manual
            units:
              - text: 县人社局
                name: 县人社局
                role: lead
                origin: manual
"""


def _with_manual_task(folder: Path, task: str = MANUAL_TASK, name: str = "002.yaml") -> Path:
    text = SPEC.read_text(encoding="utf-8")
    assert text.count(ANCHOR) == 1
    path = folder / name
    path.write_text(text.replace(ANCHOR, task + ANCHOR), encoding="utf-8")
    return path


def test_validate_accepts_a_manual_task_without_span_or_line(run_cli, tmp_path: Path) -> None:
    path = _with_manual_task(tmp_path)
    shutil.copy(seed("002"), tmp_path / seed("002").name)
    result = run_cli("validate", str(path), "--source", str(tmp_path), "--format", "json")
    assert result.returncode == 0, result.stdout
    assert '"GP011"' not in result.stdout and '"GP110"' not in result.stdout  # nothing to check in a source


@pytest.mark.parametrize(("lang", "words"), [("zh", ["缺少 line 和 span", "origin: manual"]), ("en", ["missing line and span", "origin: manual"])])
def test_a_task_without_span_that_is_not_manual_is_told_how_to_mark_it(run_cli, tmp_path: Path, lang: str, words: list[str]) -> None:
    path = _with_manual_task(tmp_path, MANUAL_TASK.replace("            origin: manual\n            deadlines", "            deadlines"))
    result = run_cli("--lang", lang, "validate", str(path))
    assert result.returncode == 1
    assert "GP011" in result.stdout and all(word in result.stdout for word in words), result.stdout


def test_render_and_review_show_manual_items(run_cli, tmp_path: Path) -> None:
    path = _with_manual_task(tmp_path)
    result = run_cli("render", str(path), "--as", "checklist", "--unit", "县人社局", "--today", "2024-07-01")
    assert result.returncode == 0, result.stderr
    assert "- [ ] **2024年10月底前** (四)开展稳岗就业提升行动 开展返乡创业培训（牵头）" in result.stdout
    shutil.copy(seed("002"), tmp_path / "source.txt")
    review = run_cli("review", str(path), "-o", str(tmp_path / "r.html"), "--source", str(ROOT))
    assert review.returncode == 0, review.stderr
    assert "开展返乡创业培训（人工添加）" in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_extract_update_keeps_manual_items(run_cli, tmp_path: Path) -> None:
    notice = tmp_path / "n2.txt"
    shutil.copy(seed("002"), notice)
    first = run_cli("extract", str(notice), "-o", str(tmp_path / "specs"))
    assert first.returncode == 0, first.stderr
    spec = tmp_path / "specs" / "n2.yaml"
    text = spec.read_text(encoding="utf-8")
    spec.write_text(text.replace(ANCHOR, MANUAL_TASK + ANCHOR), encoding="utf-8")
    update = run_cli("extract", str(notice), "-o", str(tmp_path / "specs"), "--update")
    assert update.returncode == 0, update.stderr
    (loaded,) = load_specs_for_render([spec], validate=True)
    (added,) = [n for n in loaded.spec.walk() if n.origin == "manual"]
    assert (added.id, added.text, added.line, added.span) == ("二.(四).5", "开展返乡创业培训，全年不少于200人。", None, None)
    assert [(d.text, d.origin) for d in added.deadlines] == [("2024年10月底前", "manual")]
    assert [(u.name, u.role, u.origin) for u in added.units] == [("县人社局", "lead", "manual")]
