"""scripts/perturb.py: each shape rewrites a tiny notice and its gold items follow their characters."""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location("perturb", Path(__file__).parent.parent / "scripts" / "perturb.py")
perturb = importlib.util.module_from_spec(_SPEC)
sys.modules["perturb"] = perturb  # dataclasses look their module up
_SPEC.loader.exec_module(perturb)

TEXT = "关于做好工作的通知\n\n一、总体要求\n（一）加强领导。各县（市、区）于2024年6月底前完成部署，覆盖率达到90%以上。\n\n二、保障措施\n"
GOLD = {
    "source": "x.txt", "lines": [3, 6],
    "tasks": [{"path": "一", "line": 3}, {"path": "一.(一)", "line": 4}, {"path": "二", "line": 6}],
    "deadlines": [{"line": 4, "text": "2024年6月底前", "kind": "by", "due": "2024-06-30"}],
    "targets": [{"line": 4, "text": "90%以上", "value": 90, "unit": "%", "comparator": ">="}],
}


def _shaped(name: str) -> tuple[str, dict]:
    old = perturb.Located(TEXT)
    spans = [(s, s + len(e["text"])) for e in GOLD["deadlines"] + GOLD["targets"]
             for s in [old.offset(e["line"], e["text"], 1)]]
    tasks = tuple((t["path"], t["line"] - 1) for t in GOLD["tasks"])
    rewrite = perturb.SHAPES[name](TEXT, perturb.Known(spans, frozenset({2}), None, tasks), random.Random(0))
    new = perturb.Located(rewrite.text)
    mapped = perturb.map_gold(GOLD, old, new, rewrite.moved, frozenset(rewrite.unnumbered))
    return rewrite.text, perturb.repathed_gold(mapped, rewrite.repathed)


@pytest.mark.parametrize("name", sorted(perturb.SHAPES))
def test_items_follow_their_characters(name: str) -> None:
    """Every shape: each gold item is found at its new (line, text, nth), and tasks keep their line's text."""
    text, gold = _shaped(name)
    rows = text.split("\n")
    for item in gold["deadlines"] + gold["targets"]:
        assert rows[item["line"] - 1].count(item["text"]) >= item["nth"]
    task_lines = {t["path"]: rows[t["line"] - 1] for t in gold["tasks"]}
    second = {"decimal_outline": "2", "parts_above": "第二部分"}.get(name, "二")  # the shapes renumbering the levels
    if name != "numbering_lost":
        assert second in task_lines[second] or second in task_lines[second].replace("，", "、")
    first, last = gold["lines"]
    assert 1 <= first <= last <= len(rows)


def test_half_width_punctuation_rewrites_the_gold_text_too() -> None:
    text = TEXT.replace("（市、区）", "（市，区）")
    old = perturb.Located(text)
    rewrite = perturb.half_width_punctuation(text, perturb.Known(), random.Random(0))
    gold = {**GOLD, "deadlines": [{**GOLD["deadlines"][0], "text": "（市，区）于2024年6月底前"}]}
    mapped = perturb.map_gold(gold, old, perturb.Located(rewrite.text), rewrite.moved)
    assert "，" not in rewrite.text
    assert mapped["deadlines"][0]["text"] == "(市,区)于2024年6月底前"


def test_run_on_joins_lines_and_renumbers() -> None:
    text, gold = _shaped("run_on")
    assert text.count("\n") < TEXT.count("\n")
    assert gold["tasks"][0]["line"] == 2  # 一、 opens a document window: never joined onto the title


def test_pdf_text_never_cuts_an_item() -> None:
    long = "（一）" + "加强领导，" * 12 + "于2024年6月底前完成部署。"
    old = perturb.Located(long)
    start = long.index("2024")
    rewrite = perturb.pdf_text(long, perturb.Known([(start, start + 9)]), random.Random(0))
    assert "2024年6月底前" in rewrite.text and "\n" in rewrite.text
    assert perturb.Located(rewrite.text).item_at(rewrite.moved[start], 9)[1] == "2024年6月底前"
    assert old.text == long


def test_pdf_text_keeps_tab_rows_whole() -> None:
    row = "1\t组织领导\t8\t" + "积极配合各乡镇开展河长制工作，" * 4
    rewrite = perturb.pdf_text("一、考核内容\n" + row + "\n", perturb.Known(), random.Random(0))
    assert row in rewrite.text.split("\n")


def test_portal_chrome_shifts_lines() -> None:
    text, gold = _shaped("portal_chrome")
    assert text.startswith("索引号") and text.rstrip().endswith("【关闭窗口】")
    assert gold["tasks"][0]["line"] == 3 + len(perturb.PORTAL_HEAD)


