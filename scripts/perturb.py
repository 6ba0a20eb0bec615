"""Robustness to how a text reaches us: give every dev and seed document the shapes held-out notices
arrive in (portal chrome, PDF hard wraps and page numbers, lost or doubled blank lines, full-width
indents, half-width punctuation, paragraphs run onto one line, Traditional script), carry its gold
over to the new text and score each shape with `govplan eval` beside the originals.

Each shape rewrites the text through `Rewrite`, which records where every kept character went, so
gold items move with their characters: an item keeps its (line, text, nth) in the new text, its text
rewritten as the shape rewrote those characters (half-width brackets, Traditional script). Shapes that
break lines (PDF wraps) never break inside a gold item, as a break there could not be written as
(line, text); items are never dropped. Held-out documents are never read (scripts/corpus_files.py).
One shape rewrites names, not layout: names_elsewhere gives every gold unit the name of a unit of another region
and level (scripts/perturb_names.yaml), and the gold's unit names follow (Rewrite.renamed).
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from govplan.gold import GoldDocument, apply_overrides, gold_files, load_gold, load_split, source_text  # noqa: E402
from govplan.structure.numbering import is_segment_of, numbering, segment_at_place  # noqa: E402

FIELDS = ("tasks", "deadline_spans", "deadline_dates", "targets", "lead_units", "support_units")


class Rewrite:
    """A new text built from pieces of an old one, remembering where each old character went."""

    def __init__(self, old: str) -> None:
        self.old = old
        self.parts: list[str] = []
        self.size = 0
        self.moved = [-1] * (len(old) + 1)
        self.unnumbered: set[int] = set()  # offsets of the lines whose heading number the shape deleted
        self.renamed: dict[str, str] = {}  # unit names the shape replaced, old → new (the gold follows)
        self.repathed: dict[str, str] = {}  # task paths the shape renumbered, old → new (the gold follows)

    def copy(self, start: int, end: int, as_written: str | None = None) -> None:
        """Known old[start:end], written as ``as_written`` (same length) if given."""
        text = self.old[start:end] if as_written is None else as_written
        assert len(text) == end - start, "a rewritten piece keeps its length"
        for k in range(end - start):
            self.moved[start + k] = self.size + k
        self.add(text)

    def add(self, text: str) -> None:
        """Insert text that has no counterpart in the old one."""
        self.parts.append(text)
        self.size += len(text)

    @property
    def text(self) -> str:
        return "".join(self.parts)


@dataclass(frozen=True)
class Known:
    """What a shape knows of the document: what it must leave whole (gold item spans, never broken by
    a line break; the lines where a document of a compilation begins, never joined onto the line
    before), its date of issue (a portal's date line must not contradict it) and its gold tasks (the
    headings a shape may damage)."""

    spans: list[tuple[int, int]] = field(default_factory=list)
    starts: frozenset[int] = frozenset()  # 0-based line indexes
    issued: str | None = None  # ISO date
    tasks: tuple[tuple[str, int], ...] = ()  # (path, 0-based line) of the gold tasks
    assignments: tuple[dict, ...] = ()  # the gold assignments (units a shape may rename)

    def inside_item(self, offset: int) -> bool:
        """Whether a break before ``offset`` would cut a gold item."""
        return any(start < offset < end for start, end in self.spans)


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) for each line, without its newline."""
    result, offset = [], 0
    for line in text.split("\n"):
        result.append((offset, line))
        offset += len(line) + 1
    return result


def _copy_lines(old: str, write: Callable[[Rewrite, int, int, str], None]) -> Rewrite:
    """Rewrite line by line: ``write(rewrite, index, offset, line)`` writes one line, newlines kept."""
    rewrite = Rewrite(old)
    rows = _lines(old)
    for index, (offset, line) in enumerate(rows):
        write(rewrite, index, offset, line)
        if index < len(rows) - 1:
            rewrite.copy(offset + len(line), offset + len(line) + 1)
    return rewrite


def original(old: str, known: Known, draw: random.Random) -> Rewrite:
    """The text unchanged (checks the mapping: its scores must equal `govplan eval`'s)."""
    rewrite = Rewrite(old)
    rewrite.copy(0, len(old))
    return rewrite


PORTAL_HEAD = ["索引号：11330000002482870P/{year}{n}", "发布机构：{org}", "【字体：大 中 小】 打印本页 分享到："]
PORTAL_TAIL = ["扫一扫在手机打开当前页", "【打印本页】【关闭窗口】"]


def portal_chrome(old: str, known: Known, draw: random.Random) -> Rewrite:
    """A page copied with its portal chrome: index and issuer lines above (with the date of issue
    where the document has one), print/share/close lines below."""
    rewrite = Rewrite(old)
    fill = {"n": draw.randint(10000, 99999), "org": draw.choice(["县人民政府办公室", "市发展和改革委员会"]),
            "year": f"{known.issued[:4]}-" if known.issued else ""}
    head = [line.format(**fill) for line in PORTAL_HEAD]
    if known.issued:
        head.insert(2, f"发文日期：{known.issued}")
    rewrite.add("".join(line + "\n" for line in head))
    rewrite.copy(0, len(old))
    rewrite.add("".join("\n" + line for line in PORTAL_TAIL))
    return rewrite


