"""Page layout undone before parsing: text taken from PDFs or print views breaks paragraphs at the
page width, breaks pages with a page number (- 3 -) and repeats a running head on every page.

The normalised text is rewritten through its offset map (govplan.normalize.mapped), so every span
still points at the original: a page break (form feed) becomes a line break, page-number lines
and repeated running heads are removed, and a line break inside a sentence is removed where the
document shows it wraps its paragraphs (enough lines end mid-sentence and go on in the next line).
A copy that ran its paragraphs on or together gets its lost line breaks back: blanks become breaks again,
and line starts every notice has (an article's number, the date of issue, a transmitted document's title)
start a line again where they were glued to the text before them.
A document-sharing site's preview loses the site's page markers (1、 2、 3、 opening each page), and a page goes on
with the sentence the page break cut.
What counts is language data in govplan/data/layout.yaml.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from govplan.datafiles import load_data
from govplan.grammar import compile_pattern, piece
from govplan.lexical.lexicon import alternation, word_map
from govplan.normalize.mapped import MappedText
from govplan.scanning import scanner
from govplan.structure.numbering import HeadingNumber, heading_at, match_heading, numbering, numeral_value
from govplan.structure.tables import MAX_CELL_LINES as _MAX_CELL_LINES, names_blank_columns, row_number

_FILE = "govplan/data/layout.yaml"
_TITLE_MARKS = re.compile(r"《([^《》]+)》")


@dataclass(frozen=True)
class _Layout:
    page_line: re.Pattern[str]  # a line that may be a page number (a quick test over the text)
    open_break: re.Pattern[str]  # a line break after a character that ends no sentence
    page_number: re.Pattern[str]
    bare_page_number: re.Pattern[str]
    open_ends: str  # a line that ends with one of these does not end its paragraph
    closed_ends: str  # a line that ends with one of these ends its sentence
    open_brackets: str  # a line that leaves one of these open goes on in the next
    close_brackets: str
    sentence_ends: str  # a line of prose holds one of these (a title or a contents entry does not)
    label: re.Pattern[str]  # a label line (牵头单位：…) starts a new line of its own
    line_break_blanks: tuple[re.Pattern[str], ...]  # blanks inside a line where a run-on copy lost a line break
    wide_blank: re.Pattern[str]  # a blank run that is a lost line break in a run-on copy wherever it stands
    run_on_kept_row: re.Pattern[str]  # a row whose blanks stay (table rows)
    wide_blank_run: re.Pattern[str]  # the blanks between the cells of a row aligned with blanks
    min_aligned_cells: int
    run_on_attachment_row: re.Pattern[str]  # a row whose single blanks stay (a run holding 附件:)
    min_line_breaks: int  # breaks a document must show to be taken as run on
    glued_line_starts: tuple[re.Pattern[str], ...]  # line starts a run-together copy glued on (第一章 after a title)
    issue_date: re.Pattern[str]  # a date of issue run together with its signature and what follows
    attachment_label: re.Pattern[str]  # an attachment's label a run-together page glued to its title
    glued_heading_before: re.Pattern[str]  # what stands before a heading number a run-together page glued on
    min_glued_headings: int  # such headings a page shows when it ran its lines together
    issue_date_continuations: tuple[str, ...]  # words after a date that go on with its sentence
    date_line: re.Pattern[str]
    min_wraps: int
    min_wrap_share: float
    max_head_chars: int
    min_head_repeats: int
    masthead: re.Pattern[str]  # a red header's masthead alone on its line (XX县人民政府文件)
    min_page_lines: int
    width_percentile: float
    full_width: float
    min_width: int
    max_title_chars: int
    number_headers: frozenset[str]  # header cells of a table's number column (序号)
    max_header_lines: int  # lines a cell-per-line header row and a section row take before row 1
    role_label: re.Pattern[str]  # a role label before its colon (units.yaml's label grammar: 配合单位:)
    glued_label_after: re.Pattern[str]  # a character a label glued to a unit list follows
    min_glued_labels: int  # such labels a document shows when it ran its lines together
    sharing_site_sentence: re.Pattern[str]  # a document-sharing site's sentence above the pages it previews
    page_marker: re.Pattern[str]  # the site's marker opening each preview page (1、 2、 3、)
    min_page_chars: int  # what a preview page holds at least, the last (cut by the excerpt) aside
    min_equal_pages: int  # full pages of one size that show a fixed-size viewer's preview without the site's sentence
    restated_label: re.Pattern[str]  # an attachment's label with its colon (附件：, 附件1：), its number `n`
    restated_list_item: re.Pattern[str]  # an attachment list's numbered entry (附件：1.X2.Y), its number `n`
    restated_label_after: str  # what a restating label stands after inside a line (a sentence end, the date's 日)
    restated_entry_end: re.Pattern[str]  # what follows a list's entry restated whole (its line's end, a label, the date)
    min_restated_title_chars: int  # what a restated title holds at least, blanks aside


@lru_cache(maxsize=1)
def _layout() -> _Layout:
    raw = load_data("layout.yaml")
    closed = re.escape(raw["closed_ends"])
    return _Layout(
        compile_pattern(f"(?m)^[ \\t]*(?:{raw['page_number']}|{raw['bare_page_number']})[ \\t]*$", _FILE),
        re.compile(f"\\n(?<=[^{closed}\\s]\\n)(?=[ \\t\u3000]*[^\\s])"),  # the break first: re skips to it in C
        compile_pattern(raw["page_number"], _FILE),
        compile_pattern(raw["bare_page_number"], _FILE),
        raw["open_ends"],
        raw["closed_ends"],
        raw["open_brackets"],
        raw["close_brackets"],
        raw["sentence_ends"],
        compile_pattern(raw["label_line"], _FILE),
        tuple(compile_pattern(f"(?m){p}", _FILE) for p in raw["line_break_blanks"]),
        compile_pattern(f"(?m){raw['line_break_wide_blank']}", _FILE),
        compile_pattern(raw["run_on_kept_row"], _FILE),
        re.compile("[ ]{2,}"),
        int(raw["min_aligned_cells"]),
        compile_pattern(raw["run_on_attachment_row"], _FILE),
        int(raw["min_line_breaks"]),
        tuple(compile_pattern(pattern, _FILE) for pattern in raw["glued_line_starts"]),
        compile_pattern(raw["issue_date_run_together"], _FILE),
        compile_pattern(raw["glued_attachment_label"], _FILE),
        _before_heading_number(compile_pattern(raw["glued_heading_before"], _FILE)),
        int(raw["min_glued_headings"]),
        tuple(raw["issue_date_continuations"]),
        compile_pattern("^{calendar_date}$", _FILE),
        int(raw["min_wraps"]),
        float(raw["min_wrap_share"]),
        int(raw["max_running_head_chars"]),
        int(raw["min_running_head_repeats"]),
        compile_pattern(f"(?m)^[{{space}}]*(?:{raw['masthead']})[{{space}}]*$", _FILE),
        int(raw["min_page_lines"]),
        float(raw["width_percentile"]),
        float(raw["full_width"]),
        int(raw["min_width"]),
        numbering().max_title_chars,
        frozenset(load_data("tables.yaml")["columns"]["number"]),
        int(raw["max_header_lines"]),
        _role_label(),
        compile_pattern(raw["glued_label_after"], _FILE),
        int(raw["min_glued_labels"]),
        compile_pattern(raw["sharing_site_sentence"], _FILE),
        compile_pattern(raw["page_marker"], _FILE),
        int(raw["min_page_chars"]),
        int(raw["min_equal_pages"]),
        compile_pattern(raw["restated_attachment_label"], _FILE),
        compile_pattern(raw["restated_list_item"], _FILE),
        raw["restated_label_after"],
        compile_pattern(raw["restated_entry_end"], _FILE),
        int(raw["min_restated_title_chars"]),
    )


def _role_label() -> re.Pattern[str]:
    """A role label and its colon, by the label grammar of units.yaml ([prefix] role word [infix] head; a level before it is
    taken by _label_level, as the trie would try every 市 and 县 of a text). The
    prefixed and bare role words are one trie (主要牵头, 牵头…), so the scan skips in C to a character a label
    starts with; an optional prefix first gave re no such character and tried the trie at every position
    (6x slower). A prefix before a role word is taken first as before: no role word extends a prefixed one."""
    units = load_data("units.yaml")
    roles = list(word_map(units["label_role_words"]))
    words = [*roles, *(prefix + role for prefix in units["label_prefixes"] for role in roles)]
    return re.compile(f"{alternation(words)}{alternation(units['label_infixes'])}?{alternation(units['label_heads'])}[ \t]*[:：]")


@lru_cache(maxsize=1)
def _label_work() -> re.Pattern[str]:
    """A word of the work and its joiner right before a role label (培训及|试点单位:, units.yaml label_work_joiners), matched on
    the text before the label reversed, so that the label is taken from the work's first character."""
    units = load_data("units.yaml")
    joiners = alternation(units["label_work_joiners"])
    han = piece("han")
    return re.compile(rf"(?:{joiners})[{han}]{{2,{int(units['label_work_chars'])}}}(?![{han}])")


