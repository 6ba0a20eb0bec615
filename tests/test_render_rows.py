"""Which tasks are rows and what a row's 具体措施 says: framing sections and the preamble left out,
numbers never doubled, unit and time lines not repeated, portal chrome never in a row."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from conftest import seed
from govplan.render.context import ContextOptions, build_context, build_rows
from govplan.render.loading import LoadedSpec, load_specs_for_render
from govplan.render.views import RenderRequest, render
from govplan.spec.model import Spec

TODAY = dt.date(2024, 7, 1)


def _node(id: str, number: str | None, title: str | None, text: str, level: int = 1, **items: object) -> dict:
    node = {"id": id, "number": number, "style": "unnumbered" if number is None else "cn_dun", "level": level,
            "title": title, "text": text, "line": 1, "span": {"start": 0, "end": len(text)}}
    node.update(items)
    return node


def _unit(name: str, role: str, canonical: str | None = None) -> dict:
    return {"text": name, "span": {"start": 0, "end": len(name)}, "name": name, "canonical": canonical, "role": role}


def _deadline(text: str, kind: str = "by", **fields: object) -> dict:
    return {"text": text, "span": {"start": 0, "end": len(text)}, "kind": kind, **fields}


def _spec(*tasks: dict, title: str | None = "某县实施方案") -> LoadedSpec:
    spec = Spec.model_validate({
        "source": {"file": "n2.txt", "sha256": "0" * 64, "format": "txt", "script": "simplified"},
        "metadata": {"title": title, "date": "2024-02-01"},
        "tasks": list(tasks),
    })
    return LoadedSpec(Path("n2.yaml"), spec)


FRAMED = _spec(
    _node("前言", None, None, "各镇、各部门：现将方案印发给你们。请于3月15日前报送落实情况。2024年工作要点如下。",
          deadlines=[_deadline("3月15日前", due="2024-03-15"), _deadline("2024年", due="2024-12-31")]),
    _node("一", "一、", "总体要求", "一、总体要求\n以习近平新时代中国特色社会主义思想为指导。", children=[
        _node("一.(一)", "(一)", "工作目标", "(一)工作目标。全年新增就业1000人。", level=2, deadlines=[_deadline("全年")]),
    ]),
    _node("二", "二、", "重点任务", "二、重点任务", children=[
        _node("二.1", "1.", "稳岗", "1. 稳岗。落实稳岗政策。(牵头单位：县人社局；数据提供单位：县统计局)", level=2,
              units=[_unit("县人社局", "lead")]),
        _node("二.2", "1.", "扩岗", "扩岗。开发公益岗位。\n责任单位：县财政局、各镇\n完成时限：2024年6月底前", level=2,
              units=[_unit("县财政局", "responsible"), _unit("各镇", "responsible")],
              deadlines=[_deadline("2024年6月底前", due="2024-06-30")]),
    ]),
    _node("三", "三、", "保障措施", "三、保障措施", children=[
        _node("三.(一)", "(一)", "加强组织领导", "(一)加强组织领导。各部门要高度重视。", level=2),
    ]),
    _node("四", "四、", "组织保障", "四、组织保障。县委组织部牵头建立考核机制。", units=[_unit("县委组织部", "lead")]),
)


def test_framing_sections_are_left_out_unless_a_unit_leads_in_them() -> None:
    ids = [row.id for row in build_rows([FRAMED], None)]
    assert ids == ["前言", "二.1", "二.2", "四"]  # 一、总体要求 and 三、保障措施 frame the plan; 四 has a lead
    assert [row.id for row in build_rows([FRAMED], None, all_sections=True)] == ["前言", "一.(一)", "二.1", "二.2", "三.(一)", "四"]


def test_the_preamble_is_a_row_only_for_a_limit_and_shows_only_its_sentences() -> None:
    (preamble, *_) = build_rows([FRAMED], None)
    assert preamble.measures == "请于3月15日前报送落实情况。"
    assert preamble.group == ""
    named_year_only = _spec(FRAMED.spec.tasks[0].model_copy(update={"deadlines": FRAMED.spec.tasks[0].deadlines[1:]}),
                            *FRAMED.spec.tasks[1:])
    assert "前言" not in [row.id for row in build_rows([named_year_only], None)]  # a year it names is no limit
    alone = _spec(_node("前言", None, None, "全文只有一段，没有编号。"))
    assert [row.measures for row in build_rows([alone], None)] == ["全文只有一段，没有编号。"]


def test_unit_and_time_lines_the_columns_show_are_not_repeated() -> None:
    rows = {row.id: row for row in build_rows([FRAMED], None)}
    # the lead is in its column; the 数据提供单位 the columns do not show stays
    assert rows["二.1"].measures == "1. 稳岗。落实稳岗政策。(数据提供单位：县统计局)"
    assert rows["二.2"].measures == "1.扩岗。开发公益岗位。"  # number as written, once; both label lines gone
    assert rows["二.2"].partners == ["县财政局", "各镇"] and rows["二.2"].deadline_text == "2024年6月底前"


def test_numbers_are_never_doubled_when_tasks_are_folded() -> None:
    (row,) = [r for r in build_rows([FRAMED], 1) if r.id == "二"]
    assert row.measures.splitlines()[:2] == ["二、重点任务", "1. 稳岗。落实稳岗政策。(数据提供单位：县统计局)"]
    assert "1.1." not in row.measures


def test_seed_002_folded_to_depth_two_keeps_each_number_once() -> None:
    (loaded,) = load_specs_for_render([Path(__file__).parent.parent / "specs" / "002_7ee8fce85c601369.yaml"], validate=True)
    rows = build_rows([loaded], 2)
    assert rows[0].measures.startswith("(一)开展防返贫监测帮扶提升行动\n1. 加强政策业务培训。")
    assert not any(line.startswith(("1.1.", "2.2.", "3.3.")) for row in rows for line in row.measures.splitlines())


def test_table_rows_show_their_task_cells_only() -> None:
    row = _node("一.1", "1", "推进重大项目建设", "1\t推进重大项目建设，全年完成投资50亿元\t县发改局\t县财政局\t2024年12月底前\t已完成40%",
                level=2, style="table_row", units=[_unit("县发改局", "lead"), _unit("县财政局", "support")],
                deadlines=[_deadline("2024年12月底前", due="2024-12-31")],
                progress=[{"text": "已完成40%", "span": {"start": 0, "end": 6}, "column": "进展情况"}])
    (task,) = build_rows([_spec(_node("一", "一、", "稳增长", "一、稳增长", children=[row]))], None)
    assert task.measures == "推进重大项目建设，全年完成投资50亿元"


def test_portal_chrome_never_reaches_the_last_row(run_cli, tmp_path: Path) -> None:
    """Seed 002 ends with 扫一扫在手机打开当前页 under the last item; the table ends with the task."""
    assert "扫一扫在手机打开当前页" in seed("002").read_text(encoding="utf-8")
    result = run_cli("extract", str(seed("002")), "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    (spec,) = tmp_path.glob("*.yaml")
    text = render(load_specs_for_render([spec], validate=True), RenderRequest("tasktable", "md", today=TODAY))
    assert "扫一扫" not in text and "手机" not in text.splitlines()[-1]


def test_a_document_without_a_title_is_not_titled_with_its_file_name() -> None:
    untitled = _spec(*FRAMED.spec.tasks, title=None)
    ctx = build_context([untitled], "tasktable", None, None, TODAY)
    assert ctx.title == "任务分解表"
    assert "n2" not in ctx.title
    titled = build_context([untitled], "tasktable", None, None, TODAY, ContextOptions(heading="2024年就业工作任务分解表"))
    assert titled.title == "2024年就业工作任务分解表"


def test_title_and_attachment_label_reach_every_format() -> None:
    from docx import Document
    from openpyxl import load_workbook

    options = ContextOptions(heading="就业任务分解表", attachment="附件1")
    request = RenderRequest("tasktable", "docx", today=TODAY, options=options)
    doc = Document(io.BytesIO(render([FRAMED], request)))  # type: ignore[arg-type]
    assert [(p.text, p.style.name) for p in doc.paragraphs[:2]] == [("附件1", "GovLabel"), ("就业任务分解表", "GovTitle")]
    sheet = load_workbook(io.BytesIO(render([FRAMED], RenderRequest("tasktable", "xlsx", today=TODAY, options=options)))).active  # type: ignore[arg-type]
    assert [sheet["A1"].value, sheet["A2"].value] == ["附件1", "就业任务分解表"]
    md = render([FRAMED], RenderRequest("tasktable", "md", today=TODAY, options=options))
    assert md.startswith("附件1\n\n# 就业任务分解表\n")  # type: ignore[union-attr]
    html = render([FRAMED], RenderRequest("tasktable", "html", today=TODAY, options=options))
    assert '<p class="attachment">附件1</p>\n<h1>就业任务分解表</h1>' in html  # type: ignore[operator]


def test_a_title_for_several_documents_is_refused() -> None:
    from govplan.errors import GovplanError

    with pytest.raises(GovplanError, match="--title"):
        render([FRAMED, FRAMED], RenderRequest("tasktable", "md", options=ContextOptions(heading="总表")))
