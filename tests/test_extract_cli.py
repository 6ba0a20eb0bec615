"""`govplan extract` end to end: the real CLI in a subprocess, real files, specs read back."""

from __future__ import annotations

import hashlib
import json

import opencc
import pytest

from govplan.normalize import normalize
from govplan.spec.io import load_spec_text
from tests.conftest import ROOT, seed


def extract_one(run_cli, path, out, *extra):
    result = run_cli("extract", str(path), "-o", str(out), *extra)
    assert result.returncode == 0, result.stderr
    (spec_file,) = out.glob(f"{path.stem}*.yaml")
    return load_spec_text(spec_file.read_text(encoding="utf-8")), spec_file


def test_seed_000_spec_metadata_and_tree(run_cli, tmp_path):
    spec, spec_file = extract_one(run_cli, seed("000"), tmp_path)
    assert spec_file.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")
    assert spec.schema_version == "1.0"
    meta = spec.metadata
    assert meta.title == "关于深入推进大走访大落实新风行动的通知"
    assert meta.doc_number == "办发〔2020〕2号"
    assert meta.issuer == "泰州市大走访大落实新风行动办公室"
    assert meta.recipients == ["各市(区)活动办", "市各相关部门(单位)"]  # normalised: full-width brackets folded
    assert str(meta.date) == "2020-03-30"
    assert [a.title for a in meta.attachments] == ["新风行动协调小组成员单位年度重点任务", "2020年度市级机关部门新风行动目标任务考核细则"]
    assert spec.source.sha256 == hashlib.sha256(seed("000").read_bytes()).hexdigest()
    assert spec.source.script == "simplified"
    # the text before the first numbered item is the unnumbered preamble node, listed first
    assert [t.id for t in spec.tasks] == ["前言", "1", "2", "3", "附件1", "附件2"]
    original = seed("000").read_text(encoding="utf-8")
    for node in spec.walk():
        assert normalize(original[node.span.start : node.span.end]).text == node.text


def test_seed_002_index_table_metadata(run_cli, tmp_path):
    spec, _ = extract_one(run_cli, seed("002"), tmp_path)
    assert spec.metadata.doc_number == "旬巩衔组发〔2024〕1号"
    assert spec.metadata.issuer == "旬邑县"
    assert str(spec.metadata.date) == "2024-03-29"
    assert spec.metadata.title == "旬邑县巩固拓展脱贫攻坚成果同乡村振兴有效衔接“十大提升行动”实施方案"


def test_traditional_spans_point_at_the_original(run_cli, tmp_path):
    spec, _ = extract_one(run_cli, seed("004"), tmp_path)
    assert spec.source.script == "traditional" and spec.source.conversion == "t2s"
    assert spec.notes  # no date of issue: says that year-less deadlines stay unresolved
    original = seed("004").read_text(encoding="utf-8")
    t2s = opencc.OpenCC("t2s")
    for node in spec.walk():
        verbatim = original[node.span.start : node.span.end]
        assert t2s.convert(verbatim) == node.text
        for item in [*node.deadlines, *node.targets, *node.units]:
            assert original[item.span.start : item.span.end] == item.text


def tree_of(spec):
    return [(n.id, n.title, n.level) for n in spec.walk()]


@pytest.mark.parametrize("variant", ["gbk", "utf-16", "utf-8-sig", "docx", "html"])
def test_other_formats_give_the_same_tree(run_cli, tmp_path, variant):
    text = seed("002").read_text(encoding="utf-8")
    reference, _ = extract_one(run_cli, seed("002"), tmp_path / "ref")
    if variant == "docx":
        from docx import Document

        document = Document()
        for line in text.split("\n"):
            document.add_paragraph(line)
        path = tmp_path / "notice.docx"
        document.save(path)
    elif variant == "html":
        from html import escape

        body = "".join(f"<p>{escape(line)}</p>" for line in text.split("\n"))
        page = f"<html><body><div class='nav'><a>首页</a><a>政务公开</a></div><div id='zoom'>{body}</div></body></html>"
        path = tmp_path / "notice.html"
        path.write_text(page, encoding="utf-8")
    else:
        path = tmp_path / "notice.txt"
        path.write_bytes(text.encode(variant))
    spec, _ = extract_one(run_cli, path, tmp_path / "out")
    assert tree_of(spec) == tree_of(reference)
    assert spec.source.format == ("txt" if variant not in ("docx", "html") else variant)


