"""What `govplan extract` tells a person: the summary (字形, counts, what needs review), a progress
bar on a terminal only, and --update conflicts in words rather than Python dicts. Real CLI runs."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

NO_UNITS_NO_DATE = "一、推进老旧小区改造\n9月底前完成主体工程。\n"
UNLED = "一、推进老旧小区改造\n（一）完成主体工程。牵头单位：市住建局\n（二）完成管网改造。\n"
CLEAN = "关于推进老旧小区改造的通知\n\n一、推进老旧小区改造\n9月底前完成主体工程。牵头单位：市住建局\n\n泰州市人民政府\n2023年5月1日\n"


def _summary_rows(stdout: str) -> dict[str, list[str]]:
    """The summary table's cells by file name (rich's box drawing split on │)."""
    rows = {}
    for line in stdout.splitlines():
        line = line.strip()
        cells = [cell.strip() for cell in line[1:-1].split("│")]
        if line.startswith("│") and cells[0].endswith(".yaml"):
            rows[cells[0]] = cells
    return rows


def test_summary_says_the_script_and_flags_what_needs_review(run_cli, tmp_path: Path) -> None:
    (tmp_path / "bare.txt").write_text(NO_UNITS_NO_DATE, encoding="utf-8")
    (tmp_path / "unled.txt").write_text(UNLED, encoding="utf-8")
    (tmp_path / "dated.txt").write_text(CLEAN, encoding="utf-8")
    result = run_cli("extract", str(tmp_path / "bare.txt"), str(tmp_path / "unled.txt"), str(tmp_path / "dated.txt"),
                     "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    header = next(line for line in result.stdout.splitlines() if "文件" in line)
    assert "字形" in header and "待核对" in header and "文种" not in header
    rows = _summary_rows(result.stdout)
    assert rows["bare.yaml"][1] == "简体"
    assert rows["bare.yaml"][-1] == "无责任单位；无成文日期"
    assert rows["unled.yaml"][-1] == "1/2项无牵头单位；无成文日期"  # （二） has nobody; （一） has its lead
    assert rows["dated.yaml"][-1] == ""  # dated, its one task led
    assert "共 3 个文件，3 份文件规格，2 份待核对。" in result.stdout
    english = run_cli("--lang", "en", "extract", str(tmp_path / "bare.txt"), "-o", str(tmp_path / "en"))
    assert "script" in english.stdout and "no units; no date of issue" in english.stdout
    assert "1 file(s), 1 document spec(s), 1 to review." in english.stdout


def _many_inputs(folder: Path, count: int) -> list[str]:
    folder.mkdir()
    for k in range(count):
        (folder / f"n{k}.txt").write_text(NO_UNITS_NO_DATE, encoding="utf-8")
    return sorted(str(path) for path in folder.iterdir())


def test_no_progress_bar_when_standard_error_is_not_a_terminal(run_cli, tmp_path: Path) -> None:
    result = run_cli("extract", *_many_inputs(tmp_path / "in", 5), "-o", str(tmp_path / "out"))
    assert result.returncode == 0 and result.stderr == ""  # a log or pipe gets neither bar nor blank line


def test_progress_bar_on_a_terminal_for_several_files(tmp_path: Path) -> None:
    inputs = _many_inputs(tmp_path / "in", 5)
    primary, secondary = pty.openpty()
    env = {**os.environ, "GOVPLAN_LANG": "zh", "TERM": "xterm", "COLUMNS": "120"}
    process = subprocess.Popen([sys.executable, "-m", "govplan", "extract", *inputs, "-o", str(tmp_path / "out")],
                               stdout=subprocess.DEVNULL, stderr=secondary, env=env, cwd=ROOT)
    os.close(secondary)
    shown = b""
    while True:
        try:
            chunk = os.read(primary, 4096)
        except OSError:  # the child closed its end
            break
        if not chunk:
            break
        shown += chunk
    os.close(primary)
    assert process.wait(timeout=120) == 0
    text = shown.decode("utf-8", "replace")
    assert "提取中" in text and "5/5" in text


def test_update_conflicts_are_said_in_words(run_cli, tmp_path: Path) -> None:
    notice = tmp_path / "n.txt"
    notice.write_text("一、推进老旧小区改造\n9月底前完成主体工程。责任单位：市住建局\n", encoding="utf-8")
    assert run_cli("extract", str(notice), "-o", str(tmp_path), "--date", "2023-05-01").returncode == 0
    spec = tmp_path / "n.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("name: 市住建局", "name: 市住房和城乡建设局"), encoding="utf-8")
    notice.write_text("一、推进老旧小区改造\n9月底前完成主体工程。责任单位：市财政局\n", encoding="utf-8")  # the source changed too
    result = run_cli("extract", str(notice), "-o", str(tmp_path), "--date", "2023-05-01", "--update")
    assert result.returncode == 0, result.stderr
    assert f"{spec}: 冲突 一 的 units：保留人工修改，新提取结果为 “市财政局”（责任）" in result.stderr
    assert "{'" not in result.stderr and "'text'" not in result.stderr
    assert "name: 市住房和城乡建设局" in spec.read_text(encoding="utf-8")  # the person's edit stands


def test_the_progress_bar_waits_for_the_first_result_before_it_starts_rich(monkeypatch) -> None:
    """With --jobs the first result comes from a forked worker: rich's import and console (a tenth of a
    second) must come after it, off the path before the workers start."""
    import rich.console

    from govplan.cli import summary
    from govplan.cli.summary import with_progress

    events: list[str] = []

    class Console:
        def __init__(self, **options: object) -> None:
            events.append("console")
            self.is_terminal = False

    def results():
        events.append("first result")
        yield "a"
        yield "b"

    monkeypatch.setattr(rich.console, "Console", Console)
    monkeypatch.setattr(summary, "surely_no_terminal", lambda stream: False)  # unsure: rich is asked
    assert list(with_progress(results(), 5)) == ["a", "b"]
    assert events == ["first result", "console"]
    assert list(with_progress(iter(()), 5)) == []


def _results(rows: list[tuple[str, str, int]], skipped: int = 0) -> list:
    """Results as a run gives them: (file, script, units) per spec, a failed document, ``skipped`` unchanged ones."""
    from govplan.batch import DocumentError, DocumentResult
    from govplan.docsummary import UNLED, Review, SpecSummary

    results = [DocumentResult(f"in/{name}.txt", seconds=0.25 * k, rows=[
        SpecSummary(f"{name}.yaml", script, 3 + k, k, 2 * k, units, (Review(UNLED, 1, 3),) if k % 2 else ())])
        for k, (name, script, units) in enumerate(rows)]
    results.append(DocumentResult("in/broken.docx", error=DocumentError("input", "E101", "unreadable")))
    results += [DocumentResult(f"in/same{k}.txt", skipped=True) for k in range(skipped)]
    return results


SUMMARIES = [
    ([("000_ebfc120e504fdcdf", "simplified", 28), ("003_b9e2fd12c3dc4498.part-01", "traditional", 0)], 0),
    ([("a b", "unknown", 1)], 2),
    ([("x" * 150, "simplified", 4)], 0),  # a name wider than the console: wrapped by rich's Text.wrap
    ([("a:smile:b", "simplified", 4)], 1),  # a cell rich would change: rich prints the table
]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("rows, skipped", SUMMARIES)
def test_the_summary_without_rich_console_is_richs_text(monkeypatch, capsys, lang: str, rows, skipped: int) -> None:
    """Where standard output is surely no terminal the summary is written without importing
    rich.console, byte for byte what rich's console prints there."""
    from govplan import i18n
    from govplan.cli import summary

    monkeypatch.setattr(i18n, "_language", lang)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    results = _results(rows, skipped)
    summary.print_summary(results)
    plainly = capsys.readouterr().out
    monkeypatch.setattr(summary, "surely_no_terminal", lambda stream: False)
    summary.print_summary(results)
    assert plainly == capsys.readouterr().out


