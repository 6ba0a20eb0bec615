"""Bad input never crashes: every stage either succeeds or raises govplan's own error.

Hypothesis feeds arbitrary Unicode, random bytes and notice-like fragment soups; fixed cases
cover very long lines, deep numbering and pathological repetitions. Successful results are
checked too: spans stay inside the original, evidence is verbatim, specs survive YAML.
"""

from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path
from typing import Callable, TypeVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govplan.errors import GovplanError
from govplan.normalize import normalize
from govplan.pipeline import extract_specs
from govplan.readers import SourceText, decode_bytes
from govplan.spec.io import dump_yaml, load_spec_text
from govplan.spec.model import Evidence, Spec
from govplan.structure.compilation import split_documents
from govplan.structure.lines import Locator, split_lines
from govplan.structure.tree import TreeBuilder

T = TypeVar("T")

FAST = settings(deadline=None, max_examples=40, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(deadline=None, max_examples=15, suppress_health_check=[HealthCheck.too_slow])

# Pieces real notices are made of, so random soups reach the numbering and annotation code.
FRAGMENTS = (
    "一、", "（一）", "(二)", "1.", "2．", "（1）", "①", "②", "第一章", "第二条", "一是", "二是", "附件：", "附件1",
    "2020年3月30日", "6月底前", "每季度", "不少于1400人", "达到90%以上", "2-3户", "牵头单位：", "责任单位：",
    "市委组织部", "市民政局", "，", "。", "；", "：", "\n", "\n\n", "\u3000", " ", "—", "～", "各市(区)活动办：",
    "關於", "實施方案", "目录", "通知", "加强", "落实",
)
notice_like = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=80).map("".join)
any_text = st.one_of(st.text(), notice_like)


def survives(stage: Callable[[], T]) -> T | None:
    """Run one stage: its result, or None when it refused the input with a GovplanError."""
    try:
        return stage()
    except GovplanError as exc:
        assert exc.message.strip(), "a GovplanError must say what is wrong"
        return None


def source_of(text: str) -> SourceText | None:
    return survives(lambda: decode_bytes("notice.txt", text.encode("utf-8"), "txt"))


def assert_sound(spec: Spec, original: str) -> None:
    """Spans lie inside the original, evidence is verbatim, ids are unique, YAML round-trips."""
    size = len(original)
    seen: set[str] = set()
    for node in spec.walk():
        assert node.id not in seen, f"duplicate id {node.id}"
        seen.add(node.id)
        assert 0 <= node.span.start <= node.span.end <= size
        items: list[Evidence] = [*node.deadlines, *node.targets, *node.units]
        for item in items:
            assert 0 <= item.span.start <= item.span.end <= size
            assert item.text == original[item.span.start : item.span.end]
    assert load_spec_text(dump_yaml(spec)) == spec


def extract_all(text: str) -> None:
    """The whole pipeline on ``text``; every spec it gives must be sound."""
    source = source_of(text)
    if source is None:
        return
    specs = survives(lambda: extract_specs(source))
    for spec in specs or []:
        assert_sound(spec, source.text)


@FAST
@given(data=st.binary(max_size=2000), fmt=st.sampled_from(["txt", "html", "docx", None]))
def test_decode_bytes_accepts_or_refuses_random_bytes(data: bytes, fmt: str | None) -> None:
    source = survives(lambda: decode_bytes("input", data, fmt))
    if source is not None:
        assert isinstance(source.text, str) and len(source.sha256) == 64


@FAST
@given(text=any_text, fmt=st.sampled_from(["txt", "html"]))
def test_decode_bytes_accepts_or_refuses_any_text(text: str, fmt: str) -> None:
    for encoding in ("utf-8", "utf-16", "gb18030"):
        data = text.encode(encoding, errors="replace")
        survives(lambda: decode_bytes("input", data, fmt))


@FAST
@given(text=any_text)
def test_normalize_maps_every_character_back_into_the_original(text: str) -> None:
    result = normalize(text)
    mapped = result.mapped
    assert len(mapped.starts) == len(mapped.ends) == len(result.text)
    assert all(0 <= s <= e <= len(text) for s, e in zip(mapped.starts, mapped.ends))
    assert mapped.to_original(0, len(result.text))[1] <= len(text)


@FAST
@given(text=any_text)
def test_tree_and_documents_build_from_any_text(text: str) -> None:
    normalized = normalize(text)
    lines = split_lines(normalized.text)
    assert [line.index for line in lines] == list(range(len(lines)))
    builder = TreeBuilder(normalized.text, Locator(text, normalized.mapped))
    for node in (n for root in builder.build(lines) for n in root.walk()):
        assert 0 <= node.span.start <= node.span.end <= len(text)
    parts = split_documents(lines)
    assert parts and all(part.lines for part in parts)


@SLOW
@given(text=any_text)
def test_extract_specs_and_yaml_round_trip_on_any_text(text: str) -> None:
    extract_all(text)


@SLOW
@given(seed_text=st.sampled_from(sorted(Path(__file__).parent.parent.joinpath("corpus", "seeds").glob("*.txt"))),
       cut=st.integers(min_value=0, max_value=40_000), noise=notice_like)
def test_extract_survives_truncated_and_spliced_notices(seed_text: Path, cut: int, noise: str) -> None:
    """A real notice cut anywhere (mid-heading, mid-table) with noise spliced in."""
    text = seed_text.read_text(encoding="utf-8")[:cut]
    extract_all(text[: cut // 2] + noise + text[cut // 2 :])


HEADING = "一、总体要求\n"  # annotators and inline items only run inside task nodes
PATHOLOGICAL = {
    "deep_numbering_one_line": "一、(一)1.(1)①" * 3000,
    "deep_numbering_lines": "\n".join(["一、标题", "(一)小标题", "1.事项", "(1)细项", "①要点"] * 60),
    "inline_shi": HEADING + "一是" * 10000,
    "inline_items": HEADING + "".join(f"{'一二三四五六七八九'[i % 9]}是加强。" for i in range(3000)),
    "open_parens": HEADING + "（" * 50000,
    "arabic_dots": HEADING + "1." * 20000,
    "digits": HEADING + "1" * 100000,
    "cn_numerals": HEADING + "一二三四五六七八九十" * 10000,
    "long_line": HEADING + "加强组织领导，" * 30000,
    "blank_lines": "\n" * 100000,
    "deadline_soup": HEADING + "6月底前" * 1500,
    "target_soup": HEADING + "达到90%以上" * 1000,
    "date_soup": HEADING + "2020年3月30日" * 8000,
    "unit_soup": HEADING + "牵头单位：市委组织部；" * 5000,
    "compilation_markers": "目录\n" + "关于印发实施方案的通知\n" * 3000,
    "replacement_chars": HEADING + "\ufffd" * 50000,
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_repetitions_extract_soundly(name: str) -> None:
    extract_all(PATHOLOGICAL[name])


def test_a_corrupt_docx_is_refused_with_a_govplan_error() -> None:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<not-xml")
    with pytest.raises(GovplanError):
        decode_bytes("broken.docx", buffer.getvalue(), "docx")


def test_cli_refuses_bad_input_without_a_traceback(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    result = run_cli("extract", str(binary), str(broken), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "binary.txt" in result.stderr and "broken.docx" in result.stderr