def test_existing_spec_is_not_overwritten_without_force(run_cli, tmp_path):
    _, spec_file = extract_one(run_cli, seed("000"), tmp_path)
    spec_file.write_text("# edited by hand\n", encoding="utf-8")
    again = run_cli("extract", str(seed("000")), "-o", str(tmp_path))
    assert again.returncode == 1
    assert spec_file.name in again.stderr and "--force" in again.stderr
    assert spec_file.read_text(encoding="utf-8") == "# edited by hand\n"
    forced = run_cli("extract", str(seed("000")), "-o", str(tmp_path), "--force")
    assert forced.returncode == 0
    assert spec_file.read_text(encoding="utf-8").startswith("# yaml-language-server")


def test_stdin_json_and_english(run_cli, tmp_path):
    result = run_cli("--lang", "en", "extract", "-", "--format", "json", input=seed("002").read_bytes())
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["source"]["file"] == "-"
    assert [t["id"] for t in data["tasks"]][:3] == ["前言", "一", "二"]


def test_output_dash_writes_the_specs_of_a_file_to_stdout(run_cli, tmp_path):
    """`-o -` is standard output, as for every other command; it made a folder named "-" before."""
    result = run_cli("extract", str(seed("000")), "-o", "-", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# yaml-language-server") and "schema_version:" in result.stdout
    assert list(tmp_path.iterdir()) == []


def test_bad_inputs_fail_clearly_and_others_are_still_written(run_cli, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "latin.txt").write_bytes(b"\x81\x30\xff\xfe\x80" * 40)
    good = tmp_path / "good.txt"
    good.write_bytes(seed("000").read_bytes())
    out = tmp_path / "out"
    result = run_cli("extract", str(tmp_path), str(tmp_path / "missing.txt"), "-o", str(out))
    assert result.returncode == 1
    for name, word in [("empty.txt", "空"), ("binary.txt", "二进制"), ("latin.txt", "编码"), ("missing.txt", "不存在")]:
        assert any(name in line and word in line for line in result.stderr.splitlines()), (name, result.stderr)
    assert "Traceback" not in result.stderr
    assert (out / "good.yaml").exists()
    assert not (out / "empty.yaml").exists()
    assert not list(out.glob("*.tmp")) and not list(out.glob(".*"))


def test_usage_error_exits_2(run_cli):
    assert run_cli("extract").returncode == 2
    assert run_cli("extract", "x.txt", "--format", "pdf").returncode == 2


def test_compilation_gives_one_spec_per_document(run_cli, tmp_path):
    result = run_cli("extract", str(seed("003")), "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    parts = sorted(tmp_path.glob("003_*.part-*.yaml"))
    assert len(parts) >= 20
    first = load_spec_text(parts[0].read_text(encoding="utf-8"))
    assert first.source.part == 1 and first.source.parts == len(parts)


def test_committed_specs_are_regenerated_byte_identically(run_cli):
    import shutil
    import tempfile
    from pathlib import Path

    # a sibling of specs/, so the relative schema line is the same as in the committed specs
    tmp_path = Path(tempfile.mkdtemp(prefix=".regen-", dir=ROOT))
    try:
        _regenerate_and_compare(run_cli, tmp_path)
    finally:
        shutil.rmtree(tmp_path)


def _regenerate_and_compare(run_cli, tmp_path):
    result = run_cli("extract", "corpus/seeds", "-o", str(tmp_path), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    committed = sorted(p.name for p in (ROOT / "specs").glob("*.yaml"))
    produced = sorted(p.name for p in tmp_path.glob("*.yaml"))
    assert produced == committed
    for name in committed:
        assert (tmp_path / name).read_bytes() == (ROOT / "specs" / name).read_bytes(), name


def test_update_keeps_hand_edits_and_adds_nothing_twice(run_cli, tmp_path):
    _, spec_file = extract_one(run_cli, seed("002"), tmp_path)
    text = spec_file.read_text(encoding="utf-8")
    edited = text.replace("title: 精准核实务工信息\n", "title: 精准核实务工信息（人工改）\n", 1)
    assert edited != text
    spec_file.write_text(edited, encoding="utf-8")
    result = run_cli("extract", str(seed("002")), "-o", str(tmp_path), "--update")
    assert result.returncode == 0, result.stderr
    assert "已合并" in result.stderr
    merged = load_spec_text(spec_file.read_text(encoding="utf-8"))
    titles = {n.id: n.title for n in merged.walk()}
    assert titles["二.(四).2"] == "精准核实务工信息（人工改）"
    assert len(titles) == 59  # 58 numbered items and the preamble
    # an untouched spec updates to exactly the fresh extraction
    fresh_dir = tmp_path / "fresh"
    _, fresh_file = extract_one(run_cli, seed("002"), fresh_dir)
    again = run_cli("extract", str(seed("002")), "-o", str(fresh_dir), "--update")
    assert again.returncode == 0 and fresh_file.read_text(encoding="utf-8") == (fresh_dir / fresh_file.name).read_text(encoding="utf-8")


def test_update_refuses_a_broken_spec_and_leaves_it_alone(run_cli, tmp_path):
    _, spec_file = extract_one(run_cli, seed("000"), tmp_path)
    spec_file.write_text("tasks: [\n", encoding="utf-8")
    result = run_cli("extract", str(seed("000")), "-o", str(tmp_path), "--update")
    assert result.returncode == 1
    assert spec_file.name in result.stderr
    assert spec_file.read_text(encoding="utf-8") == "tasks: [\n"


def test_parallel_jobs_give_the_same_output_as_a_serial_run(run_cli, tmp_path):
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    assert run_cli("extract", "corpus/seeds", "-o", str(serial), cwd=ROOT).returncode == 0
    assert run_cli("extract", "corpus/seeds", "-o", str(parallel), "--jobs", "2", cwd=ROOT).returncode == 0
    names = sorted(p.name for p in serial.iterdir())
    assert names == sorted(p.name for p in parallel.iterdir()) and len(names) > 5
    for name in names:
        assert (serial / name).read_bytes() == (parallel / name).read_bytes()


def test_an_interrupted_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    import os

    from govplan.fsutil import write_atomic

    target = tmp_path / "spec.yaml"
    target.write_text("old\n", encoding="utf-8")

    def interrupted(*_args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new\n")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["spec.yaml"]


def test_help_in_english_by_flag_and_by_locale(run_cli):
    flag = run_cli("--lang", "en", "extract", "--help")
    assert "Extract task specs" in flag.stdout
    locale = run_cli("--help", env={"GOVPLAN_LANG": "", "LANG": "en_US.UTF-8", "LC_ALL": ""})
    assert "policy-document compiler" in locale.stdout
    chinese = run_cli("--help", env={"GOVPLAN_LANG": "zh"})
    assert "政策文件编译器" in chinese.stdout


def test_date_option_resolves_year_less_deadlines_and_says_so(run_cli, tmp_path):
    source = tmp_path / "n.txt"
    source.write_text("一、推进老旧小区改造\n9月底前完成主体工程。\n", encoding="utf-8")
    result = run_cli("extract", str(source), "-o", str(tmp_path), "--date", "2023-05-01")
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "n.yaml").read_text(encoding="utf-8")
    assert "due: '2023-09-30'" in text and "year_from: assumed" in text
    bad = run_cli("extract", str(source), "-o", str(tmp_path / "x"), "--date", "2023-13-01")
    assert bad.returncode == 2
