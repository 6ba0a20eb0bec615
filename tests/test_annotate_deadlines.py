"""Deadline annotator on sentences taken from the seed notices, plus non-deadlines."""

from __future__ import annotations

import datetime as dt

import pytest

from govplan.annotate.base import DocContext, NodeText
from govplan.annotate.deadlines import find_deadlines
from govplan.spec.model import Deadline, Span, TaskNode

CTX_2020 = DocContext(doc_date=dt.date(2020, 3, 30))  # seed 000
CTX_2022 = DocContext(doc_date=dt.date(2022, 4, 29))  # seed 001
CTX_2024 = DocContext(doc_date=dt.date(2024, 3, 29))  # seed 002


def node_text(text: str, start: int = 0) -> NodeText:
    node = TaskNode(id="t", style="unnumbered", level=1, text=text, line=1, span=Span(start=start, end=start + len(text)))
    return NodeText(node=node, start=start, text=text)


def found(text: str, ctx: DocContext, start: int = 0) -> list[Deadline]:
    return find_deadlines(node_text(text, start), ctx)


def summary(text: str, ctx: DocContext) -> list[tuple[str, str, dt.date | None]]:
    return [(d.text, d.kind, d.due) for d in found(text, ctx)]


def test_seed_000_month_deadlines() -> None:
    text = "组长项目要有一定的资金硬投入,原则上须在4月份完成立项,上半年启动实施,11月底前竣工。"
    assert summary(text, CTX_2020) == [
        ("4月份", "by", dt.date(2020, 4, 30)),
        ("上半年", "by", dt.date(2020, 6, 30)),
        ("11月底前", "by", dt.date(2020, 11, 30)),
    ]


def test_seed_001_explicit_years() -> None:
    text = (
        "2022年底前,镇上至少有4名工作人员取得执法资格;到2024年,基本建立一支规范化专业化乡镇执法队伍。"
        "到2026年底,“五治融合”基层治理体系更加成熟。2022年6月底前,领导班子成员认真学习。"
    )
    assert summary(text, CTX_2022) == [
        ("2022年底前", "by", dt.date(2022, 12, 31)),
        ("到2024年", "by", dt.date(2024, 12, 31)),
        ("到2026年底", "by", dt.date(2026, 12, 31)),
        ("2022年6月底前", "by", dt.date(2022, 6, 30)),
    ]


def test_seed_001_quarter_and_bare_year_clauses() -> None:
    text = "2022年第二季度,以乡镇为单位,集中开展行动。2022年,力争完成1个市级基层协商试点工作;2023年,总结试点经验"
    assert summary(text, CTX_2022) == [
        ("2022年第二季度", "by", dt.date(2022, 6, 30)),
        ("2022年", "by", dt.date(2022, 12, 31)),
        ("2023年", "by", dt.date(2023, 12, 31)),
    ]


def test_seed_002_year_from_document() -> None:
    text = "确保10月底前全部竣工,11月底完成验收并兑付补助资金。"
    assert summary(text, CTX_2024) == [("10月底前", "by", dt.date(2024, 10, 31)), ("11月底", "by", dt.date(2024, 11, 30))]


def test_seed_002_phases_and_periods() -> None:
    assert summary("(一)宣传动员阶段(4月3日前)。", CTX_2024) == [("4月3日前", "by", dt.date(2024, 4, 3))]
    (period,) = found("(二)集中实施阶段(4月4日-10月31日)。", CTX_2024)
    assert (period.kind, period.start, period.due) == ("period", dt.date(2024, 4, 4), dt.date(2024, 10, 31))
    (whole,) = found("“十大提升行动”从2024年3月开始至12月底结束,此后转入常态化", CTX_2024)
    assert whole.text == "2024年3月开始至12月底结束"
    assert (whole.kind, whole.start, whole.due) == ("period", dt.date(2024, 3, 1), dt.date(2024, 12, 31))


def test_three_deadlines_after_yu() -> None:
    text = "“季调度”,于5月底、8月底、11月底,由县委、县政府分管领导组织召开工作调度会"
    assert [d.due for d in found(text, CTX_2024)] == [dt.date(2024, 5, 31), dt.date(2024, 8, 31), dt.date(2024, 11, 30)]