class _Line(NamedTuple):
    start: int  # offset of the line's first character (its raw start)
    end: int  # offset of its line break (or the text's end)
    text: str  # stripped
    content_start: int  # offsets of the stripped text
    content_end: int


def undo_page_layout(mapped: MappedText) -> MappedText:
    """``mapped`` with page breaks, page numbers, running heads and wrapped lines undone."""
    if "\f" in mapped.text:
        mapped = mapped.replace_chars({"\f": "\n"})
    layout = _layout()
    mapped = _undo_preview_pages(mapped, layout)
    together = _ran_together(mapped.text, layout)  # judged on the page as it came, before blanks turn into breaks
    mapped = _break_glued_line_starts(mapped, layout)
    mapped = _restore_line_breaks(mapped, layout)
    if together:
        mapped = _break_issue_dates(mapped, layout)
        mapped = _break_printed_titles(mapped, layout)
        mapped = _break_restated_attachments(mapped, layout)
    mapped = _break_attachment_labels(mapped, layout, together)
    mapped = _break_glued_labels(mapped, layout)
    text = mapped.text
    masthead = layout.masthead.search(text) is not None
    if not masthead and not layout.page_line.search(text) and len(layout.open_break.findall(text)) < layout.min_wraps:
        return mapped  # no page number, no masthead and too few lines that end inside a sentence: nothing to undo
    lines = _lines(text)
    removed = _page_numbers(lines, text, layout)
    removed |= _running_heads(lines, removed, layout)
    removed |= _mastheads_in_body(lines, layout) if masthead else set()
    deletions = [(lines[k].start, min(lines[k].end + 1, len(text))) for k in sorted(removed)]
    kept = [k for k in range(len(lines)) if k not in removed]
    for a, b in wrapped_lines(lines, kept, layout):
        deletions += [(lines[a].content_end, lines[a].end), (lines[a].end, lines[b].content_start)]
    if not deletions:
        return mapped
    return _delete(mapped, sorted(deletions))


