"""Task tables read by their columns, from every reader: a .docx, an .html page, an .xlsx workbook
and a .csv file built here, and tables flattened into text. Each is checked cell by cell: every
row a task, units with their column's role, deadlines from the time column, the ①②③ of a 进度安排
cell as child tasks, and a 进展情况 cell kept as the row's progress, never read for targets or
deadlines. Cells are checked against the extracted text they point into."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from govplan.pipeline import extract_specs, extract_text
from govplan.readers import decode_bytes
from govplan.spec.model import Spec, TaskNode

TITLE = "2024年重点工作任务清单"
HEADER = ["序号", "工作任务", "牵头单位", "配合单位", "进度安排", "完成时限", "进展情况"]
ROWS = [
    ["1", "推进重大项目建设，全年完成投资50亿元", "县发改局", "县财政局、县自然资源局", "", "2024年12月底前",
     "已完成投资12亿元，完成率24%，6月底前完成过半"],
    ["2", "开展招商引资活动不少于10次", "县商务局", "县发改局", "", "每季度", "一季度已开展3次"],
    ["3", "改造老旧小区5个", "县住建局", "县财政局", "①6月底前完成设计；②9月底前开工；③12月底前完工", "2024年12月底前", ""],
]


def nodes(spec: Spec) -> dict[str, TaskNode]:
    return {node.id: node for node in spec.walk()}


def units(node: TaskNode) -> set[tuple[str, str]]:
    return {(u.name, u.role) for u in node.units}


def check_task_table(spec: Spec, text: str, prefix: str = "", third_lead: str = "县住建局") -> None:
    """The rows of HEADER/ROWS under a section 一、稳增长, read as the table says (``third_lead``:
    the 牵头单位 of row 3, 县商务局 where row 2's cell is merged down over it)."""
    found = nodes(spec)
    ids = [f"{prefix}一", f"{prefix}一.1", f"{prefix}一.2", f"{prefix}一.3",
           f"{prefix}一.3.①", f"{prefix}一.3.②", f"{prefix}一.3.③"]
    assert [i for i in found if i.startswith(prefix + "一")][:len(ids)] == ids
    first, second, third = (found[f"{prefix}一.{n}"] for n in (1, 2, 3))
    assert first.number == "1" and first.style == "table_row" and first.title == "推进重大项目建设，全年完成投资50亿元"
    assert units(first) == {("县发改局", "lead"), ("县财政局", "support"), ("县自然资源局", "support")}
    assert units(second) == {("县商务局", "lead"), ("县发改局", "support")}
    assert units(third) == {(third_lead, "lead"), ("县财政局", "support")}
    assert [d.text for d in first.deadlines if d.text == "2024年12月底前"]
    assert [d.recurrence.freq for d in second.deadlines if d.recurrence] == ["quarterly"]
    # the progress cell is kept as written and gives no target and no deadline
    assert [p.column for p in first.progress] == ["进展情况"]
    assert first.progress[0].text == ROWS[0][6] == text[first.progress[0].span.start:first.progress[0].span.end]
    assert not any("12亿元" in t.text or "24%" in t.text for t in first.targets)
    assert not any(d.text == "6月底前" for d in first.deadlines)
    assert not any("3次" in t.text for t in second.targets)
    # the schedule's stages are the row's children, each with its deadline
    stages = third.children
    assert [s.number for s in stages] == ["①", "②", "③"]
    assert [[d.due for d in s.deadlines] for s in stages] == [
        [dt.date(2024, 6, 30)], [dt.date(2024, 9, 30)], [dt.date(2024, 12, 31)]
    ]
    assert [d.text for d in third.deadlines] == ["2024年12月底前"]  # the stages' dates are the stages' only
    # every unit's span points at its name in the extracted text
    for node in spec.walk():
        for unit in node.units:
            assert text[unit.span.start:unit.span.end] == unit.text


def check_cells(spec: Spec) -> None:
    """Each row carries its cells with their column kinds, offsets on the text they hold."""
    row = nodes(spec)[next(i for i in nodes(spec) if i.endswith("一.1"))]
    kinds = [cell.column for cell in row._found.cells]
    assert kinds == ["number", "task", "lead", "support", "time", "progress"]  # the empty 进度安排 cell is none


# --- flattened into text -------------------------------------------------------------------------

def test_tab_rows_with_a_section_row():
    text = "\n".join([TITLE, "\t".join(HEADER), "一、稳增长", *("\t".join(r) for r in ROWS)]) + "\n"
    (spec,) = extract_text(text)
    check_task_table(spec, text)
    check_cells(spec)


def test_pipe_rows():
    lines = [TITLE, "| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER), "| 一、稳增长 |" + " |" * 6]
    lines += ["| " + " | ".join(r) + " |" for r in ROWS]
    text = "\n".join(lines) + "\n"
    (spec,) = extract_text(text)
    check_task_table(spec, text)
    check_cells(spec)


def test_one_cell_a_line_ending_with_a_bar():
    lines = [TITLE] + [f"{cell} |" for cell in HEADER] + ["一、稳增长 |"]
    for row in ROWS:
        lines += [f"{cell} |" for cell in row]
    text = "\n".join(lines) + "\n"
    (spec,) = extract_text(text)
    check_task_table(spec, text)


def test_a_row_under_a_merged_unit_cell_flattened_once_takes_it():
    text = "\n".join([
        "\t".join(["序号", "工作任务", "牵头单位", "完成时限"]),
        "\t".join(["1", "完善工作机制", "市发改委", "2024年6月底前"]),
        "\t".join(["2", "推进数字化改造", "2024年9月底前"]),  # 牵头单位 merged over rows 1-2
    ]) + "\n"
    (spec,) = extract_text(text)
    second = nodes(spec)["2"]
    assert units(second) == {("市发改委", "lead")}
    assert [d.text for d in second.deadlines] == ["2024年9月底前"]


def test_a_row_cut_inside_its_unit_cell_where_the_text_ends_takes_no_unit_from_above():
    # c160: a table flattened one cell a line, the page cut inside the last row's 牵头单位 cell
    cells = ["序号", "主要工作举措", "牵头单位", "配合单位",
             "1", "完善工作机制。", "区农业农村局", "区财政局",
             "2", "推进数字化改造。",  # no unit cell before the next row: 牵头单位 merged over rows 1-2
             "3", "加快项目建设。", "沈"]  # the text ends inside row 3's 牵头单位 cell
    (spec,) = extract_text("\n\n".join(cells) + "\n")
    assert units(nodes(spec)["2"]) == {("区农业农村局", "lead")}
    assert units(nodes(spec)["3"]) == set()
    # the same row followed by the rest of the table: a row lacking its unit cells lies under a merged one
    (spec,) = extract_text("\n\n".join(cells[:-1] + ["4", "完成验收。", "区住建局"]) + "\n")
    assert units(nodes(spec)["3"]) == {("区农业农村局", "lead")}


def test_a_table_without_a_number_column_starts_a_row_at_each_task_cell():
    # c161: no 序号 column, the number written in the task cell, a 牵头单位 cell of two paragraphs
    cells = ["主要工作任务", "牵头单位", "责任单位",
             "1.完善工作机制。", "区发改局", "区财政局、各街道办事处",
             "2.推进数字化改造。", "发改局", "区工信局", "各街道办事处"]
    (spec,) = extract_text("\n\n".join(cells) + "\n")
    found = nodes(spec)
    assert units(found["1"]) == {("区发改局", "lead"), ("区财政局", "responsible"), ("各街道办事处", "responsible")}
    assert units(found["2"]) == {("发改局", "lead"), ("区工信局", "lead"), ("各街道办事处", "responsible")}


def test_rows_under_one_merged_number_are_one_task_and_a_repeated_number_is_numbered_by_place():
    text = "\n".join([
        "\t".join(["序号", "考核项目", "分值", "考核内容", "评分标准"]),
        "\t".join(["一、", "通用考核项目", "40", "", ""]),
        "\t".join(["1", "组织领导", "8", "组织领导", "1.成立领导小组（4分）；2.年内至少召开3次会议（4分）"]),
        "\t".join(["2", "县农粮局", "30", "推进养殖污染控制", "1.加强监管（5分）；2.建立台账（5分）"]),
        "\t".join(["15", "推进化肥减量", "1.推进统防统治（5分）；2.推广绿色防控（10分）"]),  # under 2's merged 序号
        "\t".join(["2", "县水利局", "15", "开展入河排污口整治", "按完成比例得分（15分）"]),  # a second 2: numbered 3
    ]) + "\n"
    (spec,) = extract_text(text)
    assert [n.id for n in spec.walk()] == ["前言", "一", "一.1", "一.1.1", "一.1.2", "一.2", "一.2.1", "一.2.2", "一.3"]
    found = nodes(spec)
    assert "推进化肥减量" in found["一.2"].text  # the continuation row is part of row 2
    assert found["一.3"].number is None  # its written number repeats its sibling's
    assert not any(t.text.endswith("分") for n in spec.walk() for t in n.targets)  # scores are no targets


# --- built by the readers ------------------------------------------------------------------------

def _docx_bytes(paragraph_cells: bool) -> bytes:
    from docx import Document

    document = Document()
    document.add_paragraph("关于印发2024年重点工作任务分解表的通知")
    table = document.add_table(rows=2 + len(ROWS), cols=len(HEADER))
    for k, word in enumerate(HEADER):
        table.cell(0, k).text = word
    section = table.cell(1, 0).merge(table.cell(1, len(HEADER) - 1))
    section.text = "一、稳增长"
    for r, row in enumerate(ROWS, start=2):
        for k, value in enumerate(row):
            table.cell(r, k).text = value
    if paragraph_cells:  # the 配合单位 of row 1 written as two paragraphs in its cell
        cell = table.cell(2, 3)
        cell.text = "县财政局"
        cell.add_paragraph("县自然资源局")
    document.add_paragraph("县人民政府办公室")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_task_table():
    source = decode_bytes("分解表.docx", _docx_bytes(paragraph_cells=False))
    (spec,) = extract_specs(source)
    assert spec.source.format == "docx"
    check_task_table(spec, source.text)
    check_cells(spec)


def test_docx_cell_of_two_paragraphs_lists_two_units():
    source = decode_bytes("分解表.docx", _docx_bytes(paragraph_cells=True))
    (spec,) = extract_specs(source)
    check_task_table(spec, source.text)


def test_docx_vertically_merged_unit_cell_applies_to_every_row():
    from docx import Document

    document = Document()
    table = document.add_table(rows=3, cols=4)
    for k, word in enumerate(["序号", "工作任务", "牵头单位", "完成时限"]):
        table.cell(0, k).text = word
    for r, (number, task, due) in enumerate([("1", "完善工作机制", "2024年6月底前"), ("2", "推进数字化改造", "2024年9月底前")], 1):
        table.cell(r, 0).text, table.cell(r, 1).text, table.cell(r, 3).text = number, task, due
    table.cell(1, 2).merge(table.cell(2, 2)).text = "市发改委"
    buffer = io.BytesIO()
    document.save(buffer)
    (spec,) = extract_specs(decode_bytes("表.docx", buffer.getvalue()))
    assert {n.id: units(n) for n in spec.walk()} == {
        "前言": set(), "1": {("市发改委", "lead")}, "2": {("市发改委", "lead")}  # 前言: the header row before the rows
    }


def _html(rowspan: bool) -> bytes:
    cells = lambda row: "".join(f"<td>{c}</td>" for c in row)  # noqa: E731
    rows = [f"<tr>{cells(HEADER)}</tr>", f'<tr><td colspan="{len(HEADER)}">一、稳增长</td></tr>']
    rows += [f"<tr>{cells(r)}</tr>" for r in ROWS]
    if rowspan:  # the 牵头单位 of rows 2 and 3 merged into one cell, the 配合单位 of row 1 two paragraphs
        rows[3] = rows[3].replace("<td>县商务局</td>", '<td rowspan="2">县商务局</td>')
        rows[4] = rows[4].replace("<td>县住建局</td>", "")
        rows[2] = rows[2].replace("<td>县财政局、县自然资源局</td>", "<td><p>县财政局</p><p>县自然资源局</p></td>")
    page = f'<html><body><div class="content"><p>关于印发2024年重点工作任务分解表的通知</p><table>{"".join(rows)}</table></div></body></html>'
    return page.encode("utf-8")


def test_html_task_table():
    source = decode_bytes("分解表.html", _html(rowspan=False), "html")
    (spec,) = extract_specs(source)
    check_task_table(spec, source.text)
    check_cells(spec)


def test_html_rowspan_and_paragraph_cells():
    source = decode_bytes("分解表.html", _html(rowspan=True), "html")
    (spec,) = extract_specs(source)
    check_task_table(spec, source.text, third_lead="县商务局")


def _xlsx_bytes() -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["2024年重点工作任务清单"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    sheet.append(HEADER)
    sheet.append(["一、稳增长"])
    sheet.merge_cells(start_row=3, start_column=1, end_row=3, end_column=len(HEADER))
    for row in ROWS:
        sheet.append([int(row[0]), *row[1:]])
    sheet.append([4, "新增城镇就业1000人", None, "各镇人民政府", None, dt.datetime(2024, 11, 30), None])
    sheet.merge_cells(start_row=6, start_column=3, end_row=7, end_column=3)  # 县住建局 over rows 3 and 4
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_xlsx_task_table():
    source = decode_bytes("清单.xlsx", _xlsx_bytes())
    assert source.format == "xlsx"
    lines = source.text.split("\n")
    assert lines[0] == "2024年重点工作任务清单" and lines[1] == "\t".join(HEADER)
    # merged cell repeated, date shown, the empty 进展情况 kept as the rows above have it (every cell keeps its column)
    assert lines[-1] == "4\t新增城镇就业1000人\t县住建局\t各镇人民政府\t\t2024年11月30日\t"
    (spec,) = extract_specs(source)
    assert spec.source.format == "xlsx" and spec.metadata.title == "2024年重点工作任务清单"
    check_task_table(spec, source.text)
    check_cells(spec)
    fourth = nodes(spec)["一.4"]
    assert units(fourth) == {("县住建局", "lead"), ("各镇人民政府", "support")}
    assert [c.column for c in fourth._found.cells] == ["number", "task", "lead", "support", "time"]
    assert [t.text for t in fourth.targets] == ["1000人"]  # the task's own target


def test_csv_task_table():
    data = "序号,工作任务,责任单位,完成时限\n1,完善工作机制,\"市发改委、市财政局\",2024年6月底前\n".encode("gb18030")
    source = decode_bytes("清单.csv", data, "csv")
    assert source.text == "序号\t工作任务\t责任单位\t完成时限\n1\t完善工作机制\t市发改委、市财政局\t2024年6月底前"
    (spec,) = extract_specs(source)
    node = nodes(spec)["1"]
    assert units(node) == {("市发改委", "responsible"), ("市财政局", "responsible")}
    assert [d.text for d in node.deadlines] == ["2024年6月底前"]


SHORT_HEADER = ["序号", "工作任务", "牵头单位", "完成时限", "完成情况", "存在问题", "备注"]
SHORT_ROWS = [["1", "完善工作机制", "市发改委", "2024年6月底前", "已完成2项", "资金慢"],
              ["2", "推进数字化改造", "市工信局", "2024年9月底前", "已完成投资12亿元，6月底前完成过半"]]


def _check_short_rows(spec: Spec) -> None:
    """Rows that end before the table's last columns (存在问题, 备注 left empty) keep each cell in its column: the second
    row's 完成情况 is its progress, not a remark, and no target or deadline is read from it."""
    second = nodes(spec)["2"]
    assert [c.column for c in second._found.cells] == ["number", "task", "lead", "time", "progress"]
    assert [(p.column, p.text) for p in second.progress] == [("完成情况", "已完成投资12亿元，6月底前完成过半")]
    assert [d.text for d in second.deadlines] == ["2024年9月底前"] and second.targets == []
    assert [(p.column, p.text) for p in nodes(spec)["1"].progress] == [("完成情况", "已完成2项"), ("存在问题", "资金慢")]


def test_xlsx_row_shorter_than_the_row_above_keeps_its_columns():
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["2024年重点工作任务清单"])
    for row in [SHORT_HEADER, *SHORT_ROWS]:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    source = decode_bytes("清单.xlsx", buffer.getvalue())
    lines = source.text.split("\n")
    assert lines[0] == "2024年重点工作任务清单"  # a one-cell row stays one cell
    assert lines[-1] == "\t".join(SHORT_ROWS[1] + ["", ""])
    (spec,) = extract_specs(source)
    _check_short_rows(spec)


def test_csv_row_shorter_than_the_row_above_keeps_its_columns(tmp_path):
    from govplan.readers import read_source

    path = tmp_path / "清单.csv"
    path.write_text("\n".join(",".join(f'"{cell}"' for cell in row) for row in [SHORT_HEADER, *SHORT_ROWS]) + "\n",
                    encoding="utf-8")
    source = read_source(path)
    assert source.text.split("\n")[-1] == "\t".join(SHORT_ROWS[1] + ["", ""])
    (spec,) = extract_specs(source)
    _check_short_rows(spec)


def test_an_empty_progress_cell_gives_no_progress_entry():
    cells = ["序号", "工作任务", "牵头单位", "完成情况", "存在问题", "1", "完善机制", "市发改委", "已完成2项", "",
             "2", "优化环境", "市司法局", "已完成", "资金慢"]
    (spec,) = extract_text("".join(f"{cell} |\n" for cell in cells))
    assert [(p.column, p.text) for p in nodes(spec)["1"].progress] == [("完成情况", "已完成2项")]
    assert [(p.column, p.text) for p in nodes(spec)["2"].progress] == [("完成情况", "已完成"), ("存在问题", "资金慢")]


def test_unsupported_old_spreadsheet_names_what_to_do(tmp_path):
    from govplan.errors import InputError
    from govplan.readers import read_source

    path = tmp_path / "清单.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(InputError) as caught:
        read_source(path)
    assert ".xlsx" in str(caught.value.message_zh if hasattr(caught.value, "message_zh") else caught.value)


# c575's shape (新昌 民生实事 登记表) from each reader that keeps a merged cell: no 序号 column, the number written in
# the 项目名称 cell merged down its 工作任务 rows, which are one task with it (docs/gold-format.md).
PROJECT_HEADER = ["项目名称", "工作任务", "计划完成时间", "牵头单位"]
PROJECT_ROWS = [["1.城市人居环境提升项目", "对人民中路等3条城区道路进行综合提升改造;", "11月", "建设局"],
                ["", "对七星路等重点区域进行绿化亮化提档升级;", "12月", "城投集团"],
                ["2.生态公墓建设项目", "新建生态公益性墓地15处。", "10月底", "民政局"]]


def _merged_project_file(kind: str) -> bytes:
    """PROJECT_ROWS with the first column's cell of rows 1-2 merged, as a .docx, .html or .xlsx file."""
    if kind == "html":
        rows = ["".join(f"<td>{c}</td>" for c in PROJECT_HEADER)]
        rows.append(f'<td rowspan="2">{PROJECT_ROWS[0][0]}</td>' + "".join(f"<td>{c}</td>" for c in PROJECT_ROWS[0][1:]))
        rows += ["".join(f"<td>{c}</td>" for c in (row[1:] if row[0] == "" else row)) for row in PROJECT_ROWS[1:]]
        body = "".join(f"<tr>{r}</tr>" for r in rows)
        return f'<html><body><div class="content"><p>民生实事进展情况登记表</p><table>{body}</table></div></body></html>'.encode()
    buffer = io.BytesIO()
    if kind == "docx":
        from docx import Document

        document = Document()
        table = document.add_table(rows=len(PROJECT_ROWS) + 1, cols=len(PROJECT_HEADER))
        for r, row in enumerate([PROJECT_HEADER, *PROJECT_ROWS]):
            for k, text in enumerate(row):
                if text:
                    table.cell(r, k).text = text
        table.cell(1, 0).merge(table.cell(2, 0))
        document.save(buffer)
    else:
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        for row in [PROJECT_HEADER, *PROJECT_ROWS]:
            sheet.append(row)
        sheet.merge_cells(start_row=2, start_column=1, end_row=3, end_column=1)
        book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("kind", ["docx", "html", "xlsx"])
def test_rows_under_a_numbered_merged_first_cell_are_one_task(kind: str) -> None:
    (spec,) = extract_specs(decode_bytes(f"登记表.{kind}", _merged_project_file(kind), kind))
    found = {n.id: units(n) for n in spec.walk() if n.id != "前言"}
    assert found == {"1": {("建设局", "lead"), ("城投集团", "lead")}, "2": {("民政局", "lead")}}


@pytest.mark.parametrize("text, stop", [
    ("区政府办公室", 6),  # a name ending at the text's end: no end may be read past it
    ("区商务委", 4),
    ("各街镇", 3),
    ("区管委会", 3),  # 管委 / 会: a longer end runs past the stop
    ("区财政局会同", 4),
    ("市", 1),
])
def test_a_names_end_and_an_end_running_past_it_as_trying_every_end(text: str, stop: int) -> None:
    """The set lookups by length give what trying every unit end with endswith/startswith gives."""
    from govplan.structure.tables import _end_runs_past, _run_words, _unit_end

    run = _run_words()
    ends = sorted(run.end_set, key=len, reverse=True)  # every end tried, longest first
    name = text[:stop]
    assert _unit_end(name, run) == next((e for e in ends if name.endswith(e)), None)
    assert _end_runs_past(text, stop, run) == any(
        len(e) > 1 and text.startswith(e, stop - k) for e in ends for k in range(1, len(e)))


def test_year_columns_leave_the_row_its_own_title_and_date_their_header_once():
    """A table whose columns give each year's part of the row's work (内容 | 牵头部门 | 2024年工作任务 | 2025年工作计划,
    dev c361): the row's title is its 内容 cell, not the first year's work, and each year over a column is the row's
    deadline in the header, once, whether the header is a row of tabs or flattened one cell a line."""
    header = ["序号", "内容", "牵头部门", "2024年工作任务", "2025年工作计划"]
    rows = [["1", "完善综合交通规划", "市交通委", "完成规划编制", "开展实施评估"],
            ["2", "推进公交优先发展", "市交通委", "新增公交线路10条", "新增公交线路5条"]]
    tabs = "\n".join(["关于印发交通工作任务的通知", "2024年3月1日", "附件", *("\t".join(r) for r in [header, *rows])]) + "\n"
    cells = "\n\n".join(["关于印发交通工作任务的通知", "2024年3月1日", "附件", *(c for r in [header, *rows] for c in r)]) + "\n"
    for text in (tabs, cells):
        (spec,) = extract_text(text)
        found = nodes(spec)
        assert [found[i].title for i in ("附件.1", "附件.2")] == ["完善综合交通规划", "推进公交优先发展"]
        dated = [(node.id, d.text, d.due) for node in spec.walk() for d in node.deadlines]
        assert dated == [("附件", "2024年", dt.date(2024, 12, 31)), ("附件", "2025年", dt.date(2025, 12, 31))]
