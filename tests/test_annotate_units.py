"""Unit annotator mechanisms: the alias registry and a user's registry file, the jieba cache,
global spans and bounded time on adversarial input.

The unit phrases themselves are cases in tests/cases/units.yaml (run by tests/test_cases.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govplan.lexical import segment
from govplan.annotate.base import NodeText
from govplan.annotate.units import assign_units
from govplan.registry import Registry, load_registry
from govplan.errors import GovplanError
from govplan.spec.model import Span, TaskNode


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


def annotate(text: str, registry: Registry, start: int = 0) -> TaskNode:
    node = TaskNode(id="t", style="unnumbered", level=1, text=text, line=1, span=Span(start=start, end=start + len(text)))
    assign_units([NodeText(node=node, start=start, text=text)], registry)
    return node


def roles(node: TaskNode) -> list[tuple[str, str, str | None]]:
    return [(u.role, u.name, u.canonical) for u in node.units]


def supports(node: TaskNode) -> list[str]:
    return [u.name for u in node.units if u.role == "support"]


def test_registry_aliases_and_places(registry: Registry) -> None:
    assert registry.lookup("县人社局") == "县人力资源和社会保障局"
    assert registry.lookup("泰州市文明办") == "泰州市精神文明建设指导委员会办公室"
    assert registry.lookup("综治中心") == "社会治安综合治理(应急服务)中心"
    assert registry.lookup("某某协会会长") is None
    text = "加强镇综治中心规范化建设,社会治安综合治理(应急服务)中心负责"
    assert [text[s:e] for s, e in registry.scan(text)] == ["镇综治中心", "社会治安综合治理(应急服务)中心"]


def test_user_registry_file_extends_and_teaches_jieba(tmp_path: Path) -> None:
    extra = tmp_path / "my_units.yaml"
    extra.write_text("甘沟驿镇农业农村综合服务站: [农综站]\n", encoding="utf-8")
    registry = load_registry([extra])
    assert registry.lookup("农综站") == "甘沟驿镇农业农村综合服务站"
    segment.use_user_words(registry.surfaces())
    assert "甘沟驿镇农业农村综合服务站" in segment.words("由甘沟驿镇农业农村综合服务站统筹")
    node = annotate("农综站指导各村开展工作", registry)
    assert roles(node) == [("lead", "农综站", "甘沟驿镇农业农村综合服务站")]
    segment.use_user_words(load_registry().surfaces())  # another registry: the user's words are taken back
    assert "甘沟驿镇农业农村综合服务站" not in segment.words("由甘沟驿镇农业农村综合服务站统筹")


def test_bad_user_registry_file_is_a_clear_error(tmp_path: Path) -> None:
    extra = tmp_path / "bad.yaml"
    extra.write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(GovplanError) as info:
        load_registry([extra])
    assert str(extra) in str(info.value)


def test_spans_are_global_offsets(registry: Registry) -> None:
    text = "3.丰富群众文化生活。扶持乡村群众文艺作品创作等活动。(参与单位:市文化广电和旅游局、市委宣传部)"
    node = annotate(text, registry, start=300)
    first = node.units[0]
    assert text[first.span.start - 300:first.span.end - 300] == first.text == "市文化广电和旅游局"


def test_jieba_cache_in_user_dir_and_registry_words(registry: Registry) -> None:
    segment.use_user_words(registry.surfaces())
    assert "县人力资源和社会保障局" in segment.words("由县人力资源和社会保障局负责")
    assert (segment.cache_dir() / "jieba.cache").is_file()


def test_long_adversarial_input_completes(registry: Registry) -> None:
    text = ("(" * 20000) + ("县人社局、" * 10000) + ("，" * 30000) + ("县人社局指导," * 5000) + ("(参与单位:" * 5000)
    node = annotate(text, registry)
    assert len(node.units) == 5000


def test_adversarial_support_and_label_runs_complete(registry: Registry) -> None:
    node = annotate("区属企业、参与" * 4000 + "会同县财政局、" * 3000 + "(一)参与范围:" + "单位" * 20000, registry)
    assert supports(node)[:2] == ["区属企业", "县财政局"]


def test_unit_columns_of_a_task_table_row_are_lists_with_the_columns_roles(registry: Registry) -> None:
    from govplan.spec.found import Cell

    row = "1\t推进数据共享，2024年底前完成\t市大数据局\t市财政局、各区、县级市\t张三"
    start = 500
    cells, pos = [], start
    for kind, value in zip(("number", "task", "lead", "support", "leader"), row.split("\t")):
        cells.append(Cell(pos, pos + len(value), kind))  # type: ignore[arg-type]
        pos += len(value) + 1
    node = TaskNode(id="t", style="unnumbered", level=1, text=row, line=1, span=Span(start=start, end=start + len(row)))
    assign_units([NodeText(node=node, start=start, text=row, cells=tuple(cells))], registry)
    assert [(u.role, u.name) for u in node.units] == [
        ("lead", "市大数据局"), ("support", "市财政局"), ("support", "各区、县级市"), ("leader", "张三"),
    ]
    support = node.units[1]
    assert row[support.span.start - start:support.span.end - start] == "市财政局"
    assert support.clause is not None and support.clause.text == "市财政局、各区、县级市"


def test_quick_tests_agree_with_the_rules_they_shortcut(registry: Registry) -> None:
    """ends_with_verb answers as str.endswith with every role verb; may_start_plain_name holds wherever
    name_ends finds a plain name (acting_units skips the clause starts it rejects)."""
    from govplan.annotate.units.names import may_start_plain_name, name_ends
    from govplan.annotate.units.rules import ends_with_verb, rules

    r = rules()
    texts = ["县人社局牵头，县财政局配合。", "由乡党委按程序作出决定", "各部门要积极配合，市发改委负责统筹。",
             "奈曼旗农牧局会同相关部门落实", "加强领导，落实责任", "", "负责"]
    for text in texts:
        for start in range(-3, len(text) + 2):
            for end in range(-2, len(text) + 3):
                assert ends_with_verb(text, start, end, r) == text.endswith(r.verbs_longest_first, start, end)
        for pos in range(len(text)):
            if name_ends(text, pos, False, registry, r):
                assert may_start_plain_name(text, pos, registry, r), (text, pos)


BANK = Path(__file__).parent / "bank" / "units-bank.yaml"
_BANK_KEYS = {"miss", "half"}  # the bank's own keys: why a case is missed, and which half of a collection it is in


def _bank_cases() -> list:
    from ruamel.yaml import YAML

    cases = YAML(typ="safe", pure=True).load(BANK.read_text(encoding="utf-8")) or []
    return [
        pytest.param(case, id=f"bank-{k}", marks=[pytest.mark.xfail(strict=True, reason=case["miss"])] if "miss" in case else [])
        for k, case in enumerate(cases, start=1)
    ]


@pytest.mark.parametrize("case", _bank_cases())
def test_out_of_corpus_bank(case: dict) -> None:
    """The out-of-corpus bank of role statements (tests/bank/units-bank.yaml): every case read as written there, except
    those marked `miss`, which must still fail (strict), so that both a fix and a regression show."""
    from test_cases import test_case

    test_case({k: v for k, v in case.items() if k not in _BANK_KEYS})


# Clause openings written after those the dev notices hold (none copied from a held-out one): registered names alone and
# with words after them, suffixes, a closing bracket, a group and an office, windows with no word a name ends with, a
# one-character suffix at the start, a text that ends inside a name.
_NAME_WINDOWS = [
    "区水务局要加强监管。", "县政府办公室将定期开展工作调度。", "县财政局负责会同各项目主管部门抓好资金管理。",
    "认真做好农民专业合作组织建设。", "坚持以人民为中心的思想。", "由镇工办负责考核。", "指导乡(镇)做好河道保洁队伍教育培训。",
    "区规划和土地管理局(以下简称区规土局)牵头。", "市市场监管局(市知识产权局)负责。", "综合协调组负责日常工作。",
    "营商办、规建生态办负责。", "局党委研究决定。", "东区污水处理厂旧址研究建造排水科技园。", "办公室设在县应急局。",
    "县委、县政府督查室负责督办。", "市人民政府", "局", "各乡镇(街道)要抓好落实。",
]


@pytest.mark.parametrize("text", _NAME_WINDOWS)
def test_name_end_check_leaves_every_answer_unchanged(text: str, registry: Registry, monkeypatch: pytest.MonkeyPatch) -> None:
    """The check that spares a window without a word a name can end with its jieba cut changes no name found: at every
    position, for every kind of start, _suffix_name_ends and _placed_name_ends answer as they do without it."""
    from govplan.annotate.units import names
    from govplan.annotate.units.rules import rules as unit_rules

    rules = unit_rules()
    kinds = [(any_start, known, collective) for any_start in (False, True) for collective in (False, True)
             for known in (None, "registered")]

    def answers() -> list[object]:
        found: list[object] = []
        for pos in range(len(text)):
            for any_start, known, collective in kinds:
                end = registry.match_at(text, pos) if known else None
                found.append(names._suffix_name_ends(text, pos, any_start, end, rules, collective))
            found.append(names._placed_name_ends.__wrapped__(text, pos, registry))
        return found

    checked = answers()
    monkeypatch.setattr(names, "_name_end_within", lambda *args: True)
    assert answers() == checked
