"""Count the deadline and target items the evaluation misses, adds or reads wrong by the *form* of their text (a full
date, a month alone, a year part, a rhythm, a period …; a target's comparator and unit) and by cause, with no text of
any document, so the held-out split can say which families of deadlines and targets cost most:
`python scripts/item_shapes.py held-out` (scripts/unit_shapes.py does the same for unit names)."""

from __future__ import annotations

import argparse
import re
from collections import Counter

from path_shapes import split_scores  # scripts/ is on the path of a script run from it

from govplan.evaluate import DocumentScore
from govplan.gold import GoldDocument, source_text

FIELDS = ("deadline_spans", "deadline_dates", "targets")
KINDS = ("missed", "spurious", "different")
_NUM = r"[0-9０-９〇零一二三四五六七八九十百两]"
# The first form that matches names the item; order matters (a period holding full dates is a period).
DEADLINE_FORMS = (
    ("five-year plan", r"[十][一二三四五六七八九]五|五年规划"),
    ("period or range", rf"{_NUM}\s*(?:年|月|日|号)?\s*(?:至|到|—|－|-|~|～)\s*{_NUM}|(?:自|从).+(?:至|到).+"),
    ("start (起/开始/施行)", r"起|开始|施行|以后"),
    ("rhythm (每/定期/逐)", r"每|定期|逐|按(?:月|季|年|周)|一次"),
    ("relative (N天/个月内)", rf"{_NUM}+\s*(?:个)?(?:工作日|日|天|周|个月|月|年)(?:内|之内|以内)|当日|当天|次日|即时|限期"),
    ("rhythm word alone (月度/季度/年度)", r"^(?:分|本|每)?(?:年度|月度|季度|年年|周|月|季|年|日)$"),
    ("year part (年底/上半年/年内)", r"年底|年末|年终|年内|年中|上半年|下半年|全年|年度内|前三季度|一季度|二季度|三季度|四季度|季度末"),
    ("full date", rf"{_NUM}+\s*年\s*{_NUM}+\s*月\s*{_NUM}+\s*[日号]"),
    ("year and month", rf"{_NUM}+\s*年\s*{_NUM}+\s*月"),
    ("month and day", rf"{_NUM}+\s*月\s*{_NUM}+\s*[日号]"),
    ("month (旬/底/份)", rf"{_NUM}+\s*月"),
    ("year alone", rf"{_NUM}+\s*年|今年|明年|本年|年度"),
    ("digits without 年/月 (2021.8, 1225日)", r"\d{4}[.．/]\d|\d{3,}\s*日|\d{4}\s+\d"),
    ("duration (5天, 6个月)", rf"{_NUM}+\s*(?:个)?(?:工作日|天|周|个月)"),
)
_SUFFIXES = (("底前/末前", r"[底末]前"), ("前/以前/之前", r"前"), ("完成/实现/到位", r"完成|实现|到位|办结|结束"), ("起", r"起"))
# What stands around a target's quantity in its line (first match): a title, a report of what is done, a condition,
# then the comparator words of the plan.
TARGET_SETTINGS = (
    ("inside a title 《》", lambda before, after: before.count("《") > before.count("》")),
    ("report (已/累计/现有/截至)", lambda before, after: re.search(r"已|累计|现有|截至|截止|共有|目前|去年|上年|同比", before[-10:])),
    ("condition (…的, 对/凡/年满)", lambda before, after: re.match(r"\s*(?:以上|以下|及以上|以内)?的", after)
        or re.search(r"对|凡|年满|单笔|单项|符合", before[-8:])),
)
TARGET_COMPARATORS = (
    ("at least (以上/不低于/不少于/超过)", r"以上|不低于|不少于|超过|至少|突破|高于|达到.*以上"),
    ("at most (以内/以下/不超过/控制在)", r"以内|以下|不超过|不高于|控制在|低于|之内"),
    ("change (增长/提高/下降/减少)", r"增长|提高|提升|下降|降低|减少|压减|压缩|增加|翻"),
    ("about (左右/约)", r"左右|约|上下"),
    ("reach (达到/实现/完成/建成)", r"达到|实现|完成|建成|新建|建设|培育|打造|创建|新增|累计"),
)
TARGET_UNITS = (
    ("percent", r"%|％|百分之|个百分点|成"),
    ("money", r"元|资金|投资"),
    ("time (天/日/小时/工作日)", r"工作日|小时|分钟|天|日|个月|年"),
    ("people", r"人|名|户|家庭"),
    ("count (个/家/项/所/处)", r"个|家|项|所|处|座|条|批|件|次|种|类"),
    ("measure (公里/亩/平方米/吨)", r"公里|千米|米|亩|公顷|平方|吨|立方|千瓦|瓦|度"),
)


