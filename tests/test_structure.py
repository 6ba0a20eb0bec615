"""The heading tree of real seeds, checked against the documents by hand."""

from __future__ import annotations

from govplan.normalize import normalize
from govplan.spec.model import TaskNode
from govplan.structure.lines import Locator, split_lines
from govplan.structure.tree import TreeBuilder
from tests.conftest import seed


def parse(text: str) -> list[TaskNode]:
    normalized = normalize(text)
    return TreeBuilder(normalized.text, Locator(text, normalized.mapped)).build(split_lines(normalized.text))


def ids(nodes: list[TaskNode]) -> list[str]:
    return [n.id for root in nodes for n in root.walk()]


def test_seed_000_notice_items_and_attachments():
    tree = parse(seed("000").read_text(encoding="utf-8"))
    assert [n.id for n in tree] == ["1", "2", "3", "附件1", "附件2"]
    attachment = tree[3]
    assert attachment.title == "新风行动协调小组成员单位年度重点任务"
    assert [n.id for n in attachment.children] == [f"附件1.{n}" for n in "一二三四五六七八九十"] + ["附件1.十一"]
    assert [c.id for c in attachment.children[0].children] == ["附件1.一.1", "附件1.一.2", "附件1.一.3"]
    assert attachment.children[0].title == "泰州市农业农村局"
    # "(1)…。(2)…。(3)…" written in one table cell gives three siblings
    assert [c.id for c in tree[4].children[2].children] == ["附件2.3.(1)", "附件2.3.(2)", "附件2.3.(3)"]
    assert len(ids(tree)) == 31
    # the attachment list "附件：1.… 2.2020年度…" and the amount 1.6万座 are not headings
    assert not any("2020" in i for i in ids(tree))


def test_seed_002_four_levels():
    tree = parse(seed("002").read_text(encoding="utf-8"))
    assert [n.id for n in tree] == ["一", "二", "三", "四"]
    groups = tree[1].children
    assert [g.id for g in groups] == [f"二.({n})" for n in "一二三四五六七八九十"]
    assert [len(g.children) for g in groups] == [5, 6, 4, 4, 3, 3, 2, 3, 4, 4]
    assert groups[3].children[1].id == "二.(四).2"
    assert groups[3].children[1].title == "精准核实务工信息"
    assert groups[3].children[1].line == 34
    assert [n.title for n in tree[2].children] == [
        "宣传动员阶段(4月3日前)", "集中实施阶段(4月4日-10月31日)", "巩固提升阶段(11月1日-12月31日)",
    ]
    assert len(ids(tree)) == 58


def test_seed_004_traditional_with_inline_yao_items():
    original = seed("004").read_text(encoding="utf-8")
    tree = parse(original)
    assert [n.id for n in tree] == ["一", "二", "三", "四"]
    assert [c.id for c in tree[2].children] == ["三.一要", "三.二要", "三.三要", "三.四要"]
    assert len(tree[3].children) == 5
    assert len(ids(tree)) == 31
    node = tree[0].children[2].children[0]
    assert node.id == "一.(三).1" and node.title == "宣传政策"
    # the span points at the Traditional original, the text is Simplified
    verbatim = original[node.span.start : node.span.end]
    assert verbatim.startswith("1.宣傳政策。")
    assert node.text.startswith("1.宣传政策。")
    assert node.line == 13


def test_seed_001_groups_numbered_across_sections_and_inline_items():
    tree = parse(seed("001").read_text(encoding="utf-8"))
    key = tree[1]
    assert key.id == "二" and key.title == "重点任务"
    second = key.children[1]
    assert second.id == "二.(二)"
    assert [c.id for c in second.children] == [f"二.(二).{n}" for n in range(7, 13)]
    assert [c.id for c in second.children[1].children] == ["二.(二).8.一是", "二.(二).8.二是", "二.(二).8.三是"]


def test_numbers_that_are_not_headings_stay_text():
    text = "一、总体要求\n1.6万座户厕完成改造。\n2.2020年度考核细则\n3.加强领导。\n2024年3月29日"
    tree = parse(text)
    assert ids(tree) == ["一"]


def test_skipped_levels_and_restarted_lists():
    text = "一、任务\n1.甲。\n2.乙。\n二、保障\n(一)组织。\n1.丙。\n(二)经费。"
    assert ids(parse(text)) == ["一", "一.1", "一.2", "二", "二.(一)", "二.(一).1", "二.(二)"]


def test_articles_chapters_and_circled_numbers():
    text = "第一章 总则\n第一条 为了规范管理，制定本办法。\n第二条 本办法适用于：①县直部门；②各镇。\n第二章 职责\n第三条 县政府负责。"
    assert ids(parse(text)) == [
        "第一章", "第一章.第一条", "第一章.第二条", "第一章.第二条.①", "第一章.第二条.②", "第二章", "第二章.第三条",
    ]


def test_dash_lead_in_items():
    text = "一、加强组织建设\n构建体系。\n——建立“一个”体系。\n——突出“两个”重点。\n二、增强责任担当"
    assert ids(parse(text)) == ["一", "一.—1", "一.—2", "二"]
