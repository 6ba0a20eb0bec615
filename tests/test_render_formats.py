"""docx, xlsx and csv renderings read back cell by cell (python-docx, openpyxl, csv)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import pytest

from govplan.render.loading import load_specs_for_render
from govplan.render.views import RenderRequest, render

FIXTURES = Path(__file__).parent / "fixtures" / "render"
SMALL = FIXTURES / "small_tree.yaml"
XUNYI = FIXTURES / "xunyi_ten_actions.yaml"
TODAY = dt.date(2024, 7, 1)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TASKTABLE_HEADER = ["序号", "重点任务", "具体措施", "牵头单位", "责任单位/配合单位", "完成时限", "目标指标"]


def _render(view: str, fmt: str, path: Path = XUNYI, **options: object) -> str | bytes:
    specs = load_specs_for_render([path], validate=True)
    return render(specs, RenderRequest(view, fmt, today=TODAY, **options))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def tasktable_docx() -> bytes:
    data = _render("tasktable", "docx")
    assert isinstance(data, bytes)
    return data


@pytest.fixture(scope="module")
def document(tasktable_docx: bytes):
    from docx import Document

    return Document(io.BytesIO(tasktable_docx))


def test_docx_has_title_and_document_number_above_the_table(document) -> None:
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "旬邑县巩固拓展脱贫攻坚成果同乡村振兴有效衔接“十大提升行动”实施方案任务分解表"
    assert texts[1] == "旬巩衔组发〔2024〕1号"
    assert [p.style.name for p in document.paragraphs[:2]] == ["GovTitle", "GovDocNumber"]
    body = list(document.element.body)
    assert body.index(document.tables[0]._tbl) == 2


def _body_rows(document) -> list[list[str]]:
    """The task rows of every page table, a row cut at a page end joined again (its second part has no 序号)."""
    rows: list[list[str]] = []
    for table in document.tables:
        assert [c.text for c in table.rows[0].cells] == TASKTABLE_HEADER
        for row in table.rows[1:]:
            cells = [c.text for c in row.cells]
            if cells[0] or not rows:
                rows.append(cells)
            else:
                rows[-1] = [a if i in (0, 1) else a + b for i, (a, b) in enumerate(zip(rows[-1], cells))]
    return rows


def test_docx_cells_hold_the_task_table(document) -> None:
    rows = {r[2].split("。")[0]: r for r in _body_rows(document)}
    housing = rows["4.强化住房安全保障"]
    assert housing[3] == ""
    assert housing[4] == "各镇(街道)"
    assert housing[5] == "2024年10月底前；2024年11月底前；每月"
    assert housing[6] == "60户危改户"
    jobs = rows["2.精准核实务工信息"]
    assert jobs[3] == "旬邑县人力资源和社会保障局"
    assert jobs[4] == "旬邑县乡村振兴局、各镇(街道)"
    assert jobs[5] == "每月25日前"
    assert [r[0] for r in _body_rows(document)] == [str(n) for n in range(1, 45)]  # 38 measures, 3 stages, 3 requirements
    assert not any("总体要求" in r[1] for r in _body_rows(document))  # a framing section, left out


def test_docx_tables_are_cut_into_pages_that_each_show_the_merged_task(document) -> None:
    """Word leaves a merged cell blank on the page it runs onto: every page is a table of its own whose
    first row carries the 重点任务 text, and merges restart there."""
    assert len(document.tables) > 10
    groups = []
    for table in document.tables:
        trs = table._tbl.findall(f"{W}tr")
        merges = []
        for tr in trs[1:]:
            v = tr.findall(f"{W}tc")[1].find(f"{W}tcPr/{W}vMerge")
            merges.append(None if v is None else v.get(f"{W}val", "continue"))  # continue is the default value
        assert merges[0] in (None, "restart")
        assert table.cell(1, 1).text.startswith(("(", "三、", "四、"))
        groups.append(table.cell(1, 1).text)
        for tr in trs[1:]:
            assert tr.find(f"{W}trPr/{W}cantSplit") is not None  # rows never break across pages
    assert groups.count("(二)开展脱贫成果巩固提升行动") >= 3  # its measures run over several pages
    first = document.tables[0]
    assert first.cell(1, 1).text == first.cell(2, 1).text == "(一)开展防返贫监测帮扶提升行动"  # python-docx resolves the merge


def test_docx_separates_page_tables_with_a_page_break(document) -> None:
    body = list(document.element.body)
    tables = [body.index(t._tbl) for t in document.tables]
    for before, after in zip(tables, tables[1:]):
        (between,) = body[before + 1:after]
        assert between.find(f"{W}pPr/{W}pageBreakBefore") is not None
        assert between.find(f"{W}pPr/{W}spacing").get(f"{W}line") == "20"  # one point high


def test_docx_header_row_repeats_on_every_page(document) -> None:
    for table in document.tables:
        trs = table._tbl.findall(f"{W}tr")
        assert trs[0].find(f"{W}trPr/{W}tblHeader") is not None
        assert all(tr.find(f"{W}trPr/{W}tblHeader") is None for tr in trs[1:])


def test_docx_pages_are_numbered_as_official_documents_number_them(tasktable_docx: bytes, document) -> None:
    """— 1 — in 宋体 at the foot, odd pages at the right and even pages at the left (GB/T 9704 7.5)."""
    import zipfile

    from lxml import etree

    package = zipfile.ZipFile(io.BytesIO(tasktable_docx))
    assert etree.fromstring(package.read("word/settings.xml")).find(f"{W}evenAndOddHeaders") is not None
    section = document.sections[0]
    for footer, side in ((section.footer, "right"), (section.even_page_footer, "left")):
        (paragraph,) = footer.paragraphs
        xml = paragraph._p
        assert paragraph.alignment == {"right": 2, "left": 0}[side]
        assert "".join(t.text for t in xml.iter(f"{W}t")) == "— 1 —"
        assert [i.text for i in xml.iter(f"{W}instrText")] == [" PAGE "]
        assert {r.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") for r in xml.iter(f"{W}r")} == {"宋体"}
    assert round(section.footer_distance.mm) == 10


def test_docx_is_a4_landscape_with_every_width_set(document) -> None:
    from docx.enum.section import WD_ORIENT

    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    usable = round((section.page_width - section.left_margin - section.right_margin) / 635)
    for table in document.tables:
        tbl = table._tbl
        tbl_w = tbl.tblPr.find(f"{W}tblW")
        assert (tbl_w.get(f"{W}type"), int(tbl_w.get(f"{W}w"))) == ("dxa", usable)
        assert tbl.tblPr.find(f"{W}tblLayout").get(f"{W}type") == "fixed"
        assert [int(m.get(f"{W}w")) for m in tbl.tblPr.find(f"{W}tblCellMar")] == [108, 108]
        grid = [int(g.get(f"{W}w")) for g in tbl.tblGrid.findall(f"{W}gridCol")]
        assert sum(grid) == usable and len(grid) == 7
        assert grid[2] == max(grid)  # 具体措施 gets the most room
        for tr in tbl.findall(f"{W}tr"):
            widths = [tc.find(f"{W}tcPr/{W}tcW") for tc in tr.findall(f"{W}tc")]
            assert [int(w.get(f"{W}w")) for w in widths] == grid
            assert {w.get(f"{W}type") for w in widths} == {"dxa"}


def test_docx_every_run_names_its_chinese_font(document) -> None:
    runs = list(document.element.body.iter(f"{W}r"))
    assert runs
    fonts = {r.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") for r in runs}
    assert fonts == {"方正小标宋简体", "仿宋_GB2312", "黑体"}
    header_runs = document.tables[0]._tbl.findall(f"{W}tr")[0].iter(f"{W}r")
    assert {r.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") for r in header_runs} == {"黑体"}


def test_reference_document_declares_font_fallbacks(tasktable_docx: bytes) -> None:
    import zipfile

    from lxml import etree

    fonts = etree.fromstring(zipfile.ZipFile(io.BytesIO(tasktable_docx)).read("word/fontTable.xml"))
    alt = {f.get(f"{W}name"): f.find(f"{W}altName").get(f"{W}val") for f in fonts if f.find(f"{W}altName") is not None}
    assert alt["仿宋_GB2312"] == "仿宋" and alt["黑体"] == "SimHei"


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice is not installed")
def test_libreoffice_converts_the_docx_to_pdf(tasktable_docx: bytes, tmp_path: Path) -> None:
    source = tmp_path / "table.docx"
    source.write_bytes(tasktable_docx)
    office = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run(
        [office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=120,
    )
    pdf = tmp_path / "table.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"


def test_docx_checklist_has_one_titled_table_per_unit() -> None:
    from docx import Document

    doc = Document(io.BytesIO(_render("checklist", "docx", SMALL)))  # type: ignore[arg-type]
    titles = [p.text for p in doc.paragraphs if p.style.name == "GovTitle"]
    assert titles == ["某县人力资源和社会保障局责任清单", "县农业农村局责任清单", "县财政局责任清单", "各镇责任清单"]
    finance = doc.tables[2]
    assert [c.text for c in finance.rows[1].cells][:6] == ["☐", "1", "一、稳定重点群体就业 （一）促进高校毕业生就业", finance.rows[1].cells[3].text, "配合", "2024年6月底前"]
    assert finance.rows[1].cells[7].text == "已逾期：2024年6月底前"
    assert finance.rows[2].cells[7].text == "定期：每月25日前"
    assert finance.rows[3].cells[7].text == "未明确时限"


def test_a_reference_without_govplan_styles_is_rejected(tmp_path: Path) -> None:
    from docx import Document

    from govplan.errors import GovplanError

    plain = tmp_path / "plain.docx"
    Document().save(str(plain))
    with pytest.raises(GovplanError, match="GovTitle"):
        _render("tasktable", "docx", SMALL, template=plain)


@pytest.fixture(scope="module")
def ledger():
    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(_render("tasktable", "xlsx")))  # type: ignore[arg-type]


def test_xlsx_task_table_is_a_ledger(ledger) -> None:
    sheet = ledger.worksheets[0]
    assert sheet["A1"].value.endswith("任务分解表")
    assert sheet["A2"].value == "旬巩衔组发〔2024〕1号"
    header = [c.value for c in sheet[3]]
    assert header == TASKTABLE_HEADER + ["进展情况", "完成状态"]
    assert sheet.freeze_panes == "A4"
    assert sheet.auto_filter.ref == f"A3:I{sheet.max_row}"
    row = [c.value for c in sheet[4 + 8]]  # 9th task: 强化住房安全保障
    assert row[0] == "9" and row[4] == "各镇(街道)" and row[5] == "2024年10月底前；2024年11月底前；每月"
    assert row[7] is None and row[8] is None
    assert all(c.alignment.wrap_text for c in sheet[4 + 8])
    assert all(merged.max_row < 3 for merged in sheet.merged_cells.ranges)  # the lines above the header only


def test_xlsx_column_widths_count_chinese_characters_twice(ledger) -> None:
    sheet = ledger.worksheets[0]
    widths = {c.value: sheet.column_dimensions[c.column_letter].width for c in sheet[3]}
    assert widths["序号"] == 6
    assert widths["完成状态"] == 2 * len("完成状态") + 2  # as wide as its widest text
    assert widths["牵头单位"] == 9 * 1.25 and widths["具体措施"] == 36 * 1.25  # long text wraps within its share
    assert sum(widths.values()) < 160  # fitted to an A4 width, 11pt text prints at about 10pt


def test_xlsx_matrix_has_a_column_per_unit() -> None:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(_render("matrix", "xlsx", SMALL))).worksheets[0]  # type: ignore[arg-type]
    header = [c.value for c in sheet[3]]
    assert header == ["序号", "重点任务", "任务", "某县人力资源和社会保障局", "县农业农村局", "县财政局", "各镇"]
    marks = {sheet.cell(row=r, column=3).value: [c.value for c in sheet[r]][3:] for r in range(4, sheet.max_row + 1) if sheet.cell(row=r, column=3).value}
    assert marks["（二）促进农民工就业"] == [None, "●", "○", None]
    assert any("● 牵头单位" in str(c.value) for row in sheet.iter_rows() for c in row)


def test_csv_reads_back_with_excel_friendly_bom() -> None:
    text = _render("tasktable", "csv", SMALL)
    assert isinstance(text, str) and text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0] == TASKTABLE_HEADER
    assert rows[1][1] == "一、稳定重点群体就业"
    assert rows[2][1] == "一、稳定重点群体就业"  # no merged cells in csv: every row says its parent
    assert rows[4] == ["4", "二、强化工作保障", "二、强化工作保障。各镇3月15日前报送方案，每季度末前报送进展。", "", "各镇", "2024年3月15日前；每季度末前", ""]


def test_csv_of_several_checklists_names_each_unit() -> None:
    rows = list(csv.reader(io.StringIO(_render("checklist", "csv", SMALL).lstrip("\ufeff"))))  # type: ignore[union-attr]
    assert rows[0][0] == "分表"
    assert {r[0] for r in rows[1:]} == {"某县人力资源和社会保障局", "县农业农村局", "县财政局", "各镇"}


def test_xlsx_sheets_print_one_page_wide_with_the_header_on_every_page(ledger) -> None:
    sheet = ledger.worksheets[0]
    setup = sheet.page_setup
    assert (setup.orientation, int(setup.paperSize), setup.fitToWidth, setup.fitToHeight) == ("landscape", int(sheet.PAPERSIZE_A4), 1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$3:$3"
    assert sheet.oddFooter.center.text == "第 &P 页，共 &N 页"
    margins = sheet.page_margins  # the footer needs room below the table: LibreOffice cut it in half at 0.1"
    assert margins.bottom - margins.footer >= 0.3
    assert sheet.print_area.endswith("!$A$1:$I$47")  # title, number, header and 44 tasks: the ledger columns too


def _grid_spec(tmp_path: Path, name: str, title: str, units: list[dict]) -> Path:
    """A one-task spec file with the given units (JSON is YAML too)."""
    import json

    text = "落实任务。"
    spec = {
        "source": {"file": f"{name}.txt", "sha256": "0" * 64, "format": "txt", "script": "simplified"},
        "metadata": {"title": title},
        "tasks": [{"id": "一", "number": "一、", "style": "cn_dun", "level": 1, "title": "落实任务", "text": text,
                   "line": 1, "span": {"start": 0, "end": 5},
                   "units": [{"text": u["name"], "span": {"start": 0, "end": 1}, "role": "lead", **u} for u in units]}],
    }
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    return path


def test_xlsx_matrix_sets_unit_names_vertically_and_freezes_the_task_columns() -> None:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(_render("matrix", "xlsx", XUNYI))).worksheets[0]  # type: ignore[arg-type]
    header = [c for c in sheet[3]]
    assert [c.value for c in header[:3]] == ["序号", "重点任务", "任务"]
    assert {c.alignment.textRotation for c in header[3:-1]} == {255} and header[-1].value == "其他单位"
    assert {sheet.column_dimensions[c.column_letter].width for c in header[3:-1]} == {4.5}
    assert sheet.row_dimensions[3].height >= 15 * len("旬邑县人力资源和社会保障局")
    assert sheet.freeze_panes == "D4"  # task columns stay in view while scrolling across units
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    # the title is wider than this narrow table: it spans the table and wraps, instead of being cut at the page edge
    last = header[-1].column_letter
    assert sorted(str(r) for r in sheet.merged_cells.ranges) == [f"A1:{last}1", f"A2:{last}2"] and sheet["A1"].alignment.wrap_text
    assert sheet.row_dimensions[1].height >= 2 * 15


def test_matrix_is_one_sheet_per_document_with_its_own_units_unless_combined() -> None:
    from openpyxl import load_workbook

    specs = load_specs_for_render([SMALL, XUNYI], validate=True)
    book = load_workbook(io.BytesIO(render(specs, RenderRequest("matrix", "xlsx", today=TODAY))))  # type: ignore[arg-type]
    assert [s.title for s in book.worksheets] == ["某县稳就业工作任务分解方案", "旬邑县巩固拓展脱贫攻坚成果同乡村振兴有效衔接“十大提升行动”实"]
    small_units = [c.value for c in book.worksheets[0][3]][3:]
    assert small_units == ["某县人力资源和社会保障局", "县农业农村局", "县财政局", "各镇"]  # no unit of the other document
    from govplan.render.context import ContextOptions

    combined = render(specs, RenderRequest("matrix", "xlsx", today=TODAY, options=ContextOptions(combined=True)))
    (sheet,) = load_workbook(io.BytesIO(combined)).worksheets  # type: ignore[arg-type]
    assert [c.value for c in sheet[3]][:4] == ["序号", "文件", "重点任务", "任务"]


def test_matrix_columns_are_units_and_fragments_are_kept_aside(tmp_path: Path) -> None:
    path = _grid_spec(tmp_path, "n2", "某县方案", [{"name": "县财政局"}, {"name": "人民政府"}, {"name": "属各单位"}, {"name": "领导小组"}])
    md = render(load_specs_for_render([path], validate=False), RenderRequest("matrix", "md", today=TODAY))
    header = next(line for line in md.splitlines() if line.startswith("| 序号"))  # type: ignore[union-attr]
    assert header == "| 序号 | 重点任务 | 任务 | 县财政局 | 其他单位 |"
    assert "| ● | 人民政府、属各单位、领导小组 |" in md


def test_a_unit_written_short_by_hand_is_one_unit_with_its_registry_name(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = _grid_spec(tmp_path, "n2", "某市方案", [{"name": "市发展和改革委员会", "canonical": "市发展和改革委员会"}, {"name": "市发改委"}])
    specs = load_specs_for_render([path], validate=False)
    book = load_workbook(io.BytesIO(render(specs, RenderRequest("checklist", "xlsx", today=TODAY))))  # type: ignore[arg-type]
    assert [s.title for s in book.worksheets] == ["市发展和改革委员会"]


def test_docx_matrix_sets_unit_names_vertically() -> None:
    from docx import Document

    doc = Document(io.BytesIO(_render("matrix", "docx", SMALL)))  # type: ignore[arg-type]
    header = doc.tables[0]._tbl.findall(f"{W}tr")[0].findall(f"{W}tc")
    directions = [tc.find(f"{W}tcPr/{W}textDirection") for tc in header]
    assert [d is not None and d.get(f"{W}val") == "tbRlV" for d in directions] == [False] * 3 + [True] * 4


def _python_docx_table(document, grid, total: int):
    """The table as python-docx's own API writes it (the writer's former code): the oracle for its
    direct XML rows."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Twips

    from govplan.render import docx_writer as w
    from govplan.render.docx_style import TABLE_HEADER, TABLE_TEXT
    from govplan.render.reference_doc import set_run_fonts

    widths = w.column_twips(grid.columns, total)
    table = document.add_table(rows=len(grid.rows) + 1, cols=len(grid.columns))
    table._tbl.tblStyle_val = w.style_id(table.part, w.TABLE_STYLE, WD_STYLE_TYPE.TABLE)
    w._set_table_width(table, widths)
    w._set_cell_margins(table)
    merged = w._continuations(grid)
    for r, row in enumerate(table.rows):
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:cantSplit"))
        if r == 0:
            tr_pr.append(OxmlElement("w:tblHeader"))
        for c, cell in enumerate(row.cells):
            cell.width = Twips(widths[c])
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            column = grid.columns[c]
            start = None if r == 0 else merged.get((r - 1, c))
            if start is not None:
                cell._tc.vMerge = "restart" if start else "continue"
            if start is False:
                continue
            style = TABLE_HEADER if r == 0 else TABLE_TEXT
            text = column.label if r == 0 else grid.rows[r - 1].cells[c]
            for i, line in enumerate(text.split("\n")):
                paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
                w.set_paragraph_style(paragraph, style.name)
                if line:
                    set_run_fonts(paragraph.add_run(line)._r.get_or_add_rPr(), style.font)
                if column.align == "center" or r == 0:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if r == 0 and column.vertical:
                direction = OxmlElement("w:textDirection")
                direction.set(qn("w:val"), "tbRlV")
                cell._tc.get_or_add_tcPr().append(direction)
    return table


def test_docx_rows_are_the_xml_python_docx_writes() -> None:
    """The writer builds table rows as XML directly; they match python-docx's own API on awkward
    cells: tabs, carriage returns, blank lines, edge spaces, empty cells, merges, vertical headers."""
    from lxml import etree

    from govplan.render.docx_writer import add_grid_table, open_reference
    from govplan.render.grids import Column, Grid, GridRow

    columns = [Column("序号", 3, align="center"), Column("重点任务", 10, merge=True), Column("具体\n措施", 30),
               Column("县财政局", 2.5, align="center", vertical=True)]
    rows = [GridRow(["1", "一、任务", "甲\t乙\r丙", "●"], keys={1: "a"}),
            GridRow(["2", "一、任务", " 前后有空格 \n\n第三行", ""], keys={1: "a"}),
            GridRow(["3", "二、任务", "", "○"], keys={1: "b"}),
            GridRow(["4", "", "a & <b>", "●"], keys={})]
    grid = Grid("x", "标题", "", columns, rows)
    ours, theirs = open_reference(None), open_reference(None)
    mine = add_grid_table(ours, grid, 14000)._tbl
    oracle = _python_docx_table(theirs, grid, 14000)._tbl
    assert etree.tostring(mine) == etree.tostring(oracle)
