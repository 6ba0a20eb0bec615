"""scripts/pool_diff.py: the items a change adds or drops on unlabelled notices, shown with their surroundings (crafted
specs and texts; one real run of the extractor twice over a crafted notice in a temp pool)."""

from __future__ import annotations

import subprocess
import sys

from tests.script_modules import ROOT, load_script

pool_diff = load_script("pool_diff")


def test_items_name_task_text_and_reading_of_each_kind() -> None:
    spec = {"tasks": [{"id": "一.1", "units": [{"text": "县财政局", "role": "lead", "span": {"start": 5}}],
                       "deadlines": [{"text": "6月底前", "kind": "by", "due": "2024-06-30", "span": {"start": 9}}],
                       "targets": [{"text": "90%以上", "comparator": ">=", "value": 90.0, "unit": "%", "span": {"start": 20}}]}]}
    assert pool_diff.items(spec, "units") == {("一.1", "县财政局", "lead", "5")}
    assert pool_diff.items(spec, "deadlines") == {("一.1", "6月底前", "by 2024-06-30", "9")}
    assert pool_diff.items(spec, "targets") == {("一.1", "90%以上", ">= 90.0 %", "20")}
    assert pool_diff.items(spec, "tasks") == {("一.1", "", "", "")}


def test_context_marks_the_item_within_its_line_only() -> None:
    text = "一、总体要求\n由县财政局牵头，6月底前完成。\n二、保障措施"
    start = str(text.index("县财政局"))
    assert pool_diff.context(text, start) == "由【县财政局牵头，6月底前完成。"
    assert pool_diff.context(text, "") == ""


def test_the_same_code_twice_changes_nothing(tmp_path) -> None:
    (tmp_path / "p001.txt").write_text("关于做好防汛工作的通知\n一、加强值守\n县水利局要于6月底前完成隐患排查。\n", encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "pool_diff.py"), "--before", str(ROOT), "--after",
                             str(ROOT), "--pool", str(tmp_path)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "1 pool texts, 1 and 1 specs extracted; 0 items changed"
