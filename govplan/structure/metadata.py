"""Document metadata: title, document number, issuer, recipients, date of issue, attachment list.

Reads the lines around the task tree (cover letter, red header, index table, closing matter);
the words it looks for are language data in govplan/data/metadata.yaml.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from govplan.numerals import NumeralError, cn_to_int
from govplan.datafiles import load_data
from govplan.grammar import compile_pattern
from govplan.scanning import scanner
from govplan.spec.model import Attachment, Metadata
from govplan.structure.lines import Line, split_outside_brackets
from govplan.structure.numbering import match_heading, numbering
from govplan.textmemo import text_memo

_DATE_CN = compile_pattern("{calendar_date}")
_DATE_ISO = compile_pattern("{numeric_date}")
_DATE_ROC = compile_pattern("{roc_date}")
_DATE_ROC_DIGITS = compile_pattern("{roc_numeric_date}")
_DATE_FIELD = compile_pattern("{field_calendar_date}")
_ROC_OFFSET = 1911  # 民国97年 = 2008
_BULLETS = "•·●◆■▪-* \u3000"
_SENTENCE = compile_pattern("[{sentence_end}]")
_BLANKS = re.compile(r"\s")
_CELL_BREAK = re.compile(r"[|\t]")
# a value runs to the next key; a colon between digits is a time of day in it (发布日期:2024-04-02 15:35)
_KEY_AND_VALUE = re.compile(r"([\u4e00-\u9fff]{2,6})[:：]((?:[^:：|]|(?<=\d)[:：](?=\d))+?)(?=[\u4e00-\u9fff]{2,6}[:：]|$)")
_KEY_ALONE = re.compile(r"([\u4e00-\u9fff\s]{2,10})[:：]")  # "• 发文日期:" with its value on the next line
_KEY_MARKS = re.compile(r"[\s:：]")
_FIELD_MARK = re.compile(r"[|\t:：]")  # what a line giving an index field holds: a cell break or a colon
_HEAD_LINES = 40  # metadata lives in the first lines (cover letter, index table) ...
_TAIL_LINES = 30  # ... or in the closing matter before attachments
_RED_HEADER_CHARS = 40  # a red header (its issuers' names and 文件) is no longer ...
_RED_HEADER_LINE_CHARS = 20  # ... nor any one issuer's line over it


@dataclass(frozen=True)
class _MetaData:
    title_prefixes: tuple[str, ...]
    title_suffixes: tuple[str, ...]
    index_keys: dict[str, tuple[str, ...]]
    known_keys: frozenset[str]  # every index key without its blanks
    chrome_keys: frozenset[str]  # the portal's own labels (浏览量, 来源…): never a field's value
    date_priority: tuple[str, ...]
    red_header_suffix: str
    doc_number: re.Pattern[str]
    recipient_separators: str
    recipient_not_endings: tuple[str, ...]
    recipient_kinds: frozenset[str]  # 委, 办, 局…: kinds one 各 lists (各委、办、局 is one recipient)
    max_title_lines: int
    max_title_chars: int
    chrome_label: re.Pattern[str]
    chrome_phrase: re.Pattern[str]
    chrome_max: int
    chrome_lines: tuple[re.Pattern[str], ...]  # whole lines that are chrome (a sharing site's file size: 33.20KB)
    chrome_footer: re.Pattern[str]  # a site's registration marks (粤ICP备05026010号, 网站标识码): its footer, however long
    date_lines: tuple[re.Pattern[str], ...]
    inline_signature: re.Pattern[str]  # an issuer glued to its date after a sentence end, inside a line
    dated_deadline: re.Pattern[str]
    title_period: re.Pattern[str]  # a plan's period closing its title (…三年行动计划（2024—2026年）)


@lru_cache(maxsize=1)
def _data() -> _MetaData:
    raw = load_data("metadata.yaml")
    labels = "|".join(re.escape(label) for label in sorted(raw["chrome_labels"], key=len, reverse=True))
    return _MetaData(
        tuple(raw["title_prefixes"]),
        tuple(raw["title_suffixes"]),
        {k: tuple(v) for k, v in raw["index_keys"].items()},
        frozenset(_BLANKS.sub("", key) for keys in raw["index_keys"].values() for key in keys),
        frozenset(_BLANKS.sub("", label) for label in raw["chrome_labels"]),
        tuple(raw["date_key_priority"]),
        raw["red_header_suffix"],
        compile_pattern(raw["doc_number_pattern"], "govplan/data/metadata.yaml"),
        raw["recipient_separators"],
        tuple(raw["recipient_not_endings"]),
        frozenset(raw.get("recipient_kind_words", [])),
        int(raw["max_title_lines"]),
        int(raw["max_title_chars"]),
        re.compile(rf"^[【\[]?(?:{labels})[】\]]?\s*[:：]"),
        re.compile("|".join(re.escape(phrase) for phrase in raw["chrome_phrases"])),
        int(raw["chrome_max_chars"]),
        tuple(compile_pattern(p, "govplan/data/metadata.yaml") for p in raw.get("chrome_line_patterns", [])),
        compile_pattern(raw["chrome_footer"], "govplan/data/metadata.yaml"),
        tuple(compile_pattern(p, "govplan/data/metadata.yaml") for p in raw["date_line_patterns"]),
        compile_pattern(raw["inline_signature"], "govplan/data/metadata.yaml"),
        compile_pattern(raw["dated_deadline"], "govplan/data/metadata.yaml"),
        compile_pattern(raw["title_period"], "govplan/data/metadata.yaml"),
    )


def is_chrome(text: str) -> bool:
    """Whether a line is portal chrome (来源：…, 浏览次数：…, 扫一扫在手机打开当前页, 【打印】【关闭】, a sharing
    site's 上传人：… and 33.20KB, a footer holding the site's registration: …备案号:粤ICP备05026010号)."""
    data = _data()
    if data.chrome_label.match(text) or data.chrome_footer.search(text):
        return True
    if len(text) > data.chrome_max:
        return False
    return data.chrome_phrase.search(text) is not None or any(p.match(text) for p in data.chrome_lines)


def parse_date(text: str, roc_digits: bool = False) -> dt.date | None:
    """A calendar date written as 2024年3月29日, 二〇二四年三月二十九日, 2024-03-29 or in the
    Republic-of-China calendar (民國 97 年 12 月 19 日, 中華民國一一三年一月五日); with ``roc_digits`` (an index field's
    value) also 106-08-17, as a Taiwan portal's label writes it, and 2018年03月27, a field closed without its 日."""
    match = _DATE_CN.search(text) or _DATE_ISO.search(text) or (_DATE_FIELD.match(text) if roc_digits else None)
    roc = match is None
    if roc:
        match = _DATE_ROC.search(text) or (_DATE_ROC_DIGITS.search(text) if roc_digits else None)
    if not match:
        return None
    try:
        y, m, d = (_number(match.group(k).lstrip("中华民国").strip()) for k in ("y", "m", "d"))
        return dt.date(y + _ROC_OFFSET if roc else y, m, d)
    except (ValueError, NumeralError):
        return None


