"""Fuzz `fmt`: any text -> canonical layout.

Checks: only GovplanError escapes; formatting the output changes nothing (idempotence); the
data reads back the same (fmt lays out, never edits); every comment line is kept."""

from __future__ import annotations

import atheris

from checks import allowed, full_line_comments, run

with atheris.instrument_imports(include=["govplan", "ruamel"]):
    from govplan.validate.fmt import format_text
    from govplan.validate.reader import load


def test_one(data: bytes) -> None:
    text = data.decode("utf-8", "replace")
    out = allowed(lambda: format_text(text, "fuzz.yaml"))
    if out is None:
        return
    assert format_text(out, "fuzz.yaml") == out, "fmt is not idempotent"
    before, after = load(text), load(out)
    if not before.findings:
        assert after.data == before.data, "fmt changed the data"
    kept = full_line_comments(out)
    lost = [c for c in full_line_comments(text) if c not in kept]
    assert not lost, f"comments lost: {lost}"


if __name__ == "__main__":
    run(test_one)
