"""Fuzz `fmt`: any text -> canonical layout.

Checks: only GovplanError escapes; formatting the output changes nothing (idempotence); the
data reads back the same under a standard YAML loader (fmt lays out, never edits); every
comment line is kept."""

from __future__ import annotations

import atheris

from checks import allowed, full_line_comments, run, same_data

with atheris.instrument_imports(include=["govplan", "ruamel"]):
    from govplan.validate.fmt import format_text
    from ruamel.yaml import YAML


def test_one(data: bytes) -> None:
    text = data.decode("utf-8", "replace")
    out = allowed(lambda: format_text(text, "fuzz.yaml"))
    if out is None:
        return
    assert format_text(out, "fuzz.yaml") == out, "fmt is not idempotent"
    before = standard_data(text)
    if before is not None:
        assert same_data(standard_data(out), before), "fmt changed the data"
    kept = full_line_comments(out)
    lost = [c for c in full_line_comments(text) if c not in kept]
    assert not lost, f"comments lost: {lost}"


def standard_data(text: str) -> object:
    """The text's data as a standard YAML loader reads it (!!binary decoded), None if it cannot."""
    try:
        return YAML(typ="safe", pure=True).load(text)
    except Exception:  # noqa: BLE001 - only texts a loader reads are compared
        return None


if __name__ == "__main__":
    run(test_one)