def _undo_preview_pages(mapped: MappedText, layout: _Layout) -> MappedText:
    """A document-sharing site's preview pages (layout.yaml, sharing_site_sentence, page_marker) read as the document
    they show: each page's marker removed, and a page after a line that ends no sentence (closed_ends) joined to that
    line, as the page break cut the sentence and often a word (监督监 / 测力度, 各村 / (居))."""
    text = mapped.text
    sentence = layout.sharing_site_sentence.search(text)
    if sentence is None and not _opens_with_page_one(text, layout):
        return mapped  # fixed-size pages need the marker 1、 on the first line with text: no lines to split
    lines = _lines(text)
    pages = _preview_pages(lines, text, sentence.end(), layout) if sentence else _fixed_size_pages(lines, text, layout)
    deletions: list[tuple[int, int]] = []
    for k, marker_end in pages:
        before = lines[k - 1].text if k > 0 else ""
        if deletions and before and before[-1] not in layout.closed_ends:
            deletions.append((lines[k - 1].content_end, marker_end))
        else:
            deletions.append((lines[k].content_start, marker_end))
    return _delete(mapped, deletions) if deletions else mapped


def _opens_with_page_one(text: str, layout: _Layout) -> bool:
    """Whether the text's first line with text opens with the page marker 1、 (as `_pages_from` asks of page 1)."""
    marker = layout.page_marker.match(text, len(text) - len(text.lstrip()))
    return marker is not None and int(marker.group("number")) == 1


def _preview_pages(lines: list[_Line], text: str, after: int, layout: _Layout) -> list[tuple[int, int]]:
    """The preview pages after the site's sentence (whose match ends at ``after``), each as the line its marker opens
    and the marker's end: markers counting 1, 2, 3… at line starts, the first on the line after the sentence ends
    (a PDF copy wraps the sentence and the pages over several lines), when each page but the last (the excerpt may
    cut it) holds `min_page_chars` characters."""
    sentence_end = next((at for at in range(after, len(text)) if text[at] in layout.sentence_ends), len(text))
    k = bisect.bisect_right([line.start for line in lines], sentence_end)
    pages = _pages_from(lines, text, k, layout)
    return pages if all(size >= layout.min_page_chars for size in _full_page_sizes(pages, text)) else []


def _fixed_size_pages(lines: list[_Line], text: str, layout: _Layout) -> list[tuple[int, int]]:
    """The pages of a viewer that cuts a document into pages of one size, shown without the site's sentence
    (layout.yaml, min_equal_pages): markers counting 1, 2, 3… opening every line from the first, the full pages
    (all but the last) at least `min_equal_pages`, all of one size and holding `min_page_chars` characters."""
    pages = _pages_from(lines, text, 0, layout)
    sizes = _full_page_sizes(pages, text)
    if len(pages) <= layout.min_equal_pages or len(set(sizes)) != 1 or sizes[0] < layout.min_page_chars:
        return []
    return pages


