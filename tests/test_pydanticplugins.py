"""The command line's stand-in for pydantic's plugin loader (govplan/pydanticplugins.py): the answers
pydantic's own loader gives, without importing importlib.metadata while plugins are off."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

_PROBE = """
import json, os, sys
{setup}
from govplan import pydanticplugins
installed = pydanticplugins.install()
from pydantic import BaseModel

class Probe(BaseModel):
    value: int

Probe(value=1)
from pydantic.plugin import _loader
print(json.dumps({{"installed": installed, "stand_in": pydanticplugins.installed(),
                  "plugins": list(map(repr, _loader.get_plugins())),
                  "metadata": "importlib.metadata" in sys.modules}}))
"""


def _probe(env_value: str | None, setup: str = "") -> dict[str, object]:
    """What a fresh process with the stand-in installed finds once it has built a model."""
    import json

    env = {key: value for key, value in os.environ.items() if key != "PYDANTIC_DISABLE_PLUGINS"}
    if env_value is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = env_value
    done = subprocess.run([sys.executable, "-c", _PROBE.format(setup=setup)], env=env, capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout)


@pytest.mark.parametrize("off", ["__all__", "1", "true"])
def test_plugins_off_no_importlib_metadata(off: str) -> None:
    found = _probe(off)
    assert found == {"installed": True, "stand_in": True, "plugins": [], "metadata": False}


@pytest.mark.parametrize("value", [None, "logfire", ""])
def test_plugins_not_all_off_are_pydantics_own_loaders_answer(value: str | None) -> None:
    found = _probe(value)
    assert found["stand_in"] is False and found["metadata"] is True  # the real loader, as without the stand-in


def test_the_same_answer_as_pydantics_loader_for_each_setting() -> None:
    """The stand-in's get_plugins and the loader's, side by side in one process, for every setting."""
    from govplan import pydanticplugins

    real = pydanticplugins.real_loader()
    saved = os.environ.get("PYDANTIC_DISABLE_PLUGINS")
    try:
        for value in ("__all__", "1", "true", "some-plugin", None):
            if value is None:
                os.environ.pop("PYDANTIC_DISABLE_PLUGINS", None)
            else:
                os.environ["PYDANTIC_DISABLE_PLUGINS"] = value
            assert list(pydanticplugins.get_plugins()) == list(real.get_plugins())
    finally:
        if saved is None:
            os.environ.pop("PYDANTIC_DISABLE_PLUGINS", None)
        else:
            os.environ["PYDANTIC_DISABLE_PLUGINS"] = saved


def test_an_unchecked_pydantic_asks_its_own_loader() -> None:
    found = _probe("__all__", setup="import pydantic.version; pydantic.version.VERSION = '9.0.0'")
    assert found["stand_in"] is False and found["plugins"] == []


def test_not_installed_over_a_loader_already_imported() -> None:
    found = _probe("__all__", setup="import pydantic.plugin._loader")
    assert found["installed"] is False and found["stand_in"] is False


def test_other_names_come_from_pydantics_loader() -> None:
    code = ("import sys; from govplan import pydanticplugins; pydanticplugins.install(); import pydantic.plugin._loader as l; "
            "print(l.PYDANTIC_ENTRY_POINT_GROUP, pydanticplugins.installed())")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["pydantic", "False"]


def test_the_command_line_installs_it() -> None:
    code = "import sys, govplan.cli.app; from govplan import pydanticplugins; print(pydanticplugins.installed())"
    env = {key: value for key, value in os.environ.items() if key != "PYDANTIC_DISABLE_PLUGINS"}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "True"
