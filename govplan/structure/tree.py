"""Build the heading tree of one document from its normalised lines.

Levels are not fixed per style: the first style seen opens a level, a new style nests below the
current one, and a style already open closes everything below it (pandoc-like, but data-driven).
A number is accepted as a heading only when it continues its list (next value, or 1 for a new
list, or the value after the last one of that style for lists numbered across groups); anything
else (1.6万座, a "2." in an attachment list, a date) stays body text.

The whole document is read first, so a number is judged by what follows it too: a list that skips
(OCR lost 三、, a typo jumps from 12. to 14.) or lost its first items continues where the next
number confirms the gap. Headings are found inside lines as well as at their starts: after a
sentence end, a run of blanks or a page break, or glued to the end of a paragraph
(numbering.yaml, midline). After the closing date of a notice, a list that restarts (or a task
table) opens an attachment even where the source lost its 附件 line. Task tables
(govplan.structure.tables) become nodes row by row, their section rows groups.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from govplan.spec.found import Cell, Found
from govplan.grammar import compile_pattern
from govplan.scanning import Scanner, scanner
from govplan.spec.model import CellText, NumberStyle, TaskNode
from govplan.structure.contents import contents_lines
from govplan.structure.layout import holds_label_line
from govplan.structure.lines import Line, Locator, is_caption, stands_as_heading
from govplan.structure.metadata import is_chrome
from govplan.structure.numbering import (
    HeadingNumber, find_inline_items, heading_at, inline_run, is_segment_of, match_heading, numbering, place_segment,
    segment_at_place,
)
from govplan.structure.tables import Table, TableCell, TableRow, find_tables, row_number

_SENTENCE_END = compile_pattern("[{sentence_end}]")
_CLAUSE_END = compile_pattern("[{clause_end}]")
_COLON = compile_pattern("[{colon}]")
_LABEL_CHARS = 20  # "参与范围：…" — a short label before a colon is the heading phrase
_DATE_LINE = compile_pattern("^{calendar_date}$")
_FILE_NAME = compile_pattern("{file_name}$")
_SENTENCE_END = compile_pattern("[{sentence_end}]")  # a line holding one is text, no title
_PART = re.compile(r"\W")  # a separator inside an attachment's number: it numbers a part (附件1-1, 附件1.1)
# A date of issue inside a run-on line (a web copy that joined the notice's lines with blanks).
_DATE_BETWEEN_BLANKS = compile_pattern("(?:^|[ \t\u3000]){calendar_date}[ \t\u3000]+")
_BLANK = " \t\f\u3000"
_ANNEX_LABEL = re.compile(f"(?<![^{_BLANK}])附")  # 附 at a line's start or after a blank (附件：…)
_TITLE_MARKS = re.compile(r"[\s《》〈〉“”\"'‘’。.]")  # what _compact leaves out of a title
# A table row's number and the text list of the same numbers (序号 4 then 5“标准地”改革… run on as text).
_ROW_LISTS = {"table_row": "arabic_dot"}
# Cells whose text annotators need not read (a row's own text ends before trailing ones).
_QUIET_KINDS = ("progress", "score", "other")
# Cells where inline items (一是…, (1)…, ①…) are the row's children (a 时间节点 cell may list the
# stages ①②③ as a 进度安排 cell does).
_CONTENT_KINDS = ("task", "measure", "schedule", "time", "note")


@dataclass(frozen=True)
class _Cand:
    """A possible heading: where its number starts, the number, and where it stands
    (start: a line start; sentence/blank: inside a line after a boundary; tail: glued to the end
    of a paragraph; glued: right after a heading phrase)."""

    line: int
    pos: int
    heading: HeadingNumber
    kind: str
    indent: int | None = None  # blanks before a number at a line start (nested HTML or Word lists)


@dataclass
class _RowInfo:
    """What a node made from a table row carries: its cells and the table's columns."""

    table: Table
    cells: list[TableCell]
    carried: list[TableCell]
    title_cell: TableCell | None
    number_span: tuple[int, int] | None
    quiet: list[TableCell] = field(default_factory=list)  # cells whose numbered items are no children


@dataclass
class _Open:
    """A node being built: its style, value, where its text starts, where its number ends, and
    where its own text ends."""

    style: str
    value: int
    segment: str
    start: int
    number_end: int
    level: int
    own_end: int = -1
    children: list["_Open"] = field(default_factory=list)
    numeral_written: bool = True
    row: _RowInfo | None = None
    lost_opening: bool = False  # opened past 1 where the text begins inside its outline (七、 on page 2)
    indent: int | None = None  # blanks before its number when it opens a line
    closed: frozenset[str] = frozenset()  # styles of the items it closed, standing beside them (专栏2 after 3.)
    bare: bool = False  # its number's separator was lost (1组织好…): a bare number before a unit may follow it
    off_page: tuple[str, int] | None = None  # the style and number of its parent off the page (2.6 opening a page: arabic_dot 2)


_DECIMAL_NUMBER = re.compile(r"\d++(?:\.\d++)+")


def _written_decimal(text: str, pos: int) -> str | None:
    """The decimal number written at ``pos`` (6.2.4), every part of it."""
    match = _DECIMAL_NUMBER.match(text, pos)
    return match.group() if match is not None else None