def _pages_from(lines: list[_Line], text: str, k: int, layout: _Layout) -> list[tuple[int, int]]:
    """The lines from ``k`` on that page markers counting 1, 2, 3… open (the first line with text must be page 1),
    each with its marker's end; none when the first is no page."""
    while k < len(lines) and not lines[k].text:
        k += 1
    pages: list[tuple[int, int]] = []
    for j in range(k, len(lines)):
        marker = layout.page_marker.match(text, lines[j].content_start)
        if marker is not None and int(marker.group("number")) == len(pages) + 1:
            pages.append((j, marker.end()))
        elif not pages:
            return []
    return pages


def _full_page_sizes(pages: list[tuple[int, int]], text: str) -> list[int]:
    """What each page but the last (the excerpt may cut it) holds, line breaks left out; the first page's when one."""
    ends = [text.rfind("\n", 0, at) + 1 for _, at in pages[1:]] + [len(text)]
    sizes = [end - at - text.count("\n", at, end) for (_, at), end in zip(pages, ends)]
    return sizes[:max(1, len(sizes) - 1)]


def _restore_line_breaks(mapped: MappedText, layout: _Layout) -> MappedText:
    """Line breaks a copy that ran its paragraphs onto one line turned into blanks, put back (layout.yaml,
    line_break_blanks, line_break_wide_blank) outside table rows, in a document that shows enough of them:
    parsing then sees the lines the document had.
    Each break replaces the first character of its blank, so the offset map is unchanged."""
    text = mapped.text
    # each scan skips a text without the character its matches need (a blank; 年 for a date)
    breaks = {match.start("blank") for pattern in layout.line_break_blanks for match in scanner(pattern).finditer(text)}
    wide = {match.start("blank") for match in scanner(layout.wide_blank).finditer(text)
            if not _after_heading_number(text, match.start("blank"))}
    if not breaks and not wide:
        return mapped
    rows = text.split("\n")
    starts = [0]
    for row in rows:
        starts.append(starts[-1] + len(row) + 1)

    table = [bool(layout.run_on_kept_row.search(row)) for row in rows]
    aligned = [a or b for a, b in zip(_aligned_rows(rows, layout), _blank_table_rows(rows))]
    attachment = [bool(layout.run_on_attachment_row.search(row)) for row in rows]

    def row_of(at: int) -> int:
        return bisect.bisect_right(starts, at) - 1

    def near(at: int, kept: list[bool]) -> bool:
        """Whether the row of offset ``at`` or a row next to it is ``kept``."""
        k = row_of(at)
        return any(kept[max(0, k - 1):k + 2])

    restored = {at for at in breaks if not near(at, table) and not attachment[row_of(at)] and not aligned[row_of(at)]}
    restored |= {at for at in wide if not near(at, table) and not aligned[row_of(at)]}
    if len(restored) < layout.min_line_breaks:
        return mapped
    chars = list(text)
    for at in restored:
        chars[at] = "\n"
    return MappedText("".join(chars), mapped.starts, mapped.ends, mapped.original_length)


def _break_glued_line_starts(mapped: MappedText, layout: _Layout) -> MappedText:
    """Line starts a run-together copy glued to the text before them (a chapter's or an article's number, a list's
    first heading after its lead-in) at the start of a line again (layout.yaml, glued_line_starts)."""
    breaks = sorted({match.start("at") for pattern in layout.glued_line_starts
                     for match in scanner(pattern).finditer(mapped.text)})
    return mapped.insert(breaks, "\n") if breaks else mapped


def _ran_together(text: str, layout: _Layout) -> bool:
    """Whether the page shows it ran its lines together: at least `min_glued_headings` heading numbers stand
    inside a line, after a sentence end or a run of blanks, where a laid-out notice starts a line. Like every
    other repair here, the breaks that follow are made only on such evidence, never in a page whose lines stand."""
    glued = 0
    for match in layout.glued_heading_before.finditer(text):
        if heading_at(text, match.end()) is not None:
            glued += 1
            if glued >= layout.min_glued_headings:
                return True
    return False


def _before_heading_number(before: re.Pattern[str]) -> re.Pattern[str]:
    """``before`` where a heading number can follow it (numbering's first characters), so that the scan for glued
    headings stops only where one may stand."""
    first = numbering().first_chars
    if first is None:
        return before
    return re.compile(f"(?:{before.pattern})(?=[{''.join(re.escape(ch) for ch in sorted(first))}])", before.flags)


def _break_issue_dates(mapped: MappedText, layout: _Layout) -> MappedText:
    """A date of issue a run-together copy glued to what follows it (and to its signature after a sentence end) on
    a line of its own again, as are the signature, the note of publication, an annex's label and what follows
    (layout.yaml, issue_date_run_together)."""
    text = mapped.text
    breaks: list[int] = []
    for match in scanner(layout.issue_date).finditer(text):
        if match.group("note") is None and text.startswith(layout.issue_date_continuations, match.end("date")):
            continue
        if match.group("signature"):
            breaks.append(match.start("signature"))
        if match.group("signature") or match.group("blanks"):
            breaks.append(match.start("date"))
        breaks.append(match.end("date"))
        if match.group("note") or match.group("annex"):
            breaks.append(match.end())
    return mapped.insert(breaks, "\n") if breaks else mapped


