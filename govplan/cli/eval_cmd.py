"""`govplan eval`: precision, recall and F1 of extraction against the gold set."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import typer

from govplan.i18n import tr


def register(app: typer.Typer) -> None:
    app.command(
        "eval",
        help=tr("用人工标注的金标准评测提取质量（每个字段的精确率、召回率、F1）。",
                "Score extraction against hand-checked gold annotations (precision, recall, F1 per field)."),
    )(eval_gold)


def eval_gold(
    gold_dir: Path = typer.Argument(..., exists=True, file_okay=False, help=tr("金标准目录", "gold directory")),
    root: Path = typer.Option(Path("."), "--root", help=tr("金标准中 source 路径的根目录", "root that gold source paths are relative to")),
    as_json: bool = typer.Option(False, "--json", help=tr("输出 JSON", "print JSON")),
    misses: bool = typer.Option(
        False, "--misses", help=tr("列出每处与金标准不一致的条目（漏提、多提、读错）及其行号",
                                   "list every disagreement with the gold (missed, spurious, read differently) with its line"),
    ),
) -> None:
    from govplan.evaluate import FIELDS, evaluate, totals
    from govplan.pipeline import extract_specs
    from govplan.readers import read_source

    cache: dict[Path, list] = {}

    def extract(path: Path):  # type: ignore[no-untyped-def]
        if path not in cache:
            cache[path] = extract_specs(read_source(path))
        return cache[path]

    results = evaluate(gold_dir, root, extract)
    total = totals(results)
    if as_json:
        payload: dict = {
            "total": {name: total[name].as_dict() for name in FIELDS},
            "documents": {r.gold_file: {name: r.scores[name].as_dict() for name in FIELDS} for r in results},
        }
        if misses:
            payload["misses"] = {r.gold_file: [asdict(m) for m in r.misses] for r in results}
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=tr(f"提取评测（{len(results)} 份金标准文件）", f"Extraction scores ({len(results)} gold files)"))
    for header in (tr("字段", "field"), tr("精确率", "precision"), tr("召回率", "recall"), "F1",
                   tr("命中", "tp"), tr("预测", "predicted"), tr("标准", "gold")):
        table.add_column(header, justify="right" if header != tr("字段", "field") else "left")
    for name in FIELDS:
        score = total[name]
        table.add_row(name, f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}",
                      str(score.tp), str(score.predicted), str(score.expected))
    Console(width=120).print(table)
    if misses:
        for result in results:
            for m in result.misses:
                detail = f"  ({m.detail})" if m.detail else ""
                typer.echo(f"{result.gold_file}:{m.line}: {m.field} {_KIND[m.kind]()}: {m.text}{detail}")


_KIND = {
    "missed": lambda: tr("漏提", "missed"),
    "spurious": lambda: tr("多提", "spurious"),
    "different": lambda: tr("读错", "read differently"),
}
