"""Target annotator on sentences from the seed notices, plus numbers that are not targets."""

from __future__ import annotations

import datetime as dt

import pytest

from govplan.annotate.base import DocContext, NodeText
from govplan.annotate.deadlines import find_deadlines
from govplan.annotate.targets import find_targets, reads_as_report
from govplan.spec.model import Span, Target, TaskNode

CTX = DocContext(doc_date=dt.date(2024, 3, 29))


def node_text(text: str, start: int = 0) -> NodeText:
    node = TaskNode(id="t", style="unnumbered", level=1, text=text, line=1, span=Span(start=start, end=start + len(text)))
    return NodeText(node=node, start=start, text=text)


def found(text: str, start: int = 0) -> list[Target]:
    nt = node_text(text, start)
    return find_targets(nt, find_deadlines(nt, CTX))


def values(text: str) -> list[tuple[str, float | None, float | None, str | None, str]]:
    return [(t.text, t.value, t.value_max, t.unit, t.comparator) for t in found(text)]


def test_seed_002_multipliers_expanded() -> None:
    text = "新增高标准农田4.2万亩。新建高产高效“万元果”示范园300个,改造果园2000亩。"
    assert values(text) == [
        ("4.2万亩", 42000.0, None, "亩", "="),
        ("300个", 300.0, None, "个", "="),
        ("2000亩", 2000.0, None, "亩", "="),
    ]


def test_seed_002_metric_and_lower_bound() -> None:
    (target,) = found("多渠道帮助脱贫群众稳岗就业,全年脱贫劳动力务工规模不少于1.9万人。")
    assert (target.text, target.value, target.unit, target.comparator) == ("不少于1.9万人", 19000.0, "人", ">=")
    assert target.metric == "脱贫劳动力务工规模"


def test_seed_001_metric_before_percentage() -> None:
    text = "2022年6月底前,行政村标准化种养产业园覆盖率达到100%、入园农户产业覆盖率和农户入园率达到100%"
    first, second = found(text)
    assert (first.metric, first.value, first.percent, first.unit) == ("行政村标准化种养产业园覆盖率", 100.0, True, "%")
    assert second.metric == "入园农户产业覆盖率和农户入园率"


def test_seed_000_range_of_amounts_and_households() -> None:
    assert values("面向经营性收入18-35万元的经济薄弱村") == [("18-35万元", 180000.0, 350000.0, "元", "=")]
    assert values("每个走访组选择2-3户联系帮助") == [("2-3户", 2.0, 3.0, "户", "=")]


def test_seed_000_percentage_then_noun() -> None:
    (target,) = found("力争全市30%以上的家庭达到乡镇级以上文明家庭标准。做好第六届全国文明村镇推荐工作")
    assert (target.text, target.comparator, target.percent) == ("30%以上", ">=", True)
    assert target.metric == "家庭达到乡镇级以上文明家庭标准"


@pytest.mark.parametrize(
    ("text", "expected", "comparator", "change"),
    [
        ("力争贷款逾期率始终控制在0.5%以内", "控制在0.5%以内", "<=", None),
        ("推动全镇信访总量每年同比下降10%以上。", "下降10%以上", ">=", "decrease"),
        ("地区生产总值增长6.2%左右", "增长6.2%左右", "~", "increase"),
        ("农村自来水普及率提高到95%", "提高到95%", "=", "reach"),
        ("全年组织开展脱贫劳动力技能培训不少于1400人", "不少于1400人", ">=", None),
        ("力争日清运垃圾300余吨", "300余吨", ">", None),
        ("每个村(居)走访组至少认领1个组长项目", "1个", ">=", None),
    ],
)
def test_comparators_and_changes(text: str, expected: str, comparator: str, change: str | None) -> None:
    (target,) = found(text)
    assert (target.text, target.comparator, target.change) == (expected, comparator, change)


def test_doubling_and_percent_words() -> None:
    double, percent = found("确保农民收入翻一番,覆盖率达到百分之八十")
    assert (double.change, double.value) == ("multiply", 2.0)
    assert (percent.value, percent.percent, percent.unit) == (80.0, True, "%")


def test_seed_002_milestones_point_at_their_deadlines() -> None:
    text = "各项目实施单位要确保项目资金支出率达到4月底30%以上、6月底50%以上、9月底75%以上、12月底100%。"
    nt = node_text(text, start=500)
    deadlines = find_deadlines(nt, CTX)
    targets = find_targets(nt, deadlines)
    assert [(t.value, t.deadline) for t in targets] == [(30.0, 0), (50.0, 1), (75.0, 2), (100.0, 3)]
    assert [deadlines[t.deadline].due for t in targets if t.deadline is not None][-1] == dt.date(2024, 12, 31)
    assert {t.metric for t in targets} == {"各项目实施单位要确保项目资金支出率"}
    assert all(text[t.span.start - 500:t.span.end - 500] == t.text for t in targets)


