"""Readers: encodings detected from evidence, .docx and .html bodies, clear errors for bad input."""

from __future__ import annotations

import pytest

from govplan.errors import InputError
from govplan.readers import decode_bytes, read_source
from tests.conftest import seed

TEXT = seed("002").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("utf-16"), "utf-16"),
    ],
)
def test_txt_encodings_decode_to_the_same_text(tmp_path, encoded, encoding):
    path = tmp_path / "notice.txt"
    path.write_bytes(encoded)
    source = read_source(path)
    assert source.text == TEXT
    assert source.encoding == encoding
    assert source.format == "txt"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "空"),
        (b"   \n\n", "空"),
        (bytes(range(256)) * 4, "二进制"),
        (b"\x81\x30\xff\xfe\x80" * 50, "编码"),
    ],
)
def test_bad_bytes_raise_input_error_naming_the_file(data, message):
    with pytest.raises(InputError) as info:
        decode_bytes("bad.txt", data, "txt")
    assert info.value.path == "bad.txt"
    assert message in info.value.zh


def test_missing_and_unsupported_paths(tmp_path):
    with pytest.raises(InputError, match="不存在"):
        read_source(tmp_path / "nope.txt")
    odd = tmp_path / "notice.pdf"
    odd.write_bytes(b"%PDF-1.4")
    with pytest.raises(InputError, match="不支持"):
        read_source(odd)


def test_docx_keeps_paragraphs_and_table_rows_in_order(tmp_path):
    from docx import Document

    document = Document()
    document.add_paragraph("一、总体要求")
    table = document.add_table(rows=2, cols=3)
    for r, row in enumerate([("序号", "重点任务", "牵头单位"), ("1", "加强培训", "县人社局")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("二、工作要求")
    path = tmp_path / "notice.docx"
    document.save(path)
    source = read_source(path)
    assert source.format == "docx"
    assert source.text.split("\n") == ["一、总体要求", "序号\t重点任务\t牵头单位", "1\t加强培训\t县人社局", "二、工作要求"]


def test_docx_that_is_not_a_zip_is_a_clear_error(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"this is not a zip file at all")
    with pytest.raises(InputError, match="docx"):
        read_source(path)


def test_html_keeps_the_article_and_drops_navigation(tmp_path):
    page = """<html><head><title>某县人民政府</title><script>var a = '一、脚本';</script></head><body>
    <div class="nav"><a href="/">首页</a><a href="/x">政务公开</a><a href="/y">新闻中心</a></div>
    <div class="TRS_Editor"><p>一、总体要求</p><p>坚持以人民为中心，推动高质量发展。</p>
    <table><tr><td>序号</td><td>牵头单位</td></tr><tr><td>1</td><td>县发改委</td></tr></table></div>
    <div class="footer">版权所有 联系我们</div></body></html>"""
    path = tmp_path / "notice.html"
    path.write_text(page, encoding="utf-8")
    source = read_source(path)
    lines = source.text.split("\n")
    assert lines[0] == "一、总体要求"
    assert "序号\t牵头单位" in lines and "1\t县发改委" in lines
    assert "首页" not in source.text and "脚本" not in source.text and "版权所有" not in source.text