@pytest.mark.parametrize(
    ("text", "expression", "freq", "day", "month", "part"),
    [
        ("县人社局汇总后每月25日前报送县乡村振兴局", "每月25日前", "monthly", 25, None, None),
        ("县乡村振兴局每月下旬组织相关部门召开联席会议", "每月下旬", "monthly", None, None, "late"),
        ("原则上每季度至少到村走访一次", "每季度", "quarterly", None, None, None),
        ("各派出单位主要负责同志每半年到村调研指导1次", "每半年", "half-yearly", None, None, None),
        ("每年3月底前,帮助指导村(社区)党组织书记修订任期工作规划", "每年3月底前", "yearly", None, 3, "end"),
        ("督促各镇(街道)按季度采集脱贫人口收入支出信息", "按季度", "quarterly", None, None, None),
    ],
)
def test_recurring(text: str, expression: str, freq: str, day: int | None, month: int | None, part: str | None) -> None:
    (item,) = found(text, CTX_2024)
    assert item.text == expression and item.kind == "recurring" and item.due is None
    assert item.recurrence is not None
    assert (item.recurrence.freq, item.recurrence.day, item.recurrence.month, item.recurrence.part) == (freq, day, month, part)


def test_relative_limits() -> None:
    text = "从发现风险线索到完成监测对象识别认定不超过15天,识别后10天内完成信息系统录入"
    assert [(d.text, d.kind, d.within_days) for d in found(text, CTX_2024)] == [
        ("不超过15天", "relative", 15),
        ("10天内", "relative", 10),
    ]


def test_named_days() -> None:
    fixed, movable = found("在七一前夕、春节前后,根据市统一部署要求,组织开展走访慰问。", CTX_2020)
    assert (fixed.text, fixed.named_day, fixed.due) == ("七一前夕", "七一", dt.date(2020, 7, 1))
    assert (movable.text, movable.named_day, movable.due, movable.kind) == ("春节前后", "春节", None, "on")
    assert movable.unresolved


def test_chinese_numeral_dates() -> None:
    assert summary("十一月底前完成验收,二〇二四年底前全面完成", CTX_2024) == [
        ("十一月底前", "by", dt.date(2024, 11, 30)),
        ("二〇二四年底前", "by", dt.date(2024, 12, 31)),
    ]


def test_no_document_date_keeps_year_less_deadlines_unresolved() -> None:
    items = found("确保10月底前全部竣工,七一前夕走访,2022年6月底前完成", DocContext())
    assert [(d.text, d.due) for d in items] == [("10月底前", None), ("七一前夕", None), ("2022年6月底前", dt.date(2022, 6, 30))]
    assert items[0].unresolved and items[1].unresolved and items[2].unresolved is None


def test_spans_are_global_offsets() -> None:
    text = "原则上须在4月份完成立项"
    (item,) = found(text, CTX_2020, start=1000)
    assert item.span == Span(start=1005, end=1008)
    assert text[item.span.start - 1000:item.span.end - 1000] == item.text


@pytest.mark.parametrize(
    "text",
    [
        "该中心设立于1987年12月,是全市最早的服务机构",
        "2020年是全面建成小康社会的决胜之年",
        "对2020年新风行动任务具体部署如下",
        "今年1月至今查处乱堆乱倒460余起",
        "2017年换届以来全市已免职不合格村干部173名",
        "对2013年至2023年底使用各级财政扶贫资金等资产进行全面“回头看”",
        "深入开展一月一主题文明集市活动",
        "2年至少组织镇干部开展1次干部健康体检",
        "35岁以下、大专及以上学历专职村文书配备率达到90%以上",
        "重视春节、元宵、清明、端午等传统民族节日",
        "县委办发〔2022〕33号",
        "公开日期 2024-03-29",
        "                        2020年3月30日",
    ],
)
def test_not_deadlines(text: str) -> None:
    assert found(text, CTX_2024) == []