def _number(text: str) -> int:
    return int(text) if text.isdigit() else cn_to_int(text)


def extract_metadata(lines: list[Line], first_task_line: int | None, title_hint: str | None = None) -> Metadata:
    """Metadata of one document from its lines; ``first_task_line`` bounds the front matter."""
    data = _data()
    content = [line for line in lines if not line.blank]
    front = [line for line in content if first_task_line is None or line.index < first_task_line][:_HEAD_LINES]
    index = _index_fields(content[:_HEAD_LINES])
    date_line = _standalone_date(content, data)
    attachments = _attachment_list(content)
    issued = _issued(date_line, index)
    doc_number = _number_of(content, index, data)
    return Metadata(
        title=title_hint or index.get("title") or _title(front or content[:_HEAD_LINES], data),
        doc_number=doc_number,
        issuer=index.get("issuer") or _issuer(content, date_line, data),
        recipients=_recipients(front),
        date=issued or publication_date(lines, doc_number),
        date_text=date_line.text if date_line else index.get("date") if issued else index.get("published"),
        attachments=attachments,
    )


def issue_date(lines: list[Line]) -> dt.date | None:
    """The document's own date of issue, where one is written (not its page's publication date)."""
    data = _data()
    content = [line for line in lines if not line.blank]
    return _issued(_standalone_date(content, data), _index_fields(content[:_HEAD_LINES]))


def _issued(date_line: Line | None, index: dict[str, str]) -> dt.date | None:
    """The date of issue: a date line's, else an index label's for the document's own date (成文日期)."""
    return _line_date(date_line) if date_line else parse_date(index.get("date", ""), roc_digits=True)