def pdf_text(old: str, known: Known, draw: random.Random) -> Rewrite:
    """PDF text: lines hard-wrapped at 30-40 characters, a page number (- 3 -) every 35-45 lines. A table's
    tab row is never wrapped: text taken from a PDF gives a table's cells apart (cells_per_line) or its rows
    aligned with blanks, never a tab row cut inside a cell and run on into the next line; a pipe row is a web page's
    converted table, never a PDF's, and stays whole too."""
    width = draw.randint(30, 40)
    page = {"rows": 0, "number": 1, "next": draw.randint(35, 45)}

    def newline(rewrite: Rewrite) -> None:
        page["rows"] += 1
        if page["rows"] >= page["next"]:
            rewrite.add(f"\n- {page['number']} -\n")
            page.update(rows=0, number=page["number"] + 1, next=draw.randint(35, 45))

    def write(rewrite: Rewrite, index: int, offset: int, line: str) -> None:
        start = 0
        while len(line) - start > width and not _is_table_row(line) and line.count("|") < 2:
            cut = start + width
            while cut < len(line) and known.inside_item(offset + cut):
                cut += 1
            if cut >= len(line):
                break
            rewrite.copy(offset + start, offset + cut)
            rewrite.add("\n")
            newline(rewrite)
            start = cut
        rewrite.copy(offset + start, offset + len(line))
        newline(rewrite)

    return _copy_lines(old, write)


def no_blank_lines(old: str, known: Known, draw: random.Random) -> Rewrite:
    """Blank lines lost."""
    rewrite = Rewrite(old)
    rows = [(o, line) for o, line in _lines(old)]
    written = False
    for index, (offset, line) in enumerate(rows):
        if not line.strip() and index not in known.starts:
            continue
        if written:
            rewrite.add("\n")
        rewrite.copy(offset, offset + len(line))
        written = True
    return rewrite


def double_blank_lines(old: str, known: Known, draw: random.Random) -> Rewrite:
    """A blank line after every line (a copy that turned each line break into a paragraph)."""
    return _copy_lines(old, lambda rewrite, index, offset, line: (rewrite.copy(offset, offset + len(line)), rewrite.add("\n")))


def full_width_indent(old: str, known: Known, draw: random.Random) -> Rewrite:
    """Every line indented with two full-width spaces (a Word paragraph indent)."""

    def write(rewrite: Rewrite, index: int, offset: int, line: str) -> None:
        if line.strip():
            rewrite.add("\u3000\u3000")
        rewrite.copy(offset, offset + len(line))

    return _copy_lines(old, write)


HALF_WIDTH = str.maketrans({"，": ",", "；": ";", "：": ":", "（": "(", "）": ")"})


def half_width_punctuation(old: str, known: Known, draw: random.Random) -> Rewrite:
    """，；：（） typed as , ; : ( )."""
    rewrite = Rewrite(old)
    rewrite.copy(0, len(old), old.translate(HALF_WIDTH))
    return rewrite


def _is_table_row(line: str) -> bool:
    """A tab row of a table: a copy that loses paragraph breaks still copies a table row by row."""
    return "\t" in line


def _run_lines(old: str, known: Known, draw: random.Random, joiner: str, keep_blank: bool) -> Rewrite:
    """Runs of 2-6 lines joined with ``joiner`` (blank lines kept as joined empties or dropped); a
    document's first line and table rows are never joined to the line before."""
    rewrite = Rewrite(old)
    rows = _lines(old)
    left = draw.randint(2, 6)
    for index, (offset, line) in enumerate(rows):
        if index:
            left -= 1
            joined = left > 0 and index not in known.starts
            joined = joined and not _is_table_row(line) and not _is_table_row(rows[index - 1][1])
            if joined and not keep_blank and not line.strip():
                continue
            if joined:
                rewrite.add(joiner)
            else:
                rewrite.add("\n")
                left = draw.randint(2, 6)
        rewrite.copy(offset, offset + len(line))
    return rewrite


def run_on(old: str, known: Known, draw: random.Random) -> Rewrite:
    """Paragraphs run onto one line: runs of 2-6 lines joined with a space (a web copy that lost its breaks)."""
    return _run_lines(old, known, draw, " ", keep_blank=True)


def run_together(old: str, known: Known, draw: random.Random) -> Rewrite:
    """Paragraphs run together with nothing between them: runs of 2-6 lines joined, blank lines gone
    (a page read with its paragraph tags stripped, a search snippet: 。一、总体要求（一）指导思想以…)."""
    return _run_lines(old, known, draw, "", keep_blank=False)


_CN = "一二三四五六七八九十"
_LABEL = re.compile(rf"(?P<n>[{_CN}]+)(?P<mark>、)|[(（](?P<b>[{_CN}]+)[)）]")


def _heading_labels(old: str, known: Known) -> list[tuple[str, int, str, re.Match[str]]]:
    """(path, offset of the line, line, label) of every gold task whose line opens with a 一、 or (一)
    label, in text order."""
    rows = _lines(old)
    found = []
    for path, index in sorted(known.tasks, key=lambda task: task[1]):
        offset, line = rows[index]
        label = _LABEL.match(line, len(line) - len(line.lstrip()))
        if label and (label.group("n") or label.group("b")) == path.split(".")[-1].strip("()"):
            found.append((path, offset, line, label))
    return found


def ocr_slips(old: str, known: Known, draw: random.Random) -> Rewrite:
    """A scan read by OCR: in half the heading labels one slip, as OCR makes them: 一 read as — (一、 →
    —、, 十一、 → 十—、), 、 read as ，(二、 → 二，), the 一 of (一) read as - (（-）)."""
    rewrite = Rewrite(old)
    written = list(old)
    for _, offset, _, label in _heading_labels(old, known):
        if draw.random() < 0.5:
            continue
        if label.group("b"):
            start = offset + label.start("b")
            written[start:start + len(label.group("b"))] = label.group("b").replace("一", "-")
        elif "一" in label.group("n") and draw.random() < 0.5:
            start = offset + label.start("n")
            written[start:start + len(label.group("n"))] = label.group("n").replace("一", "—")
        else:
            written[offset + label.start("mark")] = "，"
    rewrite.copy(0, len(old), "".join(written))
    return rewrite