def test_long_adversarial_input_completes() -> None:
    text = ("2022年" * 20000) + ("每月" * 20000) + ("1-" * 20000) + ("月底前" * 20000) + ("十" * 20000)
    items = find_deadlines(node_text(text), CTX_2022)
    assert all(text[d.span.start:d.span.end] == d.text for d in items)


def test_seed_002_whole_year_opening_a_clause() -> None:
    text = "增加农民财产性收入。全年培育家庭农场3家,保持全年工作联系不断,明确全年协作交流工作目标"
    assert summary(text, CTX_2024) == [("全年", "by", dt.date(2024, 12, 31))]


def test_rhythm_compounds_but_not_quoted_routine_names() -> None:
    text = "通过建立改厕进度月报、组织季度交流报告等制度。“半年点评”,6月底召开点评会"
    assert [(d.text, d.kind, d.recurrence.freq if d.recurrence else None) for d in found(text, CTX_2020)] == [
        ("月", "recurring", "monthly"), ("季度", "recurring", "quarterly"), ("6月底", "by", None),
    ]


def test_month_count_is_a_relative_limit() -> None:
    (deadline,) = found("一般问题7天内落实,重大问题1个月内落实", CTX_2024)[1:]
    assert (deadline.text, deadline.kind, deadline.within_days) == ("1个月内", "relative", 30)


def rhythms(text: str, ctx: DocContext = CTX_2024) -> list[tuple[str, str, str | None, str | None]]:
    """(text, kind, freq, part) of every deadline found, for rhythm tests."""
    return [
        (d.text, d.kind, d.recurrence.freq if d.recurrence else None, d.recurrence.part if d.recurrence else None)
        for d in found(text, ctx)
    ]


def test_year_parts_glued_to_a_routine_verb_are_rhythms() -> None:
    text = "实行镇党委统一领导机制年初召开专题会议进行安排部署,半年召开观摩会议现场推进,年终召开会议进行阶段总结。"
    assert rhythms(text, CTX_2022) == [
        ("年初", "recurring", "yearly", "early"),
        ("半年", "recurring", "half-yearly", None),
        ("年终", "recurring", "yearly", "end"),
    ]


def test_doubled_periods_and_rhythm_words_with_a_year_part() -> None:
    assert rhythms("规范每月15日主题党日活动,做到月月有计划、活动有记录、年终有总结。")[1:] == [
        ("月月", "recurring", "monthly", None),
        ("年终", "recurring", "yearly", "end"),
    ]
    assert rhythms("每年年终,组织全村过半以上党员和群众代表评议村干部") == [("每年年终", "recurring", "yearly", "end")]


@pytest.mark.parametrize(
    "text",
    [
        "考核结果作为年终成效考核重要依据",
        "把中心组成员的理论学习情况与年终考核挂钩",
        "对逾期超过半年的贷款建立台账",
        "近半年召开会议3次",
        "去年年底已全部完成",
        "本月月底前完成数据修正",
    ],
)
def test_year_parts_inside_other_words_are_not_rhythms(text: str) -> None:
    assert found(text, CTX_2024) == []


def test_year_end_opening_a_clause_is_a_date() -> None:
    text = "“年终总结”,年终县委、县政府主要领导组织召开全县总结会"
    assert summary(text, CTX_2024) == [("年终", "by", dt.date(2024, 12, 31))]


def test_a_routine_named_again_is_not_a_second_rhythm() -> None:
    text = "建立“月通报、季调度、半年点评、年终总结”机制。“半年点评”,6月底,县委主要领导组织召开全县半年点评会。"
    assert rhythms(text) == [
        ("月", "recurring", "monthly", None),
        ("季", "recurring", "quarterly", None),
        ("半年", "recurring", "half-yearly", None),
        ("年终", "recurring", "yearly", "end"),
        ("6月底", "by", None, None),
    ]


def test_monthly_routines_with_one_in_one_out_wording() -> None:
    text = "采取“一月一调度、一月一提示、定期督促检查”的方式"
    assert rhythms(text) == [("一月一", "recurring", "monthly", None), ("一月一", "recurring", "monthly", None)]