@pytest.mark.parametrize(
    "text",
    [
        "深入学习贯彻党的十九届六中全会精神",
        "高效实施“十大提升行动”",
        "做好第六届全国文明村镇推荐工作",
        "把建成的各级各类示范村以及G247、G309沿线打造成示范村",
        "2020年是全面建成小康社会的决胜之年",
        "关于印发通知(县委办发〔2022〕33号)精神",
        "1.聚力推动三年目标必成。",
        "(1)每季度组织党员干部到村走访",
        "认真落实“1+11+X”党内组织生活,按照1:2的比例建立后备人才库",
        "利用三八维权周、“12·4宪法宣传日”等重要节点",
        "加快5G、人工智能建设,2022年底前4G网络全覆盖",
        "忠诚拥护两个确立,增强四个意识",
        "做好0-3岁婴幼儿托育指导,35岁以下",
        "专职社区工作者达到每1000名常住人口配备",
        "打造农村“10里文化圈”",
        "确保10月底前全部竣工",
    ],
)
def test_not_targets(text: str) -> None:
    assert found(text) == []


def test_long_adversarial_input_completes() -> None:
    text = ("1" * 30000) + ("5个，" * 10000) + ("4月底30%以上、" * 5000) + ("1-" * 20000) + ("十" * 20000)
    nt = node_text(text)
    targets = find_targets(nt, find_deadlines(nt, CTX))
    assert len(targets) == 15000


@pytest.mark.parametrize(
    "text",
    [
        # seed 003 work reports: achievements, not goals
        "先后启动异地搬迁134户,扶贫安居282户,目前已完工411户,其中异地搬迁131户,扶贫安居280户,完工率达98%。",
        "今年1月至今共计开展各类整治13次,纠正或处罚乱停乱放、占道经营等违规行为4000余起。",
        # seed 002 / 004: scope counts of what a task covers
        "分别于4月份、10月份组织对全县179个行政村集中开展农村饮水安全排查,对全县210个检测点每月进行检测",
        "(二)联系对象:全区16个乡镇的214个贫困村,7000户特困户;7个街道办事处41个社区,790户困难居民。",
        # conditions that select whom a rule applies to (seeds 001, 003)
        "2022年9月底前,在退役军人100人以上的村(社区)创建全国示范型退役军人服务站",
        "党员人数超过50人的设立党总支,对不称职票超过30%的村干部作出停职处理",
        # vague amounts and anniversaries
        "引进和培育一批具有引领性带动性的“链主”企业,开展庆祝建党92周年系列纪念活动",
    ],
)
def test_facts_scopes_and_conditions_are_not_targets(text: str) -> None:
    assert found(text) == []


def test_report_node_keeps_cued_goal_and_drops_facts() -> None:
    text = "去年共实现养蚕收入200万元;目前已发放鸡苗5000只,力争明年新增合作社不少于3个。"
    assert values(text) == [("不少于3个", 3.0, None, "个", ">=")]


def test_seed_004_chinese_quotas_after_quota_verbs() -> None:
    text = "区政协党组副书记每人联系一个贫困村、二户农村特困户和两个社区,普遍掌握一门以上致富实用技术"
    assert [(t.value, t.unit, t.comparator) for t in found(text)] == [
        (1.0, "个", "="), (2.0, "户", "="), (2.0, "个", "="), (1.0, "门", ">="),
    ]


def test_seed_001_adverb_reaches_through_the_clause() -> None:
    text = "农村党员每人至少联系1户“三留守”户和1户特别困难户,2年至少组织镇干部、定补村干部开展1次干部健康体检"
    assert [(t.text, t.comparator) for t in found(text)] == [("1户", ">="), ("1户", ">="), ("1次", ">=")]


def test_seed_004_month_duration_unit() -> None:
    assert values("联系单位一年进村不少于4次、累计时间不少于1个月") == [
        ("不少于4次", 4.0, None, "次", ">="), ("不少于1个月", 1.0, None, "月", ">="),
    ]


def test_seed_002_action_count_before_a_number_is_the_target() -> None:
    text = "对全县210个检测点每月进行1次21项检测,全年进行2次32项全分析检测、2次46项全分析检测"
    assert values(text) == [("1次", 1.0, None, "次", "="), ("2次", 2.0, None, "次", "="), ("2次", 2.0, None, "次", "=")]


def test_seed_002_count_of_holders_is_the_base_of_a_rate() -> None:
    assert values("确保有劳动力的搬迁群众实现1户1人以上就业。") == [("1人以上", 1.0, None, "人", ">=")]


def test_seed_002_one_off_adjective_and_far_list_items_are_not_counts() -> None:
    text = "持续落实省外务工人口每人每年一次性500元的跨省转移就业交通补助政策以及跨市县交通补贴、一次性创业补贴、一次求职补贴等政策。"
    assert values(text) == [("500元", 500.0, None, "元", "=")]


