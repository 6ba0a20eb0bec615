"""Cutting a table into printed pages: pages never overfull, rows cut only at sentence ends, no text lost."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from govplan.render.grids import GridRow
from govplan.render.pagination import SAFE_FILL, Layout, TextMetrics, cut_text, paginate, text_lines

METRICS = TextMetrics(size_pt=12, line_pt=18)
LAYOUT = Layout(widths_pt=[20.0, 60.0, 260.0, 60.0], merge_columns=frozenset({1}), text=METRICS,
                header_pt=40.0, first_page_pt=380.0, page_pt=460.0)


def test_a_line_holds_one_character_less_than_the_width_allows() -> None:
    assert text_lines("字" * 20, 260, 12) == 1  # 260 pt hold 21 characters of 12 pt; one kept for 避头尾
    assert text_lines("字" * 21, 260, 12) == 2
    assert text_lines("a" * 41, 260, 12) == 1  # Latin letters and digits are half as wide
    assert text_lines("一\n二\n", 260, 12) == 3  # every line of text is a paragraph of at least one line


def test_cut_text_cuts_at_sentence_ends_only_unless_forced() -> None:
    text = "第一句。第二句；第三句很长很长很长。"
    assert cut_text(text, lambda t: len(t) <= 8, force=False) == ("第一句。第二句；", "第三句很长很长很长。")
    assert cut_text("没有句号的一段很长的文字", lambda t: len(t) <= 4, force=False) == ("", "没有句号的一段很长的文字")
    assert cut_text("没有句号的一段很长的文字", lambda t: len(t) <= 4, force=True) == ("没有句号", "的一段很长的文字")


def _row(seq: int, group: str, sentences: int) -> GridRow:
    return GridRow([str(seq), group, "".join(f"第{seq}项第{k}句说明工作要求和完成标准。" for k in range(sentences)), "县财政局"],
                   keys={1: group})


def _height(rows: list[GridRow]) -> float:
    return sum(LAYOUT.height(row) for row in rows)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(1, 40)), min_size=1, max_size=25))
def test_pages_are_never_overfull_and_keep_every_sentence(spec: list[tuple[int, int]]) -> None:
    rows = [_row(i + 1, f"（{group}）重点任务", sentences) for i, (group, sentences) in enumerate(spec)]
    pages = paginate(rows, LAYOUT)
    assert all(pages)
    for k, page in enumerate(pages):
        room = (LAYOUT.first_page_pt if k == 0 else LAYOUT.page_pt) * SAFE_FILL - LAYOUT.header_pt
        assert _height(page) <= room
        assert page[0].cells[1]  # the merged 重点任务 text starts every page
    pieces = [row for page in pages for row in page]
    for row in rows:
        parts = [p for p in pieces if p.cells[2] and (p.cells[0] == row.cells[0] or (not p.cells[0] and p.keys == row.keys))]
        assert row.cells[2] in "".join(p.cells[2] for p in parts)
    assert [p.cells[0] for p in pieces if p.cells[0]] == [r.cells[0] for r in rows]  # each 序号 once, in order


def test_a_cut_row_continues_on_the_next_page_with_its_group_and_without_its_number() -> None:
    rows = [_row(1, "（一）任务", 12), _row(2, "（一）任务", 30)]
    first, second = paginate(rows, LAYOUT)[:2]
    assert [r.cells[0] for r in first] == ["1", "2"] and second[0].cells[0] == ""
    assert second[0].cells[1] == "（一）任务" and second[0].cells[3] == ""
    assert first[-1].cells[2].endswith("。") and second[0].cells[2].startswith("第2项")
