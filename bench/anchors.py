"""govplan beside the libraries a user might pick instead: JioNLP for deadlines, Recognizers-Text for targets.

Scores all three against the same gold (a split of corpus/split.yaml, held-out by default) with the
same matching as `govplan eval`: items pair by overlapping spans in the original text; a deadline's
date must equal the gold's; a target's value, unit and comparator must equal the gold's.

Each library is given every advantage: JioNLP's ``extract_time`` runs line by line with the gold's
own date of issue as its time base (govplan reads the date itself); a JioNLP time span counts as a
deadline due at its end. Recognizers-Text's number, percentage, currency and dimension models run
line by line; the unit of a match is the text after its number (so 1400人 has unit 人, as the gold
writes units), and its comparator is "=" (the library reads none).

    make anchors                      # installs the optional extra, then runs this on the held-out split
    python bench/anchors.py --split dev
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import Any

from govplan.evaluate import Score, _GoldItem, _match, _same_target, _Text, evaluate, totals
from govplan.gold import GoldDocument, apply_overrides, gold_files, load_gold, load_split, source_text

ROOT = Path(__file__).resolve().parent.parent
_NUMBER = re.compile(r"[\d.,]+|[〇零一二两三四五六七八九十百千万亿]+")


class _Item:
    """A library's answer in the evaluator's shape: span, text and the fields it is scored on."""

    def __init__(self, start: int, end: int, text: str, **fields: Any) -> None:
        from govplan.spec.model import Span

        self.span = Span(start=start, end=end)
        self.text = text
        self.due = fields.get("due")
        self.start = fields.get("start")
        self.value = fields.get("value")
        self.unit = fields.get("unit")
        self.comparator = fields.get("comparator", "=")


def _documents(split_name: str) -> list[GoldDocument]:
    split = load_split(ROOT / "corpus" / "split.yaml")
    docs = [apply_overrides(load_gold(f), split.overrides) for d in split.corpora for f in gold_files(d)]
    return [d for d in docs if split.group(d.id) == split_name]


def _lines(document: GoldDocument) -> list[tuple[int, str]]:
    """(offset, text) of each line inside the gold's window."""
    text = source_text(document)
    first, last = document.gold.lines
    out, pos = [], 0
    for number, line in enumerate(text.split("\n"), start=1):
        if first <= number <= last:
            out.append((pos, line))
        pos += len(line) + 1
    return out


def _day(stamp: Any) -> dt.date | None:
    """The day of a JioNLP time stamp ('2022-06-30 23:59:59'); anything else has none."""
    if not isinstance(stamp, str):
        return None
    try:
        return dt.datetime.strptime(stamp[:10], "%Y-%m-%d").date()
    except ValueError:
        return None


def jionlp_deadlines(document: GoldDocument) -> list[_Item]:
    """JioNLP's extract_time over each line; a span or point is due at its end, a period has no date."""
    import jionlp

    base = document.gold.doc_date or dt.date.today()
    items = []
    for offset, line in _lines(document):
        if not line.strip():
            continue
        try:
            found = jionlp.ner.extract_time(line, time_base={"year": base.year, "month": base.month, "day": base.day},
                                            with_parsing=True)
        except Exception:  # a library failure on one line costs it that line only
            continue
        for hit in found:
            start, end = hit["offset"]
            times = hit.get("detail", {}).get("time")
            due = _day(times[-1]) if isinstance(times, list) and times else None
            items.append(_Item(offset + start, offset + end, hit["text"], due=due))
    return items


def recognizers_targets(document: GoldDocument) -> list[_Item]:
    """Recognizers-Text's numbers with units, percentages and currencies over each line."""
    from recognizers_number import recognize_number, recognize_percentage
    from recognizers_number_with_unit import recognize_currency, recognize_dimension
    from recognizers_text import Culture

    items: list[_Item] = []
    for offset, line in _lines(document):
        if not line.strip():
            continue
        results = []
        for recognize in (recognize_percentage, recognize_currency, recognize_dimension, recognize_number):
            try:
                results.extend(recognize(line, Culture.Chinese))
            except Exception:
                continue
        taken: list[tuple[int, int]] = []
        for result in sorted(results, key=lambda r: (r.start, -(r.end - r.start))):
            start, end = result.start, result.end + 1
            if any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            value = _value(result.resolution)
            number = _NUMBER.search(result.text)
            unit = result.text[number.end():].strip() if number else None
            items.append(_Item(offset + start, offset + end, result.text, value=value, unit=unit or None))
    return items


def _value(resolution: Any) -> float | None:
    raw = (resolution or {}).get("value") if isinstance(resolution, dict) else None
    try:
        return float(str(raw).rstrip("%").replace(",", "")) if raw is not None else None
    except ValueError:
        return None


def _score(document: GoldDocument, predicted: list[_Item], field: str) -> dict[str, Score]:
    text = _Text(document.source, source_text(document))
    items = document.gold.deadlines if field == "deadlines" else document.gold.targets
    gold = [_GoldItem(text.locate(i.line, i.text, i.nth, str(document.file)), i.model_dump()) for i in items]
    window = text.line_range(*document.gold.lines)
    predicted = [p for p in predicted if window.start <= p.span.start < window.end]
    pairs = _match(gold, predicted)
    if field == "deadlines":
        dated = [g for g in gold if g.data.get("due")]
        hits = sum(1 for g, p in pairs if g.data.get("due") and g.data["due"] == p.due)
        return {"deadline_spans": Score(len(pairs), len(predicted), len(gold)),
                "deadline_dates": Score(hits, sum(1 for p in predicted if p.due), len(dated))}
    return {"targets": Score(sum(1 for g, p in pairs if _same_target(g.data, p)), len(predicted), len(gold))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="held-out", choices=("seeds", "dev", "held-out"))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    documents = _documents(args.split)
    anchors = {name: Score() for name in ("deadline_spans", "deadline_dates", "targets")}
    for document in documents:
        for name, score in {**_score(document, jionlp_deadlines(document), "deadlines"),
                            **_score(document, recognizers_targets(document), "targets")}.items():
            anchors[name].add(score)
    from govplan.pipeline import extract_specs
    from govplan.readers import read_source

    ours = totals(evaluate(documents, lambda path: extract_specs(read_source(path))))
    rows = [("deadline_spans", "JioNLP extract_time"), ("deadline_dates", "JioNLP extract_time"),
            ("targets", "Recognizers-Text")]
    if args.json:
        print(json.dumps({name: {"govplan": ours[name].as_dict(), "anchor": anchors[name].as_dict(), "library": lib}
                          for name, lib in rows}, ensure_ascii=False, indent=2))
        return 0
    print(f"{args.split} split, {len(documents)} gold documents (P / R / F1)")
    for name, library in rows:
        a, g = anchors[name], ours[name]
        verdict = "ahead" if g.f1 > a.f1 else "NOT ahead"
        print(f"  {name:15} govplan {g.precision:.3f}/{g.recall:.3f}/{g.f1:.3f}   "
              f"{library} {a.precision:.3f}/{a.recall:.3f}/{a.f1:.3f}   govplan {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
