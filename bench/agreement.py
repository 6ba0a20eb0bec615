"""Inter-annotator agreement: how far two people's gold for the same text agree, per field.

Some documents were annotated independently by more than one annotator (corpus/agreement/ holds
the second and later annotations, each naming a text identical to one in corpus/docs/). Their
agreement, scored like `govplan eval` scores the extractor (the first annotation as reference),
is the ceiling an extractor can be measured against: disagreement of careful readers is noise
in the gold, not extractor error.

    python bench/agreement.py            # table per field, over every pair
"""

from __future__ import annotations

import hashlib
import itertools
import sys
from collections import defaultdict
from pathlib import Path

from govplan.evaluate import FIELDS, Score, _fold, _gold_assignments, _match, _same_target, _same_unit, _Text
from govplan.gold import GoldDocument, gold_files, load_gold, source_text

ROOT = Path(__file__).resolve().parent.parent


def _digest(document: GoldDocument) -> str:
    return hashlib.sha256(source_text(document).encode("utf-8")).hexdigest()


def _located(text: _Text, items: list, name: str) -> list:
    from govplan.evaluate import _GoldItem

    return [_GoldItem(text.locate(i.line, i.text, i.nth, name), i.model_dump()) for i in items]


def agreement(a: GoldDocument, b: GoldDocument) -> dict[str, Score]:
    """Scores of annotation ``b`` against annotation ``a`` of the same text."""
    text = _Text(a.source, source_text(a))
    scores = {name: Score() for name in FIELDS}
    paths_a, paths_b = {t.path for t in a.gold.tasks}, {t.path for t in b.gold.tasks}
    scores["tasks"] = Score(len(paths_a & paths_b), len(paths_b), len(paths_a))
    da, db = _located(text, a.gold.deadlines, str(a.file)), _located(text, b.gold.deadlines, str(b.file))
    pairs = _match(da, db)
    scores["deadline_spans"] = Score(len(pairs), len(db), len(da))
    dated = [(g, p) for g, p in pairs if g.data.get("due") or g.data.get("start")]
    same = sum(1 for g, p in dated if (g.data.get("due"), g.data.get("start")) == (p.data.get("due"), p.data.get("start")))
    scores["deadline_dates"] = Score(same, sum(1 for p in db if p.data.get("due") or p.data.get("start")),
                                     sum(1 for g in da if g.data.get("due") or g.data.get("start")))
    ta, tb = _located(text, a.gold.targets, str(a.file)), _located(text, b.gold.targets, str(b.file))
    tpairs = _match(ta, tb)

    class _AsPredicted:  # _same_target reads a predicted Target's attributes
        def __init__(self, data: dict) -> None:
            self.value, self.unit = data.get("value"), data.get("unit")
            self.comparator = data.get("comparator", "=")

    scores["targets"] = Score(sum(1 for g, p in tpairs if _same_target(g.data, _AsPredicted(p.data))), len(tb), len(ta))
    for role, name in (("lead", "lead_units"), ("support", "support_units")):
        ref = _gold_assignments(a.gold.model_dump(), role)
        other = _gold_assignments(b.gold.model_dump(), role)
        # both sides are names as written: fold the second as the scorer folds gold (（交管） and (交管) are one name)
        hits = sum(1 for task, unit in other if any(t == task and _same_unit(_fold(unit), u) for t, u in ref))
        scores[name] = Score(hits, len(other), len(ref))
    return scores


def main() -> int:
    kept = {_digest(d): d for d in map(load_gold, gold_files(ROOT / "corpus" / "gold"))}
    groups: dict[str, list[GoldDocument]] = defaultdict(list)
    for document in map(load_gold, gold_files(ROOT / "corpus" / "agreement" / "gold")):
        groups[_digest(document)].append(document)
    total = {name: Score() for name in FIELDS}
    pairs = 0
    for digest, others in sorted(groups.items(), key=lambda kv: kv[1][0].id):
        annotations = ([kept[digest]] if digest in kept else []) + others
        for a, b in itertools.combinations(annotations, 2):
            scores = agreement(a, b)
            pairs += 1
            print(f"{a.id} vs {b.id}: " + "  ".join(f"{n} {scores[n].f1:.2f}" for n in FIELDS))
            for name in FIELDS:
                total[name].add(scores[name])
    print(f"\n{pairs} pairs of annotations of the same text (micro-averaged F1):")
    for name in FIELDS:
        print(f"  {name:15} {total[name].f1:.3f}  ({total[name].tp} agreed, {total[name].predicted} vs {total[name].expected})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
