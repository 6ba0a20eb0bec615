"""scripts/unit_shapes.py: the kinds, lengths and places it counts unit names by (crafted lines, no corpus text)."""

from __future__ import annotations

import pytest

from tests.script_modules import load_script

unit_shapes = load_script("unit_shapes")


@pytest.mark.parametrize(("name", "kind"), [
    ("市交通运输局", "department"), ("县人民政府", "government"), ("各乡镇", "collective"), ("有关部门", "collective"),
    ("市供电公司", "enterprise or association"), ("分管副市长", "person or post"), ("创建工作领导小组办公室", "group"),
    ("罗店镇", "place alone"), ("业委会", "collective"), ("业主大会", "other"),
])
def test_name_kind_follows_the_word_classes_of_units_yaml(name: str, kind: str) -> None:
    assert unit_shapes.name_kind(name) == kind


@pytest.mark.parametrize(("row", "name", "place"), [
    ("牵头单位：市财政局；配合单位：市税务局", "市税务局", "after role label"),
    ("加强资金监管（市财政局负责）", "市财政局", "in brackets"),
    ("1 | 加强资金监管 | 市财政局 | 2024年底", "市财政局", "table cell"),
    ("市财政局、市税务局按职责分工负责", "市税务局", "in a 、 list"),
    ("（三）加强监管。市财政局要加强资金监管", "市财政局", "clause start"),
    ("组织市财政局开展检查", "市财政局", "inside a sentence"),
    ("罗店镇", "罗店镇", "alone on its line"),
])
def test_name_place_reads_where_a_name_stands_in_its_line(row: str, name: str, place: str) -> None:
    at = row.find(name)
    assert unit_shapes.name_place(row, at, at + len(name)) == place


@pytest.mark.parametrize(("name", "alone"), [
    ("县融媒体中心", "registered"), ("上海理工大学", "shaped like a unit"), ("北京建工", "not a unit alone"),
])
def test_recognised_alone_asks_the_registry_then_the_name_engine(name: str, alone: str) -> None:
    assert unit_shapes.recognised_alone(name) == alone


@pytest.mark.parametrize(("row", "name", "after"), [
    ("市财政局要加强资金监管", "市财政局", "word of duty"),
    ("市财政局牵头，市税务局配合", "市财政局", "role word"),
    ("市财政局、市税务局按职责分工负责", "市财政局", "mark 、"),
    ("组织市财政局开展检查", "市财政局", "other word"),
    ("牵头单位：市财政局", "市财政局", "end of line"),
])
def test_word_after_classes_what_follows_a_name(row: str, name: str, after: str) -> None:
    assert unit_shapes.word_after(row, row.find(name) + len(name)) == after


@pytest.mark.parametrize(("row", "name", "before"), [
    ("市财政局要加强资金监管", "市财政局", "start of line"),
    ("（市教育局牵头，会同市财政局）", "市财政局", "partner word"),
    ("由市财政局负责", "市财政局", "由"),
    ("配合市财政局做好审核", "市财政局", "role word"),
    ("责任单位：市财政局", "市财政局", "mark ："),
    ("组织市财政局开展检查", "市财政局", "other word"),
])
def test_word_before_classes_what_precedes_a_name(row: str, name: str, before: str) -> None:
    assert unit_shapes.word_before(row, row.find(name)) == before


def test_length_buckets() -> None:
    assert [unit_shapes.length_bucket("x" * n) for n in (2, 3, 6, 9, 14, 15)] == ["1-2", "3-4", "5-6", "7-9", "10-14", "15+"]


def test_unit_misses_keep_name_causes_and_distinct_names_count_an_inherited_name_once() -> None:
    from govplan.evaluate import DocumentScore, Miss

    score = DocumentScore("x.yaml", misses=[Miss("lead_units", "missed", 3, "市财政局", "一.(一)", cause="name not found"),
                                            Miss("lead_units", "missed", 4, "市财政局", "一.(二)", cause="name not found"),
                                            Miss("lead_units", "missed", 5, "市税务局", "一.(三)", cause="task missed"),
                                            Miss("support_units", "spurious", 5, "市税务", "一.(三)", cause="name boundary")])
    assert len(unit_shapes.unit_misses([score])) == 3
    assert unit_shapes.distinct_names([score]) == {("lead_units", "missed"): 1, ("support_units", "spurious"): 1}