def numbering_lost(old: str, known: Known, draw: random.Random) -> Rewrite:
    """Word's automatic numbering lost on the first level (as a copy of c344 lost 一、): a heading
    line that holds only its phrase (一、总体要求) keeps the phrase without its number; a table's tab row
    (一、<tab>通用考核项目<tab>40) holds cells besides its phrase and keeps its 序号 cell. The gold follows
    docs/gold-format.md: such a heading is no task, its items move up a level."""
    rewrite = Rewrite(old)
    pos = 0
    for path, offset, line, label in _heading_labels(old, known):
        if not label.group("n") or any(ch in line for ch in "。；;！？!?\t") or offset + label.start() < pos:
            continue
        rewrite.copy(pos, offset + label.start())
        pos = offset + label.end()
        rewrite.unnumbered.add(offset)
    rewrite.copy(pos, len(old))
    return rewrite


def _cells(line: str) -> list[tuple[int, int]]:
    """(start, end) of the cells of a tab row."""
    cells, start = [], 0
    for k, ch in enumerate(line + "\t"):
        if ch == "\t":
            cells.append((start, k))
            start = k + 1
    return cells


def cells_per_line(old: str, known: Known, draw: random.Random) -> Rewrite:
    """A table exported one cell a line (as c160's 分解表 reached us): every tab row's cells on lines of
    their own, with a blank line between cells in half the documents (a copy that keeps paragraphs)."""
    between = "\n\n" if draw.random() < 0.5 else "\n"

    def write(rewrite: Rewrite, index: int, offset: int, line: str) -> None:
        cells = _cells(line) if _is_table_row(line) else [(0, len(line))]
        if any(known.inside_item(offset + end) for _, end in cells[:-1]):
            cells = [(0, len(line))]  # a gold item runs across a tab: the row stays whole
        for k, (start, end) in enumerate(cells):
            if k:
                rewrite.add(between)
            rewrite.copy(offset + start, offset + end)

    return _copy_lines(old, write)


def traditional(old: str, known: Known, draw: random.Random) -> Rewrite:
    """Converted to Traditional script by a mirror site (OpenCC s2t; a line whose length the phrase
    conversion would change is converted character by character)."""
    import opencc

    convert = opencc.OpenCC("s2t").convert

    def write(rewrite: Rewrite, index: int, offset: int, line: str) -> None:
        converted = convert(line)
        if len(converted) != len(line):
            converted = "".join(c if len(t := convert(c)) != 1 else t for c in line)
        rewrite.copy(offset, offset + len(line), converted)

    return _copy_lines(old, write)


_OUTLINE = re.compile(rf"(?P<cn>[{_CN}]+)、|[(（](?P<cnp>[{_CN}]+)[)）]|(?P<ar>\d{{1,2}})[.、．](?!\d)|[(（](?P<arp>\d{{1,2}})[)）]")
# The standard levels of GB/T 9704 (一、 (一) 1. (1)): a label's style by its group, and the path segment it writes.
_LEVELS = {"cn": "{n}", "cnp": "({n})", "ar": "{n}", "arp": "({n})"}


def _outline(old: str, known: Known) -> dict[str, tuple[int, re.Match[str], str]] | None:
    """The label of every gold task of a document numbered in the standard levels, by path: (offset of its line,
    label, level group); None where a task is no such item (附件, 第一章, a table row, a list renumbered by place),
    so that a shape renumbering the levels leaves the document as it is."""
    rows = _lines(old)
    found: dict[str, tuple[int, re.Match[str], str]] = {}
    for path, index in known.tasks:
        segment = path.split(".")[-1]
        if re.fullmatch(rf"[{_CN}]+[是要]", segment):
            continue  # an inline point: it keeps its words, under its renumbered parent
        offset, line = rows[index]
        label = _OUTLINE.match(line, len(line) - len(line.lstrip()))
        group = label.lastgroup if label else None
        if group is None or _LEVELS[group].format(n=label.group(group)) != segment:
            return None
        found[path] = (offset, label, group)
    return found or None


def _relabel(old: str, labels: dict[str, tuple[int, re.Match[str], str]], written: dict[str, str],
             paths: dict[str, str]) -> Rewrite:
    """The text with each task's label (by path) written anew, and the gold's paths renamed (Rewrite.repathed)."""
    rewrite = Rewrite(old)
    pos = 0
    for path, (offset, label, _) in sorted(labels.items(), key=lambda item: item[1][0]):
        if path not in written:
            continue
        rewrite.copy(pos, offset + label.start())
        rewrite.add(written[path])
        pos = offset + label.end()
    rewrite.copy(pos, len(old))
    rewrite.repathed = paths
    return rewrite


def _renamed_paths(known: Known, segment: Callable[[str], str | None]) -> dict[str, str]:
    """Every gold path with each of its prefixes' last segment renamed by ``segment`` (None keeps it)."""
    renamed = {}
    for path, _ in known.tasks:
        parts = path.split(".")
        renamed[path] = ".".join(segment(".".join(parts[:k + 1])) or part for k, part in enumerate(parts))
    return renamed


