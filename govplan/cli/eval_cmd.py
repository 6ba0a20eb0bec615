"""`govplan eval`: precision, recall and F1 of extraction against the gold set, per split."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Optional

import typer

from govplan.errors import Both, Errors, GovplanError
from govplan.i18n import tr

DEFAULT_SPLIT = Path("corpus/split.yaml")


def register(app: typer.Typer) -> None:
    app.command(
        "eval",
        help=tr("用人工标注的金标准评测提取质量（每个字段的精确率、召回率、F1），可按种子/开发/留出集分组。",
                "Score extraction against hand-checked gold annotations (precision, recall, F1 per field), "
                "optionally per split (seeds, dev, held-out)."),
    )(eval_gold)


def eval_gold(
    gold_dirs: Optional[list[Path]] = typer.Argument(
        None, exists=True, file_okay=False, metavar=tr("金标准目录", "GOLD_DIR"),
        help=tr("金标准目录（可多个；省略时取 split 文件列出的目录）", "gold directories (several allowed; default: those of the split file)")),
    root: Optional[Path] = typer.Option(
        None, "--root", help=tr("金标准中 source 路径的根目录（默认：gold 目录的上一级）",
                                "root that gold source paths are relative to (default: the folder above gold/)")),
    split_file: Path = typer.Option(DEFAULT_SPLIT, "--split-file", help=tr("划分文件", "split file")),
    split: Optional[str] = typer.Option(
        None, "--split", help=tr("只评测一组：seeds、dev 或 held-out", "score one group only: seeds, dev or held-out")),
    by_split: bool = typer.Option(False, "--by-split", help=tr("按组分别给出分数", "print scores per group")),
    check: bool = typer.Option(False, "--check", help=tr("只检查金标准文件本身（不运行提取）", "only check the gold files (no extraction)")),
    as_json: bool = typer.Option(False, "--json", help=tr("输出 JSON", "print JSON")),
    misses: bool = typer.Option(
        False, "--misses", help=tr("列出每处与金标准不一致的条目（漏提、多提、读错）及其行号",
                                   "list every disagreement with the gold (missed, spurious, read differently) with its line"),
    ),
    causes: bool = typer.Option(
        False, "--causes", help=tr("按来源统计不一致的条目数（只给数字，不显示文本，留出集也可用）",
                                   "count the disagreements by cause (numbers only, no text: fit for held-out)")),
    interval: bool = typer.Option(
        False, "--interval", help=tr("给出 F1 的 95% 区间（按文件自助抽样）：换一批同类文件时分数可能落在的范围",
                                     "give F1's 95% interval (bootstrap over documents): where the figure could fall "
                                     "on another draw of documents")),
) -> None:
    from govplan.gold import GROUPS, apply_overrides, gold_files, load_gold, load_split

    wants_split = split is not None or by_split or not gold_dirs
    loaded_split = load_split(split_file) if wants_split or split_file.exists() else None
    if wants_split and loaded_split is None:
        raise GovplanError(Errors.E605, str(split_file))
    if split is not None and split not in GROUPS:
        raise GovplanError(Errors.E006, choices=Both("、".join(GROUPS), ", ".join(GROUPS)))
    dirs = gold_dirs or (loaded_split.corpora if loaded_split else [])
    documents = []
    for gold_dir in dirs:
        if not gold_dir.is_dir():
            raise GovplanError(Errors.E606, str(gold_dir))
        files = gold_files(gold_dir)
        if not files:
            raise GovplanError(Errors.E607, str(gold_dir))
        documents.extend(load_gold(f, root) for f in files)
    if loaded_split:
        documents = [apply_overrides(d, loaded_split.overrides) for d in documents]
    group_of = (lambda doc_id: loaded_split.group(doc_id)) if loaded_split else (lambda doc_id: "dev")
    if split is not None:
        documents = [d for d in documents if group_of(d.id) == split]
    if check:
        _check(documents)
        return

    from govplan.evaluate import FIELDS, document_counts, evaluate, f1_interval, totals
    from govplan.pipeline import extract_specs
    from govplan.readers import read_source

    cache: dict[Path, list] = {}

    def extract(path: Path):  # type: ignore[no-untyped-def]
        if path not in cache:
            cache[path] = extract_specs(read_source(path))
        return cache[path]

    results = evaluate(documents, extract)
    groups: list[tuple[str, list]] = [("all", results)]
    if by_split:
        ids = [d.id for d in documents]
        groups = [(g, [r for r, i in zip(results, ids) if group_of(i) == g]) for g in GROUPS] + groups
    if as_json:
        payload: dict = {
            "total": {name: totals(results)[name].as_dict() for name in FIELDS},
            "documents": {r.gold_file: {name: r.scores[name].as_dict() for name in FIELDS} for r in results},
        }
        if by_split:
            payload["groups"] = {g: {name: totals(rs)[name].as_dict() for name in FIELDS} for g, rs in groups}
        if interval:
            payload["f1_interval"] = {g: {name: f1_interval(document_counts(rs, name)) for name in FIELDS}
                                      for g, rs in groups if rs}
        if misses:
            payload["misses"] = {r.gold_file: [asdict(m) for m in r.misses] for r in results}
        if causes:
            payload["causes"] = {g: _cause_counts(rs) for g, rs in groups if rs}
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    console = Console(width=120)
    for group, group_results in groups:
        if not group_results:
            continue
        total = totals(group_results)
        label = {"all": tr("全部", "all"), "seeds": tr("种子", "seeds"), "dev": tr("开发集", "dev"),
                 "held-out": tr("留出集（以此为准）", "held-out (the figure to believe)")}[group]
        heading = split or label
        table = Table(title=tr(f"提取评测：{heading}（{len(group_results)} 份金标准文件）",
                               f"Extraction scores: {heading} ({len(group_results)} gold files)"))
        headers = [tr("字段", "field"), tr("精确率", "precision"), tr("召回率", "recall"), "F1",
                   tr("命中", "tp"), tr("预测", "predicted"), tr("标准", "gold")] + ([tr("F1 95%区间", "F1 95% interval")] if interval else [])
        for header in headers:
            table.add_column(header, justify="right" if header != tr("字段", "field") else "left")
        for name in FIELDS:
            score = total[name]
            bounds = [f1_interval(document_counts(group_results, name))] if interval else []
            table.add_row(name, f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}",
                          str(score.tp), str(score.predicted), str(score.expected),
                          *(f"{low:.3f}–{high:.3f}" for low, high in bounds))
        console.print(table)
    if causes:
        for group, group_results in groups:
            if group_results:
                console.print(_cause_table(group, _cause_counts(group_results)))
    if misses:
        for result in results:
            for m in result.misses:
                detail = f"  ({m.detail})" if m.detail else ""
                typer.echo(f"{result.gold_file}:{m.line}: {m.field} {_KIND[m.kind]()}: {m.text}{detail}")


def _cause_counts(results: list) -> dict[str, int]:
    """How many disagreements of each field, kind and cause: "field kind cause" → count."""
    from collections import Counter

    return dict(sorted(Counter(f"{m.field} {m.kind} {m.cause or '-'}" for r in results for m in r.misses).items()))


def _cause_table(group: str, counts: dict[str, int]):  # type: ignore[no-untyped-def]
    """The cause counts of one group as a table (numbers only, so held-out can be shown)."""
    from rich.table import Table

    from govplan.evaluate import CAUSES

    table = Table(title=tr(f"不一致的来源：{group}", f"Causes of disagreement: {group}"))
    for header in (tr("字段", "field"), tr("类别", "kind"), tr("来源", "cause"), tr("条数", "count"), tr("含义", "meaning")):
        table.add_column(header, justify="right" if header == tr("条数", "count") else "left")
    for key, count in counts.items():
        field_name, kind, cause = key.split(" ", 2)
        table.add_row(field_name, _KIND[kind](), cause, str(count), tr(*CAUSES[cause]) if cause in CAUSES else "")
    return table


def _check(documents: list) -> None:
    """Print every problem of the gold files themselves; exit 1 if there is one."""
    from govplan.gold import check_gold

    bad = 0
    for document in documents:
        for problem in check_gold(document):
            bad += 1
            typer.echo(f"{document.file}: {problem}", err=True)
    typer.echo(tr(f"检查了 {len(documents)} 份金标准文件：{bad} 处问题。",
                  f"checked {len(documents)} gold files: {bad} problems."))
    if bad:
        raise typer.Exit(1)


_KIND = {
    "missed": lambda: tr("漏提", "missed"),
    "spurious": lambda: tr("多提", "spurious"),
    "different": lambda: tr("读错", "read differently"),
}
