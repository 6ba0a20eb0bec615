"""Deadline annotator mechanisms: global spans and bounded time on adversarial input.

The deadline phrases themselves are cases in tests/cases/deadlines.yaml (run by tests/test_cases.py).
"""

from __future__ import annotations

import datetime as dt

from govplan.annotate.base import DocContext, NodeText
from govplan.annotate.deadlines import find_deadlines
from govplan.spec.model import Deadline, Span, TaskNode

CTX_2020 = DocContext(doc_date=dt.date(2020, 3, 30))  # seed 000
CTX_2022 = DocContext(doc_date=dt.date(2022, 4, 29))  # seed 001


def node_text(text: str, start: int = 0) -> NodeText:
    node = TaskNode(id="t", style="unnumbered", level=1, text=text, line=1, span=Span(start=start, end=start + len(text)))
    return NodeText(node=node, start=start, text=text)


def found(text: str, ctx: DocContext, start: int = 0) -> list[Deadline]:
    return find_deadlines(node_text(text, start), ctx)


def test_spans_are_global_offsets() -> None:
    text = "原则上须在4月份完成立项"
    (item,) = found(text, CTX_2020, start=1000)
    assert item.span == Span(start=1005, end=1008)
    assert text[item.span.start - 1000:item.span.end - 1000] == item.text


def test_long_adversarial_input_completes() -> None:
    text = ("2022年" * 20000) + ("每月" * 20000) + ("1-" * 20000) + ("月底前" * 20000) + ("十" * 20000)
    items = find_deadlines(node_text(text), CTX_2022)
    assert all(text[d.span.start:d.span.end] == d.text for d in items)


def test_a_date_after_de_keeps_the_rhythm() -> None:
    """每X的 + noun is no routine (每季度的形象进度), but a date after 的 times one (每年的三月, 每年的第一季度, 每月的月底)."""
    for text in ("每年的三月开展植树活动", "每年的第一季度开展检查", "每月的月底前报送进度", "每年的4月15日前报送年度报告"):
        assert any(d.kind == "recurring" for d in found(text, CTX_2022)), text
    assert not found("明确每项任务的具体责任人和每季度的形象进度", CTX_2022)

