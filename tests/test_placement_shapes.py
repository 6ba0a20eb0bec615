"""scripts/placement_shapes.py: how it relates the extractor's node to the gold's (crafted paths, no corpus text)."""

from __future__ import annotations

import pytest

from tests.script_modules import load_script

placement_shapes = load_script("placement_shapes")


@pytest.mark.parametrize(("gold", "ours", "kind"), [
    ("一", "一.(三)", "its child"), ("一", "一.(三).2", "deeper under it"), ("一.(三)", "一", "its parent"),
    ("一.(三).2", "一", "higher above it"), ("一.(三)", "一.(二)", "a sibling"), ("一.(三)", "二.(一)", "elsewhere"),
])
def test_relation_names_how_the_extractors_node_stands_to_the_golds(gold: str, ours: str, kind: str) -> None:
    assert placement_shapes.relation(gold, ours) == kind


def test_the_stating_node_is_the_nearest_ancestor_naming_the_unit_in_the_role() -> None:
    gold = {"assignments": [{"task": "一", "lead": ["县财政局"]}, {"task": "一.1", "support": ["县财政局"]},
                            {"task": "一.1.(2)", "lead": ["县人社局"]}]}
    assert placement_shapes.stating_node(gold, "lead", "一.1.(2)", "县财政局") == "一"
    assert placement_shapes.stating_node(gold, "support", "一.1.(2)", "县财政局") == "一.1"