def decimal_outline(old: str, known: Known, draw: random.Random) -> Rewrite:
    """The standard levels written as a decimal outline, as technical plans and 预案 number them (一、 (一) 1. →
    1 / 1.1 / 1.1.1, a blank after the number; numbering.yaml decimal_2, decimal_3): in documents whose tasks are
    all numbered 一、 / (一) / 1. at their standard depth, each task's path becomes its outline number, which restarts
    under each parent as outlines do (一.(二).3 numbered on across groups → 1.2.1). Other documents stay as they are."""
    labels = _outline(old, known)
    depth = {"cn": 1, "cnp": 2, "ar": 3}
    if labels is None or any(depth.get(group) != len(path.split(".")) or path.rpartition(".")[0] not in {"", *labels}
                             for path, (_, _, group) in labels.items()):
        return original(old, known, draw)
    number: dict[str, str] = {}  # each item's place among its siblings: an outline restarts under each parent (1.2.1)
    for path, _ in sorted(labels.items(), key=lambda item: item[1][0]):
        parent = path.rpartition(".")[0]
        number[path] = str(1 + sum(1 for p in number if p.rpartition(".")[0] == parent))
    outline = {path: ".".join(number[".".join(path.split(".")[:k + 1])] for k in range(len(path.split("."))))
               for path in labels}
    return _relabel(old, labels, {path: f"{value} " for path, value in outline.items()},
                    _renamed_paths(known, lambda prefix: outline.get(prefix, "").rpartition(".")[2] or None))


def parts_above(old: str, known: Known, draw: random.Random) -> Rewrite:
    """The first level written as parts, as long plans number it (一、总体要求 → 第一部分　总体要求; numbering.yaml part),
    the levels under it as they were: a part's path segment is 第一部分 (docs/gold-format.md). Documents whose first
    level is no 一、 stay as they are."""
    labels = _outline(old, known)
    if labels is None:
        return original(old, known, draw)
    top = {path: label.group("cn") for path, (_, label, group) in labels.items() if group == "cn" and "." not in path}
    if not top:
        return original(old, known, draw)
    return _relabel(old, labels, {path: f"第{n}部分\u3000" for path, n in top.items()},
                    _renamed_paths(known, lambda prefix: f"第{top[prefix]}部分" if prefix in top else None))


def closing_brackets(old: str, known: Known, draw: random.Random) -> Rewrite:
    """Bracketed numbers written with the closing bracket alone ((1) → 1), (一) kept), as many notices write their
    fourth level (numbering.yaml arabic_paren); paths are unchanged ((1))."""
    labels = _outline(old, known)
    if labels is None:
        return original(old, known, draw)
    written = {path: f"{label.group('arp')})" for path, (_, label, group) in labels.items() if group == "arp"}
    return _relabel(old, labels, written, {})


# An item number and its separator; a dot before a digit only before a month (1.10月31日…), not a decimal's (1.1 编制目的).
_ARABIC_LABEL = re.compile(r"(?P<n>\d{1,2})(?P<sep>[、．]|\.(?!\d)|\.(?=\d{1,2}月))")


def lost_separators(old: str, known: Known, draw: random.Random) -> Rewrite:
    """List numbers whose separator a web copy lost (1. 1、 1． → 1, as an HTML <ol> flattened or a dropped full-width
    ．leaves them: 1组织好… / 2尽快…, dev c925, c920, c932): on every gold task line opening with an arabic item number
    that is its path's last segment, the separator is deleted; before a digit (1.2月26日…) a blank takes its place, as
    those copies write it (1 2月26日…). Paths are unchanged; every such list loses them (deterministic)."""
    rows = _lines(old)
    cuts: list[tuple[int, int, str]] = []
    for path, index in known.tasks:
        offset, line = rows[index]
        at = len(line) - len(line.lstrip())
        label = _ARABIC_LABEL.match(line, at)
        if label is None or label.group("n") != path.split(".")[-1]:
            continue
        after = line[label.end():label.end() + 1]
        cuts.append((offset + label.start("sep"), offset + label.end("sep"), " " if after.isdigit() else ""))
    rewrite = Rewrite(old)
    pos = 0
    for start, end, written in sorted(set(cuts)):
        rewrite.copy(pos, start)
        rewrite.add(written)
        pos = end
    rewrite.copy(pos, len(old))
    return rewrite


# Header words of task tables as other notices and supervision systems write them, by the kind of column they name,
# found with the search tool (code corpus; find_string ids): 专项工作任务 | 牵头责任部门 | 协办部门 (32712504025),
# 牵头责任部门 | 配合部门 (11636018914), 主办处室 | 协办处室 | 办结时限 (29558725658), 主责部门 | 协同部门 (56341099317),
# 任务事项 | 计划完成时间 | 主办单位 | 协办单位 (38743699327), 主要任务名称 | 牵头部门 | 配合部门 (36902303029).
HEADER_WORDS = {
    "task": ["工作事项", "任务事项", "专项工作任务", "主要任务名称"],
    "lead": ["牵头责任部门", "主责部门", "主办单位", "主办处室"],
    "support": ["协办部门", "协同部门", "配合部门", "协办单位"],
    "time": ["时间节点", "办结时限", "计划完成时间", "完成期限"],
}
_HEADER_CELLS = re.compile(r"[^\t|]+")
_BLANK_CELLS = re.compile(r"\S+")
_NUMBER_WORD = re.compile(r"^序\s*号\s*\|?$")


