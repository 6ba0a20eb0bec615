"""Time linear in input size where the work used to be quadratic (compared at 4x the size)."""

from __future__ import annotations

import time

from govplan.annotate.deadlines import find_deadlines
from govplan.annotate.targets import _mask_deadlines
from tests.test_annotate_deadlines import CTX_2022, node_text


def best_of_three(action) -> float:  # type: ignore[no-untyped-def]
    """The least CPU time of three runs: CPU time, not wall time, since a test run on every core (make test)
    shares them with other workers (a wall-clock ratio measured 19 against 8 under load alone)."""
    times = []
    for _ in range(3):
        began = time.process_time()
        action()
        times.append(time.process_time() - began)
    return min(times)


def mask_every_target(count: int) -> None:
    """What the target annotator does on a line repeating "6月底前不少于5人；": one mask per target."""
    unit = "6月底前不少于5人；"
    text = unit * count
    dated = [(k * len(unit), k * len(unit) + 4) for k in range(count)]
    for k in range(count):
        start = k * len(unit)
        assert _mask_deadlines(text, start, start + 7, dated) == "不少于"


def test_masking_deadlines_is_linear_in_the_number_of_targets() -> None:
    """Defect 10: each target copied the rest of the deadline list (dated[i:]): 30 s at 1 MB."""
    small = best_of_three(lambda: mask_every_target(5_000))
    large = best_of_three(lambda: mask_every_target(20_000))
    assert large / small < 8, (small, large)  # linear ~4; the copies made it ~16


def test_deadlines_on_one_line_of_dates_are_linear_in_its_length() -> None:
    """A line of many dates: whether the line names a document and whether its sentence forecasts were judged
    again for each date, each time over the whole line (78 s of CPU for 20,000 dates in one line)."""
    def line_of_dates(count: int) -> None:
        find_deadlines(node_text("2022年" * count), CTX_2022)

    line_of_dates(10)  # the rules compile once, outside the measure
    small = best_of_three(lambda: line_of_dates(1_000))
    large = best_of_three(lambda: line_of_dates(4_000))
    assert large / small < 8, (small, large)  # linear ~4; judging the whole line per date made it ~16


def test_deadlines_in_one_list_of_years_are_linear_in_its_length() -> None:
    """A list of bare years joined by 、 (2018年、2019年…完成): each year is read as the list's first is, the list found
    once per text (walking it back and forth for each year took 10 s for 2,000 years)."""
    def list_of_years(count: int) -> None:
        find_deadlines(node_text("，" + "、".join(f"{2022 + k % 9}年" for k in range(count)) + "完成。"), CTX_2022)

    list_of_years(10)  # the rules compile once, outside the measure
    small = best_of_three(lambda: list_of_years(500))
    large = best_of_three(lambda: list_of_years(2_000))
    assert large / small < 8, (small, large)  # linear ~4; walking the list for each year made it ~16