def test_seed_004_list_item_after_a_short_verb_continues_the_list() -> None:
    text = "帮助贫困村(社区)和联系户制定一个发展规划、想出一个增收致富点子、推广一项实用技术、扶持一个主导产业"
    assert [(t.text, t.unit) for t in found(text)] == [("一个", "个"), ("一个", "个"), ("一项", "项"), ("一个", "个")]


@pytest.mark.parametrize(
    "text",
    [
        # a 的-clause stating the case a rule then sanctions (seeds 001, 000)
        "对各村社区实行“红黄绿”三色管理,年内2次督导结果为“红色”的,党支部书记述职评议考核不得评为优秀等次",
        "未建立相应制度的扣10分,少联系1户的扣5分,扣完为止。",
        # ranks are ordinals (seed 003)
        "对连续两次督查排名后3位的党支部,严肃追究支部书记责任。",
        # working bodies that carry the plan out (seed 001)
        "领导小组办公室设在党建办,下设5个工作小组,承担领导小组日常工作;镇党政领导班子成员牵头,设立5个专责组;",
        # "one at a time" (seed 002)
        "实行销号管理制度,解决一户,销号一户,确保所有保障对象住房安全。",
        # the set a disposal (把/将 … 打造成) works on (seed 001)
        "把建成的各级各类示范村以及G247、G309沿线的7个村,整体打造成人居环境整治示范村。",
        "2026年底前,将全镇13个村(居)公共法律服务室全部打造成高标准、智能化公共法律服务室",
        # a count right after a count of classes describes a scheme (seed 000)
        "组织无职党员认领“助力党建类、助力管理类、助力文明类”五类10个岗位,带头除陋习、树新风。",
        # attitudes and manners written with 零
        "坚持零容忍,开展专业化、零距离服务",
    ],
)
def test_cases_structures_idioms_and_scopes_are_not_targets(text: str) -> None:
    assert found(text) == []


def test_the_same_words_with_a_goal_are_targets() -> None:
    assert values("每个走访组选择2-3户联系帮助,每季度至少组织1次集中走访") == [
        ("2-3户", 2.0, 3.0, "户", "="), ("1次", 1.0, None, "次", ">="),
    ]
    assert values("把农村自来水普及率提高到95%") == [("提高到95%", 95.0, None, "%", "=")]


def test_seed_002_zero_target_after_a_goal_verb() -> None:
    (target,) = found("落实一月一报,实现全县义务教育阶段学生零辍学。")
    assert (target.text, target.value, target.unit, target.comparator) == ("零辍学", 0.0, None, "=")
    assert target.metric == "全县义务教育阶段学生"


def test_completed_action_in_the_clause_outweighs_later_goal_words() -> None:
    assert found("制定责任分解落实方案,确定了全年六大工作任务和32项重点工作,层层签订责任状") == []


def test_report_node_ignores_weak_goal_words() -> None:
    text = "去年共实现养蚕收入200万元;加大宣传引导力度,规划种植小麦3000亩,先后引导组建种养殖专业合作社10个。"
    assert found(text) == []
    assert values("加大宣传引导力度,规划种植小麦3000亩") == [("3000亩", 3000.0, None, "亩", "=")]


def test_report_node_keeps_a_number_set_by_a_deadline_but_not_by_a_bare_year() -> None:
    text = "去年已建成示范村3个,累计投入资金200万元;2017年召开8次党委会;2025年底前,新建示范村5个。"
    assert values(text) == [("5个", 5.0, None, "个", "=")]


def test_to_a_place_is_no_goal_cue() -> None:
    assert found("疫情发生以来,组织党员到社区报到,各单位确定一名分管领导负责志愿者管理") == []


REPORT = [
    "今年以来,我镇党委认真落实上级部署,取得了明显成效。",
    "一、夯实基础。累计投入资金2500余万元,已完成道路硬化18.1公里。",
    "二、强化服务。目前全镇共有党员服务站12个,去年以来共开展培训30场。",
    "我们将继续努力,巩固成果。",
]
PLAN = [
    "为深入贯彻落实上级部署,结合我镇实际,制定本方案。",
    "一、主要目标。到2025年,新建党员服务站12个,培训不少于30场。",
    "二、工作要求。各村要确保按期完成,我镇将定期督查。",
]


def test_a_document_that_reports_what_was_done_reads_as_a_report() -> None:
    assert reads_as_report(REPORT)
    assert not reads_as_report(PLAN)
    assert not reads_as_report(["已完成1项。"])  # too few cues to judge a whole document


def test_in_a_report_document_uncued_numbers_are_facts() -> None:
    text = "全镇新建党员服务站12个,开展培训30场。"
    nt = node_text(text)
    as_plan = find_targets(nt, [], DocContext(report=False))
    as_report = find_targets(nt, [], DocContext(report=True))
    assert [t.text for t in as_plan] == ["12个", "30场"]
    assert as_report == []
    cued = node_text("下一步,力争新建党员服务站不少于12个。")
    assert [t.text for t in find_targets(cued, [], DocContext(report=True))] == ["不少于12个"]
