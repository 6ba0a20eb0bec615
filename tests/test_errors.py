"""Error codes: registered once, unique, documented, every one raised somewhere, none made from loose text."""

from __future__ import annotations

import ast
import pickle
import re
from pathlib import Path

from govplan.errors import Errors, GovplanError, InputError, registered

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "govplan"
ERROR_CLASSES = {"GovplanError", "InputError", "OutputError", "SpecValidationError"}


def _sources() -> dict[Path, str]:
    return {path: path.read_text(encoding="utf-8") for path in PACKAGE.rglob("*.py") if path.name != "errors.py"}


def test_codes_are_unique_and_named_as_their_attribute() -> None:
    attributes = {name: value for name, value in vars(Errors).items() if name.startswith("E")}
    assert all(name == value.code for name, value in attributes.items())
    assert len({value.code for value in attributes.values()}) == len(attributes) == len(registered())
    assert all(re.fullmatch(r"E\d{3}", code) for code in registered())
    assert all(error.exit in (1, 2, 3) and error.zh and error.en for error in registered().values())


def test_the_doc_lists_every_code_with_its_exit_code_and_messages() -> None:
    doc = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    rows = {m.group(1): m.group(0) for m in re.finditer(r"^\| (E\d{3}) \|.*$", doc, re.MULTILINE)}
    assert set(rows) == set(registered())
    for code, error in registered().items():
        assert f"| {code} | {error.exit} |" in rows[code]
        assert error.zh.replace("|", "\\|").replace("\n", " ") in rows[code]
        assert error.en.replace("|", "\\|").replace("\n", " ") in rows[code]


def test_every_code_is_used_and_every_use_is_registered() -> None:
    used = {code for text in _sources().values() for code in re.findall(r"Errors\.(E\d{3})", text)}
    assert used == set(registered())


def test_errors_are_raised_only_with_a_registered_code() -> None:
    loose = []
    for path, text in _sources().items():
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ERROR_CLASSES:
                first = node.args[0] if node.args else None
                if not (isinstance(first, ast.Attribute) and isinstance(first.value, ast.Name) and first.value.id == "Errors"):
                    loose.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert loose == []


def test_an_error_keeps_its_code_and_fields_through_a_worker_process() -> None:
    error = InputError(Errors.E106, "notice.txt")
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is InputError and again.code == "E106" and again.path == "notice.txt"
    assert again.zh == "文件是空的。" and again.en == "the file is empty."
    dated = GovplanError(Errors.E001, option="--today", value="x")
    assert pickle.loads(pickle.dumps(dated)).en == "--today needs a YYYY-MM-DD date, got 'x'"


def test_the_cli_prints_the_code_in_the_chosen_language(run_cli, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    chinese = run_cli("extract", str(empty), "-o", str(tmp_path / "out"))
    assert chinese.returncode == 1 and f"错误 E106：{empty}: 文件是空的。" in chinese.stderr
    english = run_cli("--lang", "en", "extract", str(empty), "-o", str(tmp_path / "out"))
    assert english.returncode == 1 and f"error E106: {empty}: the file is empty." in english.stderr


def test_a_misnamed_data_key_is_named_not_an_internal_error(run_cli, tmp_path: Path) -> None:
    registry = tmp_path / "units.yaml"
    registry.write_text("prefixes: [某县]\nnamez:\n  县教育局: [教育局]\n", encoding="utf-8")
    notice = tmp_path / "notice.txt"
    notice.write_text("关于做好工作的通知\n一、县教育局负责。\n", encoding="utf-8")
    result = run_cli("extract", str(notice), "-o", str(tmp_path / "out"), "--registry", str(registry))
    assert result.returncode == 1
    assert "E203" in result.stderr and "namez" in result.stderr
    assert "E900" not in result.stderr and "KeyError" not in result.stderr and "Traceback" not in result.stderr
