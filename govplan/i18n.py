"""Chinese-first messages with English on request (--lang en, or an English locale)."""

from __future__ import annotations

import os
import sys


def _detect_language(argv: list[str], env: dict[str, str]) -> str:
    """'en' or 'zh': --lang on the command line wins, then GOVPLAN_LANG, then the locale."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return "en" if argv[i + 1].lower().startswith("en") else "zh"
        if arg.startswith("--lang="):
            return "en" if arg.split("=", 1)[1].lower().startswith("en") else "zh"
    if env.get("GOVPLAN_LANG"):
        return "en" if env["GOVPLAN_LANG"].lower().startswith("en") else "zh"
    for key in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(key, "")
        if value:
            return "en" if value.lower().startswith("en") else "zh"
    return "zh"


_language = _detect_language(sys.argv[1:], dict(os.environ))


def set_language(lang: str) -> None:
    global _language
    _language = "en" if lang.lower().startswith("en") else "zh"


def language() -> str:
    return _language


def tr(zh: str, en: str) -> str:
    """The message in the current language."""
    return en if _language == "en" else zh