def _number_of(content: list[Line], index: dict[str, str], data: _MetaData) -> str | None:
    """The document number: an index table's 文号, else one standing on its own line."""
    return index.get("doc_number") or _doc_number(content[:_HEAD_LINES], data)


def _line_date(line: Line) -> dt.date | None:
    """The date a date line gives: its last (…自2018年1月1日起施行。总理 李克强 2017年12月25日)."""
    starts = [m.start() for m in _DATE_CN.finditer(line.text)]
    return parse_date(line.text[starts[-1]:] if starts else line.text)


def number_year(doc_number: str | None) -> int | None:
    """The year a document number writes (国发〔2023〕16号: 2023): a notice is numbered in the year it is issued."""
    numbered = re.search(r"(?:19|20)\d{2}", doc_number or "")
    return int(numbered.group(0)) if numbered else None


def publication_date(lines: list[Line], doc_number: str | None = None) -> dt.date | None:
    """When a portal posted the page (发布日期:2024-04-02 15:35, a date alone on a bulleted line), unless
    it is a repost's day: after a dated deadline the notice sets (请于2019年12月20日前…, posted
    2020-03-24), or in a later year than its document number's (国发〔2023〕16号 posted in 2024)."""
    data = _data()
    content = [line for line in lines if not line.blank]
    head = content[:_HEAD_LINES]
    published = parse_date(_index_fields(head).get("published", ""), roc_digits=True) or next(
        (parse_date(text) for text in (line.text.strip(_BULLETS) for line in head)
         if len(text) <= 12 and _DATE_ISO.fullmatch(text)), None)
    if published is None:
        return None
    numbered = number_year(doc_number)
    if numbered is not None and published.year > numbered:
        return None
    deadlines = (parse_date(m.group(0)) for line in content for m in data.dated_deadline.finditer(line.text))
    return None if any(due is not None and due < published for due in deadlines) else published


def _index_fields(lines: list[Line]) -> dict[str, str]:
    """Fields of an index table: "文号 | X | 发布机构 | Y", "日期:2022-04-29", or a label alone on its
    line with its value on the next ("• 发文日期:" / "2024年04月06日 16:40")."""
    return dict(_head_fields(tuple(line.text for line in lines)))


@text_memo(maxsize=16)
def _head_fields(texts: tuple[str, ...]) -> dict[str, str]:
    """``_index_fields`` of the lines holding ``texts`` (memoised: a document's head is read for its metadata,
    its date of issue and its publication date, each time the same lines)."""
    data = _data()
    fields: dict[str, str] = {}
    dates: dict[str, str] = {}
    for k, text in enumerate(texts):
        if not _FIELD_MARK.search(text):
            continue  # no cell break and no colon: no key of any kind
        pairs = list(_line_pairs(text))
        alone = _KEY_ALONE.fullmatch(text.strip(_BULLETS))
        if alone and k + 1 < len(texts):
            pairs.append((alone.group(1), texts[k + 1]))
        for key, value in pairs:
            key = _KEY_MARKS.sub("", key)  # "名 称:" as a portal's index table writes it
            value = value.strip()
            if not value:
                continue
            for field, keys in data.index_keys.items():
                if key in keys:
                    if field in ("date", "published"):
                        dates.setdefault(key, value)
                    else:
                        fields.setdefault(field, value)
    for key in data.date_priority:
        if key in dates and parse_date(dates[key], roc_digits=True):
            fields.setdefault("date" if key in data.index_keys["date"] else "published", dates[key])
    return fields


@text_memo(maxsize=256)
def _line_pairs(text: str) -> tuple[tuple[str, str], ...]:
    """The (key, value) pairs one line of an index table writes, in cells or as 键:值 (memoised: the
    document's head is read for its metadata and again for the year of its deadlines)."""
    cells = [c.strip().rstrip(" :：\u3000") for c in _CELL_BREAK.split(text)]
    pairs = _key_value_cells(cells, _data())
    return (*pairs, *((m.group(1), m.group(2)) for m in scanner(_KEY_AND_VALUE).finditer(text)))


def _key_value_cells(cells: list[str], data: _MetaData) -> list[tuple[str, str]]:
    """(key, value) pairs of one index-table row: a known key takes the next cell as its value unless
    that cell is a key too (发布机构: | 生成日期: | 2022-12-02 …, 文号 | 浏览量 |: the first key has no
    value)."""
    known = data.known_keys
    pairs = []
    for k, cell in enumerate(cells[:-1]):
        key, value = _BLANKS.sub("", cell), cells[k + 1]
        if key in known and _BLANKS.sub("", value) not in known | data.chrome_keys:
            pairs.append((key, value))
    return pairs