@pytest.mark.parametrize("environ", [{}, {"FORCE_COLOR": "1"}, {"FORCE_COLOR": ""}, {"TTY_COMPATIBLE": "1"},
                                     {"TTY_COMPATIBLE": "0"}, {"NO_COLOR": "1"}, {"TERM": "dumb"}, {"COLUMNS": "40"}])
@pytest.mark.parametrize("tty", [False, True])
def test_surely_no_terminal_only_where_rich_sees_none(monkeypatch, environ: dict[str, str], tty: bool) -> None:
    """Never 'surely no terminal' where rich's console would see one (it would colour or draw a bar)."""
    import io

    from rich.console import Console

    from govplan.cli.summary import surely_no_terminal

    class Stream(io.StringIO):
        def isatty(self) -> bool:
            return tty

    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "NO_COLOR", "TERM", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    stream = Stream()
    console = Console(file=stream, width=140)
    if surely_no_terminal(stream):
        assert not console.is_terminal and console.color_system is None
    assert surely_no_terminal(stream) == (not tty and not environ.keys() & {"FORCE_COLOR", "TTY_COMPATIBLE"})


def test_a_one_file_extract_to_a_pipe_imports_no_rich_console(tmp_path: Path) -> None:
    """rich.console (0.08 s of a one-notice extract's CPU) is imported only to draw a bar or a styled table."""
    notice = tmp_path / "n.txt"
    notice.write_text(CLEAN, encoding="utf-8")
    code = ("import sys; from govplan.cli.app import main\n"
            "try:\n    main()\nfinally:\n    sys.stderr.write('rich.console' in sys.modules and 'RICH' or 'PLAIN')")
    env = {key: value for key, value in os.environ.items() if key not in ("FORCE_COLOR", "TTY_COMPATIBLE")}
    done = subprocess.run([sys.executable, "-c", code, "extract", str(notice), "-o", str(tmp_path / "out")],
                          capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr.endswith("PLAIN") and "共 1 个文件" in done.stdout
