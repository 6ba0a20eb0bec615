"""`govplan fmt`: canonical layout, comments and order kept, idempotent, --check, atomic writes."""

from __future__ import annotations

from pathlib import Path

from govplan.spec.io import schema_header
from govplan.validate.fmt import format_text

FIXTURES = Path(__file__).parent / "fixtures" / "validate"
VALID = FIXTURES / "valid.yaml"

HAND_EDITED = """# 人工核对：2024-05-02
source:
    file: notice.txt   # 原文
    sha256: 'a5ec0c3a105bdba062e12c118de8a8c32ad16c70ca9d78d64cdd1d78af9c0b6f'
    format: txt
    script: simplified
tasks:
- text: "加强组织领导"
  id: 一      # 编号
  style: cn_dun
  level: 1
  line: 2
  span: {start: 32, end: 60}
"""


def test_govplan_output_is_already_canonical() -> None:
    text = VALID.read_text(encoding="utf-8")
    assert format_text(text, "valid.yaml") == text


def test_hand_edits_are_normalised_keeping_comments_and_order() -> None:
    out = format_text(HAND_EDITED, "hand.yaml")
    assert out.startswith(schema_header(Path(".")) + "# 人工核对：2024-05-02\n")
    assert "  file: notice.txt" in out and "# 原文" in out and "# 编号" in out
    assert out.index("text: 加强组织领导") < out.index("id: 一")  # the analyst's order
    assert "  - text: 加强组织领导\n    id: 一" in out
    assert "    span:\n      start: 32\n      end: 60\n" in out  # flow mappings become block
    assert format_text(out, "hand.yaml") == out


def test_fmt_rewrites_and_check_reports(run_cli, tmp_path: Path) -> None:
    spec = tmp_path / "specs" / "hand.yaml"
    spec.parent.mkdir()
    spec.write_text(HAND_EDITED, encoding="utf-8")
    check = run_cli("fmt", "--check", str(tmp_path))
    assert check.returncode == 1 and "hand.yaml" in check.stdout
    assert spec.read_text(encoding="utf-8") == HAND_EDITED  # --check writes nothing
    assert run_cli("fmt", str(spec)).returncode == 0
    formatted = spec.read_text(encoding="utf-8")
    assert formatted == format_text(HAND_EDITED, str(spec))
    assert run_cli("fmt", "--check", str(spec)).returncode == 0
    assert [p.name for p in spec.parent.iterdir()] == ["hand.yaml"]  # no temporary files left
    assert run_cli("validate", str(spec)).returncode == 0  # the formatted spec still reads the same


def test_fmt_refuses_broken_yaml(run_cli) -> None:
    result = run_cli("fmt", "--check", str(FIXTURES / "syntax_error.yaml"))
    assert result.returncode == 1
    assert "syntax_error.yaml" in result.stderr


def test_fmt_stdin_to_stdout(run_cli) -> None:
    result = run_cli("fmt", "-", input=HAND_EDITED)
    assert result.stdout == format_text(HAND_EDITED, "-")
