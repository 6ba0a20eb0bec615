"""Tables read faithfully by the .docx and .html readers: one task table built twice, as a real .docx
(python-docx: a section row merged across, a unit cell merged down, cells of two paragraphs, a table
nested in a cell, gridAfter and gridBefore set in the row XML) and as a real web page (th, caption,
colspan, rowspan, <br>/<div>/<p> and a table inside cells, an empty first cell). Both give the same
text, a row a line with every column kept; read back through `govplan extract`, every row is a
task and every item stands in its row's line, in its column's cell."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from govplan.normalize import normalize
from govplan.readers import decode_bytes
from govplan.spec.model import Span, Spec
from tests.crafted import cell, docx_with_body, paragraph
from tests.test_extract_cli import extract_one

HEADER = ["序号", "工作任务", "牵头单位", "配合单位", "完成时限", "进展情况"]
NUMBER, TASK, LEAD, SUPPORT, TIME, PROGRESS = range(len(HEADER))
# The extracted text: a cell's paragraphs joined by a blank, the merged unit cell in both rows it
# covers, the section row and the rows lacking cells padded to the header's six columns.
TEXT = "\n".join([
    "关于印发2024年重点工作任务分解表的通知",
    "各乡镇人民政府，县直各单位：",
    "2024年重点工作任务分解表",
    "序号\t工作任务\t牵头单位\t配合单位\t完成时限\t进展情况",
    "一、稳增长\t\t\t\t\t",
    "1\t推进重大项目建设， 全年完成投资50亿元\t县发改局\t县财政局 县自然资源局\t2024年12月底前\t已完成投资12亿元，完成率24%",
    "2\t开展招商引资活动 不少于10次\t县发改局\t县商务局\t每季度\t一季度已开展3次",
    "3\t改造老旧小区5个\t县住建局\t县财政局 县城管局\t2024年9月底前\t",
    "\t同步完善配套设施\t县住建局\t县水利局\t2024年11月底前\t",  # no 序号: it continues task 3
    "县人民政府办公室",
])
ROW_1, ROW_2, ROW_3, ROW_3_MORE = 5, 6, 7, 8  # line indices of the rows
# Per task: (name, role, line, column) of each unit (a name once), (text, line) of each deadline the
# time column gives.
UNITS = {
    "一.1": {("县发改局", "lead", ROW_1, LEAD), ("县财政局", "support", ROW_1, SUPPORT),
             ("县自然资源局", "support", ROW_1, SUPPORT)},
    "一.2": {("县发改局", "lead", ROW_2, LEAD), ("县商务局", "support", ROW_2, SUPPORT)},
    "一.3": {("县住建局", "lead", ROW_3, LEAD), ("县财政局", "support", ROW_3, SUPPORT),
             ("县城管局", "support", ROW_3, SUPPORT), ("县水利局", "support", ROW_3_MORE, SUPPORT)},
}
DEADLINES = {
    "一.1": [("2024年12月底前", ROW_1)], "一.2": [("每季度", ROW_2)],
    "一.3": [("2024年9月底前", ROW_3), ("2024年11月底前", ROW_3_MORE)],
}
PROGRESS_CELLS = {  # the 进展情况 cell each task keeps, as (column header, text, (line, column))
    "一.1": [("进展情况", "已完成投资12亿元，完成率24%", (ROW_1, PROGRESS))],
    "一.2": [("进展情况", "一季度已开展3次", (ROW_2, PROGRESS))],
    "一.3": [],
}


def cell_of(span: Span) -> tuple[int, int]:
    """(line, column) of a span in TEXT: the line it stands on and the cell of that line it lies in."""
    line_start = TEXT.rfind("\n", 0, span.start) + 1
    assert "\t" not in TEXT[span.start:span.end] and "\n" not in TEXT[span.start:span.end]
    return TEXT.count("\n", 0, span.start), TEXT.count("\t", line_start, span.start)


def check_table(spec: Spec) -> None:
    """Every row of the table a task under 一、稳增长, every item in its row and column."""
    found = {node.id: node for node in spec.walk()}
    assert list(found) == ["前言", "一", "一.1", "一.2", "一.3"]
    assert [found[i].number for i in ("一.1", "一.2", "一.3")] == ["1", "2", "3"]
    assert "同步完善配套设施" in found["一.3"].text  # the row without 序号 continues task 3
    for node in spec.walk():
        assert normalize(TEXT[node.span.start:node.span.end]).text == node.text
        for item in [*node.units, *node.deadlines, *node.targets, *node.progress]:
            assert TEXT[item.span.start:item.span.end] == item.text
        # the progress column gives no target and no deadline (一季度, 12亿元, 24%)
        assert all(cell_of(item.span)[1] != PROGRESS for item in [*node.deadlines, *node.targets])
    for task, units in UNITS.items():
        assert {(u.name, u.role, *cell_of(u.span)) for u in found[task].units} == units
        timed = [(d.text, cell_of(d.span)[0]) for d in found[task].deadlines if cell_of(d.span)[1] == TIME]
        assert timed == DEADLINES[task]
        assert [(p.column, p.text, cell_of(p.span)) for p in found[task].progress] == PROGRESS_CELLS[task]
    assert [t.text for t in found["一.1"].targets] == ["50亿元"] and [t.text for t in found["一.2"].targets] == ["不少于10次"]


def docx_bytes() -> bytes:
    """The table as Word writes it: merges made with cell.merge, gridAfter/gridBefore in the row XML."""
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = Document()
    for line in TEXT.split("\n")[:3]:
        document.add_paragraph(line)
    table = document.add_table(rows=6, cols=len(HEADER))
    for column, word in enumerate(HEADER):
        table.cell(0, column).text = word
    table.cell(1, 0).merge(table.cell(1, len(HEADER) - 1)).text = "一、稳增长"
    cells = {
        (2, NUMBER): ["1"], (2, TASK): ["推进重大项目建设，", "全年完成投资50亿元"], (2, LEAD): ["县发改局"],
        (2, SUPPORT): ["县财政局", "县自然资源局"], (2, TIME): ["2024年12月底前"], (2, PROGRESS): ["已完成投资12亿元，完成率24%"],
        (3, NUMBER): ["2"], (3, TASK): ["开展招商引资活动", "不少于10次"], (3, SUPPORT): ["县商务局"], (3, TIME): ["每季度"],
        (3, PROGRESS): ["一季度已开展3次"], (4, NUMBER): ["3"], (4, TASK): ["改造老旧小区5个"], (4, LEAD): ["县住建局"],
        (4, TIME): ["2024年9月底前"], (5, TASK): ["同步完善配套设施"], (5, LEAD): ["县住建局"], (5, SUPPORT): ["县水利局"],
        (5, TIME): ["2024年11月底前"],
    }
    for (row, column), paragraphs in cells.items():
        cell = table.cell(row, column)
        cell.text = paragraphs[0]
        for paragraph in paragraphs[1:]:
            cell.add_paragraph(paragraph)
    table.cell(2, LEAD).merge(table.cell(3, LEAD))  # 县发改局 over rows 1 and 2
    nested = table.cell(4, SUPPORT).add_table(rows=2, cols=1)  # 配合单位 of row 3: a table in the cell
    nested.cell(0, 0).text, nested.cell(1, 0).text = "县财政局", "县城管局"
    for tr, drop, grid in ((table.rows[4]._tr, -1, "gridAfter"), (table.rows[5]._tr, 0, "gridBefore")):
        tr.remove(tr.tc_lst[drop])  # row 3 has no 进展情况 cell, its continuation no 序号 cell
        skipped = OxmlElement(f"w:{grid}")
        skipped.set(qn("w:val"), "1")
        tr.get_or_add_trPr().append(skipped)
    document.add_paragraph(TEXT.split("\n")[-1])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


PAGE = """<html><head><title>某县人民政府</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/zwgk">政务公开</a></div>
<div class="TRS_Editor">
<p>关于印发2024年重点工作任务分解表的通知</p>
<p>各乡镇人民政府，县直各单位：</p>
<table border="1">
  <caption>2024年重点工作任务分解表</caption>
  <thead><tr><th>序号</th><th>工作任务</th><th>牵头单位</th><th>配合单位</th><th>完成时限</th><th>进展情况</th></tr></thead>
  <tbody>
  <tr><td colspan="6">一、稳增长</td></tr>
  <tr><td>1</td><td>推进重大项目建设，<br>全年完成投资50亿元</td><td rowspan="2">县发改局</td>
      <td><p>县财政局</p><p>县自然资源局</p></td><td>2024年12月底前</td><td>已完成投资12亿元，完成率24%</td></tr>
  <tr><td>2</td><td><div>开展招商引资活动</div>
      <div>不少于10次</div></td><td>县商务局</td><td>每季度</td><td>一季度已开展3次</td></tr>
  <tr><td>3</td><td> 改造老旧小区5个 </td><td>县住建局</td>
      <td><table><tr><td>县财政局</td></tr><tr><td>县城管局</td></tr></table></td><td>2024年9月底前</td><td></td></tr>
  <tr><td></td><td>同步完善配套设施</td><td>县住建局</td><td>县水利局</td><td>2024年11月底前</td><td>&nbsp;</td></tr>
  </tbody>
