"""Semantic rules: each fires on a spec built to break it, at the exact place, and stays quiet
on the valid spec and on the nearest legitimate case."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Callable

import pytest

from govplan.spec.io import dump_yaml, load_spec_text
from govplan.spec.model import Spec, UnitRef, Span
from govplan.validate.check import check_text
from govplan.validate.findings import CODES
from govplan.validate.rules import RuleContext, id_segment

FIXTURES = Path(__file__).parent / "fixtures" / "validate"
DOCS = Path(__file__).parent.parent / "docs" / "validation.md"


def base() -> Spec:
    return load_spec_text((FIXTURES / "valid.yaml").read_text(encoding="utf-8"))


def findings(spec: Spec, source_dir: Path | None = None) -> tuple[str, list[tuple[str, int, int]]]:
    text = dump_yaml(spec)
    found = check_text(text, "t.yaml", RuleContext(source_dir=source_dir))
    return text, [(f.code, f.line, f.column) for f in found]


def place(text: str, needle: str, nth: int = 1) -> tuple[int, int]:
    """(line, column) of the value in the nth line containing ``needle`` (a `key: value` line)."""
    hits = [(n, line) for n, line in enumerate(text.split("\n"), start=1) if needle in line]
    number, line = hits[nth - 1]
    key_col = line.index(needle.split(":")[0]) + 1
    value_col = line.index(": ", key_col - 1) + 3 if ": " in needle else key_col
    return number, value_col


def test_valid_spec_is_quiet() -> None:
    assert findings(base())[1] == []


def edit(change: Callable[[Spec], None]) -> Spec:
    spec = base()
    change(spec)
    return spec


def _duplicate(spec: Spec) -> None:
    second = spec.tasks[0].children[1]
    second.id, second.number = "一.(一)", "（一）"


def _wrong_number(spec: Spec) -> None:
    spec.tasks[0].children[1].id = "一.(三)"


def _wrong_parent(spec: Spec) -> None:
    spec.tasks[1].children[0].id = "一.1"


def _before_issue(spec: Spec) -> None:
    deadline = spec.tasks[0].deadlines[0]
    deadline.due, deadline.year_from = dt.date(2024, 3, 1), "issue_date"


def _manual_before_issue(spec: Spec) -> None:
    deadline = spec.tasks[0].deadlines[0]
    deadline.due, deadline.origin = dt.date(2024, 3, 1), "manual"


def _decimal_under_another_parent(spec: Spec) -> None:
    node = spec.tasks[1].children[0]
    node.id, node.number, node.style = "二.2", "1.2", "decimal_2"


def _restart_not_numbered_on(spec: Spec) -> None:
    node = spec.tasks[0].children[1]
    node.id, node.number = "一.(五)", "（一）"


def _traditional_number_elsewhere(spec: Spec) -> None:
    spec.tasks[1].number, spec.tasks[1].style = "貳、", "capital"


def _dash_read_elsewhere(spec: Spec) -> None:
    spec.tasks[1].number = "十—、"  # read as 十一, so id 二 disagrees


def _after_plan(spec: Spec) -> None:
    spec.tasks[0].deadlines[0].due = dt.date(2029, 1, 31)


def _reversed(spec: Spec) -> None:
    spec.tasks[0].children[1].deadlines[0].start = dt.date(2024, 11, 4)


def _share_over_100(spec: Spec) -> None:
    spec.tasks[0].children[1].targets[0].value = 150


def _contradiction(spec: Spec) -> None:
    spec.tasks[0].children[0].targets[0].comparator = "<="


def _traditional_contradiction(spec: Spec) -> None:
    target = spec.tasks[0].children[1].targets[0]
    target.text, target.comparator = "控制在0.5%以內", ">="


def _no_lead(spec: Spec) -> None:
    spec.tasks[1].children[0].units[0].role = "support"


def _unknown_unit(spec: Spec) -> None:
    spec.tasks[0].children[0].units[0].canonical = "市神秘事务局"


@pytest.mark.parametrize(
    ("change", "code", "needle", "nth"),
    [
        (_duplicate, "GP101", "id: 一.(一)", 2),
        (_wrong_number, "GP102", "id: 一.(三)", 1),
        (_wrong_parent, "GP102", "id: 一.1", 1),
        (_before_issue, "GP103", "due: '2024-03-01'", 1),
        (_manual_before_issue, "GP103", "due: '2024-03-01'", 1),
        (_decimal_under_another_parent, "GP102", "id: 二.2", 1),
        (_restart_not_numbered_on, "GP102", "id: 一.(五)", 1),
        (_traditional_number_elsewhere, "GP102", "id: 二", 1),
        (_dash_read_elsewhere, "GP102", "id: 二", 1),
        (_traditional_contradiction, "GP107", "comparator: '>='", 2),
        (_after_plan, "GP104", "due: '2029-01-31'", 1),
        (_reversed, "GP105", "start: '2024-11-04'", 1),
        (_share_over_100, "GP106", "value: 150", 1),
        (_contradiction, "GP107", "comparator: <=", 1),
        (_no_lead, "GP108", "id: 二.1", 1),
        (_unknown_unit, "GP109", "canonical: 市神秘事务局", 1),
    ],
)
def test_rule_fires_at_the_offending_field(change: Callable[[Spec], None], code: str, needle: str, nth: int) -> None:
    text, found = findings(edit(change))
    assert found == [(code, *place(text, needle, nth))]


def _same_number_elsewhere(spec: Spec) -> None:
    spec.tasks[1].children[0].id = "二.(一)"
    spec.tasks[1].children[0].number = "(一)"
    spec.tasks[1].children[0].style = "cn_paren"


def _fullwidth_number(spec: Spec) -> None:
    spec.tasks[1].children[0].number = "１．"


def _dash_item(spec: Spec) -> None:
    node = spec.tasks[1].children[0]
    node.id, node.number, node.style = "二.—1", "——", "dash"


def _restarted_list(spec: Spec) -> None:
    spec.tasks[1].children[0].id = spec.tasks[1].children[0].id + "~2"


def _decimal_outline(spec: Spec) -> None:
    parent = spec.tasks[1].children[0]
    parent.id, parent.number = "二.1", "1"
    child = parent.model_copy(deep=True)
    child.id, child.number, child.style, child.level, child.children = "二.1.2", "1.2", "decimal_2", 3, []
    parent.children = [child]


def _leading_zero(spec: Spec) -> None:
    spec.tasks[1].children[0].number = "01"


def _traditional_number(spec: Spec) -> None:
    spec.tasks[1].id, spec.tasks[1].number, spec.tasks[1].style = "贰", "貳、", "capital"
    spec.tasks[1].children[0].id = "贰.1"


def _list_numbered_on(spec: Spec) -> None:
    spec.tasks[0].children[1].number = "（一）"  # 一.(二): the restarted list's first item, numbered on


def _ocr_misread_label(spec: Spec) -> None:
    spec.tasks[0].children[0].number = "（-）"  # a scan's (一) read as a dash: the extractor's grammar reads 一
    spec.tasks[1].number = "—、"


def _ocr_misread_label_numbered_on(spec: Spec) -> None:
    spec.tasks[0].children[1].number = "(-)"  # 一.(二): a restarted list's misread (一), numbered on


def _written_year_before_issue(spec: Spec) -> None:
    deadline = spec.tasks[0].deadlines[0]
    deadline.text, deadline.kind, deadline.due = "自2024年1月1日起施行", "on", dt.date(2024, 1, 1)


def _traditional_cue(spec: Spec) -> None:
    spec.tasks[0].children[1].targets[0].text = "不超過0.5%"


def _due_on_issue_day(spec: Spec) -> None:
    spec.tasks[0].deadlines[0].due = dt.date(2024, 3, 15)


def _due_within_grace(spec: Spec) -> None:
    spec.tasks[0].deadlines[0].due = dt.date(2028, 12, 31)


def _long_horizon_without_plan(spec: Spec) -> None:
    spec.metadata.title = "关于乡村振兴工作的通知"
    spec.tasks[0].deadlines[0].due = dt.date(2035, 12, 31)


def _one_day_period(spec: Spec) -> None:
    deadline = spec.tasks[0].children[1].deadlines[0]
    deadline.start = deadline.due


def _growth_over_100(spec: Spec) -> None:
    target = spec.tasks[0].children[1].targets[0]
    target.text, target.value, target.change, target.comparator = "增长150%", 150, "increase", "="


def _completion_over_100(spec: Spec) -> None:
    target = spec.tasks[0].children[0].targets[0]
    target.value, target.change = 120, None


def _strict_reading(spec: Spec) -> None:
    spec.tasks[0].children[0].targets[0].comparator = ">"


def _inherited_lead(spec: Spec) -> None:
    spec.tasks[1].units = [UnitRef(text="县人社局", span=Span(start=155, end=159), name="县人社局", role="lead")]
    spec.tasks[1].children[0].units[0].role = "support"


def _place_before_known_unit(spec: Spec) -> None:
    spec.tasks[0].children[0].units[0].canonical = "泰州市财政局"


@pytest.mark.parametrize(
    "change",
    [
        _same_number_elsewhere,
        _fullwidth_number,
        _dash_item,
        _restarted_list,
        _decimal_outline,
        _leading_zero,
        _traditional_number,
        _list_numbered_on,
        _ocr_misread_label,
        _ocr_misread_label_numbered_on,
        _written_year_before_issue,
        _traditional_cue,
        _due_on_issue_day,
        _due_within_grace,
        _long_horizon_without_plan,
        _one_day_period,
        _growth_over_100,
        _completion_over_100,
        _strict_reading,
        _inherited_lead,
        _place_before_known_unit,
    ],
)
def test_rule_stays_quiet_on_legitimate_specs(change: Callable[[Spec], None]) -> None:
    assert findings(edit(change))[1] == []


def test_spans_are_checked_against_the_source(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "notice.txt", tmp_path / "notice.txt")
    assert findings(base(), tmp_path)[1] == []
    spec = base()
    spec.tasks[0].units[0].span = Span(start=40, end=46)
    text, found = findings(spec, tmp_path)
    line, _ = place(text, "start: 40")
    column = text.split("\n")[line - 1].index("start") + 1
    assert found == [("GP110", line, column)]  # the span mapping starts at its first key


def test_changed_or_missing_source_is_a_warning(tmp_path: Path) -> None:
    text, found = findings(base(), tmp_path)
    assert found == [("GP111", *place(text, "file: notice.txt"))]
    (tmp_path / "notice.txt").write_text("改过的原文", encoding="utf-8")
    codes = {code for code, _, _ in findings(base(), tmp_path)[1]}
    assert codes == {"GP110", "GP111"}


@pytest.mark.parametrize(
    ("number", "segment"),
    [("一、", "一"), ("（一）", "(一)"), ("1.", "1"), ("1、", "1"), ("１．", "1"), ("（1）", "(1)"), ("①", "①"),
     ("第一条", "第一条"), ("一是", "一是"), ("第一，", "第一"), ("附件 1", "附件1"),
     ("01", "1"), ("10.", "10"), ("（01）", "(1)"), ("貳、", "贰"), ("參、", "叁"), ("第一條", "第一条")],
)
def test_id_segments_follow_the_gold_format_table(number: str, segment: str) -> None:
    assert id_segment(number) == segment


def test_every_code_is_documented() -> None:
    documented = DOCS.read_text(encoding="utf-8")
    assert [code for code in CODES if f"`{code}`" not in documented] == []


def test_traditional_folding_covers_every_comparator_word() -> None:
    """GP107 reads Traditional cues through validate.yaml's table: every comparator word must fold back."""
    import opencc

    from govplan.lexical.lexicon import data

    words = data("targets")
    cues = {word for section in ("comparators_before", "comparators_after") for listed in words[section].values() for word in listed}
    table = data("validate")["simplified"]
    for config in ("s2t", "s2tw", "s2hk"):
        converter = opencc.OpenCC(config)
        unfolded = {word for word in cues if "".join(table.get(c, c) for c in converter.convert(word)) != word}
        assert unfolded == set(), config


def _lead_on_the_parent(spec: Spec) -> None:
    child = spec.tasks[1].children[0]
    lead = child.units[0].model_copy()
    child.units[0].role = "support"
    spec.tasks[1].units = [*spec.tasks[1].units, lead]


def test_a_lead_on_an_ancestor_is_the_leaf_tasks_lead() -> None:
    """GP108 looks up the path: a leaf whose own units only support has its parent's lead."""
    text, found = findings(edit(_lead_on_the_parent))
    assert [code for code, *_ in found] == []
    _, found = findings(edit(_no_lead))
    assert [code for code, *_ in found] == ["GP108"]
