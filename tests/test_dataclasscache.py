"""dataclasses' generated functions kept in the user cache (govplan/dataclasscache.py) can only cost time:
every class gets the same methods with and without it, and an unchecked Python is left alone."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from govplan import dataclasscache

# Every generated method of every dataclass a run makes (govplan's extraction and validation modules,
# pydantic's, and a few with each option), as its code (marshalled), annotations and defaults.
_FINGERPRINTS = """
import dataclasses, hashlib, json, marshal, sys
from typing import ClassVar
made = []
process = dataclasses._process_class
dataclasses._process_class = lambda cls, *args: made.append(cls) or process(cls, *args)
if sys.argv[1] == "cached":
    from govplan import dataclasscache
    assert dataclasscache.install(kind="test")
import govplan.pipeline, govplan.validate.check, govplan.batch

@dataclasses.dataclass(order=True, frozen=True)
class Ordered:
    a: int
    b: str = "x"
    c: list = dataclasses.field(default_factory=list, compare=False)
    d: ClassVar[int] = 3

@dataclasses.dataclass(unsafe_hash=True, slots=True, kw_only=True)
class Keyed:
    e: "int"
    f: float = 1.5

def fingerprint(cls):
    methods = {}
    for name in ("__init__", "__repr__", "__eq__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__",
                 "__setattr__", "__delattr__"):
        fn = cls.__dict__.get(name)
        code = getattr(fn, "__code__", None)
        if code is not None:
            methods[name] = [hashlib.sha256(marshal.dumps(code)).hexdigest(), repr(fn.__annotations__),
                             repr(fn.__defaults__), repr(fn.__kwdefaults__), fn.__qualname__]
    return methods

print(json.dumps({f"{cls.__module__}.{cls.__qualname__}": fingerprint(cls) for cls in made}, sort_keys=True))
kept = getattr(dataclasses._create_fn, "__self__", None)
print(json.dumps([len(kept.codes), len(kept.compiled_here)] if kept is not None else None))
"""


def _fingerprints(mode: str, cache: Path) -> tuple[dict[str, object], list[int] | None]:
    env = dict(os.environ, XDG_CACHE_HOME=str(cache))
    done = subprocess.run([sys.executable, "-c", _FINGERPRINTS, mode], capture_output=True, text=True, env=env,
                          check=True, timeout=300)
    classes, counts = done.stdout.splitlines()
    return json.loads(classes), json.loads(counts)


@pytest.mark.skipif(sys.version_info[:2] not in dataclasscache.CHECKED_VERSIONS, reason="installed on checked Pythons only")
def test_every_class_gets_the_same_methods_with_the_kept_functions(tmp_path: Path) -> None:
    plain, _ = _fingerprints("plain", tmp_path)
    first, (kept, compiled) = _fingerprints("cached", tmp_path)  # compiles, writes the file at exit
    second, (read, missed) = _fingerprints("cached", tmp_path)  # takes them from the file
    assert len(plain) > 100 and plain == first == second
    assert (kept, read, missed) == (0, compiled, 0) and compiled > 100


def test_a_damaged_file_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    dataclasscache.cache_path("test").write_bytes(b"\x00\x01damaged")
    assert _fingerprints("cached", tmp_path)[0] == _fingerprints("plain", tmp_path)[0]


def test_an_unchecked_python_keeps_dataclasses_as_they_are() -> None:
    # in a fresh process: a command run in this one (tests of the CLI) may have installed it already
    probe = ("import dataclasses; from govplan import dataclasscache; original = dataclasses._create_fn; "
             "print(dataclasscache.install(version=(3, 99)), dataclasses._create_fn is original)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120)
    assert done.stdout.split() == ["False", "True"]


_FORWARD_REFERENCES = """
import json, sys, typing
from govplan import dataclasscache
refs = ["list[Span]", "int | None", "*Ts", "Dict[str, 'Any']", "Literal['a', 'b']"]
plain = [typing.ForwardRef(ref).__forward_code__ for ref in refs]
assert dataclasscache.install(kind="test")
import govplan.spec.model  # pydantic's schema types and the spec models make a few hundred
kept = typing.compile.__self__
made = [typing.ForwardRef(ref).__forward_code__ for ref in refs]
same = all(a == b and a.co_flags == b.co_flags and a.co_names == b.co_names for a, b in zip(plain, made))
models = govplan.spec.model.TaskNode.model_json_schema() == json.loads(sys.argv[1])
counts = [sum(type(key) is tuple for key in table) for table in (kept.codes, kept.compiled_here)]
print(json.dumps([same, *counts, models]))
"""


@pytest.mark.skipif(sys.version_info[:2] not in dataclasscache.CHECKED_VERSIONS, reason="installed on checked Pythons only")
def test_forward_references_get_the_code_compile_gives_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """typing's forward references (a model's string annotations) compile to the same code with the kept
    codes as without, made here the first time and read from the file the next; the models are the same."""
    from govplan.spec.model import TaskNode

    schema = json.dumps(TaskNode.model_json_schema())
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path))

    def run() -> list:
        done = subprocess.run([sys.executable, "-c", _FORWARD_REFERENCES, schema], capture_output=True, text=True,
                              env=env, check=True, timeout=300)
        return json.loads(done.stdout)

    same, read, compiled, models = run()
    assert same and models and read == 0 and compiled > 100
    assert run() == [True, compiled, 0, True]
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    dataclasscache.cache_path("test").write_bytes(b"\x00\x01damaged")
    assert run() == [True, 0, compiled, True]


def _run_with_an_upgrade(path: Path, new: int) -> dataclasscache.FunctionCache:
    """A run whose code has ``new`` functions and a forward reference the file lacks (fewer than are worth a write
    on their own), as after an upgrade that adds a dataclass; it saves as at exit."""
    import dataclasses

    kept = dataclasscache.FunctionCache(path, dataclasses._create_fn)  # type: ignore[attr-defined]
    for k in range(new):
        kept.create_fn(f"added{k}", ["self"], ["return 1"], globals={})
    kept.compile_expression("list[Added]", "<string>", "eval")
    kept.save()
    return kept


def test_an_upgrades_few_new_functions_are_kept_by_its_second_run(tmp_path: Path) -> None:
    from govplan import patterncache

    path = tmp_path / "functions.bin"
    new = dataclasscache.WORTH_WRITING - 5
    _run_with_an_upgrade(path, new)
    assert not path.exists()  # a first run cannot tell an upgrade's functions from one document's
    dataclasscache.FunctionCache(path, lambda *args, **kwargs: None).save()  # one that lacked nothing leaves the list
    _run_with_an_upgrade(path, new)
    kept = patterncache.read(path)
    assert len(kept) == new + 1 and ("eval", "<string>", "list[Added]") in kept
    third = dataclasscache.FunctionCache(path, print)  # the next run takes them from the file
    assert third.create_fn("added0", ["self"], ["return 1"], globals={})(None) == 1 and not third.compiled_here