class TreeBuilder:
    """Turns the lines of one document region into TaskNodes with provenance."""

    def __init__(self, text: str, locator: Locator) -> None:
        self.text = text
        self.locator = locator
        self.data = numbering()
        self.tables: list[Table] = []
        self._bare_last: dict[str, bool] = {}  # whether the last item placed of each style was a bare number
        self._hidden: list[int] = []  # where a sharing site's marks that it hid text end (此处隐藏3140字)

    # --- the whole document --------------------------------------------------------------------

    def build(self, lines: list[Line]) -> list[TaskNode]:
        self.tables = find_tables(lines, self.text)
        table_at = {table.first: table for table in self.tables}
        in_table = {k for table in self.tables for k in range(table.first, table.last + 1)}
        contents = contents_lines(lines)
        self._hidden = [m.end() for m in self.data.hidden_text.finditer(self.text)]
        marks = {k for k, line in enumerate(lines) if self._hidden and _is_hidden_mark(line.text, self.data.hidden_text)}
        self._cands = self._candidates(lines, in_table | contents | self._remark_lines(lines) | _repeated_headings(lines) | marks)
        cand_index = 0
        roots: list[_Open] = []
        stack: list[_Open] = []
        last_value: dict[str, int] = {}
        current: _Open | None = None
        list_kind: str | None = None  # while in the notice's attachment list: its label's kind (件 of 附件：, 表 of 附表：)
        listed: dict[str, str] = {}  # titles the notice lists as attachments (附件：1.…) -> their ids (附件1)
        closed_at: int | None = None  # index of the notice's closing date line, while no annex opened
        opened: set[str] = set()  # listed titles whose document has opened (after the notice closed)
        printed = self._printed_documents(lines) or self._cited_documents(lines) or self._restarted_document(lines)
        entries = self._list_entries(lines)
        captioned = False  # a table's or figure's caption stands above, and no heading has been placed since
        region_end = lines[-1].end if lines else 0
        k = 0
        while k < len(lines):
            line = lines[k]
            if k in table_at:
                table = table_at[k]
                begins = self._annex_before(lines, closed_at, table, roots) if closed_at is not None and roots else None
                if begins is not None and closed_at is not None:  # its own text (the title and the table's header) ends where the header ends
                    annex = self._annex(lines, begins, k, roots, self.data.attachment_id(""))
                    self._close(current, annex.start)  # the node before it ends where it begins: the header is the annex's alone
                    self._close(annex, table.header_end)
                    stack, last_value, closed_at = [annex], {}, None
                self._close(current, table.header_end)
                current = None
                rows_open = self._place_table(table, stack[-1] if stack else None, roots)
                if rows_open:  # text after the table, up to the next heading, stays with its last row
                    rows_open[-1].own_end, current = -1, rows_open[-1]
                    _rows_go_on(rows_open, stack, last_value)
                k = table.last + 1
                continue
            if k in in_table or line.blank:
                k += 1
                continue
            if list_kind is not None and (item := self.data.attachment_item.match(line.text)):
                listed[_compact(item.group("title"))] = self.data.attachment_id(item.group("n"), list_kind)
                k += 1
                continue
            if list_kind is not None and (number := self.data.attachment_number.match(line.text)) \
                    and (title_at := next((j for j in range(k + 1, len(lines)) if not lines[j].blank), None)) is not None:
                listed[_compact(lines[title_at].text)] = self.data.attachment_id(number.group("n"), list_kind)
                k = title_at + 1  # the number and its title's line are one entry
                continue
            list_kind = None
            title = _compact(line.text) if listed or k in printed else ""  # compared only with those titles
            in_list = title in listed and title not in opened and (closed_at is not None or bool(opened))
            if in_list or (k in printed and (closed_at is not None or bool(roots))):
                # the title of a document the notice lists as its attachment (附件：1.… 2.…) opens it,
                # the first after the notice's closing date, each further one where its title stands;
                # so does the title of one of the documents its transmittal names and prints
                self._close(current, line.start)
                # from the closing date, unless the document printed after the date is the top level already
                # (c625's 工作方案, numbered 一、-五、): then the annex starts at its title (as _annex_before reads a table)
                after_date = in_list and closed_at is not None and not (roots and roots[-1].start > lines[closed_at].start)
                start = closed_at if after_date and closed_at is not None else k - 1
                annex = self._annex(lines, start, k, roots,
                                    listed[title] if in_list else self.data.attachment_id(printed[k]))
                stack, last_value, current, closed_at = [annex], {}, annex, None
                opened.add(title)
            attachment = self.data.attachment.match(line.text)
            if attachment and k in entries:  # an entry of the notice's list of attachments: it heads nothing printed
                self._close(current, line.start)
                current = None
                listed[_compact(attachment.group("title") or "")] = \
                    self.data.attachment_id(attachment.group("n") or "", attachment.group("kind"))
                k += 1
                continue
            alone = None if attachment else self._label_alone(lines, k)
            if attachment or alone:
                self._close(current, line.start)
                segment = self.data.attachment_id(attachment.group("n") or "", attachment.group("kind")) if attachment \
                    else self.data.attachment_id("", alone)
                end = line.start + (attachment.start("title") if attachment and attachment.group("title") else len(line.text))
                node = _Open("attachment", 0, segment, line.start, end, 1)
                roots.append(node)
                stack, last_value, current, closed_at = [node], {}, node, None
                k += 1
                continue
            if is_chrome(line.text):  # a portal's 来源/浏览次数/打印 lines belong to no task
                self._close(current, line.start)
                current = None
                k += 1
                continue
            listing = self.data.attachment_list.match(line.text)
            if listing or _DATE_LINE.match(line.text):
                self._close(current, line.start)
                current = None
                list_kind = (listing.group("kind") or "件") if listing else None
                if listing:
                    item = self.data.attachment_item.match(listing.group("rest").strip())
                    title = item.group("title") if item else listing.group("rest")
                    listed[_compact(title)] = self.data.attachment_id(item.group("n") if item else "", list_kind)
                else:
                    closed_at = k
                k += 1
                continue
            while cand_index < len(self._cands) and self._cands[cand_index].line < k:
                cand_index += 1
            captioned = captioned or is_caption(line.text)
            if stack and not captioned and not (cand_index < len(self._cands) and self._cands[cand_index].line == k) \
                    and stands_as_heading(lines, k) and not self._opens_point(line.text):  # its items are the top level
                del stack[1 if stack[0].style == "attachment" else 0:]
            inline_annex = self._inline_annex(line) if not roots else None
            while cand_index < len(self._cands) and self._cands[cand_index].line == k:
                cand = self._cands[cand_index]
                if inline_annex is not None and cand.pos >= inline_annex[0]:
                    at, segment = inline_annex
                    self._close(current, at)
                    current = _Open("attachment", 0, segment,
                                    at, at, 1, numeral_written=False)
                    roots.append(current)
                    stack, last_value, closed_at, inline_annex = [current], {}, None, None
                if closed_at is not None and roots and cand.kind in ("start", "blank") \
                        and self._opens_annex(cand.heading, stack, roots, lines[closed_at].start) \
                        and self._titled(lines, closed_at, k, self.text[line.start:cand.pos]):
                    self._close(current, line.start)
                    annex = self._annex(lines, closed_at, k, roots, self.data.attachment_id(""))
                    stack, last_value, current, closed_at = [annex], {}, annex, None
                placed = self._place(cand, cand_index, stack, last_value, roots)
                if placed is not None:
                    self._close(current, cand.pos)
                    current, captioned = placed, False
                cand_index += 1
            k += 1
        self._close(current, region_end)
        if len(roots) == 1 and roots[0].style == "attachment" and not roots[0].numeral_written:
            roots = _lifted(roots[0].children)  # the one document a notice numbering nothing prints: its body
        if not roots:
            return self._unheaded_items(lines)
        root_ids: set[str] = set()
        return [task for node in roots for task in self._finish(node, None, root_ids)]

    def _list_entries(self, lines: list[Line]) -> set[int]:
        """The lines of attachment labels that list documents rather than head them (附件2:…的决定 above the signature,
        附件一: over its title after the date, 附件：/本协议附件包括： over 附件一：… lines, a bare 附件1: closing the page);
        a label numbering a part (附件1-1, 附件1.1) heads its part."""
        shown = [k for k, line in enumerate(lines) if not line.blank]
        entries: set[int] = set()
        ends: set[int] = set()  # each entry's last line: its label's, or its title's under a label standing alone
        for at, k in enumerate(shown):
            label = self.data.attachment.match(lines[k].text)
            if not label or _PART.search(label.group("n") or ""):
                continue
            title_at = k
            if not label.group("title") and at + 1 < len(shown) and not _SENTENCE_END.search(lines[shown[at + 1]].text):
                title_at = shown[at + 1]
            following = [lines[j].text for j in shown[at + 1:] if j > title_at][:2]
            before = lines[shown[at - 1]].text if at else ""
            if at and (shown[at - 1] in ends or self.data.attachment_lead_in.search(before)) \
                    or self._closes_list(following, bare=at + 1 == len(shown)):
                entries.add(k)
                ends.add(title_at)
        return entries

    def _label_alone(self, lines: list[Line], k: int) -> str | None:
        """The kind (件, 表) of an 附件： line listing nothing that heads the attachment printed under it: its title on the
        next line, the attachment's text after that (docs/gold-format.md, corpus24c: c637, c670), not a list's lead-in
        (附件： over 1.… entries or 附件一：… labels) nor a link closing the page (附件： over a file's name); else None."""
        listing = self.data.attachment_list.match(lines[k].text)
        if listing is None or listing.group("rest").strip():
            return None
        shown = [line.text for line in lines[k + 1:] if not line.blank][:3]
        if len(shown) < 2 or _SENTENCE_END.search(shown[0]) or _FILE_NAME.search(shown[0]) \
                or any(pattern.match(shown[0]) for pattern in (self.data.attachment_item, self.data.attachment_number,
                                                            self.data.attachment, self.data.attachment_list)):
            return None
        return None if self._closes_list(shown[1:], bare=False) else listing.group("kind") or "件"

    def _closes_list(self, following: list[str], bare: bool) -> bool:
        """Whether what follows a label and its title shows it heads nothing: another label (not one of its parts), or
        the date of issue right after it or after the signature above it; or nothing at all after a bare label."""
        if not following:
            return bare
        label = self.data.attachment.match(following[0])
        return bool(label and not _PART.search(label.group("n") or "")) or any(_DATE_LINE.match(t) for t in following)

    def _annex_before(self, lines: list[Line], closed_at: int, table: Table, roots: list[_Open]) -> int | None:
        """The line after which the annex a task table after the closing date opens begins: the date, unless the
        document printed after it already stands as the top level (the notice numbering nothing: c361's 方案, c491's
        实施方案), when the annex is the table and the title line right above it (全面推进…任务分解表, 附件：…分解表),
        not that document's title; None where such a table belongs to that document's body (no 序号 column, or under a
        caption or a numbered heading of the document: 表3 …任务表, or with the document's first level going on after it:
        三、 after the 二、 it stands in, c637's indicator table)."""
        if roots[-1].start < lines[closed_at].start:
            return closed_at
        if self._goes_on(lines, table.last + 1, roots[-1]):
            return None
        k = table.first
        above = next((j for j in range(k - 1, closed_at, -1) if not lines[j].blank), closed_at)
        if table.column_of("number") is None or (above > closed_at and (
                is_caption(lines[above].text) or match_heading(lines[above].text) is not None)):
            return None
        return above - 1 if above > closed_at and self._titled(lines, above - 1, above + 1, "") else k - 1

    def _goes_on(self, lines: list[Line], k: int, top: _Open) -> bool:
        """Whether the first heading from line ``k`` on numbers the next item of the level ``top`` stands at (三、 after 二、);
        a number a heading only where a child confirms it (70以上, a table's last cell run past its end, c635) says nothing."""
        heading = next((head for line in lines[k:] if not line.blank
                        and (head := match_heading(line.text)) and not head.needs_child), None)
        return heading is not None and heading.style == top.style and heading.value == top.value + 1

    def _opens_annex(self, heading: HeadingNumber, stack: list[_Open], roots: list[_Open], closed: int) -> bool:
        """Whether a heading after the notice's closing date (at offset ``closed``) opens an annex's list: numbered 1,
        it starts a list of the notice again, or a list ranked below the item the notice left open (its last top-level
        item, where a heading without its number closed the others), which no item of the closed notice holds ((一)
        where the annex's 一、 were lost: d05 with its first level unnumbered)."""
        if heading.value != 1:
            return False
        if any(open_.style == heading.style for open_ in stack) or roots[-1].style == heading.style:
            return True
        rank = self.data.rank
        left = stack[-1] if stack else roots[-1]
        return left.start < closed and rank.get(heading.style, len(rank)) > rank.get(left.style, len(rank))

    def _titled(self, lines: list[Line], closed_at: int, k: int, lead: str) -> bool:
        """Whether only a title (short lines without a sentence end) stands between the closing
        date and the heading on line ``k``, after ``lead`` on its line (a title run on with its first
        heading: 交通强国建设试点任务要点（北京工业大学） 一、…): an annex starts with its title, not
        with more of the notice."""
        between = [line.text for line in lines[closed_at + 1:k] if not line.blank] + ([lead.strip()] if lead.strip() else [])
        return 0 < len(between) <= 3 and all(
            len(text) <= self.data.max_title_chars and not _SENTENCE_END.search(text) for text in between
        )

    def _annex(self, lines: list[Line], closed_at: int, k: int, roots: list[_Open], segment: str) -> _Open:
        """An attachment the source did not label (附件 line lost): it starts at the first line after
        the closing date (its title) and holds what follows; ``segment`` its id as the notice's attachment
        list numbers it (附件2, 附表1)."""
        first = next((j for j in range(closed_at + 1, k) if not lines[j].blank), k)
        start = lines[first].start if first < k else lines[k].start
        node = _Open("attachment", 0, segment, start, start, 1, numeral_written=False)
        roots.append(node)
        return node

    def _printed_documents(self, lines: list[Line]) -> dict[int, str]:
        """Where the documents a notice names together in its transmittal sentence (《A》和《B》…现印发给你们)
        are printed after it without 附件 labels: the line of each title (wrapped over up to three
        lines) and its number by its place in the sentence, when two of them are printed so or one beside
        another under a numbered label (附件2: the first is 附件1) (else none: one document printed alone is the
        notice's body, top-level, and so is the one unlabelled where the other stands under a bare 附件 label, the
        first one's own attachment: c661); not a title printed under an 附件N label: that label opens its document
        already (not a second attachment 附件1~2)."""
        for k, line in enumerate(lines):
            if "《" not in line.text or not (sentence := self.data.transmittal.search(line.text)):
                continue
            titles = {_compact(t): str(n) for n, t in enumerate(re.findall(r"《([^《》]+)》", sentence.group("run")), 1)}
            printed: dict[int, str] = {}
            for j in range(k + 1, len(lines)):
                title = _title_at(lines, j, titles)
                if title is not None and titles[title] not in printed.values():
                    printed[j] = titles[title]
            labels = {j: self._label_above(lines, j) for j in printed}
            unlabelled = {j: n for j, n in printed.items() if labels[j] is None}
            numbered = sum(1 for label in labels.values() if label is not None and label.group("n"))
            return unlabelled if len(unlabelled) + numbered >= 2 else {}
        return {}

    def _label_above(self, lines: list[Line], k: int) -> re.Match[str] | None:
        """The attachment's label (附件, 附件2：) on the line above line ``k`` (blank lines aside), or None."""
        above = next((line for line in reversed(lines[:k]) if not line.blank), None)
        return self.data.attachment.match(above.text) if above is not None else None

    def _cited_documents(self, lines: list[Line]) -> dict[int, str]:
        """Where the attachments a notice numbering items of its own cites in brackets (（附件1）（附件2）) are printed after
        its closing date without 附件N labels (c446): the first line after the date and each further title line (a short
        phrase alone on its line after a paragraph that ended its sentence), each before a list opening (a heading
        numbered 1), numbered by the citations' order; none where the notice cites none, numbers nothing before its
        date, or labels an attachment after it."""
        date = next((k for k, line in enumerate(lines) if _DATE_LINE.match(line.text)), None)
        if date is None or not any(match_heading(line.text) for line in lines[:date] if not line.blank):
            return {}
        cited = {int(n) for line in lines[:date] for n in self.data.cited_attachment.findall(line.text)}
        after = [k for k in range(date + 1, len(lines)) if not lines[k].blank]
        if not cited or any(self.data.attachment.match(lines[k].text) for k in after):
            return {}
        titles = [k for n, k in enumerate(after) if self._title_line(lines[k].text)
                  and (n == 0 or _SENTENCE_END.match(lines[after[n - 1]].text[-1]))]
        found: dict[int, str] = {}
        for k, end in zip(titles, [*titles[1:], len(lines)]):
            if len(found) < len(cited) and any((head := match_heading(lines[j].text)) and head.value == 1 for j in range(k + 1, end)):
                found[k] = str(len(found) + 1)
        return found if found and min(found) == after[0] else {}

    def _restarted_document(self, lines: list[Line]) -> dict[int, str]:
        """Where a document the page prints with neither an 附件 label nor a transmittal begins (numbering.yaml,
        restart_title: …目标任务分解 right above 一、 after the notice's 十、, the style of the text's first heading): its title
        line, id 附件; none where an 附件 label stands anywhere (that label opens its document)."""
        if any(self.data.attachment.match(line.text) for line in lines if not line.blank) \
                or not any(self.data.restart_title.search(line.text) for line in lines):
            return {}  # no title of the kind at all: the headings need not be read (one C scan a line)
        first: str | None = None  # the style the text's first heading has: its first level
        passed = False  # whether that style has been numbered past 1
        filled = [k for k, line in enumerate(lines) if not line.blank]
        for n, k in enumerate(filled):
            head = match_heading(lines[k].text)
            if head is None or head.style != (first := first or head.style):
                continue
            above = lines[filled[n - 1]].text if n else ""
            if head.value == 1 and passed and self._title_line(above) and self.data.restart_title.search(above):
                return {filled[n - 1]: ""}
            passed = passed or head.value > 1
        return {}

    def _title_line(self, text: str) -> bool:
        """Whether a line is a document's title: short, no sentence end, no heading number, no note in brackets."""
        return len(text) <= self.data.max_title_chars and not _SENTENCE_END.search(text) and match_heading(text) is None \
            and text[:1] not in "(（【"

    def _inline_annex(self, line: Line) -> tuple[int, str] | None:
        """Where, in a run-on line, the document the notice lists as its attachment starts: after
        ``附件：TITLE`` and the notice's date of issue, TITLE again (…附件:山福镇…预案 温州市…人民政府
        2020年10月22日 山福镇…预案 1.总则…), with its id as the list numbers it (附件:1.… → 附件1), or None."""
        text = line.text
        for at in (label.start() for label in _ANNEX_LABEL.finditer(text)):
            listing = self.data.attachment_list.match(text[at:])
            words = listing.group("rest").split(maxsplit=1) if listing else []
            if not words:
                continue
            item = self.data.attachment_item.match(words[0])
            title, number = (item.group("title"), item.group("n")) if item else (words[0], "")
            for date in _DATE_BETWEEN_BLANKS.finditer(text, at + listing.start("rest")):
                if text.startswith(title, date.end()):
                    return line.start + date.end(), self.data.attachment_id(number, listing.group("kind"))
        return None

    def _unheaded_items(self, lines: list[Line]) -> list[TaskNode]:
        """A document with no numbered headings may still list its points inline (一要…二要…)."""
        content = [line for line in lines if not line.blank]
        if not content:
            return []
        start, end = content[0].start, content[-1].end
        return self._inline_children(self.text[start:end], start, 0, 0, None)

    # --- candidates ----------------------------------------------------------------------------

    def _candidates(self, lines: list[Line], skip: set[int]) -> list[_Cand]:
        """Every possible heading number, in text order: at line starts and inside lines."""
        found: list[_Cand] = []
        mid = self.data.midline
        for k, line in enumerate(lines):
            if line.blank or k in skip:
                continue
            text = line.text
            head = match_heading(text)
            glued: list[_Cand] = []
            if head is not None:
                found.append(_Cand(k, line.start, head, "start", self._indent(line)))
                glued = self._glued(k, line, head, 0)
                found.extend(glued)
            for pos, kind in self._boundaries(text):
                if any(c.pos == line.start + pos for c in glued):
                    continue  # read as the item glued to the heading phrase
                heading = heading_at(text, pos)
                if heading is None or heading.style not in mid.styles or heading.in_bare_run or heading.opens_line:
                    continue  # a bare number before a unit (…完成2个…, …文件后 2 个月…) is an item only where it opens its line
                if kind == "tail" and not self._tail_heading(text, pos + heading.number_end):
                    continue
                if kind == "prose" and (heading.style not in mid.prose_styles
                                        or not self._prose_heading(text, pos + heading.number_end)):
                    continue
                found.append(_Cand(k, line.start + pos, heading, kind))
                if kind in ("sentence", "blank"):
                    glued = self._glued(k, line, heading, pos)
                    found.extend(glued)
        found.extend(self._paragraph_points(lines, skip))
        taken = {c.pos for c in found if c.kind != "prose"}
        found = [c for c in found if c.kind != "prose" or c.pos not in taken]  # a number is read once
        found.sort(key=lambda c: c.pos)
        return found

    def _remark_lines(self, lines: list[Line]) -> set[int]:
        """The lines of a remark's numbered items (备注：1.… then 2.…, 3.… at the starts of the lines after it,
        numbering on in the same style): no headings (numbering.yaml, remark_list)."""
        found: set[int] = set()
        for k, line in enumerate(lines):
            label = self.data.remark_list.match(line.text) if line.text[:1] in "备注" else None
            heading = heading_at(line.text, label.end()) if label else None
            if heading is None or heading.value != 1:
                continue
            found.add(k)
            value = 1
            for j in range(k + 1, len(lines)):
                if lines[j].blank:
                    continue
                nxt = match_heading(lines[j].text)
                if nxt is None or nxt.style != heading.style or nxt.value != value + 1:
                    break
                found.add(j)
                value += 1
        return found

    def _paragraph_points(self, lines: list[Line], skip: set[int]) -> list[_Cand]:
        """Inline points that open their lines with a list between them (一是…共谋划农业项目5个: then (一)-(五) on
        their own lines, then 二是…, c516): where a point's paragraphs end with a colon before a numbered heading
        and a further point opens a later line, the points numbering on at line starts are headings (the list
        that point's children); otherwise they stay inline items."""
        found: list[_Cand] = []
        for key in self.data.paragraph_points:
            style = self.data.inline_style_of[key]
            opening = _point_opening(style.marker, style.numerals)
            runs: list[list[tuple[int, int]]] = []
            for k, line in enumerate(lines):
                match = opening.match(line.text) if k not in skip else None
                value = style.numerals.index(match.group("n")) + 1 if match else 0
                if value == 1:
                    runs.append([(k, match.end())])  # a new run: each is read on its own
                elif value and runs and value == len(runs[-1]) + 1:
                    runs[-1].append((k, match.end()))
            for run in runs:
                if any(self._holds_list(lines, k, nxt) for (k, _), (nxt, _) in zip(run, run[1:])):
                    found.extend(self._point(key, value, k, end, lines) for value, (k, end) in enumerate(run, start=1))
        return found

    def _opens_point(self, text: str) -> bool:
        """Whether a line opens with a point of the styles that open lines (二是存量节余土地分割转让 after its first point's
        paragraphs, c659): its own number stands on it, so it is no heading that lost its number."""
        styles = (self.data.inline_style_of[key] for key in self.data.paragraph_points)
        return any(_point_opening(style.marker, style.numerals).match(text) for style in styles)

    def _point(self, key: str, value: int, k: int, end: int, lines: list[Line]) -> _Cand:
        """A point opening line ``k`` (its marker ending at ``end``) as a heading: it continues its run only."""
        style = self.data.inline_style_of[key]
        heading = HeadingNumber(key, value, style.segment.replace("{n}", style.numerals[value - 1]), end,
                                strict=True, opens_confirmed=value == 1)
        return _Cand(k, lines[k].start, heading, "start", self._indent(lines[k]))

    @staticmethod
    def _holds_list(lines: list[Line], k: int, nxt: int) -> bool:
        """Whether the point on line ``k`` holds a list before the next point's line ``nxt``: the first numbered
        heading opening a line between them follows a paragraph ending with a colon, the point's own (c516) or a
        later one of the point's (三是以拆为主…。 then 违法用地存在以下情形的，可以采取其他处置方式： then 1. 2., c526)."""
        paragraphs = [j for j in range(k, nxt) if not lines[j].blank]
        first = next((n for n, j in enumerate(paragraphs) if n and match_heading(lines[j].text) is not None), None)
        return first is not None and lines[paragraphs[first - 1]].text.endswith((":", "："))

    def _boundaries(self, text: str) -> list[tuple[int, str]]:
        """Positions inside a line where a heading number may stand, with the kind of boundary
        (a clause mark counts only near the line's end, where a heading phrase can end it)."""
        patterns = _boundary_patterns()
        mid = self.data.midline
        result = []
        for match in patterns[0].finditer(text, 1):
            found = match.group(0)
            if found[0] in mid.digit_joiners and text[match.start() - 1].isdigit() and text[match.end():match.end() + 1].isdigit():
                continue  # a ratio (11.9:49.7) or a time (14:30)
            if found[0] in mid.after_sentence:
                result.append((match.end(), "sentence"))
            elif "\f" in found or len(found) >= mid.min_blanks:
                result.append((match.end(), "blank"))
            elif mid.single_blank:
                result.append((match.end(), "sentence"))
        result += [(match.end(), "sentence") for match in patterns[3].finditer(text, 1) if match.end() < len(text)]
        result += [(match.end(), "sentence") for match in patterns[4].finditer(text, 1)]  # 实施方案一、: the title ends
        tail_from = max(1, len(text) - self.data.max_title_chars - 8)
        result += [(match.end(), "tail") for match in patterns[1].finditer(text, tail_from)]
        result += [(match.start(), "prose") for match in patterns[2].finditer(text, 1)]
        return result

    def _tail_heading(self, text: str, body: int) -> bool:
        """Whether what follows a number glued to a paragraph's end is a short heading phrase that
        ends the line (…水平，三、优化智能审核和监控流程)."""
        rest = text[body:]
        return 0 < len(rest) <= self.data.max_title_chars and not re.search(r"[。；;！？!?，,、：:]", rest)

    def _prose_heading(self, text: str, body: int) -> bool:
        """Whether a heading phrase follows a number glued to prose: text up to its first sentence
        end (or the line's end) no longer than a title."""
        stop = _SENTENCE_END.search(text, body)
        return 0 < (stop.start() if stop else len(text)) - body <= self.data.max_title_chars

    def _heads_child_list(self, cand: _Cand, index: int) -> bool:
        """Whether a number glued to prose that no later sibling confirms heads a list of its own (…全面推进各项工作二、重点任务
        as the last section): a short heading phrase ends its line, and the next line opens with the first item of
        another style ((一)加快建设); a number inside a sentence (第一、二、三批, 一二、三线) has neither."""
        body = cand.pos + cand.heading.number_end
        line_end = self.text.find("\n", body)
        later = self._cands[index + 1] if index + 1 < len(self._cands) else None
        return line_end >= 0 and later is not None and later.kind == "start" and later.heading.value == 1 \
            and later.heading.style != cand.heading.style and not self.text[line_end:later.pos].strip() \
            and self._tail_heading(self.text[body:line_end], 0)

    def _glued(self, k: int, line: Line, head: HeadingNumber, at: int) -> list[_Cand]:
        """A new list glued to a heading phrase (一、总体要求1.指导思想…, or one blank between): a number
        of the glued-item styles after a character of the phrase, before its first sentence end
        (``at``: where the heading's number stands in the line). The item found may itself be a
        heading phrase with its own first item glued on (二、项目推进措施 1.推进城市化建设 (1)加快…: a
        PDF page run onto one line), so the chain is followed."""
        text = line.text
        body = at + head.number_end
        phrase_end = min(len(text), body + self.data.max_title_chars)
        stop = _SENTENCE_END.search(text, body)
        if stop is not None:
            phrase_end = min(phrase_end, stop.start())
        for match in _glued_pattern().finditer(text, body + 2, phrase_end):
            pos = match.start()
            before = text[pos - 2] if text[pos - 1] == " " else text[pos - 1]  # one blank may stand between
            if not _phrase_char(before):
                continue
            heading = heading_at(text, pos)
            if heading is not None and heading.damaged and _open_bracket(text, body, pos):
                continue  # 一) closing a note's bracket (主要内容:(如格式一), 封面(见附件一)): no number
            if text.endswith(self.data.glued_reference_words, body, pos):
                continue  # 如附件(1): the attachment's label, no item
            if heading is not None and heading.style in self.data.midline.glued_item_styles and heading.style != head.style \
                    and not heading.in_bare_run:
                return [_Cand(k, line.start + pos, heading, "glued"), *self._glued(k, line, heading, pos)]
        return []

    # --- placing headings ----------------------------------------------------------------------

    def _place(
        self, cand: _Cand, index: int, stack: list[_Open], last_value: dict[str, int], roots: list[_Open]
    ) -> _Open | None:
        """Put a heading into the tree, or return None when its number does not continue any list."""
        heading = cand.heading
        mid = self.data.midline
        depth = self._open_list(heading.style, cand, stack)
        value = heading.value
        nested = value == 1 and depth is not None and self._indented_under(cand, stack[depth])
        if heading.in_bare_run and not self._next_bare(heading.style, depth, value, stack, last_value):
            return None
        if value == 0:  # unnumbered lead-in items live inside a section and are numbered by position
            if cand.kind != "start" or (heading.damaged and depth is None):
                return None  # a garbled number only goes on with an open list of its style: it cannot open one (docs/gold-format.md)
            if not stack and not self._lead_ins_open_page(index, roots):
                return None
            if depth is not None:
                value = stack[depth].value + 1
            else:  # a new run inside its section, or the page's own run going on (—3 after —1, —2)
                value = roots[-1].value + 1 if not stack and roots else 1
            expected = value
        elif depth is not None:
            expected = stack[depth].value + 1
        else:
            expected = last_value[heading.style] + 1 if heading.style in last_value else 1
        continues = value == expected or (depth is None and heading.style in last_value and value == 1)
        restart = depth is not None and value == 1
        if heading.strict or heading.needs_child:
            continues = value == expected and (depth is not None or heading.style in last_value)
            continues = continues or (heading.needs_child and self._child_follows(index)) or self._opens_confirmed(cand, index)
            restart = False
        gap = not heading.strict and not heading.needs_child and expected < value and (
            value <= expected + self.data.max_gap and (self._confirmed(index) or self._skipped_last(cand, index, depth, stack, expected))
            or self._after_hidden_text(index, stack, roots))
        above: int | None = None  # where a list restarting under this heading is open (see _restart_under)
        first_of_style = depth is None and heading.style not in last_value
        lost = first_of_style and value > 1 and (self._outline_begins(stack, roots) or (
            self._items_open_page(roots, heading.style) and (self._numbers_on(index) or self._parent_numbers_on(index)))
            or self._running_items_open_page(roots, index, heading.style) or self._heads_past_page(index, roots))
        parent_placed = bool(stack) and index > 0 and stack[-1].start == self._cands[index - 1].pos
        if cand.kind == "start":
            ok = nested or continues or restart or gap or (lost and not heading.strict and not heading.needs_child) \
                or (lost and heading.opens_confirmed and self._run_goes_on(index)) \
                or self._picked_item(index, depth, stack, expected) or (first_of_style and self._parent_numbers_on(index))
            if not ok and first_of_style:
                above = self._restart_under(index, stack)
                ok = above is not None
        elif cand.kind in ("sentence", "blank"):
            # a run of blanks is a layout break (paragraphs joined in a web copy): any list may open
            # there; after a sentence end only the styles that are never inline items may
            new_list = depth is None and (not heading.strict or self._opens_confirmed(cand, index)) \
                and (cand.kind == "blank" or heading.style in mid.new_list_styles or self._glued_child_follows(index))
            ok = (value == expected and (depth is not None or heading.style in last_value)) or (depth is not None and gap) or (
                new_list and (value in (expected, 1) or gap)
                and (self._confirmed(index) or self._announced(cand) or self._outline_opens(index)
                     or self._lists_inline(cand))
            ) or (cand.kind == "blank" and depth is None and value == 1 and heading.style in last_value) or (
                depth is None and value == 1 and parent_placed and not heading.strict
                and (self._runs_on(stack[-1], cand) or self._leads_in(stack[-1], cand, index)) and self._confirmed(index)
            ) or self._lost_run(cand, index, lost, stack, roots)
        elif cand.kind == "tail":
            ok = value == expected and (depth is not None or heading.style in last_value)
        elif cand.kind == "prose":
            ok = value == expected and (depth is not None or heading.style in last_value) \
                and (self._confirmed(index, True) or self._heads_child_list(cand, index))
        else:  # glued to a heading phrase: a new list whose next item follows
            # 1: a list restarting per group; the heading it is glued to, just placed, vouches for it
            ok = depth is None and value in (expected, 1) and (parent_placed or self._confirmed(index)) \
                and not heading.strict and (not heading.needs_child or self._child_follows(index)
                                            or self._numbers_across(heading.style, value, expected, last_value)) \
                or self._lost_run(cand, index, lost, stack, roots)
        if not ok:
            return None
        closed: frozenset[str] = frozenset()
        if nested:
            pass  # a list inside the last item, shown only by its deeper indentation
        elif depth is not None:
            lost = stack[depth].lost_opening and value > 1  # the list opened inside the outline goes on
            del stack[depth:]
        elif above is not None:
            del stack[above:]  # the restarting list's own items are its siblings, not its parents
        else:
            del stack[min(self._outranked(heading.style, stack, lost), self._past_off_page_parent(heading.style, value, stack)):]
            closed = self._leave_items(heading.style, value, stack)
        level = stack[-1].level + 1 if stack else 1
        segment = place_segment(heading.segment, value)
        if heading.under is not None and heading.parent is not None and not stack:
            segment = _written_decimal(self.text, cand.pos) or f"{heading.parent}.{segment}"  # 2.5, 6.2.4 opening the page: as written
        off_page = (heading.under, heading.parent) if heading.under is not None and heading.parent is not None and not stack else None
        node = _Open(heading.style, value, segment, cand.pos, cand.pos + heading.number_end, level,
                     numeral_written=not heading.damaged, lost_opening=lost, indent=cand.indent, closed=closed,
                     bare=heading.bare, off_page=off_page)
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
        last_value[heading.style] = value
        self._bare_last[heading.style] = heading.bare
        return node

    def _next_bare(self, style: str, depth: int | None, value: int, stack: list[_Open], last_value: dict[str, int]) -> bool:
        """Whether a bare number before a unit's or a date's character (3日常管理…) is the next item of an open list
        whose separators were lost (1“美丽街区”… 2专项治理…), or of such a list numbered on across groups (12加强… under
        (二), then 13分阶迭代… under (三), c681): there it is no quantity."""
        if depth is not None:
            return stack[depth].bare and value == stack[depth].value + 1
        return self._bare_last.get(style, False) and value == last_value.get(style, -1) + 1

    @staticmethod
    def _numbers_across(style: str, value: int, expected: int, last_value: dict[str, int]) -> bool:
        """Whether a number that is a heading only where it continues its list (1企业… run into its title) does so
        across the group heading it is glued to (二、便利企业开办和经营9“一照多址”… after 8 of 一、: c380's table)."""
        return value > 1 and value == expected and style in last_value

    def _leave_items(self, style: str, value: int, stack: list[_Open]) -> frozenset[str]:
        """A heading that stands beside items (专栏2 after 3. of its group) closes the open ones: it is their
        group's child, as they are, not the last item's (the styles it closed are returned); an item of those
        numbering on after it (4.) closes it in turn, while a list starting at 1 inside it is its own."""
        beside = self.data.beside.get(style, ())
        closed = set()
        while len(stack) > 1 and stack[-1].style in beside:
            closed.add(stack.pop().style)
        while value > 1 and len(stack) > 1 and style in stack[-1].closed:
            stack.pop()
        return frozenset(closed)

    def _indent(self, line: Line) -> int:
        """How many blanks stand before a line's content (a full-width blank counts as two)."""
        lead = self.text[self.text.rfind("\n", 0, line.start) + 1:line.start]
        return len(lead) + lead.count("\u3000")

    @staticmethod
    def _open_list(style: str, cand: _Cand, stack: list[_Open]) -> int | None:
        """Where the list a heading of this style continues is open: the outermost one of its style,
        unless lists of one style nest by indentation (an HTML list inside an item: 2. … then
        1.-6. indented under it), where it is the one at the heading's own indentation."""
        same = [i for i, open_ in enumerate(stack) if open_.style == style]
        if not same:
            return None
        level = [i for i in same if cand.indent is not None and stack[i].indent == cand.indent]
        return level[-1] if level else same[0]

    @staticmethod
    def _indented_under(cand: _Cand, open_: _Open) -> bool:
        """Whether a line-start heading stands deeper than the open item of its style (a list
        opening inside that item, not one restarting beside it)."""
        return cand.indent is not None and open_.indent is not None and cand.indent > open_.indent

    @staticmethod
    def _outline_begins(stack: list[_Open], roots: list[_Open]) -> bool:
        """Whether the text begins inside its outline here: no heading placed yet, or only a chain
        opened so (二、 then (五), each the only child of the one before); its first headings bear
        the numbers it was at. An outline that began at 一 began on the page."""
        if not roots:
            return True
        chain = [roots[0]]
        while len(chain[-1].children) == 1:
            chain.append(chain[-1].children[0])
        return len(roots) == 1 and roots[0].lost_opening and chain == stack

    def _items_open_page(self, roots: list[_Open], style: str) -> bool:
        """Whether the page opens with one list of items from 1, of a style the conventional order ranks below ``style``,
        and nothing else (1组织好… 9加快… then (五)…, c925: an excerpt begun inside a section whose heading is off the page):
        the heading that follows, where its next number follows it ((六)), is their sibling, not their child."""
        rank = self.data.rank
        first = roots[0]
        return first.start == self._cands[0].pos and first.value == 1 and not first.lost_opening \
            and all(root.style == first.style for root in roots) \
            and rank.get(first.style, len(rank)) > rank.get(style, len(rank))

    def _heads_past_page(self, index: int, roots: list[_Open]) -> bool:
        """Whether a heading at a line start, of a style the conventional order ranks above every list placed so far (each an
        outline style), is a section of the outline the page began inside, its earlier sections off the page (2.… 3.… (七)卫生
        部门职责 (八)… then 六、工作步骤, dev c1095; 6、 7、 (四)…(六)其他 then 五、奖惩措施, c1229; ㈢具体目标 then 三、进一步突出
        工作重点 1、…, c1092): the page opened inside its last section. Only a title standing alone on its line (no sentence),
        so a number run into text or a table's cell opens nothing, and only where a list below it, if one follows, starts at
        its first item (第四章 then 第八条 numbers on across chapters: read as the page's own items)."""
        cand = self._cands[index]
        rank = self.data.rank
        own = rank.get(cand.heading.style, len(rank))
        if cand.kind != "start" or own == len(rank) or not roots \
                or any(root.style not in rank or rank[root.style] <= own for root in roots):
            return False
        below = next((c for c in self._cands[index + 1:] if c.kind == "start"), None)
        if below is not None and rank.get(below.heading.style, len(rank)) > own and below.heading.value != 1:
            return False
        body = cand.pos + cand.heading.number_end
        line_end = self.text.find("\n", body)
        title = self.text[body:line_end if line_end >= 0 else len(self.text)].strip()
        return 0 < len(title) <= self.data.max_title_chars and not _SENTENCE_END.search(title) and "|" not in title

    def _running_items_open_page(self, roots: list[_Open], index: int, style: str) -> bool:
        """Whether the page opens inside a list that numbers on across sections (123.… 124.… then (七)…, 125.…: a 责任分解方案's
        tasks numbered through its groups, fresh c1077, c1087) and the heading at ``index``, of a style the conventional order
        ranks above it, is such a section: the items opening the page are all of one list opened off the page, and the first
        of its style after this heading numbers on from the last of them, or the heading's own first item follows it (7. 8. 9.
        then 四、其他相关工作 (一)…, fresh c1085: a page opening inside a section's list)."""
        rank = self.data.rank
        if not roots or not roots[0].lost_opening or any(root.style != roots[0].style for root in roots) \
                or rank.get(roots[0].style, len(rank)) <= rank.get(style, len(rank)):
            return False
        later = next((c for c in self._cands[index + 1:] if c.heading.style == roots[0].style), None)
        if later is not None and later.kind == "start" and later.heading.value == roots[-1].value + 1:
            return True
        child = next((c for c in self._cands[index + 1:] if c.kind != "prose"), None)  # 7. 8. 9. then 四、其他相关工作 (一)…: its first item
        return child is not None and child.kind == "start" and child.heading.value == 1 \
            and rank.get(style, len(rank)) < rank.get(child.heading.style, len(rank))  # its own 1. too (活动二、 then 1、, fresh c1317)

    def _outranked(self, style: str, stack: list[_Open], lost: bool = False) -> int:
        """Where on the stack the lists opened inside the outline that ``style`` conventionally
        ranks above begin (三、 after (九)-(十三) on page 2 is their parent's sibling, not their
        child; with ``lost``, a heading whose own opening is off the page, any list it ranks above: the items opening
        the page, c925); the stack's length when there are none."""
        rank = self.data.rank
        return next((k for k, node in enumerate(stack) if (lost or node.lost_opening)
                     and rank.get(node.style, len(rank)) > rank.get(style, len(rank))), len(stack))

    @staticmethod
    def _past_off_page_parent(style: str, value: int, stack: list[_Open]) -> int:
        """Where on the stack a decimal list stands that opened the page under a parent off it (2.6 on a page begun inside 2.),
        when a number of that parent's style past it follows (3 预警和预防机制 after 2.6, fresh c1303's 预案 page): the number is
        the off-page parent's sibling, not the decimal's child; the stack's length where none does."""
        return next((k for k, node in enumerate(stack) if node.off_page is not None and node.off_page[0] == style
                     and value > node.off_page[1]), len(stack))

    def _confirmed(self, index: int, by_boundary: bool = False) -> bool:
        """Whether the next candidate of the same style after ``index`` numbers on from it (with
        ``by_boundary``, the next one that stands at a line start or after a boundary, not in prose),
        or its first decimal child follows it (1. then 1.1)."""
        return self._child_follows(index) or self._glued_child_follows(index) or self._numbers_on(index, by_boundary)

    def _after_hidden_text(self, index: int, stack: list[_Open], roots: list[_Open]) -> bool:
        """Whether a sharing site's mark that it hid part of the text (此处隐藏3140字) stands between the last heading placed
        and this one: the numbers between were hidden with the text, so the list goes on past them."""
        last = stack[-1].start if stack else roots[-1].start if roots else 0
        return any(last <= at <= self._cands[index].pos for at in self._hidden)

    def _skipped_last(self, cand: _Cand, index: int, depth: int | None, stack: list[_Open], expected: int) -> bool:
        """Whether a number one past the expected one is its list's last item, the one before it lost (1. 2. 4.): no
        later number confirms the gap, so it must open its line as its open sibling does, written in the same form
        (4. after 2., not 4 个 nor 4、5月份: a figure follows no heading number) with no other number of its list after it."""
        if depth is None or cand.kind != "start" or cand.heading.value != expected + 1:
            return False
        sibling = stack[depth]
        body = cand.pos + cand.heading.number_end
        return sibling.indent in (None, cand.indent) and not self.text[body:body + 1].isdigit() \
            and _number_form(self.text[cand.pos:body]) == _number_form(self.text[sibling.start:sibling.number_end]) \
            and self._ends_its_list(index, stack[:depth])

    def _picked_item(self, index: int, depth: int | None, stack: list[_Open], expected: int) -> bool:
        """Whether a number past the expected one goes on with items picked from a longer split (a bureau's share of a
        city's task split keeps the split's numbers: 28. then 34., fresh c1200): its open sibling and it each have a
        role block (牵头单位:… on a line of its own) before the next heading."""
        cand = self._cands[index]
        if depth is None or cand.heading.strict or cand.heading.value <= expected:
            return False
        end = self._cands[index + 1].pos if index + 1 < len(self._cands) else len(self.text)
        return holds_label_line(self.text, stack[depth].start, cand.pos) and holds_label_line(self.text, cand.pos, end)

    def _lead_ins_open_page(self, index: int, roots: list[_Open]) -> bool:
        """Whether lead-ins with no section open stand as the page's own items (——綜合經濟實力提升最快的時期。… ——經濟社會結構…,
        dev c297, a page opening inside a 政府工作报告's review): the first of a run of two or more at line starts, before any
        other heading was placed, or the next of that run."""
        style = self._cands[index].heading.style
        if roots:
            return all(root.style == style for root in roots)
        later = self._cands[index + 1] if index + 1 < len(self._cands) else None
        return later is not None and later.kind == "start" and later.heading.style == style

    def _ends_its_list(self, index: int, outer: list[_Open]) -> bool:
        """Whether no later number of this heading's style stands before a line-start heading of a list it stands in
        (its parent's next sibling) or the text's end."""
        style = self._cands[index].heading.style
        outer_styles = {open_.style for open_ in outer}
        for later in self._cands[index + 1:]:
            if later.heading.style == style:
                return False
            if later.kind == "start" and later.heading.style in outer_styles:
                return True
        return True

    def _numbers_on(self, index: int, by_boundary: bool = False) -> bool:
        """Whether the next candidate of the same style after ``index`` is its next number."""
        cand = self._cands[index]
        for later in self._cands[index + 1:]:
            if by_boundary and later.kind == "prose":
                continue
            if later.heading.style == cand.heading.style and later.heading.value != 0:
                return later.heading.value == cand.heading.value + 1
        return False

    def _restart_under(self, index: int, stack: list[_Open]) -> int | None:
        """Where on the stack the list that starts again right after this heading is open ((五)…
        五、保障措施 (一)…): the heading of a higher level that an excerpt begun inside the outline
        (its 一、-四、 not on the page) reaches, whatever its number; None when no list restarts."""
        later = self._cands[index + 1] if index + 1 < len(self._cands) else None
        if later is None or later.kind != "start" or later.heading.value != 1:
            return None
        return next((k for k, open_ in enumerate(stack) if open_.style == later.heading.style and open_.value > 1), None)

    def _runs_on(self, parent: _Open, cand: _Cand) -> bool:
        """Whether a first item runs on after its heading's phrase and the colon closing it (3.农村危房改造:(1)…)."""
        return self.data.midline.run_on.fullmatch(self.text, parent.number_end, cand.pos) is not None

    def _leads_in(self, parent: _Open, cand: _Cand, index: int) -> bool:
        """Whether a first item opens its heading's list after the heading's lead-in sentences
        (一、考核内容对…总分为100分。(一)…(二)…): its next number follows, and no inline item (一是…)
        stands between the heading and it, to which the list would belong."""
        if not self._numbers_on(index):
            return False
        line_end = self.text.find("\n", cand.pos)
        paragraph = self.text[parent.number_end:line_end if line_end >= 0 else len(self.text)]
        return not any(item.start < cand.pos - parent.number_end for item in find_inline_items(paragraph))

    def _lost_run(self, cand: _Cand, index: int, lost: bool, stack: list[_Open], roots: list[_Open]) -> bool:
        """Whether a number inside a line opens a list whose first items are off the page, under the heading above it
        (三、打造…新高地 (九)深入推进…。(十)增强…, a page begun inside the outline and run onto one line) or as the page's
        first heading (…各乡镇)(三)实施…行动…(四)…, fresh c1223: a run-together page whose 一、 and (一)(二) are lost; not
        where an earlier number of its list stands on the page, read inline: (1)…。 (2)…, c1058): its next number follows
        at a line start or a boundary, not in prose, so a cross-reference (见(三)和(四)) opens nothing."""
        heading = cand.heading
        first_on_page = not roots and all(c.heading.style != heading.style for c in self._cands[:index])
        return lost and (bool(stack) or first_on_page) and not heading.strict and not heading.needs_child \
            and self._numbers_on(index, True)

    def _run_goes_on(self, index: int) -> bool:
        """Whether the next number of this style is the next value and opens a line of its own (3农村危房改造… then
        4农村道路建设…), as a page opening inside a list goes on; a number inside a line (3上一篇 下一篇4 2016年…, a
        newspaper page's navigation) confirms nothing."""
        cand = self._cands[index]
        later = next((c for c in self._cands[index + 1:] if c.heading.style == cand.heading.style and c.heading.value), None)
        return later is not None and later.kind == "start" and later.heading.value == cand.heading.value + 1

    def _opens_confirmed(self, cand: _Cand, index: int) -> bool:
        """Whether a strict reading opens a new list all the same: its first item, of a style that may
        (1．2021年6月底前… under 具体措施：), with its next number following it."""
        return cand.heading.opens_confirmed and cand.heading.value == 1 and self._numbers_on(index)

    def _parent_numbers_on(self, index: int) -> bool:
        """Whether a decimal heading (2.6) is the last of its parent's list, the parent off the page: the next number of the
        parent's style is the parent's next (3 预警和预防机制 after 2.6 地方各级…职责, fresh c1303's 预案 page)."""
        heading = self._cands[index].heading
        if heading.under is None or heading.parent is None:
            return False
        later = next((c for c in self._cands[index + 1:] if c.heading.style in (heading.style, heading.under)), None)
        return later is not None and later.heading.style == heading.under and later.heading.value == heading.parent + 1

    def _announced(self, cand: _Cand) -> bool:
        """Whether a first item follows a lead-in that announces its list (以下五个方面： 1、…)."""
        return cand.heading.value == 1 and self.data.midline.announcing.search(
            self.text, max(0, cand.pos - self.data.max_title_chars), cand.pos) is not None

    def _outline_opens(self, index: int) -> bool:
        """Whether a first item opens an outline: the next number is the first of a list of another
        style that numbers on (…细则。一、考核内容…100分。(一)双季稻生产…(二)…: an excerpt cut before 二、)."""
        later = self._cands[index + 1] if index + 1 < len(self._cands) else None
        return self._cands[index].heading.value == 1 and later is not None and later.heading.value == 1 \
            and later.heading.style != self._cands[index].heading.style and self._confirmed(index + 1)

    def _lists_inline(self, cand: _Cand) -> bool:
        """Whether a first item inside a line lists its own points inline (…特制定本方案。 一、总体要求 按照…。一是…二是…:
        an excerpt cut before 二、): the run of 一是, 二是 in the rest of its line shows the number opens an outline."""
        if cand.heading.value != 1:
            return False
        line_end = self.text.find("\n", cand.pos)
        return bool(find_inline_items(self.text[cand.pos + cand.heading.number_end:line_end if line_end >= 0 else None]))

    def _glued_child_follows(self, index: int) -> bool:
        """Whether a first item is glued to this heading's phrase (一、总体要求 (一)指导思想…)."""
        later = self._cands[index + 1] if index + 1 < len(self._cands) else None
        return later is not None and later.kind == "glued" and later.heading.value == 1

    def _child_follows(self, index: int) -> bool:
        """Whether the candidate right after ``index`` is its first decimal child (1总则, then 1.1)."""
        cand = self._cands[index]
        later = self._cands[index + 1] if index + 1 < len(self._cands) else None
        return later is not None and later.heading.under == cand.heading.style and later.heading.value == 1 \
            and later.heading.parent == cand.heading.value

    @staticmethod
    def _close(node: _Open | None, end: int) -> None:
        if node is not None and node.own_end < 0:
            node.own_end = end

    # --- tables --------------------------------------------------------------------------------

    def _place_table(self, table: Table, parent: _Open | None, roots: list[_Open]) -> list[_Open]:
        """The rows of a task table as nodes under ``parent``, nested by their numbers as headings
        are (一、 rows over 1 rows); section rows and merged group cells that start with a heading
        number (一、组织领导) are groups; rows under one merged 序号 are one task; a row that
        repeats its sibling's number (a typo) is numbered by its place. Returns the table's nodes
        still open at its end (its last section and row)."""
        base = [parent] if parent else []
        stack: list[_Open] = list(base)
        keys: list[str] = []  # the level key of each table node on the stack, after ``base``
        group_col = self._group_column(table)
        last_group = ""
        previous: _Open | None = None
        for row in table.rows:
            if row.continued:
                if previous is not None:
                    self._continue_row(previous, row, table)
                continue
            if row.section:
                node = self._section_node(row)
                if node is not None:  # an unnumbered category (产业发展类) is no task of its own
                    self._push(node, node.style, stack, keys, len(base), roots)
                previous = None
                continue
            if group_col is not None:
                cell = next((c for c in row.cells if c.column == group_col), None)
                text = self._cell_text(cell)
                heading = heading_at(text, 0) if cell is not None and text != last_group else None
                if cell is not None and heading is not None and heading.value > 0:
                    group = self._row_node(row, table, only=(group_col,))
                    self._push(group, group.style, stack, keys, len(base), roots)
                last_group = text or last_group
            node = self._row_node(row, table, skip=(group_col,) if group_col is not None else ())
            key = node.style if node.numeral_written else "row"
            if table.quota and not node.numeral_written:
                del stack[len(base):], keys[:]  # a total (总计) sums the places' rows above it: it is no part of the last
            depth = next((k for k, open_key in enumerate(keys) if open_key == key), None)
            if depth is not None and node.numeral_written and node.value <= stack[len(base) + depth].value \
                    and node.value != 1:
                sibling = stack[len(base) + depth]
                node.value, node.numeral_written = sibling.value + 1, False
                node.segment = str(node.value)
            self._push(node, key, stack, keys, len(base), roots)
            previous = node
        return stack[len(base):]

    def _push(self, node: _Open, key: str, stack: list[_Open], keys: list[str], floor: int, roots: list[_Open]) -> None:
        """Open a table node: a level key already open closes it and everything below."""
        depth = next((k for k, open_key in enumerate(keys) if open_key == key), None)
        if depth is not None:
            del stack[floor + depth:]
            del keys[depth:]
        node.level = stack[-1].level + 1 if stack else 1
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
        keys.append(key)

    def _group_column(self, table: Table) -> int | None:
        """A column whose merged cells group the rows below them: left of the table's last task
        column, its cells start with a heading number (一、组织领导) and cover several rows."""
        content = [k for k, c in enumerate(table.columns) if c.kind in ("task", "measure", "schedule")]
        number = table.column_of("number")
        for k, column in enumerate(table.columns):
            if not content or k >= content[-1] or k == number or column.kind not in ("task", "measure", "note", "other"):
                continue
            rows = [r for r in table.rows if not r.section]
            headed = [r for r in rows if (c := r.get(k)) is not None and (h := heading_at(self._cell_text(c), 0)) and h.value > 0]
            covers = any(r.get(k) is not None and r.get(k) not in r.cells for r in rows) or any(
                self._cell_text(a.get(k)) == self._cell_text(b.get(k)) for a, b in zip(headed, headed[1:])
            )
            if headed and covers:
                return k
        return None

    def _continue_row(self, node: _Open, row: TableRow, table: Table) -> None:
        """A row under the same merged 序号 as ``node``: its cells join the node's task (its numbered
        rules are not the task's items: they would repeat the first row's numbers)."""
        info = node.row
        assert info is not None
        copies = {(c.column, self._cell_text(c)) for c in info.cells}
        for cell in row.cells:
            if (cell.column, self._cell_text(cell)) not in copies:
                info.cells.append(cell)
                info.quiet.append(cell)
        node.own_end = max(node.own_end, row.end)

    def _cell_text(self, cell: TableCell | None) -> str:
        return self.text[cell.start:cell.end] if cell is not None else ""

    def _section_node(self, row: TableRow) -> _Open | None:
        """A numbered section row (一、稳增长, 行动一：…) as a group node; None for an unnumbered one."""
        heading = heading_at(self.text, row.start)
        if heading is None or heading.value <= 0:
            return None
        segment = heading.segment.replace("{n}", str(heading.value))
        node = _Open(heading.style, heading.value, segment, row.start, row.start + heading.number_end, 0,
                     numeral_written=not heading.damaged)
        node.own_end = row.end
        return node

    def _row_node(
        self, row: TableRow, table: Table, skip: tuple[int | None, ...] = (), only: tuple[int | None, ...] | None = None,
    ) -> _Open:
        """A table row as a node: numbered by its 序号 cell, else by the number its first content
        cell starts with, else by its place. ``only`` keeps just those columns (a group made of a
        merged cell), ``skip`` leaves those out (the group's cell, in its rows)."""
        cells = [c for c in row.cells if c.column not in skip and (only is None or c.column in only)] or row.cells
        number_col = table.column_of("number")
        number_cell = next((c for c in cells if c.column == number_col), None) if number_col is not None else None
        # the row's own content cell, before a column of one year's part of it (内容 before 2024年工作任务)
        content = next(
            (c for by_year in (False, True) for kind in ("task", "measure", "schedule") for c in cells
             if table.kind(c) == kind and table.by_year(c) == by_year), None
        ) or (cells[0] if only is not None else None)
        numbered = row.number or (row_number(self._cell_text(number_cell)) if number_cell is not None else None)
        number_span: tuple[int, int] | None = None
        lead = heading_at(self.text, content.start) if content is not None else None
        if numbered is not None and number_cell is not None:
            style, value, segment = numbered
            number_span = (number_cell.start, number_cell.end)
        elif content is not None and lead is not None and lead.value > 0:
            style, value = lead.style, lead.value
            segment = lead.segment.replace("{n}", str(value))
            number_span = (content.start, content.start + lead.number_end)
        else:
            style, value, segment = "unnumbered", 0, "—{n}"
        start = min(c.start for c in cells)
        node = _Open(style, value, segment, start, number_span[1] if number_span else start, 0,
                     numeral_written=number_span is not None)
        node.own_end = max(c.end for c in cells)
        carried = [] if only is not None else [c for c in row.carried if c.column not in skip]
        node.row = _RowInfo(table, cells, carried, content, number_span)
        return node

    # --- nodes ---------------------------------------------------------------------------------

    def _finish(self, node: _Open, parent_id: str | None, used: set[str]) -> list[TaskNode]:
        """The TaskNode for ``node`` (plus siblings its number continues inline, as in "(1)…。(2)…")."""
        if node.segment.endswith("{n}") or "{n}" in node.segment:
            node.segment = node.segment.replace("{n}", str(1 + sum(1 for u in used if u.startswith(_prefix(parent_id) + "—"))))
        if node.row is not None:
            return [self._finish_row(node, parent_id, used)]
        start = node.start
        own = self.text[start:node.own_end].rstrip()
        body = node.number_end - start
        continued = inline_run(own[body:], node.style, node.value + 1) if node.style != "attachment" else []
        pieces = [(0, body, node.segment)] + [(body + c.start, c.marker_end - c.start, c.segment) for c in continued]
        result = []
        for k, (offset, number_len, segment) in enumerate(pieces):
            end = pieces[k + 1][0] if k + 1 < len(pieces) else len(own)
            node_id = self._unique(self._sibling_id(parent_id, segment, node.style, used), used)
            text = own[offset:end].rstrip()
            children = self._inline_children(text, start + offset, number_len, node.level, node_id)
            if k == len(pieces) - 1:
                child_ids = {child.id for child in children}
                for child in node.children:
                    children.extend(self._finish(child, node_id, child_ids))
            written = node.numeral_written or k > 0
            result.append(self._make(start + offset, text, number_len, node.style, node.level, node_id, children, written))
        return result

    def _finish_row(self, node: _Open, parent_id: str | None, used: set[str]) -> TaskNode:
        """The TaskNode of a table row: its cells, inline items of its content cells as children
        (a 进度安排 cell's ①②③), its progress cells kept as written."""
        info = node.row
        assert info is not None
        table = info.table
        node_id = self._unique(f"{parent_id}.{node.segment}" if parent_id else node.segment, used)
        text = self.text[node.start:node.own_end].rstrip()
        children: list[TaskNode] = []
        child_ids: set[str] = set()
        for cell in info.cells:
            kind = table.kind(cell)
            if kind not in _CONTENT_KINDS or cell in info.quiet:
                continue
            body = 0
            if info.number_span and info.number_span[0] == cell.start:
                body = info.number_span[1] - cell.start
            items = self._inline_children(
                self.text[cell.start:cell.end], cell.start, body, node.level, node_id, used=child_ids, in_cell=True
            )
            for item in items:
                for sub in item.walk():
                    assert sub._found is not None
                    sub._found.cells = (Cell(sub._found.norm_start, sub._found.norm_start + len(sub.text), kind),)  # type: ignore[arg-type]
            children.extend(items)
        for child in node.children:
            children.extend(self._finish(child, node_id, child_ids))
        number_len = node.number_end - node.start if info.number_span and info.number_span[0] == node.start else 0
        title = None
        if info.title_cell is not None:
            skip = info.number_span[1] - info.title_cell.start if info.number_span and info.number_span[0] == info.title_cell.start else 0
            title = self._title(self.text[info.title_cell.start + skip:info.title_cell.end])
        made = self._make(node.start, text, number_len, node.style, node.level, node_id, children, node.numeral_written,
                          number_span=info.number_span, title=title)
        found = made._found
        assert found is not None
        found.cells = tuple(Cell(c.start, c.end, table.kind(c), table.header_unit(c), table.sets_targets(c), table.header_year(c))  # type: ignore[arg-type]
                            for c in info.cells)
        found.carried = tuple(Cell(c.start, c.end, table.kind(c)) for c in info.carried)  # type: ignore[arg-type]
        loud = [c for c in info.cells if table.kind(c) not in _QUIET_KINDS]
        trailing = node.start + len(text) > max(c.end for c in info.cells)  # paragraphs after the table
        found.norm_end = node.start + len(text) if trailing else max((c.end for c in loud), default=node.own_end)
        made.progress = [
            CellText(column=table.columns[c.column].header, **self._evidence(c.start, c.end))
            for c in info.cells if table.kind(c) == "progress" and self.text[c.start:c.end].strip()  # an empty cell reports nothing
        ]
        return made

    def _evidence(self, start: int, end: int) -> dict[str, object]:
        span = self.locator.span(start, end)
        return {"text": self.locator.verbatim(span), "span": span}

    def _make(
        self, start: int, text: str, number_len: int, style: str, level: int, node_id: str, children: list[TaskNode],
        numeral_written: bool = True, number_span: tuple[int, int] | None = None, title: object = "",
    ) -> TaskNode:
        """A TaskNode for normalised ``text`` at ``start`` whose number takes ``number_len`` chars
        (an item whose numeral the source lost has no number; its id says its place)."""
        span = self.locator.span(start, start + len(text))
        number = ""
        if numeral_written:
            first, last = self.locator.mapped.to_original(*(number_span or (start, start + number_len)))
            number = _visible(self.locator.original[first:last])  # the number as written (no Span model needed)
        node = TaskNode(
            id=node_id,
            number=number or None,
            style=_style(style),
            level=level,
            title=self._title(text[number_len:]) if title == "" else title,  # type: ignore[arg-type]
            text=text,
            line=self.locator.line_of(span.start),
            span=span,
            children=children,
        )
        node._found = Found(start, start + len(text))
        return node

    def _inline_children(
        self, own: str, start: int, body_offset: int, level: int, node_id: str | None,
        inside: str | None = None, depth: int = 0, used: set[str] | None = None, in_cell: bool = False,
    ) -> list[TaskNode]:
        """Inline items (一是…二是…) written inside a node's own text become its first children.

        ``own`` starts at normalised offset ``start``; markers are searched after ``body_offset``
        (past the node's own number). Items nest when another run starts inside one: of another
        style, or of the same style introduced by a colon (三是…打造了三项品牌:一是…二是…), at most
        ``max_inline_depth`` inline levels deep.
        """
        if body_offset >= len(own) or depth >= self.data.max_inline_depth:
            return []
        items = find_inline_items(own[body_offset:], inside, in_cell)
        used = set() if used is None else used
        result = []
        for k, item in enumerate(items):
            local_start = body_offset + item.start
            local_end = body_offset + items[k + 1].start if k + 1 < len(items) else len(own)
            text = own[local_start:local_end].rstrip()
            marker_len = item.marker_end - item.start
            item_id = self._unique(f"{node_id}.{item.segment}" if node_id else item.segment, used)
            children = self._inline_children(
                text, start + local_start, marker_len, level + 1, item_id, item.style, depth + 1, in_cell=in_cell
            )
            result.append(self._make(
                start + local_start, text, marker_len, item.style, level + 1, item_id, children, item.numeral_written
            ))
        return result

    def _title(self, body: str) -> str | None:
        """The heading phrase: up to the first sentence end on the heading's line, within reason."""
        rest = body.lstrip()  # the first non-blank line, without splitting the whole body into lines
        first_line = rest[:rest.find("\n")].rstrip() if "\n" in rest else rest.rstrip()
        match = _SENTENCE_END.search(first_line)
        title = first_line[: match.start()] if match else first_line
        colon = _COLON.search(title)
        if colon and 0 < colon.start() <= _LABEL_CHARS:
            title = title[: colon.start()]
        if len(title) > self.data.max_title_chars:
            clause = _CLAUSE_END.search(title)
            title = title[: clause.start()] if clause and clause.start() > 0 else title[: self.data.max_title_chars]
        title = title.strip(" :：,，\t|")
        return title or None

    @staticmethod
    def _sibling_id(parent_id: str | None, segment: str, style: str, used: set[str]) -> str:
        """The id of a heading under ``parent_id``. A list that starts again under the same parent (after
        an unnumbered label: 选项作业: (一)…, 第二季度: 1.…) is numbered on by its place, as the gold
        numbers a number the source repeats (三.(四) after 三.(三): c321)."""
        prefix = _prefix(parent_id)
        if prefix + segment not in used:
            return prefix + segment
        place = 1 + sum(1 for u in used if u.startswith(prefix) and is_segment_of(style, u[len(prefix):]))
        by_place = segment_at_place(style, place)
        return prefix + (by_place or segment)

    @staticmethod
    def _unique(node_id: str, used: set[str]) -> str:
        """``node_id``, or ``node_id~2``… when a sibling already has it (a list that restarts)."""
        candidate, n = node_id, 2
        while candidate in used:
            candidate, n = f"{node_id}~{n}", n + 1
        used.add(candidate)
        return candidate