def _break_printed_titles(mapped: MappedText, layout: _Layout) -> MappedText:
    """The titles of the documents a notice's transmittal sentence names (《A》《B》…现印发给你们: numbering.yaml,
    transmittal), printed after it and glued to the end of a paragraph (…负责解释。安徽省工业互联网创新发展行动计划
    (2021-2023年), c21 as a run-together copy), at the start of a line again: each opens its document."""
    text = mapped.text
    sentence = numbering().transmittal.search(text) if "《" in text else None
    if sentence is None:
        return mapped
    breaks = []
    for title in _TITLE_MARKS.findall(sentence.group("run")):
        at = text.find(title, sentence.end())
        while at != -1:
            if text[at - 1] in layout.sentence_ends:
                breaks.append(at)
            at = text.find(title, at + len(title))
    return mapped.insert(sorted(breaks), "\n") if breaks else mapped


def _break_restated_attachments(mapped: MappedText, layout: _Layout) -> MappedText:
    """An attachment printed after the notice under the label and title its attachment list gave it (附件：X方案 /
    国务院 / 二○○六年九月三十日 / 附件：X方案 / 为贯彻…; 附件：1.X 2.Y / … / 附件1：X / …), in a page that ran its lines
    together: the list, and the label, its title and the attachment's text, on lines of their own again, the title's
    end found as far as the label and the entry it restates are followed by the same text, blanks aside (layout.yaml,
    restated_attachment_label, restated_list_item)."""
    text = mapped.text
    entries: dict[int | None, tuple[int, int]] = {}  # an entry's number (None: a list's only entry) → its title's start, its label's
    breaks: set[int] = set()
    for match in scanner(layout.restated_label).finditer(text):
        key = _label_number(match.group("n"))
        earlier = entries.get(key)
        entries[key] = (match.end(), match.start())
        if key is None:
            entries.update({n: (at, match.start()) for n, at in _list_entries(text, match.end(), layout).items()})
        if earlier is None:
            continue
        shared = _shared_end(text, earlier[0], match.end(), layout.min_restated_title_chars)
        if shared is None or not layout.restated_entry_end.match(text, shared[0]):
            continue
        if _inside_line(text, match.start()) and text[match.start() - 1] not in layout.restated_label_after \
                and shared[0] != match.start():
            continue  # a label inside a sentence (按照附件1：…要求) cites its attachment
        breaks.update(at for at in (earlier[1], match.start()) if _inside_line(text, at))
        breaks.add(match.end())
        if shared[1] < len(text) and text[shared[1]] != "\n":
            breaks.add(shared[1])
    return mapped.insert(sorted(breaks), "\n") if breaks else mapped


def _inside_line(text: str, at: int) -> bool:
    """Whether text stands before offset ``at`` on its line."""
    return bool(text[text.rfind("\n", 0, at) + 1:at].strip())


def _label_number(numeral: str | None) -> int | None:
    """The number a label writes (附件2：, 附件二：), None for a label without one (附件：)."""
    if not numeral:
        return None
    return numeral_value(numeral, "arabic" if numeral.isdigit() else "cn")


def _list_entries(text: str, start: int, layout: _Layout) -> dict[int | None, int]:
    """The numbered entries of an attachment list after its label (附件：1.X2.Y…), each number with where its
    title starts: numbers counting 1, 2, 3… on the label's line; none when they do not."""
    line_end = text.find("\n", start)
    found: dict[int | None, int] = {}
    for item in layout.restated_list_item.finditer(text, start, len(text) if line_end < 0 else line_end):
        if int(item.group("n")) != len(found) + 1:
            break
        found[len(found) + 1] = item.end()
    return found if len(found) >= 2 else {}


def _shared_end(text: str, first: int, second: int, min_chars: int) -> tuple[int, int] | None:
    """Where the text after ``first`` and the text after ``second`` stop repeating each other (blanks on either
    side skipped, within their lines), when at least ``min_chars`` characters repeat; None otherwise."""
    a, b, shared, end = first, second, 0, (first, second)
    while a < second and b < len(text):
        if text[a] in " \t\u3000":
            a += 1
            continue
        if text[b] in " \t\u3000":
            b += 1
            continue
        if text[a] != text[b] or text[a] == "\n":
            break
        a, b, shared = a + 1, b + 1, shared + 1
        end = (a, b)
    return end if shared >= min_chars else None