def test_traditional_converts_the_gold_text() -> None:
    text, gold = _shaped("traditional")
    assert "關於" in text
    assert gold["deadlines"][0]["text"] == "2024年6月底前"
    assert "總體要求" in text.split("\n")[gold["tasks"][0]["line"] - 1]


def test_run_together_joins_with_nothing_and_keeps_table_rows() -> None:
    text = "一、总体要求\n（一）加强领导。\n\n（二）强化保障。\n序号\t任务\t牵头单位\n1\t加快建设\t市发改委\n"
    rewrite = perturb.run_together(text, perturb.Known(), random.Random(1))
    assert "（一）加强领导。（二）" in rewrite.text or "\n（二）" in rewrite.text
    assert "序号\t任务\t牵头单位\n1\t加快建设\t市发改委" in rewrite.text


def test_numbering_lost_lifts_the_items_and_numbers_on_restarts() -> None:
    text, gold = _shaped("numbering_lost")
    assert text.split("\n")[2] == "总体要求" and "二、" not in text
    assert [t["path"] for t in gold["tasks"]] == ["(一)"]
    assert perturb.lift_paths(["一", "一.(一)", "一.(一).1", "二", "二.(一)", "二.(一).1"], {"一", "二"}) == {
        "一": None, "一.(一)": "(一)", "一.(一).1": "(一).1", "二": None, "二.(一)": "(二)", "二.(一).1": "(二).1"}
    # docs/gold-format.md: a list that starts again under the same parent is numbered on by its place
    assert perturb.lift_paths(["一", "一.(一)", "一.(二)", "二", "二.(一)", "二.(二)", "二.(二).1"], {"一", "二"}) == {
        "一": None, "一.(一)": "(一)", "一.(二)": "(二)", "二": None, "二.(一)": "(三)", "二.(二)": "(四)", "二.(二).1": "(四).1"}


def test_numbering_lost_keeps_a_table_rows_number_cell() -> None:
    text = "一、\t通用考核项目\t40\n1\t组织领导\t8\n二、保障措施\n"
    known = perturb.Known(tasks=(("一", 0), ("一.1", 1), ("二", 2)))
    rewrite = perturb.numbering_lost(text, known, random.Random(0))
    assert rewrite.text == "一、\t通用考核项目\t40\n1\t组织领导\t8\n保障措施\n"


def test_ocr_slips_damage_labels_only() -> None:
    text = "\n".join(f"{n}、标题{n}\n（一）事项。" for n in "一二三四五六七八九十")
    tasks = tuple((path, k) for k, path in enumerate(p for n in "一二三四五六七八九十" for p in (n, f"{n}.(一)")))
    rewrite = perturb.ocr_slips(text, perturb.Known(tasks=tasks), random.Random(0))
    assert rewrite.text != text and len(rewrite.text) == len(text)
    assert {a for a, b in zip(text, rewrite.text) if a != b} <= {"一", "、"}
    assert rewrite.text.replace("—", "一").replace("-", "一").replace("，", "、") == text


def test_cells_per_line_puts_each_cell_on_a_line() -> None:
    text = "序号\t工作任务\t牵头单位\n1\t加快建设\t市发改委"
    rewrite = perturb.cells_per_line(text, perturb.Known(), random.Random(0))
    assert [line for line in rewrite.text.split("\n") if line] == ["序号", "工作任务", "牵头单位", "1", "加快建设", "市发改委"]


def test_names_elsewhere_renames_units_in_text_and_gold_alike() -> None:
    """A county notice's units become a 旗's (and a ministry another national body): the text and the gold say the
    same new names, a name inside a longer gold name the shape keeps stays, and dates still follow their characters."""
    text = "关于做好工作的通知\n一、加强监管（县人社局牵头，县财政局、教育部配合，县委、县政府督查室督办）。2024年6月底前完成。\n"
    gold = {**GOLD, "lines": [2, 2], "tasks": [{"path": "一", "line": 2}],
            "deadlines": [{"line": 2, "text": "2024年6月底前", "kind": "by", "due": "2024-06-30"}], "targets": [],
            "assignments": [{"task": "一", "lead": ["县人社局"], "support": ["县财政局", "教育部"],
                             "responsible": ["县委、县政府督查室"]}]}
    old = perturb.Located(text)
    start = old.offset(2, "2024年6月底前", 1)
    known = perturb.Known([(start, start + 9)], frozenset({1}), None, (("一", 1),), tuple(gold["assignments"]))
    rewrite = perturb.names_elsewhere(text, known, random.Random(0))
    mapped = perturb.renamed_gold(perturb.map_gold(gold, old, perturb.Located(rewrite.text), rewrite.moved), rewrite.renamed)
    units = [u for role in ("lead", "support", "responsible") for u in mapped["assignments"][0].get(role, [])]
    assert all(u in rewrite.text for u in units)
    assert units[0].startswith("旗") and units[1].startswith("旗") and units[0] != units[1]
    assert units[2] != "教育部" and "县委、县政府督查室" in rewrite.text  # a joint name is kept whole
    assert perturb.Located(rewrite.text).rows[mapped["deadlines"][0]["line"] - 1][1].count("2024年6月底前") == 1
    assert rewrite.text == perturb.names_elsewhere(text, known, random.Random(0)).text  # seeded: deterministic


