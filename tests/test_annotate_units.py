"""Unit annotator: alias registry, block lines, parentheticals, unit headings, acting units."""

from __future__ import annotations

from pathlib import Path

import pytest

from govplan.annotate import segment
from govplan.annotate.base import NodeText
from govplan.annotate.units import assign_units
from govplan.registry import Registry, load_registry
from govplan.errors import GovplanError
from govplan.spec.model import Span, TaskNode


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


def task(text: str, title: str | None = None, children: list[TaskNode] | None = None, start: int = 0) -> TaskNode:
    return TaskNode(
        id="t", style="unnumbered", level=1, title=title, text=text, line=1,
        span=Span(start=start, end=start + len(text)), children=children or [],
    )


def annotate(text: str, registry: Registry, title: str | None = None, start: int = 0) -> TaskNode:
    node = task(text, title, start=start)
    assign_units([NodeText(node=node, start=start, text=text)], registry)
    return node


def roles(node: TaskNode) -> list[tuple[str, str, str | None]]:
    return [(u.role, u.name, u.canonical) for u in node.units]


def test_registry_aliases_and_places(registry: Registry) -> None:
    assert registry.lookup("县人社局") == "县人力资源和社会保障局"
    assert registry.lookup("泰州市文明办") == "泰州市精神文明建设指导委员会办公室"
    assert registry.lookup("综治中心") == "社会治安综合治理(应急服务)中心"
    assert registry.lookup("某某协会会长") is None
    text = "加强镇综治中心规范化建设,社会治安综合治理(应急服务)中心负责"
    assert [text[s:e] for s, e in registry.scan(text)] == ["镇综治中心", "社会治安综合治理(应急服务)中心"]


def test_user_registry_file_extends_and_teaches_jieba(tmp_path: Path) -> None:
    extra = tmp_path / "my_units.yaml"
    extra.write_text("甘沟驿镇农业农村综合服务站: [农综站]\n", encoding="utf-8")
    registry = load_registry([extra])
    assert registry.lookup("农综站") == "甘沟驿镇农业农村综合服务站"
    segment.use_user_words(registry.surfaces())
    assert "甘沟驿镇农业农村综合服务站" in segment.words("由甘沟驿镇农业农村综合服务站统筹")
    segment.use_user_words(load_registry().surfaces())
    assert "甘沟驿镇农业农村综合服务站" not in segment.words("由甘沟驿镇农业农村综合服务站统筹")
    node = annotate("农综站指导各村开展工作", registry)
    assert roles(node) == [("lead", "农综站", "甘沟驿镇农业农村综合服务站")]


def test_bad_user_registry_file_is_a_clear_error(tmp_path: Path) -> None:
    extra = tmp_path / "bad.yaml"
    extra.write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(GovplanError) as info:
        load_registry([extra])
    assert str(extra) in str(info.value)


def test_seed_000_support_parenthetical(registry: Registry) -> None:
    text = "3.丰富群众文化生活。扶持乡村群众文艺作品创作等活动。(参与单位:市文化广电和旅游局、市委宣传部)"
    node = annotate(text, registry, start=300)
    assert roles(node) == [
        ("support", "市文化广电和旅游局", "市文化广电和旅游局"),
        ("support", "市委宣传部", "市委宣传部"),
    ]
    first = node.units[0]
    assert text[first.span.start - 300:first.span.end - 300] == first.text == "市文化广电和旅游局"


def test_chinese_brackets_and_colons(registry: Registry) -> None:
    node = annotate("面向经济薄弱村选派第一书记。（参与单位：市委组织部）", registry)
    assert roles(node) == [("support", "市委组织部", "市委组织部")]


def test_lead_and_responsible_by_verbs(registry: Registry) -> None:
    node = annotate("推进工作。(市政府办公室、市XX办公室牵头,市级各有关部门按职责分工负责)", registry)
    assert roles(node) == [  # a vague reference (各有关部门) in a verb list is no unit (docs/gold-format.md)
        ("lead", "市政府办公室", "市人民政府办公室"),
        ("lead", "市XX办公室", None),
    ]
    node = annotate("推进工作。(县人社局牵头,县财政局按职责分工负责)", registry)
    assert roles(node)[1] == ("support", "县财政局", "县财政局")  # beside a lead: support
    assert roles(annotate("推进工作。(县财政局按职责分工负责)", registry)) == [("responsible", "县财政局", "县财政局")]


