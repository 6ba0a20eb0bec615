"""The summary's plain table is the text rich prints for the same table on an unstyled console
(narrowed and wrapped as rich does when it is too wide), and it steps aside (None) wherever rich
would lay the table out otherwise."""

from __future__ import annotations

import io
import random

import pytest
from rich.console import Console
from rich.table import Table

from govplan.cli.plain_table import plain_table

HEADERS = ("文件", "字形", "任务", "时限", "指标", "单位", "用时", "待核对")
ROWS = [("000_ebfc120e504fdcdf.yaml", "简体", "32", "17", "18", "28", "2.45s", "6/25项无牵头单位"),
        ("003_b9e2fd12c3dc4498.part-01.yaml", "繁体", "17", "0", "0", "3", "", "无责任单位；无成文日期"),
        ("a b.txt", "-", "-", "-", "-", "-", "失败", ""),
        ("ñandú-é.yaml", "Simplified", "1", "2", "3", "4", "0.01s", "1/2 tasks without a lead; no date of issue")]


def _console(width: int) -> Console:
    return Console(file=io.StringIO(), width=width)


def _rich(title: str, headers: tuple[str, ...], rows: list[tuple[str, ...]], width: int) -> str:
    out = io.StringIO()
    table = Table(title=title)
    for header in headers:
        table.add_column(header)
    for row in rows:
        table.add_row(*row)
    Console(file=out, width=width).print(table)
    return out.getvalue()


@pytest.mark.parametrize("rows", [ROWS, ROWS[:1], []])
@pytest.mark.parametrize("title", ["提取结果", "Extraction summary"])
def test_the_summary_table_is_richs_text(rows: list[tuple[str, ...]], title: str) -> None:
    for width in (140, 80, 50):  # at 80 and 50 the columns are narrowed and cells wrapped
        assert plain_table(title, HEADERS, rows, _console(width)) == _rich(title, HEADERS, rows, width)


def test_a_table_exactly_as_wide_as_the_console_and_one_cell_narrower() -> None:
    rows = [("x" * 40, ("y y " * 5).strip())]
    width = len(plain_table("t", ("a", "b"), rows, _console(200)).splitlines()[1])
    for console_width in (width, width - 1, width - 9):
        assert plain_table("t", ("a", "b"), rows, _console(console_width)) == _rich("t", ("a", "b"), rows, console_width)


def test_columns_too_narrow_for_a_character_are_left_to_rich() -> None:
    assert plain_table("t", tuple("abcdefgh"), [tuple("12345678")], _console(20)) is None


@pytest.mark.parametrize("cell", ["[bold]x", "a:smile:b", " lead", "trail ", "tab\tx", "two\nlines", "全角\u3000空格"])
def test_cells_rich_would_change_are_left_to_rich(cell: str) -> None:
    assert plain_table("t", ("a",), [(cell,)], _console(140)) is None


def test_random_tables_match_rich_where_written() -> None:
    rng = random.Random(7)
    alphabet = list("abc xyz0123456789._-/；") + list("简体任务时限单位无牵头项")
    written = 0
    for _ in range(600):
        columns = rng.randint(1, 8)
        headers = tuple("".join(rng.choice("abc简体") for _ in range(rng.randint(1, 5))) for _ in range(columns))
        rows = [tuple("".join(rng.choice(alphabet) for _ in range(rng.randint(0, rng.choice([3, 12, 40, 80])))).strip()
                      for _ in range(columns)) for _ in range(rng.randint(0, 5))]
        width = rng.choice([20, 40, 80, 140])
        text = plain_table("提取结果", headers, rows, _console(width))
        if text is not None:
            written += 1
            assert text == _rich("提取结果", headers, rows, width)
    assert written > 400


def _filled(line: str, room: int) -> str:
    """A line filled with spaces to the room (in cells), as the table writes it."""
    from rich.cells import cell_len

    return line + " " * (room - cell_len(line))


def test_a_wrapped_cell_is_richs_text_wrap() -> None:
    """A cell too wide for its column is broken and cut as rich's Text.wrap does (left, ellipsis),
    without rich.text: words longer than the room, runs of spaces, wide characters at the edge."""
    from rich.text import Text

    from govplan.cli.plain_table import _wrapped

    rng = random.Random(11)
    alphabet = list("abcdefghij  ..-/；、") + list("简体任务时限单位无牵头项") + ["  ", "   "]
    console = _console(140)
    checked = 0
    for _ in range(4000):
        cell = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 90))).strip()
        room = rng.randint(1, 40)
        if not cell or len(cell) <= room // 2:
            continue
        expected = [line.plain for line in Text(cell).wrap(console, room, justify="left", overflow="ellipsis")]
        assert [_filled(line, room) for line in _wrapped(cell, room)] == [_filled(line, room) for line in expected], (cell, room)
        checked += 1
    assert checked > 3000
