"""Merging a fresh extraction into a spec a person edited: real seed specs, written to YAML,
edited the way a person would, read back and merged."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from govplan.errors import GovplanError
from govplan.merge import Conflict, fingerprint, merge_specs, stamp
from govplan.pipeline import extract_specs
from govplan.readers import decode_bytes, read_source
from govplan.spec.model import Spec, TaskNode
from tests.conftest import seed


def extracted(prefix: str) -> Spec:
    (spec,) = extract_specs(read_source(seed(prefix)))
    return spec


def written(spec: Spec, tmp_path: Path) -> dict[str, Any]:
    """The stamped spec written as a YAML file and loaded back, as `extract --update` would find it."""
    path = tmp_path / "spec.yaml"
    yaml = YAML()
    yaml.allow_unicode = True
    buf = io.StringIO()
    yaml.dump(stamp(spec), buf)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))


def node(data: dict[str, Any], node_id: str) -> dict[str, Any]:
    """The node ``node_id`` of spec data (fails the test when it is missing)."""
    stack = list(data.get("tasks", []))
    while stack:
        item = stack.pop()
        if item["id"] == node_id:
            return item
        stack.extend(item.get("children", []))
    raise AssertionError(f"no node {node_id}")


def ids(data: dict[str, Any]) -> list[str]:
    result: list[str] = []

    def visit(items: list[dict[str, Any]]) -> None:
        for item in items:
            result.append(item["id"])
            visit(item.get("children", []))

    visit(data.get("tasks", []))
    return result


def retitled(spec: Spec, node_id: str, title: str) -> Spec:
    """A copy of ``spec`` as an older extractor might have written it: one node titled differently."""
    older = spec.model_copy(deep=True)
    next(n for n in older.walk() if n.id == node_id).title = title
    return older


def as_spec(data: dict[str, Any]) -> Spec:
    """Merged data validated as a Spec (fingerprints set aside until the model carries them)."""
    clean = {k: v for k, v in data.items() if k not in ("fingerprint", "document_fingerprint")}

    def strip(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{**{k: v for k, v in item.items() if k != "fingerprint"}, "children": strip(item.get("children", []))}
                for item in items]

    clean["tasks"] = strip(clean.get("tasks", []))
    return Spec.model_validate(clean)


def test_fingerprint_is_stable_and_content_sensitive() -> None:
    first, second = extracted("000"), extracted("000")
    assert fingerprint(first) == fingerprint(second)
    assert len(fingerprint(first)) == 64
    assert fingerprint(retitled(first, "2", "另一个标题")) != fingerprint(first)
    first.fingerprint = "0" * 64
    assert fingerprint(first) == fingerprint(second)


def test_stamp_records_spec_document_and_node_fingerprints() -> None:
    spec = extracted("000")
    data = stamp(spec)
    assert data["fingerprint"] == fingerprint(spec)
    record, digests = data["document_fingerprint"].split(":")
    assert len(record) == 16 and len(digests) == 4 * 9  # 7 metadata fields, notes, top-level ids
    hashes = [node(data, i)["fingerprint"] for i in ids(data)]
    assert len(hashes) == len(list(spec.walk())) and len(set(hashes)) == len(hashes)


def test_stamped_data_is_in_field_order_and_writes_as_the_validated_spec() -> None:
    from govplan.spec.io import data_to_yaml, dump_yaml

    spec = extracted("002")
    spec.fingerprint = "f" * 64  # a spec read back from a file: its old fingerprints are replaced
    data = stamp(spec)
    validated = Spec.model_validate(data)
    assert data_to_yaml(data) == dump_yaml(validated)
    assert list(node(data, ids(data)[0])) == [k for k in TaskNode.model_fields if k in node(data, ids(data)[0])]
    assert data["fingerprint"] != "f" * 64


def test_untouched_file_is_replaced_by_the_fresh_extraction(tmp_path: Path) -> None:
    older = retitled(extracted("000"), "2", "旧标题")
    fresh = extracted("000")
    result = merge_specs(written(older, tmp_path), fresh)
    assert not result.edited and not result.conflicts
    assert result.data == stamp(fresh)
    assert node(result.data, "2")["title"] == "大力组织实施“组长项目”"


def test_person_edits_are_kept_when_extraction_is_unchanged(tmp_path: Path) -> None:
    spec = extracted("000")
    edited = written(spec, tmp_path)
    node(edited, "3")["title"] = "基层关爱服务（人工修订）"
    node(edited, "附件1.十一")["units"].pop(0)
    edited["metadata"]["issuer"] = "泰州市新风行动办"
    result = merge_specs(edited, spec)
    assert result.edited and result.conflicts == [] and result.added == [] and result.dropped == []
    assert node(result.data, "3")["title"] == "基层关爱服务（人工修订）"
    assert [u["name"] for u in node(result.data, "附件1.十一")["units"]][0] == "市应急管理局"
    assert result.data["metadata"]["issuer"] == "泰州市新风行动办"
    assert result.data["fingerprint"] == fingerprint(spec)
    assert as_spec(result.data).metadata.issuer == "泰州市新风行动办"


def test_extractor_changes_reach_fields_the_person_did_not_touch(tmp_path: Path) -> None:
    fresh = extracted("000")
    older = retitled(retitled(fresh, "附件2.2", "组长项目（旧）"), "3", "关爱服务（旧）")
    edited = written(older, tmp_path)
    node(edited, "3")["units"] = []  # the person removes a wrong unit from node 3
    result = merge_specs(edited, fresh)
    assert result.conflicts == []
    assert node(result.data, "附件2.2")["title"] == "“组长项目”推进情况"  # only the extractor changed it
    assert node(result.data, "3")["title"] == "积极做好基层关爱服务"  # the extractor's title fix …
    assert "units" not in node(result.data, "3")  # … and the person's removal, in the same node


def test_both_changed_the_same_field_is_a_conflict_the_person_wins(tmp_path: Path) -> None:
    fresh = extracted("000")
    edited = written(retitled(fresh, "2", "组长项目（旧）"), tmp_path)
    node(edited, "2")["title"] = "组长项目（人工）"
    result = merge_specs(edited, fresh)
    assert result.conflicts == [Conflict("2", "title", "组长项目（人工）", "大力组织实施“组长项目”")]
    assert node(result.data, "2")["title"] == "组长项目（人工）"


def test_deleted_nodes_stay_deleted_and_new_nodes_are_added(tmp_path: Path) -> None:
    fresh = extracted("000")
    older = fresh.model_copy(deep=True)
    attachment = next(n for n in older.walk() if n.id == "附件2.3")
    attachment.children = attachment.children[:2]  # the older extractor missed (3)
    edited = written(older, tmp_path)
    node(edited, "附件1.一")["children"] = node(edited, "附件1.一")["children"][:1]  # person deletes .2 and .3
    result = merge_specs(edited, fresh)
    assert result.conflicts == []
    assert result.added == ["附件2.3.(3)"]
    merged = ids(result.data)
    assert "附件2.3.(3)" in merged
    assert "附件1.一.2" not in merged and "附件1.一.3" not in merged
    assert len(merged) == len(list(fresh.walk())) - 2


def test_unedited_nodes_the_extractor_no_longer_finds_are_dropped(tmp_path: Path) -> None:
    fresh = extracted("000")
    older = fresh.model_copy(deep=True)
    stray = next(n for n in older.walk() if n.id == "1").model_copy(update={"id": "1.(一)", "level": 2})
    next(n for n in older.walk() if n.id == "1").children = [stray]
    edited = written(older, tmp_path)
    node(edited, "2")["title"] = "人工修订"
    result = merge_specs(edited, fresh)
    assert result.dropped == ["1.(一)"] and result.conflicts == []
    assert "1.(一)" not in ids(result.data)


def test_edited_nodes_the_extractor_no_longer_finds_are_kept_with_a_conflict(tmp_path: Path) -> None:
    fresh = extracted("000")
    older = fresh.model_copy(deep=True)
    stray = TaskNode(id="1.(一)", style="cn_paren", level=2, text="(一)旧任务", line=1, span={"start": 0, "end": 5})
    next(n for n in older.walk() if n.id == "1").children = [stray]
    edited = written(older, tmp_path)
    node(edited, "1.(一)")["title"] = "人工确认的任务"
    result = merge_specs(edited, fresh)
    assert result.conflicts == [Conflict("1.(一)", "exists", True, False)]
    assert node(result.data, "1.(一)")["title"] == "人工确认的任务"


def test_nodes_a_person_adds_are_kept(tmp_path: Path) -> None:
    fresh = extracted("000")
    edited = written(fresh, tmp_path)
    added = {"id": "3.(一)", "style": "cn_paren", "level": 2, "text": "(一)人工补充的任务", "line": 1,
             "span": {"start": 0, "end": 0}, "title": "人工补充的任务"}
    node(edited, "3").setdefault("children", []).append(added)
    result = merge_specs(edited, fresh)
    assert result.conflicts == [] and result.dropped == []
    assert node(result.data, "3.(一)")["title"] == "人工补充的任务"
    (three,) = [task for task in as_spec(result.data).tasks if task.id == "3"]
    assert three.children[0].id == "3.(一)"


def test_a_changed_source_moves_spans_but_keeps_the_edit(tmp_path: Path) -> None:
    fresh_source = decode_bytes("notice.txt", "（修订版）\n".encode() + seed("000").read_bytes(), "txt")
    (fresh,) = extract_specs(fresh_source)
    edited = written(extracted("000"), tmp_path)
    node(edited, "附件1.二.2")["title"] = "文明创建（人工）"
    result = merge_specs(edited, fresh)
    assert result.conflicts == []
    merged = node(result.data, "附件1.二.2")
    assert merged["title"] == "文明创建（人工）"
    assert merged["span"] == node(stamp(fresh), "附件1.二.2")["span"] != node(edited, "附件1.二.2")["span"]
    assert result.data["source"]["sha256"] == fresh.source.sha256


def test_a_spec_without_fingerprints_keeps_everything_the_person_wrote(tmp_path: Path) -> None:
    fresh = extracted("000")
    edited = written(retitled(fresh, "1", "旧标题"), tmp_path)
    for key in ("fingerprint", "document_fingerprint"):
        del edited[key]
    for node_id in ids(edited):
        del node(edited, node_id)["fingerprint"]
    result = merge_specs(edited, fresh)
    assert node(result.data, "1")["title"] == "旧标题"
    assert Conflict("1", "title", "旧标题", "聚力推动三年目标必成") in result.conflicts


@pytest.mark.parametrize("broken", [["not", "a", "mapping"], {"tasks": [{"id": "1"}]}])
def test_an_invalid_existing_spec_is_a_govplan_error(broken: Any) -> None:
    with pytest.raises(GovplanError):
        merge_specs(broken, extracted("000"))


def test_compilation_parts_merge_independently(tmp_path: Path) -> None:
    specs = extract_specs(read_source(seed("003")))
    edited = written(specs[1], tmp_path)
    first = ids(edited)[0]
    node(edited, first)["title"] = "人工标题"
    result = merge_specs(edited, specs[1])
    assert result.conflicts == [] and node(result.data, first)["title"] == "人工标题"
    assert merge_specs(written(specs[2], tmp_path), specs[2]).edited is False


def test_a_field_digest_collision_never_costs_an_edit(tmp_path: Path) -> None:
    """Field digests are 16 bits: a hand-written title may share the digest of the extractor's old
    one. The record hash then disagrees with what the digests imply, so the edit is kept (conflict)."""
    import itertools

    from govplan.merge import _NODE_RECORD, _digest, _digests

    fresh = extracted("000")
    edited = written(retitled(fresh, "2", "组长项目（旧）"), tmp_path)
    old_digest = _digests(node(edited, "2")["fingerprint"], _NODE_RECORD)["title"]  # type: ignore[index]
    collision = next(t for t in (f"人工标题{k}" for k in itertools.count()) if _digest("title", t) == old_digest)
    node(edited, "2")["title"] = collision
    result = merge_specs(edited, fresh)
    assert node(result.data, "2")["title"] == collision
    assert [c.field for c in result.conflicts] == ["title"]


@pytest.mark.parametrize("value", [
    [], {}, None, True, 1.5, float("nan"), float("-inf"), 10**20, "引号\"与\\斜杠\n",
    [{"text": "县人社局", "span": {"start": 3, "end": 7}, "value": 0.25, "percent": True, "by": None}],
    {"b": [1, {"d": "二", "c": []}], "a": "一"},
])
def test_a_field_is_written_as_the_canonical_encoder_writes_it(value: Any) -> None:
    from govplan.merge import _ACYCLIC, _CANONICAL, _field_json

    assert _field_json(value) == _ACYCLIC.encode(value) == _CANONICAL.encode(value)