def test_a_routine_word_that_starts_a_noun_is_no_rhythm() -> None:
    text = "每月核实相关信息,报送相关基础数据、月报表、信息"
    assert rhythms(text) == [("每月", "recurring", "monthly", None)]


def test_every_working_day_and_dates_inside_titles() -> None:
    text = "连续9年每个工作日发布《工作日报》。组织学习《关于2024年底前完成改厕任务的通知》"
    assert rhythms(text) == [("每个工作日", "recurring", "daily", None)]


def test_a_month_part_without_a_month_recurs_monthly() -> None:
    text = "每月组织开展系统项目资金数据集中排查,督促各责任单位月底前修正完善数据信息"
    assert rhythms(text) == [("每月", "recurring", "monthly", None), ("月底前", "recurring", "monthly", "end")]


@pytest.mark.parametrize("text", ["本月底前完成数据修正", "于次月底前报送", "当月底统计", "正月初八开展活动"])
def test_a_month_part_after_a_word_naming_one_month_is_not_monthly(text: str) -> None:
    assert found(text, CTX_2024) == []


def test_bare_year_opening_a_clause_in_a_dated_document() -> None:
    text = "推动建设新型阅读空间,2024年新型阅读空间覆盖50%的社区,2024年是关键之年,2024年度增收目标明确"
    assert summary(text, CTX_2022) == [("2024年", "by", dt.date(2024, 12, 31))]
    assert summary("确保2024年全县脱贫人口、防返贫监测对象100%参保", CTX_2024) == [("2024年", "by", dt.date(2024, 12, 31))]


def test_bare_year_in_an_undated_document_needs_a_goal_word() -> None:
    undated = DocContext()
    assert summary("保障了水运安全。2017年,全省发生一般及以上等级水上交通事故3起", undated) == []
    assert summary("2017年召开8次党委会研究部署党建工作", undated) == []
    assert summary("2018年,力争完成1个市级基层协商试点工作", undated) == [("2018年", "by", dt.date(2018, 12, 31))]


def test_a_report_keeps_only_cued_dates() -> None:
    report = DocContext(report=True)
    text = (
        "每月在民生工程信息系统平台上填报;5月初会同县财政局联合印发实施方案。9月28日,《人民政协报》头版进行了报道。"
        "3月1日至5月31日开展集中整治,力争到2020年底实现全部脱贫。"
    )
    assert [(d.text, d.kind) for d in found(text, report)] == [("每月", "recurring"), ("力争到2020年底", "by")]
    assert [d.text for d in found(text, DocContext())] == ["每月", "5月初", "9月28日", "3月1日至5月31日", "力争到2020年底"]


def test_uncued_date_in_a_condition_clause_is_not_a_deadline() -> None:
    assert found("年内2次督导结果为“红色”的,党支部书记述职评议考核不得评为优秀等次", CTX_2022) == []
    assert summary("年内顺利完成组长项目，得到群众认可的得基本分", CTX_2020) == [("年内", "by", dt.date(2020, 12, 31))]
    assert summary("2022年底前未完成整改的,予以通报", CTX_2022) == [("2022年底前", "by", dt.date(2022, 12, 31))]


def test_a_count_within_one_period_is_a_rhythm() -> None:
    text = "联系贫困村(社)的单位一年进村不少于4次、累计时间不少于1个月,联系特困户的干部一年入户不少于2次"
    assert rhythms(text, DocContext()) == [("一年", "recurring", "yearly", None), ("一年", "recurring", "yearly", None)]
    assert rhythms("各村一年一次组织党员体检") == [("一年", "recurring", "yearly", None)]


@pytest.mark.parametrize(
    "text",
    [
        "分类分批进行为期一年的大培训,累计培训3次",
        "我局党建活动一年一主题,旗帜鲜明",
        "一年级学生开展2次家访",
        "一年来共开展活动30次",
        "第一年开展3次专项检查",
        "力争用一年时间完成3次评估",
    ],
)
def test_one_year_that_is_no_rhythm(text: str) -> None:
    assert found(text, CTX_2024) == []
