"""The heading tree of real seeds, checked against the documents by hand.

The numbering of small documents is checked by cases in tests/cases/structure.yaml (run by
tests/test_cases.py).
"""

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


# --- metadata around the tree (issue 12) ---------------------------------------------------------

def test_title_wrapped_over_two_lines_is_joined():
    from govplan.pipeline import extract_text

    (spec,) = extract_text("关于印发《XX县2024年\n重点工作任务分解方案》的通知\n各乡镇：\n一、总体要求\n")
    assert spec.metadata.title == "关于印发《XX县2024年重点工作任务分解方案》的通知"
    (spec,) = extract_text("XX市人民政府关于加快推进\n数字政府建设的实施意见\n各区县人民政府：\n一、总体要求\n")
    assert spec.metadata.title == "XX市人民政府关于加快推进数字政府建设的实施意见"


def test_recipients_split_only_outside_brackets_and_portal_chrome_is_no_recipient():
    from govplan.pipeline import extract_text

    doc = "关于做好防汛工作的通知\n来源：\n各县（市、区）人民政府，市直有关单位：\n现将有关事项通知如下：\n一、压实责任\n"
    (spec,) = extract_text(doc)
    assert spec.metadata.recipients == ["各县(市、区)人民政府", "市直有关单位"]
    (spec,) = extract_text("关于做好防汛工作的通知\n现将有关事项通知如下：\n一、压实责任\n")
    assert spec.metadata.recipients == []


def test_portal_chrome_belongs_to_no_task():
    from govplan.pipeline import extract_text

    doc = "一、压实责任。各县于6月底前完成。\n发布时间：2024-05-01 浏览次数：1234\n【打印本页】【关闭窗口】\n"
    (spec,) = extract_text(doc)
    (node,) = spec.walk()
    assert node.text == "一、压实责任。各县于6月底前完成。"


def test_breadcrumb_without_its_label_is_no_title():
    from govplan.pipeline import extract_text

    (spec,) = extract_text("首页 > 政务公开 > 通知公告\n关于印发重点工作任务的通知\n各乡镇：\n一、总体要求\n")
    assert spec.metadata.title == "关于印发重点工作任务的通知"


def test_a_text_without_a_title_line_takes_no_heading_as_its_title():
    from govplan.pipeline import extract_text

    (spec,) = extract_text("一、总体要求\n二、保障措施\n")
    assert spec.metadata.title is None
    (spec,) = extract_text("2024年重点工作实施方案\n一、总体要求\n二、保障措施\n")
    assert spec.metadata.title == "2024年重点工作实施方案"


def test_a_masthead_seen_once_inside_the_body_is_no_task_text_and_no_issuer():
    from govplan.pipeline import extract_text

    doc = "关于印发重点工作任务的通知\n一、总体要求\n（一）指导思想。坚持推进。\nXX县人民政府文件\n二、重点任务\n"
    (spec,) = extract_text(doc)
    assert [(node.id, node.text) for node in spec.walk()] == [
        ("前言", "关于印发重点工作任务的通知"), ("一", "一、总体要求"), ("一.(一)", "(一)指导思想。坚持推进。"), ("二", "二、重点任务"),
    ]
    assert spec.metadata.issuer is None
    for node in spec.walk():  # the spans still point at the original
        assert doc[node.span.start:node.span.end].replace("（", "(").replace("）", ")") == node.text


def test_the_issuer_of_a_red_header_is_its_names_never_the_text_above_it():
    from govplan.pipeline import extract_text

    (spec,) = extract_text("中共某县委办公室\n某县人民政府办公室文件\n某办发〔2024〕3号\n关于印发重点工作任务的通知\n一、总体要求\n")
    assert spec.metadata.issuer == "中共某县委办公室某县人民政府办公室"
    (spec,) = extract_text("关于印发重点工作任务的通知\n各乡镇：\n现将有关事项通知如下。\n某县人民政府文件\n一、总体要求\n")
    assert spec.metadata.issuer == "某县人民政府"


