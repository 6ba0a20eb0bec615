"""Stage imports point one way: read → normalise → structure → annotate → spec → validate/render →
api → cli. Every import in govplan (at module level or inside a function) is read from the source;
a module may import its own layer or a lower one, never a higher one."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "govplan"

# Lowest first. "base" is what every stage shares (messages, errors, data files, the spec's models,
# the unit registry, segmentation); the stages follow in the order a notice goes through them.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("base", (
        "govplan", "govplan.i18n", "govplan.errors", "govplan.fsutil", "govplan.usercache", "govplan.langdata",
        "govplan.datafiles", "govplan.grammar", "govplan.numerals", "govplan.align", "govplan.workers",
        "govplan.lexical", "govplan.spec.model", "govplan.spec.tree", "govplan.spec.found", "govplan.registry",
    )),
    ("read", ("govplan.readers",)),
    ("normalise", ("govplan.normalize",)),
    ("structure", ("govplan.structure",)),
    ("annotate", ("govplan.annotate", "govplan.tablecells")),
    ("spec", ("govplan.spec", "govplan.pipeline", "govplan.yamltree")),
    ("validate", ("govplan.validate", "govplan.merge")),
    ("render", ("govplan.render", "govplan.review", "govplan.ledger", "govplan.evaluate", "govplan.gold")),
    ("api", ("govplan.api", "govplan.batch", "govplan.dask_engine", "govplan.outputs", "govplan.writing", "govplan.docsummary",
             "govplan.archive_io", "govplan.run_state", "govplan.run_outputs", "govplan.parquet_tables")),
    ("cli", ("govplan.cli", "govplan.__main__")),
]
# The package re-exports the API lazily (PEP 562 __getattr__): `import govplan` loads none of it.
LAZY_REEXPORT = ("govplan", "govplan.api")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _layer(module: str) -> int:
    """The layer of a module: the longest prefix listed wins (govplan.spec.model is base, govplan.spec.io spec)."""
    best, rank = -1, None
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best:
                best, rank = len(prefix), index
    assert rank is not None, f"{module} is in no layer: add it to LAYERS"
    return rank


def _imports(path: Path) -> set[str]:
    """The govplan modules a file imports (from x import y counts y when y is a module)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("govplan")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("govplan"):
            found.add(node.module)
            for alias in node.names:
                name = f"{node.module}.{alias.name}"
                relative = Path(*name.split("."))
                if (PACKAGE.parent / relative).with_suffix(".py").exists() or (PACKAGE.parent / relative).is_dir():
                    found.add(name)
    return found


def test_every_import_points_to_the_same_or_a_lower_layer() -> None:
    back_edges = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module_name(path)
        for imported in sorted(_imports(path)):
            if (module, imported) == LAZY_REEXPORT:
                continue
            if _layer(imported) > _layer(module):
                back_edges.append(f"{module} ({LAYERS[_layer(module)][0]}) imports {imported} ({LAYERS[_layer(imported)][0]})")
    assert not back_edges, "\n".join(back_edges)


def test_the_walk_sees_function_level_imports() -> None:
    """The check reads imports inside functions too (most of govplan's heavy imports are there)."""
    assert "govplan.annotate.units" in _imports(PACKAGE / "pipeline.py")


def test_extraction_keys_nothing_by_object_identity() -> None:
    """Node offsets travel with the nodes (TaskNode._found), never in a side table keyed by id():
    no module of the extraction stages, which build and annotate the task nodes, calls id()."""
    stages = ("structure", "annotate", "pipeline.py", "tablecells.py", "spec")
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
        for stage in stages
        for path in sorted((PACKAGE / stage).rglob("*.py") if (PACKAGE / stage).is_dir() else [PACKAGE / stage])
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "id"
    ]
    assert not offenders, offenders
