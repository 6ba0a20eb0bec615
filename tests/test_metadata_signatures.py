"""The date of issue of a notice stored on one line: its signature glued after a sentence end (issue 14, metadata31)."""

from __future__ import annotations

import datetime as dt

import pytest

from govplan.pipeline import extract_text


@pytest.mark.parametrize(("text", "expected"), [
    # narration: the sentence goes on from its date (a meeting, a printing, a deadline)
    ("关于印发某办法的通知各区人民政府：现将办法印发给你们。国务院2005年2月2日第80次常务会议通过了本办法。", None),
    ("关于某工作的通知各区人民政府：现将有关事项通知如下。市政府办公室2020年3月5日印发了实施方案。", None),
    ("关于某工作的通知各区人民政府：请认真落实。各区人民政府2024年6月30日前报送情况。", None),
    # the notice's own signature comes before the signature of the document it transmits
    ("关于转发某报告的通知各省人民政府：现转发给你们，请认真贯彻执行。国务院一九八七年三月三十日关于某事的报告"
     "一、某事。二、某事。国家计委一九八七年三月十四日", dt.date(1987, 3, 30)),
    # a spaced issuer and ideographic spaces, a date directly followed by the attachment
    ("关于某公司的批复某委：现批复如下。请认真执行。国 务 院2013年1月30日附件：某制度", dt.date(2013, 1, 30)),
])
def test_inline_signature(text: str, expected: dt.date | None) -> None:
    """The first issuer-and-date after a sentence end that no sentence goes on from is the date of issue."""
    assert extract_text(text)[0].metadata.date == expected


def test_date_line_wins() -> None:
    """A date standing on its own line under the signature is read before any signature inside a line."""
    text = "关于某工作的通知\n各区人民政府：\n请认真落实。某局2019年1月2日发布的办法同时废止。\n某市人民政府\n2020年5月6日\n"
    assert extract_text(text)[0].metadata.date == dt.date(2020, 5, 6)