def test_page_layout_undone_with_spans_on_the_original():
    from govplan.normalize import normalize
    from govplan.structure.layout import undo_page_layout

    wrapped = "".join(f"到202{k}年，智能产品和服务供给能力明显增强，建成一批示范应用场景，\n" for k in (3, 4, 5))
    original = (
        "XX市数字化工作方案\n一、总体要求\n" + wrapped + "- 2 -\n" + "XX市数字化工作方案\n形成经验做法。\n"
        "(一)强化保障。各地要结合实际制定方案，明确责任分工，\n确保落实。\n- 3 -\nXX市数字化工作方案\n"
    )
    mapped = undo_page_layout(normalize(original).mapped)
    assert "- 2 -" not in mapped.text and mapped.text.count("XX市数字化工作方案") == 1  # page numbers, running head
    assert "应用场景，到2025年" in mapped.text and "应用场景，形成经验做法。" in mapped.text
    assert "\n(一)强化保障" in mapped.text and "分工，确保落实。" in mapped.text  # a heading starts its line
    start = mapped.text.index("形成经验")
    s, e = mapped.to_original(start, start + 4)
    assert original[s:e] == "形成经验"


def test_sharing_site_page_markers_removed_and_page_breaks_joined_with_spans_on_the_original():
    """A sharing site's page markers (c502's shape) are no part of the text; a page break inside a sentence is joined,
    one after a sentence end is kept, in a preview as the site shows it and in a PDF copy that wraps its pages."""
    from govplan.normalize import normalize
    from govplan.structure.layout import undo_page_layout

    sentence = "《镇工作计划.docx》由会员分享,可在线阅读,更多相关《镇工作计划.docx(5页珍藏版)》请在淘文阁上搜索。\n"
    body = "加强用水管理,落实区域用水安排管理,完善日常监管预警机制。" * 8
    pages = ["镇工作计划 一、强化水资源保护 1." + body + "加大监督监", "测力度。" + body, "二、严格岸线管控。"]
    original = sentence + "".join(f"{k}、{page}\n" for k, page in enumerate(pages, 1))
    mapped = undo_page_layout(normalize(original).mapped)
    assert "\n镇工作计划 一、" in mapped.text and "、\n" not in mapped.text and "2、" not in mapped.text
    assert "加大监督监测力度。" in mapped.text and "\n二、严格岸线管控。" in mapped.text
    start = mapped.text.index("监督监测")
    s, e = mapped.to_original(start, start + 4)
    assert original[s:e] == "监督监\n2、测"
    wrapped = sentence + "".join(f"{k}、{page[:40]}\n{page[40:]}\n" for k, page in enumerate(pages, 1))
    assert "加大监督监测力度。" in undo_page_layout(normalize(wrapped).mapped).text


def test_short_lines_without_sentences_are_never_joined():
    from govplan.normalize import normalize
    from govplan.structure.layout import undo_page_layout

    contents = "党建引领,“两新组织”焕发生机\n党建引领促改革村社一体创新路\n以党建引领乡村治理\n" * 3
    assert undo_page_layout(normalize(contents).mapped).text == normalize(contents).text


def test_recipients_listed_under_one_each_are_one_and_index_rows_are_none():
    from govplan.pipeline import extract_text

    # c01 / c03 / c83: 各委、办、局 and 各乡、镇人民政府 list kinds of office under one 各
    doc = "关于印发工作方案的通知\n各乡、镇人民政府，区政府各委、办、局，区各直属单位：\n一、总体要求\n"
    (spec,) = extract_text(doc)
    assert spec.metadata.recipients == ["各乡、镇人民政府", "区政府各委、办、局", "区各直属单位"]
    (spec,) = extract_text("各科、室、局、办、中心:\n一、各科室承办的以下事项应建立工作台账。\n")
    assert spec.metadata.recipients == ["各科、室、局、办、中心"]
    # c239: an index row whose 文号 cell is empty before the portal's own 浏览量 label gives no 文号
    (spec,) = extract_text("公开目录 | 人事信息 | 发布日期 | 2022-03-07 |\n文号 | 浏览量 |\n各中学:\n一、加强编制管理\n")
    assert spec.metadata.doc_number is None
    # c236: a mirror's title set in book-title marks, under a line that runs the 文号 into it
    (spec,) = extract_text(
        "京政办发〔2016〕26号《北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知》\n"
        "《北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知》\n各区人民政府:\n一、围绕深化改革推进公开\n"
    )
    assert spec.metadata.title == "北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知"
    # c129: a portal's index row ending with an empty 文号: is no 主送
    (spec,) = extract_text("生成日期: 2019-01-23 文号:\n关于印发工作规则的通知\n第一章  总  则\n一、根据宪法，制定本规则。\n")
    assert spec.metadata.recipients == []


