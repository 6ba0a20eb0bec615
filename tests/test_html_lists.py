"""A web page's numbered lists read as a browser shows them: an <ol>'s items start with their markers
(1. a. 一、 壹、 as type or list-style-type asks, from start and value), so a notice whose 一、 and 1.
are list markers reads, and extracts through the real CLI, as the same notice typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from govplan.readers import decode_bytes
from tests.test_docx_numbering import NOTICE, NOTICE_IDS, extracted_beside_typed


def page(body: str) -> bytes:
    return f'<html><body><div class="content">{body}</div></body></html>'.encode()


def notice_page() -> bytes:
    """NOTICE with its 一、 and 1. as <ol> markers (cjk-ideographic and decimal) and its （一） typed, as a
    page written from a Word file keeps them: each 1. list an <ol> of its own under its （一）."""
    lines = [text for text, _ in NOTICE]
    return page(
        "".join(f"<p>{line}</p>" for line in lines[:3])
        + '<ol style="list-style: cjk-ideographic inside">'
        + f"<li>总体要求\n<p>{lines[4]}</p></li>"
        + f"<li><p>重点任务</p><p>{lines[6]}</p>"
        + f"<ol><li>{lines[7][2:]}</li><li>{lines[8][2:]}</li></ol><p>{lines[9]}</p><ol><li>{lines[10][2:]}</li></ol></li>"
        + f"<li>保障措施<p>{lines[12]}</p></li></ol>"
        + "".join(f"<p>{line}</p>" for line in lines[13:])
    )


def test_a_notice_numbered_by_lists_reads_as_typed() -> None:
    assert decode_bytes("方案.html", notice_page(), "html").text == "\n".join(text for text, _ in NOTICE)


def test_a_notice_numbered_by_lists_extracts_as_typed(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from_txt, from_html = extracted_beside_typed(run_cli, tmp_path, "方案.html", notice_page())
    assert [node[0] for node in from_html] == NOTICE_IDS
    assert from_html == from_txt


@pytest.mark.parametrize(
    ("lists", "lines"),
    [
        ("<ol><li>甲</li><li>乙</li></ol>", ["1.甲", "2.乙"]),
        ('<ol start="3" type="a"><li>甲</li><li value="10">乙</li><li>丙</li></ol>', ["c.甲", "j.乙", "k.丙"]),
        ('<ol type="I"><li>甲</li></ol><ol type="i" start="4"><li>乙</li></ol>', ["I.甲", "iv.乙"]),
        ('<ol style="list-style-type:cjk-heavenly-stem"><li>甲</li><li style="list-style-type: cjk-earthly-branch">乙</li></ol>',
         ["甲、甲", "丑、乙"]),
        ('<ol style="list-style-type: none"><li>甲</li></ol><ul><li>乙</li></ul><li>丙</li>', ["甲", "乙", "丙"]),
        ("<ol><li>甲<ol><li>子</li><li>丑</li></ol></li><li>乙</li></ol>", ["1.甲", "1.子", "2.丑", "2.乙"]),
        ('<ol start="2147483648" type="A"><li>甲</li></ol><ol start="-3"><li>乙</li></ol><ol start="x"><li>丙</li></ol>',
         ["2147483647.甲", "-3.乙", "1.丙"]),
        ('<ol start="%s"><li>甲</li></ol>' % ("9" * 100_000), ["2147483647.甲"]),
        ("<ol><li></li><li>\n  乙</li></ol>", ["2.乙"]),
        ("<table><tr><td>进度</td><td><ol style='list-style-type: decimal'><li>3月底前</li><li>6月底前</li></ol></td></tr></table>",
         ["进度\t1.3月底前 2.6月底前"]),
    ],
)
def test_list_markers_follow_type_start_value_and_style(lists: str, lines: list[str]) -> None:
    assert decode_bytes("列表.html", page(lists), "html").text.split("\n") == lines
