"""govplan: a compiler from Chinese policy notices to task specs and responsibility tables.

The library face is govplan.api (docs/api.md), re-exported here on first use, so that
``import govplan`` (and the command line's start) loads none of it. Three of its functions share
their names with stage packages (govplan.render, govplan.validate, govplan.merge): as attributes
of this package the names stay the functions, while ``from govplan.render.views import …`` and
the like import the stage modules as always.
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any

__version__ = "0.1.0"

_API = ("extract", "extract_text", "validate", "validate_files", "render", "render_per_unit", "merge", "spec_text", "process_document", "run_options",
        "Document", "DocumentResult", "DocumentError", "RunOptions", "ExtractOptions", "MergeResult", "Spec")


class _Package(ModuleType):
    """This package, whose API names are not rebound when a stage module of the same name is imported."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _API and isinstance(value, ModuleType):
            return  # the import system binding govplan.render (the package) over govplan.render (the function)
        super().__setattr__(name, value)


def __getattr__(name: str) -> Any:
    """govplan.extract and the rest of govplan.api, imported when first asked for."""
    if name in _API:
        from govplan import api

        return getattr(api, name)
    raise AttributeError(f"module 'govplan' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_API])


sys.modules[__name__].__class__ = _Package
