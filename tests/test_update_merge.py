"""`extract --update` on specs a person edited, through the real CLI: comments kept, tasks paired
by content when the notice is renumbered, conflicts per field, symlinks followed, a broken spec
refused without stopping the other inputs (defects 1, 2, 5, 12)."""

from __future__ import annotations

from pathlib import Path

from ruamel.yaml import YAML

from govplan.spec.io import load_spec_text

NOTICE = """关于做好稳就业工作的通知
一、总体要求
各单位要提高认识，压实责任。
二、重点任务
（一）加强培训。县人社局牵头，6月底前完成培训。
（二）开展排查。县民政局负责，9月底前完成排查。
三、工作要求
加强组织领导，确保按期完成。
"""
INSERTED = NOTICE.replace("一、总体要求", "一、指导思想\n坚持以人民为中心的发展思想。\n二、总体要求").replace(
    "二、重点任务", "三、重点任务").replace("三、工作要求", "四、工作要求")


def extracted(run_cli, tmp_path: Path, text: str) -> tuple[Path, Path]:
    """The notice written as notice.txt and extracted into out/; (source, spec) paths."""
    source = tmp_path / "notice.txt"
    source.write_text(text, encoding="utf-8")
    result = run_cli("extract", str(source), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    return source, tmp_path / "out" / "notice.yaml"


def update(run_cli, source: Path, text: str) -> str:
    source.write_text(text, encoding="utf-8")
    result = run_cli("extract", str(source), "-o", str(source.parent / "out"), "--update")
    assert result.returncode == 0, result.stderr
    return result.stderr


def edit(spec: Path, old: str, new: str) -> None:
    text = spec.read_text(encoding="utf-8")
    assert old in text, old
    spec.write_text(text.replace(old, new, 1), encoding="utf-8")


def nodes(spec: Path) -> dict[str, object]:
    """The numbered task nodes of a spec file (the unnumbered preamble left out), by id."""
    spec_data = load_spec_text(spec.read_text(encoding="utf-8"))
    return {node.id: node for node in spec_data.walk() if node.style != "unnumbered"}


def test_update_keeps_every_comment_when_nothing_else_changed(run_cli, tmp_path: Path) -> None:
    """Defect 1: comments do not enter the fingerprint, so an unchanged file was replaced whole."""
    source, spec = extracted(run_cli, tmp_path, NOTICE)
    edit(spec, "schema_version:", "# 本规格已由综合科核对（2024-05）\nschema_version:")
    edit(spec, "    title: 总体要求\n", "    # 标题按领导批示保留\n    title: 总体要求  # 勿改\n")
    edit(spec, "            role: lead\n", "            role: lead  # 牵头单位已电话确认\n")
    update(run_cli, source, NOTICE)
    text = spec.read_text(encoding="utf-8")
    for comment in ("# 本规格已由综合科核对（2024-05）", "# 标题按领导批示保留", "title: 总体要求  # 勿改", "role: lead  # 牵头单位已电话确认"):
        assert comment in text, comment
    assert text.startswith("# yaml-language-server: $schema=")
    assert len(nodes(spec)) == 5


def test_update_pairs_tasks_by_content_when_a_section_is_inserted_at_the_top(run_cli, tmp_path: Path) -> None:
    """Defect 2: pairing by numbering id lost edited tasks, duplicated a section and put an edit
    on the wrong child once the revised notice inserted a section at the top."""
    source, spec = extracted(run_cli, tmp_path, NOTICE)
    edit(spec, "title: 加强培训\n", "title: 加强业务培训（人工）  # 与人社局核对\n")
    edit(spec, "title: 工作要求\n", "title: 保障措施（人工）\n")
    stderr = update(run_cli, source, INSERTED)
    merged = nodes(spec)
    assert sorted(merged) == ["一", "三", "三.(一)", "三.(二)", "二", "四"], sorted(merged)
    assert merged["一"].title == "指导思想" and merged["二"].title == "总体要求"
    assert merged["三.(一)"].title == "加强业务培训（人工）" and "培训" in merged["三.(一)"].text
    assert merged["三.(二)"].title == "开展排查"
    assert merged["四"].title == "保障措施（人工）" and merged["四"].number == "四、"
    assert "# 与人社局核对" in spec.read_text(encoding="utf-8")
    assert not [line for line in stderr.splitlines() if "冲突" in line and "已合并" not in line], stderr
    original = source.read_text(encoding="utf-8")
    for node in merged.values():  # every kept edit sits on spans of the revised notice
        for unit in node.units:
            assert original[unit.span.start : unit.span.end] == unit.text


def test_a_conflict_is_reported_for_its_field_only_and_spans_follow_the_source(run_cli, tmp_path: Path) -> None:
    """Defect 5: one field changed on both sides made every changed field of the task a conflict
    (28 conflicts for 15 edits) and kept stale spans as if they were hand edits."""
    source, spec = extracted(run_cli, tmp_path, NOTICE)
    edit(spec, "title: 加强培训\n", "title: 加强培训（人工）\n")
    edit(spec, "            canonical: 县人力资源和社会保障局\n", "            canonical: 某县人力资源和社会保障局\n")
    revised = "（2024年修订）\n" + NOTICE.replace("县人社局牵头，", "县人社局牵头，县财政局配合，")
    stderr = update(run_cli, source, revised)
    conflicts = [line for line in stderr.splitlines() if "冲突" in line and "已合并" not in line]
    assert len(conflicts) == 1 and "二.(一) 的 units" in conflicts[0], stderr
    node = nodes(spec)["二.(一)"]
    assert node.title == "加强培训（人工）"
    text = source.read_text(encoding="utf-8")
    assert text[node.span.start : node.span.end].startswith("（一）加强培训")  # the fresh span, not the stale one
    (unit,) = node.units
    assert unit.canonical == "某县人力资源和社会保障局" and text[unit.span.start : unit.span.end] == "县人社局"


def test_update_writes_through_a_symlinked_spec(run_cli, tmp_path: Path) -> None:
    """Defect 5: --update replaced a symlinked spec with a regular file."""
    source, spec = extracted(run_cli, tmp_path, NOTICE)
    shared = tmp_path / "shared.yaml"
    spec.rename(shared)
    spec.symlink_to(shared)
    edit(shared, "title: 加强培训\n", "title: 加强培训（人工）\n")
    update(run_cli, source, "（修订）\n" + NOTICE)
    assert spec.is_symlink() and spec.resolve() == shared.resolve()
    assert "加强培训（人工）" in shared.read_text(encoding="utf-8")


def test_update_over_a_spec_with_a_control_character_reports_it_and_goes_on(run_cli, tmp_path: Path) -> None:
    """Defect 12: a control character in an existing spec aborted the directory run."""
    source, spec = extracted(run_cli, tmp_path, NOTICE)
    other = tmp_path / "other.txt"
    other.write_text(NOTICE.replace("稳就业", "促就业"), encoding="utf-8")
    edit(spec, "title: 加强培训", "title: 加强\x01培训")
    result = run_cli("extract", str(source), str(other), "-o", str(tmp_path / "out"), "--update")
    assert result.returncode == 1 and "内部错误" not in result.stderr
    assert "notice.yaml" in result.stderr
    assert (tmp_path / "out" / "other.yaml").exists()
    assert "加强\x01培训" in spec.read_text(encoding="utf-8")  # left as it was


def test_merged_output_is_what_fmt_writes(run_cli, tmp_path: Path) -> None:
    """The merged file is in canonical layout: fmt --check passes right after --update."""
    source, spec = extracted(run_cli, tmp_path, NOTICE)
    edit(spec, "title: 加强培训\n", "title: 加强培训  # 注\n")
    update(run_cli, source, INSERTED)
    assert run_cli("fmt", "--check", str(spec)).returncode == 0
    assert run_cli("validate", str(spec)).returncode == 0
    YAML(typ="safe").load(spec.read_text(encoding="utf-8"))
