"""Rendering context: analysts' deadline wording, unit inheritance, row depth, unit order, checklists, loading."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from govplan.errors import GovplanError
from govplan.render.context import build_context
from govplan.render.dates import deadline_text, rhythm_text
from govplan.render.loading import SpecValidationError, load_specs_for_render
from govplan.spec.model import Deadline, Recurrence, Span

FIXTURES = Path(__file__).parent / "fixtures" / "render"
SMALL = FIXTURES / "small_tree.yaml"
XUNYI = FIXTURES / "xunyi_ten_actions.yaml"
TODAY = dt.date(2024, 4, 1)


def _deadline(**fields: object) -> Deadline:
    return Deadline(text=str(fields.pop("text", "原文")), span=Span(start=0, end=2), **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"kind": "by", "due": dt.date(2024, 10, 31)}, "2024年10月底前"),
        ({"kind": "by", "due": dt.date(2024, 4, 3)}, "2024年4月3日前"),
        ({"kind": "on", "due": dt.date(2024, 6, 30)}, "2024年6月底"),
        ({"kind": "period", "start": dt.date(2024, 4, 1), "due": dt.date(2024, 4, 30)}, "2024年4月"),
        ({"kind": "period", "start": dt.date(2024, 4, 4), "due": dt.date(2024, 10, 31)}, "2024年4月4日至10月底"),
        ({"kind": "period", "start": dt.date(2024, 11, 1), "due": dt.date(2025, 3, 31)}, "2024年11月1日至2025年3月底"),
        ({"kind": "recurring", "recurrence": Recurrence(freq="monthly", day=25)}, "每月25日前"),
        ({"kind": "recurring", "recurrence": Recurrence(freq="monthly", part="late")}, "每月下旬"),
        ({"kind": "recurring", "recurrence": Recurrence(freq="yearly", month=3, part="end")}, "每年3月底前"),
        ({"kind": "recurring", "recurrence": Recurrence(freq="quarterly", part="end")}, "每季度末前"),
        ({"kind": "relative", "within_days": 15}, "15日内"),
        ({"kind": "by", "text": "七一前", "named_day": "七一"}, "七一前"),
        ({"kind": "by", "text": "年底前", "unresolved": "no year"}, "年底前"),
    ],
)
def test_deadlines_are_written_as_analysts_write_them(fields: dict, expected: str) -> None:
    assert deadline_text(_deadline(**fields)) == expected


def test_a_rhythm_that_cannot_be_written_plainly_falls_back_to_the_verbatim_text() -> None:
    rec = Recurrence(freq="quarterly", day=10)
    assert rhythm_text(rec) is None
    assert deadline_text(_deadline(kind="recurring", recurrence=rec, text="每季度首月10日前")) == "每季度首月10日前"


def _context(view: str = "tasktable", depth: int | None = None, unit: str | None = None, path: Path = SMALL):
    return build_context(load_specs_for_render([path], validate=True), view, depth, unit, TODAY)  # type: ignore[arg-type]


def test_units_inherit_down_the_tree_and_a_child_overrides_only_its_own_role() -> None:
    rows = {row.id: row for row in _context().tasks}
    assert rows["一.(一)"].lead == ["某县人力资源和社会保障局"]  # canonical name where the registry knows it
    assert rows["一.(一)"].partners == ["县财政局"]
    assert rows["一.(二)"].lead == ["县农业农村局"]
    assert rows["一.(二)"].partners == ["县财政局"]
    assert rows["一.(三)"].lead == ["某县人力资源和社会保障局"]
    assert rows["二"].partners == ["各镇"]


def test_leaves_are_rows_by_default_and_depth_folds_children_into_their_parent() -> None:
    leaves = _context().tasks
    assert [r.id for r in leaves] == ["一.(一)", "一.(二)", "一.(三)", "二"]
    assert [r.seq for r in leaves] == [1, 2, 3, 4]
    assert [r.group_size for r in leaves] == [3, 0, 0, 1]
    assert leaves[0].group == "一、稳定重点群体就业"

    folded = _context(depth=1).tasks
    assert [r.id for r in folded] == ["一", "二"]
    first = folded[0]
    assert "（二）促进农民工就业。" in first.measures
    assert first.lead == ["某县人力资源和社会保障局", "县农业农村局"]
    assert first.deadline_text == "2024年6月底前；每月25日前"
    assert first.target_text == "吸纳就业不少于500人"


def test_units_are_ordered_by_how_many_tasks_they_lead() -> None:
    units = _context(view="matrix").units
    assert [(u.name, u.lead_count, u.partner_count) for u in units] == [
        ("某县人力资源和社会保障局", 2, 0),
        ("县农业农村局", 1, 0),
        ("县财政局", 0, 3),
        ("各镇", 0, 1),
    ]


def test_matrix_marks_lead_and_other_parts() -> None:
    rows = {row.id: row for row in _context(view="matrix").tasks}
    assert rows["一.(二)"].mark("县农业农村局") == "●"
    assert rows["一.(二)"].mark("县财政局") == "○"
    assert rows["一.(二)"].mark("各镇") == ""


def test_checklist_sorts_by_date_lists_rhythms_once_and_flags_overdue_items() -> None:
    sections = {s.unit: s for s in _context(view="checklist").sections}
    towns = sections["各镇"]
    assert [i.task.id for i in towns.dated] == ["二"]
    assert towns.dated[0].overdue_text == "2024年3月15日前"  # due before --today
    assert towns.overdue_count == 1
    finance = sections["县财政局"]
    assert [i.task.id for i in finance.dated] == ["一.(一)"]
    assert not finance.dated[0].overdue
    assert [(i.task.id, i.rhythm) for i in finance.recurring] == [("一.(二)", "每月25日前")]
    assert [i.task.id for i in finance.undated] == ["一.(三)"]
    assert finance.items[0].role_label == "配合"


def test_unit_option_accepts_the_written_name_and_narrows_the_rows() -> None:
    ctx = _context(view="checklist", unit="县人社局")
    assert ctx.unit == "某县人力资源和社会保障局"
    assert [r.id for r in ctx.tasks] == ["一.(一)", "一.(三)"]
    assert [s.unit for s in ctx.sections] == ["某县人力资源和社会保障局"]
    assert ctx.title == "某县人力资源和社会保障局责任清单"


def test_an_unknown_unit_is_an_error_listing_the_known_ones() -> None:
    with pytest.raises(GovplanError, match="县财政局"):
        _context(unit="县教育局")


def test_matrix_spans_several_specs() -> None:
    specs = load_specs_for_render([SMALL, XUNYI], validate=True)
    ctx = build_context(specs, "matrix", None, None, TODAY)
    assert len(ctx.documents) == 2 and ctx.document is None
    assert {r.document.index for r in ctx.tasks} == {0, 1}
    names = [u.name for u in ctx.units]
    assert names[0] == "旬邑县乡村振兴局"  # leads the most tasks across both documents
    assert "县农业农村局" in names
    assert [t.document.label for t in ctx.tables] == ["某县稳就业工作任务分解方案", ctx.tables[1].document.title]


def test_directories_are_searched_for_spec_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.yaml").write_text(SMALL.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("不是规格", encoding="utf-8")
    loaded = load_specs_for_render([tmp_path], validate=True)
    assert [p.path.name for p in loaded] == ["a.yaml"]


def test_a_validated_spec_is_read_once_and_rendered_as_validated(monkeypatch: pytest.MonkeyPatch) -> None:
    from govplan.render import loading

    (unvalidated,) = load_specs_for_render([SMALL], validate=False)
    monkeypatch.setattr(loading, "_read_text", lambda path: pytest.fail(f"{path} read a second time"))
    (validated,) = load_specs_for_render([SMALL], validate=True)  # the validator's read is the only one
    assert validated.spec == unvalidated.spec and validated.warnings == unvalidated.warnings == []


def _broken_copy(tmp_path: Path) -> Path:
    """The small spec with one impossible date in 一.(一)'s deadline."""
    text = SMALL.read_text(encoding="utf-8").replace("due: '2024-06-30'", "due: '2024-06-31'")
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_spec_that_fails_validation_stops_rendering_with_its_errors(tmp_path: Path) -> None:
    path = _broken_copy(tmp_path)
    with pytest.raises(SpecValidationError) as info:
        load_specs_for_render([path], validate=True)
    message = info.value.message
    assert str(path) in message
    assert "tasks[0].children[0].deadlines[0].due" in message


def test_without_validation_the_failing_item_is_skipped_with_a_warning(tmp_path: Path) -> None:
    (loaded,) = load_specs_for_render([_broken_copy(tmp_path)], validate=False)
    first = loaded.spec.tasks[0].children[0]
    assert first.deadlines == [] and first.targets  # only the bad deadline went
    assert len(loaded.warnings) == 1 and "tasks[0].children[0].deadlines[0]" in loaded.warnings[0]


def test_a_yaml_syntax_error_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("tasks: [\n", encoding="utf-8")
    with pytest.raises(SpecValidationError, match="bad.yaml"):
        load_specs_for_render([path], validate=False)
