"""Loading a spec text into data plus positions, turning YAML-level faults into findings.

The fast subset reader handles the specs govplan writes; anything else goes through ruamel's
composer (validate/fullreader.py, imported only then), whose node graph carries every position. Building the data from that graph ourselves
(instead of ruamel's constructor) lets us report every duplicate key rather than stop at the first,
and measure what aliases expand to before anything (pydantic included) walks the expansion.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from govplan.validate import fastyaml
from govplan.validate.findings import Finding
from govplan.validate.positions import Positions

@dataclass
class Loaded:
    """A parsed spec text: its data and positions (None when unreadable) and YAML findings."""

    data: Any
    positions: Positions
    findings: list[Finding] = field(default_factory=list)


def load(text: str) -> Loaded:
    """Data, positions and YAML-level findings of a spec text."""
    try:
        data, positions = fastyaml.read(text)
        return Loaded(data, positions)
    except (fastyaml.Unsupported, RecursionError):  # deep nesting is the full reader's to report
        return _load_full(text)


def _load_full(text: str) -> Loaded:
    """The full reader (validate/fullreader.py), imported with ruamel only for a text that needs it."""
    from govplan.validate.fullreader import load_full

    return load_full(text)
