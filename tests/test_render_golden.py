"""Markdown and HTML renderings of the seed-002 fixture against golden files, and the HTML read back.

Regenerate the golden files after an intended change with GOVPLAN_UPDATE_GOLDEN=1, then review the diff.
"""

from __future__ import annotations

import datetime as dt
import os
from html.parser import HTMLParser
from pathlib import Path

import pytest

from govplan.render.loading import load_specs_for_render
from govplan.render.views import RenderRequest, render

FIXTURES = Path(__file__).parent / "fixtures" / "render"
GOLDEN = FIXTURES / "golden"
XUNYI = FIXTURES / "xunyi_ten_actions.yaml"
TODAY = dt.date(2024, 7, 1)


def _render(view: str, fmt: str, path: Path = XUNYI, **options: object) -> str:
    result = render(load_specs_for_render([path], validate=True), RenderRequest(view, fmt, today=TODAY, **options))  # type: ignore[arg-type]
    assert isinstance(result, str)
    return result


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("view", ["tasktable", "matrix", "checklist"])
def test_rendering_matches_the_golden_file(view: str, fmt: str) -> None:
    golden = GOLDEN / f"xunyi.{view}.{fmt}"
    text = _render(view, fmt)
    if os.environ.get("GOVPLAN_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


class TableReader(HTMLParser):
    """Rows of <td>/<th> texts with their rowspans, from every table of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[tuple[str, int]]] = []
        self._cell: list[str] | None = None
        self._span = 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell, self._span = [], int(dict(attrs).get("rowspan") or 1)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(("".join(self._cell).strip(), self._span))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _html_rows(html: str) -> list[list[tuple[str, int]]]:
    reader = TableReader()
    reader.feed(html)
    return reader.rows


def test_html_task_table_merges_parents_with_rowspan() -> None:
    rows = _html_rows(_render("tasktable", "html"))
    assert [text for text, _ in rows[0]] == ["序号", "重点任务", "具体措施", "牵头单位", "责任单位/配合单位", "完成时限", "目标指标"]
    assert rows[1][1] == ("(一)开展防返贫监测帮扶提升行动", 5)  # 一、总体要求 frames the plan: no row
    assert len(rows[2]) == 6  # covered by the rowspan above
    jobs = next(r for r in rows if r[1][0].startswith("2.精准核实务工信息") or r[2][0].startswith("2.精准核实务工信息"))
    assert ("每月25日前", 1) in jobs and ("旬邑县人力资源和社会保障局", 1) in jobs


def test_html_matrix_shows_marks_per_unit() -> None:
    rows = _html_rows(_render("matrix", "html"))
    header = [text for text, _ in rows[0]]
    units = header[3:]
    assert units[0] == "旬邑县乡村振兴局"
    monitoring = next(r for r in rows if any(text == "3.定期调度分析研判" for text, _ in r))
    assert monitoring[-len(units):][0] == ("●", 1)
    assert rows[-1][0][0] == "牵头任务数"


def test_html_escapes_spec_text(tmp_path: Path) -> None:
    source = (FIXTURES / "small_tree.yaml").read_text(encoding="utf-8")
    hostile = tmp_path / "hostile.yaml"
    hostile.write_text(source.replace("兜底安置就业困难人员。开发", "兜底安置<script>alert(1)</script>。开发"), encoding="utf-8")
    html = _render("tasktable", "html", hostile)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_markdown_cells_escape_pipes_and_line_breaks(tmp_path: Path) -> None:
    source = (FIXTURES / "small_tree.yaml").read_text(encoding="utf-8")
    piped = tmp_path / "piped.yaml"
    piped.write_text(source.replace("开发公益性岗位", "开发公益性岗位|护林员"), encoding="utf-8")
    md = _render("tasktable", "md", piped, depth=1)
    row = next(line for line in md.splitlines() if line.startswith("| 1 |"))
    assert "公益性岗位\\|护林员" in row and "<br>（一）促进高校毕业生就业。" in row
    assert row.count(" | ") == 6


def test_a_user_template_gets_the_documented_context(tmp_path: Path) -> None:
    template = tmp_path / "brief.md.j2"
    template.write_text(
        "{{ document.doc_number }}|{{ units[0].name }}|{{ today }}\n"
        "{% for t in tasks if t.lead %}{{ t.seq }} {{ t.label }} {{ t.lead|join('、') }} {{ deadlines_text(t.deadlines) }}\n{% endfor %}"
        "{{ cn_date(document.date) }}|{{ legend['●'] }}",
        encoding="utf-8",
    )
    text = _render("tasktable", "md", FIXTURES / "small_tree.yaml", template=template)
    lines = text.splitlines()
    assert lines[0] == "某政办发〔2024〕8号|某县人力资源和社会保障局|2024-07-01"
    assert lines[2] == "2 （二）促进农民工就业 县农业农村局 每月25日前"
    assert lines[-1] == "2024年2月1日|牵头单位"


def test_a_typo_in_a_user_template_is_reported_with_the_file(tmp_path: Path) -> None:
    from govplan.errors import GovplanError

    template = tmp_path / "typo.md.j2"
    template.write_text("{{ taskz }}", encoding="utf-8")
    with pytest.raises(GovplanError, match="typo.md.j2"):
        _render("tasktable", "md", FIXTURES / "small_tree.yaml", template=template)