def _break_attachment_labels(mapped: MappedText, layout: _Layout, together: bool) -> MappedText:
    """Attachment labels glued to the title under them (附件1汉阴县…方案) on a line of their own again, and, in a page
    that ran its lines ``together``, labels glued to the line before them (layout.yaml, glued_attachment_label)."""
    text = mapped.text
    breaks: list[int] = []
    for match in scanner(layout.attachment_label).finditer(text):
        start, end = match.span("label")
        if text[text.rfind("\n", 0, start) + 1:start].strip():
            if not together:
                continue
            breaks.append(start)
        if end < len(text) and not text[end].isspace():
            breaks.append(end)
    return mapped.insert(breaks, "\n") if breaks else mapped


def _break_glued_labels(mapped: MappedText, layout: _Layout) -> MappedText:
    """Role labels a run-together copy glued to the text before them, each on a line of its own again
    (layout.yaml, glued_label_after): after a unit list on a line that holds a label before it always, after
    a sentence end only in a document that shows `min_glued_labels` of the first kind."""
    text = mapped.text
    glued: list[int] = []
    after_sentence: list[int] = []
    labelled_line = -1  # start of the last line seen holding a label
    for match in layout.role_label.finditer(text):
        at = _label_level(text, label_start(text, match.start()))
        line_start = text.rfind("\n", 0, at) + 1
        if at > line_start and labelled_line == line_start and layout.glued_label_after.match(text, at - 1):
            glued.append(at)
        elif at > line_start and text[at - 1] in layout.sentence_ends:
            after_sentence.append(at)
        labelled_line = line_start
    if len(glued) < layout.min_glued_labels:
        return mapped.insert(glued, "\n") if glued else mapped
    return mapped.insert(sorted(glued + after_sentence), "\n")


_HAN_CHAR = re.compile(f"[{piece('han')}]")


def _label_level(text: str, at: int) -> int:
    """Where a role label begins that names the level it lists (…省交通运输厅；省配合单位:, 市级配合单位:): before the level word (and
    its 级 or 直) right before ``at``, when no Han character stands before that word (a name's own 市 is no label's level)."""
    units = load_data("units.yaml")
    for mark in (*units["label_level_marks"], ""):
        start = at - len(mark) - 1
        if start >= 0 and text.startswith(mark, start + 1) and text[start] in units["label_levels"] \
                and (start == 0 or not _HAN_CHAR.match(text[start - 1])):
            return start
    return at


def holds_label_line(text: str, start: int, end: int) -> bool:
    """Whether a line between ``start`` and ``end`` opens with a role label (牵头单位:…, 市级配合单位:…): the role block a
    task split writes under each of its items."""
    for match in _layout().role_label.finditer(text, start, end):
        at = label_start(text, _label_level(text, match.start()))
        line_start = text.rfind("\n", 0, at) + 1
        if line_start >= start and not text[line_start:at].strip():
            return True
    return False


def label_start(text: str, at: int) -> int:
    """Where a role label found at ``at`` begins: before a word of the work joined to its role word (培训及试点单位:), the
    label's own words, which the label grammar leaves out so that a scan for labels can skip to their first characters and
    which a line break must not part."""
    work = _label_work().match(text[max(0, at - 8):at][::-1])
    return at - work.end() if work is not None else at


def _aligned_rows(rows: list[str], layout: _Layout) -> list[bool]:
    """Which rows belong to a table laid out with blanks (pdftotext: 1  加强组织领导  县发改局  2024年6月底前):
    rows of at least `min_aligned_cells` cells between wide blanks, either without a sentence end (a run-on
    copy's paragraphs have them) and with another such row at most two rows away (a section row may stand
    between, or a numbered row as below: a header over rows whose tasks are sentences), or opening with a row
    number alone (1  推进…。  县发改局: a task cell written as a sentence) with another row that does at most two
    rows away (a run-on copy's lines open with a number only by chance)."""
    cells = [layout.wide_blank_run.split(row.strip()) for row in rows]
    wide = [len(parts) >= layout.min_aligned_cells for parts in cells]
    plain = [w and not any(ch in layout.sentence_ends for ch in row) for w, row in zip(wide, rows)]
    numbered = [w and row_number(parts[0]) is not None for w, parts in zip(wide, cells)]

    def near(flags: list[bool], k: int) -> bool:
        return any(flags[j] for j in range(max(0, k - 2), min(len(rows), k + 3)) if j != k)

    rows_aligned = [numbered[k] and near(numbered, k) for k in range(len(rows))]
    table = [p or r for p, r in zip(plain, rows_aligned)]
    return [rows_aligned[k] or plain[k] and near(table, k) for k in range(len(rows))]