def test_decimal_outline_writes_the_levels_as_outline_numbers() -> None:
    text, gold = _shaped("decimal_outline")
    assert text.split("\n")[2:6] == ["1 总体要求", "1.1 加强领导。各县（市、区）于2024年6月底前完成部署，覆盖率达到90%以上。", "",
                                      "2 保障措施"]
    assert [t["path"] for t in gold["tasks"]] == ["1", "1.1", "2"]


def test_parts_above_writes_the_first_level_as_parts() -> None:
    text, gold = _shaped("parts_above")
    assert text.split("\n")[2] == "第一部分\u3000总体要求" and text.split("\n")[3].startswith("（一）")
    assert [t["path"] for t in gold["tasks"]] == ["第一部分", "第一部分.(一)", "第二部分"]


def test_closing_brackets_keeps_paths_and_leaves_other_documents() -> None:
    text = "一、任务\n（1）加强领导。\n（2）强化保障。\n"
    known = perturb.Known(tasks=(("一", 0), ("一.(1)", 1), ("一.(2)", 2)))
    rewrite = perturb.closing_brackets(text, known, random.Random(0))
    assert rewrite.text == "一、任务\n1)加强领导。\n2)强化保障。\n" and not rewrite.repathed
    attached = perturb.Known(tasks=(("附件", 0), ("附件.(1)", 1)))  # a task no standard level numbers: left as it is
    assert perturb.decimal_outline(text, attached, random.Random(0)).text == text


def test_table_headers_rewrites_whole_column_words_only() -> None:
    text = "序号\t工作任务\t牵头单位\t配合单位\t完成时限\n1\t加快建设\t市发改委\t市财政局\t2024年底前\n\n乡镇 | 新种任务(亩) | 备注 |\n"
    rewrite = perturb.table_headers(text, perturb.Known(), random.Random(0))
    header, row = rewrite.text.split("\n")[:2]
    cells = header.split("\t")
    assert cells[0] == "序号" and cells[2] in perturb.HEADER_WORDS["lead"] and cells[3] in perturb.HEADER_WORDS["support"]
    assert cells[1] in perturb.HEADER_WORDS["task"] and cells[4] in perturb.HEADER_WORDS["time"]
    assert row == "1\t加快建设\t市发改委\t市财政局\t2024年底前" and "新种任务(亩)" in rewrite.text
    stream = "序号\n\n工作任务\n\n牵头单位\n\n1\n\n加快建设\n\n市发改委\n"
    assert perturb.table_headers(stream, perturb.Known(), random.Random(0)).text.split("\n")[4] in perturb.HEADER_WORDS["lead"]


def test_two_row_headers_spans_the_unit_columns() -> None:
    row = "1\t加快建设\t市发改委\t市财政局\t2024年底前"
    text = "序号\t工作任务\t牵头单位\t配合单位\t完成时限\n" + row + "\n"
    shaped = perturb.two_row_headers(text, perturb.Known(), random.Random(0)).text
    assert shaped.split("\n")[:3] == ["序号\t工作任务\t责任单位\t\t完成时限", "\t\t牵头单位\t配合单位\t", row]
    stream = "序号 |\n工作任务 |\n牵头单位 |\n配合单位 |\n完成时限 |\n1 |\n"
    assert perturb.two_row_headers(stream, perturb.Known(), random.Random(0)).text == (
        "序号 |\n工作任务 |\n责任单位 |\n完成时限 |\n牵头单位 |\n配合单位 |\n1 |\n")


def test_lost_separators_drops_the_arabic_item_separators_only() -> None:
    text = "一、任务\n1.加强领导。\n2、2月底前完成。\n（1）强化保障。\n3．10万元用于奖补。\n"
    known = perturb.Known(tasks=(("一", 0), ("一.1", 1), ("一.2", 2), ("一.2.(1)", 3), ("一.3", 4)))
    rewrite = perturb.lost_separators(text, known, random.Random(0))
    assert rewrite.text == "一、任务\n1加强领导。\n2 2月底前完成。\n（1）强化保障。\n3 10万元用于奖补。\n"
    assert not rewrite.repathed
