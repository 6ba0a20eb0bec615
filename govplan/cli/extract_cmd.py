"""`govplan extract`: notices in, specs out."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    pass
