"""Benchmark: time `govplan validate DIR` on 1,000 realistic specs (target: under 3 s on 2 cores).

Specs are built from the spec models and written with govplan's own writer: task trees of 3-7
chapters with sections and items, texts cut from the bundled corpus, deadlines, targets and
units from the alias registry, so the files look like extracted specs of real notices
(~1,000 lines each). Run: .venv/bin/python bench/validate_bench.py [--specs N] [--runs R]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from govplan.spec.io import dump_yaml
from govplan.spec.model import Deadline, Metadata, Source, Span, Spec, Target, TaskNode, UnitRef

ROOT = Path(__file__).resolve().parent.parent
CN = "一二三四五六七八九十"
UNITS = ["市农业农村局", "市财政局", "县人社局", "市发展改革委", "县教育局", "市卫生健康委员会"]


def corpus_sentences() -> list[str]:
    """Sentences of the bundled seeds, to give specs realistic text."""
    text = "".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "corpus" / "seeds").glob("*.txt")))
    return [s.strip() + "。" for s in text.replace("\n", "").split("。") if 20 <= len(s.strip()) <= 200]


def evidence(rng: random.Random, text: str) -> dict:
    start = rng.randint(0, 30_000)
    return {"text": text, "span": Span(start=start, end=start + len(text))}


def task(rng: random.Random, sentences: list[str], task_id: str, number: str, style: str, level: int) -> TaskNode:
    """One node with its items and, above the item level, children."""
    text = rng.choice(sentences)
    children: list[TaskNode] = []
    if level == 1:
        children = [task(rng, sentences, f"{task_id}.({CN[i]})", f"（{CN[i]}）", "cn_paren", 2) for i in range(rng.randint(1, 4))]
    elif level == 2:
        children = [task(rng, sentences, f"{task_id}.{i + 1}", f"{i + 1}.", "arabic_dot", 3) for i in range(rng.randint(0, 3))]
    month = rng.randint(4, 12)
    return TaskNode(
        id=task_id, number=number, style=style, level=level, title=text[:15], text=text,
        line=rng.randint(1, 300), span=Span(start=0, end=len(text)),
        deadlines=[Deadline(kind="by", due=dt.date(2024, month, 28), **evidence(rng, f"{month}月底前")) for _ in range(rng.randint(0, 2))],
        targets=[Target(value=90, unit="%", comparator=">=", percent=True, **evidence(rng, "90%以上")) for _ in range(rng.randint(0, 1))],
        units=[UnitRef(name=name, canonical=name, role=role, **evidence(rng, name))
               for name, role in [(rng.choice(UNITS), "lead"), (rng.choice(UNITS), "support")][: rng.randint(1, 2)]],
        children=children,
    )


def realistic_spec(index: int, sentences: list[str]) -> Spec:
    rng = random.Random(index)
    return Spec(
        source=Source(file=f"notice_{index}.txt", sha256=f"{index:064x}", format="txt", encoding="utf-8", script="simplified"),
        metadata=Metadata(title="关于印发《乡村新风行动三年计划（2024—2026年）》的通知", doc_number=f"办发〔2024〕{index}号",
                          issuer="市新风行动办公室", date=dt.date(2024, 3, 15)),
        tasks=[task(rng, sentences, CN[i], f"{CN[i]}、", "cn_dun", 1) for i in range(rng.randint(3, 7))],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--specs", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    sentences = corpus_sentences()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        texts = [dump_yaml(realistic_spec(i, sentences)) for i in range(args.specs)]
        for index, text in enumerate(texts):
            (folder / f"spec_{index:04}.yaml").write_text(text, encoding="utf-8")
        lines = sum(text.count("\n") for text in texts) / len(texts)
        command = [sys.executable, "-m", "govplan", "validate", str(folder)]
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            result = subprocess.run(command, capture_output=True, text=True)
            times.append(time.perf_counter() - started)
        imports = subprocess.run([sys.executable, "-X", "importtime", *command[1:]], capture_output=True, text=True).stderr
    heavy = sorted({name for name in ("jieba", "opencc") if f" {name}" in imports})
    print(f"specs: {args.specs} (avg {lines:.0f} lines), cores: {os.cpu_count()}, exit: {result.returncode}")
    print(result.stdout.strip().splitlines()[-1])
    print(f"govplan validate DIR: best {min(times):.2f} s, median {statistics.median(times):.2f} s over {args.runs} runs")
    print(f"heavy imports: {', '.join(heavy) or 'none'}")


if __name__ == "__main__":
    main()
