"""`govplan review` through the real CLI: highlights per kind, escaping, edited specs, moved or changed sources."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

from lxml import html as lxml_html
from ruamel.yaml import YAML

from conftest import ROOT, seed
from govplan.review.html import csp_source
from govplan.review.marks import Mark, markup
from govplan.spec.io import data_to_yaml, load_spec_text

SPEC_002 = ROOT / "specs" / "002_7ee8fce85c601369.yaml"
KINDS = ("task", "deadline", "target", "unit-lead", "unit-support", "unit-responsible", "unit-leader")


def highlighted(page) -> Counter:
    """Highlighted items per kind: distinct data-m keys of the text's marks."""
    seen = {}
    for element in page.xpath('//*[@id="text"]//span[@data-m]'):
        kind = next(c[2:] for c in element.get("class").split() if c.startswith("k-"))
        seen[element.get("data-m")] = kind
    return Counter(kind for kind in seen.values() if kind in KINDS)


def expected_counts(spec_path: Path) -> Counter:
    return counts_of([load_spec_text(spec_path.read_text(encoding="utf-8"))])


def counts_of(specs: list) -> Counter:
    """Items per kind in the specs: what the page must highlight when every span matches."""
    counts: Counter = Counter()
    for node in (node for spec in specs for node in spec.walk()):
        counts["task"] += 1
        counts["deadline"] += len(node.deadlines)
        counts["target"] += len(node.targets)
        counts.update(f"unit-{unit.role}" for unit in node.units)
    return counts


def review(run_cli, tmp_path: Path, *args: str, cwd: Path = ROOT):
    out = tmp_path / "review.html"
    result = run_cli("review", *args, "-o", str(out), cwd=cwd)
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    return text, lxml_html.fromstring(text), result


def test_a_spec_over_its_source_highlights_every_item_once(run_cli, tmp_path: Path) -> None:
    text, page, result = review(run_cli, tmp_path, str(SPEC_002))
    assert highlighted(page) == expected_counts(SPEC_002)
    legend = {b.get("data-kind"): int(b.xpath("string(b)")) for b in page.xpath('//button[@data-kind]')}
    assert legend == {kind: expected_counts(SPEC_002)[kind] for kind in KINDS}
    assert "已生成" in result.stderr and "待核对" in result.stderr
    # the text shown is the original, character for character
    source = seed("002").read_text(encoding="utf-8")
    assert page.xpath('string(//*[@id="text"])').replace("\r", "") == source.replace("\r", "")
    # a task lists its facts with their resolved values
    task = page.xpath('//button[span[@class="tid" and text()="二.(四).2"]]/..')[0]
    facts = [" ".join(f.text_content().split()) for f in task.xpath('div[@class="facts"]/div')]
    assert "完成时限 每月25日前 → 每月25日前" in facts
    assert "牵头单位 县人社局 → 县人力资源和社会保障局" in facts
    target = page.xpath('//button[span[@class="tid" and text()="二.(四).1"]]/..')[0].text_content()
    assert "≥ 19000人" in target


def test_the_page_is_self_contained_and_allows_only_its_own_style_and_script(run_cli, tmp_path: Path) -> None:
    text, page, _ = review(run_cli, tmp_path, str(SPEC_002))
    policy = page.xpath('//meta[@http-equiv="Content-Security-Policy"]/@content')[0]
    assert "default-src 'none'" in policy
    (style,) = page.xpath("//style")
    (script,) = page.xpath("//script")
    assert f"'{csp_source(style.text)}'" in policy and f"'{csp_source(script.text)}'" in policy
    assert not page.xpath("//link | //img | //iframe | //*[@src]")
    assert not re.search(r"https?://", text)
    assert not [a for e in page.iter() for a in e.attrib if a.startswith("on")]


def test_document_text_is_escaped(run_cli, tmp_path: Path) -> None:
    notice = tmp_path / "hostile.txt"
    notice.write_text(
        "关于做好某项工作的通知\n"
        "一、县人社局牵头，于2024年6月30日前完成<script>alert(1)</script>登记。\n"
        '二、县财政局负责" onmouseover="alert(2)" 拨付资金不少于100万元。\n'
        "三、</div><img src=x onerror=alert(3)>完成验收。\n",
        encoding="utf-8",
    )
    text, page, _ = review(run_cli, tmp_path, str(notice))
    assert len(page.xpath("//script")) == 1 and "alert" not in page.xpath("//script")[0].text
    assert not page.xpath("//img") and not [a for e in page.iter() for a in e.attrib if a.startswith("on")]
    shown = page.xpath('string(//*[@id="text"])')
    assert "<script>alert(1)</script>" in shown and "<img src=x onerror=alert(3)>" in shown
    assert "&lt;script&gt;" in text


