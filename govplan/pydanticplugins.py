"""pydantic's answer to "which plugins?" without importing importlib.metadata, for the command line's process.

pydantic imports its plugin loader (pydantic/plugin/_loader.py) when it builds its first model's
validator, and that module imports importlib.metadata at its top, which brings email, zipfile,
socket, calendar and csv into every `extract`, before `--jobs` can fork a worker,
though the command line turns plugins off (PYDANTIC_DISABLE_PLUGINS=__all__, govplan/cli/app.py) and
the loader then answers "none" without looking at any distribution.

``install`` puts a stand-in in the loader's place. Its ``get_plugins`` answers as the loader of the
pydantic versions it was read against does while plugins are off (nothing); anything else (plugins
turned on again, another pydantic version, any other name asked of the module) is handed to
pydantic's own loader, imported then. tests/test_pydanticplugins.py holds the two to the same answers.
"""

from __future__ import annotations

import importlib
import os
import sys
import types
from importlib.machinery import ModuleSpec
from typing import Any, Iterable

LOADER = "pydantic.plugin._loader"
CHECKED_VERSIONS = ("2.14.",)  # pydantic versions whose get_plugins this was read against
OFF = ("__all__", "1", "true")  # the values of PYDANTIC_DISABLE_PLUGINS that loader reads as "no plugin at all"


def install() -> bool:
    """Have pydantic's import of its plugin loader give the stand-in; False when the loader is already imported."""
    if LOADER in sys.modules:
        return installed()
    if _FINDER not in sys.meta_path:
        sys.meta_path.insert(0, _FINDER)
    return True


def installed() -> bool:
    """Whether the stand-in answers for the loader (imported or still to be)."""
    module = sys.modules.get(LOADER)
    return _FINDER in sys.meta_path if module is None else vars(module).get("get_plugins") is get_plugins


def get_plugins() -> Iterable[Any]:
    """pydantic's plugins: none while they are off on a checked pydantic, else what its own loader says."""
    if os.getenv("PYDANTIC_DISABLE_PLUGINS") in OFF and _checked_pydantic():
        return ()
    return real_loader().get_plugins()


def real_loader() -> types.ModuleType:
    """pydantic's own plugin loader, imported in the stand-in's place (which is then gone for good)."""
    if _FINDER in sys.meta_path:
        sys.meta_path.remove(_FINDER)
    if installed():
        del sys.modules[LOADER]
    return importlib.import_module(LOADER)


def _checked_pydantic() -> bool:
    """Whether the pydantic that imported the stand-in is one its get_plugins was read against."""
    version = getattr(sys.modules.get("pydantic.version"), "VERSION", "")
    return version.startswith(CHECKED_VERSIONS)


def _loader_attribute(name: str) -> Any:
    """A name the stand-in lacks, from pydantic's own loader; a module attribute the import system
    looks for (__path__, __file__ …) is simply missing, as on any module without it."""
    if name.startswith("__"):
        raise AttributeError(name)
    return getattr(real_loader(), name)


class _StandInFinder:
    """Finds the stand-in under the loader's name (its parent packages are imported as usual first)."""

    @staticmethod
    def find_spec(name: str, path: Any = None, target: Any = None) -> ModuleSpec | None:
        return ModuleSpec(name, _StandInFinder) if name == LOADER else None

    @staticmethod
    def create_module(spec: ModuleSpec) -> None:
        return None  # a plain module

    @staticmethod
    def exec_module(module: types.ModuleType) -> None:
        module.__doc__ = __doc__
        module.get_plugins = get_plugins  # type: ignore[attr-defined]
        module.__getattr__ = _loader_attribute  # type: ignore[method-assign]  (PEP 562: the names it lacks)


_FINDER = _StandInFinder