</table>
<p>县人民政府办公室</p>
</div>
<div class="footer">版权所有</div></body></html>"""


def test_docx_table_keeps_every_column_and_merged_cell() -> None:
    assert decode_bytes("分解表.docx", docx_bytes(), "docx").text == TEXT


def test_html_table_keeps_every_column_and_merged_cell() -> None:
    assert decode_bytes("分解表.html", PAGE.encode("utf-8"), "html").text == TEXT


def test_docx_task_table_through_extract(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "分解表.docx"
    path.write_bytes(docx_bytes())
    spec, _ = extract_one(run_cli, path, tmp_path / "out")
    assert spec.source.format == "docx"
    check_table(spec)


def test_html_task_table_through_extract(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "分解表.html"
    path.write_text(PAGE, encoding="utf-8")
    spec, _ = extract_one(run_cli, path, tmp_path / "out")
    assert spec.source.format == "html"
    check_table(spec)


LONG_TASK = "推进数字化改造，加快建设一批智能工厂和数字化车间，推动规模以上工业企业数字化改造全覆盖，培育一批省级以上示范项目"


@pytest.mark.parametrize(
    ("page", "title"),
    [
        pytest.param("<html><body><p>关于印发任务清单的通知</p>{table}</body></html>", "关于印发任务清单的通知", id="body"),
        pytest.param("{table}", None, id="bare"),  # no <html> or <body>
    ],
)
@pytest.mark.parametrize(
    ("head", "task"),
    [pytest.param("th", "推进数字化改造", id="th"), pytest.param("td", "推进数字化改造", id="td"), pytest.param("td", LONG_TASK, id="long")],
)
def test_html_task_table_straight_in_body(  # type: ignore[no-untyped-def]
    run_cli, tmp_path: Path, page: str, title: str | None, head: str, task: str
) -> None:
    """A task table put straight in <body> or standing alone (no content <div>): its rows, not its widest cell, are the
    article, though that cell holds most of the page's text; header cells <th> or <td> alike."""
    header = "".join(f"<{head}>{name}</{head}>" for name in ("序号", "工作任务", "牵头单位", "完成时限"))
    table = (
        f"<table><tr>{header}</tr><tr><td>1</td><td>{task}</td><td>市工信局</td><td>2024年6月底前</td></tr>"
        "<tr><td>2</td><td>开展企业培训</td><td>市人社局</td><td>2024年9月底前</td></tr></table>"
    )
    path = tmp_path / "清单.html"
    path.write_text(page.format(table=table), encoding="utf-8")
    spec, _ = extract_one(run_cli, path, tmp_path / "out")
    rows = {task.id: task for task in spec.tasks}
    assert [u.name for u in rows["1"].units] == ["市工信局"] and [u.name for u in rows["2"].units] == ["市人社局"]
    assert rows["1"].title == task
    assert [d.due.isoformat() for d in rows["1"].deadlines] == ["2024-06-30"]
    assert [d.due.isoformat() for d in rows["2"].deadlines] == ["2024-09-30"]
    if title:
        assert spec.metadata.title == title


