"""scripts/item_shapes.py: the forms it counts deadline and target misses by (crafted lines, no corpus text)."""

from __future__ import annotations

import pytest

from tests.script_modules import load_script

item_shapes = load_script("item_shapes")


@pytest.mark.parametrize(("text", "form"), [
    ("“十四五”期间", "five-year plan"), ("2024-2026年", "period or range"), ("自2022年7月1日至2023年6月30日", "period or range"), ("自2022年7月1日起", "start (起/开始/施行)"),
    ("从2023年第二季度起", "start (起/开始/施行)"),
    ("每月25日前", "rhythm (每/定期/逐)"), ("3个工作日内", "relative (N天/个月内)"), ("月度", "rhythm word alone (月度/季度/年度)"),
    ("2022年6月底前", "year and month + 底前/末前"), ("2023年12月31日", "full date + bare"), ("9月底完成", "month (旬/底/份) + 完成/实现/到位"),
    ("年底前", "year part (年底/上半年/年内) + 底前/末前"), ("2025年", "year alone + bare"), ("2021.12", "digits without 年/月 (2021.8, 1225日)"),
    ("6个月", "duration (5天, 6个月)"), ("尽快", "other"),
])
def test_deadline_forms(text: str, form: str) -> None:
    assert item_shapes.deadline_form(text) == form


@pytest.mark.parametrize(("row", "text", "form"), [
    ("到2025年，覆盖率达到90%以上", "90%", "at least (以上/不低于/不少于/超过) / percent"),
    ("现已累计建成12个站点", "12个", "report (已/累计/现有/截至) / count (个/家/项/所/处)"),
    ("单笔50万元以上的项目须报批", "50万元", "condition (…的, 对/凡/年满) / money"),
    ("落实《关于支持3000家企业的意见》", "3000家", "inside a title 《》 / count (个/家/项/所/处)"),
    ("新建道路12公里", "12公里", "reach (达到/实现/完成/建成) / measure (公里/亩/平方米/吨)"),
    ("全年", "5个", "not in its line / count (个/家/项/所/处)"),
])
def test_target_forms_read_the_setting_in_the_line(row: str, text: str, form: str) -> None:
    assert item_shapes.target_form(text, row) == form


def test_item_shapes_count_by_field_kind_cause_and_form(monkeypatch: pytest.MonkeyPatch) -> None:
    from govplan.evaluate import DocumentScore, Miss

    class Doc:  # item_shapes reads only the source text of a document
        pass

    score = DocumentScore("x.yaml", misses=[Miss("deadline_spans", "missed", 1, "2025年", cause="in found task"),
                                            Miss("targets", "spurious", 1, "90%", cause="in gold task"),
                                            Miss("lead_units", "missed", 1, "市财政局", cause="name not found")])
    monkeypatch.setattr(item_shapes, "source_text", lambda document: "2025年，覆盖率达到90%以上")
    shapes = item_shapes.item_shapes([Doc()], [score])
    assert shapes == {("deadline_spans", "missed", "in found task", "year alone + bare"): 1,
                      ("targets", "spurious", "in gold task", "at least (以上/不低于/不少于/超过) / percent"): 1}
    assert "deadline_spans" in "\n".join(item_shapes.tables(shapes, 3))
