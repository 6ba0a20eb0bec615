"""validate, fmt and render on hostile spec texts: control characters, deep nesting, alias bombs,
complex keys, impossible dates. Each is refused with a located error (exit 1) or handled; none
crashes (exit 3) or hangs."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from ruamel.yaml import YAML

FIXTURES = Path(__file__).parent / "fixtures"
VALID = (FIXTURES / "validate" / "valid.yaml").read_text(encoding="utf-8")
COMMANDS = {
    "validate": ("validate",),
    "fmt": ("fmt", "--check"),
    "render": ("render", "--as", "tasktable", "--no-validate"),
}
HOSTILE = {
    "nul": (VALID.replace("generator: govplan", "generator: gov\x00plan"), "3:15", "U+0000"),
    "control": (VALID.replace("generator: govplan", "generator: gov\x01plan"), "3:15", "U+0001"),
    "escape": (VALID.replace("generator: govplan", "generator: gov\x1b[2Jplan"), "3:15", "U+001B"),
    "flow_nesting": ("a: " + "[" * 500 + "]" * 500 + "\n", "1:103", "100"),
    "block_nesting": ("a:\n" + "".join("  " * i + "- k:\n" for i in range(1, 500)), "51:", "100"),
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_control_characters_and_deep_nesting_are_located_errors(run_cli, tmp_path: Path, command: str, case: str) -> None:
    """Defect 13: a NUL or \\x01 and ~500 levels of nesting (< 1 KB) crashed all three (exit 3)."""
    text, where, what = HOSTILE[case]
    spec = tmp_path / "spec.yaml"
    spec.write_text(text, encoding="utf-8")
    result = run_cli(*COMMANDS[command], str(spec))
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "内部错误" not in output and "Traceback" not in output
    assert f"spec.yaml:{where}" in output or (command == "fmt" and "spec.yaml" in output and f"：{where}" in output)
    assert what in output
    assert "\x1b" not in output  # a terminal escape in a spec is never echoed to the log


@pytest.mark.parametrize("fixture", sorted(p.name for p in (FIXTURES / "validate").glob("*.yaml")))
def test_fmt_handles_every_validator_fixture_quickly(run_cli, tmp_path: Path, fixture: str) -> None:
    """Defect 13: fmt crashed on bad_date.yaml (ValueError) and walked alias_bomb.yaml's aliases
    exponentially (> 60 s). Now it formats or refuses each, fast, and a second run changes nothing."""
    spec = tmp_path / fixture
    spec.write_bytes((FIXTURES / "validate" / fixture).read_bytes())
    began = time.perf_counter()
    result = run_cli("fmt", str(spec))
    assert time.perf_counter() - began < 10
    assert result.returncode in (0, 1) and "内部错误" not in result.stderr, result.stderr
    if result.returncode == 0:
        assert run_cli("fmt", "--check", str(spec)).returncode == 0


def test_fmt_refuses_a_complex_key_with_its_place(run_cli, tmp_path: Path) -> None:
    """Defect 13: a list inside a list used as a key raised TypeError (unhashable CommentedSeq)."""
    spec = tmp_path / "spec.yaml"
    spec.write_text("schema_version: '1.0'\n? [a, [b]]\n: 1\n", encoding="utf-8")
    result = run_cli("fmt", str(spec))
    assert result.returncode == 1 and "内部错误" not in result.stderr
    assert "spec.yaml" in result.stderr and "2:3" in result.stderr


def test_fmt_is_idempotent_on_commented_flow_items(run_cli, tmp_path: Path) -> None:
    """Defect 14: `- {…}  # c` moved its comment on every run, so fmt --check failed after fmt."""
    spec = tmp_path / "spec.yaml"
    spec.write_text((FIXTURES / "render" / "small_tree.yaml").read_text(encoding="utf-8").replace(
        "role: lead}", "role: lead}  # 牵头单位已核实", 1).replace("role: support}", "role: support}  # 待确认", 1), encoding="utf-8")
    assert run_cli("fmt", str(spec)).returncode == 0
    once = spec.read_text(encoding="utf-8")
    assert run_cli("fmt", "--check", str(spec)).returncode == 0
    assert spec.read_text(encoding="utf-8") == once
    lines = once.splitlines()
    for comment, owner in (("# 牵头单位已核实", "- text: 县人社局"), ("# 待确认", "- text: 县财政局")):
        (line,) = [line for line in lines if comment in line]
        assert line.strip().startswith(owner), line


def test_checklist_xlsx_of_a_spec_without_units_is_written(run_cli, tmp_path: Path) -> None:
    """Defect 13: render --as checklist -o x.xlsx on a spec naming no unit raised IndexError."""
    from openpyxl import load_workbook

    yaml = YAML()
    data = yaml.load((FIXTURES / "render" / "small_tree.yaml").read_text(encoding="utf-8"))
    stack = list(data["tasks"])
    while stack:
        node = stack.pop()
        node.pop("units", None)
        stack.extend(node.get("children", []))
    spec = tmp_path / "spec.yaml"
    with spec.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    out = tmp_path / "checklist.xlsx"
    result = run_cli("render", str(spec), "--as", "checklist", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "没有可列出的内容" in load_workbook(out).worksheets[0]["A1"].value


def test_lone_carriage_returns_number_lines_as_yaml_does(run_cli, tmp_path: Path) -> None:
    """Fuzz finding (validate): a lone CR ends a line for YAML, so findings pointed past the last
    line of the code frame, which came out empty."""
    spec = tmp_path / "spec.yaml"
    spec.write_bytes(b"schema_version: '1.0'\rgenerator: x\rtasks:\r  - id: 1\r bad: [\n")
    result = run_cli("validate", str(spec))
    assert result.returncode == 1
    assert "spec.yaml:5:" in result.stdout or "spec.yaml:6:" in result.stdout, result.stdout
    assert "> " in result.stdout  # the code frame shows the line


@pytest.mark.parametrize("text", ["# a list is not a spec\n-x 一\n- 二\n", "- -\n# a list is not a spec\n"])
def test_fmt_refuses_a_lone_scalar_instead_of_dropping_its_comment(run_cli, tmp_path: Path, text: str) -> None:
    """Fuzz findings (fmt): a document that is one plain scalar, or a list ending in an empty nested
    item, lost its comment line; fmt formats only mappings (a spec is one)."""
    spec = tmp_path / "spec.yaml"
    spec.write_text(text, encoding="utf-8")
    result = run_cli("fmt", str(spec))
    assert result.returncode == 1 and "spec.yaml" in result.stderr
    assert spec.read_text(encoding="utf-8") == text


def test_a_comment_layout_ruamel_asserts_on_is_a_named_error(run_cli, tmp_path: Path) -> None:
    """Fuzz finding (fmt): ruamel's round-trip reader raises AssertionError on some comment
    layouts ('#' then '> #', minimised from the fuzzer's input): fmt crashed (exit 3)."""
    spec = tmp_path / "spec.yaml"
    spec.write_text("#\n> #\n", encoding="utf-8")
    result = run_cli("fmt", str(spec))
    assert result.returncode == 1 and "spec.yaml" in result.stderr and "内部错误" not in result.stderr


@pytest.mark.parametrize("text", ["#  一\n!!str\n-  二\n", "# c\n!!!!binary a: b\n", "# c\n!!binary a: b\n"])
def test_fmt_refuses_a_tagged_list_instead_of_dropping_the_comment_above(run_cli, tmp_path: Path, text: str) -> None:
    """Fuzz findings (fmt): ruamel dropped the comment above a list tagged !!str, and rewrote an
    unknown tag differently on every run (!!!!binary, then !!!binary), and a !!binary value it wrote
    could not be read back: tags on lists and maps, unknown tags and !!binary are refused with their
    place (specs need none)."""
    spec = tmp_path / "spec.yaml"
    spec.write_text(text, encoding="utf-8")
    result = run_cli("fmt", str(spec))
    assert result.returncode == 1 and "spec.yaml" in result.stderr and "2:1" in result.stderr
    assert spec.read_text(encoding="utf-8") == text
