"""Target annotator mechanisms: global spans, bounded time on adversarial input, the document mood.

The target phrases themselves are cases in tests/cases/targets.yaml (run by tests/test_cases.py).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from govplan.annotate.base import DocContext, NodeText
from govplan.annotate.deadlines import find_deadlines
from govplan.annotate.targets import find_targets, reads_as_report
from govplan.spec.model import Span, TaskNode

CTX = DocContext(doc_date=dt.date(2024, 3, 29))


def node_text(text: str, start: int = 0) -> NodeText:
    node = TaskNode(id="t", style="unnumbered", level=1, text=text, line=1, span=Span(start=start, end=start + len(text)))
    return NodeText(node=node, start=start, text=text)


def test_spans_are_global_offsets() -> None:
    text = "各项目实施单位要确保项目资金支出率达到4月底30%以上、6月底50%以上、9月底75%以上、12月底100%。"
    nt = node_text(text, start=500)
    targets = find_targets(nt, find_deadlines(nt, CTX))
    assert len(targets) == 4
    assert all(text[t.span.start - 500:t.span.end - 500] == t.text for t in targets)


def test_long_adversarial_input_completes() -> None:
    text = ("1" * 30000) + ("5个，" * 10000) + ("4月底30%以上、" * 5000) + ("1-" * 20000) + ("十" * 20000)
    nt = node_text(text)
    targets = find_targets(nt, find_deadlines(nt, CTX))
    assert len(targets) == 15000


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


def test_a_document_that_reads_as_a_report_reads_as_a_report() -> None:
    assert reads_as_report(REPORT)
    assert not reads_as_report(PLAN)
    assert not reads_as_report(["已完成1项。"])  # too few cues to judge a whole document


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("新增示范村40个。", "新增示范村"),  # nothing to drop: kept as written, unsegmented
        ("森林覆盖率达到60%。", "森林覆盖率"),  # a tail word
        ("全年粮食产量1200万吨。", "粮食产量"),  # a lead word
        ("新建 标准厂房10万平方米。", "新建标准厂房"),  # a blank inside
        ("建成区绿地率 40%。", "建成区绿地率"),  # a blank at the end
    ],
)
def test_metric_phrase_drops_only_cue_words_blanks_and_filler(text: str, metric: str) -> None:
    nt = node_text(text)
    assert [t.metric for t in find_targets(nt, find_deadlines(nt, CTX))] == [metric]


def _targets_bank() -> list:
    """The cases of tests/bank/targets-bank.yaml, each one marked `miss` expected to fail (strict)."""
    from ruamel.yaml import YAML

    cases = YAML(typ="safe", pure=True).load((Path(__file__).parent / "bank" / "targets-bank.yaml").read_text(encoding="utf-8"))
    return [pytest.param(c, id=f"targets-bank-{k}", marks=[pytest.mark.xfail(strict=True, reason=c.get("miss", ""))] * ("miss" in c))
            for k, c in enumerate(cases or [], start=1)]


@pytest.mark.parametrize("case", _targets_bank())
def test_targets_bank(case: dict) -> None:
    """The out-of-corpus bank of target readings: every case read as written, those marked `miss` still failing."""
    from test_cases import test_case

    test_case({k: v for k, v in case.items() if k != "miss"})