def test_labelled_leader_and_responsible(registry: Registry) -> None:
    node = annotate("有序推进“一户多宅”专项整治。(责任领导:XX;责任单位:XX)", registry)
    assert [(u.role, u.name) for u in node.units] == [("leader", "XX"), ("responsible", "XX")]


def test_conjunction_splits_only_between_units(registry: Registry) -> None:
    node = annotate("开展活动。(配合单位:市委组织部和县人社局、市文化广电和旅游局)", registry)
    assert [u.name for u in node.units] == ["市委组织部", "县人社局", "市文化广电和旅游局"]


def test_brackets_that_are_not_roles(registry: Registry) -> None:
    node = annotate("各村(社区)党支部、村(居)委会(总支、党委),镇属各单位(见附件1)", registry)
    assert node.units == []


def test_seed_002_units_acting_in_sentences(registry: Registry) -> None:
    text = (
        "2. 精准核实务工信息。县人社局指导各镇(街道)充分发挥“四支队伍”作用,县人社局汇总后每月25日前报送县乡村振兴局,"
        "县乡村振兴局组织各镇(街道)及时更新数据。"
    )
    node = annotate(text, registry)
    assert [(u.role, u.name) for u in node.units] == [("lead", "县人社局"), ("lead", "县人社局"), ("lead", "县乡村振兴局")]
    assert node.units[0].canonical == "县人力资源和社会保障局"
    node = annotate("健全联席会议制度,县乡村振兴局每月下旬组织相关部门召开全县联席会议", registry)
    assert roles(node) == [("lead", "县乡村振兴局", "县乡村振兴局")]


def test_units_only_mentioned_are_not_roles(registry: Registry) -> None:
    node = annotate("严格执行抽借调乡镇干部县委组织部县人力资源和社会保障局审批制度", registry)
    assert node.units == []


def test_seed_000_heading_that_is_a_unit(registry: Registry) -> None:
    node = annotate("一、泰州市农业农村局", registry, title="泰州市农业农村局")
    assert roles(node) == [("lead", "泰州市农业农村局", "泰州市农业农村局")]
    assert annotate("(一)强化组织领导", registry, title="强化组织领导").units == []
    assert annotate("(一)成立工作领导小组", registry, title="成立工作领导小组").units == []


def _group(child_texts: list[str]) -> tuple[TaskNode, list[NodeText]]:
    """A parent group with children laid out one after another, as the structure stage gives them."""
    children = []
    nodes = []
    pos = 100
    for text in child_texts:
        child = task(text, start=pos)
        children.append(child)
        nodes.append(NodeText(node=child, start=pos, text=text))
        pos += len(text) + 1
    parent = task("(一)坚持政治引领,持续提升党的领导能力。", children=children)
    return parent, [NodeText(node=parent, start=0, text=parent.text), *nodes]


def test_seed_001_block_after_last_child_belongs_to_group(registry: Registry) -> None:
    last = (
        "6.提升党建引领效能。争创乡村振兴“五美户”100户。\n\n"
        "牵头单位:党建办\n\n配合单位:社会治安综合治理(应急服务)中心\n\n责任单位:各村(社区)党支部、村(居)委会\n"
    )
    parent, nodes = _group(["1.坚持正确政治方向。认真学习。", "2.强化党的全面领导。完善体制。", last])
    assign_units(nodes, registry)
    assert roles(parent) == [
        ("lead", "党建办", "党建工作办公室"),
        ("support", "社会治安综合治理(应急服务)中心", "社会治安综合治理(应急服务)中心"),
        ("responsible", "各村(社区)党支部", None),
        ("responsible", "村(居)委会", None),
    ]
    assert all(child.units == [] for child in parent.children)
    ref = parent.units[0]
    assert nodes[-1].text[ref.span.start - nodes[-1].start:ref.span.end - nodes[-1].start] == "党建办"