def _repeated_headings(lines: list[Line]) -> set[int]:
    """Heading lines that repeat the heading line just before them, number and title, with only blank lines between (一、部门职责登记表
    twice, a section's heading and its table's caption on a portal's page, fresh c1480): one heading printed twice, read once."""
    found: set[int] = set()
    before: str | None = None  # the last non-blank line's text without blanks, if it is a heading
    for k, line in enumerate(lines):
        if line.blank:
            continue
        compact = "".join(line.text.split())
        heading = match_heading(line.text) is not None
        if heading and compact == before:
            found.add(k)
        before = compact if heading else None
    return found


@lru_cache(maxsize=1)
def _boundary_patterns() -> tuple[re.Pattern[str], re.Pattern[str], Scanner, Scanner, Scanner]:
    """Where a number may stand inside a line, right before a character a number of the midline
    styles can start with: after a sentence end or a colon (blanks may follow), or after a run of
    blanks or a page break; and, for a heading glued to a paragraph's end, after a clause mark
    (scanned only near the 、 or . that ends such a number: its lookbehind would otherwise be tried
    at every character)."""
    data = numbering()
    mid = data.midline
    first = "".join(sorted(mid.first_chars)) if mid.first_chars is not None else ""
    ahead = f"(?=[{re.escape(first)}])" if first else ""
    blank = re.escape(_BLANK)
    return (
        # a run of blanks is read from its first blank, whole (*+): tried again from each of its
        # blanks, a run the next character does not continue would cost its length squared (the
        # same matches: a line's text never opens with a blank, and no number starts with one)
        re.compile(f"[{re.escape(mid.after_sentence)}{blank}](?<![{blank}][{blank}])[{blank}]*+{ahead}"),
        re.compile(f"[{re.escape(mid.after_clause)}][{blank}]?{ahead}"),
        scanner(mid.prose_number),
        scanner(mid.after_note),  # a note opens with a bracket: a line without one is skipped after one C search
        scanner(mid.after_title),
    )