def test_every_heading_style_tells_the_characters_it_can_start_with() -> None:
    """The quick test before heading matching holds for every bundled style: an optional part before
    the numeral (the OCR dash forms 十—、, (-)) adds its characters instead of disabling the test, which
    made the glued-item scan try every character of every line."""
    import re._parser as sre_parser

    from govplan.structure.numbering import _pattern_firsts, numbering

    first = numbering().first_chars
    assert first is not None and {"一", "十", "—", "-", "(", "1", "①"} <= first
    assert _pattern_firsts(sre_parser.parse("(?P<n>[一二]{0,2}[—-])、")) == {"一", "二", "—", "-"}
    assert _pattern_firsts(sre_parser.parse("a?")) is None


def test_a_window_is_tried_against_the_styles_its_first_character_allows_with_the_same_heading(monkeypatch) -> None:
    """_styled_heading tries only the styles whose numbers can start with the window's first character
    (numbering.styles_by_first): for windows opening with every such character, the heading is the one
    trying every style in order gives."""
    from govplan.structure import numbering as nb

    data = nb.numbering()
    assert data.styles_by_first is not None and data.first_chars is not None

    tails = ["、加强领导", ".加强领导", ")加强领导", "）加强", "是推进", "章 总则", "条 为了", "1.2 目标", "、", " 工作", "月底前"]
    windows = [w for ch in sorted(data.first_chars) for tail in tails for w in (ch + tail, ch + ch + tail, ch + "二" + tail, ch + "2" + tail)]
    quick = [nb._styled_heading(window) for window in windows]
    monkeypatch.setattr(nb, "numbering", lambda: nb.replace(data, styles_by_first=None))  # every style, in order
    assert quick == [nb._styled_heading(window) for window in windows]
    assert any(heading is not None for heading in quick)


def test_a_line_style_is_compiled_when_a_number_is_first_tried_against_it_as_written() -> None:
    """Building the grammar compiles no line style (validate reads a few numbers, over a few styles):
    a style's pattern is compiled on first use, the same pattern its numbering.yaml text compiles to."""
    from govplan.grammar import compile_pattern
    from govplan.structure import numbering as nb

    styles = nb.numbering.__wrapped__().line_styles  # built afresh, as a process builds it
    assert not any("pattern" in vars(style) for style in styles)
    written = [s["pattern"] for s in nb.load_data("numbering.yaml")["line_styles"]]
    assert [style.pattern for style in styles] == [compile_pattern(text, nb._FILE) for text in written]
    assert all("pattern" in vars(style) for style in styles)


def test_inline_items_quick_test_never_hides_a_run() -> None:
    """find_inline_items answers [] at once where numbering.inline_opening finds nothing; every run it
    finds otherwise holds what that test looks for (a style's first marker, or 是 opening a sentence)."""
    from govplan.structure.numbering import find_inline_items, numbering

    anywhere, at_start = numbering().inline_opening
    texts = ["要做好三件事：一是加强领导，二是落实责任。", "推进工作。是加强领导。是落实责任。", "是加强领导。是落实责任。", "(1)建立台账；(2)定期通报。",
             "①摸底；②整改。", "1.制定方案 2.组织实施", "统一是前提，统一是基础。", "加强领导，落实责任。"]
    for text in texts:
        for in_cell in (False, True):
            items = find_inline_items(text, in_cell=in_cell)
            assert not items or anywhere.search(text) or at_start.match(text), text
    assert find_inline_items("加强领导，落实责任。") == []
    assert [item.segment for item in find_inline_items("要做好三件事：一是加强领导，二是落实责任。")] == ["一是", "二是"]