def test_block_stays_with_child_when_siblings_have_their_own(registry: Registry) -> None:
    parent, nodes = _group(["1.任务一。\n牵头单位:司法所\n", "2.任务二。\n牵头单位:党建办\n"])
    assign_units(nodes, registry)
    assert parent.units == []
    assert [[u.name for u in child.units] for child in parent.children] == [["司法所"], ["党建办"]]


def test_jieba_cache_in_user_dir_and_registry_words(registry: Registry) -> None:
    segment.use_user_words(registry.surfaces())
    assert "县人力资源和社会保障局" in segment.words("由县人力资源和社会保障局负责")
    assert (segment.cache_dir() / "jieba.cache").is_file()


def test_long_adversarial_input_completes(registry: Registry) -> None:
    text = ("(" * 20000) + ("县人社局、" * 10000) + ("，" * 30000) + ("县人社局指导," * 5000) + ("(参与单位:" * 5000)
    node = annotate(text, registry)
    assert len(node.units) == 5000


def test_block_climbs_through_inline_children(registry: Registry) -> None:
    inline_last = task("四是带动群众全员干。组建小分队。\n牵头单位:党建办\n", start=200)
    inline_first = task("一是基层组织马上干。", start=180)
    item = task("5.发挥示范带动作用。", children=[inline_first, inline_last], start=160)
    group = task("(一)坚持政治引领。", children=[task("1.坚持正确政治方向。", start=140), item])
    nodes = [
        NodeText(node=n, start=n.span.start, text=n.text)
        for n in (group, group.children[0], item, inline_first, inline_last)
    ]
    assign_units(nodes, registry)
    assert roles(group) == [("lead", "党建办", "党建工作办公室")]
    assert item.units == [] and inline_last.units == []


def test_agent_marker_and_unit_lists_acting_together(registry: Registry) -> None:
    node = annotate("根据目标要求每季由乡党委对村干部进行全面考核,由乡党委按程序作出停职或免职处理。", registry)
    assert {(u.role, u.name) for u in node.units} == {("lead", "乡党委")}
    node = annotate("县委组织部与县财政局联合印发《实施方案》", registry)
    assert [(u.role, u.name) for u in node.units] == [("lead", "县委组织部"), ("lead", "县财政局")]


@pytest.mark.parametrize(
    "text",
    [
        "各相关部门要实行目标责任管理,各镇(街道)要充分发挥村干部作用",  # generic distributive references
        "以乡镇干部为主体,镇其他干部和村干部每月走遍所包网格",  # people, not units
        "重大问题都要由党组织研究讨论后按程序决定",  # 党组 ends inside the word 党组织
    ],
)
def test_generic_references_people_and_word_parts_do_not_act(registry: Registry, text: str) -> None:
    assert annotate(text, registry).units == []


def test_garbled_list_item_is_not_a_unit(registry: Registry) -> None:
    node = annotate("配合单位:中心),镇属各单位\n", registry)
    assert roles(node) == [("support", "镇属各单位", None)]


def test_unit_acting_right_after_the_heading_number_leads():
    from govplan.annotate.base import NodeText
    from govplan.annotate.units import assign_units
    from govplan.registry import load_registry
    from govplan.spec.model import Span, TaskNode

    text = "1.县人社局牵头，4月底前完成培训不少于100人。"
    node = TaskNode(id="1", style="arabic_dot", level=1, text=text, line=1, span=Span(start=0, end=len(text)))
    assign_units([NodeText(node=node, start=0, text=text, path=[node])], load_registry())
    assert [(u.name, u.canonical, u.role) for u in node.units] == [("县人社局", "县人力资源和社会保障局", "lead")]


def leads(node: TaskNode) -> list[str]:
    return [u.name for u in node.units if u.role == "lead"]


