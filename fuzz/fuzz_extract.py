"""Fuzz `extract`: bytes as .txt/.html/.docx or sniffed -> specs -> YAML -> specs again.

Checks: only GovplanError may escape; every span lies inside the decoded source and every
evidence text is the source's slice; the YAML written reads back to the same spec."""

from __future__ import annotations

import atheris

from checks import allowed, run

with atheris.instrument_imports(include=["govplan"]):
    from govplan.merge import stamp
    from govplan.pipeline import extract_specs
    from govplan.readers import decode_bytes
    from govplan.spec.io import data_to_yaml, load_spec_text
    from govplan.spec.model import Spec

FORMATS = ("txt", "html", "docx", None)


def test_one(data: bytes) -> None:
    if not data:
        return
    fmt = FORMATS[data[0] % len(FORMATS)]
    source = allowed(lambda: decode_bytes("fuzz", data[1:], fmt))
    if source is None:
        return
    for spec in allowed(lambda: extract_specs(source)) or []:
        check_spec(spec, source.text)


def check_spec(spec: Spec, original: str) -> None:
    for node in spec.walk():
        assert 0 <= node.span.start <= node.span.end <= len(original), node.span
        for item in [*node.deadlines, *node.targets, *node.units]:
            assert original[item.span.start : item.span.end] == item.text, item
    data = stamp(spec)
    assert load_spec_text(data_to_yaml(data)) == Spec.model_validate(data), "the YAML does not read back"


if __name__ == "__main__":
    run(test_one)