def page_of(body: str) -> bytes:
    return f'<html><body><div class="content"><p>一、总体要求</p>{body}<p>二、工作要求</p></div></body></html>'.encode()


@pytest.mark.parametrize(
    ("table", "rows"),
    [
        ("<tr><td rowspan='2' colspan='2'>甲</td><td>乙</td></tr><tr><td>丙</td></tr>", ["甲\t\t乙", "甲\t\t丙"]),
        ("<tr><td>甲</td><td rowspan='2'>乙</td></tr><tr><td>丙</td></tr>", ["甲\t乙", "丙\t乙"]),
        ("<tr><td>甲</td><td>乙</td><td rowspan='2'>丙</td></tr><tr></tr>", ["甲\t乙\t丙", "\t\t丙"]),
        ("<tr><td rowspan='9'>甲</td><td>乙</td></tr>", ["甲\t乙"]),  # spanning beyond the table
        ("<tr><td colspan='abc'>甲</td><td colspan='2px'>乙</td><td>丙</td></tr>", ["甲\t乙\t\t丙"]),
        ("<tr><td>甲</td><td>&nbsp;</td></tr><tr><td> </td><td></td></tr>", ["甲\t"]),  # a row without text: none
        ("<td>甲</td><td>乙</td>", ["甲\t乙"]),  # cells outside any row (a damaged table): one row
        ("<tr><td> 甲</td><td>乙\n  丙 <b>丁</b></td></tr>", ["甲\t乙 丙 丁"]),  # blanks as a browser shows them
    ],
)
def test_html_cells_take_their_grid_columns(table: str, rows: list[str]) -> None:
    text = decode_bytes("表.html", page_of(f"<table>{table}</table>"), "html").text
    assert text.split("\n") == ["一、总体要求", *rows, "二、工作要求"]