def supports(node: TaskNode) -> list[str]:
    return [u.name for u in node.units if u.role == "support"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("注重发挥党委中心组示范带动作用,局党委带头落实双重组织生活制度", "局党委"),  # organisation before 党委
        ("(一)亮身份。新北国啤酒党支部为支部每名党员发放了党徽", "新北国啤酒党支部"),  # company name
        ("脱贫攻坚关键在党。XX镇党委紧紧抓住镇、村两级换届的契机", "XX镇党委"),  # manner adverb acts
        ("某某街道办事处组织辖区内的排查工作", "某某街道办事处"),
        ("新风行动协调小组成员单位要围绕三年任务目标必成", "新风行动协调小组成员单位"),
    ],
)
def test_place_or_organisation_before_an_organisation_word_acts(registry: Registry, text: str, name: str) -> None:
    assert leads(annotate(text, registry)) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "建立党委定期研究工作制度",  # a verb, not a place, before 党委
        "指导村党支部开展组织生活",  # pivot verb: the branch is its object
        "切实加强乡镇党委对基层政权的统一领导",  # jieba word led by an adverb (切实加强)
        "贫困村党支部要主动与帮扶单位结对联建",  # a kind of village: distributive, not one unit
        "新成立12个党支部,6个党支部完成换届改选",  # counts
        "公司党支部成立于2013年7月,现有党员10人",  # 成立于 states a date, not an action
        "企业党委和纪委要分别履行好主体责任和监督责任",  # a list, not one name
    ],
)
def test_organisation_words_after_verbs_kinds_or_counts_do_not_act(registry: Registry, text: str) -> None:
    assert leads(annotate(text, registry)) == []


def test_body_names_hold_task_verbs_and_win_over_their_first_unit(registry: Registry) -> None:
    node = annotate("区委协调推进领导小组根据工作需要专门设立了督查组,定期不定期地开展督促检查", registry)
    assert leads(node) == ["区委协调推进领导小组"]  # not 区委 read as acting through 协调
    node = annotate("区委协调推进领导小组办公室及督查组要制定具体考核办法", registry)
    assert leads(node) == ["区委协调推进领导小组办公室", "督查组"]
    node = annotate("(五)完善考评机制。领导小组每月召开1次调度会", registry)
    assert leads(node) == ["领导小组"]  # the notice's own body, named bare


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("区委成立领导小组,领导小组下设办公室,负责日常工作", ["区委"]),  # 下设 ends the body's name
        ("领导小组办公室设在党建办,下设5个工作小组", []),
        ("加强村级组织活动场所和办公室建设", []),  # an ordinary noun ending in 办公室
        ("召开领导小组会议研究部署", []),
    ],
)
def test_bodies_that_are_set_up_housed_or_mentioned_do_not_act(registry: Registry, text: str, expected: list[str]) -> None:
    assert leads(annotate(text, registry)) == expected


def test_joint_offices_and_shared_heads_are_one_unit(registry: Registry) -> None:
    node = annotate("“月通报”,县委、县政府督查室、县巩固衔接督查巡查办组成督查小组,每月至少1次", registry)
    assert leads(node) == ["县委、县政府督查室", "县巩固衔接督查巡查办"]
    node = annotate("县乡村振兴、农业、财政、果业、发改等部门成立专项督查组", registry)
    assert leads(node) == ["县乡村振兴、农业、财政、果业、发改等部门"]
    assert leads(annotate("县委、县政府要高度重视", registry)) == ["县委", "县政府"]  # no shared head: two units


@pytest.mark.parametrize(
    "text",
    [
        "由乡镇主导,按照征集民意、拟定草案的程序,逐村逐社区修订完善村规民约",  # a level noun
        "各乡镇、街道,区直各部门、单位要从讲政治的高度推进",  # distributive references
    ],
)
def test_level_nouns_and_distributive_references_do_not_act(registry: Registry, text: str) -> None:
    assert annotate(text, registry).units == []


