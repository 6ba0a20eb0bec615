"""Language data files (numbering styles, deadline words, unit suffixes, aliases) shipped in govplan/data,
and the one safe YAML reader used for them and for users' own data files."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from govplan.errors import Both, Errors, GovplanError
from govplan.usercache import digest, read_json, write_json

# The bundled data files, beside this module in a source tree and in an installed wheel alike (importlib.resources
# would find the same folder after importing zipfile and tempfile: 6% of a cold `govplan validate`'s instructions).
DATA_FOLDER = Path(__file__).resolve().parent / "data"


def read_yaml(path: Path) -> Any:
    """Parse one YAML file safely (C parser from ruamel.yaml.clib: the data files are read at every
    start); a broken file is a user-facing error naming the file."""
    return parse_yaml(read_text(path), str(path))


def read_text(path: Path) -> str:
    """A data file's text (UTF-8); one that cannot be read is a user-facing error naming it."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GovplanError(Errors.E201, str(path), detail=exc) from exc


def parse_yaml(text: str, name: str) -> Any:
    """Parse the text of one YAML data file safely; bad YAML is a user-facing error naming the file."""
    from ruamel.yaml import YAML

    try:
        return YAML(typ="safe", pure=False).load(text)
    except Exception as exc:  # ruamel raises several unrelated error classes for bad YAML
        from govplan.yamltext import yaml_detail

        raise GovplanError(Errors.E202, name, detail=yaml_detail(exc)) from exc


@lru_cache(maxsize=None)
def load_data(name: str) -> Any:
    """The parsed data file ``govplan/data/<name>``, cached in memory and, across runs, as JSON in the
    user cache named by the file's content hash (JSON reads in a tenth of a millisecond; parsing the
    YAML cost about 15 ms at every start)."""
    return load_data_file(DATA_FOLDER / name)


def load_data_file(path: Path, schema: str | None = None) -> Any:
    """A data file read and checked against its schema (by default the one named like the file)."""
    schema = schema or path.stem
    try:
        content = digest(path.read_bytes(), 24)
    except OSError as exc:
        raise GovplanError(Errors.E201, str(path), detail=exc) from exc
    entry = f"data-{schema}-{content}-{_schema_digest()}.json"
    cached = read_json(entry)
    if cached is not None:
        return cached
    value = read_yaml(path)
    check_data(path, value, schema)
    if _plain_json(value):
        write_json(entry, value)
    return value


@lru_cache(maxsize=1)
def _schema_digest() -> str:
    """A hash of the schemas' source, so that a cached copy checked by older schemas is checked again."""
    source = Path(__file__).with_name("langdata.py")
    return digest(source.read_bytes(), 12)


def check_data(path: Path, value: Any, schema: str) -> None:
    """Check parsed data against its schema; the first problem becomes an error naming the file,
    the key, its line and what is wrong."""
    from pydantic import ValidationError

    from govplan.langdata import SCHEMAS

    try:
        SCHEMAS[schema].model_validate(value)
    except ValidationError as exc:
        problems = exc.errors()
        # An unknown key next to a missing one is most likely a misspelling: report it first, with the
        # missing key as the suggestion.
        problem = next((p for p in problems if p["type"] == "extra_forbidden"), problems[0])
        keys = [str(part) for part in problem["loc"]]
        hint = _suggestion(problem, problems)
        line = _line_of(path, problem["loc"])
        where = f"{path}:{line}" if line else str(path)
        raise GovplanError(
            Errors.E203, where, key=Both(".".join(keys) or "（根）", ".".join(keys) or "(root)"),
            problem=_problem(problem),
            hint=Both(f"（是否应为“{hint}”？）", f" (did you mean {hint!r}?)") if hint else "",
        ) from None


def _suggestion(problem: dict[str, Any], problems: list[dict[str, Any]]) -> str | None:
    """For an unknown key, the closest missing key of the same mapping."""
    import difflib

    if problem["type"] != "extra_forbidden":
        return None
    parent = problem["loc"][:-1]
    missing = [str(p["loc"][-1]) for p in problems if p["type"] == "missing" and p["loc"][:-1] == parent]
    close = difflib.get_close_matches(str(problem["loc"][-1]), missing, n=1, cutoff=0.6)
    return close[0] if close else None


def _problem(problem: dict[str, Any]) -> str:
    """pydantic's problem in the interface language, without pydantic's own words."""
    from govplan.i18n import tr
    from govplan.pydantic_text import describe

    kind = problem["type"]
    if kind == "missing":
        return tr("缺少这个键（是否改了名？）", "this key is missing (was it renamed?)")
    if kind == "extra_forbidden":
        return tr("未知的键", "unknown key")
    described = describe(problem)
    return f"{described.message}{tr('；', '; ')}{described.hint}" if described.hint else described.message


def _line_of(path: Path, loc: tuple[Any, ...]) -> int | None:
    """The 1-based line of the key at ``loc`` (or of the nearest parent that exists), read with
    ruamel's round-trip loader, which keeps positions."""
    from ruamel.yaml import YAML

    try:
        node = YAML(typ="rt").load(path.read_text(encoding="utf-8"))
    except Exception:  # the file parsed once already; positions are a courtesy
        return None
    line = None
    for part in loc:
        try:
            if isinstance(part, str) and hasattr(node, "lc") and part in node:
                line = node.lc.key(part)[0] + 1
                node = node[part]
            elif isinstance(part, int) and hasattr(node, "lc") and 0 <= part < len(node):
                line = node.lc.item(part)[0] + 1
                node = node[part]
            else:
                break
        except (KeyError, TypeError, AttributeError):
            break
    if line is None and hasattr(node, "lc"):
        line = node.lc.line + 1
    return line


def _plain_json(value: Any) -> bool:
    """Whether JSON gives ``value`` back unchanged (no dates, no non-string keys)."""
    try:
        return bool(json.loads(json.dumps(value, ensure_ascii=False)) == value)
    except (TypeError, ValueError):
        return False
