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
    first = key.children[0]
    # 3.: the source lost the full stop before 一是; 6.: it lost the numerals of 三是 and 四是;
    # 7.: it lost every numeral ("。是推进严格执法。…。是推进公正司法。")
    assert [c.title for c in first.children[2].children] == [
        "增强行政执行能力", "增强为民服务能力", "增强议事协商能力", "增强应急管理能力", "增强平安建设能力",
    ]
    assert [c.id for c in first.children[5].children] == [f"二.(一).6.{n}是" for n in "一二三四"]
    assert first.children[5].children[2].title == "党建引领集体经济发展"
    assert [c.title for c in second.children[0].children] == ["推进严格执法", "推进公正司法", "推进全民守法"]
    assert [c.number for c in first.children[5].children] == ["一是", "二是", None, None]  # as written


def test_inline_items_after_a_lost_full_stop_start_where_jieba_starts_a_word():
    text = (
        "一、任务\n1.加强基层。着力建强作战部一是增强执行能力。二是增强服务能力。\n2.统一思想。思想统一是前提，二是方法。\n"
        "3.统一要求，作风建设一要加强领导。二要压实责任。\n"
    )
    assert ids(parse(text)) == ["一", "一.1", "一.1.一是", "一.1.二是", "一.2", "一.3", "一.3.一要", "一.3.二要"]


def test_items_whose_numerals_the_source_lost():
    text = "一、任务\n1.强化产业。一是发展产业。二是发展合作。是发展集体经济。四是推进建设。\n2.法治。落到实处。是推进严格执法。是推进公正司法。\n3.考核。一是月考核。二是年考核。是否达标由领导小组认定。\n"
    assert ids(parse(text)) == [
        "一", "一.1", "一.1.一是", "一.1.二是", "一.1.三是", "一.1.四是",
        "一.2", "一.2.一是", "一.2.二是", "一.3", "一.3.一是", "一.3.二是",
    ]


def test_a_run_restarting_inside_an_item_nests_under_it():
    text = "一、总结\n一是履职。\n二是为民。打造了两项品牌:一是招聘会。二是义诊。\n三是协商。\n"
    assert ids(parse(text)) == ["一", "一.一是", "一.二是", "一.二是.一是", "一.二是.二是", "一.三是"]


def test_a_same_style_run_without_a_colon_is_not_a_sub_list_and_nesting_is_bounded():
    repeated = "一、任务\n" + "".join(f"{'一二三'[i % 3]}是加强。" for i in range(9)) + "\n"
    assert ids(parse(repeated)) == ["一", "一.一是", "一.二是", "一.三是"]
    deep = "一、任务\n1.总要求。一是甲:(1)乙:①丙:一要严。二要实。②丁。(2)戊。二是己。\n"
    assert ids(parse(deep)) == [
        "一", "一.1", "一.1.一是", "一.1.一是.(1)", "一.1.一是.(1).①", "一.1.一是.(1).②", "一.1.一是.(2)", "一.1.二是",
    ]


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