def _open_bracket(text: str, start: int, pos: int) -> bool:
    """Whether a bracket opened in ``text[start:pos]`` is still open at ``pos``."""
    part = text[start:pos]
    return part.count("(") + part.count("（") > part.count(")") + part.count("）")


@lru_cache(maxsize=4)
def _point_opening(marker: str, numerals: tuple[str, ...]) -> re.Pattern[str]:
    """A line opening with an inline point of this marker (一是, 十二是), its numeral in group n."""
    words = "|".join(sorted(map(re.escape, numerals), key=len, reverse=True))
    return re.compile(re.escape(marker).replace(re.escape("{n}"), f"(?P<n>{words})"))


@lru_cache(maxsize=1)
def _glued_pattern() -> re.Pattern[str]:
    """A character a number of the glued-item styles can start with (where a glued item may begin)."""
    first = numbering().midline.glued_first_chars
    return re.compile(f"[{re.escape(''.join(sorted(first)))}]" if first else ".")


def _rows_go_on(opened: list[_Open], stack: list[_Open], last_value: dict[str, int]) -> None:
    """After a task table whose numbered rows the copy cut off (its block ended at blank lines, the rows running on
    as text: c380's 5“标准地”改革… after rows 1-4), the numbers that go on continue its lists: its open sections stay
    open and the rows' list is the text's list of the same numbers (a 序号 4 is the 4. a text item continues from),
    so the next number stands under the section it continues in; a table that ends with a row without a number
    leaves the outline as it was."""
    if all(node.numeral_written and node.style != "unnumbered" for node in opened):
        stack.extend(node for node in opened if node.style not in _ROW_LISTS)
        last_value.update((_ROW_LISTS.get(node.style, node.style), node.value) for node in opened)