def first_form(text: str, forms: tuple[tuple[str, str], ...], fallback: str = "other") -> str:
    """The name of the first form whose pattern the text holds."""
    return next((name for name, pattern in forms if re.search(pattern, text)), fallback)


def deadline_form(text: str) -> str:
    """A deadline's form and, for a point in time, the word that closes it: 'month (旬/底/份) + 前/以前/之前'."""
    form = first_form(text, DEADLINE_FORMS)
    if form in ("full date", "year and month", "month and day", "month (旬/底/份)", "year alone", "year part (年底/上半年/年内)"):
        return f"{form} + {first_form(text, _SUFFIXES, 'bare')}"
    return form


def target_form(text: str, row: str) -> str:
    """What surrounds a target's quantity in its line (setting or comparator) and the kind of its unit: 'at least (…) / percent'."""
    at = row.find(text)
    before, after = (row[max(0, at - 12):at], row[at + len(text):at + len(text) + 8]) if at >= 0 else ("", "")
    setting = next((name for name, holds in TARGET_SETTINGS if holds(row[:at] if at >= 0 else "", after)), None) \
        or first_form(before[-6:] + "|" + after, TARGET_COMPARATORS, "no comparator word" if at >= 0 else "not in its line")
    return f"{setting} / {first_form(text, TARGET_UNITS, 'other unit')}"


def item_shapes(documents: list[GoldDocument], results: list[DocumentScore]) -> Counter[tuple[str, str, str, str]]:
    """(field, kind, cause, form) of every deadline and target miss of a split."""
    shapes: Counter[tuple[str, str, str, str]] = Counter()
    for document, result in zip(documents, results):
        rows = source_text(document).split("\n")
        for miss in result.misses:
            if miss.field in FIELDS:
                row = rows[miss.line - 1] if 0 < miss.line <= len(rows) else ""
                form = target_form(miss.text, row) if miss.field == "targets" else deadline_form(miss.text)
                shapes[(miss.field, miss.kind, miss.cause or "-", form)] += 1
    return shapes


def tables(shapes: Counter[tuple[str, str, str, str]], top: int) -> list[str]:
    """Per field: counts by form (missed / spurious / read wrong), then the commonest (kind, cause, form) triples."""
    out: list[str] = []
    for field in FIELDS:
        forms: dict[str, Counter[str]] = {}
        for (f, kind, _, form), count in shapes.items():
            if f == field:
                forms.setdefault(form, Counter())[kind] += count
        if not forms:
            continue
        out.append(f"{field:44s}" + "".join(f"{k:>11s}" for k in KINDS))
        for form, counts in sorted(forms.items(), key=lambda item: -sum(item[1].values())):
            out.append(f"  {form:42s}" + "".join(f"{counts[k]:11d}" for k in KINDS))
        triples = Counter({(kind, cause, form): n for (f, kind, cause, form), n in shapes.items() if f == field})
        out.extend(f"{n:7d}  {kind:9s} {cause:15s} {form}" for (kind, cause, form), n in triples.most_common(top))
        out.append("")
    return out


def main() -> None:
    """Print the counts of one split by form and cause."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("group", choices=("seeds", "dev", "held-out"))
    parser.add_argument("--top", type=int, default=12)
    args = parser.parse_args()
    print("\n".join(tables(item_shapes(*split_scores(args.group)), args.top)))


if __name__ == "__main__":
    main()