def test_a_hand_edited_span_is_reported_not_highlighted(run_cli, tmp_path: Path) -> None:
    data = YAML(typ="safe", pure=True).load(SPEC_002.read_text(encoding="utf-8"))
    task = _find(data["tasks"], "二.(四).2")
    task["deadlines"][0]["span"] = {"start": 5685, "end": 5691}  # 每月25日前 moved by two characters
    _find(data["tasks"], "二.(四).1")["span"] = {"start": 5000, "end": 5100}  # a task's span far off
    edited = tmp_path / "edited.yaml"
    edited.write_text(data_to_yaml(data), encoding="utf-8")
    _, page, _ = review(run_cli, tmp_path, str(edited), "--source", str(ROOT))
    counts = highlighted(page)
    expected = expected_counts(SPEC_002)
    assert counts["deadline"] == expected["deadline"] - 1
    assert counts["task"] == expected["task"] - 1
    moved = page.xpath('//button[span[@class="tid" and text()="二.(四).1"]]/..')[0]
    assert "unplaced" in moved.xpath("button")[0].get("class")
    assert "任务的片段与原文不符" in moved.xpath('string(p[@class="problem"])')
    task = page.xpath('//button[span[@class="tid" and text()="二.(四).2"]]/..')[0]
    assert "片段与原文不符（原文此处为“25日前报送”）" in " ".join(task.xpath('.//p[@class="problem"]/text()'))


def _find(nodes: list, task_id: str) -> dict:
    for node in nodes:
        if node["id"] == task_id:
            return node
        found = _find(node.get("children", []), task_id)
        if found:
            return found
    return {}


def test_a_missing_or_changed_source_is_said_on_the_page(run_cli, tmp_path: Path) -> None:
    spec = tmp_path / "specs" / SPEC_002.name
    spec.parent.mkdir()
    shutil.copy(SPEC_002, spec)
    _, page, result = review(run_cli, tmp_path, str(spec), cwd=tmp_path)
    assert "找不到原文" in page.xpath('string(//p[@class="banner"])') and "找不到原文" in result.stderr
    assert page.xpath('//*[@id="text"]/p[@class="missing"]') and page.xpath('//button[@class="task unplaced"]')

    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / seed("002").name).write_text(seed("002").read_text(encoding="utf-8") + "\n附：补充说明。\n", encoding="utf-8")
    _, page, _ = review(run_cli, tmp_path, str(spec), "--source", str(sources), cwd=tmp_path)
    assert "在提取之后已被修改" in page.xpath('string(//p[@class="banner"])')
    assert highlighted(page) == expected_counts(SPEC_002)  # appended text leaves every span in place


def test_a_traditional_notice_shows_its_original_characters(run_cli, tmp_path: Path) -> None:
    _, page, _ = review(run_cli, tmp_path, str(seed("004")))
    assert "基本原則" in page.xpath('string(//*[@id="text"])')
    labels = [" ".join(b.text_content().split()) for b in page.xpath('//button[@class="task"]')]
    assert any(label.endswith("(二)基本原則") for label in labels), labels[:5]


def test_crossing_spans_nest_as_fragments_of_one_item() -> None:
    text = "甲乙丙丁戊"
    marks = [Mark(0, 3, "task", "m1", "", 0), Mark(2, 5, "deadline", "m2", "时限", 3), Mark(1, 2, "unit-lead", "m3", "牵头", 4)]
    out = str(markup(text, marks))
    tree = lxml_html.fromstring(f"<div>{out}</div>")
    assert tree.text_content() == text
    assert [e.get("id") for e in tree.xpath("//span[@data-m='m2']")] == ["m2", None]  # split at the task's end
    assert "".join(e.text_content() for e in tree.xpath("//span[@data-m='m2']")) == "丙丁戊"
    assert len(tree.xpath("//i[@data-label='时限']")) == 1  # the label only after the last fragment
    assert tree.xpath("//span[@data-m='m1']/span[@data-m='m3']")[0].text_content() == "乙"
    assert str(markup("<b>&", [])) == "&lt;b&gt;&amp;"


def test_a_docx_notice_is_shown_as_the_reader_extracted_it(run_cli, tmp_path: Path) -> None:
    from docx import Document

    from govplan.pipeline import extract_specs
    from govplan.readers import read_source

    notice = tmp_path / "通知.docx"
    document = Document()
    for line in ("关于做好春季重点工作的通知", "一、县人社局牵头，2024年3月底前完成务工人员摸底。",
                 "二、县财政局牵头，2024年5月底前拨付资金不少于100万元。"):
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "三、县教育局牵头", "每月25日前报送培训进展"
    document.save(str(notice))
    _, page, _ = review(run_cli, tmp_path, str(notice))
    source = read_source(notice)
    assert page.xpath('string(//*[@id="text"])') == source.text
    expected = counts_of(extract_specs(source))
    assert highlighted(page) == expected and expected["deadline"] >= 3
