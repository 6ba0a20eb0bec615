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


def test_docx_cells_hold_the_task_table(document) -> None:
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == TASKTABLE_HEADER
    rows = {r.cells[2].text.split("。")[0]: [c.text for c in r.cells] for r in table.rows[1:]}
    housing = rows["强化住房安全保障"]
    assert housing[3] == ""
    assert housing[4] == "各镇(街道)"
    assert housing[5] == "2024年10月底前；2024年11月底前；每月"
    assert housing[6] == "60户危改户"
    jobs = rows["精准核实务工信息"]
    assert jobs[3] == "旬邑县人力资源和社会保障局"
    assert jobs[4] == "旬邑县乡村振兴局、各镇(街道)"
    assert jobs[5] == "每月25日前"
    assert len(table.rows) == 1 + 45  # 一, the 38 measures of 二, and the three stages and requirements


def test_docx_parent_tasks_are_vertically_merged(document) -> None:
    table = document.tables[0]
    trs = table._tbl.findall(f"{W}tr")
    merges = []
    for tr in trs[1:]:
        tc = tr.findall(f"{W}tc")[1]
        v = tc.find(f"{W}tcPr/{W}vMerge")
        merges.append(None if v is None else v.get(f"{W}val", "continue"))  # continue is the default value
    # 一、总体要求 stands alone; (一) spans its five measures
    assert merges[:7] == [None, "restart", "continue", "continue", "continue", "continue", "restart"]
    assert table.cell(2, 1).text == "(一)开展防返贫监测帮扶提升行动"
    assert table.cell(6, 1).text == "(一)开展防返贫监测帮扶提升行动"  # python-docx resolves the merge
    assert "".join(t.text or "" for t in trs[3].findall(f"{W}tc")[1].iter(f"{W}t")) == ""


def test_docx_header_row_repeats_on_every_page(document) -> None:
    trs = document.tables[0]._tbl.findall(f"{W}tr")
    assert trs[0].find(f"{W}trPr/{W}tblHeader") is not None
    assert all(tr.find(f"{W}trPr/{W}tblHeader") is None for tr in trs[1:])


def test_docx_is_a4_landscape_with_every_width_set(document) -> None:
    from docx.enum.section import WD_ORIENT

    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    usable = round((section.page_width - section.left_margin - section.right_margin) / 635)
    tbl = document.tables[0]._tbl
    tbl_w = tbl.tblPr.find(f"{W}tblW")
    assert (tbl_w.get(f"{W}type"), int(tbl_w.get(f"{W}w"))) == ("dxa", usable)
    assert tbl.tblPr.find(f"{W}tblLayout").get(f"{W}type") == "fixed"
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
    row = [c.value for c in sheet[4 + 9]]  # 10th task: 强化住房安全保障
    assert row[0] == "10" and row[4] == "各镇(街道)" and row[5] == "2024年10月底前；2024年11月底前；每月"
    assert row[7] is None and row[8] is None
    assert all(c.alignment.wrap_text for c in sheet[4 + 9])
    assert not sheet.merged_cells.ranges


def test_xlsx_column_widths_count_chinese_characters_twice(ledger) -> None:
    sheet = ledger.worksheets[0]
    widths = {c.value: sheet.column_dimensions[c.column_letter].width for c in sheet[3]}
    assert widths["序号"] == 6
    assert widths["牵头单位"] == 2 * len("旬邑县人力资源和社会保障局") + 2
    assert widths["具体措施"] == 60  # long text is capped and wraps


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
    assert rows[4] == ["4", "二、强化工作保障", "强化工作保障。各镇3月15日前报送方案，每季度末前报送进展。", "", "各镇", "2024年3月15日前；每季度末前", ""]


def test_csv_of_several_checklists_names_each_unit() -> None:
    rows = list(csv.reader(io.StringIO(_render("checklist", "csv", SMALL).lstrip("\ufeff"))))  # type: ignore[union-attr]
    assert rows[0][0] == "分表"
    assert {r[0] for r in rows[1:]} == {"某县人力资源和社会保障局", "县农业农村局", "县财政局", "各镇"}