def _header_cells(old: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the header cells of every task table in the text that are a column word as a whole (a
    cell holding more, 新种任务(亩), keeps its words): a tab, pipe or blank-separated row whose cells name two columns
    or more, one of them the task's; or a header one cell a line (blank lines between, or each ending in |), from
    its 序号 line on."""
    from govplan.structure.tables import column_kind

    found: list[tuple[int, int, str]] = []
    rows = _lines(old)
    for index, (offset, line) in enumerate(rows):
        if _NUMBER_WORD.match(line.strip()):
            for start, cell in rows[index + 1:index + 20]:
                word = cell.strip().rstrip("|").strip()
                if not word:
                    continue
                if (kind := column_kind(word)) is None:
                    break
                first = start + len(cell) - len(cell.lstrip())
                found.append((first, first + len(word), kind))
            continue
        pattern = _HEADER_CELLS if "\t" in line or line.count("|") >= 2 else _BLANK_CELLS if line.startswith("序号") else None
        if pattern is None:
            continue
        cells = [(offset + m.start() + len(m.group()) - len(m.group().lstrip()), offset + m.start() + len(m.group().rstrip()))
                 for m in pattern.finditer(line) if m.group().strip()]
        kinds = [column_kind(old[s:e]) for s, e in cells]
        if sum(1 for k in kinds if k) >= 2 and {"task", "measure"} & set(kinds):
            found += [(s, e, k) for (s, e), k in zip(cells, kinds) if k]
    return found


def table_headers(old: str, known: Known, draw: random.Random) -> Rewrite:
    """Task tables headed with the words other notices and supervision systems use (HEADER_WORDS: 牵头单位 → 牵头责任部门
    or 主办单位, 配合单位 → 协同部门 or 协办部门, 完成时限 → 时间节点, 工作任务 → 任务事项), the same word for a kind
    throughout a document; the rows and the gold are unchanged (a column keeps its role)."""
    chosen = {kind: draw.choice(words) for kind, words in HEADER_WORDS.items()}
    rewrite = Rewrite(old)
    pos = 0
    for start, end, kind in _header_cells(old):
        if kind not in chosen or known.inside_item(start) or not re.fullmatch(r"[\u4e00-\u9fff]{2,8}", old[start:end]):
            continue
        rewrite.copy(pos, start)
        rewrite.add(chosen[kind])
        pos = end
    rewrite.copy(pos, len(old))
    return rewrite


def two_row_headers(old: str, known: Known, draw: random.Random) -> Rewrite:
    """A task table's lead and support columns under one header cell spanning both (责任单位 over 牵头单位 | 配合单位, as
    the 定海分局 task sheet heads 主办单位 | 协办单位: find_string 38743699327): a tab row gets a second header row, the
    span's empty cell kept and the other cells left empty; a header one cell a line gives both rows in turn (… 责任单位 /
    完成时限 / 牵头单位 / 配合单位). Documents whose tables name another unit column stay as they are. Rows and gold
    are unchanged."""
    cells = _header_cells(old)
    kinds = [kind for _, _, kind in cells]
    if "responsible" in kinds or kinds.count("lead") != 1:
        return original(old, known, draw)  # a unit column besides the pair (总牵头单位, 责任单位): no span over two
    rewrite = Rewrite(old)
    pos = 0
    for (start, end, kind), (after, stop, next_kind) in zip(cells, cells[1:]):
        if (kind, next_kind) != ("lead", "support") or start < pos:
            continue
        line_end = old.find("\n", start)
        line_end = len(old) if line_end < 0 else line_end
        if "\t" in old[start:line_end] or "\t" in old[old.rfind("\n", 0, start) + 1:start]:
            row_start = old.rfind("\n", 0, start) + 1
            before = old[row_start:start].count("\t")
            width = old[row_start:line_end].count("\t") + 1
            rewrite.copy(pos, start)
            rewrite.add("责任单位")
            rewrite.copy(end, after)  # the tab between the two cells
            pos = stop
            rewrite.copy(pos, line_end)
            second = [""] * width
            second[before:before + 2] = [old[start:end], old[after:stop]]
            rewrite.add("\n" + "\t".join(second))
            pos = line_end
            continue
        last = stop  # the end of the header's last cell: the cells after it in the same stream
        for s2, e2, _ in cells[cells.index((after, stop, next_kind)) + 1:]:
            if old[last:s2].strip(" \n|\u3000"):
                break
            last = e2
        gap = old[end:after]  # the line break (and blank line) between two header cells
        rewrite.copy(pos, start)
        rewrite.add("责任单位")
        rewrite.copy(stop, last)
        rewrite.add(gap + old[start:end] + gap + old[after:stop])
        pos = last
    rewrite.copy(pos, len(old))
    return rewrite


NAMES = ROOT / "scripts" / "perturb_names.yaml"


@dataclass(frozen=True)
class Elsewhere:
    """Names of other regions and levels (scripts/perturb_names.yaml), drawn without repeats per document."""

    levels: dict[str, list[str]]
    places: dict[str, list[str]]
    governments: dict[str, dict[str, str]]
    party_levels: dict[str, str]
    organs: dict[str, list[str]]
    organs_kept: list[str]
    national: list[str]
    not_places: list[str]
    national_known: frozenset[str]  # national bodies of the alias registry, canonical and short names

    @classmethod
    @functools.cache
    def load(cls) -> Elsewhere:
        """The names file, read once."""
        from ruamel.yaml import YAML

        read = YAML(typ="safe").load
        national = read((ROOT / "govplan" / "data" / "aliases.yaml").read_text(encoding="utf-8"))["national"]
        known = frozenset(name for canonical, aliases in national.items() for name in [canonical, *aliases])
        return cls(**read(NAMES.read_text(encoding="utf-8")), national_known=known)


class _Renamer:
    """One document's consistent renaming: each level word, place and organ is replaced by the same drawn
    name wherever it recurs, and two different ones never by the same."""

    def __init__(self, names: Elsewhere, draw: random.Random, present: frozenset[str] = frozenset()) -> None:
        self.names, self.draw, self.present = names, draw, present
        self.chosen: dict[tuple[str, str], str] = {}

    def pick(self, kind: str, old: str, pool: list[str]) -> str:
        """The name standing for ``old`` of this kind: drawn once from the unused names of ``pool``, else ``old``."""
        if (kind, old) not in self.chosen:
            used = {new for (k, _), new in self.chosen.items() if k == kind}
            left = [name for name in pool if name not in used and name != old and name not in self.present]
            self.chosen[kind, old] = self.draw.choice(left) if left else old
        return self.chosen[kind, old]

    def organ(self, organ: str, level: str) -> str:
        """An organ after the new level: a 盟's or 地区's government is its 行政公署 (政府督查室 → 行署督查室); an
        organ of a known head (局, 委, 厅) becomes a post-reform organ; others (中心, 委组织部, 党委…) stay."""
        for government, office in self.names.governments.get(level, {}).items():
            if organ.startswith(government):
                return office + organ[len(government):]
        pool = self.names.organs.get(organ[-1:], [])
        replaceable = 1 < len(organ) <= 8 and not any(word in organ for word in self.names.organs_kept)
        return self.pick("organ", organ, pool) if replaceable else organ

    def placed(self, place: str, organ: str) -> str:
        """A new place or level word and its organ, the party committee of a 地区 being its 地委 (地委组织部)."""
        party = next((w for w in self.names.party_levels if place.endswith(w)), None)
        if party and organ.startswith("委"):
            return place[:-len(party)] + self.names.party_levels[party] + organ
        level = next((w for w in self.names.governments if place.endswith(w)), place[-1:])
        return place + self.organ(organ, level)

    def rename(self, name: str) -> str | None:
        """``name`` as a unit of another region, or None when it is no place + organ name (collectives, bodies,
        people, joint names)."""
        if re.search(r"[、，,()（）“”]", name) or name.startswith("各"):
            return None
        if name[0] in self.names.levels:
            level = self.pick("level", name[0], self.names.levels[name[0]])
            return self.placed(level, name[1:]) if len(name) > 1 else None
        if name in self.names.national_known or (name.startswith(("国家", "国务院", "中央")) and name[-1] in "部局委办署"):
            return self.pick("national", name, self.names.national)
        end = max((k + 1 for k in range(1, min(len(name), 6)) if name[k] in self.names.places), default=0)
        if end and not name[:end].endswith(tuple(self.names.not_places)):
            place = self.pick("place", name[:end], self.names.places[name[end - 1]])
            return self.placed(place, name[end:]) if name[end:] else place
        if name[-1] in self.names.organs and len(name) <= 6:
            return self.organ(name, "")
        return None


def _gold_units(known: Known) -> list[str]:
    """The unit names of the document's gold assignments (leaders are people: 分管副区长 is no place + organ)."""
    return sorted({u for a in known.assignments for role in ("lead", "support", "responsible") for u in a.get(role) or []})


