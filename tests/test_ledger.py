"""The 督办台账 round trip through the real CLI: export, fill in as a person would, import, report, re-extract."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from conftest import ROOT
from govplan.ledger.workbook import set_value
from govplan.merge import merge_specs, stamp
from govplan.pipeline import extract_text
from govplan.spec.io import load_spec_text
from govplan.spec.model import Spec

SPEC_002 = ROOT / "specs" / "002_7ee8fce85c601369.yaml"
NOTICE = """关于做好春季重点工作的通知
一、县人社局牵头，2024年3月底前完成务工人员摸底。
二、县财政局牵头，2024年5月底前拨付就业补助资金。
三、县教育局牵头，2024年7月10日前完成技能培训。
四、县民政局牵头，每月25日前报送救助进展。
五、县农业农村局牵头，2024年9月底前完成产业项目验收。
"""


def spec_of(path: Path) -> Spec:
    return load_spec_text(path.read_text(encoding="utf-8"))


def ledger_of(spec: Spec) -> dict[str, list]:
    return {node.id: node.ledger for node in spec.walk() if node.ledger}


def columns(sheet) -> dict[str, int]:
    """Header label -> column number of a ledger sheet (its header is row 3)."""
    return {cell.value: cell.column for cell in sheet[3] if cell.value}


def data_rows(sheet) -> list[list]:
    return [[cell.value for cell in row] for row in sheet.iter_rows(min_row=4, max_row=sheet.max_row)]


@pytest.fixture
def spec_002(tmp_path: Path) -> Path:
    copy = tmp_path / "specs" / SPEC_002.name
    copy.parent.mkdir()
    shutil.copy(SPEC_002, copy)
    return copy


def test_export_is_a_print_ready_ledger_tied_to_the_spec(run_cli, tmp_path: Path, spec_002: Path) -> None:
    out = tmp_path / "台账.xlsx"
    result = run_cli("ledger", "export", str(spec_002), "-o", str(out))
    assert result.returncode == 0, result.stderr
    book = load_workbook(out)
    sheet, manifest = book.worksheets
    assert manifest.title == "govplan" and manifest.sheet_state == "veryHidden"
    assert [c.value for c in manifest[2]][:2] == ["c0fdddf24f96", "specs/002_7ee8fce85c601369.yaml"]
    cols = columns(sheet)
    assert list(cols) == ["序号", "重点任务", "具体任务", "牵头单位", "配合单位", "完成时限", "目标指标",
                          "进展情况", "完成状态", "完成日期", "备注", "govplan-id"]
    id_letter = sheet.cell(row=3, column=cols["govplan-id"]).column_letter
    assert sheet.column_dimensions[id_letter].hidden
    rows = data_rows(sheet)
    ids = [row[cols["govplan-id"] - 1] for row in rows]
    # the task table's rows: 一、总体要求 frames the plan and is no task to follow up (govplan.render.rows)
    assert len(rows) == 44 and "c0fdddf24f96#二.(四).2" in ids and not any(i.endswith(("#前言", "#一")) for i in ids)
    task = rows[ids.index("c0fdddf24f96#二.(四).2")]
    assert task[cols["牵头单位"] - 1] == "县人力资源和社会保障局、县乡村振兴局" and task[cols["完成时限"] - 1] == "每月25日前"
    assert all(row[cols[label] - 1] is None for row in rows for label in ("进展情况", "完成状态", "完成日期", "备注"))
    (status,) = [v for v in sheet.data_validations.dataValidation if v.type == "list"]
    assert status.formula1 == '"未启动,推进中,已完成,滞后"' and str(status.sqref).startswith(f"{sheet.cell(row=4, column=cols['完成状态']).coordinate}:")
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.print_title_rows == "$3:$3"
    assert sheet.freeze_panes == "A4" and sheet.auto_filter.ref.startswith("A3:K")


def test_text_that_looks_like_a_formula_stays_text() -> None:
    book = Workbook()
    for row, value in enumerate(("=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tx", "县人社局"), start=1):
        set_value(book.active.cell(row=row, column=1), value)
    buf = io.BytesIO()
    book.save(buf)
    read = load_workbook(io.BytesIO(buf.getvalue())).active
    assert [(c.value, c.data_type) for (c,) in read.iter_rows()] == [
        ("=HYPERLINK(\"x\")", "s"), ("+1", "s"), ("-2", "s"), ("@SUM(A1)", "s"), ("\tx", "s"), ("县人社局", "s")]
    assert read["A1"].quotePrefix


def fill_as_a_person_would(path: Path) -> None:
    """Reorder the rows, fill some in, delete one, add a note row: what offices do to a ledger."""
    book = load_workbook(path)
    sheet = book.worksheets[0]
    cols = columns(sheet)
    rows = data_rows(sheet)
    rows.reverse()  # sorted another way
    for r, values in enumerate(rows, start=4):
        for c, value in enumerate(values, start=1):
            sheet.cell(row=r, column=c).value = value
    by_id = {sheet.cell(row=r, column=cols["govplan-id"]).value: r for r in range(4, sheet.max_row + 1)}

    def fill(task_id: str, **cells: object) -> None:
        for label, value in cells.items():
            sheet.cell(row=by_id[f"c0fdddf24f96#{task_id}"], column=cols[label]).value = value

    fill("二.(四).2", 进展情况="已建立实名制务工台账，每月25日前报送。", 完成状态="推进中")
    fill("二.(一).2", 进展情况="=完成排查", 完成状态="已完成", 完成日期=dt.datetime(2024, 5, 30))
    fill("二.(二).1", 完成状态="基本完成", 完成日期="6月底", 备注="待复核")
    fill("二.(三).1", 进展情况="这一行随后被删除")
    sheet.delete_rows(by_id["c0fdddf24f96#二.(三).1"])
    note_row = sheet.max_row + 2
    sheet.cell(row=note_row, column=2).value = "注：本表由县乡村振兴局汇总，联系人王某"
    book.save(path)


def test_round_trip_keeps_everything_a_person_wrote(run_cli, tmp_path: Path, spec_002: Path) -> None:
    workbook = tmp_path / "台账.xlsx"
    assert run_cli("ledger", "export", str(spec_002), "-o", str(workbook)).returncode == 0
    fill_as_a_person_would(workbook)

    result = run_cli("ledger", "import", str(workbook), "--date", "2024-06-01")
    assert result.returncode == 1, result.stderr  # one row could not be tied to a task
    assert "新增 3 条进展记录" in result.stderr
    assert "无法对应到任务" in result.stderr and "注：本表由县乡村振兴局汇总，联系人王某" in result.stderr
    assert "完成状态“基本完成”不在列表中" in result.stderr and "完成日期“6月底”无法识别" in result.stderr
    records = ledger_of(spec_of(spec_002))
    assert set(records) == {"二.(四).2", "二.(一).2", "二.(二).1"}
    (progress,) = records["二.(四).2"]
    assert (progress.date, progress.status, progress.text) == (dt.date(2024, 6, 1), "in_progress", "已建立实名制务工台账，每月25日前报送。")
    (done,) = records["二.(一).2"]
    assert (done.status, done.completed, done.text) == ("done", dt.date(2024, 5, 30), "=完成排查")
    (unread,) = records["二.(二).1"]
    assert (unread.status, unread.completed, unread.note) == (None, None, "完成日期：6月底；完成状态：基本完成；待复核")
    # extracted fields untouched: the file differs from the original only by the records
    assert spec_of(spec_002).model_dump(exclude={"tasks"}) == spec_of(SPEC_002).model_dump(exclude={"tasks"})
    assert [n.model_dump(exclude={"ledger", "children"}) for n in spec_of(spec_002).walk()] == [
        n.model_dump(exclude={"ledger", "children"}) for n in spec_of(SPEC_002).walk()]
    assert run_cli("validate", str(spec_002)).returncode == 0
    assert run_cli("fmt", "--check", str(spec_002)).returncode == 0

    again = run_cli("ledger", "import", str(workbook), "--date", "2024-06-02")
    assert "3 行与上次记录相同" in again.stderr and ledger_of(spec_of(spec_002)) == records

    # the next export carries the latest records, and extract --update keeps them
    second = tmp_path / "台账2.xlsx"
    assert run_cli("ledger", "export", str(spec_002), "-o", str(second)).returncode == 0
    sheet = load_workbook(second).worksheets[0]
    cols = columns(sheet)
    row = next(r for r in data_rows(sheet) if r[cols["govplan-id"] - 1] == "c0fdddf24f96#二.(一).2")
    assert (row[cols["完成状态"] - 1], row[cols["完成日期"] - 1]) == ("已完成", dt.datetime(2024, 5, 30))
    update = run_cli("extract", "corpus/seeds/002_7ee8fce85c601369.txt", "-o", str(spec_002.parent), "--update", cwd=ROOT)
    assert update.returncode == 0, update.stderr
    assert ledger_of(spec_of(spec_002)) == records


def test_records_survive_a_merge_whatever_the_extractor_does() -> None:
    notice = "关于做好春季工作的通知\n一、县人社局牵头，2024年3月底前完成摸底。\n二、县财政局牵头，2024年5月底前拨付资金。\n"
    (old,) = extract_text(notice)
    edited = stamp(old)
    record = {"date": "2024-06-01", "status": "behind", "text": "资金未到位"}
    for node in edited["tasks"]:
        node["ledger"] = [record]
    (changed,) = extract_text(notice.replace("拨付资金", "拨付就业补助资金").replace("二、县财政局牵头，", "二、县财政局牵头，\n"))
    merged = merge_specs(edited, changed)
    assert not merged.conflicts
    assert [(node["id"], node.get("ledger")) for node in merged.data["tasks"]] == [(i, [record]) for i in ("前言", "一", "二")]
    assert "就业补助资金" in merged.data["tasks"][2]["text"]  # the extractor's change is taken beside the records
    (gone,) = extract_text(notice.split("二、")[0])
    merged = merge_specs(edited, gone)
    assert [node["id"] for node in merged.data["tasks"] if node.get("ledger")] == ["前言", "一", "二"]  # 二 kept, not dropped


def test_report_lists_the_tasks_to_chase_by_unit(run_cli, tmp_path: Path) -> None:
    notice = tmp_path / "春季工作.txt"
    notice.write_text(NOTICE, encoding="utf-8")
    assert run_cli("extract", str(notice), "-o", str(tmp_path)).returncode == 0
    spec = tmp_path / "春季工作.yaml"
    workbook = tmp_path / "台账.xlsx"
    assert run_cli("ledger", "export", str(spec), "-o", str(workbook)).returncode == 0
    book = load_workbook(workbook)
    sheet = book.worksheets[0]
    cols = columns(sheet)
    marks = {"二": ("已完成", None), "三": ("滞后", "培训场地未落实"), "五": ("推进中", "已完成80%")}
    for r in range(4, sheet.max_row + 1):
        task_id = str(sheet.cell(row=r, column=cols["govplan-id"]).value).split("#")[1]
        if task_id in marks:
            sheet.cell(row=r, column=cols["完成状态"]).value, sheet.cell(row=r, column=cols["进展情况"]).value = marks[task_id]
    book.save(workbook)
    assert run_cli("ledger", "import", str(workbook), "--date", "2024-06-20").returncode == 0

    shown = run_cli("ledger", "report", str(spec), "--today", "2024-07-01", "--within", "30")
    assert shown.returncode == 0, shown.stderr
    out = shown.stdout
    assert "逾期1项，滞后1项，30天内到期1项" in out
    order = [out.index(name) for name in ("县人社局", "县教育局", "县民政局")]
    assert order == sorted(order) and "县财政局" not in out and "县农业农村局" not in out
    assert "逾期92天" in out and "已标为滞后" in out and "还有24天" in out and "培训场地未落实" in out

    for suffix in ("md", "docx", "xlsx"):
        target = tmp_path / f"督办报告.{suffix}"
        result = run_cli("ledger", "report", str(spec), "--today", "2024-07-01", "--unit", "县教育局", "-o", str(target))
        assert result.returncode == 0, result.stderr
    assert "| 县教育局 | 滞后 | 已标为滞后 |" in (tmp_path / "督办报告.md").read_text(encoding="utf-8")
    from docx import Document

    table = Document(str(tmp_path / "督办报告.docx")).tables[0]
    assert [cell.text for cell in table.rows[1].cells][:3] == ["县教育局", "滞后", "已标为滞后"]
    report_sheet = load_workbook(tmp_path / "督办报告.xlsx").active
    assert [c.value for c in report_sheet[4]][:3] == ["县教育局", "滞后", "已标为滞后"]

    english = run_cli("--lang", "en", "ledger", "report", str(spec), "--today", "not-a-date")
    assert english.returncode == 2 and "E001" in english.stderr and "--today needs a YYYY-MM-DD date" in english.stderr


def test_report_counts_a_rhythm_of_several_years_from_the_notice(run_cli, tmp_path: Path) -> None:
    """每两年 from a notice of 2023: due in June 2025, not in June 2024 (the year between is off)."""
    notice = tmp_path / "评估.txt"
    notice.write_text("关于开展评估工作的通知\n2023年3月1日\n一、县统计局牵头，每两年6月底前完成一次评估。\n", encoding="utf-8")
    assert run_cli("extract", str(notice), "-o", str(tmp_path)).returncode == 0
    spec = tmp_path / "评估.yaml"
    assert "interval: 2" in spec.read_text(encoding="utf-8")
    off_year = run_cli("ledger", "report", str(spec), "--today", "2024-06-10", "--within", "30")
    assert off_year.returncode == 0, off_year.stderr
    assert "30天内到期0项" in off_year.stdout
    due_year = run_cli("ledger", "report", str(spec), "--today", "2025-06-10", "--within", "30")
    assert "30天内到期1项" in due_year.stdout and "还有20天" in due_year.stdout


def test_import_errors_name_the_file(run_cli, tmp_path: Path) -> None:
    bogus = tmp_path / "台账.xlsx"
    bogus.write_bytes(b"not a workbook")
    result = run_cli("ledger", "import", str(bogus))
    assert result.returncode == 1 and str(bogus) in result.stderr and "Traceback" not in result.stderr