def _title(lines: list[Line], data: _MetaData) -> str | None:
    """The first line that reads like a document title (关于…的通知, …实施方案, or one set in book-title
    marks as mirrors give it), joined with the lines it was wrapped over (关于印发《…\n…》的通知)."""
    for k, line in enumerate(lines):
        text = line.text
        if not _title_part(text, data):
            continue
        if text.startswith("《") and text.endswith("》") and text[1:-1].endswith(data.title_suffixes):
            return text[1:-1]  # a mirror's title in book-title marks (《…关于印发〈…〉的通知》)
        if text.startswith(data.title_prefixes) and not _ends_title(text, data):
            return _wrapped_forward(lines, k, data) or text
        if _ends_title(text, data):
            return _wrapped_backward(lines, k, data) + _period_below(lines, k, data)
    return None


def _ends_title(text: str, data: _MetaData) -> bool:
    """Whether a line ends as a title does, in a kind of document, its plan's period after it or not
    (…实施方案, …三年行动计划（2024—2026年）)."""
    return data.title_period.sub("", text).endswith(data.title_suffixes)


def _period_below(lines: list[Line], k: int, data: _MetaData) -> str:
    """The plan's period set alone on the line after a title that lacks one (…行动方案 / （2023-2025年）), else ''."""
    below = next((line.text.strip() for line in lines[k + 1:] if line.text.strip()), "")
    bare = not data.title_period.search(lines[k].text)
    return below if bare and data.title_period.fullmatch(below) else ""


def _title_part(text: str, data: _MetaData) -> bool:
    """Whether a line may be (part of) a title: short, no sentence end, no table, no chrome, and no numbered
    heading (二、保障措施 ends in a title's word, but a text without a title line begins with its outline)."""
    return 0 < len(text) <= data.max_title_chars and not _SENTENCE.search(text) and "|" not in text \
        and "\t" not in text and not is_chrome(text) and not _numbered_heading(text)


def _numbered_heading(text: str) -> bool:
    """Whether a line opens with a heading number (一、, (二), 3.), not a bare figure a title may begin with."""
    heading = match_heading(text)
    return heading is not None and heading.value > 0 and not heading.bare


def _wrapped_forward(lines: list[Line], k: int, data: _MetaData) -> str | None:
    """A title opened on line ``k`` (关于…) and closed on one of the next lines, or None."""
    joined = lines[k].text
    for line in lines[k + 1:k + data.max_title_lines]:
        if not _title_part(line.text, data) or len(joined + line.text) > data.max_title_chars:
            return None
        joined += line.text
        if _ends_title(joined, data):
            return joined
    return None


def _wrapped_backward(lines: list[Line], k: int, data: _MetaData) -> str:
    """A title closed on line ``k``, with the lines before it that opened it (…关于加快推进 /
    数字政府建设的实施意见: the line before holds 关于 or an unclosed 《)."""
    joined = lines[k].text
    for j in range(k - 1, max(-1, k - data.max_title_lines), -1):
        text = lines[j].text
        if not _title_part(text, data) or len(text + joined) > data.max_title_chars or text.endswith(data.title_suffixes):
            break
        if not (any(p in text for p in data.title_prefixes) or text.count("《") > text.count("》")):
            break
        joined = text + joined
        if text.startswith(data.title_prefixes):
            break
    return joined


def _doc_number(lines: list[Line], data: _MetaData) -> str | None:
    """A document number standing on its own line (a number cited in a sentence is another document's)."""
    for line in lines:
        match = data.doc_number.search(line.text) if "号" in line.text else None  # every number ends in 号
        if match and len(line.text) <= len(match.group(0)) + 6:
            return match.group(0)
    return None


def _standalone_date(lines: list[Line], data: _MetaData) -> Line | None:
    """The line giving the date of issue: a date alone (under the signature), else a printing line
    or a speech's occasion line (date_line_patterns), else a signature glued inside a line (inline_signature)."""
    for line in lines:
        text = line.text.replace(" ", "")
        if len(text) <= 20 and (_DATE_CN.fullmatch(text) or _DATE_ROC.fullmatch(text)):
            return line
    return next((line for line in lines if any(p.match(line.text) for p in data.date_lines)), None) \
        or _inline_signature(lines, data)