@functools.cache
def _families() -> dict[str, frozenset[str]]:
    """Every name the names file may draw, with all the names the alias registry gives its body (发改委: 发展改革委…)."""
    from govplan.registry import load_registry

    registry = load_registry()
    names = Elsewhere.load()
    family: dict[str, set[str]] = defaultdict(set)
    for surface, canonical in registry.canonical_of.items():
        family[canonical].add(surface)
        if surface[:1] == canonical[:1] == "市":  # a body's names at a level (市发改委 ≡ 市发展改革委), as 发展改革委
            family[canonical[1:]].add(surface[1:])  # alone is the national commission's
    pool = {*names.national, *(n for organs in names.organs.values() for n in organs)}
    return {n: frozenset({n, *family[registry.lookup(n) or n], *family[(registry.lookup(f"市{n}") or "市")[1:]]})
            for n in pool}


def _present(text: str) -> frozenset[str]:
    """The names of the names file that the text already holds under any of their registry names (发改委 where
    the text writes 发展改革委): drawn, they would merge two units into one."""
    return frozenset(n for n, family in _families().items() if any(s in text for s in family))


def names_elsewhere(old: str, known: Known, draw: random.Random) -> Rewrite:
    """Units of other regions and levels: every unit name the gold lists is replaced, in the text and in the gold,
    by a real name of the same structure from elsewhere (县X局 → 旗X局, 市 → 盟/地区, 镇 → 苏木, ministries → other
    national bodies; scripts/perturb_names.yaml). Measures how much the recogniser depends on the names it has seen."""
    renamer = _Renamer(Elsewhere.load(), draw, _present(old))
    units = _gold_units(known)
    renamed = {name: new for name in units if (new := renamer.rename(name)) and new != name}
    rewrite = Rewrite(old)
    pos = 0
    if renamed:  # every gold name is matched, longest first, so a name inside a longer one kept whole stays
        pattern = re.compile("|".join(map(re.escape, sorted(units, key=len, reverse=True))))
        for match in pattern.finditer(old):
            if match.group() not in renamed or any(s < match.end() and match.start() < e for s, e in known.spans):
                continue
            rewrite.copy(pos, match.start())
            rewrite.add(renamed[match.group()])
            rewrite.renamed[match.group()] = renamed[match.group()]
            pos = match.end()
    rewrite.copy(pos, len(old))
    return rewrite


def renamed_gold(gold: dict, renamed: dict[str, str]) -> dict:
    """The gold's assignments with the unit names a shape replaced renamed the same way."""
    if not renamed:
        return gold
    roles = ("lead", "support", "responsible")
    return {**gold, "assignments": [{**a, **{r: [renamed.get(u, u) for u in a[r]] for r in roles if a.get(r)}}
                                    for a in gold.get("assignments", [])]}


