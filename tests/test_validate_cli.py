"""`govplan validate` end to end: exit codes, output formats, languages, stdin, strictness, speed hygiene."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from govplan.validate.check import check_files
from govplan.validate.rules import RuleContext

FIXTURES = Path(__file__).parent / "fixtures" / "validate"
VALID = FIXTURES / "valid.yaml"


def test_clean_spec_exits_0(run_cli) -> None:
    result = run_cli("validate", str(VALID))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 个错误" in result.stdout


def test_every_spec_the_extractor_wrote_for_the_corpus_validates(run_cli) -> None:
    """What extract writes must pass validate: ids agree with numbers, spans with the source…
    (unknown unit names are warnings only)."""
    result = run_cli("validate", "--format", "json", str(Path(__file__).parent.parent / "specs"))
    report = json.loads(result.stdout)
    assert result.returncode == 0 and report["errors"] == 0, [f for f in report["findings"] if f["severity"] == "error"]
    assert report["files"] == 36


def test_errors_exit_1_with_location_message_hint_and_frame(run_cli) -> None:
    result = run_cli("validate", str(FIXTURES / "unknown_field.yaml"))
    assert result.returncode == 1
    first = result.stdout.splitlines()[0]
    assert first.endswith("unknown_field.yaml:27:5: 错误 GP010 tasks[0].dealine: 未知字段“dealine”（规格不接受多余的键）")
    assert "提示：你是不是想写“deadlines”？" in result.stdout
    assert "> 27 |     dealine:" in result.stdout


def test_usage_errors_exit_2(run_cli, tmp_path: Path) -> None:
    assert run_cli("validate", str(tmp_path / "nope.yaml")).returncode == 2
    assert run_cli("validate", str(tmp_path)).returncode == 2  # a directory without specs
    assert run_cli("validate", "--format", "xml", str(VALID)).returncode == 2


def test_english_messages(run_cli) -> None:
    result = run_cli("--lang", "en", "validate", str(FIXTURES / "percent_text.yaml"))
    assert "error GP012 tasks[0].children[0].targets[0].value: expected a number, got “九十”" in result.stdout
    assert "checked 1 file: 1 error, 0 warnings." in result.stdout


def test_json_format_lists_every_finding(run_cli, tmp_path: Path) -> None:
    for name in ("bad_date.yaml", "duplicate_key.yaml", "valid.yaml"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    result = run_cli("validate", "--format", "json", str(tmp_path))
    report = json.loads(result.stdout)
    assert (report["files"], report["errors"], report["warnings"]) == (3, 2, 0)
    assert [(f["code"], Path(f["file"]).name, f["line"], f["column"]) for f in report["findings"]] == [
        ("GP012", "bad_date.yaml", 33, 14),
        ("GP002", "duplicate_key.yaml", 22, 5),
    ]


def test_github_format_annotates_and_keeps_the_full_log(run_cli) -> None:
    result = run_cli("validate", "--format", "github", str(FIXTURES / "bad_literal.yaml"))
    lines = result.stdout.splitlines()
    assert lines[0].startswith("::error file=")
    assert ",line=32,col=15,title=GP013 tasks[0].deadlines[0].kind::" in lines[0]
    assert any("bad_literal.yaml:32:15:" in line for line in lines[1:])


def test_stdin(run_cli) -> None:
    result = run_cli("validate", "-", input=(FIXTURES / "bad_date.yaml").read_text(encoding="utf-8"))
    assert result.returncode == 1
    assert "<stdin>:33:14:" in result.stdout


def test_strict_turns_warnings_into_errors(run_cli, tmp_path: Path) -> None:
    spec = tmp_path / "warn.yaml"
    spec.write_text(VALID.read_text(encoding="utf-8").replace("role: lead", "role: support"), encoding="utf-8")
    assert run_cli("validate", str(spec)).returncode == 0
    strict = run_cli("validate", "--strict", str(spec))
    assert strict.returncode == 1
    assert "错误 GP108" in strict.stdout


def test_source_option_checks_spans(run_cli, tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "notice.txt", tmp_path / "notice.txt")
    assert run_cli("validate", "--source", str(tmp_path), str(VALID)).returncode == 0
    (tmp_path / "notice.txt").write_text("改过的原文", encoding="utf-8")
    result = run_cli("validate", "--source", str(tmp_path), "--strict", str(VALID))
    assert result.returncode == 1
    assert "GP110" in result.stdout and "GP111" in result.stdout


def test_parallel_batches_report_like_serial_ones(tmp_path: Path) -> None:
    for index in range(130):
        shutil.copy(VALID, tmp_path / f"{index:03}.yaml")
    shutil.copy(FIXTURES / "percent_text.yaml", tmp_path / "050.yaml")
    files = sorted(str(path) for path in tmp_path.glob("*.yaml"))
    found = check_files(files, RuleContext())
    assert [(Path(f.file).name, f.code, f.line, f.column) for f in found] == [("050.yaml", "GP012", 66, 20)]


def _imported_modules(run_cli, *args: str) -> str:
    """The -X importtime log of a real CLI run (PYTHONPROFILEIMPORTTIME is the same switch)."""
    return run_cli(*args, env={"PYTHONPROFILEIMPORTTIME": "1"}).stderr


def test_help_and_validate_import_neither_jieba_nor_opencc(run_cli) -> None:
    for args in (("--help",), ("validate", str(VALID)), ("validate", str(FIXTURES / "alias_bomb.yaml"))):
        imports = _imported_modules(run_cli, *args)
        assert "govplan" in imports  # the import log is really there
        names = {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in imports.splitlines() if "|" in line}
        assert not names & {"jieba", "opencc"}, args


def test_a_spec_with_a_large_float_is_validated_without_ruamel(run_cli, tmp_path: Path) -> None:
    """A float Python writes with an exponent (1.5e+16) is read by the fast reader itself: ruamel's import
    was a tenth of a validate worker's CPU on the bench's specs, which hold a few."""
    spec = tmp_path / "large.yaml"
    spec.write_text(VALID.read_text(encoding="utf-8").replace("value: 90.0", "value: 1.5e+16", 1), encoding="utf-8")
    imports = _imported_modules(run_cli, "validate", str(spec))
    names = {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in imports.splitlines() if "|" in line}
    assert "govplan" in names and "ruamel" not in names