def _lifted(nodes: list[_Open]) -> list[_Open]:
    """The items of a document printed without its 附件 label, one level up: where the notice numbers no items of
    its own and prints only this document, nothing collides with its numbering, so its items are the top level
    (docs/gold-format.md: seed 002, c02, c45, c61, c134)."""
    for node in nodes:
        node.level -= 1
        _lifted(node.children)
    return nodes


def _title_at(lines: list[Line], k: int, titles: dict[str, str]) -> str | None:
    """The title (compacted) that line ``k`` holds whole or begins and the next lines finish (a title
    wrapped over up to three lines, one blank line between them where a copy doubled every line break:
    c22 as perturb's double_blank_lines), or None."""
    text = ""
    doubled = k + 1 < len(lines) and lines[k + 1].blank
    for line in lines[k:k + 5:2] if doubled else lines[k:k + 3]:
        if line.blank:
            return None
        text += _compact(line.text)
        if text in titles:
            return text
        if not any(title.startswith(text) for title in titles):
            return None
    return None


def _compact(title: str) -> str:
    """A title compared without blanks, book-title marks, quotes and a closing full stop."""
    return _TITLE_MARKS.sub("", title)


def _number_form(written: str) -> str:
    """A heading number as written without its numeral ((四) → (), 4. → .): the form siblings share, a numeral OCR misread
    (—、 for 一、) read as its numeral first."""
    return _numeral_chars().sub("", written.translate(numbering().misread_numerals))