def _blank_table_rows(rows: list[str]) -> list[bool]:
    """Which rows belong to a table whose cells single blanks separate: the rows under a header row that names
    its columns (序号 重点工作 工作举措 进度安排), each opening with its row number and a blank (1 完成…目标。 全年…),
    blank rows between them, and lines of one cell before a further row (a section row 一、…, a cell's further
    paragraph: 区林业局, c478); a blank after a full stop there separates cells, it is no lost line break."""
    kept = [False] * len(rows)
    k = 0
    while k < len(rows):
        if not names_blank_columns(rows[k].strip()):
            k += 1
            continue
        k += 1
        while k < len(rows) and (not rows[k].strip() or _opens_with_row_number(rows[k])
                                 or _one_cell_before_row(rows, k)):
            kept[k] = bool(rows[k].strip())
            k += 1
    return kept


def _one_cell_before_row(rows: list[str], k: int) -> bool:
    """Whether row ``k`` and the rows after it up to a row opening with its row number are lines of one cell each
    (no blank inside), at most `_MAX_CELL_LINES` of them."""
    for j in range(k, min(len(rows), k + _MAX_CELL_LINES)):
        row = rows[j].strip()
        if _opens_with_row_number(rows[j]):
            return j > k
        if not row or " " in row or "\t" in row:
            return False
    return False


def _opens_with_row_number(row: str) -> bool:
    """Whether a row opens with a row number alone before a blank (1 完成…)."""
    first = row.strip().split(" ", 1)
    return len(first) == 2 and row_number(first[0]) is not None


def _after_heading_number(text: str, at: int) -> bool:
    """Whether the word before the blank at ``at`` is a heading number alone (第一条　为规范…, 第二章　　组成人员):
    its text follows it on the same line in the layout of regulations, so the blank is no lost break. A bare
    figure (1  加快构建…) is a table's row number, its cell run on with the next."""
    word = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at)) + 1
    heading = heading_at(text, word)
    return heading is not None and word + heading.number_end >= at and not text[word:at].isdigit()


def _lines(text: str) -> list[_Line]:
    lines = []
    pos = 0
    for raw in text.split("\n"):
        lead = len(raw) - len(raw.lstrip())
        stripped = raw.strip()
        lines.append(_Line(pos, pos + len(raw), stripped, pos + lead, pos + lead + len(stripped)))
        pos += len(raw) + 1
    return lines


def _page_numbers(lines: list[_Line], text: str, layout: _Layout) -> set[int]:
    """Lines that are page numbers: - 3 -, 第3页, 3/12 always; a bare number only where bare
    numbers run up page by page (3, 4, 5 …) through the document."""
    starts = [line.start for line in lines]
    candidates = sorted({bisect.bisect_right(starts, match.start()) - 1 for match in layout.page_line.finditer(text)})
    candidates = [k for k in candidates if lines[k].text]
    found = {k for k in candidates if layout.page_number.fullmatch(lines[k].text)}
    bare = [
        (k, int(lines[k].text)) for k in candidates
        if layout.bare_page_number.fullmatch(lines[k].text) and _in_flow(lines, k)
    ]
    rows = _row_numbers(lines, bare, layout)
    bare = [(k, value) for k, value in bare if k not in rows]
    rising = [
        k for (k, value), (before_k, before) in zip(bare[1:], bare)
        if value == before + 1 and k - before_k >= layout.min_page_lines
    ]
    if len(rising) >= 2:
        found.update(k for k, _ in bare)
    return found


def _row_numbers(lines: list[_Line], bare: list[tuple[int, int]], layout: _Layout) -> set[int]:
    """Bare numbers that number the rows of a table laid out one cell per line, not pages: a 1
    shortly after a 序号 header cell, and each number after it that goes on (or restarts at 1),
    however many cells a row takes."""
    rows: set[int] = set()
    expected: int | None = None
    for k, value in bare:
        if expected is not None and value in (expected, 1):
            rows.add(k)
            expected = value + 1
            continue
        expected = None
        header = any(lines[j].text in layout.number_headers for j in range(max(0, k - layout.max_header_lines), k))
        if value == 1 and header:
            rows.add(k)
            expected = 2
    return rows


def _in_flow(lines: list[_Line], k: int) -> bool:
    """Whether line ``k`` stands between two lines of text (a page number breaks the text flow; a
    table's 序号 cell in a page copy stands between blank lines)."""
    return 0 < k < len(lines) - 1 and bool(lines[k - 1].text) and bool(lines[k + 1].text)


def _running_heads(lines: list[_Line], pages: set[int], layout: _Layout) -> set[int]:
    """Repeats of a short line without punctuation next to page breaks (a running head or foot, such
    as the issuer or the title), not its first use."""
    if not pages:
        return set()
    punctuation = layout.open_ends + layout.closed_ends
    counts = Counter(
        line.text for line in lines
        if line.text and len(line.text) <= layout.max_head_chars and not any(ch in punctuation for ch in line.text)
    )
    repeated = {text for text, n in counts.items() if n >= layout.min_head_repeats}
    near = {j for k in pages for j in range(k - 2, k + 3)}
    heads: set[int] = set()
    seen: set[str] = set()
    for k, line in enumerate(lines):
        if line.text in repeated:
            if line.text in seen and k in near:
                heads.add(k)
            seen.add(line.text)
    return heads


