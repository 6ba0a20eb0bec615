"""Word's automatic numbering read as Word shows it: a notice whose 一、/（一）/1. numbers are list labels
in word/numbering.xml (not characters of document.xml) reads as the same notice typed, through the real
CLI; lists continue and restart as Word counts them; style-linked numbering and numbering in table cells
are labelled; every numFmt a Chinese office uses is written as Word writes it; hostile numbering gives a
sane text or a named error, in linear time."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest

from govplan.errors import InputError
from govplan.readers import decode_bytes
from govplan.readers.list_numbers import html_number, word_number
from tests.crafted import docx_with_numbering, level, num, numbered, paragraph
from tests.test_extract_cli import extract_one

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# The notice as typed; the docx below numbers the lines marked by their level instead.
NOTICE = [
    ("关于印发2024年农村人居环境整治工作方案的通知", None),
    ("各乡镇人民政府，县直有关单位：", None),
    ("现将《2024年农村人居环境整治工作方案》印发给你们，请认真贯彻落实。", None),
    ("一、总体要求", 0),
    ("坚持以人民为中心，扎实推进农村人居环境整治提升。", None),
    ("二、重点任务", 0),
    ("（一）推进农村厕所革命。", 1),
    ("1.完成农村户厕改造500户，2024年10月底前完成。（牵头单位：县农业农村局；配合单位：县卫健局）", 2),
    ("2.建立厕所管护机制，2024年6月30日前出台管护办法。（牵头单位：县农业农村局）", 2),
    ("（二）加强生活垃圾治理。", 1),
    ("1.实现生活垃圾收运处置体系行政村全覆盖。（牵头单位：县城管局；配合单位：各乡镇人民政府）", 2),
    ("三、保障措施", 0),
    ("（一）加强组织领导。县委农办要加强统筹协调，每季度调度一次工作进展。", 1),
    ("县人民政府办公室", None),
    ("2024年3月1日", None),
]
# Level properties the tests add to a w:lvl.
NEVER_RESTART = '<w:lvlRestart w:val="0"/>'
TAB = '<w:suff w:val="tab"/>'
LEGAL_SPACE = '<w:isLgl/><w:suff w:val="space"/>'
NOTHING = '<w:suff w:val="nothing"/>'
FOR_H1 = '<w:pStyle w:val="h1"/>'
FOR_H2 = '<w:pStyle w:val="h2"/>'
LABEL = {0: ("chineseCounting", "%1、"), 1: ("chineseCounting", "（%2）"), 2: ("decimal", "%3.")}


def notice_docx() -> bytes:
    """The notice written by python-docx, its numbers made Word's automatic numbering: one multi-level
    list (一、 （一） 1.) added to the template's numbering part, each numbered paragraph given a numPr."""
    from docx import Document
    from docx.oxml import parse_xml

    document = Document()
    for text, depth in NOTICE:
        if depth is None:
            document.add_paragraph(text)
            continue
        typed = text.split("、", 1)[1] if depth == 0 else text.split("）", 1)[1] if depth == 1 else text.split(".", 1)[1]
        num_pr = document.add_paragraph(typed)._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = depth
        num_pr.get_or_add_numId().val = 77
    numbering = document.part.numbering_part.element
    levels = "".join(level(depth, fmt, text) for depth, (fmt, text) in LABEL.items())
    numbering.find(f"{{{W_NS}}}num").addprevious(parse_xml(f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="77">{levels}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num xmlns:w="{W_NS}" w:numId="77"><w:abstractNumId w:val="77"/></w:num>'))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_an_auto_numbered_notice_reads_as_typed() -> None:
    assert decode_bytes("方案.docx", notice_docx(), "docx").text == "\n".join(text for text, _ in NOTICE)


NOTICE_IDS = ["前言", "一", "二", "二.(一)", "二.(一).1", "二.(一).2", "二.(二)", "二.(二).1", "三", "三.(一)"]


def extracted_beside_typed(run_cli, tmp_path: Path, name: str, data: bytes) -> tuple[list, list]:  # type: ignore[no-untyped-def]
    """The task trees `govplan extract` gives for NOTICE typed in a .txt and for ``data`` (file ``name``):
    each node's id, title, span, units (name, role, span) and deadlines (text, date, span)."""
    typed, other = tmp_path / "方案.txt", tmp_path / name
    typed.write_text("\n".join(text for text, _ in NOTICE), encoding="utf-8")
    other.write_bytes(data)
    trees = []
    for path in (typed, other):
        spec, _ = extract_one(run_cli, path, tmp_path / path.suffix.lstrip("."))
        trees.append([(n.id, n.title, n.span, [(u.name, u.role, u.span) for u in n.units], [(d.text, d.due, d.span) for d in n.deadlines])
                      for n in spec.walk()])
    return trees[0], trees[1]


def test_an_auto_numbered_notice_extracts_as_the_typed_one(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The same task tree, units and deadlines, at the same spans, from the .docx as from the .txt."""
    from_txt, from_docx = extracted_beside_typed(run_cli, tmp_path, "方案.docx", notice_docx())
    assert [node[0] for node in from_docx] == NOTICE_IDS
    assert from_docx == from_txt
    units = {(name, role) for node in from_docx for name, role, _ in node[3]}
    assert {("县农业农村局", "lead"), ("县卫健局", "support"), ("县城管局", "lead")} <= units


def read(body: str, numbering: str, styles: str = "") -> list[str]:
    return decode_bytes("列表.docx", docx_with_numbering(body, numbering, styles), "docx").text.split("\n")


TWO_LEVELS = f'<w:abstractNum w:abstractNumId="1">{level(0, "chineseCounting", "%1、")}{level(1, "decimal", "%2.")}</w:abstractNum>'


def test_lists_over_one_definition_continue_and_a_start_override_restarts() -> None:
    """Counters belong to the abstract numbering: numId 2 over the same list continues numId 1's count;
    numId 3's startOverride restarts level 0 at 1 where numId 3 is first used."""
    restart = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    body = (numbered("甲", 1, 0) + numbered("乙", 1, 0) + paragraph("正文") + numbered("丙", 2, 0)
            + numbered("丁", 3, 0) + numbered("戊", 1, 0))
    assert read(body, TWO_LEVELS + num(1, 1) + num(2, 1) + num(3, 1, restart)) == ["一、甲", "二、乙", "正文", "三、丙", "一、丁", "二、戊"]


def test_a_whole_level_override_writes_the_shared_count_its_own_way() -> None:
    """A w:lvl inside a w:lvlOverride gives that w:num its own format and text; the count stays the list's."""
    roman = '<w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="5"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:lvlOverride>'
    body = numbered("甲", 1, 0) + numbered("乙", 4, 0) + numbered("丙", 1, 0)
    assert read(body, TWO_LEVELS + num(1, 1) + num(4, 1, roman)) == ["一、甲", "II.乙", "三、丙"]


def test_a_level_restarts_after_a_higher_level_unless_told_otherwise() -> None:
    never = f'<w:abstractNum w:abstractNumId="2">{level(0, "chineseCounting", "%1、")}{level(1, "decimal", "%2.", extra=NEVER_RESTART)}</w:abstractNum>'
    body = numbered("甲", 1, 0) + numbered("a", 1, 1) + numbered("b", 1, 1) + numbered("乙", 1, 0) + numbered("c", 1, 1)
    assert read(body, TWO_LEVELS + num(1, 1)) == ["一、甲", "1.a", "2.b", "二、乙", "1.c"]
    assert read(body, never + num(1, 2)) == ["一、甲", "1.a", "2.b", "二、乙", "3.c"]


def test_multi_level_labels_legal_numbering_suffixes_and_bullets() -> None:
    numbering = (
        f'<w:abstractNum w:abstractNumId="1">{level(0, "upperRoman", "第%1章", extra=TAB)}'
        f'{level(1, "decimal", "%1.%2", extra=LEGAL_SPACE)}'
        f'{level(2, "bullet", "", extra=NOTHING)}{level(3, "decimal", "%4）")}</w:abstractNum>'
        + num(1, 1) + num(0, 1)
    )
    body = (numbered("总则", 1, 0) + numbered("目的", 1, 1) + numbered("要点", 1, 2) + numbered("细目", 1, 3)
            + numbered("不编号", 0, 0) + numbered("无此列表", 9, 0) + numbered("无此级", 1, 7))
    assert read(body, numbering) == ["第I章 总则", "1.1 目的", "要点", "1）细目", "不编号", "无此列表", "无此级"]


def test_style_linked_numbering_through_based_on_and_a_numbering_style() -> None:
    """Heading 1/2 numbered by their styles (Heading 2 inherits its numPr through basedOn and takes its
    level from the list's w:lvl/w:pStyle), the list reached through a numbering style (numStyleLink)."""
    styles = (
        '<w:style w:type="paragraph" w:styleId="h1"><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="h2"><w:basedOn w:val="h1"/></w:style>'
        '<w:style w:type="numbering" w:styleId="outline"><w:pPr><w:numPr><w:numId w:val="6"/></w:numPr></w:pPr></w:style>'
    )
    numbering = (
        '<w:abstractNum w:abstractNumId="4"><w:numStyleLink w:val="outline"/></w:abstractNum>'
        f'<w:abstractNum w:abstractNumId="8"><w:styleLink w:val="outline"/>{level(0, "chineseCounting", "%1、", extra=FOR_H1)}'
        f'{level(1, "chineseCounting", "（%2）", extra=FOR_H2)}</w:abstractNum>'
        + num(5, 4) + num(6, 8)
    )
    body = numbered("总体要求", style="h1") + numbered("指导思想", style="h2") + numbered("工作目标", style="h2") + numbered("重点任务", style="h1")
    assert read(body, numbering, styles) == ["一、总体要求", "（一）指导思想", "（二）工作目标", "二、重点任务"]


def test_numbering_in_table_cells_is_labelled_in_document_order() -> None:
    """A 进度安排 cell's ①② are Word's numbering: the row stays one line, its cells split by tabs."""
    numbering = f'<w:abstractNum w:abstractNumId="3">{level(0, "decimalEnclosedCircle", "%1")}</w:abstractNum>' + num(3, 3)
    schedule = numbered("3月底前制定方案；", 3, 0) + numbered("6月底前完成建设。", 3, 0)
    row = f"<w:tr><w:tc>{paragraph('1')}</w:tc><w:tc>{paragraph('建设公共服务平台')}</w:tc><w:tc>{schedule}</w:tc></w:tr>"
    assert read(f"<w:tbl>{row}</w:tbl>", numbering) == ["1\t建设公共服务平台\t①3月底前制定方案； ②6月底前完成建设。"]


@pytest.mark.parametrize(
    ("fmt", "numbers"),
    [
        ("decimal", ["1", "2", "10", "11", "21"]), ("decimalZero", ["01", "02", "10", "11", "21"]),
        ("decimalFullWidth", ["１", "２", "１０", "１１", "２１"]),
        ("chineseCounting", ["一", "二", "十", "十一", "二十一"]), ("chineseCountingThousand", ["一", "二", "十", "十一", "二十一"]),
        ("taiwaneseCounting", ["一", "二", "十", "十一", "二十一"]), ("japaneseCounting", ["一", "二", "十", "十一", "二十一"]),
        ("chineseLegalSimplified", ["壹", "贰", "壹拾", "壹拾壹", "贰拾壹"]), ("ideographDigital", ["一", "二", "一〇", "一一", "二一"]),
        ("ideographTraditional", ["甲", "乙", "癸", "甲", "甲"]), ("ideographZodiac", ["子", "丑", "酉", "戌", "申"]),
        ("decimalEnclosedCircle", ["①", "②", "⑩", "⑪", "21"]), ("decimalEnclosedCircleChinese", ["①", "②", "⑩", "⑪", "21"]),
        ("decimalEnclosedParen", ["⑴", "⑵", "⑽", "⑾", "21"]),
        ("upperLetter", ["A", "B", "J", "K", "U"]), ("lowerLetter", ["a", "b", "j", "k", "u"]),
        ("upperRoman", ["I", "II", "X", "XI", "XXI"]), ("lowerRoman", ["i", "ii", "x", "xi", "xxi"]),
        ("none", [""] * 5), ("bullet", [""] * 5), ("notAFormat", ["1", "2", "10", "11", "21"]),
    ],
)
def test_number_formats_write_as_word_writes_them(fmt: str, numbers: list[str]) -> None:
    assert [word_number(n, fmt) for n in (1, 2, 10, 11, 21)] == numbers


def test_large_numbers_stay_short() -> None:
    assert word_number(27, "upperLetter") == "AA" and word_number(10**6, "upperLetter") == "1000000"
    assert word_number(4000, "upperRoman") == "4000" and word_number(101, "chineseCounting") == "一百零一"
    assert html_number(3, "cjk-ideographic") == "三" and html_number(3, "lower-alpha") == "c"


def hostile_numbering() -> dict[str, tuple[str, str, str, list[str]]]:
    """(body, numbering, styles, expected lines) of numbering that is absurd or damaged."""
    many_levels = "".join(level(k % 12, "decimal", f"%{k % 9 + 1}.") for k in range(10_000))
    loop_styles = ('<w:style w:type="paragraph" w:styleId="a"><w:basedOn w:val="b"/></w:style>'
                   '<w:style w:type="paragraph" w:styleId="b"><w:basedOn w:val="a"/></w:style>')
    link_loop = ('<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="s"/></w:abstractNum>'
                 '<w:style w:type="numbering" w:styleId="s"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>')
    return {
        "huge_start": (numbered("甲", 1, 0) * 2, f'<w:abstractNum w:abstractNumId="1">{level(0, "upperLetter", "%1.", start=10**9)}</w:abstractNum>' + num(1, 1),
                       "", ["32767.甲", "32768.甲"]),
        "ten_thousand_levels": (numbered("甲", 1, 0) + numbered("乙", 1, 8), f'<w:abstractNum w:abstractNumId="1">{many_levels}</w:abstractNum>' + num(1, 1),
                                "", ["1.甲", "1.乙"]),
        "missing_abstract": (numbered("甲", 1, 0), num(1, 42), "", ["甲"]),
        "style_loop": (numbered("甲", style="a"), TWO_LEVELS + num(1, 1), loop_styles, ["甲"]),
        "numbering_style_loop": (numbered("甲", 1, 0), link_loop.split("<w:style")[0] + num(1, 1), "<w:style" + link_loop.split("<w:style")[1], ["甲"]),
        "long_level_text": (numbered("甲", 1, 0), f'<w:abstractNum w:abstractNumId="1">{level(0, "decimal", "第" * 5000 + "%1")}</w:abstractNum>' + num(1, 1),
                            "", ["第" * 64 + " 甲"]),
        "bad_values": (numbered("甲", 1, 0) + numbered("乙", 1, 1),
                       '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="x"/><w:lvl w:ilvl="0"><w:start w:val="-5"/><w:lvlText w:val="%1、"/>'
                       '<w:lvlRestart w:val="abc"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="abc"/><w:numFmt w:val="chineseCounting"/></w:lvl></w:abstractNum>'
                       + num(1, 1), "", ["0、甲", "乙"]),
    }


@pytest.mark.parametrize("name", sorted(hostile_numbering()))
def test_absurd_numbering_reads_sanely(name: str) -> None:
    body, numbering, styles, expected = hostile_numbering()[name]
    began = time.perf_counter()
    assert read(body, numbering, styles) == expected
    assert time.perf_counter() - began < 5.0


def test_damaged_numbering_part_is_an_error_naming_the_file() -> None:
    with pytest.raises(InputError, match="坏.docx"):
        decode_bytes("坏.docx", docx_with_numbering(numbered("甲", 1, 0), "<w:abstractNum>"), "docx")


def test_labels_expanding_beyond_the_budget_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """Labels repeat a level's text on every paragraph, so a small file (up to the 64 MB a part may
    inflate to, at a plausible ratio) could expand to gigabytes; they are counted and the file refused
    (here against a budget made small)."""
    from govplan.readers import docx_numbering

    monkeypatch.setattr(docx_numbering, "MAX_LABEL_CHARS", 64 * 1000)
    numbering = f'<w:abstractNum w:abstractNumId="1">{level(0, "decimal", "长" * 63 + "%1")}</w:abstractNum>' + num(1, 1)
    data = docx_with_numbering('<w:p><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:p>' * 1001, numbering)
    with pytest.raises(InputError, match="大.docx.*自动编号展开后超过"):
        decode_bytes("大.docx", data, "docx")


def test_numbering_is_not_read_when_no_paragraph_is_numbered(monkeypatch: pytest.MonkeyPatch) -> None:
    """A document without numPr (directly or through a style) costs what it did: numbering.xml is not parsed."""
    from govplan.readers import docx_numbering

    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("numbering.xml parsed")

    monkeypatch.setattr(docx_numbering, "_Definitions", refuse)
    assert read(paragraph("一、总体要求"), TWO_LEVELS + num(1, 1)) == ["一、总体要求"]
    assert read(numbered("总体要求", style="plain"), TWO_LEVELS + num(1, 1), '<w:style w:styleId="plain"/>') == ["总体要求"]