@lru_cache(maxsize=1)
def _numeral_chars() -> re.Pattern[str]:
    """Every character a numeral of numbering.yaml is written with (一…十, 0-9, ①…, 壹…)."""
    chars = {ch for numerals in numbering().numerals.values() for numeral in numerals for ch in numeral}
    return re.compile(f"[{re.escape(''.join(sorted(chars)))}]")


def _prefix(parent_id: str | None) -> str:
    return f"{parent_id}." if parent_id else ""


def _phrase_char(ch: str) -> bool:
    """A character a heading phrase may end with before a glued number (Han, closing quote/bracket)."""
    return "\u4e00" <= ch <= "\u9fff" or ch in "”’》)」"


def _visible(number: str) -> str:
    """A number as written, without blanks and invisible characters (private-use, format)."""
    if number.isprintable():  # neither kind of invisible character is printable: the common case
        return number.strip()
    return "".join(ch for ch in number if unicodedata.category(ch) not in ("Co", "Cf")).strip()


def _style(key: str) -> NumberStyle:
    return key  # type: ignore[return-value]


def _is_hidden_mark(text: str, mark: re.Pattern[str]) -> bool:
    """Whether a line is a sharing site's mark that it hid text, alone (---此处隐藏3140字,下载后查看---): no word before it."""
    found = mark.search(text)
    return found is not None and not any(ch.isalnum() for ch in text[:found.start()])