def _inline_signature(lines: list[Line], data: _MetaData) -> Line | None:
    """The signature a one-line notice glues after a sentence end (…的良好氛围。国务院办公厅二○○六年二月十七日…),
    cut out as a line of its own: the first such, as a transmitted or attached document follows the notice's."""
    signature = scanner(data.inline_signature)  # most lines hold no 年: one C search each tells
    for line in lines:
        match = signature.search(line.text)
        if match:
            start, end = match.start("issuer"), match.end()
            return Line(line.index, line.start + start, line.start + end, line.text[start:end])
    return None


def _issuer(lines: list[Line], date_line: Line | None, data: _MetaData) -> str | None:
    """The signature line above the date, or the red header ("XX办公室文件")."""
    for k, line in enumerate(lines[:6]):
        if line.text.endswith(data.red_header_suffix) and len(line.text) <= _RED_HEADER_CHARS:
            head = "".join(x.text for x in _red_header_above(lines, k, data)) + line.text
            return head[: -len(data.red_header_suffix)] or None
    if date_line is None:
        return None
    if date_line not in lines:  # a signature cut out of a line (_inline_signature): its issuer stands before its date
        signature = data.inline_signature.match(date_line.text)
        return _BLANKS.sub("", signature.group("issuer")) if signature else None
    position = lines.index(date_line)
    if position == 0:
        return None
    above = lines[position - 1].text
    if len(above) <= 40 and not _SENTENCE.search(above) and not numbering().attachment_item.match(above):
        return re.sub(r"\s{2,}", " ", above)
    return None


def _red_header_above(lines: list[Line], k: int, data: _MetaData) -> list[Line]:
    """The lines right above a red header's 文件 line that name its other issuers (中共XX县委办公室 over XX县人民政府
    办公室文件): short names, up to the header's length; not a title, a heading or a sentence of the body."""
    above: list[Line] = []
    size = len(lines[k].text)
    for line in reversed(lines[:k]):
        text = line.text
        size += len(text)
        if len(text) > _RED_HEADER_LINE_CHARS or size > _RED_HEADER_CHARS or _SENTENCE.search(text) \
                or _numbered_heading(text) or text.startswith(data.title_prefixes) or _ends_title(text, data):
            break
        above.insert(0, line)
    return above


def _recipients(front: list[Line]) -> list[str]:
    """Units of the 主送 line: the first short line before the body that ends with a colon, split
    at separators outside brackets (各县（市、区）人民政府 stays one)."""
    data = _data()
    for line in front:
        text = line.text
        if not text.endswith(("：", ":")) or len(text) > 300 or _SENTENCE.search(text) or "|" in text:
            continue
        if is_chrome(text) or text[:-1].rstrip().endswith(data.recipient_not_endings) or _index_line(text, data):
            continue
        items = split_outside_brackets(text, 0, len(text) - 1, data.recipient_separators)
        return [text[s:e].strip() for s, e in _collectives(text, items, data.recipient_kinds) if text[s:e].strip()]
    return []


def _index_line(text: str, data: _MetaData) -> bool:
    """Whether a line is a row of a portal's index table (生成日期: 2019-01-23 文号:), not a 主送."""
    label = re.match(r"[^:：]{1,12}(?=[:：])", text)
    return label is not None and _BLANKS.sub("", label.group(0)) in data.known_keys


def _collectives(text: str, items: list[tuple[int, int]], kinds: frozenset[str]) -> list[tuple[int, int]]:
    """Items joined where one 各 lists kinds of office (各委、办、局; 各乡、镇人民政府): a bare kind word
    belongs to the item before it, 各 with a bare kind word to the item after it."""
    joined: list[tuple[int, int]] = []
    opens_next = False
    for start, end in items:
        word = text[start:end].strip()
        if joined and (opens_next or word in kinds):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
        opens_next = word.startswith("各") and word[1:] in kinds
    return joined


def _attachment_list(lines: list[Line]) -> list[Attachment]:
    """附件：1.… 2.… in the closing matter (items may continue on the following lines)."""
    data = numbering()
    for k, line in enumerate(lines):
        match = data.attachment_list.match(line.text)
        if not match:
            continue
        items: list[Attachment] = []
        rest = match.group("rest").strip()
        for text in [rest] + [x.text for x in lines[k + 1 :]]:
            item = data.attachment_item.match(text)
            if item:
                items.append(Attachment(number=item.group("n"), title=item.group("title").strip()))
            elif text == rest and rest:
                items.append(Attachment(title=rest))
            elif text != rest:
                break
        return items
    return []