def test_support_verbs_in_sentences_name_supporting_units(registry: Registry) -> None:
    node = annotate("形成了由绥滨县经济开发区党工委负责牵头抓总,各非公企业配合支持、互通有无的格局", registry)
    assert (leads(node), supports(node)) == (["绥滨县经济开发区党工委"], ["各非公企业"])
    text = "2.综合带动。区四大组织机关,乡镇、街道,区直部门、单位,群团组织,区属企业,广大干部都要参与这项活动"
    assert supports(annotate(text, registry)) == ["区四大组织机关", "乡镇", "街道", "区直部门、单位", "群团组织", "区属企业"]
    node = annotate("县财政局要积极配合做好资金保障", registry)
    assert (leads(node), supports(node)) == ([], ["县财政局"])


def test_units_after_huitong_support(registry: Registry) -> None:
    node = annotate("县委组织部并会同县扶贫办、效能办等单位采取定期督查调度", registry)
    assert (leads(node), supports(node)) == (["县委组织部"], ["县扶贫办", "效能办"])
    assert supports(annotate("市委组织部会同有关职能部门进行考核", registry)) == []  # vague: no unit


@pytest.mark.parametrize(
    "text",
    [
        "鼓励社会组织参与乡村治理",  # a verb before the kind of body
        "积极培育扶持公益性、服务性、互助性社会组织参与基层治理",  # the body ends a longer phrase
        "实践证明,社会组织参与党建工作,丰富了基层党建工作的方式",  # a kind of body alone
        "拓展社会组织参与基层治理发展空间",
        "严禁党员干部参与赌博",  # people
    ],
)
def test_support_verbs_after_non_units_state_no_role(registry: Registry, text: str) -> None:
    assert annotate(text, registry).units == []


def test_label_after_heading_number_lists_units_to_sentence_end(registry: Registry) -> None:
    text = (
        "(一)参与范围:区四大组织机关,乡镇、街道,区直部门、单位,群团组织,区人武部、驻区部队,"
        "驻区单位、区属企业联系贫困村和社区。上述单位中除教师之外的干部联系农村特困户。"
    )
    node = annotate(text, registry)
    assert supports(node) == [
        "区四大组织机关", "乡镇", "街道", "区直部门、单位", "群团组织", "区人武部", "驻区部队", "驻区单位", "区属企业",
    ]
    assert node.units[5].canonical == "区人民武装部"
    node = annotate("1.推进数据共享。责任单位:县财政局、县审计局。", registry)
    assert [(u.role, u.name) for u in node.units] == [("responsible", "县财政局"), ("responsible", "县审计局")]


def test_adversarial_support_and_label_runs_complete(registry: Registry) -> None:
    node = annotate("区属企业、参与" * 4000 + "会同县财政局、" * 3000 + "(一)参与范围:" + "单位" * 20000, registry)
    assert supports(node)[:2] == ["区属企业", "县财政局"]


def test_unit_columns_of_a_task_table_row_are_lists_with_the_columns_roles(registry: Registry) -> None:
    from govplan.annotate.base import Cell

    row = "1\t推进数据共享，2024年底前完成\t市大数据局\t市财政局、各区、县级市\t张三"
    start = 500
    cells, pos = [], start
    for kind, value in zip(("number", "task", "lead", "support", "leader"), row.split("\t")):
        cells.append(Cell(pos, pos + len(value), kind))  # type: ignore[arg-type]
        pos += len(value) + 1
    node = task(row, start=start)
    assign_units([NodeText(node=node, start=start, text=row, cells=tuple(cells))], registry)
    assert [(u.role, u.name) for u in node.units] == [
        ("lead", "市大数据局"), ("support", "市财政局"), ("support", "各区、县级市"), ("leader", "张三"),
    ]
    support = node.units[1]
    assert row[support.span.start - start:support.span.end - start] == "市财政局"
    assert support.clause is not None and support.clause.text == "市财政局、各区、县级市"


def test_a_unit_in_charge_is_responsible_and_one_leading_leads(registry: Registry) -> None:
    assert roles(annotate("第五条 市政务数据主管部门负责统筹协调全市政务数据管理工作", registry)) == [
        ("responsible", "市政务数据主管部门", None)
    ]
    assert roles(annotate("县人社局负责牵头组织培训", registry))[0][0] == "lead"
    assert leads(annotate("市有关部门和相关区人民政府应当加强协作", registry)) == []  # vague: left open
