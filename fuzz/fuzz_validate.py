"""Fuzz `validate`: any text as a spec -> located findings.

Checks: nothing escapes check_text; every finding has a known code and a place inside the text."""

from __future__ import annotations

import atheris

from checks import run

with atheris.instrument_imports(include=["govplan", "ruamel"]):
    from govplan.validate.check import check_text
    from govplan.validate.findings import CODES
    from govplan.validate.guard import YAML_LINE_BREAK
    from govplan.validate.rules import RuleContext

CONTEXT = RuleContext()


def test_one(data: bytes) -> None:
    text = data.decode("utf-8", "replace")
    lines = YAML_LINE_BREAK.split(text.lstrip("\ufeff"))
    for finding in check_text(text, "fuzz.yaml", CONTEXT):
        assert finding.code in CODES, finding
        assert 1 <= finding.line <= max(len(lines), 1), finding
        assert "\x1b" not in "".join(finding.frame), finding  # no terminal escapes reach a log


if __name__ == "__main__":
    run(test_one)
