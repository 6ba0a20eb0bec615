"""govplan's own errors: every one names the file and says what is wrong, in Chinese or English."""

from __future__ import annotations

from govplan.i18n import tr


class GovplanError(Exception):
    """An error a user can act on; the CLI prints it without a traceback."""

    def __init__(self, zh: str, en: str, path: str | None = None) -> None:
        self.zh = zh
        self.en = en
        self.path = path
        super().__init__(self.message)

    @property
    def message(self) -> str:
        text = tr(self.zh, self.en)
        return f"{self.path}: {text}" if self.path else text


class InputError(GovplanError):
    """A source file cannot be read or decoded."""


class OutputError(GovplanError, OSError):
    """An output cannot be written (no permission, no space, a directory in the way); still an
    OSError for callers that treat a failed write as harmless (the user cache)."""


class OutputExistsError(GovplanError):
    """A spec already exists and the user did not ask to overwrite or update it."""