@pytest.mark.parametrize(
    "table",
    [
        '<table role="presentation"><tr><td><p>（一）加强组织领导。</p><p>（二）强化督导检查。</p></td></tr></table>',
        "<table><tr><td><p>（一）加强组织领导。</p><p>（二）强化督导检查。" + "各单位要认真落实。" * 100 + "</p></td></tr></table>",
    ],
)
def test_html_table_framing_the_article_is_read_as_blocks(table: str) -> None:
    """A table laying out the page (so marked, or a cell holding an article) keeps its paragraphs as lines."""
    lines = decode_bytes("页.html", page_of(table), "html").text.split("\n")
    assert lines[1] == "（一）加强组织领导。" and lines[2].startswith("（二）强化督导检查。") and len(lines) == 4


def test_docx_tabs_and_breaks_inside_a_cell_are_blanks() -> None:
    run = "<w:r><w:t>县财政局</w:t><w:br/><w:t>县自然资源局</w:t><w:tab/><w:t>县水利局</w:t></w:r>"
    row = f"<w:tr>{cell('1')}<w:tc><w:p>{run}</w:p><w:p/></w:tc></w:tr>"
    text = decode_bytes("表.docx", docx_with_body(paragraph("一、总体要求") + f"<w:tbl>{row}</w:tbl>"), "docx").text
    assert text == "一、总体要求\n1\t县财政局 县自然资源局 县水利局"