def repathed_gold(gold: dict, repathed: dict[str, str]) -> dict:
    """The gold's task paths (and the assignments' tasks) renumbered the way a shape renumbered the text."""
    if not repathed:
        return gold
    return {**gold, "tasks": [{**t, "path": repathed.get(t["path"], t["path"])} for t in gold.get("tasks", [])],
            "assignments": [{**a, "task": repathed.get(a["task"], a["task"])} for a in gold.get("assignments", [])]}


SHAPES: dict[str, Callable[[str, Known, random.Random], Rewrite]] = {
    "original": original, "portal_chrome": portal_chrome, "pdf_text": pdf_text, "no_blank_lines": no_blank_lines,
    "double_blank_lines": double_blank_lines, "full_width_indent": full_width_indent,
    "half_width_punctuation": half_width_punctuation, "run_on": run_on, "traditional": traditional,
    "run_together": run_together, "ocr_slips": ocr_slips, "numbering_lost": numbering_lost,
    "cells_per_line": cells_per_line, "names_elsewhere": names_elsewhere, "decimal_outline": decimal_outline,
    "parts_above": parts_above, "closing_brackets": closing_brackets, "table_headers": table_headers,
    "two_row_headers": two_row_headers, "lost_separators": lost_separators,
}


class Located:
    """Offsets of (line, text, nth) in a text, and the way back."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.rows = _lines(text)

    def offset(self, line: int, text: str, nth: int) -> int:
        offset, row = self.rows[line - 1]
        pos = -1
        for _ in range(nth):
            pos = row.find(text, pos + 1)
        assert pos >= 0, (line, text, nth)
        return offset + pos

    def line_of(self, offset: int) -> int:
        import bisect

        return bisect.bisect_right([o for o, _ in self.rows], offset)

    def item_at(self, start: int, length: int) -> tuple[int, str, int]:
        """(line, text, nth) of the span [start, start + length)."""
        line = self.line_of(start)
        offset, row = self.rows[line - 1]
        text = self.text[start:start + length]
        nth, pos = 0, -1
        while pos < start - offset:
            pos = row.find(text, pos + 1)
            nth += 1
        return line, text, nth


def lift_paths(paths: list[str], unnumbered: set[str]) -> dict[str, str | None]:
    """New path of each task path (in text order) once the headings ``unnumbered`` lost their number:
    those are no tasks (None), their items take their place a level up, and a list met again under the
    same parent (a list that restarted under each lost heading) is numbered on by its place, as
    docs/gold-format.md numbers a list that starts again under the same parent ((一)-(三) then (四)); a
    style whose ids hold words keeps a ~2 suffix."""
    new: dict[str, str | None] = {}
    used: set[str] = set()
    for path in paths:
        parent, _, segment = path.rpartition(".")
        while parent and parent in unnumbered:
            parent, _, _ = parent.rpartition(".")
        lifted_parent = new.get(parent, parent) if parent else None
        if path in unnumbered:
            new[path] = None
            continue
        prefix = f"{lifted_parent}." if lifted_parent else ""
        candidate = prefix + segment
        style = _style_of(segment)
        if candidate in used and style is not None:
            place = 1 + sum(1 for u in used if u.startswith(prefix) and is_segment_of(style, u[len(prefix):]))
            candidate = prefix + (segment_at_place(style, place) or segment)
        unique, n = candidate, 2
        while unique in used:
            unique, n = f"{candidate}~{n}", n + 1
        used.add(unique)
        new[path] = unique
    return new


def _style_of(segment: str) -> str | None:
    """The line style whose ids a path segment is written in ((一) → cn_paren), or None."""
    return next((style.key for style in numbering().line_styles if is_segment_of(style.key, segment)), None)


def map_gold(gold: dict, old: Located, new: Located, moved: list[int], unnumbered: frozenset[int] = frozenset()) -> dict:
    """The gold of a document carried to the rewritten text: items follow their characters; the tasks
    on lines that start at an offset in ``unnumbered`` lost their number and leave the tasks (lift_paths)."""

    def line_to(line: int, end: bool = False) -> int:
        """The new line of an old line's first character (its indent passed over), or with ``end``
        its last; a line whose characters all went takes the line of the last kept character before it."""
        offset, row = old.rows[line - 1]
        first = offset + len(row) - len(row.lstrip())
        kept = [moved[k] for k in range(first, offset + len(row)) if moved[k] >= 0][-1 if end else 0:][:1]
        kept = kept or [m for m in moved[:offset] if m >= 0][-1:] or [0]
        return new.line_of(kept[0])

    def item(entry: dict) -> dict:
        start = old.offset(entry["line"], str(entry["text"]), entry.get("nth", 1))
        length = len(str(entry["text"]))
        ends = [moved[start + k] for k in range(length)]
        assert ends == list(range(ends[0], ends[0] + length)), f"item {entry['text']} was cut"
        line, text, nth = new.item_at(ends[0], length)
        return {**entry, "line": line, "text": text, "nth": nth}

    first, last = gold["lines"]
    mapped = {**gold, "lines": [line_to(first), line_to(last, end=True)]}
    mapped["tasks"] = [{**t, "line": line_to(t["line"])} for t in gold.get("tasks", [])]
    for name in ("deadlines", "targets"):
        mapped[name] = [item(e) for e in gold.get(name, [])]
    lost = {t["path"] for t in gold.get("tasks", []) if old.rows[t["line"] - 1][0] in unnumbered}
    if lost:
        lifted = lift_paths([t["path"] for t in sorted(gold.get("tasks", []), key=lambda t: t["line"])], lost)
        mapped["tasks"] = [{**t, "path": lifted[t["path"]]} for t in mapped["tasks"] if lifted[t["path"]]]
        mapped["assignments"] = [{**a, "task": lifted[a["task"]]} for a in gold.get("assignments", []) if lifted.get(a["task"])]
    return mapped


def documents(groups: tuple[str, ...]) -> dict[Path, list[GoldDocument]]:
    """The gold documents of the groups (never held-out), with overrides applied, by source."""
    assert "held-out" not in groups
    split = load_split(ROOT / "corpus" / "split.yaml")
    by_source: dict[Path, list[GoldDocument]] = defaultdict(list)
    for folder in split.corpora:
        for path in gold_files(folder):
            if split.group(path.stem) in groups:
                document = apply_overrides(load_gold(path), split.overrides)
                by_source[document.source].append(document)
    return by_source


def write_shape(name: str, by_source: dict[Path, list[GoldDocument]], out: Path, seed: int, seeds: list[str]) -> None:
    """Write every document in shape ``name`` with its carried gold, and a split file, under ``out``."""
    (out / "corpus" / "docs").mkdir(parents=True)
    (out / "corpus" / "gold").mkdir()
    (out / "corpus" / "split.yaml").write_text(json.dumps({"corpora": ["corpus/gold"], "seeds": seeds}), encoding="utf-8")
    for k, (source, docs) in enumerate(sorted(by_source.items())):
        text = source_text(docs[0])
        old = Located(text)
        golds = [d.gold.model_dump(mode="json", exclude_none=True) for d in docs]
        spans = [(s, s + len(str(e["text"]))) for g in golds for e in [*g.get("deadlines", []), *g.get("targets", [])]
                 for s in [old.offset(e["line"], str(e["text"]), e.get("nth", 1))]]
        tasks = tuple((t["path"], t["line"] - 1) for g in golds for t in g.get("tasks", []))
        known = Known(spans, frozenset(g["lines"][0] - 1 for g in golds), golds[0].get("doc_date"), tasks,
                      tuple(a for g in golds for a in g.get("assignments", [])))
        rewrite = SHAPES[name](text, known, random.Random(f"{seed}:{name}:{source.name}"))
        new = Located(rewrite.text)
        file = f"{k:03d}_{source.stem}.txt"
        (out / "corpus" / "docs" / file).write_text(rewrite.text, encoding="utf-8")
        for document, gold in zip(docs, golds):
            mapped = map_gold(gold, old, new, rewrite.moved, frozenset(rewrite.unnumbered)) | {"source": f"docs/{file}"}
            mapped = renamed_gold(mapped, rewrite.renamed)
            mapped = repathed_gold(mapped, rewrite.repathed)
            (out / "corpus" / "gold" / f"{document.id}.yaml").write_text(json.dumps(mapped, ensure_ascii=False), encoding="utf-8")


def score(out: Path) -> dict:
    """`govplan eval --json` on one shape's folder."""
    run = subprocess.run([str(ROOT / ".venv" / "bin" / "govplan"), "eval", "--split-file", str(out / "corpus" / "split.yaml"),
                          "--by-split", "--json"], capture_output=True, text=True, cwd=ROOT)
    if run.returncode:
        sys.exit(f"govplan eval failed on {out}: {run.stderr.strip()}")
    return json.loads(run.stdout)


