"""Chinese all the way through in zh mode, English with --lang en: click/typer's own words, usage
errors, pydantic and YAML library text, role words (牵头 → lead). The real CLI in a subprocess."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from pydantic import ValidationError
from ruamel.yaml import YAML

from govplan.i18n import language, set_language
from govplan.pydantic_text import describe
from govplan.spec.model import Spec

FIXTURES = Path(__file__).parent / "fixtures" / "validate"
VALID = FIXTURES / "valid.yaml"
CLICK_WORDS = ("Usage", "Options:", "Arguments:", "[required]", "Show this message", "Try '")


def test_help_says_clicks_words_in_the_interface_language(run_cli) -> None:
    chinese = run_cli("render", "--help").stdout
    for word in ("render [选项]", "用法：", "参数：", "选项：", "[必填]", "显示此帮助并退出。", "[≥1]"):
        assert word in chinese, word
    assert not [word for word in CLICK_WORDS if word in chinese]
    english = run_cli("--lang", "en", "render", "--help").stdout
    assert all(word in english for word in ("render [OPTIONS]", "Usage: ", "Options:", "[required]", "Show this message"))
    assert "用法" not in english and "选项：" not in english
    for command, usage in ((("eval",), "eval [选项] [金标准目录]..."), (("ledger", "import"), "import [选项] {台账.xlsx} [规格或目录]...")):
        assert usage in run_cli(*command, "--help").stdout.splitlines()[0]  # placeholders in Chinese, bracketed once


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def test_translated_option_lists_line_up_on_screen(run_cli) -> None:
    """click counts a Chinese character as one column; the help is laid out again by display width."""
    lines = run_cli("render", "--help").stdout.splitlines()
    start = lines.index("选项：")
    columns = set()
    for line in lines[start + 1 :]:
        entry = re.match(r"^  (-\S.*?) {2,}(\S.*)$", line)
        if entry:
            columns.add(_display_width(line[: line.index(entry.group(2), len(entry.group(1)) + 2)]))
    assert len(columns) == 1, columns


def test_usage_errors_in_the_interface_language(run_cli) -> None:
    missing = run_cli("render", str(VALID))
    assert missing.returncode == 2
    assert "错误：缺少选项 --as（可选：tasktable、matrix、checklist）" in missing.stderr
    assert "govplan render --help”查看帮助。" in missing.stderr
    assert not [word for word in ("Missing", "Error", *CLICK_WORDS) if word in missing.stderr]
    english = run_cli("--lang", "en", "render", str(VALID))
    assert english.returncode == 2 and "Error: Missing option '--as'" in english.stderr and "错误" not in english.stderr


@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        (("rendr",), "没有命令“rendr”（你是不是想写 render", "No such command 'rendr'"),
        (("render", "--depth", "0", "--as", "tasktable", "x.yaml"), "--depth 的值无效：取值 “0” 应大于或等于 1", "Invalid value for '--depth'"),
        (("render", "--depth", "x", "--as", "tasktable", "x.yaml"), "--depth 的值无效：应为整数，实际是 “x”", "Invalid value for '--depth'"),
        (("render", "--as", "table", "x.yaml"), "“table”不是可选值（可选：tasktable、matrix、checklist）", "'table' is not one of"),
        (("extract", "x.txt", "--nope"), "没有选项 --nope", "No such option: --nope"),
        (("ledger", "export", "x.yaml"), "错误：缺少选项 -o / --output", "Missing option '-o' / '--output'"),
        (("calendar",), "错误：缺少参数 规格或目录...", "Missing argument 'SPEC_OR_DIR...'"),
        (("extract", "x.txt", "--date", "2023-13-01"), "--date 的值无效：“2023-13-01”的格式不对，应为 YYYY-MM-DD",
         "does not match the format"),
    ],
)
def test_each_kind_of_usage_error_is_said_in_both_languages(run_cli, args, zh, en) -> None:
    chinese = run_cli(*args)
    assert chinese.returncode == 2 and zh in chinese.stderr, chinese.stderr
    assert not re.search(r"\b(Invalid|Missing|No such|should|Input)\b", chinese.stderr), chinese.stderr
    english = run_cli("--lang", "en", *args)
    assert english.returncode == 2 and en in english.stderr, english.stderr


def test_a_group_without_its_command_shows_its_help_in_chinese(run_cli) -> None:
    result = run_cli("ledger")
    assert result.returncode == 2
    assert result.stderr.startswith("用法：") and "ledger [选项] 命令 [参数]..." in result.stderr and "命令：" in result.stderr
    assert "export" in result.stderr and "Usage" not in result.stderr


def test_a_chinese_role_word_names_the_value_to_write(run_cli, tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(VALID.read_text(encoding="utf-8").replace("role: lead", "role: 牵头", 1), encoding="utf-8")
    chinese = run_cli("validate", str(spec))
    assert chinese.returncode == 1
    assert "GP013 tasks[0].units[0].role: 不允许的取值 “牵头”" in chinese.stdout
    assert "提示：你是不是想写“lead”？可选值：lead（牵头）、support（配合）" in chinese.stdout
    english = run_cli("--lang", "en", "validate", str(spec))
    assert "hint: did you mean 'lead'? allowed: lead (牵头), support (配合)" in english.stdout
    # the same description, with its hint, where a spec is read without the validator's report
    reviewed = run_cli("review", str(spec), "-o", str(tmp_path / "r.html"))
    assert reviewed.returncode != 0 and "你是不是想写“lead”" in reviewed.stderr


def test_yaml_errors_are_explained_without_the_librarys_english(run_cli, tmp_path: Path) -> None:
    chinese = run_cli("validate", str(FIXTURES / "syntax_error.yaml"))
    assert "YAML 语法错误：这里不能出现“键: 值”：值里有“: ”时整个值要加引号" in chinese.stdout
    assert "mapping values" not in chinese.stdout
    english = run_cli("--lang", "en", "validate", str(FIXTURES / "syntax_error.yaml"))
    assert "a value holding ': ' must be quoted" in english.stdout and "mapping values are not allowed" in english.stdout
    registry = tmp_path / "units.yaml"
    registry.write_text("units: [\n", encoding="utf-8")
    broken = run_cli("validate", "--registry", str(registry), str(VALID))
    assert broken.returncode != 0
    assert "YAML 格式错误：这里缺少值，或方括号、花括号没有配对（第 2 行第 1 列）" in broken.stderr
    assert "flow" not in broken.stderr and "expected" not in broken.stderr


def test_a_data_file_of_the_wrong_shape_is_described_in_our_words(run_cli, tmp_path: Path) -> None:
    registry = tmp_path / "units.yaml"
    registry.write_text("units: 5\n", encoding="utf-8")
    chinese = run_cli("validate", "--registry", str(registry), str(VALID))
    assert "数据文件的键 units：应为列表（- 开头的各项），实际是 5" in chinese.stderr
    assert "Input should" not in chinese.stderr
    english = run_cli("--lang", "en", "validate", "--registry", str(registry), str(VALID))
    assert "data file key units: expected a list (items starting with -), got 5" in english.stderr


def _errors(edit) -> list[dict]:
    data = YAML(typ="safe", pure=True).load(VALID.read_text(encoding="utf-8"))
    edit(data)
    with pytest.raises(ValidationError) as caught:
        Spec.model_validate(data)
    return caught.value.errors()


def _unit(data: dict) -> dict:
    return data["tasks"][0]["units"][0]


BAD_VALUES = {
    "a level below 1": lambda d: d["tasks"][0].update(level=0),
    "a date that does not exist": lambda d: d["metadata"].update(date="2024-02-30"),
    "a span that ends before it starts": lambda d: d["tasks"][0]["span"].update(start=9, end=3),
    "a role in Chinese": lambda d: _unit(d).update(role="牵头"),
    "a list where text belongs": lambda d: d["tasks"][0].update(title=["a"]),
}


PYDANTIC_WORDS = re.compile(r"\b(Input|should|valid|error|greater|less|required|allowed|expected|end of|is before)\b", re.I)


def _unquoted(message: str) -> str:
    """The message without the wrong value it quotes (that may be in either language)."""
    return re.sub(r"“[^”]*”", "", message)


@pytest.mark.parametrize("case", sorted(BAD_VALUES))
def test_pydantic_errors_are_described_without_pydantics_words(case: str) -> None:
    before = language()
    try:
        for error in _errors(BAD_VALUES[case]):
            set_language("zh")
            said = _unquoted(describe(error).message)
            assert said and not PYDANTIC_WORDS.search(said), (case, said)
            set_language("en")
            english = _unquoted(describe(error).message)
            assert english and not re.search(r"[\u4e00-\u9fff]", english), (case, english)
    finally:
        set_language(before)


def test_yaml_errors_in_reviewed_specs_and_gold_files_are_explained(run_cli, tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text("tasks: [\n", encoding="utf-8")
    reviewed = run_cli("review", str(spec), "-o", str(tmp_path / "r.html"))
    assert reviewed.returncode != 0
    assert "YAML 语法错误（用 govplan validate 查看）：这里缺少值，或方括号、花括号没有配对（第 2 行第 1 列）" in reviewed.stderr
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "n.yaml").write_text("source: [\n", encoding="utf-8")
    evaluated = run_cli("eval", str(gold))
    assert evaluated.returncode != 0 and "YAML 有误：这里缺少值，或方括号、花括号没有配对（第 2 行第 1 列）" in evaluated.stderr, evaluated.stderr
    assert "flow" not in reviewed.stderr + evaluated.stderr