def _mastheads_in_body(lines: list[_Line], layout: _Layout) -> set[int]:
    """Red-header mastheads (XX县人民政府文件) after the text's first numbered heading: a page's masthead the copy kept,
    even once, not the notice's own header (which stands above its title and outline)."""
    first = next((k for k, line in enumerate(lines) if (head := match_heading(line.text)) and head.value > 0), None)
    if first is None:
        return set()
    return {k for k in range(first + 1, len(lines)) if layout.masthead.fullmatch(lines[k].text)}


def wrapped_lines(lines: list[_Line], kept: list[int], layout: _Layout) -> list[tuple[int, int]]:
    """Pairs of lines (no blank line between, page numbers aside) where the first wraps into the
    second, if the document wraps its paragraphs at all."""
    closed = layout.closed_ends
    pairs = [(a, b) for a, b in zip(kept, kept[1:]) if lines[a].text and lines[b].text and lines[a].text[-1] not in closed]
    if len(pairs) < layout.min_wraps:
        return []
    lengths = sorted(len(lines[k].text) for k in kept if lines[k].text)
    width = lengths[int(len(lengths) * layout.width_percentile)] if lengths else 0
    wraps = [(a, b) for a, b in pairs if _wraps_into(lines[a].text, lines[b].text, layout, width)]
    prose = sum(1 for k in kept if len(lines[k].text) > layout.max_title_chars // 2)
    if len(wraps) < layout.min_wraps or len(wraps) < layout.min_wrap_share * max(prose, 1):
        return []
    return wraps


def _wraps_into(line: str, following: str, layout: _Layout, width: int) -> bool:
    """Whether ``line`` ends inside a sentence that ``following`` goes on with; a line without a
    sentence end must be about as long as the page is wide (``width``), as a wrapped line is."""
    if "\t" in line or "|" in line or "\t" in following or "|" in following:
        return False
    if line[-1] in layout.closed_ends or (line[-1] in "”’)）》" and len(line) > 1 and line[-2] in layout.closed_ends):
        return False
    if line[-1] not in layout.open_ends and not ("\u4e00" <= line[-1] <= "\u9fff" or line[-1].isalnum()):
        return False
    heading = match_heading(line)
    has_sentence = any(ch in layout.sentence_ends for ch in line)
    if heading is not None and not has_sentence and line[-1] not in layout.open_ends:
        return False  # a heading phrase ends its own line; one ending in a comma goes on (（一）参与范围：…，群团组织，)
    full = max(layout.min_width, layout.full_width * width)
    if not has_sentence and len(line) < full:
        return False  # a title, a contents entry, a signature, a short label
    open_bracket = _leaves_open(line, layout)
    if not open_bracket and not any(ch in layout.sentence_ends for ch in following) and len(following) < full:
        return False  # what follows is a line of its own (a title, a contents entry), not the sentence's rest
    data = numbering()
    heading = match_heading(following)
    if heading is not None and not _split_number(line, heading) or data.attachment.match(following) \
            or data.attachment_list.match(following):
        return False
    if layout.date_line.match(following) or layout.date_line.match(line):
        return False
    if layout.label.match(following) and not open_bracket:
        return False  # a label starts a line of its own; inside an open bracket it is a word's rest (配 / 合单位:)
    return True


def _split_number(line: str, heading: HeadingNumber) -> bool:
    """Whether a bare number opening the next line is a number's rest the wrap split off (…重点工作 / 20 + 21年市政府…,
    a PDF copy of c251), or a bare number before a unit's character, which only a list of bare numbers makes an item."""
    return heading.bare and (heading.in_bare_run or line[-1].isdigit())


def _leaves_open(line: str, layout: _Layout) -> bool:
    """Whether ``line`` leaves a bracket, a title mark or a quotation open at its end."""
    return sum(map(line.count, layout.open_brackets)) > sum(map(line.count, layout.close_brackets))


def _delete(mapped: MappedText, ranges: list[tuple[int, int]]) -> MappedText:
    """``mapped`` without the characters in the sorted, non-overlapping ``ranges``."""
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for start, end in ranges:
        start = max(start, pos)
        if end <= start:
            continue
        pieces.append(mapped.text[pos:start])
        starts.extend(mapped.starts[pos:start])
        ends.extend(mapped.ends[pos:start])
        pos = end
    pieces.append(mapped.text[pos:])
    starts.extend(mapped.starts[pos:])
    ends.extend(mapped.ends[pos:])
    return MappedText("".join(pieces), starts, ends, mapped.original_length)