def report(results: dict[str, dict], shapes: list[str], worst: int) -> str:
    """F1 per shape and field (change from the originals in brackets), then per shape the documents
    that lose most: per field, gold items no longer found (-n) and new wrong items (+n)."""
    reference = results["original"]["total"]
    rows = [f"{'shape':24}" + "".join(f"{f:>17}" for f in FIELDS)]
    for name in shapes:
        total = results[name]["total"]
        rows.append(f"{name:24}" + "".join(
            f"{total[f]['f1']:>8.3f}" + (f" ({total[f]['f1'] - reference[f]['f1']:+.3f})" if name != "original" else " " * 9)
            for f in FIELDS))
    for name in shapes[1:]:
        losses = []
        originals = {Path(doc).stem: scores for doc, scores in results["original"]["documents"].items()}
        for doc, scores in results[name]["documents"].items():
            before = originals[Path(doc).stem]
            lost = {f: (before[f]["tp"] - scores[f]["tp"],
                        scores[f]["predicted"] - scores[f]["tp"] - (before[f]["predicted"] - before[f]["tp"])) for f in FIELDS}
            weight = sum(max(0, a) + max(0, b) for a, b in lost.values())
            if weight:
                losses.append((weight, Path(doc).stem, lost))
        losses.sort(key=lambda x: (-x[0], x[1]))
        rows.append(f"  {name}: " + ("; ".join(
            f"{doc} " + ",".join(f"{f}-{a}+{b}" for f, (a, b) in lost.items() if a > 0 or b > 0)
            for _, doc, lost in losses[:worst]) or "no document loses"))
    return "\n".join(rows)


def main() -> None:
    """Score every shape and print F1 per field beside the originals, with the documents that lose most."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("shapes", nargs="*", default=list(SHAPES), help="shapes to run (default: all)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--worst", type=int, default=4, help="documents that lose most, per shape")
    parser.add_argument("--keep", type=Path, help="write the shaped corpora here (kept) instead of a temp folder")
    args = parser.parse_args()
    by_source = documents(("dev", "seeds"))
    seeds = load_split(ROOT / "corpus" / "split.yaml").seeds
    shapes = ["original", *[s for s in args.shapes if s != "original"]]
    base = args.keep or Path(tempfile.mkdtemp(prefix="perturb-"))
    results = {}
    for name in shapes:
        write_shape(name, by_source, base / name, args.seed, seeds)
        results[name] = score(base / name)
    print(report(results, shapes, args.worst))
    print(f"shaped corpora in {base}")


if __name__ == "__main__":
    main()
